/*
 * groupnews.c -- the news-mode steps of one verb group (group.c runs them
 * only when c->agent_country is set): naming and warnings, planned and
 * refused acts, attribution, participles that take another clause's
 * subject, places and pronouns, passives without an agent, the story's
 * armed groups and speakers, charges and denials, plural parties, the
 * counterpart of a judgement, hopes, inward and one-sided acts, mutual
 * acts.  Each step reads and changes one candidate event (cand, code.h).
 * Invariant: these steps run only in news mode; with c->agent_country
 * 0 a group is coded by group.c's steps alone, the PETRARCH-compatible
 * core that dyad validate guards.
 */
#define DYAD__CODER
#include "code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Subordinators and prepositions before a participle whose subject is
 * not written: "after meeting Biden", "while visiting Kyiv", "led a group
 * in calling on Rubio", "by offering aid". */
static const char *const S_participle_subord[] = {"after", "before", "while", "since", "without",
                                                  "upon", "when", "in", "by"};

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
            unsigned tag = t->toks[n->tok_a - 1].code;
            if (tag == DYAD__T_WDT || tag == DYAD__T_WP || tag == DYAD__T_WPS) return 1;
        }
    }
    return 0;
}

/* Is g a lone gerund whose clause completes a noun through a preposition
 * ("the need for expanding patrols", "backing for negotiating")?
 * Its doer is not the sentence's subject, and it tells of no act. */
static int S_noun_gerund(const dyad__tree *t, const dyad__vgroup *g)
{
    if (g->first != g->verb || t->toks[g->verb].code != DYAD__T_VBG) return 0;
    uint32_t q = t->nodes[g->vp].parent;
    while (q != NONE && t->nodes[q].label == DYAD__L_S) q = t->nodes[q].parent;
    if (q == NONE || t->nodes[q].label != DYAD__L_PP) return 0;
    uint32_t up = t->nodes[q].parent;
    return up != NONE && t->nodes[up].label == DYAD__L_NP;
}

/* A lone gerund completing a noun ("the importance of ...ing") is an
 * idea, not an event. */
int dyad__news_noun_gerund(dyad_coder *c, cand *e)
{
    if (!S_noun_gerund(&c->tree, e->g)) return GO;
    TRACE("  a gerund completing a noun ('the importance of ...ing'): an idea, not an event\n");
    return STOP;
}

/* "called Canada \"one of the worst\"", "called the comments insulting":
 * naming, not a call ("Putin called Erdogan on Tuesday" is one). */
int dyad__news_naming(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->code || !dyad__streq(e->code, "041") || strncasecmp(t->toks[g->verb].word, "call", 4)) return GO;
    int phone = 0;
    for (uint32_t i = 0; i < t->ntoks && !phone; i++)
        phone = !strncasecmp(t->toks[i].word, "phone", 5) || !strncasecmp(t->toks[i].word, "telephone", 9) ||
                dyad__ieq(t->toks[i].word, "video");
    uint32_t obj = NONE;
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
        if (t->nodes[ch].label == DYAD__L_NP) { obj = ch; break; }
    uint32_t after = obj != NONE ? t->nodes[obj].tok_b : NONE;
    /* "called the statements provocative" may come chunked as one noun
     * phrase ending in the adjective */
    int named = obj != NONE && after >= t->nodes[obj].tok_a + 2 &&
                !strncmp(t->toks[after - 1].tag, "JJ", 2) &&
                !strncmp(t->toks[after - 2].tag, "NN", 2);
    if (!phone && after != NONE &&
        (named || (after < t->ntoks && (t->toks[after].code == DYAD__T_LQUOTE ||
                                        t->toks[after].code == DYAD__T_DT ||
                                        !strncmp(t->toks[after].tag, "JJ", 2))))) {
        TRACE("  'call' X followed by a name for it: a statement, not a call\n");
        return STOP;
    }
    return GO;
}

/* Is the subject of the first clause inside g's phrase (after its verb)
 * of the same country as g's own subject ("Israel's minister warned that
 * Israel would ...")? */
static int S_own_side_clause(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    if (g->subject == NONE) return 0;
    actorset who = dyad__np_actors(c, g->subject, 0);
    if (!who.n) return 0;
    const dyad__node *vp = &t->nodes[g->vp];
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->verb <= g->verb || h->verb >= vp->tok_b) continue;
        if (h->subject == NONE || t->nodes[h->subject].tok_a <= g->verb) return 0;
        actorset them = dyad__np_actors(c, h->subject, 0);
        for (uint32_t i = 0; i < who.n; i++)
            for (uint32_t j = 0; j < them.n; j++)
                if (!strncmp(who.v[i].code, them.v[j].code, 3)) return 1;
        return 0;
    }
    return 0;
}

/* "warned that X's policy would split the nation" is criticism of X; a
 * threat is a warning of what the speaker will do ("warned Washington of
 * severe consequences"). */
int dyad__news_warning(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->code || !dyad__streq(e->code, "130") || strncasecmp(t->toks[g->verb].word, "warn", 4)) return GO;
    /* the warning's content, not a condition on it ("of grave costs if
     * it must seek help from Lima") */
    int clause = g->reported != NONE;
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && !clause;
         ch = t->nodes[ch].next_sibling)
        clause = t->nodes[ch].label == DYAD__L_SBAR &&
                 !dyad__code_lx(c, t->nodes[ch].tok_a, DYAD__LX_CONDITIONS);
    if (clause && S_own_side_clause(c, g)) {
        /* "warned that Israel would strike ...", said by Israel's
         * minister: what the warner's side will do, coded from the
         * clause (a threat when its act is force) */
        TRACE("  a warning of what the warner's own side will do: the clause is coded\n");
        c->coded = 0;
        return STOP;
    }
    if (clause) {
        e->code = "111";
        TRACE("  a warning about what another does: criticism (111)\n");
    }
    return GO;
}

/* Is g's act one of coercion or force (its intent a threat, 13x) that
 * "can", "could", "may" or "might" be done, in a clause reported by the
 * doer's own side ("Finland said it could expel Russian diplomats if
 * ...", "Erdogan said Turkey could launch an operation")? */
static int S_own_word_could(dyad_coder *c, const cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    const char *ic = e->code && !e->paired ? dyad__intent(e->code) : NULL;
    if (!ic || strncmp(ic, "13", 2) || g->negated || g->subject == NONE ||
        (g->modality != DYAD__MOD_ABILITY && g->modality != DYAD__MOD_POSSIBILITY))
        return 0;
    actorset sp = dyad__reporter(c, g);
    if (!sp.n || sp.v[0].borrowed) return 0;
    actorset who = dyad__np_actors(c, g->subject, 0);
    if (!who.n && t->toks[t->nodes[g->subject].tok_a].code == DYAD__T_PRP) return 1;  /* "it could" */
    for (uint32_t i = 0; i < sp.n; i++)
        for (uint32_t j = 0; j < who.n; j++)
            if (!sp.v[i].borrowed && !strncmp(sp.v[i].code, who.v[j].code, 3)) return 1;
    return 0;
}

/* Is g an infinitive of purpose after an act done: the verb group whose
 * phrase holds it obtained a code, is done, and has its object or a
 * phrase between its verb and the "to" ("sent police to La Paz to break
 * up the protests", "deployed troops to the border to stop ...";
 * not "agreed to hold talks")? */
static int S_purpose_of_done(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    if (!g->infinitive || g->modality != DYAD__MOD_NONE || !c->gcoded) return 0;
    uint32_t to = g->first;
    while (to > 0 && t->toks[to].code != DYAD__T_TO) to--;
    if (t->toks[to].code != DYAD__T_TO) return 0;
    const dyad__node *gv = &t->nodes[g->vp];
    uint32_t best = NONE;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        const dyad__node *hv = &t->nodes[h->vp];
        if (h == g || h->vp == g->vp || h->verb >= g->verb || hv->tok_a > gv->tok_a || gv->tok_b > hv->tok_b)
            continue;
        if (best == NONE || h->verb > t->vgroups[best].verb) best = k;
    }
    if (best == NONE || !c->gcoded[best]) return 0;
    const dyad__vgroup *h = &t->vgroups[best];
    return !h->infinitive && h->last + 1 < to && dyad__mood(c, h) == 0;
}

/* Is g a simple present ("backs", "borders", "are backed by"; not "has
 * backed", "is backing") in a relative clause? */
static int S_standing_relative(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    unsigned tag = t->toks[g->passive ? g->first : g->verb].code;
    return g->tense == DYAD__TENSE_PRESENT && !g->perfect && !g->progressive && g->modal == NONE &&
           (tag == DYAD__T_VBZ || tag == DYAD__T_VBP) && S_in_relative(t, g->vp);
}

/* An act that will or would happen, or stands in an infinitive no coded
 * verb governs ("were supposed to sign"): an intent when a code states
 * one; a negated or possible one is marked, or not an event. */
