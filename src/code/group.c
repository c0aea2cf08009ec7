/*
 * group.c -- coding one verb group: its candidate event (cand, code.h)
 * built by a table of small steps in order (S_steps): the verb's code
 * from its patterns, its source and target, the events.  The steps here
 * are the PETRARCH-compatible core; the news-mode steps (groupnews.c)
 * run only when c->agent_country is set.
 * Invariant: a group adds events only through evidence.c (dyad__add_event).
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static dyad_status S_code_group_as(dyad_coder *c, const dyad__vgroup *g);

/* Codes verb group g; the modality and plans it sets hold for its events
 * only. */
dyad_status dyad__code_group(dyad_coder *c, const dyad__vgroup *g)
{
    c->mod = DYAD_ASSERTED;
    c->nplan = 0;
    c->nabsorbed_now = 0;
    size_t before = c->nevents + c->nxevents;
    dyad_status st = S_code_group_as(c, g);
    c->mod = DYAD_ASSERTED;
    c->nplan = 0;
    /* a lower clause gave this verb its target, but no event came of it
     * ("agreed to withdraw its troops": its own troops are no party):
     * the lower clause is coded on its own after all */
    if (st == DYAD_OK && c->nevents + c->nxevents == before && c->nabsorbed_now) {
        for (int i = 0; i < c->nabsorbed_now; i++) c->absorbed[c->absorbed_now[i]] = 0;
        if (c->gov) c->gov->resets++;   /* phrases swept before: sweep again */
    }
    return st;
}

/* ----------------------------------------------- the PETRARCH core steps */

/* The verb's entries in the verb dictionary. */
static int S_verb_lookup(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    e->nv = dyad_dict_match_verb_ids(c->d, c->wid, t->ntoks, g->verb, e->vm, MAXM);
    TRACE("verb '%s' (token %u)%s%s\n", t->toks[g->verb].word, g->verb,
          g->passive ? ", passive" : "", g->negated ? ", negated" : "");
    if (e->nv == 0) { TRACE("  not in the verb dictionary\n"); return STOP; }
    return GO;
}

/* The most specific matching pattern of the blocks the verb is listed
 * in (a verb listed in several blocks: every block's patterns); passive:
 * patterns of the active voice on a passive verb (code.h). */
void dyad__best_pattern(dyad_coder *c, cand *e, int passive, uint32_t sa, uint32_t sb)
{
    unsigned blocks[MAXM];
    size_t nblocks = 0;
    for (size_t q = 0; q < e->nv; q++) {
        /* the entry's block from the dictionary's own record (what
         * dyad_dict_entry_get would find, without filling the whole) */
        unsigned id = e->vm[q].entry;
        if (e->vm[q].start != e->vm[0].start || id == 0 || id >= c->d->nent ||
            c->d->ent[id].kind == DYAD__KIND_SYNSET)
            continue;
        unsigned group = c->d->ent[id].group;
        size_t z = 0;
        while (z < nblocks && blocks[z] != group) z++;
        if (z == nblocks) blocks[nblocks++] = group;
    }
    for (size_t bi = 0; bi < nblocks; bi++) {
        dyad_dict_block blk;
        if (dyad_dict_block_get(c->d, blocks[bi], &blk) != DYAD_OK) continue;
        for (size_t k = 0; k < blk.npatterns; k++) {
            /* one of its words missing from the sentence: it cannot match */
            unsigned pid = blk.first_pattern + (unsigned)k;
            uint32_t key = dyad__dict_pattern_key(c->d, pid);
            if (key && !dyad__has_word(c, key)) continue;
            if (pid == 0 || pid >= c->d->npats) continue;
            /* the dictionary's own record: only its elements are needed
             * to try it, the whole pattern only for a better match */
            const dyad__pattern *ip = &c->d->pats[pid];
            /* "+++" (TABARI's complex coding) is not a code: skip (the
             * key did, unless the dictionary went without its keys) */
            if (!c->d->patkey) {
                const char *code = dyad__dict_str(c->d, ip->code);
                if (code && code[0] == '+' && dyad__streq(code, "+++")) continue;
            }
            dyad_dict_pattern p;
            p.elems = c->d->pelems + ip->elems;
            p.nelems = ip->nelems;
            p.verb = ip->verb;
            int absent = 0;
            for (size_t q = 0; q < p.nelems && !absent; q++)
                absent = p.elems[q].kind == DYAD_PAT_WORD && !dyad__has_word(c, p.elems[q].id);
            if (absent) continue;
            pmatch pm = passive ? dyad__try_pattern_passive(c, &p, (uint32_t)e->vm[0].end, sa, sb)
                                : dyad__try_pattern(c, &p, (uint32_t)e->vm[0].start, (uint32_t)e->vm[0].end);
            if (pm.ok && pm.score > e->best.score &&
                dyad_dict_pattern_get(c->d, pid, &p) == DYAD_OK) {
                e->best = pm;
                e->bp = p;
            }
        }
    }
}

