/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-exchange.h"

void
signet_exchange_free (SignetExchange *exchange)
{
  if (exchange == NULL)
    return;

  signet_wire_request_free (exchange->sent);
  signet_sigv4_result_free (exchange->signing);
  g_free (exchange->reason);
  g_free (exchange->http_version);
  g_clear_pointer (&exchange->headers, g_array_unref);
  g_clear_pointer (&exchange->body, g_bytes_unref);
  g_free (exchange->blocked_redirect);
  g_free (exchange);
}

const char *
signet_exchange_get_header (const SignetExchange *exchange,
                            const char           *name)
{
  return signet_header_array_find (exchange->headers, name);
}
