/*
 * test_news.c -- dyad code's news mode reads a story, not loose
 * sentences: names introduced with a role carry to later sentences,
 * "he" and "we" (in a quotation) are resolved, a denial answers its
 * accuser, planned acts are told from done ones, meetings are mutual,
 * events named by nouns are coded, places are targets only when nothing
 * else is named.  The stories are ours, written for these tests (the
 * people in them are invented, so that only the story can name them);
 * they go through the public API -- text analyser, built-in tagger and
 * chunker, coder with the built-in dictionaries -- and the events of one
 * sentence of each story are compared exactly.  The coding tests need
 * the tagger data (Debian's liblingua-en-tagger-perl) and skip with a
 * message without it.
 */
#include "coding_util.h"

#define S_LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef struct ncase {
    const char *story;      /* a few sentences */
    size_t sentence;        /* the one checked, from 0 */
    const char *events;     /* "SRC TGT CODE; ..." exactly, "" for none */
} ncase;

/* Codes each story as `dyad code` does (one document, dated 2024-06-01)
 * and compares the checked sentence's events with the expected set;
 * reports every mismatch before failing. */
static void S_run(const ncase *cases, size_t n)
{
    if (!g_tagger) {
        printf("SKIP: no tagger data\n");
        test_skip();
    }
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = cases[i].story;
        coding_code(s, cases[i].sentence, 0, "2024-06-01");
        char label[600];
        snprintf(label, sizeof label, "%s [sentence %zu]", s, cases[i].sentence);
        if (!coding_check(cases[i].events, label)) bad++;
    }
    if (bad) fail_msg("%d of %zu stories coded otherwise", bad, n);
}

/* A person the story introduces with a role is that role's actor later:
 * after a role, in an apposition; and an office holder named in full is
 * known by surname alone. */
static void test_names(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Chinese foreign ministry spokesperson Wei Dongshan spoke to reporters on Monday. "
         "Dongshan criticized Japan over its new defence budget.",
         1, "CHNGOV JPN 111"},
        {"Halvard Brekke, Norway's defence minister, arrived in Kyiv on Tuesday. "
         "Brekke praised Ukraine for its resilience.",
         1, "NORGOVMIL UKR 051"},
        {"Indian Prime Minister Narendra Modi arrived in Paris on Monday. "
         "Modi praised France for its support.",
         1, "INDGOV FRA 051"},
        /* nobody introduced a Dongshan here */
        {"Dongshan criticized Japan over its new defence budget.", 0, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* "he" is the person named before it; "we" and "I" in a quotation are
 * its speaker, in the same sentence or the one before. */
static void test_pronouns(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Indian Prime Minister Narendra Modi arrived in Paris on Monday. "
         "He praised France for its support.",
         1, "INDGOV FRA 051"},
        {"\"We reject the baseless accusations made by Ukraine,\" Russian foreign ministry "
         "spokeswoman Anna Belova told reporters.",
         0, "RUSGOV UKR 016"},
        {"Kenyan lawmaker Joseph Otieno said the vote was unfair. "
         "\"We condemn Uganda for closing the border,\" Otieno said.",
         1, "KENLEG UGA 111"},
        /* a subject that names a post one person holds is a person
         * (the lexicon's person-roles); a body is not */
        {"Norway's prime minister visited Sweden on Monday. "
         "She praised the Swedish government for its help with the fires.",
         1, "NORGOV SWEGOV 051"},
        {"Norway's foreign ministry criticized Sweden on Monday. "
         "She praised the Danish government for its help with the fires.",
         1, ""},
        /* "it" and "they" stay unresolved: too often wrong */
        {"Indian Prime Minister Narendra Modi arrived in Paris on Monday. "
         "They praised France for its support.",
         1, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* A denial with no target answers the last accusation against the
 * denier. */
static void test_denials(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Ukraine accused Russia of shelling a hospital in Kharkiv. Moscow denied the allegations.",
         1, "RUS UKR 016"},
        /* no accusation before it: no target */
        {"Moscow denied the allegations.", 0, ""},
        /* rejecting a charge, in a relative clause with no "that", is a
         * denial of the accusation made before it */
        {"Chile blamed Peru, accusing it of arming rebels, a charge Lima quickly rejected.", 0,
         "CHL PER 112; PER CHL 016"},
        {"Ukraine accused Russia of shelling a hospital. Moscow called the allegations baseless.",
         1, "RUS UKR 016"},
        /* a visit's parties in phrases the chunker stacked */
        {"Peru approval During a visit by the Chilean president to Lima, Peru praised Chile.",
         0, "CHLGOV PER 042; PER CHLGOV 043; PER CHL 051"},
        {"Chilean officials repeated the claim that the attack was planned abroad, a charge "
         "Peru rejected on Friday.",
         0, "PER CHLGOV 016"},
        /* "-- which X denied": the subject of the clause before is the
         * accuser, not an accuser from earlier in the story */
        {"Peru accused Chile of shelling Arica. U.N. experts documented arms transfers from "
         "Bolivia to Chile in a June report -- which Chile denied.",
         1, "CHL IGOUNOEDU 016"},
    };
    S_run(cases, S_LEN(cases));
}