/* The code: the longest verb entry's (multi-word verbs first), else the
 * most specific matching pattern's. */
static int S_verb_code(dyad_coder *c, cand *e)
{
    if (e->nv > MAXM) e->nv = MAXM;
    dyad_dict_entry ve;
    if (dyad_dict_entry_get(c->d, e->vm[0].entry, &ve) != DYAD_OK) return STOP;
    e->code = ve.code;
    e->pcode = ve.passive_code;
    e->base.n = 0;
    dyad__ev(&e->base, "verb", ve.file, ve.line, e->vm[0].start, e->vm[0].end,
             dyad__entry_text(c, e->vm[0].entry));
    dyad__best_pattern(c, e, 0, 0, 0);
    const dyad_dict_pattern *bp = &e->bp;
    if (e->best.ok) {
        TRACE("  pattern %s:%lu '%s' [%s]\n", bp->file, bp->line, bp->text, bp->code ? bp->code : "");
        if (bp->code) e->code = bp->code;
        e->pcode = bp->passive_code;
        dyad__ev(&e->base, "pattern", bp->file, bp->line, 0, 0, bp->text);
    } else {
        TRACE("  no pattern matched; verb code %s\n", e->code ? e->code : "(none)");
    }
    return GO;
}

/* [A:B]: A from source to target, and the paired event B back from
 * target to source ("left for Gondor" [032:033]: visit, receive); a null
 * code ("---") makes no event. */
static int S_null_code(dyad_coder *c, cand *e)
{
    e->paired = e->pcode && !dyad__streq(e->pcode, "---") ? e->pcode : NULL;
    if (e->code && dyad__streq(e->code, "+++")) e->code = NULL;
    if ((!e->code || dyad__streq(e->code, "---")) && !e->paired) {
        TRACE("  null code: no event\n");
        return STOP;
    }
    c->coded = 1;     /* a code was obtained: verbs nested in this one are not coded */
    if (e->code && dyad__streq(e->code, "---")) e->code = NULL;
    return GO;
}

/* The source: a pattern's $, else the subject; the target: a pattern's +. */
static int S_pattern_roles(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    if (e->best.src != NONE) e->src = dyad__np_actors(c, e->best.src, 0);
    if (e->best.tgt != NONE) e->tgt = dyad__np_actors(c, e->best.tgt, 0);
    if (!e->src.n && g->subject != NONE) e->src = dyad__np_actors(c, g->subject, 0);
    return GO;
}

/* The pattern's target is the clause's own subject ("NOTED + *"), a
 * pronoun subject, or no subject with a pattern that has words before
 * the verb ("INCHING &ACCORDSYN *"): the source is the subject of the
 * clause that governs this one ("Ethiopia indicated it would act"). */