static int S_news_plan(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    int mood = dyad__mood(c, g);
    int could = mood == -2 && S_own_word_could(c, e);
    if (could) {
        /* "Finland said it could expel Russian diplomats": a party's word
         * that its side could coerce or strike is its threat, as an
         * intent is of what it will do; the act stays a possibility */
        TRACE("  what the speaker's own side could do by force or coercion: a threat\n");
        mood = 1;
    }
    e->planned = mood > 0;
    const char *refusal = e->code && !e->paired && mood == -1 && g->negated &&
                                  (g->modality == DYAD__MOD_FUTURE ||
                                   g->modality == DYAD__MOD_CONDITIONAL)
                              ? dyad__refusal(e->code) : NULL;
    if (refusal) {
        /* "will not attend the talks": a refusal, made now (CAMEO 12),
         * of an act not done */
        c->plan[c->nplan++] = (planmap){e->code, refusal, DYAD_NEGATED};
        TRACE("  will not: a refusal, %s, of %s\n", refusal, e->code);
        e->code = refusal;
        mood = 0;
    }
    if (mood < 0 && !c->all_modalities) {
        TRACE("  negated, or could, may or should: not an event\n");
        return STOP;
    }
    if (mood < 0) {
        c->mod = mood == -1 ? DYAD_NEGATED : DYAD_HYPOTHETICAL;
        TRACE("  %s: marked, not done\n", dyad_modality_kind_name(c->mod));
    }
    if (mood == 0 && S_standing_relative(c, g)) {
        /* "the United States, which backs the militia", "Brazil, which
         * borders both countries": a relation that stands, told of the
         * antecedent, not an act of the story */
        TRACE("  present tense in a relative clause: a standing relation, not an event\n");
        return STOP;
    }
    if (mood > 0 && S_in_relative(&c->tree, g->vp)) {
        /* "a deal under which the rebels would pull back": the content
         * of the noun, not an intent anyone stated */
        if (!c->all_modalities) {
            TRACE("  planned in a relative clause: the content of a noun, not an event\n");
            return STOP;
        }
        c->mod = DYAD_PLANNED;
        TRACE("  planned in a relative clause: marked, no stated intent\n");
    } else if (mood > 0 && S_purpose_of_done(c, g)) {
        /* "sent police to La Paz to break up the protests": the purpose
         * of an act done, which is the news; no intent stated */
        if (!c->all_modalities) {
            TRACE("  the purpose of an act done: not an event\n");
            return STOP;
        }
        c->mod = DYAD_PLANNED;
        TRACE("  the purpose of an act done: planned, no stated intent\n");
        return GO;
    } else if (mood > 0) {
        const char *code = e->code, *paired = e->paired;
        const char *was = code ? code : paired;
        const char *ic = code ? dyad__intent(code) : NULL, *ip = paired ? dyad__intent(paired) : NULL;
        int has_ic = ic && strcmp(ic, code), has_ip = ip && paired && strcmp(ip, paired);
        if (!has_ic && !has_ip) {
            /* no code states an intent to do it ("will criticize"): the
             * act is planned, nothing is asserted */
            if (!c->all_modalities) {
                TRACE("  planned %s, with no code for the intent: not an event\n", was);
                return STOP;
            }
            c->mod = DYAD_PLANNED;
            TRACE("  planned %s, with no code for the intent: marked\n", was);
            return GO;
        }
        if (has_ic) c->plan[c->nplan++] = (planmap){code, ic, could ? DYAD_HYPOTHETICAL : DYAD_PLANNED};
        if (has_ip && c->nplan < 2) c->plan[c->nplan++] = (planmap){paired, ip, DYAD_PLANNED};
        e->code = has_ic ? ic : NULL;
        e->paired = has_ip ? ip : NULL;
        if (!e->code && !e->paired) { TRACE("  planned %s: no intent code\n", was); return STOP; }
        if (e->code && e->paired && dyad__streq(e->code, e->paired)) e->paired = NULL;
        TRACE("  planned, not done: %s\n", e->code ? e->code : e->paired);
    }
    return GO;
}

/* A passive verb whose patterns, written for the active voice, name
 * its object ("SENT &AID TO +"): the object stands in the subject ("aid
 * was sent to Peru by Chile").  When no pattern matched as written and
 * a "by" agent names a party, the verb's patterns are tried with the
 * subject in the object's place; the "by" agent is then the source and,
 * when the pattern names no target, the subject is the target ("the
 * Chilean ambassador was expelled by Peru": expelling a diplomat). */
int dyad__news_passive_pattern(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!g->passive || e->best.ok || g->subject == NONE) return GO;
    uint32_t by = dyad__by_agent(c, g->inner);
    if (by == NONE || !dyad__np_actors(c, by, 0).n) return GO;
    dyad__best_pattern(c, e, 1, t->nodes[g->subject].tok_a, t->nodes[g->subject].tok_b);
    if (!e->best.ok) return GO;
    const dyad_dict_pattern *bp = &e->bp;
    TRACE("  passive: active pattern %s:%lu '%s' [%s] with the subject as its object\n", bp->file,
          bp->line, bp->text, bp->code ? bp->code : "");
    if (bp->code) e->code = bp->code;
    e->pcode = bp->passive_code;
    dyad__ev(&e->base, "pattern", bp->file, bp->line, 0, 0, bp->text);
    e->best.src = by;
    if (e->best.tgt == NONE && dyad__np_actors(c, g->subject, 0).n) e->best.tgt = g->subject;
    return GO;
}

/* Planned is not done.  A negated act did not happen; one that could,
 * may, should or must happen is speculation or an appeal by someone
 * else; a meeting not wanted is a refusal; coercion on a condition is a
 * threat; one that will happen is an intent (dyad__news_plan). */
int dyad__news_mood(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    const char *code = e->code;
    if (code && !e->paired) e->condp = dyad__condition_party(c, g, code);
    if (code && !e->paired && (dyad__streq(code, "036") || !strncmp(code, "04", 2)) &&
        dyad__unwilling(c, g)) {
        /* "does not want to meet Kim": a refusal to meet (125) */
        e->code = "125";
        TRACE("  a meeting not wanted: a refusal (125)\n");
    } else if (e->condp.n) {
        const char *threat = dyad__intent(code);
        if (!threat) threat = code;   /* a verbal act stays what it is */
        if (strcmp(threat, code))
            c->plan[c->nplan++] = (planmap){code, threat, DYAD_HYPOTHETICAL};
        e->code = threat;
        e->planned = 1;
        TRACE("  coercion on a condition ('if' %s): a threat, %s\n", e->condp.v[0].code, e->code);
    } else if (code || e->paired) {
        return S_news_plan(c, e);
    }
    return GO;
}

/* A cumulative summary is not an event: a present perfect over a span
 * of time ("since 2016", "in the past five years") with a counted plural
 * object ("has carried out four incursions into X since 2016", "has
 * seized several tankers in the past five years") tallies acts told
 * elsewhere or not at all, as the gold's guidelines read statistical
 * summaries.  The counters and span words are data (lexicon lists
 * "quantifiers" and "spans"); a number is its tag, CD. */
int dyad__news_summary(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!g->perfect || g->passive || g->tense != DYAD__TENSE_PRESENT || g->modal != NONE) return GO;
    const dyad__node *in = &t->nodes[g->inner];
    /* the span in the verb's phrase: one before the subject ("since the
     * pact was signed, X has shipped N shells to Y") may be the act's
     * start, which the gold codes as the act */
    uint32_t span = NONE;
    for (uint32_t i = g->verb + 1; i < in->tok_b && span == NONE; i++) {
        int s = dyad__code_lx(c, i, DYAD__LX_SPANS);
        /* "since Monday", "since March 3" is a few days, not a span to
         * sum up ("since May 2024" is) */
        if (s && i + 1 < in->tok_b && dyad__code_lx(c, i + 1, DYAD__LX_TIMES) &&
            !(i + 2 < in->tok_b && t->toks[i + 2].code == DYAD__T_CD && strlen(t->toks[i + 2].word) == 4))
            s = 0;
        if (s) span = i;
    }
    if (span == NONE) return GO;
    for (uint32_t ch = in->first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
        const dyad__node *np = &t->nodes[ch];
        /* the span is a phrase of its own, not a word of the object
         * ("has blamed a string of border raids on X" is one charge) */
        if (np->label != DYAD__L_NP || np->tok_a <= g->verb || (span >= np->tok_a && span < np->tok_b))
            continue;
        uint32_t q = NONE;
        for (uint32_t i = np->tok_a; i < np->tok_b && i < np->tok_a + 4 && q == NONE; i++)
            if (t->toks[i].code == DYAD__T_CD || dyad__code_lx(c, i, DYAD__LX_QUANTIFIERS)) q = i;
        if (q == NONE) continue;
        for (uint32_t i = q + 1; i < np->tok_b; i++)
            if (t->toks[i].code == DYAD__T_NNS) {
                TRACE("  a count of acts over a span of time ('%s ... %s'): a summary, not an event\n",
                      t->toks[q].word, t->toks[i].word);
                return STOP;
            }
    }
    return GO;
}

/* Does noun phrase np name a commentator ("analysts", "a senior fellow
 * at ...", lexicon list "commentators") and no organisation of states
 * ("U.N. experts" report as the U.N.)? */
static int S_commentator_np(dyad_coder *c, uint32_t np)
{
    const dyad__tree *t = &c->tree;
    if (np == NONE) return 0;
    int found = 0;
    for (uint32_t i = t->nodes[np].tok_a; i < t->nodes[np].tok_b && !found; i++) {
        /* the role as a noun: "a senior fellow", not "fellow lawmakers" */
        found = dyad__code_lx(c, i, DYAD__LX_COMMENTATORS) && dyad__tag_is_noun(t->toks[i].tag);
        /* a person the story introduced as an expert ("Marta Ruiz, an
         * Andes specialist at ...": a name with the code of an education
         * role) */
        const mention *m = &c->ments[i];
        found |= m->a == i && m->code && strlen(m->code) == 6 && dyad__streq(m->code + 3, "EDU");
    }
    if (!found) return 0;
    actorset a = dyad__np_actors(c, np, 0);
    for (uint32_t i = 0; i < a.n; i++)
        if (!strncmp(a.v[i].code, "IGO", 3)) return 0;
    return 1;
}

/* Commentary is not an event (the gold's guidelines): what analysts,
 * academics and think-tank fellows say will or could happen ("Ortega,
 * a fellow at a Lima research centre, said the two presidents would not
 * meet before the vote"; "according to analysts, Peru hopes to win
 * Chile's backing").  A clause a commentator reports, or a quotation of
 * one, is not coded. */
