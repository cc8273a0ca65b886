/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-copy-code.h"
#include "signet-export-code.h"
#include "signet-export-curl.h"

/* Temporary credentials have access key IDs that start "ASIA": their
 * session token must go with the request. */
static gboolean
has_session_token (SignetRequest *request)
{
  return g_str_has_prefix (signet_request_get_access_key_id (request), "ASIA");
}

/**
 * signet_copy_code:
 * @widget: whose clipboard to use
 * @request: the request as edited (variables not filled in: their values
 *   may be secret)
 * @format: "curl", "python" or "javascript"
 * @error: why the request cannot be exported
 *
 * Puts @request on the clipboard as a command or script that signs on
 * every run, with credentials from the environment.
 *
 * Returns: (transfer full): what to tell the user: that it was copied,
 *   and what the code may do differently; %NULL with @error set
 */
char *
signet_copy_code (GtkWidget      *widget,
                  SignetRequest  *request,
                  const char     *format,
                  GError        **error)
{
  g_auto(GStrv) warnings = NULL;
  g_autofree char *code = NULL;
  g_autofree char *joined = NULL;
  const char *copied;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);

  if (g_str_equal (format, "curl"))
    {
      code = signet_export_curl (request, has_session_token (request), &warnings);
      copied = _("Copied as curl");
    }
  else if (g_str_equal (format, "python"))
    {
      code = signet_export_python (request, &warnings, error);
      copied = _("Copied as Python");
    }
  else
    {
      g_return_val_if_fail (g_str_equal (format, "javascript"), NULL);
      code = signet_export_javascript (request, &warnings, error);
      copied = _("Copied as JavaScript");
    }
  if (code == NULL)
    return NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), code);
  if (warnings == NULL || warnings[0] == NULL)
    return g_strdup (copied);
  joined = g_strjoinv ("; ", warnings);
  /* Translators: "Copied as curl: <what curl may do differently>" */
  return g_strdup_printf (_("%s: %s"), copied, joined);
}
