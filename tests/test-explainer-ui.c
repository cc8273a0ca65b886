/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "signet-aws-auth.h"
#include "signet-client.h"
#include "signet-credential-store.h"
#include "signet-explanation-view.h"
#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-signature-inspector.h"
#include "signet-test-app.h"
#include "signet-test-async.h"
#include "signet-test-fixture.h"
#include "signet-test-signing.h"
#include "signet-test-ui.h"
#include "signet-test-window.h"

/* The error explainer above the response body and the signature
 * inspector, in the real request page under Xvfb, against the API Gateway
 * fixture (its signatures checked by botocore). The page is driven through
 * its model, its entries and its actions. */

#define WRONG_SECRET "not-the-secret-key/+=9999"

typedef struct
{
  SignetTestFixture *fixture;
  SignetClient      *client;
  /* libsecret's file backend in a temp dir (signet_test_app_init) */
  SignetCredentialStore *store;
  GtkWindow         *window;
  SignetRequestPage *page;
} Fixture;

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return signet_test_page_child (fixture->page, name);
}

static SignetExplanationView *
explanation_view (Fixture *fixture)
{
  return SIGNET_EXPLANATION_VIEW (signet_test_template_child (page_child (fixture, "response_view"),
                                                              SIGNET_TYPE_RESPONSE_VIEW,
                                                              "explanation_view"));
}

static GtkWidget *
explanation_child (Fixture    *fixture,
                   const char *name)
{
  return signet_test_template_child (explanation_view (fixture), SIGNET_TYPE_EXPLANATION_VIEW, name);
}

static SignetSignatureInspector *
inspector (Fixture *fixture)
{
  return SIGNET_SIGNATURE_INSPECTOR (page_child (fixture, "signature_inspector"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->fixture = signet_test_fixture_start (data);
  fixture->client = signet_client_new (NULL);
  fixture->store = signet_credential_store_new ();
  fixture->window = signet_test_present_page (fixture->client, fixture->store, 1000, 900, &fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->store);
  signet_test_fixture_stop (fixture->fixture);
}

static void
set_url (Fixture    *fixture,
         const char *path)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, path);

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "url_entry")), url);
}

static void
use_aws_signature (Fixture    *fixture,
                   const char *access_key_id,
                   const char *secret)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);

  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, access_key_id);
  signet_request_set_region (request, FIXTURE_REGION);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "secret_key_row")), secret);
}

static void
send_and_wait (Fixture *fixture)
{
  signet_test_send_and_wait (fixture->page);
}

static const char *
shown_status (Fixture *fixture)
{
  return signet_test_shown_status (fixture->page);
}

static void
assert_explained (Fixture               *fixture,
                  SignetExplanationKind  kind)
{
  SignetExplanationView *view = explanation_view (fixture);
  SignetExplanationKind shown = SIGNET_EXPLANATION_NONE;

  g_object_get (view, "kind", &shown, NULL);
  g_assert_cmpstr (signet_explanation_kind_to_nick (shown), ==, signet_explanation_kind_to_nick (kind));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (explanation_child (fixture, "title_label"))), ==,
                   signet_explanation_view_get_explanation (view)->title);
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (explanation_child (fixture, "details_label")))),
                    >, 20);
}

/* The subtitle of the fact row titled @title, or NULL. */
static const char *
fact (Fixture    *fixture,
      const char *title)
{
  GtkWidget *list = explanation_child (fixture, "facts_list");

  if (!gtk_widget_get_visible (list))
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title))
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}

/* What a label shows, its markup taken off. */
static char *
view_text (GtkWidget *label)
{
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

/* The lines of @label marked as differing, joined by "\n". */
static char *
marked_lines (GtkWidget *label)
{
  g_auto(GStrv) lines = g_strsplit (gtk_label_get_label (GTK_LABEL (label)), "\n", -1);
  g_autoptr(GString) marked = g_string_new (NULL);

  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *text = NULL;

      if (!g_str_has_prefix (lines[i], SIGNET_EXPLANATION_MARK_START))
        continue;
      g_assert_true (g_str_has_suffix (lines[i], SIGNET_EXPLANATION_MARK_END));
      g_assert_true (pango_parse_markup (lines[i], -1, 0, NULL, &text, NULL, NULL));
      g_string_append_printf (marked, "%s%s", marked->len > 0 ? "\n" : "", text);
    }
  return g_string_free (g_steal_pointer (&marked), FALSE);
}

