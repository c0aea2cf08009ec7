/*
 * record.c -- reading a stored mention record back fast.  The store keeps
 * each mention as the JSON `dyad_record_write_json` wrote; ingest needs a
 * few of its fields for the indexed columns and consolidation needs the
 * fields the consolidator reads.  Building a JSON tree for each (jansson)
 * costs more than the rest of storing it, so this scanner walks the
 * record once and notes where each wanted value lies.  It declines (and
 * the caller uses jansson instead) whatever it does not read plainly: a
 * wanted string holding an escape, a malformed record, more issues than
 * it keeps.  Part of the store stage.  Invariant: a record it accepts
 * gives exactly the values jansson would.
 */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *S_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

/* A string at p (its opening quote): *out its body, *esc whether it
 * holds an escape.  Returns the byte after the closing quote, or NULL. */
static const char *S_str(const char *p, const char *end, dyad__span *out, int *esc)
{
    if (p >= end || *p != '"') return NULL;
    const char *b = ++p;
    *esc = 0;
    /* the common string has no escape: its end is the next quote */
    const char *q = memchr(p, '"', (size_t)(end - p));
    if (!q) return NULL;
    const char *bs = memchr(p, '\\', (size_t)(q - p));
    if (!bs) {
        out->p = b;
        out->n = (size_t)(q - b);
        return q + 1;
    }
    for (p = bs; p < end && *p != '"';) {
        if (*p == '\\') {
            *esc = 1;
            p++;
        }
        p++;
    }
    if (p >= end) return NULL;
    out->p = b;
    out->n = (size_t)(p - b);
    return p + 1;
}

/* Skips one value; returns the byte after it, or NULL. */
static const char *S_skip(const char *p, const char *end, int depth)
{
    p = S_ws(p, end);
    if (p >= end || depth > 32) return NULL;
    dyad__span sp;
    int esc;
    if (*p == '"') return S_str(p, end, &sp, &esc);
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        p = S_ws(p + 1, end);
        if (p < end && *p == close) return p + 1;
        for (;;) {
            if (close == '}') {
                p = S_str(S_ws(p, end), end, &sp, &esc);
                if (!p) return NULL;
                p = S_ws(p, end);
                if (p >= end || *p != ':') return NULL;
                p++;
            }
            p = S_skip(p, end, depth + 1);
            if (!p) return NULL;
            p = S_ws(p, end);
            if (p < end && *p == ',') { p++; continue; }
            if (p < end && *p == close) return p + 1;
            return NULL;
        }
    }
    const char *b = p;
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ') p++;
    return p > b ? p : NULL;
}

/* A wanted string value, or null (span left empty).  NULL when neither
 * or escaped. */
static const char *S_want_str(const char *p, const char *end, dyad__span *out)
{
    int esc;
    *out = (dyad__span){0};   /* null, or a key given twice: the last counts */
    if (end - p >= 4 && memcmp(p, "null", 4) == 0) return p + 4;
    p = S_str(p, end, out, &esc);
    return p && !esc ? p : NULL;
}

/* A number, or null (NAN / -1).  NULL when neither. */
static const char *S_want_num(const char *p, const char *end, double *d, long long *ll)
{
    if (d) *d = NAN;
    else *ll = -1;
    if (end - p >= 4 && memcmp(p, "null", 4) == 0) return p + 4;
    if (!d) {
        /* an integer of up to 18 digits, as the engine writes offsets and
         * numbers: read here; anything else through strtoll below */
        const char *q = p;
        int neg = q < end && *q == '-';
        q += neg;
        long long v = 0;
        size_t nd = 0;
        while (q < end && *q >= '0' && *q <= '9' && nd < 18) v = v * 10 + (*q++ - '0'), nd++;
        if (nd && (q == end || !strchr("+-0123456789.eE", *q))) {
            *ll = neg ? -v : v;
            return q;
        }
    }
    char buf[64];
    size_t n = 0;
    while (p + n < end && n < sizeof buf - 1 && strchr("+-0123456789.eE", p[n])) n++;
    if (!n || n == sizeof buf - 1) return NULL;
    memcpy(buf, p, n);
    buf[n] = 0;
    char *e = NULL;
    if (d) *d = strtod(buf, &e);
    else *ll = strtoll(buf, &e, 10);
    if (!e || *e) return NULL;
    return p + n;
}

