/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "signet-request.h"

G_BEGIN_DECLS

char *signet_copy_code (GtkWidget      *widget,
                        SignetRequest  *request,
                        const char     *format,
                        GError        **error);

G_END_DECLS
