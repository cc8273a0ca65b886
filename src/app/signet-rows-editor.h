/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_ROWS_EDITOR (signet_rows_editor_get_type ())

G_DECLARE_FINAL_TYPE (SignetRowsEditor, signet_rows_editor, SIGNET, ROWS_EDITOR, AdwBin)

GtkWidget  *signet_rows_editor_new       (GListStore       *rows,
                                          const char       *row_noun);
GListStore *signet_rows_editor_get_rows  (SignetRowsEditor *self);
void        signet_rows_editor_set_rows  (SignetRowsEditor *self,
                                          GListStore       *rows);

G_END_DECLS
