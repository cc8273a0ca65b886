/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-error.h"
#include "signet-history-entry-private.h"
#include "signet-json-read.h"
#include "signet-redact.h"

/* An entry as an object of history.json's "entries":
 *
 *   { "time": "2026-12-01T08:30:00.123Z", "method": "GET", "url": "…",
 *     "headers": [{"name": "…", "value": "…"}], "body": "…", "bodySize": 12,
 *     "status": 200, "reason": "OK", "elapsedMs": 41, "responseSize": 310,
 *     "signed": true, "request": { the request file's object } }
 *
 * "body" is left out when the body was empty or not text. */

JsonNode *
signet_history_entry_to_json_node (SignetHistoryEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *time = NULL;

  g_return_val_if_fail (SIGNET_IS_HISTORY_ENTRY (self), NULL);

  time = g_date_time_format_iso8601 (self->time);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, self->method);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, self->url);

  json_builder_set_member_name (builder, "headers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (self->headers, SignetHeader, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, header->name);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, header->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (self->body != NULL)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, self->body);
    }
  json_builder_set_member_name (builder, "bodySize");
  json_builder_add_int_value (builder, self->body_size);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, self->status);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, self->reason);
  json_builder_set_member_name (builder, "elapsedMs");
  json_builder_add_int_value (builder, self->elapsed_ms);
  json_builder_set_member_name (builder, "responseSize");
  json_builder_add_int_value (builder, self->response_size);
  json_builder_set_member_name (builder, "signed");
  json_builder_add_boolean_value (builder, self->is_signed);
  json_builder_set_member_name (builder, "request");
  json_builder_add_value (builder, json_node_copy (self->request));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_count (JsonObject  *object,
            const char  *member,
            gint64       max,
            gint64      *out,
            GError     **error)
{
  if (!signet_json_read_int (object, "", member, FALSE, out, error))
    return FALSE;
  if (*out < 0 || *out > max)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“%s” is out of range"), member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_headers (JsonObject  *object,
              GArray      *headers,
              GError     **error)
{
  JsonArray *array = NULL;

  if (!signet_json_read_array (object, "", "headers", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("headers[%u]", i);
      JsonObject *item = signet_json_array_object (array, "headers", i, error);
      const char *name = NULL;
      const char *value = NULL;

      if (item == NULL ||
          !signet_json_read_string (item, path, "name", TRUE, &name, error) ||
          !signet_json_read_string (item, path, "value", TRUE, &value, error))
        return FALSE;
      signet_header_array_add (headers, name, value);
    }
  return TRUE;
}

/**
 * signet_history_entry_from_json_node:
 * @node: an object of history.json's "entries"
 * @error: a %SIGNET_ERROR_INVALID_FILE error naming the bad member
 *
 * Returns: (transfer full): the entry, or %NULL with @error set
 */
SignetHistoryEntry *
signet_history_entry_from_json_node (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(SignetHistoryEntry) self = signet_history_entry_new_empty ();
  JsonObject *object;
  JsonObject *request = NULL;
  const char *time = NULL;
  const char *method = NULL;
  const char *url = NULL;
  const char *body = NULL;
  const char *reason = "";
  gint64 body_size = 0, status = 0, elapsed_ms = 0, response_size = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                           _("a history entry must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!signet_json_read_string (object, "", "time", TRUE, &time, error) ||
      !signet_json_read_string (object, "", "method", TRUE, &method, error) ||
      !signet_json_read_string (object, "", "url", TRUE, &url, error) ||
      !read_headers (object, self->headers, error) ||
      !signet_json_read_string (object, "", "body", FALSE, &body, error) ||
      !read_count (object, "bodySize", G_MAXINT64, &body_size, error) ||
      !read_count (object, "status", 999, &status, error) ||
      !signet_json_read_string (object, "", "reason", FALSE, &reason, error) ||
      !read_count (object, "elapsedMs", G_MAXINT64, &elapsed_ms, error) ||
      !read_count (object, "responseSize", G_MAXINT64, &response_size, error) ||
      !signet_json_read_bool (object, "", "signed", &self->is_signed, error) ||
      !signet_json_read_object (object, "", "request", &request, error))
    return NULL;

  self->time = g_date_time_new_from_iso8601 (time, NULL);
  if (self->time == NULL)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“time” is “%s”, not an ISO 8601 time"), time);
      return NULL;
    }
  if (request == NULL)
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                           _("missing member “request”"));
      return NULL;
    }

  self->method = g_strdup (method);
  self->url = g_strdup (url);
  self->body = g_strdup (body);
  self->body_size = body_size;
  self->status = status;
  self->reason = g_strdup (reason);
  self->elapsed_ms = elapsed_ms;
  self->response_size = response_size;
  self->request = json_node_copy (json_object_get_member (object, "request"));

  return g_steal_pointer (&self);
}

/* Every occurrence of every secret in @text, replaced; NULL when there
 * was none. */
static char *
scrub_string (const char         *text,
              const char * const *secrets)
{
  g_autoptr(GString) out = NULL;

  for (guint i = 0; secrets[i] != NULL; i++)
    {
      const char *current = out ? out->str : text;

      if (secrets[i][0] == '\0' || strstr (current, secrets[i]) == NULL)
        continue;
      if (out == NULL)
        out = g_string_new (text);
      g_string_replace (out, secrets[i], SIGNET_REDACTED, 0);
    }

  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * signet_history_scrub_json:
 * @node: a JSON node, changed in place
 * @secrets: (nullable) (array zero-terminated=1): strings to redact
 *
 * Replaces each of @secrets wherever it occurs in a string value under
 * @node with "[redacted]".
 */
void
signet_history_scrub_json (JsonNode           *node,
                           const char * const *secrets)
{
  if (secrets == NULL || secrets[0] == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        signet_history_scrub_json (json_array_get_element (array, i), secrets);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        signet_history_scrub_json (json_object_get_member (object, l->data), secrets);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *scrubbed = scrub_string (json_node_get_string (node), secrets);

      if (scrubbed != NULL)
        json_node_set_string (node, scrubbed);
    }
}
