/*
 * cmd_store.c -- the event store commands: `dyad ingest`, `dyad recode`,
 * `dyad stories` (and the queries).  Options, progress and printing
 * only: the store (dyad_store_*, dyad_ingest_*) does the work.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char S_ingest_usage[] =
    "usage: dyad ingest --db PATH [-j N] [--dict-dir DIR] [--batch N] [--quiet]\n"
    "                   [--input-format FMT] [INPUT...]\n"
    "\n"
    "Codes documents and stores them in the event store PATH (an SQLite\n"
    "database, created when missing): the documents, the sentences that\n"
    "carry mentions, every mention of every modality (the records of\n"
    "`dyad code --modality all`), the stories of near-duplicate documents\n"
    "and the events consolidated from the mentions.  A document already\n"
    "stored with the same text, metadata and dictionaries is left as it is;\n"
    "a changed one replaces the stored one.  Interrupted runs leave a\n"
    "consistent store that the next run completes.  Nothing is written to\n"
    "standard output; progress goes to standard error when it is a terminal.\n"
    "  --db PATH          the store\n"
    "  --dict-dir DIR     dictionaries (default: $DYAD_DICT_DIR, else the\n"
    "                     built-in ones)\n"
    "  -j N, --jobs N     coding threads (0, the default: one per processor);\n"
    "                     the store is the same for any N\n"
    "  --batch N          documents per transaction (default 1024, or 16 MiB of text)\n"
    "  --quiet            no progress\n"
    "  --input-format FMT auto (default), text, jsonl or xml\n"
    "\n"
    "Exit status: 0 ok; 1 some input was skipped or the store failed (with\n"
    "a message; what was stored before stays); 2 usage error.\n";

static const char S_recode_usage[] =
    "usage: dyad recode --db PATH [--dict-dir DIR] [-j N] [--batch N] [--quiet]\n"
    "\n"
    "Codes again every stored document that was coded with another\n"
    "dictionary set than the current one (the store keeps each document's\n"
    "dictionary hash), replaces its mentions and consolidates the events\n"
    "they touch again.  Also finishes what an interrupted ingest left.\n"
    "Exit status as for `dyad ingest`.\n";

static const char S_stories_usage[] =
    "usage: dyad stories --db PATH [--all]\n"
    "\n"
    "Lists the stories of the store -- documents that are copies or light\n"
    "rewrites of one another -- one JSON object per line:\n"
    "  {\"story_id\": the smallest document id, \"num_docs\": N,\n"
    "   \"doc_ids\": [...]}\n"
    "Stories of one document are listed only with --all.\n";

static const char S_events_usage[] =
    "usage: dyad events --db PATH [--actor CODE] [--dyad A,B] [--code PREFIX]\n"
    "                   [--from DATE] [--to DATE] [--country ISO3]\n"
    "                   [--modality M] [--format jsonl|csv|tsv|gdelt]\n"
    "\n"
    "Prints the store's consolidated events in the order `dyad consolidate`\n"
    "writes them (by date, undated last), each filter answered from an index:\n"
    "  --actor CODE       source or target code starts with CODE (RUS: RUSGOV)\n"
    "  --dyad A,B         one side starts with A, the other with B, either way\n"
    "  --code PREFIX      CAMEO code starts with PREFIX (04: consultations)\n"
    "  --from DATE        dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --to DATE          dated on or before DATE (2020-06: all of June)\n"
    "  --country ISO3     where it happened\n"
    "  --modality M       asserted, planned, negated or hypothetical\n"
    "  --format FMT       jsonl (default: every field and the consolidation\n"
    "                     counts), csv or tsv (header row), gdelt (the 61\n"
    "                     columns of the GDELT 2.0 event table)\n"
    "`dyad mentions --db PATH --event ID` prints the reports behind one.\n";

static const char S_mentions_usage[] =
    "usage: dyad mentions --db PATH --event ID\n"
    "\n"
    "Prints the mentions behind one event -- the records as `dyad code`\n"
    "writes them, each with its sentence and evidence -- in document order.\n"
    "Exit status 1 when there is no such event.\n";

/* ---------------------------------------------------------------- progress */

