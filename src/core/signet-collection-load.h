/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files larger than this are not read: a collection file is a few KiB,
 * and a huge one is a mistake we should not spend memory on. */
#define SIGNET_COLLECTION_MAX_FILE_SIZE (5 * 1024 * 1024)

/* What a load found, built off the main thread. */
typedef struct
{
  char      *name;     /* from collection.json, or the folder's name */
  GPtrArray *items;    /* SignetCollectionItem, in file order */
  GPtrArray *folders;  /* char *, sorted */
  GPtrArray *errors;   /* GError *, each naming its file */
} SignetCollectionLoad;

SignetCollectionLoad *signet_collection_load_run   (GFile                 *dir,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
void                  signet_collection_load_free  (SignetCollectionLoad  *load);
char                 *signet_collection_read_file  (GFile                 *dir,
                                                    const char            *relative_path,
                                                    gsize                 *length,
                                                    GCancellable          *cancellable,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCollectionLoad, signet_collection_load_free)

G_END_DECLS
