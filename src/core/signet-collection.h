/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-collection-item.h"
#include "signet-request.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_COLLECTION (signet_collection_get_type ())

G_DECLARE_FINAL_TYPE (SignetCollection, signet_collection, SIGNET, COLLECTION, GObject)

SignetCollection     *signet_collection_new                (GFile                 *dir,
                                                            const char            *name);
GFile                *signet_collection_get_dir            (SignetCollection      *self);
const char           *signet_collection_get_name           (SignetCollection      *self);
GListModel           *signet_collection_get_items          (SignetCollection      *self);
char                **signet_collection_dup_folders        (SignetCollection      *self);
GPtrArray            *signet_collection_get_load_errors    (SignetCollection      *self);

void                  signet_collection_load_async         (SignetCollection      *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean              signet_collection_load_finish        (SignetCollection      *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

void                  signet_collection_add_async          (SignetCollection      *self,
                                                            const char            *folder,
                                                            const char            *name,
                                                            SignetRequest         *request,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
void                  signet_collection_save_async         (SignetCollection      *self,
                                                            SignetCollectionItem  *item,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
void                  signet_collection_rename_async       (SignetCollection      *self,
                                                            SignetCollectionItem  *item,
                                                            const char            *name,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
void                  signet_collection_move_async         (SignetCollection      *self,
                                                            SignetCollectionItem  *item,
                                                            const char            *folder,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
void                  signet_collection_duplicate_async    (SignetCollection      *self,
                                                            SignetCollectionItem  *item,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
void                  signet_collection_delete_async       (SignetCollection      *self,
                                                            SignetCollectionItem  *item,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
void                  signet_collection_restore_async      (SignetCollection      *self,
                                                            SignetCollectionItem  *item,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
SignetCollectionItem *signet_collection_edit_finish        (SignetCollection      *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

char                 *signet_collection_slugify            (const char            *name);

G_END_DECLS
