/*
 * test_eval.c -- the evaluator (dyad_eval_*): exact precision and recall
 * at the three levels on small gold and event sets, per root, the counts
 * of ignored, repeated and unplaced events, matching by overlapping
 * sentence spans, the country rule for international codes, one-to-one
 * matching, malformed lines, files, and argument checks.
 */
#include "testutil.h"

/* Story s1: sentences [0,22) [23,40) [41,66). */
static const char S_s1[] = "Arnor attacked Gondor. Gondor met Rohan. Mordor threatened Gondor.";

static dyad_eval *S_new(const char *gold, const char *events, int with_text)
{
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    if (gold) assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, NULL, gold, strlen(gold)),
                               DYAD_OK);
    if (with_text) {
        assert_int_equal(dyad_eval_add_story(ev, "s1", S_s1, strlen(S_s1)), DYAD_OK);
        assert_int_equal(dyad_eval_add_story(ev, "s2", "Nothing here.", 13), DYAD_OK);
        assert_int_equal(dyad_eval_add_story(ev, "s3", "Not in the gold set.", 20), DYAD_OK);
    }
    if (events)
        assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, NULL, events, strlen(events)),
                         DYAD_OK);
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    return ev;
}

static void S_expect(const dyad_eval *ev, dyad_eval_level level, const char *root, size_t gold,
                     size_t system, size_t gold_matched, size_t system_matched)
{
    dyad_eval_score s;
    assert_int_equal(dyad_eval_get(ev, level, root, &s), DYAD_OK);
    assert_int_equal(s.gold, gold);
    assert_int_equal(s.system, system);
    assert_int_equal(s.gold_matched, gold_matched);
    assert_int_equal(s.system_matched, system_matched);
    double p = system ? (double)system_matched / (double)system : 0.0;
    double r = gold ? (double)gold_matched / (double)gold : 0.0;
    assert_true(s.precision == p);
    assert_true(s.recall == r);
    assert_true(s.f1 == (p + r > 0 ? 2 * p * r / (p + r) : 0.0));
}

static const char S_gold[] =
    "{\"story\": \"s1\"}\n"
    "{\"story\": \"s1\", \"start\": 0, \"end\": 22, \"source\": \"ARNMIL\", \"target\": \"GONGOV\","
    " \"code\": \"190\", \"date\": \"2020-01-01\"}\n"
    "{\"story\": \"s1\", \"start\": 23, \"end\": 40, \"source\": \"GONGOV\", \"target\": \"ROHGOV\","
    " \"code\": \"040\"}\n"
    "{\"story\": \"s1\", \"start\": 23, \"end\": 40, \"source\": \"ROHGOV\", \"target\": \"GONGOV\","
    " \"code\": \"040\"}\n"
    "\n"
    "{\"story\": \"s1\", \"start\": 41, \"end\": 66, \"source\": \"MORGOV\", \"target\": \"GONGOV\","
    " \"code\": \"138\", \"note\": \"a threat\"}\n"
    "{\"story\": \"s2\"}\n";

static const char S_events[] =
    /* same category and countries as the gold 190; other code and sector */
    "{\"doc_id\": \"s1\", \"sentence_id\": 1, \"source\": \"ARNGOV\", \"target\": \"GONGOV\","
    " \"code\": \"193\", \"sentence\": \"Arnor attacked Gondor.\"}\n"
    /* exact, then a repeat of it */
    "{\"doc_id\": \"s1\", \"source\": \"GONGOV\", \"target\": \"ROHGOV\", \"code\": \"040\","
    " \"sentence\": \"Gondor met Rohan.\"}\n"
    "{\"doc_id\": \"s1\", \"source\": \"GONGOV\", \"target\": \"ROHGOV\", \"code\": \"040\","
    " \"sentence\": \"Gondor met Rohan.\"}\n"
    /* right category, wrong target */
    "{\"doc_id\": \"s1\", \"source\": \"MORGOV\", \"target\": \"ROHGOV\", \"code\": \"130\","
    " \"sentence\": \"Mordor threatened Gondor.\"}\n"
    /* a false alarm */
    "{\"doc_id\": \"s1\", \"source\": \"GONGOV\", \"target\": \"ARNMIL\", \"code\": \"111\","
    " \"sentence\": \"Arnor attacked Gondor.\"}\n"
    /* a gold story without gold events */
    "{\"doc_id\": \"s2\", \"source\": \"XXX\", \"target\": \"YYY\", \"code\": \"010\","
    " \"sentence\": \"Nothing here.\"}\n"
    /* a story outside the gold set */
    "{\"doc_id\": \"s3\", \"source\": \"XXX\", \"target\": \"YYY\", \"code\": \"190\","
    " \"sentence\": \"Not in the gold set.\"}\n"
    /* a sentence that is not in the story */
    "{\"doc_id\": \"s1\", \"source\": \"GONGOV\", \"target\": \"ROHGOV\", \"code\": \"042\","
    " \"sentence\": \"Gondor visited Rohan.\"}\n";

