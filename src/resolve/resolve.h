/*
 * resolve.h -- the resolve stage: document-level reasoning over what the
 * sentence stages found (event dates, modality, places, story memory).
 *
 * Event resolution (event.c) is declared at the end of this header.  The
 * story memory of news mode (story.c) implements the interface the coder
 * declares in code/code.h.
 *
 * Time expressions (timex.c): dyad__timex_scan finds them in a sentence's
 * words and records what the words say; dyad__timex_resolve turns one
 * into a calendar date, given the document's date and the direction of
 * its clause's tense.  Both are pure: no allocation beyond the caller's
 * arrays, no global state, linear in the number of words.
 *
 * Precision.  A resolved expression is a range of days, reported at the
 * finest precision that holds all of it: one day -> DAY, one month ->
 * MONTH, one year -> YEAR, else UNKNOWN.  So "early 2011" and "late 2019"
 * are YEAR and "mid-April" is MONTH (the part is kept in the timex, never
 * turned into a guessed month); "last week" is the calendar week (Monday
 * to Sunday) before the document's, MONTH when it lies in one month, YEAR
 * when it straddles two, UNKNOWN across New Year; "the 1990s" is UNKNOWN.
 * Without a document date, only expressions that carry their own year
 * resolve; the rest are UNKNOWN, never guessed.
 *
 * Other decisions.  A weekday or a yearless date looks back in past and
 * present clauses (the latest not after the document's day; the same
 * weekday is that day) and forward in future ones; "last Tuesday" and
 * "next Monday" are strictly before / after the document's day (1..7
 * days), "last December" strictly before its month.  "this week" in a past
 * clause is Monday to the document's day, in a future one the document's
 * day to Sunday; "earlier this week" ends the day before.  "N days ago" is
 * that day; "a week ago" is last week, "two months ago" the month, like
 * "last month".  "since", "from" mark the start of a span, "until", "by"
 * its end (the date is the bound either way).  Ambiguous words: "May" and
 * "March" are months only beside a number or after "in", "since",
 * "until", "during", "before", "after", "from", a part word or "last" /
 * "next" / "this" (so "he may attend", "pressure on May", "a march" are
 * not); a four-digit number is a year beside a month or after a
 * preposition that allows it ("in", "since", "of", "by", ...), and not
 * before a plural noun ("of 2000 people").  Not read: numeric dates
 * ("10/06/2020", day and month order is ambiguous), "the year" alone,
 * holidays.
 */
#ifndef DYAD_RESOLVE_H
#define DYAD_RESOLVE_H

#include "../common/common.h"
#include "../parse/parse.h"

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ dates */

typedef enum {
    DYAD__DATE_UNKNOWN = 0,
    DYAD__DATE_YEAR,
    DYAD__DATE_MONTH,
    DYAD__DATE_DAY
} dyad__date_prec;

/* A proleptic Gregorian date at a precision; fields below the precision
 * are 0 (all 0 when UNKNOWN).  Years run 1..9999. */
typedef struct dyad__date {
    int y, m, d;
    dyad__date_prec prec;
} dyad__date;

/* Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (the whole string, a valid
 * date); returns the characters read (10, 7, 4), or 0 with *out UNKNOWN. */
int dyad__date_parse(const char *s, dyad__date *out);
/* Writes d as above plus a NUL; returns the characters written without
 * the NUL, or 0 (nothing written) when d is UNKNOWN, invalid or cap too
 * small. */
size_t dyad__date_format(dyad__date d, char *buf, size_t cap);

/* Nonzero when d is a valid date at its precision (UNKNOWN is not). */
int dyad__date_ok(dyad__date d);
/* Days in month m of year y (0 when m is out of range). */
int dyad__date_month_days(int y, int m);
/* Day numbers: days since 1970-01-01 (negative before it). */
long dyad__date_days(int y, int m, int d);
dyad__date dyad__date_from_days(long days);   /* precision DAY */
/* 1 Monday .. 7 Sunday. */
int dyad__date_weekday(int y, int m, int d);
/* The first and last day numbers of d's period (a day, month or year);
 * returns 0 when d is UNKNOWN or invalid.  For "more than 30 days before
 * the document": last < dyad__date_days(doc) - 30. */
