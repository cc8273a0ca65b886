/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN. The secret and token are wiped when freed. */
typedef struct
{
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
} SignetCliEnvCredentials;

SignetCliEnvCredentials *signet_cli_env_credentials_load (void);
void                     signet_cli_env_credentials_free (SignetCliEnvCredentials *credentials);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCliEnvCredentials, signet_cli_env_credentials_free)

G_END_DECLS
