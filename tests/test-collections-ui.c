/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "signet-collection-list.h"
#include "signet-environment-editor.h"
#include "signet-environment-secret.h"
#include "signet-request-json.h"
#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-save-dialog.h"
#include "signet-secure-memory.h"
#include "signet-sidebar.h"
#include "signet-test-app.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"
#include "signet-window.h"

/* Collections and environments in the real window, under Xvfb: a
 * collection folder in the test's temp dir, opened as "Open Collection
 * Folder…" does, driven through the window's actions, its dialogs'
 * answers and the sidebar's rows; the files on disk and the API Gateway
 * fixture's answers are the checks. */

#define SECRET_VALUE "s3cr3t-variable-value/+=9"

static char *collection_path;
static SignetTestFixture *fixture;

/* Files */

static char *
collection_file (const char *relative_path)
{
  return g_build_filename (collection_path, relative_path, NULL);
}

static void
write_collection_file (const char *relative_path,
                       const char *text)
{
  g_autofree char *path = collection_file (relative_path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_collection_file (const char *relative_path)
{
  g_autofree char *path = collection_file (relative_path);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static gboolean
collection_file_exists (const char *relative_path)
{
  g_autofree char *path = collection_file (relative_path);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
collection_file_missing (const char *relative_path)
{
  return !collection_file_exists (relative_path);
}

static void
write_request (const char *relative_path,
               const char *name,
               const char *url)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autofree char *text = NULL;

  signet_request_set_url (request, url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  signet_request_set_region (request, FIXTURE_REGION);
  text = signet_request_to_json (request, name);
  write_collection_file (relative_path, text);
}

static void
write_environment (const char *name,
                   const char *base_url)
{
  g_autoptr(SignetEnvironment) environment = signet_environment_new (name);
  g_autofree char *slug = signet_environment_dup_slug (environment);
  g_autofree char *path = g_strdup_printf ("environments/%s.json", slug);
  g_autofree char *text = NULL;

  signet_environment_set_variable (environment, "baseUrl", base_url, FALSE);
  text = signet_environment_to_json (environment);
  write_collection_file (path, text);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) &&
         child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

/* The window */

static const char *
current_tab_title (GtkWindow *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));

  return adw_tab_page_get_title (adw_tab_view_get_selected_page (tab_view));
}

static GtkWidget *
response_child (SignetRequestPage *page,
                const char        *name)
{
  return signet_test_template_child (signet_test_page_child (page, "response_view"),
                                     SIGNET_TYPE_RESPONSE_VIEW, name);
}

static GtkWidget *
sidebar_child (GtkWindow  *window,
               const char *name)
{
  return signet_test_template_child (signet_test_window_sidebar (window), SIGNET_TYPE_SIDEBAR,
                                     name);
}

typedef struct
{
  SignetCollectionList *list;
  GFile                *dir;
  SignetSidebar        *sidebar;
} OpenWait;

/* Open, and shown: its row selected and expanded. */
static gboolean
collection_is_open (gpointer data)
{
  OpenWait *wait = data;
  SignetCollection *open = signet_collection_list_find (wait->list, wait->dir);
  SignetCollection *selected = NULL;

  signet_sidebar_get_selected (wait->sidebar, &selected, NULL);
  return open != NULL && selected == open;
}

/* Opens the test's collection, as "Open Collection Folder…" would. */
static SignetCollection *
open_collection (GtkWindow *window)
{
  g_autoptr(SignetCollectionList) list = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (collection_path);
  OpenWait wait;

  g_object_get (window, "collections", &list, NULL);
  wait.list = list;
  wait.dir = dir;
  wait.sidebar = signet_test_window_sidebar (window);
  signet_window_open_collection (SIGNET_WINDOW (window), dir);
  signet_test_wait_until (collection_is_open, &wait, "the collection to open");
  return signet_collection_list_find (list, dir);
}

typedef struct
{
  SignetCollection *collection;
  const char       *name;
} ItemWait;

static gboolean
item_is_there (gpointer data)
{
  ItemWait *wait = data;

  return signet_test_find_item (wait->collection, wait->name) != NULL;
}

static gboolean
item_is_gone (gpointer data)
{
  return !item_is_there (data);
}

/* A row's label, as the sidebar shows it. */
static const char *
row_label (SignetSidebar *sidebar,
           guint          position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (signet_sidebar_get_rows (sidebar), position);
  g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

  if (SIGNET_IS_COLLECTION_ITEM (node))
    return signet_collection_item_get_name (SIGNET_COLLECTION_ITEM (node));
  return NULL;
}

/* Selects @name's row, expanding its way, and gives its position. */
static guint
select_row (GtkWindow        *window,
            SignetCollection *collection,
            const char       *name)
{
  SignetSidebar *sidebar = signet_test_window_sidebar (window);
  SignetCollectionItem *item = signet_test_find_item (collection, name);
  GListModel *rows = signet_sidebar_get_rows (sidebar);

  g_assert_nonnull (item);
  g_assert_true (signet_sidebar_select_item (sidebar, collection, item));
  g_assert_true (signet_sidebar_get_selected (sidebar, NULL, NULL) == item);
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows));
}

