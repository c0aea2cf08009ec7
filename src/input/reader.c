/*
 * reader.c -- dyad_reader: walks the queued inputs (files, directories
 * recursively in sorted order, "-" for stdin), picks each file's format
 * (forced, by extension, or by its first bytes) and yields documents from
 * the plain-text, JSON Lines or PETRARCH XML reader.
 * Invariant: an error never ends the run.  It skips the smallest unit it
 * can (a JSON line, a document, the rest of a damaged file), is reported
 * once with file and line or byte offset, and the next call goes on.
 * Each file and directory is visited once, by device and inode, so
 * symbolic links that loop (two links to ".") or repeat a file cost
 * nothing; what is not a regular file (a FIFO, a device) is refused with
 * a message and never opened in a way that could block.
 */
#include "reader_impl.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#define DEFAULT_MAX_DOC ((size_t)16 << 20)

dyad_status dyad_format_parse(const char *name, dyad_format *out)
{
    static const struct { const char *name; dyad_format f; } names[] = {
        {"auto", DYAD_FORMAT_AUTO},   {"text", DYAD_FORMAT_TEXT},
        {"txt", DYAD_FORMAT_TEXT},    {"jsonl", DYAD_FORMAT_JSONL},
        {"json", DYAD_FORMAT_JSONL},  {"ndjson", DYAD_FORMAT_JSONL},
        {"xml", DYAD_FORMAT_PETRXML}, {"petrxml", DYAD_FORMAT_PETRXML},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(names); i++)
        if (strcmp(name, names[i].name) == 0) { *out = names[i].f; return DYAD_OK; }
    return DYAD_EINVAL;
}

dyad_status dyad_reader_new(dyad_reader **out, const dyad_reader_options *opts)
{
    *out = NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return DYAD_ENOMEM;
    if (opts) r->opts = *opts;
    if (!r->opts.max_doc_bytes) r->opts.max_doc_bytes = DEFAULT_MAX_DOC;
    dyad__arena_init(&r->arena, 0);
    dyad__buf_init(&r->line);
    dyad__buf_init(&r->text);
    dyad__buf_init(&r->parse);
    *out = r;
    return DYAD_OK;
}

/* Inserts paths at the cursor (so a directory's entries are read next, in
 * order, before the inputs queued after the directory). */
static dyad_status S_insert(dyad_reader *r, const dyad__input *in, size_t n)
{
    if (r->npaths + n > r->cap_paths) {
        size_t cap = r->cap_paths ? r->cap_paths : 16;
        while (cap < r->npaths + n) cap *= 2;
        dyad__input *p = realloc(r->paths, cap * sizeof *p);
        if (!p) return DYAD_ENOMEM;
        r->paths = p;
        r->cap_paths = cap;
    }
    memmove(r->paths + r->cursor + n, r->paths + r->cursor,
            (r->npaths - r->cursor) * sizeof *r->paths);
    memcpy(r->paths + r->cursor, in, n * sizeof *in);
    r->npaths += n;
    return DYAD_OK;
}

static dyad_status S_append(dyad_reader *r, const char *path, const char *mem,
                            size_t memlen)
{
    dyad__input in = {strdup(path), mem, memlen};
    if (!in.path) return DYAD_ENOMEM;
    size_t save = r->cursor;
    r->cursor = r->npaths;              /* append at the end */
    dyad_status st = S_insert(r, &in, 1);
    r->cursor = save;
    if (st != DYAD_OK) free(in.path);
    return st;
}

dyad_status dyad_reader_add(dyad_reader *r, const char *path)
{
    return S_append(r, path, NULL, 0);
}

dyad_status dyad_reader_add_memory(dyad_reader *r, const char *name,
                                   const char *data, size_t len)
{
    if (!data && len) return DYAD_EINVAL;
    return S_append(r, name, data ? data : "", len);
}

const char *dyad_reader_errmsg(const dyad_reader *r) { return r->err.msg; }

const char *dyad_reader_warning(const dyad_reader *r)
{
    return r->warn.msg[0] ? r->warn.msg : NULL;
}

static void S_close_current(dyad_reader *r)
{
    if (!r->open) return;
    dyad__xml_close(r);
    dyad__stream_close(&r->s);
    r->open = 0;
}

void dyad_reader_free(dyad_reader *r)
{
    if (!r) return;
    S_close_current(r);
    for (size_t i = 0; i < r->npaths; i++) free(r->paths[i].path);
    free(r->paths);
    free(r->seen);
    dyad__arena_free(&r->arena);
    dyad__buf_free(&r->line);
    dyad__buf_free(&r->text);
    dyad__buf_free(&r->parse);
    free(r);
}

