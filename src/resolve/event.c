/*
 * event.c -- an event's document-level facts: when it happened (from a
 * time expression of its clause, else the document's date when the clause
 * reports something current), whether it happened (its modality, from the
 * coder's reading of the verb group), and whether it is background (more
 * than 30 days before the story).
 */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TIMEX 32

#define MAX_ISSUES 16

struct dyad__resolver {
    char issues[MAX_ISSUES][24];  /* the last event's topics */
    dyad_dict_word *dwords;       /* the sentence's words, for the dictionary */
    size_t cap_dwords, ndwords;   /* ndwords: filled for this sentence */
    char doc_date[11];
    dyad__date doc;             /* the document's date (DAY) or UNKNOWN */
    char date[11];              /* the last event's date */
    char date_text[160];        /* the last event's time expression */
    dyad__timex tx[MAX_TIMEX];  /* the sentence's time expressions */
    uint32_t tx_clause[MAX_TIMEX];
    size_t ntx;
    const char **words;         /* the sentence's words, for the scan */
    size_t cap_words;
};

dyad_status dyad__resolver_new(dyad__resolver **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? DYAD_OK : DYAD_ENOMEM;
}

void dyad__resolver_free(dyad__resolver *r)
{
    if (!r) return;
    free(r->dwords);
    free(r->words);
    free(r);
}

void dyad__resolve_doc(dyad__resolver *r, const dyad_doc *doc, const dyad_text *t,
                       dyad__resolved *out)
{
    memset(out, 0, sizeof *out);
    r->doc_date[0] = 0;
    if (doc->date && dyad__date_valid(doc->date, strlen(doc->date))) {
        memcpy(r->doc_date, doc->date, 10);
        r->doc_date[10] = 0;
        out->doc_basis = "document";
    } else if (t) {
        /* no metadata date: the dateline's, when it names a full date */
        for (size_t i = 0; i < dyad_text_sentence_count(t) && !r->doc_date[0]; i++) {
            const dyad_dateline *dl = dyad_text_sentence(t, i)->dateline;
            if (dl && dl->iso_date && dyad__date_valid(dl->iso_date, strlen(dl->iso_date))) {
                memcpy(r->doc_date, dl->iso_date, 10);
                r->doc_date[10] = 0;
                out->doc_basis = "dateline";
            }
        }
    }
    out->doc_date = r->doc_date[0] ? r->doc_date : NULL;
    if (!r->doc_date[0] || dyad__date_parse(r->doc_date, &r->doc) != 10) r->doc.prec = DYAD__DATE_UNKNOWN;
}

static int S_clause_label(int l)
{
    return l == DYAD__L_S || l == DYAD__L_SBAR || l == DYAD__L_SINV || l == DYAD__L_SQ ||
           l == DYAD__L_SBARQ;
}

/* Is clause n only a verb phrase ("to seize the port", "citing
 * officials"), not a clause that merely opens with one ("Following the
 * talks, Chile said ...")? */
static int S_subjectless(const dyad__tree *t, const dyad__node *n)
{
    uint32_t ch = n->first_child;
    return ch != DYAD__NONE && t->nodes[ch].label == DYAD__L_VP && t->nodes[ch].next_sibling == DYAD__NONE;
}

/* The clause that token i belongs to: the nearest S (SBAR, SINV, ...)
 * above it that is finite -- a clause starting with "to" or an -ing form
 * ("to seize the port", "citing officials") belongs to the clause
 * around it.  DYAD__NONE when there is none. */
static uint32_t S_clause(const dyad__tree *t, uint32_t i)
{
    if (i >= t->ntoks) return DYAD__NONE;
    for (uint32_t q = t->toks[i].parent; q != DYAD__NONE; q = t->nodes[q].parent) {
        const dyad__node *n = &t->nodes[q];
        if (!S_clause_label(n->label)) continue;
        const char *tag = n->tok_a < t->ntoks ? t->toks[n->tok_a].tag : "";
        if (n->label == DYAD__L_S && (dyad__streq(tag, "TO") || dyad__streq(tag, "VBG")) &&
            n->parent != DYAD__NONE && S_subjectless(t, n))
            continue;
        return q;
    }
    return DYAD__NONE;
}

