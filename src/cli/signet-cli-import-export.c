/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "signet-cli-collection.h"
#include "signet-cli-import-export.h"
#include "signet-cli-request-options.h"
#include "signet-cli.h"
#include "signet-collection.h"
#include "signet-export-curl.h"
#include "signet-export-postman.h"
#include "signet-import-curl.h"
#include "signet-import-openapi.h"
#include "signet-import-postman.h"
#include "signet-import-save.h"

/* `signet-cli import` writes a Signet collection folder from a Postman
 * collection, an OpenAPI document or a curl command; `signet-cli export`
 * writes a collection (a folder or a Postman file) as Postman v2.1 or as
 * curl commands. Neither ever writes a secret: those an import finds are
 * named on stderr, for the keyring. */

/* @missing and @extra are whole sentences, so translators see them whole. */
static gboolean
parse_one_argument (GOptionContext  *context,
                    const char      *missing,
                    const char      *extra,
                    int             *argc,
                    char          ***argv,
                    GError         **error)
{
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           *argc < 2 ? missing : extra);
      return FALSE;
    }
  return TRUE;
}

static SignetImportResult *
import_source (const char  *from,
               const char  *path,
               GError     **error)
{
  gsize length = 0;
  g_autofree char *text = signet_cli_read_text (path, &length, error);
  SignetImportResult *result;

  if (text == NULL)
    return NULL;
  if (g_str_equal (from, "postman"))
    result = signet_import_postman (text, length, error);
  else if (g_str_equal (from, "openapi"))
    result = signet_import_openapi (text, length, error);
  else
    result = signet_import_curl (g_strstrip (text), error);

  if (result == NULL)
    g_prefix_error (error, "%s: ", path);
  return result;
}

/* The core's save, waited for: a terminal has no main loop to keep free. */
static gboolean
save_import (SignetImportResult  *imported,
             GFile               *dir,
             GError             **error)
{
  g_autoptr(GAsyncResult) saved = NULL;

  signet_import_save_async (imported, dir, NULL, NULL, signet_cli_store_result, &saved);
  return signet_import_save_finish (signet_cli_wait_for (&saved), error);
}

/* What was left out, on stderr: never a secret's value. */
static void
print_left_out (SignetImportResult *imported)
{
  signet_cli_print_import_warnings (imported);
  for (guint i = 0; i < signet_import_result_get_n_secrets (imported); i++)
    g_printerr (signet_import_result_get_secret_kind (imported, i) == SIGNET_IMPORT_SECRET_SESSION_TOKEN
                ? _("signet-cli: not written: the session token in %s; keep it in the keyring "
                    "(“signet-cli credential add NAME”)\n")
                : _("signet-cli: not written: the secret access key in %s; keep it in the keyring "
                    "(“signet-cli credential add NAME”)\n"),
                signet_import_result_get_secret_where (imported, i));
}

int
signet_cli_import (int    argc,
                   char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("What FILE holds: postman, openapi or curl"), N_("FORMAT") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("The Signet collection folder to write (new or empty)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE|-");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetImportResult) imported = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *summary = g_strdup_printf (_("Write a Signet collection folder from a Postman v2.1 "
                                                "collection, an OpenAPI 3 or Swagger 2 document, or a "
                                                "curl command.\nSecrets are never written; the source's "
                                                "variables go to the environment “%s”."),
                                              SIGNET_IMPORT_ENVIRONMENT);
  guint n_requests;
  int status = SIGNET_CLI_EXIT_USAGE;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("signet-cli import");
  if (!parse_one_argument (context, _("A FILE to import (or - for standard input) is needed"),
                           _("Give one FILE to import (or - for standard input)"), &argc, &argv, &error))
    goto out;
  if (from == NULL || !(g_str_equal (from, "postman") || g_str_equal (from, "openapi") ||
                        g_str_equal (from, "curl")))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give --from postman, openapi or curl"));
      goto out;
    }
  if (to == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give --to DIR, the collection folder to write"));
      goto out;
    }
  dir = g_file_new_for_commandline_arg (to);
  if (!signet_import_save_check_dir (dir, NULL, &error))
    goto out;

  imported = import_source (from, argv[1], &error);
  if (imported == NULL)
    goto out;
  print_left_out (imported);

  status = SIGNET_CLI_EXIT_FAILURE;  /* from here on, the disk failed us */
  if (!save_import (imported, dir, &error))
    goto out;

  n_requests = signet_import_result_get_n_requests (imported);
  g_print (ngettext ("Imported %u request into %s\n", "Imported %u requests into %s\n", n_requests),
           n_requests, to);
  status = SIGNET_CLI_EXIT_OK;

