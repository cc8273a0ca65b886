/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The keys tests/fixtures/apigw-fixture.py knows by default. */
#define FIXTURE_KEY            "AKIDSIGNETTEST000001"
#define FIXTURE_SECRET         "signet-test-secret-key/+=0001"
#define FIXTURE_DENIED_KEY     "AKIDSIGNETDENIED0002"
#define FIXTURE_DENIED_SECRET  "signet-denied-secret-key/+=0002"
#define FIXTURE_TEMP_KEY       "ASIASIGNETTEMP000003"
#define FIXTURE_TEMP_SECRET    "signet-temp-secret-key/+=0003"
#define FIXTURE_TEMP_TOKEN     "signet-session-token/+=0003"
#define FIXTURE_REGION         "us-west-2"
#define FIXTURE_SERVICE        "execute-api"

/* A running API Gateway fixture: @stage_url is "http://127.0.0.1:PORT/test". */
typedef struct
{
  GSubprocess *process;
  char        *stage_url;
  char        *log_path;
} SignetTestFixture;

SignetTestFixture *signet_test_fixture_start (const char * const *options);
void               signet_test_fixture_stop  (SignetTestFixture *fixture);
char              *signet_test_fixture_url   (SignetTestFixture *fixture,
                                              const char        *path_and_query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetTestFixture, signet_test_fixture_stop)

G_END_DECLS