/* A city or province named with a role is its country's: "the governor
 * of Kharkiv", "Balochistan's chief minister". */
static void test_places(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"The governor of Kharkiv accused Russia of shelling the city.", 0, "UKRGOV RUS 1123"},
        {"Balochistan's chief minister criticized India on Friday.", 0, "PAKGOV IND 111"},
    };
    S_run(cases, S_LEN(cases));
}

/* An act of judgement whose object names no party judges the party the
 * story has just shown acting; with no such party there is no event. */
static void test_judged_acts(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"The Chilean president extended the state of emergency by a month. "
         "Opposition lawmakers denounced the extension.",
         1, "CHLOPP CHLGOV 111"},
        {"Peru expelled two Bolivian diplomats on Tuesday. "
         "Bolivia condemned the decision on Wednesday.",
         1, "BOL PER 111"},
        {"Opposition lawmakers in Chile denounced the extension.", 0, ""},
        {"Peru expelled two Bolivian diplomats on Tuesday. "
         "Bolivia threatened to halt its gas exports.",
         1, "BOL PER 1312"},
        /* older than three sentences back: too far */
        {"Peru expelled two Bolivian diplomats on Tuesday. The weather was cold. "
         "The river rose. The roads closed. The markets shut. Bolivia condemned the decision.",
         5, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* Condemnation in words: a quotation or a reported clause that calls a
 * party's deeds cruel or illegal, or calling them so, is disapproval by
 * the speaker; the same words with no party named are no event.  Praise
 * in words is approval (051). */
static void test_condemning_words(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"\"The shelling of our villages by Azerbaijan is cruel and illegal,\" the Armenian "
         "foreign minister said.",
         0, "ARMGOV AZE 111"},
        {"The Finnish president said the Russian blockade was unlawful.", 0, "FINGOV RUS 111"},
        {"The Greek foreign minister called the Turkish statements provocative.",
         0, "GRCGOV TUR 111"},
        {"\"The weather was cruel this winter,\" the Armenian foreign minister said.", 0, ""},
        /* praise in words: 051; not "tested positive" */
        {"\"I am very proud of the Georgian prime minister,\" the Armenian foreign minister "
         "said.",
         0, "ARMGOV GEOGOV 051"},
        {"\"The Georgian president is right,\" the Armenian foreign minister said.", 0,
         "ARMGOV GEOGOV 051"},
        {"The Armenian foreign minister said the Georgian decision was a good step.", 0,
         "ARMGOV GEO 051"},
        {"The Armenian foreign minister said a Georgian diplomat had tested positive for the "
         "virus.",
         0, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* "X said Y should do Z" is X's appeal to Y, whatever Z is; "we must"
 * and an obligation on a thing are not. */
static void test_obligations(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"The Irish foreign minister said Britain should reopen the border crossings.", 0,
         "IRLGOV GBR 020"},
        {"\"Serbia must respect the agreement,\" the Croatian prime minister said.", 0,
         "HRVGOV SRB 020"},
        {"\"We must rebuild the bridges,\" the Croatian prime minister said.", 0, ""},
        {"The Irish foreign minister said talks with Britain must continue.", 0, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* Planned is not done: will and would give an intent or a threat; could,
 * should and a negation give no event. */
static void test_planned(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Japan sent humanitarian aid to Nepal.", 0, "JPN NPL 073"},
        {"Japan will send humanitarian aid to Nepal.", 0, "JPN NPL 0333"},
        {"Japan did not send humanitarian aid to Nepal.", 0, ""},
        {"Japan could send humanitarian aid to Nepal.", 0, ""},
        {"Germany said it would impose sanctions on Iran.", 0, "DEU IRN 1312"},
        {"Egypt will host talks with Jordan next week.", 0, "EGY JOR 036"},
        /* a meeting one side plans is not yet the other's intent */
        {"The Egyptian president will meet his Jordanian counterpart next week.", 0,
         "EGYGOV JORGOV 036"},
        /* a warning about what others do is criticism of them; "military"
         * before "cooperation" names no party */
        {"Peru warned on Monday that growing naval cooperation between Chile and Bolivia is a "
         "threat.",
         0, "PER CHL 111; PER BOL 111"},
    };
    S_run(cases, S_LEN(cases));
}

/* Meetings, calls, talks and signed agreements with a named party are
 * mutual; events named by nouns are coded from their phrase or the
 * clause's subject; a place is not the target when a party is named. */
static void test_mutual_and_nouns(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"The Egyptian foreign minister met with his Jordanian counterpart in Cairo.",
         0, "EGYGOV JORGOV 040; JORGOV EGYGOV 040"},
        {"Negotiations between Sudan and Chad resumed on Monday.",
         0, "SDN TCD 046; TCD SDN 046"},
        {"Brazil held talks with Argentina on Monday.",
         0, "BRA ARG 040; ARG BRA 040"},
        {"The announcement came during a visit by the Japanese prime minister to Vietnam.",
         0, "JPNGOV VNM 042; VNM JPNGOV 043"},
        {"Germany made a statement about the talks with Poland.", 0, ""},
        /* "IS" in capitals is the Islamic State; "us" is no country */
        {"Iraqi troops launched an offensive against IS in the desert.", 0, "IRQMIL IMGMUS 190"},
        {"The Iraqi prime minister told us the offensive is over.", 0, ""},
        /* an agentless passive names no doer */
        {"Two Armenian soldiers were wounded in clashes with Azerbaijani troops.", 0, ""},
        {"Dozens of Serbian protesters were detained in Belgrade.", 0, ""},
        {"Dozens of Serbian protesters were detained by police in Belgrade.", 0, "SRBCOP SRBCVL 173"},
        /* a number declines; a party declines an invitation */
        {"The number of Chilean refugees in Peru declined by half.", 0, ""},
        {"Peru declined an invitation from Bolivia.", 0, "PER BOL 125"},
        /* a pattern's gap does not reach into another clause */
        {"The Danish envoy spoke ahead of a meeting requested by Norway to discuss "
         "the sale of Swedish arms to Finland.",
         0, ""},
        /* receiving a visitor is hosting; receiving a prize is not, but
         * the giver's praise of the receiver (051) */
        {"The Japanese prime minister received the Brazilian president in Tokyo.", 0,
         "JPNGOV BRAGOV 043; BRAGOV JPNGOV 042"},
        {"The Japanese prime minister received a peace prize from Brazil.", 0, "BRA JPNGOV 051"},
        /* a state and its own organ make no dyad for a consultation, but
         * do for a domestic act of force or repression */
        {"The Russian president held a summit in Moscow on Monday.", 0, ""},
        {"The government of Ethiopia imposed a curfew on Addis Ababa.", 0, "ETHGOV ETH 1723"},
        {"Israeli warplanes launched airstrikes against Hezbollah in Lebanon.",
         0, "ISRMIL LBNREB 195"},
        /* an agreement dated by the sentence is an event among its
         * parties; one that is the topic of a verb, or none, is not */
        {"Trade grew after a 2019 agreement among Chile, Peru and the WTO.", 0,
         "CHL PER 057; PER CHL 057; CHL IGOBUSWTO 057; IGOBUSWTO CHL 057; PER IGOBUSWTO 057; "
         "IGOBUSWTO PER 057"},
        {"Brazil said it would support a deal between Chile and Peru.", 0, "BRA CHL 032; BRA PER 032"},
        {"The Brazilian president said he was willing to back the accord between Chile and "
         "Peru.",
         0, "BRAGOV CHL 032; BRAGOV PER 032"},
        {"The talks ended with no agreement between Chile and Peru.", 0, ""},
        /* "their summit": the story's two parties, both ways */
        {"The Chilean president praised his first summit with the Peruvian president. Their "
         "second summit was in May in Lima.",
         1, "CHLGOV PERGOV 040; PERGOV CHLGOV 040"},
        /* a meeting fixed for a date is both sides' plan; one wished for
         * is one side's */
        {"The Chilean president is due to meet the Peruvian president in Lima in May.", 0,
         "CHLGOV PERGOV 036; PERGOV CHLGOV 036"},
        {"The Chilean president wants to meet the Peruvian president.", 0, "CHLGOV PERGOV 036"},
    };
    S_run(cases, S_LEN(cases));
}

