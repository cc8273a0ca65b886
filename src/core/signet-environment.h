/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "signet-request.h"
#include "signet-variables.h"

G_BEGIN_DECLS

#define SIGNET_ENVIRONMENT_JSON_VERSION 1

/**
 * SignetResolveFlags:
 * @SIGNET_RESOLVE_FLAGS_NONE: unknown variables are an error
 * @SIGNET_RESOLVE_ALLOW_UNKNOWN: leave unknown variables as typed
 */
typedef enum
{
  SIGNET_RESOLVE_FLAGS_NONE     = 0,
  SIGNET_RESOLVE_ALLOW_UNKNOWN  = 1 << 0,
} SignetResolveFlags;

#define SIGNET_TYPE_ENVIRONMENT (signet_environment_get_type ())

G_DECLARE_FINAL_TYPE (SignetEnvironment, signet_environment, SIGNET, ENVIRONMENT, GObject)

/* signet-environment.c: the model */
SignetEnvironment *signet_environment_new                (const char          *name);
const char        *signet_environment_get_name           (SignetEnvironment   *self);
void               signet_environment_set_name           (SignetEnvironment   *self,
                                                          const char          *name);
guint              signet_environment_get_n_variables    (SignetEnvironment   *self);
const char        *signet_environment_get_variable_name  (SignetEnvironment   *self,
                                                          guint                position);
const char        *signet_environment_get_variable_value (SignetEnvironment   *self,
                                                          guint                position);
gboolean           signet_environment_get_variable_secret (SignetEnvironment  *self,
                                                           guint               position);
void               signet_environment_set_variable       (SignetEnvironment   *self,
                                                          const char          *name,
                                                          const char          *value,
                                                          gboolean             secret);
gboolean           signet_environment_remove_variable    (SignetEnvironment   *self,
                                                          const char          *name);
const char        *signet_environment_lookup             (const char          *name,
                                                          gpointer             environment);
char              *signet_environment_dup_slug           (SignetEnvironment   *self);

/* signet-environment-json.c: the file's text */
JsonNode          *signet_environment_to_json_node       (SignetEnvironment   *self);
char              *signet_environment_to_json            (SignetEnvironment   *self);
SignetEnvironment *signet_environment_from_json          (const char          *data,
                                                          gssize               length,
                                                          GError             **error);

/* signet-environment-file.c: environments/<slug>.json in a collection folder */
void               signet_environment_save_async         (SignetEnvironment   *self,
                                                          GFile               *collection_dir,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           signet_environment_save_finish        (SignetEnvironment   *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               signet_environment_load_async         (GFile               *collection_dir,
                                                          const char          *slug,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SignetEnvironment *signet_environment_load_finish        (GAsyncResult        *result,
                                                          GError             **error);

/* signet-environment-resolve.c: a request with its variables expanded */
SignetRequest     *signet_environment_resolve_request    (SignetRequest       *request,
                                                          SignetVariableLookup lookup,
                                                          gpointer             data,
                                                          SignetResolveFlags   flags,
                                                          GPtrArray           *unknown_names,
                                                          GError             **error);

G_END_DECLS
