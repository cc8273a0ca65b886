/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-export-code.h"
#include "signet-request-row.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"

/* "Copy as Python" run for real: the script, run by /usr/bin/python3
 * (Debian's requests and botocore) with the keys in AWS_* variables,
 * against the API Gateway fixture, whose verdicts come from botocore
 * too. "Copy as JavaScript" is checked as text (and parsed by node when
 * there is one): CI has no npm to install aws4fetch. */

typedef struct
{
  SignetTestFixture *fixture;
  char              *dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} ScriptRun;

static void
script_run_free (ScriptRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScriptRun, script_run_free)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->fixture = signet_test_fixture_start (NULL);
  fixture->dir = g_dir_make_tmp ("signet-export-code-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  signet_test_fixture_stop (fixture->fixture);
}

static SignetRequest *
fixture_request (Fixture    *fixture,
                 const char *method,
                 const char *path_and_query)
{
  SignetRequest *request = signet_request_new ();
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, path_and_query);

  signet_request_set_method (request, method);
  signet_request_set_url (request, url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  /* a 127.0.0.1 host names neither: typed in, as for a custom domain */
  signet_request_set_region (request, FIXTURE_REGION);
  signet_request_set_service (request, FIXTURE_SERVICE);
  return request;
}

static void
add_header (SignetRequest *request,
            const char    *name,
            const char    *value)
{
  g_autoptr(SignetRequestRow) row = signet_request_row_new (name, value);

  g_list_store_append (G_LIST_STORE (signet_request_get_headers (request)), row);
}

/* No export ever holds a secret, typed signing headers included. */
static void
assert_no_secret (const char *code)
{
  static const char * const secrets[] = {
    FIXTURE_SECRET, FIXTURE_TEMP_SECRET, FIXTURE_TEMP_TOKEN, FIXTURE_DENIED_SECRET,
    "typed-frozen-signature", "typed-session-token",
  };

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (code, secrets[i]) != NULL)
      g_error ("the export holds “%s”:\n%s", secrets[i], code);
}

static char *
export_python (SignetRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  char *code = signet_export_python (request, &warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  assert_no_secret (code);
  return code;
}

static ScriptRun *
run_python (Fixture    *fixture,
            const char *code,
            const char *key,
            const char *secret,
            const char *token)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "request.py", NULL);
  g_autoptr(GError) error = NULL;
  ScriptRun *run = g_new0 (ScriptRun, 1);

  g_assert_true (g_file_set_contents (path, code, -1, NULL));
  /* the keys only in the child's environment, and nowhere else to find any */
  g_subprocess_launcher_setenv (launcher, "AWS_ACCESS_KEY_ID", key, TRUE);
  g_subprocess_launcher_setenv (launcher, "AWS_SECRET_ACCESS_KEY", secret, TRUE);
  if (token != NULL)
    g_subprocess_launcher_setenv (launcher, "AWS_SESSION_TOKEN", token, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "AWS_SESSION_TOKEN");
  g_subprocess_launcher_unsetenv (launcher, "AWS_PROFILE");
  g_subprocess_launcher_setenv (launcher, "AWS_CONFIG_FILE", "/dev/null", TRUE);
  g_subprocess_launcher_setenv (launcher, "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
  g_subprocess_launcher_setenv (launcher, "AWS_EC2_METADATA_DISABLED", "true", TRUE);
  /* requests must not go through a proxy to reach 127.0.0.1 */
  g_subprocess_launcher_setenv (launcher, "NO_PROXY", "*", TRUE);

  process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  return run;
}

/* The script prints "<status> <reason>" on stderr. */
static void
assert_status (ScriptRun  *run,
               const char *status_line)
{
  if (run->status != 0 || !g_str_has_prefix (run->err, status_line))
    g_error ("expected “%s”, the script exited %d:\n%s\n%s", status_line,
             run->status, run->err, run->out);
}

static void
test_python_get_query (Fixture       *fixture,
                       gconstpointer  data)
{
  /* typed unencoded, as people do: a space, a slash, a colon, a repeat */
  g_autoptr(SignetRequest) request = fixture_request (fixture, "GET",
                                                      "/echo?name=hello world&path=a/b:c&tag=z&tag=a");
  g_autofree char *code = NULL;
  g_autoptr(ScriptRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *echo;
  JsonArray *query;

  add_header (request, "X-Trace", "trace \"1\"");
  code = export_python (request);
  g_assert_nonnull (strstr (code, "SigV4Auth(credentials, \"execute-api\", \"us-west-2\")"));

  run = run_python (fixture, code, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  assert_status (run, "200 OK");
  echo = signet_test_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (echo, "method"), ==, "GET");
  query = json_object_get_array_member (echo, "query");
  g_assert_cmpuint (json_array_get_length (query), ==, 4);
  /* decoded by the server as typed, in the order typed */
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (query, 0), 1),
                   ==, "hello world");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (query, 1), 1),
                   ==, "a/b:c");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (query, 2), 1),
                   ==, "z");
}

static void
test_python_post_json (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SignetRequest) request = fixture_request (fixture, "POST", "/pets");
  g_autofree char *code = NULL;
  g_autoptr(ScriptRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;
  JsonObject *pet;

  signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
  signet_request_set_body_text (request, "{\n  \"type\": \"cat\",\n  \"name\": \"Mia \\\"the\\\" ✓\",\n  \"price\": 12.5\n}");
  /* typed signing headers are frozen or secret: never exported */
  add_header (request, "Authorization", "AWS4-HMAC-SHA256 Signature=typed-frozen-signature");
  add_header (request, "X-Amz-Security-Token", "typed-session-token");
  code = export_python (request);
  g_assert_nonnull (strstr (code, "\"Content-Type\": \"application/json\""));

  run = run_python (fixture, code, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  assert_status (run, "200 OK");
  answer = signet_test_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (answer, "message"), ==, "success");
  pet = json_object_get_object_member (answer, "pet");
  g_assert_cmpstr (json_object_get_string_member (pet, "type"), ==, "cat");
  g_assert_cmpstr (json_object_get_string_member (pet, "name"), ==, "Mia \"the\" ✓");
}

