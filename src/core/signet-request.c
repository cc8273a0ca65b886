/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-aws-host.h"
#include "signet-error.h"
#include "signet-request-params.h"
#include "signet-request.h"
#include "signet-uri-encode.h"
#include "signet-variables.h"

/**
 * SignetRequest:
 *
 * The request the user edits: method, URL, params, headers, body and how
 * to sign it. Plain properties and lists of #SignetRequestRow, so that
 * widgets can bind to it and collections can save it; the secret access
 * key is never part of it.
 *
 * The params mirror the URL's query both ways: typing in the URL re-reads
 * the params, editing a param rewrites the query. A param nobody edited
 * keeps the encoding it was typed with.
 */

typedef struct
{
  SignetRequest *request;
  GListStore    *store;
  /* The rows whose notify we listen to, in store order, so that a removed
   * row (which the UI may still hold) is let go of. */
  GPtrArray     *watched;
} RowList;

struct _SignetRequest
{
  GObject         parent_instance;

  char           *method;
  char           *url;
  char           *body_text;
  char           *access_key_id;
  char           *region;
  char           *service;
  char           *credential_name;
  char           *key_ref;
  char           *session_ref;
  char           *detected_region;
  char           *detected_service;
  char           *title;
  SignetBodyKind  body_kind;
  SignetAuthKind  auth_kind;
  gboolean        sign_in_query;
  gboolean        modified;
  guint           expected_status;

  RowList         params;
  RowList         headers;
  RowList         form_fields;

  /* Set while the URL and the params are brought in step, so that the
   * change on one side does not bounce back from the other. */
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (SignetRequest, signet_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_URL,
  PROP_BODY_KIND,
  PROP_BODY_TEXT,
  PROP_AUTH_KIND,
  PROP_ACCESS_KEY_ID,
  PROP_REGION,
  PROP_SERVICE,
  PROP_SIGN_IN_QUERY,
  PROP_CREDENTIAL_NAME,
  PROP_KEY_REF,
  PROP_SESSION_REF,
  PROP_EXPECTED_STATUS,
  PROP_DETECTED_REGION,
  PROP_DETECTED_SERVICE,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mark_modified (SignetRequest *self)
{
  signet_request_set_modified (self, TRUE);
}

/* Replaces *field and notifies when the text differs. */
static gboolean
update_string (SignetRequest *self,
               char         **field,
               const char    *text,
               guint          prop_id)
{
  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

/* An edit of a string property: never NULL, so GTK entries can bind. */
static void
edit_string (SignetRequest *self,
             char         **field,
             const char    *text,
             guint          prop_id)
{
  if (update_string (self, field, text ? text : "", prop_id))
    mark_modified (self);
}

/* Host of an absolute URL as typed, without user info or port. */
static char *
dup_url_host (const char *url)
{
  const char *start = strstr (url, "://");
  g_autofree char *authority = NULL;
  char *host;
  char *colon;

  if (start == NULL)
    return NULL;
  start += strlen ("://");
  authority = g_strndup (start, strcspn (start, "/?#"));
  host = strrchr (authority, '@');
  host = host ? host + 1 : authority;
  /* An IPv6 literal is cut short too, but names no AWS endpoint anyway. */
  colon = strchr (host, ':');
  if (colon != NULL)
    *colon = '\0';

  return g_strdup (host);
}

static void
update_detected_scope (SignetRequest *self)
{
  g_autofree char *host = dup_url_host (self->url);
  g_autofree char *region = NULL;
  g_autofree char *service = NULL;

  signet_aws_host_detect_scope (host, &region, &service);
  update_string (self, &self->detected_region, region, PROP_DETECTED_REGION);
  update_string (self, &self->detected_service, service, PROP_DETECTED_SERVICE);
}

static void
update_title (SignetRequest *self)
{
  g_autofree char *url = g_strstrip (g_strdup (self->url));
  g_autofree char *title = NULL;
  const char *authority = strstr (url, "://");
  const char *path = url;
  gsize path_length;

  if (url[0] == '\0')
    {
      update_string (self, &self->title, "New Request", PROP_TITLE);
      return;
    }

  if (authority != NULL)
    {
      authority += strlen ("://");
      path = authority + strcspn (authority, "/?#");
    }
  path_length = strcspn (path, "?#");
  if (path_length == 0)
    title = g_strdup_printf ("%s /", self->method);
  else
    title = g_strdup_printf ("%s %.*s", self->method, (int) path_length, path);
  update_string (self, &self->title, title, PROP_TITLE);
}

/* Rows to URL: the query is rewritten only when it reads differently. */
static void
write_params_to_url (SignetRequest *self)
{
  g_autofree char *url = signet_request_params_write_to_url (G_LIST_MODEL (self->params.store),
                                                             self->url);

  if (url == NULL)
    return;
  self->syncing = TRUE;
  signet_request_set_url (self, url);
  self->syncing = FALSE;
}

static void
row_list_changed (RowList *list)
{
  SignetRequest *self = list->request;

  mark_modified (self);
  if (list == &self->params && !self->syncing)
    write_params_to_url (self);
}

static void
row_notify_cb (SignetRequestRow *row,
               GParamSpec       *pspec,
               RowList          *list)
{
  /* raw only records how a param was typed; it changes nothing. */
  if (g_str_equal (pspec->name, "raw"))
    return;

  row_list_changed (list);
}

static void
rows_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 RowList    *list)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (list->watched, position + i), list);
  g_ptr_array_remove_range (list->watched, position, removed);

