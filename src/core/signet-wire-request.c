/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-error.h"
#include "signet-uri-encode.h"
#include "signet-wire-request.h"

static void
clear_header (gpointer data)
{
  SignetHeader *header = data;

  g_free (header->name);
  g_free (header->value);
}

/* An array of SignetHeader that owns the names and values. */
GArray *
signet_header_array_new (void)
{
  GArray *headers = g_array_new (FALSE, TRUE, sizeof (SignetHeader));

  g_array_set_clear_func (headers, clear_header);
  return headers;
}

SignetWireRequest *
signet_wire_request_new (const char *method)
{
  SignetWireRequest *request = g_new0 (SignetWireRequest, 1);

  request->method = g_strdup (method);
  request->scheme = g_strdup ("https");
  request->authority = g_strdup ("");
  request->path = g_strdup ("/");
  request->headers = signet_header_array_new ();
  request->body = g_bytes_new_static ("", 0);

  return request;
}

void
signet_wire_request_free (SignetWireRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->scheme);
  g_free (request->authority);
  g_free (request->path);
  g_free (request->query);
  g_array_unref (request->headers);
  g_bytes_unref (request->body);
  g_free (request);
}

SignetWireRequest *
signet_wire_request_copy (const SignetWireRequest *request)
{
  SignetWireRequest *copy = signet_wire_request_new (request->method);

  g_free (copy->scheme);
  copy->scheme = g_strdup (request->scheme);
  g_free (copy->authority);
  copy->authority = g_strdup (request->authority);
  g_free (copy->path);
  copy->path = g_strdup (request->path);
  copy->query = g_strdup (request->query);
  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);

      signet_wire_request_add_header (copy, header->name, header->value);
    }
  signet_wire_request_set_body (copy, request->body);

  return copy;
}

void
signet_header_array_add (GArray     *headers,
                         const char *name,
                         const char *value)
{
  SignetHeader header = { g_strdup (name), g_strdup (value) };

  g_array_append_val (headers, header);
}

void
signet_wire_request_add_header (SignetWireRequest *request,
                                const char        *name,
                                const char        *value)
{
  signet_header_array_add (request->headers, name, value);
}

