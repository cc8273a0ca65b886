/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-amz-date.h"
#include "signet-error.h"
#include "signet-secure-memory.h"
#include "signet-sigv4-canonical.h"
#include "signet-sigv4.h"
#include "signet-uri-encode.h"

#define ALGORITHM "AWS4-HMAC-SHA256"
#define UNSIGNED_PAYLOAD "UNSIGNED-PAYLOAD"

/* Hop-by-hop or rewritten by proxies and clients: signing them would make
 * a valid request fail on its way. */
static const char * const never_signed_headers[] = {
  "user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding",
};

/* Headers and parameters the signer itself owns. */
static const char * const signing_headers[] = {
  "authorization", "x-amz-date", "x-amz-security-token",
};
static const char * const signing_params[] = {
  "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
  "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token",
};

gboolean
signet_sigv4_header_is_never_signed (const char *lowercase_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (never_signed_headers); i++)
    if (g_str_equal (lowercase_name, never_signed_headers[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_scope_part (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.'))
      return FALSE;

  return TRUE;
}

static gboolean
is_access_key_id (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p) || *p == '/' || *p == ',')
      return FALSE;

  return TRUE;
}

static gboolean
query_has_signing_param (const char *query)
{
  g_auto(GStrv) pieces = g_strsplit (query ? query : "", "&", -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (pieces[i], strcspn (pieces[i], "="));

      for (guint j = 0; j < G_N_ELEMENTS (signing_params); j++)
        if (g_ascii_strcasecmp (name, signing_params[j]) == 0)
          return TRUE;
    }

  return FALSE;
}

static gboolean
validate_request (const SignetWireRequest  *request,
                  GError                  **error)
{
  if (!signet_header_name_is_valid (request->method))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid HTTP method"), request->method ? request->method : "");
      return FALSE;
    }
  if (request->authority == NULL || request->authority[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                           _("The request has no host"));
      return FALSE;
    }
  if (request->path == NULL || request->path[0] != '/')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                           _("The request path must start with “/”"));
      return FALSE;
    }

  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);

      if (!signet_header_name_is_valid (header->name) || strpbrk (header->value, "\r\n"))
        {
          g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                       _("The header “%s” is malformed"), header->name);
          return FALSE;
        }
      for (guint j = 0; j < G_N_ELEMENTS (signing_headers); j++)
        if (g_ascii_strcasecmp (header->name, signing_headers[j]) == 0)
          {
            g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_ALREADY_SIGNED,
                         _("The request already has a %s header; Signet adds it when signing"),
                         header->name);
            return FALSE;
          }
    }

  if (query_has_signing_param (request->query))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_ALREADY_SIGNED,
                           _("The URL is already presigned (it has X-Amz-* signing parameters)"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_params (const SignetSigv4Params  *params,
                 GError                  **error)
{
  if (!is_access_key_id (params->access_key_id) ||
      params->secret_access_key == NULL || params->secret_access_key[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("An access key ID and a secret access key are needed to sign"));
      return FALSE;
    }
  if (params->session_token != NULL && strpbrk (params->session_token, "\r\n"))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("The session token cannot contain a line break"));
      return FALSE;
    }
  if (!is_scope_part (params->region))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE,
                           _("A region such as “us-west-2” is needed to sign"));
      return FALSE;
    }
  if (!is_scope_part (params->service))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE,
                           _("A service such as “execute-api” is needed to sign"));
      return FALSE;
    }
  if (params->time == NULL)
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_TIME,
                           _("The signing time is missing"));
      return FALSE;
    }
  if (params->location == SIGNET_SIGV4_LOCATION_QUERY && params->expires > SIGNET_SIGV4_MAX_EXPIRES)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_EXPIRY,
                   _("A presigned URL can be valid for at most %d seconds (7 days)"),
                   SIGNET_SIGV4_MAX_EXPIRES);
      return FALSE;
    }

  return TRUE;
}

static char *
payload_hash (const SignetWireRequest *request,
              const SignetSigv4Params *params)
{
  const char *declared = signet_wire_request_get_header (request, "x-amz-content-sha256");

  /* A declared hash (S3's UNSIGNED-PAYLOAD, say) is what the service checks. */
  if (declared != NULL)
    {
      GString *trimmed = g_string_new (NULL);

      signet_sigv4_append_trimmed_value (trimmed, declared);
      return g_string_free (trimmed, FALSE);
    }
  if (params->flags & SIGNET_SIGV4_FLAGS_UNSIGNED_PAYLOAD)
    return g_strdup (UNSIGNED_PAYLOAD);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, request->body);
}

