/*
 * group.c -- coding one verb group: the verb's code from its patterns,
 * its source and target, the news-mode adjustments, and the events.
 * Invariant: a group adds events only through evidence.c (dyad__add_event).
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static dyad_status S_code_group_as(dyad_coder *c, const dyad__vgroup *g);

/* Subordinators and prepositions before a participle whose subject is
 * not written: "after meeting Biden", "while visiting Kyiv", "led a group
 * in calling on Rubio", "by offering aid". */
static const char *const S_participle_subord[] = {"after", "before", "while", "since", "without",
                                                  "upon", "when", "in", "by"};

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

/* Does node q lie in a relative clause ("which would ...", "under which
 * they would ...")? */
static int S_in_relative(const dyad__tree *t, uint32_t q)
{
    for (; q != NONE; q = t->nodes[q].parent) {
        const dyad__node *n = &t->nodes[q];
        if (n->label == DYAD__L_SBAR) {
            uint32_t w = n->first_child;
            if (w != NONE && (t->nodes[w].label == DYAD__L_WHNP || t->nodes[w].label == DYAD__L_WHPP))
                return 1;
        } else if (n->label == DYAD__L_S && n->tok_a > 0 && n->first_child != NONE &&
                   t->nodes[n->first_child].label == DYAD__L_NP) {
            /* a clause with its own subject right after "which" or
             * "whom", however the chunker joined them */
            const char *tag = t->toks[n->tok_a - 1].tag;
            if (!strcmp(tag, "WDT") || !strcmp(tag, "WP") || !strcmp(tag, "WP$")) return 1;
        }
    }
    return 0;
}

/* Is g a lone gerund whose clause completes a noun through a preposition
 * ("the need for expanding patrols", "backing for negotiating")?
 * Its doer is not the sentence's subject, and it tells of no act. */
static int S_noun_gerund(const dyad__tree *t, const dyad__vgroup *g)
{
    if (g->first != g->verb || strcmp(t->toks[g->verb].tag, "VBG") != 0) return 0;
    uint32_t q = t->nodes[g->vp].parent;
    while (q != NONE && t->nodes[q].label == DYAD__L_S) q = t->nodes[q].parent;
    if (q == NONE || t->nodes[q].label != DYAD__L_PP) return 0;
    uint32_t up = t->nodes[q].parent;
    return up != NONE && t->nodes[up].label == DYAD__L_NP;
}

