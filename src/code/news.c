/*
 * news.c -- the news-mode rules (only when c->agent_country is set): the
 * story's names, quotations, speakers and pronouns; what a sentence tells
 * the story memory; events without a verb group of their own (event
 * nouns, praise and condemnation, appeals, allegations).
 * Invariant: what carries across sentences lives in the resolve stage's
 * story memory (code.h); this file keeps nothing between sentences.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void S_remember_name(dyad_coder *c, uint32_t tok, const char *code)
{
    const char *w = c->tree.toks[tok].word;
    /* a day or month after a name is a time, not the name's end ("the
     * Taliban's leader Sunday praised") */
    if (dyad__code_lx(c, tok, DYAD__LX_TIMES)) return;
    if (!dyad__story_learn_name(c->story, w, code)) return;   /* memory full */
    if (c->explain) dyad__buf_printf(&c->trace, "name '%s' = %s (introduced here)\n", w, code);
}

/* Learns the names this sentence introduces with a role: a run of
 * unknown proper nouns right after a role ("spokesperson Randhir
 * Jaiswal", "the republic's president, Milorad Dodik") or followed by an
 * appositive that names one ("Ana Ruiz, Chile's envoy to the U.N.,").
 * The name's code is its noun phrase's (the role combined with the
 * country named, or the document's country). */
void dyad__learn_names(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t i = 0; i < t->ntoks; i++) {
        uint32_t j = dyad__name_run(c, i);
        if (j == i) continue;
        uint32_t a = i;
        i = j - 1;
        int role = 0, appos = 0;
        const mention *m = a > 0 ? dyad__mention_over(c, a - 1) : NULL;
        if (!m && a > 1 && t->toks[a - 1].code == DYAD__T_COMMA) m = dyad__mention_over(c, a - 2);
        role = m && m->agent;
        if (!role && j - a >= 2 && j + 1 < t->ntoks && t->toks[j].code == DYAD__T_COMMA) {
            for (uint32_t k = j + 1; k < t->ntoks && k < j + 9; k++) {
                if (t->toks[k].code == DYAD__T_COMMA || dyad__tag_is_verb(t->toks[k].tag)) break;
                const mention *mk = dyad__mention_over(c, k);
                if (mk && mk->agent) { appos = 1; break; }
            }
        }
        if (!role && !appos) continue;
        const char *w = t->toks[j - 1].word;
        if (strlen(w) < 3 || strlen(w) >= DYAD__STORY_TEXT) continue;
        /* the smallest noun phrase holding the name; for an appositive,
         * the phrase around it and its role */
        uint32_t q = t->toks[a].parent;
        while (q != NONE && !(t->nodes[q].label == DYAD__L_NP && t->nodes[q].tok_a <= a &&
                              t->nodes[q].tok_b >= j))
            q = t->nodes[q].parent;
        if (q == NONE) continue;
        if (role && m->a < t->nodes[q].tok_a) {
            /* "president, Milorad Dodik" as two phrases: the role's */
            uint32_t r = t->toks[m->a].parent;
            while (r != NONE && t->nodes[r].label != DYAD__L_NP) r = t->nodes[r].parent;
            if (r == NONE) continue;
            q = r;
        } else if (appos) {
            uint32_t up = t->nodes[q].parent;
            if (up == NONE || t->nodes[up].label != DYAD__L_NP) continue;
            q = up;
        }
        actorset s = dyad__np_actors(c, q, 0);
        const char *code = NULL;
        for (uint32_t k = 0; k < s.n && !code; k++)
            if (strncmp(s.v[k].code, "---", 3)) code = s.v[k].code;
        if (code) S_remember_name(c, j - 1, code);
    }
    /* office holders the dictionary names in full ("Yoshihide Suga"):
     * their surname alone later ("Suga") */
    for (uint32_t x = 0; x < c->nmstart; x++) {
        uint32_t i = c->mstart[x];
        const mention *m = &c->ments[i];
        if (m->b < i + 2 || m->code || !dyad__is_person(c, m)) continue;
        const char *code = dyad__mention_code(c, m);
        if (!code) continue;
        /* the family name: last, or first where it is written first
         * ("Kim Jong Un", "Xi Jinping", "Hun Sen") */
        static const char *const first[] = {"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "KHM"};
        uint32_t at = m->b - 1;
        for (size_t k = 0; k < DYAD_ARRAY_LEN(first); k++)
            if (!strncmp(code, first[k], 3)) at = m->a;
        const char *w = t->toks[at].word;
        if (!dyad__cap_word(w) || strlen(w) < 2 || strlen(w) >= DYAD__STORY_TEXT ||
            t->toks[at].code != DYAD__T_NNP)
            continue;
        S_remember_name(c, at, code);
    }
}

/* Makes mentions of the names the document has introduced; returns
 * whether it made any. */
int dyad__name_mentions(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    int made = 0;
    if (!dyad__story_has_names(c->story)) return 0;
    for (uint32_t i = 0; i < t->ntoks; i++) {
        uint32_t j = dyad__name_run(c, i);
        if (j == i) continue;
        const char *w = t->toks[j - 1].word;
        unsigned at;
        const char *dcode = dyad__story_name(c->story, w, &at);
        if (dcode) {
            mention *m = &c->ments[i];
            m->a = i;
            m->b = j;
            m->entry = 0;
            m->agent = 0;
            m->code = dyad__arena_strndup(&c->arena, dcode, strlen(dcode));
            char why[96];
            snprintf(why, sizeof why, "%s = %s, as introduced in sentence %u", w, dcode, at);
            m->why = dyad__arena_strndup(&c->arena, why, strlen(why));
            made = 1;
            if (!m->code || !m->why) { m->code = NULL; continue; }
            for (uint32_t q = i; q < j; q++) c->covered[q] = 1;
            if (c->explain)
                dyad__buf_printf(&c->trace, "actor '%s' = %s (%s)\n", w, dcode, m->why);
        }
        i = j - 1;
    }
    return made;
}

/* Marks the tokens inside quotation marks.  A sentence that opens with a
 * closing mark, or follows a sentence that ended inside a quotation,
 * begins inside one. */
void dyad__quotes(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    int in = dyad__story_open_quote(c->story);
    /* the first mark closes: everything before it was quoted */
    uint32_t i = 0;
    while (i < t->ntoks && t->toks[i].code != DYAD__T_RQUOTE && t->toks[i].code != DYAD__T_LQUOTE) i++;
    if (i < t->ntoks && t->toks[i].code == DYAD__T_RQUOTE) in = 1;
    /* the words before the first mark are as the sentence began (inquote
     * is all zero from S_sentence_tables); most sentences have no mark */
    if (in) memset(c->inquote, 1, i);
    int quoted = in && i > 0;
    for (; i < t->ntoks; i++) {
        unsigned tag = t->toks[i].code;
        /* an opening mark inside a quotation closes it: the tagger takes a
         * straight mark after a comma for an opening one when the
         * quotation began in an earlier sentence */
        int close = tag == DYAD__T_RQUOTE || (in && tag == DYAD__T_LQUOTE && i > 0);
        if (tag == DYAD__T_LQUOTE && !close) in = 1;
        c->inquote[i] = (uint8_t)in;
        quoted |= in;
        if (close) in = 0;
    }
    c->quoted = quoted;
    dyad__story_set_open_quote(c->story, in);
}

static int S_first_person(const char *w)
{
    static const char *const v[] = {"I", "we", "me", "us", "my", "our"};
    return dyad__in_words(w, v, DYAD_ARRAY_LEN(v));
}

static int S_third_person(const char *w)
{
    static const char *const v[] = {"he", "she", "him", "her", "his"};
    return dyad__in_words(w, v, DYAD_ARRAY_LEN(v));
}

/* The speaker of the sentence's quotation: the subject of a speech verb
 * outside the quotation ("...," Jaiswal told reporters; "...," said
 * Akhundzada). */
void dyad__find_speaker(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    c->speaker = (actorset){NULL, 0};
    if (!c->quoted) return;
    for (uint32_t k = 0; k < t->nvgroups && !c->speaker.n; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (c->inquote[h->verb]) continue;
        if (h->reported == NONE && !dyad__reporting(c, h->verb)) continue;
        uint32_t np = h->subject;
        if (np == NONE || c->inquote[t->nodes[np].tok_a])
            np = h->last + 1 < t->ntoks ? c->np_from[h->last + 1] : NONE;   /* said X */
        if (np == NONE || S_first_person(t->toks[t->nodes[np].tok_a].word)) continue;
        actorset s = dyad__np_actors(c, np, 0);
        c->speaker = dyad__named_only(c, &s);
    }
}

/* Resolves pronoun token tok from the sentence and the document: a
 * first-person pronoun in a quotation is its speaker; "he", "she" the
 * nearest person named before it in the sentence, else the last person
 * the story named as a subject, in the last three sentences.  Returns 0
 * when it stays unresolved ("it", "they": too often wrong). */
int dyad__resolve_pronoun(dyad_coder *c, uint32_t tok, actor *out)
{
    const dyad__tree *t = &c->tree;
    const char *w = t->toks[tok].word;
    char why[128];
    const char *sp, *sp_text;
    unsigned sp_at;
    memset(out, 0, sizeof *out);
    out->a = tok;
    out->b = tok + 1;
    if (S_first_person(w)) {
        if (!c->inquote || !c->inquote[tok]) return 0;
        if (c->speaker.n) {
            *out = c->speaker.v[0];
            out->a = tok;
            out->b = tok + 1;
            out->entry = 0;
            out->agents[0] = 0;
            snprintf(why, sizeof why, "'%s' = %s, the speaker of the quotation", w, out->code);
        } else if ((sp = dyad__story_speaker(c->story, 2, &sp_text, &sp_at)) != NULL) {
            out->code = dyad__arena_strndup(&c->arena, sp, strlen(sp));
            snprintf(why, sizeof why, "'%s' = %s, %s, who spoke in sentence %u", w, sp, sp_text,
                     sp_at);
        } else {
            return 0;
        }
    } else if (S_third_person(w)) {
        for (uint32_t i = tok; i-- > 0;) {
            const mention *m = &c->ments[i];
            if (m->a != i || !dyad__is_person(c, m) || c->inquote[i] != c->inquote[tok]) continue;
            out->code = dyad__mention_code(c, m);
            if (!out->code) continue;
            snprintf(why, sizeof why, "'%s' = %s, named before it in the sentence", w, out->code);
            break;
        }
        if (!out->code) {
            sp = dyad__story_person(c->story, 3, &sp_text, &sp_at);
            if (!sp || c->inquote[tok]) return 0;
            out->code = dyad__arena_strndup(&c->arena, sp, strlen(sp));
            snprintf(why, sizeof why, "'%s' = %s, %s, named in sentence %u", w, sp, sp_text, sp_at);
        }
    } else {
        return 0;
    }
    if (!out->code) return 0;
    out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
    return 1;
}

