/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "signet-copy-code.h"
#include "signet-credential-dialog.h"
#include "signet-credential-store.h"
#include "signet-error.h"
#include "signet-history.h"
#include "signet-redact.h"
#include "signet-request-copy.h"
#include "signet-request-page.h"
#include "signet-request.h"
#include "signet-response-view.h"
#include "signet-rows-editor.h"
#include "signet-secure-memory.h"
#include "signet-signature-inspector.h"
#include "signet-toast.h"

/**
 * SignetRequestPage:
 *
 * One request in a tab: method, URL, params, headers, body and auth, sent
 * through the application's #SignetClient, with its response below. The
 * secret access key and session token stay in their password rows, or in
 * the keyring for a saved credential: the #SignetRequest model never holds
 * them.
 */
struct _SignetRequestPage
{
  AdwBin                 parent_instance;

  SignetClient          *client;
  /* May be NULL: then only one-off keys can sign. */
  SignetCredentialStore *credential_store;
  SignetRequest         *request;
  GCancellable          *in_flight;
  /* Keyring listings, saves and preview lookups; cancelled on dispose. */
  GCancellable          *cancellable;
  GCancellable          *listing;
  /* Saved credentials (SignetCredentialInfo) from the last listing, and
   * what the credential row shows: NULL for one-off keys, then names. */
  GPtrArray             *saved;
  GPtrArray             *row_names;
  gboolean               syncing_credential_row;
  /* Whether the request had unsent edits when the send in flight began:
   * they are back if it fails. */
  gboolean               modified_before_send;
  /* The saved request this page edits a copy of: NULL until saved. */
  SignetCollection      *collection;
  SignetCollectionItem  *item;
  /* Edits since the last save or load (sends do not count). */
  gboolean               unsaved;
  /* Gives the values of `{{name}}` references; may be NULL. */
  SignetEnvironment     *environment;
  /* Where each completed send is recorded; may be NULL. */
  SignetHistory         *history;
  /* The request as edited when the send in flight began, for the history:
   * later edits are not what was sent. */
  SignetRequest         *sent_request;
  /* Whether long lines of the bodies wrap; the response view's "wrap"
   * follows it both ways. */
  gboolean               body_wrap;

  /* Template children */
  GtkDropDown           *method_dropdown;
  GtkEntry              *url_entry;
  GtkButton             *send_button;
  SignetRowsEditor      *params_editor;
  SignetRowsEditor      *headers_editor;
  GtkListBox            *added_headers_list;
  GtkDropDown           *body_kind_dropdown;
  GtkStack              *body_stack;
  GtkSourceView         *body_view;
  SignetRowsEditor      *form_editor;
  GtkDropDown           *auth_kind_dropdown;
  AdwPreferencesGroup   *aws_group;
  AdwComboRow           *credential_row;
  GtkStringList         *credential_names;
  GtkWidget             *save_credential_button;
  AdwEntryRow           *access_key_row;
  AdwPasswordEntryRow   *secret_key_row;
  AdwPasswordEntryRow   *session_token_row;
  AdwEntryRow           *region_row;
  AdwEntryRow           *service_row;
  GtkSwitch             *sign_in_query_switch;
  SignetResponseView    *response_view;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *request_stack;
  SignetSignatureInspector *signature_inspector;
};

G_DEFINE_FINAL_TYPE (SignetRequestPage, signet_request_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CREDENTIAL_STORE,
  PROP_REQUEST,
  PROP_TITLE,
  PROP_SENDING,
  PROP_COLLECTION,
  PROP_ITEM,
  PROP_UNSAVED,
  PROP_ENVIRONMENT,
  PROP_HISTORY,
  PROP_BODY_WRAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const methods[] = {
  "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
};

/* Binding transforms: the dropdown's position <-> the model's value. */

static gboolean
method_to_position (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char *method = g_value_get_string (from);

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_strcmp0 (method, methods[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
position_to_method (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position >= G_N_ELEMENTS (methods))
    return FALSE;
  g_value_set_string (to, methods[position]);
  return TRUE;
}

static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, (int) position);
  return TRUE;
}

static gboolean
auth_kind_to_visible (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == SIGNET_AUTH_KIND_AWS_SIGV4);
  return TRUE;
}

static void
update_body_editor (SignetRequestPage *self)
{
  SignetBodyKind kind = signet_request_get_body_kind (self->request);
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view)));
  GtkSourceLanguage *json = gtk_source_language_manager_get_language (
    gtk_source_language_manager_get_default (), "json");

  gtk_stack_set_visible_child_name (self->body_stack,
                                    kind == SIGNET_BODY_KIND_NONE ? "none" :
                                    kind == SIGNET_BODY_KIND_FORM ? "form" : "text");
  gtk_source_buffer_set_language (buffer, kind == SIGNET_BODY_KIND_JSON ? json : NULL);
}

/* The region and service the URL names, so people see what will be used
 * when they leave those rows empty. */
static void
update_detected_scope (SignetRequestPage *self)
{
  const char *region = signet_request_get_detected_region (self->request);
  const char *service = signet_request_get_detected_service (self->request);
  g_autofree char *description = NULL;

  if (region != NULL && region[0] != '\0')
    description = g_strdup_printf (_("Detected from the URL: region %s, service %s"),
                                   region, service ? service : "");
  else
    description = g_strdup (_("Give the region and service: the URL's host does not name them"));
  adw_preferences_group_set_description (self->aws_group, description);
}

