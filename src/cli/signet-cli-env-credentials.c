/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-cli-env-credentials.h"
#include "signet-secure-memory.h"

static char *
dup_nonempty_env (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

/* Returns NULL unless both the access key ID and the secret are set. */
SignetCliEnvCredentials *
signet_cli_env_credentials_load (void)
{
  g_autoptr(SignetCliEnvCredentials) credentials = g_new0 (SignetCliEnvCredentials, 1);

  credentials->access_key_id = dup_nonempty_env ("AWS_ACCESS_KEY_ID");
  credentials->secret_access_key = dup_nonempty_env ("AWS_SECRET_ACCESS_KEY");
  credentials->session_token = dup_nonempty_env ("AWS_SESSION_TOKEN");
  if (credentials->access_key_id == NULL || credentials->secret_access_key == NULL)
    return NULL;

  return g_steal_pointer (&credentials);
}

void
signet_cli_env_credentials_free (SignetCliEnvCredentials *credentials)
{
  if (credentials == NULL)
    return;

  g_free (credentials->access_key_id);
  signet_secure_free_string (credentials->secret_access_key);
  signet_secure_free_string (credentials->session_token);
  g_free (credentials);
}
