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

struct dyad__resolver {
    char doc_date[11];
    char date[11];              /* the last event's date */
    char date_text[128];        /* the last event's time expression */
};

dyad_status dyad__resolver_new(dyad__resolver **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? DYAD_OK : DYAD_ENOMEM;
}

void dyad__resolver_free(dyad__resolver *r) { free(r); }

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
}

void dyad__resolve_sentence(dyad__resolver *r, dyad__resolved *res, const dyad__tree *tree)
{
    (void)r;
    res->tree = tree;
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

void dyad__resolve_event(dyad__resolver *r, const dyad__resolved *res, const dyad_event *ev,
                         dyad__event_facts *out)
{
    memset(out, 0, sizeof *out);
    out->modality = (dyad_modality_kind)ev->modality;
    out->precision = DYAD_DATE_UNKNOWN;
    const dyad__vgroup *g = S_group(res->tree, ev->verb);
    /* the document's date serves a clause that reports something current:
     * present or simple past, not the future, not a plan, not a past
     * perfect ("had annexed" tells of an earlier time) */
    int current = out->modality != DYAD_PLANNED && out->modality != DYAD_HYPOTHETICAL &&
                  (!g || (g->tense != DYAD__TENSE_FUTURE && !(g->tense == DYAD__TENSE_PAST && g->perfect)));
    if (current && res->doc_date) {
        memcpy(r->date, res->doc_date, 11);
        out->date = r->date;
        out->precision = DYAD_DATE_DAY;
        out->basis = res->doc_basis;
    }
}
