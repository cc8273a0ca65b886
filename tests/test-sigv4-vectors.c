/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "signet-sigv4.h"
#include "signet-wire-request.h"

/* AWS's own SigV4 vectors, read from ../shared/sigv4-testsuite (never
 * copied into this repository). See that folder's README for the format. */

#define VECTOR_SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define VECTOR_TIME   "20150830T123600Z"
#define LEGACY_TOKEN  "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"

typedef struct
{
  char                *dir;
  SignetSigv4Location  location;
} VectorCase;

static void
vector_case_free (gpointer data)
{
  VectorCase *vector = data;

  g_free (vector->dir);
  g_free (vector);
}

static const char *
testsuite_dir (void)
{
  return g_getenv ("SIGNET_SIGV4_TESTSUITE");
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GBytes *
read_bytes (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static SignetWireRequest *
parse_request_file (const char *dir,
                    const char *name)
{
  g_autoptr(GBytes) raw = read_bytes (dir, name);
  g_autoptr(GError) error = NULL;
  SignetWireRequest *request = signet_wire_request_parse_raw (raw, "https", &error);

  g_assert_no_error (error);
  return request;
}

static int
compare_string_pointers (gconstpointer a,
                         gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GDateTime *
vector_time (void)
{
  return g_date_time_new_utc (2015, 8, 30, 12, 36, 0);
}

/* The headers of a signed request as a sorted "name:value" list, so the
 * signer's additions can be compared with AWS's whatever their order. */
static char *
header_lines (const SignetWireRequest *request)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);
      g_autofree char *name = g_ascii_strdown (header->name, -1);
      g_autofree char *value = g_strstrip (g_strdup (header->value));

      g_ptr_array_add (lines, g_strconcat (name, ":", value, NULL));
    }
  g_ptr_array_sort (lines, compare_string_pointers);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
sorted_query (const char *query)
{
  g_auto(GStrv) params = g_strsplit (query ? query : "", "&", -1);

  qsort (params, g_strv_length (params), sizeof (char *), compare_string_pointers);
  return g_strjoinv ("&", params);
}

static void
test_aws_c_auth_case (gconstpointer data)
{
  const VectorCase *vector = data;
  const char *prefix = vector->location == SIGNET_SIGV4_LOCATION_QUERY ? "query" : "header";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request = parse_request_file (vector->dir, "request.txt");
  g_autoptr(SignetWireRequest) expected_request = NULL;
  g_autoptr(SignetWireRequest) signed_request = NULL;
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(GDateTime) time = vector_time ();
  g_autofree char *context_path = g_build_filename (vector->dir, "context.json", NULL);
  g_autofree char *name = NULL;
  JsonObject *context;
  JsonObject *credentials;
  SignetSigv4Params params = { 0 };
  g_autofree char *expected_canonical = NULL;
  g_autofree char *expected_sts = NULL;
  g_autofree char *expected_signature = NULL;
  g_autofree char *expected_headers = NULL;
  g_autofree char *actual_headers = NULL;

  json_parser_load_from_file (parser, context_path, &error);
  g_assert_no_error (error);
  context = json_node_get_object (json_parser_get_root (parser));
  credentials = json_object_get_object_member (context, "credentials");

  params.access_key_id = json_object_get_string_member (credentials, "access_key_id");
  params.secret_access_key = json_object_get_string_member (credentials, "secret_access_key");
  params.session_token = json_object_get_string_member_with_default (credentials, "token", NULL);
  params.region = json_object_get_string_member (context, "region");
  params.service = json_object_get_string_member (context, "service");
  params.time = time;
  params.location = vector->location;
  params.expires = (guint) json_object_get_int_member (context, "expiration_in_seconds");
  if (!json_object_get_boolean_member (context, "normalize"))
    params.flags |= SIGNET_SIGV4_FLAGS_S3;
  if (json_object_get_boolean_member (context, "sign_body"))
    params.flags |= SIGNET_SIGV4_FLAGS_SIGN_BODY;
  if (json_object_get_boolean_member_with_default (context, "omit_session_token", FALSE))
    params.flags |= SIGNET_SIGV4_FLAGS_OMIT_SESSION_TOKEN;

  result = signet_sigv4_sign (request, &params, &error);
  g_assert_no_error (error);

  name = g_strconcat (prefix, "-canonical-request.txt", NULL);
  expected_canonical = read_text (vector->dir, name);
  g_assert_cmpstr (result->canonical_request, ==, expected_canonical);
  g_free (name);
  name = g_strconcat (prefix, "-string-to-sign.txt", NULL);
  expected_sts = read_text (vector->dir, name);
  g_assert_cmpstr (result->string_to_sign, ==, expected_sts);
  g_free (name);
  name = g_strconcat (prefix, "-signature.txt", NULL);
  expected_signature = read_text (vector->dir, name);
  g_assert_cmpstr (result->signature, ==, expected_signature);

  /* What the signer adds must be exactly what AWS's signed request has. */
  g_free (name);
  name = g_strconcat (prefix, "-signed-request.txt", NULL);
  expected_request = parse_request_file (vector->dir, name);
  signed_request = signet_sigv4_result_apply (result, request);
  g_assert_cmpstr (signed_request->path, ==, expected_request->path);
  {
    g_autofree char *actual_query = sorted_query (signed_request->query);
    g_autofree char *expected_query = sorted_query (expected_request->query);

    g_assert_cmpstr (actual_query, ==, expected_query);
  }
  expected_headers = header_lines (expected_request);
  actual_headers = header_lines (signed_request);
  g_assert_cmpstr (actual_headers, ==, expected_headers);
}

/* The 2015 suite: <case>.req already carries X-Amz-Date, which the signer
 * adds itself, so it is taken out first (and must say the vectors' time). */
static void
test_legacy_case (gconstpointer data)
{
  const char *dir = data;
  g_autofree char *base = g_path_get_basename (dir);
  g_autofree char *req_name = g_strconcat (base, ".req", NULL);
  g_autofree char *sreq_name = g_strconcat (base, ".sreq", NULL);
  g_autofree char *creq_name = g_strconcat (base, ".creq", NULL);
  g_autofree char *sts_name = g_strconcat (base, ".sts", NULL);
  g_autofree char *authz_name = g_strconcat (base, ".authz", NULL);
  g_autoptr(SignetWireRequest) request = parse_request_file (dir, req_name);
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(GDateTime) time = vector_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *expected_creq = read_text (dir, creq_name);
  g_autofree char *expected_sts = read_text (dir, sts_name);
  g_autofree char *expected_authz = read_text (dir, authz_name);
  SignetSigv4Params params = {
    .access_key_id = "AKIDEXAMPLE",
    .secret_access_key = VECTOR_SECRET,
    .region = "us-east-1",
    .service = "service",
    .time = time,
  };
  const char *authorization = NULL;

  g_assert_cmpstr (signet_wire_request_get_header (request, "X-Amz-Date"), ==, VECTOR_TIME);
  signet_wire_request_remove_header (request, "X-Amz-Date");

  /* Session tokens: in the .req (signed), named by the README, or added
   * after signing (post-sts-header-after, read from its .sreq). */
  token = g_strdup (signet_wire_request_get_header (request, "X-Amz-Security-Token"));
  signet_wire_request_remove_header (request, "X-Amz-Security-Token");
  if (g_str_equal (base, "get-vanilla-with-session-token"))
    token = g_strdup (LEGACY_TOKEN);
  if (g_str_equal (base, "post-sts-header-after"))
    {
      g_autoptr(SignetWireRequest) signed_request = parse_request_file (dir, sreq_name);

      token = g_strdup (signet_wire_request_get_header (signed_request, "X-Amz-Security-Token"));
      params.flags |= SIGNET_SIGV4_FLAGS_OMIT_SESSION_TOKEN;
    }
  params.session_token = token;

  result = signet_sigv4_sign (request, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->canonical_request, ==, expected_creq);
  g_assert_cmpstr (result->string_to_sign, ==, expected_sts);
  for (guint i = 0; i < result->headers_to_add->len; i++)
    {
      const SignetHeader *header = &g_array_index (result->headers_to_add, SignetHeader, i);

      if (g_str_equal (header->name, "Authorization"))
        authorization = header->value;
    }
  g_assert_cmpstr (authorization, ==, expected_authz);
}

static void
test_missing_testsuite (void)
{
  g_test_skip ("AWS's vectors were not found: set SIGNET_SIGV4_TESTSUITE or put shared/ beside the checkout");
}

static gboolean
is_directory (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_DIR);
}