int dyad__news_commentary(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->code && !e->paired) return GO;
    /* most sentences name no commentator at all: asked once */
    if (c->commentators < 0) {
        int any = 0;
        for (uint32_t i = 0; i < t->ntoks && !any; i++)
            any = dyad__code_lx(c, i, DYAD__LX_COMMENTATORS) ||
                  (c->ments[i].code && c->ments[i].a == i && strlen(c->ments[i].code) == 6 &&
                   dyad__streq(c->ments[i].code + 3, "EDU"));
        c->commentators = (int8_t)any;
    }
    if (!c->commentators) return GO;
    const dyad__node *gv = &t->nodes[g->vp];
    int quoted = c->inquote[g->verb];
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h == g || c->inquote[h->verb] || !dyad__reporting(c, h->verb)) continue;
        int holds = quoted;
        if (!holds && h->reported != NONE) {
            const dyad__node *r = &t->nodes[h->reported];
            holds = r->tok_a <= gv->tok_a && gv->tok_b <= r->tok_b;
        }
        if (!holds) continue;
        uint32_t np = h->subject;
        if (np == NONE || c->inquote[t->nodes[np].tok_a])
            np = h->last + 1 < t->ntoks ? c->np_from[h->last + 1] : NONE;   /* said X */
        int words = 0;   /* no subject found: the words before the verb
                            ("X, a senior fellow at ..., said") */
        for (uint32_t i = h->first; h->subject == NONE && i-- > 0 && h->first - i <= 16 && !words;)
            words = !c->inquote[i] && dyad__code_lx(c, i, DYAD__LX_COMMENTATORS) &&
                    dyad__tag_is_noun(t->toks[i].tag);
        if (words || S_commentator_np(c, np)) {
            TRACE("  reported by a commentator: commentary, not an event\n");
            return STOP;
        }
    }
    /* "according to analysts, ..." */
    for (uint32_t i = 0; i + 2 < t->ntoks; i++)
        if (dyad__ieq(t->toks[i].word, "according") && dyad__ieq(t->toks[i + 1].word, "to") &&
            !c->inquote[i] && S_commentator_np(c, c->np_from[i + 2])) {
            TRACE("  according to a commentator: commentary, not an event\n");
            return STOP;
        }
    return GO;
}

/* A bare statement by a reporting verb ("X said ...", "told reporters",
 * "announced", "issued a statement") is attribution, not an event of its
 * own: what was said is coded from the reported clause, if it is an
 * event. */
int dyad__news_attribution(dyad_coder *c, cand *e)
{
    if (!e->code || !dyad__streq(e->code, "010") || e->paired) return GO;
    TRACE("  010 by a reporting verb: attribution, not an event\n");
    c->coded = 0;     /* the reported clause is coded on its own */
    return STOP;
}

/* A participle after a comma whose clause names no party ("... since the
 * withdrawal started, inflicting casualties on X") is the act of the
 * outermost clause's subject. */
int dyad__news_trailing_participle(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (dyad__named_only(c, &e->src).n || t->toks[g->verb].code != DYAD__T_VBG ||
        g->first != g->verb || g->first == 0 || !dyad__streq(t->toks[g->first - 1].word, ","))
        return GO;
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
        e->src = hs;
        widest = hv->tok_b - hv->tok_a;
    }
    if (widest) TRACE("  a trailing participle: the subject of the clause around it\n");
    return GO;
}

/* A participle clause takes the subject of the clause it hangs on ("sent
 * a letter to Rubio, urging him to act"): S_governing_subject. */
int dyad__news_hanging_participle(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    e->hangs = g->subject == NONE && c->tree.toks[g->verb].code == DYAD__T_VBG && g->first == g->verb;
    return GO;
}

/* "Chile's foreign minister, speaking in Lima, criticized Bolivia",
 * "Chilean troops, backed by Peruvian aircraft, attacked ...": where the
 * chunker made the participle between commas the verb of the subject and
 * left the main verb's clause with none, the main verb's subject is the
 * participle's. */
int dyad__news_apposed_participle(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (e->src.n || g->subject != NONE || g->infinitive) return GO;
    uint32_t s_node = t->nodes[g->vp].parent;
    if (s_node == NONE || t->nodes[s_node].label != DYAD__L_S || t->nodes[s_node].first_child != g->vp)
        return GO;
    /* the sibling before the clause, past a comma: a clause of a subject,
     * a comma and a participle's phrase */
    uint32_t up = t->nodes[s_node].parent, before = NONE;
    if (up == NONE || t->nodes[s_node].tok_a < 2) return GO;
    for (uint32_t q = t->nodes[up].first_child; q != NONE && q != s_node; q = t->nodes[q].next_sibling)
        before = q;
    if (before == NONE || t->nodes[before].label != DYAD__L_S ||
        t->toks[t->nodes[s_node].tok_a - 1].code != DYAD__T_COMMA ||
        t->nodes[before].tok_b + 1 != t->nodes[s_node].tok_a)
        return GO;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h == g || h->subject == NONE || t->nodes[h->vp].parent != before ||
            t->nodes[h->subject].parent != before || h->subject == h->vp)
            continue;
        unsigned tag = t->toks[h->verb].code;
        if (!(h->passive || tag == DYAD__T_VBG || tag == DYAD__T_VBN) || h->first != h->verb) continue;
        /* subject, comma, participle: "X, speaking in Lima," */
        uint32_t sb = t->nodes[h->subject].tok_b;
        if (sb + 1 != t->nodes[h->vp].tok_a || t->toks[sb].code != DYAD__T_COMMA) continue;
        e->src = dyad__np_actors(c, h->subject, 0);
        if (e->src.n) TRACE("  the subject before the participle between commas ('%s')\n", t->toks[h->verb].word);
        break;
    }
    return GO;
}

/* "..., in a move to strengthen ties after meeting Biden": a participle
 * after a subordinator has the subject of the nearest clause before it,
 * however loosely the clauses between are attached. */
int dyad__news_subordinate_participle(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->src.n && g->subject == NONE && g->first == g->verb && g->first > 0 &&
        t->toks[g->verb].code == DYAD__T_VBG &&
        dyad__in_words(t->toks[g->first - 1].word, S_participle_subord, DYAD_ARRAY_LEN(S_participle_subord)))
        e->src = dyad__earlier_subject(c, g, 0);
    return GO;
}

/* An act of one party ("walked off the job in Valparaiso", "rallied
 * outside the ministry") has a place, not a second party, in its
 * locative phrase. */
int dyad__news_place(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    if (!e->searched || !e->tgt.n || !e->code || !dyad__venue(e->code) || e->from == NONE) return GO;
    uint32_t pp = t->nodes[e->from].parent;
    if (pp != NONE && t->nodes[pp].label == DYAD__L_PP && t->nodes[pp].head != NONE &&
        dyad__locative(c, t->nodes[pp].head)) {
        TRACE("  '%s' is where one party acted, not a second party\n",
              dyad__words_text(c, t->nodes[e->from].tok_a, t->nodes[e->from].tok_b));
        e->tgt = (actorset){NULL, 0};
        e->from = NONE;
        e->placed = 1;
    }
    return GO;
}

/* "will discuss the issue at a meeting in Luxembourg": a place phrase
 * of an event noun says where the event is, and names no party to it. */
int dyad__news_venue(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    if (!e->searched || !e->tgt.n || !e->code || e->from == NONE || e->best.tgt != NONE) return GO;
    uint32_t pp = t->nodes[e->from].parent;
    if (pp == NONE || t->nodes[pp].label != DYAD__L_PP || t->nodes[pp].head == NONE ||
        !dyad__locative(c, t->nodes[pp].head))
        return GO;
    /* the event noun the place phrase belongs to: its head, or where the
     * chunker hangs both on the verb, the phrase right before it ("at a
     * meeting" "in Luxembourg") */
    uint32_t np = t->nodes[pp].parent;
    if (np != NONE && t->nodes[np].label == DYAD__L_VP) {
        uint32_t prev = NONE;
        for (uint32_t q = t->nodes[np].first_child; q != NONE && q != pp; q = t->nodes[q].next_sibling)
            prev = q;
        np = NONE;
        if (prev != NONE && t->nodes[prev].label == DYAD__L_PP)
            for (uint32_t q = t->nodes[prev].first_child; q != NONE; q = t->nodes[q].next_sibling)
                if (t->nodes[q].label == DYAD__L_NP) np = q;
    }
    if (np == NONE || t->nodes[np].label != DYAD__L_NP || t->nodes[np].head == NONE ||
        !dyad__code_lx(c, t->nodes[np].head, DYAD__LX_EVENT_NOUNS))
        return GO;
    /* a meeting's place only: the place of an attack is what it hit
     * ("the bombing in Niger") */
    const char *hw = t->toks[t->nodes[np].head].word;
    const dyad__lex_noun *nm = dyad__lex_noun_get(c->lex, hw, strlen(hw));
    if (!nm || !nm->code || strncmp(nm->code, "04", 2)) return GO;
    TRACE("  '%s' is where the '%s' is held, not a party\n",
          dyad__words_text(c, t->nodes[e->from].tok_a, t->nodes[e->from].tok_b),
          t->toks[t->nodes[np].head].word);
    e->tgt = (actorset){NULL, 0};
    e->from = NONE;
    e->placed = 1;
    return GO;
}

/* Is child ch of a verb phrase a topic phrase: a preposition of the
 * lexicon's list "topic-prepositions" whose noun phrase is headed by no
 * party ("about the inspectors' findings", "on Peru's maritime
 * claims")? */
static int S_topic_pp(const dyad_coder *c, uint32_t ch)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *x = &t->nodes[ch];
    if (x->label != DYAD__L_PP || x->head == NONE || !dyad__code_lx(c, x->head, DYAD__LX_TOPIC_PREPS))
        return 0;
    uint32_t np = NONE;
    for (uint32_t g = x->first_child; g != NONE && np == NONE; g = t->nodes[g].next_sibling)
        if (t->nodes[g].label == DYAD__L_NP) np = g;
    if (np == NONE) return 0;
    uint32_t h = t->nodes[np].head;
    return h != NONE && !c->covered[h] && t->toks[h].code != DYAD__T_PRP &&
           dyad__tag_is_noun(t->toks[h].tag);
}