static void
show_added_headers (SignetRequestPage       *self,
                    const SignetWireRequest *sent)
{
  static const char * const added[] = {
    "Host", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256", "Authorization",
    "Content-Type",
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->added_headers_list))) != NULL)
    gtk_list_box_remove (self->added_headers_list, child);

  for (guint i = 0; sent != NULL && i < G_N_ELEMENTS (added); i++)
    {
      const char *value = signet_wire_request_get_header (sent, added[i]);
      g_autofree char *shown = NULL;
      GtkWidget *row;

      if (value == NULL)
        continue;
      /* the token is a secret; the Authorization value is shown whole
       * here, as in every client, but never logged or kept */
      shown = g_ascii_strcasecmp (added[i], "X-Amz-Security-Token") == 0
                ? signet_redact_header_value (added[i], value) : g_strdup (value);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), added[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
      gtk_widget_add_css_class (row, "property");
      gtk_list_box_append (self->added_headers_list, row);
    }
}

static void
show_toast (SignetRequestPage *self,
            const char        *text)
{
  signet_toast_show_text (self->toast_overlay, text);
}

/* A saved credential's secret is in the keyring: it is looked up at each
 * send or preview, never kept in the page. */
static gboolean
uses_saved_credential (SignetRequest *request)
{
  return signet_request_get_auth_kind (request) == SIGNET_AUTH_KIND_AWS_SIGV4 &&
         signet_request_get_credential_name (request) != NULL;
}

/* How to sign with one-off keys: @secret and @token when the request's
 * references gave them, else the password rows; NULL without @error for
 * "No Auth". */
static SignetAwsAuth *
build_one_off_auth (SignetRequestPage  *self,
                    SignetRequest      *request,
                    const char         *secret,
                    const char         *token,
                    GError            **error)
{
  if (secret == NULL)
    secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row));
  if (token == NULL)
    token = gtk_editable_get_text (GTK_EDITABLE (self->session_token_row));
  return signet_request_build_auth (request, secret, token, error);
}

static void
set_sending (SignetRequestPage *self,
             GCancellable      *cancellable)
{
  g_set_object (&self->in_flight, cancellable);
  gtk_button_set_label (self->send_button, cancellable ? _("_Cancel") : _("_Send"));
  if (cancellable != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDING]);
}

/* The edits go out with this send: they are unsent again if it fails. */
static void
begin_sending (SignetRequestPage *self,
               GCancellable      *cancellable)
{
  self->modified_before_send = signet_request_get_modified (self->request);
  signet_request_set_modified (self->request, FALSE);
  g_clear_object (&self->sent_request);
  if (self->history != NULL)
    self->sent_request = signet_request_dup (self->request);
  set_sending (self, cancellable);
  signet_response_view_clear (self->response_view);
}

static void
send_failed (SignetRequestPage *self,
             const GError      *error)
{
  set_sending (self, NULL);
  if (self->modified_before_send)
    signet_request_set_modified (self->request, TRUE);
  signet_response_view_set_error (self->response_view, error);
}

/* Without the secrets typed into the page or kept in the environment's
 * secret variables: the entry scrubs them wherever they were sent. */
static void
record_in_history (SignetRequestPage    *self,
                   const SignetExchange *exchange)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) secrets = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(SignetHistoryEntry) entry = NULL;

  if (self->history == NULL || self->sent_request == NULL)
    return;
  g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row)));
  g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (self->session_token_row)));
  for (guint i = 0; self->environment != NULL &&
                    i < signet_environment_get_n_variables (self->environment); i++)
    if (signet_environment_get_variable_secret (self->environment, i))
      g_strv_builder_add (builder, signet_environment_get_variable_value (self->environment, i));
  secrets = g_strv_builder_end (builder);
  entry = signet_history_entry_new (self->sent_request, exchange, now,
                                    (const char * const *) secrets);
  signet_history_add (self->history, entry);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SignetRequestPage) self = user_data;
  g_autoptr(SignetExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;

  exchange = signet_client_send_finish (SIGNET_CLIENT (source), result, &error);
  /* a page closed while its request was out has nothing left to show */
  if (self->in_flight == NULL)
    return;

  if (exchange == NULL)
    {
      send_failed (self, error);
      return;
    }
  set_sending (self, NULL);
  show_added_headers (self, exchange->sent);
  signet_signature_inspector_set_signing (self->signature_inspector, exchange->signing);
  /* a refused key is named by its credential too */
  signet_explanation_view_set_credential_name (
    signet_response_view_get_explanation_view (self->response_view),
    uses_saved_credential (self->request) ? signet_request_get_credential_name (self->request) : NULL);
  signet_response_view_set_exchange (self->response_view, exchange);
  record_in_history (self, exchange);
}

/* What signing adds, shown in the Headers tab; @auth is NULL for "No Auth". */
static void
show_preview (SignetRequestPage       *self,
              const SignetWireRequest *wire,
              const SignetAwsAuth     *auth)
{
  g_autoptr(SignetWireRequest) signed_request = NULL;
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (auth != NULL)
    result = signet_aws_auth_sign (auth, wire, now, NULL, &error);
  if (error != NULL)
    {
      signet_response_view_set_error (self->response_view, error);
      return;
    }

  signed_request = result ? signet_sigv4_result_apply (result, wire) : signet_wire_request_copy (wire);
  if (signet_wire_request_get_header (signed_request, "Host") == NULL)
    signet_wire_request_add_header (signed_request, "Host", signed_request->authority);
  show_added_headers (self, signed_request);
  signet_signature_inspector_set_signing (self->signature_inspector, result);
}

