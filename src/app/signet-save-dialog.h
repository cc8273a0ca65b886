/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-collection.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_SAVE_DIALOG (signet_save_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetSaveDialog, signet_save_dialog, SIGNET, SAVE_DIALOG, AdwMessageDialog)

SignetSaveDialog *signet_save_dialog_new            (GtkWindow        *parent,
                                                     GListModel       *collections);
void              signet_save_dialog_set_choice     (SignetSaveDialog *self,
                                                     SignetCollection *collection,
                                                     const char       *folder,
                                                     const char       *name);
SignetCollection *signet_save_dialog_get_collection (SignetSaveDialog *self);
char             *signet_save_dialog_dup_folder     (SignetSaveDialog *self);
char             *signet_save_dialog_dup_name       (SignetSaveDialog *self);

G_END_DECLS
