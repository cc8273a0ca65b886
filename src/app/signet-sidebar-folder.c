/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-sidebar-folder.h"

/**
 * SignetSidebarFolder:
 *
 * A folder row of the sidebar's tree: its name and the collection it is
 * in, which the tree's child model and the window's actions need.
 */
struct _SignetSidebarFolder
{
  GObject           parent_instance;

  /* Not a reference: the collection owns the rows' models. */
  SignetCollection *collection;
  char             *name;
};

G_DEFINE_FINAL_TYPE (SignetSidebarFolder, signet_sidebar_folder, G_TYPE_OBJECT)

SignetSidebarFolder *
signet_sidebar_folder_new (SignetCollection *collection,
                           const char       *name)
{
  SignetSidebarFolder *self;

  g_return_val_if_fail (SIGNET_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SIGNET_TYPE_SIDEBAR_FOLDER, NULL);
  self->collection = collection;
  g_object_add_weak_pointer (G_OBJECT (collection), (gpointer *) &self->collection);
  self->name = g_strdup (name);
  return self;
}

/**
 * signet_sidebar_folder_get_collection:
 *
 * Returns: (transfer none) (nullable): the collection, or %NULL once it is gone
 */
SignetCollection *
signet_sidebar_folder_get_collection (SignetSidebarFolder *self)
{
  g_return_val_if_fail (SIGNET_IS_SIDEBAR_FOLDER (self), NULL);
  return self->collection;
}

const char *
signet_sidebar_folder_get_name (SignetSidebarFolder *self)
{
  g_return_val_if_fail (SIGNET_IS_SIDEBAR_FOLDER (self), NULL);
  return self->name;
}

static void
signet_sidebar_folder_finalize (GObject *object)
{
  SignetSidebarFolder *self = SIGNET_SIDEBAR_FOLDER (object);

  if (self->collection != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->collection), (gpointer *) &self->collection);
  g_free (self->name);

  G_OBJECT_CLASS (signet_sidebar_folder_parent_class)->finalize (object);
}

static void
signet_sidebar_folder_class_init (SignetSidebarFolderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_sidebar_folder_finalize;
}

static void
signet_sidebar_folder_init (SignetSidebarFolder *self)
{
}
