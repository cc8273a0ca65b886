/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-sigv4.h"
#include "signet-wire-request.h"

G_BEGIN_DECLS

/**
 * SignetExchange:
 * @sent: the last request as it went on the wire, signature included
 * @signing: (nullable): how @sent was signed; %NULL when it was not
 * @status: the HTTP status code
 * @reason: the reason phrase
 * @http_version: e.g. "HTTP/1.1"
 * @headers: (element-type SignetHeader): the response headers, in order
 * @body: the response body, decoded from any content encoding
 * @elapsed_us: time from the first byte sent to the last byte read
 * @n_redirects: same-origin redirects followed (each re-signed)
 * @blocked_redirect: (nullable): the Location of a redirect to another
 *   origin, not followed so that no signature leaves for another host
 *
 * One request and the response it got.
 */
typedef struct
{
  SignetWireRequest *sent;
  SignetSigv4Result *signing;
  guint              status;
  char              *reason;
  char              *http_version;
  GArray            *headers;
  GBytes            *body;
  gint64             elapsed_us;
  guint              n_redirects;
  char              *blocked_redirect;
} SignetExchange;

void        signet_exchange_free       (SignetExchange       *exchange);
const char *signet_exchange_get_header (const SignetExchange *exchange,
                                        const char           *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetExchange, signet_exchange_free)

G_END_DECLS
