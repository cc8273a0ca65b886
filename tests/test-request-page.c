/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "signet-request-page.h"
#include "signet-request-row.h"
#include "signet-response-view.h"
#include "signet-test-fixture.h"

/* The seed's steps 2 and 5 in the real page, under Xvfb, against the API
 * Gateway fixture: unsigned is refused, signed gets the pets. The page is
 * driven through its model and its actions, as a person's clicks would. */

typedef struct
{
  SignetTestFixture *fixture;
  GtkWindow         *window;
  SignetRequestPage *page;
} Fixture;

static void
set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done says so; never sleeps. */
static void
wait_until (gboolean  (*done) (Fixture *),
            Fixture   *fixture,
            const char *what)
{
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, (gpointer) what);

  while (!done (fixture))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
}

static void
wait_for_first_frame (GtkWindow *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag_cb), &painted);
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, (gpointer) "the first frame");

  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
  g_signal_handler_disconnect (clock, handler);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                  SIGNET_TYPE_REQUEST_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = signet_client_new (NULL);

  fixture->fixture = signet_test_fixture_start (NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->page = signet_request_page_new (client);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wait_for_first_frame (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
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
  wait_until (exchange_done, fixture, "the response");
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

  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "403 Forbidden");
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
  wait_until (fixture_saw_request, fixture, "the slow request to arrive");
  /* the Send button is now Cancel: the same action cancels */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.send", NULL));
  wait_until (exchange_done, fixture, "the cancellation");
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
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

#define ADD(path, func) \
  g_test_add ("/signet/request-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("unsigned-then-signed", test_unsigned_then_signed);
  ADD ("params-follow-url", test_params_follow_url);
  ADD ("preview-signature", test_preview_signature);
  ADD ("cancel", test_cancel);
  ADD ("bad-url-message", test_bad_url_message);

#undef ADD

  return g_test_run ();
}
