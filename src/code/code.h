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
/* The dictionary word id of each token of that sentence (dyad_dict_word_id
 * of its word, in c's dictionary, *d), or NULL when the coder stopped
 * before it had them; valid until the next coding call. */
const unsigned *dyad__coder_word_ids(const dyad_coder *c, const dyad_dict **d);
/* dyad_suite_load() on a buffer (the fuzz target reads validation files
 * from memory); name labels the messages.  Same statuses. */
dyad_status dyad__suite_load_memory(dyad_suite **out, const char *name, const char *data,
                                    size_t len);

/* ---------------------------------------------------- ablation
 * Measuring only (CMake option DYAD_ABLATION, docs/ACCURACY.md): the
 * environment variable DYAD_ABLATE, a comma-separated list of news rule
 * families (a news step's function name without "dyad__", a sweep's, a
 * story query's), switches those families off, to measure what each adds.
 * In the normal build nothing is read and nothing is switched off. */
#ifdef DYAD_ABLATION
int dyad__ablated(const char *family);
#else
#define dyad__ablated(family) ((void)(family), 0)
#endif

/* ---------------------------------------------------- story memory
 * News mode reads a story, not loose sentences.  What the document has
 * established for the sentences after it -- the names it introduced with
 * their roles, the last person named as a subject, the last speaker, the
 * last armed group, the parties that acted lately, the pairs of states
 * that acted on each other, the last accusations, the claims reported
 * about a party, the last consultations, the act nouns whose phrase named
 * their party, per sector the country of its last actor, the countries
 * named most, an open quotation -- is kept
 * by the resolve stage (resolve/story.c), which also decides how far back
 * each may reach and when a description is ambiguous.  The coder reports
 * each sentence's facts and asks through these calls; the memory copies
 * what it keeps.  "reach": how many sentences back the fact may lie. */
typedef struct dyad__story dyad__story;

#define DYAD__STORY_TEXT 32   /* names and texts kept: shorter than this */

dyad__story *dyad__story_new(void);
void dyad__story_free(dyad__story *st);
void dyad__story_reset(dyad__story *st);
unsigned dyad__story_begin_sentence(dyad__story *st);   /* its number, from 1 */
unsigned dyad__story_sentence(const dyad__story *st);

int dyad__story_learn_name(dyad__story *st, const char *name, const char *code);   /* 0: full */
int dyad__story_has_names(const dyad__story *st);
const char *dyad__story_name(const dyad__story *st, const char *name, unsigned *at);

void dyad__story_set_person(dyad__story *st, const char *code, const char *text);
void dyad__story_set_speaker(dyad__story *st, const char *code, const char *text);
void dyad__story_set_group(dyad__story *st, const char *code, const char *text);
void dyad__story_touch_group(dyad__story *st);   /* "the militants" keep it */
const char *dyad__story_person(const dyad__story *st, unsigned reach, const char **text,
                               unsigned *at);
const char *dyad__story_speaker(const dyad__story *st, unsigned reach, const char **text,
                                unsigned *at);
/* armed: not an NGO */
const char *dyad__story_group(const dyad__story *st, unsigned reach, int armed, const char **text,
                              unsigned *at);

void dyad__story_note_party(dyad__story *st, const char *code, const char *text);
/* The parties that acted within reach, newest first: up to cap. */
size_t dyad__story_recent(const dyad__story *st, unsigned reach, const char **codes,
                          const char **texts, unsigned *ats, size_t cap);
void dyad__story_note_sector(dyad__story *st, const char *code);
const char *dyad__story_sector_country(const dyad__story *st, const char *sec, unsigned reach);
void dyad__story_note_event(dyad__story *st, const char *source, const char *target,
                            const char *code);
/* The last two states that acted on each other (a, b) and how many
 * different pairs the story has had (0: none; 2 or more: ambiguous). */
int dyad__story_leaders(const dyad__story *st, const char **a, const char **b);
/* The last two parties of different countries who acted on each other
 * in the story (a "both sides" a third party addresses); 0 when none. */
int dyad__story_last_dyad(const dyad__story *st, const char **a, const char **b);
/* The last two parties of different countries of whom one used force or
 * coercion on the other (CAMEO roots 17-20: the two sides of a fight that
 * "both sides accused each other" means); 0 when none. */
