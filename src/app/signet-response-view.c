/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "signet-explanation-view.h"
#include "signet-response-view.h"

/* The buffer is filled this many bytes per main loop iteration, so that a
 * body of many megabytes does not stop the window from drawing. */
#define FILL_CHUNK_SIZE (256 * 1024)

/* The formatter looks at the cancellable every this many tokens. */
#define CANCEL_CHECK_INTERVAL 65536

/* GtkTextView lays a line out whole: a minified body of megabytes on one
 * line would stop the window for seconds. Longer lines are cut short on
 * screen (copy-body still copies all). In bytes. */
#define LONG_LINE_LIMIT 10000

struct _SignetResponseView
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkStack        *main_stack;
  AdwStatusPage   *error_page;
  GtkStack        *tools_stack;
  GtkLabel        *status_label;
  GtkLabel        *time_label;
  GtkLabel        *size_label;
  AdwViewStack    *view_stack;
  GtkStack        *body_stack;
  GtkSpinner      *spinner;
  GtkSourceView   *source_view;
  GtkLabel        *cut_label;
  AdwStatusPage   *binary_page;
  AdwStatusPage   *redirect_page;
  GtkListBox      *headers_list;
  SignetExplanationView *explanation_view;

  /* The body as it came, and what the formatter made of it */
  GBytes          *body;
  char            *content_type;
  gboolean         body_is_text;
  GString         *pretty;
  GString         *pretty_cut;
  GString         *raw_cut;

  /* Cancelled when another exchange arrives, on clear and on dispose */
  GCancellable    *cancellable;

  /* The buffer being filled, chunk by chunk, and what goes into it */
  GtkSourceBuffer *filling;
  const char      *fill_data;
  gsize            fill_len;
  gsize            fill_pos;
  guint            fill_source;

  /* What the source view shows once done; copy-body copies it */
  const char      *shown_data;
  gsize            shown_len;

  gboolean         busy;
  gboolean         raw;
  gboolean         wrap;
};

