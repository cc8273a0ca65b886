/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-access-check.h"
#include "signet-window-private.h"


G_DEFINE_FINAL_TYPE (SignetWindow, signet_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CLIENT,
  PROP_CREDENTIAL_STORE,
  PROP_COLLECTIONS,
  PROP_SHOW_SIDEBAR,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tab's title, marked while the page has unsaved edits. */
static void
update_tab_title (AdwTabPage        *tab_page,
                  GParamSpec        *pspec,
                  SignetRequestPage *page)
{
  const char *title = signet_request_page_get_title (page);
  g_autofree char *marked = NULL;

  if (signet_request_page_get_unsaved (page))
    {
      /* Translators: the title of a tab with unsaved changes */
      marked = g_strdup_printf (_("• %s"), title);
      adw_tab_page_set_tooltip (tab_page, _("Unsaved changes"));
    }
  else
    adw_tab_page_set_tooltip (tab_page, NULL);
  adw_tab_page_set_title (tab_page, marked ? marked : title);
}

SignetRequestPage *
signet_window_add_page (SignetWindow         *self,
          SignetRequest        *request,
          SignetCollection     *collection,
          SignetCollectionItem *item)
{
  SignetRequestPage *page;
  AdwTabPage *tab_page;

  page = g_object_new (SIGNET_TYPE_REQUEST_PAGE,
                       "client", self->client,
                       "credential-store", self->credential_store,
                       "request", request,
                       "collection", collection,
                       "item", item,
                       "environment", self->environment,
                       "history", self->history,
                       NULL);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "body-wrap", page, "body-wrap", G_SETTINGS_BIND_DEFAULT);
  tab_page = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  g_signal_connect_object (page, "notify::title", G_CALLBACK (update_tab_title), tab_page,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::unsaved", G_CALLBACK (update_tab_title), tab_page,
                           G_CONNECT_SWAPPED);
  update_tab_title (tab_page, NULL, page);
  adw_tab_view_set_selected_page (self->tab_view, tab_page);

  return page;
}

/**
 * signet_window_get_current_page:
 *
 * Returns: (transfer none) (nullable): the selected tab's page
 */
SignetRequestPage *
signet_window_get_current_page (SignetWindow *self)
{
  AdwTabPage *tab_page = adw_tab_view_get_selected_page (self->tab_view);

  if (tab_page == NULL || !SIGNET_IS_REQUEST_PAGE (adw_tab_page_get_child (tab_page)))
    return NULL;
  return SIGNET_REQUEST_PAGE (adw_tab_page_get_child (tab_page));
}

void
signet_window_show_toast (SignetWindow *self,
                          const char   *text)
{
  /* Toast titles are markup in libadwaita 1.2; names and messages are not. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* "Could not save the request: <why>" */
void
signet_window_show_error (SignetWindow *self,
                          const char   *doing,
                          const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", doing, error->message);

  signet_window_show_toast (self, text);
}

static SignetRequestPage *
signet_window_add_request_page (SignetWindow *self)
{
  return signet_window_add_page (self, NULL, NULL, NULL);
}

static void
signet_window_new_tab_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  AdwTabPage *tab_page;

  signet_window_add_request_page (self);
  tab_page = adw_tab_view_get_selected_page (self->tab_view);
  gtk_widget_grab_focus (adw_tab_page_get_child (tab_page));
}

/* "Who can get in?" for the collection or folder selected in the
 * sidebar, with the current environment's values when it is that
 * collection's; with none selected, the window asks for a document. */
static void
signet_window_check_access_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetCollection *collection = NULL;
  const char *folder = NULL;
  SignetAccessCheck *check;

  if (self->sidebar != NULL)
    signet_sidebar_get_selected (self->sidebar, &collection, &folder);
  check = signet_access_check_new (self->credential_store, collection, folder,
                                   collection != NULL && collection == self->current_collection
                                   ? self->environment : NULL);
  gtk_window_set_transient_for (GTK_WINDOW (check), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (check));
}

static gboolean
close_if_empty_cb (gpointer user_data)
{
  SignetWindow *self = user_data;

  if (self->tab_view != NULL && adw_tab_view_get_n_pages (self->tab_view) == 0)
    gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
signet_window_page_detached_cb (SignetWindow *self,
                                AdwTabPage   *page,
                                int           position,
                                AdwTabView   *tab_view)
{
  /* Closing the last tab closes the window, as in GNOME Console. From an
   * idle: the last tab may go from a "Discard" dialog's ::response, and a
   * window must outlive its dialogs (GTK 4.8 crashes otherwise). */
  if (adw_tab_view_get_n_pages (tab_view) == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_if_empty_cb,
                     g_object_ref (self), g_object_unref);
}

static void
close_page_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AdwTabPage       *tab_page)
{
  SignetWindow *self = SIGNET_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  /* the tab may have gone another way while the dialog was up */
  if (adw_tab_view_get_page_position (self->tab_view, tab_page) < 0)
    return;
  if (g_str_equal (response, "save"))
    signet_window_save_and_close (self, tab_page);
  else
    adw_tab_view_close_page_finish (self->tab_view, tab_page, g_str_equal (response, "discard"));
}

