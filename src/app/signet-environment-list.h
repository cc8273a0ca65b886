/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-environment.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ENVIRONMENT_LIST (signet_environment_list_get_type ())

G_DECLARE_FINAL_TYPE (SignetEnvironmentList, signet_environment_list, SIGNET, ENVIRONMENT_LIST, GObject)

SignetEnvironmentList *signet_environment_list_new             (GFile                  *collection_dir);
GListModel            *signet_environment_list_get_model       (SignetEnvironmentList  *self);
GPtrArray             *signet_environment_list_get_load_errors (SignetEnvironmentList  *self);
gboolean               signet_environment_list_get_loaded      (SignetEnvironmentList  *self);
SignetEnvironment     *signet_environment_list_find            (SignetEnvironmentList  *self,
                                                                const char             *name);
void                   signet_environment_list_load_async      (SignetEnvironmentList  *self,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
gboolean               signet_environment_list_load_finish     (SignetEnvironmentList  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
void                   signet_environment_list_save_async      (SignetEnvironmentList  *self,
                                                                SignetEnvironment      *environment,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
gboolean               signet_environment_list_save_finish     (SignetEnvironmentList  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);

G_END_DECLS
