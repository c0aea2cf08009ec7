/*
 * db.c -- opening the event store (dyad_store_*): the SQLite connection,
 * the schema and its version, and messages for what goes wrong with a
 * database file (not dyad's, a newer schema, read-only, full, locked).
 * Part of the store stage.  Invariant: opening never changes a database
 * that is not dyad's, and a store is created whole or not at all (the
 * schema is written in one transaction).
 */
#include "store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* PRAGMA application_id of a dyad store: "dyad" in ASCII. */
#define S_APP_ID 0x64796164

/* The sentences that carry mentions, one row each: a view of the
 * mentions, whose records hold each sentence's offsets and text (schema
 * 1 stored them again, in a table; writing it was an eighth of what
 * storing a document cost). */
#define S_SENTENCES                                                                               \
    "CREATE VIEW sentences(doc_id, sentence_id, start, end, text) AS"                             \
    " SELECT doc_id, sentence_id, json_extract(record, '$.sentence_start'),"                      \
    " json_extract(record, '$.sentence_end'), json_extract(record, '$.sentence')"                 \
    " FROM (SELECT doc_id, sentence_id, record, min(seq) FROM mentions"                           \
    " GROUP BY doc_id, sentence_id);"

/* The schema (docs/STORE.md describes each table).  Ids are natural keys
 * (document id, mention number within its document, event id derived from
 * the event's content), never row numbers, so the same documents give the
 * same rows whatever the order they came in. */
static const char S_schema[] =
    "CREATE TABLE dyad_schema(version INTEGER NOT NULL);"
    "CREATE TABLE documents("
    " id TEXT NOT NULL UNIQUE,"
    " source TEXT, url TEXT, title TEXT, date TEXT,"
    " text TEXT NOT NULL,"
    " parse TEXT,"                     /* a PETRARCH XML parse */
    " one_sentence INTEGER NOT NULL,"
    " text_hash TEXT NOT NULL,"        /* the text and metadata */
    " dict_hash TEXT NOT NULL,"        /* the dictionary set that coded it */
    " status TEXT NOT NULL,"           /* the engine's status: DYAD_OK ... */
    " minhash BLOB NOT NULL"           /* the story signature */
    ");"
    /* no index on dict_hash: recode asks for the documents another set
     * coded (dict_hash<>?), which no index answers, in id order, which
     * the id's does; each document paid an insert into it for nothing
     * (a store of an older dyad keeps its index, unused) */
    /* the story pass reads every signature: from this index, not from
     * rows whose text it would have to step over */
    "CREATE INDEX documents_minhash ON documents(id, minhash);"
    /* apart from the documents, so that the story pass rewrites small
     * rows, not texts */
    "CREATE TABLE stories("
    " doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
    " story_id TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE INDEX stories_story ON stories(story_id, doc_id);"
    S_SENTENCES
    "CREATE TABLE mentions("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"           /* 0-based, in the engine's order */
    " sentence_id INTEGER NOT NULL,"
    " source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, root TEXT,"
    " modality TEXT NOT NULL,"
    " date TEXT, date_precision TEXT NOT NULL,"
    " country TEXT,"
    " ckey TEXT NOT NULL,"             /* the consolidation key */
    " record TEXT NOT NULL,"           /* as dyad_record_write_json writes */
    " UNIQUE(doc_id, seq)"
    ");"
    "CREATE INDEX mentions_ckey ON mentions(ckey, doc_id, seq);"
    "CREATE TABLE events("
    " id TEXT PRIMARY KEY,"
    " ckey TEXT NOT NULL,"
    " source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, root TEXT,"
    " modality TEXT NOT NULL,"
    " date TEXT, date_precision TEXT NOT NULL,"
    " country TEXT,"
    " num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL,"
    " num_sources INTEGER NOT NULL,"
    " record TEXT NOT NULL,"           /* the event as JSON */
    " links TEXT NOT NULL"             /* its mentions: [[doc_id, seq], ...] */
    ");"
    "CREATE INDEX events_ckey ON events(ckey);"
    "CREATE INDEX events_source ON events(source, date);"
    "CREATE INDEX events_target ON events(target, date);"
    "CREATE INDEX events_code ON events(code, date);"
    "CREATE INDEX events_date ON events(date);"
    "CREATE INDEX events_country ON events(country, date);"
    "CREATE TABLE dirty(ckey TEXT PRIMARY KEY) WITHOUT ROWID;";

dyad_status dyad__store_fail(dyad_store *s, int rc, const char *doing)
{
    return dyad__store_fail_msg(s, rc, doing, NULL);
}

