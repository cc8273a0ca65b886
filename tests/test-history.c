/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "signet-client.h"
#include "signet-error.h"
#include "signet-history.h"
#include "signet-request-json.h"
#include "signet-request-row.h"
#include "signet-test-async.h"
#include "signet-test-fixture.h"

/* SignetHistory: newest first, bounded, saved and read back whole, a bad
 * file set aside, and no secret in any file it writes. Each test has XDG
 * dirs of its own (G_TEST_OPTION_ISOLATE_DIRS), so the default file
 * $XDG_DATA_HOME/signet/history.json is the test's. */

#define VARIABLE_SECRET "variable-secret-value-4711"

static void
save (SignetHistory *history)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_history_save_async (history, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_history_save_finish (history, signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static gboolean
load (SignetHistory  *history,
      GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_history_load_async (history, NULL, signet_test_store_result_cb, &result);
  return signet_history_load_finish (history, signet_test_wait_for_result (&result), error);
}

static SignetRequest *
make_request (const char *method,
              const char *url)
{
  SignetRequest *request = signet_request_new ();

  signet_request_set_method (request, method);
  signet_request_set_url (request, url);
  return request;
}

/* An exchange as SignetClient gives it, without a server. */
static SignetExchange *
make_exchange (SignetRequest *request,
               guint          status,
               const char    *reason,
               const char    *response)
{
  SignetExchange *exchange = g_new0 (SignetExchange, 1);
  g_autoptr(GError) error = NULL;

  exchange->sent = signet_request_build_wire (request, &error);
  g_assert_no_error (error);
  exchange->status = status;
  exchange->reason = g_strdup (reason);
  exchange->http_version = g_strdup ("HTTP/1.1");
  exchange->headers = signet_header_array_new ();
  exchange->body = g_bytes_new (response, strlen (response));
  exchange->elapsed_us = 42000;
  return exchange;
}

static SignetHistoryEntry *
make_entry (const char *method,
            const char *url,
            guint       status,
            const char *reason)
{
  g_autoptr(SignetRequest) request = make_request (method, url);
  g_autoptr(SignetExchange) exchange = make_exchange (request, status, reason, "{}");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return signet_history_entry_new (request, exchange, now, NULL);
}

static const char *
url_at (SignetHistory *history,
        guint          position)
{
  g_autoptr(SignetHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (history), position);

  g_assert_nonnull (entry);
  /* the history holds a reference: the string outlives this one */
  return signet_history_entry_get_url (entry);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_append (void)
{
  g_autoptr(SignetHistory) history = signet_history_new (NULL);
  g_autoptr(SignetHistoryEntry) first = make_entry ("GET", "https://example.com/one", 200, "OK");
  g_autoptr(SignetHistoryEntry) second = make_entry ("POST", "https://example.com/two", 201, "Created");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "signet", "history.json", NULL);
  guint changes = 0;

  g_assert_cmpstr (g_file_peek_path (signet_history_get_file (history)), ==, path);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (history)) == SIGNET_TYPE_HISTORY_ENTRY);
  g_signal_connect (history, "items-changed", G_CALLBACK (count_changes), &changes);

  signet_history_add (history, first);
  signet_history_add (history, second);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  /* newest first */
  g_assert_cmpstr (url_at (history, 0), ==, "https://example.com/two");
  g_assert_cmpstr (url_at (history, 1), ==, "https://example.com/one");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (history), 2));

  g_assert_cmpstr (signet_history_entry_get_method (second), ==, "POST");
  g_assert_cmpuint (signet_history_entry_get_status (second), ==, 201);
  g_assert_cmpstr (signet_history_entry_get_reason (second), ==, "Created");
  g_assert_cmpint (signet_history_entry_get_elapsed_ms (second), ==, 42);
  g_assert_cmpuint (signet_history_entry_get_response_size (second), ==, 2);
  g_assert_false (signet_history_entry_get_signed (second));
  g_assert_null (signet_history_entry_get_body (second));

  /* not loaded: nothing is written over a file not yet read */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bound (void)
{
  g_autoptr(SignetHistory) history = signet_history_new (NULL);

  signet_history_set_max_entries (history, 3);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.com/%u", i);
      g_autoptr(SignetHistoryEntry) entry = make_entry ("GET", url, 200, "OK");

      signet_history_add (history, entry);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
  g_assert_cmpstr (url_at (history, 0), ==, "https://example.com/4");
  g_assert_cmpstr (url_at (history, 2), ==, "https://example.com/2");

  /* a smaller bound drops the oldest at once */
  g_object_set (history, "max-entries", 1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);
  g_assert_cmpstr (url_at (history, 0), ==, "https://example.com/4");

  /* above the limit is the limit */
  signet_history_set_max_entries (history, 1000000);
  g_assert_cmpuint (signet_history_get_max_entries (history), ==, SIGNET_HISTORY_LIMIT_MAX_ENTRIES);

  /* 0 keeps nothing */
  signet_history_set_max_entries (history, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  {
    g_autoptr(SignetHistoryEntry) entry = make_entry ("GET", "https://example.com/5", 200, "OK");

    signet_history_add (history, entry);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
}

static char *
entry_text (SignetHistoryEntry *entry)
{
  g_autoptr(JsonNode) node = signet_history_entry_to_json_node (entry);

  return signet_json_to_file_text (node);
}

static void
test_save_reload (void)
{
  g_autoptr(SignetHistory) history = signet_history_new (NULL);
  g_autoptr(SignetHistory) reloaded = NULL;
  g_autoptr(SignetRequest) request = make_request ("POST", "https://abc123.execute-api.us-west-2.amazonaws.com/test/pets?x=1");
  g_autoptr(SignetRequestRow) header = signet_request_row_new ("X-Trace", "t-1");
  g_autoptr(SignetExchange) exchange = NULL;
  g_autoptr(SignetHistoryEntry) entry = NULL;
  g_autoptr(SignetHistoryEntry) other = make_entry ("GET", "https://example.com/older", 404, "Not Found");
  g_autoptr(SignetRequest) reopened = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 1, 8, 30, 15.25);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *mode_path = NULL;
  GStatBuf status;

  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header);
  signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
  signet_request_set_body_text (request, "{\"type\": \"dog\", \"name\": \"Rex ✓\"}");
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_credential_name (request, "petstore-tester");
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  signet_request_set_region (request, "eu-west-1");
  exchange = make_exchange (request, 201, "Created", "{\"ok\": true}");
  entry = signet_history_entry_new (request, exchange, time, NULL);

  g_assert_true (load (history, &error));
  g_assert_no_error (error);
  signet_history_add (history, other);
  signet_history_add (history, entry);
  save (history);

  mode_path = g_build_filename (g_get_user_data_dir (), "signet", "history.json", NULL);
  g_assert_cmpint (g_stat (mode_path, &status), ==, 0);
  /* the user's alone */
  g_assert_cmpint (status.st_mode & 0077, ==, 0);

  reloaded = signet_history_new (NULL);
  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_null (signet_history_get_error (reloaded));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SignetHistoryEntry) before = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autoptr(SignetHistoryEntry) after = g_list_model_get_item (G_LIST_MODEL (reloaded), i);
      g_autofree char *before_text = entry_text (before);
      g_autofree char *after_text = entry_text (after);

      g_assert_cmpstr (before_text, ==, after_text);
    }

  {
    g_autoptr(SignetHistoryEntry) first = g_list_model_get_item (G_LIST_MODEL (reloaded), 0);
    g_autofree char *time_text = g_date_time_format_iso8601 (signet_history_entry_get_time (first));

    g_assert_cmpstr (time_text, ==, "2026-12-01T08:30:15.250000Z");
    g_assert_cmpstr (signet_history_entry_get_body (first), ==, "{\"type\": \"dog\", \"name\": \"Rex ✓\"}");
    g_assert_cmpuint (signet_history_entry_get_body_size (first), ==, strlen ("{\"type\": \"dog\", \"name\": \"Rex ✓\"}"));
    g_assert_cmpstr (signet_header_array_find (signet_history_entry_get_headers (first), "X-Trace"),
                     ==, "t-1");

    /* opened again: the request as it was edited */
    reopened = signet_history_entry_dup_request (first, &error);
    g_assert_no_error (error);
  }
  expected = signet_request_to_json (request, "");
  got = signet_request_to_json (reopened, "");
  g_assert_cmpstr (got, ==, expected);
  g_assert_false (signet_request_get_modified (reopened));
}

