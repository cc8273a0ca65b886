/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "signet-environment-editor.h"
#include "signet-environment-list.h"
#include "signet-window-private.h"

/* The header bar's environment switcher: "No Environment", then the
 * environments of the current collection (the current tab's, else the
 * sidebar's selection's, else the first one open). The choice is kept
 * by name in the `last-environment` setting, so it carries over to the
 * next collection and the next start; every page of the window expands
 * its `{{name}}` references with it. */

static SignetCollection *
find_current_collection (SignetWindow *self)
{
  SignetRequestPage *page = signet_window_get_current_page (self);
  SignetCollection *collection = NULL;
  GListModel *collections = signet_collection_list_get_model (self->collections);
  g_autoptr(SignetCollection) first = NULL;

  if (page != NULL && signet_request_page_get_item (page, &collection) != NULL)
    return collection;
  if (self->sidebar != NULL)
    signet_sidebar_get_selected (self->sidebar, &collection, NULL);
  if (collection != NULL)
    return collection;
  /* the list holds it */
  first = g_list_model_get_item (collections, 0);
  return first;
}

static SignetEnvironmentList *
current_list (SignetWindow *self)
{
  if (self->current_collection == NULL)
    return NULL;
  return g_hash_table_lookup (self->environment_lists, self->current_collection);
}

static void
apply_environment (SignetWindow      *self,
                   SignetEnvironment *environment)
{
  g_set_object (&self->environment, environment);
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (SIGNET_IS_REQUEST_PAGE (child))
        signet_request_page_set_environment (SIGNET_REQUEST_PAGE (child), environment);
    }
}

/* Lists the current collection's environments and picks @name's. */
static void
fill_dropdown (SignetWindow *self,
               const char   *name)
{
  SignetEnvironmentList *list = current_list (self);
  GListModel *environments = list ? signet_environment_list_get_model (list) : NULL;
  guint n_environments = environments ? g_list_model_get_n_items (environments) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SignetEnvironment) chosen = NULL;
  guint selected = 0;

  g_ptr_array_add (names, g_strdup (_("No Environment")));
  for (guint i = 0; i < n_environments; i++)
    {
      g_autoptr(SignetEnvironment) environment = g_list_model_get_item (environments, i);

      g_ptr_array_add (names, g_strdup (signet_environment_get_name (environment)));
      if (g_strcmp0 (signet_environment_get_name (environment), name) == 0)
        {
          selected = i + 1;
          g_set_object (&chosen, environment);
        }
    }
  g_ptr_array_add (names, NULL);

  self->syncing_environments = TRUE;
  gtk_string_list_splice (self->environment_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->environment_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->environment_dropdown, selected);
  self->syncing_environments = FALSE;
  apply_environment (self, chosen);
}

static char *
dup_chosen_name (SignetWindow *self)
{
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "last-environment");
  return g_strdup (self->environment ? signet_environment_get_name (self->environment) : "");
}

static void
refill_dropdown (SignetWindow *self)
{
  g_autofree char *name = dup_chosen_name (self);

  fill_dropdown (self, name);
}

static void
environments_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  SignetEnvironmentList *list = SIGNET_ENVIRONMENT_LIST (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *errors;

  if (!signet_environment_list_load_finish (list, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        signet_window_show_error (self, _("Could not read the environments"), error);
      return;
    }
  errors = signet_environment_list_get_load_errors (list);
  for (guint i = 0; i < errors->len; i++)
    signet_window_show_error (self, _("An environment was left out"), g_ptr_array_index (errors, i));
  if (list == current_list (self))
    refill_dropdown (self);
}

/**
 * signet_window_update_environments:
 *
 * Follows the current collection: its environments fill the switcher,
 * read from its folder the first time.
 */
void
signet_window_update_environments (SignetWindow *self)
{
  SignetCollection *collection;
  SignetEnvironmentList *list;

  /* tabs and rows going away with the window change nothing */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  collection = find_current_collection (self);
  if (collection == self->current_collection)
    return;
  g_set_object (&self->current_collection, collection);
  if (collection != NULL && current_list (self) == NULL)
    {
      list = signet_environment_list_new (signet_collection_get_dir (collection));
      g_hash_table_insert (self->environment_lists, collection, list);
      signet_environment_list_load_async (list, self->cancellable, environments_loaded_cb,
                                          g_object_ref (self));
    }
  refill_dropdown (self);
}

void
signet_window_environment_selected_cb (SignetWindow *self)
{
  SignetEnvironmentList *list = current_list (self);
  guint selected = gtk_drop_down_get_selected (self->environment_dropdown);
  g_autoptr(SignetEnvironment) environment = NULL;

  if (self->syncing_environments || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && list != NULL)
    environment = g_list_model_get_item (signet_environment_list_get_model (list), selected - 1);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-environment",
                           environment ? signet_environment_get_name (environment) : "");
  apply_environment (self, environment);
}

static void
environment_saved_cb (SignetWindow      *self,
                      SignetEnvironment *environment)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-environment",
                           signet_environment_get_name (environment));
  fill_dropdown (self, signet_environment_get_name (environment));
}

static void
open_editor (SignetWindow      *self,
             SignetEnvironment *environment)
{
  SignetEnvironmentList *list = current_list (self);
  SignetEnvironmentEditor *editor;

  if (list == NULL)
    {
      signet_window_show_toast (self, _("Environments belong to a collection: "
                                        "create or open one first"));
      return;
    }
  editor = signet_environment_editor_new (GTK_WINDOW (self), list, environment);
  g_signal_connect_object (editor, "saved", G_CALLBACK (environment_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_environment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  open_editor (self, self->environment);
}

static void
new_environment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_editor (SIGNET_WINDOW (widget), NULL);
}

void
signet_window_class_init_environments (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-environment", NULL,
                                   edit_environment_action);
  gtk_widget_class_install_action (widget_class, "win.new-environment", NULL,
                                   new_environment_action);
}
