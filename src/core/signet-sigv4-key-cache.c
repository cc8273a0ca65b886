/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-secure-memory.h"
#include "signet-sigv4-key-cache.h"

/* A derived key is only valid for one day, region and service, so a few
 * entries cover every credential an app or a CI run signs with. */
#define MAX_ENTRIES 16

/* The cache is keyed by a SHA-256 digest of the secret: the secret itself
 * is never kept. */
typedef struct
{
  guint8  secret_digest[32];
  char   *date;
  char   *region;
  char   *service;
  guint8  key[SIGNET_SIGV4_KEY_LENGTH];
} CacheEntry;

struct _SignetSigv4KeyCache
{
  CacheEntry entries[MAX_ENTRIES];
  guint      n_entries;
  guint      next_victim;
};

static void
hmac_sha256 (const guint8 *key,
             gsize         key_length,
             const char   *message,
             guint8        out[SIGNET_SIGV4_KEY_LENGTH])
{
  GHmac *hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);
  gsize out_length = SIGNET_SIGV4_KEY_LENGTH;

  g_hmac_update (hmac, (const guchar *) message, strlen (message));
  g_hmac_get_digest (hmac, out, &out_length);
  g_hmac_unref (hmac);
}

void
signet_sigv4_derive_key (const char *secret_access_key,
                         const char *date,
                         const char *region,
                         const char *service,
                         guint8      key[SIGNET_SIGV4_KEY_LENGTH])
{
  gsize secret_length = strlen (secret_access_key);
  gsize seed_length = secret_length + 4;
  guint8 *seed = g_malloc (seed_length);
  guint8 k_date[SIGNET_SIGV4_KEY_LENGTH];
  guint8 k_region[SIGNET_SIGV4_KEY_LENGTH];
  guint8 k_service[SIGNET_SIGV4_KEY_LENGTH];

  memcpy (seed, "AWS4", 4);
  memcpy (seed + 4, secret_access_key, secret_length);

  hmac_sha256 (seed, seed_length, date, k_date);
  hmac_sha256 (k_date, sizeof k_date, region, k_region);
  hmac_sha256 (k_region, sizeof k_region, service, k_service);
  hmac_sha256 (k_service, sizeof k_service, "aws4_request", key);

  signet_secure_zero (seed, seed_length);
  g_free (seed);
  signet_secure_zero (k_date, sizeof k_date);
  signet_secure_zero (k_region, sizeof k_region);
  signet_secure_zero (k_service, sizeof k_service);
}

SignetSigv4KeyCache *
signet_sigv4_key_cache_new (void)
{
  return g_new0 (SignetSigv4KeyCache, 1);
}

static void
clear_entry (CacheEntry *entry)
{
  signet_secure_zero (entry->key, sizeof entry->key);
  signet_secure_zero (entry->secret_digest, sizeof entry->secret_digest);
  g_clear_pointer (&entry->date, g_free);
  g_clear_pointer (&entry->region, g_free);
  g_clear_pointer (&entry->service, g_free);
}

void
signet_sigv4_key_cache_free (SignetSigv4KeyCache *cache)
{
  if (cache == NULL)
    return;

  for (guint i = 0; i < cache->n_entries; i++)
    clear_entry (&cache->entries[i]);
  g_free (cache);
}

static void
digest_secret (const char *secret_access_key,
               guint8      digest[32])
{
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = 32;

  g_checksum_update (checksum, (const guchar *) secret_access_key, strlen (secret_access_key));
  g_checksum_get_digest (checksum, digest, &length);
  g_checksum_free (checksum);
}

void
signet_sigv4_key_cache_get (SignetSigv4KeyCache *cache,
                            const char          *secret_access_key,
                            const char          *date,
                            const char          *region,
                            const char          *service,
                            guint8               key[SIGNET_SIGV4_KEY_LENGTH])
{
  guint8 digest[32];
  CacheEntry *entry;

  digest_secret (secret_access_key, digest);
  for (guint i = 0; i < cache->n_entries; i++)
    {
      entry = &cache->entries[i];
      if (memcmp (entry->secret_digest, digest, sizeof digest) == 0 &&
          g_str_equal (entry->date, date) &&
          g_str_equal (entry->region, region) &&
          g_str_equal (entry->service, service))
        {
          memcpy (key, entry->key, SIGNET_SIGV4_KEY_LENGTH);
          return;
        }
    }

  if (cache->n_entries < MAX_ENTRIES)
    {
      entry = &cache->entries[cache->n_entries++];
    }
  else
    {
      entry = &cache->entries[cache->next_victim];
      cache->next_victim = (cache->next_victim + 1) % MAX_ENTRIES;
      clear_entry (entry);
    }

  signet_sigv4_derive_key (secret_access_key, date, region, service, entry->key);
  memcpy (entry->secret_digest, digest, sizeof digest);
  entry->date = g_strdup (date);
  entry->region = g_strdup (region);
  entry->service = g_strdup (service);
  memcpy (key, entry->key, SIGNET_SIGV4_KEY_LENGTH);
}
