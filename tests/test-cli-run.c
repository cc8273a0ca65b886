/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-test-cli.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"
#include "signet-test-keyring.h"

/* `signet-cli run`, `import` and `export`, run as CI runs them, against
 * the API Gateway fixture (which checks signatures with botocore). */

#define WRONG_SECRET "signet-wrong-secret-key/+=9999"

/* The requests of tests/fixtures/pets.postman_collection.json: four
 * signed, one unsigned that expects 403. */
#define N_REQUESTS 5
#define N_SIGNED   4

static SignetTestFixture *fixture;
static char *tmp_dir;

static char *
pets_collection (void)
{
  return g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                           "pets.postman_collection.json", NULL);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, FIXTURE_SECRET));
  g_assert_null (strstr (text, WRONG_SECRET));
  /* the secret with its '/' and '+' percent-encoded, as in a URL */
  g_assert_null (strstr (text, "signet-test-secret-key%2F"));
}

/* signet-cli with @env and @args; its output never holds a secret. */
static SignetTestCliRun *
run_checked (const char * const *env,
             GPtrArray          *args)
{
  SignetTestCliRun *run;

  g_ptr_array_add (args, NULL);
  run = signet_test_cli_run (env, NULL, (const char * const *) args->pdata);
  assert_no_secret (run->out);
  assert_no_secret (run->err);
  return run;
}

/* `run COLLECTION` with the fixture's URL and keys as --var (@secret as
 * the secret key; NULL for none), then more arguments, NULL-terminated. */
static SignetTestCliRun *
run_collection (const char *collection,
                const char *secret,
                ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list more;

  g_ptr_array_add (args, g_strdup ("run"));
  g_ptr_array_add (args, g_strdup (collection));
  g_ptr_array_add (args, g_strdup ("--var"));
  g_ptr_array_add (args, g_strconcat ("baseUrl=", fixture->stage_url, NULL));
  g_ptr_array_add (args, g_strdup ("--var"));
  g_ptr_array_add (args, g_strdup ("accessKey=" FIXTURE_KEY));
  if (secret != NULL)
    {
      g_ptr_array_add (args, g_strdup ("--var"));
      g_ptr_array_add (args, g_strconcat ("secretKey=", secret, NULL));
    }
  va_start (more, secret);
  for (const char *arg = va_arg (more, const char *); arg != NULL; arg = va_arg (more, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (more);

  return run_checked (NULL, args);
}

/* Any other signet-cli command line, NULL-terminated, with @env set. */
static SignetTestCliRun *
run_command_with_env (const char * const *env,
                      const char         *first_arg,
                      ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list more;

  va_start (more, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (more, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (more);

  return run_checked (env, args);
}

#define run_command(...) run_command_with_env (NULL, __VA_ARGS__)

/* The PASS/FAIL lines, without their times (which differ run to run). */
static GPtrArray *
result_lines (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  GPtrArray *results = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (!g_str_has_prefix (lines[i], "PASS  ") && !g_str_has_prefix (lines[i], "FAIL  "))
        continue;
      /* PASS  name  METHOD URL  status  time ms[  (why)] */
      fields = g_strsplit (lines[i], "  ", -1);
      g_assert_cmpuint (g_strv_length (fields), >=, 5);
      g_assert_true (g_str_has_suffix (fields[4], " ms"));
      g_ptr_array_add (results, g_strdup_printf ("%s  %s  %s  %s%s%s", fields[0], fields[1],
                                                 fields[2], fields[3], fields[5] ? "  " : "",
                                                 fields[5] ? fields[5] : ""));
    }
  return results;
}

static void
assert_same_results (const char *expected_output,
                     const char *output)
{
  g_autoptr(GPtrArray) expected = result_lines (expected_output);
  g_autoptr(GPtrArray) got = result_lines (output);

  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));
}

static guint
count_lines_with (const char *text,
                  const char *fragment)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    count += strstr (lines[i], fragment) != NULL;
  return count;
}

static char *
read_fixture_log (void)
{
  g_autofree char *log = NULL;

  g_assert_true (g_file_get_contents (fixture->log_path, &log, NULL, NULL));
  return g_steal_pointer (&log);
}

/* How many requests the fixture let in with a good signature, so far. */
static guint
count_allowed (void)
{
  g_autofree char *log = read_fixture_log ();

  return count_lines_with (log, "\"verdict\": \"allowed\"");
}

