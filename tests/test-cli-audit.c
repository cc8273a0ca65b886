/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-collection.h"
#include "signet-environment.h"
#include "signet-test-async.h"
#include "signet-test-cli.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"
#include "signet-test-keyring.h"

/* signet-cli audit (an interface checks outside the repo use) against the
 * API Gateway fixture: the PetStore export locked down (exit 0), with
 * POST /pets open (exit 1, named in the JSON report), a weak route, a
 * denied credential, a closed port (exit 2), reports, usage errors; and
 * send --verbose printing the explanation of an auth answer. */

static const char * const allowed_env[] = {
  "AWS_ACCESS_KEY_ID=" FIXTURE_KEY, "AWS_SECRET_ACCESS_KEY=" FIXTURE_SECRET, NULL,
};
static const char * const denied_env[] = {
  "AWS_ACCESS_KEY_ID=" FIXTURE_DENIED_KEY, "AWS_SECRET_ACCESS_KEY=" FIXTURE_DENIED_SECRET, NULL,
};

typedef struct
{
  SignetTestFixture *fixture;
  char              *petstore;
  char              *tmp_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->fixture = signet_test_fixture_start (data);
  fixture->petstore = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                        "petstore-apigateway-oas30.json", NULL);
  fixture->tmp_dir = g_dir_make_tmp ("signet-cli-audit-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) tmp = g_file_new_for_path (fixture->tmp_dir);

  signet_test_fixture_stop (fixture->fixture);
  signet_test_remove_tree (tmp);
  g_free (fixture->petstore);
  g_free (fixture->tmp_dir);
}

static SignetTestCliRun *
audit (Fixture            *fixture,
       const char * const *env,
       const char         *first_arg,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  SignetTestCliRun *run;
  va_list more;

  g_ptr_array_add (args, (gpointer) "audit");
  va_start (more, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (more, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (more);
  g_ptr_array_add (args, NULL);

  run = signet_test_cli_run (env, NULL, (const char * const *) args->pdata);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
  return run;
}

/* The table's line for an endpoint starts with its verdict. */
static void
assert_row (const SignetTestCliRun *run,
            const char             *verdict,
            const char             *method,
            const char             *path)
{
  g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();

      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          g_ptr_array_add (columns, words[j]);
      if (columns->len >= 3 && g_str_equal (g_ptr_array_index (columns, 1), method) &&
          g_str_equal (g_ptr_array_index (columns, 2), path))
        {
          g_assert_cmpstr (g_ptr_array_index (columns, 0), ==, verdict);
          return;
        }
    }
  g_error ("no row for %s %s", method, path);
}

static void
test_locked_down (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SignetTestCliRun) run =
    audit (fixture, allowed_env, fixture->petstore, "--base-url", fixture->fixture->stage_url, NULL);

  g_assert_cmpint (run->status, ==, 0);
  assert_row (run, "protected", "GET", "/pets");
  assert_row (run, "protected", "POST", "/pets");
  assert_row (run, "protected", "GET", "/pets/{petId}");
  g_assert_nonnull (strstr (run->out, "3 endpoints: 3 protected, 0 open, 0 weak, 0 broken, 0 unreachable\n"));
  /* stderr is not a terminal here: no progress. */
  g_assert_cmpstr (run->err, ==, "");
}

static JsonObject *
find_endpoint (JsonNode   *root,
               const char *method,
               const char *path)
{
  JsonArray *endpoints = json_object_get_array_member (json_node_get_object (root), "endpoints");

  for (guint i = 0; i < json_array_get_length (endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (endpoints, i);

      if (g_str_equal (json_object_get_string_member (endpoint, "method"), method) &&
          g_str_equal (json_object_get_string_member (endpoint, "path"), path))
        return endpoint;
    }
  g_error ("the report names no %s %s", method, path);
}

static void
test_open_post (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *report = g_build_filename (fixture->tmp_dir, "audit.json", NULL);
  g_autoptr(SignetTestCliRun) run =
    audit (fixture, allowed_env, fixture->petstore, "--base-url", fixture->fixture->stage_url,
           "--report", "json", report, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *endpoint;
  JsonObject *probes;

  g_assert_cmpint (run->status, ==, 1);
  assert_row (run, "open", "POST", "/pets");
  assert_row (run, "protected", "GET", "/pets");

  g_file_get_contents (report, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  endpoint = find_endpoint (root, "POST", "/pets");
  g_assert_cmpstr (json_object_get_string_member (endpoint, "verdict"), ==, "open");
  probes = json_object_get_object_member (endpoint, "probes");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (probes, "unsigned"), "status"),
                   ==, 200);
  endpoint = find_endpoint (root, "GET", "/pets/{petId}");
  g_assert_cmpstr (json_object_get_string_member (endpoint, "verdict"), ==, "protected");
  probes = json_object_get_object_member (endpoint, "probes");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (probes, "unsigned"),
                                                  "error_type"), ==,
                   "MissingAuthenticationTokenException");
  /* No credential in a report. */
  g_assert_null (strstr (text, FIXTURE_SECRET));
  g_assert_null (strstr (text, FIXTURE_KEY));
}

