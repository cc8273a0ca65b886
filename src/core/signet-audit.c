/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-audit.h"
#include "signet-client.h"
#include "signet-error.h"

/**
 * SignetAudit:
 *
 * The access check ("Who can get in?"): every endpoint is probed four
 * ways — unsigned, signed by an unknown key, with a tampered signature,
 * properly signed — with at most #SignetAudit:concurrency probes in
 * flight, and classified (see signet_audit_endpoint_classify()). Write
 * methods go without their body unless #SignetAudit:send-bodies is set,
 * so an open endpoint shows without creating data. Redirects are not
 * followed: a redirect already got past IAM authorization.
 */
struct _SignetAudit
{
  GObject        parent_instance;

  SignetClient  *client;
  GListStore    *endpoints;
  SignetAwsAuth *auth;
  guint          concurrency;
  gboolean       send_bodies;
  guint          n_probes;
  guint          n_probes_done;
  gboolean       running;
};

G_DEFINE_FINAL_TYPE (SignetAudit, signet_audit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONCURRENCY,
  PROP_SEND_BODIES,
  PROP_N_PROBES,
  PROP_N_PROBES_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROBE_FINISHED,
  ENDPOINT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One endpoint of a run: what its probes send. */
typedef struct
{
  SignetAuditEndpoint *endpoint;
  SignetWireRequest   *wire;
  SignetAwsAuth       *auth;
  GError              *build_error;
  guint                n_done;
} Target;

typedef struct
{
  GArray        *targets;
  guint          next_job;
  guint          n_jobs;
  guint          in_flight;
  gboolean       returned;
  SignetAwsAuth *unknown_auth;
} Run;

typedef struct
{
  GTask            *task;
  guint             target;
  SignetAuditProbe  probe;
} Job;

static void
target_clear (gpointer data)
{
  Target *target = data;

  g_clear_object (&target->endpoint);
  g_clear_pointer (&target->wire, signet_wire_request_free);
  g_clear_pointer (&target->auth, signet_aws_auth_free);
  g_clear_error (&target->build_error);
}

static void
run_free (Run *run)
{
  g_array_unref (run->targets);
  signet_aws_auth_free (run->unknown_auth);
  g_free (run);
}

/* A key of AWS's shape ("AKIA" and 16 base-32 characters) that no
 * account has, and a secret to go with it; new for every run. */
static char *
random_text (const char *prefix,
             const char *alphabet,
             guint       length)
{
  GString *text = g_string_new (prefix);
  gsize n = strlen (alphabet);

  for (guint i = 0; i < length; i++)
    g_string_append_c (text, alphabet[g_random_int_range (0, n)]);
  return g_string_free (text, FALSE);
}

static SignetAwsAuth *
new_unknown_auth (void)
{
  g_autofree char *key = random_text ("AKIA", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  g_autofree char *secret = random_text ("", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);

  return signet_aws_auth_new (key, secret, NULL);
}

static gboolean
is_write_method (const char *method)
{
  const char * const writes[] = { "POST", "PUT", "PATCH", "DELETE" };

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    if (g_ascii_strcasecmp (method, writes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The scope: the audit's region and service when set, else the request's,
 * else (NULL) what the host names. */
static SignetAwsAuth *
auth_for_request (const SignetAwsAuth *base,
                  SignetRequest       *request)
{
  SignetAwsAuth *auth = signet_aws_auth_copy (base);
  const char *region = signet_request_get_region (request);
  const char *service = signet_request_get_service (request);

  if (auth->region == NULL && region != NULL && region[0] != '\0')
    auth->region = g_strdup (region);
  if (auth->service == NULL && service != NULL && service[0] != '\0')
    auth->service = g_strdup (service);
  auth->location = SIGNET_SIGV4_LOCATION_HEADERS;
  return auth;
}

static void
prepare_target (SignetAudit *self,
                Target      *target)
{
  SignetRequest *request = signet_audit_endpoint_get_request (target->endpoint);

  target->wire = signet_request_build_wire (request, &target->build_error);
  if (target->wire == NULL)
    return;
  if (!self->send_bodies && is_write_method (target->wire->method) &&
      g_bytes_get_size (target->wire->body) > 0)
    {
      g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);

      signet_wire_request_set_body (target->wire, empty);
      signet_wire_request_remove_header (target->wire, "Content-Type");
    }
  target->auth = auth_for_request (self->auth, request);
}

/* Properly signed, then the signature's last character changed. */
static SignetWireRequest *
tampered_request (const Target  *target,
                  GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(SignetSigv4Result) signing = NULL;
  g_autoptr(SignetWireRequest) signed_request = NULL;
  g_autofree char *authorization = NULL;
  char *last;

  signing = signet_aws_auth_sign (target->auth, target->wire, now, NULL, error);
  if (signing == NULL)
    return NULL;
  signed_request = signet_sigv4_result_apply (signing, target->wire);
  authorization = g_strdup (signet_wire_request_get_header (signed_request, "Authorization"));
  last = authorization + strlen (authorization) - 1;
  *last = *last == '0' ? '1' : '0';
  signet_wire_request_remove_header (signed_request, "Authorization");
  signet_wire_request_add_header (signed_request, "Authorization", authorization);
  return g_steal_pointer (&signed_request);
}

static void launch_more (GTask *task);

static void
probe_done (SignetAudit *self,
            Target      *target,
            SignetAuditProbe probe)
{
  self->n_probes_done++;
  target->n_done++;
  g_signal_emit (self, signals[PROBE_FINISHED], 0, target->endpoint, (guint) probe);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBES_DONE]);
  if (target->n_done == SIGNET_AUDIT_N_PROBES)
    {
      signet_audit_endpoint_classify (target->endpoint);
      g_signal_emit (self, signals[ENDPOINT_FINISHED], 0, target->endpoint);
    }
}

static void
on_probe_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GTask) task = job->task;
  SignetAudit *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Target *target = &g_array_index (run->targets, Target, job->target);
  g_autoptr(SignetExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;

  exchange = signet_client_send_finish (SIGNET_CLIENT (source), result, &error);
  run->in_flight--;
  if (exchange != NULL)
    signet_audit_endpoint_set_probe_answer (target->endpoint, job->probe, exchange);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    signet_audit_endpoint_set_probe_failure (target->endpoint, job->probe, error);
  if (exchange != NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    probe_done (self, target, job->probe);
  g_free (job);

  launch_more (task);
}

/* Starts one probe; FALSE when it could not be sent (recorded as failed). */
static gboolean
start_probe (GTask            *task,
             guint             index,
             SignetAuditProbe  probe)
{
  SignetAudit *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Target *target = &g_array_index (run->targets, Target, index);
  g_autoptr(SignetWireRequest) tampered = NULL;
  g_autoptr(SignetAwsAuth) unknown = NULL;
  g_autoptr(GError) error = NULL;
  const SignetWireRequest *wire = target->wire;
  const SignetAwsAuth *auth = NULL;
  Job *job;

  switch (probe)
    {
    case SIGNET_AUDIT_PROBE_UNSIGNED:
      break;
    case SIGNET_AUDIT_PROBE_UNKNOWN_KEY:
      /* The same scope and form as the real credential, another key. */
      unknown = signet_aws_auth_copy (run->unknown_auth);
      unknown->region = g_strdup (target->auth->region);
      unknown->service = g_strdup (target->auth->service);
      unknown->flags = target->auth->flags;
      auth = unknown;
      break;
    case SIGNET_AUDIT_PROBE_TAMPERED:
      tampered = tampered_request (target, &error);
      if (tampered == NULL)
        {
          signet_audit_endpoint_set_probe_failure (target->endpoint, probe, error);
          return FALSE;
        }
      wire = tampered;
      break;
    case SIGNET_AUDIT_PROBE_SIGNED:
      auth = target->auth;
      break;
    case SIGNET_AUDIT_N_PROBES:
    default:
      g_assert_not_reached ();
    }

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->target = index;
  job->probe = probe;
  run->in_flight++;
  signet_client_send_async (self->client, wire, auth, g_task_get_cancellable (task),
                            on_probe_sent, job);
  return TRUE;
}

static void
launch_more (GTask *task)
{
  SignetAudit *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  while (run->in_flight < self->concurrency && run->next_job < run->n_jobs &&
         !g_cancellable_is_cancelled (cancellable))
    {
      guint job = run->next_job++;
      guint index = job / SIGNET_AUDIT_N_PROBES;
      SignetAuditProbe probe = job % SIGNET_AUDIT_N_PROBES;
      Target *target = &g_array_index (run->targets, Target, index);

      if (probe == 0)
        prepare_target (self, target);
      if (target->build_error != NULL)
        signet_audit_endpoint_set_probe_failure (target->endpoint, probe, target->build_error);
      if (target->build_error != NULL || !start_probe (task, index, probe))
        probe_done (self, target, probe);
    }

  if (run->in_flight > 0 || run->returned)
    return;
  if (run->next_job < run->n_jobs && !g_cancellable_is_cancelled (cancellable))
    return;

  run->returned = TRUE;
  self->running = FALSE;
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/**
 * signet_audit_run_async:
 * @self: a #SignetAudit with endpoints and credentials
 * @cancellable: (nullable): stops the check; probes in flight are dropped
 * @callback: called when every probe has answered, or on cancel
 * @user_data: data for @callback
 *
 * Probes every endpoint. #SignetAudit::probe-finished and
 * #SignetAudit::endpoint-finished report progress as it goes.
 */
void
signet_audit_run_async (SignetAudit         *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;
  guint n;

  g_return_if_fail (SIGNET_IS_AUDIT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_audit_run_async);
  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The access check is already running"));
      return;
    }
  if (self->auth == NULL)
    {
      g_task_return_new_error (task, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                               _("The access check needs a credential that may call the API "
                                 "(to tell a working endpoint from a broken one)"));
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->endpoints));
  run = g_new0 (Run, 1);
  run->targets = g_array_sized_new (FALSE, TRUE, sizeof (Target), n);
  g_array_set_clear_func (run->targets, target_clear);
  for (guint i = 0; i < n; i++)
    {
      Target target = { g_list_model_get_item (G_LIST_MODEL (self->endpoints), i) };

      signet_audit_endpoint_reset (target.endpoint);
      g_array_append_val (run->targets, target);
    }
  run->n_jobs = n * SIGNET_AUDIT_N_PROBES;
  run->unknown_auth = new_unknown_auth ();
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  self->running = TRUE;
  self->n_probes = run->n_jobs;
  self->n_probes_done = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBES_DONE]);
  launch_more (task);
}