static gboolean
sidebar_shows (GtkWindow  *window,
               const char *name)
{
  SignetSidebar *sidebar = signet_test_window_sidebar (window);
  GListModel *rows = signet_sidebar_get_rows (sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_strcmp0 (row_label (sidebar, i), name) == 0)
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog (void)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  return dialog;
}

/* Types @text (unless NULL) into a one-line dialog and answers it, as
 * its buttons would. */
static void
answer_dialog (const char *text,
               const char *response)
{
  AdwMessageDialog *dialog = g_object_ref (find_dialog ());

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), text);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* Answers Save As; @collection NULL keeps what it proposes. */
static void
answer_save_dialog (SignetCollection *collection,
                    const char       *folder,
                    const char       *name,
                    const char       *response)
{
  SignetSaveDialog *dialog = SIGNET_SAVE_DIALOG (signet_test_find_toplevel (SIGNET_TYPE_SAVE_DIALOG));

  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  if (collection != NULL)
    signet_save_dialog_set_choice (dialog, collection, folder, name);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static gboolean
page_is_saved (gpointer page)
{
  return signet_request_page_get_item (page, NULL) != NULL && !signet_request_page_get_unsaved (page);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "collection-folders");
  g_settings_reset (settings, "last-environment");
}

/* Every test has a collection "Pets" of its own: List pets in the
 * folder pets, Health at the top. */
static void
set_up_collection (void)
{
  g_autofree char *pets = NULL;
  g_autofree char *health = NULL;

  reset_settings ();
  collection_path = g_dir_make_tmp ("signet-collections-ui-XXXXXX", NULL);
  g_assert_nonnull (collection_path);
  write_collection_file ("collection.json", "{\"version\": 1, \"name\": \"Pets\"}\n");
  pets = signet_test_fixture_url (fixture, "/pets");
  write_request ("requests/pets/list-pets.json", "List pets", pets);
  health = signet_test_fixture_url (fixture, "/health");
  write_request ("requests/health.json", "Health", health);
}

static void
tear_down_collection (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (collection_path);

  remove_tree (dir);
  g_clear_pointer (&collection_path, g_free);
  reset_settings ();
}

static void
run_test (SignetTestAppFunc func)
{
  signet_test_run_app (func);
  tear_down_collection ();
}

/* Save As a new request, find its file without the secret; edit, see
 * the mark, Ctrl+S, see the file follow. */
