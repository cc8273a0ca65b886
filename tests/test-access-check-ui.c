/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-access-check.h"
#include "signet-request-json.h"
#include "signet-test-async.h"
#include "signet-test-app.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"
#include "signet-window.h"

/* "Who can get in?" in its real window under Xvfb: the PetStore OpenAPI
 * document checked against the API Gateway fixture (signatures verified by
 * botocore), driven through the window's fields and actions. */

typedef struct
{
  SignetTestFixture *fixture;
  SignetAccessCheck *check;
  char              *petstore;
} Fixture;

static GtkWidget *
check_child (Fixture    *fixture,
             const char *name)
{
  return signet_test_template_child (fixture->check, SIGNET_TYPE_ACCESS_CHECK, name);
}

static gboolean
property_is_true (Fixture    *fixture,
                  const char *name)
{
  gboolean value = FALSE;

  g_object_get (fixture->check, name, &value, NULL);
  return value;
}

static gboolean
can_run (gpointer data)
{
  return property_is_true (data, "can-run");
}

static gboolean
finished (gpointer data)
{
  return property_is_true (data, "finished");
}

/* An access check window over @folder of @collection (NULL: none), drawn. */
static void
present_check (Fixture          *fixture,
               SignetCollection *collection,
               const char       *folder)
{
  fixture->check = g_object_ref (signet_access_check_new (NULL, collection, folder, NULL));
  gtk_window_present (GTK_WINDOW (fixture->check));
  signet_test_wait_for_frame (GTK_WINDOW (fixture->check));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;

  fixture->fixture = signet_test_fixture_start (data);
  fixture->petstore = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                        "petstore-apigateway-oas30.json", NULL);
  present_check (fixture, NULL, NULL);

  /* nothing to check yet */
  g_assert_false (property_is_true (fixture, "can-run"));
  file = g_file_new_for_path (fixture->petstore);
  signet_access_check_open_file (fixture->check, file);
  signet_test_wait_until (can_run, fixture, "the OpenAPI document");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->check));
  g_clear_object (&fixture->check);
  g_free (fixture->petstore);
  signet_test_fixture_stop (fixture->fixture);
}

static void
fill_fields (Fixture    *fixture,
             const char *base_url)
{
  gtk_editable_set_text (GTK_EDITABLE (check_child (fixture, "base_url_row")), base_url);
  gtk_editable_set_text (GTK_EDITABLE (check_child (fixture, "access_key_row")), FIXTURE_KEY);
  gtk_editable_set_text (GTK_EDITABLE (check_child (fixture, "secret_key_row")), FIXTURE_SECRET);
}

static void
run_to_the_end (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->check), "check.run", NULL));
  g_assert_true (signet_access_check_get_running (fixture->check));
  signet_test_wait_until (finished, fixture, "the access check");
  g_assert_false (signet_access_check_get_running (fixture->check));
}

/* The list's row for METHOD path: its verdict badge. */
static GtkWidget *
verdict_badge (Fixture    *fixture,
               const char *method,
               const char *path)
{
  GtkWidget *list = check_child (fixture, "endpoints_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      SignetAuditEndpoint *endpoint = g_object_get_data (G_OBJECT (row), "signet-endpoint");

      if (endpoint != NULL && g_str_equal (signet_audit_endpoint_get_method (endpoint), method) &&
          g_str_equal (signet_audit_endpoint_get_path (endpoint), path))
        return g_object_get_data (G_OBJECT (row), "signet-verdict-label");
    }
  g_error ("no row for %s %s", method, path);
  return NULL;
}

static void
assert_verdict (Fixture    *fixture,
                const char *method,
                const char *path,
                const char *verdict,
                const char *css_class)
{
  GtkWidget *badge = verdict_badge (fixture, method, path);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, verdict);
  g_assert_true (gtk_widget_has_css_class (badge, css_class));
}

