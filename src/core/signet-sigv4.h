/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-sigv4-key-cache.h"
#include "signet-wire-request.h"

G_BEGIN_DECLS

#define SIGNET_SIGV4_DEFAULT_EXPIRES 3600
#define SIGNET_SIGV4_MAX_EXPIRES     604800

/**
 * SignetSigv4Location:
 * @SIGNET_SIGV4_LOCATION_HEADERS: sign into the Authorization header
 * @SIGNET_SIGV4_LOCATION_QUERY: sign into the query string (a presigned URL)
 */
typedef enum
{
  SIGNET_SIGV4_LOCATION_HEADERS,
  SIGNET_SIGV4_LOCATION_QUERY,
} SignetSigv4Location;

/**
 * SignetSigv4Flags:
 * @SIGNET_SIGV4_FLAGS_NONE: the rules for every service but S3
 * @SIGNET_SIGV4_FLAGS_S3: S3's path rules: no normalization, single encoding
 * @SIGNET_SIGV4_FLAGS_SIGN_BODY: add and sign `X-Amz-Content-Sha256` (header form)
 * @SIGNET_SIGV4_FLAGS_OMIT_SESSION_TOKEN: add the session token after signing,
 *   outside the signature (an old STS style; most services want it signed)
 * @SIGNET_SIGV4_FLAGS_UNSIGNED_PAYLOAD: sign `UNSIGNED-PAYLOAD` instead of the
 *   body's hash, as S3's presigned URLs do
 */
typedef enum
{
  SIGNET_SIGV4_FLAGS_NONE               = 0,
  SIGNET_SIGV4_FLAGS_S3                 = 1 << 0,
  SIGNET_SIGV4_FLAGS_SIGN_BODY          = 1 << 1,
  SIGNET_SIGV4_FLAGS_OMIT_SESSION_TOKEN = 1 << 2,
  SIGNET_SIGV4_FLAGS_UNSIGNED_PAYLOAD   = 1 << 3,
} SignetSigv4Flags;

/**
 * SignetSigv4Params:
 * @access_key_id: the access key ID
 * @secret_access_key: the secret access key; never copied into the result
 * @session_token: (nullable): a session token of temporary credentials
 * @region: e.g. "us-west-2"
 * @service: e.g. "execute-api"
 * @time: the signing time; the signer has no clock of its own
 * @location: header or query (presigned URL) form
 * @expires: seconds a presigned URL stays valid; 0 means 3600
 * @flags: #SignetSigv4Flags
 * @key_cache: (nullable): reuse derived signing keys across calls
 *
 * Everything the signer needs besides the request. Nothing is owned.
 */
typedef struct
{
  const char          *access_key_id;
  const char          *secret_access_key;
  const char          *session_token;
  const char          *region;
  const char          *service;
  GDateTime           *time;
  SignetSigv4Location  location;
  guint                expires;
  SignetSigv4Flags     flags;
  SignetSigv4KeyCache *key_cache;
} SignetSigv4Params;

/**
 * SignetSigv4Result:
 * @headers_to_add: (element-type SignetHeader): headers to add, in order
 * @query_to_add: (nullable): parameters to append to the query (presigned form)
 * @canonical_request: the canonical request that was hashed
 * @string_to_sign: the string that was signed
 * @credential_scope: `YYYYMMDD/region/service/aws4_request`
 * @signed_headers: the `;`-separated lowercase names of the signed headers
 * @signature: 64 lowercase hex characters
 *
 * What signing produced. The request itself is never changed: apply the
 * result with signet_sigv4_result_apply().
 */
typedef struct
{
  GArray *headers_to_add;
  char   *query_to_add;
  char   *canonical_request;
  char   *string_to_sign;
  char   *credential_scope;
  char   *signed_headers;
  char   *signature;
} SignetSigv4Result;

SignetSigv4Result *signet_sigv4_sign          (const SignetWireRequest  *request,
                                               const SignetSigv4Params  *params,
                                               GError                  **error);
SignetWireRequest *signet_sigv4_result_apply  (const SignetSigv4Result  *result,
                                               const SignetWireRequest  *request);
void               signet_sigv4_result_free   (SignetSigv4Result        *result);

gboolean           signet_sigv4_header_is_never_signed (const char *lowercase_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetSigv4Result, signet_sigv4_result_free)

G_END_DECLS
