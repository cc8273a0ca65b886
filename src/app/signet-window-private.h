/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-collection-list.h"
#include "signet-history-view.h"
#include "signet-request-page.h"
#include "signet-sidebar.h"
#include "signet-window.h"

G_BEGIN_DECLS

/* SignetWindow is split in five files: signet-window.c (tabs, closing,
 * state), signet-window-collections.c (the sidebar and the actions on
 * saved requests), signet-window-environments.c (the header bar's
 * environment switcher), signet-window-history.c (the History popover),
 * signet-window-import.c (Import, Paste curl Command, Export). */

struct _SignetWindow
{
  AdwApplicationWindow   parent_instance;

  /* UI state (window size); may be NULL, then nothing is saved. */
  GSettings             *settings;
  /* Sends every page's requests: one SoupSession for the application. */
  SignetClient          *client;
  /* Saved credentials for every page; may be NULL. */
  SignetCredentialStore *credential_store;
  /* The open collections, shared by every window. */
  SignetCollectionList  *collections;
  /* The requests sent from every window; may be NULL. */
  SignetHistory         *history;
  /* The user chose to discard every page's unsaved edits. */
  gboolean               discard_confirmed;
  /* Saves, deletes and loads; cancelled when the window goes. */
  GCancellable          *cancellable;
  SignetSidebar         *sidebar;
  /* The last request deleted, for Undo. */
  SignetCollection      *deleted_collection;
  SignetCollectionItem  *deleted_item;
  /* weak: the tab that had it open, linked again on Undo */
  SignetRequestPage     *deleted_page;
  /* Environments: each collection's, loaded once it is current. */
  GHashTable            *environment_lists;
  SignetCollection      *current_collection;
  SignetEnvironment     *environment;
  gboolean               syncing_environments;

  /* Template children */
  AdwTabView            *tab_view;
  AdwToastOverlay       *toast_overlay;
  GtkPaned              *paned;
  GtkDropDown           *environment_dropdown;
  GtkStringList         *environment_names;
  SignetHistoryView     *history_view;
  GtkMenuButton         *history_button;

  /* What the last import could not take as it was, for its toast's Details. */
  GStrv                  import_warnings;
};

SignetRequestPage *signet_window_add_page                (SignetWindow          *self,
                                                          SignetRequest         *request,
                                                          SignetCollection      *collection,
                                                          SignetCollectionItem  *item);
SignetRequestPage *signet_window_get_current_page        (SignetWindow          *self);
void               signet_window_show_toast              (SignetWindow          *self,
                                                          const char            *text);
void               signet_window_show_error              (SignetWindow          *self,
                                                          const char            *doing,
                                                          const GError          *error);

/* signet-window-collections.c */
void               signet_window_class_init_collections  (GtkWidgetClass        *widget_class);
void               signet_window_setup_collections       (SignetWindow          *self);
void               signet_window_save_and_close          (SignetWindow          *self,
                                                          AdwTabPage            *tab_page);

AdwMessageDialog  *signet_window_text_dialog_new         (SignetWindow          *self,
                                                          const char            *heading,
                                                          const char            *body,
                                                          const char            *text,
                                                          const char            *label,
                                                          const char            *response,
                                                          const char            *response_label);
char              *signet_window_dialog_dup_text         (AdwMessageDialog      *dialog);

/* signet-window-import.c */
void               signet_window_class_init_import       (GtkWidgetClass        *widget_class);

/* signet-window-history.c */
void               signet_window_class_init_history      (GtkWidgetClass        *widget_class);
void               signet_window_setup_history           (SignetWindow          *self);

/* signet-window-environments.c */
void               signet_window_class_init_environments (GtkWidgetClass        *widget_class);
void               signet_window_update_environments     (SignetWindow          *self);
void               signet_window_environment_selected_cb (SignetWindow          *self);

G_END_DECLS
