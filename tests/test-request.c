/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-error.h"
#include "signet-request.h"

#define APIGW_URL "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets"

static SignetRequestRow *
get_row (GListModel *model,
         guint       position)
{
  SignetRequestRow *row = g_list_model_get_item (model, position);

  /* The model keeps its own reference. */
  g_object_unref (row);
  return row;
}

static void
assert_row (GListModel *model,
            guint       position,
            const char *name,
            const char *value)
{
  SignetRequestRow *row = get_row (model, position);

  g_assert_cmpstr (signet_request_row_get_name (row), ==, name);
  if (value == NULL)
    {
      g_assert_false (signet_request_row_get_has_value (row));
      g_assert_cmpstr (signet_request_row_get_value (row), ==, "");
    }
  else
    {
      g_assert_true (signet_request_row_get_has_value (row));
      g_assert_cmpstr (signet_request_row_get_value (row), ==, value);
    }
}

static void
append_row (GListModel *model,
            const char *name,
            const char *value)
{
  g_autoptr(SignetRequestRow) row = signet_request_row_new (name, value);

  g_list_store_append (G_LIST_STORE (model), row);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();

  g_assert_cmpstr (signet_request_get_method (request), ==, "GET");
  g_assert_cmpstr (signet_request_get_url (request), ==, "");
  g_assert_cmpint (signet_request_get_body_kind (request), ==, SIGNET_BODY_KIND_NONE);
  g_assert_cmpint (signet_request_get_auth_kind (request), ==, SIGNET_AUTH_KIND_NONE);
  g_assert_cmpstr (signet_request_get_service (request), ==, "execute-api");
  g_assert_cmpstr (signet_request_get_region (request), ==, "");
  g_assert_null (signet_request_get_credential_name (request));
  g_assert_null (signet_request_get_detected_region (request));
  g_assert_false (signet_request_get_modified (request));
  g_assert_cmpstr (signet_request_get_title (request), ==, "New Request");
  g_assert_cmpuint (g_list_model_get_n_items (signet_request_get_params (request)), ==, 0);
  g_assert_true (g_list_model_get_item_type (signet_request_get_headers (request)) ==
                 SIGNET_TYPE_REQUEST_ROW);
  g_assert_true (G_IS_LIST_STORE (signet_request_get_form_fields (request)));
}

static void
test_url_to_params (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *params = signet_request_get_params (request);

  signet_request_set_url (request,
                          "https://example.com/p?q=hello%20world&name=Zo%C3%AB&flag&empty="
                          "&tag=a&tag=b&plus=a+b&bad=%zz%4&bin=%FF#frag");
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 9);
  assert_row (params, 0, "q", "hello world");
  assert_row (params, 1, "name", "Zoë");
  assert_row (params, 2, "flag", NULL);
  assert_row (params, 3, "empty", "");
  assert_row (params, 4, "tag", "a");
  assert_row (params, 5, "tag", "b");
  /* '+' is a plus, as AWS signs it; invalid escapes and bytes that are
   * not text stay as typed. */
  assert_row (params, 6, "plus", "a+b");
  assert_row (params, 7, "bad", "%zz%4");
  assert_row (params, 8, "bin", "%FF");
  g_assert_cmpstr (signet_request_row_get_raw (get_row (params, 0)), ==, "q=hello%20world");

  /* Empty pieces are no params; the fragment is not the query. */
  signet_request_set_url (request, "https://example.com/?a=1&&=&b=%3D#c=3");
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 2);
  assert_row (params, 0, "a", "1");
  assert_row (params, 1, "b", "=");

  signet_request_set_url (request, "https://example.com/#x?y=1");
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 0);
}

