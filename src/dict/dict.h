/*
 * dict.h -- the dictionary stage: loaders for the five TABARI/PETRARCH
 * dictionary kinds (verbs with synsets, patterns and transformations;
 * actors with date-restricted codes; agents; discards; issues) and their
 * compiled, read-only representation.  Every word is interned once (a
 * canonical upper-case form, see dyad__dict_canon); phrases live in one
 * trie per kind whose edges are keyed by (node, word id, connector) in a
 * single hash map, so a lookup costs one probe per word.  What must stay
 * true: after dyad_dict_compile() nothing in struct dyad_dict changes, so
 * one dictionary may be shared by any number of threads; every entry,
 * pattern, block, synset and code records the FILE:LINE it came from; a
 * malformed line yields one located diagnostic and loading goes on.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "../common/common.h"
#include "../text/text.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------ containers
 * A growable array: dyad__vec_reserve(&p, &cap, need, sizeof *p) makes
 * room for need elements; 0 on success, -1 when out of memory. */
int dyad__vec_reserve(void **p, size_t *cap, size_t need, size_t elem);
#define DYAD__RESERVE(ptr, cap, need)                                                    \
    ((size_t)(need) <= (cap) ? 0 /* room already: no call */                         \
                             : dyad__vec_reserve((void **)&(ptr), &(cap), (need), sizeof *(ptr)))

/* A hash map from 64-bit keys (never 0) to 32-bit values, open
 * addressing with linear probing, at most half full.  Used for the trie
 * edges and a few indexes (see the DYAD__NS_* namespaces below).  A key
 * and its value share a slot of 12 bytes, so an edge found costs one
 * cache line (not one for the key and one for the value); half full,
 * a lookup (half of them for absent edges, which walk to an empty slot)
 * reads few slots: docs/PERFORMANCE.md, session 13. */
typedef struct dyad__mslot {
    uint32_t key[2];   /* the key's 8 bytes as memcpy lays them; 0: empty */
    uint32_t val;
} dyad__mslot;

/* The key of slot s (0: empty). */
static inline uint64_t dyad__mslot_key(const dyad__mslot *s)
{
    uint64_t k;
    memcpy(&k, s->key, sizeof k);
    return k;
}

typedef struct dyad__map {
    dyad__mslot *slots;
    size_t cap;   /* power of two, or 0 */
    size_t n;
} dyad__map;

void dyad__map_free(dyad__map *m);
/* Value for key, or 0 when absent. */
uint32_t dyad__map_get(const dyad__map *m, uint64_t key);
/* Sets key to val (inserting or replacing); -1 when out of memory. */
int dyad__map_put(dyad__map *m, uint64_t key, uint32_t val);

/* Key namespaces: trie edges use the parent node id (< 2^31) as the high
 * word; other indexes use these (bit 63 set). */
#define DYAD__NS_SYNSET ((uint64_t)0x80000001u << 32)  /* name id -> synset */
#define DYAD__NS_PATTEXT ((uint64_t)0x80000002u << 32) /* (block,text) */

/* ---------------------------------------------------------------- strings
 * Interned strings: id 1..n; the same bytes always get the same id.  The
 * text lives in the dictionary's arena (NUL-terminated). */
typedef struct dyad__intern {
    uint64_t *slots;     /* hash table: the string's hash << 32 | its
                            id; 0 = empty (a probe compares hashes
                            without leaving the table) */
    size_t cap;          /* power of two */
    const char **str;    /* str[id] */
    uint32_t *len;       /* len[id] */
    size_t n, ncap;      /* ids in use (str[0] unused) and room */
} dyad__intern;

/* The hash of the interned strings: FNV-1a over the bytes, then
 * dyad__mix64 (DYAD__FNV_* let a caller fold it into its own pass). */
#define DYAD__FNV_BASIS 0xcbf29ce484222325ULL
#define DYAD__FNV_PRIME 0x100000001b3ULL
uint32_t dyad__hash_bytes(const char *s, size_t n);

/* ------------------------------------------------------------ entries */

/* Internal flags beyond the public DYAD_DICT_F_* ones. */
#define DYAD__KIND_SYNSET 7   /* entry kind of a synset member */

