/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-request.h"

G_BEGIN_DECLS

SignetRequest *signet_request_dup       (SignetRequest *request);
void           signet_request_copy_into (SignetRequest *to,
                                         SignetRequest *from);

G_END_DECLS
