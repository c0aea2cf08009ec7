/*
 * patterns.c -- verbs and their patterns: word ids and synsets of the
 * sentence's tokens, the matcher of a verb block's patterns around a verb
 * group, and the CAMEO properties rules branch on (intent counterpart,
 * symmetric, force, judgement, one-sided) read from the CAMEO table.
 * Invariant: reads the dictionary and the tree only; per-sentence tables
 * live in the coder's arena.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Matches elements e[k..n) going in direction dir (+1 forward from pos,
 * -1 backward ending before pos), within [lo, hi).  adj: the element
 * must sit right at pos.  Backtracks over gaps. */
#define MAX_GAP 40

static const dyad_cameo_info *S_cameo_row(const char *code);

/* The CAMEO table's traits (data/cameo/cameo.tsv) of code's own row, 0
 * when it has none. */
static unsigned S_traits(const char *code)
{
    const dyad_cameo_info *ci = NULL;
    return code && dyad_cameo_lookup(code, &ci) == DYAD_OK && ci ? ci->traits : 0;
}

/* Codes whose object is often a deed rather than a party: judged acts,
 * and sanctions or coercion aimed at what a party did (the table's trait
 * "judgement", of the code's row or its nearest parent's: 051, 11x, 12x,
 * 16x, 17x). */
int dyad__judgement(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_JUDGEMENT);
}

/* Acts that need no second party (the table's trait "one_sided", of the
 * code's row or its nearest parent's: protests, force postures, a
 * declared truce, demobilising, surrender, curfews, emergency rule). */
int dyad__one_sided(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_ONE_SIDED);
}

/* Acts whose doer the news often cannot name (the table's trait
 * "no_doer": bombings, assassinations and attempts at them). */
int dyad__no_doer(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_NO_DOER);
}

/* Acts on the actor's own polity as a whole (reform, concessions). */
int dyad__inward(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_INWARD);
}

/* Acts addressed to those who rule the actor's country (demands for
 * reform). */
int dyad__to_rulers(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_TO_RULERS);
}

/* Administrative measures that bind the people of the place they are
 * imposed on (curfews, emergency rule, bans; easing them). */
int dyad__binds(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_BINDS);
}

/* Acts whose place is a venue, not a party ("protested in Paris"). */
int dyad__venue(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_VENUE);
}

/* The widest noun phrase starting at token i (for $ + % ^), NONE if
 * none; precomputed per sentence. */
static uint32_t S_np_at(const dyad_coder *c, uint32_t i)
{
    return i < c->tree.ntoks ? c->np_from[i] : NONE;
}

/* Which members of synset id match from token start, as a bit set of
 * their lengths (bit k: a member of k + 1 words).  (A per-sentence memo
 * was tried: since the id lookups reject by first word it costs more than
 * it saves.) */
static uint32_t S_synset_lens_at(dyad_coder *c, unsigned id, uint32_t start)
{
    size_t ends[16];
    size_t m = dyad_dict_synset_match_ids(c->d, id, c->wid, c->tree.ntoks, start, ends, 16);
    uint32_t lens = 0;
    for (size_t q = 0; q < m && q < 16; q++)
        if (ends[q] > start && ends[q] - start <= 32) lens |= 1u << (ends[q] - start - 1);
    return lens;
}
/* dyad__synset_lens past its first test: through the sentence's table */
static uint32_t S_synset_lens_memo(dyad_coder *c, unsigned id, uint32_t start)
{
    uint32_t n = c->tree.ntoks;
    uint32_t h = (id * 2654435761u) & (SYN_SLOTS - 1);
    for (int probe = 0; probe < SYN_SLOTS; probe++, h = (h + 1) & (SYN_SLOTS - 1)) {
        struct synlens *sl = &c->syn[h];
        int empty = sl->gen != c->syn_gen;   /* an earlier sentence's */
        if (!empty && sl->id != id) continue;
        if (empty) {
            uint32_t *v = dyad__arena_alloc(&c->arena, (size_t)n * sizeof *v);
            if (!v) return S_synset_lens_at(c, id, start);
            memset(v, 0xff, (size_t)n * sizeof *v);   /* not yet asked */
            sl->id = id;
            sl->gen = c->syn_gen;
            sl->lens = v;
        }
        if (sl->lens[start] == UINT32_MAX) sl->lens[start] = S_synset_lens_at(c, id, start) & 0x7fffffffu;
        return sl->lens[start];
    }
    return S_synset_lens_at(c, id, start);   /* table full */
}
/* Most places are turned down by the dictionary's first-word index: that
 * test is inline, where patterns ask at every place of a gap. */
