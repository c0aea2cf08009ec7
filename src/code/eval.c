/*
 * eval.c -- scores coded events against a hand-annotated gold set, at
 * three levels: PLOVER category; category plus the source and target
 * countries; full CAMEO code plus full actor codes.  Gold events locate
 * their sentence by byte offsets into the story text; system events
 * (`dyad code` output) by their sentence text, found in the story text,
 * or by offsets when they carry them.  A system event and a gold event of
 * the same story can match when their sentence spans overlap; at each
 * level, gold events in file order take the agreeing unmatched system
 * event with the largest overlap (one-to-one, greedy).
 * Part of the code stage: it reads the CAMEO table; JSON lines are parsed
 * with jansson.  Invariant: every string an event or story holds lives in
 * the evaluator's arena until dyad_eval_free().
 */
#include "cameo.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define EVAL_NOSPAN ((size_t)-1)
#define EVAL_NROOTS 21          /* "01".."20"; slot 0 holds any other root */

typedef struct eval_story {
    const char *id;
    const char *text;           /* NULL until dyad_eval_add_story() */
    size_t len;
    int in_gold;                /* named by a gold line */
} eval_story;

enum { EVAL_REPEAT = 1, EVAL_NOT_DONE = 2 };

typedef struct eval_event {
    size_t story;               /* index into the story table */
    size_t seq;                 /* order of loading: ties of the matching
                                   go to the earlier line */
    size_t start, end;          /* sentence span; EVAL_NOSPAN: not placed */
    const char *sentence;       /* system: the sentence text, or NULL */
    size_t slen;
    const char *source, *target, *code;
    const char *category;       /* PLOVER category, else the root */
    char root[3];
    char src_country[7], tgt_country[7];
    int dup;                    /* EVAL_REPEAT: repeats an earlier event of
                                   its sentence; EVAL_NOT_DONE: planned,
                                   negated or hypothetical (scored apart) */
    int matched[DYAD_EVAL_NLEVELS];
    size_t partner;             /* the event it matched at the category +
                                   countries level (EVAL_NOSPAN: none) */
    char date[11];              /* YYYY-MM-DD, YYYY-MM, YYYY, or "" */
    int modality;               /* a dyad_modality_kind; not asserted:
                                   scored apart from the main levels */
} eval_event;

typedef struct eval_list {
    eval_event *v;
    size_t n, cap;
} eval_list;

struct dyad_eval {
    dyad__arena arena;          /* strings of stories and events */
    eval_story *stories;
    size_t nstories, capstories;
    size_t *slots;              /* hash table of story indexes + 1; 0 empty */
    size_t nslots;
    int have_gold;              /* a gold file was loaded */
    eval_list ev[2];            /* DYAD_EVAL_GOLD, DYAD_EVAL_SYSTEM */
    size_t outside;             /* system events of other stories, dropped */
    size_t skipped;             /* malformed lines skipped */
    size_t seq;                 /* events loaded so far */
    dyad_eval_info info;
    dyad_eval_score score[DYAD_EVAL_NLEVELS][EVAL_NROOTS + 1]; /* last: all */
    int ran;
    dyad__err err;
};

/* ---------------------------------------------------------------- stories */

static size_t S_hash(const char *s, size_t n)
{
    size_t h = 14695981039346656037ULL & (size_t)-1;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
    return h;
}

static int S_rehash(dyad_eval *ev, size_t nslots)
{
    size_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < ev->nstories; i++) {
        const char *id = ev->stories[i].id;
        size_t h = S_hash(id, strlen(id)) & (nslots - 1);
        while (slots[h]) h = (h + 1) & (nslots - 1);
        slots[h] = i + 1;
    }
    free(ev->slots);
    ev->slots = slots;
    ev->nslots = nslots;
    return 0;
}

