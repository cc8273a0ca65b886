/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "signet-audit-report.h"
#include "signet-audit.h"
#include "signet-cli-audit.h"
#include "signet-cli-env-credentials.h"
#include "signet-cli.h"
#include "signet-credential-store.h"
#include "signet-environment.h"
#include "signet-import-openapi.h"
#include "signet-import-postman.h"

/* signet-cli audit: the access check of a collection folder or an
 * OpenAPI/Swagger (or Postman) file, a table on stdout, reports on
 * request. Exit 0 when every endpoint is protected, 1 when any is not, 2
 * for usage errors or when no endpoint could be reached. */

#define DEFAULT_TIMEOUT_SECONDS 30
#define MAX_SOURCE_BYTES (64 * 1024 * 1024)

typedef struct
{
  SignetAuditReportFormat  format;
  char                    *path;
} Report;

typedef struct
{
  char               *env_name;
  char              **vars;
  char               *base_url;
  char               *region;
  char               *service;
  char               *credential_name;
  int                 concurrency;
  GArray             *reports;
  GHashTable         *var_table;
  SignetEnvironment  *environment;
  SignetCollection   *collection;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->env_name);
  g_strfreev (options->vars);
  g_free (options->base_url);
  g_free (options->region);
  g_free (options->service);
  g_free (options->credential_name);
  g_clear_pointer (&options->reports, g_array_unref);
  g_clear_pointer (&options->var_table, g_hash_table_unref);
  g_clear_object (&options->environment);
  g_clear_object (&options->collection);
}

static void
report_clear (gpointer data)
{
  g_free (((Report *) data)->path);
}

/* "--report FORMAT FILE" takes two values, which GOption cannot: they
 * are taken out of argv before it parses the rest. */
static gboolean
take_reports (Options   *options,
              int       *argc,
              char    ***argv,
              GError   **error)
{
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      Report report = { 0 };

      if (g_str_equal ((*argv)[i], "--"))
        {
          while (i < *argc)
            (*argv)[kept++] = (*argv)[i++];
          break;
        }
      if (!g_str_equal ((*argv)[i], "--report"))
        {
          (*argv)[kept++] = (*argv)[i];
          continue;
        }
      if (i + 2 >= *argc)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--report needs a format (md, json or junit) and a file"));
          return FALSE;
        }
      if (!signet_audit_report_format_parse ((*argv)[i + 1], &report.format))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown report format “%s”: use md, json or junit"), (*argv)[i + 1]);
          return FALSE;
        }
      report.path = g_strdup ((*argv)[i + 2]);
      g_array_append_val (options->reports, report);
      i += 2;
    }
  (*argv)[kept] = NULL;
  *argc = kept;
  return TRUE;
}

