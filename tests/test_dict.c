/*
 * test_dict.c -- the dictionary stage: every syntax feature of the five
 * dictionary kinds, each with a malformed variant that must give a
 * diagnostic at the right line; the compiled lookups (phrases with gaps
 * and stems, verb forms and particles, nested synsets, date-restricted
 * codes); robustness on garbage; concurrent lookups; and, when ../shared
 * is present, the PETRARCH validation and Phoenix sets (0 errors) and the
 * `dyad dict` command.  All snippets are written here for the tests.
 */
#include "testutil.h"

#include <time.h>

#include <pthread.h>
#include <sys/wait.h>

/* ---------------------------------------------------------------- helpers */

static dyad_dict *S_load(const char *text, dyad_dict_kind kind)
{
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    dyad_status st = dyad_dict_add_text(d, "t.txt", text, strlen(text), kind);
    assert_true(st == DYAD_OK || st == DYAD_EDICT);
    st = dyad_dict_compile(d);
    assert_true(st == DYAD_OK || st == DYAD_EDICT);
    return d;
}

/* Number of diagnostics of severity at line whose message contains sub. */
static int S_diag(const dyad_dict *d, int severity, unsigned long line, const char *sub)
{
    int n = 0;
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if ((int)g->severity == severity && g->line == line && strstr(g->message, sub)) {
            assert_string_equal(g->file, "t.txt");
            n++;
        }
    }
    return n;
}

static void S_dump_diags(const dyad_dict *d)
{
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        printf("# %s:%lu: %s: %s\n", g->file, g->line,
               g->severity == DYAD_DICT_ERROR ? "error" : "warning", g->message);
    }
}

/* Asserts exactly one error, at line, mentioning sub. */
static void S_one_error(const char *text, dyad_dict_kind kind, unsigned long line, const char *sub)
{
    dyad_dict *d = S_load(text, kind);
    if (dyad_dict_error_count(d) != 1 || S_diag(d, DYAD_DICT_ERROR, line, sub) != 1) {
        S_dump_diags(d);
        fail_msg("expected one error at line %lu containing '%s'", line, sub);
    }
    dyad_dict_free(d);
}

/* Words from a space-separated string (static storage). */
static size_t S_words(const char *s, dyad_dict_word *w, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *e = s;
        while (*e && *e != ' ') e++;
        w[n].s = s;
        w[n].len = (size_t)(e - s);
        n++;
        s = e;
    }
    return n;
}

#define ALL_NOUNS                                                                  \
    (DYAD_DICT_MASK(DYAD_DICT_ACTORS) | DYAD_DICT_MASK(DYAD_DICT_AGENTS) |         \
     DYAD_DICT_MASK(DYAD_DICT_DISCARDS) | DYAD_DICT_MASK(DYAD_DICT_ISSUES))

static void S_same_matches(const dyad_dict_match *a, const dyad_dict_match *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(a[i].entry, b[i].entry);
        assert_int_equal(a[i].start, b[i].start);
        assert_int_equal(a[i].end, b[i].end);
    }
}

/* The id lookups give what the text ones give at every position of
 * w[0..n): phrases of all noun kinds and of each (without and with gaps,
 * all results and the first only; the id variant ignores
 * DYAD_MATCH_STEMS), verbs, and every synset.  Adds the matches found to
 * *found when not NULL. */
static void S_same_ids(const dyad_dict *d, const dyad_dict_word *w, size_t n, size_t *found)
{
    unsigned ids[256];
    assert_true(n <= 256);
    for (size_t i = 0; i < n; i++) ids[i] = dyad_dict_word_id(d, w[i].s, w[i].len);
    size_t nsyn = dyad_dict_synset_count(d);
    static const unsigned kinds[] = {ALL_NOUNS, DYAD_DICT_MASK(DYAD_DICT_ACTORS),
                                     DYAD_DICT_MASK(DYAD_DICT_AGENTS),
                                     DYAD_DICT_MASK(DYAD_DICT_DISCARDS),
                                     DYAD_DICT_MASK(DYAD_DICT_ISSUES)};
    static const unsigned flags[] = {0, DYAD_MATCH_GAPS};
    static const size_t maxes[] = {16, 1};
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
            for (size_t f = 0; f < 2; f++)
                for (size_t x = 0; x < 2; x++) {
                    dyad_dict_match a[16], b[16];
                    size_t max = maxes[x];
                    size_t na = dyad_dict_match_at(d, kinds[k], w, n, i, flags[f], a, max);
                    size_t nb = dyad_dict_match_at_ids(d, kinds[k], ids, n, i, flags[f], b, max);
                    assert_int_equal(na, nb);
                    S_same_matches(a, b, na < max ? na : max);
                    nb = dyad_dict_match_at_ids(d, kinds[k], ids, n, i,
                                                flags[f] | DYAD_MATCH_STEMS, b, max);
                    assert_int_equal(na, nb);
                    S_same_matches(a, b, na < max ? na : max);
                    if (found && k == 0 && x == 0) *found += na;
                }
        dyad_dict_match a[16], b[16];
        size_t na = dyad_dict_match_verb(d, w, n, i, a, 16);
        size_t nb = dyad_dict_match_verb_ids(d, ids, n, i, b, 16);
        assert_int_equal(na, nb);
        S_same_matches(a, b, na < 16 ? na : 16);
        if (found) *found += na;
        for (unsigned s = 1; s <= nsyn; s++) {
            size_t ea[8], eb[8];
            size_t ka = dyad_dict_synset_match(d, s, w, n, i, ea, 8);
            size_t kb = dyad_dict_synset_match_ids(d, s, ids, n, i, eb, 8);
            assert_int_equal(ka, kb);
            for (size_t q = 0; q < ka && q < 8; q++) assert_int_equal(ea[q], eb[q]);
            if (found) *found += ka;
        }
    }
}

/* Entries of kind matching the whole text (0 when none), first one. */
static unsigned S_match_whole(const dyad_dict *d, dyad_dict_kind kind, const char *text,
                              unsigned flags)
{
    dyad_dict_word w[32];
    size_t n = S_words(text, w, 32);
    dyad_dict_match m[16];
    size_t k = dyad_dict_match_at(d, DYAD_DICT_MASK(kind), w, n, 0, flags, m, 16);
    for (size_t i = 0; i < k && i < 16; i++)
        if (m[i].end == n) return m[i].entry;
    return 0;
}

static const char *S_code_on(const dyad_dict *d, unsigned entry, const char *date)
{
    const dyad_dict_code *c = dyad_dict_actor_code(d, entry, date);
    return c ? c->code : NULL;
}

/* ----------------------------------------------------------- the handle */

static void test_handle(void **state)
{
    (void)state;
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    dyad_dict_free(NULL);
    assert_int_equal(dyad_dict_add_text(d, "x", "FOO [BAR]\n", 10, (dyad_dict_kind)99),
                     DYAD_EINVAL);
    assert_int_equal(dyad_dict_add_file(d, "/nonexistent/dyad.actors.txt", DYAD_DICT_AUTO),
                     DYAD_EIO);
    assert_non_null(strstr(dyad_dict_errmsg(d), "/nonexistent/dyad.actors.txt"));
    assert_int_equal(dyad_dict_error_count(d), 1);
    /* unrecognisable text */
    assert_int_equal(dyad_dict_add_text(d, "mystery", "hello\nworld\n", 12, DYAD_DICT_AUTO),
                     DYAD_EFORMAT);
    assert_int_equal(dyad_dict_compile(d), DYAD_EDICT);
    assert_int_equal(dyad_dict_compile(d), DYAD_EINVAL);
    assert_int_equal(dyad_dict_add_text(d, "a.actors.txt", "A [B]\n", 6, DYAD_DICT_AUTO),
                     DYAD_EINVAL);
    dyad_dict_free(d);

    dyad_dict_kind k;
    assert_int_equal(dyad_dict_kind_parse("actor", &k), DYAD_OK);
    assert_int_equal(k, DYAD_DICT_ACTORS);
    assert_int_equal(dyad_dict_kind_parse("issues", &k), DYAD_OK);
    assert_int_equal(k, DYAD_DICT_ISSUES);
    assert_int_equal(dyad_dict_kind_parse("bogus", &k), DYAD_EINVAL);
    assert_string_equal(dyad_dict_kind_name(DYAD_DICT_DISCARDS), "discards");
}

/* Recognition of the kind: by name, then by content. */
static void test_sniff(void **state)
{
    (void)state;
    static const struct {
        const char *name, *text;
        int kind;
    } cases[] = {
        {"x.verbs.txt", "--- A [010] ---\nABC\n", DYAD_DICT_VERBS},
        {"Phoenix.agents.txt", "X [~Y]\n", DYAD_DICT_AGENTS},
        {"some.discards.txt", "WORLD CUP\n", DYAD_DICT_DISCARDS},
        {"Phoenix.IssueCoding.txt", "tourism [TOURISM]\n", DYAD_DICT_ISSUES},
        {"a.actors.txt", "X [Y]\n", DYAD_DICT_ACTORS},
        {"CAMEO.x.txt", "--- GRANT [070] ---\nGRANT\n- * AID [071]\n", DYAD_DICT_VERBS},
        {"noname.txt", "<ISSUE CATEGORY=\"A\">\nfoo [A]\n</ISSUE>\n", DYAD_DICT_ISSUES},
        {"noname.txt", "!P! = MAN, MEN\nPOLICE!P! [~COP]\n", DYAD_DICT_AGENTS},
        {"noname.txt", "FRANCE [FRA]\n+PARIS\nGAULLE\n\t[FRAGOV 590108-690428]\n",
         DYAD_DICT_ACTORS},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_dict *d;
        assert_int_equal(dyad_dict_new(&d), DYAD_OK);
        dyad_status st = dyad_dict_add_text(d, cases[i].name, cases[i].text,
                                            strlen(cases[i].text), DYAD_DICT_AUTO);
        if (st != DYAD_OK) fail_msg("case %zu: %s", i, dyad_dict_errmsg(d));
        dyad_dict_compile(d);
        dyad_dict_stats s;
        dyad_dict_stats_get(d, &s);
        size_t got = cases[i].kind == DYAD_DICT_VERBS      ? s.verbs
                     : cases[i].kind == DYAD_DICT_ACTORS   ? s.actors
                     : cases[i].kind == DYAD_DICT_AGENTS   ? s.agents
                     : cases[i].kind == DYAD_DICT_DISCARDS ? s.discards
                                                           : s.issues;
        if (got == 0) fail_msg("case %zu not read as %s", i, dyad_dict_kind_name(cases[i].kind));
        dyad_dict_free(d);
    }
}