dyad_status dyad__store_fail_msg(dyad_store *s, int rc, const char *doing, const char *msg)
{
    const char *path = s->path ? s->path : "(store)";
    if (!msg) msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_NOMEM:
        return dyad__err_set(&s->err, DYAD_ENOMEM, "%s: out of memory", path);
    case SQLITE_FULL:
        return dyad__err_set(&s->err, DYAD_EIO,
                             "%s: %s: the disk (or the database's size limit) is full; "
                             "the last batch was not stored, everything before it is",
                             path, doing);
    case SQLITE_READONLY:
        return dyad__err_set(&s->err, DYAD_EIO,
                             "%s: %s: the database is read-only (the file, or its folder, "
                             "cannot be written)", path, doing);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return dyad__err_set(&s->err, DYAD_EIO,
                             "%s: %s: the database is locked by another process (gave up "
                             "after the busy timeout)", path, doing);
    case SQLITE_NOTADB:
        return dyad__err_set(&s->err, DYAD_EFORMAT,
                             "%s: not a dyad store (not an SQLite database)", path);
    case SQLITE_CORRUPT:
        return dyad__err_set(&s->err, DYAD_EFORMAT, "%s: the database is corrupt (%s)", path,
                             msg);
    case SQLITE_CANTOPEN: {
        int e = s->db ? sqlite3_system_errno(s->db) : 0;
        return dyad__err_set(&s->err, DYAD_EIO,
                             "%s: %s: cannot open or create the database or its journal "
                             "files (%s)", path, doing, e ? strerror(e) : msg);
    }
    default:
        return dyad__err_set(&s->err, DYAD_EIO, "%s: %s: %s", path, doing, msg);
    }
}

dyad_status dyad__store_exec(dyad_store *s, const char *sql)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? DYAD_OK : dyad__store_fail(s, rc, "writing");
}

dyad_status dyad__store_prepare(dyad_store *s, sqlite3_stmt **st, const char *sql)
{
    int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
    return rc == SQLITE_OK ? DYAD_OK : dyad__store_fail(s, rc, "reading");
}

/* One integer from a query of one row (0 when none).  SQLite status. */
static int S_int(dyad_store *s, const char *sql, long long *out)
{
    sqlite3_stmt *st = NULL;
    *out = 0;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

static dyad_status S_create_schema(dyad_store *s);

/* Makes an empty database a dyad store. */
static dyad_status S_create(dyad_store *s)
{
    /* 16 KiB pages: a mention record (about 1 KiB) and a document's text
     * take fewer pages, so a batch writes a quarter of the WAL frames (and
     * system calls) that 4 KiB pages take; set before anything is
     * written, it holds for the store's life.  And no fsync while the
     * empty schema is made (it took 10-20 ms of the start of every
     * ingest into a new store, 2 ms without): a kill leaves the file as
     * whole as ever (the kernel has every write), and a power cut in
     * these milliseconds could only spoil a store that holds nothing
     * yet; synchronous=NORMAL again before anything is stored */
    int rc = sqlite3_exec(s->db, "PRAGMA synchronous=OFF;PRAGMA page_size=16384;"
                          "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
        return dyad__store_fail(s, rc, "creating the store");
    }
    dyad_status st = S_create_schema(s);
    rc = sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    if (st == DYAD_OK && rc != SQLITE_OK) st = dyad__store_fail(s, rc, "creating the store");
    return st;
}

/* The schema's tables in one transaction, unless another process made
 * them meanwhile. */
static dyad_status S_create_schema(dyad_store *s)
{
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "creating the store");
    long long ntables = 0;
    rc = S_int(s, "SELECT count(*) FROM sqlite_schema", &ntables);
    if (rc == SQLITE_OK && ntables == 0) {
        char sql[160];
        snprintf(sql, sizeof sql,
                 "PRAGMA application_id=%d;INSERT INTO dyad_schema VALUES(%d);", S_APP_ID,
                 DYAD_STORE_SCHEMA);
        rc = sqlite3_exec(s->db, S_schema, NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        dyad_status st = dyad__store_fail(s, rc, "creating the store");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return st;
    }
    return DYAD_OK;
}

/* Schema 1 kept an event's mentions as rows of a table of their own,
 * event_mentions(event_id, doc_id, seq); schema 2 keeps them in the
 * event's row (events.links), one row written per event instead of one
 * per mention, and its sentences are a view of the mentions, not a
 * table.  Upgrades a version-1 store in one transaction. */
static const char S_upgrade_1_2[] =
    "ALTER TABLE events ADD COLUMN links TEXT NOT NULL DEFAULT '[]';"
    "UPDATE events SET links=(SELECT json_group_array(json_array(doc_id, seq)) FROM"
    " (SELECT doc_id, seq FROM event_mentions WHERE event_id=events.id"
    " ORDER BY doc_id, seq));"
    "DROP TABLE event_mentions;"
    "DROP TABLE sentences;" S_SENTENCES
    "CREATE INDEX IF NOT EXISTS documents_minhash ON documents(id, minhash);"
    "UPDATE dyad_schema SET version=2;";

static dyad_status S_upgrade(dyad_store *s)
{
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    long long version = 0;
    if (rc == SQLITE_OK) rc = S_int(s, "SELECT max(version) FROM dyad_schema", &version);
    if (rc == SQLITE_OK && version == 1) rc = sqlite3_exec(s->db, S_upgrade_1_2, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        dyad_status st = dyad__store_fail(s, rc, "upgrading the store from schema 1 to 2");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return st;
    }
    s->version = 2;
    return DYAD_OK;
}

/* Checks that the database is a dyad store this library can use. */
static dyad_status S_check(dyad_store *s)
{
    long long app = 0, ntables = 0, version = 0;
    int rc = S_int(s, "SELECT count(*) FROM sqlite_schema", &ntables);
    if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "reading");
    if (ntables == 0) {
        if (s->readonly)
            return dyad__err_set(&s->err, DYAD_EFORMAT, "%s: an empty database, not a dyad store",
                                 s->path);
        DYAD_TRY(S_create(s));
    }
    rc = S_int(s, "PRAGMA application_id", &app);
    if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "reading");
    if (app != S_APP_ID)
        return dyad__err_set(&s->err, DYAD_EFORMAT,
                             "%s: not a dyad store (an SQLite database of another "
                             "application); left unchanged", s->path);
    rc = S_int(s, "SELECT max(version) FROM dyad_schema", &version);
    if (rc != SQLITE_OK)
        return dyad__err_set(&s->err, DYAD_EFORMAT, "%s: a damaged dyad store (no schema "
                             "version: %s)", s->path, sqlite3_errmsg(s->db));
    if (version > DYAD_STORE_SCHEMA)
        return dyad__err_set(&s->err, DYAD_EFORMAT,
                             "%s: schema version %lld is newer than this dyad's (%d); "
                             "use a newer dyad", s->path, version, DYAD_STORE_SCHEMA);
    if (version < 1)
        return dyad__err_set(&s->err, DYAD_EFORMAT, "%s: a damaged dyad store (schema "
                             "version %lld)", s->path, version);
    s->version = (int)version;
    /* an older store is upgraded when opened for writing; read-only, it
     * is read as it is */
    if (version < DYAD_STORE_SCHEMA && !s->readonly) return S_upgrade(s);
    return DYAD_OK;
}

