/*
 * coder.c -- event coding of one sentence tree: the public coder handle
 * (dyad_coder_*), its options, and the per-sentence sequence.
 *
 *   tree --actors--> each noun phrase's actor set (actors.c: dictionary
 *                    actors and agents combined: "Gondor's government" ->
 *                    GONGOV, compounds "A and B" -> {A, B})
 *        --verbs-->  each verb group's main verb looked up in the verb
 *                    dictionary; the patterns of its block tried around
 *                    it; the most specific match gives the code
 *                    (patterns.c, govern.c)
 *        --roles-->  source: a pattern's $, else the subject; target: a
 *                    pattern's +, else the first actor among the verb's
 *                    complements; passive clauses swap them (roles.c,
 *                    one verb group's steps in group.c)
 *        --events--> one event per (source, target) pair, with evidence
 *                    (evidence.c)
 *   news mode (c->agent_country) adds the story's names, speakers and
 *   pronouns, and events without a verb of their own (news.c).
 *
 * Invariant: the coder never writes into the dictionary or the tree's
 * tokens; all its per-sentence memory is one arena, reset per sentence.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static dyad_status S_code_group_as(dyad_coder *c, const dyad__vgroup *g);
static actorset S_reporter(dyad_coder *c, const dyad__vgroup *g);

/* ------------------------------------------------------------- handles */

dyad_status dyad_coder_new(dyad_coder **out, const dyad_dict *d)
{
    *out = NULL;
    if (!d) return DYAD_EINVAL;
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) return DYAD_ENOMEM;
    c->d = d;
    c->lex = dyad__dict_lexicon(d);
    if (!c->lex) {
        free(c);
        return DYAD_ENOMEM;
    }
    c->syn_asked = dyad_dict_synset_find(d, "ASKED");
    c->syn_alleged = dyad_dict_synset_find(d, "ALLEGED");
    c->syn_aspectual = dyad_dict_synset_find(d, "ASPECTUAL");
    c->require_dyad = 1;
    c->skip_nested = 1;
    c->wcache = calloc(WCACHE_SIZE, sizeof *c->wcache);
    c->story = dyad__story_new();
    if (!c->wcache || !c->story) {
        free(c->wcache);
        dyad__story_free(c->story);
        free(c);
        return DYAD_ENOMEM;
    }
    dyad__arena_init(&c->arena, (size_t)256 << 20);
    dyad__buf_init(&c->trace);
    *out = c;
    return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c) return;
    dyad__arena_free(&c->arena);
    dyad__buf_free(&c->trace);
    free(c->events);
    free(c->xevents);
    free(c->wcache);
    dyad__story_free(c->story);
    free(c);
}

