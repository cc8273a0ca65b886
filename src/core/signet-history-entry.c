/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-history-entry-private.h"
#include "signet-redact.h"
#include "signet-request-json.h"

/**
 * SignetHistoryEntry:
 *
 * One request that was sent and what came back, as the history keeps it:
 * the request as it went on the wire with its signature and session token
 * redacted, the start of its body when it is text, the status, and the
 * request as the user edited it, to open it again. No secret is kept: the
 * caller's secret strings (secret variables' values, keys typed into the
 * page) are scrubbed from every field before the entry exists.
 */

G_DEFINE_FINAL_TYPE (SignetHistoryEntry, signet_history_entry, G_TYPE_OBJECT)

static void
signet_history_entry_finalize (GObject *object)
{
  SignetHistoryEntry *self = SIGNET_HISTORY_ENTRY (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->method);
  g_free (self->url);
  g_clear_pointer (&self->headers, g_array_unref);
  g_free (self->body);
  g_free (self->reason);
  g_clear_pointer (&self->request, json_node_unref);
  g_free (self->search_text);

  G_OBJECT_CLASS (signet_history_entry_parent_class)->finalize (object);
}

static void
signet_history_entry_class_init (SignetHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_history_entry_finalize;
}

static void
signet_history_entry_init (SignetHistoryEntry *self)
{
  self->headers = signet_header_array_new ();
}

SignetHistoryEntry *
signet_history_entry_new_empty (void)
{
  return g_object_new (SIGNET_TYPE_HISTORY_ENTRY, NULL);
}

/* The URL with signatures and tokens in its query redacted. */
static char *
redact_url (const char *url)
{
  const char *query = strchr (url, '?');
  g_autofree char *redacted = NULL;

  if (query == NULL)
    return g_strdup (url);
  redacted = signet_redact_query (query + 1);
  return g_strdup_printf ("%.*s?%s", (int) (query - url), url, redacted);
}

/* Text only, and no more than SIGNET_HISTORY_MAX_BODY bytes of it, cut on
 * a character boundary. */
static char *
keep_body (GBytes *body)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  const char *end;

  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL))
    return NULL;
  if (size <= SIGNET_HISTORY_MAX_BODY)
    return g_strndup (data, size);

  end = g_utf8_find_prev_char (data, data + SIGNET_HISTORY_MAX_BODY + 1);
  return g_strndup (data, end - data);
}

static JsonNode *
keep_request (SignetRequest *request,
              const char    *sent_body)
{
  JsonNode *node = signet_request_to_json_node (request, "");
  JsonObject *object = json_node_get_object (node);
  JsonObject *body = json_object_get_object_member (object, "body");
  const char *text = json_object_get_string_member (body, "text");
  g_autofree char *url = redact_url (json_object_get_string_member (object, "url"));

  json_object_set_string_member (object, "url", url);
  /* Kept once when it is what was sent (no variables in it). */
  if (sent_body != NULL && g_str_equal (text, sent_body))
    json_object_remove_member (body, "text");
  else if (strlen (text) > SIGNET_HISTORY_MAX_BODY)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autofree char *kept = keep_body (bytes);

      json_object_set_string_member (body, "text", kept ? kept : "");
    }
  return node;
}

/**
 * signet_history_entry_new:
 * @request: the request as edited, before variables were filled in
 * @exchange: what was sent and what came back
 * @time: when it was sent
 * @secrets: (nullable) (array zero-terminated=1): strings that must not be
 *   kept, e.g. the values of secret variables; each becomes "[redacted]"
 *
 * Returns: (transfer full): the entry
 */
