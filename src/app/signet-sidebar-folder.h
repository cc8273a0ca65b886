/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-collection.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_SIDEBAR_FOLDER (signet_sidebar_folder_get_type ())

G_DECLARE_FINAL_TYPE (SignetSidebarFolder, signet_sidebar_folder, SIGNET, SIDEBAR_FOLDER, GObject)

SignetSidebarFolder *signet_sidebar_folder_new            (SignetCollection    *collection,
                                                           const char          *name);
SignetCollection    *signet_sidebar_folder_get_collection (SignetSidebarFolder *self);
const char          *signet_sidebar_folder_get_name       (SignetSidebarFolder *self);

G_END_DECLS
