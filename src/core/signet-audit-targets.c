/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-audit.h"
#include "signet-environment.h"
#include "signet-error.h"

/* The endpoints of an access check, from an import (OpenAPI, Swagger,
 * Postman) or a collection folder: each request with its server URL
 * replaced when asked, its `{{variables}}` expanded and its `{param}`
 * path parameters filled from the document's examples, the variables, or
 * a placeholder. */

#define PLACEHOLDER "1"

/* The document's paths (keys as written, "/pets/{petId}") and, per
 * "METHOD path", the examples of its path parameters. */
typedef struct
{
  GPtrArray  *paths;
  GHashTable *examples;
} Spec;

static void
spec_clear (Spec *spec)
{
  g_clear_pointer (&spec->paths, g_ptr_array_unref);
  g_clear_pointer (&spec->examples, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Spec, spec_clear)

static const char *
scalar_text (JsonNode *node,
             char    **storage)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return *storage = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* "example", "schema.example", "x-example" (Swagger), the first of "examples". */
static char *
parameter_example (JsonObject *parameter)
{
  g_autofree char *storage = NULL;
  JsonObject *schema = json_object_has_member (parameter, "schema") &&
                       JSON_NODE_HOLDS_OBJECT (json_object_get_member (parameter, "schema"))
                       ? json_object_get_object_member (parameter, "schema") : NULL;
  JsonNode *candidates[] = {
    json_object_get_member (parameter, "example"),
    schema ? json_object_get_member (schema, "example") : NULL,
    json_object_get_member (parameter, "x-example"),
    schema ? json_object_get_member (schema, "default") : NULL,
  };
  JsonNode *examples = json_object_get_member (parameter, "examples");

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *text = scalar_text (candidates[i], &storage);

      if (text != NULL)
        return g_strdup (text);
    }
  if (examples != NULL && JSON_NODE_HOLDS_OBJECT (examples))
    {
      g_autoptr(GList) names = json_object_get_members (json_node_get_object (examples));

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *example = json_object_get_member (json_node_get_object (examples), l->data);

          if (JSON_NODE_HOLDS_OBJECT (example))
            {
              const char *text = scalar_text (json_object_get_member (json_node_get_object (example),
                                                                      "value"), &storage);
              if (text != NULL)
                return g_strdup (text);
            }
        }
    }
  return NULL;
}

static void
read_parameters (JsonObject *owner,
                 GHashTable *into)
{
  JsonNode *node = json_object_get_member (owner, "parameters");
  JsonArray *parameters;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  parameters = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (parameters); i++)
    {
      JsonNode *element = json_array_get_element (parameters, i);
      JsonObject *parameter;
      const char *name;
      char *example;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      parameter = json_node_get_object (element);
      if (g_strcmp0 (json_object_get_string_member_with_default (parameter, "in", NULL), "path") != 0)
        continue;
      name = json_object_get_string_member_with_default (parameter, "name", NULL);
      example = parameter_example (parameter);
      if (name != NULL && example != NULL)
        g_hash_table_insert (into, g_strdup (name), example);
      else
        g_free (example);
    }
}

