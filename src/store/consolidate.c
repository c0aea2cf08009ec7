/*
 * consolidate.c -- mentions into events (the rule: docs/CONSOLIDATION.md).
 *
 * Mentions are parsed (from `dyad code` JSON lines, with jansson, or
 * copied from engine records) into one array whose strings live in the
 * consolidator's arena.  A run sorts them canonically -- by partition
 * key, modality and CAMEO root, then by their whole content -- and
 * clusters each (key, modality, root) group on its own:
 *
 *  1. day mentions: the distinct (day, code) pairs ("cells") are taken
 *     as seeds, most specific code first, then most mentions, earliest
 *     day, smallest code; an unassigned seed opens an event that takes
 *     every unassigned cell within one day of the seed whose code is the
 *     seed's or an ancestor of it;
 *  2. month mentions join the best day event inside their month whose
 *     code descends from theirs (most mentions after step 1, earliest,
 *     smallest code); the others form month events the same way as 1;
 *  3. year mentions likewise against the events of steps 1 and 2;
 *  4. undated mentions merge only within their own document.
 *
 * Whole cells move together, every choice is made on counts frozen
 * before the step and ties end on content, so the events are a function
 * of the set of mentions, never of the order they came in.  The qsort
 * comparators read their context from thread-local statics, so separate
 * consolidators may run in separate threads.
 * Invariant: a mention belongs to exactly one event after a run.
 */
#include "store.h"

#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_NONE ((size_t)-1)

typedef struct S_mention {
    const char *doc_id;
    long long sentence_id;
    long long sentence_start;     /* -1 when absent */
    const char *date;             /* NULL when unknown */
    dyad_date_precision prec;
    long when;                    /* day number, year*12+month-1, or year */
    const char *doc_date;
    const char *doc_source;
    int modality;
    const char *source, *target;  /* "" when none */
    const char *source_text, *target_text;
    const char *code;
    char node[DYAD__NODE_MAX];
    char key[16];
    int has_loc;
    dyad_location loc;
    size_t nissues;
    const char **issues;          /* sorted */
    size_t index;                 /* order of adding */
    size_t event;                 /* after a run */
} S_mention;

/* A cell: the mentions of one group with the same date (or document, for
 * undated ones) and the same code, a run of the sorted group. */
typedef struct S_cell {
    size_t first, n;              /* range in the order array */
    size_t event;                 /* S_NONE until assigned */
} S_cell;

typedef struct S_event {
    dyad_cevent pub;
    dyad_location loc;
    size_t seed;                  /* cell that opened it */
    size_t count;                 /* mentions, frozen per step */
    long when;                    /* its date in its own precision */
} S_event;

struct dyad_consolidator {
    dyad__arena arena;            /* mention strings */
    dyad__arena earena;           /* event strings, reset by each run */
    S_mention *m;
    size_t nm, capm;
    S_event *ev;
    size_t nev, capev;
    size_t *order;                /* mention indices, canonical order */
    size_t *members;              /* per event, its mentions (by event) */
    char **problems;              /* of the last add_file */
    size_t nproblems, capproblems, dropped;
    dyad__err err;
};

/* ------------------------------------------------------------ helpers */

static int S_cmpstr(const char *a, const char *b)
{
    if (a == b) return 0;
    if (!a) return 1;             /* NULL sorts last */
    if (!b) return -1;
    return strcmp(a, b);
}

static int S_cmpll(long long a, long long b) { return (a > b) - (a < b); }

/* NaN (no value) after every number and equal to itself. */
static int S_cmpdbl(double a, double b)
{
    if (isnan(a) || isnan(b)) return (isnan(a) != 0) - (isnan(b) != 0);
    return (a > b) - (a < b);
}

size_t dyad__actor_country(const char *code)
{
    if (!code || !*code) return 0;
    size_t n = strlen(code);
    if (n >= 6 && (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
                   strncmp(code, "IMG", 3) == 0 || strncmp(code, "MNC", 3) == 0))
        return 6;
    return n < 3 ? n : 3;
}

void dyad_consolidation_key(const char *source, const char *target, char out[16])
{
    size_t ns = dyad__actor_country(source), nt = dyad__actor_country(target);
    const char *a = source, *b = target;
    size_t na = ns, nb = nt;
    if (ns && nt) {
        size_t k = ns < nt ? ns : nt;
        int c = memcmp(source, target, k);
        if (c > 0 || (c == 0 && ns > nt)) { a = target; na = nt; b = source; nb = ns; }
    }
    size_t o = 0;
    if (na) { memcpy(out, a, na); o = na; }
    out[o++] = '|';
    if (nb) { memcpy(out + o, b, nb); o += nb; }
    out[o] = 0;
}

size_t dyad__code_node(const char *code, char out[DYAD__NODE_MAX])
{
    size_t n = code ? strlen(code) : 0;
    if (n > DYAD__NODE_MAX - 1) n = DYAD__NODE_MAX - 1;
    if (n) memcpy(out, code, n);
    if (n == 3 && out[2] == '0') n = 2;
    out[n] = 0;
    return n;
}

int dyad__codes_compatible(const char *a, const char *b)
{
    char na[DYAD__NODE_MAX], nb[DYAD__NODE_MAX];
    size_t la = dyad__code_node(a, na), lb = dyad__code_node(b, nb);
    size_t k = la < lb ? la : lb;
    if (k == 0) return la == lb;
    return memcmp(na, nb, k) == 0;
}

