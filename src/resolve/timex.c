/*
 * timex.c -- time expressions: dates as numbers (parse, format, day
 * arithmetic on the proleptic Gregorian calendar), finding expressions
 * in a sentence's words, and resolving them against the document's date.
 *
 * The scanner reads at each word an optional introducing preposition
 * ("on", "since"), an optional part ("early", "the end of"), then one
 * core form; each try looks at a bounded window of words, so a sentence
 * costs linear time.  Resolution turns an expression into a range of days
 * and reports the finest precision that holds the range (resolve.h).
 */
#include "resolve.h"

#include <pthread.h>

#include <string.h>

/* ------------------------------------------------------------------ dates */

static int S_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dyad__date_month_days(int y, int m)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return days[m - 1] + (m == 2 && S_leap(y));
}

int dyad__date_ok(dyad__date d)
{
    if (d.y < 1 || d.y > 9999) return 0;
    switch (d.prec) {
    case DYAD__DATE_YEAR: return d.m == 0 && d.d == 0;
    case DYAD__DATE_MONTH: return d.m >= 1 && d.m <= 12 && d.d == 0;
    case DYAD__DATE_DAY:
        return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= dyad__date_month_days(d.y, d.m);
    default: return 0;
    }
}

/* Days from civil and back: the era arithmetic of H. Hinnant's
 * chrono-compatible algorithms, valid for any year. */
long dyad__date_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

dyad__date dyad__date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    dyad__date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    r.prec = DYAD__DATE_DAY;
    return r;
}

int dyad__date_weekday(int y, int m, int d)
{
    long z = dyad__date_days(y, m, d);
    return (int)(((z % 7) + 7 + 3) % 7) + 1;   /* 1970-01-01 was a Thursday */
}

int dyad__date_bounds(dyad__date d, long *first, long *last)
{
    if (!dyad__date_ok(d)) return 0;
    int m0 = d.prec == DYAD__DATE_YEAR ? 1 : d.m, m1 = d.prec == DYAD__DATE_YEAR ? 12 : d.m;
    int d0 = d.prec == DYAD__DATE_DAY ? d.d : 1;
    int d1 = d.prec == DYAD__DATE_DAY ? d.d : dyad__date_month_days(d.y, m1);
    *first = dyad__date_days(d.y, m0, d0);
    *last = dyad__date_days(d.y, m1, d1);
    return 1;
}

static int S_digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int dyad__date_parse(const char *s, dyad__date *out)
{
    dyad__date r = {0, 0, 0, DYAD__DATE_UNKNOWN};
    size_t n = s ? strnlen(s, 11) : 0;
    int len = 0;
    if (n == 4 || n == 7 || n == 10) {
        r.y = S_digits(s, 4);
        r.prec = DYAD__DATE_YEAR;
        if (n >= 7) {
            r.m = s[4] == '-' ? S_digits(s + 5, 2) : -1;
            r.prec = DYAD__DATE_MONTH;
        }
        if (n == 10) {
            r.d = s[7] == '-' ? S_digits(s + 8, 2) : -1;
            r.prec = DYAD__DATE_DAY;
        }
        if (dyad__date_ok(r)) len = (int)n;
    }
    if (!len) r = (dyad__date){0, 0, 0, DYAD__DATE_UNKNOWN};
    if (out) *out = r;
    return len;
}

size_t dyad__date_format(dyad__date d, char *buf, size_t cap)
{
    static const size_t need[] = {0, 4, 7, 10};
    if (!dyad__date_ok(d) || !buf || cap <= need[d.prec]) return 0;
    char *p = buf;
    int v[3] = {d.y, d.m, d.d}, w[3] = {4, 2, 2};
    for (int k = 0; k < (int)d.prec; k++) {
        if (k) *p++ = '-';
        for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10) p[i] = (char)('0' + x % 10);
        p += w[k];
    }
    *p = 0;
    return (size_t)(p - buf);
}

/* ------------------------------------------------------------ word tests */

static const char *S_w(const char *const *w, size_t n, size_t i)
{
    return i < n && w[i] ? w[i] : "";
}

static int S_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int S_cap(const char *s)
{
    return *s >= 'A' && *s <= 'Z';
}

/* s[0..len) equals lit (lower case) ignoring ASCII case. */
static int S_ieqn(const char *s, size_t len, const char *lit)
{
    size_t i = 0;
    for (; i < len && lit[i]; i++)
        if (S_lower((unsigned char)s[i]) != lit[i]) return 0;
    return i == len && !lit[i];
}

static int S_ieq(const char *s, const char *lit)
{
    size_t i = 0;
    for (; lit[i]; i++)
        if (S_lower((unsigned char)s[i]) != lit[i]) return 0;   /* stops at s's NUL */
    return !s[i];
}

/* 1 + the index of s in the NULL-terminated list, or 0. */
static int S_one_of(const char *s, const char *const *list)
{
    /* the first letter turns down most entries without a call (every
     * entry has one) */
    int c0 = S_lower((unsigned char)s[0]);
    for (int i = 0; list[i]; i++)
        if ((unsigned char)list[i][0] == c0 && S_ieq(s, list[i])) return i + 1;
    return 0;
}

/* Length of s, counted no further than max (words can be any length). */
static size_t S_len(const char *s, size_t max)
{
    size_t i = 0;
    while (i < max && s[i]) i++;
    return i;
}

/* English month and weekday names are a closed class: these tables are
 * the whole lexicon.  A month is 1..12; *amb is set when the word is also
 * a common English word or name ("May", "March", and dotless abbreviations
 * such as "Jan" or "Aug"), which then counts as a month only beside a
 * number or after a word that introduces a time (the scanner decides). */
