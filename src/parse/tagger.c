/*
 * tagger.c -- the part-of-speech tagger of the parse stage: a bigram
 * hidden Markov model decoded with Viterbi, whose parameters come from
 * the Penn-Treebank-trained data of Debian's liblingua-en-tagger-perl
 * (words.yml: word -> tag counts; tags.yml: tag -> next-tag
 * probabilities), read at run time from the installed package, never
 * copied into this repository.  Unknown words get a tag distribution from
 * their shape (numbers, hyphens, capitals, digits) and their suffix, with
 * suffix statistics gathered from the rare words of words.yml itself (the
 * way TnT does), so no hand-made lexicon is involved.  (The package's
 * unknown.yml is not read: its eleven hand-set word classes are coarser
 * than the suffix and shape statistics of the 13,000 rare words, and
 * would add a third file that can go wrong.)  Tags are mapped to
 * Penn Treebank names (det -> DT, prps -> PRP$, pp -> ".", ...).
 * What must stay true: a loaded model never changes, so threads share it
 * freely; every sentence gets a tag for every word (no failure path but
 * memory); a bad data file is refused with its path and line.
 */
#include "parse.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NT DYAD__T_COUNT
#define MAXCAND 10          /* candidate tags per word */
#define MAXKEY 96           /* longer words are never looked up */
#define RARE 10             /* words seen at most this often feed the
                               unknown-word statistics */
#define MAXSUF 5            /* longest suffix used for unknown words */
#define TRANS_FLOOR 1e-7    /* probability of an unseen tag bigram */
#define WORD_MIN_SHARE 0.005 /* a word keeps the tags with this share */
#ifndef VBX_SHRINK
#define VBX_SHRINK 3.0f     /* pseudo-counts pulling an -ed word's VBD/VBN
                               split towards the overall split */
#endif

/* Penn names and Lingua names of the tags, in enum order. */
const char *const dyad__penn_names[NT] = {
#define X(e, penn, lingua) penn,
    DYAD__PTAG_MAP(X)
#undef X
};
static const char *const S_lingua[NT] = {
#define X(e, penn, lingua) lingua,
    DYAD__PTAG_MAP(X)
#undef X
};

unsigned dyad__ptag_parse(const char *s)
{
    static const struct { const char *aux; unsigned tag; } aux[] = {
        {"AUX", DYAD__T_VB}, {"AUXB", DYAD__T_VB}, {"AUXD", DYAD__T_VBD},
        {"AUXG", DYAD__T_VBG}, {"AUXN", DYAD__T_VBN}, {"AUXP", DYAD__T_VBP},
        {"AUXZ", DYAD__T_VBZ},
    };
    for (unsigned t = 0; t < NT; t++)
        if (strcmp(dyad__penn_names[t], s) == 0) return t;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(aux); i++)
        if (strcmp(aux[i].aux, s) == 0) return aux[i].tag;
    return NT;
}

unsigned dyad__tag_code(const char *s)
{
    static const char *const aux[] = {"AUX", "AUXB", "AUXD", "AUXG", "AUXN", "AUXP", "AUXZ"};
    for (unsigned t = 0; t < NT; t++)
        if (dyad__penn_names[t][0] == s[0] && strcmp(dyad__penn_names[t], s) == 0) return t;
    for (unsigned i = 0; i < DYAD_ARRAY_LEN(aux); i++)
        if (strcmp(aux[i], s) == 0) return DYAD__TC_AUX + i;
    for (unsigned l = DYAD__L_OTHER + 1; l < DYAD__L_COUNT; l++)
        if (strcmp(dyad__label_name((dyad__label)l), s) == 0) return dyad__label_code(l);
    return DYAD__TC_OTHER;
}

/* ------------------------------------------------------------ the model */

/* One tag of a word's distribution. */
typedef struct tprob {
    uint8_t tag;
    float p;        /* P(tag | word) */
    float e;        /* emission score: log P(tag | word) - log P(tag),
                       which ranks tags as P(word | tag) does */
} tprob;

/* A read-only string -> distribution table (open addressing). */
typedef struct tentry {
    uint32_t koff;       /* key offset into keys */
    uint32_t doff;       /* distribution offset into dist (entry n: the end) */
    uint32_t total;      /* how often the key was seen */
    uint8_t klen;
} tentry;

/* A lookup touches one slot, which holds the key's full hash (a miss
 * rarely reads further), then one entry and its key: the fields of an
 * entry sit together, as a lookup costs its cache misses. */
typedef struct table {
    uint32_t n, mask;
    uint64_t *slots;     /* hash << 32 | (entry + 1); 0 is empty */
    tentry *ents;        /* n + 1 */
    tprob *dist;
    char *keys;
    uint32_t nkeys;      /* bytes of keys */
} table;

/* Shape classes of unknown words with their own distributions. */
enum { SH_LOWER, SH_CAP, SH_HYPHEN_LOWER, SH_HYPHEN_CAP, SH_ALLCAPS, SH_ALNUM, SH_COUNT };

struct dyad_tagger {
    dyad__err err;             /* why loading failed ("" when loaded) */
    table words;               /* words.yml */
    table suffix;              /* class byte + lower-case suffix of rare
                                  words -> tag counts */
    float trans[NT][NT];       /* log P(next | prev), from tags.yml */
    float logprior[NT];        /* log P(tag) over words.yml */
    float shape[SH_COUNT][NT]; /* P(tag | shape) over rare words */
    float theta[SH_COUNT];     /* successive-abstraction weight per class */
    uint32_t num, ord;         /* entries of "*NUM*" and "*ORD*" + 1 */
    uint64_t src[4];           /* length and content hash of tags.yml,
                                  then of words.yml */
    unsigned char *blob;       /* the compiled model the tables point
                                  into; NULL when built from the YAML */
};

/* A key's hash, for the tables and the word cache of this process only
 * (nothing stores it): the key read as a few whole words, not a byte at
 * a time.  Keys of 4 to 16 bytes are two overlapping loads; with the
 * length, those two words determine the key. */
static inline uint32_t S_hash(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        uint64_t acc = 0;
        size_t i = 0;
        for (; i + 16 < n; i += 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            acc = (acc ^ w) * 0x9e3779b97f4a7c15ull;
            acc ^= acc >> 29;
        }
        memcpy(&a, s + i, 8);
        memcpy(&b, s + n - 8, 8);
        a ^= acc;
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = x;
        b = y;
    } else if (n > 0) {
        a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
            (uint64_t)(unsigned char)s[n - 1] << 16;
    }
    uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + n) * 0xc2b2ae3d27d4eb4full;
    return (uint32_t)dyad__mix64(h);
}

/* Entry of key in tb, or UINT32_MAX. */
static uint32_t S_find(const table *tb, const char *s, size_t n)
{
    if (tb->n == 0 || n > MAXKEY) return UINT32_MAX;
    uint32_t hash = S_hash(s, n);
    for (uint32_t h = hash & tb->mask;; h = (h + 1) & tb->mask) {
        uint64_t v = tb->slots[h];
        if (v == 0) return UINT32_MAX;
        if ((uint32_t)(v >> 32) != hash) continue;
        uint32_t e = (uint32_t)v - 1;
        const tentry *te = &tb->ents[e];
        if (te->klen == n && memcmp(tb->keys + te->koff, s, n) == 0) return e;
    }
}

static void S_table_free(table *tb)
{
    free(tb->slots); free(tb->ents); free(tb->dist); free(tb->keys);
    memset(tb, 0, sizeof *tb);
}

/* ---------------------------------------------------- building a table */

/* A table under construction: keys with dense counts. */
typedef struct builder {
    uint32_t n, cap, mask;
    uint32_t *slots;
    uint32_t *koff;
    uint8_t *klen;
    uint32_t *hash;      /* S_hash of each key: growing and freezing do
                            not hash again */
    float *counts;       /* cap * NT */
    uint64_t *seen;      /* per key: bit t set when counts[t] != 0, so
                            the passes over a key visit its few tags, not
                            all NT (a zero adds nothing to any sum) */
    char *keys;
    size_t klen_total, kcap;
} builder;

static void S_builder_free(builder *b)
{
    free(b->slots); free(b->koff); free(b->klen); free(b->hash); free(b->counts); free(b->seen);
    free(b->keys);
    memset(b, 0, sizeof *b);
}

static int S_builder_grow_to(builder *b, uint32_t cap);

static int S_builder_grow(builder *b) { return S_builder_grow_to(b, b->cap ? b->cap * 2 : 1024); }

/* Room for at least want keys at once (an empty builder: no copying as
 * it fills). */
static int S_builder_reserve(builder *b, size_t want)
{
    uint32_t cap = 1024;
    while (cap < want && cap < (1u << 24)) cap *= 2;
    return cap > b->cap ? S_builder_grow_to(b, cap) : 0;
}

static int S_builder_grow_to(builder *b, uint32_t cap)
{
    uint32_t *koff = realloc(b->koff, cap * sizeof *koff);
    if (koff) b->koff = koff;
    uint8_t *klen = realloc(b->klen, cap);
    if (klen) b->klen = klen;
    uint32_t *hash = realloc(b->hash, cap * sizeof *hash);
    if (hash) b->hash = hash;
    float *counts = realloc(b->counts, (size_t)cap * NT * sizeof *counts);
    if (counts) b->counts = counts;
    uint64_t *seen = realloc(b->seen, (size_t)cap * sizeof *seen);
    if (seen) b->seen = seen;
    uint32_t *slots = calloc((size_t)cap * 2, sizeof *slots);
    if (!koff || !klen || !hash || !counts || !seen || !slots) { free(slots); return -1; }
    free(b->slots);
    b->slots = slots;
    b->mask = cap * 2 - 1;
    b->cap = cap;
    for (uint32_t e = 0; e < b->n; e++) {
        uint32_t h = b->hash[e] & b->mask;
        while (b->slots[h]) h = (h + 1) & b->mask;
        b->slots[h] = e + 1;
    }
    return 0;
}

/* Entry of key (added, its counts zeroed, when new), or UINT32_MAX on
 * ENOMEM.  *fresh is set when the key was new. */
static uint32_t S_builder_get(builder *b, const char *s, size_t n, int *fresh)
{
    *fresh = 0;
    uint32_t hash = S_hash(s, n);
    if (b->cap) {
        for (uint32_t h = hash & b->mask;; h = (h + 1) & b->mask) {
            uint32_t e = b->slots[h];
            if (e == 0) break;
            e--;
            if (b->hash[e] == hash && b->klen[e] == n && memcmp(b->keys + b->koff[e], s, n) == 0)
                return e;
        }
    }
    if (b->n == b->cap && S_builder_grow(b) != 0) return UINT32_MAX;
    if (b->klen_total + n > b->kcap) {
        size_t kcap = b->kcap ? b->kcap * 2 : 65536;
        while (kcap < b->klen_total + n) kcap *= 2;
        char *k = realloc(b->keys, kcap);
        if (!k) return UINT32_MAX;
        b->keys = k;
        b->kcap = kcap;
    }
    uint32_t e = b->n++;
    memcpy(b->keys + b->klen_total, s, n);
    b->koff[e] = (uint32_t)b->klen_total;
    b->klen[e] = (uint8_t)n;
    b->hash[e] = hash;
    b->klen_total += n;
    uint32_t h = hash & b->mask;
    while (b->slots[h]) h = (h + 1) & b->mask;
    b->slots[h] = e + 1;
    memset(b->counts + (size_t)e * NT, 0, NT * sizeof *b->counts);
    b->seen[e] = 0;
    *fresh = 1;
    return e;
}

