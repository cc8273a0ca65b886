/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-environment.h"
#include "signet-import-save.h"

/* An import result written as a new Signet collection folder: the
 * requests one file each, the source's variables in the environment
 * "imported". Secrets the import found are never written: the caller
 * offers them for the keyring. `signet-cli import` and the window's
 * Import both come here. */

/**
 * signet_import_save_check_dir:
 * @dir: where an import is to be written
 *
 * An import never writes over a folder: @dir must be new or empty.
 *
 * Returns: %TRUE when @dir can take an import; else a
 *   %G_IO_ERROR_EXISTS naming it
 */
gboolean
signet_import_save_check_dir (GFile         *dir,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFileInfo) child = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = g_file_get_parse_name (dir);

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", shown,
                   local_error->message);
      return FALSE;
    }
  child = g_file_enumerator_next_file (children, cancellable, NULL);
  if (child != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is not empty: import into a new folder"), shown);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  SignetImportResult *imported;
  SignetCollection   *collection;
  SignetEnvironment  *environment;
  /* the next request to write */
  guint               next;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->imported);
  g_clear_object (&data->collection);
  g_clear_object (&data->environment);
  g_free (data);
}

/* A Signet collection has one level of folders, named as files are:
 * nested folders are joined with " - ", and slashes become dashes. */
static char *
dup_signet_folder (const char * const *folder)
{
  g_autofree char *joined = NULL;

  if (folder == NULL || folder[0] == NULL)
    return g_strdup ("");
  joined = g_strjoinv (" - ", (char **) folder);
  g_strdelimit (joined, "/\\", '-');
  if (joined[0] == '.')
    joined[0] = '_';
  return g_steal_pointer (&joined);
}

static void
check_dir_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (signet_import_save_check_dir (signet_collection_get_dir (data->collection), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
environment_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (signet_environment_save_finish (SIGNET_ENVIRONMENT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The source's variables, none of them secret: the importer kept its
 * secrets apart. */
static void
save_variables (GTask *task)
{
  SaveData *data = g_task_get_task_data (task);
  GListModel *variables = signet_import_result_get_variables (data->imported);

  if (g_list_model_get_n_items (variables) == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  data->environment = signet_environment_new (SIGNET_IMPORT_ENVIRONMENT);
  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (variables, i);

      signet_environment_set_variable (data->environment, signet_request_row_get_name (row),
                                       signet_request_row_get_value (row), FALSE);
    }
  signet_environment_save_async (data->environment, signet_collection_get_dir (data->collection),
                                 g_task_get_cancellable (task), environment_saved_cb, task);
}

static void save_next_request (GTask *task);

static void
request_added_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(SignetCollectionItem) item = NULL;
  GError *error = NULL;

  item = signet_collection_edit_finish (SIGNET_COLLECTION (source), result, &error);
  if (item == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  save_next_request (task);
}

/* One request after the other: the collection names each file after the
 * ones already there. */
static void
save_next_request (GTask *task)
{
  SaveData *data = g_task_get_task_data (task);
  guint i = data->next;
  g_autofree char *folder = NULL;

  if (i >= signet_import_result_get_n_requests (data->imported))
    {
      save_variables (task);
      return;
    }
  data->next++;
  folder = dup_signet_folder (signet_import_result_get_request_folder (data->imported, i));
  signet_collection_add_async (data->collection, folder,
                               signet_import_result_get_request_name (data->imported, i),
                               signet_import_result_get_request (data->imported, i),
                               g_task_get_cancellable (task), request_added_cb, task);
}

static void
dir_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  save_next_request (task);
}

/**
 * signet_import_save_async:
 * @imported: what an importer read
 * @dir: the collection folder to write: new or empty
 * @name: (nullable): the collection's name; %NULL for the source's, else
 *   the folder's
 *
 * Writes @imported as a new Signet collection in @dir, its variables in
 * the environment "imported". No secret is written.
 */
void
signet_import_save_async (SignetImportResult  *imported,
                          GFile               *dir,
                          const char          *name,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) check = NULL;
  g_autofree char *basename = NULL;
  SaveData *data;

  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (imported));
  g_return_if_fail (G_IS_FILE (dir));

  if (name == NULL || name[0] == '\0')
    name = signet_import_result_get_name (imported);
  if (name == NULL || name[0] == '\0')
    name = basename = g_file_get_basename (dir);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_import_save_async);
  data = g_new0 (SaveData, 1);
  data->imported = g_object_ref (imported);
  data->collection = signet_collection_new (dir, name);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  check = g_task_new (NULL, cancellable, dir_checked_cb, task);
  g_task_set_source_tag (check, signet_import_save_async);
  g_task_set_task_data (check, data, NULL);
  g_task_run_in_thread (check, check_dir_thread);
}

/**
 * signet_import_save_finish:
 *
 * Returns: %TRUE once the collection is written; %FALSE with @error set
 *   (%G_IO_ERROR_EXISTS for a folder that is not empty)
 */
gboolean
signet_import_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_import_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * signet_import_result_from_collection:
 * @collection: a loaded collection
 *
 * The other way round, for the exporters: @collection's name, folders
 * and requests (the requests are shared, not copied).
 *
 * Returns: (transfer full): @collection as an import result
 */
SignetImportResult *
signet_import_result_from_collection (SignetCollection *collection)
{
  g_autoptr(SignetImportResult) contents = signet_import_result_new ();
  g_auto(GStrv) folders = NULL;
  GListModel *items;

  g_return_val_if_fail (SIGNET_IS_COLLECTION (collection), NULL);

  signet_import_result_set_name (contents, signet_collection_get_name (collection));
  folders = signet_collection_dup_folders (collection);
  for (guint i = 0; folders[i] != NULL; i++)
    {
      const char *folder_path[] = { folders[i], NULL };

      signet_import_result_add_folder (contents, folder_path);
    }
  items = signet_collection_get_items (collection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, i);
      const char *folder = signet_collection_item_get_folder (item);
      const char *folder_path[] = { folder, NULL };

      signet_import_result_add_request (contents, folder[0] != '\0' ? folder_path : NULL,
                                        signet_collection_item_get_name (item),
                                        signet_collection_item_get_request (item),
                                        SIGNET_IMPORT_PROTECTION_UNKNOWN);
    }
  return g_steal_pointer (&contents);
}

/**
 * signet_import_result_add_environment:
 * @environment: an environment of the collection
 *
 * Adds @environment's variables, but the secret ones (which hold no saved
 * value), to @contents's: a Postman file has no environments of its own.
 */
void
signet_import_result_add_environment (SignetImportResult *contents,
                                      SignetEnvironment  *environment)
{
  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (contents));
  g_return_if_fail (SIGNET_IS_ENVIRONMENT (environment));

  for (guint i = 0; i < signet_environment_get_n_variables (environment); i++)
    if (!signet_environment_get_variable_secret (environment, i))
      signet_import_result_add_variable (contents,
                                         signet_environment_get_variable_name (environment, i),
                                         signet_environment_get_variable_value (environment, i));
}
