/*
 * fuzz_tag.c -- fuzz target for the tagger and chunker: the input is
 * split into words at spaces and tagged and chunked; the tree must be
 * well formed whatever the words.  The tagger data is loaded once; when
 * it is not installed the target does nothing.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_tagger *tg;
    static int tried;
    if (!tried) {
        tried = 1;
        if (dyad_tagger_new(&tg, NULL) != DYAD_OK) { dyad_tagger_free(tg); tg = NULL; }
    }
    if (!tg || size > 4096) return 0;
    char *buf = malloc(size + 1);
    const char *words[1024];
    size_t n = 0;
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    for (char *p = strtok(buf, " \n\t"); p && n < 1024; p = strtok(NULL, " \n\t")) words[n++] = p;
    dyad_chunker *c;
    if (dyad_chunker_new(&c, tg) == DYAD_OK) {
        if (dyad_chunker_run_words(c, words, n) == DYAD_OK) {
            const char *tree = dyad_chunker_tree(c);
            if (tree && tree[0] != '(') abort();
            for (size_t i = 0; i < dyad_chunker_verb_group_count(c); i++) {
                const dyad_verb_group *g = dyad_chunker_verb_group(c, i);
                if (!g || g->verb >= dyad_chunker_token_count(c)) abort();
            }
        }
        dyad_chunker_free(c);
    }
    free(buf);
    return 0;
}
