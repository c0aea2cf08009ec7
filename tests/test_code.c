/*
 * test_code.c -- the code stage's fixtures: reading PETRARCH validation
 * files (environment, records, expected codings, <Config> options that
 * stay in force for the records after them).
 */
#include "testutil.h"
#include "code/code.h"

#include <strings.h>

static const char SUITE[] =
    "<Validation>\n"
    "<Environment>\n"
    "  <Verbfile>v.txt</Verbfile>\n  <Actorfile>a.txt</Actorfile>\n"
    "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Sentence date=\"19950101\" id=\"R-1\" category=\"DEMO\" sentence=\"true\">\n"
    "<!-- a comment -->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"></EventCoding>\n"
    "<Text>\nArnor will restore\n ties with Gondor.\n</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB restore)))))</Parse>\n"
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
    "<Sentence date=\"19950102\" id=\"R-2\" category=\"ERROR\" sentence=\"false\">\n"
    "<EventCoding noevents = \"True\"></EventCoding>\n<Text>x</Text>\n</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"true\"></Config>\n"
    "<Sentence id=\"R-3\"><EventCoding error=\"bad_input_parse\"></EventCoding></Sentence>\n"
    "</Sentences>\n</Validation>\n";

static void test_suite_reader(void **state)
{
    (void)state;
    const char *p = tmp_file(".xml", SUITE, sizeof SUITE - 1);
    dyad_suite *s;
    assert_int_equal(dyad_suite_load(&s, p), DYAD_OK);
    assert_string_equal(dyad_suite_env(s, "Verbfile"), "v.txt");
    assert_string_equal(dyad_suite_env(s, "Actorfile"), "a.txt");
    assert_null(dyad_suite_env(s, "Agentfile"));
    assert_int_equal(dyad_suite_count(s), 3);
    const dyad_suite_record *r = dyad_suite_get(s, 0);
    assert_string_equal(r->id, "R-1");
    assert_string_equal(r->category, "DEMO");
    assert_string_equal(r->date, "1995-01-01");
    assert_string_equal(r->text, "Arnor will restore ties with Gondor.");
    assert_non_null(strstr(r->parse, "(MD will)"));
    assert_true(r->is_sentence);
    assert_int_equal(r->ncodings, 2);
    assert_string_equal(r->codings[1].source, "GON");
    assert_string_equal(r->codings[1].code, "064");
    assert_string_equal(dyad_suite_option(r, "stop_on_error"), "True");
    assert_null(dyad_suite_option(r, "require_dyad"));
    r = dyad_suite_get(s, 1);
    assert_false(r->is_sentence);
    assert_true(r->noevents);
    assert_int_equal(r->ncodings, 0);
    assert_string_equal(dyad_suite_option(r, "require_dyad"), "false");
    r = dyad_suite_get(s, 2);
    assert_string_equal(r->error, "bad_input_parse");
    assert_string_equal(dyad_suite_option(r, "require_dyad"), "true");
    assert_null(r->date);
    assert_null(dyad_suite_get(s, 3));
    dyad_suite_free(s);

    assert_int_equal(dyad_suite_load(&s, "/nonexistent/suite.xml"), DYAD_EXML);
    assert_non_null(strstr(dyad_suite_errmsg(s), "/nonexistent/suite.xml"));
    dyad_suite_free(s);
    const char *empty = tmp_file(".xml", "<Validation/>", 13);
    assert_int_equal(dyad_suite_load(&s, empty), DYAD_EFORMAT);
    dyad_suite_free(s);
}

/* A validation file must be well-formed and declare no entities: a
 * billion-laughs chain is refused at its first declaration (no
 * expansion, no time), and a fault never leaves a quietly shortened
 * suite behind (recover mode used to drop every record after it). */
