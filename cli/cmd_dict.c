/*
 * cmd_dict.c -- `dyad dict check|stats|lookup`: the dictionary stage made
 * visible.  check loads dictionaries and reports every malformed line as
 * FILE:LINE; stats counts what was loaded; lookup shows which entries a
 * phrase matches, with the code chosen for a date and the FILE:LINE of
 * each entry.  Uses only dyad.h.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char S_usage[] =
    "usage: dyad dict check [--quiet] DIR|FILE...\n"
    "       dyad dict stats  [SOURCES] [DIR|FILE...]\n"
    "       dyad dict lookup \"PHRASE\" [--date YYYY-MM-DD] [SOURCES]\n"
    "\n"
    "Dictionaries in the TABARI/PETRARCH formats: verbs (blocks, synsets,\n"
    "patterns, transformations), actors (date-restricted codes), agents,\n"
    "discards and issues.  A directory contributes its *.txt files, each\n"
    "recognised by its name (*verbs*, *actors*, *agents*, *discards*,\n"
    "*issue*) or else by its content; a file named on the command line is\n"
    "recognised the same way.\n"
    "\n"
    "SOURCES (may be repeated):\n"
    "  --dict-dir DIR     every dictionary in DIR (default: $DYAD_DICT_DIR,\n"
    "                     else the built-in dictionaries)\n"
    "  --verbs FILE  --actors FILE  --agents FILE  --discards FILE\n"
    "  --issues FILE      a file of a given kind\n"
    "\n"
    "check   prints each diagnostic as FILE:LINE: error|warning: message,\n"
    "        then a summary; exit 1 when there is any error.  --quiet\n"
    "        prints only errors and the summary.\n"
    "stats   prints counts per kind.\n"
    "lookup  prints every actor, agent, discard or issue entry matching the\n"
    "        whole phrase, every verb form in it, and the patterns of that\n"
    "        verb's block whose words occur around it, each with the code\n"
    "        (for actors: the code in force on --date, default undated) and\n"
    "        FILE:LINE.  Exit 1 when nothing matches.\n"
    "\n"
    "Exit status: 0 ok; 1 errors (check) or no match (lookup) or a source\n"
    "could not be read; 2 usage error.\n";

typedef struct source {
    const char *path;
    int kind;            /* -1: directory, 0: recognise, else a kind */
} source;

typedef struct dopts {
    source *src;
    int nsrc;
    const char *phrase;
    const char *date;
    int quiet;
} dopts;

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int S_is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* A calendar date written YYYY-MM-DD. */
static int S_date_ok(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

/* Parses options after the subcommand; positional arguments become
 * sources (or the phrase for lookup). */
static int S_parse(int argc, char **argv, const char *sub, dopts *o)
{
    static const struct {
        const char *opt;
        int kind;
    } kinds[] = {{"--verbs", DYAD_DICT_VERBS},       {"--actors", DYAD_DICT_ACTORS},
                 {"--agents", DYAD_DICT_AGENTS},     {"--discards", DYAD_DICT_DISCARDS},
                 {"--issues", DYAD_DICT_ISSUES},     {"--dict-dir", -1}};
    int lookup = strcmp(sub, "lookup") == 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int matched = 0;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
            size_t l = strlen(kinds[k].opt);
            if (strncmp(a, kinds[k].opt, l) == 0 && (a[l] == 0 || a[l] == '=')) {
                const char *v = a[l] == '=' ? a + l + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!v || !*v) return cli_usage_error("dict", "%s needs a value", kinds[k].opt);
                o->src[o->nsrc].path = v;
                o->src[o->nsrc].kind = kinds[k].kind;
                o->nsrc++;
                matched = 1;
                break;
            }
        }
        if (matched) continue;
        if (strcmp(a, "--date") == 0 || strncmp(a, "--date=", 7) == 0) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) return cli_usage_error("dict", "--date needs a value");
            o->date = v;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "--") == 0) {
            while (++i < argc) {
                o->src[o->nsrc].path = argv[i];
                o->src[o->nsrc].kind = S_is_dir(argv[i]) ? -1 : 0;
                o->nsrc++;
            }
        } else if (a[0] == '-' && a[1] != 0) {
            return cli_usage_error("dict", "unknown option '%s'", a);
        } else if (lookup && !o->phrase) {
            o->phrase = a;
        } else {
            o->src[o->nsrc].path = a;
            o->src[o->nsrc].kind = S_is_dir(a) ? -1 : 0;
            o->nsrc++;
        }
    }
    return 0;
}

