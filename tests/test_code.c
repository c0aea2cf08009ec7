/*
 * test_code.c -- the code stage's fixtures: reading PETRARCH validation
 * files (environment, records, expected codings, <Config> options that
 * stay in force for the records after them).
 */
#include "testutil.h"

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

static void test_shared_suite(void **state)
{
    (void)state;
    if (!shared_present()) {
        print_message("SKIP: ../shared is absent\n");
        skip();
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suite_reader),
        cmocka_unit_test(test_shared_suite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