/* A participle right after a noun phrase that names a party of its own
 * ("blocked a European Union statement criticizing China", "vetoed a
 * U.N. resolution condemning Chile") tells the content of that noun, a
 * document the clause around it acts on: neither the clause's subject's
 * act nor, when the clause only handles the document, one that is known
 * to have been done.  No event. */
int dyad__news_noun_participle(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->src.n || t->toks[g->verb].code != DYAD__T_VBG || g->first != g->verb)
        return GO;
    /* the participle's clause and the phrase just before it */
    uint32_t cl = t->nodes[g->vp].parent;
    if (cl == NONE || t->nodes[cl].label != DYAD__L_S || t->nodes[cl].tok_a != g->first ||
        t->nodes[cl].parent == NONE)
        return GO;
    uint32_t prev = NONE;
    for (uint32_t ch = t->nodes[t->nodes[cl].parent].first_child; ch != NONE && ch != cl;
         ch = t->nodes[ch].next_sibling)
        prev = ch;
    if (prev == NONE || t->nodes[prev].label != DYAD__L_NP || t->nodes[prev].tok_b != g->first ||
        t->nodes[prev].head == NONE || strncmp(t->toks[t->nodes[prev].head].tag, "NN", 2) ||
        !strncmp(t->toks[t->nodes[prev].head].tag, "NNP", 3))
        return GO;
    actorset own = dyad__np_actors(c, prev, 0);
    own = dyad__named_only(c, &own);
    if (!own.n) return GO;
    for (uint32_t i = 0; i < own.n; i++)
        for (uint32_t j = 0; j < e->src.n; j++)
            if (!strncmp(own.v[i].code, e->src.v[j].code, 3)) return GO;
    TRACE("  '%s' tells what '%s' (%s's) says: not the subject's act\n",
          t->toks[g->verb].word, t->toks[t->nodes[prev].head].word, own.v[0].code);
    return STOP;
}

/* A relative clause's doer is its antecedent ("met the envoy who had
 * criticized Peru": the envoy).  A role there that names no country of
 * its own and only borrowed one named before it, in the clause the
 * relative clause hangs on, is no party known to have done it: the
 * envoy Bolivia's minister met is not Bolivia's for being met by him. */
int dyad__news_relative_source(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->src.n || e->best.src != NONE || g->subject == NONE ||
        t->nodes[g->subject].tok_b > t->nodes[g->vp].tok_a || !S_in_relative(t, g->vp))
        return GO;
    /* the antecedent lies before the relative pronoun: outside the
     * clause */
    uint32_t w = t->nodes[g->subject].tok_b;
    if (w >= t->ntoks || (t->toks[w].code != DYAD__T_WP && t->toks[w].code != DYAD__T_WDT))
        return GO;
    for (uint32_t i = 0; i < e->src.n; i++)
        if (e->src.v[i].borrowed != 1) return GO;
    TRACE("  the relative clause's antecedent only borrowed its country: no source\n");
    e->src = (actorset){NULL, 0};
    return GO;
}

/* A judgement of a deed named with its doer ("condemned the killing of
 * three journalists by Bolivian soldiers", "praised the release of the
 * hostages by Peru") is aimed at the doer, the "by" agent of the deed,
 * as a passive's "by" agent is its source -- not at the deed's victims.
 * Only when the verb's object is a deed, not a party itself.  So is any
 * act whose target came out as the doer's own people and whose object
 * names another party by "by" ("demanded the release of Peruvian
 * fishermen arrested by Chilean police"). */
int dyad__news_deed_doer(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    /* ... and any act whose target came out as the doer's own people,
     * named so ("demanded the release of Peruvian fishermen arrested by
     * Chilean police": Chile's police hold them) */
    int own = e->src.n && e->tgt.n && !strncmp(e->src.v[0].code, e->tgt.v[0].code, 3) &&
              dyad__country_code(e->src.v[0].code) && !e->tgt.v[0].borrowed && !e->mutual &&
              !dyad__symmetric(e->code);
    if (!e->searched || !e->tgt.n || e->from == NONE || !e->code ||
        !(dyad__judgement(e->code) || own) || e->best.tgt != NONE || g->passive)
        return GO;
    uint32_t obj = NONE;
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && obj == NONE;
         ch = t->nodes[ch].next_sibling)
        if (t->nodes[ch].label == DYAD__L_NP) obj = ch;
    if (obj == NONE) return GO;
    uint32_t h = t->nodes[obj].head;
    if (h == NONE || c->covered[h] || !dyad__tag_is_noun(t->toks[h].tag)) return GO;
    /* the deed's object or owner gave the target: the one it names in
     * a "by" phrase after it did the deed */
    if (t->nodes[e->from].tok_a < t->nodes[obj].tok_a) return GO;
    uint32_t by = dyad__by_agent(c, g->inner);
    if (by == NONE || t->nodes[by].tok_a < t->nodes[obj].tok_a) return GO;
    actorset doer = dyad__np_actors(c, by, 0);
    doer = dyad__named_only(c, &doer);
    if (!doer.n || (own && !strncmp(doer.v[0].code, e->src.v[0].code, 3))) return GO;
    TRACE("  a judgement of a deed: aimed at its doer, '%s'\n",
          dyad__words_text(c, t->nodes[by].tok_a, t->nodes[by].tok_b));
    e->tgt = doer;
    /* (the deed on one's own people stays an event of its own: the
     * phrase the target came from is still the object's) */
    if (!own || dyad__judgement(e->code)) e->from = by;
    return GO;
}

/* An object relative clause ("Chile, which Peru accused of spying";
 * "the rebels whom Chile blamed for the attack") has its own subject;
 * what it does is done to its antecedent: with no target among the
 * verb's complements, the antecedent is the target. */
int dyad__news_relative_object(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (e->tgt.n || !e->code || e->best.tgt != NONE || g->subject == NONE || g->passive) return GO;
    /* the clause's S, its relative SBAR, and the noun phrase it hangs on */
    uint32_t s_node = t->nodes[g->subject].parent;
    if (s_node == NONE || t->nodes[s_node].label != DYAD__L_S) return GO;
    uint32_t sbar = t->nodes[s_node].parent;
    if (sbar == NONE || t->nodes[sbar].label != DYAD__L_SBAR) return GO;
    uint32_t wh = t->nodes[sbar].first_child;
    if (wh == NONE || t->nodes[wh].label != DYAD__L_WHNP) return GO;
    uint32_t np = t->nodes[sbar].parent;
    if (np == NONE || t->nodes[np].label != DYAD__L_NP) return GO;
    uint32_t ante = t->nodes[np].first_child;
    if (ante == NONE || t->nodes[ante].label != DYAD__L_NP || ante == sbar) return GO;
    actorset a = dyad__np_actors(c, ante, 0);
    a = dyad__named_only(c, &a);
    if (!a.n) return GO;
    TRACE("  an object relative clause: its antecedent '%s' is the target\n",
          dyad__words_text(c, t->nodes[ante].tok_a, t->nodes[ante].tok_b));
    e->tgt = a;
    e->from = ante;
    return GO;
}

/* "condemned the strikes as a violation of Lebanese sovereignty": in a
 * judgement of an object, the "as" phrase after it says what the object
 * is judged to be; a party named in it is not whom the judgement is
 * aimed at. */
int dyad__news_as_phrase(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->searched || !e->tgt.n || !e->code || e->from == NONE || e->best.tgt != NONE ||
        !dyad__judgement(e->code))
        return GO;
    uint32_t ch = e->from;
    while (ch != NONE && t->nodes[ch].parent != g->inner) ch = t->nodes[ch].parent;
    if (ch == NONE || t->nodes[ch].label != DYAD__L_PP || !dyad__ieq(t->toks[t->nodes[ch].tok_a].word, "as"))
        return GO;
    int object = 0;
    for (uint32_t q = t->nodes[g->inner].first_child; q != NONE && q != ch; q = t->nodes[q].next_sibling)
        object |= t->nodes[q].label == DYAD__L_NP && t->nodes[q].tok_a > g->verb;
    if (!object) return GO;
    TRACE("  '%s' is in the 'as' phrase of a judged object: what it is judged to be, not a party\n",
          dyad__words_text(c, t->nodes[e->from].tok_a, t->nodes[e->from].tok_b));
    e->tgt = (actorset){NULL, 0};
    e->from = NONE;
    e->placed = 1;
    return GO;
}

/* Topics are no parties.  A party the verb's complements name inside a
 * topic phrase ("hosted talks on Peru's maritime claims"), or in a
 * phrase of a topic preposition or of place that goes on with one
 * ("worried about the implications of the pact for Peru", "concern
 * about violence in Bolivia"), is what the act is about, not whom it is
 * done to: no target, unless a pattern named it.  So for an intent or a
 * consultation (roots 03, 04: "offered help on Bolivia's debt crisis");
 * a judgement (praise, criticism, rejection, sanctions, coercion) is
 * still aimed at the owner the topic names before its noun ("concerned
 * about Peru's actions": the cases' convention and the gold's).  Other
 * acts name their parties with these prepositions: "an attack on Peru's
 * positions", "called for Peru's withdrawal", "claimed responsibility
 * for the ambush on Malian soldiers", "went on strike against the
 * government". */
