/*
 * test_consolidate.c -- the consolidation library: partition keys, code
 * lineage, the merging rule (reciprocal pairs, parent and child codes,
 * one day apart, month and year spans, modality), order independence,
 * event ids, counts, malformed lines and the writers.  Every mention
 * here is our own invention (Chile, Peru, Bolivia, Norway ...).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"
#include "store/store.h"

/* One mention line as `dyad code` writes it (the fields consolidation
 * reads, plus a few it ignores). */
typedef struct M {
    const char *doc, *src, *tgt, *code, *date, *modality, *agency, *doc_date;
    int sent;
    const char *country, *place;
} M;

static void S_line(char *out, size_t cap, const M *m)
{
    const char *date = m->date;
    const char *prec = !date ? "unknown" : strlen(date) == 10 ? "day"
                       : strlen(date) == 7 ? "month" : "year";
    char datej[32], agency[64], loc[160], dd[32];
    snprintf(datej, sizeof datej, date ? "\"%s\"" : "null", date ? date : "");
    snprintf(agency, sizeof agency, m->agency ? "\"%s\"" : "null", m->agency ? m->agency : "");
    snprintf(dd, sizeof dd, "\"%s\"", m->doc_date ? m->doc_date : "2021-03-04");
    if (m->country)
        snprintf(loc, sizeof loc,
                 "{\"country\":\"%s\",\"name\":%s%s%s,\"lat\":%s,\"lon\":%s,"
                 "\"basis\":\"text\",\"text\":\"in it\"}",
                 m->country, m->place ? "\"" : "", m->place ? m->place : "null",
                 m->place ? "\"" : "", m->place ? "-12.0464" : "null",
                 m->place ? "-77.0428" : "null");
    else
        snprintf(loc, sizeof loc, "null");
    snprintf(out, cap,
             "{\"doc_id\":\"%s\",\"sentence_id\":%d,\"date\":%s,\"date_precision\":\"%s\","
             "\"doc_date\":%s,\"doc_source\":%s,\"modality\":\"%s\",\"location\":%s,"
             "\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"issues\":[],"
             "\"source_text\":\"%s words\",\"target_text\":\"%s words\","
             "\"sentence\":\"Invented.\"}\n",
             m->doc, m->sent ? m->sent : 1, datej, prec, dd, agency,
             m->modality ? m->modality : "asserted", loc, m->src, m->tgt, m->code,
             m->src, m->tgt);
}

static dyad_consolidator *S_run(const M *ms, size_t n, const size_t *perm)
{
    dyad_consolidator *c;
    assert_int_equal(dyad_consolidator_new(&c), DYAD_OK);
    char line[1024];
    for (size_t i = 0; i < n; i++) {
        S_line(line, sizeof line, &ms[perm ? perm[i] : i]);
        assert_int_equal(dyad_consolidator_add_json(c, line, strlen(line)), DYAD_OK);
    }
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    return c;
}

/* The output in a format, as a string the caller frees. */
static char *S_output(dyad_consolidator *c, dyad_event_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    dyad_event_writer *w;
    assert_int_equal(dyad_event_writer_new(&w, f, fmt), DYAD_OK);
    for (size_t i = 0; i < dyad_consolidator_event_count(c); i++)
        dyad_event_writer_write(w, dyad_consolidator_event(c, i));
    assert_int_equal(dyad_event_writer_flush(w), DYAD_OK);
    dyad_event_writer_free(w);
    fclose(f);
    return buf;
}

/* The event holding mention i (in order of adding). */
static const dyad_cevent *S_event_of(dyad_consolidator *c, size_t i)
{
    for (size_t e = 0; e < dyad_consolidator_event_count(c); e++) {
        const dyad_cevent *ev = dyad_consolidator_event(c, e);
        for (size_t k = 0; k < ev->num_mentions; k++)
            if (ev->mentions[k] == i) return ev;
    }
    fail_msg("mention %zu is in no event", i);
    return NULL;
}

/* ---------------------------------------------------------------- keys */

static void test_key(void **state)
{
    (void)state;
    char a[16], b[16];
    dyad_consolidation_key("PERGOV", "CHLMIL", a);
    assert_string_equal(a, "CHL|PER");
    dyad_consolidation_key("CHL", "PERGOV", b);
    assert_string_equal(a, b);                   /* either direction, any role */
    dyad_consolidation_key("BOL", "", a);
    assert_string_equal(a, "BOL|");
    dyad_consolidation_key(NULL, "BOL", a);
    assert_string_equal(a, "|BOL");
    dyad_consolidation_key(NULL, NULL, a);
    assert_string_equal(a, "|");
    dyad_consolidation_key("IGOUNO", "NOR", a);
    assert_string_equal(a, "IGOUNO|NOR");
    dyad_consolidation_key("IGOEUREEC", "IGOUNO", a);
    assert_string_equal(a, "IGOEUR|IGOUNO");
    dyad_consolidation_key("NORGOV", "NOR", a);
    assert_string_equal(a, "NOR|NOR");
}

