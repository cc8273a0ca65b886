/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "signet-request-page.h"
#include "signet-response-view.h"
#include "signet-test-fixture.h"

/* Renders the request page after a signed request to the API Gateway
 * fixture into a PNG, for the README and AppStream. Run by
 * tools/make-screenshots under Xvfb, so the picture stays current. */

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("timed out: %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
response_shown (SignetRequestPage *page)
{
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (page), SIGNET_TYPE_REQUEST_PAGE,
                                                 "response_view");
  gboolean sending = TRUE;

  g_object_get (page, "sending", &sending, NULL);
  return !sending && !signet_response_view_get_busy (SIGNET_RESPONSE_VIEW (view));
}

/* Stacks cross-fade: paint only once every transition has ended. */
static gboolean
transitions_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (transitions_running (child))
      return TRUE;

  return FALSE;
}

static GtkStack *
find_stack_with (GtkWidget  *widget,
                 const char *page_name)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), page_name))
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack_with (child, page_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
wait_for_transitions (GtkWidget *window)
{
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, (gpointer) "transitions");

  do
    g_main_context_iteration (NULL, TRUE);
  while (transitions_running (window));
  g_source_remove (watchdog);
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SignetTestFixture) fixture = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autofree char *url = NULL;
  SignetRequestPage *page;
  SignetRequest *request;
  GtkWidget *window;
  GObject *secret_row;
  guint watchdog;

  if (argc != 2)
    {
      g_printerr ("usage: signet-screenshot OUTPUT.png\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  gtk_source_init ();

  fixture = signet_test_fixture_start (NULL);
  client = signet_client_new (NULL);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Signet");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  page = signet_request_page_new (client);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));

  /* the seed's step 5: AWS Signature with an IAM user's keys */
  request = signet_request_page_get_request (page);
  url = signet_test_fixture_url (fixture, "/pets?type=dog");
  signet_request_set_url (request, url);
  signet_request_set_auth_kind (request, SIGNET_AUTH_KIND_AWS_SIGV4);
  signet_request_set_access_key_id (request, FIXTURE_KEY);
  signet_request_set_region (request, FIXTURE_REGION);
  secret_row = gtk_widget_get_template_child (GTK_WIDGET (page), SIGNET_TYPE_REQUEST_PAGE, "secret_key_row");
  gtk_editable_set_text (GTK_EDITABLE (secret_row), FIXTURE_SECRET);
  gtk_window_present (GTK_WINDOW (window));

  watchdog = g_timeout_add_seconds (30, watchdog_cb, (gpointer) "the response");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.send", NULL);
  while (!response_shown (page))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
  /* the headers Signet added, above the pets the signed request got */
  gtk_stack_set_visible_child_name (find_stack_with (GTK_WIDGET (page), "headers"), "headers");
  wait_for_transitions (window);

  save_png (window, argv[1]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
