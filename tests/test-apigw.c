/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-client.h"
#include "signet-test-async.h"
#include "signet-test-files.h"
#include "signet-test-fixture.h"

/* SignetClient against the API Gateway fixture, whose verdicts come from
 * botocore: what Signet signs and sends must be what AWS would accept. */

typedef struct
{
  SignetTestFixture *fixture;
  SignetClient      *client;
  SignetExchange    *exchange;
  GError            *error;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *redirect_options[] = { "--redirect-to", data, NULL };

  fixture->fixture = signet_test_fixture_start (data ? redirect_options : NULL);
  fixture->client = signet_client_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  signet_test_fixture_stop (fixture->fixture);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->exchange, signet_exchange_free);
  g_clear_error (&fixture->error);
}

static SignetAwsAuth *
auth_for (const char *key,
          const char *secret,
          const char *token)
{
  SignetAwsAuth *auth = signet_aws_auth_new (key, secret, token);

  auth->region = g_strdup (FIXTURE_REGION);
  auth->service = g_strdup (FIXTURE_SERVICE);
  return auth;
}

static void
send (Fixture             *fixture,
      const char          *method,
      const char          *path_and_query,
      const char          *json_body,
      const SignetAwsAuth *auth)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, path_and_query);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request = signet_wire_request_new_for_url (method, url, &error);
  g_autoptr(GAsyncResult) sent = NULL;

  g_assert_no_error (error);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));

      signet_wire_request_add_header (request, "Content-Type", "application/json");
      signet_wire_request_set_body (request, body);
    }
  g_clear_pointer (&fixture->exchange, signet_exchange_free);
  signet_client_send_async (fixture->client, request, auth, NULL, signet_test_store_result_cb, &sent);
  fixture->exchange = signet_client_send_finish (fixture->client, signet_test_wait_for_result (&sent),
                                                 &fixture->error);
  g_assert_no_error (fixture->error);
}

static char *
body_text (const SignetExchange *exchange)
{
  return g_strndup (g_bytes_get_data (exchange->body, NULL), g_bytes_get_size (exchange->body));
}

static void
assert_refused (const SignetExchange *exchange,
                const char           *error_type)
{
  g_assert_cmpuint (exchange->status, ==, 403);
  g_assert_cmpstr (signet_exchange_get_header (exchange, "x-amzn-ErrorType"), ==, error_type);
}

static void
assert_accepted (const SignetExchange *exchange)
{
  g_autofree char *body = body_text (exchange);

  if (exchange->status != 200)
    g_test_message ("refused: %s", body);
  g_assert_cmpuint (exchange->status, ==, 200);
}

static void
test_unsigned_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *body = NULL;

  send (fixture, "GET", "/pets", NULL, NULL);
  assert_refused (fixture->exchange, "MissingAuthenticationTokenException");
  body = body_text (fixture->exchange);
  g_assert_cmpstr (body, ==, "{\"message\":\"Missing Authentication Token\"}");
}

static void
test_signed_accepted (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autofree char *body = NULL;

  send (fixture, "GET", "/pets", NULL, auth);
  assert_accepted (fixture->exchange);
  body = body_text (fixture->exchange);
  g_assert_nonnull (strstr (body, "\"type\":\"dog\""));
}

/* What people type: raw spaces and unicode, repeated and bare keys, '+'. */
static void
test_encodings_accepted (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *body = NULL;
  JsonObject *echo;

  send (fixture, "GET", "/echo/hello world/Zoë/a%2Fb/100%25?q=hello world&pet=Zoë&a=2&a=1&flag&plus=a+b",
        NULL, auth);
  assert_accepted (fixture->exchange);
  body = body_text (fixture->exchange);
  echo = signet_test_parse_object (parser, body);
  g_assert_cmpstr (json_object_get_string_member (echo, "raw_query"), ==,
                   "q=hello%20world&pet=Zo%C3%AB&a=2&a=1&flag&plus=a+b");
}

static void
test_post_json_accepted (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autofree char *body = NULL;

  send (fixture, "POST", "/pets", "{\"type\":\"bird\",\"price\":9.5}", auth);
  assert_accepted (fixture->exchange);
  body = body_text (fixture->exchange);
  g_assert_nonnull (strstr (body, "\"message\""));
  g_assert_nonnull (strstr (body, "success"));
}

