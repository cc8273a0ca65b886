/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libsecret's file backend in a new temp dir, never the user's keyring.
 * Call before any libsecret use; returns the dir for _remove(). */
char *signet_test_keyring_use_file (void);
/* The gnome-keyring that tests/run-with-gnome-keyring.sh started (NULL) when
 * SIGNET_TEST_KEYRING=gnome-keyring, else _use_file(). */
char *signet_test_keyring_setup    (void);
void  signet_test_keyring_remove   (const char *dir);

G_END_DECLS