int dyad__news_topic(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    int owned = !(!strncmp(e->code ? e->code : "", "03", 2) || !strncmp(e->code ? e->code : "", "04", 2));
    if (!e->searched || !e->tgt.n || !e->code || e->from == NONE || e->best.tgt != NONE ||
        (owned && !dyad__judgement(e->code)))
        return GO;
    uint32_t ch = e->from;
    while (ch != NONE && t->nodes[ch].parent != g->inner) ch = t->nodes[ch].parent;
    if (ch == NONE || t->nodes[ch].label != DYAD__L_PP) return GO;
    int topic = 0;
    if (S_topic_pp(c, ch)) {
        /* inside the topic: its owner, named before its noun, or a party
         * after it ("the findings on Peru") */
        uint32_t np = NONE;
        for (uint32_t q = t->nodes[ch].first_child; q != NONE && np == NONE; q = t->nodes[q].next_sibling)
            if (t->nodes[q].label == DYAD__L_NP) np = q;
        topic = !owned || np == NONE || t->nodes[e->from].tok_a > t->nodes[np].head;
    } else if (t->nodes[ch].head != NONE && (dyad__code_lx(c, t->nodes[ch].head, DYAD__LX_TOPIC_PREPS) ||
                                              dyad__locative(c, t->nodes[ch].head))) {
        /* after a topic phrase, through phrases of prepositions: "about
         * the implications (of the pact) for Peru" */
        uint32_t prev[64];
        uint32_t np = 0;
        for (uint32_t q = t->nodes[g->inner].first_child; q != NONE && q != ch; q = t->nodes[q].next_sibling) {
            if (t->nodes[q].label != DYAD__L_PP) np = 0;
            else if (np < 64) prev[np++] = q;
        }
        for (uint32_t i = np; i-- > 0 && !topic;) topic = S_topic_pp(c, prev[i]);
    }
    if (!topic) return GO;
    TRACE("  '%s' is in a topic phrase: what the act is about, not a party\n",
          dyad__words_text(c, t->nodes[e->from].tok_a, t->nodes[e->from].tok_b));
    e->tgt = (actorset){NULL, 0};
    e->from = NONE;
    e->placed = 1;
    return GO;
}

/* "picked out police officers ... and shot them": "them" is the nearest
 * phrase before it in the sentence that names a party, other than the
 * subject. */
int dyad__news_them(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (e->tgt.n || !e->code || !dyad__force_code(e->code)) return GO;
    uint32_t obj = NONE;
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && obj == NONE;
         ch = t->nodes[ch].next_sibling)
        if (t->nodes[ch].label == DYAD__L_NP) obj = ch;
    if (obj == NONE || !dyad__pronoun(t, obj) || !dyad__ieq(t->toks[t->nodes[obj].tok_a].word, "them"))
        return GO;
    uint32_t sa = g->subject != NONE ? t->nodes[g->subject].tok_a : NONE;
    /* the noun phrases ending by g's first verbal token, last first (all
     * nodes when there is no index) */
    const govidx *gx = c->gov && c->gov->any ? c->gov : NULL;
    for (uint32_t q = t->nnodes;
         !e->tgt.n && (gx ? (q = dyad__min_prev(gx->np_end, 1, 0, gx->nleaves, q, g->first + 1)) != NONE
                          : q-- > 0);) {
        const dyad__node *x = &t->nodes[q];
        if (x->label != DYAD__L_NP || x->tok_b > g->first || x->tok_a == sa ||
            dyad__pronoun(t, q) || (c->inquote && c->inquote[x->tok_a] != c->inquote[g->verb]))
            continue;
        actorset xs = dyad__np_actors(c, q, 0);
        e->tgt = dyad__named_only(c, &xs);
        if (e->tgt.n) TRACE("  'them': '%s', before it\n", dyad__words_text(c, x->tok_a, x->tok_b));
    }
    return GO;
}

/* "killed and injured 1,000 fighters": coordinated verbs share the
 * object written after the last of them. */
int dyad__news_shared_object(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (e->tgt.n || g->last + 2 >= t->ntoks || t->toks[g->last + 1].code != DYAD__T_CC) return GO;
    const govidx *gx = c->gov && c->gov->any ? c->gov : NULL;
    for (uint32_t k = gx ? gx->first_at[g->last + 2] : 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->first != g->last + 2) continue;
        uint32_t f2 = NONE;
        e->tgt = dyad__target_of(c, h->inner, &f2, 0);
        if (e->tgt.n) TRACE("  the object of the coordinated '%s'\n", t->toks[h->verb].word);
        break;
    }
    return GO;
}

/* "met Peru's president and signed a trade pact": a verb phrase joined
 * by "and" to a meeting, visit or other consultation (04x) of the same
 * subject, that names no other party itself, is cooperation (03x, 05x,
 * 06x, 07x) with the one met, the first phrase's object (docs/CODING.md
 * §16.5).  Only after a consultation coded as done: "criticized Peru and
 * signed a pact with no one named" is not news of Peru. */
int dyad__news_conjunct_party(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    const char *code = e->code;
    if (e->tgt.n || !e->src.n || !code || g->passive || dyad__one_sided(code) ||
        !(code[0] == '0' && (code[1] == '3' || code[1] == '5' || code[1] == '6' || code[1] == '7')))
        return GO;
    /* g's conjunct: the phrase below the container (g->vp) that holds
     * its verb */
    uint32_t cj = g->inner;
    while (cj != NONE && t->nodes[cj].parent != g->vp) cj = t->nodes[cj].parent;
    if (cj == NONE || cj == g->vp) return GO;
    /* the conjunct right before it, joined by "and" alone */
    uint32_t prev = NONE, a = t->nodes[cj].tok_a;
    for (uint32_t ch = t->nodes[g->vp].first_child; ch != NONE && ch != cj;
         ch = t->nodes[ch].next_sibling)
        prev = t->nodes[ch].label == DYAD__L_VP ? ch : NONE;
    if (prev == NONE || a < 1 || t->nodes[prev].tok_b + 1 != a ||
        !dyad__ieq(t->toks[a - 1].word, "and"))
        return GO;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->vp != g->vp || h->verb < t->nodes[prev].tok_a || h->verb >= t->nodes[prev].tok_b)
            continue;
        int met = 0;
        for (size_t i = 0; i < c->nevents && !met; i++)
            met = c->events[i].verb == h->verb && !strncmp(c->events[i].code, "04", 2) &&
                  dyad__streq(c->events[i].source, e->src.v[0].code);
        if (!met) return GO;
        uint32_t f = NONE;
        actorset x = dyad__target_of(c, h->inner, &f, 0);
        e->tgt = dyad__named_only(c, &x);
        if (e->tgt.n)
            TRACE("  the party of the consultation before it ('%s')\n", t->toks[h->verb].word);
        return GO;
    }
    return GO;
}

/* A lone participle of support ("the rebels, backed by X,"; "a camp
 * supported by X") describes a party; the sentence reports something
 * else.  A passive without a "by" agent ("Palestinians injured in
 * clashes with police"): the subject suffered the act; who did it is not
 * said. */
int dyad__news_passive(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    if (e->passive && g->first == g->last && e->code && !strncmp(e->code, "05", 2)) {
        TRACE("  a participle of support describing a party: not an event\n");
        return STOP;
    }
    /* but the subject of a participle of feeling is who feels it ("was
     * worried about Spain's plan": a comment, root 01), and of a force
     * posture it is the force that takes it ("police were put on alert",
     * root 15); a subject released or freed is still not the doer */
    if (e->agentless && e->src.n && e->code && strncmp(e->code, "01", 2) &&
        strncmp(e->code, "15", 2)) {
        TRACE("  agentless passive: the subject is not the doer\n");
        /* a bombing or an assassination suffered ("the former prime
         * minister was assassinated"): the subject is its target */
        if (!e->tgt.n && dyad__no_doer(e->code)) {
            e->tgt = e->src;
            TRACE("  the subject suffered it: the target\n");
        }
        e->src = (actorset){NULL, 0};
    }
    return GO;
}

/* "They opened fire on the bus passengers": who kills in a story of an
 * attack is the armed group it named (the subject, or for a verb
 * coordinated with an earlier one, that verb's). */
int dyad__news_they(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    if (e->src.n || !e->code) return GO;
    uint32_t they = dyad__they(c, e->g);
    const char *sg, *sg_text;
    unsigned sg_at;
    if (they != NONE && dyad__pronoun(t, they) &&
        dyad__ieq(t->toks[t->nodes[they].tok_a].word, "they") && dyad__force_code(e->code) &&
        (sg = dyad__story_group(c->story, 4, 1, &sg_text, &sg_at)) != NULL) {
        char why[128];
        snprintf(why, sizeof why, "'they' = %s, %s, the armed group named in sentence %u", sg,
                 sg_text, sg_at);
        uint32_t a = t->nodes[they].tok_a;
        if (!dyad__story_actor(c, &e->src, sg, a, a + 1, why)) return NOMEM;
    }
    return GO;
}

/* "Blinken issued a statement ... The statement threatened sanctions": a
 * statement acts for the person who made it. */
int dyad__news_statement(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    const char *sg, *sg_text;
    unsigned sg_at;
    if (!e->src.n && g->subject != NONE && dyad__the_statement(c, g->subject) &&
        (sg = dyad__story_person(c->story, 1, &sg_text, &sg_at)) != NULL) {
        uint32_t a = t->nodes[g->subject].tok_a, b = t->nodes[g->subject].tok_b;
        char why[128];
        snprintf(why, sizeof why, "'%s' = %s's, %s, in sentence %u", dyad__words_text(c, a, b),
                 sg_text, sg, sg_at);
        if (!dyad__story_actor(c, &e->src, sg, a, b, why)) return NOMEM;
    }
    return GO;
}

/* A threat on a condition is to the party of the condition, by the one
 * who will act, else by who says so. */
int dyad__news_condition_target(dyad_coder *c, cand *e)
{
    if (!e->condp.n) return GO;
    actorset own = dyad__named_only(c, &e->src);
    if (!own.n) e->src = dyad__reporter(c, e->g);
    if (!dyad__named_only(c, &e->src).n) e->src = dyad__earlier_subject(c, e->g, 0);
    e->tgt = e->condp;
    return GO;
}

/* "..., a charge Lima promptly dismissed": rejecting a charge is a
 * denial, answering the accuser. */
int dyad__news_charge(dyad_coder *c, cand *e)
{
    const char *code = e->code;
    e->on_charge = e->src.n && code && (!strncmp(code, "12", 2) || dyad__streq(code, "016")) &&
                   dyad__on_charge(c, e->g);
    if (e->on_charge) {
        e->code = "016";
        e->tgt = (actorset){NULL, 0};
        TRACE("  rejecting a charge: a denial (016)\n");
    }
    return GO;
}