static void test_suite_hostile(void **state)
{
    (void)state;
    char laughs[4096];
    int n = snprintf(laughs, sizeof laughs, "<?xml version=\"1.0\"?>\n<!DOCTYPE V [\n"
                     "<!ENTITY l0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
        n += snprintf(laughs + n, sizeof laughs - (size_t)n, "<!ENTITY l%d \"", i);
        for (int k = 0; k < 10; k++)
            n += snprintf(laughs + n, sizeof laughs - (size_t)n, "&l%d;", i - 1);
        n += snprintf(laughs + n, sizeof laughs - (size_t)n, "\">\n");
    }
    n += snprintf(laughs + n, sizeof laughs - (size_t)n,
                  "]>\n<Validation><Sentence id=\"B1\"><Text>Chile &l9; Peru.</Text>"
                  "</Sentence></Validation>\n");
    const char *p = tmp_file(".xml", laughs, (size_t)n);
    dyad_suite *s;
    assert_int_equal(dyad_suite_load(&s, p), DYAD_EXML);
    char want[600];
    snprintf(want, sizeof want, "%s:3: cannot read the validation file: it declares the "
             "entity 'l0'", p);
    assert_non_null(strstr(dyad_suite_errmsg(s), want));
    dyad_suite_free(s);
    assert_int_equal(dyad__suite_load_memory(&s, "mem.xml", laughs, (size_t)n), DYAD_EXML);
    assert_non_null(strstr(dyad_suite_errmsg(s), "mem.xml:3: "));
    dyad_suite_free(s);

    const char broken[] = "<Validation>\n<Sentence id=\"B1\"><Text>One.</Text></Sentence>\n"
                          "<Sentence id=\"B2\"><Text>3 < 4</Text></Sentence>\n"
                          "<Sentence id=\"B3\"><Text>Three.</Text></Sentence>\n</Validation>\n";
    p = tmp_file(".xml", broken, sizeof broken - 1);
    assert_int_equal(dyad_suite_load(&s, p), DYAD_EXML);
    snprintf(want, sizeof want, "%s:3: cannot read the validation file: StartTag: invalid "
             "element name", p);
    assert_string_equal(dyad_suite_errmsg(s), want);
    dyad_suite_free(s);
}

static void test_shared_suite(void **state)
{
    (void)state;
    if (!shared_present()) {
        print_message("SKIP: ../shared is absent\n");
        test_skip();
    }
    dyad_suite *s;
    assert_int_equal(dyad_suite_load(&s, shared_path("petrarch2/validation/PETR.UnitTest.records.xml")),
                     DYAD_OK);
    assert_int_equal(dyad_suite_count(s), 284);
    assert_string_equal(dyad_suite_env(s, "Verbfile"), "PETR.Validate.verbs.txt");
    size_t coded = 0, none = 0, errors = 0;
    for (size_t i = 0; i < dyad_suite_count(s); i++) {
        const dyad_suite_record *r = dyad_suite_get(s, i);
        assert_non_null(r->parse);
        coded += r->ncodings > 0;
        none += r->noevents;
        errors += r->error != NULL;
    }
    assert_int_equal(coded + none + errors, 284);
    dyad_suite_free(s);
}

/* Line `line` of file (1-based) into buf; 0 when there is none. */
static int S_file_line(const char *file, unsigned long line, char *buf, size_t cap)
{
    FILE *f = fopen(file, "r");
    if (!f) return 0;
    unsigned long n = 0;
    int ok = 0;
    while (fgets(buf, (int)cap, f)) {
        size_t len = strlen(buf);
        if (len && buf[len - 1] == '\n') n++;
        else if (len + 1 < cap) n++;          /* last line without newline */
        else continue;                        /* a long line: keep reading */
        if (n == line) { ok = 1; break; }
    }
    fclose(f);
    return ok;
}

static int S_contains_ci(const char *hay, const char *needle, size_t n)
{
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0) return 1;
    return 0;
}

/* Every event coded from the PETRARCH suite names real dictionary lines
 * as its evidence: the line exists and holds the entry's first word. */
