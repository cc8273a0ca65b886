/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-access-check.h"
#include "signet-file-chooser.h"
#include "signet-import-openapi.h"
#include "signet-toast.h"

/**
 * SignetAccessCheck:
 *
 * "Who can get in?": a window of its own that runs a #SignetAudit over a
 * collection (or one of its folders) or an OpenAPI / API Gateway export,
 * and shows each endpoint's verdict live, with the four probes' statuses.
 * Hosts not on this machine are probed only after a confirmation naming
 * them. The result exports as Markdown, JSON or JUnit XML.
 *
 * The secret typed here stays in its password row and the audit's copy
 * of the credential; a saved credential's is read from the keyring at
 * each run.
 */
struct _SignetAccessCheck
{
  AdwWindow              parent_instance;

  /* May be NULL: then only one-off keys can sign. */
  SignetCredentialStore *credential_store;
  /* What to check: a collection (and folder), or a document chosen since. */
  SignetCollection      *collection;
  char                  *folder;
  SignetEnvironment     *environment;
  SignetImportResult    *imported;
  char                  *document;

  /* The last check; its endpoints are the list's model. */
  SignetAudit           *audit;
  /* SignetAuditEndpoint -> its row (the list box owns the rows) */
  GHashTable            *rows;
  gboolean               running;
  gboolean               finished;
  /* Keyring lookups, file reads and the run; cancelled on close. */
  GCancellable          *cancellable;
  GCancellable          *run_cancellable;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwActionRow          *source_row;
  AdwEntryRow           *base_url_row;
  AdwEntryRow           *region_row;
  AdwEntryRow           *service_row;
  AdwEntryRow           *credential_row;
  AdwEntryRow           *access_key_row;
  AdwPasswordEntryRow   *secret_key_row;
  GtkProgressBar        *progress_bar;
  GtkLabel              *summary_label;
  GtkListBox            *endpoints_list;
  GtkWidget             *export_button;
};

/* A probe that gets no answer in this time counts as unreachable. */
#define PROBE_TIMEOUT_SECONDS 30

G_DEFINE_FINAL_TYPE (SignetAccessCheck, signet_access_check, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CREDENTIAL_STORE,
  PROP_COLLECTION,
  PROP_FOLDER,
  PROP_ENVIRONMENT,
  PROP_RUNNING,
  PROP_CAN_RUN,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  SignetAuditReportFormat  format;
  const char              *nick;
  const char              *suffix;
  const char              *title;
} export_formats[] = {
  { SIGNET_AUDIT_REPORT_MARKDOWN, "md", "md", N_("Export as Markdown") },
  { SIGNET_AUDIT_REPORT_JSON, "json", "json", N_("Export as JSON") },
  { SIGNET_AUDIT_REPORT_JUNIT, "junit", "xml", N_("Export as JUnit XML") },
};

static void
show_toast (SignetAccessCheck *self,
            const char        *text)
{
  signet_toast_show_text (self->toast_overlay, text);
}

static gboolean
has_source (SignetAccessCheck *self)
{
  return self->collection != NULL || self->imported != NULL;
}

static void
update_actions (SignetAccessCheck *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "check.run", has_source (self) && !self->running);
  gtk_widget_action_set_enabled (widget, "check.cancel", self->running);
  gtk_widget_action_set_enabled (widget, "check.choose-file", !self->running);
  gtk_widget_action_set_enabled (widget, "check.export", self->finished && !self->running);
  /* a menu button does not follow its items' actions */
  gtk_widget_set_sensitive (self->export_button, self->finished && !self->running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RUN]);
}