static void
test_missing_token (Fixture       *fixture,
                    gconstpointer  data)
{
  set_url (fixture, "/pets");
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "403 Forbidden");

  assert_explained (fixture, SIGNET_EXPLANATION_MISSING_TOKEN);
  g_assert_cmpstr (fact (fixture, "Stage"), ==, "test");
  g_assert_cmpstr (fact (fixture, "Resource Path"), ==, "/pets");
  g_assert_true (g_str_has_prefix (fact (fixture, "Signed"), "No"));
  g_assert_false (gtk_widget_get_visible (explanation_child (fixture, "mismatch_box")));
  g_assert_false (gtk_widget_get_visible (explanation_child (fixture, "policy_box")));
  g_assert_false (gtk_widget_get_visible (explanation_child (fixture, "fix_button")));
  /* nothing was signed: the inspector says so */
  g_assert_false (signet_signature_inspector_get_signed (inspector (fixture)));
}

static void
test_ok_shows_nothing (Fixture       *fixture,
                       gconstpointer  data)
{
  /* a refusal first, so that hiding is seen to happen */
  set_url (fixture, "/pets");
  send_and_wait (fixture);
  assert_explained (fixture, SIGNET_EXPLANATION_MISSING_TOKEN);

  use_aws_signature (fixture, FIXTURE_KEY, FIXTURE_SECRET);
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (explanation_view (fixture))));
  g_assert_null (signet_explanation_view_get_explanation (explanation_view (fixture)));
}

static void
test_wrong_secret (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *aws = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *aws_marked = NULL;

  set_url (fixture, "/pets?type=dog");
  use_aws_signature (fixture, FIXTURE_KEY, WRONG_SECRET);
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  g_assert_true (gtk_widget_get_visible (explanation_child (fixture, "mismatch_box")));
  aws = view_text (explanation_child (fixture, "aws_canonical_view"));
  ours = view_text (explanation_child (fixture, "signet_canonical_view"));
  g_assert_true (g_str_has_prefix (aws, "GET\n/test/pets\ntype=dog\n"));
  g_assert_true (g_str_has_prefix (ours, "GET\n/test/pets\ntype=dog\n"));
  /* only the secret was wrong: both sides read the same, nothing marked */
  g_assert_cmpstr (aws, ==, ours);
  aws_marked = marked_lines (explanation_child (fixture, "aws_canonical_view"));
  g_assert_cmpstr (aws_marked, ==, "");
  g_assert_cmpstr (fact (fixture, "Access Key ID"), ==, FIXTURE_KEY);
  g_assert_null (strstr (aws, WRONG_SECRET));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SignetExchange **slot = user_data;
  g_autoptr(GError) error = NULL;

  *slot = signet_client_send_finish (SIGNET_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
exchange_arrived (gpointer data)
{
  return *(SignetExchange **) data != NULL;
}

/* A signed header changed on the way (as a proxy might): the page's
 * response view marks that line on both sides. */
static void
test_changed_after_signing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *url = signet_test_fixture_url (fixture->fixture, "/pets");
  g_autoptr(SignetAwsAuth) auth = signet_aws_auth_new (FIXTURE_KEY, FIXTURE_SECRET, NULL);
  g_autoptr(SignetWireRequest) request = NULL;
  g_autoptr(SignetWireRequest) signed_request = NULL;
  g_autoptr(SignetSigv4Result) signing = NULL;
  g_autoptr(GError) error = NULL;
  SignetExchange *exchange = NULL;
  g_autofree char *aws_marked = NULL;
  g_autofree char *ours_marked = NULL;
  g_autofree char *sts_marked = NULL;

  auth->region = g_strdup (FIXTURE_REGION);
  auth->service = g_strdup (FIXTURE_SERVICE);
  request = signet_wire_request_new_for_url ("GET", url, &error);
  g_assert_no_error (error);
  signed_request = signet_test_sign_then_change (auth, request, &signing);
  signet_client_send_async (fixture->client, signed_request, NULL, NULL, on_sent, &exchange);
  signet_test_wait_until (exchange_arrived, &exchange, "the answer");
  exchange->signing = g_steal_pointer (&signing);

  signet_response_view_set_exchange (SIGNET_RESPONSE_VIEW (page_child (fixture, "response_view")),
                                     exchange);
  signet_exchange_free (exchange);

  assert_explained (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  aws_marked = marked_lines (explanation_child (fixture, "aws_canonical_view"));
  ours_marked = marked_lines (explanation_child (fixture, "signet_canonical_view"));
  g_assert_cmpstr (aws_marked, ==, "x-signet-note:changed value");
  g_assert_cmpstr (ours_marked, ==, "x-signet-note:signed value");
  /* the hash line of the string-to-sign differs too */
  sts_marked = marked_lines (explanation_child (fixture, "signet_sts_view"));
  g_assert_cmpuint (strlen (sts_marked), ==, 64);
}

static void
test_wrong_region (Fixture       *fixture,
                   gconstpointer  data)
{
  set_url (fixture, "/pets");
  use_aws_signature (fixture, FIXTURE_KEY, FIXTURE_SECRET);
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_WRONG_REGION);
  g_assert_cmpstr (fact (fixture, "Region Sent"), ==, FIXTURE_REGION);
  /* 127.0.0.1 does not name its region and AWS's answer does not either:
   * no button guesses one */
  g_assert_false (gtk_widget_get_visible (explanation_child (fixture, "fix_button")));

  signet_request_set_region (signet_request_page_get_request (fixture->page), "us-east-1");
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (explanation_view (fixture))));
}

