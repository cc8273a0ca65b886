/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-credential-secret.h"
#include "signet-credential-store.h"
#include "signet-error.h"
#include "signet-secure-memory.h"

/* AWS credentials in the system keyring (libsecret). One item per name; its
 * attributes are the name and the access key ID, its secret a small JSON
 * object {"secret_access_key": ..., "session_token": ... or null}. Secrets
 * never go into attributes, labels, error messages or logs. */

#define ATTRIBUTE_NAME          "name"
#define ATTRIBUTE_ACCESS_KEY_ID "access-key-id"
#define SECRET_CONTENT_TYPE     "text/plain"

#define NAME_MAX_BYTES          256
#define ACCESS_KEY_ID_MAX_BYTES 128
#define SECRET_MAX_BYTES        16384

struct _SignetCredentialStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (SignetCredentialStore, signet_credential_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SecretSchema credential_schema = {
  SIGNET_CREDENTIAL_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { ATTRIBUTE_NAME, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { ATTRIBUTE_ACCESS_KEY_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* SignetCredential and SignetCredentialInfo */

static SignetCredential *
credential_new (const char *name,
                const char *access_key_id,
                const char *secret_access_key,
                const char *session_token)
{
  SignetCredential *credential = g_new0 (SignetCredential, 1);

  credential->name = g_strdup (name);
  credential->access_key_id = g_strdup (access_key_id);
  credential->secret_access_key = g_strdup (secret_access_key);
  credential->session_token = g_strdup (session_token);
  return credential;
}

SignetCredential *
signet_credential_copy (const SignetCredential *credential)
{
  g_return_val_if_fail (credential != NULL, NULL);

  return credential_new (credential->name, credential->access_key_id,
                         credential->secret_access_key, credential->session_token);
}

void
signet_credential_free (SignetCredential *credential)
{
  if (credential == NULL)
    return;

  g_free (credential->name);
  g_free (credential->access_key_id);
  signet_secure_free_string (credential->secret_access_key);
  signet_secure_free_string (credential->session_token);
  g_free (credential);
}

G_DEFINE_BOXED_TYPE (SignetCredential, signet_credential, signet_credential_copy, signet_credential_free)

static SignetCredentialInfo *
credential_info_new (const char *name,
                     const char *access_key_id)
{
  SignetCredentialInfo *info = g_new0 (SignetCredentialInfo, 1);

  info->name = g_strdup (name);
  info->access_key_id = g_strdup (access_key_id);
  return info;
}

SignetCredentialInfo *
signet_credential_info_copy (const SignetCredentialInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return credential_info_new (info->name, info->access_key_id);
}

void
signet_credential_info_free (SignetCredentialInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->access_key_id);
  g_free (info);
}

G_DEFINE_BOXED_TYPE (SignetCredentialInfo, signet_credential_info,
                     signet_credential_info_copy, signet_credential_info_free)

/* Validation. Messages name the field, never its value (but for the name). */

/**
 * signet_credential_validate_name:
 * @name: (nullable): a credential name
 * @error: set to %SIGNET_ERROR_INVALID_CREDENTIALS when @name is unusable
 *
 * A name is 1 to 256 bytes of UTF-8 without control characters, so that
 * `signet-cli credential list` prints one line per credential.
 *
 * Returns: whether @name can name a credential
 */
gboolean
signet_credential_validate_name (const char  *name,
                                 GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("A credential needs a name"));
      return FALSE;
    }
  if (strlen (name) > NAME_MAX_BYTES || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                   _("A credential name must be at most %d bytes of UTF-8 text"), NAME_MAX_BYTES);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                             _("A credential name must not contain tabs, line breaks or other control characters"));
        return FALSE;
      }

  return TRUE;
}

static gboolean
is_printable_ascii (const char *text,
                    gsize       max_bytes)
{
  gsize length = 0;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++, length++)
    if (!g_ascii_isgraph (*p) || length >= max_bytes)
      return FALSE;

  return TRUE;
}

/* As the signer wants it: '/' and ',' would break the Credential= field. */
static gboolean
validate_access_key_id (const char  *access_key_id,
                        GError     **error)
{
  if (access_key_id == NULL || access_key_id[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("The access key ID is empty"));
      return FALSE;
    }
  if (!is_printable_ascii (access_key_id, ACCESS_KEY_ID_MAX_BYTES) ||
      strchr (access_key_id, '/') != NULL || strchr (access_key_id, ',') != NULL)
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("The access key ID is malformed: expected letters and digits, like AKIA…"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_secrets (const char  *secret_access_key,
                  const char  *session_token,
                  GError     **error)
{
  if (secret_access_key == NULL || secret_access_key[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("The secret access key is empty"));
      return FALSE;
    }
  if (!is_printable_ascii (secret_access_key, SECRET_MAX_BYTES))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("The secret access key is malformed: it must be printable ASCII without spaces"));
      return FALSE;
    }
  if (session_token != NULL && !is_printable_ascii (session_token, SECRET_MAX_BYTES))
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("The session token is malformed: it must be printable ASCII without spaces"));
      return FALSE;
    }

  return TRUE;
}