/* Adds v to tag t of entry e, keeping its seen bits. */
static void S_builder_add(builder *b, uint32_t e, int t, float v)
{
    float *c = &b->counts[(size_t)e * NT + t];
    *c += v;
    if (*c != 0) b->seen[e] |= (uint64_t)1 << t;
    else b->seen[e] &= ~((uint64_t)1 << t);
}

/* The tags of entry e with a count other than zero, in tag order, into
 * out; returns how many. */
static int S_builder_seen(const builder *b, uint32_t e, uint8_t *out)
{
    int ns = 0;
    for (uint64_t m = b->seen[e]; m; m &= m - 1) out[ns++] = (uint8_t)__builtin_ctzll(m);
    return ns;
}

/* Freezes b into tb: each key keeps the tags holding at least min_share
 * of its count (and always its best tag), as probabilities with emission
 * scores against logprior. */
static int S_builder_freeze(builder *b, table *tb, double min_share, const float *logprior)
{
    memset(tb, 0, sizeof *tb);
    size_t nd = 0;
    for (uint32_t e = 0; e < b->n; e++) nd += (size_t)__builtin_popcountll(b->seen[e]);
    uint32_t slots = 16;
    while (slots < b->n * 2u) slots *= 2;
    tb->n = b->n;
    tb->mask = slots - 1;
    tb->slots = calloc(slots, sizeof *tb->slots);
    tb->ents = calloc(b->n + 1, sizeof *tb->ents);
    tb->dist = malloc((nd + 1) * sizeof *tb->dist);
    tb->keys = malloc(b->klen_total + 1);
    if (!tb->slots || !tb->ents || !tb->dist || !tb->keys) {
        S_table_free(tb);
        return -1;
    }
    if (b->klen_total) memcpy(tb->keys, b->keys, b->klen_total);
    tb->nkeys = (uint32_t)b->klen_total;
    size_t d = 0;
    for (uint32_t e = 0; e < b->n; e++) {
        const float *c = b->counts + (size_t)e * NT;
        /* the tags seen (a word has a few of NT): the sums below skip
         * only zeros, so they are the same to the bit */
        uint8_t seen[NT];
        int ns = S_builder_seen(b, e, seen);
        double tot = 0, best = 0;
        int bt = 0;
        for (int k = 0; k < ns; k++) {
            int t = seen[k];
            tot += c[t];
            if (c[t] > best) { best = c[t]; bt = t; }
        }
        double kept = 0;
        for (int k = 0; k < ns; k++) {
            int t = seen[k];
            if (c[t] > 0 && (t == bt || c[t] >= min_share * tot)) kept += c[t];
        }
        tb->ents[e].koff = b->koff[e];
        tb->ents[e].klen = b->klen[e];
        tb->ents[e].total = (uint32_t)(tot + 0.5);
        tb->ents[e].doff = (uint32_t)d;
        for (int k = 0; k < ns; k++) {
            int t = seen[k];
            if (!(c[t] > 0 && (t == bt || c[t] >= min_share * tot))) continue;
            tb->dist[d].tag = (uint8_t)t;
            tb->dist[d].p = (float)(c[t] / kept);
            tb->dist[d].e = logf(tb->dist[d].p) - logprior[t];
            d++;
        }
        uint32_t hash = b->hash[e];
        uint32_t h = hash & tb->mask;
        while (tb->slots[h]) h = (h + 1) & tb->mask;
        tb->slots[h] = (uint64_t)hash << 32 | (e + 1);
    }
    tb->ents[b->n].doff = (uint32_t)d;
    return 0;
}

/* ------------------------------------------------------ the YAML reader */

/* words.yml and tags.yml are YAML maps written one entry a line by the
 * Perl module's own dumper:
 *     "word": { tag: 12, tag2: 3 }        word: { tag: 0.25 }
 * A full YAML library (libyaml) would add a dependency and a slower,
 * event-by-event walk for a format this regular; this reader accepts
 * exactly that shape (plus "---" headers, comments and blank lines) and
 * refuses anything else with the line number. */

typedef struct ypair { const char *name; size_t nlen; double value; } ypair;

/* Parses a number (no locale: the data always writes '.'). */
static const char *S_number(const char *s, double *out)
{
    const char *p = s;
    double v = 0;
    int digits = 0, neg = 0;
    if (*p == '-' || *p == '+') neg = *p++ == '-';
    while (*p >= '0' && *p <= '9') { v = v * 10 + (*p++ - '0'); digits++; }
    if (*p == '.') {
        double f = 0.1;
        for (p++; *p >= '0' && *p <= '9'; p++, f /= 10) { v += (*p - '0') * f; digits++; }
    }
    if (!digits) return NULL;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        int eneg = 0, ex = 0, ed = 0;
        if (*q == '-' || *q == '+') eneg = *q++ == '-';
        while (*q >= '0' && *q <= '9' && ex < 400) { ex = ex * 10 + (*q++ - '0'); ed++; }
        if (!ed) return NULL;
        v *= pow(10.0, eneg ? -ex : ex);
        p = q;
    }
    *out = neg ? -v : v;
    return p;
}

/* Parses one entry line (NUL-terminated).  Returns NULL, or what is
 * wrong. */
static const char *S_yaml_line(char *s, const char **key, size_t *klen,
                               ypair *pairs, int *npairs, int maxpairs)
{
    char *p = s;
    if (*p == '"') {
        char *w = ++p;
        *key = p;
        while (*p && *p != '"') {
            if (*p == '\\' && p[1]) p++;
            *w++ = *p++;
        }
        if (*p != '"') return "unterminated quoted key";
        *klen = (size_t)(w - *key);
        p++;
        if (*p != ':') return "expected ':' after the key";
    } else if (*p == '\'') {
        *key = ++p;
        while (*p && *p != '\'') p++;
        if (*p != '\'') return "unterminated quoted key";
        *klen = (size_t)(p - *key);
        p++;
        if (*p != ':') return "expected ':' after the key";
    } else {
        *key = p;
        while (*p && !(*p == ':' && (p[1] == ' ' || p[1] == '\t' || p[1] == 0))) p++;
        if (*p != ':') return "expected 'key: { tag: count, ... }'";
        *klen = (size_t)(p - *key);
        while (*klen && ((*key)[*klen - 1] == ' ' || (*key)[*klen - 1] == '\t')) (*klen)--;
    }
    if (*klen == 0) return "empty key";
    p++;
    while (*p == ' ' || *p == '\t') p++;
    if (*p != '{') return "expected '{' after the key";
    p++;
    *npairs = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '}') { p++; break; }
        if (*npairs && *p == ',') {
            p++;
            while (*p == ' ' || *p == '\t') p++;
        } else if (*npairs) {
            return "expected ',' or '}'";
        }
        const char *name = p;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
               *p == '_' || *p == '$' || *p == '-')
            p++;
        if (p == name) return "expected a tag name";
        size_t nlen = (size_t)(p - name);
        if (*p != ':') return "expected ':' after a tag name";
        p++;
        while (*p == ' ' || *p == '\t') p++;
        double v;
        const char *q = S_number(p, &v);
        if (!q) return "expected a number";
        if (!(v >= 0) || !isfinite(v)) return "negative or invalid number";
        p = (char *)q;
        if (*npairs == maxpairs) return "too many tags on one line";
        pairs[*npairs].name = name;
        pairs[*npairs].nlen = nlen;
        pairs[*npairs].value = v;
        (*npairs)++;
    }
    while (*p == ' ' || *p == '\t' || *p == '\r') p++;
    if (*p == '#') return NULL;
    if (*p) return "text after '}'";
    return NULL;
}

/* The Lingua names as a small hash table: every name has one to four
 * bytes, none of them NUL, so its bytes packed into 32 bits are a key
 * that no other string of up to four bytes shares.  Built once a load;
 * words.yml names a tag about 50,000 times. */
#define LINGUA_SLOTS 128
typedef struct lingua_ix {
    uint32_t key[LINGUA_SLOTS];   /* 0: empty */
    uint8_t tag[LINGUA_SLOTS];
} lingua_ix;

static uint32_t S_pack4(const char *s, size_t n)
{
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++) k |= (uint32_t)(unsigned char)s[i] << (8 * i);
    return k;
}

static uint32_t S_lingua_slot(uint32_t key) { return (key * 2654435761u) >> 25; }

static void S_lingua_index(lingua_ix *ix)
{
    memset(ix, 0, sizeof *ix);
    for (int t = 0; t < NT; t++) {
        uint32_t k = S_pack4(S_lingua[t], strlen(S_lingua[t]));
        uint32_t h = S_lingua_slot(k);
        while (ix->key[h]) h = (h + 1) & (LINGUA_SLOTS - 1);
        ix->key[h] = k;
        ix->tag[h] = (uint8_t)t;
    }
}

/* Tag of a Lingua name, or NT. */
static int S_lingua_tag(const lingua_ix *ix, const char *s, size_t n)
{
    if (n == 0 || n > 4 || memchr(s, 0, n)) return NT;
    uint32_t k = S_pack4(s, n);
    for (uint32_t h = S_lingua_slot(k); ix->key[h]; h = (h + 1) & (LINGUA_SLOTS - 1))
        if (ix->key[h] == k) return ix->tag[h];
    return NT;
}

typedef struct yfile {
    char *data;
    size_t len;
    char *path;                 /* DIR/NAME, of any length */
} yfile;

static void S_yfile_free(yfile *f)
{
    free(f->data);
    free(f->path);
    f->data = f->path = NULL;
}

/* Reads DIR/NAME into f (S_yfile_free() frees it); on failure f holds
 * nothing and err says why, naming the whole path. */
static dyad_status S_read_file(yfile *f, const char *dir, const char *name, dyad__err *err)
{
    memset(f, 0, sizeof *f);
    size_t n = strlen(dir) + strlen(name) + 2;
    f->path = malloc(n);
    if (!f->path) return dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    snprintf(f->path, n, "%s/%s", dir, name);
    dyad_status st = DYAD_OK;
    const char *why = NULL;
    FILE *fp = dyad__fopen_regular(f->path, &why);   /* a FIFO must not block */
    if (!fp) {
        st = dyad__err_set(err, DYAD_EIO, "%s: cannot open: %s%s", f->path, why,
                           errno == ENOENT ? " (install liblingua-en-tagger-perl or set "
                                             "DYAD_TAGGER_DIR)" : "");
        S_yfile_free(f);
        return st;
    }
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t k = fread(buf + len, 1, cap - len, fp);
        len += k;
        if (len < cap) break;
        char *nb = realloc(buf, cap * 2 + 1);
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb;
        cap *= 2;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (!buf) st = dyad__err_set(err, DYAD_ENOMEM, "%s: out of memory", f->path);
    else if (bad) st = dyad__err_set(err, DYAD_EIO, "%s: read error", f->path);
    else {
        buf[len] = 0;
        if (memchr(buf, 0, len))
            st = dyad__err_set(err, DYAD_EDICT, "%s: binary data (NUL byte)", f->path);
    }
    if (st != DYAD_OK) {
        free(buf);
        S_yfile_free(f);
        return st;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {   /* byte-order mark */
        memmove(buf, buf + 3, len - 2);
        len -= 3;
    }
    f->data = buf;
    f->len = len;
    return DYAD_OK;
}

/* Calls fn for every entry line of f; stops at the first error, which is
 * reported as "PATH:LINE: what". */
typedef const char *(*yentry_fn)(void *ctx, const char *key, size_t klen,
                                 const ypair *pairs, int n);

static dyad_status S_each_entry(yfile *f, yentry_fn fn, void *ctx, size_t *nentries, dyad__err *err)
{
    ypair pairs[NT + 8];
    unsigned long line = 0;
    *nentries = 0;
    char *p = f->data, *end = f->data + f->len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        *le = 0;
        line++;
        if (le > p && le[-1] == '\r') le[-1] = 0;
        char *s = p;
        p = nl ? nl + 1 : end;
        while (*s == ' ' || *s == '\t') s++;
        if (*s == 0 || *s == '#' || strncmp(s, "---", 3) == 0) continue;
        const char *key;
        size_t klen;
        int n;
        const char *what = S_yaml_line(s, &key, &klen, pairs, &n, (int)DYAD_ARRAY_LEN(pairs));
        if (!what) what = fn(ctx, key, klen, pairs, n);
        if (what)
            return dyad__err_set(err, DYAD_EDICT, "%s:%lu: %s", f->path, line, what);
        (*nentries)++;
    }
    return DYAD_OK;
}