gboolean
signet_audit_run_finish (SignetAudit   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_audit_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * signet_audit_new:
 * @session: (nullable): the session to send with (its max-conns-per-host
 *   bounds what #SignetAudit:concurrency can reach), or %NULL for a new one
 */
SignetAudit *
signet_audit_new (SoupSession *session)
{
  SignetAudit *self = g_object_new (SIGNET_TYPE_AUDIT, NULL);

  self->client = g_object_new (SIGNET_TYPE_CLIENT, "session", session,
                               "follow-redirects", FALSE, NULL);
  return self;
}

/* Returns: (transfer none): a list of #SignetAuditEndpoint, the results */
GListModel *
signet_audit_get_endpoints (SignetAudit *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT (self), NULL);

  return G_LIST_MODEL (self->endpoints);
}

void
signet_audit_add_endpoint (SignetAudit         *self,
                           SignetAuditEndpoint *endpoint)
{
  g_return_if_fail (SIGNET_IS_AUDIT (self));
  g_return_if_fail (SIGNET_IS_AUDIT_ENDPOINT (endpoint));

  g_list_store_append (self->endpoints, endpoint);
}

/**
 * signet_audit_set_auth:
 * @self: a #SignetAudit
 * @auth: (nullable): the credential whose requests should get in; its
 *   region and service, when set, win over each request's
 */
void
signet_audit_set_auth (SignetAudit         *self,
                       const SignetAwsAuth *auth)
{
  g_return_if_fail (SIGNET_IS_AUDIT (self));

  g_clear_pointer (&self->auth, signet_aws_auth_free);
  if (auth != NULL)
    self->auth = signet_aws_auth_copy (auth);
}

guint
signet_audit_get_concurrency (SignetAudit *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT (self), 0);

  return self->concurrency;
}

