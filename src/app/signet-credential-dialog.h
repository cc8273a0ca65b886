/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *signet_credential_dialog_new                 (GtkWindow        *parent,
                                                                const char       *heading,
                                                                const char       *access_key_id);
char             *signet_credential_dialog_dup_name            (AdwMessageDialog *dialog);
char             *signet_credential_dialog_dup_access_key_id   (AdwMessageDialog *dialog);

G_END_DECLS