static inline uint32_t S_synset_lens(dyad_coder *c, unsigned id, uint32_t start)
{
    if (start >= c->tree.ntoks || !(c->wb[start] & DYAD__WB_SYNSET) ||
        !dyad__synset_filter(c->d, id, c->wid[start]))
        return 0;
    return S_synset_lens_memo(c, id, start);
}
uint32_t dyad__synset_lens(dyad_coder *c, unsigned id, uint32_t start)
{
    return S_synset_lens(c, id, start);
}

/* The cache slot where w[0..n) is kept, if at all (NULL: too long or
 * empty to be kept); *key gets the word's key (wkey) for dyad__word_id.
 * With padded words on a little-endian machine, eight bytes a load. */
wslot *dyad__word_slot(dyad_coder *c, const char *w, size_t n, int padded, wkey *key)
{
    if (n == 0 || n > WCACHE_LEN) return NULL;
    _Static_assert(WCACHE_LEN <= DYAD__WORD_PAD, "a padded word's loads stay in its padding");
    uint64_t k0 = 0, k1 = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (padded) {
        /* the last load keeps only the word's own bytes */
        memcpy(&k0, w, 8);
        if (n <= 8) {
            k0 &= ~(uint64_t)0 >> (64 - 8 * n);
        } else {
            memcpy(&k1, w + 8, 8);
            k1 &= ~(uint64_t)0 >> (64 - 8 * (n - 8));
        }
    } else
#endif
    {
        unsigned char b[WCACHE_LEN] = {0};
        memcpy(b, w, n);
        memcpy(&k0, b, 8);
        memcpy(&k1, b + 8, 8);
    }
    (void)padded;
    key->k[0] = k0;
    key->k[1] = k1;
    /* multiplicative hashing: the product's top bits pick the slot */
    uint64_t h = (k0 ^ (k1 * 0xC2B2AE3D27D4EB4Fu)) * 0x9E3779B97F4A7C15u;
    _Static_assert(WCACHE_SIZE == 1u << 15, "the slot is the hash's top 15 bits");
    return &c->wcache[h >> (64 - 15)];
}

/* The word id of w[0..n) and (*lex) its lexicon lists, through its slot
 * and key (dyad__word_slot): one probe of the cache for a word seen
 * before. */
unsigned dyad__word_id(dyad_coder *c, wslot *sl, const wkey *key, const char *w, size_t n,
                       uint64_t *lex, uint8_t *wb)
{
    if (!sl) {
        *lex = dyad__lex_bits(c->lex, w, n);
        unsigned id = dyad_dict_word_id(c->d, w, n);
        *wb = (uint8_t)dyad__dict_wbits(c->d, id);
        return id;
    }
    if (sl->len == n && sl->key.k[0] == key->k[0] && sl->key.k[1] == key->k[1]) {
        *lex = sl->lex;
        *wb = sl->wb;
        return sl->id;
    }
    unsigned id = dyad_dict_word_id(c->d, w, n);
    sl->len = (unsigned char)n;
    sl->key = *key;
    sl->id = id;
    sl->wb = *wb = (uint8_t)dyad__dict_wbits(c->d, id);
    sl->lex = *lex = dyad__lex_bits(c->lex, w, n);
    return id;
}

static int S_word_is(const dyad_coder *c, uint32_t i, unsigned id)
{
    return id && c->wid[i] == id;
}

