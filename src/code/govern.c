/*
 * govern.c -- which verb groups govern which: the per-sentence index
 * (ranges of groups, range-minimum trees) that answers "is this group
 * inside a hoping, asking, alleging or modal verb's phrase", and the
 * absorption of a coded verb's phrase (PETRARCH's rule that verbs nested
 * in a coded verb's phrase are not coded again).
 * Invariant: without an index (c->gov NULL) every question is answered
 * by asking each group, with the same answers.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int S_by_gstart(const void *a, const void *b)
{
    const gstart *x = a, *y = b;
    if (x->tok != y->tok) return x->tok < y->tok ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

/* A tree of minimums over n keys: t[leaves + i] is key i (NONE: none),
 * t[j] the least of t[2j] and t[2j + 1].  Allocated with every key NONE;
 * fill the leaves, then S_min_fill. */
static uint32_t *S_min_tree(dyad__arena *a, uint32_t n, uint32_t *leaves)
{
    uint32_t l = 1;
    while (l < n) l *= 2;
    uint32_t *t = dyad__arena_alloc(a, 2 * (size_t)l * sizeof *t);
    if (t)
        for (uint32_t i = 0; i < 2 * l; i++) t[i] = NONE;
    *leaves = l;
    return t;
}

static void S_min_fill(uint32_t *t, uint32_t leaves)
{
    for (uint32_t j = leaves; j-- > 1;) t[j] = t[2 * j] < t[2 * j + 1] ? t[2 * j] : t[2 * j + 1];
}

/* The largest i < hi whose key is below x, or NONE; under node j, which
 * covers the keys [nl, nr). */
uint32_t dyad__min_prev(const uint32_t *t, uint32_t j, uint32_t nl, uint32_t nr, uint32_t hi,
                        uint32_t x)
{
    if (nl >= hi || t[j] >= x) return NONE;
    if (nr - nl == 1) return nl;
    uint32_t mid = nl + (nr - nl) / 2;
    uint32_t i = dyad__min_prev(t, 2 * j + 1, mid, nr, hi, x);
    return i != NONE ? i : dyad__min_prev(t, 2 * j, nl, mid, hi, x);
}

