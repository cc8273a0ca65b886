/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-audit-report.h"
#include "signet-audit.h"
#include "signet-collection.h"
#include "signet-error.h"
#include "signet-import-openapi.h"
#include "signet-import-postman.h"
#include "signet-test-async.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"

/* The access check against the API Gateway fixture: the PetStore export
 * locked down, with one route left open, with a broken authorizer on one
 * route (--weak), with a credential IAM denies, and against a closed port.
 * The fixture's log shows what each probe really sent. */

typedef struct
{
  SignetTestFixture *fixture;
  SignetAudit       *audit;
  guint              n_probe_signals;
  guint              n_endpoint_signals;
  GCancellable      *cancel_after_first;
} Fixture;

static void
on_probe_finished (SignetAudit         *audit,
                   SignetAuditEndpoint *endpoint,
                   guint                probe,
                   Fixture             *fixture)
{
  g_assert_cmpuint (probe, <, SIGNET_AUDIT_N_PROBES);
  fixture->n_probe_signals++;
  if (fixture->cancel_after_first != NULL)
    g_cancellable_cancel (fixture->cancel_after_first);
}

static void
on_endpoint_finished (SignetAudit         *audit,
                      SignetAuditEndpoint *endpoint,
                      Fixture             *fixture)
{
  g_assert_cmpint (signet_audit_endpoint_get_verdict (endpoint), !=, SIGNET_AUDIT_VERDICT_PENDING);
  fixture->n_endpoint_signals++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = signet_aws_auth_new (FIXTURE_KEY, FIXTURE_SECRET, NULL);

  fixture->fixture = signet_test_fixture_start (data);
  fixture->audit = signet_audit_new (NULL);
  signet_audit_set_auth (fixture->audit, auth);
  g_signal_connect (fixture->audit, "probe-finished", G_CALLBACK (on_probe_finished), fixture);
  g_signal_connect (fixture->audit, "endpoint-finished", G_CALLBACK (on_endpoint_finished), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  signet_test_fixture_stop (fixture->fixture);
  g_clear_object (&fixture->audit);
  g_clear_object (&fixture->cancel_after_first);
}

static void
add_petstore (Fixture    *fixture,
              GHashTable *variables)
{
  g_autofree char *path = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                            "petstore-apigateway-oas30.json", NULL);
  g_autofree char *document = NULL;
  g_autoptr(SignetImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SignetAuditSource source = {
    variables ? signet_variables_lookup_table : NULL, variables, fixture->fixture->stage_url,
  };

  g_file_get_contents (path, &document, NULL, &error);
  g_assert_no_error (error);
  result = signet_import_openapi (document, -1, &error);
  g_assert_no_error (error);
  signet_audit_add_import_result (fixture->audit, result, document, &source, &error);
  g_assert_no_error (error);
}

static gboolean
run_audit (Fixture       *fixture,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_audit_run_async (fixture->audit, cancellable, signet_test_store_result_cb, &result);
  return signet_audit_run_finish (fixture->audit, signet_test_wait_for_result (&result), error);
}

static void
run_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (signet_audit_get_endpoints (fixture->audit));

  g_assert_true (run_audit (fixture, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_probe_signals, ==, n * SIGNET_AUDIT_N_PROBES);
  g_assert_cmpuint (fixture->n_endpoint_signals, ==, n);
  g_assert_cmpuint (signet_audit_get_n_probes_done (fixture->audit), ==, n * SIGNET_AUDIT_N_PROBES);
}

static SignetAuditEndpoint *
find (Fixture    *fixture,
      const char *method,
      const char *path)
{
  GListModel *endpoints = signet_audit_get_endpoints (fixture->audit);

  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      if (g_str_equal (signet_audit_endpoint_get_method (endpoint), method) &&
          g_str_equal (signet_audit_endpoint_get_path (endpoint), path))
        return endpoint;
    }
  g_error ("no endpoint %s %s", method, path);
}

