/*
 * fuzz_stream.c -- fuzz target for the decompressing byte streams: the
 * first byte picks gzip or zstd (bit 0) and the document format read
 * from the decompressed bytes, JSON Lines or plain text (bit 1); the
 * target writes the format's magic bytes itself and the rest of the
 * input follows them, so every mutation lands in the decompressor (a
 * truncated, corrupt or concatenated stream; a bomb stopped at the size
 * limit).  Every error must carry a message; every document must be
 * valid as the reader promises.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned char gz[] = {0x1f, 0x8b}, zst[] = {0x28, 0xb5, 0x2f, 0xfd};
    if (size == 0) return 0;
    int zstd = data[0] & 1;
    const unsigned char *magic = zstd ? zst : gz;
    size_t nmagic = zstd ? sizeof zst : sizeof gz;
    char *buf = malloc(nmagic + size - 1);
    if (!buf) return 0;
    memcpy(buf, magic, nmagic);
    memcpy(buf + nmagic, data + 1, size - 1);
    dyad_reader_options o = {(data[0] & 2) ? DYAD_FORMAT_JSONL : DYAD_FORMAT_TEXT, 1 << 20};
    dyad_reader *r;
    if (dyad_reader_new(&r, &o) == DYAD_OK) {
        dyad_reader_add_memory(r, "fuzz", buf, nmagic + size - 1);
        const dyad_doc *d;
        dyad_status st;
        while ((st = dyad_reader_next(r, &d)) != DYAD_EOF) {
            if (st != DYAD_OK) {
                if (!dyad_reader_errmsg(r)[0]) abort();
                if (st == DYAD_ENOMEM) break;
                continue;
            }
            if (!d->id || !d->text || strlen(d->text) != d->len || d->len > (1u << 20)) abort();
        }
    }
    dyad_reader_free(r);
    free(buf);
    return 0;
}