static int S_bool(const char *v, int *out)
{
    if (!strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes")) { *out = 1; return 0; }
    if (!strcasecmp(v, "false") || !strcmp(v, "0") || !strcasecmp(v, "no")) { *out = 0; return 0; }
    return -1;
}

dyad_status dyad_coder_set_option(dyad_coder *c, const char *name, const char *value)
{
    if (!name || !value) return DYAD_EINVAL;
    if (strcasecmp(name, "agent_country") == 0) {
        if (S_bool(value, &c->agent_country) != 0)
            return dyad__err_set(&c->err, DYAD_EINVAL, "agent_country: '%s' is not true or false",
                                 value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "skip_nested") == 0) {
        if (S_bool(value, &c->skip_nested) != 0)
            return dyad__err_set(&c->err, DYAD_EINVAL, "skip_nested: '%s' is not true or false",
                                 value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "modality") == 0) {
        if (!strcasecmp(value, "all")) c->all_modalities = 1;
        else if (!strcasecmp(value, "asserted")) c->all_modalities = 0;
        else return dyad__err_set(&c->err, DYAD_EINVAL, "modality: '%s' is not all or asserted", value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "require_dyad") == 0) {
        if (S_bool(value, &c->require_dyad) != 0)
            return dyad__err_set(&c->err, DYAD_EINVAL, "require_dyad: '%s' is not true or false",
                                 value);
    }
    return DYAD_OK;
}

void dyad_coder_set_explain(dyad_coder *c, int on) { c->explain = on; }
size_t dyad_coder_event_count(const dyad_coder *c) { return c->nevents + c->nxevents; }

const dyad_event *dyad_coder_event(const dyad_coder *c, size_t i)
{
    if (i < c->nevents) return &c->events[i];
    i -= c->nevents;
    return i < c->nxevents ? &c->xevents[i] : NULL;
}

const char *dyad_modality_kind_name(dyad_modality_kind m)
{
    static const char *const names[] = {"asserted", "planned", "negated", "hypothetical"};
    return (unsigned)m < DYAD_ARRAY_LEN(names) ? names[m] : "";
}

size_t dyad_coder_token_count(const dyad_coder *c) { return c->tree.ntoks; }

const dyad__tree *dyad__coder_tree(const dyad_coder *c) { return &c->tree; }

const char *dyad_coder_token(const dyad_coder *c, size_t i)
{
    return i < c->tree.ntoks ? c->tree.toks[i].word : NULL;
}

const char *dyad_coder_trace(const dyad_coder *c) { return dyad__buf_cstr((dyad__buf *)&c->trace); }
const char *dyad_coder_errmsg(const dyad_coder *c) { return c->err.msg; }

/* --------------------------------------------------------------- helpers */

char *dyad__words_text(dyad_coder *c, uint32_t a, uint32_t b)
{
    size_t n = 0;
    for (uint32_t i = a; i < b; i++) n += strlen(c->tree.toks[i].word) + 1;
    char *s = dyad__arena_alloc(&c->arena, n + 1);
    if (!s) return NULL;
    size_t k = 0;
    for (uint32_t i = a; i < b; i++) {
        size_t l = strlen(c->tree.toks[i].word);
        if (k) s[k++] = ' ';
        memcpy(s + k, c->tree.toks[i].word, l);
        k += l;
    }
    s[k] = 0;
    return s;
}

char *dyad__concat(dyad_coder *c, const char *x, const char *y)
{
    size_t a = strlen(x), b = strlen(y);
    char *s = dyad__arena_alloc(&c->arena, a + b + 1);
    if (!s) return NULL;
    memcpy(s, x, a);
    memcpy(s + a, y, b + 1);
    return s;
}

int dyad__ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && memcmp(s + a - b, suf, b) == 0;
}

/* ------------------------------------------------------------- mentions
 * Every position of the sentence is tried against the actor and agent
 * dictionaries; the longest phrase starting at a position wins, and
 * mentions do not overlap (leftmost first). */

/* Is w (any case) one of the n words of v? */
int dyad__in_words(const char *w, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(w, v[i])) return 1;
    return 0;
}

/* Subordinators and prepositions before a participle whose subject is
 * not written: "after meeting Biden", "while visiting Kyiv", "led a group
 * in calling on Rubio", "by offering aid". */
static const char *const S_participle_subord[] = {"after", "before", "while", "since", "without",
                                                  "upon", "when", "in", "by"};

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
static void S_learn_names(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t i = 0; i < t->ntoks; i++) {
        uint32_t j = dyad__name_run(c, i);
        if (j == i) continue;
        uint32_t a = i;
        i = j - 1;
        int role = 0, appos = 0;
        const mention *m = a > 0 ? dyad__mention_over(c, a - 1) : NULL;
        if (!m && a > 1 && !strcmp(t->toks[a - 1].tag, ",")) m = dyad__mention_over(c, a - 2);
        role = m && m->agent;
        if (!role && j - a >= 2 && j + 1 < t->ntoks && !strcmp(t->toks[j].tag, ",")) {
            for (uint32_t k = j + 1; k < t->ntoks && k < j + 9; k++) {
                if (!strcmp(t->toks[k].tag, ",") || dyad__tag_is_verb(t->toks[k].tag)) break;
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
    for (uint32_t i = 0; i < t->ntoks; i++) {
        const mention *m = &c->ments[i];
        if (m->a != i || m->b < i + 2 || m->code || !dyad__is_person(c, m)) continue;
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
            strcmp(t->toks[at].tag, "NNP"))
            continue;
        S_remember_name(c, at, code);
    }
}

/* Makes mentions of the names the document has introduced. */
static void S_name_mentions(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    if (!dyad__story_has_names(c->story)) return;
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
            if (!m->code || !m->why) { m->code = NULL; continue; }
            for (uint32_t q = i; q < j; q++) c->covered[q] = 1;
            if (c->explain)
                dyad__buf_printf(&c->trace, "actor '%s' = %s (%s)\n", w, dcode, m->why);
        }
        i = j - 1;
    }
}

