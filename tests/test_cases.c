/*
 * test_cases.c -- the CAMEO codebook as an executable test (issue 19).
 *
 * Reads the case files tests/cases/01.txt ... 20.txt (the format is in
 * tests/cases/README.md), codes every sentence as a document of its own
 * through the public API as `dyad code` does (news mode, asserted events,
 * built-in dictionaries, built-in tagger and chunker), and compares the
 * sentence's events with the expected ones at the country level: the
 * first three characters of each actor code ("" for none) and the exact
 * event code.  A sentence is coded exactly when the two sets are equal.
 *
 * Prints a table per root (cases, exactly coded, the committed floor, and
 * why the others failed: no event, no event with the expected code, the
 * code with other actors, extra events, events in a negative case) and
 * fails when any root codes fewer sentences exactly than the ratchet
 * tests/cases/baseline allows.  Environment:
 *   DYAD_CASES_UPDATE=1   rewrite the baseline with today's counts
 *   DYAD_CASES_SHOW=all   print every sentence coded otherwise (=NN: only
 *                         root NN), with what was expected and what came
 *   DYAD_CASES_DIR=DIR    read the case files from DIR
 * Exits 77 (skipped) without the tagger data, 1 on a malformed case file
 * (each problem named by file and line) or a root below its floor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#ifndef DYAD_BUILTIN_DICT_DIR
#error "DYAD_BUILTIN_DICT_DIR must name the built-in dictionaries"
#endif

#define S_ROOTS 20
#define S_MAXEV 16

/* One event at the country level: "SRC TGT CODE" pieces. */
typedef struct ev {
    char src[4], tgt[4], code[8];
} ev;

typedef struct tally {
    int cases, exact, actors_exact, floor;
    int none, code, actors, extra, spurious;
} tally;

static int g_show_root = -1;  /* -1 none, 0 all, else the root */

/* The country part of an actor code: its first three characters; "" for
 * none ("", "-", "---"). */
static void S_country(char out[4], const char *code)
{
    out[0] = 0;
    if (!code || !*code || !strcmp(code, "-") || !strcmp(code, "---")) return;
    size_t n = strnlen(code, 3);
    memcpy(out, code, n);
    out[n] = 0;
}

static int S_ev_eq(const ev *a, const ev *b)
{
    return !strcmp(a->src, b->src) && !strcmp(a->tgt, b->tgt) && !strcmp(a->code, b->code);
}

static int S_has(const ev *v, int n, const ev *x)
{
    for (int i = 0; i < n; i++)
        if (S_ev_eq(&v[i], x)) return 1;
    return 0;
}

static int S_has_code(const ev *v, int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i].code, code)) return 1;
    return 0;
}

/* Adds x to the set v (n events) unless it is there. */
static void S_add(ev *v, int *n, const ev *x)
{
    if (*n < S_MAXEV && !S_has(v, *n, x)) v[(*n)++] = *x;
}

/* A case being read: its sentence and expected events (country level and
 * as written, for the stricter count). */
typedef struct tcase {
    char text[1024];
    long line;
    ev want[S_MAXEV];
    int nwant;
    char full[S_MAXEV][3][32];  /* the expected codes as written */
    int nfull;
    int negative;               /* "= none" */
} tcase;

static void S_print_events(const char *label, const ev *v, int n)
{
    printf("      %s:", label);
    if (!n) printf(" (none)");
    for (int i = 0; i < n; i++)
        printf(" %s%s %s %s", i ? "; " : "", v[i].src[0] ? v[i].src : "-",
               v[i].tgt[0] ? v[i].tgt : "-", v[i].code);
    printf("\n");
}

