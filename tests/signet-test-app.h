/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-application.h"

G_BEGIN_DECLS

/* The real application in UI tests: the test body runs from "activate",
 * after the application made its window and the window drew its first
 * frame; the run ends when the body has closed every window. */
typedef void (*SignetTestAppFunc) (SignetApplication *app,
                                   GtkWindow         *window);

/* gtk_test_init() with a file keyring of the test's own; g_test_run(),
 * then the keyring removed. */
void       signet_test_app_init         (int                  *argc,
                                         char               ***argv);
int        signet_test_app_run_tests    (void);

void       signet_test_run_app          (SignetTestAppFunc     func);
void       signet_test_close_and_wait   (GtkWindow            *window);
GtkWindow *signet_test_find_toplevel    (GType                 type);

G_END_DECLS
