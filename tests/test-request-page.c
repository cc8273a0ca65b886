/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "signet-credential-store.h"
#include "signet-request-page.h"
#include "signet-request-row.h"
#include "signet-response-view.h"
#include "signet-test-app.h"
#include "signet-test-fixture.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"

/* The seed's steps 2 and 5 in the real page, under Xvfb, against the API
 * Gateway fixture: unsigned is refused, signed gets the pets. The page is
 * driven through its model and its actions, as a person's clicks would.
 * Saved credentials live in libsecret's file backend in a temp dir, never
 * in the user's keyring. */

#define SAVED_NAME "fixture-tester"

typedef struct
{
  SignetTestFixture     *fixture;
  SignetCredentialStore *store;
  GtkWindow             *window;
  SignetRequestPage     *page;
} Fixture;

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return signet_test_page_child (fixture->page, name);
}

static GtkWidget *
response_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (page_child (fixture, "response_view"),
                                                  SIGNET_TYPE_RESPONSE_VIEW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
exchange_done (Fixture *fixture)
{
  gboolean sending = TRUE;

  g_object_get (fixture->page, "sending", &sending, NULL);
  return !sending &&
         !signet_response_view_get_busy (SIGNET_RESPONSE_VIEW (page_child (fixture, "response_view")));
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
slot_is_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot,
                 const char    *what)
{
  signet_test_wait_until (slot_is_filled, slot, what);
  return *slot;
}

/* Through the store, as another window or signet-cli's twin would. */
static void
store_save (Fixture    *fixture,
            const char *name,
            const char *access_key_id,
            const char *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_credential_store_save_async (fixture->store, name, access_key_id, secret, NULL,
                                      NULL, on_done, &result);
  g_assert_true (signet_credential_store_save_finish (fixture->store,
                                                      wait_for_result (&result, "the save"),
                                                      &error));
  g_assert_no_error (error);
}

static void
store_remove (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_credential_store_remove_async (fixture->store, name, NULL, on_done, &result);
  g_assert_true (signet_credential_store_remove_finish (fixture->store,
                                                        wait_for_result (&result, "the removal"),
                                                        &error));
  g_assert_no_error (error);
}

/* Every test starts from a keyring without credentials. */
static void
store_clear (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  signet_credential_store_list_async (fixture->store, NULL, on_done, &result);
  infos = signet_credential_store_list_finish (fixture->store,
                                               wait_for_result (&result, "the listing"),
                                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < infos->len; i++)
    store_remove (fixture, ((SignetCredentialInfo *) g_ptr_array_index (infos, i))->name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = signet_client_new (NULL);

  fixture->fixture = signet_test_fixture_start (NULL);
  fixture->store = signet_credential_store_new ();
  store_clear (fixture);
  fixture->window = signet_test_present_page (client, fixture->store, 900, 700, &fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  signet_test_fixture_stop (fixture->fixture);
}

static void
send_and_wait (Fixture *fixture)
{
  gboolean sending = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.send", NULL));
  g_object_get (fixture->page, "sending", &sending, NULL);
  g_assert_true (sending);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, "send_button"))), ==, "_Cancel");
  signet_test_wait_until ((SignetTestCondition) exchange_done, fixture, "the response");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, "send_button"))), ==, "_Send");
}

static char *
shown_body (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (response_child (fixture, "source_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
shown_status (Fixture *fixture)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (response_child (fixture, "main_stack"))),
                   ==, "response");
  return gtk_label_get_text (GTK_LABEL (response_child (fixture, "status_label")));
}

static void
use_aws_signature (Fixture    *fixture,
                   const char *secret)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  signet_request_set_region (request, FIXTURE_REGION);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "secret_key_row")), secret);
}

static void
test_unsigned_then_signed (Fixture       *fixture,
                           gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");
  g_autofree char *refused = NULL;
  g_autofree char *pets = NULL;

  /* typed into the URL entry, as a person does */
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  g_assert_cmpstr (signet_request_get_url (request), ==, url);
  g_assert_cmpstr (signet_request_page_get_title (fixture->page), ==, "GET /test/pets");

  g_assert_true (signet_request_get_modified (request));

  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "403 Forbidden");
  /* sent: nothing is left to lose by closing the tab */
  g_assert_false (signet_request_get_modified (request));
  g_assert_false (signet_request_page_get_unsent (fixture->page));
  refused = shown_body (fixture);
  g_assert_nonnull (strstr (refused, "Missing Authentication Token"));

  use_aws_signature (fixture, FIXTURE_SECRET);
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  pets = shown_body (fixture);
  g_assert_nonnull (strstr (pets, "\"type\": \"dog\""));
  /* the secret never enters the model */
  g_assert_null (strstr (signet_request_get_access_key_id (request), FIXTURE_SECRET));
}