/* --------------------------------------------------------------- comments */

static void test_comments(void **state)
{
    (void)state;
    const char *text = "# whole-line comment\n"         /* 1 */
                       "FRANCE [FRA] # trailing\n"      /* 2 */
                       "SPAIN [ESP] ; TABARI comment\n" /* 3 */
                       "<!-- one line -->\n"            /* 4 */
                       "<!--\n"                         /* 5 */
                       "GHOST [XXX]\n"                  /* 6 */
                       "-->\n"                          /* 7 */
                       "ITALY <!-- inline --> [ITA]\n"  /* 8 */
                       "   \t \n"                       /* 9 */
                       "NASGUL [###]\n";                /* 10: '#' inside [] */
    dyad_dict *d = S_load(text, DYAD_DICT_ACTORS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "France", 0), NULL),
                        "FRA");
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "Spain", 0), NULL),
                        "ESP");
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "Italy", 0), NULL),
                        "ITA");
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "Nasgul", 0), NULL),
                        "###");
    assert_int_equal(S_match_whole(d, DYAD_DICT_ACTORS, "ghost", 0), 0);
    dyad_dict_entry e;
    assert_int_equal(dyad_dict_entry_get(d, S_match_whole(d, DYAD_DICT_ACTORS, "italy", 0), &e),
                     DYAD_OK);
    assert_int_equal(e.line, 8);
    dyad_dict_free(d);
    /* malformed: a comment that never ends */
    S_one_error("FRANCE [FRA]\n<!-- no end\nSPAIN [ESP]\n", DYAD_DICT_ACTORS, 2, "never closed");
    /* bad bytes are located too */
    S_one_error("FRANCE [FRA]\nESPA\xF1" "A [ESP]\n", DYAD_DICT_ACTORS, 2, "invalid UTF-8");
    /* a NUL byte and bad UTF-8 on two lines of one text: each line is
     * reported where it is, the lines around them still load (the loader
     * checks the whole text first and the lines only when it fails) */
    static const char mixed[] = "CHILE [CHL]\n"     /* 1 */
                                "PE\0RU [PER]\n"    /* 2 */
                                "NORWAY [NOR]\n"    /* 3 */
                                "BOLI\xC3VIA [BOL]\n" /* 4 */
                                "OSLO [NORGOV]\n";  /* 5 */
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_text(d, "t.txt", mixed, sizeof mixed - 1, DYAD_DICT_ACTORS),
                     DYAD_EDICT);
    dyad_status st = dyad_dict_compile(d);
    assert_true(st == DYAD_OK || st == DYAD_EDICT);
    assert_int_equal(dyad_dict_error_count(d), 2);
    assert_int_equal(S_diag(d, DYAD_DICT_ERROR, 2, "NUL byte"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_ERROR, 4, "invalid UTF-8 at column 5"), 1);
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "Chile", 0), NULL),
                        "CHL");
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "Norway", 0), NULL),
                        "NOR");
    assert_string_equal(S_code_on(d, S_match_whole(d, DYAD_DICT_ACTORS, "Oslo", 0), NULL),
                        "NORGOV");
    assert_int_equal(S_match_whole(d, DYAD_DICT_ACTORS, "Bolivia", 0), 0);
    dyad_dict_free(d);
}

/* ------------------------------------------------------------------ verbs */

static const char *const S_verbs =
    "&CURRENCY\n"                               /* 1 */
    "+DOLLAR\n"                                 /* 2 */
    "+SWISS_FRANC\n"                            /* 3 */
    "+CASH_\n"                                  /* 4: no plural */
    "&AUXVERB_\n"                               /* 5: no plurals at all */
    "+WILL\n"                                   /* 6 */
    "+IS_TO\n"                                  /* 7 */
    "&MONEYISH\n"                               /* 8 */
    "+&CURRENCY\n"                              /* 9: nested */
    "+GOLD &CURRENCY\n"                         /* 10 */
    "--- GRANT [070] ---\n"                     /* 11 */
    "GRANT\n"                                   /* 12 */
    "GIVE {GAVE GIVEN GIVING GIVES}  # ok\n"    /* 13 */
    "SEEK [090]\n"                              /* 14: table forms */
    "+CORDON_OFF [172]\n"                       /* 15 */
    "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPS}\n"     /* 16 */
    "- * &CURRENCY [071]\n"                     /* 17 */
    "- $ WILL_* + [072:073]\n"                  /* 18 */
    "- % * (TO {BANNED PARTIES}) [:074]\n"      /* 19 */
    "- ^ SAID * &MONEYISH_DEBT [---]\n"         /* 20 */
    "- &AUXVERB_* AID [075]\n"                  /* 21 */
    "--- SAY [010] ---\n"                       /* 22 */
    "SAY {SAID SAYING SAYS}\n"                  /* 23 */
    "~ a (a b GRANT) SAY = a b 015\n";          /* 24 */

static void test_verbs_blocks(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_verbs, DYAD_DICT_VERBS);
    if (dyad_dict_error_count(d) || dyad_dict_warning_count(d)) S_dump_diags(d);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(dyad_dict_warning_count(d), 0);
    assert_int_equal(dyad_dict_block_count(d), 2);
    dyad_dict_block b;
    assert_int_equal(dyad_dict_block_get(d, 1, &b), DYAD_OK);
    assert_string_equal(b.name, "GRANT");
    assert_string_equal(b.code, "070");
    assert_null(b.passive_code);
    assert_int_equal(b.line, 11);
    assert_int_equal(b.npatterns, 5);
    assert_int_equal(dyad_dict_block_get(d, 3, &b), DYAD_ENOTFOUND);
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    assert_int_equal(s.verb_blocks, 2);
    assert_int_equal(s.verbs, 6);
    assert_int_equal(s.patterns, 5);
    assert_int_equal(s.synsets, 3);
    assert_int_equal(s.transformations, 1);
    dyad_dict_free(d);
    /* header without its closing ']' */
    S_one_error("--- GRANT [070 ---\nGRANT\n", DYAD_DICT_VERBS, 1, "'[' without ']'");
    /* header without a name */
    S_one_error("GRANT\n", DYAD_DICT_VERBS, 1, "outside a verb block");
    S_one_error("--- [070] ---\nGRANT\n", DYAD_DICT_VERBS, 1, "without a name");
    /* a second code and a comment inside the header: warnings */
    d = S_load("--- DELAY [120] [031:031] ---\nDELAY\n--- TROUBLED [---] # NOUN ---\nTROUBLED\n",
               DYAD_DICT_VERBS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 1, "second code"), 1);
    assert_int_equal(dyad_dict_block_get(d, 2, &b), DYAD_OK);
    assert_string_equal(b.name, "TROUBLED");
    assert_string_equal(b.code, "---");
    dyad_dict_free(d);
}

/* Verb lines: regular forms, listed forms, the irregular table, '+'
 * multi-word verbs, own codes. */
static void test_verbs_forms(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_verbs, DYAD_DICT_VERBS);
    static const struct {
        const char *text;   /* the words */
        size_t verb;        /* index of the verb word */
        const char *code;
        size_t start, end;
        int generated;
    } cases[] = {
        {"granted", 0, "070", 0, 1, 1},
        {"grants", 0, "070", 0, 1, 1},
        {"granting", 0, "070", 0, 1, 1},
        {"gave", 0, "070", 0, 1, 0},
        {"GIVEN", 0, "070", 0, 1, 0},
        {"sought", 0, "090", 0, 1, 1},  /* dyad's irregular table */
        {"seeks", 0, "090", 0, 1, 1},
        {"police cordoned off the town", 1, "172", 1, 3, 1},
        {"they cordon off", 1, "172", 1, 3, 0},
        {"they wire tapped it", 2, "070", 1, 3, 0},
        {"said", 0, "010", 0, 1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_dict_word w[16];
        size_t n = S_words(cases[i].text, w, 16);
        dyad_dict_match m[8];
        size_t k = dyad_dict_match_verb(d, w, n, cases[i].verb, m, 8);
        if (k == 0) fail_msg("case %zu: '%s' not matched", i, cases[i].text);
        dyad_dict_entry e;
        assert_int_equal(dyad_dict_entry_get(d, m[0].entry, &e), DYAD_OK);
        assert_int_equal(e.kind, DYAD_DICT_VERBS);
        assert_string_equal(e.code, cases[i].code);
        assert_int_equal(m[0].start, cases[i].start);
        assert_int_equal(m[0].end, cases[i].end);
        assert_int_equal(!!(e.flags & DYAD_DICT_F_GENERATED), cases[i].generated);
    }
    /* listed forms replace generated ones: no "GIVED" */
    dyad_dict_word w[1] = {{"gived", 5}};
    assert_int_equal(dyad_dict_match_verb(d, w, 1, 0, NULL, 0), 0);
    /* "cordon" alone is not the multi-word verb */
    dyad_dict_word w2[2] = {{"cordon", 6}, {"on", 2}};
    assert_int_equal(dyad_dict_match_verb(d, w2, 2, 0, NULL, 0), 0);
    /* the verb word of a multi-word verb */
    dyad_dict_word w3[2] = {{"wire", 4}, {"taps", 4}};
    dyad_dict_match m[2];
    assert_int_equal(dyad_dict_match_verb(d, w3, 2, 1, m, 2), 1);
    dyad_dict_entry e;
    dyad_dict_entry_get(d, m[0].entry, &e);
    assert_int_equal(e.nwords, 2);
    assert_int_equal(e.verb_word, 1);
    assert_int_equal(e.group, 1);
    char text[64];
    dyad_dict_entry_text(d, m[0].entry, text, sizeof text);
    assert_string_equal(text, "WIRE_TAPS");
    dyad_dict_free(d);

    /* malformed variants */
    S_one_error("--- A [010] ---\nGIVE {GAVE GIVEN\n", DYAD_DICT_VERBS, 2, "'{' without '}'");
    S_one_error("--- A [010] ---\n+CORDON_+OFF\n", DYAD_DICT_VERBS, 2, "more than one '+'");
    S_one_error("--- A [010] ---\nCOR+DON_OFF\n", DYAD_DICT_VERBS, 2, "'+' inside a word");
    S_one_error("--- A [010] ---\nGIVE [01 0]\n", DYAD_DICT_VERBS, 2, "malformed code");
    S_one_error("--- A [010] ---\nGIVE [010\n", DYAD_DICT_VERBS, 2, "'[' without ']'");
    /* duplicates are warnings */
    d = S_load("--- A [010] ---\nGIVE\n--- B [020] ---\nGIVE\n", DYAD_DICT_VERBS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 4, "duplicate verb 'GIVE'"), 1);
    dyad_dict_free(d);
    /* a multi-word verb without '+' takes its first word, with a warning */
    d = S_load("--- A [010] ---\nLASH OUT\n", DYAD_DICT_VERBS);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 2, "without '+'"), 1);
    dyad_dict_word w4[2] = {{"lashed", 6}, {"out", 3}};
    assert_int_equal(dyad_dict_match_verb(d, w4, 2, 0, NULL, 0), 1);
    dyad_dict_free(d);
}

