/*
 * json.c -- the project's one JSON writer.  Output is always valid UTF-8
 * JSON: control characters are escaped, invalid UTF-8 bytes become U+FFFD,
 * and U+2028/U+2029 are escaped so the output is also safe JavaScript.
 * Writes go to a 64 KiB buffer flushed with fwrite, or (a memory writer,
 * for the pool's per-document records) to a buffer grown as needed and
 * handed over whole.  The writer places commas and colons itself from a
 * small nesting stack.
 */
#include "common.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_BUFSZ 65536
#define JSON_MAXDEPTH 64

struct dyad_json {
    FILE *f;                        /* NULL: in memory (dyad__json_new_mem) */
    char *buf;                      /* the buffer: JSON_BUFSZ bytes after the
                                       struct for a file; grown for memory */
    size_t len, cap;                /* bytes in buf, its size */
    size_t out;                     /* bytes handed to f so far */
    int failed;                     /* a write failed (memory: no room) */
    int depth;
    unsigned char count[JSON_MAXDEPTH]; /* values written at each level (0/1) */
    int after_key;
};

dyad_json *dyad_json_new(FILE *f)
{
    /* the 64 KiB buffer is written before it is read: zeroing it cost
     * more than writing a short document's records */
    dyad_json *j = malloc(sizeof *j + JSON_BUFSZ);
    if (!j) return NULL;
    memset(j, 0, sizeof *j);
    j->f = f;
    j->buf = (char *)(j + 1);
    j->cap = JSON_BUFSZ;
    return j;
}

dyad_json *dyad__json_new_mem(void)
{
    dyad_json *j = calloc(1, sizeof *j);
    return j;
}

/* The buffer is its own, not the one after the struct. */
static int S_owned(const dyad_json *j) { return j->buf != (const char *)(j + 1); }

char *dyad__json_take(dyad_json *j, size_t *len)
{
    char *b = j->buf;
    *len = j->len;
    if (j->f || j->failed) {
        *len = 0;
        return NULL;
    }
    j->buf = NULL;
    j->len = j->cap = 0;
    return b;
}

dyad_status dyad_json_flush(dyad_json *j)
{
    if (!j->f) return j->failed ? DYAD_ENOMEM : DYAD_OK;
    if (j->len) {
        if (fwrite(j->buf, 1, j->len, j->f) != j->len) j->failed = 1;
        j->out += j->len;
        j->len = 0;
    }
    if (fflush(j->f) != 0) j->failed = 1;
    return j->failed ? DYAD_EIO : DYAD_OK;
}

void dyad_json_free(dyad_json *j)
{
    if (!j) return;
    if (j->f) dyad_json_flush(j);
    if (S_owned(j)) free(j->buf);
    free(j);
}

static void S_drain(dyad_json *j)
{
    if (fwrite(j->buf, 1, j->len, j->f) != j->len) j->failed = 1;
    j->out += j->len;
    j->len = 0;
}

size_t dyad__json_size(const dyad_json *j) { return j->out + j->len; }

dyad_status dyad__json_spill(dyad_json *j, FILE *f)
{
    if (j->f) return DYAD_EINVAL;
    if (j->len && fwrite(j->buf, 1, j->len, f) != j->len) j->failed = 1;
    j->f = f;
    j->out = 0;
    j->len = 0;
    if (!j->buf) {
        /* nothing was written yet (or the memory ran out): a buffer of
         * its own to drain */
        j->buf = malloc(JSON_BUFSZ);
        if (!j->buf) return DYAD_ENOMEM;
        j->cap = JSON_BUFSZ;
    }
    return j->failed ? DYAD_EIO : DYAD_OK;
}

/* No room for n more bytes: a file's buffer is drained, a memory
 * writer's grown.  Returns 1 when the n bytes now fit in the buffer, 0
 * when they were written past it or dropped (a failure, noted). */
static __attribute__((noinline)) int S_room(dyad_json *j, size_t n)
{
    if (j->f) {
        S_drain(j);
        return n <= j->cap;
    }
    if (j->failed) return 0;
    size_t cap = j->cap ? j->cap : 16384;
    while (cap - j->len < n) {
        if (cap > SIZE_MAX / 2) { j->failed = 1; return 0; }
        cap *= 2;
    }
    char *b = realloc(j->buf, cap);
    if (!b) { j->failed = 1; return 0; }
    j->buf = b;
    j->cap = cap;
    return 1;
}

static inline void S_put(dyad_json *j, const char *p, size_t n)
{
    if (n > j->cap - j->len && !S_room(j, n)) {
        if (j->f && !j->failed) {   /* more than a file's buffer: straight out */
            if (fwrite(p, 1, n, j->f) != n) j->failed = 1;
            j->out += n;
        }
        return;
    }
    memcpy(j->buf + j->len, p, n);
    j->len += n;
}

