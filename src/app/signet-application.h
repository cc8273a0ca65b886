/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_APPLICATION (signet_application_get_type ())

G_DECLARE_FINAL_TYPE (SignetApplication, signet_application, SIGNET, APPLICATION, AdwApplication)

SignetApplication *signet_application_new          (const char        *application_id,
                                                    GApplicationFlags  flags);
GSettings         *signet_application_get_settings (SignetApplication *self);
GtkWindow         *signet_application_new_window   (SignetApplication *self);

G_END_DECLS
