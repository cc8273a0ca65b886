/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-error.h"
#include "signet-json-read.h"
#include "signet-request-json.h"
#include "signet-variables.h"

/* A request as a file teams keep in git: members always written, always in
 * the same order, so the same request gives the same bytes and a diff shows
 * only what changed. The URL is kept as typed (its params come from it);
 * switched-off params are not in the URL, so they are kept on their own
 * with their place in the list.
 *
 * There is no secret in #SignetRequest, but a user can type a session token
 * or a frozen signature into a header: Authorization and
 * X-Amz-Security-Token rows are never written.
 *
 * Two optional parts are written only when set, so that other files keep
 * their bytes: "auth.keyRef" and "auth.sessionRef", the `{{name}}`
 * references a run takes the secret access key and the session token
 * from (never their values), and "expect": {"status": 403}, the status a
 * run counts as passing. */

static const char * const body_kinds[] = { "none", "raw", "json", "form" };
static const char * const auth_kinds[] = { "none", "aws-sigv4" };

static gboolean
is_secret_header (const char *name)
{
  return g_ascii_strcasecmp (name, "authorization") == 0 ||
         g_ascii_strcasecmp (name, "x-amz-security-token") == 0;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value != NULL && value[0] != '\0')
    add_string (builder, member, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_rows (JsonBuilder *builder,
          const char  *member,
          GListModel  *rows,
          gboolean     skip_secret_headers)
{
  guint n_items = g_list_model_get_n_items (rows);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (rows, i);
      const char *name = signet_request_row_get_name (row);

      if (signet_request_row_is_blank (row) ||
          (skip_secret_headers && is_secret_header (name)))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "name", name);
      add_string (builder, "value", signet_request_row_get_value (row));
      add_bool (builder, "enabled", signet_request_row_get_enabled (row));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Switched-off params with their place among all the params. */
static void
add_disabled_params (JsonBuilder *builder,
                     GListModel  *params)
{
  guint n_items = g_list_model_get_n_items (params);

  json_builder_set_member_name (builder, "disabledParams");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (params, i);

      if (signet_request_row_get_enabled (row) || signet_request_row_is_blank (row))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, i);
      add_string (builder, "name", signet_request_row_get_name (row));
      add_string (builder, "value", signet_request_row_get_value (row));
      add_bool (builder, "hasValue", signet_request_row_get_has_value (row));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * signet_json_has_secret_key:
 * @node: a JSON node
 *
 * Whether any object member under @node is named like a secret
 * ("secret…", "…token…"): a last check before a file is written.
 */
gboolean
signet_json_has_secret_key (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (signet_json_has_secret_key (json_array_get_element (array, i)))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *lower = g_ascii_strdown (l->data, -1);

          if (strstr (lower, "secret") != NULL || strstr (lower, "token") != NULL)
            return TRUE;
          if (signet_json_has_secret_key (json_object_get_member (object, l->data)))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * signet_request_to_json_node:
 * @request: a #SignetRequest
 * @name: the request's name in its collection
 *
 * Returns: (transfer full): the request as a JSON object
 */
JsonNode *
signet_request_to_json_node (SignetRequest *request,
                             const char    *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonNode *root;

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SIGNET_REQUEST_JSON_VERSION);
  add_string (builder, "name", name);
  add_string (builder, "method", signet_request_get_method (request));
  add_string (builder, "url", signet_request_get_url (request));
  add_disabled_params (builder, signet_request_get_params (request));
  add_rows (builder, "headers", signet_request_get_headers (request), TRUE);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_object (builder);
  add_string (builder, "kind", body_kinds[signet_request_get_body_kind (request)]);
  add_string (builder, "text", signet_request_get_body_text (request));
  add_rows (builder, "form", signet_request_get_form_fields (request), FALSE);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "auth");
  json_builder_begin_object (builder);
  add_string (builder, "kind", auth_kinds[signet_request_get_auth_kind (request)]);
  add_string (builder, "credentialName", signet_request_get_credential_name (request));
  add_string (builder, "accessKeyId", signet_request_get_access_key_id (request));
  add_string (builder, "region", signet_request_get_region (request));
  add_string (builder, "service", signet_request_get_service (request));
  add_bool (builder, "signInQuery", signet_request_get_sign_in_query (request));
  add_optional_string (builder, "keyRef", signet_request_get_key_ref (request));
  add_optional_string (builder, "sessionRef", signet_request_get_session_ref (request));
  json_builder_end_object (builder);

  if (signet_request_get_expected_status (request) != 0)
    {
      json_builder_set_member_name (builder, "expect");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, signet_request_get_expected_status (request));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  /* The model has no secret; this keeps a later field from adding one. */
  g_assert (!signet_json_has_secret_key (root));
  return root;
}

/**
 * signet_json_to_file_text:
 * @node: a JSON node
 *
 * Returns: (transfer full): @node as the text of a file: 2-space indent,
 *   members in the order they were added, a final newline
 */
