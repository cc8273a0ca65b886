/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "signet-aws-host.h"
#include "signet-import-openapi.h"

/*
 * Reads an OpenAPI 3.x or Swagger 2.0 document (JSON), API Gateway exports
 * included, into a #SignetImportResult: one request per operation. An
 * operation whose security names a scheme with
 * `x-amazon-apigateway-authtype: awsSigv4` (or that says
 * `x-amazon-apigateway-auth: {"type": "AWS_IAM"}`) is signed for
 * execute-api and marked IAM; one with no security is marked open; other
 * schemes (API keys, Cognito, Lambda authorizers) give a warning and an
 * unknown protection. Path parameters stay as `{petId}` in the URL.
 */

typedef struct
{
  SignetImportResult *result;
  JsonObject         *root;
  gboolean            swagger;      /* 2.0, else OpenAPI 3 */
  JsonObject         *schemes;      /* securitySchemes / securityDefinitions */
  JsonArray          *security;     /* the top-level requirement */
  char               *base_url;
  char               *region;
} Ctx;

static const char * const methods[] = {
  "get", "put", "post", "delete", "options", "head", "patch", "trace",
  "x-amazon-apigateway-any-method",
};

static gboolean
fail (GError     **error,
      const char  *at,
      const char  *what)
{
  /* Translators: the second %s says what is wrong, e.g. “must be an object” */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("OpenAPI document: “%s” %s"), at, what);
  return FALSE;
}

static char *
child_path (const char *at,
            const char *member)
{
  if (at == NULL || *at == '\0')
    return g_strdup (member);
  /* Keys such as "/pets/{petId}" are quoted. */
  if (strpbrk (member, "./{} ") != NULL)
    return g_strdup_printf ("%s[\"%s\"]", at, member);
  return g_strdup_printf ("%s.%s", at, member);
}

/* Follows a local "$ref": "#/components/..." (a few hops at most). */
static JsonNode *
resolve (Ctx       *ctx,
         JsonNode  *node)
{
  for (guint hops = 0; hops < 8 && node != NULL && JSON_NODE_HOLDS_OBJECT (node); hops++)
    {
      JsonNode *ref = json_object_get_member (json_node_get_object (node), "$ref");
      g_auto(GStrv) parts = NULL;
      JsonNode *target;

      if (ref == NULL || json_node_get_value_type (ref) != G_TYPE_STRING
          || !g_str_has_prefix (json_node_get_string (ref), "#/"))
        return node;
      parts = g_strsplit (json_node_get_string (ref) + 2, "/", -1);
      target = NULL;
      for (guint i = 0; parts[i] != NULL; i++)
        {
          JsonObject *object = i == 0 ? ctx->root
                               : (target != NULL && JSON_NODE_HOLDS_OBJECT (target)
                                  ? json_node_get_object (target) : NULL);
          g_autoptr(GString) key = g_string_new (parts[i]);

          if (object == NULL)
            return NULL;
          g_string_replace (key, "~1", "/", 0);
          g_string_replace (key, "~0", "~", 0);
          target = json_object_get_member (object, key->str);
        }
      node = target;
    }
  return node;
}

/* A member of a given JSON type into *out: a const char * for
 * JSON_NODE_VALUE (strings only), a JsonObject * or a JsonArray *; NULL
 * when absent or null. */
static gboolean
get_member (Ctx         *ctx,
            JsonObject  *object,
            const char  *at,
            const char  *member,
            JsonNodeType type,
            gpointer     out,
            GError     **error)
{
  JsonNode *node = resolve (ctx, json_object_get_member (object, member));
  g_autofree char *path = NULL;

  *(gpointer *) out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_TYPE (node) == type
      && (type != JSON_NODE_VALUE || json_node_get_value_type (node) == G_TYPE_STRING))
    {
      if (type == JSON_NODE_OBJECT)
        *(JsonObject **) out = json_node_get_object (node);
      else if (type == JSON_NODE_ARRAY)
        *(JsonArray **) out = json_node_get_array (node);
      else
        *(const char **) out = json_node_get_string (node);
      return TRUE;
    }
  path = child_path (at, member);
  return fail (error, path, type == JSON_NODE_OBJECT ? _("must be an object")
                            : type == JSON_NODE_ARRAY ? _("must be an array") : _("must be a string"));
}

