/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-application.h"
#include "signet-client.h"
#include "signet-collection-list.h"
#include "signet-credential-store.h"
#include "signet-history.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_WINDOW (signet_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetWindow, signet_window, SIGNET, WINDOW, AdwApplicationWindow)

SignetWindow *signet_window_new          (SignetApplication     *application,
                                          GSettings             *settings,
                                          SignetClient          *client,
                                          SignetCredentialStore *credential_store,
                                          SignetCollectionList  *collections,
                                          SignetHistory         *history);
AdwTabView   *signet_window_get_tab_view (SignetWindow          *self);
void          signet_window_open_collection (SignetWindow       *self,
                                             GFile              *dir);
void          signet_window_import_file     (SignetWindow       *self,
                                             GFile              *file);
void          signet_window_export_collection (SignetWindow     *self,
                                               SignetCollection *collection,
                                               GFile            *file);

G_END_DECLS