static void
test_wrong_service_fix (Fixture       *fixture,
                        gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  GtkWidget *fix_button;

  set_url (fixture, "/pets");
  use_aws_signature (fixture, FIXTURE_KEY, FIXTURE_SECRET);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "service_row")), "lambda");
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_WRONG_SERVICE);
  g_assert_cmpstr (fact (fixture, "Service Sent"), ==, "lambda");
  fix_button = explanation_child (fixture, "fix_button");
  g_assert_true (gtk_widget_get_visible (fix_button));
  g_assert_true (gtk_widget_get_sensitive (fix_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fix_button)), ==, "Use execute-api");

  /* one click sets the Auth tab's field */
  g_signal_emit_by_name (fix_button, "clicked");
  g_assert_cmpstr (signet_request_get_service (request), ==, FIXTURE_SERVICE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (fixture, "service_row"))), ==,
                   FIXTURE_SERVICE);

  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (explanation_view (fixture))));
}

static void
test_denied_policy (Fixture       *fixture,
                    gconstpointer  data)
{
  const SignetExplanation *e;
  g_autofree char *policy = NULL;
  g_autofree char *copied = NULL;

  set_url (fixture, "/pets");
  use_aws_signature (fixture, FIXTURE_DENIED_KEY, FIXTURE_DENIED_SECRET);
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_ACCESS_DENIED);
  e = signet_explanation_view_get_explanation (explanation_view (fixture));
  g_assert_true (g_str_has_prefix (e->resource_arn, "arn:aws:execute-api:" FIXTURE_REGION ":"));
  g_assert_true (g_str_has_suffix (e->resource_arn, "/test/GET/pets"));
  g_assert_cmpstr (fact (fixture, "Resource"), ==, e->resource_arn);
  g_assert_cmpstr (fact (fixture, "Caller"), ==, e->caller_arn);
  g_assert_true (g_str_has_prefix (fact (fixture, "Caller"), "arn:aws:iam::"));

  g_assert_true (gtk_widget_get_visible (explanation_child (fixture, "policy_box")));
  policy = view_text (explanation_child (fixture, "policy_view"));
  g_assert_nonnull (strstr (policy, "\"execute-api:Invoke\""));
  g_assert_nonnull (strstr (policy, e->resource_arn));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (explanation_child (fixture, "details_label"))),
                            "AmazonAPIGatewayInvokeFullAccess"));

  g_signal_emit_by_name (explanation_child (fixture, "copy_policy_button"), "clicked");
  copied = signet_test_read_clipboard_text (GTK_WIDGET (fixture->page));
  g_assert_cmpstr (copied, ==, policy);
}

