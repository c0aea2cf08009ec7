/*
 * dict.c -- the dictionary handle (dictionary stage): creation, loading
 * files and directories, compile, diagnostics, statistics, the interned
 * string table, the 64-bit hash map behind the tries, and the accessors
 * of dyad.h that read entries, codes, blocks, patterns, synsets and
 * transformations.  What must stay true: after compile no function here
 * writes to the handle, and every loaded item keeps its FILE:LINE.
 */
#include "dict.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DICT_MAX_FILE ((size_t)256 << 20)

/* ------------------------------------------------------------ containers */

int dyad__vec_reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem) return -1;
        c *= 2;
    }
    void *q = realloc(*p, c * elem);
    if (!q) return -1;
    *p = q;
    *cap = c;
    return 0;
}

void dyad__map_free(dyad__map *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

uint32_t dyad__map_get(const dyad__map *m, uint64_t key)
{
    if (!m->cap) return 0;
    size_t mask = m->cap - 1, i = (size_t)dyad__mix64(key) & mask;
    for (;;) {
        const dyad__mslot *s = &m->slots[i];
        uint64_t k = dyad__mslot_key(s);
        if (k == key) return s->val;
        if (k == 0) return 0;
        i = (i + 1) & mask;
    }
}

static int S_map_grow(dyad__map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    dyad__mslot *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < m->cap; i++) {
        uint64_t k = dyad__mslot_key(&m->slots[i]);
        if (!k) continue;
        size_t j = (size_t)dyad__mix64(k) & (cap - 1);
        while (dyad__mslot_key(&slots[j])) j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int dyad__map_put(dyad__map *m, uint64_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap && S_map_grow(m) != 0) return -1;
    size_t mask = m->cap - 1, i = (size_t)dyad__mix64(key) & mask;
    uint64_t k;
    while ((k = dyad__mslot_key(&m->slots[i])) != 0 && k != key) i = (i + 1) & mask;
    if (k == 0) {
        memcpy(m->slots[i].key, &key, sizeof key);
        m->n++;
    }
    m->slots[i].val = val;
    return 0;
}

/* ---------------------------------------------------------------- strings */

uint32_t dyad__hash_bytes(const char *s, size_t n)
{
    /* FNV-1a, then a final mix so linear probing spreads well. */
    uint64_t h = DYAD__FNV_BASIS;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= DYAD__FNV_PRIME;
    }
    return (uint32_t)dyad__mix64(h);
}