static void
test_url_edits_keep_rows (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *params = signet_request_get_params (request);
  SignetRequestRow *first;

  signet_request_set_url (request, "https://example.com/?a=1&b=2");
  first = get_row (params, 0);
  append_row (params, "off", "x");
  signet_request_row_set_enabled (get_row (params, 2), FALSE);

  /* Typing changes rows in place; switched-off rows stay put. */
  signet_request_set_url (request, "https://example.com/?a=10&b=2&c=3");
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 4);
  g_assert_true (get_row (params, 0) == first);
  assert_row (params, 0, "a", "10");
  assert_row (params, 2, "off", "x");
  g_assert_false (signet_request_row_get_enabled (get_row (params, 2)));
  assert_row (params, 3, "c", "3");

  signet_request_set_url (request, "https://example.com/");
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 1);
  assert_row (params, 0, "off", "x");
}

static void
test_params_to_url (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *params = signet_request_get_params (request);

  signet_request_set_url (request, "https://example.com/items#top");
  append_row (params, "q", "hello world");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?q=hello%20world#top");
  append_row (params, "name", "Zoë");
  append_row (params, "sum", "a+b&c=d");
  append_row (params, "flag", NULL);
  append_row (params, "empty", "");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?q=hello%20world&name=Zo%C3%AB"
                   "&sum=a%2Bb%26c%3Dd&flag&empty=#top");

  /* Switched off: still a row, no longer in the URL. */
  signet_request_row_set_enabled (get_row (params, 1), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 5);
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?q=hello%20world&sum=a%2Bb%26c%3Dd&flag&empty=#top");
  signet_request_row_set_enabled (get_row (params, 1), TRUE);

  /* Typing a value after a bare flag makes it flag=value. */
  signet_request_row_set_value (get_row (params, 3), "on");
  g_list_store_remove (G_LIST_STORE (params), 4);
  g_list_store_remove (G_LIST_STORE (params), 2);
  g_list_store_remove (G_LIST_STORE (params), 0);
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?name=Zo%C3%AB&flag=on#top");

  /* Reorder */
  {
    g_autoptr(SignetRequestRow) row = g_object_ref (get_row (params, 1));

    g_list_store_remove (G_LIST_STORE (params), 1);
    g_list_store_insert (G_LIST_STORE (params), 0, row);
  }
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?flag=on&name=Zo%C3%AB#top");

  /* A blank row being typed into changes nothing yet. */
  g_list_store_append (G_LIST_STORE (params), g_object_new (SIGNET_TYPE_REQUEST_ROW, NULL));
  g_object_unref (get_row (params, 2));
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?flag=on&name=Zo%C3%AB#top");
  signet_request_row_set_name (get_row (params, 2), "new");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/items?flag=on&name=Zo%C3%AB&new#top");

  g_list_store_remove_all (G_LIST_STORE (params));
  g_assert_cmpstr (signet_request_get_url (request), ==, "https://example.com/items#top");
}

static void
test_round_trip (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *params = signet_request_get_params (request);

  /* Spelled every which way: lowercase hex, needless escapes, '+',
   * raw spaces and sub-delimiters the encoder would escape. */
  signet_request_set_url (request,
                          "https://example.com/?a=%7e%41&b=x+y&c=q w&d=(1,2)*!&e=%zz&f");
  signet_request_row_set_value (get_row (params, 5), "1");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/?a=%7e%41&b=x+y&c=q w&d=(1,2)*!&e=%zz&f=1");

  /* The edited one is encoded; the others stay as typed. */
  signet_request_row_set_value (get_row (params, 1), "x y");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/?a=%7e%41&b=x%20y&c=q w&d=(1,2)*!&e=%zz&f=1");

  /* Edited back to what it read: its own spelling again. */
  signet_request_row_set_value (get_row (params, 1), "x+y");
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/?a=%7e%41&b=x+y&c=q w&d=(1,2)*!&e=%zz&f=1");

  /* Off and on again keeps the spelling too. */
  signet_request_row_set_enabled (get_row (params, 0), FALSE);
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/?b=x+y&c=q w&d=(1,2)*!&e=%zz&f=1");
  signet_request_row_set_enabled (get_row (params, 0), TRUE);
  g_assert_cmpstr (signet_request_get_url (request), ==,
                   "https://example.com/?a=%7e%41&b=x+y&c=q w&d=(1,2)*!&e=%zz&f=1");
}

