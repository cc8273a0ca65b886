/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-bench-serve.h"

/* A server for bench/run-collection that costs as little as a server can:
 * every request gets 200 and a short JSON body, nothing is verified, so
 * the figures are the client's. Prints "PORT <n>", then serves on
 * 127.0.0.1 until its standard input closes. */

static const char body[] = "[{\"id\":1,\"type\":\"dog\",\"price\":249.99}]";

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    body, sizeof body - 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);

  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  return signet_bench_serve (server, "signet-bench-server");
}
