/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libsecret's file backend in a new temp dir, never the user's keyring.
 * Call before any libsecret use; returns the dir for _remove(). */
char *signet_test_keyring_use_file (void);
void  signet_test_keyring_remove   (const char *dir);

G_END_DECLS