int dyad__story_hostile_dyad(const dyad__story *st, const char **a, const char **b);
/* The last act of one party on another (of any countries, not one code
 * and its own state): doer *a, the one it was done to *b, its sentence
 * *at and CAMEO code *code; 0 when none. */
int dyad__story_last_act(const dyad__story *st, const char **a, const char **b, unsigned *at,
                         const char **code);
size_t dyad__story_accusations(const dyad__story *st);
void dyad__story_accusation(const dyad__story *st, size_t i, const char **src, const char **tgt,
                            unsigned *at);

/* A party's reported claim about a party of another country ("Mali said
 * Niger had failed to ..."): a later denial by that country with no
 * target answers the claimant (the newest within reach; two claimants
 * of different countries in that sentence: NULL). */
void dyad__story_note_claim(dyad__story *st, const char *who, const char *about);
const char *dyad__story_claimant(const dyad__story *st, const char *cc, unsigned reach,
                                 unsigned *at);
/* The party whose act a judgement by `judge` names only by a
 * description ("called that move theft"): the other side of the story's
 * last act when the judge took part in it, else its doer; NULL when
 * there is none within reach, or (kind: the describing noun's CAMEO
 * code, or NULL) it is of another root. */
const char *dyad__story_act_judged(const dyad__story *st, const char *judge, const char *kind,
                                   unsigned reach, unsigned *at);
/* The other side of the story's last consultation (root 04) that the
 * side of `who` took part in, within reach ("Peru held talks with the
 * IMF. ... Lima is negotiating a loan": IGOBUSIMF); NULL when none or
 * when two such consultations within reach had different other sides. */
const char *dyad__story_consulted(const dyad__story *st, const char *who, unsigned reach,
                                  unsigned *at);
/* An act noun whose phrase named its party ("a United Nations report",
 * "Spain's decision"): a later "the report" or "that decision" that names
 * none is that party's, within reach (two parties' in one sentence, or
 * none within reach: NULL). */
void dyad__story_note_owned(dyad__story *st, const char *noun, const char *code);
const char *dyad__story_owner(const dyad__story *st, const char *noun, unsigned reach, unsigned *at);
void dyad__story_count_country(dyad__story *st, const char *code);
/* The document's home country (its most named one) as a phrase at some point of the current sentence sees it:
 * counted over the sentences before this one and the country codes
 * `now` (the sentence's countries named before that point); the
 * countries named later in the sentence do not count.  NULL: none. */
const char *dyad__story_home_before(const dyad__story *st, const char *const *now, size_t nnow);
/* The two countries the sentences before named most, when they stand
 * apart: the second named at least twice and more often than any other
 * ("the two countries" when the story has shown no pair acting on each
 * other); 0 when there are no such two. */
int dyad__story_main_pair(const dyad__story *st, const char **a, const char **b);
int dyad__story_open_quote(const dyad__story *st);
void dyad__story_set_open_quote(dyad__story *st, int open);

/* ------------------------------------------------ the coder's internals
 * Shared by the coder's files only (coder.c, actors.c, patterns.c,
 * govern.c, roles.c, group.c, groupnews.c, news.c, evidence.c), which
 * define DYAD__CODER before including this header: the coder's state,
 * actors and mentions, one verb group's candidate event, and the
 * functions one file calls in another (docs/CODING.md §17). */
#ifdef DYAD__CODER

#include "../dict/dict.h"

#include <stddef.h>
#include <stdint.h>

#define NONE DYAD__NONE
#define MAXM 16

/* An actor found in the text: a code and where it came from. */
typedef struct actor {
    const char *code;
    uint32_t a, b;              /* token span named */
    unsigned entry;             /* dictionary actor entry, or 0 */
    unsigned agents[3];         /* agent entries combined in, 0-ended */
    const char *why;            /* news mode: how a name or pronoun was
                                   resolved from the document, or NULL */
    uint8_t pair;               /* one of the two parties a plural phrase
                                   stands for ("both leaders") */
    uint8_t borrowed;           /* news mode: a role whose country is only
                                   borrowed: 1 that of the party named
                                   before it in the sentence ("Chile
                                   recalled its envoy": the envoy is
                                   CHL's), 2 the story's home country */
} actor;

typedef struct actorset {
    actor *v;
    uint32_t n;
} actorset;

/* A dictionary mention over tokens [a, b). */
typedef struct mention {
    uint32_t a, b;
    unsigned entry;
    uint8_t agent;              /* 1 agent, 0 actor */
    const char *code;           /* a name the document introduced ("Randhir
                                   Jaiswal, the Indian spokesperson" makes
                                   a later "Jaiswal" INDGOV): its code; the
                                   entry is then 0 */
    const char *why;
} mention;


