/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SIGNET_REDACTED "[redacted]"

/* What may be shown or kept of a request: signatures and session tokens are
 * replaced, everything else is left as it is. */
char *signet_redact_header_value (const char *name,
                                  const char *value);
char *signet_redact_query        (const char *query);
char *signet_redact_report_query (const char *query);
char *signet_redact_canonical_request (const char *canonical_request);

G_END_DECLS
