/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-collection-load.h"
#include "signet-environment-list.h"
#include "signet-environment-secret.h"
#include "signet-secure-memory.h"

/**
 * SignetEnvironmentList:
 *
 * A collection's environments, `environments/<name>.json` in its folder, as
 * the header bar's switcher and the editor show them. Secret variables'
 * values come from the keyring once the files are read, and go back to
 * it on save: never into the files.
 */
struct _SignetEnvironmentList
{
  GObject     parent_instance;

  GFile      *dir;
  GListStore *environments;
  GPtrArray  *load_errors;
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (SignetEnvironmentList, signet_environment_list, G_TYPE_OBJECT)

SignetEnvironmentList *
signet_environment_list_new (GFile *collection_dir)
{
  SignetEnvironmentList *self;

  g_return_val_if_fail (G_IS_FILE (collection_dir), NULL);

  self = g_object_new (SIGNET_TYPE_ENVIRONMENT_LIST, NULL);
  self->dir = g_object_ref (collection_dir);
  return self;
}

/**
 * signet_environment_list_get_model:
 *
 * Returns: (transfer none): the #SignetEnvironment objects, sorted by file name
 */
GListModel *
signet_environment_list_get_model (SignetEnvironmentList *self)
{
  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT_LIST (self), NULL);
  return G_LIST_MODEL (self->environments);
}

/**
 * signet_environment_list_get_load_errors:
 *
 * Returns: (transfer none) (element-type GError): the files the last load
 *   could not read, each error naming its file
 */
GPtrArray *
signet_environment_list_get_load_errors (SignetEnvironmentList *self)
{
  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT_LIST (self), NULL);
  return self->load_errors;
}

gboolean
signet_environment_list_get_loaded (SignetEnvironmentList *self)
{
  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT_LIST (self), FALSE);
  return self->loaded;
}

/**
 * signet_environment_list_find:
 *
 * Returns: (transfer none) (nullable): the environment named @name
 */
SignetEnvironment *
signet_environment_list_find (SignetEnvironmentList *self,
                              const char            *name)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->environments));

  for (guint i = 0; name != NULL && i < n_items; i++)
    {
      g_autoptr(SignetEnvironment) environment = g_list_model_get_item (G_LIST_MODEL (self->environments), i);

      if (g_str_equal (signet_environment_get_name (environment), name))
        return environment;
    }
  return NULL;
}

typedef struct
{
  GPtrArray *environments;
  GPtrArray *errors;
  guint      pending;
} Load;

static void
load_free (Load *load)
{
  g_ptr_array_unref (load->environments);
  g_ptr_array_unref (load->errors);
  g_free (load);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every environments/<name>.json, read and parsed; in a worker thread. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *dir = task_data;
  g_autoptr(GFile) folder = g_file_get_child (dir, "environments");
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Load *load = g_new0 (Load, 1);
  GError *error = NULL;

  load->environments = g_ptr_array_new_with_free_func (g_object_unref);
  load->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (enumerator != NULL)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, NULL) || info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (name[0] != '.' && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename ("environments", g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      SignetEnvironment *environment = NULL;
      gsize length = 0;

      contents = signet_collection_read_file (dir, path, &length, cancellable, &error);
      if (contents != NULL)
        {
          environment = signet_environment_from_json (contents, length, &error);
          if (environment == NULL)
            g_prefix_error (&error, "%s: ", path);
        }
      if (environment != NULL)
        g_ptr_array_add (load->environments, environment);
      else
        g_ptr_array_add (load->errors, g_steal_pointer (&error));
    }

  g_task_return_pointer (task, load, (GDestroyNotify) load_free);
}

/* One secret variable's value on its way from the keyring. */
typedef struct
{
  GTask             *task;
  SignetEnvironment *environment;
  char              *name;
} SecretLookup;

static void
finish_load (GTask *task)
{
  SignetEnvironmentList *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);

  g_ptr_array_unref (self->load_errors);
  self->load_errors = g_ptr_array_ref (load->errors);
  g_list_store_splice (self->environments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->environments)),
                       load->environments->pdata, load->environments->len);
  self->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
