/*
 * fuzz_reader.c -- fuzz target for the document readers: the first byte
 * picks the format (auto, text, JSON Lines, XML), the rest is the input,
 * read from memory.  Every document returned must be valid UTF-8 without
 * NUL and every error must carry a message.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    dyad_reader_options o = {(dyad_format)(data[0] % 4), 1 << 20};
    dyad_reader *r;
    if (dyad_reader_new(&r, &o) != DYAD_OK) return 0;
    dyad_reader_add_memory(r, "fuzz", (const char *)data + 1, size - 1);
    const dyad_doc *d;
    dyad_status st;
    int guard = 0;
    while ((st = dyad_reader_next(r, &d)) != DYAD_EOF && guard++ < 100000) {
        if (st != DYAD_OK) {
            if (!dyad_reader_errmsg(r)[0]) abort();
            continue;
        }
        if (!d->id || !d->text || strlen(d->text) != d->len) abort();
    }
    dyad_reader_free(r);
    return 0;
}
