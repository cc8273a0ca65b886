/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "signet-amz-date.h"
#include "signet-sigv4.h"
#include "signet-wire-request.h"

/* Differential test: botocore (Debian's python3-botocore, an independent
 * signer) and Signet sign the same generated requests; the canonical
 * requests and signatures must agree byte for byte. */

#define N_CASES 1200
#define SEED    "20261125"
#define MAX_REPORTED_MISMATCHES 5

static JsonArray *
generate_cases (JsonParser *parser)
{
  const char *python = g_getenv ("SIGNET_PYTHON");
  g_autofree char *script = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"),
                                              "botocore-sign.py", NULL);
  g_autofree char *count = g_strdup_printf ("%d", N_CASES);
  const char *argv[] = { python ? python : "/usr/bin/python3", script,
                         "--count", count, "--seed", SEED, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("botocore-sign.py failed (is python3-botocore installed?):\n%s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static SignetWireRequest *
build_request (JsonObject *item)
{
  g_autoptr(GError) error = NULL;
  SignetWireRequest *request;
  JsonArray *headers = json_object_get_array_member (item, "headers");
  gsize body_length = 0;
  guchar *body_data = g_base64_decode (json_object_get_string_member (item, "body"), &body_length);
  g_autoptr(GBytes) body = g_bytes_new_take (body_data, body_length);

  request = signet_wire_request_new_for_url (json_object_get_string_member (item, "method"),
                                             json_object_get_string_member (item, "url"),
                                             &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonArray *pair = json_array_get_array_element (headers, i);

      signet_wire_request_add_header (request, json_array_get_string_element (pair, 0),
                                      json_array_get_string_element (pair, 1));
    }
  signet_wire_request_set_body (request, body);

  return request;
}

/* Returns TRUE when Signet agrees with botocore on this case. */
static gboolean
check_case (JsonObject *item,
            gboolean    report,
            guint      *n_query,
            guint      *n_tokens)
{
  g_autoptr(SignetWireRequest) request = build_request (item);
  g_autoptr(GDateTime) time = signet_amz_date_parse (json_object_get_string_member (item, "amz_date"), NULL);
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected_canonical = json_object_get_string_member (item, "expected_canonical_request");
  const char *expected_signature = json_object_get_string_member (item, "expected_signature");
  gboolean in_query = g_str_equal (json_object_get_string_member (item, "location"), "query");
  SignetSigv4Params params = {
    .access_key_id = json_object_get_string_member (item, "access_key_id"),
    .secret_access_key = json_object_get_string_member (item, "secret_access_key"),
    .session_token = json_object_get_string_member_with_default (item, "session_token", NULL),
    .region = json_object_get_string_member (item, "region"),
    .service = json_object_get_string_member (item, "service"),
    .time = time,
    .location = in_query ? SIGNET_SIGV4_LOCATION_QUERY : SIGNET_SIGV4_LOCATION_HEADERS,
    .expires = (guint) json_object_get_int_member (item, "expires"),
    .flags = json_object_get_boolean_member (item, "sign_body") ? SIGNET_SIGV4_FLAGS_SIGN_BODY : 0,
  };

  *n_query += in_query;
  *n_tokens += params.session_token != NULL;

  result = signet_sigv4_sign (request, &params, &error);
  if (result == NULL)
    {
      if (report)
        g_test_message ("case %" G_GINT64_FORMAT " (%s): Signet refused it: %s",
                        json_object_get_int_member (item, "id"),
                        json_object_get_string_member (item, "url"), error->message);
      return FALSE;
    }
  if (g_strcmp0 (result->canonical_request, expected_canonical) != 0 ||
      g_strcmp0 (result->signature, expected_signature) != 0)
    {
      if (report)
        g_test_message ("case %" G_GINT64_FORMAT " (%s) differs\n--- botocore:\n%s\n--- Signet:\n%s",
                        json_object_get_int_member (item, "id"),
                        json_object_get_string_member (item, "url"),
                        expected_canonical, result->canonical_request);
      return FALSE;
    }

  return TRUE;
}

static void
test_differential (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *cases = generate_cases (parser);
  guint n_cases = json_array_get_length (cases);
  guint n_mismatches = 0;
  guint n_query = 0;
  guint n_tokens = 0;

  g_assert_cmpuint (n_cases, ==, N_CASES);
  for (guint i = 0; i < n_cases; i++)
    {
      gboolean report = n_mismatches < MAX_REPORTED_MISMATCHES;

      if (!check_case (json_array_get_object_element (cases, i), report, &n_query, &n_tokens))
        n_mismatches++;
    }

  g_test_message ("%u cases (%u presigned, %u with session tokens), %u mismatches",
                  n_cases, n_query, n_tokens, n_mismatches);
  /* both forms and tokens must really have been exercised */
  g_assert_cmpuint (n_query, >, n_cases / 5);
  g_assert_cmpuint (n_tokens, >, n_cases / 5);
  g_assert_cmpuint (n_mismatches, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/sigv4/botocore/differential", test_differential);

  return g_test_run ();
}