static guint
add_aws_c_auth_cases (const char *suite)
{
  g_autofree char *root = g_build_filename (suite, "aws-c-auth-v4", NULL);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);

      if (is_directory (path))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_string_pointers);

  for (guint i = 0; i < names->len; i++)
    for (SignetSigv4Location location = SIGNET_SIGV4_LOCATION_HEADERS;
         location <= SIGNET_SIGV4_LOCATION_QUERY; location++)
      {
        VectorCase *vector = g_new0 (VectorCase, 1);
        g_autofree char *test_path = NULL;

        vector->dir = g_build_filename (root, names->pdata[i], NULL);
        vector->location = location;
        test_path = g_strdup_printf ("/signet/sigv4/aws-c-auth/%s/%s", (char *) names->pdata[i],
                                     location == SIGNET_SIGV4_LOCATION_QUERY ? "query" : "header");
        g_test_add_data_func_full (test_path, vector, test_aws_c_auth_case, vector_case_free);
      }

  return names->len;
}

/* A legacy case is a folder holding <folder>.req; groups nest cases. */
static guint
add_legacy_cases (const char *root,
                  const char *test_prefix)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_string_pointers);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (root, names->pdata[i], NULL);
      g_autofree char *req = g_strdup_printf ("%s/%s.req", path, (char *) names->pdata[i]);
      g_autofree char *test_path = g_strdup_printf ("%s/%s", test_prefix, (char *) names->pdata[i]);

      if (!is_directory (path))
        continue;
      if (g_file_test (req, G_FILE_TEST_EXISTS))
        {
          g_test_add_data_func_full (test_path, g_steal_pointer (&path), test_legacy_case, g_free);
          count++;
        }
      else
        count += add_legacy_cases (path, test_path);
    }

  return count;
}

int
main (int    argc,
      char **argv)
{
  const char *suite = testsuite_dir ();

  g_test_init (&argc, &argv, NULL);

  if (suite == NULL || !is_directory (suite))
    {
      g_test_add_func ("/signet/sigv4/vectors", test_missing_testsuite);
    }
  else
    {
      g_autofree char *legacy = g_build_filename (suite, "aws4_testsuite-2015", NULL);
      guint n_current = add_aws_c_auth_cases (suite);
      guint n_legacy = add_legacy_cases (legacy, "/signet/sigv4/aws4-testsuite-2015");

      /* A moved or emptied folder must not pass as "nothing to test". */
      g_assert_cmpuint (n_current, ==, 38);
      g_assert_cmpuint (n_legacy, ==, 34);
    }

  return g_test_run ();
}
