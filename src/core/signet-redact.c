/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-redact.h"

static const char * const secret_params[] = {
  "X-Amz-Signature", "X-Amz-Security-Token",
};

/* For reports kept by others (CI logs): the access key ID goes too. */
static const char * const report_params[] = {
  "X-Amz-Signature", "X-Amz-Security-Token", "X-Amz-Credential",
};

/* An Authorization value keeps its credential scope and signed headers
 * (useful to read) but loses its signature (replayable for minutes). */
char *
signet_redact_header_value (const char *name,
                            const char *value)
{
  const char *signature;

  if (g_ascii_strcasecmp (name, "X-Amz-Security-Token") == 0)
    return g_strdup (SIGNET_REDACTED);
  if (g_ascii_strcasecmp (name, "Authorization") != 0)
    return g_strdup (value);

  signature = strstr (value, "Signature=");
  if (signature == NULL)
    return g_strdup (SIGNET_REDACTED);
  return g_strdup_printf ("%.*sSignature=" SIGNET_REDACTED, (int) (signature - value), value);
}

static char *
redact_params (const char         *query,
               const char * const *names,
               guint               n_names)
{
  g_auto(GStrv) params = NULL;

  if (query == NULL)
    return NULL;

  params = g_strsplit (query, "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    for (guint j = 0; j < n_names; j++)
      {
        gsize length = strlen (names[j]);

        if (g_ascii_strncasecmp (params[i], names[j], length) == 0 &&
            params[i][length] == '=')
          {
            g_free (params[i]);
            params[i] = g_strconcat (names[j], "=" SIGNET_REDACTED, NULL);
          }
      }

  return g_strjoinv ("&", params);
}

char *
signet_redact_query (const char *query)
{
  return redact_params (query, secret_params, G_N_ELEMENTS (secret_params));
}

/**
 * signet_redact_report_query:
 * @query: (nullable): a query as it travels, without '?'
 *
 * Like signet_redact_query(), and X-Amz-Credential too: for run reports,
 * which end up in CI logs that others read.
 *
 * Returns: (transfer full) (nullable): the redacted query
 */
char *
signet_redact_report_query (const char *query)
{
  return redact_params (query, report_params, G_N_ELEMENTS (report_params));
}

/* A canonical request carries the session token (as a header line or in
 * the query line); the rest of it is what people need to compare. */
char *
signet_redact_canonical_request (const char *canonical_request)
{
  g_auto(GStrv) lines = g_strsplit (canonical_request, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *redacted = NULL;

      if (i == 2)
        redacted = signet_redact_query (lines[i]);
      else if (g_str_has_prefix (lines[i], "x-amz-security-token:"))
        redacted = g_strdup ("x-amz-security-token:" SIGNET_REDACTED);
      if (redacted != NULL)
        {
          g_free (lines[i]);
          lines[i] = redacted;
        }
    }

  return g_strjoinv ("\n", lines);
}
