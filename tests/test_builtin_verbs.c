/*
 * test_builtin_verbs.c -- the built-in verb dictionary (data/dict/verbs.txt,
 * which the build copies into DYAD_BUILTIN_DICT_DIR): the built-in folder
 * loads with no error or warning; the verb lines and patterns reach all
 * twenty CAMEO roots and at least 200 distinct event codes, every one of
 * them a code of the CAMEO table; and, root by root, sentences we wrote
 * for these tests (news-like, taken from no codebook or data set) go
 * through the public API -- text analyser, built-in tagger and chunker,
 * coder with the built-in dictionaries -- and give exactly the expected
 * (source, target, code) events.  The coding tests need the tagger data
 * (Debian's liblingua-en-tagger-perl) and skip with a message without it.
 */
#include "coding_util.h"

#define S_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------- the dictionary itself */

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
    assert_true(st.verb_blocks >= 100);
    assert_true(st.verbs >= 400);
    assert_true(st.patterns >= 1000);
    assert_true(st.synsets >= 50);
}

/* The distinct codes a verb line or a pattern can give (both halves of a
 * paired code [A:B]). */
typedef struct codeset {
    char v[512][8];
    size_t n;
} codeset;

static void S_add_code(codeset *s, const char *code)
{
    if (!code || !*code || strcmp(code, "---") == 0)
        return;
    const dyad_cameo_info *info = NULL;
    if (dyad_cameo_lookup(code, &info) != DYAD_OK)
        fail_msg("verb code '%s' is not a CAMEO code", code);
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], code) == 0)
            return;
    assert_true(s->n < S_LEN(s->v));
    assert_true(strlen(code) < sizeof s->v[0]);
    strcpy(s->v[s->n++], code);
}

static void test_codes_reachable(void **state)
{
    (void)state;
    static codeset s;
    s.n = 0;
    /* entry ids run past the internal synset members, which are not
     * entries of the public API: walk the whole range */
    dyad_dict_stats st;
    dyad_dict_stats_get(g_dict, &st);
    size_t nverbs = 0, last = st.entries + st.synset_members + 16;
    for (unsigned id = 1; id <= last; id++) {
        dyad_dict_entry e;
        if (dyad_dict_entry_get(g_dict, id, &e) != DYAD_OK || e.kind != DYAD_DICT_VERBS)
            continue;
        nverbs++;
        S_add_code(&s, e.code);
        S_add_code(&s, e.passive_code);
    }
    assert_int_equal(nverbs, st.verb_forms);
    size_t np = dyad_dict_pattern_count(g_dict);
    for (unsigned id = 1; id <= np; id++) {
        dyad_dict_pattern p;
        assert_int_equal(dyad_dict_pattern_get(g_dict, id, &p), DYAD_OK);
        S_add_code(&s, p.code);
        S_add_code(&s, p.passive_code);
    }
    printf("# %zu distinct CAMEO event codes reachable from %zu verb forms and %zu patterns\n",
           s.n, nverbs, np);
    assert_true(s.n >= 200);
    /* every root has codes */
    for (int root = 1; root <= 20; root++) {
        char r[3];
        snprintf(r, sizeof r, "%02d", root);
        size_t k = 0;
        for (size_t i = 0; i < s.n; i++)
            k += strncmp(s.v[i], r, 2) == 0;
        if (k == 0)
            fail_msg("no verb or pattern codes an event of root %s", r);
    }
}

/* -------------------------------------------------------------- coding */

typedef struct vcase {
    const char *text;       /* one sentence */
    const char *events;     /* "SRC TGT CODE; ..." exactly, "" for none */
} vcase;

/* Codes each sentence and compares its events with the expected set;
 * reports every mismatch of the table before failing. */
static void S_run(const vcase *cases, size_t n)
{
    if (!g_tagger) {
        printf("SKIP: no tagger data\n");
        test_skip();
    }
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = cases[i].text;
        coding_code(s, 0, 1, NULL);   /* each sentence a story */
        if (!coding_check(cases[i].events, s))
            bad++;
    }
    if (bad)
        fail_msg("%d of %zu sentences coded otherwise", bad, n);
}

/* ------------------------------------------------------- the sentences */

/* Statements: say 010, decline to comment 011, concern 012, optimism 013,
 * consider 014, claim responsibility 015, deny 016, a wreath 017,
 * condolences 018, agree with 019, warn of a danger 012. */
