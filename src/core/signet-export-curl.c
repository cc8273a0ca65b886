/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-export-curl.h"
#include "signet-uri-encode.h"

/*
 * "Copy as curl": a command that signs anew on every run with curl's own
 * --aws-sigv4 and the credentials from the environment, so no frozen
 * Authorization header or secret ends up in a terminal or a script.
 */

/* POSIX single quotes: nothing inside is special; ' becomes '\''. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append (out, "'\\''");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

static gboolean
is_signing_header (const char *name)
{
  return g_ascii_strcasecmp (name, "Authorization") == 0
         || g_ascii_strcasecmp (name, "X-Amz-Date") == 0
         || g_ascii_strcasecmp (name, "X-Amz-Security-Token") == 0
         || g_ascii_strcasecmp (name, "X-Amz-Content-Sha256") == 0;
}

/* The same encoding as the request's own form body. */
static char *
encode_form (SignetRequest *request)
{
  GListModel *fields = signet_request_get_form_fields (request);
  GString *form = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (fields, i);

      if (!signet_request_row_get_enabled (row) || signet_request_row_is_blank (row))
        continue;
      if (form->len > 0)
        g_string_append_c (form, '&');
      for (int part = 0; part < 2; part++)
        {
          const char *text = part == 0 ? signet_request_row_get_name (row)
                                       : signet_request_row_get_value (row);

          if (part == 1)
            g_string_append_c (form, '=');
          for (const char *p = text; *p != '\0'; p++)
            {
              if (*p == ' ')
                g_string_append_c (form, '+');
              else
                signet_uri_encode_append (form, p, 1, FALSE);
            }
        }
    }
  return g_string_free (form, FALSE);
}

/* Where curl's signer is known to disagree with the canonical request. */
static void
check_signing (GStrvBuilder *warnings,
               const char   *url)
{
  const char *path = strstr (url, "://");
  const char *query = strchr (url, '?');
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  path = path != NULL ? strchr (path + 3, '/') : NULL;
  if (path != NULL && memchr (path, '%', (query != NULL ? query : path + strlen (path)) - path) != NULL)
    g_strv_builder_add (warnings,
                        _("The path has percent-encoded characters; curl normalizes and encodes the path differently, so its signature may not match"));
  if (query == NULL)
    return;
  for (const char *p = query + 1; *p != '\0';)
    {
      gsize len = strcspn (p, "=&#");
      char *key = g_strndup (p, len);

      if (!g_hash_table_add (keys, key))
        {
          g_strv_builder_add (warnings,
                              _("The query repeats a key; curl sorts repeated keys differently, so its signature may not match"));
          return;
        }
      p += strcspn (p, "&#");
      if (*p != '&')
        break;
      p++;
    }
}

/**
 * signet_export_curl:
 * @session_token: whether the credential has a session token
 * @warnings: (out) (optional): what curl may do differently, %NULL-terminated
 *
 * Returns: (transfer full): a curl command for POSIX shells
 */
char *
signet_export_curl (SignetRequest  *request,
                    gboolean        session_token,
                    GStrv          *warnings)
{
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  GString *out = g_string_new ("curl");
  const char *method = signet_request_get_method (request);
  const char *url = signet_request_get_url (request);
  SignetBodyKind body_kind = signet_request_get_body_kind (request);
  gboolean sigv4 = signet_request_get_auth_kind (request) == SIGNET_AUTH_KIND_AWS_SIGV4;
  GListModel *headers = signet_request_get_headers (request);
  g_autofree char *body = NULL;

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);

  if (body_kind == SIGNET_BODY_KIND_FORM)
    body = encode_form (request);
  else if (body_kind != SIGNET_BODY_KIND_NONE)
    body = g_strdup (signet_request_get_body_text (request));

  if (g_strcmp0 (method, "GET") != 0 || body != NULL)
    {
      g_string_append (out, " -X ");
      append_quoted (out, method);
    }
  g_string_append_c (out, ' ');
  append_quoted (out, url);

  if (sigv4)
    {
      const char *region = signet_request_get_region (request);
      const char *service = signet_request_get_service (request);
      g_autofree char *scope = NULL;

      if (region == NULL || *region == '\0')
        region = signet_request_get_detected_region (request);
      if (service == NULL || *service == '\0')
        service = signet_request_get_detected_service (request);
      if (region == NULL || *region == '\0' || service == NULL || *service == '\0')
        g_strv_builder_add (found, _("Region or service is not set; fill in REGION and SERVICE"));
      scope = g_strdup_printf ("aws:amz:%s:%s",
                               region != NULL && *region != '\0' ? region : "REGION",
                               service != NULL && *service != '\0' ? service : "SERVICE");
      g_string_append (out, " \\\n  --aws-sigv4 ");
      append_quoted (out, scope);
      /* Double quotes: the shell fills these in on every run. */
      g_string_append (out, " \\\n  --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"");
      if (session_token)
        g_string_append (out, " \\\n  -H \"x-amz-security-token: $AWS_SESSION_TOKEN\"");
      if (signet_request_get_sign_in_query (request))
        g_strv_builder_add (found, _("curl signs in headers, not in the query string"));
      check_signing (found, url);
    }

  for (guint i = 0; i < g_list_model_get_n_items (headers); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (headers, i);
      g_autofree char *line = NULL;

      if (!signet_request_row_get_enabled (row) || signet_request_row_is_blank (row))
        continue;
      /* A copied signature would be frozen and a token a leaked secret. */
      if (is_signing_header (signet_request_row_get_name (row)))
        continue;
      line = g_strdup_printf ("%s: %s", signet_request_row_get_name (row),
                              signet_request_row_get_value (row));
      g_string_append (out, " \\\n  -H ");
      append_quoted (out, line);
    }

  if (body != NULL && signet_request_get_header_value (request, "Content-Type") == NULL)
    {
      g_string_append (out, " \\\n  -H ");
      append_quoted (out, body_kind == SIGNET_BODY_KIND_JSON ? "Content-Type: application/json"
                          : body_kind == SIGNET_BODY_KIND_FORM ? "Content-Type: application/x-www-form-urlencoded"
                          : "Content-Type: text/plain");
    }
  if (body != NULL)
    {
      g_string_append (out, " \\\n  --data-raw ");
      append_quoted (out, body);
    }
  if (strstr (url, "{{") != NULL)
    g_strv_builder_add (found, _("The URL has unresolved {{variables}}"));

  if (warnings != NULL)
    *warnings = g_strv_builder_end (found);
  return g_string_free (out, FALSE);
}
