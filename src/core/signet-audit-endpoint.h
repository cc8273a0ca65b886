/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-exchange.h"
#include "signet-explain.h"
#include "signet-request.h"

G_BEGIN_DECLS

/**
 * SignetAuditVerdict:
 * @SIGNET_AUDIT_VERDICT_PENDING: not all probes have answered yet
 * @SIGNET_AUDIT_VERDICT_PROTECTED: refused unsigned, unknown-key and
 *   tampered requests with an auth error, and let the signed one in
 * @SIGNET_AUDIT_VERDICT_OPEN: answered an unsigned request
 * @SIGNET_AUDIT_VERDICT_WEAK: answered a request signed by an unknown key
 *   or with a tampered signature
 * @SIGNET_AUDIT_VERDICT_BROKEN: refused the properly signed request too
 * @SIGNET_AUDIT_VERDICT_UNREACHABLE: a probe got no answer (or could not
 *   be built)
 */
typedef enum
{
  SIGNET_AUDIT_VERDICT_PENDING,
  SIGNET_AUDIT_VERDICT_PROTECTED,
  SIGNET_AUDIT_VERDICT_OPEN,
  SIGNET_AUDIT_VERDICT_WEAK,
  SIGNET_AUDIT_VERDICT_BROKEN,
  SIGNET_AUDIT_VERDICT_UNREACHABLE,
} SignetAuditVerdict;

/**
 * SignetAuditProbe:
 * @SIGNET_AUDIT_PROBE_UNSIGNED: no signature at all
 * @SIGNET_AUDIT_PROBE_UNKNOWN_KEY: signed by a well-formed access key AWS does not know
 * @SIGNET_AUDIT_PROBE_TAMPERED: properly signed, then one signature character changed
 * @SIGNET_AUDIT_PROBE_SIGNED: properly signed
 * @SIGNET_AUDIT_N_PROBES: the number of probes
 */
typedef enum
{
  SIGNET_AUDIT_PROBE_UNSIGNED,
  SIGNET_AUDIT_PROBE_UNKNOWN_KEY,
  SIGNET_AUDIT_PROBE_TAMPERED,
  SIGNET_AUDIT_PROBE_SIGNED,
  SIGNET_AUDIT_N_PROBES,
} SignetAuditProbe;

#define SIGNET_TYPE_AUDIT_ENDPOINT (signet_audit_endpoint_get_type ())

G_DECLARE_FINAL_TYPE (SignetAuditEndpoint, signet_audit_endpoint, SIGNET, AUDIT_ENDPOINT, GObject)

SignetAuditEndpoint   *signet_audit_endpoint_new               (const char          *name,
                                                                const char          *method,
                                                                const char          *path,
                                                                SignetRequest       *request);
const char            *signet_audit_endpoint_get_name          (SignetAuditEndpoint *self);
const char            *signet_audit_endpoint_get_method        (SignetAuditEndpoint *self);
const char            *signet_audit_endpoint_get_path          (SignetAuditEndpoint *self);
SignetRequest         *signet_audit_endpoint_get_request       (SignetAuditEndpoint *self);
SignetAuditVerdict     signet_audit_endpoint_get_verdict       (SignetAuditEndpoint *self);
const char            *signet_audit_endpoint_get_summary       (SignetAuditEndpoint *self);

guint                  signet_audit_endpoint_get_probe_status  (SignetAuditEndpoint *self,
                                                                SignetAuditProbe     probe);
const char            *signet_audit_endpoint_get_probe_error_type (SignetAuditEndpoint *self,
                                                                SignetAuditProbe     probe);
SignetExplanationKind  signet_audit_endpoint_get_probe_kind    (SignetAuditEndpoint *self,
                                                                SignetAuditProbe     probe);
const char            *signet_audit_endpoint_get_probe_failure (SignetAuditEndpoint *self,
                                                                SignetAuditProbe     probe);
gboolean               signet_audit_endpoint_get_probe_refused (SignetAuditEndpoint *self,
                                                                SignetAuditProbe     probe);

/* For SignetAudit: record a probe's answer (or why it got none). */
void                   signet_audit_endpoint_set_probe_answer  (SignetAuditEndpoint  *self,
                                                                SignetAuditProbe      probe,
                                                                const SignetExchange *exchange);
void                   signet_audit_endpoint_set_probe_failure (SignetAuditEndpoint  *self,
                                                                SignetAuditProbe      probe,
                                                                const GError         *error);
void                   signet_audit_endpoint_reset             (SignetAuditEndpoint  *self);
void                   signet_audit_endpoint_classify          (SignetAuditEndpoint  *self);

const char            *signet_audit_verdict_to_nick            (SignetAuditVerdict   verdict);
const char            *signet_audit_probe_to_nick              (SignetAuditProbe     probe);
const char            *signet_audit_probe_to_label             (SignetAuditProbe     probe);

G_END_DECLS
