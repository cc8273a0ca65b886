/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-collection.h"

SignetCollectionItem *
signet_test_find_item (SignetCollection *collection,
                       const char       *name)
{
  GListModel *items = signet_collection_get_items (collection);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, i);

      /* the collection's model holds it */
      if (g_str_equal (signet_collection_item_get_name (item), name))
        return item;
    }
  return NULL;
}