/* Index of story id[0..n), or EVAL_NOSPAN when unknown. */
static size_t S_story_find(const dyad_eval *ev, const char *id, size_t n)
{
    if (!ev->nslots) return EVAL_NOSPAN;
    size_t h = S_hash(id, n) & (ev->nslots - 1);
    while (ev->slots[h]) {
        const eval_story *s = &ev->stories[ev->slots[h] - 1];
        if (strlen(s->id) == n && memcmp(s->id, id, n) == 0) return ev->slots[h] - 1;
        h = (h + 1) & (ev->nslots - 1);
    }
    return EVAL_NOSPAN;
}

/* Index of story id[0..n), added when new; EVAL_NOSPAN on ENOMEM. */
static size_t S_story_get(dyad_eval *ev, const char *id, size_t n)
{
    size_t i = S_story_find(ev, id, n);
    if (i != EVAL_NOSPAN) return i;
    if (ev->nstories == ev->capstories) {
        size_t cap = ev->capstories ? ev->capstories * 2 : 64;
        eval_story *v = realloc(ev->stories, cap * sizeof *v);
        if (!v) return EVAL_NOSPAN;
        ev->stories = v;
        ev->capstories = cap;
    }
    if ((ev->nstories + 1) * 2 > ev->nslots &&
        S_rehash(ev, ev->nslots ? ev->nslots * 2 : 128) != 0)
        return EVAL_NOSPAN;
    const char *copy = dyad__arena_strndup(&ev->arena, id, n);
    if (!copy) return EVAL_NOSPAN;
    eval_story *s = &ev->stories[ev->nstories];
    memset(s, 0, sizeof *s);
    s->id = copy;
    size_t h = S_hash(id, n) & (ev->nslots - 1);
    while (ev->slots[h]) h = (h + 1) & (ev->nslots - 1);
    ev->slots[h] = ++ev->nstories;
    return ev->nstories - 1;
}

/* ------------------------------------------------------------- lifecycle */

dyad_status dyad_eval_new(dyad_eval **out)
{
    if (!out) return DYAD_EINVAL;
    *out = calloc(1, sizeof **out);
    if (!*out) return DYAD_ENOMEM;
    dyad__arena_init(&(*out)->arena, 0);
    return DYAD_OK;
}

void dyad_eval_free(dyad_eval *ev)
{
    if (!ev) return;
    dyad__arena_free(&ev->arena);
    free(ev->stories);
    free(ev->slots);
    free(ev->ev[0].v);
    free(ev->ev[1].v);
    free(ev);
}

const char *dyad_eval_errmsg(const dyad_eval *ev)
{
    return ev ? ev->err.msg : "out of memory";
}

dyad_status dyad_eval_add_story(dyad_eval *ev, const char *id, const char *text, size_t len)
{
    if (!ev || !id || (!text && len)) return DYAD_EINVAL;
    size_t n = strlen(id);
    size_t i = S_story_find(ev, id, n);
    /* Once the gold set is known, only its stories are worth keeping. */
    if (ev->have_gold && (i == EVAL_NOSPAN || !ev->stories[i].in_gold)) return DYAD_OK;
    if (i == EVAL_NOSPAN && (i = S_story_get(ev, id, n)) == EVAL_NOSPAN)
        return dyad__err_set(&ev->err, DYAD_ENOMEM, "out of memory");
    const char *copy = dyad__arena_strndup(&ev->arena, text ? text : "", len);
    if (!copy) return dyad__err_set(&ev->err, DYAD_ENOMEM, "out of memory");
    ev->stories[i].text = copy;
    ev->stories[i].len = len;
    ev->ran = 0;
    return DYAD_OK;
}

/* ----------------------------------------------------------- event facts */

/* The "country" of an actor code for the countries level: its first three
 * letters, except for international and transnational codes (IGO, NGO,
 * IMG, MNC), where the next three letters name the body or region and
 * belong to it: IGOUNO, IGOEUR, NGOHLH, IMGMUS. */
static void S_country(const char *code, char out[7])
{
    size_t n = strlen(code), k = 3;
    if (n >= 6 && (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) ||
                   !strncmp(code, "IMG", 3) || !strncmp(code, "MNC", 3)))
        k = 6;
    if (k > n) k = n;
    memcpy(out, code, k);
    out[k] = 0;
}

