/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-rows-editor.h"

/**
 * SignetRowsEditor:
 *
 * Edits a list of name/value rows that can be switched on and off: query
 * parameters, headers, form fields. Works on any GListStore whose items
 * have "name", "value" and "enabled" properties; new rows are made of
 * the store's item type.
 */
struct _SignetRowsEditor
{
  AdwBin            parent_instance;

  GListStore       *rows;
  char             *row_noun;
  /* marks each entry as it changes; may be NULL */
  SignetRowsMarker  marker;
  gpointer          marker_data;

  /* Template children */
  GtkListBox       *list_box;
  GtkButton        *add_button;
};

G_DEFINE_FINAL_TYPE (SignetRowsEditor, signet_rows_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ROWS,
  PROP_ROW_NOUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
label_widget (GtkWidget  *widget,
              const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
remove_clicked_cb (GtkButton        *button,
                   SignetRowsEditor *self)
{
  GObject *item = g_object_get_data (G_OBJECT (button), "row-item");
  guint position;

  if (g_list_store_find (self->rows, item, &position))
    g_list_store_remove (self->rows, position);
}

static void
mark_entry (GtkWidget        *entry,
            SignetRowsEditor *self)
{
  if (self->marker != NULL)
    self->marker (entry, gtk_editable_get_text (GTK_EDITABLE (entry)), self->marker_data);
}

static GtkWidget *
create_entry (SignetRowsEditor *self,
              GObject          *item,
              const char       *property,
              const char       *placeholder,
              const char       *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  label_widget (entry, accessible_label);
  g_object_bind_property (item, property, entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (mark_entry), self, 0);
  mark_entry (entry, self);
  return entry;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SignetRowsEditor *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *enabled = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *enabled_label = g_strdup_printf (_("Send this %s"), self->row_noun);
  g_autofree char *name_label = g_strdup_printf (_("%s name"), self->row_noun);
  g_autofree char *value_label = g_strdup_printf (_("%s value"), self->row_noun);
  g_autofree char *remove_label = g_strdup_printf (_("Remove this %s"), self->row_noun);
  GtkWidget *row;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  g_object_bind_property (item, "enabled", enabled, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  label_widget (enabled, enabled_label);
  gtk_box_append (GTK_BOX (box), enabled);
  gtk_box_append (GTK_BOX (box), create_entry (self, item, "name", _("Name"), name_label));
  gtk_box_append (GTK_BOX (box), create_entry (self, item, "value", _("Value"), value_label));

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  label_widget (remove, remove_label);
  g_object_set_data_full (G_OBJECT (remove), "row-item", g_object_ref (item), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetRowsEditor *self = SIGNET_ROWS_EDITOR (widget);
  g_autoptr(GObject) item = NULL;

  if (self->rows == NULL)
    return;
  item = g_object_new (g_list_model_get_item_type (G_LIST_MODEL (self->rows)),
                       "enabled", TRUE, NULL);
  g_list_store_append (self->rows, item);
}

void
signet_rows_editor_set_rows (SignetRowsEditor *self,
                             GListStore       *rows)
{
  g_return_if_fail (SIGNET_IS_ROWS_EDITOR (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_STORE (rows));

  if (!g_set_object (&self->rows, rows))
    return;

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (rows), create_row_cb, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rows.add", rows != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
}

/**
 * signet_rows_editor_set_marker:
 * @marker: (nullable): marks every name and value entry as it changes
 *
 * Marks the rows already there at once.
 */
void
signet_rows_editor_set_marker (SignetRowsEditor *self,
                               SignetRowsMarker  marker,
                               gpointer          user_data)
{
  g_return_if_fail (SIGNET_IS_ROWS_EDITOR (self));

  self->marker = marker;
  self->marker_data = user_data;
  signet_rows_editor_update_marks (self);
}

/* Marks every entry again: what their text means changed (another
 * environment was chosen, say). */
void
signet_rows_editor_update_marks (SignetRowsEditor *self)
{
  g_return_if_fail (SIGNET_IS_ROWS_EDITOR (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_ENTRY (child))
          mark_entry (child, self);
    }
}

GListStore *
signet_rows_editor_get_rows (SignetRowsEditor *self)
{
  g_return_val_if_fail (SIGNET_IS_ROWS_EDITOR (self), NULL);

  return self->rows;
}

GtkWidget *
signet_rows_editor_new (GListStore *rows,
                        const char *row_noun)
{
  return g_object_new (SIGNET_TYPE_ROWS_EDITOR, "rows", rows, "row-noun", row_noun, NULL);
}

static void
signet_rows_editor_constructed (GObject *object)
{
  SignetRowsEditor *self = SIGNET_ROWS_EDITOR (object);
  g_autofree char *add_label = g_strdup_printf (_("Add a %s"), self->row_noun);

  G_OBJECT_CLASS (signet_rows_editor_parent_class)->constructed (object);

  label_widget (GTK_WIDGET (self->add_button), add_label);
  label_widget (GTK_WIDGET (self->list_box), self->row_noun);
}

static void
signet_rows_editor_dispose (GObject *object)
{
  SignetRowsEditor *self = SIGNET_ROWS_EDITOR (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (signet_rows_editor_parent_class)->dispose (object);
}

static void
signet_rows_editor_finalize (GObject *object)
{
  SignetRowsEditor *self = SIGNET_ROWS_EDITOR (object);

  g_free (self->row_noun);

  G_OBJECT_CLASS (signet_rows_editor_parent_class)->finalize (object);
}

static void
signet_rows_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SignetRowsEditor *self = SIGNET_ROWS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROWS:
      g_value_set_object (value, self->rows);
      break;
    case PROP_ROW_NOUN:
      g_value_set_string (value, self->row_noun);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_rows_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SignetRowsEditor *self = SIGNET_ROWS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROWS:
      signet_rows_editor_set_rows (self, g_value_get_object (value));
      break;
    case PROP_ROW_NOUN:
      g_free (self->row_noun);
      self->row_noun = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_rows_editor_class_init (SignetRowsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = signet_rows_editor_constructed;
  object_class->dispose = signet_rows_editor_dispose;
  object_class->finalize = signet_rows_editor_finalize;
  object_class->get_property = signet_rows_editor_get_property;
  object_class->set_property = signet_rows_editor_set_property;

  properties[PROP_ROWS] =
    g_param_spec_object ("rows", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* e.g. "header": names the rows for screen readers and tooltips */
  properties[PROP_ROW_NOUN] =
    g_param_spec_string ("row-noun", NULL, NULL, "row",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-rows-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRowsEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, SignetRowsEditor, add_button);
  gtk_widget_class_install_action (widget_class, "rows.add", NULL, add_row_action);
}

static void
signet_rows_editor_init (SignetRowsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rows.add", FALSE);
}