static void
set_running (SignetAccessCheck *self,
             gboolean           running)
{
  self->running = running;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
update_source_row (SignetAccessCheck *self)
{
  g_autofree char *subtitle = NULL;

  if (self->imported != NULL)
    subtitle = g_strdup (signet_import_result_get_name (self->imported));
  else if (self->collection != NULL && self->folder != NULL && self->folder[0] != '\0')
    /* Translators: a collection and one of its folders */
    subtitle = g_strdup_printf (_("%s › %s"), signet_collection_get_name (self->collection),
                                self->folder);
  else if (self->collection != NULL)
    subtitle = g_strdup (signet_collection_get_name (self->collection));
  else
    subtitle = g_strdup (_("None yet: choose an OpenAPI or API Gateway export"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), subtitle);
}


/* Rows */

static const char * const verdict_classes[] = { "success", "error", "warning", "dim-label" };

static const char *
verdict_class (SignetAuditVerdict verdict)
{
  switch (verdict)
    {
    case SIGNET_AUDIT_VERDICT_PROTECTED:
      return "success";
    case SIGNET_AUDIT_VERDICT_OPEN:
    case SIGNET_AUDIT_VERDICT_WEAK:
      return "error";
    case SIGNET_AUDIT_VERDICT_BROKEN:
      return "warning";
    case SIGNET_AUDIT_VERDICT_PENDING:
    case SIGNET_AUDIT_VERDICT_UNREACHABLE:
    default:
      return "dim-label";
    }
}

/* "Unsigned 403 · Unknown key 403 · Tampered 403 · Signed 200" */
static char *
format_probes (SignetAuditEndpoint *endpoint)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < SIGNET_AUDIT_N_PROBES; p++)
    {
      guint status = signet_audit_endpoint_get_probe_status (endpoint, p);
      const char *failure = signet_audit_endpoint_get_probe_failure (endpoint, p);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, signet_audit_probe_to_label (p));
      if (status > 0)
        g_string_append_printf (text, " %u", status);
      else if (failure != NULL)
        /* Translators: a probe that got no answer */
        g_string_append (text, _(" failed"));
      else
        g_string_append (text, " …");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_row (GtkWidget           *row,
            SignetAuditEndpoint *endpoint)
{
  GtkLabel *verdict_label = g_object_get_data (G_OBJECT (row), "signet-verdict-label");
  GtkLabel *probes_label = g_object_get_data (G_OBJECT (row), "signet-probes-label");
  SignetAuditVerdict verdict = signet_audit_endpoint_get_verdict (endpoint);
  const char *nick = verdict == SIGNET_AUDIT_VERDICT_PENDING
                     ? _("checking") : signet_audit_verdict_to_nick (verdict);
  g_autofree char *probes = format_probes (endpoint);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (verdict_label, nick);
  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (verdict_label), verdict_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (verdict_label), verdict_class (verdict));
  gtk_label_set_text (probes_label, probes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (probes_label), signet_audit_endpoint_get_summary (endpoint));

  /* Translators: an endpoint and its verdict, e.g. "POST /pets: open" */
  accessible = g_strdup_printf (_("%s %s: %s"), signet_audit_endpoint_get_method (endpoint),
                                signet_audit_endpoint_get_path (endpoint), nick);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SignetAccessCheck *self = user_data;
  SignetAuditEndpoint *endpoint = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *method = gtk_label_new (signet_audit_endpoint_get_method (endpoint));
  GtkWidget *path = gtk_label_new (signet_audit_endpoint_get_path (endpoint));
  GtkWidget *probes = gtk_label_new (NULL);
  GtkWidget *verdict = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_width_chars (GTK_LABEL (method), 7);
  gtk_label_set_xalign (GTK_LABEL (method), 0);
  gtk_widget_add_css_class (method, "monospace");
  gtk_widget_add_css_class (method, "caption-heading");

  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (GTK_LABEL (path), TRUE);
  gtk_widget_set_tooltip_text (path, signet_audit_endpoint_get_name (endpoint));
  gtk_label_set_xalign (GTK_LABEL (probes), 0);
  gtk_widget_add_css_class (probes, "caption");
  gtk_widget_add_css_class (probes, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), path);
  gtk_box_append (GTK_BOX (texts), probes);

  gtk_widget_set_valign (verdict, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (verdict, "heading");

  gtk_box_append (GTK_BOX (box), method);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), verdict);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  g_object_set_data (G_OBJECT (row), "signet-verdict-label", verdict);
  g_object_set_data (G_OBJECT (row), "signet-probes-label", probes);
  g_object_set_data (G_OBJECT (row), "signet-endpoint", endpoint);
  g_hash_table_insert (self->rows, endpoint, row);
  update_row (row, endpoint);
  return row;
}

