/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-error.h"
#include "signet-request-json.h"

#define APIGW_URL "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets"

static void
append_row (GListModel *model,
            const char *name,
            const char *value,
            gboolean    enabled)
{
  g_autoptr(SignetRequestRow) row = signet_request_row_new (name, value);

  signet_request_row_set_enabled (row, enabled);
  g_list_store_append (G_LIST_STORE (model), row);
}

static SignetRequest *
make_request (void)
{
  SignetRequest *request = signet_request_new ();

  signet_request_set_method (request, "POST");
  signet_request_set_url (request, APIGW_URL "?b=2&a=%20x&flag");
  /* A switched-off param between the others. */
  {
    g_autoptr(SignetRequestRow) off = signet_request_row_new ("off", "v");

    signet_request_row_set_enabled (off, FALSE);
    g_list_store_insert (G_LIST_STORE (signet_request_get_params (request)), 1, off);
  }
  append_row (signet_request_get_headers (request), "Accept", "application/json", TRUE);
  append_row (signet_request_get_headers (request), "X-Off", "1", FALSE);
  signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
  signet_request_set_body_text (request, "{\"name\": \"Rex ü\"}\n");
  append_row (signet_request_get_form_fields (request), "f", "v", TRUE);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, "AKIDEXAMPLE");
  signet_request_set_region (request, "us-west-2");
  signet_request_set_service (request, "execute-api");
  signet_request_set_sign_in_query (request, TRUE);
  signet_request_set_credential_name (request, "test-user");
  return request;
}

static void
assert_rows_equal (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(SignetRequestRow) ra = g_list_model_get_item (a, i);
      g_autoptr(SignetRequestRow) rb = g_list_model_get_item (b, i);

      g_assert_cmpstr (signet_request_row_get_name (ra), ==, signet_request_row_get_name (rb));
      g_assert_cmpstr (signet_request_row_get_value (ra), ==, signet_request_row_get_value (rb));
      g_assert_cmpint (signet_request_row_get_enabled (ra), ==, signet_request_row_get_enabled (rb));
      g_assert_cmpint (signet_request_row_get_has_value (ra), ==, signet_request_row_get_has_value (rb));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(SignetRequest) request = make_request ();
  g_autofree char *text = signet_request_to_json (request, "Create pet");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(SignetRequest) loaded = signet_request_from_json (text, -1, &name, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Create pet");
  g_assert_cmpstr (signet_request_get_method (loaded), ==, "POST");
  g_assert_cmpstr (signet_request_get_url (loaded), ==, signet_request_get_url (request));
  assert_rows_equal (signet_request_get_params (loaded), signet_request_get_params (request));
  assert_rows_equal (signet_request_get_headers (loaded), signet_request_get_headers (request));
  assert_rows_equal (signet_request_get_form_fields (loaded), signet_request_get_form_fields (request));
  g_assert_cmpint (signet_request_get_body_kind (loaded), ==, SIGNET_BODY_KIND_JSON);
  g_assert_cmpstr (signet_request_get_body_text (loaded), ==, signet_request_get_body_text (request));
  g_assert_cmpint (signet_request_get_auth_kind (loaded), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpstr (signet_request_get_access_key_id (loaded), ==, "AKIDEXAMPLE");
  g_assert_cmpstr (signet_request_get_region (loaded), ==, "us-west-2");
  g_assert_cmpstr (signet_request_get_service (loaded), ==, "execute-api");
  g_assert_true (signet_request_get_sign_in_query (loaded));
  g_assert_cmpstr (signet_request_get_credential_name (loaded), ==, "test-user");
  g_assert_false (signet_request_get_modified (loaded));

  /* Same request, same bytes. */
  again = signet_request_to_json (loaded, name);
  g_assert_cmpstr (again, ==, text);
}

static void
test_stable_layout (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autofree char *text = NULL;

  signet_request_set_url (request, "https://example.com/?a=1");
  text = signet_request_to_json (request, "Empty");
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"version\" : 1,\n"
                   "  \"name\" : \"Empty\",\n"
                   "  \"method\" : \"GET\",\n"
                   "  \"url\" : \"https://example.com/?a=1\",\n"
                   "  \"disabledParams\" : [],\n"
                   "  \"headers\" : [],\n"
                   "  \"body\" : {\n"
                   "    \"kind\" : \"none\",\n"
                   "    \"text\" : \"\",\n"
                   "    \"form\" : []\n"
                   "  },\n"
                   "  \"auth\" : {\n"
                   "    \"kind\" : \"none\",\n"
                   "    \"credentialName\" : \"\",\n"
                   "    \"accessKeyId\" : \"\",\n"
                   "    \"region\" : \"\",\n"
                   "    \"service\" : \"execute-api\",\n"
                   "    \"signInQuery\" : false\n"
                   "  }\n"
                   "}\n");
}

static void
test_no_secret_headers (void)
{
  g_autoptr(SignetRequest) request = make_request ();
  g_autofree char *text = NULL;

  append_row (signet_request_get_headers (request), "Authorization", "AWS4-HMAC-SHA256 sig", TRUE);
  append_row (signet_request_get_headers (request), "x-amz-security-token", "SESSIONTOKEN", TRUE);
  text = signet_request_to_json (request, "x");
  g_assert_null (strstr (text, "AWS4-HMAC-SHA256"));
  g_assert_null (strstr (text, "SESSIONTOKEN"));
  g_assert_null (strstr (text, "ecret"));
  g_assert_null (strstr (text, "oken"));
}

/* What `signet-cli run` reads: key references (never keys) and the
 * expected status, written only when set. */
static void
test_run_fields (void)
{
  g_autoptr(SignetRequest) request = make_request ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(SignetRequest) loaded = NULL;
  g_autoptr(GError) error = NULL;

  signet_request_set_key_ref (request, "{{secretKey}}");
  signet_request_set_session_ref (request, "{{ sessionToken }}");
  signet_request_set_expected_status (request, 403);
  text = signet_request_to_json (request, "Refused");
  g_assert_nonnull (strstr (text, "    \"keyRef\" : \"{{secretKey}}\",\n"
                                  "    \"sessionRef\" : \"{{ sessionToken }}\"\n  },\n"
                                  "  \"expect\" : {\n    \"status\" : 403\n  }\n}\n"));

  loaded = signet_request_from_json (text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_request_get_key_ref (loaded), ==, "{{secretKey}}");
  g_assert_cmpstr (signet_request_get_session_ref (loaded), ==, "{{ sessionToken }}");
  g_assert_cmpuint (signet_request_get_expected_status (loaded), ==, 403);
  again = signet_request_to_json (loaded, "Refused");
  g_assert_cmpstr (again, ==, text);
}

static void
assert_invalid (const char *text,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetRequest) request = signet_request_from_json (text, -1, NULL, &error);

  g_assert_null (request);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message_part);
}

