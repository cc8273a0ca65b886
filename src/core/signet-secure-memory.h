/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void signet_secure_zero        (gpointer  data,
                                gsize     length);
void signet_secure_free_string (char     *str);
void signet_secure_free_gstring (GString *string);

typedef char SignetSecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetSecretString, signet_secure_free_string)

G_END_DECLS