/* The Signature tab; a request not signed yet is previewed first. */
static void
inspect_signature_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);

  gtk_stack_set_visible_child_name (self->request_stack, "signature");
  if (!signet_signature_inspector_get_signed (self->signature_inspector))
    gtk_widget_activate_action (widget, "page.preview-signature", NULL);
}

/* The explanation's one-click fix: (field, value), "region" or "service". */
static void
apply_fix_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  const char *field = NULL;
  const char *value = NULL;
  g_autofree char *message = NULL;

  g_variant_get (parameter, "(&s&s)", &field, &value);
  if (g_str_equal (field, "region"))
    signet_request_set_region (self->request, value);
  else if (g_str_equal (field, "service"))
    signet_request_set_service (self->request, value);
  else
    return;

  message = g_strdup_printf (g_str_equal (field, "region")
                             /* Translators: %s is an AWS region */
                             ? _("The region is now %s: send again")
                             /* Translators: %s is an AWS service */
                             : _("The service is now %s: send again"),
                             value);
  show_toast (self, message);
}

typedef enum
{
  AUTH_FOR_SEND,
  AUTH_FOR_PREVIEW,
} AuthPurpose;

typedef struct
{
  SignetRequestPage *self;
  /* the request as sent, its variables expanded */
  SignetRequest     *request;
  SignetWireRequest *wire;
  GCancellable      *cancellable;
  AuthPurpose        purpose;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->request);
  signet_wire_request_free (data->wire);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LookupData, lookup_data_free)

static void
on_credential_looked_up (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(LookupData) data = user_data;
  SignetRequestPage *self = data->self;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GError) error = NULL;

  credential = signet_credential_store_lookup_finish (SIGNET_CREDENTIAL_STORE (source), result, &error);
  /* a send cancelled by closing the page, or a page gone */
  if (data->purpose == AUTH_FOR_SEND && self->in_flight != data->cancellable)
    return;
  if (data->purpose == AUTH_FOR_PREVIEW && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (credential != NULL)
    {
      /* sign with the key ID the secret belongs to, as the keyring has it */
      signet_request_set_access_key_id (self->request, credential->access_key_id);
      signet_request_set_access_key_id (data->request, credential->access_key_id);
      auth = signet_request_build_auth (data->request, credential->secret_access_key,
                                        credential->session_token, &error);
    }

  if (data->purpose == AUTH_FOR_PREVIEW)
    {
      if (error != NULL)
        signet_response_view_set_error (self->response_view, error);
      else
        show_preview (self, data->wire, auth);
      return;
    }

  if (error != NULL)
    {
      send_failed (self, error);
      return;
    }
  signet_client_send_async (self->client, data->wire, auth, data->cancellable,
                            on_sent, g_object_ref (self));
}

/* Looks the saved credential's secret up, then sends or previews. Takes
 * @wire. */
static void
with_saved_credential (SignetRequestPage *self,
                       SignetRequest     *request,
                       SignetWireRequest *wire,
                       GCancellable      *cancellable,
                       AuthPurpose        purpose)
{
  LookupData *data;

  data = g_new0 (LookupData, 1);
  data->self = g_object_ref (self);
  data->request = g_object_ref (request);
  data->wire = wire;
  data->cancellable = g_object_ref (cancellable);
  data->purpose = purpose;

  if (self->credential_store == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* only a page made without the application's store; never in the app */
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Saved credentials are not available here"));
      if (purpose == AUTH_FOR_SEND)
        send_failed (self, error);
      else
        signet_response_view_set_error (self->response_view, error);
      lookup_data_free (data);
      return;
    }

  signet_credential_store_lookup_async (self->credential_store,
                                        signet_request_get_credential_name (request),
                                        cancellable, on_credential_looked_up, data);
}

/* The environment's values for `{{name}}` references; the same for the
 * send, the preview and the editors' marks. */
static SignetVariableChain *
variables_new (SignetRequestPage *self)
{
  SignetVariableChain *chain = signet_variable_chain_new ();

  if (self->environment != NULL)
    signet_variable_chain_append (chain, signet_environment_lookup, self->environment);
  return chain;
}

/* With one-off keys and an empty secret row, the secret (and session
 * token) an imported request names by reference (#SignetRequest:key-ref),
 * from the same variables as the rest, as signet-cli run takes them. An
 * unknown secret joins @unknown; an unknown session token means none. */
static void
expand_key_references (SignetRequestPage    *self,
                       SignetRequest        *resolved,
                       SignetVariableChain  *chain,
                       GPtrArray            *unknown,
                       char                **secret,
                       char                **token)
{
  if (signet_request_get_auth_kind (resolved) != SIGNET_AUTH_KIND_AWS_SIGV4 ||
      uses_saved_credential (resolved) ||
      gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row))[0] != '\0')
    return;

  *secret = signet_variables_expand_reference (signet_request_get_key_ref (self->request),
                                               signet_variable_chain_lookup, chain, unknown);
  if (*secret != NULL && gtk_editable_get_text (GTK_EDITABLE (self->session_token_row))[0] == '\0')
    *token = signet_variables_expand_reference (signet_request_get_session_ref (self->request),
                                                signet_variable_chain_lookup, chain, NULL);
}

/* The request that is signed and sent: a copy with its variables
 * expanded, and @secret and @token when its references give them (free
 * with signet_secure_free_string()). An unknown variable stops it:
 * nothing is sent. */