int dyad__date_bounds(dyad__date d, long *first, long *last);

/* ------------------------------------------------------- time expressions */

typedef enum {
    DYAD__TIMEX_DATE = 1, /* a calendar date, full or partial: y, m, d as
                             written ("April 4", "in 2014", "last December",
                             "Tuesday, June 9") */
    DYAD__TIMEX_WEEKDAY,  /* a weekday alone ("on Tuesday", "next Monday") */
    DYAD__TIMEX_RELATIVE, /* unit and offset from the document's day, week,
                             month or year ("yesterday", "last week",
                             "earlier this month", "three years ago") */
    DYAD__TIMEX_DECADE,   /* "the 1990s": y is its first year */
    DYAD__TIMEX_VAGUE,    /* a time with no date: "in recent days",
                             "recently", "the past few weeks" */
    DYAD__TIMEX_ANAPHOR   /* relative to another event, not the document:
                             "the next day", "that week", "two days later" */
} dyad__timex_kind;

typedef enum {
    DYAD__UNIT_NONE = 0,
    DYAD__UNIT_DAY,
    DYAD__UNIT_WEEK,      /* a calendar week, Monday to Sunday */
    DYAD__UNIT_MONTH,
    DYAD__UNIT_YEAR
} dyad__timex_unit;

/* How a date that lacks a year, or a weekday, is placed. */
typedef enum {
    DYAD__REF_TENSE = 0,  /* by the clause's direction: the latest not after
                             the document's date (past, present), or the
                             first not before it (future) */
    DYAD__REF_LAST,       /* "last December", "last Tuesday": the latest
                             strictly before the document's month / day */
    DYAD__REF_NEXT,       /* "next April", "next Monday": the first
                             strictly after */
    DYAD__REF_DOC         /* in the document's year (DATE) or week (WEEKDAY)
                             plus offset: "this April", "December last
                             year", "Tuesday next week" */
} dyad__timex_ref;

/* A part of the period ("early 2011", "mid-April", "late last year"), or
 * the side of the document's date ("earlier this month", "later today"). */
typedef enum {
    DYAD__PART_NONE = 0,
    DYAD__PART_EARLY,
    DYAD__PART_MID,
    DYAD__PART_LATE,
    DYAD__PART_EARLIER,
    DYAD__PART_LATER
} dyad__timex_part;

/* Whether the expression names a point or bounds a span. */
typedef enum {
    DYAD__SPAN_POINT = 0,
    DYAD__SPAN_SINCE,     /* "since 2014", "from March": the span's start */
    DYAD__SPAN_UNTIL,     /* "until", "till", "through", "by": its end */
    DYAD__SPAN_BEFORE,    /* "before 2014": some time before */
    DYAD__SPAN_AFTER      /* "after March": some time after */
} dyad__timex_span;

typedef struct dyad__timex {
    uint32_t first, end;     /* words [first, end), with the preposition
                                or part word that introduces it ("On April
                                4", "since 2014", "in early 2011") */
    dyad__timex_kind kind;
    int y, m, d;             /* as written; 0 when absent */
    int weekday;             /* 1 Monday .. 7 Sunday, 0 none; a DATE may
                                carry one too ("Tuesday, June 9") */
    dyad__timex_unit unit;   /* RELATIVE, and ANAPHOR when it has one */
    int offset;              /* RELATIVE: units from the document's (-1
                                "yesterday", "last week"; 0 "this year"; -3
                                "three years ago").  REF_DOC: years (DATE)
                                or weeks (WEEKDAY) */
    dyad__timex_ref ref;
    dyad__timex_part part;
    dyad__timex_span span;
} dyad__timex;

/* Finds time expressions in words[0..n) (each a NUL-terminated token as
 * the text layer splits it: "April", "4", ",", "2020", "Oct.", "mid-2019";
 * a NULL word reads as empty).  Writes at most cap, in text order, not
 * overlapping; returns how many were written. */
size_t dyad__timex_scan(const char *const *words, size_t n, dyad__timex *out, size_t cap);

/* Resolves x against the document's date (used only at precision DAY;
 * anything else means the document has none) and the direction of its
 * clause's tense: negative past, 0 present, positive future. */
