/*
 * eval.c -- scores coded events against a hand-annotated gold set, at
 * three levels: PLOVER category; category plus the source and target
 * countries; full CAMEO code plus full actor codes.  Gold events locate
 * their sentence by byte offsets into the story text; system events
 * (`dyad code` output) by their sentence text, found in the story text,
 * or by offsets when they carry them.  A system event and a gold event of
 * the same story can match when their sentence spans overlap; at each
 * level, gold events in file order take the agreeing unmatched system
 * event with the largest overlap (one-to-one, greedy).  The cost is
 * n log n in the events and linear in the story texts, however many
 * events a story has (see "scoring").  The gold set may come in splits
 * (a development and a test split): each story belongs to one split, and
 * besides the pooled figures each split gets its own, so that the gap
 * between them can be read off.
 * Part of the code stage: it reads the CAMEO table; JSON lines are parsed
 * with jansson.  Invariant: every string an event or story holds lives in
 * the evaluator's arena until dyad_eval_free().
 */
#include "cameo.h"

#include <jansson.h>
#include <stdint.h>
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
    size_t split;               /* 1 + the index of the split whose gold
                                   lines name it; 0: not in the gold set */
} eval_story;

enum { EVAL_REPEAT = 1, EVAL_NOT_DONE = 2, EVAL_ONE_SIDED = 3 };


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
                                   negated or hypothetical; EVAL_ONE_SIDED:
                                   asserted, one party (both scored apart) */
    int matched[DYAD_EVAL_NLEVELS];
    size_t partner;             /* the event it matched at the category +
                                   countries level (EVAL_NOSPAN: none) */
    char date[11];              /* YYYY-MM-DD, YYYY-MM, YYYY, or "" */
    int modality;               /* a dyad_modality_kind; not asserted:
                                   scored apart from the main levels */
} eval_event;

/* An event with one party only: its other actor is "" or "-". */
static int S_one_party(const eval_event *e)
{
    return !e->source[0] || dyad__streq(e->source, "-") || !e->target[0] || dyad__streq(e->target, "-");
}

typedef struct eval_list {
    eval_event *v;
    size_t n, cap;
} eval_list;

/* One split of the gold set: its name and the figures of its stories. */
typedef struct eval_split {
    const char *name;
    int used;                   /* a gold line has joined it */
    int named;                  /* made or named by dyad_eval_begin_split() */
    dyad_eval_info info;
    dyad_eval_score score[DYAD_EVAL_NLEVELS][EVAL_NROOTS + 1];
} eval_split;

