/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define SIGNET_CREDENTIAL_SCHEMA_NAME "io.github.signetapp.Signet.AwsCredential"

/**
 * SignetCredential:
 * @name: the name the credential is stored under, e.g. "petstore-tester"
 * @access_key_id: the access key ID
 * @secret_access_key: the secret access key; wiped when freed
 * @session_token: (nullable): the session token of temporary credentials;
 *   wiped when freed
 *
 * A credential read back from the keyring.
 */
typedef struct
{
  char *name;
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
} SignetCredential;

#define SIGNET_TYPE_CREDENTIAL (signet_credential_get_type ())

GType             signet_credential_get_type (void) G_GNUC_CONST;
SignetCredential *signet_credential_copy     (const SignetCredential *credential);
void              signet_credential_free     (SignetCredential       *credential);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCredential, signet_credential_free)

/**
 * SignetCredentialInfo:
 * @name: the credential's name
 * @access_key_id: its access key ID
 *
 * What signet_credential_store_list_finish() tells about a credential:
 * never its secret.
 */
typedef struct
{
  char *name;
  char *access_key_id;
} SignetCredentialInfo;

#define SIGNET_TYPE_CREDENTIAL_INFO (signet_credential_info_get_type ())

GType                 signet_credential_info_get_type (void) G_GNUC_CONST;
SignetCredentialInfo *signet_credential_info_copy     (const SignetCredentialInfo *info);
void                  signet_credential_info_free     (SignetCredentialInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCredentialInfo, signet_credential_info_free)

gboolean signet_credential_validate_name (const char  *name,
                                          GError     **error);

#define SIGNET_TYPE_CREDENTIAL_STORE (signet_credential_store_get_type ())

G_DECLARE_FINAL_TYPE (SignetCredentialStore, signet_credential_store, SIGNET, CREDENTIAL_STORE, GObject)

SignetCredentialStore *signet_credential_store_new        (void);
const SecretSchema    *signet_credential_store_get_schema (void);

void                   signet_credential_store_save_async    (SignetCredentialStore  *self,
                                                              const char             *name,
                                                              const char             *access_key_id,
                                                              const char             *secret_access_key,
                                                              const char             *session_token,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean               signet_credential_store_save_finish   (SignetCredentialStore  *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);

void                   signet_credential_store_lookup_async  (SignetCredentialStore  *self,
                                                              const char             *name,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
SignetCredential      *signet_credential_store_lookup_finish (SignetCredentialStore  *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);

void                   signet_credential_store_list_async    (SignetCredentialStore  *self,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
GPtrArray             *signet_credential_store_list_finish   (SignetCredentialStore  *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);

void                   signet_credential_store_remove_async  (SignetCredentialStore  *self,
                                                              const char             *name,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean               signet_credential_store_remove_finish (SignetCredentialStore  *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);

G_END_DECLS
