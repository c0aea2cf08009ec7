/*
 * test_tagger.c -- the built-in tagger and chunker: tags of our own
 * sentences, chunk trees of typical news sentences and their verb groups,
 * verb groups of Treebank trees, refusal (with file and line) of
 * malformed tagger data, the tree invariants on odd and long input, the
 * word cache (the same tags, lists and trees with and without it), tag
 * codes, the public API, and -- when ../shared is present -- the agreement of our
 * tags with the tags of every parse in the PETRARCH validation records
 * and the GigaWord sample (at least 95%).  Tests that need the Lingua
 * data (Debian's liblingua-en-tagger-perl) skip with a message without it.
 */
#include "testutil.h"

#include "parse/parse.h"

#include <time.h>

static dyad_tagger *TG;
static dyad__err TG_ERR;
static dyad__arena A;

static int setup(void **state)
{
    (void)state;
    dyad__arena_init(&A, 1 << 26);
    if (dyad__tagger_load(&TG, NULL, &TG_ERR) != DYAD_OK) {
        printf("NOTE: the tagger data is missing (%s); tests that need it are skipped.\n"
               "      Install liblingua-en-tagger-perl (scripts/bootstrap does).\n",
               TG_ERR.msg);
        TG = NULL;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad__tagger_destroy(TG);
    dyad__arena_free(&A);
    return 0;
}

#define NEED_TAGGER()                                                        \
    do {                                                                     \
        if (!TG) { printf("SKIP: no tagger data\n"); test_skip(); }               \
    } while (0)

/* Splits s at blanks into words (in the arena). */
static uint32_t S_words(const char *s, dyad__word *w, uint32_t max)
{
    uint32_t n = 0;
    while (*s && n < max) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *b = s;
        while (*s && *s != ' ') s++;
        w[n].s = b;
        w[n].len = (uint32_t)(s - b);
        n++;
    }
    return n;
}

/* Tags a blank-separated sentence; returns "word/TAG word/TAG ...". */
static const char *S_tagged(const char *sentence)
{
    static char out[4096];
    dyad__word w[256];
    uint8_t tags[256];
    uint32_t n = S_words(sentence, w, 256);
    dyad__arena_reset(&A);
    assert_int_equal(dyad__tagger_tag(TG, w, n, tags, &A), DYAD_OK);
    size_t o = 0;
    for (uint32_t i = 0; i < n; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s/%s", i ? " " : "", (int)w[i].len,
                              w[i].s, dyad__ptag_name(tags[i]));
    return out;
}

/* Tags and chunks a sentence; returns the bracketing. */
static dyad__tree T;
static const char *S_chunked(const char *sentence)
{
    static dyad__word w[1024];
    static uint8_t tags[1024];
    static char out[16384];
    uint32_t n = S_words(sentence, w, 1024);
    dyad__arena_reset(&A);
    assert_int_equal(dyad__tagger_tag(TG, w, n, tags, &A), DYAD_OK);
    assert_int_equal(dyad__chunk(&T, w, tags, n, NULL, &A), DYAD_OK);
    dyad__buf b;
    dyad__buf_init(&b);
    dyad__tree_write(&T, T.root, &b);
    snprintf(out, sizeof out, "%s", dyad__buf_cstr(&b));
    dyad__buf_free(&b);
    return out;
}

/* ------------------------------------------------------------ tagging */

static void test_tags(void **state)
{
    (void)state;
    NEED_TAGGER();
    assert_string_equal(S_tagged("Arnor 's troops attacked Gondor on Monday ."),
                        "Arnor/NNP 's/POS troops/NNS attacked/VBD Gondor/NNP on/IN Monday/NNP ./.");
    assert_string_equal(S_tagged("The army has not been attacked ."),
                        "The/DT army/NN has/VBZ not/RB been/VBN attacked/VBN ./.");
    assert_string_equal(S_tagged("He said that the talks will resume ."),
                        "He/PRP said/VBD that/IN the/DT talks/NNS will/MD resume/VB ./.");
    /* quotes by position, brackets, money, decades */
    assert_string_equal(S_tagged("\" We will fight , \" he said ."),
                        "\"/`` We/PRP will/MD fight/VB ,/, \"/'' he/PRP said/VBD ./.");
    assert_string_equal(S_tagged("The government spent $ 5 million in the 1990s ( AP ) ."),
                        "The/DT government/NN spent/VBD $/$ 5/CD million/CD in/IN the/DT "
                        "1990s/CD (/-LRB- AP/NNP )/-RRB- ./.");
    /* words the lexicon never saw: shape and suffix */
    assert_string_equal(S_tagged("The Zorbanian militia stormed Kelvaria after midnight ."),
                        "The/DT Zorbanian/JJ militia/NN stormed/VBD Kelvaria/NNP after/IN "
                        "midnight/NN ./.");
    assert_string_equal(S_tagged("Kelvarian forces were redeploying quickly ."),
                        "Kelvarian/JJ forces/NNS were/VBD redeploying/VBG quickly/RB ./.");
    /* constraints a tag bigram cannot see */
    assert_string_equal(S_tagged("Gondor has celebrated the victory ."),
                        "Gondor/NNP has/VBZ celebrated/VBN the/DT victory/NN ./.");
    assert_string_equal(S_tagged("The president did not say why ."),
                        "The/DT president/NN did/VBD not/RB say/VB why/WRB ./.");
    assert_string_equal(S_tagged("Gondor is about to restore ties , according to police ."),
                        "Gondor/NNP is/VBZ about/IN to/TO restore/VB ties/NNS ,/, according/VBG "
                        "to/TO police/NNS ./.");
    /* an -ing word after a subordinator, or after a name and before a
     * preposition when the word is mostly a verb, is a participle */
    assert_string_equal(S_tagged("They left after meeting with Gondor ."),
                        "They/PRP left/VBD after/IN meeting/VBG with/IN Gondor/NNP ./.");
    assert_string_equal(S_tagged("The Council meeting on Monday ended ."),
                        "The/DT Council/NNP meeting/NN on/IN Monday/NNP ended/VBD ./.");
    /* sentence-initial capitals: the lower-case word counts too */
    assert_string_equal(S_tagged("Police arrested 20 people ."),
                        "Police/NNS arrested/VBD 20/CD people/NNS ./.");
    /* a sentence with no finite verb has one: an -ed word read as an
     * adjective after a name, before its object, whose stem is a verb or
     * a noun ("torture", "massacre"); not a participle before a
     * preposition */
    assert_string_equal(S_tagged("Police in Lima tortured detainees ."),
                        "Police/NNS in/IN Lima/NNP tortured/VBD detainees/NNS ./.");
    assert_string_equal(S_tagged("Gunmen in Arnor massacred villagers ."),
                        "Gunmen/NNS in/IN Arnor/NNP massacred/VBD villagers/NNS ./.");
    assert_string_equal(S_tagged("Tortured detainees in Lima ."),
                        "Tortured/JJ detainees/NNS in/IN Lima/NNP ./.");
    /* every word gets a tag, even in an empty or odd sentence */
    assert_string_equal(S_tagged("@@@ ### ..."), "@@@/SYM ###/SYM .../:");
    dyad__arena_reset(&A);
    assert_int_equal(dyad__tagger_tag(TG, NULL, 0, NULL, &A), DYAD_OK);
}

static void test_tag_names(void **state)
{
    (void)state;
    assert_string_equal(dyad__ptag_name(DYAD__T_PRPS), "PRP$");
    assert_string_equal(dyad__ptag_name(DYAD__T_LQUOTE), "``");
    assert_string_equal(dyad__ptag_name(DYAD__T_COUNT), "");
    assert_int_equal(dyad__ptag_parse("WP$"), DYAD__T_WPS);
    assert_int_equal(dyad__ptag_parse("AUXD"), DYAD__T_VBD);
    assert_int_equal(dyad__ptag_parse("AUXP"), DYAD__T_VBP);
    assert_int_equal(dyad__ptag_parse("NOPE"), DYAD__T_COUNT);
}

/* ----------------------------------------------------------- chunking */

static const dyad__vgroup *S_group_of(const char *verb)
{
    for (uint32_t g = 0; g < T.nvgroups; g++)
        if (strcmp(T.toks[T.vgroups[g].verb].word, verb) == 0) return &T.vgroups[g];
    fail_msg("no verb group for '%s'", verb);
    return NULL;
}