static void
probe_finished_cb (SignetAudit         *audit,
                   SignetAuditEndpoint *endpoint,
                   guint                probe,
                   SignetAccessCheck   *self)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, endpoint);

  if (row != NULL)
    update_row (row, endpoint);
}

static void
endpoint_finished_cb (SignetAudit         *audit,
                      SignetAuditEndpoint *endpoint,
                      SignetAccessCheck   *self)
{
  probe_finished_cb (audit, endpoint, SIGNET_AUDIT_N_PROBES, self);
}

static void
progress_cb (SignetAccessCheck *self)
{
  guint total = signet_audit_get_n_probes (self->audit);
  guint done = signet_audit_get_n_probes_done (self->audit);
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  /* Translators: probes answered of all probes */
  text = g_strdup_printf (_("%u of %u probes"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
drop_audit (SignetAccessCheck *self)
{
  gtk_list_box_bind_model (self->endpoints_list, NULL, NULL, NULL, NULL);
  g_hash_table_remove_all (self->rows);
  if (self->audit != NULL)
    g_signal_handlers_disconnect_by_data (self->audit, self);
  g_clear_object (&self->audit);
  self->finished = FALSE;
}


/* Running */

static void
show_summary (SignetAccessCheck *self)
{
  SignetAudit *audit = self->audit;
  g_autofree char *summary = NULL;

  /* Translators: the counts of each verdict after an access check */
  summary = g_strdup_printf (_("%u protected, %u open, %u weak, %u broken, %u unreachable"),
                             signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_PROTECTED),
                             signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_OPEN),
                             signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_WEAK),
                             signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_BROKEN),
                             signet_audit_count_verdict (audit, SIGNET_AUDIT_VERDICT_UNREACHABLE));
  gtk_label_set_text (self->summary_label, summary);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignetAccessCheck) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!signet_audit_run_finish (SIGNET_AUDIT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("Cancelled: the verdicts shown are incomplete"));
      else
        {
          g_autofree char *message = g_strdup_printf (_("The access check failed: %s"), error->message);

          gtk_label_set_text (self->summary_label, message);
        }
    }
  else
    {
      self->finished = TRUE;
      show_summary (self);
    }
  g_clear_object (&self->run_cancellable);
  set_running (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

static void
start_run (SignetAccessCheck *self)
{
  g_signal_connect_object (self->audit, "probe-finished", G_CALLBACK (probe_finished_cb), self, 0);
  g_signal_connect_object (self->audit, "endpoint-finished", G_CALLBACK (endpoint_finished_cb), self, 0);
  g_signal_connect_object (self->audit, "notify::n-probes-done", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  self->run_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->summary_label, _("Probing…"));
  set_running (self, TRUE);
  signet_audit_run_async (self->audit, self->run_cancellable, run_done_cb, g_object_ref (self));
  progress_cb (self);
}

static void
confirm_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     SignetAccessCheck *self)
{
  if (g_str_equal (response, "probe"))
    start_run (self);
  else
    gtk_label_set_text (self->summary_label, _("Nothing was probed"));
}

/* Probing a host that is not this machine sends requests there: asked
 * first, naming the hosts. */
