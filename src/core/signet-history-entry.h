/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "signet-exchange.h"
#include "signet-request.h"

G_BEGIN_DECLS

/* The most of a sent body a history entry keeps. */
#define SIGNET_HISTORY_MAX_BODY (64 * 1024)

#define SIGNET_TYPE_HISTORY_ENTRY (signet_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (SignetHistoryEntry, signet_history_entry, SIGNET, HISTORY_ENTRY, GObject)

/* signet-history-entry.c: one sent request, immutable once made */
SignetHistoryEntry *signet_history_entry_new               (SignetRequest        *request,
                                                            const SignetExchange *exchange,
                                                            GDateTime            *time,
                                                            const char * const   *secrets);
GDateTime          *signet_history_entry_get_time          (SignetHistoryEntry   *self);
const char         *signet_history_entry_get_method        (SignetHistoryEntry   *self);
const char         *signet_history_entry_get_url           (SignetHistoryEntry   *self);
GArray             *signet_history_entry_get_headers       (SignetHistoryEntry   *self);
const char         *signet_history_entry_get_body          (SignetHistoryEntry   *self);
gsize               signet_history_entry_get_body_size     (SignetHistoryEntry   *self);
guint               signet_history_entry_get_status        (SignetHistoryEntry   *self);
const char         *signet_history_entry_get_reason        (SignetHistoryEntry   *self);
gint64              signet_history_entry_get_elapsed_ms    (SignetHistoryEntry   *self);
guint64             signet_history_entry_get_response_size (SignetHistoryEntry   *self);
gboolean            signet_history_entry_get_signed        (SignetHistoryEntry   *self);
SignetRequest      *signet_history_entry_dup_request       (SignetHistoryEntry   *self,
                                                            GError              **error);
gboolean            signet_history_entry_matches           (SignetHistoryEntry   *self,
                                                            const char           *text);

/* signet-history-entry-json.c: an entry in the history file */
JsonNode           *signet_history_entry_to_json_node      (SignetHistoryEntry   *self);
SignetHistoryEntry *signet_history_entry_from_json_node    (JsonNode             *node,
                                                            GError              **error);
void                signet_history_scrub_json              (JsonNode             *node,
                                                            const char * const   *secrets);

G_END_DECLS
