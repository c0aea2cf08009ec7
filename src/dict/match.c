/*
 * match.c -- lookups on a compiled dictionary (dictionary stage): phrase
 * matching in the actor, agent, discard and issue tries (with blank
 * connectors as gaps and TABARI stems on request), verb forms with their
 * particles, synset members (nested synsets expanded), and the diagnostic
 * lookup behind `dyad dict lookup`, which also tries a verb's patterns on
 * the words around it.  Each lookup has one code path, on word ids: the
 * *_ids entry points take the ids from the caller, the text ones
 * canonicalise each word the first time the search reaches it.  Compile
 * builds a per-word index (dyad__match_index) of the tries a word can
 * begin a phrase in, so most positions are turned down with one byte read.
 * What must stay true: after compile nothing here writes to the
 * dictionary, and a lookup allocates nothing (its scratch is on the
 * stack), so any number of threads may match at once; every search is
 * bounded (a step budget) whatever the input; results come out in the
 * documented order.
 */
#include "dict.h"

#include <stdlib.h>
#include <string.h>

#define MATCH_KEEP 512        /* matches collected before ranking */
#define MATCH_BUDGET 200000   /* trie steps for one call */
#define ID_CACHE 256          /* text words whose ids are cached */
#define NO_ID 0xFFFFFFFFu
#define NOUN_KINDS                                                                 \
    (DYAD_DICT_MASK(DYAD_DICT_ACTORS) | DYAD_DICT_MASK(DYAD_DICT_AGENTS) |         \
     DYAD_DICT_MASK(DYAD_DICT_DISCARDS) | DYAD_DICT_MASK(DYAD_DICT_ISSUES))

/* One lookup.  The word ids of the text come from ids (the *_ids entry
 * points) or from the text words w, canonicalised on first use (the first
 * ID_CACHE of them cached).  Stems need the text, so only text lookups
 * have them. */
typedef struct mctx {
    const dyad_dict *d;
    const unsigned *ids;        /* id mode, or NULL */
    const dyad_dict_word *w;    /* text mode, or NULL */
    size_t n;
    unsigned flags;
    size_t start;
    unsigned kinds;
    dyad_dict_match *keep;      /* MATCH_KEEP slots on the caller's stack */
    size_t nkeep, total;
    long budget;
    uint32_t cache[ID_CACHE];   /* text mode: ids of w[i], NO_ID unknown */
} mctx;

/* Index bits of word id (see dyad__match_index); every bit when the
 * index could not be built. */
static inline unsigned S_wb(const dyad_dict *d, uint32_t id)
{
    if (!d->wbits) return 0xFFu;
    return id < d->nwbits ? d->wbits[id] : 0u;
}

static uint32_t S_text_id(mctx *m, size_t i)
{
    if (i < ID_CACHE) {
        if (m->cache[i] == NO_ID) m->cache[i] = dyad__dict_word(m->d, m->w[i].s, m->w[i].len);
        return m->cache[i];
    }
    return dyad__dict_word(m->d, m->w[i].s, m->w[i].len);
}

/* Word id of text word i (0: no dictionary word; ids from the caller that
 * are out of range count as 0). */
static inline uint32_t S_id(mctx *m, size_t i)
{
    if (m->ids) {
        unsigned id = m->ids[i];
        return id <= m->d->strs.n ? id : 0;
    }
    return S_text_id(m, i);
}

static void S_init_ids(mctx *m, const dyad_dict *d, const unsigned *ids, size_t n)
{
    m->d = d;
    m->ids = ids;
    m->w = NULL;
    m->n = n;
    m->flags = 0;
    m->start = 0;
    m->kinds = 0;
    m->keep = NULL;
    m->nkeep = m->total = 0;
    m->budget = MATCH_BUDGET;
}

static void S_init_text(mctx *m, const dyad_dict *d, const dyad_dict_word *w, size_t n)
{
    S_init_ids(m, d, NULL, n);
    m->w = w;
    size_t k = n < ID_CACHE ? n : ID_CACHE;
    for (size_t i = 0; i < k; i++) m->cache[i] = NO_ID;
}