/* The "done when": a real Postman file runs as is, signed with
 * the keys from --var, and the fixture (botocore) accepts every signature. */
static void
test_postman_signed (void)
{
  g_autofree char *collection = pets_collection ();
  guint allowed = count_allowed ();
  g_autoptr(SignetTestCliRun) run = run_collection (collection, FIXTURE_SECRET, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *echo_line = NULL;
  g_autofree char *find_line = NULL;

  g_assert_cmpint (run->status, ==, 0);
  /* what Signet does not run, said once */
  g_assert_cmpstr (run->err, ==, "signet-cli: warning: “Unsigned is refused” has scripts, which were "
                                 "not imported (but for pm.response.to.have.status)\n");
  lines = result_lines (run->out);
  g_assert_cmpuint (lines->len, ==, N_REQUESTS);
  g_assert_cmpuint (count_lines_with (run->out, "PASS  "), ==, N_REQUESTS);
  g_assert_cmpuint (count_allowed (), ==, allowed + N_SIGNED);

  /* in the collection's order, folder before name; the URL as it was sent */
  echo_line = g_strdup_printf ("PASS  Echo Zoë  GET %s/echo/Zo%%C3%%AB  200", fixture->stage_url);
  find_line = g_strdup_printf ("PASS  Find dog food  GET %s/echo/find?type=dog%%20food&name=Zo%%C3%%AB  200",
                               fixture->stage_url);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, echo_line);
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, find_line);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 2), "PASS  Unsigned is refused  GET "));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (lines, 2), "/test/pets  403"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 3), "PASS  Pets/Create pet  POST "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 4), "PASS  Pets/List pets  GET "));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (lines, 4), "/test/pets?type=dog  200"));
  g_assert_nonnull (strstr (run->out, "\n5 requests, 5 passed, 0 failed (1 iteration, "));
}

/* A wrong secret: every signed request is refused, the unsigned one that
 * expects 403 still passes, and the run fails. */
static void
test_wrong_secret (void)
{
  g_autofree char *collection = pets_collection ();
  g_autoptr(SignetTestCliRun) run = run_collection (collection, WRONG_SECRET, NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (count_lines_with (run->out, "FAIL  "), ==, N_SIGNED);
  g_assert_cmpuint (count_lines_with (run->out, "  403  "), ==, N_REQUESTS);
  g_assert_cmpuint (count_lines_with (run->out, "(expected 2xx or 3xx, got 403)"), ==, N_SIGNED);
  g_assert_cmpuint (count_lines_with (run->out, "PASS  Unsigned is refused"), ==, 1);
  g_assert_nonnull (strstr (run->out, "\n5 requests, 1 passed, 4 failed (1 iteration, "));
}

/* Without a value for {{secretKey}} nothing is signed or sent unsigned
 * in its place: the request fails and says which variable is missing. */
static void
test_unknown_variable (void)
{
  g_autofree char *collection = pets_collection ();
  g_autoptr(SignetTestCliRun) run = run_collection (collection, NULL, NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (count_lines_with (run->out, "---  0.0 ms  (Unknown variable: secretKey)"), ==, N_SIGNED);
  g_assert_cmpuint (count_lines_with (run->out, "PASS  Unsigned is refused"), ==, 1);
}

static void
test_connection_refused (void)
{
  g_autofree char *collection = pets_collection ();
  g_autoptr(SignetTestFixture) stopped = signet_test_fixture_start (NULL);
  g_autofree char *base_url = g_strconcat ("baseUrl=", stopped->stage_url, NULL);
  g_autoptr(SignetTestCliRun) run = NULL;

  g_clear_pointer (&stopped, signet_test_fixture_stop);
  run = run_command ("run", collection, "--var", base_url, "--var", "accessKey=" FIXTURE_KEY,
                     "--var", "secretKey=" FIXTURE_SECRET, "--folder", "Pets", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (count_lines_with (run->out, "FAIL  Pets/"), ==, 2);
  g_assert_cmpuint (count_lines_with (run->out, "refused the connection"), ==, 2);
}

static void
test_folder (void)
{
  g_autofree char *collection = pets_collection ();
  g_autoptr(SignetTestCliRun) run = run_collection (collection, FIXTURE_SECRET, "--folder", "Pets", NULL);
  g_autoptr(GPtrArray) lines = result_lines (run->out);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0), "PASS  Pets/Create pet  "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 1), "PASS  Pets/List pets  "));
  g_assert_nonnull (strstr (run->out, "\n2 requests, 2 passed, 0 failed (1 iteration, "));
}