static void
test_session_token_accepted (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) with_token = auth_for (FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET, FIXTURE_TEMP_TOKEN);
  g_autoptr(SignetAwsAuth) without_token = auth_for (FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET, NULL);

  send (fixture, "GET", "/pets/1", NULL, with_token);
  assert_accepted (fixture->exchange);
  send (fixture, "GET", "/pets/1", NULL, without_token);
  assert_refused (fixture->exchange, "UnrecognizedClientException");
}

static void
test_presigned_accepted (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET, FIXTURE_TEMP_TOKEN);

  auth->location = SIGNET_SIGV4_LOCATION_QUERY;
  send (fixture, "GET", "/pets?type=dog&name=Rex the dog", NULL, auth);
  assert_accepted (fixture->exchange);
  g_assert_null (signet_wire_request_get_header (fixture->exchange->sent, "Authorization"));
  g_assert_nonnull (strstr (fixture->exchange->sent->query, "X-Amz-Signature="));
}

static void
test_wrong_secret_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, "not-the-secret", NULL);
  g_autofree char *body = NULL;

  send (fixture, "GET", "/pets", NULL, auth);
  assert_refused (fixture->exchange, "InvalidSignatureException");
  body = body_text (fixture->exchange);
  /* AWS's own canonical request equals ours: only the key was wrong */
  g_assert_nonnull (strstr (body, "The request signature we calculated does not match"));
}

static void
test_wrong_region_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, FIXTURE_SECRET, NULL);

  g_free (auth->region);
  auth->region = g_strdup ("eu-west-1");
  send (fixture, "GET", "/pets", NULL, auth);
  assert_refused (fixture->exchange, "InvalidSignatureException");
}

static void
test_denied_user_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_DENIED_KEY, FIXTURE_DENIED_SECRET, NULL);

  send (fixture, "GET", "/pets", NULL, auth);
  assert_refused (fixture->exchange, "AccessDeniedException");
}

static void
test_same_origin_redirect (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, FIXTURE_SECRET, NULL);

  send (fixture, "GET", "/redirect-same", NULL, auth);
  assert_accepted (fixture->exchange);
  g_assert_cmpuint (fixture->exchange->n_redirects, ==, 1);
  g_assert_cmpstr (fixture->exchange->sent->path, ==, "/test/pets");
}

static guint
count_log_lines_with (SignetTestFixture *test_fixture,
                      const char        *text)
{
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  g_assert_true (g_file_get_contents (test_fixture->log_path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    count += strstr (lines[i], text) != NULL;

  return count;
}

static void
test_cross_origin_redirect (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = auth_for (FIXTURE_KEY, FIXTURE_SECRET, NULL);

  send (fixture, "GET", "/redirect", NULL, auth);
  g_assert_cmpuint (fixture->exchange->status, ==, 302);
  g_assert_true (g_str_has_prefix (fixture->exchange->blocked_redirect, "http://localhost:"));
  /* the other origin (same server, other host name) never saw a request */
  g_assert_cmpuint (count_log_lines_with (fixture->fixture, "\"/test/redirect\""), ==, 1);
  g_assert_cmpuint (count_log_lines_with (fixture->fixture, "/test/echo"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/signet/apigw/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("unsigned-refused", test_unsigned_refused, NULL);
  ADD ("signed-accepted", test_signed_accepted, NULL);
  ADD ("encodings-accepted", test_encodings_accepted, NULL);
  ADD ("post-json-accepted", test_post_json_accepted, NULL);
  ADD ("session-token", test_session_token_accepted, NULL);
  ADD ("presigned-accepted", test_presigned_accepted, NULL);
  ADD ("wrong-secret-refused", test_wrong_secret_refused, NULL);
  ADD ("wrong-region-refused", test_wrong_region_refused, NULL);
  ADD ("denied-user-refused", test_denied_user_refused, NULL);
  ADD ("redirect/same-origin", test_same_origin_redirect, NULL);
  ADD ("redirect/cross-origin", test_cross_origin_redirect, "http://localhost:{port}/test/echo");

#undef ADD

  return g_test_run ();
}
