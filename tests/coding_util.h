/*
 * coding_util.h -- what the coding tests on the built-in dictionaries
 * share (test_builtin_verbs.c, test_news.c): loading data/dict as the
 * build installs it, a coder in `dyad code`'s news mode, the built-in
 * tagger and chunker (absent data: g_tagger stays NULL and the coding
 * tests skip with a message), and the comparison of the coder's events
 * with an expected list "SRC TGT CODE; ...".  One test program per
 * translation unit: the state is static.
 */
#ifndef DYAD_CODING_UTIL_H
#define DYAD_CODING_UTIL_H

#include "testutil.h"

static dyad_dict *g_dict;
static dyad_tagger *g_tagger;
static dyad_chunker *g_chunker;
static dyad_coder *g_coder;
static dyad_text *g_text;

static int coding_setup(void **state)
{
    (void)state;
    if (dyad_dict_new(&g_dict) != DYAD_OK) return -1;
    dyad_status st = dyad_dict_add_dir(g_dict, DYAD_BUILTIN_DICT_DIR);
    if (st != DYAD_OK && st != DYAD_EDICT) return -1;
    st = dyad_dict_compile(g_dict);
    if (st != DYAD_OK && st != DYAD_EDICT) return -1;
    if (dyad_coder_new(&g_coder, g_dict) != DYAD_OK || dyad_text_new(&g_text) != DYAD_OK)
        return -1;
    /* as `dyad code` runs it (the news mode) */
    if (dyad_coder_set_option(g_coder, "agent_country", "true") != DYAD_OK) return -1;
    if (dyad_tagger_new(&g_tagger, NULL) != DYAD_OK) {
        printf("NOTE: the tagger data is missing (%s); the coding tests are skipped.\n"
               "      Install liblingua-en-tagger-perl (scripts/bootstrap does).\n",
               dyad_tagger_errmsg(g_tagger));
        dyad_tagger_free(g_tagger);
        g_tagger = NULL;
    } else if (dyad_chunker_new(&g_chunker, g_tagger) != DYAD_OK) {
        return -1;
    }
    return 0;
}

static int coding_teardown(void **state)
{
    (void)state;
    dyad_chunker_free(g_chunker);
    dyad_tagger_free(g_tagger);
    dyad_coder_free(g_coder);
    dyad_text_free(g_text);
    dyad_dict_free(g_dict);
    return 0;
}

/* Whether "SRC TGT CODE" occurs among the coder's events. */
static int coding_has(const char *want)
{
    for (size_t i = 0; i < dyad_coder_event_count(g_coder); i++) {
        const dyad_event *e = dyad_coder_event(g_coder, i);
        char buf[256];
        snprintf(buf, sizeof buf, "%s %s %s", e->source, e->target, e->code);
        if (strcmp(buf, want) == 0) return 1;
    }
    return 0;
}

/* Compares the coder's events with events ("SRC TGT CODE; ...", exactly,
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
    if (dyad_coder_event_count(g_coder) != want) ok = 0;
    if (!ok) {
        printf("# %s\n#   expected: %s\n#   got:     ", label, *events ? events : "(none)");
        for (size_t k = 0; k < dyad_coder_event_count(g_coder); k++) {
            const dyad_event *e = dyad_coder_event(g_coder, k);
            printf("%s%s %s %s", k ? "; " : "", e->source, e->target, e->code);
        }
        printf("%s\n", dyad_coder_event_count(g_coder) ? "" : "(none)");
    }
    return ok;
}

#endif