  for (guint i = 0; i < added; i++)
    {
      SignetRequestRow *row = g_list_model_get_item (model, position + i);

      g_signal_connect (row, "notify", G_CALLBACK (row_notify_cb), list);
      g_ptr_array_insert (list->watched, position + i, row);
    }

  row_list_changed (list);
}

static void
row_list_init (RowList       *list,
               SignetRequest *request)
{
  list->request = request;
  list->store = g_list_store_new (SIGNET_TYPE_REQUEST_ROW);
  list->watched = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (list->store, "items-changed", G_CALLBACK (rows_changed_cb), list);
}

/* The UI may hold the store and its rows longer than the request. */
static void
row_list_clear (RowList *list)
{
  if (list->store == NULL)
    return;

  g_signal_handlers_disconnect_by_data (list->store, list);
  for (guint i = 0; i < list->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (list->watched, i), list);
  g_clear_pointer (&list->watched, g_ptr_array_unref);
  g_clear_object (&list->store);
}

/**
 * signet_request_new:
 *
 * Returns: (transfer full): a new, empty GET request
 */
SignetRequest *
signet_request_new (void)
{
  return g_object_new (SIGNET_TYPE_REQUEST, NULL);
}

const char *
signet_request_get_method (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->method;
}

void
signet_request_set_method (SignetRequest *self,
                           const char    *method)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_string (self, &self->method, method ? method : "GET", PROP_METHOD);
  update_title (self);
}

const char *
signet_request_get_url (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->url;
}

/**
 * signet_request_set_url:
 * @self: a #SignetRequest
 * @url: (nullable): the URL as typed
 *
 * Sets the URL and re-reads the params from its query.
 */
void
signet_request_set_url (SignetRequest *self,
                        const char    *url)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  if (g_strcmp0 (self->url, url ? url : "") == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  edit_string (self, &self->url, url, PROP_URL);
  update_detected_scope (self);
  update_title (self);
  if (!self->syncing)
    {
      self->syncing = TRUE;
      signet_request_params_read_from_url (self->params.store, self->url);
      self->syncing = FALSE;
    }
  g_object_thaw_notify (G_OBJECT (self));
}

SignetBodyKind
signet_request_get_body_kind (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), SIGNET_BODY_KIND_NONE);

  return self->body_kind;
}

void
signet_request_set_body_kind (SignetRequest  *self,
                              SignetBodyKind  body_kind)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  if (self->body_kind == body_kind)
    return;

  self->body_kind = body_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_KIND]);
  mark_modified (self);
}

const char *
signet_request_get_body_text (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->body_text;
}

void
signet_request_set_body_text (SignetRequest *self,
                              const char    *body_text)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_string (self, &self->body_text, body_text, PROP_BODY_TEXT);
}