/* A plural phrase for the story's two parties ("both leaders", "the two
 * sides", "both Chilean rivals") is each of them: a mutual act between
 * them, and a hostile act with no other party named is each one's act on
 * the other.  One party at hand is not enough. */
static void test_plural_pairs(void **state)
{
    (void)state;
    static const ncase cases[] = {
        /* in the clause a speaker reports: the speaker is no one of the
         * two when the last two that acted on each other are others */
        {"The leaders of Peru and Bolivia held talks in Santiago on Monday. "
         "Chile's president, who hosted the talks, said the two leaders had agreed to reopen the "
         "border.",
         1, "PERGOV BOLGOV 030; BOLGOV PERGOV 030"},
        {"The leaders of Peru and Chile held talks in Lima on Monday. "
         "Chile's president said the two leaders had agreed to reopen the border.",
         1, "CHLGOV PERGOV 030; PERGOV CHLGOV 030"},
        /* "each other": the two sides of the story's last fight, not the
         * parties named since */
        {"Peruvian troops shelled Bolivian army posts on Sunday. "
         "Bolivia's president appealed to the United Nations for help. "
         "A truce agreed in May has mostly held, though both sides accuse each other of breaches.",
         2, "PERMIL BOLMIL 112; BOLMIL PERMIL 112"},
        {"The Peruvian president flew to Quito on Monday. "
         "Following talks with the Ecuadorian president, both leaders signed a trade pact.",
         1, "PERGOV ECUGOV 057; ECUGOV PERGOV 057; PERGOV ECUGOV 040; ECUGOV PERGOV 040"},
        {"Chile and Bolivia had planned to sign a water accord, but it was cancelled after the "
         "two leaders openly disagreed over the border.",
         0, "CHLGOV BOLGOV 110; BOLGOV CHLGOV 110"},
        {"Peru expelled a Bolivian diplomat in May. Both countries withdrew their ambassadors "
         "in June.",
         1, "PER BOL 161; BOL PER 161"},
        /* one country of two parties, told apart by their sectors */
        {"The Chilean government and Chilean rebels resumed talks in Lima. The talks are "
         "deadlocked, with both Chilean rivals accusing the other of delays.",
         1, "CHLGOV CHLREB 112; CHLREB CHLGOV 112"},
        /* named parties accusing each other */
        {"Peru and Ecuador accused each other of violating the border.",
         0, "PER ECU 112; ECU PER 112"},
        /* a friendly act needs its other party named */
        {"Peru expelled a Bolivian diplomat in May. Both countries have reaffirmed their "
         "commitment to democracy.",
         1, ""},
        {"Both leaders signed a trade pact.", 0, ""},
        /* the two state actors who last acted on each other, not the
         * countries named since */
        {"The presidents of Chile and Peru discussed trade by phone on Monday. "
         "Brazil and Argentina have long backed Bolivia in its sea dispute. "
         "The two presidents then discussed the quarrel over fishing rights.",
         2, "CHLGOV PERGOV 040; PERGOV CHLGOV 040"},
        /* two pairs of presidents have spoken: "both leaders" could be
         * either, and is left uncoded rather than guessed */
        {"The presidents of Chile and Peru discussed trade by phone on Monday. "
         "On Tuesday the Chilean president discussed fishing with the Bolivian president. "
         "Both leaders reaffirmed their commitment to the border treaty.",
         2, ""},
        {"The presidents of Chile and Peru discussed trade by phone on Monday. "
         "On Tuesday the Chilean president discussed fishing with the Bolivian president. "
         "The two leaders praised each other.",
         2, ""},
        /* "the group" after two different armed groups could be either */
        {"The ELN attacked a police base in Cali. Hamas fired rockets at Israel. The group "
         "also kidnapped two Colombian soldiers.",
         2, ""},
        {"The ELN attacked a police base in Cali. The group also kidnapped two Colombian "
         "soldiers.",
         1, "COLREB COLMIL 181"},
        /* one pair so far: the same phrase is that pair */
        {"The presidents of Chile and Peru discussed trade by phone on Monday. "
         "The two leaders praised each other.",
         1, "CHLGOV PERGOV 051; PERGOV CHLGOV 051"},
    };
    S_run(cases, S_LEN(cases));
}

