/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-exchange.h"
#include "signet-explain.h"

G_BEGIN_DECLS

/* How a differing line of AWS's or Signet's canonical strings is marked
 * in the labels' markup. */
#define SIGNET_EXPLANATION_MARK_START "<span weight=\"bold\" bgcolor=\"#e01b24\" bgalpha=\"25%\">"
#define SIGNET_EXPLANATION_MARK_END   "</span>"

#define SIGNET_TYPE_EXPLANATION_VIEW (signet_explanation_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetExplanationView, signet_explanation_view, SIGNET, EXPLANATION_VIEW, AdwBin)

void                     signet_explanation_view_set_exchange    (SignetExplanationView *self,
                                                                  const SignetExchange  *exchange,
                                                                  GDateTime             *sent_at);
void                     signet_explanation_view_clear           (SignetExplanationView *self);
void                     signet_explanation_view_set_credential_name (SignetExplanationView *self,
                                                                      const char            *name);
const SignetExplanation *signet_explanation_view_get_explanation (SignetExplanationView *self);
SignetExplanationKind    signet_explanation_view_get_kind        (SignetExplanationView *self);

G_END_DECLS
