/*
 * store.h -- the store stage: the event store (an SQLite database of
 * documents, sentences, mentions, stories and consolidated events) and
 * the consolidation of mentions into events.  Two parts share this
 * header, each in its own section: the database (db.c, ingest.c,
 * stories.c, query.c) and consolidation (consolidate.c, export.c).
 * Invariant: nothing stored depends on the wall clock, the order
 * documents came in or the number of threads that coded them.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "../common/common.h"

#include <sqlite3.h>

/* ====================================================== the database
 * (db.c, ingest.c, stories.c, query.c) */

struct dyad_store {
    sqlite3 *db;
    char *path;
    int readonly;
    dyad__err err;
};

/* Sets s's message from the connection's last error: "PATH: what", with
 * what in words for the cases a user meets (full disk, read-only, locked,
 * not a database).  Returns DYAD_EIO (DYAD_ENOMEM for SQLITE_NOMEM,
 * DYAD_EFORMAT for a file that is not a database). */
dyad_status dyad__store_fail(dyad_store *s, int rc, const char *doing);
/* Runs sql (no results).  On failure as dyad__store_fail. */
dyad_status dyad__store_exec(dyad_store *s, const char *sql);
/* Prepares sql into *st.  On failure as dyad__store_fail. */
dyad_status dyad__store_prepare(dyad_store *s, sqlite3_stmt **st, const char *sql);

/* The consolidation key of a mention of source and target: mentions of
 * different keys never merge into one event. */
void dyad__store_ckey(const char *source, const char *target, char *out, size_t cap);
/* Consolidates every key of the dirty table again: per key, its events
 * and their links are replaced by those the consolidator makes of all of
 * the key's mentions, and the dirty row deleted, in one transaction per
 * group of keys.  Counts the keys done and events written. */
dyad_status dyad__store_consolidate_dirty(dyad_store *s, size_t *keys, size_t *events);

/* Stories: the MinHash signature of a text (DYAD__STORY_SIG values over
 * its word shingles), and the recomputation of every document's story
 * from the stored signatures (in its own transaction). */
#define DYAD__STORY_SIG 64
void dyad__story_signature(const char *text, size_t len, uint32_t sig[DYAD__STORY_SIG]);
/* The estimated resemblance (0..1) of two signatures. */
double dyad__story_similarity(const uint32_t *a, const uint32_t *b);
dyad_status dyad__stories_update(dyad_store *s, size_t *nstories);

/* ================================================== consolidation
 * (consolidate.c, export.c) */

#endif /* DYAD_STORE_H */
