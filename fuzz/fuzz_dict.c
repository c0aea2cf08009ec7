/*
 * fuzz_dict.c -- fuzz target for one dictionary loader, built once per
 * kind (fuzz_dict_verbs, _actors, _agents, _discards, _issues: the build
 * defines DYAD_FUZZ_DICT_KIND); the whole input is dictionary text.
 * Loading must never crash, every diagnostic must name its line, and the
 * compiled dictionary is then queried through every lookup (phrases,
 * verbs with their patterns, entries, synsets), so what the loader
 * stored is read back.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef DYAD_FUZZ_DICT_KIND
#define DYAD_FUZZ_DICT_KIND DYAD_DICT_AUTO
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const phrase[] = {"the", "Russian", "president", "Vladimir", "Putin",
                                         "discussed", "talks", "with", "Turkey", "on", "Libya"};
    enum { NW = sizeof phrase / sizeof phrase[0] };
    dyad_dict *d;
    if (dyad_dict_new(&d) != DYAD_OK) return 0;
    dyad_dict_add_text(d, "fuzz.txt", (const char *)data, size, DYAD_FUZZ_DICT_KIND);
    dyad_dict_compile(d);
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if (!g || !g->message) abort();
    }
    dyad_dict_word w[NW];
    for (int i = 0; i < NW; i++) { w[i].s = phrase[i]; w[i].len = strlen(phrase[i]); }
    dyad_dict_match m[8];
    for (size_t i = 0; i < NW; i++) {
        size_t n = dyad_dict_match_at(d, 0xffu, w, NW, i, DYAD_MATCH_GAPS | DYAD_MATCH_STEMS, m, 8);
        for (size_t k = 0; k < n && k < 8; k++)
            if (m[k].end > NW || m[k].end <= i) abort();
        dyad_dict_match_verb(d, w, NW, i, m, 8);
    }
    dyad_dict_hit h[8];
    dyad_dict_lookup(d, "Vladimir Putin discussed talks with Turkey", h, 8);
    /* read back a bounded number of entries, patterns and synsets */
    char buf[512];
    dyad_dict_entry e;
    for (unsigned id = 1; id < 64 && dyad_dict_entry_get(d, id, &e) == DYAD_OK; id++)
        dyad_dict_entry_text(d, id, buf, sizeof buf);
    dyad_dict_pattern p;
    for (unsigned id = 1; id < 64 && dyad_dict_pattern_get(d, id, &p) == DYAD_OK; id++)
        for (size_t k = 0; k < p.nelems; k++)
            if (!p.elems[k].text) abort();
    dyad_dict_synset sy;
    size_t ends[8];
    for (unsigned id = 1; id < 64 && dyad_dict_synset_get(d, id, &sy) == DYAD_OK; id++)
        for (size_t i = 0; i < NW; i++) dyad_dict_synset_match(d, id, w, NW, i, ends, 8);
    dyad_dict_free(d);
    return 0;
}
