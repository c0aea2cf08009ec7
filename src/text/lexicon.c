/*
 * lexicon.c -- the English word lists of the parse and code stages (text
 * stage; data/lexicon/README.md).  The built-in lists are the files of
 * data/lexicon, compiled into the library as text (lexicon_builtin.inc,
 * written by lexicon_gen.cmake); a dictionary folder may replace or extend
 * each (dict.c reads them).  Every word is filed once, under its spelling
 * with ASCII letters folded to lower case, in one open-addressing table:
 * one lookup gives the bit set of its lists and, for an event noun, its
 * codes.  Verb and noun forms are generated ("v:say", "n:talk"), never
 * typed.  What must stay true: equality is strcasecmp's (ASCII letters
 * only fold; other bytes compare as they are), and a built lexicon is
 * never written again, so threads may share it.
 */
#include "text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LX_MAXWORD 63   /* bytes of one word */

static const char *const S_names[DYAD__LX_N] = {
    [DYAD__LX_REPORTING] = "reporting",
    [DYAD__LX_NAMING] = "naming",
    [DYAD__LX_RECIPROCAL] = "reciprocal",
    [DYAD__LX_WRONGDOING] = "wrongdoing",
    [DYAD__LX_COMMITTING] = "committing",
    [DYAD__LX_CRIMES] = "crimes",
    [DYAD__LX_CONDEMNING] = "condemning",
    [DYAD__LX_PRAISING] = "praising",
    [DYAD__LX_CLAIM_NOUNS] = "claim-nouns",
    [DYAD__LX_CHARGE_NOUNS] = "charge-nouns",
    [DYAD__LX_COMPLETED] = "completed-nouns",
    [DYAD__LX_EVENT_NOUNS] = "event-nouns",
    [DYAD__LX_PLANNED] = "planned-adjectives",
    [DYAD__LX_TOPIC_PREPS] = "topic-prepositions",
    [DYAD__LX_LOCATIVES] = "locatives",
    [DYAD__LX_CONDITIONS] = "conditions",
    [DYAD__LX_TIMES] = "times",
    [DYAD__LX_HOPING] = "hoping",
    [DYAD__LX_WILLING] = "willing",
    [DYAD__LX_MADE] = "made",
    [DYAD__LX_PAIR_NOUNS] = "pair-nouns",
    [DYAD__LX_STATE_NOUNS] = "state-nouns",
    [DYAD__LX_BODIES] = "bodies",
    [DYAD__LX_FOREIGN] = "foreign",
    [DYAD__LX_FACILITIES] = "facilities",
    [DYAD__LX_DEMANDING] = "demanding",
    [DYAD__LX_URGING] = "urging",
    [DYAD__LX_SPEECH] = "speech",
    [DYAD__LX_OBJECT_CONTROL] = "object-control",
    [DYAD__LX_SAID_NOUNS] = "said-nouns",
    [DYAD__LX_TIME_NOUNS] = "time-nouns",
    [DYAD__LX_SUBORDINATORS] = "subordinators",
    [DYAD__LX_PARTICIPLES] = "past-participles",
    [DYAD__LX_QUANTIFIERS] = "quantifiers",
    [DYAD__LX_SPANS] = "spans",
    [DYAD__LX_DENYING] = "denying",
    [DYAD__LX_COMMENTATORS] = "commentators",
    [DYAD__LX_FAILING] = "failing",
    [DYAD__LX_RELATIONS] = "relations",
    [DYAD__LX_ADVERBIAL] = "adverbial",
    [DYAD__LX_PERSON_ROLES] = "person-roles",
    [DYAD__LX_ACCUSING] = "accusing",
    [DYAD__LX_ACT_NOUNS] = "act-nouns",
    [DYAD__LX_SPEECH_ACTS] = "speech-acts",
    [DYAD__LX_BLAMING] = "blaming",
};

/* The built-in lists: {name, text} rows. */
typedef struct builtin_list {
    const char *name, *text;
} builtin_list;
#include "lexicon_builtin.inc"

typedef struct lxword {
    const char *s;              /* folded spelling (arena) */
    uint32_t len, hash;
    uint64_t bits;
    uint32_t noun;              /* into nouns, + 1; 0 none */
} lxword;

struct dyad__lexicon {
    dyad__arena arena;
    lxword *w;
    size_t nw, wcap;
    uint32_t *slots;            /* index into w + 1; 0 empty */
    size_t cap;                 /* power of two */
    dyad__lex_noun *nouns;
    size_t nnouns, ncap;
};

