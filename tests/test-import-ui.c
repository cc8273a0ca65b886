/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-collection-list.h"
#include "signet-credential-store.h"
#include "signet-environment-editor.h"
#include "signet-environment.h"
#include "signet-import-postman.h"
#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-sidebar.h"
#include "signet-test-app.h"
#include "signet-test-async.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"

/* Import and Export in the real window, under Xvfb. A native file
 * chooser cannot be clicked here, so the tests hand the file to
 * signet_window_import_file() and signet_window_export_collection(), the
 * calls the choosers' answers make; every dialog after that is answered
 * as its buttons would. The files written, the keyring (libsecret's file
 * backend) and the API Gateway fixture's answers are the checks. */

#define CREDENTIAL_NAME "imported-pets"

static SignetTestFixture *fixture;
static char *tmp_dir;

/* Files */

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures", name, NULL);
}

/* tests/fixtures/pets.postman_collection.json against the fixture, with
 * the keys in its variables, as collections shared carelessly hold them. */
static GFile *
write_pets_with_keys (void)
{
  g_autofree char *path = fixture_path ("pets.postman_collection.json");
  g_autofree char *out_path = g_build_filename (tmp_dir, "Pets.postman_collection.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  const char *variables[][2] = {
    { "baseUrl", fixture->stage_url },
    { "petType", "dog" },
    { "accessKey", FIXTURE_KEY },
    { "secretKey", FIXTURE_SECRET },
  };
  JsonArray *array = json_array_new ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      JsonObject *variable = json_object_new ();

      json_object_set_string_member (variable, "key", variables[i][0]);
      json_object_set_string_member (variable, "value", variables[i][1]);
      json_array_add_object_element (array, variable);
    }
  json_object_set_array_member (json_node_get_object (json_parser_get_root (parser)), "variable", array);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, out_path, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (out_path);
}

/* Fails when any file under @path holds @secret. */
static void
assert_no_file_holds (const char *path,
                      const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        assert_no_file_holds (child, secret);
      else if (g_file_get_contents (child, &text, &length, NULL) &&
               g_strstr_len (text, length, secret) != NULL)
        g_error ("%s holds a secret", child);
    }
}

static void
remove_if_there (GFile *file)
{
  if (g_file_query_exists (file, NULL))
    signet_test_remove_tree (file);
}

static GFile *
default_dir (GtkWindow *window)
{
  g_autoptr(SignetCollectionList) list = NULL;

  g_object_get (window, "collections", &list, NULL);
  return g_object_ref (signet_collection_list_get_default_dir (list));
}

/* The window */

/* A message dialog up with this heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_up (gpointer heading)
{
  return find_dialog (heading) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  signet_test_wait_until (dialog_is_up, (gpointer) heading, heading);
  return find_dialog (heading);
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_object_ref (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

typedef struct
{
  GtkWindow *window;
  GFile     *dir;
  guint      n_items;
} CollectionWait;

/* Open in the sidebar, selected, with every request loaded. */
static gboolean
collection_is_shown (gpointer data)
{
  CollectionWait *wait = data;
  g_autoptr(SignetCollectionList) list = NULL;
  SignetCollection *collection;
  SignetCollection *selected = NULL;

  g_object_get (wait->window, "collections", &list, NULL);
  collection = signet_collection_list_find (list, wait->dir);
  signet_sidebar_get_selected (signet_test_window_sidebar (wait->window), &selected, NULL);
  return collection != NULL && selected == collection &&
         g_list_model_get_n_items (signet_collection_get_items (collection)) == wait->n_items;
}

/* Imports @file through the window, keeping the name it proposes, and
 * waits for the collection in the sidebar, in @folder under Signet's own. */
static SignetCollection *
import_into (GtkWindow  *window,
             GFile      *file,
             const char *expected_name,
             const char *folder,
             guint       n_requests)
{
  g_autoptr(SignetCollectionList) list = NULL;
  g_autoptr(GFile) parent = default_dir (window);
  g_autoptr(GFile) dir = g_file_get_child (parent, folder);
  AdwMessageDialog *dialog;
  CollectionWait wait = { window, dir, n_requests };

  signet_window_import_file (SIGNET_WINDOW (window), file);
  dialog = wait_for_dialog ("Import Collection");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))),
                   ==, expected_name);
  answer (dialog, "import");
  signet_test_wait_until (collection_is_shown, &wait, "the imported collection in the sidebar");

  g_object_get (window, "collections", &list, NULL);
  return signet_collection_list_find (list, dir);
}

