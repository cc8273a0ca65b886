/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "signet-application.h"
#include "signet-request-page.h"
#include "signet-window.h"
#include "signet-test-app.h"
#include "signet-test-ui.h"

static void
present_cb (SignetApplication *app,
            GtkWindow         *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwTabView *tab_view;
  AdwTabPage *tab_page;
  int width, height;

  g_assert_cmpstr (gtk_window_get_title (window), ==, "Signet");

  /* The size test_window_present() stored before the run. */
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 634);

  tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  g_assert_true (ADW_IS_TAB_VIEW (tab_view));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  tab_page = adw_tab_view_get_nth_page (tab_view, 0);
  g_assert_true (SIGNET_IS_REQUEST_PAGE (adw_tab_page_get_child (tab_page)));
  g_assert_true (gtk_widget_get_mapped (adw_tab_page_get_child (tab_page)));
  g_assert_cmpstr (adw_tab_page_get_title (tab_page), ==, "New Request");

  /* Closing must write the window's size back: overwrite what is stored,
   * close, and expect the window's size again. */
  g_settings_set_int (settings, "window-width", 1);
  g_settings_set_int (settings, "window-height", 1);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  signet_test_close_and_wait (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 634);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_window_present (void)
{
  /* GSETTINGS_BACKEND=memory: every GSettings in this process shares
   * the values, the application's included. A size unlike the schema's
   * defaults, to see that it is restored. */
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", 812);
  g_settings_set_int (settings, "window-height", 634);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  signet_test_run_app (present_cb);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
}

static void
new_tab_cb (SignetApplication *app,
            GtkWindow         *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  AdwTabPage *second;
  gboolean destroyed = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  second = adw_tab_view_get_nth_page (tab_view, 1);
  g_assert_true (SIGNET_IS_REQUEST_PAGE (adw_tab_page_get_child (second)));
  g_assert_true (adw_tab_view_get_selected_page (tab_view) == second);

  /* Closing one tab keeps the window; closing the last one closes it. */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  adw_tab_view_close_page (tab_view, second);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  g_assert_false (destroyed);

  adw_tab_view_close_page (tab_view, adw_tab_view_get_nth_page (tab_view, 0));
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

static void
test_window_new_tab (void)
{
  signet_test_run_app (new_tab_cb);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Answers the dialog as its buttons would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  /* a reference: "discard" may destroy the window and its dialog with it */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static SignetRequest *
nth_request (AdwTabView *tab_view,
             int         position)
{
  GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, position));

  return signet_request_page_get_request (SIGNET_REQUEST_PAGE (child));
}

static void
close_modified_tab_cb (SignetApplication *app,
                       GtkWindow         *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  SignetRequest *edited;
  gboolean destroyed = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  edited = nth_request (tab_view, 1);
  signet_request_set_url (edited, "https://abc123.execute-api.us-west-2.amazonaws.com/test/pets");
  g_assert_true (signet_request_get_modified (edited));

  /* asks; Cancel keeps the tab */
  adw_tab_view_close_page (tab_view, adw_tab_view_get_nth_page (tab_view, 1));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  respond (find_message_dialog (), "cancel");
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  g_assert_true (nth_request (tab_view, 1) == edited);

  /* asks; Discard closes it */
  adw_tab_view_close_page (tab_view, adw_tab_view_get_nth_page (tab_view, 1));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  respond (find_message_dialog (), "discard");
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);

  /* an unmodified tab closes without asking */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  g_assert_false (signet_request_get_modified (nth_request (tab_view, 0)));
  adw_tab_view_close_page (tab_view, adw_tab_view_get_nth_page (tab_view, 0));
  g_assert_null (find_message_dialog ());
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

static void
test_window_close_modified_tab (void)
{
  signet_test_run_app (close_modified_tab_cb);
}

static void
close_modified_window_cb (SignetApplication *app,
                          GtkWindow         *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  gboolean destroyed = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  signet_request_set_body_text (nth_request (tab_view, 0), "{}");
  signet_request_set_body_text (nth_request (tab_view, 1), "{}");

  /* one question for both tabs */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  gtk_window_close (window);
  respond (find_message_dialog (), "cancel");
  g_assert_null (find_message_dialog ());
  g_assert_false (destroyed);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);

  gtk_window_close (window);
  respond (find_message_dialog (), "discard");
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

static void
test_window_close_modified_window (void)
{
  signet_test_run_app (close_modified_window_cb);
}

static void
quit_cb (SignetApplication *app,
         GtkWindow         *window)
{
  gboolean destroyed = FALSE;

  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

static void
test_window_quit (void)
{
  signet_test_run_app (quit_cb);
}

/* Request timeout and redirects are settings, applied to the shared client
 * as they change. */
static void
settings_cb (SignetApplication *app,
             GtkWindow         *window)
{
  GSettings *settings = signet_application_get_settings (app);
  g_autoptr(SignetClient) client = NULL;
  gboolean follow = TRUE;

  g_object_get (window, "client", &client, NULL);
  g_assert_cmpuint (soup_session_get_timeout (signet_client_get_session (client)), ==, 30);
  g_settings_set_uint (settings, "request-timeout", 5);
  g_settings_set_boolean (settings, "follow-redirects", FALSE);
  g_assert_cmpuint (soup_session_get_timeout (signet_client_get_session (client)), ==, 5);
  g_object_get (client, "follow-redirects", &follow, NULL);
  g_assert_false (follow);
  g_settings_reset (settings, "request-timeout");
  g_settings_reset (settings, "follow-redirects");
  gtk_window_close (window);
}

static void
test_window_settings (void)
{
  signet_test_run_app (settings_cb);
}

int
main (int   argc,
      char *argv[])
{
  signet_test_app_init (&argc, &argv);

  g_test_add_func ("/signet/window/present", test_window_present);
  g_test_add_func ("/signet/window/new-tab", test_window_new_tab);
  g_test_add_func ("/signet/window/quit", test_window_quit);
  g_test_add_func ("/signet/window/close-modified-tab", test_window_close_modified_tab);
  g_test_add_func ("/signet/window/close-modified-window", test_window_close_modified_window);
  g_test_add_func ("/signet/window/settings", test_window_settings);

  return signet_test_app_run_tests ();
}
