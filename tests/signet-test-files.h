/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Deletes @file and, for a folder, everything in it (a test's temp dir). */
void signet_test_remove_tree (GFile *file);

G_END_DECLS
