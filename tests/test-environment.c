/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "signet-environment.h"
#include "signet-error.h"
#include "signet-test-async.h"
#include "signet-variables.h"

/* Lookups over "name=value" pairs given as a NULL-terminated array. */
static const char *
lookup_pairs (const char *name,
              gpointer    data)
{
  const char * const *pairs = data;

  for (guint i = 0; pairs[i] != NULL; i += 2)
    if (g_str_equal (pairs[i], name))
      return pairs[i + 1];
  return NULL;
}

static const char * const test_vars[] = {
  "baseUrl", "https://abc.execute-api.eu-west-1.amazonaws.com/test",
  "id", "42",
  "empty", "",
  "loop", "{{loop}}",
  "other", "{{id}}",
  "città", "Zürich ☃",
  "a", "A",
  "b", "B",
  NULL,
};

static void
check_expand (const char *text,
              const char *expected,
              const char *expected_unknown)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expanded = signet_variables_expand (text, lookup_pairs,
                                                       (gpointer) test_vars, unknown);
  g_autofree char *unknown_text = NULL;

  g_ptr_array_add (unknown, NULL);
  unknown_text = g_strjoinv (",", (char **) unknown->pdata);
  g_assert_cmpstr (expanded, ==, expected);
  g_assert_cmpstr (unknown_text, ==, expected_unknown);
}

static void
test_expand (void)
{
  check_expand ("", "", "");
  check_expand ("no variables", "no variables", "");
  check_expand ("{{baseUrl}}/pets/{{id}}",
                "https://abc.execute-api.eu-west-1.amazonaws.com/test/pets/42", "");
  /* Unknown: left as typed, each reported once, in order of appearance. */
  check_expand ("{{nope}}/{{ nope }}/{{id}}/{{zap}}", "{{nope}}/{{ nope }}/42/{{zap}}",
                "nope,zap");
  /* Unclosed, empty, or with braces inside. */
  check_expand ("{{id", "{{id", "");
  check_expand ("x {{id}} {{id", "x 42 {{id", "");
  check_expand ("{{}} {{  }}", "{{}} {{  }}", "");
  check_expand ("{{{id}}}", "{42}", "");
  check_expand ("{{a{{b}}", "{{aB", "");
  check_expand ("}}{{a}}", "}}A", "");
  /* Repeated and adjacent. */
  check_expand ("{{id}}{{id}}{{id}}", "424242", "");
  check_expand ("{{a}}{{b}}", "AB", "");
  /* Trimmed, with tabs and newlines too. */
  check_expand ("{{ id }}|{{\tid\n}}", "42|42", "");
  /* Unicode names and values. */
  check_expand ("¡{{città}}!", "¡Zürich ☃!", "");
  check_expand ("{{ ünknown }}", "{{ ünknown }}", "ünknown");
  /* An empty value is a known one. */
  check_expand ("[{{empty}}]", "[]", "");
  /* Values are not expanded again: no loops. */
  check_expand ("{{loop}}", "{{loop}}", "");
  check_expand ("{{other}}", "{{id}}", "");
  /* Single braces are text. */
  check_expand ("{\"id\": {{id}}}", "{\"id\": 42}", "");
}

static void
test_expand_null (void)
{
  g_autofree char *expanded = signet_variables_expand (NULL, lookup_pairs,
                                                       (gpointer) test_vars, NULL);
  g_autofree char *no_report = signet_variables_expand ("{{x}}", lookup_pairs,
                                                        (gpointer) test_vars, NULL);

  g_assert_cmpstr (expanded, ==, "");
  g_assert_cmpstr (no_report, ==, "{{x}}");
}