static SignetCollection *
import_file (GtkWindow  *window,
             GFile      *file,
             const char *expected_name,
             guint       n_requests)
{
  g_autofree char *slug = signet_collection_slugify (expected_name);

  return import_into (window, file, expected_name, slug, n_requests);
}

/* Whether the sidebar has a row for the folder @name. */
static gboolean
sidebar_has_folder (SignetSidebar *sidebar,
                    const char    *name)
{
  GListModel *rows = signet_sidebar_get_rows (sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);
      const char *folder = NULL;

      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), i);
      if (signet_sidebar_get_selected (sidebar, NULL, &folder) == NULL && g_strcmp0 (folder, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
string_position (GListModel *strings,
                 const char *wanted)
{
  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (strings), i), wanted))
      return i;
  return G_MAXUINT;
}

static gboolean
environment_is_listed (gpointer window)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (signet_test_window_child (window, "environment_dropdown"));

  return string_position (gtk_drop_down_get_model (dropdown), "imported") != G_MAXUINT;
}

static gboolean
credential_is_listed (gpointer page)
{
  AdwComboRow *row = ADW_COMBO_ROW (signet_test_page_child (page, "credential_row"));

  return string_position (adw_combo_row_get_model (row), CREDENTIAL_NAME) != G_MAXUINT;
}

/* Opens @item of @collection from the sidebar in a new tab, with the
 * environment "imported" chosen. */
static SignetRequestPage *
open_with_imported (GtkWindow            *window,
                    SignetCollection     *collection,
                    SignetCollectionItem *item)
{
  SignetSidebar *sidebar = signet_test_window_sidebar (window);
  SignetRequestPage *page;
  GtkDropDown *dropdown;
  guint position;

  g_assert_true (signet_sidebar_select_item (sidebar, collection, item));
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (signet_sidebar_get_rows (sidebar)));
  g_assert_true (gtk_widget_activate_action (signet_test_template_child (sidebar, SIGNET_TYPE_SIDEBAR,
                                                                         "list_view"),
                                             "list.activate-item", "u", position));
  page = signet_test_current_page (window);
  g_assert_cmpstr (signet_request_page_get_title (page), ==, signet_collection_item_get_name (item));
  signet_test_wait_until (environment_is_listed, window, "the environment “imported”");
  dropdown = GTK_DROP_DOWN (signet_test_window_child (window, "environment_dropdown"));
  gtk_drop_down_set_selected (dropdown, string_position (gtk_drop_down_get_model (dropdown), "imported"));
  return page;
}

/* No file the app writes (the collection, data, settings, caches, state)
 * holds the fixture's secret. */
static void
assert_secret_in_no_file (SignetCollection *collection)
{
  g_autofree char *collection_path = g_file_get_path (signet_collection_get_dir (collection));

  assert_no_file_holds (collection_path, FIXTURE_SECRET);
  assert_no_file_holds (g_get_user_data_dir (), FIXTURE_SECRET);
  assert_no_file_holds (g_get_user_config_dir (), FIXTURE_SECRET);
  assert_no_file_holds (g_get_user_cache_dir (), FIXTURE_SECRET);
  assert_no_file_holds (g_get_user_state_dir (), FIXTURE_SECRET);
}

/* Signet's own collections folder, where imports go by default: emptied
 * before the application starts (it opens what it finds there) and after. */
static void
remove_imports (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "signet", "collections", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  remove_if_there (dir);
}

static void
run_test (SignetTestAppFunc func)
{
  remove_imports ();
  signet_test_run_app (func);
  remove_imports ();
}

/* Tests */

/* A Postman collection with keys in its variables: imported with its
 * folder, its keys kept out of every file, the secret offered for the
 * keyring and saved there; a request opened from the sidebar, with the
 * environment "imported" and the saved credential, gets in. */