/* Records (dev, ino) as visited.  Returns 1 when it was new, 0 when it
 * had been visited, -1 when out of memory. */
static int S_visit(dyad_reader *r, unsigned long long dev, unsigned long long ino)
{
    if ((r->nseen + 1) * 2 > r->cap_seen) {
        size_t cap = r->cap_seen ? r->cap_seen * 2 : 64;
        dyad__file_id *v = calloc(cap, sizeof *v);
        if (!v) return -1;
        for (size_t i = 0; i < r->cap_seen; i++) {
            if (!r->seen[i].used) continue;
            size_t h = (size_t)((r->seen[i].dev * 0x9E3779B97F4A7C15ULL) ^ r->seen[i].ino);
            h = (size_t)(h * 0xFF51AFD7ED558CCDULL);
            while (v[h & (cap - 1)].used) h++;
            v[h & (cap - 1)] = r->seen[i];
        }
        free(r->seen);
        r->seen = v;
        r->cap_seen = cap;
    }
    size_t h = (size_t)((dev * 0x9E3779B97F4A7C15ULL) ^ ino);
    h = (size_t)(h * 0xFF51AFD7ED558CCDULL);
    for (;; h++) {
        dyad__file_id *e = &r->seen[h & (r->cap_seen - 1)];
        if (!e->used) {
            e->dev = dev;
            e->ino = ino;
            e->used = 1;
            r->nseen++;
            return 1;
        }
        if (e->dev == dev && e->ino == ino) return 0;
    }
}

static const char *S_kind(mode_t m)
{
    return S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket"
           : S_ISCHR(m) || S_ISBLK(m) ? "a device" : "an unknown kind";
}

static int S_cmp(const void *a, const void *b)
{
    return strcmp(((const dyad__input *)a)->path, ((const dyad__input *)b)->path);
}

/* Replaces the directory at the cursor by its sorted entries. */
static dyad_status S_expand_dir(dyad_reader *r, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return dyad__err_set(&r->err, DYAD_EIO, "%s: cannot open directory: %s",
                             dir, strerror(errno));
    dyad__input *names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    struct dirent *e;
    size_t dlen = strlen(dir);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;   /* hidden, . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            dyad__input *p = realloc(names, cap * sizeof *p);
            if (!p) { st = DYAD_ENOMEM; break; }
            names = p;
        }
        size_t len = dlen + 1 + strlen(e->d_name) + 1;
        char *full = malloc(len);
        if (!full) { st = DYAD_ENOMEM; break; }
        snprintf(full, len, "%s%s%s", dir,
                 (dlen && dir[dlen - 1] == '/') ? "" : "/", e->d_name);
        names[n].path = full;
        names[n].mem = NULL;
        names[n].memlen = 0;
        n++;
    }
    closedir(d);
    if (st == DYAD_OK) {
        qsort(names, n, sizeof *names, S_cmp);
        st = S_insert(r, names, n);
    }
    if (st != DYAD_OK) {
        for (size_t i = 0; i < n; i++) free(names[i].path);
        dyad__err_set(&r->err, st, "%s: out of memory listing directory", dir);
    }
    free(names);
    return st;
}

/* The file name without directories and without compression and format
 * extensions: "data/a.txt.gz" -> "a". */
static void S_stem(dyad_reader *r, const char *path)
{
    if (strcmp(path, "-") == 0) { snprintf(r->stem, sizeof r->stem, "stdin"); return; }
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    snprintf(r->stem, sizeof r->stem, "%s", b);
    for (int k = 0; k < 2; k++) {
        char *dot = strrchr(r->stem, '.');
        if (!dot || dot == r->stem) break;
        int compressed = strcmp(dot, ".gz") == 0 || strcmp(dot, ".zst") == 0;
        *dot = 0;
        if (!compressed) break;
    }
}

static dyad_format S_format_by_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", b);
    char *dot = strrchr(tmp, '.');
    if (dot && (strcmp(dot, ".gz") == 0 || strcmp(dot, ".zst") == 0)) {
        *dot = 0;
        dot = strrchr(tmp, '.');
    }
    if (!dot) return DYAD_FORMAT_AUTO;
    if (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0 ||
        strcmp(dot, ".json") == 0)
        return DYAD_FORMAT_JSONL;
    if (strcmp(dot, ".xml") == 0) return DYAD_FORMAT_PETRXML;
    if (strcmp(dot, ".txt") == 0 || strcmp(dot, ".text") == 0)
        return DYAD_FORMAT_TEXT;
    return DYAD_FORMAT_AUTO;
}

