/*
 * cameo.c -- the CAMEO event-code table of the code stage: code, name,
 * root, quad class, Goldstein value and PLOVER category for every CAMEO
 * code, compiled in from data/cameo/cameo.tsv (cameo_gen.cmake writes the
 * rows into cameo_table.inc at build time; the TSV is the only source).
 * Lookups go through an index by length and value, built once (S_index).
 * Invariant: the rows are sorted by code in byte order and the codes are
 * unique; the generator refuses a TSV that breaks this, and
 * tests/test_cameo.c checks it again.
 */
#include "cameo.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

static const dyad_cameo_info S_table[] = {
#include "cameo_table.inc"
};

/* The rows by code, built once: per code length (2, 3, 4 digits) and
 * value, 1 + the row's index, 0 when no row has that code.  A lookup is
 * one load where the binary search compared about eight codes. */
static uint16_t S_by2[100], S_by3[1000], S_by4[10000];
static pthread_once_t S_index_once = PTHREAD_ONCE_INIT;

static void S_index(void)
{
    for (size_t r = 0; r < DYAD_ARRAY_LEN(S_table); r++) {
        const char *c = S_table[r].code;
        size_t len = strlen(c);
        unsigned v = 0;
        int ok = len >= 2 && len <= 4;
        for (size_t i = 0; ok && i < len; i++) {
            if (c[i] < '0' || c[i] > '9') ok = 0;
            else v = v * 10 + (unsigned)(c[i] - '0');
        }
        if (!ok) continue;   /* the generator admits none: kept unfound */
        uint16_t *slot = len == 2 ? &S_by2[v] : len == 3 ? &S_by3[v] : &S_by4[v];
        if (!*slot) *slot = (uint16_t)(r + 1);
    }
}

const dyad_cameo_info *dyad__cameo_find(const char *code, size_t len)
{
    if (!code || len < 2 || len > 4)
        return NULL;
    unsigned v = 0;
    for (size_t i = 0; i < len; i++) {
        if (code[i] < '0' || code[i] > '9')
            return NULL;
        v = v * 10 + (unsigned)(code[i] - '0');
    }
    pthread_once(&S_index_once, S_index);
    uint16_t r = len == 2 ? S_by2[v] : len == 3 ? S_by3[v] : S_by4[v];
    return r ? &S_table[r - 1] : NULL;
}

dyad_status dyad_cameo_lookup(const char *code, const dyad_cameo_info **out)
{
    if (out)
        *out = NULL;
    if (!code || !out)
        return DYAD_EINVAL;
    *out = dyad__cameo_find(code, strnlen(code, 5));
    return *out ? DYAD_OK : DYAD_ENOTFOUND;
}

size_t dyad_cameo_count(void) { return DYAD_ARRAY_LEN(S_table); }

const dyad_cameo_info *dyad_cameo_at(size_t i)
{
    return i < DYAD_ARRAY_LEN(S_table) ? &S_table[i] : NULL;
}
