/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-error.h"
#include "signet-history.h"
#include "signet-json-read.h"
#include "signet-request-json.h"

/**
 * SignetHistory:
 *
 * The requests sent, newest first, as a #GListModel of
 * #SignetHistoryEntry, kept in one JSON file (by default
 * `$XDG_DATA_HOME/signet/history.json`) and bounded by
 * #SignetHistory:max-entries.
 *
 * Reads and writes happen in a worker thread. Once loaded, every change is
 * saved: the file is replaced atomically (a temporary file renamed over the
 * old one, readable by the user only), and when saves overlap the newest
 * list is the one that stays. A file that cannot be read is moved aside to
 * `history.json.bad` and a new history begins.
 */

struct _SignetHistory
{
  GObject    parent_instance;

  GFile     *file;
  GPtrArray *entries;          /* SignetHistoryEntry, newest first */
  guint      max_entries;
  char      *error;
  gboolean   error_is_save;
  /* Saves start only after a load, so they never replace a file not yet read. */
  gboolean   loaded;

  /* Each save carries the list's generation; the write lock keeps an older
   * list from replacing a newer one written by a save that ran first. */
  guint64    generation;
  GMutex     write_lock;
  guint64    written_generation;
  guint      n_saving;
};

static void signet_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SignetHistory, signet_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      signet_history_list_model_init))

