/*
 * test_cameo.c -- the CAMEO code table of the code stage: lookups of known
 * codes (root, quad class, Goldstein value, PLOVER category; never the
 * names, which are ours to reword), unknown and malformed codes, the
 * consistency of every row, the compiled table against data/cameo/cameo.tsv
 * row by row, and, when ../shared is present, agreement with the
 * CAMEO-to-PLOVER reference table.
 */
#include "testutil.h"

#include "code/cameo.h"

#include <ctype.h>

static const dyad_cameo_info *S_get(const char *code)
{
    const dyad_cameo_info *ci = (const dyad_cameo_info *)1;
    assert_int_equal(dyad_cameo_lookup(code, &ci), DYAD_OK);
    assert_non_null(ci);
    assert_string_equal(ci->code, code);
    return ci;
}

static void S_check(const char *code, const char *root, int quad,
                    double goldstein, const char *plover)
{
    const dyad_cameo_info *ci = S_get(code);
    assert_string_equal(ci->root, root);
    assert_int_equal(ci->quad_class, quad);
    assert_true(ci->goldstein == goldstein);
    if (plover)
        assert_string_equal(ci->plover, plover);
    else
        assert_null(ci->plover);
    assert_non_null(ci->name);
    assert_true(ci->name[0] != '\0');
}

static void test_known_codes(void **state)
{
    (void)state;
    S_check("01", "01", 1, 0.0, NULL);
    S_check("016", "01", 1, -2.0, NULL);
    S_check("0256", "02", 1, -0.3, NULL);
    S_check("036", "03", 1, 4.0, "AGREE");
    S_check("0334", "03", 1, 6.0, "AGREE");
    S_check("04", "04", 1, 1.0, "CONSULT");
    S_check("041", "04", 1, 1.0, "CONSULT");
    S_check("046", "04", 1, 7.0, "CONSULT");
    S_check("057", "05", 1, 8.0, "SUPPORT");
    S_check("064", "06", 2, 7.0, "COOPERATE");
    S_check("073", "07", 2, 7.4, "AID");
    S_check("0813", "08", 2, 5.0, "RETREAT");   /* listed apart from 081 */
    S_check("0871", "08", 2, 9.0, "RETREAT");
    S_check("0874", "08", 2, 10.0, "RETREAT");
    S_check("094", "09", 3, -2.0, "ACCUSE");
    S_check("1053", "10", 3, -5.0, "REQUEST");
    S_check("112", "11", 3, -2.0, "ACCUSE");
    S_check("1213", "12", 3, -4.0, "REJECT");
    S_check("130", "13", 3, -4.4, "THREATEN");
    S_check("1385", "13", 3, -7.0, "THREATEN");
    S_check("141", "14", 4, -6.5, "PROTEST");
    S_check("145", "14", 4, -7.5, "PROTEST");
    S_check("154", "15", 4, -7.2, "MOBILIZE");
    S_check("163", "16", 4, -8.0, "COERCE");    /* not SANCTION */
    S_check("173", "17", 4, -5.0, "COERCE");
    S_check("1712", "17", 4, -9.2, "ASSAULT");
    S_check("175", "17", 4, -9.0, "ASSAULT");
    S_check("1823", "18", 4, -10.0, "ASSAULT");
    S_check("19", "19", 4, -10.0, "ASSAULT");
    S_check("190", "19", 4, -10.0, "ASSAULT");
    S_check("191", "19", 4, -9.5, "COERCE");
    S_check("195", "19", 4, -10.0, "ASSAULT");
    S_check("201", "20", 4, -9.5, "ASSAULT");
    S_check("2042", "20", 4, -10.0, "ASSAULT");
}

static void test_unknown_codes(void **state)
{
    (void)state;
    const char *bad[] = {"", "0", "1", "00", "21", "99", "000", "099", "0411",
                         "0410", "41", "410", "04a", "a04", "041 ", " 041",
                         "04-1", "01000", "041041", "+41", "-04", "04\n",
                         "1215", "2043", "1954"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(bad); i++) {
        const dyad_cameo_info *ci = (const dyad_cameo_info *)1;
        if (dyad_cameo_lookup(bad[i], &ci) != DYAD_ENOTFOUND)
            fail_msg("\"%s\" should be unknown", bad[i]);
        assert_null(ci);
    }
    const dyad_cameo_info *ci = (const dyad_cameo_info *)1;
    assert_int_equal(dyad_cameo_lookup(NULL, &ci), DYAD_EINVAL);
    assert_null(ci);
    assert_int_equal(dyad_cameo_lookup("041", NULL), DYAD_EINVAL);
    assert_null(dyad_cameo_at(dyad_cameo_count()));
    assert_null(dyad_cameo_at((size_t)-1));
}