/* Id mode, before any set-up: can word ids[i] begin anything in bits?
 * (The searches check again; this only turns most positions down
 * early.) */
static inline int S_quick(const dyad_dict *d, const unsigned *ids, size_t i, unsigned bits)
{
    unsigned id = ids[i];
    if (!d->wbits) return 1;
    return id < d->nwbits && (d->wbits[id] & bits);
}

/* ------------------------------------------------------ the lookup index
 * wbits[id]: which tries the word id begins a phrase in (a root edge on
 * it), and whether it begins a member of any synset; synfirst: per
 * synset, a 256-bit filter of those first words.  A member that begins
 * with a reference to another synset begins the way that synset's
 * members do, so its filter takes that synset's (a fixed point: nesting
 * is acyclic and at most 16 deep once compile has checked it). */

static void S_synf_set(uint64_t *f, uint32_t id)
{
    uint32_t b = DYAD__SYNF_BIT(id);
    f[b >> 6] |= (uint64_t)1 << (b & 63);
}

dyad_status dyad__match_index(dyad_dict *d)
{
    free(d->wbits);
    free(d->synfirst);
    d->wbits = NULL;
    d->synfirst = NULL;
    d->nwbits = 0;
    size_t nw = d->strs.n + 1, ns = d->nsyns ? d->nsyns : 1;
    uint8_t *wb = calloc(nw, 1);
    uint64_t *sf = calloc(ns * DYAD__SYNF_WORDS, sizeof *sf);
    uint32_t *rs = calloc(d->nnodes + 1, sizeof *rs); /* per node: synset rooted there */
    if (!wb || !sf || !rs) {
        free(wb);
        free(sf);
        free(rs);
        return DYAD_ENOMEM;
    }
    for (size_t s = 1; s < d->nsyns; s++)
        if (d->syns[s].root && d->syns[s].root <= d->nnodes) rs[d->syns[s].root] = (uint32_t)s;
    /* edges leaving a root: (root << 32) | (word << 1) | adjacent */
    for (size_t i = 0; i < d->map.cap; i++) {
        uint64_t key = dyad__mslot_key(&d->map.slots[i]);
        if (!key || (key >> 63)) continue;
        uint64_t node = key >> 32;
        uint32_t word = (uint32_t)key >> 1;
        if (node > d->nnodes || word >= nw) continue;
        for (int k = 1; k < DYAD_DICT_NKINDS; k++)
            if (node == d->roots[k]) wb[word] |= (uint8_t)DYAD_DICT_MASK(k);
        if (rs[node]) {
            wb[word] |= DYAD__WB_SYNSET;
            S_synf_set(sf + rs[node] * DYAD__SYNF_WORDS, word);
        }
    }
    /* members with synset references: a first literal word, or the first
     * words of the synset referred to */
    int changed = 1;
    for (int pass = 0; changed && pass < 64; pass++) {
        changed = 0;
        for (size_t s = 1; s < d->nsyns; s++) {
            uint64_t *f = sf + s * DYAD__SYNF_WORDS;
            for (uint32_t e = d->syns[s].first_complex; e; e = d->ent[e].next) {
                const dyad__entry *x = &d->ent[e];
                if (!x->nwords) continue;
                uint32_t w = d->wid[x->words];
                if (!(d->wadj[x->words] & 2)) {
                    if (w < nw) wb[w] |= DYAD__WB_SYNSET;
                    S_synf_set(f, w);
                    continue;
                }
                if (w == 0 || w >= d->nsyns) continue;
                const uint64_t *g = sf + (size_t)w * DYAD__SYNF_WORDS;
                for (int k = 0; k < DYAD__SYNF_WORDS; k++)
                    if (g[k] & ~f[k]) {
                        f[k] |= g[k];
                        changed = 1;
                    }
            }
        }
    }
    if (changed) /* not settled (cannot happen after compile's checks): no filter */
        memset(sf, 0xFF, ns * DYAD__SYNF_WORDS * sizeof *sf);
    wb[0] = 0;
    free(rs);
    d->wbits = wb;
    d->nwbits = nw;
    d->synfirst = sf;
    return DYAD_OK;
}