static void
test_assignment (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  g_assert_true (signet_variables_parse_assignment (" region =eu-west-1=x", &name, &value,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "region");
  g_assert_cmpstr (value, ==, "eu-west-1=x");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&value, g_free);

  g_assert_true (signet_variables_parse_assignment ("empty=", &name, &value, &error));
  g_assert_cmpstr (value, ==, "");

  g_assert_false (signet_variables_parse_assignment ("novalue", &name, &value, &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (signet_variables_parse_assignment ("=x", &name, &value, &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (signet_variables_parse_assignment ("{{a}}=x", &name, &value, &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
}

static void
test_precedence (void)
{
  g_autoptr(SignetEnvironment) environment = signet_environment_new ("test");
  g_autoptr(SignetEnvironment) collection = signet_environment_new ("Pets");
  g_autoptr(GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SignetVariableChain) chain = signet_variable_chain_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expanded = NULL;

  signet_environment_set_variable (collection, "a", "collection", FALSE);
  signet_environment_set_variable (collection, "b", "collection", FALSE);
  signet_environment_set_variable (collection, "c", "collection", FALSE);
  signet_environment_set_variable (environment, "b", "environment", FALSE);
  signet_environment_set_variable (environment, "c", "environment", FALSE);
  /* A secret whose value is not set yet is unknown to this scope. */
  signet_environment_set_variable (environment, "a", NULL, TRUE);
  signet_environment_set_variable (environment, "s", NULL, TRUE);
  g_hash_table_insert (overrides, (char *) "c", (char *) "override");

  signet_variable_chain_append (chain, signet_variables_lookup_table, overrides);
  signet_variable_chain_append (chain, signet_environment_lookup, environment);
  signet_variable_chain_append (chain, signet_environment_lookup, collection);

  expanded = signet_variables_expand ("{{a}} {{b}} {{c}} {{s}}", signet_variable_chain_lookup,
                                      chain, unknown);
  g_assert_cmpstr (expanded, ==, "collection environment override {{s}}");
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpstr (unknown->pdata[0], ==, "s");

  /* Once the keyring gave it, the secret is known and wins. */
  signet_environment_set_variable (environment, "a", "secret-value", TRUE);
  g_clear_pointer (&expanded, g_free);
  expanded = signet_variables_expand ("{{a}}", signet_variable_chain_lookup, chain, NULL);
  g_assert_cmpstr (expanded, ==, "secret-value");
}

static void
test_environment_model (void)
{
  g_autoptr(SignetEnvironment) environment = signet_environment_new ("Prod (EU)");
  g_autofree char *slug = signet_environment_dup_slug (environment);

  g_assert_cmpstr (slug, ==, "prod-eu");
  signet_environment_set_variable (environment, "x", "1", FALSE);
  signet_environment_set_variable (environment, "y", NULL, FALSE);
  signet_environment_set_variable (environment, "x", "2", FALSE);
  g_assert_cmpuint (signet_environment_get_n_variables (environment), ==, 2);
  g_assert_cmpstr (signet_environment_get_variable_name (environment, 0), ==, "x");
  g_assert_cmpstr (signet_environment_get_variable_value (environment, 0), ==, "2");
  g_assert_cmpstr (signet_environment_get_variable_value (environment, 1), ==, "");
  g_assert_true (signet_environment_remove_variable (environment, "x"));
  g_assert_false (signet_environment_remove_variable (environment, "x"));
  g_assert_cmpstr (signet_environment_get_variable_name (environment, 0), ==, "y");
}

static SignetRequest *
make_templated_request (void)
{
  SignetRequest *request = signet_request_new ();
  g_autoptr(SignetRequestRow) off = signet_request_row_new ("debug", "{{id}}");
  g_autoptr(SignetRequestRow) header = signet_request_row_new ("X-{{a}}", "{{ id }}");
  g_autoptr(SignetRequestRow) header_off = signet_request_row_new ("X-Off", "{{b}}");
  g_autoptr(SignetRequestRow) field = signet_request_row_new ("{{a}}", "{{città}}");

  signet_request_set_method (request, "POST");
  signet_request_set_url (request, "{{baseUrl}}/pets/{{id}}?q={{a}}&{{b}}=1");
  signet_request_row_set_enabled (off, FALSE);
  g_list_store_insert (G_LIST_STORE (signet_request_get_params (request)), 1, off);
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header);
  signet_request_row_set_enabled (header_off, FALSE);
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), header_off);
  g_list_store_append (G_LIST_STORE (signet_request_get_form_fields (request)), field);
  signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
  signet_request_set_body_text (request, "{\"id\": {{id}}, \"city\": \"{{città}}\"}");
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, "AKIA{{a}}{{b}}");
  signet_request_set_region (request, "eu-{{id}}");
  signet_request_set_service (request, "{{b}}-api");
  signet_request_set_credential_name (request, "cred-{{a}}");
  signet_request_set_sign_in_query (request, TRUE);
  return request;
}

static void
check_row (GListModel *rows,
           guint       position,
           const char *name,
           const char *value,
           gboolean    enabled)
{
  g_autoptr(SignetRequestRow) row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);
  g_assert_cmpstr (signet_request_row_get_name (row), ==, name);
  g_assert_cmpstr (signet_request_row_get_value (row), ==, value);
  g_assert_cmpint (signet_request_row_get_enabled (row), ==, enabled);
}

static void
test_resolve (void)
{
  g_autoptr(SignetRequest) request = make_templated_request ();
  g_autoptr(SignetRequest) resolved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autofree char *url_before = g_strdup (signet_request_get_url (request));
  GListModel *params;

  resolved = signet_environment_resolve_request (request, lookup_pairs, (gpointer) test_vars,
                                                 SIGNET_RESOLVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resolved);

  g_assert_cmpstr (signet_request_get_method (resolved), ==, "POST");
  g_assert_cmpstr (signet_request_get_url (resolved), ==,
                   "https://abc.execute-api.eu-west-1.amazonaws.com/test/pets/42?q=A&B=1");
  params = signet_request_get_params (resolved);
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 3);
  check_row (params, 0, "q", "A", TRUE);
  check_row (params, 1, "debug", "42", FALSE);
  check_row (params, 2, "B", "1", TRUE);
  check_row (signet_request_get_headers (resolved), 0, "X-A", "42", TRUE);
  check_row (signet_request_get_headers (resolved), 1, "X-Off", "B", FALSE);
  check_row (signet_request_get_form_fields (resolved), 0, "A", "Zürich ☃", TRUE);
  g_assert_cmpint (signet_request_get_body_kind (resolved), ==, SIGNET_BODY_KIND_JSON);
  g_assert_cmpstr (signet_request_get_body_text (resolved), ==,
                   "{\"id\": 42, \"city\": \"Zürich ☃\"}");
  g_assert_cmpint (signet_request_get_auth_kind (resolved), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpstr (signet_request_get_access_key_id (resolved), ==, "AKIAAB");
  g_assert_cmpstr (signet_request_get_region (resolved), ==, "eu-42");
  g_assert_cmpstr (signet_request_get_service (resolved), ==, "B-api");
  g_assert_cmpstr (signet_request_get_credential_name (resolved), ==, "cred-A");
  g_assert_true (signet_request_get_sign_in_query (resolved));
  g_assert_false (signet_request_get_modified (resolved));
  g_assert_cmpstr (signet_request_get_detected_region (resolved), ==, "eu-west-1");

  /* What is signed and sent is built from the resolved copy. */
  wire = signet_request_build_wire (resolved, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wire);
  g_clear_pointer (&wire, signet_wire_request_free);
  wire = signet_request_build_wire (request, &error);
  g_assert_null (wire);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The original is untouched. */
  g_assert_cmpstr (signet_request_get_url (request), ==, url_before);
  g_assert_cmpstr (signet_request_get_region (request), ==, "eu-{{id}}");
}

static void
test_resolve_no_credential (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(SignetRequest) resolved = NULL;
  g_autoptr(GError) error = NULL;

  signet_request_set_url (request, "https://example.com/{{id}}");
  resolved = signet_environment_resolve_request (request, lookup_pairs, (gpointer) test_vars,
                                                 SIGNET_RESOLVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_request_get_url (resolved), ==, "https://example.com/42");
  g_assert_null (signet_request_get_credential_name (resolved));
  g_assert_cmpstr (signet_request_get_service (resolved), ==,
                   signet_request_get_service (request));
}

static void
test_resolve_unknown (void)
{
  g_autoptr(SignetRequest) request = make_templated_request ();
  g_autoptr(SignetRequest) resolved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  const char * const few_vars[] = { "a", "A", NULL };

  signet_request_set_body_text (request, "{{zeta}} {{id}}");
  resolved = signet_environment_resolve_request (request, lookup_pairs, (gpointer) few_vars,
                                                 SIGNET_RESOLVE_FLAGS_NONE, unknown, &error);
  g_assert_null (resolved);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (error->message, ==, "Unknown variables: baseUrl, id, b, zeta, città");
  g_assert_cmpuint (unknown->len, ==, 5);
  g_clear_error (&error);

  /* Allowed: left as typed. */
  g_ptr_array_set_size (unknown, 0);
  resolved = signet_environment_resolve_request (request, lookup_pairs, (gpointer) few_vars,
                                                 SIGNET_RESOLVE_ALLOW_UNKNOWN, unknown, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unknown->len, ==, 5);
  g_assert_cmpstr (signet_request_get_body_text (resolved), ==, "{{zeta}} {{id}}");
  g_assert_cmpstr (signet_request_get_access_key_id (resolved), ==, "AKIAA{{b}}");
}

static SignetEnvironment *
make_environment (void)
{
  SignetEnvironment *environment = signet_environment_new ("Test stage");

  signet_environment_set_variable (environment, "baseUrl",
                                   "https://abc.execute-api.eu-west-1.amazonaws.com/test", FALSE);
  signet_environment_set_variable (environment, "apiKey", "hunter2-SECRET-VALUE", TRUE);
  signet_environment_set_variable (environment, "region", "eu-west-1", FALSE);
  signet_environment_set_variable (environment, "unset", NULL, TRUE);
  signet_environment_set_variable (environment, "quote", "a \"b\" ü {{x}}", FALSE);
  return environment;
}

static const char expected_json[] =
  "{\n"
  "  \"version\" : 1,\n"
  "  \"name\" : \"Test stage\",\n"
  "  \"variables\" : [\n"
  "    {\n"
  "      \"name\" : \"baseUrl\",\n"
  "      \"value\" : \"https://abc.execute-api.eu-west-1.amazonaws.com/test\"\n"
  "    },\n"
  "    {\n"
  "      \"name\" : \"apiKey\",\n"
  "      \"secret\" : true\n"
  "    },\n"
  "    {\n"
  "      \"name\" : \"region\",\n"
  "      \"value\" : \"eu-west-1\"\n"
  "    },\n"
  "    {\n"
  "      \"name\" : \"unset\",\n"
  "      \"secret\" : true\n"
  "    },\n"
  "    {\n"
  "      \"name\" : \"quote\",\n"
  "      \"value\" : \"a \\\"b\\\" ü {{x}}\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
test_json_round_trip (void)
{
  g_autoptr(SignetEnvironment) environment = make_environment ();
  g_autoptr(SignetEnvironment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = signet_environment_to_json (environment);
  g_autofree char *again = NULL;

  g_assert_cmpstr (text, ==, expected_json);
  g_assert_null (strstr (text, "hunter2"));

  loaded = signet_environment_from_json (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_environment_get_name (loaded), ==, "Test stage");
  g_assert_cmpuint (signet_environment_get_n_variables (loaded), ==, 5);
  g_assert_true (signet_environment_get_variable_secret (loaded, 1));
  g_assert_null (signet_environment_get_variable_value (loaded, 1));
  g_assert_cmpstr (signet_environment_get_variable_value (loaded, 4), ==, "a \"b\" ü {{x}}");

  again = signet_environment_to_json (loaded);
  g_assert_cmpstr (again, ==, text);
}

static void
check_bad (const char *text,
           const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetEnvironment) environment = signet_environment_from_json (text, -1, &error);

  g_assert_null (environment);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);
}

