/*
 * test_text.c -- the text layer: normalisation and its offset map,
 * tokenisation, sentence splitting on wire copy, datelines and
 * boilerplate.  The seed stories in ../shared are checked where present.
 */
#include "testutil.h"

#include "text/text.h"

static dyad_text *T;

static int setup(void **state) { (void)state; return dyad_text_new(&T) == DYAD_OK ? 0 : -1; }
static int teardown(void **state) { (void)state; dyad_text_free(T); return 0; }

/* Tokens of s joined with '|' (normalised forms). */
static const char *S_toks(const char *s)
{
    static char out[4096];
    assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), NULL, 1), DYAD_OK);
    size_t n;
    const dyad_token *v = dyad_text_tokens(T, &n);
    out[0] = 0;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", i ? "|" : "",
                                (int)v[i].norm_len, v[i].norm);
    }
    return out;
}

/* Sentences of s (raw slices) joined with " || ". */
static const char *S_sents(const char *s, const char *date)
{
    static char out[8192];
    assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), date, 0), DYAD_OK);
    out[0] = 0;
    size_t len = 0;
    for (size_t i = 0; i < dyad_text_sentence_count(T); i++) {
        const dyad_sentence *x = dyad_text_sentence(T, i);
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", i ? " || " : "",
                                (int)(x->end - x->start), s + x->start);
    }
    return out;
}

static void test_tokens_wire_forms(void **state)
{
    (void)state;
    assert_string_equal(S_toks("On Oct. 22 the U.S. and the U.N. met."),
                        "On|Oct.|22|the|U.S.|and|the|U.N.|met|.");
    assert_string_equal(S_toks("at least 13,000 people, 18.6 miles, at 18:25"),
                        "at|least|13,000|people|,|18.6|miles|,|at|18:25");
    assert_string_equal(S_toks("COVID-19 and Fayez al-Sarraj, O'Brien"),
                        "COVID-19|and|Fayez|al-Sarraj|,|O'Brien");
    assert_string_equal(S_toks("the PKK's offshoot; Russia's gas"),
                        "the|PKK|'s|offshoot|;|Russia|'s|gas");
    assert_string_equal(S_toks("they don't, can't and won't; we're"),
                        "they|do|n't|,|ca|n't|and|wo|n't|;|we|'re");
    assert_string_equal(S_toks("Haftar -- the leader ... (HAS), YPG/PKK"),
                        "Haftar|--|the|leader|...|(|HAS|)|,|YPG|/|PKK");
    assert_string_equal(S_toks("March 5, 2020, to"), "March|5|,|2020|,|to");
    assert_string_equal(S_toks("George W. Bush"), "George|W.|Bush");
    assert_string_equal(S_toks("Mr. Smith arrived."), "Mr.|Smith|arrived|.");
    assert_string_equal(S_toks("the end."), "the|end|.");
    assert_string_equal(S_toks("$5 and 10%"), "$|5|and|10|%");
    assert_string_equal(S_toks(""), "");
    assert_string_equal(S_toks("   \n\t "), "");
}

static void test_normalisation_folds(void **state)
{
    (void)state;
    /* typographic quotes, dashes, ellipsis, NBSP, zero-width space */
    assert_string_equal(S_toks("\xe2\x80\x9cYes,\xe2\x80\x9d Turkey\xe2\x80\x99s \xe2\x80\x94 ok\xe2\x80\xa6"),
                        "\"|Yes|,|\"|Turkey|'s|--|ok|...");
    assert_string_equal(S_toks("a\xc2\xa0" "b\xe2\x80\x8b" "c \xe2\x80\x93 d"), "a|bc|-|d");
    /* NFC: e + combining acute becomes one precomposed code point */
    assert_string_equal(S_toks("Cafe\xcc\x81 Elys\xc3\xa9" "e"), "Caf\xc3\xa9|Elys\xc3\xa9" "e");
    /* Unicode letters stay inside words */
    assert_string_equal(S_toks("Erdo\xc4\x9f" "an's \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"),
                        "Erdo\xc4\x9f" "an|'s|\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
}

static void test_offsets_point_into_original(void **state)
{
    (void)state;
    const char *s = "\xe2\x80\x9cPutin\xe2\x80\x9d met Erdo\xc4\x9f" "an \xe2\x80\x94 twice\xe2\x80\xa6";
    assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), NULL, 0), DYAD_OK);
    size_t n;
    const dyad_token *v = dyad_text_tokens(T, &n);
    const char *expect[] = {"\xe2\x80\x9c", "Putin", "\xe2\x80\x9d", "met",
                            "Erdo\xc4\x9f" "an", "\xe2\x80\x94", "twice", "\xe2\x80\xa6"};
    assert_int_equal(n, 8);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(v[i].end - v[i].start, strlen(expect[i]));
        assert_memory_equal(s + v[i].start, expect[i], strlen(expect[i]));
    }
    /* CR LF line ends */
    const char *crlf = "One.\r\nTwo.\r\n";
    assert_string_equal(S_sents(crlf, NULL), "One. || Two.");
}

