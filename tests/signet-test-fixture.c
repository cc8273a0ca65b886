/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "signet-test-fixture.h"

/* Starts the fixture with extra @options (NULL-terminated; NULL for none)
 * and waits for the "PORT <n>" line. Its stdin is a pipe: if the test dies, the fixture goes. */
SignetTestFixture *
signet_test_fixture_start (const char * const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *python = g_getenv ("SIGNET_PYTHON");
  SignetTestFixture *fixture = g_new0 (SignetTestFixture, 1);
  int fd;

  fd = g_file_open_tmp ("signet-fixture-XXXXXX.log", &fixture->log_path, &error);
  g_assert_no_error (error);
  close (fd);

  g_ptr_array_add (argv, g_strdup (python ? python : "/usr/bin/python3"));
  g_ptr_array_add (argv, g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "fixtures",
                                           "apigw-fixture.py", NULL));
  g_ptr_array_add (argv, g_strdup ("--log"));
  g_ptr_array_add (argv, g_strdup (fixture->log_path));
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (options[i]));
  g_ptr_array_add (argv, NULL);

  fixture->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                        &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "PORT "))
    g_error ("the API Gateway fixture did not start (is python3-botocore installed?)");

  fixture->stage_url = g_strdup_printf ("http://127.0.0.1:%s/test", line + strlen ("PORT "));
  return fixture;
}

void
signet_test_fixture_stop (SignetTestFixture *fixture)
{
  if (fixture == NULL)
    return;

  g_subprocess_send_signal (fixture->process, SIGTERM);
  g_subprocess_wait (fixture->process, NULL, NULL);
  g_object_unref (fixture->process);
  g_unlink (fixture->log_path);
  g_free (fixture->log_path);
  g_free (fixture->stage_url);
  g_free (fixture);
}

char *
signet_test_fixture_url (SignetTestFixture *fixture,
                         const char        *path_and_query)
{
  return g_strconcat (fixture->stage_url, path_and_query, NULL);
}
