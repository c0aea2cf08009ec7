/*
 * actors.c -- actors in noun phrases: dictionary mentions over the
 * tokens, each noun phrase's actor set (actors and agents combined into
 * composite codes, coordinations, plural pairs, the story's names in
 * news mode), and the helpers that tell names and persons.
 * Invariant: an actor set is computed once per phrase per sentence
 * (c->np_memo) and lives in the coder's arena.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Agents named without an actor in one coordinated segment of a noun
 * phrase ("lawmakers" in "lawmakers and officials in Fornost"). */
typedef struct agroup {
    unsigned ag[3];
    uint32_t a, b;
} agroup;

typedef struct agroups {
    agroup v[8];
    int n;
} agroups;

/* The country (3 letters, arena) named in one of the first hops
 * prepositional phrases right after phrase np (or after the PP holding
 * it), which the chunker hangs on the verb; origin: only phrases of
 * origin ("from", "of"; not "in": "clashed with gunmen in Tripoli" says
 * where, and a city's name is no nationality).  NULL when none. */
static const char *S_country_after(dyad_coder *c, uint32_t np, int hops, int origin)
{
    const dyad__tree *t = &c->tree;
    uint32_t up = t->nodes[np].parent;
    uint32_t from = up != NONE && t->nodes[up].label == DYAD__L_PP ? up : np;
    /* a group's place: out of the phrases the group's phrase ends
     * ("shelled positions of a Kurdish-led militia in northern Syria":
     * the chunker hangs the place on the verb) */
    for (int out = 0; !origin && out < 3 && t->nodes[from].next_sibling == NONE; out++) {
        uint32_t par = t->nodes[from].parent;
        if (par == NONE || t->nodes[par].tok_b != t->nodes[from].tok_b ||
            (t->nodes[par].label != DYAD__L_NP && t->nodes[par].label != DYAD__L_PP))
            break;
        from = par;
    }
    uint32_t sib = t->nodes[from].next_sibling;
    for (int hop = 0; hop < hops && sib != NONE; hop++, sib = t->nodes[sib].next_sibling) {
        const dyad__node *pp = &t->nodes[sib];
        if (pp->label != DYAD__L_PP) break;
        /* a PP of no words (a supplied parse may hold one) has no
         * preposition to read */
        if (pp->tok_a >= pp->tok_b || pp->tok_a >= t->ntoks) break;
        if (origin) {
            const char *w = t->toks[pp->tok_a].word;
            if (!dyad__ieq(w, "from") && !dyad__ieq(w, "of")) break;
        }
        for (uint32_t i = pp->tok_a; i < pp->tok_b; i++) {
            const mention *m = &c->ments[i];
            const char *k = m->a == i && !m->agent ? dyad__mention_code(c, m) : NULL;
            if (dyad__country_code(k)) return dyad__arena_strndup(&c->arena, k, 3);
        }
    }
    return NULL;
}

static actorset S_np_actors_calc(dyad_coder *c, uint32_t np, int depth);
static int S_is_person_entry(const dyad_coder *c, unsigned entry);

/* A word the parse uses as a pronoun, verb or function word names no
 * actor, whatever its spelling ("told us" is not the United States; "IS"
 * the verb is not the Islamic State, "IS" the noun is). */
static int S_function_tag(const dyad__ptok *k)
{
    /* "PRP", "PRP$", "MD", "DT", "IN", "CC", "TO", "WDT", "WP", "WP$", "EX",
     * "RP", "PDT" by their codes (equal exactly when the strings are) */
    static const uint8_t v[] = {DYAD__T_PRP, DYAD__T_PRPS, DYAD__T_MD, DYAD__T_DT,
                                DYAD__T_IN, DYAD__T_CC, DYAD__T_TO, DYAD__T_WDT,
                                DYAD__T_WP, DYAD__T_WPS, DYAD__T_EX, DYAD__T_RP,
                                DYAD__T_PDT};
    if (k->tag[0] == 'V' && k->tag[1] == 'B') return 1;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(v); i++)
        if (k->code == v[i]) return 1;
    return 0;
}

/* News mode: "a Greek-owned tanker", "a Panama-flagged ship": the
 * property of the country before the hyphen, whose actor the one word
 * names.  Returns the dictionary entry of that actor, or 0. */
static unsigned S_owned_by(dyad_coder *c, uint32_t i)
{
    static const char *const owned[] = {"owned", "flagged", "registered", "operated"};
    const char *w = c->tree.toks[i].word;
    /* the word ends in a hyphen and one of owned[] (which hold none: the
     * hyphen is the word's last), something before it; asked at the
     * word's end, since its length is known, not by a scan for the
     * hyphen */
    size_t len = c->tree.toks[i].len;
    const char *h = NULL;
    for (size_t k = 0; k < DYAD_ARRAY_LEN(owned) && !h; k++) {
        size_t ol = strlen(owned[k]);
        if (len > ol + 1 && w[len - ol - 1] == '-' && dyad__ieq(w + len - ol, owned[k]))
            h = w + len - ol - 1;
    }
    if (!h) return 0;
    uint64_t lex;
    uint8_t wb;
    wkey key;
    wslot *sl = dyad__word_slot(c, w, (size_t)(h - w), c->tree.words_padded, &key);
    unsigned id = dyad__word_id(c, sl, &key, w, (size_t)(h - w), &lex, &wb);
    if (!id) return 0;
    dyad_dict_match m[MAXM];
    size_t n = dyad_dict_match_at_ids(c->d, DYAD_DICT_MASK(DYAD_DICT_ACTORS), &id, 1, 0, 0, m, MAXM);
    return n && m[0].end == 1 ? m[0].entry : 0;
}

/* A word spelt like a name: a capital, then lower-case letters ("Mendez",
 * not "NPP"). */
static int S_name_like(const char *w)
{
    if (!(w[0] >= 'A' && w[0] <= 'Z')) return 0;
    for (const char *p = w + 1; *p; p++)
        if (*p >= 'a' && *p <= 'z') return 1;
    return 0;
}

/* Whether a longer name starts inside the match [i, end) and runs past
 * it: "the West Papua National Liberation Army" is the army's name, not
 * "the West" and then "Papua".  The match at i then gives way, and the
 * longer one is found when the scan reaches its first word. */
static int S_longer_inside(dyad_coder *c, unsigned kinds, uint32_t i, uint32_t end)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t j = i + 1; j < end; j++) {
        if (!(c->wb[j] & kinds)) continue;   /* dyad__dict_may_start, kept per token */
        dyad_dict_match m[MAXM];
        size_t n = dyad_dict_match_at_ids(c->d, kinds, c->wid, t->ntoks, j, 0, m, MAXM);
        if (n && m[0].end > end && m[0].end - j > end - i) return 1;
    }
    return 0;
}

