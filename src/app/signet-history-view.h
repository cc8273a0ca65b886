/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-history.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_HISTORY_VIEW (signet_history_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetHistoryView, signet_history_view, SIGNET, HISTORY_VIEW, AdwBin)

GtkWidget     *signet_history_view_new         (SignetHistory     *history);
SignetHistory *signet_history_view_get_history (SignetHistoryView *self);
void           signet_history_view_set_history (SignetHistoryView *self,
                                                SignetHistory     *history);
GListModel    *signet_history_view_get_shown   (SignetHistoryView *self);

G_END_DECLS