/* Looks at the first decoded bytes: '{' means JSON Lines, '<' XML. */
static dyad_format S_sniff(dyad_reader *r)
{
    int rc = dyad__stream_fill(&r->s);
    if (rc <= 0) return DYAD_FORMAT_TEXT;
    const unsigned char *p = r->s.buf + r->s.pos, *e = r->s.buf + r->s.len;
    if (e - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) p += 3;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    if (p < e && *p == '{') return DYAD_FORMAT_JSONL;
    if (p < e && *p == '<') return DYAD_FORMAT_PETRXML;
    return DYAD_FORMAT_TEXT;
}

/* Opens the input at the cursor.  DYAD_OK when a file is open; an error
 * when this input is skipped (message set); DYAD_EOF when none remain. */
static dyad_status S_open_next(dyad_reader *r)
{
    while (r->cursor < r->npaths) {
        dyad__input *in = &r->paths[r->cursor];
        char *path = in->path;
        const char *mem = in->mem;
        size_t memlen = in->memlen;
        r->cursor++;
        if (!mem && strcmp(path, "-") != 0) {
            struct stat sb;
            if (stat(path, &sb) != 0)
                return dyad__err_set(&r->err, DYAD_EIO, "%s: cannot open: %s",
                                     path, strerror(errno));
            if (!S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode)) {
                return dyad__err_set(&r->err, DYAD_EIO, "%s: not a regular file (%s); "
                                     "skipped", path, S_kind(sb.st_mode));
            }
            int fresh = S_visit(r, (unsigned long long)sb.st_dev,
                                (unsigned long long)sb.st_ino);
            if (fresh < 0)
                return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", path);
            if (!fresh && S_ISREG(sb.st_mode)) continue;   /* read already */
            if (S_ISDIR(sb.st_mode)) {
                r->cursor--;                 /* replace it by its entries */
                memmove(r->paths + r->cursor, r->paths + r->cursor + 1,
                        (r->npaths - r->cursor - 1) * sizeof *r->paths);
                r->npaths--;
                dyad_status st = fresh ? S_expand_dir(r, path) : DYAD_OK;
                free(path);
                if (st != DYAD_OK) return st;
                continue;
            }
        }
        r->path = path;
        dyad_status st = dyad__stream_open(&r->s, path, mem, memlen);
        if (st != DYAD_OK)
            return dyad__err_set(&r->err, st, "%s: %s", path, r->s.err.msg);
        r->open = 1;
        r->lineno = 0;
        r->done_file = 0;
        S_stem(r, path);
        r->fmt = r->opts.format;
        if (r->fmt == DYAD_FORMAT_AUTO) r->fmt = S_format_by_name(path);
        if (r->fmt == DYAD_FORMAT_AUTO) r->fmt = S_sniff(r);
        if (r->fmt == DYAD_FORMAT_PETRXML) {
            st = dyad__xml_open(r);
            if (st != DYAD_OK) {
                S_close_current(r);
                return st;
            }
        }
        return DYAD_OK;
    }
    return DYAD_EOF;
}

/* Fills r->doc with defaults for a document of the current file. */
void dyad__reader_doc_init(dyad_reader *r, unsigned long line)
{
    memset(&r->doc, 0, sizeof r->doc);
    r->doc.path = r->path;
    r->doc.line = line;
}

/* An id for a document that has none: "stem:LINE". */
const char *dyad__reader_derived_id(dyad_reader *r, unsigned long line)
{
    char tmp[300];
    int n = snprintf(tmp, sizeof tmp, "%s:%lu", r->stem, line);
    return dyad__arena_strndup(&r->arena, tmp, (size_t)n);
}

/* Sets doc.date from a string in any accepted form, or warns. */
void dyad__reader_set_date(dyad_reader *r, const char *s, size_t n,
                           const char *field)
{
    char iso[11];
    if (dyad__date_normalize(s, n, iso) == 0) {
        r->doc.date = dyad__arena_strndup(&r->arena, iso, 10);
    } else {
        dyad__err_set(&r->warn, DYAD_EFORMAT,
                      "%s:%lu: document kept without a date: %s \"%.*s\" is "
                      "not a valid date", r->path, r->doc.line, field,
                      (int)(n > 40 ? 40 : n), s);
    }
}

