/*
 * test_engine.c -- the library pipeline (dyad_engine_*) on documents we
 * write: every event's date (each date form, each weekday relation, year
 * inference across a year boundary, no document date, the time of a
 * "when" clause, background), its modality (asserted, planned, negated,
 * hypothetical; asserted only by default), portable evidence names, and
 * the JSON record with every field present.
 */
#include "engine_util.h"

#include <jansson.h>



static int setup(void **state)
{
    (void)state;
    if (engine_util_setup() != 0) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    engine_util_teardown();
    return 0;
}


/* Codes text (dated date, NULL for none) with all modalities or only the
 * asserted ones, and returns the engine (to free). */
static dyad_engine *S_code(const char *text, const char *date, int all)
{
    dyad_engine_options o = dyad_engine_defaults();
    if (all) o.modalities = 0xf;
    o.dict_root = DYAD_BUILTIN_DICT_DIR;
    o.dict_label = "builtin";
    dyad_engine *e;
    assert_int_equal(dyad_engine_new(&e, g_dict, g_tagger, &o), DYAD_OK);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    doc.date = date;
    doc.path = "test";
    assert_int_equal(dyad_engine_code(e, &doc), DYAD_OK);
    return e;
}

/* The first record with this source, target and code, or NULL. */
static const dyad_record *S_find(const dyad_engine *e, const char *src, const char *tgt,
                                 const char *code)
{
    for (size_t i = 0; i < dyad_engine_record_count(e); i++) {
        const dyad_record *r = dyad_engine_record(e, i);
        if (!strcmp(r->source, src) && !strcmp(r->target, tgt) && !strcmp(r->code, code)) return r;
    }
    return NULL;
}

typedef struct dcase {
    const char *text, *doc_date;
    const char *src, *tgt, *code;
    const char *date;           /* NULL: unknown */
    const char *basis;
    int background;
} dcase;

static void S_dates(const dcase *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const dcase *c = &cases[i];
        dyad_engine *e = S_code(c->text, c->doc_date, 0);
        const dyad_record *r = S_find(e, c->src, c->tgt, c->code);
        if (!r) {
            printf("no %s %s %s in: %s\n", c->src, c->tgt, c->code, c->text);
            for (size_t k = 0; k < dyad_engine_record_count(e); k++) {
                const dyad_record *x = dyad_engine_record(e, k);
                printf("  got %s %s %s\n", x->source, x->target, x->code);
            }
            fail();
        }
        if ((c->date == NULL) != (r->date == NULL) || (c->date && strcmp(c->date, r->date)) ||
            (c->basis == NULL) != (r->date_basis == NULL) ||
            (c->basis && strcmp(c->basis, r->date_basis)) || c->background != r->background) {
            printf("%s\n  want %s (%s, background %d), got %s (%s, background %d)\n", c->text,
                   c->date ? c->date : "null", c->basis ? c->basis : "null", c->background,
                   r->date ? r->date : "null", r->date_basis ? r->date_basis : "null", r->background);
            fail();
        }
        dyad_engine_free(e);
    }
}

/* Explicit dates, with and without a year; the time of the clause, not
 * of another clause; the document's date for a current report. */
static void test_explicit_dates(void **state)
{
    (void)state;
    NEED_TAGGER();
    static const dcase cases[] = {
        {"On April 4, Chile attacked Peru.", "2019-12-17", "CHL", "PER", "190", "2019-04-04", "text", 1},
        {"Chile attacked Peru on March 5, 2018.", "2019-12-17", "CHL", "PER", "190", "2018-03-05", "text", 1},
        {"Chile attacked Peru in 2014.", "2019-12-17", "CHL", "PER", "190", "2014", "text", 1},
        {"In April, Chile attacked Peru.", "2019-12-17", "CHL", "PER", "190", "2019-04", "text", 1},
        {"Chile attacked Peru.", "2019-12-17", "CHL", "PER", "190", "2019-12-17", "document", 0},
        /* the time of a "when" clause is the time before it */
        {"Chile and Peru have been at odds since 2014, when Chile attacked Peru.", "2019-12-17",
         "CHL", "PER", "190", "2014", "text", 1},
        /* a date without a year is the latest such date not after the
         * document's: across the year boundary */
        {"On Dec. 28, Chile attacked Peru.", "2020-01-05", "CHL", "PER", "190", "2019-12-28", "text", 0},
        {"On Dec. 28, Chile attacked Peru.", "2020-12-30", "CHL", "PER", "190", "2020-12-28", "text", 0},
    };
    S_dates(cases, sizeof cases / sizeof cases[0]);
}

