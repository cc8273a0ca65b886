/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Typed reads of a JSON object member, with errors that name the member.
 * A missing member leaves *out as it was unless @required. */

JsonNode *signet_json_parse          (const char  *data,
                                      gssize       length,
                                      GError     **error);
gboolean  signet_json_read_string    (JsonObject  *object,
                                      const char  *where,
                                      const char  *member,
                                      gboolean     required,
                                      const char **out,
                                      GError     **error);
gboolean  signet_json_read_bool      (JsonObject  *object,
                                      const char  *where,
                                      const char  *member,
                                      gboolean    *out,
                                      GError     **error);
gboolean  signet_json_read_int       (JsonObject  *object,
                                      const char  *where,
                                      const char  *member,
                                      gboolean     required,
                                      gint64      *out,
                                      GError     **error);
gboolean  signet_json_read_array     (JsonObject  *object,
                                      const char  *where,
                                      const char  *member,
                                      JsonArray  **out,
                                      GError     **error);
gboolean  signet_json_read_object    (JsonObject  *object,
                                      const char  *where,
                                      const char  *member,
                                      JsonObject **out,
                                      GError     **error);
JsonObject *signet_json_array_object (JsonArray   *array,
                                      const char  *where,
                                      guint        index,
                                      GError     **error);

G_END_DECLS
