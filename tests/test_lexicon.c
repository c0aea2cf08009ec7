/*
 * test_lexicon.c -- the word lists of the parse and code stages
 * (text/lexicon.c, data/lexicon): the built-in lists load without a
 * message and every list has words; lookups fold ASCII case only, like
 * strcasecmp; "v:" gives the generator's forms and a "-" line takes a
 * word out; a source replaces or extends a list; event nouns carry codes
 * of the CAMEO table; malformed lines are reported with file and line.
 */
#include "testutil.h"

#include "text/text.h"

typedef struct diags {
    int n;
    char last[256];
} diags;

static void S_diag(void *ctx, const char *file, unsigned long line, const char *msg)
{
    diags *d = ctx;
    d->n++;
    snprintf(d->last, sizeof d->last, "%s:%lu: %s", file, line, msg);
}

static int S_has(const dyad__lexicon *lx, const char *w, int list)
{
    return dyad__lex_has(lx, w, strlen(w), list);
}

static void test_builtin_clean(void **state)
{
    (void)state;
    diags d = {0, ""};
    dyad__lexicon *lx = NULL;
    assert_int_equal(dyad__lexicon_build(&lx, NULL, 0, S_diag, &d), DYAD_OK);
    if (d.n) fail_msg("built-in lexicon: %d message(s), last %s", d.n, d.last);
    for (int l = 0; l < DYAD__LX_N; l++) {
        if (dyad__lex_count(lx, l) == 0) fail_msg("list '%s' is empty", dyad__lex_list_name(l));
        assert_int_equal(dyad__lex_list(dyad__lex_list_name(l), strlen(dyad__lex_list_name(l))), l);
    }
    assert_int_equal(dyad__lex_list("nosuch", 6), -1);
    dyad__lexicon_free(lx);
    assert_non_null(dyad__lexicon_builtin());
    assert_ptr_equal(dyad__lexicon_builtin(), dyad__lexicon_builtin());
}

static void test_lookup(void **state)
{
    (void)state;
    const dyad__lexicon *lx = dyad__lexicon_builtin();
    /* generated forms, any ASCII case */
    assert_true(S_has(lx, "say", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "SAID", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "Saying", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "told", DYAD__LX_REPORTING));
    /* a form the list keeps out ("-adding") */
    assert_false(S_has(lx, "adding", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "added", DYAD__LX_REPORTING));
    /* not the same spelling: a final period, a non-ASCII letter */
    assert_false(S_has(lx, "said.", DYAD__LX_REPORTING));
    assert_false(S_has(lx, "\xc5\xbf" "aid", DYAD__LX_REPORTING));
    assert_int_equal(dyad__lex_bits(lx, "", 0), 0);
    /* one word, several lists */
    uint64_t b = dyad__lex_bits(lx, "told", 4);
    assert_true(b & (1ull << DYAD__LX_REPORTING));
    assert_true(b & (1ull << DYAD__LX_SPEECH));
    assert_true(b & (1ull << DYAD__LX_MADE));
    assert_false(b & (1ull << DYAD__LX_CONDEMNING));
    /* event nouns and their codes */
    const dyad__lex_noun *nm = dyad__lex_noun_get(lx, "Talks", 5);
    assert_non_null(nm);
    assert_string_equal(nm->code, "040");
    assert_true(nm->mutual);
    assert_string_equal(nm->other[0], "with");
    assert_null(nm->other[1]);
    nm = dyad__lex_noun_get(lx, "visit", 5);
    assert_non_null(nm);
    assert_string_equal(nm->back, "043");
    nm = dyad__lex_noun_get(lx, "treaty", 6);
    assert_non_null(nm);
    assert_null(nm->other[0]);
    assert_null(dyad__lex_noun_get(lx, "said", 4));
}

/* Every event noun's codes are rows of the CAMEO table. */
static void test_event_codes(void **state)
{
    (void)state;
    const dyad__lexicon *lx = dyad__lexicon_builtin();
    static const char *const nouns[] = {"talks", "visit", "crackdown", "agreement", "attack",
                                        "bombing", "hijacking", "killing", "assassination"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(nouns); i++) {
        const dyad__lex_noun *nm = dyad__lex_noun_get(lx, nouns[i], strlen(nouns[i]));
        assert_non_null(nm);
        const dyad_cameo_info *ci = NULL;
        assert_int_equal(dyad_cameo_lookup(nm->code, &ci), DYAD_OK);
        if (nm->back) assert_int_equal(dyad_cameo_lookup(nm->back, &ci), DYAD_OK);
    }
}

static void test_sources(void **state)
{
    (void)state;
    static const char rep[] = "# ours\nbrutal\n  lawless  # trailing comment\n";
    static const char add[] = "v:declare\n-say\n";
    static const char nouns[] = "sanctions 163 other=on,Against\nembargo 16x\nstalemate\n";
    static const char bad[] = "a b\n";
    dyad__lex_src src[] = {
        {"condemning", "c.txt", rep, sizeof rep - 1, 0},
        {"reporting", "r.add.txt", add, sizeof add - 1, 1},
        {"event-nouns", "e.add.txt", nouns, sizeof nouns - 1, 1},
        {"naming", "n.add.txt", bad, sizeof bad - 1, 1},
        {"nosuch", "x.txt", "", 0, 0},
    };
    diags d = {0, ""};
    dyad__lexicon *lx = NULL;
    assert_int_equal(dyad__lexicon_build(&lx, src, DYAD_ARRAY_LEN(src), S_diag, &d), DYAD_OK);
    /* replaced: only the file's words */
    assert_true(S_has(lx, "Brutal", DYAD__LX_CONDEMNING));
    assert_true(S_has(lx, "lawless", DYAD__LX_CONDEMNING));
    assert_false(S_has(lx, "illegal", DYAD__LX_CONDEMNING));
    assert_int_equal(dyad__lex_count(lx, DYAD__LX_CONDEMNING), 2);
    /* extended, and one word taken out; other lists keep it */
    assert_true(S_has(lx, "declared", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "declaring", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "told", DYAD__LX_REPORTING));
    assert_false(S_has(lx, "say", DYAD__LX_REPORTING));
    assert_true(S_has(lx, "say", DYAD__LX_SPEECH));
    const dyad__lex_noun *nm = dyad__lex_noun_get(lx, "sanctions", 9);
    assert_non_null(nm);
    assert_string_equal(nm->code, "163");
    assert_string_equal(nm->other[1], "against");
    assert_null(dyad__lex_noun_get(lx, "embargo", 7));
    assert_null(dyad__lex_noun_get(lx, "stalemate", 9));
    /* four messages: the bad code, the missing code, two words on a line
     * of a plain list, the unknown list */
    assert_int_equal(d.n, 4);
    assert_string_equal(d.last, "x.txt:0: no lexicon list named 'nosuch' (data/lexicon/README.md); "
                                "skipped");
    dyad__lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_clean),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_event_codes),
        cmocka_unit_test(test_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
