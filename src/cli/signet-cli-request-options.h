/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-aws-auth.h"
#include "signet-wire-request.h"

G_BEGIN_DECLS

/* The request options `sign` and `send` share: what to send and how to sign it. */
typedef struct
{
  char     *method;
  char    **headers;
  char    **data;
  char     *region;
  char     *service;
  char     *date;
  gboolean  query;
  int       expires;
  gboolean  s3;
  gboolean  sign_body;
  char     *raw;
} SignetCliRequestOptions;

GOptionGroup      *signet_cli_request_options_group     (SignetCliRequestOptions  *options);
gboolean           signet_cli_request_options_parse     (SignetCliRequestOptions  *options,
                                                         const char               *command,
                                                         const char               *summary,
                                                         const GOptionEntry       *command_entries,
                                                         int                      *argc,
                                                         char                   ***argv,
                                                         const char              **url_out,
                                                         GError                  **error);
void               signet_cli_request_options_clear     (SignetCliRequestOptions  *options);
SignetWireRequest *signet_cli_request_options_build     (SignetCliRequestOptions  *options,
                                                         const char               *url,
                                                         GError                  **error);
SignetAwsAuth     *signet_cli_request_options_build_auth (SignetCliRequestOptions *options,
                                                         const char               *access_key_id,
                                                         const char               *secret_access_key,
                                                         const char               *session_token,
                                                         GError                  **error);
GDateTime         *signet_cli_request_options_signing_time (SignetCliRequestOptions *options,
                                                         GError                  **error);
void               signet_cli_request_options_explain_error (GError                *error);
GBytes            *signet_cli_read_file_or_stdin         (const char              *path,
                                                         GError                 **error);
char              *signet_cli_read_text                  (const char              *path,
                                                         gsize                   *length,
                                                         GError                 **error);

G_END_DECLS