static SignetRequest *
resolve_variables (SignetRequestPage  *self,
                   char              **secret,
                   char              **token,
                   GError            **error)
{
  g_autoptr(SignetVariableChain) chain = variables_new (self);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SignetRequest) resolved = NULL;
  g_autofree char *message = NULL;

  resolved = signet_environment_resolve_request (self->request, signet_variable_chain_lookup, chain,
                                                 SIGNET_RESOLVE_ALLOW_UNKNOWN, unknown, NULL);
  expand_key_references (self, resolved, chain, unknown, secret, token);
  if (unknown->len == 0)
    return g_steal_pointer (&resolved);

  g_clear_pointer (secret, signet_secure_free_string);
  g_clear_pointer (token, signet_secure_free_string);
  message = signet_variables_join_unknown (unknown);
  g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
               self->environment != NULL
                 ? _("Nothing was sent. %s: add them to the environment “%s”, or pick another one")
                 : _("Nothing was sent. %s: pick an environment that has them"),
               message,
               self->environment ? signet_environment_get_name (self->environment) : "");
  return NULL;
}

/* Marks @widget when @text names variables no environment gives: the
 * `error` class and a tooltip naming them. The URL entry, the auth rows
 * and the rows editors' entries all show it, as one types. */
static void
mark_unknown_variables (GtkWidget  *widget,
                        const char *text,
                        gpointer    user_data)
{
  SignetRequestPage *self = user_data;
  g_autoptr(SignetVariableChain) chain = variables_new (self);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expanded = NULL;
  g_autofree char *message = NULL;

  expanded = signet_variables_expand (text != NULL ? text : "", signet_variable_chain_lookup,
                                      chain, unknown);
  if (unknown->len == 0)
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      return;
    }
  message = signet_variables_join_unknown (unknown);
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
}

static void
update_variable_marks (SignetRequestPage *self)
{
  mark_unknown_variables (GTK_WIDGET (self->url_entry), signet_request_get_url (self->request), self);
  mark_unknown_variables (GTK_WIDGET (self->access_key_row),
                          signet_request_get_access_key_id (self->request), self);
  mark_unknown_variables (GTK_WIDGET (self->region_row), signet_request_get_region (self->request), self);
  mark_unknown_variables (GTK_WIDGET (self->service_row), signet_request_get_service (self->request), self);
  mark_unknown_variables (GTK_WIDGET (self->credential_row),
                          signet_request_get_credential_name (self->request), self);
  signet_rows_editor_update_marks (self->params_editor);
  signet_rows_editor_update_marks (self->headers_editor);
  signet_rows_editor_update_marks (self->form_editor);
}

/* What send and preview both start from: the request with its variables
 * expanded, its wire form and, for one-off keys, how to sign it. FALSE,
 * the error shown, when it cannot be made. */
static gboolean
prepare_request (SignetRequestPage  *self,
                 SignetRequest     **target,
                 SignetWireRequest **wire,
                 SignetAwsAuth     **auth)
{
  g_autoptr(SignetSecretString) secret = NULL;
  g_autoptr(SignetSecretString) token = NULL;
  g_autoptr(GError) error = NULL;

  *target = resolve_variables (self, &secret, &token, &error);
  if (*target != NULL)
    *wire = signet_request_build_wire (*target, &error);
  if (*wire != NULL && !uses_saved_credential (*target))
    *auth = build_one_off_auth (self, *target, secret, token, &error);
  if (error != NULL)
    {
      signet_response_view_set_error (self->response_view, error);
      return FALSE;
    }
  return TRUE;
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  g_autoptr(SignetRequest) target = NULL;
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  /* The same button cancels a request that is out. */
  if (self->in_flight != NULL)
    {
      g_cancellable_cancel (self->in_flight);
      return;
    }

  if (!prepare_request (self, &target, &wire, &auth))
    return;

  cancellable = g_cancellable_new ();
  begin_sending (self, cancellable);
  if (uses_saved_credential (target))
    with_saved_credential (self, target, g_steal_pointer (&wire), cancellable, AUTH_FOR_SEND);
  else
    signet_client_send_async (self->client, wire, auth, cancellable, on_sent, g_object_ref (self));
}

/* "Update Request" in Postman's words: shows what signing adds, now (or
 * once a saved credential's secret is read). */
static void
preview_signature_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  g_autoptr(SignetRequest) target = NULL;
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;

  if (!prepare_request (self, &target, &wire, &auth))
    return;

  if (uses_saved_credential (target))
    with_saved_credential (self, target, g_steal_pointer (&wire), self->cancellable,
                           AUTH_FOR_PREVIEW);
  else
    show_preview (self, wire, auth);
}

/* Saved credentials */

static const SignetCredentialInfo *
find_saved (SignetRequestPage *self,
            const char        *name)
{
  for (guint i = 0; name != NULL && self->saved != NULL && i < self->saved->len; i++)
    {
      const SignetCredentialInfo *info = g_ptr_array_index (self->saved, i);

      if (g_str_equal (info->name, name))
        return info;
    }

  return NULL;
}

