/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "signet-error.h"
#include "signet-variables.h"

/* `{{name}}` references, as Postman writes them.
 *
 * A reference is `{{`, a name holding no brace, `}}`; blanks around the
 * name are trimmed (`{{ baseUrl }}`). Expansion is one pass: a value is
 * copied as is and never expanded again, so variables cannot loop. An
 * unknown name, an empty one (`{{}}`) or a `{{` without its `}}` stays as
 * typed. Values go in verbatim: a value put into a URL is not
 * percent-encoded, as in Postman.
 *
 * Precedence, where several sources know a name: the first lookup of a
 * #SignetVariableChain that knows it wins. Signet chains `--var NAME=VALUE`
 * first, then the environment, then the collection's variables: the
 * narrower and the more explicit scope wins, as in Postman (collection <
 * environment) and newman (whose `--env-var` overrides the environment
 * file, and whose `--global-var` is below everything). */

/* Where the reference starting at @open ("{{") ends (the first byte after
 * its "}}"), or NULL when @open starts no reference. */
static const char *
reference_end (const char  *open,
               char       **name)
{
  const char *start = open + 2;
  const char *p = start;
  g_autofree char *trimmed = NULL;

  while (*p != '\0' && *p != '{' && *p != '}')
    p++;
  if (p[0] != '}' || p[1] != '}')
    return NULL;

  trimmed = g_strstrip (g_strndup (start, p - start));
  if (trimmed[0] == '\0')
    return NULL;

  *name = g_steal_pointer (&trimmed);
  return p + 2;
}

static void
add_unknown (GPtrArray  *unknown_names,
             const char *name)
{
  if (unknown_names == NULL ||
      g_ptr_array_find_with_equal_func (unknown_names, name, g_str_equal, NULL))
    return;
  g_ptr_array_add (unknown_names, g_strdup (name));
}

/**
 * signet_variables_expand:
 * @text: (nullable): text with `{{name}}` references
 * @lookup: gives a name's value
 * @data: data for @lookup
 * @unknown_names: (nullable) (element-type utf8): an array with g_free()
 *   as its free function; each unknown name is added once
 *
 * Returns: (transfer full): @text with the known references replaced
 */
char *
signet_variables_expand (const char           *text,
                         SignetVariableLookup  lookup,
                         gpointer              data,
                         GPtrArray            *unknown_names)
{
  GString *expanded;
  const char *p;

  g_return_val_if_fail (lookup != NULL, NULL);

  if (text == NULL)
    return g_strdup ("");

  expanded = g_string_sized_new (strlen (text));
  p = text;
  for (const char *open = strstr (p, "{{"); open != NULL; open = strstr (p, "{{"))
    {
      g_autofree char *name = NULL;
      const char *end = reference_end (open, &name);
      const char *value;

      if (end == NULL)
        {
          /* "{{{a}}}": the first brace is text, the next one may open. */
          g_string_append_len (expanded, p, open + 1 - p);
          p = open + 1;
          continue;
        }

      g_string_append_len (expanded, p, open - p);
      value = lookup (name, data);
      if (value != NULL)
        g_string_append (expanded, value);
      else
        {
          g_string_append_len (expanded, open, end - open);
          add_unknown (unknown_names, name);
        }
      p = end;
    }
  g_string_append (expanded, p);

  return g_string_free (expanded, FALSE);
}

/**
 * signet_variables_join_unknown:
 * @unknown_names: (element-type utf8): names signet_variables_expand() found
 *
 * Returns: (transfer full): "Unknown variables: a, b" (or "Unknown
 *   variable: a")
 */
char *
signet_variables_join_unknown (GPtrArray *unknown_names)
{
  GString *message = g_string_new (unknown_names->len == 1 ? "Unknown variable: "
                                                            : "Unknown variables: ");

  for (guint i = 0; i < unknown_names->len; i++)
    {
      if (i > 0)
        g_string_append (message, ", ");
      g_string_append (message, g_ptr_array_index (unknown_names, i));
    }
  return g_string_free (message, FALSE);
}

/**
 * signet_variables_is_reference:
 * @text: (nullable): some text
 *
 * Whether @text is one `{{name}}` reference and nothing else: what a
 * field may hold that names where a secret comes from, never the secret.
 */
gboolean
signet_variables_is_reference (const char *text)
{
  g_autofree char *name = NULL;
  const char *end;

  if (text == NULL || !g_str_has_prefix (text, "{{"))
    return FALSE;
  end = reference_end (text, &name);
  return end != NULL && *end == '\0';
}

