/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-export-curl.h"
#include "signet-import-curl.h"
#include "signet-import-postman.h"
#include "signet-test-import.h"

#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN "FwoGZXIvYXdzEXAMPLETOKEN"

static const char postman[] =
  "{\"info\": {\"name\": \"Pets\", \"schema\": "
  "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"},"
  " \"auth\": {\"type\": \"awsv4\", \"awsv4\": ["
  "  {\"key\": \"accessKey\", \"value\": \"AKIDEXAMPLE\"},"
  "  {\"key\": \"secretKey\", \"value\": \"" SECRET "\"},"
  "  {\"key\": \"region\", \"value\": \"us-west-2\"},"
  "  {\"key\": \"service\", \"value\": \"execute-api\"}]},"
  " \"item\": ["
  "  {\"name\": \"Pets\", \"item\": ["
  "    {\"name\": \"Search\", \"item\": ["
  "      {\"name\": \"Find pets\", \"request\": {\"method\": \"GET\","
  "        \"url\": {\"raw\": \"{{baseUrl}}/pets?q=big dog&tag=ä\"}}}]},"
  "    {\"name\": \"Add pet\", \"request\": {\"method\": \"POST\","
  "      \"auth\": {\"type\": \"awsv4\", \"awsv4\": ["
  "        {\"key\": \"accessKey\", \"value\": \"AKIDOTHER\"},"
  "        {\"key\": \"secretKey\", \"value\": \"{{awsSecret}}\"},"
  "        {\"key\": \"sessionToken\", \"value\": \"" TOKEN "\"},"
  "        {\"key\": \"region\", \"value\": \"eu-west-1\"},"
  "        {\"key\": \"service\", \"value\": \"execute-api\"}]},"
  "      \"header\": [{\"key\": \"X-Trace\", \"value\": \"1\", \"disabled\": true}],"
  "      \"body\": {\"mode\": \"raw\", \"raw\": \"{\\\"name\\\": \\\"Rex\\\"}\","
  "        \"options\": {\"raw\": {\"language\": \"json\"}}},"
  "      \"url\": \"{{baseUrl}}/pets\"}}]},"
  "  {\"name\": \"Café\", \"request\": {\"method\": \"GET\", \"auth\": {\"type\": \"bearer\"},"
  "    \"url\": {\"protocol\": \"https\", \"host\": [\"example\", \"com\"],"
  "      \"path\": [\"cafés\", \"münchen\"], \"query\": [{\"key\": \"a\", \"value\": \"1\"}]}}},"
  "  {\"name\": \"Form\", \"request\": {\"method\": \"PUT\", \"auth\": {\"type\": \"noauth\"},"
  "    \"url\": \"https://example.com/f\", \"body\": {\"mode\": \"urlencoded\","
  "      \"urlencoded\": [{\"key\": \"a b\", \"value\": \"c&d\"}]}}}],"
  " \"variable\": [{\"key\": \"baseUrl\", \"value\": \"https://abc.execute-api.us-west-2.amazonaws.com/test\"},"
  "   {\"key\": \"awsSecret\", \"value\": \"VARSECRETEXAMPLE\"}]}";

static void
assert_folder (SignetImportResult *result,
               guint               index,
               const char         *joined)
{
  g_autofree char *path = g_strjoinv ("/", (GStrv) signet_import_result_get_request_folder (result, index));

  g_assert_cmpstr (path, ==, joined);
}

