/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <string.h>

#include "signet-amz-date.h"
#include "signet-cli-request-options.h"
#include "signet-error.h"

GOptionGroup *
signet_cli_request_options_group (SignetCliRequestOptions *options)
{
  const GOptionEntry entries[] = {
    { "request", 'X', 0, G_OPTION_ARG_STRING, &options->method,
      N_("HTTP method (default GET, or POST with -d)"), N_("METHOD") },
    { "header", 'H', 0, G_OPTION_ARG_STRING_ARRAY, &options->headers,
      N_("Add a header, e.g. 'Content-Type: application/json'"), N_("'NAME: VALUE'") },
    { "data", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &options->data,
      N_("Request body; @FILE reads a file, @- standard input"), N_("DATA") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &options->region,
      N_("AWS region (default: read from the host)"), N_("REGION") },
    { "service", 0, 0, G_OPTION_ARG_STRING, &options->service,
      N_("Signing service (default: read from the host)"), N_("SERVICE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options->date,
      N_("Signing time (default: now)"), "YYYYMMDDTHHMMSSZ" },
    { "query", 0, 0, G_OPTION_ARG_NONE, &options->query,
      N_("Sign into the query string (a presigned URL)"), NULL },
    { "expires", 0, 0, G_OPTION_ARG_INT, &options->expires,
      N_("Seconds a presigned URL stays valid (default 3600, at most 604800)"), N_("SECONDS") },
    { "s3", 0, 0, G_OPTION_ARG_NONE, &options->s3,
      N_("S3 rules: no path normalization, single URI encoding (and UNSIGNED-PAYLOAD with --query)"), NULL },
    { "sign-body", 0, 0, G_OPTION_ARG_NONE, &options->sign_body,
      N_("Add and sign X-Amz-Content-Sha256"), NULL },
    { "raw", 0, 0, G_OPTION_ARG_FILENAME, &options->raw,
      N_("Read an HTTP/1.1 request from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("request", N_("Request options:"),
                                            N_("Show request options"), NULL, NULL);

  options->expires = -1;
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/* Parses a request command's arguments: the shared request options, the
 * command's own @command_entries and at most one URL, left in @url_out. */
gboolean
signet_cli_request_options_parse (SignetCliRequestOptions  *options,
                                  const char               *command,
                                  const char               *summary,
                                  const GOptionEntry       *command_entries,
                                  int                      *argc,
                                  char                   ***argv,
                                  const char              **url_out,
                                  GError                  **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("(URL | --raw FILE|-)");
  g_autofree char *prgname = g_strconcat ("signet-cli ", command, NULL);

  g_option_context_set_summary (context, summary);
  /* one --help lists every option */
  g_option_context_set_main_group (context, signet_cli_request_options_group (options));
  g_option_context_add_main_entries (context, command_entries, GETTEXT_PACKAGE);
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”: give one URL"), (*argv)[2]);
      return FALSE;
    }

  *url_out = *argc > 1 ? (*argv)[1] : NULL;
  return TRUE;
}

void
signet_cli_request_options_clear (SignetCliRequestOptions *options)
{
  g_clear_pointer (&options->method, g_free);
  g_clear_pointer (&options->headers, g_strfreev);
  g_clear_pointer (&options->data, g_strfreev);
  g_clear_pointer (&options->region, g_free);
  g_clear_pointer (&options->service, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->raw, g_free);
}

/* The bytes of @path, or of standard input for "-". */
GBytes *
signet_cli_read_file_or_stdin (const char  *path,
                               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_str_equal (path, "-"))
    stream = g_unix_input_stream_new (0, FALSE);
  else
    {
      file = g_file_new_for_commandline_arg (path);
      stream = G_INPUT_STREAM (g_file_read (file, NULL, &local_error));
    }

  memory = g_memory_output_stream_new_resizable ();
  if (stream == NULL ||
      g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, &local_error) < 0)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot read “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/**
 * signet_cli_read_text:
 * @path: a file, or "-" for standard input
 * @length: (out): the length of the text
 *
 * Returns: (transfer full) (nullable): the contents with a NUL after them
 */
char *
signet_cli_read_text (const char  *path,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GBytes) data = signet_cli_read_file_or_stdin (path, error);
  const char *bytes;

  if (data == NULL)
    return NULL;
  bytes = g_bytes_get_data (data, length);
  return g_strndup (bytes, *length);
}

/* Like curl, several -d are joined with '&'. */
static GBytes *
build_body (char   **data,
            GError **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();

  for (guint i = 0; data[i] != NULL; i++)
    {
      if (i > 0)
        g_byte_array_append (body, (const guint8 *) "&", 1);
      if (data[i][0] == '@')
        {
          g_autoptr(GBytes) file_data = signet_cli_read_file_or_stdin (data[i] + 1, error);
          gsize size = 0;
          const guint8 *bytes;

          if (file_data == NULL)
            return NULL;
          bytes = g_bytes_get_data (file_data, &size);
          g_byte_array_append (body, bytes, size);
        }
      else
        g_byte_array_append (body, (const guint8 *) data[i], strlen (data[i]));
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

SignetWireRequest *
signet_cli_request_options_build (SignetCliRequestOptions  *options,
                                  const char               *url,
                                  GError                  **error)
{
  g_autoptr(SignetWireRequest) request = NULL;
  g_autofree char *method = NULL;

  if (options->raw != NULL)
    {
      g_autoptr(GBytes) raw = NULL;

      if (url != NULL || options->method || options->headers || options->data)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("--raw takes the whole request: do not combine it with a URL, -X, -H or -d"));
          return NULL;
        }
      raw = signet_cli_read_file_or_stdin (options->raw, error);
      if (raw == NULL)
        return NULL;
      return signet_wire_request_parse_raw (raw, "https", error);
    }

  if (url == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("A URL (or --raw FILE) is needed"));
      return NULL;
    }

  if (options->method != NULL)
    method = g_ascii_strup (options->method, -1);
  else
    method = g_strdup (options->data ? "POST" : "GET");

  request = signet_wire_request_new_for_url (method, url, error);
  if (request == NULL)
    return NULL;

  for (guint i = 0; options->headers && options->headers[i]; i++)
    if (!signet_wire_request_add_header_line (request, options->headers[i], error))
      return NULL;

  if (options->data != NULL)
    {
      g_autoptr(GBytes) body = build_body (options->data, error);

      if (body == NULL)
        return NULL;
      signet_wire_request_set_body (request, body);
    }

  return g_steal_pointer (&request);
}

