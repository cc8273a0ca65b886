/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-environment.h"
#include "signet-import-result.h"

G_BEGIN_DECLS

/* A collection as `run` and `export` take it: a Signet collection folder
 * or a Postman v2.1 file, read into one in-memory form. */
typedef struct
{
  char               *path;
  gboolean            is_folder;
  SignetImportResult *contents;  /* name, variables, folders, requests */
} SignetCliCollection;

SignetCliCollection *signet_cli_collection_load             (const char           *path,
                                                             GError              **error);
void                 signet_cli_collection_free             (SignetCliCollection  *collection);
void                 signet_cli_print_import_warnings       (SignetImportResult   *contents);
char                *signet_cli_collection_dup_folder       (SignetCliCollection  *collection,
                                                             guint                 index);
SignetEnvironment   *signet_cli_collection_load_environment (SignetCliCollection  *collection,
                                                             const char           *name,
                                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCliCollection, signet_cli_collection_free)

G_END_DECLS
