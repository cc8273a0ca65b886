/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-client.h"
#include "signet-explain.h"
#include "signet-test-async.h"
#include "signet-test-fixture.h"
#include "signet-test-signing.h"

/* The explainer on real answers from the API Gateway fixture: every case
 * of design.md §6, each explanation specific to the request, none with a
 * secret, token or signature in it. */

#define FIXTURE_EXPIRED_KEY    "ASIASIGNETEXPIRED004"
#define FIXTURE_EXPIRED_SECRET "signet-expired-secret-key/+=0004"
#define FIXTURE_EXPIRED_TOKEN  "signet-expired-session-token/+=0004"
#define UNKNOWN_KEY            "AKIAUNKNOWNSIGNET999"
#define WRONG_SECRET           "not-the-right-secret/+=9999"

typedef struct
{
  SignetTestFixture *fixture;
  SignetClient      *client;
  SignetExchange    *exchange;
  GDateTime         *sent_at;
  SignetExplanation *explanation;
  const char        *secrets[4];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->fixture = signet_test_fixture_start (data);
  fixture->client = signet_client_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  signet_test_fixture_stop (fixture->fixture);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->exchange, signet_exchange_free);
  g_clear_pointer (&fixture->sent_at, g_date_time_unref);
  g_clear_pointer (&fixture->explanation, signet_explanation_free);
}

static SignetAwsAuth *
auth_for (Fixture    *fixture,
          const char *key,
          const char *secret,
          const char *token)
{
  SignetAwsAuth *auth = signet_aws_auth_new (key, secret, token);

  auth->region = g_strdup (FIXTURE_REGION);
  auth->service = g_strdup (FIXTURE_SERVICE);
  fixture->secrets[0] = secret;
  fixture->secrets[1] = token;
  return auth;
}

static SignetWireRequest *
request_for (Fixture    *fixture,
             const char *method,
             const char *path)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, path);
  g_autoptr(GError) error = NULL;
  SignetWireRequest *request = signet_wire_request_new_for_url (method, url, &error);

  g_assert_no_error (error);
  return request;
}

static void
send_wire (Fixture                 *fixture,
           const SignetWireRequest *request,
           const SignetAwsAuth     *auth)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fixture->sent_at, g_date_time_unref);
  fixture->sent_at = g_date_time_new_now_utc ();
  signet_client_send_async (fixture->client, request, auth, NULL, signet_test_store_result_cb, &result);
  fixture->exchange = signet_client_send_finish (fixture->client, signet_test_wait_for_result (&result),
                                                 &error);
  g_assert_no_error (error);
}

/* What an explanation may show: no secret, token or signature, anywhere. */
static void
assert_no_secrets (Fixture *fixture)
{
  const SignetExplanation *e = fixture->explanation;
  g_autofree char *text = signet_explanation_to_text (e);
  const char *fields[] = {
    text, e->message, e->aws_canonical_request, e->aws_string_to_sign,
    e->signet_canonical_request, e->signet_string_to_sign, e->policy_json,
  };
  const char *signature = fixture->exchange->signing ? fixture->exchange->signing->signature : NULL;
  const char *authorization = signet_wire_request_get_header (fixture->exchange->sent, "Authorization");
  const char *sent_signature = authorization ? strstr (authorization, "Signature=") : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (fixture->secrets); j++)
        if (fixture->secrets[j] != NULL)
          g_assert_null (strstr (fields[i], fixture->secrets[j]));
      if (signature != NULL)
        g_assert_null (strstr (fields[i], signature));
      if (sent_signature != NULL)
        g_assert_null (strstr (fields[i], sent_signature + strlen ("Signature=")));
    }
}

static void
explain (Fixture               *fixture,
         SignetExplanationKind  kind)
{
  g_clear_pointer (&fixture->explanation, signet_explanation_free);
  fixture->explanation = signet_explain (fixture->exchange, fixture->sent_at);
  if (fixture->explanation->title != NULL)
    g_test_message ("%s: %s", fixture->explanation->title, fixture->explanation->details);
  g_assert_cmpstr (signet_explanation_kind_to_nick (fixture->explanation->kind), ==,
                   signet_explanation_kind_to_nick (kind));
  g_assert_cmpint (signet_explain_kind (fixture->exchange), ==, kind);
  g_assert_true (signet_explanation_kind_is_refusal (kind) ==
                 (kind >= SIGNET_EXPLANATION_MISSING_TOKEN));
  if (kind != SIGNET_EXPLANATION_NONE)
    {
      g_assert_nonnull (fixture->explanation->title);
      g_assert_nonnull (fixture->explanation->details);
    }
  assert_no_secrets (fixture);
}

