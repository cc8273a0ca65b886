/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "signet-import-postman.h"
#include "signet-variables.h"

/*
 * Reads a Postman collection (v2.1, and v2.0 which differs only in the
 * awsv4 block being an object) into a #SignetImportResult. `{{var}}` stays
 * as typed: environments resolve it later. Secrets in awsv4 blocks go to
 * the result's secrets, never into a request; a `{{name}}` reference to
 * one is kept, as the request's key-ref or session-ref.
 * A test script's `pm.response.to.have.status(403)` becomes the
 * request's expected status; the rest of a script is not imported.
 */

typedef struct
{
  gboolean  set;        /* FALSE: inherit from the parent */
  char     *type;
  char     *access_key;
  char     *secret_key;
  char     *session_token;
  char     *region;
  char     *service;
  gboolean  in_query;
} Auth;

typedef struct
{
  SignetImportResult *result;
  GPtrArray          *path;          /* the item path, for messages */
  GHashTable         *secret_vars;   /* variables an awsv4 secret names */
} Ctx;

static void
auth_clear (Auth *auth)
{
  g_free (auth->type);
  g_free (auth->access_key);
  /* Secrets are copied to the result; wipe this copy. */
  if (auth->secret_key != NULL)
    memset (auth->secret_key, 0, strlen (auth->secret_key));
  g_free (auth->secret_key);
  if (auth->session_token != NULL)
    memset (auth->session_token, 0, strlen (auth->session_token));
  g_free (auth->session_token);
  g_free (auth->region);
  g_free (auth->service);
  memset (auth, 0, sizeof *auth);
}

static char *
where (Ctx *ctx)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (ctx->path->len == 0)
    return g_strdup (_("collection"));
  for (guint i = 0; i < ctx->path->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '/');
      g_string_append (s, g_ptr_array_index (ctx->path, i));
    }
  /* Translators: where in a Postman collection; %s is an item's path, like Pets/List */
  return g_strdup_printf (_("item “%s”"), s->str);
}

static gboolean
fail (Ctx         *ctx,
      GError     **error,
      const char  *member,
      const char  *what)
{
  g_autofree char *at = where (ctx);

  /* Translators: the last %s says what is wrong, e.g. “must be an object” */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Postman collection: %s: “%s” %s"), at, member, what);
  return FALSE;
}

/* A string member, or NULL when absent or null; FALSE for any other type. */
static gboolean
get_string (Ctx         *ctx,
            JsonObject  *object,
            const char  *member,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, error, member, _("must be a string"));
  *out = json_node_get_string (node);
  return TRUE;
}

/* Variables and awsv4 values may be numbers or booleans too. */
static char *
scalar_to_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }
  return NULL;
}

static gboolean
get_array (Ctx         *ctx,
           JsonObject  *object,
           const char  *member,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, error, member, _("must be an array"));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_object (Ctx         *ctx,
            JsonObject  *object,
            const char  *member,
            JsonObject **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, error, member, _("must be an object"));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
is_disabled (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "disabled");

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static void
auth_take (Auth       *auth,
           const char *key,
           char       *value)
{
  char **slot = NULL;

  if (g_strcmp0 (key, "accessKey") == 0)
    slot = &auth->access_key;
  else if (g_strcmp0 (key, "secretKey") == 0)
    slot = &auth->secret_key;
  else if (g_strcmp0 (key, "sessionToken") == 0)
    slot = &auth->session_token;
  else if (g_strcmp0 (key, "region") == 0)
    slot = &auth->region;
  else if (g_strcmp0 (key, "service") == 0)
    slot = &auth->service;
  else if (g_strcmp0 (key, "addAuthDataToQuery") == 0)
    auth->in_query = g_strcmp0 (value, "true") == 0;

  if (slot == NULL)
    {
      g_free (value);
      return;
    }
  g_free (*slot);
  *slot = value;
}