/* A cache of word ids by spelling, kept across sentences: most words of
 * news text repeat, and a hit skips canonicalising and the dictionary's
 * own table.  Direct-mapped; a word longer than the slot is not cached. */
#define WCACHE_SIZE 32768
#define WCACHE_LEN 16
/* A word of at most WCACHE_LEN bytes as two 64-bit numbers (its bytes in
 * memory order, zero past its end): hashed and compared whole, not byte
 * by byte.  A slot is 32 bytes, two to a cache line (the cache is
 * aligned to one). */
typedef struct wkey { uint64_t k[WCACHE_LEN / 8]; } wkey;
typedef struct wslot {
    wkey key;
    uint64_t lex;               /* its lexicon lists (dyad__lex_bits) */
    unsigned id;
    unsigned char len;          /* 0: empty */
    uint8_t wb;                 /* dyad__dict_wbits of id */
} wslot;
_Static_assert(sizeof(wslot) == 32, "a word-cache slot is half a cache line");

/* An intent code standing for a planned act (news mode). */
typedef struct planmap { const char *from, *to; int mod; } planmap;

struct dyad_coder {
    const dyad_dict *d;
    const dyad__lexicon *lex;   /* the word lists (the dictionary's) */
    wslot *wcache;              /* WCACHE_SIZE slots, aligned to 64 */
    void *wcache_mem;           /* its allocation */
    dyad__arena arena;
    dyad__tree tree;
    const char *date;
    long date_day;              /* date as read once per sentence
                                   (dyad__dict_actor_code_day's day) */
    dyad_dict_word *words;      /* the tree's words, for dictionary calls */
    unsigned *wid;              /* their word ids */
    int wid_ok;                 /* wid is filled for this sentence */
    uint64_t *lexb;             /* their lexicon lists, as bits */
    uint8_t *wb;                /* per token: its byte of the dictionary's
                                   first-word index (dyad__dict_wbits):
                                   which phrases, and whether a synset
                                   member, may begin with it */
    uint64_t *wseen;            /* per dictionary word id, a bit: in the
                                   sentence (dyad__has_word); kept for the
                                   coder's life, emptied per sentence by
                                   clearing the bits of wseen_ids */
    size_t wseen_words;         /* 64-bit words of wseen */
    unsigned *wseen_ids;        /* the ids whose bits are set */
    size_t nwseen_ids, cap_wseen_ids;
    actorset *np_memo;          /* per node: its actor set, once computed */
    uint8_t *np_done;
    uint32_t *np_from;          /* per token: the widest NP starting there */
    uint32_t *np_to;            /* per token: the widest NP ending there */
    mention *ments;             /* per token: the mention starting there */
    uint32_t *mstart;           /* the tokens i whose ments[i].a is i, in
                                   order (token 0 always: an empty mention
                                   starts there), for the loops that want
                                   only the mentions (dyad__index_mentions) */
    uint32_t nmstart;
    uint8_t *covered;           /* per token: inside some mention */
    dyad_event *events;         /* asserted events: every rule reads these */
    size_t nevents, cap_events;
    dyad_event *xevents;        /* news mode with all_modalities: planned,
                                   negated and hypothetical events, kept
                                   apart so no rule mistakes them for done */
    size_t nxevents, cap_xevents;
    int all_modalities;         /* also return the others (after the
                                   asserted ones) */
    int mod;                    /* the modality of events being added */
    planmap plan[2];
    int nplan;                  /* the intent codes (to) standing for a
                                   planned act (from): an asserted intent
                                   is added with its act, of modality mod */
    int require_dyad;
    int agent_country;          /* an agent alone takes the country of the
                                   nearest actor named before it */
    int explain;
    dyad_discard discard;       /* why the last sentence was not coded */
    uint8_t *absorbed;          /* per verb group: its clause gave the
                                   target of a verb above it */
    uint8_t *gcoded;            /* per verb group: it obtained a code */
    uint32_t absorbed_now[16];  /* the groups the current verb absorbed */
    int nabsorbed_now;
    int coded;                  /* the last verb group obtained a code */
    int skip_nested;            /* verbs nested in a coded verb's phrase
                                   are not coded (PETRARCH's rule) */
    unsigned discard_entry;
    dyad__story *story;         /* news mode: the story memory (resolve
                                   stage), reset per document */
    uint8_t *inquote;           /* per token: inside a quotation */
    int quoted;                 /* some token is (dyad__quotes) */
    unsigned syn_asked, syn_alleged, syn_aspectual;
                                /* the dictionary's &ASKED, &ALLEGED and
                                   &ASPECTUAL synsets (0: none), read by
                                   dyad__mood */
    struct synlens { unsigned id, gen; uint32_t *lens; } *syn;
                                /* per synset a pattern asked about: the
                                   lengths of its members at each token,
                                   computed once per sentence (a hash of
                                   SYN_SLOTS, kept for the coder's life; a
                                   slot whose gen is not syn_gen is empty,
                                   so a new sentence empties it in O(1)) */
    unsigned syn_gen;           /* the current sentence's generation */
    uint8_t *barrier;           /* per token: 1 the main verb of a verb
                                   group, 2 one in the infinitive */
    struct govidx *gov;         /* per sentence: which verb groups govern
                                   which (dyad__gov_index) */
    actorset speaker;           /* the sentence's quotation speaker */
    int8_t commentators;        /* per sentence: -1 not yet asked, else
                                   whether it names a commentator
                                   (dyad__news_commentary) */
    dyad__buf trace;
    dyad__err err;
};