typedef struct dyad__entry {
    uint8_t kind;        /* dyad_dict_kind, or DYAD__KIND_SYNSET */
    uint8_t pad;
    uint16_t nwords;
    uint32_t flags;      /* DYAD_DICT_F_* */
    uint32_t file;       /* index into files */
    uint32_t line;
    uint32_t words;      /* offset into the word pools */
    uint32_t code;       /* string id of the code, 0 if none */
    uint32_t passive;    /* verbs: string id of the code after ':' */
    uint32_t group;      /* actor record, verb block, synset, issue category */
    uint32_t aux;        /* verbs: index of the verb word; synset: 1 when the
                            member refers to another synset */
    uint32_t next;       /* next entry at the same trie node, 0 = end */
} dyad__entry;

typedef struct dyad__actor {
    uint32_t first_code; /* into codes */
    uint32_t ncodes;
    uint32_t primary;    /* entry id of the primary phrase */
    uint32_t file, line;
} dyad__actor;

typedef struct dyad__block {
    uint32_t name;       /* string id ("ACCELERATE") */
    uint32_t code, passive;
    uint32_t file, line;
    uint32_t first_pattern, npatterns;
} dyad__block;

typedef struct dyad__pattern {
    uint32_t block;
    uint32_t file, line;
    uint32_t code, passive;
    const char *text;    /* as written, without '-', code and comment */
    uint32_t elems, nelems; /* into pelems */
    uint32_t verb;       /* index of the DYAD_PAT_VERB element */
    uint32_t key;        /* set by compile: the id of one of its literal
                            words (UINT32_MAX: a word no sentence has),
                            or 0 when it has none -- where that word is
                            missing from a sentence the pattern cannot
                            match (dyad__dict_pattern_key) */
} dyad__pattern;

typedef struct dyad__synset {
    uint32_t name;       /* string id, without '&' and the final '_' */
    uint32_t file, line;
    uint32_t root;       /* trie root of its plain-word members */
    uint32_t nmembers;
    uint32_t first_complex; /* entry ids (linked by next) of members that
                               refer to other synsets */
    uint32_t last_complex;
    uint8_t noplural;    /* label ended in '_' */
    uint8_t state;       /* cycle check during compile */
} dyad__synset;

typedef struct dyad__transform {
    uint32_t file, line;
    const char *text;
    uint32_t nlevels;
    const char **sources;  /* nlevels, outermost first (arena) */
    const char **verbs;    /* nlevels */
    const char *target;    /* innermost target */
    const char *out_source, *out_target, *out_code;
} dyad__transform;

/* A synset member that refers to other synsets, kept as text until
 * compile resolves the references. */
typedef struct dyad__rawmember {
    uint32_t synset;
    uint32_t file, line;
    const char *text;
} dyad__rawmember;

typedef struct dyad__dfile {
    const char *path;
    int kind;            /* dyad_dict_kind */
    unsigned long lines;
} dyad__dfile;

/* Trie node flags. */
#define DYAD__N_ADJ 1    /* has a child reached by an adjacent ('_') edge */
#define DYAD__N_GAP 2    /* has a child reached by a blank edge */
#define DYAD__N_OPEN 4   /* some entry here ends with an open (stem) word */

/* Word index bit (struct dyad_dict wbits): the word begins a synset
 * member.  Bits 1..5 are DYAD_DICT_MASK() of the phrase kinds. */
#define DYAD__WB_SYNSET 0x80u
/* The per-synset first-word filter (struct dyad_dict synfirst): 256 bits
 * per synset, word id hashed to one of them. */
#define DYAD__SYNF_WORDS 4
#define DYAD__SYNF_BIT(id) ((uint32_t)((id) * 0x9E3779B1u) >> 24)

#define DYAD__MAX_LINE 65536      /* bytes in one dictionary line */
#define DYAD__MAX_WORDS 64        /* words in one phrase */
#define DYAD__MAX_ELEMS 96        /* elements in one pattern */
#define DYAD__MAX_VARIANTS 256    /* expansions of one issue or agent line */
#define DYAD__MAX_DIAGS 100000    /* diagnostics kept (all are counted) */

struct dyad_dict {
    dyad__arena arena;           /* every string */
    dyad__err err;
    int compiled;

    dyad__dfile *files;
    size_t nfiles, files_cap;

    dyad__intern strs;

    dyad_dict_diag *diags;
    size_t ndiags, diags_cap;
    size_t nerrors, nwarnings;

