/*
 * resolve.h -- the resolve stage: what needs the whole document.  Given a
 * document (its metadata date, its dateline) and each coded sentence's
 * tree, it gives every event its date (as precise as the text says, and
 * on what basis), its modality and whether it is background.
 */
#ifndef DYAD_RESOLVE_H
#define DYAD_RESOLVE_H

#include "../common/common.h"
#include "../parse/parse.h"

typedef struct dyad__resolver dyad__resolver;

dyad_status dyad__resolver_new(dyad__resolver **out);
void dyad__resolver_free(dyad__resolver *r);

/* What the resolver knows of the document and of its current sentence.
 * Strings live in the resolver until the next dyad__resolve_doc(). */
typedef struct dyad__resolved {
    const char *doc_date;       /* YYYY-MM-DD: metadata, else dateline */
    const char *doc_basis;      /* "document" or "dateline", or NULL */
    const dyad__tree *tree;     /* the sentence being resolved */
} dyad__resolved;

/* An event's document-level facts.  date and date_text are valid until
 * the next call. */
typedef struct dyad__event_facts {
    const char *date;           /* YYYY-MM-DD, YYYY-MM, YYYY, or NULL */
    dyad_date_precision precision;
    const char *basis;          /* "text", "document", "dateline", NULL */
    const char *date_text;      /* the time expression, or NULL */
    int background;
    dyad_modality_kind modality;
} dyad__event_facts;

/* Starts a document: its date from doc->date, else from the dateline the
 * text layer found in t (t NULL: a parsed record, no dateline). */
void dyad__resolve_doc(dyad__resolver *r, const dyad_doc *doc, const dyad_text *t,
                       dyad__resolved *out);
/* Starts a sentence: tree is the coded sentence (tokens, nodes, verb
 * groups). */
void dyad__resolve_sentence(dyad__resolver *r, dyad__resolved *res, const dyad__tree *tree);
/* The facts of event ev of the current sentence. */
void dyad__resolve_event(dyad__resolver *r, const dyad__resolved *res, const dyad_event *ev,
                         dyad__event_facts *out);

#endif
