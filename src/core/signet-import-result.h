/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-request.h"

G_BEGIN_DECLS

/**
 * SignetImportProtection:
 * @SIGNET_IMPORT_PROTECTION_UNKNOWN: the source does not say
 * @SIGNET_IMPORT_PROTECTION_IAM: the source says the operation needs SigV4 (IAM)
 * @SIGNET_IMPORT_PROTECTION_OPEN: the source says the operation needs no auth
 *
 * What the imported document said about a request's protection; the
 * audit compares it with what the request actually does.
 */
typedef enum
{
  SIGNET_IMPORT_PROTECTION_UNKNOWN,
  SIGNET_IMPORT_PROTECTION_IAM,
  SIGNET_IMPORT_PROTECTION_OPEN,
} SignetImportProtection;

/**
 * SignetImportSecretKind:
 * @SIGNET_IMPORT_SECRET_ACCESS_KEY: an AWS secret access key
 * @SIGNET_IMPORT_SECRET_SESSION_TOKEN: an AWS session token
 */
typedef enum
{
  SIGNET_IMPORT_SECRET_ACCESS_KEY,
  SIGNET_IMPORT_SECRET_SESSION_TOKEN,
} SignetImportSecretKind;

#define SIGNET_TYPE_IMPORT_RESULT (signet_import_result_get_type ())

G_DECLARE_FINAL_TYPE (SignetImportResult, signet_import_result, SIGNET, IMPORT_RESULT, GObject)

SignetImportResult     *signet_import_result_new                   (void);

const char             *signet_import_result_get_name              (SignetImportResult     *self);
void                    signet_import_result_set_name              (SignetImportResult     *self,
                                                                    const char             *name);

void                    signet_import_result_add_variable          (SignetImportResult     *self,
                                                                    const char             *name,
                                                                    const char             *value);
GListModel             *signet_import_result_get_variables         (SignetImportResult     *self);

void                    signet_import_result_add_folder            (SignetImportResult     *self,
                                                                    const char * const     *path);
guint                   signet_import_result_get_n_folders         (SignetImportResult     *self);
const char * const     *signet_import_result_get_folder            (SignetImportResult     *self,
                                                                    guint                   index);

void                    signet_import_result_add_request           (SignetImportResult     *self,
                                                                    const char * const     *folder,
                                                                    const char             *name,
                                                                    SignetRequest          *request,
                                                                    SignetImportProtection  protection);
guint                   signet_import_result_get_n_requests        (SignetImportResult     *self);
SignetRequest          *signet_import_result_get_request           (SignetImportResult     *self,
                                                                    guint                   index);
const char             *signet_import_result_get_request_name      (SignetImportResult     *self,
                                                                    guint                   index);
const char * const     *signet_import_result_get_request_folder    (SignetImportResult     *self,
                                                                    guint                   index);
SignetImportProtection  signet_import_result_get_request_protection (SignetImportResult    *self,
                                                                    guint                   index);

void                    signet_import_result_add_secret            (SignetImportResult     *self,
                                                                    SignetImportSecretKind  kind,
                                                                    const char             *access_key_id,
                                                                    const char             *where,
                                                                    const char             *value);
guint                   signet_import_result_get_n_secrets         (SignetImportResult     *self);
SignetImportSecretKind  signet_import_result_get_secret_kind       (SignetImportResult     *self,
                                                                    guint                   index);
const char             *signet_import_result_get_secret_access_key_id (SignetImportResult  *self,
                                                                    guint                   index);
const char             *signet_import_result_get_secret_where      (SignetImportResult     *self,
                                                                    guint                   index);
const char             *signet_import_result_get_secret_value      (SignetImportResult     *self,
                                                                    guint                   index);

void                    signet_import_result_add_warning           (SignetImportResult     *self,
                                                                    const char             *format,
                                                                    ...) G_GNUC_PRINTF (2, 3);
const char * const     *signet_import_result_get_warnings          (SignetImportResult     *self);

G_END_DECLS