char *
signet_json_to_file_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/**
 * signet_request_to_json:
 * @request: a #SignetRequest
 * @name: the request's name in its collection
 *
 * Returns: (transfer full): the text of the request's file
 */
char *
signet_request_to_json (SignetRequest *request,
                        const char    *name)
{
  g_autoptr(JsonNode) node = signet_request_to_json_node (request, name);

  return signet_json_to_file_text (node);
}

static gboolean
read_kind (JsonObject         *object,
           const char         *where,
           const char * const *kinds,
           guint               n_kinds,
           guint              *out,
           GError            **error)
{
  const char *kind = NULL;
  g_autofree char *choices = NULL;

  if (!signet_json_read_string (object, where, "kind", FALSE, &kind, error))
    return FALSE;
  if (kind == NULL)
    return TRUE;

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (kind, kinds[i]))
      {
        *out = i;
        return TRUE;
      }

  choices = g_strjoinv (", ", (char **) kinds);
  g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
               _("“%s.kind” is “%s”, not one of %s"), where, kind, choices);
  return FALSE;
}

static gboolean
read_row (JsonObject        *object,
          const char        *where,
          SignetRequestRow **out,
          GError           **error)
{
  const char *name = NULL;
  const char *value = "";
  gboolean enabled = TRUE;

  if (!signet_json_read_string (object, where, "name", TRUE, &name, error) ||
      !signet_json_read_string (object, where, "value", FALSE, &value, error) ||
      !signet_json_read_bool (object, where, "enabled", &enabled, error))
    return FALSE;

  *out = signet_request_row_new (name, value);
  signet_request_row_set_enabled (*out, enabled);
  return TRUE;
}

static gboolean
read_rows (JsonObject  *object,
           const char  *where,
           const char  *member,
           GListModel  *rows,
           GError     **error)
{
  JsonArray *array = NULL;
  g_autofree char *path = *where ? g_strdup_printf ("%s.%s", where, member) : g_strdup (member);

  if (!signet_json_read_array (object, where, member, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      JsonObject *item = signet_json_array_object (array, path, i, error);
      g_autoptr(SignetRequestRow) row = NULL;

      if (item == NULL || !read_row (item, item_path, &row, error))
        return FALSE;
      g_list_store_append (G_LIST_STORE (rows), row);
    }

  return TRUE;
}

/* Back into their places, after the URL has given the others. */
static gboolean
read_disabled_params (JsonObject    *object,
                      SignetRequest *request,
                      GError       **error)
{
  JsonArray *array = NULL;
  GListStore *params = G_LIST_STORE (signet_request_get_params (request));

  if (!signet_json_read_array (object, "", "disabledParams", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("disabledParams[%u]", i);
      JsonObject *item = signet_json_array_object (array, "disabledParams", i, error);
      g_autoptr(SignetRequestRow) row = NULL;
      gint64 position = G_MAXINT64;
      gboolean has_value = TRUE;
      guint n_items;

      if (item == NULL ||
          !read_row (item, path, &row, error) ||
          !signet_json_read_int (item, path, "position", FALSE, &position, error) ||
          !signet_json_read_bool (item, path, "hasValue", &has_value, error))
        return FALSE;

      signet_request_row_set_has_value (row, has_value);
      signet_request_row_set_enabled (row, FALSE);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (params));
      if (position < 0 || position > n_items)
        position = n_items;
      g_list_store_insert (params, position, row);
    }

  return TRUE;
}

static gboolean
read_body (JsonObject     *root,
           SignetRequest  *request,
           GError        **error)
{
  JsonObject *body = NULL;
  guint kind = SIGNET_BODY_KIND_NONE;
  const char *text = "";

  if (!signet_json_read_object (root, "", "body", &body, error))
    return FALSE;
  if (body == NULL)
    return TRUE;

  if (!read_kind (body, "body", body_kinds, G_N_ELEMENTS (body_kinds), &kind, error) ||
      !signet_json_read_string (body, "body", "text", FALSE, &text, error) ||
      !read_rows (body, "body", "form", signet_request_get_form_fields (request), error))
    return FALSE;

  signet_request_set_body_kind (request, kind);
  signet_request_set_body_text (request, text);
  return TRUE;
}

/* A key's `{{name}}` reference; anything else may be a secret and is
 * refused rather than taken. */
static gboolean
read_reference (JsonObject  *auth,
                const char  *member,
                const char **out,
                GError     **error)
{
  const char *reference = NULL;

  if (!signet_json_read_string (auth, "auth", member, FALSE, &reference, error))
    return FALSE;
  if (reference == NULL || reference[0] == '\0')
    return TRUE;
  if (!signet_variables_is_reference (reference))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“auth.%s” must be a {{variable}} reference: keys are never kept in files"),
                   member);
      return FALSE;
    }

  *out = reference;
  return TRUE;
}