/* ------------------------------------------------------------- phrases */

static void S_emit(mctx *m, uint32_t entry, size_t start, size_t end)
{
    for (size_t i = 0; i < m->nkeep; i++)
        if (m->keep[i].entry == entry && m->keep[i].start == start && m->keep[i].end == end)
            return;
    m->total++;
    if (m->nkeep < MATCH_KEEP) {
        m->keep[m->nkeep].entry = entry;
        m->keep[m->nkeep].start = start;
        m->keep[m->nkeep].end = end;
        m->nkeep++;
    }
}

static void S_emit_node(mctx *m, uint32_t node, size_t end, int open_only)
{
    const dyad_dict *d = m->d;
    for (uint32_t e = d->nfirst[node]; e; e = d->ent[e].next) {
        const dyad__entry *x = &d->ent[e];
        if (!(m->kinds & DYAD_DICT_MASK(x->kind))) continue;
        if (open_only && !(x->flags & DYAD_DICT_F_OPEN_END)) continue;
        S_emit(m, e, m->start, end);
    }
}

/* Text word at pos as a stem: children of node whose word is a proper
 * prefix of it and that end an open-ended entry.  Text mode only. */
static void S_stems(mctx *m, uint32_t node, size_t pos)
{
    const dyad_dict *d = m->d;
    char buf[256];
    size_t k = dyad__dict_canon(m->w[pos].s, m->w[pos].len, buf, sizeof buf);
    for (size_t l = k; l-- > 1;) {
        if (((unsigned char)buf[l] & 0xC0) == 0x80) continue; /* inside a UTF-8 char */
        uint32_t id = dyad__dict_find(d, buf, l);
        if (!id) continue;
        for (int adj = 0; adj < 2; adj++) {
            uint32_t c = dyad__map_get(&d->map, dyad__edge_key(node, id, adj));
            if (c && (d->nflags[c] & DYAD__N_OPEN)) S_emit_node(m, c, pos + 1, 1);
        }
    }
}

static void S_walk(mctx *m, uint32_t node, size_t pos, int depth)
{
    const dyad_dict *d = m->d;
    if (--m->budget < 0) return;
    if (depth > 0) S_emit_node(m, node, pos, 0);
    if (pos >= m->n) return;
    uint8_t fl = d->nflags[node];
    if (!(fl & (DYAD__N_ADJ | DYAD__N_GAP)) && !(m->flags & DYAD_MATCH_STEMS)) return;
    uint32_t id = S_id(m, pos);
    if (id) {
        if (fl & DYAD__N_ADJ) {
            uint32_t c = dyad__map_get(&d->map, dyad__edge_key(node, id, 1));
            if (c) S_walk(m, c, pos + 1, depth + 1);
        }
        if (fl & DYAD__N_GAP) {
            uint32_t c = dyad__map_get(&d->map, dyad__edge_key(node, id, 0));
            if (c) S_walk(m, c, pos + 1, depth + 1);
        }
    }
    if ((m->flags & DYAD_MATCH_GAPS) && (fl & DYAD__N_GAP) && depth > 0) {
        for (size_t j = pos + 1; j < m->n && m->budget > 0; j++) {
            uint32_t idj = S_id(m, j);
            if (!idj) continue;
            uint32_t c = dyad__map_get(&d->map, dyad__edge_key(node, idj, 0));
            if (c) S_walk(m, c, j + 1, depth + 1);
        }
    }
    if (m->flags & DYAD_MATCH_STEMS) S_stems(m, node, pos);
}

/* Does x rank before y?  Longest first, then by start, then entries
 * written in a file before generated ones, then load order (a strict
 * total order on distinct matches). */