static const vcase ROOT_01[] = {
    /* a bare statement is attribution, not an event (dyad code's news
     * mode drops 010; what was said is coded from the reported clause) */
    {"Germany said on Monday that the talks with Poland had been useful.",
     ""},
    {"Germany made a statement on Monday about the talks with Poland.",
     ""},
    {"The Kremlin declined to comment on the report about Finland.",
     "RUSGOV FIN 011"},
    {"India voiced concern over the growing tension with Pakistan.",
     "IND PAK 012"},
    {"Japan expressed optimism about its trade negotiations with Australia.",
     "JPN AUS 013"},
    {"The Canadian government is considering sanctions against Iran.",
     "CANGOV IRN 014"},
    {"The Islamic State claimed responsibility for the bombing in Afghanistan.",
     "IMGMUS AFG 015"},
    {"Iran denied any involvement in the attack on Saudi Arabia.",
     "IRN SAU 016"},
    {"The Japanese prime minister laid a wreath at the memorial in China.",
     "JPNGOV CHN 017"},
    {"Brazil expressed condolences to Morocco after the earthquake.",
     "BRA MAR 018"},
    {"Spain agreed with Portugal that the border deal was fair.",
     "ESP PRT 019"},
    {"Russia expressed concern about Israel's plans.",
     "RUS ISR 012"},
    /* news mode: a concern about a place, or a hope about what others
     * may do, is no act toward them */
    {"Russia warned of a humanitarian catastrophe in Gaza.",
     ""},
    {"Spain hopes Portugal can help.",
     ""},
    {"A spokeswoman for the Chilean government would not comment on the talks with Bolivia.",
     "CHLGOV BOL 011"},
    {"Condolences poured in from Chile to Peru after the earthquake.",
     "CHL PER 018"},
    {"The Finnish president planted a tree in memory of Estonian soldiers.",
     "FINGOV ESTMIL 017"},
    {"The Danish defence ministry had no comment on Russia's naval exercises.",
     "DNKGOVMIL RUS 011"},
    {"Chile rebutted claims by Bolivia that it had closed the border.",
     "CHL BOL 016"},
    {"The Ecuadorean president commiserated with Peru after the floods.",
     "ECUGOV PER 018"},
    {"The Bolivian smuggler pleaded guilty to bribing Chilean customs officers.",
     "BOLCRM CHLCOP 015"},
    {"Two Peruvian officers pleaded not guilty to charges brought by Chile.",
     "PERMIL CHL 016"},
    {"Ecuador received condolences from Colombia after the earthquake.",
     "COL ECU 018"},
    {"Chile expressed its commiseration to Peru after the floods.",
     "CHL PER 018"},
};

/* Appeals: what is asked for picks the code.  The infinitive after the
 * appeal ("to release") is no event of its own. */
static const vcase ROOT_02[] = {
    {"Egypt urged Ethiopia to resume negotiations over the dam.",
     "EGY ETH 026"},
    {"The European Union called on Serbia to release the detained journalists.",
     "IGOEUREEC SRB 0253"},
    {"The United Nations called for an immediate ceasefire in Gaza.",
     "IGOUNO PSE 0256"},
    {"Ukraine appealed to Germany for more air defence systems.",
     "UKR DEU 0232"},
    {"Sudan asked the United Nations for humanitarian aid.",
     "SDN IGOUNO 0233"},
    {"Turkey urged Sweden to extradite the suspects.",
     "TUR SWE 0213"},
    {"Canada urged Haiti to hold free elections.",
     "CAN HTI 0244"},
    {"France urged Mali to allow United Nations peacekeepers back.",
     "FRA MLI 0255"},
    {"Kenya appealed to Somalia for restraint.",
     "KEN SOM 0256"},
    {"Qatar urged Israel and Hamas to accept mediation.",
     "QAT ISR 028; QAT PSEREBHMS 028"},
    {"Norway called on Colombia to reach a peaceful settlement with the rebels.",
     "NOR COL 027"},
    {"Poland urged the European Union to lift sanctions on Belarus.",
     "POL IGOEUREEC 0254"},
    {"Ukraine called on NATO to send more air defence systems.",
     "UKR IGOWSTNAT 0232"},
    {"The United Nations called on Israel and Hamas to agree to a ceasefire.",
     "IGOUNO ISR 0256; IGOUNO PSEREBHMS 0256"},
    {"Colombia asked for the extradition of a drug lord from Venezuela.",
     "COL VEN 0213"},
    {"Lithuania urged Poland to sell drones to Ukraine.",
     "LTU POL 0232"},
    {"Vietnam urged China to reconsider its curbs on rice imports.",
     "VNM CHN 0242"},
    {"Mali requested intelligence from Senegal about the gunmen.",
     "MLI SEN 0214"},
    {"Kenya urged Uganda to honour the trade agreement.",
     "KEN UGA 0211"},
    {"Qatar urged Afghanistan to allow girls to return to school.",
     "QAT AFG 0243"},
    {"Haiti solicited help from Canada after the hurricane.",
     "HTI CAN 023"},
    {"Argentina sought the extradition of a banker from Uruguay.",
     "ARG URY 0213"},
    {"Somalia sought peacekeepers from the African Union.",
     "SOM IGOAFRAFU 0234"},
    {"Jordan sought intelligence from Iraq about the smugglers.",
     "JOR IRQ 0214"},
};

/* Intent: pledges, offers, plans and agreements to act; "would send" is a
 * promise, not a delivery. */
