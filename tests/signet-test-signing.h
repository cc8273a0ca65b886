/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-aws-auth.h"
#include "signet-sigv4.h"
#include "signet-wire-request.h"

G_BEGIN_DECLS

/* @request signed now with an X-Signet-Note header of "signed value", then
 * the note changed to "changed value" as a proxy might: the signature no
 * longer fits. Returns the request to send; @signing gets what was signed. */
SignetWireRequest *signet_test_sign_then_change (const SignetAwsAuth  *auth,
                                                 SignetWireRequest    *request,
                                                 SignetSigv4Result   **signing);

G_END_DECLS
