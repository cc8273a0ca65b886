/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-window.h"
#include "signet-test-app.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"

/* The whole flow by keyboard alone, in the real window: Tab to the URL,
 * type it, choose AWS Signature in the Auth tab, type the keys, send with
 * Ctrl+Enter, read the status. The keys are real key presses: XTest puts
 * them into the X server (Xvfb), which sends them to the focused window as
 * it would a keyboard's. The test only looks (at the focus, to know when
 * to stop pressing Tab, and at the result), as a user does. */

static SignetTestFixture *fixture;

/* Key events GTK handled (presses and releases), counted in the capture
 * phase: each faked key is waited for until it has been handled. */
static guint keys_seen;

static gboolean
key_seen_cb (void)
{
  keys_seen++;
  return GDK_EVENT_PROPAGATE;
}

/* Counts the key events of @widget's window and of every popover in it:
 * a popover (a drop-down's list) gets its keys on a surface of its own. */
static void
watch_keys (GtkWidget *widget)
{
  if ((GTK_IS_WINDOW (widget) || GTK_IS_POPOVER (widget)) &&
      g_object_get_data (G_OBJECT (widget), "signet-test-keys") == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (key_seen_cb), NULL);
      g_signal_connect (keys, "key-released", G_CALLBACK (key_seen_cb), NULL);
      gtk_widget_add_controller (widget, keys);
      g_object_set_data (G_OBJECT (widget), "signet-test-keys", keys);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    watch_keys (child);
}

static gboolean
keys_seen_reach (gpointer data)
{
  return keys_seen >= GPOINTER_TO_UINT (data);
}

static Display *
x_display (GtkWidget *widget)
{
  return gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
}

static void
fake_key (GtkWidget *widget,
          KeySym     keysym,
          gboolean   press)
{
  Display *display = x_display (widget);
  KeyCode keycode = XKeysymToKeycode (display, keysym);
  guint expected = keys_seen + 1;

  g_assert_cmpuint (keycode, !=, 0);
  watch_keys (GTK_WIDGET (gtk_widget_get_root (widget)));
  XTestFakeKeyEvent (display, keycode, press, CurrentTime);
  XFlush (display);
  signet_test_wait_until (keys_seen_reach, GUINT_TO_POINTER (expected), "a key event");
}

static const struct {
  GdkModifierType mask;
  KeySym          keysym;
} modifier_keys[] = {
  { GDK_CONTROL_MASK, XK_Control_L },
  { GDK_SHIFT_MASK, XK_Shift_L },
  { GDK_ALT_MASK, XK_Alt_L },
};

/* One key, with Control, Shift or Alt held around it. */
static void
press (GtkWidget       *widget,
       KeySym           keysym,
       GdkModifierType  modifiers)
{
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifiers & modifier_keys[i].mask)
      fake_key (widget, modifier_keys[i].keysym, TRUE);
  fake_key (widget, keysym, TRUE);
  fake_key (widget, keysym, FALSE);
  for (guint i = G_N_ELEMENTS (modifier_keys); i-- > 0;)
    if (modifiers & modifier_keys[i].mask)
      fake_key (widget, modifier_keys[i].keysym, FALSE);
}

/* Types ASCII text as a US keyboard does: Shift for ':' or 'A'. */
static void
type_text (GtkWidget  *widget,
           const char *text)
{
  Display *display = x_display (widget);

  for (const char *c = text; *c != '\0'; c++)
    {
      /* printable ASCII keysyms are the characters themselves */
      KeySym keysym = (guchar) *c;
      KeyCode keycode = XKeysymToKeycode (display, keysym);
      gboolean shifted = XkbKeycodeToKeysym (display, keycode, 0, 0) != keysym;

      g_assert_true (g_ascii_isprint (*c));
      press (widget, keysym, shifted ? GDK_SHIFT_MASK : 0);
    }
}

static gboolean
focus_within (GtkWindow *window,
              GtkWidget *target)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

/* Presses Tab until the focus is in @target, as a user watching it would;
 * fails when a full round of the window never gets there. */
static void
tab_to (GtkWindow  *window,
        GtkWidget  *target,
        const char *what)
{
  g_autoptr(GString) visited = g_string_new (NULL);

  for (guint i = 0; i < 80 && !focus_within (window, target); i++)
    {
      GtkWidget *focus;

      press (GTK_WIDGET (window), XK_Tab, 0);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_string_append_printf (visited, " %s", focus ? G_OBJECT_TYPE_NAME (focus) : "(none)");
    }
  if (!focus_within (window, target))
    g_error ("Tab never reached %s; the focus went to:%s", what, visited->str);
}

static void
replace_text (GtkWindow  *window,
              const char *text)
{
  press (GTK_WIDGET (window), XK_a, GDK_CONTROL_MASK);
  type_text (GTK_WIDGET (window), text);
}

