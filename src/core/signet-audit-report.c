/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "signet-audit-endpoint.h"
#include "signet-audit-report.h"

/* An access check's results as a file to keep or feed to CI. Reports name
 * endpoints by their path as written (no variables expanded, so no value
 * from an environment ends up in them) and hold no credential. */

static const char * const verdicts_in_order[] = {
  "protected", "open", "weak", "broken", "unreachable",
};

gboolean
signet_audit_report_format_parse (const char              *name,
                                  SignetAuditReportFormat *format)
{
  if (g_strcmp0 (name, "md") == 0 || g_strcmp0 (name, "markdown") == 0)
    *format = SIGNET_AUDIT_REPORT_MARKDOWN;
  else if (g_strcmp0 (name, "json") == 0)
    *format = SIGNET_AUDIT_REPORT_JSON;
  else if (g_strcmp0 (name, "junit") == 0)
    *format = SIGNET_AUDIT_REPORT_JUNIT;
  else
    return FALSE;
  return TRUE;
}

static guint
count_verdict (GListModel *endpoints,
               const char *nick)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      if (g_str_equal (signet_audit_verdict_to_nick (signet_audit_endpoint_get_verdict (endpoint)), nick))
        count++;
    }
  return count;
}

/* "403 MissingAuthenticationTokenException", "200", or "no answer". */
static char *
probe_cell (SignetAuditEndpoint *endpoint,
            SignetAuditProbe     probe)
{
  guint status = signet_audit_endpoint_get_probe_status (endpoint, probe);
  const char *error_type = signet_audit_endpoint_get_probe_error_type (endpoint, probe);

  if (signet_audit_endpoint_get_probe_failure (endpoint, probe) != NULL)
    return g_strdup ("no answer");
  if (status == 0)
    return g_strdup ("-");
  return error_type ? g_strdup_printf ("%u %s", status, error_type) : g_strdup_printf ("%u", status);
}

static void
append_markdown_escaped (GString    *text,
                         const char *value)
{
  for (const char *p = value ? value : ""; *p != '\0'; p++)
    {
      if (*p == '|' || *p == '`')
        g_string_append_c (text, '\\');
      if (*p == '\n')
        g_string_append_c (text, ' ');
      else
        g_string_append_c (text, *p);
    }
}

static char *
to_markdown (GListModel *endpoints)
{
  GString *text = g_string_new ("# Access check\n\n");
  guint n = g_list_model_get_n_items (endpoints);

  for (guint v = 0; v < G_N_ELEMENTS (verdicts_in_order); v++)
    g_string_append_printf (text, "%s%u %s", v > 0 ? ", " : "", count_verdict (endpoints, verdicts_in_order[v]),
                            verdicts_in_order[v]);
  g_string_append_printf (text, " (%u endpoints).\n\n", n);
  g_string_append (text, "| Method | Path | Verdict |");
  for (guint p = 0; p < SIGNET_AUDIT_N_PROBES; p++)
    g_string_append_printf (text, " %s |", signet_audit_probe_to_label (p));
  g_string_append (text, " Why |\n| --- | --- | --- |");
  for (guint p = 0; p < SIGNET_AUDIT_N_PROBES; p++)
    g_string_append (text, " --- |");
  g_string_append (text, " --- |\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      g_string_append_printf (text, "| %s | `", signet_audit_endpoint_get_method (endpoint));
      append_markdown_escaped (text, signet_audit_endpoint_get_path (endpoint));
      g_string_append_printf (text, "` | **%s** |",
                              signet_audit_verdict_to_nick (signet_audit_endpoint_get_verdict (endpoint)));
      for (guint p = 0; p < SIGNET_AUDIT_N_PROBES; p++)
        {
          g_autofree char *cell = probe_cell (endpoint, p);

          g_string_append_printf (text, " %s |", cell);
        }
      g_string_append_c (text, ' ');
      append_markdown_escaped (text, signet_audit_endpoint_get_summary (endpoint));
      g_string_append (text, " |\n");
    }

  g_string_append (text, "\nProbes: unsigned; signed by an access key AWS does not know; properly "
                         "signed with one signature character changed; properly signed. "
                         "`protected` means the first three were refused by IAM authorization and "
                         "the last got in.\n");
  return g_string_free (text, FALSE);
}

