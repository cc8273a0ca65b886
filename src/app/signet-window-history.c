/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-window-private.h"

/* The header bar's History popover: the requests sent from every window,
 * newest first, searchable; choosing one opens it again in a new tab, as
 * it was edited (variables unfilled, no secrets). */

static void
entry_activated_cb (SignetWindow       *self,
                    SignetHistoryEntry *entry)
{
  g_autoptr(SignetRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  SignetRequestPage *page;

  request = signet_history_entry_dup_request (entry, &error);
  gtk_menu_button_popdown (self->history_button);
  if (request == NULL)
    {
      signet_window_show_error (self, _("Could not open the request"), error);
      return;
    }
  page = signet_window_add_page (self, request, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (page));
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  if (self->history != NULL)
    gtk_menu_button_popup (self->history_button);
}

void
signet_window_class_init_history (GtkWidgetClass *widget_class)
{
  g_type_ensure (SIGNET_TYPE_HISTORY_VIEW);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, history_view);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, history_button);

  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.show-history", NULL);
}

void
signet_window_setup_history (SignetWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->history_button), self->history != NULL);
  signet_history_view_set_history (self->history_view, self->history);
  g_signal_connect_object (self->history_view, "entry-activated",
                           G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
}
