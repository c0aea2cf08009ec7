/*
 * pool.c -- documents coded in parallel (dyad_pool_*).  One engine per
 * worker thread, all over the same read-only dictionaries and tagger;
 * each document is coded by one engine alone, from a fresh story, so its
 * records are the same whichever worker codes it.  Results are handed
 * back in submission order, which makes the output byte for byte that of
 * one engine coding the documents in turn.
 *
 * A ring of `window` slots holds the documents in flight (submitted and
 * not yet taken back): a slot is QUEUED with its copy of the document,
 * RUNNING in a worker, DONE with the serialised records, problems and
 * trace, then FREE again once the caller has moved past it.  Workers take
 * QUEUED slots in submission order.  The caller never blocks in submit:
 * it takes a result first when the window is full, so memory is bounded
 * by the window whatever the input size.  With one thread the caller
 * codes each document itself at submission: no thread is started, and
 * the document is coded from the caller's text, copied for the result
 * only afterwards.  A document's records past the spill size
 * (dyad_pool_set_spill) wait in an unlinked temporary file, and
 * dyad_pool_room tells a caller when the text in flight would pass its
 * budget (dyad_pool_set_max_bytes), so that a corpus of long documents
 * is bounded by bytes as well as by documents.
 */
#include "engine.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SLOT_FREE = 0, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

typedef struct slot {
    int state;
    size_t seq;
    dyad_doc doc;               /* pointers into copy (and text) */
    char *copy;                 /* the document's strings */
    char *text;                 /* its text, when copied apart */
    size_t doc_len;             /* its length as submitted */
    dyad_status status;
    char *json;                 /* the records as JSON Lines */
    size_t json_len, nrecords;
    FILE *spill;                /* or here, once they outgrew memory */
    char **problems;
    size_t nproblems;
    char *trace;
    dyad_discard discarded;
} slot;

struct dyad_pool {
    unsigned nthreads;
    int inline_code;            /* one thread, coding in submit (the
                                   default for one thread) */
    dyad_engine **engines;      /* one per worker (one when inline) */
    pthread_t *threads;
    unsigned started;
    slot *slots;
    size_t window;
    size_t spill_bytes;         /* records past this go to a file (0: never) */
    size_t max_bytes;           /* text in flight that dyad_pool_room allows */
    size_t inflight;            /* bytes of text of the documents in flight */
    size_t submitted;           /* documents submitted so far */
    size_t taken;               /* results taken so far */
    size_t next_run;            /* the next document a worker starts */
    int held;                   /* the last result taken is still out */
    size_t burst;               /* dyad_pool_next waits for this many */
    int waiting;                /* the caller waits in dyad_pool_next */
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t work;        /* a slot became QUEUED, or stop */
    pthread_cond_t done;        /* a slot became DONE */
};

unsigned dyad_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n < 4096 ? (unsigned)n : 1;
}

static void S_slot_clear(slot *s)
{
    free(s->copy);
    free(s->text);
    free(s->json);
    if (s->spill) fclose(s->spill);
    for (size_t i = 0; i < s->nproblems; i++) free(s->problems[i]);
    free(s->problems);
    free(s->trace);
    memset(s, 0, sizeof *s);
}

/* Copies doc's strings into one block owned by s; its text too unless
 * with_text is 0 (then s->doc.text is still doc's: see S_slot_text). */
static dyad_status S_slot_fill(slot *s, const dyad_doc *doc, int with_text)
{
    const char *strs[] = {doc->id, doc->date, doc->source, doc->url, doc->title, doc->parse,
                          doc->path};
    size_t need = with_text ? doc->len + 1 : 0;
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (strs[i]) need += strlen(strs[i]) + 1;
    s->copy = malloc(need);
    if (!s->copy) return DYAD_ENOMEM;
    char *p = s->copy;
    s->doc = *doc;
    if (with_text) {
        memcpy(p, doc->text, doc->len);
        p[doc->len] = 0;
        s->doc.text = p;
        p += doc->len + 1;
    }
    const char **dst[] = {&s->doc.id, &s->doc.date, &s->doc.source, &s->doc.url, &s->doc.title,
                          &s->doc.parse, &s->doc.path};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        if (!strs[i]) continue;
        size_t n = strlen(strs[i]) + 1;
        memcpy(p, strs[i], n);
        *dst[i] = p;
        p += n;
    }
    return DYAD_OK;
}

/* The text copied apart, after coding: a one-thread pool codes the
 * caller's text in place, and copies it (for the result) only once the
 * text layer has let go of its own buffers, so a long document is not
 * held three times at once.  Without memory the result keeps an empty
 * text and says DYAD_ENOMEM. */
