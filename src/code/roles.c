/*
 * roles.c -- source and target in the tree (the PETRARCH-compatible
 * core): the target among a verb's complements, "by" agents of passives,
 * prepositional objects, earlier subjects of coordinated verbs, and the
 * mood of a verb group (negated, modal, asked, alleged, conditional).
 * Invariant: reads the tree and the actor sets; writes nothing but memo
 * tables in the coder's arena.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static actorset S_target_pass(dyad_coder *c, uint32_t inner, uint32_t *from, int depth, int places);

/* Does the verb phrase of g say "each other", "one another" or "the
 * other": a reciprocal act of the subject's members? */
int dyad__each_other(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    uint32_t end = t->nodes[g->inner].tok_b;
    for (uint32_t i = g->verb + 1; i + 1 < end; i++) {
        const char *a = t->toks[i].word, *b = t->toks[i + 1].word;
        if ((dyad__ieq(a, "each") || dyad__ieq(a, "the")) && dyad__ieq(b, "other")) return 1;
        if (dyad__ieq(a, "one") && dyad__ieq(b, "another")) return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- roles */

/* The first actors among the complements of the verb, left to right:
 * object noun phrases, prepositional objects, and the subject of a
 * complement clause ("believes Dagolath can cope", "urged Eriador to
 * respond"), or, for a clause without a subject, its own complements. */
/* Prepositions of place and time: "airstrikes against IS in Syria" aim
 * at IS; a place is the target only when nothing else is named. */
int dyad__locative(const dyad_coder *c, uint32_t tok)
{
    return dyad__code_lx(c, tok, DYAD__LX_LOCATIVES);
}

actorset dyad__target_of(dyad_coder *c, uint32_t inner, uint32_t *from, int depth)
{
    if (c->agent_country) {
        actorset s = S_target_pass(c, inner, from, depth, 0);
        if (s.n) return s;
    }
    return S_target_pass(c, inner, from, depth, 1);
}

/* Is node n a relative clause ("that could help"), or a noun phrase
 * ending in one? */
static int S_has_relative(const dyad__tree *t, uint32_t n)
{
    uint32_t last = NONE;
    if (t->nodes[n].label == DYAD__L_NP)
        for (uint32_t ch = t->nodes[n].first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
            last = ch;
    else
        last = n;
    if (last == NONE || t->nodes[last].label != DYAD__L_SBAR) return 0;
    uint32_t w = t->nodes[last].first_child;
    return w != NONE && t->nodes[w].label == DYAD__L_WHNP;
}

/* Is node n an adverbial clause: an SBAR, or a PP holding a clause,
 * opened by a word of the lexicon's "adverbial" list ("after", "because",
 * "while")? */
static int S_adverbial(const dyad_coder *c, uint32_t n)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *x = &t->nodes[n];
    if ((x->label != DYAD__L_SBAR && x->label != DYAD__L_PP) || x->tok_b <= x->tok_a ||
        !dyad__code_lx(c, x->tok_a, DYAD__LX_ADVERBIAL))
        return 0;
    for (uint32_t g = x->first_child; g != NONE; g = t->nodes[g].next_sibling)
        if (t->nodes[g].label == DYAD__L_S || t->nodes[g].label == DYAD__L_SBAR) return 1;
    return 0;
}

/* Does every actor of s only borrow its country from a party named
 * before it in the sentence (actor.borrowed 1)? */
static int S_borrowed(const actorset *s)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (s->v[i].borrowed != 1) return 0;
    return s->n > 0;
}

static actorset S_target_pass(dyad_coder *c, uint32_t inner, uint32_t *from, int depth, int places)
{
    const dyad__tree *t = &c->tree;
    actorset none = {NULL, 0};
    if (depth > 4) return none;
    /* news mode: an object that names no party, then an infinitive with
     * no subject: a purpose ("build alliances in Europe to
     * isolate Lima"), whose parties are not this act's -- unless the object
     * is a noun the infinitive completes ("efforts to stop X") */
    uint32_t obj_head = NONE;
    int relative = 0;   /* a relative clause has begun among the children */
    actorset weak = none;   /* news mode: a complement whose country is borrowed */
    uint32_t weak_from = NONE;
    int after_topic = 0;    /* news mode: a topic phrase followed a borrowed role */
    for (uint32_t ch = t->nodes[inner].first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
        const dyad__node *x = &t->nodes[ch];
        uint32_t np = NONE, clause = NONE;
        /* news mode: what follows a relative clause ("praised proposals
         * which might end the quarrel over X") belongs to it, even
         * where the chunker left it beside the object */
        if (relative && x->label != DYAD__L_NP && x->label != DYAD__L_PP) continue;
        /* news mode: a "that" clause after an object noun that names no
         * party is the noun's content ("dismissed concerns that a
         * resolution in Chile's congress would harm the talks"), not the
         * verb's complement: its parties are its own (a time is no
         * object: "warned Friday that ...") */
        if (obj_head != NONE && (x->label == DYAD__L_SBAR || x->label == DYAD__L_PP) &&
            x->tok_b > x->tok_a && t->toks[x->tok_a].code == DYAD__T_IN &&
            dyad__ieq(t->toks[x->tok_a].word, "that") && t->toks[obj_head].code == DYAD__T_NNS &&
            !dyad__code_lx(c, obj_head, DYAD__LX_TIME_NOUNS) && !dyad__code_lx(c, obj_head, DYAD__LX_TIMES))
            break;   /* (the chunker may leave the clause as phrases after it) */
        /* news mode: an adverbial clause ("put its army on alert after
         * Colombian rebels crossed the border", "recalled its envoy
         * because Peru had expelled ...") has its own parties: none of
         * them is this verb's target (the lexicon's "adverbial") */
        if (c->agent_country && S_adverbial(c, ch)) {
            TRACE("  '%s' is an adverbial clause: its parties are its own\n",
                  dyad__words_text(c, x->tok_a, x->tok_b));
            continue;
        }
        if (c->agent_country && S_has_relative(t, ch)) relative = 1;
        if (x->label == DYAD__L_NP && c->agent_country) {
            /* the noun an infinitive after it would complete: the
             * object's last ("the beginning of an operation to ...") */
            obj_head = x->head;
            if (x->tok_b > x->tok_a && dyad__tag_is_noun(t->toks[x->tok_b - 1].tag))
                obj_head = x->tok_b - 1;
        }
        if (x->label == DYAD__L_PP && c->agent_country && obj_head != NONE && x->tok_b > x->tok_a &&
            dyad__tag_is_noun(t->toks[x->tok_b - 1].tag))
            obj_head = x->tok_b - 1;   /* the same past a phrase after the object */
        if (obj_head != NONE && x->label == DYAD__L_S && x->first_child != NONE &&
            t->nodes[x->first_child].label == DYAD__L_VP &&
            t->toks[t->nodes[x->first_child].tok_a].code == DYAD__T_TO &&
            !dyad__code_lx(c, obj_head, DYAD__LX_COMPLETED))
            continue;
        if (x->label == DYAD__L_NP) np = ch;
        else if (x->label == DYAD__L_PP) {
            if (!places && x->head != NONE && dyad__locative(c, x->head)) continue;
            /* news mode: past a topic phrase after a role that borrowed
             * its country ("criticized the government over its handling
             * of the crisis with Peru"), the phrases that follow are the
             * topic's (the topic's own owner may still be the party:
             * "her government's support for Iceland's rights") */
            if (after_topic) break;
            if (weak.n && x->head != NONE && dyad__code_lx(c, x->head, DYAD__LX_TOPIC_PREPS)) after_topic = 1;
            for (uint32_t g = x->first_child; g != NONE; g = t->nodes[g].next_sibling) {
                if (t->nodes[g].label == DYAD__L_NP) { np = g; break; }
                if (t->nodes[g].label == DYAD__L_S) { clause = g; break; }
            }
        } else if (x->label == DYAD__L_VP) {
            /* "to (VP stop ...)": the chain goes on below */
            actorset sub = S_target_pass(c, ch, from, depth + 1, places);
            if (sub.n) return sub;
            continue;
        } else if (x->label == DYAD__L_S || x->label == DYAD__L_SBAR) {
            clause = ch;
            if (x->label == DYAD__L_SBAR)
                for (uint32_t g = x->first_child; g != NONE; g = t->nodes[g].next_sibling)
                    if (t->nodes[g].label == DYAD__L_S) { clause = g; break; }
        }
        if (clause != NONE && dyad__what_naming(c, clause) != NONE) {
            /* "struck what the army called rebel camps": the party is
             * the one named, not the namer -- when the name names one
             * ("condemned what Chile called a security operation": the
             * namer's own deed) */
            actorset sub = S_target_pass(c, dyad__what_naming(c, clause), from, depth + 1, places);
            if (sub.n) return sub;
        }
        if (clause != NONE) {
            for (uint32_t g = t->nodes[clause].first_child; g != NONE; g = t->nodes[g].next_sibling) {
                if (t->nodes[g].label == DYAD__L_NP) { np = g; break; }
                if (t->nodes[g].label == DYAD__L_S && c->agent_country) {
                    /* a gerund subject: "that deepening ties between
                     * Chile and Bolivia is a risk" */
                    actorset sub = S_target_pass(c, g, from, depth + 1, places);
                    if (sub.n) return sub;
                    continue;
                }
                if (t->nodes[g].label == DYAD__L_VP) {
                    actorset sub = S_target_pass(c, g, from, depth + 1, places);
                    if (sub.n) return sub;
                    break;
                }
            }
        }
        if (np == NONE) continue;
        actorset s = dyad__np_actors(c, np, 0);
        if (!s.n) continue;
        if (c->agent_country && S_borrowed(&s)) {
            /* news mode: "extradite the suspect to X", "recalled its envoy
             * from X", "deported migrants from X": a role that names no
             * country of its own borrowed the one named before it (the
             * doer's); a party named after it among the verb's
             * complements is the one acted on */
            if (!weak.n) {
                weak = s;
                weak_from = np;
            }
            continue;
        }
        if (weak.n) TRACE("  '%s' names a party; '%s' only borrowed a country\n",
                          dyad__words_text(c, t->nodes[np].tok_a, t->nodes[np].tok_b),
                          dyad__words_text(c, t->nodes[weak_from].tok_a, t->nodes[weak_from].tok_b));
        *from = np;
        return s;
    }
    if (weak.n) *from = weak_from;
    return weak;
}

uint32_t dyad__by_agent(const dyad_coder *c, uint32_t inner)
{
    return dyad__pp_np(c, inner, "by");
}

/* The noun phrase of the first PP headed by prep among the descendants of
 * a verb phrase, not inside a clause of its own.  Depth-first, children
 * before grandchildren at each node, through the ADVP, PP, VP and NP
 * children only; walked with the tree's parent and sibling links, so
 * any depth and number of children is searched whole (fixed stacks of
 * 64 once stopped short). */
static int S_pp_np_through(int label)
{
    return label == DYAD__L_ADVP || label == DYAD__L_PP || label == DYAD__L_VP ||
           label == DYAD__L_NP;
}

uint32_t dyad__pp_np(const dyad_coder *c, uint32_t inner, const char *prep)
{
    const dyad__tree *t = &c->tree;
    uint32_t n = inner;
    for (;;) {
        uint32_t down = NONE;
        for (uint32_t ch = t->nodes[n].first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
            const dyad__node *x = &t->nodes[ch];
            if (x->label == DYAD__L_PP && x->head != NONE && dyad__ieq(t->toks[x->head].word, prep)) {
                for (uint32_t g = x->first_child; g != NONE; g = t->nodes[g].next_sibling)
                    if (t->nodes[g].label == DYAD__L_NP) return g;
            }
            if (down == NONE && S_pp_np_through(x->label)) down = ch;
        }
        if (down != NONE) { n = down; continue; }
        /* no way down: the next sibling on the way back up to inner */
        for (;;) {
            if (n == inner) return NONE;
            uint32_t s = t->nodes[n].next_sibling;
            while (s != NONE && !S_pp_np_through(t->nodes[s].label)) s = t->nodes[s].next_sibling;
            if (s != NONE) { n = s; break; }
            n = t->nodes[n].parent;
        }
    }
}

/* Is g on a schedule rather than one side's plan: "is due (scheduled,
 * set) to meet", not "will meet" or "wants to meet"? */
int dyad__scheduled(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    static const char *const fixed[] = {"due", "scheduled", "set", "slated"};
    return g->first >= 2 && dyad__ieq(t->toks[g->first].word, "to") &&
           dyad__in_words(t->toks[g->first - 1].word, fixed, DYAD_ARRAY_LEN(fixed));
}

/* The preposition of the nearest PP above np, below the verb phrase. */
const char *dyad__prep_above(const dyad__tree *t, uint32_t np, uint32_t inner)
{
    for (uint32_t q = np; q != NONE && q != inner; q = t->nodes[q].parent)
        if (t->nodes[q].label == DYAD__L_PP && t->nodes[q].head != NONE)
            return t->toks[t->nodes[q].head].word;
    return NULL;
}

/* Does the phrase holding token a (its preposition) follow verb group g
 * with nothing but adverbs between? */
int dyad__right_after(const dyad__tree *t, const dyad__vgroup *g, uint32_t a)
{
    uint32_t q = t->toks[a].parent;
    while (q != NONE && t->nodes[q].label != DYAD__L_PP) q = t->nodes[q].parent;
    if (q == NONE) return 0;
    for (uint32_t i = g->last + 1; i < t->nodes[q].tok_a; i++)
        if (strncmp(t->toks[i].tag, "RB", 2) != 0) return 0;
    return 1;
}

/* Verbs that are mutual by meaning whatever their code: "Trump and
 * Zelenskyy disagreed", "the two sides clashed". */
int dyad__reciprocal(const dyad_coder *c, uint32_t tok)
{
    return dyad__code_lx(c, tok, DYAD__LX_RECIPROCAL);
}

/* Is np the direct object of the verb phrase (or inside it)? */
int dyad__is_object(const dyad__tree *t, uint32_t inner, uint32_t np)
{
    for (uint32_t ch = t->nodes[inner].first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
        if (t->nodes[ch].label == DYAD__L_NP && t->nodes[ch].tok_a <= t->nodes[np].tok_a &&
            t->nodes[np].tok_b <= t->nodes[ch].tok_b)
            return 1;
    return 0;
}

/* The members of s with a country or organisation (not "---..."). */
actorset dyad__named_only(dyad_coder *c, const actorset *s)
{
    actorset out = {NULL, 0};
    for (uint32_t i = 0; i < s->n; i++)
        if (strncmp(s->v[i].code, "---", 3) != 0) dyad__push_one(c, &out, &s->v[i]);
    return out;
}

/* Is the actor at token a a party of g's verb phrase itself: in its
 * object or a prepositional phrase of it, not inside a clause below the
 * verb ("hopes the United States can help") nor named as a place ("the
 * violence in Israel")? */
int dyad__direct_party(const dyad_coder *c, const dyad__vgroup *g, uint32_t a)
{
    const dyad__tree *t = &c->tree;
    if (a >= t->ntoks) return 0;
    uint32_t q = t->toks[a].parent;
    const dyad__node *in = &t->nodes[g->inner];
    if (!(in->tok_a <= a && a < in->tok_b)) return 0;
    for (; q != NONE && q != g->inner; q = t->nodes[q].parent) {
        const dyad__node *x = &t->nodes[q];
        if (x->label == DYAD__L_S || x->label == DYAD__L_SBAR || x->label == DYAD__L_VP) return 0;
        if (x->label == DYAD__L_PP && x->head != NONE && dyad__locative(c, x->head)) return 0;
    }
    return q == g->inner;
}

/* News mode: the named parties of the subject of the nearest clause
 * before g that names any, for an act whose own clause names none
 * ("..., in a move to strengthen ties after meeting Biden"; "A repeated
 * the claim that ..., a charge B rejected").  outside: only a clause
 * whose subject ends before g and whose verb phrase does not hold g. */
actorset dyad__earlier_subject(dyad_coder *c, const dyad__vgroup *g, int outside)
{
    const dyad__tree *t = &c->tree;
    actorset out = {NULL, 0};
    /* the groups with a subject and a verb before g's, last first (all
     * groups when there is no index) */
    const govidx *gx = c->gov && c->gov->any ? c->gov : NULL;
    for (uint32_t k = t->nvgroups;
         !out.n && (gx ? (k = dyad__min_prev(gx->subj_verb, 1, 0, gx->gleaves, k, g->first)) != NONE
                       : k-- > 0);) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h == g || h->subject == NONE || h->verb >= g->first) continue;
        const dyad__node *hv = &t->nodes[h->vp], *gv = &t->nodes[g->vp];
        if (outside && (t->nodes[h->subject].tok_b > g->first ||
                        (hv->tok_a <= gv->tok_a && gv->tok_b <= hv->tok_b)))
            continue;
        actorset hs = dyad__np_actors(c, h->subject, 0);
        out = dyad__named_only(c, &hs);
        if (out.n) TRACE("  the subject of '%s', the clause before\n", t->toks[h->verb].word);
    }
    return out;
}