static void
assert_verdict (Fixture            *fixture,
                const char         *method,
                const char         *path,
                SignetAuditVerdict  verdict)
{
  SignetAuditEndpoint *endpoint = find (fixture, method, path);

  g_test_message ("%s %s: %s (%s)", method, path,
                  signet_audit_verdict_to_nick (signet_audit_endpoint_get_verdict (endpoint)),
                  signet_audit_endpoint_get_summary (endpoint));
  g_assert_cmpstr (signet_audit_verdict_to_nick (signet_audit_endpoint_get_verdict (endpoint)), ==,
                   signet_audit_verdict_to_nick (verdict));
}

static void
assert_probe (SignetAuditEndpoint *endpoint,
              SignetAuditProbe     probe,
              guint                status,
              const char          *error_type)
{
  g_assert_cmpuint (signet_audit_endpoint_get_probe_status (endpoint, probe), ==, status);
  g_assert_cmpstr (signet_audit_endpoint_get_probe_error_type (endpoint, probe), ==, error_type);
}

/* The fixture's log: one JSON object per request it received. */
static GPtrArray *
read_log (Fixture *fixture)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  g_file_get_contents (fixture->fixture->log_path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        JsonNode *node = json_from_string (lines[i], &error);

        g_assert_no_error (error);
        g_ptr_array_add (entries, node);
      }
  return entries;
}

static guint
count_logged (GPtrArray  *log,
              const char *method,
              const char *target,
              gint64      body_length)
{
  guint count = 0;

  for (guint i = 0; i < log->len; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (log, i));

      if (g_str_equal (json_object_get_string_member (entry, "method"), method) &&
          g_str_equal (json_object_get_string_member (entry, "target"), target) &&
          (body_length < 0 || json_object_get_int_member (entry, "body_length") == body_length))
        count++;
    }
  return count;
}

static void
test_locked_down (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  SignetAuditEndpoint *endpoint;

  add_petstore (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (signet_audit_get_endpoints (fixture->audit)), ==, 3);
  run_ok (fixture);

  assert_verdict (fixture, "GET", "/pets", SIGNET_AUDIT_VERDICT_PROTECTED);
  assert_verdict (fixture, "POST", "/pets", SIGNET_AUDIT_VERDICT_PROTECTED);
  assert_verdict (fixture, "GET", "/pets/{petId}", SIGNET_AUDIT_VERDICT_PROTECTED);
  g_assert_cmpuint (signet_audit_count_verdict (fixture->audit, SIGNET_AUDIT_VERDICT_PROTECTED), ==, 3);

  endpoint = find (fixture, "GET", "/pets");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_UNSIGNED, 403, "MissingAuthenticationTokenException");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_UNKNOWN_KEY, 403, "UnrecognizedClientException");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_TAMPERED, 403, "InvalidSignatureException");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_SIGNED, 200, NULL);
  g_assert_cmpint (signet_audit_endpoint_get_probe_kind (endpoint, SIGNET_AUDIT_PROBE_TAMPERED), ==,
                   SIGNET_EXPLANATION_SIGNATURE_MISMATCH);

  /* The write method went without its body (the document has an example
   * body); the path parameter got the placeholder. */
  log = read_log (fixture);
  g_assert_cmpuint (count_logged (log, "POST", "/test/pets", 0), ==, 4);
  g_assert_cmpuint (count_logged (log, "GET", "/test/pets/1", -1), ==, 4);
  g_assert_cmpuint (log->len, ==, 12);
}

static void
test_open_endpoint (Fixture       *fixture,
                    gconstpointer  data)
{
  add_petstore (fixture, NULL);
  run_ok (fixture);
  assert_verdict (fixture, "POST", "/pets", SIGNET_AUDIT_VERDICT_OPEN);
  assert_verdict (fixture, "GET", "/pets", SIGNET_AUDIT_VERDICT_PROTECTED);
  assert_verdict (fixture, "GET", "/pets/{petId}", SIGNET_AUDIT_VERDICT_PROTECTED);
  assert_probe (find (fixture, "POST", "/pets"), SIGNET_AUDIT_PROBE_UNSIGNED, 200, NULL);
}