static void
test_no_feedback_loop (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *params = signet_request_get_params (request);
  guint url_notifies = 0;
  guint items_changed = 0;

  g_signal_connect (request, "notify::url", G_CALLBACK (count_cb), &url_notifies);
  g_signal_connect (params, "items-changed", G_CALLBACK (count_items_changed_cb), &items_changed);

  signet_request_set_url (request, "https://example.com/?a=1&b=2");
  g_assert_cmpuint (url_notifies, ==, 1);
  g_assert_cmpstr (signet_request_get_url (request), ==, "https://example.com/?a=1&b=2");

  /* The same URL again is no change. */
  signet_request_set_url (request, "https://example.com/?a=1&b=2");
  g_assert_cmpuint (url_notifies, ==, 1);

  /* A URL edit that leaves the params as they were touches no row. */
  items_changed = 0;
  signet_request_set_url (request, "https://example.com/other?a=1&b=2");
  g_assert_cmpuint (url_notifies, ==, 2);
  g_assert_cmpuint (items_changed, ==, 0);

  /* One row edit, one URL change. */
  signet_request_row_set_value (get_row (params, 0), "one");
  g_assert_cmpuint (url_notifies, ==, 3);
  g_assert_cmpstr (signet_request_get_url (request), ==, "https://example.com/other?a=one&b=2");
  assert_row (params, 0, "a", "one");
  g_assert_cmpuint (g_list_model_get_n_items (params), ==, 2);

  /* A change that leaves the query as it was does not touch the URL. */
  append_row (params, "off", "x");
  g_assert_cmpuint (url_notifies, ==, 4);
  signet_request_row_set_enabled (get_row (params, 2), FALSE);
  g_assert_cmpuint (url_notifies, ==, 5);
  signet_request_row_set_value (get_row (params, 2), "y");
  g_assert_cmpuint (url_notifies, ==, 5);
}

