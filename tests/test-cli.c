/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-test-cli.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"

/* Runs the real signet-cli binary, as scripts and outside checks do. */

#define VECTOR_KEY    "AKIDEXAMPLE"
#define VECTOR_SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define API_URL       "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets"


/* @env: NAME=VALUE pairs; then the arguments, NULL-terminated */
static SignetTestCliRun *
run_cli (const char * const *env,
         const char         *stdin_text,
         const char         *first_arg,
         ...)
{
  SignetTestCliRun *run;
  va_list args;

  va_start (args, first_arg);
  run = signet_test_cli_run_va (env, stdin_text, first_arg, args);
  va_end (args);
  return run;
}

static const char * const vector_env[] = {
  "AWS_ACCESS_KEY_ID=" VECTOR_KEY, "AWS_SECRET_ACCESS_KEY=" VECTOR_SECRET, NULL,
};

static void
assert_usage_error (const SignetTestCliRun *run,
                    const char   *expected_fragment)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  /* one clear line, and no secret in it */
  g_assert_true (g_str_has_prefix (run->err, "signet-cli: "));
  g_assert_nonnull (strstr (run->err, expected_fragment));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_null (strstr (run->err, VECTOR_SECRET));
}

/* The issue's "done when": AWS's get-vanilla vector through --raw. */
static void
test_sign_raw_vector (void)
{
  const char *suite = g_getenv ("SIGNET_SIGV4_TESTSUITE");
  g_autofree char *request = NULL;
  g_autoptr(SignetTestCliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (suite == NULL || !g_file_test (suite, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("AWS's vectors were not found beside the checkout");
      return;
    }

  request = g_build_filename (suite, "aws-c-auth-v4", "get-vanilla", "request.txt", NULL);
  run = run_cli (vector_env, NULL, "sign", "--raw", request, "--region", "us-east-1",
                 "--service", "service", "--date", "20150830T123600Z", "--format", "json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  object = signet_test_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (object, "signature"), ==,
                   "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, "https://example.amazonaws.com/");
  g_assert_cmpstr (json_object_get_string_member (object, "credential_scope"), ==,
                   "20150830/us-east-1/service/aws4_request");
  g_assert_cmpstr (json_object_get_string_member (object, "signed_headers"), ==, "host;x-amz-date");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "canonical_request"), "GET\n/\n\n"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "string_to_sign"),
                                   "AWS4-HMAC-SHA256\n20150830T123600Z\n"));
}

/* --raw - reads standard input, and means the same as the URL form */
static void
test_sign_raw_stdin (void)
{
  g_autoptr(SignetTestCliRun) raw = run_cli (vector_env,
                                   "GET /?Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n",
                                   "sign", "--raw", "-", "--region", "us-east-1", "--service", "service",
                                   "--date", "20150830T123600Z", "--format", "json", NULL);
  g_autoptr(SignetTestCliRun) url = run_cli (vector_env, NULL, "sign", "--region", "us-east-1",
                                   "--service", "service", "--date", "20150830T123600Z",
                                   "--format", "json", "https://example.amazonaws.com/?Param1=value1", NULL);
  g_autoptr(JsonParser) raw_parser = json_parser_new ();
  g_autoptr(JsonParser) url_parser = json_parser_new ();
  JsonObject *raw_object;
  JsonObject *url_object;

  g_assert_cmpint (raw->status, ==, 0);
  g_assert_cmpint (url->status, ==, 0);
  raw_object = signet_test_parse_object (raw_parser, raw->out);
  url_object = signet_test_parse_object (url_parser, url->out);
  g_assert_cmpstr (json_object_get_string_member (raw_object, "canonical_request"), ==,
                   json_object_get_string_member (url_object, "canonical_request"));
  g_assert_cmpstr (json_object_get_string_member (raw_object, "signature"), ==,
                   json_object_get_string_member (url_object, "signature"));
}

static void
test_sign_json_url (void)
{
  const char *env[] = { "AWS_ACCESS_KEY_ID=AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY=secret",
                        "AWS_SESSION_TOKEN=token/+=", NULL };
  g_autoptr(SignetTestCliRun) run = run_cli (env, NULL, "sign", "-H", "Content-Type: application/json",
                                   "-d", "{\"name\":\"Rex\"}", "--date", "20261125T044119Z",
                                   "--format", "json", API_URL "?limit=10", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *headers;
  const char *names[] = { "Content-Type", "Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization" };

  g_assert_cmpint (run->status, ==, 0);
  object = signet_test_parse_object (parser, run->out);
  /* POST with -d; region and service read from the API Gateway host */
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "POST");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, API_URL "?limit=10");
  g_assert_cmpstr (json_object_get_string_member (object, "credential_scope"), ==,
                   "20261125/us-west-2/execute-api/aws4_request");
  g_assert_cmpstr (json_object_get_string_member (object, "signed_headers"), ==,
                   "content-type;host;x-amz-date;x-amz-security-token");

  /* no header that was not asked for, but Host and the signing ones */
  headers = json_object_get_array_member (object, "headers");
  g_assert_cmpuint (json_array_get_length (headers), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (headers, i), 0),
                     ==, names[i]);
  g_assert_null (strstr (run->out, "\"secret\""));
}

