/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-preferences-window.h"

struct _SignetPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* The application's settings: every row is bound to a key, both ways. */
  GSettings            *settings;

  /* Template children */
  AdwComboRow          *style_row;
  GtkAdjustment        *timeout_adjustment;
  GtkSwitch            *redirects_switch;
  GtkSwitch            *wrap_switch;
  GtkAdjustment        *history_adjustment;
};

G_DEFINE_FINAL_TYPE (SignetPreferencesWindow, signet_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The nicks of the schema's ColorScheme enum; the style row lists them in
 * this order. */
static const char * const color_scheme_nicks[] = {
  [SIGNET_COLOR_SCHEME_FOLLOW] = "follow",
  [SIGNET_COLOR_SCHEME_LIGHT] = "light",
  [SIGNET_COLOR_SCHEME_DARK] = "dark",
};

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_scheme_nicks); i++)
    if (g_str_equal (nick, color_scheme_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_scheme_nicks))
    return NULL;

  return g_variant_new_string (color_scheme_nicks[selected]);
}

static void
signet_preferences_window_constructed (GObject *object)
{
  SignetPreferencesWindow *self = SIGNET_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (signet_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "request-timeout", self->timeout_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "follow-redirects", self->redirects_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "body-wrap", self->wrap_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "history-size", self->history_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
signet_preferences_window_dispose (GObject *object)
{
  SignetPreferencesWindow *self = SIGNET_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (signet_preferences_window_parent_class)->dispose (object);
}

static void
signet_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SignetPreferencesWindow *self = SIGNET_PREFERENCES_WINDOW (object);

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
signet_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SignetPreferencesWindow *self = SIGNET_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_preferences_window_class_init (SignetPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = signet_preferences_window_constructed;
  object_class->dispose = signet_preferences_window_dispose;
  object_class->get_property = signet_preferences_window_get_property;
  object_class->set_property = signet_preferences_window_set_property;

  /**
   * SignetPreferencesWindow:settings:
   *
   * The settings the rows show and change; from the application.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, timeout_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, redirects_switch);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, wrap_switch);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, history_adjustment);
}

static void
signet_preferences_window_init (SignetPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * signet_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new preferences window, not yet presented
 */
GtkWidget *
signet_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SIGNET_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
