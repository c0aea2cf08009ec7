/*
 * cmd_code.c -- `dyad code`: documents in, events out, as JSON Lines.
 * Options and printing only: the engine (dyad_engine_*) codes each
 * document and dyad_record_write_json() writes each record.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char S_usage[] =
    "usage: dyad code [--dict-dir DIR] [--explain] [--modality WHICH]\n"
    "                 [--input-format FMT] [--max-doc-bytes N] [INPUT...]\n"
    "\n"
    "Codes documents into events, one JSON object per line, every field on\n"
    "every line (null when unknown):\n"
    "  doc_id, sentence_id, date (when the event happened: YYYY-MM-DD,\n"
    "  YYYY-MM or YYYY), date_precision (day, month, year, unknown),\n"
    "  date_basis (text, document, dateline), date_text, doc_date, doc_source,\n"
    "  background (over 30 days before the document), modality (asserted,\n"
    "  planned, negated, hypothetical), location (country, place, lat,\n"
    "  lon), source, target, code, root, quad_class, goldstein, plover,\n"
    "  issues (topics), source_text, target_text, verb_text,\n"
    "  negated, sentence_start, sentence_end (byte offsets), sentence,\n"
    "  evidence (dictionary entries as FILE:LINE -- builtin:FILE for the\n"
    "  built-in dictionaries, else relative to --dict-dir -- with the\n"
    "  tokens they matched).\n"
    "Documents with a parse (PETRARCH XML) are coded from it; raw text is\n"
    "split into sentences and parsed by the built-in tagger and chunker.\n"
    "  --dict-dir DIR     dictionaries to use (default: $DYAD_DICT_DIR, else\n"
    "                     the built-in dictionaries)\n"
    "  --explain          print, per sentence, why each event was or was not\n"
    "                     coded, instead of JSON\n"
    "  --modality WHICH   asserted (default: events reported as done) or all\n"
    "                     (also planned, negated and hypothetical ones)\n"
    "  --input-format FMT auto (default), text, jsonl or xml\n"
    "  --max-doc-bytes N  longest document read (default 16M; K, M, G: KiB,\n"
    "                     MiB, GiB); a longer one is reported and skipped.\n"
    "                     Memory grows with a document by 2 to 3 times its\n"
    "                     size, not with the corpus\n"
    "  -j N, --jobs N     code N documents at a time (0, the default: one per\n"
    "                     processor); the output is the same for any N\n"
    "\n"
    "Exit status: 0 ok; 1 some input was skipped; 2 usage error.\n";

typedef struct code_ctx {
    dyad_pool *pool;
    int explain;
    int skipped;
    int write_error;
} code_ctx;

/* Prints one document's result: its problems, then its records (or its
 * trace), in the order the documents came. */
static void S_print(code_ctx *x, const dyad_pool_result *r)
{
    for (size_t i = 0; i < r->nproblems; i++) cli_error("%s", r->problems[i]);
    if (r->status != DYAD_OK) x->skipped++;
    if (x->explain) {
        if (fputs(r->trace, stdout) == EOF) x->write_error = 1;
    } else if (dyad_pool_result_write(r, stdout) != DYAD_OK) {
        x->write_error = 1;
    }
}

static int S_take(code_ctx *x)
{
    dyad_pool_result r;
    dyad_status st = dyad_pool_next(x->pool, &r);
    if (st != DYAD_OK) return 0;
    S_print(x, &r);
    return r.status == DYAD_ENOMEM ? EXIT_SKIPPED : 0;
}

static int S_doc(const dyad_doc *doc, void *vctx)
{
    code_ctx *x = vctx;
    int rc = 0;
    /* at most a window of documents, and of text, in flight */
    while (!dyad_pool_room(x->pool, doc->len) && dyad_pool_pending(x->pool)) {
        int r2 = S_take(x);
        if (r2 && !rc) rc = r2;
    }
    if (dyad_pool_submit(x->pool, doc) != DYAD_OK) {
        cli_error("%s:%lu: document %s: out of memory; skipped", doc->path, doc->line, doc->id);
        x->skipped++;
        return EXIT_SKIPPED;
    }
    return rc;
}

static int S_run(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *dir = NULL, *modality = NULL, *jobs = NULL;
    code_ctx x;
    memset(&x, 0, sizeof x);
    const cli_opt opts[] = {{"--dict-dir", &dir, NULL},
                            {"--explain", NULL, &x.explain},
                            {"--modality", &modality, NULL},
                            {"--jobs", &jobs, NULL},
                            {"-j", &jobs, NULL},
                            {NULL, NULL, NULL}};
    int rc0 = cli_parse("code", argc, argv, opts, &in);
    if (rc0) return rc0;
    unsigned nthreads = 0;
    if (jobs) {
        char *end = NULL;
        unsigned long v = strtoul(jobs, &end, 10);
        if (!*jobs || *end || v > 256)
            return cli_usage_error("code", "-j needs a number of jobs from 0 to 256, not '%s'", jobs);
        nthreads = (unsigned)v;
    }
    dyad_engine_options o = dyad_engine_defaults();
    if (modality && !strcmp(modality, "all"))
        o.modalities = (1u << DYAD_ASSERTED) | (1u << DYAD_PLANNED) | (1u << DYAD_NEGATED) |
                       (1u << DYAD_HYPOTHETICAL);
    else if (modality && strcmp(modality, "asserted"))
        return cli_usage_error("code", "--modality must be asserted or all, not '%s'", modality);
    o.explain = x.explain;
    cli_dicts dicts;
    if (cli_load_dicts(dir, &dicts) != 0) return EXIT_SKIPPED;
    o.dict_root = dicts.root;
    o.dict_label = dicts.label;
    dyad_tagger *tg = NULL;
    if (dyad_tagger_new(&tg, NULL) != DYAD_OK) {
        /* parsed input (PETRARCH XML) is still coded; raw text is
         * reported document by document */
        cli_error("warning: cannot load the tagger: %s", dyad_tagger_errmsg(tg));
        dyad_tagger_free(tg);
        tg = NULL;
    }
    int rc = EXIT_SKIPPED, skipped = 0;
    if (dyad_pool_new(&x.pool, dicts.dict, tg, &o, nthreads) == DYAD_OK) {
        /* a long document's records wait in a temporary file, not in
         * memory, until the documents before it are written */
        dyad_pool_set_spill(x.pool, (size_t)4 << 20);
        rc = cli_each_doc(&in, S_doc, &x, &skipped);
        while (dyad_pool_pending(x.pool)) {
            int r2 = S_take(&x);
            if (r2 && rc == EXIT_OK) rc = r2;
        }
        if (fflush(stdout) != 0 || x.write_error) { cli_error("error writing output"); rc = EXIT_SKIPPED; }
    } else {
        cli_error("out of memory");
    }
    if (rc == EXIT_OK && (x.skipped || dicts.errors)) rc = EXIT_SKIPPED;
    dyad_pool_free(x.pool);
    dyad_tagger_free(tg);
    cli_free_dicts(&dicts);
    return rc;
}

const cli_command cli_cmd_code = {
    "code",
    "code documents into events (JSON Lines, one object per event)",
    S_usage,
    S_run,
};