static void S_slot_text(slot *s)
{
    s->text = malloc(s->doc.len + 1);
    if (!s->text) {
        s->doc.text = "";
        s->doc.len = 0;
        if (s->status == DYAD_OK) s->status = DYAD_ENOMEM;
        return;
    }
    memcpy(s->text, s->doc.text, s->doc.len);
    s->text[s->doc.len] = 0;
    s->doc.text = s->text;
}

static char *S_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/* Where a document's records go while it is coded: JSON Lines in the
 * writer's own memory (dyad__json_new_mem), moved to an unlinked
 * temporary file once they pass the pool's spill size, so a long
 * document's records never sit in memory whole. */
typedef struct sink {
    slot *s;
    size_t spill_bytes;
    dyad_json *j;
    dyad_status st;             /* the first failure */
} sink;

static void S_sink_open(sink *k)
{
    k->j = dyad__json_new_mem();
    if (!k->j) k->st = DYAD_ENOMEM;
}

static void S_sink_write(sink *k, dyad_engine *e)
{
    if (!k->j) return;
    size_t n = dyad_engine_record_count(e);
    for (size_t i = 0; i < n; i++) dyad_record_write_json(dyad_engine_record(e, i), k->j);
    k->s->nrecords += n;
    if (!k->spill_bytes || k->s->spill || dyad__json_size(k->j) <= k->spill_bytes) return;
    /* past the spill size: what is in memory moves to a file, and the
     * rest is written there (no file to be had: it all stays in memory) */
    FILE *f = tmpfile();
    if (!f) return;
    dyad_status st = dyad__json_spill(k->j, f);
    if (st != DYAD_OK && k->st == DYAD_OK) k->st = st;
    k->s->spill = f;
}

static dyad_status S_sink_fn(void *ctx, dyad_engine *e, int drop_all)
{
    sink *k = ctx;
    if (!drop_all) {
        S_sink_write(k, e);
        return k->st;
    }
    /* a story discard: nothing of the document is kept (the writer is
     * freed, flushing into its file, before the file is closed) */
    dyad_json_free(k->j);
    k->j = NULL;
    if (k->s->spill) {
        fclose(k->s->spill);
        k->s->spill = NULL;
    }
    k->s->nrecords = 0;
    S_sink_open(k);
    return k->st;
}

/* Codes s's document with engine e and keeps what the caller will need. */
static void S_code(dyad_engine *e, slot *s, size_t spill_bytes)
{
    sink k = {s, spill_bytes, NULL, DYAD_OK};
    S_sink_open(&k);
    dyad__engine_set_sink(e, S_sink_fn, &k);
    s->status = dyad_engine_code(e, &s->doc);
    dyad__engine_set_sink(e, NULL, NULL);
    s->discarded = dyad_engine_discarded(e);
    S_sink_write(&k, e);
    if (k.j && dyad_json_flush(k.j) != DYAD_OK && k.st == DYAD_OK) k.st = s->spill ? DYAD_EIO : DYAD_ENOMEM;
    if (k.j && !s->spill) s->json = dyad__json_take(k.j, &s->json_len);
    dyad_json_free(k.j);
    if (s->spill) {
        long end = ftell(s->spill);
        if (end < 0 && k.st == DYAD_OK) k.st = DYAD_EIO;
        s->json_len = end > 0 ? (size_t)end : 0;
        rewind(s->spill);
    }
    if (k.st != DYAD_OK && s->status == DYAD_OK) s->status = k.st;
    size_t np = dyad_engine_problem_count(e);
    s->problems = np ? calloc(np, sizeof *s->problems) : NULL;
    for (size_t i = 0; s->problems && i < np; i++) {
        s->problems[i] = S_strdup(dyad_engine_problem(e, i));
        if (s->problems[i]) s->nproblems++;
    }
    s->trace = S_strdup(dyad_engine_trace(e));
}

/* Whether the caller's wait in dyad_pool_next is over: the oldest
 * result is done, and with a burst, the next `burst` ones too (or all
 * the submitted ones, when fewer).  Under the mutex. */
static int S_burst_ready(const dyad_pool *p)
{
    size_t n = p->submitted - p->taken;
    if (n > p->burst) n = p->burst;
    if (!n) n = 1;
    for (size_t i = 0; i < n; i++)
        if (p->slots[(p->taken + i) % p->window].state != SLOT_DONE) return 0;
    return 1;
}