static void
test_open_post (Fixture       *fixture,
                gconstpointer  data)
{
  SignetAudit *audit;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *endpoints;
  guint n_open = 0;
  guint n_protected = 0;

  fill_fields (fixture, fixture->fixture->stage_url);
  run_to_the_end (fixture);

  audit = signet_access_check_get_audit (fixture->check);
  g_assert_cmpuint (g_list_model_get_n_items (signet_audit_get_endpoints (audit)), ==, 3);
  assert_verdict (fixture, "POST", "/pets", "open", "error");
  assert_verdict (fixture, "GET", "/pets", "protected", "success");
  assert_verdict (fixture, "GET", "/pets/{petId}", "protected", "success");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (check_child (fixture, "progress_bar"))),
                     ==, 1.0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (check_child (fixture, "summary_label"))), ==,
                   "2 protected, 1 open, 0 weak, 0 broken, 0 unreachable");

  /* the JSON report, written where the save dialog would have said */
  dir = g_dir_make_tmp ("signet-access-check-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "access-check.json", NULL);
  file = g_file_new_for_path (path);
  signet_access_check_export_async (fixture->check, SIGNET_AUDIT_REPORT_JSON, file, NULL,
                                    signet_test_store_result_cb, &result);
  g_assert_true (signet_access_check_export_finish (fixture->check,
                                                    signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  endpoints = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "endpoints");
  g_assert_cmpuint (json_array_get_length (endpoints), ==, 3);
  for (guint i = 0; i < json_array_get_length (endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (endpoints, i);
      const char *verdict = json_object_get_string_member (endpoint, "verdict");

      if (g_str_equal (json_object_get_string_member (endpoint, "method"), "POST"))
        {
          g_assert_cmpstr (json_object_get_string_member (endpoint, "path"), ==, "/pets");
          g_assert_cmpstr (verdict, ==, "open");
          n_open++;
        }
      else
        {
          g_assert_cmpstr (verdict, ==, "protected");
          n_protected++;
        }
    }
  g_assert_cmpuint (n_open, ==, 1);
  g_assert_cmpuint (n_protected, ==, 2);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_locked_down (Fixture       *fixture,
                  gconstpointer  data)
{
  fill_fields (fixture, fixture->fixture->stage_url);
  g_assert_false (gtk_widget_is_sensitive (check_child (fixture, "export_button")));
  run_to_the_end (fixture);

  assert_verdict (fixture, "POST", "/pets", "protected", "success");
  assert_verdict (fixture, "GET", "/pets", "protected", "success");
  assert_verdict (fixture, "GET", "/pets/{petId}", "protected", "success");
  g_assert_cmpuint (signet_audit_count_verdict (signet_access_check_get_audit (fixture->check),
                                                SIGNET_AUDIT_VERDICT_PROTECTED), ==, 3);
  g_assert_true (gtk_widget_is_sensitive (check_child (fixture, "export_button")));
}

/* No credential: a message, nothing probed. */
static void
test_needs_credential (Fixture       *fixture,
                       gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (check_child (fixture, "base_url_row")),
                         fixture->fixture->stage_url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->check), "check.run", NULL));
  g_assert_false (signet_access_check_get_running (fixture->check));
  g_assert_null (signet_access_check_get_audit (fixture->check));
}

static AdwMessageDialog *
confirmation (void)
{
  return ADW_MESSAGE_DIALOG (signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
confirmation_shown (gpointer data)
{
  return confirmation () != NULL;
}

/* A host off this machine is named and asked about first; cancelled,
 * nothing goes out. */
static void
test_remote_confirmation (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  SignetAudit *audit;

  fill_fields (fixture, "https://abc123.execute-api.us-west-2.amazonaws.com/test");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->check), "check.run", NULL));
  signet_test_wait_until (confirmation_shown, NULL, "the confirmation");
  dialog = confirmation ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->check));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "abc123.execute-api.us-west-2.amazonaws.com"));
  /* not running until answered */
  g_assert_false (signet_access_check_get_running (fixture->check));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  audit = signet_access_check_get_audit (fixture->check);
  g_assert_nonnull (audit);
  g_assert_cmpuint (signet_audit_get_n_probes_done (audit), ==, 0);
  g_assert_false (signet_access_check_get_running (fixture->check));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (check_child (fixture, "summary_label"))), ==,
                   "Nothing was probed");
}

