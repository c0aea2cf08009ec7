/*
 * fuzz_text.c -- fuzz target for the text layer: any bytes go to
 * dyad_text_analyze_str (the first byte picks one-sentence mode and
 * whether a date is given).  Invalid UTF-8 must be refused cleanly; valid
 * input must yield tokens and sentences inside the input's bounds, and
 * reading it in small pieces and windows (dyad_text_open/next; the first
 * byte's high bits pick the size) must give what reading each paragraph
 * whole gives.
 */
#include "dyad.h"
#include "text/text.h"

#include <stdio.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* t's sentences and tokens, one line a sentence. */
static void S_dump(const dyad_text *t, FILE *f, size_t first)
{
    size_t n;
    const dyad_token *v = dyad_text_tokens(t, &n);
    for (size_t i = 0; i < dyad_text_sentence_count(t); i++) {
        const dyad_sentence *s = dyad_text_sentence(t, i);
        fprintf(f, "%zu %zu-%zu p%u b%d d%d:", first + i, s->start, s->end, s->paragraph,
                s->boilerplate, s->dateline != NULL);
        for (size_t k = s->first_token; k < s->first_token + s->ntokens && k < n; k++)
            fprintf(f, " %zu-%zu/%d/%d", v[k].start, v[k].end, v[k].kind, v[k].abbrev);
        fputc('\n', f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    int flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    dyad_text *t;
    if (dyad_text_new(&t) != DYAD_OK) return 0;
    dyad__text_set_piece(t, SIZE_MAX);
    dyad_status st = dyad_text_analyze_str(t, text, len, (flags & 2) ? "2020-06-10" : NULL,
                                           flags & 1);
    if (st == DYAD_OK) {
        size_t n;
        const dyad_token *v = dyad_text_tokens(t, &n);
        for (size_t i = 0; i < n; i++)
            if (v[i].start >= v[i].end || v[i].end > len) abort();
        for (size_t i = 0; i < dyad_text_sentence_count(t); i++) {
            const dyad_sentence *s = dyad_text_sentence(t, i);
            if (s->start >= s->end || s->end > len || s->first_token + s->ntokens > n) abort();
            if (s->dateline && (s->dateline->end > len || !s->dateline->place)) abort();
        }
        /* the same in windows, paragraphs read in pieces */
        char *whole = NULL, *win = NULL;
        size_t wl = 0, nl = 0;
        FILE *f = open_memstream(&whole, &wl);
        if (f) {
            S_dump(t, f, 0);
            fclose(f);
        }
        dyad__text_set_piece(t, 1 + (size_t)(flags >> 2) * 4);
        dyad_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = "fuzz";
        doc.text = text;
        doc.len = len;
        doc.date = (flags & 2) ? "2020-06-10" : NULL;
        doc.one_sentence = flags & 1;
        f = whole ? open_memstream(&win, &nl) : NULL;
        if (f && dyad_text_open(t, &doc) == DYAD_OK) {
            size_t first;
            while ((st = dyad_text_next(t, &first)) == DYAD_OK) S_dump(t, f, first);
            fclose(f);
            if (st != DYAD_EOF || (win && (wl != nl || memcmp(whole, win, wl)))) abort();
        } else if (f) {
            fclose(f);
        }
        free(whole);
        free(win);
    }
    dyad_text_free(t);
    return 0;
}