/* Spelling rules of generated forms (verbs without {...}, agent and
 * synset plurals). */
static void test_forms(void **state)
{
    (void)state;
    dyad_dict *d = S_load("--- A [010] ---\nQUIT\nADMIT\nCANCEL\nDIE\nAGREE\nPANIC\nCARRY\n"
                          "PLAY\nFIX\nVISIT\nSTOP\nBE\nHAVE\nGO\n",
                          DYAD_DICT_VERBS);
    static const char *const verbs[] = {
        "quitting", "admitted", "cancelled", "canceled", "dying", "agreeing", "panicked",
        "carried", "carries", "played", "fixes", "visited", "stopping", "was", "has",
        "went", "gone", "goes"};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
        dyad_dict_word w = {verbs[i], strlen(verbs[i])};
        if (dyad_dict_match_verb(d, &w, 1, 0, NULL, 0) != 1) fail_msg("no verb form '%s'", verbs[i]);
    }
    static const char *const not_verbs[] = {"quiting", "admited", "diing", "agreing",
                                            "visitted", "stoped", "goed"};
    for (size_t i = 0; i < sizeof not_verbs / sizeof *not_verbs; i++) {
        dyad_dict_word w = {not_verbs[i], strlen(not_verbs[i])};
        if (dyad_dict_match_verb(d, &w, 1, 0, NULL, 0) != 0)
            fail_msg("unexpected verb form '%s'", not_verbs[i]);
    }
    dyad_dict_free(d);
    d = S_load("CHAIRMAN [~GOV]\nENVOY [~GOV]\nPARTY [~PTY]\nCHURCH [~REL]\nHUMAN [~X]\n"
               "BOSS [~BUS]\n",
               DYAD_DICT_AGENTS);
    static const char *const plurals[] = {"chairmen", "envoys", "parties", "churches",
                                          "humans", "bosses"};
    for (size_t i = 0; i < sizeof plurals / sizeof *plurals; i++)
        if (!S_match_whole(d, DYAD_DICT_AGENTS, plurals[i], 0))
            fail_msg("no plural '%s'", plurals[i]);
    assert_false(S_match_whole(d, DYAD_DICT_AGENTS, "chairmans", 0));
    dyad_dict_free(d);
}

/* Pattern element kinds and connectors, for each pattern feature. */
static void test_verbs_patterns(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_verbs, DYAD_DICT_VERBS);
    dyad_dict_pattern p;
    /* line 17: - * &CURRENCY [071] */
    assert_int_equal(dyad_dict_pattern_get(d, 1, &p), DYAD_OK);
    assert_int_equal(p.line, 17);
    assert_string_equal(p.text, "* &CURRENCY");
    assert_int_equal(p.nelems, 2);
    assert_int_equal(p.verb, 0);
    assert_int_equal(p.elems[0].kind, DYAD_PAT_VERB);
    assert_int_equal(p.elems[1].kind, DYAD_PAT_SYNSET);
    assert_int_equal(p.elems[1].id, dyad_dict_synset_find(d, "&CURRENCY"));
    assert_string_equal(p.elems[1].text, "&CURRENCY");
    assert_string_equal(p.code, "071");
    assert_null(p.passive_code);
    /* line 18: - $ WILL_* + [072:073] */
    assert_int_equal(dyad_dict_pattern_get(d, 2, &p), DYAD_OK);
    assert_int_equal(p.nelems, 4);
    assert_int_equal(p.elems[0].kind, DYAD_PAT_SOURCE);
    assert_int_equal(p.elems[1].kind, DYAD_PAT_WORD);
    assert_string_equal(p.elems[1].text, "WILL");
    assert_int_equal(p.elems[1].id, dyad_dict_word_id(d, "will", 4));
    assert_int_equal(p.elems[1].adjacent, 0);
    assert_int_equal(p.elems[2].kind, DYAD_PAT_VERB);
    assert_int_equal(p.elems[2].adjacent, 1); /* WILL_* */
    assert_int_equal(p.elems[3].kind, DYAD_PAT_TARGET);
    assert_int_equal(p.elems[3].adjacent, 0);
    assert_int_equal(p.verb, 2);
    assert_string_equal(p.code, "072");
    assert_string_equal(p.passive_code, "073");
    /* line 19: - % * (TO {BANNED PARTIES}) [:074] */
    assert_int_equal(dyad_dict_pattern_get(d, 3, &p), DYAD_OK);
    static const int k19[] = {DYAD_PAT_COMPOUND, DYAD_PAT_VERB, DYAD_PAT_PP_BEGIN,
                              DYAD_PAT_WORD, DYAD_PAT_NP_BEGIN, DYAD_PAT_WORD,
                              DYAD_PAT_WORD, DYAD_PAT_NP_END, DYAD_PAT_PP_END};
    assert_int_equal(p.nelems, 9);
    for (size_t i = 0; i < 9; i++) assert_int_equal(p.elems[i].kind, k19[i]);
    assert_null(p.code);
    assert_string_equal(p.passive_code, "074");
    /* line 20: - ^ SAID * &MONEYISH_DEBT [---]: synset followed by a word */
    assert_int_equal(dyad_dict_pattern_get(d, 4, &p), DYAD_OK);
    assert_int_equal(p.nelems, 5);
    assert_int_equal(p.elems[0].kind, DYAD_PAT_SKIP);
    assert_int_equal(p.elems[3].kind, DYAD_PAT_SYNSET);
    assert_string_equal(p.elems[3].text, "&MONEYISH");
    assert_int_equal(p.elems[4].kind, DYAD_PAT_WORD);
    assert_string_equal(p.elems[4].text, "DEBT");
    assert_int_equal(p.elems[4].adjacent, 1);
    assert_string_equal(p.code, "---");
    /* line 21: - &AUXVERB_* AID: the label's final '_' is not part of the
     * name; the synset is joined to the verb */
    assert_int_equal(dyad_dict_pattern_get(d, 5, &p), DYAD_OK);
    assert_int_equal(p.elems[0].kind, DYAD_PAT_SYNSET);
    assert_string_equal(p.elems[0].text, "&AUXVERB");
    assert_int_equal(p.elems[1].kind, DYAD_PAT_VERB);
    assert_int_equal(p.elems[1].adjacent, 1);
    dyad_dict_free(d);

    /* the older TABARI forms: "IN_ *" is a blank, "* OFF_" a plain word */
    d = S_load("--- A [010] ---\nA\n- IN_ * OFF_ [011]\n- SUGGESTED_+ * [012]\n", DYAD_DICT_VERBS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(dyad_dict_pattern_get(d, 1, &p), DYAD_OK);
    assert_int_equal(p.nelems, 3);
    assert_int_equal(p.elems[1].adjacent, 0);
    assert_string_equal(p.elems[2].text, "OFF");
    assert_int_equal(dyad_dict_pattern_get(d, 2, &p), DYAD_OK);
    assert_int_equal(p.elems[1].kind, DYAD_PAT_TARGET);
    assert_int_equal(p.elems[1].adjacent, 1);
    dyad_dict_free(d);

    /* malformed variants, one per feature */
    const char *hdr = "--- A [010] ---\nA\n";
    static const struct {
        const char *line, *why;
    } bad[] = {
        {"- * AID\n", "without a [code]"},                /* code */
        {"- * AID [011\n", "'[' without ']'"},            /* code */
        {"- * AID [01 1]\n", "malformed code"},           /* code */
        {"- * AID [:]\n", "malformed code"},              /* passive code */
        {"- AID [011]\n", "no '*'"},                      /* * */
        {"- * AID * [011]\n", "more than one '*'"},       /* * */
        {"- $ (FOR * ) [011]\n", "'*' inside brackets"},  /* $ with brackets */
        {"- * (TO + [011]\n", "'(' without ')'"},         /* + */
        {"- % * {BIG {RED} [011]\n", "'{' inside '{ }'"}, /* % */
        {"- ^ * {} [011]\n", "empty '{ }'"},              /* ^ */
        {"- * () [011]\n", "empty '( )'"},                /* ( ) */
        {"- * {A (B) C} [011]\n", "'(' inside '{ }'"},    /* { } */
        {"- * & [011]\n", "'&' without a synset name"},   /* & */
        {"- A_ * [011] [012]\n", "stray '[' or ']'"},     /* _ */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s%s", hdr, bad[i].line);
        S_one_error(buf, DYAD_DICT_VERBS, 3, bad[i].why);
    }
    /* a pattern before any block */
    S_one_error("- * AID [011]\n", DYAD_DICT_VERBS, 1, "outside a verb block");
    /* repairs and documented ignore rules are warnings */
    d = S_load("--- A [010] ---\nA\n- * (WITH VISIT) VISIT) [042]\n- * &NOSUCH [043]\n"
               "- * AID [044] trailing\n",
               DYAD_DICT_VERBS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 3, "')' without '(' ignored"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 4, "undefined synset '&NOSUCH'"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 5, "after the pattern's code ignored"), 1);
    assert_int_equal(dyad_dict_pattern_count(d), 2);
    dyad_dict_free(d);
    /* duplicates and conflicts are warnings */
    d = S_load("--- A [010] ---\nA\n- * AID [011]\n- * AID [011]\n- * AID [012]\n",
               DYAD_DICT_VERBS);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 4, "duplicate pattern"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 5, "conflicting pattern"), 1);
    dyad_dict_free(d);
}