SignetAuthKind
signet_request_get_auth_kind (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), SIGNET_AUTH_KIND_NONE);

  return self->auth_kind;
}

void
signet_request_set_auth_kind (SignetRequest  *self,
                              SignetAuthKind  auth_kind)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  if (self->auth_kind == auth_kind)
    return;

  self->auth_kind = auth_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
  mark_modified (self);
}

const char *
signet_request_get_access_key_id (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->access_key_id;
}

void
signet_request_set_access_key_id (SignetRequest *self,
                                  const char    *access_key_id)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_string (self, &self->access_key_id, access_key_id, PROP_ACCESS_KEY_ID);
}

/**
 * signet_request_get_region:
 * @self: a #SignetRequest
 *
 * Returns: the region typed in, or "" to use #SignetRequest:detected-region
 */
const char *
signet_request_get_region (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->region;
}

void
signet_request_set_region (SignetRequest *self,
                           const char    *region)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_string (self, &self->region, region, PROP_REGION);
}

/**
 * signet_request_get_service:
 * @self: a #SignetRequest
 *
 * Returns: the service to sign for, "execute-api" unless changed; ""
 *   means #SignetRequest:detected-service
 */
const char *
signet_request_get_service (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->service;
}

void
signet_request_set_service (SignetRequest *self,
                            const char    *service)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_string (self, &self->service, service, PROP_SERVICE);
}

gboolean
signet_request_get_sign_in_query (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), FALSE);

  return self->sign_in_query;
}

void
signet_request_set_sign_in_query (SignetRequest *self,
                                  gboolean       sign_in_query)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  sign_in_query = !!sign_in_query;
  if (self->sign_in_query == sign_in_query)
    return;

  self->sign_in_query = sign_in_query;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGN_IN_QUERY]);
  mark_modified (self);
}

/**
 * signet_request_get_credential_name:
 * @self: a #SignetRequest
 *
 * Returns: (nullable): the name of the keyring credential to sign with
 */
const char *
signet_request_get_credential_name (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->credential_name;
}

void
signet_request_set_credential_name (SignetRequest *self,
                                    const char    *credential_name)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  if (credential_name != NULL && credential_name[0] == '\0')
    credential_name = NULL;
  if (update_string (self, &self->credential_name, credential_name, PROP_CREDENTIAL_NAME))
    mark_modified (self);
}

/**
 * signet_request_get_key_ref:
 * @self: a #SignetRequest
 *
 * Where a run finds the secret access key, as in a Postman awsv4 block:
 * a `{{name}}` reference, never the secret itself.
 *
 * Returns: the reference, or "" when the secret comes from elsewhere
 *   (the keyring, the AWS_* environment)
 */
const char *
signet_request_get_key_ref (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->key_ref;
}

/* A reference or nothing: a secret typed here would end up in a file. */
static void
edit_reference (SignetRequest *self,
                char         **field,
                const char    *reference,
                guint          prop_id)
{
  g_return_if_fail (reference == NULL || reference[0] == '\0' ||
                    signet_variables_is_reference (reference));

  edit_string (self, field, reference, prop_id);
}

void
signet_request_set_key_ref (SignetRequest *self,
                            const char    *reference)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_reference (self, &self->key_ref, reference, PROP_KEY_REF);
}

/**
 * signet_request_get_session_ref:
 * @self: a #SignetRequest
 *
 * Returns: the `{{name}}` reference a run takes the session token from,
 *   or ""
 */
const char *
signet_request_get_session_ref (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->session_ref;
}

void
signet_request_set_session_ref (SignetRequest *self,
                                const char    *reference)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  edit_reference (self, &self->session_ref, reference, PROP_SESSION_REF);
}

/**
 * signet_request_get_expected_status:
 * @self: a #SignetRequest
 *
 * The status a run counts as passing instead of any 2xx or 3xx: 403 for
 * a request that checks that unsigned callers are refused.
 *
 * Returns: the expected status, or 0 for none
 */
guint
signet_request_get_expected_status (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), 0);

  return self->expected_status;
}

