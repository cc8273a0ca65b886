/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "signet-test-keyring.h"

char *
signet_test_keyring_use_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *dir;

  dir = g_dir_make_tmp ("signet-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  return dir;
}

void
signet_test_keyring_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}