/* After a sentence: its speaker, the person its first subject names,
 * the parties that acted and its accusations, for the sentences after
 * it. */
void dyad__doc_update(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    dyad__story *st = c->story;
    if (c->speaker.n)
        dyad__story_set_speaker(st, c->speaker.v[0].code,
                                c->speaker.v[0].b > c->speaker.v[0].a
                                    ? dyad__words_text(c, c->speaker.v[0].a, c->speaker.v[0].b) : "");
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->subject == NONE || c->inquote[h->verb]) continue;
        const dyad__node *np = &t->nodes[h->subject];
        int person = 0;
        for (uint32_t i = np->tok_a; i < np->tok_b && !person; i++)
            person = c->ments[i].a == i && dyad__is_person(c, &c->ments[i]);
        /* a post one person holds, named by the role alone ("Chile's
         * president visited Peru. He praised ..."): the lexicon's
         * "person-roles", singular, at the head of the subject */
        if (!person && np->head != NONE && t->toks[np->head].code == DYAD__T_NN &&
            dyad__code_lx(c, np->head, DYAD__LX_PERSON_ROLES))
            person = 1;
        if (!person && !(np->tok_b == np->tok_a + 1 && S_third_person(t->toks[np->tok_a].word)))
            continue;
        actorset s = dyad__np_actors(c, h->subject, 0);
        if (!s.n || !strncmp(s.v[0].code, "---", 3)) continue;
        dyad__story_set_person(st, s.v[0].code,
                               s.v[0].b > s.v[0].a ? dyad__words_text(c, s.v[0].a, s.v[0].b) : "");
        break;
    }
    /* the parties that acted: clause subjects, then the events' parties */
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->subject == NONE || c->inquote[h->verb]) continue;
        actorset s = dyad__np_actors(c, h->subject, 0);
        for (uint32_t i = 0; i < s.n && i < 2; i++)
            dyad__story_note_party(st, s.v[i].code,
                                   s.v[i].b > s.v[i].a ? dyad__words_text(c, s.v[i].a, s.v[i].b) : "");
    }
    for (size_t i = 0; i < c->nevents; i++) {
        dyad__story_note_party(st, c->events[i].source, c->events[i].source_text);
        dyad__story_note_party(st, c->events[i].target, c->events[i].target_text);
    }
    /* sectors: dictionary actors with one ("the Taliban": AFGREB); a
     * news outlet is no government's sector, state-run or not (a later
     * "the government" is not the country of "Chinese state TV") */
    for (uint32_t x = 0; x < c->nmstart; x++) {
        const mention *m = &c->ments[c->mstart[x]];
        if (m->agent) continue;
        const char *k = dyad__mention_code(c, m);
        if (!dyad__news_outlet(k)) dyad__story_note_sector(st, k);
    }
    /* an armed group an event placed by its phrase ("shelled a
     * Kurdish-led militia in northern Syria": SYRREB) is the later "the
     * militia" */
    for (size_t i = 0; i < c->nevents; i++) {
        const char *pt[2] = {c->events[i].source, c->events[i].target};
        for (int j = 0; j < 2; j++)
            if (strlen(pt[j]) >= 6 && !strncmp(pt[j] + 3, "REB", 3) && strncmp(pt[j], "---", 3))
                dyad__story_note_sector(st, pt[j]);
    }
    /* the last group named ("the Baloch Liberation Army"), for a later
     * "the group" */
    for (uint32_t x = 0; x < c->nmstart; x++) {
        uint32_t i = c->mstart[x];
        const mention *m = &c->ments[i];
        if (m->agent || dyad__is_person(c, m) || c->inquote[i]) continue;
        const char *k = dyad__mention_code(c, m);
        if (!dyad__group_code(k)) continue;
        dyad__story_set_group(st, k, dyad__words_text(c, m->a, m->b));
    }
    /* "the militants", "the insurgents" keep an armed group in the story */
    for (uint32_t x = 0; x < c->nmstart; x++) {
        const mention *m = &c->ments[c->mstart[x]];
        dyad_dict_entry ae;
        if (!m->agent || dyad_dict_entry_get(c->d, m->entry, &ae) != DYAD_OK ||
            !ae.code || strncmp(ae.code, "REB", 3))
            continue;
        dyad__story_touch_group(st);
        break;
    }
    /* the states that acted on each other, and the accusations */
    for (size_t i = 0; i < c->nevents; i++)
        dyad__story_note_event(st, c->events[i].source, c->events[i].target, c->events[i].code);
    /* act nouns whose phrase names their party before them ("a United
     * Nations report", "Spain's decision", "the Turkish strikes"), for a
     * later "the report" */
    for (uint32_t n = 0; n < t->nnodes; n++) {
        const dyad__node *p = &t->nodes[n];
        if (p->label != DYAD__L_NP || p->head == NONE || p->head <= p->tok_a ||
            strncmp(t->toks[p->head].tag, "NN", 2) || !strncmp(t->toks[p->head].tag, "NNP", 3) ||
            c->inquote[p->head] ||
            !(dyad__code_lx(c, p->head, DYAD__LX_ACT_NOUNS) || dyad__code_lx(c, p->head, DYAD__LX_EVENT_NOUNS)))
            continue;
        const char *own = NULL;
        int two = 0;
        /* the words just before the noun ("a United Nations report",
         * "Spain's decision"), not a long phrase's whole span */
        uint32_t from = p->head - p->tok_a > 8 ? p->head - 8 : p->tok_a;
        for (uint32_t i = from; i < p->head && !two; i++) {
            const mention *m = &c->ments[i];
            const char *k = m->a == i && !m->agent ? dyad__mention_code(c, m) : NULL;
            if (!k || strlen(k) < 3 || !strncmp(k, "---", 3)) continue;
            if (own && strncmp(own, k, dyad__country_code(k) ? 3 : strlen(k))) two = 1;
            else if (!own) own = k;
        }
        if (own && !two) dyad__story_note_owned(st, t->toks[p->head].word, own);
    }
    /* reported claims about a party of another country ("Mali said Niger
     * had failed to secure the border"), for a later denial: the
     * reported clause's first subject, among its first words (the
     * subjects found by where they begin, once per sentence: no pass
     * over the verb groups for each verb group) */
    uint32_t *subj_at = NULL;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->reported == NONE || h->subject == NONE || c->inquote[h->verb] ||
            !dyad__reporting(c, h->verb))
            continue;
        if (!subj_at) {
            subj_at = dyad__arena_alloc(&c->arena, (size_t)t->ntoks * sizeof *subj_at);
            if (!subj_at) return;
            for (uint32_t i = 0; i < t->ntoks; i++) subj_at[i] = NONE;
            for (uint32_t j = 0; j < t->nvgroups; j++) {
                uint32_t sj = t->vgroups[j].subject;
                if (sj != NONE && subj_at[t->nodes[sj].tok_a] == NONE) subj_at[t->nodes[sj].tok_a] = sj;
            }
        }
        const dyad__node *r = &t->nodes[h->reported];
        uint32_t best = NONE;
        for (uint32_t i = r->tok_a; i < r->tok_b && i < r->tok_a + 16 && best == NONE; i++)
            if (subj_at[i] != NONE && subj_at[i] != h->subject && t->nodes[subj_at[i]].tok_b <= r->tok_b)
                best = subj_at[i];
        if (best == NONE) continue;
        actorset who = dyad__np_actors(c, h->subject, 0);
        who = dyad__named_only(c, &who);
        if (who.n != 1) continue;
        actorset about = dyad__np_actors(c, best, 0);
        about = dyad__named_only(c, &about);
        if (about.n == 1) dyad__story_note_claim(st, who.v[0].code, about.v[0].code);
    }
}

/* A denial with no target answers the latest accusation against the
 * denier's country, in this sentence or the story so far. */
int dyad__accuser(dyad_coder *c, const actorset *src, actor *out)
{
    if (!src->n || strlen(src->v[0].code) < 3) return 0;
    const char *cc = src->v[0].code;
    memset(out, 0, sizeof *out);
    char why[128];
    for (size_t i = c->nevents; i-- > 0;) {
        const dyad_event *e = &c->events[i];
        if (!strncmp(e->code, "11", 2) && !strncmp(e->target, cc, 3) && strcmp(e->source, cc) &&
            (dyad__streq(e->target, cc) || strncmp(e->source, cc, 3))) {
            out->code = e->source;
            snprintf(why, sizeof why, "%s, who accused %s in this sentence", e->source, e->target);
            out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
            return 1;
        }
    }
    /* the accused exactly ("the Taliban" accused by Kabul), else the
     * accused's country by another country */
    for (size_t i = dyad__story_accusations(c->story); i-- > 0;) {
        const char *as, *at;
        unsigned when;
        dyad__story_accusation(c->story, i, &as, &at, &when);
        if (!strncmp(at, cc, 3) && strcmp(as, cc) && (dyad__streq(at, cc) || strncmp(as, cc, 3))) {
            out->code = dyad__arena_strndup(&c->arena, as, strlen(as));
            snprintf(why, sizeof why, "%s, who accused %s in sentence %u", as, at, when);
            out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
            return out->code != NULL;
        }
    }
    /* no accusation: the party that last said something of the denier's
     * country in the sentences before ("Mali said Niger had failed to
     * secure the border. ... Niger rejected the accusation") */
    unsigned when = 0;
    const char *who = dyad__story_claimant(c->story, cc, 3, &when);
    if (who) {
        out->code = dyad__arena_strndup(&c->arena, who, strlen(who));
        snprintf(why, sizeof why, "%s, who said something of %.3s in sentence %u", who, cc, when);
        out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
        return out->code != NULL;
    }
    return 0;
}

