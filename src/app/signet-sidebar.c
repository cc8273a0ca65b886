/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "signet-sidebar-folder.h"
#include "signet-sidebar.h"

/**
 * SignetSidebar:
 *
 * The open collections as a tree: collections, their folders, requests.
 * A recycling GtkListView over a GtkTreeListModel whose child models are
 * slices of each collection's flat items (sorted by folder, then name):
 * rows exist only where the user expanded, and only the visible ones
 * have widgets, so a collection of 10,000 requests costs little. Below the tree, the files
 * that could not be read, each named.
 */
struct _SignetSidebar
{
  AdwBin                parent_instance;

  SignetCollectionList *collections;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *selection;

  /* Template children */
  GtkListView          *list_view;
  GtkLabel             *errors_label;
  GtkPopover           *row_menu;
  /* what the row menu offers: on a request, or on a collection or folder */
  GMenuModel           *request_menu;
  GMenuModel           *folder_menu;
};

G_DEFINE_FINAL_TYPE (SignetSidebar, signet_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COLLECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where @folder's requests are in the collection's items, which are
 * sorted by folder, then name: [*start, *start + *n). Binary search, so
 * a folder's rows cost nothing like a filter over every request. */
static void
find_folder_range (GListModel *items,
                   const char *folder,
                   guint      *start,
                   guint      *n)
{
  guint bounds[2];

  for (guint bound = 0; bound < 2; bound++)
    {
      guint low = 0;
      guint high = g_list_model_get_n_items (items);

      /* bound 0: the first item at or after @folder; 1: the first after */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;
          g_autoptr(SignetCollectionItem) item = g_list_model_get_item (items, middle);
          int order = strcmp (signet_collection_item_get_folder (item), folder);

          if (order < 0 || (bound == 1 && order == 0))
            low = middle + 1;
          else
            high = middle;
        }
      bounds[bound] = low;
    }
  *start = bounds[0];
  *n = bounds[1] - bounds[0];
}

static void
update_folder_slice (GtkSliceListModel *slice)
{
  const char *folder = g_object_get_data (G_OBJECT (slice), "signet-folder");
  guint start, n;

  find_folder_range (gtk_slice_list_model_get_model (slice), folder, &start, &n);
  if (start != gtk_slice_list_model_get_offset (slice))
    {
      gtk_slice_list_model_set_size (slice, 0);
      gtk_slice_list_model_set_offset (slice, start);
    }
  gtk_slice_list_model_set_size (slice, n);
}

static GListModel *
folder_items_new (SignetCollection *collection,
                  const char       *folder)
{
  GListModel *items = signet_collection_get_items (collection);
  GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (items), 0, 0);

  g_object_set_data_full (G_OBJECT (slice), "signet-folder", g_strdup (folder), g_free);
  update_folder_slice (slice);
  /* after the slice's own handler, which keeps its old range */
  g_signal_connect_object (items, "items-changed", G_CALLBACK (update_folder_slice), slice,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return G_LIST_MODEL (slice);
}

static gboolean
has_folder (GListModel *folders,
            const char *name,
            guint      *position)
{
  guint n_items = g_list_model_get_n_items (folders);

  for (*position = 0; *position < n_items; (*position)++)
    {
      g_autoptr(SignetSidebarFolder) folder = g_list_model_get_item (folders, *position);
      int order = strcmp (signet_sidebar_folder_get_name (folder), name);

      if (order == 0)
        return TRUE;
      if (order > 0)
        return FALSE;
    }
  return FALSE;
}

/* The collection only ever gains folders; added in place, so the rows
 * already there keep their expansion. */
static void
sync_folders (GListStore *folders)
{
  SignetCollection *collection = g_object_get_data (G_OBJECT (folders), "signet-collection");
  g_auto(GStrv) names = NULL;

  if (collection == NULL)
    return;
  names = signet_collection_dup_folders (collection);
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint position;

      if (!has_folder (G_LIST_MODEL (folders), names[i], &position))
        {
          g_autoptr(SignetSidebarFolder) folder = signet_sidebar_folder_new (collection, names[i]);

          g_list_store_insert (folders, position, folder);
        }
    }
}

/* A collection's rows: its folders, then the requests at its top. */
static GListModel *
collection_children_new (SignetCollection *collection)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) folders = g_list_store_new (SIGNET_TYPE_SIDEBAR_FOLDER);
  g_autoptr(GListModel) top = folder_items_new (collection, "");

  g_object_set_data (G_OBJECT (folders), "signet-collection", collection);
  sync_folders (folders);
  g_signal_connect_object (signet_collection_get_items (collection), "items-changed",
                           G_CALLBACK (sync_folders), folders, G_CONNECT_SWAPPED);
  g_list_store_append (parts, folders);
  g_list_store_append (parts, top);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (SIGNET_IS_COLLECTION (item))
    return collection_children_new (item);
  if (SIGNET_IS_SIDEBAR_FOLDER (item))
    {
      SignetCollection *collection = signet_sidebar_folder_get_collection (item);

      if (collection != NULL)
        return folder_items_new (collection, signet_sidebar_folder_get_name (item));
    }
  return NULL;
}

