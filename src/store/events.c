/*
 * events.c -- the events of the store: consolidating the dirty keys again
 * from their mentions (through the consolidation part of this stage), and
 * the queries over events and mentions.  Part of the store stage.
 * Invariant: the events of a key are a function of the set of its
 * mentions only.
 */
#include "store.h"

#include <jansson.h>
#include <pthread.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Keys are done in transactions of about this many mentions: few
 * commits, and a kill loses little work. */
#define S_TXN_MENTIONS 20000

/* One key's consolidation, computed by a reader (S_read_key) and
 * written by the pass (S_write_key): its mentions and its events as the
 * rows to insert. */
typedef struct S_evrow {
    char *id, *source, *target, *code, *root, *date, *country, *json;
    const char *modality, *precision;   /* static names */
    size_t jlen;
    long long num_mentions, num_articles, num_sources;
    char *links;               /* its mentions, [[doc_id, seq], ...] */
    size_t llen;
} S_evrow;

typedef struct S_keyres {
    dyad_status st;            /* DYAD_OK, DYAD_ENOMEM, or DYAD_EIO (rc) */
    int rc;                    /* the SQLite error of a failed read */
    size_t n;                  /* the key's mentions */
    char **docs;               /* doc_id and seq of each */
    long long *seqs;
    size_t nev;
    S_evrow *ev;
} S_keyres;

static void S_keyres_clear(S_keyres *r)
{
    for (size_t i = 0; i < r->n; i++) free(r->docs[i]);
    free(r->docs);
    free(r->seqs);
    for (size_t e = 0; e < r->nev; e++) {
        S_evrow *v = &r->ev[e];
        char *f[] = {v->id,   v->source,  v->target, v->code, v->root,
                     v->date, v->country, v->json,   v->links};
        for (size_t i = 0; i < DYAD_ARRAY_LEN(f); i++) free(f[i]);
    }
    free(r->ev);
    memset(r, 0, sizeof *r);
}

/* What reading a key's mentions and consolidating them needs: a
 * connection (the store's own, or a reader's), its statement, a
 * consolidator and scratch space.  One per thread. */
typedef struct S_reader {
    sqlite3 *db;
    int own_db;                /* opened by the reader (closed with it) */
    sqlite3_stmt *q_m;
    dyad_consolidator *c;
    dyad__buf scratch;         /* a record copy whose strings are cut
                                  with NULs (S_add) */
    FILE *mem;                 /* the event JSON, written here */
    char *membuf;
    size_t memlen;
    dyad_json *j;
} S_reader;

static const char S_q_mentions[] =
    "SELECT doc_id, seq, record FROM mentions WHERE ckey=?1 ORDER BY doc_id, seq";

static void S_reader_free(S_reader *r)
{
    sqlite3_finalize(r->q_m);
    dyad_json_free(r->j);
    dyad__buf_free(&r->scratch);
    if (r->mem) fclose(r->mem);
    free(r->membuf);
    dyad_consolidator_free(r->c);
    if (r->own_db) sqlite3_close(r->db);
    memset(r, 0, sizeof *r);
}

/* Sets up r on db, or (db NULL) on a read-only connection of its own to
 * path.  An SQLite code, or SQLITE_NOMEM. */
static int S_reader_init(S_reader *r, sqlite3 *db, const char *path)
{
    memset(r, 0, sizeof *r);
    dyad__buf_init(&r->scratch);
    int rc = SQLITE_OK;
    if (!db) {
        rc = sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
        r->own_db = 1;
        if (rc == SQLITE_OK) {
            sqlite3_busy_timeout(r->db, 5000);
            rc = sqlite3_exec(r->db, "PRAGMA cache_size=-16384", NULL, NULL, NULL);
        }
    } else {
        r->db = db;
    }
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(r->db, S_q_mentions, -1, &r->q_m, NULL);
    if (rc == SQLITE_OK && dyad_consolidator_new(&r->c) != DYAD_OK) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) {
        r->mem = open_memstream(&r->membuf, &r->memlen);
        r->j = r->mem ? dyad_json_new(r->mem) : NULL;
        if (!r->j) rc = SQLITE_NOMEM;
    }
    return rc;
}

/* The span's bytes as a C string inside the scratch copy (ctx, the copy
 * of the record that starts at rec); NULL for a null value. */
static const char *S_cut(void *ctx, const char *rec, dyad__span sp)
{
    if (!sp.p) return NULL;
    char *p = (char *)ctx + (sp.p - rec);
    p[sp.n] = 0;   /* the closing quote */
    return p;
}

/* Adds one stored record to the consolidator: read by the scanner and
 * handed over as a dyad_record (no JSON tree), or through
 * dyad_consolidator_add_json() when the scanner declines; the two give
 * the consolidator the same mention. */
