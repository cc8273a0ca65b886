/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "signet-application.h"
#include "signet-preferences-window.h"
#include "signet-window.h"

struct _SignetApplication
{
  AdwApplication         parent_instance;

  /* Long-lived services, handed to each window as construct properties. */
  GSettings             *settings;
  SignetClient          *client;
  SignetCredentialStore *credential_store;
  SignetCollectionList  *collections;
  SignetHistory         *history;
  /* Held while the history saves, so that quitting waits for it. */
  gboolean               held_for_history;
};

G_DEFINE_FINAL_TYPE (SignetApplication, signet_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SignetApplication *self = user_data;
  GList *windows;

  /* Close rather than destroy, so every window saves its state; the
   * application exits when the last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
signet_application_new_window_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  SignetApplication *self = user_data;

  gtk_window_present (signet_application_new_window (self));
}

static void
signet_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = {
    "The Signet developers https://github.com/signetapp/signet/graphs/contributors",
    NULL
  };
  SignetApplication *self = user_data;
  GtkWindow *about;

  about = GTK_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (about,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), PACKAGE_NAME);
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Signet developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© 2026 The Signet developers"));
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about),
                                "https://github.com/signetapp/signet");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about),
                                  "https://github.com/signetapp/signet/issues");
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  /* Translators: replace with your names, one per line */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_present (about);
}

static void
signet_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  SignetApplication *self = user_data;
  GtkWidget *preferences = signet_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_entries[] = {
  { "quit", signet_application_quit_action },
  { "new-window", signet_application_new_window_action },
  { "about", signet_application_about_action },
  { "preferences", signet_application_preferences_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control><Shift>n", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
};

/* The style the user chose in Preferences, over the system's. */
static void
signet_application_apply_color_scheme (SignetApplication *self)
{
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case SIGNET_COLOR_SCHEME_LIGHT:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case SIGNET_COLOR_SCHEME_DARK:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    case SIGNET_COLOR_SCHEME_FOLLOW:
    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
history_saving_cb (SignetApplication *self)
{
  gboolean saving = signet_history_get_saving (self->history);

  if (saving == self->held_for_history)
    return;
  self->held_for_history = saving;
  if (saving)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
history_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A file that could not be read is in the history's error, which the
   * History popover shows; the history goes on, empty. */
  signet_history_load_finish (SIGNET_HISTORY (source), result, &error);
}

static void
signet_application_startup (GApplication *application)
{
  SignetApplication *self = SIGNET_APPLICATION (application);

  G_APPLICATION_CLASS (signet_application_parent_class)->startup (application);

  /* Templates of later pages contain GtkSourceView widgets. */
  gtk_source_init ();

  gtk_window_set_default_icon_name (APP_ID);

  g_clear_object (&self->settings);
  self->settings = g_settings_new (APP_ID);
  signet_application_apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (signet_application_apply_color_scheme), self,
                           G_CONNECT_SWAPPED);
  /* One session for every window: connections are shared and reused. */
  if (self->client == NULL)
    {
      g_autoptr(SoupSession) session = soup_session_new ();

      self->client = signet_client_new (session);
      /* live: a changed setting applies to the next request */
      g_settings_bind (self->settings, "request-timeout", session, "timeout", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "follow-redirects", self->client, "follow-redirects",
                       G_SETTINGS_BIND_GET);
    }
  /* One store: a credential saved in one window shows in every other. */
  if (self->credential_store == NULL)
    self->credential_store = signet_credential_store_new ();
  /* One history: every window's sends, newest first. */
  if (self->history == NULL)
    {
      self->history = signet_history_new (NULL);
      g_settings_bind (self->settings, "history-size", self->history, "max-entries",
                       G_SETTINGS_BIND_GET);
      g_signal_connect_object (self->history, "notify::saving", G_CALLBACK (history_saving_cb),
                               self, G_CONNECT_SWAPPED);
      signet_history_load_async (self->history, NULL, history_loaded_cb, NULL);
    }
  /* One list: a collection opened in one window shows in every other. */
  if (self->collections == NULL)
    {
      self->collections = signet_collection_list_new_default (self->settings);
      signet_collection_list_restore (self->collections);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
signet_application_activate (GApplication *application)
{
  SignetApplication *self = SIGNET_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = signet_application_new_window (self);

  gtk_window_present (window);
}

static void
signet_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SignetApplication *self = SIGNET_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_application_dispose (GObject *object)
{
  SignetApplication *self = SIGNET_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->credential_store);
  g_clear_object (&self->collections);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (signet_application_parent_class)->dispose (object);
}

static void
signet_application_class_init (SignetApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = signet_application_get_property;
  object_class->dispose = signet_application_dispose;

  app_class->startup = signet_application_startup;
  app_class->activate = signet_application_activate;

  /**
   * SignetApplication:settings:
   *
   * The application's settings (UI state only), created at startup.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_application_init (SignetApplication *self)
{
}

/**
 * signet_application_new:
 * @application_id: the application id, normally %APP_ID
 * @flags: application flags; tests pass %G_APPLICATION_NON_UNIQUE
 *
 * Returns: (transfer full): a new #SignetApplication
 */
SignetApplication *
signet_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (g_application_id_is_valid (application_id), NULL);

  return g_object_new (SIGNET_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * signet_application_get_settings:
 * @self: a #SignetApplication
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL before startup
 */
GSettings *
signet_application_get_settings (SignetApplication *self)
{
  g_return_val_if_fail (SIGNET_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * signet_application_new_window:
 * @self: a #SignetApplication that has been started up
 *
 * Creates a window with one empty request page, not yet presented.
 *
 * Returns: (transfer none): the new window, owned by @self
 */
GtkWindow *
signet_application_new_window (SignetApplication *self)
{
  g_return_val_if_fail (SIGNET_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->settings != NULL, NULL);

  return GTK_WINDOW (signet_window_new (self, self->settings, self->client,
                                         self->credential_store, self->collections,
                                         self->history));
}
