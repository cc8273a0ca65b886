/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SignetAuditReportFormat:
 * @SIGNET_AUDIT_REPORT_MARKDOWN: a Markdown table
 * @SIGNET_AUDIT_REPORT_JSON: JSON, `{"summary": ..., "endpoints": [...]}`
 * @SIGNET_AUDIT_REPORT_JUNIT: JUnit XML, one test case per endpoint
 */
typedef enum
{
  SIGNET_AUDIT_REPORT_MARKDOWN,
  SIGNET_AUDIT_REPORT_JSON,
  SIGNET_AUDIT_REPORT_JUNIT,
} SignetAuditReportFormat;

gboolean  signet_audit_report_format_parse (const char               *name,
                                            SignetAuditReportFormat  *format);
char     *signet_audit_report              (GListModel               *endpoints,
                                            SignetAuditReportFormat   format);

G_END_DECLS