static gboolean
read_auth (Ctx         *ctx,
           JsonObject  *parent,
           Auth        *auth,
           GError     **error)
{
  JsonObject *object;
  const char *type;
  JsonNode *params;

  if (!get_object (ctx, parent, "auth", &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!get_string (ctx, object, "type", &type, error))
    return FALSE;
  if (type == NULL || g_str_equal (type, "inherit"))
    return TRUE;

  auth->set = TRUE;
  auth->type = g_strdup (type);
  if (!g_str_equal (type, "awsv4"))
    return TRUE;

  params = json_object_get_member (object, "awsv4");
  if (params != NULL && JSON_NODE_HOLDS_ARRAY (params))
    {
      JsonArray *array = json_node_get_array (params);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *key;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            return fail (ctx, error, "auth.awsv4", _("must hold objects with “key” and “value”"));
          if (!get_string (ctx, json_node_get_object (element), "key", &key, error))
            return FALSE;
          auth_take (auth, key,
                     scalar_to_string (json_object_get_member (json_node_get_object (element), "value")));
        }
    }
  else if (params != NULL && JSON_NODE_HOLDS_OBJECT (params))
    {
      JsonObject *members = json_node_get_object (params);
      g_autoptr(GList) names = json_object_get_members (members);

      for (GList *l = names; l != NULL; l = l->next)
        auth_take (auth, l->data, scalar_to_string (json_object_get_member (members, l->data)));
    }
  else if (params != NULL && !JSON_NODE_HOLDS_NULL (params))
    return fail (ctx, error, "auth.awsv4", _("must be an array"));

  return TRUE;
}

/* "{{name}}" alone names a variable; returns the name or NULL. */
static char *
variable_reference (const char *value)
{
  gsize len;

  if (value == NULL)
    return NULL;
  len = strlen (value);
  if (len < 5 || !g_str_has_prefix (value, "{{") || !g_str_has_suffix (value, "}}"))
    return NULL;
  if (strstr (value + 2, "{{") != NULL || strstr (value + 2, "}}") != value + len - 2)
    return NULL;
  return g_strndup (value + 2, len - 4);
}

static void
keep_secret (Ctx                    *ctx,
             const Auth             *auth,
             SignetImportSecretKind  kind,
             const char             *value,
             const char             *at)
{
  char *name = variable_reference (value);

  /* A reference: the variable holds the secret, handled with variables. */
  if (name != NULL)
    g_hash_table_add (ctx->secret_vars, name);
  else
    signet_import_result_add_secret (ctx->result, kind, auth->access_key, at, value);
}

static void
apply_auth (Ctx           *ctx,
            const Auth    *auth,
            SignetRequest *request,
            const char    *name)
{
  g_autofree char *at = where (ctx);

  if (!auth->set || g_str_equal (auth->type, "noauth"))
    return;
  if (!g_str_equal (auth->type, "awsv4"))
    {
      signet_import_result_add_warning (ctx->result,
                                        _("request “%s” uses auth type “%s”, imported as No Auth"),
                                        name, auth->type);
      return;
    }

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, auth->access_key);
  signet_request_set_region (request, auth->region);
  signet_request_set_service (request, auth->service);
  signet_request_set_sign_in_query (request, auth->in_query);
  if (signet_variables_is_reference (auth->secret_key))
    signet_request_set_key_ref (request, auth->secret_key);
  if (signet_variables_is_reference (auth->session_token))
    signet_request_set_session_ref (request, auth->session_token);
  keep_secret (ctx, auth, SIGNET_IMPORT_SECRET_ACCESS_KEY, auth->secret_key, at);
  keep_secret (ctx, auth, SIGNET_IMPORT_SECRET_SESSION_TOKEN, auth->session_token, at);
}

static gboolean
read_rows (Ctx         *ctx,
           JsonArray   *array,
           const char  *member,
           GListModel  *rows,
           GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(SignetRequestRow) row = NULL;
      g_autofree char *value = NULL;
      const char *key;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (ctx, error, member, _("must hold objects with “key” and “value”"));
      if (!get_string (ctx, json_node_get_object (element), "key", &key, error))
        return FALSE;
      if (key == NULL)
        continue;
      value = scalar_to_string (json_object_get_member (json_node_get_object (element), "value"));
      row = signet_request_row_new (key, value != NULL ? value : "");
      signet_request_row_set_enabled (row, !is_disabled (json_node_get_object (element)));
      g_list_store_append (G_LIST_STORE (rows), row);
    }
  return TRUE;
}

