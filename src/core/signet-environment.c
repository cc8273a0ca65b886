/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-collection.h"
#include "signet-environment.h"
#include "signet-secure-memory.h"

/**
 * SignetEnvironment:
 *
 * A named, ordered set of variables (`test` and `prod` stages, say: a
 * `baseUrl`, a `region`, a credential name) for `{{name}}` references.
 *
 * A secret variable's value lives only in memory here (the keyring keeps
 * it): it is never written to the environment's file. A secret variable
 * whose value was not set yet is unknown to signet_environment_lookup().
 */

typedef struct
{
  char     *name;
  char     *value;
  gboolean  secret;
} Variable;

struct _SignetEnvironment
{
  GObject  parent_instance;

  char    *name;
  GArray  *variables;
};

G_DEFINE_FINAL_TYPE (SignetEnvironment, signet_environment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
variable_clear (gpointer data)
{
  Variable *variable = data;

  g_free (variable->name);
  if (variable->secret)
    signet_secure_free_string (variable->value);
  else
    g_free (variable->value);
}

/**
 * signet_environment_new:
 * @name: the environment's name, as shown in the header bar
 */
SignetEnvironment *
signet_environment_new (const char *name)
{
  return g_object_new (SIGNET_TYPE_ENVIRONMENT, "name", name, NULL);
}

const char *
signet_environment_get_name (SignetEnvironment *self)
{
  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), NULL);

  return self->name;
}

void
signet_environment_set_name (SignetEnvironment *self,
                             const char        *name)
{
  g_return_if_fail (SIGNET_IS_ENVIRONMENT (self));

  if (g_strcmp0 (self->name, name ? name : "") == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name ? name : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * signet_environment_dup_slug:
 *
 * Returns: (transfer full): the stem of the environment's file name
 */
char *
signet_environment_dup_slug (SignetEnvironment *self)
{
  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), NULL);

  return signet_collection_slugify (self->name);
}

guint
signet_environment_get_n_variables (SignetEnvironment *self)
{
  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), 0);

  return self->variables->len;
}

static Variable *
get_variable (SignetEnvironment *self,
              guint              position)
{
  g_return_val_if_fail (position < self->variables->len, NULL);

  return &g_array_index (self->variables, Variable, position);
}

static Variable *
find_variable (SignetEnvironment *self,
               const char        *name,
               guint             *position)
{
  for (guint i = 0; i < self->variables->len; i++)
    {
      Variable *variable = &g_array_index (self->variables, Variable, i);

      if (g_str_equal (variable->name, name))
        {
          if (position != NULL)
            *position = i;
          return variable;
        }
    }
  return NULL;
}

const char *
signet_environment_get_variable_name (SignetEnvironment *self,
                                      guint              position)
{
  Variable *variable;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), NULL);

  variable = get_variable (self, position);
  return variable ? variable->name : NULL;
}

/**
 * signet_environment_get_variable_value:
 *
 * Returns: (nullable): the value; %NULL for a secret variable whose value
 *   was not set yet
 */
const char *
signet_environment_get_variable_value (SignetEnvironment *self,
                                       guint              position)
{
  Variable *variable;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), NULL);

  variable = get_variable (self, position);
  return variable ? variable->value : NULL;
}

gboolean
signet_environment_get_variable_secret (SignetEnvironment *self,
                                        guint              position)
{
  Variable *variable;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), FALSE);

  variable = get_variable (self, position);
  return variable ? variable->secret : FALSE;
}

/**
 * signet_environment_set_variable:
 * @self: a #SignetEnvironment
 * @name: the variable's name
 * @value: (nullable): its value; %NULL only for a secret whose value is
 *   not known yet (a plain variable gets "")
 * @secret: whether the value is kept out of files
 *
 * Replaces the variable named @name in its place, or adds it at the end.
 */
void
signet_environment_set_variable (SignetEnvironment *self,
                                 const char        *name,
                                 const char        *value,
                                 gboolean           secret)
{
  Variable *variable;

  g_return_if_fail (SIGNET_IS_ENVIRONMENT (self));
  g_return_if_fail (name != NULL && name[0] != '\0');

  variable = find_variable (self, name, NULL);
  if (variable == NULL)
    {
      Variable added = { g_strdup (name), NULL, FALSE };

      g_array_append_val (self->variables, added);
      variable = &g_array_index (self->variables, Variable, self->variables->len - 1);
    }

  if (variable->secret)
    signet_secure_free_string (variable->value);
  else
    g_free (variable->value);
  variable->value = g_strdup (value != NULL || secret ? value : "");
  variable->secret = secret;
}

gboolean
signet_environment_remove_variable (SignetEnvironment *self,
                                    const char        *name)
{
  guint position;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), FALSE);

  if (find_variable (self, name, &position) == NULL)
    return FALSE;
  g_array_remove_index (self->variables, position);
  return TRUE;
}

/**
 * signet_environment_lookup:
 * @name: a variable's name
 * @environment: a #SignetEnvironment
 *
 * A #SignetVariableLookup for signet_variables_expand().
 *
 * Returns: (nullable): the value, or %NULL when the environment has no
 *   such variable (or a secret one whose value is not set)
 */
const char *
signet_environment_lookup (const char *name,
                           gpointer    environment)
{
  SignetEnvironment *self = environment;
  Variable *variable;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT (self), NULL);

  variable = find_variable (self, name, NULL);
  return variable ? variable->value : NULL;
}

static void
signet_environment_finalize (GObject *object)
{
  SignetEnvironment *self = SIGNET_ENVIRONMENT (object);

  g_free (self->name);
  g_array_unref (self->variables);

  G_OBJECT_CLASS (signet_environment_parent_class)->finalize (object);
}

static void
signet_environment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SignetEnvironment *self = SIGNET_ENVIRONMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_environment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SignetEnvironment *self = SIGNET_ENVIRONMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      signet_environment_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_environment_class_init (SignetEnvironmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_environment_finalize;
  object_class->get_property = signet_environment_get_property;
  object_class->set_property = signet_environment_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_environment_init (SignetEnvironment *self)
{
  self->name = g_strdup ("");
  self->variables = g_array_new (FALSE, FALSE, sizeof (Variable));
  g_array_set_clear_func (self->variables, variable_clear);
}
