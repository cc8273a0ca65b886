/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-collection-list.h"

/**
 * SignetCollectionList:
 *
 * The collections open in the application, shared by its windows: every
 * folder under the default folder (`$XDG_DATA_HOME/signet/collections`)
 * and the folders the user opened elsewhere, whose paths the
 * `collection-folders` setting remembers (paths only: UI state).
 *
 * A collection joins the model once it has loaded, so the sidebar builds
 * its rows once, not once per file.
 */
struct _SignetCollectionList
{
  GObject     parent_instance;

  /* May be NULL: then nothing is remembered. */
  GSettings  *settings;
  GFile      *default_dir;
  GListStore *collections;
  /* Folders whose load is under way, so one folder loads once. */
  GPtrArray  *loading;
};

G_DEFINE_FINAL_TYPE (SignetCollectionList, signet_collection_list, G_TYPE_OBJECT)

enum {
  OPEN_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * signet_collection_list_new:
 * @settings: (nullable): where opened folders are remembered
 * @default_dir: the folder whose subfolders are collections
 */
SignetCollectionList *
signet_collection_list_new (GSettings *settings,
                            GFile     *default_dir)
{
  SignetCollectionList *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_FILE (default_dir), NULL);

  self = g_object_new (SIGNET_TYPE_COLLECTION_LIST, NULL);
  g_set_object (&self->settings, settings);
  self->default_dir = g_object_ref (default_dir);
  return self;
}

/**
 * signet_collection_list_new_default:
 * @settings: (nullable): where opened folders are remembered
 *
 * A list whose default folder is `$XDG_DATA_HOME/signet/collections`.
 */
SignetCollectionList *
signet_collection_list_new_default (GSettings *settings)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "signet", "collections", NULL);
  g_autoptr(GFile) default_dir = g_file_new_for_path (path);

  return signet_collection_list_new (settings, default_dir);
}

/**
 * signet_collection_list_get_model:
 *
 * Returns: (transfer none): the open #SignetCollection objects
 */
GListModel *
signet_collection_list_get_model (SignetCollectionList *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION_LIST (self), NULL);
  return G_LIST_MODEL (self->collections);
}

/**
 * signet_collection_list_get_default_dir:
 *
 * Returns: (transfer none): where new collections go
 */
GFile *
signet_collection_list_get_default_dir (SignetCollectionList *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION_LIST (self), NULL);
  return self->default_dir;
}

/**
 * signet_collection_list_find:
 *
 * Returns: (transfer none) (nullable): the open collection in @dir
 */
SignetCollection *
signet_collection_list_find (SignetCollectionList *self,
                             GFile                *dir)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->collections));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SignetCollection) collection = g_list_model_get_item (G_LIST_MODEL (self->collections), i);

      if (g_file_equal (signet_collection_get_dir (collection), dir))
        return collection;
    }
  return NULL;
}

static void
remember (SignetCollectionList *self,
          GFile                *dir)
{
  g_autoptr(GFile) parent = g_file_get_parent (dir);
  g_auto(GStrv) folders = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *path = g_file_get_path (dir);
  g_auto(GStrv) updated = NULL;

  /* the default folder's collections are found again without help */
  if (self->settings == NULL || path == NULL ||
      (parent != NULL && g_file_equal (parent, self->default_dir)))
    return;

  folders = g_settings_get_strv (self->settings, "collection-folders");
  if (g_strv_contains ((const char * const *) folders, path))
    return;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) folders);
  g_strv_builder_add (builder, path);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "collection-folders", (const char * const *) updated);
}

static void
add_collection (SignetCollectionList *self,
                SignetCollection     *collection)
{
  if (signet_collection_list_find (self, signet_collection_get_dir (collection)) != NULL)
    return;
  g_list_store_append (self->collections, collection);
  remember (self, signet_collection_get_dir (collection));
}

static gboolean
is_loading (SignetCollectionList *self,
            GFile                *dir)
{
  for (guint i = 0; i < self->loading->len; i++)
    if (g_file_equal (g_ptr_array_index (self->loading, i), dir))
      return TRUE;
  return FALSE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SignetCollection *collection = SIGNET_COLLECTION (source);
  g_autoptr(GTask) task = user_data;
  SignetCollectionList *self = g_task_get_source_object (task);
  GError *error = NULL;

  g_ptr_array_remove (self->loading, signet_collection_get_dir (collection));
  if (!signet_collection_load_finish (collection, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  add_collection (self, collection);
  g_task_return_pointer (task, g_object_ref (collection), g_object_unref);
}

/**
 * signet_collection_list_open_async:
 * @dir: a collection folder
 *
 * Loads @dir and adds it to the model, or gives the collection already
 * open there. Files that could not be read are in the collection's
 * signet_collection_get_load_errors().
 */
void
signet_collection_list_open_async (SignetCollectionList *self,
                                   GFile                *dir,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SignetCollection) collection = NULL;
  SignetCollection *open;

  g_return_if_fail (SIGNET_IS_COLLECTION_LIST (self));
  g_return_if_fail (G_IS_FILE (dir));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_collection_list_open_async);

  open = signet_collection_list_find (self, dir);
  if (open != NULL)
    {
      g_task_return_pointer (task, g_object_ref (open), g_object_unref);
      return;
    }
  if (is_loading (self, dir))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The collection is still opening"));
      return;
    }

  g_ptr_array_add (self->loading, g_object_ref (dir));
  collection = signet_collection_new (dir, NULL);
  signet_collection_load_async (collection, cancellable, loaded_cb, g_steal_pointer (&task));
}

