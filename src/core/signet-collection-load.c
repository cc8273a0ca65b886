/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-collection-item.h"
#include "signet-collection-load.h"
#include "signet-error.h"
#include "signet-json-read.h"
#include "signet-request-json.h"

/* Reading a collection folder, in a worker thread: a file that cannot be
 * read or parsed becomes an error naming it, and the rest still loads. */

void
signet_collection_load_free (SignetCollectionLoad *load)
{
  g_free (load->name);
  g_ptr_array_unref (load->items);
  g_ptr_array_unref (load->folders);
  g_ptr_array_unref (load->errors);
  g_free (load);
}

/**
 * signet_collection_read_file:
 * @dir: the collection folder
 * @relative_path: a file inside it
 *
 * Reads a file of at most %SIGNET_COLLECTION_MAX_FILE_SIZE bytes. Errors
 * start with @relative_path.
 *
 * Returns: (transfer full): the NUL-terminated contents
 */
char *
signet_collection_read_file (GFile         *dir,
                             const char    *relative_path,
                             gsize         *length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (dir, relative_path);
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    goto failed;

  size = g_file_info_get_size (info);
  if (size <= SIGNET_COLLECTION_MAX_FILE_SIZE &&
      !g_file_load_contents (file, cancellable, &contents, length, NULL, error))
    goto failed;

  /* Checked again after reading, as the file may have grown. */
  if (size > SIGNET_COLLECTION_MAX_FILE_SIZE || *length > SIGNET_COLLECTION_MAX_FILE_SIZE)
    {
      g_free (contents);
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_FILE_TOO_LARGE,
                   _("%s: the file is larger than %d MiB, the most Signet reads"),
                   relative_path, SIGNET_COLLECTION_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  return contents;

failed:
  g_prefix_error (error, "%s: ", relative_path);
  return NULL;
}

static void
read_collection_info (GFile                *dir,
                      SignetCollectionLoad *load,
                      GCancellable         *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *name = NULL;
  gsize length;

  contents = signet_collection_read_file (dir, "collection.json", &length, cancellable, &error);
  if (contents == NULL)
    {
      /* A folder of requests without collection.json still opens. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (load->errors, g_steal_pointer (&error));
      return;
    }

  root = signet_json_parse (contents, length, &error);
  if (root == NULL ||
      !signet_json_read_string (json_node_get_object (root), "", "name", FALSE, &name, &error))
    {
      g_prefix_error (&error, "collection.json: ");
      g_ptr_array_add (load->errors, g_steal_pointer (&error));
      return;
    }

  if (name != NULL && name[0] != '\0')
    {
      g_free (load->name);
      load->name = g_strdup (name);
    }
}

static void
read_request (GFile                *dir,
              const char           *folder,
              const char           *file_name,
              SignetCollectionLoad *load,
              GCancellable         *cancellable)
{
  g_autofree char *slug = g_strndup (file_name, strlen (file_name) - strlen (".json"));
  g_autofree char *path = folder[0] ? g_build_filename ("requests", folder, file_name, NULL)
                                    : g_build_filename ("requests", file_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(SignetRequest) request = NULL;
  gsize length;

  contents = signet_collection_read_file (dir, path, &length, cancellable, &error);
  if (contents != NULL)
    {
      request = signet_request_from_json (contents, length, &name, &error);
      if (request == NULL)
        g_prefix_error (&error, "%s: ", path);
    }

  if (request == NULL)
    g_ptr_array_add (load->errors, g_steal_pointer (&error));
  else
    g_ptr_array_add (load->items, signet_collection_item_new (folder, slug, name, request));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir_file: `*.json` files, or folders; dot files (the
 * temporary files of an interrupted save among them) are skipped. */
static GPtrArray *
list_names (GFile         *dir_file,
            GFileType      type,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (dir_file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] == '.' || g_file_info_get_file_type (info) != type)
        continue;
      if (type == G_FILE_TYPE_REGULAR && !g_str_has_suffix (name, ".json"))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }

  /* Same order on every machine, whatever the file system gives. */
  g_ptr_array_sort (names, compare_strings);
  return g_steal_pointer (&names);
}

static gboolean
read_folder (GFile                *dir,
             const char           *folder,
             SignetCollectionLoad *load,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autofree char *path = g_build_filename ("requests", folder, NULL);
  g_autoptr(GFile) folder_file = g_file_resolve_relative_path (dir, path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) files = list_names (folder_file, G_FILE_TYPE_REGULAR,
                                           cancellable, &local_error);

  if (files == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_prefix_error (&local_error, "%s: ", path);
      g_ptr_array_add (load->errors, g_steal_pointer (&local_error));
      return TRUE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      read_request (dir, folder, g_ptr_array_index (files, i), load, cancellable);
    }

  return TRUE;
}

/**
 * signet_collection_load_run:
 * @dir: the collection folder
 *
 * Reads the whole collection; blocks, so runs in a worker thread. Fails
 * only when @dir cannot be read at all or on cancellation.
 *
 * Returns: (transfer full): what was found
 */
SignetCollectionLoad *
signet_collection_load_run (GFile         *dir,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(SignetCollectionLoad) load = g_new0 (SignetCollectionLoad, 1);
  g_autoptr(GFile) requests = g_file_get_child (dir, "requests");
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  load->name = g_file_get_basename (dir);
  load->items = g_ptr_array_new_with_free_func (g_object_unref);
  load->folders = g_ptr_array_new_with_free_func (g_free);
  load->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  info = g_file_query_info (dir, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                           _("a collection must be a folder"));
      return NULL;
    }

  read_collection_info (dir, load, cancellable);

  folders = list_names (requests, G_FILE_TYPE_DIRECTORY, cancellable, &local_error);
  if (folders == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&load);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!read_folder (dir, "", load, cancellable, error))
    return NULL;
  for (guint i = 0; i < folders->len; i++)
    {
      const char *folder = g_ptr_array_index (folders, i);

      g_ptr_array_add (load->folders, g_strdup (folder));
      if (!read_folder (dir, folder, load, cancellable, error))
        return NULL;
    }

  return g_steal_pointer (&load);
}
