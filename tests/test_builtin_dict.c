/*
 * test_builtin_dict.c -- the built-in dictionaries of the dictionary stage
 * (data/dict, generated and copied into DYAD_BUILTIN_DICT_DIR by the
 * build): they load with no error and no warning; every ISO 3166-1
 * alpha-3 code of Debian's iso-codes is a country code; at least 600
 * office holders carry dated codes; codes follow the office (Erdogan as
 * prime minister and as president, Putin and Medvedev, ministers after
 * they left office, the Taliban before and after 15 Aug 2021, the RSF
 * before and after 15 Apr 2023, HTS and al-Sharaa after Assad);
 * demonyms, capitals and seats of power; the main international bodies;
 * and the agent roles with their sector codes and plurals.
 */
#include "testutil.h"

#include <jansson.h>

static dyad_dict *g_dict;

static int S_setup(void **state)
{
    (void)state;
    if (dyad_dict_new(&g_dict) != DYAD_OK)
        return -1;
    dyad_status st = dyad_dict_add_dir(g_dict, DYAD_BUILTIN_DICT_DIR);
    if (st != DYAD_OK && st != DYAD_EDICT)
        return -1;
    st = dyad_dict_compile(g_dict);
    return st == DYAD_OK || st == DYAD_EDICT ? 0 : -1;
}

static int S_teardown(void **state)
{
    (void)state;
    dyad_dict_free(g_dict);
    return 0;
}

/* The code in force on date of the actor entry matching the whole phrase
 * (NULL when no actor matches or no code applies).  When several actors
 * match, the first one the lookup reports is taken. */
static const char *S_actor(const char *phrase, const char *date)
{
    dyad_dict_hit hits[32];
    size_t n = dyad_dict_lookup(g_dict, phrase, hits, 32);
    for (size_t i = 0; i < n && i < 32; i++) {
        if (hits[i].kind != DYAD_DICT_ACTORS)
            continue;
        const dyad_dict_code *c = dyad_dict_actor_code(g_dict, hits[i].entry, date);
        return c ? c->code : NULL;
    }
    return NULL;
}

static void S_expect(const char *phrase, const char *date, const char *code)
{
    const char *got = S_actor(phrase, date);
    if (!got || strcmp(got, code) != 0)
        fail_msg("'%s' on %s: expected %s, got %s", phrase, date ? date : "(undated)",
                 code, got ? got : "(none)");
}

/* The agent entry matching the whole phrase: its code and flags. */
static void S_agent(const char *phrase, const char *code, int prefix)
{
    dyad_dict_hit hits[32];
    size_t n = dyad_dict_lookup(g_dict, phrase, hits, 32);
    for (size_t i = 0; i < n && i < 32; i++) {
        if (hits[i].kind != DYAD_DICT_AGENTS)
            continue;
        dyad_dict_entry e;
        assert_int_equal(dyad_dict_entry_get(g_dict, hits[i].entry, &e), DYAD_OK);
        if (!e.code || strcmp(e.code, code) != 0)
            fail_msg("agent '%s': expected %s, got %s", phrase, code, e.code ? e.code : "(none)");
        assert_int_equal((e.flags & DYAD_DICT_F_PREFIX) != 0, prefix);
        return;
    }
    fail_msg("agent '%s' not found", phrase);
}

static int S_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* ------------------------------------------------------------------ tests */

static void test_loads_clean(void **state)
{
    (void)state;
    for (size_t i = 0; i < dyad_dict_diag_count(g_dict) && i < 20; i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(g_dict, i);
        printf("# %s:%lu: %s\n", g->file ? g->file : "-", g->line, g->message);
    }
    assert_int_equal(dyad_dict_error_count(g_dict), 0);
    assert_int_equal(dyad_dict_warning_count(g_dict), 0);
    dyad_dict_stats st;
    dyad_dict_stats_get(g_dict, &st);
    assert_true(st.files >= 5);   /* countries, people, igos, nonstate, agents */
    assert_true(st.actors > 1000);
    assert_true(st.agents > 500);
}

