/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "signet-credential-store.h"
#include "signet-error.h"
#include "signet-test-keyring.h"

/* SignetCredentialStore against a real libsecret backend, never the user's
 * keyring: by default libsecret's file backend in a fresh temp dir; under
 * tests/run-with-gnome-keyring.sh a throwaway gnome-keyring-daemon. */

#define KEY_ID   "AKIAIOSFODNN7EXAMPLE"
#define SECRET   "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN    "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE+token="
#define KEY_ID_2 "AKIAI44QH8DHBEXAMPLE"
#define SECRET_2 "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"

typedef struct
{
  SignetCredentialStore *store;
  guint                  changed;
} Fixture;

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_done (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
save (Fixture     *fixture,
      const char  *name,
      const char  *access_key_id,
      const char  *secret_access_key,
      const char  *session_token,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_credential_store_save_async (fixture->store, name, access_key_id, secret_access_key,
                                      session_token, NULL, on_done, &result);
  return signet_credential_store_save_finish (fixture->store, wait_for (&result), error);
}

static SignetCredential *
lookup (Fixture     *fixture,
        const char  *name,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_credential_store_lookup_async (fixture->store, name, NULL, on_done, &result);
  return signet_credential_store_lookup_finish (fixture->store, wait_for (&result), error);
}

static GPtrArray *
list (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *infos;

  signet_credential_store_list_async (fixture->store, NULL, on_done, &result);
  infos = signet_credential_store_list_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (infos);
  return infos;
}

static gboolean
remove_credential (Fixture     *fixture,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_credential_store_remove_async (fixture->store, name, NULL, on_done, &result);
  return signet_credential_store_remove_finish (fixture->store, wait_for (&result), error);
}

static void
save_ok (Fixture    *fixture,
         const char *name,
         const char *access_key_id,
         const char *secret_access_key,
         const char *session_token)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = save (fixture, name, access_key_id, secret_access_key, session_token, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
}

static void
on_changed (SignetCredentialStore *store,
            Fixture               *fixture)
{
  fixture->changed++;
}

/* Every test starts from a keyring without Signet credentials. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) infos = NULL;

  fixture->store = signet_credential_store_new ();
  infos = list (fixture);
  for (guint i = 0; i < infos->len; i++)
    {
      const SignetCredentialInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (remove_credential (fixture, info->name, &error));
      g_assert_no_error (error);
    }
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
}

/* Items straight from libsecret, to see what is stored. Async, as the store
 * is: libsecret 0.20's sync calls leak a little under the Secret Service. */
static GList *
search_raw (const SecretSchema *schema,
            const char         *name)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;

  g_hash_table_insert (attributes, (gpointer) "name", (gpointer) name);
  secret_password_searchv (schema, attributes, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                           NULL, on_done, &result);
  items = secret_password_search_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return items;
}

static void
store_raw (const SecretSchema *schema,
           GHashTable         *attributes,
           const char         *secret)
{
  g_autoptr(SecretValue) value = secret_value_new (secret, -1, "text/plain");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  secret_password_storev_binary (schema, attributes, SECRET_COLLECTION_DEFAULT, "raw", value,
                                 NULL, on_done, &result);
  stored = secret_password_store_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (stored);
}

/* An item of our schema whose secret is @secret, as another tool may write. */
static void
store_raw_credential (const char *name,
                      const char *access_key_id,
                      const char *secret)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) "name", (gpointer) name);
  g_hash_table_insert (attributes, (gpointer) "access-key-id", (gpointer) access_key_id);
  store_raw (signet_credential_store_get_schema (), attributes, secret);
}

static void
assert_credential (const SignetCredential *credential,
                   const char             *name,
                   const char             *access_key_id,
                   const char             *secret_access_key,
                   const char             *session_token)
{
  g_assert_nonnull (credential);
  g_assert_cmpstr (credential->name, ==, name);
  g_assert_cmpstr (credential->access_key_id, ==, access_key_id);
  g_assert_cmpstr (credential->secret_access_key, ==, secret_access_key);
  g_assert_cmpstr (credential->session_token, ==, session_token);
}

static void
assert_not_found (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) credential = lookup (fixture, name, &error);
  g_autofree char *message = g_strdup_printf ("No credential named “%s” in the keyring", name);

  g_assert_null (credential);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_save_lookup (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(SignetCredential) copy = NULL;

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, TOKEN);
  g_assert_cmpuint (fixture->changed, ==, 1);

  credential = lookup (fixture, "petstore-tester", &error);
  g_assert_no_error (error);
  assert_credential (credential, "petstore-tester", KEY_ID, SECRET, TOKEN);

  copy = g_boxed_copy (SIGNET_TYPE_CREDENTIAL, credential);
  assert_credential (copy, "petstore-tester", KEY_ID, SECRET, TOKEN);
  g_assert_cmpuint (fixture->changed, ==, 1);
}