#define S_IS(k, lit) ((k).n == sizeof lit - 1 && memcmp((k).p, lit, (k).n) == 0)

/* The location object at p. */
static const char *S_location(const char *p, const char *end, dyad__rec *r)
{
    /* a key given twice: the last one counts, as in jansson */
    r->has_location = 0;
    r->loc_country = r->loc_name = r->loc_basis = r->loc_text = (dyad__span){0};
    r->loc_lat = r->loc_lon = NAN;
    if (end - p >= 4 && memcmp(p, "null", 4) == 0) return p + 4;
    if (p >= end || *p != '{') return NULL;
    r->has_location = 1;
    p = S_ws(p + 1, end);
    if (p < end && *p == '}') return p + 1;
    for (;;) {
        dyad__span key;
        int esc;
        p = S_str(S_ws(p, end), end, &key, &esc);
        if (!p || esc) return NULL;
        p = S_ws(p, end);
        if (p >= end || *p != ':') return NULL;
        p = S_ws(p + 1, end);
        if (S_IS(key, "country")) p = S_want_str(p, end, &r->loc_country);
        else if (S_IS(key, "name")) p = S_want_str(p, end, &r->loc_name);
        else if (S_IS(key, "basis")) p = S_want_str(p, end, &r->loc_basis);
        else if (S_IS(key, "text")) p = S_want_str(p, end, &r->loc_text);
        else if (S_IS(key, "lat")) p = S_want_num(p, end, &r->loc_lat, NULL);
        else if (S_IS(key, "lon")) p = S_want_num(p, end, &r->loc_lon, NULL);
        else p = S_skip(p, end, 1);
        if (!p) return NULL;
        p = S_ws(p, end);
        if (p < end && *p == ',') { p++; continue; }
        if (p < end && *p == '}') return p + 1;
        return NULL;
    }
}

/* The issues array at p. */
static const char *S_issues(const char *p, const char *end, dyad__rec *r)
{
    r->nissues = 0;   /* a key given twice: the last one counts */
    if (end - p >= 4 && memcmp(p, "null", 4) == 0) return p + 4;
    if (p >= end || *p != '[') return NULL;
    p = S_ws(p + 1, end);
    if (p < end && *p == ']') return p + 1;
    for (;;) {
        if (r->nissues == DYAD__REC_ISSUES) return NULL;
        dyad__span *sp = &r->issues[r->nissues++];
        int esc;
        p = S_str(S_ws(p, end), end, sp, &esc);
        if (!p || esc) return NULL;
        p = S_ws(p, end);
        if (p < end && *p == ',') { p++; continue; }
        if (p < end && *p == ']') return p + 1;
        return NULL;
    }
}

static int S_scan(const char *line, size_t n, dyad__rec *r, int head);

int dyad__rec_scan(const char *line, size_t n, dyad__rec *r)
{
    return S_scan(line, n, r, 0);
}

int dyad__rec_scan_head(const char *line, size_t n, dyad__rec *r)
{
    return S_scan(line, n, r, 1);
}