/* --weak: the fixture's broken authorizer lets a tampered signature in. */
static void
test_weak_endpoint (Fixture       *fixture,
                    gconstpointer  data)
{
  SignetAuditEndpoint *endpoint;

  add_petstore (fixture, NULL);
  run_ok (fixture);
  assert_verdict (fixture, "GET", "/pets/{petId}", SIGNET_AUDIT_VERDICT_WEAK);
  endpoint = find (fixture, "GET", "/pets/{petId}");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_UNSIGNED, 403, "MissingAuthenticationTokenException");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_UNKNOWN_KEY, 403, "UnrecognizedClientException");
  assert_probe (endpoint, SIGNET_AUDIT_PROBE_TAMPERED, 200, NULL);
  assert_verdict (fixture, "GET", "/pets", SIGNET_AUDIT_VERDICT_PROTECTED);
}

/* A credential IAM denies: the endpoints refuse everyone, us included. */
static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) denied = signet_aws_auth_new (FIXTURE_DENIED_KEY, FIXTURE_DENIED_SECRET, NULL);

  signet_audit_set_auth (fixture->audit, denied);
  add_petstore (fixture, NULL);
  run_ok (fixture);
  assert_verdict (fixture, "GET", "/pets", SIGNET_AUDIT_VERDICT_BROKEN);
  assert_verdict (fixture, "POST", "/pets", SIGNET_AUDIT_VERDICT_BROKEN);
  assert_probe (find (fixture, "GET", "/pets"), SIGNET_AUDIT_PROBE_SIGNED, 403, "AccessDeniedException");
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  SignetAuditEndpoint *endpoint;

  /* The fixture's port, closed. */
  add_petstore (fixture, NULL);
  g_subprocess_send_signal (fixture->fixture->process, SIGTERM);
  g_subprocess_wait (fixture->fixture->process, NULL, NULL);
  run_ok (fixture);
  g_assert_cmpuint (signet_audit_count_verdict (fixture->audit, SIGNET_AUDIT_VERDICT_UNREACHABLE), ==, 3);
  endpoint = find (fixture, "GET", "/pets");
  g_assert_cmpuint (signet_audit_endpoint_get_probe_status (endpoint, SIGNET_AUDIT_PROBE_UNSIGNED), ==, 0);
  g_assert_nonnull (strstr (signet_audit_endpoint_get_probe_failure (endpoint, SIGNET_AUDIT_PROBE_UNSIGNED),
                            "refused the connection"));
}

static void
test_variables_and_bodies (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) variables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) log = NULL;

  g_hash_table_insert (variables, (char *) "petId", (char *) "2");
  add_petstore (fixture, variables);
  signet_audit_set_send_bodies (fixture->audit, TRUE);
  run_ok (fixture);
  log = read_log (fixture);
  g_assert_cmpuint (count_logged (log, "GET", "/test/pets/2", -1), ==, 4);
  g_assert_cmpuint (count_logged (log, "POST", "/test/pets", 0), ==, 0);
  g_assert_cmpuint (count_logged (log, "POST", "/test/pets", -1), ==, 4);
}