static void
test_iterations (void)
{
  g_autofree char *collection = pets_collection ();
  guint allowed = count_allowed ();
  g_autoptr(SignetTestCliRun) run = run_collection (collection, FIXTURE_SECRET, "--iterations", "3", NULL);
  g_autoptr(GPtrArray) lines = result_lines (run->out);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (lines->len, ==, 3 * N_REQUESTS);
  g_assert_cmpuint (count_allowed (), ==, allowed + 3 * N_SIGNED);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("PASS  #%u ", i / N_REQUESTS + 1);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, i), prefix));
    }
  g_assert_nonnull (strstr (run->out, "\n15 requests, 15 passed, 0 failed (3 iterations, "));
}

/* @text as a JSON object, kept alive by @node. */
static JsonObject *
object_from_json (JsonNode   **node,
                  const char  *text)
{
  g_autoptr(GError) error = NULL;

  *node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*node));
  return json_node_get_object (*node);
}

static void
test_reporter_json (void)
{
  g_autofree char *collection = pets_collection ();
  g_autofree char *report_path = tmp_path ("report.json");
  g_autoptr(SignetTestCliRun) to_file = run_collection (collection, WRONG_SECRET, "--reporter", "json",
                                                        "--report", report_path, NULL);
  g_autoptr(SignetTestCliRun) to_stdout = run_collection (collection, FIXTURE_SECRET, "-r", "json", NULL);
  g_autoptr(JsonNode) file_json = NULL;
  g_autoptr(JsonNode) stdout_json = NULL;
  g_autofree char *report = NULL;
  JsonObject *root, *summary, *first, *unsigned_result;
  JsonArray *results;

  g_assert_cmpint (to_file->status, ==, 1);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  assert_no_secret (report);
  root = object_from_json (&file_json, report);
  g_assert_cmpstr (json_object_get_string_member (root, "collection"), ==, "Pets");
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "requests"), ==, N_REQUESTS);
  g_assert_cmpint (json_object_get_int_member (summary, "passed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, N_SIGNED);
  g_assert_cmpint (json_object_get_int_member (summary, "iterations"), ==, 1);

  results = json_object_get_array_member (root, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, N_REQUESTS);
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Echo Zoë");
  g_assert_cmpstr (json_object_get_string_member (first, "folder"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (first, "method"), ==, "GET");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "url"), "/test/echo/Zo%C3%AB"));
  g_assert_cmpint (json_object_get_int_member (first, "status"), ==, 403);
  g_assert_true (json_object_get_null_member (first, "expectedStatus"));
  g_assert_false (json_object_get_boolean_member (first, "passed"));
  g_assert_cmpstr (json_object_get_string_member (first, "failure"), ==, "expected 2xx or 3xx, got 403");
  g_assert_cmpfloat (json_object_get_double_member (first, "timeMs"), >, 0);
  unsigned_result = json_array_get_object_element (results, 2);
  g_assert_cmpint (json_object_get_int_member (unsigned_result, "expectedStatus"), ==, 403);
  g_assert_true (json_object_get_boolean_member (unsigned_result, "passed"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 3), "folder"),
                   ==, "Pets");

  /* without --report, standard output is the report alone: lines go to stderr */
  g_assert_cmpint (to_stdout->status, ==, 0);
  root = object_from_json (&stdout_json, to_stdout->out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"), "passed"),
                   ==, N_REQUESTS);
  g_assert_cmpuint (count_lines_with (to_stdout->err, "PASS  "), ==, N_REQUESTS);
}

typedef struct
{
  guint testcases;
  guint failures;
  char *suites_failures;
  char *suites_tests;
} JunitCounts;

static void
junit_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  JunitCounts *counts = user_data;

  if (g_str_equal (element_name, "testcase"))
    counts->testcases++;
  else if (g_str_equal (element_name, "failure"))
    counts->failures++;
  else if (g_str_equal (element_name, "testsuites"))
    for (guint i = 0; attribute_names[i] != NULL; i++)
      {
        if (g_str_equal (attribute_names[i], "failures"))
          counts->suites_failures = g_strdup (attribute_values[i]);
        else if (g_str_equal (attribute_names[i], "tests"))
          counts->suites_tests = g_strdup (attribute_values[i]);
      }
}

