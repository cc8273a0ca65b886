/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-export-code.h"
#include "signet-uri-encode.h"

/*
 * "Copy as Python" and "Copy as JavaScript": a script that sends the
 * request as Signet would (the same method, URL, headers and body bytes)
 * and signs it anew on every run, with botocore's SigV4Auth or aws4fetch.
 * Credentials come from the environment (or botocore's usual places),
 * never from the script: a frozen Authorization header or a secret in a
 * file is what this avoids. Typed signing headers (Authorization,
 * X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256) are left out.
 */

typedef struct
{
  char    *method;
  char    *url;
  GArray  *headers;   /* SignetHeader */
  char    *body;      /* NULL for none */
  gboolean sigv4;
  char    *region;
  char    *service;
  char    *title;
} CodeRequest;

static void
code_request_free (CodeRequest *code)
{
  g_free (code->method);
  g_free (code->url);
  g_clear_pointer (&code->headers, g_array_unref);
  g_free (code->body);
  g_free (code->region);
  g_free (code->service);
  g_free (code->title);
  g_free (code);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CodeRequest, code_request_free)

static gboolean
is_left_out (const char *name)
{
  static const char * const left_out[] = {
    "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256",
    /* the HTTP library sets these from the URL and the body */
    "Host", "Content-Length",
  };

  for (guint i = 0; i < G_N_ELEMENTS (left_out); i++)
    if (g_ascii_strcasecmp (name, left_out[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Each name and value decoded and encoded again as SigV4's canonical query
 * has them, in the order typed: botocore signs the URL's query as it
 * finds it, so it must already be in that form ("a b" becomes "a%20b",
 * "a/b" becomes "a%2Fb"); the server decodes both forms alike. */
static void
append_canonical_query (GString    *out,
                        const char *query)
{
  g_auto(GStrv) pairs = g_strsplit (query, "&", -1);
  gboolean first = TRUE;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      gsize name_length = equals ? (gsize) (equals - pairs[i]) : strlen (pairs[i]);
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) value = g_string_new (NULL);

      if (pairs[i][0] == '\0')
        continue;
      signet_uri_decode_append (name, pairs[i], name_length);
      if (equals != NULL)
        signet_uri_decode_append (value, equals + 1, strlen (equals + 1));

      g_string_append_c (out, first ? '?' : '&');
      first = FALSE;
      signet_uri_encode_append (out, name->str, name->len, FALSE);
      g_string_append_c (out, '=');
      signet_uri_encode_append (out, value->str, value->len, FALSE);
    }
}

static const char *
scope_part (const char *typed,
            const char *detected)
{
  if (typed != NULL && *typed != '\0')
    return typed;
  if (detected != NULL && *detected != '\0')
    return detected;
  return NULL;
}

static CodeRequest *
code_request_new (SignetRequest  *request,
                  GStrvBuilder   *warnings,
                  GError        **error)
{
  g_autoptr(SignetWireRequest) wire = signet_request_build_wire (request, error);
  g_autoptr(CodeRequest) code = NULL;
  GString *url;
  gsize body_size = 0;
  const char *body;

  if (wire == NULL)
    return NULL;

  code = g_new0 (CodeRequest, 1);
  code->method = g_strdup (wire->method);
  url = g_string_new (NULL);
  g_string_append_printf (url, "%s://%s%s", wire->scheme, wire->authority, wire->path);
  if (wire->query != NULL)
    append_canonical_query (url, wire->query);
  code->url = g_string_free (url, FALSE);
  /* on a comment line of its own */
  code->title = g_strdelimit (g_strdup (signet_request_get_title (request)), "\r\n", ' ');

  code->headers = signet_header_array_new ();
  for (guint i = 0; i < wire->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (wire->headers, SignetHeader, i);

      if (!is_left_out (header->name))
        signet_header_array_add (code->headers, header->name, header->value);
    }

  body = g_bytes_get_data (wire->body, &body_size);
  if (body_size > 0)
    code->body = g_utf8_make_valid (body, body_size);

  code->sigv4 = signet_request_get_auth_kind (request) == SIGNET_AUTH_KIND_AWS_SIGV4;
  if (code->sigv4)
    {
      const char *region = scope_part (signet_request_get_region (request),
                                       signet_request_get_detected_region (request));
      const char *service = scope_part (signet_request_get_service (request),
                                        signet_request_get_detected_service (request));

      if (region == NULL || service == NULL)
        g_strv_builder_add (warnings, _("Region or service is not set; fill in REGION and SERVICE"));
      code->region = g_strdup (region ? region : "REGION");
      code->service = g_strdup (service ? service : "SERVICE");
      if (signet_request_get_sign_in_query (request))
        g_strv_builder_add (warnings, _("The script signs in headers, not in the query string"));
    }
  if (strstr (signet_request_get_url (request), "{{") != NULL)
    g_strv_builder_add (warnings, _("The URL has unresolved {{variables}}"));

  return g_steal_pointer (&code);
}

/* A double-quoted literal that Python 3 and JavaScript read alike. */
static void
append_literal (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          /* control characters and the line separators JavaScript ends
           * a line at */
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_unichar (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* "name": "value" lines; repeated names joined with ", " as HTTP allows,
 * for a dict or object holds each name once. */
static void
append_headers_object (GString    *out,
                       GArray     *headers,
                       const char *indent,
                       const char *separator)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        free_string);

  for (guint i = 0; i < headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (headers, SignetHeader, i);
      g_autofree char *key = g_ascii_strdown (header->name, -1);
      GString *value = g_hash_table_lookup (values, key);

      if (value != NULL)
        {
          g_string_append_printf (value, ", %s", header->value);
          continue;
        }
      g_hash_table_insert (values, g_strdup (key), g_string_new (header->value));
      g_ptr_array_add (names, (gpointer) header->name);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *key = g_ascii_strdown (name, -1);

      g_string_append (out, indent);
      append_literal (out, name);
      g_string_append (out, separator);
      append_literal (out, ((GString *) g_hash_table_lookup (values, key))->str);
      g_string_append (out, ",\n");
    }
}

static void
write_python (GString     *out,
              CodeRequest *code)
{
  g_string_append (out, "#!/usr/bin/env python3\n");
  g_string_append_printf (out, "# %s, from Signet.\n", code->title);
  if (code->sigv4)
    g_string_append (out,
                     "# Signed anew with AWS Signature Version 4 on every run. The credentials\n"
                     "# come from botocore's usual places (AWS_ACCESS_KEY_ID,\n"
                     "# AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or ~/.aws), never from\n"
                     "# this file. Needs requests and botocore (python3-requests and\n"
                     "# python3-botocore on Debian).\n"
                     "import sys\n\n"
                     "import botocore.session\n"
                     "import requests\n"
                     "from botocore.auth import SigV4Auth\n"
                     "from botocore.awsrequest import AWSRequest\n\n");
  else
    g_string_append (out, "# Needs requests (python3-requests on Debian).\n"
                          "import sys\n\n"
                          "import requests\n\n");

  g_string_append (out, "method = ");
  append_literal (out, code->method);
  g_string_append (out, "\nurl = ");
  append_literal (out, code->url);
  g_string_append (out, "\nheaders = {\n");
  append_headers_object (out, code->headers, "    ", ": ");
  g_string_append (out, "}\nbody = ");
  if (code->body != NULL)
    {
      append_literal (out, code->body);
      g_string_append (out, ".encode(\"utf-8\")\n");
    }
  else
    g_string_append (out, "b\"\"\n");

  if (code->sigv4)
    {
      g_string_append (out,
                       "\ncredentials = botocore.session.Session().get_credentials()\n"
                       "if credentials is None:\n"
                       "    sys.exit(\"No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\")\n"
                       "signed = AWSRequest(method=method, url=url, headers=headers, data=body)\n"
                       "SigV4Auth(credentials, ");
      append_literal (out, code->service);
      g_string_append (out, ", ");
      append_literal (out, code->region);
      g_string_append (out, ").add_auth(signed)\n"
                            "headers = dict(signed.headers.items())\n");
    }

  g_string_append (out,
                   "\nresponse = requests.request(method, url, headers=headers, data=body,\n"
                   "                            allow_redirects=False)\n"
                   "print(response.status_code, response.reason, file=sys.stderr)\n"
                   "print(response.text)\n");
}

static void
write_javascript (GString     *out,
                  CodeRequest *code)
{
  g_string_append_printf (out, "// %s, from Signet.\n", code->title);
  if (code->sigv4)
    g_string_append (out,
                     "// Signed anew with AWS Signature Version 4 on every run by aws4fetch; the\n"
                     "// credentials come from the environment, never from this file.\n"
                     "// Node.js 18 or later, as an ES module:\n"
                     "//   npm install aws4fetch && node request.mjs\n"
                     "import { AwsClient } from \"aws4fetch\";\n\n"
                     "const aws = new AwsClient({\n"
                     "  accessKeyId: process.env.AWS_ACCESS_KEY_ID,\n"
                     "  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,\n"
                     "  sessionToken: process.env.AWS_SESSION_TOKEN,\n");
  else
    g_string_append (out, "// Node.js 18 or later, as an ES module: node request.mjs\n\n");
  if (code->sigv4)
    {
      g_string_append (out, "  region: ");
      append_literal (out, code->region);
      g_string_append (out, ",\n  service: ");
      append_literal (out, code->service);
      g_string_append (out, ",\n});\n\n");
    }

  g_string_append (out, code->sigv4 ? "const response = await aws.fetch("
                                     : "const response = await fetch(");
  append_literal (out, code->url);
  g_string_append (out, ", {\n  method: ");
  append_literal (out, code->method);
  g_string_append (out, ",\n  headers: {\n");
  append_headers_object (out, code->headers, "    ", ": ");
  g_string_append (out, "  },\n");
  if (code->body != NULL)
    {
      g_string_append (out, "  body: ");
      append_literal (out, code->body);
      g_string_append (out, ",\n");
    }
  g_string_append (out, "  redirect: \"manual\",\n"
                        "});\n"
                        "console.error(response.status, response.statusText);\n"
                        "console.log(await response.text());\n");
}

typedef void (*CodeWriter) (GString     *out,
                            CodeRequest *code);

static char *
export_code (SignetRequest  *request,
             CodeWriter      write,
             GStrv          *warnings,
             GError        **error)
{
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autoptr(CodeRequest) code = NULL;
  GString *out;

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);

  code = code_request_new (request, found, error);
  if (code == NULL)
    return NULL;

  out = g_string_new (NULL);
  write (out, code);
  if (warnings != NULL)
    *warnings = g_strv_builder_end (found);
  return g_string_free (out, FALSE);
}

/**
 * signet_export_python:
 * @request: a #SignetRequest
 * @warnings: (out) (optional): what to fill in or check, %NULL-terminated
 * @error: a %SIGNET_ERROR when the URL, method or a header is malformed
 *
 * A Python 3 script (requests, and botocore to sign) that sends @request
 * and prints the response's status on stderr and body on stdout.
 *
 * Returns: (transfer full): the script, or %NULL with @error set
 */
char *
signet_export_python (SignetRequest  *request,
                      GStrv          *warnings,
                      GError        **error)
{
  return export_code (request, write_python, warnings, error);
}

/**
 * signet_export_javascript:
 * @request: a #SignetRequest
 * @warnings: (out) (optional): what to fill in or check, %NULL-terminated
 * @error: a %SIGNET_ERROR when the URL, method or a header is malformed
 *
 * A JavaScript module for Node.js 18 or later that sends @request with
 * fetch, signed by aws4fetch's AwsClient with credentials from
 * process.env.
 *
 * Returns: (transfer full): the module, or %NULL with @error set
 */
char *
signet_export_javascript (SignetRequest  *request,
                          GStrv          *warnings,
                          GError        **error)
{
  return export_code (request, write_javascript, warnings, error);
}