/* tags.yml: one row of transition probabilities. */
typedef struct tags_ctx {
    lingua_ix ix;
    double p[NT][NT];
    int seen[NT];
    char msg[128];
} tags_ctx;

static const char *S_tags_entry(void *vctx, const char *key, size_t klen, const ypair *pairs, int n)
{
    tags_ctx *c = vctx;
    int prev = S_lingua_tag(&c->ix, key, klen);
    if (prev == NT) {
        snprintf(c->msg, sizeof c->msg, "unknown tag '%.*s'", (int)(klen > 40 ? 40 : klen), key);
        return c->msg;
    }
    if (c->seen[prev]) return "tag listed twice";
    c->seen[prev] = 1;
    for (int i = 0; i < n; i++) {
        int t = S_lingua_tag(&c->ix, pairs[i].name, pairs[i].nlen);
        if (t == NT) {
            snprintf(c->msg, sizeof c->msg, "unknown tag '%.*s'",
                     (int)(pairs[i].nlen > 40 ? 40 : pairs[i].nlen), pairs[i].name);
            return c->msg;
        }
        if (pairs[i].value > 1.0) return "a probability above 1";
        c->p[prev][t] = pairs[i].value;
    }
    return NULL;
}

/* words.yml: word -> counts, collected into a builder. */
typedef struct words_ctx {
    lingua_ix ix;
    builder *b;
    double tagtotal[NT];
    char msg[128];
    int oom;
} words_ctx;

static const char *S_words_entry(void *vctx, const char *key, size_t klen, const ypair *pairs, int n)
{
    words_ctx *c = vctx;
    if (klen > MAXKEY) return "word longer than 96 bytes";
    int fresh;
    uint32_t e = S_builder_get(c->b, key, klen, &fresh);
    if (e == UINT32_MAX) { c->oom = 1; return "out of memory"; }
    if (!fresh) return "word listed twice";
    if (n == 0) return "a word without tags";
    for (int i = 0; i < n; i++) {
        int t = S_lingua_tag(&c->ix, pairs[i].name, pairs[i].nlen);
        if (t == NT) {
            snprintf(c->msg, sizeof c->msg, "unknown tag '%.*s'",
                     (int)(pairs[i].nlen > 40 ? 40 : pairs[i].nlen), pairs[i].name);
            return c->msg;
        }
        if (pairs[i].value > 1e9) return "count too large";
        S_builder_add(c->b, e, t, (float)pairs[i].value);
        c->tagtotal[t] += pairs[i].value;
    }
    return NULL;
}

/* ------------------------------------------------------- word shapes */

static int S_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int S_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int S_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Upper-case letter at s (ASCII or Latin-1/Greek/Cyrillic capitals). */
static inline int S_upper_at(const char *s, size_t n)
{
    if (n == 0) return 0;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return S_upper(c);
    int32_t cp;
    if (dyad__utf8_decode((const unsigned char *)s, n, &cp) == 0) return 0;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return 1;
    if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0;
    if (cp >= 0x391 && cp <= 0x3A9) return 1;
    if (cp >= 0x400 && cp <= 0x42F) return 1;
    return 0;
}

/* Numbers: 13,000  18.6  2020  1/2  18:25  -5  1990s  (also 3-4). */
static int S_is_number(const char *s, size_t n)
{
    size_t i = 0;
    if (n && (s[0] == '-' || s[0] == '+' || s[0] == '.')) i++;
    if (i >= n || !S_digit((unsigned char)s[i])) return 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (S_digit(c)) continue;
        if ((c == ',' || c == '.' || c == '/' || c == ':' || c == '-') && i + 1 < n &&
            S_digit((unsigned char)s[i + 1]))
            continue;
        if (c == 's' && i + 1 == n && i >= 2) return 1;   /* 1990s */
        if (c == '\'' && i + 2 == n && s[i + 1] == 's') return 1;   /* 1990's */
        return 0;
    }
    return 1;
}

/* 1st 22nd 3rd 20th */
static int S_is_ordinal(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && S_digit((unsigned char)s[i])) i++;
    if (i == 0 || n - i != 2) return 0;
    const char *x = s + i;
    return !memcmp(x, "st", 2) || !memcmp(x, "nd", 2) || !memcmp(x, "rd", 2) ||
           !memcmp(x, "th", 2) || !memcmp(x, "ST", 2) || !memcmp(x, "ND", 2) ||
           !memcmp(x, "RD", 2) || !memcmp(x, "TH", 2);
}

/* The shape class of a word that is not a number; -1 for symbols. */
static int S_shape(const char *s, size_t n)
{
    int letters = 0, uppers = 0, digits = 0, hyphen = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (S_upper(c)) { letters++; uppers++; }
        else if (S_lower(c) || c >= 0x80) letters++;
        else if (S_digit(c)) digits++;
        else if (c == '-') hyphen++;
        else if (c != '.' && c != '\'' && c != '&') other++;
    }
    (void)other;
    if (!letters) return -1;
    if (digits) return SH_ALNUM;
    if (hyphen) return S_upper_at(s, n) ? SH_HYPHEN_CAP : SH_HYPHEN_LOWER;
    if (uppers == letters && letters >= 2) return SH_ALLCAPS;
    return S_upper_at(s, n) ? SH_CAP : SH_LOWER;
}

/* Lower-cases ASCII letters of s into out (n <= MAXKEY). */
static void S_lower_copy(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        out[i] = (char)(S_upper(c) ? c + 32 : c);
    }
}

/* -------------------------------------------------- loading the model */

/* Gathers the unknown-word statistics from the rare words of b: per shape
 * class the tag distribution, and per (class, suffix) the tag counts. */
static int S_rare_stats(struct dyad_tagger *tg, builder *b, builder *suf)
{
    double shape[SH_COUNT][NT];
    memset(shape, 0, sizeof shape);
    for (uint32_t e = 0; e < b->n; e++) {
        const float *c = b->counts + (size_t)e * NT;
        /* adding a zero count changes no sum: only the tags seen */
        uint8_t seen[NT];
        int ns = S_builder_seen(b, e, seen);
        double tot = 0;
        for (int j = 0; j < ns; j++) tot += c[seen[j]];
        if (tot > RARE) continue;
        const char *k = b->keys + b->koff[e];
        size_t n = b->klen[e];
        if (k[0] == '*' || S_is_number(k, n) || S_is_ordinal(k, n)) continue;
        int sh = S_shape(k, n);
        if (sh < 0) continue;
        for (int j = 0; j < ns; j++) shape[sh][seen[j]] += c[seen[j]];
        if (sh != SH_LOWER && sh != SH_CAP) continue;
        char key[MAXKEY + 2];
        key[0] = sh == SH_LOWER ? 'l' : 'c';
        for (size_t k2 = 1; k2 <= MAXSUF && k2 < n; k2++) {
            S_lower_copy(k + n - k2, k2, key + 1);
            int fresh;
            uint32_t se = S_builder_get(suf, key, k2 + 1, &fresh);
            if (se == UINT32_MAX) return -1;
            for (int j = 0; j < ns; j++) S_builder_add(suf, se, seen[j], c[seen[j]]);
        }
    }
    for (int sh = 0; sh < SH_COUNT; sh++) {
        double tot = 0;
        for (int t = 0; t < NT; t++) tot += shape[sh][t];
        double mean = 0, var = 0;
        for (int t = 0; t < NT; t++) {
            /* a class never seen falls back to "a noun" */
            tg->shape[sh][t] = tot > 0 ? (float)(shape[sh][t] / tot) : (t == DYAD__T_NN);
            mean += tg->shape[sh][t];
        }
        mean /= NT;
        for (int t = 0; t < NT; t++) var += (tg->shape[sh][t] - mean) * (tg->shape[sh][t] - mean);
        tg->theta[sh] = (float)sqrt(var / (NT - 1));
    }
    return 0;
}

/* Builds the model from tags.yml (tf) and words.yml (wf), already read;
 * both are parsed in place.  Frees neither. */
static dyad_status S_load_yaml(struct dyad_tagger *tg, yfile *tf, yfile *wf, dyad__err *err)
{
    yfile f = *tf;
    size_t n;
    /* tags.yml */
    tags_ctx *tc = calloc(1, sizeof *tc);
    if (!tc) return dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    S_lingua_index(&tc->ix);
    dyad_status st = S_each_entry(&f, S_tags_entry, tc, &n, err);
    if (st == DYAD_OK && n == 0)
        st = dyad__err_set(err, DYAD_EDICT, "%s: no transition rows", f.path);
    if (st == DYAD_OK && !tc->seen[DYAD__T_PERIOD])
        st = dyad__err_set(err, DYAD_EDICT, "%s: no row for 'pp' (sentence start)", f.path);
    if (st == DYAD_OK) {
        for (int a = 0; a < NT; a++)
            for (int b = 0; b < NT; b++)
                tg->trans[a][b] = (float)log(tc->p[a][b] > TRANS_FLOOR ? tc->p[a][b] : TRANS_FLOOR);
    }
    free(tc);
    if (st != DYAD_OK) return st;

    /* words.yml */
    f = *wf;
    builder b = {0}, suf = {0};
    words_ctx wc;
    memset(&wc, 0, sizeof wc);
    wc.b = &b;
    S_lingua_index(&wc.ix);
    /* one entry a line: room for them all before reading */
    size_t lines = 1;
    for (const char *q = f.data, *fe = f.data + f.len; (q = memchr(q, '\n', (size_t)(fe - q))); q++)
        lines++;
    if (S_builder_reserve(&b, lines) != 0) wc.oom = 1;
    st = wc.oom ? DYAD_ENOMEM : S_each_entry(&f, S_words_entry, &wc, &n, err);
    if (st != DYAD_OK && wc.oom) st = dyad__err_set(err, DYAD_ENOMEM, "%s: out of memory", f.path);
    if (st == DYAD_OK && n == 0) st = dyad__err_set(err, DYAD_EDICT, "%s: no words", f.path);
    if (st == DYAD_OK) {
        /* A regular verb's past tense and past participle are one form:
         * when the counts saw "celebrated" only as VBD, it is still a
         * VBN ("has celebrated"), and the other way round. */
        for (uint32_t e = 0; e < b.n; e++) {
            const char *k = b.keys + b.koff[e];
            size_t kl = b.klen[e];
            float *c = b.counts + (size_t)e * NT;
            if (kl < 4 || memcmp(k + kl - 2, "ed", 2) != 0) continue;
            if (c[DYAD__T_VBD] > 0 && c[DYAD__T_VBN] == 0) c[DYAD__T_VBN] = 0.5f + 0.25f * c[DYAD__T_VBD];
            else if (c[DYAD__T_VBN] > 0 && c[DYAD__T_VBD] == 0) c[DYAD__T_VBD] = 0.5f + 0.25f * c[DYAD__T_VBN];
            /* the split between the two says more about the sentences the
             * counts came from than about the word: shrink it towards the
             * overall split, so context decides */
            float pool = c[DYAD__T_VBD] + c[DYAD__T_VBN];
            if (pool > 0 && wc.tagtotal[DYAD__T_VBD] + wc.tagtotal[DYAD__T_VBN] > 0) {
                float r = (float)(wc.tagtotal[DYAD__T_VBD] /
                                  (wc.tagtotal[DYAD__T_VBD] + wc.tagtotal[DYAD__T_VBN]));
                c[DYAD__T_VBD] += VBX_SHRINK * r;
                c[DYAD__T_VBN] += VBX_SHRINK * (1 - r);
            }
            S_builder_add(&b, e, DYAD__T_VBN, 0);   /* the seen bits of the two */
            S_builder_add(&b, e, DYAD__T_VBD, 0);
        }
        double all = 0;
        for (int t = 0; t < NT; t++) all += wc.tagtotal[t];
        for (int t = 0; t < NT; t++)
            tg->logprior[t] = (float)log((wc.tagtotal[t] + 0.5) / (all + 0.5 * NT));
        if (S_rare_stats(tg, &b, &suf) != 0 || S_builder_freeze(&b, &tg->words, WORD_MIN_SHARE, tg->logprior) != 0 ||
            S_builder_freeze(&suf, &tg->suffix, 0.0, tg->logprior) != 0)
            st = dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    }
    S_builder_free(&b);
    S_builder_free(&suf);
    if (st != DYAD_OK) return st;
    uint32_t e = S_find(&tg->words, "*NUM*", 5);
    tg->num = e == UINT32_MAX ? 0 : e + 1;
    e = S_find(&tg->words, "*ORD*", 5);
    tg->ord = e == UINT32_MAX ? 0 : e + 1;
    return DYAD_OK;
}