/* Days from 1970-01-01 of a proleptic Gregorian date. */
static long S_days(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int S_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

long dyad__day_number(const char *s, int *ok)
{
    *ok = 0;
    if (!s || strlen(s) != 10 || !dyad__date_valid(s, 10)) return 0;
    *ok = 1;
    return S_days(atol(s), atol(s + 5), atol(s + 8));
}

/* Reads a date as written in a record; sets the precision and the
 * comparable number.  0 on success. */
static int S_parse_date(const char *s, dyad_date_precision *prec, long *when)
{
    size_t n = strlen(s);
    int ok;
    if (n == 10) {
        *when = dyad__day_number(s, &ok);
        *prec = DYAD_DATE_DAY;
        return ok ? 0 : -1;
    }
    if (n == 7 && S_digits(s, 4) && s[4] == '-' && S_digits(s + 5, 2)) {
        long mo = atol(s + 5);
        if (mo < 1 || mo > 12) return -1;
        *when = atol(s) * 12 + mo - 1;
        *prec = DYAD_DATE_MONTH;
        return 0;
    }
    if (n == 4 && S_digits(s, 4)) {
        *when = atol(s);
        *prec = DYAD_DATE_YEAR;
        return 0;
    }
    return -1;
}

/* ---------------------------------------------------------- lifetime */

dyad_status dyad_consolidator_new(dyad_consolidator **out)
{
    DYAD_FAIL_IF(!out, DYAD_EINVAL);
    dyad_consolidator *c = calloc(1, sizeof *c);
    *out = c;
    DYAD_FAIL_IF(!c, DYAD_ENOMEM);
    dyad__arena_init(&c->arena, 0);
    dyad__arena_init(&c->earena, 0);
    return DYAD_OK;
}

static void S_clear_events(dyad_consolidator *c)
{
    c->nev = 0;
    dyad__arena_reset(&c->earena);
}

static void S_clear_problems(dyad_consolidator *c)
{
    for (size_t i = 0; i < c->nproblems; i++) free(c->problems[i]);
    c->nproblems = 0;
    c->dropped = 0;
}

void dyad_consolidator_reset(dyad_consolidator *c)
{
    if (!c) return;
    S_clear_events(c);
    c->nm = 0;
    dyad__arena_reset(&c->arena);
    S_clear_problems(c);
    dyad__err_clear(&c->err);
}

void dyad_consolidator_free(dyad_consolidator *c)
{
    if (!c) return;
    S_clear_problems(c);
    free(c->problems);
    dyad__arena_free(&c->arena);
    dyad__arena_free(&c->earena);
    free(c->m);
    free(c->ev);
    free(c->order);
    free(c->members);
    free(c);
}

const char *dyad_consolidator_errmsg(const dyad_consolidator *c)
{
    return c ? c->err.msg : "";
}

size_t dyad_consolidator_mention_count(const dyad_consolidator *c)
{
    return c ? c->nm : 0;
}

/* ------------------------------------------------------------ adding */

static const char *S_dup(dyad_consolidator *c, const char *s)
{
    if (!s) return NULL;
    return dyad__arena_strndup(&c->arena, s, strlen(s));
}

static int S_cmp_cstrp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fills the derived fields of a mention whose strings are set, and
 * appends it. */
static dyad_status S_push(dyad_consolidator *c, S_mention *m)
{
    if (c->nm == c->capm) {
        size_t cap = c->capm ? c->capm * 2 : 256;
        S_mention *p = realloc(c->m, cap * sizeof *p);
        DYAD_FAIL_IF(!p, DYAD_ENOMEM);
        c->m = p;
        c->capm = cap;
    }
    if (!m->source) m->source = "";
    if (!m->target) m->target = "";
    dyad_consolidation_key(m->source, m->target, m->key);
    dyad__code_node(m->code, m->node);
    if (m->nissues > 1)
        qsort(m->issues, m->nissues, sizeof *m->issues, S_cmp_cstrp);
    m->index = c->nm;
    m->event = S_NONE;
    c->m[c->nm++] = *m;
    S_clear_events(c);    /* events of an earlier run are stale */
    return DYAD_OK;
}

static const char *S_modality_names[] = {"asserted", "planned", "negated",
                                         "hypothetical"};

/* A string member: absent or null -> *out NULL, 0; a string -> copied,
 * 0; anything else -> -1. */
static int S_jstr(dyad_consolidator *c, json_t *obj, const char *name,
                  const char **out)
{
    json_t *v = json_object_get(obj, name);
    *out = NULL;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) return -1;
    *out = dyad__arena_strndup(&c->arena, json_string_value(v),
                               json_string_length(v));
    return *out ? 0 : -2;
}

#define S_BAD(...) dyad__err_set(&c->err, DYAD_EFORMAT, __VA_ARGS__)

static dyad_status S_from_json(dyad_consolidator *c, json_t *o, S_mention *m)
{
    static const char *const strs[] = {"doc_id", "source", "target", "code",
                                       "date", "doc_date", "doc_source",
                                       "source_text", "target_text"};
    const char **dst[] = {&m->doc_id, &m->source, &m->target, &m->code,
                          &m->date, &m->doc_date, &m->doc_source,
                          &m->source_text, &m->target_text};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(strs); i++) {
        int r = S_jstr(c, o, strs[i], dst[i]);
        if (r == -2) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
        if (r < 0) return S_BAD("field \"%s\" is not a string", strs[i]);
    }
    if (!m->doc_id || !*m->doc_id) return S_BAD("no \"doc_id\"");
    if (!m->code || !*m->code) return S_BAD("no \"code\"");
    if (strlen(m->code) >= DYAD__NODE_MAX)
        return S_BAD("\"code\" is longer than %d characters", DYAD__NODE_MAX - 1);
    json_t *v = json_object_get(o, "sentence_id");
    if (!json_is_integer(v)) return S_BAD("no integer \"sentence_id\"");
    m->sentence_id = json_integer_value(v);
    v = json_object_get(o, "sentence_start");
    m->sentence_start = json_is_integer(v) ? json_integer_value(v) : -1;

    m->prec = DYAD_DATE_UNKNOWN;
    if (m->date && S_parse_date(m->date, &m->prec, &m->when) != 0)
        return S_BAD("\"date\" \"%s\" is not YYYY, YYYY-MM or YYYY-MM-DD", m->date);
    if (m->doc_date) {
        int ok;
        (void)dyad__day_number(m->doc_date, &ok);
        if (!ok) return S_BAD("\"doc_date\" \"%s\" is not YYYY-MM-DD", m->doc_date);
    }

    v = json_object_get(o, "modality");
    m->modality = DYAD_ASSERTED;
    if (v && !json_is_null(v)) {
        const char *s = json_string_value(v);
        size_t k = 0;
        if (s)
            for (; k < DYAD_ARRAY_LEN(S_modality_names); k++)
                if (strcmp(s, S_modality_names[k]) == 0) break;
        if (!s || k == DYAD_ARRAY_LEN(S_modality_names))
            return S_BAD("\"modality\" is not asserted, planned, negated or hypothetical");
        m->modality = (int)k;
    }

    v = json_object_get(o, "location");
    if (v && !json_is_null(v)) {
        if (!json_is_object(v)) return S_BAD("\"location\" is not an object or null");
        const char *country;
        if (S_jstr(c, v, "country", &country) != 0 || !country)
            return S_BAD("\"location\" has no string \"country\"");
        m->has_loc = 1;
        m->loc.country = country;
        if (S_jstr(c, v, "name", &m->loc.name) != 0 ||
            S_jstr(c, v, "basis", &m->loc.basis) != 0 ||
            S_jstr(c, v, "text", &m->loc.text) != 0)
            return S_BAD("\"location\" has a field that is not a string");
        json_t *la = json_object_get(v, "lat"), *lo = json_object_get(v, "lon");
        m->loc.lat = json_is_number(la) ? json_number_value(la) : NAN;
        m->loc.lon = json_is_number(lo) ? json_number_value(lo) : NAN;
    }

    v = json_object_get(o, "issues");
    if (v && !json_is_null(v)) {
        if (!json_is_array(v)) return S_BAD("\"issues\" is not an array");
        size_t n = json_array_size(v);
        if (n) {
            m->issues = dyad__arena_alloc(&c->arena, n * sizeof *m->issues);
            if (!m->issues) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
        }
        for (size_t i = 0; i < n; i++) {
            json_t *s = json_array_get(v, i);
            if (!json_is_string(s)) return S_BAD("\"issues\" holds a value that is not a string");
            m->issues[i] = dyad__arena_strndup(&c->arena, json_string_value(s),
                                               json_string_length(s));
            if (!m->issues[i]) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
        }
        m->nissues = n;
    }
    return DYAD_OK;
}

