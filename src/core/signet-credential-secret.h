/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The keyring item's secret: {"secret_access_key": ..., "session_token": ...
 * or null}. Free the encoded form with signet_secure_free_gstring(), the
 * decoded strings with signet_secure_free_string(). */
GString  *signet_credential_secret_encode (const char  *secret_access_key,
                                           const char  *session_token);
gboolean  signet_credential_secret_decode (const char  *data,
                                           gsize        length,
                                           char       **out_secret,
                                           char       **out_token);

G_END_DECLS