/* ------------------------------------------------- the compiled model */

/* Building the model from the YAML costs about 87 M instructions, most of
 * a short run.  The build does it once (tools/tagger_compile.c) and
 * writes the frozen model to build/tagger/model.bin, installed to
 * PREFIX/share/dyad/tagger/ (dyad_data_dir("tagger")); a process then
 * reads that file whole and points its tables into it.  The file holds
 * the length and content hash of the two Lingua files it was built
 * from: when the files read at run time differ (another
 * DYAD_TAGGER_DIR, an upgraded package) it is stale and the YAML is read
 * as before, silently.  A damaged file (short, wrong checksum, an offset
 * out of range) is refused with one message naming it and the byte, and
 * the YAML is read; nothing in it is trusted before it is checked, so no
 * file can make a lookup leave its table.
 *
 * Layout, every number little-endian and of fixed width, sections
 * 8-aligned:
 *   0  "dyadtag\n"; u32 version, NT, SH_COUNT, MAXKEY
 *   24 u64 hash of the building parameters (RARE, MAXSUF, ...)
 *   32 u64 length, hash of tags.yml; length, hash of words.yml
 *   64 u64 file length; 72 u64 hash of bytes 128..end; 80 u32 num, ord
 *   128 f32 trans[NT][NT], logprior[NT], shape[SH_COUNT][NT],
 *       theta[SH_COUNT]
 *   then the word table and the suffix table, each: u32 n, mask; u64
 *   distributions, key bytes; u64 slots[mask + 1]; entries[n + 1] of
 *   16 bytes (u32 koff, doff, total; u8 klen; 3 zero); distributions of
 *   12 bytes (u8 tag; 3 zero; f32 p, e); the key bytes.
 * The entries and distributions are the in-memory structs (asserted
 * below), so on a little-endian machine the file is used as it lies; a
 * big-endian machine reads the YAML.  The slots hold S_hash, which is
 * the same on every little-endian machine.  Bump CM_VERSION when the
 * way the model is built changes. */
#define CM_MAGIC "dyadtag\n"
#define CM_VERSION 1u
#define CM_HEAD 128u

_Static_assert(sizeof(float) == 4, "f32");
_Static_assert(sizeof(tprob) == 12 && offsetof(tprob, p) == 4 && offsetof(tprob, e) == 8,
               "tprob is the file's 12-byte distribution record");
_Static_assert(sizeof(tentry) == 16 && offsetof(tentry, doff) == 4 &&
               offsetof(tentry, total) == 8 && offsetof(tentry, klen) == 12,
               "tentry is the file's 16-byte entry record");

static uint64_t S_params(void)
{
    char p[160];
    int n = snprintf(p, sizeof p, "%d %d %d %.9g %.9g %.9g", RARE, MAXSUF, MAXKEY, TRANS_FLOOR,
                     (double)VBX_SHRINK, WORD_MIN_SHARE);
    return dyad__hash64(0, p, (size_t)n);
}

static int S_little_endian(void)
{
    uint32_t x = 1;
    unsigned char c;
    memcpy(&c, &x, 1);
    return c == 1;
}

static float S_getf(const unsigned char *p)
{
    uint32_t u = dyad__get_le32(p);
    float f;
    memcpy(&f, &u, 4);
    return f;
}

/* A growing output buffer; oom set once any append failed. */
typedef struct wbuf { unsigned char *p; size_t len, cap; int oom; } wbuf;

static unsigned char *S_room(wbuf *w, size_t n)
{
    if (w->oom) return NULL;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 1 << 20;
        while (cap < w->len + n) cap *= 2;
        unsigned char *p = realloc(w->p, cap);
        if (!p) { w->oom = 1; return NULL; }
        w->p = p;
        w->cap = cap;
    }
    unsigned char *r = w->p + w->len;
    memset(r, 0, n);
    w->len += n;
    return r;
}
static void S_put32(wbuf *w, uint32_t v) { unsigned char *p = S_room(w, 4); if (p) dyad__put_le32(p, v); }
static void S_put64(wbuf *w, uint64_t v) { unsigned char *p = S_room(w, 8); if (p) dyad__put_le64(p, v); }
static void S_putf(wbuf *w, float f) { uint32_t u; memcpy(&u, &f, 4); S_put32(w, u); }
static void S_pad8(wbuf *w) { S_room(w, (8 - w->len % 8) % 8); }

static void S_put_table(wbuf *w, const table *tb)
{
    uint32_t nd = tb->ents ? tb->ents[tb->n].doff : 0;
    S_put32(w, tb->n);
    S_put32(w, tb->mask);
    S_put64(w, nd);
    S_put64(w, tb->nkeys);
    for (uint64_t h = 0; tb->slots && h <= tb->mask; h++) S_put64(w, tb->slots[h]);
    for (uint32_t e = 0; tb->ents && e <= tb->n; e++) {
        S_put32(w, tb->ents[e].koff);
        S_put32(w, tb->ents[e].doff);
        S_put32(w, tb->ents[e].total);
        unsigned char *p = S_room(w, 4);
        if (p) p[0] = tb->ents[e].klen;
    }
    for (uint32_t d = 0; d < nd; d++) {
        unsigned char *p = S_room(w, 4);
        if (p) p[0] = tb->dist[d].tag;
        S_putf(w, tb->dist[d].p);
        S_putf(w, tb->dist[d].e);
    }
    S_pad8(w);
    unsigned char *p = S_room(w, tb->nkeys);
    if (p && tb->nkeys) memcpy(p, tb->keys, tb->nkeys);
    S_pad8(w);
}

void dyad__tagger_model_seal(void *buf, size_t len)
{
    unsigned char *p = buf;
    if (len < CM_HEAD) return;
    dyad__put_le64(p + 64, len);
    dyad__put_le64(p + 72, dyad__hash64(0, p + CM_HEAD, len - CM_HEAD));
}

/* The model as the file's bytes (malloc'd), or NULL on ENOMEM. */
static unsigned char *S_serialize(const struct dyad_tagger *tg, size_t *len)
{
    wbuf w = {0};
    unsigned char *p = S_room(&w, CM_HEAD);
    if (p) {
        memcpy(p, CM_MAGIC, 8);
        dyad__put_le32(p + 8, CM_VERSION);
        dyad__put_le32(p + 12, NT);
        dyad__put_le32(p + 16, SH_COUNT);
        dyad__put_le32(p + 20, MAXKEY);
        dyad__put_le64(p + 24, S_params());
        for (int i = 0; i < 4; i++) dyad__put_le64(p + 32 + 8 * i, tg->src[i]);
        dyad__put_le32(p + 80, tg->num);
        dyad__put_le32(p + 84, tg->ord);
    }
    for (int a = 0; a < NT; a++)
        for (int b = 0; b < NT; b++) S_putf(&w, tg->trans[a][b]);
    for (int t = 0; t < NT; t++) S_putf(&w, tg->logprior[t]);
    for (int sh = 0; sh < SH_COUNT; sh++)
        for (int t = 0; t < NT; t++) S_putf(&w, tg->shape[sh][t]);
    for (int sh = 0; sh < SH_COUNT; sh++) S_putf(&w, tg->theta[sh]);
    S_pad8(&w);
    S_put_table(&w, &tg->words);
    S_put_table(&w, &tg->suffix);
    if (w.oom) { free(w.p); return NULL; }
    dyad__tagger_model_seal(w.p, w.len);
    *len = w.len;
    return w.p;
}

dyad_status dyad__tagger_save(const struct dyad_tagger *tg, const char *path, dyad__err *err)
{
    size_t len;
    unsigned char *buf = S_serialize(tg, &len);
    if (!buf) return dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    dyad_status st = dyad__write_file(path, buf, len, err);
    free(buf);
    return st;
}

/* A bounds-checked cursor over a compiled model. */
typedef struct rcur { unsigned char *p; size_t len, at; } rcur;

static unsigned char *S_take(rcur *c, uint64_t n)
{
    if (n > c->len - c->at) return NULL;
    unsigned char *r = c->p + c->at;
    c->at += (size_t)n;
    return r;
}
static void S_align8(rcur *c)
{
    size_t pad = (8 - c->at % 8) % 8;
    c->at = pad > c->len - c->at ? c->len : c->at + pad;
}

/* Points tb into the table at c; NULL when it is whole and sound, else
 * what is wrong (c->at then near the place). */
static const char *S_get_table(rcur *c, table *tb)
{
    const unsigned char *h = S_take(c, 24);
    if (!h) return "truncated table header";
    uint32_t n = dyad__get_le32(h), mask = dyad__get_le32(h + 4);
    uint64_t nd = dyad__get_le64(h + 8), nk = dyad__get_le64(h + 16);
    if (mask >= (1u << 30) || (mask & (mask + 1)) != 0) return "table size is not a power of two";
    if (n > mask) return "table has no empty slot";
    if (nd > c->len || nk > c->len || nk > UINT32_MAX) return "table sizes beyond the file";
    unsigned char *slots = S_take(c, ((uint64_t)mask + 1) * 8);
    unsigned char *ents = slots ? S_take(c, ((uint64_t)n + 1) * sizeof(tentry)) : NULL;
    unsigned char *dist = ents ? S_take(c, nd * sizeof(tprob)) : NULL;
    if (dist) S_align8(c);
    unsigned char *keys = dist ? S_take(c, nk) : NULL;
    if (!keys) return "table beyond the end of the file";
    S_align8(c);
    tb->n = n;
    tb->mask = mask;
    tb->slots = (uint64_t *)(void *)slots;
    tb->ents = (tentry *)(void *)ents;
    tb->dist = (tprob *)(void *)dist;
    tb->keys = (char *)keys;
    tb->nkeys = (uint32_t)nk;
    uint32_t used = 0;
    for (uint32_t i = 0; i <= mask; i++) {
        uint64_t v = tb->slots[i];
        if (v == 0) continue;
        uint32_t e = (uint32_t)v;
        if (e == 0 || e > n) return "a slot names no entry";
        used++;
    }
    if (used != n) return "slot count differs from entry count";
    if (tb->ents[0].doff != 0 || tb->ents[n].doff != nd) return "distribution offsets do not span";
    for (uint32_t e = 0; e < n; e++) {
        const tentry *te = &tb->ents[e];
        if (te->klen > MAXKEY || (uint64_t)te->koff + te->klen > nk) return "a key beyond the keys";
        if (te->doff > tb->ents[e + 1].doff) return "distribution offsets out of order";
    }
    for (uint64_t d = 0; d < nd; d++)
        if (tb->dist[d].tag >= NT) return "a tag out of range";
    return NULL;
}

