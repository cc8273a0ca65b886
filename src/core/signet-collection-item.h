/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-request.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_COLLECTION_ITEM (signet_collection_item_get_type ())

G_DECLARE_FINAL_TYPE (SignetCollectionItem, signet_collection_item, SIGNET, COLLECTION_ITEM, GObject)

SignetCollectionItem *signet_collection_item_new          (const char           *folder,
                                                           const char           *slug,
                                                           const char           *name,
                                                           SignetRequest        *request);
const char           *signet_collection_item_get_folder   (SignetCollectionItem *self);
const char           *signet_collection_item_get_slug     (SignetCollectionItem *self);
const char           *signet_collection_item_get_name     (SignetCollectionItem *self);
SignetRequest        *signet_collection_item_get_request  (SignetCollectionItem *self);
char                 *signet_collection_item_dup_path     (SignetCollectionItem *self);
void                  signet_collection_item_set_location (SignetCollectionItem *self,
                                                           const char           *folder,
                                                           const char           *slug,
                                                           const char           *name);

G_END_DECLS
