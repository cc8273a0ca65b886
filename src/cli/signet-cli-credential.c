/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "signet-cli-credential.h"
#include "signet-cli.h"
#include "signet-credential-store.h"
#include "signet-error.h"
#include "signet-secure-memory.h"

/* signet-cli credential add|list|remove: credentials in the system keyring.
 * Exit statuses: 2 for usage errors (a bad command line, or an unusable
 * name, access key ID or secret), 1 when the keyring fails or holds no
 * credential of that name. */

#define LINE_MAX_BYTES 65536

static int
exit_status_for (const GError *error)
{
  if (error->domain == G_OPTION_ERROR || error->domain == SIGNET_ERROR)
    return SIGNET_CLI_EXIT_USAGE;
  return SIGNET_CLI_EXIT_FAILURE;
}

/* Reading secrets. read(2) a byte at a time: no stdio buffer keeps a copy,
 * and nothing past the line is consumed. */

/* Returns the line without surrounding whitespace, or NULL at the end of
 * the input (with @error unset) or on an error. Free with
 * signet_secure_free_string(). */
static char *
read_line (int      fd,
           GError **error)
{
  gsize size = 128;
  gsize length = 0;
  gsize start = 0;
  char *line = g_malloc (size);
  gboolean got_any = FALSE;

  for (;;)
    {
      char c;
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not read standard input: %s"), g_strerror (saved_errno));
          signet_secure_zero (line, size);
          g_free (line);
          return NULL;
        }
      if (n == 0 && !got_any)
        {
          g_free (line);
          return NULL;
        }
      got_any = TRUE;
      if (n == 0 || c == '\n')
        break;

      if (length + 1 >= size)
        {
          char *bigger;

          if (size >= LINE_MAX_BYTES)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("An input line is longer than %d bytes"), LINE_MAX_BYTES);
              signet_secure_zero (line, size);
              g_free (line);
              return NULL;
            }
          bigger = g_malloc (size * 2);
          memcpy (bigger, line, length);
          signet_secure_zero (line, size);
          g_free (line);
          line = bigger;
          size *= 2;
        }
      line[length++] = c;
    }

  /* trim in place and zero what moved, so freeing wipes every byte */
  while (length > 0 && g_ascii_isspace (line[length - 1]))
    line[--length] = '\0';
  while (start < length && g_ascii_isspace (line[start]))
    start++;
  if (start > 0)
    {
      memmove (line, line + start, length - start);
      signet_secure_zero (line + length - start, start);
      length -= start;
    }
  line[length] = '\0';
  return line;
}

static struct termios saved_termios;
static volatile sig_atomic_t echo_disabled;
static const int restore_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* Ctrl+C at a hidden prompt must not leave the terminal without echo. */
static void
restore_echo_and_die (int signum)
{
  if (echo_disabled)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

static char *
prompt_line (const char  *prompt,
             gboolean     hidden,
             GError     **error)
{
  struct sigaction old_actions[G_N_ELEMENTS (restore_signals)];
  struct sigaction action = { 0 };
  struct termios quiet;
  GError *local_error = NULL;
  char *line;

  fputs (prompt, stderr);
  fflush (stderr);

  if (hidden)
    {
      if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not read the terminal's settings: %s"), g_strerror (saved_errno));
          return NULL;
        }
      action.sa_handler = restore_echo_and_die;
      sigemptyset (&action.sa_mask);
      for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
        sigaction (restore_signals[i], &action, &old_actions[i]);

      quiet = saved_termios;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;
      echo_disabled = TRUE;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  line = read_line (STDIN_FILENO, &local_error);

  if (hidden)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved_termios);
      echo_disabled = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
        sigaction (restore_signals[i], &old_actions[i], NULL);
    }

  if (line == NULL && local_error == NULL)
    g_set_error_literal (&local_error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _("No input: the terminal was closed"));
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return line;
}

typedef struct
{
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
} Input;

static void
input_clear (Input *input)
{
  g_clear_pointer (&input->access_key_id, g_free);
  g_clear_pointer (&input->secret_access_key, signet_secure_free_string);
  g_clear_pointer (&input->session_token, signet_secure_free_string);
}

static gboolean
read_input_from_terminal (Input   *input,
                          GError **error)
{
  input->access_key_id = prompt_line (_("Access key ID: "), FALSE, error);
  if (input->access_key_id == NULL)
    return FALSE;
  input->secret_access_key = prompt_line (_("Secret access key (hidden): "), TRUE, error);
  if (input->secret_access_key == NULL)
    return FALSE;
  input->session_token = prompt_line (_("Session token (hidden; empty for none): "), TRUE, error);
  return input->session_token != NULL;
}

/* Line 1 the access key ID, line 2 the secret, optional line 3 the token. */
static gboolean
read_input_from_stdin (Input   *input,
                       GError **error)
{
  GError *local_error = NULL;
  char *extra;

  input->access_key_id = read_line (STDIN_FILENO, &local_error);
  if (input->access_key_id == NULL)
    goto missing;
  input->secret_access_key = read_line (STDIN_FILENO, &local_error);
  if (input->secret_access_key == NULL)
    goto missing;
  input->session_token = read_line (STDIN_FILENO, &local_error);
  if (local_error != NULL)
    goto failed;

  /* a fourth line means the input is not what we think it is */
  while ((extra = read_line (STDIN_FILENO, &local_error)) != NULL)
    {
      gboolean empty = extra[0] == '\0';

      signet_secure_free_string (extra);
      if (!empty)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("Unexpected input after the third line: standard input holds the access "
                                 "key ID, the secret access key and an optional session token, one a line"));
          return FALSE;
        }
    }
  if (local_error != NULL)
    goto failed;
  return TRUE;