/* The noun phrase of the first PP headed by prep. */
static uint32_t S_pp_np_of(const char *prep)
{
    for (uint32_t n = 0; n < T.nnodes; n++)
        if (T.nodes[n].label == DYAD__L_PP && T.nodes[n].head != DYAD__NONE &&
            strcmp(T.toks[T.nodes[n].head].word, prep) == 0)
            for (uint32_t c = T.nodes[n].first_child; c != DYAD__NONE; c = T.nodes[c].next_sibling)
                if (T.nodes[c].label == DYAD__L_NP) return c;
    fail_msg("no '%s' phrase", prep);
    return DYAD__NONE;
}

/* Words of a node's span, blank-separated. */
static const char *S_span(uint32_t node)
{
    static char out[1024];
    if (node == DYAD__NONE) return "(none)";
    size_t o = 0;
    out[0] = 0;
    for (uint32_t i = T.nodes[node].tok_a; i < T.nodes[node].tok_b; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", o ? " " : "", T.toks[i].word);
    return out;
}

static void test_chunk_basic(void **state)
{
    (void)state;
    NEED_TAGGER();
    assert_string_equal(
        S_chunked("Arnor 's troops attacked Gondor on Monday ."),
        "(ROOT (S (NP (NP (NNP Arnor) (POS 's)) (NNS troops)) (VP (VBD attacked) (NP (NNP Gondor)) "
        "(PP (IN on) (NP (NNP Monday)))) (. .)))");
    const dyad__vgroup *g = S_group_of("attacked");
    assert_int_equal(g->tense, DYAD__TENSE_PAST);
    assert_false(g->passive);
    assert_string_equal(S_span(g->subject), "Arnor 's troops");
    assert_string_equal(T.toks[T.nodes[T.root].head].word, "attacked");

    /* modal, negation, passive: one VP per auxiliary */
    assert_string_equal(
        S_chunked("The Gondor army will not be attacked by Mordor troops ."),
        "(ROOT (S (NP (DT The) (NNP Gondor) (NN army)) (VP (MD will) (RB not) (VP (VB be) "
        "(VP (VBN attacked) (PP (IN by) (NP (NNP Mordor) (NNS troops)))))) (. .)))");
    g = S_group_of("attacked");
    assert_int_equal(g->tense, DYAD__TENSE_FUTURE);
    assert_int_equal(g->modality, DYAD__MOD_FUTURE);
    assert_true(g->passive);
    assert_true(g->negated);
    assert_string_equal(T.toks[g->modal].word, "will");
    assert_string_equal(T.toks[g->neg].word, "not");
    assert_string_equal(T.toks[g->first].word, "will");
    assert_string_equal(S_span(g->subject), "The Gondor army");

    /* perfect progressive */
    S_chunked("Rebels could have been planning the attack for months .");
    g = S_group_of("planning");
    assert_true(g->perfect);
    assert_true(g->progressive);
    assert_false(g->passive);
    assert_int_equal(g->modality, DYAD__MOD_ABILITY);

    /* do-support and "got" passive */
    S_chunked("The president did not say whether the army would withdraw .");
    g = S_group_of("say");
    assert_int_equal(g->tense, DYAD__TENSE_PAST);
    assert_true(g->negated);
    assert_string_equal(S_span(g->reported), "whether the army would withdraw");
    g = S_group_of("withdraw");
    assert_int_equal(g->modality, DYAD__MOD_CONDITIONAL);
    S_chunked("The soldiers got killed in the ambush .");
    assert_true(S_group_of("killed")->passive);
}

static void test_chunk_said(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* X said (that) Y: the reported clause is an SBAR complement */
    assert_string_equal(
        S_chunked("Gondor 's president said that Mordor had violated the ceasefire ."),
        "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN president)) (VP (VBD said) (SBAR (IN that) "
        "(S (NP (NNP Mordor)) (VP (VBD had) (VP (VBN violated) (NP (DT the) (NN ceasefire))))))) "
        "(. .)))");
    const dyad__vgroup *g = S_group_of("said");
    assert_string_equal(S_span(g->reported), "that Mordor had violated the ceasefire");
    assert_true(S_group_of("violated")->perfect);
    assert_int_equal(S_group_of("violated")->tense, DYAD__TENSE_PAST);

    assert_string_equal(
        S_chunked("He told reporters the army would withdraw by Friday ."),
        "(ROOT (S (NP (PRP He)) (VP (VBD told) (NP (NNS reporters)) (SBAR (S (NP (DT the) (NN army)) "
        "(VP (MD would) (VP (VB withdraw) (PP (IN by) (NP (NNP Friday)))))))) (. .)))");
    assert_string_equal(S_span(S_group_of("told")->reported), "the army would withdraw by Friday");

    /* Y, X said. */
    assert_string_equal(
        S_chunked("Mordor will not attack Gondor , the minister said ."),
        "(ROOT (S (S (NP (NNP Mordor)) (VP (MD will) (RB not) (VP (VB attack) (NP (NNP Gondor))))) "
        "(, ,) (NP (DT the) (NN minister)) (VP (VBD said)) (. .)))");
    g = S_group_of("said");
    assert_string_equal(S_span(g->reported), "Mordor will not attack Gondor");
    assert_string_equal(S_span(g->subject), "the minister");

    /* "Y," said X. */
    assert_string_equal(
        S_chunked("\" We will fight , \" said the foreign minister ."),
        "(ROOT (SINV (S (`` \") (NP (PRP We)) (VP (MD will) (VP (VB fight)))) (, ,) ('' \") "
        "(VP (VBD said)) (NP (DT the) (JJ foreign) (NN minister)) (. .)))");
    g = S_group_of("said");
    assert_string_equal(S_span(g->subject), "the foreign minister");
    assert_string_equal(S_span(g->reported), "\" We will fight");
}

static void test_chunk_np(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* coordination, of-phrases, lists, relative clauses, apposition */
    assert_string_equal(
        S_chunked("Rohan and Gondor signed a treaty in the capital of Arnor ."),
        "(ROOT (S (NP (NP (NNP Rohan)) (CC and) (NP (NNP Gondor))) (VP (VBD signed) (NP (DT a) "
        "(NN treaty)) (PP (IN in) (NP (NP (DT the) (NN capital)) (PP (IN of) (NP (NNP Arnor)))))) "
        "(. .)))");
    assert_string_equal(S_span(S_group_of("signed")->subject), "Rohan and Gondor");
    assert_string_equal(
        S_chunked("The minister , who arrived on Tuesday , met leaders of Rohan , Gondor and Arnor ."),
        "(ROOT (S (NP (NP (DT The) (NN minister)) (, ,) (SBAR (WHNP (WP who)) (S (VP (VBD arrived) "
        "(PP (IN on) (NP (NNP Tuesday)))))) (, ,)) (VP (VBD met) (NP (NP (NNS leaders)) (PP (IN of) "
        "(NP (NP (NNP Rohan)) (, ,) (NP (NNP Gondor)) (CC and) (NP (NNP Arnor)))))) (. .)))");
    assert_string_equal(S_span(S_group_of("arrived")->subject), "The minister");
    assert_string_equal(
        S_chunked("Kupfer , the deputy secretary , visited Brazil ."),
        "(ROOT (S (NP (NP (NNP Kupfer)) (, ,) (NP (DT the) (JJ deputy) (NN secretary)) (, ,)) "
        "(VP (VBD visited) (NP (NNP Brazil))) (. .)))");
    /* an apposition with its own coordination, or followed by a time,
     * still belongs to the subject */
    S_chunked("Kupfer , envoy of Rohan and a friend of Gondor , visited Brazil .");
    assert_string_equal(S_span(S_group_of("visited")->subject),
                        "Kupfer , envoy of Rohan and a friend of Gondor ,");
    S_chunked("Kupfer , the deputy secretary , Monday visited Brazil .");
    assert_string_equal(S_span(S_group_of("visited")->subject), "Kupfer , the deputy secretary ,");
    assert_string_equal(
        S_chunked("At least 20 people were killed in the attack ."),
        "(ROOT (S (NP (QP (IN At) (JJS least) (CD 20)) (NNS people)) (VP (VBD were) (VP (VBN killed) "
        "(PP (IN in) (NP (DT the) (NN attack))))) (. .)))");
    /* an example inserted in the subject after "that" */
    S_chunked("Officials said that 31 people , including 23 soldiers , died in the attack .");
    assert_string_equal(S_span(S_group_of("died")->subject),
                        "31 people , including 23 soldiers ,");
    /* a list between dashes is an apposition of the subject */
    S_chunked("Three senators -- Kupfer , Brandt and Moll -- led a group of lawmakers .");
    assert_string_equal(S_span(S_group_of("led")->subject),
                        "Three senators -- Kupfer , Brandt and Moll --");
    /* an apposition between dashes with its own apposition, in a second
     * clause */
    S_chunked("A Gondor contingent joined the parade and a Gondor warship -- the Swift , a "
              "destroyer -- paid a visit to Arnor .");
    assert_string_equal(S_span(S_group_of("paid")->subject),
                        "a Gondor warship -- the Swift , a destroyer --");
    /* an adjective after its noun keeps its phrase, in object position too */
    S_chunked("The army attacked forces loyal to Arnor near the river .");
    assert_string_equal(S_span(S_group_of("attacked")->inner),
                        "attacked forces loyal to Arnor near the river");
    assert_string_equal(
        S_chunked("Gondor blamed militants present in Arnor ."),
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD blamed) (NP (NP (NNS militants) (JJ present)) "
        "(PP (IN in) (NP (NNP Arnor))))) (. .)))");
}

static void test_chunk_clauses(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* subordinate clause, infinitive, fronted PP, VP coordination */
    assert_string_equal(
        S_chunked("The talks were suspended after rebels shelled the city ."),
        "(ROOT (S (NP (DT The) (NNS talks)) (VP (VBD were) (VP (VBN suspended) (SBAR (IN after) "
        "(S (NP (NNS rebels)) (VP (VBD shelled) (NP (DT the) (NN city))))))) (. .)))");
    assert_string_equal(
        S_chunked("In Geneva , Gondor agreed to withdraw its troops ."),
        "(ROOT (S (PP (IN In) (NP (NNP Geneva))) (, ,) (NP (NNP Gondor)) (VP (VBD agreed) (S (VP "
        "(TO to) (VP (VB withdraw) (NP (PRP$ its) (NNS troops)))))) (. .)))");
    const dyad__vgroup *g = S_group_of("withdraw");
    assert_true(g->infinitive);
    assert_int_equal(g->tense, DYAD__TENSE_NONE);
    assert_string_equal(S_span(g->subject), "Gondor");   /* the controller */
    assert_string_equal(
        S_chunked("The council condemned the attack and called for an investigation ."),
        "(ROOT (S (NP (DT The) (NN council)) (VP (VP (VBD condemned) (NP (DT the) (NN attack))) "
        "(CC and) (VP (VBD called) (PP (IN for) (NP (DT an) (NN investigation))))) (. .)))");
    assert_string_equal(S_span(S_group_of("called")->subject), "The council");
    /* heads the coder relies on */
    uint32_t vp = S_group_of("condemned")->inner;
    assert_string_equal(T.toks[T.nodes[vp].head].word, "condemned");
    /* a past form after a subordinator's noun phrase is the clause's verb */
    S_chunked("The pact was shelved after the two envoys openly disagreed .");
    assert_string_equal(S_span(S_group_of("disagreed")->subject), "the two envoys");
    /* "with X accusing Y": the participle's subject */
    S_chunked("The process stalled , with both sides accusing the other .");
    assert_string_equal(S_span(S_group_of("accusing")->subject), "both sides");
    /* a verb phrase after a reported clause that cannot go on with it is
     * the reporter's second act (docs/CODING.md 6.1): after a modal's
     * chain, and an act done in words after a lone "be" */
    S_chunked("Gondor said the talks would fail and accused Rohan of bad faith .");
    assert_string_equal(S_span(S_group_of("accused")->subject), "Gondor");
    S_chunked("Gondor said the claims were false and accused Rohan of lying .");
    assert_string_equal(S_span(S_group_of("accused")->subject), "Gondor");
    assert_int_equal(T.toks[S_group_of("accused")->verb].code, DYAD__T_VBD);
    S_chunked("Gondor says the claims are false and accuses Rohan of lying .");
    assert_string_equal(S_span(S_group_of("accuses")->subject), "Gondor");
    /* ... a deed after "be", or a verb after a perfect, stays the clause's */
    S_chunked("Gondor said the orcs were in the hills and attacked a village .");
    assert_string_equal(S_span(S_group_of("attacked")->subject), "the orcs");
    S_chunked("Gondor said Rohan had shelled a village and killed two farmers .");
    assert_string_equal(S_span(S_group_of("killed")->subject), "Rohan");
    /* ... and so does a verb of the clause's own tense after a modal
     * ("would fail and resign": a bare verb) */
    S_chunked("Gondor said the king would fail and resign .");
    assert_string_equal(S_span(S_group_of("resign")->subject), "the king");
    /* a finite verb does not coordinate with a gerund */
    S_chunked("Gondor condemned the shelling of Bree and called on Rohan to stop .");
    assert_string_equal(S_span(S_group_of("called")->subject), "Gondor");
    /* "said that since A and B met , ...": a clause after "that" that
     * opens with a subordinate clause */
    S_chunked("He said that since Rohan and Gondor met in May , Arnor has armed Rhun .");
    assert_string_equal(S_span(S_group_of("met")->subject), "Rohan and Gondor");
    assert_true(S_group_of("said")->reported != DYAD__NONE);
    /* a list after "by" stays in the phrase, unless a verb follows it */
    S_chunked("The meeting was requested by Rohan , Gondor and Arnor .");
    assert_string_equal(S_span(S_pp_np_of("by")), "Rohan , Gondor and Arnor");
    /* quotation marks around a few words inside a clause do not cut it */
    S_chunked("He said the rebels \" will be crushed \" by the army .");
    assert_string_equal(S_span(S_group_of("crushed")->subject), "the rebels");
    assert_true(S_group_of("crushed")->passive);
    S_chunked("Its units had \" captured and wounded 60 \" Rohan raiders .");
    assert_string_equal(S_span(S_group_of("captured")->subject), "Its units");
    /* ... but speech after a comma stays a quotation */
    assert_non_null(strstr(S_chunked("He said , \" We will fight . \""),
                           "(S (`` \") (NP (PRP We))"));
    /* after a speech verb's "that", a past form with an object is a verb */
    S_chunked("Gondor announced on Friday that its army successfully eliminated the Rohan chief .");
    assert_string_equal(S_span(S_group_of("eliminated")->subject), "its army");
    assert_non_null(strstr(S_chunked("He warns that countries seen as stable could become targets ."),
                           "(NP (NP (NNS countries)) (VP (VBN seen)"));
    /* the object of "urge", "pay", "ask" ... does what the infinitive says */
    S_chunked("Gondor paid the rebels in Rohan to attack Arnor .");
    assert_string_equal(S_span(S_group_of("attack")->subject), "the rebels");
    S_chunked("Gondor agreed with Rohan to attack Arnor .");
    assert_string_equal(S_span(S_group_of("attack")->subject), "Gondor");
}

/* ------------------------------------------- verb groups of Treebank trees */

static void test_vgroups_treebank(void **state)
{
    (void)state;
    const char *p =
        "(ROOT (S (NP (NNP Gondor)) (VP (AUXP have) (RB not) (VP (AUXN been) (VP (VBN attacked) "
        "(PP (IN by) (NP (NNP Mordor)))))) (. .)))";
    dyad__err e;
    dyad__arena_reset(&A);
    assert_int_equal(dyad__tree_read(&T, p, strlen(p), &A, &e), DYAD_OK);
    assert_int_equal(dyad__tree_vgroups(&T, NULL, &A), DYAD_OK);
    assert_int_equal(T.nvgroups, 1);
    const dyad__vgroup *g = &T.vgroups[0];
    assert_string_equal(T.toks[g->verb].word, "attacked");
    assert_true(g->passive);
    assert_true(g->perfect);
    assert_true(g->negated);
    assert_int_equal(g->tense, DYAD__TENSE_PRESENT);
    assert_string_equal(S_span(g->subject), "Gondor");
    assert_int_equal(g->vp, 3);   /* ROOT S NP VP */
}

/* --------------------------------------------------- malformed data */

static char S_dir[256];

static void S_write(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", S_dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *const S_tags_ok =
    "--- #YAML:1.0\n"
    "pp: { det: 0.6, nn: 0.2, prp: 0.2 }\n"
    "det: { nn: 0.9, jj: 0.1 }\n"
    "nn: { vbz: 0.7, pp: 0.3 }\n"
    "vbz: { det: 0.5, pp: 0.5 }\n";
static const char *const S_words_ok =
    "--- #YAML:1.0\n"
    "\".\": { pp: 100 }\n"
    "the: { det: 50 }\n"
    "dog: { nn: 5, vb: 1 }\n"
    "barks: { vbz: 3, nns: 1 }\n";

static dyad_status S_load(const char *words, const char *tags, char *msg)
{
    if (words) S_write("words.yml", words);
    if (tags) S_write("tags.yml", tags);
    dyad_tagger *t = NULL;
    dyad_status st = dyad_tagger_new(&t, S_dir);
    snprintf(msg, 512, "%s", dyad_tagger_errmsg(t));
    dyad_tagger_free(t);
    return st;
}

static void test_bad_data(void **state)
{
    (void)state;
    char msg[512], want[512];
    snprintf(S_dir, sizeof S_dir, "/tmp/dyad-test-tagger-%d", (int)getpid());
    assert_int_equal(mkdir(S_dir, 0700), 0);

    /* nothing there: the path and the package to install */
    assert_int_equal(S_load(NULL, NULL, msg), DYAD_EIO);
    snprintf(want, sizeof want, "%s/tags.yml: cannot open", S_dir);
    assert_non_null(strstr(msg, want));
    assert_non_null(strstr(msg, "liblingua-en-tagger-perl"));

    /* a good pair loads and tags */
    assert_int_equal(S_load(S_words_ok, S_tags_ok, msg), DYAD_OK);
    assert_string_equal(msg, "");
    dyad_tagger *t;
    assert_int_equal(dyad_tagger_new(&t, S_dir), DYAD_OK);
    dyad_chunker *c;
    assert_int_equal(dyad_chunker_new(&c, t), DYAD_OK);
    const char *words[] = {"the", "dog", "barks", "."};
    assert_int_equal(dyad_chunker_run_words(c, words, 4), DYAD_OK);
    assert_string_equal(dyad_chunker_tag(c, 0), "DT");
    assert_string_equal(dyad_chunker_tag(c, 1), "NN");
    assert_string_equal(dyad_chunker_tag(c, 2), "VBZ");
    assert_string_equal(dyad_chunker_tag(c, 3), ".");
    dyad_chunker_free(c);
    dyad_tagger_free(t);

    /* DYAD_TAGGER_DIR picks the directory when none is given */
    setenv("DYAD_TAGGER_DIR", S_dir, 1);
    assert_int_equal(dyad_tagger_new(&t, NULL), DYAD_OK);
    dyad_tagger_free(t);
    unsetenv("DYAD_TAGGER_DIR");

    /* malformed lines are refused with file and line */
    assert_int_equal(S_load(S_words_ok, "--- #YAML:1.0\npp: { det: 0.5 }\ndet nn 0.9\n", msg),
                     DYAD_EDICT);
    snprintf(want, sizeof want, "%s/tags.yml:3: expected 'key: { tag: count, ... }'", S_dir);
    assert_string_equal(msg, want);
    assert_int_equal(S_load(S_words_ok, "pp: { det: 0.5, zz: 0.1 }\n", msg), DYAD_EDICT);
    snprintf(want, sizeof want, "%s/tags.yml:1: unknown tag 'zz'", S_dir);
    assert_string_equal(msg, want);
    assert_int_equal(S_load(S_words_ok, "det: { nn: 1.0 }\n", msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "no row for 'pp'"));
    assert_int_equal(S_load(S_words_ok, "pp: { det: 2.5 }\n", msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "tags.yml:1: a probability above 1"));

    assert_int_equal(S_load("the: { det: 50 }\ndog: { nn: five }\n", S_tags_ok, msg), DYAD_EDICT);
    snprintf(want, sizeof want, "%s/words.yml:2: expected a number", S_dir);
    assert_string_equal(msg, want);
    assert_int_equal(S_load("the: { det: 50 }\n\"dog: { nn: 5 }\n", S_tags_ok, msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "words.yml:2: unterminated quoted key"));
    assert_int_equal(S_load("the: { det: 50 }\nthe: { nn: 5 }\n", S_tags_ok, msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "words.yml:2: word listed twice"));
    assert_int_equal(S_load("the: { det: 50, xyz: 3 }\n", S_tags_ok, msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "words.yml:1: unknown tag 'xyz'"));
    assert_int_equal(S_load("the: { det: 50 } junk\n", S_tags_ok, msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "words.yml:1: text after '}'"));
    assert_int_equal(S_load("--- #YAML:1.0\n", S_tags_ok, msg), DYAD_EDICT);
    assert_non_null(strstr(msg, "words.yml: no words"));

    /* a handle that failed to load cannot chunk */
    S_load("--- #YAML:1.0\n", S_tags_ok, msg);
    assert_int_equal(dyad_tagger_new(&t, S_dir), DYAD_EDICT);
    assert_int_equal(dyad_chunker_new(&c, t), DYAD_EINVAL);
    assert_null(c);
    dyad_tagger_free(t);
    assert_string_equal(dyad_tagger_errmsg(NULL), "out of memory");
    dyad_tagger_free(NULL);
    dyad_chunker_free(NULL);

    char path[512];
    snprintf(path, sizeof path, "%s/words.yml", S_dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/tags.yml", S_dir);
    unlink(path);
    rmdir(S_dir);
}

/* -------------------------------------------- invariants, odd input */

/* Checks the parse.h invariants and that the bracketing shows every word. */
/* The heads the chunker chose as it finished t (dyad__tree_head_of) are
 * the ones dyad__tree_heads chooses for the finished tree. */
static void S_check_heads(dyad__tree *t)
{
    uint32_t *h = malloc(((size_t)t->nnodes + 1) * sizeof *h);
    assert_non_null(h);
    for (uint32_t x = 0; x < t->nnodes; x++) h[x] = t->nodes[x].head;
    assert_int_equal(dyad__tree_heads(t), DYAD_OK);
    for (uint32_t x = 0; x < t->nnodes; x++) assert_int_equal(t->nodes[x].head, h[x]);
    free(h);
}

static void S_check_tree(dyad__tree *t)
{
    S_check_heads(t);
    assert_true(t->nnodes >= 1);
    assert_int_equal(t->root, 0);
    assert_int_equal(t->nodes[0].tok_a, 0);
    assert_int_equal(t->nodes[0].tok_b, t->ntoks);
    for (uint32_t x = 0; x < t->nnodes; x++) {
        const dyad__node *d = &t->nodes[x];
        assert_true(d->tok_a <= d->tok_b && d->tok_b <= t->ntoks);
        if (x) {
            assert_true(d->parent < x);
            const dyad__node *p = &t->nodes[d->parent];
            assert_true(p->tok_a <= d->tok_a && d->tok_b <= p->tok_b);
        }
        uint32_t prev_b = d->tok_a, kids = 0;
        for (uint32_t c = d->first_child; c != DYAD__NONE; c = t->nodes[c].next_sibling) {
            assert_true(c > x);
            assert_int_equal(t->nodes[c].parent, x);
            assert_true(t->nodes[c].tok_a >= prev_b);
            assert_true(t->nodes[c].tok_a < t->nodes[c].tok_b);
            prev_b = t->nodes[c].tok_b;
            kids++;
        }
        uint32_t direct = 0;
        for (uint32_t i = d->tok_a; i < d->tok_b; i++) direct += t->toks[i].parent == x;
        assert_true(kids + direct <= 256);   /* what the Treebank writer shows */
        if (d->tok_b > d->tok_a) assert_true(d->head >= d->tok_a && d->head < d->tok_b);
    }
    for (uint32_t i = 0; i < t->ntoks; i++) {
        uint32_t p = t->toks[i].parent;
        assert_true(p < t->nnodes);
        assert_true(t->nodes[p].tok_a <= i && i < t->nodes[p].tok_b);
        for (uint32_t c = t->nodes[p].first_child; c != DYAD__NONE; c = t->nodes[c].next_sibling)
            assert_false(t->nodes[c].tok_a <= i && i < t->nodes[c].tok_b);
    }
    dyad__buf b;
    dyad__buf_init(&b);
    dyad__tree_write(t, t->root, &b);
    size_t opens = 0;
    for (size_t i = 0; i < b.len; i++) opens += b.data[i] == '(';
    size_t parens_in_words = 0;
    for (uint32_t i = 0; i < t->ntoks; i++)   /* a lone "(" is written -LRB- */
        for (const char *s = t->toks[i].word; *s && strcmp(t->toks[i].word, "(") != 0; s++)
            parens_in_words += *s == '(';
    assert_int_equal(opens - parens_in_words, (size_t)t->nnodes + t->ntoks);
    dyad__buf_free(&b);
    for (uint32_t g = 0; g < t->nvgroups; g++) {
        const dyad__vgroup *v = &t->vgroups[g];
        assert_true(v->first <= v->verb && v->verb == v->last && v->last < t->ntoks);
        assert_int_equal(t->nodes[v->vp].label, DYAD__L_VP);
    }
}

static uint64_t S_rand = 88172645463325252ull;
static uint32_t S_next(void)
{
    S_rand ^= S_rand << 13;
    S_rand ^= S_rand >> 7;
    S_rand ^= S_rand << 17;
    return (uint32_t)S_rand;
}

static void test_chunk_random(void **state)
{
    (void)state;
    /* random tag sequences: the chunker needs no tagger here */
    static const char *const vocab[] = {"said", "that", "the", "of", "and", ",", "--", "who",
                                        "will", "not", "to", "be", "has", "by", "Gondor", "'s",
                                        "(", ")", "\"", "at", "least", "more", "than", "when"};
    static dyad__word w[600];
    static uint8_t tags[600];
    for (int round = 0; round < 3000; round++) {
        uint32_t n = S_next() % (round < 2900 ? 40 : 600);
        for (uint32_t i = 0; i < n; i++) {
            const char *s = vocab[S_next() % DYAD_ARRAY_LEN(vocab)];
            w[i].s = s;
            w[i].len = (uint32_t)strlen(s);
            tags[i] = (uint8_t)(S_next() % DYAD__T_COUNT);
        }
        dyad__arena_reset(&A);
        assert_int_equal(dyad__chunk(&T, w, tags, n, NULL, &A), DYAD_OK);
        S_check_tree(&T);
    }
}

static void test_chunk_long(void **state)
{
    (void)state;
    NEED_TAGGER();
    /* long, flat or deeply nested input gives a valid tree (its time is
     * measured by bench/, never asserted by a test) */
    static char text[200000];
    const char *pieces[] = {"Gondor said that ", "Mordor , ", "the leader of ", "( ", "very ",
                            "attacked ", ", who said that "};
    for (size_t p = 0; p < DYAD_ARRAY_LEN(pieces); p++) {
        size_t o = 0;
        for (int r = 0; r < 2000 && o + 40 < sizeof text; r++) o += (size_t)snprintf(text + o, sizeof text - o, "%s", pieces[p]);
        snprintf(text + o, sizeof text - o, "Arnor .");
        S_chunked(text);
        S_check_tree(&T);
    }
}

/* A sentence whose top level is a long run of bare tokens and few phrases
 * ("x x x ... on Tripoli .", or a phrase under a hundred brackets) makes
 * the chunker group its top level into fragments; every length around the
 * group size of 100 yields a valid tree (this once wrote past the end of
 * the children array). */
static void test_chunk_flat_runs(void **state)
{
    (void)state;
    NEED_TAGGER();
    static char text[8192];
    for (int n = 60; n <= 320; n++) {
        size_t o = 0;
        for (int r = 0; r < n; r++) o += (size_t)snprintf(text + o, sizeof text - o, "x ");
        snprintf(text + o, sizeof text - o, "on Tripoli .");
        S_chunked(text);
        S_check_tree(&T);
        o = 0;
        for (int r = 0; r < n; r++) o += (size_t)snprintf(text + o, sizeof text - o, "( ");
        o += (size_t)snprintf(text + o, sizeof text - o, "Gondor attacked Mordor ");
        for (int r = 0; r < n; r++) o += (size_t)snprintf(text + o, sizeof text - o, ") ");
        snprintf(text + o, sizeof text - o, ".");
        S_chunked(text);
        S_check_tree(&T);
    }
}

/* Tags and chunks real sentences and checks the invariants. */
static void test_chunk_real(void **state)
{
    (void)state;
    NEED_TAGGER();
    if (!shared_present()) { printf("SKIP: ../shared is absent\n"); test_skip(); }
    dyad_reader *r;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    dyad_reader_add(r, shared_path("corpus/voa/voa_stories.jsonl"));
    dyad_reader_add(r, shared_path("corpus/seeds/seeds.jsonl"));
    dyad_text *tx;
    assert_int_equal(dyad_text_new(&tx), DYAD_OK);
    const dyad_doc *doc;
    dyad_status st;
    size_t sentences = 0;
    static dyad__word w[4096];
    static uint8_t tags[4096];
    while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
        assert_int_equal(st, DYAD_OK);
        assert_int_equal(dyad_text_analyze(tx, doc), DYAD_OK);
        size_t ntok;
        const dyad_token *tok = dyad_text_tokens(tx, &ntok);
        for (size_t i = 0; i < dyad_text_sentence_count(tx); i++) {
            const dyad_sentence *s = dyad_text_sentence(tx, i);
            if (s->ntokens > 4096) continue;
            for (size_t k = 0; k < s->ntokens; k++) {
                w[k].s = tok[s->first_token + k].norm;
                w[k].len = tok[s->first_token + k].norm_len;
            }
            dyad__arena_reset(&A);
            assert_int_equal(dyad__tagger_tag(TG, w, (uint32_t)s->ntokens, tags, &A), DYAD_OK);
            assert_int_equal(dyad__chunk(&T, w, tags, (uint32_t)s->ntokens, NULL, &A), DYAD_OK);
            S_check_tree(&T);
            sentences++;
        }
    }
    printf("checked %zu real sentences\n", sentences);
    assert_true(sentences > 1000);
    dyad_text_free(tx);
    dyad_reader_free(r);
}

/* ---------------------------------------------------------- word cache */

/* Tags and chunks w[0..n) twice -- plainly, and through the word cache
 * (with the words' lexicon lists) -- and asserts the same tags (before
 * and after the chunker's corrections), lists and tree. */
static void S_same_cached(dyad__wcache *wc, const dyad__word *w, uint32_t n)
{
    static uint8_t t1[4096], t2[4096];
    static uint64_t lx[4096];
    static char tree1[65536];
    assert_true(n <= 4096);
    /* tags first, both ways: the chunker corrects tags in place */
    dyad__arena_reset(&A);
    assert_int_equal(dyad__tagger_tag(TG, w, n, t1, &A), DYAD_OK);
    assert_int_equal(dyad__tagger_tag_cached(TG, wc, NULL, w, n, t2, lx, &A), DYAD_OK);
    for (uint32_t i = 0; i < n; i++) {
        assert_int_equal(t1[i], t2[i]);
        assert_true(lx[i] == dyad__lex_bits(dyad__lexicon_builtin(), w[i].s, w[i].len));
    }
    dyad__buf b;
    dyad__buf_init(&b);
    assert_int_equal(dyad__chunk(&T, w, t1, n, NULL, &A), DYAD_OK);
    if (n) dyad__tree_write(&T, T.root, &b);
    snprintf(tree1, sizeof tree1, "%s", n ? dyad__buf_cstr(&b) : "");
    dyad__buf_clear(&b);
    /* the verb groups too: with the lists given per word (chunk_lx), a
     * verb's lists are not looked up again */
    static dyad__vgroup g1[1024];
    uint32_t ng = T.nvgroups;
    assert_true(ng <= 1024);
    if (ng) memcpy(g1, T.vgroups, ng * sizeof *g1);
    assert_int_equal(dyad__chunk_lx(&T, w, t2, n, NULL, lx, &A), DYAD_OK);
    if (n) {
        dyad__tree_write(&T, T.root, &b);
        assert_string_equal(dyad__buf_cstr(&b), tree1);
    }
    assert_int_equal(T.nvgroups, ng);
    for (uint32_t x = 0; x < ng; x++) {
        assert_int_equal(T.vgroups[x].verb, g1[x].verb);
        assert_int_equal(T.vgroups[x].subject, g1[x].subject);
        assert_int_equal(T.vgroups[x].reported, g1[x].reported);
    }
    for (uint32_t i = 0; i < n; i++) assert_int_equal(t1[i], t2[i]);
    dyad__buf_free(&b);
}

/* The word cache changes no tag, list or tree: our own sentences, where
 * the same spellings come sentence-initial and not, in capitals and not,
 * brackets and long words included, each twice (the second time from
 * the cache); and -- when ../shared is present -- every VOA and seed
 * sentence, twice. */
static void test_wcache(void **state)
{
    (void)state;
    NEED_TAGGER();
    static const char *const sentences[] = {
        "Lima protested after Peru closed the border .",
        "Protesters in Lima said the talks in Quito had failed .",
        "Quito said Lima was ( again ) stalling , officials said .",
        "LIMA SAID QUITO WAS STALLING .",
        "the minister of Bolivia said that Bolivia would not attend the summit",
        "Said the Norwegian envoy : Peru will be invited .",
        "Internationalisationalisms-notwithstanding Oslo mediated between the two sides .",
        "Oslo mediated .",
        "\" Talks resumed \" , Oslo said .",
    };
    dyad__wcache *wc = dyad__wcache_new();
    assert_non_null(wc);
    static dyad__word w[256];
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < DYAD_ARRAY_LEN(sentences); k++) {
            uint32_t n = S_words(sentences[k], w, 256);
            S_same_cached(wc, w, n);
        }
    S_same_cached(wc, w, 0);
    /* more spellings than the cache has slots (16,384), twice over: every
     * set fills and gives ways up in turn, and a spelling comes back to
     * a set that no longer holds it; invented names between common
     * words, sentence-initial and not, in capitals and not */
    {
        static const char *const glue[] = {"the", "Senate", "of", "said", "in", "and",
                                           "would", "visit", "Lima", "on", "Monday", "."};
        static char buf[256];
        for (int pass = 0; pass < 2; pass++)
            for (unsigned k = 0; k < 6000; k++) {
                size_t o = 0;
                for (unsigned j = 0; j < 12; j++) {
                    unsigned x = (k * 7 + j * 2003 + (unsigned)pass * 977) % 36000;
                    char name[16];
                    snprintf(name, sizeof name, "%c%c%c%co", (j % 3 == 0 ? 'Q' : 'q') + 0,
                             'a' + x % 26, 'a' + x / 26 % 26, 'a' + x / 676 % 26);
                    if (x % 5 == 0) name[0] = 'Q', name[1] = (char)('A' + x % 26);
                    o += (size_t)snprintf(buf + o, sizeof buf - o, "%s %s ",
                                          j % 2 ? glue[(k + j) % 12] : name,
                                          j % 4 == 1 ? name : glue[(k * 3 + j) % 12]);
                }
                uint32_t n = S_words(buf, w, 256);
                S_same_cached(wc, w, n);
            }
    }
    /* other lists: the cache forgets the lists it holds */
    dyad__wcache_forget_lists(wc);
    uint32_t n = S_words(sentences[0], w, 256);
    S_same_cached(wc, w, n);
    if (!shared_present()) {
        printf("SKIP (the corpus part): ../shared is absent\n");
        dyad__wcache_free(wc);
        return;
    }
    dyad_text *tx;
    assert_int_equal(dyad_text_new(&tx), DYAD_OK);
    size_t sentences_done = 0;
    static dyad__word cw[4096];
    for (int pass = 0; pass < 2; pass++) {
        dyad_reader *r;
        assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
        dyad_reader_add(r, shared_path("corpus/voa/voa_stories.jsonl"));
        dyad_reader_add(r, shared_path("corpus/seeds/seeds.jsonl"));
        const dyad_doc *doc;
        dyad_status st;
        while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
            assert_int_equal(st, DYAD_OK);
            assert_int_equal(dyad_text_analyze(tx, doc), DYAD_OK);
            size_t ntok;
            const dyad_token *tok = dyad_text_tokens(tx, &ntok);
            for (size_t i = 0; i < dyad_text_sentence_count(tx); i++) {
                const dyad_sentence *s = dyad_text_sentence(tx, i);
                if (s->ntokens > 4096) continue;
                for (size_t k = 0; k < s->ntokens; k++) {
                    cw[k].s = tok[s->first_token + k].norm;
                    cw[k].len = tok[s->first_token + k].norm_len;
                }
                S_same_cached(wc, cw, (uint32_t)s->ntokens);
                sentences_done++;
            }
        }
        dyad_reader_free(r);
    }
    printf("compared %zu real sentences with and without the cache\n", sentences_done);
    assert_true(sentences_done > 2000);
    dyad_text_free(tx);
    dyad__wcache_free(wc);
}

