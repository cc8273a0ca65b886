/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-collection-load.h"
#include "signet-collection.h"
#include "signet-error.h"
#include "signet-json-read.h"
#include "signet-request-json.h"

/**
 * SignetCollection:
 *
 * A folder of saved requests, laid out for git:
 *
 * |[
 * collection.json                 {"version": 1, "name": "Pets"}
 * environments/<name>.json        one file per environment
 * requests/<slug>.json            requests at the top
 * requests/<folder>/<slug>.json   requests in a folder
 * ]|
 *
 * Environments get files of their own, so that a team can add one, or
 * leave a personal one out of git, without touching a shared file.
 *
 * Every edit writes whole files with g_file_replace_contents() (a
 * temporary file renamed over the old one), so a crash mid-save leaves
 * the last saved version. A change that moves a request (rename, move)
 * writes the new file before it deletes the old one. The model changes
 * only once the files did.
 */
struct _SignetCollection
{
  GObject     parent_instance;

  GFile      *dir;
  char       *name;
  GListStore *items;
  GPtrArray  *folders;
  GPtrArray  *load_errors;
  /* Paths written by edits under way, so two edits never pick one slug. */
  GHashTable *pending_paths;
};

G_DEFINE_FINAL_TYPE (SignetCollection, signet_collection, G_TYPE_OBJECT)

typedef enum
{
  EDIT_ADD,
  EDIT_SAVE,
  EDIT_RELOCATE,
  EDIT_DELETE,
} EditKind;

/* One edit: at most one file written, then at most one deleted. */
typedef struct
{
  EditKind              kind;
  SignetCollectionItem *item;
  char                 *folder;
  char                 *slug;
  char                 *name;
  char                 *write_path;
  char                 *text;
  char                 *delete_path;
  GBytes               *info_text;
} Edit;

static void
edit_free (Edit *edit)
{
  g_clear_object (&edit->item);
  g_free (edit->folder);
  g_free (edit->slug);
  g_free (edit->name);
  g_free (edit->write_path);
  g_free (edit->text);
  g_free (edit->delete_path);
  g_clear_pointer (&edit->info_text, g_bytes_unref);
  g_free (edit);
}

SignetCollection *
signet_collection_new (GFile      *dir,
                       const char *name)
{
  SignetCollection *self;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  self = g_object_new (SIGNET_TYPE_COLLECTION, NULL);
  self->dir = g_object_ref (dir);
  self->name = name ? g_strdup (name) : g_file_get_basename (dir);
  return self;
}

/**
 * signet_collection_get_dir:
 *
 * Returns: (transfer none): the collection's folder
 */
GFile *
signet_collection_get_dir (SignetCollection *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION (self), NULL);
  return self->dir;
}

const char *
signet_collection_get_name (SignetCollection *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION (self), NULL);
  return self->name;
}

/**
 * signet_collection_get_items:
 *
 * The requests, as #SignetCollectionItem, sorted by folder (the top
 * first), then name: the sidebar's tree, flattened.
 *
 * Returns: (transfer none): the items
 */
GListModel *
signet_collection_get_items (SignetCollection *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * signet_collection_dup_folders:
 *
 * Returns: (transfer full): the folders, empty ones included, sorted
 */
char **
signet_collection_dup_folders (SignetCollection *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **folders;

  g_return_val_if_fail (SIGNET_IS_COLLECTION (self), NULL);

  for (guint i = 0; i < self->folders->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->folders, i));
  folders = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return folders;
}

/**
 * signet_collection_get_load_errors:
 *
 * The files the last load could not read, one #GError each, whose message
 * starts with the file's path inside the collection.
 *
 * Returns: (transfer none) (element-type GError): the errors
 */
