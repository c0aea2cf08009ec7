/*
 * cmd_validate.c -- `dyad validate`: runs a PETRARCH validation file.
 * Loads the dictionaries its <Environment> names (from --dict-dir, by
 * default the file's own folder), codes every record's parse with the
 * options in force for it, compares the set of (source, target, code)
 * produced with the record's expected codings, prints each failing record
 * with both sets, and ends with exactly one line "N passed, M failed".
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char S_usage[] =
    "usage: dyad validate [--dict-dir DIR] [--reparse] [--explain] [--only ID]... FILE.xml\n"
    "\n"
    "Codes every record of a PETRARCH validation file (e.g.\n"
    "PETR.UnitTest.records.xml) with the dictionaries its <Environment>\n"
    "names, looked up in --dict-dir (default: the file's folder), and\n"
    "compares the (source, target, code) set produced with the expected\n"
    "<EventCoding> elements; a record expecting no event passes when none\n"
    "is produced, one expecting an error when coding fails.  Failing\n"
    "records are printed with both sets; the last line is\n"
    "\"N passed, M failed\".\n"
    "  --reparse    ignore the supplied parses: parse each record's text with\n"
    "               the built-in tagger and chunker\n"
    "  --explain    also print the coder's trace for each failing record\n"
    "  --only ID    run only the record(s) with this id\n"
    "\n"
    "Exit status: 0 when nothing failed, 1 otherwise, 2 usage error.\n";

static int S_load_dicts(dyad_dict *d, const dyad_suite *s, const char *dir)
{
    static const struct { const char *env; dyad_dict_kind kind; } files[] = {
        {"Verbfile", DYAD_DICT_VERBS},     {"Actorfile", DYAD_DICT_ACTORS},
        {"Agentfile", DYAD_DICT_AGENTS},   {"Discardfile", DYAD_DICT_DISCARDS},
        {"Issuefile", DYAD_DICT_ISSUES},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        const char *names = dyad_suite_env(s, files[i].env);
        if (!names) continue;
        /* a comma-separated list is allowed (actor files) */
        char buf[4096];
        snprintf(buf, sizeof buf, "%s", names);
        for (char *tok = strtok(buf, ", "); tok; tok = strtok(NULL, ", ")) {
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, tok);
            dyad_status st = dyad_dict_add_file(d, path, files[i].kind);
            if (st != DYAD_OK && st != DYAD_EDICT) {
                cli_error("%s", dyad_dict_errmsg(d));
                bad = 1;
            }
        }
    }
    if (dyad_dict_compile(d) == DYAD_ENOMEM) { cli_error("out of memory"); return -1; }
    return bad ? -1 : 0;
}

typedef struct triple { const char *s, *t, *c; } triple;

static int S_has(const triple *v, size_t n, const char *s, const char *t, const char *c)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].s, s) && !strcmp(v[i].t, t) && !strcmp(v[i].c, c)) return 1;
    return 0;
}

static void S_print_set(const char *what, const triple *v, size_t n)
{
    printf("  %-9s", what);
    if (!n) printf(" (none)");
    for (size_t i = 0; i < n; i++) printf(" [%s %s %s]", v[i].s, v[i].t, v[i].c);
    printf("\n");
}