/* Does g's clause qualify a noun for a charge ("a charge New Delhi
 * rejected", "the claims, which Moscow denied")? */
int dyad__on_charge(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    uint32_t q = t->nodes[g->vp].parent;
    while (q != NONE && t->nodes[q].label == DYAD__L_S) q = t->nodes[q].parent;
    if (q == NONE || t->nodes[q].label != DYAD__L_SBAR) return 0;
    uint32_t np = t->nodes[q].parent;
    if (np == NONE || t->nodes[np].label != DYAD__L_NP) return 0;
    uint32_t head = t->nodes[np].head;
    return head != NONE && dyad__code_lx(c, head, DYAD__LX_CHARGE_NOUNS);
}

/* Does node q lie in a clause of "whether", "if" or "unless": a condition
 * or a question, not a fact? */
int dyad__conditional(const dyad_coder *c, uint32_t q)
{
    const dyad__tree *t = &c->tree;
    for (; q != NONE; q = t->nodes[q].parent) {
        const dyad__node *x = &t->nodes[q];
        if (x->label != DYAD__L_SBAR || x->tok_a >= x->tok_b) continue;
        const char *w = t->toks[x->tok_a].word;
        if (dyad__ieq(w, "whether") || dyad__ieq(w, "if") || dyad__ieq(w, "unless"))
            return 1;
    }
    return 0;
}

