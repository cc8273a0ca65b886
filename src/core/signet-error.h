/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SIGNET_ERROR (signet_error_quark ())

/**
 * SignetError:
 * @SIGNET_ERROR_INVALID_REQUEST: the request cannot be signed or sent as given
 * @SIGNET_ERROR_INVALID_URL: the URL is not an absolute http(s) URL
 * @SIGNET_ERROR_INVALID_HEADER: a header line or name is malformed
 * @SIGNET_ERROR_ALREADY_SIGNED: the request already carries signing headers or parameters
 * @SIGNET_ERROR_INVALID_CREDENTIALS: an access key ID or secret access key is missing
 * @SIGNET_ERROR_INVALID_SCOPE: region or service is missing or malformed
 * @SIGNET_ERROR_INVALID_TIME: the signing time is missing or malformed
 * @SIGNET_ERROR_INVALID_EXPIRY: a presigned URL's lifetime is out of range
 * @SIGNET_ERROR_INVALID_FILE: a saved file (request, collection, environment) is malformed
 * @SIGNET_ERROR_FILE_TOO_LARGE: a saved file is larger than Signet reads
 *
 * Errors in the %SIGNET_ERROR domain.
 */
typedef enum
{
  SIGNET_ERROR_INVALID_REQUEST,
  SIGNET_ERROR_INVALID_URL,
  SIGNET_ERROR_INVALID_HEADER,
  SIGNET_ERROR_ALREADY_SIGNED,
  SIGNET_ERROR_INVALID_CREDENTIALS,
  SIGNET_ERROR_INVALID_SCOPE,
  SIGNET_ERROR_INVALID_TIME,
  SIGNET_ERROR_INVALID_EXPIRY,
  SIGNET_ERROR_INVALID_FILE,
  SIGNET_ERROR_FILE_TOO_LARGE,
} SignetError;

GQuark signet_error_quark (void);

G_END_DECLS
