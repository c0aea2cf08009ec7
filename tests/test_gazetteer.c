/*
 * test_gazetteer.c -- event locations with the built-in gazetteer: real
 * cities from GeoNames (Debian's libgeonames0, extracted at build time),
 * our overlay and the built-in dictionaries, on sentences we write: a
 * capital, a city near which fighting happened, a city shelled, Tripoli in
 * Libya and in Lebanon, Paris in France and in Texas, a city written
 * without its accent, an overlay spelling, datelines, and reproducible
 * coordinates.  When the build had no libgeonames0 the whole program
 * skips (exit 77), saying so; test_places.c covers the rules without it.
 */
#include "engine_util.h"

#include <math.h>



static int setup(void **state)
{
    (void)state;
    if (engine_util_setup() != 0) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    engine_util_teardown();
    return 0;
}


/* Codes text (dated 2024-03-06, or undated with a dateline) with the
 * built-in gazetteer and checks the first event coded code: its
 * location's country (NULL: none), name (NULL: the country only), basis
 * and, when lat is not NaN, coordinates. */
static void S_expect(const char *text, const char *code, const char *country, const char *name,
                     const char *basis, double lat, double lon)
{
    dyad_engine_options o = dyad_engine_defaults();
    o.modalities = 0xf;
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
    const dyad_record *r = NULL;
    for (size_t i = 0; i < dyad_engine_record_count(e) && !r; i++)
        if (!strcmp(dyad_engine_record(e, i)->code, code)) r = dyad_engine_record(e, i);
    if (!r) print_message("%s: no event %s\n", text, code);
    assert_non_null(r);
    const dyad_location *l = r->location;
    if (!country) {
        assert_null(l);
    } else {
        if (!l) print_message("%s: not placed\n", text);
        assert_non_null(l);
        if (strcmp(l->country, country))
            print_message("%s: placed in %s (%s)\n", text, l->country, l->name ? l->name : "-");
        assert_string_equal(l->country, country);
        if (name) {
            assert_non_null(l->name);
            assert_string_equal(l->name, name);
        } else {
            assert_null(l->name);
        }
        assert_string_equal(l->basis, basis);
        if (!isnan(lat)) {
            assert_true(fabs(l->lat - lat) < 0.05);
            assert_true(fabs(l->lon - lon) < 0.05);
        }
    }
    dyad_engine_free(e);
}

static void test_cities(void **state)
{
    (void)state;
    NEED_TAGGER();
    S_expect("Chile and Peru held talks in Lima.", "040", "PER", "Lima", "text", -12.04, -77.03);
    S_expect("Rebels attacked a convoy near Aleppo.", "190", "SYR", "Aleppo", "text", 36.20, 37.16);
    S_expect("Chilean and Peruvian ministers met in the French capital Paris.", "044", "FRA",
             "Paris", "text", 48.85, 2.35);
    /* a city written without its accent */
    S_expect("Bolivian police detained protesters in Bogota.", "173", "COL", "Bogot\xC3\xA1", "text",
             4.61, -74.08);
    /* overlay places: a region, a spelling GeoNames lacks */
    S_expect("Russian forces shelled villages in Donbas.", "194", "UKR", "Donbas", "text", NAN, NAN);
    S_expect("Sudanese soldiers shelled rebel positions in El Fasher.", "194", "SDN", "El Fasher",
             "text", 13.63, 25.35);
    /* no place named */
    S_expect("Chile accused Peru of spying.", "1125", NULL, NULL, NULL, NAN, NAN);
    /* an act of force is where it is aimed */
    S_expect("Russian forces shelled Kharkiv.", "194", "UKR", "Kharkiv", "text", 49.98, 36.25);
    S_expect("Russia annexed Ukraine's peninsula of Crimea in 2014.", "192", "UKR", "Crimea", "text",
             NAN, NAN);
}

static void test_tripoli_paris(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* the parties' country, when its Tripoli is a large city */
    S_expect("Lebanese troops clashed with gunmen in Tripoli.", "190", "LBN", "Tripoli", "text",
             34.43, 35.84);
    S_expect("Libyan troops clashed with gunmen in Tripoli.", "190", "LBY", "Tripoli", "text",
             32.89, 13.19);
    /* parties of neither country: the most populous */
    S_expect("Chile and Peru held talks in Tripoli.", "044", "LBY", "Tripoli", "text", 32.89,
             13.19);
    /* the phrase names the country */
    S_expect("Libyan troops clashed with gunmen in the Lebanese city of Tripoli.", "190", "LBN",
             "Tripoli", "text", 34.43, 35.84);
    /* Paris, Texas only when the text says so: a small town is not taken
     * for the parties' country over the capital */
    S_expect("Texas police arrested protesters in Paris.", "173", "FRA", "Paris", "text", 48.85,
             2.35);
    S_expect("Bolivian police detained protesters in Paris, Texas.", "173", "USA", "Paris", "text",
             33.66, -95.56);
    S_expect("Chilean and American diplomats met in Geneva.", "040", "CHE", "Geneva", "text",
             46.20, 6.15);
}

