/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-import-curl.h"

/*
 * Reads a pasted curl command into one request. Words are split as a
 * POSIX shell would ('…', "…", backslashes, backslash-newline), without
 * expanding anything: "$AWS_SECRET_ACCESS_KEY" stays as typed. Options we
 * do not map become warnings so a pasted command never fails on them.
 */

/* Escapes inside "…" that a shell removes the backslash from. */
static gboolean
is_dquote_escape (char c)
{
  return c == '"' || c == '\\' || c == '$' || c == '`';
}

static void
flush (GStrvBuilder  *words,
       GString      **word)
{
  if (*word == NULL)
    return;
  g_strv_builder_add (words, (*word)->str);
  g_string_free (*word, TRUE);
  *word = NULL;
}

/**
 * signet_import_curl_split:
 *
 * Returns: (transfer full): the words of @command, or %NULL with @error
 *   set for an unterminated quote
 */
GStrv
signet_import_curl_split (const char  *command,
                          GError     **error)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GString) word = NULL;
  const char *p = command;

  g_return_val_if_fail (command != NULL, NULL);

  while (*p != '\0')
    {
      if (*p == '\\' && p[1] == '\n')
        p += 2;
      else if (*p == '\\' && p[1] == '\r' && p[2] == '\n')
        p += 3;
      else if (g_ascii_isspace (*p))
        {
          flush (words, &word);
          p++;
        }
      else
        {
          if (word == NULL)
            word = g_string_new (NULL);
          if (*p == '\'')
            {
              const char *end = strchr (p + 1, '\'');

              if (end == NULL)
                goto unterminated;
              g_string_append_len (word, p + 1, end - p - 1);
              p = end + 1;
            }
          else if (*p == '"')
            {
              for (p++; *p != '"'; p++)
                {
                  if (*p == '\0')
                    goto unterminated;
                  if (*p == '\\' && p[1] == '\n')
                    p++;
                  else if (*p == '\\' && is_dquote_escape (p[1]))
                    g_string_append_c (word, *++p);
                  else
                    g_string_append_c (word, *p);
                }
              p++;
            }
          else if (*p == '\\' && p[1] != '\0')
            {
              g_string_append_c (word, p[1]);
              p += 2;
            }
          else
            g_string_append_c (word, *p++);
        }
    }
  flush (words, &word);
  return g_strv_builder_end (words);

unterminated:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("curl command: a quote is not closed"));
  return NULL;
}

typedef struct
{
  SignetImportResult *result;
  SignetRequest      *request;
  char               *method;
  char               *url;
  GString            *data;
  gboolean            json;
  gboolean            get;
  char               *sigv4;
  char               *user;
} Curl;

/* Options that take an argument we do not use, and flags that change
 * nothing about the request; anything else gets a warning. */
static const char * const ignored_with_arg[] = {
  "-o", "--output", "-m", "--max-time", "--connect-timeout", "--retry",
  "-w", "--write-out", "--cacert", "--capath", "-x", "--proxy", "-e", "--referer",
  NULL
};
static const char * const ignored_flags[] = {
  "-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include",
  "-L", "--location", "--compressed", "-f", "--fail", "-sS", "-sSL", "-sL",
  NULL
};

static void
add_header_line (Curl       *curl,
                 const char *line)
{
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  g_autoptr(SignetRequestRow) row = NULL;
  const char *colon = strchr (line, ':');

  if (colon == NULL)
    {
      signet_import_result_add_warning (curl->result, _("header “%s” has no colon, skipped"), line);
      return;
    }
  name = g_strstrip (g_strndup (line, colon - line));
  value = g_strstrip (g_strdup (colon + 1));

  /* Secrets and a frozen signature never go into the request. */
  if (g_ascii_strcasecmp (name, "X-Amz-Security-Token") == 0)
    {
      if (value[0] != '$')
        signet_import_result_add_secret (curl->result, SIGNET_IMPORT_SECRET_SESSION_TOKEN,
                                         NULL, _("curl command"), value);
      return;
    }
  if (g_ascii_strcasecmp (name, "Authorization") == 0
      || g_ascii_strcasecmp (name, "X-Amz-Date") == 0)
    {
      if (g_ascii_strcasecmp (name, "Authorization") == 0)
        signet_import_result_add_warning (curl->result,
                                          _("the Authorization header was dropped; Signet signs each request itself"));
      return;
    }

  row = signet_request_row_new (name, value);
  g_list_store_append (G_LIST_STORE (signet_request_get_headers (curl->request)), row);
}