static void
test_reporter_junit (void)
{
  g_autofree char *collection = pets_collection ();
  g_autofree char *report_path = tmp_path ("report.xml");
  g_autoptr(SignetTestCliRun) run = run_collection (collection, WRONG_SECRET, "--reporter", "junit",
                                                    "--report", report_path, "--iterations", "2", NULL);
  const GMarkupParser parser = { junit_start_element, NULL, NULL, NULL, NULL };
  JunitCounts counts = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  assert_no_secret (report);
  g_assert_true (g_str_has_prefix (report, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));

  /* well-formed: GMarkup refuses what an XML parser would */
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &counts, NULL);
  g_assert_true (g_markup_parse_context_parse (context, report, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.testcases, ==, 2 * N_REQUESTS);
  g_assert_cmpuint (counts.failures, ==, 2 * N_SIGNED);
  g_assert_cmpstr (counts.suites_tests, ==, "10");
  g_assert_cmpstr (counts.suites_failures, ==, "8");
  g_assert_nonnull (strstr (report, "name=\"Echo Zoë (iteration 2)\""));
  g_assert_nonnull (strstr (report, "classname=\"Pets.Pets\" name=\"Create pet (iteration 1)\""));
  g_free (counts.suites_failures);
  g_free (counts.suites_tests);
}

static void
assert_usage_error (const SignetTestCliRun *run,
                    const char             *fragment)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  /* one line, naming what is wrong */
  g_assert_true (g_str_has_prefix (run->err, "signet-cli: "));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_nonnull (strstr (run->err, fragment));
}

static void
test_usage_errors (void)
{
  g_autofree char *collection = pets_collection ();
  g_autofree char *missing = tmp_path ("no-such-collection.json");
  g_autoptr(SignetTestCliRun) no_collection = run_command ("run", NULL);
  g_autoptr(SignetTestCliRun) two = run_command ("run", collection, collection, NULL);
  g_autoptr(SignetTestCliRun) iterations = run_command ("run", collection, "--iterations", "0", NULL);
  g_autoptr(SignetTestCliRun) reporter = run_command ("run", collection, "--reporter", "xml", NULL);
  g_autoptr(SignetTestCliRun) report = run_command ("run", collection, "--report", "r.json", NULL);
  g_autoptr(SignetTestCliRun) var = run_command ("run", collection, "--var", "noequals", NULL);
  g_autoptr(SignetTestCliRun) option = run_command ("run", collection, "--frobnicate", NULL);
  g_autoptr(SignetTestCliRun) folder = run_command ("run", collection, "--folder", "Cats", NULL);
  g_autoptr(SignetTestCliRun) env = run_command ("run", collection, "--env", missing, NULL);
  g_autoptr(SignetTestCliRun) unreadable = run_command ("run", missing, NULL);
  g_autoptr(SignetTestCliRun) not_collection = run_command ("run", tmp_dir, NULL);
  g_autoptr(SignetTestCliRun) import_from = run_command ("import", "--from", "har", collection,
                                                         "--to", missing, NULL);
  g_autoptr(SignetTestCliRun) import_to = run_command ("import", "--from", "postman", collection, NULL);
  g_autoptr(SignetTestCliRun) export_to = run_command ("export", "--to", "har", collection, NULL);

  assert_usage_error (no_collection, "COLLECTION");
  assert_usage_error (two, "one COLLECTION");
  assert_usage_error (iterations, "--iterations");
  assert_usage_error (reporter, "--reporter");
  assert_usage_error (report, "--report");
  assert_usage_error (var, "noequals");
  assert_usage_error (option, "--frobnicate");
  assert_usage_error (folder, "Cats");
  assert_usage_error (env, missing);
  assert_usage_error (unreadable, missing);
  assert_usage_error (not_collection, "not a Signet collection folder");
  assert_usage_error (import_from, "--from");
  assert_usage_error (import_to, "--to");
  assert_usage_error (export_to, "--to");
}

/* A corrupt collection is a usage error naming the file: a Postman file,
 * and one request file in a Signet folder (the rest of it is fine). */
