/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-client.h"
#include "signet-soup-message.h"

/**
 * SignetClient:
 *
 * Sends requests with libsoup, signing each one (and each redirect hop)
 * with the time it leaves, so that what is signed is what is sent. One
 * client can carry many requests at once; none blocks another.
 */
struct _SignetClient
{
  GObject              parent_instance;

  SoupSession         *session;
  gboolean             follow_redirects;
  SignetSigv4KeyCache *key_cache;
};

G_DEFINE_FINAL_TYPE (SignetClient, signet_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FOLLOW_REDIRECTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SignetWireRequest *request;
  SignetAwsAuth     *auth;
  SignetExchange    *exchange;
  SoupMessage       *message;
  gint64             started;
} SendState;

static void
send_state_free (SendState *state)
{
  signet_wire_request_free (state->request);
  signet_aws_auth_free (state->auth);
  signet_exchange_free (state->exchange);
  g_clear_object (&state->message);
  g_free (state);
}

static void send_attempt (GTask *task);

/* Network errors keep their domain and code (callers map them to exit
 * codes) but say in words what failed, and where. */
static GError *
explain_error (const GError            *error,
               const SignetWireRequest *request,
               SoupSession             *session)
{
  g_autofree char *host = signet_wire_request_dup_host (request);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (error->domain, error->code,
                        _("Cannot find the host “%s”: check the URL and your network (%s)"),
                        host, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (error->domain, error->code,
                        _("“%s” refused the connection: is the server running?"), request->authority);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (error->domain, error->code,
                        _("No answer from “%s” within %u s"), request->authority,
                        soup_session_get_timeout (session));
  if (error->domain == G_TLS_ERROR)
    return g_error_new (error->domain, error->code,
                        _("The secure connection to “%s” failed: %s (the certificate is never skipped)"),
                        request->authority, error->message);
  if (error->domain == G_IO_ERROR && error->code != G_IO_ERROR_CANCELLED)
    return g_error_new (error->domain, error->code,
                        _("Cannot reach “%s”: %s"), request->authority, error->message);

  return g_error_copy (error);
}

/* Where a 3xx answer points, as a request to send next; NULL if it cannot
 * be followed. 303, and 301/302 after a POST, become a GET without body. */
static SignetWireRequest *
redirect_target (const SignetWireRequest *request,
                 SoupMessage             *message,
                 guint                    status,
                 char                   **location_out)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Location");
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) target = NULL;
  g_autofree char *target_url = NULL;
  gboolean becomes_get;
  SignetWireRequest *next;

  if (location == NULL)
    return NULL;
  base = signet_soup_uri_new (request);
  target = g_uri_parse_relative (base, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL)
    return NULL;

  target_url = g_uri_to_string (target);
  *location_out = g_strdup (target_url);
  becomes_get = status == SOUP_STATUS_SEE_OTHER ||
                ((status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND) &&
                 g_str_equal (request->method, "POST"));
  next = signet_wire_request_new_for_url (becomes_get ? "GET" : request->method, target_url, NULL);
  if (next == NULL)
    return NULL;

  for (guint i = 0; i < request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (request->headers, SignetHeader, i);

      if (becomes_get && g_ascii_strncasecmp (header->name, "Content-", 8) == 0)
        continue;
      if (g_ascii_strcasecmp (header->name, "Host") == 0)
        continue;
      signet_wire_request_add_header (next, header->name, header->value);
    }
  if (!becomes_get)
    signet_wire_request_set_body (next, request->body);

  return next;
}

static gboolean
same_origin (const SignetWireRequest *a,
             const SignetWireRequest *b)
{
  return g_ascii_strcasecmp (a->scheme, b->scheme) == 0 &&
         g_ascii_strcasecmp (a->authority, b->authority) == 0;
}

static gboolean
is_followed_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* Returns TRUE when a same-origin redirect was started. */
static gboolean
maybe_follow_redirect (GTask     *task,
                       SendState *state)
{
  SignetClient *self = g_task_get_source_object (task);
  g_autoptr(SignetWireRequest) next = NULL;
  g_autofree char *location = NULL;

  if (!self->follow_redirects || !is_followed_redirect (state->exchange->status))
    return FALSE;

  next = redirect_target (state->request, state->message, state->exchange->status, &location);
  if (next == NULL)
    return FALSE;
  if (!same_origin (next, state->request))
    {
      /* A signature (or a token) must never reach another host. */
      state->exchange->blocked_redirect = g_steal_pointer (&location);
      return FALSE;
    }
  if (state->exchange->n_redirects >= SIGNET_CLIENT_MAX_REDIRECTS)
    return FALSE;

  signet_wire_request_free (state->request);
  state->request = g_steal_pointer (&next);
  send_attempt (task);
  return TRUE;
}