void dyad__find_mentions(dyad_coder *c)
{
    const dyad__tree *t = &c->tree;
    unsigned kinds = DYAD_DICT_MASK(DYAD_DICT_ACTORS) | DYAD_DICT_MASK(DYAD_DICT_AGENTS);
    /* the index of mention starts, made as they are found (in order):
     * token 0 always (dyad__index_mentions) */
    c->nmstart = t->ntoks > 0;
    c->mstart[0] = 0;
    for (uint32_t i = 0; i < t->ntoks; i++) {
        if (c->covered[i]) continue;
        dyad_dict_match m[MAXM];
        size_t n = (c->wb[i] & kinds)   /* dyad__dict_may_start, kept per token */
                       ? dyad_dict_match_at_ids(c->d, kinds, c->wid, t->ntoks, i, 0, m, MAXM)
                       : 0;
        /* a word no dictionary knows may be "Greek-owned" */
        if (n == 0 && c->agent_country && !c->wid[i]) {
            unsigned own = S_owned_by(c, i);
            if (own) {
                c->ments[i] = (mention){0};
                c->ments[i].a = i;
                c->ments[i].b = i + 1;
                c->ments[i].entry = own;
                c->covered[i] = 1;
                if (i > 0) c->mstart[c->nmstart++] = i;
            }
        }
        if (n == 0) continue;
        if (n > MAXM) n = MAXM;
        /* longest first; prefer an actor over an agent of equal length */
        size_t best = 0;
        for (size_t k = 1; k < n; k++) {
            if (m[k].end != m[best].end) break;
            if (dyad__dict_entry_kind(c->d, m[k].entry) == DYAD_DICT_ACTORS) {
                int kb = dyad__dict_entry_kind(c->d, m[best].entry);
                if (kb >= 0 && kb != DYAD_DICT_ACTORS) best = k;
            }
        }
        int kind = dyad__dict_entry_kind(c->d, m[best].entry);
        if (kind < 0) continue;
        if (m[best].end == i + 1 && S_function_tag(&t->toks[i])) continue;
        if (S_longer_inside(c, kinds, i, (uint32_t)m[best].end)) continue;
        /* news mode: "the U.S.-based lender" says where it sits, not who
         * it is */
        uint32_t e2 = (uint32_t)m[best].end;
        if (c->agent_country && e2 + 1 < t->ntoks && dyad__streq(t->toks[e2].word, "-") &&
            (dyad__ieq(t->toks[e2 + 1].word, "based") || dyad__ieq(t->toks[e2 + 1].word, "born") ||
             dyad__ieq(t->toks[e2 + 1].word, "headquartered"))) {
            i = e2 - 1;
            continue;
        }
        /* news mode: a one-word place right before a name no dictionary
         * knows is a given name ("Sofia Mendez", "President Milan
         * Petrovic") or a title ("the Kyiv Independent"), not the place */
        if (c->agent_country && kind == DYAD_DICT_ACTORS && e2 == i + 1 && e2 < t->ntoks &&
            !c->wid[e2] && t->toks[e2].code == DYAD__T_NNP && dyad__cap_word(t->toks[e2].word) &&
            S_name_like(t->toks[e2].word)) {
            continue;
        }
        mention *mm = &c->ments[i];
        mm->a = i;
        mm->b = (uint32_t)m[best].end;
        mm->entry = m[best].entry;
        mm->agent = kind == DYAD_DICT_AGENTS;
        if (i > 0) c->mstart[c->nmstart++] = i;
        for (uint32_t j = i; j < mm->b; j++) c->covered[j] = 1;
        i = mm->b - 1;
    }
}

/* The tokens where a mention starts (c->mstart), after mentions were
 * added (dyad__find_mentions makes it as it goes): the loops over the
 * sentence's mentions walk these, not every token.  Token 0 is always
 * there, as when the loops walked every token: an empty mention (all
 * zero) starts there. */
void dyad__index_mentions(dyad_coder *c)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->tree.ntoks; i++)
        if (c->ments[i].a == i) c->mstart[n++] = i;
    c->nmstart = n;
}

/* The code of actor mention m on the coder's date: a name the document
 * introduced, else the dictionary's; NULL for none. */
const char *dyad__mention_code(const dyad_coder *c, const mention *m)
{
    if (m->code) return m->code;
    if (!m->entry || m->agent) return NULL;
    const dyad_dict_code *k = dyad__dict_actor_code_day(c->d, m->entry, c->date_day);
    return k && k->code ? k->code : NULL;
}

/* ---------------------------------------------------------- actor sets */

/* Does actor code k start with a country ("RUS", "AFGREB"), not an
 * organisation prefix (IGO, NGO, IMG, MNC) or the null code? */
int dyad__country_code(const char *k)
{
    return k && k[0] && k[1] && k[2] && strncmp(k, "---", 3) && strncmp(k, "IGO", 3) &&
           strncmp(k, "NGO", 3) && strncmp(k, "IMG", 3) && strncmp(k, "MNC", 3);
}

/* A code of a group rather than a state: an armed group ("PAKREB",
 * "IMGMUS") or a non-governmental organisation. */
int dyad__group_code(const char *k)
{
    if (!k) return 0;
    if (!strncmp(k, "IMG", 3) || !strncmp(k, "NGO", 3)) return 1;
    if (!dyad__country_code(k) || strlen(k) < 6) return 0;
    return !strncmp(k + 3, "REB", 3) || !strncmp(k + 3, "INS", 3) || !strncmp(k + 3, "UAF", 3);
}

/* The actor of mention m alone (no roles combined); 0 when it has no
 * code. */
int dyad__mention_actor(const dyad_coder *c, const mention *m, actor *out)
{
    memset(out, 0, sizeof *out);
    out->code = dyad__mention_code(c, m);
    out->a = m->a;
    out->b = m->b;
    out->entry = m->entry;
    out->why = m->why;
    return out->code != NULL;
}

/* Adds x; a code written "FRO/BIL/SAM" names several actors at once. */
int dyad__push_actor(dyad_coder *c, actorset *s, const actor *x)
{
    const char *slash = strchr(x->code, '/');
    if (!slash) return dyad__push_one(c, s, x);
    const char *p = x->code;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        actor y = *x;
        y.code = dyad__arena_strndup(&c->arena, p, n);
        if (!y.code || (n && dyad__push_one(c, s, &y) != 0)) return -1;
        p += n + (e != NULL);
    }
    return 0;
}

