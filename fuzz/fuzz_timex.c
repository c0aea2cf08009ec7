/*
 * fuzz_timex.c -- fuzz target for time expressions: the input is split
 * into words at spaces, scanned, and each expression resolved against a
 * fixed document date and without one, in each tense direction.  Spans
 * must be ordered and inside the words; every resolved date must be
 * valid, formattable and parse back to itself.
 */
#include "resolve/resolve.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_check(dyad__date d)
{
    char buf[16];
    dyad__date back;
    if (d.prec == DYAD__DATE_UNKNOWN) {
        if (d.y || d.m || d.d) abort();
        return;
    }
    size_t n = dyad__date_format(d, buf, sizeof buf);
    if (!n || dyad__date_parse(buf, &back) != (int)n || memcmp(&back, &d, sizeof d) != 0) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0;
    char *buf = malloc(size + 1);
    const char *words[1024];
    size_t n = 0;
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    for (char *p = strtok(buf, " \n\t"); p && n < 1024; p = strtok(NULL, " \n\t")) words[n++] = p;
    dyad__timex x[64];
    size_t k = dyad__timex_scan(words, n, x, 64);
    if (k > 64) abort();
    const dyad__date doc = {2020, 6, 10, DYAD__DATE_DAY}, none = {0, 0, 0, DYAD__DATE_UNKNOWN};
    for (size_t i = 0; i < k; i++) {
        if (x[i].first >= x[i].end || x[i].end > n || (i && x[i].first < x[i - 1].end)) abort();
        for (int dir = -1; dir <= 1; dir++) {
            S_check(dyad__timex_resolve(&x[i], doc, dir));
            dyad__date d = dyad__timex_resolve(&x[i], none, dir);
            S_check(d);
            /* without a document date only a written year resolves */
            if (d.prec != DYAD__DATE_UNKNOWN && !x[i].y) abort();
        }
    }
    free(buf);
    return 0;
}
