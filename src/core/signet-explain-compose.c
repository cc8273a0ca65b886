/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-explain-private.h"

/* The words of an explanation: what happened to this request and what to
 * do, from the facts signet-explain.c read. Nothing here sees a secret. */

/* API Gateway's window around its own clock. */
#define ALLOWED_SKEW_SECONDS 300

static char *
where_sent (const SignetExplanation *explanation,
            const SignetExchange    *exchange)
{
  if (explanation->stage == NULL)
    return g_strdup_printf (_("%s to the path “%s”"), exchange->sent->method, exchange->sent->path);
  return g_strdup_printf (_("%s to stage “%s”, resource “%s”"), exchange->sent->method,
                          explanation->stage, explanation->resource_path);
}

static char *
key_or_unknown (const SignetExplanation *explanation)
{
  return explanation->access_key_id ? g_strdup_printf ("“%s”", explanation->access_key_id)
                                    : g_strdup (_("(none found in the request)"));
}

static void
compose_missing_token (SignetExplanation    *explanation,
                       const SignetExchange *exchange)
{
  g_autofree char *where = where_sent (explanation, exchange);

  explanation->title = g_strdup (_("Missing Authentication Token"));
  if (explanation->was_signed)
    explanation->details =
      g_strdup_printf (_("The request was signed (%s), yet API Gateway answered as it does for a "
                         "path, method or stage it does not know, signed or not. Check that the "
                         "stage is deployed, that the resource exists with this method, and the "
                         "spelling (paths are case-sensitive)."), where);
  else
    explanation->details =
      g_strdup_printf (_("The request was not signed (%s). Choose AWS Signature in the Auth tab "
                         "(signet-cli: --credential or the AWS_* variables) and send it again. "
                         "If a signed request gets the same answer, the path, method or stage "
                         "does not exist."), where);
}

static void
compose_mismatch (SignetExplanation *explanation)
{
  g_autofree char *key = key_or_unknown (explanation);

  explanation->title = g_strdup (_("The signature does not match"));
  if (explanation->canonical_request_diff == NULL)
    {
      explanation->details =
        g_strdup_printf (_("AWS computed another signature for this request, signed with the "
                           "access key ID %s. Check that the secret access key belongs to that "
                           "key, and that nothing changes the request after it is signed."), key);
      return;
    }
  if (signet_diff_lines_count_changed (explanation->canonical_request_diff) == 0)
    explanation->details =
      g_strdup_printf (_("AWS computed another signature, but its canonical request is the same "
                         "as Signet's: the secret access key does not belong to the access key "
                         "ID %s. Check the credential's secret."), key);
  else
    explanation->details =
      g_strdup_printf (_("AWS computed another signature because it read the request differently "
                         "from what Signet signed: the marked lines of the canonical request "
                         "differ. Something changed the request after it was signed (a proxy, a "
                         "rewritten path or an added header). The access key ID was %s."), key);
}

static char *
describe_skew (gint64 skew)
{
  gint64 seconds = ABS (skew);

  if (skew == 0)
    return g_strdup (_("This machine's clock agrees with the server's"));
  /* %lld, not G_GINT64_FORMAT: xgettext cannot join a macro into a message */
  if (skew > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This machine's clock is %lld second behind the server's",
                                         "This machine's clock is %lld seconds behind the server's",
                                         seconds), (long long) seconds);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This machine's clock is %lld second ahead of the server's",
                                       "This machine's clock is %lld seconds ahead of the server's",
                                       seconds), (long long) seconds);
}

static void
compose_clock (SignetExplanation    *explanation,
               const SignetExchange *exchange)
{
  g_autofree char *skew = NULL;
  const char *query = exchange->sent->query;
  gboolean presigned = query != NULL && strstr (query, "X-Amz-Signature=") != NULL;
  gboolean clock_off = explanation->has_clock_skew &&
                       ABS (explanation->clock_skew_seconds) > ALLOWED_SKEW_SECONDS;

  explanation->title = g_strdup (explanation->kind == SIGNET_EXPLANATION_SIGNATURE_EXPIRED
                                 ? _("The signature has expired")
                                 : _("The signature is not yet valid"));
  if (presigned && !clock_off && explanation->kind == SIGNET_EXPLANATION_SIGNATURE_EXPIRED)
    {
      explanation->details = g_strdup (_("The presigned URL has expired: it was valid for "
                                          "X-Amz-Expires seconds from its X-Amz-Date. Make a new "
                                          "one."));
      return;
    }
  if (!explanation->has_clock_skew)
    {
      explanation->details = g_strdup (_("API Gateway accepts a signature for 5 minutes around its "
                                          "own clock. Check that this machine's clock is right "
                                          "(automatic time on) and send again."));
      return;
    }
  skew = describe_skew (explanation->clock_skew_seconds);
  if (clock_off)
    explanation->details =
      g_strdup_printf (_("%s (by its Date header), and API Gateway accepts a signature for 5 "
                         "minutes around its own clock. Set this machine's clock right (turn on "
                         "automatic time) and send again."), skew);
  else
    explanation->details =
      g_strdup_printf (_("%s (by its Date header), within the 5 minutes API Gateway allows: the "
                         "request was signed long before it arrived (replayed or held up). Send "
                         "it again; Signet signs anew on every send."), skew);
}