void
signet_request_set_expected_status (SignetRequest *self,
                                    guint          expected_status)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));
  g_return_if_fail (expected_status == 0 || (expected_status >= 100 && expected_status <= 599));

  if (self->expected_status == expected_status)
    return;

  self->expected_status = expected_status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_STATUS]);
  mark_modified (self);
}

/**
 * signet_request_get_detected_region:
 * @self: a #SignetRequest
 *
 * Returns: (nullable): the region the URL's host names, if it is an AWS one
 */
const char *
signet_request_get_detected_region (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->detected_region;
}

/**
 * signet_request_get_detected_service:
 * @self: a #SignetRequest
 *
 * Returns: (nullable): the service the URL's host names, if it is an AWS one
 */
const char *
signet_request_get_detected_service (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->detected_service;
}

gboolean
signet_request_get_modified (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), FALSE);

  return self->modified;
}

/**
 * signet_request_set_modified:
 * @self: a #SignetRequest
 * @modified: whether there are edits not yet saved
 *
 * Every edit sets #SignetRequest:modified; whoever saves clears it.
 */
void
signet_request_set_modified (SignetRequest *self,
                             gboolean       modified)
{
  g_return_if_fail (SIGNET_IS_REQUEST (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * signet_request_get_title:
 * @self: a #SignetRequest
 *
 * Returns: what a tab shows, e.g. "GET /test/pets", or "New Request"
 *   while the URL is empty
 */
const char *
signet_request_get_title (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return self->title;
}

/**
 * signet_request_get_params:
 * @self: a #SignetRequest
 *
 * The query params, in step with the URL. It is a #GListStore of
 * #SignetRequestRow: add, remove and move rows with its API.
 *
 * Returns: (transfer none): the params
 */
GListModel *
signet_request_get_params (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return G_LIST_MODEL (self->params.store);
}

/**
 * signet_request_get_headers:
 * @self: a #SignetRequest
 *
 * Returns: (transfer none): the headers, a #GListStore of #SignetRequestRow
 */
GListModel *
signet_request_get_headers (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return G_LIST_MODEL (self->headers.store);
}

/**
 * signet_request_get_header_value:
 * @self: a #SignetRequest
 * @name: a header name, in any case
 *
 * Returns: (nullable): the value of the first enabled header named @name
 */
const char *
signet_request_get_header_value (SignetRequest *self,
                                 const char    *name)
{
  GListModel *headers;

  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  headers = G_LIST_MODEL (self->headers.store);
  for (guint i = 0; i < g_list_model_get_n_items (headers); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (headers, i);

      if (signet_request_row_get_enabled (row)
          && g_ascii_strcasecmp (signet_request_row_get_name (row), name) == 0)
        return signet_request_row_get_value (row);
    }
  return NULL;
}

/**
 * signet_request_get_form_fields:
 * @self: a #SignetRequest
 *
 * Returns: (transfer none): the form fields of a %SIGNET_BODY_KIND_FORM
 *   body, a #GListStore of #SignetRequestRow
 */
GListModel *
signet_request_get_form_fields (SignetRequest *self)
{
  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);

  return G_LIST_MODEL (self->form_fields.store);
}

static gboolean
add_headers (SignetRequest      *self,
             SignetWireRequest  *wire,
             GError            **error)
{
  GListModel *model = G_LIST_MODEL (self->headers.store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (!signet_request_row_get_enabled (row) || signet_request_row_is_blank (row))
        continue;

      name = g_strstrip (g_strdup (signet_request_row_get_name (row)));
      value = g_strstrip (g_strdup (signet_request_row_get_value (row)));
      if (name[0] == '\0')
        {
          g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                       _("The header with the value “%s” has no name"), value);
          return FALSE;
        }
      if (!signet_header_name_is_valid (name))
        {
          g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                       _("“%s” is not a valid header name: no spaces, colons or accents"), name);
          return FALSE;
        }
      if (strpbrk (value, "\r\n") != NULL)
        {
          g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_HEADER,
                       _("The value of the header “%s” cannot contain a line break"), name);
          return FALSE;
        }

      signet_wire_request_add_header (wire, name, value);
    }

  return TRUE;
}