/* The first value of a header, names compared case-insensitively. */
const char *
signet_header_array_find (GArray     *headers,
                          const char *name)
{
  for (guint i = 0; i < headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (headers, SignetHeader, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

const char *
signet_wire_request_get_header (const SignetWireRequest *request,
                                const char              *name)
{
  return signet_header_array_find (request->headers, name);
}

gboolean
signet_wire_request_remove_header (SignetWireRequest *request,
                                   const char        *name)
{
  gboolean removed = FALSE;

  for (guint i = request->headers->len; i > 0; i--)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i - 1);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        {
          g_array_remove_index (request->headers, i - 1);
          removed = TRUE;
        }
    }

  return removed;
}

void
signet_wire_request_set_body (SignetWireRequest *request,
                              GBytes            *body)
{
  g_return_if_fail (body != NULL);

  g_bytes_ref (body);
  g_bytes_unref (request->body);
  request->body = body;
}

void
signet_wire_request_append_query (SignetWireRequest *request,
                                  const char        *params)
{
  char *query;

  if (request->query == NULL || request->query[0] == '\0')
    query = g_strdup (params);
  else
    query = g_strconcat (request->query, "&", params, NULL);

  g_free (request->query);
  request->query = query;
}

/* RFC 9110 token characters */
static gboolean
is_token_char (guchar c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+-.^_`|~", c) != NULL;
}

gboolean
signet_header_name_is_valid (const char *name)
{
  if (name == NULL || name[0] == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!is_token_char ((guchar) *p))
      return FALSE;

  return TRUE;
}

static gboolean
header_value_is_valid (const char *value)
{
  /* A CR or LF would let a value smuggle in further headers. */
  return strpbrk (value, "\r\n") == NULL;
}

gboolean
signet_wire_request_add_header_line (SignetWireRequest  *request,
                                     const char         *line,
                                     GError            **error)
{
  const char *colon = strchr (line, ':');
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  if (colon == NULL)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                   _("Malformed header “%s”: expected “Name: value”"), line);
      return FALSE;
    }

  name = g_strndup (line, colon - line);
  if (!signet_header_name_is_valid (name))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                   _("Malformed header “%s”: “%s” is not a valid header name"), line, name);
      return FALSE;
    }

  value = g_strstrip (g_strdup (colon + 1));
  if (!header_value_is_valid (value))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                   _("Malformed header “%s”: a value cannot contain a line break"), name);
      return FALSE;
    }

  signet_wire_request_add_header (request, name, value);
  return TRUE;
}

/* Splits host[:port] or [v6][:port]; returns FALSE when malformed. */
static gboolean
split_authority (const char  *authority,
                 char       **host_out,
                 int         *port_out)
{
  const char *port_start = NULL;
  g_autofree char *host = NULL;
  gint64 port = -1;

  if (authority[0] == '[')
    {
      const char *close = strchr (authority, ']');

      if (close == NULL || close == authority + 1)
        return FALSE;
      host = g_strndup (authority, close - authority + 1);
      if (close[1] == ':')
        port_start = close + 2;
      else if (close[1] != '\0')
        return FALSE;
    }
  else
    {
      const char *colon = strrchr (authority, ':');

      host = colon ? g_strndup (authority, colon - authority) : g_strdup (authority);
      if (colon != NULL)
        port_start = colon + 1;
      if (host[0] == '\0')
        return FALSE;
      for (const char *p = host; *p != '\0'; p++)
        if (!(g_ascii_isalnum (*p) || strchr ("-._~%!$&'()*+,;=", *p) != NULL))
          return FALSE;
    }

  if (port_start != NULL)
    {
      char *end = NULL;

      if (!g_ascii_isdigit (port_start[0]))
        return FALSE;
      port = g_ascii_strtoll (port_start, &end, 10);
      if (*end != '\0' || port < 1 || port > 65535)
        return FALSE;
    }

  *host_out = g_steal_pointer (&host);
  *port_out = (int) port;
  return TRUE;
}

static int
default_port (const char *scheme)
{
  return g_ascii_strcasecmp (scheme, "http") == 0 ? 80 : 443;
}

SignetWireRequest *
signet_wire_request_new_for_url (const char  *method,
                                 const char  *url,
                                 GError     **error)
{
  g_autoptr(SignetWireRequest) request = NULL;
  g_autofree char *wire_url = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *host = NULL;
  const char *rest;
  const char *authority_end;
  const char *query_start;
  const char *fragment;
  int port = -1;

  g_return_val_if_fail (url != NULL, NULL);

  /* Bytes that cannot travel in a URL (spaces, controls, non-ASCII) are
   * percent-encoded; everything else goes out exactly as typed. */
  wire_url = signet_uri_encode_illegal (url);

  rest = strstr (wire_url, "://");
  if (rest == NULL)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL,
                   _("“%s” is not an absolute URL (expected https://host/path)"), url);
      return NULL;
    }
  scheme = g_ascii_strdown (wire_url, rest - wire_url);
  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL,
                   _("Unsupported URL scheme “%s” in “%s”: use http or https"), scheme, url);
      return NULL;
    }

  rest += strlen ("://");
  authority_end = rest + strcspn (rest, "/?#");
  authority = g_strndup (rest, authority_end - rest);
  if (strchr (authority, '@') != NULL)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL,
                   _("The URL “%s” carries a user name or password; Signet signs requests instead"), url);
      return NULL;
    }
  if (!split_authority (authority, &host, &port))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL,
                   _("The URL “%s” has no valid host[:port]"), url);
      return NULL;
    }

  request = signet_wire_request_new (method);
  g_free (request->scheme);
  request->scheme = g_strdup (scheme);
  g_free (request->authority);
  /* The Host header carries the port only when it is not the default one;
   * host names are case-insensitive, so they go out in lowercase. */
  if (port < 0 || port == default_port (scheme))
    request->authority = g_ascii_strdown (host, -1);
  else
    {
      g_autofree char *with_port = g_strdup_printf ("%s:%d", host, port);

      request->authority = g_ascii_strdown (with_port, -1);
    }

  fragment = strchr (authority_end, '#');
  query_start = strchr (authority_end, '?');
  if (query_start != NULL && fragment != NULL && fragment < query_start)
    query_start = NULL;

  g_free (request->path);
  if (query_start != NULL)
    request->path = g_strndup (authority_end, query_start - authority_end);
  else if (fragment != NULL)
    request->path = g_strndup (authority_end, fragment - authority_end);
  else
    request->path = g_strdup (authority_end);
  if (request->path[0] == '\0')
    {
      g_free (request->path);
      request->path = g_strdup ("/");
    }

  if (query_start != NULL)
    request->query = fragment ? g_strndup (query_start + 1, fragment - query_start - 1)
                              : g_strdup (query_start + 1);

  if (!signet_uri_escapes_are_valid (request->path) ||
      (request->query && !signet_uri_escapes_are_valid (request->query)))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL,
                   _("The URL “%s” has a “%%” that is not followed by two hex digits"), url);
      return NULL;
    }

  return g_steal_pointer (&request);
}

static gboolean
parse_request_line (SignetWireRequest  *request,
                    const char         *line,
                    GError            **error)
{
  const char *first_space = strchr (line, ' ');
  const char *last_space = strrchr (line, ' ');
  g_autofree char *target = NULL;
  char *question;

  /* The target sits between the first and last space: AWS's vectors put
   * raw spaces in the path, which a stricter parser would reject. */
  if (first_space == NULL || first_space == last_space ||
      !g_str_has_prefix (last_space + 1, "HTTP/"))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("Malformed request line “%s”: expected “METHOD /path HTTP/1.1”"), line);
      return FALSE;
    }

  target = g_strndup (first_space + 1, last_space - first_space - 1);
  if (target[0] != '/')
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("Malformed request line “%s”: the target must start with “/”"), line);
      return FALSE;
    }

  g_free (request->method);
  request->method = g_strndup (line, first_space - line);
  question = strchr (target, '?');
  if (question != NULL)
    {
      request->query = g_strdup (question + 1);
      *question = '\0';
    }
  g_free (request->path);
  request->path = g_steal_pointer (&target);

  return TRUE;
}

SignetWireRequest *
signet_wire_request_parse_raw (GBytes      *raw,
                               const char  *scheme,
                               GError     **error)
{
  g_autoptr(SignetWireRequest) request = signet_wire_request_new ("GET");
  gsize size = 0;
  const char *data = g_bytes_get_data (raw, &size);
  gsize offset = 0;
  gboolean first_line = TRUE;
  SignetHeader *last_header = NULL;
  const char *host;

  if (size > 0 && memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                           _("The raw request contains a NUL byte"));
      return NULL;
    }

  while (offset < size)
    {
      const char *line_start = data + offset;
      const char *newline = memchr (line_start, '\n', size - offset);
      gsize line_length = newline ? (gsize) (newline - line_start) : size - offset;
      g_autofree char *line = NULL;

      offset += line_length + (newline ? 1 : 0);
      if (line_length > 0 && line_start[line_length - 1] == '\r')
        line_length--;
      line = g_strndup (line_start, line_length);

      if (first_line)
        {
          if (!parse_request_line (request, line, error))
            return NULL;
          first_line = FALSE;
        }
      else if (line[0] == '\0')
        break;
      else if (line[0] == ' ' || line[0] == '\t')
        {
          char *joined;

          /* An obsolete folded continuation of the previous header. */
          if (last_header == NULL)
            {
              g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                           _("Continuation line “%s” follows no header"), line);
              return NULL;
            }
          joined = g_strconcat (last_header->value, " ", g_strstrip (line), NULL);
          g_free (last_header->value);
          last_header->value = joined;
        }
      else
        {
          if (!signet_wire_request_add_header_line (request, line, error))
            return NULL;
          last_header = &g_array_index (request->headers, SignetHeader, request->headers->len - 1);
        }
    }

  if (first_line)
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                           _("The raw request is empty"));
      return NULL;
    }

  host = signet_wire_request_get_header (request, "Host");
  if (host == NULL || host[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                           _("The raw request has no Host header"));
      return NULL;
    }

  g_free (request->scheme);
  request->scheme = g_strdup (scheme ? scheme : "https");
  g_free (request->authority);
  request->authority = g_strdup (host);
  g_bytes_unref (request->body);
  request->body = g_bytes_new_from_bytes (raw, offset, size - offset);

  return g_steal_pointer (&request);
}

char *
signet_wire_request_dup_host (const SignetWireRequest *request)
{
  g_autofree char *host = NULL;
  int port;

  if (!split_authority (request->authority, &host, &port))
    return g_strdup (request->authority);
  if (host[0] == '[')
    return g_strndup (host + 1, strlen (host) - 2);

  return g_steal_pointer (&host);
}

/* The port the authority names, or the scheme's default one. */
int
signet_wire_request_get_port (const SignetWireRequest *request)
{
  g_autofree char *host = NULL;
  int port = -1;

  if (!split_authority (request->authority, &host, &port) || port < 0)
    return default_port (request->scheme);

  return port;
}

char *
signet_wire_request_to_url (const SignetWireRequest *request)
{
  return g_strconcat (request->scheme, "://", request->authority, request->path,
                      request->query ? "?" : "", request->query ? request->query : "",
                      NULL);
}

/* The request in HTTP/1.1 form, for people to read. */
char *
signet_wire_request_to_http1 (const SignetWireRequest *request)
{
  GString *out = g_string_new (NULL);
  gsize body_size = 0;
  const char *body = g_bytes_get_data (request->body, &body_size);

  g_string_append_printf (out, "%s %s%s%s HTTP/1.1\n", request->method, request->path,
                          request->query ? "?" : "", request->query ? request->query : "");
  if (signet_wire_request_get_header (request, "Host") == NULL)
    g_string_append_printf (out, "Host: %s\n", request->authority);
  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);

      g_string_append_printf (out, "%s: %s\n", header->name, header->value);
    }
  g_string_append_c (out, '\n');
  g_string_append_len (out, body, body_size);

  return g_string_free (out, FALSE);
}
