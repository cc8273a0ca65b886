/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-request-copy.h"
#include "signet-request-json.h"

/* A tab edits its own copy of a saved request, so that closing it with
 * "Discard" leaves the collection's request as it was on disk; saving
 * copies the tab's request back into the collection's. */

/**
 * signet_request_dup:
 *
 * Returns: (transfer full): a copy of @request, not marked modified; the
 *   saved form is the definition of a request, so it makes the copy
 */
SignetRequest *
signet_request_dup (SignetRequest *request)
{
  g_autoptr(JsonNode) node = signet_request_to_json_node (request, "");
  g_autoptr(GError) error = NULL;
  SignetRequest *copy = signet_request_from_json_node (node, NULL, &error);

  /* what to_json_node() writes, from_json_node() reads */
  g_assert_no_error (error);
  signet_request_set_modified (copy, FALSE);
  return copy;
}

static void
copy_rows (GListModel *from,
           GListModel *to)
{
  guint n_items = g_list_model_get_n_items (from);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (from, i);
      SignetRequestRow *copy = signet_request_row_new (signet_request_row_get_name (row),
                                                       signet_request_row_get_value (row));

      signet_request_row_set_has_value (copy, signet_request_row_get_has_value (row));
      signet_request_row_set_enabled (copy, signet_request_row_get_enabled (row));
      signet_request_row_set_raw (copy, signet_request_row_get_raw (row));
      g_ptr_array_add (rows, copy);
    }
  g_list_store_splice (G_LIST_STORE (to), 0, g_list_model_get_n_items (to), rows->pdata, rows->len);
}

/**
 * signet_request_copy_into:
 * @to: the request to change
 * @from: the request to copy
 *
 * Makes @to read as @from: every writable property (but
 * #SignetRequest:modified, which @to keeps for its saver to clear), the
 * headers, form fields and params, switched-off ones included.
 */
void
signet_request_copy_into (SignetRequest *to,
                          SignetRequest *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (SIGNET_IS_REQUEST (to));
  g_return_if_fail (SIGNET_IS_REQUEST (from));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);
  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) ||
          g_str_equal (pspecs[i]->name, "modified"))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (from), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (to), pspecs[i]->name, &value);
    }
  copy_rows (signet_request_get_headers (from), signet_request_get_headers (to));
  copy_rows (signet_request_get_form_fields (from), signet_request_get_form_fields (to));
  copy_rows (signet_request_get_params (from), signet_request_get_params (to));
  g_object_thaw_notify (G_OBJECT (to));
}