/* "Lima denies the allegations": the accuser; "dismissed claims that it
 * buys rifles from Bolivia": the accuser, not a party of the content. */
int dyad__news_denial(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    if (!e->src.n || !e->code || !dyad__streq(e->code, "016")) return GO;
    actor acc;
    int keep = 0;
    for (uint32_t i = 0; i < e->tgt.n && !keep; i++)
        for (size_t k = 0; k < dyad__story_accusations(c->story) && !keep; k++) {
            const char *as, *at;
            dyad__story_accusation(c->story, k, &as, &at, NULL);
            keep = !strncmp(e->tgt.v[i].code, as, 3);
        }
    /* "X detailed transfers to Russia -- which Moscow denied": what is
     * denied is the clause before, and its subject the accuser */
    uint32_t sa = g->subject != NONE ? t->nodes[g->subject].tok_a : NONE;
    actorset before = {NULL, 0};
    if (!keep && !e->tgt.n && sa != NONE && sa > 0 && t->toks[sa - 1].code == DYAD__T_WDT)
        before = dyad__earlier_subject(c, g, 1);
    if (before.n) {
        e->tgt = before;
        TRACE("  a denial of what the clause before says: its subject\n");
    } else if (!keep && (!e->tgt.n || e->from != NONE) && dyad__accuser(c, &e->src, &acc)) {
        e->tgt = (actorset){NULL, 0};
        dyad__push_one(c, &e->tgt, &acc);
        TRACE("  a denial answers its accuser: %s\n", acc.why);
    } else if (!e->tgt.n && e->on_charge) {
        /* "A reiterated the claim that ..., a charge B rejected": the
         * charge is the claim of the clause before it */
        e->tgt = dyad__earlier_subject(c, g, 1);
    }
    return GO;
}

/* Aid or cooperation (roots 06, 07) given to a group set against a
 * state ("arming the rebels", "bankrolling the smugglers", "funding the
 * opposition"): a wrong when another party tells of it. */
static int S_arms_a_group(const cand *e)
{
    if (strncmp(e->code, "06", 2) && strncmp(e->code, "07", 2)) return 0;
    for (uint32_t j = 0; j < e->tgt.n; j++)
        if (dyad__against_state(e->tgt.v[j].code)) return 1;
    return 0;
}

/* Reported speech as a speech act.  A party's report that another party
 * did a wrong -- an act whose code has a charge in the CAMEO table
 * ("Chile said Peru had shelled the port": an act of force, 1123), or
 * aid to a group set against a state (112) -- is the speaker's
 * accusation of the doer.  The act itself is then only the speaker's
 * allegation, not a fact the sentence reports: it is not coded.  Left to
 * the steps after, the act coded as reported: a report of one's own
 * side's act ("the army said its troops killed ..."); a clause no named
 * party reports, or a witness of the public ("witnesses said", "a
 * Bolivian farmer said"); a doer not named in the clause's
 * subject (an agentless passive, "gunmen"); a state's force against
 * rebels, militants or criminals (news of a fight); a negated, planned or
 * hypothetical act; and a report whose attribution follows it outside
 * a quotation ("Peru shelled the port overnight, officials said"),
 * which wire copy writes for facts it sources.  Verbs that state their
 * clause as established ("confirmed", "assessed") are not on the
 * lexicon's list "reporting", so their clauses are facts. */
int dyad__news_allegation(dyad_coder *c, cand *e)
{
    const dyad__vgroup *g = e->g;
    if (!e->code || e->paired || e->planned || e->mutual || c->mod != DYAD_ASSERTED ||
        g->negated || e->agentless || !e->src.n)
        return GO;
    /* the doer: named in the clause's own subject (or its "by" agent),
     * and known -- unidentified gunmen (UAF) are no party accused */
    const dyad__tree *t = &c->tree;
    uint32_t by_np = g->passive ? dyad__by_agent(c, g->inner) : NONE;
    uint32_t who = e->passive || (by_np != NONE && e->best.src == by_np) ? by_np : g->subject;
    if (who == NONE) return GO;
    actorset doer = dyad__named_only(c, &e->src);
    for (uint32_t j = 0; j < doer.n; j++)
        if (doer.v[j].a < t->nodes[who].tok_a || doer.v[j].a >= t->nodes[who].tok_b ||
            (strlen(doer.v[j].code) >= 6 && !strncmp(doer.v[j].code + 3, "UAF", 3)))
            return GO;
    if (!doer.n) return GO;
    /* ... as the phrase's party, not the owner of its head: "Peru's
     * army", "Peruvian aircraft", not "Peru's campaign" */
    uint32_t head = t->nodes[who].head;
    if (head == NONE) return GO;
    for (uint32_t j = 0; j < doer.n && !c->covered[head]; j++)
        if (doer.v[j].b < t->ntoks && doer.v[j].b <= head && t->toks[doer.v[j].b].code == DYAD__T_POS)
            return GO;
    const char *charge = dyad__charge(e->code);
    if (!charge && !S_arms_a_group(e)) return GO;
    uint32_t by;
    actorset sp = dyad__reporter_by(c, g, &by);
    if (!sp.n) sp = dyad__claimant(c, g);   /* "repeated its claim that ..." */
    if (!sp.n) return GO;
    if (by != NONE && !c->inquote[g->verb] && t->vgroups[by].verb >= t->nodes[g->vp].tok_b) {
        TRACE("  attributed after the act ('..., officials said'): the act as reported\n");
        return GO;
    }
    const char *fact = dyad__told_as_fact(&sp, &doer, &e->tgt, charge != NULL,
                                          t->toks[t->nodes[who].tok_a].code == DYAD__T_PRPS);
    if (fact) {
        TRACE("  %s (%s): the act as reported\n", fact, sp.v[0].code);
        return GO;
    }
    if (!charge) charge = "112";
    TRACE("  %s reports %s's wrong: an accusation [%s], the act only alleged\n", sp.v[0].code,
          doer.v[0].code, charge);
    const dyad__vgroup *at = by != NONE ? &c->tree.vgroups[by] : g;
    evb base = e->base;
    char why[64];
    snprintf(why, sizeof why, "a wrong reported by another party: an accusation [%s]", charge);
    dyad__ev(&base, "verb", NULL, 0, g->verb, g->verb + 1,
             dyad__arena_strndup(&c->arena, why, strlen(why)));
    for (uint32_t i = 0; i < sp.n; i++)   /* "Chile and Bolivia said": each */
        for (uint32_t j = 0; j < doer.n; j++)
            if (dyad__add_event(c, &sp.v[i], &doer.v[j], charge, at, &base, 0) != 0) return NOMEM;
    return STOP;
}

/* News text: a role with no country ("reporters", "officials") is not a
 * party; "both countries withdrew ambassadors over Israel's crackdown":
 * a target that is one of the two makes it each one's act on the other;
 * "mediated between Chad and the rebels": beside a party named, a role
 * that only borrowed the doer's own country is not a second one. */
int dyad__news_named_parties(dyad_coder *c, cand *e)
{
    if (c->require_dyad) {
        e->src = dyad__named_only(c, &e->src);
        e->tgt = dyad__named_only(c, &e->tgt);
    }
    if (e->src.n && e->tgt.n >= 2) {
        uint32_t keep = 0;
        for (uint32_t j = 0; j < e->tgt.n; j++)
            keep += !(e->tgt.v[j].borrowed && !strncmp(e->tgt.v[j].code, e->src.v[0].code, 3));
        if (keep && keep < e->tgt.n) {
            actor *v = dyad__arena_alloc(&c->arena, keep * sizeof *v);
            if (!v) return NOMEM;
            uint32_t n = 0;
            for (uint32_t j = 0; j < e->tgt.n; j++)
                if (!(e->tgt.v[j].borrowed && !strncmp(e->tgt.v[j].code, e->src.v[0].code, 3)))
                    v[n++] = e->tgt.v[j];
            TRACE("  a role that only borrowed the doer's country is no second party beside "
                  "the one named\n");
            e->tgt = (actorset){v, n};
        }
    }
    const actorset *src = &e->src;
    if (src->n == 2 && src->v[0].pair && e->tgt.n) {
        int inside = 1;
        for (uint32_t j = 0; j < e->tgt.n && inside; j++)
            inside = !strncmp(e->tgt.v[j].code, src->v[0].code, 3) ||
                     !strncmp(e->tgt.v[j].code, src->v[1].code, 3);
        if (inside) e->tgt = e->src;
    }
    return GO;
}

/* "both countries withdrew ambassadors", "the two sides accused each
 * other": each party acts on the other. */
int dyad__news_each_other(dyad_coder *c, cand *e)
{
    const actorset *src = &e->src;
    const char *code = e->code;
    if (src->n >= 2 && !e->tgt.n && code && !e->planned &&
        (dyad__each_other(c, e->g) || (src->n == 2 && src->v[0].pair && src->v[1].pair && code[0] == '1' &&
                                       code[1] >= '0' && code[1] <= '7'))) {
        e->tgt = e->src;
        TRACE("  a plural phrase for two parties with no other party: each on the other\n");
    }
    return GO;
}

/* A judgement with one party and an object that names none ("welcomed
 * the decision"): its other party is the story's counterpart.  "threatened
 * to break the ceasefire": a threat has an adversary; a warning may be
 * about a danger only.  Not for a lone participle: the noun it describes
 * is its other party ("a plan supported by X"). */