static dyad_status S_add(S_reader *p, const char *rec, size_t len)
{
    dyad__rec r;
    /* stored by ingest from the engine: its fields end at the sentence */
    if (dyad__rec_scan_head(rec, len, &r) != 0) return dyad_consolidator_add_json(p->c, rec, len);
    dyad__buf_clear(&p->scratch);
    dyad__buf_append(&p->scratch, rec, len);
    dyad__buf_putc(&p->scratch, 0);
    if (p->scratch.oom) return DYAD_ENOMEM;
    dyad_record d;
    dyad_location loc;
    const char *issues[DYAD__REC_ISSUES];
    if (dyad__rec_record(&r, rec, S_cut, p->scratch.data, &d, &loc, issues) != 0)
        return dyad_consolidator_add_json(p->c, rec, len);
    return dyad_consolidator_add_record(p->c, &d);
}

static char *S_dup(const char *s, int *oom)
{
    if (!s) return NULL;
    char *d = strdup(s);
    if (!d) *oom = 1;
    return d;
}

static int S_size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* What the reader's JSON writer wrote since its memstream was rewound,
 * as a malloc'd string (its length in *len); NULL when out of memory. */
static char *S_mem_take(S_reader *p, size_t *len)
{
    if (dyad_json_flush(p->j) != DYAD_OK || fflush(p->mem) != 0) return NULL;
    long l = ftell(p->mem);
    char *s = l >= 0 ? malloc((size_t)l + 1) : NULL;
    if (!s) return NULL;
    memcpy(s, p->membuf, (size_t)l);
    s[l] = 0;
    *len = (size_t)l;
    return s;
}

/* Event ev's mentions as the JSON of events.links, [[doc_id, seq], ...]
 * in (doc_id, seq) order (the order of the key's mentions in out);
 * malloc'd, its length in *len; NULL when out of memory. */
static char *S_links(S_reader *p, const dyad_cevent *ev, const S_keyres *out, size_t *len)
{
    size_t n = ev->mentions ? ev->num_mentions : 0;
    size_t *idx = malloc((n + 1) * sizeof *idx);
    if (!idx) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ev->mentions[i] < out->n) idx[k++] = ev->mentions[i];
    qsort(idx, k, sizeof *idx, S_size_cmp);
    rewind(p->mem);
    dyad_json_arr_begin(p->j);
    for (size_t i = 0; i < k; i++) {
        dyad_json_arr_begin(p->j);
        dyad_json_cstr(p->j, out->docs[idx[i]]);
        dyad_json_int(p->j, out->seqs[idx[i]]);
        dyad_json_arr_end(p->j);
    }
    dyad_json_arr_end(p->j);
    free(idx);
    return S_mem_take(p, len);
}

/* Reads key's mentions, in (doc_id, seq) order, and consolidates them
 * into out (cleared first).  Touches nothing but the reader and out, so
 * readers on their own connections run side by side. */
static void S_read_key(S_reader *p, const char *key, const dyad__held *held, S_keyres *out)
{
    memset(out, 0, sizeof *out);
    dyad_consolidator_reset(p->c);
    size_t cap = 0;
    int rc = SQLITE_DONE, oom = 0;
    size_t nheld;
    const dyad__held_mention *const *hm = dyad__held_get(held, key, &nheld);
    if (hm) {
        out->docs = malloc((nheld + 1) * sizeof *out->docs);
        out->seqs = malloc((nheld + 1) * sizeof *out->seqs);
        if (!out->docs || !out->seqs) oom = 1;
        for (size_t i = 0; i < nheld && !oom; i++) {
            dyad_status a = dyad_consolidator_add_record(p->c, &hm[i]->rec);
            if (a == DYAD_ENOMEM) oom = 1;
            if (a != DYAD_OK) continue;   /* as from the store: not expected */
            out->docs[out->n] = S_dup(hm[i]->doc_id, &oom);
            out->seqs[out->n++] = hm[i]->seq;
        }
    }
    if (!hm) sqlite3_bind_text(p->q_m, 1, key, -1, SQLITE_STATIC);
    while (!hm && (rc = sqlite3_step(p->q_m)) == SQLITE_ROW) {
        const char *rec = (const char *)sqlite3_column_text(p->q_m, 2);
        size_t len = (size_t)sqlite3_column_bytes(p->q_m, 2);
        dyad_status a = S_add(p, rec ? rec : "", rec ? len : 0);
        if (a == DYAD_ENOMEM) { oom = 1; break; }
        if (a != DYAD_OK) continue;   /* stored by ingest from the engine: not expected */
        if (out->n == cap) {
            size_t c2 = cap ? cap * 2 : 64;
            char **d = realloc(out->docs, c2 * sizeof *d);
            if (d) out->docs = d;
            long long *q = realloc(out->seqs, c2 * sizeof *q);
            if (q) out->seqs = q;
            if (!d || !q) { oom = 1; break; }
            cap = c2;
        }
        out->docs[out->n] = S_dup((const char *)sqlite3_column_text(p->q_m, 0), &oom);
        if (oom) break;
        out->seqs[out->n] = sqlite3_column_int64(p->q_m, 1);
        out->n++;
    }
    if (!hm) {
        sqlite3_reset(p->q_m);
        sqlite3_clear_bindings(p->q_m);
    }
    if (!oom && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        out->st = DYAD_EIO;
        out->rc = rc;
        return;
    }
    if (oom || dyad_consolidator_run(p->c) != DYAD_OK) {
        out->st = DYAD_ENOMEM;
        return;
    }
    size_t nev = dyad_consolidator_event_count(p->c);
    out->ev = nev ? calloc(nev, sizeof *out->ev) : NULL;
    if (nev && !out->ev) {
        out->st = DYAD_ENOMEM;
        return;
    }
    for (size_t e = 0; e < nev && !oom; e++) {
        const dyad_cevent *ev = dyad_consolidator_event(p->c, e);
        S_evrow *v = &out->ev[out->nev++];
        rewind(p->mem);
        dyad_cevent_write_json(ev, p->j);
        if (!(v->json = S_mem_take(p, &v->jlen))) { oom = 1; break; }
        v->id = S_dup(ev->event_id, &oom);
        v->source = S_dup(ev->source, &oom);
        v->target = S_dup(ev->target, &oom);
        v->code = S_dup(ev->code, &oom);
        v->root = S_dup(ev->root, &oom);
        v->date = S_dup(ev->date, &oom);
        v->country = S_dup(ev->location ? ev->location->country : NULL, &oom);
        v->modality = dyad_modality_kind_name(ev->modality);
        v->precision = dyad_date_precision_name(ev->date_precision);
        v->num_mentions = (long long)ev->num_mentions;
        v->num_articles = (long long)ev->num_articles;
        v->num_sources = (long long)ev->num_sources;
        if (!(v->links = S_links(p, ev, out, &v->llen))) { oom = 1; break; }
    }
    if (oom) out->st = DYAD_ENOMEM;
}

