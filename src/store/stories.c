/*
 * stories.c -- stories: documents that are copies or light rewrites of
 * one another (the same wire story from several outlets) grouped
 * together.  Each document gets a MinHash signature of its word
 * 3-shingles when stored (one-permutation MinHash: see
 * dyad__story_signature); two documents are near when their signatures
 * agree in at least S_NEAR of DYAD__STORY_SIG places (an estimated
 * Jaccard resemblance of the shingle sets of 0.5) and they share one of
 * the signature's bands (locality-sensitive hashing: 32 bands of 2
 * values); a story is a connected component of near pairs, named by its
 * smallest document id.  Part of the store stage.  Invariant: stories
 * depend only on the set of stored documents, never on the order they
 * came in (the thresholds are in docs/STORE.md).
 */
#include "store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_SHINGLE 3            /* words per shingle */
#define S_ROWS 2               /* signature values per band */
#define S_BANDS (DYAD__STORY_SIG / S_ROWS)
#define S_NEAR 32              /* agreeing values for a near pair (0.5) */
#define S_GROUP_PAIRS 64       /* in one band bucket, each document is
                                  compared with at most this many before
                                  it (a bucket of 10,000 copies stays
                                  linear) */

/* Words: runs of letters and digits (any byte >= 0x80 counts as a
 * letter), ASCII folded to lower case; each hashed.  S_fold[c] is byte c
 * folded, or 0 when it is no word byte. */
