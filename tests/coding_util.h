/*
 * coding_util.h -- what the coding tests on the built-in dictionaries
 * share (test_builtin_verbs.c, test_news.c): loading data/dict as the
 * build installs it, the engine in `dyad code`'s news mode (the one entry
 * point every front end uses) over the built-in tagger and chunker
 * (absent data: g_tagger stays NULL and the coding tests skip with a
 * message), and the comparison of one sentence's records with an
 * expected list "SRC TGT CODE; ...".  One test program per translation
 * unit: the state is static.
 */
#ifndef DYAD_CODING_UTIL_H
#define DYAD_CODING_UTIL_H

#include "testutil.h"

static dyad_dict *g_dict;
static dyad_tagger *g_tagger;
static dyad_engine *g_engine;
static size_t g_sid;          /* the sentence checked, from 1 */

static int coding_setup(void **state)
{
    (void)state;
    if (dyad_dict_new(&g_dict) != DYAD_OK) return -1;
    dyad_status st = dyad_dict_add_dir(g_dict, DYAD_BUILTIN_DICT_DIR);
    if (st != DYAD_OK && st != DYAD_EDICT) return -1;
    st = dyad_dict_compile(g_dict);
    if (st != DYAD_OK && st != DYAD_EDICT) return -1;
    if (dyad_tagger_new(&g_tagger, NULL) != DYAD_OK) {
        printf("NOTE: the tagger data is missing (%s); the coding tests are skipped.\n"
               "      Install liblingua-en-tagger-perl (scripts/bootstrap does).\n",
               dyad_tagger_errmsg(g_tagger));
        dyad_tagger_free(g_tagger);
        g_tagger = NULL;
        return 0;
    }
    /* as `dyad code` runs it (the news mode, asserted events) */
    dyad_engine_options o = dyad_engine_defaults();
    return dyad_engine_new(&g_engine, g_dict, g_tagger, &o) == DYAD_OK ? 0 : -1;
}

/* Codes text as one document (one_sentence: the text is one sentence)
 * dated date, and makes sentence `sentence` (from 0) the one the checks
 * below look at. */
static void coding_code(const char *text, size_t sentence, int one_sentence, const char *date)
{
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "test";
    doc.text = text;
    doc.len = strlen(text);
    doc.date = date;
    doc.path = "test";
    doc.one_sentence = one_sentence;
    assert_int_equal(dyad_engine_code(g_engine, &doc), DYAD_OK);
    g_sid = sentence + 1;
}

/* The records of the sentence checked, in order: the i-th, or NULL. */
static const dyad_record *coding_record(size_t i)
{
    for (size_t k = 0; k < dyad_engine_record_count(g_engine); k++) {
        const dyad_record *r = dyad_engine_record(g_engine, k);
        if (r->sentence_id == g_sid && i-- == 0) return r;
    }
    return NULL;
}

static int coding_teardown(void **state)
{
    (void)state;
    dyad_engine_free(g_engine);
    dyad_tagger_free(g_tagger);
    dyad_dict_free(g_dict);
    return 0;
}

/* Whether "SRC TGT CODE" occurs among the checked sentence's records. */
static int coding_has(const char *want)
{
    const dyad_record *e;
    for (size_t i = 0; (e = coding_record(i)) != NULL; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s %s %s", e->source, e->target, e->code);
        if (strcmp(buf, want) == 0) return 1;
    }
    return 0;
}

/* Compares the checked sentence's records with events ("SRC TGT CODE; ...", exactly,
 * "" for none); on a mismatch prints what, labelled, and returns 0. */
static int coding_check(const char *events, const char *label)
{
    size_t want = 0;
    int ok = 1;
    const char *p = events;
    while (*p) {
        while (*p == ' ' || *p == ';') p++;
        if (!*p) break;
        const char *q = strchr(p, ';');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        while (len && p[len - 1] == ' ') len--;
        char one[64];
        assert_true(len < sizeof one);
        memcpy(one, p, len);
        one[len] = 0;
        want++;
        if (!coding_has(one)) ok = 0;
        p += len;
    }
    size_t got = 0;
    while (coding_record(got)) got++;
    if (got != want) ok = 0;
    if (!ok) {
        printf("# %s\n#   expected: %s\n#   got:     ", label, *events ? events : "(none)");
        const dyad_record *e;
        for (size_t k = 0; (e = coding_record(k)) != NULL; k++)
            printf("%s%s %s %s", k ? "; " : "", e->source, e->target, e->code);
        printf("%s\n", got ? "" : "(none)");
    }
    return ok;
}

#endif
