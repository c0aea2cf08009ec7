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
#include "../text/text.h"

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
    uint32_t len;         /* strlen(word), kept so readers need not count */
    uint8_t code;         /* tag as a number: dyad__tag_code(tag), so rules
                             compare integers, not strings */
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

/* Verb-group features (see dyad__tree_vgroups below). */
typedef enum dyad__tense {
    DYAD__TENSE_NONE = 0,   /* non-finite: "to attack", "attacking" */
    DYAD__TENSE_PRESENT, DYAD__TENSE_PAST, DYAD__TENSE_FUTURE
} dyad__tense;

typedef enum dyad__modality {
    DYAD__MOD_NONE = 0,
    DYAD__MOD_FUTURE,       /* will, shall, 'll */
    DYAD__MOD_CONDITIONAL,  /* would, 'd */
    DYAD__MOD_ABILITY,      /* can, could */
    DYAD__MOD_POSSIBILITY,  /* may, might */
    DYAD__MOD_OBLIGATION    /* must, should, ought, need */
} dyad__modality;

/* A verb group: the chain of VPs from an outer VP down through its
 * auxiliaries ("will not have been", "to") to the VP of the main verb,
 * which holds the complements.  Token indexes are tree tokens. */
typedef struct dyad__vgroup {
    uint32_t vp;            /* outermost VP node of the chain */
    uint32_t inner;         /* VP node directly holding the main verb */
    uint32_t verb;          /* main verb token */
    uint32_t first, last;   /* first and last verbal token (aux .. main) */
    uint32_t modal;         /* MD token, or DYAD__NONE */
    uint32_t neg;           /* "not", "n't", "never" token, or DYAD__NONE */
    uint32_t subject;       /* the NP before the group in its clause, or
                               DYAD__NONE */
    uint32_t reported;      /* speech verbs: the reported clause (an SBAR
                               or S complement, or the S fronted before
                               "X said"), or DYAD__NONE */
    uint8_t tense;          /* dyad__tense */
    uint8_t modality;       /* dyad__modality */
    uint8_t passive;        /* be/get + VBN */
    uint8_t negated;
    uint8_t perfect;        /* have + VBN */
    uint8_t progressive;    /* be + VBG */
    uint8_t infinitive;     /* "to" + VB */
} dyad__vgroup;

typedef struct dyad__tree {
    dyad__ptok *toks;
    uint32_t ntoks;
    dyad__node *nodes;
    uint32_t nnodes;
    uint32_t root;          /* index of the top node */
    dyad__vgroup *vgroups;  /* NULL until dyad__tree_vgroups() (the
                               chunker calls it; the Treebank reader
                               does not) */
    uint32_t nvgroups;
    uint8_t words_padded;   /* every word's bytes may be read up to
                               DYAD__WORD_PAD past its start (the
                               chunker's words, in one block with room
                               after the last) */
} dyad__tree;
#define DYAD__WORD_PAD 24

/* Tags */
int dyad__tag_is_noun(const char *tag);     /* NN NNS NNP NNPS */
int dyad__tag_is_verb(const char *tag);     /* VB VBD VBG VBN VBP VBZ */
dyad__label dyad__label_parse(const char *s, size_t n);
/* The labels' names by label ("" for DYAD__L_OTHER); inline: the chunker
 * names every phrase it makes. */
extern const char *const dyad__label_names[DYAD__L_COUNT];
static inline const char *dyad__label_name(dyad__label l)
{
    return (unsigned)l < DYAD__L_COUNT ? dyad__label_names[l] : "";
}

/* Reads a Penn Treebank bracketing ("(ROOT (S (NP (NNP Arnor)) ...))");
 * everything is allocated from a.  Returns DYAD_OK, DYAD_EFORMAT with
 * "byte N: what" in err, or DYAD_ELIMIT/DYAD_ENOMEM. */
dyad_status dyad__tree_read(dyad__tree *t, const char *text, size_t len,
                            dyad__arena *a, dyad__err *err);