#define TRACE(...) do { if (c->explain) dyad__buf_printf(&c->trace, __VA_ARGS__); } while (0)

/* Is token i of the sentence in the lexicon's list (text/text.h)? */
static inline int dyad__code_lx(const dyad_coder *c, uint32_t i, int list)
{
    return (int)((c->lexb[i] >> list) & 1u);
}

/* ------------------------------------------------------------- patterns
 * A pattern's match around a verb (dyad__try_pattern). */
typedef struct pmatch {
    int ok;
    int score;                  /* literal words and slots matched */
    uint32_t src, tgt;          /* token where $ / + matched, or NONE */
    uint32_t cmp;               /* token where % matched, or NONE */
} pmatch;

/* Synset lengths come from a per-sentence table (c->syn, SYN_SLOTS
 * slots; dyad__synset_lens): patterns ask about the same synsets at the
 * same places again and again (every verb group, every gap position),
 * so each synset is matched over the sentence once. */
#define SYN_SLOTS 512

/* ------------------------------------------------ governing verb groups
 * Verb group h governs g when h's phrase holds g's (S_governs).  Spans
 * nest, so those are the groups whose phrase (vp) is a proper ancestor
 * of g's; the groups sharing one phrase (coordinated verbs) are
 * consecutive.  Once per sentence, dyad__gov_index records per phrase of
 * groups (a "range") what dyad__mood, dyad__unwilling, dyad__condition_party and
 * dyad__closed_object ask of its groups, and where other searches (the
 * reporter, the clause of a nominal, the earlier subject ...) find their
 * candidates, so that each question walks only g's ancestors that are
 * such phrases, not every group of the sentence: linear in the sentence
 * for any bounded depth, where asking every group was quadratic.
 *
 * The answers do not change: dyad__mood takes the first deciding group in
 * the order of the groups, so each list below is searched for its first
 * member (of g's subject when g has one), and the smallest index of all
 * the ranges wins; the searches that visit groups one by one visit the
 * same ones in the same order.  When a tree breaks what this rests on (a
 * child numbered before its parent, a phrase's groups not consecutive),
 * or a sentence is too small to need it (no index: c->gov NULL), the
 * questions ask every group as before. */

/* What makes a group a governor that matters ("hopes to meet", "does not
 * want to meet", "was forced to give up"). */
/* (the lexicon's lists "hoping", "willing" and "made") */

enum {
    GL_UNWILLING,   /* negated, of wanting or planning (dyad__unwilling) */
    GL_DECIDES,     /* dyad__mood's candidates that decide for any g: negated
                       or with a modal */
    GL_MADE,        /* ... that decide for an infinitive g only: a
                       passive of being made to */
    GL_MODAL,       /* with a modal (dyad__condition_party) */
    GL_ASPECT,      /* dyad__mood's candidates of the dictionary's &ASPECTUAL
                       ("continues to") */
    GL_N
};