/* News mode: an act of judgement whose object names no party ("the
 * opposition denounced the extension", "welcomed the release") judges
 * the party the story has just shown acting: the other party of an event
 * earlier in this sentence, else one side of the story's last act (doer:
 * the object is no act of both sides, "the meeting"; see below), else
 * the newest party that acted in the three sentences before, that is
 * neither the source nor its own state. */
/* Is k the source sc's own side: the same code, its state, or (an
 * organisation) an organ of it or the organisation of the organ
 * ("IGOEUREECGOV", the Council's president, and "IGOEUREEC")? */
static int S_own_side(const char *sc, const char *k)
{
    if (dyad__streq(k, sc) || dyad__self_pair(sc, k)) return 1;
    if (strncmp(sc, "IGO", 3) && strncmp(sc, "NGO", 3)) return 0;
    size_t ns = strlen(sc), nk = strlen(k);
    return !strncmp(sc, k, ns < nk ? ns : nk);
}

/* Is k the source sc's side in an act between k and another party:
 * its own side, or (the act between two countries) of its country, or
 * (within one country) an organ of the same state ("CHLGOV", "CHLCOP")? */
static int S_same_party(const char *sc, const char *k, int one_country)
{
    if (S_own_side(sc, k) || dyad__one_side(sc, k)) return 1;
    /* the opposition or rebels judging are not their government's side
     * (the government still answers for its soil: strikes on rebels
     * there are struck at it) */
    return !one_country && dyad__country_code(sc) && dyad__country_code(k) &&
           !strncmp(sc, k, 3) && !(dyad__against_state(sc) && !dyad__against_state(k));
}

int dyad__counterpart(dyad_coder *c, const actorset *src, int doer, actor *out)
{
    if (!src->n) return 0;
    const char *sc = src->v[0].code;
    memset(out, 0, sizeof *out);
    char why[160];
    for (size_t i = c->nevents; i-- > 0;) {
        const dyad_event *e = &c->events[i];
        const char *k = strcmp(e->source, sc) ? e->source : e->target;
        if (S_own_side(sc, k) || !strncmp(k, "---", 3)) continue;
        out->code = k;
        snprintf(why, sizeof why, "%s, the party of '%s' in this sentence", k, e->verb_text);
        out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
        return 1;
    }
    /* an organisation named before the source in this sentence ("the case
     * went before the ICJ, though Kenya refused to attend") */
    for (uint32_t i = src->v[0].a; i-- > 0;) {
        const mention *m = &c->ments[i];
        actor x;
        if (m->a != i || m->agent || !dyad__mention_actor(c, m, &x) || strncmp(x.code, "IGO", 3) ||
            S_own_side(sc, x.code) || (c->inquote && c->inquote[i] != c->inquote[src->v[0].a]))
            continue;
        *out = x;
        snprintf(why, sizeof why, "%s, named before it in this sentence", x.code);
        out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
        return 1;
    }
    /* the story's last act, within the three sentences before: a third
     * party's judgement of it ("Bolivia condemned the seizure" after
     * "Chile seized two Peruvian boats") judges the doer, not the party
     * it was done to; a party's judgement of an act of both sides that
     * it took part in ("praised the agreement") judges the other side */
    const char *da, *db, *dcode;
    unsigned dat;
    if (dyad__story_last_act(c->story, &da, &db, &dat, &dcode) &&
        dat + 3 >= dyad__story_sentence(c->story) && !dyad__ablated("counterpart_doer")) {
        int both = dyad__mutual(dcode, "") || dyad__symmetric(dcode);
        int one = dyad__country_code(da) && dyad__country_code(db) && !strncmp(da, db, 3);
        int in_a = S_same_party(sc, da, one), in_b = S_same_party(sc, db, one);
        const char *k = doer && !both && !in_a && !in_b ? da
                        : !doer && both && in_a != in_b ? (in_a ? db : da) : NULL;
        if (k) {
            out->code = dyad__arena_strndup(&c->arena, k, strlen(k));
            snprintf(why, sizeof why, "%s, %s of the story's last act, in sentence %u", k,
                     k == da ? "the doer" : "the other side", dat);
            out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
            return out->code != NULL;
        }
    }
    const char *codes[16], *texts[16];
    unsigned ats[16];
    size_t nr = dyad__story_recent(c->story, 3, codes, texts, ats, 16);
    for (size_t i = 0; i < nr; i++) {
        const char *k = codes[i];
        if (S_own_side(sc, k)) continue;
        out->code = dyad__arena_strndup(&c->arena, k, strlen(k));
        snprintf(why, sizeof why, "%s ('%s'), the story's last other party to act, in sentence %u",
                 k, texts[i], ats[i]);
        out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
        return out->code != NULL;
    }
    return 0;
}

/* ------------------------------------------------------- nominal events
 * News mode: events named by a noun ("talks with Kyiv", "a visit by Modi
 * to Mauritius", "negotiations between Britain and Mauritius", "Israel's
 * crackdown on protesters").  The parties come from the noun phrase
 * itself ("between A and B"; a possessor or a "by" phrase and a "with" or
 * "to" phrase) or, for the doer, from the subject of the clause holding
 * the phrase ("Rubio led talks with Ukrainian officials").  The verb
 * dictionary's format has no nouns: the event nouns, their codes and the
 * prepositions that name their other party are the lexicon's list
 * "event-nouns" (data/lexicon/event-nouns.txt; struct dyad__lex_noun). */

/* Verbs whose subject suffered what the "in" phrase names ("21 passengers
 * died in the attack"). */
static int S_victim_verb(const dyad__tree *t, const dyad__vgroup *g)
{
    static const char *const died[] = {"die", "died", "dies", "dying", "perished", "lost"};
    static const char *const hurt[] = {"killed", "injured", "wounded", "hurt", "abducted",
                                       "kidnapped", "taken"};
    const char *w = t->toks[g->verb].word;
    return dyad__in_words(w, died, DYAD_ARRAY_LEN(died)) ||
           (g->passive && dyad__in_words(w, hurt, DYAD_ARRAY_LEN(hurt)));
}

/* The NP of PP node x when one of the prepositions heads it, else NONE. */
static uint32_t S_pp_of(const dyad__tree *t, uint32_t x, const char *const *preps)
{
    const dyad__node *p = &t->nodes[x];
    if (p->label != DYAD__L_PP || p->head == NONE) return NONE;
    for (size_t k = 0; preps[k]; k++)
        if (dyad__ieq(t->toks[p->head].word, preps[k]))
            for (uint32_t g = p->first_child; g != NONE; g = t->nodes[g].next_sibling)
                if (t->nodes[g].label == DYAD__L_NP) return g;
    return NONE;
}

/* The noun phrase of a PP that modifies np, headed by one of the
 * prepositions: a PP child of np, or one of the PPs right after it (the
 * chunker attaches them to the verb: "(NP talks) (PP with ...)"), also
 * after the phrases np closes ("hours of (NP peace talks)"). */
static uint32_t S_noun_pp(const dyad__tree *t, uint32_t np, const char *const *preps)
{
    for (uint32_t ch = t->nodes[np].first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
        uint32_t r = S_pp_of(t, ch, preps);
        if (r != NONE) return r;
    }
    uint32_t top = np;
    for (int up = 0; up < 6; up++) {
        int seen = 0;
        uint32_t end = t->nodes[top].tok_b;
        for (uint32_t sib = t->nodes[top].next_sibling; sib != NONE && seen < 3;
             sib = t->nodes[sib].next_sibling, seen++) {
            if (t->nodes[sib].label != DYAD__L_PP) break;
            uint32_t r = S_pp_of(t, sib, preps);
            if (r != NONE) return r;
            end = t->nodes[sib].tok_b;
        }
        /* up through phrases that end here or with the PPs just passed
         * ("(NP (NP (NP a visit) (PP by X)) (PP to Y))") */
        uint32_t par = t->nodes[top].parent;
        if (par == NONE || (t->nodes[par].tok_b != t->nodes[top].tok_b && t->nodes[par].tok_b != end) ||
            (t->nodes[par].label != DYAD__L_NP && t->nodes[par].label != DYAD__L_PP))
            break;
        top = par;
    }
    return NONE;
}

/* The NP of a PP modifying an event noun's phrase q, or its head's own
 * phrase inner ("(NP (NP talks) (PP with ...))"). */
static uint32_t S_nominal_pp(const dyad__tree *t, uint32_t q, uint32_t inner,
                             const char *const *preps)
{
    uint32_t r = S_noun_pp(t, q, preps);
    return r == NONE && inner != q ? S_noun_pp(t, inner, preps) : r;
}

/* Does the phrase of a verb group that obtained a code hold node n? */
static int S_governed_coded(const dyad_coder *c, uint32_t n)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *p = &t->nodes[n];
    const govidx *gi = c->gov;
    if (gi && gi->ok && p->tok_b > p->tok_a) {
        uint32_t nr = dyad__gov_holding(gi, n, 1);
        for (uint32_t i = 0; i < nr; i++)
            for (uint32_t k = gi->r[gi->scratch[i]].k0;
                 k < gi->r[gi->scratch[i]].k0 + gi->r[gi->scratch[i]].ngroups; k++)
                if (c->gcoded[k]) return 1;
        return 0;
    }
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__node *hv = &t->nodes[t->vgroups[k].vp];
        if (c->gcoded[k] && hv->tok_a <= p->tok_a && p->tok_b <= hv->tok_b) return 1;
    }
    return 0;
}