static void
test_notify_and_modified (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  guint notifies = 0;
  guint region_notifies = 0;
  guint title_notifies = 0;
  const struct { const char *property; const char *value; } strings[] = {
    { "method", "POST" },
    { "url", "https://example.com/a" },
    { "body-text", "{}" },
    { "access-key-id", "AKIDEXAMPLE" },
    { "region", "eu-west-1" },
    { "service", "lambda" },
    { "credential-name", "tester" },
  };

  g_signal_connect (request, "notify::detected-region", G_CALLBACK (count_cb), &region_notifies);
  g_signal_connect (request, "notify::title", G_CALLBACK (count_cb), &title_notifies);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", strings[i].property, NULL);
      g_autofree char *read_back = NULL;
      gulong id;

      notifies = 0;
      signet_request_set_modified (request, FALSE);
      id = g_signal_connect (request, signal, G_CALLBACK (count_cb), &notifies);
      g_object_set (request, strings[i].property, strings[i].value, NULL);
      g_object_set (request, strings[i].property, strings[i].value, NULL);
      g_object_get (request, strings[i].property, &read_back, NULL);
      g_assert_cmpstr (read_back, ==, strings[i].value);
      g_assert_cmpuint (notifies, ==, 1);
      g_assert_true (signet_request_get_modified (request));
      g_signal_handler_disconnect (request, id);
    }

  notifies = 0;
  signet_request_set_modified (request, FALSE);
  g_signal_connect (request, "notify::body-kind", G_CALLBACK (count_cb), &notifies);
  g_signal_connect (request, "notify::auth-kind", G_CALLBACK (count_cb), &notifies);
  g_signal_connect (request, "notify::sign-in-query", G_CALLBACK (count_cb), &notifies);
  g_object_set (request, "body-kind", SIGNET_BODY_KIND_JSON, "auth-kind",
                SIGNET_AUTH_KIND_AWS_SIGV4, "sign-in-query", TRUE, NULL);
  g_object_set (request, "body-kind", SIGNET_BODY_KIND_JSON, NULL);
  g_assert_cmpuint (notifies, ==, 3);
  g_assert_true (signet_request_get_modified (request));

  /* The method alone leaves "New Request" as it is. */
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpstr (signet_request_get_title (request), ==, "POST /a");
  g_assert_cmpuint (region_notifies, ==, 0);
  signet_request_set_url (request, APIGW_URL);
  g_assert_cmpuint (region_notifies, ==, 1);
  g_assert_cmpstr (signet_request_get_detected_region (request), ==, "us-west-2");
  g_assert_cmpstr (signet_request_get_detected_service (request), ==, "execute-api");
  g_assert_cmpstr (signet_request_get_title (request), ==, "POST /test/pets");
  signet_request_set_url (request, APIGW_URL "?limit=10");
  g_assert_cmpuint (region_notifies, ==, 1);
  g_assert_cmpuint (title_notifies, ==, 2);
  signet_request_set_url (request, "https://api.example.com:8443");
  g_assert_cmpuint (region_notifies, ==, 2);
  g_assert_null (signet_request_get_detected_region (request));
  g_assert_cmpstr (signet_request_get_title (request), ==, "POST /");
  signet_request_set_url (request, "  ");
  g_assert_cmpstr (signet_request_get_title (request), ==, "New Request");

  /* Row edits in every list count as edits. */
  {
    GListModel *lists[] = {
      signet_request_get_params (request),
      signet_request_get_headers (request),
      signet_request_get_form_fields (request),
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        signet_request_set_modified (request, FALSE);
        append_row (lists[i], "a", "1");
        g_assert_true (signet_request_get_modified (request));
        signet_request_set_modified (request, FALSE);
        signet_request_row_set_name (get_row (lists[i], 0), "b");
        g_assert_true (signet_request_get_modified (request));
        signet_request_set_modified (request, FALSE);
        g_list_store_remove (G_LIST_STORE (lists[i]), 0);
        g_assert_true (signet_request_get_modified (request));
      }
  }
}

static void
test_removed_rows_let_go (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *params = signet_request_get_params (request);
  g_autoptr(SignetRequestRow) row = signet_request_row_new ("a", "1");
  g_autoptr(GListModel) kept = g_object_ref (params);

  g_list_store_append (G_LIST_STORE (params), row);
  g_list_store_remove (G_LIST_STORE (params), 0);
  signet_request_set_modified (request, FALSE);
  signet_request_row_set_value (row, "2");
  g_assert_false (signet_request_get_modified (request));
  g_assert_cmpstr (signet_request_get_url (request), ==, "");

  /* The UI may hold the lists longer than the request. */
  g_list_store_append (G_LIST_STORE (params), row);
  g_clear_object (&request);
  signet_request_row_set_value (row, "3");
  g_list_store_remove_all (G_LIST_STORE (kept));
}

static SignetRequest *
new_post (SignetBodyKind body_kind)
{
  SignetRequest *request = signet_request_new ();

  signet_request_set_method (request, "POST");
  signet_request_set_url (request, "https://example.com/test/pets?x=1");
  signet_request_set_body_kind (request, body_kind);
  signet_request_set_body_text (request, "{\"name\": \"Zoë\"}");
  return request;
}

static void
assert_body (SignetWireRequest *wire,
             const char        *expected)
{
  gsize length;
  const char *data = g_bytes_get_data (wire->body, &length);

  g_assert_cmpmem (data, length, expected, strlen (expected));
}

