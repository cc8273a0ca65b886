/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "signet-credential-dialog.h"
#include "signet-export-postman.h"
#include "signet-file-chooser.h"
#include "signet-import-curl.h"
#include "signet-import-openapi.h"
#include "signet-import-postman.h"
#include "signet-import-save.h"
#include "signet-window-private.h"

/* The window's Import and Export: a Postman v2.1 collection or an
 * OpenAPI / Swagger document becomes a new collection folder (the core's
 * signet_import_save_async), a pasted curl command a new tab, and a
 * collection a Postman file. Secrets an import finds are never written:
 * they are offered for the keyring, one credential at a time. */

/* Reading and parsing a file to import */

/* An OpenAPI 3 or Swagger 2 document says so at its top; anything else
 * is taken for a Postman collection, whose importer names what is wrong. */
static gboolean
is_openapi (const char *text,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) &&
         (json_object_has_member (json_node_get_object (root), "openapi") ||
          json_object_has_member (json_node_get_object (root), "swagger"));
}

static void
read_import_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *text = NULL;
  gsize length = 0;
  SignetImportResult *imported;
  GError *error = NULL;

  if (!g_file_load_contents (file, cancellable, &text, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  imported = is_openapi (text, length) ? signet_import_openapi (text, length, &error)
                                       : signet_import_postman (text, length, &error);
  /* the text may hold secrets */
  memset (text, 0, length);
  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, g_object_unref);
}

/* Keeping secrets in the keyring */

typedef struct
{
  SignetWindow       *self;
  SignetImportResult *imported;
  /* the secret offered */
  guint               index;
  char               *name;
} OfferData;

static void
offer_data_free (OfferData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->imported);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OfferData, offer_data_free)

/* the dialog's answer holds it until the dialog goes */
static void
offer_data_closure_free (gpointer  data,
                         GClosure *closure)
{
  offer_data_free (data);
}

static void offer_secrets (SignetWindow       *self,
                           SignetImportResult *imported,
                           guint               from);

/* The access key ID the imported requests sign with, their {{variables}}
 * expanded with the source's: what a secret found without one goes with. */
static char *
dup_signing_key_id (SignetImportResult *imported)
{
  GListModel *variables = signet_import_result_get_variables (imported);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (variables, i);

      g_hash_table_insert (values, (char *) signet_request_row_get_name (row),
                           (char *) signet_request_row_get_value (row));
    }
  for (guint i = 0; i < signet_import_result_get_n_requests (imported); i++)
    {
      SignetRequest *request = signet_import_result_get_request (imported, i);
      g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *key_id = NULL;

      if (signet_request_get_auth_kind (request) != SIGNET_AUTH_KIND_AWS_SIGV4)
        continue;
      key_id = signet_variables_expand (signet_request_get_access_key_id (request),
                                        signet_variables_lookup_table, values, unknown);
      g_strstrip (key_id);
      if (unknown->len == 0 && key_id[0] != '\0')
        return g_steal_pointer (&key_id);
    }
  return NULL;
}

/* The session token found with the secret access key at @index, if any. */
static const char *
find_session_token (SignetImportResult *imported,
                    guint               index)
{
  const char *key_id = signet_import_result_get_secret_access_key_id (imported, index);

  for (guint i = 0; i < signet_import_result_get_n_secrets (imported); i++)
    if (signet_import_result_get_secret_kind (imported, i) == SIGNET_IMPORT_SECRET_SESSION_TOKEN &&
        g_strcmp0 (signet_import_result_get_secret_access_key_id (imported, i), key_id) == 0)
      return signet_import_result_get_secret_value (imported, i);
  return NULL;
}

static void
credential_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(OfferData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!signet_credential_store_save_finish (SIGNET_CREDENTIAL_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        signet_window_show_error (data->self, _("Could not save the credential"), error);
      return;
    }
  message = g_strdup_printf (_("Saved “%s” in the keyring: choose it in a request’s Auth tab"),
                             data->name);
  signet_window_show_toast (data->self, message);
  offer_secrets (data->self, data->imported, data->index + 1);
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  OfferData *data = user_data;
  SignetWindow *self = data->self;
  g_autofree char *typed_key_id = NULL;
  g_autofree char *key_id = NULL;
  OfferData *saving;

  if (!g_str_equal (response, "save"))
    {
      offer_secrets (self, data->imported, data->index + 1);
      return;
    }

  typed_key_id = signet_credential_dialog_dup_access_key_id (dialog);
  key_id = typed_key_id != NULL ? g_steal_pointer (&typed_key_id)
                                : g_strdup (g_object_get_data (G_OBJECT (dialog), "signet-key-id"));
  saving = g_new0 (OfferData, 1);
  saving->self = g_object_ref (self);
  saving->imported = g_object_ref (data->imported);
  saving->index = data->index;
  saving->name = signet_credential_dialog_dup_name (dialog);
  signet_credential_store_save_async (self->credential_store, saving->name, key_id,
                                      signet_import_result_get_secret_value (data->imported, data->index),
                                      find_session_token (data->imported, data->index),
                                      self->cancellable, credential_saved_cb, saving);
}

