/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "signet-response-view.h"
#include "signet-test-ui.h"

/* SignetResponseView in a window of its own: each test sets exchanges
 * or errors and waits, by iterating the main loop, for what the view
 * shows. Nothing here sleeps. */

typedef struct
{
  GtkWindow          *window;
  SignetResponseView *view;
} Fixture;

static void
busy_notify_cb (SignetResponseView *view,
                GParamSpec         *pspec,
                gboolean           *done)
{
  if (!signet_response_view_get_busy (view))
    *done = TRUE;
}

/* Until the view says (by its busy property) the body is shown. */
static void
wait_until_ready (SignetResponseView *view)
{
  gboolean done = !signet_response_view_get_busy (view);
  gulong handler = g_signal_connect (view, "notify::busy", G_CALLBACK (busy_notify_cb), &done);

  signet_test_wait_for (&done, "the body to be shown");
  g_signal_handler_disconnect (view, handler);
}

static gpointer
get_child (Fixture    *fixture,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                  SIGNET_TYPE_RESPONSE_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
visible_child_name (Fixture    *fixture,
                    const char *stack)
{
  return gtk_stack_get_visible_child_name (get_child (fixture, stack));
}

static char *
dup_body_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_child (fixture, "source_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
body_language (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_child (fixture, "source_view"));
  GtkSourceLanguage *language = gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer));

  return language != NULL ? gtk_source_language_get_id (language) : NULL;
}

static SignetExchange *
exchange_new (guint       status,
              const char *reason,
              const char *content_type,
              const char *body,
              gsize       body_len)
{
  SignetExchange *exchange = g_new0 (SignetExchange, 1);

  exchange->status = status;
  exchange->reason = g_strdup (reason);
  exchange->http_version = g_strdup ("HTTP/1.1");
  exchange->headers = signet_header_array_new ();
  if (content_type != NULL)
    signet_header_array_add (exchange->headers, "Content-Type", content_type);
  signet_header_array_add (exchange->headers, "x-amzn-RequestId", "c0ffee00-1234-4321-abcd-0123456789ab");
  exchange->body = g_bytes_new (body, body_len);
  exchange->elapsed_us = 123456;

  return exchange;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = SIGNET_RESPONSE_VIEW (signet_response_view_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);

  gtk_window_set_default_size (fixture->window, 720, 540);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  signet_test_wait_for_frame (fixture->window);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  g_assert_false (signet_response_view_get_busy (fixture->view));
  g_assert_cmpstr (visible_child_name (fixture, "main_stack"), ==, "empty");
}

static gboolean
view_is_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->view == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The view may outlive its window while a cancelled format finishes;
   * it must then go away without touching its (disposed) widgets. */
  gtk_window_destroy (fixture->window);
  signet_test_wait_until (view_is_gone, fixture, "the view to be finalized");
}

static const char json_body[] =
  "{\"message\":\"ok\",\"items\":[1,2.50,-0.1e-7,{}],\"empty\":[],"
  "\"big\":18446744073709551616,\"f\":0.1,\"ok\":true,\"none\":null,"
  "\"s\":\"caf\xC3\xA9 \\\"q\\\" \\u00e9\"}";

static const char json_pretty[] =
  "{\n"
  "  \"message\": \"ok\",\n"
  "  \"items\": [\n"
  "    1,\n"
  "    2.50,\n"
  "    -0.1e-7,\n"
  "    {}\n"
  "  ],\n"
  "  \"empty\": [],\n"
  "  \"big\": 18446744073709551616,\n"
  "  \"f\": 0.1,\n"
  "  \"ok\": true,\n"
  "  \"none\": null,\n"
  "  \"s\": \"caf\xC3\xA9 \\\"q\\\" \\u00e9\"\n"
  "}";