static void test_verbs_synsets(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_verbs, DYAD_DICT_VERBS);
    unsigned cur = dyad_dict_synset_find(d, "CURRENCY");
    unsigned aux = dyad_dict_synset_find(d, "&AUXVERB");
    unsigned mon = dyad_dict_synset_find(d, "MONEYISH");
    assert_true(cur && aux && mon);
    dyad_dict_synset s;
    assert_int_equal(dyad_dict_synset_get(d, cur, &s), DYAD_OK);
    assert_int_equal(s.line, 1);
    assert_int_equal(s.plurals, 1);
    assert_int_equal(s.nmembers, 5); /* DOLLAR(S), SWISS FRANC(S), CASH */
    assert_int_equal(dyad_dict_synset_get(d, aux, &s), DYAD_OK);
    assert_int_equal(s.plurals, 0);
    const struct {
        unsigned *syn;
        const char *text;
        size_t start, ends0, nends;
    } cases[] = {
        {&cur, "dollars", 0, 1, 1},
        {&cur, "swiss francs", 0, 2, 1},
        {&cur, "cash", 0, 1, 1},
        {&aux, "is to", 0, 2, 1},
        {&mon, "a swiss franc", 1, 3, 1}, /* nested */
        {&mon, "gold dollars", 0, 2, 1},  /* word + nested */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_dict_word w[8];
        size_t n = S_words(cases[i].text, w, 8);
        size_t ends[4];
        size_t k = dyad_dict_synset_match(d, *cases[i].syn, w, n, cases[i].start, ends, 4);
        if (k != cases[i].nends || ends[0] != cases[i].ends0)
            fail_msg("case %zu: %zu ends, first %zu", i, k, k ? ends[0] : 0);
    }
    dyad_dict_word w[2] = {{"cashes", 6}, {"wills", 5}};
    size_t ends[2];
    assert_int_equal(dyad_dict_synset_match(d, cur, w, 2, 0, ends, 2), 0); /* CASH_ */
    assert_int_equal(dyad_dict_synset_match(d, aux, w, 2, 1, ends, 2), 0); /* AUXVERB_ */
    dyad_dict_free(d);

    /* malformed variants */
    S_one_error("&\n+A\n", DYAD_DICT_VERBS, 1, "without a name");
    S_one_error("&X\n+A $ B\n", DYAD_DICT_VERBS, 2, "contains '$'");
    S_one_error("&A\n+&B\n&B\n+X_&A\n", DYAD_DICT_VERBS, 4, "refers to itself");
    /* redefinition and empty synsets are warnings */
    d = S_load("&A\n+X\n&A\n+Y\n&E\n", DYAD_DICT_VERBS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 3, "defined again"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 5, "no members"), 1);
    dyad_dict_free(d);
}

static void test_verbs_transforms(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_verbs, DYAD_DICT_VERBS);
    assert_int_equal(dyad_dict_transform_count(d), 1);
    dyad_dict_transform t;
    assert_int_equal(dyad_dict_transform_get(d, 1, &t), DYAD_OK);
    assert_int_equal(t.line, 24);
    assert_int_equal(t.nlevels, 2);
    assert_string_equal(t.sources[0], "a");
    assert_string_equal(t.verbs[0], "SAY");
    assert_string_equal(t.sources[1], "a");
    assert_string_equal(t.verbs[1], "GRANT");
    assert_string_equal(t.target, "b");
    assert_string_equal(t.out_source, "a");
    assert_string_equal(t.out_target, "b");
    assert_string_equal(t.out_code, "015");
    dyad_dict_free(d);
    const char *hdr = "--- SAY [010] ---\nSAY\n";
    char buf[256];
    snprintf(buf, sizeof buf, "%s~ a (a b SAY SAY = a b 015\n", hdr);
    S_one_error(buf, DYAD_DICT_VERBS, 3, "expected ')'");
    snprintf(buf, sizeof buf, "%s~ a (a b SAY) SAY = a b\n", hdr);
    S_one_error(buf, DYAD_DICT_VERBS, 3, "after '='");
    snprintf(buf, sizeof buf, "%s~ a (a b FLY) SAY = a b 015\n", hdr);
    S_one_error(buf, DYAD_DICT_VERBS, 3, "not a verb");
}

/* ----------------------------------------------------------------- actors */

static const char *const S_actors =
    "GOLLUM  # a comment\n"                      /* 1 */
    "+SMEAGOL\n"                                 /* 2 */
    "\t[HOB < 950601]\n"                         /* 3 */
    "\t[HOBGOV 19950601 - 19990815]\n"           /* 4 */
    "\t[HOBREB >990816]\n"                       /* 5 */
    "SAM_GAMGEE [HOB]\n"                         /* 6 */
    "\t[ORC 20100109-20100112] [MIL 20080120-20121109]\n" /* 7: several */
    "PRESIDENT HOSNI MUBARAK [EGYGOV]\n"         /* 8: blank connectors */
    "AFGHANISTAN_ [AFG]\n"                       /* 9 */
    "+KABUL\n"                                   /* 10 */
    "U.S._ [USA]\n"                              /* 11 */
    "SAMOA_(AMERICAN)_ [ASM]\n"                  /* 12 */
    "ONODOHER\n"                                 /* 13 */
    "\t[ONO <911226]\n";                         /* 14 */

static void test_actors(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_actors, DYAD_DICT_ACTORS);
    if (dyad_dict_error_count(d) || dyad_dict_warning_count(d)) S_dump_diags(d);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(dyad_dict_warning_count(d), 0);
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    assert_int_equal(s.actors, 7);
    assert_int_equal(s.actor_phrases, 9);
    assert_int_equal(s.actor_codes, 11);

    unsigned g = S_match_whole(d, DYAD_DICT_ACTORS, "Gollum", 0);
    unsigned sm = S_match_whole(d, DYAD_DICT_ACTORS, "Smeagol", 0);
    assert_true(g && sm);
    dyad_dict_entry e;
    dyad_dict_entry_get(d, sm, &e);
    assert_int_equal(e.line, 2);
    assert_false(e.flags & DYAD_DICT_F_PRIMARY);
    assert_null(e.code); /* no default */
    dyad_dict_entry_get(d, g, &e);
    assert_true(e.flags & DYAD_DICT_F_PRIMARY);
    /* limits are inclusive; YY <= 30 is 20YY */
    assert_string_equal(S_code_on(d, sm, "1995-06-01"), "HOB");
    assert_string_equal(S_code_on(d, sm, "1995-06-02"), "HOBGOV");
    assert_string_equal(S_code_on(d, g, "1999-08-15"), "HOBGOV");
    assert_string_equal(S_code_on(d, g, "1999-08-16"), "HOBREB");
    assert_string_equal(S_code_on(d, g, "2030-01-01"), "HOBREB");
    assert_null(S_code_on(d, g, NULL));
    assert_null(S_code_on(d, g, "1999-02-30")); /* not a date */
    const dyad_dict_code *c = dyad_dict_actor_code(d, g, "1999-08-16");
    assert_int_equal(c->line, 5);
    assert_int_equal(c->when, DYAD_DICT_AFTER);
    assert_int_equal(c->from, 19990816);
    /* the first restriction in file order wins; the default otherwise */
    unsigned sam = S_match_whole(d, DYAD_DICT_ACTORS, "Sam Gamgee", 0);
    assert_string_equal(S_code_on(d, sam, "2010-01-10"), "ORC");
    assert_string_equal(S_code_on(d, sam, "2010-01-13"), "MIL");
    assert_string_equal(S_code_on(d, sam, "2013-01-01"), "HOB");
    assert_string_equal(S_code_on(d, sam, NULL), "HOB");
    const dyad_dict_code *all;
    assert_int_equal(dyad_dict_actor_codes(d, sam, &all), 3);
    assert_int_equal(all[1].line, 7);
    assert_int_equal(all[2].line, 7);
    /* two-digit years before 31 */
    unsigned ono = S_match_whole(d, DYAD_DICT_ACTORS, "Onodoher", 0);
    assert_string_equal(S_code_on(d, ono, "1991-12-26"), "ONO");
    assert_null(S_code_on(d, ono, "1991-12-27"));
    /* blank connectors: words may come between with DYAD_MATCH_GAPS */
    assert_true(S_match_whole(d, DYAD_DICT_ACTORS, "President Hosni Mubarak", 0));
    assert_false(S_match_whole(d, DYAD_DICT_ACTORS, "President Mohammed Hosni Mubarak", 0));
    assert_true(S_match_whole(d, DYAD_DICT_ACTORS, "President Mohammed Hosni Mubarak",
                              DYAD_MATCH_GAPS));
    /* underscore connectors never allow gaps */
    assert_false(S_match_whole(d, DYAD_DICT_ACTORS, "Sam X Gamgee", DYAD_MATCH_GAPS));
    /* case, abbreviations and punctuation split like text */
    assert_true(S_match_whole(d, DYAD_DICT_ACTORS, "U.S.", 0));
    assert_true(S_match_whole(d, DYAD_DICT_ACTORS, "u.s", 0));
    assert_true(S_match_whole(d, DYAD_DICT_ACTORS, "Samoa ( American )", 0));
    /* stems: an open-ended phrase's last word is a prefix with STEMS */
    assert_false(S_match_whole(d, DYAD_DICT_ACTORS, "Kabuli", 0));
    assert_true(S_match_whole(d, DYAD_DICT_ACTORS, "Kabuli", DYAD_MATCH_STEMS));
    assert_false(S_match_whole(d, DYAD_DICT_ACTORS, "Afghanistani", DYAD_MATCH_STEMS));
    /* longest match first, and every shorter one */
    dyad_dict_word w[4];
    size_t n = S_words("Afghanistan Kabul x", w, 4);
    dyad_dict_match m[4];
    assert_int_equal(dyad_dict_match_at(d, DYAD_DICT_MASK(DYAD_DICT_ACTORS), w, n, 0, 0, m, 4), 1);
    assert_int_equal(dyad_dict_match_at(d, DYAD_DICT_MASK(DYAD_DICT_ACTORS), w, n, 1, 0, m, 4), 1);
    assert_int_equal(m[0].start, 1);
    assert_int_equal(m[0].end, 2);
    dyad_dict_free(d);

    /* malformed variants */
    S_one_error("+SMEAGOL\n", DYAD_DICT_ACTORS, 1, "without an actor");
    S_one_error("\t[HOB]\n", DYAD_DICT_ACTORS, 1, "without an actor");
    S_one_error("GOLLUM [HOB\n", DYAD_DICT_ACTORS, 1, "'[' without ']'");
    S_one_error("GOLLUM\n\t[ <950601]\n", DYAD_DICT_ACTORS, 2, "without a code");
    S_one_error("GOLLUM [HOB] [X [Y]\n", DYAD_DICT_ACTORS, 1, "'[' without ']'");
    /* what the reference readers skip with a warning */
    d = S_load("GOLLUM [HOB]\n"
               "\t[X 9008223-911221]\n"      /* 7 digits */
               "\t[X 19990231-20000101]\n"   /* no such day */
               "\t[X 20121204]\n"            /* no <, > or - */
               "\t[X 20000101-19990101]\n"   /* backwards */
               "\t[Y]\n"                     /* second default */
               "\tGOLLUM_THE_SLINKER\n"      /* indented phrase */
               "NOBODY\n"                    /* no code */
               "+GOLLUM\n",                  /* duplicate */
               DYAD_DICT_ACTORS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    for (unsigned long l = 2; l <= 5; l++)
        assert_int_equal(S_diag(d, DYAD_DICT_WARNING, l, "restriction"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 6, "second default"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 7, "synonym"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 8, "no code"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 9, "duplicate actor phrase"), 1);
    g = S_match_whole(d, DYAD_DICT_ACTORS, "Gollum the Slinker", 0);
    assert_string_equal(S_code_on(d, g, "2012-12-05"), "HOB");
    dyad_dict_free(d);
}

