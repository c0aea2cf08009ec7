/*
 * store.h -- the store stage's internal header: what its files share.
 * The stage keeps what dyad codes and turns mentions into events:
 * consolidation (consolidate.c: the partition key, code lineage, the
 * clustering of one set of mentions into events) and event output
 * (export.c: JSONL, CSV, TSV and GDELT writers), and the SQLite store,
 * which calls consolidation one partition key at a time (db.c: opening,
 * schema, messages; ingest.c: coding documents into it; stories.c:
 * near-duplicate documents; events.c: consolidating dirty keys, queries).
 * Invariant: consolidation depends on the SET of mentions only -- no
 * function here lets the order of input reach an event or its bytes;
 * nothing stored depends on the wall clock, the order documents came in
 * or the number of threads that coded them.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "../common/common.h"
#include "../code/cameo.h"

#include <sqlite3.h>
#include <stddef.h>

/* =====================================================================
 * consolidation (consolidate.c, export.c)
 * ===================================================================== */

/* Longest CAMEO code node kept (4 digits + NUL, rounded up). */
#define DYAD__NODE_MAX 8

/* The node of a CAMEO code in the code tree: a root's "not specified"
 * code (three digits ending in 0: "040", "190") is the root itself
 * ("04", "19"); every other code is itself.  Writes at most
 * DYAD__NODE_MAX bytes (codes longer than 7 bytes are cut) and returns
 * the node's length. */
size_t dyad__code_node(const char *code, char out[DYAD__NODE_MAX]);

/* Nonzero when codes a and b may be one event: one's node is a prefix of
 * the other's ("04" and "041", "041" and "0411"; not "041" and "042"). */
int dyad__codes_compatible(const char *a, const char *b);

/* Day number of a valid YYYY-MM-DD date (days since 1970-01-01, negative
 * before); 0 and *ok = 0 when s is not one. */
long dyad__day_number(const char *s, int *ok);

/* The country of an actor code as the key sees it: the first three
 * characters, six when the code starts with IGO, NGO, IMG or MNC.
 * Returns the length (0 for NULL or ""). */
size_t dyad__actor_country(const char *code);

/* =====================================================================
 * the SQLite store (db.c, ingest.c, stories.c, events.c)
 * ===================================================================== */

struct dyad_store {
    sqlite3 *db;
    char *path;
    int readonly;
    int busy_ms;               /* the busy timeout it was opened with */
    int version;               /* its schema: DYAD_STORE_SCHEMA, or 1 when
                                  opened read-only before an upgrade */
    dyad__err err;
};

/* Sets s's message from the connection's last error: "PATH: what", with
 * what in words for the cases a user meets (full disk, read-only, locked,
 * not a database).  Returns DYAD_EIO (DYAD_ENOMEM for SQLITE_NOMEM,
 * DYAD_EFORMAT for a file that is not a database). */
dyad_status dyad__store_fail(dyad_store *s, int rc, const char *doing);
/* The same, with SQLite's message msg from another connection (NULL:
 * the store's own). */
dyad_status dyad__store_fail_msg(dyad_store *s, int rc, const char *doing, const char *msg);
/* Runs sql (no results).  On failure as dyad__store_fail. */
dyad_status dyad__store_exec(dyad_store *s, const char *sql);
/* Prepares sql into *st.  On failure as dyad__store_fail. */
dyad_status dyad__store_prepare(dyad_store *s, sqlite3_stmt **st, const char *sql);

/* A stored mention record read back without a JSON tree (record.c):
 * where each wanted value lies in the record's bytes.  A string value
 * that is null has p NULL; numbers that are null are -1 (NAN for lat and
 * lon).  Every string span ends right before a '"' of the record. */
typedef struct dyad__span {
    const char *p;
    size_t n;
} dyad__span;

#define DYAD__REC_ISSUES 32
typedef struct dyad__rec {
    dyad__span doc_id, source, target, code, root, modality, date, date_precision;
    dyad__span doc_date, doc_source, source_text, target_text;
    long long sentence_id, sentence_start, sentence_end;
    int has_location;
    dyad__span loc_country, loc_name, loc_basis, loc_text;
    double loc_lat, loc_lon;
    size_t nissues;
    dyad__span issues[DYAD__REC_ISSUES];
} dyad__rec;

/* Reads line[0..n), a record as dyad_record_write_json writes it, into
 * r.  0 on success; -1 when it declines (a wanted string escaped, more
 * issues than DYAD__REC_ISSUES, not a plain record): read it with jansson
 * then.  A record it accepts gives exactly jansson's values. */
int dyad__rec_scan(const char *line, size_t n, dyad__rec *r);
/* The same for a record the engine has just written (trusted: each key
 * once, in the engine's order): stops at the key "sentence", after which
 * the engine writes nothing the fields above hold. */
