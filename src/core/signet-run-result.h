/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SignetRunResult:
 * @iteration: which pass over the requests, from 1
 * @folder: the request's folder, "" at the top
 * @name: the request's name
 * @method: the HTTP method
 * @url: the URL as sent (or as built, when it was not sent), with
 *   signatures, credentials and session tokens in its query redacted
 * @status: the HTTP status, or 0 when no response came
 * @expected_status: the status the request expects, or 0 for any 2xx/3xx
 * @passed: whether the response is what the request expects
 * @elapsed_us: from the first byte sent to the last byte read; 0 when
 *   nothing was sent
 * @error_message: (nullable): why there is no response (an unknown
 *   variable, no keys, a refused connection), never holding a secret
 *
 * What a run tells of one request.
 */
typedef struct
{
  guint     iteration;
  char     *folder;
  char     *name;
  char     *method;
  char     *url;
  guint     status;
  guint     expected_status;
  gboolean  passed;
  gint64    elapsed_us;
  char     *error_message;
} SignetRunResult;

#define SIGNET_TYPE_RUN_RESULT (signet_run_result_get_type ())

GType            signet_run_result_get_type (void) G_GNUC_CONST;
SignetRunResult *signet_run_result_copy     (const SignetRunResult *result);
void             signet_run_result_free     (SignetRunResult       *result);
gboolean         signet_run_result_status_passes (guint status,
                                                  guint expected_status);
char            *signet_run_result_dup_failure (const SignetRunResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetRunResult, signet_run_result_free)

G_END_DECLS