static void
save_as_cb (SignetApplication *app,
            GtkWindow         *window)
{
  SignetCollection *collection = open_collection (window);
  SignetRequestPage *page = signet_test_current_page (window);
  SignetRequest *request = signet_request_page_get_request (page);
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets");
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  SignetSaveDialog *dialog;

  g_assert_true (collection_file_missing ("requests/pets/find-pets.json"));
  gtk_editable_set_text (GTK_EDITABLE (signet_test_page_child (page, "url_entry")), url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  gtk_editable_set_text (GTK_EDITABLE (signet_test_page_child (page, "secret_key_row")), FIXTURE_SECRET);
  g_assert_true (signet_request_page_get_unsaved (page));
  g_assert_true (g_str_has_prefix (current_tab_title (window), "• "));

  /* Ctrl+S on a request never saved asks where, as Save As; the default
   * folder's collections may be open too: choose */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = SIGNET_SAVE_DIALOG (signet_test_find_toplevel (SIGNET_TYPE_SAVE_DIALOG));
  g_assert_nonnull (signet_save_dialog_get_collection (dialog));
  answer_save_dialog (collection, "pets", "Find pets", "save");

  signet_test_wait_until (page_is_saved, page, "the request to be saved");
  saved = read_collection_file ("requests/pets/find-pets.json");
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (saved, url));
  g_assert_nonnull (strstr (saved, FIXTURE_KEY));
  g_assert_null (strstr (saved, FIXTURE_SECRET));
  g_assert_cmpstr (current_tab_title (window), ==, "Find pets");
  g_assert_true (sidebar_shows (window, "Find pets"));

  /* an edit marks the tab; Ctrl+S writes it to the same file */
  signet_request_set_method (request, "POST");
  g_assert_true (signet_request_page_get_unsaved (page));
  g_assert_cmpstr (current_tab_title (window), ==, "• Find pets");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  signet_test_wait_until (page_is_saved, page, "the request to be saved again");
  resaved = read_collection_file ("requests/pets/find-pets.json");
  g_assert_nonnull (strstr (resaved, "\"POST\""));
  g_assert_null (strstr (resaved, FIXTURE_SECRET));
  g_assert_cmpstr (current_tab_title (window), ==, "Find pets");

  /* saved: closing asks nothing */
  signet_test_close_and_wait (window);
}

static void
test_save_as (void)
{
  set_up_collection ();
  run_test (save_as_cb);
}

/* A request activated in the sidebar opens in a tab, once. */
static void
open_from_sidebar_cb (SignetApplication *app,
                      GtkWindow         *window)
{
  SignetCollection *collection = open_collection (window);
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  GtkWidget *list_view = sidebar_child (window, "list_view");
  SignetCollectionItem *item = signet_test_find_item (collection, "List pets");
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets");
  SignetRequestPage *page;
  guint position;

  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  position = select_row (window, collection, "List pets");
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", position));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  page = signet_test_current_page (window);
  g_assert_true (signet_request_page_get_item (page, NULL) == item);
  g_assert_cmpstr (signet_request_get_url (signet_request_page_get_request (page)), ==, url);
  g_assert_cmpstr (current_tab_title (window), ==, "List pets");
  g_assert_false (signet_request_page_get_unsaved (page));
  /* the tab edits a copy: the collection's request is as on disk */
  g_assert_false (signet_request_page_get_request (page) == signet_collection_item_get_request (item));

  /* again: the same tab, focused */
  adw_tab_view_set_selected_page (tab_view, adw_tab_view_get_nth_page (tab_view, 0));
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", position));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  g_assert_true (signet_test_current_page (window) == page);

  /* an edit discarded on close leaves the saved request as it was */
  signet_request_set_url (signet_request_page_get_request (page), "https://example.com/changed");
  adw_tab_view_close_page (tab_view, adw_tab_view_get_selected_page (tab_view));
  answer_dialog (NULL, "discard");
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);
  g_assert_cmpstr (signet_request_get_url (signet_collection_item_get_request (item)), ==, url);

  signet_test_close_and_wait (window);
}

static void
test_open_from_sidebar (void)
{
  set_up_collection ();
  run_test (open_from_sidebar_cb);
}