static void
on_response_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignetClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, explain_error (error, state->exchange->sent, self->session));
      return;
    }

  signet_soup_message_read_response (state->message, body, state->exchange);
  state->exchange->elapsed_us = g_get_monotonic_time () - state->started;
  if (maybe_follow_redirect (task, state))
    return;

  g_task_return_pointer (task, g_steal_pointer (&state->exchange),
                         (GDestroyNotify) signet_exchange_free);
}

/* Signs (with the time of this attempt) and sends state->request. The
 * pending send holds its own reference on @task. */
static void
send_attempt (GTask *task)
{
  SignetClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  g_autoptr(SignetSigv4Result) signing = NULL;
  g_autoptr(GError) error = NULL;
  SignetExchange *previous = state->exchange;
  SignetExchange *exchange = g_new0 (SignetExchange, 1);

  exchange->n_redirects = previous ? previous->n_redirects + 1 : 0;
  signet_exchange_free (previous);
  state->exchange = exchange;

  if (state->auth != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      signing = signet_aws_auth_sign (state->auth, state->request, now, self->key_cache, &error);
      if (signing == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      exchange->sent = signet_sigv4_result_apply (signing, state->request);
      exchange->signing = g_steal_pointer (&signing);
    }
  else
    {
      exchange->sent = signet_wire_request_copy (state->request);
      if (signet_wire_request_get_header (exchange->sent, "Host") == NULL)
        signet_wire_request_add_header (exchange->sent, "Host", exchange->sent->authority);
    }

  g_clear_object (&state->message);
  state->message = signet_soup_message_new (exchange->sent);
  soup_session_send_and_read_async (self->session, state->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_response_read,
                                    g_object_ref (task));
}

/**
 * signet_client_send_async:
 * @self: a #SignetClient
 * @request: the request as it should travel
 * @auth: (nullable): how to sign it, or %NULL to send it unsigned
 * @cancellable: (nullable): cancels the exchange
 * @callback: called with the exchange
 * @user_data: data for @callback
 *
 * Sends @request and reads the whole response.
 */
void
signet_client_send_async (SignetClient            *self,
                          const SignetWireRequest *request,
                          const SignetAwsAuth     *auth,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  GTask *task;
  SendState *state;

  g_return_if_fail (SIGNET_IS_CLIENT (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_client_send_async);
  state = g_new0 (SendState, 1);
  state->request = signet_wire_request_copy (request);
  state->auth = auth ? signet_aws_auth_copy (auth) : NULL;
  state->started = g_get_monotonic_time ();
  g_task_set_task_data (task, state, (GDestroyNotify) send_state_free);

  send_attempt (task);
  g_object_unref (task);
}

SignetExchange *
signet_client_send_finish (SignetClient  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_client_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SignetClient *
signet_client_new (SoupSession *session)
{
  return g_object_new (SIGNET_TYPE_CLIENT, "session", session, NULL);
}

SoupSession *
signet_client_get_session (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->session;
}

static void
signet_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SignetClient *self = SIGNET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FOLLOW_REDIRECTS:
      g_value_set_boolean (value, self->follow_redirects);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SignetClient *self = SIGNET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_FOLLOW_REDIRECTS:
      self->follow_redirects = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_client_constructed (GObject *object)
{
  SignetClient *self = SIGNET_CLIENT (object);

  G_OBJECT_CLASS (signet_client_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = soup_session_new ();
}

static void
signet_client_finalize (GObject *object)
{
  SignetClient *self = SIGNET_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->key_cache, signet_sigv4_key_cache_free);

  G_OBJECT_CLASS (signet_client_parent_class)->finalize (object);
}

static void
signet_client_class_init (SignetClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = signet_client_constructed;
  object_class->finalize = signet_client_finalize;
  object_class->get_property = signet_client_get_property;
  object_class->set_property = signet_client_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW_REDIRECTS] =
    g_param_spec_boolean ("follow-redirects", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_client_init (SignetClient *self)
{
  self->key_cache = signet_sigv4_key_cache_new ();
}