/* Loads every source; returns 0, or 1 when a source could not be read. */
static int S_load(dyad_dict *d, const dopts *o)
{
    int bad = 0;
    for (int i = 0; i < o->nsrc; i++) {
        dyad_status st = o->src[i].kind < 0
                             ? dyad_dict_add_dir(d, o->src[i].path)
                             : dyad_dict_add_file(d, o->src[i].path,
                                                  (dyad_dict_kind)o->src[i].kind);
        if (st == DYAD_ENOMEM) {
            cli_error("out of memory");
            return 1;
        }
        if (st != DYAD_OK && st != DYAD_EDICT) {
            cli_error("%s", dyad_dict_errmsg(d));
            bad = 1;
        }
    }
    if (dyad_dict_compile(d) == DYAD_ENOMEM) {
        cli_error("out of memory");
        return 1;
    }
    return bad;
}

static void S_print_diag(const dyad_dict_diag *g)
{
    const char *sev = g->severity == DYAD_DICT_ERROR ? "error" : "warning";
    if (g->file && g->line) printf("%s:%lu: %s: %s\n", g->file, g->line, sev, g->message);
    else if (g->file) printf("%s: %s: %s\n", g->file, sev, g->message);
    else printf("%s: %s\n", sev, g->message);
}

static int S_check(dyad_dict *d, const dopts *o)
{
    double t0 = S_now();
    int bad = S_load(d, o);
    double t1 = S_now();
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if (o->quiet && g->severity != DYAD_DICT_ERROR) continue;
        S_print_diag(g);
    }
    size_t kept = dyad_dict_diag_count(d);
    size_t all = dyad_dict_error_count(d) + dyad_dict_warning_count(d);
    if (all > kept) printf("(%zu more diagnostics not kept)\n", all - kept);
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    printf("%zu file(s), %zu line(s), %zu entries: %zu error(s), %zu warning(s) (%.3f s)\n",
           s.files, s.lines, s.entries, dyad_dict_error_count(d), dyad_dict_warning_count(d),
           t1 - t0);
    return (bad || dyad_dict_error_count(d)) ? EXIT_SKIPPED : EXIT_OK;
}

/* A small set of short strings (codes), kept sorted. */
typedef struct strset { char (*v)[16]; size_t n, cap; } strset;

static int S_scmp(const void *a, const void *b) { return strcmp(a, b); }

static void S_set_add(strset *x, const char *code)
{
    if (!code || strlen(code) >= 16) return;
    if (x->n && bsearch(code, x->v, x->n, sizeof *x->v, S_scmp)) return;
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 256;
        char (*v)[16] = realloc(x->v, cap * sizeof *v);
        if (!v) return;
        x->v = v;
        x->cap = cap;
    }
    snprintf(x->v[x->n++], 16, "%s", code);
    qsort(x->v, x->n, sizeof *x->v, S_scmp);
}

/* Coverage figures: distinct CAMEO event codes reachable by verb lines
 * and patterns, distinct three-letter country codes among actor codes,
 * and actor records whose codes carry date ranges (office holders). */
static void S_coverage(const dyad_dict *d, const dyad_dict_stats *s)
{
    strset codes = {0}, pcodes = {0}, countries = {0};
    size_t dated = 0;
    unsigned last_group = 0;
    for (unsigned id = 1; id <= s->entries; id++) {
        dyad_dict_entry e;
        if (dyad_dict_entry_get(d, id, &e) != DYAD_OK) continue;
        if (e.kind == DYAD_DICT_VERBS) {
            if (e.code && strcmp(e.code, "---")) S_set_add(&codes, e.code);
            if (e.passive_code && strcmp(e.passive_code, "---")) S_set_add(&codes, e.passive_code);
        } else if (e.kind == DYAD_DICT_ACTORS && e.group != last_group) {
            last_group = e.group;
            const dyad_dict_code *k;
            size_t n = dyad_dict_actor_codes(d, id, &k);
            int has_dates = 0;
            for (size_t i = 0; i < n; i++) {
                has_dates |= k[i].when != DYAD_DICT_ALWAYS;
                const char *c = k[i].code;
                if (c && strlen(c) >= 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' &&
                    c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z') {
                    char cc[4] = {c[0], c[1], c[2], 0};
                    if (strcmp(cc, "IGO") && strcmp(cc, "NGO") && strcmp(cc, "IMG"))
                        S_set_add(&countries, cc);
                }
            }
            dated += has_dates;
        }
    }
    for (unsigned id = 1; id <= dyad_dict_pattern_count(d); id++) {
        dyad_dict_pattern p;
        if (dyad_dict_pattern_get(d, id, &p) != DYAD_OK) continue;
        if (p.code && strcmp(p.code, "---")) { S_set_add(&codes, p.code); S_set_add(&pcodes, p.code); }
        if (p.passive_code && strcmp(p.passive_code, "---")) {
            S_set_add(&codes, p.passive_code);
            S_set_add(&pcodes, p.passive_code);
        }
    }
    printf("event codes      %zu distinct on verbs and patterns (%zu on patterns)\n", codes.n,
           pcodes.n);
    printf("countries        %zu distinct three-letter codes in actor codes\n", countries.n);
    printf("dated actors     %zu actor records with date-restricted codes\n", dated);
    free(codes.v);
    free(pcodes.v);
    free(countries.v);
}