/* The URL as Postman shows it: "raw" when present, else from its parts. */
static gboolean
read_url (Ctx         *ctx,
          JsonObject  *request_object,
          char       **url,
          GError     **error)
{
  JsonNode *node = json_object_get_member (request_object, "url");
  JsonObject *object;
  const char *raw, *protocol;
  JsonArray *host, *path, *query;
  g_autoptr(GString) s = g_string_new (NULL);

  *url = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *url = g_strdup ("");
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *url = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, error, "request.url", _("must be a string or an object"));

  object = json_node_get_object (node);
  if (!get_string (ctx, object, "raw", &raw, error)
      || !get_string (ctx, object, "protocol", &protocol, error)
      || !get_array (ctx, object, "host", &host, error)
      || !get_array (ctx, object, "path", &path, error)
      || !get_array (ctx, object, "query", &query, error))
    return FALSE;
  if (raw != NULL)
    {
      *url = g_strdup (raw);
      return TRUE;
    }

  if (protocol != NULL)
    g_string_append_printf (s, "%s://", protocol);
  for (guint i = 0; host != NULL && i < json_array_get_length (host); i++)
    {
      g_autofree char *part = scalar_to_string (json_array_get_element (host, i));

      g_string_append_printf (s, "%s%s", i > 0 ? "." : "", part != NULL ? part : "");
    }
  for (guint i = 0; path != NULL && i < json_array_get_length (path); i++)
    {
      g_autofree char *part = scalar_to_string (json_array_get_element (path, i));

      g_string_append_printf (s, "/%s", part != NULL ? part : "");
    }
  for (guint i = 0, n = 0; query != NULL && i < json_array_get_length (query); i++)
    {
      JsonNode *element = json_array_get_element (query, i);
      JsonObject *param;
      g_autofree char *key = NULL, *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (ctx, error, "request.url.query", _("must hold objects with “key” and “value”"));
      param = json_node_get_object (element);
      if (is_disabled (param))
        continue;
      key = scalar_to_string (json_object_get_member (param, "key"));
      value = scalar_to_string (json_object_get_member (param, "value"));
      g_string_append_printf (s, "%c%s", n++ == 0 ? '?' : '&', key != NULL ? key : "");
      if (value != NULL)
        g_string_append_printf (s, "=%s", value);
    }
  *url = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}

static gboolean
read_body (Ctx            *ctx,
           JsonObject     *request_object,
           SignetRequest  *request,
           const char     *name,
           GError        **error)
{
  JsonObject *body, *options = NULL, *raw_options = NULL;
  const char *mode, *raw, *language = NULL;
  JsonArray *fields;

  if (!get_object (ctx, request_object, "body", &body, error))
    return FALSE;
  if (body == NULL || is_disabled (body))
    return TRUE;
  if (!get_string (ctx, body, "mode", &mode, error))
    return FALSE;
  if (mode == NULL || g_str_equal (mode, "none"))
    return TRUE;

  if (g_str_equal (mode, "raw"))
    {
      if (!get_string (ctx, body, "raw", &raw, error)
          || !get_object (ctx, body, "options", &options, error)
          || (options != NULL && !get_object (ctx, options, "raw", &raw_options, error))
          || (raw_options != NULL && !get_string (ctx, raw_options, "language", &language, error)))
        return FALSE;
      signet_request_set_body_kind (request, g_strcmp0 (language, "json") == 0
                                    ? SIGNET_BODY_KIND_JSON : SIGNET_BODY_KIND_RAW);
      signet_request_set_body_text (request, raw != NULL ? raw : "");
      return TRUE;
    }
  if (g_str_equal (mode, "urlencoded"))
    {
      if (!get_array (ctx, body, "urlencoded", &fields, error)
          || !read_rows (ctx, fields, "request.body.urlencoded",
                         signet_request_get_form_fields (request), error))
        return FALSE;
      signet_request_set_body_kind (request, SIGNET_BODY_KIND_FORM);
      return TRUE;
    }

  signet_import_result_add_warning (ctx->result,
                                    _("request “%s” has a body of mode “%s”, imported without a body"),
                                    name, mode);
  return TRUE;
}

