/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-client.h"
#include "signet-credential-store.h"
#include "signet-request.h"
#include "signet-run-result.h"
#include "signet-variables.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_RUNNER (signet_runner_get_type ())

G_DECLARE_FINAL_TYPE (SignetRunner, signet_runner, SIGNET, RUNNER, GObject)

SignetRunner *signet_runner_new                     (SignetClient           *client,
                                                     SignetCredentialStore  *store);
void          signet_runner_add                     (SignetRunner           *self,
                                                     const char             *folder,
                                                     const char             *name,
                                                     SignetRequest          *request);
guint         signet_runner_get_n_requests          (SignetRunner           *self);
void          signet_runner_set_default_credential  (SignetRunner           *self,
                                                     const SignetCredential *credential);

void          signet_runner_run_async               (SignetRunner           *self,
                                                     SignetVariableLookup    lookup,
                                                     gpointer                lookup_data,
                                                     guint                   iterations,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
GPtrArray    *signet_runner_run_finish              (SignetRunner           *self,
                                                     GAsyncResult           *result,
                                                     GError                **error);

G_END_DECLS