/* Checks the text of a document about to be returned. */
dyad_status dyad__reader_check_text(dyad_reader *r, const char *text, size_t n)
{
    const char *nul = memchr(text, 0, n);
    if (nul)
        return dyad__err_set(&r->err, DYAD_EBINARY,
                             "%s:%lu: binary data (NUL byte at byte %zu of the "
                             "document); document skipped",
                             r->path, r->doc.line, (size_t)(nul - text));
    size_t bad = dyad__utf8_check((const unsigned char *)text, n);
    if (bad < n)
        return dyad__err_set(&r->err, DYAD_EUTF8,
                             "%s:%lu: invalid UTF-8 at byte %zu of the document "
                             "(0x%02X); document skipped", r->path, r->doc.line,
                             bad, (unsigned char)text[bad]);
    return DYAD_OK;
}

/* ------------------------------------------------------------ plain text */

static dyad_status S_next_text(dyad_reader *r)
{
    r->done_file = 1;
    dyad__buf_clear(&r->text);
    dyad__reader_doc_init(r, 1);
    for (;;) {
        int rc = dyad__stream_fill(&r->s);
        if (rc < 0)
            return dyad__err_set(&r->err, r->s.status, "%s: %s; document skipped",
                                 r->path, r->s.err.msg);
        if (rc == 0) break;
        size_t n = r->s.len - r->s.pos;
        if (r->text.len + n > r->opts.max_doc_bytes)
            return dyad__err_set(&r->err, DYAD_ETOOBIG,
                                 "%s: byte %zu: document larger than the limit of %zu "
                                 "bytes; skipped", r->path, r->opts.max_doc_bytes,
                                 r->opts.max_doc_bytes);
        dyad__buf_append(&r->text, r->s.buf + r->s.pos, n);
        r->s.pos = r->s.len;
        if (r->text.oom)
            return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", r->path);
    }
    /* A byte-order mark stays in the text, so offsets count the file's
     * bytes; the text stage drops U+FEFF wherever it appears. */
    const char *t = r->text.data ? r->text.data : "";
    size_t n = r->text.len;
    const char *nul = memchr(t, 0, n);
    if (nul)
        return dyad__err_set(&r->err, DYAD_EBINARY,
                             "%s: byte %zu: binary file (NUL byte); skipped",
                             r->path, (size_t)(nul - t));
    size_t bad = dyad__utf8_check((const unsigned char *)t, n);
    if (bad < n) {
        unsigned long line = 1;
        for (size_t i = 0; i < bad; i++) line += t[i] == '\n';
        return dyad__err_set(&r->err, DYAD_EUTF8,
                             "%s:%lu: byte %zu: invalid UTF-8 (0x%02X); "
                             "document skipped", r->path, line, bad,
                             (unsigned char)t[bad]);
    }
    r->doc.id = r->stem;
    r->doc.text = t;
    r->doc.len = n;
    return DYAD_OK;
}

/* ----------------------------------------------------------- JSON Lines */

static const char *S_json_str(dyad_reader *r, json_t *obj, const char *key,
                              size_t *len)
{
    json_t *v = json_object_get(obj, key);
    if (!v) return NULL;
    if (json_is_string(v)) {
        if (len) *len = json_string_length(v);
        return dyad__arena_strndup(&r->arena, json_string_value(v),
                                   json_string_length(v));
    }
    if (json_is_integer(v)) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT,
                         json_integer_value(v));
        if (len) *len = (size_t)n;
        return dyad__arena_strndup(&r->arena, tmp, (size_t)n);
    }
    return NULL;
}

/* The fields dyad reads from a JSON line. */
static const char *const S_fields[] = {"id", "text", "source", "url", "title", "date",
                                       "published"};

/* Nonzero when the number literal s[0..n) is one jansson refuses: an
 * integer outside int64, or a real that overflows a double. */
static int S_number_out_of_range(const char *s, size_t n)
{
    char tmp[64];
    int real = memchr(s, '.', n) || memchr(s, 'e', n) || memchr(s, 'E', n);
    if (!real) {
        size_t digits = n - (s[0] == '-');
        if (digits < 19) return 0;
        if (digits > 19) return 1;
        snprintf(tmp, sizeof tmp, "%.*s", (int)n, s);
        errno = 0;
        (void)strtoll(tmp, NULL, 10);
        return errno == ERANGE;
    }
    /* a long mantissa is fine; only the exponent can overflow */
    char *buf = n < sizeof tmp ? tmp : malloc(n + 1);
    if (!buf) return 0;
    memcpy(buf, s, n);
    buf[n] = 0;
    errno = 0;
    double v = strtod(buf, NULL);
    int bad = errno == ERANGE && v != 0;
    if (buf != tmp) free(buf);
    return bad;
}

