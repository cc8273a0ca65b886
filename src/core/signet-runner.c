/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-environment.h"
#include "signet-error.h"
#include "signet-redact.h"
#include "signet-runner.h"
#include "signet-secure-memory.h"

/**
 * SignetRunner:
 *
 * Runs saved requests in the order they were added, one at a time, over
 * one #SignetClient (so one #SoupSession reuses its connections), a given
 * number of times, and tells each result with #SignetRunner::result as it
 * comes. A request that fails (an unknown variable, no keys, a refused
 * connection) is a failed result; the run goes on with the next one.
 *
 * Each request is expanded with the run's variables first. An AWS
 * Signature request is signed with, the first that applies:
 *
 * 1. the keyring credential it names (#SignetRequest:credential-name);
 * 2. its access key ID with the secret access key (and session token) its
 *    #SignetRequest:key-ref (and :session-ref) names; an
 *    unknown session token variable means no session token;
 * 3. the default credential (signet-cli gives AWS_* from its environment),
 *    access key ID included, so that a key and a secret never mix.
 *
 * Keys live only for the run, wiped when it ends; a keyring credential is
 * looked up once per run, not once per request.
 */

typedef struct
{
  char          *folder;
  char          *name;
  SignetRequest *request;
} Item;

struct _SignetRunner
{
  GObject                parent_instance;

  SignetClient          *client;
  SignetCredentialStore *store;
  SignetCredential      *default_credential;
  GPtrArray             *items;
};

G_DEFINE_FINAL_TYPE (SignetRunner, signet_runner, G_TYPE_OBJECT)

enum {
  RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SignetVariableLookup  lookup;
  gpointer              lookup_data;
  guint                 iterations;
  guint                 iteration;    /* from 1 */
  guint                 index;        /* of the next item */
  GPtrArray            *results;
  GHashTable           *credentials;  /* name -> SignetCredential */

  /* The request in flight. */
  SignetRunResult      *current;
  SignetRequest        *resolved;
  SignetWireRequest    *wire;
  char                 *credential_name;
} RunState;

static void
item_free (Item *item)
{
  g_free (item->folder);
  g_free (item->name);
  g_object_unref (item->request);
  g_free (item);
}

static void
run_state_clear_current (RunState *state)
{
  g_clear_pointer (&state->current, signet_run_result_free);
  g_clear_object (&state->resolved);
  g_clear_pointer (&state->wire, signet_wire_request_free);
  g_clear_pointer (&state->credential_name, g_free);
}

static void
run_state_free (RunState *state)
{
  run_state_clear_current (state);
  g_ptr_array_unref (state->results);
  g_hash_table_unref (state->credentials);
  g_free (state);
}

/* A URL fit for a report: its query's signatures, credentials and
 * session tokens redacted. */
static char *
dup_report_url (const char *url)
{
  const char *question = strchr (url, '?');
  g_autofree char *query = NULL;

  if (question == NULL)
    return g_strdup (url);
  query = signet_redact_report_query (question + 1);
  return g_strdup_printf ("%.*s?%s", (int) (question - url), url, query);
}

static void run_next (GTask *task);

/* Records the current result, tells it, and goes on. */
static void
finish_item (GTask *task)
{
  SignetRunner *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);
  SignetRunResult *result = g_steal_pointer (&state->current);

  result->passed = result->error_message == NULL &&
                   signet_run_result_status_passes (result->status, result->expected_status);
  g_ptr_array_add (state->results, result);
  run_state_clear_current (state);
  g_signal_emit (self, signals[RESULT], 0, result);
}

static void
fail_item (GTask      *task,
           const char *message)
{
  RunState *state = g_task_get_task_data (task);

  state->current->error_message = g_strdup (message);
  finish_item (task);
}

static void
on_sent (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetExchange) exchange = NULL;

  exchange = signet_client_send_finish (SIGNET_CLIENT (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (exchange == NULL)
    fail_item (task, error->message);
  else
    {
      g_autofree char *url = signet_wire_request_to_url (exchange->sent);

      g_free (state->current->url);
      state->current->url = dup_report_url (url);
      state->current->status = exchange->status;
      state->current->elapsed_us = exchange->elapsed_us;
      finish_item (task);
    }
  run_next (task);
}

/* Returns TRUE when the request went out (the run goes on in on_sent). */
static gboolean
sign_and_send (GTask      *task,
               const char *access_key_id,
               const char *secret_access_key,
               const char *session_token)
{
  SignetRunner *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GError) error = NULL;

  if (signet_request_get_auth_kind (state->resolved) == SIGNET_AUTH_KIND_AWS_SIGV4)
    {
      if (access_key_id != NULL)
        signet_request_set_access_key_id (state->resolved, access_key_id);
      auth = signet_request_build_auth (state->resolved, secret_access_key, session_token, &error);
      if (auth == NULL)
        {
          fail_item (task, error->message);
          return FALSE;
        }
    }

  signet_client_send_async (self->client, state->wire, auth, g_task_get_cancellable (task),
                            on_sent, g_object_ref (task));
  return TRUE;
}