static void
confirm_remote_hosts (SignetAccessCheck *self,
                      char             **hosts)
{
  g_autofree char *list = g_strjoinv ("\n", hosts);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The check sends unsigned, wrongly signed and signed requests "
                                       "(write methods without a body) to this host:\n\n%s",
                                       "The check sends unsigned, wrongly signed and signed requests "
                                       "(write methods without a body) to these hosts:\n\n%s",
                                       g_strv_length (hosts)),
                          list);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Probe Hosts Not on This Machine?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "probe", _("_Probe"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "probe",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
add_targets (SignetAccessCheck  *self,
             SignetAudit        *audit,
             GError            **error)
{
  const char *base_url = gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
  SignetAuditSource source = {
    self->environment != NULL ? signet_environment_lookup : NULL,
    self->environment,
    base_url[0] != '\0' ? base_url : NULL,
  };

  if (source.base_url != NULL &&
      (!g_uri_is_valid (source.base_url, G_URI_FLAGS_NONE, NULL) ||
       (!g_str_has_prefix (source.base_url, "http://") &&
        !g_str_has_prefix (source.base_url, "https://"))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The base URL “%s” is not an http or https URL, such as "
                     "https://abc123.execute-api.us-west-2.amazonaws.com/test"), source.base_url);
      return FALSE;
    }

  if (self->imported != NULL)
    return signet_audit_add_import_result (audit, self->imported, self->document, &source, error);
  return signet_audit_add_collection (audit, self->collection, self->folder, &source, error);
}

/* With the credential that should get in: the endpoints, then (after a
 * confirmation for other hosts) the probes. */
static void
prepare_run (SignetAccessCheck *self,
             SignetAwsAuth     *auth)
{
  const char *region = gtk_editable_get_text (GTK_EDITABLE (self->region_row));
  const char *service = gtk_editable_get_text (GTK_EDITABLE (self->service_row));
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SignetAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remote = NULL;

  /* As many connections to a host as probes in flight, as signet-cli
   * audit does; the page's session keeps libsoup's default of two. */
  session = soup_session_new_with_options ("timeout", PROBE_TIMEOUT_SECONDS,
                                           "max-conns", SIGNET_AUDIT_DEFAULT_CONCURRENCY * 2,
                                           "max-conns-per-host", SIGNET_AUDIT_DEFAULT_CONCURRENCY,
                                           NULL);
  audit = signet_audit_new (session);
  if (region[0] != '\0')
    auth->region = g_strdup (region);
  if (service[0] != '\0')
    auth->service = g_strdup (service);
  signet_audit_set_auth (audit, auth);

  if (!add_targets (self, audit, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if (g_list_model_get_n_items (signet_audit_get_endpoints (audit)) == 0)
    {
      show_toast (self, _("There are no requests to check"));
      return;
    }

  drop_audit (self);
  self->audit = g_steal_pointer (&audit);
  gtk_list_box_bind_model (self->endpoints_list, signet_audit_get_endpoints (self->audit),
                           create_row_cb, self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  update_actions (self);

  remote = signet_audit_dup_remote_hosts (self->audit);
  if (remote[0] != NULL)
    confirm_remote_hosts (self, remote);
  else
    start_run (self);
}

static void
credential_looked_up_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SignetAccessCheck) self = user_data;
  g_autoptr(SignetCredential) credential = NULL;
  g_autoptr(SignetAwsAuth) auth = NULL;
  g_autoptr(GError) error = NULL;

  credential = signet_credential_store_lookup_finish (SIGNET_CREDENTIAL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (credential == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  auth = signet_aws_auth_new (credential->access_key_id, credential->secret_access_key,
                              credential->session_token);
  prepare_run (self, auth);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (widget);
  const char *credential = gtk_editable_get_text (GTK_EDITABLE (self->credential_row));
  const char *access_key_id = gtk_editable_get_text (GTK_EDITABLE (self->access_key_row));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_key_row));
  g_autoptr(SignetAwsAuth) auth = NULL;

  if (self->running || !has_source (self))
    return;

  if (credential[0] != '\0')
    {
      if (self->credential_store == NULL)
        {
          show_toast (self, _("Saved credentials are not available here"));
          return;
        }
      signet_credential_store_lookup_async (self->credential_store, credential, self->cancellable,
                                            credential_looked_up_cb, g_object_ref (self));
      return;
    }
  if (access_key_id[0] == '\0' || secret[0] == '\0')
    {
      show_toast (self, _("Give a saved credential, or an access key ID and secret, that may call "
                          "the API: the check tells a working endpoint from a broken one with it"));
      return;
    }
  auth = signet_aws_auth_new (access_key_id, secret, NULL);
  prepare_run (self, auth);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (widget);

  g_cancellable_cancel (self->run_cancellable);
}


/* The OpenAPI document */

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetAccessCheck) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetImportResult) imported = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  imported = signet_import_openapi (data, length, &error);
  if (imported == NULL)
    {
      g_autofree char *name = g_file_get_basename (G_FILE (source));
      g_autofree char *message = g_strdup_printf (_("Could not read %s: %s"), name, error->message);

      show_toast (self, message);
      return;
    }

  g_set_object (&self->imported, imported);
  g_free (self->document);
  self->document = g_steal_pointer (&data);
  g_clear_object (&self->collection);
  g_clear_pointer (&self->folder, g_free);
  update_source_row (self);
  update_actions (self);
}

