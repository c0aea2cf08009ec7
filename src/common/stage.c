/*
 * stage.c -- the per-thread stage clocks of a DYAD_STAGE_TIMING build
 * (see common.h); empty otherwise.
 */
#include "common.h"

#ifdef DYAD_STAGE_TIMING
#include <time.h>

static _Thread_local double S_totals[DYAD__STAGE_COUNT];

double dyad__stage_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double *dyad__stage_totals(void) { return S_totals; }
#else
typedef int dyad__stage_unused;   /* ISO C wants a declaration in a file */
#endif