/* Does verb group h hold g in its verb phrase ("wants to meet": want
 * holds meet)? */
static int S_governs(const dyad__tree *t, const dyad__vgroup *h, const dyad__vgroup *g)
{
    const dyad__node *hv = &t->nodes[h->vp], *gv = &t->nodes[g->vp];
    return h != g && h->vp != g->vp && hv->tok_a <= gv->tok_a && gv->tok_b <= hv->tok_b;
}

/* News mode: whether verb group g tells what was done (0), what did not
 * happen (-1: negated, or not even wanted), what only could, may, should
 * or must happen, or is hoped for or on a condition (-2), or what will or
 * would happen (1: also an infinitive).  The mood is the group's
 * own, else, for one without a subject of its own (or sharing its
 * subject), that of a verb group whose phrase holds it ("will include
 * meeting Modi"); speech verbs pass none on. */
/* Does a group governing g have as its verb a word of the lexicon's list
 * (text/text.h), or, when list is -1, a member of synset syn?  bit: the
 * range flag (GA_*) that says so. */
static int S_gov_any(dyad_coder *c, const dyad__vgroup *g, unsigned bit, int list, unsigned syn)
{
    const dyad__tree *t = &c->tree;
    const govidx *gi = c->gov;
    if (gi && gi->ok) {
        uint32_t nr = dyad__gov_holding(gi, g->vp, 0);
        for (uint32_t i = 0; i < nr; i++)
            if (gi->r[gi->scratch[i]].any & bit) return 1;
        return 0;
    }
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (S_governs(t, h, g) && (list >= 0 ? dyad__code_lx(c, h->verb, list)
                                              : dyad__synset_lens(c, syn, h->verb) != 0))
            return 1;
    }
    return 0;
}

