/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "signet-cli-env-credentials.h"
#include "signet-cli-request-options.h"
#include "signet-cli-send.h"
#include "signet-cli.h"
#include "signet-client.h"
#include "signet-credential-store.h"
#include "signet-error.h"
#include "signet-explain.h"
#include "signet-redact.h"

#define DEFAULT_TIMEOUT_SECONDS 30

/* How to sign: --credential from the keyring, else the AWS_* variables,
 * else NULL (unsigned, said on stderr). */
static SignetAwsAuth *
load_auth (SignetCliRequestOptions  *options,
           const char               *credential_name,
           GError                  **error)
{
  g_autoptr(SignetCliEnvCredentials) env = NULL;

  if (credential_name != NULL)
    {
      g_autoptr(SignetCredentialStore) store = signet_credential_store_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(SignetCredential) credential = NULL;

      signet_credential_store_lookup_async (store, credential_name, NULL,
                                            signet_cli_store_result, &result);
      credential = signet_credential_store_lookup_finish (store, signet_cli_wait_for (&result), error);
      if (credential == NULL)
        return NULL;
      return signet_cli_request_options_build_auth (options, credential->access_key_id,
                                                    credential->secret_access_key,
                                                    credential->session_token, error);
    }

  env = signet_cli_env_credentials_load ();
  if (env == NULL)
    {
      g_printerr (_("signet-cli: no credentials (--credential, or AWS_ACCESS_KEY_ID and "
                    "AWS_SECRET_ACCESS_KEY): sending unsigned\n"));
      return NULL;
    }
  return signet_cli_request_options_build_auth (options, env->access_key_id,
                                                env->secret_access_key, env->session_token, error);
}

/* The request as sent, for --verbose: signatures and tokens redacted. */
static void
print_sent_request (const SignetWireRequest *sent)
{
  g_autofree char *query = signet_redact_query (sent->query);

  g_printerr ("> %s %s%s%s HTTP/1.1\n", sent->method, sent->path,
              query ? "?" : "", query ? query : "");
  for (guint i = 0; i < sent->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (sent->headers, SignetHeader, i);
      g_autofree char *value = signet_redact_header_value (header->name, header->value);

      g_printerr ("> %s: %s\n", header->name, value);
    }
  g_printerr (">\n");
}

static void
print_signing (const SignetSigv4Result *signing)
{
  g_autofree char *canonical = signet_redact_canonical_request (signing->canonical_request);

  g_printerr ("* %s\n%s\n* %s\n%s\n", _("Canonical request:"), canonical,
              _("String to sign:"), signing->string_to_sign);
}

static void
print_response_head (FILE                 *stream,
                     const char           *prefix,
                     const SignetExchange *exchange)
{
  fprintf (stream, "%s%s %u %s\r\n", prefix, exchange->http_version, exchange->status,
           exchange->reason ? exchange->reason : "");
  for (guint i = 0; i < exchange->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (exchange->headers, SignetHeader, i);

      fprintf (stream, "%s%s: %s\r\n", prefix, header->name, header->value);
    }
  fprintf (stream, "%s\r\n", prefix);
}

/* After the response, for --verbose: what an auth answer means. */
static void
print_explanation (const SignetExchange *exchange,
                   GDateTime            *sent_at)
{
  g_autoptr(SignetExplanation) explanation = signet_explain (exchange, sent_at);
  g_autofree char *text = signet_explanation_to_text (explanation);
  g_auto(GStrv) lines = NULL;

  if (text[0] == '\0')
    return;
  lines = g_strsplit (g_strchomp (text), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_printerr ("! %s\n", lines[i]);
}

static int
exit_status_for_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return SIGNET_CLI_EXIT_TIMEOUT;
  if (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
      error->domain == G_TLS_ERROR)
    return SIGNET_CLI_EXIT_CONNECT;

  return SIGNET_CLI_EXIT_USAGE;  /* the request could not be built or signed */
}