static void
set_json (Fixture *fixture)
{
  g_autoptr(SignetExchange) exchange = exchange_new (200, "OK", "application/json; charset=utf-8",
                                                     json_body, strlen (json_body));

  signet_response_view_set_exchange (fixture->view, exchange);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *size = g_format_size (strlen (json_body));
  g_autofree char *text = NULL;
  GtkLabel *status_label = get_child (fixture, "status_label");
  GtkListBox *headers = get_child (fixture, "headers_list");

  /* The exchange is freed at once: the view keeps what it needs. */
  set_json (fixture);
  g_assert_cmpstr (visible_child_name (fixture, "main_stack"), ==, "response");
  wait_until_ready (fixture->view);

  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "text");
  text = dup_body_text (fixture);
  g_assert_cmpstr (text, ==, json_pretty);
  g_assert_cmpstr (body_language (fixture), ==, "json");
  g_assert_false (gtk_text_view_get_editable (get_child (fixture, "source_view")));
  g_assert_true (gtk_text_view_get_monospace (get_child (fixture, "source_view")));

  g_assert_cmpstr (gtk_label_get_text (status_label), ==, "200 OK");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status_label), "success"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status_label), "warning"));
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "time_label")), ==, "123 ms");
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "size_label")), ==, size);

  g_assert_nonnull (gtk_list_box_get_row_at_index (headers, 0));
  g_assert_nonnull (gtk_list_box_get_row_at_index (headers, 1));
  g_assert_null (gtk_list_box_get_row_at_index (headers, 2));

  signet_test_wait_for_frame (fixture->window);
}

static void
test_status_classes (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    guint       status;
    const char *reason;
    const char *text;
    const char *css_class;
  } cases[] = {
    { 403, "Forbidden", "403 Forbidden", "warning" },
    { 204, "No Content", "204 No Content", "success" },
    { 302, "Found", "302 Found", "accent" },
    { 503, "Service Unavailable", "503 Service Unavailable", "error" },
    { 404, "", "404", "warning" },
  };
  static const char * const classes[] = { "success", "accent", "warning", "error" };
  static const char apigw_body[] = "{\"message\":\"Missing Authentication Token\"}";
  GtkLabel *status_label = get_child (fixture, "status_label");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SignetExchange) exchange = exchange_new (cases[i].status, cases[i].reason,
                                                         "application/json",
                                                         apigw_body, strlen (apigw_body));

      signet_response_view_set_exchange (fixture->view, exchange);
      wait_until_ready (fixture->view);

      g_assert_cmpstr (gtk_label_get_text (status_label), ==, cases[i].text);
      for (guint j = 0; j < G_N_ELEMENTS (classes); j++)
        g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status_label), classes[j]) ==
                       (g_strcmp0 (classes[j], cases[i].css_class) == 0));

      /* API Gateway's error body is shown as it came, pretty-printed. */
      if (cases[i].status == 403)
        {
          g_autofree char *text = dup_body_text (fixture);

          g_assert_cmpstr (text, ==, "{\n  \"message\": \"Missing Authentication Token\"\n}");
        }
    }
}

static void
test_not_json (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *content_type;
    const char *body;
    const char *language;
  } cases[] = {
    /* Says JSON, is not: shown as it came */
    { "application/json", "{\"a\": 1,}", NULL },
    { "application/json", "[1, 2] x", NULL },
    { "application/json", "{\"a\":01}", NULL },
    { "application/json", "{\"a\":\"\\x\"}", NULL },
    /* Looks like JSON, is not */
    { NULL, "[not json]", NULL },
    /* Neither says nor looks like JSON */
    { "text/plain", "12", NULL },
    { "application/xml", "<a>1</a>", "xml" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SignetExchange) exchange = exchange_new (200, "OK", cases[i].content_type,
                                                         cases[i].body, strlen (cases[i].body));
      g_autofree char *text = NULL;

      signet_response_view_set_exchange (fixture->view, exchange);
      wait_until_ready (fixture->view);

      g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "text");
      text = dup_body_text (fixture);
      g_assert_cmpstr (text, ==, cases[i].body);
      g_assert_cmpstr (body_language (fixture), ==, cases[i].language);
    }
}

