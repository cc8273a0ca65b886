/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "signet-aws-host.h"
#include "signet-explain-private.h"
#include "signet-redact.h"

/* Recognizes API Gateway's answers to AWS_IAM requests (design.md §6) and
 * reads what they say: the error type first, because API owners can
 * reword the messages, then the message. */

#define MAX_ERROR_BODY (256 * 1024)
#define CANONICAL_INTRO "The Canonical String for this request should have been\n'"
#define STRING_TO_SIGN_INTRO "'\n\nThe String-to-Sign should have been\n'"

typedef struct
{
  const char            *error_type;  /* NULL: the message alone decides */
  const char            *contains;    /* NULL: any message of that type */
  SignetExplanationKind  kind;
} Rule;

/* In order: the first rule that fits wins. */
static const Rule rules[] = {
  { "InvalidSignatureException", "Signature expired", SIGNET_EXPLANATION_SIGNATURE_EXPIRED },
  { "InvalidSignatureException", "Signature not yet current", SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT },
  { "InvalidSignatureException", "scoped to a valid region", SIGNET_EXPLANATION_WRONG_REGION },
  { "InvalidSignatureException", "scoped to correct service", SIGNET_EXPLANATION_WRONG_SERVICE },
  { "InvalidSignatureException", "signature we calculated does not match", SIGNET_EXPLANATION_SIGNATURE_MISMATCH },
  { "InvalidSignatureException", NULL, SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE },
  { "MissingAuthenticationTokenException", NULL, SIGNET_EXPLANATION_MISSING_TOKEN },
  { "IncompleteSignatureException", NULL, SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE },
  { "UnrecognizedClientException", NULL, SIGNET_EXPLANATION_INVALID_TOKEN },
  { "ExpiredTokenException", NULL, SIGNET_EXPLANATION_EXPIRED_TOKEN },
  /* Some captures answer an unknown key with AccessDeniedException. */
  { "AccessDeniedException", "security token included in the request is invalid", SIGNET_EXPLANATION_INVALID_TOKEN },
  { "AccessDeniedException", "with an explicit deny", SIGNET_EXPLANATION_EXPLICIT_DENY },
  { "AccessDeniedException", NULL, SIGNET_EXPLANATION_ACCESS_DENIED },
  /* Without the header (a customized response): AWS's wording. */
  { NULL, "Missing Authentication Token", SIGNET_EXPLANATION_MISSING_TOKEN },
  { NULL, "Authorization header requires", SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE },
  { NULL, "Credential must have exactly 5 slash-delimited", SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE },
  { NULL, "Invalid key=value pair", SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE },
  { NULL, "Query-string authentication version 4 requires", SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE },
  { NULL, "Signature expired", SIGNET_EXPLANATION_SIGNATURE_EXPIRED },
  { NULL, "Signature not yet current", SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT },
  { NULL, "Credential should be scoped to a valid region", SIGNET_EXPLANATION_WRONG_REGION },
  { NULL, "Credential should be scoped to correct service", SIGNET_EXPLANATION_WRONG_SERVICE },
  { NULL, "signature we calculated does not match", SIGNET_EXPLANATION_SIGNATURE_MISMATCH },
  { NULL, "security token included in the request is invalid", SIGNET_EXPLANATION_INVALID_TOKEN },
  { NULL, "security token included in the request is expired", SIGNET_EXPLANATION_EXPIRED_TOKEN },
  { NULL, "with an explicit deny", SIGNET_EXPLANATION_EXPLICIT_DENY },
  { NULL, "is not authorized to perform", SIGNET_EXPLANATION_ACCESS_DENIED },
};