static void *S_worker(void *arg)
{
    dyad_pool *p = ((void **)arg)[0];
    dyad_engine *e = ((void **)arg)[1];
    free(arg);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        slot *s = NULL;
        while (!p->stop) {
            if (p->next_run < p->submitted) {
                s = &p->slots[p->next_run % p->window];
                if (s->state == SLOT_QUEUED) break;
            }
            s = NULL;
            pthread_cond_wait(&p->work, &p->mu);
        }
        if (!s) break;
        s->state = SLOT_RUNNING;
        p->next_run++;
        pthread_mutex_unlock(&p->mu);
        S_code(e, s, p->spill_bytes);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        if (p->waiting && S_burst_ready(p)) pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Starts one worker per engine; DYAD_ENOMEM when none could start. */
static dyad_status S_start(dyad_pool *p)
{
    for (unsigned i = 0; i < p->nthreads; i++) {
        void **arg = malloc(2 * sizeof *arg);
        if (!arg) break;
        arg[0] = p;
        arg[1] = p->engines[i];
        if (pthread_create(&p->threads[i], NULL, S_worker, arg) != 0) {
            free(arg);
            break;
        }
        p->started++;
    }
    return p->started ? DYAD_OK : DYAD_ENOMEM;
}

dyad_status dyad_pool_new(dyad_pool **out, const dyad_dict *d, const dyad_tagger *tg,
                          const dyad_engine_options *o, unsigned threads)
{
    *out = NULL;
    if (!d) return DYAD_EINVAL;
    dyad_pool *p = calloc(1, sizeof *p);
    if (!p) return DYAD_ENOMEM;
    p->nthreads = threads ? threads : dyad_cpu_count();
    if (p->nthreads > 256) p->nthreads = 256;
    p->inline_code = p->nthreads == 1;
    p->window = p->inline_code ? 1 : (size_t)p->nthreads * 4;
    p->max_bytes = DYAD_POOL_MAX_BYTES;
    p->slots = calloc(p->window, sizeof *p->slots);
    p->engines = calloc(p->nthreads, sizeof *p->engines);
    p->threads = calloc(p->nthreads, sizeof *p->threads);
    if (!p->slots || !p->engines || !p->threads ||
        pthread_mutex_init(&p->mu, NULL) != 0) {
        free(p->slots);
        free(p->engines);
        free(p->threads);
        free(p);
        return DYAD_ENOMEM;
    }
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    *out = p;
    for (unsigned i = 0; i < p->nthreads; i++) {
        dyad_status st = dyad_engine_new(&p->engines[i], d, tg, o);
        if (st != DYAD_OK) {
            dyad_pool_free(p);
            *out = NULL;
            return st;
        }
    }
    if (p->inline_code) return DYAD_OK;
    if (S_start(p) != DYAD_OK) {
        dyad_pool_free(p);
        *out = NULL;
        return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

dyad_status dyad_pool_set_background(dyad_pool *p)
{
    if (!p || p->submitted) return DYAD_EINVAL;
    if (!p->inline_code) return DYAD_OK;
    p->inline_code = 0;
    if (S_start(p) != DYAD_OK) {
        p->inline_code = 1;
        return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

void dyad_pool_free(dyad_pool *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (unsigned i = 0; i < p->started; i++) pthread_join(p->threads[i], NULL);
    for (size_t i = 0; i < p->window; i++) S_slot_clear(&p->slots[i]);
    for (unsigned i = 0; p->engines && i < p->nthreads; i++) dyad_engine_free(p->engines[i]);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
    free(p->slots);
    free(p->engines);
    free(p->threads);
    free(p);
}

unsigned dyad_pool_threads(const dyad_pool *p)
{
    return p ? p->nthreads : 0;
}

size_t dyad_pool_window(const dyad_pool *p)
{
    return p ? p->window : 0;
}

dyad_status dyad_pool_set_window(dyad_pool *p, size_t n)
{
    if (!p || p->submitted) return DYAD_EINVAL;
    if (p->inline_code) return DYAD_OK;   /* coded in submit: one slot */
    if (n < p->nthreads) n = p->nthreads;
    slot *slots = calloc(n, sizeof *slots);
    if (!slots) return DYAD_ENOMEM;
    pthread_mutex_lock(&p->mu);   /* the workers wait: nothing submitted */
    free(p->slots);
    p->slots = slots;
    p->window = n;
    pthread_mutex_unlock(&p->mu);
    return DYAD_OK;
}

dyad_status dyad_pool_set_burst(dyad_pool *p, size_t n)
{
    if (!p || n > p->window) return DYAD_EINVAL;
    pthread_mutex_lock(&p->mu);
    p->burst = n > 1 ? n : 1;
    pthread_mutex_unlock(&p->mu);
    return DYAD_OK;
}

void dyad_pool_set_max_bytes(dyad_pool *p, size_t bytes)
{
    if (p) p->max_bytes = bytes ? bytes : DYAD_POOL_MAX_BYTES;
}

int dyad_pool_room(const dyad_pool *p, size_t len)
{
    if (!p) return 0;
    size_t pending = p->submitted - p->taken;
    if (pending >= p->window) return 0;
    /* the result taken last is released by the next call: not in flight */
    size_t inflight = p->inflight;
    if (p->held) {
        inflight -= p->slots[(p->taken - 1) % p->window].doc_len;
    }
    return pending == 0 || inflight + len <= p->max_bytes;
}

void dyad_pool_set_spill(dyad_pool *p, size_t bytes)
{
    if (p) p->spill_bytes = bytes;
}

dyad_status dyad_pool_result_write(const dyad_pool_result *r, FILE *out)
{
    if (!r || !out) return DYAD_EINVAL;
    if (!r->json_spill)
        return !r->json_len || fwrite(r->json, 1, r->json_len, out) == r->json_len ? DYAD_OK : DYAD_EIO;
    char buf[1 << 16];
    size_t left = r->json_len, n;
    rewind(r->json_spill);
    while (left && (n = fread(buf, 1, left < sizeof buf ? left : sizeof buf, r->json_spill)) > 0) {
        if (fwrite(buf, 1, n, out) != n) return DYAD_EIO;
        left -= n;
    }
    return left ? DYAD_EIO : DYAD_OK;
}

size_t dyad_pool_pending(const dyad_pool *p)
{
    return p ? p->submitted - p->taken : 0;
}

/* Frees the slot of the result taken last, now that the caller moved on. */
static void S_release(dyad_pool *p)
{
    if (!p->held) return;
    slot *s = &p->slots[(p->taken - 1) % p->window];
    p->inflight -= s->doc_len;
    S_slot_clear(s);
    p->held = 0;
}

dyad_status dyad_pool_submit(dyad_pool *p, const dyad_doc *doc)
{
    if (!p || !doc || !doc->id || (!doc->text && doc->len)) return DYAD_EINVAL;
    pthread_mutex_lock(&p->mu);
    S_release(p);
    if (p->submitted - p->taken >= p->window) {
        pthread_mutex_unlock(&p->mu);
        return DYAD_EINVAL;     /* take a result first */
    }
    slot *s = &p->slots[p->submitted % p->window];
    S_slot_clear(s);
    dyad_status st = S_slot_fill(s, doc, !p->inline_code);
    if (st != DYAD_OK) {
        pthread_mutex_unlock(&p->mu);
        return st;
    }
    s->seq = p->submitted;
    s->state = SLOT_QUEUED;
    s->doc_len = doc->len;
    p->inflight += doc->len;
    p->submitted++;
    if (p->inline_code) {
        pthread_mutex_unlock(&p->mu);
        S_code(p->engines[0], s, p->spill_bytes);
        S_slot_text(s);
        s->state = SLOT_DONE;
        p->next_run++;
        return DYAD_OK;
    }
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return DYAD_OK;
}

dyad_status dyad_pool_next(dyad_pool *p, dyad_pool_result *out)
{
    if (!p || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&p->mu);
    S_release(p);
    if (p->taken == p->submitted) {
        pthread_mutex_unlock(&p->mu);
        return DYAD_ENOTFOUND;
    }
    slot *s = &p->slots[p->taken % p->window];
    if (s->state != SLOT_DONE) {
        p->waiting = 1;
        while (!S_burst_ready(p)) pthread_cond_wait(&p->done, &p->mu);
        p->waiting = 0;
    }
    p->taken++;
    p->held = 1;
    pthread_mutex_unlock(&p->mu);
    out->doc_id = s->doc.id;
    out->doc = &s->doc;
    out->status = s->status;
    out->json = s->spill ? NULL : s->json ? s->json : "";
    out->json_len = s->spill || s->json ? s->json_len : 0;
    out->json_spill = s->spill;
    out->nrecords = s->nrecords;
    out->problems = (const char *const *)s->problems;
    out->nproblems = s->nproblems;
    out->trace = s->trace ? s->trace : "";
    out->discarded = s->discarded;
    return DYAD_OK;
}