struct dyad_eval {
    dyad__arena arena;          /* strings of stories and events */
    eval_story *stories;
    size_t nstories, capstories;
    size_t *slots;              /* hash table of story indexes + 1; 0 empty */
    size_t nslots;
    int have_gold;              /* a gold file was loaded */
    eval_list ev[2];            /* DYAD_EVAL_GOLD, DYAD_EVAL_SYSTEM */
    eval_split *splits;         /* nsplits >= 1; gold lines join splits[cur] */
    size_t nsplits, cur;
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
    (*out)->splits = calloc(1, sizeof *(*out)->splits);
    if (!(*out)->splits) {
        free(*out);
        *out = NULL;
        return DYAD_ENOMEM;
    }
    (*out)->splits[0].name = "gold";
    (*out)->nsplits = 1;
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
    free(ev->splits);
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
    if (ev->have_gold && (i == EVAL_NOSPAN || !ev->stories[i].split)) return DYAD_OK;
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

/* Story k joins the current split (a gold line names it). */
static void S_join(dyad_eval *ev, size_t k)
{
    ev->stories[k].split = ev->cur + 1;
    ev->splits[ev->cur].used = 1;
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
    if (side == DYAD_EVAL_GOLD) {
        size_t k = S_story_get(ev, id, idlen);
        if (k == EVAL_NOSPAN) { st = DYAD_ENOMEM; goto out; }
        size_t sp = ev->stories[k].split;
        if (sp && sp != ev->cur + 1) {
            st = dyad__err_set(&ev->err, DYAD_EFORMAT,
                               "%s:%lu: story %s is in split %s already; line skipped", name,
                               lineno, ev->stories[k].id, ev->splits[sp - 1].name);
            goto out;
        }
        if (!jcode) {                           /* a story marker */
            S_join(ev, k);
            goto out;
        }
    }
    if (side == DYAD_EVAL_SYSTEM && ev->have_gold) {
        size_t k = S_story_find(ev, id, idlen);
        if (k == EVAL_NOSPAN || !ev->stories[k].split) { ev->outside++; goto out; }
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
    if (side == DYAD_EVAL_GOLD) S_join(ev, k);
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
            if (dyad__streq(m, dyad_modality_kind_name((dyad_modality_kind)k))) e->modality = k;
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

/* Scoring is done story by story and costs n log n in the events, however
 * many a story has: the first occurrences of a story's sentences are found
 * in one pass over its text, repeats by sorting, and each gold event finds
 * its candidates through an index of the agreeing system events by span
 * instead of trying every system event of its story. */

/* Places a system event that carries only its sentence text: the first
 * occurrence of that text in the story, by scanning.  Used only when a
 * story or its sentences are too large for the 32-bit trie below. */
static void S_place_scan(const dyad_eval *ev, eval_event *e)
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

/* The first occurrences of many sentences in one text, in one pass
 * (Aho-Corasick): the sentences form a trie; each node has a failure link
 * to the longest proper suffix of its path that is also a path of the
 * trie, and an output link to the nearest node on that chain where a
 * sentence ends.  Scanning the text follows the trie, falling back along
 * failure links on a mismatch; at each byte the sentences ending there are
 * the current node (if one ends there) and its output chain.  The chain
 * walk stops at the first sentence already found: every sentence further
 * along it is a suffix of that one, so it was found no later.  With
 * sentences "Peru met Chile." and "met Chile." and the text "Bolivia met
 * Chile. Peru met Chile.", the second is found at byte 8, inside the
 * first sentence of the text, as the old byte-by-byte search found it.
 * Indexes are 32-bit: the caller checks the sizes. */
typedef struct ac_node {
    uint32_t parent;
    uint32_t fail;              /* longest proper suffix in the trie */
    uint32_t out;               /* nearest sentence end on the fail chain;
                                   0: none (the root ends none) */
    uint32_t child, next;       /* first child; next sibling */
    uint32_t found;             /* 1 + end of the first occurrence; 0: not
                                   (yet) found */
    unsigned char byte;         /* the byte leading here from parent */
    unsigned char term;         /* a sentence ends here */
} ac_node;

typedef struct ac_trie {
    ac_node *n;                 /* n[0] is the root */
    size_t nn;
    uint32_t *slot;             /* hash of (parent, byte) -> node; 0 empty */
    size_t mask;
} ac_trie;

static size_t S_ac_hash(uint32_t parent, unsigned char b)
{
    uint64_t k = ((uint64_t)parent << 8 | b) * 0x9E3779B97F4A7C15ULL;
    return (size_t)(k >> 24);
}

/* The child of u by byte b, or 0. */
static uint32_t S_ac_go(const ac_trie *t, uint32_t u, unsigned char b)
{
    for (size_t h = S_ac_hash(u, b) & t->mask; t->slot[h]; h = (h + 1) & t->mask) {
        const ac_node *v = &t->n[t->slot[h]];
        if (v->parent == u && v->byte == b) return t->slot[h];
    }
    return 0;
}

/* Adds p[0..n) (n > 0) and returns the node where it ends. */
static uint32_t S_ac_add(ac_trie *t, const char *p, size_t n)
{
    uint32_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)p[i];
        uint32_t v = S_ac_go(t, u, b);
        if (!v) {
            v = (uint32_t)t->nn++;
            ac_node *x = &t->n[v];
            memset(x, 0, sizeof *x);
            x->parent = u;
            x->byte = b;
            x->next = t->n[u].child;
            t->n[u].child = v;
            size_t h = S_ac_hash(u, b) & t->mask;
            while (t->slot[h]) h = (h + 1) & t->mask;
            t->slot[h] = v;
        }
        u = v;
    }
    t->n[u].term = 1;
    return u;
}

/* Failure and output links, breadth first; queue holds t->nn entries. */
static void S_ac_links(ac_trie *t, uint32_t *queue)
{
    size_t head = 0, tail = 0;
    for (uint32_t c = t->n[0].child; c; c = t->n[c].next) queue[tail++] = c;
    while (head < tail) {
        uint32_t u = queue[head++];
        for (uint32_t c = t->n[u].child; c; c = t->n[c].next) queue[tail++] = c;
        if (t->n[u].parent == 0) continue;      /* depth 1: fail to the root */
        uint32_t f = t->n[t->n[u].parent].fail, g;
        while (!(g = S_ac_go(t, f, t->n[u].byte)) && f) f = t->n[f].fail;
        t->n[u].fail = g;
        t->n[u].out = t->n[g].term ? g : t->n[g].out;
    }
}

/* Records in each sentence node the end of its first occurrence in
 * text[0..len); stops once all nterm sentences are found. */
static void S_ac_scan(ac_trie *t, const char *text, size_t len, size_t nterm)
{
    uint32_t u = 0;
    for (size_t i = 0; i < len && nterm; i++) {
        unsigned char b = (unsigned char)text[i];
        uint32_t g;
        while (!(g = S_ac_go(t, u, b)) && u) u = t->n[u].fail;
        u = g;
        for (uint32_t k = t->n[u].term ? u : t->n[u].out; k && !t->n[k].found; k = t->n[k].out) {
            t->n[k].found = (uint32_t)(i + 1);
            nterm--;
        }
    }
}

/* Whether S_place_story looks for e: no span given, a sentence that fits. */
static int S_to_place(const eval_story *s, const eval_event *e)
{
    return e->sentence && e->start == EVAL_NOSPAN && s->text && e->slen && e->slen <= s->len;
}

/* Places the system events v[0..n) of one story that carry only their
 * sentence text (no start and end given) at the first occurrence of that
 * text in the story text.  DYAD_OK or DYAD_ENOMEM. */
static dyad_status S_place_story(const dyad_eval *ev, eval_event *v, size_t n)
{
    if (!n) return DYAD_OK;
    const eval_story *s = &ev->stories[v[0].story];
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += S_to_place(s, &v[i]) ? v[i].slen : 0;
    if (!total) return DYAD_OK;
    if (total >= UINT32_MAX / 2 || s->len >= UINT32_MAX) {
        for (size_t i = 0; i < n; i++)
            if (S_to_place(s, &v[i])) S_place_scan(ev, &v[i]);
        return DYAD_OK;
    }
    ac_trie t = {NULL, 1, NULL, 0};
    size_t nslots = 64;
    while (nslots < 2 * (total + 1)) nslots *= 2;
    t.n = malloc((total + 1) * sizeof *t.n);
    t.slot = calloc(nslots, sizeof *t.slot);
    uint32_t *queue = malloc((total + 1) * sizeof *queue);
    uint32_t *end = malloc(n * sizeof *end);     /* the node where v[i] ends */
    dyad_status st = DYAD_ENOMEM;
    if (!t.n || !t.slot || !queue || !end) goto out;
    t.mask = nslots - 1;
    memset(&t.n[0], 0, sizeof t.n[0]);
    for (size_t i = 0; i < n; i++)
        end[i] = S_to_place(s, &v[i]) ? S_ac_add(&t, v[i].sentence, v[i].slen) : 0;
    size_t nterm = 0;
    for (size_t k = 1; k < t.nn; k++) nterm += t.n[k].term;
    S_ac_links(&t, queue);
    S_ac_scan(&t, s->text, s->len, nterm);
    for (size_t i = 0; i < n; i++)
        if (end[i] && t.n[end[i]].found) {
            v[i].end = t.n[end[i]].found;
            v[i].start = v[i].end - v[i].slen;
        }
    st = DYAD_OK;
out:
    free(t.n);
    free(t.slot);
    free(queue);
    free(end);
    return st;
}

static int S_by_story(const void *a, const void *b)
{
    const eval_event *x = a, *y = b;
    if (x->story != y->story) return x->story < y->story ? -1 : 1;
    if (x->seq != y->seq) return x->seq < y->seq ? -1 : 1;
    return 0;
}

/* Orders events so that repeats are neighbours: story, place (the span,
 * or for an unplaced event its sentence text), code, source, target, and
 * last the order of loading. */
static int S_by_repeat(const void *a, const void *b)
{
    const eval_event *x = *(const eval_event *const *)a, *y = *(const eval_event *const *)b;
    if (x->story != y->story) return x->story < y->story ? -1 : 1;
    int xp = x->start != EVAL_NOSPAN, yp = y->start != EVAL_NOSPAN;
    if (xp != yp) return xp - yp;
    if (xp) {
        if (x->start != y->start) return x->start < y->start ? -1 : 1;
        if (x->end != y->end) return x->end < y->end ? -1 : 1;
    } else {
        if (x->slen != y->slen) return x->slen < y->slen ? -1 : 1;
        int c = x->slen ? memcmp(x->sentence, y->sentence, x->slen) : 0;
        if (c) return c;
    }
    int c = strcmp(x->code, y->code);
    if (!c) c = strcmp(x->source, y->source);
    if (!c) c = strcmp(x->target, y->target);
    if (c) return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Marks the events that repeat an earlier one of the same story and
 * place (same source, target and code): sorted so that repeats are
 * neighbours, the first loaded of each run is kept.  Returns the count,
 * or (size_t)-1 on ENOMEM. */
static size_t S_dedupe(eval_list *l)
{
    if (l->n < 2) return 0;
    eval_event **p = malloc(l->n * sizeof *p);
    if (!p) return (size_t)-1;
    for (size_t i = 0; i < l->n; i++) p[i] = &l->v[i];
    qsort(p, l->n, sizeof *p, S_by_repeat);
    size_t dups = 0;
    for (size_t i = 1; i < l->n; i++) {
        const eval_event *x = p[i - 1];
        eval_event *y = p[i];
        int same = x->story == y->story &&
                   (x->start != EVAL_NOSPAN
                        ? y->start == x->start && y->end == x->end
                        : y->start == EVAL_NOSPAN && y->slen == x->slen &&
                              (!x->slen || !memcmp(x->sentence, y->sentence, x->slen))) &&
                   dyad__streq(x->code, y->code) && dyad__streq(x->source, y->source) &&
                   dyad__streq(x->target, y->target);
        if (same) {
            y->dup = EVAL_REPEAT;
            dups++;
        }
    }
    free(p);
    return dups;
}

/* The matching index of one story at one level: the system events that
 * may match (candidates), sorted by what must agree, then span, then
 * order of loading; runs of one key and span form a group, whose members
 * are taken in order; a tree over the groups holds the largest end among
 * the groups not used up, so a gold span finds the groups that overlap it
 * without visiting the others. */
typedef struct eval_cand {
    const char *k[3];           /* the fields that must agree */
    int modality;               /* must agree too (modality pass; else 0) */
    size_t start, end, seq;
    size_t idx;                 /* index into the system list */
    size_t group;
} eval_cand;

typedef struct eval_group {
    size_t start, end;
    size_t head, stop;          /* candidates [head, stop) not yet taken */
} eval_group;

typedef struct eval_index {
    eval_cand *c;
    size_t nc;
    eval_group *g;
    size_t ng;
    size_t *tree;               /* tree[1] the root; leaves from `leaves` */
    size_t leaves;
} eval_index;

static void S_keys(const eval_event *e, int level, const char *k[3])
{
    switch (level) {
    case DYAD_EVAL_CATEGORY:
        k[0] = e->category, k[1] = "", k[2] = "";
        break;
    case DYAD_EVAL_COUNTRIES:
        k[0] = e->category, k[1] = e->src_country, k[2] = e->tgt_country;
        break;
    default:
        k[0] = e->code, k[1] = e->source, k[2] = e->target;
    }
}

static int S_key_cmp(const char *const a[3], int am, const eval_cand *b)
{
    for (int i = 0; i < 3; i++) {
        int c = strcmp(a[i], b->k[i]);
        if (c) return c;
    }
    return am < b->modality ? -1 : am > b->modality;
}

static int S_by_cand(const void *a, const void *b)
{
    const eval_cand *x = a, *y = b;
    int c = S_key_cmp(x->k, x->modality, y);
    if (c) return c;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Builds the index over the system events v[0..n) (sl->v + base) of one
 * story: at a level, those neither repeated nor set apart (modal 0); or,
 * for the modality pass (modal 1), those set apart as not done, keyed by
 * category + countries and modality.  x's arrays hold n entries (the
 * tree 2 * leaves, leaves a power of two >= n). */
static void S_index(eval_index *x, const eval_event *v, size_t n, size_t base, int level,
                    int modal)
{
    x->nc = x->ng = 0;
    for (size_t i = 0; i < n; i++) {
        const eval_event *e = &v[i];
        if (e->start == EVAL_NOSPAN || (modal ? e->dup != EVAL_NOT_DONE : e->dup != 0))
            continue;
        eval_cand *c = &x->c[x->nc++];
        S_keys(e, modal ? DYAD_EVAL_COUNTRIES : level, c->k);
        c->modality = modal ? e->modality : 0;
        c->start = e->start;
        c->end = e->end;
        c->seq = e->seq;
        c->idx = base + i;
    }
    if (x->nc > 1) qsort(x->c, x->nc, sizeof *x->c, S_by_cand);
    for (size_t i = 0; i < x->nc; i++) {
        eval_cand *c = &x->c[i];
        if (!i || S_key_cmp(c[-1].k, c[-1].modality, c) || c[-1].start != c->start ||
            c[-1].end != c->end) {
            eval_group *g = &x->g[x->ng++];
            g->start = c->start;
            g->end = c->end;
            g->head = i;
        }
        c->group = x->ng - 1;
        x->g[x->ng - 1].stop = i + 1;
    }
    x->leaves = 1;
    while (x->leaves < x->ng) x->leaves *= 2;
    for (size_t i = 0; i < x->leaves; i++) x->tree[x->leaves + i] = i < x->ng ? x->g[i].end : 0;
    for (size_t i = x->leaves; i-- > 1;)
        x->tree[i] = x->tree[2 * i] > x->tree[2 * i + 1] ? x->tree[2 * i] : x->tree[2 * i + 1];
}

/* Group i is used up: its end leaves the tree. */
static void S_index_drop(eval_index *x, size_t i)
{
    size_t k = x->leaves + i;
    x->tree[k] = 0;
    for (k /= 2; k >= 1; k /= 2)
        x->tree[k] = x->tree[2 * k] > x->tree[2 * k + 1] ? x->tree[2 * k] : x->tree[2 * k + 1];
}

/* Among the groups [lo, hi) under tree node k (covering leaves [nl, nr)),
 * all starting before ge, the one overlapping [gs, ge) most, ties to the
 * earliest loaded next member: *best (an index) and *best_ov.  any: stop
 * at the first overlap. */
static void S_index_best(const eval_index *x, size_t k, size_t nl, size_t nr, size_t lo,
                         size_t hi, size_t gs, size_t ge, int any, size_t *best,
                         size_t *best_ov)
{
    if (nr <= lo || nl >= hi || x->tree[k] <= gs || (any && *best_ov)) return;
    if (nr - nl == 1) {
        const eval_group *g = &x->g[nl];
        size_t a = g->start > gs ? g->start : gs, b = g->end < ge ? g->end : ge;
        size_t ov = b > a ? b - a : 0;
        if (ov > *best_ov ||
            (ov && ov == *best_ov && x->c[g->head].seq < x->c[x->g[*best].head].seq)) {
            *best = nl;
            *best_ov = ov;
        }
        return;
    }
    size_t mid = nl + (nr - nl) / 2;
    S_index_best(x, 2 * k, nl, mid, lo, hi, gs, ge, any, best, best_ov);
    S_index_best(x, 2 * k + 1, mid, nr, lo, hi, gs, ge, any, best, best_ov);
}

/* The group of x that agrees with gold event e (keys k, modality m) and
 * overlaps its span most (ties: the earliest loaded member), or
 * EVAL_NOSPAN. */
static size_t S_index_find(const eval_index *x, const char *const k[3], int m,
                           const eval_event *e, int any)
{
    if (!x->nc || e->start == EVAL_NOSPAN) return EVAL_NOSPAN;
    size_t lo = 0, hi = x->nc;                  /* first candidate with key >= k */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (S_key_cmp(k, m, &x->c[mid]) > 0) lo = mid + 1; else hi = mid;
    }
    if (lo == x->nc || S_key_cmp(k, m, &x->c[lo]) != 0) return EVAL_NOSPAN;
    size_t glo = x->c[lo].group, ghi = glo;
    hi = x->ng;                                 /* first group past the key ... */
    while (ghi < hi) {
        size_t mid = ghi + (hi - ghi) / 2;
        const eval_cand *c = &x->c[x->g[mid].stop - 1];
        if (S_key_cmp(k, m, c) == 0 && x->g[mid].start < e->end) ghi = mid + 1; else hi = mid;
    }                                           /* ... or starting at its end */
    size_t best = EVAL_NOSPAN, best_ov = 0;
    S_index_best(x, 1, 0, x->leaves, glo, ghi, e->start, e->end, any, &best, &best_ov);
    return best;
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

/* The split of story k (NULL: not in the gold set). */
static eval_split *S_split_of(dyad_eval *ev, size_t k)
{
    return ev->stories[k].split ? &ev->splits[ev->stories[k].split - 1] : NULL;
}

/* A story's spans sorted by start, each with the largest end up to it:
 * whether a span [a, b) overlaps one of them is one binary search. */
typedef struct eval_span {
    size_t start, end, maxend;
} eval_span;

static int S_by_span(const void *a, const void *b)
{
    const eval_span *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Fills sp with the placed events of v[0..n) that are not repeats (any
 * modality, any number of parties), sorted; returns how many. */
static size_t S_spans(eval_span *sp, const eval_event *v, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].dup == EVAL_REPEAT || v[i].start == EVAL_NOSPAN) continue;
        sp[k].start = v[i].start;
        sp[k].end = v[i].end;
        k++;
    }
    if (k) qsort(sp, k, sizeof *sp, S_by_span);
    for (size_t i = 0; i < k; i++)
        sp[i].maxend = i && sp[i - 1].maxend > sp[i].end ? sp[i - 1].maxend : sp[i].end;
    return k;
}