/* The verb group whose clause holds node n most closely, in its verb
 * phrase or before its subject ("Following talks with X, Y said"), or
 * NULL; *in_subject is set when n lies inside some clause's subject
 * ("the talks with Poland had been useful"). */
static const dyad__vgroup *S_clause_group(const dyad_coder *c, uint32_t n, int *in_subject)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *best = NULL;
    uint32_t span = UINT32_MAX;
    const dyad__node *x = &t->nodes[n];
    *in_subject = 0;
    const govidx *gi = c->gov;
    const uint32_t *cand = NULL;
    uint32_t nk = t->nvgroups;
    if (gi && gi->ok && x->tok_b > x->tok_a) {
        /* the groups that can hold n: those whose phrase holds it, and
         * those whose subject's clause does; and whether a subject holds
         * it (a phrase holding n is n, an ancestor, or one of the same
         * span below) */
        uint32_t nr = dyad__gov_holding(gi, n, 1);
        nk = 0;
        for (uint32_t i = 0; i < nr; i++)
            for (uint32_t k = gi->r[gi->scratch[i]].k0;
                 k < gi->r[gi->scratch[i]].k0 + gi->r[gi->scratch[i]].ngroups; k++)
                gi->cand[nk++] = k;
        for (uint32_t a = n; a != NONE; a = t->nodes[a].parent) {
            *in_subject |= gi->is_subject[a];
            for (uint32_t k = gi->clause_first[a]; k != NONE; k = gi->clause_next[k])
                gi->cand[nk++] = k;
        }
        for (uint32_t d = gi->same[n]; d != NONE; d = gi->same[d]) {
            *in_subject |= gi->is_subject[d];
            for (uint32_t k = gi->clause_first[d]; k != NONE; k = gi->clause_next[k])
                gi->cand[nk++] = k;
        }
        if (nk > 1) qsort(gi->cand, nk, sizeof *gi->cand, dyad__by_u32);
        cand = gi->cand;
    }
    for (uint32_t j = 0; j < nk; j++) {
        uint32_t k = cand ? cand[j] : j;
        if (cand && j && k == cand[j - 1]) continue;        /* listed twice */
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->subject == NONE) continue;
        const dyad__node *sj = &t->nodes[h->subject];
        if (sj->tok_a <= x->tok_a && x->tok_b <= sj->tok_b) { *in_subject = 1; continue; }
        const dyad__node *vp = &t->nodes[h->vp];
        uint32_t cl = sj->parent;
        if (cl == NONE) continue;
        const dyad__node *cn = &t->nodes[cl];
        int inside = (vp->tok_a <= x->tok_a && x->tok_b <= vp->tok_b) ||
                     (cn->tok_a <= x->tok_a && x->tok_b <= sj->tok_a);
        /* an infinitive shares the subject of the clause it hangs on: its
         * own clause is its verb phrase ("ready to host talks between
         * ...": the talks are in the clause of "host") */
        uint32_t w = cn->tok_b - cn->tok_a;
        if (h->infinitive && vp->tok_a <= x->tok_a && x->tok_b <= vp->tok_b && sj->tok_b <= vp->tok_a)
            w = vp->tok_b - vp->tok_a;
        if (inside && w < span) {
            span = w;
            best = h;
        }
    }
    return best;
}

/* Does node q lie, below node top, in a participle that modifies a noun
 * ("moved officials involved in negotiations with Peru", "prayers for
 * Palestinians injured in confrontations with the police")?  An event
 * noun there is what that noun's people did or suffered, not the
 * clause subject's act. */
static int S_in_noun_participle(const dyad__tree *t, uint32_t q, uint32_t top)
{
    for (uint32_t a = t->nodes[q].parent; a != NONE && a != top; a = t->nodes[a].parent) {
        const dyad__node *x = &t->nodes[a];
        if (x->label == DYAD__L_VP && x->parent != NONE && t->nodes[x->parent].label == DYAD__L_NP &&
            x->tok_b > x->tok_a &&
            (t->toks[x->tok_a].code == DYAD__T_VBN || t->toks[x->tok_a].code == DYAD__T_VBG))
            return 1;
    }
    return 0;
}

/* The verb group whose subject is the smallest holding node n, or NULL. */
static const dyad__vgroup *S_subject_group(const dyad_coder *c, uint32_t n)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *x = &t->nodes[n];
    const dyad__vgroup *best = NULL;
    uint32_t span = UINT32_MAX;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->subject == NONE) continue;
        const dyad__node *sj = &t->nodes[h->subject];
        if (sj->tok_a <= x->tok_a && x->tok_b <= sj->tok_b && sj->tok_b - sj->tok_a < span) {
            span = sj->tok_b - sj->tok_a;
            best = h;
        }
    }
    return best;
}

/* News mode: does verb group k tell that its subject came to nothing --
 * its verb is one of the lexicon's "failing" ("talks between A and B
 * collapsed"), or a subjectless failing verb follows it after a comma,
 * k being a participle the chunker took for the main verb ("talks
 * between A and B, mediated by C, collapsed")? */
static int S_fails(const dyad_coder *c, uint32_t k)
{
    const dyad__tree *t = &c->tree;
    if (dyad__code_lx(c, t->vgroups[k].verb, DYAD__LX_FAILING)) return 1;
    if (k + 1 >= t->nvgroups) return 0;
    const dyad__vgroup *n = &t->vgroups[k + 1];
    if (n->subject != NONE || !dyad__code_lx(c, n->verb, DYAD__LX_FAILING)) return 0;
    for (uint32_t i = t->vgroups[k].verb; i < n->first; i++)
        if (dyad__streq(t->toks[i].word, ",")) return 1;
    return 0;
}

/* News mode: is the subject of verb group k the phrase of an event noun
 * of no force that came to nothing (S_fails)?  Then the group is background: a
 * participle's parties ("mediated by Qatar") make no event. */
int dyad__failed_talks(const dyad_coder *c, uint32_t k)
{
    const dyad__tree *t = &c->tree;
    const dyad__vgroup *g = &t->vgroups[k];
    if (!c->agent_country || g->subject == NONE || t->nodes[g->subject].head == NONE) return 0;
    uint32_t h = t->nodes[g->subject].head;
    if (!dyad__code_lx(c, h, DYAD__LX_EVENT_NOUNS)) return 0;
    /* an attack that failed was still made */
    const dyad__lex_noun *nm = dyad__lex_noun_get(c->lex, t->toks[h].word, t->toks[h].len);
    return nm && !nm->force && S_fails(c, k);
}

/* News mode: does node q lie in the subject of a verb group that tells it
 * came to nothing? */
static int S_in_failed_subject(const dyad_coder *c, uint32_t q)
{
    const dyad__tree *t = &c->tree;
    if (!c->agent_country) return 0;
    const dyad__node *x = &t->nodes[q];
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (h->subject == NONE) continue;
        const dyad__node *sj = &t->nodes[h->subject];
        if (sj->tok_a <= x->tok_a && x->tok_b <= sj->tok_b && S_fails(c, k)) return 1;
    }
    return 0;
}

/* Is phrase q the verb group g's object: the first noun phrase of g's
 * inner phrase, or of a "for" phrase there ("hopes for talks"), before
 * any clause of it? */
static int S_verb_object(const dyad__tree *t, const dyad__vgroup *g, uint32_t q)
{
    if (g->inner == NONE) return 0;
    for (uint32_t ch = t->nodes[g->inner].first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
        if (t->nodes[ch].label == DYAD__L_SBAR || t->nodes[ch].label == DYAD__L_S) return 0;
        int pp_for = t->nodes[ch].label == DYAD__L_PP && t->nodes[ch].head != NONE &&
                     dyad__ieq(t->toks[t->nodes[ch].head].word, "for");
        if (t->nodes[ch].label != DYAD__L_NP && !pp_for) continue;
        for (uint32_t x = q; x != NONE; x = t->nodes[x].parent)
            if (x == ch) return 1;
        return 0;
    }
    return 0;
}