/* Which words some group of a range has as its verb (grange.any). */
enum {
    GA_HOPING = 1,  /* hopes or wishes */
    GA_ASKED = 2,   /* the dictionary's &ASKED ("urged", "tried") */
    GA_ALLEGED = 4, /* the dictionary's &ALLEGED ("accused", "denied") */
    GA_DENYING = 8  /* the lexicon's "denying" ("denied that ...") */
};

typedef struct gentry {
    uint32_t range, subject, k;     /* k: the group */
} gentry;

typedef struct gstart {
    uint32_t tok, k;                /* the first token of group k's phrase */
} gstart;

typedef struct grange {
    uint32_t k0, ngroups;           /* its groups */
    uint32_t minverb;               /* the leftmost main verb of its groups */
    uint8_t any;                    /* GA_* bits: one of its groups ... */
    uint32_t swept;                 /* 1 + govidx.resets when dyad__absorb_inside
                                       last ran for one of them; 0 never */
    uint32_t off[GL_N], n[GL_N];    /* its entries in each list */
    uint32_t first[GL_N];           /* its first group on each list, or NONE */
} grange;

typedef struct govidx {
    int ok;                         /* everything is valid */
    uint32_t resets;                /* times dyad__code_group gave back groups
                                       it had absorbed */
    int any;                        /* what is marked "any tree" is valid */
    uint32_t *range;                /* per node: its range, or NONE */
    uint32_t *anc;                  /* per node: the nearest proper ancestor
                                       with a range, or NONE */
    uint32_t *same;                 /* per node: its child of the same span,
                                       or NONE */
    uint32_t *scratch;              /* room for every range */
    uint32_t *ifs, nifs;            /* the clauses of "if" and "unless", in
                                       node order */
    uint32_t *inner;                /* per node: the group whose main verb's
                                       phrase it is, or NONE */
    uint32_t *anc_inner;            /* per node: the nearest proper ancestor
                                       that is such a phrase, or NONE */
    uint32_t *subj_before;          /* per token i: the last group with a
                                       subject whose verb is before i, or
                                       NONE (any tree) */
    uint8_t *is_subject;            /* per node: some group's subject */
    uint32_t *clause_first;         /* per node: the first group whose
                                       subject's parent it is, or NONE */
    uint32_t *clause_next;          /* per group: the next such group of
                                       the same node, or NONE */
    uint32_t *cand;                 /* room for twice every group */
    uint32_t *first_at;             /* per token: the first group whose first
                                       verbal token it is, or NONE (any tree) */
    uint32_t *subj_verb;            /* min tree over the groups: the verb of
                                       a group with a subject (any tree) */
    uint32_t *np_end;               /* min tree over the nodes: the end of a
                                       noun phrase (any tree) */
    uint32_t gleaves, nleaves;      /* their leaves */
    uint32_t *report_first;         /* per node: the first group reporting
                                       it (its reported clause), or NONE */
    uint32_t *report_next;          /* per group: the next one reporting the
                                       same node, or NONE */
    gstart *by_start;               /* the groups by the first token of their
                                       phrase */
    grange *r;
    gentry *e[GL_N];                /* sorted by range, subject, group */
} govidx;

/* Sentences with more verb groups or phrases than these get an index;
 * the others are asked group by group as before, at a cost bounded by
 * these numbers. */
#ifndef GOV_MIN_GROUPS          /* a build with -DGOV_MIN_GROUPS=0 indexes every sentence */
#define GOV_MIN_GROUPS 16
#endif
#ifndef GOV_MIN_NODES
#define GOV_MIN_NODES 256
#endif

/* ---------------------------------------------------------------- events */

typedef struct evb {
    dyad_evidence v[16];
    size_t n;
} evb;

/* coder.c */
char *dyad__words_text(dyad_coder *c, uint32_t a, uint32_t b);
char *dyad__concat(dyad_coder *c, const char *x, const char *y);
int dyad__ends_with(const char *s, const char *suf);
int dyad__in_words(const char *w, const char *const *v, size_t n);

/* actors.c */
void dyad__find_mentions(dyad_coder *c);
void dyad__index_mentions(dyad_coder *c);
const char *dyad__mention_code(const dyad_coder *c, const mention *m);
int dyad__country_code(const char *k);
int dyad__group_code(const char *k);
int dyad__mention_actor(const dyad_coder *c, const mention *m, actor *out);
int dyad__push_actor(dyad_coder *c, actorset *s, const actor *x);
int dyad__push_one(dyad_coder *c, actorset *s, const actor *x);
actorset dyad__np_actors(dyad_coder *c, uint32_t np, int depth);
int dyad__story_pair(dyad_coder *c, uint32_t a, uint32_t b, const char *cc,
                     const unsigned *ag, int by_country, actorset *s);