/* Keyring items */

typedef struct
{
  char              *name;
  char              *access_key_id;
  guint64            modified;
  SecretRetrievable *item;
} FoundItem;

static void
found_item_free (gpointer data)
{
  FoundItem *found = data;

  g_free (found->name);
  g_free (found->access_key_id);
  g_object_unref (found->item);
  g_free (found);
}

static int
compare_found_items (gconstpointer a,
                     gconstpointer b)
{
  const FoundItem *item_a = *(FoundItem * const *) a;
  const FoundItem *item_b = *(FoundItem * const *) b;
  int by_name = g_strcmp0 (item_a->name, item_b->name);

  if (by_name != 0)
    return by_name;
  /* newest first */
  if (item_a->modified != item_b->modified)
    return item_a->modified > item_b->modified ? -1 : 1;
  return g_strcmp0 (item_a->access_key_id, item_b->access_key_id);
}

/* Our items among what a search returned, sorted by name, newest first.
 * libsecret's file backend (Flatpak, tests) neither stores nor matches
 * `xdg:schema`, so a search there returns any item whose attributes match,
 * whatever its schema: keep only items that look like ours. Takes @items. */
static GPtrArray *
collect_items (GList      *items,
               const char *name)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (found_item_free);

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);
      const char *schema = g_hash_table_lookup (attributes, "xdg:schema");
      const char *item_name = g_hash_table_lookup (attributes, ATTRIBUTE_NAME);
      const char *access_key_id = g_hash_table_lookup (attributes, ATTRIBUTE_ACCESS_KEY_ID);
      FoundItem *entry;

      if ((schema != NULL && !g_str_equal (schema, SIGNET_CREDENTIAL_SCHEMA_NAME)) ||
          item_name == NULL || item_name[0] == '\0' ||
          access_key_id == NULL || access_key_id[0] == '\0' ||
          (name != NULL && !g_str_equal (item_name, name)))
        continue;

      entry = g_new0 (FoundItem, 1);
      entry->name = g_strdup (item_name);
      entry->access_key_id = g_strdup (access_key_id);
      entry->modified = secret_retrievable_get_modified (item);
      entry->item = g_object_ref (item);
      g_ptr_array_add (found, entry);
    }
  g_list_free_full (items, g_object_unref);
  g_ptr_array_sort (found, compare_found_items);

  return found;
}

/* The table owns its values: libsecret may keep a reference to it (not a
 * copy) until the operation completes. */
static GHashTable *
make_attributes (const char *name,
                 const char *access_key_id)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (name != NULL)
    g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_NAME, g_strdup (name));
  if (access_key_id != NULL)
    g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_ACCESS_KEY_ID, g_strdup (access_key_id));
  return attributes;
}

/* Keeps the error's domain and code; only the message gains what we were
 * doing. D-Bus errors lose their "GDBus.Error:…" prefix. */
static void
task_return_keyring_error (GTask      *task,
                           GError     *error,
                           const char *doing)
{
  if (g_dbus_error_is_remote_error (error))
    g_dbus_error_strip_remote_error (error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&error, "%s: ", doing);
  g_task_return_error (task, error);
}

static void
task_return_not_found (GTask      *task,
                       const char *name)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No credential named “%s” in the keyring"), name);
}

/* Every search unlocks: a locked keyring may not show an item's attributes,
 * and save and remove need it unlocked anyway. Takes @task. */
static void
search_items (const char          *name,
              GTask               *task,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GHashTable) attributes = make_attributes (name, NULL);

  secret_password_searchv (&credential_schema, attributes, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                           g_task_get_cancellable (task), callback, task);
}

/* Save */

typedef struct
{
  char        *name;
  char        *access_key_id;
  SecretValue *secret;
  GPtrArray   *stale_access_key_ids;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->name);
  g_free (save->access_key_id);
  g_clear_pointer (&save->secret, secret_value_unref);
  g_clear_pointer (&save->stale_access_key_ids, g_ptr_array_unref);
  g_free (save);
}

static void save_clear_next_stale (GTask *task);