/* The smallest noun phrase holding token i (the first in node order of
 * those as small), or NONE.  With an index, by the token's ancestors:
 * the innermost noun phrase, or the outermost of a chain of noun phrases
 * of its span. */
static uint32_t S_np_around(const dyad_coder *c, uint32_t i)
{
    const dyad__tree *t = &c->tree;
    uint32_t np = NONE;
    if (c->gov && c->gov->ok && i < t->ntoks) {
        for (uint32_t q = t->toks[i].parent; q != NONE; q = t->nodes[q].parent) {
            const dyad__node *nd = &t->nodes[q];
            if (np != NONE && nd->tok_b - nd->tok_a > t->nodes[np].tok_b - t->nodes[np].tok_a) break;
            if (nd->label == DYAD__L_NP && nd->tok_a <= i && i < nd->tok_b) np = q;
        }
        return np;
    }
    for (uint32_t q = 0; q < t->nnodes; q++) {
        const dyad__node *nd = &t->nodes[q];
        if (nd->label == DYAD__L_NP && nd->tok_a <= i && i < nd->tok_b &&
            (np == NONE || nd->tok_b - nd->tok_a < t->nodes[np].tok_b - t->nodes[np].tok_a))
            np = q;
    }
    return np;
}
static int S_match(dyad_coder *c, const dyad_pat_elem *e, size_t n, size_t k, int dir,
                   int32_t pos, int adj, int32_t lo, int32_t hi, pmatch *pm, int depth)
{
    if (k == n) return 1;
    if (depth > 64) return 0;
    const dyad_pat_elem *x = dir > 0 ? &e[k] : &e[n - 1 - k];
    /* adjacency of this element to the one matched before it */
    int need_adj = dir > 0 ? x->adjacent : adj;
    int next_adj = dir > 0 ? 0 : x->adjacent;
    switch (x->kind) {
    case DYAD_PAT_NP_BEGIN: case DYAD_PAT_NP_END:
    case DYAD_PAT_PP_BEGIN: case DYAD_PAT_PP_END:
        return S_match(c, e, n, k + 1, dir, pos, dir > 0 ? adj : need_adj, lo, hi, pm, depth + 1);
    default:
        break;
    }
    int32_t start = dir > 0 ? pos : pos - 1;
    /* after the verb, a party ($ +) is not found past the verb of an
     * infinitive the pattern's words did not reach: "sent troops to the
     * border to stop X" does not send them to X (words may reach into
     * it: "urged + TO RETURN TO TALKS") */
    unsigned slot = x->kind == DYAD_PAT_SOURCE || x->kind == DYAD_PAT_TARGET ? 3 : 1;
    /* news mode: a party right after a preposition the pattern names
     * ("ABOUT +") is found in that preposition's phrase, not in another
     * phrase after it ("concerned about the implications of the pact for
     * Peru" is not about Peru) */
    int32_t shi = hi;   /* where this element may start */
    if (slot == 3 && dir > 0 && c->agent_country && start > 0 && start < hi &&
        c->tree.toks[start - 1].code == DYAD__T_IN) {
        uint32_t pp = c->tree.toks[start - 1].parent;
        if (pp != NONE && c->tree.nodes[pp].label == DYAD__L_PP &&
            c->tree.nodes[pp].tok_a == (uint32_t)start - 1 && (int32_t)c->tree.nodes[pp].tok_b < hi)
            shi = (int32_t)c->tree.nodes[pp].tok_b;
    }
    /* the places this element may start at: from start to last (going
     * dir), right at start when it must be adjacent.  A gap spans at
     * most MAX_GAP words: a pattern's words belong to its verb's phrase,
     * and an unbounded gap makes matching a long sentence quadratic in
     * its length (every verb, every place) */
    int32_t last;
    if (dir > 0) {
        last = shi - 1;
        if (last > start + MAX_GAP) last = start + MAX_GAP;
        if (need_adj && last > start) last = start;
    } else {
        last = lo;
        if (last < start - MAX_GAP) last = start - MAX_GAP;
        if (need_adj && last < start) last = start;
    }
    /* a gap does not pass another clause's verb: the pattern's words
     * belong to this verb's phrase ("spoke ahead of a meeting requested
     * by A to discuss B's transfer of arms to C" is not "spoke to C");
     * news mode only, PETRARCH lets gaps run on.  Checked as each place
     * is left, for the next one. */
    unsigned bmask = !c->agent_country ? 0 : dir > 0 ? slot : 3;
    for (int32_t i = start; dir > 0 ? i <= last : i >= last; i += dir) {
        int32_t next = NONE, got = 0;
        switch (x->kind) {
        case DYAD_PAT_WORD:
            if (S_word_is(c, (uint32_t)i, x->id)) { got = 1; next = dir > 0 ? i + 1 : i; }
            break;
        case DYAD_PAT_SYNSET: {
            if (dir > 0) {
                uint32_t lens = S_synset_lens(c, x->id, (uint32_t)i);
                if (lens) {   /* the longest member */
                    int k = 31;
                    while (!(lens & (1u << k))) k--;
                    got = 1;
                    next = i + k + 1;
                }
            } else {
                /* a member ending at i: try starts going left */
                for (int32_t s0 = i; s0 >= lo && s0 > i - 6 && !got; s0--)
                    if (S_synset_lens(c, x->id, (uint32_t)s0) & (1u << (i - s0))) {
                        got = 1;
                        next = s0;
                    }
            }
            break;
        }
        case DYAD_PAT_SOURCE: case DYAD_PAT_TARGET: case DYAD_PAT_COMPOUND: case DYAD_PAT_SKIP: {
            uint32_t np = NONE;
            if (dir > 0) np = S_np_at(c, (uint32_t)i);
            if (dir > 0 && np == NONE && x->kind == DYAD_PAT_SKIP) {
                /* ^ inside a noun phrase ("THEIR ^": "their populations"):
                 * skip to the end of the smallest one around i */
                np = S_np_around(c, (uint32_t)i);
            }
            if (dir <= 0) np = c->np_to[i];
            if (np == NONE) break;
            if (x->kind != DYAD_PAT_SKIP && dir < 0 && c->agent_country && dyad__closed_object(c, np, hi))
                break;
            if (x->kind != DYAD_PAT_SKIP) {
                actorset s = dyad__np_actors(c, np, 0);
                if (!s.n) break;
                if (x->kind == DYAD_PAT_COMPOUND && s.n < 2) break;
                if (x->kind == DYAD_PAT_SOURCE) pm->src = np;
                else if (x->kind == DYAD_PAT_TARGET) pm->tgt = np;
                else pm->cmp = np;
            }
            got = 1;
            next = dir > 0 ? (int32_t)c->tree.nodes[np].tok_b : (int32_t)c->tree.nodes[np].tok_a;
            break;
        }
        default:
            break;
        }
        if (got) {
            pmatch save = *pm;
            pm->score += x->kind == DYAD_PAT_SKIP ? 0 : 1;
            if (S_match(c, e, n, k + 1, dir, next, next_adj, lo, hi, pm, depth + 1)) return 1;
            *pm = save;
        }
        if (bmask && (c->barrier[i] & bmask)) break;
    }
    return 0;
}

