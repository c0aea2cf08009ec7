/*
 * fuzz_text.c -- fuzz target for the text layer: any bytes go to
 * dyad_text_analyze_str (the first byte picks one-sentence mode and
 * whether a date is given).  Invalid UTF-8 must be refused cleanly; valid
 * input must yield tokens and sentences inside the input's bounds.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    int flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    dyad_text *t;
    if (dyad_text_new(&t) != DYAD_OK) return 0;
    dyad_status st = dyad_text_analyze_str(t, text, len, (flags & 2) ? "2020-06-10" : NULL,
                                           flags & 1);
    if (st == DYAD_OK) {
        size_t n;
        const dyad_token *v = dyad_text_tokens(t, &n);
        for (size_t i = 0; i < n; i++)
            if (v[i].start >= v[i].end || v[i].end > len) abort();
        for (size_t i = 0; i < dyad_text_sentence_count(t); i++) {
            const dyad_sentence *s = dyad_text_sentence(t, i);
            if (s->start >= s->end || s->end > len || s->first_token + s->ntokens > n) abort();
            if (s->dateline && (s->dateline->end > len || !s->dateline->place)) abort();
        }
    }
    dyad_text_free(t);
    return 0;
}