dyad_status dyad__code_nominals(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    static const char *const between[] = {"between", "among", NULL}, *const by[] = {"by", NULL};
    for (uint32_t q = 0; q < t->nnodes; q++) {
        const dyad__node *p = &t->nodes[q];
        if (p->label != DYAD__L_NP || p->head == NONE) continue;
        /* the outermost phrase with this head */
        if (p->parent != NONE && t->nodes[p->parent].label == DYAD__L_NP &&
            t->nodes[p->parent].head == p->head)
            continue;
        if (!dyad__code_lx(c, p->head, DYAD__LX_EVENT_NOUNS)) continue;
        const char *hw = t->toks[p->head].word;
        const dyad__lex_noun *nm = dyad__lex_noun_get(c->lex, hw, strlen(hw));
        if (!nm) continue;
        /* the phrase of the head itself: (NP (NP talks) (PP with ...)) */
        uint32_t inner = q;
        for (uint32_t ch = p->first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
            if (t->nodes[ch].label == DYAD__L_NP && t->nodes[ch].head == p->head) inner = ch;
        const char *code = nm->code, *back = nm->back;
        int mutual = nm->mutual;
        if (dyad__streq(code, "040") && p->head > 0 &&
            (dyad__ieq(t->toks[p->head - 1].word, "peace") ||
             dyad__ieq(t->toks[p->head - 1].word, "trade")))
            code = "046";
        /* planned ("upcoming talks", "an expected visit") and the mood of
         * the clause ("will hold talks") */
        int planned = 0, none = 0;
        for (uint32_t i = t->nodes[inner].tok_a; i < p->head; i++) {
            const char *w = t->toks[i].word;
            none |= dyad__ieq(w, "no");    /* "with no agreement" */
            if (dyad__code_lx(c, i, DYAD__LX_PLANNED)) planned = 1;
        }
        /* "without talks with Peru": not held */
        if (p->parent != NONE && t->nodes[p->parent].label == DYAD__L_PP &&
            t->nodes[p->parent].head != NONE && dyad__ieq(t->toks[t->nodes[p->parent].head].word, "without"))
            none = 1;
        if (none || dyad__conditional(c, q)) continue;
        /* a telephone call is no call "for" something ("renewed its call
         * for talks with Chile", "a joint call with Peru for a truce"):
         * that is an appeal, which the verb dictionary codes */
        if (dyad__streq(code, "041")) {
            int appeal = 0;
            for (uint32_t i = p->head + 1; i <= p->tok_b && i < t->ntoks && !appeal; i++)
                appeal = dyad__ieq(t->toks[i].word, "for");
            if (appeal) continue;
        }
        if (!nm->other[0]) {
            /* an agreement is news as a fact the sentence dates ("after a
             * 2013 agreement among A, B and C", "under the 2020 deal
             * between ..."), not as the topic of a verb ("supports a deal
             * between A and B", "go along with the deal") */
            const dyad__node *par = p->parent != NONE ? &t->nodes[p->parent] : NULL;
            const char *prep = par && par->label == DYAD__L_PP && par->head != NONE
                                   ? t->toks[par->head].word : "";
            static const char *const dating[] = {"after", "under", "since", "following", "before",
                                                 "until"};
            if (!dyad__in_words(prep, dating, DYAD_ARRAY_LEN(dating))) continue;
        }
        int in_subject = 0;
        const dyad__vgroup *g = S_clause_group(c, q, &in_subject);
        if (in_subject && !nm->force && S_in_failed_subject(c, q)) {
            TRACE("noun '%s' (token %u): talks that came to nothing, background\n",
                  t->toks[p->head].word, p->head);
            continue;
        }
        const dyad__vgroup *sg = in_subject ? S_subject_group(c, q) : NULL;
        if (sg) {
            /* the subject of a clause that is not done ("a visit by
             * Chile's president to Peru could take place in May") or is
             * to come ("... will take place in May"): not held; planned,
             * with no intent anyone stated */
            int smood = dyad__mood(c, sg);
            if (smood < 0) {
                TRACE("noun '%s' (token %u): the subject of a clause not done\n", t->toks[p->head].word,
                      p->head);
                continue;
            }
            if (smood > 0) {
                if (!c->all_modalities) continue;
                planned = 1;
            }
        }
        if (in_subject) g = NULL;
        /* the object of a verb that obtained a code ("rejected talks with
         * Seoul", "agreed to hold talks"): that verb coded the event; not
         * an event the act happened during ("signed a deal during a visit
         * to Lima by Chile's president": the visit is news of its own),
         * nor a consultation it was made in ("made the demand in a call
         * with his Chilean counterpart") */
        const dyad__node *pp = p->parent != NONE ? &t->nodes[p->parent] : NULL;
        const char *pw = pp && pp->label == DYAD__L_PP && pp->tok_a < p->tok_a
                             ? t->toks[pp->tok_a].word : "";
        int during = dyad__ieq(pw, "during") || (dyad__ieq(pw, "in") && !strncmp(code, "04", 2));
        int governed = !during && S_governed_coded(c, q);
        int wanted = 0;
        if (g) {
            int mood = dyad__mood(c, g);
            if (mood < 0) continue;
            planned |= mood > 0;
            /* the object of a verb of wanting, hoping or asking ("seeks
             * talks with Peru", "proposed a summit between ..."; "an
             * expected summit" as a verb: "analysts expected a summit"):
             * wanted, not held */
            if (S_verb_object(t, g, q) &&
                (dyad__code_lx(c, g->verb, DYAD__LX_WILLING) ||
                 dyad__code_lx(c, g->verb, DYAD__LX_HOPING) ||
                 dyad__code_lx(c, g->verb, DYAD__LX_URGING) ||
                 dyad__code_lx(c, g->verb, DYAD__LX_PLANNED))) {
                TRACE("noun '%s' (token %u): the object of '%s': wanted, not held\n",
                      t->toks[p->head].word, p->head, t->toks[g->verb].word);
                planned = wanted = 1;
            }
        }
        int others = 0;   /* planned by the clause's subject for others */
        if (planned && g && g->subject != NONE && S_nominal_pp(t, q, inner, between) != NONE) {
            /* "ready to host talks between Colombia and the rebels": the
             * talks are the subject's plan, not an intent the parties
             * between stated: planned, with no intent asserted */
            actorset ts = dyad__np_actors(c, g->subject, 0);
            ts = dyad__named_only(c, &ts);
            uint32_t xb = S_nominal_pp(t, q, inner, between);
            actorset tx = dyad__np_actors(c, xb, 0);
            others = 1;
            for (uint32_t i = 0; i < ts.n && others; i++)
                for (uint32_t j = 0; j < tx.n && others; j++)
                    others = strncmp(ts.v[i].code, tx.v[j].code, 3) != 0;
        }
        /* wanted between two others ("analysts expect a summit between
         * A and B"): what the subject wants, not an intent A or B stated */
        if (wanted && S_nominal_pp(t, q, inner, between) != NONE) others = 1;
        if (others) {
            if (!c->all_modalities) continue;
            TRACE("  '%s' between others, in the subject's plan: planned\n", t->toks[p->head].word);
        } else if (planned) {
            /* a planned investigation is no event; other acts without an
             * intent code stay what they are */
            const char *ic = dyad__intent(code);
            if (!ic && !strncmp(code, "09", 2)) continue;
            code = ic ? ic : code;
            back = NULL;
            /* "A wants talks with B" is A's intent only */
            mutual = dyad__streq(code, "036") && nm->mutual && !wanted;
        }
        actorset a = {NULL, 0}, b = {NULL, 0};
        uint32_t x = S_nominal_pp(t, q, inner, between);
        if (x == NONE && governed) continue;
        actorset two = {NULL, 0};
        if (x != NONE) {
            actorset tx = dyad__np_actors(c, x, 0);
            a = dyad__named_only(c, &tx);
            if (a.n < 2) continue;
            b = a;
            mutual = 1;
        } else if (nm->mutual && dyad__ieq(t->toks[t->nodes[inner].tok_a].word, "their") &&
                   S_nominal_pp(t, q, inner, nm->other) == NONE &&
                   dyad__story_pair(c, p->tok_a, p->tok_b, NULL, NULL, 0, &two)) {
            /* "their second summit": the story's two parties */
            a = b = two;
            mutual = 1;
        } else {
            uint32_t w = S_nominal_pp(t, q, inner, nm->other);
            /* "a joint call with Peru for a truce": an appeal, as above */
            if (w != NONE && dyad__streq(code, "041") && t->nodes[w].tok_b < t->ntoks &&
                dyad__ieq(t->toks[t->nodes[w].tok_b].word, "for"))
                continue;
            if (w != NONE) {
                actorset tw = dyad__np_actors(c, w, 0);
                b = dyad__named_only(c, &tw);
            }
            /* the victims: the subject that died in it */
            const dyad__node *par = p->parent != NONE ? &t->nodes[p->parent] : NULL;
            if (!b.n && nm->force && g && par && par->label == DYAD__L_PP && par->head != NONE &&
                dyad__ieq(t->toks[par->head].word, "in") && S_victim_verb(t, g)) {
                actorset tv = dyad__np_actors(c, g->subject, 0);
                b = dyad__named_only(c, &tv);
                if (b.n) TRACE("  the victims of '%s': the subject of '%s'\n",
                               t->toks[p->head].word, t->toks[g->verb].word);
            }
            if (!b.n) continue;
            /* the doer: a "by" phrase, a possessor or modifier before the
             * noun ("Modi's visit", "U.S.-Taliban talks"), else the
             * clause's subject */
            uint32_t y = S_nominal_pp(t, q, inner, by);
            if (y != NONE) {
                actorset ty = dyad__np_actors(c, y, 0);
                a = dyad__named_only(c, &ty);
            }
            for (uint32_t i = t->nodes[inner].tok_a; i < p->head && !a.n; i++) {
                const mention *m = &c->ments[i];
                if (m->a != i || m->agent) continue;
                actor ac;
                if (!dyad__mention_actor(c, m, &ac) || !strncmp(ac.code, "---", 3)) continue;
                dyad__push_one(c, &a, &ac);
            }
            /* not the topic of what the subject said ("a statement
             * about the talks with Poland") */
            const char *tp = g ? dyad__prep_above(t, q, g->inner) : NULL;
            if (!a.n && g && !nm->force &&
                !(tp && dyad__lex_has(c->lex, tp, strlen(tp), DYAD__LX_TOPIC_PREPS)) &&
                !S_in_noun_participle(t, q, g->subject != NONE ? t->nodes[g->subject].parent : g->inner)) {
                actorset ts = dyad__np_actors(c, g->subject, 0);
                a = dyad__named_only(c, &ts);
            }
        }
        if (!a.n) continue;
        dyad__vgroup fake;
        memset(&fake, 0, sizeof fake);
        fake.verb = fake.first = fake.last = p->head;
        fake.vp = fake.inner = q;
        fake.subject = fake.reported = fake.modal = fake.neg = NONE;
        evb base;
        base.n = 0;
        char why[64];
        snprintf(why, sizeof why, "event noun '%s' [%s]", t->toks[p->head].word, code);
        dyad__ev(&base, "verb", NULL, 0, p->head, p->head + 1,
                 dyad__arena_strndup(&c->arena, why, strlen(why)));
        TRACE("noun '%s' (token %u): %s\n", t->toks[p->head].word, p->head, code);
        dyad__trace_set(c, "source", &a);
        dyad__trace_set(c, "target", &b);
        if (others) c->mod = DYAD_PLANNED;
        for (uint32_t i = 0; i < a.n; i++)
            for (uint32_t j = 0; j < b.n; j++) {
                if (dyad__streq(a.v[i].code, b.v[j].code)) continue;
                if (dyad__add_event(c, &a.v[i], &b.v[j], code, &fake, &base, 0) != 0 ||
                    (mutual && dyad__add_event(c, &b.v[j], &a.v[i], code, &fake, &base, 0) != 0) ||
                    (back && dyad__add_event(c, &b.v[j], &a.v[i], back, &fake, &base, 0) != 0)) {
                    c->mod = DYAD_ASSERTED;
                    return DYAD_ENOMEM;
                }
            }
        c->mod = DYAD_ASSERTED;
    }
    return DYAD_OK;
}

/* ---------------------------------------------------------- judgements
 * News mode: condemnation said in words rather than named by a verb.  A
 * quotation, or the clause a speech verb reports, that calls someone's
 * deeds "heinous", "illegal" or "a betrayal" is disapproval (111) by the
 * speaker of the party it speaks of ("'Peru, a lawless state,
 * persecutes our fishermen,' Ruiz said"); so is calling or describing a
 * party or its deeds so ("Soto called Lara's remarks 'disgraceful'").
 * The words are adjectives and nouns of moral or legal condemnation that
 * news quotes use of an adversary, not of victims or events: no verb
 * dictionary has a place for them; they are the lexicon's list
 * "condemning". */
/* Praise in words: "proud of", "grateful", "a good step", "a gesture of
 * friendship", "X is right".  Fewer words than for condemnation, each
 * checked in its context, because praise words are common in other
 * senses ("tested positive", "human right"). */
static int S_praising(const dyad_coder *c, uint32_t i)
{
    const dyad__tree *t = &c->tree;
    const char *w = t->toks[i].word;
    const char *prev = i > 0 ? t->toks[i - 1].word : "";
    const char *next = i + 1 < t->ntoks ? t->toks[i + 1].word : "";
    static const char *const steps[] = {"step", "move", "development"};
    static const char *const good[] = {"good", "positive", "welcome", "important"};
    static const char *const copula[] = {"is", "was", "are", "were"};
    /* "is right to", "is right now", "right here", "right after": not a
     * verdict */
    static const char *const not_verdict[] = {"to", "now", "here", "there", "after", "before",
                                              "behind"};
    static const char *const tested[] = {"tested", "test", "tests"};
    int yes = dyad__code_lx(c, i, DYAD__LX_PRAISING);
    /* the words checked in their context below all begin with one of
     * these letters: most words need no comparison */
    switch (w[0] | 0x20) {
    case 'd': case 'f': case 'g': case 'm': case 'p': case 'r': case 's': break;
    default: return yes;
    }
    if (dyad__ieq(w, "proud")) yes = dyad__ieq(next, "of");
    /* "a good step", "a step in the right direction" */
    if (dyad__in_words(w, steps, DYAD_ARRAY_LEN(steps)))
        yes = dyad__in_words(prev, good, DYAD_ARRAY_LEN(good)) ||
              (dyad__ieq(next, "in") && i + 3 < t->ntoks &&
               dyad__ieq(t->toks[i + 3].word, "right"));
    if (dyad__ieq(w, "friendship") || dyad__ieq(w, "goodwill"))
        yes = dyad__ieq(prev, "of");             /* "a gesture of friendship" */
    if (dyad__ieq(w, "right"))                   /* "President Trump is right" */
        yes = dyad__in_words(prev, copula, DYAD_ARRAY_LEN(copula)) &&
              !dyad__in_words(next, not_verdict, DYAD_ARRAY_LEN(not_verdict));
    if (dyad__ieq(w, "positive"))
        yes = !dyad__in_words(prev, tested, DYAD_ARRAY_LEN(tested)) && !dyad__ieq(next, "for");
    return yes;
}

static int S_condemning_at(const dyad_coder *c, uint32_t i)
{
    return dyad__code_lx(c, i, DYAD__LX_CONDEMNING);
}

/* A blaming word after a form of "be", over adverbs and "to" ("was
 * behind", "is directly responsible", "was to blame"): the wrong it lays
 * is the subject's, the party just before the copula. */
static int S_blaming_at(const dyad_coder *c, uint32_t i)
{
    static const char *const be[] = {"is", "was", "are", "were", "be", "been", "'s"};
    const dyad__tree *t = &c->tree;
    if (!dyad__code_lx(c, i, DYAD__LX_BLAMING)) return 0;
    uint32_t j = i;
    while (j > 0 && i - j < 3 && (t->toks[j - 1].code == DYAD__T_RB || t->toks[j - 1].code == DYAD__T_TO))
        j--;
    if (j == 0 || !dyad__in_words(t->toks[j - 1].word, be, DYAD_ARRAY_LEN(be))) return 0;
    /* "blame", "guilty" lay a wrong of themselves; being "behind" or
     * "responsible for" something is blame only when it is a wrong
     * ("behind the attack", not "behind the peace plan"; "responsible for
     * the deaths", not "responsible for the border"): a crime, a word of
     * condemnation, an act of force or a harm within the next words */
    static const char *const harm[] = {"death", "deaths", "violence", "bloodshed", "chaos"};
    const char *w = t->toks[i].word;
    if (strcasecmp(w, "behind") && strcasecmp(w, "responsible")) return 1;
    for (uint32_t k = i + 1; k < t->ntoks && k < i + 8; k++) {
        const dyad__lex_noun *nm = dyad__lex_noun_get(c->lex, t->toks[k].word, t->toks[k].len);
        if (dyad__code_lx(c, k, DYAD__LX_CRIMES) || dyad__code_lx(c, k, DYAD__LX_CONDEMNING) ||
            (nm && nm->force) || dyad__in_words(t->toks[k].word, harm, DYAD_ARRAY_LEN(harm)))
            return 1;
    }
    return 0;
}

/* The party spoken of in tokens [a, b): the named actor nearest a
 * condemning (or praising, blaming: is) word there (before: only one
 * named before the word), not the speaker nor the speaker's own state.
 * Returns 0 when the span names none or holds no such word. */
static int S_judged(dyad_coder *c, uint32_t a, uint32_t b, const actor *spk, actor *out,
                    uint32_t *word, int (*is)(const dyad_coder *, uint32_t), int before)
{
    const dyad__tree *t = &c->tree;
    uint32_t best = UINT32_MAX;
    *word = NONE;
    for (uint32_t i = a; i < b; i++) {
        if (!is(c, i)) continue;
        if (*word == NONE) *word = i;
        for (uint32_t j = a; j < b; j++) {
            const mention *m = &c->ments[j];
            actor x;
            if (m->a != j || m->agent || !dyad__mention_actor(c, m, &x)) continue;
            /* with the roles of its phrase: "the Georgian prime minister" */
            uint32_t q = t->toks[j].parent;
            if (q != NONE && t->nodes[q].label == DYAD__L_NP) {
                actorset ps = dyad__np_actors(c, q, 0);
                for (uint32_t k = 0; k < ps.n; k++)
                    if (ps.v[k].a <= j && j < ps.v[k].b && !strncmp(ps.v[k].code, x.code, 3)) {
                        x = ps.v[k];
                        break;
                    }
            }
            if (dyad__streq(x.code, spk->code) || dyad__self_pair(x.code, spk->code) ||
                !strncmp(x.code, "---", 3))
                continue;
            /* before: only a party named before the word (a wrong laid
             * at a door is the copula's subject's) */
            if (before && j > i) continue;
            uint32_t dist = j > i ? j - i : i - j;
            if (dist < best) { best = dist; *out = x; *word = i; }
        }
    }
    return best != UINT32_MAX;
}

/* Has the sentence an event from a to b already (b compared on its first
 * n letters)? */
static int S_has_pair(const dyad_coder *c, const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < c->nevents; i++)
        if (dyad__streq(c->events[i].source, a) && !strncmp(c->events[i].target, b, n)) return 1;
    return 0;
}