int dyad__story_actor(dyad_coder *c, actorset *s, const char *code, uint32_t a, uint32_t b,
                      const char *why);
int dyad__cap_word(const char *w);
uint32_t dyad__name_run(const dyad_coder *c, uint32_t i);
const mention *dyad__mention_over(const dyad_coder *c, uint32_t i);
int dyad__is_person(const dyad_coder *c, const mention *m);

/* patterns.c */
int dyad__judgement(const char *code);
int dyad__one_sided(const char *code);
int dyad__no_doer(const char *code);
int dyad__inward(const char *code);
int dyad__to_rulers(const char *code);
int dyad__binds(const char *code);
int dyad__venue(const char *code);
/* Is word id used anywhere in the sentence?  (A pattern whose literal
 * words are not all present cannot match: most are skipped this way.) */
static inline int dyad__has_word(const dyad_coder *c, unsigned id)
{
    return id && (size_t)(id >> 6) < c->wseen_words && ((c->wseen[id >> 6] >> (id & 63)) & 1);
}
uint32_t dyad__synset_lens(dyad_coder *c, unsigned id, uint32_t start);
/* padded: w's bytes may be read up to DYAD__WORD_PAD past w (the
 * chunker's words); else they are read one by one. */
wslot *dyad__word_slot(dyad_coder *c, const char *w, size_t n, int padded, wkey *key);
unsigned dyad__word_id(dyad_coder *c, wslot *sl, const wkey *key, const char *w, size_t n,
                       uint64_t *lex, uint8_t *wb);
pmatch dyad__try_pattern(dyad_coder *c, const dyad_dict_pattern *p, uint32_t va, uint32_t vb);
pmatch dyad__try_pattern_passive(dyad_coder *c, const dyad_dict_pattern *p, uint32_t vb, uint32_t sa,
                                 uint32_t sb);
int dyad__symmetric(const char *code);
int dyad__mutual(const char *code, const char *verb);
const char *dyad__intent(const char *code);
const char *dyad__refusal(const char *code);
const char *dyad__charge(const char *code);
int dyad__force_code(const char *code);

/* govern.c */
uint32_t dyad__min_prev(const uint32_t *t, uint32_t j, uint32_t nl, uint32_t nr, uint32_t hi,
                        uint32_t x);
dyad_status dyad__gov_index(dyad_coder *c);
int dyad__by_u32(const void *a, const void *b);
uint32_t dyad__gov_holding(const govidx *x, uint32_t q, int self);
uint32_t dyad__gov_inner_holding(const govidx *x, uint32_t q);
uint32_t dyad__they(const dyad_coder *c, const dyad__vgroup *g);
uint32_t dyad__gov_first_over(const govidx *x, const dyad__vgroup *g, int l);
void dyad__absorb_inside(dyad_coder *c, uint32_t k);
int dyad__accusing_adjunct(dyad_coder *c, const dyad__vgroup *g);
void dyad__absorb_below(dyad_coder *c, const dyad__vgroup *g, uint32_t from);
int dyad__closed_object(const dyad_coder *c, uint32_t np, int32_t va);

/* roles.c */
int dyad__each_other(const dyad_coder *c, const dyad__vgroup *g);
int dyad__locative(const dyad_coder *c, uint32_t tok);
actorset dyad__target_of(dyad_coder *c, uint32_t inner, uint32_t *from, int depth);
uint32_t dyad__by_agent(const dyad_coder *c, uint32_t inner);
uint32_t dyad__pp_np(const dyad_coder *c, uint32_t inner, const char *prep);
int dyad__scheduled(const dyad_coder *c, const dyad__vgroup *g);
const char *dyad__prep_above(const dyad__tree *t, uint32_t np, uint32_t inner);
int dyad__right_after(const dyad__tree *t, const dyad__vgroup *g, uint32_t a);
int dyad__reciprocal(const dyad_coder *c, uint32_t tok);
int dyad__is_object(const dyad__tree *t, uint32_t inner, uint32_t np);
actorset dyad__named_only(dyad_coder *c, const actorset *s);
int dyad__direct_party(const dyad_coder *c, const dyad__vgroup *g, uint32_t a);
actorset dyad__earlier_subject(dyad_coder *c, const dyad__vgroup *g, int outside);
int dyad__on_charge(const dyad_coder *c, const dyad__vgroup *g);
int dyad__conditional(const dyad_coder *c, uint32_t q);
int dyad__mood(dyad_coder *c, const dyad__vgroup *g);
int dyad__unwilling(const dyad_coder *c, const dyad__vgroup *g);
int dyad__the_statement(const dyad_coder *c, uint32_t np);
uint32_t dyad__what_naming(const dyad_coder *c, uint32_t s);
actorset dyad__condition_party(dyad_coder *c, const dyad__vgroup *g, const char *code);
int dyad__reporting(const dyad_coder *c, uint32_t tok);
int dyad__pronoun(const dyad__tree *t, uint32_t np);