/* The statements that write a pass's results, on the store's connection. */
typedef struct S_writer {
    dyad_store *s;
    sqlite3_stmt *q_del, *q_ev, *q_evn, *q_undirty;
    int open;                  /* a transaction is open */
    size_t in_txn;             /* mentions (and keys) written in it */
    size_t keys, events;       /* keys and events written in all */
} S_writer;

static void S_bind_opt(sqlite3_stmt *q, int i, const char *v)
{
    if (v) sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

static int S_step(sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Events are inserted this many to a statement while a key has that many
 * left: the statement's own cost (its start, its end, the cursors on the
 * table and its seven indexes) is paid once for them.  OR FAIL: an
 * INSERT of several rows that may abort needs a statement journal, and
 * SQLite writes that to a temporary file; an event id given twice is an
 * error either way. */
#define S_EV_ROWS 8

/* The INSERT of rows events into buf. */
static void S_ev_sql(char *buf, size_t size, size_t rows)
{
    size_t n = (size_t)snprintf(buf, size, "INSERT OR FAIL INTO events(id,ckey,source,target,code,root,"
                                           "modality,date,date_precision,country,num_mentions,"
                                           "num_articles,num_sources,record,links) VALUES");
    for (size_t r = 0; r < rows && n < size; r++)
        n += (size_t)snprintf(buf + n, size - n, "%s(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", r ? "," : "");
}

/* Replaces key's events and their links by those of r, and takes the
 * key off the dirty table.  Runs inside the caller's transaction. */
static dyad_status S_write_key(S_writer *w, const char *key, const S_keyres *r)
{
    dyad_store *s = w->s;
    if (r->st == DYAD_ENOMEM) return dyad__err_set(&s->err, DYAD_ENOMEM, "%s: out of memory", s->path);
    if (r->st != DYAD_OK) return dyad__store_fail(s, r->rc, "reading mentions");
    int rc;
    sqlite3_bind_text(w->q_del, 1, key, -1, SQLITE_STATIC);
    if ((rc = S_step(w->q_del)) != SQLITE_OK) return dyad__store_fail(s, rc, "writing events");
    for (size_t e = 0; e < r->nev;) {
        /* S_EV_ROWS rows to a statement while that many are left */
        size_t rows = r->nev - e >= S_EV_ROWS ? S_EV_ROWS : 1;
        sqlite3_stmt *q = rows > 1 ? w->q_evn : w->q_ev;
        for (size_t k = 0; k < rows; k++, e++) {
            const S_evrow *v = &r->ev[e];
            int b = (int)(15 * k);
            sqlite3_bind_text(q, b + 1, v->id, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, b + 2, key, -1, SQLITE_STATIC);
            S_bind_opt(q, b + 3, v->source);
            S_bind_opt(q, b + 4, v->target);
            S_bind_opt(q, b + 5, v->code);
            S_bind_opt(q, b + 6, v->root);
            S_bind_opt(q, b + 7, v->modality);
            S_bind_opt(q, b + 8, v->date);
            S_bind_opt(q, b + 9, v->precision);
            S_bind_opt(q, b + 10, v->country);
            sqlite3_bind_int64(q, b + 11, v->num_mentions);
            sqlite3_bind_int64(q, b + 12, v->num_articles);
            sqlite3_bind_int64(q, b + 13, v->num_sources);
            sqlite3_bind_text(q, b + 14, v->json, (int)v->jlen, SQLITE_STATIC);
            sqlite3_bind_text(q, b + 15, v->links, (int)v->llen, SQLITE_STATIC);
        }
        if ((rc = S_step(q)) != SQLITE_OK) return dyad__store_fail(s, rc, "writing events");
    }
    sqlite3_bind_text(w->q_undirty, 1, key, -1, SQLITE_STATIC);
    if ((rc = S_step(w->q_undirty)) != SQLITE_OK) return dyad__store_fail(s, rc, "writing events");
    return DYAD_OK;
}

/* Writes key's results r inside a transaction of the pass, begun when
 * none is open and committed after about S_TXN_MENTIONS mentions or at
 * the last key.  On failure the caller ends the pass with S_write_end. */
static dyad_status S_write(S_writer *w, const char *key, const S_keyres *r, int last)
{
    dyad_store *s = w->s;
    if (!w->open) {
        DYAD_TRY(dyad__store_exec(s, "BEGIN IMMEDIATE"));
        w->open = 1;
    }
    DYAD_TRY(S_write_key(w, key, r));
    w->keys++;
    w->events += r->nev;
    w->in_txn += r->n + 1;
    if (w->in_txn < S_TXN_MENTIONS && !last) return DYAD_OK;
    w->open = 0;
    w->in_txn = 0;
    return dyad__store_exec(s, "COMMIT");
}

/* Ends a pass: what a failure left open is rolled back. */
static void S_write_end(S_writer *w, dyad_status st)
{
    if (w->open || st != DYAD_OK) sqlite3_exec(w->s->db, "ROLLBACK", NULL, NULL, NULL);
    w->open = 0;
}

/* The dirty keys, sorted.  *out is freed by the caller. */
static dyad_status S_dirty_keys(dyad_store *s, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q = NULL;
    DYAD_TRY(dyad__store_prepare(s, &q, "SELECT ckey FROM dirty ORDER BY ckey"));
    size_t cap = 0;
    int rc;
    dyad_status st = DYAD_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t c2 = cap ? cap * 2 : 256;
            char **p = realloc(*out, c2 * sizeof *p);
            if (!p) { st = DYAD_ENOMEM; break; }
            *out = p;
            cap = c2;
        }
        if (!((*out)[*n] = strdup((const char *)sqlite3_column_text(q, 0)))) {
            st = DYAD_ENOMEM;
            break;
        }
        (*n)++;
    }
    sqlite3_finalize(q);
    if (st != DYAD_OK) return dyad__err_set(&s->err, st, "%s: out of memory", s->path);
    if (rc != SQLITE_DONE) return dyad__store_fail(s, rc, "reading");
    return DYAD_OK;
}

