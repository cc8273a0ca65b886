/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "signet-history-view.h"
#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-test-app.h"
#include "signet-test-async.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"
#include "signet-window.h"

/* The history in the real window, under Xvfb, against the API Gateway
 * fixture: a signed send shows up in the History popover with its status,
 * the search filters it, activating it opens it again in a new tab, and
 * "Copy as curl" puts a command that signs on every run (and holds no
 * secret) on the clipboard. XDG_DATA_HOME is a temp dir of this test's:
 * the history file starts empty and the user's is never touched. */

static SignetTestFixture *fixture;

static GtkWidget *
page_child (SignetRequestPage *page,
            const char        *name)
{
  return signet_test_template_child (page, SIGNET_TYPE_REQUEST_PAGE, name);
}

static GtkWidget *
view_child (SignetHistoryView *view,
            const char        *name)
{
  return signet_test_template_child (view, SIGNET_TYPE_HISTORY_VIEW, name);
}

static SignetRequestPage *
page_at (GtkWindow *window,
         int        position)
{
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));

  return SIGNET_REQUEST_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, position)));
}

typedef struct
{
  SignetRequestPage *page;
  SignetHistory     *history;
  guint              n_items;
} SendWait;

static gboolean
sent_and_recorded (gpointer data)
{
  SendWait *wait = data;
  gboolean sending = TRUE;

  g_object_get (wait->page, "sending", &sending, NULL);
  return !sending && g_list_model_get_n_items (G_LIST_MODEL (wait->history)) == wait->n_items;
}

static gboolean
has_n_items (GListModel *model,
             guint       n_items)
{
  return g_list_model_get_n_items (model) == n_items;
}

static gboolean
shows_none (gpointer model)
{
  return has_n_items (model, 0);
}

static gboolean
shows_one (gpointer model)
{
  return has_n_items (model, 1);
}

/* The label under @widget whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = find_label (wait->widget, wait->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
pointer_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static char *
copy_and_read (SignetRequestPage *page,
               const char        *action)
{
  /* something else first, so that the read shows what the action put there */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  return signet_test_read_clipboard_text (GTK_WIDGET (page));
}

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, FIXTURE_TEMP_SECRET));
  g_assert_null (strstr (text, FIXTURE_TEMP_TOKEN));
}

/* Edits made while a send is out are not what was sent: the entry opens
 * as the request was when it left. */
static void
assert_entry_is_what_was_sent (SignetRequestPage *page,
                               SignetHistory     *history)
{
  g_autofree char *slow = signet_test_fixture_url (fixture, "/slow");
  GtkEditable *url_entry = GTK_EDITABLE (page_child (page, "url_entry"));
  g_autoptr(SignetHistoryEntry) entry = NULL;
  g_autoptr(SignetRequest) reopened = NULL;
  g_autoptr(GError) error = NULL;
  SendWait wait = { page, history, g_list_model_get_n_items (G_LIST_MODEL (history)) + 1 };
  gboolean sending = FALSE;

  gtk_editable_set_text (url_entry, slow);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.send", NULL));
  g_object_get (page, "sending", &sending, NULL);
  g_assert_true (sending);
  gtk_editable_set_text (url_entry, "https://example.invalid/edited-meanwhile");
  signet_test_wait_until (sent_and_recorded, &wait, "the slow send to be recorded");

  entry = g_list_model_get_item (G_LIST_MODEL (history), 0);
  g_assert_cmpuint (signet_history_entry_get_status (entry), ==, 200);
  g_assert_cmpstr (signet_history_entry_get_url (entry), ==, slow);
  reopened = signet_history_entry_dup_request (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_request_get_url (reopened), ==, slow);
}

typedef struct
{
  SignetHistory *history;
  guint          max_entries;
} BoundWait;

static gboolean
bound_is (gpointer data)
{
  BoundWait *wait = data;

  return signet_history_get_max_entries (wait->history) == wait->max_entries;
}

/* The history-size setting bounds the history, up to what it keeps. */
static void
assert_bound_follows_setting (SignetHistory *history)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  BoundWait wait = { history, 3 };

  g_assert_cmpuint (signet_history_get_max_entries (history), ==,
                    g_settings_get_uint (settings, "history-size"));
  g_settings_set_uint (settings, "history-size", 3);
  signet_test_wait_until (bound_is, &wait, "the history to take the setting");
  /* the setting's range is exactly what the history can keep */
  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "history-size");
  g_assert_true (g_settings_schema_key_range_check (key, g_variant_new_uint32 (SIGNET_HISTORY_LIMIT_MAX_ENTRIES)));
  g_assert_false (g_settings_schema_key_range_check (key, g_variant_new_uint32 (SIGNET_HISTORY_LIMIT_MAX_ENTRIES + 1)));
  g_settings_reset (settings, "history-size");
}

static void
discard_and_close (GtkWindow *window)
{
  gboolean destroyed = FALSE;
  GtkWindow *dialog;

  g_signal_connect_swapped (window, "destroy", G_CALLBACK (signet_test_set_flag_cb), &destroyed);
  gtk_window_close (window);
  /* the typed request was never saved in a collection: Discard */
  dialog = signet_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL)
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  signet_test_wait_for (&destroyed, "the window to be destroyed");
}