static const char * const kind_nicks[] = {
  [SIGNET_EXPLANATION_NONE] = "none",
  [SIGNET_EXPLANATION_OTHER] = "other",
  [SIGNET_EXPLANATION_MISSING_TOKEN] = "missing-token",
  [SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE] = "incomplete-signature",
  [SIGNET_EXPLANATION_SIGNATURE_MISMATCH] = "signature-mismatch",
  [SIGNET_EXPLANATION_SIGNATURE_EXPIRED] = "signature-expired",
  [SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT] = "signature-not-yet-current",
  [SIGNET_EXPLANATION_WRONG_REGION] = "wrong-region",
  [SIGNET_EXPLANATION_WRONG_SERVICE] = "wrong-service",
  [SIGNET_EXPLANATION_INVALID_TOKEN] = "invalid-token",
  [SIGNET_EXPLANATION_EXPIRED_TOKEN] = "expired-token",
  [SIGNET_EXPLANATION_ACCESS_DENIED] = "access-denied",
  [SIGNET_EXPLANATION_EXPLICIT_DENY] = "explicit-deny",
};

const char *
signet_explanation_kind_to_nick (SignetExplanationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_nicks), NULL);

  return kind_nicks[kind];
}

/* Every kind from missing-token on is IAM authorization saying no. */
gboolean
signet_explanation_kind_is_refusal (SignetExplanationKind kind)
{
  return kind >= SIGNET_EXPLANATION_MISSING_TOKEN;
}

/* "UnrecognizedClientException:http://internal.amazon.com/coral/..." */
char *
signet_explain_dup_error_type (const SignetExchange *exchange)
{
  const char *value = signet_exchange_get_header (exchange, "x-amzn-ErrorType");
  const char *colon;

  if (value == NULL)
    return NULL;
  colon = strchr (value, ':');
  return g_strstrip (colon ? g_strndup (value, colon - value) : g_strdup (value));
}

/* The body's "message" or "Message", when it is a JSON object. */
char *
signet_explain_dup_message (const SignetExchange *exchange)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = exchange->body ? g_bytes_get_data (exchange->body, &size) : NULL;
  JsonNode *root;
  JsonObject *object;
  const char * const keys[] = { "message", "Message" };

  if (data == NULL || size == 0 || size > MAX_ERROR_BODY ||
      !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }
  return NULL;
}

static SignetExplanationKind
kind_for (guint       status,
          const char *error_type,
          const char *message)
{
  if (status < 400 || (error_type == NULL && message == NULL))
    return SIGNET_EXPLANATION_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const Rule *rule = &rules[i];

      if (error_type != NULL && g_strcmp0 (rule->error_type, error_type) != 0)
        continue;
      if (error_type == NULL && rule->error_type != NULL)
        continue;
      if (rule->contains != NULL && (message == NULL || strstr (message, rule->contains) == NULL))
        continue;
      return rule->kind;
    }

  return error_type != NULL ? SIGNET_EXPLANATION_OTHER : SIGNET_EXPLANATION_NONE;
}

/**
 * signet_explain_kind:
 * @exchange: a request and its answer
 *
 * Only the kind of signet_explain(), for callers (the access check) that
 * need no words.
 *
 * Returns: what kind of answer @exchange got
 */
SignetExplanationKind
signet_explain_kind (const SignetExchange *exchange)
{
  g_autofree char *error_type = signet_explain_dup_error_type (exchange);
  g_autofree char *message = signet_explain_dup_message (exchange);

  return kind_for (exchange->status, error_type, message);
}

/* AWS's two strings from a mismatch message, or FALSE. */
static gboolean
split_mismatch (const char  *message,
                char       **canonical,
                char       **string_to_sign)
{
  const char *start = strstr (message, CANONICAL_INTRO);
  const char *middle;
  const char *end;

  if (start == NULL)
    return FALSE;
  start += strlen (CANONICAL_INTRO);
  middle = strstr (start, STRING_TO_SIGN_INTRO);
  if (middle == NULL)
    return FALSE;
  end = strrchr (middle + strlen (STRING_TO_SIGN_INTRO), '\'');
  if (end == NULL)
    return FALSE;

  *canonical = g_strndup (start, middle - start);
  *string_to_sign = g_strndup (middle + strlen (STRING_TO_SIGN_INTRO),
                               end - (middle + strlen (STRING_TO_SIGN_INTRO)));
  return TRUE;
}

