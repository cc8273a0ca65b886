/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-explain-diff.h"

/* Canonical requests are a dozen lines; past this many line pairs the
 * longest-common-subsequence table is not worth its memory and the two
 * texts are shown one after the other. */
#define MAX_CELLS (4 * 1024 * 1024)

static void
diff_line_clear (gpointer data)
{
  SignetDiffLine *line = data;

  g_free (line->text);
}

static void
append (GArray       *diff,
        SignetDiffOp  op,
        const char   *text)
{
  SignetDiffLine line = { op, g_strdup (text) };

  g_array_append_val (diff, line);
}

/**
 * signet_diff_lines:
 * @ours: Signet's text
 * @theirs: the other text (what AWS says it computed)
 *
 * A line diff: the longest common subsequence of lines is kept as
 * %SIGNET_DIFF_SAME, the rest marked with the side it is on; a changed
 * line shows as ours, then theirs.
 *
 * Returns: (transfer full) (element-type SignetDiffLine): the lines in order
 */
GArray *
signet_diff_lines (const char *ours,
                   const char *theirs)
{
  g_auto(GStrv) a = g_strsplit (ours, "\n", -1);
  g_auto(GStrv) b = g_strsplit (theirs, "\n", -1);
  guint n = g_strv_length (a);
  guint m = g_strv_length (b);
  GArray *diff = g_array_new (FALSE, FALSE, sizeof (SignetDiffLine));
  g_autofree guint *table = NULL;
  guint i = 0, j = 0;

  g_array_set_clear_func (diff, diff_line_clear);

  if ((guint64) (n + 1) * (m + 1) > MAX_CELLS)
    {
      for (i = 0; i < n; i++)
        append (diff, SIGNET_DIFF_ONLY_OURS, a[i]);
      for (j = 0; j < m; j++)
        append (diff, SIGNET_DIFF_ONLY_THEIRS, b[j]);
      return diff;
    }

  /* table[i][j]: the common subsequence's length of a[i..] and b[j..]. */
  table = g_new0 (guint, (gsize) (n + 1) * (m + 1));
#define AT(x, y) table[(gsize) (x) * (m + 1) + (y)]
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      AT (x, y) = g_str_equal (a[x], b[y]) ? AT (x + 1, y + 1) + 1
                                           : MAX (AT (x + 1, y), AT (x, y + 1));

  while (i < n && j < m)
    {
      if (g_str_equal (a[i], b[j]))
        {
          append (diff, SIGNET_DIFF_SAME, a[i]);
          i++, j++;
        }
      else if (AT (i + 1, j) >= AT (i, j + 1))
        append (diff, SIGNET_DIFF_ONLY_OURS, a[i++]);
      else
        append (diff, SIGNET_DIFF_ONLY_THEIRS, b[j++]);
    }
#undef AT
  for (; i < n; i++)
    append (diff, SIGNET_DIFF_ONLY_OURS, a[i]);
  for (; j < m; j++)
    append (diff, SIGNET_DIFF_ONLY_THEIRS, b[j]);

  return diff;
}

/**
 * signet_diff_lines_to_text:
 * @diff: (element-type SignetDiffLine): a diff
 *
 * Returns: (transfer full): the diff with a two-character mark before each
 *   line: "  " in both, "- " only Signet's, "+ " only the other's
 */
char *
signet_diff_lines_to_text (GArray *diff)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      const SignetDiffLine *line = &g_array_index (diff, SignetDiffLine, i);
      const char *mark = line->op == SIGNET_DIFF_SAME ? "  "
                         : line->op == SIGNET_DIFF_ONLY_OURS ? "- " : "+ ";

      g_string_append_printf (text, "%s%s\n", mark, line->text);
    }

  return g_string_free (text, FALSE);
}

/* Lines that are on one side only. */
guint
signet_diff_lines_count_changed (GArray *diff)
{
  guint changed = 0;

  for (guint i = 0; i < diff->len; i++)
    if (g_array_index (diff, SignetDiffLine, i).op != SIGNET_DIFF_SAME)
      changed++;

  return changed;
}