static void test_invalid_utf8_rejected(void **state)
{
    (void)state;
    const char *s = "good text \xc3\x28 bad";
    assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), NULL, 0), DYAD_EUTF8);
    assert_non_null(strstr(dyad_text_errmsg(T), "byte 10"));
    assert_int_equal(dyad_text_sentence_count(T), 0);
}

static void test_sentence_split_basic(void **state)
{
    (void)state;
    assert_string_equal(S_sents("Russia attacked. Ukraine responded! Why? Nobody knows.", NULL),
                        "Russia attacked. || Ukraine responded! || Why? || Nobody knows.");
    /* abbreviations, initials, titles and months do not split */
    assert_string_equal(S_sents("On Oct. 22, Gen. Smith met Mr. Jones and George W. Bush in St. Louis.", NULL),
                        "On Oct. 22, Gen. Smith met Mr. Jones and George W. Bush in St. Louis.");
    assert_string_equal(S_sents("The ELN is banned by Chile, the U.S. and the EU. The FARC split from it.", NULL),
                        "The ELN is banned by Chile, the U.S. and the EU. || The FARC split from it.");
    assert_string_equal(S_sents("He met U.S. President Trump. They talked.", NULL),
                        "He met U.S. President Trump. || They talked.");
    /* an initialism can end a sentence */
    assert_string_equal(S_sents("Troops left the U.S. The move surprised allies.", NULL),
                        "Troops left the U.S. || The move surprised allies.");
    /* decimals and lowercase after a period */
    assert_string_equal(S_sents("It fell 18.6 percent. approx. five were hurt.", NULL),
                        "It fell 18.6 percent. approx. five were hurt.");
    /* a heading whose line break was lost runs into the next sentence:
     * a few capitalised words, then a clause's determiner or pronoun */
    assert_string_equal(S_sents("Chile signed the deal. Bolivia The two leaders also met.", NULL),
                        "Chile signed the deal. || Bolivia || The two leaders also met.");
    assert_string_equal(S_sents("Border Talks They met in Lima.", NULL),
                        "Border Talks || They met in Lima.");
    /* but not a title inside a sentence, nor a name after a verb */
    assert_string_equal(S_sents("He told The New York Times so. Reporters at The Hague waited.", NULL),
                        "He told The New York Times so. || Reporters at The Hague waited.");
}

static void test_sentence_split_quotes(void **state)
{
    (void)state;
    /* closing quote belongs to the sentence; "he said" does not start one */
    assert_string_equal(S_sents("\"We will win.\" The minister left.", NULL),
                        "\"We will win.\" || The minister left.");
    assert_string_equal(S_sents("\"Talks will take place soon,\" he said. \"Preparations are underway.\"", NULL),
                        "\"Talks will take place soon,\" he said. || \"Preparations are underway.\"");
    assert_string_equal(S_sents("\"Is it over?\" asked the reporter.", NULL),
                        "\"Is it over?\" asked the reporter.");
    assert_string_equal(S_sents("Ruiz said \"Soto may change [her view] on [General Pedro] Lara.\"", NULL),
                        "Ruiz said \"Soto may change [her view] on [General Pedro] Lara.\"");
    assert_string_equal(S_sents("It ran on the XY Wire Service (XWS), and in shorter form.", NULL),
                        "It ran on the XY Wire Service (XWS), and in shorter form.");
}