static void
test_bad_json (void)
{
  check_bad ("{\"version\": 1, \"name\": \"x\"", "not valid JSON");
  check_bad ("[]", "the file must hold a JSON object");
  check_bad ("{\"name\": \"x\"}", "missing member “version”");
  check_bad ("{\"version\": 2, \"name\": \"x\"}", "environment file version 2 is not supported");
  check_bad ("{\"version\": 1}", "missing member “name”");
  check_bad ("{\"version\": 1, \"name\": 3}", "“name” must be a string");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": {}}", "“variables” must be a list");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [1]}",
             "“variables[0]” must be an object");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"value\": \"v\"}]}",
             "missing member “variables[0].name”");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"name\": \"a\"}, "
             "{\"name\": \"b\", \"value\": 5}]}",
             "“variables[1].value” must be a string");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"name\": \"a\", "
             "\"secret\": \"yes\"}]}",
             "“variables[0].secret” must be true or false");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"name\": \"a\"}, "
             "{\"name\": \"a\"}]}",
             "“variables[1].name”: “a” is defined twice");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"name\": \"\"}]}",
             "“variables[0].name” must be a name without braces");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"name\": \"{{a}}\"}]}",
             "“variables[0].name” must be a name without braces");
  check_bad ("{\"version\": 1, \"name\": \"x\", \"variables\": [{\"name\": \"k\", "
             "\"secret\": true, \"value\": \"leaked\"}]}",
             "“variables[0].value”: the secret variable “k” may not have its value");
}