/* Codes one case and adds it to the root's tally. */
static int S_run_case(dyad_engine *e, const tcase *c, const char *file, int root, tally *t)
{
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "case";
    doc.text = c->text;
    doc.len = strlen(c->text);
    doc.date = "2024-06-15";
    doc.path = file;
    doc.one_sentence = 1;
    if (dyad_engine_code(e, &doc) != DYAD_OK) {
        printf("%s:%ld: the engine could not code this sentence\n", file, c->line);
        return -1;
    }
    ev got[S_MAXEV];
    int ngot = 0, full_ok = 1;
    size_t nrec = dyad_engine_record_count(e);
    for (size_t k = 0; k < nrec; k++) {
        const dyad_record *r = dyad_engine_record(e, k);
        ev x;
        S_country(x.src, r->source);
        S_country(x.tgt, r->target);
        snprintf(x.code, sizeof x.code, "%s", r->code ? r->code : "");
        S_add(got, &ngot, &x);
        /* the stricter count: this record's full codes are expected */
        int found = 0;
        for (int i = 0; i < c->nfull && !found; i++) {
            const char *ws = c->full[i][0], *wt = c->full[i][1];
            const char *rs = r->source && *r->source ? r->source : "-";
            const char *rt = r->target && *r->target && strcmp(r->target, "---") ? r->target : "-";
            found = !strcmp(ws, rs) && !strcmp(wt, rt) && !strcmp(c->full[i][2], x.code);
        }
        if (!found) full_ok = 0;
    }
    t->cases++;
    int ok = ngot == c->nwant;
    for (int i = 0; ok && i < c->nwant; i++)
        ok = S_has(got, ngot, &c->want[i]);
    const char *why = NULL;
    if (ok) {
        t->exact++;
        if (full_ok && (int)nrec >= c->nfull) t->actors_exact++;
        return 0;
    }
    if (c->nwant == 0) {
        t->spurious++;
        why = "events in a negative case";
    } else if (ngot == 0) {
        t->none++;
        why = "no event";
    } else {
        int all_found = 1, codes_found = 1;
        for (int i = 0; i < c->nwant; i++) {
            if (!S_has(got, ngot, &c->want[i])) all_found = 0;
            if (!S_has_code(got, ngot, c->want[i].code)) codes_found = 0;
        }
        if (all_found) {
            t->extra++;
            why = "extra events";
        } else if (codes_found) {
            t->actors++;
            why = "wrong actors";
        } else {
            t->code++;
            why = "wrong code";
        }
    }
    if (g_show_root == 0 || g_show_root == root) {
        printf("  %s:%ld: %s\n    %s\n", file, c->line, why, c->text);
        S_print_events("expected", c->want, c->nwant);
        S_print_events("got     ", got, ngot);
    }
    return 0;
}

/* Strips the line's end of line and trailing blanks. */
static void S_chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = 0;
}

/* Reads and codes one case file; returns the number of format problems
 * (each printed with file and line), or -1 when the file is missing. */