void
signet_audit_set_concurrency (SignetAudit *self,
                              guint        concurrency)
{
  g_return_if_fail (SIGNET_IS_AUDIT (self));

  concurrency = CLAMP (concurrency, 1, SIGNET_AUDIT_MAX_CONCURRENCY);
  if (self->concurrency == concurrency)
    return;
  self->concurrency = concurrency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCURRENCY]);
}

gboolean
signet_audit_get_send_bodies (SignetAudit *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT (self), FALSE);

  return self->send_bodies;
}

void
signet_audit_set_send_bodies (SignetAudit *self,
                              gboolean     send_bodies)
{
  g_return_if_fail (SIGNET_IS_AUDIT (self));

  send_bodies = !!send_bodies;
  if (self->send_bodies == send_bodies)
    return;
  self->send_bodies = send_bodies;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEND_BODIES]);
}

guint
signet_audit_get_n_probes (SignetAudit *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT (self), 0);

  return self->n_probes;
}

guint
signet_audit_get_n_probes_done (SignetAudit *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT (self), 0);

  return self->n_probes_done;
}

guint
signet_audit_count_verdict (SignetAudit        *self,
                            SignetAuditVerdict  verdict)
{
  GListModel *endpoints;
  guint count = 0;

  g_return_val_if_fail (SIGNET_IS_AUDIT (self), 0);

  endpoints = G_LIST_MODEL (self->endpoints);
  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      if (signet_audit_endpoint_get_verdict (endpoint) == verdict)
        count++;
    }
  return count;
}

