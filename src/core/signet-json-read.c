/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-error.h"
#include "signet-json-read.h"

/* Saved files are edited by hand and merged by git: every read checks the
 * type and says which member was wrong, e.g. "auth.region". */

static char *
member_path (const char *where,
             const char *member)
{
  if (where == NULL || where[0] == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", where, member);
}

static gboolean
missing (const char *where,
         const char *member,
         gboolean    required,
         GError    **error)
{
  g_autofree char *path = member_path (where, member);

  if (required)
    g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                 _("missing member “%s”"), path);
  return !required;
}

static gboolean
wrong_type (const char *where,
            const char *member,
            const char *expected,
            GError    **error)
{
  g_autofree char *path = member_path (where, member);

  /* Translators: the second %s is a kind of value, e.g. “a string” */
  g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
               _("“%s” must be %s"), path, expected);
  return FALSE;
}

/**
 * signet_json_parse:
 *
 * Parses @data, which must be one JSON object.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 */
JsonNode *
signet_json_parse (const char  *data,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                           _("the file must hold a JSON object"));
      return NULL;
    }

  return json_node_copy (root);
}

gboolean
signet_json_read_string (JsonObject  *object,
                         const char  *where,
                         const char  *member,
                         gboolean     required,
                         const char **out,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return missing (where, member, required, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (where, member, _("a string"), error);

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
signet_json_read_bool (JsonObject  *object,
                       const char  *where,
                       const char  *member,
                       gboolean    *out,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (where, member, _("true or false"), error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
signet_json_read_int (JsonObject  *object,
                      const char  *where,
                      const char  *member,
                      gboolean     required,
                      gint64      *out,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return missing (where, member, required, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (where, member, _("a whole number"), error);

  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
signet_json_read_array (JsonObject  *object,
                        const char  *where,
                        const char  *member,
                        JsonArray  **out,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (where, member, _("a list"), error);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
signet_json_read_object (JsonObject  *object,
                         const char  *where,
                         const char  *member,
                         JsonObject **out,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (where, member, _("an object"), error);

  *out = json_node_get_object (node);
  return TRUE;
}

/* Element @index of @array, which must be an object. */
JsonObject *
signet_json_array_object (JsonArray   *array,
                          const char  *where,
                          guint        index,
                          GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“%s[%u]” must be an object"), where, index);
      return NULL;
    }

  return json_node_get_object (node);
}
