/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libsoup/soup.h>

#include "signet-bench-serve.h"
#include "signet-sigv4.h"

/* A fast server for bench/audit that answers like API Gateway with
 * AWS_IAM, in the few ways the access check's probes need: no signature
 * gets 403 MissingAuthenticationTokenException, an unknown access key 403
 * UnrecognizedClientException, a wrong signature 403
 * InvalidSignatureException, a good one 200. It checks signatures by
 * signing again with Signet's signer (the tests' fixture checks them with
 * botocore; this one is only fast). Prints "PORT <n>", serves on 127.0.0.1
 * until its standard input closes.
 *
 * Usage: signet-bench-apigw ACCESS_KEY_ID SECRET_ACCESS_KEY */

#define REGION  "us-west-2"
#define SERVICE "execute-api"

typedef struct
{
  const char *access_key_id;
  const char *secret_access_key;
} Key;

static void
refuse (SoupServerMessage *message,
        const char        *error_type,
        const char        *text)
{
  g_autofree char *body = g_strdup_printf ("{\"message\":\"%s\"}", text);
  gsize length = strlen (body);

  soup_server_message_set_status (message, SOUP_STATUS_FORBIDDEN, NULL);
  soup_message_headers_append (soup_server_message_get_response_headers (message),
                               "x-amzn-ErrorType", error_type);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), length);
}

/* "AWS4-HMAC-SHA256 Credential=KEY/date/..., SignedHeaders=a;b, Signature=hex" */
static char *
field (const char *authorization,
       const char *name,
       const char *stop)
{
  const char *start = strstr (authorization, name);

  if (start == NULL)
    return NULL;
  start += strlen (name);
  return g_strndup (start, strcspn (start, stop));
}

static GDateTime *
parse_amz_date (const char *value)
{
  g_autofree char *iso = NULL;

  if (value == NULL || strlen (value) != 16)
    return NULL;
  iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", value, value + 4, value + 6,
                         value + 9, value + 11, value + 13);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

/* The request as the client signed it: the signed headers but those the
 * signer adds itself, the raw path and query, the body. */
static SignetWireRequest *
rebuild (SoupServerMessage *message,
         const char        *signed_headers)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  GUri *uri = soup_server_message_get_uri (message);
  SignetWireRequest *request = signet_wire_request_new (soup_server_message_get_method (message));
  g_auto(GStrv) names = g_strsplit (signed_headers, ";", -1);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));

  g_free (request->scheme);
  request->scheme = g_strdup ("http");
  request->authority = g_strdup (soup_message_headers_get_one (headers, "Host"));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = soup_message_headers_get_list (headers, names[i]);

      if (g_str_equal (names[i], "host") || g_str_equal (names[i], "x-amz-date") ||
          g_str_equal (names[i], "x-amz-security-token") || value == NULL)
        continue;
      signet_wire_request_add_header (request, names[i], value);
    }
  signet_wire_request_set_body (request, body);
  return request;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  const Key *key = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *access_key_id = NULL;
  g_autofree char *signed_headers = NULL;
  g_autofree char *signature = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(SignetWireRequest) request = NULL;
  g_autoptr(SignetSigv4Result) expected = NULL;
  SignetSigv4Params params = { 0 };

  if (authorization == NULL)
    {
      refuse (message, "MissingAuthenticationTokenException", "Missing Authentication Token");
      return;
    }
  access_key_id = field (authorization, "Credential=", "/");
  signed_headers = field (authorization, "SignedHeaders=", ",");
  signature = field (authorization, "Signature=", ",");
  time = parse_amz_date (soup_message_headers_get_one (headers, "X-Amz-Date"));
  if (access_key_id == NULL || signed_headers == NULL || signature == NULL || time == NULL)
    {
      refuse (message, "IncompleteSignatureException", "Authorization header requires 'Credential' parameter.");
      return;
    }
  if (!g_str_equal (access_key_id, key->access_key_id))
    {
      refuse (message, "UnrecognizedClientException", "The security token included in the request is invalid.");
      return;
    }

  request = rebuild (message, signed_headers);
  params.access_key_id = key->access_key_id;
  params.secret_access_key = key->secret_access_key;
  params.region = REGION;
  params.service = SERVICE;
  params.time = time;
  expected = signet_sigv4_sign (request, &params, NULL);
  if (expected == NULL || !g_str_equal (expected->signature, signature) ||
      !g_str_equal (expected->signed_headers, signed_headers))
    {
      refuse (message, "InvalidSignatureException",
              "The request signature we calculated does not match the signature you provided.");
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SoupServer) server = g_object_new (SOUP_TYPE_SERVER, "raw-paths", TRUE, NULL);
  Key key;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: signet-bench-apigw ACCESS_KEY_ID SECRET_ACCESS_KEY\n");
      return 2;
    }
  key.access_key_id = argv[1];
  key.secret_access_key = argv[2];

  soup_server_add_handler (server, NULL, handle, &key, NULL);
  return signet_bench_serve (server, "signet-bench-apigw");
}