/* Reads the compiled model at path into tg when it was built from the
 * Lingua files tg->src describes.  Returns 0 when tg now uses it, 1 when
 * it is absent or stale (or the machine big-endian), -1 when it is
 * malformed (note says so). */
static int S_load_compiled(struct dyad_tagger *tg, const char *path, dyad__err *note)
{
    if (!S_little_endian()) return 1;
    unsigned char *buf = NULL;
    size_t len = 0;
    const char *why = NULL, *what = NULL;
    /* one read; the tables point into it */
    int got = dyad__read_file(path, (size_t)1 << 30, &buf, &len, &why);
    if (got == 1) return 1;
    if (got < 0) what = why;
    rcur c = {buf, len, 0};
    int rc = -1;
    if (what) goto done;
    what = "shorter than its header";
    if (len < CM_HEAD) goto done;
    what = "not a compiled tagger model";
    if (memcmp(buf, CM_MAGIC, 8) != 0) goto done;
    what = NULL;
    rc = 1;   /* from here on a difference is a file of another build */
    if (dyad__get_le32(buf + 8) != CM_VERSION || dyad__get_le32(buf + 12) != NT || dyad__get_le32(buf + 16) != SH_COUNT ||
        dyad__get_le32(buf + 20) != MAXKEY || dyad__get_le64(buf + 24) != S_params())
        goto done;
    for (int i = 0; i < 4; i++)
        if (dyad__get_le64(buf + 32 + 8 * i) != tg->src[i]) goto done;
    rc = -1;
    c.at = 64;
    what = "its length field differs from the file's length (truncated?)";
    if (dyad__get_le64(buf + 64) != len) goto done;
    c.at = 72;
    what = "checksum mismatch (the file is damaged)";
    if (dyad__get_le64(buf + 72) != dyad__hash64(0, buf + CM_HEAD, len - CM_HEAD)) goto done;
    c.at = CM_HEAD;
    what = "truncated model";
    const unsigned char *f = S_take(&c, (uint64_t)(NT * NT + NT + SH_COUNT * NT + SH_COUNT) * 4);
    if (!f) goto done;
    for (int a = 0; a < NT; a++)
        for (int b = 0; b < NT; b++, f += 4) tg->trans[a][b] = S_getf(f);
    for (int t = 0; t < NT; t++, f += 4) tg->logprior[t] = S_getf(f);
    for (int sh = 0; sh < SH_COUNT; sh++)
        for (int t = 0; t < NT; t++, f += 4) tg->shape[sh][t] = S_getf(f);
    for (int sh = 0; sh < SH_COUNT; sh++, f += 4) tg->theta[sh] = S_getf(f);
    S_align8(&c);
    table words = {0}, suffix = {0};
    what = S_get_table(&c, &words);
    if (!what) what = S_get_table(&c, &suffix);
    if (!what && c.at != len) what = "bytes after the last table";
    if (what) goto done;
    uint32_t num = dyad__get_le32(buf + 80), ord = dyad__get_le32(buf + 84);
    what = "a word entry out of range";
    c.at = 80;
    if (num > words.n || ord > words.n) goto done;
    what = NULL;
    tg->words = words;
    tg->suffix = suffix;
    tg->num = num;
    tg->ord = ord;
    tg->blob = buf;
    buf = NULL;
    rc = 0;
done:
    if (rc < 0)
        dyad__err_set(note, DYAD_EDICT, "%s: byte %zu: %s; the tagger model is built from the "
                      "Lingua files instead", path, c.at, what);
    free(buf);
    return rc;
}

dyad_status dyad__tagger_load_from(struct dyad_tagger **out, const char *dir, const char *compiled,
                                   dyad__err *note, dyad__err *err)
{
    *out = NULL;
    dyad__err_clear(note);
    if (!dir || !*dir) dir = getenv("DYAD_TAGGER_DIR");
    if (!dir || !*dir) dir = DYAD__TAGGER_DIR;
    yfile tf, wf;
    DYAD_TRY(S_read_file(&tf, dir, "tags.yml", err));
    dyad_status st = S_read_file(&wf, dir, "words.yml", err);
    if (st != DYAD_OK) { S_yfile_free(&tf); return st; }
    struct dyad_tagger *tg = calloc(1, sizeof *tg);
    if (!tg) st = dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    else {
        tg->src[0] = tf.len;
        tg->src[1] = dyad__hash64(0, tf.data, tf.len);
        tg->src[2] = wf.len;
        tg->src[3] = dyad__hash64(0, wf.data, wf.len);
        if (!compiled || S_load_compiled(tg, compiled, note) != 0) {
            /* what a refused file may have filled is built again */
            uint64_t src[4];
            memcpy(src, tg->src, sizeof src);
            memset(tg, 0, sizeof *tg);
            memcpy(tg->src, src, sizeof src);
            st = S_load_yaml(tg, &tf, &wf, err);
        }
    }
    S_yfile_free(&tf);
    S_yfile_free(&wf);
    if (st != DYAD_OK) {
        dyad__tagger_destroy(tg);
        return st;
    }
    *out = tg;
    return DYAD_OK;
}

dyad_status dyad__tagger_load(struct dyad_tagger **out, const char *dir, dyad__err *err)
{
    const char *data = dyad_data_dir("tagger");
    size_t n = strlen(data) + sizeof "/model.bin";
    char *path = malloc(n);
    if (!path) return dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    snprintf(path, n, "%s/model.bin", data);
    dyad__err note;
    dyad_status st = dyad__tagger_load_from(out, dir, path, &note, err);
    dyad__log(note.msg);
    free(path);
    return st;
}

dyad_status dyad__tagger_compile(const char *dir, const char *path, dyad__err *err)
{
    struct dyad_tagger *tg;
    dyad__err note;
    DYAD_TRY(dyad__tagger_load_from(&tg, dir, NULL, &note, err));
    dyad_status st = dyad__tagger_save(tg, path, err);
    dyad__tagger_destroy(tg);
    return st;
}

int dyad__tagger_is_compiled(const struct dyad_tagger *tg) { return tg && tg->blob != NULL; }

void dyad__tagger_destroy(struct dyad_tagger *tg)
{
    if (!tg) return;
    if (tg->blob) free(tg->blob);
    else {
        S_table_free(&tg->words);
        S_table_free(&tg->suffix);
    }
    free(tg);
}

/* ------------------------------------------------------ the public handle */

dyad_status dyad_tagger_new(dyad_tagger **out, const char *dir)
{
    if (!out) return DYAD_EINVAL;
    dyad__err err;
    dyad__err_clear(&err);
    dyad_status st = dyad__tagger_load(out, dir, &err);
    if (st == DYAD_OK) return DYAD_OK;
    /* a handle that only carries the message */
    *out = calloc(1, sizeof **out);
    if (*out) (*out)->err = err;
    return st;
}

void dyad_tagger_free(dyad_tagger *tg) { dyad__tagger_destroy(tg); }

const char *dyad_tagger_errmsg(const dyad_tagger *tg)
{
    if (!tg) return "out of memory";
    return tg->err.msg;
}

/* ------------------------------------------------------------- tagging */

typedef struct cand {
    uint8_t tag;
    uint8_t back;       /* best previous candidate */
    float e;            /* emission score */
    float score;        /* Viterbi score */
} cand;

static void S_cand_from_entry(const struct dyad_tagger *tg, uint32_t e, cand *c, int *nc)
{
    const tprob *d = tg->words.dist + tg->words.ents[e].doff;
    const tprob *de = tg->words.dist + tg->words.ents[e + 1].doff;
    for (; d < de && *nc < MAXCAND; d++) {
        c[*nc].tag = d->tag;
        c[*nc].e = d->e;
        (*nc)++;
    }
}

/* Open word classes: the only tags an unknown word may get.  (Dividing by
 * the prior would otherwise let a rare closed-class tag such as FW or LS,
 * seen once on some rare word, win for every word with that suffix.) */
static int S_open_class(int t)
{
    switch (t) {
    case DYAD__T_NN: case DYAD__T_NNS: case DYAD__T_NNP: case DYAD__T_NNPS:
    case DYAD__T_JJ: case DYAD__T_JJR: case DYAD__T_JJS: case DYAD__T_RB:
    case DYAD__T_VB: case DYAD__T_VBD: case DYAD__T_VBG: case DYAD__T_VBN:
    case DYAD__T_VBP: case DYAD__T_VBZ: case DYAD__T_CD: case DYAD__T_SYM:
        return 1;
    default:
        return 0;
    }
}

/* Candidates from a dense distribution p (P(tag | word)); open: only open
 * word classes. */
static void S_cand_from_dense(const struct dyad_tagger *tg, const float *p, int open, cand *c, int *nc)
{
    float best = 0;
    for (int t = 0; t < NT; t++) if (p[t] > best && (!open || S_open_class(t))) best = p[t];
    /* strongest first, so the cap drops the weakest */
    int order[NT], k = 0;
    for (int t = 0; t < NT; t++)
        if (p[t] > 0 && p[t] >= 0.01f * best && (!open || S_open_class(t))) order[k++] = t;
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && p[order[j]] > p[order[j - 1]]; j--) {
            int x = order[j]; order[j] = order[j - 1]; order[j - 1] = x;
        }
    for (int i = 0; i < k && *nc < MAXCAND; i++) {
        c[*nc].tag = (uint8_t)order[i];
        c[*nc].e = logf(p[order[i]]) - tg->logprior[order[i]];
        (*nc)++;
    }
}

/* Adds the distribution of entry e of the word table into p with weight w. */
static void S_add_entry(const struct dyad_tagger *tg, uint32_t e, float w, float *p)
{
    const tprob *d = tg->words.dist + tg->words.ents[e].doff;
    const tprob *de = tg->words.dist + tg->words.ents[e + 1].doff;
    for (; d < de; d++) p[d->tag] += w * d->p;
}