/* application/x-www-form-urlencoded: a space is '+', and every byte but the
 * unreserved ones is escaped, '+' and '&' included. */
static void
append_form_encoded (GString    *out,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append_c (out, '+');
      else
        signet_uri_encode_append (out, p, 1, FALSE);
    }
}

static GBytes *
encode_form (SignetRequest *self)
{
  GListModel *model = G_LIST_MODEL (self->form_fields.store);
  GString *form = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetRequestRow) row = g_list_model_get_item (model, i);

      if (!signet_request_row_get_enabled (row) || signet_request_row_is_blank (row))
        continue;
      if (form->len > 0)
        g_string_append_c (form, '&');
      append_form_encoded (form, signet_request_row_get_name (row));
      g_string_append_c (form, '=');
      append_form_encoded (form, signet_request_row_get_value (row));
    }

  return g_string_free_to_bytes (form);
}

/**
 * signet_request_build_wire:
 * @self: a #SignetRequest
 * @error: a #SIGNET_ERROR when the URL, method or a header is malformed
 *
 * Builds the request as it goes on the wire: the URL's bytes as typed
 * (only those that cannot travel are encoded), the enabled headers, and
 * the body with a Content-Type for its kind unless a header sets one.
 *
 * Returns: (transfer full): the wire request, or %NULL on error
 */
SignetWireRequest *
signet_request_build_wire (SignetRequest  *self,
                           GError        **error)
{
  g_autoptr(SignetWireRequest) wire = NULL;
  g_autofree char *url = NULL;
  const char *content_type = NULL;

  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!signet_header_name_is_valid (self->method))
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("“%s” is not an HTTP method"), self->method);
      return NULL;
    }

  url = g_strstrip (g_strdup (self->url));
  wire = signet_wire_request_new_for_url (self->method, url, error);
  if (wire == NULL)
    return NULL;
  if (!add_headers (self, wire, error))
    return NULL;

  switch (self->body_kind)
    {
    case SIGNET_BODY_KIND_NONE:
      break;

    case SIGNET_BODY_KIND_RAW:
    case SIGNET_BODY_KIND_JSON:
      {
        g_autoptr(GBytes) body = g_bytes_new (self->body_text, strlen (self->body_text));

        signet_wire_request_set_body (wire, body);
        content_type = self->body_kind == SIGNET_BODY_KIND_JSON ? "application/json"
                                                                : "text/plain";
      }
      break;

    case SIGNET_BODY_KIND_FORM:
      {
        g_autoptr(GBytes) body = encode_form (self);

        signet_wire_request_set_body (wire, body);
        content_type = "application/x-www-form-urlencoded";
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (content_type != NULL && signet_wire_request_get_header (wire, "Content-Type") == NULL)
    signet_wire_request_add_header (wire, "Content-Type", content_type);

  return g_steal_pointer (&wire);
}

/* The scope part typed in, or else the one read from the host. */
static char *
dup_scope_part (const char *typed,
                const char *detected)
{
  g_autofree char *stripped = g_strstrip (g_strdup (typed));

  if (stripped[0] != '\0')
    return g_steal_pointer (&stripped);

  return g_strdup (detected);
}

static void
set_scope_error (SignetRequest  *self,
                 const char     *part,
                 const char     *example,
                 GError        **error)
{
  g_autofree char *host = dup_url_host (self->url);

  /* Translators: the first %s is “region” or “service” */
  if (host == NULL || host[0] == '\0')
    g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE,
                 _("Enter the %s to sign for (e.g. %s): the URL has no host to read it from"),
                 part, example);
  else
    g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_SCOPE,
                 _("Enter the %s to sign for (e.g. %s): the host “%s” does not name it"),
                 part, example, host);
}