static void
test_postman (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetImportResult) result = signet_import_postman (postman, -1, &error);
  SignetRequest *r;
  GListModel *variables;
  g_autoptr(SignetRequestRow) variable = NULL;
  g_autoptr(SignetRequestRow) header = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (signet_import_result_get_name (result), ==, "Pets");
  g_assert_cmpuint (signet_import_result_get_n_requests (result), ==, 4);
  g_assert_cmpuint (signet_import_result_get_n_folders (result), ==, 2);

  /* Inherited collection auth, unencoded query kept as typed. */
  r = signet_import_result_get_request (result, 0);
  g_assert_cmpstr (signet_import_result_get_request_name (result, 0), ==, "Find pets");
  assert_folder (result, 0, "Pets/Search");
  g_assert_cmpstr (signet_request_get_url (r), ==, "{{baseUrl}}/pets?q=big dog&tag=ä");
  g_assert_cmpint (signet_request_get_auth_kind (r), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpstr (signet_request_get_access_key_id (r), ==, "AKIDEXAMPLE");
  g_assert_cmpstr (signet_request_get_region (r), ==, "us-west-2");
  g_assert_cmpstr (signet_request_get_service (r), ==, "execute-api");

  /* Request-level auth wins. */
  r = signet_import_result_get_request (result, 1);
  assert_folder (result, 1, "Pets");
  g_assert_cmpstr (signet_request_get_method (r), ==, "POST");
  g_assert_cmpstr (signet_request_get_access_key_id (r), ==, "AKIDOTHER");
  g_assert_cmpstr (signet_request_get_region (r), ==, "eu-west-1");
  g_assert_cmpint (signet_request_get_body_kind (r), ==, SIGNET_BODY_KIND_JSON);
  g_assert_cmpstr (signet_request_get_body_text (r), ==, "{\"name\": \"Rex\"}");
  header = g_list_model_get_item (signet_request_get_headers (r), 0);
  g_assert_cmpstr (signet_request_row_get_name (header), ==, "X-Trace");
  g_assert_false (signet_request_row_get_enabled (header));

  /* Unicode path from URL parts; unsupported auth becomes a warning. */
  r = signet_import_result_get_request (result, 2);
  assert_folder (result, 2, "");
  g_assert_cmpstr (signet_request_get_url (r), ==, "https://example.com/cafés/münchen?a=1");
  g_assert_cmpint (signet_request_get_auth_kind (r), ==, SIGNET_AUTH_KIND_NONE);
  g_assert_true (signet_test_import_has_warning (result, "uses auth type “bearer”, imported as No Auth"));

  r = signet_import_result_get_request (result, 3);
  g_assert_cmpint (signet_request_get_auth_kind (r), ==, SIGNET_AUTH_KIND_NONE);
  g_assert_cmpint (signet_request_get_body_kind (r), ==, SIGNET_BODY_KIND_FORM);
  g_assert_cmpuint (g_list_model_get_n_items (signet_request_get_form_fields (r)), ==, 1);

  /* Secrets only in the secrets; a variable an auth secret names moves there. */
  g_assert_cmpuint (signet_import_result_get_n_secrets (result), ==, 3);
  g_assert_cmpstr (signet_import_result_get_secret_value (result, 0), ==, SECRET);
  g_assert_cmpint (signet_import_result_get_secret_kind (result, 1), ==, SIGNET_IMPORT_SECRET_SESSION_TOKEN);
  g_assert_cmpstr (signet_import_result_get_secret_value (result, 1), ==, TOKEN);
  g_assert_cmpstr (signet_import_result_get_secret_value (result, 2), ==, "VARSECRETEXAMPLE");
  variables = signet_import_result_get_variables (result);
  g_assert_cmpuint (g_list_model_get_n_items (variables), ==, 1);
  variable = g_list_model_get_item (variables, 0);
  g_assert_cmpstr (signet_request_row_get_name (variable), ==, "baseUrl");

  for (guint i = 0; i < signet_import_result_get_n_requests (result); i++)
    {
      g_autofree char *command = signet_export_curl (signet_import_result_get_request (result, i),
                                                     TRUE, NULL);

      g_assert_null (strstr (command, SECRET));
      g_assert_null (strstr (command, TOKEN));
    }
}

static void
assert_error (const char *data,
              const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetImportResult) result = signet_import_postman (data, -1, &error);

  signet_test_import_assert_error (result, error, part);
}