static int S_month(const char *s, int *amb)
{
    static const char *const full[] = {"january", "february", "march", "april",
                                       "may", "june", "july", "august", "september",
                                       "october", "november", "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    if (!S_cap(s)) return 0;
    size_t n = S_len(s, 12);
    int dot = n && s[n - 1] == '.';
    if (dot) n--;
    for (int m = 1; m <= 12; m++) {
        if (S_ieqn(s, n, full[m - 1])) {
            *amb = m == 3 || m == 5;
            return m;
        }
        if ((n == 3 && S_ieqn(s, n, abbr[m - 1])) || (m == 9 && S_ieqn(s, n, "sept"))) {
            *amb = !dot;
            return m;
        }
    }
    return 0;
}

static int S_weekday(const char *s)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", NULL};
    return S_cap(s) ? S_one_of(s, days) : 0;
}

/* A day of the month as written: "4", "04", "4th", "22nd"; 1..31 or 0. */
static int S_daynum(const char *s)
{
    size_t n = S_len(s, 5), k = 0;
    while (k < n && k < 3 && s[k] >= '0' && s[k] <= '9') k++;
    if (k == 0 || k > 2) return 0;
    if (n != k && !(n == k + 2 && (S_ieqn(s + k, 2, "st") || S_ieqn(s + k, 2, "nd") ||
                                   S_ieqn(s + k, 2, "rd") || S_ieqn(s + k, 2, "th"))))
        return 0;
    int v = S_digits(s, (int)k);
    return v >= 1 && v <= 31 ? v : 0;
}

/* A year as written: four digits, 1000..2999; else 0. */
static int S_year(const char *s)
{
    if (S_len(s, 5) != 4) return 0;
    int v = S_digits(s, 4);
    return v >= 1000 && v <= 2999 ? v : 0;
}

/* A decade: "1990s"; its first year, else 0. */
static int S_decade(const char *s)
{
    if (S_len(s, 6) != 5 || s[3] != '0' || s[4] != 's') return 0;
    int v = S_digits(s, 4);
    return v >= 1000 && v <= 2999 ? v : 0;
}

/* A count before a unit: "a", "one" .. "twelve", or 1..999; else 0. */
static int S_count(const char *s)
{
    static const char *const words[] = {"one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven",
                                        "twelve", NULL};
    if (S_ieq(s, "a") || S_ieq(s, "an")) return 1;
    int k = S_one_of(s, words);
    if (k) return k;
    size_t n = S_len(s, 4);
    int v = n >= 1 && n <= 3 ? S_digits(s, (int)n) : -1;
    return v > 0 ? v : 0;
}

static dyad__timex_unit S_unit(const char *s)
{
    static const char *const units[] = {"day", "days", "week", "weeks", "month",
                                        "months", "year", "years", NULL};
    int k = S_one_of(s, units);
    return k ? (dyad__timex_unit)((k + 1) / 2) : DYAD__UNIT_NONE;
}

/* A unit word in the plural ("days"). */
static int S_plural(const char *s)
{
    size_t n = S_len(s, 8);
    return n > 1 && s[n - 1] == 's';
}

/* A number is a count, not a date, when a plural noun follows it ("2000
 * people", "March 5 protesters"): a lower-case word ending in -s that is
 * not a function word, or a common irregular plural. */
static int S_noun_follows(const char *s)
{
    static const char *const not_plural[] = {
        "was", "has", "is", "as", "its", "his", "hers", "this", "thus", "us",
        "plus", "unless", "whereas", "across", "towards", "afterwards", "besides",
        "always", "perhaps", "does", "says", NULL};
    static const char *const plural[] = {"people", "men", "women", "children", "police",
                                         "personnel", "percent", "per", NULL};
    size_t n = S_len(s, 40);
    if (n < 2 || n == 40 || !(s[0] >= 'a' && s[0] <= 'z')) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return 0;
    if (S_one_of(s, plural)) return 1;
    return s[n - 1] == 's' && !S_one_of(s, not_plural);
}

/* -------------------------------------------------------------- scanning */

/* Words that introduce a time: the span they give, and whether they let
 * an ambiguous month ("in May", not "on May") or a bare year ("in 2014",
 * "of 2014") stand alone.  "by" gives no month: "backed by May". */
static const struct {
    const char *w;
    unsigned char span, month, year;
} S_preps[] = {
    {"on", DYAD__SPAN_POINT, 0, 0},      {"in", DYAD__SPAN_POINT, 1, 1},
    {"during", DYAD__SPAN_POINT, 1, 1},  {"of", DYAD__SPAN_POINT, 0, 1},
    {"at", DYAD__SPAN_POINT, 0, 0},      {"since", DYAD__SPAN_SINCE, 1, 1},
    {"from", DYAD__SPAN_SINCE, 1, 1},    {"until", DYAD__SPAN_UNTIL, 1, 1},
    {"till", DYAD__SPAN_UNTIL, 1, 1},    {"through", DYAD__SPAN_UNTIL, 1, 1},
    {"by", DYAD__SPAN_UNTIL, 0, 1},      {"before", DYAD__SPAN_BEFORE, 1, 1},
    {"after", DYAD__SPAN_AFTER, 1, 1},
};

/* Scanner state for one try at one word. */
typedef struct {
    const char *const *w;
    size_t n;
    size_t i;              /* where the try started */
    int lead;              /* a preposition or part came before the core */
    int parted;            /* a part word came: "early 2011 protests" is a
                              year, where "in 2000 cases" is a count */
    int lic_month, lic_year;
    dyad__timex *x;
} S_try;

static const char *S_at(const S_try *t, size_t k)
{
    return S_w(t->w, t->n, k);
}

