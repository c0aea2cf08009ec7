/*
 * cameo.c -- the CAMEO event-code table of the code stage: code, name,
 * root, quad class, Goldstein value and PLOVER category for every CAMEO
 * code, compiled in from data/cameo/cameo.tsv (cameo_gen.cmake writes the
 * rows into cameo_table.inc at build time; the TSV is the only source).
 * Lookups are binary searches over the static array.  Invariant: the rows
 * are sorted by code in byte order and the codes are unique; the generator
 * refuses a TSV that breaks this, and tests/test_cameo.c checks it again.
 */
#include "cameo.h"

#include <string.h>

static const dyad_cameo_info S_table[] = {
#include "cameo_table.inc"
};

const dyad_cameo_info *dyad__cameo_find(const char *code, size_t len)
{
    size_t lo = 0, hi = DYAD_ARRAY_LEN(S_table);

    if (!code || len < 2 || len > 4)
        return NULL;
    for (size_t i = 0; i < len; i++)
        if (code[i] < '0' || code[i] > '9')
            return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = S_table[mid].code;
        size_t clen = strlen(c);
        int cmp = memcmp(c, code, clen < len ? clen : len);
        if (cmp == 0)
            cmp = (clen > len) - (clen < len);
        if (cmp == 0)
            return &S_table[mid];
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
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
