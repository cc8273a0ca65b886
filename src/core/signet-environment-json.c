/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-environment.h"
#include "signet-error.h"
#include "signet-json-read.h"
#include "signet-request-json.h"

/* An environment as a file teams keep in git, members always in the same
 * order so the same environment gives the same bytes:
 *
 * |[
 * {
 *   "version": 1,
 *   "name": "test",
 *   "variables": [
 *     { "name": "baseUrl", "value": "https://…/test" },
 *     { "name": "apiKey", "secret": true }
 *   ]
 * }
 * ]|
 *
 * A secret variable is written with its name only: its value never
 * reaches the file, and a file that holds one is refused rather than
 * read, so that the value is not taken for a saved one. */

/**
 * signet_environment_to_json_node:
 *
 * Returns: (transfer full): the environment as a JSON object, without
 *   the values of secret variables
 */
JsonNode *
signet_environment_to_json_node (SignetEnvironment *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_variables;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SIGNET_ENVIRONMENT_JSON_VERSION);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, signet_environment_get_name (self));

  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  n_variables = signet_environment_get_n_variables (self);
  for (guint i = 0; i < n_variables; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, signet_environment_get_variable_name (self, i));
      if (signet_environment_get_variable_secret (self, i))
        {
          json_builder_set_member_name (builder, "secret");
          json_builder_add_boolean_value (builder, TRUE);
        }
      else
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, signet_environment_get_variable_value (self, i));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * signet_environment_to_json:
 *
 * Returns: (transfer full): the text of the environment's file
 */
char *
signet_environment_to_json (SignetEnvironment *self)
{
  g_autoptr(JsonNode) node = signet_environment_to_json_node (self);

  return signet_json_to_file_text (node);
}

static gboolean
read_variable (JsonObject         *object,
               const char         *where,
               SignetEnvironment  *environment,
               GError            **error)
{
  const char *name = NULL;
  const char *value = "";
  gboolean secret = FALSE;

  if (!signet_json_read_string (object, where, "name", TRUE, &name, error) ||
      !signet_json_read_bool (object, where, "secret", &secret, error) ||
      !signet_json_read_string (object, where, "value", FALSE, &value, error))
    return FALSE;

  if (name[0] == '\0' || strpbrk (name, "{}") != NULL)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“%s.name” must be a name without braces, not “%s”"), where, name);
      return FALSE;
    }
  for (guint i = 0; i < signet_environment_get_n_variables (environment); i++)
    if (g_str_equal (signet_environment_get_variable_name (environment, i), name))
      {
        g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                     _("“%s.name”: “%s” is defined twice"), where, name);
        return FALSE;
      }
  if (secret && json_object_has_member (object, "value"))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("“%s.value”: the secret variable “%s” may not have its value in the "
                     "file; the keyring keeps it"), where, name);
      return FALSE;
    }

  signet_environment_set_variable (environment, name, secret ? NULL : value, secret);
  return TRUE;
}

/**
 * signet_environment_from_json:
 * @data: the text of an environment file
 * @length: its length, or -1 when it ends in a NUL
 * @error: return location for a %SIGNET_ERROR_INVALID_FILE error naming
 *   the member at fault
 *
 * Returns: (transfer full): the environment; its secret variables have
 *   no value yet
 */
SignetEnvironment *
signet_environment_from_json (const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonNode) node = signet_json_parse (data, length, error);
  g_autoptr(SignetEnvironment) environment = NULL;
  JsonObject *root;
  JsonArray *variables = NULL;
  gint64 version = 0;
  const char *name = NULL;

  if (node == NULL)
    return NULL;
  root = json_node_get_object (node);

  if (!signet_json_read_int (root, "", "version", TRUE, &version, error))
    return NULL;
  if (version != SIGNET_ENVIRONMENT_JSON_VERSION)
    {
      /* %lld, not G_GINT64_FORMAT: xgettext cannot join a macro into a message */
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("environment file version %lld is not supported (this Signet reads version %d)"),
                   (long long) version, SIGNET_ENVIRONMENT_JSON_VERSION);
      return NULL;
    }
  if (!signet_json_read_string (root, "", "name", TRUE, &name, error) ||
      !signet_json_read_array (root, "", "variables", &variables, error))
    return NULL;

  environment = signet_environment_new (name);
  for (guint i = 0; variables != NULL && i < json_array_get_length (variables); i++)
    {
      g_autofree char *where = g_strdup_printf ("variables[%u]", i);
      JsonObject *item = signet_json_array_object (variables, "variables", i, error);

      if (item == NULL || !read_variable (item, where, environment, error))
        return NULL;
    }

  return g_steal_pointer (&environment);
}
