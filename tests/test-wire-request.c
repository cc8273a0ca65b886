/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-error.h"
#include "signet-wire-request.h"

/* A URL is taken as it travels on the wire: nothing legal is decoded or
 * re-encoded; only bytes that cannot travel are percent-encoded. */

static void
test_url_kept_as_typed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request =
    signet_wire_request_new_for_url ("GET", "HTTPS://API.Example.com/test/a%2fb/%7Euser/$x;y?b=%41&a=1+2#frag", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (request->scheme, ==, "https");
  g_assert_cmpstr (request->authority, ==, "api.example.com");
  g_assert_cmpstr (request->path, ==, "/test/a%2fb/%7Euser/$x;y");
  g_assert_cmpstr (request->query, ==, "b=%41&a=1+2");
}

static void
test_url_ports (void)
{
  const struct { const char *url; const char *authority; } cases[] = {
    { "https://h.example:443/", "h.example" },
    { "http://h.example:80", "h.example" },
    { "https://h.example:8443/x", "h.example:8443" },
    { "http://127.0.0.1:8080/x", "127.0.0.1:8080" },
    { "http://[::1]:8080/x", "[::1]:8080" },
    { "https://[::1]/x", "[::1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetWireRequest) request = signet_wire_request_new_for_url ("GET", cases[i].url, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (request->authority, ==, cases[i].authority);
    }
}

static void
test_url_empty_path_and_query (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) bare = signet_wire_request_new_for_url ("GET", "https://h.example", &error);
  g_autoptr(SignetWireRequest) empty_query = signet_wire_request_new_for_url ("GET", "https://h.example/?", &error);
  g_autofree char *url = signet_wire_request_to_url (bare);

  g_assert_no_error (error);
  g_assert_cmpstr (bare->path, ==, "/");
  g_assert_null (bare->query);
  g_assert_cmpstr (url, ==, "https://h.example/");
  g_assert_cmpstr (empty_query->query, ==, "");
}

static void
test_url_illegal_bytes_encoded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request =
    signet_wire_request_new_for_url ("GET", "https://h.example/my pets/ሴ?q=a b|c", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (request->path, ==, "/my%20pets/%E1%88%B4");
  g_assert_cmpstr (request->query, ==, "q=a%20b%7Cc");
}

static void
test_url_errors (void)
{
  const char *bad[] = {
    "h.example/pets",
    "ftp://h.example/",
    "https:///pets",
    "https://user:pass@h.example/",
    "https://h.example:99999/",
    "https://h.example:12ab/",
    "https://h.example/100%/",
    "https://h.example/?q=%zz",
    "https://[::1/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetWireRequest) request = signet_wire_request_new_for_url ("GET", bad[i], &error);

      g_assert_null (request);
      g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_URL);
    }
}

static SignetWireRequest *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(GBytes) raw = g_bytes_new (text, strlen (text));

  return signet_wire_request_parse_raw (raw, "https", error);
}

static void
test_raw_request (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request =
    parse ("POST /example space/ሴ?a=b c HTTP/1.1\r\n"
           "Host:example.amazonaws.com:8443\r\n"
           "My-Header1:value1\r\n"
           "  value2\r\n"
           "\tvalue3\r\n"
           "Content-Type: text/plain\r\n"
           "\r\n"
           "line one\r\nline two", &error);
  gsize size = 0;
  const char *body;

  g_assert_no_error (error);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/example space/ሴ");
  g_assert_cmpstr (request->query, ==, "a=b c");
  g_assert_cmpstr (request->authority, ==, "example.amazonaws.com:8443");
  g_assert_cmpuint (request->headers->len, ==, 3);
  g_assert_cmpstr (signet_wire_request_get_header (request, "my-header1"), ==, "value1 value2 value3");
  g_assert_cmpstr (signet_wire_request_get_header (request, "CONTENT-TYPE"), ==, "text/plain");
  body = g_bytes_get_data (request->body, &size);
  g_assert_cmpmem (body, size, "line one\r\nline two", 18);
}

static void
test_raw_errors (void)
{
  const char *bad[] = {
    "",
    "GET\n",
    "GET / HTTP/1.1\n",                             /* no Host */
    "GET pets HTTP/1.1\nHost: h\n",                 /* not origin-form */
    "GET / HTTP/1.1\n  folded\nHost: h\n",          /* continuation of nothing */
    "GET / HTTP/1.1\nHost h\n",                     /* no colon */
    "GET / HTTP/1.1\nBad Name: x\nHost: h\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetWireRequest) request = parse (bad[i], &error);

      g_assert_null (request);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SIGNET_ERROR);
    }
}

static void
test_header_lines (void)
{
  g_autoptr(SignetWireRequest) request = signet_wire_request_new ("GET");
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_wire_request_add_header_line (request, "X-Api-Key:   abc  ", &error));
  g_assert_true (signet_wire_request_add_header_line (request, "X-Empty:", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (signet_wire_request_get_header (request, "x-api-key"), ==, "abc");
  g_assert_cmpstr (signet_wire_request_get_header (request, "x-empty"), ==, "");
  g_assert_false (signet_wire_request_add_header_line (request, "no colon", &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER);
  g_clear_error (&error);
  g_assert_false (signet_wire_request_add_header_line (request, ": no name", &error));
  g_assert_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER);
}

static void
test_http1_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request =
    signet_wire_request_new_for_url ("PUT", "https://h.example:8443/pets/1?x=1", &error);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  signet_wire_request_add_header (request, "Content-Type", "application/json");
  signet_wire_request_set_body (request, body);
  text = signet_wire_request_to_http1 (request);
  g_assert_cmpstr (text, ==,
                   "PUT /pets/1?x=1 HTTP/1.1\nHost: h.example:8443\nContent-Type: application/json\n\n{}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/wire-request/url/kept-as-typed", test_url_kept_as_typed);
  g_test_add_func ("/signet/wire-request/url/ports", test_url_ports);
  g_test_add_func ("/signet/wire-request/url/empty-path-and-query", test_url_empty_path_and_query);
  g_test_add_func ("/signet/wire-request/url/illegal-bytes-encoded", test_url_illegal_bytes_encoded);
  g_test_add_func ("/signet/wire-request/url/errors", test_url_errors);
  g_test_add_func ("/signet/wire-request/raw/parse", test_raw_request);
  g_test_add_func ("/signet/wire-request/raw/errors", test_raw_errors);
  g_test_add_func ("/signet/wire-request/header-lines", test_header_lines);
  g_test_add_func ("/signet/wire-request/http1-form", test_http1_form);

  return g_test_run ();
}