dyad_status dyad_consolidator_add_json(dyad_consolidator *c, const char *line,
                                       size_t len)
{
    DYAD_FAIL_IF(!c || (!line && len), DYAD_EINVAL);
    dyad__err_clear(&c->err);
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' ||
                       line[i] == '\n'))
        i++;
    if (i == len) return DYAD_EOF;
    json_error_t je;
    json_t *o = json_loadb(line, len, 0, &je);
    if (!o) return dyad__err_set(&c->err, DYAD_EJSON, "malformed JSON at byte %d: %s",
                                 je.position, je.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return dyad__err_set(&c->err, DYAD_EFORMAT, "not a JSON object");
    }
    S_mention m;
    memset(&m, 0, sizeof m);
    dyad_status st = S_from_json(c, o, &m);
    json_decref(o);
    if (st != DYAD_OK) return st;
    st = S_push(c, &m);
    if (st != DYAD_OK) return dyad__err_set(&c->err, st, "out of memory");
    return DYAD_OK;
}

dyad_status dyad_consolidator_add_record(dyad_consolidator *c, const dyad_record *r)
{
    DYAD_FAIL_IF(!c || !r || !r->doc_id || !r->code || !*r->code ||
                 strlen(r->code) >= DYAD__NODE_MAX, DYAD_EINVAL);
    DYAD_FAIL_IF((int)r->modality < DYAD_ASSERTED || (int)r->modality > DYAD_HYPOTHETICAL,
                 DYAD_EINVAL);
    dyad__err_clear(&c->err);
    S_mention m;
    memset(&m, 0, sizeof m);
    m.doc_id = S_dup(c, r->doc_id);
    m.sentence_id = (long long)r->sentence_id;
    m.sentence_start = (long long)r->sentence_start;
    m.modality = (int)r->modality;
    m.source = S_dup(c, r->source);
    m.target = S_dup(c, r->target);
    m.code = S_dup(c, r->code);
    m.source_text = S_dup(c, r->source_text);
    m.target_text = S_dup(c, r->target_text);
    m.doc_date = S_dup(c, r->doc_date);
    m.doc_source = S_dup(c, r->doc_source);
    m.prec = DYAD_DATE_UNKNOWN;
    if (r->date) {
        m.date = S_dup(c, r->date);
        if (m.date && S_parse_date(m.date, &m.prec, &m.when) != 0) {
            m.date = NULL;
            m.prec = DYAD_DATE_UNKNOWN;
        }
    }
    if (r->location && r->location->country) {
        m.has_loc = 1;
        m.loc.country = S_dup(c, r->location->country);
        m.loc.name = S_dup(c, r->location->name);
        m.loc.basis = S_dup(c, r->location->basis);
        m.loc.text = S_dup(c, r->location->text);
        m.loc.lat = r->location->name ? r->location->lat : NAN;
        m.loc.lon = r->location->name ? r->location->lon : NAN;
    }
    if (r->nissues) {
        m.issues = dyad__arena_alloc(&c->arena, r->nissues * sizeof *m.issues);
        if (m.issues) {
            for (size_t i = 0; i < r->nissues; i++) m.issues[i] = S_dup(c, r->issues[i]);
            m.nissues = r->nissues;
        }
    }
    if (c->arena.over_cap || !m.doc_id || !m.code || (r->nissues && !m.issues))
        return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    for (size_t i = 0; i < m.nissues; i++)
        if (!m.issues[i]) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    dyad_status st = S_push(c, &m);
    if (st != DYAD_OK) return dyad__err_set(&c->err, st, "out of memory");
    return DYAD_OK;
}

/* --------------------------------------------------- canonical order */

/* The whole content of a mention, for ties: two mentions equal here are
 * interchangeable in every output. */
static int S_cmp_content(const S_mention *a, const S_mention *b)
{
    int r;
    if ((r = strcmp(a->doc_id, b->doc_id))) return r;
    if ((r = S_cmpll(a->sentence_id, b->sentence_id))) return r;
    if ((r = S_cmpll(a->sentence_start, b->sentence_start))) return r;
    if ((r = strcmp(a->source, b->source))) return r;
    if ((r = strcmp(a->target, b->target))) return r;
    if ((r = strcmp(a->code, b->code))) return r;
    if ((r = S_cmpstr(a->date, b->date))) return r;
    if ((r = S_cmpll(a->modality, b->modality))) return r;
    if ((r = S_cmpstr(a->doc_date, b->doc_date))) return r;
    if ((r = S_cmpstr(a->doc_source, b->doc_source))) return r;
    if ((r = S_cmpstr(a->source_text, b->source_text))) return r;
    if ((r = S_cmpstr(a->target_text, b->target_text))) return r;
    if ((r = S_cmpll(a->has_loc, b->has_loc))) return r;
    if (a->has_loc) {
        if ((r = S_cmpstr(a->loc.country, b->loc.country))) return r;
        if ((r = S_cmpstr(a->loc.name, b->loc.name))) return r;
        if ((r = S_cmpstr(a->loc.basis, b->loc.basis))) return r;
        if ((r = S_cmpstr(a->loc.text, b->loc.text))) return r;
        if ((r = S_cmpdbl(a->loc.lat, b->loc.lat))) return r;
        if ((r = S_cmpdbl(a->loc.lon, b->loc.lon))) return r;
    }
    if ((r = S_cmpll((long long)a->nissues, (long long)b->nissues))) return r;
    for (size_t i = 0; i < a->nissues; i++)
        if ((r = strcmp(a->issues[i], b->issues[i]))) return r;
    return 0;
}

