/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-audit-endpoint.h"
#include "signet-core-enums.h"

/**
 * SignetAuditEndpoint:
 *
 * One endpoint of an access check: the request to probe, what each of the
 * four probes got back, and the verdict drawn from them. A probe counts as
 * refused only when the answer is a 403 that the explainer recognizes as
 * one of API Gateway's auth answers; any other answer got past IAM
 * authorization.
 */

typedef struct
{
  gboolean               done;
  guint                  status;
  char                  *error_type;
  SignetExplanationKind  kind;
  char                  *failure;
} Probe;

struct _SignetAuditEndpoint
{
  GObject             parent_instance;

  char               *name;
  char               *method;
  char               *path;
  SignetRequest      *request;
  SignetAuditVerdict  verdict;
  char               *summary;
  Probe               probes[SIGNET_AUDIT_N_PROBES];
};

G_DEFINE_FINAL_TYPE (SignetAuditEndpoint, signet_audit_endpoint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_METHOD,
  PROP_PATH,
  PROP_VERDICT,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const verdict_nicks[] = {
  "pending", "protected", "open", "weak", "broken", "unreachable",
};

static const char * const probe_nicks[] = {
  "unsigned", "unknown_key", "tampered_signature", "signed",
};

const char *
signet_audit_verdict_to_nick (SignetAuditVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdict_nicks), NULL);

  return verdict_nicks[verdict];
}

const char *
signet_audit_probe_to_nick (SignetAuditProbe probe)
{
  g_return_val_if_fail (probe < SIGNET_AUDIT_N_PROBES, NULL);

  return probe_nicks[probe];
}

const char *
signet_audit_probe_to_label (SignetAuditProbe probe)
{
  switch (probe)
    {
    case SIGNET_AUDIT_PROBE_UNSIGNED:
      return _("Unsigned");
    case SIGNET_AUDIT_PROBE_UNKNOWN_KEY:
      return _("Unknown key");
    case SIGNET_AUDIT_PROBE_TAMPERED:
      return _("Tampered signature");
    case SIGNET_AUDIT_PROBE_SIGNED:
      return _("Signed");
    case SIGNET_AUDIT_N_PROBES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
probe_clear (Probe *probe)
{
  g_clear_pointer (&probe->error_type, g_free);
  g_clear_pointer (&probe->failure, g_free);
  probe->done = FALSE;
  probe->status = 0;
  probe->kind = SIGNET_EXPLANATION_NONE;
}

SignetAuditEndpoint *
signet_audit_endpoint_new (const char    *name,
                           const char    *method,
                           const char    *path,
                           SignetRequest *request)
{
  SignetAuditEndpoint *self;

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);

  self = g_object_new (SIGNET_TYPE_AUDIT_ENDPOINT, "name", name, "method", method,
                       "path", path, NULL);
  self->request = g_object_ref (request);
  return self;
}

const char *
signet_audit_endpoint_get_name (SignetAuditEndpoint *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), NULL);

  return self->name;
}

const char *
signet_audit_endpoint_get_method (SignetAuditEndpoint *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), NULL);

  return self->method;
}

/* The path as the spec or collection writes it, e.g. "/pets/{petId}". */
const char *
signet_audit_endpoint_get_path (SignetAuditEndpoint *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), NULL);

  return self->path;
}

/* The request to probe: variables expanded, path parameters filled. */
SignetRequest *
signet_audit_endpoint_get_request (SignetAuditEndpoint *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), NULL);

  return self->request;
}

SignetAuditVerdict
signet_audit_endpoint_get_verdict (SignetAuditEndpoint *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), SIGNET_AUDIT_VERDICT_PENDING);

  return self->verdict;
}

/* One sentence on why the verdict is what it is; NULL while pending. */
const char *
signet_audit_endpoint_get_summary (SignetAuditEndpoint *self)
{
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), NULL);

  return self->summary;
}

#define PROBE(self, probe, fallback) \
  g_return_val_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self), fallback); \
  g_return_val_if_fail ((probe) < SIGNET_AUDIT_N_PROBES, fallback);

/* The HTTP status; 0 when the probe got no answer. */
guint
signet_audit_endpoint_get_probe_status (SignetAuditEndpoint *self,
                                        SignetAuditProbe     probe)
{
  PROBE (self, probe, 0);

  return self->probes[probe].status;
}

/* `x-amzn-ErrorType` without AWS's suffix, when the answer had one. */
const char *
signet_audit_endpoint_get_probe_error_type (SignetAuditEndpoint *self,
                                            SignetAuditProbe     probe)
{
  PROBE (self, probe, NULL);

  return self->probes[probe].error_type;
}

SignetExplanationKind
signet_audit_endpoint_get_probe_kind (SignetAuditEndpoint *self,
                                      SignetAuditProbe     probe)
{
  PROBE (self, probe, SIGNET_EXPLANATION_NONE);

  return self->probes[probe].kind;
}

/* Why the probe got no answer (connection refused, cannot sign...), or NULL. */
const char *
signet_audit_endpoint_get_probe_failure (SignetAuditEndpoint *self,
                                         SignetAuditProbe     probe)
{
  PROBE (self, probe, NULL);

  return self->probes[probe].failure;
}

/* Refused by IAM authorization: a 403 that is one of API Gateway's auth answers. */
gboolean
signet_audit_endpoint_get_probe_refused (SignetAuditEndpoint *self,
                                         SignetAuditProbe     probe)
{
  const Probe *p;

  PROBE (self, probe, FALSE);

  p = &self->probes[probe];
  return p->done && p->failure == NULL && p->status == 403 &&
         signet_explanation_kind_is_refusal (p->kind);
}

