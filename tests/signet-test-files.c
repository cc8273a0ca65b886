/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-test-files.h"

void
signet_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      signet_test_remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
}

void
signet_test_assert_well_formed_xml (const char *text)
{
  static const GMarkupParser no_callbacks = { NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (g_markup_parse_context_parse (context, text, -1, &error))
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

JsonObject *
signet_test_parse_object (JsonParser *parser,
                          const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}
