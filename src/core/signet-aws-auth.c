/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-aws-auth.h"
#include "signet-aws-host.h"
#include "signet-error.h"
#include "signet-secure-memory.h"

SignetAwsAuth *
signet_aws_auth_new (const char *access_key_id,
                     const char *secret_access_key,
                     const char *session_token)
{
  SignetAwsAuth *auth = g_new0 (SignetAwsAuth, 1);

  auth->access_key_id = g_strdup (access_key_id);
  auth->secret_access_key = g_strdup (secret_access_key);
  auth->session_token = g_strdup (session_token);
  return auth;
}

SignetAwsAuth *
signet_aws_auth_copy (const SignetAwsAuth *auth)
{
  SignetAwsAuth *copy = signet_aws_auth_new (auth->access_key_id, auth->secret_access_key,
                                             auth->session_token);

  copy->region = g_strdup (auth->region);
  copy->service = g_strdup (auth->service);
  copy->location = auth->location;
  copy->expires = auth->expires;
  copy->flags = auth->flags;
  return copy;
}

void
signet_aws_auth_free (SignetAwsAuth *auth)
{
  if (auth == NULL)
    return;

  g_free (auth->access_key_id);
  signet_secure_free_string (auth->secret_access_key);
  signet_secure_free_string (auth->session_token);
  g_free (auth->region);
  g_free (auth->service);
  g_free (auth);
}

/**
 * signet_aws_auth_sign:
 * @auth: how to sign
 * @request: the request as it will travel
 * @time: the signing time
 * @key_cache: (nullable): derived keys to reuse
 * @error: a #SIGNET_ERROR when the request cannot be signed
 *
 * Signs @request; a region or service left %NULL is read from the host
 * (`<id>.execute-api.<region>.amazonaws.com` and other AWS endpoints).
 *
 * Returns: (transfer full): the signing result
 */
SignetSigv4Result *
signet_aws_auth_sign (const SignetAwsAuth      *auth,
                      const SignetWireRequest  *request,
                      GDateTime                *time,
                      SignetSigv4KeyCache      *key_cache,
                      GError                  **error)
{
  g_autofree char *host = signet_wire_request_dup_host (request);
  g_autofree char *detected_region = NULL;
  g_autofree char *detected_service = NULL;
  SignetSigv4Params params = {
    .access_key_id = auth->access_key_id,
    .secret_access_key = auth->secret_access_key,
    .session_token = auth->session_token,
    .region = auth->region,
    .service = auth->service,
    .time = time,
    .location = auth->location,
    .expires = auth->expires,
    .flags = auth->flags,
    .key_cache = key_cache,
  };

  if (params.region == NULL || params.service == NULL)
    {
      signet_aws_host_detect_scope (host, &detected_region, &detected_service);
      if (params.region == NULL)
        params.region = detected_region;
      if (params.service == NULL)
        params.service = detected_service;
    }
  if (params.region == NULL || params.service == NULL)
    {
      /* Translators: the first %s is “region” or “service” */
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE,
                   _("Cannot tell the %s from the host “%s”: give it (e.g. %s)"),
                   params.region ? _("service") : _("region"), host,
                   params.region ? "execute-api" : "us-west-2");
      return NULL;
    }

  return signet_sigv4_sign (request, &params, error);
}