static int S_intern_grow(dyad__intern *t)
{
    size_t cap = t->cap ? t->cap * 2 : 4096;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < t->cap; i++) {
        uint64_t v = t->slots[i];
        if (!v) continue;
        size_t j = (size_t)(v >> 32) & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = v;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

static uint32_t S_intern_lookup(const dyad__intern *t, const char *s, size_t n,
                                uint32_t h)
{
    if (!t->cap) return 0;
    size_t mask = t->cap - 1, i = h & mask;
    for (;;) {
        uint64_t v = t->slots[i];
        if (!v) return 0;
        uint32_t id = (uint32_t)v;
        if ((uint32_t)(v >> 32) == h && t->len[id] == n && memcmp(t->str[id], s, n) == 0)
            return id;
        i = (i + 1) & mask;
    }
}

uint32_t dyad__dict_find(const dyad_dict *d, const char *s, size_t n)
{
    return S_intern_lookup(&d->strs, s, n, dyad__hash_bytes(s, n));
}

uint32_t dyad__dict_intern(dyad_dict *d, const char *s, size_t n)
{
    return dyad__dict_intern_h(d, s, n, dyad__hash_bytes(s, n));
}

uint32_t dyad__dict_intern_h(dyad_dict *d, const char *s, size_t n, uint32_t h)
{
    dyad__intern *t = &d->strs;
    /* one probe finds the string or the free slot it goes in (unless the
     * table grows first) */
    size_t i = 0;
    if (t->cap) {
        size_t mask = t->cap - 1;
        for (i = h & mask; t->slots[i]; i = (i + 1) & mask) {
            uint64_t v = t->slots[i];
            uint32_t id = (uint32_t)v;
            if ((uint32_t)(v >> 32) == h && t->len[id] == n && memcmp(t->str[id], s, n) == 0)
                return id;
        }
    }
    if (n > UINT32_MAX || t->n + 1 >= UINT32_MAX / 2) return 0;
    int grow = (t->n + 1) * 4 > t->cap * 3;
    if (grow && S_intern_grow(t) != 0) return 0;
    if (t->n + 2 > t->ncap) {
        size_t c = t->ncap ? t->ncap * 2 : 4096;
        const char **str = realloc((void *)t->str, c * sizeof *str);
        if (!str) return 0;
        t->str = str;
        uint32_t *len = realloc(t->len, c * sizeof *len);
        if (!len) return 0;
        t->len = len;
        t->ncap = c;
    }
    char *copy = dyad__arena_strndup(&d->arena, s, n);
    if (!copy) return 0;
    uint32_t id = (uint32_t)++t->n;
    t->str[id] = copy;
    t->len[id] = (uint32_t)n;
    if (grow) {
        size_t mask = t->cap - 1;
        for (i = h & mask; t->slots[i]; i = (i + 1) & mask) {}
    }
    t->slots[i] = (uint64_t)h << 32 | id;
    return id;
}

uint32_t dyad__dict_word(const dyad_dict *d, const char *s, size_t n)
{
    char buf[256];
    size_t k = dyad__dict_canon(s, n, buf, sizeof buf);
    return k ? dyad__dict_find(d, buf, k) : 0;
}

/* ------------------------------------------------------------------- trie */

uint32_t dyad__trie_node(dyad_dict *d)
{
    if (d->nnodes + 1 >= (size_t)1 << 31) return 0;
    size_t need = d->nnodes + 2, cap = d->nodes_cap;
    if (need > cap) {
        size_t c1 = cap, c2 = cap, c3 = cap;
        if (DYAD__RESERVE(d->nfirst, c1, need) || DYAD__RESERVE(d->nlast, c2, need) ||
            DYAD__RESERVE(d->nflags, c3, need))
            return 0;
        d->nodes_cap = c1;
    }
    uint32_t id = (uint32_t)++d->nnodes;
    d->nfirst[id] = d->nlast[id] = 0;
    d->nflags[id] = 0;
    return id;
}

uint32_t dyad__trie_child(dyad_dict *d, uint32_t node, uint32_t word, int adjacent,
                          int create)
{
    uint64_t key = dyad__edge_key(node, word, adjacent);
    if (!create) return dyad__map_get(&d->map, key);
    /* one probe finds the edge or the free slot it goes in (the slot
     * dyad__map_put would take when the table need not grow) */
    dyad__map *m = &d->map;
    size_t i = 0;
    if (m->cap) {
        size_t mask = m->cap - 1;
        i = (size_t)dyad__mix64(key) & mask;
        for (uint64_t k; (k = dyad__mslot_key(&m->slots[i])) != 0; i = (i + 1) & mask)
            if (k == key) return m->slots[i].val;
    }
    uint32_t c = dyad__trie_node(d);
    if (!c) return 0;
    if ((m->n + 1) * 2 > m->cap) {   /* dyad__map_put's bound: it grows first */
        if (dyad__map_put(m, key, c) != 0) return 0;
    } else {
        memcpy(m->slots[i].key, &key, sizeof key);
        m->slots[i].val = c;
        m->n++;
    }
    d->nflags[node] |= adjacent ? DYAD__N_ADJ : DYAD__N_GAP;
    return c;
}

uint32_t dyad__entry_add(dyad_dict *d, uint32_t root, const dyad__phrase *ph, int kind,
                         uint32_t flags, uint32_t file, unsigned long line, uint32_t *dup)
{
    if (dup) *dup = 0;
    if (DYAD__RESERVE(d->ent, d->ent_cap, d->nent + 2)) return 0;
    size_t wc = d->w_cap;
    if (DYAD__RESERVE(d->wid, wc, d->nw + ph->n + 1)) return 0;
    wc = d->w_cap;
    if (DYAD__RESERVE(d->wadj, wc, d->nw + ph->n + 1)) return 0;
    d->w_cap = wc;
    uint32_t node = root;
    if (root) {
        for (size_t i = 0; i < ph->n; i++) {
            node = dyad__trie_child(d, node, ph->w[i], i == 0 ? 1 : ph->adj[i], 1);
            if (!node) return 0;
        }
    }
    if (d->nent == 0) d->nent = 1; /* ent[0] is unused */
    uint32_t id = (uint32_t)d->nent++;
    dyad__entry *e = &d->ent[id];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    e->nwords = (uint16_t)ph->n;
    e->flags = flags | (ph->open_end ? DYAD_DICT_F_OPEN_END : 0);
    e->file = file;
    e->line = (uint32_t)line;
    e->words = (uint32_t)d->nw;
    for (size_t i = 0; i < ph->n; i++) {
        d->wid[d->nw + i] = ph->w[i];
        d->wadj[d->nw + i] = i == 0 ? 0 : ph->adj[i];
    }
    d->nw += ph->n;
    if (root) {
        if (dup) *dup = d->nfirst[node];
        dyad__entry_link(d, node, id);
    }
    d->st.entries++;
    return id;
}

void dyad__entry_link(dyad_dict *d, uint32_t node, uint32_t id)
{
    d->ent[id].next = 0;
    if (d->nlast[node]) d->ent[d->nlast[node]].next = id;
    else d->nfirst[node] = id;
    d->nlast[node] = id;
    if (d->ent[id].flags & DYAD_DICT_F_OPEN_END) d->nflags[node] |= DYAD__N_OPEN;
}

/* ------------------------------------------------------------ diagnostics */

void dyad__dict_diag(dyad_dict *d, int severity, uint32_t file, unsigned long line,
                     const char *fmt, ...)
{
    if (severity == DYAD_DICT_ERROR) d->nerrors++;
    else d->nwarnings++;
    if (d->ndiags >= DYAD__MAX_DIAGS || DYAD__RESERVE(d->diags, d->diags_cap, d->ndiags + 1))
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *m = dyad__arena_strndup(&d->arena, msg, strlen(msg));
    if (!m) return;
    dyad_dict_diag *g = &d->diags[d->ndiags++];
    g->severity = (dyad_dict_severity)severity;
    g->file = file < d->nfiles ? d->files[file].path : NULL;
    g->line = line;
    g->message = m;
}

size_t dyad_dict_diag_count(const dyad_dict *d) { return d ? d->ndiags : 0; }

const dyad_dict_diag *dyad_dict_diag_get(const dyad_dict *d, size_t i)
{
    return d && i < d->ndiags ? &d->diags[i] : NULL;
}

size_t dyad_dict_error_count(const dyad_dict *d) { return d ? d->nerrors : 0; }
size_t dyad_dict_warning_count(const dyad_dict *d) { return d ? d->nwarnings : 0; }

const char *dyad_dict_errmsg(const dyad_dict *d) { return d ? d->err.msg : ""; }

/* ------------------------------------------------------------ the handle */

static const char *const S_kind_names[] = {"auto", "verbs", "actors", "agents",
                                           "discards", "issues"};

const char *dyad_dict_kind_name(dyad_dict_kind kind)
{
    if ((int)kind < 0 || (int)kind >= DYAD_DICT_NKINDS) return "unknown";
    return S_kind_names[kind];
}

dyad_status dyad_dict_kind_parse(const char *name, dyad_dict_kind *out)
{
    if (!name || !out) return DYAD_EINVAL;
    for (int k = 0; k < DYAD_DICT_NKINDS; k++) {
        size_t n = strlen(S_kind_names[k]);
        if (strcmp(name, S_kind_names[k]) == 0 ||
            (k > 0 && strlen(name) == n - 1 && strncmp(name, S_kind_names[k], n - 1) == 0)) {
            *out = (dyad_dict_kind)k;
            return DYAD_OK;
        }
    }
    return DYAD_EINVAL;
}

dyad_status dyad_dict_new(dyad_dict **out)
{
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return DYAD_ENOMEM;
    dyad__arena_init(&d->arena, 0);
    for (int k = 1; k < DYAD_DICT_NKINDS; k++) {
        d->roots[k] = dyad__trie_node(d);
        if (!d->roots[k]) {
            dyad_dict_free(d);
            return DYAD_ENOMEM;
        }
    }
    *out = d;
    return DYAD_OK;
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d) return;
    free(d->files);
    free(d->strs.slots);
    free((void *)d->strs.str);
    free(d->strs.len);
    free(d->diags);
    dyad__map_free(&d->map);
    free(d->nfirst);
    free(d->nlast);
    free(d->nflags);
    free(d->ent);
    free(d->wid);
    free(d->wadj);
    free(d->actors);
    free(d->codes);
    free(d->blocks);
    free(d->pats);
    free(d->patkey);
    free(d->pelems);
    free(d->syns);
    free(d->tfs);
    free(d->wbits);
    free(d->synfirst);
    free(d->lexsrc);
    dyad__lexicon_free(d->lex);
    dyad__arena_free(&d->arena);
    free(d);
}