static void S_facts(eval_event *e)
{
    const dyad_cameo_info *info = dyad__cameo_find(e->code, strlen(e->code));
    if (info) {
        memcpy(e->root, info->root, 3);
        e->category = info->plover ? info->plover : info->root;
    } else {
        size_t n = strlen(e->code);
        int digits = n >= 2 && e->code[0] >= '0' && e->code[0] <= '9' &&
                     e->code[1] >= '0' && e->code[1] <= '9';
        e->root[0] = digits ? e->code[0] : '?';
        e->root[1] = digits ? e->code[1] : '?';
        e->root[2] = 0;
        e->category = e->code;   /* unknown codes agree only with themselves */
    }
    S_country(e->source, e->src_country);
    S_country(e->target, e->tgt_country);
}

static int S_root_slot(const char root[3])
{
    if (root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9') return 0;
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

static int S_agree(const eval_event *g, const eval_event *s, int level)
{
    switch (level) {
    case DYAD_EVAL_CATEGORY:
        return strcmp(g->category, s->category) == 0;
    case DYAD_EVAL_COUNTRIES:
        return strcmp(g->category, s->category) == 0 &&
               strcmp(g->src_country, s->src_country) == 0 &&
               strcmp(g->tgt_country, s->tgt_country) == 0;
    default:
        return strcmp(g->code, s->code) == 0 && strcmp(g->source, s->source) == 0 &&
               strcmp(g->target, s->target) == 0;
    }
}

/* ----------------------------------------------------------------- input */

/* A string member (an integer is written out; null gives dflt), copied
 * into the arena; NULL when absent or of another type. */
static const char *S_str(dyad_eval *ev, json_t *obj, const char *key, const char *dflt,
                         size_t *len)
{
    json_t *v = json_object_get(obj, key);
    char num[32];
    const char *s = NULL;
    size_t n = 0;
    if (json_is_string(v)) {
        s = json_string_value(v);
        n = json_string_length(v);
    } else if (json_is_integer(v)) {
        n = (size_t)snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        s = num;
    } else if (json_is_null(v) && dflt) {
        s = dflt;
        n = strlen(dflt);
    }
    if (!s) return NULL;
    if (len) *len = n;
    return dyad__arena_strndup(&ev->arena, s, n);
}

static int S_offset(json_t *obj, const char *key, size_t *out)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0) return 0;
    *out = (size_t)json_integer_value(v);
    return 1;
}

static eval_event *S_push(eval_list *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        eval_event *v = realloc(l->v, cap * sizeof *v);
        if (!v) return NULL;
        l->v = v;
        l->cap = cap;
    }
    eval_event *e = &l->v[l->n++];
    memset(e, 0, sizeof *e);
    return e;
}

/* One line.  Returns DYAD_OK, DYAD_EFORMAT / DYAD_EJSON (skipped, message
 * set) or DYAD_ENOMEM. */
