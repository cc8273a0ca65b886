/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "signet-redact.h"
#include "signet-request-page.h"
#include "signet-request.h"
#include "signet-response-view.h"
#include "signet-rows-editor.h"

/**
 * SignetRequestPage:
 *
 * One request in a tab: method, URL, params, headers, body and auth, sent
 * through the application's #SignetClient, with its response below. The
 * secret access key and session token stay in their password rows: the
 * #SignetRequest model never holds them.
 */
struct _SignetRequestPage
{
  AdwBin                parent_instance;

  SignetClient         *client;
  SignetRequest        *request;
  GCancellable         *in_flight;

  /* Template children */
  GtkDropDown          *method_dropdown;
  GtkEntry             *url_entry;
  GtkButton            *send_button;
  SignetRowsEditor     *params_editor;
  SignetRowsEditor     *headers_editor;
  GtkListBox           *added_headers_list;
  GtkDropDown          *body_kind_dropdown;
  GtkStack             *body_stack;
  GtkSourceView        *body_view;
  SignetRowsEditor     *form_editor;
  GtkDropDown          *auth_kind_dropdown;
  AdwPreferencesGroup  *aws_group;
  AdwEntryRow          *access_key_row;
  AdwPasswordEntryRow  *secret_key_row;
  AdwPasswordEntryRow  *session_token_row;
  AdwEntryRow          *region_row;
  AdwEntryRow          *service_row;
  GtkSwitch            *sign_in_query_switch;
  SignetResponseView   *response_view;
};

G_DEFINE_FINAL_TYPE (SignetRequestPage, signet_request_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REQUEST,
  PROP_TITLE,
  PROP_SENDING,
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

/* The wire request and auth from the form; NULL with @error on bad input.
 * *auth_out stays NULL for "No Auth". */
static SignetWireRequest *
build_request (SignetRequestPage  *self,
               SignetAwsAuth     **auth_out,
               GError            **error)
{
  g_autoptr(SignetWireRequest) wire = signet_request_build_wire (self->request, error);

  if (wire == NULL)
    return NULL;
  *auth_out = signet_request_build_auth (self->request,
                                         gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row)),
                                         gtk_editable_get_text (GTK_EDITABLE (self->session_token_row)),
                                         error);
  if (*auth_out == NULL && error != NULL && *error != NULL)
    return NULL;

  return g_steal_pointer (&wire);
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
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->in_flight == NULL)
    return;

  set_sending (self, NULL);
  if (exchange == NULL)
    {
      signet_response_view_set_error (self->response_view, error);
      return;
    }
  show_added_headers (self, exchange->sent);
  signet_response_view_set_exchange (self->response_view, exchange);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) error = NULL;

  /* The same button cancels a request that is out. */
  if (self->in_flight != NULL)
    {
      g_cancellable_cancel (self->in_flight);
      return;
    }

  wire = build_request (self, &auth, &error);
  if (wire == NULL)
    {
      signet_response_view_set_error (self->response_view, error);
      return;
    }

  cancellable = g_cancellable_new ();
  set_sending (self, cancellable);
  signet_response_view_clear (self->response_view);
  signet_client_send_async (self->client, wire, auth, cancellable, on_sent, g_object_ref (self));
}

/* "Update Request" in Postman's words: shows what signing adds, now. */
static void
preview_signature_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (widget);
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autoptr(SignetWireRequest) signed_request = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(SignetSigv4Result) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  wire = build_request (self, &auth, &error);
  if (wire != NULL && auth != NULL)
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
  update_body_editor (self);
  update_detected_scope (self);
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
}

static void
signet_request_page_dispose (GObject *object)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  if (self->in_flight != NULL)
    {
      GCancellable *cancellable = g_steal_pointer (&self->in_flight);

      g_cancellable_cancel (cancellable);
      g_object_unref (cancellable);
    }
  g_clear_object (&self->request);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (signet_request_page_parent_class)->dispose (object);
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
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_TITLE:
      g_value_set_string (value, signet_request_page_get_title (self));
      break;
    case PROP_SENDING:
      g_value_set_boolean (value, self->in_flight != NULL);
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
    case PROP_REQUEST:
      self->request = g_value_dup_object (value);
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
  object_class->get_property = signet_request_page_get_property;
  object_class->set_property = signet_request_page_set_property;

  /* From the application: one SoupSession for every page and window. */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SIGNET_TYPE_CLIENT,
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIGNET_TYPE_ROWS_EDITOR);
  g_type_ensure (SIGNET_TYPE_RESPONSE_VIEW);
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
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, access_key_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, secret_key_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, session_token_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, service_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, sign_in_query_switch);
  gtk_widget_class_bind_template_child (widget_class, SignetRequestPage, response_view);
  gtk_widget_class_bind_template_callback (widget_class, url_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "page.preview-signature", NULL,
                                   preview_signature_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "page.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "page.send", NULL);
}

static void
signet_request_page_init (SignetRequestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * signet_request_page_new:
 * @client: (nullable): the application's client, or %NULL for one of its own
 *
 * Returns: (transfer floating): a new, empty request page
 */
SignetRequestPage *
signet_request_page_new (SignetClient *client)
{
  return g_object_new (SIGNET_TYPE_REQUEST_PAGE, "client", client, NULL);
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
