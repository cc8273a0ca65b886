/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "signet-bench-serve.h"

static gboolean
on_stdin_closed (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
signet_bench_serve (SoupServer *server,
                    const char *program)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GIOChannel) input = g_io_channel_unix_new (0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      fprintf (stderr, "%s: %s\n", program, error->message);
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
