/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-file-chooser.h"

typedef struct
{
  SignetFileChosenFunc chosen;
  gpointer             owner;
} Chosen;

static void
chosen_free (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Chosen          *chosen)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    chosen->chosen (chosen->owner, file, chooser);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * signet_file_chooser_show:
 * @chooser: (transfer full): a new file chooser
 * @owner: the object @chosen is for
 * @chosen: called with the file, if the user chose one
 *
 * Shows @chooser modal and frees it once answered. @chosen is not called
 * once @owner is gone (as with g_signal_connect_object()).
 */
void
signet_file_chooser_show (GtkFileChooserNative *chooser,
                          gpointer              owner,
                          SignetFileChosenFunc  chosen)
{
  Chosen *data = g_new (Chosen, 1);
  GClosure *closure;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (G_IS_OBJECT (owner));

  data->chosen = chosen;
  data->owner = owner;
  closure = g_cclosure_new (G_CALLBACK (response_cb), data, chosen_free);
  g_object_watch_closure (G_OBJECT (owner), closure);
  g_signal_connect_closure (chooser, "response", closure, FALSE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