static void
test_sign_presigned (void)
{
  g_autoptr(SignetTestCliRun) run = run_cli (vector_env, NULL, "sign", "--query", "--expires", "600",
                                   "--date", "20261125T044119Z", API_URL, NULL);

  g_assert_cmpint (run->status, ==, 0);
  /* text form: the request line carries the presigned URL */
  g_assert_true (g_str_has_prefix (run->out, "GET /test/pets?X-Amz-Algorithm=AWS4-HMAC-SHA256&"));
  g_assert_nonnull (strstr (run->out, "&X-Amz-Expires=600&"));
  g_assert_nonnull (strstr (run->out, "&X-Amz-Signature="));
  g_assert_null (strstr (run->out, "Authorization"));
}

static void
test_sign_body_from_file (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "signet-test-cli-body.json", NULL);
  g_autofree char *arg = g_strconcat ("@", path, NULL);
  g_autoptr(SignetTestCliRun) from_file = NULL;
  g_autoptr(SignetTestCliRun) inline_body = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "{\"name\":\"Rex\"}", -1, &error);
  g_assert_no_error (error);
  from_file = run_cli (vector_env, NULL, "sign", "-d", arg, "--sign-body", "--date", "20261125T044119Z",
                       "--format", "json", API_URL, NULL);
  inline_body = run_cli (vector_env, NULL, "sign", "-d", "{\"name\":\"Rex\"}", "--sign-body",
                         "--date", "20261125T044119Z", "--format", "json", API_URL, NULL);
  g_unlink (path);

  g_assert_cmpint (from_file->status, ==, 0);
  g_assert_cmpstr (from_file->out, ==, inline_body->out);
  g_assert_nonnull (strstr (from_file->out, "X-Amz-Content-Sha256"));
}

static void
test_usage_errors (void)
{
  g_autoptr(SignetTestCliRun) no_credentials = run_cli (NULL, NULL, "sign", API_URL, NULL);
  g_autoptr(SignetTestCliRun) bad_url = run_cli (vector_env, NULL, "sign", "not a url", NULL);
  g_autoptr(SignetTestCliRun) bad_date = run_cli (vector_env, NULL, "sign", "--date", "2026-11-25", API_URL, NULL);
  g_autoptr(SignetTestCliRun) bad_header = run_cli (vector_env, NULL, "sign", "-H", "NoColon", API_URL, NULL);
  g_autoptr(SignetTestCliRun) no_file = run_cli (vector_env, NULL, "sign", "--raw", "/nonexistent/request.txt", NULL);
  g_autoptr(SignetTestCliRun) no_body_file = run_cli (vector_env, NULL, "sign", "-d", "@/nonexistent/body", API_URL, NULL);
  g_autoptr(SignetTestCliRun) no_region = run_cli (vector_env, NULL, "sign", "https://api.example.com/pets", NULL);
  g_autoptr(SignetTestCliRun) bad_expires = run_cli (vector_env, NULL, "sign", "--query", "--expires", "604801", API_URL, NULL);
  g_autoptr(SignetTestCliRun) bad_format = run_cli (vector_env, NULL, "sign", "--format", "xml", API_URL, NULL);
  g_autoptr(SignetTestCliRun) signed_already = run_cli (vector_env, NULL, "sign", "-H", "Authorization: x", API_URL, NULL);
  g_autoptr(SignetTestCliRun) unknown_option = run_cli (vector_env, NULL, "sign", "--frobnicate", API_URL, NULL);
  g_autoptr(SignetTestCliRun) no_url = run_cli (vector_env, NULL, "sign", NULL);
  g_autoptr(SignetTestCliRun) unknown_command = run_cli (vector_env, NULL, "frobnicate", NULL);

  assert_usage_error (no_credentials, "AWS_ACCESS_KEY_ID");
  assert_usage_error (bad_url, "not an absolute URL");
  assert_usage_error (bad_date, "--date");
  assert_usage_error (bad_header, "NoColon");
  assert_usage_error (no_file, "/nonexistent/request.txt");
  assert_usage_error (no_body_file, "/nonexistent/body");
  assert_usage_error (no_region, "--region");
  assert_usage_error (bad_expires, "604800");
  assert_usage_error (bad_format, "xml");
  assert_usage_error (signed_already, "Authorization");
  assert_usage_error (unknown_option, "--frobnicate");
  assert_usage_error (no_url, "URL");
  assert_usage_error (unknown_command, "frobnicate");
}

