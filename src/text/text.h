/*
 * text.h -- the text stage: UTF-8 normalisation with an offset map back to
 * the original bytes, tokenisation, paragraphs, sentence splitting,
 * datelines and boilerplate.  Input is a document's raw text; output is
 * dyad_token and dyad_sentence arrays whose offsets point into that raw
 * text.  Invariant: any valid UTF-8 input is accepted; nothing here fails
 * except for memory.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "../common/common.h"

#include <stdint.h>

/* Normalised text: NFC, typographic quotes and dashes folded to ASCII,
 * odd spaces made ' ', zero-width characters dropped, CR LF made LF.
 * Every norm byte has an original byte offset, and norm byte len (one
 * past the end) has the original length.  The offsets are kept as runs,
 * not one per byte: a segment says that norm bytes from `norm` on come
 * from orig + min(k, span), k bytes into the segment, up to the next
 * segment.  Unchanged text is one segment per stretch between changed
 * characters, so the map costs a few bytes per changed character instead
 * of four per byte. */
typedef struct dyad__nseg {
    uint32_t norm, orig, span;   /* span UINT32_MAX: byte for byte */
} dyad__nseg;

typedef struct dyad__norm {
    dyad__buf text;
    dyad__nseg *segs;    /* by increasing norm; the last is the end */
    size_t nsegs, cap_segs;
} dyad__norm;

void dyad__norm_init(dyad__norm *n);
void dyad__norm_free(dyad__norm *n);
/* src must be valid UTF-8.  Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__normalize(dyad__norm *n, const char *src, size_t len);
/* The original byte offset of norm byte i (0 <= i <= text.len).  *cur is
 * the caller's cursor (0 at first): lookups at increasing i cost O(1)
 * each, others a binary search. */
size_t dyad__norm_orig(const dyad__norm *n, size_t i, size_t *cur);

/* A growable token array. */
typedef struct dyad__toks {
    dyad_token *v;
    size_t n, cap;
    size_t map_cursor;   /* dyad__norm_orig's cursor while tokenising */
} dyad__toks;

/* Tokenises norm[0..len) (normalised text), appending to t; original
 * offsets come from nm.  Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__tokenize(dyad__toks *t, const char *norm, size_t len,
                           const dyad__norm *nm);

/* The tokens that start in norm[from..to) (a token that starts there may
 * look at bytes up to len, as in the whole text), appending to t, without
 * resetting t->map_cursor: successive ranges of one text cost what one
 * call on the whole text does.  from must be 0, a blank (' ', '\t',
 * '\n') or follow one, and to must be len or a blank: then the tokens
 * are exactly those dyad__tokenize finds there. */
dyad_status dyad__tokenize_range(dyad__toks *t, const char *norm, size_t len, size_t from,
                                 size_t to, const dyad__norm *map);

/* Character classes used by the tokeniser and the segmenter. */
int dyad__tok_is_upper_start(const dyad_token *t);

/* For tests: long paragraphs are read in pieces, and windows handed out,
 * of about this many bytes (0: the defaults, 64 KiB; SIZE_MAX: whole). */
void dyad__text_set_piece(dyad_text *t, size_t bytes);

/* Splits sentence i of t before its k-th token (0 < k < ntokens): the
 * tokens from k on become sentence i + 1 (same paragraph, not
 * boilerplate) and later sentences move up by one.  For a boundary only
 * a later stage can see (a headline run into the lede once its line
 * break is gone).  DYAD_EINVAL when i or k is out of range; DYAD_ENOMEM. */
dyad_status dyad__text_split_sentence(dyad_text *t, size_t i, size_t k);
int dyad__tok_is(const dyad_token *t, const char *s);
int dyad__tok_is_month(const dyad_token *t);   /* 1..12, or 0 */

/* ------------------------------------------------------------- forms
 * English forms (forms.c).  Input: an upper-case word.  Each writes
 * NUL-terminated upper-case forms into out[] (64 bytes each, at most max)
 * and returns how many; dyad__verb_forms leaves out the base form. */