static void
update_credential_widgets (SignetRequestPage *self)
{
  gboolean one_off = signet_request_get_credential_name (self->request) == NULL;
  gboolean can_save = one_off && self->credential_store != NULL;

  /* a saved credential brings its own key ID, secret and token */
  gtk_widget_set_visible (GTK_WIDGET (self->secret_key_row), one_off);
  gtk_widget_set_visible (GTK_WIDGET (self->session_token_row), one_off);
  gtk_widget_set_sensitive (GTK_WIDGET (self->access_key_row), one_off);
  gtk_widget_set_visible (GTK_WIDGET (self->credential_row), self->credential_store != NULL || !one_off);
  gtk_widget_set_visible (self->save_credential_button, can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-credential", can_save);
}

/* The credential row lists "One-off keys", the saved credentials, and the
 * request's own credential name when the keyring has none by that name
 * (removed since, or typed elsewhere): the row always shows what signs. */
static void
sync_credential_row (SignetRequestPage *self)
{
  const char *current = signet_request_get_credential_name (self->request);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GListModel *shown = G_LIST_MODEL (self->credential_names);
  gboolean same;
  guint selected = 0;

  g_ptr_array_add (names, NULL);
  g_ptr_array_add (labels, g_strdup (_("One-off keys")));
  for (guint i = 0; self->saved != NULL && i < self->saved->len; i++)
    {
      const SignetCredentialInfo *info = g_ptr_array_index (self->saved, i);

      g_ptr_array_add (names, g_strdup (info->name));
      g_ptr_array_add (labels, g_strdup (info->name));
    }
  if (current != NULL && find_saved (self, current) == NULL)
    {
      g_ptr_array_add (names, g_strdup (current));
      /* Translators: %s is a credential name */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (not in the keyring)"), current));
    }
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), current) == 0)
      selected = i;

  same = self->row_names != NULL && self->row_names->len == names->len &&
         g_list_model_get_n_items (shown) == labels->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (g_ptr_array_index (self->row_names, i), g_ptr_array_index (names, i)) == 0 &&
           g_strcmp0 (gtk_string_list_get_string (self->credential_names, i),
                      g_ptr_array_index (labels, i)) == 0;

  self->syncing_credential_row = TRUE;
  if (!same)
    {
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (self->credential_names, 0, g_list_model_get_n_items (shown),
                              (const char * const *) labels->pdata);
      g_clear_pointer (&self->row_names, g_ptr_array_unref);
      self->row_names = g_steal_pointer (&names);
    }
  adw_combo_row_set_selected (self->credential_row, selected);
  self->syncing_credential_row = FALSE;

  update_credential_widgets (self);
}

static void
credential_row_selected_cb (SignetRequestPage *self)
{
  guint position = adw_combo_row_get_selected (self->credential_row);
  const SignetCredentialInfo *info;
  g_autofree char *name = NULL;

  if (self->syncing_credential_row || self->row_names == NULL || position >= self->row_names->len)
    return;

  /* a copy: setting the name rebuilds the row's list */
  name = g_strdup (g_ptr_array_index (self->row_names, position));
  info = find_saved (self, name);
  if (info != NULL)
    signet_request_set_access_key_id (self->request, info->access_key_id);
  signet_request_set_credential_name (self->request, name);
}

static void
on_credentials_listed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SignetRequestPage) self = user_data;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  infos = signet_credential_store_list_finish (SIGNET_CREDENTIAL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (infos == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list the saved credentials: %s"),
                                                  error->message);

      show_toast (self, message);
      return;
    }

  g_clear_pointer (&self->saved, g_ptr_array_unref);
  self->saved = g_steal_pointer (&infos);
  sync_credential_row (self);
}

/* On the store's ::changed, too: a newer listing replaces one under way. */
static void
refresh_credentials (SignetRequestPage *self)
{
  if (self->credential_store == NULL)
    return;

  if (self->listing != NULL)
    g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->listing = g_cancellable_new ();
  signet_credential_store_list_async (self->credential_store, self->listing,
                                      on_credentials_listed, g_object_ref (self));
}

typedef struct
{
  SignetRequestPage *self;
  char              *name;
  char              *access_key_id;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_free (data->name);
  g_free (data->access_key_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const SignetCredentialInfo *info_a = *(SignetCredentialInfo * const *) a;
  const SignetCredentialInfo *info_b = *(SignetCredentialInfo * const *) b;

  return g_strcmp0 (info_a->name, info_b->name);
}

static void
on_credential_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  SignetRequestPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!signet_credential_store_save_finish (SIGNET_CREDENTIAL_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_toast (self, error->message);
      return;
    }

  /* Selected at once; the listing the store's ::changed started catches up. */
  if (find_saved (self, data->name) == NULL)
    {
      SignetCredentialInfo info = { data->name, data->access_key_id };

      if (self->saved == NULL)
        self->saved = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_credential_info_free);
      g_ptr_array_add (self->saved, signet_credential_info_copy (&info));
      g_ptr_array_sort (self->saved, compare_infos);
    }
  signet_request_set_access_key_id (self->request, data->access_key_id);
  signet_request_set_credential_name (self->request, data->name);
  /* the keyring has them now: no copy left in the hidden rows */
  gtk_editable_set_text (GTK_EDITABLE (self->secret_key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->session_token_row), "");

  message = g_strdup_printf (_("Saved “%s” in the keyring"), data->name);
  show_toast (self, message);
}

static void
save_dialog_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         SignetRequestPage *self)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->session_token_row));
  SaveData *data;

  if (!g_str_equal (response, "save") || self->credential_store == NULL)
    return;

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->name = signet_credential_dialog_dup_name (dialog);
  data->access_key_id = g_strstrip (g_strdup (signet_request_get_access_key_id (self->request)));
  signet_credential_store_save_async (self->credential_store, data->name, data->access_key_id,
                                      gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row)),
                                      token[0] != '\0' ? token : NULL,
                                      self->cancellable, on_credential_saved, data);
}

static void
save_credential_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *access_key_id = g_strstrip (g_strdup (signet_request_get_access_key_id (self->request)));
  AdwMessageDialog *dialog;

  if (access_key_id[0] == '\0' ||
      gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row))[0] == '\0')
    {
      show_toast (self, _("Enter an access key ID and its secret access key to save them"));
      return;
    }

  dialog = signet_credential_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                         access_key_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* page.copy-as-curl, -python, -javascript: code that signs on every run */