static gboolean
parse_options (Options   *options,
               int       *argc,
               char    ***argv,
               char     **source,
               GError   **error)
{
  const GOptionEntry entries[] = {
    { "env", 0, 0, G_OPTION_ARG_STRING, &options->env_name,
      N_("Use this environment of the collection for {{variables}}"), N_("NAME") },
    { "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->vars,
      N_("Set a variable (or a path parameter); wins over the environment"), N_("NAME=VALUE") },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &options->base_url,
      N_("Probe this server URL (stage included) instead of the document's"), "URL" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &options->region, N_("Sign for this region"), "R" },
    { "service", 0, 0, G_OPTION_ARG_STRING, &options->service, N_("Sign for this service"), "S" },
    { "credential", 0, 0, G_OPTION_ARG_STRING, &options->credential_name,
      N_("Sign with this credential from the keyring (else the AWS_* variables)"), N_("NAME") },
    { "concurrency", 0, 0, G_OPTION_ARG_INT, &options->concurrency,
      N_("Probes in flight at once (default 4)"), "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("(COLLECTION | OPENAPI_FILE)");

  g_option_context_set_summary (context,
                                _("Check who can get in: probe every endpoint unsigned, signed by an unknown "
                                  "key, with a tampered signature and properly signed.\n"
                                  "--report md|json|junit FILE (repeatable) writes a report.\n"
                                  "Exit status: 0 all protected, 1 any open, weak, broken or unreachable, "
                                  "2 usage error or nothing reached."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  g_set_prgname ("signet-cli audit");

  options->concurrency = SIGNET_AUDIT_DEFAULT_CONCURRENCY;
  options->reports = g_array_new (FALSE, TRUE, sizeof (Report));
  g_array_set_clear_func (options->reports, report_clear);
  if (!take_reports (options, argc, argv, error) ||
      !g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give one collection folder or OpenAPI file (see --help)"));
      return FALSE;
    }
  if (options->concurrency < 1 || options->concurrency > SIGNET_AUDIT_MAX_CONCURRENCY)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Bad --concurrency %d: give 1 to %d"), options->concurrency,
                   SIGNET_AUDIT_MAX_CONCURRENCY);
      return FALSE;
    }
  if (options->base_url != NULL &&
      (!g_uri_is_valid (options->base_url, G_URI_FLAGS_NONE, NULL) ||
       (!g_str_has_prefix (options->base_url, "http://") &&
        !g_str_has_prefix (options->base_url, "https://"))))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Bad --base-url “%s”: give an absolute URL such as "
                     "https://abc123.execute-api.us-west-2.amazonaws.com/test"), options->base_url);
      return FALSE;
    }

  options->var_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; options->vars != NULL && options->vars[i] != NULL; i++)
    {
      char *name, *value;

      if (!signet_variables_parse_assignment (options->vars[i], &name, &value, error))
        return FALSE;
      g_hash_table_replace (options->var_table, name, value);
    }
  *source = g_strdup ((*argv)[1]);
  return TRUE;
}

/* The credential whose requests should get in: --credential from the
 * keyring, else the AWS_* variables. */
static SignetAwsAuth *
load_auth (Options  *options,
           GError  **error)
{
  g_autoptr(SignetCliEnvCredentials) env = NULL;
  SignetAwsAuth *auth;

  if (options->credential_name != NULL)
    {
      g_autoptr(SignetCredentialStore) store = signet_credential_store_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(SignetCredential) credential = NULL;

      signet_credential_store_lookup_async (store, options->credential_name, NULL,
                                            signet_cli_store_result, &result);
      credential = signet_credential_store_lookup_finish (store, signet_cli_wait_for (&result), error);
      if (credential == NULL)
        return NULL;
      auth = signet_aws_auth_new (credential->access_key_id, credential->secret_access_key,
                                  credential->session_token);
    }
  else
    {
      env = signet_cli_env_credentials_load ();
      if (env == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("The access check needs a credential that may call the API: "
                                 "--credential NAME, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"));
          return NULL;
        }
      auth = signet_aws_auth_new (env->access_key_id, env->secret_access_key, env->session_token);
    }
  auth->region = g_strdup (options->region);
  auth->service = g_strdup (options->service);
  return auth;
}