size_t dyad__noun_plural(const char *w, size_t n, char out[][64], size_t max);
size_t dyad__verb_forms(const char *w, size_t n, char out[][64], size_t max);

/* ----------------------------------------------------------- lexicon
 * The English word lists that the parse and code stages branch on
 * (lexicon.c; format and lists in data/lexicon/README.md): reporting
 * verbs, naming verbs, condemning words, event nouns with their CAMEO
 * codes, ...  One lexicon is shared by the chunker and the coder: the
 * built-in lists (the files of data/lexicon, compiled into the library), each
 * replaced or extended by files of a dictionary folder's lexicon/
 * subfolder (the dictionary stage reads them: dyad__dict_lexicon).
 * Every word is filed once under its spelling with ASCII letters folded
 * to lower case (the same equality as strcasecmp), so one hash lookup
 * gives all its lists as a bit set.  A built lexicon never changes: any
 * number of threads may share it. */
typedef enum dyad__lx {
    DYAD__LX_REPORTING,     /* "reporting": verbs that report speech (coder) */
    DYAD__LX_NAMING,        /* "naming": "called X a ...", "described X as" */
    DYAD__LX_RECIPROCAL,    /* "reciprocal": mutual by meaning ("clashed") */
    DYAD__LX_WRONGDOING,    /* "wrongdoing": verbs whose doing is a charge */
    DYAD__LX_COMMITTING,    /* "committing": "commit" and its forms */
    DYAD__LX_CRIMES,        /* "crimes": what is committed ("atrocities") */
    DYAD__LX_CONDEMNING,    /* "condemning": words of condemnation */
    DYAD__LX_PRAISING,      /* "praising": plain words of praise */
    DYAD__LX_CLAIM_NOUNS,   /* "claim-nouns": "the claim that ..." */
    DYAD__LX_CHARGE_NOUNS,  /* "charge-nouns": "a charge X rejected" */
    DYAD__LX_COMPLETED,     /* "completed-nouns": an infinitive completes them */
    DYAD__LX_EVENT_NOUNS,   /* "event-nouns": nouns of events, with codes */
    DYAD__LX_PLANNED,       /* "planned-adjectives": "upcoming talks" */
    DYAD__LX_TOPIC_PREPS,   /* "topic-prepositions": "a statement about ..." */
    DYAD__LX_LOCATIVES,     /* "locatives": prepositions of place and time */
    DYAD__LX_CONDITIONS,    /* "conditions": subordinators of a condition */
    DYAD__LX_TIMES,         /* "times": days and months after a name */
    DYAD__LX_HOPING,        /* "hoping": what is hoped is not done */
    DYAD__LX_WILLING,       /* "willing": "does not want to" */
    DYAD__LX_MADE,          /* "made": "was forced to" */
    DYAD__LX_PAIR_NOUNS,    /* "pair-nouns": "the leaders": the story's pair */
    DYAD__LX_STATE_NOUNS,   /* "state-nouns": pairs told apart by country */
    DYAD__LX_BODIES,        /* "bodies": "the insurgent group" */
    DYAD__LX_FOREIGN,       /* "foreign": "foreign journalists" are no one's */
    DYAD__LX_FACILITIES,    /* "facilities": "an army post" is the army's */
    DYAD__LX_DEMANDING,     /* "demanding": "insisted that X withdraw" */
    DYAD__LX_URGING,        /* "urging": "urged that X resume talks" */
    DYAD__LX_SPEECH,        /* "speech": verbs taking a reported clause (chunker) */
    DYAD__LX_OBJECT_CONTROL,/* "object-control": "urged X to act" (chunker) */
    DYAD__LX_SAID_NOUNS,    /* "said-nouns": "a charge X rejected" (chunker) */
    DYAD__LX_TIME_NOUNS,    /* "time-nouns": "said Tuesday" (chunker) */
    DYAD__LX_SUBORDINATORS, /* "subordinators": "because", "if" open a clause (chunker) */
    DYAD__LX_PARTICIPLES,   /* "past-participles": irregular pasts that are
                               also participles ("held") (chunker) */
    DYAD__LX_QUANTIFIERS,   /* "quantifiers": "several", "dozens": a counted plural */
    DYAD__LX_SPANS,         /* "spans": "since", "past": a span of time summed up */
    DYAD__LX_DENYING,       /* "denying": "denied that X ...": the clause is not done */
    DYAD__LX_COMMENTATORS,  /* "commentators": "analysts", "fellow": commentary */
    DYAD__LX_FAILING,       /* "failing": "talks ... collapsed" are background */
    DYAD__LX_RELATIONS,     /* "relations": "Chile's neighbour Peru" is Peru */
    DYAD__LX_ADVERBIAL,     /* "adverbial": "after X crossed": X is no party of the main verb */
    DYAD__LX_PERSON_ROLES,  /* "person-roles": "Chile's president ... He": one person */
    DYAD__LX_ACCUSING,      /* "accusing": ", accusing it of ...": a second act */
    DYAD__LX_ACT_NOUNS,     /* "act-nouns": "the seizure", "that move": an act the story told */
    DYAD__LX_SPEECH_ACTS,   /* "speech-acts": acts done in words: "... and accused Y" (chunker) */
    DYAD__LX_BLAMING,       /* "blaming": "X was behind ...": the speaker accuses X */
    DYAD__LX_N
} dyad__lx;