/* "last", "next", "this": the offset they mean, via *off; 0 when none. */
static int S_refword(const char *s, int *off)
{
    if (S_ieq(s, "last")) *off = -1;
    else if (S_ieq(s, "next")) *off = 1;
    else if (S_ieq(s, "this")) *off = 0;
    else return 0;
    return 1;
}

/* Part words before the core: "early", "mid", "late", "earlier", "later",
 * "the beginning / start / middle / end of".  Returns words read. */
static size_t S_part(const S_try *t, size_t j)
{
    static const char *const words[] = {"early", "mid", "late", "earlier", "later", NULL};
    static const char *const nouns[] = {"beginning", "start", "middle", "end", NULL};
    static const dyad__timex_part of_noun[] = {DYAD__PART_EARLY, DYAD__PART_EARLY,
                                               DYAD__PART_MID, DYAD__PART_LATE};
    int k = S_one_of(S_at(t, j), words);
    if (k) {
        t->x->part = (dyad__timex_part)k;
        return 1;
    }
    if (S_ieq(S_at(t, j), "the") && (k = S_one_of(S_at(t, j + 1), nouns)) &&
        S_ieq(S_at(t, j + 2), "of")) {
        t->x->part = of_noun[k - 1];
        return 3;
    }
    return 0;
}

/* An optional year after a month or a day-month: "April 2019", "March 5,
 * 2020", "March of 2014", "December last year", "January of this year".
 * Returns the end. */
static size_t S_year_after(S_try *t, size_t e, int comma_ok, int of_ok)
{
    size_t k = e;
    if (comma_ok && strcmp(S_at(t, k), ",") == 0) k++;
    else if (of_ok && S_ieq(S_at(t, k), "of")) k++;
    int y = S_year(S_at(t, k));
    if (y) {   /* beside a month, a number is a year: "the April 2019 elections" */
        t->x->y = y;
        return k + 1;
    }
    int off;
    if (S_refword(S_at(t, k), &off) && S_ieq(S_at(t, k + 1), "year")) {
        t->x->ref = DYAD__REF_DOC;
        t->x->offset = off;
        return k + 2;
    }
    return e;
}

/* Month first: "April 4", "Oct. 22, 2020", "April 2019", "in April",
 * "December last year".  An ambiguous month needs a number after it or a
 * word before it that introduces a time. */
static size_t S_core_month(S_try *t, size_t j)
{
    int amb = 0, m = S_month(S_at(t, j), &amb);
    if (!m) return 0;
    size_t e = j + 1;
    int d = S_daynum(S_at(t, e));
    if (d && d <= dyad__date_month_days(2000, m)) {
        t->x->d = d;
        e++;
    } else {
        d = 0;
    }
    e = S_year_after(t, e, 1, !d);
    if (!d && !t->x->y && t->x->ref != DYAD__REF_DOC) {
        /* a month alone: not "May's", not "June Smith" */
        if (amb && (!t->lic_month || strcmp(S_at(t, e), "'s") == 0)) return 0;
        if (!t->lead && S_cap(S_at(t, e)) && !S_month(S_at(t, e), &amb) &&
            !S_weekday(S_at(t, e)))
            return 0;
    }
    t->x->kind = DYAD__TIMEX_DATE;
    t->x->m = m;
    return e;
}

/* Day first: "5 March 2020", "4th of April", "the 4th of April". */
static size_t S_core_dayfirst(S_try *t, size_t j)
{
    size_t k = j + S_ieq(S_at(t, j), "the");
    int d = S_daynum(S_at(t, k)), amb;
    if (!d) return 0;
    k++;
    if (S_ieq(S_at(t, k), "of")) k++;
    int m = S_month(S_at(t, k), &amb);
    if (!m || d > dyad__date_month_days(2000, m)) return 0;
    t->x->kind = DYAD__TIMEX_DATE;
    t->x->m = m;
    t->x->d = d;
    return S_year_after(t, k + 1, 1, 0);
}

/* A weekday, alone ("on Tuesday", "Tuesday next week") or naming a date
 * ("Tuesday, June 9").  Not part of a name: "Bloody Sunday", "Super
 * Tuesday", "the Sunday Times". */
static size_t S_core_weekday(S_try *t, size_t j)
{
    int wd = S_weekday(S_at(t, j));
    if (!wd) return 0;
    int amb;
    if (!t->lead && ((j > 0 && S_cap(S_at(t, j - 1))) ||
                     (S_cap(S_at(t, j + 1)) && !S_month(S_at(t, j + 1), &amb))))
        return 0;
    size_t k = j + 1 + (strcmp(S_at(t, j + 1), ",") == 0), e;
    dyad__timex keep = *t->x;
    if (((e = S_core_month(t, k)) && t->x->d) || (e = S_core_dayfirst(t, k))) {
        t->x->weekday = wd;
        return e;
    }
    *t->x = keep;   /* the failed tries may have written */
    t->x->kind = DYAD__TIMEX_WEEKDAY;
    t->x->weekday = wd;
    k = j + 1 + S_ieq(S_at(t, j + 1), "of");
    int off;
    if (S_refword(S_at(t, k), &off) && S_ieq(S_at(t, k + 1), "week")) {
        t->x->ref = DYAD__REF_DOC;
        t->x->offset = off;
        return k + 2;
    }
    return j + 1;
}

/* "last"/"next"/"this" + week, month, year, a month, a weekday; "last
 * night", "this morning".  Not "the last week" (the past seven days). */
