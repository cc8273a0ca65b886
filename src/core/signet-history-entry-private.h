/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-history-entry.h"

G_BEGIN_DECLS

struct _SignetHistoryEntry
{
  GObject    parent_instance;

  GDateTime *time;
  char      *method;
  /* as sent, signatures and session tokens redacted */
  char      *url;
  GArray    *headers;        /* SignetHeader, as sent, redacted */
  char      *body;           /* the first SIGNET_HISTORY_MAX_BODY bytes; NULL if none or not text */
  gsize      body_size;      /* the whole sent body */
  guint      status;
  char      *reason;
  gint64     elapsed_ms;
  guint64    response_size;
  gboolean   is_signed;
  /* signet_request_to_json_node()'s form, to open it again; its body
   * text is left out when it is @body */
  JsonNode  *request;

  char      *search_text;    /* casefolded, made on the first search */
};

SignetHistoryEntry *signet_history_entry_new_empty (void);

G_END_DECLS