static void test_paragraphs_and_wrapping(void **state)
{
    (void)state;
    /* single line breaks end paragraphs (headlines have no period) */
    assert_string_equal(S_sents("Putin and Macron meet\nThe two presidents talked.", NULL),
                        "Putin and Macron meet || The two presidents talked.");
    /* hard-wrapped text: line breaks are only wrapping */
    const char *wrapped =
        "Brazil and the United States are seeking to deepen a partnership in\n"
        "energy, especially by promoting biofuels and other alternatives to\n"
        "oil, US Deputy Secretary of Energy Jeffrey Kupfer said here on the\n"
        "Wednesday of last week.\n";
    assert_string_equal(S_sents(wrapped, NULL),
        "Brazil and the United States are seeking to deepen a partnership in\n"
        "energy, especially by promoting biofuels and other alternatives to\n"
        "oil, US Deputy Secretary of Energy Jeffrey Kupfer said here on the\n"
        "Wednesday of last week.");
    /* a one-sentence record keeps everything together */
    const char *one = "A court in Guyana has issued warrants. for two men";
    assert_int_equal(dyad_text_analyze_str(T, one, strlen(one), NULL, 1), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 1);
}

static const dyad_sentence *S_first_with_dateline(void)
{
    for (size_t i = 0; i < dyad_text_sentence_count(T); i++)
        if (dyad_text_sentence(T, i)->dateline) return dyad_text_sentence(T, i);
    return NULL;
}

static void test_datelines(void **state)
{
    (void)state;
    struct {
        const char *text, *date, *place, *dl_date, *iso, *agency, *first;
    } cases[] = {
        {"LIMA, June 10. /TASS/. The Peruvian president spoke.", "2020-06-10",
         "LIMA", "June 10", "2020-06-10", "TASS", "The Peruvian president spoke."},
        {"BEIRUT, Oct. 5 (Reuters) - Israeli jets struck targets.", "2024-10-06",
         "BEIRUT", "Oct. 5", "2024-10-05", "Reuters", "Israeli jets struck targets."},
        {"KYIV, Ukraine -- Russian forces shelled the city.", NULL,
         "KYIV", NULL, NULL, NULL, "Russian forces shelled the city."},
        {"ANKARA (AA) - Turkey condemned the attack.", NULL,
         "ANKARA", NULL, NULL, "AA", "Turkey condemned the attack."},
        {"BEIJING, Dec. 30 (Xinhua) -- China and Russia held talks.", "2021-01-02",
         "BEIJING", "Dec. 30", "2020-12-30", "Xinhua", "China and Russia held talks."},
        {"RIO DE JANEIRO, May 3 (AFP) - Police arrested ten people.", "2022-05-03",
         "RIO DE JANEIRO", "May 3", "2022-05-03", "AFP", "Police arrested ten people."},
        {"SANTIAGO\nThe leaders of Chile and Peru discussed Bolivia.", "2019-12-17",
         "SANTIAGO", NULL, NULL, NULL, "The leaders of Chile and Peru discussed Bolivia."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *s = cases[i].text;
        assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), cases[i].date, 0), DYAD_OK);
        const dyad_sentence *x = S_first_with_dateline();
        assert_non_null(x);
        const dyad_dateline *d = x->dateline;
        assert_string_equal(d->place, cases[i].place);
        if (cases[i].dl_date) assert_string_equal(d->date, cases[i].dl_date); else assert_null(d->date);
        if (cases[i].iso) assert_string_equal(d->iso_date, cases[i].iso); else assert_null(d->iso_date);
        if (cases[i].agency) assert_string_equal(d->agency, cases[i].agency); else assert_null(d->agency);
        assert_int_equal(d->start, 0);
        assert_int_equal(x->end - x->start, strlen(cases[i].first));
        assert_memory_equal(s + x->start, cases[i].first, strlen(cases[i].first));
    }
    /* things that are not datelines */
    const char *no[] = {
        "NATO said the alliance would respond.",
        "The UN - and its agencies - condemned it.",
        "US troops left. Russia responded.",
        "MOSCOW",                                  /* nothing follows it */
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        assert_int_equal(dyad_text_analyze_str(T, no[i], strlen(no[i]), NULL, 0), DYAD_OK);
        assert_null(S_first_with_dateline());
    }
}