int dyad__push_one(dyad_coder *c, actorset *s, const actor *x)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].code, x->code) == 0) return 0;     /* no repeats */
    actor *v = dyad__arena_alloc(&c->arena, (s->n + 1) * sizeof *v);
    if (!v) return -1;
    if (s->n) memcpy(v, s->v, s->n * sizeof *v);
    v[s->n++] = *x;
    s->v = v;
    return 0;
}

/* Whether the mention at token i stands in a place phrase: after a
 * preposition of place ("in", "near": the lexicon's locatives; "off",
 * "through", which are particles too) or "of" ("the streets of Lima"), over the determiners and adjectives of its
 * noun phrase ("in the north of Peru", "in northern Chad"). */
static int S_in_place_phrase(const dyad_coder *c, uint32_t i)
{
    const dyad__tree *t = &c->tree;
    while (i > 0 && (t->toks[i - 1].code == DYAD__T_DT || !strncmp(t->toks[i - 1].tag, "JJ", 2)))
        i--;
    if (i == 0) return 0;
    const char *w = t->toks[i - 1].word;
    return dyad__locative(c, i - 1) || dyad__streq(w, "of") || dyad__streq(w, "through") ||
           dyad__streq(w, "off");
}

/* Does code hold the three-letter role r among its roles (the groups of
 * three after its country: "SOMREBMUS" holds REB and MUS)? */
static int S_has_role(const char *code, const char *r)
{
    size_t n = strlen(code), m = strlen(r);
    if (m != 3) return 0;
    for (size_t k = 3; k + 3 <= n; k += 3)
        if (!memcmp(code + k, r, 3)) return 1;
    return 0;
}

/* Combines an actor code with agent codes: "GON" + ~GOV -> "GONGOV",
 * NGO~ + "ARN" -> "NGOARN"; an agent already at that end is not added
 * twice ("USAGOV" + ~GOV stays "USAGOV"), and in news mode not an agent
 * already among its roles ("Al-Shabaab militants": SOMREBMUS, not
 * SOMREBMUSREB). */
static const char *S_combine(dyad_coder *c, const char *code, const unsigned *agents)
{
    for (int k = 0; k < 3 && agents[k]; k++) {
        dyad_dict_entry e;
        if (dyad_dict_entry_get(c->d, agents[k], &e) != DYAD_OK || !e.code) continue;
        if (e.flags & DYAD_DICT_F_PREFIX) {
            if (strncmp(code, e.code, strlen(e.code)) != 0 || dyad__streq(code, "---"))
                code = strcmp(code, "---") == 0 ? dyad__concat(c, e.code, "---")
                                                : dyad__concat(c, e.code, code);
        } else if (!dyad__ends_with(code, e.code) && !(c->agent_country && S_has_role(code, e.code))) {
            code = dyad__concat(c, code, e.code);
        }
        if (!code) return NULL;
    }
    return code;
}

/* Is node x a phrase that modifies rather than names (kept out of the
 * head part of a noun phrase)? */
static int S_modifier(const dyad__node *x)
{
    return x->label == DYAD__L_PP || x->label == DYAD__L_SBAR || x->label == DYAD__L_VP ||
           x->label == DYAD__L_S || x->label == DYAD__L_PRN;
}

/* News mode: an organisation named after a country in one phrase names
 * a post, not the employer: "the Chilean envoy to the U.N." is Chile's
 * (CHL, not IGOUNO). */
static int S_post_at(const dyad_coder *c, const actor *cur, const mention *m)
{
    if (!dyad__country_code(cur->code)) return 0;
    const char *k = dyad__mention_code(c, m);
    return k && !strncmp(k, "IGO", 3);
}

/* News mode: do tokens [a, b) between a possessor and a name say how the
 * name stands to the possessor ("Chile's neighbour Peru", "its close
 * ally Venezuela")?  Only the possessive mark, adjectives and at least
 * one noun of the lexicon's "relations" list: the name is the party. */
static int S_relation_between(const dyad_coder *c, uint32_t a, uint32_t b)
{
    const dyad__tree *t = &c->tree;
    int rel = 0;
    for (uint32_t i = a; i < b; i++) {
        if (dyad__code_lx(c, i, DYAD__LX_RELATIONS)) rel = 1;
        else if (t->toks[i].code != DYAD__T_POS && t->toks[i].code != DYAD__T_JJ) return 0;
    }
    return rel;
}

/* News mode: is child ch of np an apposition that describes the name
 * before it by another party ("Peru, a close ally of Chile,", "the
 * United States, a treaty ally of the Philippines,")?  A noun phrase
 * after a comma whose own first phrase ends in a noun of the lexicon's
 * "relations" list and names no actor or role, and which goes on with
 * a prepositional phrase: the party that phrase names is the relation's
 * other end, not a member of the subject.  ("X, a member of the upper
 * house," or "X, the foreign minister of Peru," name X's role.) */
static int S_apposition_of(const dyad_coder *c, uint32_t np, uint32_t ch)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *x = &t->nodes[ch];
    if (!c->agent_country || x->label != DYAD__L_NP || x->tok_a <= t->nodes[np].tok_a ||
        t->toks[x->tok_a - 1].code != DYAD__T_COMMA)
        return 0;
    uint32_t head = x->first_child;
    if (head == NONE || t->nodes[head].label != DYAD__L_NP) return 0;
    int pp = 0;
    for (uint32_t g = t->nodes[head].next_sibling; g != NONE; g = t->nodes[g].next_sibling)
        if (t->nodes[g].label == DYAD__L_PP) pp = 1;
    if (!pp) return 0;
    const dyad__node *h = &t->nodes[head];
    if (h->tok_b <= h->tok_a || !dyad__code_lx(c, h->tok_b - 1, DYAD__LX_RELATIONS)) return 0;
    for (uint32_t k = h->tok_a; k < h->tok_b; k++)
        if (c->ments[k].entry || c->ments[k].code) return 0;
    return 1;
}

/* The head part of np (its tokens outside modifier children), split at
 * coordination of names: each segment gives at most one actor (its first
 * actor mention, with the agents around it combined in) or, without an
 * actor, one group of agents. */