static void
test_save_lookup_no_token (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(SignetCredential) empty_token = NULL;

  save_ok (fixture, "long-lived", KEY_ID, SECRET, NULL);
  credential = lookup (fixture, "long-lived", &error);
  g_assert_no_error (error);
  assert_credential (credential, "long-lived", KEY_ID, SECRET, NULL);

  /* an empty token means none */
  save_ok (fixture, "empty-token", KEY_ID_2, SECRET_2, "");
  empty_token = lookup (fixture, "empty-token", &error);
  g_assert_no_error (error);
  assert_credential (empty_token, "empty-token", KEY_ID_2, SECRET_2, NULL);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) empty = list (fixture);
  g_autoptr(GPtrArray) infos = NULL;
  const SignetCredentialInfo *info;

  g_assert_cmpuint (empty->len, ==, 0);

  save_ok (fixture, "zeta", KEY_ID_2, SECRET_2, NULL);
  save_ok (fixture, "alpha", KEY_ID, SECRET, TOKEN);
  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 2);

  /* sorted by name; names and access key IDs only */
  info = g_ptr_array_index (infos, 0);
  g_assert_cmpstr (info->name, ==, "alpha");
  g_assert_cmpstr (info->access_key_id, ==, KEY_ID);
  info = g_ptr_array_index (infos, 1);
  g_assert_cmpstr (info->name, ==, "zeta");
  g_assert_cmpstr (info->access_key_id, ==, KEY_ID_2);
  for (guint i = 0; i < infos->len; i++)
    {
      info = g_ptr_array_index (infos, i);
      g_assert_null (strstr (info->name, SECRET));
      g_assert_null (strstr (info->access_key_id, SECRET));
      g_assert_null (strstr (info->access_key_id, TOKEN));
    }
}

/* Same name, another access key ID: one item, the new one. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GList *items;

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, TOKEN);
  save_ok (fixture, "petstore-tester", KEY_ID_2, SECRET_2, NULL);
  g_assert_cmpuint (fixture->changed, ==, 2);

  credential = lookup (fixture, "petstore-tester", &error);
  g_assert_no_error (error);
  assert_credential (credential, "petstore-tester", KEY_ID_2, SECRET_2, NULL);

  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (((SignetCredentialInfo *) g_ptr_array_index (infos, 0))->access_key_id, ==, KEY_ID_2);

  items = search_raw (signet_credential_store_get_schema (), "petstore-tester");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);
}

/* Same name, same access key ID, a rotated secret. */
static void
test_replace_same_key (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  GList *items;

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, TOKEN);
  save_ok (fixture, "petstore-tester", KEY_ID, SECRET_2, NULL);

  credential = lookup (fixture, "petstore-tester", &error);
  g_assert_no_error (error);
  assert_credential (credential, "petstore-tester", KEY_ID, SECRET_2, NULL);

  items = search_raw (signet_credential_store_get_schema (), "petstore-tester");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(SignetCredential) kept = NULL;

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, TOKEN);
  save_ok (fixture, "other", KEY_ID_2, SECRET_2, NULL);

  g_assert_true (remove_credential (fixture, "petstore-tester", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 3);
  assert_not_found (fixture, "petstore-tester");

  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (((SignetCredentialInfo *) g_ptr_array_index (infos, 0))->name, ==, "other");
  kept = lookup (fixture, "other", &error);
  g_assert_no_error (error);
  assert_credential (kept, "other", KEY_ID_2, SECRET_2, NULL);

  /* removing it again: not found, with a clear message */
  g_assert_false (remove_credential (fixture, "petstore-tester", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No credential named “petstore-tester” in the keyring");
  g_assert_cmpuint (fixture->changed, ==, 3);
}

static void
test_lookup_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_not_found (fixture, "nope");
  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, NULL);
  assert_not_found (fixture, "petstore");
  assert_not_found (fixture, "petstore-tester2");
}

/* The secret and token are in the item's secret, together, and nowhere
 * else: not in its attributes, not in its label. */
