/*
 * test_places.c -- event locations (resolve/place.c) and the gazetteer
 * loader (dict/places.c), on a small gazetteer of invented places that
 * each test writes, so that every rule is checked whether or not the build
 * had GeoNames' cities: the nearest locative phrase of the event's clause,
 * a name as head of its phrase, the most specific place, accents, names of
 * several words, names shared by several countries (the phrase's country,
 * ", Division", ", Country", the parties' large places, the most
 * populous), a town named like a country, regions, countries only, the
 * target of an act of force, topics of verbal events, intents, datelines
 * that fit or do not (a statement where its speaker is), the JSON field,
 * and malformed tables.  The built-in dictionaries give country
 * names and adjectives.  test_gazetteer.c checks the real cities.
 */
#include "engine_util.h"
#include "dict/dict.h"

#include <math.h>


static dyad_places *g_places;
static char g_dir[64];

/* Invented places.  Portobello is a name of three countries: a large
 * Chilean one, a Peruvian one large enough to be taken for Peruvian
 * parties, a small Bolivian one.  "Bolivia" is also a small American
 * town. */
static const char S_countries[] =
    "# test countries\n"
    "CHL\tCL\tChile\t\n"
    "PER\tPE\tPeru\t\n"
    "BOL\tBO\tBolivia, Plurinational State of\tBolivia\n"
    "USA\tUS\tUnited States\t\n"
    "SYR\tSY\tSyrian Arab Republic\tSyria\n"
    "ISR\tIL\tIsrael\t\n"
    "SRB\tRS\tSerbia\t\n";
static const char S_cities[] =
    "# name\talpha3\tadmin1\tpopulation\tlat\tlon\n"
    "Portobello\tCHL\tNorte Grande\t900000\t-20.1000\t-70.1000\n"
    "Portobello\tPER\tTacna\t200000\t-17.9000\t-70.3000\n"
    "Portobello\tBOL\tOruro Department\t20000\t-18.0000\t-67.1000\n"
    "Valdoria\tCHL\tLos Lagos\t50000\t-40.0000\t-73.0000\n"
    "\xC3\x91" "and\xC3\xBA" "via\tPER\tPuno\t30000\t-15.8000\t-70.0000\n"
    "Santa Lucia del Monte\tBOL\tPotosi\t40000\t-19.5000\t-65.7000\n"
    "Bolivia\tUSA\tColorado\t20000\t39.0000\t-105.0000\n";
static const char S_overlay[] =
    "# name\tcountry\tlat\tlon\tkind\n"
    "Altiplano Sur\tBOL\t-20.0000\t-67.5000\tregion\n"
    "Kosovo\tXKX\t-\t-\tcountry\n";

static void S_write(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(text, f);
    fclose(f);
}

