/*
 * bench_store.c -- queries on a generated event store.  Builds (once) a
 * store of N mentions (default 1,000,000) reporting N/4 made-up events
 * -- 1 to 7 reports each, from different documents, actors of 40
 * countries, 24 CAMEO codes, dates over ten years -- consolidated by the
 * library as an ingest would (dirty keys), then times filtered `dyad
 * events` queries (dyad_store_events_write onto /dev/null): the median
 * of 7 runs, wall and CPU, with the events returned and the query plan.
 * usage: bench_store DB [MENTIONS]   (an existing DB is reused)
 * Records are short (a sentence of a few words) so the store stays near
 * 1 GB; their fields are those of `dyad code` records.
 */
#include "bench_util.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t S_rng = 0x243f6a8885a308d3ull;

static uint32_t S_rand(uint32_t n)
{
    S_rng ^= S_rng << 13;
    S_rng ^= S_rng >> 7;
    S_rng ^= S_rng << 17;
    return (uint32_t)(S_rng % n);
}

static const char *const S_countries[] = {
    "RUS", "TUR", "FRA", "USA", "CHN", "SYR", "IRN", "ISR", "UKR", "DEU", "GBR", "IND", "PAK", "AFG",
    "IRQ", "EGY", "LBY", "SAU", "JPN", "KOR", "PRK", "BRA", "ARG", "CHL", "PER", "BOL", "NOR", "SWE",
    "POL", "ITA", "ESP", "NGA", "ETH", "KEN", "SDN", "YEM", "QAT", "JOR", "LBN", "VEN"};
static const char *const S_agents[] = {"GOV", "MIL", "", "REB", "CVL", "BUS"};
static const char *const S_codes[] = {"010", "020", "036", "040", "041", "042", "043", "046",
                                      "051", "057", "061", "071", "090", "111", "112", "120",
                                      "130", "138", "160", "173", "180", "190", "193", "195"};
static const char *const S_sources[] = {"Agency A", "Agency B", "Paper C", "Wire D", "Radio E"};

static double S_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int S_exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "bench_store: %s: %s\n", sql, err ? err : "?");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

/* Writes the documents, mentions and dirty keys directly (the sentences
 * are a view of the mentions). */
