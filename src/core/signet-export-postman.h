/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-import-result.h"

G_BEGIN_DECLS

char *signet_export_postman (SignetImportResult  *collection,
                             GError             **error);

G_END_DECLS