static void
send_signed (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *key,
             const char *secret,
             const char *token)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, method, path);
  g_autoptr(SignetAwsAuth) auth = auth_for (fixture, key, secret, token);

  send_wire (fixture, request, auth);
}

static void
test_accepted_is_none (Fixture       *fixture,
                       gconstpointer  data)
{
  send_signed (fixture, "GET", "/pets", FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_assert_cmpuint (fixture->exchange->status, ==, 200);
  explain (fixture, SIGNET_EXPLANATION_NONE);
  g_assert_null (fixture->explanation->title);

  /* A 404 with a message of the API's own is not an auth answer either. */
  g_clear_pointer (&fixture->exchange, signet_exchange_free);
  send_signed (fixture, "GET", "/pets/99", FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_assert_cmpuint (fixture->exchange->status, ==, 404);
  explain (fixture, SIGNET_EXPLANATION_NONE);
}

static void
test_unsigned (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, "GET", "/pets");

  send_wire (fixture, request, NULL);
  explain (fixture, SIGNET_EXPLANATION_MISSING_TOKEN);
  g_assert_false (fixture->explanation->was_signed);
  g_assert_cmpstr (fixture->explanation->stage, ==, "test");
  g_assert_cmpstr (fixture->explanation->resource_path, ==, "/pets");
  g_assert_nonnull (strstr (fixture->explanation->details, "not signed"));
  g_assert_nonnull (strstr (fixture->explanation->details, "stage “test”, resource “/pets”"));
}

/* Signed, but no such resource: the same answer, another explanation. */
static void
test_signed_unknown_path (Fixture       *fixture,
                          gconstpointer  data)
{
  send_signed (fixture, "GET", "/no-such-resource", FIXTURE_KEY, FIXTURE_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_MISSING_TOKEN);
  g_assert_true (fixture->explanation->was_signed);
  g_assert_cmpstr (fixture->explanation->resource_path, ==, "/no-such-resource");
  g_assert_nonnull (strstr (fixture->explanation->details, "was signed"));
}

/* AWS echoes a malformed Authorization header: its signature must not. */
static void
test_malformed_authorization (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, "GET", "/pets");

  signet_wire_request_add_header (request, "X-Amz-Date", "20260101T000000Z");
  signet_wire_request_add_header (request, "Authorization",
                                  "AWS4-HMAC-SHA256 Credential=" FIXTURE_KEY
                                  "/20260101/us-west-2/execute-api/aws4_request, "
                                  "Signature=0badc0ffee0badc0ffee");
  send_wire (fixture, request, NULL);
  explain (fixture, SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE);
  g_assert_cmpstr (fixture->explanation->error_type, ==, "IncompleteSignatureException");
  g_assert_nonnull (strstr (fixture->explanation->message, "requires 'SignedHeaders'"));
  g_assert_nonnull (strstr (fixture->explanation->message, "Credential=" FIXTURE_KEY));
  g_assert_null (strstr (fixture->explanation->message, "0badc0ffee"));
  g_assert_cmpstr (fixture->explanation->access_key_id, ==, FIXTURE_KEY);
}