/* Cell identity inside a group: precision, then date (or the document for
 * undated ones), then code. */
static int S_cmp_cell(const S_mention *a, const S_mention *b)
{
    int r;
    if ((r = S_cmpll(b->prec, a->prec))) return r;       /* day first */
    if (a->prec == DYAD_DATE_UNKNOWN) {
        if ((r = strcmp(a->doc_id, b->doc_id))) return r;
    } else if ((r = S_cmpll(a->when, b->when))) {
        return r;
    }
    return strcmp(a->code, b->code);
}

static _Thread_local const S_mention *S_sort_base;   /* qsort context */

static int S_cmp_order(const void *pa, const void *pb)
{
    const S_mention *a = &S_sort_base[*(const size_t *)pa];
    const S_mention *b = &S_sort_base[*(const size_t *)pb];
    int r;
    if ((r = strcmp(a->key, b->key))) return r;
    if ((r = S_cmpll(a->modality, b->modality))) return r;
    if ((r = strncmp(a->node, b->node, 2))) return r;
    if ((r = S_cmp_cell(a, b))) return r;
    return S_cmp_content(a, b);
}

static int S_same_group(const S_mention *a, const S_mention *b)
{
    return strcmp(a->key, b->key) == 0 && a->modality == b->modality &&
           strncmp(a->node, b->node, 2) == 0;
}

/* ---------------------------------------------------------- clustering */

typedef struct S_run {
    dyad_consolidator *c;
    S_cell *cells;
    size_t ncells;
    size_t *seeds;                /* cell indices in seed order */
} S_run;

static const S_mention *S_cell_m(const S_run *r, size_t cell)
{
    return &r->c->m[r->c->order[r->cells[cell].first]];
}

static size_t S_depth(const S_mention *m) { return strlen(m->node); }

static _Thread_local const S_run *S_seed_run;

/* Seeds: most specific code, most mentions, earliest, smallest code. */
static int S_cmp_seed(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const S_mention *a = S_cell_m(S_seed_run, ia), *b = S_cell_m(S_seed_run, ib);
    int r;
    if ((r = S_cmpll((long long)S_depth(b), (long long)S_depth(a)))) return r;
    if ((r = S_cmpll((long long)S_seed_run->cells[ib].n,
                     (long long)S_seed_run->cells[ia].n))) return r;
    if ((r = S_cmp_cell(a, b))) return r;
    return (ia > ib) - (ia < ib);
}

static dyad_status S_new_event(dyad_consolidator *c, size_t seed_cell, long when,
                               size_t *out)
{
    if (c->nev == c->capev) {
        size_t cap = c->capev ? c->capev * 2 : 64;
        S_event *p = realloc(c->ev, cap * sizeof *p);
        DYAD_FAIL_IF(!p, DYAD_ENOMEM);
        c->ev = p;
        c->capev = cap;
    }
    S_event *e = &c->ev[c->nev];
    memset(e, 0, sizeof *e);
    e->seed = seed_cell;
    e->when = when;
    *out = c->nev++;
    return DYAD_OK;
}

/* The cell of the group [lo, hi) (cells sorted by S_cmp_cell) with the
 * precision, date or document, and code of probe; S_NONE when none. */
static size_t S_find_cell(const S_run *r, size_t lo, size_t hi, const S_mention *probe)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int k = S_cmp_cell(S_cell_m(r, mid), probe);
        if (k == 0) return mid;
        if (k < 0) lo = mid + 1; else hi = mid;
    }
    return S_NONE;
}

/* The code strings whose node is an ancestor of node or node itself:
 * "0411" -> 04, 040, 041, 0411.  Returns how many (at most 2 + len). */
static size_t S_ancestors(const char *node, char out[8][DYAD__NODE_MAX])
{
    size_t len = strlen(node), n = 0;
    for (size_t k = 2; k <= len; k++) {
        memcpy(out[n], node, k);
        out[n++][k] = 0;
        if (k == 2) {
            memcpy(out[n], node, 2);
            out[n][2] = '0';
            out[n++][3] = 0;
        }
    }
    if (len < 2) {
        memcpy(out[0], node, len + 1);
        n = 1;
    }
    return n;
}

static int S_is_ancestor(const char *anc, const char *node)
{
    size_t k = strlen(anc);
    return k <= strlen(node) && memcmp(anc, node, k) == 0;
}

/* Seeds the unassigned cells of [lo, hi) (all of one precision) into
 * events; span is 1 for days (a cell within one day joins), 0 else. */
static dyad_status S_seed_cells(S_run *r, size_t lo, size_t hi, long span)
{
    dyad_consolidator *c = r->c;
    size_t ns = 0;
    for (size_t i = lo; i < hi; i++)
        if (r->cells[i].event == S_NONE) r->seeds[ns++] = i;
    S_seed_run = r;
    qsort(r->seeds, ns, sizeof *r->seeds, S_cmp_seed);
    for (size_t s = 0; s < ns; s++) {
        size_t sc = r->seeds[s];
        if (r->cells[sc].event != S_NONE) continue;
        const S_mention *sm = S_cell_m(r, sc);
        size_t ev;
        DYAD_TRY(S_new_event(c, sc, sm->when, &ev));
        r->cells[sc].event = ev;
        char anc[8][DYAD__NODE_MAX];
        size_t na = S_ancestors(sm->node, anc);
        S_mention probe = *sm;
        for (long d = -span; d <= span; d++) {
            probe.when = sm->when + d;
            for (size_t a = 0; a < na; a++) {
                probe.code = anc[a];
                size_t k = S_find_cell(r, lo, hi, &probe);
                if (k != S_NONE && r->cells[k].event == S_NONE) r->cells[k].event = ev;
            }
        }
    }
    return DYAD_OK;
}

/* Recounts the events' mentions from the assigned cells of the group. */
static void S_count(S_run *r, size_t glo, size_t ghi, size_t ev_lo)
{
    dyad_consolidator *c = r->c;
    for (size_t e = ev_lo; e < c->nev; e++) c->ev[e].count = 0;
    for (size_t i = glo; i < ghi; i++)
        if (r->cells[i].event != S_NONE) c->ev[r->cells[i].event].count += r->cells[i].n;
}