G_DEFINE_FINAL_TYPE (SignetResponseView, signet_response_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_RAW,
  PROP_WRAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_body_text (SignetResponseView *self);


/* JSON pretty printer
 *
 * Validates JSON (RFC 8259) and re-indents it token by token, copying
 * strings and numbers exactly as they came: a viewer must not turn 0.1
 * into 0.10000000000000001 or 2^64 into 1.8446744073709552e+19, as a
 * parse to doubles and back would. No recursion: nesting depth is only
 * bounded by memory. The input is valid UTF-8 (checked before). */

typedef enum {
  JSON_VALUE,          /* a value must come */
  JSON_ARRAY_START,    /* after '[': a value or ']' */
  JSON_OBJECT_START,   /* after '{': a key or '}' */
  JSON_KEY,            /* after ',' in an object */
  JSON_COLON,          /* after a key */
  JSON_COMMA_OR_END,   /* after a value inside a container */
  JSON_DONE,           /* after the top-level value: only whitespace */
} JsonState;

static inline gboolean
json_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
json_newline (GString *out,
              guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Appends the closing bracket c, pops its container and says what may follow. */
static JsonState
json_close (GString    *out,
            GByteArray *stack,
            char        c)
{
  g_string_append_c (out, c);
  g_byte_array_set_size (stack, stack->len - 1);
  return stack->len > 0 ? JSON_COMMA_OR_END : JSON_DONE;
}

/* Returns the end of the string token starting at p (a '"'), or NULL. */
static const char *
json_scan_string (const char *p,
                  const char *end)
{
  for (p++; p < end; p++)
    {
      guchar c = *p;

      if (c == '"')
        return p + 1;
      if (c < 0x20)
        return NULL;
      if (c == '\\')
        {
          if (++p >= end)
            return NULL;
          switch (*p)
            {
            case '"': case '\\': case '/': case 'b':
            case 'f': case 'n': case 'r': case 't':
              break;
            case 'u':
              if (end - p < 5)
                return NULL;
              for (guint i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit (p[i]))
                  return NULL;
              p += 4;
              break;
            default:
              return NULL;
            }
        }
    }

  return NULL;
}

static const char *
json_scan_digits (const char *p,
                  const char *end)
{
  const char *start = p;

  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p > start ? p : NULL;
}

/* Returns the end of the number token starting at p, or NULL. */
static const char *
json_scan_number (const char *p,
                  const char *end)
{
  if (*p == '-')
    p++;
  if (p >= end)
    return NULL;
  if (*p == '0')
    p++;
  else if ((p = json_scan_digits (p, end)) == NULL)
    return NULL;

  if (p < end && *p == '.')
    if ((p = json_scan_digits (p + 1, end)) == NULL)
      return NULL;

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if ((p = json_scan_digits (p, end)) == NULL)
        return NULL;
    }

  return p;
}

/* Returns the pretty text, or NULL when data is not JSON or on cancel. */
static GString *
json_pretty_print (const char   *data,
                   gsize         len,
                   GCancellable *cancellable)
{
  g_autoptr(GString) out = g_string_sized_new (len + len / 2 + 1);
  g_autoptr(GByteArray) stack = g_byte_array_new ();
  const char *p = data;
  const char *end = data + len;
  JsonState state = JSON_VALUE;
  guint n_tokens = 0;

  /* A byte order mark is not JSON, but some servers send one. */
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (;;)
    {
      const char *token_end = NULL;
      char c;

      while (p < end && json_is_space (*p))
        p++;
      if (p == end)
        break;

      if (++n_tokens % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_is_cancelled (cancellable))
        return NULL;

      c = *p;

      switch (state)
        {
        case JSON_DONE:
          return NULL;

        case JSON_COLON:
          if (c != ':')
            return NULL;
          g_string_append (out, ": ");
          p++;
          state = JSON_VALUE;
          continue;

        case JSON_OBJECT_START:
          if (c == '}')
            {
              p++;
              state = json_close (out, stack, c);
              continue;
            }
          json_newline (out, stack->len);
          G_GNUC_FALLTHROUGH;

        case JSON_KEY:
          if (c != '"' || (token_end = json_scan_string (p, end)) == NULL)
            return NULL;
          g_string_append_len (out, p, token_end - p);
          p = token_end;
          state = JSON_COLON;
          continue;

        case JSON_COMMA_OR_END:
          {
            char open = (char) stack->data[stack->len - 1];

            if (c == ',')
              {
                g_string_append_c (out, ',');
                json_newline (out, stack->len);
                p++;
                state = open == '[' ? JSON_VALUE : JSON_KEY;
                continue;
              }
            if ((c == ']' && open == '[') || (c == '}' && open == '{'))
              {
                json_newline (out, stack->len - 1);
                p++;
                state = json_close (out, stack, c);
                continue;
              }
            return NULL;
          }

        case JSON_ARRAY_START:
          if (c == ']')
            {
              p++;
              state = json_close (out, stack, c);
              continue;
            }
          json_newline (out, stack->len);
          G_GNUC_FALLTHROUGH;

        case JSON_VALUE:
          if (c == '{' || c == '[')
            {
              guint8 open = c;

              g_string_append_c (out, c);
              p++;
              g_byte_array_append (stack, &open, 1);
              state = c == '{' ? JSON_OBJECT_START : JSON_ARRAY_START;
              continue;
            }
          else if (c == '"')
            token_end = json_scan_string (p, end);
          else if (c == '-' || g_ascii_isdigit (c))
            token_end = json_scan_number (p, end);
          else if (end - p >= 4 && memcmp (p, "true", 4) == 0)
            token_end = p + 4;
          else if (end - p >= 5 && memcmp (p, "false", 5) == 0)
            token_end = p + 5;
          else if (end - p >= 4 && memcmp (p, "null", 4) == 0)
            token_end = p + 4;

          if (token_end == NULL)
            return NULL;
          g_string_append_len (out, p, token_end - p);
          p = token_end;
          state = stack->len > 0 ? JSON_COMMA_OR_END : JSON_DONE;
          continue;

        default:
          g_assert_not_reached ();
        }
    }

  if (state != JSON_DONE)
    return NULL;

  return g_steal_pointer (&out);
}


/* Returns @data with every line longer than LONG_LINE_LIMIT bytes cut
 * short (on a character boundary) and marked with an ellipsis, or NULL
 * when no line is that long. @data is valid UTF-8. */
static GString *
cut_long_lines (const char *data,
                gsize       len)
{
  GString *cut = NULL;
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;
      const char *next = newline != NULL ? newline + 1 : end;

      if ((gsize) (line_end - p) > LONG_LINE_LIMIT)
        {
          const char *keep = p + LONG_LINE_LIMIT;

          while (keep > p && (*keep & 0xC0) == 0x80)
            keep--;

          if (cut == NULL)
            {
              cut = g_string_sized_new (len / 2 + 1);
              g_string_append_len (cut, data, p - data);
            }
          g_string_append_len (cut, p, keep - p);
          /* TRANSLATORS: marks a line cut short on screen */
          g_string_append (cut, _(" … (line cut short)"));
          g_string_append_len (cut, line_end, next - line_end);
        }
      else if (cut != NULL)
        {
          g_string_append_len (cut, p, next - p);
        }

      p = next;
    }

  return cut;
}