static gboolean
read_spec (const char  *document,
           Spec        *spec,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char * const methods[] = { "get", "put", "post", "delete", "options", "head", "patch" };
  JsonNode *root;
  JsonNode *paths;
  g_autoptr(GList) names = NULL;

  spec->paths = g_ptr_array_new_with_free_func (g_free);
  spec->examples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  if (!json_parser_load_from_data (parser, document, -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  paths = root && JSON_NODE_HOLDS_OBJECT (root)
          ? json_object_get_member (json_node_get_object (root), "paths") : NULL;
  if (paths == NULL || !JSON_NODE_HOLDS_OBJECT (paths))
    return TRUE;

  names = json_object_get_members (json_node_get_object (paths));
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *item = json_object_get_member (json_node_get_object (paths), l->data);
      g_autoptr(GHashTable) shared = NULL;

      if (g_str_has_prefix (l->data, "x-") || !JSON_NODE_HOLDS_OBJECT (item))
        continue;
      g_ptr_array_add (spec->paths, g_strdup (l->data));
      shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      read_parameters (json_node_get_object (item), shared);
      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        {
          JsonNode *operation = json_object_get_member (json_node_get_object (item), methods[m]);
          g_autofree char *upper = g_ascii_strup (methods[m], -1);
          GHashTable *examples;
          GHashTableIter iter;
          gpointer key, value;

          if (operation == NULL || !JSON_NODE_HOLDS_OBJECT (operation))
            continue;
          examples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_iter_init (&iter, shared);
          while (g_hash_table_iter_next (&iter, &key, &value))
            g_hash_table_insert (examples, g_strdup (key), g_strdup (value));
          read_parameters (json_node_get_object (operation), examples);
          g_hash_table_insert (spec->examples,
                               g_strdup_printf ("%s %s", upper, (char *) l->data),
                               examples);
        }
    }
  return TRUE;
}

/* The document's path an imported URL ends with (the longest), or NULL. */
static const char *
spec_path_for (const Spec *spec,
               const char *url)
{
  const char *best = NULL;

  for (guint i = 0; spec->paths != NULL && i < spec->paths->len; i++)
    {
      const char *path = g_ptr_array_index (spec->paths, i);

      if (g_str_has_suffix (url, path) && (best == NULL || strlen (path) > strlen (best)))
        best = path;
    }
  return best;
}

/* Where a URL's path starts: after "scheme://authority" or a leading
 * "{{variable}}" that stands for it. */
static const char *
path_start (const char *url)
{
  const char *scheme_end = strstr (url, "://");
  const char *end;

  if (g_str_has_prefix (url, "{{") && (end = strstr (url, "}}")) != NULL)
    return end + 2;
  if (scheme_end == NULL)
    return url;
  end = strchr (scheme_end + 3, '/');
  return end != NULL ? end : url + strlen (url);
}

static char *
trimmed_base (const char *base_url)
{
  g_autofree char *base = g_strdup (base_url);
  gsize length = strlen (base);

  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';
  return g_steal_pointer (&base);
}

/* A collection's URL under --base-url: the origin (or leading variable) is
 * replaced; when the URL's path already starts with the base URL's path
 * (the stage), it is not repeated. */
static char *
rebase_url (const char *url,
            const char *base_url)
{
  g_autofree char *base = trimmed_base (base_url);
  const char *path = path_start (url);
  const char *base_path = path_start (base);

  if (base_path[0] != '\0' && g_str_has_prefix (path, base_path) &&
      (path[strlen (base_path)] == '\0' || strchr ("/?", path[strlen (base_path)]) != NULL))
    return g_strconcat (base, path + strlen (base_path), NULL);
  return g_strconcat (base, path, NULL);
}

/* "/pets/{petId}?x=1" of a URL, without its query: the endpoint's path. */
static char *
report_path (const char *url)
{
  const char *path = path_start (url);
  gsize length = strcspn (path, "?#");

  return length > 0 ? g_strndup (path, length) : g_strdup ("/");
}

/* A parameter's value: the document's example, the variable, or the placeholder. */
static char *
parameter_value (const char              *name,
                 GHashTable              *examples,
                 const SignetAuditSource *source)
{
  const char *value = NULL;

  if (examples != NULL)
    value = g_hash_table_lookup (examples, name);
  if (value == NULL && source->lookup != NULL)
    value = source->lookup (name, source->lookup_data);
  return g_uri_escape_string (value != NULL ? value : PLACEHOLDER, NULL, FALSE);
}

/* Where the next path parameter starts: `{name}` (OpenAPI; `{name+}` is
 * API Gateway's greedy one) or a `/:name` segment (Postman). */
static const char *
next_parameter (const char  *p,
                const char **name_start,
                const char **name_end,
                const char **after)
{
  for (; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '{' && p[1] != '}' && strchr (p + 1, '}') != NULL)
        {
          *name_start = p + 1;
          *after = strchr (p + 1, '}') + 1;
          *name_end = (*after)[-2] == '+' ? *after - 2 : *after - 1;
          return p;
        }
      if (p[0] == '/' && p[1] == ':' && (g_ascii_isalpha (p[2]) || p[2] == '_'))
        {
          *name_start = p + 2;
          *name_end = *name_start + strcspn (*name_start, "/?#");
          *after = *name_end;
          return p + 1;
        }
    }
  return NULL;
}