/* The loopback fixture needs no confirmation: the run starts at once. */
static void
test_local_needs_no_confirmation (Fixture       *fixture,
                                  gconstpointer  data)
{
  fill_fields (fixture, fixture->fixture->stage_url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->check), "check.run", NULL));
  g_assert_true (signet_access_check_get_running (fixture->check));
  g_assert_null (confirmation ());
  signet_test_wait_until (finished, fixture, "the access check");
}

/* A collection on disk: the folder "pets" with List pets and Add pet,
 * Health at the top. */
static void
write_request (const char *dir,
               const char *file_name,
               const char *name,
               const char *method,
               const char *url)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  signet_request_set_method (request, method);
  signet_request_set_url (request, url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_region (request, FIXTURE_REGION);
  text = signet_request_to_json (request, name);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
write_collection (SignetTestFixture *server)
{
  char *dir = g_dir_make_tmp ("signet-access-check-XXXXXX", NULL);
  g_autofree char *meta = g_build_filename (dir, "collection.json", NULL);
  g_autofree char *pets = signet_test_fixture_url (server, "/pets");
  g_autofree char *health = signet_test_fixture_url (server, "/health");
  g_autofree char *slow = signet_test_fixture_url (server, "/slow");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (meta, "{\"version\": 1, \"name\": \"Pets\"}\n", -1, &error);
  g_assert_no_error (error);
  write_request (dir, "requests/slow/slow.json", "Slow", "GET", slow);
  write_request (dir, "requests/pets/list-pets.json", "List pets", "GET", pets);
  write_request (dir, "requests/pets/add-pet.json", "Add pet", "POST", pets);
  write_request (dir, "requests/health.json", "Health", "GET", health);
  return dir;
}

static void
remove_collection (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  signet_test_remove_tree (file);
}

/* Returns: (transfer full): the collection in @dir, loaded */
static SignetCollection *
load_collection (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  SignetCollection *collection = signet_collection_new (file, "Pets");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_collection_load_async (collection, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_collection_load_finish (collection, signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  return collection;
}

/* A folder of a collection: only its requests, their own URLs. */
static void
test_collection_folder (void)
{
  static const char * const open_post[] = { "--open", "POST:/pets", NULL };
  g_autoptr(SignetTestFixture) server = signet_test_fixture_start (open_post);
  g_autofree char *dir = write_collection (server);
  g_autoptr(SignetCollection) collection = load_collection (dir);
  Fixture fixture = { server };

  present_check (&fixture, collection, "pets");
  g_assert_true (property_is_true (&fixture, "can-run"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (check_child (&fixture, "source_row"))), ==,
                   "Pets › pets");

  fill_fields (&fixture, "");
  run_to_the_end (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (signet_audit_get_endpoints (signet_access_check_get_audit (fixture.check))),
                    ==, 2);
  assert_verdict (&fixture, "POST", "/test/pets", "open", "error");
  assert_verdict (&fixture, "GET", "/test/pets", "protected", "success");

  gtk_window_destroy (GTK_WINDOW (fixture.check));
  g_clear_object (&fixture.check);
  remove_collection (dir);
}

static gboolean
refusals_in (gpointer data)
{
  Fixture *fixture = data;

  return signet_audit_get_n_probes_done (signet_access_check_get_audit (fixture->check)) >= 3;
}

static gboolean
not_running (gpointer data)
{
  return !signet_access_check_get_running (((Fixture *) data)->check);
}

/* Cancel while the signed probe of a slow endpoint is out: the check
 * stops, says so, and has no report to export. */
static void
test_cancel (void)
{
  g_autoptr(SignetTestFixture) server = signet_test_fixture_start (NULL);
  g_autofree char *dir = write_collection (server);
  g_autoptr(SignetCollection) collection = load_collection (dir);
  Fixture fixture = { server };

  present_check (&fixture, collection, "slow");
  fill_fields (&fixture, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.check), "check.run", NULL));
  signet_test_wait_until (refusals_in, &fixture, "the quick probes");
  g_assert_true (signet_access_check_get_running (fixture.check));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.check), "check.cancel", NULL));
  signet_test_wait_until (not_running, &fixture, "the cancellation");
  g_assert_false (property_is_true (&fixture, "finished"));
  g_assert_true (property_is_true (&fixture, "can-run"));
  g_assert_false (gtk_widget_is_sensitive (check_child (&fixture, "export_button")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (check_child (&fixture, "summary_label"))),
                                   "Cancelled"));
  assert_verdict (&fixture, "GET", "/test/slow", "checking", "dim-label");

  gtk_window_destroy (GTK_WINDOW (fixture.check));
  g_clear_object (&fixture.check);
  remove_collection (dir);
}