static void
postman_cb (SignetApplication *app,
            GtkWindow         *window)
{
  g_autoptr(GFile) file = write_pets_with_keys ();
  g_autoptr(SignetCredentialStore) store = NULL;
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  SignetCollection *collection;
  SignetCollectionItem *item;
  AdwMessageDialog *offer;
  SignetRequestPage *page;
  AdwComboRow *credential_row;

  collection = import_file (window, file, "Pets", 5);
  item = signet_test_find_item (collection, "List pets");
  g_assert_nonnull (item);
  g_assert_cmpstr (signet_collection_item_get_folder (item), ==, "Pets");
  g_assert_true (sidebar_has_folder (signet_test_window_sidebar (window), "Pets"));

  /* the secret is offered, never written */
  offer = wait_for_dialog ("Keep the Secret in the Keyring?");
  g_assert_false (adw_message_dialog_get_response_enabled (offer, "save"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (offer)), CREDENTIAL_NAME);
  answer (offer, "save");

  g_object_get (window, "credential-store", &store, NULL);
  g_assert_nonnull (store);

  /* open List pets, choose "imported" and the saved credential: 200 */
  page = open_with_imported (window, collection, item);
  signet_test_wait_until (credential_is_listed, page, "the saved credential in the Auth tab");
  credential_row = ADW_COMBO_ROW (signet_test_page_child (page, "credential_row"));
  adw_combo_row_set_selected (credential_row,
                              string_position (adw_combo_row_get_model (credential_row), CREDENTIAL_NAME));
  signet_test_send_and_wait (page);
  g_assert_cmpstr (signet_test_shown_status (page), ==, "200 OK");

  /* in the keyring, with the access key ID the requests sign with */
  signet_credential_store_lookup_async (store, CREDENTIAL_NAME, NULL, signet_test_store_result_cb,
                                        &looked_up);
  credential = signet_credential_store_lookup_finish (store, signet_test_wait_for_result (&looked_up),
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (credential->access_key_id, ==, FIXTURE_KEY);
  g_assert_cmpstr (credential->secret_access_key, ==, FIXTURE_SECRET);

  /* after the import, the save and the send (and its history entry) */
  assert_secret_in_no_file (collection);

  signet_test_close_discarding (window);
}

static void
test_postman (void)
{
  run_test (postman_cb);
}

/* The description of the error @page shows instead of a response. */
static const char *
shown_error (SignetRequestPage *page)
{
  GtkWidget *view = signet_test_page_child (page, "response_view");
  GtkWidget *stack = signet_test_template_child (view, SIGNET_TYPE_RESPONSE_VIEW, "main_stack");
  GtkWidget *error_page = signet_test_template_child (view, SIGNET_TYPE_RESPONSE_VIEW, "error_page");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  return adw_status_page_get_description (ADW_STATUS_PAGE (error_page));
}

static void
choose_no_environment (GtkWindow *window)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (signet_test_window_child (window, "environment_dropdown"));

  gtk_drop_down_set_selected (dropdown, 0);
}

/* Keys as variables: the imported requests name their secret
 * `{{secretKey}}`; with no saved credential and empty secret rows, the
 * window takes it from the environment, as signet-cli run does, and an
 * environment without it stops the send, naming it. */
static void
key_variables_cb (SignetApplication *app,
                  GtkWindow         *window)
{
  g_autoptr(GFile) file = write_pets_with_keys ();
  g_autoptr(SignetEnvironment) environment = NULL;
  SignetEnvironmentEditor *editor;
  SignetCollection *collection;
  SignetCollectionItem *item;
  SignetRequestPage *page;
  gboolean saved = FALSE;

  collection = import_file (window, file, "Pets", 5);
  answer (wait_for_dialog ("Keep the Secret in the Keyring?"), "cancel");
  item = signet_test_find_item (collection, "List pets");
  g_assert_nonnull (item);
  page = open_with_imported (window, collection, item);
  g_assert_cmpstr (signet_request_get_key_ref (signet_request_page_get_request (page)), ==,
                   "{{secretKey}}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (signet_test_page_child (page, "secret_key_row"))),
                   ==, "");

  /* "imported" has the access key ID but not the secret, kept out of it */
  g_object_get (page, "environment", &environment, NULL);
  g_assert_nonnull (environment);
  g_assert_cmpstr (signet_environment_get_name (environment), ==, "imported");
  g_assert_null (signet_environment_lookup ("secretKey", environment));
  g_assert_cmpstr (signet_environment_lookup ("accessKey", environment), ==, FIXTURE_KEY);
  signet_test_send_and_wait (page);
  g_assert_nonnull (strstr (shown_error (page), "Unknown variable: secretKey"));

  /* the secret added as a secret variable, in Edit Environment: in */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-environment", NULL));
  editor = SIGNET_ENVIRONMENT_EDITOR (signet_test_find_toplevel (SIGNET_TYPE_ENVIRONMENT_EDITOR));
  g_assert_nonnull (editor);
  signet_environment_editor_add_variable (editor, "secretKey", FIXTURE_SECRET, TRUE);
  g_signal_connect_swapped (editor, "destroy", G_CALLBACK (signet_test_set_flag_cb), &saved);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  signet_test_wait_for (&saved, "the editor to save and close");
  g_assert_cmpstr (signet_environment_lookup ("secretKey", environment), ==, FIXTURE_SECRET);
  signet_test_send_and_wait (page);
  g_assert_cmpstr (signet_test_shown_status (page), ==, "200 OK");

  /* without the environment, the secret is named among the unknown */
  choose_no_environment (window);
  signet_test_send_and_wait (page);
  g_assert_nonnull (strstr (shown_error (page), "secretKey"));

  assert_secret_in_no_file (collection);

  signet_test_close_discarding (window);
}