static void
add_borrowed_header (GArray     *headers,
                     const char *name,
                     const char *value)
{
  SignetHeader header = { (char *) name, (char *) value };

  g_array_append_val (headers, header);
}

static char *
encode_param (const char *name,
              const char *value)
{
  GString *param = g_string_new (name);

  g_string_append_c (param, '=');
  signet_uri_encode_append (param, value, strlen (value), FALSE);

  return g_string_free (param, FALSE);
}

static char *
compute_signature (const SignetSigv4Params *params,
                   const char              *date,
                   const char              *string_to_sign)
{
  guint8 key[SIGNET_SIGV4_KEY_LENGTH];
  GHmac *hmac;
  char *signature;

  if (params->key_cache != NULL)
    signet_sigv4_key_cache_get (params->key_cache, params->secret_access_key,
                                date, params->region, params->service, key);
  else
    signet_sigv4_derive_key (params->secret_access_key, date,
                             params->region, params->service, key);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, sizeof key);
  signet_secure_zero (key, sizeof key);
  g_hmac_update (hmac, (const guchar *) string_to_sign, strlen (string_to_sign));
  signature = g_strdup (g_hmac_get_string (hmac));
  g_hmac_unref (hmac);

  return signature;
}

/**
 * signet_sigv4_sign:
 * @request: the request as it will go on the wire; it is not changed
 * @params: credentials, scope, time and form
 * @error: a #SIGNET_ERROR on bad input
 *
 * Signs @request with AWS Signature Version 4. A pure function: the same
 * inputs always give the same result.
 *
 * Returns: (transfer full): what to add to the request, and the workings.
 */
