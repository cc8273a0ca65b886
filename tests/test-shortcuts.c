/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "signet-test-app.h"
#include "signet-test-ui.h"

/* The shortcuts window (Ctrl+?) lists every shortcut the app has, and
 * nothing it does not have. Shortcuts come from two places: accels the
 * application sets for actions, and key bindings Signet's widget classes
 * declare for their actions (found on the real window's widgets). */

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Key;

static Key
normalized (guint           keyval,
            GdkModifierType mods)
{
  /* Ctrl+keypad Enter is the same shortcut as Ctrl+Enter to a user */
  if (keyval == GDK_KEY_KP_Enter)
    keyval = GDK_KEY_Return;
  return (Key) { gdk_keyval_to_lower (keyval), mods & gtk_accelerator_get_default_mod_mask () };
}

static gboolean
key_in (GArray *keys,
        Key     key)
{
  for (guint i = 0; i < keys->len; i++)
    {
      Key *k = &g_array_index (keys, Key, i);

      if (k->keyval == key.keyval && k->mods == key.mods)
        return TRUE;
    }

  return FALSE;
}

/* Appends the keys of a space-separated accelerator list. */
static void
add_accelerators (GArray     *keys,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint keyval = 0;
      GdkModifierType mods = 0;
      Key key;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &mods));
      key = normalized (keyval, mods);
      g_array_append_val (keys, key);
    }
}

static void
collect_overlay (GtkWidget *widget,
                 GPtrArray *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (shortcuts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_overlay (child, shortcuts);
}

/* Whether a Signet widget class installed @action_name. */
static gboolean
is_signet_action (GtkWidget  *widget,
                  const char *action_name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  /* GTK 4.8 writes every out argument */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    if (g_str_equal (name, action_name) && g_str_has_prefix (g_type_name (owner), "Signet"))
      return TRUE;

  return FALSE;
}

/* Key bindings of Signet's widgets for their own actions: "action name"
 * -> GArray of Key, and every key in @all_keys. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *bindings,
                  GArray     *all_keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;
          GArray *keys;
          Key key;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!is_signet_action (widget, name))
            continue;
          key = normalized (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                            gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          keys = g_hash_table_lookup (bindings, name);
          if (keys == NULL)
            {
              keys = g_array_new (FALSE, FALSE, sizeof (Key));
              g_hash_table_insert (bindings, g_strdup (name), keys);
            }
          g_array_append_val (keys, key);
          g_array_append_val (all_keys, key);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, bindings, all_keys);
}

static char *
key_name (Key key)
{
  return gtk_accelerator_name (key.keyval, key.mods);
}

static void
overlay_cb (SignetApplication *app,
            GtkWindow         *window)
{
  g_autoptr(GPtrArray) overlay = g_ptr_array_new ();
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (Key));
  /* every key that does something: bindings and application accels */
  g_autoptr(GArray) bound_keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_auto(GStrv) help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     "win.show-help-overlay");
  g_autoptr(GString) missing = g_string_new (NULL);
  GtkShortcutsWindow *help_overlay;
  GHashTableIter iter;
  gpointer name, keys;

  /* Ctrl+? opens it, as in every GNOME app */
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "<Control>question"));
  help_overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (help_overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help_overlay)));
  signet_test_wait_for_frame (GTK_WINDOW (help_overlay));

  collect_overlay (GTK_WIDGET (help_overlay), overlay);
  g_assert_cmpuint (overlay->len, >, 0);
  collect_bindings (GTK_WIDGET (window), bindings, bound_keys);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerators (bound_keys, accels[j]);
    }

  /* what the overlay lists: its accelerators and its actions' accels */
  for (guint i = 0; i < overlay->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_autofree char *title = NULL;

      g_object_get (overlay->pdata[i], "accelerator", &accelerator, "action-name", &action_name,
                    "title", &title, NULL);
      if (action_name != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                        action_name);
          GArray *bound = g_hash_table_lookup (bindings, action_name);

          /* no stale entry: the action has a shortcut */
          if ((accels == NULL || accels[0] == NULL) && bound == NULL)
            g_string_append_printf (missing, "'%s' lists %s, which has no shortcut\n", title, action_name);
          for (guint j = 0; accels != NULL && accels[j] != NULL; j++)
            add_accelerators (listed, accels[j]);
          if (bound != NULL)
            g_array_append_vals (listed, bound->data, bound->len);
        }
      /* an entry with an action shows that action's accels: checked above */
      if (accelerator != NULL && action_name == NULL)
        {
          g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (Key));

          add_accelerators (own, accelerator);
          for (guint j = 0; j < own->len; j++)
            if (!key_in (bound_keys, g_array_index (own, Key, j)))
              {
                g_autofree char *shown = key_name (g_array_index (own, Key, j));
                /* an accelerator-only entry must be a real shortcut */
                g_string_append_printf (missing, "'%s' lists %s, which nothing binds\n", title, shown);
              }
          g_array_append_vals (listed, own->data, own->len);
        }
    }

  /* every application accel is listed */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      g_autoptr(GArray) keys_of = g_array_new (FALSE, FALSE, sizeof (Key));

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerators (keys_of, accels[j]);
      for (guint j = 0; j < keys_of->len; j++)
        if (!key_in (listed, g_array_index (keys_of, Key, j)))
          {
            g_autofree char *shown = key_name (g_array_index (keys_of, Key, j));

            g_string_append_printf (missing, "%s (%s) is not in the shortcuts window\n", shown, actions[i]);
          }
    }

  /* every key binding of Signet's widgets is listed */
  g_hash_table_iter_init (&iter, bindings);
  while (g_hash_table_iter_next (&iter, &name, &keys))
    for (guint j = 0; j < ((GArray *) keys)->len; j++)
      if (!key_in (listed, g_array_index ((GArray *) keys, Key, j)))
        {
          g_autofree char *shown = key_name (g_array_index ((GArray *) keys, Key, j));

          g_string_append_printf (missing, "%s (%s) is not in the shortcuts window\n", shown,
                                  (const char *) name);
        }

  if (missing->len > 0)
    g_error ("shortcuts window:\n%s", missing->str);
  /* the ones this app is known to have, so the walk above found any */
  g_assert_nonnull (g_hash_table_lookup (bindings, "page.send"));
  g_assert_nonnull (g_hash_table_lookup (bindings, "win.new-tab"));

  gtk_window_close (GTK_WINDOW (help_overlay));
  signet_test_close_and_wait (window);
}

static void
test_shortcuts_overlay (void)
{
  signet_test_run_app (overlay_cb);
}

int
main (int   argc,
      char *argv[])
{
  signet_test_app_init (&argc, &argv);

  g_test_add_func ("/signet/shortcuts/overlay", test_shortcuts_overlay);

  return signet_test_app_run_tests ();
}