static gboolean
read_auth (JsonObject     *root,
           SignetRequest  *request,
           GError        **error)
{
  JsonObject *auth = NULL;
  guint kind = SIGNET_AUTH_KIND_NONE;
  const char *credential_name = NULL;
  const char *access_key_id = "";
  const char *region = "";
  const char *service = NULL;
  const char *key_ref = "";
  const char *session_ref = "";
  gboolean sign_in_query = FALSE;

  if (!signet_json_read_object (root, "", "auth", &auth, error))
    return FALSE;
  if (auth == NULL)
    return TRUE;

  if (!read_kind (auth, "auth", auth_kinds, G_N_ELEMENTS (auth_kinds), &kind, error) ||
      !signet_json_read_string (auth, "auth", "credentialName", FALSE, &credential_name, error) ||
      !signet_json_read_string (auth, "auth", "accessKeyId", FALSE, &access_key_id, error) ||
      !signet_json_read_string (auth, "auth", "region", FALSE, &region, error) ||
      !signet_json_read_string (auth, "auth", "service", FALSE, &service, error) ||
      !signet_json_read_bool (auth, "auth", "signInQuery", &sign_in_query, error) ||
      !read_reference (auth, "keyRef", &key_ref, error) ||
      !read_reference (auth, "sessionRef", &session_ref, error))
    return FALSE;

  signet_request_set_auth_kind (request, kind);
  /* An empty name is "no saved credential", as the model has it. */
  signet_request_set_credential_name (request,
                                      credential_name && *credential_name ? credential_name : NULL);
  signet_request_set_access_key_id (request, access_key_id);
  signet_request_set_region (request, region);
  if (service != NULL)
    signet_request_set_service (request, service);
  signet_request_set_sign_in_query (request, sign_in_query);
  signet_request_set_key_ref (request, key_ref);
  signet_request_set_session_ref (request, session_ref);
  return TRUE;
}

static gboolean
read_expect (JsonObject     *root,
             SignetRequest  *request,
             GError        **error)
{
  JsonObject *expect = NULL;
  gint64 status = 0;

  if (!signet_json_read_object (root, "", "expect", &expect, error))
    return FALSE;
  if (expect == NULL)
    return TRUE;

  if (!signet_json_read_int (expect, "expect", "status", FALSE, &status, error))
    return FALSE;
  if (status != 0 && (status < 100 || status > 599))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“expect.status” is %lld, not an HTTP status (100 to 599)"), (long long) status);
      return FALSE;
    }

  signet_request_set_expected_status (request, (guint) status);
  return TRUE;
}

/**
 * signet_request_from_json_node:
 * @node: a JSON object, as signet_request_to_json_node() gives
 * @name: (out) (optional): the request's name
 * @error: return location for a %SIGNET_ERROR_INVALID_FILE error
 *
 * Returns: (transfer full): the request, not marked modified
 */
SignetRequest *
signet_request_from_json_node (JsonNode  *node,
                               char     **name,
                               GError   **error)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  JsonObject *root;
  gint64 version = 0;
  const char *saved_name = NULL;
  const char *method = NULL;
  const char *url = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                           _("a request must be a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!signet_json_read_int (root, "", "version", TRUE, &version, error))
    return NULL;
  if (version != SIGNET_REQUEST_JSON_VERSION)
    {
      /* %lld, not G_GINT64_FORMAT: xgettext cannot join a macro into a message */
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("request file version %lld is not supported (this Signet reads version %d)"),
                   (long long) version, SIGNET_REQUEST_JSON_VERSION);
      return NULL;
    }

  if (!signet_json_read_string (root, "", "name", TRUE, &saved_name, error) ||
      !signet_json_read_string (root, "", "method", TRUE, &method, error) ||
      !signet_json_read_string (root, "", "url", TRUE, &url, error))
    return NULL;

  signet_request_set_method (request, method);
  signet_request_set_url (request, url);
  if (!read_disabled_params (root, request, error) ||
      !read_rows (root, "", "headers", signet_request_get_headers (request), error) ||
      !read_body (root, request, error) ||
      !read_auth (root, request, error) ||
      !read_expect (root, request, error))
    return NULL;

  signet_request_set_modified (request, FALSE);
  if (name != NULL)
    *name = g_strdup (saved_name);
  return g_steal_pointer (&request);
}

/**
 * signet_request_from_json:
 * @data: the text of a request file
 * @length: its length, or -1 when it ends in a NUL
 * @name: (out) (optional): the request's name
 * @error: return location for a %SIGNET_ERROR_INVALID_FILE error
 *
 * Returns: (transfer full): the request, not marked modified
 */
SignetRequest *
signet_request_from_json (const char  *data,
                          gssize       length,
                          char       **name,
                          GError     **error)
{
  g_autoptr(JsonNode) root = signet_json_parse (data, length, error);

  if (root == NULL)
    return NULL;
  return signet_request_from_json_node (root, name, error);
}
