/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-collection.h"
#include "signet-environment.h"
#include "signet-import-result.h"

G_BEGIN_DECLS

/* The environment an import keeps the source's variables in. */
#define SIGNET_IMPORT_ENVIRONMENT "imported"

gboolean            signet_import_save_check_dir         (GFile               *dir,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                signet_import_save_async             (SignetImportResult  *imported,
                                                          GFile               *dir,
                                                          const char          *name,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            signet_import_save_finish            (GAsyncResult        *result,
                                                          GError             **error);

SignetImportResult *signet_import_result_from_collection (SignetCollection    *collection);
void                signet_import_result_add_environment (SignetImportResult  *contents,
                                                          SignetEnvironment   *environment);

G_END_DECLS