typedef struct progress {
    int on;                  /* stderr is a terminal and not --quiet */
    double start, last;
    unsigned long long total;  /* input bytes when known, else 0 */
} progress;

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void S_progress(progress *p, const dyad_ingest *g, int final)
{
    if (!p->on) return;
    double now = S_now();
    if (!final && now - p->last < 0.25) return;
    p->last = now;
    dyad_ingest_stats st;
    dyad_ingest_stats_get(g, &st);
    double el = now - p->start;
    double rate = el > 0 ? (double)st.docs / el : 0;
    char left[64] = "";
    if (!final && p->total && st.bytes && st.bytes < p->total && el > 1) {
        double secs = el * (double)(p->total - st.bytes) / (double)st.bytes;
        unsigned long t = (unsigned long)secs;
        snprintf(left, sizeof left, ", about %lum%02lus left", t / 60, t % 60);
    }
    fprintf(stderr, "\rdyad ingest: %zu documents (%zu unchanged), %zu mentions, %zu events, "
            "%.1f documents/s%s\033[K%s", st.docs, st.unchanged, st.mentions, st.events, rate,
            left, final ? "\n" : "");
}

/* Input bytes when every input is a plain (uncompressed) file. */
static unsigned long long S_total(const cli_inputs *in)
{
    unsigned long long t = 0;
    if (in->npaths == 0) return 0;
    for (int i = 0; i < in->npaths; i++) {
        struct stat sb;
        const char *p = in->paths[i];
        size_t n = strlen(p);
        if (!strcmp(p, "-") || stat(p, &sb) != 0 || !S_ISREG(sb.st_mode)) return 0;
        if ((n > 3 && !strcmp(p + n - 3, ".gz")) || (n > 4 && !strcmp(p + n - 4, ".zst")))
            return 0;
        t += (unsigned long long)sb.st_size;
    }
    return t;
}

/* ------------------------------------------------------------------ ingest */

typedef struct ingest_ctx {
    dyad_ingest *g;
    progress pr;
    int failed;              /* a store error: stop */
    size_t problems;
} ingest_ctx;

static void S_problem(void *vctx, const char *msg)
{
    ingest_ctx *x = vctx;
    if (x->pr.on) fputs("\r\033[K", stderr);
    cli_error("%s", msg);
}

static int S_doc(const dyad_doc *doc, void *vctx)
{
    ingest_ctx *x = vctx;
    if (dyad_ingest_add(x->g, doc) < 0) {
        x->failed = 1;
        return EXIT_SKIPPED;
    }
    S_progress(&x->pr, x->g, 0);
    return 0;
}

static int S_open(const char *cmd, const char *db, dyad_store **s, int readonly)
{
    if (!db) return cli_usage_error(cmd, "--db PATH is required");
    dyad_store_options so = {readonly, readonly, 0};
    const char *t = getenv("DYAD_BUSY_TIMEOUT_MS");
    if (t && *t) so.busy_timeout_ms = (unsigned)strtoul(t, NULL, 10);
    if (dyad_store_open(s, db, &so) != DYAD_OK) {
        cli_error("%s", dyad_store_errmsg(*s));
        dyad_store_close(*s);
        *s = NULL;
        return EXIT_SKIPPED;
    }
    return 0;
}

