/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-save-dialog.h"

/**
 * SignetSaveDialog:
 *
 * "Save As": which collection, which folder (typed: a new one is made),
 * and the request's name. Answers "save" or "cancel".
 */
struct _SignetSaveDialog
{
  AdwMessageDialog  parent_instance;

  /* Template children */
  GtkDropDown      *collection_dropdown;
  GtkEntry         *folder_entry;
  GtkEntry         *name_entry;
};

G_DEFINE_FINAL_TYPE (SignetSaveDialog, signet_save_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update_save_enabled (SignetSaveDialog *self)
{
  g_autofree char *name = signet_save_dialog_dup_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           name[0] != '\0' &&
                                           signet_save_dialog_get_collection (self) != NULL);
}

/* For the dropdown's expression, which owns what it gets. */
static char *
dup_collection_name (SignetCollection *collection)
{
  return g_strdup (signet_collection_get_name (collection));
}

static void
signet_save_dialog_class_init (SignetSaveDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-save-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetSaveDialog, collection_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetSaveDialog, folder_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetSaveDialog, name_entry);
  gtk_widget_class_bind_template_callback (widget_class, update_save_enabled);
}

static void
signet_save_dialog_init (SignetSaveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * signet_save_dialog_new:
 * @collections: the open #SignetCollection objects to choose from
 */
SignetSaveDialog *
signet_save_dialog_new (GtkWindow  *parent,
                        GListModel *collections)
{
  SignetSaveDialog *self = g_object_new (SIGNET_TYPE_SAVE_DIALOG,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         NULL);
  GtkExpression *name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                     G_CALLBACK (dup_collection_name),
                                                     NULL, NULL);

  gtk_drop_down_set_expression (self->collection_dropdown, name);
  gtk_expression_unref (name);
  gtk_drop_down_set_model (self->collection_dropdown, collections);
  update_save_enabled (self);
  return self;
}

/**
 * signet_save_dialog_set_choice:
 * @collection: (nullable): the collection to propose
 * @folder: (nullable): the folder to propose
 * @name: (nullable): the name to propose
 */
void
signet_save_dialog_set_choice (SignetSaveDialog *self,
                               SignetCollection *collection,
                               const char       *folder,
                               const char       *name)
{
  GListModel *collections = gtk_drop_down_get_model (self->collection_dropdown);

  g_return_if_fail (SIGNET_IS_SAVE_DIALOG (self));

  for (guint i = 0; collection != NULL && i < g_list_model_get_n_items (collections); i++)
    {
      g_autoptr(SignetCollection) shown = g_list_model_get_item (collections, i);

      if (shown == collection)
        gtk_drop_down_set_selected (self->collection_dropdown, i);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->folder_entry), folder ? folder : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  update_save_enabled (self);
}

/**
 * signet_save_dialog_get_collection:
 *
 * Returns: (transfer none) (nullable): the chosen collection
 */
SignetCollection *
signet_save_dialog_get_collection (SignetSaveDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_SAVE_DIALOG (self), NULL);

  return gtk_drop_down_get_selected_item (self->collection_dropdown);
}

/**
 * signet_save_dialog_dup_folder:
 *
 * Returns: (transfer full): the folder, trimmed; "" for the top
 */
char *
signet_save_dialog_dup_folder (SignetSaveDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_SAVE_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->folder_entry))));
}

/**
 * signet_save_dialog_dup_name:
 *
 * Returns: (transfer full): the name, trimmed
 */
char *
signet_save_dialog_dup_name (SignetSaveDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_SAVE_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}