static void S_head_part(dyad_coder *c, uint32_t np, actorset *out, agroups *lone)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *p = &t->nodes[np];
    uint32_t i = p->tok_a;
    actor cur;
    agroup seg;
    memset(&cur, 0, sizeof cur);
    memset(&seg, 0, sizeof seg);
    int nag = 0, have = 0, cur_poss = 0;
    /* news mode: actors of earlier segments that named no role ("Russian"
     * in "the Russian and Turkish presidents"), to share the last
     * segment's roles */
    uint32_t bare[8];
    int nbare = 0;
    for (;;) {
        int end = i >= p->tok_b;
        int cut = 0;
        if (!end) {
            uint32_t skip_to = 0;
            for (uint32_t ch = p->first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
                if ((S_modifier(&t->nodes[ch]) || S_apposition_of(c, np, ch)) && t->nodes[ch].tok_a == i &&
                    t->nodes[ch].tok_b > i)
                    skip_to = t->nodes[ch].tok_b;   /* an empty constituent skips nothing */
            if (skip_to) { i = skip_to; continue; }
            unsigned tag = t->toks[i].code;
            /* coordination of names, not of adjectives ("awful and evil
             * minister"): the word before must be a noun or a name */
            cut = 0;
            if ((tag == DYAD__T_CC || tag == DYAD__T_COMMA) && i > p->tok_a) {
                uint32_t q = t->toks[i - 1].parent;
                while (q != NONE && t->nodes[q].parent != np && q != np) q = t->nodes[q].parent;
                cut = dyad__tag_is_noun(t->toks[i - 1].tag) || t->toks[i - 1].code == DYAD__T_PRP ||
                      (q != NONE && q != np && t->nodes[q].label == DYAD__L_NP);
            }
        }
        if (end || cut) {
            if (c->agent_country && nag > 1) {
                /* news mode: the head role names the post ("deputy U.N.
                 * ambassador", "Commerce Minister"): the last one */
                seg.ag[0] = seg.ag[nag - 1];
                seg.ag[1] = seg.ag[2] = 0;
            }
            if (have && c->agent_country && cur.entry && S_is_person_entry(c, cur.entry)) {
                /* an office holder's code is whole ("Secretary of State
                 * Marco Rubio" is USAGOV, not USAGOVGOV) */
                memset(seg.ag, 0, sizeof seg.ag);
            }
            if (have) {
                memcpy(cur.agents, seg.ag, sizeof seg.ag);
                cur.code = S_combine(c, cur.code, seg.ag);
                uint32_t before = out->n;
                if (cur.code) dyad__push_actor(c, out, &cur);
                if (c->agent_country && !nag && out->n > before && cur.b == cur.a + 1 && !end &&
                    nbare < 8)
                    bare[nbare++] = out->n - 1;
                if (c->agent_country && nag && end)
                    for (int k = 0; k < nbare; k++) {
                        actor *x = &out->v[bare[k]];
                        const char *code2 = S_combine(c, x->code, seg.ag);
                        if (code2) { x->code = code2; memcpy(x->agents, seg.ag, sizeof seg.ag); }
                    }
            } else if (nag && lone->n < 8) {
                /* news mode: a role word before another noun modifies it
                 * ("military cooperation", "government policy"): no
                 * party */
                int modifier = 0;
                for (uint32_t q = seg.b; c->agent_country && q < i && q < p->tok_b && !modifier; q++) {
                    const char *qt = t->toks[q].tag;
                    /* only the noun it stands before, not one past a
                     * preposition ("the finance minister of Peru") */
                    if (qt[0] != 'N' && qt[0] != 'J' && !dyad__streq(qt, "VBG") && !dyad__streq(qt, "CD")) break;
                    modifier = !c->covered[q] && (dyad__streq(qt, "NN") || dyad__streq(qt, "NNS"));
                }
                /* ... but "the insurgent group", "a militant network": the
                 * noun is a body of people the role word describes; "an
                 * army post", "a police convoy": a place or unit it owns */
                if (modifier && i > 0 && i - 1 >= seg.b &&
                    (dyad__code_lx(c, i - 1, DYAD__LX_BODIES) ||
                     dyad__code_lx(c, i - 1, DYAD__LX_FACILITIES)))
                    modifier = 0;
                /* ... and a possessor is a party: "the president's
                 * resignation", "the opposition's calls" */
                if (modifier && seg.b < p->tok_b && t->toks[seg.b].code == DYAD__T_POS)
                    modifier = 0;
                if (!modifier) lone->v[lone->n++] = seg;
                else TRACE("  '%s' modifies a noun: no party\n", dyad__words_text(c, seg.a, seg.b));
            }
            if (end) break;
            memset(&cur, 0, sizeof cur);
            memset(&seg, 0, sizeof seg);
            nag = have = cur_poss = 0;
            i++;
            continue;
        }
        const mention *m = &c->ments[i];
        if ((m->entry || m->code) && m->a == i) {
            if (m->agent) {
                if (nag < 3) seg.ag[nag++] = m->entry;
                if (nag == 1) seg.a = m->a;
                seg.b = m->b;
            } else if (!have || (c->agent_country && !cur_poss && !S_post_at(c, &cur, m)) ||
                       (c->agent_country && cur_poss && S_relation_between(c, cur.b, m->a))) {
                /* PETRARCH takes the first actor of a phrase; for news the
                 * head comes last ("his Peruvian counterpart Luis
                 * Soto"), unless the first is a possessor ("Gondor's
                 * minister X") */
                const char *code = dyad__mention_code(c, m);
                if (code) {
                    cur.code = code;
                    cur.a = m->a;
                    cur.b = m->b;
                    cur.entry = m->entry;
                    cur.why = m->why;
                    uint32_t q = t->toks[m->a].parent;
                    cur_poss = q != np && q != NONE && t->nodes[q].tok_b < p->tok_b &&
                               t->nodes[q].tok_b > 0 &&
                               t->toks[t->nodes[q].tok_b - 1].code == DYAD__T_POS;
                    have = 1;
                }
            }
            i = m->b > i ? m->b : i + 1;
            continue;
        }
        i++;
    }
}

/* Is node n a prepositional phrase whose noun phrase is headed by an
 * event noun ("in talks", "in negotiations")? */
static int S_event_noun_pp(const dyad_coder *c, uint32_t n)
{
    const dyad__tree *t = &c->tree;
    if (t->nodes[n].label != DYAD__L_PP) return 0;
    for (uint32_t g = t->nodes[n].first_child; g != NONE; g = t->nodes[g].next_sibling)
        if (t->nodes[g].label == DYAD__L_NP)
            return t->nodes[g].head != NONE && dyad__code_lx(c, t->nodes[g].head, DYAD__LX_EVENT_NOUNS);
    return 0;
}

/* Actors reached through the complements of a phrase: its PP and VP
 * children (reduced relatives: "the roads leading into Mordor") and the
 * noun phrases inside them, depth-first in order. */
