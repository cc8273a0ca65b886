/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SignetHeader:
 * @name: the header name as it is sent
 * @value: the header value, on one line
 */
typedef struct
{
  char *name;
  char *value;
} SignetHeader;

/**
 * SignetWireRequest:
 * @method: the HTTP method, e.g. "GET"
 * @scheme: "https" or "http"
 * @authority: host[:port], exactly what the Host header carries
 * @path: the path exactly as it travels on the wire, never decoded
 * @query: the query as it travels, without '?'; %NULL when there is none
 * @headers: (element-type SignetHeader): headers in sending order
 * @body: the body bytes, never %NULL
 *
 * An HTTP request as its bytes go on the wire. Signing and sending both
 * read this one form, so that what is signed is what is sent.
 */
typedef struct
{
  char   *method;
  char   *scheme;
  char   *authority;
  char   *path;
  char   *query;
  GArray *headers;
  GBytes *body;
} SignetWireRequest;

SignetWireRequest *signet_wire_request_new            (const char               *method);
SignetWireRequest *signet_wire_request_new_for_url    (const char               *method,
                                                       const char               *url,
                                                       GError                  **error);
SignetWireRequest *signet_wire_request_parse_raw      (GBytes                   *raw,
                                                       const char               *scheme,
                                                       GError                  **error);
SignetWireRequest *signet_wire_request_copy           (const SignetWireRequest  *request);
void               signet_wire_request_free           (SignetWireRequest        *request);

void               signet_wire_request_add_header     (SignetWireRequest        *request,
                                                       const char               *name,
                                                       const char               *value);
gboolean           signet_wire_request_add_header_line (SignetWireRequest       *request,
                                                       const char               *line,
                                                       GError                  **error);
const char        *signet_wire_request_get_header     (const SignetWireRequest  *request,
                                                       const char               *name);
gboolean           signet_wire_request_remove_header  (SignetWireRequest        *request,
                                                       const char               *name);
void               signet_wire_request_set_body       (SignetWireRequest        *request,
                                                       GBytes                   *body);
void               signet_wire_request_append_query   (SignetWireRequest        *request,
                                                       const char               *params);
char              *signet_wire_request_dup_host       (const SignetWireRequest  *request);
int                signet_wire_request_get_port       (const SignetWireRequest  *request);
char              *signet_wire_request_to_url         (const SignetWireRequest  *request);
char              *signet_wire_request_to_http1       (const SignetWireRequest  *request);

gboolean           signet_header_name_is_valid        (const char               *name);
GArray            *signet_header_array_new            (void);
const char        *signet_header_array_find           (GArray                   *headers,
                                                       const char               *name);
void               signet_header_array_add            (GArray                   *headers,
                                                       const char               *name,
                                                       const char               *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetWireRequest, signet_wire_request_free)

G_END_DECLS