static void
test_corrupt_collection (void)
{
  g_autofree char *collection = pets_collection ();
  g_autofree char *corrupt = tmp_path ("corrupt.postman_collection.json");
  g_autofree char *folder = tmp_path ("corrupt-folder");
  g_autofree char *request_file = NULL;
  g_autoptr(SignetTestCliRun) import = NULL;
  g_autoptr(SignetTestCliRun) file_run = NULL;
  g_autoptr(SignetTestCliRun) folder_run = NULL;
  g_autoptr(SignetTestCliRun) export = NULL;

  g_assert_true (g_file_set_contents (corrupt, "{\"info\": {\"name\": \"Pets\"}, \"item\": [", -1, NULL));
  file_run = run_command ("run", corrupt, NULL);
  assert_usage_error (file_run, corrupt);
  g_assert_nonnull (strstr (file_run->err, "not valid JSON"));

  import = run_command ("import", "--from", "postman", collection, "--to", folder, NULL);
  g_assert_cmpint (import->status, ==, 0);
  request_file = g_build_filename (folder, "requests", "Pets", "list-pets.json", NULL);
  g_assert_true (g_file_test (request_file, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_set_contents (request_file, "{\"version\": 1, \"name\": ", -1, NULL));
  folder_run = run_command ("run", folder, NULL);
  assert_usage_error (folder_run, "requests/Pets/list-pets.json");
  export = run_command ("export", "--to", "postman", folder, NULL);
  assert_usage_error (export, "requests/Pets/list-pets.json");
}

/* Import, run, export, import again: every form gives the same results. */
static void
test_round_trip (void)
{
  g_autofree char *collection = pets_collection ();
  g_autofree char *imported = tmp_path ("imported");
  g_autofree char *exported = tmp_path ("exported.postman_collection.json");
  g_autofree char *reimported = tmp_path ("reimported");
  g_autofree char *unsigned_file = NULL;
  g_autofree char *create_file = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SignetTestCliRun) original = run_collection (collection, FIXTURE_SECRET, NULL);
  g_autoptr(SignetTestCliRun) import = run_command ("import", "--from", "postman", collection,
                                                    "--to", imported, NULL);
  g_autoptr(SignetTestCliRun) import_again = run_command ("import", "--from", "postman", collection,
                                                          "--to", imported, NULL);
  g_autoptr(SignetTestCliRun) from_folder = run_collection (imported, FIXTURE_SECRET, "--env", "imported", NULL);
  g_autoptr(SignetTestCliRun) export = run_command ("export", "--to", "postman", imported, "--env", "imported",
                                                    "--output", exported, NULL);
  g_autoptr(SignetTestCliRun) from_export = run_collection (exported, FIXTURE_SECRET, NULL);
  g_autoptr(SignetTestCliRun) reimport = run_command ("import", "--from", "postman", exported,
                                                      "--to", reimported, NULL);
  g_autoptr(SignetTestCliRun) from_reimport = run_collection (reimported, FIXTURE_SECRET, "--env", "imported",
                                                              NULL);
  g_autoptr(SignetTestCliRun) wrong_from_folder = run_collection (imported, WRONG_SECRET, "--env", "imported",
                                                                  NULL);
  g_autoptr(SignetTestCliRun) wrong_original = run_collection (collection, WRONG_SECRET, NULL);

  g_assert_cmpint (original->status, ==, 0);
  g_assert_cmpint (import->status, ==, 0);
  g_assert_true (g_str_has_prefix (import->out, "Imported 5 requests into "));
  /* an import never writes over a folder */
  assert_usage_error (import_again, "not empty");

  /* the keys stay {{references}}; the expected status is saved */
  unsigned_file = g_build_filename (imported, "requests", "unsigned-is-refused.json", NULL);
  g_assert_true (g_file_get_contents (unsigned_file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"expect\" : {\n    \"status\" : 403\n  }"));
  g_clear_pointer (&text, g_free);
  create_file = g_build_filename (imported, "requests", "Pets", "create-pet.json", NULL);
  g_assert_true (g_file_get_contents (create_file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"keyRef\" : \"{{secretKey}}\""));
  g_assert_nonnull (strstr (text, "\"accessKeyId\" : \"{{accessKey}}\""));
  assert_no_secret (text);

  g_assert_cmpint (from_folder->status, ==, 0);
  assert_same_results (original->out, from_folder->out);
  g_assert_cmpint (export->status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  assert_no_secret (text);
  g_assert_nonnull (strstr (text, "pm.response.to.have.status(403)"));
  g_assert_cmpint (from_export->status, ==, 0);
  assert_same_results (original->out, from_export->out);
  g_assert_cmpint (reimport->status, ==, 0);
  g_assert_cmpint (from_reimport->status, ==, 0);
  assert_same_results (original->out, from_reimport->out);

  g_assert_cmpint (wrong_from_folder->status, ==, 1);
  assert_same_results (wrong_original->out, wrong_from_folder->out);
}

/* A Signet request that names no key reference signs with AWS_* from the
 * environment, access key ID included; without them it fails, unsent. */
static void
test_environment_keys (void)
{
  g_autofree char *folder = tmp_path ("env-keys");
  g_autofree char *requests = g_build_filename (folder, "requests", NULL);
  g_autofree char *request_file = g_build_filename (requests, "list-pets.json", NULL);
  g_autofree char *base_url = g_strconcat ("baseUrl=", fixture->stage_url, NULL);
  const char *env[] = { "AWS_ACCESS_KEY_ID=" FIXTURE_KEY, "AWS_SECRET_ACCESS_KEY=" FIXTURE_SECRET, NULL };
  g_autoptr(SignetTestCliRun) with_env = NULL;
  g_autoptr(SignetTestCliRun) without = NULL;
  guint allowed = count_allowed ();

  g_assert_cmpint (g_mkdir_with_parents (requests, 0700), ==, 0);
  g_assert_true (g_file_set_contents (request_file,
                                      "{\"version\": 1, \"name\": \"List pets\", \"method\": \"GET\",\n"
                                      " \"url\": \"{{baseUrl}}/pets\",\n"
                                      " \"auth\": {\"kind\": \"aws-sigv4\", \"region\": \"us-west-2\"},\n"
                                      " \"expect\": {\"status\": 200}}\n", -1, NULL));
  with_env = run_command_with_env (env, "run", folder, "--var", base_url, NULL);
  without = run_command ("run", folder, "--var", base_url, NULL);

  g_assert_cmpint (with_env->status, ==, 0);
  g_assert_nonnull (strstr (with_env->out, "PASS  List pets  GET "));
  g_assert_cmpuint (count_allowed (), ==, allowed + 1);
  g_assert_cmpint (without->status, ==, 1);
  g_assert_nonnull (strstr (without->out, "FAIL  List pets  GET "));
  g_assert_nonnull (strstr (without->out, "(No keys to sign with"));
}

/* For a Postman file, --env is a Postman environment file; --var wins over
 * it, and it wins over the collection's variables (petType=dog). */
static void
test_postman_environment (void)
{
  g_autofree char *collection = pets_collection ();
  g_autofree char *environment = tmp_path ("test.postman_environment.json");
  g_autofree char *text = g_strdup_printf ("{\"name\": \"test\", \"values\": [\n"
                                           "  {\"key\": \"baseUrl\", \"value\": \"%s\", \"enabled\": true},\n"
                                           "  {\"key\": \"accessKey\", \"value\": \"" FIXTURE_KEY "\"},\n"
                                           "  {\"key\": \"secretKey\", \"value\": \"" FIXTURE_SECRET "\", "
                                           "\"type\": \"secret\"},\n"
                                           "  {\"key\": \"petType\", \"value\": \"cat\"},\n"
                                           "  {\"key\": \"unused\", \"value\": \"x\", \"enabled\": false}]}\n",
                                           fixture->stage_url);
  g_autoptr(SignetTestCliRun) from_env = NULL;
  g_autoptr(SignetTestCliRun) var_wins = NULL;

  g_assert_true (g_file_set_contents (environment, text, -1, NULL));
  from_env = run_command ("run", collection, "--env", environment, "--folder", "Pets", NULL);
  var_wins = run_command ("run", collection, "--env", environment, "--folder", "Pets",
                          "--var", "petType=bird", NULL);

  g_assert_cmpint (from_env->status, ==, 0);
  g_assert_nonnull (strstr (from_env->out, "/test/pets?type=cat  200"));
  g_assert_cmpint (var_wins->status, ==, 0);
  g_assert_nonnull (strstr (var_wins->out, "/test/pets?type=bird  200"));
}

/* Signed in the query (a presigned URL): the line and the report show
 * neither the signature nor the credential (and so no access key ID). */
static void
test_presigned_redacted (void)
{
  g_autofree char *folder = tmp_path ("presigned");
  g_autofree char *requests = g_build_filename (folder, "requests", NULL);
  g_autofree char *request_file = g_build_filename (requests, "list-pets.json", NULL);
  g_autofree char *report_path = tmp_path ("presigned.json");
  g_autofree char *report = NULL;
  g_autoptr(SignetTestCliRun) run = NULL;
  guint allowed = count_allowed ();

  g_assert_cmpint (g_mkdir_with_parents (requests, 0700), ==, 0);
  g_assert_true (g_file_set_contents (request_file,
                                      "{\"version\": 1, \"name\": \"List pets\", \"method\": \"GET\",\n"
                                      " \"url\": \"{{baseUrl}}/pets?type=dog\",\n"
                                      " \"auth\": {\"kind\": \"aws-sigv4\", \"region\": \"us-west-2\",\n"
                                      "          \"accessKeyId\": \"{{accessKey}}\", \"keyRef\": \"{{secretKey}}\",\n"
                                      "          \"signInQuery\": true}}\n", -1, NULL));
  run = run_collection (folder, FIXTURE_SECRET, "--reporter", "json", "--report", report_path, NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (count_allowed (), ==, allowed + 1);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? run->out : report;

      g_assert_nonnull (strstr (text, "X-Amz-Signature=[redacted]"));
      g_assert_nonnull (strstr (text, "X-Amz-Credential=[redacted]"));
      g_assert_nonnull (strstr (text, "X-Amz-Date="));
      g_assert_null (strstr (text, FIXTURE_KEY));
      assert_no_secret (text);
    }
}

/* A request that names a keyring credential (here through a variable)
 * signs with it, as `send --credential` does; an unknown name fails it. */
static void
test_keyring_credential (void)
{
  g_autofree char *keyring_dir = signet_test_keyring_use_file ();
  g_autofree char *folder = tmp_path ("keyring");
  g_autofree char *requests = g_build_filename (folder, "requests", NULL);
  g_autofree char *request_file = g_build_filename (requests, "list-pets.json", NULL);
  g_autofree char *base_url = g_strconcat ("baseUrl=", fixture->stage_url, NULL);
  /* libsecret's file backend leaks an etag per file it reads: see tests/meson.build */
  g_autofree char *asan = g_strconcat ("ASAN_OPTIONS=", g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                                       ":detect_leaks=0", NULL);
  const char *env[] = { asan, NULL };
  const char *add_args[] = { "credential", "add", "pets-tester", NULL };
  g_autoptr(SignetTestCliRun) add = NULL;
  g_autoptr(SignetTestCliRun) known = NULL;
  g_autoptr(SignetTestCliRun) unknown = NULL;
  guint allowed = count_allowed ();

  add = signet_test_cli_run (env, FIXTURE_KEY "\n" FIXTURE_SECRET "\n", add_args);
  g_assert_cmpint (add->status, ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (requests, 0700), ==, 0);
  g_assert_true (g_file_set_contents (request_file,
                                      "{\"version\": 1, \"name\": \"List pets\", \"method\": \"GET\",\n"
                                      " \"url\": \"{{baseUrl}}/pets\",\n"
                                      " \"auth\": {\"kind\": \"aws-sigv4\", \"region\": \"us-west-2\",\n"
                                      "          \"credentialName\": \"{{credential}}\"}}\n", -1, NULL));
  known = run_command_with_env (env, "run", folder, "--var", base_url, "--var", "credential=pets-tester",
                                NULL);
  unknown = run_command_with_env (env, "run", folder, "--var", base_url, "--var", "credential=nobody",
                                  NULL);

  g_assert_cmpint (known->status, ==, 0);
  g_assert_nonnull (strstr (known->out, "PASS  List pets  GET "));
  g_assert_cmpuint (count_allowed (), ==, allowed + 1);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->out, "FAIL  List pets  GET "));
  g_assert_nonnull (strstr (unknown->out, "nobody"));

  signet_test_keyring_remove (keyring_dir);
  g_unsetenv ("SECRET_BACKEND");
  g_unsetenv ("SECRET_FILE_TEST_PATH");
  g_unsetenv ("SECRET_FILE_TEST_PASSWORD");
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      count += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }
  return count;
}