void dyad__resolve_sentence(dyad__resolver *r, dyad__resolved *res, const dyad__tree *tree)
{
    res->tree = tree;
    res->ids = NULL;
    res->ids_dict = NULL;
    r->ntx = 0;
    r->ndwords = 0;   /* the dictionary's view of the words, made when topics ask */
    if (!tree || !tree->ntoks) return;
    if (tree->ntoks > r->cap_words) {
        const char **w = realloc(r->words, tree->ntoks * sizeof *w);
        if (!w) return;     /* no time expressions: dates fall back */
        r->words = w;
        r->cap_words = tree->ntoks;
    }
    for (uint32_t i = 0; i < tree->ntoks; i++) r->words[i] = tree->toks[i].word;
    r->ntx = dyad__timex_scan(r->words, tree->ntoks, r->tx, MAX_TIMEX);
    for (size_t k = 0; k < r->ntx; k++) r->tx_clause[k] = S_clause(tree, r->tx[k].first);
}

/* The verb group whose main verb is token v, or NULL (events named by a
 * noun have none). */
static const dyad__vgroup *S_group(const dyad__tree *t, size_t v)
{
    if (!t) return NULL;
    for (uint32_t k = 0; k < t->nvgroups; k++)
        if (t->vgroups[k].verb == v) return &t->vgroups[k];
    return NULL;
}

/* The direction of g's tense for placing a date: future (or a plan)
 * looks forward, the past and the perfect back, the present at the
 * document's day. */
static int S_direction(const dyad__vgroup *g, dyad_modality_kind m)
{
    if (m == DYAD_PLANNED) return 1;
    if (!g) return -1;
    if (g->tense == DYAD__TENSE_FUTURE) return 1;
    if (g->tense == DYAD__TENSE_PAST || g->perfect) return -1;
    if (g->tense == DYAD__TENSE_PRESENT) return 0;
    return g->infinitive ? 1 : -1;     /* "is due to visit on Friday" */
}

/* Does time expression x date something other than a clause's event?
 * A possessive ("Tuesday's attack") or a bare name before a noun
 * ("February elections") dates the noun, unless the noun is the
 * event's own word v; "based on 17 September" names a basis.  (A time in
 * a phrase after a noun may date the noun, "the election in November",
 * or the clause: the chunker's attachment cannot tell them apart.) */
static int S_dates_a_noun(const dyad__tree *t, const dyad__timex *x, uint32_t v)
{
    /* the noun it dates may be the event's own ("Tuesday's hijacking
     * by rebels"): v inside the noun phrase right after it */
    int own = v >= x->end && v < t->ntoks;
    for (uint32_t i = x->end; own && i <= v; i++) {
        const char *tg = t->toks[i].tag;
        own = dyad__streq(tg, "POS") || !strncmp(tg, "NN", 2) || dyad__streq(tg, "JJ");
    }
    if (x->end < t->ntoks && !own) {
        const char *next = t->toks[x->end].tag;
        if (dyad__streq(next, "POS")) return 1;
        const char *w0 = t->toks[x->first].tag;
        int bare = strcmp(w0, "IN") != 0 && strcmp(w0, "TO") != 0 && strcmp(w0, "RB") != 0;
        if (bare && (dyad__streq(next, "NN") || dyad__streq(next, "NNS"))) return 1;
    }
    if (x->first > 0 && dyad__ieq(t->toks[x->first - 1].word, "based")) return 1;
    return 0;
}

/* The time expression that governs the event at token v: one in the
 * same clause, the nearest to v; else, for a clause of "when" that has
 * none ("since 2010, when Chile seized the islands"), the expression just
 * before "when".  -1 when none. */
