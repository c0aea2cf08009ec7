/*
 * bench_text.c -- throughput of the foundation stages: reading documents
 * (JSON Lines parsing, UTF-8 checks) and the text layer (normalisation,
 * tokens, sentences, datelines, boilerplate).
 *
 *   bench_text [--runs N] [--repeat K] INPUT...
 *
 * The inputs are read once into memory and analysed K times per run; each
 * stage is timed over N runs and the median is reported in MB/s,
 * documents/s and sentences/s.  Reading is timed on the files themselves
 * (page cache warm after the first run).
 */
#include "dyad.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct bdoc { char *text; size_t len; char date[11]; int one; } bdoc;

/* Reads every input; returns the number of documents (and bytes). */
static size_t S_read(char **paths, int n, bdoc **docs, size_t *bytes)
{
    dyad_reader *r;
    if (dyad_reader_new(&r, NULL) != DYAD_OK) exit(1);
    for (int i = 0; i < n; i++) dyad_reader_add(r, paths[i]);
    size_t nd = 0, cap = 0;
    *bytes = 0;
    const dyad_doc *d;
    dyad_status st;
    while ((st = dyad_reader_next(r, &d)) != DYAD_EOF) {
        if (st != DYAD_OK) continue;
        if (docs) {
            if (nd == cap) {
                cap = cap ? cap * 2 : 256;
                *docs = realloc(*docs, cap * sizeof **docs);
                if (!*docs) exit(1);
            }
            bdoc *b = &(*docs)[nd];
            b->text = malloc(d->len + 1);
            if (!b->text) exit(1);
            memcpy(b->text, d->text, d->len + 1);
            b->len = d->len;
            snprintf(b->date, sizeof b->date, "%s", d->date ? d->date : "");
            b->one = d->one_sentence;
        }
        *bytes += d->len;
        nd++;
    }
    dyad_reader_free(r);
    return nd;
}

int main(int argc, char **argv)
{
    int runs = 5, repeat = 20;
    char *paths[256];
    int np = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (np < 256) paths[np++] = argv[i];
    }
    if (np == 0 || runs < 1 || runs > 100 || repeat < 1) {
        fprintf(stderr, "usage: bench_text [--runs N] [--repeat K] INPUT...\n");
        return 2;
    }
    bdoc *docs = NULL;
    size_t bytes;
    size_t nd = S_read(paths, np, &docs, &bytes);
    if (nd == 0) { fprintf(stderr, "bench_text: no documents\n"); return 1; }

    double t_read[100], t_text[100];
    size_t sentences = 0, tokens = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        size_t b2;
        for (int k = 0; k < repeat; k++) S_read(paths, np, NULL, &b2);
        t_read[r] = bench_now() - t0;

        dyad_text *t;
        if (dyad_text_new(&t) != DYAD_OK) return 1;
        sentences = tokens = 0;
        t0 = bench_now();
        for (int k = 0; k < repeat; k++) {
            for (size_t i = 0; i < nd; i++) {
                dyad_text_analyze_str(t, docs[i].text, docs[i].len,
                                      docs[i].date[0] ? docs[i].date : NULL, docs[i].one);
                size_t n;
                dyad_text_tokens(t, &n);
                tokens += n;
                sentences += dyad_text_sentence_count(t);
            }
        }
        t_text[r] = bench_now() - t0;
        dyad_text_free(t);
    }
    double mr = bench_median(t_read, runs), mt = bench_median(t_text, runs);
    double mb = (double)bytes * repeat / 1e6;
    printf("corpus: %zu documents, %.2f MB of text, %zu sentences, %zu tokens (x%d per run)\n",
           nd, (double)bytes / 1e6, sentences / (size_t)repeat, tokens / (size_t)repeat, repeat);
    printf("read (parse input):   median %.4f s  %8.1f MB/s  %10.0f docs/s\n",
           mr, mb / mr, (double)nd * repeat / mr);
    printf("text layer:           median %.4f s  %8.1f MB/s  %10.0f docs/s  %10.0f sentences/s\n",
           mt, mb / mt, (double)nd * repeat / mt, (double)sentences / mt);
    for (size_t i = 0; i < nd; i++) free(docs[i].text);
    free(docs);
    return 0;
}