/* ----------------------------------------------------------------- agents */

static void test_agents(void **state)
{
    (void)state;
    const char *text = "!PERSON! = MAN, WOMAN , PERSON\n"       /* 1 */
                       "CONGRESS!PERSON! [~LEG]\n"             /* 2 */
                       "FOREIGN_!PERSON!_OF_STATE [~GOV]\n"    /* 3 */
                       "AMBASSADOR [~GOV] # comment\n"         /* 4 */
                       "POLICE {} [ ~COP]\n"                   /* 5 */
                       "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n" /* 6 */
                       "HUMAN_RIGHTS_BODY  [NGO~]\n"           /* 7 */
                       "MILITARY_JUNTA [~MIL}\n"               /* 8: '}' */
                       "SECRETARY [~GOV]\n";                    /* 9 */
    dyad_dict *d = S_load(text, DYAD_DICT_AGENTS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(dyad_dict_warning_count(d), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 8, "'}' instead of ']'"), 1);
    static const struct {
        const char *text, *code;
        int prefix, generated;
        unsigned long line;
    } cases[] = {
        {"congresswoman", "LEG", 0, 1, 2},
        {"CONGRESSMAN", "LEG", 0, 1, 2},
        {"foreign man of state", "GOV", 0, 1, 3},
        {"ambassador", "GOV", 0, 0, 4},
        {"ambassadors", "GOV", 0, 1, 4},
        {"police", "COP", 0, 0, 5},
        {"attorneys general", "JUD", 0, 0, 6},
        {"human rights body", "NGO", 1, 0, 7},
        {"human rights bodies", "NGO", 1, 1, 7},
        {"military juntas", "MIL", 0, 1, 8},
        {"secretaries", "GOV", 0, 1, 9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned id = S_match_whole(d, DYAD_DICT_AGENTS, cases[i].text, 0);
        if (!id) fail_msg("case %zu: '%s' not matched", i, cases[i].text);
        dyad_dict_entry e;
        dyad_dict_entry_get(d, id, &e);
        assert_string_equal(e.code, cases[i].code);
        assert_int_equal(!!(e.flags & DYAD_DICT_F_PREFIX), cases[i].prefix);
        assert_int_equal(!!(e.flags & DYAD_DICT_F_GENERATED), cases[i].generated);
        assert_int_equal(e.line, cases[i].line);
    }
    assert_false(S_match_whole(d, DYAD_DICT_AGENTS, "polices", 0));
    assert_false(S_match_whole(d, DYAD_DICT_AGENTS, "congresspersons", 0));
    assert_false(S_match_whole(d, DYAD_DICT_AGENTS, "attorney generals", 0));
    dyad_dict_free(d);

    /* malformed variants */
    S_one_error("AMBASSADOR [~GOV\n", DYAD_DICT_AGENTS, 1, "'[' without ']'");
    S_one_error("AMBASSADOR {AMBASSADORS [~GOV]\n", DYAD_DICT_AGENTS, 1, "'{' without '}'");
    S_one_error("AMB!X! [~GOV]\n", DYAD_DICT_AGENTS, 1, "undefined substitution marker");
    S_one_error("!X! = A\nAMB!X [~GOV]\n", DYAD_DICT_AGENTS, 2, "unmatched '!'");
    S_one_error("!X = A, B\n", DYAD_DICT_AGENTS, 1, "malformed substitution marker");
    S_one_error("!X! =  ,\n", DYAD_DICT_AGENTS, 1, "empty list");
    S_one_error("AMBASSADOR [G~OV]\n", DYAD_DICT_AGENTS, 1, "'~' must come first or last");
    S_one_error("AMBASSADOR [~]\n", DYAD_DICT_AGENTS, 1, "empty or with blanks");
    /* an agent without a code is skipped with a warning, as in PETRARCH */
    d = S_load("ISLAMIC_EXTREMIST\nAMBASSADOR [~GOV]\nAMBASSADOR [~DIP]\n", DYAD_DICT_AGENTS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 1, "has no [code]"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 3, "conflicting agent phrase"), 1);
    dyad_dict_free(d);
}

/* ------------------------------------------------------ discards, issues */

static void test_discards(void **state)
{
    (void)state;
    const char *text = "# sports\n"
                       "WORLD CUP\n"              /* 2 */
                       "+Manchester United  # x\n" /* 3: story */
                       "BASEBALL\n"               /* 4: open end */
                       "TENNIS_\n";               /* 5: exact */
    dyad_dict *d = S_load(text, DYAD_DICT_DISCARDS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    dyad_dict_entry e;
    unsigned id = S_match_whole(d, DYAD_DICT_DISCARDS, "world cup", 0);
    dyad_dict_entry_get(d, id, &e);
    assert_false(e.flags & DYAD_DICT_F_STORY);
    id = S_match_whole(d, DYAD_DICT_DISCARDS, "MANCHESTER UNITED", 0);
    dyad_dict_entry_get(d, id, &e);
    assert_true(e.flags & DYAD_DICT_F_STORY);
    assert_int_equal(e.line, 3);
    /* discards are consecutive words */
    assert_false(S_match_whole(d, DYAD_DICT_DISCARDS, "world football cup", DYAD_MATCH_GAPS));
    assert_true(S_match_whole(d, DYAD_DICT_DISCARDS, "baseballs", DYAD_MATCH_STEMS));
    assert_false(S_match_whole(d, DYAD_DICT_DISCARDS, "tennisball", DYAD_MATCH_STEMS));
    assert_true(S_match_whole(d, DYAD_DICT_DISCARDS, "tennis", DYAD_MATCH_STEMS));
    dyad_dict_free(d);
    S_one_error("WORLD CUP\n+\n", DYAD_DICT_DISCARDS, 2, "empty discard");
    d = S_load("WORLD CUP\nWORLD_CUP\n", DYAD_DICT_DISCARDS);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 2, "duplicate discard"), 1);
    dyad_dict_free(d);
}

static void test_issues(void **state)
{
    (void)state;
    const char *text = "<ISSUE CATEGORY=\"ID_ATROCITY\" TYPE=\"ALL\">\n" /* 1 */
                       "n:atrocity [ID_ATROCITY]\n"                   /* 2 */
                       "ethnic v:purge [ID_ATROCITY]\n"               /* 3 */
                       "pre+n:school [EDU]\n"                         /* 4 */
                       "~Saturday Night massacre\n"                   /* 5 */
                       "~~Armenian genocide  # history\n"             /* 6 */
                       "war n:crime[ID_ATROCITY]\n"                   /* 7 */
                       "</ISSUE>\n"                                   /* 8 */
                       "tourism [TOURISM]\n";                         /* 9 */
    dyad_dict *d = S_load(text, DYAD_DICT_ISSUES);
    if (dyad_dict_error_count(d) || dyad_dict_warning_count(d)) S_dump_diags(d);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(dyad_dict_warning_count(d), 0);
    static const struct {
        const char *text, *code, *category;
        unsigned flags;
        unsigned long line;
    } cases[] = {
        {"atrocity", "ID_ATROCITY", "ID_ATROCITY", 0, 2},
        {"atrocities", "ID_ATROCITY", "ID_ATROCITY", DYAD_DICT_F_GENERATED, 2},
        {"ethnic purge", "ID_ATROCITY", "ID_ATROCITY", 0, 3},
        {"ethnic purged", "ID_ATROCITY", "ID_ATROCITY", DYAD_DICT_F_GENERATED, 3},
        {"ethnic purging", "ID_ATROCITY", "ID_ATROCITY", DYAD_DICT_F_GENERATED, 3},
        {"pre school", "EDU", "ID_ATROCITY", 0, 4},
        {"pre-schools", "EDU", "ID_ATROCITY", DYAD_DICT_F_GENERATED, 4},
        {"saturday night massacre", NULL, "ID_ATROCITY", DYAD_DICT_F_EXCLUDE, 5},
        {"armenian genocide", NULL, "ID_ATROCITY", DYAD_DICT_F_EXCLUDE | DYAD_DICT_F_STORY, 6},
        {"war crimes", "ID_ATROCITY", "ID_ATROCITY", DYAD_DICT_F_GENERATED, 7},
        {"tourism", "TOURISM", NULL, 0, 9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned id = S_match_whole(d, DYAD_DICT_ISSUES, cases[i].text, 0);
        if (!id) fail_msg("case %zu: '%s' not matched", i, cases[i].text);
        dyad_dict_entry e;
        dyad_dict_entry_get(d, id, &e);
        if (cases[i].code) assert_string_equal(e.code, cases[i].code);
        else assert_null(e.code);
        if (cases[i].category) assert_string_equal(e.category, cases[i].category);
        else assert_null(e.category);
        assert_int_equal(e.flags & ~(unsigned)DYAD_DICT_F_OPEN_END, cases[i].flags);
        assert_int_equal(e.line, cases[i].line);
    }
    dyad_dict_free(d);
    S_one_error("tourism [TOURISM\n", DYAD_DICT_ISSUES, 1, "'[' without ']'");
    S_one_error("tourism [TOUR ISM]\n", DYAD_DICT_ISSUES, 1, "empty or with blanks");
    S_one_error("[TOURISM]\n", DYAD_DICT_ISSUES, 1, "without a phrase");
    d = S_load("<ISSUE>\neec\n<ISSUE CATEGORY=\"B\">\n", DYAD_DICT_ISSUES);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 1, "without CATEGORY"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 2, "without a [CODE]"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 3, "inside the <ISSUE>"), 1);
    assert_int_equal(S_diag(d, DYAD_DICT_WARNING, 3, "never closed"), 1);
    dyad_dict_free(d);
}