static int S_by_gentry(const void *a, const void *b)
{
    const gentry *x = a, *y = b;
    if (x->range != y->range) return x->range < y->range ? -1 : 1;
    if (x->subject != y->subject) return x->subject < y->subject ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

/* Which list(s) group h belongs to, as bits (1 << GL_x).  Most groups
 * are on none: the word lists are asked only of a negated, modal or
 * passive group (every sentence pays for this). */
static unsigned S_gov_lists(dyad_coder *c, const dyad__vgroup *h)
{
    unsigned m = 0;
    if (h->negated && dyad__code_lx(c, h->verb, DYAD__LX_WILLING)) m |= 1u << GL_UNWILLING;
    if (h->modality != DYAD__MOD_NONE) m |= 1u << GL_MODAL;
    int decides = h->negated || h->modality != DYAD__MOD_NONE;
    int made = !decides && h->passive && dyad__code_lx(c, h->verb, DYAD__LX_MADE);
    int aspect = c->syn_aspectual && dyad__synset_lens(c, c->syn_aspectual, h->verb);
    if ((decides || made || aspect) && h->reported == NONE && !dyad__reporting(c, h->verb)) {
        if (decides) m |= 1u << GL_DECIDES;
        if (made) m |= 1u << GL_MADE;
        if (aspect) m |= 1u << GL_ASPECT;
    }
    return m;
}

/* Builds c->gov for the current tree.  DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__gov_index(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    govidx *x = dyad__arena_zalloc(&c->arena, sizeof *x);
    if (!x) return DYAD_ENOMEM;
    c->gov = x;
    uint32_t nn = t->nnodes, ng = t->nvgroups;
    x->range = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->range);
    x->anc = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->anc);
    x->same = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->same);
    x->scratch = dyad__arena_alloc(&c->arena, (ng + 1) * sizeof *x->scratch);
    x->ifs = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->ifs);
    x->inner = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->inner);
    x->anc_inner = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->anc_inner);
    x->subj_before = dyad__arena_alloc(&c->arena, (t->ntoks + 1) * sizeof *x->subj_before);
    x->is_subject = dyad__arena_zalloc(&c->arena, nn + 1);
    x->clause_first = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->clause_first);
    x->clause_next = dyad__arena_alloc(&c->arena, (ng + 1) * sizeof *x->clause_next);
    x->cand = dyad__arena_alloc(&c->arena, 2 * (ng + 1) * sizeof *x->cand);
    x->first_at = dyad__arena_alloc(&c->arena, (t->ntoks + 1) * sizeof *x->first_at);
    x->subj_verb = S_min_tree(&c->arena, ng, &x->gleaves);
    x->np_end = S_min_tree(&c->arena, nn, &x->nleaves);
    x->report_first = dyad__arena_alloc(&c->arena, (nn + 1) * sizeof *x->report_first);
    x->report_next = dyad__arena_alloc(&c->arena, (ng + 1) * sizeof *x->report_next);
    x->by_start = dyad__arena_alloc(&c->arena, (ng + 1) * sizeof *x->by_start);
    x->r = dyad__arena_alloc(&c->arena, (ng + 1) * sizeof *x->r);
    uint8_t *lists = dyad__arena_alloc(&c->arena, ng + 1);
    if (!x->range || !x->anc || !x->same || !x->scratch || !x->ifs || !x->inner ||
        !x->anc_inner || !x->subj_before || !x->is_subject || !x->clause_first ||
        !x->clause_next || !x->cand || !x->first_at || !x->subj_verb || !x->np_end ||
        !x->report_first || !x->report_next || !x->by_start || !x->r || !lists)
        return DYAD_ENOMEM;
    /* what needs nothing of the tree but indexes in range */
    for (uint32_t i = 0; i <= t->ntoks; i++) x->first_at[i] = NONE;
    for (uint32_t k = ng; k-- > 0;) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->first < t->ntoks) x->first_at[h->first] = k;
        x->subj_verb[x->gleaves + k] = h->subject != NONE ? h->verb : NONE;
    }
    S_min_fill(x->subj_verb, x->gleaves);
    for (uint32_t q = 0; q < nn; q++)
        x->np_end[x->nleaves + q] = t->nodes[q].label == DYAD__L_NP ? t->nodes[q].tok_b : NONE;
    S_min_fill(x->np_end, x->nleaves);
    x->any = 1;
    for (uint32_t i = 0; i <= t->ntoks; i++) x->subj_before[i] = NONE;
    for (uint32_t k = 0; k < ng; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->subject != NONE && h->verb < t->ntoks &&
            (x->subj_before[h->verb + 1] == NONE || x->subj_before[h->verb + 1] < k))
            x->subj_before[h->verb + 1] = k;
    }
    for (uint32_t i = 1; i <= t->ntoks; i++)
        if (x->subj_before[i - 1] != NONE &&
            (x->subj_before[i] == NONE || x->subj_before[i] < x->subj_before[i - 1]))
            x->subj_before[i] = x->subj_before[i - 1];
    for (uint32_t q = 0; q < nn; q++)
        x->range[q] = x->same[q] = x->inner[q] = x->clause_first[q] = x->report_first[q] = NONE;
    for (uint32_t k = ng; k-- > 0;) {
        uint32_t rp = t->vgroups[k].reported;
        x->report_next[k] = NONE;
        if (rp == NONE) continue;
        if (rp >= nn) return DYAD_OK;                       /* not ok */
        x->report_next[k] = x->report_first[rp];
        x->report_first[rp] = k;
    }
    for (uint32_t k = ng; k-- > 0;) {
        uint32_t sj = t->vgroups[k].subject;
        x->clause_next[k] = NONE;
        if (sj == NONE) continue;
        if (sj >= nn) return DYAD_OK;                       /* not ok */
        x->is_subject[sj] = 1;
        uint32_t cl = t->nodes[sj].parent;
        if (cl == NONE) continue;
        x->clause_next[k] = x->clause_first[cl];
        x->clause_first[cl] = k;
    }
    uint32_t nr = 0, count[GL_N] = {0};
    for (uint32_t k = 0; k < ng; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->vp >= nn) return DYAD_OK;                    /* not ok */
        if (!k || h->vp != t->vgroups[k - 1].vp) {
            if (x->range[h->vp] != NONE) return DYAD_OK;    /* not consecutive */
            grange *r = &x->r[nr];
            memset(r, 0, sizeof *r);
            r->minverb = NONE;
            r->k0 = k;
            for (int l = 0; l < GL_N; l++) r->first[l] = NONE;
            x->range[h->vp] = nr++;
        }
        if (h->inner >= nn || x->inner[h->inner] != NONE) return DYAD_OK;   /* not ok */
        x->inner[h->inner] = k;
        grange *r = &x->r[nr - 1];
        r->ngroups++;
        if (h->verb < r->minverb) r->minverb = h->verb;
        if (dyad__code_lx(c, h->verb, DYAD__LX_HOPING)) r->any |= GA_HOPING;
        if (c->syn_asked && dyad__synset_lens(c, c->syn_asked, h->verb)) r->any |= GA_ASKED;
        if (c->syn_alleged && dyad__synset_lens(c, c->syn_alleged, h->verb)) r->any |= GA_ALLEGED;
        if (dyad__code_lx(c, h->verb, DYAD__LX_DENYING)) r->any |= GA_DENYING;
        lists[k] = (uint8_t)S_gov_lists(c, h);
        for (int l = 0; l < GL_N; l++)
            if (lists[k] & (1u << l)) {
                if (r->first[l] == NONE) r->first[l] = k;
                count[l]++;
            }
    }
    for (uint32_t q = 0; q < nn; q++) {
        uint32_t p = t->nodes[q].parent;
        if (p != NONE && p >= q) return DYAD_OK;            /* not ok */
        x->anc[q] = p == NONE ? NONE : x->range[p] != NONE ? p : x->anc[p];
        x->anc_inner[q] = p == NONE ? NONE : x->inner[p] != NONE ? p : x->anc_inner[p];
        const dyad__node *nq = &t->nodes[q];
        if (p != NONE && nq->tok_b > nq->tok_a && nq->tok_a == t->nodes[p].tok_a &&
            nq->tok_b == t->nodes[p].tok_b) {
            if (x->same[p] != NONE) return DYAD_OK;         /* spans overlap */
            x->same[p] = q;
        }
        if (nq->label == DYAD__L_SBAR && nq->tok_a < t->ntoks &&
            (dyad__ieq(t->toks[nq->tok_a].word, "if") ||
             dyad__ieq(t->toks[nq->tok_a].word, "unless")))
            x->ifs[x->nifs++] = q;
    }
    for (int l = 0; l < GL_N; l++) {
        x->e[l] = dyad__arena_alloc(&c->arena, (count[l] + 1) * sizeof *x->e[l]);
        if (!x->e[l]) return DYAD_ENOMEM;
        uint32_t n = 0;
        for (uint32_t k = 0; k < ng; k++)
            if (lists[k] & (1u << l))
                x->e[l][n++] = (gentry){x->range[t->vgroups[k].vp], t->vgroups[k].subject, k};
        qsort(x->e[l], n, sizeof *x->e[l], S_by_gentry);
        for (uint32_t i = 0; i < n; i++) {
            grange *r = &x->r[x->e[l][i].range];
            if (!r->n[l]) r->off[l] = i;
            r->n[l]++;
        }
    }
    for (uint32_t k = 0; k < ng; k++)
        x->by_start[k] = (gstart){t->nodes[t->vgroups[k].vp].tok_a, k};
    qsort(x->by_start, ng, sizeof *x->by_start, S_by_gstart);
    x->ok = 1;
    return DYAD_OK;
}