/* A saved credential whose secret is wrong: named beside its key. */
static void
test_saved_credential_named (Fixture       *fixture,
                             gconstpointer  data)
{
  SignetRequest *request = signet_request_page_get_request (fixture->page);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  signet_credential_store_save_async (fixture->store, "explainer-tester", FIXTURE_KEY, WRONG_SECRET,
                                      NULL, NULL, signet_test_store_result_cb, &result);
  g_assert_true (signet_credential_store_save_finish (fixture->store,
                                                      signet_test_wait_for_result (&result), &error));
  g_assert_no_error (error);

  set_url (fixture, "/pets");
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_region (request, FIXTURE_REGION);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  signet_request_set_credential_name (request, "explainer-tester");
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  g_assert_cmpstr (fact (fixture, "Saved Credential"), ==, "explainer-tester");
  g_assert_cmpstr (fact (fixture, "Access Key ID"), ==, FIXTURE_KEY);

  /* one-off keys: no credential name */
  signet_request_set_credential_name (request, NULL);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "secret_key_row")), WRONG_SECRET);
  send_and_wait (fixture);
  assert_explained (fixture, SIGNET_EXPLANATION_SIGNATURE_MISMATCH);
  g_assert_null (fact (fixture, "Saved Credential"));
}

/* The server's clock 15 minutes ahead: the difference is shown. */
static void
test_clock_skew (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *difference;

  set_url (fixture, "/pets");
  use_aws_signature (fixture, FIXTURE_KEY, FIXTURE_SECRET);
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_SIGNATURE_EXPIRED);
  difference = fact (fixture, "Clock Difference");
  g_assert_nonnull (difference);
  /* a second either way while the request was out */
  g_assert_true (g_str_has_prefix (difference, "The server’s clock is 15 min ") ||
                 g_str_has_prefix (difference, "The server’s clock is 14 min 59 s"));
  g_assert_true (g_str_has_suffix (difference, " ahead of this machine’s"));
}

/* A key AWS does not know: the key in use is named. */
static void
test_unknown_key (Fixture       *fixture,
                  gconstpointer  data)
{
  set_url (fixture, "/pets");
  use_aws_signature (fixture, "AKIAUNKNOWNSIGNET999", FIXTURE_SECRET);
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_INVALID_TOKEN);
  g_assert_cmpstr (fact (fixture, "Access Key ID"), ==, "AKIAUNKNOWNSIGNET999");
  g_assert_false (gtk_widget_get_visible (explanation_child (fixture, "policy_box")));
}

/* A policy denies the key: where to look, and no policy to add. */
static void
test_explicit_deny (Fixture       *fixture,
                    gconstpointer  data)
{
  set_url (fixture, "/pets");
  use_aws_signature (fixture, FIXTURE_KEY, FIXTURE_SECRET);
  send_and_wait (fixture);

  assert_explained (fixture, SIGNET_EXPLANATION_EXPLICIT_DENY);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (explanation_child (fixture, "details_label"))),
                            "resource policy"));
  g_assert_true (g_str_has_prefix (fact (fixture, "Resource"), "arn:aws:execute-api:"));
  g_assert_false (gtk_widget_get_visible (explanation_child (fixture, "policy_box")));
}

/* Every label under @widget, for what must never show. */
static void
assert_no_label_contains (GtkWidget  *widget,
                          const char *secret)
{
  if (GTK_IS_LABEL (widget))
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (widget)), secret));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    assert_no_label_contains (child, secret);
}

