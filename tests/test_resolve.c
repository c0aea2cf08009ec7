/*
 * test_resolve.c -- the resolve stage: dates as numbers, and time
 * expressions found in phrases we wrote and resolved against a document
 * date and a tense direction.  The phrases are given as the text layer
 * splits them (words and punctuation separated by spaces); one test runs
 * the real tokeniser first.
 *
 * Reference dates: 2020-06-10 is a Wednesday, 2020-06-09 a Tuesday.
 */
#include "testutil.h"

#include "resolve/resolve.h"

#define PAST (-1)
#define PRESENT 0
#define FUTURE 1

/* Splits phrase at spaces into words (kept in a static buffer). */
static size_t S_split(const char *phrase, const char **words, size_t max)
{
    static char buf[1024];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", phrase);
    for (char *p = strtok(buf, " "); p && n < max; p = strtok(NULL, " ")) words[n++] = p;
    return n;
}

static dyad__date S_doc(const char *iso)
{
    dyad__date d = {0, 0, 0, DYAD__DATE_UNKNOWN};
    if (iso) assert_int_equal(dyad__date_parse(iso, &d), 10);
    return d;
}

/* Scans phrase and returns its expressions (at most 8) in out. */
static size_t S_scan(const char *phrase, dyad__timex *out)
{
    const char *w[64];
    size_t n = S_split(phrase, w, 64);
    return dyad__timex_scan(w, n, out, 8);
}

/* The words of x in phrase, joined by spaces. */
static const char *S_words_of(const char *phrase, const dyad__timex *x)
{
    static char out[256];
    const char *w[64];
    size_t n = S_split(phrase, w, 64), len = 0;
    out[0] = 0;
    for (size_t i = x->first; i < x->end && i < n; i++)
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", i > x->first ? " " : "", w[i]);
    return out;
}

/* The first expression in phrase resolved against doc (NULL: none) in the
 * direction: "YYYY[-MM[-DD]]", "unknown", or "none" when nothing is found. */
static const char *S_resolve(const char *phrase, const char *doc, int dir)
{
    static char buf[16];
    dyad__timex x[8];
    if (S_scan(phrase, x) == 0) return "none";
    dyad__date d = dyad__timex_resolve(&x[0], S_doc(doc), dir);
    if (d.prec == DYAD__DATE_UNKNOWN) {
        assert_true(d.y == 0 && d.m == 0 && d.d == 0);
        return "unknown";
    }
    assert_true(dyad__date_format(d, buf, sizeof buf) > 0);
    return buf;
}

/* The span of the first expression in phrase, or "none". */
static const char *S_span(const char *phrase)
{
    dyad__timex x[8];
    if (S_scan(phrase, x) == 0) return "none";
    return S_words_of(phrase, &x[0]);
}

/* ------------------------------------------------------------------ dates */