/* "https://{id}.execute-api.{region}.amazonaws.com/{basePath}" with each
 * variable's default put in. */
static gboolean
substitute_server (Ctx         *ctx,
                   JsonObject  *server,
                   const char  *url,
                   char       **out,
                   GError     **error)
{
  JsonObject *variables;
  g_autoptr(GString) s = g_string_new (NULL);
  const char *p = url;

  if (!get_member (ctx, server, "servers[0]", "variables", JSON_NODE_OBJECT, &variables, error))
    return FALSE;
  while (*p != '\0')
    {
      const char *close = p[0] == '{' ? strchr (p, '}') : NULL;
      g_autofree char *name = NULL;
      g_autofree char *at = NULL;
      JsonObject *variable;
      const char *value;

      if (close == NULL)
        {
          g_string_append_c (s, *p++);
          continue;
        }
      name = g_strndup (p + 1, close - p - 1);
      at = child_path ("servers[0].variables", name);
      if (variables == NULL || !json_object_has_member (variables, name))
        {
          signet_import_result_add_warning (ctx->result,
                                            _("the server URL’s variable “%s” has no default; "
                                              "it was kept as {{%s}}"), name, name);
          g_string_append_printf (s, "{{%s}}", name);
        }
      else
        {
          if (!get_member (ctx, variables, "servers[0].variables", name, JSON_NODE_OBJECT, &variable,
                           error))
            return FALSE;
          if (variable == NULL)
            return fail (error, at, _("needs a “default”"));
          if (!get_member (ctx, variable, at, "default", JSON_NODE_VALUE, &value, error))
            return FALSE;
          if (value == NULL)
            return fail (error, at, _("needs a “default”"));
          g_string_append (s, value);
        }
      p = close + 1;
    }
  *out = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}

