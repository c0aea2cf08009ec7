/*
 * util.c -- error reporting and the document loop shared by the commands.
 * Every message goes through cli_error, which escapes control characters
 * and invalid UTF-8 (file names, ids and text come from the input) and
 * never cuts a message.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if none;
 * *cp gets the code point. */
static size_t S_utf8(const unsigned char *s, size_t n, unsigned long *cp)
{
    unsigned c = s[0];
    size_t len;
    unsigned long v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

/* Appends s to out (grown as needed) with control characters (C0, DEL,
 * C1) and invalid UTF-8 escaped, so names and ids from the input cannot
 * drive the terminal.  Nothing is cut.  Returns the new length, or
 * (size_t)-1 when out of memory. */
static size_t S_escape(char **out, size_t len, size_t *cap, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        if (*cap - len < 16) {               /* room for the longest escape */
            size_t c2 = *cap ? *cap * 2 : 256;
            char *p = realloc(*out, c2);
            if (!p) return (size_t)-1;
            *out = p;
            *cap = c2;
        }
        char *o = *out + len;
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7f) { *o = (char)c; len++; i++; continue; }
        if (c == '\n') { memcpy(o, "\\n", 2); len += 2; i++; continue; }
        if (c == '\t') { memcpy(o, "\\t", 2); len += 2; i++; continue; }
        if (c == '\r') { memcpy(o, "\\r", 2); len += 2; i++; continue; }
        unsigned long cp = 0;
        size_t k = c >= 0x80 ? S_utf8(u + i, n - i, &cp) : 0;
        if (k == 0) { len += (size_t)snprintf(o, 16, "\\x%02x", c); i++; continue; }
        if (cp < 0xA0) len += (size_t)snprintf(o, 16, "\\u%04lx", cp);
        else { memcpy(o, u + i, k); len += k; }
        i += k;
    }
    return len;
}

/* Writes "dyad: MESSAGE" and then tail to stderr in one write (stderr is
 * unbuffered: a byte at a time would be a system call per byte, and
 * slow for a run that reports many skipped lines). */
static void S_vreport(const char *tail, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    char *out = NULL;
    size_t len = 0, cap = 0;
    if (msg) {
        vsnprintf(msg, (size_t)n + 1, fmt, ap2);
        len = S_escape(&out, 0, &cap, "dyad: ");
        if (len != (size_t)-1) len = S_escape(&out, len, &cap, msg);
    }
    va_end(ap2);
    free(msg);
    if (!msg || len == (size_t)-1 || !out) {
        fputs("dyad: out of memory formatting a message", stderr);
        fputs(tail, stderr);
    } else {
        size_t t = strlen(tail);
        char *p = len + t <= cap ? out : realloc(out, len + t);
        if (p) {
            out = p;
            memcpy(out + len, tail, t);
            fwrite(out, 1, len + t, stderr);
        } else {
            fwrite(out, 1, len, stderr);
            fputs(tail, stderr);
        }
    }
    free(out);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_vreport("\n", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_vreport("", fmt, ap);
    va_end(ap);
    if (cmd) fprintf(stderr, "\nTry 'dyad help %s'.\n", cmd);
    else fprintf(stderr, "\nTry 'dyad --help'.\n");
    return EXIT_USAGE;
}

int cli_each_doc(const cli_inputs *in, cli_doc_fn fn, void *ctx, int *skipped)
{
    dyad_reader *r;
    if (dyad_reader_new(&r, &in->ropts) != DYAD_OK) {
        cli_error("out of memory");
        return EXIT_SKIPPED;
    }
    int rc = EXIT_OK;
    *skipped = 0;
    if (in->npaths == 0) dyad_reader_add(r, "-");
    for (int i = 0; i < in->npaths; i++) {
        if (dyad_reader_add(r, in->paths[i]) != DYAD_OK) {
            cli_error("out of memory");
            dyad_reader_free(r);
            return EXIT_SKIPPED;
        }
    }
    const dyad_doc *doc;
    dyad_status st;
    while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
        if (st != DYAD_OK) {
            if (st == DYAD_ETOOBIG)
                cli_error("%s (--max-doc-bytes raises the limit)", dyad_reader_errmsg(r));
            else
                cli_error("%s", dyad_reader_errmsg(r));
            (*skipped)++;
            if (st == DYAD_ENOMEM) break;
            continue;
        }
        const char *w = dyad_reader_warning(r);
        if (w) cli_error("warning: %s", w);
        int k = fn(doc, ctx);
        if (k) { rc = k; break; }
    }
    dyad_reader_free(r);
    if (rc == EXIT_OK && *skipped) rc = EXIT_SKIPPED;
    return rc;
}

/* Matches "--name", "--name=value"; returns the value for an option with
 * a value (taking the next argument when needed), "" for a flag, NULL
 * when argv[*i] is not this option. */