static void
test_build_wire_bodies (void)
{
  const struct { SignetBodyKind kind; const char *content_type; const char *body; } cases[] = {
    { SIGNET_BODY_KIND_NONE, NULL, "" },
    { SIGNET_BODY_KIND_RAW, "text/plain", "{\"name\": \"Zoë\"}" },
    { SIGNET_BODY_KIND_JSON, "application/json", "{\"name\": \"Zoë\"}" },
    { SIGNET_BODY_KIND_FORM, "application/x-www-form-urlencoded",
      "name=Zo%C3%AB&note=a+b%2Bc%26d%3De&empty=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SignetRequest) request = new_post (cases[i].kind);
      GListModel *form = signet_request_get_form_fields (request);
      g_autoptr(SignetWireRequest) wire = NULL;
      g_autoptr(GError) error = NULL;

      append_row (form, "name", "Zoë");
      append_row (form, "off", "x");
      signet_request_row_set_enabled (get_row (form, 1), FALSE);
      append_row (form, "note", "a b+c&d=e");
      append_row (form, "empty", NULL);
      append_row (form, "", "");

      wire = signet_request_build_wire (request, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (wire->method, ==, "POST");
      g_assert_cmpstr (wire->authority, ==, "example.com");
      g_assert_cmpstr (wire->path, ==, "/test/pets");
      g_assert_cmpstr (wire->query, ==, "x=1");
      g_assert_cmpstr (signet_wire_request_get_header (wire, "Content-Type"), ==,
                       cases[i].content_type);
      assert_body (wire, cases[i].body);
    }
}

static void
test_build_wire_content_type (void)
{
  g_autoptr(SignetRequest) request = new_post (SIGNET_BODY_KIND_JSON);
  GListModel *headers = signet_request_get_headers (request);
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(SignetWireRequest) disabled_wire = NULL;
  g_autoptr(GError) error = NULL;

  append_row (headers, "content-type", "application/vnd.api+json");
  wire = signet_request_build_wire (request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wire->headers->len, ==, 1);
  g_assert_cmpstr (signet_wire_request_get_header (wire, "Content-Type"), ==,
                   "application/vnd.api+json");

  /* A switched-off Content-Type is no Content-Type. */
  signet_request_row_set_enabled (get_row (headers, 0), FALSE);
  disabled_wire = signet_request_build_wire (request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disabled_wire->headers->len, ==, 1);
  g_assert_cmpstr (signet_wire_request_get_header (disabled_wire, "Content-Type"), ==,
                   "application/json");
}

static void
test_build_wire_headers (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *headers = signet_request_get_headers (request);
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(GError) error = NULL;
  const SignetHeader *header;

  signet_request_set_url (request, APIGW_URL);
  append_row (headers, "Accept", "application/json");
  append_row (headers, "X-Off", "1");
  signet_request_row_set_enabled (get_row (headers, 1), FALSE);
  append_row (headers, " X-Trace ", "  abc  ");
  append_row (headers, "", "");
  append_row (headers, "x-empty", "");

  wire = signet_request_build_wire (request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wire->headers->len, ==, 3);
  header = &g_array_index (wire->headers, SignetHeader, 0);
  g_assert_cmpstr (header->name, ==, "Accept");
  g_assert_cmpstr (header->value, ==, "application/json");
  header = &g_array_index (wire->headers, SignetHeader, 1);
  g_assert_cmpstr (header->name, ==, "X-Trace");
  g_assert_cmpstr (header->value, ==, "abc");
  header = &g_array_index (wire->headers, SignetHeader, 2);
  g_assert_cmpstr (header->name, ==, "x-empty");
  g_assert_cmpstr (header->value, ==, "");
  g_assert_null (signet_wire_request_get_header (wire, "Content-Type"));
  g_assert_cmpuint (g_bytes_get_size (wire->body), ==, 0);
}

/* The first enabled header of a name, in any case; a disabled one is not there. */
static void
test_header_value (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  GListModel *headers = signet_request_get_headers (request);

  append_row (headers, "X-Off", "1");
  signet_request_row_set_enabled (get_row (headers, 0), FALSE);
  append_row (headers, "content-type", "text/plain");
  append_row (headers, "Content-Type", "application/json");
  append_row (headers, "x-empty", "");

  g_assert_cmpstr (signet_request_get_header_value (request, "Content-Type"), ==, "text/plain");
  g_assert_cmpstr (signet_request_get_header_value (request, "X-EMPTY"), ==, "");
  g_assert_null (signet_request_get_header_value (request, "X-Off"));
  g_assert_null (signet_request_get_header_value (request, "Accept"));
}

static void
test_build_wire_errors (void)
{
  const struct { const char *name; const char *value; const char *in_message; } bad_headers[] = {
    { "X Bad", "1", "“X Bad”" },
    { "X-Bad:", "1", "“X-Bad:”" },
    { "Zoë", "1", "“Zoë”" },
    { "", "orphan", "“orphan”" },
    { "X-Split", "a\r\nEvil: 1", "“X-Split”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_headers); i++)
    {
      g_autoptr(SignetRequest) request = signet_request_new ();
      g_autoptr(SignetWireRequest) wire = NULL;
      g_autoptr(GError) error = NULL;

      signet_request_set_url (request, "https://example.com/");
      append_row (signet_request_get_headers (request), bad_headers[i].name, bad_headers[i].value);
      wire = signet_request_build_wire (request, &error);
      g_assert_null (wire);
      g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER);
      g_assert_nonnull (strstr (error->message, bad_headers[i].in_message));

      /* Switched off, it goes nowhere and breaks nothing. */
      g_clear_error (&error);
      signet_request_row_set_enabled (get_row (signet_request_get_headers (request), 0), FALSE);
      g_clear_pointer (&wire, signet_wire_request_free);
      wire = signet_request_build_wire (request, &error);
      g_assert_no_error (error);
    }

  {
    const char *bad_urls[] = {
      "", "example.com/pets", "ftp://example.com/", "https://example.com/%zz",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
      {
        g_autoptr(SignetRequest) request = signet_request_new ();
        g_autoptr(SignetWireRequest) wire = NULL;
        g_autoptr(GError) error = NULL;

        signet_request_set_url (request, bad_urls[i]);
        wire = signet_request_build_wire (request, &error);
        g_assert_null (wire);
        g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL);
      }
  }

  {
    g_autoptr(SignetRequest) request = signet_request_new ();
    g_autoptr(SignetWireRequest) wire = NULL;
    g_autoptr(GError) error = NULL;

    signet_request_set_url (request, "https://example.com/");
    signet_request_set_method (request, "GET /x");
    wire = signet_request_build_wire (request, &error);
    g_assert_null (wire);
    g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST);
  }
}

static void
test_build_wire_url (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(GError) error = NULL;

  /* Typed params travel as the URL says: encoded by the model only where
   * the user edited them, and only the bytes that cannot travel besides. */
  signet_request_set_url (request, "  " APIGW_URL "?q=a b&r=%7e  ");
  append_row (signet_request_get_params (request), "s", "Zoë & co");
  wire = signet_request_build_wire (request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wire->path, ==, "/test/pets");
  g_assert_cmpstr (wire->query, ==, "q=a%20b&r=%7e&s=Zo%C3%AB%20%26%20co");
}

static void
test_build_auth (void)
{
  g_autoptr(SignetRequest) request = signet_request_new ();
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GError) error = NULL;

  /* No auth: NULL and no error. */
  auth = signet_request_build_auth (request, "secret", NULL, &error);
  g_assert_null (auth);
  g_assert_no_error (error);

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_url (request, APIGW_URL);

  auth = signet_request_build_auth (request, "secret", NULL, &error);
  g_assert_null (auth);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "access key ID"));
  g_clear_error (&error);

  signet_request_set_access_key_id (request, " AKIDEXAMPLE ");
  auth = signet_request_build_auth (request, "", NULL, &error);
  g_assert_null (auth);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "secret access key"));
  g_clear_error (&error);
  auth = signet_request_build_auth (request, NULL, NULL, &error);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  /* Detected from an execute-api host */
  auth = signet_request_build_auth (request, "wJalrXUtnFEMI", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (auth->access_key_id, ==, "AKIDEXAMPLE");
  g_assert_cmpstr (auth->secret_access_key, ==, "wJalrXUtnFEMI");
  g_assert_null (auth->session_token);
  g_assert_cmpstr (auth->region, ==, "us-west-2");
  g_assert_cmpstr (auth->service, ==, "execute-api");
  g_assert_cmpint (auth->location, ==, SIGNET_SIGV4_LOCATION_HEADERS);
  g_clear_pointer (&auth, signet_aws_auth_free);

  /* Typed in wins, and the query form */
  signet_request_set_region (request, "eu-central-1");
  signet_request_set_sign_in_query (request, TRUE);
  auth = signet_request_build_auth (request, "wJalrXUtnFEMI", "token", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (auth->region, ==, "eu-central-1");
  g_assert_cmpstr (auth->session_token, ==, "token");
  g_assert_cmpint (auth->location, ==, SIGNET_SIGV4_LOCATION_QUERY);
  g_clear_pointer (&auth, signet_aws_auth_free);

  /* A custom domain names neither */
  signet_request_set_region (request, "");
  signet_request_set_url (request, "https://api.example.com/pets");
  auth = signet_request_build_auth (request, "wJalrXUtnFEMI", NULL, &error);
  g_assert_null (auth);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE);
  g_assert_nonnull (strstr (error->message, "region"));
  g_assert_nonnull (strstr (error->message, "api.example.com"));
  g_clear_error (&error);

  signet_request_set_region (request, "us-east-1");
  signet_request_set_service (request, "");
  auth = signet_request_build_auth (request, "wJalrXUtnFEMI", NULL, &error);
  g_assert_null (auth);
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE);
  g_assert_nonnull (strstr (error->message, "service"));
  g_clear_error (&error);

  signet_request_set_service (request, "execute-api");
  auth = signet_request_build_auth (request, "wJalrXUtnFEMI", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (auth->region, ==, "us-east-1");
  g_assert_cmpstr (auth->service, ==, "execute-api");
}