static const vcase ROOT_03[] = {
    {"Japan pledged humanitarian aid to Turkey after the earthquake.",
     "JPN TUR 0333"},
    {"The United States promised military aid to Taiwan.",
     "USA TWN 0332"},
    {"China offered to mediate between Russia and Ukraine.",
     "CHN RUS 039; CHN UKR 039"},
    {"France agreed to hold talks with Algeria next month.",
     "FRA DZA 036"},
    {"Russia offered to hold talks with Ukraine.",
     "RUS UKR 036"},
    {"Iran plans to hold talks with Saudi Arabia in Baghdad.",
     "IRN SAU 036"},
    {"Israel agreed to release Palestinian prisoners.",
     "ISR PSE 0353"},
    {"Armenia and Azerbaijan agreed to a ceasefire.",
     "ARM AZE 0356; AZE ARM 0356"},
    {"India and China agreed to resume border talks.",
     "IND CHN 036; CHN IND 036"},
    {"Georgia offered asylum to the Russian dissident.",
     "GEO RUSOPP 030"},
    {"Morocco said it would send aid to Libya.",
     "MAR LBY 033"},
    {"Norway pledged to extradite the suspect to Sweden.",
     "NOR SWE 0313"},
    {"Turkey offered to train Somali soldiers.",
     "TUR SOMMIL 0312"},
    {"Japan pledged support for India's bid to host the summit.",
     "JPN IND 032"},
    {"Ghana promised to back Togo in the election.",
     "GHA TGO 032"},
    {"Peru and Ecuador pledged to resolve their fishing dispute.",
     "PER ECU 037; ECU PER 037"},
    {"Estonia pledged troops to defend Latvia.",
     "EST LVA 0334"},
    {"The Bolivian president said he would resign.",
     "BOLGOV  0341"},
    {"Ghana's military rulers pledged to return power to civilians.",
     "GHAMILGOV  0344"},
    {"The rebels in Colombia pledged to halt attacks on the police.",
     "COLREB COLCOP 0356"},
    {"Estonia agreed to provide military aid to Ukraine.",
     "EST UKR 0332"},
    {"Hungary indicated it would back down in its dispute with Romania.",
     "HUN ROU 035"},
    {"Japan hinted it would send aid to the Philippines.",
     "JPN PHL 033"},
    {"Chile offered to cooperate with Peru on building a new port.",
     "CHL PER 031"},
    {"Brazil agreed to cooperate with Argentina on trade.",
     "BRA ARG 0311"},
    {"The Bolivian president received an invitation from Paraguay.",
     "PRY BOLGOV 036"},
};

/* Consult: by phone or video 041 against plain discussion 040, visits 042
 * with the host's 043, hosting 043 with the visitor's 042, a meeting on
 * the sidelines 044, mediation 045, negotiation 046.  In news mode a
 * consultation with a named party is mutual: coded both ways. */
static const vcase ROOT_04[] = {
    {"The French president spoke with the Indian prime minister over the phone.",
     "FRAGOV INDGOV 041; INDGOV FRAGOV 041"},
    {"Egypt discussed the crisis in Sudan with Saudi Arabia in a telephone conversation.",
     "EGY SAU 041; SAU EGY 041"},
    {"Germany discussed the climate with Brazil in a video call.",
     "DEU BRA 041; BRA DEU 041"},
    {"Japan discussed North Korea with South Korea over the phone.",
     "JPN KOR 041; KOR JPN 041"},
    {"Armenia and Azerbaijan discussed the peace deal in a video call.",
     "ARM AZE 041; AZE ARM 041"},
    {"Germany discussed energy security with Norway.",
     "DEU NOR 040; NOR DEU 040"},
    {"Germany and Brazil discussed the climate.",
     "DEU BRA 040; BRA DEU 040"},
    {"China and Brazil held talks on trade.",
     "CHN BRA 040; BRA CHN 040"},
    {"Chile consulted Argentina about the border.",
     "CHL ARG 040; ARG CHL 040"},
    {"The French president called the Russian president on Friday.",
     "FRAGOV RUSGOV 041; RUSGOV FRAGOV 041"},
    {"The Turkish president received a phone call from the Russian president.",
     "RUSGOV TURGOV 041; TURGOV RUSGOV 041"},
    {"The Indian foreign minister visited Moscow.",
     "INDGOV RUS 042; RUS INDGOV 043"},
    {"The Indian prime minister paid a visit to Russia.",
     "INDGOV RUS 042; RUS INDGOV 043"},
    {"The Saudi foreign minister flew to Tehran for talks.",
     "SAUGOV IRN 042; IRN SAUGOV 043"},
    {"Vietnam hosted the South Korean president.",
     "VNM KORGOV 043; KORGOV VNM 042"},
    {"The Egyptian president received the Jordanian king in Cairo.",
     "EGYGOV JORGOV 043; JORGOV EGYGOV 042"},
    {"Saudi Arabia hosted talks between Russia and Ukraine.",
     "SAU RUS 043; SAU UKR 043; RUS SAU 042; UKR SAU 042; RUS UKR 040; UKR RUS 040"},
    {"The Japanese prime minister met the Chinese president on the sidelines of the summit.",
     "JPNGOV CHNGOV 044; CHNGOV JPNGOV 044"},
    {"Qatar mediated between Israel and Hamas.",
     "QAT ISR 045; QAT PSEREBHMS 045"},
    {"Egypt brokered a ceasefire between Israel and Hamas.",
     "EGY ISR 045; EGY PSEREBHMS 045"},
    {"Iran negotiated with the United States over its nuclear programme.",
     "IRN USA 046; USA IRN 046"},
    {"Brazil interceded with Venezuela on behalf of the detained journalists.",
     "BRA VEN 045"},
};

