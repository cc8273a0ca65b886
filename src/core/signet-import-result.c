/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-import-result.h"
#include "signet-secure-memory.h"

/**
 * SignetImportResult:
 *
 * What an importer read, in memory: the collection's name and variables,
 * its folders and named requests, the warnings for what did not map, and
 * the secrets found. Secrets are kept apart from the requests (which have
 * no field for them) so the UI can offer them for the keyring and no file
 * writer ever sees them; they are wiped when the result is freed.
 */

typedef struct
{
  char                   *name;
  GStrv                   folder;
  SignetRequest          *request;
  SignetImportProtection  protection;
} Entry;

typedef struct
{
  SignetImportSecretKind  kind;
  char                   *access_key_id;
  char                   *where;
  char                   *value;
} Secret;

struct _SignetImportResult
{
  GObject     parent_instance;

  char       *name;
  GListStore *variables;
  GPtrArray  *folders;
  GArray     *entries;
  GArray     *secrets;
  GPtrArray  *warnings;
};

G_DEFINE_FINAL_TYPE (SignetImportResult, signet_import_result, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_strfreev (entry->folder);
  g_clear_object (&entry->request);
}

static void
secret_clear (gpointer data)
{
  Secret *secret = data;

  g_free (secret->access_key_id);
  g_free (secret->where);
  signet_secure_free_string (secret->value);
}

static void
signet_import_result_finalize (GObject *object)
{
  SignetImportResult *self = SIGNET_IMPORT_RESULT (object);

  g_free (self->name);
  g_object_unref (self->variables);
  g_ptr_array_unref (self->folders);
  g_array_unref (self->entries);
  g_array_unref (self->secrets);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (signet_import_result_parent_class)->finalize (object);
}

static void
signet_import_result_class_init (SignetImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_import_result_finalize;
}

static void
signet_import_result_init (SignetImportResult *self)
{
  self->name = g_strdup ("");
  self->variables = g_list_store_new (SIGNET_TYPE_REQUEST_ROW);
  self->folders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->secrets = g_array_new (FALSE, TRUE, sizeof (Secret));
  g_array_set_clear_func (self->secrets, secret_clear);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
}

SignetImportResult *
signet_import_result_new (void)
{
  return g_object_new (SIGNET_TYPE_IMPORT_RESULT, NULL);
}

const char *
signet_import_result_get_name (SignetImportResult *self)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), NULL);

  return self->name;
}

void
signet_import_result_set_name (SignetImportResult *self,
                               const char         *name)
{
  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (self));

  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
}

void
signet_import_result_add_variable (SignetImportResult *self,
                                   const char         *name,
                                   const char         *value)
{
  g_autoptr(SignetRequestRow) row = NULL;

  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (self));
  g_return_if_fail (name != NULL);

  row = signet_request_row_new (name, value != NULL ? value : "");
  g_list_store_append (self->variables, row);
}

/**
 * signet_import_result_get_variables:
 *
 * Returns: (transfer none): a list of #SignetRequestRow, name and value
 */
GListModel *
signet_import_result_get_variables (SignetImportResult *self)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), NULL);

  return G_LIST_MODEL (self->variables);
}

static gboolean
folder_equal (const char * const *a,
              const char * const *b)
{
  return g_strv_equal (a, b);
}

/* Records @path and its parents once each, parents first, so empty
 * folders survive and the tree can be drawn from the list in order. */
void
signet_import_result_add_folder (SignetImportResult *self,
                                 const char * const *path)
{
  guint depth;

  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (self));
  g_return_if_fail (path != NULL);

  depth = g_strv_length ((GStrv) path);
  for (guint n = 1; n <= depth; n++)
    {
      GStrv prefix = g_new0 (char *, n + 1);
      gboolean seen = FALSE;

      for (guint i = 0; i < n; i++)
        prefix[i] = g_strdup (path[i]);
      for (guint i = 0; i < self->folders->len && !seen; i++)
        seen = folder_equal (g_ptr_array_index (self->folders, i),
                             (const char * const *) prefix);
      if (seen)
        g_strfreev (prefix);
      else
        g_ptr_array_add (self->folders, prefix);
    }
}

guint
signet_import_result_get_n_folders (SignetImportResult *self)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), 0);

  return self->folders->len;
}

const char * const *
signet_import_result_get_folder (SignetImportResult *self,
                                 guint               index)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->folders->len, NULL);

  return g_ptr_array_index (self->folders, index);
}

/**
 * signet_import_result_add_request:
 * @folder: (nullable): the folder path, outermost first; %NULL for the top
 *
 * Adds @request (a reference is taken) under @folder.
 */