/**
 * signet_request_build_auth:
 * @self: a #SignetRequest
 * @secret_access_key: (nullable): the secret access key, from the keyring
 *   or typed in for this send; never kept
 * @session_token: (nullable): the session token of temporary credentials
 * @error: a #SIGNET_ERROR when a credential, the region or the service is
 *   missing
 *
 * Says how to sign the request: the access key ID, the region and service
 * typed in or else read from the URL's host, header or query form.
 *
 * Returns: (transfer full) (nullable): how to sign, or %NULL with @error
 *   set, or %NULL without an error when #SignetRequest:auth-kind is
 *   %SIGNET_AUTH_KIND_NONE
 */
SignetAwsAuth *
signet_request_build_auth (SignetRequest  *self,
                           const char     *secret_access_key,
                           const char     *session_token,
                           GError        **error)
{
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autofree char *access_key_id = NULL;
  g_autofree char *region = NULL;
  g_autofree char *service = NULL;

  g_return_val_if_fail (SIGNET_IS_REQUEST (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->auth_kind == SIGNET_AUTH_KIND_NONE)
    return NULL;

  access_key_id = g_strstrip (g_strdup (self->access_key_id));
  if (access_key_id[0] == '\0')
    {
      g_set_error_literal (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                           _("Enter an access key ID to sign the request with"));
      return NULL;
    }
  if (secret_access_key == NULL || secret_access_key[0] == '\0')
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_CREDENTIALS,
                   _("Enter the secret access key of “%s” to sign the request with"),
                   access_key_id);
      return NULL;
    }

  region = dup_scope_part (self->region, self->detected_region);
  if (region == NULL)
    {
      set_scope_error (self, _("region"), "us-west-2", error);
      return NULL;
    }
  service = dup_scope_part (self->service, self->detected_service);
  if (service == NULL)
    {
      set_scope_error (self, _("service"), "execute-api", error);
      return NULL;
    }

  auth = signet_aws_auth_new (access_key_id, secret_access_key,
                              session_token && session_token[0] != '\0' ? session_token : NULL);
  auth->region = g_steal_pointer (&region);
  auth->service = g_steal_pointer (&service);
  auth->location = self->sign_in_query ? SIGNET_SIGV4_LOCATION_QUERY
                                       : SIGNET_SIGV4_LOCATION_HEADERS;

  return g_steal_pointer (&auth);
}

static void
signet_request_dispose (GObject *object)
{
  SignetRequest *self = SIGNET_REQUEST (object);

  row_list_clear (&self->params);
  row_list_clear (&self->headers);
  row_list_clear (&self->form_fields);

  G_OBJECT_CLASS (signet_request_parent_class)->dispose (object);
}

static void
signet_request_finalize (GObject *object)
{
  SignetRequest *self = SIGNET_REQUEST (object);

  g_free (self->method);
  g_free (self->url);
  g_free (self->body_text);
  g_free (self->access_key_id);
  g_free (self->region);
  g_free (self->service);
  g_free (self->credential_name);
  g_free (self->key_ref);
  g_free (self->session_ref);
  g_free (self->detected_region);
  g_free (self->detected_service);
  g_free (self->title);

  G_OBJECT_CLASS (signet_request_parent_class)->finalize (object);
}