/* Tag codes are equal exactly when the tag strings are. */
static void test_tag_codes(void **state)
{
    (void)state;
    static const char *const tags[] = {"NN", "NNP", "NNPS", "VB", "VBD", "PRP$", "-LRB-", ".",
                                       ",", "``", "''", "AUX", "AUXB", "AUXD", "AUXG", "AUXN",
                                       "AUXP", "AUXZ", "NP", "VP", "S", "SBAR", "ROOT", "X",
                                       "NP-TMP", "aux", "nn", "", "-NONE-", "VBX", "AUXQ"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(tags); i++)
        for (size_t j = 0; j < DYAD_ARRAY_LEN(tags); j++) {
            unsigned a = dyad__tag_code(tags[i]), b = dyad__tag_code(tags[j]);
            int known = a != DYAD__TC_OTHER && b != DYAD__TC_OTHER;
            if (known) assert_int_equal(a == b, strcmp(tags[i], tags[j]) == 0);
        }
    assert_int_equal(dyad__tag_code("NNP"), DYAD__T_NNP);
    assert_int_equal(dyad__tag_code("AUXP"), DYAD__TC_AUXP);
    assert_int_equal(dyad__tag_code("NP"), dyad__label_code(DYAD__L_NP));
    assert_int_equal(dyad__tag_code("NP-TMP"), DYAD__TC_OTHER);
    assert_int_equal(dyad__tag_code(""), DYAD__TC_OTHER);
    assert_int_equal(dyad__label_code(DYAD__L_OTHER), DYAD__TC_OTHER);
    assert_true(DYAD__TC_OTHER < 256);
}

