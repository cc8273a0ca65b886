/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-request.h"

G_BEGIN_DECLS

char *signet_export_curl (SignetRequest  *request,
                          gboolean        session_token,
                          GStrv          *warnings);

G_END_DECLS
