/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-test-import.h"

gboolean
signet_test_import_has_warning (SignetImportResult *result,
                                const char         *part)
{
  const char * const *warnings = signet_import_result_get_warnings (result);

  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], part) != NULL)
      return TRUE;
  return FALSE;
}

void
signet_test_import_assert_error (SignetImportResult *result,
                                 const GError       *error,
                                 const char         *part)
{
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” lacks “%s”", error->message, part);
}