static actorset S_complement_actors(dyad_coder *c, uint32_t node, int depth)
{
    actorset none = {NULL, 0};
    const dyad__tree *t = &c->tree;
    if (depth > 6) return none;
    for (uint32_t ch = t->nodes[node].first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
        const dyad__node *x = &t->nodes[ch];
        /* news mode: in a participle, an event noun's phrase and what
         * follows it name the event's parties, not the people the
         * participle describes ("the diplomats involved in negotiations
         * with Argentina" are no Argentine diplomats) */
        if (c->agent_country && t->nodes[node].label == DYAD__L_VP && S_event_noun_pp(c, ch)) return none;
        if (x->label == DYAD__L_NP && t->nodes[node].label != DYAD__L_NP) {
            actorset sub = dyad__np_actors(c, ch, depth + 1);
            if (sub.n) return sub;
        } else if (x->label == DYAD__L_PP || x->label == DYAD__L_VP || x->label == DYAD__L_S) {
            actorset sub = S_complement_actors(c, ch, depth + 1);
            if (sub.n) return sub;
        }
    }
    return none;
}

/* Memoised per sentence: patterns ask for the same phrases many times. */
actorset dyad__np_actors(dyad_coder *c, uint32_t np, int depth)
{
    if (c->np_done && np < c->tree.nnodes) {
        if (c->np_done[np]) return c->np_memo[np];
        actorset s = S_np_actors_calc(c, np, depth);
        if (depth == 0) {             /* only complete answers are kept */
            c->np_memo[np] = s;
            c->np_done[np] = 1;
        }
        return s;
    }
    return S_np_actors_calc(c, np, depth);
}

static int S_plural_pair(dyad_coder *c, uint32_t np, actorset *s)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *p = &t->nodes[np];
    uint32_t a = p->tok_a, b = p->tok_b;
    if (b - a < 2 || t->toks[b - 1].code != DYAD__T_NNS) return 0;
    const char *w0 = t->toks[a].word;
    uint32_t i = a + 1;
    if (dyad__ieq(w0, "both")) {
    } else if (dyad__ieq(w0, "the") && dyad__ieq(t->toks[a + 1].word, "two")) {
        i = a + 2;
    } else if (dyad__ieq(w0, "the") && b - a <= 3) {
        /* "the" alone only before nouns that come in pairs in news */
        if (!dyad__code_lx(c, b - 1, DYAD__LX_PAIR_NOUNS)) return 0;
    } else {
        return 0;
    }
    /* only adjectives and nouns between: "both Afghan rivals", not "both
     * sides of the border" (a modifier phrase) */
    for (uint32_t k = i; k < b; k++)
        if (!dyad__tag_is_noun(t->toks[k].tag) && t->toks[k].code != DYAD__T_JJ) return 0;
    for (uint32_t ch = p->first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
        if (S_modifier(&t->nodes[ch])) return 0;
    /* the phrase's own country and roles */
    actorset own = {NULL, 0};
    agroups lone;
    lone.n = 0;
    S_head_part(c, np, &own, &lone);
    if (own.n > 1) return 0;
    const char *cc = own.n && dyad__country_code(own.v[0].code) ? own.v[0].code : NULL;
    if (own.n && !cc) return 0;
    const unsigned *ag = lone.n ? lone.v[0].ag : NULL;
    /* states ("countries", "leaders") are told apart by country; "sides"
     * and "rivals" may be two parties of one country */
    int by_country = !cc && dyad__code_lx(c, b - 1, DYAD__LX_STATE_NOUNS);
    return dyad__story_pair(c, a, b, cc, ag, by_country, s);
}

/* Is the phrase over tokens [a, b) the subject of a verb group that says
 * "each other" or "one another"? */
static int S_reciprocal_subject(const dyad_coder *c, uint32_t a, uint32_t b)
{
    const dyad__tree *t = &c->tree;
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        const dyad__vgroup *g = &t->vgroups[k];
        if (g->subject == NONE || t->nodes[g->subject].tok_a > a || t->nodes[g->subject].tok_b < b) continue;
        if (dyad__each_other(c, g)) return 1;
    }
    return 0;
}

/* The story's two parties for the phrase over tokens [a, b) (see
 * S_plural_pair): cc keeps them in one country, ag is the phrase's role,
 * by_country tells them apart by country. */
