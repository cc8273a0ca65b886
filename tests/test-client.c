/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "signet-client.h"
#include "signet-error.h"
#include "signet-test-async.h"

/* SignetClient against real HTTP servers in this process (SoupServer with
 * raw-paths, so the path is seen exactly as it arrived). */

typedef struct
{
  char   *path;
  char   *query;
  GArray *headers;
} Received;

typedef struct
{
  SoupServer   *server;
  SoupServer   *other_server;
  char         *base_url;
  char         *other_base_url;
  GPtrArray    *received;
  GPtrArray    *other_received;
  SignetClient *client;
  SignetExchange *exchange;
  GError       *error;
} Fixture;

static void
received_free (gpointer data)
{
  Received *received = data;

  g_free (received->path);
  g_free (received->query);
  g_array_unref (received->headers);
  g_free (received);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  GPtrArray *log = user_data;
  GUri *uri = soup_server_message_get_uri (message);
  Received *received = g_new0 (Received, 1);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  const char *other = g_object_get_data (G_OBJECT (server), "other-base-url");

  received->path = g_strdup (g_uri_get_path (uri));
  received->query = g_strdup (g_uri_get_query (uri));
  received->headers = signet_header_array_new ();
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    signet_header_array_add (received->headers, name, value);
  g_ptr_array_add (log, received);

  if (g_str_equal (received->path, "/redirect-same"))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/target");
      return;
    }
  if (g_str_equal (received->path, "/redirect-other") && other != NULL)
    {
      g_autofree char *location = g_strconcat (other, "target", NULL);

      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, location);
      return;
    }
  if (g_str_equal (received->path, "/slow"))
    {
      soup_server_message_pause (message);  /* never answers */
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    "[{\"id\":1}]", 10);
}

static SoupServer *
start_server (GPtrArray  *log,
              char      **base_url)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = g_object_new (SOUP_TYPE_SERVER, "raw-paths", TRUE, NULL);
  GSList *uris;

  soup_server_add_handler (server, NULL, handle, log, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 1, NULL);

  fixture->received = g_ptr_array_new_with_free_func (received_free);
  fixture->other_received = g_ptr_array_new_with_free_func (received_free);
  fixture->server = start_server (fixture->received, &fixture->base_url);
  fixture->other_server = start_server (fixture->other_received, &fixture->other_base_url);
  g_object_set_data_full (G_OBJECT (fixture->server), "other-base-url",
                          g_strdup (fixture->other_base_url), g_free);
  fixture->client = signet_client_new (session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  soup_server_disconnect (fixture->server);
  soup_server_disconnect (fixture->other_server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->other_server);
  g_free (fixture->base_url);
  g_free (fixture->other_base_url);
  g_ptr_array_unref (fixture->received);
  g_ptr_array_unref (fixture->other_received);
  g_clear_pointer (&fixture->exchange, signet_exchange_free);
  g_clear_error (&fixture->error);
}

static SignetAwsAuth *
test_auth (void)
{
  SignetAwsAuth *auth = signet_aws_auth_new ("AKIDSIGNETTEST", "test-secret", "test-token");

  auth->region = g_strdup ("us-west-2");
  auth->service = g_strdup ("execute-api");
  return auth;
}

static void
send_and_wait (Fixture             *fixture,
               const char          *method,
               const char          *url,
               const SignetAwsAuth *auth,
               GCancellable        *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request = signet_wire_request_new_for_url (method, url, &error);
  g_autoptr(GAsyncResult) sent = NULL;

  g_assert_no_error (error);
  signet_client_send_async (fixture->client, request, auth, cancellable, signet_test_store_result_cb, &sent);
  fixture->exchange = signet_client_send_finish (fixture->client, signet_test_wait_for_result (&sent),
                                                 &fixture->error);
}

static char *
url_for (const char *base_url,
         const char *path_and_query)
{
  /* base URLs end with '/' */
  return g_strconcat (base_url, path_and_query + 1, NULL);
}

/* A one-shot HTTP server on a thread that keeps the request head exactly as
 * it came off the socket: SoupServer would normalize the path. */
typedef struct
{
  GSocket *socket;
  char    *head;
} RawServer;

