/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-history-view.h"

/**
 * SignetHistoryView:
 *
 * The requests sent, newest first, with a search over method, URL and
 * status. Each row shows the method, the URL as sent (signatures
 * redacted), the status coloured by its class, when, and how large the
 * response was. Activating a row emits #SignetHistoryView::entry-activated;
 * the window opens the request in a new tab.
 */
struct _SignetHistoryView
{
  AdwBin              parent_instance;

  SignetHistory      *history;
  GtkFilterListModel *shown;
  GtkCustomFilter    *filter;
  char               *search;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (SignetHistoryView, signet_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
entry_matches (gpointer item,
               gpointer user_data)
{
  SignetHistoryView *self = user_data;

  return signet_history_entry_matches (item, self->search);
}

/* The status's class, as the response view colours it. */
static const char *
status_class (guint status)
{
  if (status >= 500)
    return "error";
  if (status >= 400)
    return "warning";
  if (status >= 200 && status < 300)
    return "success";
  return NULL;
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%X");
  /* Translators: a day and time, see the strftime manual */
  return g_date_time_format (local, _("%x %X"));
}

/* A label in @box, found again through @row by @name. */
static GtkWidget *
add_label (GtkWidget  *row,
           GtkWidget  *box,
           const char *name,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (row), name, label);
  return label;
}

/* [METHOD]  URL                                  [200]
 *           12:30:05 · 1.2 kB */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  label = add_label (row, row, "method", "monospace");
  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);
  label = add_label (row, text, "url", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  label = add_label (row, text, "details", "dim-label");
  gtk_widget_add_css_class (label, "caption");

  label = add_label (row, row, "status", "heading");
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  SignetHistoryEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkLabel *status_label = g_object_get_data (G_OBJECT (row), "status");
  guint status = signet_history_entry_get_status (entry);
  g_autofree char *status_code = g_strdup_printf ("%u", status);
  g_autofree char *status_text = g_strdup_printf ("%u %s", status,
                                                  signet_history_entry_get_reason (entry));
  g_autofree char *time = format_time (signet_history_entry_get_time (entry));
  g_autofree char *size = g_format_size (signet_history_entry_get_response_size (entry));
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  static const char * const classes[] = { "success", "warning", "error" };

  /* Translators: when a request was sent · the size of its response */
  details = g_strdup_printf (_("%s · %s"), time, size);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "method"),
                      signet_history_entry_get_method (entry));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "url"),
                      signet_history_entry_get_url (entry));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "details"), details);
  /* the code alone leaves the URL room; the reason is in the tooltip */
  gtk_label_set_text (status_label, status_code);
  gtk_widget_set_tooltip_text (GTK_WIDGET (status_label), status_text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (status_label), classes[i]);
  if (status_class (status) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (status_label), status_class (status));

  accessible = g_strdup_printf ("%s %s, %s, %s", signet_history_entry_get_method (entry),
                                signet_history_entry_get_url (entry), status_text, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
update_state (SignetHistoryView *self)
{
  guint n_history = self->history ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  const char *error = self->history ? signet_history_get_error (self->history) : NULL;

  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
  if (n_history == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Requests"));
      adw_status_page_set_description (self->empty_page,
                                       _("Requests appear here once they are sent"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.clear", n_history > 0);

  gtk_label_set_text (self->error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
search_changed_cb (SignetHistoryView *self)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
row_activated_cb (SignetHistoryView *self,
                  guint              position)
{
  g_autoptr(SignetHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (entry != NULL)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry);
}

static void
clear_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   SignetHistoryView *self)
{
  if (g_str_equal (response, "clear") && self->history != NULL)
    signet_history_clear (self->history);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SignetHistoryView *self = SIGNET_HISTORY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Clear History?"),
                                   _("Every sent request is removed from the history. "
                                     "Saved requests in collections stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (clear_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
signet_history_view_dispose (GObject *object)
{
  SignetHistoryView *self = SIGNET_HISTORY_VIEW (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_HISTORY_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (signet_history_view_parent_class)->dispose (object);
}

static void
signet_history_view_finalize (GObject *object)
{
  SignetHistoryView *self = SIGNET_HISTORY_VIEW (object);

  g_free (self->search);

  G_OBJECT_CLASS (signet_history_view_parent_class)->finalize (object);
}

static void
signet_history_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SignetHistoryView *self = SIGNET_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_history_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SignetHistoryView *self = SIGNET_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      signet_history_view_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_history_view_class_init (SignetHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_history_view_dispose;
  object_class->finalize = signet_history_view_finalize;
  object_class->get_property = signet_history_view_get_property;
  object_class->set_property = signet_history_view_set_property;

  /* From the window: the application's one history. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SIGNET_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SignetHistoryView::entry-activated:
   * @entry: the #SignetHistoryEntry to open again
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SIGNET_TYPE_HISTORY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetHistoryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetHistoryView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SignetHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetHistoryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SignetHistoryView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "history.clear", NULL, clear_action);
}

static void
signet_history_view_init (SignetHistoryView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (entry_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)))));
  update_state (self);
}

/**
 * signet_history_view_new:
 * @history: (nullable): the history to show
 *
 * Returns: (transfer floating): a new history view
 */
GtkWidget *
signet_history_view_new (SignetHistory *history)
{
  return g_object_new (SIGNET_TYPE_HISTORY_VIEW, "history", history, NULL);
}

SignetHistory *
signet_history_view_get_history (SignetHistoryView *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_VIEW (self), NULL);

  return self->history;
}

void
signet_history_view_set_history (SignetHistoryView *self,
                                 SignetHistory     *history)
{
  g_return_if_fail (SIGNET_IS_HISTORY_VIEW (self));
  g_return_if_fail (history == NULL || SIGNET_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "notify::error", G_CALLBACK (update_state), self,
                             G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->shown, G_LIST_MODEL (history));
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * signet_history_view_get_shown:
 *
 * Returns: (transfer none): the entries the search lets through, newest first
 */
GListModel *
signet_history_view_get_shown (SignetHistoryView *self)
{
  g_return_val_if_fail (SIGNET_IS_HISTORY_VIEW (self), NULL);

  return G_LIST_MODEL (self->shown);
}