/* Computes every node's head token.  Requires what the reader
 * guarantees: nodes are numbered so that a child's index is larger than
 * its parent's, children are linked in order, spans nest, and each token's
 * parent is the innermost node covering it.  A builder of trees (the
 * Treebank reader) calls this last; the chunker chooses the same heads
 * as it finishes its tree (dyad__tree_head_of).  A node may have any
 * number of children.  DYAD_OK, or DYAD_ENOMEM. */
dyad_status dyad__tree_heads(dyad__tree *t);
/* One child of a phrase, in order: a token (tok, node NONE; head = tok)
 * or a phrase (node, tok NONE; head = the phrase's head), with the code
 * of its tag or label (dyad__tag_code, dyad__label_code). */
typedef struct dyad__child { uint32_t tok, node, head; uint8_t code; } dyad__child;
/* The head of node from its n children ch, all of them, whose heads are
 * known (the rules of dyad__tree_heads): for a builder that has each
 * phrase's children at hand as it finishes the tree (the chunker). */
uint32_t dyad__tree_head_of(const dyad__tree *t, uint32_t node, const dyad__child *ch, size_t n);

/* Writes the tree back as a one-line bracketing (for tests and traces):
 * iterative, any depth and number of children; words that would break
 * the bracketing are escaped (brackets as -LRB- ..., white space as '_').
 * Out of memory sets out->oom. */
void dyad__tree_write(const dyad__tree *t, uint32_t node, dyad__buf *out);

/* Finds the verb groups of any tree (Treebank or chunked) and their
 * features, in node order, into t->vgroups (allocated from a).  A VP
 * whose direct verbal tokens are all auxiliaries (MD, "to", forms of be,
 * have, do, get; AUX* tags) chains into its VP child; a VP without verbal
 * tokens (VP coordination) is a container, not a group.  The word lists
 * (object-control verbs) are lex's (NULL: the built-in lexicon).  Returns
 * DYAD_OK, DYAD_ELIMIT or DYAD_ENOMEM. */
dyad_status dyad__tree_vgroups(dyad__tree *t, const dyad__lexicon *lex, dyad__arena *a);

/* ------------------------------------------- tagger (tagger.c) */

/* Penn Treebank tags with the Lingua::EN::Tagger names they come from:
 * X(ENUM, penn, lingua). */
#define DYAD__PTAG_MAP(X)                                                    \
    X(CC, "CC", "cc") X(CD, "CD", "cd") X(DT, "DT", "det")                   \
    X(EX, "EX", "ex") X(FW, "FW", "fw") X(IN, "IN", "in")                    \
    X(JJ, "JJ", "jj") X(JJR, "JJR", "jjr") X(JJS, "JJS", "jjs")              \
    X(LRB, "-LRB-", "lrb") X(LS, "LS", "ls") X(MD, "MD", "md")               \
    X(NN, "NN", "nn") X(NNP, "NNP", "nnp") X(NNPS, "NNPS", "nnps")           \
    X(NNS, "NNS", "nns") X(PDT, "PDT", "pdt") X(POS, "POS", "pos")           \
    X(PERIOD, ".", "pp") X(COMMA, ",", "ppc") X(DOLLAR, "$", "ppd")          \
    X(LQUOTE, "``", "ppl") X(RQUOTE, "''", "ppr") X(COLON, ":", "pps")       \
    X(PRP, "PRP", "prp") X(PRPS, "PRP$", "prps") X(RB, "RB", "rb")           \
    X(RBR, "RBR", "rbr") X(RBS, "RBS", "rbs") X(RP, "RP", "rp")              \
    X(RRB, "-RRB-", "rrb") X(SYM, "SYM", "sym") X(TO, "TO", "to")            \
    X(UH, "UH", "uh") X(VB, "VB", "vb") X(VBD, "VBD", "vbd")                 \
    X(VBG, "VBG", "vbg") X(VBN, "VBN", "vbn") X(VBP, "VBP", "vbp")           \
    X(VBZ, "VBZ", "vbz") X(WDT, "WDT", "wdt") X(WP, "WP", "wp")              \
    X(WPS, "WP$", "wps") X(WRB, "WRB", "wrb")

