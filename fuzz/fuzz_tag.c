/*
 * fuzz_tag.c -- fuzz target for the tagger and chunker on raw text, with
 * no length cap of its own (the chunker's limits are the only ones): the
 * text layer splits the input into sentences and each is tagged and
 * chunked; when bit 0 of the first byte is set the input is instead split
 * into words at white space and run as one sentence (dyad_chunker_run_words).
 * The tree must be one balanced bracketing and every verb group must
 * point at tokens of its sentence.  The tagger data is loaded once; when
 * it is not installed the target does nothing.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_tagger *tg;
    static dyad_chunker *c;
    static int tried;
    if (!tried) {
        tried = 1;
        if (dyad_tagger_new(&tg, NULL) != DYAD_OK || dyad_chunker_new(&c, tg) != DYAD_OK) {
            dyad_tagger_free(tg);
            tg = NULL;
        }
    }
    if (!tg || size == 0) return 0;
    int words_mode = data[0] & 1;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    dyad_text *t = NULL;
    char *buf = NULL;
    const char **words = NULL;
    size_t nsent = 0, nwords = 0;
    if (words_mode) {
        buf = malloc(len + 1);
        words = malloc((len / 2 + 1) * sizeof *words);
        if (!buf || !words) goto done;
        memcpy(buf, text, len);
        buf[len] = 0;
        for (char *p = buf; *p;) {
            while (*p == ' ' || *p == '\n' || *p == '\t') p++;
            if (!*p) break;
            words[nwords++] = p;
            while (*p && *p != ' ' && *p != '\n' && *p != '\t') p++;
            if (*p) *p++ = 0;
        }
        nsent = 1;
    } else {
        if (dyad_text_new(&t) != DYAD_OK) goto done;
        if (dyad_text_analyze_str(t, text, len, NULL, 0) != DYAD_OK) goto done;
        nsent = dyad_text_sentence_count(t);
    }
    for (size_t i = 0; i < nsent; i++) {
        dyad_status st = words_mode ? dyad_chunker_run_words(c, words, nwords)
                                    : dyad_chunker_run(c, t, i);
        if (st != DYAD_OK) continue;
        size_t nt = dyad_chunker_token_count(c);
        const char *tree = dyad_chunker_tree(c);
        if (tree) {
            long depth = 0;
            if (tree[0] != '(') abort();
            for (const char *p = tree; *p; p++) {
                depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
                if (depth < 0 || (depth == 0 && p[1])) abort();
            }
            if (depth != 0) abort();
        }
        for (size_t k = 0; k < nt; k++)
            if (!dyad_chunker_tag(c, k)[0]) abort();
        for (size_t k = 0; k < dyad_chunker_verb_group_count(c); k++) {
            const dyad_verb_group *g = dyad_chunker_verb_group(c, k);
            if (!g || g->verb >= nt || g->first > g->last || g->last >= nt) abort();
            if (g->subject_first > g->subject_end || g->subject_end > nt) abort();
        }
    }
done:
    dyad_text_free(t);
    free(words);
    free(buf);
    return 0;
}