static void
test_secret_only_in_secret (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GAsyncResult) retrieved = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  SecretRetrievable *item;
  JsonObject *object;
  GHashTableIter iter;
  gpointer key, attribute;
  GList *items;

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, TOKEN);
  items = search_raw (signet_credential_store_get_schema (), "petstore-tester");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;

  label = secret_retrievable_get_label (item);
  g_assert_cmpstr (label, ==, "Signet AWS credential “petstore-tester” (" KEY_ID ")");

  attributes = secret_retrievable_get_attributes (item);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "name"), ==, "petstore-tester");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "access-key-id"), ==, KEY_ID);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &attribute))
    {
      /* the file backend stores no xdg:schema; the Secret Service does */
      g_assert_true (g_str_equal (key, "name") || g_str_equal (key, "access-key-id") ||
                     g_str_equal (key, "xdg:schema"));
      g_assert_null (strstr (attribute, SECRET));
      g_assert_null (strstr (attribute, TOKEN));
      g_assert_null (strstr (key, SECRET));
    }
  g_assert_null (strstr (label, SECRET));
  g_assert_null (strstr (label, TOKEN));

  secret_retrievable_retrieve_secret (item, NULL, on_done, &retrieved);
  value = secret_retrievable_retrieve_secret_finish (item, wait_for (&retrieved), &error);
  g_assert_no_error (error);
  g_assert_nonnull (value);
  json_parser_load_from_data (parser, secret_value_get_text (value), -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "secret_access_key"), ==, SECRET);
  g_assert_cmpstr (json_object_get_string_member (object, "session_token"), ==, TOKEN);
  g_assert_null (strstr (secret_value_get_text (value), KEY_ID));

  g_list_free_full (items, g_object_unref);
}

/* Quotes and backslashes in the secret, non-ASCII in the name. */
static void
test_escaping (Fixture       *fixture,
               gconstpointer  data)
{
  const char *name = "café ☕ prod";
  const char *secret = "a\"b\\c/d{}";
  const char *token = "\\\"\\u0041";
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  save_ok (fixture, name, KEY_ID, secret, token);
  credential = lookup (fixture, name, &error);
  g_assert_no_error (error);
  assert_credential (credential, name, KEY_ID, secret, token);

  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (((SignetCredentialInfo *) g_ptr_array_index (infos, 0))->name, ==, name);
}

/* Secrets written by hand (or by a later version) are read as JSON. */
static void
test_decode (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCredential) escaped = NULL;
  g_autoptr(SignetCredential) spaced = NULL;

  store_raw_credential ("escaped", KEY_ID,
             "{\"session_token\":\"T\\u0030\\/\",\"secret_access_key\":\"A\\u0042\\\"\\\\\",\"later\":\"x\"}");
  escaped = lookup (fixture, "escaped", &error);
  g_assert_no_error (error);
  assert_credential (escaped, "escaped", KEY_ID, "AB\"\\", "T0/");

  store_raw_credential ("spaced", KEY_ID_2, " {\n  \"secret_access_key\" : \"S\" ,\n  \"session_token\" : null\n}\n");
  spaced = lookup (fixture, "spaced", &error);
  g_assert_no_error (error);
  assert_credential (spaced, "spaced", KEY_ID_2, "S", NULL);
}

/* An item of our schema that holds something else is an error, and the
 * error shows none of it. */
static void
test_not_a_credential (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const bad_secrets[] = {
    "plainSECRETvalue",
    "{\"secret_access_key\":\"\"}",
    "{\"session_token\":\"SECRETvalue\"}",
    "{\"secret_access_key\":\"SECRETvalue\",\"secret_access_key\":\"SECRETvalue\"}",
    "{\"secret_access_key\":\"SECRETvalue\"} trailing",
    "{\"secret_access_key\":\"SECRETvalue\"",
    "{\"secret_access_key\":\"SECRETvalue\\ud800\"}",
    "{\"secret_access_key\":\"SECRETvalue\\u0000\"}",
    "{\"secret_access_key\":\"SECRET value\"}",
    "{\"secret_access_key\":\"SECRETvalue\\x\"}",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_secrets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetCredential) credential = NULL;

      store_raw_credential ("broken", KEY_ID, bad_secrets[i]);
      credential = lookup (fixture, "broken", &error);
      g_assert_null (credential);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, "The keyring item “broken” does not hold a Signet credential");
    }
}

/* Another schema's item with a `name` attribute: the file backend matches
 * it in searches (it ignores the schema), the store must not. */