/**
 * signet_collection_list_open_finish:
 *
 * Returns: (transfer full): the collection, or %NULL with @error set
 */
SignetCollection *
signet_collection_list_open_finish (SignetCollectionList  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_collection_list_open_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
restored_one_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SignetCollectionList *self = SIGNET_COLLECTION_LIST (source);
  g_autoptr(SignetCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = signet_collection_list_open_finish (self, result, &error);
  if (collection == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    g_signal_emit (self, signals[OPEN_FAILED], 0, error);
}

/* The default folder's subfolders, sorted; in a worker thread. */
static void
list_default_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *default_dir = task_data;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (default_dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  while (enumerator != NULL)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &error) ||
          info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY &&
          g_file_info_get_name (info)[0] != '.')
        g_ptr_array_add (dirs, g_object_ref (child));
    }

  /* a missing default folder is only a first run */
  g_task_return_pointer (task, g_steal_pointer (&dirs), (GDestroyNotify) g_ptr_array_unref);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile * const *) b);

  return g_utf8_collate (name_a, name_b);
}

static void
default_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SignetCollectionList *self = SIGNET_COLLECTION_LIST (source);
  g_autoptr(GPtrArray) dirs = g_task_propagate_pointer (G_TASK (result), NULL);
  g_auto(GStrv) remembered = NULL;

  if (dirs == NULL)
    return;
  g_ptr_array_sort (dirs, compare_files);
  for (guint i = 0; i < dirs->len; i++)
    signet_collection_list_open_async (self, g_ptr_array_index (dirs, i), NULL,
                                       restored_one_cb, NULL);

  if (self->settings == NULL)
    return;
  remembered = g_settings_get_strv (self->settings, "collection-folders");
  for (guint i = 0; remembered[i] != NULL; i++)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (remembered[i]);

      signet_collection_list_open_async (self, dir, NULL, restored_one_cb, NULL);
    }
}

/**
 * signet_collection_list_restore:
 *
 * Opens the default folder's collections, then the remembered folders.
 * A folder that cannot be opened emits #SignetCollectionList::open-failed.
 */
void
signet_collection_list_restore (SignetCollectionList *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIGNET_IS_COLLECTION_LIST (self));

  task = g_task_new (self, NULL, default_listed_cb, NULL);
  g_task_set_source_tag (task, signet_collection_list_restore);
  g_task_set_task_data (task, g_object_ref (self->default_dir), g_object_unref);
  g_task_run_in_thread (task, list_default_thread);
}

/* A new folder under the default one: "my-api", else "my-api-2"… */
static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SignetCollectionList *self = source_object;
  const char *name = task_data;
  g_autofree char *slug = signet_collection_slugify (name);

  g_file_make_directory_with_parents (self->default_dir, cancellable, NULL);
  for (guint n = 1; ; n++)
    {
      g_autofree char *stem = n == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, n);
      g_autoptr(GFile) dir = g_file_get_child (self->default_dir, stem);
      GError *error = NULL;

      if (g_file_make_directory (dir, cancellable, &error))
        {
          g_task_return_pointer (task, g_steal_pointer (&dir), g_object_unref);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_task_return_error (task, error);
          return;
        }
      g_error_free (error);
    }
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SignetCollectionList *self = SIGNET_COLLECTION_LIST (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(SignetCollection) collection = NULL;
  g_autoptr(GFile) dir = NULL;
  GError *error = NULL;

  dir = g_task_propagate_pointer (G_TASK (result), &error);
  if (dir == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Empty, so nothing to load; collection.json, with the name, is
   * written with the first request saved. */
  collection = signet_collection_new (dir, g_task_get_task_data (task));
  add_collection (self, collection);
  g_task_return_pointer (task, g_steal_pointer (&collection), g_object_unref);
}

/**
 * signet_collection_list_create_async:
 * @name: the collection's name, as the sidebar shows it
 *
 * Makes a new, empty collection in a new folder under the default folder.
 */
void
signet_collection_list_create_async (SignetCollectionList *self,
                                     const char           *name,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (SIGNET_IS_COLLECTION_LIST (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_collection_list_create_async);
  g_task_set_task_data (task, g_strdup (name), g_free);
  worker = g_task_new (self, cancellable, created_cb, task);
  g_task_set_task_data (worker, g_strdup (name), g_free);
  g_task_run_in_thread (worker, create_thread);
}

/**
 * signet_collection_list_create_finish:
 *
 * Returns: (transfer full): the new collection, or %NULL with @error set
 */
SignetCollection *
signet_collection_list_create_finish (SignetCollectionList  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_collection_list_create_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
signet_collection_list_finalize (GObject *object)
{
  SignetCollectionList *self = SIGNET_COLLECTION_LIST (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->default_dir);
  g_clear_object (&self->collections);
  g_ptr_array_unref (self->loading);

  G_OBJECT_CLASS (signet_collection_list_parent_class)->finalize (object);
}

static void
signet_collection_list_class_init (SignetCollectionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_collection_list_finalize;

  /**
   * SignetCollectionList::open-failed:
   * @error: why
   *
   * A folder signet_collection_list_restore() opens could not be read.
   */
  signals[OPEN_FAILED] =
    g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
signet_collection_list_init (SignetCollectionList *self)
{
  self->collections = g_list_store_new (SIGNET_TYPE_COLLECTION);
  self->loading = g_ptr_array_new_with_free_func (g_object_unref);
}
