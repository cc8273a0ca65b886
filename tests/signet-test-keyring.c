/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

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

char *
signet_test_keyring_setup (void)
{
  if (g_strcmp0 (g_getenv ("SIGNET_TEST_KEYRING"), "gnome-keyring") == 0)
    {
      const char *bus = g_getenv ("SIGNET_TEST_KEYRING_BUS");

      if (bus == NULL || g_strcmp0 (bus, g_getenv ("DBUS_SESSION_BUS_ADDRESS")) != 0)
        {
          g_printerr ("SIGNET_TEST_KEYRING=gnome-keyring: run me with tests/run-with-gnome-keyring.sh\n");
          exit (1);
        }
      return NULL;
    }
  return signet_test_keyring_use_file ();
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
