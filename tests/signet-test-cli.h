/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One run of the built signet-cli (SIGNET_CLI). */
typedef struct
{
  int   status;
  char *out;
  char *err;
} SignetTestCliRun;

SignetTestCliRun *signet_test_cli_run      (const char * const *env,
                                            const char         *stdin_text,
                                            const char * const *args);
SignetTestCliRun *signet_test_cli_run_va   (const char * const *env,
                                            const char         *stdin_text,
                                            const char         *first_arg,
                                            va_list             more_args);
void              signet_test_cli_run_free (SignetTestCliRun   *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetTestCliRun, signet_test_cli_run_free)

G_END_DECLS