static const char *
added_header (Fixture    *fixture,
              const char *name)
{
  GtkWidget *list = page_child (fixture, "added_headers_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}

static void
test_inspector (Fixture       *fixture,
                gconstpointer  data)
{
  SignetSignatureInspector *shown = inspector (fixture);
  const char *authorization;
  const char *signature;
  g_autofree char *copied = NULL;
  g_autofree char *expected_scope_end = NULL;

  set_url (fixture, "/pets?type=cat");
  use_aws_signature (fixture, FIXTURE_KEY, FIXTURE_SECRET);
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");

  /* the Signature tab, from its action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.inspect-signature", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "request_stack"))), ==,
                   "signature");
  g_assert_true (signet_signature_inspector_get_signed (shown));
  g_assert_true (g_str_has_prefix (signet_signature_inspector_get_part (shown, "canonical-request"),
                                   "GET\n/test/pets\ntype=cat\n"));
  g_assert_true (g_str_has_prefix (signet_signature_inspector_get_part (shown, "string-to-sign"),
                                   "AWS4-HMAC-SHA256\n"));
  expected_scope_end = g_strdup ("/" FIXTURE_REGION "/" FIXTURE_SERVICE "/aws4_request");
  g_assert_true (g_str_has_suffix (signet_signature_inspector_get_part (shown, "credential-scope"),
                                   expected_scope_end));
  g_assert_nonnull (strstr (signet_signature_inspector_get_part (shown, "signed-headers"), "host"));
  /* the signature of this very send: the one its Authorization header carried */
  signature = signet_signature_inspector_get_part (shown, "signature");
  g_assert_cmpuint (strlen (signature), ==, 64);
  authorization = added_header (fixture, "Authorization");
  g_assert_nonnull (authorization);
  g_assert_true (g_str_has_suffix (authorization, signature));
  assert_no_label_contains (GTK_WIDGET (shown), FIXTURE_SECRET);

  /* each part copies */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown), "inspector.copy", "s", "signature"));
  copied = signet_test_read_clipboard_text (GTK_WIDGET (shown));
  g_assert_cmpstr (copied, ==, signature);

  /* a preview of another request replaces it */
  set_url (fixture, "/pets/2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.preview-signature", NULL));
  g_assert_true (g_str_has_prefix (signet_signature_inspector_get_part (shown, "canonical-request"),
                                   "GET\n/test/pets/2\n\n"));
}

/* Temporary credentials: the session token is signed, yet never shown. */
static void
test_inspector_hides_token (Fixture       *fixture,
                            gconstpointer  data)
{
  SignetSignatureInspector *shown = inspector (fixture);
  const char *canonical;

  set_url (fixture, "/pets");
  use_aws_signature (fixture, FIXTURE_TEMP_KEY, FIXTURE_TEMP_SECRET);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "session_token_row")), FIXTURE_TEMP_TOKEN);
  send_and_wait (fixture);
  g_assert_cmpstr (shown_status (fixture), ==, "200 OK");

  canonical = signet_signature_inspector_get_part (shown, "canonical-request");
  g_assert_nonnull (strstr (canonical, "x-amz-security-token:"));
  g_assert_null (strstr (canonical, FIXTURE_TEMP_TOKEN));
  g_assert_nonnull (strstr (signet_signature_inspector_get_part (shown, "signed-headers"),
                            "x-amz-security-token"));
  assert_no_label_contains (GTK_WIDGET (shown), FIXTURE_TEMP_TOKEN);
  assert_no_label_contains (GTK_WIDGET (shown), FIXTURE_TEMP_SECRET);
}

int
main (int    argc,
      char **argv)
{
  static const char * const us_east_1[] = { "--region", "us-east-1", NULL };
  static const char * const skew_ahead[] = { "--clock-skew", "900", NULL };
  static const char * const explicit_deny[] = { "--explicit-deny", FIXTURE_KEY, NULL };

  signet_test_app_init (&argc, &argv);
  adw_init ();
  gtk_source_init ();

#define ADD(path, options, func) \
  g_test_add ("/signet/explainer-ui/" path, Fixture, options, fixture_set_up, func, fixture_tear_down)

  ADD ("missing-token", NULL, test_missing_token);
  ADD ("ok-shows-nothing", NULL, test_ok_shows_nothing);
  ADD ("wrong-secret", NULL, test_wrong_secret);
  ADD ("changed-after-signing", NULL, test_changed_after_signing);
  ADD ("wrong-region", us_east_1, test_wrong_region);
  ADD ("wrong-service-fix", NULL, test_wrong_service_fix);
  ADD ("denied-policy", NULL, test_denied_policy);
  ADD ("saved-credential-named", NULL, test_saved_credential_named);
  ADD ("clock-skew", skew_ahead, test_clock_skew);
  ADD ("unknown-key", NULL, test_unknown_key);
  ADD ("explicit-deny", explicit_deny, test_explicit_deny);
  ADD ("inspector", NULL, test_inspector);
  ADD ("inspector-hides-token", NULL, test_inspector_hides_token);

#undef ADD

  return signet_test_app_run_tests ();
}
