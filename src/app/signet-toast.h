/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void signet_toast_show_text (AdwToastOverlay *overlay,
                             const char      *text);

G_END_DECLS