/* P(tag | unknown word) from its shape and suffix. */
static void S_unknown(const struct dyad_tagger *tg, const char *s, size_t n, int sh, float *p)
{
    memcpy(p, tg->shape[sh], NT * sizeof *p);
    if ((sh == SH_LOWER || sh == SH_CAP) && n <= MAXKEY) {
        char key[MAXKEY + 2];
        key[0] = sh == SH_LOWER ? 'l' : 'c';
        float th = tg->theta[sh];
        for (size_t k = 1; k <= MAXSUF && k < n; k++) {
            S_lower_copy(s + n - k, k, key + 1);
            uint32_t e = S_find(&tg->suffix, key, k + 1);
            if (e == UINT32_MAX) break;
            float q[NT] = {0};
            const tprob *d = tg->suffix.dist + tg->suffix.ents[e].doff;
            const tprob *de = tg->suffix.dist + tg->suffix.ents[e + 1].doff;
            for (; d < de; d++) q[d->tag] = d->p;
            for (int t = 0; t < NT; t++) p[t] = (q[t] + th * p[t]) / (1 + th);
        }
    }
    /* A capitalised word ending in s is a plural name ("Kurds") when the
     * lexicon knows its singular as a name or adjective; else it is a
     * name that happens to end in s ("Hamas", "Athens"). */
    p[DYAD__T_NNP] += p[DYAD__T_NNPS];
    p[DYAD__T_NNPS] = 0;
    if ((sh == SH_CAP || sh == SH_HYPHEN_CAP) && n >= 4 && s[n - 1] == 's' && s[n - 2] != 's') {
        uint32_t e = S_find(&tg->words, s, n - 1);
        if (e != UINT32_MAX) {
            const tprob *d = tg->words.dist + tg->words.ents[e].doff;
            const tprob *de = tg->words.dist + tg->words.ents[e + 1].doff;
            for (; d < de; d++)
                if (d->tag == DYAD__T_NNP || d->tag == DYAD__T_JJ || d->tag == DYAD__T_NN) {
                    p[DYAD__T_NNPS] = p[DYAD__T_NNP] * 0.8f;
                    p[DYAD__T_NNP] *= 0.2f;
                    break;
                }
        }
    }
}

/* Is the word at i sentence-initial in effect (start, or after an opening
 * quote, bracket or colon)? */
static int S_initial(const dyad__word *w, uint32_t i)
{
    if (i == 0) return 1;
    const dyad__word *p = &w[i - 1];
    if (p->len == 1 && (p->s[0] == '"' || p->s[0] == '(' || p->s[0] == '[' || p->s[0] == ':' ||
                        p->s[0] == '`'))
        return 1;
    if (p->len == 2 && (!memcmp(p->s, "``", 2) || !memcmp(p->s, "--", 2))) return 1;
    if (i >= 2 && p->len == 1 && p->s[0] == '\'' && w[i - 2].len == 1 && w[i - 2].s[0] == '"') return 1;
    return 0;
}

/* Fixed tags for punctuation whose tag depends only on itself or on
 * quote order; NT when the lexicon decides. */
static int S_fixed_tag(const dyad__word *w, uint32_t i, uint32_t n, int *quotes)
{
    const char *s = w[i].s;
    size_t len = w[i].len;
    if (len == 2 && !memcmp(s, "``", 2)) { (*quotes)++; return DYAD__T_LQUOTE; }
    if (len == 2 && !memcmp(s, "''", 2)) { (*quotes)++; return DYAD__T_RQUOTE; }
    if (len == 1 && s[0] == '`') return DYAD__T_LQUOTE;
    if (len == 1 && s[0] == '"') {
        /* closing before punctuation or at the end; opening at the start
         * or after an opener; else alternate */
        int open;
        const dyad__word *nx = i + 1 < n ? &w[i + 1] : NULL;
        const dyad__word *pv = i > 0 ? &w[i - 1] : NULL;
        if (!nx || (nx->len == 1 && strchr(".,;:?!)]", nx->s[0])) ||
            (nx->len == 2 && !memcmp(nx->s, "--", 2)) || (nx->len == 3 && !memcmp(nx->s, "...", 3)))
            open = 0;
        else if (!pv || (pv->len == 1 && strchr("([:", pv->s[0])) || (pv->len == 2 && !memcmp(pv->s, "--", 2)))
            open = 1;
        else
            open = (*quotes % 2) == 0;
        (*quotes)++;
        return open ? DYAD__T_LQUOTE : DYAD__T_RQUOTE;
    }
    return NT;
}

/* Is w the lower-case literal lit of n bytes (ignoring ASCII case)?  n is
 * the literal's sizeof, known at compile time: most words fail on their
 * length alone. */
static inline int S_word_is_n(const dyad__word *w, const char *lit, size_t n)
{
    if (w->len != n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w->s[i];
        if ((S_upper(c) ? c + 32 : c) != (unsigned char)lit[i]) return 0;
    }
    return 1;
}
#define S_word_is(w, lit) S_word_is_n((w), "" lit "", sizeof(lit) - 1)

/* Is w one of the lower-case words of the NULL-terminated list?  A
 * literal's end is its NUL: no strlen. */
static int S_word_in(const dyad__word *w, const char *const *list)
{
    if (w->len == 0) return 0;
    unsigned char c0 = (unsigned char)w->s[0];
    if (S_upper(c0)) c0 = (unsigned char)(c0 + 32);
    for (; *list; list++) {
        const char *s = *list;
        if (!s[0] || (unsigned char)s[0] != c0) continue;
        size_t i = 1;
        for (; i < w->len; i++) {
            unsigned char c = (unsigned char)w->s[i];
            if (S_upper(c)) c = (unsigned char)(c + 32);
            if (!s[i] || c != (unsigned char)s[i]) break;
        }
        if (i == w->len && !s[i]) return 1;
    }
    return 0;
}

/* Auxiliaries whose lexical identity decides the next verb's form, which
 * a tag bigram cannot see (VBZ is both "is" and "has"). */
enum { AUX_NONE, AUX_HAVE, AUX_BE, AUX_MODAL, AUX_DO };

static int S_aux_kind(const dyad__word *w)
{
    static const char *const have[] = {"has", "have", "had", "having", "'ve", NULL};
    static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", "am",
                                     "'re", "'m", NULL};
    static const char *const modal[] = {"will", "would", "can", "could", "may", "might", "shall",
                                        "should", "must", "'ll", "wo", "ca", NULL};
    /* every word of these lists has 2 to 6 bytes and one of these first
     * letters: the other words are known at once */
    if (w->len < 2 || w->len > 6 || !memchr("abcdhimsw'", (unsigned char)w->s[0] | 0x20, 10))
        return AUX_NONE;
    if (S_word_in(w, have)) return AUX_HAVE;
    if (S_word_in(w, be)) return AUX_BE;
    static const char *const dosupport[] = {"did", "does", "do", NULL};
    if (S_word_in(w, modal)) return AUX_MODAL;
    if (S_word_in(w, dosupport)) return AUX_DO;
    return AUX_NONE;
}

/* Is w an adverb that may stand between an auxiliary and its verb ("has
 * not", "was also", "will never")?  Decided by the lexicon: its most
 * frequent tag is RB. */
static int S_adverb(const struct dyad_tagger *tg, const dyad__word *w)
{
    if (S_word_is(w, "n't")) return 1;
    uint32_t e = S_find(&tg->words, w->s, w->len);
    if (e == UINT32_MAX) return 0;
    const tprob *d = tg->words.dist + tg->words.ents[e].doff;
    const tprob *de = tg->words.dist + tg->words.ents[e + 1].doff;
    const tprob *best = d;
    for (; d < de; d++) if (d->p > best->p) best = d;
    return best->tag == DYAD__T_RB;
}

static void S_drop(cand *c, int *nc, int tag)
{
    for (int k = 0; k < *nc; k++)
        if (c[k].tag == tag) {
            c[k] = c[--*nc];
            return;
        }
}

static int S_has(const cand *c, int nc, int tag)
{
    for (int k = 0; k < nc; k++) if (c[k].tag == tag) return 1;
    return 0;
}

/* Grammatical constraints a tag bigram cannot express because they hang
 * on particular words: after a form of "have" a verb is a past
 * participle, not a past tense or an adjective; after a form of "be" not
 * a past tense; after a modal, or "did not", a base form; and "about to" is IN (Penn
 * convention).  Only ever removes candidates that have an alternative. */
typedef struct wslot wslot;
static int S_adverb_at(const struct dyad_tagger *tg, const dyad__word *w, uint32_t j,
                       wslot *const *sls);
static int S_aux_kind_at(const dyad__word *w, uint32_t j, wslot *const *sls);

static void S_constrain(const struct dyad_tagger *tg, const dyad__word *w, uint32_t i, uint32_t n,
                        const uint8_t *tags, cand *c, int *nc, wslot *const *sls)
{
    (void)tags;
    if (*nc > 1 && i + 1 < n && S_word_is(&w[i], "about") && S_word_is(&w[i + 1], "to") &&
        S_has(c, *nc, DYAD__T_IN)) {
        for (int k = 0; k < *nc; k++) if (c[k].tag == DYAD__T_IN) { c[0] = c[k]; break; }
        *nc = 1;
        return;
    }
    if (*nc < 2 || i == 0) return;
    if (!S_has(c, *nc, DYAD__T_VBN) && !S_has(c, *nc, DYAD__T_VB)) return;
    if (i >= 2 && S_word_is(&w[i - 1], "to") && S_word_is(&w[i - 2], "according")) {
        /* a preposition, not the infinitive marker */
        S_drop(c, nc, DYAD__T_VB);
        S_drop(c, nc, DYAD__T_VBP);
        return;
    }
    uint32_t j = i;
    int skipped = 0;
    while (j > 0 && skipped < 3 && S_adverb_at(tg, w, j - 1, sls)) { j--; skipped++; }
    if (j == 0) return;
    int aux = S_aux_kind_at(w, j - 1, sls);
    if (aux == AUX_HAVE && S_has(c, *nc, DYAD__T_VBN)) {
        S_drop(c, nc, DYAD__T_VBD);
        S_drop(c, nc, DYAD__T_JJ);
    } else if (aux == AUX_BE && S_has(c, *nc, DYAD__T_VBN)) {
        S_drop(c, nc, DYAD__T_VBD);
    } else if ((aux == AUX_MODAL || (aux == AUX_DO && skipped)) && S_has(c, *nc, DYAD__T_VB)) {
        /* after "did" only with an adverb between ("did not say"):
         * "did the work" is a main verb */
        S_drop(c, nc, DYAD__T_VBP);
        S_drop(c, nc, DYAD__T_VBD);
        S_drop(c, nc, DYAD__T_NN);
    }
}

/* An -ing word the bigrams made a noun but which is a participle by its
 * place: right after a subordinator ("after meeting with Biden", "while
 * visiting Kyiv"), or after a name when the word is mostly a verb and a
 * preposition follows ("with Sullivan speaking by phone with ...": the
 * NNP-NN bigram of compounds such as "Council meeting" outweighs the
 * word's own preference).  Only words the lexicon allows as VBG. */
static void S_gerunds(const struct dyad_tagger *tg, const dyad__word *w, uint32_t n, uint8_t *tags,
                      const cand *cands, const uint8_t *ncand)
{
    static const char *const subord[] = {"after", "before", "while", "since", "without", "upon",
                                         "when", NULL};
    for (uint32_t i = 1; i + 1 < n; i++) {
        if (tags[i] != DYAD__T_NN || w[i].len < 5 || memcmp(w[i].s + w[i].len - 3, "ing", 3) != 0)
            continue;
        const cand *c = cands + (size_t)i * MAXCAND;
        float pv = -INFINITY, pn = -INFINITY;
        for (int k = 0; k < ncand[i]; k++) {
            if (c[k].tag == DYAD__T_VBG) pv = c[k].e + tg->logprior[DYAD__T_VBG];
            if (c[k].tag == DYAD__T_NN) pn = c[k].e + tg->logprior[DYAD__T_NN];
        }
        if (pv == -INFINITY || S_word_is(&w[i + 1], "of")) continue;   /* "the meeting of" */
        int next = tags[i + 1];
        int after_sub = S_word_in(&w[i - 1], subord) && next != DYAD__T_PERIOD &&
                        next != DYAD__T_COMMA;
        int after_name = (tags[i - 1] == DYAD__T_NNP || tags[i - 1] == DYAD__T_NNPS) && pv > pn &&
                         (next == DYAD__T_IN || next == DYAD__T_TO || next == DYAD__T_RB);
        if (after_sub || after_name) tags[i] = DYAD__T_VBG;
    }
}