int dyad__story_pair(dyad_coder *c, uint32_t a, uint32_t b, const char *cc,
                     const unsigned *ag, int by_country, actorset *s)
{
    const char *found[2];
    int nf = 0;
    char why[200];
    /* candidates: the parties of the sentence's last event so far (the
     * two sides of "fighting"), its actors before the phrase, newest
     * first, then the story's recent parties */
    const char *cand[40];
    int ncand = 0;
    if (c->nevents) {
        cand[ncand++] = c->events[c->nevents - 1].source;
        cand[ncand++] = c->events[c->nevents - 1].target;
    }
    /* the phrase as the object of a verb ("urged both sides", "called
     * on both sides"): the actors of that verb's subject address the
     * two; they are not one of them */
    const dyad__tree *t = &c->tree;
    uint32_t v = a > 0 && (t->toks[a - 1].code == DYAD__T_IN || t->toks[a - 1].code == DYAD__T_TO) ? a - 2 : a - 1;
    uint32_t sa = 0, sb = 0;   /* the subject's tokens */
    /* not a reported clause's subject ("said (that) the two countries
     * had ...") */
    if (a > 0 && (dyad__ieq(t->toks[a - 1].word, "that") || dyad__code_lx(c, a - 1, DYAD__LX_SUBORDINATORS)))
        v = NONE;
    for (uint32_t k = 0; a > 0 && v < a && k < t->nvgroups; k++)
        if (t->vgroups[k].verb == v && t->vgroups[k].subject != NONE &&
            (t->vgroups[k].reported == NONE || a < t->nodes[t->vgroups[k].reported].tok_a ||
             a >= t->nodes[t->vgroups[k].reported].tok_b)) {
            sa = t->nodes[t->vgroups[k].subject].tok_a;
            sb = t->nodes[t->vgroups[k].subject].tok_b;
        }
    /* news mode: the phrase in the clause a speaker reports ("Chile's
     * president said the two leaders had agreed ..."): the speaker is no
     * one of the two when the last two that acted on each other are
     * others (when the speaker's side is one of them it stays a
     * candidate: "the two countries" may be its own and another) */
    if (!sb)
        for (uint32_t k = 0; k < t->nvgroups; k++) {
            const dyad__vgroup *h = &t->vgroups[k];
            if (h->reported == NONE || h->subject == NONE || a < t->nodes[h->reported].tok_a ||
                b > t->nodes[h->reported].tok_b)
                continue;
            const dyad__node *sj = &t->nodes[h->subject];
            const char *da = NULL, *db = NULL;
            if (!dyad__story_last_dyad(c->story, &da, &db) || !da || !db) break;
            int inside = 0;
            for (uint32_t i = sj->tok_a; i < sj->tok_b && !inside; i++) {
                const mention *m = &c->ments[i];
                const char *code = m->a == i && !m->agent ? dyad__mention_code(c, m) : NULL;
                inside = code && (!strncmp(code, da, 3) || !strncmp(code, db, 3));
            }
            if (!inside) {
                sa = sj->tok_a;
                sb = sj->tok_b;
            }
            break;
        }
    const char *speaker[8];
    int nspeaker = 0;
    for (uint32_t k = a; k-- > 0 && ncand < 20;) {
        const mention *m = &c->ments[k];
        if (m->a != k || m->agent || (c->inquote && c->inquote[k] != c->inquote[a])) continue;
        const char *code = dyad__mention_code(c, m);
        /* a place ("made at a meeting in St. Vincent, both leaders
         * ...") is where the two met, not one of them */
        uint32_t q = c->np_from ? c->np_from[k] : NONE;
        uint32_t pp = q != NONE ? t->nodes[q].parent : NONE;
        if (pp != NONE && t->nodes[pp].label == DYAD__L_PP && t->nodes[pp].head != NONE &&
            dyad__locative(c, t->nodes[pp].head))
            continue;
        if (code && k >= sa && k < sb) {
            if (nspeaker < 8) speaker[nspeaker++] = code;
        } else if (code) {
            cand[ncand++] = code;
        }
    }
    /* states told apart by country, when the story has had two pairs of
     * them acting on each other: only the sentence can say which */
    const char *la = NULL, *lb = NULL;
    int npairs = dyad__story_leaders(c->story, &la, &lb);
    int ambiguous = by_country && !cc && npairs >= 2;
    /* states told apart by country: the last two that acted on each
     * other, before any country merely named since */
    if (by_country && !cc && npairs && ncand < 38 && !ambiguous) {
        cand[ncand++] = la;
        cand[ncand++] = lb;
    }
    /* addressed by a third party ("Russia called on both sides"): the
     * last two that acted on each other, before any party merely named */
    const char *da = NULL, *db = NULL;
    if (!by_country && !cc && nspeaker && ncand < 38 && dyad__story_last_dyad(c->story, &da, &db)) {
        cand[ncand++] = da;
        cand[ncand++] = db;
    }
    /* "both sides accused each other", "the two sides fired at each
     * other": the two sides of the story's last fight, before the
     * parties merely named since */
    if (!by_country && !cc && !nspeaker && ncand < 38 && S_reciprocal_subject(c, a, b) &&
        dyad__story_hostile_dyad(c->story, &da, &db)) {
        TRACE("  '%s' act on each other: the story's last two sides in a fight\n",
              dyad__words_text(c, a, b));
        cand[ncand++] = da;
        cand[ncand++] = db;
    }
    if (!ambiguous && ncand < 40)
        ncand += (int)dyad__story_recent(c->story, 3, cand + ncand, NULL, NULL, (size_t)(40 - ncand));
    for (int k = 0; k < ncand && nf < 2; k++) {
        const char *code = cand[k];
        if (!code || !strncmp(code, "---", 3)) continue;
        if (cc && (strncmp(code, cc, 3) || strlen(code) < 6)) continue;
        int addresser = 0;
        for (int j = 0; j < nspeaker && !addresser; j++)
            addresser = !strncmp(speaker[j], code, dyad__country_code(code) ? 3 : 6);
        if (addresser) continue;
        int dup = 0;
        for (int j = 0; j < nf; j++)
            dup |= by_country ? !strncmp(found[j], code, dyad__country_code(code) ? 3 : 6)
                              : dyad__streq(found[j], code) || dyad__self_pair(found[j], code);
        if (!dup) found[nf++] = code;
    }
    /* "the two countries", "both countries" with fewer than two found and
     * no pair of states the story has shown acting on each other: the two
     * countries the story has named most, when they stand apart (one of
     * them already found, the other) */
    const char *ma = NULL, *mb = NULL;
    int two = dyad__ieq(t->toks[a].word, "both") ||
              (a + 1 < b && dyad__ieq(t->toks[a + 1].word, "two"));
    if (nf < 2 && two && by_country && !cc && !npairs && !dyad__ablated("main_pair") &&
        dyad__story_main_pair(c->story, &ma, &mb)) {
        const char *mm[2] = {ma, mb};
        int fits = 1;
        for (int j = 0; j < nf; j++) fits &= !strncmp(found[j], ma, 3) || !strncmp(found[j], mb, 3);
        for (int j = 0; j < nspeaker; j++)
            fits &= strncmp(speaker[j], ma, 3) && strncmp(speaker[j], mb, 3);
        for (int m = 0; m < 2 && fits && nf < 2; m++) {
            int dup = 0;
            for (int j = 0; j < nf; j++) dup |= !strncmp(found[j], mm[m], 3);
            if (!dup) found[nf++] = mm[m];
        }
        if (nf == 2 && fits)
            TRACE("  '%s': no pair shown acting on each other; the two countries the story "
                  "named most\n", dyad__words_text(c, a, b));
        else if (!fits)
            nf = 0;
    }
    if (nf < 2 && ambiguous) {
        /* recognised, but the story allows more than one pair: the
         * phrase stays uncoded rather than guessed */
        TRACE("  '%s': the story has named %d pairs of states acting on each other; "
              "left unresolved\n", dyad__words_text(c, a, b), npairs);
        return 1;
    }
    if (nf < 2) return 0;
    snprintf(why, sizeof why, "'%s' = %s and %s, the story's two parties", dyad__words_text(c, a, b),
             found[0], found[1]);
    const char *whys = dyad__arena_strndup(&c->arena, why, strlen(why));
    actorset out = {NULL, 0};
    for (int j = 0; j < 2; j++) {
        actor x;
        memset(&x, 0, sizeof x);
        /* copied: a found code may live in the document context */
        x.code = dyad__arena_strndup(&c->arena, found[j], by_country && dyad__country_code(found[j])
                                                              ? 3 : strlen(found[j]));
        if (x.code && ag) x.code = S_combine(c, x.code, ag);
        if (!x.code) return 0;
        if (ag) memcpy(x.agents, ag, sizeof x.agents);
        x.a = a;
        x.b = b;
        x.pair = 1;
        x.why = whys;
        if (dyad__push_one(c, &out, &x) != 0) return 0;
    }
    if (out.n != 2) return 0;
    *s = out;
    return 1;
}

/* Adds to *s the actor code the story remembered, standing for tokens
 * [a, b), with the reason why (copied: the document context outlives
 * the sentence's arena).  Returns 0 when out of memory. */