static void
signet_audit_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SignetAudit *self = SIGNET_AUDIT (object);

  switch (prop_id)
    {
    case PROP_CONCURRENCY:
      g_value_set_uint (value, self->concurrency);
      break;
    case PROP_SEND_BODIES:
      g_value_set_boolean (value, self->send_bodies);
      break;
    case PROP_N_PROBES:
      g_value_set_uint (value, self->n_probes);
      break;
    case PROP_N_PROBES_DONE:
      g_value_set_uint (value, self->n_probes_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_audit_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SignetAudit *self = SIGNET_AUDIT (object);

  switch (prop_id)
    {
    case PROP_CONCURRENCY:
      signet_audit_set_concurrency (self, g_value_get_uint (value));
      break;
    case PROP_SEND_BODIES:
      signet_audit_set_send_bodies (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_audit_finalize (GObject *object)
{
  SignetAudit *self = SIGNET_AUDIT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->endpoints);
  g_clear_pointer (&self->auth, signet_aws_auth_free);

  G_OBJECT_CLASS (signet_audit_parent_class)->finalize (object);
}

static void
signet_audit_class_init (SignetAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_audit_finalize;
  object_class->get_property = signet_audit_get_property;
  object_class->set_property = signet_audit_set_property;

  properties[PROP_CONCURRENCY] =
    g_param_spec_uint ("concurrency", NULL, NULL, 1, SIGNET_AUDIT_MAX_CONCURRENCY,
                       SIGNET_AUDIT_DEFAULT_CONCURRENCY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEND_BODIES] =
    g_param_spec_boolean ("send-bodies", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBES] =
    g_param_spec_uint ("n-probes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBES_DONE] =
    g_param_spec_uint ("n-probes-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SignetAudit::probe-finished:
   * @endpoint: the #SignetAuditEndpoint probed
   * @probe: the #SignetAuditProbe that answered (or failed)
   */
  signals[PROBE_FINISHED] =
    g_signal_new ("probe-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, SIGNET_TYPE_AUDIT_ENDPOINT, G_TYPE_UINT);
  /**
   * SignetAudit::endpoint-finished:
   * @endpoint: a #SignetAuditEndpoint with its verdict
   */
  signals[ENDPOINT_FINISHED] =
    g_signal_new ("endpoint-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SIGNET_TYPE_AUDIT_ENDPOINT);
}

static void
signet_audit_init (SignetAudit *self)
{
  self->endpoints = g_list_store_new (SIGNET_TYPE_AUDIT_ENDPOINT);
  self->concurrency = SIGNET_AUDIT_DEFAULT_CONCURRENCY;
}
