/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "signet-cli-collection.h"
#include "signet-cli-env-credentials.h"
#include "signet-cli-run.h"
#include "signet-cli.h"
#include "signet-error.h"
#include "signet-run-report.h"
#include "signet-runner.h"

/* `signet-cli run`: options and printing. The running itself is
 * SignetRunner's, in the core, so that the app can run a collection too. */

#define DEFAULT_TIMEOUT_SECONDS 30

typedef enum
{
  REPORTER_CLI,
  REPORTER_JSON,
  REPORTER_JUNIT,
} Reporter;

typedef struct
{
  char     *env;
  char    **vars;
  char     *folder;
  int       iterations;
  char     *reporter;
  char     *report;
} RunOptions;

typedef struct
{
  FILE  *lines;       /* stdout, or stderr when the report goes to stdout */
  guint  iterations;
} Printer;

static void
run_options_clear (RunOptions *options)
{
  g_free (options->env);
  g_strfreev (options->vars);
  g_free (options->folder);
  g_free (options->reporter);
  g_free (options->report);
}

static gboolean
parse_reporter (const char  *name,
                Reporter    *reporter,
                GError     **error)
{
  if (name == NULL || g_str_equal (name, "cli"))
    *reporter = REPORTER_CLI;
  else if (g_str_equal (name, "json"))
    *reporter = REPORTER_JSON;
  else if (g_str_equal (name, "junit"))
    *reporter = REPORTER_JUNIT;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Bad --reporter “%s”: give cli, json or junit"), name);
      return FALSE;
    }
  return TRUE;
}

/* --var NAME=VALUE, the later of two for one name winning. */
static GHashTable *
parse_vars (char   **vars,
            GError **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; vars != NULL && vars[i] != NULL; i++)
    {
      char *name = NULL;
      char *value = NULL;

      if (!signet_variables_parse_assignment (vars[i], &name, &value, error))
        {
          g_prefix_error (error, _("Bad --var: "));
          return NULL;
        }
      g_hash_table_replace (table, name, value);
    }
  return g_steal_pointer (&table);
}

static GHashTable *
collection_variables (SignetImportResult *contents)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *variables = signet_import_result_get_variables (contents);

  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (variables, i);

      g_hash_table_replace (table, g_strdup (signet_request_row_get_name (row)),
                            g_strdup (signet_request_row_get_value (row)));
    }
  return table;
}

static gboolean
has_folder (SignetCliCollection *collection,
            const char          *folder)
{
  for (guint i = 0; i < signet_import_result_get_n_requests (collection->contents); i++)
    {
      g_autofree char *request_folder = signet_cli_collection_dup_folder (collection, i);

      if (g_str_equal (request_folder, folder))
        return TRUE;
    }
  return FALSE;
}

/* Any request that names a keyring credential: only then is the keyring
 * opened, so that a run without one starts fast and needs no D-Bus. */