/* Fills the path parameters; `{{variables}}` were expanded before. */
static char *
fill_path_parameters (const char              *url,
                      GHashTable              *examples,
                      const SignetAuditSource *source)
{
  GString *filled = g_string_new (NULL);
  const char *p = url;
  const char *start, *name_start, *name_end, *after;

  while ((start = next_parameter (p, &name_start, &name_end, &after)) != NULL)
    {
      g_autofree char *name = g_strndup (name_start, name_end - name_start);
      g_autofree char *value = parameter_value (name, examples, source);

      g_string_append_len (filled, p, start - p);
      g_string_append (filled, value);
      p = after;
    }
  g_string_append (filled, p);
  return g_string_free (filled, FALSE);
}

/* A request the document marks open has no region or service, and a
 * --base-url (a local server, a custom domain) names none: keep what the
 * document's own server URL names. */
static void
keep_scope (SignetRequest *request)
{
  const char *region = signet_request_get_region (request);
  const char *service = signet_request_get_service (request);
  const char *detected_region = signet_request_get_detected_region (request);
  const char *detected_service = signet_request_get_detected_service (request);

  if ((region == NULL || region[0] == '\0') && detected_region != NULL)
    signet_request_set_region (request, detected_region);
  if ((service == NULL || service[0] == '\0') && detected_service != NULL)
    signet_request_set_service (request, detected_service);
}

static SignetAuditEndpoint *
endpoint_for (SignetRequest            *request,
              const char               *name,
              const char               *path,
              const char               *url,
              GHashTable               *examples,
              SignetVariableLookup      lookup,
              gpointer                  lookup_data,
              const SignetAuditSource  *source,
              GError                  **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SignetRequest) resolved = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *filled = NULL;

  resolved = signet_environment_resolve_request (request, lookup, lookup_data,
                                                 SIGNET_RESOLVE_ALLOW_UNKNOWN, NULL, error);
  if (resolved == NULL)
    return NULL;
  expanded = signet_variables_expand (url, lookup, lookup_data, unknown);
  if (unknown->len > 0)
    {
      g_autofree char *names = signet_variables_join_unknown (unknown);

      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("%s %s: %s (give it with --var or an environment)"),
                   signet_request_get_method (request), path, names);
      return NULL;
    }
  filled = fill_path_parameters (expanded, examples, source);
  keep_scope (resolved);
  signet_request_set_url (resolved, filled);
  return signet_audit_endpoint_new (name, signet_request_get_method (request), path, resolved);
}

static const char *
no_variables (const char *name,
              gpointer    data)
{
  return NULL;
}

/**
 * signet_audit_add_import_result:
 * @self: a #SignetAudit
 * @result: what an importer read
 * @openapi_document: (nullable): the OpenAPI/Swagger text @result came
 *   from: its paths name the endpoints as written ("/pets/{petId}") and
 *   give the examples of path parameters
 * @source: variables and base URL
 * @error: a #SIGNET_ERROR when a request names an unknown variable
 *
 * Adds one endpoint per imported request. The import's own variables
 * (e.g. "baseUrl") come after @source's.
 */