/* Diplomatic cooperation: praise, verbal defence, recognition, apology,
 * signed agreements, restored ties.  A signed law is no event. */
static const vcase ROOT_05[] = {
    {"Chile and Peru elevated ties to a strategic partnership.",
     "CHL PER 050; PER CHL 050"},
    {"The United States praised Kenya for its role in Haiti.",
     "USA KEN 051"},
    {"Germany welcomed the decision of Poland.",
     "DEU POL 051"},
    {"Germany went along with the plan of Poland.",
     "DEU POL 051"},
    {"The Russian president is courting the Turkish president.",
     "RUSGOV TURGOV 050"},
    {"Chile conferred its highest honour on Peru's foreign minister.",
     "CHL PERGOV 051"},
    {"Pakistan defended China against the criticism.",
     "PAK CHN 052"},
    {"Spain recognized Palestine as a state.",
     "ESP PSE 054"},
    {"Japan apologized to South Korea.",
     "JPN KOR 055"},
    {"Russia and China signed a trade agreement.",
     "RUS CHN 057; CHN RUS 057"},
    {"India signed a defence pact with France.",
     "IND FRA 057; FRA IND 057"},
    {"Israel and Morocco restored diplomatic ties.",
     "ISR MAR 050; MAR ISR 050"},
    {"The president of Kazakhstan signed a law on elections.",
     ""},
    {"Portugal joined Spain in a diplomatic initiative on fishing.",
     "PRT ESP 050"},
    {"The Peruvian journalist received an award from Chile.",
     "CHL PERMED 051"},
    {"Peru received an apology from Chile over the spying affair.",
     "CHL PER 055"},
};

/* Material cooperation: trade, joint drills, extradition, intelligence. */
static const vcase ROOT_06[] = {
    {"Russia and China cooperate on energy.",
     "RUS CHN 061; CHN RUS 061"},
    {"France held joint military drills with India.",
     "FRA IND 062; IND FRA 062"},
    {"Germany extradited the suspect to Turkey.",
     "DEU TUR 063"},
    {"Britain shared intelligence with Ukraine.",
     "GBR UKR 064"},
    {"Laos joined Thailand in building a new dam.",
     "LAO THA 060"},
    {"Belgian police worked with Dutch investigators to break up the gang.",
     "BELCOP NLD 063"},
    {"Uruguay increased trade with Paraguay.",
     "URY PRY 061"},
    {"Indonesia opened its markets to investors from Japan.",
     "IDN JPN 061"},
    {"Estonia held joint naval drills with Finland.",
     "EST FIN 062; FIN EST 062"},
    {"Poland conducted joint military exercises with Lithuania.",
     "POL LTU 062; LTU POL 062"},
    {"Brazil conducted joint patrols with Paraguay.",
     "BRA PRY 062; PRY BRA 062"},
};

/* Aid: the kind of aid picks the code.  A delivered speech is no event. */
static const vcase ROOT_07[] = {
    {"Last year, Japan helped Vietnam build a new port.",
     "JPN VNM 070"},
    {"Japan sent humanitarian aid to Turkey.",
     "JPN TUR 073"},
    {"The United States provided military aid to Ukraine.",
     "USA UKR 072"},
    {"The IMF gave Egypt a loan of three billion dollars.",
     "IGOBUSIMF EGY 071"},
    {"Saudi Arabia donated money to Yemen.",
     "SAU YEM 071"},
    {"France deployed peacekeepers to the Central African Republic.",
     "FRA CAF 074"},
    {"Germany granted asylum to the Russian dissident.",
     "DEU RUSOPP 075"},
    {"Ukraine received air defence systems from Germany.",
     "DEU UKR 072"},
    {"The Nigerian president delivered a speech in Ghana.",
     ""},
    {"Qatar deposited two billion dollars in Egypt's central bank.",
     "QAT EGYGOVBUS 071"},
    {"Japan sent troops to protect Palau.",
     "JPN PLW 074"},
    {"Brazil deployed police officers to Haiti.",
     "BRA HTI 074"},
};

/* Yield: sanctions, captives, troops, curfews, emergency rule, aid let in,
 * truces, blockades. */