/* -------------------------------------------- reading keys in parallel
 *
 * With more than one thread, readers on read-only connections of their
 * own (WAL: they see every committed mention while the store's
 * connection writes events) read and consolidate runs of S_RUN keys,
 * taking runs in key order; the store's connection writes the runs in
 * key order as they complete.  Readers stay at most S_AHEAD runs ahead
 * of the writer, so memory stays bounded.  The rows written, and their
 * order, are those of one thread. */
#define S_RUN 16
#define S_AHEAD 8      /* runs per reader */

typedef struct S_par {
    pthread_mutex_t mu;
    pthread_cond_t cond;        /* a run completed, or the writer moved on */
    char **keys;
    size_t nkeys, nruns;
    S_keyres *res;              /* one per key */
    unsigned char *done;        /* per run */
    size_t next;                /* the next run to read */
    size_t written;             /* runs the writer has taken */
    size_t cleared;             /* runs whose results are freed (by the
                                   readers: the writer's thread is the
                                   pass's bottleneck) */
    size_t ahead;               /* how far past `written` readers may go */
    int stop;                   /* the writer failed: readers stop */
    const char *path;
    const dyad__held *held;
} S_par;

typedef struct S_thread {
    S_par *par;
    pthread_t t;
    int started;
} S_thread;

static void *S_reader_main(void *arg)
{
    S_par *par = ((S_thread *)arg)->par;
    S_reader rd;
    int rc = S_reader_init(&rd, NULL, par->path);
    for (;;) {
        pthread_mutex_lock(&par->mu);
        while (!par->stop && par->next < par->nruns && par->next >= par->written + par->ahead)
            pthread_cond_wait(&par->cond, &par->mu);
        if (par->stop || par->next >= par->nruns) {
            pthread_mutex_unlock(&par->mu);
            break;
        }
        size_t run = par->next++;
        size_t c0 = par->cleared, c1 = par->written;   /* written: the writer is done with them */
        par->cleared = c1;
        pthread_mutex_unlock(&par->mu);
        for (size_t k = c0 * S_RUN; k < c1 * S_RUN && k < par->nkeys; k++) S_keyres_clear(&par->res[k]);
        size_t a = run * S_RUN, b = a + S_RUN < par->nkeys ? a + S_RUN : par->nkeys;
        for (size_t k = a; k < b; k++) {
            if (rc == SQLITE_OK) {
                S_read_key(&rd, par->keys[k], par->held, &par->res[k]);
            } else {
                memset(&par->res[k], 0, sizeof par->res[k]);
                par->res[k].st = rc == SQLITE_NOMEM ? DYAD_ENOMEM : DYAD_EIO;
                par->res[k].rc = rc;
            }
        }
        pthread_mutex_lock(&par->mu);
        par->done[run] = 1;
        pthread_cond_broadcast(&par->cond);
        pthread_mutex_unlock(&par->mu);
    }
    S_reader_free(&rd);
    return NULL;
}