static void
test_key_variables (void)
{
  run_test (key_variables_cb);
}

/* The number of operations in an OpenAPI document. */
static guint
count_operations (const char *path)
{
  static const char * const methods[] = { "get", "put", "post", "delete", "options", "head", "patch" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *paths;
  g_autoptr(GList) names = NULL;
  guint n = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  paths = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "paths");
  names = json_object_get_members (paths);
  for (GList *l = names; l != NULL; l = l->next)
    for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
      n += json_object_has_member (json_object_get_object_member (paths, l->data), methods[i]);
  return n;
}

/* API Gateway's PetStore export: one request per operation, the IAM ones
 * signed, the open one named in the import's Details; imported again, in
 * a folder of its own. */
static void
openapi_cb (SignetApplication *app,
            GtkWindow         *window)
{
  g_autofree char *path = fixture_path ("petstore-apigateway-oas30.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_operations = count_operations (path);
  SignetCollection *collection;
  GListModel *items;
  guint n_signed = 0;
  AdwMessageDialog *details;

  g_assert_cmpuint (n_operations, >, 1);
  collection = import_file (window, file, "PetStore", n_operations);
  items = signet_collection_get_items (collection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, i);

      n_signed += signet_request_get_auth_kind (signet_collection_item_get_request (item)) ==
                  SIGNET_AUTH_KIND_AWS_SIGV4;
    }
  g_assert_cmpuint (n_signed, >, 0);
  g_assert_cmpuint (n_signed, <, n_operations);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-import-warnings", NULL));
  details = wait_for_dialog ("Imported, with Notes");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (details), "is open"));
  answer (details, "close");

  /* again: the folder Signet proposes is taken, so the next one */
  collection = import_into (window, file, "PetStore", "petstore-2", n_operations);
  g_assert_cmpstr (signet_collection_get_name (collection), ==, "PetStore");

  signet_test_close_discarding (window);
}

static void
test_openapi (void)
{
  run_test (openapi_cb);
}

/* A pasted curl command opens in a new tab with its method, URL and
 * headers. */
static void
paste_curl_cb (SignetApplication *app,
               GtkWindow         *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  int n_pages = adw_tab_view_get_n_pages (tab_view);
  AdwMessageDialog *dialog;
  GtkWidget *scrolled;
  GtkTextView *view;
  SignetRequest *request;
  GListModel *headers;
  g_autoptr(SignetRequestRow) header = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-curl", NULL));
  dialog = wait_for_dialog ("Paste curl Command");
  scrolled = adw_message_dialog_get_extra_child (dialog);
  view = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "curl -X PUT \\\n  -H 'X-Trace: zoë' "
                            "'https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets/1'", -1);
  answer (dialog, "open");

  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, n_pages + 1);
  request = signet_request_page_get_request (signet_test_current_page (window));
  g_assert_cmpstr (signet_request_get_method (request), ==, "PUT");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets/1");
  headers = signet_request_get_headers (request);
  g_assert_cmpuint (g_list_model_get_n_items (headers), ==, 1);
  header = g_list_model_get_item (headers, 0);
  g_assert_cmpstr (signet_request_row_get_name (header), ==, "X-Trace");
  g_assert_cmpstr (signet_request_row_get_value (header), ==, "zoë");

  signet_test_close_discarding (window);
}

static void
test_paste_curl (void)
{
  run_test (paste_curl_cb);
}

/* The export ends with a newline: once it is there, the file is whole
 * (a new file is written in place, not renamed into place). */
static gboolean
file_is_whole (gpointer file)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  return g_file_load_contents (file, NULL, &text, &length, NULL, NULL) &&
         length > 0 && text[length - 1] == '\n';
}

/* Export writes a Postman file the Postman importer reads back with the
 * same requests, and no secret in it. */