/* ---------------------------------------------------------- public API */

/* The chunker's limits through the public handle: a sentence of more
 * than DYAD_MAX_SENTENCE_TOKENS words, or with brackets and quotation
 * marks nested deeper than DYAD_MAX_NESTING, is refused with DYAD_ELIMIT
 * and a message naming its byte offset (word position for run_words);
 * at the limits it is chunked; the next run clears the message. */
static void test_chunker_limits(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_tagger *tg;
    assert_int_equal(dyad_tagger_new(&tg, NULL), DYAD_OK);
    dyad_chunker *c;
    assert_int_equal(dyad_chunker_new(&c, tg), DYAD_OK);
    dyad_text *t;
    assert_int_equal(dyad_text_new(&t), DYAD_OK);
    size_t n = DYAD_MAX_SENTENCE_TOKENS + 1;
    const char **words = malloc(n * sizeof *words);
    for (size_t i = 0; i < n; i++) words[i] = i % 2 ? "attacked" : "Gondor";
    assert_int_equal(dyad_chunker_run_words(c, words, n), DYAD_ELIMIT);
    assert_string_equal(dyad_chunker_errmsg(c),
                        "word 1: sentence of 10001 words, over the limit of 10000; skipped");
    assert_int_equal(dyad_chunker_token_count(c), 0);
    assert_int_equal(dyad_chunker_run_words(c, words, n - 1), DYAD_OK);
    assert_string_equal(dyad_chunker_errmsg(c), "");
    assert_int_equal(dyad_chunker_token_count(c), n - 1);
    free(words);

    /* a long sentence in a text: the offset is the sentence's */
    static char text[80000];
    size_t o = (size_t)snprintf(text, sizeof text, "Talks resumed. Gondor ");
    while (o < 60000) o += (size_t)snprintf(text + o, sizeof text - o, "x y ");
    snprintf(text + o, sizeof text - o, "z.");
    assert_int_equal(dyad_text_analyze_str(t, text, strlen(text), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(t), 2);
    assert_int_equal(dyad_chunker_run(c, t, 0), DYAD_OK);
    assert_int_equal(dyad_chunker_run(c, t, 1), DYAD_ELIMIT);
    assert_non_null(strstr(dyad_chunker_errmsg(c), "byte 15: sentence of "));
    assert_non_null(strstr(dyad_chunker_errmsg(c), "over the limit of 10000"));

    /* nesting: 32 brackets open at once are chunked, 33 are not; the
     * offset is the 33rd bracket's */
    for (int extra = 0; extra < 2; extra++) {
        int depth = DYAD_MAX_NESTING + extra;
        o = (size_t)snprintf(text, sizeof text, "Gondor said ");
        for (int i = 0; i < depth; i++) o += (size_t)snprintf(text + o, sizeof text - o, "( ");
        o += (size_t)snprintf(text + o, sizeof text - o, "Mordor");
        for (int i = 0; i < depth; i++) o += (size_t)snprintf(text + o, sizeof text - o, " )");
        snprintf(text + o, sizeof text - o, ".");
        assert_int_equal(dyad_text_analyze_str(t, text, strlen(text), NULL, 1), DYAD_OK);
        dyad_status st = dyad_chunker_run(c, t, 0);
        assert_int_equal(st, extra ? DYAD_ELIMIT : DYAD_OK);
        if (extra)
            assert_string_equal(dyad_chunker_errmsg(c),
                                "byte 76: brackets and quotation marks nested deeper than 32, "
                                "the limit; sentence skipped");
    }

    /* a word holding brackets or blanks (run_words takes any string)
     * keeps the tree one balanced bracketing */
    const char *odd[] = {"Gondor", "((x)", "attacked", "a b", ")", "."};
    assert_int_equal(dyad_chunker_run_words(c, odd, 6), DYAD_OK);
    const char *tree = dyad_chunker_tree(c);
    int depth = 0;
    for (const char *p = tree; *p; p++) {
        depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        assert_true(depth > 0 || !p[1]);
    }
    assert_int_equal(depth, 0);
    assert_non_null(strstr(tree, "-LRB--LRB-x-RRB-"));
    assert_non_null(strstr(tree, "a_b"));
    dyad_text_free(t);
    dyad_chunker_free(c);
    dyad_tagger_free(tg);
}

static void test_public_api(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_tagger *tg;
    assert_int_equal(dyad_tagger_new(&tg, NULL), DYAD_OK);
    assert_string_equal(dyad_tagger_errmsg(tg), "");
    dyad_chunker *c;
    assert_int_equal(dyad_chunker_new(&c, tg), DYAD_OK);
    dyad_text *t;
    assert_int_equal(dyad_text_new(&t), DYAD_OK);
    const char *s = "Gondor's army will not attack Mordor, the minister said. "
                    "Talks resumed.";
    assert_int_equal(dyad_text_analyze_str(t, s, strlen(s), NULL, 0), DYAD_OK);
    assert_int_equal(dyad_text_sentence_count(t), 2);
    assert_int_equal(dyad_chunker_run(c, t, 0), DYAD_OK);
    assert_int_equal(dyad_chunker_token_count(c), 12);
    assert_string_equal(dyad_chunker_tag(c, 1), "POS");
    assert_string_equal(dyad_chunker_tag(c, 99), "");
    assert_string_equal(dyad_chunker_tree(c),
                        "(ROOT (S (S (NP (NP (NNP Gondor) (POS 's)) (NN army)) (VP (MD will) (RB not) "
                        "(VP (VB attack) (NP (NNP Mordor))))) (, ,) (NP (DT the) (NN minister)) "
                        "(VP (VBD said)) (. .)))");
    assert_int_equal(dyad_chunker_verb_group_count(c), 2);
    const dyad_verb_group *g = dyad_chunker_verb_group(c, 0);
    assert_int_equal(g->verb, 5);
    assert_int_equal(g->first, 3);
    assert_int_equal(g->modal, 3);
    assert_int_equal(g->negation, 4);
    assert_int_equal(g->tense, DYAD_TENSE_FUTURE);
    assert_int_equal(g->modality, DYAD_MODALITY_FUTURE);
    assert_true(g->negated);
    assert_false(g->passive);
    assert_int_equal(g->subject_first, 0);
    assert_int_equal(g->subject_end, 3);
    assert_int_equal(g->reported_first, g->reported_end);
    g = dyad_chunker_verb_group(c, 1);
    assert_int_equal(g->verb, 10);
    assert_int_equal(g->reported_first, 0);
    assert_int_equal(g->reported_end, 7);
    assert_int_equal(g->modal, DYAD_NO_TOKEN);
    assert_null(dyad_chunker_verb_group(c, 2));
    assert_string_equal(dyad_tense_name(DYAD_TENSE_PAST), "past");
    assert_string_equal(dyad_modality_name(DYAD_MODALITY_OBLIGATION), "obligation");

    assert_int_equal(dyad_chunker_run(c, t, 1), DYAD_OK);
    assert_string_equal(dyad_chunker_tree(c),
                        "(ROOT (S (NP (NNS Talks)) (VP (VBD resumed)) (. .)))");
    assert_int_equal(dyad_chunker_run(c, t, 2), DYAD_EINVAL);
    assert_int_equal(dyad_chunker_token_count(c), 0);
    assert_int_equal(dyad_chunker_run_words(c, NULL, 0), DYAD_OK);
    assert_string_equal(dyad_chunker_tree(c), "(ROOT)");
    dyad_text_free(t);
    dyad_chunker_free(c);
    dyad_tagger_free(tg);
}

/* --------------------------------------------------- agreement (suite) */

typedef struct agree { size_t tokens, same; } agree;

/* Tags (and chunks: the chunker corrects a few tags) the leaf words of
 * every <Parse> in path and counts agreement with the parse's tags.
 * PETRARCH's auxiliary tags (AUXD ...) count as their Penn verb tags. */
static agree S_agreement(const char *path)
{
    agree ag = {0, 0};
    dyad_reader *r;
    assert_int_equal(dyad_reader_new(&r, NULL), DYAD_OK);
    dyad_reader_add(r, path);
    const dyad_doc *doc;
    dyad_status st;
    static dyad__word w[4096];
    static uint8_t tags[4096];
    size_t parses = 0, bad = 0;
    while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
        if (st != DYAD_OK) continue;   /* records the reader refuses (e.g. no text) */
        if (!doc->parse) continue;
        dyad__err e;
        dyad__tree gold, mine;
        dyad__arena_reset(&A);
        if (dyad__tree_read(&gold, doc->parse, strlen(doc->parse), &A, &e) != DYAD_OK) {
            bad++;   /* the suite's deliberately broken parses (ERROR-02 ...) */
            continue;
        }
        if (gold.ntoks > 4096) continue;
        parses++;
        for (uint32_t i = 0; i < gold.ntoks; i++) {
            w[i].s = gold.toks[i].word;
            w[i].len = (uint32_t)strlen(gold.toks[i].word);
        }
        assert_int_equal(dyad__tagger_tag(TG, w, gold.ntoks, tags, &A), DYAD_OK);
        assert_int_equal(dyad__chunk(&mine, w, tags, gold.ntoks, NULL, &A), DYAD_OK);
        for (uint32_t i = 0; i < gold.ntoks; i++) {
            ag.tokens++;
            ag.same += dyad__ptag_parse(gold.toks[i].tag) == tags[i];
        }
    }
    dyad_reader_free(r);
    const char *base = strrchr(path, '/');
    printf("  %-32s %4zu parses (%zu unreadable) %6zu tokens  %.2f%% agree\n",
           base ? base + 1 : path, parses, bad, ag.tokens,
           ag.tokens ? 100.0 * (double)ag.same / (double)ag.tokens : 0.0);
    assert_true(parses > 0);
    return ag;
}