/* The status in a script line's pm.response.to.have.status(N), or 0. */
static guint
status_in_line (JsonNode *line)
{
  const char *call;
  guint64 status;
  char *end;

  if (!JSON_NODE_HOLDS_VALUE (line) || json_node_get_value_type (line) != G_TYPE_STRING)
    return 0;
  call = strstr (json_node_get_string (line), "pm.response.to.have.status(");
  if (call == NULL)
    return 0;
  call += strlen ("pm.response.to.have.status(");
  status = g_ascii_strtoull (call, &end, 10);
  return end != call && *end == ')' && status >= 100 && status <= 599 ? (guint) status : 0;
}

/* The status a test script asserts, or 0. Only that line is understood:
 * Signet runs no scripts. "exec" is an array of lines, or one string. */
static guint
read_expected_status (JsonObject *item)
{
  JsonNode *events = json_object_get_member (item, "event");
  JsonArray *array;

  if (events == NULL || !JSON_NODE_HOLDS_ARRAY (events))
    return 0;
  array = json_node_get_array (events);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *event = json_array_get_element (array, i);
      JsonNode *listen, *script, *exec;

      if (!JSON_NODE_HOLDS_OBJECT (event))
        continue;
      listen = json_object_get_member (json_node_get_object (event), "listen");
      script = json_object_get_member (json_node_get_object (event), "script");
      if (listen == NULL || !JSON_NODE_HOLDS_VALUE (listen) ||
          json_node_get_value_type (listen) != G_TYPE_STRING ||
          g_strcmp0 (json_node_get_string (listen), "test") != 0 ||
          script == NULL || !JSON_NODE_HOLDS_OBJECT (script))
        continue;
      exec = json_object_get_member (json_node_get_object (script), "exec");
      if (exec != NULL && JSON_NODE_HOLDS_ARRAY (exec))
        {
          for (guint j = 0; j < json_array_get_length (json_node_get_array (exec)); j++)
            {
              guint status = status_in_line (json_array_get_element (json_node_get_array (exec), j));

              if (status != 0)
                return status;
            }
        }
      else if (exec != NULL && status_in_line (exec) != 0)
        return status_in_line (exec);
    }
  return 0;
}

/* The current item's folder: its path without its own name. */
static GStrv
folder_of (Ctx *ctx)
{
  GStrv folder = g_new0 (char *, ctx->path->len);

  for (guint i = 0; i + 1 < ctx->path->len; i++)
    folder[i] = g_strdup (g_ptr_array_index (ctx->path, i));
  return folder;
}

static gboolean
read_request (Ctx         *ctx,
              JsonObject  *item,
              const char  *name,
              const Auth  *inherited,
              GError     **error)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autofree char *url = NULL;
  JsonNode *node = json_object_get_member (item, "request");
  JsonObject *object;
  JsonArray *headers;
  const char *method;
  Auth auth = { 0 };
  g_auto(GStrv) folder = folder_of (ctx);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* The short form: a bare URL, GET. */
      signet_request_set_url (request, json_node_get_string (node));
      apply_auth (ctx, inherited, request, name);
      signet_import_result_add_request (ctx->result, (const char * const *) folder, name,
                                        request, SIGNET_IMPORT_PROTECTION_UNKNOWN);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, error, "request", _("must be an object or a URL string"));
  object = json_node_get_object (node);

  if (!get_string (ctx, object, "method", &method, error)
      || !read_url (ctx, object, &url, error)
      || !get_array (ctx, object, "header", &headers, error))
    return FALSE;
  signet_request_set_method (request, method != NULL ? method : "GET");
  signet_request_set_url (request, url);
  if (!read_rows (ctx, headers, "request.header", signet_request_get_headers (request), error)
      || !read_body (ctx, object, request, name, error)
      || !read_auth (ctx, object, &auth, error))
    {
      auth_clear (&auth);
      return FALSE;
    }
  apply_auth (ctx, auth.set ? &auth : inherited, request, name);
  auth_clear (&auth);
  signet_request_set_expected_status (request, read_expected_status (item));
  signet_import_result_add_request (ctx->result, (const char * const *) folder, name,
                                    request, SIGNET_IMPORT_PROTECTION_UNKNOWN);
  return TRUE;
}