static gboolean
needs_keyring (SignetImportResult *contents)
{
  for (guint i = 0; i < signet_import_result_get_n_requests (contents); i++)
    if (signet_request_get_credential_name (signet_import_result_get_request (contents, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* One line per request: what was sent and what came back. Not
 * translated: scripts read PASS/FAIL and the columns. */
static void
on_result (SignetRunner    *runner,
           SignetRunResult *result,
           Printer         *printer)
{
  g_autofree char *failure = signet_run_result_dup_failure (result);
  g_autofree char *iteration = printer->iterations > 1
                               ? g_strdup_printf ("#%u ", result->iteration) : g_strdup ("");
  g_autofree char *status = result->status != 0 ? g_strdup_printf ("%u", result->status)
                                                : g_strdup ("---");

  fprintf (printer->lines, "%s  %s%s%s%s  %s %s  %s  %.1f ms%s%s%s\n",
           result->passed ? "PASS" : "FAIL", iteration,
           result->folder, result->folder[0] != '\0' ? "/" : "", result->name,
           result->method, result->url, status, result->elapsed_us / 1000.0,
           failure ? "  (" : "", failure ? failure : "", failure ? ")" : "");
  fflush (printer->lines);
}

/* Not translated either: scripts read the counts. */
static void
print_summary (FILE                  *stream,
               const SignetRunReport *report)
{
  guint failed = signet_run_report_count_failed (report);

  fprintf (stream, "%u request%s, %u passed, %u failed (%u iteration%s, %.1f ms)\n",
           report->results->len, report->results->len == 1 ? "" : "s",
           report->results->len - failed, failed,
           report->iterations, report->iterations == 1 ? "" : "s",
           report->elapsed_us / 1000.0);
}

static gboolean
write_report (Reporter                reporter,
              const char             *path,
              const SignetRunReport  *report,
              GError                **error)
{
  g_autofree char *text = reporter == REPORTER_JSON ? signet_run_report_to_json (report)
                                                    : signet_run_report_to_junit (report);

  if (path == NULL)
    {
      fputs (text, stdout);
      fflush (stdout);
      return TRUE;
    }
  if (!g_file_set_contents (path, text, -1, error))
    {
      g_prefix_error (error, _("Cannot write the report: "));
      return FALSE;
    }
  return TRUE;
}

/* The requests of --folder (or all) into the runner, in the
 * collection's order. */
static void
add_requests (SignetRunner        *runner,
              SignetCliCollection *collection,
              const char          *only_folder)
{
  for (guint i = 0; i < signet_import_result_get_n_requests (collection->contents); i++)
    {
      g_autofree char *folder = signet_cli_collection_dup_folder (collection, i);

      if (only_folder != NULL && !g_str_equal (folder, only_folder))
        continue;
      signet_runner_add (runner, folder,
                         signet_import_result_get_request_name (collection->contents, i),
                         signet_import_result_get_request (collection->contents, i));
    }
}

int
signet_cli_run (int    argc,
                char **argv)
{
  RunOptions options = { .iterations = 1 };
  const GOptionEntry entries[] = {
    { "env", 0, 0, G_OPTION_ARG_STRING, &options.env,
      N_("Use this environment of the collection (for a Postman file: a Postman environment file)"), N_("NAME") },
    { "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.vars,
      N_("Set a variable, over the environment's and the collection's"), N_("NAME=VALUE") },
    { "folder", 0, 0, G_OPTION_ARG_STRING, &options.folder, N_("Run only the requests of this folder"), N_("NAME") },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &options.iterations, N_("Run the whole collection N times"), "N" },
    { "reporter", 'r', 0, G_OPTION_ARG_STRING, &options.reporter,
      N_("cli (one line per request, the default), json or junit"), "cli|json|junit" },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &options.report,
      N_("Write the json or junit report to FILE (default: standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("COLLECTION");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCliCollection) collection = NULL;
  g_autoptr(GHashTable) vars = NULL;
  g_autoptr(GHashTable) collection_vars = NULL;
  g_autoptr(SignetEnvironment) environment = NULL;
  g_autoptr(SignetVariableChain) chain = signet_variable_chain_new ();
  g_autoptr(SignetCliEnvCredentials) env_credentials = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetCredentialStore) store = NULL;
  g_autoptr(SignetRunner) runner = NULL;
  g_autoptr(GAsyncResult) ran = NULL;
  g_autoptr(GPtrArray) results = NULL;
  SignetRunReport report = { 0 };
  Reporter reporter = REPORTER_CLI;
  Printer printer = { stdout, 1 };
  gint64 started;
  int status = SIGNET_CLI_EXIT_USAGE;

  g_option_context_set_summary (context,
                                _("Run the requests of a Signet collection folder or a Postman v2.1 "
                                  "file, in order, and check their answers.\n"
                                  "Exit status: 0 when every answer is a 2xx or 3xx or the status a "
                                  "request expects, 1 otherwise, 2 for usage errors."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("signet-cli run");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto out;
  if (argc != 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           argc < 2 ? _("A COLLECTION (a Signet collection folder or a Postman file) is needed")
                                    : _("Give one COLLECTION"));
      goto out;
    }
  if (options.iterations < 1)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Bad --iterations %d: give 1 or more"), options.iterations);
      goto out;
    }
  if (!parse_reporter (options.reporter, &reporter, &error))
    goto out;
  if (options.report != NULL && reporter == REPORTER_CLI)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--report needs --reporter json or junit"));
      goto out;
    }
  vars = parse_vars (options.vars, &error);
  if (vars == NULL)
    goto out;

  collection = signet_cli_collection_load (argv[1], &error);
  if (collection == NULL)
    goto out;
  if (options.folder != NULL && !has_folder (collection, options.folder))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s has no folder “%s” with requests in it"), argv[1], options.folder);
      goto out;
    }
  if (options.env != NULL)
    {
      environment = signet_cli_collection_load_environment (collection, options.env, &error);
      if (environment == NULL)
        goto out;
    }

  /* --var over --env over the collection's variables */
  collection_vars = collection_variables (collection->contents);
  signet_variable_chain_append (chain, signet_variables_lookup_table, vars);
  if (environment != NULL)
    signet_variable_chain_append (chain, signet_environment_lookup, environment);
  signet_variable_chain_append (chain, signet_variables_lookup_table, collection_vars);

  session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT_SECONDS, NULL);
  client = signet_client_new (session);
  if (needs_keyring (collection->contents))
    store = signet_credential_store_new ();
  runner = signet_runner_new (client, store);
  env_credentials = signet_cli_env_credentials_load ();
  if (env_credentials != NULL)
    {
      SignetCredential credential = {
        NULL, env_credentials->access_key_id, env_credentials->secret_access_key,
        env_credentials->session_token,
      };

      signet_runner_set_default_credential (runner, &credential);
    }
  add_requests (runner, collection, options.folder);
  /* once the command line is known to be good: a usage error stays one line */
  signet_cli_print_import_warnings (collection->contents);

  if (reporter != REPORTER_CLI && options.report == NULL)
    printer.lines = stderr;
  printer.iterations = (guint) options.iterations;
  g_signal_connect (runner, "result", G_CALLBACK (on_result), &printer);

  started = g_get_monotonic_time ();
  signet_runner_run_async (runner, signet_variable_chain_lookup, chain, (guint) options.iterations,
                           NULL, signet_cli_store_result, &ran);
  results = signet_runner_run_finish (runner, signet_cli_wait_for (&ran), &error);
  if (results == NULL)
    {
      status = SIGNET_CLI_EXIT_FAILURE;  /* only a cancelled run fails; nothing cancels this one */
      goto out;
    }

  report.collection = signet_import_result_get_name (collection->contents);
  if (report.collection == NULL || report.collection[0] == '\0')
    report.collection = argv[1];
  report.results = results;
  report.iterations = (guint) options.iterations;
  report.elapsed_us = g_get_monotonic_time () - started;
  print_summary (printer.lines, &report);
  if (reporter != REPORTER_CLI && !write_report (reporter, options.report, &report, &error))
    goto out;

  status = signet_run_report_count_failed (&report) == 0 ? SIGNET_CLI_EXIT_OK
                                                         : SIGNET_CLI_EXIT_FAILURE;

out:
  if (error != NULL)
    signet_cli_print_error (error);
  run_options_clear (&options);
  return status;
}