/* Save / Discard / Cancel. Closing the window offers Save only when every
 * page to close has a file to save into: one Save As per new request
 * would be a dialog after a dialog. */
static GtkWidget *
discard_dialog_new (SignetWindow *self,
                    const char   *body,
                    gboolean      can_save)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Save Changes?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  if (can_save)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
    }
  else
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static gboolean
signet_window_close_page_cb (SignetWindow *self,
                             AdwTabPage   *tab_page,
                             AdwTabView   *tab_view)
{
  GtkWidget *child = adw_tab_page_get_child (tab_page);
  GtkWidget *dialog;

  /* pinned tabs stay, as AdwTabView's own handler does */
  if (adw_tab_page_get_pinned (tab_page))
    {
      adw_tab_view_close_page_finish (tab_view, tab_page, FALSE);
      return GDK_EVENT_STOP;
    }
  if (!SIGNET_IS_REQUEST_PAGE (child) ||
      !signet_request_page_get_unsaved (SIGNET_REQUEST_PAGE (child)))
    {
      adw_tab_view_close_page_finish (tab_view, tab_page, TRUE);
      return GDK_EVENT_STOP;
    }

  dialog = discard_dialog_new (self,
                               _("This request has changes that were not saved. "
                                 "Closing its tab without saving discards them."),
                               TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_page_response_cb), tab_page, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GDK_EVENT_STOP;
}

/* The pages with unsaved edits; @n_new: how many of them were never saved. */
static GPtrArray *
list_unsaved_pages (SignetWindow *self,
                    guint        *n_new)
{
  GPtrArray *unsaved = g_ptr_array_new ();

  *n_new = 0;
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (SIGNET_IS_REQUEST_PAGE (child) && signet_request_page_get_unsaved (SIGNET_REQUEST_PAGE (child)))
        {
          g_ptr_array_add (unsaved, child);
          if (signet_request_page_get_item (SIGNET_REQUEST_PAGE (child), NULL) == NULL)
            (*n_new)++;
        }
    }

  return unsaved;
}

