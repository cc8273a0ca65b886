/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-request-json.h"
#include "signet-run-report.h"

/* Reports of a run for CI: JSON for scripts, JUnit XML for the test views
 * of CI systems. They hold what the run lines show (URLs already
 * redacted, no header, no body), so they are safe to keep as artifacts. */

guint
signet_run_report_count_failed (const SignetRunReport *report)
{
  guint failed = 0;

  for (guint i = 0; i < report->results->len; i++)
    if (!((SignetRunResult *) g_ptr_array_index (report->results, i))->passed)
      failed++;
  return failed;
}

static double
to_ms (gint64 us)
{
  return us / 1000.0;
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_member_int (JsonBuilder *builder,
                const char  *member,
                gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_result (JsonBuilder           *builder,
            const SignetRunResult *result)
{
  g_autofree char *failure = signet_run_result_dup_failure (result);

  json_builder_begin_object (builder);
  add_member_int (builder, "iteration", result->iteration);
  add_member_string (builder, "folder", result->folder);
  add_member_string (builder, "name", result->name);
  add_member_string (builder, "method", result->method);
  add_member_string (builder, "url", result->url);
  json_builder_set_member_name (builder, "status");
  if (result->status != 0)
    json_builder_add_int_value (builder, result->status);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "expectedStatus");
  if (result->expected_status != 0)
    json_builder_add_int_value (builder, result->expected_status);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "passed");
  json_builder_add_boolean_value (builder, result->passed);
  json_builder_set_member_name (builder, "timeMs");
  json_builder_add_double_value (builder, to_ms (result->elapsed_us));
  add_member_string (builder, "failure", failure);
  json_builder_end_object (builder);
}

/**
 * signet_run_report_to_json:
 * @report: a finished run
 *
 * Returns: (transfer full): `{"collection", "summary": {...}, "results": [...]}`
 */
char *
signet_run_report_to_json (const SignetRunReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint failed = signet_run_report_count_failed (report);

  json_builder_begin_object (builder);
  add_member_string (builder, "collection", report->collection);
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  add_member_int (builder, "iterations", report->iterations);
  add_member_int (builder, "requests", report->results->len);
  add_member_int (builder, "passed", report->results->len - failed);
  add_member_int (builder, "failed", failed);
  json_builder_set_member_name (builder, "timeMs");
  json_builder_add_double_value (builder, to_ms (report->elapsed_us));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->results->len; i++)
    add_result (builder, g_ptr_array_index (report->results, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return signet_json_to_file_text (root);
}

static void
append_seconds (GString *xml,
                gint64   us)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (xml, g_ascii_formatd (buffer, sizeof buffer, "%.3f", us / 1000000.0));
}

/* One <testcase>; its name tells the iteration when there are several. */
static void
append_testcase (GString               *xml,
                 const SignetRunReport *report,
                 const SignetRunResult *result)
{
  g_autofree char *name = report->iterations > 1
                          ? g_strdup_printf ("%s (iteration %u)", result->name, result->iteration)
                          : g_strdup (result->name);
  g_autofree char *classname = result->folder[0] != '\0'
                               ? g_strdup_printf ("%s.%s", report->collection, result->folder)
                               : g_strdup (report->collection);
  g_autofree char *failure = signet_run_result_dup_failure (result);
  g_autofree char *open = g_markup_printf_escaped ("    <testcase classname=\"%s\" name=\"%s\" time=\"",
                                                   classname, name);
  g_autofree char *body = NULL;

  g_string_append (xml, open);
  append_seconds (xml, result->elapsed_us);
  if (failure == NULL)
    {
      g_string_append (xml, "\"/>\n");
      return;
    }

  body = g_markup_printf_escaped ("\">\n      <failure message=\"%s\">%s %s</failure>\n"
                                  "    </testcase>\n", failure, result->method, result->url);
  g_string_append (xml, body);
}

/**
 * signet_run_report_to_junit:
 * @report: a finished run
 *
 * Returns: (transfer full): the run as JUnit XML: one <testsuite> for the
 *   collection, one <testcase> per request run
 */
char *
signet_run_report_to_junit (const SignetRunReport *report)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *collection = g_markup_escape_text (report->collection, -1);
  guint failed = signet_run_report_count_failed (report);

  g_string_append_printf (xml, "<testsuites name=\"%s\" tests=\"%u\" failures=\"%u\" time=\"",
                          collection, report->results->len, failed);
  append_seconds (xml, report->elapsed_us);
  g_string_append_printf (xml, "\">\n  <testsuite name=\"%s\" tests=\"%u\" failures=\"%u\" "
                          "errors=\"0\" time=\"", collection, report->results->len, failed);
  append_seconds (xml, report->elapsed_us);
  g_string_append (xml, "\">\n");
  for (guint i = 0; i < report->results->len; i++)
    append_testcase (xml, report, g_ptr_array_index (report->results, i));
  g_string_append (xml, "  </testsuite>\n</testsuites>\n");
  return g_string_free (xml, FALSE);
}
