/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-error.h"

G_DEFINE_QUARK (signet-error-quark, signet_error)
