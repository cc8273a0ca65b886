/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deletes @file and, for a folder, everything in it (a test's temp dir). */
void signet_test_remove_tree            (GFile      *file);

/* Fails the test unless @text is well-formed XML (a JUnit report, say). */
void signet_test_assert_well_formed_xml (const char *text);

/* @text parsed by @parser, which must succeed; its root object, owned by
 * @parser. */
JsonObject *signet_test_parse_object    (JsonParser *parser,
                                         const char *text);

G_END_DECLS