/* A base URL that is not absolute is put after {{baseUrl}}. */
static void
set_base_url (Ctx        *ctx,
              const char *url)
{
  g_autofree char *trimmed = g_strdup (url != NULL ? url : "");
  gsize len = strlen (trimmed);

  while (len > 0 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';
  if (strstr (trimmed, "://") != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
      g_autofree char *service = NULL;

      ctx->base_url = g_steal_pointer (&trimmed);
      if (uri != NULL && g_uri_get_host (uri) != NULL)
        signet_aws_host_detect_scope (g_uri_get_host (uri), &ctx->region, &service);
      return;
    }
  ctx->base_url = g_strconcat ("{{baseUrl}}", trimmed, NULL);
  signet_import_result_add_variable (ctx->result, "baseUrl", "");
  signet_import_result_add_warning (ctx->result,
                                    _("the document names no absolute server URL; "
                                      "set the variable “baseUrl”"));
}

static gboolean
read_base_url (Ctx     *ctx,
               GError **error)
{
  g_autofree char *url = NULL;

  if (ctx->swagger)
    {
      JsonArray *schemes;
      const char *host, *base_path, *scheme = "https";

      if (!get_member (ctx, ctx->root, NULL, "host", JSON_NODE_VALUE, &host, error)
          || !get_member (ctx, ctx->root, NULL, "basePath", JSON_NODE_VALUE, &base_path, error)
          || !get_member (ctx, ctx->root, NULL, "schemes", JSON_NODE_ARRAY, &schemes, error))
        return FALSE;
      if (schemes != NULL && json_array_get_length (schemes) > 0)
        {
          JsonNode *first = json_array_get_element (schemes, 0);

          if (json_node_get_value_type (first) != G_TYPE_STRING)
            return fail (error, "schemes[0]", _("must be a string"));
          scheme = json_node_get_string (first);
        }
      if (host != NULL)
        url = g_strdup_printf ("%s://%s%s%s", scheme, host,
                               base_path != NULL && *base_path != '/' ? "/" : "",
                               base_path != NULL ? base_path : "");
      else
        url = g_strdup (base_path);
    }
  else
    {
      JsonArray *servers;
      JsonObject *server;
      const char *server_url;

      if (!get_member (ctx, ctx->root, NULL, "servers", JSON_NODE_ARRAY, &servers, error))
        return FALSE;
      if (servers != NULL && json_array_get_length (servers) > 0)
        {
          JsonNode *first = resolve (ctx, json_array_get_element (servers, 0));

          if (first == NULL || !JSON_NODE_HOLDS_OBJECT (first))
            return fail (error, "servers[0]", _("must be an object"));
          server = json_node_get_object (first);
          if (!get_member (ctx, server, "servers[0]", "url", JSON_NODE_VALUE, &server_url, error))
            return FALSE;
          if (server_url == NULL)
            return fail (error, "servers[0].url", _("is missing"));
          if (!substitute_server (ctx, server, server_url, &url, error))
            return FALSE;
          if (json_array_get_length (servers) > 1)
            signet_import_result_add_warning (ctx->result,
                                              ngettext ("the document names %u server; requests use the first, %s",
                                                        "the document names %u servers; requests use the first, %s",
                                                        json_array_get_length (servers)),
                                              json_array_get_length (servers), url);
        }
    }
  set_base_url (ctx, url);
  return TRUE;
}

typedef enum
{
  SECURITY_OPEN,
  SECURITY_IAM,
  SECURITY_OTHER,
} Security;

/* What one named scheme is; @kind says what it is for warnings. */
static Security
scheme_kind (Ctx         *ctx,
             const char  *name,
             char       **kind)
{
  JsonNode *node = ctx->schemes != NULL
                   ? resolve (ctx, json_object_get_member (ctx->schemes, name)) : NULL;
  JsonObject *scheme;
  const char *authtype = NULL, *type = NULL;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      *kind = g_strdup (_("not defined in the document"));
      return SECURITY_OTHER;
    }
  scheme = json_node_get_object (node);
  member = json_object_get_member (scheme, "x-amazon-apigateway-authtype");
  if (member != NULL && json_node_get_value_type (member) == G_TYPE_STRING)
    authtype = json_node_get_string (member);
  member = json_object_get_member (scheme, "type");
  if (member != NULL && json_node_get_value_type (member) == G_TYPE_STRING)
    type = json_node_get_string (member);

  if (authtype != NULL && (g_ascii_strcasecmp (authtype, "awsSigv4") == 0
                           || g_ascii_strcasecmp (authtype, "AWS_IAM") == 0))
    {
      *kind = g_strdup ("AWS Signature Version 4");
      return SECURITY_IAM;
    }
  if (authtype != NULL)
    *kind = g_strdup_printf (_("API Gateway authorizer of type “%s”"), authtype);
  else
    *kind = g_strdup_printf (_("of type “%s”"), type != NULL ? type : _("unknown"));
  return SECURITY_OTHER;
}

/* A requirement is a list of alternatives, each naming schemes that all
 * apply. An empty alternative means anyone may call. */
static Security
classify (Ctx         *ctx,
          JsonArray   *requirement,
          const char  *at,
          const char  *name,
          GError     **error,
          gboolean    *ok)
{
  gboolean open = json_array_get_length (requirement) == 0;
  gboolean iam = FALSE;
  g_autoptr(GString) others = g_string_new (NULL);

  *ok = TRUE;
  for (guint i = 0; i < json_array_get_length (requirement); i++)
    {
      JsonNode *element = json_array_get_element (requirement, i);
      g_autoptr(GList) names = NULL;
      gboolean all_iam = TRUE;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", at, i);

          *ok = fail (error, item, _("must be an object naming security schemes"));
          return SECURITY_OTHER;
        }
      names = json_object_get_members (json_node_get_object (element));
      if (names == NULL)
        open = TRUE;
      for (GList *l = names; l != NULL; l = l->next)
        {
          g_autofree char *kind = NULL;

          if (scheme_kind (ctx, l->data, &kind) == SECURITY_IAM)
            continue;
          all_iam = FALSE;
          g_string_append_printf (others, "%s“%s” (%s)", others->len > 0 ? ", " : "",
                                  (const char *) l->data, kind);
        }
      if (names != NULL && all_iam)
        iam = TRUE;
    }

  if (open)
    return SECURITY_OPEN;
  if (iam)
    return SECURITY_IAM;
  signet_import_result_add_warning (ctx->result,
                                    _("operation “%s” uses the security scheme %s, which Signet "
                                      "does not sign; imported without auth, protection unknown"),
                                    name, others->str);
  return SECURITY_OTHER;
}