GPtrArray *
signet_collection_get_load_errors (SignetCollection *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION (self), NULL);
  return self->load_errors;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SignetCollectionItem *item_a = (SignetCollectionItem *) a;
  SignetCollectionItem *item_b = (SignetCollectionItem *) b;
  int result = strcmp (signet_collection_item_get_folder (item_a),
                       signet_collection_item_get_folder (item_b));

  if (result == 0)
    result = g_utf8_collate (signet_collection_item_get_name (item_a),
                             signet_collection_item_get_name (item_b));
  if (result == 0)
    result = strcmp (signet_collection_item_get_slug (item_a),
                     signet_collection_item_get_slug (item_b));
  return result;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (SignetCollection *self,
            const char       *folder)
{
  if (folder[0] == '\0')
    return;
  for (guint i = 0; i < self->folders->len; i++)
    if (g_str_equal (g_ptr_array_index (self->folders, i), folder))
      return;
  g_ptr_array_add (self->folders, g_strdup (folder));
  g_ptr_array_sort (self->folders, compare_strings);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *dir = task_data;
  GError *error = NULL;
  SignetCollectionLoad *load = signet_collection_load_run (dir, cancellable, &error);

  if (load == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, load, (GDestroyNotify) signet_collection_load_free);
}

/**
 * signet_collection_load_async:
 *
 * Reads every file of the collection in a worker thread. Files that cannot
 * be read end up in signet_collection_get_load_errors(), not in the
 * result: the rest of the collection still loads.
 */
void
signet_collection_load_async (SignetCollection    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIGNET_IS_COLLECTION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_collection_load_async);
  g_task_set_task_data (task, g_object_ref (self->dir), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * signet_collection_load_finish:
 *
 * Returns: %TRUE when the folder could be read, even if some files could
 *   not; %FALSE with @error set when it could not be read at all
 */
gboolean
signet_collection_load_finish (SignetCollection  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_autoptr(SignetCollectionLoad) load = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_collection_load_async, FALSE);

  load = g_task_propagate_pointer (G_TASK (result), error);
  if (load == NULL)
    return FALSE;

  g_free (self->name);
  self->name = g_strdup (load->name);
  g_ptr_array_set_size (self->folders, 0);
  for (guint i = 0; i < load->folders->len; i++)
    g_ptr_array_add (self->folders, g_strdup (g_ptr_array_index (load->folders, i)));
  g_ptr_array_unref (self->load_errors);
  self->load_errors = g_ptr_array_ref (load->errors);

  g_list_store_remove_all (self->items);
  for (guint i = 0; i < load->items->len; i++)
    g_list_store_insert_sorted (self->items, g_ptr_array_index (load->items, i),
                                compare_items, NULL);
  return TRUE;
}

/**
 * signet_collection_slugify:
 * @name: a request's name
 *
 * Returns: (transfer full): a file name stem for @name: lowercase ASCII
 *   letters and digits, dashes between words, at most 60 bytes
 */
char *
signet_collection_slugify (const char *name)
{
  GString *slug = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; *p != '\0' && slug->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "request");
  return g_string_free (slug, FALSE);
}

static char *
item_path (const char *folder,
           const char *slug)
{
  g_autofree char *file = g_strconcat (slug, ".json", NULL);

  if (folder[0] == '\0')
    return g_build_filename ("requests", file, NULL);
  return g_build_filename ("requests", folder, file, NULL);
}

static gboolean
slug_taken (SignetCollection     *self,
            const char           *folder,
            const char           *slug,
            SignetCollectionItem *except)
{
  g_autofree char *path = item_path (folder, slug);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (g_hash_table_contains (self->pending_paths, path))
    return TRUE;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SignetCollectionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item != except &&
          g_str_equal (signet_collection_item_get_folder (item), folder) &&
          g_str_equal (signet_collection_item_get_slug (item), slug))
        return TRUE;
    }
  return FALSE;
}

