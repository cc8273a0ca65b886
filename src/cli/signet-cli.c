/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "signet-cli-audit.h"
#include "signet-cli-credential.h"
#include "signet-cli-import-export.h"
#include "signet-cli-run.h"
#include "signet-cli-send.h"
#include "signet-cli-sign.h"
#include "signet-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} SignetCliCommand;

static const SignetCliCommand commands[] = {
  { "sign", signet_cli_sign, N_("Sign a request with AWS Signature Version 4 and print it") },
  { "send", signet_cli_send, N_("Send a request, signed, and print the response") },
  { "credential", signet_cli_credential, N_("Add, list or remove AWS credentials in the system keyring") },
  { "audit", signet_cli_audit, N_("Check that every endpoint refuses callers who are not signed in") },
  { "run", signet_cli_run, N_("Run a collection's requests in order and check their answers") },
  { "import", signet_cli_import, N_("Write a Signet collection from Postman, OpenAPI or curl") },
  { "export", signet_cli_export, N_("Write a collection as Postman v2.1 or curl commands") },
};

/* One clear line, never a secret: messages only name what was wrong. */
void
signet_cli_print_error (const GError *error)
{
  g_printerr ("signet-cli: %s\n", error->message);
}

void
signet_cli_store_result (GObject      *source_object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

GAsyncResult *
signet_cli_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: signet-cli COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “signet-cli COMMAND --help” for a command's options."));
}

int
main (int    argc,
      char **argv)
{
  /* Translated where a translation exists; the core's messages (the
   * explanations of API Gateway's answers) share the domain. Output meant
   * for scripts (JSON, requests, bodies) is never translated. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("signet-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return SIGNET_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return SIGNET_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("signet-cli %s\n", PACKAGE_VERSION);
      return SIGNET_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  /* Translators: %s is the command the user typed */
  g_printerr (_("signet-cli: unknown command “%s”; run “signet-cli --help”\n"), argv[1]);
  return SIGNET_CLI_EXIT_USAGE;
}
