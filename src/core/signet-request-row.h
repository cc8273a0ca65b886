/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_REQUEST_ROW (signet_request_row_get_type ())

G_DECLARE_FINAL_TYPE (SignetRequestRow, signet_request_row, SIGNET, REQUEST_ROW, GObject)

SignetRequestRow *signet_request_row_new           (const char       *name,
                                                    const char       *value);
const char       *signet_request_row_get_name      (SignetRequestRow *self);
void              signet_request_row_set_name      (SignetRequestRow *self,
                                                    const char       *name);
const char       *signet_request_row_get_value     (SignetRequestRow *self);
void              signet_request_row_set_value     (SignetRequestRow *self,
                                                    const char       *value);
gboolean          signet_request_row_get_has_value (SignetRequestRow *self);
void              signet_request_row_set_has_value (SignetRequestRow *self,
                                                    gboolean          has_value);
gboolean          signet_request_row_get_enabled   (SignetRequestRow *self);
void              signet_request_row_set_enabled   (SignetRequestRow *self,
                                                    gboolean          enabled);
const char       *signet_request_row_get_raw       (SignetRequestRow *self);
void              signet_request_row_set_raw       (SignetRequestRow *self,
                                                    const char       *raw);
gboolean          signet_request_row_is_blank      (SignetRequestRow *self);

G_END_DECLS
