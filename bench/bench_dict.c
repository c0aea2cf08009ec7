/*
 * bench_dict.c -- times the dictionary stage: loading and compiling a set
 * of dictionaries (a directory or files), repeated --runs times, then the
 * process's peak resident set size.  Prints one line per run and a summary
 * line "median_s=... min_s=... peak_rss_kib=..." for bench/dict_load.sh.
 * What must stay true: it measures only the public API, the way the
 * dyad command loads dictionaries.
 */
#include "dyad.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

int main(int argc, char **argv)
{
    int runs = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "--runs") == 0) {
        runs = atoi(argv[2]);
        first = 3;
    }
    if (runs < 1 || runs > 1000 || first >= argc) {
        fprintf(stderr, "usage: bench_dict [--runs N] DIR|FILE...\n");
        return 2;
    }
    double *t = calloc((size_t)runs, sizeof *t);
    if (!t) return 1;
    dyad_dict_stats s;
    memset(&s, 0, sizeof s);
    size_t errors = 0, warnings = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        dyad_dict *d;
        if (dyad_dict_new(&d) != DYAD_OK) return 1;
        for (int i = first; i < argc; i++) {
            struct stat sb;
            dyad_status st = stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)
                                 ? dyad_dict_add_dir(d, argv[i])
                                 : dyad_dict_add_file(d, argv[i], DYAD_DICT_AUTO);
            if (st != DYAD_OK && st != DYAD_EDICT) {
                fprintf(stderr, "bench_dict: %s\n", dyad_dict_errmsg(d));
                return 1;
            }
        }
        dyad_dict_compile(d);
        t[r] = bench_now() - t0;
        dyad_dict_stats_get(d, &s);
        errors = dyad_dict_error_count(d);
        warnings = dyad_dict_warning_count(d);
        dyad_dict_free(d);
        printf("run %d: %.4f s\n", r + 1, t[r]);
    }
    qsort(t, (size_t)runs, sizeof *t, bench_cmp);
    double median = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("files=%zu lines=%zu entries=%zu bytes=%zu errors=%zu warnings=%zu\n", s.files,
           s.lines, s.entries, s.bytes, errors, warnings);
    printf("median_s=%.4f min_s=%.4f runs=%d peak_rss_kib=%ld\n", median, t[0], runs,
           ru.ru_maxrss);
    free(t);
    return 0;
}