/* -------------------------------------------------------- lookup, files */

static void test_lookup_and_dir(void **state)
{
    (void)state;
    char dir[] = "/tmp/dyad-test-dict-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    static const struct {
        const char *name, *text;
    } files[] = {
        {"a.verbs.txt", "--- GRANT [070] ---\nGRANT\n- * AID [071]\n- * (FOR HELP) [072]\n"
                        "- $ ^ * [073]\n"},
        {"b.actors.txt", "FRANCE [FRA]\n+FRENCH_GOVERNMENT\n\t[FRAGOV >20000101]\n"},
        {"c.agents.txt", "GOVERNMENT [~GOV]\n"},
        {"d.discards.txt", "WORLD CUP\n"},
        {"e.issues.txt", "foreign n:aid [AID]\n"},
        {"notes.md", "not a dictionary\n"},
        {"readme.txt", "just words\n"},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(files[i].text, f);
        fclose(f);
    }
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_dir(d, dir), DYAD_OK);
    assert_int_equal(dyad_dict_compile(d), DYAD_OK);
    assert_int_equal(dyad_dict_error_count(d), 0);
    if (dyad_dict_warning_count(d) != 1) S_dump_diags(d);
    assert_int_equal(dyad_dict_warning_count(d), 1); /* readme.txt skipped */
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    assert_int_equal(s.files, 5);
    dyad_dict_hit h[16];
    size_t n = dyad_dict_lookup(d, "granted aid", h, 16);
    /* the verb form, "* AID", and "$ ^ *" (actor slots match any words) */
    assert_int_equal(n, 3);
    assert_int_equal(h[0].kind, DYAD_DICT_VERBS);
    assert_int_equal(h[0].pattern, 0);
    dyad_dict_pattern p;
    dyad_dict_pattern_get(d, h[1].pattern, &p);
    assert_string_equal(p.code, "071");
    dyad_dict_pattern_get(d, h[2].pattern, &p);
    assert_string_equal(p.code, "073");
    n = dyad_dict_lookup(d, "the French government granted it for help", h, 16);
    int pp = 0, slots = 0;
    for (size_t i = 0; i < n && i < 16; i++) {
        if (!h[i].pattern) continue;
        dyad_dict_pattern_get(d, h[i].pattern, &p);
        if (strcmp(p.code, "072") == 0) pp++;
        if (strcmp(p.code, "073") == 0) slots++;
    }
    assert_int_equal(pp, 1);
    assert_int_equal(slots, 1);
    n = dyad_dict_lookup(d, "French Government", h, 16);
    assert_int_equal(n, 1);
    assert_int_equal(h[0].kind, DYAD_DICT_ACTORS);
    assert_string_equal(S_code_on(d, h[0].entry, "2001-01-01"), "FRAGOV");
    n = dyad_dict_lookup(d, "foreign aids", h, 16);
    assert_int_equal(n, 1);
    assert_int_equal(h[0].kind, DYAD_DICT_ISSUES);
    assert_int_equal(dyad_dict_lookup(d, "nothing here", h, 16), 0);
    dyad_dict_free(d);

    /* explicit kinds: a file named anything */
    snprintf(path, sizeof path, "%s/readme.txt", dir);
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_file(d, path, DYAD_DICT_DISCARDS), DYAD_OK);
    assert_int_equal(dyad_dict_compile(d), DYAD_OK);
    assert_true(S_match_whole(d, DYAD_DICT_DISCARDS, "just words", 0));
    dyad_dict_free(d);
    /* an empty directory */
    char empty[] = "/tmp/dyad-test-dict-XXXXXX";
    assert_non_null(mkdtemp(empty));
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_dir(d, empty), DYAD_ENOTFOUND);
    dyad_dict_free(d);
    rmdir(empty);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        unlink(path);
    }
    rmdir(dir);
}

/* ----------------------------------------------------------- robustness */

static uint32_t S_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* The entries of a folder that are not regular files -- a FIFO named
 * like a dictionary, a FIFO of another name, a directory named like one,
 * a link to nothing -- are each an error about the whole file, naming
 * it, and are not opened (a FIFO would block); the dictionaries beside
 * them load.  A plain subdirectory is ignored.  A folder whose only
 * dictionary is a FIFO holds no dictionary. */