/* The internal lookup works on slices of a longer string. */
static void test_find_slice(void **state)
{
    (void)state;
    const char *line = "[0412] [041] [19]";
    assert_null(dyad__cameo_find(line + 1, 4));
    assert_string_equal(dyad__cameo_find(line + 1, 3)->code, "041");
    assert_string_equal(dyad__cameo_find(line + 8, 3)->code, "041");
    assert_string_equal(dyad__cameo_find(line + 14, 2)->code, "19");
    assert_null(dyad__cameo_find(line + 14, 3));
    assert_null(dyad__cameo_find(line + 14, 1));
    assert_null(dyad__cameo_find(NULL, 3));
}

static int S_quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

static void test_table_consistency(void **state)
{
    (void)state;
    size_t n = dyad_cameo_count();
    int roots_seen[21] = {0};
    assert_true(n >= 300 && n <= 330);
    for (size_t i = 0; i < n; i++) {
        const dyad_cameo_info *ci = dyad_cameo_at(i);
        assert_non_null(ci);
        size_t len = strlen(ci->code);
        assert_true(len >= 2 && len <= 4);
        for (size_t k = 0; k < len; k++)
            assert_true(isdigit((unsigned char)ci->code[k]));
        /* sorted and unique, so binary search finds every row */
        if (i > 0)
            assert_true(strcmp(dyad_cameo_at(i - 1)->code, ci->code) < 0);
        const dyad_cameo_info *found = NULL;
        assert_int_equal(dyad_cameo_lookup(ci->code, &found), DYAD_OK);
        assert_ptr_equal(found, ci);

        assert_int_equal(strlen(ci->root), 2);
        assert_memory_equal(ci->root, ci->code, 2);
        int root = atoi(ci->root);
        assert_true(root >= 1 && root <= 20);
        if (len == 2)
            roots_seen[root] = 1;
        /* the root row exists and agrees */
        const dyad_cameo_info *r = NULL;
        assert_int_equal(dyad_cameo_lookup(ci->root, &r), DYAD_OK);
        assert_int_equal(r->quad_class, ci->quad_class);
        /* a 4-digit code's 3-digit parent exists */
        if (len == 4)
            assert_non_null(dyad__cameo_find(ci->code, 3));
        assert_int_equal(ci->quad_class, S_quad_of_root(root));
        assert_true(ci->goldstein >= -10.0 && ci->goldstein <= 10.0);
        assert_non_null(ci->name);
        assert_true(ci->name[0] != '\0');
        /* PLOVER: absent exactly for roots 01 and 02; otherwise a word */
        if (root <= 2) {
            assert_null(ci->plover);
        } else {
            assert_non_null(ci->plover);
            assert_true(ci->plover[0] != '\0');
            for (const char *p = ci->plover; *p; p++)
                assert_true(*p >= 'A' && *p <= 'Z');
        }
    }
    for (int root = 1; root <= 20; root++)
        if (!roots_seen[root])
            fail_msg("root %02d is missing", root);
}

/* Every data row of the TSV is in the compiled table, field for field, and
 * nothing else is: the build really used the one source. */
