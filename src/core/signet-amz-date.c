/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-amz-date.h"
#include "signet-error.h"

static int
digits (const char *text,
        guint       count)
{
  int value = 0;

  for (guint i = 0; i < count; i++)
    value = value * 10 + g_ascii_digit_value (text[i]);

  return value;
}

GDateTime *
signet_amz_date_parse (const char  *text,
                       GError     **error)
{
  GDateTime *time = NULL;

  if (text != NULL && strlen (text) == 16 && text[8] == 'T' && text[15] == 'Z' &&
      strspn (text, "0123456789") == 8 && strspn (text + 9, "0123456789") == 6)
    time = g_date_time_new_utc (digits (text, 4), digits (text + 4, 2), digits (text + 6, 2),
                                digits (text + 9, 2), digits (text + 11, 2), digits (text + 13, 2));

  if (time == NULL)
    g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_TIME,
                 _("“%s” is not a time of the form YYYYMMDDTHHMMSSZ (e.g. 20150830T123600Z)"),
                 text ? text : "");
  return time;
}

char *
signet_amz_date_format (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}
