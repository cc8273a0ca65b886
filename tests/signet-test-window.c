/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-response-view.h"
#include "signet-test-app.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"

GtkWidget *
signet_test_window_child (GtkWindow  *window,
                          const char *name)
{
  return signet_test_template_child (window, SIGNET_TYPE_WINDOW, name);
}

SignetSidebar *
signet_test_window_sidebar (GtkWindow *window)
{
  GtkWidget *paned = signet_test_window_child (window, "paned");

  return SIGNET_SIDEBAR (gtk_paned_get_start_child (GTK_PANED (paned)));
}

SignetRequestPage *
signet_test_current_page (GtkWindow *window)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));

  return SIGNET_REQUEST_PAGE (adw_tab_page_get_child (adw_tab_view_get_selected_page (tab_view)));
}

GtkWidget *
signet_test_page_child (SignetRequestPage *page,
                        const char        *name)
{
  return signet_test_template_child (page, SIGNET_TYPE_REQUEST_PAGE, name);
}

/* A #SignetTestCondition: @page sends nothing and shows what came back. */
gboolean
signet_test_exchange_done (gpointer page)
{
  GtkWidget *view = signet_test_page_child (page, "response_view");
  gboolean sending = TRUE;

  g_object_get (page, "sending", &sending, NULL);
  return !sending && !signet_response_view_get_busy (SIGNET_RESPONSE_VIEW (view));
}

void
signet_test_send_and_wait (SignetRequestPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.send", NULL));
  signet_test_wait_until (signet_test_exchange_done, page, "the exchange");
}

/* The status line of the response @page shows, e.g. "200 OK". */
const char *
signet_test_shown_status (SignetRequestPage *page)
{
  GtkWidget *view = signet_test_page_child (page, "response_view");
  GtkWidget *stack = signet_test_template_child (view, SIGNET_TYPE_RESPONSE_VIEW, "main_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "response");
  return gtk_label_get_text (GTK_LABEL (signet_test_template_child (view, SIGNET_TYPE_RESPONSE_VIEW,
                                                                    "status_label")));
}

/* Closes @window; when it asks about unsaved requests, Discard. */
void
signet_test_close_discarding (GtkWindow *window)
{
  gboolean destroyed = FALSE;
  GtkWindow *dialog;

  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  gtk_window_close (window);
  dialog = destroyed ? NULL : signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL)
    {
      g_object_ref (dialog);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
      gtk_window_destroy (dialog);
      g_object_unref (dialog);
    }
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

GtkWindow *
signet_test_present_page (SignetClient           *client,
                          SignetCredentialStore  *store,
                          int                     width,
                          int                     height,
                          SignetRequestPage     **page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  *page = g_object_new (SIGNET_TYPE_REQUEST_PAGE,
                        "client", client,
                        "credential-store", store,
                        NULL);
  gtk_window_set_child (window, GTK_WIDGET (*page));
  gtk_window_present (window);
  signet_test_wait_for_frame (window);
  return window;
}