static dyad_date_precision S_event_prec(const S_run *r, const S_event *e)
{
    return S_cell_m(r, e->seed)->prec;
}

/* The first and last day numbers of a month (y*12+m-1) or a year. */
static void S_span(dyad_date_precision p, long when, long *lo, long *hi)
{
    if (p == DYAD_DATE_MONTH) {
        long y = when >= 0 ? when / 12 : -((-when + 11) / 12);
        long mo = when - y * 12 + 1;
        *lo = S_days(y, mo, 1);
        *hi = (mo == 12 ? S_days(y + 1, 1, 1) : S_days(y, mo + 1, 1)) - 1;
    } else if (p == DYAD_DATE_YEAR) {
        *lo = S_days(when, 1, 1);
        *hi = S_days(when + 1, 1, 1) - 1;
    } else {
        *lo = *hi = when;
    }
}

static _Thread_local const S_run *S_attach_run;

/* Events by the first day of their date, then by index. */
static int S_cmp_evday(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const S_event *a = &S_attach_run->c->ev[ia], *b = &S_attach_run->c->ev[ib];
    long la, lb, h;
    S_span(S_event_prec(S_attach_run, a), a->when, &la, &h);
    S_span(S_event_prec(S_attach_run, b), b->when, &lb, &h);
    if (la != lb) return la < lb ? -1 : 1;
    return (ia > ib) - (ia < ib);
}

/* Attaches each unassigned cell of [lo, hi) (months or years) to the best
 * event among [ev_lo, ev_hi) whose date lies inside the cell's span and
 * whose code descends from the cell's: most mentions (counted before the
 * step), most precise, earliest, smallest code, first seed content. */
static dyad_status S_attach(S_run *r, size_t lo, size_t hi, size_t ev_lo, size_t ev_hi)
{
    dyad_consolidator *c = r->c;
    size_t ne = ev_hi - ev_lo;
    if (ne == 0 || lo == hi) return DYAD_OK;
    size_t *idx = malloc(ne * sizeof *idx);
    long *first = malloc(ne * sizeof *first);
    if (!idx || !first) { free(idx); free(first); return DYAD_ENOMEM; }
    for (size_t e = 0; e < ne; e++) idx[e] = ev_lo + e;
    S_attach_run = r;
    qsort(idx, ne, sizeof *idx, S_cmp_evday);
    for (size_t e = 0; e < ne; e++) {
        long h;
        const S_event *ev = &c->ev[idx[e]];
        S_span(S_event_prec(r, ev), ev->when, &first[e], &h);
    }
    for (size_t i = lo; i < hi; i++) {
        if (r->cells[i].event != S_NONE) continue;
        const S_mention *m = S_cell_m(r, i);
        long dlo, dhi;
        S_span(m->prec, m->when, &dlo, &dhi);
        size_t a = 0, b = ne;           /* first event starting >= dlo */
        while (a < b) {
            size_t mid = a + (b - a) / 2;
            if (first[mid] < dlo) a = mid + 1; else b = mid;
        }
        size_t best = S_NONE;
        for (size_t k = a; k < ne && first[k] <= dhi; k++) {
            size_t e = idx[k];
            const S_event *ev = &c->ev[e];
            dyad_date_precision ep = S_event_prec(r, ev);
            if (ep <= m->prec) continue;   /* a month event is no day of a month */
            const S_mention *sm = S_cell_m(r, ev->seed);
            if (!S_is_ancestor(m->node, sm->node)) continue;
            if (best != S_NONE) {
                const S_event *bv = &c->ev[best];
                const S_mention *bm = S_cell_m(r, bv->seed);
                int q = S_cmpll((long long)bv->count, (long long)ev->count);
                if (!q) q = S_cmpll(bm->prec, sm->prec);
                if (!q) {
                    long bl, h;
                    S_span(bm->prec, bv->when, &bl, &h);
                    q = S_cmpll(first[k], bl);
                }
                if (!q) q = strcmp(sm->code, bm->code);
                if (!q) q = S_cmp_content(sm, bm);
                if (q >= 0) continue;
            }
            best = e;
        }
        r->cells[i].event = best;
    }
    free(idx);
    free(first);
    return DYAD_OK;
}

/* The best-evidenced day of each day event of the group: the day with the
 * most mentions, the earliest on a tie.  Day cells are sorted by day, so
 * one pass over the runs of cells of one day does it. */
static void S_best_day(S_run *r, size_t lo, size_t hi, size_t ev_lo)
{
    dyad_consolidator *c = r->c;
    for (size_t e = ev_lo; e < c->nev; e++) {
        c->ev[e].count = 0;
        c->ev[e].when = LONG_MAX;
    }
    for (size_t i = lo; i < hi;) {
        size_t j = i + 1;
        long day = S_cell_m(r, i)->when;
        while (j < hi && S_cell_m(r, j)->when == day) j++;
        for (size_t k = i; k < j; k++) {
            size_t ev = r->cells[k].event;
            int seen = 0;
            size_t n = 0;
            for (size_t q = i; q < j; q++) {
                if (r->cells[q].event != ev) continue;
                if (q < k) { seen = 1; break; }
                n += r->cells[q].n;
            }
            if (seen) continue;
            S_event *e = &c->ev[ev];
            if (n > e->count || (n == e->count && day < e->when)) {
                e->count = n;
                e->when = day;
            }
        }
        i = j;
    }
}