static void
add_data (Curl       *curl,
          const char *value)
{
  if (value[0] == '@')
    {
      signet_import_result_add_warning (curl->result,
                                        _("the body is read from the file “%s”, which was not read"), value + 1);
      return;
    }
  if (curl->data == NULL)
    curl->data = g_string_new (NULL);
  else
    g_string_append_c (curl->data, '&');
  g_string_append (curl->data, value);
}

static gboolean
is_one_of (const char         *word,
           const char * const *list)
{
  return g_strv_contains (list, word);
}

/* Takes the argument of an option: attached ("-XPOST") or the next word. */
static const char *
take_arg (GStrv        words,
          guint       *i,
          const char  *attached,
          GError     **error)
{
  if (attached != NULL && *attached != '\0')
    return attached;
  if (words[*i + 1] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("curl command: “%s” needs an argument"), words[*i]);
      return NULL;
    }
  return words[++*i];
}

static gboolean
read_option (Curl        *curl,
             GStrv        words,
             guint       *i,
             GError     **error)
{
  const char *word = words[*i];
  const char *attached = NULL;
  const char *arg;
  char opt = 0;

  if (word[1] != '-' && word[1] != '\0' && strchr ("XHdu", word[1]) != NULL)
    {
      opt = word[1];
      attached = word + 2;
    }

  if (opt == 'X' || g_str_equal (word, "--request"))
    {
      if ((arg = take_arg (words, i, attached, error)) == NULL)
        return FALSE;
      g_free (curl->method);
      curl->method = g_ascii_strup (arg, -1);
    }
  else if (opt == 'H' || g_str_equal (word, "--header"))
    {
      if ((arg = take_arg (words, i, attached, error)) == NULL)
        return FALSE;
      add_header_line (curl, arg);
    }
  else if (opt == 'd' || g_str_equal (word, "--data") || g_str_equal (word, "--data-raw")
           || g_str_equal (word, "--data-binary") || g_str_equal (word, "--data-ascii"))
    {
      if ((arg = take_arg (words, i, attached, error)) == NULL)
        return FALSE;
      /* --data-raw sends a leading '@' as is. */
      if (g_str_equal (word, "--data-raw") && arg[0] == '@')
        {
          if (curl->data == NULL)
            curl->data = g_string_new (arg);
          else
            g_string_append_printf (curl->data, "&%s", arg);
        }
      else
        add_data (curl, arg);
    }
  else if (g_str_equal (word, "--json"))
    {
      if ((arg = take_arg (words, i, NULL, error)) == NULL)
        return FALSE;
      curl->json = TRUE;
      add_data (curl, arg);
    }
  else if (opt == 'u' || g_str_equal (word, "--user"))
    {
      if ((arg = take_arg (words, i, attached, error)) == NULL)
        return FALSE;
      g_free (curl->user);
      curl->user = g_strdup (arg);
    }
  else if (g_str_equal (word, "--aws-sigv4"))
    {
      if ((arg = take_arg (words, i, NULL, error)) == NULL)
        return FALSE;
      g_free (curl->sigv4);
      curl->sigv4 = g_strdup (arg);
    }
  else if (g_str_equal (word, "--url"))
    {
      if ((arg = take_arg (words, i, NULL, error)) == NULL)
        return FALSE;
      g_free (curl->url);
      curl->url = g_strdup (arg);
    }
  else if (g_str_equal (word, "-G") || g_str_equal (word, "--get"))
    curl->get = TRUE;
  else if (g_str_equal (word, "-A") || g_str_equal (word, "--user-agent"))
    {
      g_autofree char *line = NULL;

      if ((arg = take_arg (words, i, NULL, error)) == NULL)
        return FALSE;
      line = g_strdup_printf ("User-Agent: %s", arg);
      add_header_line (curl, line);
    }
  else if (is_one_of (word, ignored_flags))
    ;
  else if (is_one_of (word, ignored_with_arg))
    {
      if (take_arg (words, i, NULL, error) == NULL)
        return FALSE;
    }
  else
    signet_import_result_add_warning (curl->result, _("curl option “%s” was ignored"), word);
  return TRUE;
}

