/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "signet-request.h"

G_BEGIN_DECLS

#define SIGNET_REQUEST_JSON_VERSION 1

JsonNode      *signet_request_to_json_node (SignetRequest  *request,
                                            const char     *name);
char          *signet_request_to_json      (SignetRequest  *request,
                                            const char     *name);
SignetRequest *signet_request_from_json_node (JsonNode     *node,
                                              char        **name,
                                              GError      **error);
SignetRequest *signet_request_from_json    (const char     *data,
                                            gssize          length,
                                            char          **name,
                                            GError        **error);

char          *signet_json_to_file_text    (JsonNode       *node);
gboolean       signet_json_has_secret_key  (JsonNode       *node);

G_END_DECLS
