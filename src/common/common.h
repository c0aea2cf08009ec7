/*
 * common.h -- the internal base every stage builds on: the per-document
 * arena, growable byte buffers, error messages kept on handles, and small
 * string helpers.  Nothing here knows about news, dictionaries or events.
 * Invariant: no function here prints or exits.
 */
#ifndef DYAD_COMMON_H
#define DYAD_COMMON_H

#include "dyad.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Early return on failure.  In debug builds the failing file:line goes to
 * stderr, which helps when a status travels up several frames. */
#ifdef DYAD_DEBUG_TRACE
#include <stdio.h>
#define DYAD__TRACE(st) fprintf(stderr, "dyad: %s at %s:%d\n", \
                                dyad_status_name(st), __FILE__, __LINE__)
#else
#define DYAD__TRACE(st) ((void)0)
#endif
#define DYAD_TRY(expr)                                                       \
    do {                                                                     \
        dyad_status dyad__st = (expr);                                       \
        if (dyad__st < 0) { DYAD__TRACE(dyad__st); return dyad__st; }        \
    } while (0)
#define DYAD_FAIL_IF(cond, st)                                               \
    do {                                                                     \
        if (cond) { DYAD__TRACE(st); return (st); }                          \
    } while (0)

#define DYAD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Stage timing, for bench/bench_stages only: built with -DDYAD_STAGE_TIMING
 * (the CMake option of the same name), the engine and the chunker add the
 * time each stage takes to a per-thread total; otherwise the macros are
 * empty and nothing is measured. */
enum {
    DYAD__STAGE_TEXT, DYAD__STAGE_TAG, DYAD__STAGE_CHUNK /* tagging included */,
    DYAD__STAGE_CODE, DYAD__STAGE_RESOLVE, DYAD__STAGE_COUNT
};
#ifdef DYAD_STAGE_TIMING
double dyad__stage_clock(void);
double *dyad__stage_totals(void);   /* this thread's seconds per stage */
#define DYAD__STAGE_BEGIN(v) double v = dyad__stage_clock()
#define DYAD__STAGE_END(v, stage) (dyad__stage_totals()[stage] += dyad__stage_clock() - (v))
#else
#define DYAD__STAGE_BEGIN(v) ((void)0)
#define DYAD__STAGE_END(v, stage) ((void)0)
#endif

/* ------------------------------------------------------------------ arena
 * A bump allocator made of chained blocks.  Reset keeps the first block
 * (and frees the rest) so a warm arena serving similar documents does not
 * touch malloc.  The cap bounds the total bytes: exceeding it makes every
 * later allocation return NULL and sets over_cap, which callers turn into
 * DYAD_ELIMIT. */
typedef struct dyad__arena_block dyad__arena_block;
typedef struct dyad__arena {
    dyad__arena_block *head;  /* current block (newest) */
    char *next;               /* head's first free byte */
    size_t avail;             /* free bytes at next */
    size_t total;             /* bytes in all blocks */
    size_t cap;               /* 0: unlimited */
    int over_cap;             /* set when an allocation was refused */
} dyad__arena;

void dyad__arena_init(dyad__arena *a, size_t cap);
/* dyad__arena_alloc when the current block has no room (a new block). */
void *dyad__arena_alloc_slow(dyad__arena *a, size_t n);
/* n bytes, 16-byte aligned.  Inline: the chunker and the coder ask for
 * hundreds of thousands of small pieces, nearly all from the current
 * block. */
static inline void *dyad__arena_alloc(dyad__arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    if (n > a->avail) return dyad__arena_alloc_slow(a, n);
    char *p = a->next;
    a->next += n;
    a->avail -= n;
    return p;
}
void *dyad__arena_zalloc(dyad__arena *a, size_t n);
char *dyad__arena_strndup(dyad__arena *a, const char *s, size_t n);
void dyad__arena_reset(dyad__arena *a);
void dyad__arena_free(dyad__arena *a);