/**
 * signet_variables_expand_reference:
 * @reference: (nullable): one `{{name}}` reference and nothing else (a
 *   request's #SignetRequest:key-ref, say), or ""
 * @lookup: gives a name's value
 * @data: data for @lookup
 * @unknown_names: (nullable) (element-type utf8): an array with g_free()
 *   as its free function; an unknown name is added once
 *
 * The secret a reference names. The value is copied once, whole, so that
 * no buffer grown on the way is left holding part of it.
 *
 * Returns: (transfer full) (nullable): the value, to free with
 *   signet_secure_free_string(), or %NULL when @reference is empty or
 *   names an unknown variable
 */
char *
signet_variables_expand_reference (const char           *reference,
                                   SignetVariableLookup  lookup,
                                   gpointer              data,
                                   GPtrArray            *unknown_names)
{
  g_autofree char *name = NULL;
  const char *value;

  g_return_val_if_fail (lookup != NULL, NULL);

  if (reference == NULL || reference[0] == '\0')
    return NULL;
  g_return_val_if_fail (signet_variables_is_reference (reference), NULL);

  reference_end (reference, &name);
  value = lookup (name, data);
  if (value == NULL)
    {
      add_unknown (unknown_names, name);
      return NULL;
    }
  return g_strdup (value);
}

/**
 * signet_variables_lookup_table:
 * @name: a name
 * @table: a #GHashTable of names to values
 *
 * A #SignetVariableLookup over a hash table (`--var` overrides, say).
 */
const char *
signet_variables_lookup_table (const char *name,
                               gpointer    table)
{
  return g_hash_table_lookup (table, name);
}

/**
 * signet_variables_parse_assignment:
 * @assignment: `NAME=VALUE`, as `--var` takes it
 *
 * The value runs from the first `=` to the end and may be empty; the name
 * is trimmed and may not be empty nor hold a brace.
 */
gboolean
signet_variables_parse_assignment (const char  *assignment,
                                   char       **name,
                                   char       **value,
                                   GError     **error)
{
  const char *equals = strchr (assignment, '=');
  g_autofree char *trimmed = NULL;

  if (equals != NULL)
    trimmed = g_strstrip (g_strndup (assignment, equals - assignment));
  if (trimmed == NULL || trimmed[0] == '\0' || strpbrk (trimmed, "{}") != NULL)
    {
      g_set_error (error, SIGNET_ERROR, SIGNET_ERROR_INVALID_REQUEST,
                   _("“%s” is not NAME=VALUE"), assignment);
      return FALSE;
    }

  *name = g_steal_pointer (&trimmed);
  *value = g_strdup (equals + 1);
  return TRUE;
}

typedef struct
{
  SignetVariableLookup lookup;
  gpointer             data;
} Link;

struct _SignetVariableChain
{
  GArray *links;
};

/**
 * signet_variable_chain_new:
 *
 * Returns: (transfer full): an empty chain of lookups; the first one that
 *   knows a name gives its value
 */
SignetVariableChain *
signet_variable_chain_new (void)
{
  SignetVariableChain *chain = g_new0 (SignetVariableChain, 1);

  chain->links = g_array_new (FALSE, FALSE, sizeof (Link));
  return chain;
}

void
signet_variable_chain_free (SignetVariableChain *chain)
{
  g_array_unref (chain->links);
  g_free (chain);
}

/**
 * signet_variable_chain_append:
 * @chain: a chain
 * @lookup: a lookup, asked after those already in @chain
 * @data: (nullable): its data, which must outlive @chain
 */
void
signet_variable_chain_append (SignetVariableChain  *chain,
                              SignetVariableLookup  lookup,
                              gpointer              data)
{
  Link link = { lookup, data };

  g_array_append_val (chain->links, link);
}

/**
 * signet_variable_chain_lookup:
 * @name: a name
 * @chain: a #SignetVariableChain
 *
 * A #SignetVariableLookup that asks each lookup of @chain in turn.
 */
const char *
signet_variable_chain_lookup (const char *name,
                              gpointer    chain)
{
  GArray *links = ((SignetVariableChain *) chain)->links;

  for (guint i = 0; i < links->len; i++)
    {
      Link *link = &g_array_index (links, Link, i);
      const char *value = link->lookup (name, link->data);

      if (value != NULL)
        return value;
    }
  return NULL;
}