static void test_boilerplate(void **state)
{
    (void)state;
    const char *s =
        "All news\n"
        "\n"
        "Putin resigns\n"
        "\n"
        "World Affairs & Security June 10, 2020, 18:25\n"
        "\n"
        "The president resigned on Monday. Officials confirmed it.\n"
        "Aftermath\n"
        "Parliament will meet on Tuesday.\n"
        "Netflix lost many subscribers this year.\n"
        "Read more on the site \xe2\x86\x92\n";
    assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), NULL, 0), DYAD_OK);
    int expect[] = {1, 0, 1, 0, 0, 1, 0, 0, 1};
    assert_int_equal(dyad_text_sentence_count(T), 9);
    for (size_t i = 0; i < 9; i++) assert_int_equal(dyad_text_sentence(T, i)->boilerplate, expect[i]);
    /* a section label above the dateline, in the headline's place */
    const char *u = "Middle East\nDOHA (AA) - Qatar announced a ceasefire deal.\n";
    assert_int_equal(dyad_text_analyze_str(T, u, strlen(u), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 2);
    assert_true(dyad_text_sentence(T, 0)->boilerplate);
    assert_false(dyad_text_sentence(T, 1)->boilerplate);
    /* a subscription notice closing a story */
    const char *t = "Chile and Peru agreed on patrols.\n"
                    "This site carries only part of the stories offered to subscribers. "
                    "Contact our sales team for subscription plans.";
    assert_int_equal(dyad_text_analyze_str(T, t, strlen(t), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 3);
    assert_false(dyad_text_sentence(T, 0)->boilerplate);
    assert_true(dyad_text_sentence(T, 1)->boilerplate);
    assert_true(dyad_text_sentence(T, 2)->boilerplate);
    /* a strong cue inside a long sentence of the story is no notice; a
     * credit line is, and so is a long line that opens with its cue */
    const char *v = "Officials in Lima said the reporting by state media on the strike in "
                    "the south was wrong and that the army had moved two battalions near "
                    "the border with Chile on Monday while the talks went on.\n"
                    "Reporting by Ana Ruiz; editing by Tom Hale.\n"
                    "Contact us at the newsroom for corrections, tips, licensing, reprints, "
                    "archive requests, interviews, events, speaking engagements, data "
                    "requests and any other question about the story, its sources, its "
                    "authors or our policies.\n";
    assert_int_equal(dyad_text_analyze_str(T, v, strlen(v), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 3);
    assert_false(dyad_text_sentence(T, 0)->boilerplate);
    assert_true(dyad_text_sentence(T, 1)->boilerplate);
    assert_true(dyad_text_sentence(T, 2)->boilerplate);
}

/* Boilerplate is judged sentence by sentence: a document that is one
 * long line (white space collapsed, as scrapers and JSON corpora deliver
 * it) keeps every story sentence around a notice. */
static void test_boilerplate_one_line(void **state)
{
    (void)state;
    const char *s = "Chile and Peru agreed on patrols. Officials said the talks "
                    "would go on. Contact our sales team for subscription plans.";
    assert_int_equal(dyad_text_analyze_str(T, s, strlen(s), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 3);
    assert_false(dyad_text_sentence(T, 0)->boilerplate);
    assert_false(dyad_text_sentence(T, 1)->boilerplate);
    assert_true(dyad_text_sentence(T, 2)->boilerplate);
    /* a time and a headline run into the first sentence: the sentence
     * ends with a full stop, so it is not a metadata line */
    const char *u = "Lima backs truce Politics March 3, 2021, 09:40 The presidents "
                    "discussed the border. Read more on the site \xe2\x86\x92";
    assert_int_equal(dyad_text_analyze_str(T, u, strlen(u), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 2);
    assert_false(dyad_text_sentence(T, 0)->boilerplate);
    assert_true(dyad_text_sentence(T, 1)->boilerplate);
    /* a weak cue marks only the closing run of notices, not a story
     * sentence that other story sentences follow */
    const char *w = "Netflix lost many subscribers this year. Turkey and Russia agreed "
                    "on patrols. This story was updated for our subscribers.";
    assert_int_equal(dyad_text_analyze_str(T, w, strlen(w), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(T), 3);
    assert_false(dyad_text_sentence(T, 0)->boilerplate);
    assert_false(dyad_text_sentence(T, 1)->boilerplate);
    assert_true(dyad_text_sentence(T, 2)->boilerplate);
    /* the same document with its lines kept and with them joined: the
     * same sentences, the same flags */
    const char *lines = "Turkey and Russia agreed on patrols.\n"
                        "Officials said the talks would go on.\n"
                        "Only part of our coverage appears on this site.\n"
                        "Contact us for subscription options.\n";
    char joined[256];
    snprintf(joined, sizeof joined, "%s", lines);
    for (char *p = joined; *p; p++) if (*p == '\n') *p = ' ';
    int flags[2][8];
    size_t count[2];
    for (int k = 0; k < 2; k++) {
        const char *d = k ? joined : lines;
        assert_int_equal(dyad_text_analyze_str(T, d, strlen(d), NULL, 0), DYAD_OK);
        count[k] = dyad_text_sentence_count(T);
        assert_true(count[k] <= 8);
        for (size_t i = 0; i < count[k]; i++) flags[k][i] = dyad_text_sentence(T, i)->boilerplate;
    }
    assert_int_equal(count[0], 4);
    assert_int_equal(count[1], 4);
    for (size_t i = 0; i < 4; i++) assert_int_equal(flags[0][i], flags[1][i]);
    assert_int_equal(flags[1][0] + flags[1][1], 0);
    assert_int_equal(flags[1][2] + flags[1][3], 2);
}

static void test_pathological_inputs(void **state)
{
    (void)state;
    /* long runs of one character class must stay linear and not crash */
    size_t n = 2000000;
    char *s = malloc(n + 1);
    const char *pats[] = {".", "-", "a", "'", "\n", "A.", "1,", "(\"", " "};
    for (size_t k = 0; k < sizeof pats / sizeof *pats; k++) {
        size_t pl = strlen(pats[k]);
        for (size_t i = 0; i < n; i++) s[i] = pats[k][i % pl];
        s[n] = 0;
        assert_int_equal(dyad_text_analyze_str(T, s, n, NULL, 0), DYAD_OK);
        size_t nt;
        const dyad_token *v = dyad_text_tokens(T, &nt);
        for (size_t i = 0; i < nt; i++) assert_true(v[i].end <= n && v[i].start < v[i].end);
    }
    free(s);
}

/* A run of combining marks is normalised 30 at a time (the Stream-Safe
 * Text Format of UAX #15): utf8proc orders and composes marks in time
 * quadratic in their number, so one base letter with 400,000 marks took
 * minutes. */
static void test_combining_marks_bounded(void **state)
{
    (void)state;
    /* e, then 60 times (acute, class 230; grave below, class 220) */
    char s[1 + 60 * 4 + 1];
    size_t n = 0;
    s[n++] = 'e';
    for (int i = 0; i < 60; i++) {
        memcpy(s + n, "\xcc\x81\xcc\x96", 4);
        n += 4;
    }
    s[n] = 0;
    dyad__norm nm;
    dyad__norm_init(&nm);
    assert_int_equal(dyad__normalize(&nm, s, n), DYAD_OK);
    /* first 30 marks: the 15 graves below sort first, the first acute
     * composes with e, 14 acutes follow; then the next 30 on their own */
    assert_int_equal(nm.text.len, n - 1);
    assert_memory_equal(nm.text.data, "\xc3\xa9\xcc\x96", 4);
    assert_memory_equal(nm.text.data + 2 + 15 * 2, "\xcc\x81", 2);
    assert_memory_equal(nm.text.data + 2 + 29 * 2, "\xcc\x96", 2);
    size_t cur = 0, prev = 0;
    for (size_t i = 1; i < nm.text.len; i++) {
        size_t o = dyad__norm_orig(&nm, i, &cur);
        assert_true(o >= prev);
        prev = o;
    }
    /* the runs of the offset map, byte by byte: a folded quote (3 bytes
     * to 1), a two-byte letter without a decomposition (both bytes from its first), CR LF (one
     * newline from the CR) */
    static const char mixed[] = "a\xe2\x80\x9c" "b\xc3\x9f c\r\nd";
    static const size_t want[] = {0, 1, 4, 5, 5, 7, 8, 9, 11, 12};
    assert_int_equal(dyad__normalize(&nm, mixed, sizeof mixed - 1), DYAD_OK);
    assert_int_equal(nm.text.len, 9);
    cur = 0;
    for (size_t i = 0; i <= 9; i++) assert_int_equal(dyad__norm_orig(&nm, i, &cur), want[i]);
    for (size_t i = 10; i-- > 0;) assert_int_equal(dyad__norm_orig(&nm, i, &cur), want[i]);
    for (size_t i = 0; i <= 9; i++) {
        size_t j = (i * 7) % 10;   /* out of order */
        assert_int_equal(dyad__norm_orig(&nm, j, &cur), want[j]);
    }
    dyad__norm_free(&nm);
    /* 400,000 marks after a letter, then a sentence: fast, and read */
    size_t big = 1 + 400000 * 2 + 32;
    char *b = malloc(big + 1);
    n = 0;
    b[n++] = 'a';
    for (int i = 0; i < 400000; i++) {
        memcpy(b + n, (i & 1) ? "\xcc\x96" : "\xcc\x81", 2);
        n += 2;
    }
    n += (size_t)snprintf(b + n, big + 1 - n, " Chile met Peru.");
    assert_int_equal(dyad_text_analyze_str(T, b, n, NULL, 0), DYAD_OK);
    size_t nt;
    const dyad_token *v = dyad_text_tokens(T, &nt);
    assert_true(nt >= 4);
    assert_memory_equal(b + v[nt - 4].start, "Chile", 5);
    free(b);
}

/* ------------------------------------------------------- seed stories */

typedef struct seed_doc { char id[64]; char *text; size_t len; char date[11]; } seed_doc;

/* Reads the seed stories through the public reader. */
static int S_seeds(seed_doc *out, int max)
{
    dyad_reader *r;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    assert_int_equal(dyad_reader_add(r, shared_path("corpus/seeds/seeds.jsonl")), DYAD_OK);
    const dyad_doc *d;
    int n = 0;
    while (dyad_reader_next(r, &d) == DYAD_OK && n < max) {
        snprintf(out[n].id, sizeof out[n].id, "%s", d->id);
        out[n].text = strndup(d->text, d->len);
        out[n].len = d->len;
        snprintf(out[n].date, sizeof out[n].date, "%s", d->date ? d->date : "");
        n++;
    }
    dyad_reader_free(r);
    return n;
}

/* Index of the sentence containing bytes [a, a + n) of the story, or -1.
 * Asserts they lie wholly inside that sentence.  Spans are byte offsets
 * into the seed story (measured once), so the test names a place in the
 * story without quoting it. */
static int S_sentence_at(const seed_doc *d, size_t a, size_t n)
{
    assert_true(a + n <= d->len);
    size_t b = a + n;
    for (size_t i = 0; i < dyad_text_sentence_count(T); i++) {
        const dyad_sentence *x = dyad_text_sentence(T, i);
        if (a >= x->start && a < x->end) {
            assert_true(b <= x->end);   /* no split inside the needle */
            return (int)i;
        }
    }
    return -1;
}

static void test_seed_stories(void **state)
{
    (void)state;
    if (!shared_present()) {
        print_message("SKIP: ../shared is absent; seed-story checks skipped\n");
        test_skip();
    }
    seed_doc docs[8];
    int n = S_seeds(docs, 8);
    assert_int_equal(n, 5);
    for (int k = 0; k < n; k++) {
        seed_doc *d = &docs[k];
        assert_int_equal(dyad_text_analyze_str(T, d->text, d->len, d->date, 0), DYAD_OK);
        const dyad_sentence *dl = S_first_with_dateline();
        if (strncmp(d->id, "000", 3) == 0) {
            S_sentence_at(d, 1985, 29);     /* "Oct." ends no sentence */
            S_sentence_at(d, 2321, 30);     /* nor "U.S." mid-sentence */
            int i = S_sentence_at(d, 2739, 36);   /* the agency's notice */
            assert_true(dyad_text_sentence(T, (size_t)i)->boilerplate);
            i = S_sentence_at(d, 2777, 43);       /* its subscription line */
            assert_true(dyad_text_sentence(T, (size_t)i)->boilerplate);
            i = S_sentence_at(d, 7, 45);          /* the lede */
            assert_false(dyad_text_sentence(T, (size_t)i)->boilerplate);
        } else if (strncmp(d->id, "002", 3) == 0) {
            assert_non_null(dl);
            assert_string_equal(dl->dateline->place, "MOSCOW");
            assert_string_equal(dl->dateline->agency, "TASS");
            assert_string_equal(dl->dateline->iso_date, "2019-12-10");
            assert_int_equal(dl->start, 235);
            S_sentence_at(d, 1739, 28);     /* a military title + name */
            S_sentence_at(d, 1328, 62);     /* a bracketed insertion ending in "." */
            int i = S_sentence_at(d, 0, 8);       /* site navigation */
            assert_int_equal(i, 0);
            assert_true(dyad_text_sentence(T, 0)->boilerplate);
            i = S_sentence_at(d, 10, 30);         /* the headline */
            assert_false(dyad_text_sentence(T, (size_t)i)->boilerplate);
        } else if (strncmp(d->id, "004", 3) == 0) {
            assert_non_null(dl);
            assert_string_equal(dl->dateline->place, "MOSCOW");
            assert_string_equal(dl->dateline->agency, "TASS");
            assert_string_equal(dl->dateline->iso_date, "2020-06-10");
            assert_int_equal(dl->start, 431);
            int i = S_sentence_at(d, 2790, 21);   /* a site footer */
            assert_true(dyad_text_sentence(T, (size_t)i)->boilerplate);
            i = S_sentence_at(d, 2043, 85);       /* a news sentence */
            assert_false(dyad_text_sentence(T, (size_t)i)->boilerplate);
        } else if (strncmp(d->id, "001", 3) == 0) {
            S_sentence_at(d, 2044, 30);     /* a number with a comma */
            S_sentence_at(d, 104, 21);      /* a hyphenated number-name */
            assert_int_equal(dyad_text_sentence_count(T), 12);
        }
        free(d->text);
    }
}


/* ------------------------------------------------ windowed analysis */

/* One line per sentence of t's current content: offsets, paragraph,
 * flags, dateline, and its tokens with their offsets. */
static void S_dump(const dyad_text *t, FILE *f, size_t base)
{
    size_t nt;
    const dyad_token *v = dyad_text_tokens(t, &nt);
    for (size_t i = 0; i < dyad_text_sentence_count(t); i++) {
        const dyad_sentence *x = dyad_text_sentence(t, i);
        fprintf(f, "%zu %zu-%zu p%u b%d d%s:", base + i, x->start, x->end, x->paragraph,
                x->boilerplate, x->dateline ? x->dateline->place : "-");
        assert_true(x->first_token + x->ntokens <= nt);
        for (size_t k = x->first_token; k < x->first_token + x->ntokens; k++)
            fprintf(f, " %.*s/%zu/%d", (int)v[k].norm_len, v[k].norm, v[k].start, v[k].abbrev);
        fputc('\n', f);
    }
}

/* Invented news-like text of about n bytes: paragraphs of one to four
 * sentences (or none: one long line when lines is 0), labels, a
 * dateline, abbreviations, times, notices and runs of closing notices in
 * the middle and at the end. */
static char *S_invent(size_t n, int lines, unsigned seed)
{
    static const char *const bits[] = {
        "Chile and Peru signed a fishing pact in Lima on Monday.",
        "The U.S. envoy met Bolivian officials.", "Gen. Ortiz said the talks would go on.",
        "Norway offered to mediate \"without delay.\"", "It was 18:25 when the vote ended.",
        "Read more", "Subscribe to our newsletter.", "This article was updated.",
        "Peru's minister, Ana Rojas, rejected the claim!", "Was it over?",
        "Share", "By Ana Rojas", "Talks resume", "Ecuador (Reuters) - Quito said so.",
        "Prices rose 13,000 times ... or so.", "All rights reserved.",
        "Officials from Chile Inc. declined to comment.", "(The talks) ended.",
        "and the U.S. agreed.", "it ended at St. Paul's.", "\"Go.\" and then \"stay.\"",
        "etc. and so on...", "prices fell."};
    size_t cap = n + 256, o = 0;
    char *s = malloc(cap + 1);
    assert_non_null(s);
    o += (size_t)snprintf(s, cap, "Latest news\nWorld\nLIMA, June 10 (Reuters) - ");
    unsigned r = seed;
    while (o + 128 < n) {
        r = r * 1103515245u + 12345u;
        const char *b = bits[(r >> 8) % (sizeof bits / sizeof bits[0])];
        size_t bl = strlen(b);
        memcpy(s + o, b, bl);
        o += bl;
        s[o++] = lines && (r >> 20) % 3 == 0 ? '\n' : ' ';
        if (lines && (r >> 24) % 17 == 0) s[o++] = '\n';
    }
    o += (size_t)snprintf(s + o, cap - o, "Peru said no. Contact us. This story is ours.\n");
    s[o] = 0;
    return s;
}

/* Reading a document in windows gives the sentences, tokens and flags
 * of reading it whole, for texts of many lines, one long line, and
 * windows cut inside a paragraph. */
static void test_windows_match_whole(void **state)
{
    (void)state;
    size_t sizes[] = {2000, 150000, 400000, 140001, 140017, 140111, 141000, 201003};
    size_t pieces[] = {0, 300, 1001};     /* the default, and many cuts */
    for (size_t si = 0; si <= sizeof sizes / sizeof sizes[0]; si++)
        for (int lines = 0; lines < 2; lines++) {
            char *text;
            if (si < sizeof sizes / sizeof sizes[0]) {
                text = S_invent(sizes[si], lines, (unsigned)(si * 7 + (size_t)lines + 1));
            } else {
                /* a piece of a long line ends right after a full stop that
                 * ends no sentence (a lower-case word follows) */
                text = malloc(70000 + 1);
                assert_non_null(text);
                size_t o = (size_t)sprintf(text, "Chile said this. ");
                for (; o < 65536 - 5; o++) text[o] = o % 4 == 3 ? ' ' : 'a';
                text[o - 1] = ' ';
                memcpy(text + o, "ends. and the talks went on. Peru agreed.", 41);
                o += 41;
                text[o] = 0;
                if (lines) text[10] = '\n';
            }
            dyad_doc doc;
            memset(&doc, 0, sizeof doc);
            doc.id = "w";
            doc.text = text;
            doc.len = strlen(text);
            doc.date = "2020-06-12";
            char *whole = NULL, *win = NULL;
            size_t wl = 0, nl = 0;
            /* the reference: every paragraph read in one piece */
            FILE *f = open_memstream(&whole, &wl);
            dyad__text_set_piece(T, SIZE_MAX);
            assert_int_equal(dyad_text_analyze(T, &doc), DYAD_OK);
            S_dump(T, f, 0);
            fclose(f);
            f = open_memstream(&win, &nl);
            dyad__text_set_piece(T, pieces[si % 3]);
            assert_int_equal(dyad_text_open(T, &doc), DYAD_OK);
            size_t base, windows = 0;
            dyad_status st;
            while ((st = dyad_text_next(T, &base)) == DYAD_OK) {
                S_dump(T, f, base);
                windows++;
            }
            assert_int_equal(st, DYAD_EOF);
            fclose(f);
            if (si < sizeof sizes / sizeof sizes[0] && sizes[si] > 100000) assert_true(windows > 1);
            assert_true(wl > 0);
            assert_int_equal(wl, nl);
            assert_memory_equal(whole, win, wl);
            dyad__text_set_piece(T, 0);
            free(whole);
            free(win);
            free(text);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_wire_forms),
        cmocka_unit_test(test_normalisation_folds),
        cmocka_unit_test(test_offsets_point_into_original),
        cmocka_unit_test(test_invalid_utf8_rejected),
        cmocka_unit_test(test_sentence_split_basic),
        cmocka_unit_test(test_sentence_split_quotes),
        cmocka_unit_test(test_paragraphs_and_wrapping),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_boilerplate_one_line),
        cmocka_unit_test(test_pathological_inputs),
        cmocka_unit_test(test_combining_marks_bounded),
        cmocka_unit_test(test_seed_stories),
        cmocka_unit_test(test_windows_match_whole),
    };
    return test_result(cmocka_run_group_tests(tests, setup, teardown));
}
