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

/* ------------------------------------------------------------- queries */

/* The end of the range of codes starting with p: p with its last byte
 * raised by one ("RUS" -> "RUT"), so that "code >= p AND code < end"
 * is a prefix test an index answers. */
static void S_prefix_end(const char *p, char *out, size_t cap)
{
    size_t n = strlen(p);
    if (n >= cap) n = cap - 1;
    memcpy(out, p, n);
    out[n] = 0;
    while (n > 0 && (unsigned char)out[n - 1] == 0xff) out[--n] = 0;
    if (n > 0) out[n - 1] = (char)((unsigned char)out[n - 1] + 1);
}

typedef struct S_query {
    dyad__buf sql;
    const char *args[24];
    char ends[24][64];
    int nargs;
} S_query;

/* Adds a bound value; returns its parameter number. */
static int S_arg(S_query *q, const char *v)
{
    q->args[q->nargs] = v;
    return ++q->nargs;
}

static void S_prefix(S_query *q, const char *col, const char *p)
{
    int a = S_arg(q, p);
    S_prefix_end(p, q->ends[q->nargs], sizeof q->ends[0]);
    int b = S_arg(q, q->ends[q->nargs]);
    if (!*p) dyad__buf_printf(&q->sql, "1");
    else dyad__buf_printf(&q->sql, "(%s >= ?%d AND %s < ?%d)", col, a, col, b);
}

static void S_build(S_query *q, const dyad_event_filter *f, const char *what)
{
    dyad__buf_init(&q->sql);
    q->nargs = 0;
    dyad__buf_printf(&q->sql, "SELECT %s FROM events WHERE 1", what);
    if (!f) goto order;
    if (f->actor) {
        /* an OR of two index ranges: SQLite's multi-index OR */
        dyad__buf_printf(&q->sql, " AND (");
        S_prefix(q, "source", f->actor);
        dyad__buf_printf(&q->sql, " OR ");
        S_prefix(q, "target", f->actor);
        dyad__buf_printf(&q->sql, ")");
    }
    if (f->dyad_a && f->dyad_b) {
        dyad__buf_printf(&q->sql, " AND ((");
        S_prefix(q, "source", f->dyad_a);
        dyad__buf_printf(&q->sql, " AND ");
        S_prefix(q, "target", f->dyad_b);
        dyad__buf_printf(&q->sql, ") OR (");
        S_prefix(q, "source", f->dyad_b);
        dyad__buf_printf(&q->sql, " AND ");
        S_prefix(q, "target", f->dyad_a);
        dyad__buf_printf(&q->sql, "))");
    }
    if (f->code_prefix) {
        dyad__buf_printf(&q->sql, " AND ");
        S_prefix(q, "code", f->code_prefix);
    }
    if (f->from) dyad__buf_printf(&q->sql, " AND date >= ?%d", S_arg(q, f->from));
    if (f->to) {
        /* "2020-06" takes "2020-06-30": '~' sorts after every date byte */
        snprintf(q->ends[q->nargs], sizeof q->ends[0], "%s~", f->to);
        dyad__buf_printf(&q->sql, " AND date <= ?%d", S_arg(q, q->ends[q->nargs]));
    }
    if (f->country) dyad__buf_printf(&q->sql, " AND country = ?%d", S_arg(q, f->country));
    if (f->modality) dyad__buf_printf(&q->sql, " AND modality = ?%d", S_arg(q, f->modality));
order:
    dyad__buf_printf(&q->sql, " ORDER BY date, id");
}

static dyad_status S_prepare_query(dyad_store *s, const dyad_event_filter *f, const char *what,
                                   sqlite3_stmt **st)
{
    S_query q;
    S_build(&q, f, what);
    if (q.sql.oom) {
        dyad__buf_free(&q.sql);
        return dyad__err_set(&s->err, DYAD_ENOMEM, "out of memory");
    }
    dyad_status rc = dyad__store_prepare(s, st, dyad__buf_cstr(&q.sql));
    dyad__buf_free(&q.sql);
    if (rc != DYAD_OK) return rc;
    for (int i = 0; i < q.nargs; i++)
        sqlite3_bind_text(*st, i + 1, q.args[i], -1, SQLITE_TRANSIENT);
    return DYAD_OK;
}

/* Steps st, handing column 0 of each row to fn. */
static dyad_status S_each(dyad_store *s, sqlite3_stmt *st,
                          int (*fn)(void *ctx, const char *json, size_t len), void *ctx,
                          size_t *rows)
{
    int rc;
    *rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        (*rows)++;
        const char *t = (const char *)sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        if (fn(ctx, t ? t : "", t ? n : 0)) return DYAD_OK;
    }
    if (rc != SQLITE_DONE) return dyad__store_fail(s, rc, "reading");
    return DYAD_OK;
}

dyad_status dyad_store_events(dyad_store *s, const dyad_event_filter *f,
                              int (*fn)(void *ctx, const char *json, size_t len), void *ctx)
{
    if (!s || !s->db || !fn) return DYAD_EINVAL;
    sqlite3_stmt *st = NULL;
    DYAD_TRY(S_prepare_query(s, f, "record", &st));
    size_t rows;
    dyad_status rc = S_each(s, st, fn, ctx, &rows);
    sqlite3_finalize(st);
    return rc;
}

dyad_status dyad_store_events_plan(dyad_store *s, const dyad_event_filter *f, char *out,
                                   size_t cap)
{
    if (!s || !s->db || !out || !cap) return DYAD_EINVAL;
    out[0] = 0;
    S_query q;
    S_build(&q, f, "record");
    dyad__buf sql;
    dyad__buf_init(&sql);
    dyad__buf_printf(&sql, "EXPLAIN QUERY PLAN %s", dyad__buf_cstr(&q.sql));
    dyad__buf_free(&q.sql);
    sqlite3_stmt *st = NULL;
    dyad_status rc = sql.oom ? DYAD_ENOMEM : dyad__store_prepare(s, &st, dyad__buf_cstr(&sql));
    dyad__buf_free(&sql);
    if (rc != DYAD_OK) return rc;
    size_t n = 0;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(st, 3);
        int k = snprintf(out + n, cap - n, "%s\n", d ? d : "");
        if (k < 0 || (size_t)k >= cap - n) break;
        n += (size_t)k;
    }
    sqlite3_finalize(st);
    return DYAD_OK;
}

dyad_status dyad_store_mentions(dyad_store *s, const char *event_id,
                                int (*fn)(void *ctx, const char *json, size_t len), void *ctx)
{
    if (!s || !s->db || !event_id || !fn) return DYAD_EINVAL;
    sqlite3_stmt *st = NULL;
    DYAD_TRY(dyad__store_prepare(s, &st, "SELECT 1 FROM events WHERE id=?1"));
    sqlite3_bind_text(st, 1, event_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return dyad__err_set(&s->err, DYAD_ENOTFOUND, "%s: no event %s", s->path, event_id);
    if (rc != SQLITE_ROW) return dyad__store_fail(s, rc, "reading");
    DYAD_TRY(dyad__store_prepare(s, &st, "SELECT m.record FROM event_mentions l JOIN mentions m "
                                         "ON m.doc_id=l.doc_id AND m.seq=l.seq "
                                         "WHERE l.event_id=?1 ORDER BY l.doc_id, l.seq"));
    sqlite3_bind_text(st, 1, event_id, -1, SQLITE_TRANSIENT);
    size_t rows;
    dyad_status r = S_each(s, st, fn, ctx, &rows);
    sqlite3_finalize(st);
    return r;
}
