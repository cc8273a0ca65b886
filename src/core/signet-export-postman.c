/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "signet-export-postman.h"

/*
 * Writes a #SignetImportResult as a Postman collection v2.1. Nothing
 * secret goes out: the awsv4 secret key and session token are always the
 * request's own {{variable}} references, or else the placeholders
 * {{AWS_SECRET_ACCESS_KEY}} and {{AWS_SESSION_TOKEN}} (to be set in a
 * Postman environment), and Authorization or X-Amz-Security-Token headers
 * are left out unless their value is a {{variable}}. An expected status
 * becomes a test script, pm.response.to.have.status(N), that Postman and
 * newman check.
 */

#define POSTMAN_SCHEMA "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

typedef struct
{
  char      *name;      /* NULL for the collection itself */
  GPtrArray *children;  /* of Node (folders) or JsonNode (requests) */
} Node;

typedef struct
{
  gboolean  folder;
  gpointer  data;
} Child;

static void
node_free (Node *node)
{
  g_free (node->name);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static void
child_free (Child *child)
{
  if (child->folder)
    node_free (child->data);
  else
    json_node_unref (child->data);
  g_free (child);
}

static Node *
node_new (const char *name)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) child_free);
  return node;
}

/* The folder @path under @root, made when missing. */
static Node *
node_lookup (Node               *root,
             const char * const *path)
{
  Node *node = root;

  for (guint depth = 0; path != NULL && path[depth] != NULL; depth++)
    {
      Node *found = NULL;

      for (guint i = 0; i < node->children->len && found == NULL; i++)
        {
          Child *child = g_ptr_array_index (node->children, i);

          if (child->folder && g_str_equal (((Node *) child->data)->name, path[depth]))
            found = child->data;
        }
      if (found == NULL)
        {
          Child *child = g_new0 (Child, 1);

          child->folder = TRUE;
          child->data = found = node_new (path[depth]);
          g_ptr_array_add (node->children, child);
        }
      node = found;
    }
  return node;
}

static void
add_key_value (JsonBuilder *builder,
               const char  *key,
               const char  *value,
               gboolean     disabled)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "value");
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
  if (disabled)
    {
      json_builder_set_member_name (builder, "disabled");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
}

static void
add_rows (JsonBuilder *builder,
          GListModel  *rows,
          gboolean     drop_secrets)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (rows, i);
      const char *name = signet_request_row_get_name (row);
      const char *value = signet_request_row_get_value (row);

      if (signet_request_row_is_blank (row))
        continue;
      if (drop_secrets && (g_ascii_strcasecmp (name, "Authorization") == 0
                           || g_ascii_strcasecmp (name, "X-Amz-Security-Token") == 0)
          && strstr (value, "{{") == NULL)
        continue;
      add_key_value (builder, name, value, !signet_request_row_get_enabled (row));
    }
  json_builder_end_array (builder);
}

/* Postman's runner reads the URL from its parts, its app from "raw": both
 * are written. Variables such as {{baseUrl}} stay in place. */
