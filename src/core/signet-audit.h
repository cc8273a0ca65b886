/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "signet-audit-endpoint.h"
#include "signet-aws-auth.h"
#include "signet-collection.h"
#include "signet-import-result.h"
#include "signet-variables.h"

G_BEGIN_DECLS

#define SIGNET_AUDIT_DEFAULT_CONCURRENCY 4
#define SIGNET_AUDIT_MAX_CONCURRENCY     64

/**
 * SignetAuditSource:
 * @lookup: (nullable): variables for `{{name}}` and `{name}` path
 *   parameters (an environment, --var values)
 * @lookup_data: data for @lookup
 * @base_url: (nullable): replaces the server URL of every request (stage
 *   included), e.g. "http://127.0.0.1:8080/test"
 *
 * Where the access check finds the values a request leaves open.
 */
typedef struct
{
  SignetVariableLookup  lookup;
  gpointer              lookup_data;
  const char           *base_url;
} SignetAuditSource;

#define SIGNET_TYPE_AUDIT (signet_audit_get_type ())

G_DECLARE_FINAL_TYPE (SignetAudit, signet_audit, SIGNET, AUDIT, GObject)

SignetAudit  *signet_audit_new                (SoupSession              *session);
GListModel   *signet_audit_get_endpoints      (SignetAudit              *self);
void          signet_audit_add_endpoint       (SignetAudit              *self,
                                               SignetAuditEndpoint      *endpoint);
void          signet_audit_set_auth           (SignetAudit              *self,
                                               const SignetAwsAuth      *auth);
guint         signet_audit_get_concurrency    (SignetAudit              *self);
void          signet_audit_set_concurrency    (SignetAudit              *self,
                                               guint                     concurrency);
gboolean      signet_audit_get_send_bodies    (SignetAudit              *self);
void          signet_audit_set_send_bodies    (SignetAudit              *self,
                                               gboolean                  send_bodies);
guint         signet_audit_get_n_probes       (SignetAudit              *self);
guint         signet_audit_get_n_probes_done  (SignetAudit              *self);
guint         signet_audit_count_verdict      (SignetAudit              *self,
                                               SignetAuditVerdict        verdict);

void          signet_audit_run_async          (SignetAudit              *self,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean      signet_audit_run_finish         (SignetAudit              *self,
                                               GAsyncResult             *result,
                                               GError                  **error);

/* signet-audit-targets.c: endpoints from an import or a collection */
gboolean      signet_audit_add_import_result  (SignetAudit              *self,
                                               SignetImportResult       *result,
                                               const char               *openapi_document,
                                               const SignetAuditSource  *source,
                                               GError                  **error);
gboolean      signet_audit_add_collection     (SignetAudit              *self,
                                               SignetCollection         *collection,
                                               const char               *folder,
                                               const SignetAuditSource  *source,
                                               GError                  **error);

/* signet-audit-local.c: whether probing a URL stays on this machine */
gboolean      signet_audit_url_is_local       (const char               *url);
char        **signet_audit_dup_remote_hosts   (SignetAudit              *self);

G_END_DECLS