/* Can the -ed word w be a verb's past: the lexicon lists it as a past
 * tense or participle, or its stem ("tortur-ed" -> "torture", "attack-ed",
 * "stopp-ed" -> "stop") as a verb or a noun ("massacre")? */
static int S_past_form(const struct dyad_tagger *tg, const dyad__word *w, const cand *c, int nc)
{
    for (int k = 0; k < nc; k++)
        if (c[k].tag == DYAD__T_VBD || c[k].tag == DYAD__T_VBN) return 1;
    char low[MAXKEY + 1];
    if (w->len < 4 || w->len > MAXKEY) return 0;
    S_lower_copy(w->s, w->len, low);
    size_t cut[3] = {1, 2, 3};
    for (int k = 0; k < 3; k++) {
        size_t n = w->len - cut[k];
        if (cut[k] == 3 && low[n] != low[n - 1]) continue;   /* only a doubled consonant */
        uint32_t e = S_find(&tg->words, low, n);
        if (e == UINT32_MAX) continue;
        cand sc[MAXCAND];
        int ns = 0;
        S_cand_from_entry(tg, e, sc, &ns);
        for (int q = 0; q < ns; q++)
            if (sc[q].tag == DYAD__T_VB || sc[q].tag == DYAD__T_VBP || sc[q].tag == DYAD__T_NN)
                return 1;
    }
    return 0;
}

/* A sentence the tagger gave no finite verb ("Police in Lima tortured
 * detainees": NNS IN NNP JJ NNS) has one: the first -ed word after a
 * noun, tagged as an adjective, that can be a verb's past
 * (S_past_form), before a word that can begin its object, is that verb.
 * (Not a participle before a preposition: "two soldiers killed in an
 * attack" is a headline's passive.) */
static void S_finite(const struct dyad_tagger *tg, const dyad__word *w, uint32_t n, uint8_t *tags,
                     const cand *cands, const uint8_t *ncand)
{
    for (uint32_t i = 0; i < n; i++) {
        int t = tags[i];
        if (t == DYAD__T_VBD || t == DYAD__T_VBZ || t == DYAD__T_VBP || t == DYAD__T_MD) return;
    }
    for (uint32_t i = 1; i + 1 < n; i++) {
        if (tags[i] != DYAD__T_JJ || w[i].len < 4 || memcmp(w[i].s + w[i].len - 2, "ed", 2)) continue;
        int prev = tags[i - 1], next = tags[i + 1];
        if (prev != DYAD__T_NN && prev != DYAD__T_NNS && prev != DYAD__T_NNP && prev != DYAD__T_NNPS)
            continue;
        if (next != DYAD__T_DT && next != DYAD__T_NN && next != DYAD__T_NNS && next != DYAD__T_NNP &&
            next != DYAD__T_NNPS && next != DYAD__T_CD && next != DYAD__T_PRPS && next != DYAD__T_JJ)
            continue;
        if (!S_past_form(tg, &w[i], cands + (size_t)i * MAXCAND, ncand[i])) continue;
        tags[i] = DYAD__T_VBD;
        return;
    }
}

/* The candidates of a word from the lexicon and its shape: s[0..len) as
 * looked up (brackets already mapped), e its entry (UINT32_MAX: none),
 * init whether it is capitalised at a sentence start in effect.  A
 * function of these alone, so a word cache may keep its answer. */
static void S_emission(const struct dyad_tagger *tg, const char *s, size_t len, uint32_t e,
                       int init, cand *c, int *nc)
{
    char low[MAXKEY + 1] = {0};
    if (e != UINT32_MAX && !init) {
        S_cand_from_entry(tg, e, c, nc);
    } else if (S_is_number(s, len) && tg->num) {
        S_cand_from_entry(tg, tg->num - 1, c, nc);
    } else if (S_is_ordinal(s, len) && tg->ord) {
        S_cand_from_entry(tg, tg->ord - 1, c, nc);
    } else {
        float p[NT] = {0};
        uint32_t le = UINT32_MAX;
        int up = S_upper_at(s, len), title = 0;
        if (up && len <= MAXKEY) {
            S_lower_copy(s, len, low);
            le = S_find(&tg->words, low, len);
            if (le == UINT32_MAX && len > 1) {
                /* an all-capitals word written in title case
                 * elsewhere ("TASS", "Tass") */
                low[0] = s[0];
                le = S_find(&tg->words, low, len);
                title = le != UINT32_MAX;
            }
        }
        if (e != UINT32_MAX) {
            /* capitalised at the start: the word as written, plus its
             * lower-case use in proportion to how often each is seen */
            float te = (float)tg->words.ents[e].total;
            float tl = le != UINT32_MAX ? (float)tg->words.ents[le].total : 0;
            S_add_entry(tg, e, te / (te + tl), p);
            if (le != UINT32_MAX) S_add_entry(tg, le, tl / (te + tl), p);
        } else {
            int sh = S_shape(s, len);
            if (sh < 0) {
                p[DYAD__T_SYM] = 1;
            } else {
                S_unknown(tg, s, len, sh, p);
                if (le == UINT32_MAX && !init && (sh == SH_CAP || sh == SH_HYPHEN_CAP)) {
                    /* a capitalised word the lexicon does not know, in
                     * mid-sentence, is a name ("Zelenskyy", not an
                     * adverb for its -y) whatever its suffix says */
                    float tot = 0;
                    for (int t = 0; t < NT; t++) tot += p[t];
                    for (int t = 0; t < NT; t++) p[t] *= 0.15f;
                    p[DYAD__T_NNP] += 0.85f * tot;
                }
                if (le != UINT32_MAX) {
                    /* unknown as written, known in lower case: at the
                     * start mostly that word, elsewhere mostly a name */
                    float wl = init || title ? 0.8f : 0.3f;
                    for (int t = 0; t < NT; t++) p[t] *= 1 - wl;
                    S_add_entry(tg, le, wl, p);
                }
            }
        }
        S_cand_from_dense(tg, p, e == UINT32_MAX && le == UINT32_MAX, c, nc);
    }
}

/* ------------------------------------------------------- the word cache
 * Per spelling, what tagging and chunking ask of every word that does not
 * depend on its sentence: its lexicon lists, its entry in the word table
 * and its candidates (sentence-initial in effect or not).  One per chunker
 * (per thread).  The slots are grouped in sets of WC_WAYS; a spelling
 * lives in the set its hash picks, in any of its ways.  Each slot's tag
 * (the spelling's hash with its low bit set; 0: empty) sits in a small
 * array of its own, so finding a spelling's way, or that it has none,
 * reads one cache line of tags before the one slot that may hold it.  A
 * spelling that finds no way takes an empty one, else the set's ways in
 * turn (a clock per set). */

#define WC_SLOTS 16384          /* a power of two */
#define WC_WAYS 4               /* slots per set, a power of two */
#define WC_SETS (WC_SLOTS / WC_WAYS)
#define WC_LEN 23               /* longer words are not kept */
#define NOT_YET (UINT32_MAX - 1)

/* a[0..n) == b[0..n), n <= WC_LEN, without a call: as whole words by
 * overlapping loads (the hash's reading), never past either end */