static void
on_save_stale_cleared (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (task);
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *doing =
        g_strdup_printf (_("Saved “%s”, but could not remove its previous access key from the keyring"),
                         save->name);

      g_signal_emit (g_task_get_source_object (task), signals[CHANGED], 0);
      task_return_keyring_error (task, error, doing);
      return;
    }

  save_clear_next_stale (g_steal_pointer (&task));
}

static void
save_clear_next_stale (GTask *task)
{
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *access_key_id = NULL;

  if (save->stale_access_key_ids->len == 0)
    {
      g_signal_emit (g_task_get_source_object (task), signals[CHANGED], 0);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  access_key_id = g_ptr_array_steal_index (save->stale_access_key_ids,
                                           save->stale_access_key_ids->len - 1);
  attributes = make_attributes (save->name, access_key_id);
  secret_password_clearv (&credential_schema, attributes, g_task_get_cancellable (task),
                          on_save_stale_cleared, task);
}

static void
on_save_stored (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&save->secret, secret_value_unref);
  if (!secret_password_store_finish (result, &error))
    {
      g_autofree char *doing = g_strdup_printf (_("Could not save “%s” in the keyring"), save->name);

      task_return_keyring_error (task, error, doing);
      return;
    }

  save_clear_next_stale (g_steal_pointer (&task));
}

static void
on_save_searched (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *label = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not save “%s” in the keyring"), save->name);

      task_return_keyring_error (task, error, doing);
      return;
    }

  /* The same name with the same access key ID is replaced by the store
   * itself; items under another access key ID go once the new one is in. */
  found = collect_items (items, save->name);
  save->stale_access_key_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < found->len; i++)
    {
      const FoundItem *entry = g_ptr_array_index (found, i);

      if (!g_str_equal (entry->access_key_id, save->access_key_id) &&
          !g_ptr_array_find_with_equal_func (save->stale_access_key_ids, entry->access_key_id,
                                             g_str_equal, NULL))
        g_ptr_array_add (save->stale_access_key_ids, g_strdup (entry->access_key_id));
    }

  attributes = make_attributes (save->name, save->access_key_id);
  label = g_strdup_printf (_("Signet AWS credential “%s” (%s)"), save->name, save->access_key_id);
  cancellable = g_task_get_cancellable (task);
  secret_password_storev_binary (&credential_schema, attributes, SECRET_COLLECTION_DEFAULT, label,
                                 save->secret, cancellable, on_save_stored, g_steal_pointer (&task));
}

/**
 * signet_credential_store_save_async:
 * @self: a #SignetCredentialStore
 * @name: the name to store the credential under
 * @access_key_id: the access key ID
 * @secret_access_key: the secret access key
 * @session_token: (nullable): a session token, for temporary credentials
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the credential is stored
 * @user_data: data for @callback
 *
 * Stores a credential in the default keyring, replacing any credential of
 * the same name. The secret and token are copied into libsecret's
 * non-pageable memory; the caller still owns (and wipes) its copies.
 */
void
signet_credential_store_save_async (SignetCredentialStore *self,
                                    const char            *name,
                                    const char            *access_key_id,
                                    const char            *secret_access_key,
                                    const char            *session_token,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GString *encoded = NULL;
  SaveData *save;
  GError *error = NULL;

  g_return_if_fail (SIGNET_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_credential_store_save_async);
  g_task_set_name (task, "[signet] save credential");
  if (g_task_return_error_if_cancelled (task))
    return;

  if (session_token != NULL && session_token[0] == '\0')
    session_token = NULL;
  if (!signet_credential_validate_name (name, &error) ||
      !validate_access_key_id (access_key_id, &error) ||
      !validate_secrets (secret_access_key, session_token, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  save = g_new0 (SaveData, 1);
  save->name = g_strdup (name);
  save->access_key_id = g_strdup (access_key_id);
  encoded = signet_credential_secret_encode (secret_access_key, session_token);
  save->secret = secret_value_new (encoded->str, encoded->len, SECRET_CONTENT_TYPE);
  signet_secure_free_gstring (encoded);
  g_task_set_task_data (task, save, save_data_free);

  search_items (name, g_steal_pointer (&task), on_save_searched);
}

/**
 * signet_credential_store_save_finish:
 * @self: a #SignetCredentialStore
 * @result: the #GAsyncResult passed to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE once the credential is stored
 */
gboolean
signet_credential_store_save_finish (SignetCredentialStore  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (SIGNET_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_credential_store_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

typedef struct
{
  char *name;
  char *access_key_id;
} LookupData;

static void
lookup_data_free (gpointer data)
{
  LookupData *lookup = data;

  g_free (lookup->name);
  g_free (lookup->access_key_id);
  g_free (lookup);
}

static void
on_lookup_retrieved (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  g_autoptr(SecretValue) value = NULL;
  SignetCredential *credential;
  const char *data;
  gsize length = 0;
  char *secret_access_key = NULL;
  char *session_token = NULL;
  GError *error = NULL;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source_object), result, &error);
  if (error != NULL)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not read “%s” from the keyring"), lookup->name);

      task_return_keyring_error (task, error, doing);
      return;
    }
  if (value == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("The keyring did not give the secret of “%s”: is it locked?"),
                               lookup->name);
      return;
    }

  data = secret_value_get (value, &length);
  if (!signet_credential_secret_decode (data, length, &secret_access_key, &session_token) ||
      !validate_secrets (secret_access_key, session_token, NULL))
    {
      signet_secure_free_string (secret_access_key);
      signet_secure_free_string (session_token);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The keyring item “%s” does not hold a Signet credential"),
                               lookup->name);
      return;
    }

  credential = g_new0 (SignetCredential, 1);
  credential->name = g_strdup (lookup->name);
  credential->access_key_id = g_strdup (lookup->access_key_id);
  credential->secret_access_key = secret_access_key;
  credential->session_token = session_token;
  g_task_return_pointer (task, credential, (GDestroyNotify) signet_credential_free);
}