/* Every alpha-3 code of iso_3166-1.json is the undated code of some actor
 * record of the generated countries file. */
static void test_every_iso_country(void **state)
{
    (void)state;
    json_error_t jerr;
    json_t *root = json_load_file(DYAD_ISO3166_JSON, 0, &jerr);
    assert_non_null(root);
    json_t *list = json_object_get(root, "3166-1");
    assert_true(json_is_array(list));
    assert_true(json_array_size(list) >= 249);

    /* Collect the codes of the countries file's records. */
    size_t cap = 1024, ncodes = 0;
    char (*codes)[4] = calloc(cap, sizeof *codes);
    assert_non_null(codes);
    dyad_dict_entry e;
    for (unsigned id = 1; dyad_dict_entry_get(g_dict, id, &e) == DYAD_OK; id++) {
        if (e.kind != DYAD_DICT_ACTORS || !(e.flags & DYAD_DICT_F_PRIMARY) || !e.code
            || !e.file || !S_ends_with(e.file, "countries.actors.txt") || strlen(e.code) != 3)
            continue;
        if (ncodes == cap) {
            cap *= 2;
            codes = realloc(codes, cap * sizeof *codes);
            assert_non_null(codes);
        }
        memcpy(codes[ncodes++], e.code, 4);
    }
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c) {
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        assert_non_null(a3);
        int found = 0;
        for (size_t k = 0; k < ncodes && !found; k++)
            found = strcmp(codes[k], a3) == 0;
        if (!found)
            fail_msg("ISO 3166-1 %s has no country record", a3);
    }
    free(codes);
    json_decref(root);

    /* A few names as iso-codes writes them, and as we added them. */
    S_expect("Russian Federation", NULL, "RUS");
    S_expect("Islamic Republic of Iran", NULL, "IRN");   /* "Iran, Islamic Republic of" */
    S_expect("Democratic Republic of the Congo", NULL, "COD");
}

/* At least 600 persons in people.actors.txt carry date-restricted codes. */
static void test_people_dated(void **state)
{
    (void)state;
    size_t persons = 0;
    dyad_dict_entry e;
    for (unsigned id = 1; dyad_dict_entry_get(g_dict, id, &e) == DYAD_OK; id++) {
        if (e.kind != DYAD_DICT_ACTORS || !(e.flags & DYAD_DICT_F_PRIMARY) || !e.file
            || !S_ends_with(e.file, "people.actors.txt"))
            continue;
        const dyad_dict_code *codes;
        size_t n = dyad_dict_actor_codes(g_dict, id, &codes);
        int dated = 0;
        for (size_t k = 0; k < n; k++)
            dated |= codes[k].when != DYAD_DICT_ALWAYS;
        persons += dated != 0;
    }
    printf("# %zu persons with dated codes\n", persons);
    assert_true(persons >= 600);
}