/* A path parameter's example in the document wins over the placeholder. */
static void
test_path_example (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *document =
    "{\"openapi\":\"3.0.1\",\"servers\":[{\"url\":\"https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/test\"}],"
    "\"paths\":{\"/pets/{petId}\":{\"get\":{\"parameters\":[{\"name\":\"petId\",\"in\":\"path\","
    "\"required\":true,\"schema\":{\"type\":\"string\"},\"example\":\"3\"}],"
    "\"security\":[{\"sigv4\":[]}]}}},\"components\":{\"securitySchemes\":{\"sigv4\":{\"type\":\"apiKey\","
    "\"name\":\"Authorization\",\"in\":\"header\",\"x-amazon-apigateway-authtype\":\"awsSigv4\"}}}}";
  g_autoptr(SignetImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  SignetAuditSource source = { NULL, NULL, fixture->fixture->stage_url };

  result = signet_import_openapi (document, -1, &error);
  g_assert_no_error (error);
  g_assert_true (signet_audit_add_import_result (fixture->audit, result, document, &source, &error));
  g_assert_no_error (error);
  run_ok (fixture);
  assert_verdict (fixture, "GET", "/pets/{petId}", SIGNET_AUDIT_VERDICT_PROTECTED);
  log = read_log (fixture);
  g_assert_cmpuint (count_logged (log, "GET", "/test/pets/3", -1), ==, 4);
}

/* A collection folder, its URL's server a variable. */
static void
test_collection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir_path = g_dir_make_tmp ("signet-audit-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(SignetCollection) writer = signet_collection_new (dir, "PetStore");
  g_autoptr(SignetCollection) collection = NULL;
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) variables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  SignetAuditSource source = { signet_variables_lookup_table, variables, NULL };

  signet_request_set_url (request, "{{base}}/pets");
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_region (request, FIXTURE_REGION);
  signet_request_set_service (request, FIXTURE_SERVICE);
  signet_collection_add_async (writer, "pets", "List pets", request, NULL,
                               signet_test_store_result_cb, &result);
  item = signet_collection_edit_finish (writer, signet_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  collection = signet_collection_new (dir, "PetStore");
  signet_collection_load_async (collection, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_collection_load_finish (collection, signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);

  /* An unknown variable is a clear error, not a probe of a broken URL. */
  g_assert_false (signet_audit_add_collection (fixture->audit, collection, NULL, &source, &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
  g_assert_nonnull (strstr (error->message, "base"));
  g_clear_error (&error);

  g_hash_table_insert (variables, (char *) "base", fixture->fixture->stage_url);
  g_assert_true (signet_audit_add_collection (fixture->audit, collection, "pets", &source, &error));
  g_assert_no_error (error);
  run_ok (fixture);
  assert_verdict (fixture, "GET", "/pets", SIGNET_AUDIT_VERDICT_PROTECTED);
  g_assert_cmpstr (signet_audit_endpoint_get_name (find (fixture, "GET", "/pets")), ==, "List pets");

  signet_test_remove_tree (dir);
}

/* A Postman collection: `:name` path variables, and the scope given to
 * the audit because the URL's host names none. */
static void
test_postman (Fixture       *fixture,
              gconstpointer  data)
{
  const char *document =
    "{\"info\":{\"name\":\"Pets\",\"schema\":"
    "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"},"
    "\"item\":[{\"name\":\"Get a pet\",\"request\":{\"method\":\"GET\",\"url\":\"{{baseUrl}}/pets/:petId\"}}]}";
  g_autoptr(SignetAwsAuth) auth = signet_aws_auth_new (FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autoptr(GHashTable) variables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SignetImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  SignetAuditSource source = { signet_variables_lookup_table, variables, NULL };

  auth->region = g_strdup (FIXTURE_REGION);
  auth->service = g_strdup (FIXTURE_SERVICE);
  signet_audit_set_auth (fixture->audit, auth);
  g_hash_table_insert (variables, (char *) "baseUrl", fixture->fixture->stage_url);
  g_hash_table_insert (variables, (char *) "petId", (char *) "2");
  result = signet_import_postman (document, -1, &error);
  g_assert_no_error (error);
  g_assert_true (signet_audit_add_import_result (fixture->audit, result, NULL, &source, &error));
  g_assert_no_error (error);
  run_ok (fixture);
  assert_verdict (fixture, "GET", "/pets/:petId", SIGNET_AUDIT_VERDICT_PROTECTED);
  log = read_log (fixture);
  g_assert_cmpuint (count_logged (log, "GET", "/test/pets/2", -1), ==, 4);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_petstore (fixture, NULL);
  fixture->cancel_after_first = g_cancellable_new ();
  g_assert_false (run_audit (fixture, fixture->cancel_after_first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (signet_audit_get_n_probes_done (fixture->audit), <, 12);
  g_assert_cmpuint (fixture->n_endpoint_signals, <, 3);
}

typedef struct
{
  guint in_flight;
  guint most;
} Counter;

static gboolean
answer_later (gpointer data)
{
  SoupServerMessage *message = data;
  Counter *counter = g_object_get_data (G_OBJECT (message), "counter");

  counter->in_flight--;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_unpause (message);
  g_object_unref (message);
  return G_SOURCE_REMOVE;
}

/* Holds every request until the main loop turns again, counting how many
 * are in at once. */
static void
count_in_flight (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           data)
{
  Counter *counter = data;

  counter->in_flight++;
  counter->most = MAX (counter->most, counter->in_flight);
  g_object_set_data (G_OBJECT (message), "counter", counter);
  soup_server_message_pause (message);
  g_idle_add (answer_later, g_object_ref (message));
}

/* One probe at a time means one request at the server at a time (the
 * session itself would allow two per host). */
static void
test_concurrency_bound (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(SignetAudit) audit = signet_audit_new (NULL);
  g_autoptr(SignetAwsAuth) auth = signet_aws_auth_new (FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  Counter counter = { 0, 0 };

  soup_server_add_handler (server, NULL, count_in_flight, &counter, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  auth->region = g_strdup (FIXTURE_REGION);
  auth->service = g_strdup (FIXTURE_SERVICE);
  signet_audit_set_auth (audit, auth);
  signet_audit_set_concurrency (audit, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SignetRequest) request = signet_request_new ();
      g_autoptr(SignetAuditEndpoint) endpoint = NULL;
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/test/item%u",
                                              g_uri_get_port (uris->data), i);

      signet_request_set_url (request, url);
      endpoint = signet_audit_endpoint_new ("item", "GET", "/item", request);
      signet_audit_add_endpoint (audit, endpoint);
    }
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  signet_audit_run_async (audit, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_audit_run_finish (audit, signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_audit_get_n_probes_done (audit), ==, 12);
  g_assert_cmpuint (counter.most, ==, 1);
  /* Every probe got in: a server that lets everyone in is open. */
  g_assert_cmpuint (signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_OPEN), ==, 3);
  soup_server_disconnect (server);
}

static void
test_needs_credential (void)
{
  g_autoptr(SignetAudit) audit = signet_audit_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_audit_run_async (audit, NULL, signet_test_store_result_cb, &result);
  g_assert_false (signet_audit_run_finish (audit, signet_test_wait_for_result (&result), &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);
}

static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *endpoints;
  g_autofree char *markdown = NULL;
  g_autofree char *json = NULL;
  g_autofree char *junit = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *list;
  gboolean named_open = FALSE;
  SignetAuditReportFormat format;

  add_petstore (fixture, NULL);
  run_ok (fixture);
  endpoints = signet_audit_get_endpoints (fixture->audit);

  json = signet_audit_report (endpoints, SIGNET_AUDIT_REPORT_JSON);
  root = json_from_string (json, &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (root), "endpoints");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (list, i);
      JsonObject *probes = json_object_get_object_member (endpoint, "probes");
      JsonObject *unsigned_probe = json_object_get_object_member (probes, "unsigned");

      if (g_str_equal (json_object_get_string_member (endpoint, "verdict"), "open"))
        {
          g_assert_cmpstr (json_object_get_string_member (endpoint, "method"), ==, "POST");
          g_assert_cmpstr (json_object_get_string_member (endpoint, "path"), ==, "/pets");
          g_assert_cmpint (json_object_get_int_member (unsigned_probe, "status"), ==, 200);
          named_open = TRUE;
        }
      else
        g_assert_cmpstr (json_object_get_string_member (unsigned_probe, "error_type"), ==,
                         "MissingAuthenticationTokenException");
      g_assert_true (json_object_has_member (probes, "unknown_key"));
      g_assert_true (json_object_has_member (probes, "tampered_signature"));
      g_assert_true (json_object_has_member (probes, "signed"));
    }
  g_assert_true (named_open);

  junit = signet_audit_report (endpoints, SIGNET_AUDIT_REPORT_JUNIT);
  signet_test_assert_well_formed_xml (junit);
  g_assert_nonnull (strstr (junit, "tests=\"3\" failures=\"1\" errors=\"0\""));
  g_assert_nonnull (strstr (junit, "<testcase classname=\"signet.audit\" name=\"POST /pets\">\n"
                                   "      <failure type=\"open\""));
  g_assert_nonnull (strstr (junit, "name=\"GET /pets/{petId}\"></testcase>"));

  markdown = signet_audit_report (endpoints, SIGNET_AUDIT_REPORT_MARKDOWN);
  g_assert_true (g_str_has_prefix (markdown, "# Access check\n\n2 protected, 1 open, 0 weak, 0 broken, 0 unreachable (3 endpoints)."));
  g_assert_nonnull (strstr (markdown, "| POST | `/pets` | **open** | 200 |"));
  g_assert_nonnull (strstr (markdown, "| GET | `/pets` | **protected** | 403 MissingAuthenticationTokenException | "
                                      "403 UnrecognizedClientException | 403 InvalidSignatureException | 200 |"));

  g_assert_true (signet_audit_report_format_parse ("md", &format));
  g_assert_cmpint (format, ==, SIGNET_AUDIT_REPORT_MARKDOWN);
  g_assert_false (signet_audit_report_format_parse ("html", &format));
}

static void
test_url_is_local (void)
{
  const struct { const char *url; gboolean local; } cases[] = {
    { "http://127.0.0.1:8080/test/pets", TRUE },
    { "http://127.1.2.3/x", TRUE },
    { "http://localhost/x", TRUE },
    { "http://LOCALHOST./x", TRUE },
    { "http://api.localhost:3000/", TRUE },
    { "http://[::1]:8080/", TRUE },
    { "https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/test", FALSE },
    { "http://10.0.0.1/", FALSE },
    { "http://localhost.example.com/", FALSE },
    { "not a url", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].url);
      g_assert_cmpint (signet_audit_url_is_local (cases[i].url), ==, cases[i].local);
    }
}

static void
test_remote_hosts (void)
{
  g_autoptr(SignetAudit) audit = signet_audit_new (NULL);
  g_autofree char *path = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                            "petstore-apigateway-oas30.json", NULL);
  g_autofree char *document = NULL;
  g_autoptr(SignetImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hosts = NULL;
  SignetAuditSource source = { NULL, NULL, NULL };

  g_file_get_contents (path, &document, NULL, &error);
  result = signet_import_openapi (document, -1, &error);
  g_assert_no_error (error);
  signet_audit_add_import_result (audit, result, document, &source, &error);
  g_assert_no_error (error);
  hosts = signet_audit_dup_remote_hosts (audit);
  g_assert_cmpuint (g_strv_length (hosts), ==, 1);
  g_assert_cmpstr (hosts[0], ==, "a1b2c3d4e5.execute-api.us-west-2.amazonaws.com");
}

int
main (int    argc,
      char **argv)
{
  static const char *open_post[] = { "--open", "POST:/pets", NULL };
  static const char *weak_get[] = { "--weak", "GET:/pets/{petId}", NULL };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/signet/audit/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/signet/audit/url-is-local", test_url_is_local);
  g_test_add_func ("/signet/audit/needs-credential", test_needs_credential);
  g_test_add_func ("/signet/audit/concurrency-bound", test_concurrency_bound);
  g_test_add_func ("/signet/audit/remote-hosts", test_remote_hosts);
  ADD ("locked-down", test_locked_down, NULL);
  ADD ("open-endpoint", test_open_endpoint, open_post);
  ADD ("weak-endpoint", test_weak_endpoint, weak_get);
  ADD ("broken", test_broken, NULL);
  ADD ("unreachable", test_unreachable, NULL);
  ADD ("variables-and-bodies", test_variables_and_bodies, NULL);
  ADD ("path-example", test_path_example, NULL);
  ADD ("collection", test_collection, NULL);
  ADD ("postman", test_postman, NULL);
  ADD ("cancel", test_cancel, NULL);
  ADD ("reports", test_reports, open_post);

#undef ADD

  return g_test_run ();
}
