/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-import-result.h"

G_BEGIN_DECLS

SignetImportResult *signet_import_openapi (const char  *data,
                                           gssize       length,
                                           GError     **error);

G_END_DECLS