static int S_run_file(dyad_engine *e, const char *path, int root, tally *t)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[2048];
    long lineno = 0;
    int bad = 0, have = 0;
    tcase c;
    memset(&c, 0, sizeof c);
    char want_root[3];
    snprintf(want_root, sizeof want_root, "%02d", root);
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got) {
            lineno++;
            size_t n = strlen(line);
            if (n == sizeof line - 1 && line[n - 1] != '\n') {
                printf("%s:%ld: line too long (over %zu bytes)\n", path, lineno, sizeof line - 2);
                bad++;
                int ch;
                while ((ch = fgetc(f)) != EOF && ch != '\n') {}
            }
            S_chomp(line);
        }
        char *p = line;
        while (got && (*p == ' ' || *p == '\t')) p++;
        if (got && (*p == 0 || *p == '#')) continue;
        if (got && p[0] == '=' && (p[1] == ' ' || p[1] == '\t')) {
            if (!have) {
                printf("%s:%ld: an expected event with no sentence before it\n", path, lineno);
                bad++;
                continue;
            }
            char a[32], b[32], code[8], extra[8];
            int k = sscanf(p + 2, "%31s %31s %7s %7s", a, b, code, extra);
            if (k == 1 && !strcmp(a, "none")) {
                if (c.nwant) {
                    printf("%s:%ld: \"= none\" after expected events\n", path, lineno);
                    bad++;
                }
                c.negative = 1;
                continue;
            }
            if (k != 3 || c.negative) {
                printf("%s:%ld: expected \"= SOURCE TARGET CODE\" (\"-\" for no actor) or "
                       "\"= none\"%s\n", path, lineno, c.negative ? " (this case is negative)" : "");
                bad++;
                continue;
            }
            const dyad_cameo_info *info = NULL;
            if (dyad_cameo_lookup(code, &info) != DYAD_OK) {
                printf("%s:%ld: '%s' is not a CAMEO event code\n", path, lineno, code);
                bad++;
                continue;
            }
            if (c.nwant >= S_MAXEV) {
                printf("%s:%ld: more than %d expected events\n", path, lineno, S_MAXEV);
                bad++;
                continue;
            }
            ev x;
            S_country(x.src, a);
            S_country(x.tgt, b);
            snprintf(x.code, sizeof x.code, "%s", code);
            S_add(c.want, &c.nwant, &x);
            snprintf(c.full[c.nfull][0], 32, "%s", a);
            snprintf(c.full[c.nfull][1], 32, "%s", b);
            snprintf(c.full[c.nfull][2], 32, "%s", code);
            c.nfull++;
            continue;
        }
        /* a sentence, or the end: the case before it is complete */
        if (have) {
            if (!c.nwant && !c.negative) {
                printf("%s:%ld: a sentence with no expected event (write \"= none\" for a "
                       "negative case)\n", path, c.line);
                bad++;
            } else {
                int in_root = c.negative;
                for (int i = 0; i < c.nwant; i++)
                    in_root |= !strncmp(c.want[i].code, want_root, 2);
                if (!in_root) {
                    printf("%s:%ld: no expected event of root %s in this root's file\n", path,
                           c.line, want_root);
                    bad++;
                } else if (S_run_case(e, &c, path, root, t) != 0) {
                    bad++;
                }
            }
        }
        if (!got) break;
        memset(&c, 0, sizeof c);
        size_t plen = strlen(p);
        if (plen >= sizeof c.text) {
            printf("%s:%ld: sentence too long\n", path, lineno);
            bad++;
            have = 0;
            continue;
        }
        memcpy(c.text, p, plen + 1);
        c.line = lineno;
        have = 1;
    }
    if (ferror(f)) {
        printf("%s: read error\n", path);
        bad++;
    }
    fclose(f);
    return bad;
}

/* Reads the ratchet: lines "NN COUNT", # comments.  Missing file: all 0. */
static int S_read_baseline(const char *path, tally *t)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[256];
    long lineno = 0;
    int bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        S_chomp(line);
        char *p = line;
        while (*p == ' ') p++;
        if (!*p || *p == '#') continue;
        int root, count;
        char extra[4];
        if (sscanf(p, "%d %d %3s", &root, &count, extra) != 2 || root < 1 || root > S_ROOTS ||
            count < 0) {
            printf("%s:%ld: expected \"ROOT COUNT\"\n", path, lineno);
            bad++;
            continue;
        }
        t[root - 1].floor = count;
    }
    fclose(f);
    return bad;
}

static int S_write_baseline(const char *path, const tally *t)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        printf("%s: cannot write\n", path);
        return 1;
    }
    fprintf(f, "# tests/cases/baseline -- the ratchet of test_cases: per CAMEO root, the\n"
               "# number of case sentences that must stay coded exactly.  Written by\n"
               "# DYAD_CASES_UPDATE=1 build/tests/test_cases; raise it, never lower it\n"
               "# without saying why in the commit.\n");
    for (int r = 0; r < S_ROOTS; r++)
        fprintf(f, "%02d %d\n", r + 1, t[r].exact);
    return fclose(f) != 0;
}

