/*
 * cameo.h -- the code stage's view of the CAMEO event-code table: the
 * built-in rows (generated at build time from data/cameo/cameo.tsv by
 * cameo_gen.cmake) and a lookup by code that works on slices, for callers
 * that hold a code inside a larger string (a dictionary line's "[041]").
 * Invariant: the table is static, read-only and sorted by code in byte
 * order, so lookups need no locking and no allocation.
 */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include "../common/common.h"

/* The row for code[0..len), or NULL when there is none (including len
 * outside 2-4 or any non-digit).  code need not be NUL-terminated. */
const dyad_cameo_info *dyad__cameo_find(const char *code, size_t len);

#endif