static void
add_probe (JsonBuilder         *builder,
           SignetAuditEndpoint *endpoint,
           SignetAuditProbe     probe)
{
  guint status = signet_audit_endpoint_get_probe_status (endpoint, probe);
  const char *error_type = signet_audit_endpoint_get_probe_error_type (endpoint, probe);
  const char *failure = signet_audit_endpoint_get_probe_failure (endpoint, probe);

  json_builder_set_member_name (builder, signet_audit_probe_to_nick (probe));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  if (status > 0)
    json_builder_add_int_value (builder, status);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "error_type");
  if (error_type != NULL)
    json_builder_add_string_value (builder, error_type);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder,
                                 signet_explanation_kind_to_nick (signet_audit_endpoint_get_probe_kind (endpoint, probe)));
  json_builder_set_member_name (builder, "refused");
  json_builder_add_boolean_value (builder, signet_audit_endpoint_get_probe_refused (endpoint, probe));
  if (failure != NULL)
    {
      json_builder_set_member_name (builder, "failure");
      json_builder_add_string_value (builder, failure);
    }
  json_builder_end_object (builder);
}

static char *
to_json (GListModel *endpoints)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  for (guint v = 0; v < G_N_ELEMENTS (verdicts_in_order); v++)
    {
      json_builder_set_member_name (builder, verdicts_in_order[v]);
      json_builder_add_int_value (builder, count_verdict (endpoints, verdicts_in_order[v]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "endpoints");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);
      const char *summary = signet_audit_endpoint_get_summary (endpoint);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, signet_audit_endpoint_get_name (endpoint));
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, signet_audit_endpoint_get_method (endpoint));
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, signet_audit_endpoint_get_path (endpoint));
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder,
                                     signet_audit_verdict_to_nick (signet_audit_endpoint_get_verdict (endpoint)));
      json_builder_set_member_name (builder, "summary");
      if (summary != NULL)
        json_builder_add_string_value (builder, summary);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "probes");
      json_builder_begin_object (builder);
      for (guint p = 0; p < SIGNET_AUDIT_N_PROBES; p++)
        add_probe (builder, endpoint, p);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  return g_strconcat (text, "\n", NULL);
}

static char *
xml_attribute (const char *value)
{
  return g_markup_escape_text (value ? value : "", -1);
}

static char *
to_junit (GListModel *endpoints)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  guint n = g_list_model_get_n_items (endpoints);
  guint failures = count_verdict (endpoints, "open") + count_verdict (endpoints, "weak") +
                   count_verdict (endpoints, "broken");
  guint errors = count_verdict (endpoints, "unreachable");

  g_string_append_printf (text, "<testsuites name=\"signet-audit\" tests=\"%u\" failures=\"%u\" errors=\"%u\">\n"
                                "  <testsuite name=\"access-check\" tests=\"%u\" failures=\"%u\" errors=\"%u\">\n",
                          n, failures, errors, n, failures, errors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);
      SignetAuditVerdict verdict = signet_audit_endpoint_get_verdict (endpoint);
      g_autofree char *case_name = g_strdup_printf ("%s %s", signet_audit_endpoint_get_method (endpoint),
                                                    signet_audit_endpoint_get_path (endpoint));
      g_autofree char *name = xml_attribute (case_name);
      g_autofree char *summary = xml_attribute (signet_audit_endpoint_get_summary (endpoint));
      const char *nick = signet_audit_verdict_to_nick (verdict);

      g_string_append_printf (text, "    <testcase classname=\"signet.audit\" name=\"%s\">", name);
      if (verdict == SIGNET_AUDIT_VERDICT_PROTECTED)
        g_string_append (text, "</testcase>\n");
      else
        g_string_append_printf (text, "\n      <%s type=\"%s\" message=\"%s: %s\"/>\n    </testcase>\n",
                                verdict == SIGNET_AUDIT_VERDICT_UNREACHABLE ? "error" : "failure",
                                nick, nick, summary);
    }
  g_string_append (text, "  </testsuite>\n</testsuites>\n");
  return g_string_free (text, FALSE);
}

/**
 * signet_audit_report:
 * @endpoints: (element-type SignetAuditEndpoint): an access check's results
 * @format: the kind of report
 *
 * Returns: (transfer full): the report's text
 */
char *
signet_audit_report (GListModel              *endpoints,
                     SignetAuditReportFormat  format)
{
  switch (format)
    {
    case SIGNET_AUDIT_REPORT_MARKDOWN:
      return to_markdown (endpoints);
    case SIGNET_AUDIT_REPORT_JSON:
      return to_json (endpoints);
    case SIGNET_AUDIT_REPORT_JUNIT:
      return to_junit (endpoints);
    default:
      g_return_val_if_reached (NULL);
    }
}
