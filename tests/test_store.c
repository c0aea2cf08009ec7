/*
 * test_store.c -- the event store (src/store/): opening and refusing
 * databases, ingest idempotence and replacement, stories of our own
 * texts, the dictionary content hash, and storage failures (a full
 * database, a lock held by another connection) that must lose nothing
 * already stored.
 */
#include "engine_util.h"
#include "store/store.h"

static char g_dir[256];

static const char *S_path(const char *name)
{
    static char buf[4][512];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, 512, "%s/%s", g_dir, name);
    return p;
}

static void S_rm(const char *path)
{
    char b[600];
    unlink(path);
    snprintf(b, sizeof b, "%s-wal", path);
    unlink(b);
    snprintf(b, sizeof b, "%s-shm", path);
    unlink(b);
}

static dyad_doc S_doc(const char *id, const char *date, const char *source, const char *text)
{
    dyad_doc d;
    memset(&d, 0, sizeof d);
    d.id = id;
    d.date = date;
    d.source = source;
    d.text = text;
    d.len = strlen(text);
    d.path = "test";
    d.line = 1;
    return d;
}

/* Our own wire stories: A, a light rewrite of A, and an unrelated B. */
static const char S_story_a[] =
    "LIMA, March 3 (Andes) - Peruvian President Ana Quispe and Chilean President "
    "Tomas Rojas discussed the shared border and a new copper railway in a telephone "
    "call on Friday, the presidential palace said. Quispe told Rojas that Peru wanted "
    "the railway finished before the end of next year. The two leaders agreed to meet "
    "in Arica in April to sign a transport accord, and asked their ministers to prepare "
    "the texts. Chile has been Peru's largest trading partner in the region for a decade.";
static const char S_story_a2[] =
    "LIMA, March 3 (Reuters) - Peruvian President Ana Quispe and Chilean President "
    "Tomas Rojas discussed the shared border and a new copper railway in a phone "
    "call on Friday, the presidential palace said. Quispe told Rojas that Peru wanted "
    "the railway completed before the end of next year. The two leaders agreed to meet "
    "in Arica in April to sign a transport accord, and asked their ministers to prepare "
    "the documents. Chile has been Peru's biggest trading partner in the region for a decade.";
static const char S_story_b[] =
    "OSLO, March 4 - Norway's foreign minister met her Bolivian counterpart in Oslo on "
    "Thursday to talk about lithium mining and forest protection, the ministry said. "
    "Norway pledged aid for rangers in the Bolivian lowlands, and both sides promised "
    "to publish a joint report on illegal logging by the summer.";

/* The three stories above as documents: A, its rewrite, B. */
static void S_three(dyad_doc docs[3])
{
    docs[0] = S_doc("a", "2024-03-03", "Andes", S_story_a);
    docs[1] = S_doc("a2", "2024-03-03", "Reuters", S_story_a2);
    docs[2] = S_doc("b", "2024-03-04", NULL, S_story_b);
}

static int S_setup(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/dyad-test-store-%d", (int)getpid());
    mkdir(g_dir, 0700);
    return engine_util_setup();
}

static int S_teardown(void **state)
{
    (void)state;
    engine_util_teardown();
    char cmd[700];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", g_dir, g_dir);
    if (system(cmd) != 0) return -1;
    return 0;
}

/* Ingests docs into the store at path; returns the stats. */
static dyad_ingest_stats S_ingest(const char *path, const dyad_doc *docs, size_t n,
                                  unsigned threads)
{
    dyad_store *s;
    assert_int_equal(dyad_store_open(&s, path, NULL), DYAD_OK);
    dyad_ingest *g;
    dyad_ingest_options o = dyad_ingest_defaults();
    o.threads = threads;
    o.batch = 1;
    assert_int_equal(dyad_ingest_new(&g, s, g_dict, g_tagger, &o), DYAD_OK);
    for (size_t i = 0; i < n; i++) assert_int_equal(dyad_ingest_add(g, &docs[i]), DYAD_OK);
    assert_int_equal(dyad_ingest_finish(g), DYAD_OK);
    dyad_ingest_stats st;
    dyad_ingest_stats_get(g, &st);
    dyad_ingest_free(g);
    dyad_store_close(s);
    return st;
}

