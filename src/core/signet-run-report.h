/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-run-result.h"

G_BEGIN_DECLS

/* What a whole run came to, for the summary line and the reports. */
typedef struct
{
  const char *collection;  /* the collection's name */
  GPtrArray  *results;     /* SignetRunResult, in order */
  guint       iterations;
  gint64      elapsed_us;  /* the whole run, start-up excluded */
} SignetRunReport;

guint  signet_run_report_count_failed (const SignetRunReport *report);
char  *signet_run_report_to_json      (const SignetRunReport *report);
char  *signet_run_report_to_junit     (const SignetRunReport *report);

G_END_DECLS
