/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An _async call's result in a test without a window: pass
 * signet_test_store_result_cb with a NULL-initialised slot, then wait. */
void          signet_test_store_result_cb (GObject       *source,
                                           GAsyncResult  *result,
                                           gpointer       slot);
GAsyncResult *signet_test_wait_for_result (GAsyncResult **slot);

G_END_DECLS