static void test_levels(void **state)
{
    (void)state;
    dyad_eval *ev = S_new(S_gold, S_events, 1);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.stories, 2);
    assert_int_equal(info.gold_events, 4);
    assert_int_equal(info.gold_duplicates, 0);
    assert_int_equal(info.system_events, 6);
    assert_int_equal(info.system_outside, 1);
    assert_int_equal(info.system_duplicates, 1);
    assert_int_equal(info.system_unlocated, 1);
    assert_int_equal(info.skipped_lines, 0);

    /* category: 190~193, 040, 138~130 */
    S_expect(ev, DYAD_EVAL_CATEGORY, NULL, 4, 6, 3, 3);
    /* countries: 190~193 (ARN, GON), 040 */
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 4, 6, 2, 2);
    /* full: 040 only */
    S_expect(ev, DYAD_EVAL_FULL, NULL, 4, 6, 1, 1);

    S_expect(ev, DYAD_EVAL_CATEGORY, "19", 1, 1, 1, 1);
    S_expect(ev, DYAD_EVAL_FULL, "19", 1, 1, 0, 0);
    S_expect(ev, DYAD_EVAL_CATEGORY, "04", 2, 2, 1, 1);
    S_expect(ev, DYAD_EVAL_FULL, "04", 2, 2, 1, 1);
    S_expect(ev, DYAD_EVAL_CATEGORY, "13", 1, 1, 1, 1);
    S_expect(ev, DYAD_EVAL_COUNTRIES, "13", 1, 1, 0, 0);
    S_expect(ev, DYAD_EVAL_CATEGORY, "11", 0, 1, 0, 0);
    S_expect(ev, DYAD_EVAL_CATEGORY, "01", 0, 1, 0, 0);
    S_expect(ev, DYAD_EVAL_CATEGORY, "20", 0, 0, 0, 0);
    S_expect(ev, DYAD_EVAL_CATEGORY, "??", 0, 0, 0, 0);

    dyad_eval_score s;
    assert_int_equal(dyad_eval_get(ev, DYAD_EVAL_FULL, "21", &s), DYAD_ENOTFOUND);
    assert_int_equal(dyad_eval_get(ev, DYAD_EVAL_FULL, "4", &s), DYAD_ENOTFOUND);
    assert_int_equal(dyad_eval_get(ev, DYAD_EVAL_NLEVELS, NULL, &s), DYAD_EINVAL);

    /* Running again gives the same figures. */
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 4, 6, 2, 2);
    dyad_eval_free(ev);
}

/* Without the story texts, events that carry only their sentence cannot
 * be placed; events with offsets still can. */
static void test_no_text(void **state)
{
    (void)state;
    dyad_eval *ev = S_new(S_gold, S_events, 0);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.system_events, 6);
    assert_int_equal(info.system_unlocated, 6);
    S_expect(ev, DYAD_EVAL_CATEGORY, NULL, 4, 6, 0, 0);
    dyad_eval_free(ev);
}

/* Offsets on system events; a span that covers two gold sentences (a
 * sentence split the gold does not share) matches events of both. */
static void test_offsets_overlap(void **state)
{
    (void)state;
    static const char events[] =
        "{\"story\": \"s1\", \"start\": 0, \"end\": 40, \"source\": \"ARNMIL\","
        " \"target\": \"GONGOV\", \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 0, \"end\": 40, \"source\": \"ROHGOV\","
        " \"target\": \"GONGOV\", \"code\": \"040\"}\n"
        /* touches the third sentence only at its edge: no overlap */
        "{\"story\": \"s1\", \"start\": 40, \"end\": 41, \"source\": \"MORGOV\","
        " \"target\": \"GONGOV\", \"code\": \"138\"}\n";
    dyad_eval *ev = S_new(S_gold, events, 0);
    S_expect(ev, DYAD_EVAL_FULL, NULL, 4, 3, 2, 2);
    S_expect(ev, DYAD_EVAL_FULL, "13", 1, 1, 0, 0);
    dyad_eval_free(ev);
}