/* ----------------------------------------------------------------- buffer
 * A growable byte string, always NUL-terminated when len > 0 or after
 * dyad__buf_cstr().  Grow failure is sticky (oom) so call sites can batch
 * appends and check once. */
typedef struct dyad__buf {
    char *data;
    size_t len, cap;
    int oom;
} dyad__buf;

void dyad__buf_init(dyad__buf *b);
void dyad__buf_free(dyad__buf *b);
int dyad__buf_reserve(dyad__buf *b, size_t extra); /* 0 on success */
void dyad__buf_append(dyad__buf *b, const void *p, size_t n);
void dyad__buf_putc(dyad__buf *b, char c);
void dyad__buf_printf(dyad__buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *dyad__buf_cstr(dyad__buf *b);  /* "" when empty or oom */
static inline void dyad__buf_clear(dyad__buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

/* ---------------------------------------------------------------- errors
 * A fixed-size message slot embedded in each handle.  dyad__err_set
 * escapes control characters and invalid UTF-8 (file names, ids and
 * input text end up in messages), and a message too long for the slot
 * loses bytes from its middle, never its end: "path:line: reason" keeps
 * the start of the path and the whole reason. */
#define DYAD__ERR_MAX 1024
typedef struct dyad__err {
    char msg[DYAD__ERR_MAX];
} dyad__err;

/* Hands a note to the dyad_set_log() hook (dropped when none is set). */
void dyad__log(const char *msg);

dyad_status dyad__err_set(dyad__err *e, dyad_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static inline void dyad__err_clear(dyad__err *e) { e->msg[0] = 0; }

/* ------------------------------------------------------------- utilities */

/* Appends s[0..n) to out with control characters (C0, DEL, C1) and bytes
 * that are not valid UTF-8 written as escapes: "\n", "\t", "\r",
 * "\x1b", "\u0085".  Valid printable UTF-8 is copied as it is. */
void dyad__escape(dyad__buf *out, const char *s, size_t n);

/* Copies s[0..n) (NUL-free) into out[0..cap) and NUL-terminates it; when
 * it does not fit, bytes are left out of the middle (marked "[...]") so
 * the start and the end survive.  Cuts fall on UTF-8 boundaries. */
void dyad__shorten_middle(char *out, size_t cap, const char *s, size_t n);

/* Opens path for reading if it is a regular file.  The open never blocks
 * (a FIFO without a writer would hang fopen).  Returns NULL with errno
 * set otherwise; *why (when not NULL) then says why in words, e.g. "not
 * a regular file (a FIFO)" or strerror's text. */
FILE *dyad__fopen_regular(const char *path, const char **why);
/* The whole of the regular file path, if at most max bytes, in *out
 * (malloc'd, one spare byte) and *len.  0 when read; 1 when there is no
 * such file; -1 otherwise, with *why in words. */
int dyad__read_file(const char *path, size_t max, unsigned char **out, size_t *len,
                    const char **why);
/* Writes b[0..len) to path whole or not at all: to PATH.tmp beside it,
 * then renamed, so a reader never sees half a file. */
dyad_status dyad__write_file(const char *path, const void *b, size_t len, dyad__err *err);

/* Offset of the first invalid UTF-8 byte in s[0..n), or n when valid.
 * Rejects overlong forms, surrogates and values past U+10FFFF. */
size_t dyad__utf8_check(const unsigned char *s, size_t n);

/* Decodes one code point at s (n bytes available); returns its length in
 * bytes, or 0 when invalid (then *cp is undefined). */
size_t dyad__utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encodes cp into out (4 bytes room); returns the byte count. */
size_t dyad__utf8_encode(int32_t cp, char *out);

/* Nonzero when s is a valid calendar date written YYYY-MM-DD (only the
 * first 10 bytes are read). */
int dyad__date_valid(const char *s, size_t n);

/* Parses a date given as YYYY-MM-DD, YYYYMMDD or an ISO timestamp whose
 * first ten bytes are YYYY-MM-DD; writes YYYY-MM-DD\0 into out (11 bytes).
 * Returns 0 on success. */
int dyad__date_normalize(const char *s, size_t n, char out[11]);

/* Whether a and b are equal ignoring ASCII case (!strcasecmp(a, b)), the
 * first bytes compared inline first: most words a rule asks about differ
 * from its literal there, and the call costs many times the test.  (Equal
 * strings have equal first bytes once bit 0x20 is set in both.) */
static inline int dyad__ieq(const char *a, const char *b)
{
    return ((unsigned char)a[0] | 0x20u) == ((unsigned char)b[0] | 0x20u) && !strcasecmp(a, b);
}

/* Whether a and b are equal (!strcmp(a, b)), the first bytes compared
 * inline first, as dyad__ieq. */
static inline int dyad__streq(const char *a, const char *b)
{
    return a[0] == b[0] && !strcmp(a, b);
}

/* Fixed-width little-endian numbers in a byte buffer, whatever the
 * machine's own order (the compiled tagger model and gazetteer). */
static inline void dyad__put_le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}
static inline void dyad__put_le64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}
static inline uint32_t dyad__get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t dyad__get_le64(const unsigned char *p)
{
    return dyad__get_le32(p) | (uint64_t)dyad__get_le32(p + 4) << 32;
}

/* A 64-bit hash of p[0..n) continuing from h (0 to start): FNV-1a over
 * 8-byte words with a final mix, stable across machines of either byte
 * order (words are read little-endian).  For content hashes (texts,
 * dictionary sets), not for security. */
uint64_t dyad__hash64(uint64_t h, const void *p, size_t n);
/* The murmur3 finaliser: every bit of h reaches every bit of the result.
 * Inline: signatures and hash tables call it per word. */
static inline uint64_t dyad__mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* Writes a record's "location" value: the object of l's fields (lat and
 * lon null when the place has no name), or null when l is NULL.  One
 * writer for mentions and consolidated events. */
void dyad__json_location(dyad_json *j, const dyad_location *l);
/* A writer into memory: a buffer of its own, grown as records come
 * (no FILE, no copy).  dyad_json_flush() then only reports whether it
 * ran out of memory (DYAD_ENOMEM).  NULL on ENOMEM. */
dyad_json *dyad__json_new_mem(void);
/* Writes key k, a string literal of plain ASCII (no quote, backslash or
 * control byte: nothing to escape), quoted at compile time: the records'
 * keys, without dyad_json_key's strlen and escaping pass. */
#define DYAD__JSON_KEY(j, k) dyad__json_key_lit((j), "\"" k "\":", sizeof("\"" k "\":") - 1)
void dyad__json_key_lit(dyad_json *j, const char *quoted, size_t n);
/* A memory writer's bytes, *len of them: the buffer is the caller's
 * (free()), the writer holds nothing after.  NULL (and *len 0) when
 * nothing was written, when memory ran out, or for a file's writer. */
char *dyad__json_take(dyad_json *j, size_t *len);
/* Bytes written through j since it was made or given its file. */
size_t dyad__json_size(const dyad_json *j);
/* Moves a memory writer's bytes into f and makes f its file from then
 * on (drained through the buffer it had).  DYAD_EIO when the write
 * failed, DYAD_ENOMEM, DYAD_EINVAL for a writer that has a file. */
dyad_status dyad__json_spill(dyad_json *j, FILE *f);
/* Write v in decimal ("%lld", "%llu") and a NUL into out (at least 21
 * bytes); return the length written before the NUL.  (snprintf costs
 * ten times as much, and the records write many numbers.) */
size_t dyad__fmt_ll(char *out, long long v);
size_t dyad__fmt_ull(char *out, unsigned long long u);
/* Writes h as 16 lowercase hex digits and a NUL. */
void dyad__hash_hex(uint64_t h, char out[17]);

#endif /* DYAD_COMMON_H */