/* The message as it may be shown: no canonical strings (a session token
 * is in them) and no signature from an echoed Authorization header. */
static char *
safe_message (const char *message)
{
  const char *canonical = strstr (message, "\n\n" CANONICAL_INTRO);
  const char *authorization = strstr (message, "Authorization=");
  g_autofree char *head = NULL;
  g_autofree char *redacted = NULL;

  if (canonical != NULL)
    return g_strndup (message, canonical - message);
  if (authorization == NULL)
    return g_strdup (message);

  head = g_strndup (message, authorization - message);
  redacted = signet_redact_header_value ("Authorization", authorization + strlen ("Authorization="));
  return g_strconcat (head, "Authorization=", redacted, NULL);
}

static char *
dup_access_key_id (const SignetWireRequest *sent)
{
  const char *authorization = signet_wire_request_get_header (sent, "Authorization");
  const char *credential = authorization ? strstr (authorization, "Credential=") : NULL;
  g_autofree char *query_credential = NULL;

  if (credential != NULL)
    {
      credential += strlen ("Credential=");
      return g_strndup (credential, strcspn (credential, "/, "));
    }
  if (sent->query != NULL)
    {
      g_auto(GStrv) params = g_strsplit (sent->query, "&", -1);

      for (guint i = 0; params[i] != NULL; i++)
        if (g_str_has_prefix (params[i], "X-Amz-Credential="))
          {
            query_credential = g_uri_unescape_string (params[i] + strlen ("X-Amz-Credential="), NULL);
            if (query_credential != NULL)
              return g_strndup (query_credential, strcspn (query_credential, "/"));
          }
    }
  return NULL;
}

static gboolean
was_signed (const SignetWireRequest *sent)
{
  return signet_wire_request_get_header (sent, "Authorization") != NULL ||
         (sent->query != NULL && strstr (sent->query, "X-Amz-Signature=") != NULL);
}

/* "/test/pets/1" is stage "test", resource "/pets/1". */
static void
split_path (SignetExplanation *explanation,
            const char        *path)
{
  const char *stage = path[0] == '/' ? path + 1 : path;
  gsize length = strcspn (stage, "/");

  if (length == 0)
    return;
  explanation->stage = g_uri_unescape_segment (stage, stage + length, NULL);
  explanation->resource_path = g_strdup (stage[length] != '\0' ? stage + length : "/");
}

/* The server's clock minus this machine's, from the Date header. */
static void
read_clock_skew (SignetExplanation    *explanation,
                 const SignetExchange *exchange,
                 GDateTime            *sent_at)
{
  const char *date = signet_exchange_get_header (exchange, "Date");
  const char *amz_date = signet_wire_request_get_header (exchange->sent, "X-Amz-Date");
  g_autoptr(GDateTime) server = date ? soup_date_time_new_from_http_string (date) : NULL;
  g_autoptr(GDateTime) local = sent_at ? g_date_time_ref (sent_at) : NULL;

  if (local == NULL && amz_date != NULL && strlen (amz_date) == 16)
    {
      /* The time the request was signed with is this machine's clock. */
      g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", amz_date,
                                              amz_date + 4, amz_date + 6, amz_date + 9,
                                              amz_date + 11, amz_date + 13);

      local = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (server == NULL || local == NULL)
    return;

  explanation->has_clock_skew = TRUE;
  explanation->clock_skew_seconds = g_date_time_difference (server, local) / G_TIME_SPAN_SECOND;
}