static dyad_status S_line(dyad_eval *ev, dyad_eval_side side, const char *name,
                          unsigned long lineno, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
    if (i == n) return DYAD_OK;  /* blank */
    json_error_t je;
    json_t *obj = json_loadb(p, n, 0, &je);
    if (!obj)
        return dyad__err_set(&ev->err, DYAD_EJSON, "%s:%lu: malformed JSON (%s); line skipped",
                             name, lineno, je.text);
    dyad_status st = DYAD_OK;
    const char *what = NULL;
    size_t idlen = 0;
    const char *id = NULL;
    if (!json_is_object(obj)) {
        what = "not a JSON object";
    } else if (!(id = S_str(ev, obj, "story", NULL, &idlen)) &&
               !(id = S_str(ev, obj, "doc_id", NULL, &idlen))) {
        what = "no story (or doc_id)";
    }
    if (what) goto bad;

    json_t *jcode = json_object_get(obj, "code");
    if (side == DYAD_EVAL_GOLD && !jcode) {     /* a story marker */
        size_t k = S_story_get(ev, id, idlen);
        if (k == EVAL_NOSPAN) { st = DYAD_ENOMEM; goto out; }
        ev->stories[k].in_gold = 1;
        goto out;
    }
    if (side == DYAD_EVAL_SYSTEM && ev->have_gold) {
        size_t k = S_story_find(ev, id, idlen);
        if (k == EVAL_NOSPAN || !ev->stories[k].in_gold) { ev->outside++; goto out; }
    }
    const char *unknown = side == DYAD_EVAL_SYSTEM ? "---" : NULL;
    const char *code = S_str(ev, obj, "code", NULL, NULL);
    const char *source = S_str(ev, obj, "source", unknown, NULL);
    const char *target = S_str(ev, obj, "target", unknown, NULL);
    size_t start = EVAL_NOSPAN, end = EVAL_NOSPAN;
    int has_span = S_offset(obj, "start", &start) && S_offset(obj, "end", &end) && start < end;
    size_t slen = 0;
    const char *sentence = side == DYAD_EVAL_SYSTEM ? S_str(ev, obj, "sentence", NULL, &slen)
                                                    : NULL;
    if (!code || !*code || !source || !target) {
        what = "an event needs code, source and target strings";
    } else if (side == DYAD_EVAL_GOLD && !has_span) {
        what = "a gold event needs integer start < end";
    } else if (side == DYAD_EVAL_SYSTEM && !has_span && !sentence) {
        what = "a system event needs its sentence text or start and end";
    }
    if (what) goto bad;
    size_t k = S_story_get(ev, id, idlen);
    eval_event *e = k == EVAL_NOSPAN ? NULL : S_push(&ev->ev[side]);
    if (!e) { st = DYAD_ENOMEM; goto out; }
    if (side == DYAD_EVAL_GOLD) ev->stories[k].in_gold = 1;
    e->story = k;
    e->seq = ++ev->seq;
    e->start = has_span ? start : EVAL_NOSPAN;
    e->end = has_span ? end : EVAL_NOSPAN;
    e->sentence = sentence;
    e->slen = slen;
    e->code = code;
    e->source = source;
    e->target = target;
    S_facts(e);
    json_t *jd = json_object_get(obj, "date");
    size_t dl = json_is_string(jd) ? strlen(json_string_value(jd)) : 0;
    if (dl == 4 || dl == 7 || dl == 10) memcpy(e->date, json_string_value(jd), dl + 1);
    json_t *jm = json_object_get(obj, "modality");
    if (json_is_string(jm)) {
        const char *m = json_string_value(jm);
        for (int k = 1; k < 4; k++)
            if (!strcmp(m, dyad_modality_kind_name((dyad_modality_kind)k))) e->modality = k;
    }
    goto out;
bad:
    st = dyad__err_set(&ev->err, DYAD_EFORMAT, "%s:%lu: %s; line skipped", name, lineno, what);
out:
    json_decref(obj);
    if (st == DYAD_ENOMEM) dyad__err_set(&ev->err, DYAD_ENOMEM, "out of memory");
    return st;
}

/* Counts the outcome of one line: skipped lines are counted and the first
 * message of a file is kept in first (sizeof ev->err.msg bytes). */
static dyad_status S_tally(dyad_eval *ev, dyad_status st, dyad_status *worst, char *first)
{
    if (st == DYAD_OK || st == DYAD_ENOMEM) return st;
    ev->skipped++;
    if (*worst == DYAD_OK) {
        *worst = DYAD_EFORMAT;
        memcpy(first, ev->err.msg, sizeof ev->err.msg);
    }
    return DYAD_OK;
}

static dyad_status S_done(dyad_eval *ev, dyad_eval_side side, dyad_status worst,
                          const char *first)
{
    if (side == DYAD_EVAL_GOLD) ev->have_gold = 1;
    ev->ran = 0;
    if (worst != DYAD_OK) memcpy(ev->err.msg, first, sizeof ev->err.msg);
    return worst;
}

