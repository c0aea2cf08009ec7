/*
 * fuzz_dict.c -- fuzz target for the dictionary loaders: the first byte
 * picks the kind (auto, verbs, actors, agents, discards, issues), the
 * rest is dictionary text.  Loading must never crash and every
 * diagnostic must name a line; the compiled dictionary is then queried.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    dyad_dict *d;
    if (dyad_dict_new(&d) != DYAD_OK) return 0;
    dyad_dict_add_text(d, "fuzz.txt", (const char *)data + 1, size - 1,
                       (dyad_dict_kind)(data[0] % DYAD_DICT_NKINDS));
    dyad_dict_compile(d);
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if (!g || !g->message) abort();
    }
    static const char *const phrase[] = {"the", "Russian", "president", "Vladimir", "Putin",
                                         "discussed", "talks", "with", "Turkey"};
    dyad_dict_word w[9];
    for (int i = 0; i < 9; i++) { w[i].s = phrase[i]; w[i].len = strlen(phrase[i]); }
    dyad_dict_match m[8];
    for (size_t i = 0; i < 9; i++) {
        dyad_dict_match_at(d, 0xffu, w, 9, i, DYAD_MATCH_GAPS | DYAD_MATCH_STEMS, m, 8);
        dyad_dict_match_verb(d, w, 9, i, m, 8);
    }
    dyad_dict_hit h[8];
    dyad_dict_lookup(d, "Vladimir Putin discussed talks", h, 8);
    dyad_dict_free(d);
    return 0;
}