int main(void)
{
    const char *dir = getenv("DYAD_CASES_DIR");
    if (!dir || !*dir) dir = DYAD_SOURCE_DIR "/tests/cases";
    const char *show = getenv("DYAD_CASES_SHOW");
    if (show && *show) g_show_root = !strcmp(show, "all") ? 0 : atoi(show);
    int update = getenv("DYAD_CASES_UPDATE") && !strcmp(getenv("DYAD_CASES_UPDATE"), "1");

    dyad_dict *d = NULL;
    dyad_tagger *tg = NULL;
    dyad_engine *e = NULL;
    if (dyad_dict_new(&d) != DYAD_OK) return 1;
    dyad_status st = dyad_dict_add_dir(d, DYAD_BUILTIN_DICT_DIR);
    if (st != DYAD_OK && st != DYAD_EDICT) {
        printf("cannot load %s\n", DYAD_BUILTIN_DICT_DIR);
        dyad_dict_free(d);
        return 1;
    }
    dyad_dict_compile(d);
    if (dyad_tagger_new(&tg, NULL) != DYAD_OK) {
        printf("SKIP: the tagger data is missing (%s); install liblingua-en-tagger-perl\n",
               dyad_tagger_errmsg(tg));
        dyad_tagger_free(tg);
        dyad_dict_free(d);
        return 77;
    }
    dyad_engine_options o = dyad_engine_defaults();
    if (dyad_engine_new(&e, d, tg, &o) != DYAD_OK) {
        dyad_tagger_free(tg);
        dyad_dict_free(d);
        return 1;
    }

    tally t[S_ROOTS];
    memset(t, 0, sizeof t);
    char path[4096];
    snprintf(path, sizeof path, "%s/baseline", dir);
    int bad = S_read_baseline(path, t);
    for (int r = 1; r <= S_ROOTS; r++) {
        char file[4096];
        snprintf(file, sizeof file, "%s/%02d.txt", dir, r);
        int b = S_run_file(e, file, r, &t[r - 1]);
        if (b < 0) {
            printf("%s: missing\n", file);
            bad++;
        } else {
            bad += b;
        }
    }

    printf("root  cases  exact      %%  floor  actors-exact | no-event wrong-code wrong-actors"
           " extra spurious\n");
    tally all;
    memset(&all, 0, sizeof all);
    int below = 0;
    for (int r = 0; r < S_ROOTS; r++) {
        const tally *x = &t[r];
        double pct = x->cases ? 100.0 * x->exact / x->cases : 0.0;
        printf("  %02d  %5d  %5d  %5.1f  %5d  %12d | %8d %10d %12d %5d %8d%s\n", r + 1, x->cases,
               x->exact, pct, x->floor, x->actors_exact, x->none, x->code, x->actors, x->extra,
               x->spurious, x->exact < x->floor ? "  BELOW THE FLOOR" : "");
        if (x->exact < x->floor) below++;
        if (x->cases == 0) {
            printf("root %02d has no cases\n", r + 1);
            bad++;
        }
        all.cases += x->cases;
        all.exact += x->exact;
        all.floor += x->floor;
        all.actors_exact += x->actors_exact;
        all.none += x->none;
        all.code += x->code;
        all.actors += x->actors;
        all.extra += x->extra;
        all.spurious += x->spurious;
    }
    printf(" all  %5d  %5d  %5.1f  %5d  %12d | %8d %10d %12d %5d %8d\n", all.cases, all.exact,
           all.cases ? 100.0 * all.exact / all.cases : 0.0, all.floor, all.actors_exact, all.none,
           all.code, all.actors, all.extra, all.spurious);

    dyad_engine_free(e);
    dyad_tagger_free(tg);
    dyad_dict_free(d);

    if (update) {
        if (bad) {
            printf("not rewriting the baseline: the case files have problems\n");
            return 1;
        }
        if (S_write_baseline(path, t) != 0) return 1;
        printf("wrote %s\n", path);
        return 0;
    }
    if (bad) {
        printf("FAIL: %d problem(s) in the case files or the baseline\n", bad);
        return 1;
    }
    if (below) {
        printf("FAIL: %d root(s) coded fewer sentences exactly than tests/cases/baseline\n"
               "      (DYAD_CASES_SHOW=NN lists a root's failures)\n", below);
        return 1;
    }
    return 0;
}
