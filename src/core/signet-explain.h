/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-exchange.h"
#include "signet-explain-diff.h"

G_BEGIN_DECLS

/**
 * SignetExplanationKind:
 * @SIGNET_EXPLANATION_NONE: not one of API Gateway's auth answers
 * @SIGNET_EXPLANATION_OTHER: an `x-amzn-ErrorType` Signet does not know
 * @SIGNET_EXPLANATION_MISSING_TOKEN: not signed, or no such path, method or stage
 * @SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE: a malformed Authorization header or query
 * @SIGNET_EXPLANATION_SIGNATURE_MISMATCH: AWS computed another signature
 * @SIGNET_EXPLANATION_SIGNATURE_EXPIRED: signed too long ago (or this clock is behind)
 * @SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT: signed in the future (this clock is ahead)
 * @SIGNET_EXPLANATION_WRONG_REGION: the credential scope names another region
 * @SIGNET_EXPLANATION_WRONG_SERVICE: the credential scope names another service
 * @SIGNET_EXPLANATION_INVALID_TOKEN: an unknown access key or a bad session token
 * @SIGNET_EXPLANATION_EXPIRED_TOKEN: the temporary credentials have expired
 * @SIGNET_EXPLANATION_ACCESS_DENIED: signed fine, but no policy allows the call
 * @SIGNET_EXPLANATION_EXPLICIT_DENY: a policy denies the call
 *
 * What kind of answer a response is. Every kind from
 * %SIGNET_EXPLANATION_MISSING_TOKEN on is a refusal by IAM authorization.
 */
typedef enum
{
  SIGNET_EXPLANATION_NONE,
  SIGNET_EXPLANATION_OTHER,
  SIGNET_EXPLANATION_MISSING_TOKEN,
  SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE,
  SIGNET_EXPLANATION_SIGNATURE_MISMATCH,
  SIGNET_EXPLANATION_SIGNATURE_EXPIRED,
  SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT,
  SIGNET_EXPLANATION_WRONG_REGION,
  SIGNET_EXPLANATION_WRONG_SERVICE,
  SIGNET_EXPLANATION_INVALID_TOKEN,
  SIGNET_EXPLANATION_EXPIRED_TOKEN,
  SIGNET_EXPLANATION_ACCESS_DENIED,
  SIGNET_EXPLANATION_EXPLICIT_DENY,
} SignetExplanationKind;

/**
 * SignetExplanationFix:
 * @field: the request field to change: "region" or "service"
 * @value: (nullable): its right value, or %NULL when the answer does not
 *   say it (a region on a custom domain)
 * @wrong_value: (nullable): the value that was sent
 */
typedef struct
{
  char *field;
  char *value;
  char *wrong_value;
} SignetExplanationFix;

/**
 * SignetExplanation:
 * @kind: what the answer is
 * @error_type: (nullable): `x-amzn-ErrorType` without AWS's internal suffix
 * @message: (nullable): the body's `message` (or `Message`), without AWS's
 *   canonical strings (they may carry a session token) and with the
 *   signature of an echoed Authorization header redacted
 * @title: (nullable): one line saying what happened; %NULL for
 *   %SIGNET_EXPLANATION_NONE
 * @details: (nullable): what happened and what to do, about this request
 * @was_signed: whether the request carried a signature
 * @stage: (nullable): the path's first segment (an API Gateway stage)
 * @resource_path: (nullable): the rest of the path, e.g. "/pets/1"
 * @aws_canonical_request: (nullable): what AWS says it signed (mismatch),
 *   session token redacted
 * @aws_string_to_sign: (nullable): AWS's string-to-sign (mismatch)
 * @signet_canonical_request: (nullable): what Signet signed, token redacted
 * @signet_string_to_sign: (nullable): Signet's string-to-sign
 * @canonical_request_diff: (nullable) (element-type SignetDiffLine): Signet's
 *   canonical request against AWS's, line by line
 * @string_to_sign_diff: (nullable) (element-type SignetDiffLine): the same
 *   for the string-to-sign
 * @has_clock_skew: whether @clock_skew_seconds is known
 * @clock_skew_seconds: the server's clock minus this machine's, in seconds
 * @fixes: (element-type SignetExplanationFix): request fields to change
 * @access_key_id: (nullable): the access key ID the request was signed with
 * @caller_arn: (nullable): who AWS says called (access denied)
 * @action: (nullable): the action refused, e.g. "execute-api:Invoke"
 * @resource_arn: (nullable): the resource refused
 * @policy_json: (nullable): a minimal IAM policy allowing exactly this call
 *
 * What an answer means and what to do. Never holds a secret access key, a
 * session token, a signature or a signing key.
 */
typedef struct
{
  SignetExplanationKind  kind;
  char                  *error_type;
  char                  *message;
  char                  *title;
  char                  *details;
  gboolean               was_signed;
  char                  *stage;
  char                  *resource_path;
  char                  *aws_canonical_request;
  char                  *aws_string_to_sign;
  char                  *signet_canonical_request;
  char                  *signet_string_to_sign;
  GArray                *canonical_request_diff;
  GArray                *string_to_sign_diff;
  gboolean               has_clock_skew;
  gint64                 clock_skew_seconds;
  GArray                *fixes;
  char                  *access_key_id;
  char                  *caller_arn;
  char                  *action;
  char                  *resource_arn;
  char                  *policy_json;
} SignetExplanation;

SignetExplanation     *signet_explain                      (const SignetExchange    *exchange,
                                                            GDateTime               *sent_at);
SignetExplanationKind  signet_explain_kind                 (const SignetExchange    *exchange);
gboolean               signet_explanation_kind_is_refusal  (SignetExplanationKind    kind);
const char            *signet_explanation_kind_to_nick     (SignetExplanationKind    kind);
char                  *signet_explanation_to_text          (const SignetExplanation *explanation);
void                   signet_explanation_free             (SignetExplanation       *explanation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetExplanation, signet_explanation_free)

G_END_DECLS