static void
copy_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  message = signet_copy_code (widget, self->request, action_name + strlen ("page.copy-as-"),
                              &error);
  show_toast (self, message != NULL ? message : error->message);
}

static void
url_activate_cb (SignetRequestPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.send", NULL);
}

static void
request_title_changed_cb (SignetRequestPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_unsaved (SignetRequestPage *self,
             gboolean           unsaved)
{
  if (self->unsaved == unsaved)
    return;
  self->unsaved = unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

static void
request_modified_cb (SignetRequestPage *self)
{
  if (signet_request_get_modified (self->request))
    set_unsaved (self, TRUE);
}

static void
bind_model (SignetRequestPage *self)
{
  GtkTextBuffer *body_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  g_object_bind_property_full (self->request, "method", self->method_dropdown, "selected", both,
                               method_to_position, position_to_method, NULL, NULL);
  g_object_bind_property (self->request, "url", self->url_entry, "text", both);
  g_object_bind_property_full (self->request, "body-kind", self->body_kind_dropdown, "selected",
                               both, enum_to_position, position_to_enum, NULL, NULL);
  g_object_bind_property (self->request, "body-text", body_buffer, "text", both);
  g_object_bind_property_full (self->request, "auth-kind", self->auth_kind_dropdown, "selected",
                               both, enum_to_position, position_to_enum, NULL, NULL);
  g_object_bind_property_full (self->request, "auth-kind", self->aws_group, "visible",
                               G_BINDING_SYNC_CREATE, auth_kind_to_visible, NULL, NULL, NULL);
  g_object_bind_property (self->request, "access-key-id", self->access_key_row, "text", both);
  g_object_bind_property (self->request, "region", self->region_row, "text", both);
  g_object_bind_property (self->request, "service", self->service_row, "text", both);
  g_object_bind_property (self->request, "sign-in-query", self->sign_in_query_switch, "active", both);

  signet_rows_editor_set_rows (self->params_editor,
                               G_LIST_STORE (signet_request_get_params (self->request)));
  signet_rows_editor_set_rows (self->headers_editor,
                               G_LIST_STORE (signet_request_get_headers (self->request)));
  signet_rows_editor_set_rows (self->form_editor,
                               G_LIST_STORE (signet_request_get_form_fields (self->request)));

  g_signal_connect_object (self->request, "notify::body-kind",
                           G_CALLBACK (update_body_editor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::detected-region",
                           G_CALLBACK (update_detected_scope), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::title",
                           G_CALLBACK (request_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::credential-name",
                           G_CALLBACK (sync_credential_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::modified",
                           G_CALLBACK (request_modified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::url",
                           G_CALLBACK (update_variable_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::access-key-id",
                           G_CALLBACK (update_variable_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::region",
                           G_CALLBACK (update_variable_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::service",
                           G_CALLBACK (update_variable_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request, "notify::credential-name",
                           G_CALLBACK (update_variable_marks), self, G_CONNECT_SWAPPED);
  signet_rows_editor_set_marker (self->params_editor, mark_unknown_variables, self);
  signet_rows_editor_set_marker (self->headers_editor, mark_unknown_variables, self);
  signet_rows_editor_set_marker (self->form_editor, mark_unknown_variables, self);
  update_variable_marks (self);
  update_body_editor (self);
  update_detected_scope (self);
  sync_credential_row (self);
}

static void
signet_request_page_constructed (GObject *object)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  G_OBJECT_CLASS (signet_request_page_parent_class)->constructed (object);

  if (self->client == NULL)
    self->client = signet_client_new (NULL);
  if (self->request == NULL)
    self->request = signet_request_new ();
  bind_model (self);

  if (self->credential_store != NULL)
    {
      g_signal_connect_object (self->credential_store, "changed",
                               G_CALLBACK (refresh_credentials), self, G_CONNECT_SWAPPED);
      refresh_credentials (self);
    }
}

/* A request still out when its tab or window closes has nowhere to show
 * its answer: forget it (on_sent() then touches nothing). */
static void
cancel_in_flight (SignetRequestPage *self)
{
  if (self->in_flight != NULL)
    {
      GCancellable *cancellable = g_steal_pointer (&self->in_flight);

      g_cancellable_cancel (cancellable);
      g_object_unref (cancellable);
    }
}

static void
signet_request_page_unroot (GtkWidget *widget)
{
  cancel_in_flight (SIGNET_REQUEST_PAGE (widget));

  GTK_WIDGET_CLASS (signet_request_page_parent_class)->unroot (widget);
}

static void
signet_request_page_dispose (GObject *object)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  cancel_in_flight (self);
  g_cancellable_cancel (self->cancellable);
  if (self->listing != NULL)
    g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  g_clear_pointer (&self->row_names, g_ptr_array_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->client);
  g_clear_object (&self->credential_store);
  g_clear_object (&self->collection);
  g_clear_object (&self->item);
  g_clear_object (&self->environment);
  g_clear_object (&self->history);
  g_clear_object (&self->sent_request);

  G_OBJECT_CLASS (signet_request_page_parent_class)->dispose (object);
}

static void
signet_request_page_finalize (GObject *object)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (signet_request_page_parent_class)->finalize (object);
}

static void
signet_request_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CREDENTIAL_STORE:
      g_value_set_object (value, self->credential_store);
      break;
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_TITLE:
      g_value_set_string (value, signet_request_page_get_title (self));
      break;
    case PROP_SENDING:
      g_value_set_boolean (value, self->in_flight != NULL);
      break;
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;
    case PROP_ENVIRONMENT:
      g_value_set_object (value, self->environment);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_BODY_WRAP:
      g_value_set_boolean (value, self->body_wrap);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_request_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_CREDENTIAL_STORE:
      self->credential_store = g_value_dup_object (value);
      break;
    case PROP_REQUEST:
      self->request = g_value_dup_object (value);
      break;
    case PROP_COLLECTION:
      g_set_object (&self->collection, g_value_get_object (value));
      break;
    case PROP_ITEM:
      g_set_object (&self->item, g_value_get_object (value));
      g_object_notify_by_pspec (object, properties[PROP_TITLE]);
      break;
    case PROP_ENVIRONMENT:
      signet_request_page_set_environment (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_BODY_WRAP:
      signet_request_page_set_body_wrap (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_request_page_class_init (SignetRequestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = signet_request_page_constructed;
  object_class->dispose = signet_request_page_dispose;
  widget_class->unroot = signet_request_page_unroot;
  object_class->finalize = signet_request_page_finalize;
  object_class->get_property = signet_request_page_get_property;
  object_class->set_property = signet_request_page_set_property;

  /* From the application: one SoupSession for every page and window. */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SIGNET_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* From the application: saved credentials, shared with every page. */
  properties[PROP_CREDENTIAL_STORE] =
    g_param_spec_object ("credential-store", NULL, NULL, SIGNET_TYPE_CREDENTIAL_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, SIGNET_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the page's tab shows. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENDING] =
    g_param_spec_boolean ("sending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Where the page's request is saved: both NULL until it is. */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL, SIGNET_TYPE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SIGNET_TYPE_COLLECTION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Edits since the last save or load: what closing the tab would lose. */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* From the window: the environment chosen in the header bar. */
  properties[PROP_ENVIRONMENT] =
    g_param_spec_object ("environment", NULL, NULL, SIGNET_TYPE_ENVIRONMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* From the application: every completed send is recorded here. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SIGNET_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The `body-wrap` setting, bound by the window. */
  properties[PROP_BODY_WRAP] =
    g_param_spec_boolean ("body-wrap", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIGNET_TYPE_ROWS_EDITOR);
  g_type_ensure (SIGNET_TYPE_RESPONSE_VIEW);
  g_type_ensure (SIGNET_TYPE_SIGNATURE_INSPECTOR);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-request-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, url_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, send_button);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, params_editor);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, headers_editor);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, added_headers_list);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, body_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, body_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, form_editor);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, auth_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, aws_group);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, credential_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, credential_names);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, save_credential_button);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, access_key_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, secret_key_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, session_token_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, service_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, sign_in_query_switch);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, response_view);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, request_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, signature_inspector);
  gtk_widget_class_bind_template_callback (widget_class, url_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, credential_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "page.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "page.preview-signature", NULL,
                                   preview_signature_action);
  gtk_widget_class_install_action (widget_class, "page.inspect-signature", NULL,
                                   inspect_signature_action);
  gtk_widget_class_install_action (widget_class, "page.apply-fix", "(ss)", apply_fix_action);
  gtk_widget_class_install_action (widget_class, "page.save-credential", NULL,
                                   save_credential_action);
  gtk_widget_class_install_action (widget_class, "page.copy-as-curl", NULL, copy_as_action);
  gtk_widget_class_install_action (widget_class, "page.copy-as-python", NULL, copy_as_action);
  gtk_widget_class_install_action (widget_class, "page.copy-as-javascript", NULL, copy_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "page.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "page.send", NULL);
}

static void
signet_request_page_init (SignetRequestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* as the template's body view wraps */
  self->body_wrap = TRUE;
  g_object_bind_property (self, "body-wrap", self->response_view, "wrap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}


/**
 * signet_request_page_new:
 * @client: (nullable): the application's client, or %NULL for one of its own
 *
 * A page that signs with one-off keys only; windows also pass their
 * #SignetRequestPage:credential-store.
 *
 * Returns: (transfer floating): a new, empty request page
 */
SignetRequestPage *
signet_request_page_new (SignetClient *client)
{
  return g_object_new (SIGNET_TYPE_REQUEST_PAGE, "client", client, NULL);
}

/**
 * signet_request_page_set_body_wrap:
 * @self: a #SignetRequestPage
 * @body_wrap: whether long lines of the request and response bodies wrap
 */
void
signet_request_page_set_body_wrap (SignetRequestPage *self,
                                   gboolean           body_wrap)
{
  g_return_if_fail (SIGNET_IS_REQUEST_PAGE (self));

  body_wrap = !!body_wrap;
  if (self->body_wrap == body_wrap)
    return;

  self->body_wrap = body_wrap;
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->body_view),
                               body_wrap ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_WRAP]);
}

/**
 * signet_request_page_get_title:
 * @self: a #SignetRequestPage
 *
 * Returns: (transfer none): what the page's tab shows
 */
const char *
signet_request_page_get_title (SignetRequestPage *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_PAGE (self), NULL);

  if (self->item != NULL)
    return signet_collection_item_get_name (self->item);
  if (self->request == NULL || signet_request_get_url (self->request)[0] == '\0')
    return _("New Request");
  return signet_request_get_title (self->request);
}