/* A telephone call joins two places: the dateline places the side that
 * is there, not the other. */
static void test_phone_call(void **state)
{
    (void)state;
    if (!g_tagger) { printf("SKIP: no tagger data\n"); test_skip(); }
    dyad_engine_options o = dyad_engine_defaults();
    dyad_engine *e;
    assert_int_equal(dyad_engine_new(&e, g_dict, g_tagger, &o), DYAD_OK);
    static const char text[] = "LIMA, March 5 (AFP) - Peru and Chile discussed fishing rights by phone.";
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    doc.date = "2024-03-06";
    doc.path = "test";
    assert_int_equal(dyad_engine_code(e, &doc), DYAD_OK);
    int seen = 0;
    for (size_t i = 0; i < dyad_engine_record_count(e); i++) {
        const dyad_record *r = dyad_engine_record(e, i);
        if (strcmp(r->code, "041")) continue;
        seen++;
        if (!strcmp(r->source, "PER")) {
            assert_non_null(r->location);
            assert_string_equal(r->location->country, "PER");
        } else {
            assert_null(r->location);
        }
    }
    assert_int_equal(seen, 2);
    dyad_engine_free(e);
}

static void test_datelines(void **state)
{
    (void)state;
    NEED_TAGGER();
    S_expect("MOSCOW, March 5 (TASS) - Russia and Turkey discussed the grain deal by phone.", "041",
             "RUS", "Moscow", "dateline", 55.75, 37.62);
    S_expect("WASHINGTON, March 5 (AP) - The United States imposed sanctions on Iran.", "163",
             "USA", "Washington", "dateline", 38.90, -77.04);
    S_expect("TRIPOLI, March 5 (Reuters) - Lebanese soldiers arrested two gunmen.", "173", "LBN",
             "Tripoli", "dateline", 34.43, 35.84);
    /* the target of an act of force before the dateline */
    S_expect("MOSCOW, March 5 (TASS) - Russian troops captured Bakhmut.", "192", "UKR", "Bakhmut",
             "text", 48.59, 38.00);
    /* a statement is made where its speaker is */
    S_expect("MOSCOW, March 5 (TASS) - Russia accused Ukraine of war crimes.", "1124", "RUS",
             "Moscow", "dateline", 55.75, 37.62);
    S_expect("MOSCOW, March 5 (TASS) - Ukraine accused Russia of war crimes.", "1124", NULL, NULL,
             NULL, NAN, NAN);
    /* a dateline far from both parties does not place their strikes */
    S_expect("BEIRUT, March 5 (Reuters) - Israeli jets struck Syrian army positions.", "195", NULL,
             NULL, NULL, NAN, NAN);
}

/* The coordinates are written with four decimals, the same bytes on any
 * machine. */
static void test_json(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_engine *e;
    assert_int_equal(dyad_engine_new(&e, g_dict, g_tagger, NULL), DYAD_OK);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = "Chile and Peru held talks in Lima.";
    doc.len = strlen(doc.text);
    doc.path = "test";
    assert_int_equal(dyad_engine_code(e, &doc), DYAD_OK);
    assert_true(dyad_engine_record_count(e) >= 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dyad_json *j = dyad_json_new(f);
    dyad_record_write_json(dyad_engine_record(e, 0), j);
    dyad_json_free(j);
    fclose(f);
    const char *lat = strstr(buf, "\"lat\":");
    assert_non_null(lat);
    const char *dot = strchr(lat, '.');
    assert_non_null(dot);
    assert_int_equal(strspn(dot + 1, "0123456789"), 4);
    free(buf);
    dyad_engine_free(e);
}

int main(void)
{
    dyad_places *p = NULL;
    size_t cities = 0;
    if (dyad_places_new(&p, NULL) != DYAD_OK) {
        printf("the built-in gazetteer does not load: %s\n", dyad_places_errmsg(p));
        dyad_places_free(p);
        return 1;
    }
    dyad_places_counts(p, &cities, NULL, NULL);
    dyad_places_free(p);
    if (cities == 0) {
        printf("SKIP: the built-in gazetteer has no cities: the build had no libgeonames0"
               " (Debian package; scripts/bootstrap installs it) or was configured with"
               " -DDYAD_GEONAMES=OFF\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cities),
        cmocka_unit_test(test_tripoli_paris),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_phone_call),
        cmocka_unit_test(test_json),
    };
    return test_result(cmocka_run_group_tests(tests, setup, teardown));
}