static gboolean
close_confirmed_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_window_saved_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(SignetCollectionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unsaved = NULL;
  guint n_new;

  item = signet_request_page_save_finish (SIGNET_REQUEST_PAGE (source), result, &error);
  if (item == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        signet_window_show_error (self, _("Could not save the request"), error);
      return;
    }
  /* the last save closes the window, if every page is saved now */
  unsaved = list_unsaved_pages (self, &n_new);
  if (unsaved->len == 0)
    {
      self->discard_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
close_window_response_cb (SignetWindow *self,
                          const char   *response)
{
  if (g_str_equal (response, "save"))
    {
      guint n_new;
      g_autoptr(GPtrArray) unsaved = list_unsaved_pages (self, &n_new);

      for (guint i = 0; i < unsaved->len; i++)
        signet_request_page_save_async (g_ptr_array_index (unsaved, i), self->cancellable,
                                        close_window_saved_cb, g_object_ref (self));
      return;
    }
  if (!g_str_equal (response, "discard"))
    return;

  /* once the dialog is gone: it must not outlive its window */
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_confirmed_cb,
                   g_object_ref (self), g_object_unref);
}

static void
signet_window_restore_state (SignetWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
signet_window_save_state (SignetWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size follows the user's resizes; GTK recommends it,
   * not the allocation, for saving a window's size across runs. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
signet_window_close_request (GtkWindow *window)
{
  SignetWindow *self = SIGNET_WINDOW (window);
  g_autoptr(GPtrArray) unsaved = NULL;
  guint n_new;

  /* One question for all the tabs, not one per tab. */
  unsaved = list_unsaved_pages (self, &n_new);
  if (unsaved->len > 0 && !self->discard_confirmed)
    {
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      body = g_strdup_printf (ngettext ("%u request has changes that were not saved. "
                                        "Closing the window without saving discards them.",
                                        "%u requests have changes that were not saved. "
                                        "Closing the window without saving discards them.",
                                        unsaved->len),
                              unsaved->len);
      dialog = discard_dialog_new (self, body, n_new == 0);
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_window_response_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  signet_window_save_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (signet_window_parent_class)->close_request (window);
}

static void
signet_window_constructed (GObject *object)
{
  SignetWindow *self = SIGNET_WINDOW (object);

  G_OBJECT_CLASS (signet_window_parent_class)->constructed (object);

  signet_window_restore_state (self);
  signet_window_setup_collections (self);
  signet_window_setup_history (self);
  signet_window_add_request_page (self);
}

static void
signet_window_dispose (GObject *object)
{
  SignetWindow *self = SIGNET_WINDOW (object);

  /* The tab view detaches its pages when it goes away; that must not
   * close a window that is already being destroyed. */
  if (self->tab_view != NULL)
    g_signal_handlers_disconnect_by_func (self->tab_view,
                                          signet_window_page_detached_cb,
                                          self);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (signet_window_parent_class)->dispose (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->credential_store);
  g_clear_object (&self->collections);
  g_clear_object (&self->history);
  g_clear_object (&self->deleted_collection);
  g_clear_object (&self->deleted_item);
  g_clear_weak_pointer (&self->deleted_page);
  g_clear_pointer (&self->environment_lists, g_hash_table_unref);
  g_clear_object (&self->current_collection);
  g_clear_object (&self->environment);
  g_clear_pointer (&self->import_warnings, g_strfreev);
}

static void
signet_window_finalize (GObject *object)
{
  SignetWindow *self = SIGNET_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (signet_window_parent_class)->finalize (object);
}

static void
signet_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SignetWindow *self = SIGNET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_CREDENTIAL_STORE:
      g_value_set_object (value, self->credential_store);
      break;

    case PROP_COLLECTIONS:
      g_value_set_object (value, self->collections);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->sidebar != NULL &&
                                  gtk_widget_get_visible (GTK_WIDGET (self->sidebar)));
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SignetWindow *self = SIGNET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_CREDENTIAL_STORE:
      self->credential_store = g_value_dup_object (value);
      break;

    case PROP_COLLECTIONS:
      self->collections = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      if (self->sidebar != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->sidebar), g_value_get_boolean (value));
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_window_class_init (SignetWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = signet_window_constructed;
  object_class->dispose = signet_window_dispose;
  object_class->finalize = signet_window_finalize;
  object_class->get_property = signet_window_get_property;
  object_class->set_property = signet_window_set_property;

  window_class->close_request = signet_window_close_request;

  /**
   * SignetWindow:settings:
   *
   * Where the window restores and saves its size; from the application.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SignetWindow:client:
   *
   * Sends the requests of every page; from the application.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         SIGNET_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SignetWindow:credential-store:
   *
   * The saved credentials every page can sign with; from the application.
   */
  properties[PROP_CREDENTIAL_STORE] =
    g_param_spec_object ("credential-store", NULL, NULL,
                         SIGNET_TYPE_CREDENTIAL_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SignetWindow:collections:
   *
   * The open collections the sidebar shows; from the application.
   */
  properties[PROP_COLLECTIONS] =
    g_param_spec_object ("collections", NULL, NULL,
                         SIGNET_TYPE_COLLECTION_LIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SignetWindow:history:
   *
   * Where every page records its sends, shown in the History popover;
   * from the application.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         SIGNET_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, environment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, environment_names);
  gtk_widget_class_bind_template_callback (widget_class, signet_window_environment_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, signet_window_page_detached_cb);
  gtk_widget_class_bind_template_callback (widget_class, signet_window_close_page_cb);

  gtk_widget_class_install_action (widget_class, "win.new-tab", NULL,
                                   signet_window_new_tab_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.new-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-tab", NULL);

  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_install_action (widget_class, "win.check-access", NULL,
                                   signet_window_check_access_action);

  signet_window_class_init_collections (widget_class);
  signet_window_class_init_environments (widget_class);
  signet_window_class_init_history (widget_class);
  signet_window_class_init_import (widget_class);

  g_type_ensure (SIGNET_TYPE_REQUEST_PAGE);
}

static void
signet_window_init (SignetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->environment_lists = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                   NULL, g_object_unref);
}

/**
 * signet_window_new:
 * @application: the application
 * @settings: (nullable): where to restore and save the window size
 * @client: (nullable): sends the pages' requests
 * @credential_store: (nullable): the saved credentials pages can sign with
 * @collections: (nullable): the open collections, for the sidebar
 * @history: (nullable): where the pages record their sends
 *
 * Returns: (transfer none): a new window with one empty request page
 */
SignetWindow *
signet_window_new (SignetApplication     *application,
                   GSettings             *settings,
                   SignetClient          *client,
                   SignetCredentialStore *credential_store,
                   SignetCollectionList  *collections,
                   SignetHistory         *history)
{
  g_return_val_if_fail (SIGNET_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SIGNET_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "client", client,
                       "credential-store", credential_store,
                       "collections", collections,
                       "history", history,
                       NULL);
}

/**
 * signet_window_get_tab_view:
 * @self: a #SignetWindow
 *
 * Returns: (transfer none): the tab view holding the request pages
 */
AdwTabView *
signet_window_get_tab_view (SignetWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_WINDOW (self), NULL);

  return self->tab_view;
}
