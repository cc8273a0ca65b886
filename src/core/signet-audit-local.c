/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "signet-audit.h"

/* Probing someone's API sends it deliberately bad requests: the window
 * asks first unless every host is this machine. */

/**
 * signet_audit_url_is_local:
 * @url: an absolute URL
 *
 * Returns: %TRUE when the URL's host is this machine: "localhost" (or a
 *   name under ".localhost"), 127.0.0.0/8 or ::1
 */
gboolean
signet_audit_url_is_local (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS, NULL);
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *host = NULL;
  const char *raw;

  if (uri == NULL || (raw = g_uri_get_host (uri)) == NULL)
    return FALSE;
  host = g_ascii_strdown (raw, -1);
  if (g_str_has_suffix (host, "."))
    host[strlen (host) - 1] = '\0';
  if (g_str_equal (host, "localhost") || g_str_has_suffix (host, ".localhost"))
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * signet_audit_dup_remote_hosts:
 * @self: a #SignetAudit
 *
 * Returns: (transfer full): the hosts (host[:port]) the check would probe
 *   that are not this machine, each once; empty when all are local
 */
char **
signet_audit_dup_remote_hosts (SignetAudit *self)
{
  GListModel *endpoints = signet_audit_get_endpoints (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(SignetAuditEndpoint) endpoint = g_list_model_get_item (endpoints, i);
      const char *url = signet_request_get_url (signet_audit_endpoint_get_request (endpoint));
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS, NULL);
      char *host;

      if (signet_audit_url_is_local (url))
        continue;
      host = uri && g_uri_get_port (uri) > 0
             ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
             : g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);
      if (g_hash_table_add (seen, host))
        g_strv_builder_add (builder, host);
    }
  return g_strv_builder_end (builder);
}