static gboolean read_items (Ctx         *ctx,
                            JsonObject  *parent,
                            const Auth  *inherited,
                            GError     **error);

static gboolean
read_folder (Ctx         *ctx,
             JsonObject  *item,
             const Auth  *inherited,
             GError     **error)
{
  g_autofree char **folder = NULL;
  Auth auth = { 0 };
  gboolean ok;

  /* The path's strings stay owned by ctx->path. */
  g_ptr_array_add (ctx->path, NULL);
  folder = (GStrv) g_memdup2 (ctx->path->pdata, ctx->path->len * sizeof (char *));
  g_ptr_array_remove_index (ctx->path, ctx->path->len - 1);
  signet_import_result_add_folder (ctx->result, (const char * const *) folder);

  ok = read_auth (ctx, item, &auth, error)
       && read_items (ctx, item, auth.set ? &auth : inherited, error);
  auth_clear (&auth);
  return ok;
}

static gboolean
read_item (Ctx         *ctx,
           JsonNode    *node,
           const Auth  *inherited,
           GError     **error)
{
  JsonObject *item;
  const char *name;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, error, "item", _("must hold objects"));
  item = json_node_get_object (node);
  if (!get_string (ctx, item, "name", &name, error))
    return FALSE;
  g_ptr_array_add (ctx->path, g_strdup (name != NULL && *name != '\0' ? name : "Untitled"));
  name = g_ptr_array_index (ctx->path, ctx->path->len - 1);

  if (json_object_has_member (item, "event"))
    signet_import_result_add_warning (ctx->result,
                                      _("“%s” has scripts, which were not imported "
                                        "(but for pm.response.to.have.status)"), name);

  if (json_object_has_member (item, "item"))
    ok = read_folder (ctx, item, inherited, error);
  else if (json_object_has_member (item, "request"))
    ok = read_request (ctx, item, name, inherited, error);
  else
    ok = fail (ctx, error, "request", _("is missing (an item needs “request” or “item”)"));

  g_ptr_array_remove_index (ctx->path, ctx->path->len - 1);
  return ok;
}

static gboolean
read_items (Ctx         *ctx,
            JsonObject  *parent,
            const Auth  *inherited,
            GError     **error)
{
  JsonArray *items;

  if (!get_array (ctx, parent, "item", &items, error))
    return FALSE;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    if (!read_item (ctx, json_array_get_element (items, i), inherited, error))
      return FALSE;
  return TRUE;
}

/* A variable an awsv4 secret refers to holds a secret: it goes to the
 * secrets, not to the variables that end up in files. */
static gboolean
read_variables (Ctx         *ctx,
                JsonObject  *root,
                GError     **error)
{
  JsonArray *variables;

  if (!get_array (ctx, root, "variable", &variables, error))
    return FALSE;
  for (guint i = 0; variables != NULL && i < json_array_get_length (variables); i++)
    {
      JsonNode *element = json_array_get_element (variables, i);
      g_autofree char *value = NULL;
      const char *key;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (ctx, error, "variable", _("must hold objects with “key” and “value”"));
      if (!get_string (ctx, json_node_get_object (element), "key", &key, error))
        return FALSE;
      if (key == NULL)
        continue;
      value = scalar_to_string (json_object_get_member (json_node_get_object (element), "value"));
      if (g_hash_table_contains (ctx->secret_vars, key))
        {
          g_autofree char *at = g_strdup_printf (_("variable “%s”"), key);

          signet_import_result_add_secret (ctx->result,
                                           strstr (key, "oken") != NULL
                                           ? SIGNET_IMPORT_SECRET_SESSION_TOKEN
                                           : SIGNET_IMPORT_SECRET_ACCESS_KEY,
                                           NULL, at, value);
          signet_import_result_add_warning (ctx->result,
                                            _("variable “%s” holds a secret; it was moved to the secrets found"),
                                            key);
          if (value != NULL)
            memset (value, 0, strlen (value));
          continue;
        }
      signet_import_result_add_variable (ctx->result, key, value);
    }
  return TRUE;
}

