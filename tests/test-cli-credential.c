/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "signet-test-cli.h"
#include "signet-test-fixture.h"
#include "signet-test-keyring.h"

/* Runs the real `signet-cli credential` with secrets on standard input,
 * against libsecret's file backend in a fresh temp dir or, under
 * tests/run-with-gnome-keyring.sh, a throwaway gnome-keyring. */

#define KEY_ID   "AKIAIOSFODNN7EXAMPLE"
#define SECRET   "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN    "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE+token="
#define KEY_ID_2 "AKIAI44QH8DHBEXAMPLE"
#define SECRET_2 "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"


/* No secret ever reaches the terminal, whatever the command did. */
static void
assert_no_secret (const SignetTestCliRun *run)
{
  const char * const secrets[] = { SECRET, TOKEN, SECRET_2, "wJalrXUtnFEMI", "SECRETinput" };

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_null (strstr (run->out, secrets[i]));
      g_assert_null (strstr (run->err, secrets[i]));
    }
}

/* signet-cli credential ARGS..., checked for secrets on the way out */
static SignetTestCliRun *
run_cli (const char *stdin_text,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  SignetTestCliRun *run;
  const char *arg;
  va_list more;

  g_ptr_array_add (args, (gpointer) "credential");
  va_start (more, stdin_text);
  while ((arg = va_arg (more, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (more);
  g_ptr_array_add (args, NULL);

  run = signet_test_cli_run (NULL, stdin_text, (const char * const *) args->pdata);
  assert_no_secret (run);
  return run;
}

static void
assert_success (const SignetTestCliRun *run,
                const char   *expected_out)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected_out);
}

/* One line on stderr, nothing on stdout. */
static void
assert_error (const SignetTestCliRun *run,
              int           status,
              const char   *expected_fragment)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "signet-cli: "));
  g_assert_nonnull (strstr (run->err, expected_fragment));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

/* Every test starts from a keyring without Signet credentials. */
static void
remove_all (void)
{
  g_autoptr(SignetTestCliRun) listed = run_cli (NULL, "list", NULL);
  g_auto(GStrv) lines = NULL;

  assert_success (listed, listed->out);
  lines = g_strsplit (listed->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_autoptr(SignetTestCliRun) removed = run_cli (NULL, "remove", fields[0], NULL);

      assert_success (removed, "");
    }
}

static void
test_add_list_remove (void)
{
  g_autoptr(SignetTestCliRun) added = NULL;
  g_autoptr(SignetTestCliRun) other = NULL;
  g_autoptr(SignetTestCliRun) listed = NULL;
  g_autoptr(SignetTestCliRun) removed = NULL;
  g_autoptr(SignetTestCliRun) after = NULL;

  remove_all ();

  added = run_cli (KEY_ID "\n" SECRET "\n" TOKEN "\n", "add", "petstore-tester", NULL);
  assert_success (added, "");
  /* no token, no final newline, Windows line ends */
  other = run_cli (KEY_ID_2 "\r\n" SECRET_2, "add", "another", NULL);
  assert_success (other, "");

  listed = run_cli (NULL, "list", NULL);
  assert_success (listed, "another\t" KEY_ID_2 "\npetstore-tester\t" KEY_ID "\n");

  removed = run_cli (NULL, "remove", "petstore-tester", NULL);
  assert_success (removed, "");
  after = run_cli (NULL, "list", NULL);
  assert_success (after, "another\t" KEY_ID_2 "\n");

  remove_all ();
}

static void
test_list_empty (void)
{
  g_autoptr(SignetTestCliRun) listed = NULL;

  remove_all ();
  listed = run_cli (NULL, "list", NULL);
  assert_success (listed, "");
}

static void
test_add_replaces (void)
{
  g_autoptr(SignetTestCliRun) first = NULL;
  g_autoptr(SignetTestCliRun) second = NULL;
  g_autoptr(SignetTestCliRun) listed = NULL;

  remove_all ();
  first = run_cli (KEY_ID "\n" SECRET "\n" TOKEN "\n", "add", "petstore-tester", NULL);
  assert_success (first, "");
  second = run_cli ("  " KEY_ID_2 "  \n" SECRET_2 "\n\n", "add", "petstore-tester", NULL);
  assert_success (second, "");

  listed = run_cli (NULL, "list", NULL);
  assert_success (listed, "petstore-tester\t" KEY_ID_2 "\n");
  remove_all ();
}

static void
test_remove_unknown (void)
{
  g_autoptr(SignetTestCliRun) removed = NULL;

  remove_all ();
  removed = run_cli (NULL, "remove", "nope", NULL);
  assert_error (removed, 1, "No credential named “nope” in the keyring");
  g_assert_cmpstr (removed->err, ==, "signet-cli: No credential named “nope” in the keyring\n");
}

