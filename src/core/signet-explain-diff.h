/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SignetDiffOp:
 * @SIGNET_DIFF_SAME: the line is in both texts
 * @SIGNET_DIFF_ONLY_OURS: the line is only in Signet's text
 * @SIGNET_DIFF_ONLY_THEIRS: the line is only in the other (AWS's) text
 */
typedef enum
{
  SIGNET_DIFF_SAME,
  SIGNET_DIFF_ONLY_OURS,
  SIGNET_DIFF_ONLY_THEIRS,
} SignetDiffOp;

/**
 * SignetDiffLine:
 * @op: where the line is
 * @text: the line, without its newline
 */
typedef struct
{
  SignetDiffOp  op;
  char         *text;
} SignetDiffLine;

GArray *signet_diff_lines         (const char   *ours,
                                   const char   *theirs);
char   *signet_diff_lines_to_text (GArray       *diff);
guint   signet_diff_lines_count_changed (GArray *diff);

G_END_DECLS