static const vcase ROOT_08[] = {
    {"The European Union lifted sanctions on Venezuela.",
     "IGOEUREEC VEN 085"},
    {"Hamas released two American hostages.",
     "PSEREBHMS USACVL 0841"},
    {"Israel withdrew its troops from Lebanon.",
     "ISR LBN 0874"},
    {"The government of Ecuador lifted the curfew in Quito.",
     "ECUGOV ECU 0813"},
    {"Thailand lifted the state of emergency in Myanmar.",
     "THA MMR 0814"},
    {"Turkey allowed humanitarian aid into Syria.",
     "TUR SYR 0863"},
    {"Israel and Hamas declared a truce.",
     "ISR PSEREBHMS 0871; PSEREBHMS ISR 0871"},
    {"Egypt eased the blockade of Gaza.",
     "EGY PSE 0872"},
    {"Israel and Hamas exchanged prisoners.",
     "ISR PSEREBHMS 0841; PSEREBHMS ISR 0841"},
    {"Chile released the Peruvian fishermen and their boat.",
     "CHL PERAGR 084"},
    {"Russia returned the seized ship and its crew to Norway.",
     "RUS NOR 084"},
    {"The Moldovan government bowed to the demands of the teachers.",
     "MDAGOV MDAEDU 080"},
    {"The Peruvian court lifted a ban on the former president.",
     "PERJUD PERELI 0812"},
    {"Ghana accepted peacekeepers from the United Nations.",
     "GHA IGOUNO 0861"},
    {"Serbia pulled back its troops from the border with Kosovo.",
     "SRB KSV 087"},
    {"China reduced its troops on the Indian border.",
     "CHN IND 087"},
    {"Egypt eased the travel restrictions on students from Sudan.",
     "EGY SDN 081"},
    {"The Italian government dropped the fuel tax that truckers had opposed.",
     "ITAGOV  0832"},
    {"The Colombian government succumbed to pressure from Venezuela.",
     "COLGOV VEN 080"},
};

/* Investigations of war crimes and of military action. */
static const vcase ROOT_09[] = {
    {"The International Criminal Court investigated war crimes in Ukraine.",
     "IGOJUDICC UKR 094"},
    {"The United Nations investigated the airstrike in Yemen.",
     "IGOUNO YEM 093"},
};

/* Demands: what is demanded picks the code. */
static const vcase ROOT_10[] = {
    {"Chile pressured Peru to release the prisoners.",
     "CHL PER 100"},
    {"Iran demanded that Sweden release the Iranian diplomat.",
     "IRN SWE 1053"},
    {"China demanded that Japan withdraw its warships from the strait.",
     "CHN JPN 1056"},
    {"Ukraine demanded more weapons from NATO.",
     "UKR IGOWSTNAT 1032"},
    {"Protesters in Kenya demanded the resignation of the president.",
     "KENCVL KENGOV 1041"},
    {"Chad demanded the extradition of the rebel leader from Sudan.",
     "TCD SDN 1013"},
    {"Haiti demanded peacekeepers from Brazil.",
     "HTI BRA 1034"},
    {"Jordan demanded that Syria resume talks on water.",
     "JOR SYR 106"},
    {"Ghana demanded cooperation from Togo against the smugglers.",
     "GHA TGO 101"},
    {"Laos demanded intelligence from Thailand on the traffickers.",
     "LAO THA 1014"},
    {"Iraq demanded that Turkey restore trade across the border.",
     "IRQ TUR 1011"},
    {"Niger demanded that France provide budget support.",
     "NER FRA 1031"},
    {"Lithuania demanded that its allies in NATO send more troops to the region.",
     "LTU IGOWSTNAT 1012"},
};

/* Disapproval: criticism, accusations by charge (1121-1125), official
 * complaints, legal action, verdicts, name-calling. */
static const vcase ROOT_11[] = {
    {"Ghana pointed a finger at Togo.",
     "GHA TGO 112"},
    {"France condemned the attack on the Iranian embassy.",
     "FRA IRNGOV 111"},
    {"Japan condemned North Korea's missile test.",
     "JPN PRK 111"},
    {"Poland accused Belarus.",
     "POL BLR 112"},
    {"Prosecutors in Peru accused the Peruvian president of corruption.",
     "PERJUD PERGOV 1121"},
    {"Amnesty International accused Myanmar of torturing prisoners.",
     "NGOHRIAMN MMR 1122"},
    {"Venezuela accused Guyana of aggression.",
     "VEN GUY 1123"},
    {"Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant.",
     "RUS UKR 1123"},
    {"Ukraine accused Russia of war crimes.",
     "UKR RUS 1124"},
    {"China accused the United States of spying.",
     "CHN USA 1125"},
    {"China lodged a formal protest with Japan.",
     "CHN JPN 114"},
    {"Germany summoned the Russian ambassador.",
     "DEU RUSGOV 114"},
    {"Britain called in the Chinese ambassador.",
     "GBR CHNGOV 114"},
    {"South Africa filed a case against Israel at the International Court of Justice.",
     "ZAF ISR 115"},
    {"A Russian court convicted an American journalist of espionage.",
     "RUSJUD USAMED 116"},
    {"Ukraine called Russia a terrorist state.",
     "UKR RUS 111"},
    {"Poland urged Lithuania to unite against Belarus.",
     "POL BLR 113"},
    {"Ukraine rallied international opposition against Belarus.",
     "UKR BLR 113"},
    {"Chile accused Peru's border guards of taking bribes.",
     "CHL PERCOP 1121"},
    {"Colombia shunned the Venezuelan envoy at the summit.",
     "COL VENGOV 113"},
    {"Norway faulted Russia for the collapse of the fisheries talks.",
     "NOR RUS 111"},
    {"Uruguay excoriated Argentina over the river pollution.",
     "URY ARG 111"},
    {"Poland took issue with Germany over the pipeline.",
     "POL DEU 110"},
};