static void
test_binary (Fixture       *fixture,
             gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char nul[] = "{\"a\":\"\0\"}";
  AdwStatusPage *binary_page = get_child (fixture, "binary_page");
  g_autoptr(SignetExchange) exchange = exchange_new (200, "OK", "image/png", png, sizeof png - 1);
  g_autoptr(SignetExchange) with_nul = exchange_new (200, "OK", "application/json", nul, sizeof nul - 1);

  signet_response_view_set_exchange (fixture->view, exchange);
  wait_until_ready (fixture->view);
  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "binary");
  g_assert_cmpstr (adw_status_page_get_description (binary_page), ==, "Binary body, 16 bytes");

  /* Valid UTF-8 with a NUL in it is binary too. */
  signet_response_view_set_exchange (fixture->view, with_nul);
  wait_until_ready (fixture->view);
  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "binary");
  g_assert_cmpstr (adw_status_page_get_description (binary_page), ==, "Binary body, 9 bytes");
}

static void
test_empty_body (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SignetExchange) exchange = exchange_new (204, "No Content", NULL, "", 0);

  signet_response_view_set_exchange (fixture->view, exchange);
  g_assert_false (signet_response_view_get_busy (fixture->view));
  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "no-body");
}

/* A JSON array of objects of about @size bytes, minified, and the text
 * the view must make of it. */
static void
make_large_json (gsize    size,
                 GString *minified,
                 GString *pretty)
{
  g_string_append_c (minified, '[');
  g_string_append (pretty, "[\n");

  for (guint i = 0; minified->len < size; i++)
    {
      if (i > 0)
        {
          g_string_append_c (minified, ',');
          g_string_append (pretty, ",\n");
        }
      g_string_append_printf (minified,
                              "{\"id\":%u,\"name\":\"item %u\",\"tags\":[\"a\",\"b\"],\"value\":%u.25}",
                              i, i, i);
      g_string_append_printf (pretty,
                              "  {\n"
                              "    \"id\": %u,\n"
                              "    \"name\": \"item %u\",\n"
                              "    \"tags\": [\n"
                              "      \"a\",\n"
                              "      \"b\"\n"
                              "    ],\n"
                              "    \"value\": %u.25\n"
                              "  }",
                              i, i, i);
    }

  g_string_append_c (minified, ']');
  g_string_append (pretty, "\n]");
}

typedef struct
{
  SignetResponseView *view;
  guint               n_while_busy;
} IdleCount;

static gboolean
count_idle_cb (gpointer user_data)
{
  IdleCount *count = user_data;

  if (signet_response_view_get_busy (count->view))
    count->n_while_busy++;

  return G_SOURCE_CONTINUE;
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) minified = g_string_new (NULL);
  g_autoptr(GString) pretty = g_string_new (NULL);
  g_autoptr(SignetExchange) exchange = NULL;
  g_autofree char *text = NULL;
  IdleCount count = { fixture->view, 0 };
  guint idle;

  make_large_json (10 * 1000 * 1000, minified, pretty);
  exchange = exchange_new (200, "OK", "application/json", minified->str, minified->len);

  signet_response_view_set_exchange (fixture->view, exchange);
  g_assert_true (signet_response_view_get_busy (fixture->view));
  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "loading");
  g_assert_true (gtk_spinner_get_spinning (get_child (fixture, "spinner")));

  /* The main loop keeps turning while the body is formatted and loaded. */
  idle = g_idle_add (count_idle_cb, &count);
  wait_until_ready (fixture->view);
  g_source_remove (idle);
  g_assert_cmpuint (count.n_while_busy, >, 0);
  g_test_message ("%u idle callbacks ran while busy", count.n_while_busy);

  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "text");
  g_assert_false (gtk_spinner_get_spinning (get_child (fixture, "spinner")));
  text = dup_body_text (fixture);
  g_assert_true (g_str_equal (text, pretty->str));
  g_assert_cmpstr (body_language (fixture), ==, "json");
  g_assert_false (gtk_widget_get_visible (get_child (fixture, "cut_label")));
  signet_test_wait_for_frame (fixture->window);

  /* Raw, the body is one line of 10 MB: cut short on screen (a text view
   * lays a line out whole), copied whole. */
  signet_response_view_set_raw (fixture->view, TRUE);
  wait_until_ready (fixture->view);
  g_clear_pointer (&text, g_free);
  text = dup_body_text (fixture);
  g_assert_cmpint (strncmp (text, minified->str, 10000), ==, 0);
  g_assert_true (g_str_has_suffix (text, " … (line cut short)"));
  g_assert_true (gtk_widget_get_visible (get_child (fixture, "cut_label")));
  signet_test_wait_for_frame (fixture->window);

  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "response.copy-body", NULL));
  text = signet_test_read_clipboard_text (GTK_WIDGET (fixture->view));
  g_assert_true (g_str_equal (text, minified->str));
}

