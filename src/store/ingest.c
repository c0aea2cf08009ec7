/*
 * ingest.c -- coding documents into the event store (dyad_ingest_*).
 * Documents go through the library's pool (dyad_pool_*), their records
 * come back in submission order and are written, a batch of documents
 * per transaction: the document, its mentions (every modality; their
 * records hold their sentences), and the consolidation keys they touch in
 * the `dirty` table -- also the keys of the mentions a replaced document had.
 * dyad_ingest_finish() then consolidates each dirty key again from all
 * of its mentions and deletes the dirty row in the same transaction, and
 * recomputes the stories.  Part of the store stage.
 *
 * Invariants: a document is stored whole or not at all; the events of a
 * key are a function of the key's mentions only (never of the order or
 * the batch they came in); a process killed at any point leaves dirty
 * rows for whatever was not consolidated, which the next run finishes.
 */
#include "store.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct dyad_ingest {
    dyad_store *s;
    dyad_pool *pool;
    dyad_ingest_options o;
    char dict_hash[DYAD_HASH_HEX];
    int in_txn;                  /* a batch transaction is open */
    size_t in_batch;             /* documents in it */
    size_t batch_bytes;          /* and the bytes of their text */
    sqlite3_stmt *q_same, *q_exists, *q_olddirty, *q_del, *q_doc, *q_mention, *q_dirty,
        *q_keyused;
    dyad__held *held;            /* mentions kept for consolidation */
    dyad_ingest_stats st;
    char (*bkeys)[16];           /* the batch's dirty keys, a set: open
                                    addressing, "" an empty slot; written
                                    in order when the batch commits */
    size_t nbkeys, bkeys_cap;
    char (*hashes)[DYAD_HASH_HEX]; /* S_doc_hash of the documents in the
                                    pool, a ring in submission order (the
                                    order results come back in) */
    size_t nhashes, submitted, taken;
    dyad__err err;
};

/* Mentions held in memory for consolidation (held.c): at most this many
 * bytes, about 300 a mention; a larger run gives them up and reads its
 * keys back from the store. */
#define S_HELD_BYTES ((size_t)64 << 20)

/* A batch (one transaction) ends at this many documents, or sooner at
 * this many bytes of their text.  Each commit writes every page the batch
 * touched to the WAL, and the indexes' pages are touched all over: with
 * batches of 64 documents, VOA and the seeds 100 times over (29 MB) took
 * 3.45-3.76 s at -j 2 and 0.93-1.10 s of it in the kernel; with 2,048,
 * 2.99-3.11 s and 0.47-0.48 s.  A kill loses at most the batch being
 * written (about a second of coding), never a stored one. */
#define S_BATCH_DOCS 1024
#define S_BATCH_BYTES ((size_t)16 << 20)

dyad_ingest_options dyad_ingest_defaults(void)
{
    dyad_ingest_options o;
    memset(&o, 0, sizeof o);
    return o;
}

/* The hash of what coding a document depends on besides the
 * dictionaries: its text and metadata. */
static void S_doc_hash(const dyad_doc *doc, char out[DYAD_HASH_HEX])
{
    const char *f[] = {doc->date, doc->source, doc->url, doc->title, doc->parse};
    uint64_t h = dyad__hash64(0, doc->text, doc->len);
    for (size_t i = 0; i < DYAD_ARRAY_LEN(f); i++) {
        /* a field's presence and its bytes (with the NUL: no two
         * different splits hash alike) */
        unsigned char tag = f[i] ? (unsigned char)(i + 1) : 0;
        h = dyad__hash64(h, &tag, 1);
        if (f[i]) h = dyad__hash64(h, f[i], strlen(f[i]) + 1);
    }
    unsigned char one = doc->one_sentence != 0;
    h = dyad__hash64(h, &one, 1);
    dyad__hash_hex(h, out);
}

/* Copies the store's message to g and returns st. */
static dyad_status S_fail(dyad_ingest *g, dyad_status st)
{
    return dyad__err_set(&g->err, st, "%s", dyad_store_errmsg(g->s));
}

static int S_run(sqlite3_stmt *q);

