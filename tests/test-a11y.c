/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "signet-access-check.h"
#include "signet-collection-list.h"
#include "signet-credential-store.h"
#include "signet-explanation-view.h"
#include "signet-preferences-window.h"
#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-window.h"
#include "signet-test-app.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"

/* Every shown control of the real window (tabs and stack pages out of view
 * included), of Preferences, the dialogs, Who Can Get In?, the Signature
 * tab and the explanation of a refusal has a name a screen reader can say: an
 * accessible label or labelled-by relation, a tooltip, or a visible label
 * of its own. A control's insides belong to it and are not walked. */

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_COLOR_BUTTON (widget) || GTK_IS_FONT_BUTTON (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) || ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
}

static gboolean
nonempty (const char *text)
{
  return text != NULL && *text != '\0';
}

/* A label a sighted user reads on the control itself. */
static gboolean
has_visible_label (GtkWidget *widget)
{
  GtkWidget *child;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return nonempty (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    return nonempty (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
  if (ADW_IS_SPLIT_BUTTON (widget))
    return nonempty (adw_split_button_get_label (ADW_SPLIT_BUTTON (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    return nonempty (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  if (nonempty (gtk_button_get_label (GTK_BUTTON (widget))))
    return TRUE;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (child))
    return nonempty (gtk_label_get_text (GTK_LABEL (child)));
  if (ADW_IS_BUTTON_CONTENT (child))
    return nonempty (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)));

  return FALSE;
}

/* A labelled-by relation that names the control. GtkButton points it at
 * its child whatever that is, an icon included: that one does not count
 * (a label child counts as a visible label). */
static gboolean
is_labelled_by_other (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *child;
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  if (!GTK_IS_BUTTON (widget) || (child = gtk_button_get_child (GTK_BUTTON (widget))) == NULL)
    return TRUE;
  differs = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                child, NULL);
  return differs != NULL;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (is_labelled_by_other (widget))
    return TRUE;
  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      /* set, but to an empty string, names nothing */
      g_autofree char *differs = gtk_test_accessible_check_property (accessible,
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     "");
      return differs != NULL;
    }

  return nonempty (gtk_widget_get_tooltip_text (widget)) || has_visible_label (widget);
}

/* "SignetWindow > ... > GtkButton#send_button", for the failure message. */
static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;
      /* GtkBuilder's made-up ids ("___object_1___") say nothing */
      gboolean named = id != NULL && !g_str_has_prefix (id, "___");
      g_autofree char *step = named ? g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (w), id)
                                    : g_strdup (G_OBJECT_TYPE_NAME (w));

      if (path->len > 0)
        g_string_prepend (path, " > ");
      g_string_prepend (path, step);
      /* the nearest Signet widget is context enough */
      if (w != widget && g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Signet"))
        break;
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* A template child of a GTK or libadwaita class (AdwPreferencesWindow's
 * search entry): the library's to name, not Signet's. */
static gboolean
is_library_internal (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  if (id == NULL)
    return FALSE;
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget); ancestor; ancestor = gtk_widget_get_parent (ancestor))
    for (GType type = G_OBJECT_TYPE (ancestor); type != GTK_TYPE_WIDGET; type = g_type_parent (type))
      if (!g_str_has_prefix (g_type_name (type), "Signet") &&
          gtk_widget_get_template_child (ancestor, type, id) == G_OBJECT (widget))
        return TRUE;

  return FALSE;
}

static void
check_controls (GtkWidget *widget,
                GString   *unnamed,
                guint     *n_controls)
{
  /* not shown, not announced (stack pages out of view are shown) */
  if (!gtk_widget_get_visible (widget))
    return;
  if (is_control (widget))
    {
      g_autofree char *where = NULL;

      (*n_controls)++;
      /* a menu button's popover (the History list) holds controls too */
      if (GTK_IS_MENU_BUTTON (widget))
        {
          GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

          if (popover != NULL && !GTK_IS_POPOVER_MENU (popover) && gtk_popover_get_child (popover) != NULL)
            check_controls (gtk_popover_get_child (popover), unnamed, n_controls);
        }
      if (has_accessible_name (widget))
        return;
      where = describe (widget);
      if (is_library_internal (widget))
        g_test_message ("unnamed, but the library's own: %s", where);
      else
        g_string_append_printf (unnamed, "  %s\n", where);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_controls (child, unnamed, n_controls);
}

/* @widget a window, or a part of one checked on its own so that its
 * controls are known to be reached. */
static void
check_widget (GtkWidget *widget,
              guint      at_least)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  check_controls (widget, unnamed, &n_controls);
  if (unnamed->len > 0)
    g_error ("controls without an accessible name in %s:\n%s", G_OBJECT_TYPE_NAME (widget), unnamed->str);
  /* the walk reached the controls (the Auth tab's, hidden, included) */
  g_assert_cmpuint (n_controls, >=, at_least);
  g_test_message ("%u controls named in %s", n_controls, G_OBJECT_TYPE_NAME (widget));
}

