/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "signet-cli-env-credentials.h"
#include "signet-cli-request-options.h"
#include "signet-cli-sign.h"
#include "signet-cli.h"

static char *
format_json (const SignetWireRequest *signed_request,
             const SignetSigv4Result *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *url = signet_wire_request_to_url (signed_request);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, signed_request->method);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "headers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < signed_request->headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (signed_request->headers, SignetHeader, i);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, header->name);
      json_builder_add_string_value (builder, header->value);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "canonical_request");
  json_builder_add_string_value (builder, result->canonical_request);
  json_builder_set_member_name (builder, "string_to_sign");
  json_builder_add_string_value (builder, result->string_to_sign);
  json_builder_set_member_name (builder, "credential_scope");
  json_builder_add_string_value (builder, result->credential_scope);
  json_builder_set_member_name (builder, "signed_headers");
  json_builder_add_string_value (builder, result->signed_headers);
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, result->signature);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

int
signet_cli_sign (int    argc,
                 char **argv)
{
  SignetCliRequestOptions options = { 0 };
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output: text (default) or json"), "text|json" },
    { NULL }
  };
  const char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetWireRequest) request = NULL;
  g_autoptr(SignetWireRequest) signed_request = NULL;
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(SignetCliEnvCredentials) credentials = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *output = NULL;
  int status = SIGNET_CLI_EXIT_USAGE;

  if (!signet_cli_request_options_parse (&options, "sign",
                                         _("Sign an HTTP request with AWS Signature Version 4 and print it.\n"
                                           "Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY "
                                           "and AWS_SESSION_TOKEN."),
                                         entries, &argc, &argv, &url, &error))
    goto out;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown --format “%s”: use text or json"), format);
      goto out;
    }

  credentials = signet_cli_env_credentials_load ();
  if (credentials == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"));
      goto out;
    }

  request = signet_cli_request_options_build (&options, url, &error);
  if (request == NULL)
    goto out;
  auth = signet_cli_request_options_build_auth (&options, credentials->access_key_id,
                                                credentials->secret_access_key,
                                                credentials->session_token, &error);
  if (auth == NULL)
    goto out;
  time = signet_cli_request_options_signing_time (&options, &error);
  if (time == NULL)
    goto out;
  result = signet_aws_auth_sign (auth, request, time, NULL, &error);
  if (result == NULL)
    {
      signet_cli_request_options_explain_error (error);
      goto out;
    }

  signed_request = signet_sigv4_result_apply (result, request);
  if (format != NULL && g_str_equal (format, "json"))
    output = format_json (signed_request, result);
  else
    output = signet_wire_request_to_http1 (signed_request);
  g_print ("%s\n", output);
  status = SIGNET_CLI_EXIT_OK;

out:
  if (error != NULL)
    signet_cli_print_error (error);
  signet_cli_request_options_clear (&options);
  return status;
}
