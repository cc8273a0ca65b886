/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean signet_uri_is_unreserved      (guchar       c);
void     signet_uri_encode_append      (GString     *out,
                                        const char  *data,
                                        gsize        length,
                                        gboolean     keep_slash);
void     signet_uri_decode_append      (GString     *out,
                                        const char  *data,
                                        gsize        length);
char    *signet_uri_encode_illegal     (const char  *url);
gboolean signet_uri_escapes_are_valid  (const char  *text);

G_END_DECLS