static int S_ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (k > n) return 0;
    for (size_t i = 0; i < k; i++) {
        char a = s[n - k + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (a != b) return 0;
    }
    return 1;
}

static dyad_status S_load(dyad_dict *d, uint32_t file, int kind, const char *text,
                          size_t len)
{
    dyad__lines L;
    memset(&L, 0, sizeof L);
    L.d = d;
    L.file = file;
    L.p = text;
    L.end = text + len;
    L.clean = !memchr(text, 0, len) &&
              dyad__utf8_check((const unsigned char *)text, len) == len;
    dyad__lexer lx;
    dyad__lexer_init(&lx);
    size_t errors = d->nerrors;
    dyad_status st;
    switch (kind) {
    case DYAD_DICT_VERBS: st = dyad__load_verbs(d, &L, &lx); break;
    case DYAD_DICT_ACTORS: st = dyad__load_actors(d, &L, &lx); break;
    case DYAD_DICT_AGENTS: st = dyad__load_agents(d, &L, &lx); break;
    case DYAD_DICT_DISCARDS: st = dyad__load_discards(d, &L, &lx); break;
    default: st = dyad__load_issues(d, &L, &lx); break;
    }
    if (L.in_comment)
        dyad__dict_diag(d, DYAD_DICT_ERROR, file, L.comment_line,
                        "'<!--' comment is never closed with '-->'; the rest of the "
                        "file was skipped");
    d->files[file].lines = L.no;
    d->st.lines += L.no;
    dyad__lines_free(&L);
    dyad__lexer_free(&lx);
    if (st == DYAD_ENOMEM) return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    if (st < 0) return st;
    if (d->nerrors > errors)
        return dyad__err_set(&d->err, DYAD_EDICT, "%s: %zu malformed line(s)",
                             d->files[file].path, d->nerrors - errors);
    return DYAD_OK;
}