static void
remove_tree (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
save (SignetEnvironment *environment,
      GFile             *dir)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_environment_save_async (environment, dir, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_environment_save_finish (environment, signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static SignetEnvironment *
load (GFile      *dir,
      const char *slug,
      GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_environment_load_async (dir, slug, NULL, signet_test_store_result_cb, &result);
  return signet_environment_load_finish (signet_test_wait_for_result (&result), error);
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("signet-environment-XXXXXX", &error);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(SignetEnvironment) environment = make_environment ();
  g_autoptr(SignetEnvironment) loaded = NULL;
  g_autofree char *file = g_build_filename (path, "environments", "test-stage.json", NULL);
  g_autofree char *bad_file = g_build_filename (path, "environments", "bad.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *grep = NULL;
  g_autofree char *quoted = g_shell_quote (path);
  int status = 0;

  g_assert_no_error (error);
  save (environment, dir);
  /* Saved twice: the second replaces the first. */
  save (environment, dir);

  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected_json);

  /* No secret value anywhere under the folder. */
  grep = g_strdup_printf ("grep -r -q hunter2-SECRET-VALUE %s", quoted);
  g_assert_true (g_spawn_command_line_sync (grep, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));

  loaded = load (dir, "test-stage", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_environment_get_n_variables (loaded), ==, 5);
  g_assert_null (signet_environment_lookup ("apiKey", loaded));
  g_assert_cmpstr (signet_environment_lookup ("region", loaded), ==, "eu-west-1");
  g_clear_object (&loaded);

  /* Errors name the file and the member. */
  g_assert_true (g_file_set_contents (bad_file, "{\"version\": 1, \"name\": \"bad\", "
                                      "\"variables\": [{\"name\": true}]}", -1, &error));
  loaded = load (dir, "bad", &error);
  g_assert_null (loaded);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE);
  g_assert_cmpstr (error->message, ==,
                   "environments/bad.json: “variables[0].name” must be a string");
  g_clear_error (&error);

  loaded = load (dir, "missing", &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "environments/missing.json: "));
  g_clear_error (&error);

  loaded = load (dir, "../collection", &error);
  g_assert_null (loaded);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);

  remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/environment/expand", test_expand);
  g_test_add_func ("/signet/environment/expand-null", test_expand_null);
  g_test_add_func ("/signet/environment/assignment", test_assignment);
  g_test_add_func ("/signet/environment/precedence", test_precedence);
  g_test_add_func ("/signet/environment/model", test_environment_model);
  g_test_add_func ("/signet/environment/resolve", test_resolve);
  g_test_add_func ("/signet/environment/resolve-no-credential", test_resolve_no_credential);
  g_test_add_func ("/signet/environment/resolve-unknown", test_resolve_unknown);
  g_test_add_func ("/signet/environment/json-round-trip", test_json_round_trip);
  g_test_add_func ("/signet/environment/bad-json", test_bad_json);
  g_test_add_func ("/signet/environment/files", test_files);

  return g_test_run ();
}
