/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-collection-load.h"
#include "signet-environment.h"
#include "signet-error.h"

/* environments/<slug>.json in a collection folder, read and written in a
 * worker thread. A save replaces the file atomically (a temporary file
 * renamed over the old one); errors start with the file's path inside the
 * collection folder. */

static char *
environment_path (const char *slug)
{
  g_autofree char *file = g_strconcat (slug, ".json", NULL);

  return g_build_filename ("environments", file, NULL);
}

typedef struct
{
  GFile *dir;
  char  *path;
  char  *text;
} FileData;

static void
file_data_free (FileData *data)
{
  g_clear_object (&data->dir);
  g_free (data->path);
  g_free (data->text);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FileData *data = task_data;
  g_autoptr(GFile) file = g_file_resolve_relative_path (data->dir, data->path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  GError *error = NULL;

  if (!g_file_make_directory_with_parents (parent, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        goto failed;
      g_clear_error (&error);
    }

  /* A temporary file renamed over the old one: never half a file. */
  if (!g_file_replace_contents (file, data->text, strlen (data->text), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &error))
    goto failed;

  g_task_return_boolean (task, TRUE);
  return;

failed:
  g_prefix_error (&error, "%s: ", data->path);
  g_task_return_error (task, error);
}

/**
 * signet_environment_save_async:
 * @self: a #SignetEnvironment
 * @collection_dir: the collection folder
 *
 * Writes `environments/<slug>.json`, without the values of secret
 * variables. The text is taken now: later edits are not part of the save.
 */
void
signet_environment_save_async (SignetEnvironment   *self,
                               GFile               *collection_dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *slug = NULL;
  FileData *data;

  g_return_if_fail (SIGNET_IS_ENVIRONMENT (self));
  g_return_if_fail (G_IS_FILE (collection_dir));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_environment_save_async);

  slug = signet_environment_dup_slug (self);
  data = g_new0 (FileData, 1);
  data->dir = g_object_ref (collection_dir);
  data->path = environment_path (slug);
  data->text = signet_environment_to_json (self);
  g_task_set_task_data (task, data, (GDestroyNotify) file_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
signet_environment_save_finish (SignetEnvironment  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_environment_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FileData *data = task_data;
  g_autofree char *contents = NULL;
  SignetEnvironment *environment;
  GError *error = NULL;
  gsize length = 0;

  contents = signet_collection_read_file (data->dir, data->path, &length, cancellable, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  environment = signet_environment_from_json (contents, length, &error);
  if (environment == NULL)
    {
      g_prefix_error (&error, "%s: ", data->path);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, environment, g_object_unref);
}

/**
 * signet_environment_load_async:
 * @collection_dir: the collection folder
 * @slug: the stem of the file name, as signet_environment_dup_slug() gives
 *
 * Reads `environments/<slug>.json`.
 */
void
signet_environment_load_async (GFile               *collection_dir,
                               const char          *slug,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FileData *data;

  g_return_if_fail (G_IS_FILE (collection_dir));
  g_return_if_fail (slug != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_environment_load_async);

  if (slug[0] == '\0' || slug[0] == '.' || strpbrk (slug, "/\\") != NULL)
    {
      g_task_return_new_error (task, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                               _("“%s” is not the name of an environment file"), slug);
      return;
    }

  data = g_new0 (FileData, 1);
  data->dir = g_object_ref (collection_dir);
  data->path = environment_path (slug);
  g_task_set_task_data (task, data, (GDestroyNotify) file_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * signet_environment_load_finish:
 *
 * Returns: (transfer full): the environment, or %NULL with @error set;
 *   errors start with the file's path in the collection folder
 */
SignetEnvironment *
signet_environment_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_environment_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
