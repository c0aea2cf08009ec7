/*
 * status.c -- names and messages of dyad_status, generated from the one
 * X-macro list in dyad.h, and the per-handle error slot.
 */
#include "common.h"

#include <stdio.h>

const char *dyad_status_name(dyad_status st)
{
    switch (st) {
#define DYAD__NAME(name, value, msg) case DYAD_##name: return "DYAD_" #name;
        DYAD_STATUS_MAP(DYAD__NAME)
#undef DYAD__NAME
    }
    return "DYAD_UNKNOWN";
}

const char *dyad_strerror(dyad_status st)
{
    switch (st) {
#define DYAD__MSG(name, value, msg) case DYAD_##name: return msg;
        DYAD_STATUS_MAP(DYAD__MSG)
#undef DYAD__MSG
    }
    return "unknown status";
}

const char *dyad_version(void) { return DYAD_VERSION; }

dyad_status dyad__err_set(dyad__err *e, dyad_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return st;
}
