/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-request.h"

G_BEGIN_DECLS

char *signet_export_python     (SignetRequest  *request,
                                GStrv          *warnings,
                                GError        **error);
char *signet_export_javascript (SignetRequest  *request,
                                GStrv          *warnings,
                                GError        **error);

G_END_DECLS