static void S_unlink(const char *dir)
{
    static const char *const names[] = {"countries.tsv", "cities.tsv", "overlay.tsv",
                                        "places.bin"};
    for (int i = 0; i < 4; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

static int setup(void **state)
{
    (void)state;
    if (engine_util_setup() != 0) return -1;
    snprintf(g_dir, sizeof g_dir, "/tmp/dyad-places-XXXXXX");
    if (!mkdtemp(g_dir)) return -1;
    S_write(g_dir, "countries.tsv", S_countries);
    S_write(g_dir, "cities.tsv", S_cities);
    S_write(g_dir, "overlay.tsv", S_overlay);
    if (dyad_places_new(&g_places, g_dir) != DYAD_OK) {
        printf("the test gazetteer does not load: %s\n", dyad_places_errmsg(g_places));
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad_places_free(g_places);
    engine_util_teardown();
    S_unlink(g_dir);
    return 0;
}


/* Codes text (all modalities) with the test gazetteer. */
static dyad_engine *S_code(const char *text)
{
    dyad_engine_options o = dyad_engine_defaults();
    o.modalities = 0xf;
    o.places = g_places;
    dyad_engine *e;
    assert_int_equal(dyad_engine_new(&e, g_dict, g_tagger, &o), DYAD_OK);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    doc.date = "2024-03-06";
    doc.path = "test";
    assert_int_equal(dyad_engine_code(e, &doc), DYAD_OK);
    return e;
}

/* The record with this code (the first), failing when there is none. */
static const dyad_record *S_rec(const dyad_engine *e, const char *code)
{
    for (size_t i = 0; i < dyad_engine_record_count(e); i++) {
        const dyad_record *r = dyad_engine_record(e, i);
        if (!strcmp(r->code, code)) return r;
    }
    print_message("no event %s coded\n", code);
    fail();
    return NULL;
}

/* Checks the location of the first event coded code in text: country
 * (NULL: no location), name (NULL: the country only), and basis. */
static void S_expect(const char *text, const char *code, const char *country, const char *name,
                     const char *basis)
{
    dyad_engine *e = S_code(text);
    const dyad_record *r = S_rec(e, code);
    const dyad_location *l = r->location;
    if (!country) {
        if (l) print_message("%s: placed in %s\n", text, l->country);
        assert_null(l);
    } else {
        if (!l) print_message("%s: not placed\n", text);
        assert_non_null(l);
        assert_string_equal(l->country, country);
        if (name) {
            assert_non_null(l->name);
            assert_string_equal(l->name, name);
            assert_false(isnan(l->lat));
        } else {
            assert_null(l->name);
            assert_true(isnan(l->lat) && isnan(l->lon));
        }
        assert_string_equal(l->basis, basis);
    }
    dyad_engine_free(e);
}

static void test_clause_phrases(void **state)
{
    (void)state;
    NEED_TAGGER();
    S_expect("Chilean troops attacked Peruvian positions near Valdoria.", "190", "CHL",
             "Valdoria", "text");
    S_expect("Chile and Peru held talks in Valdoria on Tuesday.", "040", "CHL", "Valdoria",
             "text");
    /* accents and apostrophes do not matter; names of several words */
    S_expect("Chile and Peru held talks in Nanduvia.", "040", "PER", "\xC3\x91" "and\xC3\xBA" "via",
             "text");
    S_expect("Chilean troops clashed with Peruvian rebels in Santa Lucia del Monte.", "190",
             "BOL", "Santa Lucia del Monte", "text");
    /* the most specific head: a town over the country named before it */
    S_expect("Chilean troops attacked rebels in Peru's Nanduvia district.", "190", "PER",
             "\xC3\x91" "and\xC3\xBA" "via", "text");
    /* regions of the overlay; countries alone */
    S_expect("Chilean troops attacked rebels in Altiplano Sur.", "190", "BOL", "Altiplano Sur",
             "text");
    S_expect("Israeli jets struck targets in northern Syria.", "195", "SYR", NULL, "text");
    S_expect("Serbian police detained protesters in Kosovo.", "173", "XKX", NULL, "text");
    /* a town named like a country is not the country */
    S_expect("Chilean troops attacked rebels in Bolivia.", "190", "BOL", NULL, "text");
    S_expect("Chilean troops attacked rebels on the outskirts of Valdoria.", "190", "CHL",
             "Valdoria", "text");
    S_expect("Chilean troops attacked Peruvian positions 20 km north of Valdoria.", "190", "CHL",
             "Valdoria", "text");
    /* an act of force is where it is aimed, when its target is a place */
    S_expect("Chilean troops fired shells at Peru.", "194", "PER", NULL, "text");
    /* ... not a party named by an adjective */
    S_expect("Chilean troops shelled Peruvian positions.", "194", NULL, NULL, NULL);
}

static void test_not_places(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* no place */
    S_expect("Chile accused Peru of spying.", "1125", NULL, NULL, NULL);
    /* a name that is not the head of its phrase */
    S_expect("Chilean troops attacked Peruvian positions in Valdoria airstrikes.", "190", NULL, NULL,
             NULL);
    /* the topic of a verbal event is not where it happened */
    S_expect("Chile and Peru discussed the situation in Valdoria.", "040", NULL, NULL, NULL);
    /* an intent is placed where it is made, not where its act will be */
    S_expect("Peru will hold talks with Chile in Valdoria.", "036", NULL, NULL, NULL);
    /* a month is not a town */
    S_expect("Chile and Peru held talks in March.", "040", NULL, NULL, NULL);
}

static void test_shared_names(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* parties of no country of the name: the most populous */
    S_expect("Israel and Serbia held talks in Portobello.", "040", "CHL", "Portobello", "text");
    /* a party's country when its place is a large one ... */
    S_expect("Peruvian troops clashed with gunmen in Portobello.", "190", "PER", "Portobello",
             "text");
    /* ... not a small town of that name */
    S_expect("Bolivian troops clashed with gunmen in Portobello.", "190", "CHL", "Portobello",
             "text");
    /* the phrase names the country: an adjective, ", Division", ", Country" */
    S_expect("Peruvian troops clashed with gunmen in the Bolivian town of Portobello.", "190",
             "BOL", "Portobello", "text");
    S_expect("Peruvian police detained protesters in Portobello, Oruro.", "173", "BOL",
             "Portobello", "text");
    S_expect("Bolivian police detained protesters in Portobello, Peru.", "173", "PER",
             "Portobello", "text");
}

/* Codes a document with a dateline and no date metadata. */
static void S_expect_dl(const char *text, const char *code, const char *country, const char *name)
{
    S_expect(text, code, country, name, "dateline");
}

static void test_datelines(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* a party's country, or a meeting */
    S_expect_dl("VALDORIA, March 5 (Reuters) - Chilean police detained dozens of protesters.", "173",
                "CHL", "Valdoria");
    S_expect_dl("VALDORIA, March 5 (Reuters) - Israel and Serbia held talks on Tuesday.", "040",
                "CHL", "Valdoria");
    /* the parties choose among places of the dateline's name */
    S_expect_dl("PORTOBELLO, March 5 (Reuters) - Peruvian police detained dozens of protesters.",
                "173", "PER", "Portobello");
    /* the clause's own phrase comes first */
    S_expect("VALDORIA, March 5 (Reuters) - Chilean troops attacked rebels in Santa Lucia del "
             "Monte.",
             "190", "BOL", "Santa Lucia del Monte", "text");
    /* a statement is made where its speaker is */
    S_expect_dl("PORTOBELLO, March 5 (Reuters) - Peru accused Chile of spying.", "1125", "PER",
                "Portobello");
    S_expect("VALDORIA, March 5 (Reuters) - Peru accused Chile of spying.", "1125", NULL, NULL,
             NULL);
    /* strikes between two other countries are not where the story was filed */
    S_expect("VALDORIA, March 5 (Reuters) - Israeli jets struck Syrian army positions.", "195",
             NULL, NULL, NULL);
}

static void test_json(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine *e = S_code("Chilean troops attacked Peruvian positions near Valdoria. "
                            "Chile accused Peru of spying.");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dyad_json *j = dyad_json_new(f);
    for (size_t i = 0; i < dyad_engine_record_count(e); i++)
        dyad_record_write_json(dyad_engine_record(e, i), j);
    dyad_json_free(j);
    fclose(f);
    assert_non_null(strstr(buf, "\"location\":{\"country\":\"CHL\",\"name\":\"Valdoria\","
                                "\"lat\":-40.0000,\"lon\":-73.0000,\"basis\":\"text\","
                                "\"text\":\"near Valdoria\"}"));
    assert_non_null(strstr(buf, "\"location\":null"));
    free(buf);
    dyad_engine_free(e);
}

/* Loads a gazetteer of the three tables (NULL: no such file). */
static dyad_status S_load(const char *countries, const char *cities, const char *overlay,
                          char *msg, size_t cap)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/dyad-places-XXXXXX");
    assert_non_null(mkdtemp(dir));
    if (countries) S_write(dir, "countries.tsv", countries);
    if (cities) S_write(dir, "cities.tsv", cities);
    if (overlay) S_write(dir, "overlay.tsv", overlay);
    dyad_places *p = NULL;
    dyad_status st = dyad_places_new(&p, dir);
    snprintf(msg, cap, "%s", dyad_places_errmsg(p));
    dyad_places_free(p);
    S_unlink(dir);
    return st;
}

static void test_loader(void **state)
{
    (void)state;
    char msg[1024];
    size_t cities, overlay, countries;
    dyad_places_counts(g_places, &cities, &overlay, &countries);
    assert_int_equal(cities, 7);
    assert_int_equal(overlay, 2);
    assert_int_equal(countries, 7);
    assert_int_equal(S_load(S_countries, NULL, NULL, msg, sizeof msg), DYAD_OK);
    assert_string_equal(msg, "");
    /* countries.tsv is required */
    assert_int_equal(S_load(NULL, S_cities, S_overlay, msg, sizeof msg), DYAD_EIO);
    assert_non_null(strstr(msg, "countries.tsv"));
    /* a malformed line is named */
    assert_int_equal(S_load(S_countries, NULL, "# c\n\nValdoria\tCHL\t-40.0\t-73.0\n", msg,
                            sizeof msg),
                     DYAD_EDICT);
    assert_non_null(strstr(msg, "overlay.tsv:3: malformed line"));
    /* coordinates: at most four decimals, within range */
    assert_int_equal(S_load(S_countries, NULL, "Valdoria\tCHL\t-40.00001\t-73.0\tcity\n", msg,
                            sizeof msg),
                     DYAD_EDICT);
    assert_int_equal(S_load(S_countries, NULL, "Valdoria\tCHL\t-91.0\t-73.0\tcity\n", msg,
                            sizeof msg),
                     DYAD_EDICT);
    assert_int_equal(S_load(S_countries, "Valdoria\tCHL\tX\t10\t1.0\t181.5\n", NULL, msg,
                            sizeof msg),
                     DYAD_EDICT);
    assert_non_null(strstr(msg, "cities.tsv:1:"));
    /* a place's country must be known */
    assert_int_equal(S_load(S_countries, NULL, "Valdoria\tARG\t-40.0\t-73.0\tcity\n", msg,
                            sizeof msg),
                     DYAD_EDICT);
    assert_non_null(strstr(msg, "ARG"));
    /* the built-in gazetteer loads, whether or not it has cities */
    dyad_places *p = NULL;
    assert_int_equal(dyad_places_new(&p, NULL), DYAD_OK);
    dyad_places_counts(p, &cities, &overlay, &countries);
    assert_true(countries >= 249);
    assert_true(overlay >= 50);
    dyad_places_free(p);
    assert_string_equal(dyad_places_errmsg(NULL), "out of memory");
    dyad_places_free(NULL);
}

/* ------------------------------------------------- the compiled tables */



/* Loads g_dir with b[0..n) as its places.bin; the same places as the
 * tables whether the file was used or refused.  Returns whether used. */
/* The library's notes during the damaged-file checks. */
static int g_notes;
static char g_note[512];

static void S_note(void *ctx, const char *msg)
{
    (void)ctx;
    g_notes++;
    snprintf(g_note, sizeof g_note, "%s", msg);
}

static int S_with_compiled(const unsigned char *b, size_t n, int reseal)
{
    char path[128];
    snprintf(path, sizeof path, "%s/places.bin", g_dir);
    unsigned char *c = malloc(n + 1);
    assert_non_null(c);
    if (n) memcpy(c, b, n);
    if (reseal) dyad__places_seal(c, n);
    write_whole(path, c, n);
    free(c);
    dyad_places *p = NULL;
    assert_int_equal(dyad_places_new(&p, g_dir), DYAD_OK);
    int used = dyad__places_is_compiled(p);
    /* every lookup stays inside the file's data (ASan) */
    static const char *const keys[] = {"portobello", "valdoria", "chile", "nanduvia", "peru"};
    size_t total = 0;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        const dyad__place *pl;
        size_t m = dyad__places_find(p, keys[k], &pl);
        for (size_t i = 0; i < m; i++) total += strlen(pl[i].name) + strlen(pl[i].admin1) + 1;
        if (!used) {
            const dyad__place *want;
            assert_int_equal(m, dyad__places_find(g_places, keys[k], &want));
            for (size_t i = 0; i < m; i++) assert_string_equal(pl[i].name, want[i].name);
        }
    }
    assert_true(used || total > 0);
    dyad_places_free(p);
    return used;
}

static void test_compiled(void **state)
{
    (void)state;
    char p1[128], p2[128];
    snprintf(p1, sizeof p1, "%s/places.bin", g_dir);
    snprintf(p2, sizeof p2, "%s.again", g_dir);
    dyad__err err;
    dyad__err_clear(&err);
    assert_int_equal(dyad__places_compile(g_dir, p1, &err), DYAD_OK);
    dyad_places *p = NULL;
    assert_int_equal(dyad_places_new(&p, g_dir), DYAD_OK);
    assert_true(dyad__places_is_compiled(p));
    /* the same places, senses and counts as the tables: compiled again
     * from the loaded file (which it now reads), the same bytes */
    const dyad__place *a, *b;
    assert_int_equal(dyad__places_find(p, "portobello", &a), 3);
    assert_int_equal(dyad__places_find(g_places, "portobello", &b), 3);
    for (int i = 0; i < 3; i++) {
        assert_string_equal(a[i].country, b[i].country);
        assert_string_equal(a[i].admin1, b[i].admin1);
        assert_int_equal(a[i].lat, b[i].lat);
    }
    size_t c1, o1, n1, c2, o2, n2;
    dyad_places_counts(p, &c1, &o1, &n1);
    dyad_places_counts(g_places, &c2, &o2, &n2);
    assert_true(c1 == c2 && o1 == o2 && n1 == n2);
    assert_int_equal(dyad__places_max_words(p), dyad__places_max_words(g_places));
    dyad_places_free(p);
    size_t len, len2;
    unsigned char *buf = read_whole(p1, &len);
    assert_int_equal(dyad__places_compile(g_dir, p2, &err), DYAD_OK);
    unsigned char *again = read_whole(p2, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(buf, again, len);
    free(again);
    unlink(p2);

    /* stale (another overlay.tsv's hash): the tables */
    buf[56] ^= 1;
    assert_false(S_with_compiled(buf, len, 1));
    buf[56] ^= 1;
    /* damaged: refused (with a note to the dyad_set_log hook), the tables */
    dyad_set_log(S_note, NULL);
    g_notes = 0;
    size_t cuts[] = {0, 9, 127, 128, len / 2, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) assert_false(S_with_compiled(buf, cuts[i], 0));
    buf[len / 2] ^= 0x08;
    assert_false(S_with_compiled(buf, len, 0));   /* the checksum */
    assert_int_equal(g_notes, sizeof cuts / sizeof *cuts + 1);   /* one note each */
    assert_non_null(strstr(g_note, "checksum"));
    assert_non_null(strstr(g_note, "places.bin"));
    dyad_set_log(NULL, NULL);
    buf[len / 2] ^= 0x08;
    /* behind a correct checksum: every byte changed in turn; what breaks
     * a bound is refused, the rest may be used but never leaves the data */
    for (size_t at = 64; at < len; at++) {
        unsigned char was = buf[at];
        buf[at] = (unsigned char)(was ^ 0x5A);
        S_with_compiled(buf, len, 1);
        buf[at] = was;
    }
    assert_true(S_with_compiled(buf, len, 1));   /* the intact file again */
    free(buf);

    /* the built-in gazetteer is read from the build's compiled file */
    assert_true(dyad__places_is_compiled(dyad__places_builtin()));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause_phrases),
        cmocka_unit_test(test_not_places),
        cmocka_unit_test(test_shared_names),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_loader),
        cmocka_unit_test(test_compiled),
    };
    return test_result(cmocka_run_group_tests(tests, setup, teardown));
}
