/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-audit-report.h"
#include "signet-audit.h"
#include "signet-collection.h"
#include "signet-credential-store.h"
#include "signet-environment.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ACCESS_CHECK (signet_access_check_get_type ())

G_DECLARE_FINAL_TYPE (SignetAccessCheck, signet_access_check, SIGNET, ACCESS_CHECK, AdwWindow)

SignetAccessCheck *signet_access_check_new          (SignetCredentialStore    *credential_store,
                                                     SignetCollection         *collection,
                                                     const char               *folder,
                                                     SignetEnvironment        *environment);
void               signet_access_check_open_file    (SignetAccessCheck        *self,
                                                     GFile                    *file);
SignetAudit       *signet_access_check_get_audit    (SignetAccessCheck        *self);
gboolean           signet_access_check_get_running  (SignetAccessCheck        *self);
void               signet_access_check_export_async (SignetAccessCheck        *self,
                                                     SignetAuditReportFormat   format,
                                                     GFile                    *file,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean           signet_access_check_export_finish (SignetAccessCheck       *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

G_END_DECLS