/* Offers the secret access keys found, from the @from'th secret on, one
 * dialog each; session tokens go with their access key. */
static void
offer_secrets (SignetWindow       *self,
               SignetImportResult *imported,
               guint               from)
{
  guint n = signet_import_result_get_n_secrets (imported);
  g_autofree char *key_id = NULL;
  AdwMessageDialog *dialog;
  OfferData *data;
  guint i;

  for (i = from; i < n; i++)
    if (signet_import_result_get_secret_kind (imported, i) == SIGNET_IMPORT_SECRET_ACCESS_KEY)
      break;
  if (i >= n)
    return;
  if (self->credential_store == NULL)
    {
      signet_window_show_toast (self, _("The secrets in the file were not written, and no keyring "
                                        "is at hand to keep them"));
      return;
    }

  key_id = g_strdup (signet_import_result_get_secret_access_key_id (imported, i));
  if (key_id == NULL || key_id[0] == '\0')
    {
      g_free (key_id);
      key_id = dup_signing_key_id (imported);
    }
  dialog = signet_credential_dialog_new (GTK_WINDOW (self), _("Keep the Secret in the Keyring?"),
                                         key_id);
  adw_message_dialog_format_body (dialog,
                                  _("The import found a secret access key (%s) and did not write it "
                                    "to the collection. The system keyring can keep it, with its "
                                    "access key ID, as a credential named:"),
                                  signet_import_result_get_secret_where (imported, i));
  g_object_set_data_full (G_OBJECT (dialog), "signet-key-id", g_strdup (key_id), g_free);
  data = g_new0 (OfferData, 1);
  data->self = g_object_ref (self);
  data->imported = g_object_ref (imported);
  data->index = i;
  g_signal_connect_data (dialog, "response", G_CALLBACK (offer_response_cb), data,
                         offer_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writing the import */

/* The importer's warnings, and the operations the document leaves open. */
static GStrv
list_warnings (SignetImportResult *imported)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *warnings = signet_import_result_get_warnings (imported);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_strv_builder_add (builder, warnings[i]);
  for (guint i = 0; i < signet_import_result_get_n_requests (imported); i++)
    if (signet_import_result_get_request_protection (imported, i) == SIGNET_IMPORT_PROTECTION_OPEN)
      {
        g_autofree char *open = NULL;

        /* Translators: %s is a request's name */
        open = g_strdup_printf (_("“%s” is open: the document lets anyone call it unsigned"),
                                signet_import_result_get_request_name (imported, i));
        g_strv_builder_add (builder, open);
      }
  return g_strv_builder_end (builder);
}

/* "Imported 5 requests", with Details when something was left out. */
static void
show_imported (SignetWindow       *self,
               SignetImportResult *imported,
               const char         *name)
{
  guint n = signet_import_result_get_n_requests (imported);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_clear_pointer (&self->import_warnings, g_strfreev);
  self->import_warnings = list_warnings (imported);
  title = g_strdup_printf (ngettext ("Imported %u request into “%s”",
                                     "Imported %u requests into “%s”", n),
                           n, name);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (self->import_warnings[0] != NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-import-warnings");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-import-warnings",
                                 self->import_warnings[0] != NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  SignetWindow       *self;
  SignetImportResult *imported;
  GFile              *dir;
  char               *name;
  /* for a folder Signet proposed: "pets", then "pets-2"… */
  guint               attempt;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->imported);
  g_object_unref (data->dir);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
import_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!signet_import_save_finish (result, &error))
    {
      /* the folder proposed is taken: the next name, as New Collection does */
      if (data->attempt > 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autoptr(GFile) parent = g_file_get_parent (data->dir);
          g_autofree char *slug = signet_collection_slugify (data->name);
          g_autofree char *stem = g_strdup_printf ("%s-%u", slug, ++data->attempt);
          SaveData *again = g_steal_pointer (&data);

          g_object_unref (again->dir);
          again->dir = g_file_get_child (parent, stem);
          signet_import_save_async (again->imported, again->dir, again->name, again->self->cancellable,
                                    import_saved_cb, again);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        signet_window_show_error (data->self, _("Could not import"), error);
      return;
    }
  signet_window_open_collection (data->self, data->dir);
  show_imported (data->self, data->imported, data->name);
  offer_secrets (data->self, data->imported, 0);
}

/* @proposed: whether Signet chose @dir, and may choose the next name */
static void
save_import (SignetWindow       *self,
             SignetImportResult *imported,
             GFile              *dir,
             const char         *name,
             gboolean            proposed)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->attempt = proposed ? 1 : 0;
  data->self = g_object_ref (self);
  data->imported = g_object_ref (imported);
  data->dir = g_object_ref (dir);
  data->name = g_strdup (name);
  signet_import_save_async (imported, dir, name, self->cancellable, import_saved_cb, data);
}

