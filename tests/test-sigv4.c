/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-error.h"
#include "signet-sigv4-canonical.h"
#include "signet-sigv4.h"

/* Signet's own rules on top of AWS's vectors: execute-api encodings that no
 * vector covers, what is never signed, and bad input. */

#define ACCESS_KEY "AKIDEXAMPLE"
#define SECRET     "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define TOKEN      "FQoGZXIvYXdzEXAMPLETOKEN/+=="
#define PET_JSON   "{\"name\":\"Rex\",\"type\":\"dog\"}"
#define API_URL    "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets"

typedef struct
{
  GDateTime         *time;
  SignetSigv4Params  params;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->time = g_date_time_new_utc (2026, 11, 25, 4, 41, 19);
  fixture->params = (SignetSigv4Params) {
    .access_key_id = ACCESS_KEY,
    .secret_access_key = SECRET,
    .region = "us-west-2",
    .service = "execute-api",
    .time = fixture->time,
  };
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_date_time_unref (fixture->time);
}

static SignetWireRequest *
request_for (const char *method,
             const char *url)
{
  g_autoptr(GError) error = NULL;
  SignetWireRequest *request = signet_wire_request_new_for_url (method, url, &error);

  g_assert_no_error (error);
  return request;
}

static void
set_body_text (SignetWireRequest *request,
               const char        *text)
{
  g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));

  signet_wire_request_set_body (request, body);
}

