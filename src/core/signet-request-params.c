/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-request-params.h"
#include "signet-uri-encode.h"

/* Query parameters kept in step with a URL as typed, both ways: each row
 * remembers the text it came from, so params nobody edited go back into
 * the URL exactly as they were typed. */

/* The query of @url lies between *query_start ('?', or NULL when there is
 * none) and *query_end (the '#' of the fragment, or the end). Trailing
 * blanks (a pasted newline, say) are not part of the last param. */
static void
split_url (const char  *url,
           const char **query_start,
           const char **query_end)
{
  const char *fragment = strchr (url, '#');
  const char *question = strchr (url, '?');
  const char *end = url + strlen (url);

  while (end > url && g_ascii_isspace (end[-1]))
    end--;
  if (question != NULL && fragment != NULL && fragment < question)
    question = NULL;
  *query_start = question != NULL && question < end ? question : NULL;
  *query_end = fragment ? fragment : end;
}

/* Percent-decodes for display; bytes that are not text (%FF, %00) stay
 * encoded, as an entry could not show them. '+' stays '+', as AWS reads it. */
static char *
decode_for_display (const char *text,
                    gsize       length)
{
  GString *decoded = g_string_sized_new (length);

  signet_uri_decode_append (decoded, text, length);
  if (memchr (decoded->str, '\0', decoded->len) != NULL ||
      !g_utf8_validate (decoded->str, decoded->len, NULL))
    {
      g_string_free (decoded, TRUE);
      return g_strndup (text, length);
    }

  return g_string_free (decoded, FALSE);
}

static void
parse_param (const char  *raw,
             char       **name,
             char       **value,
             gboolean    *has_value)
{
  const char *equals = strchr (raw, '=');

  if (equals == NULL)
    {
      *name = decode_for_display (raw, strlen (raw));
      *value = g_strdup ("");
      *has_value = FALSE;
    }
  else
    {
      *name = decode_for_display (raw, equals - raw);
      *value = decode_for_display (equals + 1, strlen (equals + 1));
      *has_value = TRUE;
    }
}

/* A param is in the URL when it is switched on and not a blank
 * placeholder row. */
static gboolean
param_in_url (SignetRequestRow *row)
{
  return signet_request_row_get_enabled (row) && !signet_request_row_is_blank (row);
}

static void
set_param_from_raw (SignetRequestRow *row,
                    const char       *raw)
{
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  gboolean has_value;

  parse_param (raw, &name, &value, &has_value);
  g_object_freeze_notify (G_OBJECT (row));
  signet_request_row_set_name (row, name);
  signet_request_row_set_value (row, value);
  signet_request_row_set_has_value (row, has_value);
  signet_request_row_set_raw (row, raw);
  g_object_thaw_notify (G_OBJECT (row));
}

/* The query's params, as typed; empty ones (`a&&b`, `=`) are left out. */
static GPtrArray *
dup_query_params (const char *url)
{
  GPtrArray *params = g_ptr_array_new_with_free_func (g_free);
  const char *query_start;
  const char *query_end;
  g_autofree char *query = NULL;
  g_auto(GStrv) pieces = NULL;

  split_url (url, &query_start, &query_end);
  if (query_start == NULL)
    return params;

  query = g_strndup (query_start + 1, query_end - query_start - 1);
  pieces = g_strsplit (query, "&", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    if (pieces[i][0] != '\0' && !g_str_equal (pieces[i], "="))
      g_ptr_array_add (params, g_strdup (pieces[i]));

  return params;
}

/* The URL's params go, in order, into the rows that are in the URL, so
 * that rows keep their identity (and the UI its focus) while the user
 * types; switched-off rows stay where they are. */
void
signet_request_params_read_from_url (GListStore *params,
                                     const char *url)
{
  g_autoptr(GPtrArray) raws = dup_query_params (url);
  GListModel *model = G_LIST_MODEL (params);
  guint n_items = g_list_model_get_n_items (model);
  guint next = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_items;)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (model, i);

      if (!param_in_url (row))
        i++;
      else if (next < raws->len)
        {
          set_param_from_raw (row, g_ptr_array_index (raws, next++));
          i++;
        }
      else
        {
          g_list_store_remove (params, i);
          n_items--;
        }
    }

  for (; next < raws->len; next++)
    {
      SignetRequestRow *row = g_object_new (SIGNET_TYPE_REQUEST_ROW, NULL);

      set_param_from_raw (row, g_ptr_array_index (raws, next));
      g_ptr_array_add (added, row);
    }
  if (added->len > 0)
    g_list_store_splice (params, n_items, 0, added->pdata, added->len);
}

static void
append_encoded_param (GString          *query,
                      SignetRequestRow *row)
{
  const char *raw = signet_request_row_get_raw (row);
  const char *name = signet_request_row_get_name (row);
  const char *value = signet_request_row_get_value (row);
  gboolean has_value = signet_request_row_get_has_value (row);

  /* Untouched params go out as they were typed. */
  if (raw != NULL)
    {
      g_autofree char *raw_name = NULL;
      g_autofree char *raw_value = NULL;
      gboolean raw_has_value;

      parse_param (raw, &raw_name, &raw_value, &raw_has_value);
      if (g_str_equal (raw_name, name) && raw_has_value == has_value &&
          (!has_value || g_str_equal (raw_value, value)))
        {
          g_string_append (query, raw);
          return;
        }
    }

  signet_uri_encode_append (query, name, strlen (name), FALSE);
  if (has_value)
    {
      g_string_append_c (query, '=');
      signet_uri_encode_append (query, value, strlen (value), FALSE);
    }
}

/* The URL with its query rewritten from the rows that are in it, or NULL
 * when the query would read the same. */
char *
signet_request_params_write_to_url (GListModel *params,
                                    const char *url)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *query_start;
  const char *query_end;
  const char *old_query;
  gsize old_length;

  for (guint i = 0; i < g_list_model_get_n_items (params); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (params, i);

      if (!param_in_url (row))
        continue;
      if (query->len > 0)
        g_string_append_c (query, '&');
      append_encoded_param (query, row);
    }

  split_url (url, &query_start, &query_end);
  old_query = query_start ? query_start + 1 : query_end;
  old_length = query_end - old_query;
  if (old_length == query->len && strncmp (old_query, query->str, old_length) == 0)
    return NULL;

  return g_strdup_printf ("%.*s%s%s%s",
                          (int) ((query_start ? query_start : query_end) - url), url,
                          query->len > 0 ? "?" : "", query->str, query_end);
}
