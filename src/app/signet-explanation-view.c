/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-core-enums.h"
#include "signet-explanation-view.h"

/**
 * SignetExplanationView:
 *
 * What an API Gateway auth answer means for the request that got it,
 * shown above the response body: the title and paragraph of
 * signet_explain(), then what the kind calls for (the stage and path sent,
 * AWS's canonical strings beside Signet's with the differing lines marked,
 * the clock difference, a one-click region or service fix, the key in use,
 * the ARNs and a minimal policy to copy). Hidden for any other response.
 *
 * The fix button names the `page.apply-fix` action with a `(ss)` target
 * (field, value): the request page around the view applies it.
 */
struct _SignetExplanationView
{
  AdwBin             parent_instance;

  SignetExplanation *explanation;
  /* The saved credential the next answers' requests were signed with. */
  char              *credential_name;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *details_label;
  GtkListBox        *facts_list;
  GtkButton         *fix_button;
  GtkWidget         *mismatch_box;
  GtkLabel          *aws_canonical_view;
  GtkLabel          *signet_canonical_view;
  GtkLabel          *aws_sts_view;
  GtkLabel          *signet_sts_view;
  GtkWidget         *policy_box;
  GtkLabel          *policy_view;
};

G_DEFINE_FINAL_TYPE (SignetExplanationView, signet_explanation_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_fact (SignetExplanationView *self,
          const char            *title,
          const char            *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->facts_list, row);
}

static void
remove_facts (SignetExplanationView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_list))) != NULL)
    gtk_list_box_remove (self->facts_list, child);
}

/* One side of a line diff: the lines both have, and those only this side
 * has, marked: bold on a red tint that reads on light and dark styles. */
static void
show_diff_side (GtkLabel     *label,
                GArray       *diff,
                SignetDiffOp  only_here)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; diff != NULL && i < diff->len; i++)
    {
      const SignetDiffLine *line = &g_array_index (diff, SignetDiffLine, i);
      g_autofree char *escaped = NULL;

      if (line->op != SIGNET_DIFF_SAME && line->op != only_here)
        continue;
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      escaped = g_markup_escape_text (line->text, -1);
      if (line->op == only_here)
        g_string_append (markup, SIGNET_EXPLANATION_MARK_START);
      g_string_append (markup, escaped);
      if (line->op == only_here)
        g_string_append (markup, SIGNET_EXPLANATION_MARK_END);
    }
  gtk_label_set_markup (label, markup->str);
}

/* The clock difference in words: "3 min 20 s ahead of this machine". */
static char *
format_skew (gint64 seconds)
{
  gint64 magnitude = ABS (seconds);
  g_autofree char *amount = NULL;

  if (magnitude >= 60)
    /* Translators: a time difference in minutes and seconds */
    amount = g_strdup_printf (_("%lld min %lld s"), (long long) (magnitude / 60),
                              (long long) (magnitude % 60));
  else
    /* Translators: a time difference in seconds */
    amount = g_strdup_printf (_("%lld s"), (long long) magnitude);

  if (seconds == 0)
    return g_strdup (_("The same as this machine’s clock"));
  return g_strdup_printf (seconds > 0
                          /* Translators: %s is a time difference */
                          ? _("The server’s clock is %s ahead of this machine’s")
                          : _("The server’s clock is %s behind this machine’s"),
                          amount);
}

static void
show_fix (SignetExplanationView *self)
{
  const SignetExplanationFix *fix = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; self->explanation->fixes != NULL && i < self->explanation->fixes->len; i++)
    {
      const SignetExplanationFix *candidate = &g_array_index (self->explanation->fixes,
                                                              SignetExplanationFix, i);

      if (candidate->value != NULL)
        {
          fix = candidate;
          break;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fix_button), fix != NULL);
  if (fix == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->fix_button), NULL);
      return;
    }

  /* Translators: %s is an AWS region or service, e.g. "Use us-east-1" */
  label = g_strdup_printf (_("Use %s"), fix->value);
  gtk_button_set_label (self->fix_button, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fix_button),
                               g_str_equal (fix->field, "service")
                               ? _("Set the Auth tab’s service to the one AWS expects")
                               : _("Set the Auth tab’s region to the one AWS expects"));
  /* the target first: the action takes (ss) and nothing else */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->fix_button), "(ss)",
                                    fix->field, fix->value);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->fix_button), "page.apply-fix");
}

