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

struct dyad__resolver {
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
        if (n->label == DYAD__L_S && (!strcmp(tag, "TO") || !strcmp(tag, "VBG")) &&
            n->parent != DYAD__NONE)
            continue;
        return q;
    }
    return DYAD__NONE;
}

void dyad__resolve_sentence(dyad__resolver *r, dyad__resolved *res, const dyad__tree *tree)
{
    res->tree = tree;
    r->ntx = 0;
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
        if (r->tx_clause[k] != cl || x->kind == DYAD__TIMEX_VAGUE) continue;
        uint32_t d = x->first > v ? x->first - v : v - x->end + 1;
        if (d < best_d) { best = (int)k; best_d = d; }
    }
    if (best >= 0 || cl == DYAD__NONE) return best;
    const dyad__node *c = &t->nodes[cl];
    if (c->label == DYAD__L_S && c->parent != DYAD__NONE && t->nodes[c->parent].label == DYAD__L_SBAR)
        c = &t->nodes[c->parent];     /* (SBAR (WHADVP when) (S ...)) */
    if (c->label != DYAD__L_SBAR || c->tok_a >= t->ntoks || strcasecmp(t->toks[c->tok_a].word, "when"))
        return -1;
    uint32_t w = c->tok_a;
    if (w > 0 && !strcmp(t->toks[w - 1].word, ",")) w--;
    for (size_t k = 0; k < r->ntx; k++)
        if (r->tx[k].end == w && r->tx[k].kind != DYAD__TIMEX_VAGUE) return (int)k;
    return -1;
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
                 g && S_direction(g, out->modality) > 0;
    if (k >= 0 && intent) k = -1;
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
    int current = out->modality != DYAD_PLANNED && out->modality != DYAD_HYPOTHETICAL &&
                  (!g || !(g->tense == DYAD__TENSE_PAST && g->perfect));
    if (current && res->doc_date) {
        memcpy(r->date, res->doc_date, 11);
        out->date = r->date;
        out->precision = DYAD_DATE_DAY;
        out->basis = res->doc_basis;
    }
}