static SignetSigv4Result *
sign_ok (const SignetWireRequest *request,
         const SignetSigv4Params *params)
{
  g_autoptr(GError) error = NULL;
  SignetSigv4Result *result = signet_sigv4_sign (request, params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Line @line (from 0) of the canonical request */
static char *
canonical_line (const SignetSigv4Result *result,
                guint                    line)
{
  g_auto(GStrv) lines = g_strsplit (result->canonical_request, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >, line);
  return g_strdup (lines[line]);
}

static void
test_path_double_encoding (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL "/hello%20world/a+b/100%25");
  g_autoptr(SignetSigv4Result) result = sign_ok (request, &fixture->params);
  g_autofree char *path = canonical_line (result, 1);

  /* a '%' on the wire is encoded again: %20 -> %2520; '+' -> %2B */
  g_assert_cmpstr (path, ==, "/test/pets/hello%2520world/a%2Bb/100%2525");
}

static void
test_path_s3_single_encoding (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request =
    request_for ("GET", "https://bucket.s3.us-west-2.amazonaws.com/my%20photo//a/./b%2fc+d");
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autofree char *path = NULL;

  fixture->params.service = "s3";
  fixture->params.flags = SIGNET_SIGV4_FLAGS_S3;
  result = sign_ok (request, &fixture->params);
  path = canonical_line (result, 1);
  /* no normalization, one encoding, hex in uppercase */
  g_assert_cmpstr (path, ==, "/my%20photo//a/./b%2Fc%2Bd");
}

static void
test_path_normalization (void)
{
  const struct { const char *path; const char *normalized; } cases[] = {
    { "/", "/" },
    { "", "/" },
    { "//a//b//", "/a/b/" },
    { "/a/./b/../c", "/a/c" },
    { "/a/b/..", "/a" },
    { "/../..", "/" },
    { "/test/pets/", "/test/pets/" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = signet_sigv4_normalize_path (cases[i].path);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
test_query_canonicalization (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request =
    request_for ("GET", API_URL "?b=2&a=z&a=1&flag&name=hello%20world&plus=a+b&lower=%e2%82%ac&empty=&t=~-._");
  g_autoptr(SignetSigv4Result) result = sign_ok (request, &fixture->params);
  g_autofree char *query = canonical_line (result, 2);

  /* decoded and encoded again, sorted by name then value, flag -> flag= */
  g_assert_cmpstr (query, ==,
                   "a=1&a=z&b=2&empty=&flag=&lower=%E2%82%AC&name=hello%20world&plus=a%2Bb&t=~-._");
}

static void
test_unencoded_url_characters (Fixture       *fixture,
                               gconstpointer  data)
{
  /* what a person types: raw spaces and UTF-8 travel percent-encoded */
  g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL "?name=hello world&pet=Zoë");
  g_autoptr(SignetSigv4Result) result = sign_ok (request, &fixture->params);
  g_autofree char *query = canonical_line (result, 2);

  g_assert_cmpstr (request->query, ==, "name=hello%20world&pet=Zo%C3%AB");
  g_assert_cmpstr (query, ==, "name=hello%20world&pet=Zo%C3%AB");
}

static void
test_headers_canonicalization (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("POST", "https://api.example.com:8443/test/pets");
  g_autoptr(SignetSigv4Result) result = NULL;

  signet_wire_request_add_header (request, "X-Multi", "  first   value ");
  signet_wire_request_add_header (request, "Content-Type", "application/json");
  signet_wire_request_add_header (request, "x-multi", "second\tvalue");
  signet_wire_request_add_header (request, "User-Agent", "Signet/0.1");
  signet_wire_request_add_header (request, "Connection", "keep-alive");
  signet_wire_request_add_header (request, "Transfer-Encoding", "chunked");
  signet_wire_request_add_header (request, "Expect", "100-continue");
  signet_wire_request_add_header (request, "X-Amzn-Trace-Id", "Root=1-abc");
  result = sign_ok (request, &fixture->params);

  g_assert_cmpstr (result->signed_headers, ==, "content-type;host;x-amz-date;x-multi");
  g_assert_nonnull (strstr (result->canonical_request,
                            "content-type:application/json\n"
                            "host:api.example.com:8443\n"
                            "x-amz-date:20261125T044119Z\n"
                            "x-multi:first value,second value\n\n"));
}

static const char *
find_added (const SignetSigv4Result *result,
            const char              *name)
{
  for (guint i = 0; i < result->headers_to_add->len; i++)
    {
      const SignetHeader *header = &g_array_index (result->headers_to_add, SignetHeader, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

static void
test_header_form_result (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("POST", API_URL);
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autofree char *authorization = NULL;

  g_autofree char *body_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, PET_JSON, -1);

  set_body_text (request, PET_JSON);
  fixture->params.session_token = TOKEN;
  fixture->params.flags = SIGNET_SIGV4_FLAGS_SIGN_BODY;
  result = sign_ok (request, &fixture->params);

  g_assert_cmpstr (result->credential_scope, ==, "20261125/us-west-2/execute-api/aws4_request");
  g_assert_cmpstr (result->signed_headers, ==,
                   "host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
  g_assert_cmpstr (find_added (result, "Host"), ==, "abc123defg.execute-api.us-west-2.amazonaws.com");
  g_assert_cmpstr (find_added (result, "X-Amz-Date"), ==, "20261125T044119Z");
  g_assert_cmpstr (find_added (result, "X-Amz-Security-Token"), ==, TOKEN);
  g_assert_cmpstr (find_added (result, "X-Amz-Content-Sha256"), ==, body_hash);
  g_assert_true (g_str_has_suffix (result->canonical_request, body_hash));
  authorization = g_strdup_printf ("AWS4-HMAC-SHA256 Credential=" ACCESS_KEY "/%s, SignedHeaders=%s, Signature=%s",
                                   result->credential_scope, result->signed_headers, result->signature);
  g_assert_cmpstr (find_added (result, "Authorization"), ==, authorization);
  g_assert_null (result->query_to_add);
}

static void
test_query_form_result (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL "?limit=10");
  g_autoptr(SignetWireRequest) presigned = NULL;
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected_url = NULL;

  fixture->params.location = SIGNET_SIGV4_LOCATION_QUERY;
  fixture->params.session_token = TOKEN;
  result = sign_ok (request, &fixture->params);
  presigned = signet_sigv4_result_apply (result, request);
  url = signet_wire_request_to_url (presigned);

  /* the original query first, the signature last; the default lifetime */
  expected_url = g_strdup_printf (API_URL "?limit=10&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                  "&X-Amz-Credential=" ACCESS_KEY "%%2F20261125%%2Fus-west-2%%2Fexecute-api%%2Faws4_request"
                                  "&X-Amz-Date=20261125T044119Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600"
                                  "&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLETOKEN%%2F%%2B%%3D%%3D"
                                  "&X-Amz-Signature=%s", result->signature);
  g_assert_cmpstr (url, ==, expected_url);
  g_assert_null (find_added (result, "Authorization"));
  g_assert_null (find_added (result, "X-Amz-Date"));
}

static void
test_unsigned_payload (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("PUT", "https://bucket.s3.amazonaws.com/key");
  g_autoptr(SignetSigv4Result) result = NULL;

  set_body_text (request, "data");
  fixture->params.service = "s3";
  fixture->params.location = SIGNET_SIGV4_LOCATION_QUERY;
  fixture->params.flags = SIGNET_SIGV4_FLAGS_S3 | SIGNET_SIGV4_FLAGS_UNSIGNED_PAYLOAD;
  result = sign_ok (request, &fixture->params);
  g_assert_true (g_str_has_suffix (result->canonical_request, "\nUNSIGNED-PAYLOAD"));
}

static void
test_key_cache (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL);
  g_autoptr(SignetSigv4KeyCache) cache = signet_sigv4_key_cache_new ();
  g_autoptr(SignetSigv4Result) uncached = sign_ok (request, &fixture->params);

  fixture->params.key_cache = cache;
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SignetSigv4Result) cached = sign_ok (request, &fixture->params);

      g_assert_cmpstr (cached->signature, ==, uncached->signature);
    }

  /* another secret must not reuse the first secret's key */
  {
    g_autoptr(SignetSigv4Result) other = NULL;

    fixture->params.secret_access_key = "another-secret";
    other = sign_ok (request, &fixture->params);
    g_assert_cmpstr (other->signature, !=, uncached->signature);
  }
}

static void
test_pure_and_secret_free (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL);
  g_autoptr(SignetWireRequest) before = signet_wire_request_copy (request);
  g_autoptr(SignetSigv4Result) first = sign_ok (request, &fixture->params);
  g_autoptr(SignetSigv4Result) second = sign_ok (request, &fixture->params);
  const char *strings[] = { first->canonical_request, first->string_to_sign,
                            first->credential_scope, first->signed_headers, first->signature };

  g_assert_cmpstr (first->canonical_request, ==, second->canonical_request);
  g_assert_cmpstr (first->signature, ==, second->signature);
  /* the request is not mutated */
  g_assert_cmpuint (request->headers->len, ==, before->headers->len);
  g_assert_cmpstr (request->query, ==, before->query);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_assert_null (strstr (strings[i], SECRET));
  for (guint i = 0; i < first->headers_to_add->len; i++)
    g_assert_null (strstr (g_array_index (first->headers_to_add, SignetHeader, i).value, SECRET));
}

static void
assert_sign_error (const SignetWireRequest *request,
                   const SignetSigv4Params *params,
                   SignetError              code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetSigv4Result) result = signet_sigv4_sign (request, params, &error);

  g_assert_null (result);
  g_assert_error (error, SIGNET_ERROR, (int) code);
  g_assert_null (strstr (error->message, SECRET));
}