static void
test_weak (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SignetTestCliRun) run =
    audit (fixture, allowed_env, fixture->petstore, "--base-url", fixture->fixture->stage_url, NULL);

  g_assert_cmpint (run->status, ==, 1);
  assert_row (run, "weak", "GET", "/pets/{petId}");
  assert_row (run, "protected", "GET", "/pets");
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SignetTestCliRun) run =
    audit (fixture, denied_env, fixture->petstore, "--base-url", fixture->fixture->stage_url, NULL);

  g_assert_cmpint (run->status, ==, 1);
  assert_row (run, "broken", "GET", "/pets");
  assert_row (run, "broken", "POST", "/pets");
  assert_row (run, "broken", "GET", "/pets/{petId}");
}

/* --region reaches the signer: the fixture's region is us-west-2. */
static void
test_wrong_region (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SignetTestCliRun) run =
    audit (fixture, allowed_env, fixture->petstore, "--base-url", fixture->fixture->stage_url,
           "--region", "eu-west-1", "--concurrency", "1", NULL);

  g_assert_cmpint (run->status, ==, 1);
  assert_row (run, "broken", "GET", "/pets");
}

static void
test_nothing_reachable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *closed = g_strdup (fixture->fixture->stage_url);
  g_autoptr(SignetTestCliRun) run = NULL;

  g_subprocess_send_signal (fixture->fixture->process, SIGTERM);
  g_subprocess_wait (fixture->fixture->process, NULL, NULL);
  run = audit (fixture, allowed_env, fixture->petstore, "--base-url", closed, NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_row (run, "unreachable", "GET", "/pets");
  g_assert_nonnull (strstr (run->err, "refused the connection"));
}

static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *junit_path = g_build_filename (fixture->tmp_dir, "audit.xml", NULL);
  g_autofree char *md_path = g_build_filename (fixture->tmp_dir, "audit.md", NULL);
  g_autoptr(SignetTestCliRun) run =
    audit (fixture, allowed_env, fixture->petstore, "--base-url", fixture->fixture->stage_url,
           "--report", "junit", junit_path, "--report", "md", md_path, NULL);
  g_autofree char *junit = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 1);
  g_file_get_contents (junit_path, &junit, NULL, &error);
  g_assert_no_error (error);
  signet_test_assert_well_formed_xml (junit);
  g_assert_nonnull (strstr (junit, "<testsuites name=\"signet-audit\" tests=\"3\" failures=\"1\" errors=\"0\">"));
  g_assert_nonnull (strstr (junit, "<failure type=\"open\""));

  g_file_get_contents (md_path, &markdown, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (markdown, "| Method | Path | Verdict | Unsigned | Unknown key | "
                                      "Tampered signature | Signed | Why |\n"));
  g_assert_nonnull (strstr (markdown, "| POST | `/pets` | **open** |"));
}

/* A collection folder with an environment for its {{base}} variable,
 * signed with a credential from the (file) keyring. */