/* International codes keep their body in the country; one-to-one. */
static void test_countries_and_greedy(void **state)
{
    (void)state;
    static const char gold[] =
        "{\"story\": 7, \"start\": 0, \"end\": 22, \"source\": \"IGOUNOKID\", \"target\": \"SDN\","
        " \"code\": \"1056\"}\n"
        "{\"story\": 7, \"start\": 0, \"end\": 22, \"source\": \"IGOEUREEC\", \"target\": \"SDN\","
        " \"code\": \"1056\"}\n"
        "{\"story\": 7, \"start\": 23, \"end\": 40, \"source\": \"USA\", \"target\": \"CAN\","
        " \"code\": \"111\"}\n"
        "{\"story\": 7, \"start\": 23, \"end\": 40, \"source\": \"USA\", \"target\": \"MEX\","
        " \"code\": \"111\"}\n";
    static const char events[] =
        "{\"doc_id\": \"7\", \"source\": \"IGOUNO\", \"target\": \"SDNREB\", \"code\": \"100\","
        " \"sentence\": \"Arnor attacked Gondor.\"}\n"
        "{\"doc_id\": \"7\", \"source\": \"IGOWSTNAT\", \"target\": \"SDN\", \"code\": \"1056\","
        " \"sentence\": \"Arnor attacked Gondor.\"}\n"
        "{\"doc_id\": \"7\", \"source\": \"USAGOV\", \"target\": \"MEX\", \"code\": \"112\","
        " \"sentence\": \"Gondor met Rohan.\"}\n";
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, "g", gold, strlen(gold)), DYAD_OK);
    assert_int_equal(dyad_eval_add_story(ev, "7", S_s1, strlen(S_s1)), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, "e", events, strlen(events)),
                     DYAD_OK);
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    /* category: both REQUEST events match one gold each; 112 one of two */
    S_expect(ev, DYAD_EVAL_CATEGORY, NULL, 4, 3, 3, 3);
    /* countries: IGOUNO~IGOUNOKID with SDN~SDNREB; IGOWSTNAT is not IGOEUR;
     * USAGOV~USA with MEX, whichever gold event comes first */
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 4, 3, 2, 2);
    S_expect(ev, DYAD_EVAL_FULL, NULL, 4, 3, 0, 0);
    S_expect(ev, DYAD_EVAL_CATEGORY, "10", 2, 2, 2, 2);
    S_expect(ev, DYAD_EVAL_COUNTRIES, "11", 2, 1, 1, 1);
    dyad_eval_free(ev);
}

static void test_malformed(void **state)
{
    (void)state;
    static const char gold[] =
        "{\"story\": \"s1\", \"start\": 0, \"end\": 22, \"source\": \"A\", \"target\": \"B\","
        " \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 0, \"end\": 22, \"source\": \"A\", \"target\": \"B\"\n"
        "[1, 2]\n"
        "{\"start\": 0, \"end\": 22, \"source\": \"A\", \"target\": \"B\", \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 5, \"end\": 5, \"source\": \"A\", \"target\": \"B\","
        " \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 0, \"end\": 22, \"target\": \"B\", \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 0, \"end\": 22, \"source\": \"A\", \"target\": \"B\","
        " \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 0, \"end\": 99, \"source\": \"A\", \"target\": \"B\","
        " \"code\": \"0400\"}";                /* no final newline */
    static const char events[] =
        "{\"doc_id\": \"s1\", \"source\": null, \"target\": \"B\", \"code\": \"190\","
        " \"sentence\": \"Arnor attacked Gondor.\"}\n"
        "{\"doc_id\": \"s1\", \"source\": \"A\", \"target\": \"B\", \"code\": \"190\"}\n";
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, "g.jsonl", gold, strlen(gold)),
                     DYAD_EFORMAT);
    assert_non_null(strstr(dyad_eval_errmsg(ev), "g.jsonl:2: malformed JSON"));
    assert_int_equal(dyad_eval_add_story(ev, "s1", S_s1, strlen(S_s1)), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, NULL, events, strlen(events)),
                     DYAD_EFORMAT);
    assert_string_equal(dyad_eval_errmsg(ev),
                        "events:2: a system event needs its sentence text or start and end; "
                        "line skipped");
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.skipped_lines, 6);
    assert_int_equal(info.gold_events, 2);       /* line 7 repeats line 1 */
    assert_int_equal(info.gold_duplicates, 1);
    assert_int_equal(info.gold_out_of_range, 1);
    assert_int_equal(info.system_events, 1);
    /* the null source is "---": the 190 matches at the category level only */
    S_expect(ev, DYAD_EVAL_CATEGORY, NULL, 2, 1, 1, 1);
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 2, 1, 0, 0);
    /* a code outside the table counts under its first two digits */
    S_expect(ev, DYAD_EVAL_CATEGORY, "04", 1, 0, 0, 0);
    dyad_eval_free(ev);
}