void
signet_import_result_add_request (SignetImportResult     *self,
                                  const char * const     *folder,
                                  const char             *name,
                                  SignetRequest          *request,
                                  SignetImportProtection  protection)
{
  const char *top[] = { NULL };
  Entry entry = { 0 };

  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (self));
  g_return_if_fail (SIGNET_IS_REQUEST (request));

  if (folder == NULL)
    folder = top;
  signet_import_result_add_folder (self, folder);
  entry.name = g_strdup (name != NULL ? name : "");
  entry.folder = g_strdupv ((GStrv) folder);
  entry.request = g_object_ref (request);
  entry.protection = protection;
  g_array_append_val (self->entries, entry);
}

guint
signet_import_result_get_n_requests (SignetImportResult *self)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), 0);

  return self->entries->len;
}

static Entry *
get_entry (SignetImportResult *self,
           guint               index)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, Entry, index);
}

/**
 * signet_import_result_get_request:
 *
 * Returns: (transfer none): the request
 */
SignetRequest *
signet_import_result_get_request (SignetImportResult *self,
                                  guint               index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->request : NULL;
}

const char *
signet_import_result_get_request_name (SignetImportResult *self,
                                       guint               index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->name : NULL;
}

const char * const *
signet_import_result_get_request_folder (SignetImportResult *self,
                                         guint               index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? (const char * const *) entry->folder : NULL;
}

SignetImportProtection
signet_import_result_get_request_protection (SignetImportResult *self,
                                             guint               index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->protection : SIGNET_IMPORT_PROTECTION_UNKNOWN;
}

/**
 * signet_import_result_add_secret:
 * @access_key_id: (nullable): the access key ID the secret belongs to
 * @where: (nullable): where it was found, for the user ("request “List pets”")
 *
 * Keeps a secret found in the input. The same value is kept once.
 */
void
signet_import_result_add_secret (SignetImportResult     *self,
                                 SignetImportSecretKind  kind,
                                 const char             *access_key_id,
                                 const char             *where,
                                 const char             *value)
{
  Secret secret = { 0 };

  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (self));

  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < self->secrets->len; i++)
    {
      Secret *old = &g_array_index (self->secrets, Secret, i);

      if (old->kind == kind && g_strcmp0 (old->value, value) == 0)
        return;
    }
  secret.kind = kind;
  secret.access_key_id = g_strdup (access_key_id != NULL ? access_key_id : "");
  secret.where = g_strdup (where != NULL ? where : "");
  secret.value = g_strdup (value);
  g_array_append_val (self->secrets, secret);
}

guint
signet_import_result_get_n_secrets (SignetImportResult *self)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), 0);

  return self->secrets->len;
}

static Secret *
get_secret (SignetImportResult *self,
            guint               index)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->secrets->len, NULL);

  return &g_array_index (self->secrets, Secret, index);
}

SignetImportSecretKind
signet_import_result_get_secret_kind (SignetImportResult *self,
                                      guint               index)
{
  Secret *secret = get_secret (self, index);

  return secret != NULL ? secret->kind : SIGNET_IMPORT_SECRET_ACCESS_KEY;
}

const char *
signet_import_result_get_secret_access_key_id (SignetImportResult *self,
                                               guint               index)
{
  Secret *secret = get_secret (self, index);

  return secret != NULL ? secret->access_key_id : NULL;
}

const char *
signet_import_result_get_secret_where (SignetImportResult *self,
                                       guint               index)
{
  Secret *secret = get_secret (self, index);

  return secret != NULL ? secret->where : NULL;
}

const char *
signet_import_result_get_secret_value (SignetImportResult *self,
                                       guint               index)
{
  Secret *secret = get_secret (self, index);

  return secret != NULL ? secret->value : NULL;
}

void
signet_import_result_add_warning (SignetImportResult *self,
                                  const char         *format,
                                  ...)
{
  va_list args;

  g_return_if_fail (SIGNET_IS_IMPORT_RESULT (self));

  va_start (args, format);
  /* Keep the array NULL-terminated for get_warnings (). */
  g_ptr_array_index (self->warnings, self->warnings->len - 1) = g_strdup_vprintf (format, args);
  g_ptr_array_add (self->warnings, NULL);
  va_end (args);
}

/**
 * signet_import_result_get_warnings:
 *
 * Returns: (transfer none): the warnings, %NULL-terminated
 */
const char * const *
signet_import_result_get_warnings (SignetImportResult *self)
{
  g_return_val_if_fail (SIGNET_IS_IMPORT_RESULT (self), NULL);

  return (const char * const *) self->warnings->pdata;
}