/* Copies the JSON text p[0..n) into out with every number that jansson
 * would refuse ("1e400", a 30-digit integer; never shorter than four
 * bytes) replaced by null and spaces, so a
 * number in a field dyad ignores never costs the line.  When such a
 * number is the value of a top-level field dyad reads, that field's
 * name and the number go into *field / *num (the first one only).
 * Returns the count of numbers replaced. */
static size_t S_json_defuse(const char *p, size_t n, dyad__buf *out, const char **field,
                            const char **num, size_t *numlen)
{
    size_t replaced = 0, depth = 0, i = 0;
    const char *key = NULL;         /* last string at depth 1 before ':' */
    size_t keylen = 0;
    int want_value = 0;             /* after "key": at depth 1 */
    dyad__buf_clear(out);
    while (i < n) {
        char c = p[i];
        if (c == '"') {
            size_t a = i++;
            while (i < n && p[i] != '"') i += p[i] == '\\' ? 2 : 1;
            if (i < n) i++;
            if (i > n) i = n;
            dyad__buf_append(out, p + a, i - a);
            if (depth == 1 && !want_value) { key = p + a + 1; keylen = i - a - 2; }
            else want_value = 0;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            size_t a = i;
            while (i < n && (p[i] == '-' || p[i] == '+' || p[i] == '.' || p[i] == 'e' ||
                             p[i] == 'E' || (p[i] >= '0' && p[i] <= '9')))
                i++;
            if (i - a >= 4 && S_number_out_of_range(p + a, i - a)) {
                /* same length, so columns in later messages still fit */
                dyad__buf_append(out, "null", 4);
                for (size_t k = a + 4; k < i; k++) dyad__buf_putc(out, ' ');
                replaced++;
                if (want_value && key && !*field) {
                    for (size_t k = 0; k < DYAD_ARRAY_LEN(S_fields); k++)
                        if (strlen(S_fields[k]) == keylen &&
                            memcmp(S_fields[k], key, keylen) == 0) {
                            *field = S_fields[k];
                            *num = p + a;
                            *numlen = i - a;
                        }
                }
            } else {
                dyad__buf_append(out, p + a, i - a);
            }
            want_value = 0;
            continue;
        }
        if (c == '{' || c == '[') depth++;
        else if ((c == '}' || c == ']') && depth) depth--;
        if (c == ':' && depth == 1) want_value = 1;
        else if (c == ',' || c == '{' || c == '[') want_value = 0;
        dyad__buf_putc(out, c);
        i++;
    }
    return replaced;
}

/* ------------------------------------------- JSON Lines: the common line
 *
 * Most lines are one flat object of short strings.  Building jansson's
 * tree for them (a hash table per object, a copy of every string) was the
 * reader's whole cost, about a tenth of `dyad code`.  This scanner reads
 * such a line in one pass and copies only the fields dyad keeps.  It
 * accepts a line only when it is sure jansson would read the same values:
 * valid UTF-8, strict JSON grammar, the read fields strings without \u
 * escapes and each given once, numbers short and without exponent, nesting
 * shallow.  Anything else (including every malformed line) goes to
 * jansson, so messages and edge cases stay exactly jansson's. */

typedef struct jscan {
    const char *p;
    size_t n, i;
} jscan;

#define JSCAN_DEPTH 64

static void S_jws(jscan *s)
{
    while (s->i < s->n && (s->p[s->i] == ' ' || s->p[s->i] == '\t' || s->p[s->i] == '\n' ||
                           s->p[s->i] == '\r'))
        s->i++;
}

/* The string whose quote is at s->i: its raw contents [*a, *b), *esc set
 * when it holds escapes.  0 for one left to jansson (a \u escape, a
 * control byte, no closing quote). */
/* S_jplain[c]: byte c stands for itself inside a JSON string (not a
 * control character, the quote or the backslash) */
#define J1(c) ((c) >= 0x20 && (c) != '"' && (c) != '\\')
#define J4(c) J1(c), J1((c) + 1), J1((c) + 2), J1((c) + 3)
#define J16(c) J4(c), J4((c) + 4), J4((c) + 8), J4((c) + 12)
#define J64(c) J16(c), J16((c) + 16), J16((c) + 32), J16((c) + 48)
static const unsigned char S_jplain[256] = {J64(0), J64(64), J64(128), J64(192)};
#undef J64
#undef J16
#undef J4
#undef J1