/* The first group of range r on list l whose subject is subj (any
 * subject when subj is NONE), or NONE. */
static uint32_t S_gov_first(const govidx *x, uint32_t r, int l, uint32_t subj)
{
    const grange *g = &x->r[r];
    if (subj == NONE) return g->first[l];
    const gentry *e = x->e[l] + g->off[l];
    uint32_t lo = 0, hi = g->n[l];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (e[mid].subject < subj) lo = mid + 1; else hi = mid;
    }
    return lo < g->n[l] && e[lo].subject == subj ? e[lo].k : NONE;
}

int dyad__by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The ranges whose phrase holds node q (q's ancestors, the phrases of the
 * same span below q, and, when self, q itself), into x->scratch in the
 * order of their groups; returns how many. */
uint32_t dyad__gov_holding(const govidx *x, uint32_t q, int self)
{
    uint32_t n = 0;
    if (self && x->range[q] != NONE) x->scratch[n++] = x->range[q];
    for (uint32_t a = x->anc[q]; a != NONE; a = x->anc[a]) x->scratch[n++] = x->range[a];
    for (uint32_t d = x->same[q]; d != NONE; d = x->same[d])
        if (x->range[d] != NONE) x->scratch[n++] = x->range[d];
    if (n > 1) qsort(x->scratch, n, sizeof *x->scratch, dyad__by_u32);
    return n;
}

/* The groups whose main verb's phrase holds node q (q's ancestors and the
 * phrases of the same span below it), into x->scratch in their order;
 * returns how many. */