missing:
  if (local_error != NULL)
    goto failed;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       input->access_key_id == NULL
                       ? _("Standard input ended before the access key ID: give the access key ID, "
                           "the secret access key and an optional session token, one a line")
                       : _("Standard input ended before the secret access key: give the access key ID, "
                           "the secret access key and an optional session token, one a line"));
  return FALSE;

failed:
  g_propagate_error (error, local_error);
  return FALSE;
}

/* The subcommands */

static int
credential_add (SignetCredentialStore  *store,
                const char             *name,
                GError                **error)
{
  Input input = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  gboolean interactive = isatty (STDIN_FILENO);
  gboolean ok;

  /* a bad name fails before any secret is typed */
  if (!signet_credential_validate_name (name, error))
    return SIGNET_CLI_EXIT_USAGE;

  ok = interactive ? read_input_from_terminal (&input, error) : read_input_from_stdin (&input, error);
  if (ok)
    {
      signet_credential_store_save_async (store, name, input.access_key_id, input.secret_access_key,
                                          input.session_token, NULL, signet_cli_store_result, &result);
      ok = signet_credential_store_save_finish (store, signet_cli_wait_for (&result), error);
    }
  input_clear (&input);

  if (!ok)
    return exit_status_for (*error);
  if (interactive)
    g_printerr (_("Saved “%s” in the keyring\n"), name);
  return SIGNET_CLI_EXIT_OK;
}

static int
credential_list (SignetCredentialStore  *store,
                 const char             *name,
                 GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  signet_credential_store_list_async (store, NULL, signet_cli_store_result, &result);
  infos = signet_credential_store_list_finish (store, signet_cli_wait_for (&result), error);
  if (infos == NULL)
    return exit_status_for (*error);

  for (guint i = 0; i < infos->len; i++)
    {
      const SignetCredentialInfo *info = g_ptr_array_index (infos, i);

      g_print ("%s\t%s\n", info->name, info->access_key_id);
    }
  return SIGNET_CLI_EXIT_OK;
}

static int
credential_remove (SignetCredentialStore  *store,
                   const char             *name,
                   GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_credential_store_remove_async (store, name, NULL, signet_cli_store_result, &result);
  if (!signet_credential_store_remove_finish (store, signet_cli_wait_for (&result), error))
    return exit_status_for (*error);
  return SIGNET_CLI_EXIT_OK;
}

typedef struct
{
  const char *name;
  const char *parameter;
  const char *summary;
  int       (*run) (SignetCredentialStore  *store,
                    const char             *name,
                    GError                **error);
} CredentialCommand;

static const CredentialCommand credential_commands[] = {
  { "add", "NAME",
    N_("Store a credential in the keyring, replacing one of the same name. On a terminal it asks\n"
       "for the access key ID, the secret access key and an optional session token; otherwise it\n"
       "reads them from standard input, one a line."),
    credential_add },
  { "list", NULL,
    N_("Print “NAME<TAB>ACCESS_KEY_ID” for each credential in the keyring; never a secret."),
    credential_list },
  { "remove", "NAME",
    N_("Remove a credential from the keyring."),
    credential_remove },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n\n%s\n", _("Usage: signet-cli credential COMMAND [NAME]"),
           _("AWS credentials in the system keyring."), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (credential_commands); i++)
    {
      const CredentialCommand *command = &credential_commands[i];
      g_autofree char *usage = g_strjoin (" ", command->name, command->parameter, NULL);
      const char *full = _(command->summary);
      /* the first sentence, up to the first period, semicolon or line end */
      g_autofree char *summary = g_strndup (full, strcspn (full, ".;\n"));

      fprintf (stream, "  %-12s %s\n", usage, summary);
    }
  fprintf (stream, "\n%s\n", _("Run “signet-cli credential COMMAND --help” for more."));
}

static int
run_command (const CredentialCommand *command,
             int                      argc,
             char                   **argv)
{
  g_autofree char *prgname = g_strdup_printf ("signet-cli credential %s", command->name);
  g_autoptr(GOptionContext) context = g_option_context_new (command->parameter);
  g_autoptr(SignetCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int expected_argc = command->parameter != NULL ? 2 : 1;
  int status;

  g_option_context_set_summary (context, _(command->summary));
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto usage;
  if (argc < expected_argc)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Give the credential's name: signet-cli credential %s NAME"), command->name);
      goto usage;
    }
  if (argc > expected_argc)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”"), argv[expected_argc]);
      goto usage;
    }

  store = signet_credential_store_new ();
  status = command->run (store, argc > 1 ? argv[1] : NULL, &error);
  if (error != NULL)
    signet_cli_print_error (error);
  return status;

usage:
  signet_cli_print_error (error);
  return SIGNET_CLI_EXIT_USAGE;
}

int
signet_cli_credential (int    argc,
                       char **argv)
{
  if (argc < 2)
    {
      g_printerr (_("signet-cli: missing credential command: use add, list or remove "
                    "(see “signet-cli credential --help”)\n"));
      return SIGNET_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return SIGNET_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (credential_commands); i++)
    if (g_str_equal (argv[1], credential_commands[i].name))
      return run_command (&credential_commands[i], argc - 1, argv + 1);

  g_printerr (_("signet-cli: unknown credential command “%s”: use add, list or remove\n"), argv[1]);
  return SIGNET_CLI_EXIT_USAGE;
}