dyad_status dyad_eval_add_jsonl(dyad_eval *ev, dyad_eval_side side, const char *name,
                                const char *data, size_t len)
{
    if (!ev || (side != DYAD_EVAL_GOLD && side != DYAD_EVAL_SYSTEM) || (!data && len))
        return DYAD_EINVAL;
    if (!name) name = side == DYAD_EVAL_GOLD ? "gold" : "events";
    dyad_status worst = DYAD_OK;
    char first[sizeof ev->err.msg] = "";
    unsigned long lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *p = data + pos;
        const char *nl = memchr(p, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - p) : len - pos;
        pos += n + (nl != NULL);
        if (S_tally(ev, S_line(ev, side, name, ++lineno, p, n), &worst, first) == DYAD_ENOMEM)
            return DYAD_ENOMEM;
    }
    return S_done(ev, side, worst, first);
}

/* Reads line by line, so memory follows what is kept, not the file size
 * (an events file of a large corpus is mostly other stories). */
dyad_status dyad_eval_load(dyad_eval *ev, dyad_eval_side side, const char *path)
{
    if (!ev || !path || (side != DYAD_EVAL_GOLD && side != DYAD_EVAL_SYSTEM))
        return DYAD_EINVAL;
    const char *why = NULL;
    FILE *f = dyad__fopen_regular(path, &why);   /* a FIFO must not block */
    if (!f) return dyad__err_set(&ev->err, DYAD_EIO, "%s: cannot open: %s", path, why);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    dyad_status worst = DYAD_OK;
    char first[sizeof ev->err.msg] = "";
    unsigned long lineno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        int bom = n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0;   /* byte-order mark */
        if (S_tally(ev, S_line(ev, side, path, ++lineno, line + 3 * bom, (size_t)n - 3 * bom),
                    &worst, first) ==
            DYAD_ENOMEM) {
            free(line);
            fclose(f);
            return DYAD_ENOMEM;
        }
    }
    int failed = ferror(f);
    free(line);
    fclose(f);
    if (failed) return dyad__err_set(&ev->err, DYAD_EIO, "%s: read error", path);
    return S_done(ev, side, worst, first);
}

/* --------------------------------------------------------------- scoring */

static size_t S_overlap(const eval_event *a, const eval_event *b)
{
    if (a->start == EVAL_NOSPAN || b->start == EVAL_NOSPAN) return 0;
    size_t lo = a->start > b->start ? a->start : b->start;
    size_t hi = a->end < b->end ? a->end : b->end;
    return hi > lo ? hi - lo : 0;
}

/* Places a system event that carries only its sentence text: the first
 * occurrence of that text in the story. */
static void S_place(const dyad_eval *ev, eval_event *e)
{
    const eval_story *s = &ev->stories[e->story];
    e->start = e->end = EVAL_NOSPAN;
    if (!s->text || !e->sentence || !e->slen || e->slen > s->len) return;
    const char *first = e->sentence;
    for (const char *p = s->text; (size_t)(p - s->text) + e->slen <= s->len; p++) {
        p = memchr(p, first[0], s->len - e->slen + 1 - (size_t)(p - s->text));
        if (!p) return;
        if (memcmp(p, first, e->slen) == 0) {
            e->start = (size_t)(p - s->text);
            e->end = e->start + e->slen;
            return;
        }
    }
}

static int S_by_story(const void *a, const void *b)
{
    const eval_event *x = a, *y = b;
    if (x->story != y->story) return x->story < y->story ? -1 : 1;
    if (x->seq != y->seq) return x->seq < y->seq ? -1 : 1;
    return 0;
}

/* Marks events that repeat an earlier one of the same story and span
 * (same source, target and code). */