static size_t S_core_ref(S_try *t, size_t j)
{
    int off, amb;
    if (!S_refword(S_at(t, j), &off)) return 0;
    if (!t->lead && j > 0 && S_ieq(S_at(t, j - 1), "the")) return 0;
    const char *s = S_at(t, j + 1);
    dyad__timex *x = t->x;
    int m, wd;
    if (S_ieq(s, "week") || S_ieq(s, "month") || S_ieq(s, "year")) {
        x->kind = DYAD__TIMEX_RELATIVE;
        x->unit = S_unit(s);
        x->offset = off;
    } else if ((m = S_month(s, &amb))) {
        x->kind = DYAD__TIMEX_DATE;
        x->m = m;
        x->ref = off < 0 ? DYAD__REF_LAST : off > 0 ? DYAD__REF_NEXT : DYAD__REF_DOC;
    } else if ((wd = S_weekday(s))) {
        x->kind = DYAD__TIMEX_WEEKDAY;
        x->weekday = wd;
        x->ref = off < 0 ? DYAD__REF_LAST : off > 0 ? DYAD__REF_NEXT : DYAD__REF_TENSE;
    } else if ((off < 0 && S_ieq(s, "night")) ||
               (off == 0 && (S_ieq(s, "morning") || S_ieq(s, "afternoon") ||
                             S_ieq(s, "evening")))) {
        x->kind = DYAD__TIMEX_RELATIVE;
        x->unit = DYAD__UNIT_DAY;
        x->offset = off;
    } else {
        return 0;
    }
    return j + 2;
}

/* "yesterday", "today", "tomorrow", "tonight"; not "Russia Today". */
static size_t S_core_dayword(S_try *t, size_t j)
{
    static const char *const words[] = {"yesterday", "today", "tomorrow", "tonight", NULL};
    static const int off[] = {-1, 0, 1, 0};
    int k = S_one_of(S_at(t, j), words);
    if (!k || (!t->lead && j > 0 && S_cap(S_at(t, j)) && S_cap(S_at(t, j - 1)))) return 0;
    t->x->kind = DYAD__TIMEX_RELATIVE;
    t->x->unit = DYAD__UNIT_DAY;
    t->x->offset = off[k - 1];
    return j + 1;
}

/* "three days ago", "a year ago" (RELATIVE); "a few days ago", "weeks
 * ago" (VAGUE); "two days later", "two days after [a clause]" (ANAPHOR). */
static size_t S_core_ago(S_try *t, size_t j)
{
    static const char *const vague[] = {"few", "several", "some", "many", NULL};
    size_t k = j;
    int c = S_count(S_at(t, k));
    if (c == 1 && S_ieq(S_at(t, k + 1), "few")) c = 0, k += 2;
    else if (!c && S_one_of(S_at(t, k), vague)) k++;
    else if (c) k++;
    dyad__timex_unit u = S_unit(S_at(t, k));
    const char *after = S_at(t, k + 1);
    int ago = S_ieq(after, "ago"), later = S_ieq(after, "later") || S_ieq(after, "earlier");
    /* "two days after the talks ended": the clause after it lies that far
     * from the clause holding it (offset: the later clause's, from it) */
    int rel = c && (S_ieq(after, "after") || S_ieq(after, "before"));
    if (!u || (!ago && !later && !rel)) return 0;
    t->x->unit = u;
    if (rel) {
        t->x->kind = DYAD__TIMEX_ANAPHOR;
        t->x->offset = S_ieq(after, "after") ? -c : c;
    } else if (later) {
        t->x->kind = DYAD__TIMEX_ANAPHOR;
        t->x->offset = c ? (S_ieq(after, "later") ? c : -c) : 0;
    } else if (c) {
        t->x->kind = DYAD__TIMEX_RELATIVE;
        t->x->offset = -c;
    } else {
        t->x->kind = DYAD__TIMEX_VAGUE;
    }
    return k + 2;
}

/* A bare year where a preposition or part allows it ("in 2014", "since
 * 2014", "early 2011"), a decade ("the 1990s"), an ISO date in the text. */
static size_t S_core_year(S_try *t, size_t j)
{
    const char *s = S_at(t, j);
    int y = S_year(s);
    if (y && t->lic_year && (t->parted || !S_noun_follows(S_at(t, j + 1)))) {
        t->x->kind = DYAD__TIMEX_DATE;
        t->x->y = y;
        return j + 1;
    }
    size_t k = j + S_ieq(s, "the");
    if ((y = S_decade(S_at(t, k)))) {
        t->x->kind = DYAD__TIMEX_DECADE;
        t->x->y = y;
        return k + 1;
    }
    dyad__date d;
    if (S_len(s, 11) == 10 && dyad__date_parse(s, &d)) {
        t->x->kind = DYAD__TIMEX_DATE;
        t->x->y = d.y, t->x->m = d.m, t->x->d = d.d;
        return j + 1;
    }
    return 0;
}

/* "mid-2019", "early-2011", "late-2019", "mid-April", "mid-1990s". */
static size_t S_core_hyphen(S_try *t, size_t j)
{
    static const char *const pre[] = {"early-", "mid-", "late-"};
    const char *s = S_at(t, j);
    for (int p = 0; p < 3; p++) {
        size_t n = strlen(pre[p]);
        if (S_len(s, n) != n || !S_ieqn(s, n, pre[p])) continue;
        const char *rest = s + n;
        int amb, v;
        t->x->part = (dyad__timex_part)(DYAD__PART_EARLY + p);
        if ((v = S_month(rest, &amb))) {
            t->x->kind = DYAD__TIMEX_DATE;
            t->x->m = v;
            return S_year_after(t, j + 1, 0, 0);
        }
        if ((v = S_year(rest))) {
            t->x->kind = DYAD__TIMEX_DATE;
            t->x->y = v;
            return j + 1;
        }
        if ((v = S_decade(rest))) {
            t->x->kind = DYAD__TIMEX_DECADE;
            t->x->y = v;
            return j + 1;
        }
        return 0;
    }
    return 0;
}