static gboolean
collection_selected (gpointer window)
{
  SignetCollection *selected = NULL;

  signet_sidebar_get_selected (signet_test_window_sidebar (window), &selected, NULL);
  return selected != NULL;
}

static char *from_window_dir;

static void
from_window_cb (SignetApplication *app,
                GtkWindow         *window)
{
  g_autoptr(GFile) dir = g_file_new_for_path (from_window_dir);
  SignetCollection *selected = NULL;
  g_autoptr(SignetCollection) checked = NULL;
  g_autofree char *folder = NULL;
  GtkWindow *check;

  /* opened, as Open Collection Folder… does: its row is selected */
  signet_window_open_collection (SIGNET_WINDOW (window), dir);
  signet_test_wait_until (collection_selected, window, "the collection to open");
  signet_sidebar_get_selected (signet_test_window_sidebar (window), &selected, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-access", NULL));
  check = signet_test_find_toplevel (SIGNET_TYPE_ACCESS_CHECK);
  g_assert_nonnull (check);
  g_assert_true (gtk_window_get_transient_for (check) == window);
  g_object_get (check, "collection", &checked, "folder", &folder, NULL);
  g_assert_true (checked == selected);
  g_assert_cmpstr (folder, ==, "");
  signet_test_close_and_wait (check);
  signet_test_close_and_wait (window);
}

/* The primary menu's and the sidebar's entry: win.check-access, on the
 * collection selected in the sidebar. */
static void
test_from_window (void)
{
  g_autoptr(SignetTestFixture) server = signet_test_fixture_start (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  from_window_dir = write_collection (server);
  signet_test_run_app (from_window_cb);
  g_settings_reset (settings, "collection-folders");
  remove_collection (from_window_dir);
  g_clear_pointer (&from_window_dir, g_free);
}

int
main (int    argc,
      char **argv)
{
  static const char * const open_post[] = { "--open", "POST:/pets", NULL };

  signet_test_app_init (&argc, &argv);
  adw_init ();

#define ADD(path, options, func) \
  g_test_add ("/signet/access-check-ui/" path, Fixture, options, fixture_set_up, func, fixture_tear_down)

  ADD ("open-post", open_post, test_open_post);
  ADD ("locked-down", NULL, test_locked_down);
  ADD ("needs-credential", NULL, test_needs_credential);
  ADD ("remote-confirmation", NULL, test_remote_confirmation);
  ADD ("local-needs-no-confirmation", NULL, test_local_needs_no_confirmation);
  g_test_add_func ("/signet/access-check-ui/collection-folder", test_collection_folder);
  g_test_add_func ("/signet/access-check-ui/cancel", test_cancel);
  g_test_add_func ("/signet/access-check-ui/from-window", test_from_window);

#undef ADD

  return signet_test_app_run_tests ();
}
