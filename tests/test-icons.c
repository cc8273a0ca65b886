/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

/* The app icons read at the sizes GNOME shows them: 16 px in lists and
 * title bars, 128 px in Software and the About window. Rendered by the same
 * loader (librsvg through gdk-pixbuf) GTK uses. */

#define APP_ICON      "hicolor/scalable/apps/" APP_ID ".svg"
#define SYMBOLIC_ICON "hicolor/symbolic/apps/" APP_ID "-symbolic.svg"

static GdkPixbuf *
load_icon (const char *relative,
           int         size)
{
  g_autofree char *path = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "..", "data",
                                            "icons", relative, NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  g_assert_cmpint (gdk_pixbuf_get_n_channels (pixbuf), ==, 4);

  return pixbuf;
}

static const guchar *
pixel_at (GdkPixbuf *pixbuf,
          int        x,
          int        y)
{
  return gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) + x * 4;
}

/* The share of pixels that are mostly opaque. */
static double
coverage (GdkPixbuf *pixbuf)
{
  int size = gdk_pixbuf_get_width (pixbuf);
  int opaque = 0;

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      if (pixel_at (pixbuf, x, y)[3] >= 128)
        opaque++;

  return (double) opaque / (size * size);
}

static void
check_app_icon (gconstpointer data)
{
  int size = GPOINTER_TO_INT (data);
  g_autoptr(GdkPixbuf) icon = load_icon (APP_ICON, size);
  const guchar *seal, *card;

  /* a shape on a transparent ground, not a filled square */
  g_assert_cmpint (pixel_at (icon, 0, 0)[3], ==, 0);
  g_assert_cmpfloat (coverage (icon), >, 0.4);
  g_assert_cmpfloat (coverage (icon), <, 0.9);

  /* the red seal (bottom right) and the light card (top left) survive the
   * scaling: they are what makes the icon recognisable at 16 px */
  seal = pixel_at (icon, size * 90 / 128, size * 108 / 128);
  g_assert_cmpint (seal[3], ==, 255);
  g_assert_cmpint (seal[0], >, 150);
  g_assert_cmpint (seal[1], <, 100);
  card = pixel_at (icon, size * 4 / 16, size * 10 / 16);
  g_assert_cmpint (card[3], ==, 255);
  g_assert_cmpint (MIN (card[0], MIN (card[1], card[2])), >, 200);
}

static void
check_symbolic_icon (gconstpointer data)
{
  int size = GPOINTER_TO_INT (data);
  g_autoptr(GdkPixbuf) icon = load_icon (SYMBOLIC_ICON, size);

  g_assert_cmpfloat (coverage (icon), >, 0.25);
  g_assert_cmpfloat (coverage (icon), <, 0.75);

  /* one colour, so GTK can recolour it to the theme's foreground */
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        const guchar *pixel = pixel_at (icon, x, y);

        if (pixel[3] == 255)
          {
            g_assert_cmpint (pixel[0], ==, 0x2e);
            g_assert_cmpint (pixel[1], ==, 0x34);
            g_assert_cmpint (pixel[2], ==, 0x36);
          }
      }

  /* the check mark is cut out of the seal: its middle is transparent */
  g_assert_cmpint (pixel_at (icon, size * 11 / 16, size * 12 / 16 + size / 32)[3], <, 128);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/signet/icons/app/16", GINT_TO_POINTER (16), check_app_icon);
  g_test_add_data_func ("/signet/icons/app/128", GINT_TO_POINTER (128), check_app_icon);
  g_test_add_data_func ("/signet/icons/symbolic/16", GINT_TO_POINTER (16), check_symbolic_icon);
  g_test_add_data_func ("/signet/icons/symbolic/128", GINT_TO_POINTER (128), check_symbolic_icon);

  return g_test_run ();
}