int dyad__story_actor(dyad_coder *c, actorset *s, const char *code, uint32_t a, uint32_t b,
                      const char *why)
{
    actor x;
    memset(&x, 0, sizeof x);
    x.code = dyad__arena_strndup(&c->arena, code, strlen(code));
    x.why = dyad__arena_strndup(&c->arena, why, strlen(why));
    x.a = a;
    x.b = b;
    TRACE("  %s\n", why);
    return x.code && x.why && dyad__push_one(c, s, &x) == 0;
}

/* News mode: "the group" (or "the organisation") alone is the last
 * armed group or organisation the story named, in the five sentences
 * before ("the BLA ... The group also opposes"). */
static int S_the_group(dyad_coder *c, uint32_t np, actorset *s)
{
    const dyad__tree *t = &c->tree;
    const dyad__node *p = &t->nodes[np];
    static const char *const heads[] = {"group", "organisation", "organization"};
    if (p->tok_b != p->tok_a + 2 || !dyad__ieq(t->toks[p->tok_a].word, "the") ||
        !dyad__in_words(t->toks[p->tok_a + 1].word, heads, DYAD_ARRAY_LEN(heads)))
        return 0;
    const char *text;
    unsigned at;
    const char *group = dyad__story_group(c->story, 5, 0, &text, &at);
    if (!group) return 0;
    char why[128];
    snprintf(why, sizeof why, "'%s' = %s, %s, named in sentence %u",
             dyad__words_text(c, p->tok_a, p->tok_b), group, text, at);
    return dyad__story_actor(c, s, group, p->tok_a, p->tok_b, why) && s->n == 1;
}

static actorset S_np_actors_calc(dyad_coder *c, uint32_t np, int depth)
{
    actorset s = {NULL, 0};
    const dyad__tree *t = &c->tree;
    if (depth > 24) return s;
    const dyad__node *p = &t->nodes[np];
    if (c->agent_country && p->tok_b == p->tok_a + 1 &&
        (t->toks[p->tok_a].code == DYAD__T_PRP || t->toks[p->tok_a].code == DYAD__T_PRPS)) {
        /* news mode: "he", "we" in a quotation, from the document */
        actor a;
        if (dyad__resolve_pronoun(c, p->tok_a, &a)) dyad__push_one(c, &s, &a);
        return s;
    }
    if (c->agent_country && S_plural_pair(c, np, &s)) return s;
    if (c->agent_country && S_the_group(c, np, &s)) return s;
    int nps = 0, cc = 0;
    for (uint32_t ch = p->first_child; ch != NONE; ch = t->nodes[ch].next_sibling)
        nps += t->nodes[ch].label == DYAD__L_NP;
    for (uint32_t i = p->tok_a; i < p->tok_b; i++)
        if (t->toks[i].parent == np && t->toks[i].code == DYAD__T_CC) cc = 1;
    if (nps >= 2 && cc) {
        unsigned shared[3] = {0, 0, 0};
        int first = 1;
        for (uint32_t ch = p->first_child; ch != NONE; ch = t->nodes[ch].next_sibling) {
            if (t->nodes[ch].label != DYAD__L_NP) continue;
            actorset sub = dyad__np_actors(c, ch, depth + 1);
            for (uint32_t k = 0; k < sub.n; k++) {
                actor a = sub.v[k];
                /* news mode: "the presidents of Chile and Peru" parsed
                 * as [presidents of Chile] and [Peru]: the first
                 * member's roles reach the bare members after it -- a
                 * country alone, not a group whose code has its sector
                 * ("the Colombian government and the ELN rebels": the
                 * rebels are no government) */
                if (c->agent_country && !first && shared[0] && !a.agents[0] && strlen(a.code) <= 3) {
                    const char *code2 = S_combine(c, a.code, shared);
                    if (code2) { a.code = code2; memcpy(a.agents, shared, sizeof shared); }
                }
                dyad__push_actor(c, &s, &a);
            }
            if (first && sub.n) memcpy(shared, sub.v[0].agents, sizeof shared);
            first = 0;
        }
        /* and the other way: "the Russian and Turkish presidents" parsed
         * as [the Russian] and [Turkish presidents]: the last member's
         * roles reach earlier members named only by an adjective */
        if (c->agent_country && s.n >= 2 && s.v[s.n - 1].agents[0]) {
            const unsigned *ag = s.v[s.n - 1].agents;
            for (uint32_t k = 0; k + 1 < s.n; k++) {
                actor *a = &s.v[k];
                if (a->agents[0] || a->b != a->a + 1 || t->toks[a->a].code != DYAD__T_JJ) continue;
                const char *code2 = S_combine(c, a->code, ag);
                if (code2) { a->code = code2; memcpy(a->agents, ag, sizeof a->agents); }
            }
        }
        return s;
    }
    agroups lone;
    lone.n = 0;
    S_head_part(c, np, &s, &lone);
    if (s.n) return s;
    actorset comp = S_complement_actors(c, np, depth + 1);
    if (comp.n) {
        if (!lone.n) return comp;
        for (int g = 0; g < lone.n; g++)
            for (uint32_t k = 0; k < comp.n; k++) {
                actor a = comp.v[k];
                a.code = S_combine(c, a.code, lone.v[g].ag);
                memcpy(a.agents, lone.v[g].ag, sizeof a.agents);
                if (a.code) dyad__push_actor(c, &s, &a);
            }
        return s;
    }
    for (int g = 0; g < lone.n; g++) {
        actor a;
        memset(&a, 0, sizeof a);
        const char *base = "---";
        /* the role's sector code ("GOV", "REB"), or NULL */
        const char *sec = NULL;
        dyad_dict_entry ae;
        if (c->agent_country && lone.v[g].ag[0] &&
            dyad_dict_entry_get(c->d, lone.v[g].ag[0], &ae) == DYAD_OK && ae.code &&
            strlen(ae.code) >= 3)
            sec = ae.code;
        /* armed groups are not the speaker's: "Washington alleges the
         * insurgent group ..." is the group the story has been about */
        int armed = sec && !strncmp(sec, "REB", 3);
        /* "foreign journalists", "international forces": of no country
         * named before them */
        int foreign = 0;
        for (uint32_t i = t->nodes[np].tok_a; c->agent_country && i < lone.v[g].a && !foreign; i++)
            foreign = dyad__code_lx(c, i, DYAD__LX_FOREIGN);
        if (foreign) TRACE("  '%s': foreign, of no country named before it\n",
                           dyad__words_text(c, t->nodes[np].tok_a, lone.v[g].b));
        if (c->agent_country && !armed && !foreign) {
            /* "migrants from Honduras", "the leaders of Mali": the phrase
             * of origin right after the role's phrase, where the chunker
             * hung it on the verb */
            const char *k = S_country_after(c, np, 1, 1);
            if (k) {
                base = k;
                TRACE("  '%s' is of %s, the place phrase after it\n",
                      dyad__words_text(c, lone.v[g].a, lone.v[g].b), k);
            }
        }
        if (c->agent_country) {
            /* "the ministry said": the country of the nearest actor named
             * before the agent in the sentence */
            for (uint32_t i = lone.v[g].a; i-- > 0 && !armed && !foreign && dyad__streq(base, "---");) {
                const mention *m = &c->ments[i];
                if (m->agent || m->a != i) continue;
                /* not across a quotation's edge: "... the Ukrainian
                 * people," Representative Ivey said */
                if (c->inquote && c->inquote[i] != c->inquote[lone.v[g].a]) continue;
                const char *k = dyad__mention_code(c, m);
                /* an organisation has no people: "the WFP fed 1.2
                 * million people" are not the WFP's */
                if (k && sec && !strncmp(sec, "CVL", 3) && !dyad__country_code(k)) continue;
                /* a news outlet is where the words were told, and lends
                 * no country ("an official told a French agency the army
                 * had ...") */
                if (k && dyad__news_outlet(k)) continue;
                if (k && strlen(k) >= 3 && strncmp(k, "---", 3)) {
                    base = dyad__arena_strndup(&c->arena, k, 3);
                    a.entry = m->entry;
                    a.borrowed = 1;
                    break;
                }
            }
            if (dyad__streq(base, "---") && armed) {
                /* the place phrases right after the group's phrase, which
                 * the chunker hangs on the verb: "by gunmen with camps
                 * in Bolivia" */
                const char *k = S_country_after(c, np, 3, 0);
                if (k) base = k;
            }
            /* a name the dictionaries do not know before an armed role
             * ("Aymara fighters"): some group of its own, not one the
             * story has named */
            int unknown = 0;
            for (uint32_t i = t->nodes[np].tok_a; armed && i < lone.v[g].a && !unknown; i++)
                unknown = i > 0 && !c->covered[i] && dyad__cap_word(t->toks[i].word) &&
                          (t->toks[i].code == DYAD__T_JJ || !strncmp(t->toks[i].tag, "NNP", 3));
            if (unknown) TRACE("  '%s': a name no dictionary knows; its country stays open\n",
                               dyad__words_text(c, t->nodes[np].tok_a, lone.v[g].b));
            if (dyad__streq(base, "---") && sec && !unknown && !foreign) {
                /* none in the sentence: the country of the last actor of
                 * the same sector the story named ("the insurgent group"
                 * after "the Taliban") */
                const char *sc = dyad__story_sector_country(c->story, sec, 8);
                if (sc) {
                    base = dyad__arena_strndup(&c->arena, sc, 3);
                    if (!base) base = "---";
                }
            }
            /* none in the sentence: the country the document has named
             * most so far ("lawmakers" in a story about Washington) --
             * so far, up to the role's phrase: a country named only
             * after it, in its own sentence, is another party's, not
             * the role's ("the news agency criticized Chile" is not
             * Chile's agency), unless it names a place ("gunmen
             * attacked a village in Chad" are Chad's) */
            const char *home = NULL;
            if (dyad__streq(base, "---") && !unknown && !foreign) {
                const char *now[32];
                size_t nnow = 0;
                for (uint32_t i = 0; i < t->ntoks && nnow < 32; i++) {
                    const mention *m = &c->ments[i];
                    if (m->agent || m->a != i) continue;
                    if (i >= lone.v[g].a && !S_in_place_phrase(c, i)) continue;
                    now[nnow++] = dyad__mention_code(c, m);
                }
                home = dyad__story_home_before(c->story, now, nnow);
            }
            if (home) {
                base = dyad__arena_strndup(&c->arena, home, 3);
                if (!base) base = "---";
                a.borrowed = 2;
            }
        }
        a.code = S_combine(c, base, lone.v[g].ag);
        /* news mode: an organisation of no country is the organisation
         * alone ("international rights groups": NGO, not NGO---) */
        if (c->agent_country && a.code && strlen(a.code) == 6 && dyad__streq(a.code + 3, "---") &&
            (!strncmp(a.code, "NGO", 3) || !strncmp(a.code, "IGO", 3)))
            a.code = dyad__arena_strndup(&c->arena, a.code, 3);
        memcpy(a.agents, lone.v[g].ag, sizeof a.agents);
        a.a = lone.v[g].a;
        a.b = lone.v[g].b;
        if (a.code) dyad__push_actor(c, &s, &a);
    }
    return s;
}

