/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-request-row.h"

/**
 * SignetRequestRow:
 *
 * One name/value row of a request: a query parameter, a header or a form
 * field, which the user can switch off without deleting it.
 *
 * #SignetRequestRow:has-value tells `flag` (no value) from `flag=` (an
 * empty one) in a query; it turns on by itself once a value is typed.
 * #SignetRequestRow:raw keeps a query parameter as it was typed in the
 * URL, so that rewriting the URL does not re-encode parameters nobody
 * touched; it is only used while it still reads as the row's name and
 * value, so edits need not clear it.
 */
struct _SignetRequestRow
{
  GObject   parent_instance;

  char     *name;
  char     *value;
  char     *raw;
  gboolean  has_value;
  gboolean  enabled;
};

G_DEFINE_FINAL_TYPE (SignetRequestRow, signet_request_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  PROP_HAS_VALUE,
  PROP_ENABLED,
  PROP_RAW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Strings are never NULL, so GTK entries can bind to them. */
static gboolean
replace_string (char       **field,
                const char  *text)
{
  if (text == NULL)
    text = "";
  if (g_str_equal (*field, text))
    return FALSE;

  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

/**
 * signet_request_row_new:
 * @name: the name, as the user reads it (not percent-encoded)
 * @value: (nullable): the value, or %NULL for a bare name
 *
 * Returns: (transfer full): a new, enabled row
 */
SignetRequestRow *
signet_request_row_new (const char *name,
                        const char *value)
{
  return g_object_new (SIGNET_TYPE_REQUEST_ROW,
                       "name", name,
                       "value", value,
                       "has-value", value != NULL,
                       NULL);
}

const char *
signet_request_row_get_name (SignetRequestRow *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_ROW (self), NULL);

  return self->name;
}

void
signet_request_row_set_name (SignetRequestRow *self,
                             const char       *name)
{
  g_return_if_fail (SIGNET_IS_REQUEST_ROW (self));

  if (replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
signet_request_row_get_value (SignetRequestRow *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_ROW (self), NULL);

  return self->value;
}

void
signet_request_row_set_value (SignetRequestRow *self,
                              const char       *value)
{
  g_return_if_fail (SIGNET_IS_REQUEST_ROW (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (replace_string (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  /* Typing a value after a bare `flag` makes it `flag=value`. */
  if (self->value[0] != '\0')
    signet_request_row_set_has_value (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
signet_request_row_get_has_value (SignetRequestRow *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_ROW (self), FALSE);

  return self->has_value;
}

void
signet_request_row_set_has_value (SignetRequestRow *self,
                                  gboolean          has_value)
{
  g_return_if_fail (SIGNET_IS_REQUEST_ROW (self));

  has_value = !!has_value;
  if (self->has_value == has_value)
    return;

  self->has_value = has_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_VALUE]);
}

gboolean
signet_request_row_get_enabled (SignetRequestRow *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_ROW (self), FALSE);

  return self->enabled;
}

void
signet_request_row_set_enabled (SignetRequestRow *self,
                                gboolean          enabled)
{
  g_return_if_fail (SIGNET_IS_REQUEST_ROW (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * signet_request_row_get_raw:
 * @self: a #SignetRequestRow
 *
 * Returns: (nullable): the `name=value` text as it was typed in the URL
 */
const char *
signet_request_row_get_raw (SignetRequestRow *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_ROW (self), NULL);

  return self->raw;
}

void
signet_request_row_set_raw (SignetRequestRow *self,
                            const char       *raw)
{
  g_return_if_fail (SIGNET_IS_REQUEST_ROW (self));

  if (g_strcmp0 (self->raw, raw) == 0)
    return;

  g_free (self->raw);
  self->raw = g_strdup (raw);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAW]);
}

/**
 * signet_request_row_is_blank:
 * @self: a #SignetRequestRow
 *
 * Returns: %TRUE when neither name nor value was typed yet: such a row
 *   is a placeholder and goes nowhere
 */
gboolean
signet_request_row_is_blank (SignetRequestRow *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_ROW (self), FALSE);

  return self->name[0] == '\0' && self->value[0] == '\0';
}

static void
signet_request_row_finalize (GObject *object)
{
  SignetRequestRow *self = SIGNET_REQUEST_ROW (object);

  g_free (self->name);
  g_free (self->value);
  g_free (self->raw);

  G_OBJECT_CLASS (signet_request_row_parent_class)->finalize (object);
}

static void
signet_request_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SignetRequestRow *self = SIGNET_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_RAW:
      g_value_set_string (value, self->raw);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_request_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SignetRequestRow *self = SIGNET_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      signet_request_row_set_name (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      signet_request_row_set_value (self, g_value_get_string (value));
      break;

    case PROP_HAS_VALUE:
      signet_request_row_set_has_value (self, g_value_get_boolean (value));
      break;

    case PROP_ENABLED:
      signet_request_row_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_RAW:
      signet_request_row_set_raw (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_request_row_class_init (SignetRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_request_row_finalize;
  object_class->get_property = signet_request_row_get_property;
  object_class->set_property = signet_request_row_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RAW] =
    g_param_spec_string ("raw", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_request_row_init (SignetRequestRow *self)
{
  self->name = g_strdup ("");
  self->value = g_strdup ("");
  self->enabled = TRUE;
}