/* What is discussed is a topic, not a party: "to X" after the object
 * of a consultation belongs to the object ("the shipment ... to X"),
 * while "talked to X" names the other party. */
static void test_topics(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Chile and Peru discussed the shipment of copper to Brazil.", 0,
         "CHL PER 040; PER CHL 040"},
        {"The Chilean president talked to Peru about the crisis in Bolivia.", 0,
         "CHLGOV PER 040; PER CHLGOV 040"},
        {"The Chilean minister spoke to his Peruvian counterpart.", 0,
         "CHLGOV PERGOV 040; PERGOV CHLGOV 040"},
    };
    S_run(cases, S_LEN(cases));
}

/* Stances restated ("confirmed its support for X") are the stance; a
 * lone participle of support describes a party and is not an event; a
 * past form before "by" is a passive unless "by" introduces a manner or
 * an amount. */
static void test_support_and_participles(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Chile confirmed its support for Peru.", 0, "CHL PER 051"},
        {"Chile and Peru confirmed their support for negotiating efforts led by the UN and "
         "Brazil.", 0, "CHL IGOUNO 051; CHL BRA 051; PER IGOUNO 051; PER BRA 051"},
        {"Two camps have emerged in Chile: one supported mainly by Peru and another in the "
         "capital.", 0, ""},
        {"Peru responded by imposing sanctions on Chile.", 0, "PER CHL 163"},
        /* a gerund completing a noun is an idea, not an act of the subject */
        {"Chile and Peru underlined the need for expanding patrols along the border with "
         "Bolivia.", 0, ""},
        /* what follows a relative clause on the object belongs to it */
        {"Chile praised the proposals that would end the quarrel with Peru.", 0, ""},
        {"Chile welcomed the decision of Peru.", 0, "CHL PER 051"},
        /* an armed group named by a word no dictionary knows is not the
         * armed group the story named before */
        {"Chilean rebels attacked a Peruvian town. Bolivia launched an assault on Aymara "
         "fighters.", 1, ""},
        {"Chilean rebels attacked a Peruvian town. Bolivia launched an assault on the "
         "fighters.", 1, "BOL CHLREB 190"},
        /* a future in a relative clause is the content of its noun, not
         * an intent anyone stated; a slash joins two names */
        {"Peru and Chile signed a pact under which FARC/ELN units would leave the frontier "
         "zone.", 0, "PER CHL 057; CHL PER 057"},
        /* a quantified object ("all initiatives") is no party's act */
        {"Peru attacked Bolivia. Chile praised all proposals that might work, a Chilean "
         "official said.", 1, ""},
        /* announcing an offensive's beginning is launching it; its
         * purpose names the target */
        {"Chilean insurgents announced the start of an offensive to seize Lima.", 0,
         "CHLREB PER 190"},
        /* "to leave ... and wrecked": the past form joins the verb above
         * the infinitive, and shares its (here absent) subject */
        {"Chilean rebels attacked a Peruvian town. The fighting drove hundreds of families to "
         "leave and wrecked their farms.", 1, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* Whether an act was done comes from its verb group, for every
 * dictionary: "will not" is a refusal, a future without an intent code
 * is only planned, an infinitive after an appeal or an attempt and a
 * gerund after an accusation are not done, "continues to" is under way. */
static void test_modality_rules(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Chile will not meet Peru.", 0, "CHL PER 125"},
        {"Chile won't send aid to Peru.", 0, "CHL PER 122"},
        {"Chile urged Peru to withdraw its troops.", 0, "CHL PER 0256"},
        {"Chile will criticize Peru.", 0, ""},
        {"Chile accused Peru of attacking Bolivia.", 0, "CHL PER 1123"},
        {"Chilean troops allegedly attacked a Peruvian village.", 0, ""},
        {"The Chilean army continues to shell Peruvian positions.", 0, "CHLMIL PER 194"},
        {"Chile agreed to withdraw its troops from Peru.", 0, "CHL PER 0356"},
    };
    S_run(cases, S_LEN(cases));
}

/* A wrong stated of another party in a reported clause or a quotation is
 * the speaker's accusation; not a negated wrong, nor one the speaker's
 * own side did, nor a wrong stated with no speaker. */
static void test_allegations(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"The Peruvian foreign minister said Ecuador had violated the border agreement.",
         0, "PERGOV ECU 112"},
        {"\"Bolivia has been ripping off Chilean farmers for years,\" the Chilean president said.",
         0, "CHLGOV BOL 112"},
        {"Chilean rebels have been fighting the Chilean army, and the United Nations now says "
         "both camps have committed serious abuses.",
         0, "CHLREB CHLMIL 190; IGOUNO CHLMIL 112; IGOUNO CHLREB 112"},
        {"The Peruvian foreign minister said Ecuador had not violated the agreement.", 0, ""},
        {"Ecuador violated the border agreement.", 0, ""},
        /* a quotation begun in an earlier sentence ends at its closing
         * mark, and its speaker is the one named after it */
        {"\"We want peace. However, the Bolivian government has tried to sabotage the talks,\" "
         "the Chilean rebel leader said.",
         1, "CHLREB BOLGOV 112"},
        /* a claim's "that" clause: its subjects accuse; a passive wrong
         * accuses its "by" phrase, an armed group of the place after it */
        {"Chile repeated the claim that the attack was orchestrated by Peru.", 0, "CHL PER 112"},
        {"Chile and Ecuador repeated the claim that the raid was orchestrated by militants with "
         "camps in Peru.",
         0, "CHL PERREB 112; ECU PERREB 112"},
    };
    S_run(cases, S_LEN(cases));
}