static int S_run(int argc, char **argv)
{
    const char *dir = NULL, *file = NULL;
    int explain = 0, reparse = 0;
    const char *only[64];
    int nonly = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dict-dir") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--explain")) explain = 1;
        else if (!strcmp(argv[i], "--reparse")) reparse = 1;
        else if (!strcmp(argv[i], "--only") && i + 1 < argc && nonly < 64) only[nonly++] = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error("validate", "unknown option '%s'", argv[i]);
        else if (!file) file = argv[i];
        else return cli_usage_error("validate", "only one validation file");
    }
    if (!file) return cli_usage_error("validate", "no validation file given");
    char dirbuf[4096];
    if (!dir) {
        snprintf(dirbuf, sizeof dirbuf, "%s", file);
        char *slash = strrchr(dirbuf, '/');
        if (slash) *slash = 0; else snprintf(dirbuf, sizeof dirbuf, ".");
        dir = dirbuf;
    }
    dyad_suite *s = NULL;
    if (dyad_suite_load(&s, file) != DYAD_OK) {
        cli_error("%s", dyad_suite_errmsg(s));
        dyad_suite_free(s);
        return EXIT_SKIPPED;
    }
    dyad_dict *d = NULL;
    if (dyad_dict_new(&d) != DYAD_OK || S_load_dicts(d, s, dir) != 0) {
        dyad_dict_free(d);
        dyad_suite_free(s);
        return EXIT_SKIPPED;
    }
    dyad_tagger *tg = NULL;
    if (reparse && dyad_tagger_new(&tg, NULL) != DYAD_OK) {
        cli_error("cannot load the tagger: %s", dyad_tagger_errmsg(tg));
        dyad_tagger_free(tg);
        dyad_dict_free(d);
        dyad_suite_free(s);
        return EXIT_SKIPPED;
    }
    /* the PETRARCH mode: sentence by sentence, every act asserted */
    dyad_engine_options o = dyad_engine_defaults();
    o.mode = DYAD_MODE_PETRARCH;
    o.explain = explain;
    o.dict_root = dir;
    dyad_engine *c = NULL;
    if (dyad_engine_new(&c, d, tg, &o) != DYAD_OK) {
        cli_error("out of memory");
        dyad_tagger_free(tg);
        dyad_dict_free(d);
        dyad_suite_free(s);
        return EXIT_SKIPPED;
    }
    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < dyad_suite_count(s); i++) {
        const dyad_suite_record *r = dyad_suite_get(s, i);
        if (nonly) {
            int want = 0;
            for (int k = 0; k < nonly; k++) want |= !strcmp(only[k], r->id);
            if (!want) continue;
        }
        dyad_engine_set_option(c, "require_dyad", "true");
        for (size_t k = 0; k < r->noptions; k++)
            dyad_engine_set_option(c, r->option_names[k], r->option_values[k]);
        /* the record as a one-sentence document: its parse, or (with
         * --reparse) its text through the built-in parser; a record
         * whose expected outcome is a bad parse has no such thing there
         * and is judged like any other */
        dyad_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = r->id;
        doc.text = r->text ? r->text : "";
        doc.len = strlen(doc.text);
        doc.date = r->date;
        doc.path = file;
        doc.line = r->line;
        doc.one_sentence = 1;
        if (!reparse) doc.parse = r->parse;
        dyad_status st;
        if (!reparse && !r->parse) st = DYAD_EFORMAT;
        else if (reparse && (!r->text || strspn(r->text, " \t\r\n") == strlen(r->text))) st = DYAD_EFORMAT;
        else st = dyad_engine_code(c, &doc);
        triple exp[64], got[64];
        size_t ne = 0, ng = 0;
        for (size_t k = 0; k < r->ncodings && ne < 64; k++) {
            const dyad_suite_coding *x = &r->codings[k];
            if (!x->source || !x->target || !x->code) continue;
            if (!S_has(exp, ne, x->source, x->target, x->code))
                exp[ne++] = (triple){x->source, x->target, x->code};
        }
        if (st == DYAD_OK) {
            for (size_t k = 0; k < dyad_engine_record_count(c) && ng < 64; k++) {
                const dyad_record *e = dyad_engine_record(c, k);
                if (!S_has(got, ng, e->source, e->target, e->code))
                    got[ng++] = (triple){e->source, e->target, e->code};
            }
        }
        int ok;
        /* an expected error: coding must fail, or, for the discard
         * errors, the sentence must have been discarded */
        if (r->error && strstr(r->error, "storydiscard"))
            ok = st == DYAD_OK && dyad_engine_discarded(c) == DYAD_DISCARD_STORY;
        else if (r->error && strstr(r->error, "sentencediscard"))
            ok = st == DYAD_OK && dyad_engine_discarded(c) == DYAD_DISCARD_SENTENCE;
        else if (r->error) ok = st != DYAD_OK;
        else {
            ok = st == DYAD_OK && ne == ng;
            for (size_t k = 0; ok && k < ne; k++) ok = S_has(got, ng, exp[k].s, exp[k].t, exp[k].c);
        }
        if (ok) { passed++; continue; }
        failed++;
        printf("FAIL %s (%s, line %lu)\n", r->id, r->category ? r->category : "-", r->line);
        if (r->text) printf("  text      %s\n", r->text);
        if (r->error) printf("  expected  error %s\n", r->error);
        else S_print_set("expected", exp, ne);
        if (st != DYAD_OK)
            printf("  produced  error: %s\n",
                   dyad_engine_problem_count(c) ? dyad_engine_problem(c, 0) : dyad_strerror(st));
        else S_print_set("produced", got, ng);
        if (explain && st == DYAD_OK) {
            const char *tr = dyad_engine_trace(c);
            printf("  trace:\n");
            for (const char *p = tr; *p;) {
                const char *nl = strchr(p, '\n');
                size_t len = nl ? (size_t)(nl - p) : strlen(p);
                printf("    %.*s\n", (int)len, p);
                p += len + (nl != NULL);
            }
        }
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    dyad_engine_free(c);
    dyad_tagger_free(tg);
    dyad_dict_free(d);
    dyad_suite_free(s);
    return failed ? EXIT_SKIPPED : EXIT_OK;
}

const cli_command cli_cmd_validate = {
    "validate",
    "run a PETRARCH validation file and report passed and failed records",
    S_usage,
    S_run,
};