#define S_F(c)                                                                                    \
    ((c) >= 0x80 || ((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') ? (c)                \
     : (c) >= 'A' && (c) <= 'Z'                                              ? ((c) | 0x20)       \
                                                                             : 0)
#define S_F4(c) S_F(c), S_F((c) + 1), S_F((c) + 2), S_F((c) + 3)
#define S_F16(c) S_F4(c), S_F4((c) + 4), S_F4((c) + 8), S_F4((c) + 12)
#define S_F64(c) S_F16(c), S_F16((c) + 16), S_F16((c) + 32), S_F16((c) + 48)
static const unsigned char S_fold[256] = {S_F64(0), S_F64(64), S_F64(128), S_F64(192)};

/* One-permutation MinHash (Li, Owen and Zhang 2012): one well-mixed hash
 * per shingle, whose top 6 bits choose one of the 64 places (bins) and
 * whose low 32 bits are its value; each place keeps the smallest value
 * that fell in it.  Two documents agree in a place with probability close
 * to the resemblance of their shingle sets, like classic MinHash with 64
 * functions, at one hash per shingle instead of 64 (the signature was a
 * third of ingest's own work).  A place no shingle fell in (a short text)
 * borrows the value of another place, chosen by a fixed random walk of
 * that place alone (optimal densification, Shrivastava 2017), so two
 * texts borrow alike.  Empty text: every place UINT32_MAX. */
static void S_densify(uint32_t sig[DYAD__STORY_SIG], uint64_t filled)
{
    if (!filled || filled == UINT64_MAX) return;
    for (size_t k = 0; k < DYAD__STORY_SIG; k++) {
        if (filled >> k & 1) continue;
        uint64_t h = dyad__mix64(0x5851f42d4c957f2dull ^ k);
        for (;;) {
            size_t j = (size_t)(h >> 58);
            if (filled >> j & 1) {
                sig[k] = sig[j];
                break;
            }
            h = dyad__mix64(h);
        }
    }
}

void dyad__story_signature(const char *text, size_t len, uint32_t sig[DYAD__STORY_SIG])
{
    for (size_t k = 0; k < DYAD__STORY_SIG; k++) sig[k] = UINT32_MAX;
    uint64_t filled = 0;
    uint64_t w0 = 0, w1 = 0;        /* the two words before this one */
    size_t nwords = 0;
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *fold = S_fold;
    for (size_t i = 0; i < len;) {
        if (!fold[s[i]]) { i++; continue; }
        uint64_t h = 0xcbf29ce484222325ull;
        for (unsigned char c; i < len && (c = fold[s[i]]) != 0; i++) h = (h ^ c) * 0x100000001b3ull;
        nwords++;
        if (nwords >= S_SHINGLE) {
            uint64_t sh = dyad__mix64(dyad__mix64(dyad__mix64(w0) ^ w1) ^ h);
            size_t k = (size_t)(sh >> 58);
            uint32_t v = (uint32_t)sh;
            if (!(filled >> k & 1) || v < sig[k]) sig[k] = v;
            filled |= (uint64_t)1 << k;
        }
        w0 = w1;
        w1 = h;
    }
    /* a text of fewer words than a shingle: its words are the shingle */
    if (nwords && nwords < S_SHINGLE) {
        uint64_t sh = nwords == 1 ? dyad__mix64(w1) : dyad__mix64(dyad__mix64(w0) ^ w1);
        size_t k = (size_t)(sh >> 58);
        sig[k] = (uint32_t)sh;
        filled = (uint64_t)1 << k;
    }
    S_densify(sig, filled);
}

double dyad__story_similarity(const uint32_t *a, const uint32_t *b)
{
    size_t same = 0;
    for (size_t k = 0; k < DYAD__STORY_SIG; k++) same += a[k] == b[k];
    return (double)same / DYAD__STORY_SIG;
}

typedef struct S_doc {
    char *id;
    uint32_t sig[DYAD__STORY_SIG];
    int empty;                 /* no words: a story of its own */
} S_doc;

/* One band's buckets: an open-addressing table from a band value to the
 * last document (an index into `last`) that had it, each document linked
 * to the one before it in its bucket.  Walking a bucket back from its
 * last document meets its documents in falling id order, as a sort by
 * (value, id) would list them before it. */
typedef struct S_buckets {
    size_t cap;                /* slots, a power of two */
    uint64_t *h;               /* a slot's band value */
    size_t *last;              /* its last document + 1; 0: empty slot */
    unsigned char *one;        /* 1: every document of the slot's bucket
                                  is in one story (as sets only grow
                                  together, once true it stays true until
                                  a document of another story joins) */
    size_t *prev;              /* per document: the one before it in its
                                  bucket + 1, or 0 */
} S_buckets;

static size_t S_find(size_t *up, size_t i)
{
    while (up[i] != i) {
        up[i] = up[up[i]];
        i = up[i];
    }
    return i;
}

/* Joins the sets of a and b under the smaller index (the smaller id). */
static void S_union(size_t *up, size_t a, size_t b)
{
    a = S_find(up, a);
    b = S_find(up, b);
    if (a < b) up[b] = a;
    else if (b < a) up[a] = b;
}

/* A story pass computed and not yet written: each document whose story
 * changed, with its story. */
struct dyad__stories_plan {
    S_doc *docs;
    size_t n;
    size_t *up;                /* the union-find forest: a story is a root */
    size_t *chg;               /* documents whose stored row differs */
    size_t nchg, nstories;
    dyad_status st;
    int rc;                    /* the SQLite error behind st, if any */
    const char *doing;
    char msg[256];             /* and its message */
};

static void S_plan_free(struct dyad__stories_plan *pl)
{
    if (!pl) return;
    for (size_t i = 0; i < pl->n; i++) free(pl->docs[i].id);
    free(pl->docs);
    free(pl->up);
    free(pl->chg);
    free(pl);
}

/* Notes on pl an SQLite error rc of db while doing; returns DYAD_EIO. */
static dyad_status S_plan_fail(struct dyad__stories_plan *pl, sqlite3 *db, int rc,
                               const char *doing)
{
    pl->rc = rc;
    pl->doing = doing;
    snprintf(pl->msg, sizeof pl->msg, "%s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return DYAD_EIO;
}

/* Computes the stories from the stored signatures, read through db (the
 * store's connection or a reader of its own), and the documents whose
 * stored row they change.  Nothing is written. */
static struct dyad__stories_plan *S_plan(sqlite3 *db)
{
    struct dyad__stories_plan *pl = calloc(1, sizeof *pl);
    if (!pl) return NULL;
    pl->st = DYAD_OK;
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(db, DYAD__STORIES_SQL, -1, &q, NULL);
    if (rc != SQLITE_OK) {
        pl->st = S_plan_fail(pl, db, rc, "reading the documents");
        return pl;
    }
    S_doc *docs = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            size_t c2 = cap ? cap * 2 : 1024;
            S_doc *p = realloc(docs, c2 * sizeof *p);
            if (!p) { st = DYAD_ENOMEM; break; }
            docs = p;
            cap = c2;
        }
        S_doc *d = &docs[n];
        d->id = strdup((const char *)sqlite3_column_text(q, 0));
        if (!d->id) { st = DYAD_ENOMEM; break; }
        n++;
        const unsigned char *b = sqlite3_column_blob(q, 1);
        int nb = sqlite3_column_bytes(q, 1);
        d->empty = 1;
        for (size_t k = 0; k < DYAD__STORY_SIG; k++) {
            uint32_t v = UINT32_MAX;
            if (b && (size_t)nb >= DYAD__STORY_SIG * 4)
                v = (uint32_t)b[4 * k] | (uint32_t)b[4 * k + 1] << 8 |
                    (uint32_t)b[4 * k + 2] << 16 | (uint32_t)b[4 * k + 3] << 24;
            d->sig[k] = v;
            if (v != UINT32_MAX) d->empty = 0;
        }
    }
    sqlite3_finalize(q);
    pl->docs = docs;
    pl->n = n;
    if (st == DYAD_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        st = S_plan_fail(pl, db, rc, "reading the documents");
    }
    size_t *up = pl->up = st == DYAD_OK ? malloc((n ? n : 1) * sizeof *up) : NULL;
    S_buckets bk = {0};
    bk.cap = 16;
    while (bk.cap < 2 * n) bk.cap *= 2;
    if (st == DYAD_OK) {
        bk.h = malloc(bk.cap * sizeof *bk.h);
        bk.last = malloc(bk.cap * sizeof *bk.last);
        bk.one = malloc(bk.cap);
        bk.prev = malloc((n ? n : 1) * sizeof *bk.prev);
        if (!up || !bk.h || !bk.last || !bk.one || !bk.prev) st = DYAD_ENOMEM;
    }
    if (st == DYAD_OK) {
        for (size_t i = 0; i < n; i++) up[i] = i;
        for (size_t b = 0; b < S_BANDS; b++) {
            memset(bk.last, 0, bk.cap * sizeof *bk.last);
            for (size_t i = 0; i < n; i++) {
                if (docs[i].empty) continue;
                uint64_t h = b + 1;
                for (size_t r = 0; r < S_ROWS; r++) h = dyad__mix64(h ^ docs[i].sig[b * S_ROWS + r]);
                size_t slot = (size_t)h & (bk.cap - 1);
                while (bk.last[slot] && bk.h[slot] != h) slot = (slot + 1) & (bk.cap - 1);
                /* the documents before this one in its bucket, nearest
                 * first, at most S_GROUP_PAIRS of them; none to compare
                 * when they are all in this one's story already (a bucket
                 * of copies of one text, after its first band: the walk
                 * would skip each of them) */
                size_t top = bk.last[slot];
                int one = !top || bk.one[slot];
                if (!(top && one && S_find(up, i) == S_find(up, top - 1))) {
                    size_t seen = 0;
                    for (size_t y = top; y && seen < S_GROUP_PAIRS; y = bk.prev[y - 1], seen++) {
                        size_t j = y - 1;
                        if (S_find(up, i) == S_find(up, j)) continue;
                        size_t same = 0;
                        for (size_t k = 0; k < DYAD__STORY_SIG; k++)
                            same += docs[i].sig[k] == docs[j].sig[k];
                        if (same >= S_NEAR) S_union(up, i, j);
                    }
                    one = !top || (one && S_find(up, i) == S_find(up, top - 1));
                }
                bk.prev[i] = top;
                bk.h[slot] = h;
                bk.last[slot] = i + 1;
                bk.one[slot] = (unsigned char)one;
            }
        }
    }
    /* the documents whose story changed: the stored rows are read in
     * document order beside the documents (both ordered by id, BINARY),
     * so a store of a million documents that gained a few rewrites
     * nothing but theirs (rows of documents no longer stored went with
     * them, by the foreign key) */
    size_t *chg = pl->chg = st == DYAD_OK ? malloc((n ? n : 1) * sizeof *chg) : NULL;
    size_t nchg = 0;
    sqlite3_stmt *cur = NULL;
    if (st == DYAD_OK && !chg) st = DYAD_ENOMEM;
    if (st == DYAD_OK) {
        rc = sqlite3_prepare_v2(db, "SELECT doc_id, story_id FROM stories ORDER BY doc_id", -1,
                                &cur, NULL);
        if (rc != SQLITE_OK) {
            st = S_plan_fail(pl, db, rc, "reading the stories");
        }
    }
    int crc = st == DYAD_OK ? sqlite3_step(cur) : SQLITE_DONE;
    for (size_t i = 0; i < n && st == DYAD_OK; i++) {
        size_t r = S_find(up, i);
        if (r == i) pl->nstories++;
        int c = 1;
        while (crc == SQLITE_ROW &&
               (c = strcmp((const char *)sqlite3_column_text(cur, 0), docs[i].id)) < 0)
            crc = sqlite3_step(cur);
        if (crc == SQLITE_ROW && c == 0) {
            int same = strcmp((const char *)sqlite3_column_text(cur, 1), docs[r].id) == 0;
            crc = sqlite3_step(cur);
            if (same) continue;
        }
        chg[nchg++] = i;
    }
    if (st == DYAD_OK && crc != SQLITE_ROW && crc != SQLITE_DONE) {
        st = S_plan_fail(pl, db, crc, "reading the stories");
    }
    sqlite3_finalize(cur);
    pl->nchg = nchg;
    pl->st = st;
    free(bk.h);
    free(bk.last);
    free(bk.one);
    free(bk.prev);
    return pl;
}

/* Writes what a plan found, in one transaction of the store's connection;
 * frees the plan. */
static dyad_status S_plan_write(dyad_store *s, struct dyad__stories_plan *pl, size_t *nstories)
{
    *nstories = 0;
    if (!pl) return dyad__err_set(&s->err, DYAD_ENOMEM, "%s: out of memory", s->path);
    dyad_status st = pl->st;
    if (st == DYAD_ENOMEM) st = dyad__err_set(&s->err, st, "%s: out of memory", s->path);
    else if (st != DYAD_OK) st = dyad__store_fail_msg(s, pl->rc, pl->doing, pl->msg);
    size_t nchg = pl->nchg, *chg = pl->chg, *up = pl->up;
    S_doc *docs = pl->docs;
    sqlite3_stmt *u = NULL;
    int rc;
    if (st == DYAD_OK) *nstories = pl->nstories;
    /* the changed rows, in one transaction */
    if (st == DYAD_OK && nchg)
        st = dyad__store_prepare(s, &u, "INSERT INTO stories(doc_id, story_id) VALUES(?1, ?2) "
                                        "ON CONFLICT(doc_id) DO UPDATE SET "
                                        "story_id=excluded.story_id");
    if (st == DYAD_OK && nchg) {
        st = dyad__store_exec(s, "BEGIN IMMEDIATE");
        for (size_t k = 0; k < nchg && st == DYAD_OK; k++) {
            size_t i = chg[k];
            sqlite3_bind_text(u, 1, docs[i].id, -1, SQLITE_STATIC);
            sqlite3_bind_text(u, 2, docs[S_find(up, i)].id, -1, SQLITE_STATIC);
            rc = sqlite3_step(u);
            sqlite3_reset(u);
            if (rc != SQLITE_DONE) st = dyad__store_fail(s, rc, "writing the stories");
        }
        if (st == DYAD_OK) st = dyad__store_exec(s, "COMMIT");
        if (st != DYAD_OK) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_finalize(u);
    S_plan_free(pl);
    return st;
}

dyad_status dyad__stories_update(dyad_store *s, size_t *nstories)
{
    return S_plan_write(s, S_plan(s->db), nstories);
}

/* ---------------------------------------- the pass beside consolidation
 *
 * An ingest's story pass reads only documents and stories, which
 * consolidation does not write: its plan is computed on a read-only
 * connection of its own, in a thread, while consolidation runs (WAL: it
 * sees every committed document), and only its rows are written after. */
struct dyad__stories_job {
    char *path;
    pthread_t t;
    int started;
    struct dyad__stories_plan *plan;
};

static void *S_job_main(void *arg)
{
    struct dyad__stories_job *j = arg;
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(j->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        /* one read transaction: one snapshot for both queries */
        rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK) {
        j->plan = S_plan(db);
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    } else if ((j->plan = calloc(1, sizeof *j->plan)) != NULL) {
        j->plan->st = S_plan_fail(j->plan, db, rc, "reading the documents");
    }
    sqlite3_close_v2(db);
    return NULL;
}

struct dyad__stories_job *dyad__stories_start(dyad_store *s)
{
    if (!s->path || strcmp(s->path, ":memory:") == 0) return NULL;
    struct dyad__stories_job *j = calloc(1, sizeof *j);
    if (!j) return NULL;
    j->path = strdup(s->path);
    j->started = j->path && pthread_create(&j->t, NULL, S_job_main, j) == 0;
    if (!j->started) {
        free(j->path);
        free(j);
        return NULL;
    }
    return j;
}

dyad_status dyad__stories_finish(dyad_store *s, struct dyad__stories_job *j, size_t *nstories)
{
    if (!j) return dyad__stories_update(s, nstories);
    pthread_join(j->t, NULL);
    struct dyad__stories_plan *pl = j->plan;
    free(j->path);
    free(j);
    return S_plan_write(s, pl, nstories);
}

/* A job started and not finished (the ingest failed before): joined,
 * nothing written. */
void dyad__stories_cancel(struct dyad__stories_job *j)
{
    if (!j) return;
    pthread_join(j->t, NULL);
    S_plan_free(j->plan);
    free(j->path);
    free(j);
}

dyad_status dyad_store_stories(dyad_store *s, size_t min_docs,
                               int (*fn)(void *ctx, const dyad_story *st), void *ctx)
{
    if (!s || !s->db || !fn) return DYAD_EINVAL;
    sqlite3_stmt *q = NULL;
    DYAD_TRY(dyad__store_prepare(s, &q, "SELECT coalesce(t.story_id, d.id) AS sid, d.id FROM "
                                        "documents d LEFT JOIN stories t ON t.doc_id=d.id "
                                        "ORDER BY sid, d.id"));
    char **ids = NULL;
    size_t n = 0, cap = 0;
    char *cur = NULL;
    dyad_status st = DYAD_OK;
    int rc, stop = 0;
    for (;;) {
        rc = sqlite3_step(q);
        const char *sid = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) : NULL;
        if (cur && (!sid || strcmp(sid, cur) != 0)) {
            if (n >= min_docs) {
                dyad_story story = {cur, n, (const char *const *)ids};
                stop = fn(ctx, &story);
            }
            for (size_t i = 0; i < n; i++) free(ids[i]);
            n = 0;
            free(cur);
            cur = NULL;
            if (stop) break;
        }
        if (rc != SQLITE_ROW) break;
        if (!cur && !(cur = strdup(sid))) { st = DYAD_ENOMEM; break; }
        if (n == cap) {
            size_t c2 = cap ? cap * 2 : 16;
            char **p = realloc(ids, c2 * sizeof *p);
            if (!p) { st = DYAD_ENOMEM; break; }
            ids = p;
            cap = c2;
        }
        if (!(ids[n] = strdup((const char *)sqlite3_column_text(q, 1)))) {
            st = DYAD_ENOMEM;
            break;
        }
        n++;
    }
    if (st == DYAD_OK && !stop && rc != SQLITE_DONE) st = dyad__store_fail(s, rc, "reading");
    for (size_t i = 0; i < n; i++) free(ids[i]);
    free(ids);
    free(cur);
    sqlite3_finalize(q);
    return st;
}