/* Which clause a time belongs to: a possessive or a bare name before a
 * noun dates the noun; a speaker's time dates a verbal act reported from
 * him; a past perfect reported by a past speech verb is current; a clause
 * of "since" starts the span; "two days after" a clause counts back from
 * the clause holding it. */
static void test_time_of_clause(void **state)
{
    (void)state;
    NEED_TAGGER();
    static const dcase cases[] = {
        {"Chilean lawmakers praised Peru after Tuesday's vote.", "2020-06-10", "CHLLEG", "PER",
         "051", "2020-06-10", "document", 0},
        {"Chile criticized Peru over the February elections.", "2020-06-10", "CHL", "PER", "111",
         "2020-06-10", "document", 0},
        {"Chile criticized Peru based on 17 September.", "2020-06-10", "CHL", "PER", "111",
         "2020-06-10", "document", 0},
        {"The Chilean president said Tuesday that Chile would resume cooperation with Peru.",
         "2020-06-10", "CHL", "PER", "032", "2020-06-09", "text", 0},
        {"\"Peru is violating the border treaty,\" the Chilean foreign minister said on Tuesday.",
         "2020-06-10", "CHLGOV", "PER", "112", "2020-06-09", "text", 0},
        {"The Chilean president said that Chile had expelled the Peruvian ambassador.",
         "2020-06-10", "CHL", "PERGOV", "161", "2020-06-10", "document", 0},
        {"Since the two presidents met in Lima in September, Chile has shipped weapons to Peru.",
         "2024-06-28", "CHL", "PER", "072", "2023-09", "text", 1},
        {"The protest comes three days after the Chilean president condemned Peru.",
         "2021-05-10", "CHLGOV", "PER", "111", "2021-05-07", "text", 0},
    };
    S_dates(cases, sizeof cases / sizeof cases[0]);
}

/* Weekdays count from the document's day: the past looks back (the same
 * weekday is that day), the future forward; no document date leaves a
 * weekday unresolved, never guessed. */
static void test_weekdays(void **state)
{
    (void)state;
    NEED_TAGGER();
    static const dcase cases[] = {
        /* 2020-06-10 is a Wednesday */
        {"On Tuesday, Chile criticized Peru.", "2020-06-10", "CHL", "PER", "111", "2020-06-09", "text", 0},
        {"On Wednesday, Chile criticized Peru.", "2020-06-10", "CHL", "PER", "111", "2020-06-10", "text", 0},
        {"On Thursday, Chile criticized Peru.", "2020-06-10", "CHL", "PER", "111", "2020-06-04", "text", 0},
        {"Yesterday, Chile criticized Peru.", "2020-06-10", "CHL", "PER", "111", "2020-06-09", "text", 0},
        {"Last year, Chile criticized Peru.", "2020-06-10", "CHL", "PER", "111", "2019", "text", 1},
        /* no document date: relative expressions stay unresolved (no
         * basis either; date_text still names the expression) */
        {"On Tuesday, Chile criticized Peru.", NULL, "CHL", "PER", "111", NULL, NULL, 0},
        {"Chile criticized Peru.", NULL, "CHL", "PER", "111", NULL, NULL, 0},
        /* an absolute date still resolves */
        {"On March 5, 2018, Chile criticized Peru.", NULL, "CHL", "PER", "111", "2018-03-05", "text", 0},
    };
    S_dates(cases, sizeof cases / sizeof cases[0]);
}