/**
 * signet_import_postman:
 * @data: the collection's JSON
 * @length: its length, or -1 when NUL-terminated
 * @error: a %G_IO_ERROR_INVALID_DATA naming what is wrong and where
 *
 * Returns: (transfer full) (nullable): what the collection holds
 */
SignetImportResult *
signet_import_postman (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SignetImportResult) result = signet_import_result_new ();
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) secret_vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  Ctx ctx = { result, path, secret_vars };
  JsonNode *root;
  JsonObject *info;
  const char *name, *schema;
  Auth auth = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a Postman collection: not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a Postman collection: the top level is not a JSON object"));
      return NULL;
    }
  if (!get_object (&ctx, json_node_get_object (root), "info", &info, error))
    return NULL;
  if (info == NULL || !json_object_has_member (json_node_get_object (root), "item"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a Postman collection: “info” or “item” is missing"));
      return NULL;
    }
  if (!get_string (&ctx, info, "name", &name, error)
      || !get_string (&ctx, info, "schema", &schema, error))
    return NULL;
  if (schema != NULL && strstr (schema, "/v2.") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Postman collection: schema “%s” is not supported; export it as v2.1"), schema);
      return NULL;
    }
  signet_import_result_set_name (result, name);

  ok = read_auth (&ctx, json_node_get_object (root), &auth, error)
       && read_items (&ctx, json_node_get_object (root), &auth, error)
       && read_variables (&ctx, json_node_get_object (root), error);
  auth_clear (&auth);
  return ok ? g_steal_pointer (&result) : NULL;
}

/* A Postman environment file, as Postman exports it and newman's
 * --environment reads it:
 *
 * |[
 * {"name": "test", "values": [{"key": "baseUrl", "value": "…", "enabled": true,
 *                              "type": "default"}, {"key": "secretKey", "type": "secret", …}]}
 * ]|
 *
 * Switched-off values are left out; "secret" ones are kept as secret
 * variables, which are never written to a Signet file. */

static gboolean
environment_fail (GError     **error,
                  const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not a Postman environment: %s"), what);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_value (SignetEnvironment  *environment,
            JsonNode           *element,
            GError            **error)
{
  JsonObject *object;
  JsonNode *enabled;
  const char *key;
  g_autofree char *text = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return environment_fail (error, _("“values” must hold objects with “key” and “value”"));
  object = json_node_get_object (element);
  key = string_member (object, "key");
  if (key == NULL)
    return environment_fail (error, _("a value has no “key”"));

  enabled = json_object_get_member (object, "enabled");
  if (enabled != NULL && JSON_NODE_HOLDS_VALUE (enabled) &&
      json_node_get_value_type (enabled) == G_TYPE_BOOLEAN && !json_node_get_boolean (enabled))
    return TRUE;

  text = scalar_to_string (json_object_get_member (object, "value"));
  signet_environment_set_variable (environment, key, text ? text : "",
                                   g_strcmp0 (string_member (object, "type"), "secret") == 0);
  return TRUE;
}

/**
 * signet_import_postman_environment:
 * @data: the environment's JSON
 * @length: its length, or -1 when NUL-terminated
 * @error: a %G_IO_ERROR_INVALID_DATA saying what is wrong
 *
 * Returns: (transfer full) (nullable): the environment, in memory only
 */
SignetEnvironment *
signet_import_postman_environment (const char  *data,
                                   gssize       length,
                                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SignetEnvironment) environment = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *values;
  JsonArray *array;
  const char *name;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a Postman environment: not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      environment_fail (error, _("the top level is not a JSON object"));
      return NULL;
    }
  values = json_object_get_member (json_node_get_object (root), "values");
  if (values == NULL || !JSON_NODE_HOLDS_ARRAY (values))
    {
      environment_fail (error, _("“values” is missing or not an array"));
      return NULL;
    }

  name = string_member (json_node_get_object (root), "name");
  environment = signet_environment_new (name ? name : "Postman");
  array = json_node_get_array (values);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_value (environment, json_array_get_element (array, i), error))
      return NULL;

  return g_steal_pointer (&environment);
}