uint32_t dyad__gov_inner_holding(const govidx *x, uint32_t q)
{
    uint32_t n = 0;
    for (uint32_t a = x->anc_inner[q]; a != NONE; a = x->anc_inner[a]) x->scratch[n++] = x->inner[a];
    for (uint32_t d = x->same[q]; d != NONE; d = x->same[d])
        if (x->inner[d] != NONE) x->scratch[n++] = x->inner[d];
    if (x->inner[q] != NONE) x->scratch[n++] = x->inner[q];
    if (n > 1) qsort(x->scratch, n, sizeof *x->scratch, dyad__by_u32);
    return n;
}

/* g's subject, or for a verb coordinated with an earlier one ("they
 * picked out ... and shot them") the subject of the last group with one
 * whose verb comes before g. */
uint32_t dyad__they(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    if (g->subject != NONE) return g->subject;
    const govidx *x = c->gov;
    if (x && x->any && g->first <= t->ntoks) {
        uint32_t k = x->subj_before[g->first];
        return k == NONE ? NONE : t->vgroups[k].subject;
    }
    for (uint32_t k = t->nvgroups; k-- > 0;)
        if (t->vgroups[k].verb < g->first && t->vgroups[k].subject != NONE) return t->vgroups[k].subject;
    return NONE;
}

uint32_t dyad__gov_first_over(const govidx *x, const dyad__vgroup *g, int l)
{
    uint32_t n = dyad__gov_holding(x, g->vp, 0);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t k = S_gov_first(x, x->scratch[i], l, g->subject);
        if (k != NONE) return k;
    }
    return NONE;
}

/* News mode: is g a participle adjunct of accusation -- a verb of the
 * lexicon's "accusing" list in its -ing form right after a comma, whose
 * subject, if the parse gives it one, is the clause's before the comma,
 * and whose object names a party ("recalled its envoy from Peru, accusing
 * Lima of meddling")?  It tells a second act of the clause's subject, not
 * a part of the first, so the verb whose phrase holds it does not absorb
 * it.  A pronoun object ("accusing it of ...") is not enough: taken as
 * the clause's other party it cost precision on the blind batch of our
 * own stories (docs/ACCURACY.md, branch recall6). */
int dyad__accusing_adjunct(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    if (!(c->agent_country && g->first > 0 && g->first == g->verb &&
          (g->subject == NONE || t->nodes[g->subject].tok_b + 1 < g->first) &&
          t->toks[g->verb].code == DYAD__T_VBG && dyad__streq(t->toks[g->first - 1].word, ",") &&
          dyad__code_lx(c, g->verb, DYAD__LX_ACCUSING)))
        return 0;
    /* the one accused: a phrase naming a party ("blaming the weather for
     * the delay" accuses no one) */
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
        if (t->nodes[ch].label == DYAD__L_NP) {
            actorset s = dyad__np_actors(c, ch, 0);
            return dyad__named_only(c, &s).n > 0;
        }
    return 0;
}

/* Group k obtained a code: every later group whose phrase lies inside
 * k's (another phrase) is covered by it ("urged Serbia to release the
 * prisoners" is an appeal, not also a release).  The groups whose phrase
 * starts inside k's are found by their first token; they are marked (and
 * traced) in their order.  For a later group of the same phrase there is
 * nothing left to mark, its phrase swept already, unless a group gave
 * back what it had absorbed since (dyad__code_group). */
void dyad__absorb_inside(dyad_coder *c, uint32_t k)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *vp = &t->nodes[t->vgroups[k].vp];
    govidx *x = c->gov && c->gov->ok ? c->gov : NULL;
    uint32_t n = t->nvgroups, lo = 0;
    if (x) {
        grange *r = &x->r[x->range[t->vgroups[k].vp]];
        if (r->swept == x->resets + 1) return;
        r->swept = x->resets + 1;
        uint32_t hi = t->nvgroups;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (x->by_start[mid].tok < vp->tok_a) lo = mid + 1; else hi = mid;
        }
        n = 0;
        for (uint32_t i = lo; i < t->nvgroups && x->by_start[i].tok < vp->tok_b; i++)
            if (x->by_start[i].k > k) x->cand[n++] = x->by_start[i].k;
        if (n > 1) qsort(x->cand, n, sizeof *x->cand, dyad__by_u32);
    }
    for (uint32_t j = x ? 0 : k + 1; j < n; j++) {
        uint32_t q = x ? x->cand[j] : j;
        const dyad__node *h = &t->nodes[t->vgroups[q].vp];
        /* news mode: a participle that modifies a noun ("a resolution in
         * Congress calling for a probe") tells that noun's act, not a part
         * of k's */
        uint32_t hp = t->nodes[t->vgroups[q].vp].parent;
        if (c->agent_country && hp != NONE && t->nodes[hp].label == DYAD__L_NP &&
            t->vgroups[q].subject != NONE && t->nodes[t->vgroups[q].subject].parent == hp)
            continue;
        if (dyad__accusing_adjunct(c, &t->vgroups[q])) continue;
        if (h->tok_a >= vp->tok_a && h->tok_b <= vp->tok_b && t->vgroups[q].vp != t->vgroups[k].vp &&
            !c->absorbed[q]) {
            c->absorbed[q] = 1;
            TRACE("  '%s' lies inside the phrase of '%s': not coded\n",
                  t->toks[t->vgroups[q].verb].word, t->toks[t->vgroups[k].verb].word);
        }
    }
}

