/*
 * events.c -- the events of the store: consolidating the dirty keys again
 * from their mentions (through the consolidation part of this stage), and
 * the queries over events and mentions.  Part of the store stage.
 * Invariant: the events of a key are a function of the set of its
 * mentions only.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

/* Placeholder until the consolidation part lands: the unordered pair. */
void dyad__store_ckey(const char *source, const char *target, char *out, size_t cap)
{
    if (strcmp(source, target) > 0) {
        const char *t = source;
        source = target;
        target = t;
    }
    snprintf(out, cap, "%s|%s", source, target);
}

dyad_status dyad__store_consolidate_dirty(dyad_store *s, size_t *keys, size_t *events)
{
    (void)s;
    *keys = 0;
    *events = 0;
    return DYAD_OK;
}