static void test_date_parse_format(void **state)
{
    (void)state;
    dyad__date d;
    char buf[16];
    assert_int_equal(dyad__date_parse("2020-06-10", &d), 10);
    assert_true(d.y == 2020 && d.m == 6 && d.d == 10 && d.prec == DYAD__DATE_DAY);
    assert_int_equal(dyad__date_format(d, buf, sizeof buf), 10);
    assert_string_equal(buf, "2020-06-10");
    assert_int_equal(dyad__date_parse("2019-04", &d), 7);
    assert_true(d.y == 2019 && d.m == 4 && d.d == 0 && d.prec == DYAD__DATE_MONTH);
    assert_int_equal(dyad__date_format(d, buf, sizeof buf), 7);
    assert_string_equal(buf, "2019-04");
    assert_int_equal(dyad__date_parse("2014", &d), 4);
    assert_true(d.y == 2014 && d.prec == DYAD__DATE_YEAR);
    assert_int_equal(dyad__date_parse("0987", &d), 4);
    assert_int_equal(dyad__date_format(d, buf, sizeof buf), 4);
    assert_string_equal(buf, "0987");
    assert_int_equal(dyad__date_parse("2020-02-29", &d), 10);

    static const char *const bad[] = {"2019-02-29", "2020-13", "2020-00", "0000", "20201",
                                      "2020-1-01", "2020-06-10x", "2020/06/10", "", "abcd",
                                      "2020-06-31", "2020-06-00", "-202"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        d.y = 7;
        assert_int_equal(dyad__date_parse(bad[i], &d), 0);
        assert_int_equal(d.prec, DYAD__DATE_UNKNOWN);
        assert_int_equal(d.y, 0);
    }
    assert_int_equal(dyad__date_parse(NULL, &d), 0);

    /* format refuses unknown, invalid and short buffers, writing nothing */
    d = (dyad__date){2020, 6, 10, DYAD__DATE_DAY};
    memset(buf, 'x', sizeof buf);
    assert_int_equal(dyad__date_format(d, buf, 10), 0);
    assert_int_equal(buf[0], 'x');
    assert_int_equal(dyad__date_format(d, buf, 11), 10);
    assert_int_equal(dyad__date_format((dyad__date){0, 0, 0, DYAD__DATE_UNKNOWN}, buf, 16), 0);
    assert_int_equal(dyad__date_format((dyad__date){2019, 2, 29, DYAD__DATE_DAY}, buf, 16), 0);
    assert_int_equal(dyad__date_format((dyad__date){2019, 4, 3, DYAD__DATE_MONTH}, buf, 16), 0);
    assert_int_equal(dyad__date_format((dyad__date){10000, 0, 0, DYAD__DATE_YEAR}, buf, 16), 0);
}

static void test_day_arithmetic(void **state)
{
    (void)state;
    assert_int_equal(dyad__date_days(1970, 1, 1), 0);
    assert_int_equal(dyad__date_days(1969, 12, 31), -1);
    assert_int_equal(dyad__date_days(2000, 3, 1) - dyad__date_days(2000, 2, 28), 2);
    assert_int_equal(dyad__date_days(1900, 3, 1) - dyad__date_days(1900, 2, 28), 1);
    assert_int_equal(dyad__date_weekday(2020, 6, 10), 3);   /* Wednesday */
    assert_int_equal(dyad__date_weekday(1970, 1, 1), 4);
    assert_int_equal(dyad__date_weekday(1, 1, 1), 1);       /* proleptic: a Monday */
    assert_int_equal(dyad__date_weekday(2021, 1, 3), 7);
    assert_int_equal(dyad__date_month_days(2020, 2), 29);
    assert_int_equal(dyad__date_month_days(2100, 2), 28);
    assert_int_equal(dyad__date_month_days(2000, 2), 29);
    assert_int_equal(dyad__date_month_days(2020, 13), 0);
    /* every day from year 1 to 9999 round-trips and steps by one */
    long first = dyad__date_days(1, 1, 1), last = dyad__date_days(9999, 12, 31);
    dyad__date prev = dyad__date_from_days(first - 1);
    assert_true(prev.y == 0 && prev.m == 12 && prev.d == 31);
    for (long z = first; z <= last; z++) {
        dyad__date d = dyad__date_from_days(z);
        if (!dyad__date_ok(d) || dyad__date_days(d.y, d.m, d.d) != z) fail_msg("day %ld", z);
        if (d.d != 1 ? d.d != prev.d + 1 || d.m != prev.m
                     : prev.d != dyad__date_month_days(prev.y, prev.m))
            fail_msg("step at day %ld", z);
        prev = d;
    }
    long a, b;
    assert_true(dyad__date_bounds((dyad__date){2020, 2, 0, DYAD__DATE_MONTH}, &a, &b));
    assert_int_equal(b - a, 28);
    assert_true(dyad__date_bounds((dyad__date){2019, 0, 0, DYAD__DATE_YEAR}, &a, &b));
    assert_int_equal(b - a, 364);
    assert_int_equal(a, dyad__date_days(2019, 1, 1));
    assert_true(dyad__date_bounds((dyad__date){2019, 4, 4, DYAD__DATE_DAY}, &a, &b));
    assert_int_equal(a, b);
    assert_false(dyad__date_bounds((dyad__date){0, 0, 0, DYAD__DATE_UNKNOWN}, &a, &b));
}

