/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean signet_aws_host_detect_scope (const char  *host,
                                       char       **region,
                                       char       **service);

G_END_DECLS