static inline int S_same(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y) return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x, y, u, v;
        memcpy(&x, a, 4);
        memcpy(&y, b, 4);
        memcpy(&u, a + n - 4, 4);
        memcpy(&v, b + n - 4, 4);
        return x == y && u == v;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* A slot is one cache line: what nearly every word needs (its
 * candidates where it is not sentence-initial, when there are at most
 * WC_NEAR of them: 99% of the words of the benchmark corpus).  The rest
 * (a sentence-initial word's candidates, or more than WC_NEAR) lives in
 * the slot's wfar entry, read only then. */
#define WC_NEAR 4
#define WC_FAR 0xFE             /* nc: the candidates are in wfar */

struct wslot {
    uint64_t lex;               /* lexicon lists (lexok) */
    uint32_t ent;               /* word-table entry, NOT_YET, UINT32_MAX */
    float ce[WC_NEAR];          /* candidates not sentence-initial */
    uint8_t ctag[WC_NEAR];
    uint8_t nc;                 /* their number; 0xFF: not yet; WC_FAR:
                                   kept in wfar (more than WC_NEAR) */
    uint8_t len;                /* 0: empty */
    uint8_t lexok;
    uint8_t adv;                /* S_adverb's answer; 0xFF: not yet */
    uint8_t aux;                /* S_aux_kind's answer; 0xFF: not yet */
    char s[WC_LEN];
};

typedef struct wfar {
    uint8_t nc[2];              /* candidates kept, not sentence-initial
                                   [0] (when more than WC_NEAR) and
                                   initial [1]; 0xFF: not yet */
    uint8_t ctag[2][MAXCAND];
    float ce[2][MAXCAND];
} wfar;

struct dyad__wcache {
    void *mem;                  /* the allocation (dyad__wcache_new) */
    const dyad__lexicon *lex;   /* the lists the slots' lex came from */
    uint32_t tag[WC_SLOTS];     /* per slot: its spelling's hash | 1; 0:
                                   empty */
    uint8_t next[WC_SETS];      /* per set: the way a newcomer takes
                                   when none is empty */
    _Alignas(64) wslot slots[WC_SLOTS];   /* a slot per cache line */
    wfar far[WC_SLOTS];         /* per slot */
};

_Static_assert(sizeof(wslot) == 64, "a word cache slot is one cache line");

/* calloc'd (its pages zero until a word reaches them) with room to
 * align the slots to a cache line; mem is what calloc returned */
dyad__wcache *dyad__wcache_new(void)
{
    unsigned char *mem = calloc(1, sizeof(dyad__wcache) + 63);
    if (!mem) return NULL;
    dyad__wcache *wc = (dyad__wcache *)(mem + (-(uintptr_t)mem & 63));
    wc->mem = mem;
    return wc;
}

void dyad__wcache_free(dyad__wcache *wc)
{
    if (wc) free(wc->mem);
}

void dyad__wcache_forget_lists(dyad__wcache *wc)
{
    if (!wc) return;
    for (size_t k = 0; k < WC_SLOTS; k++) wc->slots[k].lexok = 0;
    wc->lex = NULL;
}

/* The hash by which w is kept (S_wc_home), or 0 when it is not kept
 * (empty or too long); the set's tags fetched ahead. */
static inline uint32_t S_wc_hash(const dyad__wcache *wc, const dyad__word *w)
{
    if (w->len == 0 || w->len > WC_LEN) return 0;
    uint32_t h = S_hash(w->s, w->len) | 1;
    __builtin_prefetch(wc->tag + ((h >> 1) & (WC_SETS - 1)) * WC_WAYS);
    return h;
}

/* The slot of the word whose S_wc_hash is h (0: not kept, NULL): the way
 * of its set whose tag is h (nearly always the word's own), else the one
 * the word would take (not yet claimed: S_wc_claim compares and claims).
 * Reads the set's tags only, so the slots of a sentence can be fetched
 * ahead. */
static inline wslot *S_wc_home(dyad__wcache *wc, uint32_t h)
{
    if (!h) return NULL;
    uint32_t t = h;
    size_t set = (h >> 1) & (WC_SETS - 1), base = set * WC_WAYS;
    const uint32_t *tg = wc->tag + base;
    size_t empty = WC_WAYS;
    for (size_t k = 0; k < WC_WAYS; k++) {
        if (tg[k] == t) return &wc->slots[base + k];   /* S_wc_claim compares */
        if (tg[k] == 0 && empty == WC_WAYS) {
            empty = k;
        }
    }
    return &wc->slots[base + (empty < WC_WAYS ? empty : wc->next[set])];
}

/* sl (w's home slot, S_wc_home; NULL: w is not kept), claimed for w
 * (emptied) when it held another spelling. */
static wslot *S_wc_claim(dyad__wcache *wc, wslot *sl, const dyad__word *w)
{
    if (!sl) return NULL;
    if (sl->len == w->len && S_same(sl->s, w->s, w->len)) return sl;
    size_t k = (size_t)(sl - wc->slots), set = k / WC_WAYS;
    wc->tag[k] = S_hash(w->s, w->len) | 1;
    if (wc->next[set] == k % WC_WAYS) wc->next[set] = (uint8_t)((k + 1) % WC_WAYS);
    sl->len = (uint8_t)w->len;
    memcpy(sl->s, w->s, w->len);
    sl->lexok = 0;
    sl->ent = NOT_YET;
    sl->adv = 0xFF;
    sl->aux = 0xFF;
    sl->nc = 0xFF;
    wc->far[k].nc[0] = wc->far[k].nc[1] = 0xFF;
    return sl;
}

/* S_adverb of word j, kept in its cache slot (sls[j], the slot it was
 * given, when no later word of the sentence has claimed it since). */
static int S_adverb_at(const struct dyad_tagger *tg, const dyad__word *w, uint32_t j,
                       wslot *const *sls)
{
    wslot *sl = sls ? sls[j] : NULL;
    if (sl && sl->len == w[j].len) {
        size_t k = 0;
        while (k < w[j].len && sl->s[k] == w[j].s[k]) k++;
        if (k == w[j].len) {
            if (sl->adv == 0xFF) sl->adv = (uint8_t)S_adverb(tg, &w[j]);
            return sl->adv;
        }
    }
    return S_adverb(tg, &w[j]);
}

/* S_aux_kind of word j, kept in its cache slot when the slot holds it */
static int S_aux_kind_at(const dyad__word *w, uint32_t j, wslot *const *sls)
{
    wslot *sl = sls ? sls[j] : NULL;
    if (sl && sl->len == w[j].len && S_same(sl->s, w[j].s, w[j].len)) {
        if (sl->aux == 0xFF) sl->aux = (uint8_t)S_aux_kind(&w[j]);
        return sl->aux;
    }
    return S_aux_kind(&w[j]);
}

dyad_status dyad__tagger_tag(const struct dyad_tagger *tg, const dyad__word *w, uint32_t n,
                             uint8_t *tags, dyad__arena *a)
{
    return dyad__tagger_tag_cached(tg, NULL, NULL, w, n, tags, NULL, a);
}

dyad_status dyad__tagger_tag_cached(const struct dyad_tagger *tg, dyad__wcache *wc,
                                    const dyad__lexicon *lex, const dyad__word *w, uint32_t n,
                                    uint8_t *tags, uint64_t *lx, dyad__arena *a)
{
    if (n == 0) return DYAD_OK;
    cand *cands = dyad__arena_alloc(a, (size_t)n * MAXCAND * sizeof *cands);
    uint8_t *ncand = dyad__arena_alloc(a, n);
    wslot **sls = wc ? dyad__arena_alloc(a, (size_t)n * sizeof *sls) : NULL;
    uint32_t *hs = wc ? dyad__arena_alloc(a, (size_t)n * sizeof *hs) : NULL;
    if (!cands || !ncand || (wc && (!sls || !hs)))
        return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    /* the words' slots first, fetched ahead: the cache is larger than the
     * processor's, and a sentence's misses overlap this way instead of
     * stalling one word at a time */
    /* in a sentence written in lower case, a short word in capitals is an
     * acronym, a name: "IS fighters", "the US", "WHO" (counted in the
     * same pass) */
    /* (in two passes: the sets' tags, then the slots they point to) */
    uint32_t lowered = 0;
    for (uint32_t i = 0; i < n; i++) {
        lowered += w[i].len > 1 && S_lower((unsigned char)w[i].s[0]);
        if (sls) hs[i] = S_wc_hash(wc, &w[i]);
    }
    for (uint32_t i = 0; sls && i < n; i++) {
        sls[i] = S_wc_home(wc, hs[i]);
        if (sls[i]) __builtin_prefetch(sls[i]);   /* one line */
    }
    /* the first word's sentence-initial candidates, kept apart (wfar),
     * fetched now too: every sentence asks for them, and they are
     * rarely in the processor's cache */
    if (sls && sls[0] && S_upper((unsigned char)w[0].s[0]))
        __builtin_prefetch(&wc->far[sls[0] - wc->slots]);
    if (lx && !lex) lex = dyad__lexicon_builtin();
    if (wc && wc->lex != lex) {
        dyad__wcache_forget_lists(wc);   /* other lists: no slot's lex holds */
        wc->lex = lex;
    }
    int quotes = 0;
    for (uint32_t i = 0; i < n; i++) {
        cand *c = cands + (size_t)i * MAXCAND;
        int nc = 0;
        const char *s = w[i].s;
        size_t len = w[i].len;
        wslot *sl = sls ? S_wc_claim(wc, sls[i], &w[i]) : NULL;
        if (lx) {
            if (!sl) {
                lx[i] = dyad__lex_bits(lex, s, len);
            } else {
                if (!sl->lexok) {
                    sl->lex = dyad__lex_bits(lex, s, len);
                    sl->lexok = 1;
                }
                lx[i] = sl->lex;
            }
        }
        if (lowered >= 3 && len >= 2 && len <= 5) {
            size_t k = 0;
            while (k < len && S_upper((unsigned char)s[k])) k++;
            if (k == len) {
                c[0].tag = DYAD__T_NNP;
                c[0].e = 0;
                ncand[i] = 1;
                continue;
            }
        }
        int ft = S_fixed_tag(w, i, n, &quotes);
        if (ft != NT) {
            c[0].tag = (uint8_t)ft;
            c[0].e = 0;
            ncand[i] = 1;
            continue;
        }
        /* brackets have their own lexicon entries */
        if (len == 1 && (s[0] == '(' || s[0] == '[')) { s = "*LRB*"; len = 5; }
        else if (len == 1 && s[0] == '{') { s = "*LCB*"; len = 5; }
        else if (len == 1 && (s[0] == ')' || s[0] == ']')) { s = "*RRB*"; len = 5; }
        else if (len == 1 && s[0] == '}') { s = "*RCB*"; len = 5; }
        uint32_t e;
        if (sl) {
            if (sl->ent == NOT_YET) sl->ent = S_find(&tg->words, s, len);
            e = sl->ent;
        } else {
            e = S_find(&tg->words, s, len);
        }
        int init = S_upper_at(s, len) && S_initial(w, i);
        if (sl) {
            int x = init != 0;
            if (!x && sl->nc <= WC_NEAR) {
                nc = sl->nc;
                for (int k = 0; k < nc; k++) {
                    c[k].tag = sl->ctag[k];
                    c[k].e = sl->ce[k];
                }
            } else if (!x && sl->nc == 0xFF) {
                S_emission(tg, s, len, e, 0, c, &nc);
                if (nc <= WC_NEAR) {
                    for (int k = 0; k < nc; k++) {
                        sl->ctag[k] = c[k].tag;
                        sl->ce[k] = c[k].e;
                    }
                    sl->nc = (uint8_t)nc;
                } else {
                    wfar *f = &wc->far[sl - wc->slots];
                    for (int k = 0; k < nc; k++) {
                        f->ctag[0][k] = c[k].tag;
                        f->ce[0][k] = c[k].e;
                    }
                    f->nc[0] = (uint8_t)nc;
                    sl->nc = WC_FAR;
                }
            } else {
                wfar *f = &wc->far[sl - wc->slots];
                if (f->nc[x] == 0xFF) {
                    S_emission(tg, s, len, e, x, c, &nc);
                    for (int k = 0; k < nc; k++) {
                        f->ctag[x][k] = c[k].tag;
                        f->ce[x][k] = c[k].e;
                    }
                    f->nc[x] = (uint8_t)nc;
                } else {
                    nc = f->nc[x];
                    for (int k = 0; k < nc; k++) {
                        c[k].tag = f->ctag[x][k];
                        c[k].e = f->ce[x][k];
                    }
                }
            }
        } else {
            S_emission(tg, s, len, e, init, c, &nc);
        }
        S_constrain(tg, w, i, n, tags, c, &nc, sls);
        if (nc == 0) { c[0].tag = DYAD__T_NN; c[0].e = 0; nc = 1; }
        ncand[i] = (uint8_t)nc;
    }
    /* Viterbi over the candidates */
    for (uint32_t i = 0; i < n; i++) {
        cand *c = cands + (size_t)i * MAXCAND;
        if (i == 0) {
            for (int k = 0; k < ncand[0]; k++)
                c[k].score = tg->trans[DYAD__T_PERIOD][c[k].tag] + c[k].e;
            continue;
        }
        const cand *pc = c - MAXCAND;
        int np = ncand[i - 1];
        /* A finite verb followed by a past participle is nearly always an
         * auxiliary ("has", "was", "got"); after any other verb ("crowds
         * burned") the bigram's P(VBN | VBZ), learnt mostly from "has"
         * and "is", is far too high. */
        int lexical = 0;
        for (int k = 0; k < ncand[i] && !lexical; k++) lexical = c[k].tag == DYAD__T_VBN;
        if (lexical) {
            int aux = S_aux_kind_at(w, i - 1, sls);
            lexical = aux != AUX_HAVE && aux != AUX_BE && !S_word_is(&w[i - 1], "got") &&
                      !S_word_is(&w[i - 1], "get") && !S_word_is(&w[i - 1], "gets") &&
                      !S_word_is(&w[i - 1], "'s") && !S_word_is(&w[i - 1], "'d");
        }
        if (np == 1 && !lexical) {
            /* one way in (most words after the cache): no choice to make,
             * the same sums */
            const float *tr = tg->trans[pc[0].tag];
            for (int k = 0; k < ncand[i]; k++) {
                float s = pc[0].score + tr[c[k].tag];
                c[k].score = (s > -INFINITY ? s : -INFINITY) + c[k].e;
                c[k].back = 0;
            }
            continue;
        }
        for (int k = 0; k < ncand[i]; k++) {
            float best = -INFINITY;
            int bj = 0;
            for (int j = 0; j < np; j++) {
                float s = pc[j].score + tg->trans[pc[j].tag][c[k].tag];
                if (lexical && c[k].tag == DYAD__T_VBN &&
                    (pc[j].tag == DYAD__T_VBZ || pc[j].tag == DYAD__T_VBP || pc[j].tag == DYAD__T_VBD))
                    s -= 3.0f;
                if (s > best) { best = s; bj = j; }
            }
            c[k].score = best + c[k].e;
            c[k].back = (uint8_t)bj;
        }
    }
    const cand *last = cands + (size_t)(n - 1) * MAXCAND;
    int bk = 0;
    for (int k = 1; k < ncand[n - 1]; k++)
        if (last[k].score > last[bk].score) bk = k;
    for (uint32_t i = n; i-- > 0;) {
        const cand *c = cands + (size_t)i * MAXCAND;
        tags[i] = c[bk].tag;
        bk = c[bk].back;
    }
    S_gerunds(tg, w, n, tags, cands, ncand);
    S_finite(tg, w, n, tags, cands, ncand);
    return DYAD_OK;
}