static int S_jstr(jscan *s, size_t *a, size_t *b, int *esc)
{
    const unsigned char *p = (const unsigned char *)s->p;
    size_t i = s->i + 1, n = s->n;
    *esc = 0;
    while (i < n) {
        /* the plain run, eight bytes at a time: no byte below 0x20, no
         * quote, no backslash (each test exact about whether any byte
         * fails it: a borrow reaches a byte only past one that failed) */
        const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
            if ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & tops) break;
            i += 8;
        }
        while (i < n && S_jplain[p[i]]) i++;
        if (i >= n) break;
        unsigned char c = p[i];
        if (c == '"') {
            *a = s->i + 1;
            *b = i;
            s->i = i + 1;
            return 1;
        }
        if (c < 0x20) return 0;
        if (c == '\\') {
            if (i + 1 >= n) return 0;
            char e = p[i + 1];
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' &&
                e != 'r' && e != 't')
                return 0;
            *esc = 1;
            i += 2;
            continue;
        }
        i++;
    }
    return 0;
}

static int S_jdigit(const jscan *s)
{
    return s->i < s->n && s->p[s->i] >= '0' && s->p[s->i] <= '9';
}

/* A number at s->i in JSON's grammar, without exponent and at most 15
 * bytes long (so jansson can neither overflow nor round it away). */
static int S_jnum(jscan *s)
{
    size_t a = s->i;
    if (s->p[s->i] == '-') s->i++;
    if (!S_jdigit(s)) return 0;
    if (s->p[s->i] == '0') s->i++;
    else while (S_jdigit(s)) s->i++;
    if (s->i < s->n && s->p[s->i] == '.') {
        s->i++;
        if (!S_jdigit(s)) return 0;
        while (S_jdigit(s)) s->i++;
    }
    if (s->i < s->n && (s->p[s->i] == 'e' || s->p[s->i] == 'E')) return 0;
    return s->i - a <= 15;
}

static int S_jvalue(jscan *s, int depth);

/* An object or array at s->i (its bracket), members skipped. */
static int S_jnest(jscan *s, int depth)
{
    if (depth >= JSCAN_DEPTH) return 0;
    char close = s->p[s->i] == '{' ? '}' : ']';
    s->i++;
    S_jws(s);
    if (s->i < s->n && s->p[s->i] == close) { s->i++; return 1; }
    for (;;) {
        if (close == '}') {
            size_t a, b;
            int esc;
            if (s->i >= s->n || s->p[s->i] != '"' || !S_jstr(s, &a, &b, &esc)) return 0;
            S_jws(s);
            if (s->i >= s->n || s->p[s->i] != ':') return 0;
            s->i++;
            S_jws(s);
        }
        if (!S_jvalue(s, depth + 1)) return 0;
        S_jws(s);
        if (s->i >= s->n) return 0;
        if (s->p[s->i] == close) { s->i++; return 1; }
        if (s->p[s->i] != ',') return 0;
        s->i++;
        S_jws(s);
    }
}

static int S_jlit(jscan *s, const char *lit, size_t len)
{
    if (s->n - s->i < len || memcmp(s->p + s->i, lit, len) != 0) return 0;
    s->i += len;
    return 1;
}

/* Any value at s->i, skipped. */
static int S_jvalue(jscan *s, int depth)
{
    if (s->i >= s->n) return 0;
    size_t a, b;
    int esc;
    switch (s->p[s->i]) {
    case '"': return S_jstr(s, &a, &b, &esc);
    case '{': case '[': return S_jnest(s, depth);
    case 't': return S_jlit(s, "true", 4);
    case 'f': return S_jlit(s, "false", 5);
    case 'n': return S_jlit(s, "null", 4);
    default: return S_jnum(s);
    }
}

/* The raw string p[a..b) decoded into the arena (escapes checked by
 * S_jstr). */
static char *S_jcopy(dyad_reader *r, const char *p, size_t a, size_t b, int esc, size_t *len)
{
    *len = b - a;
    if (!esc) return dyad__arena_strndup(&r->arena, p + a, b - a);
    char *o = dyad__arena_alloc(&r->arena, b - a + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        /* the run up to the next backslash in one copy */
        const char *bs = memchr(p + i, '\\', b - i);
        size_t run = bs ? (size_t)(bs - (p + i)) : b - i;
        memcpy(o + k, p + i, run);
        k += run;
        i += run;
        if (i >= b) break;
        char c = p[i];
        if (c == '\\') {
            switch (p[++i]) {
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: c = p[i]; break;     /* " \ / */
            }
        }
        o[k++] = c;
    }
    o[k] = 0;
    *len = k;
    return o;
}