/* A secondary click on a row selects it and offers the actions on it: a
 * request's, or the access check of a collection or folder. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  SignetSidebar *self = SIGNET_SIDEBAR (gtk_widget_get_ancestor (row, SIGNET_TYPE_SIDEBAR));
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = tree_row ? gtk_tree_list_row_get_item (tree_row) : NULL;
  graphene_point_t point;

  if (self == NULL || item == NULL ||
      !gtk_widget_compute_point (row, GTK_WIDGET (self->list_view),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_menu),
                                   SIGNET_IS_COLLECTION_ITEM (item) ? self->request_menu
                                                                    : self->folder_menu);
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));
  gtk_popover_set_pointing_to (self->row_menu,
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (self->row_menu);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *method = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkGesture *secondary_click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (method, "caption");
  gtk_widget_add_css_class (method, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (method), 4);
  gtk_label_set_xalign (GTK_LABEL (method), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), method);
  gtk_box_append (GTK_BOX (box), name);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary_click, "pressed", G_CALLBACK (row_pressed_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (secondary_click));
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  GtkWidget *method = gtk_widget_get_next_sibling (icon);
  GtkWidget *name = gtk_widget_get_next_sibling (method);
  gpointer item = gtk_tree_list_row_get_item (row);
  const char *text = "";

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_widget_set_visible (icon, !SIGNET_IS_COLLECTION_ITEM (item));
  gtk_widget_set_visible (method, SIGNET_IS_COLLECTION_ITEM (item));
  if (SIGNET_IS_COLLECTION (item))
    {
      text = signet_collection_get_name (item);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "view-list-symbolic");
    }
  else if (SIGNET_IS_SIDEBAR_FOLDER (item))
    {
      text = signet_sidebar_folder_get_name (item);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "folder-symbolic");
    }
  else if (SIGNET_IS_COLLECTION_ITEM (item))
    {
      SignetRequest *request = signet_collection_item_get_request (item);
      GBinding *binding;

      text = signet_collection_item_get_name (item);
      /* a save changes the method in place, with no new row */
      binding = g_object_bind_property (request, "method", method, "label", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (method), "signet-binding", binding);
    }
  gtk_label_set_label (GTK_LABEL (name), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_unref (item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  GObject *method = G_OBJECT (gtk_widget_get_next_sibling (icon));
  GBinding *binding = g_object_steal_data (method, "signet-binding");

  /* the row's widgets go to another item */
  if (binding != NULL)
    g_binding_unbind (binding);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* The collection a row belongs to: its own, or its nearest ancestor's. */
static SignetCollection *
row_collection (GtkTreeListRow *row)
{
  g_autoptr(GtkTreeListRow) current = g_object_ref (row);

  while (current != NULL)
    {
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (current);
      GtkTreeListRow *parent;

      if (SIGNET_IS_COLLECTION (item))
        return SIGNET_COLLECTION (item);
      if (SIGNET_IS_SIDEBAR_FOLDER (item))
        return signet_sidebar_folder_get_collection (SIGNET_SIDEBAR_FOLDER (item));
      parent = gtk_tree_list_row_get_parent (current);
      g_object_unref (current);
      current = parent;
    }
  return NULL;
}

static void
list_view_activate_cb (SignetSidebar *self,
                       guint          position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (SIGNET_IS_COLLECTION_ITEM (item))
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, row_collection (row), item);
  else
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static void
update_errors (SignetSidebar *self)
{
  GListModel *model = signet_collection_list_get_model (self->collections);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetCollection) collection = g_list_model_get_item (model, i);
      GPtrArray *errors = signet_collection_get_load_errors (collection);

      for (guint j = 0; j < errors->len; j++)
        {
          const GError *error = g_ptr_array_index (errors, j);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: a collection's name, then an error that names the file */
          g_string_append_printf (text, _("%s: %s"), signet_collection_get_name (collection),
                                  error->message);
        }
    }

  if (text->len > 0)
    {
      g_autofree char *shown = g_strdup_printf (_("Some files could not be opened and are left out:\n%s"),
                                                text->str);

      gtk_label_set_label (self->errors_label, shown);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), text->len > 0);
}

