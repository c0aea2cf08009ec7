/*
 * input.h -- the input stage: byte streams (plain, gzip, zstd; files or
 * stdin) and the document readers built on them (plain text, JSON Lines,
 * PETRARCH XML).  Streams report errors with the byte offset at which they
 * happened; readers add the file name and line.
 * Invariant: memory is bounded by one stream buffer plus the largest
 * single document.
 */
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H

#include "../common/common.h"

#include <stdint.h>
#include <stdio.h>

#define DYAD__STREAM_BUFSZ 65536

typedef enum { DYAD__Z_NONE, DYAD__Z_GZIP, DYAD__Z_ZSTD } dyad__zkind;

typedef struct dyad__stream {
    FILE *f;                  /* raw input; stdin is not closed */
    int own_f;
    dyad__zkind z;
    void *zctx;               /* z_stream* or ZSTD_DCtx* */
    int zdone;                /* the current compressed frame has ended */
    unsigned char *in;        /* raw (compressed) bytes */
    size_t in_len, in_pos;
    int in_eof;
    uint64_t raw_off;         /* raw bytes consumed from f before in[] */
    unsigned char *buf;       /* decoded bytes for consumers */
    size_t len, pos;
    uint64_t off;             /* decoded offset of buf[0] */
    int eof;                  /* no more decoded bytes */
    int failed;               /* an error was reported; stop reading */
    int cr_ended;             /* getline: the last line ended at a CR */
    dyad__err err;            /* "byte N: what" without the file name */
    dyad_status status;
} dyad__stream;

/* Opens path ("-" is stdin), or reads mem[0..memlen) when mem is not
 * NULL (path is then only its name).  On failure the stream is closed and
 * err/status say why. */
dyad_status dyad__stream_open(dyad__stream *s, const char *path,
                              const char *mem, size_t memlen);
void dyad__stream_close(dyad__stream *s);

/* Makes decoded bytes available in buf[pos..len) if any remain.
 * Returns 1 when bytes are available, 0 at clean end, -1 on error. */
int dyad__stream_fill(dyad__stream *s);

/* Copies up to n decoded bytes; returns the count, 0 at end, -1 on error. */
long dyad__stream_read(dyad__stream *s, void *out, size_t n);

/* Reads one line into line, without its end: "\n", "\r\n" or a lone
 * "\r" (old Mac files; a raw CR cannot be inside a JSON string, so in
 * JSON Lines it can only end a line).
 * Returns 1 for a line, 0 at end of input, -1 on a stream error.  A line
 * longer than max is consumed but not stored; *too_long is then set. */
int dyad__stream_getline(dyad__stream *s, dyad__buf *line, size_t max,
                         int *too_long);

/* Byte offset (decoded) of the next byte to be consumed. */
static inline uint64_t dyad__stream_tell(const dyad__stream *s)
{
    return s->off + s->pos;
}

#endif /* DYAD_INPUT_H */
