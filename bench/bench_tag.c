/*
 * bench_tag.c -- throughput of the built-in tagger and chunker on one
 * core: loading the model, tagging alone, and tagging + chunking (tree,
 * heads, verb groups, the public dyad_chunker_run), in sentences/s.
 *
 *   bench_tag [--runs N] [--repeat K] [--tagger-dir DIR] INPUT...
 *
 * The inputs are read and split into sentences once (dyad_text, one
 * handle per document, not timed); each measured stage then goes over
 * every sentence K times per run, N runs, and the median is reported.
 */
#include "dyad.h"
#include "bench_util.h"
#include "parse/parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
    int runs = 5, repeat = 10;
    const char *dir = NULL;
    char *paths[256];
    int np = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--tagger-dir") == 0 && i + 1 < argc) dir = argv[++i];
        else if (np < 256) paths[np++] = argv[i];
    }
    if (np == 0 || runs < 1 || runs > 100 || repeat < 1) {
        fprintf(stderr, "usage: bench_tag [--runs N] [--repeat K] [--tagger-dir DIR] INPUT...\n");
        return 2;
    }
    /* the documents, each in its own analysed dyad_text */
    dyad_reader *r;
    if (dyad_reader_new(&r, NULL) != DYAD_OK) return 1;
    for (int i = 0; i < np; i++) dyad_reader_add(r, paths[i]);
    dyad_text **texts = NULL;
    size_t nt = 0, cap = 0, sentences = 0, tokens = 0;
    const dyad_doc *d;
    dyad_status st;
    while ((st = dyad_reader_next(r, &d)) != DYAD_EOF) {
        if (st != DYAD_OK) continue;
        if (nt == cap) {
            cap = cap ? cap * 2 : 64;
            texts = realloc(texts, cap * sizeof *texts);
            if (!texts) return 1;
        }
        if (dyad_text_new(&texts[nt]) != DYAD_OK || dyad_text_analyze(texts[nt], d) != DYAD_OK) {
            fprintf(stderr, "bench_tag: cannot analyse %s\n", d->id);
            return 1;
        }
        sentences += dyad_text_sentence_count(texts[nt]);
        size_t n;
        dyad_text_tokens(texts[nt], &n);
        tokens += n;
        nt++;
    }
    dyad_reader_free(r);
    if (nt == 0) { fprintf(stderr, "bench_tag: no documents\n"); return 1; }

    /* loading */
    double t_load[100];
    dyad_tagger *tg = NULL;
    for (int k = 0; k < runs; k++) {
        dyad_tagger_free(tg);
        double t0 = bench_now();
        if (dyad_tagger_new(&tg, dir) != DYAD_OK) {
            fprintf(stderr, "bench_tag: %s\n", dyad_tagger_errmsg(tg));
            return 1;
        }
        t_load[k] = bench_now() - t0;
    }
    dyad_chunker *c;
    if (dyad_chunker_new(&c, tg) != DYAD_OK) return 1;

    /* tagging alone (internal API), then tagging + chunking (public) */
    double t_tag[100], t_chunk[100];
    dyad__arena a;
    dyad__arena_init(&a, (size_t)64 << 20);
    dyad__word *w = NULL;
    uint8_t *tags = NULL;
    size_t wcap = 0;
    size_t groups = 0;
    for (int run = 0; run < runs; run++) {
        double t0 = bench_now();
        for (int k = 0; k < repeat; k++)
            for (size_t x = 0; x < nt; x++) {
                size_t ntok;
                const dyad_token *tok = dyad_text_tokens(texts[x], &ntok);
                for (size_t i = 0; i < dyad_text_sentence_count(texts[x]); i++) {
                    const dyad_sentence *s = dyad_text_sentence(texts[x], i);
                    if (s->ntokens > wcap) {
                        wcap = s->ntokens * 2;
                        w = realloc(w, wcap * sizeof *w);
                        tags = realloc(tags, wcap);
                        if (!w || !tags) return 1;
                    }
                    for (size_t j = 0; j < s->ntokens; j++) {
                        w[j].s = tok[s->first_token + j].norm;
                        w[j].len = tok[s->first_token + j].norm_len;
                    }
                    dyad__arena_reset(&a);
                    dyad__tagger_tag(tg, w, (uint32_t)s->ntokens, tags, &a);
                }
            }
        t_tag[run] = bench_now() - t0;

        groups = 0;
        t0 = bench_now();
        for (int k = 0; k < repeat; k++)
            for (size_t x = 0; x < nt; x++)
                for (size_t i = 0; i < dyad_text_sentence_count(texts[x]); i++) {
                    if (dyad_chunker_run(c, texts[x], i) != DYAD_OK) return 1;
                    groups += dyad_chunker_verb_group_count(c);
                }
        t_chunk[run] = bench_now() - t0;
    }
    double ml = bench_median(t_load, runs), mt = bench_median(t_tag, runs), mc = bench_median(t_chunk, runs);
    double ns = (double)sentences * repeat, nw = (double)tokens * repeat;
    printf("corpus: %zu documents, %zu sentences, %zu tokens (x%d per run), %zu verb groups\n",
           nt, sentences, tokens, repeat, groups / (size_t)repeat);
    printf("load tagger (words.yml, tags.yml):  median %.3f s\n", ml);
    printf("tagging only:        median %.4f s  %10.0f sentences/s  %10.0f tokens/s\n", mt,
           ns / mt, nw / mt);
    printf("tagging + chunking:  median %.4f s  %10.0f sentences/s  %10.0f tokens/s\n", mc,
           ns / mc, nw / mc);
    dyad__arena_free(&a);
    free(w);
    free(tags);
    dyad_chunker_free(c);
    dyad_tagger_free(tg);
    for (size_t x = 0; x < nt; x++) dyad_text_free(texts[x]);
    free(texts);
    return 0;
}