static void
test_collection_env_credential (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *keyring = signet_test_keyring_use_file ();
  g_autofree char *dir_path = g_build_filename (fixture->tmp_dir, "petstore", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(SignetCollection) collection = signet_collection_new (dir, "PetStore");
  g_autoptr(SignetEnvironment) environment = signet_environment_new ("Local");
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetTestCliRun) add = NULL;
  g_autoptr(SignetTestCliRun) run = NULL;
  const char * const add_args[] = { "credential", "add", "petstore-tester", NULL };

  g_assert_cmpint (g_mkdir_with_parents (dir_path, 0700), ==, 0);
  signet_request_set_url (request, "{{base}}/pets/{petId}");
  signet_collection_add_async (collection, "", "Get a pet", request, NULL,
                               signet_test_store_result_cb, &result);
  item = signet_collection_edit_finish (collection, signet_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  signet_environment_set_variable (environment, "base", fixture->fixture->stage_url, FALSE);
  signet_environment_set_variable (environment, "petId", "3", FALSE);
  signet_environment_save_async (environment, dir, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_environment_save_finish (environment, signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);

  add = signet_test_cli_run (NULL, FIXTURE_KEY "\n" FIXTURE_SECRET "\n", add_args);
  g_assert_cmpint (add->status, ==, 0);

  run = audit (fixture, NULL, dir_path, "--env", "Local", "--credential", "petstore-tester",
               "--region", FIXTURE_REGION, "--service", FIXTURE_SERVICE, NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_row (run, "protected", "GET", "/pets/{petId}");

  signet_test_keyring_remove (keyring);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  struct {
    const char * const *env;
    const char         *args[8];
    const char         *message;
  } cases[] = {
    { allowed_env, { "audit", NULL }, "Give one collection folder or OpenAPI file" },
    { allowed_env, { "audit", fixture->petstore, "--report", "html", "x.html", NULL }, "Unknown report format" },
    { allowed_env, { "audit", fixture->petstore, "--report", "json", NULL }, "--report needs a format" },
    { allowed_env, { "audit", fixture->petstore, "--concurrency", "0", NULL }, "Bad --concurrency 0" },
    { allowed_env, { "audit", fixture->petstore, "--base-url", "not a url", NULL }, "Bad --base-url" },
    { allowed_env, { "audit", fixture->petstore, "--base-url", "ftp://example.com/test", NULL }, "Bad --base-url" },
    { allowed_env, { "audit", fixture->petstore, "--var", "petId", NULL }, "NAME=VALUE" },
    { allowed_env, { "audit", "/no/such/file.json", NULL }, "No such file" },
    { allowed_env, { "audit", fixture->petstore, "--env", "Local", NULL }, "--env needs a collection folder" },
    { NULL, { "audit", fixture->petstore, NULL }, "needs a credential" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SignetTestCliRun) run = signet_test_cli_run (cases[i].env, NULL, cases[i].args);

      g_test_message ("%s: %s", cases[i].message, run->err);
      g_assert_cmpint (run->status, ==, 2);
      g_assert_true (g_str_has_prefix (run->err, "signet-cli: "));
      g_assert_nonnull (strstr (run->err, cases[i].message));
      /* One line. */
      g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
      g_assert_cmpstr (run->out, ==, "");
    }
}

/* send --verbose explains an auth answer after the response. */
static void
test_send_verbose_explains (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");
  const char * const args[] = { "send", "--verbose", "--region", FIXTURE_REGION, "--service",
                                FIXTURE_SERVICE, url, NULL };
  g_autoptr(SignetTestCliRun) run = signet_test_cli_run (denied_env, NULL, args);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->err, "! IAM does not allow this call\n"));
  g_assert_nonnull (strstr (run->err, "arn:aws:iam::123456789012:user/petstore-denied"));
  g_assert_nonnull (strstr (run->err, "! A policy that allows exactly this call:\n"));
  g_assert_nonnull (strstr (run->err, "\"Resource\" : \"arn:aws:execute-api:us-west-2:123456789012:"
                                      "s1gn3tapi0/test/GET/pets\""));
  g_assert_null (strstr (run->err, FIXTURE_DENIED_SECRET));
}

int
main (int    argc,
      char **argv)
{
  static const char *open_post[] = { "--open", "POST:/pets", NULL };
  static const char *weak_get[] = { "--weak", "GET:/pets/{petId}", NULL };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/signet/cli-audit/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("locked-down", test_locked_down, NULL);
  ADD ("open-post", test_open_post, open_post);
  ADD ("weak", test_weak, weak_get);
  ADD ("broken", test_broken, NULL);
  ADD ("wrong-region", test_wrong_region, NULL);
  ADD ("nothing-reachable", test_nothing_reachable, NULL);
  ADD ("reports", test_reports, open_post);
  ADD ("collection-env-credential", test_collection_env_credential, NULL);
  ADD ("usage-errors", test_usage_errors, NULL);
  ADD ("send-verbose-explains", test_send_verbose_explains, NULL);

#undef ADD

  return g_test_run ();
}