/* Writes every key of list through w, read by nthreads readers. */
static dyad_status S_consolidate_parallel(dyad_store *s, S_writer *w, char **list, size_t nkeys,
                                          unsigned nthreads, const dyad__held *held)
{
    S_par par;
    memset(&par, 0, sizeof par);
    par.keys = list;
    par.nkeys = nkeys;
    par.nruns = (nkeys + S_RUN - 1) / S_RUN;
    par.ahead = (size_t)nthreads * S_AHEAD;
    par.path = s->path;
    par.held = held;
    par.res = calloc(nkeys, sizeof *par.res);
    par.done = calloc(par.nruns, 1);
    S_thread *th = calloc(nthreads, sizeof *th);
    if (!par.res || !par.done || !th) {
        free(par.res);
        free(par.done);
        free(th);
        return dyad__err_set(&s->err, DYAD_ENOMEM, "%s: out of memory", s->path);
    }
    pthread_mutex_init(&par.mu, NULL);
    pthread_cond_init(&par.cond, NULL);
    dyad_status st = DYAD_OK;
    for (unsigned i = 0; i < nthreads; i++) {
        th[i].par = &par;
        th[i].started = pthread_create(&th[i].t, NULL, S_reader_main, &th[i]) == 0;
    }
    for (size_t run = 0; run < par.nruns && st == DYAD_OK; run++) {
        pthread_mutex_lock(&par.mu);
        while (!par.done[run]) pthread_cond_wait(&par.cond, &par.mu);
        pthread_mutex_unlock(&par.mu);
        size_t a = run * S_RUN, b = a + S_RUN < nkeys ? a + S_RUN : nkeys;
        for (size_t k = a; k < b && st == DYAD_OK; k++)
            st = S_write(w, list[k], &par.res[k], k + 1 == nkeys);
        pthread_mutex_lock(&par.mu);
        par.written = run + 1;
        if (st != DYAD_OK) par.stop = 1;
        pthread_cond_broadcast(&par.cond);
        pthread_mutex_unlock(&par.mu);
    }
    S_write_end(w, st);
    pthread_mutex_lock(&par.mu);
    par.stop = 1;
    pthread_cond_broadcast(&par.cond);
    pthread_mutex_unlock(&par.mu);
    for (unsigned i = 0; i < nthreads; i++)
        if (th[i].started) pthread_join(th[i].t, NULL);
    for (size_t k = 0; k < nkeys; k++) S_keyres_clear(&par.res[k]);
    pthread_cond_destroy(&par.cond);
    pthread_mutex_destroy(&par.mu);
    free(par.res);
    free(par.done);
    free(th);
    return st;
}

dyad_status dyad__store_consolidate_dirty(dyad_store *s, unsigned threads, const dyad__held *held,
                                          size_t *keys, size_t *events)
{
    *keys = 0;
    *events = 0;
    char **list = NULL;
    size_t nkeys = 0;
    DYAD_TRY(S_dirty_keys(s, &list, &nkeys));
    if (!nkeys) {
        free(list);
        return DYAD_OK;
    }
    S_writer w;
    memset(&w, 0, sizeof w);
    w.s = s;
    char evsql[512], evsqln[2048];
    S_ev_sql(evsql, sizeof evsql, 1);
    S_ev_sql(evsqln, sizeof evsqln, S_EV_ROWS);
    struct {
        sqlite3_stmt **q;
        const char *sql;
    } qs[] = {
        {&w.q_del, "DELETE FROM events WHERE ckey=?1"},
        {&w.q_ev, evsql},
        {&w.q_evn, evsqln},
        {&w.q_undirty, "DELETE FROM dirty WHERE ckey=?1"},
    };
    dyad_status st = DYAD_OK;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(qs) && st == DYAD_OK; i++)
        st = dyad__store_prepare(s, qs[i].q, qs[i].sql);
    /* readers of their own need a file (not ":memory:"); with one thread
     * too, one reader consolidates the next keys while this connection
     * writes */
    size_t nruns = (nkeys + S_RUN - 1) / S_RUN;
    if (threads > nruns) threads = (unsigned)nruns;
    int own = s->path && strcmp(s->path, ":memory:") != 0 && threads >= 1;
    if (st == DYAD_OK && own) {
        st = S_consolidate_parallel(s, &w, list, nkeys, threads, held);
    } else if (st == DYAD_OK) {
        S_reader rd;
        int rc = S_reader_init(&rd, s->db, s->path);
        if (rc != SQLITE_OK) st = dyad__store_fail(s, rc, "reading mentions");
        for (size_t k = 0; k < nkeys && st == DYAD_OK; k++) {
            S_keyres r;
            S_read_key(&rd, list[k], held, &r);
            st = S_write(&w, list[k], &r, k + 1 == nkeys);
            S_keyres_clear(&r);
        }
        S_write_end(&w, st);
        S_reader_free(&rd);
    }
    *keys = w.keys;
    *events = w.events;
    sqlite3_stmt *all[] = {w.q_del, w.q_ev, w.q_evn, w.q_undirty};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(all); i++) sqlite3_finalize(all[i]);
    for (size_t k = 0; k < nkeys; k++) free(list[k]);
    free(list);
    return st;
}