/* OpenAPI and curl (from standard input) import too; a key in a curl
 * command is named on stderr and never written. */
static void
test_import_openapi_curl (void)
{
  g_autofree char *openapi = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                               "petstore-apigateway-oas30.json", NULL);
  g_autofree char *from_openapi = tmp_path ("from-openapi");
  g_autofree char *from_curl = tmp_path ("from-curl");
  g_autofree char *request_file = g_build_filename (from_curl, "requests", "post-test-pets.json", NULL);
  g_autofree char *text = NULL;
  const char *curl_args[] = { "import", "--from", "curl", "-", "--to", from_curl, NULL };
  g_autoptr(SignetTestCliRun) openapi_run = run_command ("import", "--from", "openapi", openapi,
                                                         "--to", from_openapi, NULL);
  g_autoptr(SignetTestCliRun) curl_run = NULL;

  curl_run = signet_test_cli_run (NULL, "curl -X POST 'https://abc123defg.execute-api.us-west-2.amazonaws.com"
                                        "/test/pets' -H 'Content-Type: application/json' -d '{\"type\":\"dog\"}' "
                                        "--aws-sigv4 'aws:amz:us-west-2:execute-api' "
                                        "--user '" FIXTURE_KEY ":" WRONG_SECRET "'\n", curl_args);

  g_assert_cmpint (openapi_run->status, ==, 0);
  g_assert_true (g_str_has_prefix (openapi_run->out, "Imported 3 requests into "));
  g_assert_cmpuint (count_files (from_openapi), ==, 3 + 1);  /* and collection.json */

  g_assert_cmpint (curl_run->status, ==, 0);
  g_assert_nonnull (strstr (curl_run->err, "not written: the secret access key in curl command"));
  assert_no_secret (curl_run->err);
  g_assert_true (g_file_get_contents (request_file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"accessKeyId\" : \"" FIXTURE_KEY "\""));
  assert_no_secret (text);
}