/* x-amazon-apigateway-auth: {"type": "AWS_IAM" | "NONE" | ...} */
static gboolean
read_apigateway_auth (Ctx         *ctx,
                      JsonObject  *operation,
                      const char  *at,
                      Security    *out,
                      GError     **error)
{
  JsonObject *auth;
  const char *type;
  g_autofree char *auth_at = child_path (at, "x-amazon-apigateway-auth");

  if (!get_member (ctx, operation, at, "x-amazon-apigateway-auth", JSON_NODE_OBJECT, &auth, error))
    return FALSE;
  if (auth == NULL)
    return TRUE;
  if (!get_member (ctx, auth, auth_at, "type", JSON_NODE_VALUE, &type, error))
    return FALSE;
  if (g_ascii_strcasecmp (type != NULL ? type : "", "AWS_IAM") == 0)
    *out = SECURITY_IAM;
  else if (g_ascii_strcasecmp (type != NULL ? type : "", "NONE") == 0)
    *out = SECURITY_OPEN;
  return TRUE;
}

static gboolean
read_security (Ctx         *ctx,
               JsonObject  *operation,
               const char  *at,
               const char  *name,
               Security    *out,
               GError     **error)
{
  JsonArray *requirement;
  g_autofree char *security_at = child_path (at, "security");
  gboolean ok = TRUE;

  if (!get_member (ctx, operation, at, "security", JSON_NODE_ARRAY, &requirement, error))
    return FALSE;
  if (requirement == NULL)
    {
      requirement = ctx->security;
      g_clear_pointer (&security_at, g_free);
      security_at = g_strdup ("security");
    }
  *out = requirement != NULL
         ? classify (ctx, requirement, security_at, name, error, &ok)
         : SECURITY_OPEN;
  if (requirement != NULL && !ok)
    return FALSE;
  return read_apigateway_auth (ctx, operation, at, out, error);
}

/* The example of a JSON body: a string is taken as the body's text. */
static char *
example_text (JsonNode *example)
{
  if (example == NULL || JSON_NODE_HOLDS_NULL (example))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (example) && json_node_get_value_type (example) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (example));
  return json_to_string (example, TRUE);
}

static char *
schema_example (Ctx        *ctx,
                JsonObject *holder)
{
  JsonNode *schema = resolve (ctx, json_object_get_member (holder, "schema"));

  if (json_object_has_member (holder, "example"))
    return example_text (json_object_get_member (holder, "example"));
  if (schema != NULL && JSON_NODE_HOLDS_OBJECT (schema)
      && json_object_has_member (json_node_get_object (schema), "example"))
    return example_text (json_object_get_member (json_node_get_object (schema), "example"));
  return NULL;
}

static char *
oas3_body (Ctx        *ctx,
           JsonObject *operation)
{
  JsonNode *body = resolve (ctx, json_object_get_member (operation, "requestBody"));
  JsonNode *content;
  g_autoptr(GList) types = NULL;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  content = json_object_get_member (json_node_get_object (body), "content");
  if (content == NULL || !JSON_NODE_HOLDS_OBJECT (content))
    return NULL;
  types = json_object_get_members (json_node_get_object (content));
  for (GList *l = types; l != NULL; l = l->next)
    {
      JsonNode *media = json_object_get_member (json_node_get_object (content), l->data);
      JsonNode *examples;
      char *text;

      if (!g_str_has_prefix (l->data, "application/json") && !g_str_has_suffix (l->data, "+json"))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (media))
        continue;
      if ((text = schema_example (ctx, json_node_get_object (media))) != NULL)
        return text;
      examples = json_object_get_member (json_node_get_object (media), "examples");
      if (examples != NULL && JSON_NODE_HOLDS_OBJECT (examples))
        {
          g_autoptr(GList) names = json_object_get_members (json_node_get_object (examples));
          JsonNode *first = names != NULL
                            ? resolve (ctx, json_object_get_member (json_node_get_object (examples),
                                                                    names->data))
                            : NULL;

          if (first != NULL && JSON_NODE_HOLDS_OBJECT (first))
            return example_text (json_object_get_member (json_node_get_object (first), "value"));
        }
    }
  return NULL;
}

