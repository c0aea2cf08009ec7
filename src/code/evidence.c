/*
 * evidence.c -- the coder's output: one event per (source, target) pair
 * with the evidence that produced it (dictionary entries as FILE:LINE and
 * token spans), the checks every event passes (no self pairs, no
 * duplicates), and the --explain trace of actor sets.
 * Invariant: events go to c->events (asserted) or c->xevents (news mode,
 * other modalities); every string they hold lives in the coder's arena.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void dyad__ev(evb *b, const char *kind, const char *file, unsigned long line,
              size_t first, size_t end, const char *text)
{
    if (b->n >= DYAD_ARRAY_LEN(b->v)) return;
    dyad_evidence *x = &b->v[b->n++];
    x->kind = kind;
    x->file = file;
    x->line = line;
    x->first = first;
    x->end = end;
    x->text = text;
}

const char *dyad__entry_text(dyad_coder *c, unsigned entry)
{
    char tmp[256];
    dyad_dict_entry_text(c->d, entry, tmp, sizeof tmp);
    return dyad__arena_strndup(&c->arena, tmp, strlen(tmp));
}

static void S_actor_evidence(dyad_coder *c, evb *b, const char *kind, const actor *x)
{
    dyad_dict_entry e;
    if (x->why) dyad__ev(b, kind, NULL, 0, x->a, x->b, x->why);
    if (x->entry && dyad_dict_entry_get(c->d, x->entry, &e) == DYAD_OK)
        dyad__ev(b, kind, e.file, e.line, x->a, x->b, dyad__entry_text(c, x->entry));
    for (int k = 0; k < 3 && x->agents[k]; k++)
        if (dyad_dict_entry_get(c->d, x->agents[k], &e) == DYAD_OK)
            dyad__ev(b, "agent", e.file, e.line, 0, 0, dyad__entry_text(c, x->agents[k]));
}

/* News mode: a bare country and one of its own state organs or people
 * ("RUSGOV" and "RUS", "INDCVL" and "IND") make no dyad for statements,
 * appeals, intents, consultations and cooperation (roots 01-06): the
 * country named bare stands for the same state, and such pairs come from
 * a place or an adjective in the sentence ("held a summit in Russia").
 * Its rebels, opposition and armed groups do make one ("PAKREB" and
 * "PAK"), and so do domestic acts of force, protest and repression
 * ("imposed a curfew on Addis Ababa": ETHGOV ETH 1723). */
int dyad__self_pair(const char *a, const char *b)
{
    if (strlen(a) == 3 && strlen(b) > 3) { const char *x = a; a = b; b = x; }
    if (strlen(b) != 3 || strlen(a) < 6 || strncmp(a, b, 3) != 0) return 0;
    if (!dyad__country_code(b)) return 0;
    return !dyad__against_state(a);
}

/* Are a and b one side: the same code, or a country and an organ of it
 * (dyad__self_pair), or two organs of one state ("CHLGOV" and "CHLMIL")?
 * Rebels, the opposition and other groups set against a state are a
 * side of their own. */
int dyad__one_side(const char *a, const char *b)
{
    if (dyad__streq(a, b) || dyad__self_pair(a, b)) return 1;
    if (strlen(a) < 6 || strlen(b) < 6 || strncmp(a, b, 3) || !dyad__country_code(a)) return 0;
    return dyad__self_pair(a, (const char[]){a[0], a[1], a[2], 0}) &&
           dyad__self_pair(b, (const char[]){b[0], b[1], b[2], 0});
}

/* Reported speech (docs/CODING.md 16.1): whether speakers sp telling that
 * doers did an act (against targets tgt; charge: the act has a charge)
 * tell it as fact rather than as a charge: a witness of the public
 * (civilians, farmers, workers, refugees), the doers' own side, or a
 * state's force against groups set against a state.  possessive: the
 * doers' phrase begins with a possessive pronoun ("its warplanes").
 * Returns why (for --explain), or NULL: a charge. */
const char *dyad__told_as_fact(const actorset *sp, const actorset *doer, const actorset *tgt, int charge,
                               int possessive)
{
    static const char *const public_[] = {"CVL", "AGR", "LAB", "REF"};
    for (size_t k = 0; k < DYAD_ARRAY_LEN(public_); k++)
        if (strlen(sp->v[0].code) >= 6 && !strncmp(sp->v[0].code + 3, public_[k], 3))
            return "told by a witness of the public";
    for (uint32_t i = 0; i < sp->n; i++)
        for (uint32_t j = 0; j < doer->n; j++)
            /* a doer that only borrowed the speaker's country is the
             * speaker's side ("its warplanes", possessive), unless one of
             * them is set against the state and nothing makes the doer the
             * speaker's ("the opposition said the police used excessive
             * force") */
            if (dyad__one_side(sp->v[i].code, doer->v[j].code) ||
                (doer->v[j].borrowed && !strncmp(sp->v[i].code, doer->v[j].code, 3) &&
                 (possessive ||
                  dyad__against_state(sp->v[i].code) == dyad__against_state(doer->v[j].code))))
                return "reported by the doer's own side";
    int against = charge && tgt->n && !dyad__against_state(doer->v[0].code);
    for (uint32_t j = 0; j < tgt->n && against; j++) against = dyad__against_state(tgt->v[j].code);
    return against ? "force against a group set against a state" : NULL;
}

/* Is code a group set against a state (rebels, the opposition,
 * unidentified armed men, criminals, insurgents, separatists, militant
 * groups): "CHLREB", "IMGMUS"? */