int dyad__lex_list(const char *name, size_t n)
{
    for (int i = 0; i < DYAD__LX_N; i++)
        if (strlen(S_names[i]) == n && memcmp(S_names[i], name, n) == 0) return i;
    return -1;
}

const char *dyad__lex_list_name(int list)
{
    return list >= 0 && list < DYAD__LX_N ? S_names[list] : "";
}

/* FNV-1a over the folded bytes; folds s[0..n) into out (n <= LX_MAXWORD). */
static uint32_t S_fold(const char *s, size_t n, char *out)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        out[i] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static lxword *S_find(const dyad__lexicon *lx, const char *f, size_t n, uint32_t h)
{
    if (!lx->cap) return NULL;
    for (size_t i = h & (lx->cap - 1);; i = (i + 1) & (lx->cap - 1)) {
        uint32_t k = lx->slots[i];
        if (!k) return NULL;
        lxword *x = &lx->w[k - 1];
        if (x->hash == h && x->len == n && memcmp(x->s, f, n) == 0) return x;
    }
}

static int S_grow(dyad__lexicon *lx)
{
    size_t cap = lx->cap ? lx->cap * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t k = 0; k < lx->nw; k++) {
        size_t i = lx->w[k].hash & (cap - 1);
        while (slots[i]) i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)(k + 1);
    }
    free(lx->slots);
    lx->slots = slots;
    lx->cap = cap;
    return 0;
}

/* The word s[0..n) (folded here), created when absent; NULL when out of
 * memory. */
static lxword *S_word(dyad__lexicon *lx, const char *s, size_t n)
{
    char f[LX_MAXWORD + 1];
    uint32_t h = S_fold(s, n, f);
    lxword *x = S_find(lx, f, n, h);
    if (x) return x;
    if ((lx->nw + 1) * 2 > lx->cap && S_grow(lx) != 0) return NULL;
    if (lx->nw == lx->wcap) {
        size_t cap = lx->wcap ? lx->wcap * 2 : 512;
        lxword *v = realloc(lx->w, cap * sizeof *v);
        if (!v) return NULL;
        lx->w = v;
        lx->wcap = cap;
    }
    char *copy = dyad__arena_strndup(&lx->arena, f, n);
    if (!copy) return NULL;
    x = &lx->w[lx->nw++];
    x->s = copy;
    x->len = (uint32_t)n;
    x->hash = h;
    x->bits = 0;
    x->noun = 0;
    size_t i = h & (lx->cap - 1);
    while (lx->slots[i]) i = (i + 1) & (lx->cap - 1);
    lx->slots[i] = (uint32_t)lx->nw;
    return x;
}

uint64_t dyad__lex_bits(const dyad__lexicon *lx, const char *w, size_t n)
{
    if (!lx || n == 0 || n > LX_MAXWORD) return 0;
    char f[LX_MAXWORD + 1];
    uint32_t h = S_fold(w, n, f);
    const lxword *x = S_find(lx, f, n, h);
    return x ? x->bits : 0;
}

const dyad__lex_noun *dyad__lex_noun_get(const dyad__lexicon *lx, const char *w, size_t n)
{
    if (!lx || n == 0 || n > LX_MAXWORD) return NULL;
    char f[LX_MAXWORD + 1];
    uint32_t h = S_fold(w, n, f);
    const lxword *x = S_find(lx, f, n, h);
    return x && (x->bits & (1ull << DYAD__LX_EVENT_NOUNS)) && x->noun ? &lx->nouns[x->noun - 1]
                                                                      : NULL;
}

size_t dyad__lex_count(const dyad__lexicon *lx, int list)
{
    size_t n = 0;
    for (size_t k = 0; lx && k < lx->nw; k++)
        n += list < 0 ? lx->w[k].bits != 0 : (lx->w[k].bits >> list) & 1u;
    return n;
}

void dyad__lexicon_free(dyad__lexicon *lx)
{
    if (!lx) return;
    free(lx->w);
    free(lx->slots);
    free(lx->nouns);
    dyad__arena_free(&lx->arena);
    free(lx);
}

/* ------------------------------------------------------------- reading */

typedef struct rd {
    dyad__lexicon *lx;
    dyad__lex_diag_fn diag;
    void *ctx;
    const char *file;
    int list;
    int oom;
} rd;

