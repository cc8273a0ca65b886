/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "signet-exchange.h"
#include "signet-wire-request.h"

G_BEGIN_DECLS

GUri        *signet_soup_uri_new             (const SignetWireRequest *request);
SoupMessage *signet_soup_message_new         (const SignetWireRequest *request);
void         signet_soup_message_read_response (SoupMessage           *message,
                                                GBytes                *body,
                                                SignetExchange        *exchange);

G_END_DECLS
