/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "signet-preferences-window.h"
#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-test-app.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"

/* The application's chrome: Preferences (bound to the settings both ways,
 * the style applied through AdwStyleManager) and About, opened through
 * their app.* actions as the primary menu does. */

static GObject *
preferences_child (GtkWindow  *preferences,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                  SIGNET_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static GtkWindow *
open_preferences (SignetApplication *app,
                  GtkWindow         *window)
{
  GtkWindow *preferences;

  g_assert_null (signet_test_find_toplevel (SIGNET_TYPE_PREFERENCES_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = signet_test_find_toplevel (SIGNET_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == window);
  g_assert_true (gtk_window_get_modal (preferences));
  signet_test_wait_for_frame (preferences);

  return preferences;
}

static void
settings_cb (SignetApplication *app,
             GtkWindow         *window)
{
  GSettings *settings = signet_application_get_settings (app);
  GtkWindow *preferences = open_preferences (app, window);
  GtkAdjustment *timeout = GTK_ADJUSTMENT (preferences_child (preferences, "timeout_adjustment"));
  GtkAdjustment *history = GTK_ADJUSTMENT (preferences_child (preferences, "history_adjustment"));
  GtkSwitch *redirects = GTK_SWITCH (preferences_child (preferences, "redirects_switch"));

  /* the rows show the settings... */
  g_assert_cmpfloat (gtk_adjustment_get_value (timeout), ==, 30);
  g_assert_cmpfloat (gtk_adjustment_get_value (history), ==, 500);
  g_assert_true (gtk_switch_get_active (redirects));
  g_settings_set_uint (settings, "request-timeout", 12);
  g_assert_cmpfloat (gtk_adjustment_get_value (timeout), ==, 12);

  /* ...and change them */
  gtk_adjustment_set_value (timeout, 90);
  g_assert_cmpuint (g_settings_get_uint (settings, "request-timeout"), ==, 90);
  gtk_adjustment_set_value (history, 20);
  g_assert_cmpuint (g_settings_get_uint (settings, "history-size"), ==, 20);
  gtk_switch_set_active (redirects, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "follow-redirects"));

  /* the schema's range holds: a timeout of 0 would never time out */
  gtk_adjustment_set_value (timeout, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "request-timeout"), ==, 1);

  signet_test_close_and_wait (preferences);
  g_settings_reset (settings, "request-timeout");
  g_settings_reset (settings, "history-size");
  g_settings_reset (settings, "follow-redirects");
  signet_test_close_and_wait (window);
}

static void
test_preferences_settings (void)
{
  signet_test_run_app (settings_cb);
}

/* The current tab's request body wraps and its response view's "wrap" is
 * on exactly when @wrap. */
static void
assert_page_wraps (GtkWindow *window,
                   gboolean   wrap)
{
  SignetRequestPage *page = signet_test_current_page (window);
  GtkWidget *body_view = signet_test_template_child (page, SIGNET_TYPE_REQUEST_PAGE, "body_view");
  GtkWidget *response_view = signet_test_template_child (page, SIGNET_TYPE_REQUEST_PAGE,
                                                         "response_view");

  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (body_view)), ==,
                   wrap ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  g_assert_cmpint (signet_response_view_get_wrap (SIGNET_RESPONSE_VIEW (response_view)), ==, wrap);
}

/* body-wrap: the tabs' bodies follow the setting, the response view's
 * wrap toggle changes it, and so does the Preferences switch. */
static void
body_wrap_cb (SignetApplication *app,
              GtkWindow         *window)
{
  GSettings *settings = signet_application_get_settings (app);
  GtkWindow *preferences;
  GtkWidget *response_view;
  GtkSwitch *wrap;

  g_assert_true (g_settings_get_boolean (settings, "body-wrap"));
  assert_page_wraps (window, TRUE);
  g_settings_set_boolean (settings, "body-wrap", FALSE);
  assert_page_wraps (window, FALSE);

  /* the response view's toggle, through its action as the button does */
  response_view = signet_test_template_child (signet_test_current_page (window),
                                              SIGNET_TYPE_REQUEST_PAGE, "response_view");
  g_assert_true (gtk_widget_activate_action (response_view, "response.wrap", NULL));
  g_assert_true (g_settings_get_boolean (settings, "body-wrap"));
  assert_page_wraps (window, TRUE);

  /* the Preferences switch; a tab opened later follows as well */
  preferences = open_preferences (app, window);
  wrap = GTK_SWITCH (preferences_child (preferences, "wrap_switch"));
  g_assert_true (gtk_switch_get_active (wrap));
  gtk_switch_set_active (wrap, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "body-wrap"));
  assert_page_wraps (window, FALSE);
  signet_test_close_and_wait (preferences);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  assert_page_wraps (window, FALSE);

  g_settings_reset (settings, "body-wrap");
  assert_page_wraps (window, TRUE);
  signet_test_close_and_wait (window);
}

static void
test_preferences_body_wrap (void)
{
  signet_test_run_app (body_wrap_cb);
}

static void
style_cb (SignetApplication *app,
          GtkWindow         *window)
{
  GSettings *settings = signet_application_get_settings (app);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWindow *preferences = open_preferences (app, window);
  AdwComboRow *style_row = ADW_COMBO_ROW (preferences_child (preferences, "style_row"));

  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "follow");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  adw_combo_row_set_selected (style_row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, SIGNET_COLOR_SCHEME_DARK);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  adw_combo_row_set_selected (style_row, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, SIGNET_COLOR_SCHEME_LIGHT);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  /* a change from elsewhere (another window, dconf) shows in the row */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);

  signet_test_close_and_wait (preferences);
  signet_test_close_and_wait (window);
}

static void
style_restored_cb (SignetApplication *app,
                   GtkWindow         *window)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  signet_test_close_and_wait (window);
}

static void
test_preferences_style (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  signet_test_run_app (style_cb);

  /* remembered: the next start applies it before any window shows */
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_settings_set_string (settings, "color-scheme", "light");
  signet_test_run_app (style_restored_cb);
  g_settings_reset (settings, "color-scheme");
}

static void
about_cb (SignetApplication *app,
          GtkWindow         *window)
{
  AdwAboutWindow *about;
  const char * const *developers;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (signet_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == window);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Signet");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  /* from meson's project version, through config.h */
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/signetapp/signet");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==,
                   "https://github.com/signetapp/signet/issues");
  developers = adw_about_window_get_developers (about);
  g_assert_nonnull (developers);
  g_assert_nonnull (developers[0]);
  g_assert_nonnull (adw_about_window_get_copyright (about));

  /* the icon is found, installed or not (the resource carries it) */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                                          APP_ID));

  signet_test_wait_for_frame (GTK_WINDOW (about));
  signet_test_close_and_wait (GTK_WINDOW (about));
  signet_test_close_and_wait (window);
}

static void
test_preferences_about (void)
{
  signet_test_run_app (about_cb);
}

int
main (int   argc,
      char *argv[])
{
  signet_test_app_init (&argc, &argv);

  g_test_add_func ("/signet/preferences/settings", test_preferences_settings);
  g_test_add_func ("/signet/preferences/body-wrap", test_preferences_body_wrap);
  g_test_add_func ("/signet/preferences/style", test_preferences_style);
  g_test_add_func ("/signet/preferences/about", test_preferences_about);

  return signet_test_app_run_tests ();
}