static gboolean
item_at_top (gpointer item)
{
  return g_str_equal (signet_collection_item_get_folder (item), "");
}

static gboolean
one_tab_left (gpointer tab_view)
{
  return adw_tab_view_get_n_pages (tab_view) == 1;
}

/* Closing a tab with unsaved changes: "Save" writes them, then closes. */
static void
close_save_cb (SignetApplication *app,
               GtkWindow         *window)
{
  SignetCollection *collection = open_collection (window);
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  g_autofree char *saved = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (sidebar_child (window, "list_view"), "list.activate-item", "u",
                                             select_row (window, collection, "Health")));
  signet_request_set_method (signet_request_page_get_request (signet_test_current_page (window)), "PUT");
  adw_tab_view_close_page (tab_view, adw_tab_view_get_selected_page (tab_view));
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  answer_dialog (NULL, "save");
  signet_test_wait_until (one_tab_left, tab_view, "the tab to be saved and closed");
  saved = read_collection_file ("requests/health.json");
  g_assert_nonnull (strstr (saved, "\"PUT\""));

  /* a request never saved: Save asks where; cancelling that keeps the tab */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  signet_request_set_url (signet_request_page_get_request (signet_test_current_page (window)),
                          fixture->stage_url);
  adw_tab_view_close_page (tab_view, adw_tab_view_get_selected_page (tab_view));
  answer_dialog (NULL, "save");
  answer_save_dialog (NULL, NULL, NULL, "cancel");
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  adw_tab_view_close_page (tab_view, adw_tab_view_get_selected_page (tab_view));
  answer_dialog (NULL, "save");
  answer_save_dialog (collection, "", "Stage", "save");
  signet_test_wait_until (one_tab_left, tab_view, "the new request to be saved and closed");
  g_assert_true (collection_file_exists ("requests/stage.json"));

  signet_test_close_and_wait (window);
}

static void
test_close_save (void)
{
  set_up_collection ();
  run_test (close_save_cb);
}

typedef struct
{
  GListModel *collections;
  const char *name;
} NamedWait;

static SignetCollection *
find_collection (GListModel *collections,
                 const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (collections); i++)
    {
      g_autoptr(SignetCollection) collection = g_list_model_get_item (collections, i);

      if (g_str_equal (signet_collection_get_name (collection), name))
        return collection;
    }
  return NULL;
}

static gboolean
collection_is_there (gpointer data)
{
  NamedWait *wait = data;

  return find_collection (wait->collections, wait->name) != NULL;
}

/* New Collection… makes a folder under the default one; the first save
 * writes collection.json with its name. */
