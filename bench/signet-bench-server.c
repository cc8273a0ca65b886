/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <libsoup/soup.h>

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

static gboolean
on_stdin_closed (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GIOChannel) input = g_io_channel_unix_new (0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      fprintf (stderr, "signet-bench-server: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  printf ("PORT %d\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin_closed, loop);
  g_main_loop_run (loop);
  return 0;
}