static void test_office_holders(void **state)
{
    (void)state;
    /* Erdogan: prime minister 2003-2014, president from 28 Aug 2014. */
    S_expect("Recep Tayyip Erdogan", "2010-01-01", "TURGOV");
    S_expect("Recep Tayyip Erdogan", "2020-06-10", "TURGOV");
    S_expect("Erdogan", "2002-06-01", "TURELI");
    const dyad_dict_code *codes;
    dyad_dict_hit h[4];
    assert_true(dyad_dict_lookup(g_dict, "Recep Tayyip Erdogan", h, 4) >= 1);
    const dyad_dict_code *pm = dyad_dict_actor_code(g_dict, h[0].entry, "2010-01-01");
    const dyad_dict_code *pres = dyad_dict_actor_code(g_dict, h[0].entry, "2020-06-10");
    assert_non_null(pm);
    assert_non_null(pres);
    assert_true(pm != pres);                 /* two offices, two restrictions */
    assert_int_equal(pm->to, 20140827);
    assert_int_equal(pres->from, 20140828);
    assert_true(dyad_dict_actor_codes(g_dict, h[0].entry, &codes) >= 3);

    /* Putin: president, prime minister 2008-2012, president again. */
    S_expect("Vladimir Putin", "2005-01-01", "RUSGOV");
    S_expect("Vladimir Putin", "2010-01-01", "RUSGOV");
    S_expect("Putin", "2022-03-01", "RUSGOV");
    S_expect("Putin", "1990-01-01", "RUSELI");
    /* Medvedev: president 2008-2012, prime minister 2012-2020. */
    S_expect("Dmitry Medvedev", "2010-01-01", "RUSGOV");
    S_expect("Medvedev", "2015-01-01", "RUSGOV");
    S_expect("Medvedev", "2001-01-01", "RUSELI");
    S_expect("Sergei Lavrov", "2023-01-01", "RUSGOV");
    S_expect("Dmitry Peskov", "2024-01-01", "RUSGOV");

    /* Ministers before, in and after office. */
    S_expect("Boris Johnson", "2017-01-01", "GBRGOV");   /* foreign secretary */
    S_expect("Boris Johnson", "2018-08-01", "GBRELI");   /* out of office */
    S_expect("Boris Johnson", "2020-01-01", "GBRGOV");   /* prime minister */
    S_expect("Heiko Maas", "2019-01-01", "DEUGOV");
    S_expect("Heiko Maas", "2023-01-01", "DEUELI");
    S_expect("Mike Pompeo", "2017-06-01", "USASPY");     /* CIA director */
    S_expect("Mike Pompeo", "2019-06-01", "USAGOV");
    S_expect("Mike Pompeo", "2022-06-01", "USAELI");
    S_expect("David Cameron", "2008-01-01", "GBROPP");
    S_expect("David Cameron", "2024-01-01", "GBRGOV");
    S_expect("Donald Trump", "2019-01-01", "USAGOV");
    S_expect("Donald Trump", "2023-01-01", "USAELI");
    S_expect("Donald Trump", "2025-06-01", "USAGOV");
    S_expect("Ban Ki-moon", "2005-01-01", "KORGOV");
    S_expect("Ban Ki-moon", "2010-01-01", "IGOUNO");
    S_expect("Antonio Guterres", "2023-01-01", "IGOUNO");
    S_expect("Ursula von der Leyen", "2017-01-01", "DEUGOV");
    S_expect("Ursula von der Leyen", "2023-01-01", "IGOEUREEC");
    S_expect("Mark Rutte", "2025-01-01", "IGOWSTNAT");
    /* Office holders beyond the G20 (branch dict4). */
    S_expect("Maia Sandu", "2019-09-01", "MDAGOV");     /* prime minister */
    S_expect("Maia Sandu", "2020-06-01", "MDAOPP");     /* between offices */
    S_expect("Maia Sandu", "2024-06-01", "MDAGOV");     /* president */
    S_expect("Dina Boluarte", "2023-06-01", "PERGOV");
    S_expect("Dina Boluarte", "2025-11-01", "PERELI");
    S_expect("William Ruto", "2024-06-01", "KENGOV");
    S_expect("Uhuru Kenyatta", "2024-06-01", "KENELI");
    S_expect("Ranil Wickremesinghe", "2023-06-01", "LKAGOV");
    S_expect("Anura Kumara Dissanayake", "2025-01-01", "LKAGOV");
    S_expect("Luis Montenegro", "2025-01-01", "PRTGOV"); /* not the country */
}