static void
show_explanation (SignetExplanationView *self)
{
  const SignetExplanation *e = self->explanation;
  gboolean mismatch;
  gboolean denied;

  remove_facts (self);
  gtk_label_set_text (self->title_label, e->title ? e->title : "");
  gtk_label_set_text (self->details_label, e->details ? e->details : "");

  switch (e->kind)
    {
    case SIGNET_EXPLANATION_MISSING_TOKEN:
      add_fact (self, _("Stage"), e->stage);
      add_fact (self, _("Resource Path"), e->resource_path);
      add_fact (self, _("Signed"), e->was_signed ? _("Yes") : _("No, the request carried no signature"));
      break;

    case SIGNET_EXPLANATION_SIGNATURE_EXPIRED:
    case SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT:
      if (e->has_clock_skew)
        {
          g_autofree char *skew = format_skew (e->clock_skew_seconds);

          add_fact (self, _("Clock Difference"), skew);
        }
      break;

    case SIGNET_EXPLANATION_INVALID_TOKEN:
    case SIGNET_EXPLANATION_EXPIRED_TOKEN:
    case SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE:
    case SIGNET_EXPLANATION_SIGNATURE_MISMATCH:
      add_fact (self, _("Saved Credential"), self->credential_name);
      add_fact (self, _("Access Key ID"), e->access_key_id);
      break;

    case SIGNET_EXPLANATION_ACCESS_DENIED:
    case SIGNET_EXPLANATION_EXPLICIT_DENY:
      add_fact (self, _("Caller"), e->caller_arn);
      add_fact (self, _("Action"), e->action);
      add_fact (self, _("Resource"), e->resource_arn);
      break;

    case SIGNET_EXPLANATION_NONE:
    case SIGNET_EXPLANATION_OTHER:
    case SIGNET_EXPLANATION_WRONG_REGION:
    case SIGNET_EXPLANATION_WRONG_SERVICE:
    default:
      /* the fixes below say what the scope named */
      break;
    }

  for (guint i = 0; e->fixes != NULL && i < e->fixes->len; i++)
    {
      const SignetExplanationFix *fix = &g_array_index (e->fixes, SignetExplanationFix, i);

      add_fact (self, g_str_equal (fix->field, "service") ? _("Service Sent") : _("Region Sent"),
                fix->wrong_value);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->facts_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->facts_list)) != NULL);
  show_fix (self);

  mismatch = e->canonical_request_diff != NULL || e->string_to_sign_diff != NULL;
  gtk_widget_set_visible (self->mismatch_box, mismatch);
  if (mismatch)
    {
      show_diff_side (self->aws_canonical_view, e->canonical_request_diff, SIGNET_DIFF_ONLY_THEIRS);
      show_diff_side (self->signet_canonical_view, e->canonical_request_diff, SIGNET_DIFF_ONLY_OURS);
      show_diff_side (self->aws_sts_view, e->string_to_sign_diff, SIGNET_DIFF_ONLY_THEIRS);
      show_diff_side (self->signet_sts_view, e->string_to_sign_diff, SIGNET_DIFF_ONLY_OURS);
    }

  denied = e->policy_json != NULL;
  gtk_widget_set_visible (self->policy_box, denied);
  gtk_label_set_text (self->policy_view, denied ? e->policy_json : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explanation.copy-policy", denied);
}

static void
copy_policy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SignetExplanationView *self = SIGNET_EXPLANATION_VIEW (widget);

  if (self->explanation == NULL || self->explanation->policy_json == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->explanation->policy_json);
}