static void test_code_lineage(void **state)
{
    (void)state;
    char n[DYAD__NODE_MAX];
    assert_int_equal(dyad__code_node("040", n), 2);
    assert_string_equal(n, "04");
    assert_int_equal(dyad__code_node("041", n), 3);
    assert_int_equal(dyad__code_node("190", n), 2);
    assert_int_equal(dyad__code_node("1041", n), 4);
    assert_true(dyad__codes_compatible("040", "041"));
    assert_true(dyad__codes_compatible("0411", "041"));
    assert_true(dyad__codes_compatible("040", "0411"));
    assert_true(dyad__codes_compatible("04", "040"));
    assert_false(dyad__codes_compatible("041", "042"));
    assert_false(dyad__codes_compatible("040", "050"));
    assert_false(dyad__codes_compatible("0411", "0412"));
    int ok;
    assert_int_equal(dyad__day_number("1970-01-02", &ok), 1);
    assert_true(ok);
    assert_int_equal(dyad__day_number("2020-03-01", &ok) - dyad__day_number("2020-02-28", &ok), 2);
    dyad__day_number("2021-02-29", &ok);
    assert_false(ok);
}

/* ------------------------------------------------------------- merging */

static void test_reciprocal_pair(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d1", .src = "CHLGOV", .tgt = "PERGOV", .code = "041", .date = "2021-03-04"},
        {.doc = "d1", .src = "PERGOV", .tgt = "CHLGOV", .code = "041", .date = "2021-03-04"},
        {.doc = "d2", .src = "PER", .tgt = "CHL", .code = "041", .date = "2021-03-04"},
    };
    dyad_consolidator *c = S_run(ms, 3, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    const dyad_cevent *e = dyad_consolidator_event(c, 0);
    assert_int_equal(e->num_mentions, 3);
    assert_int_equal(e->num_articles, 2);
    assert_string_equal(e->key, "CHL|PER");
    /* the actors: each pair once; the tie goes to byte order */
    assert_string_equal(e->source, "CHLGOV");
    assert_string_equal(e->target, "PERGOV");
    dyad_consolidator_free(c);
}

static void test_parent_child(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d1", .src = "BOL", .tgt = "PER", .code = "040", .date = "2021-05-02"},
        {.doc = "d2", .src = "BOL", .tgt = "PER", .code = "041", .date = "2021-05-02"},
        {.doc = "d3", .src = "BOL", .tgt = "PER", .code = "040", .date = "2021-05-02"},
    };
    dyad_consolidator *c = S_run(ms, 3, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    const dyad_cevent *e = dyad_consolidator_event(c, 0);
    assert_string_equal(e->code, "041");           /* the most specific */
    assert_string_equal(e->root, "04");
    assert_int_equal(e->quad_class, 1);
    assert_string_equal(e->plover, "CONSULT");
    assert_int_equal(e->num_articles, 3);
    dyad_consolidator_free(c);

    /* two different children stay apart; the parent joins the first
     * child by the seed order (equal support: the smaller code) */
    const M sib[] = {
        {.doc = "d1", .src = "BOL", .tgt = "PER", .code = "042", .date = "2021-05-02"},
        {.doc = "d2", .src = "BOL", .tgt = "PER", .code = "041", .date = "2021-05-02"},
        {.doc = "d3", .src = "BOL", .tgt = "PER", .code = "040", .date = "2021-05-02"},
    };
    c = S_run(sib, 3, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 2);
    assert_string_equal(S_event_of(c, 1)->code, "041");
    assert_ptr_equal(S_event_of(c, 2), S_event_of(c, 1));
    assert_string_equal(S_event_of(c, 0)->code, "042");
    assert_int_equal(S_event_of(c, 0)->num_mentions, 1);
    dyad_consolidator_free(c);

    /* the better-supported child takes the parent */
    const M sib2[] = {
        {.doc = "d1", .src = "BOL", .tgt = "PER", .code = "042", .date = "2021-05-02"},
        {.doc = "d4", .src = "PER", .tgt = "BOL", .code = "042", .date = "2021-05-02"},
        {.doc = "d2", .src = "BOL", .tgt = "PER", .code = "041", .date = "2021-05-02"},
        {.doc = "d3", .src = "BOL", .tgt = "PER", .code = "040", .date = "2021-05-02"},
    };
    c = S_run(sib2, 4, NULL);
    assert_ptr_equal(S_event_of(c, 3), S_event_of(c, 0));
    assert_string_equal(S_event_of(c, 3)->code, "042");
    dyad_consolidator_free(c);

    /* different roots never merge */
    const M roots[] = {
        {.doc = "d1", .src = "BOL", .tgt = "PER", .code = "040", .date = "2021-05-02"},
        {.doc = "d2", .src = "BOL", .tgt = "PER", .code = "050", .date = "2021-05-02"},
    };
    c = S_run(roots, 2, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 2);
    dyad_consolidator_free(c);
}