static int S_ingest_run(const char *cmd, int argc, char **argv, int recode)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *db = NULL, *dir = NULL, *jobs = NULL, *batch = NULL;
    int quiet = 0;
    const cli_opt opts[] = {{"--db", &db, NULL},       {"--dict-dir", &dir, NULL},
                            {"--jobs", &jobs, NULL},   {"-j", &jobs, NULL},
                            {"--batch", &batch, NULL}, {"--quiet", NULL, &quiet},
                            {NULL, NULL, NULL}};
    int rc = cli_parse(cmd, argc, argv, opts, &in);
    if (rc) return rc;
    if (recode && in.npaths) return cli_usage_error(cmd, "recode takes no inputs");
    unsigned nthreads = 0;
    if (jobs) {
        char *end = NULL;
        unsigned long v = strtoul(jobs, &end, 10);
        if (!*jobs || *end || v > 256)
            return cli_usage_error(cmd, "-j needs a number of jobs from 0 to 256, not '%s'", jobs);
        nthreads = (unsigned)v;
    }
    size_t nbatch = 0;
    if (batch) {
        char *end = NULL;
        unsigned long v = strtoul(batch, &end, 10);
        if (!*batch || *end || v < 1 || v > 1000000)
            return cli_usage_error(cmd, "--batch needs a number of documents from 1 to "
                                   "1000000, not '%s'", batch);
        nbatch = v;
    }
    dyad_store *s = NULL;
    if ((rc = S_open(cmd, db, &s, 0)) != 0) return rc;
    cli_dicts dicts;
    if (cli_load_dicts(dir, &dicts) != 0) {
        dyad_store_close(s);
        return EXIT_SKIPPED;
    }
    dyad_tagger *tg = NULL;
    if (dyad_tagger_new(&tg, NULL) != DYAD_OK) {
        cli_error("warning: cannot load the tagger: %s", dyad_tagger_errmsg(tg));
        dyad_tagger_free(tg);
        tg = NULL;
    }
    ingest_ctx x;
    memset(&x, 0, sizeof x);
    x.pr.on = !quiet && isatty(2);
    x.pr.start = x.pr.last = S_now();
    x.pr.total = recode ? 0 : S_total(&in);
    dyad_ingest_options o = dyad_ingest_defaults();
    o.threads = nthreads;
    o.batch = nbatch;
    o.dict_root = dicts.root;
    o.dict_label = dicts.label;
    o.on_problem = S_problem;
    o.ctx = &x;
    rc = EXIT_OK;
    if (dyad_ingest_new(&x.g, s, dicts.dict, tg, &o) != DYAD_OK) {
        cli_error("%s", dyad_ingest_errmsg(x.g));
        rc = EXIT_SKIPPED;
    } else {
        int skipped = 0;
        if (recode) {
            if (dyad_ingest_recode(x.g) < 0) x.failed = 1;
        } else {
            rc = cli_each_doc(&in, S_doc, &x, &skipped);
        }
        if (!x.failed && dyad_ingest_finish(x.g) < 0) x.failed = 1;
        S_progress(&x.pr, x.g, 1);
        if (x.failed) {
            cli_error("%s", dyad_ingest_errmsg(x.g));
            rc = EXIT_SKIPPED;
        }
        dyad_ingest_stats st;
        dyad_ingest_stats_get(x.g, &st);
        if (st.problems && rc == EXIT_OK) rc = EXIT_SKIPPED;
    }
    if (rc == EXIT_OK && dicts.errors) rc = EXIT_SKIPPED;
    dyad_ingest_free(x.g);
    dyad_tagger_free(tg);
    cli_free_dicts(&dicts);
    dyad_store_close(s);
    return rc;
}

static int S_ingest(int argc, char **argv) { return S_ingest_run("ingest", argc, argv, 0); }
static int S_recode(int argc, char **argv) { return S_ingest_run("recode", argc, argv, 1); }

/* ----------------------------------------------------------------- stories */

static int S_story(void *ctx, const dyad_story *st)
{
    dyad_json *j = ctx;
    dyad_json_obj_begin(j);
    dyad_json_key(j, "story_id");
    dyad_json_cstr(j, st->story_id);
    dyad_json_key(j, "num_docs");
    dyad_json_int(j, (long long)st->ndocs);
    dyad_json_key(j, "doc_ids");
    dyad_json_arr_begin(j);
    for (size_t i = 0; i < st->ndocs; i++) dyad_json_cstr(j, st->doc_ids[i]);
    dyad_json_arr_end(j);
    dyad_json_obj_end(j);
    dyad_json_newline(j);
    return 0;
}

static int S_stories(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *db = NULL;
    int all = 0;
    const cli_opt opts[] = {{"--db", &db, NULL}, {"--all", NULL, &all}, {NULL, NULL, NULL}};
    int rc = cli_parse("stories", argc, argv, opts, &in);
    if (rc) return rc;
    if (in.npaths) return cli_usage_error("stories", "unexpected argument '%s'", in.paths[0]);
    dyad_store *s = NULL;
    if ((rc = S_open("stories", db, &s, 1)) != 0) return rc;
    dyad_json *j = dyad_json_new(stdout);
    if (!j) { cli_error("out of memory"); dyad_store_close(s); return EXIT_SKIPPED; }
    rc = EXIT_OK;
    if (dyad_store_stories(s, all ? 1 : 2, S_story, j) != DYAD_OK) {
        cli_error("%s", dyad_store_errmsg(s));
        rc = EXIT_SKIPPED;
    }
    if (dyad_json_flush(j) != DYAD_OK || fflush(stdout) != 0) {
        cli_error("error writing output");
        rc = EXIT_SKIPPED;
    }
    dyad_json_free(j);
    dyad_store_close(s);
    return rc;
}

/* ------------------------------------------------------------------ events */