static gboolean
load_collection (Options  *options,
                 GFile    *dir,
                 GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *name = g_file_get_basename (dir);
  GPtrArray *load_errors;

  options->collection = signet_collection_new (dir, name);
  signet_collection_load_async (options->collection, NULL, signet_cli_store_result, &result);
  if (!signet_collection_load_finish (options->collection, signet_cli_wait_for (&result), error))
    return FALSE;
  load_errors = signet_collection_get_load_errors (options->collection);
  for (guint i = 0; load_errors != NULL && i < load_errors->len; i++)
    g_printerr (_("signet-cli: skipped: %s\n"), ((GError *) g_ptr_array_index (load_errors, i))->message);

  if (options->env_name != NULL)
    {
      g_autofree char *slug = signet_collection_slugify (options->env_name);

      g_clear_object (&result);
      signet_environment_load_async (dir, slug, NULL, signet_cli_store_result, &result);
      options->environment = signet_environment_load_finish (signet_cli_wait_for (&result), error);
      if (options->environment == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A Postman collection says so in info.schema; anything else is read as
 * OpenAPI or Swagger. */
static gboolean
looks_like_postman (const char *data)
{
  return strstr (data, "schema.getpostman.com") != NULL;
}

static gboolean
add_endpoints (SignetAudit  *audit,
               Options      *options,
               const char   *source_path,
               GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (source_path);
  g_autoptr(SignetVariableChain) chain = signet_variable_chain_new ();
  g_autoptr(SignetImportResult) imported = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  SignetAuditSource source = { signet_variable_chain_lookup, chain, options->base_url };
  gboolean postman;

  signet_variable_chain_append (chain, signet_variables_lookup_table, options->var_table);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      if (!load_collection (options, file, error))
        return FALSE;
      if (options->environment != NULL)
        signet_variable_chain_append (chain, signet_environment_lookup, options->environment);
      return signet_audit_add_collection (audit, options->collection, NULL, &source, error);
    }

  if (options->env_name != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--env needs a collection folder; give an OpenAPI file's values with --var"));
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return FALSE;
  if (length > MAX_SOURCE_BYTES)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s is too large to read"), source_path);
      return FALSE;
    }
  postman = looks_like_postman (data);
  imported = postman ? signet_import_postman (data, length, error)
                     : signet_import_openapi (data, length, error);
  if (imported == NULL)
    return FALSE;
  return signet_audit_add_import_result (audit, imported, postman ? NULL : data, &source, error);
}

static void
on_probe_finished (SignetAudit         *audit,
                   SignetAuditEndpoint *endpoint,
                   guint                probe,
                   gpointer             user_data)
{
  guint n_probes = signet_audit_get_n_probes (audit);
  g_autofree char *progress = g_strdup_printf (ngettext ("signet-cli: %u/%u probe", "signet-cli: %u/%u probes",
                                                         n_probes),
                                               signet_audit_get_n_probes_done (audit), n_probes);

  /* back to the line's start: each count overwrites the last */
  g_printerr ("\r%s", progress);
}

/* verdict, method, path, then one status per probe */
#define N_COLUMNS (3 + SIGNET_AUDIT_N_PROBES)
#define PATH_COLUMN 2

/* Padded by characters, not bytes: a translated heading may not be ASCII. */
static void
print_row (const char * const *cells,
           const glong        *widths)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_string_append (line, cells[c]);
      if (c + 1 == N_COLUMNS)
        break;
      for (glong n = g_utf8_strlen (cells[c], -1); n < widths[c]; n++)
        g_string_append_c (line, ' ');
      g_string_append_c (line, ' ');
    }
  g_print ("%s\n", line->str);
}

/* The headings are for people; the cells (verdict nicks, methods, paths,
 * statuses) and the summary line stay as scripts read them. */
static void
print_table (SignetAudit *audit)
{
  GListModel *endpoints = signet_audit_get_endpoints (audit);
  guint n = g_list_model_get_n_items (endpoints);
  const char *headings[N_COLUMNS] = {
    /* Translators: the audit table's column headings, in capitals like a terminal table's */
    _("VERDICT"), _("METHOD"), _("PATH"), _("UNSIGNED"), _("UNKNOWN-KEY"), _("TAMPERED"), _("SIGNED")
  };
  glong widths[N_COLUMNS] = { 12, 7, 0, 8, 11, 8, 0 };

  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = MAX (widths[c], g_utf8_strlen (headings[c], -1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      widths[PATH_COLUMN] = MAX (widths[PATH_COLUMN],
                                 g_utf8_strlen (signet_audit_endpoint_get_path (endpoint), -1));
    }

  print_row (headings, widths);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);
      char status[SIGNET_AUDIT_N_PROBES][16];
      const char *cells[N_COLUMNS] = {
        signet_audit_verdict_to_nick (signet_audit_endpoint_get_verdict (endpoint)),
        signet_audit_endpoint_get_method (endpoint),
        signet_audit_endpoint_get_path (endpoint),
      };

      for (guint p = 0; p < SIGNET_AUDIT_N_PROBES; p++)
        {
          guint code = signet_audit_endpoint_get_probe_status (endpoint, p);

          if (code > 0)
            g_snprintf (status[p], sizeof status[p], "%u", code);
          else
            g_strlcpy (status[p], "-", sizeof status[p]);
          cells[3 + p] = status[p];
        }
      print_row (cells, widths);
    }
  g_print ("%u endpoints: %u protected, %u open, %u weak, %u broken, %u unreachable\n", n,
           signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_PROTECTED),
           signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_OPEN),
           signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_WEAK),
           signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_BROKEN),
           signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_UNREACHABLE));
}

