/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_ROWS_EDITOR (signet_rows_editor_get_type ())

G_DECLARE_FINAL_TYPE (SignetRowsEditor, signet_rows_editor, SIGNET, ROWS_EDITOR, AdwBin)

/**
 * SignetRowsMarker:
 * @entry: a row's name or value entry
 * @text: what it holds
 * @user_data: the data given with the marker
 *
 * Marks @entry for what @text holds (unknown `{{variables}}`, say).
 */
typedef void (*SignetRowsMarker) (GtkWidget  *entry,
                                  const char *text,
                                  gpointer    user_data);

GtkWidget  *signet_rows_editor_new       (GListStore       *rows,
                                          const char       *row_noun);
GListStore *signet_rows_editor_get_rows  (SignetRowsEditor *self);
void        signet_rows_editor_set_rows  (SignetRowsEditor *self,
                                          GListStore       *rows);
void        signet_rows_editor_set_marker (SignetRowsEditor *self,
                                           SignetRowsMarker  marker,
                                           gpointer          user_data);
void        signet_rows_editor_update_marks (SignetRowsEditor *self);

G_END_DECLS