static dyad_status S_add(dyad_dict *d, const char *name, const char *text, size_t len,
                         int kind)
{
    if (DYAD__RESERVE(d->files, d->files_cap, d->nfiles + 1))
        return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    char *path = dyad__arena_strndup(&d->arena, name, strlen(name));
    if (!path) return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    uint32_t file = (uint32_t)d->nfiles++;
    d->files[file].path = path;
    d->files[file].lines = 0;
    if (kind == DYAD_DICT_AUTO) kind = dyad__dict_sniff(name, text, len);
    d->files[file].kind = kind;
    if (kind == DYAD_DICT_AUTO) {
        dyad__dict_diag(d, DYAD_DICT_ERROR, file, 0,
                        "not recognised as a verbs, actors, agents, discards or "
                        "issues dictionary");
        return dyad__err_set(&d->err, DYAD_EFORMAT, "%s: kind of dictionary not recognised",
                             name);
    }
    d->st.files++;
    /* the content hash: the file's base name (evidence names it), kind,
     * length and bytes, so that two folders with the same files hash
     * alike wherever they are */
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    uint64_t meta[2] = {(uint64_t)kind, (uint64_t)len};
    d->content_hash = dyad__hash64(d->content_hash, base, strlen(base) + 1);
    d->content_hash = dyad__hash64(d->content_hash, meta, sizeof meta);
    d->content_hash = dyad__hash64(d->content_hash, text, len);
    return S_load(d, file, kind, text, len);
}

dyad_status dyad_dict_add_text(dyad_dict *d, const char *name, const char *text, size_t len,
                               dyad_dict_kind kind)
{
    if (!d || (!text && len)) return DYAD_EINVAL;
    dyad__err_clear(&d->err);
    if (d->compiled)
        return dyad__err_set(&d->err, DYAD_EINVAL, "the dictionary is already compiled");
    if ((int)kind < 0 || (int)kind >= DYAD_DICT_NKINDS)
        return dyad__err_set(&d->err, DYAD_EINVAL, "unknown dictionary kind");
    if (!text) text = "";
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { text += 3; len -= 3; }
    return S_add(d, name ? name : "(text)", text, len, (int)kind);
}

static dyad_status S_read_file(dyad_dict *d, const char *path, char **out, size_t *len)
{
    *out = NULL;
    const char *why = NULL;
    FILE *f = dyad__fopen_regular(path, &why);   /* a FIFO must not block */
    if (!f) return dyad__err_set(&d->err, DYAD_EIO, "%s: %s", path, why);
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0) {
        fclose(f);
        return dyad__err_set(&d->err, DYAD_EIO, "%s: %s", path, strerror(errno));
    }
    if ((size_t)sb.st_size > DICT_MAX_FILE) {
        fclose(f);
        return dyad__err_set(&d->err, DYAD_ETOOBIG, "%s: larger than 256 MiB", path);
    }
    size_t n = (size_t)sb.st_size;
    char *buf = malloc(n + 1);
    if (!buf) {
        fclose(f);
        return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    }
    size_t got = fread(buf, 1, n, f);
    int bad = ferror(f);
    fclose(f);
    if (bad || got != n) {
        free(buf);
        return dyad__err_set(&d->err, DYAD_EIO, "%s: read error", path);
    }
    buf[n] = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {   /* byte-order mark */
        memmove(buf, buf + 3, n - 2);
        n -= 3;
    }
    *out = buf;
    *len = n;
    return DYAD_OK;
}

/* Records path as a file that was not loaded, with an error diagnostic
 * about the whole file: "what; skipped". */
static void S_skipped_file(dyad_dict *d, const char *path, const char *what)
{
    if (DYAD__RESERVE(d->files, d->files_cap, d->nfiles + 1)) return;
    char *p = dyad__arena_strndup(&d->arena, path, strlen(path));
    if (!p) return;
    d->files[d->nfiles].path = p;
    d->files[d->nfiles].kind = 0;
    d->files[d->nfiles].lines = 0;
    d->nfiles++;
    dyad__dict_diag(d, DYAD_DICT_ERROR, (uint32_t)(d->nfiles - 1), 0, "%s; skipped", what);
}

/* What a file that is not a regular one is. */
static const char *S_not_regular(mode_t m)
{
    return S_ISDIR(m)                    ? "not a regular file (a directory)"
           : S_ISFIFO(m)                 ? "not a regular file (a FIFO)"
           : S_ISSOCK(m)                 ? "not a regular file (a socket)"
           : S_ISCHR(m) || S_ISBLK(m)    ? "not a regular file (a device)"
                                         : "not a regular file";
}

