/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-collection.h"

G_BEGIN_DECLS

/* Returns: (transfer none) (nullable): the saved request named @name */
SignetCollectionItem *signet_test_find_item (SignetCollection *collection,
                                             const char       *name);

G_END_DECLS