/* Times without a date of their own: "(in) recent days", "recently",
 * "the past few weeks", "the coming days", "the next week" (VAGUE); "the
 * next day", "the previous week", "the day before", "that day" (ANAPHOR). */
static size_t S_core_vague(S_try *t, size_t j)
{
    static const char *const back[] = {"past", "last", NULL};
    static const char *const fwd[] = {"coming", "next", NULL};
    static const char *const other[] = {"previous", "following", "same", NULL};
    static const char *const few[] = {"few", "several", "couple", NULL};
    const char *s = S_at(t, j);
    dyad__timex *x = t->x;
    dyad__timex_unit u;
    if (S_ieq(s, "recently")) {
        x->kind = DYAD__TIMEX_VAGUE;
        return j + 1;
    }
    if (S_ieq(s, "recent") && S_unit(S_at(t, j + 1)) && S_plural(S_at(t, j + 1))) {
        x->kind = DYAD__TIMEX_VAGUE;
        return j + 2;
    }
    if (S_ieq(s, "that") && ((u = S_unit(S_at(t, j + 1))) || S_ieq(S_at(t, j + 1), "morning") ||
                             S_ieq(S_at(t, j + 1), "night"))) {
        if (S_plural(S_at(t, j + 1))) return 0;   /* "that days" */
        x->kind = DYAD__TIMEX_ANAPHOR;
        x->unit = u ? u : DYAD__UNIT_DAY;
        return j + 2;
    }
    if (!S_ieq(s, "the")) return 0;
    const char *a = S_at(t, j + 1);
    if (S_ieq(a, "day") && (S_ieq(S_at(t, j + 2), "before") || S_ieq(S_at(t, j + 2), "after"))) {
        x->kind = DYAD__TIMEX_ANAPHOR;
        x->unit = DYAD__UNIT_DAY;
        x->offset = S_ieq(S_at(t, j + 2), "before") ? -1 : 1;
        return j + 3;
    }
    int dir = S_one_of(a, back) ? -1 : S_one_of(a, fwd) ? 1 : S_one_of(a, other) ? 2 : 0;
    if (!dir) return 0;
    size_t k = j + 2;
    int c = 0;
    if (S_ieq(S_at(t, k), "couple") && S_ieq(S_at(t, k + 1), "of")) k += 2;
    else if (S_one_of(S_at(t, k), few)) k++;
    else if ((c = S_count(S_at(t, k))) && !S_ieq(S_at(t, k), "a") && !S_ieq(S_at(t, k), "an")) k++;
    if (!(u = S_unit(S_at(t, k)))) return 0;
    x->unit = u;
    if (k == j + 2 && (dir == 2 || (S_ieq(a, "next") && S_ieq(S_at(t, k), "day")))) {
        /* "the previous day", "the next day": another event's neighbour */
        x->kind = DYAD__TIMEX_ANAPHOR;
        x->offset = S_ieq(a, "previous") ? -1 : S_ieq(a, "same") ? 0 : 1;
    } else if (dir == 2) {
        return 0;
    } else {
        x->kind = DYAD__TIMEX_VAGUE;
    }
    return k + 1;
}

/* One try at word i: lead words, then the first core form that matches.
 * Returns the end of the expression, or 0. */
static size_t S_match(const char *const *w, size_t n, size_t i, dyad__timex *x)
{
    typedef size_t (*core_fn)(S_try *, size_t);
    static const core_fn cores[] = {S_core_hyphen, S_core_ref,     S_core_ago,
                                    S_core_dayword, S_core_weekday, S_core_month,
                                    S_core_dayfirst, S_core_year,   S_core_vague};
    S_try t = {w, n, i, 0, 0, 0, 0, x};
    size_t j = i;
    memset(x, 0, sizeof *x);
    for (size_t p = 0; p < sizeof S_preps / sizeof S_preps[0]; p++) {
        if (S_ieq(S_w(w, n, j), S_preps[p].w)) {
            x->span = (dyad__timex_span)S_preps[p].span;
            t.lic_month = S_preps[p].month;
            t.lic_year = S_preps[p].year;
            j++;
            break;
        }
    }
    size_t k = S_part(&t, j);
    if (k) t.lic_month = t.lic_year = t.parted = 1;
    j += k;
    t.lead = j > i;
    if (j >= n) return 0;
    dyad__timex keep = *x;
    for (size_t c = 0; c < sizeof cores / sizeof cores[0]; c++) {
        size_t e = cores[c](&t, j);
        if (e) {
            x->first = (uint32_t)i;
            x->end = (uint32_t)e;
            return e;
        }
        *x = keep;   /* a failed core may have written fields */
    }
    return 0;
}

/* ------------------------------------------------- where a core can start
 *
 * A try at word i reads at most a preposition and three part words before
 * its core, so the core starts at one of i .. i + 4, and every core reads
 * a word of a closed class (or a number) where it starts.  The scanner
 * classifies each word once and tries only where such a word is near,
 * instead of trying every core at every word: same expressions found. */

enum {
    K_START = 1,        /* a core may start here whatever follows */
    K_COUNT = 2,        /* "a", "one" .. "twelve": a core when a unit or
                           "few" follows ("a few days ago") */
    K_QUANT = 4,        /* "few", "several", "some", "many": before a unit */
    K_THE = 8,          /* "the": before a number or a K_AFTER_THE word */
    K_THAT = 16,        /* "that": before a unit, "morning", "night" */
    K_UNIT = 32,        /* "day" .. "years" (a core too: "weeks ago") */
    K_AFTER_THE = 64,   /* "day", "past", "last", "coming", "next", ... */
    K_DAYPART = 128,    /* "morning", "night" */
    K_FEW = 256
};

