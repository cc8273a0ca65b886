/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-sigv4.h"

G_BEGIN_DECLS

/**
 * SignetAwsAuth:
 * @access_key_id: the access key ID
 * @secret_access_key: the secret access key; wiped when freed
 * @session_token: (nullable): the session token of temporary credentials; wiped when freed
 * @region: (nullable): the region, or %NULL to read it from the host
 * @service: (nullable): the service, or %NULL to read it from the host
 * @location: header or query (presigned URL) form
 * @expires: a presigned URL's lifetime in seconds; 0 means 3600
 * @flags: #SignetSigv4Flags
 *
 * How to sign a request with AWS Signature Version 4: credentials and
 * scope, but no time. Each send signs anew with the time of sending.
 */
typedef struct
{
  char                *access_key_id;
  char                *secret_access_key;
  char                *session_token;
  char                *region;
  char                *service;
  SignetSigv4Location  location;
  guint                expires;
  SignetSigv4Flags     flags;
} SignetAwsAuth;

SignetAwsAuth     *signet_aws_auth_new  (const char               *access_key_id,
                                         const char               *secret_access_key,
                                         const char               *session_token);
SignetAwsAuth     *signet_aws_auth_copy (const SignetAwsAuth      *auth);
void               signet_aws_auth_free (SignetAwsAuth            *auth);
SignetSigv4Result *signet_aws_auth_sign (const SignetAwsAuth      *auth,
                                         const SignetWireRequest  *request,
                                         GDateTime                *time,
                                         SignetSigv4KeyCache      *key_cache,
                                         GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetAwsAuth, signet_aws_auth_free)

G_END_DECLS