static gpointer
raw_server_run (gpointer data)
{
  RawServer *raw = data;
  g_autoptr(GSocket) connection = g_socket_accept (raw->socket, NULL, NULL);
  GString *head = g_string_new (NULL);
  const char reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]";
  char buffer[4096];
  gssize n;

  g_assert_nonnull (connection);
  while (strstr (head->str, "\r\n\r\n") == NULL &&
         (n = g_socket_receive (connection, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (head, buffer, n);
  g_socket_send (connection, reply, sizeof reply - 1, NULL, NULL);
  g_socket_close (connection, NULL);
  raw->head = g_string_free (head, FALSE);
  return NULL;
}

static char *
raw_server_start (RawServer *raw)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  raw->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (raw->socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (raw->socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (raw->socket, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("http://127.0.0.1:%u/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

static void
test_wire_bytes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = test_auth ();
  RawServer raw = { 0 };
  g_autofree char *base_url = raw_server_start (&raw);
  g_autofree char *url = url_for (base_url, "/test/a%2fb/./c%41?x=%7e&y=a+b&flag");
  GThread *thread = g_thread_new ("raw-server", raw_server_run, &raw);
  g_autofree char *request_line = NULL;
  const SignetWireRequest *sent;

  send_and_wait (fixture, "GET", url, auth, NULL);
  g_thread_join (thread);
  g_object_unref (raw.socket);
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (fixture->exchange->status, ==, 200);
  sent = fixture->exchange->sent;

  /* the exact bytes that were signed, not a normalized form of them */
  request_line = g_strdup_printf ("GET %s?%s HTTP/1.1\r\n", sent->path, sent->query);
  g_assert_cmpstr (sent->path, ==, "/test/a%2fb/./c%41");
  g_assert_cmpstr (sent->query, ==, "x=%7e&y=a+b&flag");
  g_assert_true (g_str_has_prefix (raw.head, request_line));

  /* every header that was signed arrived once, with the value that was signed */
  for (guint i = 0; i < sent->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (sent->headers, SignetHeader, i);
      g_autofree char *line = g_strdup_printf ("\r\n%s: %s\r\n", header->name, header->value);
      const char *found = strstr (raw.head, line);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, line));
    }
  g_assert_nonnull (strstr (raw.head, "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDSIGNETTEST/"));
  g_assert_nonnull (strstr (raw.head, "\r\nX-Amz-Security-Token: test-token\r\n"));
  g_assert_cmpstr (fixture->exchange->signing->signed_headers, ==, "host;x-amz-date;x-amz-security-token");
  g_assert_cmpmem (g_bytes_get_data (fixture->exchange->body, NULL),
                   g_bytes_get_size (fixture->exchange->body), "[]", 2);
  g_free (raw.head);
}

static void
test_unsigned (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *url = url_for (fixture->base_url, "/test/pets");
  const Received *received;

  send_and_wait (fixture, "GET", url, NULL, NULL);
  g_assert_no_error (fixture->error);
  received = fixture->received->pdata[0];
  g_assert_null (signet_header_array_find (received->headers, "Authorization"));
  g_assert_null (signet_header_array_find (received->headers, "X-Amz-Date"));
  g_assert_null (fixture->exchange->signing);
}

static void
test_same_origin_redirect (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = test_auth ();
  g_autofree char *url = url_for (fixture->base_url, "/redirect-same");
  const Received *second;

  send_and_wait (fixture, "GET", url, auth, NULL);
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (fixture->exchange->status, ==, 200);
  g_assert_cmpuint (fixture->exchange->n_redirects, ==, 1);
  g_assert_cmpuint (fixture->received->len, ==, 2);
  second = fixture->received->pdata[1];
  g_assert_cmpstr (second->path, ==, "/target");
  /* signed again, for the new path */
  g_assert_nonnull (signet_header_array_find (second->headers, "Authorization"));
  g_assert_cmpstr (fixture->exchange->sent->path, ==, "/target");
  g_assert_true (g_str_has_prefix (fixture->exchange->signing->canonical_request, "GET\n/target\n"));
}

static void
test_cross_origin_redirect (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = test_auth ();
  g_autofree char *url = url_for (fixture->base_url, "/redirect-other");
  g_autofree char *target = g_strconcat (fixture->other_base_url, "target", NULL);

  send_and_wait (fixture, "GET", url, auth, NULL);
  g_assert_no_error (fixture->error);
  /* the redirect comes back to the caller; the other host saw nothing */
  g_assert_cmpuint (fixture->exchange->status, ==, 302);
  g_assert_cmpstr (fixture->exchange->blocked_redirect, ==, target);
  g_assert_cmpuint (fixture->other_received->len, ==, 0);
}

static gboolean
cancel_when_received (gpointer user_data)
{
  Fixture *fixture = user_data;
  GCancellable *cancellable = g_object_get_data (G_OBJECT (fixture->client), "cancellable");

  if (fixture->received->len == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = url_for (fixture->base_url, "/slow");

  g_object_set_data (G_OBJECT (fixture->client), "cancellable", cancellable);
  g_idle_add (cancel_when_received, fixture);
  send_and_wait (fixture, "GET", url, NULL, cancellable);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->exchange);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = url_for (fixture->base_url, "/slow");

  send_and_wait (fixture, "GET", url, NULL, NULL);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_true (g_str_has_prefix (fixture->error->message, "No answer from"));
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *url = url_for (fixture->other_base_url, "/pets");

  /* a server that was there a moment ago */
  soup_server_disconnect (fixture->other_server);
  send_and_wait (fixture, "GET", url, NULL, NULL);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_nonnull (strstr (fixture->error->message, "refused the connection"));
}

static void
test_bad_auth (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SignetAwsAuth) auth = test_auth ();
  g_autofree char *url = url_for (fixture->base_url, "/pets");

  g_clear_pointer (&auth->region, g_free);  /* 127.0.0.1 names no region */
  send_and_wait (fixture, "GET", url, auth, NULL);
  g_assert_error (fixture->error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE);
  g_assert_cmpuint (fixture->received->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/signet/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("wire-bytes", test_wire_bytes);
  ADD ("unsigned", test_unsigned);
  ADD ("redirect/same-origin", test_same_origin_redirect);
  ADD ("redirect/cross-origin", test_cross_origin_redirect);
  ADD ("cancel", test_cancel);
  ADD ("timeout", test_timeout);
  ADD ("connection-refused", test_connection_refused);
  ADD ("bad-auth", test_bad_auth);

#undef ADD

  return g_test_run ();
}