static void test_dir_special_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/dyad-test-dict-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/a.actors.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("CHILE_ [CHL]\n", f);
    fclose(f);
    static const char *const fifos[] = {"b.verbs.txt", "pipe"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, fifos[i]);
        assert_int_equal(mkfifo(path, 0600), 0);
    }
    snprintf(path, sizeof path, "%s/c.txt", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/sub", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/d.actors.txt", dir);
    assert_int_equal(symlink("nowhere", path), 0);

    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_dir(d, dir), DYAD_EDICT);
    assert_int_equal(dyad_dict_compile(d), DYAD_EDICT);
    assert_int_equal(dyad_dict_error_count(d), 4);
    static const struct { const char *name, *what; } want[] = {
        {"/b.verbs.txt", "not a regular file (a FIFO); skipped"},
        {"/c.txt", "not a regular file (a directory); skipped"},
        {"/d.actors.txt", "cannot read: No such file or directory; skipped"},
        {"/pipe", "not a regular file (a FIFO); skipped"},
    };
    size_t seen = 0;
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if (g->severity != DYAD_DICT_ERROR) continue;
        assert_true(seen < 4);
        assert_non_null(g->file);
        assert_int_equal(strncmp(g->file, dir, strlen(dir)), 0);
        assert_string_equal(g->file + strlen(dir), want[seen].name);
        assert_int_equal(g->line, 0);
        assert_string_equal(g->message, want[seen].what);
        seen++;
    }
    assert_int_equal(seen, 4);
    dyad_dict_hit h[4];
    assert_int_equal(dyad_dict_lookup(d, "Chile", h, 4), 1);
    dyad_dict_free(d);

    char only[] = "/tmp/dyad-test-dict-XXXXXX";
    assert_non_null(mkdtemp(only));
    snprintf(path, sizeof path, "%s/x.verbs.txt", only);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_dir(d, only), DYAD_ENOTFOUND);
    assert_int_equal(dyad_dict_error_count(d), 1);
    dyad_dict_free(d);
    unlink(path);
    rmdir(only);

    static const char *const names[] = {"a.actors.txt", "b.verbs.txt", "pipe", "d.actors.txt"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/c.txt", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}

/* Mutated snippets and random bytes: every loader must survive them and
 * report diagnostics with lines inside the text. */
static void test_garbage(void **state)
{
    (void)state;
    const char *seeds[] = {S_verbs, S_actors,
                           "!P! = A, B\nX!P! {Y} [~Z]\nW [Q~]\n",
                           "<ISSUE CATEGORY=\"A\">\nn:x+y v:z [C]\n~w\n</ISSUE>\n",
                           "+A B_\nC\n"};
    static const char alphabet[] = "[]{}()<>!~+-_*$%^&#;:= \t\n\"AZaz09.,'\xc3\xa9\xff";
    uint32_t seed = 12345;
    char buf[2048];
    for (int iter = 0; iter < 3000; iter++) {
        const char *src = seeds[iter % 5];
        size_t n = strlen(src);
        if (n >= sizeof buf) n = sizeof buf - 1;
        memcpy(buf, src, n);
        int edits = 1 + (int)(S_rand(&seed) % 8);
        for (int k = 0; k < edits && n; k++) {
            size_t at = S_rand(&seed) % n;
            buf[at] = alphabet[S_rand(&seed) % (sizeof alphabet - 1)];
        }
        if (iter % 7 == 0)
            for (size_t i = 0; i < n; i++) buf[i] = (char)(S_rand(&seed) & 0xff);
        unsigned long lines = 1;
        for (size_t i = 0; i < n; i++) lines += buf[i] == '\n';
        dyad_dict *d;
        assert_int_equal(dyad_dict_new(&d), DYAD_OK);
        dyad_dict_add_text(d, "t.txt", buf, n, (dyad_dict_kind)(1 + iter % 5));
        dyad_dict_compile(d);
        for (size_t i = 0; i < dyad_dict_diag_count(d); i++)
            assert_true(dyad_dict_diag_get(d, i)->line <= lines);
        dyad_dict_word w[4] = {{"a", 1}, {"B", 1}, {"cash", 4}, {buf, n < 8 ? n : 8}};
        dyad_dict_match m[4];
        dyad_dict_match_at(d, 0x3e, w, 4, 0, DYAD_MATCH_GAPS | DYAD_MATCH_STEMS, m, 4);
        if (iter % 10 == 0) S_same_ids(d, w, 4, NULL);
        for (size_t v = 0; v < 4; v++) dyad_dict_match_verb(d, w, 4, v, m, 4);
        for (unsigned s = 1; s <= dyad_dict_synset_count(d); s++) {
            size_t ends[4];
            dyad_dict_synset_match(d, s, w, 4, 0, ends, 4);
        }
        dyad_dict_hit h[8];
        buf[n] = 0;
        dyad_dict_lookup(d, "a cash B", h, 8);
        dyad_dict_free(d);
    }
}

/* A pathological phrase with many blank connectors must not explode. */
static void test_bounded(void **state)
{
    (void)state;
    char text[4096];
    size_t k = 0;
    for (int i = 0; i < 60; i++) k += (size_t)snprintf(text + k, sizeof text - k, "A ");
    snprintf(text + k, sizeof text - k, "B [X]\n");
    dyad_dict *d = S_load(text, DYAD_DICT_ACTORS);
    dyad_dict_word w[200];
    for (int i = 0; i < 200; i++) {
        w[i].s = "a";
        w[i].len = 1;
    }
    dyad_dict_match m[4];
    (void)dyad_dict_match_at(d, DYAD_DICT_MASK(DYAD_DICT_ACTORS), w, 200, 0, DYAD_MATCH_GAPS, m,
                             4);
    dyad_dict_free(d);
    /* too many words in one phrase */
    k = 0;
    for (int i = 0; i < 70; i++) k += (size_t)snprintf(text + k, sizeof text - k, "W%d_", i);
    snprintf(text + k, sizeof text - k, " [X]\n");
    S_one_error(text, DYAD_DICT_ACTORS, 1, "too long");

    /* a line over 64 KiB is refused with its file and line; the lines
     * around it load */
    size_t big = 70000;
    char *buf = malloc(big + 64);
    k = (size_t)snprintf(buf, big + 64, "GONDOR [GON]\n");
    memset(buf + k, 'X', 66000);
    k += 66000;
    k += (size_t)snprintf(buf + k, big + 64 - k, " [X]\nARNOR [ARN]\n");
    d = S_load(buf, DYAD_DICT_ACTORS);
    assert_int_equal(S_diag(d, DYAD_DICT_ERROR, 2, "line of 66004 bytes, over the limit of 65536"),
                     1);
    assert_int_equal(dyad_dict_error_count(d), 1);
    dyad_dict_hit h[2];
    assert_int_equal(dyad_dict_lookup(d, "Arnor", h, 2), 1);
    dyad_dict_free(d);
    /* thousands of comments in one line are all dropped (they are cut in
     * one pass; how long that takes is bench/'s business, not a test's) */
    k = (size_t)snprintf(buf, big + 64, "GONDOR");
    while (k + 16 < 65000) k += (size_t)snprintf(buf + k, big + 64 - k, "<!-- c -->");
    snprintf(buf + k, big + 64 - k, " [GON]\n");
    d = S_load(buf, DYAD_DICT_ACTORS);
    assert_int_equal(dyad_dict_error_count(d), 0);
    assert_int_equal(dyad_dict_lookup(d, "Gondor", h, 2), 1);
    dyad_dict_free(d);
    free(buf);
}

/* A substitution marker that holds itself ("!M! = X !M!") expanded
 * without end, through all memory (found by fuzz_dict_agents); now the
 * expansion steps are counted, with an error at the line that uses it,
 * and a wide expansion stops walking once its budget is spent. */
static void test_agent_markers_bounded(void **state)
{
    (void)state;
    S_one_error("!SELF! = !SELF!_OF DEPUTY\n!SELF! [~GOV]\nPOLICE [~COP]\n",
                DYAD_DICT_AGENTS, 2, "expand without end");
    /* with a way out, the variants grow until they are too long (errors
     * of their own) and the walk still ends */
    dyad_dict *d = S_load("!SELF! = MINISTER, !SELF!_OF DEPUTY\n!SELF! [~GOV]\nPOLICE [~COP]\n",
                          DYAD_DICT_AGENTS);
    assert_int_equal(S_diag(d, DYAD_DICT_ERROR, 2, "expand without end"), 1);
    dyad_dict_hit h[4];
    assert_int_equal(dyad_dict_lookup(d, "police", h, 4), 1);
    dyad_dict_free(d);
    /* 12 markers of 10 items each: 10^12 variants, refused after 256 */
    char text[4096];
    size_t k = 0;
    for (int m = 0; m < 12; m++) {
        k += (size_t)snprintf(text + k, sizeof text - k, "!M%d! =", m);
        for (int i = 0; i < 10; i++)
            k += (size_t)snprintf(text + k, sizeof text - k, "%s W%dX%d", i ? "," : "", m, i);
        k += (size_t)snprintf(text + k, sizeof text - k, "\n");
    }
    for (int m = 0; m < 12; m++) k += (size_t)snprintf(text + k, sizeof text - k, "!M%d!_", m);
    snprintf(text + k, sizeof text - k, " [~GOV]\n");
    S_one_error(text, DYAD_DICT_AGENTS, 13, "more than 256 expansions");
}

/* ------------------------------------------------------------ id lookups */

static const char *const S_agents_small = "!PERSON! = MAN, WOMAN\n"
                                          "CONGRESS!PERSON! [~LEG]\n"
                                          "FOREIGN_MINISTER [~GOV]\n"
                                          "POLICE [~COP]\n";
static const char *const S_discards_small = "WORLD CUP\n+Manchester United\nBASEBALL\n";
static const char *const S_issues_small = "<ISSUE CATEGORY=\"ID_ATROCITY\" TYPE=\"ALL\">\n"
                                          "n:atrocity [ID_ATROCITY]\n"
                                          "war n:crime [ID_ATROCITY]\n"
                                          "</ISSUE>\n"
                                          "tourism [TOURISM]\n";

/* dyad_dict_match_at_ids() and friends: the results of the text lookups
 * on every word sequence below; id 0 and ids out of range never match;
 * stems need the text. */
static void test_match_ids(void **state)
{
    (void)state;
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    const struct {
        const char *name, *text;
        dyad_dict_kind kind;
    } parts[] = {{"v.txt", S_verbs, DYAD_DICT_VERBS},
                 {"a.txt", S_actors, DYAD_DICT_ACTORS},
                 {"g.txt", S_agents_small, DYAD_DICT_AGENTS},
                 {"d.txt", S_discards_small, DYAD_DICT_DISCARDS},
                 {"i.txt", S_issues_small, DYAD_DICT_ISSUES}};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        assert_int_equal(dyad_dict_add_text(d, parts[i].name, parts[i].text,
                                            strlen(parts[i].text), parts[i].kind),
                         DYAD_OK);
    assert_int_equal(dyad_dict_compile(d), DYAD_OK);
    static const char *const texts[] = {
        "President Mohammed Hosni Mubarak said the U.S. gave cash to police",
        "Sam Gamgee will wire tap gold swiss francs and a swiss franc",
        "police cordoned off the World Cup , Manchester United and baseball",
        "Afghanistan Kabul x Samoa ( American ) is to aid the congresswoman",
        "war crimes and an atrocity hurt tourism in Kabuli Afghanistani",
        "the foreign minister gave dollars cash gold dollars said says",
        "President President Hosni Hosni Mubarak Mubarak president hosni mubarak",
        "u.s. U.S u.s SAMOA ( american ) ) ( gollum smeagol Onodoher",
        "x",
    };
    size_t found = 0;
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        dyad_dict_word w[32];
        size_t n = S_words(texts[i], w, 32);
        S_same_ids(d, w, n, &found);
    }
    assert_true(found >= 40);

    /* a whole example: ids once, then every position */
    dyad_dict_word w[8];
    size_t n = S_words("President Hosni Mubarak gave dollars", w, 8);
    unsigned ids[8];
    for (size_t i = 0; i < n; i++) ids[i] = dyad_dict_word_id(d, w[i].s, w[i].len);
    dyad_dict_match m[4];
    assert_int_equal(dyad_dict_match_at_ids(d, ALL_NOUNS, ids, n, 0, 0, m, 4), 1);
    assert_int_equal(m[0].end, 3);
    assert_int_equal(dyad_dict_match_at_ids(d, ALL_NOUNS, ids, n, 1, 0, m, 4), 0);
    assert_int_equal(dyad_dict_match_at_ids(d, ALL_NOUNS, ids, n, 0, 0, NULL, 0), 1);
    assert_int_equal(dyad_dict_match_verb_ids(d, ids, n, 3, m, 4), 1);
    size_t ends[4];
    unsigned cur = dyad_dict_synset_find(d, "CURRENCY");
    assert_int_equal(dyad_dict_synset_match_ids(d, cur, ids, n, 4, ends, 4), 1);
    assert_int_equal(ends[0], 5);
    assert_int_equal(dyad_dict_synset_match_ids(d, cur, ids, n, 3, ends, 4), 0);

    /* id 0, ids out of range, bad arguments */
    unsigned bad[4] = {0, 0xFFFFFFFFu, ids[0] + 1000000u, 0};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(dyad_dict_match_at_ids(d, 0x3e, bad, 4, i, DYAD_MATCH_GAPS, m, 4), 0);
        assert_int_equal(dyad_dict_match_verb_ids(d, bad, 4, i, m, 4), 0);
        assert_int_equal(dyad_dict_synset_match_ids(d, cur, bad, 4, i, ends, 4), 0);
    }
    assert_int_equal(dyad_dict_match_at_ids(NULL, ALL_NOUNS, ids, n, 0, 0, m, 4), 0);
    assert_int_equal(dyad_dict_match_at_ids(d, ALL_NOUNS, NULL, n, 0, 0, m, 4), 0);
    assert_int_equal(dyad_dict_match_at_ids(d, ALL_NOUNS, ids, n, n, 0, m, 4), 0);
    assert_int_equal(dyad_dict_match_verb_ids(d, NULL, n, 0, m, 4), 0);
    assert_int_equal(dyad_dict_synset_match_ids(d, cur, ids, n, n, ends, 4), 0);
    assert_int_equal(dyad_dict_synset_match_ids(d, 9999, ids, n, 4, ends, 4), 0);

    /* stems need the text: the id variant ignores DYAD_MATCH_STEMS */
    dyad_dict_word k[1] = {{"Kabuli", 6}};
    unsigned kid = dyad_dict_word_id(d, "Kabuli", 6);
    assert_int_equal(kid, 0);
    unsigned actors = DYAD_DICT_MASK(DYAD_DICT_ACTORS);
    assert_int_equal(dyad_dict_match_at(d, actors, k, 1, 0, DYAD_MATCH_STEMS, m, 4), 1);
    assert_int_equal(dyad_dict_match_at_ids(d, actors, &kid, 1, 0, DYAD_MATCH_STEMS, m, 4), 0);

    /* not compiled yet: nothing */
    dyad_dict *e;
    assert_int_equal(dyad_dict_new(&e), DYAD_OK);
    assert_int_equal(dyad_dict_add_text(e, "a.txt", S_actors, strlen(S_actors),
                                        DYAD_DICT_ACTORS),
                     DYAD_OK);
    assert_int_equal(dyad_dict_match_at_ids(e, actors, ids, n, 0, 0, m, 4), 0);
    dyad_dict_free(e);
    dyad_dict_free(d);
}