static void test_files(void **state)
{
    (void)state;
    char *g = tmp_file(".gold.jsonl", S_gold, strlen(S_gold));
    char *e = tmp_file(".events.jsonl", S_events, strlen(S_events));
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    assert_int_equal(dyad_eval_load(ev, DYAD_EVAL_GOLD, g), DYAD_OK);
    /* after the gold set is known, other stories are not kept */
    assert_int_equal(dyad_eval_add_story(ev, "s3", "Not in the gold set.", 20), DYAD_OK);
    assert_int_equal(dyad_eval_add_story(ev, "s1", S_s1, strlen(S_s1)), DYAD_OK);
    assert_int_equal(dyad_eval_load(ev, DYAD_EVAL_SYSTEM, e), DYAD_OK);
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 4, 6, 2, 2);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.system_outside, 1);
    assert_int_equal(info.system_unlocated, 2);  /* s2 has no text here */
    assert_int_equal(dyad_eval_load(ev, DYAD_EVAL_GOLD, "/nonexistent/gold.jsonl"), DYAD_EIO);
    assert_non_null(strstr(dyad_eval_errmsg(ev), "/nonexistent/gold.jsonl"));
    dyad_eval_free(ev);
    remove(g);
    remove(e);
}

static void test_args(void **state)
{
    (void)state;
    dyad_eval_free(NULL);
    assert_int_equal(dyad_eval_new(NULL), DYAD_EINVAL);
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    dyad_eval_score s;
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get(ev, DYAD_EVAL_FULL, NULL, &s), DYAD_EINVAL);
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_EINVAL);
    assert_int_equal(dyad_eval_add_story(ev, NULL, "x", 1), DYAD_EINVAL);
    assert_int_equal(dyad_eval_add_jsonl(ev, (dyad_eval_side)2, NULL, "", 0), DYAD_EINVAL);
    assert_int_equal(dyad_eval_load(ev, DYAD_EVAL_GOLD, NULL), DYAD_EINVAL);
    assert_int_equal(dyad_eval_run(NULL), DYAD_EINVAL);
    assert_string_equal(dyad_eval_errmsg(ev), "");
    /* nothing loaded: all zero */
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    S_expect(ev, DYAD_EVAL_CATEGORY, NULL, 0, 0, 0, 0);
    dyad_eval_free(ev);
}

/* A system event given only its sentence is placed at the first
 * occurrence of that text in the story, even inside another sentence or
 * across two; sentences that end alike are all found.  A gold event one
 * byte long at the place each should get checks it (full level, one code
 * each). */
