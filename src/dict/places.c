/*
 * places.c -- the gazetteer (data layer): the place tables of a folder
 * (data/places/README.md) loaded into one sorted, read-only array that the
 * resolve stage searches by name.  countries.tsv (ISO 3166-1, required),
 * cities.tsv (GeoNames' cities, optional: empty when the build had no
 * libgeonames0) and overlay.tsv (our own places, optional).
 *
 * Every place is filed under a key: its name split into words the way the
 * text layer splits text, each word folded (case folded, accents and
 * apostrophes dropped, one final '.' dropped), joined by one blank.  So
 * "Dayr Ḩāfir" is found from "Dayr Hafir" and "Ma'rib" from "Marib".
 * Places with one key are ordered: overlay first, then by population
 * (largest first), then by country and name, so the first is the default
 * sense and the order never depends on the machine.  A key is found
 * through a hash index of the keys (the first place and how many share
 * it), built with the array.  Coordinates are kept
 * as integers of 1/10,000 degree, read without strtod (no locale).
 *
 * What must stay true: after dyad_places_new() nothing changes, so any
 * number of threads may share one gazetteer; a malformed line stops the
 * load with "PATH:LINE: what".
 */
#include "dict.h"

#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#define PLACES_MAX_FILE ((size_t)64 << 20)

struct dyad_places {
    dyad__err err;
    dyad__arena arena;          /* every string */
    dyad__place *v;             /* sorted by key, then sense order */
    size_t n, cap;
    char (*codes)[4];           /* valid country codes, sorted */
    size_t ncodes, cap_codes;
    uint8_t code_bits[(26 * 26 * 26 + 7) / 8];   /* the same codes as a set of
                                                   bits (every code is three
                                                   capitals: S_code3) */
    size_t ncities, noverlay, ncountries;
    unsigned max_words;
    uint32_t (*index)[2];       /* open addressing by key hash: the first
                                   place of a key and how many have it
                                   ({0, 0}: empty), nindex slots */
    size_t nindex;
    char *blob;                 /* a compiled gazetteer's strings (the
                                   places point into it), or NULL */
};

static uint32_t S_key_hash(const char *k)
{
    uint32_t h = 2166136261u;
    for (; *k; k++) h = (h ^ (unsigned char)*k) * 16777619u;
    return h;
}

/* The index of the sorted places by key (S_load_dir, once per load):
 * a lookup hashes its key and compares it with one or two keys where a
 * binary search compared about seventeen, scattered over the table. */
static int S_build_index(dyad_places *p)
{
    size_t keys = 0;
    for (size_t i = 0; i < p->n; i++) keys += i == 0 || strcmp(p->v[i].key, p->v[i - 1].key) != 0;
    size_t cap = 16;
    while (cap < 2 * keys) cap *= 2;
    if (p->n > UINT32_MAX - 1) return -1;
    p->index = calloc(cap, sizeof *p->index);
    if (!p->index) return -1;
    p->nindex = cap;
    for (size_t i = 0; i < p->n;) {
        size_t e = i + 1;
        while (e < p->n && !strcmp(p->v[e].key, p->v[i].key)) e++;
        size_t h = S_key_hash(p->v[i].key) & (cap - 1);
        while (p->index[h][1]) h = (h + 1) & (cap - 1);
        p->index[h][0] = (uint32_t)i;
        p->index[h][1] = (uint32_t)(e - i);
        i = e;
    }
    return 0;
}

/* ------------------------------------------------------------- folding */

static int S_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BB ||
           cp == 0x02BC || cp == 0x02BE || cp == 0x02BF || cp == 0x00B4;
}