/* ------------------------------------------------------------ threads */

typedef struct tctx {
    const dyad_dict *d;
    int ok;
} tctx;

static void *S_thread(void *arg)
{
    tctx *t = arg;
    t->ok = 1;
    for (int i = 0; i < 2000; i++) {
        unsigned id = S_match_whole(t->d, DYAD_DICT_ACTORS, "Sam Gamgee", 0);
        if (!id || strcmp(S_code_on(t->d, id, "2010-01-10"), "ORC") != 0) t->ok = 0;
        dyad_dict_hit h[4];
        if (dyad_dict_lookup(t->d, "President Hosni Mubarak", h, 4) != 1) t->ok = 0;
        unsigned ids[3] = {dyad_dict_word_id(t->d, "President", 9),
                           dyad_dict_word_id(t->d, "Hosni", 5),
                           dyad_dict_word_id(t->d, "Mubarak", 7)};
        dyad_dict_match m[2];
        if (dyad_dict_match_at_ids(t->d, DYAD_DICT_MASK(DYAD_DICT_ACTORS), ids, 3, 0, 0, m, 2) !=
                1 ||
            m[0].end != 3)
            t->ok = 0;
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    dyad_dict *d = S_load(S_actors, DYAD_DICT_ACTORS);
    pthread_t th[4];
    tctx c[4];
    for (int i = 0; i < 4; i++) {
        c[i].d = d;
        assert_int_equal(pthread_create(&th[i], NULL, S_thread, &c[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_true(c[i].ok);
    }
    dyad_dict_free(d);
}

/* ---------------------------------------------------- the shared sets */

static dyad_dict *S_load_dir(const char *rel)
{
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    dyad_status st = dyad_dict_add_dir(d, shared_path(rel));
    if (st != DYAD_OK) S_dump_diags(d);
    assert_int_equal(st, DYAD_OK);
    assert_int_equal(dyad_dict_compile(d), DYAD_OK);
    return d;
}

static void test_shared_validation(void **state)
{
    (void)state;
    dyad_dict *d = S_load_dir("petrarch2/validation");
    assert_int_equal(dyad_dict_error_count(d), 0);
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    assert_int_equal(s.files, 4);
    assert_true(s.patterns > 400 && s.synsets >= 17);
    /* TABARI-style pattern with a synset inside a '_' chain */
    dyad_dict_word w[1] = {{"clashed", 7}};
    dyad_dict_match m[4];
    assert_true(dyad_dict_match_verb(d, w, 1, 0, m, 4) >= 1);
    /* the validation actors' date records */
    unsigned sam = S_match_whole(d, DYAD_DICT_ACTORS, "Sam Gamgee", 0);
    assert_true(sam);
    assert_string_equal(S_code_on(d, sam, "2010-01-10"), "ORCHOB");
    dyad_dict_free(d);
}

static void test_shared_phoenix(void **state)
{
    (void)state;
    dyad_dict *d = S_load_dir("petrarch2/dictionaries");
    assert_int_equal(dyad_dict_error_count(d), 0);
    unsigned id = S_match_whole(d, DYAD_DICT_ACTORS, "Vladimir Putin", 0);
    assert_true(id);
    dyad_dict_entry e;
    dyad_dict_entry_get(d, id, &e);
    assert_non_null(strstr(e.file, "Phoenix.Countries.actors.txt"));
    const dyad_dict_code *c = dyad_dict_actor_code(d, id, "2020-06-10");
    assert_string_equal(c->code, "RUSGOV");
    /* 2010: the entry's own answer, checked against its restrictions */
    const dyad_dict_code *all;
    size_t n = dyad_dict_actor_codes(d, id, &all);
    const dyad_dict_code *want = NULL;
    for (size_t i = 0; i < n && !want; i++)
        if (all[i].when != DYAD_DICT_ALWAYS && all[i].from <= 20100610 && 20100610 <= all[i].to)
            want = &all[i];
    assert_ptr_equal(dyad_dict_actor_code(d, id, "2010-06-10"), want);
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    assert_int_equal(s.files, 7);
    assert_true(s.actors > 20000 && s.patterns > 4000 && s.transformations > 0);
    dyad_dict_free(d);
}

/* The id lookups against the text ones on the Phoenix set, over the
 * sentences of the VOA sample (every position, every synset). */
static void test_shared_ids(void **state)
{
    (void)state;
    const char *voa = shared_path("corpus/voa/voa_stories.jsonl");
    struct stat sb;
    if (stat(voa, &sb) != 0) {
        printf("# %s is absent; the id lookup comparison is skipped\n", voa);
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s", voa);
    dyad_dict *d = S_load_dir("petrarch2/dictionaries");
    dyad_reader *r;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    assert_int_equal(dyad_reader_add(r, path), DYAD_OK);
    dyad_text *t;
    assert_int_equal(dyad_text_new(&t), DYAD_OK);
    const dyad_doc *doc;
    dyad_status st;
    size_t sentences = 0, words = 0, found = 0;
    while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF && sentences < 5000) {
        if (st != DYAD_OK || dyad_text_analyze(t, doc) != DYAD_OK) continue;
        size_t ntok;
        const dyad_token *tk = dyad_text_tokens(t, &ntok);
        for (size_t i = 0; i < dyad_text_sentence_count(t) && sentences < 5000; i++) {
            const dyad_sentence *se = dyad_text_sentence(t, i);
            dyad_dict_word w[256];
            size_t n = se->ntokens < 256 ? se->ntokens : 256;
            for (size_t k = 0; k < n; k++) {
                w[k].s = tk[se->first_token + k].norm;
                w[k].len = tk[se->first_token + k].norm_len;
            }
            S_same_ids(d, w, n, &found);
            sentences++;
            words += n;
        }
    }
    printf("# id lookups: %zu sentences, %zu words, %zu matches, as the text lookups\n",
           sentences, words, found);
    assert_true(sentences >= 1000 && found >= 10000);
    dyad_text_free(t);
    dyad_reader_free(r);
    dyad_dict_free(d);
}

/* `dyad dict` end to end: exit codes and FILE:LINE output. */
static int S_run(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = 0, k;
    char sink[4096];
    while ((k = fread(n + 1 < cap ? out + n : sink, 1,
                      n + 1 < cap ? cap - 1 - n : sizeof sink, p)) > 0)
        if (n + 1 < cap) n += k;
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_cli(void **state)
{
    (void)state;
    struct stat sb;
    if (stat(DYAD_BINARY, &sb) != 0) {
        printf("# %s not built; CLI checks skipped\n", DYAD_BINARY);
        return;
    }
    const char *bad = tmp_file(".actors.txt", "FRANCE [FRA]\n+\n\t[X\n", 19);
    static char cmd[12000], out[8192], phx[4096], val[4096];
    snprintf(cmd, sizeof cmd, "%s dict check %s 2>&1", DYAD_BINARY, bad);
    assert_int_equal(S_run(cmd, out, sizeof out), 1);
    char want[600];
    snprintf(want, sizeof want, "%s:3: error:", bad);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "2 error(s)")); /* line 2 (empty synonym) and 3 */
    unlink(bad);
    snprintf(cmd, sizeof cmd, "%s dict lookup nothing --date 2020-13-01 --actors /dev/null 2>&1",
             DYAD_BINARY);
    assert_int_equal(S_run(cmd, out, sizeof out), 2);
    if (!shared_present()) return;
    /* shared_path() returns one static buffer: copy each result */
    snprintf(phx, sizeof phx, "%s", shared_path("petrarch2/dictionaries"));
    snprintf(val, sizeof val, "%s", shared_path("petrarch2/validation"));
    snprintf(cmd, sizeof cmd,
             "%s dict lookup 'Vladimir Putin' --date 2020-06-10 --dict-dir %s 2>&1", DYAD_BINARY,
             phx);
    assert_int_equal(S_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "Phoenix.Countries.actors.txt:"));
    assert_non_null(strstr(out, "-> RUSGOV"));
    snprintf(cmd, sizeof cmd, "%s dict check --quiet %s %s 2>&1", DYAD_BINARY, phx, val);
    assert_int_equal(S_run(cmd, out, sizeof out), 0);
}

/* A byte-order mark at the start of a dictionary file or text is
 * skipped: the first line is read like any other. */
static void test_byte_order_mark(void **state)
{
    (void)state;
    static const char verbs[] = "\xEF\xBB\xBF--- MEET [040] ---\nMEET\n";
    static const char actors[] = "\xEF\xBB\xBFRUSSIA [RUS]\n";
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    assert_int_equal(dyad_dict_add_text(d, "v.verbs.txt", verbs, sizeof verbs - 1,
                                        DYAD_DICT_AUTO), DYAD_OK);
    char path[256];
    snprintf(path, sizeof path, "/tmp/dyad-test-bom-%d.actors.txt", (int)getpid());
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(actors, 1, sizeof actors - 1, f);
    fclose(f);
    assert_int_equal(dyad_dict_add_file(d, path, DYAD_DICT_AUTO), DYAD_OK);
    unlink(path);
    assert_int_equal(dyad_dict_diag_count(d), 0);
    assert_int_equal(dyad_dict_error_count(d), 0);
    dyad_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_byte_order_mark),
        cmocka_unit_test(test_handle),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_verbs_blocks),
        cmocka_unit_test(test_verbs_forms),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_verbs_patterns),
        cmocka_unit_test(test_verbs_synsets),
        cmocka_unit_test(test_verbs_transforms),
        cmocka_unit_test(test_actors),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_issues),
        cmocka_unit_test(test_lookup_and_dir),
        cmocka_unit_test(test_dir_special_files),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_agent_markers_bounded),
        cmocka_unit_test(test_match_ids),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_cli),
    };
    const struct CMUnitTest shared[] = {
        cmocka_unit_test(test_shared_validation),
        cmocka_unit_test(test_shared_phoenix),
        cmocka_unit_test(test_shared_ids),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (!shared_present()) {
        printf("SKIP: %s is absent; the PETRARCH dictionary checks are skipped\n",
               DYAD_SHARED_DIR);
        return rc ? rc : 77;
    }
    return rc | cmocka_run_group_tests(shared, NULL, NULL);
}