/**
 * signet_access_check_open_file:
 * @file: an OpenAPI (or Swagger, or API Gateway export) document
 *
 * Checks @file's operations instead of the collection, once it is read
 * (#SignetAccessCheck:can-run turns true).
 */
void
signet_access_check_open_file (SignetAccessCheck *self,
                               GFile             *file)
{
  g_return_if_fail (SIGNET_IS_ACCESS_CHECK (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

static void
file_chosen_cb (gpointer         owner,
                GFile           *file,
                GtkNativeDialog *chooser)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (owner);

  signet_access_check_open_file (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("OpenAPI and API Gateway Exports (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  chooser = gtk_file_chooser_native_new (_("Choose an OpenAPI Document"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  signet_file_chooser_show (chooser, widget, file_chosen_cb);
}


/* Export */

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * signet_access_check_export_async:
 * @format: Markdown, JSON or JUnit XML
 * @file: where to write the report (replaced)
 *
 * Writes the last check's report.
 */
void
signet_access_check_export_async (SignetAccessCheck       *self,
                                  SignetAuditReportFormat  format,
                                  GFile                   *file,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  GTask *task;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (SIGNET_IS_ACCESS_CHECK (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_access_check_export_async);
  if (self->audit == NULL || !self->finished)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("Run the check to the end first"));
      g_object_unref (task);
      return;
    }
  text = signet_audit_report (signet_audit_get_endpoints (self->audit), format);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, report_written_cb, task);
}

gboolean
signet_access_check_export_finish (SignetAccessCheck  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_access_check_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (source);
  g_autoptr(GError) error = NULL;

  if (!signet_access_check_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export the report: %s"),
                                                      error->message);

          show_toast (self, message);
        }
      return;
    }
  show_toast (self, _("Report exported"));
}

static void
export_chosen_cb (gpointer         owner,
                  GFile           *file,
                  GtkNativeDialog *chooser)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (owner);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "signet-format"));

  signet_access_check_export_async (self, export_formats[index].format, file, self->cancellable,
                                    exported_cb, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *nick = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      if (!g_str_equal (export_formats[i].nick, nick))
        continue;

      suggested = g_strdup_printf ("access-check.%s", export_formats[i].suffix);
      chooser = gtk_file_chooser_native_new (_(export_formats[i].title), GTK_WINDOW (widget),
                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
      g_object_set_data (G_OBJECT (chooser), "signet-format", GUINT_TO_POINTER (i));
      signet_file_chooser_show (chooser, widget, export_chosen_cb);
      return;
    }
}


/* GObject */

static gboolean
signet_access_check_close_request (GtkWindow *window)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (window);

  /* no probe goes out once the window is closed */
  g_cancellable_cancel (self->run_cancellable);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (signet_access_check_parent_class)->close_request (window);
}

static void
signet_access_check_constructed (GObject *object)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (object);

  G_OBJECT_CLASS (signet_access_check_parent_class)->constructed (object);

  gtk_widget_set_visible (GTK_WIDGET (self->credential_row), self->credential_store != NULL);
  update_source_row (self);
  update_actions (self);
}