static int S_governing(const dyad__resolver *r, const dyad__tree *t, uint32_t v)
{
    uint32_t cl = S_clause(t, v);
    int best = -1;
    uint32_t best_d = UINT32_MAX;
    for (size_t k = 0; k < r->ntx; k++) {
        const dyad__timex *x = &r->tx[k];
        if (r->tx_clause[k] != cl || x->kind == DYAD__TIMEX_VAGUE || S_dates_a_noun(t, x, v))
            continue;
        uint32_t d = x->first > v ? x->first - v : v - x->end + 1;
        if (d < best_d) { best = (int)k; best_d = d; }
    }
    if (best >= 0 || cl == DYAD__NONE) return best;
    /* a clause of "since" beside it or inside it, with a time ("since
     * the two leaders met in September, Chile has shipped ..."): the
     * start of the event's span */
    for (size_t k = 0; k < r->ntx; k++) {
        uint32_t xc = r->tx_clause[k];
        if (xc == DYAD__NONE || xc == cl || r->tx[k].kind == DYAD__TIMEX_VAGUE) continue;
        const dyad__node *n = &t->nodes[xc];
        uint32_t a = n->tok_a;
        if (n->parent != DYAD__NONE && t->nodes[n->parent].label == DYAD__L_SBAR) a = t->nodes[n->parent].tok_a;
        else if (a > 0) a--;
        if (a >= t->ntoks || !dyad__ieq(t->toks[a].word, "since")) continue;
        const dyad__node *c = &t->nodes[cl];
        uint32_t e = n->tok_b;
        if (e < t->ntoks && t->toks[e].code == DYAD__T_COMMA) e++;
        int inside = a >= c->tok_a && n->tok_b <= c->tok_b;
        if (inside || e == c->tok_a || c->tok_b == a) return (int)k;
    }
    const dyad__node *c = &t->nodes[cl];
    if (c->label == DYAD__L_S && c->parent != DYAD__NONE && t->nodes[c->parent].label == DYAD__L_SBAR)
        c = &t->nodes[c->parent];     /* (SBAR (WHADVP when) (S ...)) */
    if (c->label != DYAD__L_SBAR || c->tok_a >= t->ntoks || !dyad__ieq(t->toks[c->tok_a].word, "when"))
        return -1;
    uint32_t w = c->tok_a;
    if (w > 0 && dyad__streq(t->toks[w - 1].word, ",")) w--;
    for (size_t k = 0; k < r->ntx; k++)
        if (r->tx[k].end == w && r->tx[k].kind != DYAD__TIMEX_VAGUE) return (int)k;
    return -1;
}

/* The finite clause around clause cl (a speech verb's, for a reported
 * clause), skipping the SBAR that merely holds cl; DYAD__NONE for a main
 * clause. */
static uint32_t S_outer_clause(const dyad__tree *t, uint32_t cl)
{
    if (cl == DYAD__NONE) return DYAD__NONE;
    for (uint32_t q = t->nodes[cl].parent; q != DYAD__NONE; q = t->nodes[q].parent) {
        const dyad__node *n = &t->nodes[q];
        if (!S_clause_label(n->label) || n->label == DYAD__L_SBAR) continue;
        const char *tag = n->tok_a < t->ntoks ? t->toks[n->tok_a].tag : "";
        if (n->label == DYAD__L_S && (dyad__streq(tag, "TO") || dyad__streq(tag, "VBG")) &&
            n->parent != DYAD__NONE && S_subjectless(t, n))
            continue;
        return q;
    }
    return DYAD__NONE;
}

/* For an event in a reported clause: the time expression of the clause
 * that reports it ("announced Monday that it would reopen the border",
 * "'...,' he said on Tuesday"), or -1. */
static int S_reporting_time(const dyad__resolver *r, const dyad__tree *t, uint32_t v)
{
    uint32_t cl = S_clause(t, v);
    uint32_t pc = S_outer_clause(t, cl);
    if (pc == DYAD__NONE) return -1;
    int best = -1;
    for (size_t k = 0; k < r->ntx; k++) {
        const dyad__timex *x = &r->tx[k];
        const dyad__node *c = &t->nodes[cl];
        if (r->tx_clause[k] != pc || x->kind == DYAD__TIMEX_VAGUE ||
            (x->first < c->tok_b && x->end > c->tok_a) || S_dates_a_noun(t, x, v))
            continue;
        /* the nearest to the reported clause: the last before it, else the
         * first after it ("'...,' the minister said on Tuesday") */
        if (x->end <= c->tok_a || best < 0) best = (int)k;
    }
    return best;
}

/* "His visit comes two days after the two leaders met": an event of the
 * clause right after "N days after" (or "before") is that far from the
 * clause holding the expression, taken to be the document's day (it has
 * no time of its own).  Sets out and returns 1 when it applies. */