static int S_governing_subject(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    e->tgt_is_subject = e->best.tgt != NONE && g->subject != NONE &&
                        t->nodes[e->best.tgt].tok_a == t->nodes[g->subject].tok_a;
    if (e->tgt_is_subject && e->best.src == NONE) e->src = (actorset){NULL, 0};
    int upper = (e->best.ok && e->bp.verb > 0) || e->hangs;
    if (e->src.n || !((g->subject == NONE && upper) || e->tgt_is_subject ||
                      (g->subject != NONE && dyad__pronoun(t, g->subject))))
        return GO;
    const govidx *gx = c->gov && c->gov->ok ? c->gov : NULL;
    uint32_t nk = gx ? dyad__gov_inner_holding(gx, g->vp) : t->nvgroups;
    for (uint32_t j = 0; j < nk && !e->src.n; j++) {
        uint32_t k = gx ? gx->scratch[j] : j;
        const dyad__vgroup *h = &t->vgroups[k];
        if (h == g || h->subject == NONE || h->subject == g->subject ||
            (e->tgt_is_subject && h->subject == e->best.tgt))
            continue;
        const dyad__node *in = &t->nodes[h->inner];
        if (in->tok_a <= t->nodes[g->vp].tok_a && t->nodes[g->vp].tok_b <= in->tok_b) {
            e->src = dyad__np_actors(c, h->subject, 0);
            if (e->src.n) TRACE("  pronoun subject: the governing clause's subject\n");
        }
    }
    return GO;
}

/* The target: the first actor among the verb's complements. */
static int S_complement_target(dyad_coder *c, cand *e)
{
    if (e->tgt.n) return GO;
    e->tgt = dyad__target_of(c, e->g->inner, &e->from, 0);
    e->searched = 1;
    return GO;
}

/* A passive clause with a "by" agent: the agent acted on the subject
 * (without one the subject stays the source, as PETRARCH codes it). */
static int S_passive(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    if (!g->passive || e->best.src != NONE || e->best.tgt != NONE) return GO;
    uint32_t by = dyad__by_agent(c, g->inner);
    actorset agent = by != NONE ? dyad__np_actors(c, by, 0) : (actorset){NULL, 0};
    if (!agent.n) {
        e->agentless = 1;
        return GO;
    }
    actorset subj = e->src;
    if (e->from == by) e->tgt = (actorset){NULL, 0};
    e->src = agent;
    if (subj.n) e->tgt = subj;
    e->passive = 1;
    TRACE("  passive with a 'by' agent: roles swapped\n");
    return GO;
}

/* %: with no other party, the members of the compound act on each
 * other. */
static int S_compound(dyad_coder *c, cand *e)
{
    if (e->best.cmp == NONE || (e->tgt.n && e->src.n)) return GO;
    actorset cm = dyad__np_actors(c, e->best.cmp, 0);
    e->src = cm;
    e->tgt = cm;
    return GO;
}

/* A pattern matched but the tree gave no target: the first actor after
 * the verb in the sentence (not the place set aside), not past a comma
 * (news mode: nor past another verb). */
static int S_actor_after(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    if (e->tgt.n || !e->best.ok || e->placed) return GO;
    for (uint32_t i = (uint32_t)e->vm[0].end; i < t->ntoks && !e->tgt.n; i++) {
        if (t->toks[i].code == DYAD__T_COMMA) break;
        if (c->agent_country && c->barrier[i]) break;
        const mention *m = &c->ments[i];
        if (m->a != i || m->agent) continue;
        actor a;
        if (!dyad__mention_actor(c, m, &a)) continue;
        dyad__push_actor(c, &e->tgt, &a);
    }
    return GO;
}

/* A target found inside the clause of a lower verb: that verb group is
 * part of this event ("abandoned efforts to stop X"), not an event of its
 * own (news mode: when there is an event, with a source). */
static int S_absorb(dyad_coder *c, cand *e)
{
    if (e->from != NONE && e->tgt.n && (e->src.n || !c->agent_country))
        dyad__absorb_below(c, e->g, e->from);
    return GO;
}

/* Consultations and agreements between a compound subject ("Putin and
 * Erdogan discussed Libya", "A and B met", "signed a deal") run both
 * ways between its members; what they discussed is the topic, not the
 * target.  Only a "with" phrase names another party. */