dyad_status dyad_store_open(dyad_store **out, const char *path, const dyad_store_options *o)
{
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    dyad_store_options def = {0, 0, 0};
    if (!o) o = &def;
    dyad_store *s = calloc(1, sizeof *s);
    if (!s) return DYAD_ENOMEM;
    *out = s;
    if (!path || !*path) return dyad__err_set(&s->err, DYAD_EINVAL, "no database path");
    s->path = strdup(path);
    if (!s->path) return DYAD_ENOMEM;
    s->readonly = o->readonly;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (!exists && (o->no_create || o->readonly))
        return dyad__err_set(&s->err, DYAD_ENOTFOUND, "%s: no such store", path);
    if (exists && !S_ISREG(sb.st_mode))
        return dyad__err_set(&s->err, DYAD_EIO, "%s: not a regular file", path);
    int flags = o->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "opening");
    sqlite3_extended_result_codes(s->db, 0);
    s->busy_ms = o->busy_timeout_ms ? (int)o->busy_timeout_ms : 5000;
    sqlite3_busy_timeout(s->db, s->busy_ms);
    if (!o->readonly && sqlite3_db_readonly(s->db, "main") == 1)
        return dyad__err_set(&s->err, DYAD_EIO,
                             "%s: the database is read-only (the file cannot be written)", path);
    rc = sqlite3_exec(s->db, "PRAGMA foreign_keys=ON;PRAGMA synchronous=NORMAL;"
                      "PRAGMA cache_size=-65536", NULL, NULL,
                      NULL);
    if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "opening");
    DYAD_TRY(S_check(s));
    dyad__err_clear(&s->err);
    return DYAD_OK;
}

void dyad_store_close(dyad_store *s)
{
    if (!s) return;
    if (s->db) sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

const char *dyad_store_errmsg(const dyad_store *s)
{
    return s ? s->err.msg : "out of memory";
}

dyad_status dyad_store_dirty_count(dyad_store *s, size_t *out)
{
    if (!s || !out || !s->db) return DYAD_EINVAL;
    long long v = 0;
    int rc = S_int(s, "SELECT count(*) FROM dirty", &v);
    if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "reading");
    *out = (size_t)v;
    return DYAD_OK;
}

dyad_status dyad_store_counts_get(dyad_store *s, dyad_store_counts *out)
{
    if (!s || !out || !s->db) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    static const char *const sql[] = {
        "SELECT count(*) FROM documents", "SELECT count(*) FROM sentences",
        "SELECT count(*) FROM mentions", "SELECT count(*) FROM events",
        "SELECT count(DISTINCT story_id) FROM stories", "SELECT count(*) FROM dirty"};
    size_t *dst[] = {&out->documents, &out->sentences, &out->mentions,
                     &out->events, &out->stories, &out->dirty};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(sql); i++) {
        long long v = 0;
        int rc = S_int(s, sql[i], &v);
        if (rc != SQLITE_OK) return dyad__store_fail(s, rc, "reading");
        *dst[i] = (size_t)v;
    }
    return DYAD_OK;
}
