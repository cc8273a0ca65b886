/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-environment.h"
#include "signet-error.h"

/* The request that is signed and sent: a copy with every `{{name}}`
 * expanded, so the signer sees the very text that goes on the wire.
 *
 * The URL (query included) is the source of the params that are in it, as
 * in #SignetRequest: expanding the URL expands them, and a value with a
 * `&` in it becomes two params, as it would when typed. Switched-off
 * params, headers, form fields, the body text and the auth fields (access
 * key ID, region, service, credential name) are expanded one by one. The
 * method, body kind, auth kind and "sign in query" are copied. */

typedef struct
{
  SignetVariableLookup  lookup;
  gpointer              data;
  GPtrArray            *unknown_names;
} Expander;

static char *
expand (Expander   *expander,
        const char *text)
{
  return signet_variables_expand (text, expander->lookup, expander->data,
                                  expander->unknown_names);
}

static SignetRequestRow *
expand_row (Expander         *expander,
            SignetRequestRow *row)
{
  g_autofree char *name = expand (expander, signet_request_row_get_name (row));
  g_autofree char *value = expand (expander, signet_request_row_get_value (row));
  SignetRequestRow *copy = signet_request_row_new (name, value);

  signet_request_row_set_has_value (copy, signet_request_row_get_has_value (row));
  signet_request_row_set_enabled (copy, signet_request_row_get_enabled (row));
  return copy;
}

static void
expand_rows (Expander   *expander,
             GListModel *rows,
             GListModel *copy)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (rows, i);
      g_autoptr(SignetRequestRow) expanded = expand_row (expander, row);

      g_list_store_append (G_LIST_STORE (copy), expanded);
    }
}

/* Switched-off params back in their places among those from the URL. */
static void
expand_disabled_params (Expander   *expander,
                        GListModel *params,
                        GListModel *copy)
{
  for (guint i = 0; i < g_list_model_get_n_items (params); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (params, i);
      g_autoptr(SignetRequestRow) expanded = NULL;

      if (signet_request_row_get_enabled (row) || signet_request_row_is_blank (row))
        continue;
      expanded = expand_row (expander, row);
      g_list_store_insert (G_LIST_STORE (copy), MIN (i, g_list_model_get_n_items (copy)),
                           expanded);
    }
}

typedef const char *(*GetString) (SignetRequest *request);
typedef void (*SetString) (SignetRequest *request,
                           const char    *text);

static void
expand_field (Expander      *expander,
              SignetRequest *request,
              SignetRequest *copy,
              GetString      get,
              SetString      set)
{
  const char *text = get (request);
  g_autofree char *expanded = NULL;

  /* The credential name is NULL when none is chosen: keep it so. */
  if (text == NULL)
    return;
  expanded = expand (expander, text);
  set (copy, expanded);
}

/**
 * signet_environment_resolve_request:
 * @request: a request with `{{name}}` references
 * @lookup: gives the variables' values (a #SignetVariableChain, say)
 * @data: data for @lookup
 * @flags: whether unknown variables are an error
 * @unknown_names: (nullable) (element-type utf8): an array with g_free()
 *   as its free function, to which each unknown name is added once
 * @error: return location for a %SIGNET_ERROR_INVALID_REQUEST error
 *   ("Unknown variables: a, b")
 *
 * Returns: (transfer full): a copy of @request with its variables
 *   expanded, not marked modified, or %NULL with @error set when a
 *   variable is unknown and @flags does not allow it
 */
SignetRequest *
signet_environment_resolve_request (SignetRequest         *request,
                                    SignetVariableLookup   lookup,
                                    gpointer               data,
                                    SignetResolveFlags     flags,
                                    GPtrArray             *unknown_names,
                                    GError               **error)
{
  g_autoptr(GPtrArray) local_unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SignetRequest) copy = NULL;
  g_autofree char *url = NULL;
  Expander expander = { lookup, data, local_unknown };

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  copy = signet_request_new ();
  signet_request_set_method (copy, signet_request_get_method (request));
  url = expand (&expander, signet_request_get_url (request));
  signet_request_set_url (copy, url);
  expand_disabled_params (&expander, signet_request_get_params (request),
                          signet_request_get_params (copy));
  expand_rows (&expander, signet_request_get_headers (request),
               signet_request_get_headers (copy));

  signet_request_set_body_kind (copy, signet_request_get_body_kind (request));
  expand_field (&expander, request, copy,
                signet_request_get_body_text, signet_request_set_body_text);
  expand_rows (&expander, signet_request_get_form_fields (request),
               signet_request_get_form_fields (copy));

  signet_request_set_auth_kind (copy, signet_request_get_auth_kind (request));
  expand_field (&expander, request, copy,
                signet_request_get_credential_name, signet_request_set_credential_name);
  expand_field (&expander, request, copy,
                signet_request_get_access_key_id, signet_request_set_access_key_id);
  expand_field (&expander, request, copy,
                signet_request_get_region, signet_request_set_region);
  expand_field (&expander, request, copy,
                signet_request_get_service, signet_request_set_service);
  signet_request_set_sign_in_query (copy, signet_request_get_sign_in_query (request));
  signet_request_set_modified (copy, FALSE);

  if (unknown_names != NULL)
    for (guint i = 0; i < local_unknown->len; i++)
      if (!g_ptr_array_find_with_equal_func (unknown_names, local_unknown->pdata[i],
                                             g_str_equal, NULL))
        g_ptr_array_add (unknown_names, g_strdup (local_unknown->pdata[i]));

  if (local_unknown->len > 0 && !(flags & SIGNET_RESOLVE_ALLOW_UNKNOWN))
    {
      g_autofree char *message = signet_variables_join_unknown (local_unknown);

      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST, message);
      return NULL;
    }

  return g_steal_pointer (&copy);
}
