/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "signet-export-postman.h"
#include "signet-import-openapi.h"
#include "signet-import-postman.h"

#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN "FwoGZXIvYXdzEXAMPLETOKEN"

static const char postman[] =
  "{\"info\": {\"name\": \"Pets\", \"schema\": "
  "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"},"
  " \"auth\": {\"type\": \"awsv4\", \"awsv4\": ["
  "  {\"key\": \"accessKey\", \"value\": \"AKIDEXAMPLE\"},"
  "  {\"key\": \"secretKey\", \"value\": \"" SECRET "\"},"
  "  {\"key\": \"sessionToken\", \"value\": \"" TOKEN "\"},"
  "  {\"key\": \"region\", \"value\": \"us-west-2\"},"
  "  {\"key\": \"service\", \"value\": \"execute-api\"}]},"
  " \"item\": ["
  "  {\"name\": \"Top\", \"request\": {\"method\": \"GET\", \"url\": \"{{baseUrl}}/top?flag\"}},"
  "  {\"name\": \"Pets\", \"item\": ["
  "    {\"name\": \"Search\", \"item\": ["
  "      {\"name\": \"Find pets\", \"request\": {\"method\": \"GET\","
  "        \"header\": [{\"key\": \"X-Amz-Security-Token\", \"value\": \"" TOKEN "\"},"
  "                     {\"key\": \"X-Trace\", \"value\": \"1\", \"disabled\": true}],"
  "        \"url\": {\"raw\": \"{{baseUrl}}/pets?q=big dog&tag=ä\"}}}]},"
  "    {\"name\": \"Add pet\", \"request\": {\"method\": \"POST\","
  "      \"body\": {\"mode\": \"raw\", \"raw\": \"{\\\"name\\\": \\\"Rex\\\"}\","
  "        \"options\": {\"raw\": {\"language\": \"json\"}}},"
  "      \"url\": \"https://abc.execute-api.eu-west-1.amazonaws.com:8443/test/pets/münchen\"}},"
  "    {\"name\": \"Empty\", \"item\": []}]},"
  "  {\"name\": \"Form\", \"request\": {\"method\": \"PUT\", \"auth\": {\"type\": \"noauth\"},"
  "    \"url\": \"https://example.com/f\", \"body\": {\"mode\": \"urlencoded\","
  "      \"urlencoded\": [{\"key\": \"a b\", \"value\": \"c&d\"}]}}}],"
  " \"variable\": [{\"key\": \"baseUrl\", \"value\": \"https://abc.execute-api.us-west-2.amazonaws.com/test\"}]}";

/* No AWS secret key (40 characters of base64) and no awsv4 secret that
 * is not a {{placeholder}}. */
static void
assert_no_secrets (const char *json)
{
  g_autoptr(GRegex) key = g_regex_new ("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])",
                                       0, 0, NULL);
  g_autoptr(GRegex) slot = g_regex_new ("\"(secretKey|sessionToken)\",\\s*\"value\"\\s*:\\s*\"(?!\\{\\{)",
                                        0, 0, NULL);

  g_assert_false (g_regex_match (key, json, 0, NULL));
  g_assert_false (g_regex_match (slot, json, 0, NULL));
  g_assert_null (strstr (json, SECRET));
  g_assert_null (strstr (json, TOKEN));
  g_assert_nonnull (strstr (json, "{{AWS_SECRET_ACCESS_KEY}}"));
}