/* What is not a fact is not an event: an act its subject does not even
 * want, one in a "whether" or "if" clause; and a place a party is based
 * in is not the party. */
static void test_not_facts(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"The Chilean president wants to meet the Bolivian president.", 0,
         "CHLGOV BOLGOV 036"},
        /* ... and one it does not want is a refusal */
        {"The Chilean president does not want to meet the Bolivian president.", 0,
         "CHLGOV BOLGOV 125"},
        {"The Chilean president did not meet the Bolivian president.", 0, ""},
        {"\"It remains to be seen whether a further summit between the Chilean and Bolivian "
         "presidents makes sense.\"",
         0, ""},
        {"Bolivia will retaliate if Chile attacks its border posts.", 0, ""},
        {"The Peruvian minister described his talks with the Chile-based lender.", 0, ""},
        {"The Peruvian minister described his talks with the Geneva-based lender.", 0, ""},
        /* made to do it by another: not the subject's intent */
        {"Peru argues it was forced to give up the islands in return for its independence from "
         "Chile.",
         0, ""},
        /* a request for comment is journalism; a price is not a charge */
        {"The Chilean and Peruvian governments did not answer our requests for comment.", 0, ""},
        {"The Chilean province said it was billing 30% more for gas piped to Peru.", 0, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* Clause shapes of news prose: an adverb set off by commas after the
 * subject ("Ankara, too, is warning"); a warning of consequences with a
 * condition is a threat, not criticism; a participle trailing a
 * subordinate clause is the main subject's act. */
static void test_clause_shapes(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Lima, too, is warning Quito of severe consequences if it deploys troops.", 0,
         "PER ECU 130"},
        {"Chilean rebels have intensified attacks since the pullout began, inflicting heavy "
         "losses on the Chilean army.",
         0, "CHLREB CHLMIL 190"},
        {"Witnesses said Peruvian police fired tear gas at Bolivian protesters.", 0,
         "PERCOP BOLCVL 175"},
        /* a participle after a subordinator: the subject of the clause
         * before it, not the parties named in between */
        {"The Chilean president is expected to visit Peru and Bolivia in May, in a move to "
         "deepen trade ties after meeting with the Argentine president.",
         0, "CHLGOV PER 036; CHLGOV BOL 036; CHLGOV ARGGOV 040; ARGGOV CHLGOV 040"},
        /* the object of another verb is not a party before this one */
        {"Japan wants to visit Peru and Chile in May, in a move to strengthen ties.", 0,
         "JPN PER 036; JPN CHL 036"},
        /* a purpose clause's parties are not the act's ... */
        {"Japan moved to strengthen ties with the region to counter Chile's influence.", 0, ""},
        /* ... but a military act's purpose names its target */
        {"Bolivian troops launched an assault to seize Lima.", 0, "BOLMIL PER 190"},
        /* "the insurgent group" is the armed group the story is about, not
         * the speaker's */
        {"Chilean rebels attacked a police post. Washington alleges the insurgent group has "
         "broken its promises.",
         1, "USA CHLREB 112"},
        /* "with X speaking by phone with Y": a call, both ways */
        {"Chile has voiced concern over the unrest, with the Chilean foreign minister speaking "
         "by phone on Sunday with his Peruvian counterpart.",
         0, "CHLGOV PERGOV 041; PERGOV CHLGOV 041"},
    };
    S_run(cases, S_LEN(cases));
}

