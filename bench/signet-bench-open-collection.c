/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "signet-application.h"
#include "signet-collection-list.h"
#include "signet-sidebar.h"
#include "signet-window.h"

/* bench/open-collection: the real application opens a collection folder
 * in its first window; the clock runs from the moment the window has
 * drawn itself empty to the first frame drawn after every row of the
 * sidebar's tree is there (the collection and its folders expanded).
 * Memory: VmRSS at the empty window, and at the end. */

static const char *collection_path;
static guint expected_rows;
static gint64 process_start;

static gboolean flag;

static void
set_flag (void)
{
  flag = TRUE;
}

static void
wait_for_flag (void)
{
  while (!flag)
    g_main_context_iteration (NULL, TRUE);
  flag = FALSE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag), NULL);

  gtk_widget_queue_draw (widget);
  wait_for_flag ();
  g_signal_handler_disconnect (clock, handler);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static void
collection_opened (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  set_flag ();
}

/* Expands every row; returns how many rows the tree has then. */
static guint
expand_all (GListModel *rows)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      if (gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return g_list_model_get_n_items (rows);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);
  GtkPaned *paned;
  SignetSidebar *sidebar;
  g_autoptr(SignetCollectionList) list = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (collection_path);
  gint64 empty_at, opened_at, drawn_at;
  long empty_rss, full_rss;
  guint n_rows;

  wait_for_frame (GTK_WIDGET (window));
  empty_at = g_get_monotonic_time ();
  empty_rss = rss_kib ();

  g_object_get (window, "collections", &list, NULL);
  signet_collection_list_open_async (list, dir, NULL, collection_opened, NULL);
  wait_for_flag ();
  opened_at = g_get_monotonic_time ();

  paned = GTK_PANED (gtk_widget_get_template_child (GTK_WIDGET (window), SIGNET_TYPE_WINDOW, "paned"));
  sidebar = SIGNET_SIDEBAR (gtk_paned_get_start_child (paned));
  n_rows = expand_all (signet_sidebar_get_rows (sidebar));
  wait_for_frame (GTK_WIDGET (window));
  drawn_at = g_get_monotonic_time ();
  full_rss = rss_kib ();

  printf ("rows in the sidebar:            %u (expected %u)\n", n_rows, expected_rows);
  printf ("start to empty window drawn:    %.0f ms\n", (empty_at - process_start) / 1000.0);
  printf ("open to collection loaded:      %.0f ms\n", (opened_at - empty_at) / 1000.0);
  printf ("open to sidebar drawn, all rows: %.0f ms\n", (drawn_at - empty_at) / 1000.0);
  printf ("VmRSS, empty window:            %.1f MiB\n", empty_rss / 1024.0);
  printf ("VmRSS, collection shown:        %.1f MiB (+%.1f MiB)\n", full_rss / 1024.0,
          (full_rss - empty_rss) / 1024.0);
  if (n_rows != expected_rows)
    g_error ("the sidebar has %u rows, not %u", n_rows, expected_rows);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SignetApplication) app = NULL;

  process_start = g_get_monotonic_time ();
  if (argc != 3)
    {
      fprintf (stderr, "usage: signet-bench-open-collection DIR ROWS\n");
      return 2;
    }
  collection_path = argv[1];
  expected_rows = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  app = signet_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