static void
export_cb (SignetApplication *app,
           GtkWindow         *window)
{
  g_autoptr(GFile) file = write_pets_with_keys ();
  g_autofree char *out_path = g_build_filename (tmp_dir, "Exported.postman_collection.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(SignetImportResult) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  SignetCollection *collection;
  GListModel *items;

  collection = import_file (window, file, "Pets", 5);
  answer (wait_for_dialog ("Keep the Secret in the Keyring?"), "cancel");

  signet_window_export_collection (SIGNET_WINDOW (window), collection, out);
  signet_test_wait_until (file_is_whole, out, "the exported file");
  g_assert_true (g_file_get_contents (out_path, &text, &length, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (text, FIXTURE_SECRET));
  read_back = signet_import_postman (text, length, &error);
  g_assert_no_error (error);

  items = signet_collection_get_items (collection);
  g_assert_cmpuint (signet_import_result_get_n_requests (read_back), ==, g_list_model_get_n_items (items));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, i);
      SignetRequest *saved = signet_collection_item_get_request (item);
      gboolean found = FALSE;

      for (guint j = 0; j < signet_import_result_get_n_requests (read_back) && !found; j++)
        {
          SignetRequest *again = signet_import_result_get_request (read_back, j);

          found = g_str_equal (signet_import_result_get_request_name (read_back, j),
                               signet_collection_item_get_name (item)) &&
                  g_str_equal (signet_request_get_method (again), signet_request_get_method (saved)) &&
                  g_str_equal (signet_request_get_url (again), signet_request_get_url (saved)) &&
                  signet_request_get_auth_kind (again) == signet_request_get_auth_kind (saved);
        }
      if (!found)
        g_error ("“%s” did not come back from the export", signet_collection_item_get_name (item));
    }

  signet_test_close_discarding (window);
}

static void
test_export (void)
{
  run_test (export_cb);
}

/* The first row's entries in a rows editor. */
static GtkWidget *
first_row_entry (GtkWidget *editor,
                 guint      nth)
{
  GtkWidget *list_box = gtk_widget_get_first_child (gtk_widget_get_first_child (editor));
  GtkWidget *row = gtk_widget_get_first_child (list_box);
  GtkWidget *child;

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  for (child = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && nth-- == 0)
      return child;
  g_assert_not_reached ();
}

/* An unknown variable in a header row or an auth field is marked as in
 * the URL entry, and the mark follows typing. */
static void
marks_cb (SignetApplication *app,
          GtkWindow         *window)
{
  SignetRequestPage *page = signet_test_current_page (window);
  SignetRequest *request = signet_request_page_get_request (page);
  g_autoptr(SignetRequestRow) header = signet_request_row_new ("X-Stage", "{{stage}}");
  GtkWidget *value_entry;
  GtkWidget *name_entry;
  GtkWidget *region_row = signet_test_page_child (page, "region_row");

  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header);
  name_entry = first_row_entry (signet_test_page_child (page, "headers_editor"), 0);
  value_entry = first_row_entry (signet_test_page_child (page, "headers_editor"), 1);
  g_assert_false (gtk_widget_has_css_class (name_entry, "error"));
  g_assert_true (gtk_widget_has_css_class (value_entry, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (value_entry), ==, "Unknown variable: stage");
  gtk_editable_set_text (GTK_EDITABLE (value_entry), "test");
  g_assert_false (gtk_widget_has_css_class (value_entry, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (value_entry));

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_false (gtk_widget_has_css_class (region_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (region_row), "{{region}}");
  g_assert_true (gtk_widget_has_css_class (region_row, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (region_row), ==, "Unknown variable: region");

  signet_test_close_discarding (window);
}

static void
test_marks (void)
{
  run_test (marks_cb);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  signet_test_app_init (&argc, &argv);
  fixture = signet_test_fixture_start (NULL);
  tmp_dir = g_dir_make_tmp ("signet-import-ui-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/signet/import-ui/postman", test_postman);
  g_test_add_func ("/signet/import-ui/key-variables", test_key_variables);
  g_test_add_func ("/signet/import-ui/openapi", test_openapi);
  g_test_add_func ("/signet/import-ui/paste-curl", test_paste_curl);
  g_test_add_func ("/signet/import-ui/export", test_export);
  g_test_add_func ("/signet/import-ui/unknown-variable-marks", test_marks);

  status = signet_test_app_run_tests ();
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);

    signet_test_remove_tree (dir);
  }
  g_clear_pointer (&tmp_dir, g_free);
  signet_test_fixture_stop (fixture);
  return status;
}