/* Planned, negated and hypothetical acts are marked, and returned only
 * when asked for; an intent is itself asserted. */
static void test_modality(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine *e = S_code("Chile did not attack Peru.", "2020-06-10", 1);
    const dyad_record *r = S_find(e, "CHL", "PER", "190");
    assert_non_null(r);
    assert_int_equal(r->modality, DYAD_NEGATED);
    dyad_engine_free(e);
    e = S_code("Chile did not attack Peru.", "2020-06-10", 0);
    assert_int_equal(dyad_engine_record_count(e), 0);
    dyad_engine_free(e);

    e = S_code("Chile could attack Peru.", "2020-06-10", 1);
    r = S_find(e, "CHL", "PER", "190");
    assert_non_null(r);
    assert_int_equal(r->modality, DYAD_HYPOTHETICAL);
    assert_null(r->date);   /* what may happen has no date yet */
    dyad_engine_free(e);

    /* "will attack" on a weekday: an asserted threat, a planned attack,
     * both dated forward */
    e = S_code("Chile will attack Peru on Thursday.", "2020-06-10", 1);
    r = S_find(e, "CHL", "PER", "1384");
    assert_non_null(r);
    assert_int_equal(r->modality, DYAD_ASSERTED);
    const dyad_record *p = S_find(e, "CHL", "PER", "190");
    assert_non_null(p);
    assert_int_equal(p->modality, DYAD_PLANNED);
    assert_non_null(p->date);
    assert_string_equal(p->date, "2020-06-11");
    dyad_engine_free(e);
    /* a plan without a time has no date; its intent is today's */
    e = S_code("Chile will attack Peru.", "2020-06-10", 1);
    p = S_find(e, "CHL", "PER", "190");
    assert_non_null(p);
    assert_null(p->date);
    r = S_find(e, "CHL", "PER", "1384");
    assert_non_null(r);
    assert_string_equal(r->date, "2020-06-10");
    dyad_engine_free(e);
}

