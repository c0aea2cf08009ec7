/*
 * engine_util.h -- what the engine-level tests share (test_engine.c,
 * test_gazetteer.c, test_places.c): the built-in dictionaries as the
 * build installs them and the built-in tagger, loaded once per program
 * (absent tagger data: g_tagger stays NULL and NEED_TAGGER() skips the
 * test with a message).  One test program per translation unit: the
 * state is static.
 */
#ifndef DYAD_ENGINE_UTIL_H
#define DYAD_ENGINE_UTIL_H

#include "testutil.h"

#ifndef DYAD_BUILTIN_DICT_DIR
#error "DYAD_BUILTIN_DICT_DIR must name the built-in dictionaries"
#endif

static dyad_dict *g_dict;
static dyad_tagger *g_tagger;

/* Loads both; 0 on success (a missing tagger is not a failure). */
static int engine_util_setup(void)
{
    if (dyad_dict_new(&g_dict) != DYAD_OK) return -1;
    dyad_status st = dyad_dict_add_dir(g_dict, DYAD_BUILTIN_DICT_DIR);
    if (st != DYAD_OK && st != DYAD_EDICT) return -1;
    dyad_dict_compile(g_dict);
    if (dyad_tagger_new(&g_tagger, NULL) != DYAD_OK) {
        printf("NOTE: the tagger data is missing (%s); the engine tests are skipped.\n",
               dyad_tagger_errmsg(g_tagger));
        dyad_tagger_free(g_tagger);
        g_tagger = NULL;
    }
    return 0;
}

static void engine_util_teardown(void)
{
    dyad_tagger_free(g_tagger);
    dyad_dict_free(g_dict);
}

#define NEED_TAGGER()                                        \
    do {                                                     \
        if (!g_tagger) {                                     \
            print_message("SKIP: no tagger data\n");         \
            test_skip();                                          \
        }                                                    \
    } while (0)

#endif
