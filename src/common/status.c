/*
 * status.c -- names and messages of dyad_status, generated from the one
 * X-macro list in dyad.h, and the per-handle error slot.
 */
#include "common.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The note hook (dyad_set_log): set before any handle exists, read by
 * whichever thread has a note; the mutex keeps notes whole when two
 * threads have one at once. */
static dyad_log_fn S_log_fn;
static void *S_log_ctx;
static pthread_mutex_t S_log_mu = PTHREAD_MUTEX_INITIALIZER;

void dyad_set_log(dyad_log_fn fn, void *ctx)
{
    pthread_mutex_lock(&S_log_mu);
    S_log_fn = fn;
    S_log_ctx = ctx;
    pthread_mutex_unlock(&S_log_mu);
}

void dyad__log(const char *msg)
{
    if (!msg || !*msg) return;
    pthread_mutex_lock(&S_log_mu);
    if (S_log_fn) S_log_fn(S_log_ctx, msg);
    pthread_mutex_unlock(&S_log_mu);
}

dyad_status dyad__err_set(dyad__err *e, dyad_status st, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    /* format into a buffer of its own (an argument may point into e) */
    char *full = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (full) vsnprintf(full, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    if (!full) {
        snprintf(e->msg, sizeof e->msg, "%s", dyad_strerror(st));
        return st;
    }
    dyad__buf esc;
    dyad__buf_init(&esc);
    dyad__escape(&esc, full, (size_t)n);
    if (esc.oom)
        dyad__shorten_middle(e->msg, sizeof e->msg, dyad_strerror(st), strlen(dyad_strerror(st)));
    else
        dyad__shorten_middle(e->msg, sizeof e->msg, esc.data ? esc.data : "", esc.len);
    dyad__buf_free(&esc);
    free(full);
    return st;
}