/* Formatting off the main thread */

typedef struct
{
  GBytes   *body;
  gboolean  try_json;
} FormatInput;

typedef struct
{
  gboolean  is_text;
  GString  *pretty;
  GString  *pretty_cut;
  GString  *raw_cut;
} FormatResult;

static void
format_input_free (FormatInput *input)
{
  g_bytes_unref (input->body);
  g_free (input);
}

static void
format_result_free (FormatResult *result)
{
  if (result->pretty != NULL)
    g_string_free (result->pretty, TRUE);
  if (result->pretty_cut != NULL)
    g_string_free (result->pretty_cut, TRUE);
  if (result->raw_cut != NULL)
    g_string_free (result->raw_cut, TRUE);
  g_free (result);
}

static void
format_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FormatInput *input = task_data;
  FormatResult *result = g_new0 (FormatResult, 1);
  gsize len;
  const char *data = g_bytes_get_data (input->body, &len);

  /* NUL bytes make g_utf8_validate_len() fail too: they are binary. */
  result->is_text = g_utf8_validate_len (data, len, NULL);

  if (result->is_text && input->try_json)
    result->pretty = json_pretty_print (data, len, cancellable);

  if (result->is_text)
    result->raw_cut = cut_long_lines (data, len);
  if (result->pretty != NULL)
    result->pretty_cut = cut_long_lines (result->pretty->str, result->pretty->len);

  if (g_task_return_error_if_cancelled (task))
    format_result_free (result);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) format_result_free);
}

/* JSON when the Content-Type says so or when the text looks like it. */
static gboolean
body_may_be_json (GBytes     *body,
                  const char *content_type)
{
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  gsize i = 0;

  if (content_type != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (content_type, -1);

      if (strstr (lower, "json") != NULL)
        return TRUE;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && json_is_space (data[i]))
    i++;

  return i < len && (data[i] == '{' || data[i] == '[');
}


static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

static void
set_busy (SignetResponseView *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_style_scheme (SignetResponseView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
stop_filling (SignetResponseView *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_object (&self->filling);
  self->fill_data = NULL;
  self->fill_len = self->fill_pos = 0;
}

/* Forget the body: cancel its formatting, stop filling the buffer. */
static void
reset_body (SignetResponseView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_filling (self);

  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->pretty, string_free);
  g_clear_pointer (&self->pretty_cut, string_free);
  g_clear_pointer (&self->raw_cut, string_free);
  self->body_is_text = FALSE;
  self->shown_data = NULL;
  self->shown_len = 0;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)), "", 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.copy-body", FALSE);
  set_busy (self, FALSE);
}