static inline void S_putc(dyad_json *j, char c)
{
    if (j->len == j->cap && !S_room(j, 1)) return;
    j->buf[j->len++] = c;
}

/* Called before every value: a comma when the container already holds
 * one (and we are not right after a key). */
static void S_sep(dyad_json *j)
{
    if (j->after_key) { j->after_key = 0; return; }
    if (j->depth > 0) {
        if (j->count[j->depth - 1]) S_putc(j, ',');
        j->count[j->depth - 1] = 1;
    }
}

static void S_open(dyad_json *j, char c)
{
    S_sep(j);
    S_putc(j, c);
    if (j->depth < JSON_MAXDEPTH) j->count[j->depth] = 0;
    j->depth++;
}

static void S_close(dyad_json *j, char c)
{
    if (j->depth > 0) j->depth--;
    S_putc(j, c);
}

void dyad_json_obj_begin(dyad_json *j) { S_open(j, '{'); }
void dyad_json_obj_end(dyad_json *j) { S_close(j, '}'); }
void dyad_json_arr_begin(dyad_json *j) { S_open(j, '['); }
void dyad_json_arr_end(dyad_json *j) { S_close(j, ']'); }

/* S_plain[c]: byte c is written as itself (printable ASCII but the
 * quote and the backslash) */
#define P1(c) ((c) >= 0x20 && (c) < 0x80 && (c) != '"' && (c) != '\\')
#define P4(c) P1(c), P1((c) + 1), P1((c) + 2), P1((c) + 3)
#define P16(c) P4(c), P4((c) + 4), P4((c) + 8), P4((c) + 12)
#define P64(c) P16(c), P16((c) + 16), P16((c) + 32), P16((c) + 48)
static const unsigned char S_plain[256] = {P64(0), P64(64), P64(128), P64(192)};
#undef P64
#undef P16
#undef P4
#undef P1

/* Whether the eight bytes of w are all plain (S_plain): none >= 0x80,
 * none below 0x20, no quote, no backslash.  Each test is exact about
 * whether any byte fails it once no byte has its top bit set: a borrow
 * reaches a byte only past a byte that failed. */
static inline int S_plain8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    return !((w | ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & tops);
}

static void S_string_rest(dyad_json *j, const char *s, size_t n);

/* Writes s[0..n) as a JSON string.  The plain string with room in the
 * buffer (nearly every key and value) inline, checked and copied in one
 * pass, quotes included; the rest out of line. */
static inline __attribute__((always_inline)) void S_string(dyad_json *j, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n + 2 <= j->cap - j->len) {
        char *o = j->buf + j->len;
        size_t k = 0;
        for (; k + 8 <= n; k += 8) {
            uint64_t w;
            memcpy(&w, s + k, 8);
            if (!S_plain8(w)) break;
            memcpy(o + 1 + k, &w, 8);
        }
        while (k < n && S_plain[u[k]]) {
            o[1 + k] = s[k];
            k++;
        }
        if (k == n) {
            o[0] = '"';
            o[1 + n] = '"';
            j->len += n + 2;
            return;
        }
    }
    S_string_rest(j, s, n);
}