static int S_before(const dyad_dict *d, const dyad_dict_match *x, const dyad_dict_match *y)
{
    size_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly) return lx > ly;
    if (x->start != y->start) return x->start < y->start;
    int gx = (d->ent[x->entry].flags & DYAD_DICT_F_GENERATED) != 0;
    int gy = (d->ent[y->entry].flags & DYAD_DICT_F_GENERATED) != 0;
    if (gx != gy) return gx < gy;
    return x->entry < y->entry;
}

/* Writes the first max kept matches in rank order to out (an insertion
 * into out of each kept match that ranks among the first max) and
 * returns the total. */
static size_t S_out(const mctx *m, dyad_dict_match *out, size_t max)
{
    const dyad_dict *d = m->d;
    if (!out) max = 0;
    size_t k = 0;
    for (size_t i = 0; i < m->nkeep; i++) {
        const dyad_dict_match *x = &m->keep[i];
        size_t j;
        if (k < max) j = k++;
        else if (max && S_before(d, x, &out[max - 1])) j = max - 1;
        else continue;
        while (j > 0 && S_before(d, x, &out[j - 1])) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = *x;
    }
    return m->total;
}

/* Can a phrase of the kinds begin with text word start?  (Without stems a
 * phrase's first word must be the text word itself.) */
static inline int S_may_start(mctx *m, unsigned kinds, size_t start, unsigned flags)
{
    if ((flags & DYAD_MATCH_STEMS) && m->w) return 1;
    return (S_wb(m->d, S_id(m, start)) & kinds) != 0;
}

static size_t S_match_at(mctx *m, unsigned kinds, size_t start, unsigned flags,
                         dyad_dict_match *out, size_t max)
{
    kinds &= NOUN_KINDS;
    if (!m->w) flags &= ~DYAD_MATCH_STEMS;
    if (!kinds || !S_may_start(m, kinds, start, flags)) return 0;
    dyad_dict_match keep[MATCH_KEEP];
    m->keep = keep;
    m->nkeep = m->total = 0;
    m->budget = MATCH_BUDGET;
    m->flags = flags;
    m->start = start;
    m->kinds = kinds;
    /* a kind whose trie has no edge from its root for the first word
     * (the index's bit for that kind is clear) is not walked: such a walk
     * would only spend its one step of the budget */
    unsigned first = (flags & DYAD_MATCH_STEMS) ? 0xFFu : S_wb(m->d, S_id(m, start));
    for (int k = DYAD_DICT_ACTORS; k < DYAD_DICT_NKINDS; k++) {
        if (!(kinds & DYAD_DICT_MASK(k))) continue;
        if (!(first & DYAD_DICT_MASK(k))) {
            m->budget--;
            continue;
        }
        S_walk(m, m->d->roots[k], start, 0);
    }
    size_t total = S_out(m, out, max);
    m->keep = NULL;
    return total;
}

size_t dyad_dict_match_at(const dyad_dict *d, unsigned kinds, const dyad_dict_word *words,
                          size_t n, size_t start, unsigned flags, dyad_dict_match *out,
                          size_t max)
{
    if (!d || !d->compiled || !words || start >= n) return 0;
    mctx m;
    S_init_text(&m, d, words, n);
    return S_match_at(&m, kinds, start, flags, out, max);
}

size_t dyad_dict_match_at_ids(const dyad_dict *d, unsigned kinds, const unsigned *ids, size_t n,
                              size_t start, unsigned flags, dyad_dict_match *out, size_t max)
{
    if (!d || !d->compiled || !ids || start >= n || !S_quick(d, ids, start, kinds & NOUN_KINDS))
        return 0;
    mctx m;
    S_init_ids(&m, d, ids, n);
    return S_match_at(&m, kinds, start, flags, out, max);
}

/* ------------------------------------------------------------------ verbs */