typedef enum dyad__ptag {
#define DYAD__PTAG_ENUM(e, penn, lingua) DYAD__T_##e,
    DYAD__PTAG_MAP(DYAD__PTAG_ENUM)
#undef DYAD__PTAG_ENUM
    DYAD__T_COUNT
} dyad__ptag;

/* Tag strings as numbers (dyad__ptok.code): two codes are equal exactly
 * when the strings are.  A Penn name is its dyad__ptag; PETRARCH's
 * auxiliary tags and the phrase labels (as a tag: "(NP word)" in a
 * Treebank file) have codes of their own; any other string is
 * DYAD__TC_OTHER. */
enum {
    DYAD__TC_AUX = DYAD__T_COUNT, DYAD__TC_AUXB, DYAD__TC_AUXD, DYAD__TC_AUXG,
    DYAD__TC_AUXN, DYAD__TC_AUXP, DYAD__TC_AUXZ,
    DYAD__TC_LABEL,             /* + a dyad__label other than DYAD__L_OTHER */
    DYAD__TC_OTHER = DYAD__TC_LABEL + DYAD__L_COUNT
};
unsigned dyad__tag_code(const char *tag);
/* The code of a phrase label's name (DYAD__TC_OTHER for DYAD__L_OTHER,
 * whose name is ""). */
static inline unsigned dyad__label_code(unsigned label)
{
    return label > DYAD__L_OTHER && label < DYAD__L_COUNT ? DYAD__TC_LABEL + label : DYAD__TC_OTHER;
}

/* "NNP" for DYAD__T_NNP; "" out of range.  Inline: the chunker names
 * every word's tag. */
extern const char *const dyad__penn_names[DYAD__T_COUNT];
static inline const char *dyad__ptag_name(unsigned tag)
{
    return tag < DYAD__T_COUNT ? dyad__penn_names[tag] : "";
}
/* Tag of a Penn name ("PRP$"); the PETRARCH auxiliary tags AUX, AUXB,
 * AUXD, AUXG, AUXN, AUXP, AUXZ become VB, VB, VBD, VBG, VBN, VBP, VBZ.
 * DYAD__T_COUNT when unknown. */
unsigned dyad__ptag_parse(const char *s);

/* A word to tag: a slice of text. */
typedef struct dyad__word {
    const char *s;
    uint32_t len;
} dyad__word;

/* The tagger model is struct dyad_tagger (public handle, read-only once
 * loaded, shared by threads).  Loads words.yml and tags.yml from dir
 * (NULL or "": $DYAD_TAGGER_DIR, else
 * DYAD__TAGGER_DIR).  On DYAD_EIO / DYAD_EDICT, err names the file and
 * line. */
#define DYAD__TAGGER_DIR "/usr/share/perl5/Lingua/EN/Tagger"
dyad_status dyad__tagger_load(struct dyad_tagger **out, const char *dir,
                              dyad__err *err);
void dyad__tagger_destroy(struct dyad_tagger *tg);
/* The same, with the compiled model at path compiled (NULL: none) used
 * when it was built from the Lingua files in dir; a malformed one is
 * passed over with its reason in note ("" otherwise).  dyad__tagger_load
 * uses dyad_data_dir("tagger")/model.bin and prints note to stderr. */
dyad_status dyad__tagger_load_from(struct dyad_tagger **out, const char *dir,
                                   const char *compiled, dyad__err *note,
                                   dyad__err *err);
/* Writes tg as a compiled model file (via PATH.tmp and a rename). */
dyad_status dyad__tagger_save(const struct dyad_tagger *tg, const char *path,
                              dyad__err *err);
/* Builds the model from the Lingua files in dir and saves it to path
 * (the build's tools/tagger_compile). */
dyad_status dyad__tagger_compile(const char *dir, const char *path,
                                 dyad__err *err);
/* Nonzero when tg's tables come from a compiled model file. */
int dyad__tagger_is_compiled(const struct dyad_tagger *tg);
/* Writes the length and checksum fields of a compiled model of len bytes
 * held in buf (the saver does; tests re-seal damaged copies). */