static void test_changed_status(void **state)
{
    (void)state;
    S_expect("Taliban", "2021-08-14", "AFGREB");
    S_expect("Taliban", "2021-08-15", "AFGGOV");
    S_expect("Taliban", "2024-01-01", "AFGGOV");
    S_expect("Hibatullah Akhundzada", "2020-01-01", "AFGREB");
    S_expect("Hibatullah Akhundzada", "2022-01-01", "AFGGOV");
    S_expect("Rapid Support Forces", "2020-01-01", "SDNMIL");
    S_expect("RSF", "2023-04-16", "SDNREB");
    S_expect("Hemedti", "2021-01-01", "SDNGOV");
    S_expect("Hemedti", "2024-01-01", "SDNREB");
    S_expect("HTS", "2020-01-01", "SYRREBMUS");
    S_expect("HTS", "2025-01-15", "SYRGOV");
    S_expect("Ahmed al-Sharaa", "2025-06-01", "SYRGOV");
    S_expect("Abu Mohammad al-Julani", "2018-01-01", "SYRREBMUS");
    S_expect("Bashar al-Assad", "2020-01-01", "SYRGOV");
    S_expect("Bashar al-Assad", "2025-01-01", "SYRELI");
    S_expect("Wagner", "2022-01-01", "RUSUAF");
    S_expect("Wagner", "2023-06-24", "RUSREB");
    S_expect("GNA", "2018-01-01", "LBYGOV");
    S_expect("LNA", "2019-04-04", "LBYREB");
    S_expect("Khalifa Haftar", "2020-01-01", "LBYREB");
    S_expect("Hamas", "2023-10-07", "PSEREBHMS");
    S_expect("Hezbollah", "2024-01-01", "LBNREB");
    S_expect("Houthis", "2024-01-01", "YEMREB");
    S_expect("Ansar Allah", "2024-01-01", "YEMREB");
    S_expect("ISIS", "2015-01-01", "IMGMUS");
    S_expect("Daesh", "2015-01-01", "IMGMUS");
    S_expect("al-Qaeda", "2010-01-01", "IMGMUSALQ");
    S_expect("al-Shabaab", "2020-01-01", "SOMREBMUS");
    S_expect("PKK", "2020-01-01", "TURREB");
    S_expect("SDF", "2020-01-01", "SYRREB");
    S_expect("YPG", "2020-01-01", "SYRREB");
    S_expect("M23", "2024-01-01", "CODREB");
    S_expect("TPLF", "2021-06-01", "ETHREB");
    S_expect("Arakan Army", "2024-01-01", "MMRREB");
    S_expect("Shining Path", "2024-01-01", "PERREB");
    S_expect("RED-Tabara", "2024-01-01", "BDIREB");
    S_expect("Barisan Revolusi Nasional", "2024-01-01", "THAREBMUS");
    S_expect("Mara Salvatrucha", "2024-01-01", "SLVCRM");
    /* parties: country + PTY in or out of power (parties.actors.txt) */
    S_expect("African National Congress", NULL, "ZAFPTY");
    S_expect("BJP", NULL, "INDPTY");
    S_expect("Georgian Dream", NULL, "GEOPTY");
    S_expect("Workers' Party of Korea", NULL, "PRKGOV");
    S_expect("Kurdistan Democratic Party of Iran", NULL, "IRNREB"); /* not the Iraqi KDP */
}

static void test_countries_and_metonyms(void **state)
{
    (void)state;
    S_expect("Russia", NULL, "RUS");
    S_expect("Russian", NULL, "RUS");
    S_expect("Turkish", NULL, "TUR");
    S_expect("Turkey", NULL, "TUR");
    S_expect("Türkiye", NULL, "TUR");
    S_expect("French", NULL, "FRA");
    S_expect("Britain", NULL, "GBR");
    S_expect("U.S.", NULL, "USA");
    S_expect("Cote d'Ivoire", NULL, "CIV");
    S_expect("Côte d'Ivoire", NULL, "CIV");
    S_expect("Islamic Republic of Iran", NULL, "IRN");
    S_expect("British Virgin Islands", NULL, "VGB");
    S_expect("Holy See", NULL, "VAT");
    S_expect("Kosovo", NULL, "KSV");
    /* capitals are the country; seats of power are the government */
    S_expect("Moscow", NULL, "RUS");
    S_expect("Ankara", NULL, "TUR");
    S_expect("Kyiv", NULL, "UKR");
    S_expect("Beijing", NULL, "CHN");
    S_expect("the Kremlin", NULL, "RUSGOV");
    S_expect("Kremlin", NULL, "RUSGOV");
    S_expect("Downing Street", NULL, "GBRGOV");
    S_expect("Elysee", NULL, "FRAGOV");
    S_expect("Élysée", NULL, "FRAGOV");
    S_expect("White House", NULL, "USAGOV");
    S_expect("Zhongnanhai", NULL, "CHNGOV");
    S_expect("Pentagon", NULL, "USAMIL");
    S_expect("Knesset", NULL, "ISRLEG");
}

