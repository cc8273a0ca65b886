/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-environment.h"
#include "signet-import-result.h"

G_BEGIN_DECLS

SignetImportResult *signet_import_postman (const char  *data,
                                           gssize       length,
                                           GError     **error);
SignetEnvironment  *signet_import_postman_environment (const char  *data,
                                                       gssize       length,
                                                       GError     **error);

G_END_DECLS
