/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-cli-collection.h"
#include "signet-cli-request-options.h"
#include "signet-cli.h"
#include "signet-collection.h"
#include "signet-error.h"
#include "signet-import-postman.h"
#include "signet-import-save.h"

/* A folder the app saved a collection in; running any other folder would
 * pass with nothing run. */
static gboolean
is_collection_folder (GFile *dir)
{
  g_autoptr(GFile) info = g_file_get_child (dir, "collection.json");
  g_autoptr(GFile) requests = g_file_get_child (dir, "requests");

  return g_file_query_exists (info, NULL) || g_file_query_exists (requests, NULL);
}

/* A Signet collection folder, read as the app reads it (requests sorted
 * by folder, the top first, then name). A file that does not load makes
 * the whole collection fail: a run that silently skips a request would
 * pass for the wrong reason. */
static SignetImportResult *
load_folder (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (path);
  g_autofree char *basename = g_file_get_basename (dir);
  g_autoptr(SignetCollection) collection = signet_collection_new (dir, basename);
  g_autoptr(GAsyncResult) loaded = NULL;
  GPtrArray *errors;

  if (!is_collection_folder (dir))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s is not a Signet collection folder: it has no collection.json or requests/"),
                   path);
      return NULL;
    }

  signet_collection_load_async (collection, NULL, signet_cli_store_result, &loaded);
  if (!signet_collection_load_finish (collection, signet_cli_wait_for (&loaded), error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  errors = signet_collection_get_load_errors (collection);
  if (errors->len > 0)
    {
      const GError *first = g_ptr_array_index (errors, 0);

      g_set_error (error, first->domain, first->code, "%s%s%s", path,
                   g_str_has_suffix (path, "/") ? "" : "/", first->message);
      return NULL;
    }

  return signet_import_result_from_collection (collection);
}

static SignetImportResult *
load_postman (const char  *path,
              GError     **error)
{
  gsize length = 0;
  g_autofree char *text = signet_cli_read_text (path, &length, error);
  SignetImportResult *contents;

  if (text == NULL)
    return NULL;
  contents = signet_import_postman (text, length, error);
  if (contents == NULL)
    g_prefix_error (error, "%s: ", path);
  return contents;
}

/**
 * signet_cli_collection_load:
 * @path: a Signet collection folder, or a Postman v2.1 file ("-" for
 *   standard input)
 * @error: an error whose message names the file at fault
 *
 * Returns: (transfer full) (nullable): the collection
 */
SignetCliCollection *
signet_cli_collection_load (const char  *path,
                            GError     **error)
{
  g_autoptr(SignetCliCollection) collection = g_new0 (SignetCliCollection, 1);

  collection->path = g_strdup (path);
  collection->is_folder = g_file_test (path, G_FILE_TEST_IS_DIR);
  collection->contents = collection->is_folder ? load_folder (path, error)
                                               : load_postman (path, error);
  if (collection->contents == NULL)
    return NULL;
  return g_steal_pointer (&collection);
}

void
signet_cli_collection_free (SignetCliCollection *collection)
{
  if (collection == NULL)
    return;

  g_free (collection->path);
  g_clear_object (&collection->contents);
  g_free (collection);
}

/* What an importer could not take as it was, one line each on stderr. */
void
signet_cli_print_import_warnings (SignetImportResult *contents)
{
  const char * const *warnings = signet_import_result_get_warnings (contents);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr (_("signet-cli: warning: %s\n"), warnings[i]);
}

/**
 * signet_cli_collection_dup_folder:
 * @collection: a collection
 * @index: a request's index
 *
 * Returns: (transfer full): the request's folder, nested Postman folders
 *   joined with "/", or "" at the top
 */
char *
signet_cli_collection_dup_folder (SignetCliCollection *collection,
                                  guint                index)
{
  const char * const *folder = signet_import_result_get_request_folder (collection->contents, index);

  return folder != NULL ? g_strjoinv ("/", (char **) folder) : g_strdup ("");
}

/**
 * signet_cli_collection_load_environment:
 * @collection: a collection
 * @name: for a Signet folder, the name of one of its environments; for a
 *   Postman file, the path of a Postman environment file
 *
 * Returns: (transfer full) (nullable): the environment
 */
SignetEnvironment *
signet_cli_collection_load_environment (SignetCliCollection  *collection,
                                        const char           *name,
                                        GError              **error)
{
  SignetEnvironment *environment;

  if (collection->is_folder)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (collection->path);
      g_autofree char *slug = signet_collection_slugify (name);
      g_autoptr(GAsyncResult) loaded = NULL;

      signet_environment_load_async (dir, slug, NULL, signet_cli_store_result, &loaded);
      environment = signet_environment_load_finish (signet_cli_wait_for (&loaded), error);
      if (environment == NULL)
        g_prefix_error (error, _("%s: environment “%s”: "), collection->path, name);
      return environment;
    }
  else
    {
      gsize length = 0;
      g_autofree char *text = signet_cli_read_text (name, &length, error);

      if (text == NULL)
        return NULL;
      environment = signet_import_postman_environment (text, length, error);
      if (environment == NULL)
        g_prefix_error (error, "%s: ", name);
      return environment;
    }
}