SignetSigv4Result *
signet_sigv4_sign (const SignetWireRequest  *request,
                   const SignetSigv4Params  *params,
                   GError                  **error)
{
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(GArray) to_sign = NULL;
  g_autoptr(GPtrArray) query_params = NULL;
  g_autofree char *amz_date = NULL;
  g_autofree char *date = NULL;
  g_autofree char *credential = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *canonical_hash = NULL;
  GString *canonical;
  GString *canonical_headers;
  GString *signed_names;
  gboolean in_query = params->location == SIGNET_SIGV4_LOCATION_QUERY;
  gboolean sign_token = params->session_token != NULL && params->session_token[0] != '\0' &&
                        !(params->flags & SIGNET_SIGV4_FLAGS_OMIT_SESSION_TOKEN);
  gboolean has_token = params->session_token != NULL && params->session_token[0] != '\0';
  gboolean add_content_hash = FALSE;
  gboolean has_host;
  guint expires = params->expires ? params->expires : SIGNET_SIGV4_DEFAULT_EXPIRES;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate_request (request, error) || !validate_params (params, error))
    return NULL;

  amz_date = signet_amz_date_format (params->time);
  date = g_strndup (amz_date, 8);

  result = g_new0 (SignetSigv4Result, 1);
  result->headers_to_add = signet_header_array_new ();
  result->credential_scope = g_strdup_printf ("%s/%s/%s/aws4_request",
                                              date, params->region, params->service);
  credential = g_strdup_printf ("%s/%s", params->access_key_id, result->credential_scope);
  hash = payload_hash (request, params);

  /* The headers to sign: the request's own, Host, and those we add. */
  to_sign = g_array_new (FALSE, FALSE, sizeof (SignetHeader));
  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);
      g_autofree char *lowercase = g_ascii_strdown (header->name, -1);

      if (!signet_sigv4_header_is_never_signed (lowercase))
        g_array_append_val (to_sign, *header);
    }
  has_host = signet_wire_request_get_header (request, "host") != NULL;
  if (!has_host)
    add_borrowed_header (to_sign, "host", request->authority);
  if (!in_query)
    {
      add_borrowed_header (to_sign, "x-amz-date", amz_date);
      if (sign_token)
        add_borrowed_header (to_sign, "x-amz-security-token", params->session_token);
      add_content_hash = (params->flags & SIGNET_SIGV4_FLAGS_SIGN_BODY) &&
                         signet_wire_request_get_header (request, "x-amz-content-sha256") == NULL;
      if (add_content_hash)
        add_borrowed_header (to_sign, "x-amz-content-sha256", hash);
    }

  canonical_headers = g_string_new (NULL);
  signed_names = g_string_new (NULL);
  signet_sigv4_append_canonical_headers (canonical_headers, signed_names, to_sign);
  result->signed_headers = g_string_free (signed_names, FALSE);

  /* A presigned URL's own parameters are part of what is signed. */
  query_params = g_ptr_array_new_with_free_func (g_free);
  if (in_query)
    {
      g_ptr_array_add (query_params, g_strdup ("X-Amz-Algorithm=" ALGORITHM));
      g_ptr_array_add (query_params, encode_param ("X-Amz-Credential", credential));
      g_ptr_array_add (query_params, g_strconcat ("X-Amz-Date=", amz_date, NULL));
      g_ptr_array_add (query_params, encode_param ("X-Amz-SignedHeaders", result->signed_headers));
      g_ptr_array_add (query_params, g_strdup_printf ("X-Amz-Expires=%u", expires));
      if (sign_token)
        g_ptr_array_add (query_params, encode_param ("X-Amz-Security-Token", params->session_token));
    }
  g_ptr_array_add (query_params, NULL);

  canonical = g_string_sized_new (256 + canonical_headers->len);
  g_string_append (canonical, request->method);
  g_string_append_c (canonical, '\n');
  signet_sigv4_append_canonical_path (canonical, request->path,
                                      params->flags & SIGNET_SIGV4_FLAGS_S3);
  g_string_append_c (canonical, '\n');
  signet_sigv4_append_canonical_query (canonical, request->query,
                                       (const char * const *) query_params->pdata);
  g_string_append_c (canonical, '\n');
  g_string_append_len (canonical, canonical_headers->str, canonical_headers->len);
  g_string_append_c (canonical, '\n');
  g_string_append (canonical, result->signed_headers);
  g_string_append_c (canonical, '\n');
  g_string_append (canonical, hash);
  g_string_free (canonical_headers, TRUE);
  result->canonical_request = g_string_free (canonical, FALSE);

  canonical_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, result->canonical_request, -1);
  result->string_to_sign = g_strconcat (ALGORITHM "\n", amz_date, "\n",
                                        result->credential_scope, "\n", canonical_hash, NULL);
  result->signature = compute_signature (params, date, result->string_to_sign);

  if (!has_host)
    signet_header_array_add (result->headers_to_add, "Host", request->authority);
  if (in_query)
    {
      GString *query = g_string_new (NULL);

      g_ptr_array_set_size (query_params, query_params->len - 1);
      if (has_token && !sign_token)
        g_ptr_array_add (query_params, encode_param ("X-Amz-Security-Token", params->session_token));
      g_ptr_array_add (query_params, g_strconcat ("X-Amz-Signature=", result->signature, NULL));
      for (guint i = 0; i < query_params->len; i++)
        {
          if (i > 0)
            g_string_append_c (query, '&');
          g_string_append (query, query_params->pdata[i]);
        }
      result->query_to_add = g_string_free (query, FALSE);
    }
  else
    {
      g_autofree char *authorization =
        g_strdup_printf (ALGORITHM " Credential=%s, SignedHeaders=%s, Signature=%s",
                         credential, result->signed_headers, result->signature);

      signet_header_array_add (result->headers_to_add, "X-Amz-Date", amz_date);
      if (has_token)
        signet_header_array_add (result->headers_to_add, "X-Amz-Security-Token", params->session_token);
      if (add_content_hash)
        signet_header_array_add (result->headers_to_add, "X-Amz-Content-Sha256", hash);
      signet_header_array_add (result->headers_to_add, "Authorization", authorization);
    }

  return g_steal_pointer (&result);
}

/**
 * signet_sigv4_result_apply:
 * @result: a signing result
 * @request: the request that was signed
 *
 * Returns: (transfer full): a copy of @request with the signature added
 */
SignetWireRequest *
signet_sigv4_result_apply (const SignetSigv4Result *result,
                           const SignetWireRequest *request)
{
  SignetWireRequest *signed_request = signet_wire_request_copy (request);

  for (guint i = 0; i < result->headers_to_add->len; i++)
    {
      const SignetHeader *header = &g_array_index (result->headers_to_add, SignetHeader, i);

      signet_wire_request_add_header (signed_request, header->name, header->value);
    }
  if (result->query_to_add != NULL)
    signet_wire_request_append_query (signed_request, result->query_to_add);

  return signed_request;
}

void
signet_sigv4_result_free (SignetSigv4Result *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->headers_to_add, g_array_unref);
  g_free (result->query_to_add);
  g_free (result->canonical_request);
  g_free (result->string_to_sign);
  g_free (result->credential_scope);
  g_free (result->signed_headers);
  g_free (result->signature);
  g_free (result);
}