/* A port nothing listens on: bound, then closed. */
static char *
closed_port_url (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_strdup_printf ("http://127.0.0.1:%u/test/pets",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

static void
test_send_errors (void)
{
  g_autofree char *url = closed_port_url ();
  g_autoptr(SignetTestCliRun) refused = run_cli (NULL, NULL, "send", url, NULL);
  g_autoptr(SignetTestCliRun) refused_signed = run_cli (vector_env, NULL, "send", "--region", "us-west-2",
                                              "--service", "execute-api", url, NULL);
  g_autoptr(SignetTestCliRun) with_date = run_cli (vector_env, NULL, "send", "--date", "20261125T000000Z", url, NULL);
  g_autoptr(SignetTestCliRun) no_scope = run_cli (vector_env, NULL, "send", url, NULL);
  g_autoptr(SignetTestCliRun) bad_timeout = run_cli (NULL, NULL, "send", "--timeout", "0", url, NULL);

  /* curl's exit status for a failed connection; unsigned is said, not hidden */
  g_assert_cmpint (refused->status, ==, 7);
  g_assert_nonnull (strstr (refused->err, "sending unsigned"));
  g_assert_nonnull (strstr (refused->err, "refused the connection"));
  g_assert_cmpint (refused_signed->status, ==, 7);
  g_assert_null (strstr (refused_signed->err, "unsigned"));
  assert_usage_error (with_date, "--date");
  assert_usage_error (no_scope, "--region");
  assert_usage_error (bad_timeout, "--timeout");
}

/* The seed's steps 2, 3 and 5: unsigned is refused, signed gets the pets. */
static void
test_send_fixture (void)
{
  g_autoptr(SignetTestFixture) fixture = signet_test_fixture_start (NULL);
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets?type=dog");
  const char *env[] = { "AWS_ACCESS_KEY_ID=" FIXTURE_TEMP_KEY, "AWS_SECRET_ACCESS_KEY=" FIXTURE_TEMP_SECRET,
                        "AWS_SESSION_TOKEN=" FIXTURE_TEMP_TOKEN, NULL };
  g_autoptr(SignetTestCliRun) unsigned_run = run_cli (NULL, NULL, "send", "--include", url, NULL);
  g_autoptr(SignetTestCliRun) unsigned_fail = run_cli (NULL, NULL, "send", "--fail", url, NULL);
  g_autoptr(SignetTestCliRun) no_sign = run_cli (env, NULL, "send", "--no-sign", "--fail", url, NULL);
  g_autoptr(SignetTestCliRun) signed_run = run_cli (env, NULL, "send", "--region", FIXTURE_REGION,
                                          "--service", FIXTURE_SERVICE, "--fail", "--verbose", url, NULL);
  g_autoptr(SignetTestCliRun) presigned = run_cli (env, NULL, "send", "--region", FIXTURE_REGION,
                                         "--service", FIXTURE_SERVICE, "--query", "--fail", url, NULL);

  g_assert_cmpint (unsigned_run->status, ==, 0);
  g_assert_true (g_str_has_prefix (unsigned_run->out, "HTTP/1.1 403 Forbidden\r\n"));
  g_assert_nonnull (strstr (unsigned_run->out, "x-amzn-ErrorType: MissingAuthenticationTokenException\r\n"));
  g_assert_true (g_str_has_suffix (unsigned_run->out, "{\"message\":\"Missing Authentication Token\"}"));
  g_assert_cmpint (unsigned_fail->status, ==, 22);
  g_assert_cmpint (no_sign->status, ==, 22);

  g_assert_cmpint (signed_run->status, ==, 0);
  g_assert_cmpstr (signed_run->out, ==, "[{\"id\":1,\"type\":\"dog\",\"price\":249.99}]");
  /* --verbose shows the workings, never the secret or the token */
  g_assert_nonnull (strstr (signed_run->err, "* Canonical request:\nGET\n/test/pets\ntype=dog\n"));
  g_assert_nonnull (strstr (signed_run->err, "* String to sign:\nAWS4-HMAC-SHA256\n"));
  g_assert_nonnull (strstr (signed_run->err, "< HTTP/1.1 200 OK"));
  g_assert_null (strstr (signed_run->err, FIXTURE_TEMP_SECRET));
  g_assert_null (strstr (signed_run->err, FIXTURE_TEMP_TOKEN));
  g_assert_null (strstr (signed_run->err, "signet-session-token"));

  g_assert_cmpint (presigned->status, ==, 0);
  g_assert_cmpstr (presigned->out, ==, signed_run->out);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/cli/sign/raw-vector", test_sign_raw_vector);
  g_test_add_func ("/signet/cli/sign/raw-stdin", test_sign_raw_stdin);
  g_test_add_func ("/signet/cli/sign/json-url", test_sign_json_url);
  g_test_add_func ("/signet/cli/sign/presigned", test_sign_presigned);
  g_test_add_func ("/signet/cli/sign/body-from-file", test_sign_body_from_file);
  g_test_add_func ("/signet/cli/sign/usage-errors", test_usage_errors);
  g_test_add_func ("/signet/cli/send/errors", test_send_errors);
  g_test_add_func ("/signet/cli/send/fixture", test_send_fixture);

  return g_test_run ();
}