size_t dyad__place_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            /* ASCII, most of every name: what the general path below
             * does with it, without decoding */
            i++;
            if (c == '\'' || c == '`') continue;
            if (k + 1 > cap) return 0;
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        int32_t cp;
        size_t len = dyad__utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (len == 0) return 0;
        i += len;
        if (S_apostrophe(cp)) continue;
        if (cp < 0x80) {
            if (k + 1 > cap) return 0;
            out[k++] = (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
            continue;
        }
        utf8proc_int32_t dst[8];
        int bound = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, dst, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &bound);
        if (m < 0 || m > 8) return 0;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            if (S_apostrophe(dst[j])) continue;
            if (k + 4 > cap) return 0;
            k += dyad__utf8_encode(dst[j], out + k);
        }
    }
    if (k > 1 && out[k - 1] == '.' && out[k - 2] != '.') k--;
    return k;
}

/* ------------------------------------------------------------- reading */

static dyad_status S_read(dyad_places *p, const char *path, char **out, size_t *len, int optional)
{
    *out = NULL;
    *len = 0;
    const char *why = NULL;
    FILE *f = dyad__fopen_regular(path, &why);   /* a FIFO must not block */
    if (!f) {
        if (optional && errno == ENOENT) return DYAD_ENOTFOUND;
        return dyad__err_set(&p->err, DYAD_EIO, "%s: %s", path, why);
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || (size_t)sb.st_size > PLACES_MAX_FILE) {
        fclose(f);
        return dyad__err_set(&p->err, DYAD_EIO, "%s: cannot read (or larger than 64 MiB)", path);
    }
    size_t n = (size_t)sb.st_size;
    char *buf = malloc(n + 1);
    if (!buf) {
        fclose(f);
        return dyad__err_set(&p->err, DYAD_ENOMEM, "out of memory");
    }
    size_t got = fread(buf, 1, n, f);
    int bad = ferror(f);
    fclose(f);
    if (bad || got != n) {
        free(buf);
        return dyad__err_set(&p->err, DYAD_EIO, "%s: read error", path);
    }
    buf[n] = 0;
    if (dyad__utf8_check((const unsigned char *)buf, n) != n || memchr(buf, 0, n)) {
        free(buf);
        return dyad__err_set(&p->err, DYAD_EDICT, "%s: not valid UTF-8 text", path);
    }
    *out = buf;
    *len = n;
    return DYAD_OK;
}

/* Splits line into at most max TAB-separated fields (NUL-terminating them
 * in place); returns how many there are (max + 1 when there are more). */
static size_t S_fields(char *line, char **f, size_t max)
{
    size_t k = 0;
    char *s = line;
    for (;;) {
        if (k == max) return max + 1;
        f[k++] = s;
        char *t = strchr(s, '\t');
        if (!t) return k;
        *t = 0;
        s = t + 1;
    }
}

/* Decimal degrees with at most four decimals, within +-limit, into
 * 1/10,000 degree.  0 when malformed. */
static int S_coord(const char *s, int limit, int32_t *out)
{
    int neg = 0;
    if (*s == '-') { neg = 1; s++; }
    if (*s < '0' || *s > '9') return 0;
    long v = 0;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++digits > 3) return 0;
        v = v * 10 + (*s - '0');
    }
    int dec = 0;
    if (*s == '.') {
        s++;
        for (; *s >= '0' && *s <= '9'; s++) {
            if (++dec > 4) return 0;
            v = v * 10 + (*s - '0');
        }
        if (dec == 0) return 0;
    }
    if (*s) return 0;
    for (; dec < 4; dec++) v *= 10;
    if (v > (long)limit * 10000) return 0;
    *out = (int32_t)(neg ? -v : v);
    return 1;
}