static void
test_wrong_secret (Fixture       *fixture,
                   gconstpointer  data)
{
  const SignetExplanation *e;

  send_signed (fixture, "GET", "/pets?type=dog", FIXTURE_KEY, WRONG_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  e = fixture->explanation;
  /* Only the secret was wrong: AWS read what Signet signed. */
  g_assert_cmpstr (e->aws_canonical_request, ==, e->signet_canonical_request);
  g_assert_cmpstr (e->aws_string_to_sign, ==, e->signet_string_to_sign);
  g_assert_nonnull (strstr (e->aws_canonical_request, "GET\n/test/pets\ntype=dog\n"));
  g_assert_cmpuint (signet_diff_lines_count_changed (e->canonical_request_diff), ==, 0);
  g_assert_cmpuint (signet_diff_lines_count_changed (e->string_to_sign_diff), ==, 0);
  g_assert_nonnull (strstr (e->details, "secret access key does not belong"));
  g_assert_nonnull (strstr (e->details, FIXTURE_KEY));
  g_assert_null (strstr (e->message, "Canonical String"));
}

/* A signed header changed after signing: the marked lines say which. */
static void
test_changed_after_signing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, "GET", "/pets");
  g_autoptr(SignetAwsAuth) auth = auth_for (fixture, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autoptr(SignetSigv4Result) signing = NULL;
  g_autoptr(SignetWireRequest) signed_request = signet_test_sign_then_change (auth, request, &signing);
  g_autofree char *diff = NULL;
  const SignetExplanation *e;

  send_wire (fixture, signed_request, NULL);
  /* Sent as it was after a proxy's change; what Signet had signed goes with it. */
  fixture->exchange->signing = g_steal_pointer (&signing);

  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  e = fixture->explanation;
  g_assert_cmpuint (signet_diff_lines_count_changed (e->canonical_request_diff), ==, 2);
  diff = signet_diff_lines_to_text (e->canonical_request_diff);
  g_assert_nonnull (strstr (diff, "- x-signet-note:signed value\n+ x-signet-note:changed value\n"));
  g_assert_nonnull (strstr (diff, "  GET\n  /test/pets\n"));
  g_assert_cmpuint (signet_diff_lines_count_changed (e->string_to_sign_diff), ==, 2);
  g_assert_nonnull (strstr (e->details, "marked lines"));
}

/* AWS's canonical string carries the session token: never shown. */
static void
test_mismatch_hides_session_token (Fixture       *fixture,
                                   gconstpointer  data)
{
  fixture->secrets[2] = FIXTURE_TEMP_TOKEN;
  send_signed (fixture, "GET", "/pets", FIXTURE_TEMP_KEY, WRONG_SECRET, FIXTURE_TEMP_TOKEN);
  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  g_assert_nonnull (strstr (fixture->explanation->aws_canonical_request,
                            "x-amz-security-token:[redacted]"));
  g_assert_cmpstr (fixture->explanation->aws_canonical_request, ==,
                   fixture->explanation->signet_canonical_request);
}

static void
test_clock_behind (Fixture       *fixture,
                   gconstpointer  data)
{
  send_signed (fixture, "GET", "/pets", FIXTURE_KEY, FIXTURE_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_EXPIRED);
  g_assert_true (fixture->explanation->has_clock_skew);
  /* The fixture's clock runs 900 s ahead; the Date header has whole seconds. */
  g_assert_cmpint (fixture->explanation->clock_skew_seconds, >=, 898);
  g_assert_cmpint (fixture->explanation->clock_skew_seconds, <=, 902);
  g_assert_nonnull (strstr (fixture->explanation->details, "seconds behind the server's"));
}

static void
test_clock_ahead (Fixture       *fixture,
                  gconstpointer  data)
{
  send_signed (fixture, "GET", "/pets", FIXTURE_KEY, FIXTURE_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT);
  g_assert_cmpint (fixture->explanation->clock_skew_seconds, >=, -902);
  g_assert_cmpint (fixture->explanation->clock_skew_seconds, <=, -898);
  g_assert_nonnull (strstr (fixture->explanation->details, "seconds ahead of the server's"));

  /* Without the local time, the time the request was signed with serves. */
  g_clear_pointer (&fixture->sent_at, g_date_time_unref);
  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT);
  g_assert_true (fixture->explanation->has_clock_skew);
  g_assert_cmpint (fixture->explanation->clock_skew_seconds, <=, -898);
}

/* A presigned URL past its X-Amz-Expires: not a clock to set right. */
static void
test_presigned_expired (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, "GET", "/pets");
  g_autoptr(SignetAwsAuth) auth = auth_for (fixture, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) an_hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(SignetSigv4Result) signing = NULL;
  g_autoptr(SignetWireRequest) presigned = NULL;
  g_autoptr(GError) error = NULL;

  auth->location = SIGNET_SIGV4_LOCATION_QUERY;
  auth->expires = 60;
  signing = signet_aws_auth_sign (auth, request, an_hour_ago, NULL, &error);
  g_assert_no_error (error);
  presigned = signet_sigv4_result_apply (signing, request);
  send_wire (fixture, presigned, NULL);
  explain (fixture, SIGNET_EXPLANATION_SIGNATURE_EXPIRED);
  g_assert_true (fixture->explanation->was_signed);
  g_assert_nonnull (strstr (fixture->explanation->details, "presigned URL has expired"));
}