static void
test_export_curl (void)
{
  g_autofree char *collection = pets_collection ();
  g_autoptr(SignetTestCliRun) run = run_command ("export", "--to", "curl", collection, NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "# Echo Zoë\ncurl "));
  g_assert_cmpuint (count_lines_with (run->out, "# "), ==, N_REQUESTS);
  g_assert_nonnull (strstr (run->out, "\n# Pets/Create pet\ncurl "));
  g_assert_nonnull (strstr (run->out, "--aws-sigv4"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) tmp = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("signet-cli-run-XXXXXX", &error);
  g_assert_no_error (error);
  fixture = signet_test_fixture_start (NULL);

  g_test_add_func ("/signet/cli-run/postman-signed", test_postman_signed);
  g_test_add_func ("/signet/cli-run/wrong-secret", test_wrong_secret);
  g_test_add_func ("/signet/cli-run/unknown-variable", test_unknown_variable);
  g_test_add_func ("/signet/cli-run/connection-refused", test_connection_refused);
  g_test_add_func ("/signet/cli-run/folder", test_folder);
  g_test_add_func ("/signet/cli-run/iterations", test_iterations);
  g_test_add_func ("/signet/cli-run/reporter-json", test_reporter_json);
  g_test_add_func ("/signet/cli-run/reporter-junit", test_reporter_junit);
  g_test_add_func ("/signet/cli-run/usage-errors", test_usage_errors);
  g_test_add_func ("/signet/cli-run/corrupt-collection", test_corrupt_collection);
  g_test_add_func ("/signet/cli-run/round-trip", test_round_trip);
  g_test_add_func ("/signet/cli-run/environment-keys", test_environment_keys);
  g_test_add_func ("/signet/cli-run/postman-environment", test_postman_environment);
  g_test_add_func ("/signet/cli-run/presigned-redacted", test_presigned_redacted);
  g_test_add_func ("/signet/cli-run/keyring-credential", test_keyring_credential);
  g_test_add_func ("/signet/cli-run/import-openapi-curl", test_import_openapi_curl);
  g_test_add_func ("/signet/cli-run/export-curl", test_export_curl);

  status = g_test_run ();

  signet_test_fixture_stop (fixture);
  tmp = g_file_new_for_path (tmp_dir);
  signet_test_remove_tree (tmp);
  g_free (tmp_dir);
  return status;
}