/* sorted (strcmp order): rows sharing their first two letters are neighbours */
static const struct { const char *w; unsigned k; } S_classes[] = {
    {"a", K_COUNT}, {"an", K_COUNT}, {"apr", K_START}, {"april", K_START}, {"aug", K_START},
    {"august", K_START}, {"coming", K_AFTER_THE}, {"day", K_START | K_UNIT | K_AFTER_THE},
    {"days", K_START | K_UNIT}, {"dec", K_START}, {"december", K_START}, {"eight", K_COUNT},
    {"eleven", K_COUNT}, {"feb", K_START}, {"february", K_START}, {"few", K_QUANT | K_FEW},
    {"five", K_COUNT}, {"following", K_AFTER_THE}, {"four", K_COUNT}, {"friday", K_START},
    {"jan", K_START}, {"january", K_START}, {"jul", K_START}, {"july", K_START},
    {"jun", K_START}, {"june", K_START}, {"last", K_START | K_AFTER_THE}, {"many", K_QUANT},
    {"mar", K_START}, {"march", K_START}, {"may", K_START}, {"monday", K_START},
    {"month", K_START | K_UNIT}, {"months", K_START | K_UNIT}, {"morning", K_DAYPART},
    {"next", K_START | K_AFTER_THE}, {"night", K_DAYPART}, {"nine", K_COUNT}, {"nov", K_START},
    {"november", K_START}, {"oct", K_START}, {"october", K_START}, {"one", K_COUNT},
    {"past", K_AFTER_THE}, {"previous", K_AFTER_THE}, {"recent", K_START},
    {"recently", K_START}, {"same", K_AFTER_THE}, {"saturday", K_START}, {"sep", K_START},
    {"sept", K_START}, {"september", K_START}, {"seven", K_COUNT}, {"several", K_QUANT},
    {"six", K_COUNT}, {"some", K_QUANT}, {"sunday", K_START}, {"ten", K_COUNT},
    {"that", K_THAT}, {"the", K_THE}, {"this", K_START}, {"three", K_COUNT},
    {"thursday", K_START}, {"today", K_START}, {"tomorrow", K_START}, {"tonight", K_START},
    {"tuesday", K_START}, {"twelve", K_COUNT}, {"two", K_COUNT}, {"wednesday", K_START},
    {"week", K_START | K_UNIT}, {"weeks", K_START | K_UNIT}, {"year", K_START | K_UNIT},
    {"years", K_START | K_UNIT}, {"yesterday", K_START},
};

/* strcmp's order, inline: most words differ from the probe in their
 * first byte, which a call to strcmp costs many times over. */
static int S_cmp(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

/* S_lens[c0][c1]: the lengths (bit n) of the rows' words whose first
 * letters are 'a' + c0 and 'a' + c1 (c1 26: no second letter), and of
 * those words with a period ("Oct."), so most words are known to be in
 * no row before they are copied. */
static uint16_t S_lens[26][27];
/* The words a try may lead with (S_lead_at), and their first letters
 * (bit c: 'a' + c) */
static const char *const S_leads[] = {"on", "in", "during", "of", "at", "since", "from",
                                      "until", "till", "through", "by", "before", "after",
                                      "early", "mid", "late", "earlier", "later", "the", NULL};
static const char *S_lead_by[26][8];   /* the leads by first letter (three at most) */
static uint8_t S_lead_n[26];
/* S_pair_lo/hi[c0][c1]: the rows whose words begin with the letters
 * 'a' + c0 and 'a' + c1 (c1 26: no second letter), [lo, hi): sorted
 * rows sharing two letters are neighbours, a few at most */
static uint8_t S_pair_lo[26][27], S_pair_hi[26][27];
static pthread_once_t S_first_once = PTHREAD_ONCE_INIT;

static int S_letter_index(int c)
{
    c = S_lower(c);
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

static void S_first_init(void)
{
    for (size_t i = 0; S_leads[i]; i++) {
        int a = S_leads[i][0] - 'a';
        if (S_lead_n[a] < 8) S_lead_by[a][S_lead_n[a]++] = S_leads[i];
    }
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_classes); i++) {
        const char *w = S_classes[i].w;
        size_t n = strlen(w);
        int c0 = w[0] - 'a', c1 = S_letter_index((unsigned char)w[1]);
        uint16_t *m = &S_lens[c0][c1];
        *m |= (uint16_t)(1u << n);
        if (n + 1 < 16) *m |= (uint16_t)(1u << (n + 1));   /* with a period */
        if (S_pair_hi[c0][c1] == 0) S_pair_lo[c0][c1] = (uint8_t)i;
        S_pair_hi[c0][c1] = (uint8_t)(i + 1);
    }
}

/* The classes of a lower-case word (S_first_init has run). */
static unsigned S_class_of(const char *low)
{
    unsigned char c0 = (unsigned char)low[0];
    if (c0 < 'a' || c0 > 'z') return 0;
    int c1 = S_letter_index((unsigned char)low[1]);
    for (size_t r = S_pair_lo[c0 - 'a'][c1]; r < S_pair_hi[c0 - 'a'][c1]; r++)
        if (S_cmp(low, S_classes[r].w) == 0) return S_classes[r].k;
    return 0;
}

/* The classes of s (K_*), ignoring ASCII case; a number, or a word
 * beginning "early-", "mid-" or "late-", is K_START.  S_first_init has
 * run (dyad__timex_scan sees to it, once a scan). */
static unsigned S_classify_rest(const char *s, unsigned lens);