static void S_diag(rd *r, unsigned long line, const char *fmt, const char *arg)
{
    char msg[200];
    snprintf(msg, sizeof msg, fmt, arg);
    if (r->diag) r->diag(r->ctx, r->file, line, msg);
}

static int S_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Sets (or with del, clears) the list's bit of the word s[0..n); for an
 * event noun, its codes (noun, may be NULL when deleting). */
static void S_mark(rd *r, const char *s, size_t n, int del, const dyad__lex_noun *noun)
{
    lxword *x = S_word(r->lx, s, n);
    if (!x) { r->oom = 1; return; }
    if (del) {
        x->bits &= ~(1ull << r->list);
        return;
    }
    x->bits |= 1ull << r->list;
    if (!noun) return;
    dyad__lexicon *lx = r->lx;
    if (!x->noun) {
        if (lx->nnouns == lx->ncap) {
            size_t cap = lx->ncap ? lx->ncap * 2 : 32;
            dyad__lex_noun *v = realloc(lx->nouns, cap * sizeof *v);
            if (!v) { r->oom = 1; return; }
            lx->nouns = v;
            lx->ncap = cap;
        }
        x->noun = (uint32_t)++lx->nnouns;
    }
    lx->nouns[x->noun - 1] = *noun;
}

/* An event noun's fields after the word: CODE [back=CODE] [mutual]
 * [force] [other=P,P...].  0 on success. */
static int S_noun_fields(rd *r, unsigned long line, const char *p, const char *e,
                         dyad__lex_noun *out)
{
    memset(out, 0, sizeof *out);
    static const char *const none[] = {NULL};
    out->other = none;
    int have_code = 0;
    while (p < e) {
        while (p < e && S_blank(*p)) p++;
        if (p == e) break;
        const char *q = p;
        while (q < e && !S_blank(*q)) q++;
        size_t n = (size_t)(q - p);
        char tok[128];
        if (n >= sizeof tok) { S_diag(r, line, "%s: field too long", "event noun"); return -1; }
        memcpy(tok, p, n);
        tok[n] = 0;
        p = q;
        if (!have_code) {
            if (n < 2 || n > 4 || strspn(tok, "0123456789") != n) {
                S_diag(r, line, "'%s' is not a CAMEO code (2 to 4 digits)", tok);
                return -1;
            }
            out->code = dyad__arena_strndup(&r->lx->arena, tok, n);
            have_code = 1;
        } else if (!strcmp(tok, "mutual")) {
            out->mutual = 1;
        } else if (!strcmp(tok, "force")) {
            out->force = 1;
        } else if (!strncmp(tok, "back=", 5) && n > 5 && strspn(tok + 5, "0123456789") == n - 5) {
            out->back = dyad__arena_strndup(&r->lx->arena, tok + 5, n - 5);
        } else if (!strncmp(tok, "other=", 6) && n > 6) {
            size_t k = 1;
            for (size_t i = 6; i < n; i++) k += tok[i] == ',';
            const char **v = dyad__arena_alloc(&r->lx->arena, (k + 1) * sizeof *v);
            if (!v) { r->oom = 1; return -1; }
            size_t m = 0;
            for (char *s = tok + 6; *s;) {
                char *c = strchr(s, ',');
                size_t l = c ? (size_t)(c - s) : strlen(s);
                if (l) {
                    char *w = dyad__arena_strndup(&r->lx->arena, s, l);
                    if (!w) { r->oom = 1; return -1; }
                    for (char *z = w; *z; z++)
                        if (*z >= 'A' && *z <= 'Z') *z = (char)(*z + 32);
                    v[m++] = w;
                }
                s += l + (c != NULL);
            }
            v[m] = NULL;
            out->other = v;
        } else {
            S_diag(r, line, "unknown event-noun field '%s' (CODE, back=CODE, mutual, force, "
                            "other=P,P)", tok);
            return -1;
        }
        if (r->oom) return -1;
    }
    if (!have_code) { S_diag(r, line, "%s needs a CAMEO code after the word", "an event noun"); return -1; }
    return 0;
}