static void
finish_filling (SignetResponseView *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language = NULL;
  GtkTextIter start;

  /* Nothing to finish once unroot() has stopped the filling. */
  if (self->filling == NULL)
    return;

  if (self->pretty != NULL)
    language = gtk_source_language_manager_get_language (languages, "json");
  else if (self->body != NULL)
    {
      /* Not JSON: the Content-Type may still name a language (XML, HTML). */
      g_autofree char *mime_type = NULL;

      if (self->content_type != NULL)
        mime_type = g_strstrip (g_strdelimit (g_strdup (self->content_type), ";", '\0'));
      if (mime_type != NULL && mime_type[0] != '\0')
        language = gtk_source_language_manager_guess_language (languages, NULL, mime_type);

      /* JSON highlighting only for what parsed as JSON. */
      if (language != NULL && g_strcmp0 (gtk_source_language_get_id (language), "json") == 0)
        language = NULL;
    }

  /* Highlighting starts once the whole text is in. */
  gtk_source_buffer_set_language (self->filling, language);
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->filling), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->filling), &start);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->filling));
  update_style_scheme (self);

  stop_filling (self);

  gtk_stack_set_visible_child_name (self->body_stack, "text");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.copy-body", TRUE);
  set_busy (self, FALSE);
}

/* Appends one chunk, ending on a character boundary; TRUE when done. */
static gboolean
fill_chunk (SignetResponseView *self)
{
  gsize chunk_end = MIN (self->fill_pos + FILL_CHUNK_SIZE, self->fill_len);
  GtkTextIter end;

  while (chunk_end < self->fill_len && (self->fill_data[chunk_end] & 0xC0) == 0x80)
    chunk_end--;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->filling), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (self->filling), &end,
                          self->fill_data + self->fill_pos, chunk_end - self->fill_pos);
  self->fill_pos = chunk_end;

  return self->fill_pos >= self->fill_len;
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  SignetResponseView *self = user_data;

  if (!fill_chunk (self))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  finish_filling (self);
  return G_SOURCE_REMOVE;
}

/* Shows the body as text, pretty or raw, in a fresh buffer filled off
 * screen a chunk per main loop iteration; the spinner turns meanwhile. */
static void
show_body_text (SignetResponseView *self)
{
  GString *cut;

  g_assert (self->body != NULL && self->body_is_text);

  stop_filling (self);

  self->filling = gtk_source_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->filling), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (self->filling, FALSE);

  /* Copy what is shown, all of it; fill the buffer with what fits. */
  if (self->pretty != NULL && !self->raw)
    {
      self->shown_data = self->pretty->str;
      self->shown_len = self->pretty->len;
      cut = self->pretty_cut;
    }
  else
    {
      self->shown_data = g_bytes_get_data (self->body, &self->shown_len);
      cut = self->raw_cut;
    }

  self->fill_data = cut != NULL ? cut->str : self->shown_data;
  self->fill_len = cut != NULL ? cut->len : self->shown_len;
  self->fill_pos = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->cut_label), cut != NULL);

  if (fill_chunk (self))
    {
      finish_filling (self);
      return;
    }

  set_busy (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.copy-body", FALSE);
  gtk_stack_set_visible_child_name (self->body_stack, "loading");
  self->fill_source = g_idle_add (fill_idle_cb, self);
}

static void
format_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (object);
  GCancellable *cancellable = user_data;
  g_autoptr(GError) error = NULL;
  FormatResult *formatted;

  formatted = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled: another body (or none) is shown now, or the view is gone. */
  if (formatted == NULL || cancellable != self->cancellable)
    {
      g_clear_pointer (&formatted, format_result_free);
      g_object_unref (cancellable);
      return;
    }
  g_object_unref (cancellable);

  self->body_is_text = formatted->is_text;
  self->pretty = g_steal_pointer (&formatted->pretty);
  self->pretty_cut = g_steal_pointer (&formatted->pretty_cut);
  self->raw_cut = g_steal_pointer (&formatted->raw_cut);
  format_result_free (formatted);

  if (self->body_is_text)
    {
      show_body_text (self);
    }
  else
    {
      gsize size = g_bytes_get_size (self->body);
      g_autofree char *description = NULL;

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Binary body, %lu byte",
                                                  "Binary body, %lu bytes",
                                                  size),
                                     (gulong) size);
      adw_status_page_set_description (self->binary_page, description);
      gtk_stack_set_visible_child_name (self->body_stack, "binary");
      set_busy (self, FALSE);
    }
}