    dyad__map map;               /* trie edges and indexes */
    uint32_t *nfirst;            /* per node: first entry */
    uint32_t *nlast;             /* per node: last entry (load order) */
    uint8_t *nflags;
    size_t nnodes, nodes_cap;
    uint32_t roots[8];           /* per kind (index dyad_dict_kind) */

    dyad__entry *ent;            /* ent[0] unused */
    size_t nent, ent_cap;
    uint32_t *wid;               /* word pool: word ids */
    uint8_t *wadj;               /* word pool: 1 = joined to the previous
                                    word by '_' (no words between) */
    size_t nw, w_cap;

    dyad__actor *actors;         /* actors[0] unused */
    size_t nactors, actors_cap;
    dyad_dict_code *codes;
    size_t ncodes, codes_cap;

    dyad__block *blocks;         /* blocks[0] unused */
    size_t nblocks, blocks_cap;
    dyad__pattern *pats;         /* pats[0] unused */
    size_t npats, pats_cap;
    uint32_t *patkey;            /* set by compile: pats[i].key side by
                                    side (16 to a cache line), for the
                                    coder's scan of a verb's patterns,
                                    UINT32_MAX for a pattern coded "+++"
                                    (TABARI's complex coding, no code);
                                    NULL when out of memory */
    dyad_pat_elem *pelems;
    size_t npelems, pelems_cap;
    dyad__synset *syns;          /* syns[0] unused */
    size_t nsyns, syns_cap;
    dyad__transform *tfs;        /* tfs[0] unused */
    size_t ntfs, tfs_cap;
    dyad__rawmember *raws;       /* until compile */
    size_t nraws, raws_cap;

    uint8_t *wbits;              /* per word id: DYAD_DICT_MASK(kind) when
                                    the word begins a phrase of that kind
                                    (verbs: is a verb word), DYAD__WB_SYNSET
                                    when it begins a synset member; built by
                                    compile (dyad__match_index) */
    size_t nwbits;               /* strs.n + 1, or 0 when wbits is NULL */
    uint64_t *synfirst;          /* per synset, DYAD__SYNF_WORDS words: a
                                    filter of the word ids its members can
                                    begin with (bit DYAD__SYNF_BIT(id));
                                    built with wbits, NULL with it */

    dyad__lex_src *lexsrc;       /* lexicon files of the folders added
                                    (their lexicon/ subfolder), text in
                                    the arena, until compile */
    size_t nlexsrc, lexsrc_cap;
    dyad__lexicon *lex;          /* built by compile when there were
                                    any; NULL: the built-in lexicon */

    dyad_dict_stats st;
    uint64_t content_hash;       /* dyad__hash64 over every file added, in
                                    order: its base name, kind, length and
                                    bytes (dyad_dict_hash) */
};

/* ------------------------------------------------------ cross-file API */

/* Records a diagnostic; file is an index into d->files (or (uint32_t)-1
 * for none), line 0 for none.  Never fails (an out-of-memory diagnostic
 * is counted but not kept). */
