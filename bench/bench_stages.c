/*
 * bench_stages.c -- where `dyad code` spends its time, stage by stage, on
 * one thread: reading (JSON Lines, the reader), the text layer, tagging,
 * chunking, coding, resolving (dates, modality, places, records) and
 * writing the JSON output.  The engine's own clocks give the middle
 * stages, so the library must be built with -DDYAD_STAGE_TIMING=ON
 * (bench/run makes such a build); without it those stages read 0.
 *
 *   bench_stages --dict-dir DIR [--runs N] INPUT...
 *
 * Each run loads nothing: the dictionaries and the tagger are loaded once
 * (their load times are printed too), then every run reads and codes
 * every document of the inputs, exactly as `dyad code -j1` does, writing
 * the records to /dev/null.  Medians over the runs, in seconds.
 */
#include "dyad.h"
#include "bench_util.h"
#include "common/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { READ, TEXT, TAG, CHUNK, CODE, RESOLVE, OUTPUT, TOTAL, NCOL };
static const char *const S_names[NCOL] = {"reader", "text", "tagger", "chunker", "coder",
                                         "resolve", "output", "total"};

int main(int argc, char **argv)
{
    int runs = 5;
    const char *dir = NULL;
    char *paths[256];
    int np = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--dict-dir") == 0 && i + 1 < argc) dir = argv[++i];
        else if (np < 256) paths[np++] = argv[i];
    }
    if (!dir || np == 0 || runs < 1 || runs > 100) {
        fprintf(stderr, "usage: bench_stages --dict-dir DIR [--runs N] INPUT...\n");
        return 2;
    }
#ifndef DYAD_STAGE_TIMING
    fprintf(stderr, "bench_stages: built without DYAD_STAGE_TIMING: the engine's stages read 0\n");
#endif
    double t0 = bench_now();
    dyad_dict *d;
    if (dyad_dict_new(&d) != DYAD_OK) return 1;
    dyad_status st = dyad_dict_add_dir(d, dir);
    if ((st != DYAD_OK && st != DYAD_EDICT) || dyad_dict_compile(d) != DYAD_OK) {
        fprintf(stderr, "bench_stages: %s: %s\n", dir, dyad_dict_errmsg(d));
        return 1;
    }
    double t_dict = bench_now() - t0;
    t0 = bench_now();
    dyad_tagger *tg;
    if (dyad_tagger_new(&tg, NULL) != DYAD_OK) {
        fprintf(stderr, "bench_stages: %s\n", dyad_tagger_errmsg(tg));
        return 1;
    }
    double t_tagger = bench_now() - t0;
    dyad_engine_options o = dyad_engine_defaults();
    o.dict_root = dir;
    dyad_engine *e;
    t0 = bench_now();
    if (dyad_engine_new(&e, d, tg, &o) != DYAD_OK) return 1;
    double t_engine = bench_now() - t0;
    FILE *null = fopen("/dev/null", "w");
    dyad_json *j = null ? dyad_json_new(null) : NULL;
    if (!j) return 1;

    double (*v)[NCOL] = calloc((size_t)runs, sizeof *v);
    if (!v) return 1;
    size_t docs = 0, sentences = 0, records = 0, bytes = 0;
    for (int r = 0; r < runs; r++) {
#ifdef DYAD_STAGE_TIMING
        double before[DYAD__STAGE_COUNT];
        memcpy(before, dyad__stage_totals(), sizeof before);
#endif
        dyad_reader *rd;
        if (dyad_reader_new(&rd, NULL) != DYAD_OK) return 1;
        for (int i = 0; i < np; i++) dyad_reader_add(rd, paths[i]);
        docs = sentences = records = bytes = 0;
        double start = bench_now();
        for (;;) {
            double a = bench_now();
            const dyad_doc *doc;
            st = dyad_reader_next(rd, &doc);
            v[r][READ] += bench_now() - a;
            if (st == DYAD_EOF) break;
            if (st != DYAD_OK) continue;
            docs++;
            bytes += doc->len;
            dyad_engine_code(e, doc);
            a = bench_now();
            size_t n = dyad_engine_record_count(e);
            for (size_t k = 0; k < n; k++) dyad_record_write_json(dyad_engine_record(e, k), j);
            records += n;
            v[r][OUTPUT] += bench_now() - a;
        }
        v[r][TOTAL] = bench_now() - start;
        dyad_reader_free(rd);
#ifdef DYAD_STAGE_TIMING
        const double *now = dyad__stage_totals();
        v[r][TEXT] = now[DYAD__STAGE_TEXT] - before[DYAD__STAGE_TEXT];
        v[r][TAG] = now[DYAD__STAGE_TAG] - before[DYAD__STAGE_TAG];
        v[r][CHUNK] = now[DYAD__STAGE_CHUNK] - before[DYAD__STAGE_CHUNK] - v[r][TAG];
        v[r][CODE] = now[DYAD__STAGE_CODE] - before[DYAD__STAGE_CODE];
        v[r][RESOLVE] = now[DYAD__STAGE_RESOLVE] - before[DYAD__STAGE_RESOLVE];
#endif
    }
    /* sentences, counted once outside the clocks */
    {
        dyad_reader *rd;
        dyad_text *t;
        if (dyad_reader_new(&rd, NULL) != DYAD_OK || dyad_text_new(&t) != DYAD_OK) return 1;
        for (int i = 0; i < np; i++) dyad_reader_add(rd, paths[i]);
        const dyad_doc *doc;
        while ((st = dyad_reader_next(rd, &doc)) != DYAD_EOF)
            if (st == DYAD_OK && dyad_text_analyze(t, doc) == DYAD_OK)
                sentences += dyad_text_sentence_count(t);
        dyad_text_free(t);
        dyad_reader_free(rd);
    }
    printf("corpus: %zu documents, %zu bytes of text, %zu sentences, %zu records; %d runs\n",
           docs, bytes, sentences, records, runs);
    printf("load once: dictionaries %.3f s, tagger %.3f s, engine (gazetteer) %.3f s\n", t_dict,
           t_tagger, t_engine);
    double med[NCOL], col[100];
    for (int c = 0; c < NCOL; c++) {
        for (int r = 0; r < runs; r++) col[r] = v[r][c];
        med[c] = bench_median(col, runs);
    }
    double other = med[TOTAL];
    for (int c = 0; c < TOTAL; c++) other -= med[c];
    printf("| stage | median s | share | us/sentence |\n| --- | ---: | ---: | ---: |\n");
    for (int c = 0; c < NCOL; c++)
        printf("| %s | %.3f | %.1f%% | %.2f |\n", S_names[c], med[c], 100 * med[c] / med[TOTAL],
               sentences ? 1e6 * med[c] / (double)sentences : 0);
    printf("| (between stages) | %.3f | %.1f%% | |\n", other, 100 * other / med[TOTAL]);
    free(v);
    dyad_json_free(j);
    fclose(null);
    dyad_engine_free(e);
    dyad_tagger_free(tg);
    dyad_dict_free(d);
    return 0;
}