/* A verb group of one token, for an event named by a word other than a
 * clause's verb. */
static dyad__vgroup S_word_group(uint32_t tok)
{
    dyad__vgroup g;
    memset(&g, 0, sizeof g);
    g.verb = g.first = g.last = tok;
    g.subject = g.reported = g.modal = g.neg = g.vp = g.inner = NONE;
    return g;
}

/* News mode: a quotation that condemns and names no party ("This is an
 * unacceptable violation of our rights," the minister said) condemns
 * the party the story has set against the speaker's country: the other
 * side of the story's last pair of parties, when the speaker's country is
 * one side and the sentence names no party of a third country. */
static int S_quote_adversary(dyad_coder *c, const actor *spk, actor *out)
{
    const dyad__tree *t = &c->tree;
    const char *p, *q;
    if (!c->story || strlen(spk->code) < 3 || !dyad__story_last_dyad(c->story, &p, &q)) return 0;
    if (!strncmp(q, spk->code, 3)) { const char *x = p; p = q; q = x; }
    if (strncmp(p, spk->code, 3) || !strncmp(q, spk->code, 3)) return 0;
    for (uint32_t i = 0; i < t->ntoks; i++) {
        const mention *m = &c->ments[i];
        const char *k = m->a == i && !m->agent ? dyad__mention_code(c, m) : NULL;
        if (k && strlen(k) >= 3 && strncmp(k, "---", 3) && strncmp(k, spk->code, 3) && strncmp(k, q, 3))
            return 0;
    }
    memset(out, 0, sizeof *out);
    out->code = dyad__arena_strndup(&c->arena, q, strlen(q));
    if (!out->code) return 0;
    out->why = "the side the story set against the speaker";
    return 1;
}

/* The head of a definite description of an act ("the seizure", "that
 * move", "this decision") in tokens [a, w) when it names no party and
 * [a, b) none at all, else NONE.  A judgement in words of such a phrase
 * is of an act the story has told. */
