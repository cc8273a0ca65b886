/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-collection.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_COLLECTION_LIST (signet_collection_list_get_type ())

G_DECLARE_FINAL_TYPE (SignetCollectionList, signet_collection_list, SIGNET, COLLECTION_LIST, GObject)

SignetCollectionList *signet_collection_list_new           (GSettings            *settings,
                                                            GFile                *default_dir);
SignetCollectionList *signet_collection_list_new_default   (GSettings            *settings);
GListModel           *signet_collection_list_get_model     (SignetCollectionList *self);
GFile                *signet_collection_list_get_default_dir (SignetCollectionList *self);
SignetCollection     *signet_collection_list_find          (SignetCollectionList *self,
                                                            GFile                *dir);
void                  signet_collection_list_restore       (SignetCollectionList *self);
void                  signet_collection_list_open_async    (SignetCollectionList *self,
                                                            GFile                *dir,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
SignetCollection     *signet_collection_list_open_finish   (SignetCollectionList *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                  signet_collection_list_create_async  (SignetCollectionList *self,
                                                            const char           *name,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
SignetCollection     *signet_collection_list_create_finish (SignetCollectionList *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
