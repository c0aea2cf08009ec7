/*
 * stream.c -- a byte stream over a file or stdin that undoes gzip or zstd
 * compression, chosen by the magic bytes at the start (so stdin and
 * misnamed files work).  Truncated and corrupt compressed data is reported
 * with the offset of the compressed byte where decoding failed, after
 * everything decoded before that point has been delivered (a gzip member
 * whose only fault is its CRC keeps all its bytes).
 * zlib and libzstd do the decoding; this file only drives them.
 */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

static int S_fail(dyad__stream *s, dyad_status st, const char *fmt,
                  unsigned long long at, const char *what)
{
    dyad__err_set(&s->err, st, fmt, at, what);
    s->status = st;
    s->failed = 1;
    return -1;
}

/* Reads more raw bytes into in[]; keeps unconsumed ones.  0 or -1. */
static int S_raw_more(dyad__stream *s)
{
    if (s->in_pos > 0) {
        memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
        s->raw_off += s->in_pos;
        s->in_len -= s->in_pos;
        s->in_pos = 0;
    }
    size_t want = DYAD__STREAM_BUFSZ - s->in_len;
    if (want == 0 || s->in_eof) return 0;
    size_t got = fread(s->in + s->in_len, 1, want, s->f);
    s->in_len += got;
    if (got < want) {
        if (ferror(s->f))
            return S_fail(s, DYAD_EIO, "byte %llu: read error: %s",
                          (unsigned long long)(s->raw_off + s->in_len),
                          strerror(errno));
        s->in_eof = 1;
    }
    return 0;
}

dyad_status dyad__stream_open(dyad__stream *s, const char *path,
                              const char *mem, size_t memlen)
{
    static const char empty[1];
    memset(s, 0, sizeof *s);
    if (mem) {
        /* fmemopen refuses size 0 on some systems: give it one byte and
         * read none of it */
        s->f = fmemopen((void *)(memlen ? mem : empty), memlen ? memlen : 1, "rb");
        if (!s->f) {
            dyad__err_set(&s->err, DYAD_EIO, "cannot open buffer: %s", strerror(errno));
            return s->status = DYAD_EIO;
        }
        if (!memlen) fgetc(s->f);
        s->own_f = 1;
    } else if (strcmp(path, "-") == 0) {
        s->f = stdin;
    } else {
        const char *why = NULL;
        s->f = dyad__fopen_regular(path, &why);
        if (!s->f) {
            dyad__err_set(&s->err, DYAD_EIO, "cannot open: %s", why);
            return s->status = DYAD_EIO;
        }
        s->own_f = 1;
    }
    s->in = malloc(DYAD__STREAM_BUFSZ);
    s->buf = malloc(DYAD__STREAM_BUFSZ);
    if (!s->in || !s->buf) {
        dyad__stream_close(s);
        dyad__err_set(&s->err, DYAD_ENOMEM, "out of memory");
        return s->status = DYAD_ENOMEM;
    }
    if (S_raw_more(s) != 0) {
        dyad_status st = s->status;
        dyad__err e = s->err;
        dyad__stream_close(s);
        s->err = e;
        return s->status = st;
    }
    const unsigned char *m = s->in;
    if (s->in_len >= 2 && m[0] == 0x1f && m[1] == 0x8b) {
        z_stream *z = calloc(1, sizeof *z);
        if (!z || inflateInit2(z, 15 + 32) != Z_OK) {
            free(z);
            dyad__stream_close(s);
            dyad__err_set(&s->err, DYAD_ENOMEM, "out of memory");
            return s->status = DYAD_ENOMEM;
        }
        s->z = DYAD__Z_GZIP;
        s->zctx = z;
    } else if (s->in_len >= 4 && m[0] == 0x28 && m[1] == 0xb5 &&
               m[2] == 0x2f && m[3] == 0xfd) {
        ZSTD_DCtx *d = ZSTD_createDCtx();
        if (!d) {
            dyad__stream_close(s);
            dyad__err_set(&s->err, DYAD_ENOMEM, "out of memory");
            return s->status = DYAD_ENOMEM;
        }
        s->z = DYAD__Z_ZSTD;
        s->zctx = d;
    } else {
        size_t n = strlen(path);
        int want_gz = n > 3 && strcmp(path + n - 3, ".gz") == 0;
        int want_zst = n > 4 && strcmp(path + n - 4, ".zst") == 0;
        if (want_gz || want_zst) {
            dyad__err_set(&s->err, DYAD_ETRUNC, "byte 0: not %s data%s",
                          want_gz ? "gzip" : "zstd",
                          s->in_len == 0 ? " (empty file)" : "");
            dyad__stream_close(s);
            return s->status = DYAD_ETRUNC;
        }
    }
    return DYAD_OK;
}

void dyad__stream_close(dyad__stream *s)
{
    if (s->own_f && s->f) fclose(s->f);
    if (s->z == DYAD__Z_GZIP && s->zctx) {
        inflateEnd(s->zctx);
        free(s->zctx);
    } else if (s->z == DYAD__Z_ZSTD && s->zctx) {
        ZSTD_freeDCtx(s->zctx);
    }
    free(s->in);
    free(s->buf);
    s->f = NULL;
    s->zctx = NULL;
    s->in = s->buf = NULL;
    s->own_f = 0;
}

