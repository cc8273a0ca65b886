/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-explain.h"

/* An explanation as plain text, for a terminal (signet-cli send --verbose)
 * or for copying. */

static void
append_block (GString    *text,
              const char *heading,
              const char *body)
{
  g_string_append_printf (text, "%s\n%s", heading, body);
  if (body[0] != '\0' && !g_str_has_suffix (body, "\n"))
    g_string_append_c (text, '\n');
}

static void
append_diff (GString    *text,
             const char *heading,
             GArray     *diff)
{
  g_autofree char *lines = signet_diff_lines_to_text (diff);

  append_block (text, heading, lines);
}

/**
 * signet_explanation_to_text:
 * @explanation: an explanation
 *
 * Returns: (transfer full): the title, the paragraph, and what goes with
 *   them (the marked canonical strings, the fixes, a policy), or an empty
 *   string for %SIGNET_EXPLANATION_NONE
 */
char *
signet_explanation_to_text (const SignetExplanation *explanation)
{
  GString *text = g_string_new (NULL);

  if (explanation->kind == SIGNET_EXPLANATION_NONE)
    return g_string_free (text, FALSE);

  g_string_append_printf (text, "%s\n%s\n", explanation->title, explanation->details);

  if (explanation->canonical_request_diff != NULL)
    {
      append_diff (text, _("Canonical request (“-” only Signet's, “+” only AWS's):"),
                   explanation->canonical_request_diff);
      append_diff (text, _("String to sign (“-” only Signet's, “+” only AWS's):"),
                   explanation->string_to_sign_diff);
    }
  else if (explanation->aws_canonical_request != NULL)
    {
      append_block (text, _("AWS's canonical request:"), explanation->aws_canonical_request);
      append_block (text, _("AWS's string to sign:"), explanation->aws_string_to_sign);
    }

  for (guint i = 0; i < explanation->fixes->len; i++)
    {
      const SignetExplanationFix *fix = &g_array_index (explanation->fixes, SignetExplanationFix, i);

      if (fix->value != NULL)
        g_string_append_printf (text, _("Fix: set the %s to “%s”\n"), fix->field, fix->value);
    }

  if (explanation->policy_json != NULL)
    append_block (text, _("A policy that allows exactly this call:"), explanation->policy_json);

  return g_string_free (text, FALSE);
}
