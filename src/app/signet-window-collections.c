/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-file-chooser.h"
#include "signet-request-copy.h"
#include "signet-save-dialog.h"
#include "signet-window-private.h"

/* The window's side of collections: the sidebar, opening a saved request
 * in a tab, and the actions on saved requests (save, save as, rename,
 * duplicate, move, delete with undo, open and new collection). Every
 * file operation is the collection's own async edit; the window shows
 * the outcome in a toast. */

static SignetRequestPage *
find_page_for_item (SignetWindow         *self,
                    SignetCollectionItem *item,
                    AdwTabPage          **tab_page)
{
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      AdwTabPage *nth = adw_tab_view_get_nth_page (self->tab_view, i);
      GtkWidget *child = adw_tab_page_get_child (nth);

      if (SIGNET_IS_REQUEST_PAGE (child) &&
          signet_request_page_get_item (SIGNET_REQUEST_PAGE (child), NULL) == item)
        {
          if (tab_page != NULL)
            *tab_page = nth;
          return SIGNET_REQUEST_PAGE (child);
        }
    }
  return NULL;
}

/* Focuses the tab that has @item open, or opens it in a new one. */
static void
open_item (SignetWindow         *self,
           SignetCollection     *collection,
           SignetCollectionItem *item)
{
  AdwTabPage *tab_page = NULL;
  g_autoptr(SignetRequest) copy = NULL;

  if (find_page_for_item (self, item, &tab_page) == NULL)
    {
      copy = signet_request_dup (signet_collection_item_get_request (item));
      signet_window_add_page (self, copy, collection, item);
      tab_page = adw_tab_view_get_selected_page (self->tab_view);
    }
  adw_tab_view_set_selected_page (self->tab_view, tab_page);
  gtk_widget_grab_focus (adw_tab_page_get_child (tab_page));
}

/* Pages of a renamed or moved request show its new name. */
static void
refresh_pages (SignetWindow         *self,
               SignetCollection     *collection,
               SignetCollectionItem *item)
{
  SignetRequestPage *page = find_page_for_item (self, item, NULL);

  if (page != NULL)
    signet_request_page_set_item (page, collection, item);
}

static void
report_failure (SignetWindow *self,
                const char   *doing,
                const GError *error)
{
  /* cancelled: the window is closing */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    signet_window_show_error (self, doing, error);
}

/* The item an edit of the collection gives, or NULL, said in a toast. */
static SignetCollectionItem *
finish_edit (SignetWindow *self,
             GObject      *source,
             GAsyncResult *result,
             const char   *doing)
{
  g_autoptr(GError) error = NULL;
  SignetCollectionItem *item = signet_collection_edit_finish (SIGNET_COLLECTION (source), result, &error);

  if (item == NULL)
    report_failure (self, doing, error);
  return item;
}

/* The request an action on a saved request means: the sidebar's
 * selection, else the current tab's. */
static SignetCollectionItem *
target_item (SignetWindow      *self,
             SignetCollection **collection)
{
  SignetCollectionItem *item = signet_sidebar_get_selected (self->sidebar, collection, NULL);
  SignetRequestPage *page;

  if (item != NULL)
    return item;
  page = signet_window_get_current_page (self);
  if (page != NULL)
    item = signet_request_page_get_item (page, collection);
  if (item == NULL)
    signet_window_show_toast (self, _("Select a saved request first"));
  return item;
}

/* Save and Save As */

static void
page_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  SignetRequestPage *page = SIGNET_REQUEST_PAGE (source);
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  SignetCollection *collection = NULL;

  item = signet_request_page_save_finish (page, result, &error);
  if (item == NULL)
    {
      report_failure (self, _("Could not save the request"), error);
      return;
    }
  signet_request_page_get_item (page, &collection);
  signet_sidebar_select_item (self->sidebar, collection, item);
}

/* The collection to propose: the current tab's, the sidebar's, the first. */
static SignetCollection *
proposed_collection (SignetWindow  *self,
                     const char   **folder)
{
  GListModel *collections = signet_collection_list_get_model (self->collections);
  SignetCollection *collection = NULL;
  g_autoptr(SignetCollection) first = NULL;

  signet_sidebar_get_selected (self->sidebar, &collection, folder);
  if (collection != NULL)
    return collection;
  first = g_list_model_get_item (collections, 0);
  return first;
}

