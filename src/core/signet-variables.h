/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SignetVariableLookup:
 * @name: a variable's name, trimmed
 * @user_data: the data given with the lookup
 *
 * Returns: (nullable): the variable's value, or %NULL when it is unknown
 */
typedef const char *(*SignetVariableLookup) (const char *name,
                                             gpointer    user_data);

typedef struct _SignetVariableChain SignetVariableChain;

char                *signet_variables_expand           (const char           *text,
                                                        SignetVariableLookup  lookup,
                                                        gpointer              data,
                                                        GPtrArray            *unknown_names);
char                *signet_variables_join_unknown     (GPtrArray            *unknown_names);
gboolean             signet_variables_is_reference     (const char           *text);
char                *signet_variables_expand_reference (const char           *reference,
                                                        SignetVariableLookup  lookup,
                                                        gpointer              data,
                                                        GPtrArray            *unknown_names);
const char          *signet_variables_lookup_table     (const char           *name,
                                                        gpointer              table);
gboolean             signet_variables_parse_assignment (const char           *assignment,
                                                        char                **name,
                                                        char                **value,
                                                        GError              **error);

SignetVariableChain *signet_variable_chain_new         (void);
void                 signet_variable_chain_free        (SignetVariableChain  *chain);
void                 signet_variable_chain_append      (SignetVariableChain  *chain,
                                                        SignetVariableLookup  lookup,
                                                        gpointer              data);
const char          *signet_variable_chain_lookup      (const char           *name,
                                                        gpointer              chain);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetVariableChain, signet_variable_chain_free)

G_END_DECLS
