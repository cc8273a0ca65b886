/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SIGNET_SIGV4_KEY_LENGTH 32

typedef struct _SignetSigv4KeyCache SignetSigv4KeyCache;

SignetSigv4KeyCache *signet_sigv4_key_cache_new   (void);
void                 signet_sigv4_key_cache_free  (SignetSigv4KeyCache *cache);

void                 signet_sigv4_derive_key      (const char          *secret_access_key,
                                                   const char          *date,
                                                   const char          *region,
                                                   const char          *service,
                                                   guint8               key[SIGNET_SIGV4_KEY_LENGTH]);
void                 signet_sigv4_key_cache_get   (SignetSigv4KeyCache *cache,
                                                   const char          *secret_access_key,
                                                   const char          *date,
                                                   const char          *region,
                                                   const char          *service,
                                                   guint8               key[SIGNET_SIGV4_KEY_LENGTH]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetSigv4KeyCache, signet_sigv4_key_cache_free)

G_END_DECLS