static void
test_body_bounds (void)
{
  g_autoptr(SignetRequest) request = make_request ("PUT", "https://example.com/upload");
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(SignetExchange) exchange = NULL;
  g_autoptr(SignetHistoryEntry) entry = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(SignetRequest) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;

  /* 3-byte characters, so that the cut falls inside one */
  while (big->len <= SIGNET_HISTORY_MAX_BODY + 10)
    g_string_append (big, "€");
  signet_request_set_body_kind (request, SIGNET_BODY_KIND_RAW);
  signet_request_set_body_text (request, big->str);
  exchange = make_exchange (request, 200, "OK", "");
  entry = signet_history_entry_new (request, exchange, now, NULL);

  body = signet_history_entry_get_body (entry);
  g_assert_nonnull (body);
  g_assert_cmpuint (strlen (body), <=, SIGNET_HISTORY_MAX_BODY);
  g_assert_cmpuint (strlen (body), >, SIGNET_HISTORY_MAX_BODY - 3);
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_cmpuint (signet_history_entry_get_body_size (entry), ==, big->len);
  reopened = signet_history_entry_dup_request (entry, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (big->str, signet_request_get_body_text (reopened)));
  g_assert_cmpuint (strlen (signet_request_get_body_text (reopened)), <=, SIGNET_HISTORY_MAX_BODY);

  /* bytes that are not text are not kept */
  g_clear_pointer (&exchange, signet_exchange_free);
  g_clear_object (&entry);
  exchange = make_exchange (request, 200, "OK", "");
  {
    static const guchar binary[] = { 0x89, 'P', 'N', 'G', 0x00, 0xff };
    g_autoptr(GBytes) bytes = g_bytes_new_static (binary, sizeof binary);

    signet_wire_request_set_body (exchange->sent, bytes);
  }
  entry = signet_history_entry_new (request, exchange, now, NULL);
  g_assert_null (signet_history_entry_get_body (entry));
  g_assert_cmpuint (signet_history_entry_get_body_size (entry), ==, 6);
}