static void
add_fix (SignetExplanation *explanation,
         const char        *field,
         const char        *value,
         const char        *wrong_value)
{
  SignetExplanationFix fix = { g_strdup (field), g_strdup (value), g_strdup (wrong_value) };

  g_array_append_val (explanation->fixes, fix);
}

/* The credential scope's parts as sent: key/date/region/service/aws4_request. */
static char *
dup_scope_part (const SignetExchange *exchange,
                guint                 index)
{
  g_auto(GStrv) parts = NULL;

  if (exchange->signing == NULL || exchange->signing->credential_scope == NULL)
    return NULL;
  parts = g_strsplit (exchange->signing->credential_scope, "/", -1);
  return g_strv_length (parts) > index ? g_strdup (parts[index]) : NULL;
}

/* "... valid region, not 'eu-west-1'. ... correct service: 'execute-api'. " */
static void
read_scope_fixes (SignetExplanation    *explanation,
                  const SignetExchange *exchange,
                  const char           *message)
{
  g_autoptr(GRegex) wrong_region = g_regex_new ("valid region, not '([^']*)'", 0, 0, NULL);
  g_autoptr(GRegex) right_service = g_regex_new ("correct service: '([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *host = signet_wire_request_dup_host (exchange->sent);
  g_autofree char *host_region = NULL;
  g_autofree char *host_service = NULL;

  signet_aws_host_detect_scope (host, &host_region, &host_service);

  if (g_regex_match (wrong_region, message, 0, &match))
    {
      g_autofree char *sent = g_match_info_fetch (match, 1);

      add_fix (explanation, "region", host_region, sent);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (right_service, message, 0, &match))
    {
      g_autofree char *right = g_match_info_fetch (match, 1);
      g_autofree char *sent = dup_scope_part (exchange, 2);

      add_fix (explanation, "service", right, sent);
    }
}

static char *
policy_for (const char *action,
            const char *resource_arn)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Version");
  json_builder_add_string_value (builder, "2012-10-17");
  json_builder_set_member_name (builder, "Statement");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Effect");
  json_builder_add_string_value (builder, "Allow");
  json_builder_set_member_name (builder, "Action");
  json_builder_add_string_value (builder, action);
  json_builder_set_member_name (builder, "Resource");
  json_builder_add_string_value (builder, resource_arn);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/* "User: <arn> is not authorized to perform: <action> on resource: <arn>[ with an explicit deny]" */
static void
read_denial (SignetExplanation *explanation,
             const char        *message)
{
  g_autoptr(GRegex) regex = g_regex_new ("User: (\\S+) is not authorized to perform: (\\S+) "
                                         "on resource: (\\S+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, message, 0, &match))
    return;
  explanation->caller_arn = g_match_info_fetch (match, 1);
  explanation->action = g_match_info_fetch (match, 2);
  explanation->resource_arn = g_match_info_fetch (match, 3);
  if (explanation->kind == SIGNET_EXPLANATION_ACCESS_DENIED)
    explanation->policy_json = policy_for (explanation->action, explanation->resource_arn);
}

static void
read_mismatch (SignetExplanation    *explanation,
               const SignetExchange *exchange,
               const char           *message)
{
  g_autofree char *canonical = NULL;
  g_autofree char *string_to_sign = NULL;

  if (exchange->signing != NULL)
    {
      explanation->signet_canonical_request =
        signet_redact_canonical_request (exchange->signing->canonical_request);
      explanation->signet_string_to_sign = g_strdup (exchange->signing->string_to_sign);
    }
  if (!split_mismatch (message, &canonical, &string_to_sign))
    return;
  explanation->aws_canonical_request = signet_redact_canonical_request (canonical);
  explanation->aws_string_to_sign = g_steal_pointer (&string_to_sign);
  if (explanation->signet_canonical_request == NULL)
    return;
  explanation->canonical_request_diff = signet_diff_lines (explanation->signet_canonical_request,
                                                           explanation->aws_canonical_request);
  explanation->string_to_sign_diff = signet_diff_lines (explanation->signet_string_to_sign,
                                                        explanation->aws_string_to_sign);
}

static void
fix_clear (gpointer data)
{
  SignetExplanationFix *fix = data;

  g_free (fix->field);
  g_free (fix->value);
  g_free (fix->wrong_value);
}

/**
 * signet_explain:
 * @exchange: a request and the answer it got
 * @sent_at: (nullable): this machine's time when it was sent; %NULL to use
 *   the time the request was signed with
 *
 * Says what an answer means for this request, when it is one of API
 * Gateway's auth answers (%SIGNET_EXPLANATION_NONE when it is not).
 *
 * Returns: (transfer full): the explanation
 */
SignetExplanation *
signet_explain (const SignetExchange *exchange,
                GDateTime            *sent_at)
{
  SignetExplanation *explanation;
  g_autofree char *message = NULL;

  g_return_val_if_fail (exchange != NULL && exchange->sent != NULL, NULL);

  explanation = g_new0 (SignetExplanation, 1);

  explanation->fixes = g_array_new (FALSE, FALSE, sizeof (SignetExplanationFix));
  g_array_set_clear_func (explanation->fixes, fix_clear);
  explanation->error_type = signet_explain_dup_error_type (exchange);
  message = signet_explain_dup_message (exchange);
  explanation->kind = kind_for (exchange->status, explanation->error_type, message);
  if (message != NULL)
    explanation->message = safe_message (message);
  explanation->was_signed = was_signed (exchange->sent);
  explanation->access_key_id = dup_access_key_id (exchange->sent);
  split_path (explanation, exchange->sent->path);

  switch (explanation->kind)
    {
    case SIGNET_EXPLANATION_SIGNATURE_MISMATCH:
      read_mismatch (explanation, exchange, message);
      break;
    case SIGNET_EXPLANATION_SIGNATURE_EXPIRED:
    case SIGNET_EXPLANATION_SIGNATURE_NOT_YET_CURRENT:
      read_clock_skew (explanation, exchange, sent_at);
      break;
    case SIGNET_EXPLANATION_WRONG_REGION:
    case SIGNET_EXPLANATION_WRONG_SERVICE:
      read_scope_fixes (explanation, exchange, message);
      break;
    case SIGNET_EXPLANATION_ACCESS_DENIED:
    case SIGNET_EXPLANATION_EXPLICIT_DENY:
      read_denial (explanation, message);
      break;
    case SIGNET_EXPLANATION_NONE:
    case SIGNET_EXPLANATION_OTHER:
    case SIGNET_EXPLANATION_MISSING_TOKEN:
    case SIGNET_EXPLANATION_INCOMPLETE_SIGNATURE:
    case SIGNET_EXPLANATION_INVALID_TOKEN:
    case SIGNET_EXPLANATION_EXPIRED_TOKEN:
    default:
      break;
    }

  signet_explain_compose (explanation, exchange);
  return explanation;
}

void
signet_explanation_free (SignetExplanation *explanation)
{
  if (explanation == NULL)
    return;

  g_free (explanation->error_type);
  g_free (explanation->message);
  g_free (explanation->title);
  g_free (explanation->details);
  g_free (explanation->stage);
  g_free (explanation->resource_path);
  g_free (explanation->aws_canonical_request);
  g_free (explanation->aws_string_to_sign);
  g_free (explanation->signet_canonical_request);
  g_free (explanation->signet_string_to_sign);
  g_clear_pointer (&explanation->canonical_request_diff, g_array_unref);
  g_clear_pointer (&explanation->string_to_sign_diff, g_array_unref);
  g_clear_pointer (&explanation->fixes, g_array_unref);
  g_free (explanation->access_key_id);
  g_free (explanation->caller_arn);
  g_free (explanation->action);
  g_free (explanation->resource_arn);
  g_free (explanation->policy_json);
  g_free (explanation);
}