/* group.c */
dyad_status dyad__code_group(dyad_coder *c, const dyad__vgroup *g);

/* news.c */
void dyad__learn_names(dyad_coder *c);
int dyad__name_mentions(dyad_coder *c);
void dyad__quotes(dyad_coder *c);
void dyad__find_speaker(dyad_coder *c);
int dyad__resolve_pronoun(dyad_coder *c, uint32_t tok, actor *out);
void dyad__doc_update(dyad_coder *c);
int dyad__accuser(dyad_coder *c, const actorset *src, actor *out);
int dyad__counterpart(dyad_coder *c, const actorset *src, int doer, actor *out);
dyad_status dyad__code_nominals(dyad_coder *c);
int dyad__failed_talks(const dyad_coder *c, uint32_t k);
dyad_status dyad__code_judgements(dyad_coder *c);
actorset dyad__reporter(dyad_coder *c, const dyad__vgroup *g);
actorset dyad__reporter_by(dyad_coder *c, const dyad__vgroup *g, uint32_t *by);
/* Who makes the claim that holds g ("reiterated the claim that ...",
 * "Chile's claim that ..."); empty if none. */
actorset dyad__claimant(dyad_coder *c, const dyad__vgroup *g);
dyad_status dyad__code_appeals(dyad_coder *c);
dyad_status dyad__code_allegations(dyad_coder *c);
void dyad__count_countries(dyad_coder *c);

/* evidence.c */
void dyad__ev(evb *b, const char *kind, const char *file, unsigned long line,
              size_t first, size_t end, const char *text);
const char *dyad__entry_text(dyad_coder *c, unsigned entry);
int dyad__self_pair(const char *a, const char *b);
int dyad__against_state(const char *code);
int dyad__news_outlet(const char *code);   /* "GBRMED", "USAGOVMED": a news outlet */
int dyad__one_side(const char *a, const char *b);
const char *dyad__told_as_fact(const actorset *sp, const actorset *doer, const actorset *tgt, int charge,
                               int possessive);
int dyad__add_event(dyad_coder *c, const actor *s, const actor *t, const char *code,
                    const dyad__vgroup *g, const evb *base, int passive);
void dyad__trace_set(dyad_coder *c, const char *what, const actorset *s);

/* ------------------------------------------- one verb group's candidate event
 * One verb group's candidate event, as the steps below build it: the
 * code (from the verb and its most specific pattern), the source and
 * target sets, where the target came from, and the flags later steps
 * read.  Each step returns GO to go on, STOP when the group makes no
 * event, NOMEM when out of memory. */
typedef struct cand {
    const dyad__vgroup *g;
    dyad_dict_match vm[MAXM];   /* the verb's dictionary entries, longest
                                   first */
    size_t nv;
    pmatch best;                /* the most specific pattern that matched */
    dyad_dict_pattern bp;       /* ... and its pattern */
    const char *code;           /* the event code, or NULL */
    const char *pcode;          /* the entry's or pattern's [A:B] B */
    const char *paired;         /* B: the event back from target to
                                   source, or NULL */
    evb base;                   /* evidence every event of the group has */
    actorset src, tgt;
    uint32_t from;              /* the node the target came from (among
                                   the verb's complements), or NONE */
    actorset condp;             /* news: the party of an "if" condition */
    int searched;               /* the target was looked for among the
                                   verb's complements */
    int placed;                 /* news: a one-sided act's locative phrase,
                                   or a topic phrase, was set aside */
    int hangs;                  /* news: a participle clause takes the
                                   subject of the clause it hangs on */
    int tgt_is_subject;         /* the pattern's target is the clause's
                                   own subject */
    int passive;                /* a "by" agent swapped the roles */
    int agentless;              /* a passive clause with no "by" agent */
    int planned;                /* news: planned, not done */
    int on_charge;              /* news: rejecting a charge */
    int alone;                  /* news: an act of one party, no target */
    int mutual;                 /* news: one act of both, coded both ways */
    actorset msrc, mtgt;        /* news: who demands or urges the act of a
                                   mandative clause, and of whom */
} cand;

