/*
 * held.c -- mentions an ingest keeps in memory for consolidation.  When
 * a run is done, consolidation reads every dirty key's mentions back
 * from the store and scans their records again; for a key that the run
 * itself brought into the store (no stored mention had it when the run
 * first met it), every mention it has is one this run scanned, so the
 * run keeps them (as the consolidator's records, strings in one arena)
 * and consolidation takes them from here.  On VOA and the seeds 20
 * times over that is every key, and consolidating at -j 2 no longer
 * waits on reads.  Part of the store stage.
 *
 * Invariants: a key is held only when the held mentions are exactly the
 * key's mentions in the store, in the store's order once sealed: a key
 * met with stored mentions is never held; a replaced document (whose
 * mentions leave the store) gives the whole set up, as does outgrowing
 * the byte cap, so memory stays bounded whatever the run's size.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

typedef struct S_key {
    char key[16];              /* "" for a free slot */
    int held;
    size_t n, cap;
    dyad__held_mention **m;
} S_key;

struct dyad__held {
    dyad__arena a;             /* the records' strings and structs */
    size_t cap;                /* bytes: the arena and the key table */
    size_t bytes;              /* the key table's bytes so far */
    int dropped;               /* given up: every key from the store */
    S_key *keys;
    size_t nkeys, nslots;      /* nslots a power of two */
};

dyad__held *dyad__held_new(size_t cap)
{
    dyad__held *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    dyad__arena_init(&h->a, cap);
    h->cap = cap;
    return h;
}

static void S_clear(dyad__held *h)
{
    for (size_t i = 0; i < h->nslots; i++) free(h->keys[i].m);
    free(h->keys);
    h->keys = NULL;
    h->nkeys = h->nslots = 0;
    h->bytes = 0;
    dyad__arena_free(&h->a);
}

void dyad__held_free(dyad__held *h)
{
    if (!h) return;
    S_clear(h);
    free(h);
}

void dyad__held_drop(dyad__held *h)
{
    if (!h || h->dropped) return;
    S_clear(h);
    h->dropped = 1;
}

static size_t S_hash(const char *key)
{
    return (size_t)dyad__hash64(0, key, strlen(key));
}

/* The slot of key: its own, or the free one where it would go. */
static S_key *S_find(const dyad__held *h, const char *key)
{
    if (!h->nslots) return NULL;
    for (size_t i = S_hash(key) & (h->nslots - 1);; i = (i + 1) & (h->nslots - 1))
        if (!h->keys[i].key[0] || !strcmp(h->keys[i].key, key)) return &h->keys[i];
}

static int S_grow(dyad__held *h)
{
    size_t n = h->nslots ? h->nslots * 2 : 256;
    if (h->bytes + n * sizeof(S_key) > h->cap) return -1;
    S_key *old = h->keys;
    size_t nold = h->nslots;
    h->keys = calloc(n, sizeof *h->keys);
    if (!h->keys) {
        h->keys = old;
        return -1;
    }
    h->nslots = n;
    h->bytes += (n - nold) * sizeof(S_key);
    for (size_t i = 0; i < nold; i++)
        if (old[i].key[0]) *S_find(h, old[i].key) = old[i];
    free(old);
    return 0;
}

int dyad__held_state(const dyad__held *h, const char *key)
{
    if (!h || h->dropped) return 0;
    const S_key *k = S_find(h, key);
    return k && k->key[0] ? k->held : -1;
}

void dyad__held_mark(dyad__held *h, const char *key, int held)
{
    if (!h || h->dropped || strlen(key) >= sizeof h->keys[0].key) {
        if (h && !h->dropped && held) dyad__held_drop(h);   /* cannot hold it */
        return;
    }
    S_key *k = S_find(h, key);
    if (k && k->key[0]) {
        if (!held) k->held = 0;
        return;
    }
    if ((h->nkeys + 1) * 2 > h->nslots) {
        if (S_grow(h) != 0) {
            dyad__held_drop(h);
            return;
        }
        k = S_find(h, key);
    }
    memcpy(k->key, key, strlen(key) + 1);
    k->held = held;
    h->nkeys++;
}

static const char *S_str(void *ctx, const char *rec, dyad__span sp)
{
    (void)rec;
    if (!sp.p) return NULL;
    char *s = dyad__arena_strndup(ctx, sp.p, sp.n);
    return s ? s : "";   /* over the cap: the set is dropped below */
}

void dyad__held_add(dyad__held *h, const char *key, const char *doc_id, long long seq,
                    const dyad__rec *r, const char *rec)
{
    if (!h || h->dropped) return;
    S_key *k = S_find(h, key);
    if (!k || !k->key[0] || !k->held) return;
    dyad__held_mention *m = dyad__arena_alloc(&h->a, sizeof *m);
    const char **issues = m ? dyad__arena_alloc(&h->a, (r->nissues + 1) * sizeof *issues) : NULL;
    if (!m || !issues) {
        dyad__held_drop(h);
        return;
    }
    const char *tmp[DYAD__REC_ISSUES];
    if (dyad__rec_record(r, rec, S_str, &h->a, &m->rec, &m->loc, tmp) != 0) {
        k->held = 0;   /* read from the store, as the engine wrote it */
        return;
    }
    memcpy(issues, tmp, r->nissues * sizeof *issues);
    m->rec.issues = issues;
    m->doc_id = dyad__arena_strndup(&h->a, doc_id, strlen(doc_id));
    m->seq = seq;
    if (k->n == k->cap) {
        size_t c2 = k->cap ? k->cap * 2 : 4;
        dyad__held_mention **v = h->bytes + (c2 - k->cap) * sizeof *v <= h->cap
                                     ? realloc(k->m, c2 * sizeof *v) : NULL;
        if (!v) {
            dyad__held_drop(h);
            return;
        }
        h->bytes += (c2 - k->cap) * sizeof *v;
        k->m = v;
        k->cap = c2;
    }
    k->m[k->n++] = m;
    if (h->a.over_cap || !m->doc_id || h->a.total + h->bytes > h->cap) dyad__held_drop(h);
}

static int S_cmp(const void *a, const void *b)
{
    const dyad__held_mention *x = *(dyad__held_mention *const *)a;
    const dyad__held_mention *y = *(dyad__held_mention *const *)b;
    int c = strcmp(x->doc_id, y->doc_id);   /* SQLite's BINARY order */
    if (c) return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void dyad__held_seal(dyad__held *h)
{
    if (!h || h->dropped) return;
    for (size_t i = 0; i < h->nslots; i++)
        if (h->keys[i].held && h->keys[i].n > 1)
            qsort(h->keys[i].m, h->keys[i].n, sizeof *h->keys[i].m, S_cmp);
}

const dyad__held_mention *const *dyad__held_get(const dyad__held *h, const char *key, size_t *n)
{
    *n = 0;
    if (!h || h->dropped) return NULL;
    const S_key *k = S_find(h, key);
    if (!k || !k->key[0] || !k->held) return NULL;
    *n = k->n;
    return (const dyad__held_mention *const *)k->m;
}