static void
test_search (void)
{
  g_autoptr(SignetHistoryEntry) pets = make_entry ("GET", "https://example.com/test/Pets?type=dog", 200, "OK");
  g_autoptr(SignetHistoryEntry) denied = make_entry ("POST", "https://example.com/test/orders", 403, "Forbidden");

  g_assert_true (signet_history_entry_matches (pets, NULL));
  g_assert_true (signet_history_entry_matches (pets, ""));
  g_assert_true (signet_history_entry_matches (pets, "pets"));
  g_assert_true (signet_history_entry_matches (pets, "get  DOG"));
  g_assert_true (signet_history_entry_matches (pets, "200"));
  g_assert_false (signet_history_entry_matches (pets, "post"));
  g_assert_false (signet_history_entry_matches (pets, "pets cat"));
  g_assert_true (signet_history_entry_matches (denied, "403 forbidden"));
  g_assert_true (signet_history_entry_matches (denied, "post /orders"));
  g_assert_false (signet_history_entry_matches (denied, "pets"));
}

static void
test_clear (void)
{
  g_autoptr(SignetHistory) history = signet_history_new (NULL);
  g_autoptr(SignetHistory) reloaded = signet_history_new (NULL);
  g_autoptr(SignetHistoryEntry) entry = make_entry ("GET", "https://example.com/", 200, "OK");
  g_autoptr(GError) error = NULL;

  g_assert_true (load (history, &error));
  signet_history_add (history, entry);
  save (history);
  signet_history_clear (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  save (history);

  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 0);
}