static void
test_params_follow_url (Fixture       *fixture,
                        gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/echo");
  g_autoptr(SignetRequestRow) row = signet_request_row_new ("name", "hello world");
  g_autofree char *echo = NULL;

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  g_list_store_append (G_LIST_STORE (signet_request_get_params (request)), row);
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (page_child (fixture, "url_entry"))),
                                   "/echo?name=hello%20world"));

  use_aws_signature (fixture, FIXTURE_SECRET);
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  echo = shown_body (fixture);
  g_assert_nonnull (strstr (echo, "\"raw_query\": \"name=hello%20world\""));
}

static guint
count_rows (GtkWidget *list)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    count++;
  return count;
}

static void
test_preview_signature (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");
  GtkWidget *added = page_child (fixture, "added_headers_list");
  GtkWidget *row;
  gboolean found_date = FALSE;
  gboolean found_authorization = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  use_aws_signature (fixture, FIXTURE_SECRET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.preview-signature", NULL));

  g_assert_cmpuint (count_rows (added), >=, 3);
  for (row = gtk_widget_get_first_child (added); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *value = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      found_date |= g_str_equal (title, "X-Amz-Date") && strlen (value) == 16;
      found_authorization |= g_str_equal (title, "Authorization") &&
                             g_str_has_prefix (value, "AWS4-HMAC-SHA256 Credential=" FIXTURE_KEY "/");
    }
  g_assert_true (found_date);
  g_assert_true (found_authorization);
}

static gboolean
fixture_saw_request (Fixture *fixture)
{
  g_autofree char *log = NULL;

  return g_file_get_contents (fixture->fixture->log_path, &log, NULL, NULL) && strstr (log, "/test/slow");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/slow");
  gboolean sending = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.send", NULL));
  signet_test_wait_until ((SignetTestCondition) fixture_saw_request, fixture, "the slow request to arrive");
  /* the Send button is now Cancel: the same action cancels */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.send", NULL));
  signet_test_wait_until ((SignetTestCondition) exchange_done, fixture, "the cancellation");
  g_object_get (fixture->page, "sending", &sending, NULL);
  g_assert_false (sending);
}

static void
test_bad_url_message (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *error_page = response_child (fixture, "error_page");

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), "not a url");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.send", NULL));
  g_assert_true (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            "not an absolute URL"));
  /* not sent: the edit is still unsent */
  g_assert_true (signet_request_page_get_unsent (fixture->page));
}

/* Saved credentials */

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = ADW_MESSAGE_DIALOG (window);
    }
  return found;
}

/* The position of @label in the credential row, or -1. */
static int
row_position (Fixture    *fixture,
              const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (page_child (fixture, "credential_row")));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return (int) i;
  return -1;
}

static const char *
row_selected_label (Fixture *fixture)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (page_child (fixture, "credential_row")));

  g_assert_nonnull (item);
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static gboolean
saved_listed (Fixture *fixture)
{
  return row_position (fixture, SAVED_NAME) > 0;
}

static gboolean
saved_selected (Fixture *fixture)
{
  return g_strcmp0 (signet_request_get_credential_name (signet_request_page_get_request (fixture->page)),
                    SAVED_NAME) == 0;
}

static gboolean
saved_shown_missing (Fixture *fixture)
{
  return row_position (fixture, SAVED_NAME " (not in the keyring)") > 0 &&
         row_position (fixture, SAVED_NAME) < 0;
}

static gboolean
preview_has_authorization (Fixture *fixture)
{
  GtkWidget *added = page_child (fixture, "added_headers_list");

  for (GtkWidget *row = gtk_widget_get_first_child (added); row; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Authorization"))
      return g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                               "AWS4-HMAC-SHA256 Credential=" FIXTURE_KEY "/");
  return FALSE;
}

static void
assert_uses_saved (Fixture *fixture)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);

  g_assert_cmpstr (signet_request_get_credential_name (request), ==, SAVED_NAME);
  g_assert_cmpstr (signet_request_get_access_key_id (request), ==, FIXTURE_KEY);
  g_assert_cmpstr (row_selected_label (fixture), ==, SAVED_NAME);
  /* the keyring has the secret: no rows for it, nothing left in them */
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "secret_key_row")));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "session_token_row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (fixture, "secret_key_row"))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (page_child (fixture, "access_key_row")));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "save_credential_button")));
}

static void
assert_error_shown (Fixture    *fixture,
                    const char *message)
{
  GtkWidget *error_page = response_child (fixture, "error_page");

  g_assert_true (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), message));
}