static int S_stats(dyad_dict *d, const dopts *o)
{
    double t0 = S_now();
    int bad = S_load(d, o);
    double t1 = S_now();
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    printf("files            %zu (%zu lines, loaded in %.3f s)\n", s.files, s.lines, t1 - t0);
    printf("verbs            %zu blocks, %zu verbs, %zu forms, %zu patterns\n", s.verb_blocks,
           s.verbs, s.verb_forms, s.patterns);
    printf("synsets          %zu (%zu members), %zu transformations\n", s.synsets,
           s.synset_members, s.transformations);
    printf("actors           %zu actors, %zu phrases, %zu codes\n", s.actors, s.actor_phrases,
           s.actor_codes);
    printf("agents           %zu phrases\n", s.agents);
    printf("discards         %zu phrases\n", s.discards);
    printf("issues           %zu phrases\n", s.issues);
    printf("entries          %zu (%zu distinct words, %zu trie nodes, %.1f MiB)\n", s.entries,
           s.words, s.trie_nodes, (double)s.bytes / (1024.0 * 1024.0));
    S_coverage(d, &s);
    printf("diagnostics      %zu error(s), %zu warning(s)\n", dyad_dict_error_count(d),
           dyad_dict_warning_count(d));
    return bad ? EXIT_SKIPPED : EXIT_OK;
}

static void S_print_entry_head(const dyad_dict *d, const dyad_dict_entry *e, char *text,
                               size_t cap)
{
    static const char *const singular[] = {"?", "verb", "actor", "agent", "discard", "issue"};
    dyad_dict_entry_text(d, e->id, text, cap);
    printf("%s:%lu: %s %s", e->file ? e->file : "?", e->line,
           (int)e->kind > 0 && (int)e->kind < DYAD_DICT_NKINDS ? singular[e->kind] : "?", text);
}

