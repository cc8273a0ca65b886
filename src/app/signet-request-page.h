/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-client.h"
#include "signet-collection.h"
#include "signet-environment.h"
#include "signet-request.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_REQUEST_PAGE (signet_request_page_get_type ())

G_DECLARE_FINAL_TYPE (SignetRequestPage, signet_request_page, SIGNET, REQUEST_PAGE, AdwBin)

SignetRequestPage *signet_request_page_new         (SignetClient      *client);
const char        *signet_request_page_get_title   (SignetRequestPage *self);
SignetRequest     *signet_request_page_get_request (SignetRequestPage *self);
gboolean           signet_request_page_get_unsent  (SignetRequestPage *self);
gboolean           signet_request_page_get_unsaved (SignetRequestPage *self);
void               signet_request_page_set_body_wrap (SignetRequestPage *self,
                                                      gboolean           body_wrap);

SignetCollectionItem *signet_request_page_get_item        (SignetRequestPage     *self,
                                                           SignetCollection     **collection);
void                  signet_request_page_set_item        (SignetRequestPage     *self,
                                                           SignetCollection      *collection,
                                                           SignetCollectionItem  *item);
void                  signet_request_page_set_environment (SignetRequestPage     *self,
                                                           SignetEnvironment     *environment);
void                  signet_request_page_save_async      (SignetRequestPage     *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
void                  signet_request_page_save_as_async   (SignetRequestPage     *self,
                                                           SignetCollection      *collection,
                                                           const char            *folder,
                                                           const char            *name,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
SignetCollectionItem *signet_request_page_save_finish     (SignetRequestPage     *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

G_END_DECLS