/* Rejection and refusal: of talks, plans, recognition, access, mediation;
 * vetoes and defiance. */
static const vcase ROOT_12[] = {
    {"North Korea rejected talks with South Korea.",
     "PRK KOR 125"},
    {"Hamas rejected the Egyptian peace plan.",
     "PSEREBHMS EGY 127"},
    {"Serbia refused to recognize Kosovo.",
     "SRB KSV 124"},
    {"Israel refused to allow United Nations investigators into Gaza.",
     "ISR IGOUNO 1245"},
    {"Iran rejected mediation by Oman.",
     "IRN OMN 126"},
    {"Russia vetoed the draft resolution on Syria.",
     "RUS SYR 129"},
    {"Niger defied the sanctions imposed by Nigeria.",
     "NER NGA 128"},
    {"Austria refused to extradite the banker to Russia.",
     "AUT RUS 1213"},
    {"Brazil refused to send peacekeepers to Haiti.",
     "BRA HTI 1224"},
    {"Canada declined to send police to Haiti.",
     "CAN HTI 1224"},
    {"Israel refused to withdraw its troops from Lebanon.",
     "ISR LBN 1246"},
    {"Germany refused to sell drones to Ukraine.",
     "DEU UKR 1222"},
    {"China rejected India's demand to lift the ban on sugar exports.",
     "CHN IND 1232"},
    {"The Peruvian government refused to drop the mining tax.",
     "PERGOV  1232"},
    {"Belarus vowed to continue its crackdown on the opposition.",
     "BLR BLROPP 1242"},
    {"Hungary refused to ease its treatment of dissidents.",
     "HUN HUNOPP 1242"},
    {"Mali scorned the proposal from France.",
     "MLI FRA 120"},
    {"Serbia brushed aside criticism from Croatia.",
     "SRB HRV 120"},
    {"Georgia disregarded the demands of Russia.",
     "GEO RUS 128"},
    {"Ecuador declined to cooperate with Colombia on the new dam.",
     "ECU COL 121"},
    {"Ghana refused to take part in the Nigerian pipeline project.",
     "GHA NGA 121"},
};

/* Threats and warnings: what is threatened picks the code. */
static const vcase ROOT_13[] = {
    {"Russia warned Finland of consequences.",
     "RUS FIN 130"},
    {"China warned the Philippines against provocations.",
     "CHN PHL 130"},
    {"Russia threatened to cut gas supplies to Moldova.",
     "RUS MDA 1312"},
    {"The European Union threatened to suspend aid to Niger.",
     "IGOEUREEC NER 1311"},
    {"The United States threatened sanctions against Turkey.",
     "USA TUR 1312"},
    {"Pakistan threatened to expel the Afghan ambassador.",
     "PAK AFGGOV 1313"},
    {"China threatened to blockade Taiwan.",
     "CHN TWN 1381"},
    {"Azerbaijan threatened to attack Armenia.",
     "AZE ARM 1384"},
    {"North Korea threatened to use nuclear weapons against South Korea.",
     "PRK KOR 1385"},
    {"Israel gave Hamas an ultimatum.",
     "ISR PSEREBHMS 139"},
    {"Bolivia threatened to recall its ambassador from Peru.",
     "BOL PER 1313"},
    {"Norway warned that it could cut aid to Malawi.",
     "NOR MWI 1311"},
    {"Algeria warned it could close the border to Morocco.",
     "DZA MAR 1381"},
    {"Serbia warned the protesters that force would be used against them.",
     "SRB SRBCVL 137"},
    {"Peru warned that it could break off talks with Bolivia.",
     "PER BOL 134"},
    {"Bolivia warned Chile it would take economic steps.",
     "BOL CHL 131"},
};

/* Protest: demonstrations (for a change of policy 1412), hunger strikes,
 * blockades, riots.  A protest is an act of one party: the place it was
 * held is its location, not a second party (empty target). */
