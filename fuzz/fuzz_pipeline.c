/*
 * fuzz_pipeline.c -- fuzz target for the whole pipeline on raw text, as
 * `dyad code` runs it: text layer -> tagger -> chunker -> coder with the
 * built-in dictionaries.  The first byte: bit 0 news mode (agent_country,
 * what `dyad code` sets), bit 1 one-sentence mode, bit 2 a document date,
 * bit 3 require_dyad off.  Every sentence is coded, boilerplate included;
 * every event must be complete and point at tokens of its sentence.  The
 * tagger and dictionaries are loaded once; without the tagger data the
 * target does nothing.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_tagger *tg;
    static dyad_chunker *ck;
    static dyad_dict *d;
    static dyad_coder *c;
    static int tried;
    if (!tried) {
        tried = 1;
        if (dyad_dict_new(&d) != DYAD_OK || dyad_dict_add_dir(d, DYAD_BUILTIN_DICT_DIR) != DYAD_OK ||
            dyad_dict_compile(d) != DYAD_OK || dyad_coder_new(&c, d) != DYAD_OK)
            abort();   /* the built-in dictionaries are part of the build */
        if (dyad_tagger_new(&tg, NULL) != DYAD_OK || dyad_chunker_new(&ck, tg) != DYAD_OK) {
            dyad_tagger_free(tg);
            tg = NULL;
        }
    }
    if (!tg || size == 0) return 0;
    int flags = data[0];
    const char *date = (flags & 4) ? "2020-06-10" : NULL;
    dyad_coder_set_option(c, "agent_country", (flags & 1) ? "true" : "false");
    dyad_coder_set_option(c, "require_dyad", (flags & 8) ? "false" : "true");
    dyad_coder_new_document(c);
    dyad_text *t;
    if (dyad_text_new(&t) != DYAD_OK) return 0;
    if (dyad_text_analyze_str(t, (const char *)data + 1, size - 1, date, flags & 2) == DYAD_OK) {
        for (size_t i = 0; i < dyad_text_sentence_count(t); i++) {
            if (dyad_chunker_run(ck, t, i) != DYAD_OK) continue;
            dyad_status st = dyad_coder_code_chunked(c, ck, date);
            if (st != DYAD_OK) {
                if (!dyad_coder_errmsg(c)[0]) abort();
                continue;
            }
            size_t nt = dyad_chunker_token_count(ck);
            if (dyad_coder_token_count(c) != nt) abort();
            for (size_t k = 0; k < dyad_coder_event_count(c); k++) {
                const dyad_event *e = dyad_coder_event(c, k);
                if (!e || !e->source || !e->target || !e->code || e->verb >= nt) abort();
                for (size_t v = 0; v < e->nevidence; v++)
                    if (!e->evidence[v].kind || e->evidence[v].end > nt) abort();
            }
        }
    }
    dyad_text_free(t);
    return 0;
}
