/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "signet-collection-load.h"
#include "signet-collection.h"
#include "signet-error.h"
#include "signet-request-json.h"
#include "signet-test-async.h"
#include "signet-test-collection.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("signet-collection-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static SignetCollection *
load (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  SignetCollection *collection = signet_collection_new (dir, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_collection_load_async (collection, NULL, signet_test_store_result_cb, &result);
  signet_collection_load_finish (collection, signet_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return collection;
}

static SignetCollectionItem *
finish_edit (SignetCollection *collection,
             GAsyncResult    **result)
{
  g_autoptr(GError) error = NULL;
  SignetCollectionItem *item = signet_collection_edit_finish (collection,
                                                              signet_test_wait_for_result (result), &error);

  g_assert_no_error (error);
  g_clear_object (result);
  return item;
}

static SignetCollectionItem *
add (SignetCollection *collection,
     const char       *folder,
     const char       *name,
     SignetRequest    *request)
{
  GAsyncResult *result = NULL;

  signet_collection_add_async (collection, folder, name, request, NULL, signet_test_store_result_cb, &result);
  return finish_edit (collection, &result);
}

static SignetRequest *
make_request (const char *url)
{
  SignetRequest *request = signet_request_new ();
  g_autoptr(SignetRequestRow) header = signet_request_row_new ("Accept", "application/json");

  signet_request_set_url (request, url);
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_region (request, "us-east-1");
  signet_request_set_credential_name (request, "dev");
  return request;
}

static char *
read_text (const char *dir,
           const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(SignetCollection) collection = NULL;
  g_autoptr(SignetCollection) loaded = NULL;
  g_autoptr(SignetRequest) r1 = make_request ("https://example.com/pets?limit=10");
  g_autoptr(SignetRequest) r2 = make_request ("https://example.com/pets/1");
  g_autoptr(SignetRequest) r3 = make_request ("https://example.com/stores");
  g_autoptr(SignetCollectionItem) i1 = NULL;
  g_autoptr(SignetCollectionItem) i2 = NULL;
  g_autoptr(SignetCollectionItem) i3 = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) folders = NULL;
  GAsyncResult *result = NULL;
  GListModel *items;

  collection = signet_collection_new (file, "Pets");
  i1 = add (collection, "pets", "List pets", r1);
  i2 = add (collection, "pets", "Get pet", r2);
  i3 = add (collection, "", "List stores", r3);
  g_assert_cmpstr (signet_collection_item_get_slug (i1), ==, "list-pets");
  g_assert_false (signet_request_get_modified (r1));

  loaded = load (dir);
  g_assert_cmpstr (signet_collection_get_name (loaded), ==, "Pets");
  g_assert_cmpuint (signet_collection_get_load_errors (loaded)->len, ==, 0);
  items = signet_collection_get_items (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  folders = signet_collection_dup_folders (loaded);
  g_assert_cmpstrv (folders, ((const char *[]) { "pets", NULL }));

  /* Top first, then by name within a folder. */
  {
    const char *names[] = { "List stores", "Get pet", "List pets" };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, i);
        SignetCollectionItem *saved = g_str_equal (names[i], "List pets") ? i1 :
                                      g_str_equal (names[i], "Get pet") ? i2 : i3;
        g_autofree char *a = signet_request_to_json (signet_collection_item_get_request (item), names[i]);
        g_autofree char *b = signet_request_to_json (signet_collection_item_get_request (saved), names[i]);

        g_assert_cmpstr (signet_collection_item_get_name (item), ==, names[i]);
        g_assert_cmpstr (a, ==, b);
      }
  }

  /* Re-saving what was loaded changes no byte. */
  before = read_text (dir, "requests/pets/list-pets.json");
  signet_collection_save_async (loaded, signet_test_find_item (loaded, "List pets"), NULL,
                                signet_test_store_result_cb, &result);
  g_object_unref (finish_edit (loaded, &result));
  after = read_text (dir, "requests/pets/list-pets.json");
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

static void
write_file (const char *dir,
            const char *relative,
            const char *text,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

static gboolean
has_error (GPtrArray  *errors,
           const char *path,
           int         code)
{
  for (guint i = 0; i < errors->len; i++)
    {
      GError *error = g_ptr_array_index (errors, i);

      if (g_str_has_prefix (error->message, path) && (code < 0 || error->code == code))
        return TRUE;
    }
  return FALSE;
}

static void
test_bad_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(SignetRequest) good = make_request ("https://example.com/good");
  g_autofree char *good_text = signet_request_to_json (good, "Good");
  g_autofree char *huge = NULL;
  g_autoptr(SignetCollection) collection = NULL;
  GPtrArray *errors;
  gsize huge_size = SIGNET_COLLECTION_MAX_FILE_SIZE + 1;

  write_file (dir, "collection.json", "{\"version\": 1, \"name\": \"Broken\"}\n", -1);
  write_file (dir, "requests/good.json", good_text, -1);
  write_file (dir, "requests/f/good-too.json", good_text, -1);
  write_file (dir, "requests/f/truncated.json", good_text, strlen (good_text) / 2);
  write_file (dir, "requests/corrupt.json", "\x01\xff not json", -1);
  write_file (dir, "requests/f/wrong-type.json",
              "{\"version\": 1, \"name\": \"x\", \"method\": 1, \"url\": \"\"}", -1);
  huge = g_malloc (huge_size);
  memset (huge, ' ', huge_size);
  write_file (dir, "requests/huge.json", huge, huge_size);
  /* Left over by an interrupted save: not a request. */
  write_file (dir, "requests/.goutputstream-ABC123", "{", -1);

  collection = load (dir);
  g_assert_cmpuint (g_list_model_get_n_items (signet_collection_get_items (collection)), ==, 2);
  errors = signet_collection_get_load_errors (collection);
  g_assert_cmpuint (errors->len, ==, 4);
  g_assert_true (has_error (errors, "requests/f/truncated.json: not valid JSON", SIGNET_ERROR_INVALID_FILE));
  g_assert_true (has_error (errors, "requests/corrupt.json: ", SIGNET_ERROR_INVALID_FILE));
  g_assert_true (has_error (errors, "requests/f/wrong-type.json: “method” must be a string",
                            SIGNET_ERROR_INVALID_FILE));
  g_assert_true (has_error (errors, "requests/huge.json: the file is larger than 5 MiB",
                            SIGNET_ERROR_FILE_TOO_LARGE));

  remove_tree (dir);
}

static void
test_broken_collection_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(SignetRequest) good = make_request ("https://example.com/good");
  g_autofree char *good_text = signet_request_to_json (good, "Good");
  g_autoptr(SignetCollection) collection = NULL;
  g_autofree char *base = g_path_get_basename (dir);

  write_file (dir, "collection.json", "{\"name\": [", -1);
  write_file (dir, "requests/good.json", good_text, -1);
  collection = load (dir);
  g_assert_cmpstr (signet_collection_get_name (collection), ==, base);
  g_assert_cmpuint (g_list_model_get_n_items (signet_collection_get_items (collection)), ==, 1);
  g_assert_true (has_error (signet_collection_get_load_errors (collection), "collection.json: ", -1));

  remove_tree (dir);
}

