/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "signet-file-chooser.h"
#include "signet-test-ui.h"

/* signet_file_chooser_show under Xvfb: the chosen file reaches the owner's
 * function, a cancel or a gone owner reaches nothing, and the chooser is
 * freed once answered. A native chooser cannot be clicked here, so the
 * tests answer it with its "response" signal, as the dialog would. */

typedef struct
{
  GObject *owner;
  GFile   *file;
  char    *format;
  guint    n_chosen;
} Fixture;

static void
chosen_cb (gpointer         owner,
           GFile           *file,
           GtkNativeDialog *chooser)
{
  Fixture *fixture = g_object_get_data (owner, "fixture");

  g_assert_true (owner == fixture->owner);
  g_assert_true (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  fixture->n_chosen++;
  g_set_object (&fixture->file, file);
  /* what the caller set on the chooser is still there */
  fixture->format = g_strdup (g_object_get_data (G_OBJECT (chooser), "format"));
}

/* The chooser's widget selects a set file once it has read the folder. */
static gboolean
has_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL;
}

static GtkFileChooserNative *
show_chooser (Fixture *fixture,
              GFile   *file)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Open", NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               "_Open", "_Cancel");
  g_autoptr(GError) error = NULL;

  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup ("json"), g_free);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  signet_file_chooser_show (chooser, fixture->owner, chosen_cb);
  g_assert_true (gtk_native_dialog_get_modal (GTK_NATIVE_DIALOG (chooser)));
  g_assert_true (gtk_native_dialog_get_visible (GTK_NATIVE_DIALOG (chooser)));
  signet_test_wait_until (has_file, chooser, "the chooser's file");
  g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  return chooser;
}

/* Answers @chooser and checks that it is freed then. */
static void
answer (GtkFileChooserNative *chooser,
        int                   response)
{
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  g_signal_emit_by_name (chooser, "response", response);
  g_assert_null (chooser);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (fixture->owner, "fixture", fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->owner);
  g_clear_object (&fixture->file);
  g_free (fixture->format);
}

/* A file that is there to choose. */
static GFile *
existing_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SIGNET_TESTS_SRCDIR"), "meson.build", NULL);

  return g_file_new_for_path (path);
}

static void
test_chosen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = existing_file ();

  answer (show_chooser (fixture, file), GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_nonnull (fixture->file);
  g_assert_true (g_file_equal (fixture->file, file));
  g_assert_cmpstr (fixture->format, ==, "json");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = existing_file ();

  answer (show_chooser (fixture, file), GTK_RESPONSE_CANCEL);
  g_assert_cmpuint (fixture->n_chosen, ==, 0);
  g_assert_null (fixture->file);
}

/* A window closed while its chooser is up: the answer goes nowhere. */
static void
test_owner_gone (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = existing_file ();
  GtkFileChooserNative *chooser = show_chooser (fixture, file);

  g_clear_object (&fixture->owner);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (fixture->n_chosen, ==, 0);
  /* as with g_signal_connect_object, nothing frees it now */
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/signet/file-chooser/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("chosen", test_chosen);
  ADD ("cancelled", test_cancelled);
  ADD ("owner-gone", test_owner_gone);

  return g_test_run ();
}