static void
test_foreign_items (Fixture       *fixture,
                    gconstpointer  data)
{
  static const SecretSchema other_schema = {
    "org.example.Other", SECRET_SCHEMA_NONE,
    { { "name", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GAsyncResult) retrieved = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(SecretValue) other_secret = NULL;
  GList *items;

  g_hash_table_insert (attributes, (gpointer) "name", (gpointer) "petstore-tester");
  store_raw (&other_schema, attributes, "other-secret");

  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 0);
  assert_not_found (fixture, "petstore-tester");
  g_assert_false (remove_credential (fixture, "petstore-tester", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, NULL);
  save_ok (fixture, "petstore-tester", KEY_ID_2, SECRET_2, NULL);
  g_assert_true (remove_credential (fixture, "petstore-tester", &error));
  g_assert_no_error (error);

  /* still there, untouched */
  items = search_raw (&other_schema, "petstore-tester");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  secret_retrievable_retrieve_secret (items->data, NULL, on_done, &retrieved);
  other_secret = secret_retrievable_retrieve_secret_finish (items->data, wait_for (&retrieved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret_value_get_text (other_secret), ==, "other-secret");
  g_list_free_full (items, g_object_unref);

  secret_password_clearv (&other_schema, attributes, NULL, on_done, &cleared);
  g_assert_true (secret_password_clear_finish (wait_for (&cleared), &error));
  g_assert_no_error (error);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *access_key_id;
    const char *secret_access_key;
    const char *session_token;
    const char *message;
  } cases[] = {
    { "", KEY_ID, SECRET, NULL, "A credential needs a name" },
    { NULL, KEY_ID, SECRET, NULL, "A credential needs a name" },
    { "tab\there", KEY_ID, SECRET, NULL, "control characters" },
    { "line\nbreak", KEY_ID, SECRET, NULL, "control characters" },
    { "bad-utf8-\xff", KEY_ID, SECRET, NULL, "UTF-8" },
    { "ok", NULL, SECRET, NULL, "The access key ID is empty" },
    { "ok", "", SECRET, NULL, "The access key ID is empty" },
    { "ok", "AKIA/1", SECRET, NULL, "The access key ID is malformed" },
    { "ok", "AKIA 1", SECRET, NULL, "The access key ID is malformed" },
    { "ok", KEY_ID, NULL, NULL, "The secret access key is empty" },
    { "ok", KEY_ID, "", NULL, "The secret access key is empty" },
    { "ok", KEY_ID, "SECRET with spaces", NULL, "The secret access key is malformed" },
    { "ok", KEY_ID, SECRET, "TOKEN\nline", "The session token is malformed" },
  };
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autoptr(SignetCredential) credential = NULL;
  g_autofree char *long_name = g_strnfill (257, 'n');
  g_autoptr(GError) long_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (save (fixture, cases[i].name, cases[i].access_key_id, cases[i].secret_access_key,
                            cases[i].session_token, &error));
      g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_null (strstr (error->message, "SECRET"));
      g_assert_null (strstr (error->message, "TOKEN"));
    }
  g_assert_false (save (fixture, long_name, KEY_ID, SECRET, NULL, &long_error));
  g_assert_error (long_error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);

  g_assert_cmpuint (fixture->changed, ==, 0);
  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 0);

  credential = lookup (fixture, "", &lookup_error);
  g_assert_null (credential);
  g_assert_error (lookup_error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) removed = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autoptr(GError) remove_error = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  save_ok (fixture, "petstore-tester", KEY_ID, SECRET, NULL);
  g_cancellable_cancel (cancellable);

  signet_credential_store_save_async (fixture->store, "cancelled", KEY_ID, SECRET, NULL,
                                      cancellable, on_done, &saved);
  g_assert_false (signet_credential_store_save_finish (fixture->store, wait_for (&saved), &save_error));
  g_assert_error (save_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  signet_credential_store_lookup_async (fixture->store, "petstore-tester", cancellable, on_done, &looked_up);
  g_assert_null (signet_credential_store_lookup_finish (fixture->store, wait_for (&looked_up), &lookup_error));
  g_assert_error (lookup_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  signet_credential_store_list_async (fixture->store, cancellable, on_done, &listed);
  g_assert_null (signet_credential_store_list_finish (fixture->store, wait_for (&listed), &list_error));
  g_assert_error (list_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  signet_credential_store_remove_async (fixture->store, "petstore-tester", cancellable, on_done, &removed);
  g_assert_false (signet_credential_store_remove_finish (fixture->store, wait_for (&removed), &remove_error));
  g_assert_error (remove_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  infos = list (fixture);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (((SignetCredentialInfo *) g_ptr_array_index (infos, 0))->name, ==, "petstore-tester");
}

#define ADD_TEST(path, func) \
  g_test_add ("/signet/credential-store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  g_autofree char *keyring_dir = signet_test_keyring_setup ();
  int status;

  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("save-lookup", test_save_lookup);
  ADD_TEST ("save-lookup-no-token", test_save_lookup_no_token);
  ADD_TEST ("list", test_list);
  ADD_TEST ("replace", test_replace);
  ADD_TEST ("replace-same-key", test_replace_same_key);
  ADD_TEST ("remove", test_remove);
  ADD_TEST ("lookup-missing", test_lookup_missing);
  ADD_TEST ("secret-only-in-secret", test_secret_only_in_secret);
  ADD_TEST ("escaping", test_escaping);
  ADD_TEST ("decode", test_decode);
  ADD_TEST ("not-a-credential", test_not_a_credential);
  ADD_TEST ("foreign-items", test_foreign_items);
  ADD_TEST ("invalid", test_invalid);
  ADD_TEST ("cancelled", test_cancelled);

  status = g_test_run ();

  if (keyring_dir != NULL)
    signet_test_keyring_remove (keyring_dir);
  return status;
}