static char *
swagger_body (Ctx        *ctx,
              JsonObject *operation)
{
  JsonNode *parameters = json_object_get_member (operation, "parameters");

  if (parameters == NULL || !JSON_NODE_HOLDS_ARRAY (parameters))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (parameters)); i++)
    {
      JsonNode *parameter = resolve (ctx, json_array_get_element (json_node_get_array (parameters), i));
      JsonNode *in;

      if (parameter == NULL || !JSON_NODE_HOLDS_OBJECT (parameter))
        continue;
      in = json_object_get_member (json_node_get_object (parameter), "in");
      if (in != NULL && json_node_get_value_type (in) == G_TYPE_STRING
          && g_str_equal (json_node_get_string (in), "body"))
        return schema_example (ctx, json_node_get_object (parameter));
    }
  return NULL;
}

/* The first tag, else the path's first segment, else none. */
static GStrv
folder_for (Ctx         *ctx,
            JsonObject  *operation,
            const char  *at,
            const char  *path,
            GError     **error,
            gboolean    *ok)
{
  JsonArray *tags;
  const char *start = path;
  GStrv folder;
  gsize len;

  *ok = get_member (ctx, operation, at, "tags", JSON_NODE_ARRAY, &tags, error);
  if (!*ok)
    return NULL;
  if (tags != NULL && json_array_get_length (tags) > 0
      && json_node_get_value_type (json_array_get_element (tags, 0)) == G_TYPE_STRING)
    {
      folder = g_new0 (char *, 2);
      folder[0] = g_strdup (json_array_get_string_element (tags, 0));
      return folder;
    }

  while (*start == '/')
    start++;
  len = strcspn (start, "/");
  folder = g_new0 (char *, 2);
  if (len > 0)
    folder[0] = g_strndup (start, len);
  return folder;
}

static gboolean
read_operation (Ctx         *ctx,
                const char  *path,
                const char  *method,
                JsonObject  *operation,
                const char  *at,
                GError     **error)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autofree char *upper = NULL;
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) folder = NULL;
  const char *operation_id;
  Security security;
  SignetImportProtection protection = SIGNET_IMPORT_PROTECTION_UNKNOWN;
  gboolean ok;

  if (!get_member (ctx, operation, at, "operationId", JSON_NODE_VALUE, &operation_id, error))
    return FALSE;
  upper = g_str_equal (method, "x-amazon-apigateway-any-method") ? g_strdup ("ANY")
          : g_ascii_strup (method, -1);
  name = operation_id != NULL && *operation_id != '\0' ? g_strdup (operation_id)
         : g_strdup_printf ("%s %s", upper, path);
  folder = folder_for (ctx, operation, at, path, error, &ok);
  if (!ok || !read_security (ctx, operation, at, name, &security, error))
    return FALSE;

  if (g_str_equal (upper, "ANY"))
    {
      signet_import_result_add_warning (ctx->result,
                                        _("operation “%s” accepts any method; imported as GET"), name);
      g_free (upper);
      upper = g_strdup ("GET");
    }
  url = g_strconcat (ctx->base_url, path, NULL);
  signet_request_set_method (request, upper);
  signet_request_set_url (request, url);

  body = ctx->swagger ? swagger_body (ctx, operation) : oas3_body (ctx, operation);
  if (body != NULL)
    {
      signet_request_set_body_kind (request, SIGNET_BODY_KIND_JSON);
      signet_request_set_body_text (request, body);
    }

  if (security == SECURITY_IAM)
    {
      signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
      signet_request_set_service (request, "execute-api");
      signet_request_set_region (request, ctx->region != NULL ? ctx->region : "");
      if (ctx->region == NULL)
        signet_import_result_add_warning (ctx->result,
                                          _("operation “%s” is signed, but the server URL names no "
                                            "region; set it in the Auth tab"), name);
      protection = SIGNET_IMPORT_PROTECTION_IAM;
    }
  else if (security == SECURITY_OPEN)
    protection = SIGNET_IMPORT_PROTECTION_OPEN;

  signet_import_result_add_request (ctx->result, (const char * const *) folder, name,
                                    request, protection);
  return TRUE;
}