/* The fields of a line as S_next_jsonl keeps them: NULL when absent. */
typedef struct jfields {
    const char *v[DYAD_ARRAY_LEN(S_fields)];
    size_t len[DYAD_ARRAY_LEN(S_fields)];
} jfields;

/* Reads the line p[0..n) into *f when it is a common one (see above);
 * 0 leaves it to jansson.  The strings go into the reader's arena. */
static int S_jsonl_fast(dyad_reader *r, const char *p, size_t n, jfields *f)
{
    jscan s = {p, n, 0};
    size_t a[DYAD_ARRAY_LEN(S_fields)], b[DYAD_ARRAY_LEN(S_fields)];
    int esc[DYAD_ARRAY_LEN(S_fields)], seen[DYAD_ARRAY_LEN(S_fields)] = {0};
    S_jws(&s);
    if (s.i >= n || p[s.i] != '{') return 0;
    s.i++;
    S_jws(&s);
    for (;;) {
        size_t ka, kb;
        int kesc;
        if (s.i >= n || p[s.i] != '"' || !S_jstr(&s, &ka, &kb, &kesc) || kesc) return 0;
        S_jws(&s);
        if (s.i >= n || p[s.i] != ':') return 0;
        s.i++;
        S_jws(&s);
        size_t k = 0;
        while (k < DYAD_ARRAY_LEN(S_fields) &&
               !(strlen(S_fields[k]) == kb - ka && memcmp(S_fields[k], p + ka, kb - ka) == 0))
            k++;
        if (k < DYAD_ARRAY_LEN(S_fields)) {
            /* a field dyad reads: a string, given once */
            if (seen[k] || s.i >= n || p[s.i] != '"' || !S_jstr(&s, &a[k], &b[k], &esc[k]))
                return 0;
            seen[k] = 1;
        } else if (!S_jvalue(&s, 1)) {
            return 0;
        }
        S_jws(&s);
        if (s.i >= n) return 0;
        if (p[s.i] == '}') break;
        if (p[s.i] != ',') return 0;
        s.i++;
        S_jws(&s);
    }
    s.i++;
    S_jws(&s);
    if (s.i != n || !seen[1]) return 0;   /* trailing bytes; no "text" */
    if (dyad__utf8_check((const unsigned char *)p, n) != n) return 0;
    for (size_t k = 0; k < DYAD_ARRAY_LEN(S_fields); k++) {
        f->v[k] = NULL;
        f->len[k] = 0;
        if (!seen[k]) continue;
        f->v[k] = S_jcopy(r, p, a[k], b[k], esc[k], &f->len[k]);
        if (!f->v[k]) return 0;
    }
    return 1;
}

/* The document of a line's fields (S_fields order: id, text, source, url,
 * title, date, published); bad_field: a read field whose number jansson
 * refused (see S_json_defuse). */
static dyad_status S_jsonl_doc(dyad_reader *r, const jfields *f, const char *bad_field,
                               const char *bad_num, size_t bad_len)
{
    if (!f->v[1])
        return dyad__err_set(&r->err, DYAD_EFORMAT, "%s:%lu: no \"text\" string; line skipped",
                             r->path, r->lineno);
    r->doc.text = f->v[1];
    r->doc.len = f->len[1];
    r->doc.id = f->v[0];
    if (!r->doc.id) r->doc.id = dyad__reader_derived_id(r, r->lineno);
    r->doc.source = f->v[2];
    r->doc.url = f->v[3];
    r->doc.title = f->v[4];
    if (f->v[5]) dyad__reader_set_date(r, f->v[5], f->len[5], "date");
    else if (f->v[6]) dyad__reader_set_date(r, f->v[6], f->len[6], "published");
    if (bad_field)
        dyad__err_set(&r->warn, DYAD_EFORMAT,
                      "%s:%lu: document kept without its \"%s\": the number "
                      "%.*s%s is out of range", r->path, r->lineno, bad_field,
                      (int)(bad_len > 40 ? 40 : bad_len), bad_num, bad_len > 40 ? "..." : "");
    return r->arena.over_cap ? DYAD_ENOMEM : DYAD_OK;
}

