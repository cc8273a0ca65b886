/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-credential-dialog.h"
#include "signet-credential-store.h"

/* "Save Credential in Keyring?": the name to keep an access key ID, its
 * secret access key and session token under. The Auth tab's Save in
 * Keyring and an import that found secrets both ask it; they answer
 * "save" and read the name (and the key ID, when it was not known). */

static GtkWidget *
entry_new (const char *placeholder,
           const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static char *
dup_entry_text (AdwMessageDialog *dialog,
                const char       *key)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), key);

  return entry != NULL ? g_strstrip (g_strdup (gtk_editable_get_text (entry))) : NULL;
}

static void
entry_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *name = dup_entry_text (dialog, "signet-name-entry");
  g_autofree char *access_key_id = dup_entry_text (dialog, "signet-key-entry");

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           signet_credential_validate_name (name, NULL) &&
                                           (access_key_id == NULL || access_key_id[0] != '\0'));
}

/**
 * signet_credential_dialog_new:
 * @heading: (nullable): the question, "Save Credential in Keyring?" by default
 * @access_key_id: (nullable): the key ID the secret goes with; %NULL or
 *   "" when it is not known: then the dialog asks for it too
 *
 * Returns: (transfer none): the dialog, with "cancel" and "save"
 *   responses; present it
 */
AdwMessageDialog *
signet_credential_dialog_new (GtkWindow  *parent,
                              const char *heading,
                              const char *access_key_id)
{
  gboolean known = access_key_id != NULL && access_key_id[0] != '\0';
  AdwMessageDialog *dialog;
  GtkWidget *box = NULL;
  GtkWidget *name_entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       heading ? heading : _("Save Credential in Keyring?"),
                                                       NULL));
  if (known)
    adw_message_dialog_format_body (dialog,
                                    _("The access key ID %s, its secret access key and session token "
                                      "are kept in the system keyring under this name"),
                                    access_key_id);
  else
    {
      GtkWidget *key_entry = entry_new (_("Access key ID, e.g. AKIA…"), _("Access key ID"));

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      adw_message_dialog_set_body (dialog, _("The access key ID, its secret access key and session "
                                             "token are kept in the system keyring under this name"));
      g_object_set_data (G_OBJECT (dialog), "signet-key-entry", key_entry);
      g_signal_connect_object (key_entry, "changed", G_CALLBACK (entry_changed_cb), dialog,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), key_entry);
    }

  name_entry = entry_new (_("Credential name, e.g. petstore-tester"), _("Credential name"));
  g_object_set_data (G_OBJECT (dialog), "signet-name-entry", name_entry);
  g_signal_connect_object (name_entry, "changed", G_CALLBACK (entry_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  /* the name entry alone when the key ID is known, as the Auth tab asks */
  if (known)
    adw_message_dialog_set_extra_child (dialog, name_entry);
  else
    {
      gtk_box_append (GTK_BOX (box), name_entry);
      adw_message_dialog_set_extra_child (dialog, box);
    }

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  gtk_window_set_focus (GTK_WINDOW (dialog), known ? name_entry : gtk_widget_get_first_child (box));
  return dialog;
}

/* Returns: (transfer full): the name typed, trimmed */
char *
signet_credential_dialog_dup_name (AdwMessageDialog *dialog)
{
  return dup_entry_text (dialog, "signet-name-entry");
}

/* Returns: (transfer full) (nullable): the key ID typed, trimmed; %NULL
 * when the dialog was given one */
char *
signet_credential_dialog_dup_access_key_id (AdwMessageDialog *dialog)
{
  return dup_entry_text (dialog, "signet-key-entry");
}