/* Threats made by a condition, "the group", and phrases that name their
 * party away from the head. */
static void test_conditions_and_reference(void **state)
{
    (void)state;
    static const ncase cases[] = {
        /* coercion that will or could come if another party acts is a
         * threat to that party, by who will act or who says so */
        {"Chile will impose sanctions on Peru if Lima deploys troops to the border.", 0,
         "CHL PER 1312"},
        {"A Chilean official said sanctions could follow if Lima went ahead with the plan.", 0,
         "CHLGOV PER 1312"},
        {"Chile imposed sanctions on Peru.", 0, "CHL PER 163"},
        /* "the statement" acts for the person who just made one */
        {"Chilean foreign minister Ana Ruiz issued a statement on Peru's new law. The statement "
         "threatened sanctions against Peru.",
         1, "CHLGOV PER 1312"},
        /* "the group": the armed group the story last named */
        {"ELN rebels attacked an army convoy on Monday. The group also opposes Chilean "
         "investment in the region.",
         1, "COLREB CHL 110"},
        /* an adjective after its noun keeps its phrase: the militants
         * are Bolivia's, not the speaker's */
        {"Lima has blamed a number of recent attacks on militants based on Bolivian soil.", 0,
         "PER BOLREB 1123"},
        /* the name given in quotation marks after the object */
        {"Chilean spokeswoman Ana Ruiz called Peru's comments \"egregious and insulting.\"", 0,
         "CHLGOV PER 111"},
        {"Bolivia placed the blame for the attack on Peru.", 0, "BOL PER 112"},
        /* a refusal whose object names no party: an organisation named
         * before it in the sentence */
        {"Chile protested on Monday. The case went before the International Court of Justice "
         "in March, though Peru refused to attend the hearing.",
         1, "PER IGOUNOJUDICJ 124"},
        /* a participle after "in" or "by" has the clause's subject */
        {"Three Chilean senators led a group of lawmakers in calling on the Peruvian "
         "president to release the prisoners.",
         0, "CHLLEG PERGOV 0253"},
        /* acts of force named by nouns, with the doer in the phrase; the
         * victims may be the subject that died in it */
        {"ELN rebels attacked a bus near Cali on Monday. Officials said 14 passengers died in "
         "the first attack by the ELN.",
         1, "COLREB COLCVL 190"},
        {"The ELN's abduction of 20 schoolgirls in Cali drew wide condemnation.", 0,
         "COLREB COLCVL 181"},
        /* "they" who kill in a story of an attack: the armed group it
         * named; with no group named, nobody; one event for "shot and
         * killed" */
        {"ELN rebels stormed a village near Cali on Monday. \"They shot and killed people in "
         "the square,\" a witness said.",
         1, "COLREB COLCVL 193"},
        {"Colombian soldiers stormed a village near Cali on Monday. \"They shot and killed "
         "people in the square,\" a witness said.",
         1, ""},
        /* "them": the phrase before it that names a party; "the militants"
         * keep the group in the story */
        {"ELN rebels stormed a village near Cali on Monday. Residents fled. The militants then "
         "gathered the villagers. Some escaped. Others hid. \"Then they picked out 10 more "
         "villagers and shot them,\" a witness said.",
         5, "COLREB COLCVL 193"},
        /* no doer named: no event from the noun */
        {"Police said 14 travellers were killed in the attack near Cali.", 0, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* A Treebank parse may hold empty constituents ("(NP (VP) (NN x))"): the
 * coder terminates on each of them, in either mode (an empty phrase once
 * made the noun-phrase walk stand still).  SIGALRM ends the test if not. */
static void test_empty_constituents(void **state)
{
    (void)state;
    static const char *const parses[] = {
        "(S (VP (VBD attacked) (NP (VP) (NN x))))",
        "(S (NP (NP) (NNP Gondor)) (VP (VBD attacked) (NP (ADJP) (NNP Mordor))))",
        "(S (NP (PP) (NNP Gondor) (SBAR)) (VP (VBD met) (PP (IN with) (NP (NP) (NNP Mordor)))))",
        "(S (NP) (VP) (VP (VBD attacked) (NP (QP) (NNS troops) (PRN))))",
    };
    dyad_coder *c;
    assert_int_equal(dyad_coder_new(&c, g_dict), DYAD_OK);
    alarm(20);
    for (int mode = 0; mode < 2; mode++) {
        assert_int_equal(dyad_coder_set_option(c, "agent_country", mode ? "true" : "false"), DYAD_OK);
        for (size_t i = 0; i < sizeof parses / sizeof parses[0]; i++) {
            dyad_coder_new_document(c);
            dyad_status st = dyad_coder_code_parse(c, parses[i], strlen(parses[i]), "2020-01-01");
            assert_true(st == DYAD_OK || st == DYAD_EFORMAT);
        }
    }
    alarm(0);
    dyad_coder_free(c);
}

/* The "by" phrase of a passive verb is found however many phrases come
 * before it in the verb phrase (a stack of 64 children once stopped
 * short, and the passive lost its source): here after 70 adverbs. */
static void test_wide_verb_phrase(void **state)
{
    (void)state;
    static char parse[4096];
    for (int n = 2; n <= 70; n += 68) {
        size_t o = (size_t)snprintf(parse, sizeof parse,
                                    "(ROOT (S (NP (NNP Egypt)) (VP (VBD was) (VP (VBN attacked)");
        for (int i = 0; i < n; i++) o += (size_t)snprintf(parse + o, sizeof parse - o, " (ADVP (RB again))");
        o += (size_t)snprintf(parse + o, sizeof parse - o, " (PP (IN by) (NP (NNP Israel))))) (. .)))");
        (void)o;
        if (!g_engine) test_skip();
        dyad_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = "test";
        doc.text = "Egypt was attacked again by Israel.";
        doc.len = strlen(doc.text);
        doc.parse = parse;
        doc.date = "2020-01-01";
        doc.path = "test";
        doc.one_sentence = 1;
        assert_int_equal(dyad_engine_code(g_engine, &doc), DYAD_OK);
        g_sid = 1;
        assert_true(coding_check("ISR EGY 190", n == 2 ? "2 adverbs" : "70 adverbs"));
    }
}

/* An armed group named by a name no dictionary knows takes its country
 * from the place phrase after the phrase it ends, and keeps it for a
 * later "the militia". */
static void test_placed_groups(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Turkish artillery shelled positions of a Kurdish-led militia in northern Syria "
         "on Wednesday. The militia condemned Turkey.",
         1, "SYRREB TUR 111"},
        {"Iraqi troops attacked camps of an Arab-led militia in eastern Syria on Monday. "
         "The militia accused Iraq of killing civilians.",
         1, "SYRREB IRQ 112"},
    };
    S_run(cases, S_LEN(cases));
}

/* A role word the group's code already holds is not added again; a
 * government's role does not reach a group of its own code in a
 * coordination. */
static void test_group_roles(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Al-Shabaab militants stormed a hotel in Mogadishu on Friday.", 0, "SOMREBMUS SOM 190"},
        {"The Colombian government and the ELN rebels signed a ceasefire.", 0,
         "COLGOV COLREB 057; COLREB COLGOV 057"},
    };
    S_run(cases, S_LEN(cases));
}