static gboolean
sign_with_credential (GTask                  *task,
                      const SignetCredential *credential)
{
  return sign_and_send (task, credential->access_key_id, credential->secret_access_key,
                        credential->session_token);
}

static void
on_credential_found (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SignetCredential *credential;

  credential = signet_credential_store_lookup_finish (SIGNET_CREDENTIAL_STORE (source_object),
                                                      result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (credential == NULL)
    fail_item (task, error->message);
  else
    {
      g_hash_table_insert (state->credentials, g_strdup (state->credential_name), credential);
      if (sign_with_credential (task, credential))
        return;
    }
  run_next (task);
}

static gboolean
sign_with_references (GTask         *task,
                      SignetRequest *request)
{
  RunState *state = g_task_get_task_data (task);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SignetSecretString) secret = NULL;
  g_autoptr(SignetSecretString) token = NULL;

  secret = signet_variables_expand_reference (signet_request_get_key_ref (request),
                                              state->lookup, state->lookup_data, unknown);
  /* Long-term keys have no session token: an unset {{AWS_SESSION_TOKEN}}
   * (what Postman exports carry) means none, not an error. */
  token = signet_variables_expand_reference (signet_request_get_session_ref (request),
                                             state->lookup, state->lookup_data, NULL);
  if (unknown->len > 0)
    {
      g_autofree char *message = signet_variables_join_unknown (unknown);

      fail_item (task, message);
      return FALSE;
    }

  return sign_and_send (task, NULL, secret, token);
}

/* Returns TRUE when something async started; otherwise the item's result
 * is already told. */
static gboolean
start_item (GTask *task,
            Item  *item)
{
  SignetRunner *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SignetRunResult *result = g_new0 (SignetRunResult, 1);
  SignetCredential *credential;
  const char *credential_name;

  result->iteration = state->iteration;
  result->folder = g_strdup (item->folder);
  result->name = g_strdup (item->name);
  result->method = g_strdup (signet_request_get_method (item->request));
  result->expected_status = signet_request_get_expected_status (item->request);
  state->current = result;

  state->resolved = signet_environment_resolve_request (item->request, state->lookup,
                                                        state->lookup_data,
                                                        SIGNET_RESOLVE_ALLOW_UNKNOWN, unknown,
                                                        NULL);
  result->url = dup_report_url (signet_request_get_url (state->resolved));
  if (unknown->len > 0)
    {
      g_autofree char *message = signet_variables_join_unknown (unknown);

      fail_item (task, message);
      return FALSE;
    }

  state->wire = signet_request_build_wire (state->resolved, &error);
  if (state->wire == NULL)
    {
      fail_item (task, error->message);
      return FALSE;
    }
  url = signet_wire_request_to_url (state->wire);
  g_free (result->url);
  result->url = dup_report_url (url);

  if (signet_request_get_auth_kind (state->resolved) != SIGNET_AUTH_KIND_AWS_SIGV4)
    return sign_and_send (task, NULL, NULL, NULL);

  credential_name = signet_request_get_credential_name (state->resolved);
  if (credential_name != NULL)
    {
      credential = g_hash_table_lookup (state->credentials, credential_name);
      if (credential != NULL)
        return sign_with_credential (task, credential);
      if (self->store == NULL)
        {
          fail_item (task, _("The request signs with a keyring credential, and there is no keyring"));
          return FALSE;
        }
      state->credential_name = g_strdup (credential_name);
      signet_credential_store_lookup_async (self->store, credential_name,
                                            g_task_get_cancellable (task),
                                            on_credential_found, g_object_ref (task));
      return TRUE;
    }

  if (signet_request_get_key_ref (item->request)[0] != '\0')
    return sign_with_references (task, item->request);
  if (self->default_credential != NULL)
    return sign_with_credential (task, self->default_credential);

  fail_item (task, _("No keys to sign with: the request names neither a keyring credential nor "
                     "a {{variable}} for its secret access key, and no default keys were given"));
  return FALSE;
}

/* Loops while results come at once, so that a long run of failures does
 * not grow the stack. */