/* Nonzero when [a, b) overlaps a span of sp[0..n). */
static int S_overlaps(const eval_span *sp, size_t n, size_t a, size_t b)
{
    size_t lo = 0, hi = n;          /* the spans starting before b: [0, lo) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sp[mid].start < b) lo = mid + 1;
        else hi = mid;
    }
    return lo && sp[lo - 1].maxend > a;
}

/* The error profile of one story's scored events (dyad_eval_info's
 * system_off_gold .. gold_country_miss, in that order). */
enum { EVAL_S_OFF, EVAL_S_CAT, EVAL_S_CTY, EVAL_G_OFF, EVAL_G_CAT, EVAL_G_CTY, EVAL_NPROFILE };

static void S_profile(size_t out[EVAL_NPROFILE], const eval_event *g, size_t ng,
                      const eval_event *v, size_t nv, eval_span *gs, eval_span *ss)
{
    size_t ngs = S_spans(gs, g, ng), nss = S_spans(ss, v, nv);
    for (size_t i = 0; i < nv; i++) {
        const eval_event *e = &v[i];
        if (e->dup || e->start == EVAL_NOSPAN || e->matched[DYAD_EVAL_COUNTRIES]) continue;
        out[!S_overlaps(gs, ngs, e->start, e->end) ? EVAL_S_OFF
            : !e->matched[DYAD_EVAL_CATEGORY]     ? EVAL_S_CAT
                                                  : EVAL_S_CTY]++;
    }
    for (size_t i = 0; i < ng; i++) {
        const eval_event *e = &g[i];
        if (e->dup || e->matched[DYAD_EVAL_COUNTRIES]) continue;
        out[e->start == EVAL_NOSPAN || !S_overlaps(ss, nss, e->start, e->end) ? EVAL_G_OFF
            : !e->matched[DYAD_EVAL_CATEGORY]                                ? EVAL_G_CAT
                                                                             : EVAL_G_CTY]++;
    }
}

static void S_profile_add(dyad_eval_info *i, const size_t p[EVAL_NPROFILE])
{
    i->system_off_gold += p[EVAL_S_OFF];
    i->system_category_miss += p[EVAL_S_CAT];
    i->system_country_miss += p[EVAL_S_CTY];
    i->gold_off_system += p[EVAL_G_OFF];
    i->gold_category_miss += p[EVAL_G_CAT];
    i->gold_country_miss += p[EVAL_G_CTY];
}

/* The error profile of every story of the gold set: both lists are
 * sorted by story.  -1 when out of memory. */
static int S_profiles(dyad_eval *ev)
{
    eval_list *gl = &ev->ev[DYAD_EVAL_GOLD], *sl = &ev->ev[DYAD_EVAL_SYSTEM];
    size_t cap = gl->n > sl->n ? gl->n : sl->n;
    eval_span *gs = malloc((cap ? cap : 1) * sizeof *gs), *ss = malloc((cap ? cap : 1) * sizeof *ss);
    if (!gs || !ss) {
        free(gs);
        free(ss);
        return -1;
    }
    for (size_t gi = 0, si = 0; gi < gl->n || si < sl->n;) {
        size_t story = gi < gl->n ? gl->v[gi].story : sl->v[si].story;
        if (si < sl->n && sl->v[si].story < story) story = sl->v[si].story;
        size_t gend = gi, send = si;
        while (gend < gl->n && gl->v[gend].story == story) gend++;
        while (send < sl->n && sl->v[send].story == story) send++;
        eval_split *sp = S_split_of(ev, story);
        if (sp) {
            size_t p[EVAL_NPROFILE] = {0};
            S_profile(p, gl->v ? gl->v + gi : NULL, gend - gi, sl->v ? sl->v + si : NULL,
                      send - si, gs, ss);
            S_profile_add(&ev->info, p);
            S_profile_add(&sp->info, p);
        }
        gi = gend;
        si = send;
    }
    free(gs);
    free(ss);
    return 0;
}

dyad_status dyad_eval_run(dyad_eval *ev)
{
    if (!ev) return DYAD_EINVAL;
    eval_list *gl = &ev->ev[DYAD_EVAL_GOLD], *sl = &ev->ev[DYAD_EVAL_SYSTEM];
    memset(&ev->info, 0, sizeof ev->info);
    memset(ev->score, 0, sizeof ev->score);
    for (size_t i = 0; i < ev->nsplits; i++) {
        memset(&ev->splits[i].info, 0, sizeof ev->splits[i].info);
        memset(ev->splits[i].score, 0, sizeof ev->splits[i].score);
    }

    for (size_t i = 0; i < ev->nstories; i++) {
        eval_split *sp = S_split_of(ev, i);
        if (!sp) continue;
        ev->info.stories++;
        sp->info.stories++;
    }
    if (gl->n) qsort(gl->v, gl->n, sizeof *gl->v, S_by_story);
    if (sl->n) qsort(sl->v, sl->n, sizeof *sl->v, S_by_story);
    for (size_t i = 0; i < gl->n; i++) {
        eval_event *e = &gl->v[i];
        e->dup = 0;
        memset(e->matched, 0, sizeof e->matched);
        if (ev->stories[e->story].text && e->end > ev->stories[e->story].len) {
            ev->info.gold_out_of_range++;
            S_split_of(ev, e->story)->info.gold_out_of_range++;
        }
    }
    size_t maxrun = 0;      /* the most system events of one story */
    for (size_t i = 0, run = 0; i < sl->n; i++) {
        eval_event *e = &sl->v[i];
        e->dup = 0;
        memset(e->matched, 0, sizeof e->matched);
        run = i && sl->v[i - 1].story == e->story ? run + 1 : 1;
        if (run > maxrun) maxrun = run;
        if (i + 1 == sl->n || sl->v[i + 1].story != e->story) {
            /* events without offsets are placed by their sentence text */
            if (S_place_story(ev, e + 1 - run, run) != DYAD_OK) goto nomem;
        }
    }
    size_t dups = S_dedupe(gl);
    if (dups == (size_t)-1) goto nomem;
    ev->info.gold_duplicates = dups;
    if ((dups = S_dedupe(sl)) == (size_t)-1) goto nomem;
    ev->info.system_duplicates = dups;
    /* planned, negated and hypothetical events are scored apart: the
     * levels count what is reported as done */
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < ev->ev[side].n; i++) {
            eval_event *e = &ev->ev[side].v[i];
            e->partner = EVAL_NOSPAN;
            if (!e->dup && e->modality != DYAD_ASSERTED) e->dup = EVAL_NOT_DONE;
            if (!e->dup && S_one_party(e)) e->dup = EVAL_ONE_SIDED;
        }
    ev->info.system_outside = ev->outside;
    ev->info.skipped_lines = ev->skipped;
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < ev->ev[side].n; i++) {
            const eval_event *e = &ev->ev[side].v[i];
            eval_split *sp = S_split_of(ev, e->story);
            if (sp && e->dup == EVAL_REPEAT) {
                if (side == DYAD_EVAL_GOLD) sp->info.gold_duplicates++;
                else sp->info.system_duplicates++;
            }
        }

    eval_index x = {NULL, 0, NULL, 0, NULL, 1};
    size_t leaves = 1;
    while (leaves < maxrun) leaves *= 2;
    x.c = malloc((maxrun ? maxrun : 1) * sizeof *x.c);
    x.g = malloc((maxrun ? maxrun : 1) * sizeof *x.g);
    x.tree = malloc(2 * leaves * sizeof *x.tree);
    if (!x.c || !x.g || !x.tree) {
        free(x.c), free(x.g), free(x.tree);
        goto nomem;
    }
    /* Both lists are sorted by story: walk them together. */
    size_t si = 0;
    for (size_t gi = 0; gi < gl->n;) {
        size_t story = gl->v[gi].story, gend = gi;
        while (gend < gl->n && gl->v[gend].story == story) gend++;
        while (si < sl->n && sl->v[si].story < story) si++;
        size_t send = si;
        while (send < sl->n && sl->v[send].story == story) send++;
        for (int level = 0; level < DYAD_EVAL_NLEVELS; level++) {
            /* (no system events: no pointer arithmetic on an empty list) */
            S_index(&x, sl->v ? sl->v + si : NULL, send - si, si, level, 0);
            for (size_t g = gi; g < gend; g++) {
                eval_event *ge = &gl->v[g];
                if (ge->dup) continue;
                const char *k[3];
                S_keys(ge, level, k);
                size_t best = S_index_find(&x, k, 0, ge, 0);
                if (best == EVAL_NOSPAN) continue;
                eval_group *grp = &x.g[best];
                size_t s = x.c[grp->head++].idx;
                if (grp->head == grp->stop) S_index_drop(&x, best);
                ge->matched[level] = 1;
                sl->v[s].matched[level] = 1;
                if (level == DYAD_EVAL_COUNTRIES) ge->partner = s;
            }
        }
        /* events not reported as done: found when a system event of the
         * same modality agrees at the category + countries level */
        S_index(&x, sl->v ? sl->v + si : NULL, send - si, si, DYAD_EVAL_COUNTRIES, 1);
        dyad_eval_info *spi = &S_split_of(ev, story)->info;
        for (size_t g = gi; g < gend; g++) {
            eval_event *ge = &gl->v[g];
            if (ge->dup != EVAL_NOT_DONE) continue;
            ev->info.modality_gold++;
            spi->modality_gold++;
            const char *k[3];
            S_keys(ge, DYAD_EVAL_COUNTRIES, k);
            int found = S_index_find(&x, k, ge->modality, ge, 1) != EVAL_NOSPAN;
            ev->info.modality_found += (size_t)found;
            spi->modality_found += (size_t)found;
        }
        /* one-sided events: found when a one-sided system event whose
         * sentence overlaps the gold span has the same category and
         * countries (the few of a
         * story are compared pairwise; each system event is used once) */
        for (size_t g = gi; g < gend; g++) {
            eval_event *ge = &gl->v[g];
            if (ge->dup != EVAL_ONE_SIDED) continue;
            ev->info.one_sided_gold++;
            spi->one_sided_gold++;
            for (size_t s = si; s < send; s++) {
                eval_event *se = &sl->v[s];
                if (se->dup != EVAL_ONE_SIDED || se->matched[0] || se->start == EVAL_NOSPAN ||
                    se->start >= ge->end || ge->start >= se->end ||
                    strcmp(se->category, ge->category) || strcmp(se->src_country, ge->src_country) ||
                    strcmp(se->tgt_country, ge->tgt_country))
                    continue;
                se->matched[0] = 1;
                ev->info.one_sided_found++;
                spi->one_sided_found++;
                break;
            }
        }
        gi = gend;
        si = send;
    }
    free(x.c);
    free(x.g);
    free(x.tree);
    if (S_profiles(ev) != 0) goto nomem;

    for (int side = 0; side < 2; side++) {
        eval_list *l = &ev->ev[side];
        for (size_t i = 0; i < l->n; i++) {
            const eval_event *e = &l->v[i];
            eval_split *sp = S_split_of(ev, e->story);
            if (side == DYAD_EVAL_SYSTEM && e->dup == EVAL_NOT_DONE && sp) {
                ev->info.modality_system++;
                sp->info.modality_system++;
            }
            if (side == DYAD_EVAL_SYSTEM && e->dup == EVAL_ONE_SIDED && sp) {
                ev->info.one_sided_system++;
                sp->info.one_sided_system++;
            }
            if (e->dup) continue;
            if (side == DYAD_EVAL_GOLD && e->partner != EVAL_NOSPAN && e->date[0]) {
                /* date agreement at the gold's precision */
                const eval_event *se = &ev->ev[DYAD_EVAL_SYSTEM].v[e->partner];
                size_t gl_ = strlen(e->date);
                int agree = strlen(se->date) >= gl_ && !strncmp(se->date, e->date, gl_);
                ev->info.date_matched++;
                ev->info.date_agree += (size_t)agree;
                sp->info.date_matched++;
                sp->info.date_agree += (size_t)agree;
            }
            if (side == DYAD_EVAL_SYSTEM) {
                if (!sp) { ev->info.system_outside++; continue; }
                ev->info.system_events++;
                ev->info.system_unlocated += e->start == EVAL_NOSPAN;
                sp->info.system_events++;
                sp->info.system_unlocated += e->start == EVAL_NOSPAN;
            } else {
                ev->info.gold_events++;
                sp->info.gold_events++;
            }
            int slot = S_root_slot(e->root);
            for (int level = 0; level < DYAD_EVAL_NLEVELS; level++) {
                S_count(&ev->score[level][slot], e, side == DYAD_EVAL_GOLD, level);
                S_count(&ev->score[level][EVAL_NROOTS], e, side == DYAD_EVAL_GOLD, level);
                S_count(&sp->score[level][slot], e, side == DYAD_EVAL_GOLD, level);
                S_count(&sp->score[level][EVAL_NROOTS], e, side == DYAD_EVAL_GOLD, level);
            }
        }
    }
    for (int level = 0; level < DYAD_EVAL_NLEVELS; level++)
        for (int r = 0; r <= EVAL_NROOTS; r++) {
            S_rates(&ev->score[level][r]);
            for (size_t i = 0; i < ev->nsplits; i++) S_rates(&ev->splits[i].score[level][r]);
        }
    for (size_t i = 0; i < ev->nsplits; i++) {
        ev->splits[i].info.system_outside = ev->info.system_outside;
        ev->splits[i].info.skipped_lines = ev->info.skipped_lines;
    }
    ev->ran = 1;
    return DYAD_OK;