/* "aws:amz:REGION:SERVICE"; region and service may be left out. */
static void
apply_sigv4 (Curl *curl)
{
  g_auto(GStrv) parts = NULL;
  const char *key = NULL;
  char *colon;

  if (curl->sigv4 == NULL)
    {
      if (curl->user != NULL)
        signet_import_result_add_warning (curl->result,
                                          _("--user without --aws-sigv4 is Basic auth, imported as No Auth"));
      return;
    }
  parts = g_strsplit (curl->sigv4, ":", 4);
  signet_request_set_auth_kind (curl->request, SIGNET_AUTH_KIND_AWS_SIGV4);
  if (g_strv_length (parts) >= 3)
    signet_request_set_region (curl->request, parts[2]);
  if (g_strv_length (parts) >= 4)
    signet_request_set_service (curl->request, parts[3]);

  if (curl->user == NULL)
    return;
  colon = strchr (curl->user, ':');
  if (colon != NULL)
    *colon = '\0';
  /* "$AWS_ACCESS_KEY_ID" is the shell's to fill; the user picks a credential. */
  if (curl->user[0] != '$')
    {
      key = curl->user;
      signet_request_set_access_key_id (curl->request, key);
    }
  if (colon != NULL && colon[1] != '$' && colon[1] != '\0')
    signet_import_result_add_secret (curl->result, SIGNET_IMPORT_SECRET_ACCESS_KEY,
                                     key, _("curl command"), colon + 1);
  if (colon != NULL)
    memset (colon + 1, 0, strlen (colon + 1));
}

/* The body as curl would send it: -G moves it to the query; -d defaults
 * to a form Content-Type, kept as a header so the bytes stay exact. */
static void
apply_data (Curl *curl)
{
  const char *type;

  if (curl->data == NULL)
    return;
  if (curl->get)
    {
      g_autofree char *url = g_strdup_printf ("%s%c%s", curl->url,
                                              strchr (curl->url, '?') != NULL ? '&' : '?',
                                              curl->data->str);
      g_free (curl->url);
      curl->url = g_steal_pointer (&url);
      return;
    }
  if (curl->json && signet_request_get_header_value (curl->request, "Content-Type") == NULL)
    add_header_line (curl, "Content-Type: application/json");
  if (curl->json && signet_request_get_header_value (curl->request, "Accept") == NULL)
    add_header_line (curl, "Accept: application/json");
  if (signet_request_get_header_value (curl->request, "Content-Type") == NULL)
    add_header_line (curl, "Content-Type: application/x-www-form-urlencoded");

  type = signet_request_get_header_value (curl->request, "Content-Type");
  signet_request_set_body_kind (curl->request,
                                type != NULL && strstr (type, "json") != NULL
                                ? SIGNET_BODY_KIND_JSON : SIGNET_BODY_KIND_RAW);
  signet_request_set_body_text (curl->request, curl->data->str);
  if (curl->method == NULL)
    curl->method = g_strdup ("POST");
}

static void
curl_clear (Curl *curl)
{
  g_clear_object (&curl->request);
  g_free (curl->method);
  g_free (curl->url);
  if (curl->data != NULL)
    g_string_free (curl->data, TRUE);
  g_free (curl->sigv4);
  if (curl->user != NULL)
    memset (curl->user, 0, strlen (curl->user));
  g_free (curl->user);
}

/**
 * signet_import_curl:
 * @command: a curl command line, as pasted
 *
 * Returns: (transfer full) (nullable): one request named after its URL
 */
SignetImportResult *
signet_import_curl (const char  *command,
                    GError     **error)
{
  g_autoptr(SignetImportResult) result = signet_import_result_new ();
  g_auto(GStrv) words = NULL;
  Curl curl = { result, signet_request_new () };
  guint i = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (command != NULL, NULL);

  words = signet_import_curl_split (command, error);
  if (words == NULL)
    {
      curl_clear (&curl);
      return NULL;
    }
  if (words[0] == NULL || !g_str_equal (words[0], "curl"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a curl command: it must start with “curl”"));
      curl_clear (&curl);
      return NULL;
    }

  for (i = 1; ok && words[i] != NULL; i++)
    {
      if (words[i][0] == '-' && words[i][1] != '\0')
        ok = read_option (&curl, words, &i, error);
      else if (curl.url == NULL)
        curl.url = g_strdup (words[i]);
      else
        signet_import_result_add_warning (result, _("extra URL “%s” was ignored"), words[i]);
    }
  for (i = 0; words[i] != NULL; i++)
    memset (words[i], 0, strlen (words[i]));
  if (ok && curl.url == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("curl command: no URL"));
      ok = FALSE;
    }
  if (!ok)
    {
      curl_clear (&curl);
      return NULL;
    }

  /* curl assumes http:// for a bare host. */
  if (strstr (curl.url, "://") == NULL)
    {
      char *url = g_strconcat ("http://", curl.url, NULL);

      g_free (curl.url);
      curl.url = url;
    }
  apply_sigv4 (&curl);
  apply_data (&curl);
  signet_request_set_method (curl.request, curl.method != NULL ? curl.method : "GET");
  signet_request_set_url (curl.request, curl.url);
  signet_import_result_set_name (result, "curl");
  signet_import_result_add_request (result, NULL, signet_request_get_title (curl.request),
                                    curl.request, SIGNET_IMPORT_PROTECTION_UNKNOWN);
  curl_clear (&curl);
  return g_steal_pointer (&result);
}
