/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-async.h"

void
signet_test_store_result_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

/* Turns the default main context until the result is in; the caller owns
 * it (g_autoptr on the slot). */
GAsyncResult *
signet_test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}