int dyad__mood(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    if (g->negated) return -1;
    if (dyad__conditional(c, g->vp)) return -2;
    const govidx *gi = c->gov && c->gov->ok ? c->gov : NULL;
    /* what someone hopes or wishes for is not done: "we hope the
     * government will soon talk to Lima" */
    if (S_gov_any(c, g, GA_HOPING, DYAD__LX_HOPING, 0))
        return -2;
    /* the dictionary's &ASKED words ("urged X to", "tried to", "whether
     * to") make an infinitive after them an act asked for, refused or
     * weighed; its &ALLEGED words ("accused X of", "denied", "allegedly")
     * a gerund or act after them one alleged or denied: not done */
    if (g->infinitive && c->syn_asked) {
        uint32_t to = g->first;
        while (to > 0 && t->toks[to].code != DYAD__T_TO) to--;
        if (to > 0 && t->toks[to].code == DYAD__T_TO && dyad__synset_lens(c, c->syn_asked, to - 1)) return -2;
        if (S_gov_any(c, g, GA_ASKED, -1, c->syn_asked)) return -2;
    }
    if (c->syn_alleged) {
        if (g->first > 0 && dyad__synset_lens(c, c->syn_alleged, g->first - 1) &&
            !strncmp(t->toks[g->first - 1].tag, "RB", 2))
            return -2;   /* "allegedly attacked" */
        if (t->toks[g->verb].code == DYAD__T_VBG && g->first == g->verb &&
            S_gov_any(c, g, GA_ALLEGED, -1, c->syn_alleged))
            return -2;
    }
    /* what a party denies, in the clause its denial reports ("denied
     * that it was arming the rebels"), was not done by its word (asked
     * of each group only when a denying verb governs it) */
    int denied = S_gov_any(c, g, GA_DENYING, DYAD__LX_DENYING, 0);
    for (uint32_t k = 0; denied && k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->reported == NONE || h->negated || !dyad__code_lx(c, h->verb, DYAD__LX_DENYING))
            continue;
        if (g->verb >= t->nodes[h->reported].tok_a && g->verb < t->nodes[h->reported].tok_b)
            return -1;
    }
    int mod = g->modality;
    int under_way = 0;   /* "continues to defy": the act is going on */
    if (gi && mod == DYAD__MOD_NONE) {
        /* the first governing group (of g's subject, when it has one)
         * that is negated, has a modal, or, for an infinitive, made g's
         * subject do it; the groups between pass nothing on, except that
         * an aspectual verb among them or at it ("continues to") makes
         * the act one under way */
        uint32_t first = dyad__gov_first_over(gi, g, GL_DECIDES);
        uint32_t k = g->infinitive ? dyad__gov_first_over(gi, g, GL_MADE) : NONE;
        if (k < first) first = k;
        if (first != NONE && t->vgroups[first].negated) return -1;
        if (g->infinitive && c->syn_aspectual) {
            k = dyad__gov_first_over(gi, g, GL_ASPECT);
            under_way = k != NONE && k <= first;
        }
        if (first != NONE) {
            const dyad__vgroup *h = &t->vgroups[first];
            if (h->passive && g->infinitive &&
                dyad__code_lx(c, h->verb, DYAD__LX_MADE))
                return -2;
            mod = h->modality;
        }
    }
    for (uint32_t k = 0; !gi && k < t->nvgroups && mod == DYAD__MOD_NONE; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (g->subject != NONE && g->subject != h->subject) continue;
        if (!S_governs(t, h, g) || h->reported != NONE || dyad__reporting(c, h->verb))
            continue;
        /* "does not want to meet": the act is not even intended */
        if (h->negated) return -1;
        if (c->syn_aspectual && g->infinitive && dyad__synset_lens(c, c->syn_aspectual, h->verb))
            under_way = 1;
        /* "was forced (asked, ordered) to give up": another's will, not
         * the subject's intent */
        if (h->passive && g->infinitive &&
            dyad__code_lx(c, h->verb, DYAD__LX_MADE))
            return -2;
        mod = h->modality;
    }
    if (mod == DYAD__MOD_ABILITY || mod == DYAD__MOD_POSSIBILITY || mod == DYAD__MOD_OBLIGATION)
        return -2;
    return mod == DYAD__MOD_FUTURE || mod == DYAD__MOD_CONDITIONAL || (g->infinitive && !under_way);
}