static void
test_autosave (void)
{
  g_autoptr(SignetHistory) history = signet_history_new (NULL);
  g_autoptr(SignetHistory) reloaded = signet_history_new (NULL);
  g_autoptr(SignetHistoryEntry) entry = make_entry ("GET", "https://example.com/auto", 200, "OK");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "signet", "history.json", NULL);

  g_assert_true (load (history, &error));
  /* the add saves by itself; a later explicit save runs behind it */
  g_assert_false (signet_history_get_saving (history));
  signet_history_add (history, entry);
  g_assert_true (signet_history_get_saving (history));
  save (history);
  while (signet_history_get_saving (history))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (load (reloaded, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (url_at (reloaded, 0), ==, "https://example.com/auto");
}

static void
test_corrupt (void)
{
  g_autoptr(SignetHistory) history = signet_history_new (NULL);
  g_autoptr(SignetHistory) reloaded = signet_history_new (NULL);
  g_autoptr(SignetHistoryEntry) entry = make_entry ("GET", "https://example.com/after", 200, "OK");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "signet", NULL);
  g_autofree char *path = g_build_filename (dir, "history.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "history.json.bad", NULL);
  g_autofree char *kept = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"entries\": [", -1, NULL));

  g_assert_false (load (history, &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE);
  /* names the file, says what is wrong and what became of it */
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  g_assert_nonnull (strstr (error->message, "history.json.bad"));
  g_assert_cmpstr (signet_history_get_error (history), ==, error->message);
  g_assert_true (g_file_get_contents (bad_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{\"version\": 1, \"entries\": [");

  /* empty and usable */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  signet_history_add (history, entry);
  save (history);
  g_clear_error (&error);
  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);

  /* well-formed JSON with a bad entry is as bad */
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"entries\": [{\"method\": 7}]}", -1, NULL));
  g_clear_object (&reloaded);
  reloaded = signet_history_new (NULL);
  g_assert_false (load (reloaded, &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE);
  g_assert_nonnull (strstr (error->message, "entries[0]"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "{\"version\": 99, \"entries\": []}", -1, NULL));
  g_clear_object (&reloaded);
  reloaded = signet_history_new (NULL);
  g_assert_false (load (reloaded, &error));
  g_assert_nonnull (strstr (error->message, "version 99"));
}

/* Secret hygiene, with real signed exchanges */

typedef struct
{
  SignetExchange *exchange;
  GError         *error;
  gboolean        done;
} SendResult;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SendResult *sent = user_data;

  sent->exchange = signet_client_send_finish (SIGNET_CLIENT (source), result, &sent->error);
  sent->done = TRUE;
}

static SignetExchange *
send (SignetClient  *client,
      SignetRequest *request,
      const char    *key,
      const char    *secret,
      const char    *token)
{
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GError) error = NULL;
  SendResult sent = { NULL, NULL, FALSE };

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, key);
  signet_request_set_region (request, FIXTURE_REGION);
  signet_request_set_service (request, FIXTURE_SERVICE);
  wire = signet_request_build_wire (request, &error);
  g_assert_no_error (error);
  auth = signet_request_build_auth (request, secret, token, &error);
  g_assert_no_error (error);

  signet_client_send_async (client, wire, auth, NULL, on_sent, &sent);
  while (!sent.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (sent.error);
  g_assert_cmpuint (sent.exchange->status, ==, 200);
  return sent.exchange;
}

static void
assert_no_secret_in_dir (const char         *path,
                         const char * const *secrets)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          assert_no_secret_in_dir (child, secrets);
          continue;
        }
      g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
      for (guint i = 0; secrets[i] != NULL; i++)
        if (g_strstr_len (contents, length, secrets[i]) != NULL)
          g_error ("%s holds the secret “%s”", child, secrets[i]);
    }
}

