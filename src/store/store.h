/*
 * store.h -- the store stage's internal header: what its files share.
 * The stage keeps what dyad codes and turns mentions into events:
 * consolidation (consolidate.c: the partition key, code lineage, the
 * clustering of one set of mentions into events) and event output
 * (export.c: JSONL, CSV, TSV and GDELT writers), and the SQLite store,
 * which calls consolidation one partition key at a time.
 * Invariant: consolidation depends on the SET of mentions only -- no
 * function here lets the order of input reach an event or its bytes.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "../common/common.h"
#include "../code/cameo.h"

#include <stddef.h>

/* =====================================================================
 * consolidation (consolidate.c, export.c)
 * ===================================================================== */

/* Longest CAMEO code node kept (4 digits + NUL, rounded up). */
#define DYAD__NODE_MAX 8

/* The node of a CAMEO code in the code tree: a root's "not specified"
 * code (three digits ending in 0: "040", "190") is the root itself
 * ("04", "19"); every other code is itself.  Writes at most
 * DYAD__NODE_MAX bytes (codes longer than 7 bytes are cut) and returns
 * the node's length. */
size_t dyad__code_node(const char *code, char out[DYAD__NODE_MAX]);

/* Nonzero when codes a and b may be one event: one's node is a prefix of
 * the other's ("04" and "041", "041" and "0411"; not "041" and "042"). */
int dyad__codes_compatible(const char *a, const char *b);

/* Day number of a valid YYYY-MM-DD date (days since 1970-01-01, negative
 * before); 0 and *ok = 0 when s is not one. */
long dyad__day_number(const char *s, int *ok);

/* The country of an actor code as the key sees it: the first three
 * characters, six when the code starts with IGO, NGO, IMG or MNC.
 * Returns the length (0 for NULL or ""). */
size_t dyad__actor_country(const char *code);

/* =====================================================================
 * the SQLite store (store.c) -- declarations belong to the store's author
 * ===================================================================== */

#endif