gboolean
signet_audit_add_import_result (SignetAudit              *self,
                                SignetImportResult       *result,
                                const char               *openapi_document,
                                const SignetAuditSource  *source,
                                GError                  **error)
{
  g_auto(Spec) spec = { NULL, NULL };
  g_autoptr(GHashTable) variables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SignetVariableChain) chain = signet_variable_chain_new ();
  GListModel *rows = signet_import_result_get_variables (result);

  g_return_val_if_fail (SIGNET_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (result), FALSE);

  if (openapi_document != NULL && !read_spec (openapi_document, &spec, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (rows, i);

      g_hash_table_insert (variables, (char *) signet_request_row_get_name (row),
                           (char *) signet_request_row_get_value (row));
    }
  signet_variable_chain_append (chain, source->lookup ? source->lookup : no_variables,
                                source->lookup_data);
  signet_variable_chain_append (chain, signet_variables_lookup_table, variables);

  for (guint i = 0; i < signet_import_result_get_n_requests (result); i++)
    {
      SignetRequest *request = signet_import_result_get_request (result, i);
      const char *url = signet_request_get_url (request);
      const char *spec_path = spec_path_for (&spec, url);
      g_autofree char *path = spec_path ? g_strdup (spec_path) : report_path (url);
      g_autofree char *key = g_strdup_printf ("%s %s", signet_request_get_method (request), path);
      g_autofree char *rebased = NULL;
      g_autoptr(SignetAuditEndpoint) endpoint = NULL;

      if (source->base_url != NULL && spec_path != NULL)
        {
          g_autofree char *base = trimmed_base (source->base_url);

          rebased = g_strconcat (base, spec_path, NULL);
        }
      else if (source->base_url != NULL)
        rebased = rebase_url (url, source->base_url);

      endpoint = endpoint_for (request, signet_import_result_get_request_name (result, i), path,
                               rebased ? rebased : url,
                               spec.examples ? g_hash_table_lookup (spec.examples, key) : NULL,
                               signet_variable_chain_lookup, chain, source, error);
      if (endpoint == NULL)
        return FALSE;
      signet_audit_add_endpoint (self, endpoint);
    }
  return TRUE;
}

static gboolean
in_folder (const char *item_folder,
           const char *folder)
{
  gsize length;

  if (folder == NULL || folder[0] == '\0')
    return TRUE;
  length = strlen (folder);
  if (item_folder == NULL)
    return FALSE;
  return g_str_has_prefix (item_folder, folder) &&
         (item_folder[length] == '\0' || item_folder[length] == '/');
}

/**
 * signet_audit_add_collection:
 * @self: a #SignetAudit
 * @collection: a loaded collection
 * @folder: (nullable): only the requests in this folder (and below)
 * @source: variables (the collection's environment) and base URL
 * @error: a #SIGNET_ERROR when a request names an unknown variable
 *
 * Adds one endpoint per saved request. The endpoint's path is the URL's
 * path as saved.
 */
gboolean
signet_audit_add_collection (SignetAudit              *self,
                             SignetCollection         *collection,
                             const char               *folder,
                             const SignetAuditSource  *source,
                             GError                  **error)
{
  GListModel *items;

  g_return_val_if_fail (SIGNET_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_COLLECTION (collection), FALSE);

  items = signet_collection_get_items (collection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, i);
      SignetRequest *request = signet_collection_item_get_request (item);
      const char *url = signet_request_get_url (request);
      g_autofree char *path = report_path (url);
      g_autofree char *rebased = source->base_url ? rebase_url (url, source->base_url) : NULL;
      g_autoptr(SignetAuditEndpoint) endpoint = NULL;

      if (!in_folder (signet_collection_item_get_folder (item), folder))
        continue;
      endpoint = endpoint_for (request, signet_collection_item_get_name (item), path,
                               rebased ? rebased : url, NULL,
                               source->lookup ? source->lookup : no_variables,
                               source->lookup_data, source, error);
      if (endpoint == NULL)
        return FALSE;
      signet_audit_add_endpoint (self, endpoint);
    }
  return TRUE;
}