static int S_days_from(dyad__resolver *r, const dyad__tree *t, uint32_t v, dyad__event_facts *out)
{
    uint32_t cl = S_clause(t, v);
    if (cl == DYAD__NONE) return 0;
    uint32_t a = t->nodes[cl].tok_a;
    if (t->nodes[cl].parent != DYAD__NONE && t->nodes[t->nodes[cl].parent].label == DYAD__L_SBAR)
        a = t->nodes[t->nodes[cl].parent].tok_a;
    uint32_t pc = S_outer_clause(t, cl);
    for (size_t k = 0; k < r->ntx; k++) {
        const dyad__timex *x = &r->tx[k];
        /* (the chunker may put "after" in the clause or before it) */
        if (x->kind != DYAD__TIMEX_ANAPHOR || (x->end != a && x->end != a + 1) || x->end == 0 ||
            x->unit == DYAD__UNIT_NONE)
            continue;
        const char *w = t->toks[x->end - 1].word;
        if (!dyad__ieq(w, "after") && !dyad__ieq(w, "before")) continue;
        /* the holding clause must have no time of its own */
        for (size_t j = 0; j < r->ntx; j++)
            if (j != k && r->tx_clause[j] == pc && pc != DYAD__NONE) return 0;
        dyad__timex rel = *x;
        rel.kind = DYAD__TIMEX_RELATIVE;
        rel.span = DYAD__SPAN_POINT;
        dyad__date d = dyad__timex_resolve(&rel, r->doc, -1);
        if (d.prec == DYAD__DATE_UNKNOWN || !dyad__date_format(d, r->date, sizeof r->date)) return 0;
        size_t o = 0;
        for (uint32_t i = x->first; i < x->end; i++) {
            size_t n = strlen(t->toks[i].word);
            if (o + n + 2 >= sizeof r->date_text) break;
            if (o) r->date_text[o++] = ' ';
            memcpy(r->date_text + o, t->toks[i].word, n);
            o += n;
        }
        r->date_text[o] = 0;
        out->date = r->date;
        out->date_text = r->date_text;
        out->time_first = x->first;
        out->time_end = x->end;
        out->basis = "text";
        out->precision = d.prec == DYAD__DATE_DAY ? DYAD_DATE_DAY
                         : d.prec == DYAD__DATE_MONTH ? DYAD_DATE_MONTH : DYAD_DATE_YEAR;
        long first, last;
        if (dyad__date_bounds(d, &first, &last))
            out->background = last < dyad__date_days(r->doc.y, r->doc.m, r->doc.d) - 30;
        return 1;
    }
    return 0;
}

/* CAMEO's verbal acts: made when they are spoken. */
static int S_verbal(const char *code)
{
    static const char *const roots[] = {"01", "02", "03", "10", "11", "12", "13"};
    if (!code) return 0;
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
        if (!strncmp(code, roots[i], 2)) return 1;
    return 0;
}

/* Were ev's source words outside the clause of its verb (the speaker of
 * a reported clause)? */
static int S_source_outside(const dyad__tree *t, const dyad_event *ev)
{
    uint32_t cl = S_clause(t, (uint32_t)ev->verb);
    if (cl == DYAD__NONE) return 0;
    for (size_t i = 0; i < ev->nevidence; i++) {
        const dyad_evidence *e = &ev->evidence[i];
        if (strcmp(e->kind, "source") != 0 || e->end <= e->first) continue;
        return e->end <= t->nodes[cl].tok_a || e->first >= t->nodes[cl].tok_b;
    }
    return 0;
}

