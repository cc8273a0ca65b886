/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-explain.h"

G_BEGIN_DECLS

/* signet-explain.c: what the answer says */
char *signet_explain_dup_error_type (const SignetExchange *exchange);
char *signet_explain_dup_message    (const SignetExchange *exchange);

/* signet-explain-compose.c: the title and paragraph, from what was read */
void  signet_explain_compose        (SignetExplanation    *explanation,
                                     const SignetExchange *exchange);

G_END_DECLS