static void
signet_explanation_view_finalize (GObject *object)
{
  SignetExplanationView *self = SIGNET_EXPLANATION_VIEW (object);

  g_clear_pointer (&self->explanation, signet_explanation_free);
  g_free (self->credential_name);

  G_OBJECT_CLASS (signet_explanation_view_parent_class)->finalize (object);
}

static void
signet_explanation_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SignetExplanationView *self = SIGNET_EXPLANATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, signet_explanation_view_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_explanation_view_class_init (SignetExplanationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_explanation_view_finalize;
  object_class->get_property = signet_explanation_view_get_property;

  /**
   * SignetExplanationView:kind:
   *
   * What the last response is; the view shows only for refusals.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SIGNET_TYPE_EXPLANATION_KIND, SIGNET_EXPLANATION_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-explanation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, details_label);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, facts_list);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, fix_button);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, mismatch_box);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, aws_canonical_view);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, signet_canonical_view);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, aws_sts_view);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, signet_sts_view);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, policy_box);
  gtk_widget_class_bind_template_child (widget_class, SignetExplanationView, policy_view);
  /* reachable by name only, for tests */
  gtk_widget_class_bind_template_child_full (widget_class, "copy_policy_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "explanation.copy-policy", NULL, copy_policy_action);
}

static void
signet_explanation_view_init (SignetExplanationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explanation.copy-policy", FALSE);
}

/**
 * signet_explanation_view_set_exchange:
 * @exchange: the request sent and the answer it got
 * @sent_at: (nullable): this machine's time when it was sent
 *
 * Explains @exchange when it is one of API Gateway's auth refusals and
 * shows the view; hides it for any other answer.
 */
void
signet_explanation_view_set_exchange (SignetExplanationView *self,
                                      const SignetExchange  *exchange,
                                      GDateTime             *sent_at)
{
  SignetExplanation *explanation;

  g_return_if_fail (SIGNET_IS_EXPLANATION_VIEW (self));
  g_return_if_fail (exchange != NULL);

  /* an answer without the request that got it has nothing to explain */
  explanation = exchange->sent != NULL ? signet_explain (exchange, sent_at) : NULL;
  if (explanation == NULL || !signet_explanation_kind_is_refusal (explanation->kind))
    {
      g_clear_pointer (&explanation, signet_explanation_free);
      signet_explanation_view_clear (self);
      return;
    }

  g_clear_pointer (&self->explanation, signet_explanation_free);
  self->explanation = explanation;
  show_explanation (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * signet_explanation_view_clear:
 *
 * Hides the view: the response shown is not a refusal, or there is none.
 */
void
signet_explanation_view_clear (SignetExplanationView *self)
{
  g_return_if_fail (SIGNET_IS_EXPLANATION_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (self->explanation == NULL)
    return;
  g_clear_pointer (&self->explanation, signet_explanation_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explanation.copy-policy", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * signet_explanation_view_set_credential_name:
 * @name: (nullable): the saved credential the next answers' requests are
 *   signed with, or %NULL for one-off keys
 *
 * Named beside the access key ID when a key, token or secret is refused.
 */
void
signet_explanation_view_set_credential_name (SignetExplanationView *self,
                                             const char            *name)
{
  g_return_if_fail (SIGNET_IS_EXPLANATION_VIEW (self));

  g_free (self->credential_name);
  self->credential_name = g_strdup (name);
}

/**
 * signet_explanation_view_get_explanation:
 *
 * Returns: (transfer none) (nullable): the refusal shown, or %NULL
 */
const SignetExplanation *
signet_explanation_view_get_explanation (SignetExplanationView *self)
{
  g_return_val_if_fail (SIGNET_IS_EXPLANATION_VIEW (self), NULL);

  return self->explanation;
}

SignetExplanationKind
signet_explanation_view_get_kind (SignetExplanationView *self)
{
  g_return_val_if_fail (SIGNET_IS_EXPLANATION_VIEW (self), SIGNET_EXPLANATION_NONE);

  return self->explanation != NULL ? self->explanation->kind : SIGNET_EXPLANATION_NONE;
}