void
signet_audit_endpoint_set_probe_answer (SignetAuditEndpoint  *self,
                                        SignetAuditProbe      probe,
                                        const SignetExchange *exchange)
{
  g_autoptr(SignetExplanation) explanation = NULL;
  Probe *p;

  g_return_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self));
  g_return_if_fail (probe < SIGNET_AUDIT_N_PROBES);

  p = &self->probes[probe];
  probe_clear (p);
  explanation = signet_explain (exchange, NULL);
  p->done = TRUE;
  p->status = exchange->status;
  p->kind = explanation->kind;
  p->error_type = g_steal_pointer (&explanation->error_type);
}

void
signet_audit_endpoint_set_probe_failure (SignetAuditEndpoint *self,
                                         SignetAuditProbe     probe,
                                         const GError        *error)
{
  Probe *p;

  g_return_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self));
  g_return_if_fail (probe < SIGNET_AUDIT_N_PROBES);

  p = &self->probes[probe];
  probe_clear (p);
  p->done = TRUE;
  p->failure = g_strdup (error->message);
}

static void
set_verdict (SignetAuditEndpoint *self,
             SignetAuditVerdict   verdict,
             char                *summary)
{
  g_free (self->summary);
  self->summary = summary;
  self->verdict = verdict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* Forgets every answer, for another run. */
void
signet_audit_endpoint_reset (SignetAuditEndpoint *self)
{
  g_return_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self));

  for (guint i = 0; i < SIGNET_AUDIT_N_PROBES; i++)
    probe_clear (&self->probes[i]);
  set_verdict (self, SIGNET_AUDIT_VERDICT_PENDING, NULL);
}

static char *
accepted_summary (SignetAuditEndpoint *self,
                  SignetAuditProbe     probe)
{
  return g_strdup_printf (_("%s request answered with status %u"),
                          signet_audit_probe_to_label (probe), self->probes[probe].status);
}

/**
 * signet_audit_endpoint_classify:
 * @self: an endpoint whose four probes are done
 *
 * Draws the verdict: open when the unsigned probe got in, weak when the
 * unknown key or the tampered signature did (whatever the others got),
 * else unreachable when a probe got no answer, broken when the signed
 * probe was refused, and protected otherwise.
 */
void
signet_audit_endpoint_classify (SignetAuditEndpoint *self)
{
  g_return_if_fail (SIGNET_IS_AUDIT_ENDPOINT (self));

  for (guint i = 0; i < SIGNET_AUDIT_N_PROBES; i++)
    {
      if (!self->probes[i].done)
        {
          set_verdict (self, SIGNET_AUDIT_VERDICT_PENDING, NULL);
          return;
        }
    }
  for (guint i = SIGNET_AUDIT_PROBE_UNSIGNED; i <= SIGNET_AUDIT_PROBE_TAMPERED; i++)
    if (self->probes[i].failure == NULL && !signet_audit_endpoint_get_probe_refused (self, i))
      {
        set_verdict (self, i == SIGNET_AUDIT_PROBE_UNSIGNED ? SIGNET_AUDIT_VERDICT_OPEN
                                                            : SIGNET_AUDIT_VERDICT_WEAK,
                     accepted_summary (self, i));
        return;
      }
  for (guint i = 0; i < SIGNET_AUDIT_N_PROBES; i++)
    if (self->probes[i].failure != NULL)
      {
        set_verdict (self, SIGNET_AUDIT_VERDICT_UNREACHABLE, g_strdup (self->probes[i].failure));
        return;
      }

  if (signet_audit_endpoint_get_probe_refused (self, SIGNET_AUDIT_PROBE_SIGNED))
    set_verdict (self, SIGNET_AUDIT_VERDICT_BROKEN,
                 g_strdup_printf (_("Signed request refused too (%s)"),
                                  self->probes[SIGNET_AUDIT_PROBE_SIGNED].error_type
                                  ? self->probes[SIGNET_AUDIT_PROBE_SIGNED].error_type
                                  : signet_explanation_kind_to_nick (self->probes[SIGNET_AUDIT_PROBE_SIGNED].kind)));
  else
    set_verdict (self, SIGNET_AUDIT_VERDICT_PROTECTED,
                 g_strdup_printf (_("Refused without a valid signature; signed request answered "
                                    "with status %u"),
                                  self->probes[SIGNET_AUDIT_PROBE_SIGNED].status));
}

static void
signet_audit_endpoint_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SignetAuditEndpoint *self = SIGNET_AUDIT_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_audit_endpoint_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SignetAuditEndpoint *self = SIGNET_AUDIT_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_METHOD:
      self->method = g_value_dup_string (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_audit_endpoint_finalize (GObject *object)
{
  SignetAuditEndpoint *self = SIGNET_AUDIT_ENDPOINT (object);

  for (guint i = 0; i < SIGNET_AUDIT_N_PROBES; i++)
    probe_clear (&self->probes[i]);
  g_free (self->name);
  g_free (self->method);
  g_free (self->path);
  g_free (self->summary);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (signet_audit_endpoint_parent_class)->finalize (object);
}

static void
signet_audit_endpoint_class_init (SignetAuditEndpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_audit_endpoint_finalize;
  object_class->get_property = signet_audit_endpoint_get_property;
  object_class->set_property = signet_audit_endpoint_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, SIGNET_TYPE_AUDIT_VERDICT, SIGNET_AUDIT_VERDICT_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_audit_endpoint_init (SignetAuditEndpoint *self)
{
}