static void
test_save_credential (Fixture       *fixture,
                      gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");
  GtkWidget *credential_row = page_child (fixture, "credential_row");
  AdwMessageDialog *dialog;
  GtkWidget *name_entry;

  g_assert_cmpstr (row_selected_label (fixture), ==, "One-off keys");
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "save_credential_button")));

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  use_aws_signature (fixture, FIXTURE_SECRET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.save-credential", NULL));

  /* answered as a person would: a name, then Save */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  name_entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (name_entry));
  gtk_editable_set_text (GTK_EDITABLE (name_entry), SAVED_NAME);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));

  signet_test_wait_until ((SignetTestCondition) saved_selected, fixture, "the saved credential to be selected");
  assert_uses_saved (fixture);
  /* the secret is in the keyring, nowhere in the model */
  g_assert_null (strstr (signet_request_get_access_key_id (request), FIXTURE_SECRET));

  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  g_assert_false (signet_request_get_modified (request));

  /* back to one-off keys: the rows return, empty */
  adw_combo_row_set_selected (ADW_COMBO_ROW (credential_row), 0);
  g_assert_null (signet_request_get_credential_name (request));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "secret_key_row")));
  g_assert_true (gtk_widget_get_sensitive (page_child (fixture, "access_key_row")));
  g_assert_true (row_position (fixture, SAVED_NAME) > 0);
}

static void
test_saved_elsewhere (Fixture       *fixture,
                      gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");
  g_autofree char *pets = NULL;

  /* the store's ::changed brings it into the row */
  g_assert_true (row_position (fixture, SAVED_NAME) < 0);
  store_save (fixture, SAVED_NAME, FIXTURE_KEY, FIXTURE_SECRET);
  signet_test_wait_until ((SignetTestCondition) saved_listed, fixture, "the credential to be listed");

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_region (request, FIXTURE_REGION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (page_child (fixture, "credential_row")),
                              row_position (fixture, SAVED_NAME));
  assert_uses_saved (fixture);

  /* the preview looks the secret up first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.preview-signature", NULL));
  signet_test_wait_until ((SignetTestCondition) preview_has_authorization, fixture, "the signature preview");

  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  pets = shown_body (fixture);
  g_assert_nonnull (strstr (pets, "\"type\": \"dog\""));
}

static void
test_missing_credential (Fixture       *fixture,
                         gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  signet_request_set_region (request, FIXTURE_REGION);

  /* a name this keyring never had, as a request from elsewhere may carry */
  signet_request_set_credential_name (request, "no-such-credential");
  g_assert_cmpstr (row_selected_label (fixture), ==, "no-such-credential (not in the keyring)");
  send_and_wait (fixture);
  assert_error_shown (fixture, "No credential named “no-such-credential”");
  /* not sent: the edits are still unsent */
  g_assert_true (signet_request_get_modified (request));

  /* one removed while selected */
  store_save (fixture, SAVED_NAME, FIXTURE_KEY, FIXTURE_SECRET);
  signet_test_wait_until ((SignetTestCondition) saved_listed, fixture, "the credential to be listed");
  adw_combo_row_set_selected (ADW_COMBO_ROW (page_child (fixture, "credential_row")),
                              row_position (fixture, SAVED_NAME));
  g_assert_cmpstr (signet_request_get_credential_name (request), ==, SAVED_NAME);
  g_assert_true (row_position (fixture, "no-such-credential (not in the keyring)") < 0);
  store_remove (fixture, SAVED_NAME);
  signet_test_wait_until ((SignetTestCondition) saved_shown_missing, fixture, "the removed credential to show as missing");
  g_assert_cmpstr (row_selected_label (fixture), ==, SAVED_NAME " (not in the keyring)");
  send_and_wait (fixture);
  assert_error_shown (fixture, "No credential named “" SAVED_NAME "”");
}

int
main (int    argc,
      char **argv)
{
  signet_test_app_init (&argc, &argv);
  adw_init ();
  gtk_source_init ();

#define ADD(path, func) \
  g_test_add ("/signet/request-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("unsigned-then-signed", test_unsigned_then_signed);
  ADD ("params-follow-url", test_params_follow_url);
  ADD ("preview-signature", test_preview_signature);
  ADD ("cancel", test_cancel);
  ADD ("bad-url-message", test_bad_url_message);
  ADD ("save-credential", test_save_credential);
  ADD ("saved-elsewhere", test_saved_elsewhere);
  ADD ("missing-credential", test_missing_credential);

#undef ADD

  return signet_test_app_run_tests ();
}
