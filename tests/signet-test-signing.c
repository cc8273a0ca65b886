/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-signing.h"

SignetWireRequest *
signet_test_sign_then_change (const SignetAwsAuth  *auth,
                              SignetWireRequest    *request,
                              SignetSigv4Result   **signing)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  SignetWireRequest *signed_request;

  signet_wire_request_add_header (request, "X-Signet-Note", "signed value");
  *signing = signet_aws_auth_sign (auth, request, now, NULL, &error);
  g_assert_no_error (error);
  signed_request = signet_sigv4_result_apply (*signing, request);
  signet_wire_request_remove_header (signed_request, "X-Signet-Note");
  signet_wire_request_add_header (signed_request, "X-Signet-Note", "changed value");
  return signed_request;
}