/* Tries pattern p around the verb occupying tokens [va, vb). */
pmatch dyad__try_pattern(dyad_coder *c, const dyad_dict_pattern *p, uint32_t va, uint32_t vb)
{
    pmatch pm = {0, 0, NONE, NONE, NONE};
    const dyad_pat_elem *e = p->elems;
    size_t v = p->verb;
    /* before the verb, matched right to left; after, left to right */
    int adj_before = v < p->nelems ? e[v].adjacent : 0;
    if (!S_match(c, e, v, 0, -1, (int32_t)va, adj_before, 0, (int32_t)va, &pm, 0)) return pm;
    if (!S_match(c, e + v + 1, p->nelems - v - 1, 0, +1, (int32_t)vb, 0, (int32_t)vb,
                 (int32_t)c->tree.ntoks, &pm, 0))
        return pm;
    pm.ok = 1;
    return pm;
}

/* Tries pattern p, written for the active voice, on a passive verb
 * ending at token vb whose subject spans [sa, sb): the active object stands in the
 * subject ("aid was sent to Peru by Chile" is "sent aid to Peru").  Only
 * patterns with nothing before the verb; their words after it match
 * first inside the subject (at least one), then after the verb. */
pmatch dyad__try_pattern_passive(dyad_coder *c, const dyad_dict_pattern *p, uint32_t vb, uint32_t sa,
                                 uint32_t sb)
{
    pmatch none = {0, 0, NONE, NONE, NONE};
    if (p->verb != 0 || p->nelems < 2 || sa >= sb) return none;
    const dyad_pat_elem *e = p->elems + 1;
    size_t m = p->nelems - 1;
    for (size_t k = m; k >= 1; k--) {
        pmatch pm = none;
        if (!S_match(c, e, k, 0, +1, (int32_t)sa, 0, (int32_t)sa, (int32_t)sb, &pm, 0)) continue;
        if (!S_match(c, e + k, m - k, 0, +1, (int32_t)vb, 0, (int32_t)vb, (int32_t)c->tree.ntoks, &pm, 0))
            continue;
        pm.ok = 1;
        return pm;
    }
    return none;
}

