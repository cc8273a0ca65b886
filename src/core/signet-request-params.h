/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-request-row.h"

G_BEGIN_DECLS

void  signet_request_params_read_from_url (GListStore *params,
                                           const char *url);
char *signet_request_params_write_to_url  (GListModel *params,
                                           const char *url);

G_END_DECLS