/* ------------------------------------------------------ the story
 * News mode reads a story, not loose sentences.  The story memory (kept
 * by the resolve stage, code.h) holds what carries from one sentence to
 * the next; here the coder finds in each sentence what to tell it -- the
 * people the sentence introduces with their role (a later surname alone
 * is that role), its speaker and subject, the parties that acted -- and
 * asks it about names, pronouns and descriptions.  Every actor found
 * this way says so in its evidence. */

int dyad__cap_word(const char *w)
{
    return w[0] >= 'A' && w[0] <= 'Z' && w[1] != 0;
}

/* A run of capitalised proper-noun tokens not named by the dictionary:
 * the end of the run starting at i, or i when there is none. */
uint32_t dyad__name_run(const dyad_coder *c, uint32_t i)
{
    const dyad__tree *t = &c->tree;
    uint32_t j = i;
    while (j < t->ntoks && !c->covered[j] && t->toks[j].code == DYAD__T_NNP &&   /* "NNP" */
           dyad__cap_word(t->toks[j].word))
        j++;
    return j;
}

/* The mention covering token i, or NULL. */
const mention *dyad__mention_over(const dyad_coder *c, uint32_t i)
{
    if (!c->covered[i]) return NULL;
    for (uint32_t k = i + 1; k-- > 0;) {
        const mention *m = &c->ments[k];
        if ((m->entry || m->code) && m->a == k && m->b > i) return m;
        if (!c->covered[k]) break;
    }
    return NULL;
}

static int S_is_person_entry(const dyad_coder *c, unsigned entry)
{
    const dyad_dict_code *v;
    size_t n = dyad_dict_actor_codes(c->d, entry, &v);
    for (size_t i = 0; i < n; i++)
        if (v[i].when != DYAD_DICT_ALWAYS) return 1;    /* dated: an office */
    return 0;
}

/* Is actor mention m a person (an office holder of the dictionary, or a
 * name the document introduced)? */
int dyad__is_person(const dyad_coder *c, const mention *m)
{
    return !m->agent && (m->code || (m->entry && S_is_person_entry(c, m->entry)));
}
