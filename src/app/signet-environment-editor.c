/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "signet-environment-editor.h"

/**
 * SignetEnvironmentEditor:
 *
 * Edits one environment of a collection, or a new one: its name and its
 * variables (name, value, secret). Save writes the environment's file
 * and puts secret values in the keyring (#SignetEnvironmentList), then
 * emits #SignetEnvironmentEditor::saved and closes.
 */
struct _SignetEnvironmentEditor
{
  AdwWindow              parent_instance;

  SignetEnvironmentList *list;
  /* NULL for a new environment */
  SignetEnvironment     *environment;
  GCancellable          *cancellable;

  /* Template children */
  AdwToastOverlay       *toast_overlay;
  AdwEntryRow           *name_row;
  GtkListBox            *variables_list;
};

G_DEFINE_FINAL_TYPE (SignetEnvironmentEditor, signet_environment_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (SignetEnvironmentEditor *self,
            const char              *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
secret_toggled_cb (GtkSwitch  *secret_switch,
                   GParamSpec *pspec,
                   GtkEntry   *value_entry)
{
  /* a secret is typed unseen, as a password */
  gtk_entry_set_visibility (value_entry, !gtk_switch_get_active (secret_switch));
}

static void
remove_clicked_cb (GtkWidget *row)
{
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
}

/**
 * signet_environment_editor_add_variable:
 *
 * Adds a row for a variable, as "Add Variable" does with empty fields.
 */
void
signet_environment_editor_add_variable (SignetEnvironmentEditor *self,
                                        const char              *name,
                                        const char              *value,
                                        gboolean                 secret)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *secret_switch = gtk_switch_new ();
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), name ? name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (name_entry), _("Name, e.g. baseUrl"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Variable name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (value_entry), value ? value : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Value"), -1);
  gtk_widget_set_valign (secret_switch, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (secret_switch, _("Secret: kept in the keyring"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (secret_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Secret"), -1);
  g_signal_connect_object (secret_switch, "notify::active", G_CALLBACK (secret_toggled_cb),
                           value_entry, 0);
  gtk_switch_set_active (GTK_SWITCH (secret_switch), secret);
  gtk_entry_set_visibility (GTK_ENTRY (value_entry), !secret);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove Variable"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Variable"), -1);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), row,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), name_entry);
  gtk_box_append (GTK_BOX (box), value_entry);
  gtk_box_append (GTK_BOX (box), secret_switch);
  gtk_box_append (GTK_BOX (box), remove_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "signet-name", name_entry);
  g_object_set_data (G_OBJECT (row), "signet-value", value_entry);
  g_object_set_data (G_OBJECT (row), "signet-secret", secret_switch);
  gtk_list_box_append (self->variables_list, row);
}

void
signet_environment_editor_set_name (SignetEnvironmentEditor *self,
                                    const char              *name)
{
  g_return_if_fail (SIGNET_IS_ENVIRONMENT_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

static void
add_variable_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  signet_environment_editor_add_variable (SIGNET_ENVIRONMENT_EDITOR (widget), NULL, NULL, FALSE);
}

/* The rows as (name, value, secret) triples, or NULL with @error for a
 * name missing, repeated or holding a brace. */
static GPtrArray *
collect_variables (SignetEnvironmentEditor  *self,
                   GError                  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->variables_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *name_entry = g_object_get_data (G_OBJECT (row), "signet-name");
      g_autofree char *name = NULL;

      if (name_entry == NULL)
        continue;
      name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));
      if (name[0] == '\0' || strpbrk (name, "{}") != NULL || g_hash_table_contains (seen, name))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       name[0] == '\0' ? _("Every variable needs a name")
                                       : _("“%s” cannot be a variable name here: names are "
                                           "unique and hold no braces"),
                       name);
          return NULL;
        }
      g_hash_table_add (seen, g_steal_pointer (&name));
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

static void
environment_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SignetEnvironmentEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!signet_environment_list_save_finish (SIGNET_ENVIRONMENT_LIST (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->environment);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SignetEnvironmentEditor *self = SIGNET_ENVIRONMENT_EDITOR (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SignetEnvironment *same_name;

  same_name = signet_environment_list_find (self->list, name);
  if (name[0] == '\0' || (same_name != NULL && same_name != self->environment))
    {
      show_toast (self, name[0] == '\0' ? _("Give the environment a name")
                                        : _("The collection has an environment by that name"));
      return;
    }
  rows = collect_variables (self, &error);
  if (rows == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* An existing environment keeps its file: its name stays. */
  if (self->environment == NULL)
    self->environment = signet_environment_new (name);
  while (signet_environment_get_n_variables (self->environment) > 0)
    signet_environment_remove_variable (self->environment,
                                        signet_environment_get_variable_name (self->environment, 0));
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      g_autofree char *variable = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (row, "signet-name"))));
      const char *value = gtk_editable_get_text (g_object_get_data (row, "signet-value"));
      gboolean secret = gtk_switch_get_active (g_object_get_data (row, "signet-secret"));

      /* an empty secret is one not given yet: sending reports it */
      signet_environment_set_variable (self->environment, variable,
                                       secret && value[0] == '\0' ? NULL : value, secret);
    }
  signet_environment_list_save_async (self->list, self->environment, self->cancellable,
                                      environment_saved_cb, g_object_ref (self));
}

static void
signet_environment_editor_dispose (GObject *object)
{
  SignetEnvironmentEditor *self = SIGNET_ENVIRONMENT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->list);
  g_clear_object (&self->environment);

  G_OBJECT_CLASS (signet_environment_editor_parent_class)->dispose (object);
}

static void
signet_environment_editor_finalize (GObject *object)
{
  SignetEnvironmentEditor *self = SIGNET_ENVIRONMENT_EDITOR (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (signet_environment_editor_parent_class)->finalize (object);
}

static void
signet_environment_editor_class_init (SignetEnvironmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_environment_editor_dispose;
  object_class->finalize = signet_environment_editor_finalize;

  /**
   * SignetEnvironmentEditor::saved:
   * @environment: the environment, as saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SIGNET_TYPE_ENVIRONMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-environment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetEnvironmentEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SignetEnvironmentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SignetEnvironmentEditor, variables_list);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.add-variable", NULL, add_variable_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
signet_environment_editor_init (SignetEnvironmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * signet_environment_editor_new:
 * @list: the collection's environments
 * @environment: (nullable): the environment to edit, or %NULL for a new one
 */
SignetEnvironmentEditor *
signet_environment_editor_new (GtkWindow             *parent,
                               SignetEnvironmentList *list,
                               SignetEnvironment     *environment)
{
  SignetEnvironmentEditor *self;

  g_return_val_if_fail (SIGNET_IS_ENVIRONMENT_LIST (list), NULL);

  self = g_object_new (SIGNET_TYPE_ENVIRONMENT_EDITOR, "transient-for", parent, NULL);
  self->list = g_object_ref (list);
  if (environment == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Environment"));
      return self;
    }

  self->environment = g_object_ref (environment);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), signet_environment_get_name (environment));
  /* the name names the file and the keyring items: fixed once saved */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), FALSE);
  for (guint i = 0; i < signet_environment_get_n_variables (environment); i++)
    signet_environment_editor_add_variable (self,
                                            signet_environment_get_variable_name (environment, i),
                                            signet_environment_get_variable_value (environment, i),
                                            signet_environment_get_variable_secret (environment, i));
  return self;
}