/* Reads one list file into r->list. */
static void S_read(rd *r, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    unsigned long line = 0;
    while (p < end && !r->oom) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        line++;
        const char *hash = memchr(p, '#', (size_t)(e - p));
        if (hash) e = hash;
        while (p < e && S_blank(*p)) p++;
        while (e > p && S_blank(e[-1])) e--;
        if (p == e) { p = next; continue; }
        int del = *p == '-';
        if (del) p++;
        int form = 0;   /* 'v' verb forms, 'n' noun plural */
        if (e - p > 2 && (p[0] == 'v' || p[0] == 'n') && p[1] == ':') {
            form = p[0];
            p += 2;
        }
        const char *we = p;
        while (we < e && !S_blank(*we)) we++;
        size_t n = (size_t)(we - p);
        char word[LX_MAXWORD + 1];
        if (n == 0 || n > LX_MAXWORD) {
            S_diag(r, line, "%s", n ? "word longer than 63 bytes" : "no word");
            p = next;
            continue;
        }
        memcpy(word, p, n);
        word[n] = 0;
        int bad = 0;
        for (size_t i = 0; i < n; i++) bad |= (unsigned char)word[i] < 0x21;
        if (bad) { S_diag(r, line, "'%s': control characters in a word", word); p = next; continue; }
        dyad__lex_noun noun, *np = NULL;
        if (r->list == DYAD__LX_EVENT_NOUNS && !del) {
            if (S_noun_fields(r, line, we, e, &noun) != 0) { p = next; continue; }
            np = &noun;
        } else if (we < e) {
            S_diag(r, line, "one word per line in list '%s'", S_names[r->list]);
            p = next;
            continue;
        }
        S_mark(r, word, n, del, np);
        if (form) {
            char up[LX_MAXWORD + 1], forms[24][64];
            for (size_t i = 0; i <= n; i++)
                up[i] = word[i] >= 'a' && word[i] <= 'z' ? (char)(word[i] - 32) : word[i];
            size_t nf = form == 'v' ? dyad__verb_forms(up, n, forms, 24)
                                    : dyad__noun_plural(up, n, forms, 24);
            for (size_t k = 0; k < nf && !r->oom; k++)
                S_mark(r, forms[k], strlen(forms[k]), del, np);
        }
        p = next;
    }
}

static const char *S_builtin_text(int list)
{
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_builtin); i++)
        if (!strcmp(S_builtin[i].name, S_names[list])) return S_builtin[i].text;
    return "";
}

dyad_status dyad__lexicon_build(dyad__lexicon **out, const dyad__lex_src *src, size_t n,
                                dyad__lex_diag_fn diag, void *ctx)
{
    *out = NULL;
    dyad__lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) return DYAD_ENOMEM;
    dyad__arena_init(&lx->arena, 0);
    rd r = {lx, diag, ctx, NULL, 0, 0};
    char file[64];
    for (int l = 0; l < DYAD__LX_N && !r.oom; l++) {
        /* the last replacement of the list, else the built-in list */
        const dyad__lex_src *rep = NULL;
        for (size_t i = 0; i < n; i++)
            if (!src[i].add && dyad__lex_list(src[i].list, strlen(src[i].list)) == l) rep = &src[i];
        r.list = l;
        if (rep) {
            r.file = rep->file;
            S_read(&r, rep->text, rep->len);
        } else {
            snprintf(file, sizeof file, "builtin:lexicon/%s.txt", S_names[l]);
            r.file = file;
            const char *t = S_builtin_text(l);
            S_read(&r, t, strlen(t));
        }
    }
    for (size_t i = 0; i < n && !r.oom; i++) {
        int l = dyad__lex_list(src[i].list, strlen(src[i].list));
        r.file = src[i].file;
        if (l < 0) {
            S_diag(&r, 0, "no lexicon list named '%s' (data/lexicon/README.md); skipped",
                   src[i].list);
            continue;
        }
        if (!src[i].add) continue;
        r.list = l;
        S_read(&r, src[i].text, src[i].len);
    }
    if (r.oom) {
        dyad__lexicon_free(lx);
        return DYAD_ENOMEM;
    }
    *out = lx;
    return DYAD_OK;
}

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static dyad__lexicon *S_builtin_lx;

static void S_build_builtin(void)
{
    dyad__lexicon *lx = NULL;
    if (dyad__lexicon_build(&lx, NULL, 0, NULL, NULL) == DYAD_OK) S_builtin_lx = lx;
}

const dyad__lexicon *dyad__lexicon_builtin(void)
{
    pthread_once(&S_once, S_build_builtin);
    return S_builtin_lx;
}