void dyad__dict_diag(dyad_dict *d, int severity, uint32_t file,
                     unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Interns s[0..n) as is; 0 when out of memory. */
uint32_t dyad__dict_intern(dyad_dict *d, const char *s, size_t n);
/* The same with h = dyad__hash_bytes(s, n) already computed. */
uint32_t dyad__dict_intern_h(dyad_dict *d, const char *s, size_t n, uint32_t h);
/* Id of s[0..n) if interned, else 0.  Read-only: safe after compile. */
uint32_t dyad__dict_find(const dyad_dict *d, const char *s, size_t n);
static inline const char *dyad__dict_str(const dyad_dict *d, uint32_t id)
{
    return id ? d->strs.str[id] : NULL;
}

/* Canonical form of a word: upper case (full Unicode) without one final
 * '.' ("U.S." -> "U.S", "Mr." -> "MR"; "." stays).  Writes into out (cap
 * bytes) and returns the length, or 0 when the word is empty or does not
 * fit. */
size_t dyad__dict_canon(const char *s, size_t n, char *out, size_t cap);
/* Word id of a text word (canonicalised), 0 when it is no dictionary
 * word. */
uint32_t dyad__dict_word(const dyad_dict *d, const char *s, size_t n);

/* New trie node; 0 when out of memory. */
uint32_t dyad__trie_node(dyad_dict *d);
/* Child of node by (word, adjacent); created when create is set.  0 when
 * absent or out of memory. */
uint32_t dyad__trie_child(dyad_dict *d, uint32_t node, uint32_t word,
                          int adjacent, int create);
static inline uint64_t dyad__edge_key(uint32_t node, uint32_t word, int adj)
{
    return ((uint64_t)node << 32) | ((uint64_t)word << 1) | (uint64_t)(adj != 0);
}

/* A phrase being built: words (ids) and connectors. */
typedef struct dyad__phrase {
    uint32_t w[DYAD__MAX_WORDS];
    uint8_t adj[DYAD__MAX_WORDS];  /* adj[0] is ignored */
    size_t n;
    int open_end;                  /* no final '_' */
    int overflow;                  /* more than DYAD__MAX_WORDS words */
} dyad__phrase;

/* Scratch state for splitting phrases into words the way the text
 * tokeniser splits text. */
typedef struct dyad__lexer {
    dyad__toks toks;
    dyad__norm norm;
    char buf[512];
} dyad__lexer;

void dyad__lexer_init(dyad__lexer *lx);
void dyad__lexer_free(dyad__lexer *lx);

/* Appends the words of s[0..n) (a phrase written with blanks and '_'
 * between words) to ph.  Chunks are cut at runs of blanks and '_': a run
 * containing a blank is a gap, a run of '_' only joins.  Each chunk is then
 * split like running text (so "SAMOA_(AMERICAN)" gives SAMOA ( AMERICAN )
 * and "DON'T" gives DO N'T); words of one chunk are adjacent.  first_adj
 * is the connector before the first word.  Returns DYAD_OK, DYAD_ENOMEM,
 * or DYAD_EDICT when the phrase is too long (ph->overflow). */
dyad_status dyad__phrase_add(dyad_dict *d, dyad__lexer *lx, dyad__phrase *ph,
                             const char *s, size_t n, int first_adj);

/* Splits s[0..n) like dyad__phrase_add() but only reads: canonical words
 * are copied into buf (cap bytes) and listed in w[] (at most max).
 * Returns the number of words, 0 when empty or something did not fit. */
size_t dyad__phrase_split(dyad__lexer *lx, const char *s, size_t n, char *buf, size_t cap,
                          dyad_dict_word *w, size_t max);

/* Adds an entry: copies the phrase words into the pools, links it under
 * root (creating the path), returns the entry id (0 on ENOMEM).  *dup is
 * set to the first entry already at that node, or 0. */
uint32_t dyad__entry_add(dyad_dict *d, uint32_t root, const dyad__phrase *ph,
                         int kind, uint32_t flags, uint32_t file,
                         unsigned long line, uint32_t *dup);

/* Appends entry id to the entry list of node (load order). */
void dyad__entry_link(dyad_dict *d, uint32_t node, uint32_t id);

/* English forms (dyad__noun_plural, dyad__verb_forms): text/text.h. */

/* Parses a dictionary date, YYMMDD (YY <= 30 is 20YY) or YYYYMMDD, into
 * YYYYMMDD; -1 when it is not a valid calendar date in either form. */
long dyad__dict_date(const char *s, size_t n);
/* Parses YYYY-MM-DD (or YYYYMMDD); -1 when invalid. */
long dyad__dict_iso_date(const char *s);
/* dyad_dict_actor_code with its date already read: day is
 * dyad__dict_iso_date's value, -1 (a date that is none: no code) or
 * DYAD__NO_DATE (no date given: the undated code).  For callers that ask
 * many times on one date. */
#define DYAD__NO_DATE (-2L)
const dyad_dict_code *dyad__dict_actor_code_day(const dyad_dict *d, unsigned entry, long day);

/* Loaders: one call per file; text[0..len) with its lines. */
typedef struct dyad__line {
    const char *s;       /* content with comments removed */
    size_t n;
    unsigned long no;    /* 1-based line number */
    int indented;        /* began with a blank or tab */
} dyad__line;

typedef struct dyad__lines {
    dyad_dict *d;
    uint32_t file;
    const char *p, *end; /* unread text */
    int clean;           /* the whole text is UTF-8 without NUL bytes, so
                            no line needs checking for either */
    unsigned long no;
    int in_comment;      /* inside <!-- ... --> */
    unsigned long comment_line;
    char *buf;           /* copy of the current line */
    size_t buf_cap;
} dyad__lines;

/* Next non-blank line with comments (#, ;, <!-- -->) removed; 0 at the
 * end of the text.  Lines with invalid UTF-8 or NUL bytes are reported
 * and skipped. */
int dyad__lines_next(dyad__lines *L, dyad__line *out);
void dyad__lines_free(dyad__lines *L);

dyad_status dyad__load_verbs(dyad_dict *d, dyad__lines *L, dyad__lexer *lx);
dyad_status dyad__load_actors(dyad_dict *d, dyad__lines *L, dyad__lexer *lx);
dyad_status dyad__load_agents(dyad_dict *d, dyad__lines *L, dyad__lexer *lx);
dyad_status dyad__load_discards(dyad_dict *d, dyad__lines *L, dyad__lexer *lx);
dyad_status dyad__load_issues(dyad_dict *d, dyad__lines *L, dyad__lexer *lx);

/* Compile step for verbs: resolves synset references in patterns and
 * synsets, rejects cycles, checks transformations. */
dyad_status dyad__verbs_compile(dyad_dict *d);

/* Builds the lookup index (wbits) from the tries and synsets; run by
 * compile once everything is loaded.  DYAD_ENOMEM leaves wbits NULL, and
 * lookups then work without it (slower). */
dyad_status dyad__match_index(dyad_dict *d);

/* Can a member of synset sid begin with the word of id?  0 only when
 * none can: the index's first test in dyad_dict_synset_match_ids, for a
 * caller that asks about many places and would rather not call it where
 * it cannot match (the coder's patterns).  In two halves: can a member
 * of any synset begin with it, and can one of sid's. */
static inline int dyad__word_may_begin_synset(const dyad_dict *d, unsigned id)
{
    return !d->wbits || (id < d->nwbits && (d->wbits[id] & DYAD__WB_SYNSET));
}
/* The second half of dyad__synset_may_begin, for a word that passed
 * dyad__word_may_begin_synset (the coder keeps that per word). */
static inline int dyad__synset_filter(const dyad_dict *d, unsigned sid, unsigned id)
{
    if (!d->wbits || !d->synfirst || sid >= d->nsyns) return 1;
    uint32_t b = DYAD__SYNF_BIT(id);
    return (d->synfirst[sid * DYAD__SYNF_WORDS + (b >> 6)] >> (b & 63)) & 1;
}
static inline int dyad__synset_may_begin(const dyad_dict *d, unsigned sid, unsigned id)
{
    return dyad__word_may_begin_synset(d, id) && dyad__synset_filter(d, sid, id);
}

/* The word lists of the parse and code stages (text/text.h): the
 * built-in lexicon with the lexicon/ files of the folders added
 * (data/lexicon/README.md); NULL only when the built-in one could not be
 * built (out of memory). */
const dyad__lexicon *dyad__dict_lexicon(const dyad_dict *d);

/* Guesses the kind of a file from its name, then its text; 0 when
 * unknown. */
int dyad__dict_sniff(const char *path, const char *text, size_t len);

/* Trims blanks (space, tab, CR, VT, FF: not LF) at both ends; inline,
 * for the loaders call it on every field of every line. */
static inline int dyad__trim_blank(unsigned char c)
{
    return c == ' ' || ((unsigned)(c - '\t') < 5u && c != '\n');
}
static inline void dyad__trim(const char **s, size_t *n)
{
    const char *p = *s;
    size_t k = *n;
    while (k && dyad__trim_blank((unsigned char)*p)) {
        p++;
        k--;
    }
    while (k && dyad__trim_blank((unsigned char)p[k - 1])) k--;
    *s = p;
    *n = k;
}

/* ------------------------------------------------------------ places
 * The gazetteer (places.c, public handle dyad_places): the place tables
 * of a folder (data/places/README.md) in one sorted read-only array.  A
 * place is filed under its key: its words as the text layer splits them,
 * each folded by dyad__place_fold, joined by one blank ("deir ez-zor").
 * The places of one key are its senses, in a fixed order: overlay first,
 * then the most populous, then by country and name. */

#define DYAD__PLACE_MAX_WORDS 8

typedef enum {
    DYAD__PLACE_COUNTRY = 1,    /* a country's name: places in it, no point */
    DYAD__PLACE_REGION,         /* a region, province, territory */
    DYAD__PLACE_CITY            /* a city, town or camp */
} dyad__place_kind;

typedef struct dyad__place {
    const char *key;            /* the folded words */
    const char *name;           /* as written in its table ("Deir ez-Zor") */
    const char *admin1;         /* first-level division ("Texas"), or "" */
    char country[4];            /* ISO 3166-1 alpha-3 */
    int32_t lat, lon;           /* 1/10,000 degree (0 for a country) */
    uint32_t pop;               /* population; 0 when unknown */
    uint8_t kind;               /* dyad__place_kind */
    uint8_t overlay;            /* from overlay.tsv */
    uint8_t nwords;
} dyad__place;

/* Folds one word (or a phrase) for place keys: case folded, accents and
 * apostrophes dropped, one final '.' dropped ("Ḩalab" -> "halab", "Ma'rib"
 * -> "marib", "D.C." -> "d.c").  Writes at most cap bytes, no NUL;
 * returns the length, 0 when s is not valid UTF-8 or does not fit. */
size_t dyad__place_fold(const char *s, size_t n, char *out, size_t cap);
/* The senses of key (NUL-terminated): *out is the first, the count is
 * returned (0: none, *out NULL).  Thread-safe. */
size_t dyad__places_find(const dyad_places *p, const char *key, const dyad__place **out);
/* The gazetteer of dir (NULL: the built-in one) compiled into path, the
 * form dyad_places_new reads when it finds DIR/places.bin made from the
 * tables now in DIR (tools/places_compile.c writes the built-in one). */
dyad_status dyad__places_compile(const char *dir, const char *path, dyad__err *err);
/* Nonzero when p was read from a compiled file. */
int dyad__places_is_compiled(const dyad_places *p);
/* Writes the length and checksum fields of a compiled gazetteer of len
 * bytes in buf (the compiler does; tests re-seal damaged copies). */
void dyad__places_seal(void *buf, size_t len);
/* Nonzero when code is a country of p (countries.tsv or an overlay
 * country). */
int dyad__places_country_ok(const dyad_places *p, const char *code);
/* The most words of any key. */
unsigned dyad__places_max_words(const dyad_places *p);
/* The built-in gazetteer (DYAD_BUILTIN_PLACES_DIR), loaded once per
 * process by the first caller; NULL when it cannot be loaded. */
const dyad_places *dyad__places_builtin(void);

/* The key word of pattern id (see dyad__pattern.key; UINT32_MAX, a
 * word no sentence has, also for a pattern coded "+++" once compiled);
 * 0 for none or an id out of range.  The coder skips a pattern whose key
 * word the sentence lacks without fetching it (inline: it asks for every
 * pattern of a verb's block). */
static inline uint32_t dyad__dict_pattern_key(const dyad_dict *d, unsigned id)
{
    if (!d || id == 0 || id >= d->npats) return 0;
    return d->patkey ? d->patkey[id] : d->pats[id].key;
}

/* May a phrase of kinds (DYAD_DICT_MASK bits of actors, agents, discards,
 * issues) begin with the word of id?  0 only when none can: the first
 * test of dyad_dict_match_at_ids, inline for a caller that asks at every
 * word of a sentence. */
static inline int dyad__dict_may_start(const dyad_dict *d, unsigned kinds, unsigned id)
{
    return !d->wbits || (id < d->nwbits && (d->wbits[id] & kinds));
}

/* The kind (dyad_dict_kind) of entry id, or -1 where dyad_dict_entry_get
 * finds none (0, past the last, a synset member): for a caller that reads
 * only the kind, without filling the whole entry. */
static inline int dyad__dict_entry_kind(const dyad_dict *d, unsigned id)
{
    return id == 0 || id >= d->nent || d->ent[id].kind == DYAD__KIND_SYNSET ? -1 : d->ent[id].kind;
}

/* The first-word index's byte of word id: DYAD_DICT_MASK bits of the
 * kinds of phrase and DYAD__WB_SYNSET when a synset member may begin
 * with it (all set without an index), for a caller that keeps it per
 * word: dyad__dict_may_start(d, kinds, id) is (dyad__dict_wbits(d, id) &
 * kinds) != 0, dyad__word_may_begin_synset(d, id) is (... &
 * DYAD__WB_SYNSET) != 0. */
static inline unsigned dyad__dict_wbits(const dyad_dict *d, unsigned id)
{
    return !d->wbits ? 0xFFu : id < d->nwbits ? d->wbits[id] : 0u;
}

/* The largest word id of d (its words are 1 to this). */
static inline size_t dyad__dict_word_count(const dyad_dict *d)
{
    return d ? d->strs.n : 0;
}

#endif /* DYAD_DICT_H */