/* A quotation that condemns and names no party condemns the side the
 * story set against the speaker's country. */
static void test_quote_adversary(void **state)
{
    (void)state;
    static const ncase cases[] = {
        {"Peru summoned Chile's ambassador on Wednesday over the seizure of two fishing boats. "
         "\"This is an unacceptable violation of our rights,\" Foreign Minister Ana Quispe told "
         "reporters in Lima.",
         1, "PERGOV CHLGOV 111"},
        /* a third country named in the sentence: not sure whom it means
         * (the meeting only) */
        {"Peru summoned Chile's ambassador on Wednesday over the seizure of two fishing boats. "
         "\"This is an unacceptable violation of our rights,\" Foreign Minister Ana Quispe told "
         "reporters after meeting Ecuador's envoy.",
         1, "PERGOV ECUGOV 040; ECUGOV PERGOV 040"},
        /* the speaker's country is no side of the story's pair */
        {"Peru summoned Chile's ambassador on Wednesday over the seizure of two fishing boats. "
         "\"This is unacceptable,\" Bolivian President Luis Arce told reporters.",
         1, ""},
    };
    S_run(cases, S_LEN(cases));
}

/* A role with no country of its own ("the state news agency") takes the
 * country of the story so far or of a place phrase of its sentence,
 * never that of a party its sentence names after it. */