/* Every field is on every JSON record; evidence names are portable. */
static void test_record_json(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine *e = S_code("Chile attacked Peru.", NULL, 0);
    assert_int_equal(dyad_engine_record_count(e), 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dyad_json *j = dyad_json_new(f);
    dyad_record_write_json(dyad_engine_record(e, 0), j);
    dyad_json_free(j);
    fclose(f);
    json_error_t err;
    json_t *o = json_loads(buf, 0, &err);
    assert_non_null(o);
    static const char *const fields[] = {
        "doc_id", "sentence_id", "date", "date_precision", "date_basis", "date_text", "doc_date", "doc_source",
        "background", "modality", "location", "source", "target", "code", "root", "quad_class",
        "goldstein", "plover", "issues", "source_text", "target_text", "verb_text", "negated",
        "sentence_start", "sentence_end", "sentence", "evidence"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (!json_object_get(o, fields[i])) printf("missing field %s\n", fields[i]);
        assert_non_null(json_object_get(o, fields[i]));
    }
    assert_true(json_is_null(json_object_get(o, "date")));
    assert_string_equal(json_string_value(json_object_get(o, "date_precision")), "unknown");
    json_t *ev = json_object_get(o, "evidence");
    assert_true(json_array_size(ev) >= 1);
    const char *entry = json_string_value(json_object_get(json_array_get(ev, 0), "entry"));
    assert_non_null(entry);
    assert_int_equal(strncmp(entry, "builtin:", 8), 0);
    assert_null(strstr(buf, DYAD_BUILTIN_DICT_DIR));
    json_decref(o);
    free(buf);
    dyad_engine_free(e);
}

/* The time expression behind a date is part of the event's evidence. */
static void test_time_evidence(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine *e = S_code("On Tuesday, Chile attacked Peru.", "2020-06-10", 0);
    assert_int_equal(dyad_engine_record_count(e), 1);
    const dyad_record *r = dyad_engine_record(e, 0);
    const dyad_evidence *tv = NULL;
    for (size_t k = 0; k < r->nevidence; k++)
        if (!strcmp(r->evidence[k].kind, "time")) tv = &r->evidence[k];
    assert_non_null(tv);
    assert_string_equal(tv->text, "On Tuesday");
    assert_int_equal(tv->first, 0);
    assert_int_equal(tv->end, 2);
    assert_null(tv->file);
    dyad_engine_free(e);
    e = S_code("Chile attacked Peru.", "2020-06-10", 0);
    r = dyad_engine_record(e, 0);
    for (size_t k = 0; k < r->nevidence; k++) assert_string_not_equal(r->evidence[k].kind, "time");
    dyad_engine_free(e);
}

/* What a consultation was about goes into its issues, never its target:
 * topics of the issue dictionary and the countries named besides the
 * parties; other events keep only topics. */
static void test_issues(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine *e = S_code("The presidents of Chile and Peru discussed the pandemic and the "
                            "situation in Bolivia over the phone.", "2020-06-10", 0);
    const dyad_record *r = S_find(e, "CHLGOV", "PERGOV", "041");
    assert_non_null(r);
    assert_int_equal(r->nissues, 2);
    assert_string_equal(r->issues[0], "BOL");
    assert_string_equal(r->issues[1], "PANDEMIC");
    assert_null(S_find(e, "CHLGOV", "BOL", "041"));
    dyad_engine_free(e);
    e = S_code("Chile imposed sanctions on Peru over its trade with Bolivia.", "2020-06-10", 0);
    r = S_find(e, "CHL", "PER", "163");
    assert_non_null(r);
    for (size_t k = 0; k < r->nissues; k++) assert_string_not_equal(r->issues[k], "BOL");
    dyad_engine_free(e);
    e = S_code("Chile attacked Peru.", "2020-06-10", 0);
    assert_int_equal(dyad_engine_record(e, 0)->nissues, 0);
    dyad_engine_free(e);
}

/* A pool gives back every document's records in submission order, the
 * same bytes whatever the number of threads; the window bounds what is
 * in flight. */
static void test_pool(void **state)
{
    (void)state;
    NEED_TAGGER();
    static const char *const texts[] = {
        "Chile attacked Peru.", "Peru criticized Bolivia on Tuesday.", "", "Nothing happened.",
        "The presidents of Chile and Peru discussed trade.", "Bolivia expelled a Chilean envoy."};
    enum { NDOC = 40 };
    /* the fourth: one thread coding in the background (a thread of its
     * own, not inside submit) with a window of 8; the fifth: two threads,
     * a window of 8, results waited for five at a time (a burst: the same
     * results in the same order) */
    enum { NRUN = 5 };
    char *out[NRUN] = {NULL, NULL, NULL, NULL, NULL};
    size_t outlen[NRUN] = {0, 0, 0, 0, 0};
    unsigned threads[NRUN] = {1, 2, 5, 1, 2};
    dyad_engine_options o = dyad_engine_defaults();
    o.dict_root = DYAD_BUILTIN_DICT_DIR;
    o.dict_label = "builtin";
    for (int t = 0; t < NRUN; t++) {
        dyad_pool *p;
        assert_int_equal(dyad_pool_new(&p, g_dict, g_tagger, &o, threads[t]), DYAD_OK);
        assert_int_equal(dyad_pool_threads(p), threads[t]);
        if (t == 0) {   /* inline: one slot, coded in submit */
            assert_int_equal(dyad_pool_set_window(p, 8), DYAD_OK);
            assert_int_equal(dyad_pool_window(p), 1);
        }
        if (t == 3) {
            assert_int_equal(dyad_pool_set_background(p), DYAD_OK);
            assert_int_equal(dyad_pool_set_window(p, 8), DYAD_OK);
            assert_int_equal(dyad_pool_window(p), 8);
        }
        if (t == 4) {
            assert_int_equal(dyad_pool_set_window(p, 8), DYAD_OK);
            assert_int_equal(dyad_pool_set_burst(p, 9), DYAD_EINVAL);   /* over the window */
            assert_int_equal(dyad_pool_set_burst(p, 5), DYAD_OK);
        }
        FILE *f = open_memstream(&out[t], &outlen[t]);
        char ids[NDOC][16];
        size_t got = 0;
        dyad_pool_result r;
        for (int i = 0; i < NDOC; i++) {
            dyad_doc doc;
            memset(&doc, 0, sizeof doc);
            snprintf(ids[i], sizeof ids[i], "d%02d", i);
            doc.id = ids[i];
            doc.text = texts[i % 6];
            doc.len = strlen(doc.text);
            doc.date = "2020-06-10";
            doc.path = "test";
            if (dyad_pool_pending(p) == dyad_pool_window(p)) {
                /* a full window refuses more until a result is taken */
                assert_int_equal(dyad_pool_submit(p, &doc), DYAD_EINVAL);
                assert_int_equal(dyad_pool_next(p, &r), DYAD_OK);
                fprintf(f, "%s:%zu\n", r.doc_id, r.nrecords);
                fwrite(r.json, 1, r.json_len, f);
                got++;
            }
            assert_int_equal(dyad_pool_submit(p, &doc), DYAD_OK);
        }
        while (dyad_pool_next(p, &r) == DYAD_OK) {
            fprintf(f, "%s:%zu\n", r.doc_id, r.nrecords);
            fwrite(r.json, 1, r.json_len, f);
            got++;
        }
        assert_int_equal(got, NDOC);
        assert_int_equal(dyad_pool_next(p, &r), DYAD_ENOTFOUND);
        fclose(f);
        dyad_pool_free(p);
    }
    assert_true(outlen[0] > 0);
    assert_int_equal(outlen[0], outlen[1]);
    assert_int_equal(outlen[0], outlen[2]);
    assert_memory_equal(out[0], out[1], outlen[0]);
    assert_memory_equal(out[0], out[2], outlen[0]);
    assert_int_equal(outlen[0], outlen[3]);
    assert_memory_equal(out[0], out[3], outlen[0]);
    assert_int_equal(outlen[0], outlen[4]);
    assert_memory_equal(out[0], out[4], outlen[0]);
    assert_non_null(strstr(out[0], "d00:1"));
    assert_non_null(strstr(out[0], "d39:"));
    for (int t = 0; t < NRUN; t++) free(out[t]);
}


/* With a spill size, a document's records past it wait in a temporary
 * file: the output is the same bytes as in memory, with one thread or
 * two, and a story discard phrase late in a long document still drops
 * all of its records. */
static void test_pool_spill(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    dyad_status st = dyad_dict_add_dir(d, DYAD_BUILTIN_DICT_DIR);
    assert_true(st == DYAD_OK || st == DYAD_EDICT);
    static const char discards[] = "+GOLF TOURNAMENT\n";
    assert_int_equal(dyad_dict_add_text(d, "story.discards.txt", discards, strlen(discards),
                                        DYAD_DICT_DISCARDS), DYAD_OK);
    dyad_dict_compile(d);
    /* three documents: long, long with a discard phrase at its end, short */
    static const char unit[] = "Chile attacked Peru. Peru criticized Bolivia on Tuesday.\n";
    size_t n = 300 * (sizeof unit - 1);
    char *longt = malloc(n + 64), *discarded = malloc(n + 64);
    assert_non_null(longt);
    assert_non_null(discarded);
    for (size_t i = 0; i < 300; i++) memcpy(longt + i * (sizeof unit - 1), unit, sizeof unit - 1);
    longt[n] = 0;
    memcpy(discarded, longt, n);
    strcpy(discarded + n, "Fans watched the golf tournament.\n");
    const char *texts[3] = {longt, discarded, "Bolivia expelled a Chilean envoy."};
    dyad_engine_options o = dyad_engine_defaults();
    o.dict_root = DYAD_BUILTIN_DICT_DIR;
    o.dict_label = "builtin";
    char *out[4] = {NULL, NULL, NULL, NULL};
    size_t outlen[4] = {0, 0, 0, 0};
    int spilled[4] = {0, 0, 0, 0};
    for (int t = 0; t < 4; t++) {
        dyad_pool *p;
        assert_int_equal(dyad_pool_new(&p, d, g_tagger, &o, t % 2 ? 2 : 1), DYAD_OK);
        if (t >= 2) dyad_pool_set_spill(p, 1000);
        FILE *f = open_memstream(&out[t], &outlen[t]);
        dyad_pool_result r;
        for (int i = 0; i < 3; i++) {
            dyad_doc doc;
            memset(&doc, 0, sizeof doc);
            doc.id = i == 0 ? "long" : i == 1 ? "golf" : "short";
            doc.text = texts[i];
            doc.len = strlen(texts[i]);
            doc.date = "2020-06-10";
            doc.path = "test";
            if (dyad_pool_pending(p) == dyad_pool_window(p)) {
                assert_int_equal(dyad_pool_next(p, &r), DYAD_OK);
                fprintf(f, "%s:%zu\n", r.doc_id, r.nrecords);
                spilled[t] += r.json_spill != NULL;
                assert_int_equal(dyad_pool_result_write(&r, f), DYAD_OK);
            }
            assert_int_equal(dyad_pool_submit(p, &doc), DYAD_OK);
        }
        while (dyad_pool_next(p, &r) == DYAD_OK) {
            fprintf(f, "%s:%zu\n", r.doc_id, r.nrecords);
            spilled[t] += r.json_spill != NULL;
            if (!strcmp(r.doc_id, "golf")) {
                assert_int_equal(r.nrecords, 0);
                assert_int_equal(r.json_len, 0);
            }
            assert_int_equal(dyad_pool_result_write(&r, f), DYAD_OK);
        }
        fclose(f);
        dyad_pool_free(p);
    }
    assert_int_equal(spilled[0] + spilled[1], 0);
    assert_int_equal(spilled[2], 1);     /* the long document only */
    assert_int_equal(spilled[3], 1);
    assert_non_null(strstr(out[0], "long:"));
    assert_non_null(strstr(out[0], "golf:0\nshort:"));
    for (int t = 1; t < 4; t++) {
        assert_int_equal(outlen[0], outlen[t]);
        assert_memory_equal(out[0], out[t], outlen[0]);
    }
    for (int t = 0; t < 4; t++) free(out[t]);
    free(longt);
    free(discarded);
    dyad_dict_free(d);
}


/* dyad_pool_room bounds the text in flight as well as the documents:
 * one document always fits, a second only within the byte budget, and
 * a result taken no longer counts. */
static void test_pool_room(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine_options o = dyad_engine_defaults();
    dyad_pool *p;
    assert_int_equal(dyad_pool_new(&p, g_dict, g_tagger, &o, 2), DYAD_OK);
    dyad_pool_set_max_bytes(p, 100);
    static const char text[] = "Chile attacked Peru on Tuesday, and Peru said it would respond in kind.";
    size_t n = strlen(text);   /* 71 bytes */
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "r";
    doc.text = text;
    doc.len = n;
    assert_true(dyad_pool_room(p, 1000));          /* nothing in flight */
    assert_int_equal(dyad_pool_submit(p, &doc), DYAD_OK);
    assert_false(dyad_pool_room(p, n));            /* 142 > 100 */
    assert_true(dyad_pool_room(p, 29));            /* 100 */
    assert_false(dyad_pool_room(p, 30));
    dyad_pool_result r;
    assert_int_equal(dyad_pool_next(p, &r), DYAD_OK);
    assert_true(dyad_pool_room(p, n));             /* the taken one is out */
    assert_int_equal(dyad_pool_submit(p, &doc), DYAD_OK);
    assert_int_equal(dyad_pool_submit(p, &doc), DYAD_OK);   /* submit checks the window only */
    assert_false(dyad_pool_room(p, 1));
    while (dyad_pool_next(p, &r) == DYAD_OK) {}
    assert_true(dyad_pool_room(p, 1000));
    dyad_pool_free(p);
}

/* Sentence ids of the records, as "id:start-end;" for comparison. */
static void S_spans(const dyad_engine *e, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < dyad_engine_record_count(e) && o < cap; i++) {
        const dyad_record *r = dyad_engine_record(e, i);
        o += (size_t)snprintf(out + o, cap - o, "%s %s %s@%zu;", r->source, r->target, r->code,
                              r->sentence_id);
    }
}