static void test_agreement(void **state)
{
    (void)state;
    NEED_TAGGER();
    if (!shared_present()) { printf("SKIP: ../shared is absent\n"); test_skip(); }
    printf("tag agreement with the suite's parse trees:\n");
    agree a = S_agreement(shared_path("petrarch2/validation/PETR.UnitTest.records.xml"));
    agree b = S_agreement(shared_path("corpus/GigaWord.sample.PETR.xml"));
    size_t tokens = a.tokens + b.tokens, same = a.same + b.same;
    double pct = 100.0 * (double)same / (double)tokens;
    printf("  all: %zu tokens, %.2f%% agree\n", tokens, pct);
    assert_true(pct >= 95.0);
    assert_true(100.0 * (double)a.same / (double)a.tokens >= 95.0);
    assert_true(100.0 * (double)b.same / (double)b.tokens >= 95.0);
}

/* ---------------------------------------------------- the compiled model */


/* The tags of our own sentences under model m, as one string. */
static void S_tags_under(const dyad_tagger *m, char *out, size_t cap)
{
    static const char *const sent[] = {
        "Peruvian troops shelled a rebel camp near the Bolivian border on Tuesday .",
        "The Norwegian minister said Chile had rejected the proposal .",
        "Zorbified quantelings were flummoxed by 1,250 unexplained ballots in 2031 .",
    };
    size_t o = 0;
    out[0] = 0;
    for (size_t k = 0; k < DYAD_ARRAY_LEN(sent); k++) {
        dyad__word w[64];
        uint8_t tags[64];
        uint32_t n = S_words(sent[k], w, 64);
        dyad__arena_reset(&A);
        assert_int_equal(dyad__tagger_tag(m, w, n, tags, &A), DYAD_OK);
        for (uint32_t i = 0; i < n && o + 8 < cap; i++)
            o += (size_t)snprintf(out + o, cap - o, "%s ", dyad__ptag_name(tags[i]));
    }
}