void dyad__resolve_event(dyad__resolver *r, const dyad__resolved *res, const dyad_event *ev,
                         dyad__event_facts *out)
{
    memset(out, 0, sizeof *out);
    out->modality = (dyad_modality_kind)ev->modality;
    out->precision = DYAD_DATE_UNKNOWN;
    const dyad__vgroup *g = S_group(res->tree, ev->verb);
    int k = res->tree && ev->verb < res->tree->ntoks ? S_governing(r, res->tree, (uint32_t)ev->verb) : -1;
    /* an intent or threat is dated when it is reported: a time in its
     * clause belongs to the act it announces ("is due to visit
     * Lima on Friday": the 036 is today's) */
    int intent = out->modality == DYAD_ASSERTED && ev->code &&
                 (!strncmp(ev->code, "03", 2) || !strncmp(ev->code, "13", 2)) &&
                 g && (S_direction(g, out->modality) > 0 || g->modality == DYAD__MOD_CONDITIONAL);
    if (k >= 0 && intent) k = -1;
    /* an intent reported by a speech verb is dated when it was spoken;
     * so is a verbal act (a statement, appeal, demand, accusation,
     * rejection or threat) whose source is the speaker outside the
     * reported clause ("'...,' the envoy wrote in a letter sent on
     * Friday") */
    if (res->tree && ev->verb < res->tree->ntoks &&
        (intent || (k < 0 && out->modality == DYAD_ASSERTED && S_verbal(ev->code) &&
                    S_source_outside(res->tree, ev))))
        k = S_reporting_time(r, res->tree, (uint32_t)ev->verb);
    if (k < 0 && !intent && g && res->tree && r->doc.prec == DYAD__DATE_DAY &&
        S_days_from(r, res->tree, (uint32_t)ev->verb, out))
        return;
    if (k >= 0) {
        /* a time expression of the event's own clause: its date, or none
         * when it cannot be placed (never the document's date instead) */
        dyad__timex x = r->tx[k];
        size_t o = 0;
        for (uint32_t i = x.first; i < x.end && i < res->tree->ntoks; i++) {
            const char *w = res->tree->toks[i].word;
            size_t n = strlen(w);
            if (o + n + 2 >= sizeof r->date_text) break;
            if (o) r->date_text[o++] = ' ';
            memcpy(r->date_text + o, w, n);
            o += n;
        }
        r->date_text[o] = 0;
        out->date_text = r->date_text;   /* kept even when it cannot be placed */
        out->time_first = x.first;
        out->time_end = x.end;
        /* "since 2014": the start; "before"/"after" bound it only */
        dyad__date d = x.span == DYAD__SPAN_BEFORE || x.span == DYAD__SPAN_AFTER
                           ? (dyad__date){0, 0, 0, DYAD__DATE_UNKNOWN}
                           : dyad__timex_resolve(&x, r->doc, S_direction(g, out->modality));
        if (d.prec != DYAD__DATE_UNKNOWN && dyad__date_format(d, r->date, sizeof r->date)) {
            out->date = r->date;
            out->basis = "text";
            out->precision = d.prec == DYAD__DATE_DAY ? DYAD_DATE_DAY
                             : d.prec == DYAD__DATE_MONTH ? DYAD_DATE_MONTH : DYAD_DATE_YEAR;
            long first, last;
            if (r->doc.prec == DYAD__DATE_DAY && dyad__date_bounds(d, &first, &last))
                out->background = last < dyad__date_days(r->doc.y, r->doc.m, r->doc.d) - 30;
        }
        return;
    }
    /* the document's date serves an event reported as current: asserted
     * (an intent or threat is made when reported, even of a future act)
     * or negated, not a plan or a possibility, and not told in the past
     * perfect ("had seized" tells of an earlier time) */
    /* (a past perfect reported by a past speech verb is the speaker's
     * past or present perfect shifted back: "said that the two governments
     * had restored relations" is current) */
    int backshift = g && res->tree && S_outer_clause(res->tree, S_clause(res->tree, g->verb)) != DYAD__NONE;
    int current = out->modality != DYAD_PLANNED && out->modality != DYAD_HYPOTHETICAL &&
                  (!g || !(g->tense == DYAD__TENSE_PAST && g->perfect) || backshift);
    if (current && res->doc_date) {
        memcpy(r->date, res->doc_date, 11);
        out->date = r->date;
        out->precision = DYAD_DATE_DAY;
        out->basis = res->doc_basis;
    }
}

/* ------------------------------------------------------------- topics */

