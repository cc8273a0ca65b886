/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-collection-list.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_SIDEBAR (signet_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SignetSidebar, signet_sidebar, SIGNET, SIDEBAR, AdwBin)

GListModel           *signet_sidebar_get_rows      (SignetSidebar         *self);
SignetCollectionItem *signet_sidebar_get_selected  (SignetSidebar         *self,
                                                    SignetCollection     **collection,
                                                    const char           **folder);
gboolean              signet_sidebar_select_item   (SignetSidebar         *self,
                                                    SignetCollection      *collection,
                                                    SignetCollectionItem  *item);
void                  signet_sidebar_reveal        (SignetSidebar         *self,
                                                    SignetCollection      *collection);

G_END_DECLS