/* Loads the compiled model held in buf[0..len) (written to a file);
 * returns whether it was used, with the note in *note. */
static int S_try_model(const unsigned char *buf, size_t len, int reseal, dyad__err *note,
                       const char *want_tags)
{
    unsigned char *copy = malloc(len + 1);
    assert_non_null(copy);
    if (len) memcpy(copy, buf, len);
    if (reseal) dyad__tagger_model_seal(copy, len);
    char *path = tmp_file(".bin", copy, len);
    free(copy);
    dyad_tagger *m = NULL;
    dyad__err err;
    dyad__err_clear(&err);
    assert_int_equal(dyad__tagger_load_from(&m, NULL, path, note, &err), DYAD_OK);
    int used = dyad__tagger_is_compiled(m);
    static char got[4096];
    S_tags_under(m, got, sizeof got);   /* a model in use never reads out of bounds */
    if (!used) assert_string_equal(got, want_tags);   /* the fallback is the YAML's model */
    dyad__tagger_destroy(m);
    remove(path);
    return used;
}

static void test_compiled_model(void **state)
{
    (void)state;
    NEED_TAGGER();
    char p1[128], p2[128];
    snprintf(p1, sizeof p1, "/tmp/dyad-test-tagmodel-%d-1.bin", (int)getpid());
    snprintf(p2, sizeof p2, "/tmp/dyad-test-tagmodel-%d-2.bin", (int)getpid());
    dyad__err err, note;
    dyad__err_clear(&err);
    assert_int_equal(dyad__tagger_compile(NULL, p1, &err), DYAD_OK);

    /* the model from the YAML and the model from the file: the same
     * tags, and the file written again from the loaded model is the
     * same bytes */
    dyad_tagger *ty = NULL, *tc = NULL;
    assert_int_equal(dyad__tagger_load_from(&ty, NULL, NULL, &note, &err), DYAD_OK);
    assert_false(dyad__tagger_is_compiled(ty));
    assert_int_equal(dyad__tagger_load_from(&tc, NULL, p1, &note, &err), DYAD_OK);
    assert_string_equal(note.msg, "");
    assert_true(dyad__tagger_is_compiled(tc));
    static char want[4096], got[4096];
    S_tags_under(ty, want, sizeof want);
    S_tags_under(tc, got, sizeof got);
    assert_string_equal(got, want);
    assert_int_equal(dyad__tagger_save(tc, p2, &err), DYAD_OK);
    size_t n1, n2;
    unsigned char *b1 = read_whole(p1, &n1), *b2 = read_whole(p2, &n2);
    assert_true(n1 > 1000 && n1 == n2);
    assert_memory_equal(b1, b2, n1);
    free(b2);
    dyad__tagger_destroy(ty);
    dyad__tagger_destroy(tc);
    remove(p1);
    remove(p2);

    /* absent: silently the YAML */
    snprintf(p2, sizeof p2, "/tmp/dyad-test-tagmodel-%d-absent.bin", (int)getpid());
    assert_int_equal(dyad__tagger_load_from(&ty, NULL, p2, &note, &err), DYAD_OK);
    assert_false(dyad__tagger_is_compiled(ty));
    assert_string_equal(note.msg, "");
    dyad__tagger_destroy(ty);

    /* stale (built from other Lingua files: the hash of words.yml
     * differs): silently the YAML */
    b1[56] ^= 1;
    assert_false(S_try_model(b1, n1, 1, &note, want));
    assert_string_equal(note.msg, "");
    b1[56] ^= 1;

    /* damaged: one message naming the file, then the YAML */
    size_t cuts[] = {0, 7, 127, 128, n1 / 2, n1 - 1};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(cuts); i++) {
        assert_false(S_try_model(b1, cuts[i], 0, &note, want));
        assert_non_null(strstr(note.msg, "/tmp/dyad-test-"));
        assert_non_null(strstr(note.msg, "byte"));
    }
    b1[0] ^= 0x20;   /* not a model at all */
    assert_false(S_try_model(b1, n1, 0, &note, want));
    assert_non_null(strstr(note.msg, "not a compiled tagger model"));
    b1[0] ^= 0x20;
    b1[n1 / 3] ^= 0x10;   /* one bit of the tables: the checksum */
    assert_false(S_try_model(b1, n1, 0, &note, want));
    assert_non_null(strstr(note.msg, "checksum"));
    b1[n1 / 3] ^= 0x10;
    /* damage behind a correct checksum: the bounds checks refuse what
     * would leave a table; what stays in range may be used, but must
     * tag without a fault (ASan) */
    unsigned char *big = realloc(b1, n1 + 8);
    assert_non_null(big);
    b1 = big;
    memset(b1 + n1, 0, 8);
    assert_false(S_try_model(b1, n1 + 8, 1, &note, want));   /* bytes after the tables */
    assert_non_null(strstr(note.msg, "after the last table"));
    for (int k = 1; k < 24; k++) {
        size_t at = 128 + (n1 - 128) / 24 * (size_t)k + (size_t)k;
        unsigned char was = b1[at];
        b1[at] = (unsigned char)(was ^ 0xA5);
        dyad__err_clear(&note);
        int used = S_try_model(b1, n1, 1, &note, want);
        assert_true(used ? note.msg[0] == 0 : note.msg[0] != 0);
        b1[at] = was;
    }
    free(b1);
}


int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_names),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_chunk_basic),
        cmocka_unit_test(test_chunk_said),
        cmocka_unit_test(test_chunk_np),
        cmocka_unit_test(test_chunk_clauses),
        cmocka_unit_test(test_vgroups_treebank),
        cmocka_unit_test(test_bad_data),
        cmocka_unit_test(test_compiled_model),
        cmocka_unit_test(test_chunk_random),
        cmocka_unit_test(test_chunk_long),
        cmocka_unit_test(test_chunk_flat_runs),
        cmocka_unit_test(test_chunk_real),
        cmocka_unit_test(test_wcache),
        cmocka_unit_test(test_tag_codes),
        cmocka_unit_test(test_public_api),
        cmocka_unit_test(test_chunker_limits),
        cmocka_unit_test(test_agreement),
    };
    return test_result(cmocka_run_group_tests(tests, setup, teardown));
}
