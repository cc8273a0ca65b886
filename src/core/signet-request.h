/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-aws-auth.h"
#include "signet-core-enums.h"
#include "signet-request-row.h"
#include "signet-wire-request.h"

G_BEGIN_DECLS

/**
 * SignetBodyKind:
 * @SIGNET_BODY_KIND_NONE: no body
 * @SIGNET_BODY_KIND_RAW: #SignetRequest:body-text as text/plain
 * @SIGNET_BODY_KIND_JSON: #SignetRequest:body-text as application/json
 * @SIGNET_BODY_KIND_FORM: the form fields, application/x-www-form-urlencoded
 */
typedef enum
{
  SIGNET_BODY_KIND_NONE,
  SIGNET_BODY_KIND_RAW,
  SIGNET_BODY_KIND_JSON,
  SIGNET_BODY_KIND_FORM,
} SignetBodyKind;

/**
 * SignetAuthKind:
 * @SIGNET_AUTH_KIND_NONE: send the request unsigned
 * @SIGNET_AUTH_KIND_AWS_SIGV4: sign it with AWS Signature Version 4
 */
typedef enum
{
  SIGNET_AUTH_KIND_NONE,
  SIGNET_AUTH_KIND_AWS_SIGV4,
} SignetAuthKind;

#define SIGNET_TYPE_REQUEST (signet_request_get_type ())

G_DECLARE_FINAL_TYPE (SignetRequest, signet_request, SIGNET, REQUEST, GObject)

SignetRequest     *signet_request_new                  (void);

const char        *signet_request_get_method           (SignetRequest  *self);
void               signet_request_set_method           (SignetRequest  *self,
                                                        const char     *method);
const char        *signet_request_get_url              (SignetRequest  *self);
void               signet_request_set_url              (SignetRequest  *self,
                                                        const char     *url);
SignetBodyKind     signet_request_get_body_kind        (SignetRequest  *self);
void               signet_request_set_body_kind        (SignetRequest  *self,
                                                        SignetBodyKind  body_kind);
const char        *signet_request_get_body_text        (SignetRequest  *self);
void               signet_request_set_body_text        (SignetRequest  *self,
                                                        const char     *body_text);
SignetAuthKind     signet_request_get_auth_kind        (SignetRequest  *self);
void               signet_request_set_auth_kind        (SignetRequest  *self,
                                                        SignetAuthKind  auth_kind);
const char        *signet_request_get_access_key_id    (SignetRequest  *self);
void               signet_request_set_access_key_id    (SignetRequest  *self,
                                                        const char     *access_key_id);
const char        *signet_request_get_region           (SignetRequest  *self);
void               signet_request_set_region           (SignetRequest  *self,
                                                        const char     *region);
const char        *signet_request_get_service          (SignetRequest  *self);
void               signet_request_set_service          (SignetRequest  *self,
                                                        const char     *service);
gboolean           signet_request_get_sign_in_query    (SignetRequest  *self);
void               signet_request_set_sign_in_query    (SignetRequest  *self,
                                                        gboolean        sign_in_query);
const char        *signet_request_get_credential_name  (SignetRequest  *self);
void               signet_request_set_credential_name  (SignetRequest  *self,
                                                        const char     *credential_name);
const char        *signet_request_get_key_ref          (SignetRequest  *self);
void               signet_request_set_key_ref          (SignetRequest  *self,
                                                        const char     *reference);
const char        *signet_request_get_session_ref      (SignetRequest  *self);
void               signet_request_set_session_ref      (SignetRequest  *self,
                                                        const char     *reference);
guint              signet_request_get_expected_status  (SignetRequest  *self);
void               signet_request_set_expected_status  (SignetRequest  *self,
                                                        guint           expected_status);
const char        *signet_request_get_detected_region  (SignetRequest  *self);
const char        *signet_request_get_detected_service (SignetRequest  *self);
gboolean           signet_request_get_modified         (SignetRequest  *self);
void               signet_request_set_modified         (SignetRequest  *self,
                                                        gboolean        modified);
const char        *signet_request_get_title            (SignetRequest  *self);

GListModel        *signet_request_get_params           (SignetRequest  *self);
GListModel        *signet_request_get_headers          (SignetRequest  *self);
const char        *signet_request_get_header_value     (SignetRequest  *self,
                                                        const char     *name);
GListModel        *signet_request_get_form_fields      (SignetRequest  *self);

SignetWireRequest *signet_request_build_wire           (SignetRequest  *self,
                                                        GError        **error);
SignetAwsAuth     *signet_request_build_auth           (SignetRequest  *self,
                                                        const char     *secret_access_key,
                                                        const char     *session_token,
                                                        GError        **error);

G_END_DECLS