dyad__date dyad__timex_resolve(const dyad__timex *x, dyad__date doc, int direction);

/* ------------------------------------------------------ event resolution
 * (event.c) What the resolver decides for each coded event: its date
 * from a time expression governing its clause (else the document's date
 * for a clause that reports something current), its modality, and
 * whether it is background. */

typedef struct dyad__resolver dyad__resolver;

dyad_status dyad__resolver_new(dyad__resolver **out);
void dyad__resolver_free(dyad__resolver *r);

/* What the resolver knows of the document and of its current sentence.
 * Strings live in the resolver until the next dyad__resolve_doc(). */
typedef struct dyad__resolved {
    const char *doc_date;       /* YYYY-MM-DD: metadata, else dateline */
    const char *doc_basis;      /* "document" or "dateline", or NULL */
    const dyad__tree *tree;     /* the sentence being resolved */
    const unsigned *ids;        /* its tokens' word ids in ids_dict (the
                                   coder's, when it has them), or NULL */
    const dyad_dict *ids_dict;
} dyad__resolved;

/* An event's document-level facts.  date and date_text are valid until
 * the next call. */
typedef struct dyad__event_facts {
    const char *date;           /* YYYY-MM-DD, YYYY-MM, YYYY, or NULL */
    dyad_date_precision precision;
    const char *basis;          /* "text", "document", "dateline", NULL */
    const char *date_text;      /* the time expression, or NULL */
    size_t time_first, time_end;  /* its tokens in the sentence */
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

/* The topics of event ev: the issue codes of the issue phrases in its
 * verb's phrase (after the verb, outside its parties' words), and, for a
 * consultation or an intent (roots 03, 04), the countries that phrase
 * names besides the parties ("discussed the situation in Libya": LBY).
 * Sorted, each once; up to cap written to out (valid until the next
 * call); returns how many.  0 for an event named by a noun. */
/* The time expressions of the current sentence (dyad__resolve_sentence),
 * in text order; *n receives their number.  Valid until the next
 * sentence. */
const dyad__timex *dyad__resolver_timexes(const dyad__resolver *r, size_t *n);

size_t dyad__resolve_issues(dyad__resolver *r, const dyad__resolved *res, const dyad_dict *d,
                            const char *date, const dyad_event *ev, const char **out, size_t cap);

/* ------------------------------------------------------------ places
 * (place.c) Where each event took place: a locative phrase of its clause
 * looked up in the gazetteer (and, for country names and adjectives, the
 * dictionaries), else the story's dateline when it fits the event; the
 * rules are in place.c's opening comment and at dyad_location in dyad.h.
 * One placer per engine; it reads the dictionary and the gazetteer only. */

typedef struct dyad__placer dyad__placer;

/* An event's place.  country NULL: unknown.  Strings live in the placer
 * or the gazetteer until the next call. */
typedef struct dyad__place_facts {
    const char *country;        /* ISO 3166-1 alpha-3 */
    const char *name;           /* the place, or NULL: the country only */
    int32_t lat, lon;           /* with a name: 1/10,000 degree */
    const char *basis;          /* "text" or "dateline" */
    const char *text;           /* the words that placed it */
} dyad__place_facts;

/* d (may be NULL: no country names then) and p (NULL: nothing is ever
 * placed) are not copied. */
dyad_status dyad__placer_new(dyad__placer **out, const dyad_dict *d, const dyad_places *p);
void dyad__placer_free(dyad__placer *pl);
/* Starts a document: its dateline from t (NULL: none), its date
 * (YYYY-MM-DD or NULL) for the dictionaries' dated codes. */
void dyad__place_doc(dyad__placer *pl, const dyad_text *t, const char *doc_date);
/* Starts a sentence: finds its locative phrases.  tx[0..ntx) are its
 * time expressions (dyad__resolver_timexes): they end a phrase ("in
 * Paris next week"). */
void dyad__place_sentence(dyad__placer *pl, const dyad__tree *tree, const dyad__timex *tx,
                          size_t ntx);
/* The place of event ev of the current sentence. */
void dyad__place_event(dyad__placer *pl, const dyad_event *ev, dyad__place_facts *out);

#endif /* DYAD_RESOLVE_H */