static dyad_status S_cluster_group(S_run *r, size_t glo, size_t ghi)
{
    dyad_consolidator *c = r->c;
    size_t ev_lo = c->nev;
    /* the cells of the group are sorted day, month, year, undated */
    size_t b[5] = {glo, glo, glo, glo, ghi};
    static const dyad_date_precision precs[3] = {DYAD_DATE_DAY, DYAD_DATE_MONTH,
                                                 DYAD_DATE_YEAR};
    for (int p = 0; p < 3; p++) {
        size_t i = b[p];
        while (i < ghi && S_cell_m(r, i)->prec == precs[p]) i++;
        b[p + 1] = i;
    }
    /* 1: days */
    DYAD_TRY(S_seed_cells(r, b[0], b[1], 1));
    /* the event's day: the best-evidenced one (count used as scratch) */
    S_best_day(r, b[0], b[1], ev_lo);
    size_t ev_days = c->nev;
    /* 2: months */
    S_count(r, b[0], b[1], ev_lo);
    DYAD_TRY(S_attach(r, b[1], b[2], ev_lo, ev_days));
    DYAD_TRY(S_seed_cells(r, b[1], b[2], 0));
    size_t ev_months = c->nev;
    /* 3: years */
    S_count(r, b[0], b[2], ev_lo);
    DYAD_TRY(S_attach(r, b[2], b[3], ev_lo, ev_months));
    DYAD_TRY(S_seed_cells(r, b[2], b[3], 0));
    /* 4: undated, per document: cells of one document are adjacent */
    for (size_t i = b[3]; i < ghi;) {
        size_t j = i + 1;
        while (j < ghi && strcmp(S_cell_m(r, j)->doc_id, S_cell_m(r, i)->doc_id) == 0) j++;
        DYAD_TRY(S_seed_cells(r, i, j, 0));
        i = j;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------ event content */

static _Thread_local const S_mention *S_ev_base;

static int S_cmp_idx_content(const void *pa, const void *pb)
{
    return S_cmp_content(&S_ev_base[*(const size_t *)pa], &S_ev_base[*(const size_t *)pb]);
}

static int S_cmp_idx_actors(const void *pa, const void *pb)
{
    const S_mention *a = &S_ev_base[*(const size_t *)pa], *b = &S_ev_base[*(const size_t *)pb];
    int r = strcmp(a->source, b->source);
    return r ? r : strcmp(a->target, b->target);
}

/* Located before unlocated; named before country-only; then bytes. */
static int S_cmp_idx_place(const void *pa, const void *pb)
{
    const S_mention *a = &S_ev_base[*(const size_t *)pa], *b = &S_ev_base[*(const size_t *)pb];
    if (a->has_loc != b->has_loc) return a->has_loc ? -1 : 1;
    if (!a->has_loc) return 0;
    if (!a->loc.name != !b->loc.name) return a->loc.name ? -1 : 1;
    int r = strcmp(a->loc.country, b->loc.country);
    return r ? r : S_cmpstr(a->loc.name, b->loc.name);
}

static int S_cmp_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return (a > b) - (a < b);
}

static uint64_t S_fnv(uint64_t h, const char *s)
{
    if (!s) s = "";
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    h ^= 0xff;                    /* field separator */
    h *= 1099511628211ull;
    return h;
}

static char *S_edup(dyad_consolidator *c, const char *s)
{
    if (!s) return NULL;
    return dyad__arena_strndup(&c->earena, s, strlen(s));
}

/* v (>= 0) in decimal at p, at least width digits (zeros before), as
 * "%0*ld" writes it; returns the byte after.  Dates are formatted for
 * every event: snprintf cost more than the rest of naming it. */
static char *S_put_num(char *p, long v, int width)
{
    char tmp[24];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k < width) tmp[k++] = '0';
    while (k) *p++ = tmp[--k];
    return p;
}

static char *S_format_date(dyad_consolidator *c, const S_event *e, dyad_date_precision p)
{
    char buf[64];
    long w = e->when;
    if (p == DYAD_DATE_DAY) {
        long z = w + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long mo = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (mo <= 2);
        if (y >= 0) {
            char *q = S_put_num(buf, y, 4);
            *q++ = '-';
            q = S_put_num(q, mo, 2);
            *q++ = '-';
            *S_put_num(q, d, 2) = 0;
        } else {
            snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, mo, d);
        }
    } else if (p == DYAD_DATE_MONTH) {
        if (w >= 0) {
            char *q = S_put_num(buf, w / 12, 4);
            *q++ = '-';
            *S_put_num(q, w % 12 + 1, 2) = 0;
        } else {
            snprintf(buf, sizeof buf, "%04ld-%02ld", w / 12, w % 12 + 1);
        }
    } else if (p == DYAD_DATE_YEAR) {
        if (w >= 0) *S_put_num(buf, w, 4) = 0;
        else snprintf(buf, sizeof buf, "%04ld", w);
    } else {
        return NULL;
    }
    return S_edup(c, buf);
}

/* Fills the public fields of event e from its members mem[0..n) (mention
 * indices, sorted by content). */