static void test_first_occurrence(void **state)
{
    (void)state;
    /* [0,15) [16,44) [45,60) */
    static const char text[] = "Chile met Peru. Bolivia said Chile met Peru. Peru met Chile.";
    static const char gold[] =
        "{\"story\": \"p\", \"start\": 16, \"end\": 17, \"source\": \"BOL\", \"target\": \"PER\","
        " \"code\": \"040\"}\n"
        "{\"story\": \"p\", \"start\": 0, \"end\": 1, \"source\": \"BOL\", \"target\": \"PER\","
        " \"code\": \"042\"}\n"
        "{\"story\": \"p\", \"start\": 6, \"end\": 7, \"source\": \"BOL\", \"target\": \"PER\","
        " \"code\": \"043\"}\n"
        "{\"story\": \"p\", \"start\": 10, \"end\": 11, \"source\": \"BOL\", \"target\": \"PER\","
        " \"code\": \"036\"}\n"
        "{\"story\": \"p\", \"start\": 45, \"end\": 46, \"source\": \"BOL\", \"target\": \"PER\","
        " \"code\": \"111\"}\n"
        "{\"story\": \"p\", \"start\": 24, \"end\": 25, \"source\": \"BOL\", \"target\": \"PER\","
        " \"code\": \"112\"}\n";
    static const char events[] =
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"040\","
        " \"sentence\": \"Bolivia said Chile met Peru.\"}\n"
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"042\","
        " \"sentence\": \"Chile met Peru.\"}\n"
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"043\","
        " \"sentence\": \"met Peru.\"}\n"
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"036\","
        " \"sentence\": \"Peru.\"}\n"
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"111\","
        " \"sentence\": \"Peru met Chile.\"}\n"
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"112\","
        " \"sentence\": \"said Chile met Peru. Peru\"}\n"
        /* runs past the end of the story: not found */
        "{\"doc_id\": \"p\", \"source\": \"BOL\", \"target\": \"PER\", \"code\": \"040\","
        " \"sentence\": \"Peru met Chile. \"}\n";
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, "g", gold, strlen(gold)), DYAD_OK);
    assert_int_equal(dyad_eval_add_story(ev, "p", text, strlen(text)), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, "e", events, strlen(events)),
                     DYAD_OK);
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    S_expect(ev, DYAD_EVAL_FULL, NULL, 6, 7, 6, 6);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.system_unlocated, 1);
    dyad_eval_free(ev);
}

/* Several gold events of one span (one country pair, three sectors)
 * compete for system events of other spans: each takes the largest overlap left, and of equal overlaps the
 * system event loaded first.  The dates show who got whom (the date is
 * compared with the partner at the category + countries level). */
static void test_overlap_ties(void **state)
{
    (void)state;
    static const char text[] = "Chile met Peru. Bolivia said Chile met Peru. Peru met Chile.";
    static const char gold[] =
        "{\"story\": \"p\", \"start\": 0, \"end\": 60, \"source\": \"CHL\", \"target\": \"PER\","
        " \"code\": \"040\", \"date\": \"2020-01-01\"}\n"
        "{\"story\": \"p\", \"start\": 0, \"end\": 60, \"source\": \"CHL\", \"target\": \"PERGOV\","
        " \"code\": \"040\", \"date\": \"2020-01-02\"}\n"
        "{\"story\": \"p\", \"start\": 0, \"end\": 60, \"source\": \"CHL\", \"target\": \"PERMIL\","
        " \"code\": \"040\", \"date\": \"2020-01-03\"}\n";
    static const char events[] =
        "{\"doc_id\": \"p\", \"start\": 45, \"end\": 60, \"source\": \"CHL\", \"target\": \"PER\","
        " \"code\": \"040\", \"date\": \"2020-01-02\"}\n"
        "{\"doc_id\": \"p\", \"start\": 0, \"end\": 15, \"source\": \"CHL\", \"target\": \"PER\","
        " \"code\": \"040\", \"date\": \"2020-01-03\"}\n"
        "{\"doc_id\": \"p\", \"start\": 16, \"end\": 44, \"source\": \"CHL\", \"target\": \"PER\","
        " \"code\": \"040\", \"date\": \"2020-01-01\"}\n";
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, "g", gold, strlen(gold)), DYAD_OK);
    assert_int_equal(dyad_eval_add_story(ev, "p", text, strlen(text)), DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, "e", events, strlen(events)),
                     DYAD_OK);
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 3, 3, 3, 3);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.date_matched, 3);
    assert_int_equal(info.date_agree, 3);
    dyad_eval_free(ev);
}

