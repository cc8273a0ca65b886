/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-uri-encode.h"

static const char hex_upper[] = "0123456789ABCDEF";

/* RFC 3986 unreserved: the only bytes SigV4 leaves unencoded. */
gboolean
signet_uri_is_unreserved (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static void
append_escape (GString *out,
               guchar   c)
{
  g_string_append_c (out, '%');
  g_string_append_c (out, hex_upper[c >> 4]);
  g_string_append_c (out, hex_upper[c & 0xf]);
}

/* AWS's UriEncode(): every byte but the unreserved ones as %XX with
 * uppercase hex; '/' kept as is in paths. */
void
signet_uri_encode_append (GString    *out,
                          const char *data,
                          gsize       length,
                          gboolean    keep_slash)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (signet_uri_is_unreserved (c) || (keep_slash && c == '/'))
        g_string_append_c (out, c);
      else
        append_escape (out, c);
    }
}

/* Percent-decoding only: '+' stays '+', as AWS reads query strings. A '%'
 * without two hex digits after it stays a literal '%'. */
void
signet_uri_decode_append (GString    *out,
                          const char *data,
                          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '%' && i + 2 < length &&
          g_ascii_isxdigit (data[i + 1]) && g_ascii_isxdigit (data[i + 2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (data[i + 1]) << 4 |
                                          g_ascii_xdigit_value (data[i + 2])));
          i += 2;
        }
      else
        g_string_append_c (out, data[i]);
    }
}

static gboolean
is_illegal_in_url (guchar c)
{
  return c <= 0x20 || c >= 0x7f || strchr ("\"<>\\^`{|}", c) != NULL;
}

char *
signet_uri_encode_illegal (const char *url)
{
  GString *out = g_string_sized_new (strlen (url));

  for (const char *p = url; *p != '\0'; p++)
    {
      if (is_illegal_in_url ((guchar) *p))
        append_escape (out, (guchar) *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

gboolean
signet_uri_escapes_are_valid (const char *text)
{
  for (const char *p = strchr (text, '%'); p != NULL; p = strchr (p + 1, '%'))
    if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
      return FALSE;

  return TRUE;
}