static void
start_formatting (SignetResponseView *self,
                  const char         *content_type)
{
  g_autoptr(GTask) task = NULL;
  FormatInput *input = g_new0 (FormatInput, 1);

  input->body = g_bytes_ref (self->body);
  input->try_json = body_may_be_json (self->body, content_type);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, format_ready_cb, g_object_ref (self->cancellable));
  g_task_set_source_tag (task, start_formatting);
  g_task_set_name (task, "[signet] format response body");
  g_task_set_task_data (task, input, (GDestroyNotify) format_input_free);

  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->body_stack, "loading");
  g_task_run_in_thread (task, format_thread);
}


static void
remove_header_rows (SignetResponseView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->headers_list, 0)) != NULL)
    gtk_list_box_remove (self->headers_list, GTK_WIDGET (row));
}

static GtkWidget *
create_header_row (const SignetHeader *header)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (header->name);
  GtkWidget *value = gtk_label_new (header->value);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_widget_add_css_class (name, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (value, "monospace");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), value);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
set_status_class (GtkLabel *label,
                  guint     status)
{
  static const char * const classes[] = { "success", "accent", "warning", "error" };
  const char *css_class = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);

  if (status >= 200 && status < 300)
    css_class = "success";
  else if (status >= 300 && status < 400)
    css_class = "accent";
  else if (status >= 400 && status < 500)
    css_class = "warning";
  else if (status >= 500)
    css_class = "error";

  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
}

static void
view_stack_notify_visible_child_cb (SignetResponseView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  /* Raw, wrap and copy are about the body; their place stays, so that
   * the bar keeps its height and the status its place. */
  gtk_stack_set_visible_child_name (self->tools_stack,
                                    g_strcmp0 (name, "body") == 0 ? "body" : "none");
}

static void
style_manager_notify_dark_cb (SignetResponseView *self)
{
  update_style_scheme (self);
}

static void
copy_body_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->shown_data == NULL || self->busy)
    return;

  text = g_strndup (self->shown_data, self->shown_len);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* Off screen (its window closed, say) the view stops formatting and filling:
 * a running format keeps the view alive, and must not then fill a buffer
 * of a widget tree that is being torn down. */
static void
signet_response_view_unroot (GtkWidget *widget)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_filling (self);

  GTK_WIDGET_CLASS (signet_response_view_parent_class)->unroot (widget);
}

static void
signet_response_view_dispose (GObject *object)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (),
                                        style_manager_notify_dark_cb, self);

  /* A running format keeps the view alive until it returns; cancelled,
   * it returns soon and format_ready_cb() touches nothing. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_filling (self);

  /* No gtk_widget_dispose_template(): AdwBin unparents its child. */

  G_OBJECT_CLASS (signet_response_view_parent_class)->dispose (object);
}

static void
signet_response_view_finalize (GObject *object)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (object);

  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->pretty, string_free);
  g_clear_pointer (&self->pretty_cut, string_free);
  g_clear_pointer (&self->raw_cut, string_free);

  G_OBJECT_CLASS (signet_response_view_parent_class)->finalize (object);
}

static void
signet_response_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_RAW:
      g_value_set_boolean (value, self->raw);
      break;

    case PROP_WRAP:
      g_value_set_boolean (value, self->wrap);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_response_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SignetResponseView *self = SIGNET_RESPONSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_RAW:
      signet_response_view_set_raw (self, g_value_get_boolean (value));
      break;

    case PROP_WRAP:
      signet_response_view_set_wrap (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_response_view_class_init (SignetResponseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_response_view_dispose;
  widget_class->unroot = signet_response_view_unroot;
  object_class->finalize = signet_response_view_finalize;
  object_class->get_property = signet_response_view_get_property;
  object_class->set_property = signet_response_view_set_property;

  /**
   * SignetResponseView:busy:
   *
   * Whether the body is still being checked, formatted or loaded.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SignetResponseView:raw:
   *
   * Whether the body is shown as it came rather than pretty-printed.
   */
  properties[PROP_RAW] =
    g_param_spec_boolean ("raw", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SignetResponseView:wrap:
   *
   * Whether long lines of the body wrap.
   */
  properties[PROP_WRAP] =
    g_param_spec_boolean ("wrap", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-response-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, tools_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, time_label);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, size_label);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, body_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, source_view);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, cut_label);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, binary_page);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, redirect_page);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, headers_list);
  gtk_widget_class_bind_template_child (widget_class, SignetResponseView, explanation_view);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_notify_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "response.copy-body", NULL, copy_body_action);
  gtk_widget_class_install_property_action (widget_class, "response.raw", "raw");
  gtk_widget_class_install_property_action (widget_class, "response.wrap", "wrap");
}

