/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-sigv4-canonical.h"
#include "signet-uri-encode.h"
#include "signet-wire-request.h"

/* Removes "." and ".." segments and empty segments (AWS collapses "//"),
 * keeping a trailing slash, as botocore's remove_dot_segments() does. */
char *
signet_sigv4_normalize_path (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gsize length = strlen (path);
  GString *out = g_string_sized_new (length + 1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *segment = segments[i];

      if (segment[0] == '\0' || g_str_equal (segment, "."))
        continue;
      if (g_str_equal (segment, ".."))
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, (gpointer) segment);
    }

  g_string_append_c (out, '/');
  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, kept->pdata[i]);
    }
  if (kept->len > 0 && length > 0 && path[length - 1] == '/')
    g_string_append_c (out, '/');

  return g_string_free (out, FALSE);
}

/* S3 encodes once: escapes already on the wire are kept (with uppercase
 * hex, and decoded when they stand for an unreserved byte). */
static void
append_single_encoded_path (GString    *out,
                            const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    {
      if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          char decoded = (char) (g_ascii_xdigit_value (p[1]) << 4 | g_ascii_xdigit_value (p[2]));

          signet_uri_encode_append (out, &decoded, 1, FALSE);
          p += 2;
        }
      else
        signet_uri_encode_append (out, p, 1, TRUE);
    }
}

/* Every service but S3 normalizes the path and then URI-encodes the wire
 * form once more, so a "%" on the wire becomes "%25". */
void
signet_sigv4_append_canonical_path (GString    *out,
                                    const char *path,
                                    gboolean    s3)
{
  if (s3)
    {
      append_single_encoded_path (out, path[0] != '\0' ? path : "/");
    }
  else
    {
      g_autofree char *normalized = signet_sigv4_normalize_path (path);

      signet_uri_encode_append (out, normalized, strlen (normalized), TRUE);
    }
}

typedef struct
{
  char *name;
  char *value;
} QueryParam;

static void
clear_query_param (gpointer data)
{
  QueryParam *param = data;

  g_free (param->name);
  g_free (param->value);
}

static char *
reencode (const char *data,
          gsize       length)
{
  g_autoptr(GString) decoded = g_string_sized_new (length);
  GString *encoded = g_string_sized_new (length * 3 / 2 + 1);

  signet_uri_decode_append (decoded, data, length);
  signet_uri_encode_append (encoded, decoded->str, decoded->len, FALSE);

  return g_string_free (encoded, FALSE);
}

static void
add_query_params (GArray     *params,
                  const char *query)
{
  const char *piece = query;

  while (piece != NULL && *piece != '\0')
    {
      const char *end = strchr (piece, '&');
      gsize length = end ? (gsize) (end - piece) : strlen (piece);
      const char *equals = memchr (piece, '=', length);

      if (length > 0)
        {
          QueryParam param;
          gsize name_length = equals ? (gsize) (equals - piece) : length;

          param.name = reencode (piece, name_length);
          /* a bare "flag" signs as "flag=" */
          param.value = equals ? reencode (equals + 1, length - name_length - 1) : g_strdup ("");
          g_array_append_val (params, param);
        }
      piece = end ? end + 1 : NULL;
    }
}

static int
compare_query_params (gconstpointer a,
                      gconstpointer b)
{
  const QueryParam *pa = a;
  const QueryParam *pb = b;
  int by_name = strcmp (pa->name, pb->name);

  return by_name != 0 ? by_name : strcmp (pa->value, pb->value);
}

/* @extra_params are "name=value" pairs already in canonical encoding, the
 * X-Amz-* parameters of a presigned URL. */
void
signet_sigv4_append_canonical_query (GString            *out,
                                     const char         *query,
                                     const char * const *extra_params)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (QueryParam));

  g_array_set_clear_func (params, clear_query_param);
  add_query_params (params, query);
  for (guint i = 0; extra_params != NULL && extra_params[i] != NULL; i++)
    {
      const char *equals = strchr (extra_params[i], '=');
      QueryParam param = {
        g_strndup (extra_params[i], equals - extra_params[i]),
        g_strdup (equals + 1),
      };

      g_array_append_val (params, param);
    }

  g_array_sort (params, compare_query_params);
  for (guint i = 0; i < params->len; i++)
    {
      const QueryParam *param = &g_array_index (params, QueryParam, i);

      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append (out, param->name);
      g_string_append_c (out, '=');
      g_string_append (out, param->value);
    }
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Trimall(): no leading or trailing white space, inner runs become one space. */
void
signet_sigv4_append_trimmed_value (GString    *out,
                                   const char *value)
{
  gboolean pending_space = FALSE;
  gboolean started = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (is_space (*p))
        {
          pending_space = started;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *p);
      pending_space = FALSE;
      started = TRUE;
    }
}

typedef struct
{
  char       *name;
  const char *value;
  guint       position;
} SortableHeader;

static int
compare_sortable_headers (gconstpointer a,
                          gconstpointer b)
{
  const SortableHeader *ha = a;
  const SortableHeader *hb = b;
  int by_name = strcmp (ha->name, hb->name);

  /* repeated headers keep their order: their values are joined in it */
  if (by_name != 0)
    return by_name;
  return ha->position < hb->position ? -1 : ha->position > hb->position;
}

/* @headers are the SignetHeaders to sign. Appends "name:value\n" lines to
 * @canonical and "name;name" to @signed_names. */
void
signet_sigv4_append_canonical_headers (GString *canonical,
                                       GString *signed_names,
                                       GArray  *headers)
{
  g_autofree SortableHeader *sorted = g_new (SortableHeader, headers->len);
  const char *previous = NULL;

  for (guint i = 0; i < headers->len; i++)
    {
      const SignetHeader *header = &g_array_index (headers, SignetHeader, i);

      sorted[i].name = g_ascii_strdown (header->name, -1);
      sorted[i].value = header->value;
      sorted[i].position = i;
    }
  qsort (sorted, headers->len, sizeof (SortableHeader), compare_sortable_headers);

  for (guint i = 0; i < headers->len; i++)
    {
      if (previous != NULL && g_str_equal (previous, sorted[i].name))
        {
          g_string_append_c (canonical, ',');
        }
      else
        {
          if (previous != NULL)
            {
              g_string_append_c (canonical, '\n');
              g_string_append_c (signed_names, ';');
            }
          g_string_append (canonical, sorted[i].name);
          g_string_append_c (canonical, ':');
          g_string_append (signed_names, sorted[i].name);
        }
      signet_sigv4_append_trimmed_value (canonical, sorted[i].value);
      previous = sorted[i].name;
    }
  if (headers->len > 0)
    g_string_append_c (canonical, '\n');

  for (guint i = 0; i < headers->len; i++)
    g_free (sorted[i].name);
}