static int S_symmetric(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    const char *code = e->code;
    if (!code || !(dyad__symmetric(code) || dyad__reciprocal(c, g->verb)) || e->best.tgt != NONE)
        return GO;
    uint32_t w = dyad__pp_np(c, g->inner, "with");
    actorset with = w != NONE ? dyad__np_actors(c, w, 0) : (actorset){NULL, 0};
    const char *prep = e->tgt.n && e->tgt.v[0].b > e->tgt.v[0].a
                       ? dyad__prep_above(t, t->toks[e->tgt.v[0].a].parent, g->inner) : NULL;
    if (prep && dyad__ieq(prep, "to") && !dyad__right_after(t, g, e->tgt.v[0].a)) {
        /* "to" after an object belongs to it: "discussed the shipment of
         * copper to X" names a topic, "talked to X" a party */
        prep = NULL;
    }
    if (with.n) {
        e->tgt = with;
    } else if (prep && (dyad__ieq(prep, "with") || dyad__ieq(prep, "between") ||
                        dyad__ieq(prep, "to") || dyad__ieq(prep, "by") ||
                        dyad__ieq(prep, "from"))) {
        /* "ties between Gondor and Osgiliath": parties after all */
    } else if (e->src.n >= 2) {
        e->tgt = e->src;
        TRACE("  symmetric verb with a compound subject: pairs within the subject\n");
    } else if (e->from != NONE && dyad__is_object(t, g->inner, e->from) && strcmp(code, "036") != 0 &&
               strcmp(code, "057") != 0) {
        e->tgt = (actorset){NULL, 0};
        TRACE("  the object is the topic of the consultation, not a party\n");
    }
    return GO;
}

static int S_trace_roles(dyad_coder *c, cand *e)
{
    dyad__trace_set(c, "source", &e->src);
    dyad__trace_set(c, "target", &e->tgt);
    return GO;
}

/* With require_dyad, no event lacks a source or a target (news mode: but
 * for an act of one party). */
static int S_require_dyad(dyad_coder *c, cand *e)
{
    if ((!e->src.n || !e->tgt.n) && !e->alone) {
        if (c->require_dyad) {
            TRACE("  no %s: no event (require_dyad)\n", e->src.n ? "target" : "source");
            return STOP;
        }
    }
    return GO;
}

/* News mode: an administrative measure a state imposes on a place binds
 * its people (the trait "binds": a curfew, emergency rule, a ban, easing
 * them, threats of them), an event with the same party on both sides
 * when the place is its own ("Ethiopia imposed a curfew in Addis Ababa":
 * ETH ETH 1723); elsewhere a party never acts on itself. */
static int S_at_home(const dyad_coder *c, const char *code)
{
    return c->agent_country && code && dyad__binds(code);
}

/* The events: one per (source, target) pair, the paired code back, and
 * a mutual act both ways; a missing role is "---" (an act of one party:
 * empty). */
static int S_emit(dyad_coder *c, cand *e)
{
    actor nul;
    memset(&nul, 0, sizeof nul);
    nul.code = e->alone ? "" : "---";
    const actorset *src = &e->src, *tgt = &e->tgt;
    const char *code = e->code, *paired = e->paired;
    uint32_t ns = src->n ? src->n : 1, nt = tgt->n ? tgt->n : 1;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t j = 0; j < nt; j++) {
            const actor *s = src->n ? &src->v[i] : &nul, *tt = tgt->n ? &tgt->v[j] : &nul;
            if (src->n && tgt->n && dyad__streq(s->code, tt->code) && !S_at_home(c, code)) continue;
            if (code && dyad__add_event(c, s, tt, code, e->g, &e->base, e->passive) != 0) return NOMEM;
            if (paired && dyad__add_event(c, tt, s, paired, e->g, &e->base, e->passive) != 0)
                return NOMEM;
            if (e->mutual && src->n && tgt->n &&
                dyad__add_event(c, tt, s, code, e->g, &e->base, e->passive) != 0)
                return NOMEM;
        }
    return GO;
}

/* ------------------------------------------------------------ the steps
 * One verb group's steps in order: the code, the roles, the events.
 * news: the step runs only in news mode (c->agent_country). */