static void
add_url (JsonBuilder *builder,
         const char  *url)
{
  const char *rest = url, *scheme_end = strstr (url, "://");
  const char *query = strchr (url, '?');
  g_autofree char *authority = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) host = NULL;
  g_auto(GStrv) segments = NULL;
  gsize len;
  char *port;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "raw");
  json_builder_add_string_value (builder, url);

  if (scheme_end != NULL && (query == NULL || scheme_end < query))
    {
      g_autofree char *protocol = g_strndup (url, scheme_end - url);

      json_builder_set_member_name (builder, "protocol");
      json_builder_add_string_value (builder, protocol);
      rest = scheme_end + 3;
    }
  len = strcspn (rest, "/?#");
  authority = g_strndup (rest, len);
  rest += len;
  port = strrchr (authority, ':');
  if (port != NULL && strchr (port, '}') == NULL)
    {
      *port++ = '\0';
      json_builder_set_member_name (builder, "port");
      json_builder_add_string_value (builder, port);
    }
  host = g_strsplit (authority, ".", -1);
  json_builder_set_member_name (builder, "host");
  json_builder_begin_array (builder);
  for (guint i = 0; host[i] != NULL; i++)
    json_builder_add_string_value (builder, host[i]);
  json_builder_end_array (builder);

  len = strcspn (rest, "?#");
  path = g_strndup (rest[0] == '/' ? rest + 1 : rest, rest[0] == '/' && len > 0 ? len - 1 : len);
  rest += len;
  segments = g_strsplit (path, "/", -1);
  json_builder_set_member_name (builder, "path");
  json_builder_begin_array (builder);
  for (guint i = 0; segments[i] != NULL && (i > 0 || *path != '\0'); i++)
    json_builder_add_string_value (builder, segments[i]);
  json_builder_end_array (builder);

  if (rest[0] == '?')
    {
      g_autofree char *text = g_strndup (rest + 1, strcspn (rest + 1, "#"));
      g_auto(GStrv) pairs = g_strsplit (text, "&", -1);

      json_builder_set_member_name (builder, "query");
      json_builder_begin_array (builder);
      for (guint i = 0; pairs[i] != NULL; i++)
        {
          char *eq = strchr (pairs[i], '=');

          if (eq != NULL)
            *eq++ = '\0';
          add_key_value (builder, pairs[i], eq, FALSE);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_body (JsonBuilder   *builder,
          SignetRequest *request)
{
  SignetBodyKind kind = signet_request_get_body_kind (request);

  if (kind == SIGNET_BODY_KIND_NONE)
    return;
  json_builder_set_member_name (builder, "body");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mode");
  if (kind == SIGNET_BODY_KIND_FORM)
    {
      json_builder_add_string_value (builder, "urlencoded");
      json_builder_set_member_name (builder, "urlencoded");
      add_rows (builder, signet_request_get_form_fields (request), FALSE);
    }
  else
    {
      json_builder_add_string_value (builder, "raw");
      json_builder_set_member_name (builder, "raw");
      json_builder_add_string_value (builder, signet_request_get_body_text (request));
      json_builder_set_member_name (builder, "options");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "raw");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, kind == SIGNET_BODY_KIND_JSON ? "json" : "text");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static const char *
reference_or (const char *reference,
              const char *placeholder)
{
  return reference != NULL && reference[0] != '\0' ? reference : placeholder;
}

static void
add_expected_status (JsonBuilder   *builder,
                     SignetRequest *request)
{
  guint status = signet_request_get_expected_status (request);
  g_autofree char *line = NULL;

  if (status == 0)
    return;
  line = g_strdup_printf ("pm.test(\"status\", function () { pm.response.to.have.status(%u); });",
                          status);
  json_builder_set_member_name (builder, "event");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "listen");
  json_builder_add_string_value (builder, "test");
  json_builder_set_member_name (builder, "script");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text/javascript");
  json_builder_set_member_name (builder, "exec");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, line);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_auth (JsonBuilder   *builder,
          SignetRequest *request)
{
  const char *access_key = signet_request_get_access_key_id (request);
  const char *region = signet_request_get_region (request);
  const char *service = signet_request_get_service (request);

  json_builder_set_member_name (builder, "auth");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  if (signet_request_get_auth_kind (request) != SIGNET_AUTH_KIND_AWS_SIGV4)
    {
      json_builder_add_string_value (builder, "noauth");
      json_builder_end_object (builder);
      return;
    }
  /* Postman cannot read the scope from the host: write what we detect. */
  if (region == NULL || *region == '\0')
    region = signet_request_get_detected_region (request);
  if (service == NULL || *service == '\0')
    service = signet_request_get_detected_service (request);

  json_builder_add_string_value (builder, "awsv4");
  json_builder_set_member_name (builder, "awsv4");
  json_builder_begin_array (builder);
  add_key_value (builder, "accessKey",
                 access_key != NULL && *access_key != '\0' ? access_key : "{{AWS_ACCESS_KEY_ID}}",
                 FALSE);
  add_key_value (builder, "secretKey", reference_or (signet_request_get_key_ref (request),
                                                    "{{AWS_SECRET_ACCESS_KEY}}"), FALSE);
  add_key_value (builder, "sessionToken", reference_or (signet_request_get_session_ref (request),
                                                        "{{AWS_SESSION_TOKEN}}"), FALSE);
  add_key_value (builder, "region", region != NULL ? region : "", FALSE);
  add_key_value (builder, "service", service != NULL ? service : "", FALSE);
  if (signet_request_get_sign_in_query (request))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, "addAuthDataToQuery");
      json_builder_set_member_name (builder, "value");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
build_request (const char    *name,
               SignetRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  add_expected_status (builder, request);
  json_builder_set_member_name (builder, "request");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, signet_request_get_method (request));
  add_auth (builder, request);
  json_builder_set_member_name (builder, "header");
  add_rows (builder, signet_request_get_headers (request), TRUE);
  add_body (builder, request);
  json_builder_set_member_name (builder, "url");
  add_url (builder, signet_request_get_url (request));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_items (JsonBuilder *builder,
           Node        *node)
{
  json_builder_set_member_name (builder, "item");
  json_builder_begin_array (builder);
  for (guint i = 0; i < node->children->len; i++)
    {
      Child *child = g_ptr_array_index (node->children, i);

      if (!child->folder)
        {
          json_builder_add_value (builder, json_node_ref (child->data));
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ((Node *) child->data)->name);
      add_items (builder, child->data);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Requests keep their order; folders appear where their first request
 * is, and empty ones after the rest. */
static Node *
build_tree (SignetImportResult *collection)
{
  Node *root = node_new (NULL);

  for (guint i = 0; i < signet_import_result_get_n_requests (collection); i++)
    {
      Node *folder = node_lookup (root, signet_import_result_get_request_folder (collection, i));
      Child *child = g_new0 (Child, 1);

      child->data = build_request (signet_import_result_get_request_name (collection, i),
                                   signet_import_result_get_request (collection, i));
      g_ptr_array_add (folder->children, child);
    }
  for (guint i = 0; i < signet_import_result_get_n_folders (collection); i++)
    node_lookup (root, signet_import_result_get_folder (collection, i));
  return root;
}

/**
 * signet_export_postman:
 * @collection: the requests, folders and variables to write
 * @error: unused for now; set when the collection cannot be written
 *
 * Returns: (transfer full) (nullable): the collection as Postman v2.1
 *   JSON, with placeholders where secrets would be
 */
char *
signet_export_postman (SignetImportResult  *collection,
                       GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *variables;
  const char *name;
  Node *tree;

  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (collection), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = signet_import_result_get_name (collection);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "info");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name != NULL && *name != '\0' ? name : "Signet");
  json_builder_set_member_name (builder, "schema");
  json_builder_add_string_value (builder, POSTMAN_SCHEMA);
  json_builder_end_object (builder);

  tree = build_tree (collection);
  add_items (builder, tree);
  node_free (tree);

  variables = signet_import_result_get_variables (collection);
  json_builder_set_member_name (builder, "variable");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (variables, i);

      add_key_value (builder, signet_request_row_get_name (row),
                     signet_request_row_get_value (row), FALSE);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