static void
signet_request_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SignetRequest *self = SIGNET_REQUEST (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_BODY_KIND:
      g_value_set_enum (value, self->body_kind);
      break;

    case PROP_BODY_TEXT:
      g_value_set_string (value, self->body_text);
      break;

    case PROP_AUTH_KIND:
      g_value_set_enum (value, self->auth_kind);
      break;

    case PROP_ACCESS_KEY_ID:
      g_value_set_string (value, self->access_key_id);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;

    case PROP_SIGN_IN_QUERY:
      g_value_set_boolean (value, self->sign_in_query);
      break;

    case PROP_CREDENTIAL_NAME:
      g_value_set_string (value, self->credential_name);
      break;

    case PROP_KEY_REF:
      g_value_set_string (value, self->key_ref);
      break;

    case PROP_SESSION_REF:
      g_value_set_string (value, self->session_ref);
      break;

    case PROP_EXPECTED_STATUS:
      g_value_set_uint (value, self->expected_status);
      break;

    case PROP_DETECTED_REGION:
      g_value_set_string (value, self->detected_region);
      break;

    case PROP_DETECTED_SERVICE:
      g_value_set_string (value, self->detected_service);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_request_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SignetRequest *self = SIGNET_REQUEST (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      signet_request_set_method (self, g_value_get_string (value));
      break;

    case PROP_URL:
      signet_request_set_url (self, g_value_get_string (value));
      break;

    case PROP_BODY_KIND:
      signet_request_set_body_kind (self, g_value_get_enum (value));
      break;

    case PROP_BODY_TEXT:
      signet_request_set_body_text (self, g_value_get_string (value));
      break;

    case PROP_AUTH_KIND:
      signet_request_set_auth_kind (self, g_value_get_enum (value));
      break;

    case PROP_ACCESS_KEY_ID:
      signet_request_set_access_key_id (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      signet_request_set_region (self, g_value_get_string (value));
      break;

    case PROP_SERVICE:
      signet_request_set_service (self, g_value_get_string (value));
      break;

    case PROP_SIGN_IN_QUERY:
      signet_request_set_sign_in_query (self, g_value_get_boolean (value));
      break;

    case PROP_CREDENTIAL_NAME:
      signet_request_set_credential_name (self, g_value_get_string (value));
      break;

    case PROP_KEY_REF:
      signet_request_set_key_ref (self, g_value_get_string (value));
      break;

    case PROP_SESSION_REF:
      signet_request_set_session_ref (self, g_value_get_string (value));
      break;

    case PROP_EXPECTED_STATUS:
      signet_request_set_expected_status (self, g_value_get_uint (value));
      break;

    case PROP_MODIFIED:
      signet_request_set_modified (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
signet_request_class_init (SignetRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = signet_request_dispose;
  object_class->finalize = signet_request_finalize;
  object_class->get_property = signet_request_get_property;
  object_class->set_property = signet_request_set_property;

  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, "GET", RW_FLAGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, "", RW_FLAGS);
  properties[PROP_BODY_KIND] =
    g_param_spec_enum ("body-kind", NULL, NULL,
                       SIGNET_TYPE_BODY_KIND, SIGNET_BODY_KIND_NONE, RW_FLAGS);
  properties[PROP_BODY_TEXT] =
    g_param_spec_string ("body-text", NULL, NULL, "", RW_FLAGS);
  properties[PROP_AUTH_KIND] =
    g_param_spec_enum ("auth-kind", NULL, NULL,
                       SIGNET_TYPE_AUTH_KIND, SIGNET_AUTH_KIND_NONE, RW_FLAGS);
  properties[PROP_ACCESS_KEY_ID] =
    g_param_spec_string ("access-key-id", NULL, NULL, "", RW_FLAGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "", RW_FLAGS);
  properties[PROP_SERVICE] =
    g_param_spec_string ("service", NULL, NULL, "execute-api", RW_FLAGS);
  properties[PROP_SIGN_IN_QUERY] =
    g_param_spec_boolean ("sign-in-query", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_CREDENTIAL_NAME] =
    g_param_spec_string ("credential-name", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_KEY_REF] =
    g_param_spec_string ("key-ref", NULL, NULL, "", RW_FLAGS);
  properties[PROP_SESSION_REF] =
    g_param_spec_string ("session-ref", NULL, NULL, "", RW_FLAGS);
  properties[PROP_EXPECTED_STATUS] =
    g_param_spec_uint ("expected-status", NULL, NULL, 0, 599, 0, RW_FLAGS);
  properties[PROP_DETECTED_REGION] =
    g_param_spec_string ("detected-region", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_DETECTED_SERVICE] =
    g_param_spec_string ("detected-service", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, RO_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_request_init (SignetRequest *self)
{
  self->method = g_strdup ("GET");
  self->url = g_strdup ("");
  self->body_text = g_strdup ("");
  self->access_key_id = g_strdup ("");
  self->region = g_strdup ("");
  self->service = g_strdup ("execute-api");
  self->key_ref = g_strdup ("");
  self->session_ref = g_strdup ("");
  self->title = g_strdup ("New Request");

  row_list_init (&self->params, self);
  row_list_init (&self->headers, self);
  row_list_init (&self->form_fields, self);
}