static void
test_missing_folder (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path ("/nonexistent/signet-collection");
  g_autoptr(SignetCollection) collection = signet_collection_new (dir, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_collection_load_async (collection, NULL, signet_test_store_result_cb, &result);
  g_assert_false (signet_collection_load_finish (collection, signet_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static gboolean
exists (const char *dir,
        const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_edits (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(SignetCollection) collection = signet_collection_new (file, "Edits");
  g_autoptr(SignetRequest) request = make_request ("https://example.com/a");
  g_autoptr(SignetCollectionItem) item = add (collection, "", "A", request);
  g_autoptr(SignetCollectionItem) other = add (collection, "", "A", request);
  g_autoptr(SignetCollectionItem) copy = NULL;
  g_autoptr(SignetCollectionItem) deleted = NULL;
  g_autoptr(SignetCollectionItem) restored = NULL;
  g_autoptr(SignetCollection) loaded = NULL;
  GAsyncResult *result = NULL;
  GListModel *items = signet_collection_get_items (collection);

  /* Two requests with one name get two files. */
  g_assert_cmpstr (signet_collection_item_get_slug (other), ==, "a-2");

  signet_collection_rename_async (collection, item, "Renamed", NULL, signet_test_store_result_cb, &result);
  g_object_unref (finish_edit (collection, &result));
  g_assert_false (exists (dir, "requests/a.json"));
  g_assert_true (exists (dir, "requests/renamed.json"));

  signet_collection_move_async (collection, item, "sub", NULL, signet_test_store_result_cb, &result);
  g_object_unref (finish_edit (collection, &result));
  g_assert_false (exists (dir, "requests/renamed.json"));
  g_assert_true (exists (dir, "requests/sub/renamed.json"));
  g_assert_cmpstr (signet_collection_item_get_folder (item), ==, "sub");

  signet_collection_duplicate_async (collection, item, NULL, signet_test_store_result_cb, &result);
  copy = finish_edit (collection, &result);
  g_assert_cmpstr (signet_collection_item_get_name (copy), ==, "Renamed copy");
  g_assert_true (exists (dir, "requests/sub/renamed-copy.json"));
  g_assert_true (signet_collection_item_get_request (copy) != request);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  signet_collection_delete_async (collection, other, NULL, signet_test_store_result_cb, &result);
  deleted = finish_edit (collection, &result);
  g_assert_true (deleted == other);
  g_assert_false (exists (dir, "requests/a-2.json"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  /* Undo. */
  signet_collection_restore_async (collection, deleted, NULL, signet_test_store_result_cb, &result);
  restored = finish_edit (collection, &result);
  g_assert_true (exists (dir, "requests/a-2.json"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  /* A folder name cannot leave the collection. */
  signet_collection_move_async (collection, item, "../out", NULL, signet_test_store_result_cb, &result);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (signet_collection_edit_finish (collection, signet_test_wait_for_result (&result), &error));
    g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
    g_clear_object (&result);
  }

  loaded = load (dir);
  g_assert_cmpuint (g_list_model_get_n_items (signet_collection_get_items (loaded)), ==, 3);
  g_assert_nonnull (signet_test_find_item (loaded, "Renamed copy"));

  remove_tree (dir);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return strstr (text, needle) != NULL;
}

static void
assert_tree_lacks (const char *path,
                   const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        assert_tree_lacks (child, needle);
      else if (file_contains (child, needle))
        g_error ("%s holds a secret", child);
    }
}

static void
test_secret_hygiene (void)
{
  const char *secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  const char *token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN";
  g_autofree char *dir = make_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(SignetCollection) collection = signet_collection_new (file, "Secrets");
  g_autoptr(SignetRequest) request = make_request ("https://abc.execute-api.us-east-1.amazonaws.com/prod/x");
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autoptr(SignetRequestRow) header = signet_request_row_new ("X-Amz-Security-Token", token);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  signet_request_set_access_key_id (request, "AKIDEXAMPLE");
  auth = signet_request_build_auth (request, secret, token, &error);
  g_assert_no_error (error);
  /* A token pasted into a header is not saved either. */
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header);

  item = add (collection, "", "Signed", request);
  signet_collection_duplicate_async (collection, item, NULL, signet_test_store_result_cb, &result);
  g_object_unref (finish_edit (collection, &result));
  signet_collection_rename_async (collection, item, "Renamed", NULL, signet_test_store_result_cb, &result);
  g_object_unref (finish_edit (collection, &result));

  assert_tree_lacks (dir, secret);
  assert_tree_lacks (dir, token);
  remove_tree (dir);
}

/* Crash safety: a child saves one request over and over, each version
 * with its number in the body; the parent kills it at random moments.
 * The file must always hold a whole version, never older than one the
 * parent already saw. */

#define CHILD_ARG "--crash-child"

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SignetCollection *collection = SIGNET_COLLECTION (object);
  SignetCollectionItem *item = user_data;
  SignetRequest *request = signet_collection_item_get_request (item);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCollectionItem) saved = signet_collection_edit_finish (collection, result, &error);
  guint64 version;
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  version = g_ascii_strtoull (signet_request_get_body_text (request) + strlen ("version "), NULL, 10);
  /* Big enough that a write takes a while. */
  body = g_strdup_printf ("version %" G_GUINT64_FORMAT "\n%0*d", version + 1,
                          64 * 1024 + g_random_int_range (0, 4096), 0);
  signet_request_set_body_text (request, body);
  signet_collection_save_async (collection, item, NULL, saved_cb, item);
}

static int
run_crash_child (const char *path)
{
  g_autoptr(SignetCollection) collection = load (path);
  g_autoptr(SignetCollectionItem) item = g_list_model_get_item (signet_collection_get_items (collection), 0);

  signet_collection_save_async (collection, item, NULL, saved_cb, item);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static guint64
saved_version (const char *dir)
{
  g_autofree char *text = read_text (dir, "requests/counter.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetRequest) request = signet_request_from_json (text, -1, NULL, &error);
  const char *body;

  g_assert_no_error (error);
  body = signet_request_get_body_text (request);
  g_assert_true (g_str_has_prefix (body, "version "));
  return g_ascii_strtoull (body + strlen ("version "), NULL, 10);
}

static void
test_crash_safety (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(SignetCollection) collection = signet_collection_new (file, "Crash");
  g_autoptr(SignetRequest) request = make_request ("https://example.com/counter");
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  guint64 last_seen = 0;

  signet_request_set_body_kind (request, SIGNET_BODY_KIND_RAW);
  signet_request_set_body_text (request, "version 0");
  item = add (collection, "", "Counter", request);

  for (guint round = 0; round < 20; round++)
    {
      const char *argv[] = { self_path, CHILD_ARG, dir, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;
      guint64 version;

      g_assert_nonnull (self_path);
      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (g_random_int_range (20, 120) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      version = saved_version (dir);
      g_assert_cmpuint (version, >=, last_seen);
      last_seen = version;
    }

  /* The child did save, many times. */
  g_test_message ("last version seen: %" G_GUINT64_FORMAT, last_seen);
  g_assert_cmpuint (last_seen, >, 0);

  {
    g_autoptr(SignetCollection) loaded = load (dir);

    g_assert_cmpuint (signet_collection_get_load_errors (loaded)->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (signet_collection_get_items (loaded)), ==, 1);
  }
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], CHILD_ARG))
    return run_crash_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/collection/round-trip", test_round_trip);
  g_test_add_func ("/signet/collection/bad-files", test_bad_files);
  g_test_add_func ("/signet/collection/broken-collection-file", test_broken_collection_file);
  g_test_add_func ("/signet/collection/missing-folder", test_missing_folder);
  g_test_add_func ("/signet/collection/edits", test_edits);
  g_test_add_func ("/signet/collection/secret-hygiene", test_secret_hygiene);
  g_test_add_func ("/signet/collection/crash-safety", test_crash_safety);

  return g_test_run ();
}
