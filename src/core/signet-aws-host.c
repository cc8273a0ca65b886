/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-aws-host.h"

static const char * const aws_domains[] = {
  ".amazonaws.com.cn",
  ".amazonaws.com",
};

/* "us-east-1", "eu-central-2", "us-gov-west-1", "ap-southeast-4":
 * letters-and-dashes, then a dash and a number. */
static gboolean
looks_like_region (const char *label)
{
  const char *last_dash = strrchr (label, '-');

  if (last_dash == NULL || last_dash == label || strchr (label, '-') == last_dash)
    return FALSE;
  for (const char *p = label; p < last_dash; p++)
    if (!(g_ascii_islower (*p) || *p == '-'))
      return FALSE;
  if (last_dash[1] == '\0')
    return FALSE;
  for (const char *p = last_dash + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static char *
service_from_label (const char *label)
{
  /* FIPS endpoints name the service "sts-fips"; the scope says "sts". */
  if (g_str_has_suffix (label, "-fips"))
    return g_strndup (label, strlen (label) - strlen ("-fips"));

  return g_strdup (label);
}

/**
 * signet_aws_host_detect_scope:
 * @host: a host name, without port
 * @region: (out): the region the host names
 * @service: (out): the signing service the host names
 *
 * Reads the region and service from an AWS endpoint host name:
 * `<id>.execute-api.<region>.amazonaws.com` gives `<region>` and
 * `execute-api`, `<service>.<region>.amazonaws.com` the usual way and
 * `<service>.amazonaws.com` means us-east-1. Other hosts (custom domains)
 * name neither, and the caller must ask for them.
 *
 * Returns: %TRUE when both were found
 */
gboolean
signet_aws_host_detect_scope (const char  *host,
                              char       **region,
                              char       **service)
{
  g_autofree char *lowered = NULL;
  g_auto(GStrv) labels = NULL;
  guint n_labels;
  gsize prefix_length = 0;

  g_return_val_if_fail (region != NULL && service != NULL, FALSE);

  *region = NULL;
  *service = NULL;
  if (host == NULL)
    return FALSE;

  lowered = g_ascii_strdown (host, -1);
  if (g_str_has_suffix (lowered, "."))
    lowered[strlen (lowered) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (aws_domains); i++)
    if (g_str_has_suffix (lowered, aws_domains[i]))
      {
        prefix_length = strlen (lowered) - strlen (aws_domains[i]);
        break;
      }
  if (prefix_length == 0)
    return FALSE;

  lowered[prefix_length] = '\0';
  labels = g_strsplit (lowered, ".", -1);
  n_labels = g_strv_length (labels);

  /* PrivateLink: <id>-<vpce>.execute-api.<region>.vpce.amazonaws.com */
  if (n_labels >= 3 && g_str_equal (labels[n_labels - 1], "vpce"))
    {
      g_free (labels[n_labels - 1]);
      labels[--n_labels] = NULL;
    }

  if (n_labels >= 2 && looks_like_region (labels[n_labels - 1]))
    {
      const char *service_label = labels[n_labels - 2];

      /* s3.dualstack.<region> names s3 */
      if (g_str_equal (service_label, "dualstack") && n_labels >= 3)
        service_label = labels[n_labels - 3];
      *region = g_strdup (labels[n_labels - 1]);
      *service = service_from_label (service_label);
      return TRUE;
    }

  /* Global endpoints (iam, sts, s3 without a region) sign for us-east-1. */
  if (n_labels >= 1 && labels[n_labels - 1][0] != '\0')
    {
      *region = g_strdup ("us-east-1");
      *service = service_from_label (labels[n_labels - 1]);
      return TRUE;
    }

  return FALSE;
}
