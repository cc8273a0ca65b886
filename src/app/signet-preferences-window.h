/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The values of the schema's io.github.signetapp.Signet.ColorScheme enum. */
typedef enum {
  SIGNET_COLOR_SCHEME_FOLLOW,
  SIGNET_COLOR_SCHEME_LIGHT,
  SIGNET_COLOR_SCHEME_DARK,
} SignetColorScheme;

#define SIGNET_TYPE_PREFERENCES_WINDOW (signet_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetPreferencesWindow, signet_preferences_window, SIGNET, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *signet_preferences_window_new (GSettings *settings);

G_END_DECLS