static void test_igos(void **state)
{
    (void)state;
    S_expect("United Nations", NULL, "IGOUNO");
    S_expect("UN Security Council", NULL, "IGOUNO");
    S_expect("UNHCR", NULL, "IGOUNOREFHCR");
    S_expect("European Union", NULL, "IGOEUREEC");
    S_expect("European Commission", NULL, "IGOEUREEC");
    S_expect("NATO", NULL, "IGOWSTNAT");
    S_expect("African Union", NULL, "IGOAFRAFU");
    S_expect("Arab League", NULL, "IGOMEAARL");
    S_expect("OSCE", NULL, "IGOEURSCE");
    S_expect("OPEC", NULL, "IGOBUSOPC");
    S_expect("ASEAN", NULL, "IGOSEAASN");
    S_expect("International Criminal Court", NULL, "IGOJUDICC");
    S_expect("ICRC", NULL, "NGOHLHIRC");
    S_expect("IAEA", NULL, "IGOUNOIAE");
    S_expect("UNODC", NULL, "IGOUNO");
    S_expect("Inter-American Court of Human Rights", NULL, "IGOOASJUD");
    S_expect("SADC Mission in Mozambique", NULL, "IGOSAFSAD");
    S_expect("Freedom House", NULL, "NGOHRI");
    S_expect("Palestinian Red Crescent", NULL, "NGOPSEHLH");
}

static void test_agents(void **state)
{
    (void)state;
    S_agent("president", "GOV", 0);
    S_agent("prime minister", "GOV", 0);
    S_agent("foreign minister", "GOV", 0);
    S_agent("defence minister", "GOVMIL", 0);
    S_agent("spokesman", "GOV", 0);
    S_agent("spokesmen", "GOV", 0);        /* irregular plural */
    S_agent("spokeswoman", "GOV", 0);
    S_agent("troops", "MIL", 0);
    S_agent("soldiers", "MIL", 0);         /* regular plural */
    S_agent("army", "MIL", 0);
    S_agent("armies", "MIL", 0);
    S_agent("police", "COP", 0);
    S_agent("security forces", "COP", 0);
    S_agent("rebels", "REB", 0);
    S_agent("militants", "REB", 0);
    S_agent("jihadists", "REBMUS", 0);
    S_agent("gunmen", "UAF", 0);
    S_agent("protesters", "CVL", 0);
    S_agent("opposition", "OPP", 0);
    S_agent("judges", "JUD", 0);
    S_agent("lawmakers", "LEG", 0);
    S_agent("refugees", "REF", 0);
    S_agent("migrants", "REF", 0);
    S_agent("civilians", "CVL", 0);
    S_agent("doctors", "HLH", 0);
    S_agent("journalists", "MED", 0);
    S_agent("businessmen", "BUS", 0);
    S_agent("students", "EDU", 0);
    S_agent("clerics", "REL", 0);
    S_agent("aid agency", "NGO", 1);       /* NGO~: the code goes first */
    S_agent("dictators", "GOV", 0);
    S_agent("electoral commission", "GOV", 0);
    S_agent("government forces", "MIL", 0);
    S_agent("vigilantes", "UAF", 0);
    S_agent("state broadcaster", "GOVMED", 0);
    S_agent("airmen", "MIL", 0);           /* irregular plural */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_clean),
        cmocka_unit_test(test_every_iso_country),
        cmocka_unit_test(test_people_dated),
        cmocka_unit_test(test_office_holders),
        cmocka_unit_test(test_changed_status),
        cmocka_unit_test(test_countries_and_metonyms),
        cmocka_unit_test(test_igos),
        cmocka_unit_test(test_agents),
    };
    return test_result(cmocka_run_group_tests(tests, S_setup, S_teardown));
}