static void
test_invalid (void)
{
  assert_invalid ("", "JSON");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"", "JSON");
  assert_invalid ("[1, 2]", "object");
  assert_invalid ("{\"name\": \"x\"}", "version");
  assert_invalid ("{\"version\": 2, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\"}", "version 2");
  assert_invalid ("{\"version\": 1, \"method\": \"GET\", \"url\": \"\"}", "“name”");
  assert_invalid ("{\"version\": 1, \"name\": 3, \"method\": \"GET\", \"url\": \"\"}", "“name” must be a string");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"headers\": {}}", "“headers” must be a list");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"headers\": [{\"name\": \"a\", \"enabled\": \"yes\"}]}", "headers[0].enabled");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"auth\": {\"kind\": \"basic\"}}", "auth.kind");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"body\": {\"form\": [1]}}", "body.form[0]");
  /* a key typed where its reference goes is refused, not read */
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"auth\": {\"keyRef\": \"wJalrXUtnFEMI\"}}", "auth.keyRef");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"auth\": {\"sessionRef\": \"{{a}}{{b}}\"}}", "auth.sessionRef");
  assert_invalid ("{\"version\": 1, \"name\": \"x\", \"method\": \"GET\", \"url\": \"\", "
                  "\"expect\": {\"status\": 42}}", "expect.status");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/request-json/round-trip", test_round_trip);
  g_test_add_func ("/signet/request-json/stable-layout", test_stable_layout);
  g_test_add_func ("/signet/request-json/no-secret-headers", test_no_secret_headers);
  g_test_add_func ("/signet/request-json/run-fields", test_run_fields);
  g_test_add_func ("/signet/request-json/invalid", test_invalid);

  return g_test_run ();
}
