/*
 * fuzz_treebank.c -- fuzz target for the Penn Treebank reader and the
 * coder on its tree: the input after the first byte is a parse, coded
 * with the built-in dictionaries (loaded once); bit 0 of the first byte
 * turns on the news mode (agent_country), bit 1 the explain trace.  A
 * malformed or over-limit parse must be refused with a message; every
 * event must be complete and point at tokens of the sentence.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_dict *d;
    static dyad_coder *c;
    static int tried;
    if (!tried) {
        tried = 1;
        if (dyad_dict_new(&d) != DYAD_OK || dyad_dict_add_dir(d, DYAD_BUILTIN_DICT_DIR) != DYAD_OK ||
            dyad_dict_compile(d) != DYAD_OK || dyad_coder_new(&c, d) != DYAD_OK)
            abort();   /* the built-in dictionaries are part of the build */
    }
    if (size == 0) return 0;
    dyad_coder_set_option(c, "agent_country", (data[0] & 1) ? "true" : "false");
    dyad_coder_set_explain(c, (data[0] & 2) != 0);
    dyad_coder_new_document(c);
    dyad_status st = dyad_coder_code_parse(c, (const char *)data + 1, size - 1,
                                           (data[0] & 4) ? "2020-06-10" : NULL);
    if (st != DYAD_OK) {
        if (!dyad_coder_errmsg(c)[0]) abort();
        return 0;
    }
    size_t nt = dyad_coder_token_count(c);
    for (size_t i = 0; i < dyad_coder_event_count(c); i++) {
        const dyad_event *e = dyad_coder_event(c, i);
        if (!e || !e->source || !e->target || !e->code || e->verb >= nt) abort();
        for (size_t k = 0; k < e->nevidence; k++)
            if (!e->evidence[k].kind || e->evidence[k].end > nt) abort();
    }
    if (!dyad_coder_trace(c)) abort();
    return 0;
}
