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

G_END_DECLS