/* Many stories: the story table grows and rehashes. */
static void test_many_stories(void **state)
{
    (void)state;
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    char line[256];
    for (int i = 0; i < 500; i++) {
        int n = snprintf(line, sizeof line,
                         "{\"story\": \"d%d\", \"start\": 0, \"end\": 22, \"source\": \"ARN\","
                         " \"target\": \"GON\", \"code\": \"190\"}\n", i);
        assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, NULL, line, (size_t)n), DYAD_OK);
    }
    for (int i = 0; i < 500; i++) {
        snprintf(line, sizeof line, "d%d", i);
        assert_int_equal(dyad_eval_add_story(ev, line, S_s1, strlen(S_s1)), DYAD_OK);
        if (i % 2) continue;
        int n = snprintf(line, sizeof line,
                         "{\"doc_id\": \"d%d\", \"source\": \"ARN\", \"target\": \"GON\","
                         " \"code\": \"190\", \"sentence\": \"Arnor attacked Gondor.\"}\n", i);
        assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, NULL, line, (size_t)n),
                         DYAD_OK);
    }
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    S_expect(ev, DYAD_EVAL_FULL, NULL, 500, 250, 250, 250);
    dyad_eval_free(ev);
}

/* Splits: the first begin_split names split 0; each split is scored on
 * its own stories, the pooled figures are unchanged; a gold line naming a
 * story of another split is skipped; the gap is a's figures minus b's. */