static int S_generate(dyad_store *s, long nmentions)
{
    sqlite3 *db = s->db;
    sqlite3_stmt *qd, *qm, *qk;
    if (sqlite3_prepare_v2(db, "INSERT INTO documents(id,source,date,text,one_sentence,"
                           "text_hash,dict_hash,status,minhash) VALUES(?1,?2,?3,?4,0,"
                           "'generated','generated','DYAD_OK',x'')", -1, &qd, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO mentions(doc_id,seq,sentence_id,source,target,"
                           "code,root,modality,date,date_precision,country,ckey,record) "
                           "VALUES(?1,0,1,?2,?3,?4,?5,'asserted',?6,'day',?7,?8,?9)",
                           -1, &qm, NULL) ||
        sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO dirty VALUES(?1)", -1, &qk, NULL)) {
        fprintf(stderr, "bench_store: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    if (S_exec(db, "BEGIN")) return -1;
    long m = 0, ev = 0;
    char docid[64], src[16], tgt[16], date[40], key[16], sent[200], rec[1400];
    while (m < nmentions) {
        const char *a = S_countries[S_rand(DYAD_ARRAY_LEN(S_countries))];
        const char *b = S_countries[S_rand(DYAD_ARRAY_LEN(S_countries))];
        snprintf(src, sizeof src, "%s%s", a, S_agents[S_rand(DYAD_ARRAY_LEN(S_agents))]);
        snprintf(tgt, sizeof tgt, "%s%s", b, S_agents[S_rand(DYAD_ARRAY_LEN(S_agents))]);
        const char *code = S_codes[S_rand(DYAD_ARRAY_LEN(S_codes))];
        uint32_t day = S_rand(3650);
        int y = 2015 + (int)(day / 365), mo = 1 + (int)(day % 365) / 31, dd = 1 + (int)(day % 31);
        if (mo > 12) mo = 12;
        if (dd > 28) dd = 28;
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, mo, dd);
        const char *where = S_rand(3) ? a : b;
        dyad_consolidation_key(src, tgt, key);
        int reports = 1 + (int)S_rand(7);
        for (int r = 0; r < reports && m < nmentions; r++, m++) {
            snprintf(docid, sizeof docid, "gen-%08ld-%d", ev, r);
            const char *agency = S_sources[S_rand(DYAD_ARRAY_LEN(S_sources))];
            snprintf(sent, sizeof sent, "Officials of %s and %s met on %s, report %d of %d.",
                     src, tgt, date, r + 1, reports);
            snprintf(rec, sizeof rec,
                     "{\"doc_id\":\"%s\",\"sentence_id\":1,\"date\":\"%s\","
                     "\"date_precision\":\"day\",\"date_basis\":\"text\",\"date_text\":null,"
                     "\"doc_date\":\"%s\",\"doc_source\":\"%s\",\"background\":false,"
                     "\"modality\":\"asserted\",\"location\":{\"country\":\"%s\",\"name\":null,"
                     "\"lat\":null,\"lon\":null,\"basis\":\"dateline\",\"text\":\"%s\"},"
                     "\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%.2s\","
                     "\"quad_class\":1,\"goldstein\":1,\"plover\":null,\"issues\":[],"
                     "\"source_text\":\"%s\",\"target_text\":\"%s\",\"verb_text\":\"met\","
                     "\"negated\":false,\"sentence_start\":0,\"sentence_end\":%zu,"
                     "\"sentence\":\"%s\",\"evidence\":[]}",
                     docid, date, date, agency, where, where, src, tgt, code, code, src, tgt,
                     strlen(sent), sent);
            sqlite3_bind_text(qd, 1, docid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qd, 2, agency, -1, SQLITE_STATIC);
            sqlite3_bind_text(qd, 3, date, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qd, 4, sent, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qm, 1, docid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qm, 2, src, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qm, 3, tgt, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qm, 4, code, -1, SQLITE_STATIC);
            sqlite3_bind_text(qm, 5, code, 2, SQLITE_STATIC);
            sqlite3_bind_text(qm, 6, date, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qm, 7, where, -1, SQLITE_STATIC);
            sqlite3_bind_text(qm, 8, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qm, 9, rec, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(qk, 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_stmt *all[] = {qd, qm, qk};
            for (size_t i = 0; i < DYAD_ARRAY_LEN(all); i++) {
                if (sqlite3_step(all[i]) != SQLITE_DONE) {
                    fprintf(stderr, "bench_store: %s\n", sqlite3_errmsg(db));
                    return -1;
                }
                sqlite3_reset(all[i]);
            }
        }
        ev++;
    }
    sqlite3_finalize(qd);
    sqlite3_finalize(qm);
    sqlite3_finalize(qk);
    return S_exec(db, "COMMIT");
}

typedef struct S_case {
    const char *what;
    dyad_event_filter f;
} S_case;

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_store DB [MENTIONS]\n");
        return 2;
    }
    long n = argc > 2 ? atol(argv[2]) : 1000000;
    struct stat sb;
    int fresh = stat(argv[1], &sb) != 0;
    dyad_store *s;
    if (dyad_store_open(&s, argv[1], NULL) != DYAD_OK) {
        fprintf(stderr, "bench_store: %s\n", dyad_store_errmsg(s));
        return 1;
    }
    if (fresh) {
        double t0 = bench_now(), c0 = S_cpu();
        if (S_generate(s, n)) return 1;
        double t1 = bench_now(), c1 = S_cpu();
        size_t keys, events;
        if (dyad__store_consolidate_dirty(s, 1, NULL, &keys, &events) != DYAD_OK) {
            fprintf(stderr, "bench_store: %s\n", dyad_store_errmsg(s));
            return 1;
        }
        double t2 = bench_now(), c2 = S_cpu();
        printf("generated %ld mentions: %.1f s wall (%.1f s CPU); consolidated %zu keys into "
               "%zu events: %.1f s wall (%.1f s CPU)\n",
               n, t1 - t0, c1 - c0, keys, events, t2 - t1, c2 - c1);
    }
    dyad__store_analyze(s);   /* as ingest does at its end */
    dyad_store_counts c;
    dyad_store_counts_get(s, &c);
    stat(argv[1], &sb);
    printf("store: %zu documents, %zu mentions, %zu events, %.0f MB\n", c.documents, c.mentions,
           c.events, (double)sb.st_size / 1e6);
    S_case cases[] = {
        {"--dyad RUS,TUR --code 04", {NULL, "RUS", "TUR", "04", NULL, NULL, NULL, NULL}},
        {"--actor SYR --from 2020-06-01 --to 2020-06-30",
         {"SYR", NULL, NULL, NULL, "2020-06-01", "2020-06-30", NULL, NULL}},
        {"--code 19 --country UKR --from 2022", {NULL, NULL, NULL, "19", "2022", NULL, "UKR", NULL}},
        {"--from 2019-03-01 --to 2019-03-02", {NULL, NULL, NULL, NULL, "2019-03-01", "2019-03-02",
                                               NULL, NULL}},
        {"--code 0 --country PER --modality asserted",
         {NULL, NULL, NULL, "0", NULL, NULL, "PER", "asserted"}},
    };
    FILE *null = fopen("/dev/null", "w");
    for (size_t k = 0; k < DYAD_ARRAY_LEN(cases); k++) {
        double wall[7], cpu[7];
        size_t count = 0;
        for (int r = 0; r < 7; r++) {
            double t0 = bench_now(), c0 = S_cpu();
            if (dyad_store_events_write(s, &cases[k].f, null, DYAD_EVENTS_JSONL, &count) !=
                DYAD_OK) {
                fprintf(stderr, "bench_store: %s\n", dyad_store_errmsg(s));
                return 1;
            }
            wall[r] = bench_now() - t0;
            cpu[r] = S_cpu() - c0;
        }
        char plan[1024];
        dyad_store_events_plan(s, &cases[k].f, plan, sizeof plan);
        for (char *p = plan; (p = strchr(p, '\n')) != NULL;) *p = ';';
        printf("%-46s %6zu events  %7.2f ms wall  %7.2f ms CPU  plan: %s\n", cases[k].what, count,
               1e3 * bench_median(wall, 7), 1e3 * bench_median(cpu, 7), plan);
    }
    fclose(null);
    dyad_store_close(s);
    return 0;
}
