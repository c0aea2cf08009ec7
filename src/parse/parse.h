/*
 * parse.h -- the parse stage and the sentence representation that sits
 * between parsing and coding.  A sentence is a tree of phrases over its
 * tokens (Penn Treebank labels: S, NP, VP, PP, SBAR ...), each phrase
 * with its token span and head token; on top of it, clauses with their
 * subject, verb group (tense, voice, negation, modality), objects,
 * prepositional phrases and subordinate clauses.  The Treebank reader
 * builds it from a supplied parse; the built-in tagger/chunker will build
 * the same structure from raw text, so the coder is written once.
 * Invariant: every index is in range; trees are acyclic; spans nest.
 */
#ifndef DYAD_PARSE_H
#define DYAD_PARSE_H

#include "../common/common.h"

#include <stdint.h>

/* Phrase labels the coder cares about; everything else is DYAD__L_OTHER. */
typedef enum dyad__label {
    DYAD__L_OTHER = 0, DYAD__L_ROOT, DYAD__L_S, DYAD__L_SBAR, DYAD__L_SINV,
    DYAD__L_SQ, DYAD__L_SBARQ, DYAD__L_NP, DYAD__L_VP, DYAD__L_PP,
    DYAD__L_ADJP, DYAD__L_ADVP, DYAD__L_WHNP, DYAD__L_WHADVP, DYAD__L_WHPP,
    DYAD__L_PRT, DYAD__L_QP, DYAD__L_NML, DYAD__L_UCP, DYAD__L_FRAG,
    DYAD__L_PRN, DYAD__L_CONJP, DYAD__L_NX, DYAD__L_X,
    DYAD__L_COUNT
} dyad__label;

/* A token of a parsed sentence. */
typedef struct dyad__ptok {
    const char *word;     /* NUL-terminated, escapes undone (-LRB- -> "(") */
    const char *tag;      /* POS tag, NUL-terminated ("NNP") */
    uint32_t parent;      /* the phrase node directly above it */
} dyad__ptok;

#define DYAD__NONE UINT32_MAX

/* A phrase.  Children are kept as a linked list in order. */
typedef struct dyad__node {
    const char *label_str;  /* full label as written ("NP-TMP") */
    uint8_t label;          /* dyad__label of the base label ("NP") */
    uint32_t parent;        /* DYAD__NONE for the root */
    uint32_t first_child;   /* first child node, or DYAD__NONE */
    uint32_t next_sibling;  /* next node under the same parent, or NONE */
    uint32_t tok_a, tok_b;  /* token span [tok_a, tok_b) */
    uint32_t head;          /* head token, or DYAD__NONE when empty */
} dyad__node;

typedef struct dyad__tree {
    dyad__ptok *toks;
    uint32_t ntoks;
    dyad__node *nodes;
    uint32_t nnodes;
    uint32_t root;          /* index of the top node */
} dyad__tree;

/* Tags */
int dyad__tag_is_noun(const char *tag);     /* NN NNS NNP NNPS */
int dyad__tag_is_verb(const char *tag);     /* VB VBD VBG VBN VBP VBZ */
dyad__label dyad__label_parse(const char *s, size_t n);
const char *dyad__label_name(dyad__label l);

/* Reads a Penn Treebank bracketing ("(ROOT (S (NP (NNP Arnor)) ...))");
 * everything is allocated from a.  Returns DYAD_OK, DYAD_EFORMAT with
 * "byte N: what" in err, or DYAD_ELIMIT/DYAD_ENOMEM. */
dyad_status dyad__tree_read(dyad__tree *t, const char *text, size_t len,
                            dyad__arena *a, dyad__err *err);

/* Computes every node's head token.  Requires what the reader
 * guarantees: nodes are numbered so that a child's index is larger than
 * its parent's, children are linked in order, spans nest, and each token's
 * parent is the innermost node covering it.  Any builder of trees (the
 * Treebank reader, the chunker) calls this last. */
void dyad__tree_heads(dyad__tree *t);

/* Writes the tree back as a one-line bracketing (for tests and traces). */
void dyad__tree_write(const dyad__tree *t, uint32_t node, dyad__buf *out);

#endif