/* CAMEO codes of interactions that are mutual when both parties are in
 * the subject (the table's trait "symmetric"): express intent to meet
 * (036), consult (040, 041, 044), negotiate (046), sign an agreement
 * (057). */
int dyad__symmetric(const char *code)
{
    return (S_traits(code) & DYAD_CAMEO_SYMMETRIC) != 0;
}

/* Acts that are mutual whoever is named first: consultations (040, 041,
 * 043 is not: a visit has a host), meetings (044), mediation aside (045
 * is by a third party, not mutual), negotiations (046), signed
 * agreements (057); an intent to meet (036) only when the verb is "meet"
 * or "talk" ("due to meet Erdogan"; "plans to visit India" is one-way);
 * the others are the table's trait "mutual". */
int dyad__mutual(const char *code, const char *verb)
{
    if (S_traits(code) & DYAD_CAMEO_MUTUAL) return 1;
    if (dyad__streq(code, "036"))
        return !strncasecmp(verb, "meet", 4) || dyad__ieq(verb, "met") ||
               !strncasecmp(verb, "talk", 4);
    return 0;
}

/* The row of CAMEO code (data/cameo/cameo.tsv), or of its nearest
 * parent in the table ("0874" -> "087" -> "08"); NULL when none. */
static const dyad_cameo_info *S_cameo_row(const char *code)
{
    char buf[8];
    size_t n = code ? strlen(code) : 0;
    if (n < 2 || n >= sizeof buf) return NULL;
    memcpy(buf, code, n + 1);
    for (; n >= 2; buf[--n] = 0) {
        const dyad_cameo_info *ci = NULL;
        if (dyad_cameo_lookup(buf, &ci) == DYAD_OK && ci) return ci;
    }
    return NULL;
}

/* The code of stating that one will do code's act ("will meet": 036,
 * "will attack": 1384), from the CAMEO table's intent column; NULL when
 * stating it is no event of its own ("will criticize"). */
const char *dyad__intent(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci ? ci->intent : NULL;
}

/* The code of refusing to do code's act ("will not meet": 125, "won't
 * send aid": 122), from the CAMEO table's refusal column; NULL when none. */
const char *dyad__refusal(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci ? ci->refusal : NULL;
}

/* The code of accusing a party of code's act ("said Peru shelled the
 * port": 1123), from the CAMEO table's charge column; NULL when stating
 * that another did it is no charge. */
const char *dyad__charge(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci ? ci->charge : NULL;
}

/* Acts of force (the table's trait "force": roots 18 to 20). */
int dyad__force_code(const char *code)
{
    const dyad_cameo_info *ci = S_cameo_row(code);
    return ci && (ci->traits & DYAD_CAMEO_FORCE);
}