/* The batch's dirty keys (S_key_add) are forgotten. */
static void S_keys_clear(dyad_ingest *g)
{
    if (g->nbkeys) memset(g->bkeys, 0, g->bkeys_cap * sizeof *g->bkeys);
    g->nbkeys = 0;
}

/* The slot of key in a dirty-key table of cap slots: its own, or the
 * empty one where it goes. */
static size_t S_key_slot(char (*t)[16], size_t cap, const char *key)
{
    size_t h = (size_t)dyad__hash64(0, key, strlen(key)) & (cap - 1);
    while (t[h][0] && strcmp(t[h], key) != 0) h = (h + 1) & (cap - 1);
    return h;
}

/* Adds key to the batch's dirty keys; -1 when out of memory. */
static int S_key_add(dyad_ingest *g, const char key[16])
{
    if (2 * (g->nbkeys + 1) > g->bkeys_cap) {
        size_t cap = g->bkeys_cap ? 2 * g->bkeys_cap : 1024;
        char(*t)[16] = calloc(cap, sizeof *t);
        if (!t) return -1;
        for (size_t i = 0; i < g->bkeys_cap; i++)
            if (g->bkeys[i][0]) memcpy(t[S_key_slot(t, cap, g->bkeys[i])], g->bkeys[i], 16);
        free(g->bkeys);
        g->bkeys = t;
        g->bkeys_cap = cap;
    }
    size_t h = S_key_slot(g->bkeys, g->bkeys_cap, key);
    if (!g->bkeys[h][0]) {
        memcpy(g->bkeys[h], key, strlen(key) + 1);
        g->nbkeys++;
    }
    return 0;
}

static int S_cmp_key(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Writes the batch's dirty keys, in order (each insert lands beside the
 * one before it in the table's B-tree), then forgets them. */
static int S_keys_write(dyad_ingest *g)
{
    if (!g->nbkeys) return SQLITE_OK;
    size_t n = 0;
    for (size_t i = 0; i < g->bkeys_cap; i++)
        if (g->bkeys[i][0]) memmove(g->bkeys[n++], g->bkeys[i], 16);
    qsort(g->bkeys, n, sizeof *g->bkeys, S_cmp_key);
    int rc = SQLITE_OK;
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        sqlite3_bind_text(g->q_dirty, 1, g->bkeys[i], -1, SQLITE_STATIC);
        rc = S_run(g->q_dirty);
    }
    S_keys_clear(g);
    return rc;
}

static dyad_status S_rollback(dyad_ingest *g, dyad_status st)
{
    dyad__held_drop(g->held);   /* it may hold what was rolled back */
    S_keys_clear(g);
    if (g->in_txn) sqlite3_exec(g->s->db, "ROLLBACK", NULL, NULL, NULL);
    g->in_txn = 0;
    g->in_batch = 0;
    g->batch_bytes = 0;
    return st;
}

static dyad_status S_commit(dyad_ingest *g)
{
    if (!g->in_txn) return DYAD_OK;
    /* the keys the batch's mentions touched, in the batch's transaction:
     * a batch is stored with its dirty keys or not at all */
    int rc = S_keys_write(g);
    if (rc == SQLITE_OK) rc = sqlite3_exec(g->s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        dyad_status st = S_fail(g, dyad__store_fail(g->s, rc, "storing a batch"));
        return S_rollback(g, st);
    }
    g->in_txn = 0;
    g->in_batch = 0;
    g->batch_bytes = 0;
    return DYAD_OK;
}

/* Steps a statement that returns no rows, then resets it and clears its
 * parameters.  Parameters are bound SQLITE_STATIC throughout this file:
 * each statement is bound and stepped in one function, while the bound
 * bytes live, and cleared before they go (no copy of every record). */