/* Is g what its subject does not want, plan or intend to do ("does not
 * want to meet Kim")? */
int dyad__unwilling(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    if (!g->infinitive || g->negated) return 0;
    const govidx *gi = c->gov;
    if (gi && gi->ok) return dyad__gov_first_over(gi, g, GL_UNWILLING) != NONE;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (!h->negated || !S_governs(t, h, g) || (g->subject != NONE && g->subject != h->subject))
            continue;
        if (dyad__code_lx(c, h->verb, DYAD__LX_WILLING)) return 1;
    }
    return 0;
}

/* News mode: is clause node s (an S) the clause of a free relative that
 * names what its antecedent-less "what" stands for: "struck what the army
 * called rebel camps", "shelled what Lima described as army posts"?  Its
 * subject is who gave the name, no party of the act around it, and the
 * naming verb is no event of its own.  Returns the clause's verb phrase,
 * or NONE. */
uint32_t dyad__what_naming(const dyad_coder *c, uint32_t s)
{
    const dyad__tree *t = &c->tree;
    if (!c->agent_country || s == NONE || t->nodes[s].label != DYAD__L_S) return NONE;
    uint32_t sb = t->nodes[s].parent;
    if (sb == NONE || t->nodes[sb].label != DYAD__L_SBAR) return NONE;
    uint32_t wh = t->nodes[sb].first_child;
    if (wh == NONE || t->nodes[wh].label != DYAD__L_WHNP || t->nodes[wh].tok_b != t->nodes[wh].tok_a + 1 ||
        !dyad__ieq(t->toks[t->nodes[wh].tok_a].word, "what"))
        return NONE;
    uint32_t vp = NONE;
    for (uint32_t ch = t->nodes[s].first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
        if (t->nodes[ch].label == DYAD__L_VP) { vp = ch; break; }
    if (vp == NONE || t->nodes[vp].head == NONE) return NONE;
    return dyad__code_lx(c, t->nodes[vp].head, DYAD__LX_NAMING) ? vp : NONE;
}

/* Is np "the statement" (letter, communique, declaration)? */
int dyad__the_statement(const dyad_coder *c, uint32_t np)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *p = &t->nodes[np];
    static const char *const docs[] = {"statement", "letter", "communique", "declaration"};
    return p->tok_b == p->tok_a + 2 && dyad__ieq(t->toks[p->tok_a].word, "the") &&
           dyad__in_words(t->toks[p->tok_a + 1].word, docs, DYAD_ARRAY_LEN(docs));
}

