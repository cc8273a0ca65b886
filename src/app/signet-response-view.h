/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-exchange.h"
#include "signet-explanation-view.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_RESPONSE_VIEW (signet_response_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetResponseView, signet_response_view, SIGNET, RESPONSE_VIEW, AdwBin)

GtkWidget *signet_response_view_new          (void);
void       signet_response_view_set_exchange (SignetResponseView   *self,
                                              const SignetExchange *exchange);
void       signet_response_view_set_error    (SignetResponseView   *self,
                                              const GError         *error);
void       signet_response_view_clear        (SignetResponseView   *self);
SignetExplanationView *signet_response_view_get_explanation_view (SignetResponseView *self);
gboolean   signet_response_view_get_busy     (SignetResponseView   *self);
gboolean   signet_response_view_get_raw      (SignetResponseView   *self);
void       signet_response_view_set_raw      (SignetResponseView   *self,
                                              gboolean              raw);
gboolean   signet_response_view_get_wrap     (SignetResponseView   *self);
void       signet_response_view_set_wrap     (SignetResponseView   *self,
                                              gboolean              wrap);

G_END_DECLS