/* The tab closes once saved; it stays if the save failed. */
static void
close_saved_page_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AdwTabPage) tab_page = user_data;
  SignetRequestPage *page = SIGNET_REQUEST_PAGE (source);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  SignetWindow *self;

  item = signet_request_page_save_finish (page, result, &error);
  if (!SIGNET_IS_WINDOW (root))
    return;
  self = SIGNET_WINDOW (root);
  if (adw_tab_view_get_page_position (self->tab_view, tab_page) < 0)
    return;
  if (item == NULL)
    report_failure (self, _("Could not save the request"), error);
  adw_tab_view_close_page_finish (self->tab_view, tab_page, item != NULL);
}

/* A close that asked and now will not happen. */
static void
keep_closing_tab (SignetWindow *self,
                  AdwTabPage   *closing)
{
  if (closing != NULL && adw_tab_view_get_page_position (self->tab_view, closing) >= 0)
    adw_tab_view_close_page_finish (self->tab_view, closing, FALSE);
}

static void
save_dialog_response_cb (SignetSaveDialog *dialog,
                         const char       *response,
                         SignetWindow     *self)
{
  SignetRequestPage *page = g_object_get_data (G_OBJECT (dialog), "signet-page");
  AdwTabPage *closing = g_object_get_data (G_OBJECT (dialog), "signet-closing");
  SignetCollection *collection = signet_save_dialog_get_collection (dialog);
  g_autofree char *folder = signet_save_dialog_dup_folder (dialog);
  g_autofree char *name = signet_save_dialog_dup_name (dialog);

  if (!g_str_equal (response, "save") || collection == NULL || name[0] == '\0')
    {
      keep_closing_tab (self, closing);
      return;
    }
  if (closing != NULL)
    signet_request_page_save_as_async (page, collection, folder, name, self->cancellable,
                                       close_saved_page_cb, g_object_ref (closing));
  else
    signet_request_page_save_as_async (page, collection, folder, name, self->cancellable,
                                       page_saved_cb, g_object_ref (self));
}

/* @closing: (nullable): the tab to close once saved */
static void
save_as (SignetWindow      *self,
         SignetRequestPage *page,
         AdwTabPage        *closing)
{
  GListModel *collections = signet_collection_list_get_model (self->collections);
  SignetCollection *collection = NULL;
  const char *folder = "";
  SignetSaveDialog *dialog;

  if (g_list_model_get_n_items (collections) == 0)
    {
      signet_window_show_toast (self, _("Create or open a collection to save requests in"));
      keep_closing_tab (self, closing);
      return;
    }

  if (signet_request_page_get_item (page, &collection) == NULL)
    collection = proposed_collection (self, &folder);
  dialog = signet_save_dialog_new (GTK_WINDOW (self), collections);
  signet_save_dialog_set_choice (dialog, collection, folder,
                                 signet_request_get_title (signet_request_page_get_request (page)));
  g_object_set_data_full (G_OBJECT (dialog), "signet-page", g_object_ref (page), g_object_unref);
  if (closing != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "signet-closing", g_object_ref (closing),
                            g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetRequestPage *page = signet_window_get_current_page (self);

  if (page == NULL)
    return;
  if (signet_request_page_get_item (page, NULL) == NULL)
    save_as (self, page, NULL);
  else
    signet_request_page_save_async (page, self->cancellable, page_saved_cb, g_object_ref (self));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetRequestPage *page = signet_window_get_current_page (self);

  if (page != NULL)
    save_as (self, page, NULL);
}

/**
 * signet_window_save_and_close:
 * @tab_page: a tab whose close was asked for and is pending
 *
 * "Save" in the close question: saves (asking where, for a request never
 * saved), then finishes the close; a failed or cancelled save keeps the tab.
 */
void
signet_window_save_and_close (SignetWindow *self,
                              AdwTabPage   *tab_page)
{
  SignetRequestPage *page = SIGNET_REQUEST_PAGE (adw_tab_page_get_child (tab_page));

  if (signet_request_page_get_item (page, NULL) == NULL)
    save_as (self, page, tab_page);
  else
    signet_request_page_save_async (page, self->cancellable, close_saved_page_cb,
                                    g_object_ref (tab_page));
}

/* A question with one line of text to type: a name or a folder. */
AdwMessageDialog *
signet_window_text_dialog_new (SignetWindow *self,
                               const char   *heading,
                               const char   *body,
                               const char   *text,
                               const char   *label,
                               const char   *response,
                               const char   *response_label)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

char *
signet_window_dialog_dup_text (AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* What a dialog acts on, until it answers. */
static void
dialog_set_target (AdwMessageDialog     *dialog,
                   SignetCollection     *collection,
                   SignetCollectionItem *item)
{
  g_object_set_data_full (G_OBJECT (dialog), "signet-collection", g_object_ref (collection),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "signet-item", g_object_ref (item), g_object_unref);
}

/* Rename, duplicate, move */

static void
relocated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  SignetCollection *collection = SIGNET_COLLECTION (source);
  g_autoptr(SignetCollectionItem) item = finish_edit (self, source, result,
                                                      _("Could not change the saved request"));

  if (item == NULL)
    return;
  refresh_pages (self, collection, item);
  signet_sidebar_select_item (self->sidebar, collection, item);
}

/* Rename and Move ask for a name or a folder, then relocate the file. */
static void
relocate_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SignetWindow     *self)
{
  SignetCollection *collection = g_object_get_data (G_OBJECT (dialog), "signet-collection");
  SignetCollectionItem *item = g_object_get_data (G_OBJECT (dialog), "signet-item");
  g_autofree char *text = signet_window_dialog_dup_text (dialog);

  if (g_str_equal (response, "rename") && text[0] != '\0')
    signet_collection_rename_async (collection, item, text, self->cancellable,
                                    relocated_cb, g_object_ref (self));
  else if (g_str_equal (response, "move"))
    signet_collection_move_async (collection, item, text, self->cancellable,
                                  relocated_cb, g_object_ref (self));
}