typedef int (*step_fn)(dyad_coder *c, cand *e);
static const struct step {
    step_fn run;
    int news;
    const char *name;   /* the family's name for DYAD_ABLATE (code.h) */
} S_steps[] = {
    /* the code */
    {S_verb_lookup, 0, "S_verb_lookup"},
    {dyad__news_noun_gerund, 1, "news_noun_gerund"},
    {S_verb_code, 0, "S_verb_code"},
    {dyad__news_passive_pattern, 1, "news_passive_pattern"},
    {S_null_code, 0, "S_null_code"},
    {dyad__news_naming, 1, "news_naming"},
    {dyad__news_warning, 1, "news_warning"},
    {dyad__news_mood, 1, "news_mood"},
    {dyad__news_summary, 1, "news_summary"},
    {dyad__news_commentary, 1, "news_commentary"},
    {dyad__news_mandate, 1, "news_mandate"},
    {dyad__news_attribution, 1, "news_attribution"},
    /* the source */
    {S_pattern_roles, 0, "S_pattern_roles"},
    {dyad__news_trailing_participle, 1, "news_trailing_participle"},
    {dyad__news_hanging_participle, 1, "news_hanging_participle"},
    {S_governing_subject, 0, "S_governing_subject"},
    {dyad__news_subordinate_participle, 1, "news_subordinate_participle"},
    {dyad__news_apposed_participle, 1, "news_apposed_participle"},
    {dyad__news_relative_source, 1, "news_relative_source"},
    {dyad__news_noun_participle, 1, "news_noun_participle"},
    /* the target */
    {S_complement_target, 0, "S_complement_target"},
    {dyad__news_relative_object, 1, "news_relative_object"},
    {dyad__news_place, 1, "news_place"},
    {dyad__news_venue, 1, "news_venue"},
    {dyad__news_topic, 1, "news_topic"},
    {dyad__news_as_phrase, 1, "news_as_phrase"},
    {dyad__news_deed_doer, 1, "news_deed_doer"},
    {dyad__news_them, 1, "news_them"},
    {dyad__news_shared_object, 1, "news_shared_object"},
    {dyad__news_conjunct_party, 1, "news_conjunct_party"},
    /* roles the clause changes */
    {S_passive, 0, "S_passive"},
    {dyad__news_passive, 1, "news_passive"},
    {dyad__news_they, 1, "news_they"},
    {dyad__news_statement, 1, "news_statement"},
    {dyad__news_condition_target, 1, "news_condition_target"},
    {S_compound, 0, "S_compound"},
    {S_actor_after, 0, "S_actor_after"},
    {S_absorb, 0, "S_absorb"},
    {dyad__news_charge, 1, "news_charge"},
    {dyad__news_denial, 1, "news_denial"},
    {S_symmetric, 0, "S_symmetric"},
    {dyad__news_mandate_roles, 1, "news_mandate_roles"},
    {S_trace_roles, 0, "S_trace_roles"},
    /* reported speech: an accusation, or the act */
    {dyad__news_allegation, 1, "news_allegation"},
    /* which parties make an event */
    {dyad__news_named_parties, 1, "news_named_parties"},
    {dyad__news_each_other, 1, "news_each_other"},
    {dyad__news_counterpart, 1, "news_counterpart"},
    {dyad__news_told_to, 1, "news_told_to"},
    {dyad__news_aid_to, 1, "news_aid_to"},
    {dyad__news_consulted, 1, "news_consulted"},
    {dyad__news_hope, 1, "news_hope"},
    {dyad__news_inward, 1, "news_inward"},
    {dyad__news_to_rulers, 1, "news_to_rulers"},
    {dyad__news_alone, 1, "news_alone"},
    {S_require_dyad, 0, "S_require_dyad"},
    {dyad__news_third_place, 1, "news_third_place"},
    {dyad__news_mutual, 1, "news_mutual"},
    /* the events */
    {S_emit, 0, "S_emit"},
};

static dyad_status S_code_group_as(dyad_coder *c, const dyad__vgroup *g)
{
    cand e;
    memset(&e, 0, sizeof e);
    e.g = g;
    e.best = (pmatch){0, -1, NONE, NONE, NONE};
    e.from = NONE;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_steps); i++) {
        if (S_steps[i].news && (!c->agent_country || dyad__ablated(S_steps[i].name))) continue;
        int r = S_steps[i].run(c, &e);
        if (r != GO) return r == NOMEM ? DYAD_ENOMEM : DYAD_OK;
    }
    return DYAD_OK;
}