static size_t S_match_verb(mctx *m, size_t verb, dyad_dict_match *out, size_t max)
{
    const dyad_dict *d = m->d;
    uint32_t id = S_id(m, verb);
    if (!id || !(S_wb(d, id) & DYAD_DICT_MASK(DYAD_DICT_VERBS))) return 0;
    uint32_t node = dyad__map_get(&d->map, dyad__edge_key(d->roots[DYAD_DICT_VERBS], id, 1));
    if (!node || !d->nfirst[node]) return 0;
    dyad_dict_match keep[MATCH_KEEP];
    m->keep = keep;
    m->nkeep = m->total = 0;
    for (uint32_t e = d->nfirst[node]; e; e = d->ent[e].next) {
        const dyad__entry *x = &d->ent[e];
        size_t vi = x->aux;
        if (vi > verb || verb - vi + x->nwords > m->n) continue;
        size_t first = verb - vi, ok = 1;
        for (size_t k = 0; k < x->nwords && ok; k++)
            if (k != vi && S_id(m, first + k) != d->wid[x->words + k]) ok = 0;
        if (ok) S_emit(m, e, first, first + x->nwords);
    }
    size_t total = S_out(m, out, max);
    m->keep = NULL;
    return total;
}

size_t dyad_dict_match_verb(const dyad_dict *d, const dyad_dict_word *words, size_t n,
                            size_t verb, dyad_dict_match *out, size_t max)
{
    if (!d || !d->compiled || !words || verb >= n) return 0;
    mctx m;
    S_init_text(&m, d, words, n);
    return S_match_verb(&m, verb, out, max);
}

size_t dyad_dict_match_verb_ids(const dyad_dict *d, const unsigned *ids, size_t n, size_t verb,
                                dyad_dict_match *out, size_t max)
{
    if (!d || !d->compiled || !ids || verb >= n ||
        !S_quick(d, ids, verb, DYAD_DICT_MASK(DYAD_DICT_VERBS)))
        return 0;
    mctx m;
    S_init_ids(&m, d, ids, n);
    return S_match_verb(&m, verb, out, max);
}

/* --------------------------------------------------------------- synsets */

typedef struct ends {
    size_t v[64];
    size_t n;
} ends;

static void S_end_add(ends *E, size_t e)
{
    for (size_t i = 0; i < E->n; i++)
        if (E->v[i] == e) return;
    if (E->n < 64) E->v[E->n++] = e;
}

static void S_syn(mctx *m, uint32_t sid, size_t start, ends *E, int depth);

/* Member e (with synset references) from its element k at word pos; the
 * member started at word from. */
static void S_complex(mctx *m, uint32_t e, size_t k, size_t pos, size_t from, ends *E,
                      int depth)
{
    const dyad_dict *d = m->d;
    const dyad__entry *x = &d->ent[e];
    if (--m->budget < 0) return;
    if (k == x->nwords) {
        if (pos > from) S_end_add(E, pos);
        return;
    }
    uint32_t w = d->wid[x->words + k];
    if (d->wadj[x->words + k] & 2) {
        ends sub;
        sub.n = 0;
        S_syn(m, w, pos, &sub, depth + 1);
        for (size_t i = 0; i < sub.n; i++) S_complex(m, e, k + 1, sub.v[i], from, E, depth);
        return;
    }
    if (pos < m->n && S_id(m, pos) == w) S_complex(m, e, k + 1, pos + 1, from, E, depth);
}

static void S_syn(mctx *m, uint32_t sid, size_t start, ends *E, int depth)
{
    const dyad_dict *d = m->d;
    if (sid == 0 || sid >= d->nsyns || depth > 20) return;
    /* every member begins with a word that begins some member of sid */
    if (start >= m->n) return;
    uint32_t first = S_id(m, start);
    if (!(S_wb(d, first) & DYAD__WB_SYNSET)) return;
    if (d->synfirst) {
        uint32_t b = DYAD__SYNF_BIT(first);
        if (!(d->synfirst[sid * DYAD__SYNF_WORDS + (b >> 6)] & ((uint64_t)1 << (b & 63)))) return;
    }
    const dyad__synset *y = &d->syns[sid];
    uint32_t node = y->root;
    for (size_t pos = start; node && m->budget-- > 0; pos++) {
        if (pos > start && d->nfirst[node]) S_end_add(E, pos);
        if (pos >= m->n) break;
        uint32_t id = S_id(m, pos);
        node = id ? dyad__map_get(&d->map, dyad__edge_key(node, id, 1)) : 0;
    }
    for (uint32_t e = y->first_complex; e; e = d->ent[e].next)
        S_complex(m, e, 0, start, start, E, depth);
}

