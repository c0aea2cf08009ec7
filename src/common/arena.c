/*
 * arena.c -- the per-document bump allocator.  Blocks double in size up to
 * 1 MiB; a request larger than a block gets a block of its own.  Reset
 * keeps only the largest block of at most 1 MiB, so steady-state analysis
 * of similar-sized sentences and documents does no malloc at all (keeping
 * the first, 4 KiB block, every sentence past it allocated and freed its
 * blocks again).
 */
#include "common.h"

#include <stdlib.h>
#include <string.h>

struct dyad__arena_block {
    dyad__arena_block *prev;  /* older block */
    size_t size;              /* usable bytes after the header */
    /* data follows, 16-byte aligned */
};

#define ARENA_HDR ((sizeof(dyad__arena_block) + 15) & ~(size_t)15)
#define ARENA_FIRST 4096
#define ARENA_MAXBLOCK ((size_t)1 << 20)

void dyad__arena_init(dyad__arena *a, size_t cap)
{
    memset(a, 0, sizeof *a);
    a->cap = cap;
}

static int S_grow(dyad__arena *a, size_t n)
{
    size_t size = a->head ? a->head->size * 2 : ARENA_FIRST;
    if (size > ARENA_MAXBLOCK) size = ARENA_MAXBLOCK;
    if (size < n) size = n;
    if (a->cap && a->total + size > a->cap) {
        if (a->total + n > a->cap) { a->over_cap = 1; return -1; }
        size = a->cap - a->total;
    }
    dyad__arena_block *b = malloc(ARENA_HDR + size);
    if (!b) return -1;
    b->prev = a->head;
    b->size = size;
    a->head = b;
    a->next = (char *)b + ARENA_HDR;
    a->avail = size;
    a->total += size;
    return 0;
}

/* n: already rounded by dyad__arena_alloc, and more than a->avail */
void *dyad__arena_alloc_slow(dyad__arena *a, size_t n)
{
    if (S_grow(a, n) != 0) return NULL;
    char *p = a->next;
    a->next += n;
    a->avail -= n;
    return p;
}

void *dyad__arena_zalloc(dyad__arena *a, size_t n)
{
    void *p = dyad__arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *dyad__arena_strndup(dyad__arena *a, const char *s, size_t n)
{
    char *p = dyad__arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void dyad__arena_reset(dyad__arena *a)
{
    /* keep the largest block of at most ARENA_MAXBLOCK bytes (the one
     * block of a huge request goes, so memory stays bounded) */
    dyad__arena_block *keep = NULL;
    for (dyad__arena_block *b = a->head; b; b = b->prev)
        if (b->size <= ARENA_MAXBLOCK && (!keep || b->size > keep->size)) keep = b;
    dyad__arena_block *b = a->head;
    while (b) {
        dyad__arena_block *prev = b->prev;
        if (b != keep) free(b);
        b = prev;
    }
    if (keep) keep->prev = NULL;
    a->head = keep;
    a->total = keep ? keep->size : 0;
    a->next = keep ? (char *)keep + ARENA_HDR : NULL;
    a->avail = keep ? keep->size : 0;
    a->over_cap = 0;
}

void dyad__arena_free(dyad__arena *a)
{
    dyad__arena_reset(a);
    free(a->head);
    a->head = NULL;
    a->next = NULL;
    a->avail = 0;
    a->total = 0;
}
