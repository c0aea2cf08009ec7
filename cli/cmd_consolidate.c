/*
 * cmd_consolidate.c -- `dyad consolidate`: a stream of mentions (`dyad
 * code` output) in, consolidated events out.  Options and printing only:
 * the consolidator (dyad_consolidator_*) reads and merges, an event
 * writer (dyad_event_writer_*) writes.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char S_usage[] =
    "usage: dyad consolidate [--format jsonl|csv|tsv|gdelt] [FILE...]\n"
    "\n"
    "Reads mentions -- the JSON Lines `dyad code` writes, from the files or\n"
    "from standard input (no FILE, or -) -- and merges those that report\n"
    "the same event: the same pair of countries in either direction,\n"
    "compatible CAMEO codes (040 and 041), dates within a day (a month or\n"
    "a year holding the day), the same modality (docs/CONSOLIDATION.md).\n"
    "Writes one line per event, in a canonical order; the output depends\n"
    "on the set of mentions only, never on their order.\n"
    "  --format FMT   jsonl (default: every field of the event and the\n"
    "                 counts num_mentions, num_articles, num_sources), csv\n"
    "                 or tsv (a header row; RFC 4180 quoting), gdelt (the\n"
    "                 61 columns of the GDELT 2.0 event table, tab-separated)\n"
    "                 -- columns in docs/FORMATS.md\n"
    "\n"
    "A malformed line is reported with its FILE:LINE and skipped; the rest\n"
    "is read.  Exit status: 0 ok; 1 some input was skipped; 2 usage error.\n";

static int S_run(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *format = NULL;
    const cli_opt opts[] = {{"--format", &format, NULL}, {NULL, NULL, NULL}};
    int rc = cli_parse("consolidate", argc, argv, opts, &in);
    if (rc) return rc;
    dyad_event_format fmt = DYAD_EVENTS_JSONL;
    if (format && dyad_event_format_parse(format, &fmt) != DYAD_OK)
        return cli_usage_error("consolidate", "--format must be jsonl, csv, tsv or gdelt, not '%s'",
                               format);
    static char *const S_stdin[] = {"-"};
    char *const *files = in.npaths ? in.paths : S_stdin;
    int nfiles = in.npaths ? in.npaths : 1;

    dyad_consolidator *c = NULL;
    if (dyad_consolidator_new(&c) != DYAD_OK) { cli_error("out of memory"); return EXIT_SKIPPED; }
    rc = EXIT_OK;
    for (int i = 0; i < nfiles; i++) {
        dyad_status st = dyad_consolidator_add_file(c, files[i]);
        for (size_t k = 0; k < dyad_consolidator_problem_count(c); k++)
            cli_error("%s", dyad_consolidator_problem(c, k));
        if (st == DYAD_ENOMEM) {
            cli_error("%s", dyad_consolidator_errmsg(c));
            dyad_consolidator_free(c);
            return EXIT_SKIPPED;
        }
        if (st != DYAD_OK) rc = EXIT_SKIPPED;
    }
    if (dyad_consolidator_run(c) != DYAD_OK) {
        cli_error("%s", dyad_consolidator_errmsg(c));
        dyad_consolidator_free(c);
        return EXIT_SKIPPED;
    }
    dyad_event_writer *w = NULL;
    if (dyad_event_writer_new(&w, stdout, fmt) != DYAD_OK) {
        cli_error("out of memory");
        dyad_consolidator_free(c);
        return EXIT_SKIPPED;
    }
    for (size_t i = 0; i < dyad_consolidator_event_count(c); i++)
        dyad_event_writer_write(w, dyad_consolidator_event(c, i));
    if (dyad_event_writer_flush(w) != DYAD_OK) {
        cli_error("error writing output");
        rc = EXIT_SKIPPED;
    }
    dyad_event_writer_free(w);
    dyad_consolidator_free(c);
    return rc;
}

const cli_command cli_cmd_consolidate = {
    "consolidate",
    "merge mentions (dyad code output) into events",
    S_usage,
    S_run,
};