/* A slug no other request in @folder has: "list-pets", "list-pets-2"… */
static char *
unique_slug (SignetCollection     *self,
             const char           *folder,
             const char           *name,
             SignetCollectionItem *except)
{
  g_autofree char *base = signet_collection_slugify (name);
  char *slug = g_strdup (base);

  for (guint n = 2; slug_taken (self, folder, slug, except); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }
  return slug;
}

/* A folder is one directory under requests/: a name a file system and
 * git both keep as is. */
static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  if (folder[0] == '.' || strchr (folder, '/') != NULL || strchr (folder, '\\') != NULL ||
      !g_utf8_validate (folder, -1, NULL))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("“%s” cannot be a folder name: it may not start with a dot or hold a slash"),
                   folder);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
collection_info_text (SignetCollection *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = signet_json_to_file_text (root);
  return g_bytes_new_take (text, strlen (text));
}

static gboolean
write_file (GFile         *dir,
            const char    *path,
            const char    *text,
            gsize          length,
            gboolean       only_if_missing,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (dir, path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (only_if_missing && g_file_query_exists (file, cancellable))
    return TRUE;

  if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A temporary file renamed over the old one: never half a file. */
  if (!g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

static void
edit_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SignetCollection *self = source_object;
  Edit *edit = task_data;
  GError *error = NULL;

  if (edit->info_text != NULL)
    {
      gsize length;
      const char *text = g_bytes_get_data (edit->info_text, &length);

      if (!write_file (self->dir, "collection.json", text, length, TRUE, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (edit->write_path != NULL &&
      !write_file (self->dir, edit->write_path, edit->text, strlen (edit->text), FALSE,
                   cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (edit->delete_path != NULL)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->dir, edit->delete_path);

      if (!g_file_delete (file, NULL, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_prefix_error (&error, "%s: ", edit->delete_path);
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }

  g_task_return_boolean (task, TRUE);
}

static void
apply_edit (SignetCollection *self,
            Edit             *edit)
{
  guint position;
  g_autofree char *current = NULL;
  SignetRequest *request = signet_collection_item_get_request (edit->item);

  switch (edit->kind)
    {
    case EDIT_ADD:
      signet_collection_item_set_location (edit->item, edit->folder, edit->slug, edit->name);
      add_folder (self, edit->folder);
      g_list_store_insert_sorted (self->items, edit->item, compare_items, NULL);
      break;

    case EDIT_RELOCATE:
      if (g_list_store_find (self->items, edit->item, &position))
        g_list_store_remove (self->items, position);
      signet_collection_item_set_location (edit->item, edit->folder, edit->slug, edit->name);
      add_folder (self, edit->folder);
      g_list_store_insert_sorted (self->items, edit->item, compare_items, NULL);
      break;

    case EDIT_DELETE:
      if (g_list_store_find (self->items, edit->item, &position))
        g_list_store_remove (self->items, position);
      return;

    case EDIT_SAVE:
    default:
      break;
    }

  /* Edits made while the file was written keep the request modified. */
  current = signet_request_to_json (request, edit->name);
  if (g_str_equal (current, edit->text))
    signet_request_set_modified (request, FALSE);
}

static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SignetCollection *self = SIGNET_COLLECTION (object);
  g_autoptr(GTask) task = user_data;
  Edit *edit = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (edit->write_path != NULL)
    g_hash_table_remove (self->pending_paths, edit->write_path);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  apply_edit (self, edit);
  g_task_return_pointer (task, g_object_ref (edit->item), g_object_unref);
}

static void
start_edit (SignetCollection    *self,
            Edit                *edit,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) worker = g_task_new (self, cancellable, edit_done_cb, task);

  g_task_set_source_tag (task, signet_collection_edit_finish);
  g_task_set_source_tag (worker, source_tag);

  if (edit->write_path != NULL)
    {
      edit->text = signet_request_to_json (signet_collection_item_get_request (edit->item),
                                           edit->name);
      g_hash_table_add (self->pending_paths, g_strdup (edit->write_path));
    }
  edit->info_text = collection_info_text (self);
  g_task_set_task_data (worker, edit, (GDestroyNotify) edit_free);
  g_task_run_in_thread (worker, edit_thread);
}

static Edit *
edit_new (EditKind              kind,
          SignetCollectionItem *item,
          const char           *folder,
          const char           *slug,
          const char           *name)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->item = g_object_ref (item);
  edit->folder = g_strdup (folder);
  edit->slug = g_strdup (slug);
  edit->name = g_strdup (name);
  return edit;
}

static void
return_error (SignetCollection    *self,
                      GError              *error,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, signet_collection_edit_finish);
  g_task_return_error (task, error);
}

/**
 * signet_collection_add_async:
 * @folder: "" for the top, or a folder name
 * @name: the request's name
 * @request: the request; the new item holds it
 *
 * Saves @request as a new file, named after @name. Finish with
 * signet_collection_edit_finish(), which gives the new item.
 */
void
signet_collection_add_async (SignetCollection    *self,
                             const char          *folder,
                             const char          *name,
                             SignetRequest       *request,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autofree char *slug = NULL;
  GError *error = NULL;
  Edit *edit;

  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (folder != NULL && name != NULL);
  g_return_if_fail (SIGNET_IS_REQUEST (request));

  if (!check_folder (folder, &error))
    {
      return_error (self, error, cancellable, callback, user_data);
      return;
    }

  slug = unique_slug (self, folder, name, NULL);
  item = signet_collection_item_new (folder, slug, name, request);
  edit = edit_new (EDIT_ADD, item, folder, slug, name);
  edit->write_path = item_path (folder, slug);
  start_edit (self, edit, signet_collection_add_async, cancellable, callback, user_data);
}

/**
 * signet_collection_save_async:
 *
 * Writes @item's request to its file, as it is now.
 */
void
signet_collection_save_async (SignetCollection     *self,
                              SignetCollectionItem *item,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  Edit *edit;

  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (item));

  edit = edit_new (EDIT_SAVE, item,
                   signet_collection_item_get_folder (item),
                   signet_collection_item_get_slug (item),
                   signet_collection_item_get_name (item));
  edit->write_path = signet_collection_item_dup_path (item);
  start_edit (self, edit, signet_collection_save_async, cancellable, callback, user_data);
}

/* Rename and move: the new file first, then the old one goes. */
static void
relocate (SignetCollection     *self,
          SignetCollectionItem *item,
          const char           *folder,
          const char           *name,
          gpointer              source_tag,
          GCancellable         *cancellable,
          GAsyncReadyCallback   callback,
          gpointer              user_data)
{
  g_autofree char *slug = NULL;
  g_autofree char *old_path = signet_collection_item_dup_path (item);
  GError *error = NULL;
  Edit *edit;

  if (!check_folder (folder, &error))
    {
      return_error (self, error, cancellable, callback, user_data);
      return;
    }

  slug = unique_slug (self, folder, name, item);
  edit = edit_new (EDIT_RELOCATE, item, folder, slug, name);
  edit->write_path = item_path (folder, slug);
  if (!g_str_equal (old_path, edit->write_path))
    edit->delete_path = g_steal_pointer (&old_path);
  start_edit (self, edit, source_tag, cancellable, callback, user_data);
}

void
signet_collection_rename_async (SignetCollection     *self,
                                SignetCollectionItem *item,
                                const char           *name,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (item));
  g_return_if_fail (name != NULL);

  relocate (self, item, signet_collection_item_get_folder (item), name,
            signet_collection_rename_async, cancellable, callback, user_data);
}

void
signet_collection_move_async (SignetCollection     *self,
                              SignetCollectionItem *item,
                              const char           *folder,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (item));
  g_return_if_fail (folder != NULL);

  relocate (self, item, folder, signet_collection_item_get_name (item),
            signet_collection_move_async, cancellable, callback, user_data);
}