/* Ends of the members of synset sid from word start, longest first. */
static size_t S_synset_match(mctx *m, unsigned sid, size_t start, size_t *out, size_t max)
{
    ends E;
    E.n = 0;
    S_syn(m, sid, start, &E, 0);
    for (size_t i = 1; i < E.n; i++) {
        size_t v = E.v[i], j = i;
        for (; j > 0 && E.v[j - 1] < v; j--) E.v[j] = E.v[j - 1];
        E.v[j] = v;
    }
    if (!out) max = 0;
    for (size_t i = 0; i < E.n && i < max; i++) out[i] = E.v[i];
    return E.n;
}

size_t dyad_dict_synset_match(const dyad_dict *d, unsigned id, const dyad_dict_word *words,
                              size_t n, size_t start, size_t *out, size_t max)
{
    if (!d || !d->compiled || !words || start >= n) return 0;
    mctx m;
    S_init_text(&m, d, words, n);
    return S_synset_match(&m, id, start, out, max);
}

size_t dyad_dict_synset_match_ids(const dyad_dict *d, unsigned id, const unsigned *ids, size_t n,
                                  size_t start, size_t *out, size_t max)
{
    if (!d || !d->compiled || !ids || start >= n || !S_quick(d, ids, start, DYAD__WB_SYNSET))
        return 0;
    mctx m;
    S_init_ids(&m, d, ids, n);
    return S_synset_match(&m, id, start, out, max);
}

/* ---------------------------------------------------- diagnostic lookup */

typedef struct pctx {
    mctx *m;
    const dyad_pat_elem *el;
    size_t ne;
} pctx;

static int S_slot(int kind)
{
    return kind == DYAD_PAT_SOURCE || kind == DYAD_PAT_TARGET || kind == DYAD_PAT_COMPOUND ||
           kind == DYAD_PAT_SKIP;
}

static int S_bracket(int kind) { return kind >= DYAD_PAT_NP_BEGIN; }

static int S_syn_at(pctx *P, uint32_t sid, size_t start, ends *E)
{
    E->n = 0;
    if (start >= P->m->n) return 0;
    S_syn(P->m, sid, start, E, 0);
    return (int)E->n;
}

/* Elements after the verb, left to right, from element k at word p. */
static int S_post(pctx *P, size_t k, size_t p, int free_)
{
    if (--P->m->budget < 0) return 0;
    while (k < P->ne && S_bracket(P->el[k].kind)) k++;
    if (k >= P->ne) return 1;
    const dyad_pat_elem *e = &P->el[k];
    if (S_slot(e->kind)) return S_post(P, k + 1, p, 1);
    int must = e->adjacent && !free_;
    for (size_t q = p; q < P->m->n; q++) {
        if (e->kind == DYAD_PAT_WORD) {
            if (S_id(P->m, q) == e->id && S_post(P, k + 1, q + 1, 0)) return 1;
        } else if (e->kind == DYAD_PAT_SYNSET) {
            ends E;
            S_syn_at(P, e->id, q, &E);
            for (size_t i = 0; i < E.n; i++)
                if (S_post(P, k + 1, E.v[i], 0)) return 1;
        }
        if (must || P->m->budget < 0) break;
    }
    return 0;
}

/* Elements before the verb, right to left: element k must end at p (or
 * before, unless it is joined to its right neighbour). */
