/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses, curl's where curl has one. */
#define SIGNET_CLI_EXIT_OK          0
#define SIGNET_CLI_EXIT_FAILURE     1
#define SIGNET_CLI_EXIT_USAGE       2
#define SIGNET_CLI_EXIT_CONNECT     7
#define SIGNET_CLI_EXIT_HTTP_ERROR  22
#define SIGNET_CLI_EXIT_TIMEOUT     28

void          signet_cli_print_error  (const GError  *error);

/* signet-cli is synchronous; the core's calls are async. Pass
 * signet_cli_store_result with &slot as callback, then wait on the slot. */
void          signet_cli_store_result (GObject       *source_object,
                                       GAsyncResult  *result,
                                       gpointer       user_data);
GAsyncResult *signet_cli_wait_for     (GAsyncResult **slot);

G_END_DECLS