void dyad__store_analyze(dyad_store *s)
{
    sqlite3_exec(s->db, "PRAGMA analysis_limit=1000;ANALYZE events", NULL, NULL, NULL);
}

/* ------------------------------------------------------------- queries */

/* The end of the range of codes starting with p: p with its last byte
 * raised by one ("RUS" -> "RUT"), so that "code >= p AND code < end"
 * is a prefix test an index answers. */
static void S_prefix_end(const char *p, char *out, size_t cap)
{
    size_t n = strlen(p);
    if (n >= cap) n = cap - 1;
    memcpy(out, p, n);
    out[n] = 0;
    while (n > 0 && (unsigned char)out[n - 1] == 0xff) out[--n] = 0;
    if (n > 0) out[n - 1] = (char)((unsigned char)out[n - 1] + 1);
}

typedef struct S_query {
    dyad__buf sql;
    const char *args[24];
    char ends[24][64];
    int nargs;
} S_query;

/* Adds a bound value; returns its parameter number. */
static int S_arg(S_query *q, const char *v)
{
    q->args[q->nargs] = v;
    return ++q->nargs;
}

static void S_prefix(S_query *q, const char *col, const char *p)
{
    int a = S_arg(q, p);
    S_prefix_end(p, q->ends[q->nargs], sizeof q->ends[0]);
    int b = S_arg(q, q->ends[q->nargs]);
    if (!*p) dyad__buf_printf(&q->sql, "1");
    else dyad__buf_printf(&q->sql, "(%s >= ?%d AND %s < ?%d)", col, a, col, b);
}

/* Whether every actor code starting with p has p's country (so that
 * the consolidation key of a pair of such prefixes is known): p names
 * at least the country -- three letters, six for IGO, NGO, IMG and MNC
 * codes ("IGO" alone may go on to IGOUNO or IGOEUR). */
static int S_country_fixed(const char *p)
{
    size_t n = strlen(p);
    if (n < 3) return 0;
    if (n < 6 && (!strncmp(p, "IGO", 3) || !strncmp(p, "NGO", 3) || !strncmp(p, "IMG", 3) ||
                  !strncmp(p, "MNC", 3)))
        return 0;
    return 1;
}

static void S_build(S_query *q, const dyad_event_filter *f, const char *what)
{
    dyad__buf_init(&q->sql);
    q->nargs = 0;
    dyad__buf_printf(&q->sql, "SELECT %s FROM events WHERE 1", what);
    if (!f) goto order;
    if (f->actor) {
        /* an OR of two index ranges: SQLite's multi-index OR */
        dyad__buf_printf(&q->sql, " AND (");
        S_prefix(q, "source", f->actor);
        dyad__buf_printf(&q->sql, " OR ");
        S_prefix(q, "target", f->actor);
        dyad__buf_printf(&q->sql, ")");
    }
    if (f->dyad_a && f->dyad_b) {
        /* the pair's consolidation key, when both sides name at least a
         * country: a condition every matching event meets, and one the
         * key index answers exactly */
        if (S_country_fixed(f->dyad_a) && S_country_fixed(f->dyad_b)) {
            dyad_consolidation_key(f->dyad_a, f->dyad_b, q->ends[q->nargs]);
            dyad__buf_printf(&q->sql, " AND ckey = ?%d", S_arg(q, q->ends[q->nargs]));
        }
        dyad__buf_printf(&q->sql, " AND ((");
        S_prefix(q, "source", f->dyad_a);
        dyad__buf_printf(&q->sql, " AND ");
        S_prefix(q, "target", f->dyad_b);
        dyad__buf_printf(&q->sql, ") OR (");
        S_prefix(q, "source", f->dyad_b);
        dyad__buf_printf(&q->sql, " AND ");
        S_prefix(q, "target", f->dyad_a);
        dyad__buf_printf(&q->sql, "))");
    }
    if (f->code_prefix) {
        dyad__buf_printf(&q->sql, " AND ");
        S_prefix(q, "code", f->code_prefix);
    }
    if (f->from) dyad__buf_printf(&q->sql, " AND date >= ?%d", S_arg(q, f->from));
    if (f->to) {
        /* "2020-06" takes "2020-06-30": '~' sorts after every date byte */
        snprintf(q->ends[q->nargs], sizeof q->ends[0], "%s~", f->to);
        dyad__buf_printf(&q->sql, " AND date <= ?%d", S_arg(q, q->ends[q->nargs]));
    }
    if (f->country) dyad__buf_printf(&q->sql, " AND country = ?%d", S_arg(q, f->country));
    if (f->modality) dyad__buf_printf(&q->sql, " AND modality = ?%d", S_arg(q, f->modality));
order:
    /* the consolidator's canonical order (undated last) */
    dyad__buf_printf(&q->sql, " ORDER BY date IS NULL, date, ckey, code, source, target, id");
}

