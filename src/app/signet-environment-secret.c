/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsecret/secret.h>

#include "signet-environment-secret.h"

/* The values of secret environment variables, in the system keyring: one
 * item per variable, found by the collection folder, the environment's
 * file stem and the variable's name. The environment's file has the
 * name only (signet-environment-json.c). Values never go into
 * attributes, labels or messages. */

static const SecretSchema variable_schema = {
  SIGNET_ENVIRONMENT_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "collection", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "environment", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "variable", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static GHashTable *
attributes_new (GFile      *collection_dir,
                const char *environment_slug,
                const char *name)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "collection", g_file_get_path (collection_dir));
  g_hash_table_insert (attributes, (gpointer) "environment", g_strdup (environment_slug));
  g_hash_table_insert (attributes, (gpointer) "variable", g_strdup (name));
  return attributes;
}

/**
 * signet_environment_secret_store_async:
 * @value: the variable's value, kept in the keyring only
 */
void
signet_environment_secret_store_async (GFile               *collection_dir,
                                       const char          *environment_slug,
                                       const char          *name,
                                       const char          *value,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_new (collection_dir, environment_slug, name);
  g_autofree char *label = g_strdup_printf ("Signet variable “%s” of environment “%s”",
                                            name, environment_slug);

  secret_password_storev (&variable_schema, attributes, SECRET_COLLECTION_DEFAULT, label, value,
                          cancellable, callback, user_data);
}

gboolean
signet_environment_secret_store_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
signet_environment_secret_lookup_async (GFile               *collection_dir,
                                        const char          *environment_slug,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_new (collection_dir, environment_slug, name);

  secret_password_lookupv (&variable_schema, attributes, cancellable, callback, user_data);
}

/**
 * signet_environment_secret_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the value, to free with
 *   signet_secure_free_string(); %NULL without @error when none is stored
 */
char *
signet_environment_secret_lookup_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return secret_password_lookup_finish (result, error);
}