static void
ask_to_relocate (SignetWindow *self,
                 gboolean      rename)
{
  SignetCollection *collection = NULL;
  SignetCollectionItem *item = target_item (self, &collection);
  AdwMessageDialog *dialog;

  if (item == NULL)
    return;
  if (rename)
    dialog = signet_window_text_dialog_new (self, _("Rename Request"), NULL,
                                            signet_collection_item_get_name (item), _("Name"),
                                            "rename", _("_Rename"));
  else
    dialog = signet_window_text_dialog_new (self, _("Move Request"),
                                            _("Type the folder to move it to: a new name makes a new folder, "
                                              "an empty one moves it to the top of the collection."),
                                            signet_collection_item_get_folder (item), _("Folder"),
                                            "move", _("_Move"));
  dialog_set_target (dialog, collection, item);
  g_signal_connect_object (dialog, "response", G_CALLBACK (relocate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ask_to_relocate (SIGNET_WINDOW (widget), TRUE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ask_to_relocate (SIGNET_WINDOW (widget), FALSE);
}

/* Delete, and Undo */

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  SignetCollection *collection = SIGNET_COLLECTION (source);
  g_autoptr(SignetCollectionItem) item = finish_edit (self, source, result,
                                                      _("Could not delete the request"));
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  SignetRequestPage *page;
  AdwToast *toast;

  if (item == NULL)
    return;

  /* a tab still open on it keeps the request, as a new one to save */
  page = find_page_for_item (self, item, NULL);
  if (page != NULL)
    signet_request_page_set_item (page, NULL, NULL);
  g_set_weak_pointer (&self->deleted_page, page);

  g_set_object (&self->deleted_collection, collection);
  g_set_object (&self->deleted_item, item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", TRUE);

  escaped = g_markup_escape_text (signet_collection_item_get_name (item), -1);
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* win.duplicate-request and win.delete-request: no question asked
 * (a delete can be undone) */
static void
duplicate_or_delete_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetCollection *collection = NULL;
  SignetCollectionItem *item = target_item (self, &collection);

  if (item == NULL)
    return;
  if (g_str_equal (action_name, "win.delete-request"))
    signet_collection_delete_async (collection, item, self->cancellable,
                                    deleted_cb, g_object_ref (self));
  else
    signet_collection_duplicate_async (collection, item, self->cancellable,
                                       relocated_cb, g_object_ref (self));
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(SignetCollectionItem) item = finish_edit (self, source, result,
                                                      _("Could not restore the request"));
  SignetRequestPage *page = self->deleted_page;

  g_clear_weak_pointer (&self->deleted_page);
  if (item == NULL)
    return;
  /* the tab it was open in saves into it again, unless saved elsewhere since */
  if (page != NULL && signet_request_page_get_item (page, NULL) == NULL)
    signet_request_page_set_item (page, SIGNET_COLLECTION (source), item);
  signet_sidebar_select_item (self->sidebar, SIGNET_COLLECTION (source), item);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  g_autoptr(SignetCollection) collection = g_steal_pointer (&self->deleted_collection);
  g_autoptr(SignetCollectionItem) item = g_steal_pointer (&self->deleted_item);

  gtk_widget_action_set_enabled (widget, "win.undo-delete", FALSE);
  if (item != NULL)
    signet_collection_restore_async (collection, item, self->cancellable,
                                     restored_cb, g_object_ref (self));
}

/* Open Collection Folder… and New Collection… */

static void
collection_opened_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(SignetCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = signet_collection_list_open_finish (SIGNET_COLLECTION_LIST (source), result, &error);
  if (collection == NULL)
    report_failure (self, _("Could not open the collection"), error);
  else
    signet_sidebar_reveal (self->sidebar, collection);
}

/**
 * signet_window_open_collection:
 * @dir: a collection folder
 *
 * Opens @dir in the sidebar, as "Open Collection Folder…" does.
 */
void
signet_window_open_collection (SignetWindow *self,
                               GFile        *dir)
{
  g_return_if_fail (SIGNET_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (dir));

  signet_collection_list_open_async (self->collections, dir, self->cancellable,
                                     collection_opened_cb, g_object_ref (self));
}

static void
folder_chosen_cb (gpointer         owner,
                  GFile           *dir,
                  GtkNativeDialog *chooser)
{
  SignetWindow *self = SIGNET_WINDOW (owner);

  signet_window_open_collection (self, dir);
}

static void
open_collection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Collection Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  signet_file_chooser_show (chooser, self, folder_chosen_cb);
}

static void
collection_created_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(SignetCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = signet_collection_list_create_finish (SIGNET_COLLECTION_LIST (source), result, &error);
  if (collection == NULL)
    report_failure (self, _("Could not create the collection"), error);
  else
    signet_sidebar_reveal (self->sidebar, collection);
}

static void
new_collection_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            SignetWindow     *self)
{
  g_autofree char *name = signet_window_dialog_dup_text (dialog);

  if (!g_str_equal (response, "create") || name[0] == '\0')
    return;
  signet_collection_list_create_async (self->collections, name, self->cancellable,
                                       collection_created_cb, g_object_ref (self));
}

static void
new_collection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = signet_window_text_dialog_new (self, _("New Collection"),
                                          _("A collection is a folder of saved requests, made in Signet’s own "
                                            "folder; use Open Collection Folder for one elsewhere."),
                                          NULL, _("Collection name"), "create", _("C_reate"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_collection_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sidebar_item_activated_cb (SignetWindow         *self,
                           SignetCollection     *collection,
                           SignetCollectionItem *item)
{
  open_item (self, collection, item);
}

static void
sidebar_visible_cb (SignetWindow *self)
{
  g_object_notify (G_OBJECT (self), "show-sidebar");
}

static void
open_failed_cb (SignetWindow *self,
                const GError *error)
{
  signet_window_show_error (self, _("Could not open a collection"), error);
}

void
signet_window_setup_collections (SignetWindow *self)
{
  /* a window made without the application's list: one of its own */
  if (self->collections == NULL)
    self->collections = signet_collection_list_new_default (NULL);

  self->sidebar = g_object_new (SIGNET_TYPE_SIDEBAR, "collections", self->collections, NULL);
  gtk_paned_set_start_child (self->paned, GTK_WIDGET (self->sidebar));
  g_signal_connect_object (self->sidebar, "item-activated",
                           G_CALLBACK (sidebar_item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::visible",
                           G_CALLBACK (sidebar_visible_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collections, "open-failed",
                           G_CALLBACK (open_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);

  /* the switcher lists the environments of the collection in use */
  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (signet_window_update_environments), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (signet_sidebar_get_rows (self->sidebar), "selection-changed",
                           G_CALLBACK (signet_window_update_environments), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (signet_collection_list_get_model (self->collections), "items-changed",
                           G_CALLBACK (signet_window_update_environments), self, G_CONNECT_SWAPPED);
  signet_window_update_environments (self);
}

void
signet_window_class_init_collections (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  /* F2 and Delete: bound in the sidebar, where they mean its selection */
  gtk_widget_class_install_action (widget_class, "win.rename-request", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-request", NULL,
                                   duplicate_or_delete_action);
  gtk_widget_class_install_action (widget_class, "win.move-request", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.delete-request", NULL,
                                   duplicate_or_delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.open-collection", NULL,
                                   open_collection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-collection", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-collection", NULL,
                                   new_collection_action);
}