static void
test_postman_bad (void)
{
  g_autofree char *truncated = g_strndup (postman, 200);

  assert_error ("not json", "not valid JSON");
  assert_error ("[1, 2]", "not a JSON object");
  assert_error ("{\"openapi\": \"3.0.1\"}", "“info” or “item” is missing");
  assert_error (truncated, "not valid JSON");
  assert_error ("{\"info\": {\"name\": 3}, \"item\": []}", "“name” must be a string");
  assert_error ("{\"info\": {\"name\": \"x\"}, \"item\": [{\"name\": \"F\", \"item\": "
                "[{\"name\": \"R\", \"request\": {\"method\": \"GET\", \"url\": 5}}]}]}",
                "item “F/R”: “request.url” must be a string or an object");
  assert_error ("{\"info\": {\"name\": \"x\"}, \"item\": {}}", "“item” must be an array");
  assert_error ("{\"info\": {\"name\": \"x\", \"schema\": "
                "\"https://schema.getpostman.com/json/collection/v1.0.0/collection.json\"}, \"item\": []}",
                "not supported");
}

static SignetImportResult *
import_curl (const char *command)
{
  g_autoptr(GError) error = NULL;
  SignetImportResult *result = signet_import_curl (command, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (signet_import_result_get_n_requests (result), ==, 1);
  return result;
}

static void
test_curl_sigv4 (void)
{
  g_autoptr(SignetImportResult) result = import_curl (
    "curl -X POST \\\n"
    "  'https://abc.execute-api.us-west-2.amazonaws.com/test/pets?q=a%20b' \\\n"
    "  --aws-sigv4 \"aws:amz:us-west-2:execute-api\" \\\n"
    "  --user \"AKIDEXAMPLE:" SECRET "\" \\\n"
    "  -H 'x-amz-security-token: " TOKEN "' \\\n"
    "  -H \"Content-Type: application/json\" \\\n"
    "  --data-raw '{\"name\": \"it'\\''s\"}' --compressed --frobnicate");
  SignetRequest *r = signet_import_result_get_request (result, 0);
  GListModel *headers = signet_request_get_headers (r);

  g_assert_cmpstr (signet_request_get_method (r), ==, "POST");
  g_assert_cmpstr (signet_request_get_url (r), ==,
                   "https://abc.execute-api.us-west-2.amazonaws.com/test/pets?q=a%20b");
  g_assert_cmpint (signet_request_get_auth_kind (r), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpstr (signet_request_get_region (r), ==, "us-west-2");
  g_assert_cmpstr (signet_request_get_service (r), ==, "execute-api");
  g_assert_cmpstr (signet_request_get_access_key_id (r), ==, "AKIDEXAMPLE");
  g_assert_cmpint (signet_request_get_body_kind (r), ==, SIGNET_BODY_KIND_JSON);
  g_assert_cmpstr (signet_request_get_body_text (r), ==, "{\"name\": \"it's\"}");
  /* The token went to the secrets, not to the headers. */
  g_assert_cmpuint (g_list_model_get_n_items (headers), ==, 1);
  g_assert_cmpuint (signet_import_result_get_n_secrets (result), ==, 2);
  /* The token is met first, while reading the headers. */
  g_assert_cmpstr (signet_import_result_get_secret_value (result, 0), ==, TOKEN);
  g_assert_cmpstr (signet_import_result_get_secret_value (result, 1), ==, SECRET);
  g_assert_cmpstr (signet_import_result_get_secret_access_key_id (result, 1), ==, "AKIDEXAMPLE");
  g_assert_true (signet_test_import_has_warning (result, "“--frobnicate” was ignored"));
  g_assert_false (signet_test_import_has_warning (result, "--compressed"));
}

static void
test_curl_forms (void)
{
  g_autoptr(SignetImportResult) get = import_curl ("curl -G https://example.com/s -d q=1 -d 'r=a b'");
  g_autoptr(SignetImportResult) data = import_curl ("curl example.com/p -d@body.json -H'Accept: */*' -XPUT");
  g_autoptr(SignetImportResult) json = import_curl ("curl --url https://e.com --json '{\"a\":1}'");
  g_autoptr(SignetImportResult) env = import_curl (
    "curl https://e.com --aws-sigv4 aws:amz --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"");
  g_autoptr(GError) error = NULL;
  SignetRequest *r;

  r = signet_import_result_get_request (get, 0);
  g_assert_cmpstr (signet_request_get_method (r), ==, "GET");
  g_assert_cmpstr (signet_request_get_url (r), ==, "https://example.com/s?q=1&r=a b");

  r = signet_import_result_get_request (data, 0);
  g_assert_cmpstr (signet_request_get_method (r), ==, "PUT");
  g_assert_cmpstr (signet_request_get_url (r), ==, "http://example.com/p");
  g_assert_true (signet_test_import_has_warning (data, "“body.json”, which was not read"));

  r = signet_import_result_get_request (json, 0);
  g_assert_cmpstr (signet_request_get_method (r), ==, "POST");
  g_assert_cmpint (signet_request_get_body_kind (r), ==, SIGNET_BODY_KIND_JSON);
  g_assert_cmpuint (g_list_model_get_n_items (signet_request_get_headers (r)), ==, 2);

  r = signet_import_result_get_request (env, 0);
  g_assert_cmpint (signet_request_get_auth_kind (r), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpstr (signet_request_get_access_key_id (r), ==, "");
  g_assert_cmpuint (signet_import_result_get_n_secrets (env), ==, 0);

  g_assert_null (signet_import_curl ("curl 'https://e.com", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (signet_import_curl ("wget https://e.com", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (signet_import_curl ("curl -H", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_export_curl (void)
{
  g_autoptr(SignetRequest) r = signet_request_new ();
  g_autoptr(SignetRequestRow) h1 = signet_request_row_new ("Authorization", "AWS4-HMAC-SHA256 frozen");
  g_autoptr(SignetRequestRow) h2 = signet_request_row_new ("X-Note", "it's");
  g_auto(GStrv) warnings = NULL;
  g_auto(GStrv) none = NULL;
  g_autofree char *command = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(SignetImportResult) back = NULL;

  signet_request_set_method (r, "POST");
  signet_request_set_url (r, "https://abc.execute-api.us-west-2.amazonaws.com/test/a%2Fb?k=1&k=2");
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (r)), h1);
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (r)), h2);
  signet_request_set_body_kind (r, SIGNET_BODY_KIND_JSON);
  signet_request_set_body_text (r, "{\"a\": \"b'c\"}");
  signet_request_set_auth_kind (r, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (r, "AKIDEXAMPLE");
  signet_request_set_region (r, "us-west-2");
  signet_request_set_service (r, "execute-api");

  command = signet_export_curl (r, TRUE, &warnings);
  g_assert_cmpstr (command, ==,
                   "curl -X 'POST' 'https://abc.execute-api.us-west-2.amazonaws.com/test/a%2Fb?k=1&k=2' \\\n"
                   "  --aws-sigv4 'aws:amz:us-west-2:execute-api' \\\n"
                   "  --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" \\\n"
                   "  -H \"x-amz-security-token: $AWS_SESSION_TOKEN\" \\\n"
                   "  -H 'X-Note: it'\\''s' \\\n"
                   "  -H 'Content-Type: application/json' \\\n"
                   "  --data-raw '{\"a\": \"b'\\''c\"}'");
  g_assert_null (strstr (command, "Authorization"));
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], "percent-encoded"));
  g_assert_nonnull (strstr (warnings[1], "repeats a key"));

  /* What we write, we read back the same. */
  back = import_curl (command);
  g_assert_cmpstr (signet_request_get_body_text (signet_import_result_get_request (back, 0)), ==,
                   "{\"a\": \"b'c\"}");
  g_assert_cmpstr (signet_request_get_url (signet_import_result_get_request (back, 0)), ==,
                   signet_request_get_url (r));

  signet_request_set_auth_kind (r, SIGNET_AUTH_KIND_NONE);
  signet_request_set_body_kind (r, SIGNET_BODY_KIND_NONE);
  signet_request_set_method (r, "GET");
  signet_request_set_url (r, "https://e.com/x");
  plain = signet_export_curl (r, FALSE, &none);
  g_assert_cmpstr (plain, ==, "curl 'https://e.com/x' \\\n  -H 'X-Note: it'\\''s'");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/postman", test_postman);
  g_test_add_func ("/import/postman-bad", test_postman_bad);
  g_test_add_func ("/import/curl-sigv4", test_curl_sigv4);
  g_test_add_func ("/import/curl-forms", test_curl_forms);
  g_test_add_func ("/export/curl", test_export_curl);

  return g_test_run ();
}