static void
signet_response_view_init (SignetResponseView *self)
{
  GtkWidget *placeholder;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (SIGNET_TYPE_EXPLANATION_VIEW);

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No Headers"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->headers_list, placeholder);

  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)), FALSE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_notify_dark_cb), self,
                           G_CONNECT_SWAPPED);
  update_style_scheme (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.copy-body", FALSE);
}

/**
 * signet_response_view_new:
 *
 * Returns: (transfer floating): a new response view, showing nothing yet
 */
GtkWidget *
signet_response_view_new (void)
{
  return g_object_new (SIGNET_TYPE_RESPONSE_VIEW, NULL);
}

/**
 * signet_response_view_set_exchange:
 * @self: a #SignetResponseView
 * @exchange: the request sent and the response it got
 *
 * Shows the response of @exchange: its status, time, size, headers and
 * body. The view keeps what it needs; @exchange may be freed after. A
 * body still being formatted for an earlier exchange is dropped.
 */
void
signet_response_view_set_exchange (SignetResponseView   *self,
                                   const SignetExchange *exchange)
{
  g_autofree char *status = NULL;
  g_autofree char *time = NULL;
  g_autofree char *size = NULL;
  const char *content_type;
  gsize body_size;

  g_return_if_fail (SIGNET_IS_RESPONSE_VIEW (self));
  g_return_if_fail (exchange != NULL);

  reset_body (self);
  /* an auth refusal is explained above the body; NULL: the signing time */
  signet_explanation_view_set_exchange (self->explanation_view, exchange, NULL);

  /* Status line, coloured by class */
  if (exchange->reason != NULL && exchange->reason[0] != '\0')
    status = g_strdup_printf ("%u %s", exchange->status, exchange->reason);
  else
    status = g_strdup_printf ("%u", exchange->status);
  gtk_label_set_text (self->status_label, status);
  set_status_class (self->status_label, exchange->status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), exchange->http_version);

  /* TRANSLATORS: the total time a request took, in milliseconds */
  time = g_strdup_printf (_("%.0f ms"), (double) exchange->elapsed_us / 1000.0);
  gtk_label_set_text (self->time_label, time);

  body_size = exchange->body != NULL ? g_bytes_get_size (exchange->body) : 0;
  size = g_format_size (body_size);
  gtk_label_set_text (self->size_label, size);

  /* Headers */
  remove_header_rows (self);
  if (exchange->headers != NULL)
    for (guint i = 0; i < exchange->headers->len; i++)
      gtk_list_box_append (self->headers_list,
                           create_header_row (&g_array_index (exchange->headers, SignetHeader, i)));

  /* Body */
  content_type = exchange->headers != NULL
                 ? signet_exchange_get_header (exchange, "Content-Type") : NULL;
  self->content_type = g_strdup (content_type);

  if (exchange->blocked_redirect != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (exchange->blocked_redirect, G_URI_FLAGS_NONE, NULL);
      const char *host = uri != NULL && g_uri_get_host (uri) != NULL
                         ? g_uri_get_host (uri) : exchange->blocked_redirect;
      g_autofree char *message = NULL;
      g_autofree char *markup = NULL;

      message = g_strdup_printf (_("Not following the redirect to %s: the signature is only valid for this host"),
                                 host);
      markup = g_markup_escape_text (message, -1);
      adw_status_page_set_description (self->redirect_page, markup);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->redirect_page), exchange->blocked_redirect);
      gtk_stack_set_visible_child_name (self->body_stack, "redirect");

      if (body_size > 0)
        self->body = g_bytes_ref (exchange->body);
    }
  else if (body_size == 0)
    {
      gtk_stack_set_visible_child_name (self->body_stack, "no-body");
    }
  else
    {
      self->body = g_bytes_ref (exchange->body);
      start_formatting (self, content_type);
    }

  gtk_stack_set_visible_child_name (self->main_stack, "response");
}