static const vcase ROOT_14[] = {
    {"Thousands of Serbian students demonstrated in Belgrade against the government.",
     "SRBEDU SRBGOV 141"},
    {"Thousands of French workers protested against the pension reform in Paris.",
     "FRALAB  1412"},
    {"Iranian activists went on hunger strike in Turkey.",
     "IRNCVL  142"},
    {"Belgian farmers blocked roads in Brussels.",
     "BELAGR  144"},
    {"Kenyan protesters rioted in Nairobi.",
     "KENCVL  145"},
    {"Nurses in Spain walked out to demand higher pay.",
     "ESPHLH  1432"},
    {"The opposition in Ghana boycotted the election.",
     "GHAOPP  143"},
    {"Truckers in Spain blockaded the border crossing.",
     "ESP  144"},
    {"Fishermen in Ireland blockaded the port over the new quotas.",
     "IRLAGR  1442"},
    {"Farmers in Spain clashed with police over the water rules.",
     "ESPAGR ESPCOP 1452"},
    {"Rioters in Chile set fire to a bank over the fuel tax.",
     "CHLCVL CHLBUS 1452"},
    {"An activist in Peru staged a hunger strike calling for reform of the police.",
     "PERCVL PERCOP 1424"},
    {"Protesters in Chile blocked the highway calling for the president to step down.",
     "CHLCVL CHLGOV 1441"},
    {"Farmers in France boycotted the supermarkets to protest imports from Brazil.",
     "FRAAGR  1432"},
    {"Rioters in Kenya burned police cars to demand the president's resignation.",
     "KENCVL KEN 1451"},
    {"Demonstrators in Peru protested to force the president out.",
     "PERCVL PERGOV 1411"},
    {"Rioters in Peru set fire to the town hall to force the governor out.",
     "PERCVL PERGOV 1451"},
    {"Unions in Chile called a general strike to force the president out.",
     "CHLLAB CHLGOV 1431"},
    {"Unions in Spain called a general strike over the pension reform.",
     "ESPLAB  1432"},
    {"Thousands of Peruvians massed in Lima in protest of the new law.",
     "PER  141"},
};

/* Force posture: deployments near another state. */
static const vcase ROOT_15[] = {
    {"China deployed warships near Taiwan.",
     "CHN TWN 154"},
    /* troops put on alert "in" a place: its location, not a target */
    {"Pakistan's army went on high alert in Kashmir.",
     "PAKMIL  152"},
    {"Belarus mobilized troops near the border with Poland.",
     "BLR POL 154"},
    {"China held large military drills near the border with Vietnam.",
     "CHN VNM 150"},
    {"China sent warships near the Philippines in a show of force.",
     "CHN PHL 150"},
    {"India put its troops on alert along the border with Pakistan.",
     "IND PAK 152"},
    {"Greece mobilized its navy on the border with Turkey.",
     "GRC TUR 154"},
    {"Japan mobilized its cyber forces against China.",
     "JPN CHN 155"},
    {"Japan set up a cyber command to counter North Korea.",
     "JPN PRK 155"},
};

/* Reduced relations: ties, envoys, aid, sanctions, talks, expelled
 * peacekeepers. */
static const vcase ROOT_16[] = {
    {"Canada severed diplomatic ties with Iran.",
     "CAN IRN 161"},
    {"Poland recalled its ambassador from Israel.",
     "POL ISR 161"},
    {"Mali expelled the French ambassador.",
     "MLI FRAGOV 161"},
    {"The United States cut aid to Niger.",
     "USA NER 162"},
    {"Germany suspended military aid to Turkey.",
     "DEU TUR 1622"},
    {"The European Union imposed sanctions on Russia.",
     "IGOEUREEC RUS 163"},
    /* tariffs are sanctions: raised, doubled, hit with, retaliated by */
    {"Argentina doubled the Chilean tariff on Peruvian copper.",
     "ARG PER 163"},
    {"Mexico hit Guatemala with a 30% levy on its coffee exports.",
     "MEX GTM 163"},
    {"Chile responded by announcing higher tariffs on Bolivian exports.",
     "CHL BOL 163"},
    {"Ukraine broke off talks with Russia.",
     "UKR RUS 164"},
    {"Mali expelled United Nations peacekeepers.",
     "MLI IGOUNOMIL 1661"},
    {"Burundi closed the United Nations office in Bujumbura.",
     "BDI IGOUNO 166"},
};

/* Coercion: seizure, destruction, curfews, arrest, deportation,
 * repression, cyber attack. */
static const vcase ROOT_17[] = {
    {"Moroccan police broke up a terrorist cell in Rabat.",
     "MARCOP MARREB 173"},
    {"Iran seized a British oil tanker.",
     "IRN GBR 1711"},
    {"Israeli troops demolished Palestinian homes in the West Bank.",
     "ISRMIL PSE 1712"},
    /* a curfew binds the people of the place it is imposed on, at home
     * or abroad (no venue) */
    {"The government of Ethiopia imposed a curfew on Addis Ababa.",
     "ETHGOV ETH 1723"},
    {"Russia imposed martial law in occupied parts of Ukraine.",
     "RUS UKR 1724"},
    {"Russia detained a French citizen.",
     "RUS FRACVL 173"},
    {"Russia deported the American journalist.",
     "RUS USAMED 174"},
    {"Belarusian police cracked down on protesters.",
     "BLRCOP BLRCVL 175"},
    {"Russian hackers launched a cyberattack on Estonia.",
     "RUSCRM EST 176"},
    {"Turkey deported migrants from Afghanistan.",
     "TUR AFG 174"},
    {"North Korean hackers stole bitcoin from a Japanese exchange.",
     "PRKCRM JPN 176"},
    {"The Honduran government forbade protests outside the Nicaraguan embassy.",
     "HNDGOV NICGOV 1721"},
    {"Police in Peru nabbed a Chilean smuggler.",
     "PERCOP CHLCRM 173"},
    {"The Belarusian government stifled dissent among students.",
     "BLRGOV BLREDU 175"},
};