static dyad_status S_fill(dyad_consolidator *c, S_event *e, dyad_date_precision prec,
                          const char *seed_code, size_t *mem, size_t n)
{
    const S_mention *M = c->m;
    dyad_cevent *p = &e->pub;
    const S_mention *first = &M[mem[0]];
    p->key = S_edup(c, first->key);
    p->modality = (dyad_modality_kind)first->modality;
    p->date_precision = prec;
    p->date = S_format_date(c, e, prec);
    p->code = S_edup(c, seed_code);
    const dyad_cameo_info *info = dyad__cameo_find(seed_code, strlen(seed_code));
    if (info) {
        p->root = info->root;
        p->quad_class = info->quad_class;
        p->goldstein = info->goldstein;
        p->plover = info->plover;
    } else {
        char root[3] = {seed_code[0], seed_code[0] ? seed_code[1] : 0, 0};
        p->root = S_edup(c, root);
        p->quad_class = 0;
        p->goldstein = NAN;
        p->plover = NULL;
    }

    /* actors: the most frequent (source, target) pair, ties by byte
     * order; location: the most frequent (country, name), named before
     * country-only, then byte order.  Both by sorting a copy of mem. */
    size_t *tmpi = malloc(n * sizeof *tmpi);
    DYAD_FAIL_IF(!tmpi, DYAD_ENOMEM);
    memcpy(tmpi, mem, n * sizeof *tmpi);
    qsort(tmpi, n, sizeof *tmpi, S_cmp_idx_actors);
    const S_mention *am = NULL;
    size_t amn = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && S_cmp_idx_actors(&tmpi[i], &tmpi[j]) == 0) j++;
        if (j - i > amn) { amn = j - i; am = &M[tmpi[i]]; }
        i = j;
    }
    /* the texts: from the first member by content with those codes */
    for (size_t i = 0; i < n; i++)
        if (strcmp(M[mem[i]].source, am->source) == 0 && strcmp(M[mem[i]].target, am->target) == 0) {
            am = &M[mem[i]];
            break;
        }
    p->source = S_edup(c, am->source);
    p->target = S_edup(c, am->target);
    p->source_text = S_edup(c, am->source_text);
    p->target_text = S_edup(c, am->target_text);

    memcpy(tmpi, mem, n * sizeof *tmpi);
    qsort(tmpi, n, sizeof *tmpi, S_cmp_idx_place);
    const S_mention *lm = NULL;
    size_t lmn = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        if (!M[tmpi[i]].has_loc) { i = j; continue; }
        while (j < n && S_cmp_idx_place(&tmpi[i], &tmpi[j]) == 0) j++;
        if (j - i > lmn) { lmn = j - i; lm = &M[tmpi[i]]; }
        i = j;
    }
    free(tmpi);
    if (lm) {
        for (size_t i = 0; i < n; i++) {
            const S_mention *a = &M[mem[i]];
            if (a->has_loc && strcmp(a->loc.country, lm->loc.country) == 0 &&
                S_cmpstr(a->loc.name, lm->loc.name) == 0) {
                lm = a;
                break;
            }
        }
        e->loc.country = S_edup(c, lm->loc.country);
        e->loc.name = S_edup(c, lm->loc.name);
        e->loc.lat = lm->loc.lat;
        e->loc.lon = lm->loc.lon;
        e->loc.basis = S_edup(c, lm->loc.basis);
        e->loc.text = S_edup(c, lm->loc.text);
        p->location = &e->loc;
    } else {
        p->location = NULL;
    }

    /* issues, documents, sources, dates seen: sorted unique lists */
    size_t ni = 0;
    for (size_t i = 0; i < n; i++) ni += M[mem[i]].nissues;
    const char **tmp = malloc((ni + n + 1) * sizeof *tmp);
    DYAD_FAIL_IF(!tmp, DYAD_ENOMEM);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < M[mem[i]].nissues; j++) tmp[k++] = M[mem[i]].issues[j];
    qsort(tmp, k, sizeof *tmp, S_cmp_cstrp);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(tmp[u - 1], tmp[i])) tmp[u++] = tmp[i];
    const char **iss = u ? dyad__arena_alloc(&c->earena, u * sizeof *iss) : NULL;
    for (size_t i = 0; iss && i < u; i++) iss[i] = S_edup(c, tmp[i]);
    p->issues = iss;
    p->nissues = iss ? u : 0;

    k = 0;
    for (size_t i = 0; i < n; i++) tmp[k++] = M[mem[i]].doc_id;
    qsort(tmp, k, sizeof *tmp, S_cmp_cstrp);
    u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(tmp[u - 1], tmp[i])) tmp[u++] = tmp[i];
    const char **ids = dyad__arena_alloc(&c->earena, u * sizeof *ids);
    for (size_t i = 0; ids && i < u; i++) ids[i] = S_edup(c, tmp[i]);
    p->doc_ids = ids;
    p->ndoc_ids = p->num_articles = u;

    k = 0;
    for (size_t i = 0; i < n; i++)
        if (M[mem[i]].doc_source) tmp[k++] = M[mem[i]].doc_source;
    qsort(tmp, k, sizeof *tmp, S_cmp_cstrp);
    u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(tmp[u - 1], tmp[i])) tmp[u++] = tmp[i];
    p->num_sources = u;

    const char *fs = NULL, *ls = NULL;
    int lead = 0;
    for (size_t i = 0; i < n; i++) {
        const char *d = M[mem[i]].doc_date;
        if (M[mem[i]].sentence_id == 1) lead = 1;
        if (!d) continue;
        if (!fs || strcmp(d, fs) < 0) fs = d;
        if (!ls || strcmp(d, ls) > 0) ls = d;
    }
    free(tmp);
    p->first_seen = S_edup(c, fs);
    p->last_seen = S_edup(c, ls);
    p->lead = lead;
    p->num_mentions = n;

    /* the id: key, modality, code, date and the first member's identity */
    uint64_t h = 14695981039346656037ull;
    h = S_fnv(h, p->key);
    h = S_fnv(h, S_modality_names[p->modality]);
    h = S_fnv(h, p->code);
    h = S_fnv(h, p->date);
    h = S_fnv(h, first->doc_id);
    char num[32];
    dyad__fmt_ll(num, first->sentence_id);
    h = S_fnv(h, num);
    h = S_fnv(h, first->source);
    h = S_fnv(h, first->target);
    h = S_fnv(h, first->code);
    char id[17];
    uint64_t v = h & 0x7fffffffffffffffull;
    for (int i = 15; i >= 0; i--, v >>= 4) id[i] = "0123456789abcdef"[v & 15];
    id[16] = 0;
    p->event_id = S_edup(c, id);

    /* the members in order of adding */
    size_t *idx = dyad__arena_alloc(&c->earena, n * sizeof *idx);
    if (idx) {
        for (size_t i = 0; i < n; i++) idx[i] = M[mem[i]].index;
        qsort(idx, n, sizeof *idx, S_cmp_size);
    }
    p->mentions = idx;
    if (c->earena.over_cap || !p->key || !p->code || !p->event_id || !ids || !idx ||
        (prec != DYAD_DATE_UNKNOWN && !p->date))
        return DYAD_ENOMEM;
    return DYAD_OK;
}

static _Thread_local const S_event *S_sort_ev;

static int S_cmp_event(const void *pa, const void *pb)
{
    const dyad_cevent *a = &S_sort_ev[*(const size_t *)pa].pub;
    const dyad_cevent *b = &S_sort_ev[*(const size_t *)pb].pub;
    int r;
    if ((r = S_cmpstr(a->date, b->date))) return r;
    if ((r = strcmp(a->key, b->key))) return r;
    if ((r = strcmp(a->code, b->code))) return r;
    if ((r = strcmp(a->source, b->source))) return r;
    if ((r = strcmp(a->target, b->target))) return r;
    return strcmp(a->event_id, b->event_id);
}

