/*
 * fuzz_eval.c -- fuzz target for `dyad eval`'s readers and matcher.  The
 * input is three parts separated by lines "%%%": the stories, one per
 * line as ID, a tab and the text; the gold JSON Lines; the system JSON
 * Lines.  Bit 0 of the first byte gives the stories before the gold file
 * instead of after; bit 1 puts the gold lines after the first half of the
 * gold part into a second split.  Malformed lines must be skipped with a
 * message; the scores must be consistent (matched counts within the
 * totals, precision and recall within [0, 1], the splits' counts adding
 * up to the pooled ones).
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next part of [*p, end) up to a "\n%%%\n" separator. */
static const char *S_part(const char **p, const char *end, size_t *len)
{
    const char *s = *p;
    const char *q = s;
    while (q + 5 <= end && memcmp(q, "\n%%%\n", 5) != 0) q++;
    if (q + 5 > end) { *len = (size_t)(end - s); *p = end; return s; }
    *len = (size_t)(q - s) + 1;
    *p = q + 5;
    return s;
}

static void S_stories(dyad_eval *ev, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *tab = memchr(s, '\t', (size_t)(le - s));
        if (tab) {
            char *id = malloc((size_t)(tab - s) + 1);
            if (id) {
                memcpy(id, s, (size_t)(tab - s));
                id[tab - s] = 0;
                dyad_eval_add_story(ev, id, tab + 1, (size_t)(le - tab - 1));
                free(id);
            }
        }
        s = nl ? nl + 1 : end;
    }
}

static void S_check(const dyad_eval_score *s)
{
    if (s->gold_matched > s->gold || s->system_matched > s->system) abort();
    if (s->precision < 0 || s->precision > 1 || s->recall < 0 || s->recall > 1) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    size_t ns, ng, nsys;
    const char *stories = S_part(&p, end, &ns);
    const char *gold = S_part(&p, end, &ng);
    const char *sys = S_part(&p, end, &nsys);
    dyad_eval *ev;
    if (dyad_eval_new(&ev) != DYAD_OK) return 0;
    if (data[0] & 1) S_stories(ev, stories, ns);
    size_t half = ng;                   /* the first split: up to a line end */
    if (data[0] & 2) {
        const char *nl = memchr(gold + ng / 2, '\n', ng - ng / 2);
        half = nl ? (size_t)(nl - gold) + 1 : ng;
    }
    dyad_status st = dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, NULL, gold, half);
    if (st != DYAD_OK && !dyad_eval_errmsg(ev)[0]) abort();
    if (data[0] & 2) {
        if (dyad_eval_begin_split(ev, "second") == DYAD_ENOMEM) {
            dyad_eval_free(ev);
            return 0;
        }
        st = dyad_eval_add_jsonl(ev, DYAD_EVAL_GOLD, NULL, gold + half, ng - half);
        if (st != DYAD_OK && !dyad_eval_errmsg(ev)[0]) abort();
    }
    if (!(data[0] & 1)) S_stories(ev, stories, ns);
    st = dyad_eval_add_jsonl(ev, DYAD_EVAL_SYSTEM, NULL, sys, nsys);
    if (st != DYAD_OK && !dyad_eval_errmsg(ev)[0]) abort();
    st = dyad_eval_run(ev);
    if (st == DYAD_ENOMEM) {
        dyad_eval_free(ev);
        return 0;
    }
    if (st != DYAD_OK) abort();
    static const char *const roots[] = {NULL, "01", "04", "19", "20", "??"};
    for (int l = 0; l < DYAD_EVAL_NLEVELS; l++)
        for (size_t r = 0; r < sizeof roots / sizeof roots[0]; r++) {
            dyad_eval_score s;
            if (dyad_eval_get(ev, (dyad_eval_level)l, roots[r], &s) == DYAD_OK) S_check(&s);
        }
    dyad_eval_info info;
    if (dyad_eval_get_info(ev, &info) != DYAD_OK) abort();
    for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
        dyad_eval_score all, s;
        size_t gold_n = 0, sys_n = 0, gm = 0, sm = 0;
        dyad_eval_get(ev, (dyad_eval_level)l, NULL, &all);
        for (size_t i = 0; i < dyad_eval_nsplits(ev); i++) {
            if (dyad_eval_get_split(ev, i, (dyad_eval_level)l, NULL, &s) != DYAD_OK) abort();
            S_check(&s);
            gold_n += s.gold, sys_n += s.system, gm += s.gold_matched, sm += s.system_matched;
        }
        if (gold_n != all.gold || sys_n != all.system || gm != all.gold_matched ||
            sm != all.system_matched)
            abort();
        dyad_eval_gap g;
        if (dyad_eval_get_gap(ev, 0, dyad_eval_nsplits(ev) - 1, (dyad_eval_level)l, &g) !=
            DYAD_OK)
            abort();
        if (g.precision < -1 || g.precision > 1 || g.recall < -1 || g.recall > 1) abort();
    }
    dyad_eval_free(ev);
    return 0;
}