int dyad__against_state(const char *code)
{
    static const char *const against[] = {"REB", "OPP", "UAF", "CRM", "INS", "SEP", "IMG"};
    size_t n = strlen(code);
    for (size_t i = 0; i < DYAD_ARRAY_LEN(against); i++)
        if ((n >= 6 && !strncmp(code + 3, against[i], 3)) || !strncmp(code, against[i], 3))
            return 1;
    return 0;
}

/* Is code a news outlet ("GBRMED", a state broadcaster "USAGOVMED"),
 * the channel wire copy names as its source?  Groups that speak for the
 * press ("NGOMED") are parties of their own. */
int dyad__news_outlet(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    return n >= 6 && dyad__streq(code + n - 3, "MED") && strncmp(code, "NGO", 3) &&
           strncmp(code, "IGO", 3);
}

int dyad__add_event(dyad_coder *c, const actor *s, const actor *t, const char *code,
                    const dyad__vgroup *g, const evb *base, int passive)
{
    if (c->mod != DYAD_ASSERTED && !c->all_modalities) return 0;
    dyad_event **list = c->mod == DYAD_ASSERTED ? &c->events : &c->xevents;
    size_t *n = c->mod == DYAD_ASSERTED ? &c->nevents : &c->nxevents;
    size_t *capp = c->mod == DYAD_ASSERTED ? &c->cap_events : &c->cap_xevents;
    if (*n == *capp) {
        size_t cap = *capp ? *capp * 2 : 16;
        dyad_event *v = realloc(*list, cap * sizeof *v);
        if (!v) return -1;
        *list = v;
        *capp = cap;
    }
    /* nor for sanctions and threats of them: a state does not sanction
     * itself ("raise duties on steel arriving in Chile") */
    if (c->agent_country &&
        ((code[0] == '0' && code[1] >= '1' && code[1] <= '6') || !strncmp(code, "16", 2) ||
         dyad__streq(code, "1312")) &&
        dyad__self_pair(s->code, t->code)) {
        TRACE("  %s and %s: a state and its own organ, not a dyad\n", s->code, t->code);
        return 0;
    }
    /* a meeting of two organs of one state ("told a cabinet meeting he
     * had met security officials") is within one actor */
    if (c->agent_country && code[0] == '0' && code[1] == '4' && dyad__one_side(s->code, t->code)) {
        TRACE("  %s and %s: organs of one state meeting, not a dyad\n", s->code, t->code);
        return 0;
    }
    /* speaking to a news outlet is an interview, not a consultation
     * ("Speaking to a news agency, Peru's president said ..."), and an
     * outlet's bare request is a reporter's question ("asked by the
     * agency whether ..."), not an appeal */
    if (c->agent_country &&
        (((code[0] == '0' && code[1] == '4') &&
          (dyad__news_outlet(s->code) || dyad__news_outlet(t->code))) ||
         (dyad__streq(code, "020") && dyad__news_outlet(s->code)))) {
        TRACE("  %s and %s: an interview with a news outlet, not a dyad\n", s->code, t->code);
        return 0;
    }
    /* one event per triple; in news mode one per dyad and root ("shot
     * and killed people": one act of force) */
    for (size_t i = 0; i < *n; i++) {
        const dyad_event *o = &(*list)[i];
        if (dyad__streq(o->source, s->code) && dyad__streq(o->target, t->code) && o->modality == c->mod &&
            (c->agent_country ? !strncmp(o->code, code, 2) : dyad__streq(o->code, code)))
            return 0;
    }
    evb b = *base;
    S_actor_evidence(c, &b, "source", s);
    S_actor_evidence(c, &b, "target", t);
    dyad_evidence *ev = dyad__arena_alloc(&c->arena, (b.n ? b.n : 1) * sizeof *ev);
    if (!ev) return -1;
    memcpy(ev, b.v, b.n * sizeof *ev);
    dyad_event *e = &(*list)[(*n)++];
    memset(e, 0, sizeof *e);
    e->modality = c->mod;
    e->source = s->code;
    e->target = t->code;
    e->code = code;
    e->source_text = s->b > s->a ? dyad__words_text(c, s->a, s->b) : "";
    e->target_text = t->b > t->a ? dyad__words_text(c, t->a, t->b) : "";
    e->verb_text = dyad__words_text(c, g->first, g->last + 1);
    e->verb = g->verb;
    e->negated = g->negated;
    e->passive = passive;
    e->nevidence = b.n;
    e->evidence = ev;
    TRACE("  %s event %s %s %s\n", dyad_modality_kind_name(c->mod), s->code, t->code, code);
    /* an intent stands for a planned act: "A and B plan to talk by
     * phone" is an asserted 036 and a planned 041 */
    for (int k = 0; k < c->nplan && c->mod == DYAD_ASSERTED; k++) {
        if (!c->plan[k].to || strcmp(c->plan[k].to, code) || !c->plan[k].from) continue;
        int saved = c->nplan;
        c->mod = c->plan[k].mod;
        c->nplan = 0;
        int r = dyad__add_event(c, s, t, c->plan[k].from, g, base, passive);
        c->mod = DYAD_ASSERTED;
        c->nplan = saved;
        if (r) return r;
        break;
    }
    return 0;
}

void dyad__trace_set(dyad_coder *c, const char *what, const actorset *s)
{
    if (!c->explain) return;
    dyad__buf_printf(&c->trace, "  %s:", what);
    if (!s->n) dyad__buf_printf(&c->trace, " none");
    for (uint32_t i = 0; i < s->n; i++) dyad__buf_printf(&c->trace, " %s", s->v[i].code);
    dyad__buf_putc(&c->trace, '\n');
}