static void
test_raw (Fixture       *fixture,
          gconstpointer  data)
{
  static const char body[] = "{ \"a\" :1,\r\n\"b\":[ ]\t}";
  g_autoptr(SignetExchange) exchange = exchange_new (200, "OK", "application/json", body, strlen (body));
  g_autofree char *pretty = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *again = NULL;

  signet_response_view_set_exchange (fixture->view, exchange);
  wait_until_ready (fixture->view);
  pretty = dup_body_text (fixture);
  g_assert_cmpstr (pretty, ==, "{\n  \"a\": 1,\n  \"b\": []\n}");

  /* The Raw toggle is the response.raw action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "response.raw", NULL));
  g_assert_true (signet_response_view_get_raw (fixture->view));
  wait_until_ready (fixture->view);
  raw = dup_body_text (fixture);
  g_assert_cmpstr (raw, ==, body);
  g_assert_cmpstr (body_language (fixture), ==, "json");

  /* The mode sticks for the next exchange. */
  set_json (fixture);
  wait_until_ready (fixture->view);
  g_clear_pointer (&raw, g_free);
  raw = dup_body_text (fixture);
  g_assert_cmpstr (raw, ==, json_body);

  signet_response_view_set_raw (fixture->view, FALSE);
  wait_until_ready (fixture->view);
  again = dup_body_text (fixture);
  g_assert_cmpstr (again, ==, json_pretty);
}

static void
test_copy_body (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;

  set_json (fixture);
  wait_until_ready (fixture->view);

  /* What is shown is copied: the pretty text, then the raw one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "response.copy-body", NULL));
  text = signet_test_read_clipboard_text (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (text, ==, json_pretty);

  signet_response_view_set_raw (fixture->view, TRUE);
  wait_until_ready (fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "response.copy-body", NULL));
  raw = signet_test_read_clipboard_text (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (raw, ==, json_body);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct {
    GQuark      domain;
    int         code;
    const char *message;
    const char *title;
  } cases[] = {
    { 0, G_RESOLVER_ERROR_NOT_FOUND,
      "Cannot find the host “nowhere.invalid”: check the URL and your network (Name or service not known)",
      "Host Not Found" },
    { 0, G_IO_ERROR_CONNECTION_REFUSED,
      "“127.0.0.1:9” refused the connection: is the server running?",
      "Connection Refused" },
    { 0, G_IO_ERROR_TIMED_OUT,
      "No answer from “example.com” within 30 s",
      "No Answer in Time" },
    { 0, G_TLS_ERROR_BAD_CERTIFICATE,
      "The secure connection to “self-signed.example” failed: Unacceptable TLS certificate (the certificate is never skipped)",
      "Secure Connection Failed" },
  };
  GQuark domains[] = { G_RESOLVER_ERROR, G_IO_ERROR, G_IO_ERROR, G_TLS_ERROR };
  AdwStatusPage *error_page = get_child (fixture, "error_page");

  /* An earlier response goes away. */
  set_json (fixture);
  wait_until_ready (fixture->view);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (domains[i], cases[i].code, cases[i].message);

      signet_response_view_set_error (fixture->view, error);
      g_assert_false (signet_response_view_get_busy (fixture->view));
      g_assert_cmpstr (visible_child_name (fixture, "main_stack"), ==, "error");
      g_assert_cmpstr (adw_status_page_get_title (error_page), ==, cases[i].title);
      g_assert_cmpstr (adw_status_page_get_description (error_page), ==, cases[i].message);
    }

  /* Markup in a message is shown as text. */
  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "<b>&</b>");

    signet_response_view_set_error (fixture->view, error);
    g_assert_cmpstr (adw_status_page_get_description (error_page), ==, "&lt;b&gt;&amp;&lt;/b&gt;");
  }

  signet_test_wait_for_frame (fixture->window);

  signet_response_view_clear (fixture->view);
  g_assert_cmpstr (visible_child_name (fixture, "main_stack"), ==, "empty");
}

