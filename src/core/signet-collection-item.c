/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-collection-item.h"

/**
 * SignetCollectionItem:
 *
 * One saved request of a #SignetCollection: its folder ("" for the top),
 * the slug its file is named by, the name the user gave it, and the
 * request. The collection moves it with
 * signet_collection_item_set_location(); nothing else should.
 */
struct _SignetCollectionItem
{
  GObject        parent_instance;

  char          *folder;
  char          *slug;
  char          *name;
  SignetRequest *request;
};

G_DEFINE_FINAL_TYPE (SignetCollectionItem, signet_collection_item, G_TYPE_OBJECT)

SignetCollectionItem *
signet_collection_item_new (const char    *folder,
                            const char    *slug,
                            const char    *name,
                            SignetRequest *request)
{
  SignetCollectionItem *self = g_object_new (SIGNET_TYPE_COLLECTION_ITEM, NULL);

  g_return_val_if_fail (SIGNET_IS_REQUEST (request), NULL);

  signet_collection_item_set_location (self, folder, slug, name);
  self->request = g_object_ref (request);
  return self;
}

const char *
signet_collection_item_get_folder (SignetCollectionItem *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION_ITEM (self), NULL);
  return self->folder;
}

const char *
signet_collection_item_get_slug (SignetCollectionItem *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION_ITEM (self), NULL);
  return self->slug;
}

const char *
signet_collection_item_get_name (SignetCollectionItem *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION_ITEM (self), NULL);
  return self->name;
}

/**
 * signet_collection_item_get_request:
 *
 * Returns: (transfer none): the request
 */
SignetRequest *
signet_collection_item_get_request (SignetCollectionItem *self)
{
  g_return_val_if_fail (SIGNET_IS_COLLECTION_ITEM (self), NULL);
  return self->request;
}

/**
 * signet_collection_item_dup_path:
 *
 * Returns: (transfer full): the file's path inside the collection folder,
 *   e.g. `requests/pets/list-pets.json`
 */
char *
signet_collection_item_dup_path (SignetCollectionItem *self)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (SIGNET_IS_COLLECTION_ITEM (self), NULL);

  file = g_strconcat (self->slug, ".json", NULL);
  if (self->folder[0] == '\0')
    return g_build_filename ("requests", file, NULL);
  return g_build_filename ("requests", self->folder, file, NULL);
}

void
signet_collection_item_set_location (SignetCollectionItem *self,
                                     const char           *folder,
                                     const char           *slug,
                                     const char           *name)
{
  g_return_if_fail (SIGNET_IS_COLLECTION_ITEM (self));
  g_return_if_fail (folder != NULL && slug != NULL && name != NULL);

  g_free (self->folder);
  self->folder = g_strdup (folder);
  g_free (self->slug);
  self->slug = g_strdup (slug);
  g_free (self->name);
  self->name = g_strdup (name);
}

static void
signet_collection_item_finalize (GObject *object)
{
  SignetCollectionItem *self = SIGNET_COLLECTION_ITEM (object);

  g_free (self->folder);
  g_free (self->slug);
  g_free (self->name);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (signet_collection_item_parent_class)->finalize (object);
}

static void
signet_collection_item_class_init (SignetCollectionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_collection_item_finalize;
}

static void
signet_collection_item_init (SignetCollectionItem *self)
{
}