/* What the script sends is the body byte for byte, quotes, backslashes,
 * control characters and line separators included. */
static void
test_python_body_bytes (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char body[] = "line 1\nquote \" back \\ tab \t cr \r bell \x07 sep \xe2\x80\xa8 €";
  g_autoptr(SignetRequest) request = fixture_request (fixture, "PUT", "/echo/raw");
  g_autofree char *code = NULL;
  g_autoptr(ScriptRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *echo;

  signet_request_set_body_kind (request, SIGNET_BODY_KIND_RAW);
  signet_request_set_body_text (request, body);
  code = export_python (request);
  run = run_python (fixture, code, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  assert_status (run, "200 OK");
  echo = signet_test_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (echo, "body"), ==, body);
  g_assert_cmpstr (json_object_get_string_member (echo, "method"), ==, "PUT");
}

static void
test_python_session_token (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetRequest) request = fixture_request (fixture, "GET", "/pets?type=dog");
  g_autofree char *code = export_python (request);
  g_autoptr(ScriptRun) run = run_python (fixture, code, FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET,
                                         FIXTURE_TEMP_TOKEN);

  assert_status (run, "200 OK");
  g_assert_nonnull (strstr (run->out, "\"dog\""));
}

static void
test_python_wrong_secret (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SignetRequest) request = fixture_request (fixture, "GET", "/pets");
  g_autofree char *code = export_python (request);
  g_autoptr(ScriptRun) run = run_python (fixture, code, FIXTURE_KEY, "not-the-secret", NULL);

  assert_status (run, "403 Forbidden");
  g_assert_nonnull (strstr (run->out, "The request signature we calculated does not match"));
}

static void
test_python_unsigned (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SignetRequest) request = fixture_request (fixture, "GET", "/pets");
  g_autofree char *code = NULL;
  g_autoptr(ScriptRun) run = NULL;

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_NONE);
  code = export_python (request);
  g_assert_null (strstr (code, "SigV4Auth"));
  run = run_python (fixture, code, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  assert_status (run, "403 Forbidden");
  g_assert_nonnull (strstr (run->out, "Missing Authentication Token"));
}

static void
test_warnings (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *code = NULL;

  signet_request_set_url (request, "https://api.example.com/{{stage}}/pets");
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  code = signet_export_javascript (request, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (code, "region: \"REGION\""));
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], "REGION and SERVICE"));
  g_assert_nonnull (strstr (warnings[1], "{{variables}}"));
  g_clear_pointer (&code, g_free);

  /* a URL that cannot be sent cannot be exported */
  signet_request_set_url (request, "not a url");
  code = signet_export_python (request, NULL, &error);
  g_assert_null (code);
  g_assert_nonnull (error);
}

static void
test_javascript (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SignetRequest) request = fixture_request (fixture, "POST", "/pets?name=hello world");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *code = NULL;
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets?name=hello%20world");
  g_autofree char *fetch = g_strdup_printf ("const response = await aws.fetch(\"%s\", {\n", url);
  g_autofree char *node = g_find_program_in_path ("node");

  signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
  signet_request_set_body_text (request, "{\"type\": \"dog\"}\n");
  add_header (request, "Authorization", "AWS4-HMAC-SHA256 Signature=typed-frozen-signature");
  add_header (request, "X-Amz-Security-Token", "typed-session-token");
  code = signet_export_javascript (request, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  assert_no_secret (code);

  g_assert_nonnull (strstr (code, "import { AwsClient } from \"aws4fetch\";\n"));
  g_assert_nonnull (strstr (code,
                            "const aws = new AwsClient({\n"
                            "  accessKeyId: process.env.AWS_ACCESS_KEY_ID,\n"
                            "  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,\n"
                            "  sessionToken: process.env.AWS_SESSION_TOKEN,\n"
                            "  region: \"us-west-2\",\n"
                            "  service: \"execute-api\",\n"
                            "});\n"));
  g_assert_nonnull (strstr (code, fetch));
  g_assert_nonnull (strstr (code, "  method: \"POST\",\n"));
  g_assert_nonnull (strstr (code, "    \"Content-Type\": \"application/json\",\n"));
  g_assert_nonnull (strstr (code, "  body: \"{\\\"type\\\": \\\"dog\\\"}\\n\",\n"));
  g_assert_null (strstr (code, "Authorization"));
  g_assert_null (strstr (code, FIXTURE_KEY));

  /* parsed, not run: aws4fetch is not installed */
  if (node != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "request.mjs", NULL);
      g_autofree char *err = NULL;
      int status = -1;
      const char *argv[] = { node, "--check", path, NULL };

      g_assert_true (g_file_set_contents (path, code, -1, NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("node --check: %s\n%s", err, code);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/signet/export-code/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("python-get-query", test_python_get_query);
  ADD ("python-post-json", test_python_post_json);
  ADD ("python-body-bytes", test_python_body_bytes);
  ADD ("python-session-token", test_python_session_token);
  ADD ("python-wrong-secret", test_python_wrong_secret);
  ADD ("python-unsigned", test_python_unsigned);
  ADD ("javascript", test_javascript);
  g_test_add_func ("/signet/export-code/warnings", test_warnings);

#undef ADD

  return g_test_run ();
}