static dyad_status S_code_group_as(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    dyad_dict_match vm[MAXM];
    size_t nv = dyad_dict_match_verb_ids(c->d, c->wid, t->ntoks, g->verb, vm, MAXM);
    TRACE("verb '%s' (token %u)%s%s\n", t->toks[g->verb].word, g->verb,
          g->passive ? ", passive" : "", g->negated ? ", negated" : "");
    if (nv == 0) { TRACE("  not in the verb dictionary\n"); return DYAD_OK; }
    if (c->agent_country && S_noun_gerund(t, g)) {
        TRACE("  a gerund completing a noun ('the importance of ...ing'): an idea, not an event\n");
        return DYAD_OK;
    }
    if (nv > MAXM) nv = MAXM;
    /* the longest verb entry (multi-word verbs first) */
    dyad_dict_entry ve;
    if (dyad_dict_entry_get(c->d, vm[0].entry, &ve) != DYAD_OK) return DYAD_OK;
    const char *code = ve.code, *pcode = ve.passive_code;
    evb base;
    base.n = 0;
    dyad__ev(&base, "verb", ve.file, ve.line, vm[0].start, vm[0].end, dyad__entry_text(c, vm[0].entry));
    /* the most specific matching pattern of the verb's block */
    pmatch best = {0, -1, NONE, NONE, NONE};
    dyad_dict_pattern bp;
    memset(&bp, 0, sizeof bp);
    /* a verb listed in several blocks: try every block's patterns */
    unsigned blocks[MAXM];
    size_t nblocks = 0;
    for (size_t q = 0; q < nv; q++) {
        dyad_dict_entry qe;
        if (dyad_dict_entry_get(c->d, vm[q].entry, &qe) != DYAD_OK || vm[q].start != vm[0].start) continue;
        size_t z = 0;
        while (z < nblocks && blocks[z] != qe.group) z++;
        if (z == nblocks) blocks[nblocks++] = qe.group;
    }
    for (size_t bi = 0; bi < nblocks; bi++) {
        dyad_dict_block blk;
        if (dyad_dict_block_get(c->d, blocks[bi], &blk) != DYAD_OK) continue;
        for (size_t k = 0; k < blk.npatterns; k++) {
            /* one of its words missing from the sentence: it cannot match */
            uint32_t key = dyad__dict_pattern_key(c->d, blk.first_pattern + (unsigned)k);
            if (key && !dyad__has_word(c, key)) continue;
            dyad_dict_pattern p;
            if (dyad_dict_pattern_get(c->d, blk.first_pattern + (unsigned)k, &p) != DYAD_OK)
                continue;
            /* "+++" (TABARI's complex coding) is not a code: skip */
            if (p.code && p.code[0] == '+' && !strcmp(p.code, "+++")) continue;
            int absent = 0;
            for (size_t q = 0; q < p.nelems && !absent; q++)
                absent = p.elems[q].kind == DYAD_PAT_WORD && !dyad__has_word(c, p.elems[q].id);
            if (absent) continue;
            pmatch pm = dyad__try_pattern(c, &p, (uint32_t)vm[0].start, (uint32_t)vm[0].end);
            if (pm.ok && pm.score > best.score) { best = pm; bp = p; }
        }
    }
    if (best.ok) {
        TRACE("  pattern %s:%lu '%s' [%s]\n", bp.file, bp.line, bp.text, bp.code ? bp.code : "");
        if (bp.code) code = bp.code;
        pcode = bp.passive_code;
        dyad__ev(&base, "pattern", bp.file, bp.line, 0, 0, bp.text);
    } else {
        TRACE("  no pattern matched; verb code %s\n", code ? code : "(none)");
    }
    /* [A:B]: A from source to target, and the paired event B back from
     * target to source ("left for Gondor" [032:033]: visit, receive) */
    const char *paired = pcode && strcmp(pcode, "---") ? pcode : NULL;
    if (code && !strcmp(code, "+++")) code = NULL;
    if ((!code || !strcmp(code, "---")) && !paired) { TRACE("  null code: no event\n"); return DYAD_OK; }
    c->coded = 1;     /* a code was obtained: verbs nested in this one are not coded */
    if (code && !strcmp(code, "---")) code = NULL;
    int passive = 0;

    /* News mode: "called Canada \"one of the worst\"", "called the
     * comments insulting": naming, not a call ("Putin called Erdogan on
     * Tuesday" is one) */
    if (c->agent_country && code && !strcmp(code, "041") && !strncasecmp(t->toks[g->verb].word, "call", 4)) {
        int phone = 0;
        for (uint32_t i = 0; i < t->ntoks && !phone; i++)
            phone = !strncasecmp(t->toks[i].word, "phone", 5) || !strncasecmp(t->toks[i].word, "telephone", 9) ||
                    !strcasecmp(t->toks[i].word, "video");
        uint32_t obj = NONE;
        for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
            if (t->nodes[ch].label == DYAD__L_NP) { obj = ch; break; }
        uint32_t after = obj != NONE ? t->nodes[obj].tok_b : NONE;
        /* "called the statements provocative" may come chunked as one
         * noun phrase ending in the adjective */
        int named = obj != NONE && after >= t->nodes[obj].tok_a + 2 &&
                    !strncmp(t->toks[after - 1].tag, "JJ", 2) &&
                    !strncmp(t->toks[after - 2].tag, "NN", 2);
        if (!phone && after != NONE &&
            (named || (after < t->ntoks && (!strcmp(t->toks[after].tag, "``") ||
                                            !strcmp(t->toks[after].tag, "DT") ||
                                            !strncmp(t->toks[after].tag, "JJ", 2))))) {
            TRACE("  'call' X followed by a name for it: a statement, not a call\n");
            return DYAD_OK;
        }
    }
    /* News mode: "warned that X's policy would split the nation" is
     * criticism of X; a threat is a warning of what the speaker will do
     * ("warned Washington of severe consequences") */
    if (c->agent_country && code && !strcmp(code, "130") &&
        !strncasecmp(t->toks[g->verb].word, "warn", 4)) {
        /* the warning's content, not a condition on it ("of grave
         * costs if it must seek help from Lima") */
        int clause = g->reported != NONE;
        for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && !clause;
             ch = t->nodes[ch].next_sibling)
            clause = t->nodes[ch].label == DYAD__L_SBAR &&
                     !dyad__code_lx(c, t->nodes[ch].tok_a, DYAD__LX_CONDITIONS);
        if (clause) {
            code = "111";
            TRACE("  a warning about what another does: criticism (111)\n");
        }
    }
    /* News mode: planned is not done.  A negated act did not happen; one
     * that could, may, should or must happen is speculation or an appeal
     * by someone else; one that will or would happen, or stands in an
     * infinitive no coded verb governs ("were supposed to sign"), is an
     * intent or a threat. */
    int planned = 0;
    actorset condp = {NULL, 0};
    if (c->agent_country && code && !paired) condp = dyad__condition_party(c, g, code);
    if (c->agent_country && code && !paired && (!strcmp(code, "036") || !strncmp(code, "04", 2)) &&
        dyad__unwilling(c, g)) {
        /* "does not want to meet Kim": a refusal to meet (125) */
        code = "125";
        TRACE("  a meeting not wanted: a refusal (125)\n");
    } else if (condp.n) {
        const char *threat = dyad__intent(code);
        if (!threat) threat = code;   /* a verbal act stays what it is */
        if (strcmp(threat, code))
            c->plan[c->nplan++] = (planmap){code, threat, DYAD_HYPOTHETICAL};
        code = threat;
        planned = 1;
        TRACE("  coercion on a condition ('if' %s): a threat, %s\n", condp.v[0].code, code);
    } else if (c->agent_country && (code || paired)) {
        int mood = dyad__mood(c, g);
        planned = mood > 0;
        const char *refusal = code && !paired && mood == -1 && g->negated &&
                                      (g->modality == DYAD__MOD_FUTURE ||
                                       g->modality == DYAD__MOD_CONDITIONAL)
                                  ? dyad__refusal(code) : NULL;
        if (refusal) {
            /* "will not attend the talks": a refusal, made now (CAMEO 12),
             * of an act not done */
            c->plan[c->nplan++] = (planmap){code, refusal, DYAD_NEGATED};
            TRACE("  will not: a refusal, %s, of %s\n", refusal, code);
            code = refusal;
            mood = 0;
        }
        if (mood < 0 && !c->all_modalities) {
            TRACE("  negated, or could, may or should: not an event\n");
            return DYAD_OK;
        }
        if (mood < 0) {
            c->mod = mood == -1 ? DYAD_NEGATED : DYAD_HYPOTHETICAL;
            TRACE("  %s: marked, not done\n", dyad_modality_kind_name(c->mod));
        }
        if (mood > 0 && S_in_relative(t, g->vp)) {
            /* "a deal under which the rebels would pull back": the
             * content of the noun, not an intent anyone stated */
            if (!c->all_modalities) {
                TRACE("  planned in a relative clause: the content of a noun, not an event\n");
                return DYAD_OK;
            }
            c->mod = DYAD_PLANNED;
            TRACE("  planned in a relative clause: marked, no stated intent\n");
        } else if (mood > 0) {
            const char *was = code ? code : paired;
            const char *ic = code ? dyad__intent(code) : NULL, *ip = paired ? dyad__intent(paired) : NULL;
            int has_ic = ic && strcmp(ic, code), has_ip = ip && paired && strcmp(ip, paired);
            if (!has_ic && !has_ip) {
                /* no code states an intent to do it ("will criticize"):
                 * the act is planned, nothing is asserted */
                if (!c->all_modalities) {
                    TRACE("  planned %s, with no code for the intent: not an event\n", was);
                    return DYAD_OK;
                }
                c->mod = DYAD_PLANNED;
                TRACE("  planned %s, with no code for the intent: marked\n", was);
                goto mood_done;
            }
            if (has_ic) c->plan[c->nplan++] = (planmap){code, ic, DYAD_PLANNED};
            if (has_ip && c->nplan < 2) c->plan[c->nplan++] = (planmap){paired, ip, DYAD_PLANNED};
            code = has_ic ? ic : NULL;
            paired = has_ip ? ip : NULL;
            if (!code && !paired) { TRACE("  planned %s: no intent code\n", was); return DYAD_OK; }
            if (code && paired && !strcmp(code, paired)) paired = NULL;
            TRACE("  planned, not done: %s\n", code ? code : paired);
        }
    }