/* Assault: abduction, hijacking, suicide and car bombs, assassination. */
static const vcase ROOT_18[] = {
    {"Gunmen in Nigeria kidnapped schoolchildren.",
     "NGAUAF NGAEDU 181"},
    {"Somali pirates hijacked a Greek ship.",
     "SOMUAF GRC 181"},
    {"A suicide bomber in Pakistan killed ten Pakistani soldiers.",
     "PAKREB PAKMIL 1831"},
    {"Al-Shabaab detonated a car bomb in Mogadishu.",
     "SOMREBMUS SOM 1832"},
    {"The Taliban assassinated the Afghan governor.",
     "AFGREB AFGGOV 186"},
};

/* Fighting: offensives, blockade, occupation, small arms 193, artillery
 * and rockets 194, missiles 195, drones 1952, a broken ceasefire 196. */
static const vcase ROOT_19[] = {
    {"Russia launched a ground offensive against Ukraine.",
     "RUS UKR 190"},
    {"Israel launched a ground offensive against Hamas in Gaza.",
     "ISR PSEREBHMS 190"},
    {"Saudi Arabia imposed a blockade on Qatar.",
     "SAU QAT 191"},
    {"Russian forces occupied the Ukrainian city.",
     "RUSMIL UKR 192"},
    {"Sudanese soldiers opened fire on rebels.",
     "SDNMIL SDNREB 193"},
    {"Hezbollah fired rockets at Israel.",
     "LBNREB ISR 194"},
    {"Russian troops shelled Ukrainian positions in Donetsk.",
     "RUSMIL UKR 194"},
    {"Russia fired missiles at Kyiv.",
     "RUS UKR 195"},
    {"Ukraine attacked Russia with drones.",
     "UKR RUS 1952"},
    {"Israel violated the ceasefire with Hezbollah.",
     "ISR LBNREB 196"},
    {"The Armenian army fired rockets at positions of Azerbaijan.",
     "ARMMIL AZE 194"},
    {"The invasion of Georgia by Russia began in August.",
     "RUS GEO 192"},
    {"The raid by Chilean troops on the Bolivian border post drew protests.",
     "CHLMIL BOL 190"},
};

/* Mass violence: mass expulsion, massacre, ethnic cleansing, chemical and
 * nuclear weapons. */
static const vcase ROOT_20[] = {
    {"Iran expelled tens of thousands of Afghan refugees.",
     "IRN AFGREF 201"},
    {"Militias in Nigeria carried out a massacre of villagers.",
     "NGAREB NGACVL 202"},
    {"Serbia carried out ethnic cleansing in Kosovo.",
     "SRB KSV 203"},
    {"Syria used chemical weapons against rebels.",
     "SYR SYRREB 2041"},
    {"North Korea conducted a nuclear test near China.",
     "PRK CHN 2042"},
    {"The army in Sudan carried out mass violence against civilians in Darfur.",
     "SDNMIL SDNCVL 200"},
};

/* One test per CAMEO root. */
#define ROOT_TEST(r)                                                         \
    static void test_root_##r(void **state)                              \
    {                                                                    \
        (void)state;                                                     \
        S_run(ROOT_##r, S_LEN(ROOT_##r));                                \
    }

ROOT_TEST(01)
ROOT_TEST(02)
ROOT_TEST(03)
ROOT_TEST(04)
ROOT_TEST(05)
ROOT_TEST(06)
ROOT_TEST(07)
ROOT_TEST(08)
ROOT_TEST(09)
ROOT_TEST(10)
ROOT_TEST(11)
ROOT_TEST(12)
ROOT_TEST(13)
ROOT_TEST(14)
ROOT_TEST(15)
ROOT_TEST(16)
ROOT_TEST(17)
ROOT_TEST(18)
ROOT_TEST(19)
ROOT_TEST(20)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_clean),
        cmocka_unit_test(test_codes_reachable),
        cmocka_unit_test(test_root_01),
        cmocka_unit_test(test_root_02),
        cmocka_unit_test(test_root_03),
        cmocka_unit_test(test_root_04),
        cmocka_unit_test(test_root_05),
        cmocka_unit_test(test_root_06),
        cmocka_unit_test(test_root_07),
        cmocka_unit_test(test_root_08),
        cmocka_unit_test(test_root_09),
        cmocka_unit_test(test_root_10),
        cmocka_unit_test(test_root_11),
        cmocka_unit_test(test_root_12),
        cmocka_unit_test(test_root_13),
        cmocka_unit_test(test_root_14),
        cmocka_unit_test(test_root_15),
        cmocka_unit_test(test_root_16),
        cmocka_unit_test(test_root_17),
        cmocka_unit_test(test_root_18),
        cmocka_unit_test(test_root_19),
        cmocka_unit_test(test_root_20),
    };
    return test_result(cmocka_run_group_tests(tests, coding_setup, coding_teardown));
}
