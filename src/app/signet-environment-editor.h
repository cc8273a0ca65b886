/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-environment-list.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ENVIRONMENT_EDITOR (signet_environment_editor_get_type ())

G_DECLARE_FINAL_TYPE (SignetEnvironmentEditor, signet_environment_editor, SIGNET, ENVIRONMENT_EDITOR, AdwWindow)

SignetEnvironmentEditor *signet_environment_editor_new          (GtkWindow               *parent,
                                                                 SignetEnvironmentList   *list,
                                                                 SignetEnvironment       *environment);
void                     signet_environment_editor_set_name     (SignetEnvironmentEditor *self,
                                                                 const char              *name);
void                     signet_environment_editor_add_variable (SignetEnvironmentEditor *self,
                                                                 const char              *name,
                                                                 const char              *value,
                                                                 gboolean                 secret);

G_END_DECLS