/* A line buffer at least this big is freed once its line is read. */
#define BIG_LINE ((size_t)1 << 20)

static dyad_status S_next_jsonl(dyad_reader *r)
{
    for (;;) {
        int too_long;
        int rc = dyad__stream_getline(&r->s, &r->line, r->opts.max_doc_bytes,
                                      &too_long);
        if (rc < 0) {
            r->done_file = 1;
            return dyad__err_set(&r->err, r->s.status,
                                 "%s:%lu: %s; rest of file skipped", r->path,
                                 r->lineno + 1, r->s.err.msg);
        }
        if (rc == 0) { r->done_file = 1; return DYAD_EOF; }
        r->lineno++;
        if (too_long)
            return dyad__err_set(&r->err, DYAD_ETOOBIG,
                                 "%s:%lu: line longer than the limit of %zu "
                                 "bytes; skipped", r->path, r->lineno,
                                 r->opts.max_doc_bytes);
        const char *p = r->line.data ? r->line.data : "";
        size_t n = r->line.len;
        /* a byte-order mark may start any line (files concatenated) */
        int bom = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0;
        if (bom) { p += 3; n -= 3; }
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t')) k++;
        if (k == n) continue;                       /* blank line */
        dyad__reader_doc_init(r, r->lineno);
        if (memchr(p, 0, n))
            return dyad__err_set(&r->err, DYAD_EBINARY,
                                 "%s:%lu: binary data (NUL byte); line skipped",
                                 r->path, r->lineno);
        jfields f;
        dyad_status st;
        if (S_jsonl_fast(r, p, n, &f)) {
            st = S_jsonl_doc(r, &f, NULL, NULL, 0);
        } else {
            json_error_t je;
            json_t *obj = json_loadb(p, n, 0, &je);
            /* a number jansson refuses: read the line again with it as null */
            const char *bad_field = NULL, *bad_num = NULL;
            size_t bad_len = 0;
            if (!obj && (strstr(je.text, "overflow") || strstr(je.text, "too big")) &&
                S_json_defuse(p, n, &r->text, &bad_field, &bad_num, &bad_len) > 0 &&
                !r->text.oom)
                obj = json_loadb(r->text.data, r->text.len, 0, &je);
            if (!obj)
                return dyad__err_set(&r->err, DYAD_EJSON,
                                     "%s:%lu: column %d: malformed JSON: %s; line "
                                     "skipped", r->path, r->lineno, je.column + bom, je.text);
            if (!json_is_object(obj)) {
                st = dyad__err_set(&r->err, DYAD_EFORMAT,
                                   "%s:%lu: expected a JSON object; line skipped",
                                   r->path, r->lineno);
            } else {
                for (size_t k = 0; k < DYAD_ARRAY_LEN(S_fields); k++) {
                    f.len[k] = 0;
                    f.v[k] = S_json_str(r, obj, S_fields[k], &f.len[k]);
                }
                if (f.v[1] && !json_is_string(json_object_get(obj, "text"))) f.v[1] = NULL;
                st = S_jsonl_doc(r, &f, bad_field, bad_num, bad_len);
            }
            json_decref(obj);
        }
        /* the document's strings are copied out: a big line is not held
         * (as a second copy of the text) while the document is coded */
        if (r->line.cap >= BIG_LINE) dyad__buf_free(&r->line);
        if (r->text.cap >= BIG_LINE) dyad__buf_free(&r->text);
        return st;
    }
}

dyad_status dyad_reader_next(dyad_reader *r, const dyad_doc **out)
{
    *out = NULL;
    dyad__err_clear(&r->err);
    dyad__err_clear(&r->warn);
    dyad__arena_reset(&r->arena);
    for (;;) {
        if (!r->open) {
            dyad_status st = S_open_next(r);
            if (st != DYAD_OK) return st;  /* DYAD_EOF or a skipped input */
        }
        dyad_status st;
        switch (r->fmt) {
        case DYAD_FORMAT_JSONL: st = S_next_jsonl(r); break;
        case DYAD_FORMAT_PETRXML: st = dyad__xml_next(r); break;
        default:
            st = r->done_file ? DYAD_EOF : S_next_text(r);
            break;
        }
        if (st == DYAD_EOF || (st != DYAD_OK && r->done_file)) S_close_current(r);
        if (st == DYAD_EOF) continue;
        if (st == DYAD_OK) *out = &r->doc;
        else dyad__err_clear(&r->warn);
        return st;
    }
}