static SignetImportResult *
reimport (SignetImportResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = signet_export_postman (result, &error);
  SignetImportResult *back;

  g_assert_no_error (error);
  g_assert_nonnull (json);
  assert_no_secrets (json);
  back = signet_import_postman (json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

static void
assert_same_requests (SignetImportResult *a,
                      SignetImportResult *b)
{
  g_assert_cmpuint (signet_import_result_get_n_requests (a), ==, signet_import_result_get_n_requests (b));
  for (guint i = 0; i < signet_import_result_get_n_requests (a); i++)
    {
      SignetRequest *x = signet_import_result_get_request (a, i);
      SignetRequest *y = signet_import_result_get_request (b, i);
      g_autofree char *fx = g_strjoinv ("/", (GStrv) signet_import_result_get_request_folder (a, i));
      g_autofree char *fy = g_strjoinv ("/", (GStrv) signet_import_result_get_request_folder (b, i));

      g_assert_cmpstr (signet_import_result_get_request_name (a, i), ==,
                       signet_import_result_get_request_name (b, i));
      g_assert_cmpstr (fx, ==, fy);
      g_assert_cmpstr (signet_request_get_method (x), ==, signet_request_get_method (y));
      g_assert_cmpstr (signet_request_get_url (x), ==, signet_request_get_url (y));
      g_assert_cmpint (signet_request_get_body_kind (x), ==, signet_request_get_body_kind (y));
      g_assert_cmpstr (signet_request_get_body_text (x), ==, signet_request_get_body_text (y));
      g_assert_cmpuint (g_list_model_get_n_items (signet_request_get_form_fields (x)), ==,
                        g_list_model_get_n_items (signet_request_get_form_fields (y)));
      g_assert_cmpint (signet_request_get_auth_kind (x), ==, signet_request_get_auth_kind (y));
      if (signet_request_get_auth_kind (x) != SIGNET_AUTH_KIND_AWS_SIGV4)
        continue;
      g_assert_cmpstr (signet_request_get_region (x), ==, signet_request_get_region (y));
      g_assert_cmpstr (signet_request_get_service (x), ==, signet_request_get_service (y));
    }
}

static void
test_petstore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                            "petstore-apigateway-oas30.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(SignetImportResult) result = NULL;
  g_autoptr(SignetImportResult) back = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  result = signet_import_openapi (data, -1, &error);
  g_assert_no_error (error);

  back = reimport (result);
  g_assert_cmpstr (signet_import_result_get_name (back), ==, "PetStore");
  assert_same_requests (result, back);
  /* No access key ID in the model: the placeholder stands in. */
  g_assert_cmpstr (signet_request_get_access_key_id (signet_import_result_get_request (back, 0)), ==,
                   "{{AWS_ACCESS_KEY_ID}}");
  g_assert_cmpuint (signet_import_result_get_n_secrets (back), ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetImportResult) first = signet_import_postman (postman, -1, &error);
  g_autoptr(SignetImportResult) second = NULL;
  g_autoptr(SignetImportResult) third = NULL;
  g_autoptr(SignetRequestRow) header = NULL;
  g_autoptr(SignetRequestRow) variable = NULL;
  SignetRequest *find;

  g_assert_no_error (error);
  g_assert_cmpuint (signet_import_result_get_n_secrets (first), ==, 2);
  second = reimport (first);
  third = reimport (second);

  for (guint round = 0; round < 2; round++)
    {
      SignetImportResult *result = round == 0 ? second : third;

      assert_same_requests (first, result);
      g_assert_cmpuint (signet_import_result_get_n_folders (result), ==,
                        signet_import_result_get_n_folders (first));
      for (guint i = 0; i < signet_import_result_get_n_folders (first); i++)
        g_assert_true (g_strv_equal ((const char * const *) signet_import_result_get_folder (first, i),
                                     (const char * const *) signet_import_result_get_folder (result, i)));
      /* The secrets stayed behind: only placeholders came back. */
      g_assert_cmpuint (signet_import_result_get_n_secrets (result), ==, 0);
      g_assert_cmpstr (signet_request_get_access_key_id (signet_import_result_get_request (result, 0)), ==,
                       "AKIDEXAMPLE");
    }

  /* The frozen token header was dropped, the disabled one kept. */
  find = signet_import_result_get_request (third, 1);
  g_assert_cmpuint (g_list_model_get_n_items (signet_request_get_headers (find)), ==, 1);
  header = g_list_model_get_item (signet_request_get_headers (find), 0);
  g_assert_cmpstr (signet_request_row_get_name (header), ==, "X-Trace");
  g_assert_false (signet_request_row_get_enabled (header));

  g_assert_cmpuint (g_list_model_get_n_items (signet_import_result_get_variables (third)), ==, 1);
  variable = g_list_model_get_item (signet_import_result_get_variables (third), 0);
  g_assert_cmpstr (signet_request_row_get_name (variable), ==, "baseUrl");
}

static void
test_url_parts (void)
{
  g_autoptr(SignetImportResult) result = signet_import_result_new ();
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  JsonObject *root, *item, *url;
  JsonArray *query;

  signet_request_set_url (request, "https://abc.execute-api.us-west-2.amazonaws.com:8443/test/pets?q=big dog&flag");
  signet_import_result_add_request (result, NULL, "R", request, SIGNET_IMPORT_PROTECTION_UNKNOWN);
  json = signet_export_postman (result, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "info"), "schema"), ==,
                   "https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
  item = json_array_get_object_element (json_object_get_array_member (root, "item"), 0);
  item = json_object_get_object_member (item, "request");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "auth"), "type"), ==,
                   "noauth");
  url = json_object_get_object_member (item, "url");
  g_assert_cmpstr (json_object_get_string_member (url, "raw"), ==, signet_request_get_url (request));
  g_assert_cmpstr (json_object_get_string_member (url, "protocol"), ==, "https");
  g_assert_cmpstr (json_object_get_string_member (url, "port"), ==, "8443");
  host = json_to_string (json_object_get_member (url, "host"), FALSE);
  g_assert_cmpstr (host, ==, "[\"abc\",\"execute-api\",\"us-west-2\",\"amazonaws\",\"com\"]");
  path = json_to_string (json_object_get_member (url, "path"), FALSE);
  g_assert_cmpstr (path, ==, "[\"test\",\"pets\"]");
  query = json_object_get_array_member (url, "query");
  g_assert_cmpuint (json_array_get_length (query), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (query, 0), "value"), ==,
                   "big dog");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (query, 1), "value"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/postman/petstore", test_petstore);
  g_test_add_func ("/export/postman/round-trip", test_round_trip);
  g_test_add_func ("/export/postman/url-parts", test_url_parts);

  return g_test_run ();
}
