/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-soup-message.h"

/* libsoup re-parses (and so normalizes: dot segments, %41 -> A) any URI
 * whose flags differ from these; a URI built with them travels byte for
 * byte as it was signed. */
#define SOUP_HTTP_URI_FLAGS (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH | \
                             G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT | \
                             G_URI_FLAGS_SCHEME_NORMALIZE)

GUri *
signet_soup_uri_new (const SignetWireRequest *request)
{
  g_autofree char *host = signet_wire_request_dup_host (request);

  return g_uri_build (SOUP_HTTP_URI_FLAGS, request->scheme, NULL, host,
                      signet_wire_request_get_port (request),
                      request->path, request->query, NULL);
}

/* The message for a request that is already signed: the same URI bytes,
 * the same headers (Host included) and the same body. */
SoupMessage *
signet_soup_message_new (const SignetWireRequest *request)
{
  g_autoptr(GUri) uri = signet_soup_uri_new (request);
  SoupMessage *message = soup_message_new_from_uri (request->method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  /* Redirects are followed by SignetClient, which signs each hop anew. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  if (g_bytes_get_size (request->body) > 0 ||
      signet_wire_request_get_header (request, "Content-Type") != NULL)
    soup_message_set_request_body_from_bytes (message, NULL, request->body);

  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);

      if (g_ascii_strcasecmp (header->name, "Content-Length") == 0)
        continue;  /* libsoup writes the length of the body it sends */
      soup_message_headers_append (headers, header->name, header->value);
    }

  return message;
}

static const char *
http_version_name (SoupHTTPVersion version)
{
  switch (version)
    {
    case SOUP_HTTP_1_0:
      return "HTTP/1.0";
    case SOUP_HTTP_2_0:
      return "HTTP/2";
    case SOUP_HTTP_1_1:
    default:
      return "HTTP/1.1";
    }
}

void
signet_soup_message_read_response (SoupMessage    *message,
                                   GBytes         *body,
                                   SignetExchange *exchange)
{
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  exchange->status = soup_message_get_status (message);
  exchange->reason = g_strdup (soup_message_get_reason_phrase (message));
  exchange->http_version = g_strdup (http_version_name (soup_message_get_http_version (message)));
  exchange->headers = signet_header_array_new ();
  soup_message_headers_iter_init (&iter, soup_message_get_response_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    signet_header_array_add (exchange->headers, name, value);
  exchange->body = g_bytes_ref (body);
}