static const SignetExplanationFix *
only_fix (const SignetExplanation *explanation)
{
  g_assert_cmpuint (explanation->fixes->len, ==, 1);
  return &g_array_index (explanation->fixes, SignetExplanationFix, 0);
}

static void
test_wrong_region (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, "GET", "/pets");
  g_autoptr(SignetAwsAuth) auth = auth_for (fixture, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  const SignetExplanationFix *fix;

  g_free (auth->region);
  auth->region = g_strdup ("eu-west-1");
  send_wire (fixture, request, auth);
  explain (fixture, SIGNET_EXPLANATION_WRONG_REGION);
  fix = only_fix (fixture->explanation);
  g_assert_cmpstr (fix->field, ==, "region");
  g_assert_cmpstr (fix->wrong_value, ==, "eu-west-1");
  /* 127.0.0.1 names no region; AWS's message does not either. */
  g_assert_null (fix->value);
  g_assert_nonnull (strstr (fixture->explanation->details, "invoke URL"));

  /* Sent to an invoke URL, the host names the right region. */
  g_free (fixture->exchange->sent->authority);
  fixture->exchange->sent->authority = g_strdup ("a1b2c3d4e5.execute-api.us-west-2.amazonaws.com");
  explain (fixture, SIGNET_EXPLANATION_WRONG_REGION);
  fix = only_fix (fixture->explanation);
  g_assert_cmpstr (fix->value, ==, "us-west-2");
  g_assert_nonnull (strstr (fixture->explanation->details, "sign for “us-west-2”"));
}

static void
test_wrong_service (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for (fixture, "GET", "/pets");
  g_autoptr(SignetAwsAuth) auth = auth_for (fixture, FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autofree char *text = NULL;
  const SignetExplanationFix *fix;

  g_free (auth->service);
  auth->service = g_strdup ("lambda");
  send_wire (fixture, request, auth);
  explain (fixture, SIGNET_EXPLANATION_WRONG_SERVICE);
  fix = only_fix (fixture->explanation);
  g_assert_cmpstr (fix->field, ==, "service");
  g_assert_cmpstr (fix->value, ==, "execute-api");
  g_assert_cmpstr (fix->wrong_value, ==, "lambda");
  text = signet_explanation_to_text (fixture->explanation);
  g_assert_nonnull (strstr (text, "Fix: set the service to “execute-api”"));
}

static void
test_unknown_key (Fixture       *fixture,
                  gconstpointer  data)
{
  send_signed (fixture, "GET", "/pets", UNKNOWN_KEY, FIXTURE_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_INVALID_TOKEN);
  g_assert_cmpstr (fixture->explanation->access_key_id, ==, UNKNOWN_KEY);
  g_assert_nonnull (strstr (fixture->explanation->details, "“" UNKNOWN_KEY "”"));
}

static void
test_bad_session_token (Fixture       *fixture,
                        gconstpointer  data)
{
  fixture->secrets[2] = "not-the-token";
  send_signed (fixture, "GET", "/pets", FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET, "not-the-token");
  explain (fixture, SIGNET_EXPLANATION_INVALID_TOKEN);
  g_assert_cmpstr (fixture->explanation->access_key_id, ==, FIXTURE_TEMP_KEY);
}

static void
test_expired_token (Fixture       *fixture,
                    gconstpointer  data)
{
  send_signed (fixture, "GET", "/pets", FIXTURE_EXPIRED_KEY, FIXTURE_EXPIRED_SECRET,
               FIXTURE_EXPIRED_TOKEN);
  explain (fixture, SIGNET_EXPLANATION_EXPIRED_TOKEN);
  g_assert_nonnull (strstr (fixture->explanation->details, FIXTURE_EXPIRED_KEY));
}

static void
test_access_denied (Fixture       *fixture,
                    gconstpointer  data)
{
  const SignetExplanation *e;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *statement;

  send_signed (fixture, "POST", "/pets", FIXTURE_DENIED_KEY, FIXTURE_DENIED_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_ACCESS_DENIED);
  e = fixture->explanation;
  g_assert_cmpstr (e->caller_arn, ==, "arn:aws:iam::123456789012:user/petstore-denied");
  g_assert_cmpstr (e->action, ==, "execute-api:Invoke");
  g_assert_cmpstr (e->resource_arn, ==,
                   "arn:aws:execute-api:us-west-2:123456789012:s1gn3tapi0/test/POST/pets");
  g_assert_nonnull (strstr (e->details, "AmazonAPIGatewayInvokeFullAccess"));

  json_parser_load_from_data (parser, e->policy_json, -1, &error);
  g_assert_no_error (error);
  statement = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "Statement"), 0);
  g_assert_cmpstr (json_object_get_string_member (statement, "Effect"), ==, "Allow");
  g_assert_cmpstr (json_object_get_string_member (statement, "Action"), ==, "execute-api:Invoke");
  g_assert_cmpstr (json_object_get_string_member (statement, "Resource"), ==, e->resource_arn);
}

