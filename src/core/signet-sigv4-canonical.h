/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stages of AWS's canonical request, each testable on its own. */

char *signet_sigv4_normalize_path   (const char *path);
void  signet_sigv4_append_canonical_path    (GString    *out,
                                             const char *path,
                                             gboolean    s3);
void  signet_sigv4_append_canonical_query   (GString    *out,
                                             const char *query,
                                             const char * const *extra_params);
void  signet_sigv4_append_canonical_headers (GString    *canonical,
                                             GString    *signed_names,
                                             GArray     *headers);
void  signet_sigv4_append_trimmed_value     (GString    *out,
                                             const char *value);

G_END_DECLS