static int S_run(sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void S_bind_str(sqlite3_stmt *q, int i, const char *s)
{
    if (s) sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

/* The columns of a mention come from its record, which the engine wrote
 * (dyad_record_write_json): read back by dyad__rec_scan(), or by jansson
 * when the scanner declines. */
typedef dyad__span S_span;
typedef struct S_fields {
    long long sentence_id, start, end;
    S_span source, target, code, root, modality, date, precision, country;
} S_fields;

static int S_scan(const char *line, size_t n, S_fields *f, dyad__rec *r)
{
    if (dyad__rec_scan_head(line, n, r) != 0) return -1;
    f->sentence_id = r->sentence_id;
    f->start = r->sentence_start;
    f->end = r->sentence_end;
    f->source = r->source;
    f->target = r->target;
    f->code = r->code;
    f->root = r->root;
    f->modality = r->modality;
    f->date = r->date;
    f->precision = r->date_precision;
    f->country = r->loc_country;
    return 0;
}

static S_span S_jspan(json_t *o, const char *key)
{
    S_span sp = {NULL, 0};
    json_t *v = json_object_get(o, key);
    if (json_is_string(v)) {
        sp.p = json_string_value(v);
        sp.n = json_string_length(v);
    }
    return sp;
}

/* The same fields through jansson (for records the scanner declines);
 * *root keeps the strings alive. */
static int S_scan_slow(const char *line, size_t n, S_fields *f, json_t **root)
{
    memset(f, 0, sizeof *f);
    json_t *r = *root = json_loadb(line, n, 0, NULL);
    if (!json_is_object(r)) return -1;
    f->sentence_id = json_integer_value(json_object_get(r, "sentence_id"));
    f->start = json_integer_value(json_object_get(r, "sentence_start"));
    f->end = json_integer_value(json_object_get(r, "sentence_end"));
    f->source = S_jspan(r, "source");
    f->target = S_jspan(r, "target");
    f->code = S_jspan(r, "code");
    f->root = S_jspan(r, "root");
    f->modality = S_jspan(r, "modality");
    f->date = S_jspan(r, "date");
    f->precision = S_jspan(r, "date_precision");
    json_t *loc = json_object_get(r, "location");
    if (json_is_object(loc)) f->country = S_jspan(loc, "country");
    return f->source.p && f->target.p && f->code.p ? 0 : -1;
}

static void S_bind_span(sqlite3_stmt *q, int i, S_span v, const char *dflt)
{
    if (v.p) sqlite3_bind_text(q, i, v.p, (int)v.n, SQLITE_STATIC);
    else if (dflt) sqlite3_bind_text(q, i, dflt, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

/* Writes one record (JSON text line[0..n)) of doc as mention seq. */
/* sp as a C string in buf (cut at size - 1 bytes, as snprintf would). */
static void S_cstr(char *buf, size_t size, S_span sp)
{
    size_t n = sp.n < size - 1 ? sp.n : size - 1;
    if (n) memcpy(buf, sp.p, n);
    buf[n] = 0;
}

static int S_mention(dyad_ingest *g, const dyad_doc *doc, size_t seq, const char *line, size_t n,
                     int *bad)
{
    S_fields f;
    dyad__rec r;
    json_t *slow = NULL;
    int fast = S_scan(line, n, &f, &r) == 0;
    if (!fast && S_scan_slow(line, n, &f, &slow) != 0) {
        json_decref(slow);
        *bad = 1;   /* the engine wrote it: cannot happen; counted, not stored */
        return SQLITE_OK;
    }
    char src[64], tgt[64], key[16];
    S_cstr(src, sizeof src, f.source);
    S_cstr(tgt, sizeof tgt, f.target);
    dyad_consolidation_key(src, tgt, key);
    int rc = SQLITE_OK;
    /* the first time the run meets a key: held in memory when no stored
     * mention has it (asked before this one is stored) */
    int held = dyad__held_state(g->held, key);
    if (held < 0) {
        sqlite3_bind_text(g->q_keyused, 1, key, -1, SQLITE_STATIC);
        int step = sqlite3_step(g->q_keyused);
        sqlite3_reset(g->q_keyused);
        sqlite3_clear_bindings(g->q_keyused);
        if (step != SQLITE_ROW && step != SQLITE_DONE) rc = step;
        held = step == SQLITE_DONE;
        dyad__held_mark(g->held, key, held);
    }
    if (held && !fast) dyad__held_mark(g->held, key, 0);
    if (rc == SQLITE_OK) {
        sqlite3_stmt *q = g->q_mention;
        sqlite3_bind_text(q, 1, doc->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)seq);
        sqlite3_bind_int64(q, 3, f.sentence_id);
        S_bind_span(q, 4, f.source, NULL);
        S_bind_span(q, 5, f.target, NULL);
        S_bind_span(q, 6, f.code, NULL);
        S_bind_span(q, 7, f.root, NULL);
        S_bind_span(q, 8, f.modality, "asserted");
        S_bind_span(q, 9, f.date, NULL);
        S_bind_span(q, 10, f.precision, "unknown");
        S_bind_span(q, 11, f.country, NULL);
        sqlite3_bind_text(q, 12, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 13, line, (int)n, SQLITE_STATIC);
        rc = S_run(q);
        if (rc == SQLITE_OK && held && fast)
            dyad__held_add(g->held, key, doc->id, (long long)seq, &r, line);
    }
    /* the key is dirty: noted once for the batch (documents and their
     * mentions share dyads), written when the batch commits */
    if (rc == SQLITE_OK && S_key_add(g, key) != 0) rc = SQLITE_NOMEM;
    json_decref(slow);
    return rc;
}

/* Writes one coded document, replacing what was stored under its id. */
static dyad_status S_store(dyad_ingest *g, const dyad_pool_result *res, const char *hash)
{
    const dyad_doc *doc = res->doc;
    int rc = SQLITE_OK;
    if (!g->in_txn) {
        rc = sqlite3_exec(g->s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK) return S_fail(g, dyad__store_fail(g->s, rc, "starting a batch"));
        g->in_txn = 1;
    }
    uint32_t sig[DYAD__STORY_SIG];
    unsigned char blob[DYAD__STORY_SIG * 4];
    dyad__story_signature(doc->text, doc->len, sig);
    for (size_t i = 0; i < DYAD__STORY_SIG; i++)
        for (size_t k = 0; k < 4; k++) blob[i * 4 + k] = (unsigned char)(sig[i] >> (8 * k));
    /* a document stored before under this id: its keys are dirty, and it
     * goes (with its mentions, by the foreign keys) */
    sqlite3_bind_text(g->q_exists, 1, doc->id, -1, SQLITE_STATIC);
    int step = sqlite3_step(g->q_exists);
    sqlite3_reset(g->q_exists);
    sqlite3_clear_bindings(g->q_exists);
    if (step != SQLITE_ROW && step != SQLITE_DONE) rc = step;
    if (step == SQLITE_ROW) {
        /* its mentions leave the store: held keys may have had some */
        dyad__held_drop(g->held);
        sqlite3_bind_text(g->q_olddirty, 1, doc->id, -1, SQLITE_STATIC);
        rc = S_run(g->q_olddirty);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(g->q_del, 1, doc->id, -1, SQLITE_STATIC);
            rc = S_run(g->q_del);
        }
    }
    if (rc == SQLITE_OK) {
        sqlite3_stmt *q = g->q_doc;
        sqlite3_bind_text(q, 1, doc->id, -1, SQLITE_STATIC);
        S_bind_str(q, 2, doc->source);
        S_bind_str(q, 3, doc->url);
        S_bind_str(q, 4, doc->title);
        S_bind_str(q, 5, doc->date);
        sqlite3_bind_text(q, 6, doc->text, (int)doc->len, SQLITE_STATIC);
        sqlite3_bind_text(q, 7, hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 8, g->dict_hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 9, dyad_status_name(res->status), -1, SQLITE_STATIC);
        sqlite3_bind_blob(q, 10, blob, (int)sizeof blob, SQLITE_STATIC);
        S_bind_str(q, 11, doc->parse);
        sqlite3_bind_int(q, 12, doc->one_sentence != 0);
        rc = S_run(q);
    }
    size_t seq = 0;
    int bad = 0;
    for (const char *p = res->json, *end = res->json + res->json_len; rc == SQLITE_OK && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n) rc = S_mention(g, doc, seq++, p, n, &bad);
        p += n + 1;
    }
    if (rc != SQLITE_OK)
        return S_rollback(g, S_fail(g, dyad__store_fail(g->s, rc, "storing a document")));
    if (bad && g->o.on_problem) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s:%lu: document %s: a record could not be read back; "
                 "not stored", doc->path, doc->line, doc->id);
        g->o.on_problem(g->o.ctx, msg);
    }
    g->st.coded++;
    g->st.mentions += seq;
    g->batch_bytes += doc->len;
    if (++g->in_batch >= g->o.batch || g->batch_bytes >= S_BATCH_BYTES) return S_commit(g);
    return DYAD_OK;
}