static void S_string_rest(dyad_json *j, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    S_putc(j, '"');
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        /* Copy plain ASCII runs in one go. */
        while (run < n && S_plain[u[run]])
            run++;
        if (run > i) { S_put(j, s + i, run - i); i = run; if (i >= n) break; }
        unsigned c = u[i];
        if (c < 0x80) {
            char esc[6] = {'\\', 0, 0, 0, 0, 0};
            switch (c) {
            case '"': esc[1] = '"'; S_put(j, esc, 2); break;
            case '\\': esc[1] = '\\'; S_put(j, esc, 2); break;
            case '\n': esc[1] = 'n'; S_put(j, esc, 2); break;
            case '\t': esc[1] = 't'; S_put(j, esc, 2); break;
            case '\r': esc[1] = 'r'; S_put(j, esc, 2); break;
            default:
                esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
                esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
                S_put(j, esc, 6);
            }
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dyad__utf8_decode(u + i, n - i, &cp);
        if (k == 0) {
            S_put(j, "\xEF\xBF\xBD", 3);  /* U+FFFD for each bad byte */
            i++;
        } else if (cp == 0x2028 || cp == 0x2029) {
            S_put(j, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
            i += k;
        } else {
            S_put(j, s + i, k);
            i += k;
        }
    }
    S_putc(j, '"');
}

void dyad_json_key(dyad_json *j, const char *key)
{
    S_sep(j);
    S_string(j, key, strlen(key));
    S_putc(j, ':');
    j->after_key = 1;
}

void dyad__json_key_lit(dyad_json *j, const char *quoted, size_t n)
{
    S_sep(j);
    S_put(j, quoted, n);
    j->after_key = 1;
}

void dyad_json_str(dyad_json *j, const char *s, size_t len)
{
    S_sep(j);
    S_string(j, s ? s : "", s ? len : 0);
}

void dyad_json_cstr(dyad_json *j, const char *s)
{
    if (!s) { dyad_json_null(j); return; }
    dyad_json_str(j, s, strlen(s));
}

size_t dyad__fmt_ull(char *out, unsigned long long u)
{
    char tmp[24];
    size_t k = sizeof tmp;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    memcpy(out, tmp + k, sizeof tmp - k);
    out[sizeof tmp - k] = 0;
    return sizeof tmp - k;
}

size_t dyad__fmt_ll(char *out, long long v)
{
    if (v >= 0) return dyad__fmt_ull(out, (unsigned long long)v);
    /* the magnitude as unsigned: -LLONG_MIN does not fit a long long */
    out[0] = '-';
    return 1 + dyad__fmt_ull(out + 1, 0ull - (unsigned long long)v);
}

void dyad_json_int(dyad_json *j, long long v)
{
    char tmp[32];
    size_t n = dyad__fmt_ll(tmp, v);   /* snprintf's "%lld", at a tenth of the cost */
    S_sep(j);
    S_put(j, tmp, n);
}

/* v as "%.10g" writes it, when v is a whole number of tenths below 1e9 in
 * magnitude (Goldstein scores, counts): that text is the tenths' decimal,
 * since the double's error is far below the tenth digit; 0 otherwise.
 * snprintf was the larger part of writing an event. */
static size_t S_tenths(char *out, double v)
{
    if (!(fabs(v) < 1e9)) return 0;
    double t = v * 10.0;
    long long k = (long long)t;
    if ((double)k != t || (double)k / 10.0 != v) return 0;
    if (k == 0) {
        if (signbit(v)) { memcpy(out, "-0", 2); return 2; }
        out[0] = '0';
        return 1;
    }
    size_t n = 0;
    unsigned long long u = k < 0 ? (unsigned long long)-k : (unsigned long long)k;
    if (k < 0) out[n++] = '-';
    n += dyad__fmt_ull(out + n, u / 10);
    if (u % 10) {
        out[n++] = '.';
        out[n++] = (char)('0' + u % 10);
    }
    return n;
}

void dyad_json_double(dyad_json *j, double v)
{
    if (!isfinite(v)) { dyad_json_null(j); return; }
    char tmp[40];
    size_t f = S_tenths(tmp, v);
    if (f) {
        S_sep(j);
        S_put(j, tmp, f);
        return;
    }
    int n = snprintf(tmp, sizeof tmp, "%.10g", v);
    S_sep(j);
    S_put(j, tmp, (size_t)n);
}

void dyad_json_fixed(dyad_json *j, double v, int decimals)
{
    if (!isfinite(v) || fabs(v) >= 1e15) { dyad_json_null(j); return; }
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    char tmp[48];
    int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    if (n > 1 && tmp[0] == '-') {   /* no "-0.0000" */
        int zero = 1;
        for (int i = 1; i < n; i++)
            if (tmp[i] != '0' && tmp[i] != '.') zero = 0;
        if (zero) { memmove(tmp, tmp + 1, (size_t)n); n--; }
    }
    S_sep(j);
    S_put(j, tmp, (size_t)n);
}

void dyad_json_bool(dyad_json *j, int v)
{
    S_sep(j);
    if (v) S_put(j, "true", 4); else S_put(j, "false", 5);
}

void dyad_json_null(dyad_json *j)
{
    S_sep(j);
    S_put(j, "null", 4);
}

void dyad_json_newline(dyad_json *j)
{
    S_putc(j, '\n');
    j->depth = 0;
    j->after_key = 0;
}

void dyad__json_location(dyad_json *j, const dyad_location *l)
{
    if (!l) {
        dyad_json_null(j);
        return;
    }
    dyad_json_obj_begin(j);
    DYAD__JSON_KEY(j, "country"); dyad_json_cstr(j, l->country);
    DYAD__JSON_KEY(j, "name"); dyad_json_cstr(j, l->name);
    DYAD__JSON_KEY(j, "lat"); dyad_json_fixed(j, l->name ? l->lat : NAN, 4);
    DYAD__JSON_KEY(j, "lon"); dyad_json_fixed(j, l->name ? l->lon : NAN, 4);
    DYAD__JSON_KEY(j, "basis"); dyad_json_cstr(j, l->basis);
    DYAD__JSON_KEY(j, "text"); dyad_json_cstr(j, l->text);
    dyad_json_obj_end(j);
}