static GtkWidget *
page_child (GtkWidget  *page,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, SIGNET_TYPE_REQUEST_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static GtkWidget *
find_switcher (GtkWidget *widget,
               GtkStack  *stack)
{
  if (GTK_IS_STACK_SWITCHER (widget) && gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (widget)) == stack)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switcher (child, stack);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The switcher's button for the page @name: the switcher makes one button
 * per page, in the pages' order. */
static GtkWidget *
switcher_button (GtkWindow  *window,
                 GtkStack   *stack,
                 const char *name)
{
  GtkWidget *switcher = find_switcher (GTK_WIDGET (window), stack);
  GtkWidget *button;
  guint position = 0;

  g_assert_nonnull (switcher);
  g_assert_nonnull (gtk_stack_get_child_by_name (stack, name));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child; child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_stack_page_get_name (gtk_stack_get_page (stack, child)), name) == 0)
        break;
      position++;
    }
  button = gtk_widget_get_first_child (switcher);
  for (guint i = 0; i < position && button != NULL; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));

  return button;
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_popover (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list is open and has the keyboard, as a user sees before pressing
 * the arrow keys. */
static gboolean
popover_open (gpointer data)
{
  GtkWidget *dropdown = data;
  GtkWidget *popover = find_popover (dropdown);

  return popover != NULL && gtk_widget_get_mapped (popover) &&
         focus_within (GTK_WINDOW (gtk_widget_get_root (dropdown)), popover);
}

/* The list has closed and the keyboard is back on the drop-down. */
static gboolean
popover_closed (gpointer data)
{
  GtkWidget *dropdown = data;
  GtkWidget *popover = find_popover (dropdown);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (dropdown));

  return !gtk_widget_get_mapped (popover) && gtk_window_is_active (window) &&
         focus_within (window, dropdown) && !focus_within (window, popover);
}

static gboolean
exchange_done (gpointer data)
{
  GtkWidget *page = data;
  GObject *view = gtk_widget_get_template_child (page, SIGNET_TYPE_REQUEST_PAGE, "response_view");
  gboolean sending = TRUE;

  g_object_get (page, "sending", &sending, NULL);
  return !sending && !signet_response_view_get_busy (SIGNET_RESPONSE_VIEW (view));
}

static const char *
shown_status (GtkWidget *page)
{
  GObject *view = gtk_widget_get_template_child (page, SIGNET_TYPE_REQUEST_PAGE, "response_view");
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (view), SIGNET_TYPE_RESPONSE_VIEW,
                                                  "status_label");

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
flow_cb (SignetApplication *app,
         GtkWindow         *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  GtkWidget *page = adw_tab_page_get_child (adw_tab_view_get_selected_page (tab_view));
  SignetRequest *request = signet_request_page_get_request (SIGNET_REQUEST_PAGE (page));
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets");
  GtkWidget *auth_dropdown = page_child (page, "auth_kind_dropdown");
  /* the tabs of the request: Params, Headers, Body, Auth */
  GtkStack *request_stack = GTK_STACK (gtk_widget_get_ancestor (auth_dropdown, GTK_TYPE_STACK));
  gboolean destroyed = FALSE;
  AdwMessageDialog *dialog;

  /* X sends keys to the window with the input focus; with no window
   * manager in Xvfb, give it that focus as a window manager would */
  XSetInputFocus (x_display (GTK_WIDGET (window)),
                  gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  signet_test_wait_until (window_is_active, window, "the window to have the keyboard focus");

  /* the URL */
  tab_to (window, page_child (page, "url_entry"), "the URL entry");
  type_text (GTK_WIDGET (window), url);
  g_assert_cmpstr (signet_request_get_url (request), ==, url);

  /* the Auth tab, then AWS Signature from the list */
  tab_to (window, switcher_button (window, request_stack, "auth"), "the Auth tab");
  press (GTK_WIDGET (window), XK_space, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (request_stack), ==, "auth");
  tab_to (window, auth_dropdown, "the authorization type");
  press (GTK_WIDGET (window), XK_space, 0);
  signet_test_wait_until (popover_open, auth_dropdown, "the list to open");
  press (GTK_WIDGET (window), XK_Down, 0);
  press (GTK_WIDGET (window), XK_Return, 0);
  signet_test_wait_until (popover_closed, auth_dropdown, "the list to close");
  g_assert_cmpint (signet_request_get_auth_kind (request), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (auth_dropdown)), ==, 1);

  /* the keys, the region and the service (a local host says neither) */
  tab_to (window, page_child (page, "access_key_row"), "the access key ID");
  replace_text (window, FIXTURE_KEY);
  tab_to (window, page_child (page, "secret_key_row"), "the secret access key");
  replace_text (window, FIXTURE_SECRET);
  tab_to (window, page_child (page, "region_row"), "the region");
  replace_text (window, FIXTURE_REGION);
  tab_to (window, page_child (page, "service_row"), "the service");
  replace_text (window, FIXTURE_SERVICE);
  g_assert_cmpstr (signet_request_get_access_key_id (request), ==, FIXTURE_KEY);
  g_assert_cmpstr (signet_request_get_region (request), ==, FIXTURE_REGION);

  /* send, and read the answer the API Gateway fixture gave */
  press (GTK_WIDGET (window), XK_Return, GDK_CONTROL_MASK);
  signet_test_wait_until (exchange_done, page, "the response");
  g_assert_cmpstr (shown_status (page), ==, "200 OK");

  /* done; should closing ask about the unsaved request, that answer is
   * not what this test is about */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  gtk_window_close (window);
  dialog = ADW_MESSAGE_DIALOG (signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "discard");
  signet_test_wait_for (&destroyed, "the window to close");
}

static void
test_keyboard_flow (void)
{
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("key presses are faked through XTest: needs X11 (Xvfb)");
      return;
    }

  fixture = signet_test_fixture_start (NULL);
  signet_test_run_app (flow_cb);
  g_clear_pointer (&fixture, signet_test_fixture_stop);
}

int
main (int   argc,
      char *argv[])
{
  signet_test_app_init (&argc, &argv);

  g_test_add_func ("/signet/keyboard/flow", test_keyboard_flow);

  return signet_test_app_run_tests ();
}
