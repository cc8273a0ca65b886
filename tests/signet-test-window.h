/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-request-page.h"
#include "signet-sidebar.h"
#include "signet-test-collection.h"
#include "signet-window.h"

G_BEGIN_DECLS

/* The real window's parts, for UI tests that drive it: template children
 * that must be there, the current tab's page and a send waited for
 * (saved requests by name: signet-test-collection.h). */
GtkWidget            *signet_test_window_child   (GtkWindow         *window,
                                                  const char        *name);
SignetSidebar        *signet_test_window_sidebar (GtkWindow         *window);
SignetRequestPage    *signet_test_current_page   (GtkWindow         *window);
GtkWidget            *signet_test_page_child     (SignetRequestPage *page,
                                                  const char        *name);
gboolean              signet_test_exchange_done  (gpointer           page);
void                  signet_test_send_and_wait  (SignetRequestPage *page);
const char           *signet_test_shown_status   (SignetRequestPage *page);
void                  signet_test_close_discarding (GtkWindow       *window);

/* A new page (as SignetWindow makes them) alone in a new window, drawn
 * once; destroy the window when done. */
GtkWindow            *signet_test_present_page   (SignetClient          *client,
                                                  SignetCredentialStore *store,
                                                  int                    width,
                                                  int                    height,
                                                  SignetRequestPage    **page);

G_END_DECLS