static inline unsigned S_classify(const char *s)
{
    unsigned char c0 = (unsigned char)s[0];
    if (c0 >= '0' && c0 <= '9') return K_START;
    int a = S_letter_index(c0);
    if (a == 26) return 0;      /* every row and prefix begins with a letter */
    /* the prefixes here, not out of line: most words of these first
     * letters are turned down by their second (S_ieqn stops at s's end) */
    if ((a == 'e' - 'a' && S_ieqn(s, 6, "early-")) || (a == 'm' - 'a' && S_ieqn(s, 4, "mid-")) ||
        (a == 'l' - 'a' && S_ieqn(s, 5, "late-")))
        return K_START;
    unsigned lens = S_lens[a][S_letter_index((unsigned char)s[1])];
    if (!lens) return 0;    /* most words: no row begins so */
    return S_classify_rest(s, lens);
}

/* S_classify for the words its first two letters do not turn down (out
 * of line: the test above is all most words cost) */
static __attribute__((noinline)) unsigned S_classify_rest(const char *s, unsigned lens)
{
    size_t n = S_len(s, 11);
    if (n == 0 || n > 10 || !((lens >> n) & 1u)) return 0;
    char low[12];
    for (size_t i = 0; i < n; i++) low[i] = (char)S_lower((unsigned char)s[i]);
    low[n] = 0;
    unsigned k = S_class_of(low);
    if (n > 1 && low[n - 1] == '.') {   /* "Oct." */
        low[n - 1] = 0;
        k |= S_class_of(low) & K_START;
    }
    return k;
}

/* The classes of the word after the last one whose own classes needed
 * the next word's ("the", "a", "some"): the scan asks about that word
 * next, and classifies it once, not twice. */
typedef struct { size_t j; unsigned k; } S_memo;

/* May a core start at word j? */
static int S_core_at(const char *const *w, size_t n, size_t j, S_memo *memo)
{
    unsigned k = memo->j == j ? memo->k : S_classify(S_w(w, n, j));
    if (k & K_START) return 1;
    if (!(k & (K_COUNT | K_QUANT | K_THE | K_THAT))) return 0;
    const char *nx = S_w(w, n, j + 1);
    unsigned kn = S_classify(nx);
    memo->j = j + 1;
    memo->k = kn;
    return ((k & K_COUNT) && (kn & (K_UNIT | K_FEW))) || ((k & K_QUANT) && (kn & K_UNIT)) ||
           ((k & K_THE) && ((nx[0] >= '0' && nx[0] <= '9') || (kn & K_AFTER_THE))) ||
           ((k & K_THAT) && (kn & (K_UNIT | K_DAYPART)));
}

/* May a try at word i read a lead (S_match's preposition, or S_part's
 * first word) there?  Errs on the side of yes. */
static int S_lead_at(const char *const *w, size_t n, size_t i)
{
    const char *s = S_w(w, n, i);
    int a = S_letter_index((unsigned char)s[0]);   /* most first letters begin no lead */
    if (a == 26) return 0;
    for (int k = 0; k < S_lead_n[a]; k++)
        if (S_ieq(s, S_lead_by[a][k])) return 1;
    return 0;
}

size_t dyad__timex_scan(const char *const *words, size_t n, dyad__timex *out, size_t cap)
{
    size_t found = 0;
    if (!words || !out) return 0;
    if (n > UINT32_MAX) n = UINT32_MAX;
    pthread_once(&S_first_once, S_first_init);
    size_t core = 0;   /* the first word >= i where a core may start (n: none) */
    int known = 0;
    S_memo memo = {SIZE_MAX, 0};
    for (size_t i = 0; i < n && found < cap;) {
        if (!known || core < i) {
            for (core = i; core < n && !S_core_at(words, n, core, &memo); core++) {}
            known = 1;
        }
        if (core == n) break;
        if (core > i + 4) {     /* no try before core - 4 can reach it */
            i = core - 4;
            continue;
        }
        if (core > i && !S_lead_at(words, n, i)) {
            /* no core starts at i, and no preposition or part word there
             * can lead to one further on: the try would find nothing */
            i++;
            continue;
        }
        size_t e = S_match(words, n, i, &out[found]);
        if (e) {
            found++;
            i = e;
        } else {
            i++;
        }
    }
    return found;
}

/* ------------------------------------------------------------ resolution */

/* The finest precision that holds the days [lo, hi]. */
static dyad__date S_contain(long lo, long hi)
{
    dyad__date a = dyad__date_from_days(lo), b = dyad__date_from_days(hi);
    dyad__date r = {0, 0, 0, DYAD__DATE_UNKNOWN};
    if (lo > hi || a.y < 1 || b.y > 9999 || a.y != b.y) return r;
    r.y = a.y;
    r.prec = DYAD__DATE_YEAR;
    if (a.m != b.m) return r;
    r.m = a.m;
    r.prec = DYAD__DATE_MONTH;
    if (a.d != b.d) return r;
    r.d = a.d;
    r.prec = DYAD__DATE_DAY;
    return r;
}

/* Month number counted from year 0, and the days of such a month. */
static void S_month_range(long mi, long *lo, long *hi)
{
    int y = (int)(mi >= 0 ? mi / 12 : (mi - 11) / 12), m = (int)(mi - (long)y * 12) + 1;
    *lo = dyad__date_days(y, m, 1);
    *hi = dyad__date_days(y, m, dyad__date_month_days(y, m));
}

static void S_year_range(long y, long *lo, long *hi)
{
    *lo = dyad__date_days((int)y, 1, 1);
    *hi = dyad__date_days((int)y, 12, 31);
}

/* The year of a date written without one.  cmp: -2 strictly before the
 * document, -1 not after, 1 not before, 2 strictly after.  Searches a few
 * years, for 29 February. */