static void test_days(void **state)
{
    (void)state;
    /* one day apart: one event; the date with more support wins */
    const M near[] = {
        {.doc = "d1", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-10"},
        {.doc = "d2", .src = "SWE", .tgt = "NOR", .code = "057", .date = "2021-08-11"},
        {.doc = "d3", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-11"},
    };
    dyad_consolidator *c = S_run(near, 3, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    assert_string_equal(dyad_consolidator_event(c, 0)->date, "2021-08-11");
    assert_string_equal(dyad_consolidator_event(c, 0)->date_precision == DYAD_DATE_DAY ? "day" : "?", "day");
    dyad_consolidator_free(c);

    /* two days apart: two events */
    const M far[] = {
        {.doc = "d1", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-10"},
        {.doc = "d2", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-12"},
    };
    c = S_run(far, 2, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 2);
    dyad_consolidator_free(c);

    /* a chain 10, 11, 12 with equal support does not chain: the earliest
     * day seeds and takes the 11th; the 12th is an event of its own */
    const M chain[] = {
        {.doc = "d1", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-10"},
        {.doc = "d2", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-11"},
        {.doc = "d3", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-12"},
    };
    c = S_run(chain, 3, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 2);
    assert_ptr_equal(S_event_of(c, 0), S_event_of(c, 1));
    assert_ptr_not_equal(S_event_of(c, 2), S_event_of(c, 1));
    dyad_consolidator_free(c);

    /* ... but a better-supported middle day takes both neighbours */
    const M mid[] = {
        {.doc = "d1", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-10"},
        {.doc = "d2", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-11"},
        {.doc = "d4", .src = "SWE", .tgt = "NOR", .code = "057", .date = "2021-08-11"},
        {.doc = "d3", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-08-12"},
    };
    c = S_run(mid, 4, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    assert_string_equal(dyad_consolidator_event(c, 0)->date, "2021-08-11");
    dyad_consolidator_free(c);

    /* across a month's end */
    const M edge[] = {
        {.doc = "d1", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-02-28"},
        {.doc = "d2", .src = "NOR", .tgt = "SWE", .code = "057", .date = "2021-03-01"},
    };
    c = S_run(edge, 2, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    dyad_consolidator_free(c);
}

static void test_month_year(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d1", .src = "CHL", .tgt = "ARG", .code = "061", .date = "2020-06-10"},
        {.doc = "d2", .src = "ARG", .tgt = "CHL", .code = "061", .date = "2020-06"},
        {.doc = "d3", .src = "CHL", .tgt = "ARG", .code = "06", .date = "2020"},
        {.doc = "d4", .src = "CHL", .tgt = "ARG", .code = "061", .date = "2020-07"},
        {.doc = "d5", .src = "CHL", .tgt = "ARG", .code = "061", .date = "2020-07"},
        {.doc = "d6", .src = "CHL", .tgt = "ARG", .code = "061", .date = "2019"},
        {.doc = "d7", .src = "CHL", .tgt = "ARG", .code = "0611", .date = "2020-06"},
    };
    dyad_consolidator *c = S_run(ms, 7, NULL);
    /* June's month mention joins the June day; the year 2020 joins the
     * best-supported event inside it (the June event: 2 mentions after
     * the month step; July's has 2 too, but the day is more precise); July's two month
     * mentions are one month event; 2019 stands alone; a month mention
     * more specific than the day event does not join it */
    const dyad_cevent *june = S_event_of(c, 0);
    assert_ptr_equal(S_event_of(c, 1), june);
    assert_ptr_equal(S_event_of(c, 2), june);
    assert_string_equal(june->date, "2020-06-10");
    assert_int_equal(june->date_precision, DYAD_DATE_DAY);
    const dyad_cevent *july = S_event_of(c, 3);
    assert_ptr_equal(S_event_of(c, 4), july);
    assert_string_equal(july->date, "2020-07");
    assert_int_equal(july->date_precision, DYAD_DATE_MONTH);
    assert_string_equal(S_event_of(c, 5)->date, "2019");
    assert_int_equal(S_event_of(c, 5)->date_precision, DYAD_DATE_YEAR);
    assert_string_equal(S_event_of(c, 6)->code, "0611");
    assert_int_equal(dyad_consolidator_event_count(c), 4);
    dyad_consolidator_free(c);
}

static void test_modality(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d1", .src = "PER", .tgt = "ECU", .code = "042", .date = "2022-01-05"},
        {.doc = "d2", .src = "PER", .tgt = "ECU", .code = "042", .date = "2022-01-05",
         .modality = "planned"},
        {.doc = "d3", .src = "ECU", .tgt = "PER", .code = "042", .date = "2022-01-05",
         .modality = "planned"},
        {.doc = "d4", .src = "PER", .tgt = "ECU", .code = "042", .date = "2022-01-05",
         .modality = "negated"},
        {.doc = "d5", .src = "PER", .tgt = "ECU", .code = "042", .date = "2022-01-05",
         .modality = "hypothetical"},
    };
    dyad_consolidator *c = S_run(ms, 5, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 4);
    assert_ptr_equal(S_event_of(c, 1), S_event_of(c, 2));
    assert_int_equal(S_event_of(c, 1)->modality, DYAD_PLANNED);
    assert_int_equal(S_event_of(c, 0)->modality, DYAD_ASSERTED);
    assert_int_equal(S_event_of(c, 0)->num_mentions, 1);
    assert_ptr_not_equal(S_event_of(c, 3), S_event_of(c, 0));
    assert_ptr_not_equal(S_event_of(c, 4), S_event_of(c, 0));
    dyad_consolidator_free(c);
}

static void test_undated(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d1", .src = "NOR", .tgt = "DNK", .code = "111", .sent = 2},
        {.doc = "d1", .src = "DNK", .tgt = "NOR", .code = "111", .sent = 5},
        {.doc = "d2", .src = "NOR", .tgt = "DNK", .code = "111"},
        {.doc = "d3", .src = "NOR", .tgt = "DNK", .code = "111", .date = "2022-01-05"},
    };
    dyad_consolidator *c = S_run(ms, 4, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 3);
    assert_ptr_equal(S_event_of(c, 0), S_event_of(c, 1));
    assert_null(S_event_of(c, 0)->date);
    assert_int_equal(S_event_of(c, 0)->date_precision, DYAD_DATE_UNKNOWN);
    /* undated events sort last */
    assert_string_equal(dyad_consolidator_event(c, 0)->date, "2022-01-05");
    dyad_consolidator_free(c);
}

/* --------------------------------------------------- content and order */

static void test_counts(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "z9", .src = "URY", .tgt = "PRY", .code = "036", .date = "2023-04-01",
         .agency = "Agencia Uno", .doc_date = "2023-04-02", .country = "URY", .place = "Salto"},
        {.doc = "a1", .src = "PRY", .tgt = "URY", .code = "036", .date = "2023-04-01",
         .agency = "Agencia Dos", .doc_date = "2023-04-01", .country = "URY", .place = "Salto"},
        {.doc = "a1", .src = "URY", .tgt = "PRY", .code = "036", .date = "2023-04-01", .sent = 3,
         .agency = "Agencia Dos", .doc_date = "2023-04-01", .country = "PRY"},
        {.doc = "m5", .src = "URY", .tgt = "PRY", .code = "036", .date = "2023-04-02",
         .doc_date = "2023-04-05"},
    };
    dyad_consolidator *c = S_run(ms, 4, NULL);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    const dyad_cevent *e = dyad_consolidator_event(c, 0);
    assert_int_equal(e->num_mentions, 4);
    assert_int_equal(e->num_articles, 3);
    assert_int_equal(e->num_sources, 2);             /* m5 has no source */
    assert_int_equal(e->ndoc_ids, 3);
    assert_string_equal(e->doc_ids[0], "a1");
    assert_string_equal(e->doc_ids[1], "m5");
    assert_string_equal(e->doc_ids[2], "z9");
    assert_string_equal(e->first_seen, "2023-04-01");
    assert_string_equal(e->last_seen, "2023-04-05");
    assert_string_equal(e->date, "2023-04-01");
    assert_non_null(e->location);
    assert_string_equal(e->location->country, "URY");
    assert_string_equal(e->location->name, "Salto");
    assert_true(e->lead);
    /* the actors: URY->PRY three times, PRY->URY once */
    assert_string_equal(e->source, "URY");
    assert_string_equal(e->source_text, "URY words");
    for (size_t k = 0; k < 4; k++) assert_int_equal(e->mentions[k], k);
    dyad_consolidator_free(c);
}

/* A fixed pseudo-random stream (no libc rand: the same on every libc). */
static uint32_t S_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static int S_cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_order_independence(void **state)
{
    (void)state;
    static const char *const actors[] = {"CHL", "PERGOV", "BOLMIL", "NOR", "CHLGOV", "PER"};
    static const char *const codes[] = {"040", "041", "042", "0411", "04", "190", "193", "057"};
    static const char *const dates[] = {"2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04",
                                        "2021-03-06", "2021-03", "2021-04", "2021", NULL,
                                        "2021-02-28"};
    static const char *const mods[] = {"asserted", "asserted", "asserted", "planned", "negated"};
    static const char *const agencies[] = {"North Wire", "South Wire", NULL};
    enum { N = 400 };
    M ms[N];
    static char docs[N][8];
    uint32_t s = 2463534242u;
    for (size_t i = 0; i < N; i++) {
        snprintf(docs[i], sizeof docs[i], "doc%02u", (unsigned)(S_next(&s) % 40));
        ms[i] = (M){.doc = docs[i],
                    .src = actors[S_next(&s) % 6],
                    .tgt = actors[S_next(&s) % 6],
                    .code = codes[S_next(&s) % 8],
                    .date = dates[S_next(&s) % 10],
                    .modality = mods[S_next(&s) % 5],
                    .agency = agencies[S_next(&s) % 3],
                    .sent = (int)(S_next(&s) % 9) + 1,
                    .country = S_next(&s) % 2 ? "CHL" : NULL,
                    .place = S_next(&s) % 2 ? "Arica" : NULL};
    }
    dyad_consolidator *c = S_run(ms, N, NULL);
    assert_true(dyad_consolidator_event_count(c) > 20);
    assert_true(dyad_consolidator_event_count(c) < N);
    char *want[4];
    for (int f = 0; f < 4; f++) want[f] = S_output(c, (dyad_event_format)f);
    dyad_consolidator_free(c);
    size_t perm[N];
    for (int round = 0; round < 5; round++) {
        for (size_t i = 0; i < N; i++) perm[i] = i;
        if (round == 0) {
            for (size_t i = 0; i < N; i++) perm[i] = N - 1 - i;
        } else {
            for (size_t i = N - 1; i > 0; i--) {
                size_t j = S_next(&s) % (i + 1), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
        }
        c = S_run(ms, N, perm);
        for (int f = 0; f < 4; f++) {
            char *got = S_output(c, (dyad_event_format)f);
            assert_string_equal(got, want[f]);
            free(got);
        }
        dyad_consolidator_free(c);
    }
    /* the store's way: one key at a time; the union of the events is
     * the events of the whole set (compared as sorted lines) */
    char *per_key = calloc(1, 1);
    size_t plen = 0;
    int done[N] = {0};
    for (size_t i = 0; i < N; i++) {
        if (done[i]) continue;
        char ki[16], kj[16];
        dyad_consolidation_key(ms[i].src, ms[i].tgt, ki);
        size_t sel[N], ns = 0;
        for (size_t j = i; j < N; j++) {
            dyad_consolidation_key(ms[j].src, ms[j].tgt, kj);
            if (!done[j] && strcmp(ki, kj) == 0) { sel[ns++] = j; done[j] = 1; }
        }
        c = S_run(ms, ns, sel);
        char *o = S_output(c, DYAD_EVENTS_JSONL);
        per_key = realloc(per_key, plen + strlen(o) + 1);
        memcpy(per_key + plen, o, strlen(o) + 1);
        plen += strlen(o);
        free(o);
        dyad_consolidator_free(c);
    }
    assert_int_equal(plen, strlen(want[0]));
    char *lines_a[N], *lines_b[N];
    size_t na = 0, nb = 0;
    for (char *t = strtok(want[0], "\n"); t; t = strtok(NULL, "\n")) lines_a[na++] = t;
    for (char *t = strtok(per_key, "\n"); t; t = strtok(NULL, "\n")) lines_b[nb++] = t;
    assert_int_equal(na, nb);
    qsort(lines_a, na, sizeof *lines_a, S_cmp_line);
    qsort(lines_b, nb, sizeof *lines_b, S_cmp_line);
    for (size_t i = 0; i < na; i++) assert_string_equal(lines_a[i], lines_b[i]);
    free(per_key);
    for (int f = 0; f < 4; f++) free(want[f]);
}

static void test_event_id(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d1", .src = "CHL", .tgt = "PER", .code = "041", .date = "2021-03-04"},
        {.doc = "d2", .src = "PER", .tgt = "CHL", .code = "040", .date = "2021-03-05"},
        {.doc = "d3", .src = "NOR", .tgt = "SWE", .code = "190", .date = "2021-03-04"},
    };
    dyad_consolidator *c = S_run(ms, 3, NULL);
    char id[32];
    snprintf(id, sizeof id, "%s", S_event_of(c, 0)->event_id);
    assert_int_equal(strlen(id), 16);
    assert_true(strspn(id, "0123456789abcdef") == 16);
    assert_true(strchr("01234567", id[0]) != NULL);  /* fits a signed 64-bit int */
    dyad_consolidator_free(c);

    /* another order, and without the unrelated NOR-SWE mention: same id */
    size_t perm[] = {1, 0};
    c = S_run(ms, 2, perm);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    assert_string_equal(dyad_consolidator_event(c, 0)->event_id, id);
    dyad_consolidator_free(c);

    /* a different act of the same pair on the same day: another id */
    const M other[] = {
        {.doc = "d1", .src = "CHL", .tgt = "PER", .code = "042", .date = "2021-03-04"},
        {.doc = "d2", .src = "PER", .tgt = "CHL", .code = "040", .date = "2021-03-05"},
    };
    c = S_run(other, 2, NULL);
    assert_string_not_equal(dyad_consolidator_event(c, 0)->event_id, id);
    dyad_consolidator_free(c);

    /* the run is repeatable on one handle */
    c = S_run(ms, 3, NULL);
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    assert_string_equal(S_event_of(c, 0)->event_id, id);
    dyad_consolidator_reset(c);
    assert_int_equal(dyad_consolidator_mention_count(c), 0);
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    assert_int_equal(dyad_consolidator_event_count(c), 0);
    dyad_consolidator_free(c);
}


/* Fuzz finding: mentions alike but for the location's point must not let
 * the input order pick the event's point. */
static void test_tie_on_point(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "{\"doc_id\":\"p1\",\"sentence_id\":1,\"date\":\"2021-03\",\"source\":\"CHL\","
        "\"target\":\"PER\",\"code\":\"04\",\"location\":{\"country\":\"PER\",\"name\":"
        "\"Lima\",\"lat\":-12.04,\"lon\":-77.03}}",
        "{\"doc_id\":\"p1\",\"sentence_id\":1,\"date\":\"2021-03\",\"source\":\"CHL\","
        "\"target\":\"PER\",\"code\":\"04\",\"location\":{\"country\":\"PER\",\"name\":"
        "\"Lima\",\"lat\":-13.04,\"lon\":-77.03}}",
    };
    char *out[2];
    for (int order = 0; order < 2; order++) {
        dyad_consolidator *c;
        assert_int_equal(dyad_consolidator_new(&c), DYAD_OK);
        for (int i = 0; i < 2; i++) {
            const char *l = lines[order ? 1 - i : i];
            assert_int_equal(dyad_consolidator_add_json(c, l, strlen(l)), DYAD_OK);
        }
        assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
        assert_int_equal(dyad_consolidator_event_count(c), 1);
        out[order] = S_output(c, DYAD_EVENTS_JSONL);
        dyad_consolidator_free(c);
    }
    assert_string_equal(out[0], out[1]);
    assert_non_null(strstr(out[0], "\"lat\":-13.0400"));   /* the smaller */
    free(out[0]);
    free(out[1]);
}

/* ------------------------------------------------------------- errors */

static void test_malformed(void **state)
{
    (void)state;
    dyad_consolidator *c;
    assert_int_equal(dyad_consolidator_new(&c), DYAD_OK);
    static const struct {
        const char *line;
        dyad_status st;
        const char *says;
    } bad[] = {
        {"{\"doc_id\":\"x\",", DYAD_EJSON, "malformed JSON"},
        {"[1,2]", DYAD_EFORMAT, "not a JSON object"},
        {"{\"sentence_id\":1,\"code\":\"041\"}", DYAD_EFORMAT, "doc_id"},
        {"{\"doc_id\":\"x\",\"sentence_id\":1}", DYAD_EFORMAT, "code"},
        {"{\"doc_id\":\"x\",\"code\":\"041\"}", DYAD_EFORMAT, "sentence_id"},
        {"{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"041\",\"date\":\"2021-02-30\"}",
         DYAD_EFORMAT, "date"},
        {"{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"041\",\"modality\":\"maybe\"}",
         DYAD_EFORMAT, "modality"},
        {"{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"041\",\"source\":7}", DYAD_EFORMAT,
         "source"},
        {"{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"041\",\"issues\":[1]}", DYAD_EFORMAT,
         "issues"},
        {"{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"041\",\"location\":{\"name\":\"Lima\"}}",
         DYAD_EFORMAT, "country"},
        /* fuzz finding: a code longer than the code tree's nodes */
        {"{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"0421,000 \"}", DYAD_EFORMAT,
         "longer than 7"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(dyad_consolidator_add_json(c, bad[i].line, strlen(bad[i].line)), bad[i].st);
        assert_non_null(strstr(dyad_consolidator_errmsg(c), bad[i].says));
    }
    assert_int_equal(dyad_consolidator_add_json(c, " \n", 2), DYAD_EOF);
    assert_int_equal(dyad_consolidator_mention_count(c), 0);
    const char *ok = "{\"doc_id\":\"x\",\"sentence_id\":1,\"code\":\"041\",\"source\":\"CHL\","
                     "\"target\":null}";
    assert_int_equal(dyad_consolidator_add_json(c, ok, strlen(ok)), DYAD_OK);
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    assert_string_equal(dyad_consolidator_event(c, 0)->key, "CHL|");
    assert_string_equal(dyad_consolidator_event(c, 0)->target, "");
    assert_null(dyad_consolidator_event(c, 1));
    dyad_consolidator_free(c);
    dyad_consolidator_free(NULL);
    assert_int_equal(dyad_consolidator_new(NULL), DYAD_EINVAL);
}

static void test_add_file(void **state)
{
    (void)state;
    char path[] = "/tmp/dyad_consolidate_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    char line[1024];
    M m = {.doc = "d1", .src = "CHL", .tgt = "PER", .code = "041", .date = "2021-03-04"};
    S_line(line, sizeof line, &m);
    fputs(line, f);
    fputs("not json\n\n", f);
    m.doc = "d2";
    S_line(line, sizeof line, &m);
    fputs(line, f);
    fclose(f);
    dyad_consolidator *c;
    assert_int_equal(dyad_consolidator_new(&c), DYAD_OK);
    assert_int_equal(dyad_consolidator_add_file(c, path), DYAD_EFORMAT);
    assert_int_equal(dyad_consolidator_problem_count(c), 1);
    char want[64];
    snprintf(want, sizeof want, "%s:2: ", path);
    assert_non_null(strstr(dyad_consolidator_problem(c, 0), want));
    assert_int_equal(dyad_consolidator_mention_count(c), 2);
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    assert_int_equal(dyad_consolidator_event(c, 0)->num_articles, 2);
    remove(path);
    assert_int_equal(dyad_consolidator_add_file(c, path), DYAD_EIO);
    assert_int_equal(dyad_consolidator_problem_count(c), 1);
    dyad_consolidator_free(c);
}


static void test_add_record(void **state)
{
    (void)state;
    static const char *const issues[] = {"WATER", "BORDER"};
    dyad_location loc = {"PER", "Tacna", -18.0066, -70.2463, "text", "in Tacna"};
    dyad_record r;
    memset(&r, 0, sizeof r);
    r.doc_id = "rec-1";
    r.sentence_id = 2;
    r.date = "2022-11-03";
    r.date_precision = DYAD_DATE_DAY;
    r.doc_date = "2022-11-04";
    r.doc_source = "Andean Daily";
    r.modality = DYAD_ASSERTED;
    r.location = &loc;
    r.source = "CHLGOV";
    r.target = "PERGOV";
    r.code = "0311";
    r.nissues = 2;
    r.issues = issues;
    r.source_text = "Chile";
    r.target_text = "Peru";
    dyad_consolidator *c;
    assert_int_equal(dyad_consolidator_new(&c), DYAD_OK);
    assert_int_equal(dyad_consolidator_add_record(c, &r), DYAD_OK);
    /* the same mention as a line of `dyad code`, in another document */
    M m = {.doc = "rec-2", .src = "PERGOV", .tgt = "CHLGOV", .code = "031", .date = "2022-11-04"};
    char line[1024];
    S_line(line, sizeof line, &m);
    assert_int_equal(dyad_consolidator_add_json(c, line, strlen(line)), DYAD_OK);
    r.modality = (dyad_modality_kind)9;
    assert_int_equal(dyad_consolidator_add_record(c, &r), DYAD_EINVAL);
    r.modality = DYAD_ASSERTED;
    r.code = NULL;
    assert_int_equal(dyad_consolidator_add_record(c, &r), DYAD_EINVAL);
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    assert_int_equal(dyad_consolidator_event_count(c), 1);
    const dyad_cevent *e = dyad_consolidator_event(c, 0);
    assert_string_equal(e->code, "0311");
    assert_string_equal(e->date, "2022-11-03");   /* one each: the earlier */
    assert_int_equal(e->nissues, 2);
    assert_string_equal(e->issues[0], "BORDER");
    assert_string_equal(e->location->name, "Tacna");
    assert_int_equal(e->num_articles, 2);
    dyad_consolidator_free(c);
}

/* ------------------------------------------------------------- writers */

static void test_writers(void **state)
{
    (void)state;
    const M ms[] = {
        {.doc = "d,1", .src = "CHL", .tgt = "PER", .code = "041", .date = "2021-03-04",
         .agency = "Wire \\\"Sur\\\"", .country = "PER", .place = "Lima"},
        {.doc = "d2", .src = "IGOUNO", .tgt = "BOLGOVMIL", .code = "190", .date = "2021-03"},
        {.doc = "d3", .src = "NOR", .tgt = "", .code = "010"},
    };
    dyad_consolidator *c = S_run(ms, 3, NULL);
    char *g = S_output(c, DYAD_EVENTS_GDELT);
    size_t lines = 0;
    for (char *p = g, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
        size_t tabs = 0;
        for (char *q = p; q < nl; q++) tabs += *q == '\t';
        assert_int_equal(tabs, 60);                 /* 61 fields */
    }
    assert_int_equal(lines, 3);
    /* the dated CHL-PER event: day, month, year, codes, counts, place */
    assert_non_null(strstr(g, "\t20210304\t202103\t2021\t2021."));
    assert_non_null(strstr(g, "\tCHL\tCHL words\tCHL\t"));
    assert_non_null(strstr(g, "\t1\t041\t041\t04\t1\t1.0\t1\t1\t1\t\t"));
    assert_non_null(strstr(g, "\t4\tLima\t\t\t\t-12.0464\t-77.0428\t\t20210304000000\t\n"));
    /* IGOUNO: a known group and a type; BOLGOVMIL: country and two types */
    assert_non_null(strstr(g, "\tIGOUNO\tIGOUNO words\t\tUNO\t\t\t\tIGO\t\t\t"));
    assert_non_null(strstr(g, "\tBOLGOVMIL\tBOLGOVMIL words\tBOL\t\t\t\t\tGOV\tMIL\t\t"));
    free(g);

    char *csv = S_output(c, DYAD_EVENTS_CSV);
    assert_true(strncmp(csv, "event_id,date,date_precision,", 29) == 0);
    assert_non_null(strstr(csv, ",\"d,1\","));      /* quoted: holds a comma */
    free(csv);
    char *tsv = S_output(c, DYAD_EVENTS_TSV);
    assert_true(strncmp(tsv, "event_id\tdate\tdate_precision\t", 29) == 0);
    assert_non_null(strstr(tsv, "\td,1\t"));
    free(tsv);
    char *js = S_output(c, DYAD_EVENTS_JSONL);
    assert_non_null(strstr(js, "\"num_mentions\":1,\"num_articles\":1,\"num_sources\":1"));
    assert_non_null(strstr(js, "\"doc_ids\":[\"d,1\"]"));
    free(js);
    dyad_consolidator_free(c);

    /* no events: CSV and TSV still have their header */
    assert_int_equal(dyad_consolidator_new(&c), DYAD_OK);
    assert_int_equal(dyad_consolidator_run(c), DYAD_OK);
    csv = S_output(c, DYAD_EVENTS_CSV);
    assert_int_equal(strchr(csv, '\n') - csv + 1, (long)strlen(csv));
    free(csv);
    dyad_consolidator_free(c);

    dyad_event_format f;
    assert_int_equal(dyad_event_format_parse("gdelt", &f), DYAD_OK);
    assert_int_equal(f, DYAD_EVENTS_GDELT);
    assert_int_equal(dyad_event_format_parse("xlsx", &f), DYAD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_code_lineage),
        cmocka_unit_test(test_reciprocal_pair),
        cmocka_unit_test(test_parent_child),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_month_year),
        cmocka_unit_test(test_modality),
        cmocka_unit_test(test_undated),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_order_independence),
        cmocka_unit_test(test_event_id),
        cmocka_unit_test(test_tie_on_point),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_add_file),
        cmocka_unit_test(test_add_record),
        cmocka_unit_test(test_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