static void test_splits(void **state)
{
    (void)state;
    dyad_eval *ev = NULL;
    assert_int_equal(dyad_eval_new(&ev), DYAD_OK);
    assert_int_equal(dyad_eval_nsplits(ev), 1);
    assert_string_equal(dyad_eval_split_name(ev, 0), "gold");
    assert_int_equal(dyad_eval_begin_split(ev, "dev"), DYAD_OK);
    assert_int_equal(dyad_eval_nsplits(ev), 1);              /* renamed, not added */
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, "dev", S_gold, strlen(S_gold)),
                     DYAD_OK);
    assert_int_equal(dyad_eval_begin_split(ev, "test"), DYAD_OK);
    assert_int_equal(dyad_eval_nsplits(ev), 2);
    assert_string_equal(dyad_eval_split_name(ev, 0), "dev");
    assert_string_equal(dyad_eval_split_name(ev, 1), "test");
    assert_null(dyad_eval_split_name(ev, 2));
    static const char test_gold[] =
        "{\"story\": \"s3\", \"start\": 0, \"end\": 20, \"source\": \"PER\", \"target\": \"CHL\","
        " \"code\": \"190\", \"date\": \"2022-03\"}\n"
        "{\"story\": \"s2\"}\n";                               /* dev's story */
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, "t.jsonl", test_gold,
                                         strlen(test_gold)),
                     DYAD_EFORMAT);
    assert_string_equal(dyad_eval_errmsg(ev),
                        "t.jsonl:2: story s2 is in split dev already; line skipped");
    assert_int_equal(dyad_eval_add_story(ev, "s1", S_s1, strlen(S_s1)), DYAD_OK);
    assert_int_equal(dyad_eval_add_story(ev, "s2", "Nothing here.", 13), DYAD_OK);
    assert_int_equal(dyad_eval_add_story(ev, "s3", "Not in the gold set.", 20), DYAD_OK);
    /* S_events' s3 event has other countries; this one agrees with the
     * test gold at the countries level (193 is a fight too), not fully */
    static const char more[] =
        "{\"doc_id\": \"s3\", \"source\": \"PER\", \"target\": \"CHL\", \"code\": \"193\","
        " \"date\": \"2022-03-04\", \"sentence\": \"Not in the gold set.\"}\n";
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, NULL, S_events, strlen(S_events)),
                     DYAD_OK);
    assert_int_equal(dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, NULL, more, strlen(more)),
                     DYAD_OK);
    dyad_eval_score s;
    assert_int_equal(dyad_eval_get_split(ev, 0, DYAD_EVAL_COUNTRIES, NULL, &s), DYAD_EINVAL);
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    /* dev as in test_levels: 4 gold, 6 system (the repeat dropped);
     * countries match the 190 and the GONGOV->ROHGOV 040 */
    assert_int_equal(dyad_eval_get_split(ev, 0, DYAD_EVAL_COUNTRIES, NULL, &s), DYAD_OK);
    assert_int_equal(s.gold, 4);
    assert_int_equal(s.system, 6);
    assert_int_equal(s.gold_matched, 2);
    assert_int_equal(s.system_matched, 2);
    /* test: one gold, two system events, one agreeing */
    assert_int_equal(dyad_eval_get_split(ev, 1, DYAD_EVAL_COUNTRIES, NULL, &s), DYAD_OK);
    assert_int_equal(s.gold, 1);
    assert_int_equal(s.system, 2);
    assert_int_equal(s.gold_matched, 1);
    assert_int_equal(s.system_matched, 1);
    assert_int_equal(dyad_eval_get_split(ev, 1, DYAD_EVAL_FULL, "19", &s), DYAD_OK);
    assert_int_equal(s.system, 2);
    assert_int_equal(s.gold_matched, 0);
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 5, 8, 3, 3);     /* pooled */
    dyad_eval_info a, b, all;
    assert_int_equal(dyad_eval_get_split_info(ev, 0, &a), DYAD_OK);
    assert_int_equal(dyad_eval_get_split_info(ev, 1, &b), DYAD_OK);
    assert_int_equal(dyad_eval_get_info(ev, &all), DYAD_OK);
    assert_int_equal(a.stories, 2);
    assert_int_equal(b.stories, 1);
    assert_int_equal(all.stories, 3);
    assert_int_equal(a.system_duplicates, 1);
    assert_int_equal(b.system_duplicates, 0);
    assert_int_equal(a.date_matched, 1);
    assert_int_equal(a.date_agree, 0);                       /* no system date */
    assert_int_equal(b.date_matched, 1);
    assert_int_equal(b.date_agree, 1);
    assert_int_equal(a.skipped_lines, 1);                    /* the run's */
    dyad_eval_gap g;
    assert_int_equal(dyad_eval_get_gap(ev, 0, 1, DYAD_EVAL_COUNTRIES, &g), DYAD_OK);
    assert_true(g.has_precision && g.has_recall && g.has_f1 && g.has_date);
    assert_true(g.precision == 2.0 / 6.0 - 1.0 / 2.0);
    assert_true(g.recall == 2.0 / 4.0 - 1.0);
    assert_true(g.date == -1.0);
    assert_int_equal(dyad_eval_get_gap(ev, 0, 2, DYAD_EVAL_COUNTRIES, &g), DYAD_EINVAL);
    assert_int_equal(dyad_eval_get_gap(ev, 0, 1, DYAD_EVAL_NLEVELS, &g), DYAD_EINVAL);
    assert_int_equal(dyad_eval_get_split_info(ev, 2, &a), DYAD_EINVAL);
    /* an empty split stays a split of its own, with nothing in it */
    assert_int_equal(dyad_eval_begin_split(ev, "empty"), DYAD_OK);
    assert_int_equal(dyad_eval_begin_split(ev, "last"), DYAD_OK);
    assert_int_equal(dyad_eval_nsplits(ev), 4);
    assert_string_equal(dyad_eval_split_name(ev, 2), "empty");
    assert_int_equal(dyad_eval_run(ev), DYAD_OK);
    assert_int_equal(dyad_eval_get_split(ev, 2, DYAD_EVAL_CATEGORY, NULL, &s), DYAD_OK);
    assert_int_equal(s.gold + s.system, 0);
    assert_int_equal(dyad_eval_get_gap(ev, 0, 3, DYAD_EVAL_CATEGORY, &g), DYAD_OK);
    assert_false(g.has_precision || g.has_recall || g.has_f1 || g.has_date);
    assert_true(g.precision == 0.0 && g.recall == 0.0);
    assert_int_equal(dyad_eval_begin_split(ev, NULL), DYAD_EINVAL);
    assert_int_equal(dyad_eval_begin_split(NULL, "x"), DYAD_EINVAL);
    assert_int_equal(dyad_eval_nsplits(NULL), 0);
    dyad_eval_free(ev);
}

/* One-sided events (a protest, a strike: no second party) are scored
 * apart from the levels: found when a one-sided system event of an
 * overlapping sentence has the same category and countries; system ones
 * are counted even where the gold has none. */