out:
  if (error != NULL)
    signet_cli_print_error (error);
  return status;
}

/* Every request as a curl command, each under a comment naming it. */
static char *
export_curl (SignetCliCollection *collection)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < signet_import_result_get_n_requests (collection->contents); i++)
    {
      SignetRequest *request = signet_import_result_get_request (collection->contents, i);
      g_autofree char *folder = signet_cli_collection_dup_folder (collection, i);
      const char *name = signet_import_result_get_request_name (collection->contents, i);
      g_auto(GStrv) warnings = NULL;
      g_autofree char *command = signet_export_curl (request,
                                                     signet_request_get_session_ref (request)[0] != '\0',
                                                     &warnings);

      for (guint j = 0; warnings != NULL && warnings[j] != NULL; j++)
        g_printerr (_("signet-cli: warning: %s: %s\n"), name, warnings[j]);
      g_string_append_printf (text, "%s# %s%s%s\n%s\n", i > 0 ? "\n" : "", folder,
                              folder[0] != '\0' ? "/" : "", name, command);
    }
  return g_string_free (text, FALSE);
}

/* An environment's variables, as the collection's. */
static gboolean
add_environment (SignetCliCollection  *collection,
                 const char           *name,
                 GError              **error)
{
  g_autoptr(SignetEnvironment) environment = signet_cli_collection_load_environment (collection, name, error);

  if (environment == NULL)
    return FALSE;
  signet_import_result_add_environment (collection->contents, environment);
  return TRUE;
}

int
signet_cli_export (int    argc,
                   char **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *env = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("What to write: postman or curl"), N_("FORMAT") },
    { "env", 0, 0, G_OPTION_ARG_STRING, &env,
      N_("Write this environment's variables (but secret ones) as the Postman collection's"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (default: standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("COLLECTION");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetCliCollection) collection = NULL;
  g_autofree char *text = NULL;
  int status = SIGNET_CLI_EXIT_USAGE;

  g_option_context_set_summary (context,
                                _("Write a Signet collection folder (or a Postman file) as a Postman v2.1 "
                                  "collection or as curl commands.\nNo secret is written: keys are "
                                  "{{variable}} references, or AWS_* for curl."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("signet-cli export");
  if (!parse_one_argument (context, _("A COLLECTION (a Signet collection folder or a Postman file) is needed"),
                           _("Give one COLLECTION"),
                           &argc, &argv, &error))
    goto out;
  if (to == NULL || !(g_str_equal (to, "postman") || g_str_equal (to, "curl")))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give --to postman or curl"));
      goto out;
    }

  collection = signet_cli_collection_load (argv[1], &error);
  if (collection == NULL || (env != NULL && !add_environment (collection, env, &error)))
    goto out;

  status = SIGNET_CLI_EXIT_FAILURE;
  if (g_str_equal (to, "postman"))
    {
      g_autofree char *json = signet_export_postman (collection->contents, &error);

      if (json == NULL)
        goto out;
      text = g_strconcat (json, "\n", NULL);
    }
  else
    text = export_curl (collection);

  if (output == NULL)
    fputs (text, stdout);
  else if (!g_file_set_contents (output, text, -1, &error))
    goto out;
  status = SIGNET_CLI_EXIT_OK;

out:
  if (error != NULL)
    signet_cli_print_error (error);
  return status;
}