/* Takes the oldest result from the pool and stores it. */
static dyad_status S_take(dyad_ingest *g)
{
    dyad_pool_result res;
    if (dyad_pool_next(g->pool, &res) != DYAD_OK) return DYAD_OK;
    const char *hash = g->hashes[g->taken++ % g->nhashes];
    if (g->o.on_problem)
        for (size_t i = 0; i < res.nproblems; i++) g->o.on_problem(g->o.ctx, res.problems[i]);
    if (res.status != DYAD_OK) g->st.problems++;
    if (res.status == DYAD_ENOMEM) return DYAD_OK;   /* reported; not stored */
    return S_store(g, &res, hash);
}

dyad_status dyad_ingest_new(dyad_ingest **out, dyad_store *s, const dyad_dict *d,
                            const dyad_tagger *tg, const dyad_ingest_options *o)
{
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    if (!s || !s->db || !d) return DYAD_EINVAL;
    dyad_ingest *g = calloc(1, sizeof *g);
    if (!g) return DYAD_ENOMEM;
    g->s = s;
    g->o = o ? *o : dyad_ingest_defaults();
    if (!g->o.batch) g->o.batch = S_BATCH_DOCS;
    dyad_dict_hash(d, g->dict_hash);
    *out = g;
    if (s->readonly)
        return dyad__err_set(&g->err, DYAD_EINVAL, "%s: opened read-only", s->path);
    dyad_engine_options eo = dyad_engine_defaults();
    eo.modalities = (1u << DYAD_ASSERTED) | (1u << DYAD_PLANNED) | (1u << DYAD_NEGATED) |
                    (1u << DYAD_HYPOTHETICAL);
    eo.dict_root = g->o.dict_root;
    eo.dict_label = g->o.dict_label;
    eo.places = g->o.places;
    g->held = dyad__held_new(S_HELD_BYTES);   /* NULL: none held */
    dyad_status st = dyad_pool_new(&g->pool, d, tg, &eo, g->o.threads);
    if (st != DYAD_OK) return dyad__err_set(&g->err, st, "cannot start the coding threads");
    /* with one thread too, it codes on a thread of its own while this
     * one stores what it coded before */
    st = dyad_pool_set_background(g->pool);
    if (st != DYAD_OK) return dyad__err_set(&g->err, st, "cannot start the coding thread");
    /* 64 documents a thread: the workers code on while this thread
     * commits a batch (VOA and the seeds 20 times over at -j 2, median
     * wall of 5-7 runs: 0.95 s with 4 a thread, 0.90-1.05 with 16, 0.86-0.94
     * with 64); dyad_pool_room() still bounds the text in flight */
    st = dyad_pool_set_window(g->pool, (size_t)dyad_pool_threads(g->pool) * 64);
    if (st != DYAD_OK) return dyad__err_set(&g->err, st, "out of memory");
    /* and this thread wakes for 16 results at a time, not each one: at
     * -j 2 the store's thread shares the coders' two cores, and each
     * wake-up took a core from a coder (VOA and the seeds 20 times over:
     * 931 -> 159 involuntary context switches, 3% less CPU) */
    st = dyad_pool_set_burst(g->pool, 16);
    if (st != DYAD_OK) return dyad__err_set(&g->err, st, "cannot set the pool's burst");
    g->nhashes = dyad_pool_window(g->pool);
    g->hashes = calloc(g->nhashes, sizeof *g->hashes);
    if (!g->hashes) return dyad__err_set(&g->err, DYAD_ENOMEM, "out of memory");
    struct {
        sqlite3_stmt **q;
        const char *sql;
    } qs[] = {
        {&g->q_same, "SELECT 1 FROM documents WHERE id=?1 AND text_hash=?2 AND dict_hash=?3"},
        {&g->q_exists, "SELECT 1 FROM documents WHERE id=?1"},
        {&g->q_olddirty,
         "INSERT OR IGNORE INTO dirty(ckey) SELECT DISTINCT ckey FROM mentions WHERE doc_id=?1"},
        {&g->q_del, "DELETE FROM documents WHERE id=?1"},
        {&g->q_doc, "INSERT INTO documents(id,source,url,title,date,text,text_hash,dict_hash,"
                    "status,minhash,parse,one_sentence) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"},
        {&g->q_mention, "INSERT INTO mentions(doc_id,seq,sentence_id,source,target,code,root,"
                        "modality,date,date_precision,country,ckey,record) "
                        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"},
        {&g->q_dirty, "INSERT OR IGNORE INTO dirty(ckey) VALUES(?1)"},
        {&g->q_keyused, "SELECT 1 FROM mentions WHERE ckey=?1 LIMIT 1"},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(qs); i++) {
        st = dyad__store_prepare(s, qs[i].q, qs[i].sql);
        if (st != DYAD_OK) return S_fail(g, st);
    }
    return DYAD_OK;
}

void dyad_ingest_free(dyad_ingest *g)
{
    if (!g) return;
    dyad_pool_free(g->pool);
    if (g->in_txn) sqlite3_exec(g->s->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_stmt *qs[] = {g->q_same, g->q_exists, g->q_olddirty, g->q_del, g->q_doc,
                          g->q_mention, g->q_dirty, g->q_keyused};
    dyad__held_free(g->held);
    for (size_t i = 0; i < DYAD_ARRAY_LEN(qs); i++) sqlite3_finalize(qs[i]);
    free(g->hashes);
    free(g->bkeys);
    free(g);
}

const char *dyad_ingest_errmsg(const dyad_ingest *g)
{
    return g ? g->err.msg : "out of memory";
}

void dyad_ingest_stats_get(const dyad_ingest *g, dyad_ingest_stats *out)
{
    if (!out) return;
    memset(out, 0, sizeof *out);
    if (g) *out = g->st;
}

dyad_status dyad_ingest_add(dyad_ingest *g, const dyad_doc *doc)
{
    if (!g || !g->pool || !doc || !doc->id) return DYAD_EINVAL;
    g->st.docs++;
    g->st.bytes += doc->len;
    char hash[DYAD_HASH_HEX];
    S_doc_hash(doc, hash);
    sqlite3_stmt *q = g->q_same;
    sqlite3_bind_text(q, 1, doc->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, g->dict_hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    if (rc == SQLITE_ROW) {
        g->st.unchanged++;
        return DYAD_OK;
    }
    if (rc != SQLITE_DONE)
        return S_rollback(g, S_fail(g, dyad__store_fail(g->s, rc, "reading")));
    /* a free slot, and room for the text (bounded memory in flight) */
    if (dyad_pool_pending(g->pool) >= dyad_pool_window(g->pool)) DYAD_TRY(S_take(g));
    while (!dyad_pool_room(g->pool, doc->len) && dyad_pool_pending(g->pool)) DYAD_TRY(S_take(g));
    dyad_status st = dyad_pool_submit(g->pool, doc);
    if (st != DYAD_OK) return dyad__err_set(&g->err, st, "out of memory");
    memcpy(g->hashes[g->submitted++ % g->nhashes], hash, sizeof hash);
    return DYAD_OK;
}

dyad_status dyad_ingest_recode(dyad_ingest *g)
{
    if (!g || !g->pool) return DYAD_EINVAL;
    sqlite3_stmt *ids = NULL, *one = NULL;
    dyad_status st = dyad__store_prepare(
        g->s, &ids, "SELECT id FROM documents WHERE dict_hash<>?1 ORDER BY id");
    if (st == DYAD_OK)
        st = dyad__store_prepare(g->s, &one, "SELECT id,source,url,title,date,text,parse,one_sentence FROM "
                                             "documents WHERE id=?1");
    if (st != DYAD_OK) {
        sqlite3_finalize(ids);
        return S_fail(g, st);
    }
    /* the ids first: the documents are rewritten while we go */
    char **list = NULL;
    size_t n = 0, cap = 0;
    sqlite3_bind_text(ids, 1, g->dict_hash, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
        if (n == cap) {
            size_t c2 = cap ? cap * 2 : 256;
            char **p = realloc(list, c2 * sizeof *p);
            if (!p) { rc = SQLITE_NOMEM; break; }
            list = p;
            cap = c2;
        }
        list[n] = strdup((const char *)sqlite3_column_text(ids, 0));
        if (!list[n]) { rc = SQLITE_NOMEM; break; }
        n++;
    }
    sqlite3_finalize(ids);
    st = rc == SQLITE_DONE ? DYAD_OK : S_fail(g, dyad__store_fail(g->s, rc, "reading"));
    for (size_t i = 0; i < n && st == DYAD_OK; i++) {
        sqlite3_bind_text(one, 1, list[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(one);
        if (rc == SQLITE_ROW) {
            /* the row's strings are copied by dyad_ingest_add (the pool) */
            dyad_doc doc;
            memset(&doc, 0, sizeof doc);
            doc.id = list[i];
            doc.source = (const char *)sqlite3_column_text(one, 1);
            doc.url = (const char *)sqlite3_column_text(one, 2);
            doc.title = (const char *)sqlite3_column_text(one, 3);
            doc.date = (const char *)sqlite3_column_text(one, 4);
            doc.text = (const char *)sqlite3_column_text(one, 5);
            doc.len = (size_t)sqlite3_column_bytes(one, 5);
            doc.parse = (const char *)sqlite3_column_text(one, 6);
            doc.one_sentence = sqlite3_column_int(one, 7);
            doc.path = g->s->path;
            if (!doc.text) doc.text = "";
            st = dyad_ingest_add(g, &doc);
        } else if (rc != SQLITE_DONE) {
            st = S_fail(g, dyad__store_fail(g->s, rc, "reading"));
        }
        sqlite3_reset(one);
    }
    sqlite3_finalize(one);
    for (size_t i = 0; i < n; i++) free(list[i]);
    free(list);
    return st;
}

dyad_status dyad_ingest_finish(dyad_ingest *g)
{
    if (!g || !g->pool) return DYAD_EINVAL;
    /* The input is all submitted and the pool's window holds the
     * documents still to code (a few tenths of a second of the coders'
     * work): the batch so far is committed and the WAL copied into the
     * database and cut back now, while they code, rather than by the
     * close after consolidation, when nothing else runs.  The close then
     * copies only what comes after, and deletes a short file.  Only when
     * at least half a window is still to code (else the coders would
     * wait for the copy); readers of other processes may hold the WAL:
     * then it is copied but not cut (no wait for them). */
    if (g->in_batch && 2 * dyad_pool_pending(g->pool) >= dyad_pool_window(g->pool)) {
        DYAD_TRY(S_commit(g));
        sqlite3_busy_timeout(g->s->db, 0);
        sqlite3_wal_checkpoint_v2(g->s->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        sqlite3_busy_timeout(g->s->db, g->s->busy_ms);
    }
    while (dyad_pool_pending(g->pool)) DYAD_TRY(S_take(g));
    DYAD_TRY(S_commit(g));
    dyad__held_seal(g->held);
    /* the story pass reads on its own connection while consolidation
     * writes events (neither reads what the other writes) */
    struct dyad__stories_job *sj = dyad__stories_start(g->s);
    size_t keys = 0, events = 0;
    dyad_status st = dyad__store_consolidate_dirty(g->s, dyad_pool_threads(g->pool), g->held,
                                                   &keys, &events);
    dyad__held_free(g->held);   /* consolidated: what it held is done with */
    g->held = NULL;
    g->st.keys += keys;
    g->st.events += events;
    if (st != DYAD_OK) {
        dyad__stories_cancel(sj);
        return S_fail(g, st);
    }
    size_t nstories = 0;
    st = dyad__stories_finish(g->s, sj, &nstories);
    if (st != DYAD_OK) return S_fail(g, st);
    dyad__store_analyze(g->s);
    return DYAD_OK;
}