static void test_role_country(void **state)
{
    (void)state;
    static const ncase cases[] = {
        /* not Chile's agency, not Bolivia's ministry: no country known */
        {"The state news agency criticized Chile on Monday.", 0, ""},
        {"The foreign ministry spokesman accused Norway of spying.", 0, ""},
        /* the story's country, from the sentence before */
        {"Peru's fishing fleet returned to port on Sunday. "
         "The state news agency criticized Chile on Monday.",
         1, "PERGOVMED CHL 111"},
        /* a country named before the role in its sentence */
        {"In Peru, the foreign ministry condemned Bolivia's decision to close the border.", 0,
         "PERGOV BOL 111"},
        /* a place phrase after it */
        {"Rebels attacked an army base in northern Mali.", 0, "MLIREB MLIMIL 190"},
    };
    S_run(cases, S_LEN(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_placed_groups),
        cmocka_unit_test(test_quote_adversary),
        cmocka_unit_test(test_empty_constituents),
        cmocka_unit_test(test_wide_verb_phrase),
        cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_denials),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_judged_acts),
        cmocka_unit_test(test_condemning_words),
        cmocka_unit_test(test_group_roles),
        cmocka_unit_test(test_obligations),
        cmocka_unit_test(test_planned),
        cmocka_unit_test(test_mutual_and_nouns),
        cmocka_unit_test(test_plural_pairs),
        cmocka_unit_test(test_topics),
        cmocka_unit_test(test_support_and_participles),
        cmocka_unit_test(test_modality_rules),
        cmocka_unit_test(test_allegations),
        cmocka_unit_test(test_not_facts),
        cmocka_unit_test(test_clause_shapes),
        cmocka_unit_test(test_conditions_and_reference),
        cmocka_unit_test(test_role_country),
    };
    return test_result(cmocka_run_group_tests(tests, coding_setup, coding_teardown));
}
