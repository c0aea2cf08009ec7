/*
 * match.c -- lookups on a compiled dictionary (dictionary stage): phrase
 * matching in the actor, agent, discard and issue tries (with blank
 * connectors as gaps and TABARI stems on request), verb forms with their
 * particles, synset members (nested synsets expanded), and the diagnostic
 * lookup behind `dyad dict lookup`, which also tries a verb's patterns on
 * the words around it.  What must stay true: nothing here writes to the
 * dictionary, so any number of threads may match at once; every search
 * is bounded (a step budget) whatever the input.
 */
#include "dict.h"

#include <stdlib.h>
#include <string.h>

#define MATCH_KEEP 512        /* matches collected before sorting */
#define MATCH_BUDGET 200000   /* trie steps for one call */
#define ID_CACHE 256          /* text words whose ids are cached */
#define NO_ID 0xFFFFFFFFu

typedef struct mctx {
    const dyad_dict *d;
    const dyad_dict_word *w;
    size_t n;
    uint32_t ids[ID_CACHE];
    unsigned flags;
    size_t start;
    unsigned kinds;
    dyad_dict_match keep[MATCH_KEEP];
    size_t nkeep, total;
    long budget;
} mctx;

static uint32_t S_id(mctx *m, size_t i)
{
    if (i < ID_CACHE) {
        if (m->ids[i] == NO_ID) m->ids[i] = dyad__dict_word(m->d, m->w[i].s, m->w[i].len);
        return m->ids[i];
    }
    return dyad__dict_word(m->d, m->w[i].s, m->w[i].len);
}

static void S_init(mctx *m, const dyad_dict *d, const dyad_dict_word *w, size_t n)
{
    m->d = d;
    m->w = w;
    m->n = n;
    size_t k = n < ID_CACHE ? n : ID_CACHE;
    for (size_t i = 0; i < k; i++) m->ids[i] = NO_ID;
    m->nkeep = m->total = 0;
    m->budget = MATCH_BUDGET;
}

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
 * prefix of it and that end an open-ended entry. */
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

static int S_written(const dyad_dict *d, uint32_t e)
{
    return !(d->ent[e].flags & DYAD_DICT_F_GENERATED);
}

/* Longest first, then by start, then load order. */
static int S_cmp_match(const void *a, const void *b)
{
    const dyad_dict_match *x = a, *y = b;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly) return lx > ly ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->entry != y->entry) return x->entry < y->entry ? -1 : 1;
    return 0;
}

/* qsort has no context argument: sort by length and entry id, then move
 * written entries ahead of generated ones within each length with a
 * stable pass. */
static void S_sort(const dyad_dict *d, dyad_dict_match *v, size_t n)
{
    qsort(v, n, sizeof *v, S_cmp_match);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && v[j].end - v[j].start == v[i].end - v[i].start && v[j].start == v[i].start)
            j++;
        /* stable partition of v[i..j) */
        dyad_dict_match tmp[MATCH_KEEP];
        size_t k = 0;
        for (size_t t = i; t < j; t++)
            if (S_written(d, v[t].entry)) tmp[k++] = v[t];
        for (size_t t = i; t < j; t++)
            if (!S_written(d, v[t].entry)) tmp[k++] = v[t];
        memcpy(v + i, tmp, (j - i) * sizeof *v);
        i = j;
    }
}

static size_t S_out(mctx *m, dyad_dict_match *out, size_t max)
{
    S_sort(m->d, m->keep, m->nkeep);
    size_t k = m->nkeep < max ? m->nkeep : max;
    if (out && k) memcpy(out, m->keep, k * sizeof *out);
    return m->total;
}

size_t dyad_dict_match_at(const dyad_dict *d, unsigned kinds, const dyad_dict_word *words,
                          size_t n, size_t start, unsigned flags, dyad_dict_match *out,
                          size_t max)
{
    if (!d || !d->compiled || !words || start >= n) return 0;
    mctx *m = malloc(sizeof *m);
    if (!m) return 0;
    S_init(m, d, words, n);
    m->flags = flags;
    m->start = start;
    m->kinds = kinds;
    for (int k = DYAD_DICT_ACTORS; k < DYAD_DICT_NKINDS; k++)
        if (kinds & DYAD_DICT_MASK(k)) S_walk(m, d->roots[k], start, 0);
    size_t total = S_out(m, out, max);
    free(m);
    return total;
}

size_t dyad_dict_match_verb(const dyad_dict *d, const dyad_dict_word *words, size_t n,
                            size_t verb, dyad_dict_match *out, size_t max)
{
    if (!d || !d->compiled || !words || verb >= n) return 0;
    mctx *m = malloc(sizeof *m);
    if (!m) return 0;
    S_init(m, d, words, n);
    uint32_t id = S_id(m, verb);
    uint32_t node = id ? dyad__map_get(&d->map, dyad__edge_key(d->roots[DYAD_DICT_VERBS], id, 1))
                       : 0;
    for (uint32_t e = node ? d->nfirst[node] : 0; e; e = d->ent[e].next) {
        const dyad__entry *x = &d->ent[e];
        size_t vi = x->aux;
        if (vi > verb || verb - vi + x->nwords > n) continue;
        size_t first = verb - vi, ok = 1;
        for (size_t k = 0; k < x->nwords && ok; k++)
            if (k != vi && S_id(m, first + k) != d->wid[x->words + k]) ok = 0;
        if (ok) S_emit(m, e, first, first + x->nwords);
    }
    size_t total = S_out(m, out, max);
    free(m);
    return total;
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
        ends sub = {{0}, 0};
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

static int S_cmp_desc(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

size_t dyad_dict_synset_match(const dyad_dict *d, unsigned id, const dyad_dict_word *words,
                              size_t n, size_t start, size_t *out, size_t max)
{
    if (!d || !d->compiled || !words || start >= n) return 0;
    mctx *m = malloc(sizeof *m);
    if (!m) return 0;
    S_init(m, d, words, n);
    ends E = {{0}, 0};
    S_syn(m, id, start, &E, 0);
    free(m);
    qsort(E.v, E.n, sizeof *E.v, S_cmp_desc);
    for (size_t i = 0; i < E.n && i < max; i++) out[i] = E.v[i];
    return E.n;
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
    size_t total = 0;
    dyad_dict_match ms[64];
    /* nouns: the whole phrase */
    for (int k = DYAD_DICT_ACTORS; k < DYAD_DICT_NKINDS; k++) {
        size_t c = dyad_dict_match_at(d, DYAD_DICT_MASK(k), w, n, 0, DYAD_MATCH_GAPS, ms, 64);
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
    mctx *m = malloc(sizeof *m);
    if (!m) return total;
    for (size_t v = 0; v < n; v++) {
        size_t c = dyad_dict_match_verb(d, w, n, v, ms, 64);
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
                S_init(m, d, w, n);
                pctx P = {m, d->pelems + pat->elems, pat->nelems};
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
    free(m);
    return total;
}