/* Every row of the content tables, as one string (caller frees). */
static char *S_dump(const char *path)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    static const char *const q[] = {
        "SELECT id||text_hash||dict_hash||hex(minhash) FROM documents ORDER BY id",
        "SELECT doc_id||story_id FROM stories ORDER BY doc_id",
        "SELECT doc_id||sentence_id||text FROM sentences ORDER BY doc_id, sentence_id",
        "SELECT doc_id||seq||ckey||record FROM mentions ORDER BY doc_id, seq",
        "SELECT id||record FROM events ORDER BY id",
        "SELECT id||links FROM events ORDER BY id",
        "SELECT 'dirty'||count(*) FROM dirty"};
    dyad__buf b;
    dyad__buf_init(&b);
    for (size_t i = 0; i < DYAD_ARRAY_LEN(q); i++) {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, q[i], -1, &st, NULL), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(st, 0);
            dyad__buf_printf(&b, "%s\n", t ? t : "");
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    char *out = strdup(dyad__buf_cstr(&b));
    dyad__buf_free(&b);
    return out;
}

static long long S_count(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    long long v = -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void test_dict_hash(void **state)
{
    (void)state;
    static const char verbs1[] = "--- MEET [040] ---\nMEET\n";
    static const char verbs2[] = "--- MEET [040] ---\nMEET\nGREET\n";
    char h1[DYAD_HASH_HEX], h2[DYAD_HASH_HEX], h3[DYAD_HASH_HEX], h4[DYAD_HASH_HEX];
    dyad_dict *a, *b, *c;
    assert_int_equal(dyad_dict_new(&a), DYAD_OK);
    assert_int_equal(dyad_dict_new(&b), DYAD_OK);
    assert_int_equal(dyad_dict_new(&c), DYAD_OK);
    dyad_dict_add_text(a, "/one/place/x.verbs.txt", verbs1, strlen(verbs1), DYAD_DICT_VERBS);
    dyad_dict_add_text(b, "/another/x.verbs.txt", verbs1, strlen(verbs1), DYAD_DICT_VERBS);
    dyad_dict_add_text(c, "/one/place/x.verbs.txt", verbs2, strlen(verbs2), DYAD_DICT_VERBS);
    dyad_dict_hash(a, h1);
    dyad_dict_hash(b, h2);
    dyad_dict_hash(c, h3);
    dyad_dict_hash(NULL, h4);
    assert_int_equal(strlen(h1), 16);
    assert_string_equal(h1, h2);          /* same files, another folder */
    assert_string_not_equal(h1, h3);      /* one line more */
    assert_string_not_equal(h1, h4);
    dyad_dict_free(a);
    dyad_dict_free(b);
    dyad_dict_free(c);
}

static void test_open_refuses(void **state)
{
    (void)state;
    dyad_store *s;
    /* another application's SQLite database: refused, left unchanged */
    const char *other = S_path("other.db");
    sqlite3 *db;
    assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES(1)",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(dyad_store_open(&s, other, NULL), DYAD_EFORMAT);
    assert_non_null(strstr(dyad_store_errmsg(s), "not a dyad store"));
    dyad_store_close(s);
    assert_int_equal(S_count(other, "SELECT count(*) FROM sqlite_schema"), 1);
    /* not SQLite at all */
    const char *text = S_path("text.db");
    FILE *f = fopen(text, "w");
    assert_non_null(f);
    fputs("this is a shopping list, not a database\n", f);
    for (int i = 0; i < 100; i++) fputs("apples, pears and plums\n", f);
    fclose(f);
    assert_int_equal(dyad_store_open(&s, text, NULL), DYAD_EFORMAT);
    assert_non_null(strstr(dyad_store_errmsg(s), "not an SQLite database"));
    dyad_store_close(s);
    /* a newer schema */
    const char *newer = S_path("newer.db");
    assert_int_equal(dyad_store_open(&s, newer, NULL), DYAD_OK);
    dyad_store_close(s);
    assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE dyad_schema SET version=99", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(dyad_store_open(&s, newer, NULL), DYAD_EFORMAT);
    assert_non_null(strstr(dyad_store_errmsg(s), "newer"));
    dyad_store_close(s);
    /* read-only opening of a missing store */
    dyad_store_options ro = {1, 1, 0};
    assert_int_equal(dyad_store_open(&s, S_path("missing.db"), &ro), DYAD_ENOTFOUND);
    dyad_store_close(s);
}

static void test_idempotent(void **state)
{
    (void)state;
    NEED_TAGGER();
    const char *path = S_path("idem.db");
    S_rm(path);
    dyad_doc docs[3];
    S_three(docs);
    dyad_ingest_stats st = S_ingest(path, docs, 3, 1);
    assert_int_equal(st.coded, 3);
    assert_true(st.mentions > 0);
    char *first = S_dump(path);
    /* again: nothing coded, nothing changed */
    st = S_ingest(path, docs, 3, 2);
    assert_int_equal(st.unchanged, 3);
    assert_int_equal(st.coded, 0);
    char *second = S_dump(path);
    assert_string_equal(first, second);
    /* other order, other thread count, fresh store: the same content */
    const char *path2 = S_path("idem2.db");
    S_rm(path2);
    dyad_doc rev[3] = {docs[2], docs[1], docs[0]};
    S_ingest(path2, rev, 3, 2);
    char *third = S_dump(path2);
    assert_string_equal(first, third);
    /* a changed text replaces the document's mentions */
    dyad_doc changed = S_doc("b", "2024-03-04", NULL,
                             "OSLO, March 4 - Norway's foreign minister met her Bolivian "
                             "counterpart in Oslo on Thursday.");
    long long before = S_count(path, "SELECT count(*) FROM mentions WHERE doc_id='b'");
    st = S_ingest(path, &changed, 1, 1);
    assert_int_equal(st.coded, 1);
    long long after = S_count(path, "SELECT count(*) FROM mentions WHERE doc_id='b'");
    assert_true(after > 0);
    assert_true(after <= before);
    assert_int_equal(S_count(path, "SELECT count(*) FROM documents WHERE id='b' AND "
                                   "text LIKE '%Thursday.'"), 1);
    assert_int_equal(S_count(path, "SELECT count(*) FROM documents"), 3);
    {
        /* the counts agree with the tables; a finished ingest leaves no
         * key to redo */
        dyad_store *s = NULL;
        assert_int_equal(dyad_store_open(&s, path, NULL), DYAD_OK);
        dyad_store_counts c;
        assert_int_equal(dyad_store_counts_get(s, &c), DYAD_OK);
        assert_int_equal(c.documents, 3);
        assert_int_equal((long long)c.mentions, S_count(path, "SELECT count(*) FROM mentions"));
        assert_int_equal((long long)c.events, S_count(path, "SELECT count(*) FROM events"));
        size_t dirty = 99;
        assert_int_equal(dyad_store_dirty_count(s, &dirty), DYAD_OK);
        assert_int_equal(dirty, 0);
        assert_int_equal(c.dirty, 0);
        dyad_store_close(s);
    }
    /* and back: the first content again */
    S_ingest(path, &docs[2], 1, 1);
    char *fourth = S_dump(path);
    assert_string_equal(first, fourth);
    free(first);
    free(second);
    free(third);
    free(fourth);
}

/* Consolidating a key from the mentions the run held in memory (held.c)
 * and from the mentions read back from the store gives the same rows. */
static void test_held(void **state)
{
    (void)state;
    NEED_TAGGER();
    dyad_doc docs[3];
    S_three(docs);
    /* one run: every key is new to the store, so every key is held */
    const char *one = S_path("held1.db");
    S_rm(one);
    S_ingest(one, docs, 3, 2);
    char *held = S_dump(one);
    /* two runs: the second meets a's keys already stored and reads them */
    const char *two = S_path("held2.db");
    S_rm(two);
    S_ingest(two, docs, 1, 1);
    S_ingest(two, docs + 1, 2, 1);
    char *mixed = S_dump(two);
    assert_string_equal(held, mixed);
    /* every key dirty again, and a run with no document: all read back */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(one, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "DELETE FROM events;"
                                      "INSERT INTO dirty SELECT DISTINCT ckey FROM mentions",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_true(S_count(one, "SELECT count(*) FROM dirty") > 0);
    S_ingest(one, NULL, 0, 2);
    char *read = S_dump(one);
    assert_string_equal(held, read);

    /* the set itself: sorted as the store sorts, and given up past its cap */
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_open(one, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT record FROM mentions LIMIT 1", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    const char *rec = (const char *)sqlite3_column_text(q, 0);
    size_t len = (size_t)sqlite3_column_bytes(q, 0);
    dyad__rec r;
    assert_int_equal(dyad__rec_scan_head(rec, len, &r), 0);
    dyad__held *h = dyad__held_new((size_t)1 << 20);
    assert_non_null(h);
    assert_int_equal(dyad__held_state(h, "PER|CHL"), -1);
    dyad__held_mark(h, "PER|CHL", 1);
    dyad__held_mark(h, "BOL|NOR", 0);
    const char *ids[] = {"d10", "d2", "d10", "d1"};
    long long seqs[] = {3, 0, 1, 7};
    for (size_t i = 0; i < 4; i++) dyad__held_add(h, "PER|CHL", ids[i], seqs[i], &r, rec);
    dyad__held_add(h, "BOL|NOR", "d1", 0, &r, rec);   /* not held: ignored */
    dyad__held_seal(h);
    size_t n = 0;
    const dyad__held_mention *const *m = dyad__held_get(h, "PER|CHL", &n);
    assert_non_null(m);
    assert_int_equal(n, 4);
    assert_string_equal(m[0]->doc_id, "d1");
    assert_string_equal(m[1]->doc_id, "d10");
    assert_int_equal(m[1]->seq, 1);
    assert_int_equal(m[2]->seq, 3);
    assert_string_equal(m[3]->doc_id, "d2");
    assert_string_equal(m[0]->rec.code, m[3]->rec.code);
    assert_null(dyad__held_get(h, "BOL|NOR", &n));
    assert_int_equal(dyad__held_state(h, "BOL|NOR"), 0);
    dyad__held_free(h);
    h = dyad__held_new(16384);   /* room for a few mentions only */
    dyad__held_mark(h, "PER|CHL", 1);
    for (size_t i = 0; i < 200; i++) dyad__held_add(h, "PER|CHL", "d", (long long)i, &r, rec);
    assert_int_equal(dyad__held_state(h, "PER|CHL"), 0);
    assert_null(dyad__held_get(h, "PER|CHL", &n));
    dyad__held_mark(h, "XXX|YYY", 1);   /* given up: stays given up */
    assert_int_equal(dyad__held_state(h, "XXX|YYY"), 0);
    dyad__held_free(h);
    sqlite3_finalize(q);
    sqlite3_close(db);
    free(held);
    free(mixed);
    free(read);
}

static int S_cat(void *ctx, const char *json, size_t len)
{
    dyad__buf_append(ctx, json, len);
    dyad__buf_putc(ctx, '\n');
    return 0;
}

/* The mentions of every event of the store at path, as one string. */
static char *S_mentions(const char *path, int readonly)
{
    dyad_store_options o = {readonly, 1, 0};
    dyad_store *s;
    assert_int_equal(dyad_store_open(&s, path, &o), DYAD_OK);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM events ORDER BY id", -1, &q, NULL),
                     SQLITE_OK);
    dyad__buf b;
    dyad__buf_init(&b);
    while (sqlite3_step(q) == SQLITE_ROW)
        assert_int_equal(dyad_store_mentions(s, (const char *)sqlite3_column_text(q, 0), S_cat, &b),
                         DYAD_OK);
    sqlite3_finalize(q);
    sqlite3_close(db);
    dyad_store_close(s);
    assert_true(b.len > 0);
    char *out = strdup(dyad__buf_cstr(&b));
    dyad__buf_free(&b);
    return out;
}

/* A store of schema 1 (an event's mentions in a table of their own, its
 * sentences a table) is read as it is when opened read-only and upgraded
 * when opened for writing, to the rows a new store has. */
static void test_upgrade(void **state)
{
    (void)state;
    NEED_TAGGER();
    const char *path = S_path("upgrade.db");
    S_rm(path);
    dyad_doc docs[3];
    S_three(docs);
    S_ingest(path, docs, 3, 1);
    char *want = S_dump(path);
    char *want_m = S_mentions(path, 0);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db,
                     "CREATE TABLE event_mentions(event_id TEXT NOT NULL REFERENCES events(id) "
                     "ON DELETE CASCADE, doc_id TEXT NOT NULL, seq INTEGER NOT NULL, "
                     "PRIMARY KEY(event_id, doc_id, seq)) WITHOUT ROWID;"
                     "INSERT INTO event_mentions SELECT e.id, json_extract(l.value,'$[0]'), "
                     "json_extract(l.value,'$[1]') FROM events e, json_each(e.links) l;"
                     "ALTER TABLE events DROP COLUMN links;"
                     "CREATE TABLE s1 AS SELECT * FROM sentences; DROP VIEW sentences;"
                     "CREATE TABLE sentences(doc_id TEXT NOT NULL REFERENCES documents(id) "
                     "ON DELETE CASCADE, sentence_id INTEGER NOT NULL, start INTEGER NOT NULL, "
                     "end INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(doc_id, sentence_id)) "
                     "WITHOUT ROWID; INSERT INTO sentences SELECT * FROM s1; DROP TABLE s1;"
                     "UPDATE dyad_schema SET version=1",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
    assert_true(S_count(path, "SELECT count(*) FROM event_mentions") > 0);
    /* read-only: read through the old table, the store left as it is */
    char *got_m = S_mentions(path, 1);
    assert_string_equal(want_m, got_m);
    free(got_m);
    assert_int_equal(S_count(path, "SELECT version FROM dyad_schema"), 1);
    /* for writing: upgraded */
    got_m = S_mentions(path, 0);
    assert_string_equal(want_m, got_m);
    assert_int_equal(S_count(path, "SELECT version FROM dyad_schema"), DYAD_STORE_SCHEMA);
    assert_int_equal(S_count(path, "SELECT count(*) FROM sqlite_schema WHERE name='event_mentions'"),
                     0);
    char *got = S_dump(path);
    assert_string_equal(want, got);
    free(got);
    free(got_m);
    free(want);
    free(want_m);
}

static int S_collect(void *ctx, const dyad_story *st)
{
    dyad__buf *b = ctx;
    dyad__buf_printf(b, "%s:", st->story_id);
    for (size_t i = 0; i < st->ndocs; i++) dyad__buf_printf(b, " %s", st->doc_ids[i]);
    dyad__buf_putc(b, '\n');
    return 0;
}

static int S_span_eq(dyad__span a, dyad__span b)
{
    return a.n == b.n && (a.p == b.p || (a.p && b.p && memcmp(a.p, b.p, a.n) == 0));
}

/* The head scan ingest uses on the engine's fresh records reads every
 * stored record exactly as the full scan does. */
static void test_rec_head(void **state)
{
    (void)state;
    NEED_TAGGER();
    const char *path = S_path("head.db");
    S_rm(path);
    dyad_doc docs[3];
    S_three(docs);
    S_ingest(path, docs, 3, 1);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT record FROM mentions", -1, &q, NULL), SQLITE_OK);
    size_t n = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *rec = (const char *)sqlite3_column_text(q, 0);
        size_t len = (size_t)sqlite3_column_bytes(q, 0);
        dyad__rec full, head;
        assert_int_equal(dyad__rec_scan(rec, len, &full), 0);
        assert_int_equal(dyad__rec_scan_head(rec, len, &head), 0);
        dyad__span fs[] = {full.doc_id, full.source, full.target, full.code, full.root,
                           full.modality, full.date, full.date_precision, full.doc_date,
                           full.doc_source, full.source_text, full.target_text,
                           full.loc_country, full.loc_name};
        dyad__span hs[] = {head.doc_id, head.source, head.target, head.code, head.root,
                           head.modality, head.date, head.date_precision, head.doc_date,
                           head.doc_source, head.source_text, head.target_text,
                           head.loc_country, head.loc_name};
        for (size_t i = 0; i < sizeof fs / sizeof *fs; i++) assert_true(S_span_eq(fs[i], hs[i]));
        assert_true(full.sentence_id == head.sentence_id && full.sentence_start == head.sentence_start &&
                    full.sentence_end == head.sentence_end && full.nissues == head.nissues &&
                    full.has_location == head.has_location);
        n++;
    }
    assert_true(n > 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
}

static void test_stories(void **state)
{
    (void)state;
    uint32_t sa[DYAD__STORY_SIG], sa2[DYAD__STORY_SIG], sb[DYAD__STORY_SIG];
    dyad__story_signature(S_story_a, strlen(S_story_a), sa);
    dyad__story_signature(S_story_a2, strlen(S_story_a2), sa2);
    dyad__story_signature(S_story_b, strlen(S_story_b), sb);
    double near = dyad__story_similarity(sa, sa2), far = dyad__story_similarity(sa, sb);
    print_message("resemblance: rewrite %.2f, unrelated %.2f\n", near, far);
    assert_true(near >= 0.5);
    assert_true(far < 0.2);
    NEED_TAGGER();
    const char *path = S_path("stories.db");
    S_rm(path);
    dyad_doc docs[3] = {S_doc("z-copy", "2024-03-03", "Reuters", S_story_a2),
                        S_doc("m-oslo", "2024-03-04", NULL, S_story_b),
                        S_doc("k-lima", "2024-03-03", "Andes", S_story_a)};
    S_ingest(path, docs, 3, 1);
    dyad_store *s;
    dyad_store_options ro = {1, 1, 0};
    assert_int_equal(dyad_store_open(&s, path, &ro), DYAD_OK);
    dyad__buf b;
    dyad__buf_init(&b);
    assert_int_equal(dyad_store_stories(s, 1, S_collect, &b), DYAD_OK);
    assert_string_equal(dyad__buf_cstr(&b), "k-lima: k-lima z-copy\nm-oslo: m-oslo\n");
    dyad__buf_clear(&b);
    assert_int_equal(dyad_store_stories(s, 2, S_collect, &b), DYAD_OK);
    assert_string_equal(dyad__buf_cstr(&b), "k-lima: k-lima z-copy\n");
    dyad__buf_free(&b);
    dyad_store_close(s);
}

/* A database that cannot grow (PRAGMA max_page_count, as a full disk):
 * the failing batch is reported and rolled back; batches before it stay. */
static void test_full(void **state)
{
    (void)state;
    NEED_TAGGER();
    const char *path = S_path("full.db");
    S_rm(path);
    dyad_doc a = S_doc("a", "2024-03-03", "Andes", S_story_a);
    S_ingest(path, &a, 1, 1);
    dyad_store *s;
    assert_int_equal(dyad_store_open(&s, path, NULL), DYAD_OK);
    dyad_ingest *g;
    dyad_ingest_options o = dyad_ingest_defaults();
    o.threads = 1;
    o.batch = 1;
    assert_int_equal(dyad_ingest_new(&g, s, g_dict, g_tagger, &o), DYAD_OK);
    long long pages = 0;
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    pages = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count=%lld", pages);
    assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
    dyad_status st = DYAD_OK;
    char big[20000];
    for (int i = 0; i < 40 && st == DYAD_OK; i++) {
        char id[16];
        snprintf(id, sizeof id, "n%02d", i);
        size_t n = 0;
        while (n + sizeof S_story_b < sizeof big) {
            memcpy(big + n, S_story_b, sizeof S_story_b - 1);
            n += sizeof S_story_b - 1;
            big[n++] = ' ';
            big[n++] = (char)('a' + i % 26);
            big[n++] = ' ';
        }
        big[n] = 0;
        dyad_doc d = S_doc(id, "2024-03-04", NULL, big);
        st = dyad_ingest_add(g, &d);
    }
    if (st == DYAD_OK) st = dyad_ingest_finish(g);
    assert_int_equal(st, DYAD_EIO);
    assert_non_null(strstr(dyad_ingest_errmsg(g), "full"));
    dyad_ingest_free(g);
    dyad_store_close(s);
    assert_true(S_count(path, "SELECT count(*) FROM documents WHERE id='a'") == 1);
    char *ic = NULL;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    ic = strdup((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(db);
    assert_string_equal(ic, "ok");
    free(ic);
}

/* Another connection holds the write lock: after the busy timeout, a
 * clear message; nothing stored is lost. */
static void test_locked(void **state)
{
    (void)state;
    NEED_TAGGER();
    const char *path = S_path("locked.db");
    S_rm(path);
    dyad_doc a = S_doc("a", "2024-03-03", "Andes", S_story_a);
    S_ingest(path, &a, 1, 1);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    dyad_store *s;
    dyad_store_options so = {0, 0, 50};
    assert_int_equal(dyad_store_open(&s, path, &so), DYAD_OK);
    dyad_ingest *g;
    dyad_ingest_options o = dyad_ingest_defaults();
    o.threads = 1;
    o.batch = 1;
    assert_int_equal(dyad_ingest_new(&g, s, g_dict, g_tagger, &o), DYAD_OK);
    dyad_doc b = S_doc("b", "2024-03-04", NULL, S_story_b);
    dyad_status st = dyad_ingest_add(g, &b);
    if (st == DYAD_OK) st = dyad_ingest_finish(g);
    assert_int_equal(st, DYAD_EIO);
    assert_non_null(strstr(dyad_ingest_errmsg(g), "locked"));
    dyad_ingest_free(g);
    dyad_store_close(s);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    assert_int_equal(S_count(path, "SELECT count(*) FROM documents"), 1);
}

/* A read-only file: one clear message (root ignores file modes: skipped). */
static void test_readonly(void **state)
{
    (void)state;
    if (geteuid() == 0) {
        print_message("SKIP: running as root, file modes do not bind\n");
        skip();
    }
    const char *path = S_path("ro.db");
    S_rm(path);
    dyad_store *s;
    assert_int_equal(dyad_store_open(&s, path, NULL), DYAD_OK);
    dyad_store_close(s);
    chmod(path, 0444);
    assert_int_equal(dyad_store_open(&s, path, NULL), DYAD_EIO);
    assert_non_null(strstr(dyad_store_errmsg(s), "read-only"));
    dyad_store_close(s);
}

/* Every filter of `dyad events` is answered from an index: the plan
 * searches events by one, never scans the table. */
static void test_query_plans(void **state)
{
    (void)state;
    const char *path = S_path("plans.db");
    S_rm(path);
    dyad_store *s;
    assert_int_equal(dyad_store_open(&s, path, NULL), DYAD_OK);
    /* a new store is made without fsync, then synced as any other:
     * synchronous=NORMAL (1), in WAL mode */
    sqlite3_stmt *pq;
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA synchronous", -1, &pq, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(pq), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(pq, 0), 1);
    sqlite3_finalize(pq);
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &pq, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(pq), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(pq, 0), "wal");
    sqlite3_finalize(pq);
    /* statistics as ingest leaves them, on a few rows */
    assert_int_equal(sqlite3_exec(s->db, "PRAGMA analysis_limit=1000;ANALYZE events", NULL, NULL,
                                  NULL), SQLITE_OK);
    dyad_event_filter fs[] = {
        {"RUS", NULL, NULL, NULL, NULL, NULL, NULL, NULL},
        {NULL, "RUS", "TUR", NULL, NULL, NULL, NULL, NULL},
        {NULL, NULL, NULL, "04", NULL, NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL, "2020-06-01", "2020-06-30", NULL, NULL},
        {NULL, NULL, NULL, NULL, NULL, NULL, "SYR", NULL},
        {NULL, "RUS", "TUR", "04", "2020-06", "2020-06", NULL, "asserted"},
        {"SYR", NULL, NULL, "19", "2022", NULL, "SYR", NULL},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(fs); i++) {
        char plan[2048];
        assert_int_equal(dyad_store_events_plan(s, &fs[i], plan, sizeof plan), DYAD_OK);
        print_message("filter %zu: %s", i, plan);
        assert_non_null(strstr(plan, "USING INDEX"));
        assert_null(strstr(plan, "SCAN events"));
    }
    /* the story pass reads signatures from an index, not the texts' rows */
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(s->db, "EXPLAIN QUERY PLAN " DYAD__STORIES_SQL, -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    print_message("stories: %s\n", (const char *)sqlite3_column_text(q, 3));
    assert_non_null(strstr((const char *)sqlite3_column_text(q, 3), "COVERING INDEX documents_minhash"));
    sqlite3_finalize(q);
    dyad_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_hash),   cmocka_unit_test(test_open_refuses),
        cmocka_unit_test(test_idempotent),  cmocka_unit_test(test_stories),
        cmocka_unit_test(test_rec_head),    cmocka_unit_test(test_held),
        cmocka_unit_test(test_upgrade),
        cmocka_unit_test(test_full),        cmocka_unit_test(test_locked),
        cmocka_unit_test(test_readonly),    cmocka_unit_test(test_query_plans),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