/* Marks the tokens inside quotation marks.  A sentence that opens with a
 * closing mark, or follows a sentence that ended inside a quotation,
 * begins inside one. */
static void S_quotes(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    int in = dyad__story_open_quote(c->story);
    /* the first mark closes: everything before it was quoted */
    for (uint32_t i = 0; i < t->ntoks; i++) {
        if (!strcmp(t->toks[i].tag, "''")) { in = 1; break; }
        if (!strcmp(t->toks[i].tag, "``")) break;
    }
    for (uint32_t i = 0; i < t->ntoks; i++) {
        const char *tag = t->toks[i].tag;
        /* an opening mark inside a quotation closes it: the tagger takes a
         * straight mark after a comma for an opening one when the
         * quotation began in an earlier sentence */
        int close = !strcmp(tag, "''") || (in && !strcmp(tag, "``") && i > 0);
        if (!strcmp(tag, "``") && !close) in = 1;
        c->inquote[i] = (uint8_t)in;
        if (close) in = 0;
    }
    dyad__story_set_open_quote(c->story, in);
}

static int S_first_person(const char *w)
{
    return !strcasecmp(w, "I") || !strcasecmp(w, "we") || !strcasecmp(w, "me") ||
           !strcasecmp(w, "us") || !strcasecmp(w, "my") || !strcasecmp(w, "our");
}

static int S_third_person(const char *w)
{
    return !strcasecmp(w, "he") || !strcasecmp(w, "she") || !strcasecmp(w, "him") ||
           !strcasecmp(w, "her") || !strcasecmp(w, "his");
}

/* The speaker of the sentence's quotation: the subject of a speech verb
 * outside the quotation ("...," Jaiswal told reporters; "...," said
 * Akhundzada). */
static void S_find_speaker(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    c->speaker = (actorset){NULL, 0};
    int quoted = 0;
    for (uint32_t i = 0; i < t->ntoks; i++) quoted |= c->inquote[i];
    if (!quoted) return;
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
static void S_doc_update(dyad_coder *c)
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
    /* sectors: dictionary actors with one ("the Taliban": AFGREB) */
    for (uint32_t i = 0; i < t->ntoks; i++) {
        const mention *m = &c->ments[i];
        if (m->a != i || m->agent) continue;
        dyad__story_note_sector(st, dyad__mention_code(c, m));
    }
    /* the last group named ("the Baloch Liberation Army"), for a later
     * "the group" */
    for (uint32_t i = 0; i < t->ntoks; i++) {
        const mention *m = &c->ments[i];
        if (m->a != i || m->agent || dyad__is_person(c, m) || c->inquote[i]) continue;
        const char *k = dyad__mention_code(c, m);
        if (!dyad__group_code(k)) continue;
        dyad__story_set_group(st, k, dyad__words_text(c, m->a, m->b));
    }
    /* "the militants", "the insurgents" keep an armed group in the story */
    for (uint32_t i = 0; i < t->ntoks; i++) {
        const mention *m = &c->ments[i];
        dyad_dict_entry ae;
        if (m->a != i || !m->agent || dyad_dict_entry_get(c->d, m->entry, &ae) != DYAD_OK ||
            !ae.code || strncmp(ae.code, "REB", 3))
            continue;
        dyad__story_touch_group(st);
        break;
    }
    /* the states that acted on each other, and the accusations */
    for (size_t i = 0; i < c->nevents; i++)
        dyad__story_note_event(st, c->events[i].source, c->events[i].target, c->events[i].code);
}

/* A denial with no target answers the latest accusation against the
 * denier's country, in this sentence or the story so far. */
