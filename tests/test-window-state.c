/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "signet-test-app.h"
#include "signet-test-ui.h"

/* A window opens maximized when the last one closed maximized, and keeps
 * the size it had before it was maximized, for when it is unmaximized.
 * (/signet/window/present covers a window that was not maximized.) */

#define STORED_WIDTH  777
#define STORED_HEIGHT 555

static gboolean
is_maximized (gpointer window)
{
  return gtk_window_is_maximized (window);
}

static void
maximized_cb (SignetApplication *app,
              GtkWindow         *window)
{
  GSettings *settings = signet_application_get_settings (app);
  int width, height;

  signet_test_wait_until (is_maximized, window, "the window to open maximized");
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, STORED_WIDTH);
  g_assert_cmpint (height, ==, STORED_HEIGHT);

  /* closing writes the state back: overwrite it to see that */
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_int (settings, "window-width", 1);
  signet_test_close_and_wait (window);

  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  /* the size to return to, not the maximized one */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, STORED_WIDTH);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, STORED_HEIGHT);
}

static void
test_window_state_maximized (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", STORED_WIDTH);
  g_settings_set_int (settings, "window-height", STORED_HEIGHT);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  signet_test_run_app (maximized_cb);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

int
main (int   argc,
      char *argv[])
{
  signet_test_app_init (&argc, &argv);

  g_test_add_func ("/signet/window-state/maximized", test_window_state_maximized);

  return signet_test_app_run_tests ();
}