/**
 * signet_response_view_set_error:
 * @self: a #SignetResponseView
 * @error: why there is no response
 *
 * Shows why a request got no response: the host was not found, the
 * connection was refused or timed out, or TLS failed.
 */
void
signet_response_view_set_error (SignetResponseView *self,
                                const GError       *error)
{
  const char *title;
  const char *icon_name = "network-error-symbolic";
  g_autofree char *markup = NULL;

  g_return_if_fail (SIGNET_IS_RESPONSE_VIEW (self));
  g_return_if_fail (error != NULL);

  reset_body (self);
  remove_header_rows (self);
  signet_explanation_view_clear (self->explanation_view);

  if (error->domain == G_RESOLVER_ERROR)
    title = _("Host Not Found");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    title = _("Connection Refused");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    title = _("No Answer in Time");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    title = _("Request Cancelled");
  else if (error->domain == G_TLS_ERROR)
    {
      title = _("Secure Connection Failed");
      icon_name = "channel-insecure-symbolic";
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    {
      title = _("Cannot Reach the Server");
      icon_name = "network-offline-symbolic";
    }
  else if (error->domain == G_IO_ERROR)
    title = _("Cannot Reach the Server");
  else
    title = _("Request Failed");

  markup = g_markup_escape_text (error->message, -1);
  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/**
 * signet_response_view_clear:
 * @self: a #SignetResponseView
 *
 * Shows no response, dropping any body still being formatted.
 */
void
signet_response_view_clear (SignetResponseView *self)
{
  g_return_if_fail (SIGNET_IS_RESPONSE_VIEW (self));

  reset_body (self);
  remove_header_rows (self);
  signet_explanation_view_clear (self->explanation_view);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

/**
 * signet_response_view_get_explanation_view:
 *
 * Returns: (transfer none): the box above the body that explains auth
 *   refusals
 */
SignetExplanationView *
signet_response_view_get_explanation_view (SignetResponseView *self)
{
  g_return_val_if_fail (SIGNET_IS_RESPONSE_VIEW (self), NULL);

  return self->explanation_view;
}

gboolean
signet_response_view_get_busy (SignetResponseView *self)
{
  g_return_val_if_fail (SIGNET_IS_RESPONSE_VIEW (self), FALSE);

  return self->busy;
}

gboolean
signet_response_view_get_raw (SignetResponseView *self)
{
  g_return_val_if_fail (SIGNET_IS_RESPONSE_VIEW (self), FALSE);

  return self->raw;
}

/**
 * signet_response_view_set_raw:
 * @self: a #SignetResponseView
 * @raw: whether to show the body as it came
 *
 * Shows the body as it came, or pretty-printed when it is JSON.
 */
void
signet_response_view_set_raw (SignetResponseView *self,
                              gboolean            raw)
{
  g_return_if_fail (SIGNET_IS_RESPONSE_VIEW (self));

  raw = !!raw;
  if (self->raw == raw)
    return;

  self->raw = raw;

  /* Only a formatted JSON body looks different raw; a body still being
   * checked picks the mode up when it is done. */
  if (self->pretty != NULL)
    show_body_text (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAW]);
}

gboolean
signet_response_view_get_wrap (SignetResponseView *self)
{
  g_return_val_if_fail (SIGNET_IS_RESPONSE_VIEW (self), FALSE);

  return self->wrap;
}

/**
 * signet_response_view_set_wrap:
 * @self: a #SignetResponseView
 * @wrap: whether long lines wrap
 */
void
signet_response_view_set_wrap (SignetResponseView *self,
                               gboolean            wrap)
{
  g_return_if_fail (SIGNET_IS_RESPONSE_VIEW (self));

  wrap = !!wrap;
  if (self->wrap == wrap)
    return;

  self->wrap = wrap;
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->source_view),
                               wrap ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRAP]);
}