static void
test_secret_hygiene (void)
{
  g_autoptr(SignetTestFixture) fixture = signet_test_fixture_start (NULL);
  g_autoptr(SignetClient) client = signet_client_new (NULL);
  g_autoptr(SignetHistory) history = signet_history_new (NULL);
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  const char * const scrub[] = { VARIABLE_SECRET, FIXTURE_SECRET, FIXTURE_TEMP_SECRET,
                                 FIXTURE_TEMP_TOKEN, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (load (history, &error));
  g_ptr_array_add (secrets, g_strdup (FIXTURE_SECRET));
  g_ptr_array_add (secrets, g_strdup (FIXTURE_TEMP_SECRET));
  g_ptr_array_add (secrets, g_strdup (FIXTURE_TEMP_TOKEN));
  g_ptr_array_add (secrets, g_strdup (VARIABLE_SECRET));

  /* header-signed, long-term key, with a secret variable's value sent in
   * a header, the query and the body (as {{apiKey}} filled in would be) */
  {
    g_autofree char *url = signet_test_fixture_url (fixture, "/echo?key=" VARIABLE_SECRET);
    g_autoptr(SignetRequest) request = make_request ("POST", url);
    g_autoptr(SignetRequestRow) header = signet_request_row_new ("X-Api-Key", VARIABLE_SECRET);
    g_autoptr(SignetExchange) exchange = NULL;
    g_autoptr(SignetHistoryEntry) entry = NULL;

    g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header);
    signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
    signet_request_set_body_text (request, "{\"apiKey\": \"" VARIABLE_SECRET "\"}");
    exchange = send (client, request, FIXTURE_KEY, FIXTURE_SECRET, NULL);
    g_ptr_array_add (secrets, g_strdup (exchange->signing->signature));
    entry = signet_history_entry_new (request, exchange, now, scrub);
    g_assert_true (signet_history_entry_get_signed (entry));
    g_assert_nonnull (strstr (signet_history_entry_get_url (entry), "key=[redacted]"));
    g_assert_nonnull (strstr (signet_header_array_find (signet_history_entry_get_headers (entry),
                                                        "Authorization"),
                              "Credential=" FIXTURE_KEY "/"));
    signet_history_add (history, entry);
  }

  /* header-signed with temporary credentials: a session token */
  {
    g_autofree char *url = signet_test_fixture_url (fixture, "/pets");
    g_autoptr(SignetRequest) request = make_request ("GET", url);
    g_autoptr(SignetExchange) exchange = send (client, request, FIXTURE_TEMP_KEY,
                                               FIXTURE_TEMP_SECRET, FIXTURE_TEMP_TOKEN);
    g_autoptr(SignetHistoryEntry) entry = NULL;

    g_assert_cmpstr (signet_wire_request_get_header (exchange->sent, "X-Amz-Security-Token"),
                     ==, FIXTURE_TEMP_TOKEN);
    g_ptr_array_add (secrets, g_strdup (exchange->signing->signature));
    /* no scrub list: the redaction alone keeps the token and signature out */
    entry = signet_history_entry_new (request, exchange, now, NULL);
    g_assert_cmpstr (signet_header_array_find (signet_history_entry_get_headers (entry),
                                               "X-Amz-Security-Token"), ==, "[redacted]");
    signet_history_add (history, entry);
  }

  /* signed in the query (a presigned URL), with the token there too */
  {
    g_autofree char *url = signet_test_fixture_url (fixture, "/pets");
    g_autoptr(SignetRequest) request = make_request ("GET", url);
    g_autoptr(SignetExchange) exchange = NULL;
    g_autoptr(SignetHistoryEntry) entry = NULL;

    signet_request_set_sign_in_query (request, TRUE);
    exchange = send (client, request, FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET, FIXTURE_TEMP_TOKEN);
    g_assert_nonnull (strstr (exchange->sent->query, "X-Amz-Signature="));
    g_ptr_array_add (secrets, g_strdup (exchange->signing->signature));
    entry = signet_history_entry_new (request, exchange, now, NULL);
    g_assert_nonnull (strstr (signet_history_entry_get_url (entry), "X-Amz-Signature=[redacted]"));
    g_assert_nonnull (strstr (signet_history_entry_get_url (entry), "X-Amz-Credential=" FIXTURE_TEMP_KEY));
    signet_history_add (history, entry);
  }
  save (history);

  /* the token and signatures URL-encoded, as a query carries them */
  for (guint i = 0, n = secrets->len; i < n; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (g_ptr_array_index (secrets, i), NULL, FALSE);

      g_ptr_array_add (secrets, g_steal_pointer (&escaped));
    }
  g_ptr_array_add (secrets, NULL);
  assert_no_secret_in_dir (g_get_user_data_dir (), (const char * const *) secrets->pdata);

  /* and the file was there to be searched */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "signet", "history.json", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "/test/echo"));
    g_assert_nonnull (strstr (contents, FIXTURE_TEMP_KEY));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/signet/history/append", test_append);
  g_test_add_func ("/signet/history/bound", test_bound);
  g_test_add_func ("/signet/history/save-reload", test_save_reload);
  g_test_add_func ("/signet/history/body-bounds", test_body_bounds);
  g_test_add_func ("/signet/history/search", test_search);
  g_test_add_func ("/signet/history/clear", test_clear);
  g_test_add_func ("/signet/history/autosave", test_autosave);
  g_test_add_func ("/signet/history/corrupt", test_corrupt);
  g_test_add_func ("/signet/history/secret-hygiene", test_secret_hygiene);

  return g_test_run ();
}
