/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "signet-sigv4.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_SIGNATURE_INSPECTOR (signet_signature_inspector_get_type ())

G_DECLARE_FINAL_TYPE (SignetSignatureInspector, signet_signature_inspector, SIGNET, SIGNATURE_INSPECTOR, AdwBin)

void        signet_signature_inspector_set_signing (SignetSignatureInspector *self,
                                                    const SignetSigv4Result  *signing);
gboolean    signet_signature_inspector_get_signed  (SignetSignatureInspector *self);
const char *signet_signature_inspector_get_part    (SignetSignatureInspector *self,
                                                    const char               *name);

G_END_DECLS