/**
 * signet_collection_duplicate_async:
 *
 * Saves a copy of @item's request beside it, named "<name> copy".
 */
void
signet_collection_duplicate_async (SignetCollection     *self,
                                   SignetCollectionItem *item,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SignetRequest) copy = NULL;
  GError *error = NULL;

  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (item));

  /* The saved form is the definition of a request, so it copies one. */
  /* Translators: the name of a duplicated request; %s is the original's */
  name = g_strdup_printf (_("%s copy"), signet_collection_item_get_name (item));
  text = signet_request_to_json (signet_collection_item_get_request (item), name);
  copy = signet_request_from_json (text, -1, NULL, &error);
  if (copy == NULL)
    {
      return_error (self, error, cancellable, callback, user_data);
      return;
    }

  signet_collection_add_async (self, signet_collection_item_get_folder (item), name, copy,
                               cancellable, callback, user_data);
}

/**
 * signet_collection_delete_async:
 *
 * Deletes @item's file. signet_collection_edit_finish() gives @item back,
 * request and all, so that signet_collection_restore_async() can undo.
 */
void
signet_collection_delete_async (SignetCollection     *self,
                                SignetCollectionItem *item,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;
  Edit *edit;

  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (item));

  edit = edit_new (EDIT_DELETE, item,
                   signet_collection_item_get_folder (item),
                   signet_collection_item_get_slug (item),
                   signet_collection_item_get_name (item));
  edit->delete_path = signet_collection_item_dup_path (item);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_collection_edit_finish);
  worker = g_task_new (self, cancellable, edit_done_cb, task);
  g_task_set_source_tag (worker, signet_collection_delete_async);
  g_task_set_task_data (worker, edit, (GDestroyNotify) edit_free);
  g_task_run_in_thread (worker, edit_thread);
}