/* An event noun: what its phrase codes ("talks with X": 040). */
typedef struct dyad__lex_noun {
    const char *code;           /* the doer's act */
    const char *back;           /* the other party's act back, or NULL */
    int mutual;                 /* the same act both ways */
    int force;                  /* an act of force (see src/code/news.c) */
    const char *const *other;   /* prepositions naming the other party,
                                   NULL-ended (none: "between" only) */
} dyad__lex_noun;

typedef struct dyad__lexicon dyad__lexicon;

/* A list file: replaces the list of its name (add 0) or extends it
 * (add 1).  file names it in messages. */
typedef struct dyad__lex_src {
    const char *list, *file;
    const char *text;
    size_t len;
    int add;
} dyad__lex_src;

/* Called once per malformed line (line 0: the whole file). */
typedef void (*dyad__lex_diag_fn)(void *ctx, const char *file, unsigned long line,
                                  const char *msg);

/* The list named name ("reporting"), or -1. */
int dyad__lex_list(const char *name, size_t n);
const char *dyad__lex_list_name(int list);
/* Builds the built-in lists with the n sources applied (replacements
 * first, then extensions, in the order given).  DYAD_OK or DYAD_ENOMEM;
 * a malformed line is reported through diag (may be NULL) and skipped. */
dyad_status dyad__lexicon_build(dyad__lexicon **out, const dyad__lex_src *src, size_t n,
                                dyad__lex_diag_fn diag, void *ctx);
void dyad__lexicon_free(dyad__lexicon *lx);
/* The built-in lexicon, built once per process; NULL when out of memory. */
const dyad__lexicon *dyad__lexicon_builtin(void);
/* The lists of word w[0..n), as bits (1 << dyad__lx); 0 when none. */
uint64_t dyad__lex_bits(const dyad__lexicon *lx, const char *w, size_t n);
static inline int dyad__lex_has(const dyad__lexicon *lx, const char *w, size_t n, int list)
{
    return (int)((dyad__lex_bits(lx, w, n) >> list) & 1u);
}
/* The event noun w[0..n), or NULL. */
const dyad__lex_noun *dyad__lex_noun_get(const dyad__lexicon *lx, const char *w, size_t n);
/* Words in the lexicon, and in list l. */
size_t dyad__lex_count(const dyad__lexicon *lx, int list);

#endif
