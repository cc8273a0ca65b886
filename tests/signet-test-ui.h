/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waiting in UI tests: the main loop turns until the condition holds, and
 * a watchdog fails the test instead of hanging. Nothing here sleeps. */
typedef gboolean (*SignetTestCondition) (gpointer data);

void signet_test_set_flag_cb    (gboolean            *flag);
void signet_test_wait_for       (gboolean            *flag,
                                 const char          *what);
void signet_test_wait_until     (SignetTestCondition  done,
                                 gpointer             data,
                                 const char          *what);
void signet_test_wait_for_frame (GtkWindow           *window);

/* A template child that must be there, and a widget's clipboard text. */
GtkWidget *signet_test_template_child      (gpointer    widget,
                                            GType       type,
                                            const char *name);
char      *signet_test_read_clipboard_text (GtkWidget  *widget);

G_END_DECLS
