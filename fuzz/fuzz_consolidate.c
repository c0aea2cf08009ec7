/*
 * fuzz_consolidate.c -- fuzz target for consolidation: the input is a
 * mention stream (JSON Lines, as `dyad code` writes).  Every line is
 * added; a refused line must say why.  Then the promises are checked:
 * every accepted mention is in exactly one event, the counts agree with
 * the mentions, every GDELT line has 61 fields, and the same lines added
 * in reverse order give the same bytes in every format (order
 * independence).
 */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_consolidator *S_load(const char *s, size_t n, int reverse)
{
    dyad_consolidator *c;
    if (dyad_consolidator_new(&c) != DYAD_OK) return NULL;
    /* line starts, so the lines can be added backwards */
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) nl += s[i] == '\n';
    size_t *start = malloc((nl + 1) * sizeof *start);
    if (!start) { dyad_consolidator_free(c); return NULL; }
    size_t k = 0;
    start[k++] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n') start[k++] = i + 1;
    start[k] = n + 1;
    for (size_t j = 0; j < k; j++) {
        size_t i = reverse ? k - 1 - j : j;
        size_t a = start[i], b = start[i + 1] - 1;
        if (a > n) continue;
        if (b > n) b = n;
        dyad_status st = dyad_consolidator_add_json(c, s + a, b - a);
        if (st < 0 && st != DYAD_ENOMEM && !dyad_consolidator_errmsg(c)[0]) abort();
    }
    free(start);
    if (dyad_consolidator_run(c) != DYAD_OK) { dyad_consolidator_free(c); return NULL; }
    return c;
}

static char *S_write(dyad_consolidator *c, dyad_event_format fmt, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f) return NULL;
    dyad_event_writer *w;
    if (dyad_event_writer_new(&w, f, fmt) == DYAD_OK) {
        for (size_t i = 0; i < dyad_consolidator_event_count(c); i++)
            dyad_event_writer_write(w, dyad_consolidator_event(c, i));
        dyad_event_writer_free(w);
    }
    fclose(f);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    dyad_consolidator *a = S_load(s, size, 0);
    if (!a) return 0;
    size_t nm = dyad_consolidator_mention_count(a), seen = 0;
    unsigned char *in = calloc(nm ? nm : 1, 1);
    for (size_t e = 0; in && e < dyad_consolidator_event_count(a); e++) {
        const dyad_cevent *ev = dyad_consolidator_event(a, e);
        if (!ev->event_id || strlen(ev->event_id) != 16 || ev->num_mentions == 0 ||
            ev->num_articles == 0 || ev->num_articles > ev->num_mentions ||
            ev->num_sources > ev->num_mentions || ev->ndoc_ids != ev->num_articles)
            abort();
        for (size_t k = 0; k < ev->num_mentions; k++) {
            size_t m = ev->mentions[k];
            if (m >= nm || in[m]) abort();
            in[m] = 1;
            seen++;
        }
        for (size_t k = 1; k < ev->ndoc_ids; k++)
            if (strcmp(ev->doc_ids[k - 1], ev->doc_ids[k]) >= 0) abort();
    }
    if (in && seen != nm) abort();
    free(in);
    dyad_consolidator *b = S_load(s, size, 1);
    for (int f = 0; f < 4; f++) {
        size_t la = 0, lb = 0;
        char *oa = S_write(a, (dyad_event_format)f, &la);
        if (oa && f == DYAD_EVENTS_GDELT) {
            size_t tabs = 0;
            for (size_t i = 0; i < la; i++) {
                if (oa[i] == '\t') tabs++;
                if (oa[i] == '\n') {
                    if (tabs != 60) abort();
                    tabs = 0;
                }
            }
        }
        char *ob = b ? S_write(b, (dyad_event_format)f, &lb) : NULL;
        if (oa && ob && (la != lb || memcmp(oa, ob, la) != 0)) abort();
        free(oa);
        free(ob);
    }
    dyad_consolidator_free(a);
    dyad_consolidator_free(b);
    return 0;
}