static void
folder_chosen_cb (gpointer         owner,
                  GFile           *dir,
                  GtkNativeDialog *chooser)
{
  SignetWindow *self = SIGNET_WINDOW (owner);
  SignetImportResult *imported = g_object_get_data (G_OBJECT (chooser), "signet-import");
  const char *name = g_object_get_data (G_OBJECT (chooser), "signet-name");

  save_import (self, imported, dir, name, FALSE);
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  SignetWindow     *self)
{
  SignetImportResult *imported = g_object_get_data (G_OBJECT (dialog), "signet-import");
  g_autofree char *name = signet_window_dialog_dup_text (dialog);
  g_autofree char *slug = NULL;
  g_autoptr(GFile) dir = NULL;
  GtkFileChooserNative *chooser;

  if (g_str_equal (response, "import"))
    {
      if (name[0] == '\0')
        {
          g_free (name);
          name = g_strdup (_("Imported"));
        }
      slug = signet_collection_slugify (name);
      dir = g_file_get_child (signet_collection_list_get_default_dir (self->collections), slug);
      save_import (self, imported, dir, name, TRUE);
    }
  else if (g_str_equal (response, "elsewhere"))
    {
      chooser = gtk_file_chooser_native_new (_("Import Into Folder"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                             _("_Import"), _("_Cancel"));
      g_object_set_data_full (G_OBJECT (chooser), "signet-import", g_object_ref (imported),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (chooser), "signet-name", g_steal_pointer (&name), g_free);
      signet_file_chooser_show (chooser, self, folder_chosen_cb);
    }
}

/* Asks the new collection's name; its folder is new, under Signet's own,
 * unless the user chooses one. */
static void
ask_collection_name (SignetWindow       *self,
                     SignetImportResult *imported,
                     GFile              *file)
{
  const char *name = signet_import_result_get_name (imported);
  g_autofree char *basename = g_file_get_basename (file);
  GFile *default_dir = signet_collection_list_get_default_dir (self->collections);
  g_autofree char *folder = g_file_get_parse_name (default_dir);
  g_autofree char *body = NULL;
  guint n = signet_import_result_get_n_requests (imported);
  AdwMessageDialog *dialog;

  if (name == NULL || name[0] == '\0')
    {
      /* Pets.postman_collection.json: "Pets" */
      char *dot = strchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      name = basename;
    }
  body = g_strdup_printf (ngettext ("Its %u request goes to a new collection folder in %s, or in "
                                    "a folder you choose. Secrets are never written there.",
                                    "Its %u requests go to a new collection folder in %s, or in "
                                    "a folder you choose. Secrets are never written there.", n),
                          n, folder);
  dialog = signet_window_text_dialog_new (self, _("Import Collection"), body, name,
                                          _("Collection name"), "import", _("_Import"));
  adw_message_dialog_add_response (dialog, "elsewhere", _("Choose _Folder…"));
  g_object_set_data_full (G_OBJECT (dialog), "signet-import", g_object_ref (imported),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SignetWindow *self = SIGNET_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(SignetImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (imported == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *doing = g_strdup_printf (_("Could not import “%s”"), basename);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        signet_window_show_error (self, doing, error);
      return;
    }
  ask_collection_name (self, imported, file);
}

/**
 * signet_window_import_file:
 * @file: a Postman v2.1 collection, or an OpenAPI 3 / Swagger 2 document
 *   in JSON
 *
 * What Import… does with the file chosen: reads it off the main thread,
 * then asks the new collection's name.
 */
void
signet_window_import_file (SignetWindow *self,
                           GFile        *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIGNET_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, file_read_cb, NULL);
  g_task_set_source_tag (task, signet_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_import_thread);
}

static void
import_chosen_cb (gpointer         owner,
                  GFile           *file,
                  GtkNativeDialog *chooser)
{
  SignetWindow *self = SIGNET_WINDOW (owner);

  signet_window_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Postman Collections and OpenAPI Documents (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  chooser = gtk_file_chooser_native_new (_("Import Collection"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  signet_file_chooser_show (chooser, self, import_chosen_cb);
}

static void
show_import_warnings_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->import_warnings == NULL || self->import_warnings[0] == NULL)
    return;
  body = g_strjoinv ("\n", self->import_warnings);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Imported, with Notes"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Paste curl Command… */

static void
open_curl (SignetWindow *self,
           const char   *command)
{
  g_autoptr(SignetImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  imported = signet_import_curl (command, &error);
  if (imported == NULL)
    {
      signet_window_show_error (self, _("Could not read the curl command"), error);
      return;
    }
  signet_window_add_page (self, signet_import_result_get_request (imported, 0), NULL, NULL);
  warnings = list_warnings (imported);
  for (guint i = 0; warnings[i] != NULL; i++)
    signet_window_show_toast (self, warnings[i]);
  offer_secrets (self, imported, 0);
}

static void
curl_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  SignetWindow     *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "signet-text-view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *command = NULL;

  if (!g_str_equal (response, "open"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  command = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  open_curl (self, g_strstrip (command));
}

static void
paste_curl_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Paste curl Command"),
                                                       _("The request opens in a new tab; with "
                                                         "--aws-sigv4, it is signed with AWS "
                                                         "Signature.")));
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("curl command"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (dialog, scrolled);
  g_object_set_data (G_OBJECT (dialog), "signet-text-view", view);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (curl_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* Export as Postman Collection… */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        signet_window_show_error (self, _("Could not export the collection"), error);
      return;
    }
  shown = g_file_get_parse_name (G_FILE (source));
  message = g_strdup_printf (_("Exported to %s"), shown);
  signet_window_show_toast (self, message);
}

/**
 * signet_window_export_collection:
 * @collection: an open collection
 * @file: the Postman file to write
 *
 * What Export as Postman Collection… does with the file chosen: writes
 * @collection as a Postman v2.1 collection, with the variables of the
 * environment chosen (but secret ones); no secret is in it.
 */
void
signet_window_export_collection (SignetWindow     *self,
                                 SignetCollection *collection,
                                 GFile            *file)
{
  g_autoptr(SignetImportResult) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (SIGNET_IS_WINDOW (self));
  g_return_if_fail (SIGNET_IS_COLLECTION (collection));
  g_return_if_fail (G_IS_FILE (file));

  contents = signet_import_result_from_collection (collection);
  if (self->environment != NULL && collection == self->current_collection)
    signet_import_result_add_environment (contents, self->environment);
  json = signet_export_postman (contents, &error);
  if (json == NULL)
    {
      signet_window_show_error (self, _("Could not export the collection"), error);
      return;
    }
  bytes = g_bytes_new_take (g_strconcat (json, "\n", NULL), strlen (json) + 1);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, exported_cb, g_object_ref (self));
}

static void
export_chosen_cb (gpointer         owner,
                  GFile           *file,
                  GtkNativeDialog *chooser)
{
  SignetWindow *self = SIGNET_WINDOW (owner);
  SignetCollection *collection = g_object_get_data (G_OBJECT (chooser), "signet-collection");

  signet_window_export_collection (self, collection, file);
}

static void
export_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetCollection *collection = self->current_collection;
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (collection == NULL)
    {
      signet_window_show_toast (self, _("Open a collection to export first"));
      return;
    }
  suggested = g_strdup_printf ("%s.postman_collection.json", signet_collection_get_name (collection));
  g_strdelimit (suggested, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export as Postman Collection"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "signet-collection", g_object_ref (collection),
                          g_object_unref);
  signet_file_chooser_show (chooser, self, export_chosen_cb);
}

void
signet_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_install_action (widget_class, "win.paste-curl", NULL, paste_curl_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-warnings", NULL,
                                   show_import_warnings_action);
  gtk_widget_class_install_action (widget_class, "win.export-collection", NULL,
                                   export_collection_action);
}