/* Why each unreachable endpoint got no answer, once per message. */
static void
print_failures (SignetAudit *audit)
{
  GListModel *endpoints = signet_audit_get_endpoints (audit);
  g_autoptr(GHashTable) said = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);
      const char *summary = signet_audit_endpoint_get_summary (endpoint);

      if (signet_audit_endpoint_get_verdict (endpoint) == SIGNET_AUDIT_VERDICT_UNREACHABLE &&
          g_hash_table_add (said, (char *) summary))
        g_printerr ("signet-cli: %s %s: %s\n", signet_audit_endpoint_get_method (endpoint),
                    signet_audit_endpoint_get_path (endpoint), summary);
    }
}

static gboolean
write_reports (SignetAudit  *audit,
               GArray       *reports,
               GError      **error)
{
  for (guint i = 0; i < reports->len; i++)
    {
      const Report *report = &g_array_index (reports, Report, i);
      g_autofree char *text = signet_audit_report (signet_audit_get_endpoints (audit), report->format);

      if (!g_file_set_contents (report->path, text, -1, error))
        return FALSE;
    }
  return TRUE;
}

static int
exit_status (SignetAudit *audit)
{
  guint n = g_list_model_get_n_items (signet_audit_get_endpoints (audit));

  if (signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_UNREACHABLE) == n)
    return SIGNET_CLI_EXIT_USAGE;
  if (signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_PROTECTED) == n)
    return SIGNET_CLI_EXIT_OK;
  return SIGNET_CLI_EXIT_FAILURE;
}

int
signet_cli_audit (int    argc,
                  char **argv)
{
  Options options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SignetAudit) audit = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  int status = SIGNET_CLI_EXIT_USAGE;
  gboolean progress = isatty (STDERR_FILENO);

  if (!parse_options (&options, &argc, &argv, &source, &error))
    goto out;
  auth = load_auth (&options, &error);
  if (auth == NULL)
    {
      if (!g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED))
        status = SIGNET_CLI_EXIT_FAILURE;  /* the keyring failed, or no such credential */
      goto out;
    }

  /* As many connections to a host as probes in flight. */
  session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT_SECONDS,
                                           "max-conns", options.concurrency * 2,
                                           "max-conns-per-host", options.concurrency, NULL);
  audit = signet_audit_new (session);
  signet_audit_set_auth (audit, auth);
  signet_audit_set_concurrency (audit, options.concurrency);
  if (!add_endpoints (audit, &options, source, &error))
    goto out;
  if (g_list_model_get_n_items (signet_audit_get_endpoints (audit)) == 0)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("%s has no requests to check"), source);
      goto out;
    }

  if (progress)
    g_signal_connect (audit, "probe-finished", G_CALLBACK (on_probe_finished), NULL);
  signet_audit_run_async (audit, NULL, signet_cli_store_result, &result);
  signet_cli_wait_for (&result);
  if (progress)
    g_printerr ("\n");
  if (!signet_audit_run_finish (audit, result, &error))
    goto out;

  print_table (audit);
  print_failures (audit);
  if (!write_reports (audit, options.reports, &error))
    goto out;
  status = exit_status (audit);

out:
  if (error != NULL)
    signet_cli_print_error (error);
  options_clear (&options);
  return status;
}