static int S_pre(pctx *P, long k, size_t p, int free_)
{
    if (--P->m->budget < 0) return 0;
    while (k >= 0 && S_bracket(P->el[k].kind)) k--;
    if (k < 0) return 1;
    const dyad_pat_elem *e = &P->el[k];
    if (S_slot(e->kind)) return S_pre(P, k - 1, p, 1);
    size_t r = (size_t)k + 1;
    while (r < P->ne && S_bracket(P->el[r].kind)) r++;
    int must = r < P->ne && P->el[r].adjacent && !free_;
    for (size_t q = p; q > 0; q--) {
        if (e->kind == DYAD_PAT_WORD) {
            if (S_id(P->m, q - 1) == e->id && S_pre(P, k - 1, q - 1, 0)) return 1;
        } else if (e->kind == DYAD_PAT_SYNSET) {
            for (size_t s = q; s-- > 0;) {
                ends E;
                S_syn_at(P, e->id, s, &E);
                for (size_t i = 0; i < E.n; i++)
                    if (E.v[i] == q && S_pre(P, k - 1, s, 0)) return 1;
            }
        }
        if (must || P->m->budget < 0) break;
    }
    return 0;
}

size_t dyad_dict_lookup(const dyad_dict *d, const char *phrase, dyad_dict_hit *out, size_t max)
{
    if (!d || !d->compiled || !phrase) return 0;
    dyad__lexer lx;
    dyad__lexer_init(&lx);
    char buf[2048];
    dyad_dict_word w[DYAD__MAX_WORDS];
    size_t n = dyad__phrase_split(&lx, phrase, strlen(phrase), buf, sizeof buf, w, DYAD__MAX_WORDS);
    dyad__lexer_free(&lx);
    if (n == 0) return 0;
    unsigned ids[DYAD__MAX_WORDS];
    for (size_t i = 0; i < n; i++) ids[i] = dyad__dict_word(d, w[i].s, w[i].len);
    size_t total = 0;
    dyad_dict_match ms[64];
    /* nouns: the whole phrase */
    for (int k = DYAD_DICT_ACTORS; k < DYAD_DICT_NKINDS; k++) {
        size_t c = dyad_dict_match_at_ids(d, DYAD_DICT_MASK(k), ids, n, 0, DYAD_MATCH_GAPS, ms, 64);
        for (size_t i = 0; i < c && i < 64; i++) {
            if (ms[i].end != n) continue;
            if (out && total < max) {
                out[total].kind = (dyad_dict_kind)k;
                out[total].entry = ms[i].entry;
                out[total].pattern = 0;
                out[total].start = 0;
                out[total].end = n;
            }
            total++;
        }
    }
    /* verbs anywhere in the phrase, then their blocks' patterns */
    mctx m;
    for (size_t v = 0; v < n; v++) {
        size_t c = dyad_dict_match_verb_ids(d, ids, n, v, ms, 64);
        for (size_t i = 0; i < c && i < 64; i++) {
            const dyad__entry *x = &d->ent[ms[i].entry];
            if (out && total < max) {
                out[total].kind = DYAD_DICT_VERBS;
                out[total].entry = ms[i].entry;
                out[total].pattern = 0;
                out[total].start = ms[i].start;
                out[total].end = ms[i].end;
            }
            total++;
            const dyad__block *b = &d->blocks[x->group];
            for (uint32_t p = b->first_pattern; b->npatterns && p < b->first_pattern + b->npatterns;
                 p++) {
                const dyad__pattern *pat = &d->pats[p];
                S_init_ids(&m, d, ids, n);
                pctx P = {&m, d->pelems + pat->elems, pat->nelems};
                int ok = S_pre(&P, (long)pat->verb - 1, ms[i].start, 0) &&
                         S_post(&P, pat->verb + 1, ms[i].end, 0);
                if (!ok) continue;
                if (out && total < max) {
                    out[total].kind = DYAD_DICT_VERBS;
                    out[total].entry = ms[i].entry;
                    out[total].pattern = p;
                    out[total].start = ms[i].start;
                    out[total].end = ms[i].end;
                }
                total++;
            }
        }
    }
    return total;
}