/* News mode: a threat made by a condition.  Coercion or force that will,
 * would or could come if another party does something ("sanctions could
 * follow if Ankara activates the system", "I will increase the tariffs
 * if they are not dropped by Canada") is a threat (13x) to the party of
 * the condition.  Returns that party (named in an "if" or "unless"
 * clause of the sentence that does not hold g), or an empty set. */
actorset dyad__condition_party(dyad_coder *c, const dyad__vgroup *g, const char *code)
{
    const dyad__tree *t = &c->tree;
    actorset out = {NULL, 0};
    if (!code || g->negated || dyad__conditional(c, g->vp)) return out;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 15 || root > 20) return out;
    int mod = g->modality;
    const govidx *gi = c->gov;
    if (gi && gi->ok && mod == DYAD__MOD_NONE) {
        /* the modal of the first governing group with one */
        uint32_t k = dyad__gov_first_over(gi, g, GL_MODAL);
        if (k != NONE) mod = t->vgroups[k].modality;
    }
    for (uint32_t k = 0; !(gi && gi->ok) && k < t->nvgroups && mod == DYAD__MOD_NONE; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (S_governs(t, h, g) && (g->subject == NONE || g->subject == h->subject))
            mod = h->modality;
    }
    if (mod != DYAD__MOD_FUTURE && mod != DYAD__MOD_CONDITIONAL && mod != DYAD__MOD_POSSIBILITY &&
        mod != DYAD__MOD_ABILITY)
        return out;
    const dyad__node *gv = &t->nodes[g->vp];
    uint32_t nq = gi && gi->ok ? gi->nifs : t->nnodes;
    for (uint32_t j = 0; j < nq && !out.n; j++) {
        uint32_t q = gi && gi->ok ? gi->ifs[j] : j;
        const dyad__node *x = &t->nodes[q];
        if (x->label != DYAD__L_SBAR || x->tok_a >= x->tok_b ||
            (x->tok_a <= gv->tok_a && gv->tok_b <= x->tok_b))
            continue;
        const char *w = t->toks[x->tok_a].word;
        if (!dyad__ieq(w, "if") && !dyad__ieq(w, "unless")) continue;
        for (uint32_t i = x->tok_a; i < x->tok_b && !out.n; i++) {
            const mention *m = &c->ments[i];
            actor a;
            if (m->a != i || m->agent || c->inquote[i] != c->inquote[g->verb] ||
                !dyad__mention_actor(c, m, &a))
                continue;
            dyad__push_one(c, &out, &a);
        }
    }
    return out;
}

/* Is token tok a verb that reports speech ("said", "told")? */
int dyad__reporting(const dyad_coder *c, uint32_t tok)
{
    return dyad__code_lx(c, tok, DYAD__LX_REPORTING);
}

/* A noun phrase that is only a personal pronoun. */
int dyad__pronoun(const dyad__tree *t, uint32_t np)
{
    const dyad__node *p = &t->nodes[np];
    return p->tok_b == p->tok_a + 1 && t->toks[p->tok_a].code == DYAD__T_PRP;
}
