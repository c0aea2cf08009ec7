/*
 * buf.c -- growable byte strings.  Growth failure is sticky: after it the
 * buffer ignores appends and reports oom, so callers check once at the end.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dyad__buf_init(dyad__buf *b) { memset(b, 0, sizeof *b); }

void dyad__buf_free(dyad__buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

int dyad__buf_reserve(dyad__buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (extra > SIZE_MAX / 2 - b->len) { b->oom = 1; return -1; }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) { b->oom = 1; return -1; }
    b->data = p;
    b->cap = cap;
    return 0;
}

void dyad__buf_append(dyad__buf *b, const void *p, size_t n)
{
    if (dyad__buf_reserve(b, n) != 0) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void dyad__buf_putc(dyad__buf *b, char c)
{
    if (b->len + 1 < b->cap && !b->oom) {
        b->data[b->len++] = c;
        b->data[b->len] = 0;
        return;
    }
    dyad__buf_append(b, &c, 1);
}

void dyad__buf_printf(dyad__buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || dyad__buf_reserve(b, (size_t)n) != 0) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *dyad__buf_cstr(dyad__buf *b)
{
    if (b->oom || !b->data) return "";
    return b->data;
}