static void test_matches_tsv(void **state)
{
    (void)state;
    FILE *f = fopen(DYAD_SOURCE_DIR "/data/cameo/cameo.tsv", "r");
    assert_non_null(f);
    char line[1024];
    size_t row = 0;
    int header = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#' || line[0] == 0)
            continue;
        if (!header) {
            assert_string_equal(line,
                                "code\tname\troot\tquad_class\tgoldstein\tplover\tintent\trefusal\tcharge\ttraits");
            header = 1;
            continue;
        }
        char *field[10];
        int nf = 0;
        char *p = line;
        for (;;) {
            assert_true(nf < 10);
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        assert_int_equal(nf, 10);
        const dyad_cameo_info *ci = dyad_cameo_at(row++);
        assert_non_null(ci);
        assert_string_equal(ci->code, field[0]);
        assert_string_equal(ci->name, field[1]);
        assert_string_equal(ci->root, field[2]);
        assert_int_equal(ci->quad_class, atoi(field[3]));
        assert_true(ci->goldstein == strtod(field[4], NULL));
        if (field[5][0])
            assert_string_equal(ci->plover, field[5]);
        else
            assert_null(ci->plover);
        for (int k = 6; k < 9; k++) {
            const char *v = k == 6 ? ci->intent : k == 7 ? ci->refusal : ci->charge;
            if (field[k][0]) {
                assert_non_null(v);
                assert_string_equal(v, field[k]);
                const dyad_cameo_info *t = NULL;
                assert_int_equal(dyad_cameo_lookup(v, &t), DYAD_OK);   /* a row too */
            } else {
                assert_null(v);
            }
        }
        unsigned traits = 0;
        for (char *x = field[9]; *x;) {
            size_t n = strcspn(x, ",");
            if (n == 9 && !strncmp(x, "symmetric", 9)) traits |= DYAD_CAMEO_SYMMETRIC;
            else if (n == 6 && !strncmp(x, "mutual", 6)) traits |= DYAD_CAMEO_MUTUAL;
            else if (n == 5 && !strncmp(x, "force", 5)) traits |= DYAD_CAMEO_FORCE;
            else if (n == 9 && !strncmp(x, "judgement", 9)) traits |= DYAD_CAMEO_JUDGEMENT;
            else if (n == 9 && !strncmp(x, "one_sided", 9)) traits |= DYAD_CAMEO_ONE_SIDED;
            else if (n == 5 && !strncmp(x, "venue", 5)) traits |= DYAD_CAMEO_VENUE;
            else if (n == 7 && !strncmp(x, "no_doer", 7)) traits |= DYAD_CAMEO_NO_DOER;
            else if (n == 6 && !strncmp(x, "inward", 6)) traits |= DYAD_CAMEO_INWARD;
            else if (n == 9 && !strncmp(x, "to_rulers", 9)) traits |= DYAD_CAMEO_TO_RULERS;
            else if (n == 5 && !strncmp(x, "binds", 5)) traits |= DYAD_CAMEO_BINDS;
            else fail_msg("%s: unknown trait '%.*s'", field[0], (int)n, x);
            x += n + (x[n] == ',');
        }
        assert_int_equal(ci->traits, traits);
    }
    fclose(f);
    assert_int_equal(row, dyad_cameo_count());
}

/* Every code in the CAMEO-to-PLOVER reference has the category given there
 * (a code listed twice with two categories, like root 08, may have
 * either). */
static void test_plover_reference(void **state)
{
    (void)state;
    if (!shared_present()) {
        printf("SKIP: %s is absent; the PLOVER cross-check is skipped\n",
               DYAD_SHARED_DIR);
        test_skip();
    }
    FILE *f = fopen(shared_path("reference/CAMEO2PLOVER-2021.txt"), "r");
    assert_non_null(f);
    struct { char code[5]; char cat[32]; } pairs[512];
    size_t np = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        size_t nd = strspn(p, "0123456789");
        if (nd < 2 || nd > 4 || p[nd] != ':')
            continue;
        const char *c = p + nd + 1;
        while (*c == ' ' || *c == '\t') c++;
        size_t nc = 0;
        while (c[nc] >= 'A' && c[nc] <= 'Z') nc++;
        assert_true(nc > 0 && nc < sizeof pairs[0].cat);
        assert_true(np < DYAD_ARRAY_LEN(pairs));
        memcpy(pairs[np].code, p, nd);
        pairs[np].code[nd] = 0;
        memcpy(pairs[np].cat, c, nc);
        pairs[np].cat[nc] = 0;
        np++;
    }
    fclose(f);
    assert_true(np > 250);
    for (size_t i = 0; i < np; i++) {
        const dyad_cameo_info *ci = NULL;
        if (dyad_cameo_lookup(pairs[i].code, &ci) != DYAD_OK)
            fail_msg("%s (PLOVER %s) is not in the table", pairs[i].code,
                     pairs[i].cat);
        assert_non_null(ci->plover);
        int ok = 0;
        for (size_t j = 0; j < np; j++)
            if (strcmp(pairs[j].code, pairs[i].code) == 0 &&
                strcmp(pairs[j].cat, ci->plover) == 0)
                ok = 1;
        if (!ok)
            fail_msg("%s: table says %s, reference says %s", ci->code,
                     ci->plover, pairs[i].cat);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_codes),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_find_slice),
        cmocka_unit_test(test_table_consistency),
        cmocka_unit_test(test_matches_tsv),
        cmocka_unit_test(test_plover_reference),
    };
    return test_result(cmocka_run_group_tests(tests, NULL, NULL));
}
