/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-toast.h"

/**
 * signet_toast_show_text:
 * @overlay: where to show it
 * @text: plain text: a message, names, paths
 *
 * Shows @text as a toast. Toast titles are markup in libadwaita 1.2;
 * messages and names are not, so @text is escaped.
 */
void
signet_toast_show_text (AdwToastOverlay *overlay,
                        const char      *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (overlay, adw_toast_new (escaped));
}