/* Is token i inside one of ev's party spans? */
static int S_party_word(const dyad_event *ev, size_t i)
{
    for (size_t k = 0; k < ev->nevidence; k++) {
        const dyad_evidence *e = &ev->evidence[k];
        if (e->first <= i && i < e->end && e->kind &&
            ((e->kind[0] == 's' && dyad__streq(e->kind, "source")) ||
             (e->kind[0] == 't' && dyad__streq(e->kind, "target"))))
            return 1;
    }
    return 0;
}

static size_t S_add_issue(dyad__resolver *r, size_t n, const char *code, size_t len)
{
    if (len == 0 || len >= sizeof r->issues[0]) return n;
    for (size_t k = 0; k < n; k++)
        if (strlen(r->issues[k]) == len && !memcmp(r->issues[k], code, len)) return n;
    if (n == MAX_ISSUES) return n;
    memcpy(r->issues[n], code, len);
    r->issues[n][len] = 0;
    return n + 1;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t dyad__resolve_issues(dyad__resolver *r, const dyad__resolved *res, const dyad_dict *d,
                            const char *date, const dyad_event *ev, const char **out, size_t cap)
{
    const dyad__tree *t = res->tree;
    if (!t || !d || ev->verb >= t->ntoks) return 0;
    const dyad__vgroup *g = S_group(t, ev->verb);
    if (!g || g->vp == DYAD__NONE) return 0;
    uint32_t a = g->last + 1, b = t->nodes[g->vp].tok_b;
    if (a >= b) return 0;
    if (!(res->ids && res->ids_dict == d) && r->ndwords != t->ntoks) {   /* once per sentence */
        if (t->ntoks > r->cap_dwords) {
            dyad_dict_word *w = realloc(r->dwords, t->ntoks * sizeof *w);
            if (!w) return 0;
            r->dwords = w;
            r->cap_dwords = t->ntoks;
        }
        for (uint32_t i = 0; i < t->ntoks; i++) {
            r->dwords[i].s = t->toks[i].word;
            r->dwords[i].len = strlen(t->toks[i].word);
        }
        r->ndwords = t->ntoks;
    }
    int places = ev->code && (!strncmp(ev->code, "03", 2) || !strncmp(ev->code, "04", 2));
    size_t n = 0;
    dyad_dict_match m[8];
    for (uint32_t i = a; i < b; i++) {
        if (S_party_word(ev, i)) continue;
        unsigned kinds = DYAD_DICT_MASK(DYAD_DICT_ISSUES) |
                         (places ? DYAD_DICT_MASK(DYAD_DICT_ACTORS) : 0u);
        /* by the coder's word ids when it gave them (the same ids a
         * lookup by text finds, without finding them again) */
        size_t nm = res->ids && res->ids_dict == d
                        ? dyad_dict_match_at_ids(d, kinds, res->ids, b, i, 0, m, 8)
                        : dyad_dict_match_at(d, kinds, r->dwords, b, i, 0, m, 8);
        if (nm == 0) continue;
        dyad_dict_entry e;
        if (dyad_dict_entry_get(d, m[0].entry, &e) != DYAD_OK) continue;
        if (e.kind == DYAD_DICT_ISSUES) {
            if (e.flags & DYAD_DICT_F_EXCLUDE) { i = (uint32_t)m[0].end - 1; continue; }
            if (e.code) n = S_add_issue(r, n, e.code, strlen(e.code));
        } else {
            /* a country named in what was discussed, not a party */
            const dyad_dict_code *ac = dyad_dict_actor_code(d, m[0].entry, date);
            const char *k = ac ? ac->code : NULL;
            if (k && strlen(k) >= 3 && strncmp(k, "---", 3) && strncmp(k, "IGO", 3) &&
                strncmp(k, "NGO", 3) && strncmp(k, "IMG", 3) && strncmp(k, "MNC", 3) &&
                strncmp(k, ev->source, 3) && strncmp(k, ev->target, 3))
                n = S_add_issue(r, n, k, 3);
        }
        i = (uint32_t)m[0].end - 1;
    }
    size_t w = 0;
    for (size_t k = 0; k < n && w < cap; k++) out[w++] = r->issues[k];
    qsort(out, w, sizeof *out, S_cmp_str);
    return w;
}

const dyad__timex *dyad__resolver_timexes(const dyad__resolver *r, size_t *n)
{
    *n = r->ntx;
    return r->tx;
}