static void test_one_sided(void **state)
{
    (void)state;
    const char *gold =
        "{\"story\": \"s1\", \"start\": 0, \"end\": 22, \"source\": \"ARNMIL\", \"target\": \"GONGOV\","
        " \"code\": \"190\"}\n"
        "{\"story\": \"s1\", \"start\": 23, \"end\": 40, \"source\": \"GONLAB\", \"target\": \"\","
        " \"code\": \"143\"}\n"
        "{\"story\": \"s1\", \"start\": 41, \"end\": 66, \"source\": \"MOR\", \"target\": \"-\","
        " \"code\": \"141\"}\n";
    const char *events =
        "{\"doc_id\": \"s1\", \"sentence\": \"Arnor attacked Gondor.\", \"source\": \"ARNMIL\","
        " \"target\": \"GONGOV\", \"code\": \"190\"}\n"
        "{\"doc_id\": \"s1\", \"sentence\": \"Gondor met Rohan.\", \"source\": \"GONCVL\","
        " \"target\": \"\", \"code\": \"1431\"}\n"
        "{\"doc_id\": \"s1\", \"sentence\": \"Mordor threatened Gondor.\", \"source\": \"ARN\","
        " \"target\": \"\", \"code\": \"141\"}\n"
        "{\"doc_id\": \"s1\", \"sentence\": \"Mordor threatened Gondor.\", \"source\": \"MOR\","
        " \"target\": \"\", \"code\": \"145\"}\n";
    dyad_eval *ev = S_new(gold, events, 1);
    /* the two-party levels see one event on each side */
    S_expect(ev, DYAD_EVAL_COUNTRIES, NULL, 1, 1, 1, 1);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    assert_int_equal(info.one_sided_gold, 2);
    assert_int_equal(info.one_sided_system, 3);
    /* the strike is found (same root, same country); the march is not:
     * another country's, and a riot is not a demonstration */
    assert_int_equal(info.one_sided_found, 1);
    dyad_eval_free(ev);
}

/* Where the unmatched events lie: in sentences the other side has no
 * event in, matched at no level, or at the category level only. */
static void test_error_profile(void **state)
{
    (void)state;
    dyad_eval *ev = S_new(S_gold, S_events, 1);
    dyad_eval_info info;
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    /* the event of the story without gold events; the false alarm of the
     * first sentence; the threat against the wrong party (the repeat and
     * the story outside the gold set are not scored) */
    assert_int_equal(info.system_off_gold, 1);
    assert_int_equal(info.system_category_miss, 1);
    assert_int_equal(info.system_country_miss, 1);
    /* the second meeting (its one system event went to the first); the
     * threat, matched at the category level only */
    assert_int_equal(info.gold_off_system, 0);
    assert_int_equal(info.gold_category_miss, 1);
    assert_int_equal(info.gold_country_miss, 1);
    dyad_eval_free(ev);

    /* gold events in sentences without system events; a system event
     * that overlaps a gold sentence only in part still counts as in it */
    const char *gold =
        "{\"story\": \"s1\", \"start\": 23, \"end\": 40, \"source\": \"GONGOV\","
        " \"target\": \"ROHGOV\", \"code\": \"040\"}\n"
        "{\"story\": \"s1\", \"start\": 41, \"end\": 66, \"source\": \"MORGOV\","
        " \"target\": \"GONGOV\", \"code\": \"138\", \"modality\": \"planned\"}\n"
        "{\"story\": \"s1\", \"start\": 0, \"end\": 30, \"source\": \"ARNMIL\","
        " \"target\": \"GONGOV\", \"code\": \"190\"}\n";
    const char *events =
        "{\"doc_id\": \"s1\", \"source\": \"MORGOV\", \"target\": \"GONGOV\","
        " \"code\": \"111\", \"sentence\": \"Mordor threatened Gondor.\"}\n";
    ev = S_new(gold, events, 1);
    assert_int_equal(dyad_eval_get_info(ev, &info), DYAD_OK);
    /* the planned threat is scored apart, but its sentence is the gold's */
    assert_int_equal(info.system_off_gold, 0);
    assert_int_equal(info.system_category_miss, 1);
    assert_int_equal(info.system_country_miss, 0);
    assert_int_equal(info.gold_off_system, 2);
    assert_int_equal(info.gold_category_miss, 0);
    assert_int_equal(info.gold_country_miss, 0);
    dyad_eval_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_one_sided),
        cmocka_unit_test(test_error_profile),
        cmocka_unit_test(test_no_text),
        cmocka_unit_test(test_offsets_overlap),
        cmocka_unit_test(test_countries_and_greedy),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_args),
        cmocka_unit_test(test_many_stories),
        cmocka_unit_test(test_first_occurrence),
        cmocka_unit_test(test_overlap_ties),
        cmocka_unit_test(test_splits),
    };
    return test_result(cmocka_run_group_tests(tests, NULL, NULL));
}