nomem:
    ev->ran = 0;
    memset(&ev->info, 0, sizeof ev->info);
    return dyad__err_set(&ev->err, DYAD_ENOMEM, "out of memory");
}

/* The scores of one split (NULL: all) at level and root (NULL: all). */
static dyad_status S_get(const dyad_eval *ev, const eval_split *sp, dyad_eval_level level,
                         const char *root, dyad_eval_score *out)
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
    *out = sp ? sp->score[level][slot] : ev->score[level][slot];
    return DYAD_OK;
}

dyad_status dyad_eval_get(const dyad_eval *ev, dyad_eval_level level, const char *root,
                          dyad_eval_score *out)
{
    return S_get(ev, NULL, level, root, out);
}

dyad_status dyad_eval_get_info(const dyad_eval *ev, dyad_eval_info *out)
{
    if (out) memset(out, 0, sizeof *out);
    if (!ev || !out || !ev->ran) return DYAD_EINVAL;
    *out = ev->info;
    return DYAD_OK;
}

/* ---------------------------------------------------------------- splits */

dyad_status dyad_eval_begin_split(dyad_eval *ev, const char *name)
{
    if (!ev || !name) return DYAD_EINVAL;
    const char *copy = dyad__arena_strndup(&ev->arena, name, strlen(name));
    if (!copy) return dyad__err_set(&ev->err, DYAD_ENOMEM, "out of memory");
    /* the default split, still unused and unnamed, takes the name */
    if (ev->splits[ev->cur].used || ev->splits[ev->cur].named) {
        eval_split *v = realloc(ev->splits, (ev->nsplits + 1) * sizeof *v);
        if (!v) return dyad__err_set(&ev->err, DYAD_ENOMEM, "out of memory");
        ev->splits = v;
        memset(&v[ev->nsplits], 0, sizeof *v);
        ev->cur = ev->nsplits++;
    }
    ev->splits[ev->cur].name = copy;
    ev->splits[ev->cur].named = 1;
    ev->ran = 0;
    return DYAD_OK;
}

