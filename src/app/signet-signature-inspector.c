/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-redact.h"
#include "signet-signature-inspector.h"

/**
 * SignetSignatureInspector:
 *
 * How the last sent or previewed request was signed: the canonical
 * request, the string-to-sign, the credential scope, the signed headers
 * and the signature, each labelled, explained in a sentence and copyable.
 * The secret access key and the signing key never reach it (the signer
 * does not return them), and a session token in the canonical request is
 * redacted, on screen and in the clipboard alike.
 */

typedef enum
{
  PART_CANONICAL_REQUEST,
  PART_STRING_TO_SIGN,
  PART_CREDENTIAL_SCOPE,
  PART_SIGNED_HEADERS,
  PART_SIGNATURE,
  N_PARTS
} Part;

typedef struct
{
  const char *name;
  const char *title;
  const char *sentence;
} PartInfo;

static const PartInfo parts[N_PARTS] = {
  { "canonical-request", N_("Canonical Request"),
    N_("The request in the one form both sides agree on: method, encoded path, sorted query, "
       "signed headers and the body’s SHA-256 hash, one per line.") },
  { "string-to-sign", N_("String to Sign"),
    N_("What the key signs: the algorithm, the time, the credential scope and the SHA-256 hash "
       "of the canonical request.") },
  { "credential-scope", N_("Credential Scope"),
    N_("The day, region and service the signing key was derived for: AWS refuses a scope that "
       "does not match the endpoint.") },
  { "signed-headers", N_("Signed Headers"),
    N_("The headers covered by the signature: changing any of them on the way breaks it.") },
  { "signature", N_("Signature"),
    N_("The HMAC-SHA256 of the string to sign with the derived key, sent in the Authorization "
       "header or the X-Amz-Signature parameter.") },
};

struct _SignetSignatureInspector
{
  AdwBin     parent_instance;

  /* What each part shows and copies; NULL when nothing was signed. */
  char      *values[N_PARTS];
  GtkLabel  *value_labels[N_PARTS];

  /* Template widgets */
  GtkStack  *stack;
  GtkBox    *parts_box;
};

G_DEFINE_FINAL_TYPE (SignetSignatureInspector, signet_signature_inspector, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SIGNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
find_part (const char *name)
{
  for (guint i = 0; name != NULL && i < N_PARTS; i++)
    if (g_str_equal (parts[i].name, name))
      return (int) i;
  return -1;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SignetSignatureInspector *self = SIGNET_SIGNATURE_INSPECTOR (widget);
  int part = find_part (g_variant_get_string (parameter, NULL));

  if (part < 0 || self->values[part] == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->values[part]);
}

/* A heading with its copy button, the sentence, then the value. */
static GtkLabel *
add_part (SignetSignatureInspector *self,
          const PartInfo           *info)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(info->title));
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *sentence = gtk_label_new (_(info->sentence));
  GtkWidget *value = gtk_label_new (NULL);
  g_autofree char *copy_label = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);

  /* Translators: %s is a part of the signature, e.g. "Canonical Request" */
  copy_label = g_strdup_printf (_("Copy %s"), _(info->title));
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, copy_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  copy_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "inspector.copy");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", info->name);
  gtk_box_append (GTK_BOX (header), copy);

  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_widget_add_css_class (sentence, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (value, "monospace");
  gtk_widget_set_margin_bottom (value, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(info->title), -1);

  gtk_box_append (self->parts_box, header);
  gtk_box_append (self->parts_box, sentence);
  gtk_box_append (self->parts_box, value);
  return GTK_LABEL (value);
}

static void
signet_signature_inspector_finalize (GObject *object)
{
  SignetSignatureInspector *self = SIGNET_SIGNATURE_INSPECTOR (object);

  for (guint i = 0; i < N_PARTS; i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (signet_signature_inspector_parent_class)->finalize (object);
}

static void
signet_signature_inspector_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SignetSignatureInspector *self = SIGNET_SIGNATURE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_SIGNED:
      g_value_set_boolean (value, signet_signature_inspector_get_signed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_signature_inspector_class_init (SignetSignatureInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_signature_inspector_finalize;
  object_class->get_property = signet_signature_inspector_get_property;

  /**
   * SignetSignatureInspector:signed:
   *
   * Whether the inspector shows a signature (the last request was signed).
   */
  properties[PROP_SIGNED] =
    g_param_spec_boolean ("signed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-signature-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetSignatureInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetSignatureInspector, parts_box);

  gtk_widget_class_install_action (widget_class, "inspector.copy", "s", copy_action);
}

static void
signet_signature_inspector_init (SignetSignatureInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_PARTS; i++)
    self->value_labels[i] = add_part (self, &parts[i]);
}

/**
 * signet_signature_inspector_set_signing:
 * @signing: (nullable): how the last request was signed; %NULL when it
 *   was sent or previewed without a signature
 */
void
signet_signature_inspector_set_signing (SignetSignatureInspector *self,
                                        const SignetSigv4Result  *signing)
{
  gboolean was_signed;

  g_return_if_fail (SIGNET_IS_SIGNATURE_INSPECTOR (self));

  was_signed = signet_signature_inspector_get_signed (self);
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->values[i], g_free);

  if (signing != NULL)
    {
      /* the token is signed as a header: it stays out of sight */
      self->values[PART_CANONICAL_REQUEST] = signet_redact_canonical_request (signing->canonical_request);
      self->values[PART_STRING_TO_SIGN] = g_strdup (signing->string_to_sign);
      self->values[PART_CREDENTIAL_SCOPE] = g_strdup (signing->credential_scope);
      self->values[PART_SIGNED_HEADERS] = g_strdup (signing->signed_headers);
      self->values[PART_SIGNATURE] = g_strdup (signing->signature);
    }

  for (guint i = 0; i < N_PARTS; i++)
    gtk_label_set_text (self->value_labels[i], self->values[i] ? self->values[i] : "");
  gtk_stack_set_visible_child_name (self->stack, signing != NULL ? "parts" : "unsigned");

  if (was_signed != (signing != NULL) || signing != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED]);
}

gboolean
signet_signature_inspector_get_signed (SignetSignatureInspector *self)
{
  g_return_val_if_fail (SIGNET_IS_SIGNATURE_INSPECTOR (self), FALSE);

  return self->values[PART_SIGNATURE] != NULL;
}

/**
 * signet_signature_inspector_get_part:
 * @name: "canonical-request", "string-to-sign", "credential-scope",
 *   "signed-headers" or "signature"
 *
 * Returns: (transfer none) (nullable): what the part shows and copies
 */
const char *
signet_signature_inspector_get_part (SignetSignatureInspector *self,
                                     const char               *name)
{
  int part;

  g_return_val_if_fail (SIGNET_IS_SIGNATURE_INSPECTOR (self), NULL);

  part = find_part (name);
  return part >= 0 ? self->values[part] : NULL;
}