static int S_code3(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

/* The number of a code of three capitals, 0 .. 26^3 - 1. */
static unsigned S_code_index(const char *s)
{
    return ((unsigned)(s[0] - 'A') * 26 + (unsigned)(s[1] - 'A')) * 26 + (unsigned)(s[2] - 'A');
}

static int S_add_code(dyad_places *p, const char *code)
{
    if (DYAD__RESERVE(p->codes, p->cap_codes, p->ncodes + 1)) return -1;
    memcpy(p->codes[p->ncodes++], code, 4);
    return 0;
}

/* Adds a place named name (its key made with lx); DYAD_EDICT when the
 * name has no words or too many. */
static dyad_status S_add(dyad_places *p, dyad__lexer *lx, const char *name, const char *country,
                         const char *admin1, uint32_t pop, int32_t lat, int32_t lon, int kind,
                         int overlay)
{
    char words[512];
    dyad_dict_word w[DYAD__PLACE_MAX_WORDS];
    size_t nw = dyad__phrase_split(lx, name, strlen(name), words, sizeof words, w,
                                   DYAD__PLACE_MAX_WORDS);
    if (nw == 0) return DYAD_EDICT;
    char key[512];
    size_t kl = 0;
    size_t nk = 0;
    for (size_t i = 0; i < nw; i++) {
        char one[256];
        size_t m = dyad__place_fold(w[i].s, w[i].len, one, sizeof one);
        if (m == 0) continue;     /* a lone quote ("Madinat 'Isa") */
        if (kl + 1 + m >= sizeof key) return DYAD_EDICT;
        if (nk++) key[kl++] = ' ';
        memcpy(key + kl, one, m);
        kl += m;
    }
    if (nk == 0) return DYAD_EDICT;
    nw = nk;
    if (DYAD__RESERVE(p->v, p->cap, p->n + 1)) return DYAD_ENOMEM;
    dyad__place *pl = &p->v[p->n];
    memset(pl, 0, sizeof *pl);
    pl->key = dyad__arena_strndup(&p->arena, key, kl);
    pl->name = dyad__arena_strndup(&p->arena, name, strlen(name));
    pl->admin1 = dyad__arena_strndup(&p->arena, admin1, strlen(admin1));
    if (!pl->key || !pl->name || !pl->admin1) return DYAD_ENOMEM;
    memcpy(pl->country, country, 4);
    pl->lat = lat;
    pl->lon = lon;
    pl->pop = pop;
    pl->kind = (uint8_t)kind;
    pl->overlay = (uint8_t)overlay;
    pl->nwords = (uint8_t)nw;
    if (nw > p->max_words) p->max_words = (unsigned)nw;
    p->n++;
    return DYAD_OK;
}

typedef enum { F_COUNTRIES, F_CITIES, F_OVERLAY } S_file;

/* Loads one table.  Lines starting with '#' and blank lines are skipped. */
static dyad_status S_load(dyad_places *p, dyad__lexer *lx, const char *path, S_file which)
{
    char *text;
    size_t len;
    dyad_status st = S_read(p, path, &text, &len, which != F_COUNTRIES);
    if (st == DYAD_ENOTFOUND) return DYAD_OK;
    if (st != DYAD_OK) return st;
    unsigned long no = 0;
    char *line = text;
    while (line < text + len) {
        char *nl = strchr(line, '\n');
        char *next = nl ? nl + 1 : text + len;
        if (nl) *nl = 0;
        if (nl && nl > line && nl[-1] == '\r') nl[-1] = 0;
        no++;
        char *f[8];
        size_t nf;
        if (*line == '#' || *line == 0) goto next_line;
        nf = S_fields(line, f, 7);
        if (which == F_COUNTRIES) {
            /* ALPHA3 ALPHA2 NAME COMMON */
            if (nf != 4 || !S_code3(f[0]) || !*f[2]) goto bad;
            if (S_add_code(p, f[0])) goto oom;
            for (int k = 2; k <= 3; k++) {
                /* inverted ISO names ("Korea, Republic of") never occur in text */
                if (!*f[k] || strchr(f[k], ',')) continue;
                st = S_add(p, lx, f[k], f[0], "", 0, 0, 0, DYAD__PLACE_COUNTRY, 0);
                if (st == DYAD_ENOMEM) goto oom;
                if (st != DYAD_OK) goto bad;
            }
            p->ncountries++;
        } else if (which == F_CITIES) {
            /* NAME ALPHA3 ADMIN1 POPULATION LAT LON */
            int32_t lat, lon;
            char *end;
            if (nf != 6 || !*f[0] || !S_code3(f[1]) || !S_coord(f[4], 90, &lat) ||
                !S_coord(f[5], 180, &lon))
                goto bad;
            errno = 0;
            unsigned long pop = strtoul(f[3], &end, 10);
            if (*end || end == f[3] || errno || pop > UINT32_MAX) goto bad;
            st = S_add(p, lx, f[0], f[1], f[2], (uint32_t)pop, lat, lon, DYAD__PLACE_CITY, 0);
            if (st == DYAD_ENOMEM) goto oom;
            if (st != DYAD_OK) goto bad;
            p->ncities++;
        } else {
            /* NAME COUNTRY LAT LON KIND */
            int32_t lat = 0, lon = 0;
            int kind;
            if (nf != 5 || !*f[0] || !S_code3(f[1])) goto bad;
            if (!strcmp(f[4], "city")) kind = DYAD__PLACE_CITY;
            else if (!strcmp(f[4], "region")) kind = DYAD__PLACE_REGION;
            else if (!strcmp(f[4], "country")) kind = DYAD__PLACE_COUNTRY;
            else goto bad;
            if (kind == DYAD__PLACE_COUNTRY) {
                if (strcmp(f[2], "-") || strcmp(f[3], "-")) goto bad;
                if (S_add_code(p, f[1])) goto oom;
            } else if (!S_coord(f[2], 90, &lat) || !S_coord(f[3], 180, &lon)) {
                goto bad;
            }
            st = S_add(p, lx, f[0], f[1], "", 0, lat, lon, kind, 1);
            if (st == DYAD_ENOMEM) goto oom;
            if (st != DYAD_OK) goto bad;
            p->noverlay++;
        }
    next_line:
        line = next;
    }
    free(text);
    return DYAD_OK;
bad:
    free(text);
    return dyad__err_set(&p->err, DYAD_EDICT, "%s:%lu: malformed line (%s)", path, no,
                         which == F_COUNTRIES ? "want ALPHA3 TAB ALPHA2 TAB NAME TAB COMMON"
                         : which == F_CITIES ? "want NAME TAB ALPHA3 TAB ADMIN1 TAB POPULATION"
                                               " TAB LAT TAB LON"
                                             : "want NAME TAB ALPHA3 TAB LAT TAB LON TAB KIND");
oom:
    free(text);
    return dyad__err_set(&p->err, DYAD_ENOMEM, "out of memory");
}

static int S_cmp_place(const void *a, const void *b)
{
    const dyad__place *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->overlay != y->overlay) return x->overlay ? -1 : 1;
    if (x->pop != y->pop) return x->pop > y->pop ? -1 : 1;
    if ((c = strcmp(x->country, y->country))) return c;
    if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int S_cmp_code(const void *a, const void *b) { return strcmp(a, b); }

static dyad_status S_load_dir(dyad_places *p, const char *dir)
{
    static const char *const files[] = {"countries.tsv", "cities.tsv", "overlay.tsv"};
    dyad__lexer lx;
    dyad__lexer_init(&lx);
    dyad_status st = DYAD_OK;
    size_t dl = strlen(dir);
    for (int i = 0; i < 3 && st == DYAD_OK; i++) {
        size_t fl = strlen(files[i]);
        char *path = malloc(dl + 1 + fl + 1);
        if (!path) {
            st = dyad__err_set(&p->err, DYAD_ENOMEM, "out of memory");
            break;
        }
        memcpy(path, dir, dl);
        path[dl] = '/';
        memcpy(path + dl + 1, files[i], fl + 1);
        st = S_load(p, &lx, path, (S_file)i);
        free(path);
    }
    dyad__lexer_free(&lx);
    if (st != DYAD_OK) return st;
    if (p->n) qsort(p->v, p->n, sizeof *p->v, S_cmp_place);
    if (S_build_index(p) != 0) return dyad__err_set(&p->err, DYAD_ENOMEM, "out of memory");
    if (p->ncodes) qsort(p->codes, p->ncodes, sizeof *p->codes, S_cmp_code);
    for (size_t i = 0; i < p->ncodes; i++) {
        unsigned b = S_code_index(p->codes[i]);
        p->code_bits[b >> 3] |= (uint8_t)(1u << (b & 7));
    }
    /* every place's country must be a known one */
    for (size_t i = 0; i < p->n; i++)
        if (!dyad__places_country_ok(p, p->v[i].country))
            return dyad__err_set(&p->err, DYAD_EDICT,
                                 "%s: the place \"%s\" has the country %s, which is in neither "
                                 "countries.tsv nor the overlay's countries",
                                 dir, p->v[i].name, p->v[i].country);
    return DYAD_OK;
}

/* ------------------------------------------------- the compiled tables */

/* Splitting and folding every name costs about 94 M instructions, most
 * of a short run.  The build does it once (tools/places_compile.c) and
 * writes the result beside the tables as places.bin; dyad_places_new
 * reads it whole when it was made from the tables now in the folder (the
 * length and content hash of each of the three is in the file: else it
 * is stale and the tables are read as before, silently).  Nothing in the
 * file is used before it is checked; a damaged one is refused with one
 * message on stderr naming it and the byte, and the tables are read.
 * Layout, numbers fixed-width little-endian:
 *   0 "dyadplc\n"; u32 version, 0
 *   16 u64 length, hash of countries.tsv, cities.tsv, overlay.tsv
 *      (length UINT64_MAX: absent)
 *   64 u64 places, codes, index slots, string bytes
 *   96 u32 cities, overlay, countries, max_words
 *   112 u64 file length; 120 u64 hash of bytes 128..end
 *   128 places of 36 bytes: u32 key, name, admin1 (offsets into the
 *       strings); country[4]; i32 lat, lon; u32 pop; u8 kind, overlay,
 *       nwords, 0
 *   then codes of 4 bytes, index slots of 8 (u32 first, count), and the
 *   strings, each NUL-terminated.
 * Bump PC_VERSION when the keys are made differently. */
#define PC_MAGIC "dyadplc\n"
#define PC_VERSION 1u
#define PC_HEAD 128u
#define PC_REC 36u
static const char *const S_files[] = {"countries.tsv", "cities.tsv", "overlay.tsv"};


static char *S_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Length and content hash of the three tables of dir; -1 when one cannot
 * be read (the tables' own load then says why). */
static int S_sources(const char *dir, uint64_t src[6])
{
    for (int i = 0; i < 3; i++) {
        char *path = S_join(dir, S_files[i]);
        if (!path) return -1;
        unsigned char *b;
        size_t n;
        const char *why;
        int rc = dyad__read_file(path, PLACES_MAX_FILE, &b, &n, &why);
        free(path);
        if (rc < 0) return -1;
        src[2 * i] = rc == 1 ? UINT64_MAX : n;
        src[2 * i + 1] = rc == 1 ? 0 : dyad__hash64(0, b, n);
        free(b);
    }
    return 0;
}

void dyad__places_seal(void *buf, size_t len)
{
    unsigned char *b = buf;
    if (len < PC_HEAD) return;
    dyad__put_le64(b + 112, len);
    dyad__put_le64(b + 120, dyad__hash64(0, b + PC_HEAD, len - PC_HEAD));
}

/* Uses the compiled tables at path when made from src.  0: used; 1:
 * absent or stale; -1: malformed (note says why). */
static int S_load_compiled(dyad_places *p, const char *path, const uint64_t src[6], dyad__err *note)
{
    unsigned char *b;
    size_t len;
    const char *why = NULL;
    int rc = dyad__read_file(path, PLACES_MAX_FILE, &b, &len, &why);
    if (rc == 1) return 1;
    size_t at = 0;
    if (rc < 0) goto bad;
    why = "not a compiled gazetteer";
    if (len < PC_HEAD || memcmp(b, PC_MAGIC, 8) != 0) goto bad;
    if (dyad__get_le32(b + 8) != PC_VERSION) { free(b); return 1; }
    for (int i = 0; i < 6; i++)
        if (dyad__get_le64(b + 16 + 8 * i) != src[i]) { free(b); return 1; }
    at = 112;
    why = "its length field differs from the file's length (truncated?)";
    if (dyad__get_le64(b + 112) != len) goto bad;
    at = 120;
    why = "checksum mismatch (the file is damaged)";
    if (dyad__get_le64(b + 120) != dyad__hash64(0, b + PC_HEAD, len - PC_HEAD)) goto bad;
    uint64_t n = dyad__get_le64(b + 64), ncodes = dyad__get_le64(b + 72), nindex = dyad__get_le64(b + 80),
             nstr = dyad__get_le64(b + 88);
    at = 64;
    why = "section sizes beyond the file";
    if (n > len / PC_REC || ncodes > len / 4 || nindex > len / 8 || nstr > len ||
        PC_HEAD + n * PC_REC + ncodes * 4 + nindex * 8 + nstr != len)
        goto bad;
    why = "index size is not a power of two";
    if (nindex < 16 || (nindex & (nindex - 1)) || n > UINT32_MAX - 1) goto bad;
    const unsigned char *rec = b + PC_HEAD, *codes = rec + n * PC_REC, *ix = codes + ncodes * 4;
    const char *str = (const char *)(ix + nindex * 8);
    why = "strings not terminated";
    at = (size_t)((const unsigned char *)str - b);
    if (nstr == 0 || str[nstr - 1] != 0) goto bad;
    p->max_words = dyad__get_le32(b + 108);
    at = 108;
    why = "too many words";
    if (p->max_words > DYAD__PLACE_MAX_WORDS) goto bad;
    p->v = calloc(n ? n : 1, sizeof *p->v);
    p->codes = malloc((ncodes ? ncodes : 1) * sizeof *p->codes);
    p->index = calloc(nindex, sizeof *p->index);
    p->blob = malloc(nstr);
    why = "out of memory";
    if (!p->v || !p->codes || !p->index || !p->blob) goto bad;
    memcpy(p->blob, str, nstr);   /* the places point into this copy */
    for (uint64_t i = 0; i < n; i++, rec += PC_REC) {
        at = (size_t)(rec - b);
        dyad__place *pl = &p->v[i];
        uint32_t k = dyad__get_le32(rec), nm = dyad__get_le32(rec + 4), a1 = dyad__get_le32(rec + 8);
        why = "a string offset beyond the strings";
        if (k >= nstr || nm >= nstr || a1 >= nstr) goto bad;
        pl->key = p->blob + k;
        pl->name = p->blob + nm;
        pl->admin1 = p->blob + a1;
        memcpy(pl->country, rec + 12, 4);
        pl->lat = (int32_t)dyad__get_le32(rec + 16);
        pl->lon = (int32_t)dyad__get_le32(rec + 20);
        pl->pop = dyad__get_le32(rec + 24);
        pl->kind = rec[28];
        pl->overlay = rec[29];
        pl->nwords = rec[30];
        why = "a malformed place";
        if (pl->country[3] || pl->kind < DYAD__PLACE_COUNTRY || pl->kind > DYAD__PLACE_CITY ||
            pl->overlay > 1 || pl->nwords == 0 || pl->nwords > p->max_words)
            goto bad;
    }
    for (uint64_t i = 0; i < ncodes; i++) {
        at = (size_t)(codes + 4 * i - b);
        memcpy(p->codes[i], codes + 4 * i, 4);
        why = "a malformed country code";
        if (p->codes[i][3] || !S_code3(p->codes[i])) goto bad;
        unsigned bit = S_code_index(p->codes[i]);
        p->code_bits[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    }
    int empty = 0;
    for (uint64_t h = 0; h < nindex; h++) {
        at = (size_t)(ix + 8 * h - b);
        uint32_t first = dyad__get_le32(ix + 8 * h), count = dyad__get_le32(ix + 8 * h + 4);
        why = "an index slot beyond the places";
        if (count == 0) { empty = 1; continue; }
        if (first >= n || count > n - first) goto bad;
        p->index[h][0] = first;
        p->index[h][1] = count;
    }
    why = "an index without an empty slot";
    if (!empty) goto bad;
    p->n = p->cap = (size_t)n;
    p->ncodes = p->cap_codes = (size_t)ncodes;
    p->nindex = (size_t)nindex;
    p->ncities = dyad__get_le32(b + 96);
    p->noverlay = dyad__get_le32(b + 100);
    p->ncountries = dyad__get_le32(b + 104);
    free(b);
    return 0;
bad:
    dyad__err_set(note, DYAD_EDICT, "%s: byte %zu: %s; the gazetteer is read from its tables "
                  "instead", path, at, why);
    free(b);
    free(p->v);
    free(p->codes);
    free(p->index);
    free(p->blob);
    p->v = NULL;
    p->codes = NULL;
    p->index = NULL;
    p->blob = NULL;
    p->max_words = 0;
    memset(p->code_bits, 0, sizeof p->code_bits);
    return -1;
}

static dyad_status S_new(dyad_places **out, const char *dir, int compiled)
{
    if (!out) return DYAD_EINVAL;
    dyad_places *p = calloc(1, sizeof *p);
    *out = p;
    if (!p) return DYAD_ENOMEM;
    dyad__arena_init(&p->arena, (size_t)256 << 20);
    if (!dir || !*dir) dir = dyad_data_dir("places");
    dyad_status st = DYAD_OK;
    uint64_t src[6];
    int used = 0;
    if (compiled && S_sources(dir, src) == 0) {
        char *path = S_join(dir, "places.bin");
        dyad__err note;
        dyad__err_clear(&note);
        if (path) used = S_load_compiled(p, path, src, &note) == 0;
        dyad__log(note.msg);
        free(path);
    }
    if (!used) st = S_load_dir(p, dir);
    if (st != DYAD_OK) {
        /* a handle that only carries the message */
        dyad__err err = p->err;
        dyad_places_free(p);
        p = calloc(1, sizeof *p);
        *out = p;
        if (p) p->err = err;
        return st;
    }
    return DYAD_OK;
}

dyad_status dyad_places_new(dyad_places **out, const char *dir) { return S_new(out, dir, 1); }

int dyad__places_is_compiled(const dyad_places *p) { return p && p->blob != NULL; }

dyad_status dyad__places_compile(const char *dir, const char *path, dyad__err *err)
{
    dyad_places *p;
    dyad_status st = S_new(&p, dir, 0);
    if (st != DYAD_OK) {
        dyad__err_set(err, st, "%s", dyad_places_errmsg(p));
        dyad_places_free(p);
        return st;
    }
    if (!dir || !*dir) dir = dyad_data_dir("places");
    uint64_t src[6];
    unsigned char *b = NULL;
    if (S_sources(dir, src) != 0) {
        st = dyad__err_set(err, DYAD_EIO, "%s: cannot read its tables", dir);
        goto done;
    }
    /* the strings: "" first, then each place's three */
    size_t nstr = 1;
    for (size_t i = 0; i < p->n; i++)
        nstr += strlen(p->v[i].key) + strlen(p->v[i].name) + strlen(p->v[i].admin1) + 3;
    size_t len = PC_HEAD + p->n * PC_REC + p->ncodes * 4 + p->nindex * 8 + nstr;
    b = calloc(1, len);
    if (!b || nstr > UINT32_MAX) {
        st = dyad__err_set(err, DYAD_ENOMEM, "out of memory");
        goto done;
    }
    memcpy(b, PC_MAGIC, 8);
    dyad__put_le32(b + 8, PC_VERSION);
    for (int i = 0; i < 6; i++) dyad__put_le64(b + 16 + 8 * i, src[i]);
    dyad__put_le64(b + 64, p->n);
    dyad__put_le64(b + 72, p->ncodes);
    dyad__put_le64(b + 80, p->nindex);
    dyad__put_le64(b + 88, nstr);
    dyad__put_le32(b + 96, (uint32_t)p->ncities);
    dyad__put_le32(b + 100, (uint32_t)p->noverlay);
    dyad__put_le32(b + 104, (uint32_t)p->ncountries);
    dyad__put_le32(b + 108, p->max_words);
    unsigned char *rec = b + PC_HEAD, *codes = rec + p->n * PC_REC, *ix = codes + p->ncodes * 4;
    char *str = (char *)(ix + p->nindex * 8);
    size_t so = 1;
    for (size_t i = 0; i < p->n; i++, rec += PC_REC) {
        const dyad__place *pl = &p->v[i];
        const char *f[3] = {pl->key, pl->name, pl->admin1};
        for (int k = 0; k < 3; k++) {
            size_t m = strlen(f[k]);
            if (m == 0) { dyad__put_le32(rec + 4 * k, 0); continue; }
            dyad__put_le32(rec + 4 * k, (uint32_t)so);
            memcpy(str + so, f[k], m + 1);
            so += m + 1;
        }
        memcpy(rec + 12, pl->country, 4);
        dyad__put_le32(rec + 16, (uint32_t)pl->lat);
        dyad__put_le32(rec + 20, (uint32_t)pl->lon);
        dyad__put_le32(rec + 24, pl->pop);
        rec[28] = pl->kind;
        rec[29] = pl->overlay;
        rec[30] = pl->nwords;
    }
    for (size_t i = 0; i < p->ncodes; i++) memcpy(codes + 4 * i, p->codes[i], 4);
    for (size_t h = 0; h < p->nindex; h++) {
        dyad__put_le32(ix + 8 * h, p->index[h][0]);
        dyad__put_le32(ix + 8 * h + 4, p->index[h][1]);
    }
    len -= nstr - so;   /* empty strings shared */
    dyad__put_le64(b + 88, so);
    dyad__places_seal(b, len);
    st = dyad__write_file(path, b, len, err);
done:
    free(b);
    dyad_places_free(p);
    return st;
}

void dyad_places_free(dyad_places *p)
{
    if (!p) return;
    free(p->v);
    free(p->codes);
    free(p->index);
    free(p->blob);
    dyad__arena_free(&p->arena);
    free(p);
}

const char *dyad_places_errmsg(const dyad_places *p)
{
    if (!p) return "out of memory";
    return p->err.msg;
}

void dyad_places_counts(const dyad_places *p, size_t *cities, size_t *overlay, size_t *countries)
{
    if (cities) *cities = p ? p->ncities : 0;
    if (overlay) *overlay = p ? p->noverlay : 0;
    if (countries) *countries = p ? p->ncountries : 0;
}

/* -------------------------------------------------------------- lookups */

size_t dyad__places_find(const dyad_places *p, const char *key, const dyad__place **out)
{
    *out = NULL;
    if (!p || !p->n || !p->index) return 0;
    size_t mask = p->nindex - 1;
    for (size_t h = S_key_hash(key) & mask; p->index[h][1]; h = (h + 1) & mask) {
        const dyad__place *first = &p->v[p->index[h][0]];
        if (!strcmp(first->key, key)) {
            *out = first;
            return p->index[h][1];
        }
    }
    return 0;
}

int dyad__places_country_ok(const dyad_places *p, const char *code)
{
    /* every known code is three capitals (S_code3), so nothing else is one */
    if (!p || !code || !S_code3(code)) return 0;
    unsigned b = S_code_index(code);
    return (p->code_bits[b >> 3] >> (b & 7)) & 1u;
}

unsigned dyad__places_max_words(const dyad_places *p) { return p ? p->max_words : 0; }

/* The built-in gazetteer, loaded once per process by the first caller. */
static pthread_once_t S_builtin_once = PTHREAD_ONCE_INIT;
static dyad_places *S_builtin;

static void S_load_builtin(void)
{
    dyad_places *p = NULL;
    if (dyad_places_new(&p, NULL) == DYAD_OK) S_builtin = p;
    else dyad_places_free(p);
}

const dyad_places *dyad__places_builtin(void)
{
    pthread_once(&S_builtin_once, S_load_builtin);
    return S_builtin;
}