enum { NOMEM = -1, GO = 0, STOP = 1 };

/* group.c: the most specific matching pattern of the verb's blocks
 * into e->best and e->bp; passive: tried as dyad__try_pattern_passive
 * on a subject spanning [sa, sb). */
void dyad__best_pattern(dyad_coder *c, cand *e, int passive, uint32_t sa, uint32_t sb);

/* groupnews.c: the news-mode steps of one verb group (group.c, S_steps) */
int dyad__news_passive_pattern(dyad_coder *c, cand *e);
int dyad__news_noun_gerund(dyad_coder *c, cand *e);
int dyad__news_naming(dyad_coder *c, cand *e);
int dyad__news_warning(dyad_coder *c, cand *e);
int dyad__news_mood(dyad_coder *c, cand *e);
int dyad__news_summary(dyad_coder *c, cand *e);
int dyad__news_as_phrase(dyad_coder *c, cand *e);
int dyad__news_venue(dyad_coder *c, cand *e);
int dyad__news_commentary(dyad_coder *c, cand *e);
int dyad__news_attribution(dyad_coder *c, cand *e);
int dyad__news_mandate(dyad_coder *c, cand *e);
/* A mandative clause ("X insisted that Y withdraw"): 1 a demand, 2 an
 * appeal, with *who asking *whom (named parties); 0 when g is none. */
int dyad__mandate(dyad_coder *c, const dyad__vgroup *g, actorset *who, actorset *whom);
int dyad__news_mandate_roles(dyad_coder *c, cand *e);
int dyad__news_trailing_participle(dyad_coder *c, cand *e);
int dyad__news_hanging_participle(dyad_coder *c, cand *e);
int dyad__news_subordinate_participle(dyad_coder *c, cand *e);
int dyad__news_apposed_participle(dyad_coder *c, cand *e);
int dyad__news_relative_source(dyad_coder *c, cand *e);
int dyad__news_noun_participle(dyad_coder *c, cand *e);
int dyad__news_relative_object(dyad_coder *c, cand *e);
int dyad__news_place(dyad_coder *c, cand *e);
int dyad__news_topic(dyad_coder *c, cand *e);
int dyad__news_deed_doer(dyad_coder *c, cand *e);
int dyad__news_them(dyad_coder *c, cand *e);
int dyad__news_shared_object(dyad_coder *c, cand *e);
int dyad__news_conjunct_party(dyad_coder *c, cand *e);
int dyad__news_passive(dyad_coder *c, cand *e);
int dyad__news_they(dyad_coder *c, cand *e);
int dyad__news_statement(dyad_coder *c, cand *e);
int dyad__news_condition_target(dyad_coder *c, cand *e);
int dyad__news_charge(dyad_coder *c, cand *e);
int dyad__news_denial(dyad_coder *c, cand *e);
int dyad__news_allegation(dyad_coder *c, cand *e);
int dyad__news_named_parties(dyad_coder *c, cand *e);
int dyad__news_each_other(dyad_coder *c, cand *e);
int dyad__news_counterpart(dyad_coder *c, cand *e);
int dyad__news_told_to(dyad_coder *c, cand *e);
int dyad__news_aid_to(dyad_coder *c, cand *e);
int dyad__news_consulted(dyad_coder *c, cand *e);
/* The party a definite description of an act that names none ("the
 * report", "that decision"), noun phrase np, stands for: the story's
 * owner of its noun, in *out (news.c); 0 when np is no such description
 * or the story knows no owner. */
int dyad__owned_act(dyad_coder *c, uint32_t np, actor *out);
int dyad__news_hope(dyad_coder *c, cand *e);
int dyad__news_inward(dyad_coder *c, cand *e);
int dyad__news_to_rulers(dyad_coder *c, cand *e);
int dyad__news_third_place(dyad_coder *c, cand *e);
int dyad__news_alone(dyad_coder *c, cand *e);
int dyad__news_mutual(dyad_coder *c, cand *e);

#endif /* DYAD__CODER */

#endif