static void
test_blocked_redirect (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SignetExchange) exchange = exchange_new (302, "Found", "text/html", "<a>moved</a>", 12);
  AdwStatusPage *redirect_page = get_child (fixture, "redirect_page");

  signet_header_array_add (exchange->headers, "Location", "https://other.example.com/next?x=1");
  exchange->blocked_redirect = g_strdup ("https://other.example.com/next?x=1");

  signet_response_view_set_exchange (fixture->view, exchange);
  g_assert_false (signet_response_view_get_busy (fixture->view));
  g_assert_cmpstr (visible_child_name (fixture, "main_stack"), ==, "response");
  g_assert_cmpstr (visible_child_name (fixture, "body_stack"), ==, "redirect");
  g_assert_cmpstr (adw_status_page_get_description (redirect_page), ==,
                   "Not following the redirect to other.example.com: "
                   "the signature is only valid for this host");
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "status_label")), ==, "302 Found");
  g_assert_true (gtk_widget_has_css_class (get_child (fixture, "status_label"), "accent"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (get_child (fixture, "headers_list"), 2));
}

static void
test_clear_pending (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) minified = g_string_new (NULL);
  g_autoptr(GString) pretty = g_string_new (NULL);
  g_autoptr(SignetExchange) large = NULL;
  g_autofree char *text = NULL;

  make_large_json (10 * 1000 * 1000, minified, pretty);
  large = exchange_new (200, "OK", "application/json", minified->str, minified->len);

  /* Cleared while formatting: nothing is shown, late results are dropped. */
  signet_response_view_set_exchange (fixture->view, large);
  g_assert_true (signet_response_view_get_busy (fixture->view));
  signet_response_view_clear (fixture->view);
  g_assert_false (signet_response_view_get_busy (fixture->view));
  g_assert_cmpstr (visible_child_name (fixture, "main_stack"), ==, "empty");

  /* Replaced while formatting: the newer exchange wins. */
  signet_response_view_set_exchange (fixture->view, large);
  set_json (fixture);
  wait_until_ready (fixture->view);
  text = dup_body_text (fixture);
  g_assert_cmpstr (text, ==, json_pretty);

  /* Disposed while formatting: the tear-down waits for the view to go. */
  signet_response_view_set_exchange (fixture->view, large);
  g_assert_true (signet_response_view_get_busy (fixture->view));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

#define ADD_TEST(path, func) \
  g_test_add ("/signet/response-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("json", test_json);
  ADD_TEST ("status-classes", test_status_classes);
  ADD_TEST ("not-json", test_not_json);
  ADD_TEST ("binary", test_binary);
  ADD_TEST ("empty-body", test_empty_body);
  ADD_TEST ("large", test_large);
  ADD_TEST ("raw", test_raw);
  ADD_TEST ("copy-body", test_copy_body);
  ADD_TEST ("error", test_error);
  ADD_TEST ("blocked-redirect", test_blocked_redirect);
  ADD_TEST ("clear-pending", test_clear_pending);

#undef ADD_TEST

  return g_test_run ();
}