int dyad__rec_scan_head(const char *line, size_t n, dyad__rec *r);

/* The consolidator's view of a record scanned by dyad__rec_scan_head
 * (its bytes at rec): d's strings come from str (called with ctx, rec and
 * a span; a NULL span's p gives NULL), its location goes in *loc and its
 * issues in issues[DYAD__REC_ISSUES].  0, or -1 for a record the engine
 * never writes (unknown modality, no sentence_start), which only
 * dyad_consolidator_add_json() takes. */
typedef const char *(*dyad__rec_str)(void *ctx, const char *rec, dyad__span sp);
int dyad__rec_record(const dyad__rec *r, const char *rec, dyad__rec_str str, void *ctx,
                     dyad_record *d, dyad_location *loc, const char **issues);

/* Mentions an ingest holds in memory for consolidation (held.c): those
 * of every key that had no stored mention when the run first met it, so
 * that consolidating such a key reads nothing back from the store.  The
 * whole set is given up (and every key read from the store) when it
 * outgrows its byte cap, or when the run replaces a stored document. */
typedef struct dyad__held dyad__held;
typedef struct dyad__held_mention {
    const char *doc_id;
    long long seq;
    dyad_record rec;           /* strings in the held set's arena */
    dyad_location loc;
} dyad__held_mention;
/* A set that may hold up to cap bytes; NULL when out of memory. */
dyad__held *dyad__held_new(size_t cap);
void dyad__held_free(dyad__held *h);
/* Whether key's mentions are held: 1 held, 0 read from the store (also
 * after the set was given up), -1 not met yet. */
int dyad__held_state(const dyad__held *h, const char *key);
/* Records key as met: held (1) or not (0).  A key met again keeps its
 * first state, except that 0 always wins. */
void dyad__held_mark(dyad__held *h, const char *key, int held);
/* Holds mention seq of doc_id under key (held): a copy of the record r
 * scanned from rec.  A record dyad__rec_record declines makes the key
 * read from the store; outgrowing the cap gives the whole set up. */
void dyad__held_add(dyad__held *h, const char *key, const char *doc_id, long long seq,
                    const dyad__rec *r, const char *rec);
/* Gives the whole set up: every key is read from the store. */
void dyad__held_drop(dyad__held *h);
/* Sorts each key's mentions by (doc_id, seq), the store's order; call
 * once, after the last add and before any get. */
void dyad__held_seal(dyad__held *h);
/* Key's held mentions (*n of them, sealed order), or NULL when key is
 * read from the store.  Read-only: readers on several threads call it. */
const dyad__held_mention *const *dyad__held_get(const dyad__held *h, const char *key, size_t *n);

/* Consolidates every key of the dirty table again: per key, its events
 * and their links are replaced by those the consolidator makes of all of
 * the key's mentions, and the dirty row deleted, in one transaction per
 * group of keys.  Counts the keys done and events written.  With a
 * store in a file, `threads` readers (at least one) on connections of
 * their own read and consolidate keys while s's connection writes the
 * results, in the same order and to the same rows as one thread.  The
 * mentions of a key held in held (may be NULL) are taken from there. */
dyad_status dyad__store_consolidate_dirty(dyad_store *s, unsigned threads, const dyad__held *held,
                                          size_t *keys, size_t *events);

/* Refreshes the statistics of the events' indexes for the query planner
 * (ANALYZE, sampled: cheap on any size).  Failure is harmless: ignored. */
void dyad__store_analyze(dyad_store *s);

/* Stories: the MinHash signature of a text (DYAD__STORY_SIG values over
 * its word shingles), and the recomputation of every document's story
 * from the stored signatures (in its own transaction). */
#define DYAD__STORY_SIG 64   /* one bit of a uint64_t each (stories.c) */
void dyad__story_signature(const char *text, size_t len, uint32_t sig[DYAD__STORY_SIG]);
/* The estimated resemblance (0..1) of two signatures. */
double dyad__story_similarity(const uint32_t *a, const uint32_t *b);
dyad_status dyad__stories_update(dyad_store *s, size_t *nstories);
/* The same pass in two halves, for an ingest: the stories computed in a
 * thread on a read-only connection of their own (NULL: none could be
 * started, or the store has no file; finish then does the whole pass),
 * while the store's connection consolidates; then their rows written.
 * Cancel joins a started job without writing. */
struct dyad__stories_job;
struct dyad__stories_job *dyad__stories_start(dyad_store *s);
dyad_status dyad__stories_finish(dyad_store *s, struct dyad__stories_job *j, size_t *nstories);
void dyad__stories_cancel(struct dyad__stories_job *j);
/* The signatures the story pass reads (answered from the index
 * documents_minhash, never from the documents' rows). */
#define DYAD__STORIES_SQL "SELECT id, minhash FROM documents ORDER BY id"

#endif