static gboolean
read_paths (Ctx     *ctx,
            GError **error)
{
  JsonObject *paths;
  g_autoptr(GList) names = NULL;

  if (!get_member (ctx, ctx->root, NULL, "paths", JSON_NODE_OBJECT, &paths, error))
    return FALSE;
  if (paths == NULL)
    return fail (error, "paths", _("is missing"));
  names = json_object_get_members (paths);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *path = l->data;
      g_autofree char *path_at = child_path ("paths", path);
      JsonObject *item;

      if (g_str_has_prefix (path, "x-"))
        continue;
      if (!get_member (ctx, paths, "paths", path, JSON_NODE_OBJECT, &item, error))
        return FALSE;
      if (item == NULL)
        continue;
      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        {
          g_autofree char *at = child_path (path_at, methods[m]);
          JsonObject *operation;

          if (!get_member (ctx, item, path_at, methods[m], JSON_NODE_OBJECT, &operation, error))
            return FALSE;
          if (operation != NULL
              && !read_operation (ctx, path, methods[m], operation, at, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_version (Ctx     *ctx,
              GError **error)
{
  JsonNode *openapi = json_object_get_member (ctx->root, "openapi");
  JsonNode *swagger = json_object_get_member (ctx->root, "swagger");
  const char *version;

  if (openapi == NULL && swagger == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Not an OpenAPI document: neither “openapi” nor “swagger” is set"));
      return FALSE;
    }
  ctx->swagger = openapi == NULL;
  if (!get_member (ctx, ctx->root, NULL, ctx->swagger ? "swagger" : "openapi", JSON_NODE_VALUE, &version,
                   error))
    return FALSE;
  if (version == NULL || (ctx->swagger ? !g_str_equal (version, "2.0")
                                       : !g_str_has_prefix (version, "3.")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("OpenAPI document: version “%s” is not supported; use OpenAPI 3 or Swagger 2.0"),
                   version != NULL ? version : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_document (Ctx     *ctx,
               GError **error)
{
  JsonObject *info, *components = NULL;
  const char *title = NULL;

  if (!read_version (ctx, error)
      || !get_member (ctx, ctx->root, NULL, "info", JSON_NODE_OBJECT, &info, error)
      || (info != NULL && !get_member (ctx, info, "info", "title", JSON_NODE_VALUE, &title, error))
      || !get_member (ctx, ctx->root, NULL, "security", JSON_NODE_ARRAY, &ctx->security, error))
    return FALSE;
  signet_import_result_set_name (ctx->result, title);

  if (ctx->swagger)
    {
      if (!get_member (ctx, ctx->root, NULL, "securityDefinitions", JSON_NODE_OBJECT, &ctx->schemes, error))
        return FALSE;
    }
  else if (!get_member (ctx, ctx->root, NULL, "components", JSON_NODE_OBJECT, &components, error)
           || (components != NULL
               && !get_member (ctx, components, "components", "securitySchemes", JSON_NODE_OBJECT,
                               &ctx->schemes, error)))
    return FALSE;

  return read_base_url (ctx, error) && read_paths (ctx, error);
}

/**
 * signet_import_openapi:
 * @data: the document's JSON
 * @length: its length, or -1 when NUL-terminated
 * @error: a %G_IO_ERROR_INVALID_DATA naming what is wrong and where
 *
 * Returns: (transfer full) (nullable): one request per operation
 */
SignetImportResult *
signet_import_openapi (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SignetImportResult) result = signet_import_result_new ();
  g_autoptr(GError) local_error = NULL;
  Ctx ctx = { result, NULL, FALSE, NULL, NULL, NULL, NULL };
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *p = data;

      while (g_ascii_isspace (*p))
        p++;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not an OpenAPI document: not valid JSON%s: %s"),
                   g_str_has_prefix (p, "openapi:") || g_str_has_prefix (p, "swagger:")
                   ? _(" (YAML is not read; export the API as JSON)") : "",
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Not an OpenAPI document: the top level is not a JSON object"));
      return NULL;
    }
  ctx.root = json_node_get_object (root);
  ok = read_document (&ctx, error);
  g_free (ctx.base_url);
  g_free (ctx.region);
  return ok ? g_steal_pointer (&result) : NULL;
}
