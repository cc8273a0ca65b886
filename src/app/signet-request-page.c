/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "signet-request-page.h"

struct _SignetRequestPage
{
  AdwBin  parent_instance;

  char   *title;
};

G_DEFINE_FINAL_TYPE (SignetRequestPage, signet_request_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_request_page_finalize (GObject *object)
{
  SignetRequestPage *self = SIGNET_REQUEST_PAGE (object);

  g_clear_pointer (&self->title, g_free);

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
    case PROP_TITLE:
      g_value_set_string (value, self->title);
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

  object_class->finalize = signet_request_page_finalize;
  object_class->get_property = signet_request_page_get_property;

  /**
   * SignetRequestPage:title:
   *
   * What the page's tab shows.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-request-page.ui");
}

static void
signet_request_page_init (SignetRequestPage *self)
{
  self->title = g_strdup (_("New Request"));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * signet_request_page_new:
 *
 * Returns: (transfer floating): a new, empty request page
 */
SignetRequestPage *
signet_request_page_new (void)
{
  return g_object_new (SIGNET_TYPE_REQUEST_PAGE, NULL);
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

  return self->title;
}