static void
history_cb (SignetApplication *app,
            GtkWindow         *window)
{
  SignetRequestPage *page = page_at (window, 0);
  SignetRequest *request = signet_request_page_get_request (page);
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets?type=dog");
  g_autoptr(SignetHistory) history = NULL;
  g_autoptr(SignetHistoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  SignetHistoryView *view;
  GtkWidget *list_view;
  GtkWidget *status_label;
  GListModel *shown;
  SendWait send_wait;
  LabelWait label_wait;
  AdwTabView *tab_view = signet_window_get_tab_view (SIGNET_WINDOW (window));
  SignetRequestPage *reopened;
  SignetRequest *reopened_request;
  g_autofree char *curl = NULL;
  g_autofree char *python = NULL;

  g_object_get (window, "history", &history, NULL);
  g_assert_true (SIGNET_IS_HISTORY (history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  /* a signed send with temporary credentials */
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "url_entry")), url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_TEMP_KEY);
  signet_request_set_region (request, FIXTURE_REGION);
  signet_request_set_service (request, FIXTURE_SERVICE);
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "secret_key_row")),
                         FIXTURE_TEMP_SECRET);
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "session_token_row")),
                         FIXTURE_TEMP_TOKEN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.send", NULL));
  send_wait.page = page;
  send_wait.history = history;
  send_wait.n_items = 1;
  signet_test_wait_until (sent_and_recorded, &send_wait, "the send to be recorded");

  entry = g_list_model_get_item (G_LIST_MODEL (history), 0);
  g_assert_cmpuint (signet_history_entry_get_status (entry), ==, 200);
  g_assert_true (signet_history_entry_get_signed (entry));
  g_assert_cmpstr (signet_history_entry_get_url (entry), ==, url);
  g_assert_cmpstr (signet_header_array_find (signet_history_entry_get_headers (entry),
                                             "X-Amz-Security-Token"), ==, "[redacted]");

  /* in the History popover: method, URL, and the status coloured */
  view = SIGNET_HISTORY_VIEW (signet_test_template_child (window, SIGNET_TYPE_WINDOW, "history_view"));
  g_assert_true (signet_history_view_get_history (view) == history);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL));
  list_view = view_child (view, "list_view");
  label_wait.widget = list_view;
  label_wait.text = "200";
  signet_test_wait_until (label_shown, &label_wait, "the entry's row");
  status_label = find_label (list_view, "200");
  g_assert_true (gtk_widget_has_css_class (status_label, "success"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (status_label), ==, "200 OK");
  g_assert_nonnull (find_label (list_view, "GET"));
  g_assert_nonnull (find_label (list_view, url));

  /* the search: nothing, then the entry again, case aside */
  shown = signet_history_view_get_shown (view);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (view_child (view, "search_entry")),
                         "post orders");
  signet_test_wait_until (shows_none, shown, "the search to hide the entry");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, "stack"))),
                   ==, "empty");
  gtk_editable_set_text (GTK_EDITABLE (view_child (view, "search_entry")),
                         "GET /test/PETS 200");
  signet_test_wait_until (shows_one, shown, "the search to show the entry");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, "stack"))),
                   ==, "list");

  /* activated: the request again, in a new tab, without its secret */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 2);
  reopened = page_at (window, 1);
  g_assert_true (adw_tab_view_get_selected_page (tab_view) == adw_tab_view_get_nth_page (tab_view, 1));
  reopened_request = signet_request_page_get_request (reopened);
  g_assert_true (reopened_request != request);
  g_assert_cmpstr (signet_request_get_url (reopened_request), ==, url);
  g_assert_cmpstr (signet_request_get_method (reopened_request), ==, "GET");
  g_assert_cmpint (signet_request_get_auth_kind (reopened_request), ==, SIGNET_AUTH_KIND_AWS_SIGV4);
  g_assert_cmpstr (signet_request_get_access_key_id (reopened_request), ==, FIXTURE_TEMP_KEY);
  g_assert_cmpstr (signet_request_get_region (reopened_request), ==, FIXTURE_REGION);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (reopened, "secret_key_row"))),
                   ==, "");

  /* Copy as curl: signs on every run, the token from the environment */
  curl = copy_and_read (reopened, "page.copy-as-curl");
  g_assert_true (g_str_has_prefix (curl, "curl '"));
  g_assert_nonnull (strstr (curl, url));
  g_assert_nonnull (strstr (curl, "--aws-sigv4 'aws:amz:" FIXTURE_REGION ":" FIXTURE_SERVICE "'"));
  g_assert_nonnull (strstr (curl, "--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""));
  g_assert_nonnull (strstr (curl, "x-amz-security-token: $AWS_SESSION_TOKEN"));
  assert_no_secret (curl);
  python = copy_and_read (page, "page.copy-as-python");
  g_assert_nonnull (strstr (python, "SigV4Auth(credentials, "));
  assert_no_secret (python);

  /* what the history file got */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *contents = NULL;

    signet_history_save_async (history, NULL, signet_test_store_result_cb, &result);
    signet_test_wait_until (pointer_is_set, &result, "the history to be saved");
    g_assert_true (signet_history_save_finish (history, result, &error));
    g_assert_true (g_file_load_contents (signet_history_get_file (history), NULL, &contents,
                                         NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (contents, "/test/pets"));
    assert_no_secret (contents);
  }

  assert_entry_is_what_was_sent (page, history);
  assert_bound_follows_setting (history);
  discard_and_close (window);
}

static void
test_history_view (void)
{
  const char * const options[] = { "--slow-seconds", "0.5", NULL };

  fixture = signet_test_fixture_start (options);
  signet_test_run_app (history_cb);
  signet_test_fixture_stop (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = g_dir_make_tmp ("signet-history-view-XXXXXX", NULL);
  int status;

  /* before anything asks GLib for it */
  g_assert_nonnull (data_dir);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  signet_test_app_init (&argc, &argv);
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/signet/history-view/send-search-reopen-copy", test_history_view);

  status = signet_test_app_run_tests ();
  {
    g_autofree char *file = g_build_filename (data_dir, "signet", "history.json", NULL);
    g_autofree char *dir = g_build_filename (data_dir, "signet", NULL);

    g_unlink (file);
    g_rmdir (dir);
    g_rmdir (data_dir);
  }
  return status;
}