static int S_accuser(dyad_coder *c, const actorset *src, actor *out)
{
    if (!src->n || strlen(src->v[0].code) < 3) return 0;
    const char *cc = src->v[0].code;
    memset(out, 0, sizeof *out);
    char why[128];
    for (size_t i = c->nevents; i-- > 0;) {
        const dyad_event *e = &c->events[i];
        if (!strncmp(e->code, "11", 2) && !strncmp(e->target, cc, 3) && strcmp(e->source, cc) &&
            (!strcmp(e->target, cc) || strncmp(e->source, cc, 3))) {
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
        if (!strncmp(at, cc, 3) && strcmp(as, cc) && (!strcmp(at, cc) || strncmp(as, cc, 3))) {
            out->code = dyad__arena_strndup(&c->arena, as, strlen(as));
            snprintf(why, sizeof why, "%s, who accused %s in sentence %u", as, at, when);
            out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
            return out->code != NULL;
        }
    }
    return 0;
}

/* News mode: an act of judgement whose object names no party ("the
 * opposition denounced the extension", "welcomed the release") judges
 * the party the story has just shown acting: the other party of an event
 * earlier in this sentence, else the newest party that acted in the three
 * sentences before, that is neither the source nor its own state. */
static int S_counterpart(dyad_coder *c, const actorset *src, actor *out)
{
    if (!src->n) return 0;
    const char *sc = src->v[0].code;
    memset(out, 0, sizeof *out);
    char why[160];
    for (size_t i = c->nevents; i-- > 0;) {
        const dyad_event *e = &c->events[i];
        const char *k = strcmp(e->source, sc) ? e->source : e->target;
        if (!strcmp(k, sc) || dyad__self_pair(sc, k) || !strncmp(k, "---", 3)) continue;
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
            (c->inquote && c->inquote[i] != c->inquote[src->v[0].a]))
            continue;
        *out = x;
        snprintf(why, sizeof why, "%s, named before it in this sentence", x.code);
        out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
        return 1;
    }
    const char *codes[16], *texts[16];
    unsigned ats[16];
    size_t nr = dyad__story_recent(c->story, 3, codes, texts, ats, 16);
    for (size_t i = 0; i < nr; i++) {
        const char *k = codes[i];
        if (!strcmp(k, sc) || dyad__self_pair(sc, k)) continue;
        out->code = dyad__arena_strndup(&c->arena, k, strlen(k));
        snprintf(why, sizeof why, "%s ('%s'), the story's last other party to act, in sentence %u",
                 k, texts[i], ats[i]);
        out->why = dyad__arena_strndup(&c->arena, why, strlen(why));
        return out->code != NULL;
    }
    return 0;
}

/* Codes verb group g; the modality and plans it sets hold for its events
 * only. */
static dyad_status S_code_group(dyad_coder *c, const dyad__vgroup *g)
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
        if (!own.n) src = S_reporter(c, g);
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
        } else if (!keep && (!tgt.n || from != NONE) && S_accuser(c, &src, &acc)) {
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
        if (object && S_counterpart(c, &src, &cp)) {
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
        if (!strcasecmp(t->toks[p->head].word, preps[k]))
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
        if (inside && cn->tok_b - cn->tok_a < span) {
            span = cn->tok_b - cn->tok_a;
            best = h;
        }
    }
    return best;
}