void dyad__tagger_model_seal(void *buf, size_t len);

/* Tags w[0..n) (one sentence) with the most probable tag sequence
 * (bigram HMM, Viterbi); tags[i] receives a dyad__ptag.  Scratch memory
 * comes from a.  Reads tg only: any number of threads may tag at once.
 * Returns DYAD_OK, DYAD_ELIMIT or DYAD_ENOMEM. */
dyad_status dyad__tagger_tag(const struct dyad_tagger *tg,
                             const dyad__word *w, uint32_t n,
                             uint8_t *tags, dyad__arena *a);

/* A word cache: per spelling, what tagging and chunking ask of a word
 * whatever its sentence (its lexicon lists, its lexicon entry, its
 * candidate tags), so a word seen before costs one hash probe.  Not
 * shared: one per chunker (per thread).  NULL on ENOMEM; _free takes
 * NULL. */
typedef struct dyad__wcache dyad__wcache;
dyad__wcache *dyad__wcache_new(void);
void dyad__wcache_free(dyad__wcache *wc);
/* Forgets every word's lexicon lists (the lists changed: a lexicon at the
 * same address may hold others). */
void dyad__wcache_forget_lists(dyad__wcache *wc);

/* dyad__tagger_tag with a word cache wc (NULL: none) and, when lx is not
 * NULL, each word's lexicon lists (dyad__lex_bits of lex; NULL lex: the
 * built-in lexicon) into lx[0..n).  Same tags as dyad__tagger_tag. */
dyad_status dyad__tagger_tag_cached(const struct dyad_tagger *tg, dyad__wcache *wc,
                                    const dyad__lexicon *lex, const dyad__word *w, uint32_t n,
                                    uint8_t *tags, uint64_t *lx, dyad__arena *a);

/* ------------------------------------------ chunker (chunk.c) */

/* Builds a sentence tree from tagged words (ROOT over S clauses, NP, VP
 * chains, PP, ADJP, ADVP, SBAR, coordination, possessives, "said"
 * clauses), computes heads and verb groups.  Linear in n.  Where the
 * structure shows a tag was wrong (a lone VBN right after a subject is
 * the past tense) it corrects tags[] and the tree alike.  Everything is
 * allocated from a; the word lists are lex's (NULL: the built-in
 * lexicon).  Returns DYAD_OK, DYAD_ELIMIT or DYAD_ENOMEM. */
/* The tree of the chunker's last run (for the coder). */
dyad__tree *dyad__chunker_tree(struct dyad_chunker *c);

dyad_status dyad__chunk(dyad__tree *t, const dyad__word *w, uint8_t *tags,
                        uint32_t n, const dyad__lexicon *lex, dyad__arena *a);
/* dyad__chunk with each word's lexicon lists given (lx[i]: dyad__lex_bits
 * of w[i] in lex, as dyad__tagger_tag_cached gives them; NULL: looked up
 * here). */
dyad_status dyad__chunk_lx(dyad__tree *t, const dyad__word *w, uint8_t *tags, uint32_t n,
                           const dyad__lexicon *lex, const uint64_t *lx, dyad__arena *a);
/* The word lists c's runs read (text/text.h; the built-in lexicon until
 * this is called): the engine gives it its dictionary's. */
void dyad__chunker_set_lexicon(struct dyad_chunker *c, const dyad__lexicon *lex);
/* Names the caller knows (the engine: the dictionaries' multi-word actor
 * names): fn(ctx, w, n, i) returns the end of the longest name that
 * starts at word i of w[0..n), or 0 for none.  After tagging, a
 * capitalised name holding a word tagged as a verb, particle or foreign
 * word ("Save the Children", "Medecins Sans Frontieres") is retagged as
 * one proper noun, so the chunker keeps it one noun phrase.  NULL fn:
 * none (the default). */
typedef uint32_t (*dyad__names_fn)(void *ctx, const dyad__word *w, uint32_t n, uint32_t i);
void dyad__chunker_set_names(struct dyad_chunker *c, dyad__names_fn fn, void *ctx);

#endif
