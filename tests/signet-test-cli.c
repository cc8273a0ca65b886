/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-cli.h"

/* @env: NAME=VALUE pairs to set; the AWS_* credentials of the test's own
 * environment never leak into the run unless given here. */
SignetTestCliRun *
signet_test_cli_run (const char * const *env,
                     const char         *stdin_text,
                     const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  SignetTestCliRun *run = g_new0 (SignetTestCliRun, 1);

  g_ptr_array_add (argv, (gpointer) g_getenv ("SIGNET_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "AWS_ACCESS_KEY_ID");
  g_subprocess_launcher_unsetenv (launcher, "AWS_SECRET_ACCESS_KEY");
  g_subprocess_launcher_unsetenv (launcher, "AWS_SESSION_TOKEN");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text ? stdin_text : "", NULL,
                                 &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  return run;
}

SignetTestCliRun *
signet_test_cli_run_va (const char * const *env,
                        const char         *stdin_text,
                        const char         *first_arg,
                        va_list             more_args)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (more_args, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return signet_test_cli_run (env, stdin_text, (const char * const *) args->pdata);
}

void
signet_test_cli_run_free (SignetTestCliRun *run)
{
  if (run == NULL)
    return;

  g_free (run->out);
  g_free (run->err);
  g_free (run);
}