static int S_events(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *db = NULL, *dy = NULL, *fmt = "jsonl";
    dyad_event_filter f;
    memset(&f, 0, sizeof f);
    const cli_opt opts[] = {{"--db", &db, NULL},
                            {"--actor", &f.actor, NULL},
                            {"--dyad", &dy, NULL},
                            {"--code", &f.code_prefix, NULL},
                            {"--from", &f.from, NULL},
                            {"--to", &f.to, NULL},
                            {"--country", &f.country, NULL},
                            {"--modality", &f.modality, NULL},
                            {"--format", &fmt, NULL},
                            {NULL, NULL, NULL}};
    int rc = cli_parse("events", argc, argv, opts, &in);
    if (rc) return rc;
    if (in.npaths) return cli_usage_error("events", "unexpected argument '%s'", in.paths[0]);
    dyad_event_format ef;
    if (dyad_event_format_parse(fmt, &ef) != DYAD_OK)
        return cli_usage_error("events", "--format must be jsonl, csv, tsv or gdelt, not '%s'",
                               fmt);
    char a[64], b[64];
    if (dy) {
        const char *comma = strchr(dy, ',');
        if (!comma || comma == dy || !comma[1] || strchr(comma + 1, ',') ||
            (size_t)(comma - dy) >= sizeof a || strlen(comma + 1) >= sizeof b)
            return cli_usage_error("events", "--dyad needs two actor codes A,B, not '%s'", dy);
        memcpy(a, dy, (size_t)(comma - dy));
        a[comma - dy] = 0;
        strcpy(b, comma + 1);
        f.dyad_a = a;
        f.dyad_b = b;
    }
    if (f.modality && strcmp(f.modality, "asserted") && strcmp(f.modality, "planned") &&
        strcmp(f.modality, "negated") && strcmp(f.modality, "hypothetical"))
        return cli_usage_error("events", "--modality must be asserted, planned, negated or "
                               "hypothetical, not '%s'", f.modality);
    dyad_store *s = NULL;
    if ((rc = S_open("events", db, &s, 1)) != 0) return rc;
    size_t dirty = 0;
    if (dyad_store_dirty_count(s, &dirty) == DYAD_OK && dirty)
        cli_error("warning: %s: %zu consolidation key(s) wait to be redone after an "
                  "interrupted ingest; run 'dyad recode --db %s' to finish them", db, dirty,
                  db);
    rc = EXIT_OK;
    if (dyad_store_events_write(s, &f, stdout, ef, NULL) != DYAD_OK) {
        cli_error("%s", dyad_store_errmsg(s));
        rc = EXIT_SKIPPED;
    }
    if (fflush(stdout) != 0) { cli_error("error writing output"); rc = EXIT_SKIPPED; }
    dyad_store_close(s);
    return rc;
}

static int S_line(void *ctx, const char *json, size_t len)
{
    int *failed = ctx;
    if (fwrite(json, 1, len, stdout) != len || putchar('\n') == EOF) *failed = 1;
    return *failed;
}

static int S_mentions(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *db = NULL, *ev = NULL;
    const cli_opt opts[] = {{"--db", &db, NULL}, {"--event", &ev, NULL}, {NULL, NULL, NULL}};
    int rc = cli_parse("mentions", argc, argv, opts, &in);
    if (rc) return rc;
    if (in.npaths) return cli_usage_error("mentions", "unexpected argument '%s'", in.paths[0]);
    if (!ev) return cli_usage_error("mentions", "--event ID is required");
    dyad_store *s = NULL;
    if ((rc = S_open("mentions", db, &s, 1)) != 0) return rc;
    int failed = 0;
    rc = EXIT_OK;
    if (dyad_store_mentions(s, ev, S_line, &failed) != DYAD_OK) {
        cli_error("%s", dyad_store_errmsg(s));
        rc = EXIT_SKIPPED;
    }
    if (fflush(stdout) != 0 || failed) { cli_error("error writing output"); rc = EXIT_SKIPPED; }
    dyad_store_close(s);
    return rc;
}

const cli_command cli_cmd_events = {
    "events", "query a store's consolidated events (jsonl, csv, tsv, gdelt)", S_events_usage,
    S_events};
const cli_command cli_cmd_mentions = {
    "mentions", "the reports behind one stored event", S_mentions_usage, S_mentions};
const cli_command cli_cmd_ingest = {
    "ingest", "code documents into an event store (SQLite)", S_ingest_usage, S_ingest};
const cli_command cli_cmd_recode = {
    "recode", "code stored documents again with the current dictionaries", S_recode_usage,
    S_recode};
const cli_command cli_cmd_stories = {
    "stories", "list a store's stories (near-duplicate documents)", S_stories_usage, S_stories};