secret_looked_up_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SecretLookup *lookup = user_data;
  g_autoptr(GTask) task = lookup->task;
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *value = signet_environment_secret_lookup_finish (result, &error);

  /* a secret not in the keyring stays unknown: sending says so */
  if (value != NULL)
    signet_environment_set_variable (lookup->environment, lookup->name, value, TRUE);
  else if (error != NULL)
    g_ptr_array_add (load->errors, g_steal_pointer (&error));
  signet_secure_free_string (value);
  g_object_unref (lookup->environment);
  g_free (lookup->name);
  g_free (lookup);

  if (--load->pending == 0)
    finish_load (task);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignetEnvironmentList *self = SIGNET_ENVIRONMENT_LIST (source);
  GError *error = NULL;
  Load *load = g_task_propagate_pointer (G_TASK (result), &error);

  if (load == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);

  /* one more than the lookups, dropped below: done when all are back */
  load->pending = 1;
  for (guint i = 0; i < load->environments->len; i++)
    {
      SignetEnvironment *environment = g_ptr_array_index (load->environments, i);
      g_autofree char *slug = signet_environment_dup_slug (environment);

      for (guint j = 0; j < signet_environment_get_n_variables (environment); j++)
        {
          SecretLookup *lookup;

          if (!signet_environment_get_variable_secret (environment, j))
            continue;
          lookup = g_new0 (SecretLookup, 1);
          lookup->task = g_object_ref (task);
          lookup->environment = g_object_ref (environment);
          lookup->name = g_strdup (signet_environment_get_variable_name (environment, j));
          load->pending++;
          signet_environment_secret_lookup_async (self->dir, slug, lookup->name,
                                                  g_task_get_cancellable (task),
                                                  secret_looked_up_cb, lookup);
        }
    }
  if (--load->pending == 0)
    finish_load (task);
}

/**
 * signet_environment_list_load_async:
 *
 * Reads the environment files in a worker thread, then the secret
 * values from the keyring. A file that cannot be read is left out and
 * named in signet_environment_list_get_load_errors().
 */
void
signet_environment_list_load_async (SignetEnvironmentList *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (SIGNET_IS_ENVIRONMENT_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_environment_list_load_async);
  worker = g_task_new (self, cancellable, loaded_cb, task);
  g_task_set_task_data (worker, g_object_ref (self->dir), g_object_unref);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
signet_environment_list_load_finish (SignetEnvironmentList  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_environment_list_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  SignetEnvironment *environment;
  guint              pending;
  GError            *error;
} Save;

static void
save_free (Save *save)
{
  g_object_unref (save->environment);
  g_clear_error (&save->error);
  g_free (save);
}

static void
save_step_done (GTask *task)
{
  SignetEnvironmentList *self = g_task_get_source_object (task);
  Save *save = g_task_get_task_data (task);
  guint position;

  if (--save->pending > 0)
    return;
  if (save->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&save->error));
      return;
    }
  if (!g_list_store_find (self->environments, save->environment, &position))
    g_list_store_append (self->environments, save->environment);
  g_task_return_boolean (task, TRUE);
}

static void
file_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (!signet_environment_save_finish (SIGNET_ENVIRONMENT (source), result, &error))
    {
      if (save->error == NULL)
        save->error = error;
      else
        g_error_free (error);
    }
  save_step_done (task);
}

static void
secret_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (!signet_environment_secret_store_finish (result, &error))
    {
      if (save->error == NULL)
        save->error = error;
      else
        g_error_free (error);
    }
  save_step_done (task);
}

/**
 * signet_environment_list_save_async:
 * @environment: an environment of the list, or a new one to add
 *
 * Writes the environment's file (secret variables by name only) and
 * keeps the secret values in the keyring.
 */
void
signet_environment_list_save_async (SignetEnvironmentList *self,
                                    SignetEnvironment     *environment,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *slug = NULL;
  Save *save;

  g_return_if_fail (SIGNET_IS_ENVIRONMENT_LIST (self));
  g_return_if_fail (SIGNET_IS_ENVIRONMENT (environment));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_environment_list_save_async);
  save = g_new0 (Save, 1);
  save->environment = g_object_ref (environment);
  save->pending = 1;
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);

  slug = signet_environment_dup_slug (environment);
  for (guint i = 0; i < signet_environment_get_n_variables (environment); i++)
    {
      const char *value = signet_environment_get_variable_value (environment, i);

      if (!signet_environment_get_variable_secret (environment, i) || value == NULL)
        continue;
      save->pending++;
      signet_environment_secret_store_async (self->dir, slug,
                                             signet_environment_get_variable_name (environment, i),
                                             value, cancellable, secret_stored_cb,
                                             g_object_ref (task));
    }
  signet_environment_save_async (environment, self->dir, cancellable, file_saved_cb,
                                 g_steal_pointer (&task));
}

gboolean
signet_environment_list_save_finish (SignetEnvironmentList  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_environment_list_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
signet_environment_list_finalize (GObject *object)
{
  SignetEnvironmentList *self = SIGNET_ENVIRONMENT_LIST (object);

  g_clear_object (&self->dir);
  g_clear_object (&self->environments);
  g_ptr_array_unref (self->load_errors);

  G_OBJECT_CLASS (signet_environment_list_parent_class)->finalize (object);
}

static void
signet_environment_list_class_init (SignetEnvironmentListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_environment_list_finalize;
}

static void
signet_environment_list_init (SignetEnvironmentList *self)
{
  self->environments = g_list_store_new (SIGNET_TYPE_ENVIRONMENT);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}