/* ------------------------------------------------------ explicit dates */

static void test_explicit_dates(void **state)
{
    (void)state;
    const char *s = "On April 4 , Haftar launched an offensive on Tripoli";
    assert_string_equal(S_resolve(s, "2019-12-10", PAST), "2019-04-04");
    assert_string_equal(S_span(s), "On April 4");
    assert_string_equal(S_resolve("talks began March 5 , 2020 in Geneva", NULL, PAST), "2020-03-05");
    assert_string_equal(S_span("talks began March 5 , 2020 in Geneva"), "March 5 , 2020");
    assert_string_equal(S_resolve("on 5 March 2020 the talks began", NULL, PAST), "2020-03-05");
    assert_string_equal(S_resolve("on the 4th of April 2019", NULL, PAST), "2019-04-04");
    assert_string_equal(S_resolve("signed on April 4th", "2020-06-10", PAST), "2020-04-04");
    assert_string_equal(S_resolve("the Oct. 22 vote", "2020-11-01", PAST), "2020-10-22");
    assert_string_equal(S_resolve("on Sept. 3 , rebels", "2020-06-10", PAST), "2019-09-03");
    assert_string_equal(S_resolve("the ceasefire of Jan. 12", "2020-06-10", PAST), "2020-01-12");
    assert_string_equal(S_resolve("Russia annexed Crimea in 2014 .", "2020-06-10", PAST), "2014");
    assert_string_equal(S_resolve("Russia annexed Crimea in 2014 .", NULL, PAST), "2014");
    assert_string_equal(S_span("Russia annexed Crimea in 2014 ."), "in 2014");
    assert_string_equal(S_resolve("elections were held in April", "2019-06-10", PAST), "2019-04");
    assert_string_equal(S_resolve("elections were held in April 2019", NULL, PAST), "2019-04");
    assert_string_equal(S_resolve("in March of 2014", NULL, PAST), "2014-03");
    assert_string_equal(S_resolve("in May", "2020-06-10", PAST), "2020-05");
    assert_string_equal(S_resolve("it ended last December", "2020-03-01", PAST), "2019-12");
    assert_string_equal(S_resolve("it ended last December", "2020-12-20", PAST), "2019-12");
    assert_string_equal(S_resolve("talks next April", "2020-03-01", FUTURE), "2020-04");
    assert_string_equal(S_resolve("talks next April", "2020-04-20", FUTURE), "2021-04");
    assert_string_equal(S_resolve("in December last year", "2020-06-10", PAST), "2019-12");
    assert_string_equal(S_resolve("this April", "2020-06-10", PAST), "2020-04");
    assert_string_equal(S_resolve("in January of this year", "2020-06-10", PAST), "2020-01");
    assert_string_equal(S_resolve("on March 3 last year", "2020-06-10", PAST), "2019-03-03");
    assert_string_equal(S_resolve("on 2020-06-09 the talks", NULL, PAST), "2020-06-09");

    /* a weekday naming a date: the date decides */
    dyad__timex x[8];
    assert_int_equal(S_scan("on Tuesday , June 9 , 2020 the talks", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_DATE);
    assert_int_equal(x[0].weekday, 2);
    assert_string_equal(S_resolve("on Tuesday , June 9 , 2020", NULL, PAST), "2020-06-09");
    assert_string_equal(S_resolve("on Monday 8 June", "2020-06-10", PAST), "2020-06-08");
}

/* early / mid / late keep the precision written (documented in resolve.h). */
static void test_parts_of_periods(void **state)
{
    (void)state;
    dyad__timex x[8];
    assert_string_equal(S_resolve("in early 2011 protests began", NULL, PAST), "2011");
    assert_int_equal(S_scan("in early 2011 protests began", x), 1);
    assert_int_equal(x[0].part, DYAD__PART_EARLY);
    assert_string_equal(S_words_of("in early 2011 protests began", &x[0]), "in early 2011");
    assert_string_equal(S_resolve("late 2019", NULL, PAST), "2019");
    assert_string_equal(S_resolve("since mid-2019", NULL, PAST), "2019");
    assert_int_equal(S_scan("since mid-2019", x), 1);
    assert_int_equal(x[0].part, DYAD__PART_MID);
    assert_int_equal(x[0].span, DYAD__SPAN_SINCE);
    assert_string_equal(S_resolve("in mid-April", "2020-06-10", PAST), "2020-04");
    assert_string_equal(S_resolve("in late May", "2020-06-10", PAST), "2020-05");
    assert_string_equal(S_resolve("by the end of 2021", NULL, FUTURE), "2021");
    assert_int_equal(S_scan("by the end of 2021", x), 1);
    assert_int_equal(x[0].part, DYAD__PART_LATE);
    assert_int_equal(x[0].span, DYAD__SPAN_UNTIL);
    assert_string_equal(S_resolve("late last year", "2020-06-10", PAST), "2019");
    /* a decade is a time, but no date at our precisions */
    assert_int_equal(S_scan("in the 1990s", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_DECADE);
    assert_int_equal(x[0].y, 1990);
    assert_string_equal(S_resolve("in the 1990s", "2020-06-10", PAST), "unknown");
    assert_string_equal(S_resolve("in the mid-1990s", NULL, PAST), "unknown");
}

/* ----------------------------------------------------------- weekdays */

static void test_weekdays(void **state)
{
    (void)state;
    const char *wed = "2020-06-10";
    /* past and present look back; the same weekday is the document's day */
    assert_string_equal(S_resolve("Putin and Merkel spoke on Tuesday", wed, PAST), "2020-06-09");
    assert_string_equal(S_resolve("Putin said Tuesday", wed, PRESENT), "2020-06-09");
    assert_string_equal(S_resolve("on Wednesday", wed, PAST), "2020-06-10");
    assert_string_equal(S_resolve("on Wednesday", wed, FUTURE), "2020-06-10");
    assert_string_equal(S_resolve("they met on Thursday", wed, PAST), "2020-06-04");
    /* the future looks forward */
    assert_string_equal(S_resolve("will meet on Thursday", wed, FUTURE), "2020-06-11");
    assert_string_equal(S_resolve("will meet on Tuesday", wed, FUTURE), "2020-06-16");
    /* last / next: strictly before / after the document's day */
    assert_string_equal(S_resolve("last Tuesday", wed, PAST), "2020-06-09");
    assert_string_equal(S_resolve("last Wednesday", wed, PAST), "2020-06-03");
    assert_string_equal(S_resolve("next Monday", wed, FUTURE), "2020-06-15");
    assert_string_equal(S_resolve("next Wednesday", wed, FUTURE), "2020-06-17");
    assert_string_equal(S_resolve("this Tuesday", wed, PAST), "2020-06-09");
    /* weeks named with the weekday */
    assert_string_equal(S_resolve("on Tuesday next week", wed, FUTURE), "2020-06-16");
    assert_string_equal(S_resolve("Friday of last week", wed, PAST), "2020-06-05");
    /* across a month and a year */
    assert_string_equal(S_resolve("on Thursday", "2020-07-01", PAST), "2020-06-25");
    assert_string_equal(S_resolve("on Saturday", "2021-01-01", PAST), "2020-12-26");
    assert_string_equal(S_resolve("on Monday", "2020-12-31", FUTURE), "2021-01-04");
    dyad__timex x[8];
    assert_int_equal(S_scan("on Tuesday", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_WEEKDAY);
    assert_int_equal(x[0].weekday, 2);
    assert_int_equal(x[0].ref, DYAD__REF_TENSE);
}

/* --------------------------------------------------- relative expressions */

static void test_relative_days(void **state)
{
    (void)state;
    const char *wed = "2020-06-10";
    assert_string_equal(S_resolve("Putin said yesterday", wed, PAST), "2020-06-09");
    assert_string_equal(S_resolve("Erdogan said today", wed, PRESENT), "2020-06-10");
    assert_string_equal(S_resolve("they meet tomorrow", wed, FUTURE), "2020-06-11");
    assert_string_equal(S_resolve("clashes last night", wed, PAST), "2020-06-09");
    assert_string_equal(S_resolve("earlier today", wed, PAST), "2020-06-10");
    assert_string_equal(S_resolve("three days ago", wed, PAST), "2020-06-07");
    assert_string_equal(S_resolve("yesterday", "2021-01-01", PAST), "2020-12-31");
    dyad__timex x[8];
    assert_int_equal(S_scan("Putin said yesterday", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_RELATIVE);
    assert_int_equal(x[0].unit, DYAD__UNIT_DAY);
    assert_int_equal(x[0].offset, -1);
}

/* "last week" is the calendar week before the document's, at the finest
 * precision that holds all of it (resolve.h). */
static void test_relative_weeks(void **state)
{
    (void)state;
    /* doc Wed 10 June: last week is 1..7 June */
    assert_string_equal(S_resolve("last week", "2020-06-10", PAST), "2020-06");
    /* doc Wed 3 June: 25..31 May */
    assert_string_equal(S_resolve("last week", "2020-06-03", PAST), "2020-05");
    /* doc Wed 8 July: 29 June .. 5 July straddles two months */
    assert_string_equal(S_resolve("last week", "2020-07-08", PAST), "2020");
    /* doc Wed 6 Jan 2021: 28 Dec .. 3 Jan straddles two years */
    assert_string_equal(S_resolve("last week", "2021-01-06", PAST), "unknown");
    assert_string_equal(S_resolve("a week ago", "2020-06-10", PAST), "2020-06");
    assert_string_equal(S_resolve("next week", "2020-06-10", FUTURE), "2020-06");
    /* this week, past: Monday up to the document's day */
    assert_string_equal(S_resolve("this week", "2020-06-10", PAST), "2020-06");
    assert_string_equal(S_resolve("this week", "2020-07-01", PAST), "2020");
    assert_string_equal(S_resolve("this week", "2020-07-01", FUTURE), "2020-07");
    /* earlier this week in a Tuesday story is the Monday */
    assert_string_equal(S_resolve("earlier this week", "2020-06-09", PAST), "2020-06-08");
    assert_string_equal(S_resolve("later this week", "2020-06-13", FUTURE), "2020-06-14");
}

static void test_relative_months_years(void **state)
{
    (void)state;
    const char *wed = "2020-06-10";
    assert_string_equal(S_resolve("last month", wed, PAST), "2020-05");
    assert_string_equal(S_resolve("last month", "2020-01-15", PAST), "2019-12");
    assert_string_equal(S_resolve("two months ago", "2020-01-15", PAST), "2019-11");
    assert_string_equal(S_resolve("next month", "2020-12-15", FUTURE), "2021-01");
    assert_string_equal(S_resolve("earlier this month", wed, PAST), "2020-06");
    assert_string_equal(S_resolve("earlier this month", "2020-06-01", PAST), "2020-06");
    assert_string_equal(S_resolve("last year", wed, PAST), "2019");
    assert_string_equal(S_resolve("this year", wed, PRESENT), "2020");
    assert_string_equal(S_resolve("next year", wed, FUTURE), "2021");
    assert_string_equal(S_resolve("a year ago", wed, PAST), "2019");
    dyad__timex x[8];
    assert_int_equal(S_scan("earlier this month", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_RELATIVE);
    assert_int_equal(x[0].unit, DYAD__UNIT_MONTH);
    assert_int_equal(x[0].offset, 0);
    assert_int_equal(x[0].part, DYAD__PART_EARLIER);
    /* since: the start of the span */
    assert_string_equal(S_resolve("fighting since 2014", NULL, PAST), "2014");
    assert_int_equal(S_scan("fighting since 2014", x), 1);
    assert_int_equal(x[0].span, DYAD__SPAN_SINCE);
    assert_string_equal(S_words_of("fighting since 2014", &x[0]), "since 2014");
    assert_int_equal(S_scan("since last year", x), 1);
    assert_int_equal(x[0].span, DYAD__SPAN_SINCE);
    assert_string_equal(S_resolve("since last year", wed, PAST), "2019");
    assert_int_equal(S_scan("until March", x), 1);
    assert_int_equal(x[0].span, DYAD__SPAN_UNTIL);
    assert_int_equal(S_scan("fighting since Tuesday", x), 1);
    assert_int_equal(x[0].span, DYAD__SPAN_SINCE);
    assert_string_equal(S_resolve("fighting since Tuesday", wed, PAST), "2020-06-09");
    assert_int_equal(S_scan("early Sunday", x), 1);
    assert_int_equal(x[0].part, DYAD__PART_EARLY);
    assert_int_equal(x[0].kind, DYAD__TIMEX_WEEKDAY);
}

/* A time with no date of its own is found (the clause has a time) but
 * never resolves. */
static void test_vague_and_anaphoric(void **state)
{
    (void)state;
    static const struct { const char *s; dyad__timex_kind kind; const char *span; } cases[] = {
        {"clashes in recent days", DYAD__TIMEX_VAGUE, "in recent days"},
        {"they recently met", DYAD__TIMEX_VAGUE, "recently"},
        {"over the past few weeks", DYAD__TIMEX_VAGUE, "the past few weeks"},
        {"in the last week", DYAD__TIMEX_VAGUE, "in the last week"},
        {"in the coming days", DYAD__TIMEX_VAGUE, "in the coming days"},
        {"a few days ago", DYAD__TIMEX_VAGUE, "a few days ago"},
        {"the next day , they met", DYAD__TIMEX_ANAPHOR, "the next day"},
        {"on the previous day", DYAD__TIMEX_ANAPHOR, "on the previous day"},
        {"two days later", DYAD__TIMEX_ANAPHOR, "two days later"},
        {"later that day", DYAD__TIMEX_ANAPHOR, "later that day"},
        {"the day before", DYAD__TIMEX_ANAPHOR, "the day before"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad__timex x[8];
        if (S_scan(cases[i].s, x) != 1) fail_msg("'%s': not one expression", cases[i].s);
        if (x[0].kind != cases[i].kind) fail_msg("'%s': kind %d", cases[i].s, (int)x[0].kind);
        assert_string_equal(S_words_of(cases[i].s, &x[0]), cases[i].span);
        assert_string_equal(S_resolve(cases[i].s, "2020-06-10", PAST), "unknown");
    }
}

/* ------------------------------------------------------- year inference */

static void test_year_inference(void **state)
{
    (void)state;
    /* a January story: "on Dec. 28" is the previous year */
    assert_string_equal(S_resolve("they met on Dec. 28", "2021-01-05", PAST), "2020-12-28");
    assert_string_equal(S_resolve("in December", "2021-01-05", PAST), "2020-12");
    /* a December story: "will meet on Jan. 5" is the next year */
    assert_string_equal(S_resolve("will meet on Jan. 5", "2020-12-20", FUTURE), "2021-01-05");
    assert_string_equal(S_resolve("in January", "2020-12-20", FUTURE), "2021-01");
    assert_string_equal(S_resolve("in January", "2020-12-20", PAST), "2020-01");
    /* the document's own day and month, both directions */
    assert_string_equal(S_resolve("on June 10", "2020-06-10", PAST), "2020-06-10");
    assert_string_equal(S_resolve("on June 10", "2020-06-10", FUTURE), "2020-06-10");
    assert_string_equal(S_resolve("on June 11", "2020-06-10", PAST), "2019-06-11");
    assert_string_equal(S_resolve("on June 9", "2020-06-10", FUTURE), "2021-06-09");
    assert_string_equal(S_resolve("in June", "2020-06-10", PAST), "2020-06");
    assert_string_equal(S_resolve("in June", "2020-06-10", FUTURE), "2020-06");
    /* 29 February looks for a leap year */
    assert_string_equal(S_resolve("on Feb. 29", "2021-03-01", PAST), "2020-02-29");
    assert_string_equal(S_resolve("on Feb. 29", "2021-03-01", FUTURE), "2024-02-29");
    /* a written year is never overridden */
    assert_string_equal(S_resolve("on Dec. 28 , 2018", "2021-01-05", FUTURE), "2018-12-28");
}

/* ------------------------------------------------- no document date */

static void test_no_document_date(void **state)
{
    (void)state;
    static const char *const unresolved[] = {
        "on Tuesday", "yesterday", "last week", "last month", "last year", "this year",
        "earlier this month", "on April 4", "in April", "last December", "three days ago",
        "next Monday"};
    for (size_t i = 0; i < sizeof unresolved / sizeof unresolved[0]; i++) {
        if (strcmp(S_resolve(unresolved[i], NULL, PAST), "unknown") != 0)
            fail_msg("'%s' resolved without a document date", unresolved[i]);
        if (strcmp(S_resolve(unresolved[i], NULL, FUTURE), "unknown") != 0)
            fail_msg("'%s' resolved without a document date", unresolved[i]);
    }
    assert_string_equal(S_resolve("on April 4 , 2019", NULL, PAST), "2019-04-04");
    assert_string_equal(S_resolve("in April 2019", NULL, FUTURE), "2019-04");
    /* a document date at less than day precision counts as none */
    dyad__timex x[8];
    assert_int_equal(S_scan("yesterday", x), 1);
    dyad__date month = {2020, 6, 0, DYAD__DATE_MONTH};
    assert_int_equal(dyad__timex_resolve(&x[0], month, PAST).prec, DYAD__DATE_UNKNOWN);
    dyad__date bad = {2019, 2, 29, DYAD__DATE_DAY};
    assert_int_equal(dyad__timex_resolve(&x[0], bad, PAST).prec, DYAD__DATE_UNKNOWN);
    assert_int_equal(dyad__timex_resolve(NULL, S_doc("2020-06-10"), PAST).prec,
                     DYAD__DATE_UNKNOWN);
}

/* ------------------------------------------------------ false positives */

static void test_not_times(void **state)
{
    (void)state;
    static const char *const none[] = {
        "he may attend the talks",
        "May Putin attend ?",
        "Theresa May said",
        "pressure on May to resign",
        "a vote backed by May",
        "confidence in May 's cabinet",
        "protesters will march to the capital",
        "the March on Washington",
        "the Long March ended",
        "1,000 troops",
        "Turkey sent 2020 troops",
        "a force of 2000 people",
        "in 1200 cases",
        "Bloody Sunday was remembered",
        "the Sunday Times reported",
        "he won Super Tuesday",
        "Russia Today reported",
        "the late president",
        "Jan Kubis said",
        "Resolution 2254 calls for",
        "last time they met",
        "the next round",
        "Tuesdays are quiet",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        dyad__timex x[8];
        size_t k = S_scan(none[i], x);
        if (k) fail_msg("'%s': found '%s'", none[i], S_words_of(none[i], &x[0]));
    }
    dyad__timex x[8];
    /* a number beside a month makes a date, even of an ambiguous month */
    assert_string_equal(S_span("4 April"), "4 April");
    assert_string_equal(S_span("since May 2019"), "since May 2019");
    assert_string_equal(S_span("on May 5"), "on May 5");
    assert_string_equal(S_span("in May"), "in May");
    assert_string_equal(S_span("in early March"), "in early March");
    assert_string_equal(S_span("last March"), "last March");
    assert_string_equal(S_span("Jan. 5"), "Jan. 5");
    assert_string_equal(S_span("Aug 5"), "Aug 5");
    /* a march on Tuesday: the weekday, not the march */
    assert_string_equal(S_span("a march on Tuesday"), "on Tuesday");
    /* beside a month, a number is a day or a year, before a noun too */
    assert_string_equal(S_span("the Sept. 11 attacks"), "Sept. 11");
    assert_string_equal(S_span("the April 2019 elections"), "April 2019");
    /* a month alone before a capitalised word is a name */
    assert_int_equal(S_scan("April Ryan asked", x), 0);
    assert_int_equal(S_scan("on Tuesday May said", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_WEEKDAY);
    assert_string_equal(S_span("Tuesday , June 9"), "Tuesday , June 9");
    assert_string_equal(S_span("in 2014 Russia annexed Crimea"), "in 2014");
    assert_string_equal(S_span("which in 2014 annexed Crimea"), "in 2014");
    /* "the last week" is the past seven days, not last week */
    assert_int_equal(S_scan("over the last week", x), 1);
    assert_int_equal(x[0].kind, DYAD__TIMEX_VAGUE);
}

/* ------------------------------------------------ several, cap, order */

static void test_several_in_order(void **state)
{
    (void)state;
    const char *s = "On Tuesday , Putin said he would travel to Ankara on Friday after talks "
                    "in Sochi in 2019 and since last year .";
    dyad__timex x[8];
    assert_int_equal(S_scan(s, x), 4);
    assert_string_equal(S_words_of(s, &x[0]), "On Tuesday");
    assert_string_equal(S_words_of(s, &x[1]), "on Friday");
    assert_string_equal(S_words_of(s, &x[2]), "in 2019");
    assert_string_equal(S_words_of(s, &x[3]), "since last year");
    for (int i = 1; i < 4; i++) assert_true(x[i].first >= x[i - 1].end);
    dyad__date doc = S_doc("2020-06-10");
    char buf[16];
    assert_int_equal(dyad__date_format(dyad__timex_resolve(&x[1], doc, FUTURE), buf, 16), 10);
    assert_string_equal(buf, "2020-06-12");
    /* cap bounds what is written */
    const char *w[64];
    size_t n = S_split(s, w, 64);
    dyad__timex two[3];
    memset(two, 0x5a, sizeof two);
    assert_int_equal(dyad__timex_scan(w, n, two, 2), 2);
    assert_int_equal(((unsigned char *)&two[2])[0], 0x5a);
    assert_int_equal(dyad__timex_scan(w, n, two, 0), 0);
    assert_int_equal(dyad__timex_scan(w, 0, two, 2), 0);
    /* NULL words read as empty */
    const char *holes[] = {"on", NULL, "Tuesday", NULL};
    assert_int_equal(dyad__timex_scan(holes, 4, two, 2), 1);
    assert_int_equal(two[0].first, 2);
}

/* The forms as the real tokeniser splits them. */
static void test_with_tokenizer(void **state)
{
    (void)state;
    const char *text = "On Oct. 22, 2019, the talks that began in mid-2019 and resumed "
                       "last week were suspended on Tuesday.";
    dyad_text *t;
    assert_int_equal(dyad_text_new(&t), DYAD_OK);
    assert_int_equal(dyad_text_analyze_str(t, text, strlen(text), "2020-06-10", 1), DYAD_OK);
    size_t n;
    const dyad_token *v = dyad_text_tokens(t, &n);
    assert_true(n > 0 && n < 64);
    static char store[64][32];
    const char *w[64];
    for (size_t i = 0; i < n; i++) {
        snprintf(store[i], sizeof store[i], "%.*s", (int)v[i].norm_len, v[i].norm);
        w[i] = store[i];
    }
    dyad__timex x[8];
    assert_int_equal(dyad__timex_scan(w, n, x, 8), 4);
    dyad__date doc = S_doc("2020-06-10");
    static const char *const want[] = {"2019-10-22", "2019", "2020-06", "2020-06-09"};
    for (int i = 0; i < 4; i++) {
        char buf[16];
        dyad__date d = dyad__timex_resolve(&x[i], doc, PAST);
        assert_true(dyad__date_format(d, buf, sizeof buf) > 0);
        assert_string_equal(buf, want[i]);
    }
    /* spans point back at the text */
    assert_int_equal(v[x[0].first].start, 0);
    assert_memory_equal(text + v[x[3].first].start, "on Tuesday", 10);
    dyad_text_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_parse_format),
        cmocka_unit_test(test_day_arithmetic),
        cmocka_unit_test(test_explicit_dates),
        cmocka_unit_test(test_parts_of_periods),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_relative_days),
        cmocka_unit_test(test_relative_weeks),
        cmocka_unit_test(test_relative_months_years),
        cmocka_unit_test(test_vague_and_anaphoric),
        cmocka_unit_test(test_year_inference),
        cmocka_unit_test(test_no_document_date),
        cmocka_unit_test(test_not_times),
        cmocka_unit_test(test_several_in_order),
        cmocka_unit_test(test_with_tokenizer),
    };
    return test_result(cmocka_run_group_tests(tests, NULL, NULL));
}