static dyad_status S_add_path(dyad_dict *d, const char *path, int kind)
{
    char *text;
    size_t len;
    dyad_status st = S_read_file(d, path, &text, &len);
    if (st != DYAD_OK) {
        if (st != DYAD_ENOMEM && DYAD__RESERVE(d->files, d->files_cap, d->nfiles + 1) == 0) {
            char *p = dyad__arena_strndup(&d->arena, path, strlen(path));
            if (p) {
                d->files[d->nfiles].path = p;
                d->files[d->nfiles].kind = kind;
                d->files[d->nfiles].lines = 0;
                d->nfiles++;
                const char *why = d->err.msg;
                size_t pl = strlen(path);
                if (strncmp(why, path, pl) == 0 && why[pl] == ':') why += pl + 2;
                dyad__dict_diag(d, DYAD_DICT_ERROR, (uint32_t)(d->nfiles - 1), 0,
                                "cannot read: %s", why);
            }
        }
        return st;
    }
    st = S_add(d, path, text, len, kind);
    free(text);
    return st;
}

dyad_status dyad_dict_add_file(dyad_dict *d, const char *path, dyad_dict_kind kind)
{
    if (!d || !path) return DYAD_EINVAL;
    dyad__err_clear(&d->err);
    if (d->compiled)
        return dyad__err_set(&d->err, DYAD_EINVAL, "the dictionary is already compiled");
    if ((int)kind < 0 || (int)kind >= DYAD_DICT_NKINDS)
        return dyad__err_set(&d->err, DYAD_EINVAL, "unknown dictionary kind");
    return S_add_path(d, path, (int)kind);
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Worse status: errors beat EDICT, which beats OK. */
static dyad_status S_worse(dyad_status a, dyad_status b)
{
    if (a == DYAD_OK) return b;
    if (b == DYAD_OK) return a;
    if (a == DYAD_EDICT) return b;
    return a;
}

/* The lexicon/ subfolder of dir: each NAME.txt replaces the built-in
 * list NAME, each NAME.add.txt extends it (data/lexicon/README.md); they
 * are kept until compile builds the lexicon.  No subfolder: nothing. */
static dyad_status S_add_lexicon_dir(dyad_dict *d, const char *dir)
{
    size_t dl = strlen(dir);
    char *sub = malloc(dl + 10);
    if (!sub) return DYAD_ENOMEM;
    snprintf(sub, dl + 10, "%s%slexicon", dir, dl && dir[dl - 1] == '/' ? "" : "/");
    DIR *dp = opendir(sub);
    if (!dp) {
        free(sub);
        return DYAD_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.' || !S_ends_with_ci(de->d_name, ".txt")) continue;
        if (DYAD__RESERVE(names, cap, n + 1) || !(names[n] = strdup(de->d_name))) {
            st = DYAD_ENOMEM;
            break;
        }
        n++;
    }
    closedir(dp);
    if (st == DYAD_OK && n) qsort(names, n, sizeof *names, S_cmp_str);
    for (size_t i = 0; i < n && st != DYAD_ENOMEM; i++) {
        size_t plen = strlen(sub) + strlen(names[i]) + 2;
        char *path = malloc(plen);
        if (!path) { st = DYAD_ENOMEM; break; }
        snprintf(path, plen, "%s/%s", sub, names[i]);
        char *text;
        size_t len;
        dyad_status rs = S_read_file(d, path, &text, &len);
        if (rs == DYAD_OK) {
            size_t nl = strlen(names[i]) - 4;
            int add = nl > 4 && S_ends_with_ci(names[i], ".add.txt");
            if (add) nl -= 4;
            if (DYAD__RESERVE(d->lexsrc, d->lexsrc_cap, d->nlexsrc + 1)) {
                rs = DYAD_ENOMEM;
            } else {
                dyad__lex_src *x = &d->lexsrc[d->nlexsrc];
                x->list = dyad__arena_strndup(&d->arena, names[i], nl);
                x->file = dyad__arena_strndup(&d->arena, path, strlen(path));
                x->text = dyad__arena_strndup(&d->arena, text, len);
                x->len = len;
                x->add = add;
                if (!x->list || !x->file || !x->text) rs = DYAD_ENOMEM;
                else d->nlexsrc++;
            }
            free(text);
        } else if (rs != DYAD_ENOMEM) {
            S_skipped_file(d, path, "cannot read");
            rs = DYAD_EDICT;
        }
        st = S_worse(st, rs);
        free(path);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    free(sub);
    return st;
}

dyad_status dyad_dict_add_dir(dyad_dict *d, const char *dir)
{
    if (!d || !dir) return DYAD_EINVAL;
    dyad__err_clear(&d->err);
    if (d->compiled)
        return dyad__err_set(&d->err, DYAD_EINVAL, "the dictionary is already compiled");
    DIR *dp = opendir(dir);
    if (!dp) return dyad__err_set(&d->err, DYAD_EIO, "%s: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        /* every name is looked at: the .txt files are loaded, and a
         * special file (FIFO, socket, device) of any name is reported */
        if (de->d_name[0] == '.') continue;
        if (DYAD__RESERVE(names, cap, n + 1) || !(names[n] = strdup(de->d_name))) {
            st = DYAD_ENOMEM;
            break;
        }
        n++;
    }
    closedir(dp);
    if (st == DYAD_OK && n) qsort(names, n, sizeof *names, S_cmp_str);
    size_t loaded = 0;
    for (size_t i = 0; i < n && st != DYAD_ENOMEM; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(plen);
        if (!path) {
            st = DYAD_ENOMEM;
            break;
        }
        size_t dl = strlen(dir);
        snprintf(path, plen, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
        struct stat sb;
        int txt = S_ends_with_ci(names[i], ".txt"), found = stat(path, &sb) == 0;
        if (txt && !found) {
            /* a link to nothing, or a file that went away */
            char why[128];
            snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
            S_skipped_file(d, path, why);
            st = S_worse(st, DYAD_EDICT);
        } else if (found && !S_ISREG(sb.st_mode) && (txt || !S_ISDIR(sb.st_mode))) {
            S_skipped_file(d, path, S_not_regular(sb.st_mode));
            st = S_worse(st, DYAD_EDICT);
        } else if (txt && S_ISREG(sb.st_mode)) {
            /* name first; content sniffing needs the text */
            char *text;
            size_t len;
            dyad_status rs = S_read_file(d, path, &text, &len);
            if (rs == DYAD_OK) {
                int kind = dyad__dict_sniff(path, text, len);
                if (kind == DYAD_DICT_AUTO) {
                    if (DYAD__RESERVE(d->files, d->files_cap, d->nfiles + 1) == 0) {
                        char *p = dyad__arena_strndup(&d->arena, path, strlen(path));
                        if (p) {
                            d->files[d->nfiles].path = p;
                            d->files[d->nfiles].kind = 0;
                            d->files[d->nfiles].lines = 0;
                            d->nfiles++;
                            dyad__dict_diag(d, DYAD_DICT_WARNING, (uint32_t)(d->nfiles - 1),
                                            0, "not recognised as a dictionary; skipped");
                        }
                    }
                } else {
                    rs = S_add(d, path, text, len, kind);
                    loaded++;
                }
                free(text);
            }
            st = S_worse(st, rs);
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (st != DYAD_ENOMEM) st = S_worse(st, S_add_lexicon_dir(d, dir));
    if (st == DYAD_ENOMEM) return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    if ((st == DYAD_OK || st == DYAD_EDICT) && loaded == 0)
        return dyad__err_set(&d->err, DYAD_ENOTFOUND, "%s: no dictionary file in it", dir);
    if (st == DYAD_EDICT)
        dyad__err_set(&d->err, DYAD_EDICT, "%s: %zu error(s) (lines or files left out)", dir,
                      d->nerrors);
    return st;
}

/* A malformed lexicon line: an error of that file (registered as a file
 * of the dictionary the first time). */
static void S_lex_diag(void *ctx, const char *file, unsigned long line, const char *msg)
{
    dyad_dict *d = ctx;
    uint32_t f = (uint32_t)d->nfiles;
    for (size_t i = 0; i < d->nfiles; i++)
        if (!strcmp(d->files[i].path, file)) f = (uint32_t)i;
    if (f == d->nfiles) {
        if (DYAD__RESERVE(d->files, d->files_cap, d->nfiles + 1)) return;
        char *p = dyad__arena_strndup(&d->arena, file, strlen(file));
        if (!p) return;
        d->files[f].path = p;
        d->files[f].kind = 0;
        d->files[f].lines = 0;
        d->nfiles++;
    }
    dyad__dict_diag(d, DYAD_DICT_ERROR, f, line, "%s", msg);
}

const dyad__lexicon *dyad__dict_lexicon(const dyad_dict *d)
{
    return d && d->lex ? d->lex : dyad__lexicon_builtin();
}

dyad_status dyad_dict_compile(dyad_dict *d)
{
    if (!d) return DYAD_EINVAL;
    dyad__err_clear(&d->err);
    if (d->compiled)
        return dyad__err_set(&d->err, DYAD_EINVAL, "the dictionary is already compiled");
    dyad_status st = dyad__verbs_compile(d);
    if (st == DYAD_ENOMEM) return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    (void)dyad__match_index(d); /* without it (ENOMEM) lookups are slower, not wrong */
    for (size_t i = 1; i < d->npats; i++) {
        dyad__pattern *p = &d->pats[i];
        p->key = 0;
        for (uint32_t k = 0; k < p->nelems; k++) {
            const dyad_pat_elem *e = &d->pelems[p->elems + k];
            if (e->kind == DYAD_PAT_WORD) {
                p->key = e->id ? e->id : UINT32_MAX;
                break;
            }
        }
    }
    free(d->patkey);
    d->patkey = d->npats ? malloc(d->npats * sizeof *d->patkey) : NULL;
    if (d->patkey) {   /* without it (ENOMEM) the keys are read from pats */
        d->patkey[0] = 0;
        /* a pattern coded "+++" (TABARI's complex coding) is no code:
         * keyed as one no sentence matches, the coder skips it unread */
        for (size_t i = 1; i < d->npats; i++) {
            const char *code = dyad__dict_str(d, d->pats[i].code);
            d->patkey[i] = code && !strcmp(code, "+++") ? UINT32_MAX : d->pats[i].key;
        }
    }
    if (d->nlexsrc &&
        dyad__lexicon_build(&d->lex, d->lexsrc, d->nlexsrc, S_lex_diag, d) != DYAD_OK)
        return dyad__err_set(&d->err, DYAD_ENOMEM, "out of memory");
    d->compiled = 1;
    d->st.words = d->strs.n;
    d->st.trie_nodes = d->nnodes;
    if (d->nerrors)
        return dyad__err_set(&d->err, DYAD_EDICT, "%zu error(s) in the dictionaries",
                             d->nerrors);
    return DYAD_OK;
}

void dyad_dict_hash(const dyad_dict *d, char out[DYAD_HASH_HEX])
{
    if (!out) return;
    dyad__hash_hex(d ? d->content_hash : 0, out);
}

void dyad_dict_stats_get(const dyad_dict *d, dyad_dict_stats *out)
{
    if (!out) return;
    memset(out, 0, sizeof *out);
    if (!d) return;
    *out = d->st;
    out->words = d->strs.n;
    out->trie_nodes = d->nnodes;
    size_t b = d->arena.total + sizeof *d;
    b += d->files_cap * sizeof *d->files;
    b += d->strs.cap * sizeof *d->strs.slots +
         d->strs.ncap * (sizeof *d->strs.str + sizeof *d->strs.len);
    b += d->diags_cap * sizeof *d->diags;
    b += d->map.cap * sizeof *d->map.slots;
    b += d->nodes_cap * (2 * sizeof(uint32_t) + 1);
    b += d->ent_cap * sizeof *d->ent + d->w_cap * (sizeof *d->wid + 1);
    b += d->actors_cap * sizeof *d->actors + d->codes_cap * sizeof *d->codes;
    b += d->blocks_cap * sizeof *d->blocks + d->pats_cap * sizeof *d->pats;
    b += d->pelems_cap * sizeof *d->pelems + d->syns_cap * sizeof *d->syns;
    b += d->tfs_cap * sizeof *d->tfs;
    b += d->nwbits;
    if (d->synfirst) b += d->nsyns * DYAD__SYNF_WORDS * sizeof *d->synfirst;
    if (d->patkey) b += d->npats * sizeof *d->patkey;
    out->bytes = b;
}

/* -------------------------------------------------------------- accessors */

unsigned dyad_dict_word_id(const dyad_dict *d, const char *s, size_t len)
{
    if (!d || !s) return 0;
    return dyad__dict_word(d, s, len);
}

const char *dyad_dict_word_text(const dyad_dict *d, unsigned id)
{
    if (!d || id == 0 || id > d->strs.n) return NULL;
    return d->strs.str[id];
}

static const char *S_file(const dyad_dict *d, uint32_t f)
{
    return f < d->nfiles ? d->files[f].path : NULL;
}

dyad_status dyad_dict_entry_get(const dyad_dict *d, unsigned id, dyad_dict_entry *out)
{
    if (!d || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    if (id == 0 || id >= d->nent || d->ent[id].kind == DYAD__KIND_SYNSET)
        return DYAD_ENOTFOUND;
    const dyad__entry *e = &d->ent[id];
    out->id = id;
    out->kind = (dyad_dict_kind)e->kind;
    out->flags = e->flags;
    out->file = S_file(d, e->file);
    out->line = e->line;
    out->nwords = e->nwords;
    out->words = d->wid + e->words;
    out->adjacent = d->wadj + e->words;
    out->code = dyad__dict_str(d, e->code);
    out->passive_code = dyad__dict_str(d, e->passive);
    out->group = e->group;
    if (e->kind == DYAD_DICT_ACTORS) {
        const dyad__actor *a = &d->actors[e->group];
        out->code = NULL;
        for (uint32_t i = 0; i < a->ncodes; i++)
            if (d->codes[a->first_code + i].when == DYAD_DICT_ALWAYS) {
                out->code = d->codes[a->first_code + i].code;
                break;
            }
    }
    if (e->kind == DYAD_DICT_ISSUES) out->category = dyad__dict_str(d, e->group);
    if (e->kind == DYAD_DICT_VERBS) out->verb_word = e->aux;
    return DYAD_OK;
}

size_t dyad_dict_entry_text(const dyad_dict *d, unsigned id, char *buf, size_t cap)
{
    if (buf && cap) buf[0] = 0;
    if (!d || id == 0 || id >= d->nent) return 0;
    const dyad__entry *e = &d->ent[id];
    size_t len = 0;
    for (size_t i = 0; i < e->nwords; i++) {
        const char *w = d->strs.str[d->wid[e->words + i]];
        size_t wl = strlen(w);
        if (i) {
            if (buf && len + 1 < cap) buf[len] = d->wadj[e->words + i] ? '_' : ' ';
            len++;
        }
        for (size_t k = 0; k < wl; k++, len++)
            if (buf && len + 1 < cap) buf[len] = w[k];
    }
    if (buf && cap) buf[len < cap ? len : cap - 1] = 0;
    return len;
}

size_t dyad_dict_actor_codes(const dyad_dict *d, unsigned entry, const dyad_dict_code **out)
{
    if (out) *out = NULL;
    if (!d || entry == 0 || entry >= d->nent || d->ent[entry].kind != DYAD_DICT_ACTORS)
        return 0;
    const dyad__actor *a = &d->actors[d->ent[entry].group];
    if (out) *out = d->codes + a->first_code;
    return a->ncodes;
}

const dyad_dict_code *dyad_dict_actor_code(const dyad_dict *d, unsigned entry,
                                           const char *date)
{
    return dyad__dict_actor_code_day(d, entry, date ? dyad__dict_iso_date(date) : DYAD__NO_DATE);
}

const dyad_dict_code *dyad__dict_actor_code_day(const dyad_dict *d, unsigned entry, long day)
{
    const dyad_dict_code *c;
    size_t n = dyad_dict_actor_codes(d, entry, &c);
    if (day != DYAD__NO_DATE) {
        if (day < 0) return NULL;
        for (size_t i = 0; i < n; i++)
            if (c[i].when != DYAD_DICT_ALWAYS && c[i].from <= day && day <= c[i].to)
                return &c[i];
    }
    for (size_t i = 0; i < n; i++)
        if (c[i].when == DYAD_DICT_ALWAYS) return &c[i];
    return NULL;
}

size_t dyad_dict_block_count(const dyad_dict *d)
{
    return d && d->nblocks ? d->nblocks - 1 : 0;
}

dyad_status dyad_dict_block_get(const dyad_dict *d, unsigned id, dyad_dict_block *out)
{
    if (!d || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    if (id == 0 || id >= d->nblocks) return DYAD_ENOTFOUND;
    const dyad__block *b = &d->blocks[id];
    out->id = id;
    out->name = dyad__dict_str(d, b->name);
    out->code = dyad__dict_str(d, b->code);
    out->passive_code = dyad__dict_str(d, b->passive);
    out->file = S_file(d, b->file);
    out->line = b->line;
    out->first_pattern = b->first_pattern;
    out->npatterns = b->npatterns;
    return DYAD_OK;
}

size_t dyad_dict_pattern_count(const dyad_dict *d)
{
    return d && d->npats ? d->npats - 1 : 0;
}

dyad_status dyad_dict_pattern_get(const dyad_dict *d, unsigned id, dyad_dict_pattern *out)
{
    if (!d || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    if (id == 0 || id >= d->npats) return DYAD_ENOTFOUND;
    const dyad__pattern *p = &d->pats[id];
    out->id = id;
    out->block = p->block;
    out->code = dyad__dict_str(d, p->code);
    out->passive_code = dyad__dict_str(d, p->passive);
    out->file = S_file(d, p->file);
    out->line = p->line;
    out->text = p->text;
    out->elems = d->pelems + p->elems;
    out->nelems = p->nelems;
    out->verb = p->verb;
    return DYAD_OK;
}

size_t dyad_dict_synset_count(const dyad_dict *d)
{
    return d && d->nsyns ? d->nsyns - 1 : 0;
}

dyad_status dyad_dict_synset_get(const dyad_dict *d, unsigned id, dyad_dict_synset *out)
{
    if (!d || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    if (id == 0 || id >= d->nsyns) return DYAD_ENOTFOUND;
    const dyad__synset *s = &d->syns[id];
    out->id = id;
    out->name = dyad__dict_str(d, s->name);
    out->file = S_file(d, s->file);
    out->line = s->line;
    out->nmembers = s->nmembers;
    out->plurals = !s->noplural;
    return DYAD_OK;
}

unsigned dyad_dict_synset_find(const dyad_dict *d, const char *name)
{
    if (!d || !name) return 0;
    if (*name == '&') name++;
    uint32_t id = dyad__dict_find(d, name, strlen(name));
    return id ? dyad__map_get(&d->map, DYAD__NS_SYNSET | id) : 0;
}

size_t dyad_dict_transform_count(const dyad_dict *d)
{
    return d && d->ntfs ? d->ntfs - 1 : 0;
}

dyad_status dyad_dict_transform_get(const dyad_dict *d, unsigned id,
                                    dyad_dict_transform *out)
{
    if (!d || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    if (id == 0 || id >= d->ntfs) return DYAD_ENOTFOUND;
    const dyad__transform *t = &d->tfs[id];
    out->id = id;
    out->file = S_file(d, t->file);
    out->line = t->line;
    out->text = t->text;
    out->nlevels = t->nlevels;
    out->sources = t->sources;
    out->verbs = t->verbs;
    out->target = t->target;
    out->out_source = t->out_source;
    out->out_target = t->out_target;
    out->out_code = t->out_code;
    return DYAD_OK;
}