static void
test_explicit_deny (Fixture       *fixture,
                    gconstpointer  data)
{
  const SignetExplanation *e;

  send_signed (fixture, "GET", "/pets", FIXTURE_KEY, FIXTURE_SECRET, NULL);
  explain (fixture, SIGNET_EXPLANATION_EXPLICIT_DENY);
  e = fixture->explanation;
  g_assert_cmpstr (e->caller_arn, ==, "arn:aws:iam::123456789012:user/petstore-tester");
  g_assert_null (e->policy_json);
  for (guint i = 0; i < 4; i++)
    {
      const char *places[] = { "permissions boundary", "service control policies",
                               "resource policy", "identity's policies" };

      g_assert_nonnull (strstr (e->details, places[i]));
    }
}

/* AWS's internal suffix on the error type does not get in the way. */
static void
test_error_type_suffix (Fixture       *fixture,
                        gconstpointer  data)
{
  send_signed (fixture, "GET", "/pets", UNKNOWN_KEY, FIXTURE_SECRET, NULL);
  g_assert_true (g_str_has_prefix (signet_exchange_get_header (fixture->exchange, "x-amzn-ErrorType"),
                                   "UnrecognizedClientException:http://internal.amazon.com/"));
  explain (fixture, SIGNET_EXPLANATION_INVALID_TOKEN);
  g_assert_cmpstr (fixture->explanation->error_type, ==, "UnrecognizedClientException");
}

static void
test_diff_lines (void)
{
  g_autoptr(GArray) diff = signet_diff_lines ("a\nb\nc\nd", "a\nc\nx\nd");
  g_autofree char *text = signet_diff_lines_to_text (diff);

  g_assert_cmpstr (text, ==, "  a\n- b\n  c\n+ x\n  d\n");
  g_assert_cmpuint (signet_diff_lines_count_changed (diff), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  static const char *skew_ahead[] = { "--clock-skew", "900", NULL };
  static const char *skew_behind[] = { "--clock-skew", "-900", NULL };
  static const char *explicit_deny[] = { "--explicit-deny", FIXTURE_KEY, NULL };
  static const char *suffix[] = { "--error-type-suffix", NULL };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/signet/explain/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/signet/explain/diff-lines", test_diff_lines);
  ADD ("accepted-is-none", test_accepted_is_none, NULL);
  ADD ("unsigned", test_unsigned, NULL);
  ADD ("signed-unknown-path", test_signed_unknown_path, NULL);
  ADD ("malformed-authorization", test_malformed_authorization, NULL);
  ADD ("wrong-secret", test_wrong_secret, NULL);
  ADD ("changed-after-signing", test_changed_after_signing, NULL);
  ADD ("mismatch-hides-session-token", test_mismatch_hides_session_token, NULL);
  ADD ("clock-behind", test_clock_behind, skew_ahead);
  ADD ("clock-ahead", test_clock_ahead, skew_behind);
  ADD ("presigned-expired", test_presigned_expired, NULL);
  ADD ("wrong-region", test_wrong_region, NULL);
  ADD ("wrong-service", test_wrong_service, NULL);
  ADD ("unknown-key", test_unknown_key, NULL);
  ADD ("bad-session-token", test_bad_session_token, NULL);
  ADD ("expired-token", test_expired_token, NULL);
  ADD ("access-denied", test_access_denied, NULL);
  ADD ("explicit-deny", test_explicit_deny, explicit_deny);
  ADD ("error-type-suffix", test_error_type_suffix, suffix);

#undef ADD

  return g_test_run ();
}
