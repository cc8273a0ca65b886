/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The X-Amz-Date form of a time: YYYYMMDDTHHMMSSZ, always UTC. */
GDateTime *signet_amz_date_parse  (const char  *text,
                                   GError     **error);
char      *signet_amz_date_format (GDateTime   *time);

G_END_DECLS