static dyad_status S_prepare_query(dyad_store *s, const dyad_event_filter *f, const char *what,
                                   sqlite3_stmt **st)
{
    S_query q;
    S_build(&q, f, what);
    if (q.sql.oom) {
        dyad__buf_free(&q.sql);
        return dyad__err_set(&s->err, DYAD_ENOMEM, "out of memory");
    }
    dyad_status rc = dyad__store_prepare(s, st, dyad__buf_cstr(&q.sql));
    dyad__buf_free(&q.sql);
    if (rc != DYAD_OK) return rc;
    for (int i = 0; i < q.nargs; i++)
        sqlite3_bind_text(*st, i + 1, q.args[i], -1, SQLITE_TRANSIENT);
    return DYAD_OK;
}

/* Steps st, handing column 0 of each row to fn. */
static dyad_status S_each(dyad_store *s, sqlite3_stmt *st,
                          int (*fn)(void *ctx, const char *json, size_t len), void *ctx,
                          size_t *rows)
{
    int rc;
    *rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        (*rows)++;
        const char *t = (const char *)sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        if (fn(ctx, t ? t : "", t ? n : 0)) return DYAD_OK;
    }
    if (rc != SQLITE_DONE) return dyad__store_fail(s, rc, "reading");
    return DYAD_OK;
}

dyad_status dyad_store_events(dyad_store *s, const dyad_event_filter *f,
                              int (*fn)(void *ctx, const char *json, size_t len), void *ctx)
{
    if (!s || !s->db || !fn) return DYAD_EINVAL;
    sqlite3_stmt *st = NULL;
    DYAD_TRY(S_prepare_query(s, f, "record", &st));
    size_t rows;
    dyad_status rc = S_each(s, st, fn, ctx, &rows);
    sqlite3_finalize(st);
    return rc;
}

dyad_status dyad_store_events_plan(dyad_store *s, const dyad_event_filter *f, char *out,
                                   size_t cap)
{
    if (!s || !s->db || !out || !cap) return DYAD_EINVAL;
    out[0] = 0;
    S_query q;
    S_build(&q, f, "record");
    dyad__buf sql;
    dyad__buf_init(&sql);
    dyad__buf_printf(&sql, "EXPLAIN QUERY PLAN %s", dyad__buf_cstr(&q.sql));
    dyad__buf_free(&q.sql);
    sqlite3_stmt *st = NULL;
    dyad_status rc = sql.oom ? DYAD_ENOMEM : dyad__store_prepare(s, &st, dyad__buf_cstr(&sql));
    dyad__buf_free(&sql);
    if (rc != DYAD_OK) return rc;
    size_t n = 0;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(st, 3);
        int k = snprintf(out + n, cap - n, "%s\n", d ? d : "");
        if (k < 0 || (size_t)k >= cap - n) break;
        n += (size_t)k;
    }
    sqlite3_finalize(st);
    return DYAD_OK;
}