/**
 * signet_request_page_get_request:
 * @self: a #SignetRequestPage
 *
 * Returns: (transfer none): the request the page edits
 */
SignetRequest *
signet_request_page_get_request (SignetRequestPage *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_PAGE (self), NULL);

  return self->request;
}

/**
 * signet_request_page_get_unsent:
 * @self: a #SignetRequestPage
 *
 * Whether the request has edits that no send took out yet: edits since the
 * last successful send, or those of a send still under way.
 *
 * Returns: whether closing the page would lose edits
 */
gboolean
signet_request_page_get_unsent (SignetRequestPage *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_PAGE (self), FALSE);

  return signet_request_get_modified (self->request) ||
         (self->in_flight != NULL && self->modified_before_send);
}

/**
 * signet_request_page_get_unsaved:
 * @self: a #SignetRequestPage
 *
 * Returns: whether the request has edits since it was last saved or
 *   opened (a request never saved: since the page was made)
 */
gboolean
signet_request_page_get_unsaved (SignetRequestPage *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_PAGE (self), FALSE);

  return self->unsaved;
}

/**
 * signet_request_page_get_item:
 * @collection: (out) (optional) (transfer none): the item's collection
 *
 * Returns: (transfer none) (nullable): the saved request this page edits,
 *   or %NULL for a request never saved
 */