/* A headline without a full stop, run into the lede when a story's line
 * breaks are collapsed, is split off again: the story codes as it does
 * with its line break.  Prose that merely continues a noun phrase with a
 * name, or opens with an article, or uses an auxiliary, is not split. */
static void test_run_in_headline(void **state)
{
    (void)state;
    NEED_TAGGER();
    static const char *const pairs[][2] = {
        {"Chile and Peru sign fishing accord in border talks\n\nChilean President Gabriel Boric and "
         "his Peruvian counterpart Dina Boluarte on Monday signed a fishing accord in Lima.",
         "Chile and Peru sign fishing accord in border talks Chilean President Gabriel Boric and "
         "his Peruvian counterpart Dina Boluarte on Monday signed a fishing accord in Lima."},
        {"Bolivia accuses Chile of spying on mining deal\n\nBolivian President Luis Arce accused "
         "Chile on Tuesday of spying on his government.",
         "Bolivia accuses Chile of spying on mining deal Bolivian President Luis Arce accused "
         "Chile on Tuesday of spying on his government."},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char a[1024], b[1024];
        dyad_engine *e = S_code(pairs[i][0], "2024-05-06", 1);
        S_spans(e, a, sizeof a);
        dyad_engine_free(e);
        e = S_code(pairs[i][1], "2024-05-06", 1);
        S_spans(e, b, sizeof b);
        dyad_engine_free(e);
        if (strcmp(a, b)) printf("with line break: %s\ncollapsed:       %s\n", a, b);
        assert_string_equal(a, b);
        assert_true(strlen(a) > 0);
    }
    /* not headlines: one sentence each, every record in sentence 1 */
    static const char *const prose[] = {
        "Peru says its foreign minister Ana Gomez met Bolivian officials in La Paz on Monday.",
        "A Chilean court has overturned a ban on the appointment of deputy nominee Juan Perez "
        "and Peru welcomed the ruling.",
        "The ministers discuss trade in Lima talks Peruvian officials said on Monday.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
        dyad_engine *e = S_code(prose[i], "2024-05-06", 1);
        for (size_t k = 0; k < dyad_engine_record_count(e); k++)
            assert_int_equal(dyad_engine_record(e, k)->sentence_id, 1);
        dyad_engine_free(e);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_in_headline),
        cmocka_unit_test(test_explicit_dates),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_time_of_clause),
        cmocka_unit_test(test_modality),
        cmocka_unit_test(test_record_json),
        cmocka_unit_test(test_time_evidence),
        cmocka_unit_test(test_issues),
        cmocka_unit_test(test_pool),
        cmocka_unit_test(test_pool_spill),
        cmocka_unit_test(test_pool_room),
    };
    return test_result(cmocka_run_group_tests(tests, setup, teardown));
}