dyad_status dyad_store_mentions(dyad_store *s, const char *event_id,
                                int (*fn)(void *ctx, const char *json, size_t len), void *ctx)
{
    if (!s || !s->db || !event_id || !fn) return DYAD_EINVAL;
    sqlite3_stmt *st = NULL;
    DYAD_TRY(dyad__store_prepare(s, &st, "SELECT 1 FROM events WHERE id=?1"));
    sqlite3_bind_text(st, 1, event_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return dyad__err_set(&s->err, DYAD_ENOTFOUND, "%s: no event %s", s->path, event_id);
    if (rc != SQLITE_ROW) return dyad__store_fail(s, rc, "reading");
    /* schema 1 (a store opened read-only before its upgrade): the links
     * table; then the event's links, in their (doc_id, seq) order */
    DYAD_TRY(dyad__store_prepare(
        s, &st, s->version == 1
                    ? "SELECT m.record FROM event_mentions l JOIN mentions m "
                      "ON m.doc_id=l.doc_id AND m.seq=l.seq "
                      "WHERE l.event_id=?1 ORDER BY l.doc_id, l.seq"
                    : "SELECT m.record FROM events e, json_each(e.links) l JOIN mentions m "
                      "ON m.doc_id=json_extract(l.value,'$[0]') AND m.seq=json_extract(l.value,'$[1]') "
                      "WHERE e.id=?1 ORDER BY l.key"));
    sqlite3_bind_text(st, 1, event_id, -1, SQLITE_TRANSIENT);
    size_t rows;
    dyad_status r = S_each(s, st, fn, ctx, &rows);
    sqlite3_finalize(st);
    return r;
}

/* ------------------------------------------------- events in any format */

/* An event read back from its stored JSON, for the writers. */
typedef struct S_back {
    json_t *root;
    dyad_cevent ev;
    dyad_location loc;
    const char **issues, **docs;
    size_t cap_issues, cap_docs;
} S_back;

static const char *S_js(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static size_t S_jn(json_t *o, const char *k)
{
    json_int_t v = json_integer_value(json_object_get(o, k));
    return v > 0 ? (size_t)v : 0;
}

/* A JSON array of strings into *arr (grown as needed); the count. */
static size_t S_strings(json_t *a, const char ***arr, size_t *cap)
{
    size_t n = json_is_array(a) ? json_array_size(a) : 0;
    if (n > *cap) {
        const char **p = realloc(*arr, n * sizeof *p);
        if (!p) return 0;
        *arr = p;
        *cap = n;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *v = json_string_value(json_array_get(a, i));
        if (v) (*arr)[k++] = v;
    }
    return k;
}

static int S_back_load(S_back *b, const char *json, size_t len)
{
    json_decref(b->root);
    b->root = json_loadb(json, len, 0, NULL);
    json_t *o = b->root;
    if (!json_is_object(o)) return -1;
    dyad_cevent *e = &b->ev;
    memset(e, 0, sizeof *e);
    e->event_id = S_js(o, "event_id");
    e->key = S_js(o, "key");
    e->date = S_js(o, "date");
    const char *prec = S_js(o, "date_precision");
    e->date_precision = DYAD_DATE_UNKNOWN;
    for (int p = DYAD_DATE_YEAR; p <= DYAD_DATE_DAY; p++)
        if (prec && !strcmp(prec, dyad_date_precision_name((dyad_date_precision)p)))
            e->date_precision = (dyad_date_precision)p;
    const char *mod = S_js(o, "modality");
    e->modality = DYAD_ASSERTED;
    for (int m = DYAD_ASSERTED; m <= DYAD_HYPOTHETICAL; m++)
        if (mod && !strcmp(mod, dyad_modality_kind_name((dyad_modality_kind)m)))
            e->modality = (dyad_modality_kind)m;
    e->source = S_js(o, "source");
    e->target = S_js(o, "target");
    e->source_text = S_js(o, "source_text");
    e->target_text = S_js(o, "target_text");
    e->code = S_js(o, "code");
    e->root = S_js(o, "root");
    e->quad_class = (int)S_jn(o, "quad_class");
    json_t *g = json_object_get(o, "goldstein");
    e->goldstein = json_is_number(g) ? json_number_value(g) : NAN;
    e->plover = S_js(o, "plover");
    json_t *l = json_object_get(o, "location");
    if (json_is_object(l) && S_js(l, "country")) {
        b->loc.country = S_js(l, "country");
        b->loc.name = S_js(l, "name");
        json_t *la = json_object_get(l, "lat"), *lo = json_object_get(l, "lon");
        b->loc.lat = json_is_number(la) ? json_number_value(la) : NAN;
        b->loc.lon = json_is_number(lo) ? json_number_value(lo) : NAN;
        b->loc.basis = S_js(l, "basis");
        b->loc.text = S_js(l, "text");
        e->location = &b->loc;
    }
    e->nissues = S_strings(json_object_get(o, "issues"), &b->issues, &b->cap_issues);
    e->issues = b->issues;
    e->num_mentions = S_jn(o, "num_mentions");
    e->num_articles = S_jn(o, "num_articles");
    e->num_sources = S_jn(o, "num_sources");
    e->ndoc_ids = S_strings(json_object_get(o, "doc_ids"), &b->docs, &b->cap_docs);
    e->doc_ids = b->docs;
    e->first_seen = S_js(o, "first_seen");
    e->last_seen = S_js(o, "last_seen");
    e->lead = json_is_true(json_object_get(o, "lead"));
    if (!e->event_id || !e->code) return -1;
    return 0;
}

typedef struct S_out {
    FILE *f;
    dyad_event_writer *w;
    S_back back;
    size_t n, bad;
    int failed;
} S_out;

static int S_emit(void *ctx, const char *json, size_t len)
{
    S_out *o = ctx;
    if (!o->w) {
        if (fwrite(json, 1, len, o->f) != len || putc('\n', o->f) == EOF) {
            o->failed = 1;
            return 1;
        }
    } else if (S_back_load(&o->back, json, len) == 0) {
        dyad_event_writer_write(o->w, &o->back.ev);
    } else {
        o->bad++;
        return 0;
    }
    o->n++;
    return 0;
}

dyad_status dyad_store_events_write(dyad_store *s, const dyad_event_filter *f, FILE *out,
                                    dyad_event_format fmt, size_t *count)
{
    if (count) *count = 0;
    if (!s || !s->db || !out) return DYAD_EINVAL;
    S_out o;
    memset(&o, 0, sizeof o);
    o.f = out;
    if (fmt != DYAD_EVENTS_JSONL) {
        dyad_status st = dyad_event_writer_new(&o.w, out, fmt);
        if (st != DYAD_OK) return dyad__err_set(&s->err, st, "%s: cannot write events", s->path);
    }
    dyad_status st = dyad_store_events(s, f, S_emit, &o);
    if (o.w && dyad_event_writer_flush(o.w) != DYAD_OK) o.failed = 1;
    dyad_event_writer_free(o.w);
    json_decref(o.back.root);
    free(o.back.issues);
    free(o.back.docs);
    if (count) *count = o.n;
    if (st != DYAD_OK) return st;
    if (o.failed) return dyad__err_set(&s->err, DYAD_EIO, "error writing the events");
    if (o.bad)
        return dyad__err_set(&s->err, DYAD_EFORMAT, "%s: %zu stored events could not be read",
                             s->path, o.bad);
    return DYAD_OK;
}