static void test_evidence_points_at_real_lines(void **state)
{
    (void)state;
    if (!shared_present()) {
        print_message("SKIP: ../shared is absent\n");
        test_skip();
    }
    const char *dir = shared_path("petrarch2/validation");
    char base[4096];
    snprintf(base, sizeof base, "%s", dir);
    dyad_suite *s;
    assert_int_equal(dyad_suite_load(&s, shared_path("petrarch2/validation/PETR.UnitTest.records.xml")),
                     DYAD_OK);
    dyad_dict *d;
    assert_int_equal(dyad_dict_new(&d), DYAD_OK);
    static const char *const files[] = {"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt",
                                        "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"};
    for (size_t i = 0; i < 4; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", base, files[i]);
        dyad_status st = dyad_dict_add_file(d, path, DYAD_DICT_AUTO);
        assert_true(st == DYAD_OK || st == DYAD_EDICT);
    }
    dyad_dict_compile(d);
    dyad_coder *c;
    assert_int_equal(dyad_coder_new(&c, d), DYAD_OK);
    size_t events = 0, checked = 0;
    for (size_t i = 0; i < dyad_suite_count(s); i++) {
        const dyad_suite_record *r = dyad_suite_get(s, i);
        if (dyad_coder_code_parse(c, r->parse, strlen(r->parse), r->date) != DYAD_OK) continue;
        for (size_t k = 0; k < dyad_coder_event_count(c); k++) {
            const dyad_event *e = dyad_coder_event(c, k);
            events++;
            assert_true(e->nevidence >= 1);
            assert_string_equal(e->evidence[0].kind, "verb");
            for (size_t q = 0; q < e->nevidence; q++) {
                const dyad_evidence *v = &e->evidence[q];
                if (!v->file) continue;
                char line[8192];
                assert_true(S_file_line(v->file, v->line, line, sizeof line));
                /* the first word of the entry as written ("+CORDONED_OFF",
                 * "WAS * DEAD ...": skip connectors) */
                const char *w = v->text;
                while (*w && strchr("+-_*$%^&{}() ", *w)) w++;
                size_t n = strcspn(w, " _");
                if (!strcmp(v->kind, "pattern")) {
                    /* the pattern as written stands on its line */
                    const char *l = line;
                    while (*l == ' ' || *l == '\t') l++;
                    assert_int_equal(*l, '-');
                    int found = 1;
                    for (const char *q = v->text; *q && found;) {   /* its words, in order */
                        size_t m = strcspn(q, " ");
                        found = S_contains_ci(l, q, m);
                        q += m;
                        while (*q == ' ') q++;
                    }
                    if (!found) print_message("%s:%lu: '%s' not in: %s", v->file, v->line, v->text, line);
                    assert_true(found);
                } else if (!strcmp(v->kind, "verb")) {
                    /* a verb form may be generated ("CONDEMNED" from the
                     * line "CONDEMN"): the line must be a verb line */
                    const char *l = line;
                    while (*l == ' ' || *l == '\t') l++;
                    assert_true((*l >= 'A' && *l <= 'Z') || *l == '+');
                } else if (n) {
                    /* some word of the entry stands on the line, compared
                     * by its stem: generated plurals ("SOLDIERS" from
                     * "SOLDIER") and !X! expansions keep the other words */
                    int found = 0;
                    for (const char *q = w; *q && !found;) {
                        size_t m = strcspn(q, " _");
                        if (m >= 3) found = S_contains_ci(line, q, m > 5 ? m - 3 : m);
                        q += m;
                        while (*q == ' ' || *q == '_') q++;
                    }
                    if (!found) print_message("%s:%lu: '%s' not in: %s", v->file, v->line, v->text, line);
                    assert_true(found);
                }
                checked++;
            }
        }
    }
    assert_true(events > 200);
    assert_true(checked > events);
    dyad_coder_free(c);
    dyad_dict_free(d);
    dyad_suite_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suite_reader),
        cmocka_unit_test(test_suite_hostile),
        cmocka_unit_test(test_shared_suite),
        cmocka_unit_test(test_evidence_points_at_real_lines),
    };
    return test_result(cmocka_run_group_tests(tests, NULL, NULL));
}