static size_t S_dedupe(eval_list *l)
{
    size_t dups = 0;
    for (size_t i = 0; i < l->n; i++) {
        eval_event *e = &l->v[i];
        for (size_t j = i; j-- > 0 && l->v[j].story == e->story;) {
            const eval_event *o = &l->v[j];
            int same_place = e->start != EVAL_NOSPAN
                                 ? o->start == e->start && o->end == e->end
                                 : o->start == EVAL_NOSPAN && o->slen == e->slen &&
                                       (!e->slen || !memcmp(o->sentence, e->sentence, e->slen));
            if (!o->dup && same_place && !strcmp(o->code, e->code) &&
                !strcmp(o->source, e->source) && !strcmp(o->target, e->target)) {
                e->dup = EVAL_REPEAT;
                dups++;
                break;
            }
        }
    }
    return dups;
}

static void S_count(dyad_eval_score *sc, const eval_event *e, int gold, int level)
{
    if (gold) {
        sc->gold++;
        sc->gold_matched += e->matched[level] != 0;
    } else {
        sc->system++;
        sc->system_matched += e->matched[level] != 0;
    }
}

static void S_rates(dyad_eval_score *sc)
{
    sc->precision = sc->system ? (double)sc->system_matched / (double)sc->system : 0.0;
    sc->recall = sc->gold ? (double)sc->gold_matched / (double)sc->gold : 0.0;
    sc->f1 = sc->precision + sc->recall > 0
                 ? 2 * sc->precision * sc->recall / (sc->precision + sc->recall)
                 : 0.0;
}