size_t dyad_eval_nsplits(const dyad_eval *ev)
{
    return ev ? ev->nsplits : 0;
}

const char *dyad_eval_split_name(const dyad_eval *ev, size_t split)
{
    return ev && split < ev->nsplits ? ev->splits[split].name : NULL;
}

dyad_status dyad_eval_get_split(const dyad_eval *ev, size_t split, dyad_eval_level level,
                                const char *root, dyad_eval_score *out)
{
    if (!ev || split >= ev->nsplits) {
        if (out) memset(out, 0, sizeof *out);
        return DYAD_EINVAL;
    }
    return S_get(ev, &ev->splits[split], level, root, out);
}

dyad_status dyad_eval_get_split_info(const dyad_eval *ev, size_t split, dyad_eval_info *out)
{
    if (out) memset(out, 0, sizeof *out);
    if (!ev || !out || !ev->ran || split >= ev->nsplits) return DYAD_EINVAL;
    *out = ev->splits[split].info;
    return DYAD_OK;
}

dyad_status dyad_eval_get_gap(const dyad_eval *ev, size_t a, size_t b, dyad_eval_level level,
                              dyad_eval_gap *out)
{
    if (out) memset(out, 0, sizeof *out);
    dyad_eval_score x, y;
    dyad_status st;
    if (!out) return DYAD_EINVAL;
    if ((st = dyad_eval_get_split(ev, a, level, NULL, &x)) != DYAD_OK ||
        (st = dyad_eval_get_split(ev, b, level, NULL, &y)) != DYAD_OK)
        return st;
    const dyad_eval_info *ia = &ev->splits[a].info, *ib = &ev->splits[b].info;
    out->has_precision = x.system && y.system;
    out->has_recall = x.gold && y.gold;
    out->has_f1 = out->has_precision && out->has_recall;
    out->has_date = ia->date_matched && ib->date_matched;
    out->precision = out->has_precision ? x.precision - y.precision : 0.0;
    out->recall = out->has_recall ? x.recall - y.recall : 0.0;
    out->f1 = out->has_f1 ? x.f1 - y.f1 : 0.0;
    if (out->has_date)
        out->date = (double)ia->date_agree / (double)ia->date_matched -
                    (double)ib->date_agree / (double)ib->date_matched;
    return DYAD_OK;
}