static void
test_usage_errors (void)
{
  g_autoptr(SignetTestCliRun) no_command = run_cli (NULL, NULL);
  g_autoptr(SignetTestCliRun) unknown = run_cli (NULL, "frob", NULL);
  /* no input: signet-cli exits before reading it, and a write to its closed
   * stdin would fail with EPIPE */
  g_autoptr(SignetTestCliRun) add_no_name = run_cli (NULL, "add", NULL);
  g_autoptr(SignetTestCliRun) add_two_names = run_cli (NULL, "add", "a", "b", NULL);
  g_autoptr(SignetTestCliRun) list_extra = run_cli (NULL, "list", "extra", NULL);
  g_autoptr(SignetTestCliRun) remove_no_name = run_cli (NULL, "remove", NULL);
  g_autoptr(SignetTestCliRun) unknown_option = run_cli (NULL, "list", "--frob", NULL);
  g_autoptr(SignetTestCliRun) bad_name = run_cli (NULL, "add", "tab\tname", NULL);

  assert_error (no_command, 2, "missing credential command");
  assert_error (unknown, 2, "unknown credential command “frob”");
  assert_error (add_no_name, 2, "Give the credential's name");
  assert_error (add_two_names, 2, "Unexpected argument “b”");
  assert_error (list_extra, 2, "Unexpected argument “extra”");
  assert_error (remove_no_name, 2, "Give the credential's name");
  assert_error (unknown_option, 2, "--frob");
  assert_error (bad_name, 2, "control characters");
}

/* Bad input on stdin: a usage error that never echoes what was given. */
static void
test_bad_input (void)
{
  static const struct {
    const char *input;
    const char *message;
  } cases[] = {
    { "", "ended before the access key ID" },
    { KEY_ID "\n", "ended before the secret access key" },
    { KEY_ID "\n\n", "The secret access key is empty" },
    { "\nSECRETinput\n", "The access key ID is empty" },
    { "AKIA/SECRETinput\nSECRETinput\n", "The access key ID is malformed" },
    { KEY_ID "\nSECRETinput with space\n", "The secret access key is malformed" },
    { KEY_ID "\nSECRETinput\nTOKEN\nmore\n", "Unexpected input after the third line" },
  };
  g_autoptr(SignetTestCliRun) listed = NULL;

  remove_all ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SignetTestCliRun) added = run_cli (cases[i].input, "add", "petstore-tester", NULL);

      assert_error (added, 2, cases[i].message);
    }

  listed = run_cli (NULL, "list", NULL);
  assert_success (listed, "");
}

static void
test_help (void)
{
  g_autoptr(SignetTestCliRun) help = run_cli (NULL, "--help", NULL);
  g_autoptr(SignetTestCliRun) add_help = run_cli (NULL, "add", "--help", NULL);

  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "add NAME"));
  g_assert_nonnull (strstr (help->out, "list"));
  g_assert_nonnull (strstr (help->out, "remove NAME"));
  g_assert_cmpint (add_help->status, ==, 0);
  g_assert_nonnull (strstr (add_help->out, "standard input"));
}

/* signet-cli send --credential NAME against the API Gateway fixture */
static SignetTestCliRun *
run_send (const char *name,
          const char *url)
{
  const char *args[] = { "send", "--credential", name, "--region", FIXTURE_REGION,
                         "--service", FIXTURE_SERVICE, "--fail", url, NULL };
  SignetTestCliRun *run = signet_test_cli_run (NULL, NULL, args);

  g_assert_null (strstr (run->err, FIXTURE_SECRET));
  g_assert_null (strstr (run->out, FIXTURE_SECRET));
  return run;
}

static void
test_send_with_credential (void)
{
  g_autoptr(SignetTestFixture) fixture = signet_test_fixture_start (NULL);
  g_autofree char *url = signet_test_fixture_url (fixture, "/pets/1");
  g_autoptr(SignetTestCliRun) added = NULL;
  g_autoptr(SignetTestCliRun) sent = NULL;
  g_autoptr(SignetTestCliRun) unknown = NULL;

  remove_all ();
  added = run_cli (FIXTURE_KEY "\n" FIXTURE_SECRET "\n", "add", "petstore-tester", NULL);
  assert_success (added, "");
  sent = run_send ("petstore-tester", url);
  g_assert_cmpint (sent->status, ==, 0);
  g_assert_cmpstr (sent->out, ==, "{\"id\":1,\"type\":\"dog\",\"price\":249.99}");
  unknown = run_send ("nobody", url);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "No credential named “nobody”"));
  remove_all ();
}

int
main (int    argc,
      char **argv)
{
  /* inherited by every signet-cli this test runs */
  g_autofree char *keyring_dir = signet_test_keyring_setup ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/cli/credential/add-list-remove", test_add_list_remove);
  g_test_add_func ("/signet/cli/credential/list-empty", test_list_empty);
  g_test_add_func ("/signet/cli/credential/add-replaces", test_add_replaces);
  g_test_add_func ("/signet/cli/credential/remove-unknown", test_remove_unknown);
  g_test_add_func ("/signet/cli/credential/usage-errors", test_usage_errors);
  g_test_add_func ("/signet/cli/credential/bad-input", test_bad_input);
  g_test_add_func ("/signet/cli/credential/help", test_help);
  g_test_add_func ("/signet/cli/credential/send-with-credential", test_send_with_credential);

  status = g_test_run ();

  if (keyring_dir != NULL)
    signet_test_keyring_remove (keyring_dir);
  return status;
}