mood_done:
    /* News mode: a bare statement by a reporting verb ("X said ...",
     * "told reporters") is attribution, not an event of its own. */
    if (c->agent_country && code && !strcmp(code, "010") && !paired) {
        /* any bare statement ("announced", "reiterated", "issued a
         * statement"): what was said is coded from the reported clause,
         * if it is an event; the saying alone is not an interaction */
        TRACE("  010 by a reporting verb: attribution, not an event\n");
        c->coded = 0;     /* the reported clause is coded on its own */
        return DYAD_OK;
    }

    /* roles */
    actorset src = {NULL, 0}, tgt = {NULL, 0};
    uint32_t from = NONE;
    if (best.src != NONE) src = dyad__np_actors(c, best.src, 0);
    if (best.tgt != NONE) tgt = dyad__np_actors(c, best.tgt, 0);
    if (!src.n && g->subject != NONE) src = dyad__np_actors(c, g->subject, 0);
    if (c->agent_country && !dyad__named_only(c, &src).n && !strcmp(t->toks[g->verb].tag, "VBG") &&
        g->first == g->verb && g->first > 0 && !strcmp(t->toks[g->first - 1].word, ",")) {
        /* news mode: a participle after a comma whose clause names no
         * party ("... since the withdrawal started, inflicting casualties
         * on X") is the act of the outermost clause's subject */
        const dyad__node *gv = &t->nodes[g->vp];
        uint32_t widest = 0;
        /* the groups whose phrase holds g's (dyad__gov_holding), else all */
        const govidx *gx = c->gov && c->gov->ok ? c->gov : NULL;
        uint32_t nr = gx ? dyad__gov_holding(gx, g->vp, 1) : 1;
        for (uint32_t ri = 0; ri < nr; ri++)
        for (uint32_t k = gx ? gx->r[gx->scratch[ri]].k0 : 0,
                      kend = gx ? k + gx->r[gx->scratch[ri]].ngroups : t->nvgroups;
             k < kend; k++) {
            const dyad__vgroup *h = &t->vgroups[k];
            const dyad__node *hv = &t->nodes[h->vp];
            if (h == g || h->subject == NONE || h->subject == g->subject || hv->tok_a > gv->tok_a ||
                gv->tok_b > hv->tok_b || hv->tok_b - hv->tok_a <= widest ||
                dyad__reporting(c, h->verb))
                continue;
            actorset hs = dyad__np_actors(c, h->subject, 0);
            hs = dyad__named_only(c, &hs);
            if (!hs.n) continue;
            src = hs;
            widest = hv->tok_b - hv->tok_a;
        }
        if (widest) TRACE("  a trailing participle: the subject of the clause around it\n");
    }
    /* the pattern's target is the clause's own subject ("NOTED + *"):
     * then the source is the subject of the governing clause */
    int tgt_is_subject = best.tgt != NONE && g->subject != NONE &&
                         t->nodes[best.tgt].tok_a == t->nodes[g->subject].tok_a;
    if (tgt_is_subject && best.src == NONE) src = (actorset){NULL, 0};
    /* no subject of its own: a pattern with words before the verb reaches
     * into the clause above ("INCHING &ACCORDSYN *") */
    int upper = best.ok && bp.verb > 0;
    /* news mode: a participle clause takes the subject of the clause it
     * hangs on ("sent a letter to Rubio, urging him to act") */
    if (c->agent_country && g->subject == NONE && !strcmp(t->toks[g->verb].tag, "VBG") &&
        g->first == g->verb)
        upper = 1;
    if (!src.n && ((g->subject == NONE && upper) || tgt_is_subject ||
                   (g->subject != NONE && dyad__pronoun(t, g->subject)))) {
        /* "Ethiopia indicated it would act": a pronoun subject stands for
         * the subject of the clause that governs this one */
        const govidx *gx = c->gov && c->gov->ok ? c->gov : NULL;
        uint32_t nk = gx ? dyad__gov_inner_holding(gx, g->vp) : t->nvgroups;
        for (uint32_t j = 0; j < nk && !src.n; j++) {
            uint32_t k = gx ? gx->scratch[j] : j;
            const dyad__vgroup *h = &t->vgroups[k];
            if (h == g || h->subject == NONE || h->subject == g->subject ||
                (tgt_is_subject && h->subject == best.tgt))
                continue;
            const dyad__node *in = &t->nodes[h->inner];
            if (in->tok_a <= t->nodes[g->vp].tok_a && t->nodes[g->vp].tok_b <= in->tok_b) {
                src = dyad__np_actors(c, h->subject, 0);
                if (src.n) TRACE("  pronoun subject: the governing clause's subject\n");
            }
        }
    }
    if (!src.n && c->agent_country && g->subject == NONE && g->first == g->verb && g->first > 0 &&
        !strcmp(t->toks[g->verb].tag, "VBG") &&
        dyad__in_words(t->toks[g->first - 1].word, S_participle_subord, DYAD_ARRAY_LEN(S_participle_subord))) {
        /* news mode: "..., in a move to strengthen ties after meeting
         * Biden": a participle after a subordinator has the subject of
         * the nearest clause before it, however loosely the clauses
         * between are attached */
        src = dyad__earlier_subject(c, g, 0);
    }
    int placed = 0;   /* a one-sided act's locative phrase was set aside */
    if (!tgt.n) {
        tgt = dyad__target_of(c, g->inner, &from, 0);
        /* news mode: an act of one party ("walked off the job in
         * Valparaiso", "rallied outside the ministry") has a place, not a second
         * party, in its locative phrase */
        if (tgt.n && c->agent_country && code && dyad__venue(code) && from != NONE) {
            uint32_t pp = t->nodes[from].parent;
            if (pp != NONE && t->nodes[pp].label == DYAD__L_PP && t->nodes[pp].head != NONE &&
                dyad__locative(c, t->nodes[pp].head)) {
                TRACE("  '%s' is where one party acted, not a second party\n",
                      dyad__words_text(c, t->nodes[from].tok_a, t->nodes[from].tok_b));
                tgt = (actorset){NULL, 0};
                from = NONE;
                placed = 1;
            }
        }
    }
    if (!tgt.n && c->agent_country && code && dyad__force_code(code)) {
        /* "picked out police officers ... and shot them": "them" is the
         * nearest phrase before it in the sentence that names a party,
         * other than the subject */
        uint32_t obj = NONE;
        for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && obj == NONE;
             ch = t->nodes[ch].next_sibling)
            if (t->nodes[ch].label == DYAD__L_NP) obj = ch;
        if (obj != NONE && dyad__pronoun(t, obj) && !strcasecmp(t->toks[t->nodes[obj].tok_a].word, "them")) {
            uint32_t sa = g->subject != NONE ? t->nodes[g->subject].tok_a : NONE;
            /* the noun phrases ending by g's first verbal token, last
             * first (all nodes when there is no index) */
            const govidx *gx = c->gov && c->gov->any ? c->gov : NULL;
            for (uint32_t q = t->nnodes;
                 !tgt.n && (gx ? (q = dyad__min_prev(gx->np_end, 1, 0, gx->nleaves, q, g->first + 1)) != NONE
                               : q-- > 0);) {
                const dyad__node *x = &t->nodes[q];
                if (x->label != DYAD__L_NP || x->tok_b > g->first || x->tok_a == sa ||
                    dyad__pronoun(t, q) || (c->inquote && c->inquote[x->tok_a] != c->inquote[g->verb]))
                    continue;
                actorset xs = dyad__np_actors(c, q, 0);
                tgt = dyad__named_only(c, &xs);
                if (tgt.n) TRACE("  'them': '%s', before it\n", dyad__words_text(c, x->tok_a, x->tok_b));
            }
        }
    }
    if (!tgt.n && c->agent_country && g->last + 2 < t->ntoks &&
        !strcmp(t->toks[g->last + 1].tag, "CC")) {
        /* "killed and injured 1,000 fighters": coordinated verbs share
         * the object written after the last of them */
        const govidx *gx = c->gov && c->gov->any ? c->gov : NULL;
        for (uint32_t k = gx ? gx->first_at[g->last + 2] : 0; k < t->nvgroups; k++) {
            const dyad__vgroup *h = &t->vgroups[k];
            if (h->first != g->last + 2) continue;
            uint32_t f2 = NONE;
            tgt = dyad__target_of(c, h->inner, &f2, 0);
            if (tgt.n) TRACE("  the object of the coordinated '%s'\n", t->toks[h->verb].word);
            break;
        }
    }
    /* a passive clause with a "by" agent: the agent acted on the subject
     * (without one the subject stays the source, as PETRARCH codes it) */
    if (g->passive && best.src == NONE && best.tgt == NONE) {
        uint32_t by = dyad__by_agent(c, g->inner);
        actorset agent = by != NONE ? dyad__np_actors(c, by, 0) : (actorset){NULL, 0};
        if (agent.n) {
            actorset subj = src;
            if (from == by) tgt = (actorset){NULL, 0};
            src = agent;
            if (subj.n) tgt = subj;
            passive = 1;
            TRACE("  passive with a 'by' agent: roles swapped\n");
            if (c->agent_country && g->first == g->last && code && !strncmp(code, "05", 2)) {
                /* a lone participle of support ("the rebels, backed by
                 * X,"; "a camp supported by X") describes a party; the
                 * sentence reports something else */
                TRACE("  a participle of support describing a party: not an event\n");
                return DYAD_OK;
            }
        } else if (c->agent_country && src.n) {
            /* news mode: "Palestinians injured in clashes with police" -
             * the subject suffered the act; who did it is not said */
            TRACE("  agentless passive: the subject is not the doer\n");
            src = (actorset){NULL, 0};
        }
    }
    /* the subject, or for a verb coordinated with an earlier one ("they
     * picked out ... and shot them") that verb's */
    uint32_t they = dyad__they(c, g);
    const char *sg, *sg_text;
    unsigned sg_at;
    if (!src.n && c->agent_country && code && they != NONE && dyad__pronoun(t, they) &&
        !strcasecmp(t->toks[t->nodes[they].tok_a].word, "they") && dyad__force_code(code) &&
        (sg = dyad__story_group(c->story, 4, 1, &sg_text, &sg_at)) != NULL) {
        /* "They opened fire on the bus passengers": who kills in a
         * story of an attack is the armed group it named */
        char why[128];
        snprintf(why, sizeof why, "'they' = %s, %s, the armed group named in sentence %u", sg,
                 sg_text, sg_at);
        uint32_t a = t->nodes[they].tok_a;
        if (!dyad__story_actor(c, &src, sg, a, a + 1, why)) return DYAD_ENOMEM;
    }
    if (!src.n && c->agent_country && g->subject != NONE && dyad__the_statement(c, g->subject) &&
        (sg = dyad__story_person(c->story, 1, &sg_text, &sg_at)) != NULL) {
        /* "Blinken issued a statement ... The statement threatened
         * sanctions": a statement acts for the person who made it */
        uint32_t a = t->nodes[g->subject].tok_a, b = t->nodes[g->subject].tok_b;
        char why[128];
        snprintf(why, sizeof why, "'%s' = %s's, %s, in sentence %u", dyad__words_text(c, a, b),
                 sg_text, sg, sg_at);
        if (!dyad__story_actor(c, &src, sg, a, b, why)) return DYAD_ENOMEM;
    }
    if (condp.n) {
        /* the threat is to the party of the condition, by the one who
         * will act, else by who says so */
        actorset own = dyad__named_only(c, &src);
        if (!own.n) src = dyad__reporter(c, g);
        if (!dyad__named_only(c, &src).n) src = dyad__earlier_subject(c, g, 0);
        tgt = condp;
    }
    if (best.cmp != NONE && (!tgt.n || !src.n)) {
        /* %: with no other party, the members of the compound act on
         * each other */
        actorset cm = dyad__np_actors(c, best.cmp, 0);
        src = cm;
        tgt = cm;
    }
    if (!tgt.n && best.ok && !placed) {
        /* a pattern matched but the tree gave no target: the first actor
         * after the verb in the sentence (not the place set aside above) */
        for (uint32_t i = (uint32_t)vm[0].end; i < t->ntoks && !tgt.n; i++) {
            if (!strcmp(t->toks[i].tag, ",")) break;      /* not past a comma */
            if (c->agent_country && c->barrier[i]) break;  /* nor another verb */
            const mention *m = &c->ments[i];
            if (m->a != i || m->agent) continue;
            actor a;
            if (!dyad__mention_actor(c, m, &a)) continue;
            dyad__push_actor(c, &tgt, &a);
        }
    }
    if (from != NONE && tgt.n && (src.n || !c->agent_country)) {
        /* a target found inside the clause of a lower verb: that verb
         * group is part of this event ("abandoned efforts to stop X"),
         * not an event of its own (news mode: when there is an event,
         * with a source) */
        dyad__absorb_below(c, g, from);
    }
    int on_charge = c->agent_country && src.n && code &&
                    (!strncmp(code, "12", 2) || !strcmp(code, "016")) && dyad__on_charge(c, g);
    if (on_charge) {
        /* "..., a charge Lima promptly dismissed": rejecting a charge
         * is a denial, answering the accuser */
        code = "016";
        tgt = (actorset){NULL, 0};
        TRACE("  rejecting a charge: a denial (016)\n");
    }
    if (c->agent_country && src.n && code && !strcmp(code, "016")) {
        /* "Lima denies the allegations": the accuser; "dismissed
         * claims that it buys rifles from Bolivia": the
         * accuser, not a party of the content */
        actor acc;
        int keep = 0;
        for (uint32_t i = 0; i < tgt.n && !keep; i++)
            for (size_t k = 0; k < dyad__story_accusations(c->story) && !keep; k++) {
                const char *as, *at;
                dyad__story_accusation(c->story, k, &as, &at, NULL);
                keep = !strncmp(tgt.v[i].code, as, 3);
            }
        /* "X detailed transfers to Russia -- which Moscow denied": what
         * is denied is the clause before, and its subject the accuser */
        uint32_t sa = g->subject != NONE ? t->nodes[g->subject].tok_a : NONE;
        actorset before = {NULL, 0};
        if (!keep && !tgt.n && sa != NONE && sa > 0 && !strcmp(t->toks[sa - 1].tag, "WDT"))
            before = dyad__earlier_subject(c, g, 1);
        if (before.n) {
            tgt = before;
            TRACE("  a denial of what the clause before says: its subject\n");
        } else if (!keep && (!tgt.n || from != NONE) && dyad__accuser(c, &src, &acc)) {
            tgt = (actorset){NULL, 0};
            dyad__push_one(c, &tgt, &acc);
            TRACE("  a denial answers its accuser: %s\n", acc.why);
        } else if (!tgt.n && on_charge) {
            /* "A reiterated the claim that ..., a charge B rejected":
             * the charge is the claim of the clause before it */
            tgt = dyad__earlier_subject(c, g, 1);
        }
    }
    /* Consultations and agreements between a compound subject ("Putin and
     * Erdogan discussed Libya", "A and B met", "signed a deal") run both
     * ways between its members; what they discussed is the topic, not the
     * target.  Only a "with" phrase names another party. */
    int sym = code && (dyad__symmetric(code) || dyad__reciprocal(c, g->verb)) &&
              best.tgt == NONE;
    if (sym) {
        uint32_t w = dyad__pp_np(c, g->inner, "with");
        actorset with = w != NONE ? dyad__np_actors(c, w, 0) : (actorset){NULL, 0};
        const char *prep = tgt.n && tgt.v[0].b > tgt.v[0].a
                           ? dyad__prep_above(t, t->toks[tgt.v[0].a].parent, g->inner) : NULL;
        if (prep && !strcasecmp(prep, "to") && !dyad__right_after(t, g, tgt.v[0].a)) {
            /* "to" after an object belongs to it: "discussed the
             * shipment of copper to X" names a topic, "talked to X" a
             * party */
            prep = NULL;
        }
        if (with.n) {
            tgt = with;
        } else if (prep && (!strcasecmp(prep, "with") || !strcasecmp(prep, "between") ||
                            !strcasecmp(prep, "to") || !strcasecmp(prep, "by") ||
                            !strcasecmp(prep, "from"))) {
            /* "ties between Gondor and Osgiliath": parties after all */
        } else if (src.n >= 2) {
            tgt = src;
            TRACE("  symmetric verb with a compound subject: pairs within the subject\n");
        } else if (from != NONE && dyad__is_object(t, g->inner, from) && strcmp(code, "036") != 0 &&
                   strcmp(code, "057") != 0) {
            tgt = (actorset){NULL, 0};
            TRACE("  the object is the topic of the consultation, not a party\n");
        }
    }
    dyad__trace_set(c, "source", &src);
    dyad__trace_set(c, "target", &tgt);
    actor nul;
    memset(&nul, 0, sizeof nul);
    nul.code = "---";
    if (c->agent_country && c->require_dyad) {
        /* news text: a role with no country ("reporters", "officials") is
         * not a party */
        src = dyad__named_only(c, &src);
        tgt = dyad__named_only(c, &tgt);
    }
    if (c->agent_country && src.n == 2 && src.v[0].pair && tgt.n) {
        /* "both countries withdrew ambassadors over Israel's crackdown":
         * a target that is one of the two makes it each one's act on the
         * other */
        int inside = 1;
        for (uint32_t j = 0; j < tgt.n && inside; j++)
            inside = !strncmp(tgt.v[j].code, src.v[0].code, 3) ||
                     !strncmp(tgt.v[j].code, src.v[1].code, 3);
        if (inside) tgt = src;
    }
    if (c->agent_country && src.n >= 2 && !tgt.n && code && !planned &&
        (dyad__each_other(c, g) || (src.n == 2 && src.v[0].pair && src.v[1].pair && code[0] == '1' &&
                                code[1] >= '0' && code[1] <= '7'))) {
        /* "both countries withdrew ambassadors", "the two sides accused
         * each other": each party acts on the other */
        tgt = src;
        TRACE("  a plural phrase for two parties with no other party: each on the other\n");
    }
    if (c->agent_country && src.n == 1 && !tgt.n && code && !dyad__one_sided(code) &&
        (dyad__judgement(code) ||
         /* "threatened to break the ceasefire": a threat has an adversary;
          * a warning may be about a danger only */
         (!strncmp(code, "13", 2) && !strncasecmp(t->toks[g->verb].word, "threat", 6))) &&
        /* not for a lone participle: the noun it describes is its
         * other party ("a plan supported by X") */
        (!g->passive || (passive && g->first != g->last))) {
        int object = 0;
        for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && !object;
             ch = t->nodes[ch].next_sibling) {
            object = t->nodes[ch].label == DYAD__L_NP || t->nodes[ch].label == DYAD__L_PP ||
                     t->nodes[ch].label == DYAD__L_SBAR || t->nodes[ch].label == DYAD__L_S ||
                     t->nodes[ch].label == DYAD__L_VP;
            /* a quantified object ("welcomes all initiatives that ...",
             * "any efforts") is a kind of thing, not the other party's
             * act: no party stands behind it */
            if (t->nodes[ch].label == DYAD__L_NP) {
                static const char *const any[] = {"all", "any", "every", "each", "some", "no"};
                if (dyad__in_words(t->toks[t->nodes[ch].tok_a].word, any, DYAD_ARRAY_LEN(any))) {
                    object = 0;
                    break;
                }
            }
        }
        actor cp;
        if (object && dyad__counterpart(c, &src, &cp)) {
            dyad__push_one(c, &tgt, &cp);
            TRACE("  the object names no party: %s\n", cp.why);
        }
    }
    if (c->agent_country && tgt.n && code && (!strcmp(code, "012") || !strcmp(code, "013")) &&
        !dyad__direct_party(c, g, tgt.v[0].a)) {
        /* news mode: hope or concern is an act toward a party it names
         * directly ("concerned about Beijing", "hopes for Kyiv"), not
         * toward one in what is hoped ("hopes the United States can
         * help") or a place ("concern over the unrest in Bolivia") */
        TRACE("  a hope or a concern about a situation, not about a party: no event\n");
        return DYAD_OK;
    }
    if (c->agent_country && code && dyad__inward(code) && src.n && tgt.n && !paired) {
        /* news mode: a government's act on its polity as a whole ("vowed
         * to reform the country's political system", "pledged to expand
         * rights in the kingdom") names no second party: the actor's
         * own country, unqualified, is not one */
        int own = 1;
        for (uint32_t j = 0; j < tgt.n && own; j++)
            own = strlen(tgt.v[j].code) == 3 && !strncmp(tgt.v[j].code, src.v[0].code, 3);
        if (own) {
            TRACE("  the actor's own country is no second party of a one-sided act\n");
            tgt = (actorset){NULL, 0};
        }
    }
    /* news mode: an act that needs no second party ("dockworkers walked
     * off the job", "the army was put on alert") is an event of its
     * source alone, with an empty target */
    int alone = c->agent_country && src.n && !tgt.n && code && !paired &&
                dyad__one_sided(code);
    if (alone) TRACE("  an act of one party: coded with no target\n");
    if ((!src.n || !tgt.n) && !alone) {
        if (c->require_dyad) { TRACE("  no %s: no event (require_dyad)\n", src.n ? "target" : "source"); return DYAD_OK; }
    }
    /* news mode: a meeting, a call, talks or a signed agreement with a
     * named party is one act of both ("Trump met with Kim": Kim met Trump
     * too), coded both ways as analysts code mutual acts */
    /* a meeting one side will hold is its plan, not yet the other's */
    int mutual = c->agent_country && code && !paired && !planned &&
                 dyad__mutual(code, t->toks[g->verb].word);
    /* ... but a meeting on the calendar is both sides' plan: "the Chilean
     * president is due to meet his Peruvian peer in May" */
    if (c->agent_country && code && !paired && planned && !strcmp(code, "036") &&
        dyad__mutual(code, t->toks[g->verb].word) && dyad__scheduled(c, g))
        mutual = 1;
    if (mutual) TRACE("  mutual act: coded both ways\n");
    if (alone) nul.code = "";
    uint32_t ns = src.n ? src.n : 1, nt = tgt.n ? tgt.n : 1;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t j = 0; j < nt; j++) {
            const actor *s = src.n ? &src.v[i] : &nul, *tt = tgt.n ? &tgt.v[j] : &nul;
            if (src.n && tgt.n && !strcmp(s->code, tt->code)) continue;
            if (code && dyad__add_event(c, s, tt, code, g, &base, passive) != 0) return DYAD_ENOMEM;
            if (paired && dyad__add_event(c, tt, s, paired, g, &base, passive) != 0) return DYAD_ENOMEM;
            if (mutual && src.n && tgt.n && dyad__add_event(c, tt, s, code, g, &base, passive) != 0)
                return DYAD_ENOMEM;
        }
    return DYAD_OK;
}