static const char *S_opt(const char *name, int want_value, int argc, char **argv, int *i,
                         int *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) return NULL;
    /* a short option takes its value joined too: "-j2" */
    if (n == 2 && want_value && a[n] != 0 && a[n] != '=') return a + n;
    if (a[n] != 0 && a[n] != '=') return NULL;
    if (!want_value) return a[n] == 0 ? "" : NULL;
    if (a[n] == '=') return a + n + 1;
    if (*i + 1 >= argc) { *missing = 1; return ""; }
    return argv[++*i];
}

int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *opts, cli_inputs *in)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int missing = 0;
        const char *v = S_opt("--input-format", 1, argc, argv, &i, &missing);
        if (v) {
            if (missing) return cli_usage_error(cmd, "--input-format needs a value");
            if (dyad_format_parse(v, &in->ropts.format) != DYAD_OK)
                return cli_usage_error(cmd, "unknown input format '%s'", v);
            continue;
        }
        v = S_opt("--max-doc-bytes", 1, argc, argv, &i, &missing);
        if (v) {
            if (missing) return cli_usage_error(cmd, "--max-doc-bytes needs a value");
            /* a number of bytes, or of KiB, MiB, GiB with K, M, G */
            char *end = NULL;
            unsigned long long n = strtoull(v, &end, 10);
            int shift = !end ? -1 : !*end ? 0 : !strcmp(end, "K") ? 10 : !strcmp(end, "M") ? 20 :
                        !strcmp(end, "G") ? 30 : -1;
            if (!*v || *v == '-' || shift < 0 || n == 0 || n > (SIZE_MAX >> shift) ||
                (n << shift) > UINT32_MAX - 1)
                return cli_usage_error(cmd, "--max-doc-bytes needs a size from 1 byte to 4 G "
                                       "(e.g. 200M), not '%s'", v);
            in->ropts.max_doc_bytes = (size_t)(n << shift);
            continue;
        }
        int matched = 0;
        for (const cli_opt *o = opts; o && o->name && !matched; o++) {
            v = S_opt(o->name, o->value != NULL, argc, argv, &i, &missing);
            if (!v) continue;
            if (missing) return cli_usage_error(cmd, "%s needs a value", o->name);
            if (o->value) *o->value = v;
            if (o->flag) *o->flag = 1;
            matched = 1;
        }
        if (matched) continue;
        if (strcmp(a, "--") == 0) {
            while (++i < argc) in->paths[in->npaths++] = argv[i];
        } else if (a[0] == '-' && a[1] != 0) {
            return cli_usage_error(cmd, "unknown option '%s'", a);
        } else {
            in->paths[in->npaths++] = argv[i];
        }
    }
    return 0;
}

int cli_load_dicts(const char *dir, cli_dicts *out)
{
    memset(out, 0, sizeof *out);
    if (!dir || !*dir) dir = getenv("DYAD_DICT_DIR");
    if (!dir || !*dir) {
        dir = dyad_data_dir("dict");
        out->label = "builtin";
    }
    if (!dir || !*dir) { cli_error("no dictionaries: use --dict-dir"); return -1; }
    out->root = dir;
    dyad_dict *d;
    if (dyad_dict_new(&d) != DYAD_OK) { cli_error("out of memory"); return -1; }
    dyad_status st = dyad_dict_add_dir(d, dir);
    if (st != DYAD_OK && st != DYAD_EDICT) {
        /* the files of the folder that could not be read (a FIFO, a link
         * to nothing), then why nothing was loaded */
        for (size_t i = 0; i < dyad_dict_diag_count(d); i++) {
            const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
            if (g->severity == DYAD_DICT_ERROR && !g->line && g->file)
                cli_error("%s: %s", g->file, g->message);
        }
        cli_error("%s", dyad_dict_errmsg(d));
        dyad_dict_free(d);
        return -1;
    }
    if (dyad_dict_compile(d) == DYAD_ENOMEM) { cli_error("out of memory"); dyad_dict_free(d); return -1; }
    /* a line left out is input skipped: each is named where it is */
    out->errors = dyad_dict_error_count(d);
    size_t shown = 0;
    for (size_t i = 0; i < dyad_dict_diag_count(d) && shown < 10; i++) {
        const dyad_dict_diag *g = dyad_dict_diag_get(d, i);
        if (g->severity != DYAD_DICT_ERROR) continue;
        shown++;
        if (g->file && g->line) cli_error("%s:%lu: %s", g->file, g->line, g->message);
        else cli_error("%s: %s", g->file ? g->file : dir, g->message);
    }
    if (out->errors > shown)
        cli_error("%zu more malformed dictionary line(s) in %s left out (see 'dyad dict "
                  "check')", out->errors - shown, dir);
    out->dict = d;
    return 0;
}

void cli_free_dicts(cli_dicts *d)
{
    dyad_dict_free(d->dict);
    d->dict = NULL;
}