static void
signet_access_check_dispose (GObject *object)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (object);

  g_cancellable_cancel (self->run_cancellable);
  g_cancellable_cancel (self->cancellable);
  if (self->endpoints_list != NULL)
    drop_audit (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_ACCESS_CHECK);

  G_OBJECT_CLASS (signet_access_check_parent_class)->dispose (object);
}

static void
signet_access_check_finalize (GObject *object)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (object);

  g_clear_object (&self->credential_store);
  g_clear_object (&self->collection);
  g_clear_object (&self->environment);
  g_clear_object (&self->imported);
  g_clear_object (&self->audit);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self->folder);
  g_free (self->document);

  G_OBJECT_CLASS (signet_access_check_parent_class)->finalize (object);
}

static void
signet_access_check_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL_STORE:
      g_value_set_object (value, self->credential_store);
      break;

    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_ENVIRONMENT:
      g_value_set_object (value, self->environment);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_CAN_RUN:
      g_value_set_boolean (value, has_source (self) && !self->running);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_access_check_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SignetAccessCheck *self = SIGNET_ACCESS_CHECK (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL_STORE:
      self->credential_store = g_value_dup_object (value);
      break;

    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;

    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;

    case PROP_ENVIRONMENT:
      self->environment = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_access_check_class_init (SignetAccessCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = signet_access_check_constructed;
  object_class->dispose = signet_access_check_dispose;
  object_class->finalize = signet_access_check_finalize;
  object_class->get_property = signet_access_check_get_property;
  object_class->set_property = signet_access_check_set_property;
  window_class->close_request = signet_access_check_close_request;

  properties[PROP_CREDENTIAL_STORE] =
    g_param_spec_object ("credential-store", NULL, NULL, SIGNET_TYPE_CREDENTIAL_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The collection (and folder, "" or NULL for all of it) to check. */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL, SIGNET_TYPE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The values of `{{name}}` references and path parameters. */
  properties[PROP_ENVIRONMENT] =
    g_param_spec_object ("environment", NULL, NULL, SIGNET_TYPE_ENVIRONMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* There is something to check and no check is running. */
  properties[PROP_CAN_RUN] =
    g_param_spec_boolean ("can-run", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The last check ran to its end: its report can be exported. */
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-access-check.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, source_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, region_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, service_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, credential_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, access_key_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, secret_key_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, endpoints_list);
  gtk_widget_class_bind_template_child (widget_class, SignetAccessCheck, export_button);

  gtk_widget_class_install_action (widget_class, "check.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "check.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "check.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "check.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
signet_access_check_init (SignetAccessCheck *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new (NULL, NULL);
}

/**
 * signet_access_check_new:
 * @credential_store: (nullable): saved credentials
 * @collection: (nullable): the collection to check
 * @folder: (nullable): one of its folders, or %NULL for all of it
 * @environment: (nullable): the values for its variables
 *
 * Returns: (transfer none): a new access check window (GTK holds it
 *   until it is closed)
 */
SignetAccessCheck *
signet_access_check_new (SignetCredentialStore *credential_store,
                         SignetCollection      *collection,
                         const char            *folder,
                         SignetEnvironment     *environment)
{
  return g_object_new (SIGNET_TYPE_ACCESS_CHECK,
                       "credential-store", credential_store,
                       "collection", collection,
                       "folder", folder,
                       "environment", environment,
                       NULL);
}

/**
 * signet_access_check_get_audit:
 *
 * Returns: (transfer none) (nullable): the last check, its endpoints and
 *   their verdicts
 */
SignetAudit *
signet_access_check_get_audit (SignetAccessCheck *self)
{
  g_return_val_if_fail (SIGNET_IS_ACCESS_CHECK (self), NULL);

  return self->audit;
}

gboolean
signet_access_check_get_running (SignetAccessCheck *self)
{
  g_return_val_if_fail (SIGNET_IS_ACCESS_CHECK (self), FALSE);

  return self->running;
}