/* How to sign, from the options and the given credentials. */
SignetAwsAuth *
signet_cli_request_options_build_auth (SignetCliRequestOptions  *options,
                                       const char               *access_key_id,
                                       const char               *secret_access_key,
                                       const char               *session_token,
                                       GError                  **error)
{
  g_autoptr(SignetAwsAuth) auth = NULL;

  if (options->expires != -1 && !options->query)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--expires only applies to presigned URLs (--query)"));
      return NULL;
    }
  if (options->expires != -1 && (options->expires < 1 || options->expires > SIGNET_SIGV4_MAX_EXPIRES))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_EXPIRY,
                   _("Bad --expires %d: a presigned URL is valid for 1 to %d seconds"),
                   options->expires, SIGNET_SIGV4_MAX_EXPIRES);
      return NULL;
    }

  auth = signet_aws_auth_new (access_key_id, secret_access_key, session_token);
  auth->region = g_strdup (options->region);
  auth->service = g_strdup (options->service);
  auth->location = options->query ? SIGNET_SIGV4_LOCATION_QUERY : SIGNET_SIGV4_LOCATION_HEADERS;
  auth->expires = options->expires > 0 ? (guint) options->expires : 0;
  auth->flags = (options->s3 ? SIGNET_SIGV4_FLAGS_S3 : 0) |
                (options->sign_body ? SIGNET_SIGV4_FLAGS_SIGN_BODY : 0);
  /* S3 checks no body hash in a presigned URL: that is what it expects. */
  if (options->s3 && options->query)
    auth->flags |= SIGNET_SIGV4_FLAGS_UNSIGNED_PAYLOAD;

  return g_steal_pointer (&auth);
}

/* The --date time, or now. */
GDateTime *
signet_cli_request_options_signing_time (SignetCliRequestOptions  *options,
                                         GError                  **error)
{
  GDateTime *time;

  if (options->date == NULL)
    return g_date_time_new_now_utc ();

  time = signet_amz_date_parse (options->date, error);
  if (time == NULL)
    g_prefix_error (error, _("Bad --date: "));
  return time;
}

/* Scope errors name the options that fix them. */
void
signet_cli_request_options_explain_error (GError *error)
{
  if (g_error_matches (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE))
    g_prefix_error (&error, _("pass --region and --service: "));
}