static int S_scan(const char *line, size_t n, dyad__rec *r, int head)
{
    memset(r, 0, sizeof *r);
    r->sentence_id = r->sentence_start = r->sentence_end = -1;
    r->loc_lat = r->loc_lon = NAN;
    const char *end = line + n, *p = S_ws(line, end);
    if (p >= end || *p != '{') return -1;
    p = S_ws(p + 1, end);
    if (p < end && *p == '}') return -1;
    for (;;) {
        dyad__span key;
        int esc;
        p = S_str(S_ws(p, end), end, &key, &esc);
        if (!p || esc) return -1;
        p = S_ws(p, end);
        if (p >= end || *p != ':') return -1;
        p = S_ws(p + 1, end);
        if (p >= end) return -1;
        /* the engine writes the sentence and its evidence last: nothing
         * wanted comes after them */
        if (head && S_IS(key, "sentence")) break;
        dyad__span *s = NULL;
        long long *num = NULL;
        if (S_IS(key, "doc_id")) s = &r->doc_id;
        else if (S_IS(key, "source")) s = &r->source;
        else if (S_IS(key, "target")) s = &r->target;
        else if (S_IS(key, "code")) s = &r->code;
        else if (S_IS(key, "root")) s = &r->root;
        else if (S_IS(key, "modality")) s = &r->modality;
        else if (S_IS(key, "date")) s = &r->date;
        else if (S_IS(key, "date_precision")) s = &r->date_precision;
        else if (S_IS(key, "doc_date")) s = &r->doc_date;
        else if (S_IS(key, "doc_source")) s = &r->doc_source;
        else if (S_IS(key, "source_text")) s = &r->source_text;
        else if (S_IS(key, "target_text")) s = &r->target_text;
        else if (S_IS(key, "sentence_id")) num = &r->sentence_id;
        else if (S_IS(key, "sentence_start")) num = &r->sentence_start;
        else if (S_IS(key, "sentence_end")) num = &r->sentence_end;
        if (s) p = S_want_str(p, end, s);
        else if (num) p = S_want_num(p, end, NULL, num);
        else if (S_IS(key, "location")) p = S_location(p, end, r);
        else if (S_IS(key, "issues")) p = S_issues(p, end, r);
        else p = S_skip(p, end, 0);
        if (!p) return -1;
        p = S_ws(p, end);
        if (p < end && *p == ',') { p++; continue; }
        if (p < end && *p == '}') break;
        return -1;
    }
    if (!head && S_ws(p + 1, end) != end) return -1;
    if (!r->doc_id.p || !r->source.p || !r->target.p || !r->code.p || !r->code.n ||
        r->sentence_id < 0 || (r->has_location && !r->loc_country.p))
        return -1;
    return 0;
}

int dyad__rec_record(const dyad__rec *r, const char *rec, dyad__rec_str str, void *ctx,
                     dyad_record *d, dyad_location *loc, const char **issues)
{
    memset(d, 0, sizeof *d);
    d->doc_id = str(ctx, rec, r->doc_id);
    d->sentence_id = (size_t)r->sentence_id;
    d->sentence_start = r->sentence_start >= 0 ? (size_t)r->sentence_start : 0;
    d->source = str(ctx, rec, r->source);
    d->target = str(ctx, rec, r->target);
    d->code = str(ctx, rec, r->code);
    d->source_text = str(ctx, rec, r->source_text);
    d->target_text = str(ctx, rec, r->target_text);
    d->doc_date = str(ctx, rec, r->doc_date);
    d->doc_source = str(ctx, rec, r->doc_source);
    d->date = str(ctx, rec, r->date);
    d->modality = DYAD_ASSERTED;
    int known = !r->modality.p;
    for (int m = DYAD_ASSERTED; m <= DYAD_HYPOTHETICAL && r->modality.p; m++) {
        const char *name = dyad_modality_kind_name((dyad_modality_kind)m);
        if (strlen(name) == r->modality.n && !memcmp(name, r->modality.p, r->modality.n)) {
            d->modality = (dyad_modality_kind)m;
            known = 1;
        }
    }
    if (r->has_location) {
        loc->country = str(ctx, rec, r->loc_country);
        loc->name = str(ctx, rec, r->loc_name);
        loc->basis = str(ctx, rec, r->loc_basis);
        loc->text = str(ctx, rec, r->loc_text);
        loc->lat = r->loc_lat;
        loc->lon = r->loc_lon;
        d->location = loc;
    }
    for (size_t i = 0; i < r->nissues; i++) issues[i] = str(ctx, rec, r->issues[i]);
    d->nissues = r->nissues;
    d->issues = issues;
    /* what add_record would take other than add_json: a record the engine
     * never writes (unknown modality, sentence_start missing) */
    return known && r->sentence_start >= 0 ? 0 : -1;
}