SignetHistoryEntry *
signet_history_entry_new (SignetRequest        *request,
                          const SignetExchange *exchange,
                          GDateTime            *time,
                          const char * const   *secrets)
{
  g_autoptr(SignetHistoryEntry) draft = signet_history_entry_new_empty ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SignetHistoryEntry *entry;
  const SignetWireRequest *sent;

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);
  g_return_val_if_fail (exchange != NULL && exchange->sent != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  sent = exchange->sent;
  url = signet_wire_request_to_url (sent);
  draft->time = g_date_time_ref (time);
  draft->method = g_strdup (sent->method);
  draft->url = redact_url (url);
  for (guint i = 0; i < sent->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (sent->headers, SignetHeader, i);
      g_autofree char *value = signet_redact_header_value (header->name, header->value);

      signet_header_array_add (draft->headers, header->name, value);
    }
  draft->body = keep_body (sent->body);
  draft->body_size = g_bytes_get_size (sent->body);
  draft->status = exchange->status;
  draft->reason = g_strdup (exchange->reason ? exchange->reason : "");
  draft->elapsed_ms = exchange->elapsed_us / 1000;
  draft->response_size = exchange->body ? g_bytes_get_size (exchange->body) : 0;
  draft->is_signed = exchange->signing != NULL;
  draft->request = keep_request (request, draft->body);

  /* Through the file's form, so that what is kept in memory is what a
   * reload gives, and the scrub sees every string. */
  node = signet_history_entry_to_json_node (draft);
  signet_history_scrub_json (node, secrets);
  entry = signet_history_entry_from_json_node (node, &error);
  g_assert_no_error (error);
  return entry;
}

GDateTime *
signet_history_entry_get_time (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);
  return self->time;
}

const char *
signet_history_entry_get_method (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);
  return self->method;
}

/**
 * signet_history_entry_get_url:
 *
 * Returns: the URL as sent, with X-Amz-Signature and X-Amz-Security-Token
 *   redacted
 */
const char *
signet_history_entry_get_url (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);
  return self->url;
}

/**
 * signet_history_entry_get_headers:
 *
 * Returns: (transfer none) (element-type SignetHeader): the headers as
 *   sent, with Authorization's signature and X-Amz-Security-Token redacted
 */
GArray *
signet_history_entry_get_headers (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);
  return self->headers;
}

/**
 * signet_history_entry_get_body:
 *
 * Returns: (nullable): the start of the sent body, or %NULL when there was
 *   none or it was not text; see signet_history_entry_get_body_size()
 */
const char *
signet_history_entry_get_body (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);
  return self->body;
}

gsize
signet_history_entry_get_body_size (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), 0);
  return self->body_size;
}

guint
signet_history_entry_get_status (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), 0);
  return self->status;
}

const char *
signet_history_entry_get_reason (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);
  return self->reason;
}

gint64
signet_history_entry_get_elapsed_ms (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), 0);
  return self->elapsed_ms;
}

guint64
signet_history_entry_get_response_size (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), 0);
  return self->response_size;
}

gboolean
signet_history_entry_get_signed (SignetHistoryEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), FALSE);
  return self->is_signed;
}

/**
 * signet_history_entry_dup_request:
 * @error: a %SIGNET_ERROR_INVALID_FILE error when the kept request is malformed
 *
 * Returns: (transfer full): a new request as it was edited when sent
 *   (variables unfilled, no secrets), or %NULL with @error set
 */
SignetRequest *
signet_history_entry_dup_request (SignetHistoryEntry  *self,
                                  GError             **error)
{
  JsonObject *body;
  SignetRequest *request;

  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);

  request = signet_request_from_json_node (self->request, NULL, error);
  if (request == NULL)
    return NULL;

  body = json_object_get_object_member (json_node_get_object (self->request), "body");
  if (body != NULL && !json_object_has_member (body, "text") && self->body != NULL)
    {
      signet_request_set_body_text (request, self->body);
      signet_request_set_modified (request, FALSE);
    }
  return request;
}

/**
 * signet_history_entry_matches:
 * @text: what was typed into a search, e.g. "post 403 /pets"
 *
 * Whether every word of @text is in the entry's method, URL, status or
 * reason, ignoring case.
 */
gboolean
signet_history_entry_matches (SignetHistoryEntry *self,
                              const char         *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), FALSE);

  if (text == NULL)
    return TRUE;
  if (self->search_text == NULL)
    {
      g_autofree char *all = g_strdup_printf ("%s %s %u %s", self->method, self->url,
                                              self->status, self->reason);

      self->search_text = g_utf8_casefold (all, -1);
    }

  folded = g_utf8_casefold (text, -1);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (self->search_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