static uint32_t S_act_described(const dyad_coder *c, uint32_t a, uint32_t w, uint32_t b)
{
    const dyad__tree *t = &c->tree;
    static const char *const det[] = {"the", "that", "this", "these", "those"};
    for (uint32_t i = a; i < b; i++)
        if (c->ments[i].a == i && !c->ments[i].agent && dyad__mention_code(c, &c->ments[i]))
            return NONE;
    for (uint32_t i = a; i + 1 < w; i++) {
        if (!dyad__in_words(t->toks[i].word, det, DYAD_ARRAY_LEN(det))) continue;
        /* the noun the determiner begins: the last noun before a word
         * that is neither noun nor adjective */
        uint32_t j = i + 1, head = NONE;
        while (j < w && (dyad__tag_is_noun(t->toks[j].tag) || t->toks[j].code == DYAD__T_JJ ||
                         t->toks[j].code == DYAD__T_VBN)) {
            if (dyad__tag_is_noun(t->toks[j].tag)) head = j;
            j++;
        }
        if (head != NONE && strncmp(t->toks[head].tag, "NNP", 3) &&
            (dyad__code_lx(c, head, DYAD__LX_ACT_NOUNS) || dyad__code_lx(c, head, DYAD__LX_EVENT_NOUNS)))
            return head;
    }
    return NONE;
}

int dyad__owned_act(dyad_coder *c, uint32_t np, actor *out)
{
    const dyad__tree *t = &c->tree;
    static const char *const det[] = {"the", "that", "this", "these", "those"};
    const dyad__node *p = &t->nodes[np];
    if (!c->story || p->label != DYAD__L_NP || p->head == NONE || p->head <= p->tok_a ||
        !dyad__in_words(t->toks[p->tok_a].word, det, DYAD_ARRAY_LEN(det)) ||
        strncmp(t->toks[p->head].tag, "NN", 2) || !strncmp(t->toks[p->head].tag, "NNP", 3) ||
        !(dyad__code_lx(c, p->head, DYAD__LX_ACT_NOUNS) || dyad__code_lx(c, p->head, DYAD__LX_EVENT_NOUNS)))
        return 0;
    for (uint32_t i = p->tok_a; i < p->tok_b; i++)
        if (c->ments[i].a == i && dyad__mention_code(c, &c->ments[i])) return 0;
    unsigned at = 0;
    const char *k = dyad__story_owner(c->story, t->toks[p->head].word, 5, &at);
    if (!k) return 0;
    memset(out, 0, sizeof *out);
    out->a = p->tok_a;
    out->b = p->tok_b;
    out->code = dyad__arena_strndup(&c->arena, k, strlen(k));
    char why[96];
    snprintf(why, sizeof why, "'%s' is %s's, named in sentence %u", dyad__words_text(c, p->tok_a, p->tok_b),
             k, at);
    out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
    return out->code && out->why;
}

/* The party of the act a judgement names by a description only: asked
 * of the story (resolve/story.c), within the three sentences before. */
static int S_judged_act(dyad_coder *c, const actor *spk, uint32_t head, actor *out)
{
    unsigned at = 0;
    const char *w = c->tree.toks[head].word;
    const dyad__lex_noun *nm = dyad__lex_noun_get(c->lex, w, strlen(w));
    /* the description repeats the noun of a phrase that named its party
     * ("a United Nations report ... the report"), else the last act */
    const char *k = c->story ? dyad__story_owner(c->story, w, 5, &at) : NULL;
    if (!k && c->story) k = dyad__story_act_judged(c->story, spk->code, nm ? nm->code : NULL, 3, &at);
    if (!k || dyad__self_pair(k, spk->code) || !strncmp(k, spk->code, 3)) return 0;
    memset(out, 0, sizeof *out);
    out->code = dyad__arena_strndup(&c->arena, k, strlen(k));
    if (!out->code) return 0;
    char why[96];
    snprintf(why, sizeof why, "the act described, the story's last act (sentence %u): %s", at, k);
    out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
    return out->why != NULL;
}

/* What a judgement in words does to the party it names: condemns it
 * (111), lays a wrong at its door (112), or praises it (051). */
enum { J_CONDEMN, J_BLAME, J_PRAISE };

static dyad_status S_judge1(dyad_coder *c, uint32_t a, uint32_t b, const actor *spk,
                            uint32_t verb, const char *how, int kind)
{
    const dyad__tree *t = &c->tree;
    static const char *const codes[] = {"111", "112", "051"};
    int (*const is[])(const dyad_coder *, uint32_t) = {S_condemning_at, S_blaming_at, S_praising};
    actor tgt;
    uint32_t w;
    const char *code = codes[kind];
    int found = S_judged(c, a, b, spk, &tgt, &w, is[kind], kind == J_BLAME);
    if (!found && kind == J_CONDEMN && dyad__streq(how, "the quotation") && w != NONE)
        found = S_quote_adversary(c, spk, &tgt);
    /* "called that move theft", "said the shooting was a provocation" */
    uint32_t head = !found && kind != J_BLAME && w != NONE && !dyad__streq(how, "the quotation")
                        ? S_act_described(c, a, w, b)
                        : NONE;
    if (head != NONE && !dyad__ablated("judged_act")) found = S_judged_act(c, spk, head, &tgt);
    if (!found) return DYAD_OK;
    if (S_has_pair(c, spk->code, tgt.code, 3)) return DYAD_OK;   /* said already */
    dyad__vgroup fake = S_word_group(verb != NONE ? verb : w);
    evb base;
    base.n = 0;
    char why[96];
    snprintf(why, sizeof why, "%s calls %s '%s' [%s]", how, tgt.code, t->toks[w].word, code);
    dyad__ev(&base, "verb", NULL, 0, w, w + 1, dyad__arena_strndup(&c->arena, why, strlen(why)));
    TRACE("judgement: %s\n", why);
    return dyad__add_event(c, spk, &tgt, code, &fake, &base, 0) != 0 ? DYAD_ENOMEM : DYAD_OK;
}

/* Condemnation first: a span that condemns one party and praises
 * another codes both; one that does both to one party, the
 * condemnation ("said already"). */
static dyad_status S_judge(dyad_coder *c, uint32_t a, uint32_t b, const actor *spk,
                           uint32_t verb, const char *how)
{
    DYAD_TRY(S_judge1(c, a, b, spk, verb, how, J_CONDEMN));
    DYAD_TRY(S_judge1(c, a, b, spk, verb, how, J_BLAME));
    return S_judge1(c, a, b, spk, verb, how, J_PRAISE);
}

dyad_status dyad__code_judgements(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    /* quotations with a speaker */
    for (uint32_t i = 0; c->speaker.n && i < t->ntoks;) {
        if (!c->inquote[i]) { i++; continue; }
        uint32_t j = i;
        while (j < t->ntoks && c->inquote[j]) j++;
        DYAD_TRY(S_judge(c, i, j, &c->speaker.v[0], NONE, "the quotation"));
        i = j;
    }
    /* reported clauses, and "called X 'egregious'" */
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *h = &t->vgroups[k];
        if (c->inquote[h->verb] || h->subject == NONE) continue;
        int report = h->reported != NONE && dyad__reporting(c, h->verb),
            naming = dyad__code_lx(c, h->verb, DYAD__LX_NAMING);
        if (!report && !naming) continue;
        actorset s = dyad__np_actors(c, h->subject, 0);
        s = dyad__named_only(c, &s);
        if (!s.n) continue;
        const dyad__node *x = &t->nodes[report ? h->reported : h->inner];
        uint32_t a = report ? x->tok_a : h->verb + 1, b = x->tok_b;
        /* the name given may stand in quotation marks after the object,
         * outside the verb's phrase: "called Ford's comments 'egregious'" */
        if (naming && b < t->ntoks && t->toks[b].code == DYAD__T_LQUOTE)
            for (b++; b < t->ntoks && t->toks[b - 1].code != DYAD__T_RQUOTE; b++) {}
        DYAD_TRY(S_judge(c, a, b, &s.v[0], h->verb, report ? "the reported clause" : "the verb"));
    }
    return DYAD_OK;
}

/* Who says what verb group g says: the subject of the reporting verb
 * whose clause holds g, else the speaker of the quotation g is in; empty
 * when g is no one's report. */
actorset dyad__reporter(dyad_coder *c, const dyad__vgroup *g)
{
    return dyad__reporter_by(c, g, NULL);
}

/* dyad__reporter, and in *by (when not NULL) the reporting verb group,
 * or NONE for a quotation's speaker. */
actorset dyad__reporter_by(dyad_coder *c, const dyad__vgroup *g, uint32_t *by)
{
    if (by) *by = NONE;
    const dyad__tree *t = &c->tree;
    const dyad__node *gv = &t->nodes[g->vp];
    actorset src = {NULL, 0};
    /* the groups whose reported clause holds g's phrase: the clause is
     * that phrase, an ancestor, or one of the same span below (all groups
     * when there is no index) */
    const govidx *gi = c->gov && c->gov->ok && gv->tok_b > gv->tok_a ? c->gov : NULL;
    uint32_t nk = t->nvgroups;
    if (gi) {
        nk = 0;
        for (uint32_t a = g->vp; a != NONE; a = t->nodes[a].parent)
            for (uint32_t k = gi->report_first[a]; k != NONE; k = gi->report_next[k])
                gi->cand[nk++] = k;
        for (uint32_t d = gi->same[g->vp]; d != NONE; d = gi->same[d])
            for (uint32_t k = gi->report_first[d]; k != NONE; k = gi->report_next[k])
                gi->cand[nk++] = k;
        if (nk > 1) qsort(gi->cand, nk, sizeof *gi->cand, dyad__by_u32);
    }
    for (uint32_t j = 0; j < nk && !src.n; j++) {
        uint32_t q = gi ? gi->cand[j] : j;
        const dyad__vgroup *h = &t->vgroups[q];
        if (h == g || h->reported == NONE || h->subject == NONE ||
            !dyad__reporting(c, h->verb) || c->inquote[h->verb])
            continue;
        const dyad__node *r = &t->nodes[h->reported];
        if (r->tok_a <= gv->tok_a && gv->tok_b <= r->tok_b) {
            actorset s = dyad__np_actors(c, h->subject, 0);
            src = dyad__named_only(c, &s);
            if (src.n && by) *by = q;
        }
    }
    if (!src.n && c->inquote[g->verb] && c->speaker.n) src = c->speaker;
    return src;
}

