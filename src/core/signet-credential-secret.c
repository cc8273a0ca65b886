/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-credential-secret.h"
#include "signet-secure-memory.h"

#define MEMBER_SECRET "secret_access_key"
#define MEMBER_TOKEN  "session_token"

/* The secret's JSON form, written and read here rather than with json-glib
 * so that every buffer that ever holds a secret is ours to wipe: both
 * directions size their GString up front and never let it reallocate. */

static void
append_json_string (GString    *out,
                    const char *text)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        {
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

GString *
signet_credential_secret_encode (const char *secret_access_key,
               const char *session_token)
{
  /* every byte escapes to at most 6 */
  gsize size = 64 + 6 * strlen (secret_access_key) +
               (session_token != NULL ? 6 * strlen (session_token) : 0);
  GString *out = g_string_sized_new (size);

  g_string_append (out, "{\"" MEMBER_SECRET "\":");
  append_json_string (out, secret_access_key);
  g_string_append (out, ",\"" MEMBER_TOKEN "\":");
  if (session_token != NULL)
    append_json_string (out, session_token);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
  g_assert (out->len < size);

  return out;
}

typedef struct
{
  const char *p;
  const char *end;
} JsonCursor;

static void
skip_space (JsonCursor *cursor)
{
  while (cursor->p < cursor->end &&
         (*cursor->p == ' ' || *cursor->p == '\t' || *cursor->p == '\n' || *cursor->p == '\r'))
    cursor->p++;
}

static gboolean
skip_char (JsonCursor *cursor,
           char        c)
{
  skip_space (cursor);
  if (cursor->p >= cursor->end || *cursor->p != c)
    return FALSE;
  cursor->p++;
  skip_space (cursor);
  return TRUE;
}

static gboolean
read_hex4 (JsonCursor *cursor,
           gunichar   *out)
{
  gunichar value = 0;

  if (cursor->end - cursor->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (cursor->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  cursor->p += 4;
  *out = value;
  return TRUE;
}

/* Decodes the JSON string at the cursor into @out, which the caller sized
 * for the whole input: a decoded string is never longer than its JSON form. */
static gboolean
read_string (JsonCursor *cursor,
             GString    *out)
{
  if (cursor->p >= cursor->end || *cursor->p != '"')
    return FALSE;
  cursor->p++;

  while (cursor->p < cursor->end)
    {
      guchar c = (guchar) *cursor->p++;
      gunichar unichar;

      if (c == '"')
        return g_utf8_validate (out->str, out->len, NULL);
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          g_string_append_c (out, (char) c);
          continue;
        }
      if (cursor->p >= cursor->end)
        return FALSE;

      c = (guchar) *cursor->p++;
      switch (c)
        {
        case '"':
        case '\\':
        case '/':
          g_string_append_c (out, (char) c);
          break;
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          if (!read_hex4 (cursor, &unichar))
            return FALSE;
          if (unichar >= 0xd800 && unichar <= 0xdbff)
            {
              gunichar low;

              if (cursor->end - cursor->p < 2 || cursor->p[0] != '\\' || cursor->p[1] != 'u')
                return FALSE;
              cursor->p += 2;
              if (!read_hex4 (cursor, &low) || low < 0xdc00 || low > 0xdfff)
                return FALSE;
              unichar = 0x10000 + ((unichar - 0xd800) << 10) + (low - 0xdc00);
            }
          else if (unichar == 0 || (unichar >= 0xdc00 && unichar <= 0xdfff))
            return FALSE;
          g_string_append_unichar (out, unichar);
          break;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

/* Reads {"secret_access_key": "...", "session_token": "..." | null}. Other
 * members with a string or null value are ignored, so a later version may
 * add some; anything else is not ours. */
gboolean
signet_credential_secret_decode (const char  *data,
               gsize        length,
               char       **out_secret,
               char       **out_token)
{
  JsonCursor cursor = { data, data + length };
  GString *key = g_string_sized_new (length);
  GString *secret = NULL;
  GString *token = NULL;
  gboolean secret_seen = FALSE;
  gboolean token_seen = FALSE;
  gboolean ok = FALSE;

  if (!skip_char (&cursor, '{'))
    goto out;
  if (cursor.p < cursor.end && *cursor.p == '}')
    cursor.p++;
  else
    for (;;)
      {
        GString *value = NULL;

        g_string_truncate (key, 0);
        if (!read_string (&cursor, key) || !skip_char (&cursor, ':'))
          goto out;
        if (cursor.end - cursor.p >= 4 && memcmp (cursor.p, "null", 4) == 0)
          cursor.p += 4;
        else
          {
            value = g_string_sized_new (length);
            if (!read_string (&cursor, value))
              {
                signet_secure_free_gstring (value);
                goto out;
              }
          }

        if (g_str_equal (key->str, MEMBER_SECRET) && !secret_seen)
          {
            secret_seen = TRUE;
            secret = value;
          }
        else if (g_str_equal (key->str, MEMBER_TOKEN) && !token_seen)
          {
            token_seen = TRUE;
            token = value;
          }
        else if (g_str_equal (key->str, MEMBER_SECRET) || g_str_equal (key->str, MEMBER_TOKEN))
          {
            signet_secure_free_gstring (value);
            goto out;
          }
        else
          signet_secure_free_gstring (value);

        skip_space (&cursor);
        if (cursor.p < cursor.end && *cursor.p == '}')
          {
            cursor.p++;
            break;
          }
        if (!skip_char (&cursor, ','))
          goto out;
      }

  skip_space (&cursor);
  if (cursor.p != cursor.end || secret == NULL || secret->len == 0)
    goto out;

  *out_secret = g_string_free (g_steal_pointer (&secret), FALSE);
  if (token != NULL && token->len > 0)
    *out_token = g_string_free (g_steal_pointer (&token), FALSE);
  else
    *out_token = NULL;
  ok = TRUE;

out:
  signet_secure_free_gstring (key);
  signet_secure_free_gstring (secret);
  signet_secure_free_gstring (token);
  return ok;
}