int
signet_cli_send (int    argc,
                 char **argv)
{
  SignetCliRequestOptions options = { 0 };
  gboolean no_sign = FALSE;
  gboolean include = FALSE;
  gboolean fail = FALSE;
  gboolean verbose = FALSE;
  int timeout = DEFAULT_TIMEOUT_SECONDS;
  g_autofree char *credential_name = NULL;
  const GOptionEntry entries[] = {
    { "no-sign", 0, 0, G_OPTION_ARG_NONE, &no_sign, N_("Send unsigned, even with credentials"), NULL },
    { "credential", 0, 0, G_OPTION_ARG_STRING, &credential_name,
      N_("Sign with this credential from the keyring (see “signet-cli credential”)"), N_("NAME") },
    { "include", 'i', 0, G_OPTION_ARG_NONE, &include, N_("Print the status line and headers first"), NULL },
    { "fail", 'f', 0, G_OPTION_ARG_NONE, &fail, N_("Exit with status 22 when the HTTP status is 400 or more"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Print the request as sent, canonical request and string-to-sign on stderr"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for an answer (default 30)"), N_("SECONDS") },
    { NULL }
  };
  const char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GAsyncResult) sent = NULL;
  g_autoptr(SignetExchange) exchange = NULL;
  g_autoptr(GDateTime) sent_at = NULL;
  int status = SIGNET_CLI_EXIT_USAGE;
  gsize body_size = 0;
  const char *body;

  if (!signet_cli_request_options_parse (&options, "send",
                                         _("Send an HTTP request, signed with AWS Signature Version 4, and "
                                           "print the response body.\nCredentials come from --credential, or "
                                           "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN;\n"
                                           "without them the request goes out unsigned."),
                                         entries, &argc, &argv, &url, &error))
    goto out;
  if (options.date != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--date only applies to “sign”: a request is signed when it is sent"));
      goto out;
    }
  if (timeout < 1)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Bad --timeout %d: give a number of seconds"), timeout);
      goto out;
    }

  request = signet_cli_request_options_build (&options, url, &error);
  if (request == NULL)
    goto out;

  if (no_sign && credential_name != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--no-sign and --credential contradict each other"));
      goto out;
    }
  if (!no_sign)
    {
      auth = load_auth (&options, credential_name, &error);
      if (error != NULL)
        {
          if (!g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED) && error->domain != SIGNET_ERROR)
            status = SIGNET_CLI_EXIT_FAILURE;  /* the keyring failed, or no such credential */
          goto out;
        }
    }

  session = soup_session_new_with_options ("timeout", (guint) timeout, NULL);
  client = signet_client_new (session);
  sent_at = g_date_time_new_now_utc ();
  signet_client_send_async (client, request, auth, NULL, signet_cli_store_result, &sent);
  exchange = signet_client_send_finish (client, signet_cli_wait_for (&sent), &error);
  if (exchange == NULL)
    {
      status = exit_status_for_error (error);
      if (status == SIGNET_CLI_EXIT_USAGE)
        signet_cli_request_options_explain_error (error);
      goto out;
    }

  if (verbose)
    {
      print_sent_request (exchange->sent);
      if (exchange->signing != NULL)
        print_signing (exchange->signing);
      print_response_head (stderr, "< ", exchange);
    }
  if (exchange->blocked_redirect != NULL)
    g_printerr (_("signet-cli: not following the redirect to another host (%s): "
                  "the signature is only for this one\n"), exchange->blocked_redirect);

  if (include)
    print_response_head (stdout, "", exchange);
  body = g_bytes_get_data (exchange->body, &body_size);
  fwrite (body, 1, body_size, stdout);
  fflush (stdout);
  if (verbose)
    print_explanation (exchange, sent_at);

  status = (fail && exchange->status >= 400) ? SIGNET_CLI_EXIT_HTTP_ERROR : SIGNET_CLI_EXIT_OK;

out:
  if (error != NULL)
    signet_cli_print_error (error);
  signet_cli_request_options_clear (&options);
  return status;
}