dyad_status dyad_consolidator_run(dyad_consolidator *c)
{
    DYAD_FAIL_IF(!c, DYAD_EINVAL);
    dyad__err_clear(&c->err);
    S_clear_events(c);
    size_t n = c->nm;
    free(c->order);
    free(c->members);
    c->order = NULL;
    c->members = NULL;
    if (n == 0) return DYAD_OK;
    S_run r = {c, NULL, 0, NULL};
    c->order = malloc(n * sizeof *c->order);
    c->members = malloc(n * sizeof *c->members);
    r.cells = malloc(n * sizeof *r.cells);
    r.seeds = malloc(n * sizeof *r.seeds);
    size_t *start = NULL, *ord = NULL;
    dyad_status st = DYAD_ENOMEM;
    if (!c->order || !c->members || !r.cells || !r.seeds) goto fail;
    for (size_t i = 0; i < n; i++) c->order[i] = i;
    S_sort_base = c->m;
    qsort(c->order, n, sizeof *c->order, S_cmp_order);

    /* cells */
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        const S_mention *a = &c->m[c->order[i]];
        while (j < n && S_same_group(a, &c->m[c->order[j]]) &&
               S_cmp_cell(a, &c->m[c->order[j]]) == 0)
            j++;
        r.cells[r.ncells++] = (S_cell){i, j - i, S_NONE};
        i = j;
    }
    /* groups of cells */
    for (size_t i = 0; i < r.ncells;) {
        size_t j = i + 1;
        while (j < r.ncells && S_same_group(S_cell_m(&r, i), S_cell_m(&r, j))) j++;
        if ((st = S_cluster_group(&r, i, j)) != DYAD_OK) goto fail;
        i = j;
    }
    /* members of each event, by content */
    start = calloc(c->nev + 1, sizeof *start);
    ord = malloc((c->nev ? c->nev : 1) * sizeof *ord);
    if (!start || !ord) { st = DYAD_ENOMEM; goto fail; }
    for (size_t i = 0; i < r.ncells; i++)
        for (size_t k = 0; k < r.cells[i].n; k++) c->m[c->order[r.cells[i].first + k]].event = r.cells[i].event;
    for (size_t i = 0; i < n; i++) start[c->m[i].event + 1]++;
    for (size_t e = 0; e < c->nev; e++) start[e + 1] += start[e];
    {
        size_t *fill = malloc((c->nev ? c->nev : 1) * sizeof *fill);
        if (!fill) { st = DYAD_ENOMEM; goto fail; }
        memcpy(fill, start, c->nev * sizeof *fill);
        for (size_t i = 0; i < n; i++) c->members[fill[c->m[i].event]++] = i;
        free(fill);
    }
    S_ev_base = c->m;
    for (size_t e = 0; e < c->nev; e++) {
        size_t *mem = c->members + start[e];
        size_t k = start[e + 1] - start[e];
        qsort(mem, k, sizeof *mem, S_cmp_idx_content);
        const S_mention *sm = S_cell_m(&r, c->ev[e].seed);
        st = S_fill(c, &c->ev[e], sm->prec, sm->code, mem, k);
        if (st != DYAD_OK) goto fail;
    }
    /* canonical order of events: sort an index, then permute */
    for (size_t e = 0; e < c->nev; e++) ord[e] = e;
    S_sort_ev = c->ev;
    qsort(ord, c->nev, sizeof *ord, S_cmp_event);
    {
        S_event *sorted = malloc((c->nev ? c->nev : 1) * sizeof *sorted);
        if (!sorted) { st = DYAD_ENOMEM; goto fail; }
        for (size_t e = 0; e < c->nev; e++) {
            sorted[e] = c->ev[ord[e]];
            if (sorted[e].pub.location) sorted[e].pub.location = &sorted[e].loc;
        }
        free(c->ev);
        c->ev = sorted;
        c->capev = c->nev ? c->nev : 1;
    }
    st = DYAD_OK;
fail:
    free(start);
    free(ord);
    free(r.cells);
    free(r.seeds);
    if (st != DYAD_OK) {
        S_clear_events(c);
        dyad__err_set(&c->err, st, "out of memory while consolidating");
    }
    return st;
}

size_t dyad_consolidator_event_count(const dyad_consolidator *c)
{
    return c ? c->nev : 0;
}

const dyad_cevent *dyad_consolidator_event(const dyad_consolidator *c, size_t i)
{
    if (!c || i >= c->nev) return NULL;
    return &c->ev[i].pub;
}

/* ------------------------------------------------------------- files */

#define S_MAX_PROBLEMS 1000

size_t dyad_consolidator_problem_count(const dyad_consolidator *c)
{
    return c ? c->nproblems : 0;
}

const char *dyad_consolidator_problem(const dyad_consolidator *c, size_t i)
{
    return c && i < c->nproblems ? c->problems[i] : NULL;
}

static void S_problem(dyad_consolidator *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void S_problem(dyad_consolidator *c, const char *fmt, ...)
{
    if (c->nproblems >= S_MAX_PROBLEMS) { c->dropped++; return; }
    if (c->nproblems == c->capproblems) {
        size_t cap = c->capproblems ? c->capproblems * 2 : 16;
        char **p = realloc(c->problems, cap * sizeof *p);
        if (!p) { c->dropped++; return; }
        c->problems = p;
        c->capproblems = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char msg[DYAD__ERR_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dyad__err e;
    dyad__err_set(&e, DYAD_EFORMAT, "%s", msg);   /* escapes control bytes */
    char *copy = strdup(e.msg);
    if (!copy) { c->dropped++; return; }
    c->problems[c->nproblems++] = copy;
}

dyad_status dyad_consolidator_add_file(dyad_consolidator *c, const char *path)
{
    DYAD_FAIL_IF(!c || !path, DYAD_EINVAL);
    S_clear_problems(c);
    dyad__err_clear(&c->err);
    int is_stdin = strcmp(path, "-") == 0;
    const char *why = NULL;
    FILE *f = is_stdin ? stdin : dyad__fopen_regular(path, &why);
    if (!f) {
        S_problem(c, "%s: cannot open: %s", path, why ? why : "unknown error");
        return dyad__err_set(&c->err, DYAD_EIO, "%s: cannot open: %s", path,
                             why ? why : "unknown error");
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    dyad_status st = DYAD_OK;
    size_t bad = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        dyad_status r = dyad_consolidator_add_json(c, line, (size_t)len);
        if (r == DYAD_OK || r == DYAD_EOF) continue;
        if (r == DYAD_ENOMEM) { st = DYAD_ENOMEM; break; }
        bad++;
        S_problem(c, "%s:%lu: %s; line skipped", is_stdin ? "<stdin>" : path, lineno,
                  c->err.msg);
    }
    if (st == DYAD_OK && ferror(f)) {
        S_problem(c, "%s: read error after line %lu", path, lineno);
        st = DYAD_EIO;
    }
    free(line);
    if (!is_stdin) fclose(f);
    if (c->dropped) {
        size_t d = c->dropped;
        c->dropped = 0;
        c->nproblems--;               /* make room for the summary */
        free(c->problems[c->nproblems]);
        d++;
        S_problem(c, "%s: %zu more problems not listed", path, d);
    }
    if (st == DYAD_ENOMEM) return dyad__err_set(&c->err, st, "out of memory");
    if (st == DYAD_EIO) return dyad__err_set(&c->err, st, "%s: read error", path);
    if (bad) return dyad__err_set(&c->err, DYAD_EFORMAT, "%s: %zu malformed lines skipped",
                                  path, bad);
    return DYAD_OK;
}