static void
new_collection_cb (SignetApplication *app,
                   GtkWindow         *window)
{
  g_autoptr(SignetCollectionList) list = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autoptr(GFile) info = NULL;
  g_autofree char *info_text = NULL;
  SignetRequestPage *page = signet_test_current_page (window);
  SignetCollection *collection;
  NamedWait wait;

  g_object_get (window, "collections", &list, NULL);
  wait.collections = signet_collection_list_get_model (list);
  wait.name = "Scratch Pad";
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-collection", NULL));
  answer_dialog ("Scratch Pad", "create");
  signet_test_wait_until (collection_is_there, &wait, "the new collection");
  collection = find_collection (wait.collections, "Scratch Pad");
  expected = g_file_get_child (signet_collection_list_get_default_dir (list), "scratch-pad");
  g_assert_true (g_file_equal (signet_collection_get_dir (collection), expected));
  g_assert_true (g_file_query_exists (expected, NULL));

  signet_request_set_url (signet_request_page_get_request (page), fixture->stage_url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  answer_save_dialog (collection, "", "Ping", "save");
  signet_test_wait_until (page_is_saved, page, "the save into the new collection");

  info = g_file_get_child (expected, "collection.json");
  g_assert_true (g_file_load_contents (info, NULL, &info_text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info_text, "\"Scratch Pad\""));

  /* the default folder is the test home's: leave nothing behind */
  remove_tree (expected);
  signet_test_close_and_wait (window);
}

static void
test_new_collection (void)
{
  set_up_collection ();
  run_test (new_collection_cb);
}

/* Rename, move and duplicate: the sidebar and the files follow. */
static void
rename_cb (SignetApplication *app,
           GtkWindow         *window)
{
  SignetCollection *collection = open_collection (window);
  ItemWait renamed = { collection, "All pets" };

  select_row (window, collection, "List pets");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-request", NULL));
  answer_dialog ("All pets", "rename");
  signet_test_wait_until (item_is_there, &renamed, "the rename");

  g_assert_true (collection_file_exists ("requests/pets/all-pets.json"));
  g_assert_true (collection_file_missing ("requests/pets/list-pets.json"));
  g_assert_true (sidebar_shows (window, "All pets"));
  g_assert_false (sidebar_shows (window, "List pets"));
  g_assert_true (signet_sidebar_get_selected (signet_test_window_sidebar (window), NULL, NULL) ==
                 signet_test_find_item (collection, "All pets"));

  /* Move it to the top, then duplicate it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-request", NULL));
  answer_dialog ("", "move");
  signet_test_wait_until (item_at_top, signet_test_find_item (collection, "All pets"), "the move");
  g_assert_true (collection_file_exists ("requests/all-pets.json"));
  g_assert_true (collection_file_missing ("requests/pets/all-pets.json"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-request", NULL));
  signet_test_wait_until ((SignetTestCondition) collection_file_exists, (gpointer) "requests/all-pets-copy.json", "the duplicate");
  g_assert_true (collection_file_exists ("requests/all-pets.json"));

  signet_test_close_and_wait (window);
}

static void
test_rename (void)
{
  set_up_collection ();
  run_test (rename_cb);
}

/* The widget of the row showing @item, or NULL. */
static GtkWidget *
find_row_widget (GtkWidget            *widget,
                 SignetCollectionItem *item)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget));
      g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;

      if ((gpointer) node == (gpointer) item)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, item);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A secondary click on @name's row, as the pointer would make it. */