SignetCollectionItem *
signet_request_page_get_item (SignetRequestPage  *self,
                              SignetCollection  **collection)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST_PAGE (self), NULL);

  if (collection != NULL)
    *collection = self->collection;
  return self->item;
}

/**
 * signet_request_page_set_item:
 * @collection: (nullable): the collection
 * @item: (nullable): the saved request this page's request now stands for
 *
 * Links the page to a saved request, or unlinks it (the request was
 * deleted); also refreshes the title after a rename.
 */
void
signet_request_page_set_item (SignetRequestPage    *self,
                              SignetCollection     *collection,
                              SignetCollectionItem *item)
{
  g_return_if_fail (SIGNET_IS_REQUEST_PAGE (self));
  g_return_if_fail ((collection == NULL) == (item == NULL));

  g_set_object (&self->collection, collection);
  g_set_object (&self->item, item);
  if (item == NULL)
    set_unsaved (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * signet_request_page_set_environment:
 * @environment: (nullable): the variables `{{name}}` references take
 *
 * Also marks the editors again: call it after the environment changed.
 */
void
signet_request_page_set_environment (SignetRequestPage *self,
                                     SignetEnvironment *environment)
{
  g_return_if_fail (SIGNET_IS_REQUEST_PAGE (self));

  if (g_set_object (&self->environment, environment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
  if (self->request != NULL)
    update_variable_marks (self);
}

typedef struct
{
  SignetCollection *collection;
  gboolean          modified_before;
} SaveState;

static void
save_state_free (SaveState *state)
{
  g_object_unref (state->collection);
  g_free (state);
}

static void
page_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignetRequestPage *self = g_task_get_source_object (task);
  SaveState *state = g_task_get_task_data (task);
  g_autoptr(SignetCollectionItem) item = NULL;
  GError *error = NULL;

  item = signet_collection_edit_finish (SIGNET_COLLECTION (source), result, &error);
  if (item == NULL)
    {
      if (state->modified_before)
        signet_request_set_modified (self->request, TRUE);
      g_task_return_error (task, error);
      return;
    }

  signet_request_page_set_item (self, state->collection, item);
  /* edits made while the file was written are still unsaved */
  set_unsaved (self, signet_request_get_modified (self->request));
  g_task_return_pointer (task, g_steal_pointer (&item), g_object_unref);
}

/* From here, an edit sets #SignetRequest:modified again. */
static GTask *
begin_save (SignetRequestPage   *self,
            SignetCollection    *collection,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SaveState *state = g_new0 (SaveState, 1);

  g_task_set_source_tag (task, source_tag);
  state->collection = g_object_ref (collection);
  state->modified_before = signet_request_get_modified (self->request);
  g_task_set_task_data (task, state, (GDestroyNotify) save_state_free);
  signet_request_set_modified (self->request, FALSE);
  return task;
}

/**
 * signet_request_page_save_async:
 *
 * Writes the page's request into its saved request's file. The page must
 * have an item (signet_request_page_get_item()); else use Save As.
 */
void
signet_request_page_save_async (SignetRequestPage   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SIGNET_IS_REQUEST_PAGE (self));
  g_return_if_fail (self->item != NULL);

  task = begin_save (self, self->collection, signet_request_page_save_async, cancellable,
                     callback, user_data);
  signet_request_copy_into (signet_collection_item_get_request (self->item), self->request);
  signet_collection_save_async (self->collection, self->item, cancellable, page_saved_cb, task);
}

/**
 * signet_request_page_save_as_async:
 * @collection: where to save
 * @folder: "" for the collection's top, or a folder (made if new)
 * @name: the request's name
 *
 * Saves a copy of the page's request as a new file; the page then edits
 * that saved request.
 */
void
signet_request_page_save_as_async (SignetRequestPage   *self,
                                   SignetCollection    *collection,
                                   const char          *folder,
                                   const char          *name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  g_autoptr(SignetRequest) copy = NULL;

  g_return_if_fail (SIGNET_IS_REQUEST_PAGE (self));
  g_return_if_fail (SIGNET_IS_COLLECTION (collection));
  g_return_if_fail (folder != NULL && name != NULL);

  task = begin_save (self, collection, signet_request_page_save_async, cancellable,
                     callback, user_data);
  copy = signet_request_dup (self->request);
  signet_collection_add_async (collection, folder, name, copy, cancellable, page_saved_cb, task);
}

/**
 * signet_request_page_save_finish:
 *
 * Finishes a save or a save as.
 *
 * Returns: (transfer full): the saved request, or %NULL with @error set
 */
SignetCollectionItem *
signet_request_page_save_finish (SignetRequestPage  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_request_page_save_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