enum {
  PROP_0,
  PROP_FILE,
  PROP_MAX_ENTRIES,
  PROP_ERROR,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
signet_history_get_item_type (GListModel *model)
{
  return SIGNET_TYPE_HISTORY_ENTRY;
}

static guint
signet_history_get_n_items (GListModel *model)
{
  return SIGNET_HISTORY (model)->entries->len;
}

static gpointer
signet_history_get_item (GListModel *model,
                         guint       position)
{
  SignetHistory *self = SIGNET_HISTORY (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
signet_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = signet_history_get_item_type;
  iface->get_n_items = signet_history_get_n_items;
  iface->get_item = signet_history_get_item;
}

static void
set_error (SignetHistory *self,
           const char    *message,
           gboolean       is_save)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  self->error_is_save = is_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Saving */

typedef struct
{
  GPtrArray *entries;
  guint64    generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_ptr_array_unref (data->entries);
  g_free (data);
}

static char *
history_to_text (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SIGNET_HISTORY_JSON_VERSION);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    json_builder_add_value (builder, signet_history_entry_to_json_node (g_ptr_array_index (entries, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return signet_json_to_file_text (root);
}

static gboolean
write_file (GFile         *file,
            const char    *text,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A temporary file renamed over the old one: never half a file. Private:
   * URLs and bodies are the user's business. */
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SignetHistory *self = source_object;
  SaveData *data = task_data;
  g_autofree char *text = history_to_text (data->entries);
  GError *error = NULL;
  gboolean written = TRUE;

  g_mutex_lock (&self->write_lock);
  if (data->generation > self->written_generation)
    {
      written = write_file (self->file, text, cancellable, &error);
      if (written)
        self->written_generation = data->generation;
    }
  g_mutex_unlock (&self->write_lock);

  if (!written)
    {
      g_prefix_error (&error, "%s: ", g_file_peek_path (self->file));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SignetHistory *self = SIGNET_HISTORY (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (--self->n_saving == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * signet_history_save_async:
 * @self: a #SignetHistory
 *
 * Writes the entries as they are now. Changes save themselves once the
 * history is loaded; this is for a save to wait on.
 */
void
signet_history_save_async (SignetHistory       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  SaveData *data;

  g_return_if_fail (SIGNET_IS_HISTORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_history_save_async);
  worker = g_task_new (self, cancellable, save_done, task);
  g_task_set_source_tag (worker, signet_history_save_async);

  /* Entries never change once made: the worker may read them. */
  data = g_new0 (SaveData, 1);
  data->entries = g_ptr_array_new_full (self->entries->len, g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (data->entries, g_object_ref (g_ptr_array_index (self->entries, i)));
  data->generation = ++self->generation;
  g_task_set_task_data (worker, data, (GDestroyNotify) save_data_free);
  if (self->n_saving++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  g_task_run_in_thread (worker, save_thread);
}

gboolean
signet_history_save_finish (SignetHistory  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_history_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SignetHistory *self = SIGNET_HISTORY (source);
  g_autoptr(GError) error = NULL;

  if (!signet_history_save_finish (self, result, &error))
    set_error (self, error->message, TRUE);
  else if (self->error_is_save)
    set_error (self, NULL, FALSE);
}

static void
changed (SignetHistory *self)
{
  if (self->loaded)
    signet_history_save_async (self, NULL, autosave_done, NULL);
}

/* Editing */

static gboolean
trim (SignetHistory *self)
{
  guint n_items = self->entries->len;

  if (n_items <= self->max_entries)
    return FALSE;
  g_ptr_array_remove_range (self->entries, self->max_entries, n_items - self->max_entries);
  g_list_model_items_changed (G_LIST_MODEL (self), self->max_entries,
                              n_items - self->max_entries, 0);
  return TRUE;
}

/**
 * signet_history_add:
 * @self: a #SignetHistory
 * @entry: the newest entry
 *
 * Puts @entry first, drops the oldest beyond #SignetHistory:max-entries,
 * and saves. With a maximum of 0 the history keeps nothing.
 */
void
signet_history_add (SignetHistory      *self,
                    SignetHistoryEntry *entry)
{
  g_return_if_fail (SIGNET_IS_HISTORY (self));
  g_return_if_fail (SIGNET_IS_HISTORY_ENTRY (entry));

  if (self->max_entries == 0)
    return;
  g_ptr_array_insert (self->entries, 0, g_object_ref (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
  trim (self);
  changed (self);
}

void
signet_history_clear (SignetHistory *self)
{
  guint n_items;

  g_return_if_fail (SIGNET_IS_HISTORY (self));

  n_items = self->entries->len;
  g_ptr_array_set_size (self->entries, 0);
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_items, 0);
  changed (self);
}

/* Loading */

/* Out of the way of the next save, for the user to look at. */
static void
set_aside (GFile  *file,
           GError *error)
{
  g_autofree char *bad_path = g_strconcat (g_file_peek_path (file), ".bad", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *bad_name = g_file_get_basename (bad);

  if (g_file_move (file, bad, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL))
    {
      g_autofree char *message = g_steal_pointer (&error->message);

      error->message = g_strdup_printf (_("%s (kept as %s; a new history begins)"),
                                        message, bad_name);
    }
}

static GPtrArray *
parse_history (const char  *contents,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonNode) root = signet_json_parse (contents, length, error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  JsonArray *array = NULL;
  gint64 version = 0;

  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  if (!signet_json_read_int (object, "", "version", TRUE, &version, error))
    return NULL;
  if (version != SIGNET_HISTORY_JSON_VERSION)
    {
      /* %lld, not G_GINT64_FORMAT: xgettext cannot join a macro into a message */
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_FILE,
                   _("history file version %lld is not supported (this Signet reads version %d)"),
                   (long long) version, SIGNET_HISTORY_JSON_VERSION);
      return NULL;
    }
  if (!signet_json_read_array (object, "", "entries", &array, error))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      SignetHistoryEntry *entry;

      entry = signet_history_entry_from_json_node (json_array_get_element (array, i), error);
      if (entry == NULL)
        {
          g_prefix_error (error, "entries[%u]: ", i);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *entries = NULL;
  GError *error = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* no history yet */
      g_clear_error (&error);
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  if (info == NULL)
    goto failed;

  if (g_file_info_get_size (info) > SIGNET_HISTORY_MAX_FILE_SIZE)
    g_set_error (&error, SIGNET_ERROR, SIGNET_ERROR_FILE_TOO_LARGE,
                 _("the file is larger than %d MiB, the most Signet reads"),
                 SIGNET_HISTORY_MAX_FILE_SIZE / (1024 * 1024));
  else if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    goto failed;
  else
    entries = parse_history (contents, length, &error);

  if (entries == NULL)
    {
      set_aside (file, error);
      goto failed;
    }
  g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
  return;

failed:
  g_prefix_error (&error, "%s: ", g_file_peek_path (file));
  g_task_return_error (task, error);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SignetHistory *self = SIGNET_HISTORY (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  GError *error = NULL;
  guint position;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A file that could not be read was set aside: saves may start. */
  self->loaded = TRUE;
  if (loaded == NULL)
    {
      set_error (self, error->message, FALSE);
      g_task_return_error (task, error);
      return;
    }

  /* Entries added while it loaded are newer than the file's. */
  position = self->entries->len;
  g_ptr_array_extend_and_steal (self->entries, g_steal_pointer (&loaded));
  if (self->entries->len > position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, self->entries->len - position);
  if (trim (self) || position > 0)
    changed (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * signet_history_load_async:
 * @self: a #SignetHistory
 *
 * Reads the file and puts its entries after any added meanwhile. A missing
 * file is an empty history. A file that cannot be read fails the load with
 * an error naming it (also in #SignetHistory:error); it is moved aside and
 * the history, empty, goes on.
 */
void
signet_history_load_async (SignetHistory       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (SIGNET_IS_HISTORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_history_load_async);

  worker = g_task_new (self, cancellable, load_done, task);
  g_task_set_source_tag (worker, signet_history_load_async);
  g_task_set_task_data (worker, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
signet_history_load_finish (SignetHistory  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_history_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The object */

static void
signet_history_constructed (GObject *object)
{
  SignetHistory *self = SIGNET_HISTORY (object);

  G_OBJECT_CLASS (signet_history_parent_class)->constructed (object);

  if (self->file == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "signet",
                                                "history.json", NULL);

      self->file = g_file_new_for_path (path);
    }
}

static void
signet_history_finalize (GObject *object)
{
  SignetHistory *self = SIGNET_HISTORY (object);

  g_clear_object (&self->file);
  g_ptr_array_unref (self->entries);
  g_free (self->error);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (signet_history_parent_class)->finalize (object);
}

static void
signet_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SignetHistory *self = SIGNET_HISTORY (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MAX_ENTRIES:
      g_value_set_uint (value, self->max_entries);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->n_saving > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_history_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SignetHistory *self = SIGNET_HISTORY (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_MAX_ENTRIES:
      signet_history_set_max_entries (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_history_class_init (SignetHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = signet_history_constructed;
  object_class->finalize = signet_history_finalize;
  object_class->get_property = signet_history_get_property;
  object_class->set_property = signet_history_set_property;

  /* Where the history is kept; NULL for the user's data dir. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The GSettings key history-size binds here. */
  properties[PROP_MAX_ENTRIES] =
    g_param_spec_uint ("max-entries", NULL, NULL,
                       0, SIGNET_HISTORY_LIMIT_MAX_ENTRIES, SIGNET_HISTORY_DEFAULT_MAX_ENTRIES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The last load or save error, for the UI to show; NULL when all is well. */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whether a save is under way: the application stays until it is done. */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_history_init (SignetHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_entries = SIGNET_HISTORY_DEFAULT_MAX_ENTRIES;
  g_mutex_init (&self->write_lock);
}

/**
 * signet_history_new:
 * @file: (nullable): the history file, or %NULL for
 *   `$XDG_DATA_HOME/signet/history.json`
 *
 * Returns: (transfer full): an empty history; load it with
 *   signet_history_load_async()
 */
SignetHistory *
signet_history_new (GFile *file)
{
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (SIGNET_TYPE_HISTORY, "file", file, NULL);
}

GFile *
signet_history_get_file (SignetHistory *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY (self), NULL);
  return self->file;
}

guint
signet_history_get_max_entries (SignetHistory *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY (self), 0);
  return self->max_entries;
}

/**
 * signet_history_set_max_entries:
 * @max_entries: how many entries to keep, at most
 *   %SIGNET_HISTORY_LIMIT_MAX_ENTRIES; 0 keeps none
 *
 * Drops the oldest entries beyond @max_entries at once.
 */
void
signet_history_set_max_entries (SignetHistory *self,
                                guint          max_entries)
{
  g_return_if_fail (SIGNET_IS_HISTORY (self));

  max_entries = MIN (max_entries, SIGNET_HISTORY_LIMIT_MAX_ENTRIES);
  if (self->max_entries == max_entries)
    return;
  self->max_entries = max_entries;
  if (trim (self))
    changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ENTRIES]);
}

/**
 * signet_history_get_error:
 *
 * Returns: (nullable): the last load or save error, or %NULL
 */
const char *
signet_history_get_error (SignetHistory *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY (self), NULL);
  return self->error;
}

gboolean
signet_history_get_saving (SignetHistory *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY (self), FALSE);
  return self->n_saving > 0;
}