static void
secondary_click (GtkWindow            *window,
                 SignetCollectionItem *item)
{
  GtkWidget *row = find_row_widget (sidebar_child (window, "list_view"), item);
  g_autoptr(GListModel) controllers = NULL;

  g_assert_nonnull (row);
  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        {
          g_signal_emit_by_name (controller, "pressed", 1, 4.0, 4.0);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Delete, then Undo from the toast: the file and the row come back. */
static void
delete_undo_cb (SignetApplication *app,
                GtkWindow         *window)
{
  SignetCollection *collection = open_collection (window);
  ItemWait health = { collection, "Health" };
  g_autofree char *before = read_collection_file ("requests/health.json");
  g_autofree char *after = NULL;
  SignetRequestPage *page;

  /* open in a tab: the delete unlinks it, the undo links it again */
  g_assert_true (gtk_widget_activate_action (sidebar_child (window, "list_view"), "list.activate-item", "u",
                                             select_row (window, collection, "Health")));
  page = signet_test_current_page (window);

  /* the row's menu selects it; its Delete item names the action */
  select_row (window, collection, "List pets");
  signet_test_wait_for_frame (window);
  secondary_click (window, signet_test_find_item (collection, "Health"));
  g_assert_true (signet_sidebar_get_selected (signet_test_window_sidebar (window), NULL, NULL) ==
                 signet_test_find_item (collection, "Health"));
  g_assert_true (gtk_widget_get_visible (sidebar_child (window, "row_menu")));
  gtk_popover_popdown (GTK_POPOVER (sidebar_child (window, "row_menu")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-request", NULL));
  signet_test_wait_until (item_is_gone, &health, "the delete");
  g_assert_true (collection_file_missing ("requests/health.json"));
  g_assert_false (sidebar_shows (window, "Health"));
  g_assert_null (signet_request_page_get_item (page, NULL));
  g_assert_true (signet_request_page_get_unsaved (page));

  /* the toast's Undo button names this action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  signet_test_wait_until (item_is_there, &health, "the undo");
  after = read_collection_file ("requests/health.json");
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sidebar_shows (window, "Health"));
  g_assert_true (signet_request_page_get_item (page, NULL) == signet_test_find_item (collection, "Health"));

  signet_test_close_discarding (window);
}

static void
test_delete_undo (void)
{
  set_up_collection ();
  run_test (delete_undo_cb);
}

/* A corrupt file is named under the tree; the rest opens. */
static void
corrupt_cb (SignetApplication *app,
            GtkWindow         *window)
{
  SignetCollection *collection = open_collection (window);
  GtkWidget *errors = sidebar_child (window, "errors_label");
  const char *text = gtk_label_get_text (GTK_LABEL (errors));

  g_assert_nonnull (signet_test_find_item (collection, "List pets"));
  g_assert_nonnull (signet_test_find_item (collection, "Health"));
  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_nonnull (strstr (text, "requests/pets/broken.json"));
  g_assert_nonnull (strstr (text, "requests/empty.json"));
  g_assert_nonnull (strstr (text, "Pets"));
  select_row (window, collection, "List pets");
  g_assert_true (sidebar_shows (window, "List pets"));

  signet_test_close_and_wait (window);
}

static void
test_corrupt_file (void)
{
  set_up_collection ();
  write_collection_file ("requests/pets/broken.json", "{\"version\": 1, \"method\": ");
  write_collection_file ("requests/empty.json", "");
  run_test (corrupt_cb);
}

static gboolean
has_environments (gpointer window)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (signet_test_window_child (window, "environment_dropdown"));

  return g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)) == 3;
}

static void
choose_environment (GtkWindow  *window,
                    const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (signet_test_window_child (window, "environment_dropdown"));
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

/* {{baseUrl}} is the fixture's stage in one environment and another
 * stage in the other: the fixture's answers tell them apart. Without an
 * environment, the unknown variable is marked and nothing is sent. */
static void
environments_cb (SignetApplication *app,
                 GtkWindow         *window)
{
  GSettings *settings = signet_application_get_settings (app);
  SignetCollection *collection = open_collection (window);
  GtkWidget *list_view = sidebar_child (window, "list_view");
  SignetRequestPage *page;
  GtkWidget *url_entry;
  GtkWidget *error_page;
  const char *tooltip;

  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u",
                                             select_row (window, collection, "Stage pets")));
  page = signet_test_current_page (window);
  gtk_editable_set_text (GTK_EDITABLE (signet_test_page_child (page, "secret_key_row")), FIXTURE_SECRET);
  signet_test_wait_until (has_environments, window, "the environments to load");

  choose_environment (window, "local");
  g_assert_cmpstr (g_settings_get_string (settings, "last-environment"), ==, "local");
  signet_test_send_and_wait (page);
  g_assert_cmpstr (signet_test_shown_status (page), ==, "200 OK");

  choose_environment (window, "other stage");
  signet_test_send_and_wait (page);
  g_assert_cmpstr (signet_test_shown_status (page), ==, "403 Forbidden");

  /* no environment: {{baseUrl}} is unknown, marked, and blocks the send */
  url_entry = signet_test_page_child (page, "url_entry");
  g_assert_false (gtk_widget_has_css_class (url_entry, "error"));
  choose_environment (window, "No Environment");
  g_assert_cmpstr (g_settings_get_string (settings, "last-environment"), ==, "");
  g_assert_true (gtk_widget_has_css_class (url_entry, "error"));
  tooltip = gtk_widget_get_tooltip_text (url_entry);
  g_assert_cmpstr (tooltip, ==, "Unknown variable: baseUrl");

  /* a send under way would be "sending" at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.send", NULL));
  g_assert_true (signet_test_exchange_done (page));
  error_page = response_child (page, "error_page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (response_child (page, "main_stack"))),
                   ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            "Unknown variable: baseUrl"));

  /* marks follow typing: a known name clears them */
  choose_environment (window, "local");
  g_assert_false (gtk_widget_has_css_class (url_entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (url_entry), "{{baseUrl}}/pets/{{petId}}");
  g_assert_true (gtk_widget_has_css_class (url_entry, "error"));
  tooltip = gtk_widget_get_tooltip_text (url_entry);
  g_assert_cmpstr (tooltip, ==, "Unknown variable: petId");

  signet_test_close_discarding (window);
}

static void
test_environments (void)
{
  g_autofree char *other = NULL;

  set_up_collection ();
  write_environment ("local", fixture->stage_url);
  other = g_strdup_printf ("%.*sprod", (int) (strlen (fixture->stage_url) - strlen ("test")),
                           fixture->stage_url);
  write_environment ("other stage", other);
  write_request ("requests/stage-pets.json", "Stage pets", "{{baseUrl}}/pets");
  run_test (environments_cb);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
slot_is_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A new environment from the editor: a secret variable's value goes to
 * the keyring, its name only to the file. */
static void
environment_editor_cb (SignetApplication *app,
                       GtkWindow         *window)
{
  g_autoptr(GFile) dir = g_file_new_for_path (collection_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SignetEnvironmentEditor *editor;
  GtkDropDown *dropdown = GTK_DROP_DOWN (signet_test_window_child (window, "environment_dropdown"));
  g_autofree char *saved = NULL;
  char *value;
  gboolean destroyed = FALSE;

  /* environments belong to the collection in use: the selection's */
  select_row (window, open_collection (window), "Health");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-environment", NULL));
  editor = SIGNET_ENVIRONMENT_EDITOR (signet_test_find_toplevel (SIGNET_TYPE_ENVIRONMENT_EDITOR));
  g_assert_nonnull (editor);
  signet_environment_editor_set_name (editor, "staging");
  signet_environment_editor_add_variable (editor, "baseUrl", fixture->stage_url, FALSE);
  signet_environment_editor_add_variable (editor, "apiKey", SECRET_VALUE, TRUE);
  g_signal_connect_swapped (editor, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  signet_test_wait_for (&destroyed, "the editor to save and close");

  saved = read_collection_file ("environments/staging.json");
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (saved, "\"apiKey\""));
  g_assert_nonnull (strstr (saved, fixture->stage_url));
  g_assert_null (strstr (saved, SECRET_VALUE));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                               gtk_drop_down_get_selected (dropdown)), ==, "staging");

  signet_environment_secret_lookup_async (dir, "staging", "apiKey", NULL, on_done, &result);
  signet_test_wait_until (slot_is_filled, &result, "the keyring lookup");
  value = signet_environment_secret_lookup_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, SECRET_VALUE);
  signet_secure_free_string (value);

  signet_test_close_and_wait (window);
}

static void
test_environment_editor (void)
{
  set_up_collection ();
  run_test (environment_editor_cb);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  signet_test_app_init (&argc, &argv);
  fixture = signet_test_fixture_start (NULL);

  g_test_add_func ("/signet/collections-ui/save-as", test_save_as);
  g_test_add_func ("/signet/collections-ui/open-from-sidebar", test_open_from_sidebar);
  g_test_add_func ("/signet/collections-ui/close-save", test_close_save);
  g_test_add_func ("/signet/collections-ui/new-collection", test_new_collection);
  g_test_add_func ("/signet/collections-ui/rename-move-duplicate", test_rename);
  g_test_add_func ("/signet/collections-ui/delete-undo", test_delete_undo);
  g_test_add_func ("/signet/collections-ui/corrupt-file", test_corrupt_file);
  g_test_add_func ("/signet/collections-ui/environments", test_environments);
  g_test_add_func ("/signet/collections-ui/environment-editor", test_environment_editor);

  status = signet_test_app_run_tests ();
  signet_test_fixture_stop (fixture);
  return status;
}