/* g found its target inside node from, in the clause of a lower verb:
 * marks as absorbed every other group whose phrase holds from, starts
 * after g's verb and ends within g's phrase ("abandoned efforts to stop
 * X": "stop" is part of the event).  Those phrases are from itself, its
 * ancestors up to g's phrase, and the phrases of the same span below it;
 * they are marked (and traced) in the order of the groups. */
void dyad__absorb_below(dyad_coder *c, const dyad__vgroup *g, uint32_t from)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *fn = &t->nodes[from], *gi = &t->nodes[g->inner];
    const govidx *x = c->gov;
    if (x && x->ok && fn->tok_b > fn->tok_a) {
        uint32_t nr = 0, *r = x->scratch;
        for (uint32_t a = x->range[from] != NONE ? from : x->anc[from]; a != NONE; a = x->anc[a]) {
            const dyad__node *hv = &t->nodes[a];
            if (hv->tok_a <= g->verb || hv->tok_b > gi->tok_b) break;  /* and all above */
            r[nr++] = x->range[a];
        }
        for (uint32_t d = x->same[from]; d != NONE; d = x->same[d])
            if (x->range[d] != NONE && t->nodes[d].tok_a > g->verb && t->nodes[d].tok_b <= gi->tok_b)
                r[nr++] = x->range[d];
        qsort(r, nr, sizeof *r, dyad__by_u32);
        for (uint32_t i = 0; i < nr; i++)
            for (uint32_t k = x->r[r[i]].k0; k < x->r[r[i]].k0 + x->r[r[i]].ngroups; k++) {
                if (&t->vgroups[k] == g) continue;
                c->absorbed[k] = 1;
                if (c->nabsorbed_now < (int)DYAD_ARRAY_LEN(c->absorbed_now))
                    c->absorbed_now[c->nabsorbed_now++] = k;
                TRACE("  the target lies in the clause of '%s', which is not coded apart\n",
                      t->toks[t->vgroups[k].verb].word);
            }
        return;
    }
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h == g) continue;
        const dyad__node *hv = &t->nodes[h->vp];
        if (hv->tok_a > g->verb && hv->tok_b <= gi->tok_b && hv->tok_a <= fn->tok_a &&
            fn->tok_b <= hv->tok_b) {
            c->absorbed[k] = 1;
            if (c->nabsorbed_now < (int)DYAD_ARRAY_LEN(c->absorbed_now))
                c->absorbed_now[c->nabsorbed_now++] = k;
            TRACE("  the target lies in the clause of '%s', which is not coded apart\n",
                  t->toks[h->verb].word);
        }
    }
}

/* News mode: does noun phrase np belong to the phrase of an earlier verb
 * that closes before token va?  Then it is that verb's object, not a
 * party before the verb at va: in "A is expected to visit B and C, in a
 * move to strengthen ties", B and C are not the ones strengthening. */
int dyad__closed_object(const dyad_coder *c, uint32_t np, int32_t va)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *x = &t->nodes[np];
    const govidx *gi = c->gov;
    if (gi && gi->ok) {
        /* the groups whose phrase holds np: its ancestors' (a phrase of
         * the same span below np would hold no verb before np) */
        for (uint32_t a = gi->anc[np]; a != NONE; a = gi->anc[a]) {
            if (t->nodes[a].tok_b > (uint32_t)va) break;    /* and all above it */
            if (gi->r[gi->range[a]].minverb < x->tok_a) return 1;
        }
        return 0;
    }
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__node *hv = &t->nodes[t->vgroups[k].vp];
        if (t->vgroups[k].verb < x->tok_a && hv->tok_a <= x->tok_a && x->tok_b <= hv->tok_b &&
            hv->tok_b <= (uint32_t)va)
            return 1;
    }
    return 0;
}