/* ------------------------------------------------------------- appeals
 * News mode: "X said Y should (must, ought to) do Z" is X's appeal to Y
 * (020), whatever Z is ("said the ministry should close the border
 * crossing"); so is a quotation's "Y must stop ...".  "We must" is the
 * speaker's own resolve, not an appeal. */
dyad_status dyad__code_appeals(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *g = &t->vgroups[k];
        actorset who, whom;
        int kind = g->modality != DYAD__MOD_OBLIGATION ? dyad__mandate(c, g, &who, &whom) : 0;
        if (kind) {
            /* "X insisted that Y respond": a demand (100) or an appeal
             * (020) whatever the act, when the group coded none of its
             * own (dyad__news_mandate) */
            const char *code = kind == 1 ? "100" : "020";
            dyad__vgroup fake = S_word_group(g->verb);
            evb base;
            base.n = 0;
            dyad__ev(&base, "verb", NULL, 0, fake.verb, fake.verb + 1,
                     kind == 1 ? "a bare verb in a 'that' clause of demanding: a demand [100]"
                               : "a bare verb in a 'that' clause of urging: an appeal [020]");
            const actor *sp = &who.v[0];
            for (uint32_t j = 0; j < whom.n; j++) {
                const char *a = sp->code, *b = whom.v[j].code;
                if (dyad__streq(a, b) || dyad__self_pair(a, b) || S_has_pair(c, a, b, strlen(b) + 1))
                    continue;
                TRACE("mandate: %s asks %s to act (token %u)\n", a, b, g->verb);
                if (dyad__add_event(c, sp, &whom.v[j], code, &fake, &base, 0) != 0)
                    return DYAD_ENOMEM;
            }
            continue;
        }
        if (g->modality != DYAD__MOD_OBLIGATION || g->subject == NONE || g->passive) continue;
        actorset src = dyad__reporter(c, g);
        if (!src.n) continue;
        if (S_first_person(t->toks[t->nodes[g->subject].tok_a].word)) continue;
        actorset tg = dyad__np_actors(c, g->subject, 0);
        tg = dyad__named_only(c, &tg);
        /* the subject's head must be the party ("talks with China must
         * continue" lays nothing on China) */
        uint32_t head = t->nodes[g->subject].head;
        if (tg.n && head != NONE && tg.v[0].b > tg.v[0].a && tg.v[0].a > head) continue;
        dyad__vgroup fake = S_word_group(g->modal != NONE ? g->modal : g->verb);
        evb base;
        base.n = 0;
        dyad__ev(&base, "verb", NULL, 0, fake.verb, fake.verb + 1,
                 "an obligation laid on another party: an appeal [020]");
        const actor *sp = &src.v[0];      /* the speaker's head only */
        for (uint32_t j = 0; j < tg.n; j++) {
            const char *a = sp->code, *b = tg.v[j].code;
            if (dyad__streq(a, b) || dyad__self_pair(a, b) || S_has_pair(c, a, b, strlen(b) + 1)) continue;
            TRACE("appeal: %s says %s should act (token %u)\n", a, b, fake.verb);
            if (dyad__add_event(c, sp, &tg.v[j], "020", &fake, &base, 0) != 0) return DYAD_ENOMEM;
        }
    }
    return DYAD_OK;
}

/* ---------------------------------------------------------- allegations
 * News mode: an accusation made by stating a wrong.  A reported clause
 * or a quotation whose verb is a wrongdoing ("the American side has
 * violated the agreement", "Peru has been cheating Chilean
 * exporters", "they tried to sabotage the process", "both sides have
 * committed abuses") is the speaker's accusation (112) of the clause's
 * subject.  Not of the speaker's own side, not a negated or passive
 * clause.  The verbs are those whose doing is itself a charge; "commit"
 * only with a wrong as its object (the lexicon's lists "wrongdoing",
 * "committing" and "crimes"). */

static int S_wrongdoing(const dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    const char *w = t->toks[g->verb].word;
    if (dyad__code_lx(c, g->verb, DYAD__LX_WRONGDOING))   /* "ripping" only with "off" */
        return !dyad__ieq(w, "ripping") ||
               (g->verb + 1 < t->ntoks && dyad__ieq(t->toks[g->verb + 1].word, "off"));
    if (!dyad__code_lx(c, g->verb, DYAD__LX_COMMITTING)) return 0;
    uint32_t end = t->nodes[g->inner].tok_b;
    for (uint32_t i = g->verb + 1; i < end && i < g->verb + 6; i++)
        if (dyad__code_lx(c, i, DYAD__LX_CRIMES)) return 1;
    return 0;
}

/* Who makes the claim that holds g: the party the claim noun's phrase
 * names ("Chile's claim that ..."), else the subject of a verb whose
 * object is a claim noun with a "that" clause around g ("Bugti
 * reiterated the claim that the attack was orchestrated by militants");
 * empty if none. */
actorset dyad__claimant(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    actorset src = {NULL, 0};
    const dyad__node *gv = &t->nodes[g->vp];
    for (uint32_t q = gv->parent; q != NONE && !src.n; q = t->nodes[q].parent) {
        const dyad__node *x = &t->nodes[q];
        if (x->label != DYAD__L_SBAR || x->tok_a >= x->tok_b ||
            !dyad__ieq(t->toks[x->tok_a].word, "that"))
            continue;
        /* the clause inside the claim's phrase, or right after it (the
         * chunker hangs it on the verb: "(NP the claim) (SBAR that ...)") */
        uint32_t np = x->parent;
        if (np != NONE && t->nodes[np].label != DYAD__L_NP) {
            np = NONE;
            for (uint32_t ch = t->nodes[x->parent].first_child; ch != NONE && ch != q;
                 ch = t->nodes[ch].next_sibling)
                np = t->nodes[ch].next_sibling == q ? ch : NONE;
        }
        if (np == NONE || t->nodes[np].label != DYAD__L_NP || t->nodes[np].head == NONE ||
            !dyad__code_lx(c, t->nodes[np].head, DYAD__LX_CLAIM_NOUNS))
            break;
        /* whose claim the phrase says: "Chile's claim that ...", not the
         * subject that rejects it */
        for (uint32_t i = t->nodes[np].tok_a; i < t->nodes[np].head; i++) {
            const mention *m = &c->ments[i];
            actor a;
            if (m->a != i || m->agent || !dyad__mention_actor(c, m, &a) || !strncmp(a.code, "---", 3))
                continue;
            dyad__push_one(c, &src, &a);
        }
        if (src.n) break;
        /* the groups whose main verb's phrase holds the claim (all when
         * there is no index) */
        const govidx *gx = c->gov && c->gov->ok && t->nodes[np].tok_b > t->nodes[np].tok_a
                               ? c->gov : NULL;
        uint32_t nk = gx ? dyad__gov_inner_holding(gx, np) : t->nvgroups;
        for (uint32_t j = 0; j < nk && !src.n; j++) {
            uint32_t k = gx ? gx->scratch[j] : j;
            const dyad__vgroup *h = &t->vgroups[k];
            const dyad__node *hi = &t->nodes[h->inner];
            if (h == g || h->subject == NONE || hi->tok_a > t->nodes[np].tok_a ||
                t->nodes[np].tok_b > hi->tok_b)
                continue;
            actorset hs = dyad__np_actors(c, h->subject, 0);
            src = dyad__named_only(c, &hs);
        }
        break;
    }
    return src;
}

dyad_status dyad__code_allegations(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *g = &t->vgroups[k];
        if (g->subject == NONE || g->negated || !S_wrongdoing(c, g)) continue;
        if (S_first_person(t->toks[t->nodes[g->subject].tok_a].word)) continue;
        /* the wrongdoer: the subject, or in a passive its "by" phrase
         * ("the attack was orchestrated by militants") */
        uint32_t who = g->subject;
        if (g->passive && (who = dyad__by_agent(c, g->inner)) == NONE) continue;
        /* the speaker's head only; every party of a claim's subject
         * ("Ruiz and Soto repeated the charge") */
        actorset src = dyad__reporter(c, g);
        uint32_t nsp = 1;
        if (!src.n) {
            src = dyad__claimant(c, g);
            nsp = src.n;
        }
        if (!src.n) continue;
        actorset tg = dyad__np_actors(c, who, 0);
        tg = dyad__named_only(c, &tg);
        dyad__vgroup fake = S_word_group(g->verb);
        evb base;
        base.n = 0;
        dyad__ev(&base, "verb", NULL, 0, g->verb, g->verb + 1,
                 "a wrong stated of another party: an accusation [112]");
        for (uint32_t i = 0; i < nsp; i++)
            for (uint32_t j = 0; j < tg.n; j++) {
                const actor *sp = &src.v[i];
                const char *a = sp->code, *b = tg.v[j].code;
                if (dyad__streq(a, b) || dyad__self_pair(a, b) || S_has_pair(c, a, b, strlen(b) + 1))
                    continue;
                TRACE("allegation: %s says %s did wrong ('%s')\n", a, b, t->toks[g->verb].word);
                if (dyad__add_event(c, sp, &tg.v[j], "112", &fake, &base, 0) != 0) return DYAD_ENOMEM;
            }
    }
    return DYAD_OK;
}

/* News mode: counts the countries this sentence names (actor codes that
 * start with a country code) and keeps the document's most named one. */
void dyad__count_countries(dyad_coder *c)
{
    for (uint32_t x = 0; x < c->nmstart; x++) {
        const mention *m = &c->ments[c->mstart[x]];
        if (m->agent) continue;
        dyad__story_count_country(c->story, dyad__mention_code(c, m));
    }
}
