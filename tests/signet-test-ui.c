/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-ui.h"

#define WATCHDOG_SECONDS 60

/* Connect it swapped: the flag comes first. */
void
signet_test_set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
signet_test_wait_until (SignetTestCondition  done,
                        gpointer             data,
                        const char          *what)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
}

void
signet_test_wait_for (gboolean   *flag,
                      const char *what)
{
  signet_test_wait_until (flag_is_set, flag, what);
}

/* The next frame the window paints: after it, the window is on screen. */
void
signet_test_wait_for_frame (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkFrameClock *frame_clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (surface);
  frame_clock = gdk_surface_get_frame_clock (surface);
  handler = g_signal_connect_swapped (frame_clock, "after-paint",
                                      G_CALLBACK (signet_test_set_flag_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  signet_test_wait_for (&painted, "a frame");
  g_signal_handler_disconnect (frame_clock, handler);
}

GtkWidget *
signet_test_template_child (gpointer    widget,
                            GType       type,
                            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (child == NULL)
    g_error ("no template child “%s” in %s", name, g_type_name (type));
  return GTK_WIDGET (child);
}

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*text);
}

static gboolean
text_is_read (gpointer data)
{
  return *(char **) data != NULL;
}

/* Returns: (transfer full): the text on @widget's clipboard */
char *
signet_test_read_clipboard_text (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_read_cb, &text);
  signet_test_wait_until (text_is_read, &text, "the clipboard's text");
  return text;
}
