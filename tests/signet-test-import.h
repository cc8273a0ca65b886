/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-import-result.h"

G_BEGIN_DECLS

/* Whether one of @result's warnings contains @part. */
gboolean signet_test_import_has_warning  (SignetImportResult *result,
                                          const char         *part);

/* Fails the test unless an importer refused its input: no @result, an
 * invalid-data @error whose message contains @part. */
void     signet_test_import_assert_error (SignetImportResult *result,
                                          const GError       *error,
                                          const char         *part);

G_END_DECLS
