/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-import-result.h"

G_BEGIN_DECLS

GStrv               signet_import_curl_split (const char  *command,
                                              GError     **error);
SignetImportResult *signet_import_curl       (const char  *command,
                                              GError     **error);

G_END_DECLS
