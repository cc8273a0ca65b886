/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIGNET_ENVIRONMENT_SECRET_SCHEMA_NAME "io.github.signetapp.Signet.EnvironmentVariable"

void      signet_environment_secret_store_async   (GFile                *collection_dir,
                                                   const char           *environment_slug,
                                                   const char           *name,
                                                   const char           *value,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean  signet_environment_secret_store_finish  (GAsyncResult         *result,
                                                   GError              **error);
void      signet_environment_secret_lookup_async  (GFile                *collection_dir,
                                                   const char           *environment_slug,
                                                   const char           *name,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char     *signet_environment_secret_lookup_finish (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
