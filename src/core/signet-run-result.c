/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-run-result.h"

SignetRunResult *
signet_run_result_copy (const SignetRunResult *result)
{
  SignetRunResult *copy = g_memdup2 (result, sizeof *result);

  copy->folder = g_strdup (result->folder);
  copy->name = g_strdup (result->name);
  copy->method = g_strdup (result->method);
  copy->url = g_strdup (result->url);
  copy->error_message = g_strdup (result->error_message);
  return copy;
}

void
signet_run_result_free (SignetRunResult *result)
{
  if (result == NULL)
    return;

  g_free (result->folder);
  g_free (result->name);
  g_free (result->method);
  g_free (result->url);
  g_free (result->error_message);
  g_free (result);
}

G_DEFINE_BOXED_TYPE (SignetRunResult, signet_run_result, signet_run_result_copy, signet_run_result_free)

/**
 * signet_run_result_status_passes:
 * @status: an HTTP status, or 0 for no response
 * @expected_status: the status a request expects, or 0
 *
 * Returns: whether @status is @expected_status, or with none expected,
 *   a success or a redirect (2xx, 3xx)
 */
gboolean
signet_run_result_status_passes (guint status,
                                 guint expected_status)
{
  if (status == 0)
    return FALSE;
  if (expected_status != 0)
    return status == expected_status;
  return status >= 200 && status < 400;
}

/**
 * signet_run_result_dup_failure:
 * @result: a result
 *
 * Returns: (transfer full) (nullable): why @result failed, in a few
 *   words ("expected 403, got 200"), or %NULL when it passed
 */
char *
signet_run_result_dup_failure (const SignetRunResult *result)
{
  if (result->passed)
    return NULL;
  if (result->error_message != NULL)
    return g_strdup (result->error_message);
  if (result->expected_status != 0)
    return g_strdup_printf (_("expected %u, got %u"), result->expected_status, result->status);
  return g_strdup_printf (_("expected 2xx or 3xx, got %u"), result->status);
}
