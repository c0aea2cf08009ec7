/*
 * code.h -- the code stage: from a sentence tree (parse stage), a compiled
 * dictionary and a date, the events -- source actor, target actor, CAMEO
 * event code -- each with the evidence that produced it (dictionary
 * entries as FILE:LINE and token spans).  The coder reads only the tree
 * and the dictionary, so Treebank parses and the built-in chunker are
 * coded by the same rules.
 * Invariant: every string an event holds lives in the coder's arena until
 * the next sentence is coded.
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include "../common/common.h"
#include "../parse/parse.h"

/* Codes one tree (heads and verb groups computed) into c's event list.
 * Used by the public entry points for parses and for raw text. */
dyad_status dyad__code_tree(dyad_coder *c, dyad__tree *t, const char *date);

/* The tree of the sentence last coded (for the resolver: tokens, nodes,
 * verb groups); valid until the next coding call. */
const dyad__tree *dyad__coder_tree(const dyad_coder *c);
/* dyad_suite_load() on a buffer (the fuzz target reads validation files
 * from memory); name labels the messages.  Same statuses. */
dyad_status dyad__suite_load_memory(dyad_suite **out, const char *name, const char *data,
                                    size_t len);

#endif