dyad_status dyad_eval_run(dyad_eval *ev)
{
    if (!ev) return DYAD_EINVAL;
    eval_list *gl = &ev->ev[DYAD_EVAL_GOLD], *sl = &ev->ev[DYAD_EVAL_SYSTEM];
    memset(&ev->info, 0, sizeof ev->info);
    memset(ev->score, 0, sizeof ev->score);

    for (size_t i = 0; i < ev->nstories; i++) ev->info.stories += ev->stories[i].in_gold != 0;
    if (gl->n) qsort(gl->v, gl->n, sizeof *gl->v, S_by_story);
    if (sl->n) qsort(sl->v, sl->n, sizeof *sl->v, S_by_story);
    for (size_t i = 0; i < gl->n; i++) {
        eval_event *e = &gl->v[i];
        e->dup = 0;
        memset(e->matched, 0, sizeof e->matched);
        if (ev->stories[e->story].text && e->end > ev->stories[e->story].len)
            ev->info.gold_out_of_range++;
    }
    for (size_t i = 0; i < sl->n; i++) {
        eval_event *e = &sl->v[i];
        e->dup = 0;
        memset(e->matched, 0, sizeof e->matched);
        if (e->sentence && e->start == EVAL_NOSPAN) S_place(ev, e);  /* no offsets given */
    }
    ev->info.gold_duplicates = S_dedupe(gl);
    ev->info.system_duplicates = S_dedupe(sl);
    /* planned, negated and hypothetical events are scored apart: the
     * levels count what is reported as done */
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < ev->ev[side].n; i++) {
            eval_event *e = &ev->ev[side].v[i];
            e->partner = EVAL_NOSPAN;
            if (!e->dup && e->modality != DYAD_ASSERTED) e->dup = EVAL_NOT_DONE;
        }
    ev->info.system_outside = ev->outside;
    ev->info.skipped_lines = ev->skipped;

    /* Both lists are sorted by story: walk them together. */
    size_t si = 0;
    for (size_t gi = 0; gi < gl->n;) {
        size_t story = gl->v[gi].story, gend = gi;
        while (gend < gl->n && gl->v[gend].story == story) gend++;
        while (si < sl->n && sl->v[si].story < story) si++;
        size_t send = si;
        while (send < sl->n && sl->v[send].story == story) send++;
        for (int level = 0; level < DYAD_EVAL_NLEVELS; level++) {
            for (size_t g = gi; g < gend; g++) {
                eval_event *ge = &gl->v[g];
                if (ge->dup) continue;
                size_t best = EVAL_NOSPAN, best_ov = 0;
                for (size_t s = si; s < send; s++) {
                    eval_event *se = &sl->v[s];
                    if (se->dup || se->matched[level]) continue;
                    size_t ov = S_overlap(ge, se);
                    if (ov > best_ov && S_agree(ge, se, level)) {
                        best = s;
                        best_ov = ov;
                    }
                }
                if (best != EVAL_NOSPAN) {
                    ge->matched[level] = 1;
                    sl->v[best].matched[level] = 1;
                    if (level == DYAD_EVAL_COUNTRIES) ge->partner = best;
                }
            }
        }
        /* events not reported as done: found when a system event of the
         * same modality agrees at the category + countries level */
        for (size_t g = gi; g < gend; g++) {
            eval_event *ge = &gl->v[g];
            if (ge->dup != EVAL_NOT_DONE) continue;
            ev->info.modality_gold++;
            for (size_t s = si; s < send; s++) {
                eval_event *se = &sl->v[s];
                if (se->dup == EVAL_NOT_DONE && se->modality == ge->modality && S_overlap(ge, se) &&
                    S_agree(ge, se, DYAD_EVAL_COUNTRIES)) {
                    ev->info.modality_found++;
                    break;
                }
            }
        }
        gi = gend;
        si = send;
    }

    for (int side = 0; side < 2; side++) {
        eval_list *l = &ev->ev[side];
        for (size_t i = 0; i < l->n; i++) {
            const eval_event *e = &l->v[i];
            if (side == DYAD_EVAL_SYSTEM && e->dup == EVAL_NOT_DONE && ev->stories[e->story].in_gold)
                ev->info.modality_system++;
            if (e->dup) continue;
            if (side == DYAD_EVAL_GOLD && e->partner != EVAL_NOSPAN && e->date[0]) {
                /* date agreement at the gold's precision */
                const eval_event *se = &ev->ev[DYAD_EVAL_SYSTEM].v[e->partner];
                size_t gl_ = strlen(e->date);
                ev->info.date_matched++;
                ev->info.date_agree += strlen(se->date) >= gl_ && !strncmp(se->date, e->date, gl_);
            }
            if (side == DYAD_EVAL_SYSTEM) {
                if (!ev->stories[e->story].in_gold) { ev->info.system_outside++; continue; }
                ev->info.system_events++;
                ev->info.system_unlocated += e->start == EVAL_NOSPAN;
            } else {
                ev->info.gold_events++;
            }
            int slot = S_root_slot(e->root);
            for (int level = 0; level < DYAD_EVAL_NLEVELS; level++) {
                S_count(&ev->score[level][slot], e, side == DYAD_EVAL_GOLD, level);
                S_count(&ev->score[level][EVAL_NROOTS], e, side == DYAD_EVAL_GOLD, level);
            }
        }
    }
    for (int level = 0; level < DYAD_EVAL_NLEVELS; level++)
        for (int r = 0; r <= EVAL_NROOTS; r++) S_rates(&ev->score[level][r]);
    ev->ran = 1;
    return DYAD_OK;
}

dyad_status dyad_eval_get(const dyad_eval *ev, dyad_eval_level level, const char *root,
                          dyad_eval_score *out)
{
    if (out) memset(out, 0, sizeof *out);
    if (!ev || !out || (int)level < 0 || level >= DYAD_EVAL_NLEVELS) return DYAD_EINVAL;
    if (!ev->ran) return DYAD_EINVAL;
    int slot = EVAL_NROOTS;
    if (root) {
        if (strlen(root) != 2) return DYAD_ENOTFOUND;
        char r[3] = {root[0], root[1], 0};
        slot = S_root_slot(r);
        if (slot == 0 && strcmp(root, "??") != 0) return DYAD_ENOTFOUND;
    }
    *out = ev->score[level][slot];
    return DYAD_OK;
}

dyad_status dyad_eval_get_info(const dyad_eval *ev, dyad_eval_info *out)
{
    if (out) memset(out, 0, sizeof *out);
    if (!ev || !out || !ev->ran) return DYAD_EINVAL;
    *out = ev->info;
    return DYAD_OK;
}