static void
check_window (GtkWindow *window,
              guint      at_least)
{
  check_widget (GTK_WIDGET (window), at_least);
}

static void
window_cb (SignetApplication *app,
           GtkWindow         *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  SignetRequest *request;
  AdwMessageDialog *dialog;
  gboolean destroyed = FALSE;
  GtkWidget *second;

  /* a second tab: pages made after the first are walked too; with AWS
   * Signature chosen, so its rows are shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  second = adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, 1));
  request = signet_request_page_get_request (SIGNET_REQUEST_PAGE (second));
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_test_wait_for_frame (window);
  check_window (window, 30);

  /* the auth change is an edit: the window asks before discarding it */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  gtk_window_close (window);
  dialog = ADW_MESSAGE_DIALOG (signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  check_window (GTK_WINDOW (dialog), 2);
  adw_message_dialog_response (dialog, "discard");
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

static void
test_a11y_window (void)
{
  signet_test_run_app (window_cb);
}

static void
preferences_cb (SignetApplication *app,
                GtkWindow         *window)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = signet_test_find_toplevel (SIGNET_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  signet_test_wait_for_frame (preferences);
  check_window (preferences, 5);
  signet_test_close_and_wait (preferences);
  signet_test_close_and_wait (window);
}

typedef struct
{
  GPtrArray *before;
  GtkWindow *opened;
} NewToplevel;

/* A shown toplevel that was not there before: some open after a look-up. */
static gboolean
new_toplevel_shown (gpointer data)
{
  NewToplevel *wait = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, j);

      if (!g_ptr_array_find (wait->before, toplevel, NULL) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        wait->opened = toplevel;
    }

  return wait->opened != NULL;
}

/* Runs @action of the main window and checks the window it opens. */
static GtkWindow *
open_and_check (GtkWindow  *window,
                const char *action)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  NewToplevel wait = { g_ptr_array_new_with_free_func (g_object_unref), NULL };

  for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
    g_ptr_array_add (wait.before, g_list_model_get_item (toplevels, j));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  signet_test_wait_until (new_toplevel_shown, &wait, action);
  g_ptr_array_unref (wait.before);
  g_test_message ("%s opened %s", action, G_OBJECT_TYPE_NAME (wait.opened));
  signet_test_wait_for_frame (wait.opened);
  check_window (wait.opened, 2);

  return wait.opened;
}

static void
answer (GtkWindow  *dialog,
        const char *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
}

static gboolean
has_collection (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

/* The windows the main window's actions open: New Collection, then (with
 * a collection to save in and environments to belong to) Save As and the
 * environment editor. */
static void
dialogs_cb (SignetApplication *app,
            GtkWindow         *window)
{
  g_autoptr(SignetCollectionList) list = NULL;
  g_autoptr(SignetCollection) collection = NULL;
  GListModel *collections;
  GtkWindow *dialog;

  g_object_get (window, "collections", &list, NULL);
  collections = signet_collection_list_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (collections), ==, 0);

  dialog = open_and_check (window, "win.new-collection");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "Accessibility Check");
  answer (dialog, "create");
  signet_test_wait_until (has_collection, collections, "the new collection");
  collection = g_list_model_get_item (collections, 0);

  answer (open_and_check (window, "win.save-as"), "cancel");
  signet_test_close_and_wait (open_and_check (window, "win.new-environment"));

  /* Who Can Get In?, on the new collection: its form's entries and buttons */
  dialog = open_and_check (window, "win.check-access");
  g_assert_true (SIGNET_IS_ACCESS_CHECK (dialog));
  check_window (dialog, 8);
  signet_test_close_and_wait (dialog);

  signet_test_close_and_wait (window);
  /* the next test starts with no collection again */
  signet_test_remove_tree (signet_collection_get_dir (collection));
}