int dyad__news_counterpart(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    const char *code = e->code;
    if (!(e->src.n == 1 && !e->tgt.n && code && !dyad__one_sided(code) &&
          (dyad__judgement(code) ||
           (!strncmp(code, "13", 2) && !strncasecmp(t->toks[g->verb].word, "threat", 6))) &&
          (!g->passive || (e->passive && g->first != g->last))))
        return GO;
    int object = 0, doer = 1;
    uint32_t objnp = NONE;
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE && !object;
         ch = t->nodes[ch].next_sibling) {
        if (t->nodes[ch].label == DYAD__L_NP && objnp == NONE) objnp = ch;
        /* a finite clause ("warned that the plan could weaken the
         * alliance") says what is judged: no party stands behind it; an
         * infinitive ("threatened to break the truce") is the act */
        int clause = t->nodes[ch].label == DYAD__L_SBAR || t->nodes[ch].label == DYAD__L_S;
        if (clause && t->toks[t->nodes[ch].tok_a].code != DYAD__T_TO) break;
        object = clause || t->nodes[ch].label == DYAD__L_NP || t->nodes[ch].label == DYAD__L_PP ||
                 t->nodes[ch].label == DYAD__L_VP;
        if (t->nodes[ch].label == DYAD__L_NP && t->nodes[ch].head != NONE) {
            const dyad__ptok *h = &t->toks[t->nodes[ch].head];
            /* a name no dictionary knows ("backs the Polisario Front")
             * names a party, one the coder cannot code: no guess */
            if (!strncmp(h->tag, "NNP", 3)) {
                object = 0;
                break;
            }
            /* an act of both sides ("welcomed the meeting") has no one
             * doer */
            const dyad__lex_noun *nm = dyad__lex_noun_get(c->lex, h->word, strlen(h->word));
            if (nm && nm->code && (nm->mutual || dyad__symmetric(nm->code))) doer = 0;
        }
        /* a quantified object ("welcomes all initiatives that ...", "any
         * efforts") is a kind of thing, not the other party's act: no
         * party stands behind it */
        if (t->nodes[ch].label == DYAD__L_NP) {
            static const char *const any[] = {"all", "any", "every", "each", "some", "no"};
            if (dyad__in_words(t->toks[t->nodes[ch].tok_a].word, any, DYAD_ARRAY_LEN(any))) {
                object = 0;
                break;
            }
        }
    }
    actor cp;
    /* "welcomed the report" after "a United Nations report": its party */
    if (object && objnp != NONE && dyad__owned_act(c, objnp, &cp) &&
        !dyad__one_side(cp.code, e->src.v[0].code) && !dyad__ablated("owned_act")) {
        dyad__push_one(c, &e->tgt, &cp);
        TRACE("  the object names no party: %s\n", cp.why);
    } else if (object && dyad__counterpart(c, &e->src, doer, &cp)) {
        dyad__push_one(c, &e->tgt, &cp);
        TRACE("  the object names no party: %s\n", cp.why);
    }
    return GO;
}

/* Reported speech: a promise (root 03) that a party reports another party
 * made, naming no one it was made to, was made to the reporter ("Peru
 * said Chile had promised to respect the border": CHL PER 030).  Only a
 * named reporter of another country, whose attribution comes first; not
 * for acts on the doer's own polity (reform, rights: the `inward` codes)
 * nor for yielding, settling or mediating (034 and up), which are made to
 * an adversary.  Appeals (02) reported so were tried too: they cost
 * precision on the blind batch of our own stories (docs/ACCURACY.md). */
int dyad__news_told_to(dyad_coder *c, cand *e)
{
    const char *code = e->code;
    if (e->src.n != 1 || e->tgt.n || !code || e->paired || e->planned || e->mutual ||
        c->mod != DYAD_ASSERTED || e->g->negated || code[0] != '0' || code[1] != '3' ||
        dyad__inward(code) || dyad__one_sided(code))
        return GO;
    /* yielding (035x: a ceasefire, a release), settling, mediation: made
     * to an adversary or between others, not to whoever reports it */
    if (code[1] == '3' && code[2] >= '4') return GO;
    const dyad__tree *t = &c->tree;
    uint32_t by;
    actorset sp = dyad__reporter_by(c, e->g, &by);
    if (sp.n != 1 || by == NONE || c->inquote[e->g->verb] ||
        t->vgroups[by].verb >= t->nodes[e->g->vp].tok_b)
        return GO;
    const char *s = sp.v[0].code, *d = e->src.v[0].code;
    if (strlen(s) < 3 || strlen(d) < 3 || !strncmp(s, "---", 3) || !strncmp(d, "---", 3) ||
        !strncmp(s, d, 3))
        return GO;
    if (dyad__push_one(c, &e->tgt, &sp.v[0]) != 0) return NOMEM;
    TRACE("  reported by %s and made to no one named: made to the reporter\n", s);
    return GO;
}

/* A consultation that names no other party and no one in its phrase
 * ("Islamabad is negotiating a three-year loan") goes on with the other
 * side of the story's last consultation of the doer's side
 * (resolve/story.c decides, and refuses when two such had different
 * other sides): a negotiation (046) within the three sentences before,
 * a discussion or call (040, 041) only from the sentence before ("Peru's
 * cabinet discussed the budget" may be a meeting of its own); not visits
 * (042, 043: their other side is a place) nor meetings elsewhere and
 * mediation (044, 045). */
int dyad__news_consulted(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = e->g;
    const char *code = e->code;
    if (e->src.n != 1 || e->tgt.n || !code || e->paired || !c->story || g->passive) return GO;
    int nego = !strncmp(code, "046", 3);
    if (!nego && !dyad__streq(code, "040") && strncmp(code, "041", 3)) return GO;
    /* anyone named in the verb's phrase ("met reporters", "talks with
     * the rebels' envoys") is its other party, coded or not */
    const dyad__node *vp = &t->nodes[g->vp];
    if (vp->tok_b > g->last + 24) return GO;   /* a long phrase: someone may be in it */
    for (uint32_t i = g->last + 1; i < vp->tok_b; i++)
        if (c->ments[i].a == i || !strncmp(t->toks[i].tag, "NNP", 3) ||
            dyad__code_lx(c, i, DYAD__LX_PERSON_ROLES))
            return GO;
    unsigned at = 0;
    const char *k = dyad__story_consulted(c->story, e->src.v[0].code, nego ? 3 : 1, &at);
    if (!k || dyad__one_side(k, e->src.v[0].code)) return GO;
    actor a;
    memset(&a, 0, sizeof a);
    a.a = a.b = g->verb;
    a.code = dyad__arena_strndup(&c->arena, k, strlen(k));
    char why[96];
    snprintf(why, sizeof why, "the other side of the story's last consultation, in sentence %u", at);
    a.why = dyad__arena_strndup(&c->arena, why, strlen(why));
    if (!a.code || !a.why || dyad__push_one(c, &e->tgt, &a) != 0) return NOMEM;
    TRACE("  a consultation with no other party named: %s, %s\n", k, a.why);
    return GO;
}

/* Aid, given or pledged (07x, 033x), that names no recipient goes to the
 * country the story is about: the country the sentences before named
 * most, when it is not the giver's ("Floods hit Bolivia on Monday. ...
 * Chile sent rescue teams": CHL BOL 073). */
int dyad__news_aid_to(dyad_coder *c, cand *e)
{
    const char *code = e->code;
    if (!e->src.n || !code || e->paired || !c->story ||
        (strncmp(code, "07", 2) && strncmp(code, "033", 3)))
        return GO;
    /* what is sent, named as the giver's own people ("Cuba offered to send
     * doctors": CUBHLH), is no recipient */
    for (uint32_t i = 0; i < e->tgt.n; i++)
        if (e->src.n != 1 || !dyad__self_pair(e->src.v[0].code, e->tgt.v[i].code)) return GO;
    const char *home = dyad__story_home_before(c->story, NULL, 0);
    if (!home) return GO;
    for (uint32_t i = 0; i < e->src.n; i++) {     /* "Chile, Peru and Brazil sent ..." */
        const char *s = e->src.v[i].code;
        if (strlen(s) < 3 || !strncmp(s, "---", 3) || !strncmp(s, home, 3)) return GO;
    }
    actor a;
    memset(&a, 0, sizeof a);
    a.a = a.b = e->g->verb;
    a.code = dyad__arena_strndup(&c->arena, home, 3);
    a.why = "the country the story is about";
    e->tgt = (actorset){NULL, 0};
    if (!a.code || dyad__push_one(c, &e->tgt, &a) != 0) return NOMEM;
    TRACE("  aid with no recipient named: %s, the country the story is about\n", home);
    return GO;
}

/* Hope or concern is an act toward a party it names directly
 * ("concerned about Beijing", "hopes for Kyiv"), not toward one in what
 * is hoped ("hopes the United States can help") or a place ("concern
 * over the unrest in Bolivia"). */
int dyad__news_hope(dyad_coder *c, cand *e)
{
    if (e->tgt.n && e->code && (dyad__streq(e->code, "012") || dyad__streq(e->code, "013")) &&
        !dyad__direct_party(c, e->g, e->tgt.v[0].a)) {
        TRACE("  a hope or a concern about a situation, not about a party: no event\n");
        return STOP;
    }
    return GO;
}

/* A government's act on its polity as a whole ("vowed to reform the
 * country's political system", "pledged to expand rights in the
 * kingdom") names no second party: the actor's own country, unqualified,
 * is not one. */
int dyad__news_inward(dyad_coder *c, cand *e)
{
    if (!e->code || !dyad__inward(e->code) || !e->src.n || !e->tgt.n || e->paired) return GO;
    int own = 1;
    for (uint32_t j = 0; j < e->tgt.n && own; j++)
        own = strlen(e->tgt.v[j].code) == 3 && !strncmp(e->tgt.v[j].code, e->src.v[0].code, 3);
    if (own) {
        TRACE("  the actor's own country is no second party of a one-sided act\n");
        e->tgt = (actorset){NULL, 0};
    }
    return GO;
}

/* A demand for reform with no addressee named, by a party that does not
 * rule ("protesters demanded a new election", "students demanded the
 * right to education"), is addressed to its own country's rulers. */
