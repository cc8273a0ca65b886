/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "signet-aws-auth.h"
#include "signet-exchange.h"

G_BEGIN_DECLS

#define SIGNET_CLIENT_MAX_REDIRECTS 10

#define SIGNET_TYPE_CLIENT (signet_client_get_type ())
G_DECLARE_FINAL_TYPE (SignetClient, signet_client, SIGNET, CLIENT, GObject)

SignetClient   *signet_client_new         (SoupSession          *session);
SoupSession    *signet_client_get_session (SignetClient         *self);
void            signet_client_send_async  (SignetClient         *self,
                                           const SignetWireRequest *request,
                                           const SignetAwsAuth  *auth,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
SignetExchange *signet_client_send_finish (SignetClient         *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