static int S_infer_year(int m, int d, const dyad__date *doc, int cmp, int *y)
{
    long ddoc = dyad__date_days(doc->y, doc->m, doc->d);
    long mdoc = (long)doc->y * 12 + doc->m;
    int step = cmp < 0 ? -1 : 1;
    for (int k = 0; k <= 8; k++) {
        int yy = doc->y + step * k;
        long c;
        if (d) {
            if (d > dyad__date_month_days(yy, m)) continue;
            long dd = dyad__date_days(yy, m, d);
            c = dd < ddoc ? -1 : dd > ddoc;
        } else {
            long mm = (long)yy * 12 + m;
            c = mm < mdoc ? -1 : mm > mdoc;
        }
        if ((cmp == -2 && c < 0) || (cmp == -1 && c <= 0) || (cmp == 1 && c >= 0) ||
            (cmp == 2 && c > 0)) {
            *y = yy;
            return 1;
        }
    }
    return 0;
}

/* The days x covers, or 0 when it has no date here. */
static int S_range(const dyad__timex *x, const dyad__date *doc, int dir, long *lo, long *hi)
{
    long dd = doc ? dyad__date_days(doc->y, doc->m, doc->d) : 0;
    switch (x->kind) {
    case DYAD__TIMEX_DATE: {
        int y = x->y;
        if (x->m < 0 || x->m > 12 || x->d < 0 || x->d > 31 || (x->d && !x->m)) return 0;
        if (!y) {
            if (!doc || !x->m) return 0;
            if (x->ref == DYAD__REF_DOC) {
                y = doc->y + x->offset;
            } else {
                int cmp = x->ref == DYAD__REF_LAST ? -2 : x->ref == DYAD__REF_NEXT ? 2
                          : dir > 0 ? 1 : -1;
                if (!S_infer_year(x->m, x->d, doc, cmp, &y)) return 0;
            }
        }
        if (y < 1 || y > 9999) return 0;
        if (!x->m) {
            S_year_range(y, lo, hi);
        } else if (!x->d) {
            S_month_range((long)y * 12 + x->m - 1, lo, hi);
        } else {
            if (x->d > dyad__date_month_days(y, x->m)) return 0;
            *lo = *hi = dyad__date_days(y, x->m, x->d);
        }
        return 1;
    }
    case DYAD__TIMEX_WEEKDAY: {
        if (!doc || x->weekday < 1 || x->weekday > 7) return 0;
        int wdoc = dyad__date_weekday(doc->y, doc->m, doc->d), wd = x->weekday;
        if (x->ref == DYAD__REF_DOC)
            *lo = dd - (wdoc - 1) + 7L * x->offset + (wd - 1);
        else if (x->ref == DYAD__REF_LAST)
            *lo = dd - ((wdoc - wd + 6) % 7 + 1);
        else if (x->ref == DYAD__REF_NEXT)
            *lo = dd + ((wd - wdoc + 6) % 7 + 1);
        else if (dir > 0)
            *lo = dd + (wd - wdoc + 7) % 7;
        else
            *lo = dd - (wdoc - wd + 7) % 7;
        *hi = *lo;
        return 1;
    }
    case DYAD__TIMEX_RELATIVE: {
        if (!doc) return 0;
        switch (x->unit) {
        case DYAD__UNIT_DAY: *lo = *hi = dd + x->offset; break;
        case DYAD__UNIT_WEEK: {
            long mon = dd - (dyad__date_weekday(doc->y, doc->m, doc->d) - 1) + 7L * x->offset;
            *lo = mon;
            *hi = mon + 6;
            break;
        }
        case DYAD__UNIT_MONTH:
            S_month_range((long)doc->y * 12 + doc->m - 1 + x->offset, lo, hi);
            break;
        case DYAD__UNIT_YEAR: S_year_range((long)doc->y + x->offset, lo, hi); break;
        default: return 0;
        }
        /* this week / month / year: the side of the document's day the
         * tense looks at; "earlier" / "later" leave the day out */
        if (x->offset == 0 && x->unit != DYAD__UNIT_DAY) {
            if (x->part == DYAD__PART_EARLIER) {
                if (dd - 1 >= *lo) *hi = dd - 1;   /* else the whole period */
            } else if (x->part == DYAD__PART_LATER) {
                if (dd + 1 <= *hi) *lo = dd + 1;
            } else {
                if (dir < 0) *hi = dd;
                if (dir > 0) *lo = dd;
            }
        }
        return 1;
    }
    case DYAD__TIMEX_DECADE:
        if (x->y < 1 || x->y > 9990) return 0;
        *lo = dyad__date_days(x->y, 1, 1);
        *hi = dyad__date_days(x->y + 9, 12, 31);
        return 1;
    default:
        return 0;
    }
}

dyad__date dyad__timex_resolve(const dyad__timex *x, dyad__date doc, int direction)
{
    dyad__date none = {0, 0, 0, DYAD__DATE_UNKNOWN};
    long lo, hi;
    if (!x || x->offset < -10000 || x->offset > 10000) return none;
    int have_doc = doc.prec == DYAD__DATE_DAY && dyad__date_ok(doc);
    if (!S_range(x, have_doc ? &doc : NULL, direction, &lo, &hi)) return none;
    /* early / mid / late: a third of the range (it never leaves the
     * written period, so it never changes the precision of a month or a
     * year; it can narrow a week) */
    long len = hi - lo + 1;
    if (len >= 3) {
        if (x->part == DYAD__PART_EARLY) hi = lo + len / 3 - 1;
        else if (x->part == DYAD__PART_MID) lo += len / 3, hi = lo + len / 3 - 1;
        else if (x->part == DYAD__PART_LATE) lo = hi - len / 3 + 1;
    }
    return S_contain(lo, hi);
}