/* The window does the work: it knows the tabs open on the request. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "sidebar.rename") ? "win.rename-request"
                                                                          : "win.delete-request",
                              NULL);
}

static void
signet_sidebar_constructed (GObject *object)
{
  SignetSidebar *self = SIGNET_SIDEBAR (object);
  GListModel *collections;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (signet_sidebar_parent_class)->constructed (object);

  if (self->collections == NULL)
    {
      g_autoptr(GFile) none = g_file_new_for_path ("/nonexistent");

      self->collections = signet_collection_list_new (NULL, none);
    }
  collections = signet_collection_list_get_model (self->collections);
  self->tree = gtk_tree_list_model_new (g_object_ref (collections), FALSE, FALSE,
                                        create_children, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (collections, "items-changed", G_CALLBACK (update_errors), self,
                           G_CONNECT_SWAPPED);
  update_errors (self);
}

static void
signet_sidebar_dispose (GObject *object)
{
  SignetSidebar *self = SIGNET_SIDEBAR (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer ((GtkWidget **) &self->row_menu, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->collections);

  G_OBJECT_CLASS (signet_sidebar_parent_class)->dispose (object);
}

static void
signet_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SignetSidebar *self = SIGNET_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_COLLECTIONS:
      g_value_set_object (value, self->collections);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SignetSidebar *self = SIGNET_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_COLLECTIONS:
      self->collections = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_sidebar_class_init (SignetSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = signet_sidebar_constructed;
  object_class->dispose = signet_sidebar_dispose;
  object_class->get_property = signet_sidebar_get_property;
  object_class->set_property = signet_sidebar_set_property;

  /* From the application: the collections every window shows. */
  properties[PROP_COLLECTIONS] =
    g_param_spec_object ("collections", NULL, NULL, SIGNET_TYPE_COLLECTION_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SignetSidebar::item-activated:
   * @collection: the collection
   * @item: the request activated
   *
   * A request row was activated (double-click, Enter): open it.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  SIGNET_TYPE_COLLECTION, SIGNET_TYPE_COLLECTION_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/signet-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, SignetSidebar, errors_label);
  gtk_widget_class_bind_template_child (widget_class, SignetSidebar, row_menu);
  gtk_widget_class_bind_template_child (widget_class, SignetSidebar, request_menu);
  gtk_widget_class_bind_template_child (widget_class, SignetSidebar, folder_menu);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  /* here, not on the window: they mean the selected row, and Delete in
   * an entry elsewhere must stay a key */
  gtk_widget_class_install_action (widget_class, "sidebar.rename", NULL, forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "sidebar.rename", NULL);
  gtk_widget_class_install_action (widget_class, "sidebar.delete", NULL, forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sidebar.delete", NULL);
}

static void
signet_sidebar_init (SignetSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->row_menu), GTK_WIDGET (self->list_view));
}

/**
 * signet_sidebar_get_rows:
 *
 * Returns: (transfer none): the rows, #GtkTreeListRow objects, as shown
 */
GListModel *
signet_sidebar_get_rows (SignetSidebar *self)
{
  g_return_val_if_fail (SIGNET_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * signet_sidebar_get_selected:
 * @collection: (out) (optional) (transfer none): the selected row's collection
 * @folder: (out) (optional) (transfer none): the selected row's folder, "" for the top
 *
 * Returns: (transfer none) (nullable): the selected request, if a request is selected
 */
SignetCollectionItem *
signet_sidebar_get_selected (SignetSidebar     *self,
                             SignetCollection **collection,
                             const char       **folder)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (SIGNET_IS_SIDEBAR (self), NULL);

  if (collection != NULL)
    *collection = NULL;
  if (folder != NULL)
    *folder = "";
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  if (collection != NULL)
    *collection = row_collection (row);
  if (folder != NULL && SIGNET_IS_SIDEBAR_FOLDER (item))
    *folder = signet_sidebar_folder_get_name (SIGNET_SIDEBAR_FOLDER (item));
  if (!SIGNET_IS_COLLECTION_ITEM (item))
    return NULL;
  if (folder != NULL)
    *folder = signet_collection_item_get_folder (SIGNET_COLLECTION_ITEM (item));
  /* the collection's model holds the item */
  return SIGNET_COLLECTION_ITEM (item);
}

/* Expands @row when it is @collection or the folder of @item. */
static void
expand_towards (GtkTreeListRow       *row,
                SignetCollection     *collection,
                SignetCollectionItem *item)
{
  g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

  if ((gpointer) node == (gpointer) collection ||
      (SIGNET_IS_SIDEBAR_FOLDER (node) &&
       signet_sidebar_folder_get_collection (SIGNET_SIDEBAR_FOLDER (node)) == collection &&
       g_str_equal (signet_sidebar_folder_get_name (SIGNET_SIDEBAR_FOLDER (node)),
                    signet_collection_item_get_folder (item))))
    gtk_tree_list_row_set_expanded (row, TRUE);
}

/**
 * signet_sidebar_select_item:
 *
 * Expands the way to @item's row, selects it and scrolls to it.
 *
 * Returns: whether @item has a row
 */
gboolean
signet_sidebar_select_item (SignetSidebar        *self,
                            SignetCollection     *collection,
                            SignetCollectionItem *item)
{
  GListModel *rows;

  g_return_val_if_fail (SIGNET_IS_SIDEBAR (self), FALSE);

  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

      if ((gpointer) node == (gpointer) item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
      expand_towards (row, collection, item);
    }
  return FALSE;
}

/**
 * signet_sidebar_reveal:
 *
 * Selects @collection's row and expands it: what opening or creating a
 * collection shows.
 */
void
signet_sidebar_reveal (SignetSidebar    *self,
                       SignetCollection *collection)
{
  GListModel *rows;

  g_return_if_fail (SIGNET_IS_SIDEBAR (self));

  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

      if ((gpointer) node == (gpointer) collection)
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}