/**
 * signet_collection_restore_async:
 * @item: an item signet_collection_delete_async() gave back
 *
 * Undoes a delete: saves @item again, under its old file name when no
 * other request took it since.
 */
void
signet_collection_restore_async (SignetCollection     *self,
                                 SignetCollectionItem *item,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  const char *folder;
  const char *slug;
  g_autofree char *new_slug = NULL;
  Edit *edit;

  g_return_if_fail (SIGNET_IS_COLLECTION (self));
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (item));

  folder = signet_collection_item_get_folder (item);
  slug = signet_collection_item_get_slug (item);
  if (slug_taken (self, folder, slug, item))
    new_slug = unique_slug (self, folder, signet_collection_item_get_name (item), item);

  edit = edit_new (EDIT_ADD, item, folder, new_slug ? new_slug : slug,
                   signet_collection_item_get_name (item));
  edit->write_path = item_path (folder, edit->slug);
  start_edit (self, edit, signet_collection_restore_async, cancellable, callback, user_data);
}

/**
 * signet_collection_edit_finish:
 *
 * Finishes any edit: add, save, rename, move, duplicate, delete, restore.
 *
 * Returns: (transfer full): the item edited (the new one for add and
 *   duplicate, the removed one for delete), or %NULL with @error set
 */
SignetCollectionItem *
signet_collection_edit_finish (SignetCollection  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_collection_edit_finish, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
signet_collection_finalize (GObject *object)
{
  SignetCollection *self = SIGNET_COLLECTION (object);

  g_clear_object (&self->dir);
  g_free (self->name);
  g_clear_object (&self->items);
  g_ptr_array_unref (self->folders);
  g_ptr_array_unref (self->load_errors);
  g_hash_table_unref (self->pending_paths);

  G_OBJECT_CLASS (signet_collection_parent_class)->finalize (object);
}

static void
signet_collection_class_init (SignetCollectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_collection_finalize;
}

static void
signet_collection_init (SignetCollection *self)
{
  self->items = g_list_store_new (SIGNET_TYPE_COLLECTION_ITEM);
  self->folders = g_ptr_array_new_with_free_func (g_free);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->pending_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