static int S_fill_plain(dyad__stream *s)
{
    if (s->in_pos >= s->in_len) {
        if (S_raw_more(s) != 0) return -1;
        if (s->in_len == 0) { s->eof = 1; return 0; }
    }
    /* Hand the raw buffer over by swapping: no copy. */
    unsigned char *t = s->buf;
    s->buf = s->in;
    s->in = t;
    s->len = s->in_len;
    s->raw_off += s->in_len;
    s->in_len = s->in_pos = 0;
    return 1;
}

static int S_fill_gzip(dyad__stream *s)
{
    z_stream *z = s->zctx;
    for (;;) {
        if (s->in_pos >= s->in_len && !s->in_eof) {
            if (S_raw_more(s) != 0) return -1;
        }
        if (s->in_pos >= s->in_len && s->in_eof) {
            if (!s->zdone)
                return S_fail(s, DYAD_ETRUNC,
                              "byte %llu: truncated gzip data%s",
                              (unsigned long long)(s->raw_off + s->in_pos), "");
            s->eof = 1;
            return 0;
        }
        if (s->zdone) {
            /* Another gzip member follows (concatenated .gz files). */
            inflateReset(z);
            s->zdone = 0;
        }
        z->next_in = s->in + s->in_pos;
        z->avail_in = (uInt)(s->in_len - s->in_pos);
        z->next_out = s->buf;
        z->avail_out = DYAD__STREAM_BUFSZ;
        int rc = inflate(z, Z_NO_FLUSH);
        s->in_pos = s->in_len - z->avail_in;
        s->len = DYAD__STREAM_BUFSZ - z->avail_out;
        if (rc == Z_STREAM_END) {
            s->zdone = 1;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            S_fail(s, DYAD_ETRUNC, "byte %llu: corrupt gzip data: %s",
                   (unsigned long long)(s->raw_off + s->in_pos),
                   z->msg ? z->msg : "inflate failed");
            /* what this call decoded is good (a bad check value comes
             * after all of it): deliver it; the error follows */
            return s->len > 0 ? 1 : -1;
        }
        if (s->len > 0) return 1;
    }
}

static int S_fill_zstd(dyad__stream *s)
{
    ZSTD_DCtx *d = s->zctx;
    for (;;) {
        if (s->in_pos >= s->in_len && !s->in_eof) {
            if (S_raw_more(s) != 0) return -1;
        }
        if (s->in_pos >= s->in_len && s->in_eof) {
            if (!s->zdone)
                return S_fail(s, DYAD_ETRUNC,
                              "byte %llu: truncated zstd data%s",
                              (unsigned long long)(s->raw_off + s->in_pos), "");
            s->eof = 1;
            return 0;
        }
        ZSTD_inBuffer in = {s->in, s->in_len, s->in_pos};
        ZSTD_outBuffer out = {s->buf, DYAD__STREAM_BUFSZ, 0};
        size_t rc = ZSTD_decompressStream(d, &out, &in);
        s->in_pos = in.pos;
        s->len = out.pos;
        if (ZSTD_isError(rc)) {
            S_fail(s, DYAD_ETRUNC, "byte %llu: corrupt zstd data: %s",
                   (unsigned long long)(s->raw_off + s->in_pos), ZSTD_getErrorName(rc));
            return s->len > 0 ? 1 : -1;     /* deliver what was decoded first */
        }
        s->zdone = (rc == 0);
        if (s->len > 0) return 1;
    }
}

int dyad__stream_fill(dyad__stream *s)
{
    if (s->pos < s->len) return 1;
    if (s->failed) return -1;
    if (s->eof || !s->buf) return 0;
    s->off += s->len;
    s->pos = s->len = 0;
    switch (s->z) {
    case DYAD__Z_GZIP: return S_fill_gzip(s);
    case DYAD__Z_ZSTD: return S_fill_zstd(s);
    default: return S_fill_plain(s);
    }
}

long dyad__stream_read(dyad__stream *s, void *out, size_t n)
{
    int rc = dyad__stream_fill(s);
    if (rc <= 0) return rc;
    size_t k = s->len - s->pos;
    if (k > n) k = n;
    memcpy(out, s->buf + s->pos, k);
    s->pos += k;
    return (long)k;
}

int dyad__stream_getline(dyad__stream *s, dyad__buf *line, size_t max,
                         int *too_long)
{
    dyad__buf_clear(line);
    *too_long = 0;
    int any = 0;
    for (;;) {
        int rc = dyad__stream_fill(s);
        if (rc < 0) return -1;
        if (rc == 0) break;
        const unsigned char *p = s->buf + s->pos;
        size_t avail = s->len - s->pos;
        if (s->cr_ended) {
            /* the last line ended at a CR: an LF right after it is the
             * same line end */
            s->cr_ended = 0;
            if (p[0] == '\n') {
                s->pos++;
                continue;
            }
        }
        any = 1;
        const unsigned char *nl = memchr(p, '\n', avail);
        const unsigned char *cr = memchr(p, '\r', nl ? (size_t)(nl - p) : avail);
        const unsigned char *end = cr ? cr : nl;
        size_t take = end ? (size_t)(end - p) : avail;
        if (!*too_long) {
            if (line->len + take > max) {
                *too_long = 1;
                dyad__buf_clear(line);
            } else {
                dyad__buf_append(line, p, take);
            }
        }
        s->pos += take;
        if (end) {
            s->pos++;
            s->cr_ended = end == cr;
            break;
        }
    }
    return any;
}