static int S_lookup(dyad_dict *d, const dopts *o)
{
    if (!o->phrase) return cli_usage_error("dict", "lookup needs a phrase");
    if (o->date && !S_date_ok(o->date))
        return cli_usage_error("dict", "--date wants a date YYYY-MM-DD, not '%s'", o->date);
    int bad = S_load(d, o);
    for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if (g->severity == DYAD_DICT_ERROR) {
            fprintf(stderr, "dyad: dictionaries have %zu error(s); see 'dyad dict check'\n",
                    dyad_dict_error_count(d));
            break;
        }
    }
    size_t max = 4096;
    dyad_dict_hit *hits = malloc(max * sizeof *hits);
    if (!hits) {
        cli_error("out of memory");
        return EXIT_SKIPPED;
    }
    size_t n = dyad_dict_lookup(d, o->phrase, hits, max);
    if (n > max) n = max;
    char text[1024];
    for (size_t i = 0; i < n; i++) {
        dyad_dict_entry e;
        if (dyad_dict_entry_get(d, hits[i].entry, &e) != DYAD_OK) continue;
        if (hits[i].pattern) {
            dyad_dict_pattern p;
            dyad_dict_pattern_get(d, hits[i].pattern, &p);
            printf("%s:%lu: pattern - %s [%s%s%s]\n", p.file, p.line, p.text,
                   p.code ? p.code : "", p.passive_code ? ":" : "",
                   p.passive_code ? p.passive_code : "");
            continue;
        }
        S_print_entry_head(d, &e, text, sizeof text);
        if (e.kind == DYAD_DICT_ACTORS) {
            const dyad_dict_code *c = dyad_dict_actor_code(d, e.id, o->date);
            if (!c) printf(" -> (no code%s%s)", o->date ? " on " : "", o->date ? o->date : "");
            else if (c->when == DYAD_DICT_ALWAYS)
                printf(" -> %s (default, line %lu)", c->code, c->line);
            else if (c->when == DYAD_DICT_BEFORE)
                printf(" -> %s (restriction <=%ld, line %lu)", c->code, c->to, c->line);
            else if (c->when == DYAD_DICT_AFTER)
                printf(" -> %s (restriction >=%ld, line %lu)", c->code, c->from, c->line);
            else
                printf(" -> %s (restriction %ld..%ld, line %lu)", c->code, c->from, c->to,
                       c->line);
            if (!(e.flags & DYAD_DICT_F_PRIMARY)) {
                const dyad_dict_code *all;
                size_t nc = dyad_dict_actor_codes(d, e.id, &all);
                (void)all;
                printf(" [synonym; %zu code(s) in the record]", nc);
            }
        } else if (e.kind == DYAD_DICT_AGENTS) {
            if (e.flags & DYAD_DICT_F_PREFIX) printf(" -> %s~ (before the actor code)", e.code);
            else printf(" -> ~%s (after the actor code)", e.code);
        } else if (e.kind == DYAD_DICT_VERBS) {
            dyad_dict_block b;
            dyad_dict_block_get(d, e.group, &b);
            printf(" -> %s%s%s (block %s at line %lu, %zu pattern(s)%s)", e.code ? e.code : "",
                   e.passive_code ? ":" : "", e.passive_code ? e.passive_code : "", b.name,
                   b.line, b.npatterns,
                   (e.flags & DYAD_DICT_F_GENERATED) ? "; generated form" : "");
        } else if (e.kind == DYAD_DICT_DISCARDS) {
            printf(" -> discard the %s", (e.flags & DYAD_DICT_F_STORY) ? "story" : "sentence");
        } else if (e.kind == DYAD_DICT_ISSUES) {
            if (e.flags & DYAD_DICT_F_EXCLUDE)
                printf(" -> exclude %s issues%s%s", (e.flags & DYAD_DICT_F_STORY) ? "story" : "sentence",
                       e.category ? " of " : "", e.category ? e.category : "");
            else
                printf(" -> %s%s%s", e.code, e.category ? " in " : "",
                       e.category ? e.category : "");
        }
        printf("\n");
    }
    free(hits);
    if (bad) return EXIT_SKIPPED;
    return n ? EXIT_OK : EXIT_SKIPPED;
}

static int S_run(int argc, char **argv)
{
    if (argc < 2) return cli_usage_error("dict", "missing subcommand (check, stats, lookup)");
    const char *sub = argv[1];
    if (strcmp(sub, "check") != 0 && strcmp(sub, "stats") != 0 && strcmp(sub, "lookup") != 0)
        return cli_usage_error("dict", "unknown subcommand '%s'", sub);
    dopts o;
    memset(&o, 0, sizeof o);
    source src[argc + 1];
    o.src = src;
    int rc = S_parse(argc, argv, sub, &o);
    if (rc) return rc;
    if (strcmp(sub, "lookup") == 0 && !o.phrase)
        return cli_usage_error("dict", "lookup needs a phrase");
    if (o.nsrc == 0) {
        const char *env = getenv("DYAD_DICT_DIR");
        if (!env || !*env) env = dyad_data_dir("dict");   /* the built-in set */
        if (!env || !*env)
            return cli_usage_error("dict", "no dictionaries: give DIR|FILE, --dict-dir DIR, or "
                                           "set DYAD_DICT_DIR");
        src[0].path = env;
        src[0].kind = -1;
        o.nsrc = 1;
    }
    dyad_dict *d;
    if (dyad_dict_new(&d) != DYAD_OK) {
        cli_error("out of memory");
        return EXIT_SKIPPED;
    }
    if (strcmp(sub, "check") == 0) rc = S_check(d, &o);
    else if (strcmp(sub, "stats") == 0) rc = S_stats(d, &o);
    else rc = S_lookup(d, &o);
    if (fflush(stdout) != 0) {
        cli_error("error writing output");
        rc = EXIT_SKIPPED;
    }
    dyad_dict_free(d);
    return rc;
}

const cli_command cli_cmd_dict = {
    "dict",
    "check, count and query event-coding dictionaries (TABARI/PETRARCH)",
    S_usage,
    S_run,
};