static void
test_secret_never_a_property (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (SIGNET_TYPE_REQUEST);
  guint n_properties;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass),
                                                                   &n_properties);

  for (guint i = 0; i < n_properties; i++)
    {
      g_assert_null (strstr (pspecs[i]->name, "secret"));
      g_assert_null (strstr (pspecs[i]->name, "token"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/request/defaults", test_defaults);
  g_test_add_func ("/signet/request/url-to-params", test_url_to_params);
  g_test_add_func ("/signet/request/url-edits-keep-rows", test_url_edits_keep_rows);
  g_test_add_func ("/signet/request/params-to-url", test_params_to_url);
  g_test_add_func ("/signet/request/round-trip", test_round_trip);
  g_test_add_func ("/signet/request/no-feedback-loop", test_no_feedback_loop);
  g_test_add_func ("/signet/request/notify-and-modified", test_notify_and_modified);
  g_test_add_func ("/signet/request/removed-rows-let-go", test_removed_rows_let_go);
  g_test_add_func ("/signet/request/build-wire/bodies", test_build_wire_bodies);
  g_test_add_func ("/signet/request/build-wire/content-type", test_build_wire_content_type);
  g_test_add_func ("/signet/request/build-wire/headers", test_build_wire_headers);
  g_test_add_func ("/signet/request/header-value", test_header_value);
  g_test_add_func ("/signet/request/build-wire/errors", test_build_wire_errors);
  g_test_add_func ("/signet/request/build-wire/url", test_build_wire_url);
  g_test_add_func ("/signet/request/build-auth", test_build_auth);
  g_test_add_func ("/signet/request/secret-never-a-property", test_secret_never_a_property);

  return g_test_run ();
}
