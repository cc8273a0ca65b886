/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-client.h"
#include "signet-request.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_REQUEST_PAGE (signet_request_page_get_type ())

G_DECLARE_FINAL_TYPE (SignetRequestPage, signet_request_page, SIGNET, REQUEST_PAGE, AdwBin)

SignetRequestPage *signet_request_page_new         (SignetClient      *client);
const char        *signet_request_page_get_title   (SignetRequestPage *self);
SignetRequest     *signet_request_page_get_request (SignetRequestPage *self);
gboolean           signet_request_page_get_unsent  (SignetRequestPage *self);

G_END_DECLS