static dyad_status S_code_nominals(dyad_coder *c)
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
        if (!strcmp(code, "040") && p->head > 0 &&
            (!strcasecmp(t->toks[p->head - 1].word, "peace") ||
             !strcasecmp(t->toks[p->head - 1].word, "trade")))
            code = "046";
        /* planned ("upcoming talks", "an expected visit") and the mood of
         * the clause ("will hold talks") */
        int planned = 0, none = 0;
        for (uint32_t i = t->nodes[inner].tok_a; i < p->head; i++) {
            const char *w = t->toks[i].word;
            none |= !strcasecmp(w, "no");    /* "with no agreement" */
            if (dyad__code_lx(c, i, DYAD__LX_PLANNED)) planned = 1;
        }
        if (none || dyad__conditional(c, q)) continue;
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
        if (in_subject) g = NULL;
        /* the object of a verb that obtained a code ("rejected talks with
         * Seoul", "agreed to hold talks"): that verb coded the event */
        int governed = S_governed_coded(c, q);
        if (g) {
            int mood = dyad__mood(c, g);
            if (mood < 0) continue;
            planned |= mood > 0;
        }
        if (planned) {
            /* a planned investigation is no event; other acts without an
             * intent code stay what they are */
            const char *ic = dyad__intent(code);
            if (!ic && !strncmp(code, "09", 2)) continue;
            code = ic ? ic : code;
            back = NULL;
            mutual = !strcmp(code, "036") && nm->mutual;
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
        } else if (nm->mutual && !strcasecmp(t->toks[t->nodes[inner].tok_a].word, "their") &&
                   S_nominal_pp(t, q, inner, nm->other) == NONE &&
                   dyad__story_pair(c, p->tok_a, p->tok_b, NULL, NULL, 0, &two)) {
            /* "their second summit": the story's two parties */
            a = b = two;
            mutual = 1;
        } else {
            uint32_t w = S_nominal_pp(t, q, inner, nm->other);
            if (w != NONE) {
                actorset tw = dyad__np_actors(c, w, 0);
                b = dyad__named_only(c, &tw);
            }
            /* the victims: the subject that died in it */
            const dyad__node *par = p->parent != NONE ? &t->nodes[p->parent] : NULL;
            if (!b.n && nm->force && g && par && par->label == DYAD__L_PP && par->head != NONE &&
                !strcasecmp(t->toks[par->head].word, "in") && S_victim_verb(t, g)) {
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
                !(tp && dyad__lex_has(c->lex, tp, strlen(tp), DYAD__LX_TOPIC_PREPS))) {
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
        for (uint32_t i = 0; i < a.n; i++)
            for (uint32_t j = 0; j < b.n; j++) {
                if (!strcmp(a.v[i].code, b.v[j].code)) continue;
                if (dyad__add_event(c, &a.v[i], &b.v[j], code, &fake, &base, 0) != 0 ||
                    (mutual && dyad__add_event(c, &b.v[j], &a.v[i], code, &fake, &base, 0) != 0) ||
                    (back && dyad__add_event(c, &b.v[j], &a.v[i], back, &fake, &base, 0) != 0))
                    return DYAD_ENOMEM;
            }
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
    if (!strcasecmp(w, "proud")) yes = !strcasecmp(next, "of");
    /* "a good step", "a step in the right direction" */
    if (dyad__in_words(w, steps, DYAD_ARRAY_LEN(steps)))
        yes = dyad__in_words(prev, good, DYAD_ARRAY_LEN(good)) ||
              (!strcasecmp(next, "in") && i + 3 < t->ntoks &&
               !strcasecmp(t->toks[i + 3].word, "right"));
    if (!strcasecmp(w, "friendship") || !strcasecmp(w, "goodwill"))
        yes = !strcasecmp(prev, "of");             /* "a gesture of friendship" */
    if (!strcasecmp(w, "right"))                   /* "President Trump is right" */
        yes = dyad__in_words(prev, copula, DYAD_ARRAY_LEN(copula)) &&
              !dyad__in_words(next, not_verdict, DYAD_ARRAY_LEN(not_verdict));
    if (!strcasecmp(w, "positive"))
        yes = !dyad__in_words(prev, tested, DYAD_ARRAY_LEN(tested)) && strcasecmp(next, "for");
    return yes;
}

static int S_condemning_at(const dyad_coder *c, uint32_t i)
{
    return dyad__code_lx(c, i, DYAD__LX_CONDEMNING);
}

/* The party spoken of in tokens [a, b): the named actor nearest a
 * condemning (or praising: is) word there, not the speaker nor the
 * speaker's own state.  Returns 0 when the span names none or holds no
 * such word. */
static int S_judged(dyad_coder *c, uint32_t a, uint32_t b, const actor *spk, actor *out,
                    uint32_t *word, int (*is)(const dyad_coder *, uint32_t))
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
            if (!strcmp(x.code, spk->code) || dyad__self_pair(x.code, spk->code) ||
                !strncmp(x.code, "---", 3))
                continue;
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
        if (!strcmp(c->events[i].source, a) && !strncmp(c->events[i].target, b, n)) return 1;
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

static dyad_status S_judge1(dyad_coder *c, uint32_t a, uint32_t b, const actor *spk,
                            uint32_t verb, const char *how, int praise)
{
    const dyad__tree *t = &c->tree;
    actor tgt;
    uint32_t w;
    const char *code = praise ? "051" : "111";
    if (!S_judged(c, a, b, spk, &tgt, &w, praise ? S_praising : S_condemning_at)) return DYAD_OK;
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
    DYAD_TRY(S_judge1(c, a, b, spk, verb, how, 0));
    return S_judge1(c, a, b, spk, verb, how, 1);
}

static dyad_status S_code_judgements(dyad_coder *c)
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
        if (naming && b < t->ntoks && !strcmp(t->toks[b].tag, "``"))
            for (b++; b < t->ntoks && strcmp(t->toks[b - 1].tag, "''"); b++) {}
        DYAD_TRY(S_judge(c, a, b, &s.v[0], h->verb, report ? "the reported clause" : "the verb"));
    }
    return DYAD_OK;
}