static void
test_refuses_signed_input (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *owned[] = { "Authorization", "X-Amz-Date", "x-amz-security-token" };
  g_autoptr(SignetWireRequest) presigned = request_for ("GET", API_URL "?X-Amz-Signature=abc");

  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    {
      g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL);

      signet_wire_request_add_header (request, owned[i], "x");
      assert_sign_error (request, &fixture->params, SIGNET_ERROR_ALREADY_SIGNED);
    }
  assert_sign_error (presigned, &fixture->params, SIGNET_ERROR_ALREADY_SIGNED);
}

static void
test_bad_params (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SignetWireRequest) request = request_for ("GET", API_URL);
  SignetSigv4Params params;

  params = fixture->params;
  params.secret_access_key = "";
  assert_sign_error (request, &params, SIGNET_ERROR_INVALID_CREDENTIALS);
  params = fixture->params;
  params.access_key_id = NULL;
  assert_sign_error (request, &params, SIGNET_ERROR_INVALID_CREDENTIALS);
  params = fixture->params;
  params.region = "us west";
  assert_sign_error (request, &params, SIGNET_ERROR_INVALID_SCOPE);
  params = fixture->params;
  params.service = NULL;
  assert_sign_error (request, &params, SIGNET_ERROR_INVALID_SCOPE);
  params = fixture->params;
  params.time = NULL;
  assert_sign_error (request, &params, SIGNET_ERROR_INVALID_TIME);
  params = fixture->params;
  params.location = SIGNET_SIGV4_LOCATION_QUERY;
  params.expires = SIGNET_SIGV4_MAX_EXPIRES + 1;
  assert_sign_error (request, &params, SIGNET_ERROR_INVALID_EXPIRY);
  params.expires = SIGNET_SIGV4_MAX_EXPIRES;
  g_clear_pointer (&params.key_cache, signet_sigv4_key_cache_free);
  {
    g_autoptr(SignetSigv4Result) result = sign_ok (request, &params);

    g_assert_nonnull (strstr (result->query_to_add, "X-Amz-Expires=604800"));
  }
}

static void
test_bad_headers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SignetWireRequest) injected = request_for ("GET", API_URL);
  g_autoptr(SignetWireRequest) bad_name = request_for ("GET", API_URL);
  g_autoptr(SignetWireRequest) bad_method = request_for ("GE T", API_URL);

  signet_wire_request_add_header (injected, "X-Note", "a\r\nAuthorization: forged");
  assert_sign_error (injected, &fixture->params, SIGNET_ERROR_INVALID_HEADER);
  signet_wire_request_add_header (bad_name, "Bad Name", "x");
  assert_sign_error (bad_name, &fixture->params, SIGNET_ERROR_INVALID_HEADER);
  assert_sign_error (bad_method, &fixture->params, SIGNET_ERROR_INVALID_REQUEST);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/signet/sigv4/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("path/double-encoding", test_path_double_encoding);
  ADD ("path/s3-single-encoding", test_path_s3_single_encoding);
  g_test_add_func ("/signet/sigv4/path/normalization", test_path_normalization);
  ADD ("query/canonicalization", test_query_canonicalization);
  ADD ("query/unencoded-url-characters", test_unencoded_url_characters);
  ADD ("headers/canonicalization", test_headers_canonicalization);
  ADD ("result/header-form", test_header_form_result);
  ADD ("result/query-form", test_query_form_result);
  ADD ("result/unsigned-payload", test_unsigned_payload);
  ADD ("key-cache", test_key_cache);
  ADD ("pure-and-secret-free", test_pure_and_secret_free);
  ADD ("errors/already-signed", test_refuses_signed_input);
  ADD ("errors/params", test_bad_params);
  ADD ("errors/headers", test_bad_headers);

#undef ADD

  return g_test_run ();
}