static void
test_a11y_dialogs (void)
{
  signet_test_run_app (dialogs_cb);
}

static void
test_a11y_preferences (void)
{
  signet_test_run_app (preferences_cb);
}

static GtkWidget *
page_child (SignetRequestPage *page,
            const char        *name)
{
  return signet_test_page_child (page, name);
}

static GtkWidget *
explanation_child (SignetRequestPage *page,
                   const char        *name)
{
  GtkWidget *response_view = page_child (page, "response_view");
  GtkWidget *view = signet_test_template_child (response_view, SIGNET_TYPE_RESPONSE_VIEW,
                                                "explanation_view");

  return name ? signet_test_template_child (view, SIGNET_TYPE_EXPLANATION_VIEW, name) : view;
}

/* A send to the API Gateway fixture, signed with @access_key_id. */
static void
send_signed (SignetRequestPage *page,
             SignetTestFixture *fixture,
             const char        *access_key_id,
             const char        *secret,
             const char        *service)
{
  SignetRequest *request = signet_request_page_get_request (page);
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets");

  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "url_entry")), url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, access_key_id);
  signet_request_set_region (request, FIXTURE_REGION);
  signet_request_set_service (request, service);
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "secret_key_row")), secret);
  signet_test_send_and_wait (page);
  g_assert_cmpstr (signet_test_shown_status (page), ==, "403 Forbidden");
}

/* The explanation of API Gateway's refusals, with its buttons shown (the
 * policy's Copy for a denial, Use … for a wrong service), and the
 * Signature tab of the send, each part with its Copy. */
static void
test_a11y_explanation (void)
{
  g_autoptr(SignetTestFixture) fixture = signet_test_fixture_start (NULL);
  g_autoptr(SignetClient) client = signet_client_new (NULL);
  g_autoptr(SignetCredentialStore) store = signet_credential_store_new ();
  SignetRequestPage *page;
  GtkWindow *window;

  window = signet_test_present_page (client, store, 1000, 900, &page);

  send_signed (page, fixture, FIXTURE_DENIED_KEY, FIXTURE_DENIED_SECRET, FIXTURE_SERVICE);
  g_assert_true (gtk_widget_is_visible (explanation_child (page, "copy_policy_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.inspect-signature", NULL));
  signet_test_wait_for_frame (window);
  check_widget (explanation_child (page, NULL), 1);
  /* the canonical request, string-to-sign, scope, signed headers, signature */
  check_widget (page_child (page, "signature_inspector"), 5);
  check_window (window, 30);

  send_signed (page, fixture, FIXTURE_KEY, FIXTURE_SECRET, "lambda");
  g_assert_true (gtk_widget_is_visible (explanation_child (page, "fix_button")));
  signet_test_wait_for_frame (window);
  check_widget (explanation_child (page, NULL), 1);
  check_window (window, 30);

  gtk_window_destroy (window);
}

/* The check itself: a bare icon button is caught, a labelled one passes. */
static void
test_a11y_detects_unnamed (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bare = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *labelled = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *empty = gtk_switch_new ();
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  g_object_ref_sink (box);
  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), empty);
  gtk_accessible_update_property (GTK_ACCESSIBLE (labelled), GTK_ACCESSIBLE_PROPERTY_LABEL, "Copy", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (empty), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  check_controls (box, unnamed, &n_controls);
  g_assert_cmpuint (n_controls, ==, 3);
  g_assert_cmpstr (unnamed->str, ==, "  GtkBox > GtkButton\n  GtkBox > GtkSwitch\n");
  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  signet_test_app_init (&argc, &argv);

  g_test_add_func ("/signet/a11y/detects-unnamed", test_a11y_detects_unnamed);
  g_test_add_func ("/signet/a11y/window", test_a11y_window);
  g_test_add_func ("/signet/a11y/preferences", test_a11y_preferences);
  g_test_add_func ("/signet/a11y/dialogs", test_a11y_dialogs);
  g_test_add_func ("/signet/a11y/explanation", test_a11y_explanation);

  return signet_test_app_run_tests ();
}
