/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-app.h"
#include "signet-test-keyring.h"
#include "signet-test-ui.h"

static char *keyring_dir;

void
signet_test_app_init (int    *argc,
                      char ***argv)
{
  keyring_dir = signet_test_keyring_use_file ();
  gtk_test_init (argc, argv, NULL);
}

int
signet_test_app_run_tests (void)
{
  int status = g_test_run ();

  signet_test_keyring_remove (keyring_dir);
  g_clear_pointer (&keyring_dir, g_free);
  return status;
}

static void
activate_cb (SignetApplication    *app,
             SignetTestAppFunc  func)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  GtkWindow *window;

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (ADW_IS_APPLICATION_WINDOW (windows->data));
  window = windows->data;

  signet_test_wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  func (app, window);
}

void
signet_test_run_app (SignetTestAppFunc func)
{
  SignetApplication *app;
  int status;

  app = signet_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), func);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &app);
  g_object_unref (app);
  g_assert_null (app);
}

void
signet_test_close_and_wait (GtkWindow *window)
{
  gboolean destroyed = FALSE;

  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  gtk_window_close (window);
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

/* The visible toplevel of @type (the last one), or NULL. */
GtkWindow *
signet_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}
