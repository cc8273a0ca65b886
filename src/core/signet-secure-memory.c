/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-secure-memory.h"

/* Wipes key material in a way the compiler may not optimise away, even
 * though the buffer is about to be freed. */
void
signet_secure_zero (gpointer data,
                    gsize    length)
{
  if (data == NULL || length == 0)
    return;
#if HAVE_EXPLICIT_BZERO
  explicit_bzero (data, length);
#else
  {
    volatile guchar *p = data;

    while (length--)
      *p++ = 0;
  }
#endif
}

void
signet_secure_free_string (char *str)
{
  if (str == NULL)
    return;
  signet_secure_zero (str, strlen (str));
  g_free (str);
}

void
signet_secure_free_gstring (GString *string)
{
  if (string == NULL)
    return;
  /* allocated_len covers bytes a shrink may have left behind */
  signet_secure_zero (string->str, string->allocated_len);
  g_string_free (string, TRUE);
}