int dyad__news_to_rulers(dyad_coder *c, cand *e)
{
    if (!e->code || !dyad__to_rulers(e->code) || e->src.n != 1 || e->tgt.n || e->paired)
        return GO;
    const char *s = e->src.v[0].code;
    if (strlen(s) < 6 || !dyad__country_code(s) || !strncmp(s + 3, "GOV", 3) ||
        !strncmp(s + 3, "MIL", 3))
        return GO;
    actor a = e->src.v[0];
    a.code = dyad__arena_strndup(&c->arena, s, 3);
    if (!a.code) return NOMEM;
    memset(a.agents, 0, sizeof a.agents);
    a.borrowed = 0;
    actor *v = dyad__arena_alloc(&c->arena, sizeof *v);
    if (!v) return NOMEM;
    *v = a;
    e->tgt = (actorset){v, 1};
    TRACE("  a demand for reform by those who do not rule: addressed to %s\n", a.code);
    return GO;
}

/* An act that needs no second party ("dockworkers walked off the job",
 * "the army was put on alert") is an event of its source alone, with an
 * empty target. */
int dyad__news_alone(dyad_coder *c, cand *e)
{
    /* a planned act stands behind its intent ("plans to send police to
     * the border": 138 for 153): the act decides who its parties are */
    const char *oc = e->code;
    int os = oc && dyad__one_sided(oc);
    for (int k = 0; oc && !os && k < c->nplan; k++)
        if (c->plan[k].to && c->plan[k].from && dyad__streq(c->plan[k].to, oc) &&
            dyad__one_sided(c->plan[k].from)) {
            oc = c->plan[k].from;
            os = 1;
        }
    if (os && e->src.n && e->tgt.n && !e->paired) {
        /* "pledged to expand rights for women", "released the
         * hostages": people of no country of their own named, who only
         * borrowed the doer's, are the population the act concerns, not
         * a second party */
        int people = 1;
        for (uint32_t j = 0; j < e->tgt.n && people; j++) {
            const char *k = e->tgt.v[j].code;
            people = e->tgt.v[j].borrowed && strlen(k) == 6 && dyad__streq(k + 3, "CVL") &&
                     !strncmp(k, e->src.v[0].code, 3);
        }
        if (people) {
            TRACE("  people who only borrowed the doer's country: no second party\n");
            e->tgt = (actorset){NULL, 0};
        }
        /* "deployed police to the port city", "sent troops to the
         * border": a state's own forces are its means, not a second
         * party (a measure that binds a place's people excepted) */
        const char *d = e->src.v[0].code;
        int own = !dyad__binds(oc) &&
                  (strlen(d) == 3 || !strncmp(d + 3, "GOV", 3) || !strncmp(d + 3, "MIL", 3) ||
                   !strncmp(d + 3, "COP", 3));
        for (uint32_t j = 0; j < e->tgt.n && own; j++) {
            const char *k = e->tgt.v[j].code;
            own = strlen(k) >= 6 && (!strncmp(k + 3, "MIL", 3) || !strncmp(k + 3, "COP", 3)) &&
                  dyad__one_side(d, k);
        }
        if (own && e->tgt.n) {
            TRACE("  the doer's own forces: no second party\n");
            e->tgt = (actorset){NULL, 0};
        }
    }
    e->alone = e->src.n && !e->tgt.n && e->code && !e->paired && dyad__one_sided(e->code);
    if (e->alone) TRACE("  an act of one party: coded with no target\n");
    /* "a car bomb killed soldiers in Somalia": a bombing or an
     * assassination whose doer no one names is still an event against
     * its target, with an empty source */
    if (!e->src.n && e->tgt.n && e->code && !e->paired && dyad__no_doer(e->code)) {
        e->alone = 1;
        TRACE("  its doer is not named: coded with no source\n");
    }
    return GO;
}

/* A meeting, a call, talks or a signed agreement with a named party is
 * one act of both ("Trump met with Kim": Kim met Trump too), coded both
 * ways as analysts code mutual acts.  A meeting one side will hold is
 * its plan, not yet the other's, but a meeting on the calendar is both
 * sides' plan: "the Chilean president is due to meet his Peruvian peer
 * in May". */
int dyad__news_mutual(dyad_coder *c, cand *e)
{
    const char *code = e->code, *verb = c->tree.toks[e->g->verb].word;
    e->mutual = code && !e->paired && !e->planned && dyad__mutual(code, verb);
    if (code && !e->paired && e->planned && dyad__streq(code, "036") && dyad__mutual(code, verb) &&
        dyad__scheduled(c, e->g))
        e->mutual = 1;
    if (e->mutual) TRACE("  mutual act: coded both ways\n");
    return GO;
}

/* "Chile insisted that Peru withdraw its troops", "Norway urged that the
 * two sides resume talks": a bare verb with a subject of its own in the
 * "that" clause of a verb of demanding or urging (the mandative
 * subjunctive; lexicon lists "demanding" and "urging") is not the
 * clause subject's act but the governing subject's demand (10x) or
 * appeal (02x) to it, of what the clause says: the act's intent code
 * 03x becomes 10x or 02x (CAMEO lays the three families out alike:
 * 0356 de-escalate, 1056 demand it, 0256 appeal for it). */
int dyad__mandate(dyad_coder *c, const dyad__vgroup *g, actorset *who, actorset *whom)
{
    const dyad__tree *t = &c->tree;
    if (g->passive || g->first != g->verb || t->toks[g->verb].code != DYAD__T_VB) return 0;
    /* the clause's subject: the group's, or the noun phrase between
     * "that" and the verb, which the chunker may have left apart */
    uint32_t subj = g->subject;
    for (uint32_t i = g->first; subj == NONE && i-- > 1 && i + 8 > g->first;) {
        uint32_t np = c->np_from ? c->np_from[i] : NONE;
        if (np != NONE && t->nodes[np].tok_b == g->first &&
            dyad__ieq(t->toks[i - 1].word, "that"))
            subj = np;
    }
    if (subj == NONE) return 0;
    uint32_t sa = t->nodes[subj].tok_a;
    if (sa < 2 || !dyad__ieq(t->toks[sa - 1].word, "that")) return 0;
    uint32_t gv = sa - 2;
    int demand = dyad__code_lx(c, gv, DYAD__LX_DEMANDING);
    if (!demand && !dyad__code_lx(c, gv, DYAD__LX_URGING)) return 0;
    const dyad__vgroup *h = NULL;
    for (uint32_t k = 0; k < t->nvgroups && !h; k++)
        if (t->vgroups[k].verb == gv) h = &t->vgroups[k];
    if (!h || h->subject == NONE) return 0;
    actorset a = dyad__np_actors(c, h->subject, 0);
    actorset b = dyad__np_actors(c, subj, 0);
    *who = dyad__named_only(c, &a);
    *whom = dyad__named_only(c, &b);
    if (!who->n || !whom->n) return 0;
    return demand ? 1 : 2;
}

int dyad__news_mandate(dyad_coder *c, cand *e)
{
    if (!e->code || e->paired) return GO;
    actorset who, whom;
    int kind = dyad__mandate(c, e->g, &who, &whom);
    if (!kind) return GO;
    int demand = kind == 1;
    const char *ic = dyad__intent(e->code);
    char buf[8];
    const char *code = demand ? "100" : "020";
    const dyad_cameo_info *ci;
    if (ic && !strncmp(ic, "03", 2) && strlen(ic) <= 4) {
        snprintf(buf, sizeof buf, "%s%s", demand ? "10" : "02", ic + 2);
        if (dyad_cameo_lookup(buf, &ci) == DYAD_OK && ci) code = buf;
    }
    code = dyad__arena_strndup(&c->arena, code, strlen(code));
    if (!code) return NOMEM;
    TRACE("  a bare verb in a 'that' clause: %s's %s of %s, %s (the act: %s)\n",
          who.v[0].code, demand ? "demand" : "appeal", whom.v[0].code, code, e->code);
    e->code = code;
    e->planned = 0;
    e->msrc = who;
    e->mtgt = whom;
    return GO;
}

/* The roles of a mandative clause's demand or appeal (dyad__news_mandate):
 * who asks, of whom. */
int dyad__news_mandate_roles(dyad_coder *c, cand *e)
{
    (void)c;
    if (!e->msrc.n) return GO;
    e->src = e->msrc;
    e->tgt = e->mtgt;
    return GO;
}

/* "The leaders of Chile and Peru met in Geneva": a meeting (040) in a
 * place of neither party's country is a meeting at a third location
 * (044).  The place is the first one named in a locative phrase of the
 * verb ("in", "at"). */
int dyad__news_third_place(dyad_coder *c, cand *e)
{
    const dyad__tree *t = &c->tree;
    if (!e->code || !dyad__streq(e->code, "040") || !e->src.n || !e->tgt.n) return GO;
    const char *place = NULL;
    for (uint32_t ch = t->nodes[e->g->inner].first_child; ch != NONE && !place;
         ch = t->nodes[ch].next_sibling) {
        const dyad__node *x = &t->nodes[ch];
        if (x->label != DYAD__L_PP || x->head == NONE) continue;
        /* not past a topic ("talked about the crisis in Bolivia") */
        if (!dyad__locative(c, x->head)) {
            if (!dyad__ieq(t->toks[x->head].word, "of")) break;
            continue;
        }
        for (uint32_t i = x->tok_a; i < x->tok_b && !place; i++) {
            const mention *m = &c->ments[i];
            const char *k = m->a == i && !m->agent ? dyad__mention_code(c, m) : NULL;
            if (dyad__country_code(k)) place = k;
        }
    }
    if (!place) return GO;
    const actorset *sets[2] = {&e->src, &e->tgt};
    for (int s = 0; s < 2; s++)
        for (uint32_t j = 0; j < sets[s]->n; j++) {
            const char *k = sets[s]->v[j].code;
            if (!dyad__country_code(k) || !strncmp(k, place, 3)) return GO;
        }
    TRACE("  a meeting in %.3s, neither party's country: at a third location (044)\n", place);
    e->code = "044";
    return GO;
}
