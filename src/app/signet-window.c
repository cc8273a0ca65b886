/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-request-page.h"
#include "signet-window.h"

struct _SignetWindow
{
  AdwApplicationWindow  parent_instance;

  /* UI state (window size); may be NULL, then nothing is saved. */
  GSettings            *settings;
  /* Sends every page's requests: one SoupSession for the application. */
  SignetClient         *client;

  /* Template children */
  AdwTabView           *tab_view;
};

G_DEFINE_FINAL_TYPE (SignetWindow, signet_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SignetRequestPage *
signet_window_add_request_page (SignetWindow *self)
{
  SignetRequestPage *page;
  AdwTabPage *tab_page;

  page = signet_request_page_new (self->client);
  tab_page = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  g_object_bind_property (page, "title", tab_page, "title", G_BINDING_SYNC_CREATE);
  adw_tab_view_set_selected_page (self->tab_view, tab_page);

  return page;
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

static void
signet_window_page_detached_cb (SignetWindow *self,
                                AdwTabPage   *page,
                                int           position,
                                AdwTabView   *tab_view)
{
  /* Closing the last tab closes the window, as in GNOME Console. */
  if (adw_tab_view_get_n_pages (tab_view) == 0)
    gtk_window_close (GTK_WINDOW (self));
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

  signet_window_save_state (self);

  return GTK_WINDOW_CLASS (signet_window_parent_class)->close_request (window);
}

static void
signet_window_constructed (GObject *object)
{
  SignetWindow *self = SIGNET_WINDOW (object);

  G_OBJECT_CLASS (signet_window_parent_class)->constructed (object);

  signet_window_restore_state (self);
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

  G_OBJECT_CLASS (signet_window_parent_class)->dispose (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->client);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, tab_view);
  gtk_widget_class_bind_template_callback (widget_class, signet_window_page_detached_cb);

  gtk_widget_class_install_action (widget_class, "win.new-tab", NULL,
                                   signet_window_new_tab_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.new-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-tab", NULL);

  g_type_ensure (SIGNET_TYPE_REQUEST_PAGE);
}

static void
signet_window_init (SignetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * signet_window_new:
 * @application: the application
 * @settings: (nullable): where to restore and save the window size
 * @client: (nullable): sends the pages' requests
 *
 * Returns: (transfer none): a new window with one empty request page
 */
SignetWindow *
signet_window_new (SignetApplication *application,
                   GSettings         *settings,
                   SignetClient      *client)
{
  g_return_val_if_fail (SIGNET_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SIGNET_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "client", client,
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
