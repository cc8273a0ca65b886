/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-sigv4.h"
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
void               signet_cli_request_options_clear     (SignetCliRequestOptions  *options);
SignetWireRequest *signet_cli_request_options_build     (SignetCliRequestOptions  *options,
                                                         const char               *url,
                                                         GError                  **error);
gboolean           signet_cli_request_options_sign_params (SignetCliRequestOptions *options,
                                                         const SignetWireRequest  *request,
                                                         SignetSigv4Params        *params,
                                                         char                    **region_out,
                                                         char                    **service_out,
                                                         GError                  **error);

G_END_DECLS