/* Who says what verb group g says: the subject of the reporting verb
 * whose clause holds g, else the speaker of the quotation g is in; empty
 * when g is no one's report. */
static actorset S_reporter(dyad_coder *c, const dyad__vgroup *g)
{
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
static dyad_status S_code_appeals(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *g = &t->vgroups[k];
        if (g->modality != DYAD__MOD_OBLIGATION || g->subject == NONE || g->passive) continue;
        actorset src = S_reporter(c, g);
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
            if (!strcmp(a, b) || dyad__self_pair(a, b) || S_has_pair(c, a, b, strlen(b) + 1)) continue;
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
        return strcasecmp(w, "ripping") ||
               (g->verb + 1 < t->ntoks && !strcasecmp(t->toks[g->verb + 1].word, "off"));
    if (!dyad__code_lx(c, g->verb, DYAD__LX_COMMITTING)) return 0;
    uint32_t end = t->nodes[g->inner].tok_b;
    for (uint32_t i = g->verb + 1; i < end && i < g->verb + 6; i++)
        if (dyad__code_lx(c, i, DYAD__LX_CRIMES)) return 1;
    return 0;
}

/* Who makes the claim that holds g: the subject of a verb whose object
 * is a claim noun with a "that" clause around g ("Bugti reiterated the
 * claim that the attack was orchestrated by militants"); empty if none. */
static actorset S_claimant(dyad_coder *c, const dyad__vgroup *g)
{
    const dyad__tree *t = &c->tree;
    actorset src = {NULL, 0};
    const dyad__node *gv = &t->nodes[g->vp];
    for (uint32_t q = gv->parent; q != NONE && !src.n; q = t->nodes[q].parent) {
        const dyad__node *x = &t->nodes[q];
        if (x->label != DYAD__L_SBAR || strcasecmp(t->toks[x->tok_a].word, "that")) continue;
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

static dyad_status S_code_allegations(dyad_coder *c)
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
        actorset src = S_reporter(c, g);
        uint32_t nsp = 1;
        if (!src.n) {
            src = S_claimant(c, g);
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
                if (!strcmp(a, b) || dyad__self_pair(a, b) || S_has_pair(c, a, b, strlen(b) + 1))
                    continue;
                TRACE("allegation: %s says %s did wrong ('%s')\n", a, b, t->toks[g->verb].word);
                if (dyad__add_event(c, sp, &tg.v[j], "112", &fake, &base, 0) != 0) return DYAD_ENOMEM;
            }
    }
    return DYAD_OK;
}

/* Discards: a sentence holding a discard phrase is not coded; a phrase
 * marked '+' discards its whole story. */
static int S_discarded(dyad_coder *c)
{
    unsigned k = DYAD_DICT_MASK(DYAD_DICT_DISCARDS);
    for (uint32_t i = 0; i < c->tree.ntoks; i++) {
        dyad_dict_match m;
        if (dyad_dict_match_at_ids(c->d, k, c->wid, c->tree.ntoks, i, 0, &m, 1)) {
            dyad_dict_entry e;
            memset(&e, 0, sizeof e);
            int story = dyad_dict_entry_get(c->d, m.entry, &e) == DYAD_OK &&
                        (e.flags & DYAD_DICT_F_STORY);
            c->discard = story ? DYAD_DISCARD_STORY : DYAD_DISCARD_SENTENCE;
            c->discard_entry = m.entry;
            TRACE("discard phrase '%s' at token %u (%s:%lu): %s not coded\n",
                  dyad__entry_text(c, m.entry), i, e.file ? e.file : "", e.line,
                  story ? "story" : "sentence");
            return 1;
        }
    }
    return 0;
}

/* News mode: counts the countries this sentence names (actor codes that
 * start with a country code) and keeps the document's most named one. */
static void S_count_countries(dyad_coder *c)
{
    for (uint32_t i = 0; i < c->tree.ntoks; i++) {
        const mention *m = &c->ments[i];
        if (m->agent || m->a != i) continue;
        dyad__story_count_country(c->story, dyad__mention_code(c, m));
    }
}

void dyad_coder_new_document(dyad_coder *c)
{
    dyad__story_reset(c->story);
}

dyad_status dyad__code_tree(dyad_coder *c, dyad__tree *t, const char *date)
{
    c->date = date;
    uint32_t n = t->ntoks;
    c->words = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->words);
    c->wid = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->wid);
    c->lexb = dyad__arena_zalloc(&c->arena, (n + 1) * sizeof *c->lexb);
    c->ments = dyad__arena_zalloc(&c->arena, (n + 1) * sizeof *c->ments);
    c->covered = dyad__arena_zalloc(&c->arena, n + 1);
    if (!c->words || !c->wid || !c->lexb || !c->ments || !c->covered)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    uint32_t cap = 16;
    while (cap < 2 * (n + 1)) cap *= 2;
    c->wset = dyad__arena_zalloc(&c->arena, cap * sizeof *c->wset);
    c->wset_mask = cap - 1;
    if (!c->wset)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    c->np_memo = dyad__arena_alloc(&c->arena, (t->nnodes + 1) * sizeof *c->np_memo);
    c->np_done = dyad__arena_zalloc(&c->arena, t->nnodes + 1);
    if (!c->np_memo || !c->np_done)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    c->np_from = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->np_from);
    c->np_to = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->np_to);
    if (!c->np_from || !c->np_to)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    for (uint32_t i = 0; i <= n; i++) c->np_from[i] = c->np_to[i] = NONE;
    for (uint32_t q = 0; q < t->nnodes; q++) {
        const dyad__node *nd = &t->nodes[q];
        if (nd->label != DYAD__L_NP || nd->tok_b <= nd->tok_a) continue;
        uint32_t f = c->np_from[nd->tok_a], e = c->np_to[nd->tok_b - 1];
        if (f == NONE || nd->tok_b > t->nodes[f].tok_b) c->np_from[nd->tok_a] = q;
        if (e == NONE || nd->tok_a < t->nodes[e].tok_a) c->np_to[nd->tok_b - 1] = q;
    }
    for (uint32_t i = 0; i < n; i++) {
        c->words[i].s = t->toks[i].word;
        c->words[i].len = strlen(t->toks[i].word);
        c->wid[i] = dyad__word_id(c, c->words[i].s, c->words[i].len, &c->lexb[i]);
        unsigned id = c->wid[i];
        if (!id) continue;
        uint32_t h = (id * 2654435761u) & c->wset_mask;
        while (c->wset[h] && c->wset[h] != id) h = (h + 1) & c->wset_mask;
        c->wset[h] = id;
    }
    c->syn = dyad__arena_zalloc(&c->arena, SYN_SLOTS * sizeof *c->syn);
    c->inquote = dyad__arena_zalloc(&c->arena, n + 1);
    if (!c->inquote) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    c->speaker = (actorset){NULL, 0};
    if (c->agent_country) dyad__story_begin_sentence(c->story);
    if (S_discarded(c)) return DYAD_OK;
    dyad__find_mentions(c);
    if (c->agent_country) {
        S_quotes(c);
        S_learn_names(c);
        S_name_mentions(c);
        memset(c->np_done, 0, t->nnodes + 1);     /* phrases may name more now */
        S_count_countries(c);
        S_find_speaker(c);
    }
    if (c->explain) {
        for (uint32_t i = 0; i < n; i++) {
            const mention *m = &c->ments[i];
            if (!m->entry || m->a != i) continue;
            const dyad_dict_code *code = m->agent ? NULL : dyad_dict_actor_code(c->d, m->entry, date);
            dyad_dict_entry e;
            if (dyad_dict_entry_get(c->d, m->entry, &e) != DYAD_OK) continue;
            dyad__buf_printf(&c->trace, "%s '%s' = %s (%s:%lu)\n", m->agent ? "agent" : "actor",
                             dyad__words_text(c, m->a, m->b),
                             m->agent ? (e.code ? e.code : "?") : (code ? code->code : "(no code)"),
                             e.file ? e.file : "", e.line);
        }
    }
    c->barrier = dyad__arena_zalloc(&c->arena, n + 1);
    if (!c->barrier) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    /* infinitives only going left: "urged X to resume negotiations" is
     * one phrase, but the parties of "A and B ..., to strengthen ties
     * after meeting C" are not the ones meeting C */
    for (uint32_t k = 0; k < t->nvgroups; k++)
        c->barrier[t->vgroups[k].verb] = t->vgroups[k].infinitive ? 2 : 1;
    /* the index pays from a few dozen verb groups or a few hundred
     * phrases on; below, asking every group or phrase costs less */
    c->gov = NULL;
    if ((t->nvgroups > GOV_MIN_GROUPS || t->nnodes > GOV_MIN_NODES) && dyad__gov_index(c) != DYAD_OK)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    c->absorbed = dyad__arena_zalloc(&c->arena, t->nvgroups + 1);
    c->gcoded = dyad__arena_zalloc(&c->arena, t->nvgroups + 1);
    if (!c->absorbed || !c->gcoded) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        if (c->absorbed[k]) continue;
        c->coded = 0;
        size_t before = c->nevents;
        DYAD_TRY(S_code_group(c, &t->vgroups[k]));
        c->gcoded[k] = (uint8_t)c->coded;
        if (!c->coded || !c->skip_nested) continue;
        /* news mode: a code that made no event covers nothing ("retaliated
         * by announcing tariffs on X": the announcement is the act) */
        if (c->agent_country && c->nevents == before) continue;
        /* A verb that obtained a code covers its phrase: "urged Serbia to
         * release the prisoners" is an appeal, not also a release; "said
         * (that) ..." does not code the verb it reports. */
        dyad__absorb_inside(c, k);
    }
    if (c->agent_country) {
        DYAD_TRY(S_code_nominals(c));
        DYAD_TRY(S_code_judgements(c));
        DYAD_TRY(S_code_appeals(c));
        DYAD_TRY(S_code_allegations(c));
        S_doc_update(c);
    }
    return DYAD_OK;
}