static void
compose_scope (SignetExplanation *explanation)
{
  GString *details = g_string_new (NULL);

  explanation->title = g_strdup (explanation->kind == SIGNET_EXPLANATION_WRONG_REGION
                                 ? _("The signature names the wrong region")
                                 : _("The signature names the wrong service"));
  for (guint i = 0; i < explanation->fixes->len; i++)
    {
      const SignetExplanationFix *fix = &g_array_index (explanation->fixes, SignetExplanationFix, i);
      const char *sent = fix->wrong_value ? fix->wrong_value : "?";

      if (details->len > 0)
        g_string_append_c (details, ' ');
      if (g_str_equal (fix->field, "region") && fix->value != NULL)
        g_string_append_printf (details, _("The request was signed for region “%s”, but the API "
                                           "is in “%s” (read from the host): sign for “%s”."),
                                sent, fix->value, fix->value);
      else if (g_str_equal (fix->field, "region"))
        g_string_append_printf (details, _("The request was signed for region “%s”, but the API "
                                           "is in another region: set the region to the one in "
                                           "the API's invoke URL "
                                           "(https://<id>.execute-api.<region>.amazonaws.com)."),
                                sent);
      else
        g_string_append_printf (details, _("The request was signed for service “%s”, but this "
                                           "API needs “%s”: sign for “%s”."),
                                sent, fix->value, fix->value);
    }
  if (details->len == 0)
    g_string_append (details, _("The credential scope names another region or service than the "
                                "API's. Check both in the Auth tab."));
  explanation->details = g_string_free (details, FALSE);
}

static void
compose_token (SignetExplanation *explanation)
{
  g_autofree char *key = key_or_unknown (explanation);

  if (explanation->kind == SIGNET_EXPLANATION_EXPIRED_TOKEN)
    {
      explanation->title = g_strdup (_("The session token has expired"));
      explanation->details =
        g_strdup_printf (_("The temporary credentials of access key ID %s have expired. Get new "
                           "ones (aws sts assume-role, aws sso login or your identity provider) "
                           "and update the credential in use."), key);
      return;
    }
  explanation->title = g_strdup (_("The access key is not known"));
  explanation->details =
    g_strdup_printf (_("AWS does not know the access key ID %s, or the session token sent with it "
                       "is wrong. Check the credential in use: the key may be deleted or "
                       "inactive, or be a temporary key that needs its session token."), key);
}

static void
compose_denial (SignetExplanation *explanation)
{
  const char *caller = explanation->caller_arn ? explanation->caller_arn : _("the caller");
  const char *action = explanation->action ? explanation->action : "execute-api:Invoke";
  const char *resource = explanation->resource_arn ? explanation->resource_arn : _("this resource");

  if (explanation->kind == SIGNET_EXPLANATION_EXPLICIT_DENY)
    {
      explanation->title = g_strdup (_("A policy denies this call"));
      explanation->details =
        g_strdup_printf (_("The signature is fine, but a policy explicitly denies %s the action "
                           "%s on %s, and a deny wins over every allow. Look for the Deny "
                           "statement in the identity's policies (user, group or role), its "
                           "permissions boundary, session policies, your organization's service "
                           "control policies (SCPs), and the API's resource policy."),
                         caller, action, resource);
      return;
    }
  explanation->title = g_strdup (_("IAM does not allow this call"));
  explanation->details =
    g_strdup_printf (_("The signature is fine, but no policy allows %s the action %s on %s. "
                       "Attach the policy below to that user or role: it allows exactly this "
                       "call. The managed policy AmazonAPIGatewayInvokeFullAccess also works, "
                       "but it allows invoking every API in the account."),
                     caller, action, resource);
}

void
signet_explain_compose (SignetExplanation    *explanation,
                        const SignetExchange *exchange)
{
  switch (explanation->kind)
    {
    case SIGNET_EXPLANATION_NONE:
      break;
    case SIGNET_EXPLANATION_OTHER:
      explanation->title = g_strdup_printf (_("API Gateway refused the request (%s)"),
                                            explanation->error_type);
      explanation->details = g_strdup (explanation->message ? explanation->message
                                                            : _("The answer gives no message."));
      break;
    case SIGNET_EXPLANATION_MISSING_TOKEN:
      compose_missing_token (explanation, exchange);
      break;
    case SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE:
      explanation->title = g_strdup (_("The signature is malformed"));
      explanation->details =
        g_strdup_printf (_("API Gateway could not read the request's signature: %s Let Signet "
                           "sign the request (AWS Signature auth) rather than sending a "
                           "hand-made Authorization header, and sign in one place only (header "
                           "or query)."),
                         explanation->message ? explanation->message : "");
      break;
    case SIGNET_EXPLANATION_SIGNATURE_MISMATCH:
      compose_mismatch (explanation);
      break;
    case SIGNET_EXPLANATION_SIGNATURE_EXPIRED:
    case SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT:
      compose_clock (explanation, exchange);
      break;
    case SIGNET_EXPLANATION_WRONG_REGION:
    case SIGNET_EXPLANATION_WRONG_SERVICE:
      compose_scope (explanation);
      break;
    case SIGNET_EXPLANATION_INVALID_TOKEN:
    case SIGNET_EXPLANATION_EXPIRED_TOKEN:
      compose_token (explanation);
      break;
    case SIGNET_EXPLANATION_ACCESS_DENIED:
    case SIGNET_EXPLANATION_EXPLICIT_DENY:
      compose_denial (explanation);
      break;
    default:
      g_assert_not_reached ();
    }
}