static void
on_lookup_searched (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  g_autoptr(GPtrArray) found = NULL;
  const FoundItem *newest;
  GCancellable *cancellable;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not read “%s” from the keyring"), lookup->name);

      task_return_keyring_error (task, error, doing);
      return;
    }

  found = collect_items (items, lookup->name);
  if (found->len == 0)
    {
      task_return_not_found (task, lookup->name);
      return;
    }

  /* a name has one item, unless another tool added one: the newest wins */
  newest = g_ptr_array_index (found, 0);
  lookup->access_key_id = g_strdup (newest->access_key_id);
  cancellable = g_task_get_cancellable (task);
  secret_retrievable_retrieve_secret (newest->item, cancellable, on_lookup_retrieved,
                                      g_steal_pointer (&task));
}

/**
 * signet_credential_store_lookup_async:
 * @self: a #SignetCredentialStore
 * @name: the credential's name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the credential
 * @user_data: data for @callback
 *
 * Reads a credential, secret included. The keyring may ask the user to
 * unlock it first.
 */
void
signet_credential_store_lookup_async (SignetCredentialStore *self,
                                      const char            *name,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  LookupData *lookup;
  GError *error = NULL;

  g_return_if_fail (SIGNET_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_credential_store_lookup_async);
  g_task_set_name (task, "[signet] look up credential");
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!signet_credential_validate_name (name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  lookup = g_new0 (LookupData, 1);
  lookup->name = g_strdup (name);
  g_task_set_task_data (task, lookup, lookup_data_free);

  search_items (name, g_steal_pointer (&task), on_lookup_searched);
}

/**
 * signet_credential_store_lookup_finish:
 * @self: a #SignetCredentialStore
 * @result: the #GAsyncResult passed to the callback
 * @error: a location for a #GError; %G_IO_ERROR_NOT_FOUND when no
 *   credential has that name
 *
 * Returns: (transfer full): the credential; free it with
 *   signet_credential_free(), which wipes the secret
 */
SignetCredential *
signet_credential_store_lookup_finish (SignetCredentialStore  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (SIGNET_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_credential_store_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* List */

static void
on_list_searched (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *infos;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      task_return_keyring_error (task, error, _("Could not list the credentials in the keyring"));
      return;
    }

  found = collect_items (items, NULL);
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_credential_info_free);
  for (guint i = 0; i < found->len; i++)
    {
      const FoundItem *entry = g_ptr_array_index (found, i);

      /* one line per name, the one lookup would pick */
      if (i > 0 && g_str_equal (entry->name, ((const FoundItem *) g_ptr_array_index (found, i - 1))->name))
        continue;
      g_ptr_array_add (infos, credential_info_new (entry->name, entry->access_key_id));
    }

  g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * signet_credential_store_list_async:
 * @self: a #SignetCredentialStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Lists the stored credentials by name and access key ID; reads no secret.
 * The keyring may ask the user to unlock it first.
 */
void
signet_credential_store_list_async (SignetCredentialStore *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIGNET_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_credential_store_list_async);
  g_task_set_name (task, "[signet] list credentials");
  if (g_task_return_error_if_cancelled (task))
    return;

  search_items (NULL, g_steal_pointer (&task), on_list_searched);
}

/**
 * signet_credential_store_list_finish:
 * @self: a #SignetCredentialStore
 * @result: the #GAsyncResult passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type SignetCredentialInfo): the
 *   credentials, sorted by name
 */
GPtrArray *
signet_credential_store_list_finish (SignetCredentialStore  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (SIGNET_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_credential_store_list_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Remove */

typedef struct
{
  char      *name;
  GPtrArray *access_key_ids;
} RemoveData;

static void
remove_data_free (gpointer data)
{
  RemoveData *remove = data;

  g_free (remove->name);
  g_clear_pointer (&remove->access_key_ids, g_ptr_array_unref);
  g_free (remove);
}

static void remove_next (GTask *task);

static void
on_remove_cleared (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RemoveData *remove = g_task_get_task_data (task);
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not remove “%s” from the keyring"), remove->name);

      task_return_keyring_error (task, error, doing);
      return;
    }

  remove_next (g_steal_pointer (&task));
}

/* Clears by name and access key ID, never by name alone: the file backend
 * would also clear other schemas' items that have a `name` attribute. */
static void
remove_next (GTask *task)
{
  RemoveData *remove = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *access_key_id = NULL;

  if (remove->access_key_ids->len == 0)
    {
      g_signal_emit (g_task_get_source_object (task), signals[CHANGED], 0);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  access_key_id = g_ptr_array_steal_index (remove->access_key_ids, remove->access_key_ids->len - 1);
  attributes = make_attributes (remove->name, access_key_id);
  secret_password_clearv (&credential_schema, attributes, g_task_get_cancellable (task),
                          on_remove_cleared, task);
}

static void
on_remove_searched (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RemoveData *remove = g_task_get_task_data (task);
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not remove “%s” from the keyring"), remove->name);

      task_return_keyring_error (task, error, doing);
      return;
    }

  found = collect_items (items, remove->name);
  if (found->len == 0)
    {
      task_return_not_found (task, remove->name);
      return;
    }

  remove->access_key_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < found->len; i++)
    {
      const FoundItem *entry = g_ptr_array_index (found, i);

      if (!g_ptr_array_find_with_equal_func (remove->access_key_ids, entry->access_key_id,
                                             g_str_equal, NULL))
        g_ptr_array_add (remove->access_key_ids, g_strdup (entry->access_key_id));
    }

  remove_next (g_steal_pointer (&task));
}

/**
 * signet_credential_store_remove_async:
 * @self: a #SignetCredentialStore
 * @name: the credential's name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the credential is removed
 * @user_data: data for @callback
 *
 * Removes a credential from the keyring.
 */
void
signet_credential_store_remove_async (SignetCredentialStore *self,
                                      const char            *name,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  RemoveData *remove;
  GError *error = NULL;

  g_return_if_fail (SIGNET_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_credential_store_remove_async);
  g_task_set_name (task, "[signet] remove credential");
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!signet_credential_validate_name (name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  remove = g_new0 (RemoveData, 1);
  remove->name = g_strdup (name);
  g_task_set_task_data (task, remove, remove_data_free);

  search_items (name, g_steal_pointer (&task), on_remove_searched);
}

/**
 * signet_credential_store_remove_finish:
 * @self: a #SignetCredentialStore
 * @result: the #GAsyncResult passed to the callback
 * @error: a location for a #GError; %G_IO_ERROR_NOT_FOUND when no
 *   credential has that name
 *
 * Returns: %TRUE once the credential is gone
 */
gboolean
signet_credential_store_remove_finish (SignetCredentialStore  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (SIGNET_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_credential_store_remove_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The object */

static void
signet_credential_store_class_init (SignetCredentialStoreClass *klass)
{
  /**
   * SignetCredentialStore::changed:
   * @self: the #SignetCredentialStore
   *
   * Emitted after this store saved or removed a credential (not when
   * another program changed the keyring), so lists can refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
signet_credential_store_init (SignetCredentialStore *self)
{
}

/**
 * signet_credential_store_new:
 *
 * Creates the store: one per application (or signet-cli run).
 *
 * Returns: (transfer full): a new #SignetCredentialStore
 */
SignetCredentialStore *
signet_credential_store_new (void)
{
  return g_object_new (SIGNET_TYPE_CREDENTIAL_STORE, NULL);
}

/**
 * signet_credential_store_get_schema:
 *
 * The libsecret schema of Signet's credentials
 * (`io.github.signetapp.Signet.AwsCredential`, attributes `name` and
 * `access-key-id`), for tests and tools that look at the keyring directly.
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
signet_credential_store_get_schema (void)
{
  return &credential_schema;
}