dyad_discard dyad_coder_discarded(const dyad_coder *c) { return c->discard; }

dyad_status dyad_coder_code_parse(dyad_coder *c, const char *parse, size_t len, const char *date)
{
    c->nevents = c->nxevents = 0;
    c->discard = DYAD_DISCARD_NONE;
    dyad__buf_clear(&c->trace);
    dyad__err_clear(&c->err);
    dyad__arena_reset(&c->arena);
    memset(&c->tree, 0, sizeof c->tree);
    dyad_status st = dyad__tree_read(&c->tree, parse, len, &c->arena, &c->err);
    if (st != DYAD_OK) return st;
    st = dyad__tree_vgroups(&c->tree, c->lex, &c->arena);
    if (st != DYAD_OK) return dyad__err_set(&c->err, st, "sentence too large");
    return dyad__code_tree(c, &c->tree, date);
}

dyad_status dyad_coder_code_chunked(dyad_coder *c, dyad_chunker *ck, const char *date)
{
    c->nevents = c->nxevents = 0;
    c->discard = DYAD_DISCARD_NONE;
    dyad__buf_clear(&c->trace);
    dyad__err_clear(&c->err);
    dyad__arena_reset(&c->arena);
    if (!ck) return dyad__err_set(&c->err, DYAD_EINVAL, "no chunker");
    /* the tree stays in the chunker's arena; copy the header only */
    c->tree = *dyad__chunker_tree(ck);
    return dyad__code_tree(c, &c->tree, date);
}
