/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What to do with the file or folder the user chose; @chooser still holds
 * the data its caller set on it. */
typedef void (*SignetFileChosenFunc) (gpointer         owner,
                                      GFile           *file,
                                      GtkNativeDialog *chooser);

void signet_file_chooser_show (GtkFileChooserNative *chooser,
                               gpointer              owner,
                               SignetFileChosenFunc  chosen);

G_END_DECLS