static void
run_next (GTask *task)
{
  SignetRunner *self = g_task_get_source_object (task);
  RunState *state = g_task_get_task_data (task);

  while (TRUE)
    {
      Item *item;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (state->index == self->items->len)
        {
          state->index = 0;
          state->iteration++;
        }
      if (state->iteration > state->iterations || self->items->len == 0)
        {
          g_task_return_pointer (task, g_ptr_array_ref (state->results),
                                 (GDestroyNotify) g_ptr_array_unref);
          return;
        }

      item = g_ptr_array_index (self->items, state->index++);
      if (start_item (task, item))
        return;
    }
}

/**
 * signet_runner_new:
 * @client: the client that sends every request of a run
 * @store: (nullable): the keyring, for requests that name a credential
 *
 * Returns: (transfer full): a runner with no requests yet
 */
SignetRunner *
signet_runner_new (SignetClient          *client,
                   SignetCredentialStore *store)
{
  SignetRunner *self;

  g_return_val_if_fail (SIGNET_IS_CLIENT (client), NULL);
  g_return_val_if_fail (store == NULL || SIGNET_IS_CREDENTIAL_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_RUNNER, NULL);
  self->client = g_object_ref (client);
  self->store = store ? g_object_ref (store) : NULL;
  return self;
}

/**
 * signet_runner_add:
 * @self: a #SignetRunner
 * @folder: (nullable): the request's folder, for reports
 * @name: the request's name
 * @request: the request, with its `{{variables}}` as saved
 *
 * Adds a request after those already added.
 */
void
signet_runner_add (SignetRunner  *self,
                   const char    *folder,
                   const char    *name,
                   SignetRequest *request)
{
  Item *item;

  g_return_if_fail (SIGNET_IS_RUNNER (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (SIGNET_IS_REQUEST (request));

  item = g_new0 (Item, 1);
  item->folder = g_strdup (folder ? folder : "");
  item->name = g_strdup (name);
  item->request = g_object_ref (request);
  g_ptr_array_add (self->items, item);
}

guint
signet_runner_get_n_requests (SignetRunner *self)
{
  g_return_val_if_fail (SIGNET_IS_RUNNER (self), 0);

  return self->items->len;
}

/**
 * signet_runner_set_default_credential:
 * @self: a #SignetRunner
 * @credential: (nullable): the keys for requests that name none; copied
 */
void
signet_runner_set_default_credential (SignetRunner           *self,
                                      const SignetCredential *credential)
{
  g_return_if_fail (SIGNET_IS_RUNNER (self));

  g_clear_pointer (&self->default_credential, signet_credential_free);
  if (credential != NULL)
    self->default_credential = signet_credential_copy (credential);
}

/**
 * signet_runner_run_async:
 * @self: a #SignetRunner
 * @lookup: gives the run's variables (a #SignetVariableChain, say)
 * @lookup_data: data for @lookup, alive until the run ends
 * @iterations: how many times to run every request, at least 1
 * @cancellable: (nullable): stops the run
 * @callback: called when every request has run
 * @user_data: data for @callback
 *
 * Runs the requests in order; #SignetRunner::result tells each one.
 */
void
signet_runner_run_async (SignetRunner         *self,
                         SignetVariableLookup  lookup,
                         gpointer              lookup_data,
                         guint                 iterations,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RunState *state;

  g_return_if_fail (SIGNET_IS_RUNNER (self));
  g_return_if_fail (lookup != NULL);
  g_return_if_fail (iterations > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_runner_run_async);

  state = g_new0 (RunState, 1);
  state->lookup = lookup;
  state->lookup_data = lookup_data;
  state->iterations = iterations;
  state->iteration = 1;
  state->results = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_run_result_free);
  state->credentials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) signet_credential_free);
  g_task_set_task_data (task, state, (GDestroyNotify) run_state_free);

  run_next (task);
}

/**
 * signet_runner_run_finish:
 * @self: a #SignetRunner
 * @result: the result given to the callback
 * @error: set when the run was cancelled
 *
 * Returns: (transfer container) (element-type SignetRunResult): every
 *   result, in order
 */
GPtrArray *
signet_runner_run_finish (SignetRunner  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SIGNET_IS_RUNNER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_runner_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
signet_runner_finalize (GObject *object)
{
  SignetRunner *self = SIGNET_RUNNER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_pointer (&self->default_credential, signet_credential_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_runner_parent_class)->finalize (object);
}

static void
signet_runner_class_init (SignetRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_runner_finalize;

  /**
   * SignetRunner::result:
   * @self: the runner
   * @result: (type SignetRunResult): what one request got
   *
   * Emitted after each request of a run, in order.
   */
  signals[RESULT] = g_signal_new ("result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                  SIGNET_TYPE_RUN_RESULT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
signet_runner_init (SignetRunner *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}
