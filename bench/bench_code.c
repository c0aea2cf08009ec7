/*
 * bench_code.c -- throughput of the coder on supplied parses: the
 * dictionaries are loaded once (not timed), every <Parse> of the inputs is
 * read into memory, then coded K times per run; median of N runs, in
 * sentences per second on one core.
 *
 *   bench_code --dict-dir DIR [--runs N] [--repeat K] INPUT.xml...
 */
#include "dyad.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
    const char *dir = NULL;
    int runs = 5, repeat = 50;
    char *paths[64];
    int np = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dict-dir") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (np < 64) paths[np++] = argv[i];
    }
    if (!dir || !np || runs < 1 || runs > 100 || repeat < 1) {
        fprintf(stderr, "usage: bench_code --dict-dir DIR [--runs N] [--repeat K] INPUT.xml...\n");
        return 2;
    }
    dyad_dict *d;
    dyad_dict_new(&d);
    dyad_dict_add_dir(d, dir);
    dyad_dict_compile(d);
    char **parses = NULL, **dates = NULL;
    size_t n = 0, cap = 0;
    dyad_reader *r;
    dyad_reader_new(&r, NULL);
    for (int i = 0; i < np; i++) dyad_reader_add(r, paths[i]);
    const dyad_doc *doc;
    dyad_status st;
    while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
        if (st != DYAD_OK || !doc->parse) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            parses = realloc(parses, cap * sizeof *parses);
            dates = realloc(dates, cap * sizeof *dates);
        }
        parses[n] = strdup(doc->parse);
        dates[n] = doc->date ? strdup(doc->date) : NULL;
        n++;
    }
    dyad_reader_free(r);
    if (!n) { fprintf(stderr, "bench_code: no parses\n"); return 1; }
    dyad_coder *c;
    dyad_coder_new(&c, d);
    double t[100];
    size_t events = 0;
    for (int k = 0; k < runs; k++) {
        events = 0;
        double t0 = bench_now();
        for (int rep = 0; rep < repeat; rep++)
            for (size_t i = 0; i < n; i++) {
                dyad_coder_code_parse(c, parses[i], strlen(parses[i]), dates[i]);
                events += dyad_coder_event_count(c);
            }
        t[k] = bench_now() - t0;
    }
    double med = bench_median(t, runs);
    printf("sentences: %zu (x%d per run), events per pass: %zu\n", n, repeat, events / (size_t)repeat);
    printf("coding (tree read, actors, verbs, patterns, events): median %.4f s, %.0f sentences/s\n",
           med, (double)n * repeat / med);
    for (size_t i = 0; i < n; i++) { free(parses[i]); free(dates[i]); }
    free(parses);
    free(dates);
    dyad_coder_free(c);
    dyad_dict_free(d);
    return 0;
}
