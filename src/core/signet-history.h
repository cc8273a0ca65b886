/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-history-entry.h"

G_BEGIN_DECLS

#define SIGNET_HISTORY_JSON_VERSION 1
#define SIGNET_HISTORY_DEFAULT_MAX_ENTRIES 500
#define SIGNET_HISTORY_LIMIT_MAX_ENTRIES 10000
/* A history file larger than this is not read: thousands of entries of a
 * few KiB each, not thousands of the largest bodies. */
#define SIGNET_HISTORY_MAX_FILE_SIZE (64 * 1024 * 1024)

#define SIGNET_TYPE_HISTORY (signet_history_get_type ())

G_DECLARE_FINAL_TYPE (SignetHistory, signet_history, SIGNET, HISTORY, GObject)

SignetHistory *signet_history_new             (GFile               *file);
GFile         *signet_history_get_file        (SignetHistory       *self);
guint          signet_history_get_max_entries (SignetHistory       *self);
void           signet_history_set_max_entries (SignetHistory       *self,
                                               guint                max_entries);
const char    *signet_history_get_error       (SignetHistory       *self);
gboolean       signet_history_get_saving      (SignetHistory       *self);
void           signet_history_add             (SignetHistory       *self,
                                               SignetHistoryEntry  *entry);
void           signet_history_clear           (SignetHistory       *self);

void           signet_history_load_async      (SignetHistory       *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       signet_history_load_finish     (SignetHistory       *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void           signet_history_save_async      (SignetHistory       *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       signet_history_save_finish     (SignetHistory       *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
