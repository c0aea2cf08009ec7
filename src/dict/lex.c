/*
 * lex.c -- the lexical layer shared by the dictionary loaders
 * (dictionary stage): reading lines with the comment conventions of the
 * TABARI/PETRARCH files (# and ; to the end of the line outside [...],
 * <!-- --> anywhere, also across lines, lines opening with "<!"),
 * splitting phrases into words exactly as the text tokeniser splits text,
 * the canonical word form, dictionary dates, and recognising the kind of
 * a file.  What must stay true: a dictionary word and the same word in
 * running text always get the same canonical form.
 */
#include "dict.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ lines */

void dyad__lines_free(dyad__lines *L)
{
    free(L->buf);
    L->buf = NULL;
    L->buf_cap = 0;
}

static const char *S_find(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    if (n < k) return NULL;
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == pat[0] && memcmp(s + i, pat, k) == 0) return s + i;
    return NULL;
}

int dyad__lines_next(dyad__lines *L, dyad__line *out)
{
    while (L->p < L->end) {
        const char *s = L->p;
        const char *nl = memchr(s, '\n', (size_t)(L->end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(L->end - s);
        L->p = nl ? nl + 1 : L->end;
        L->no++;
        if (n && s[n - 1] == '\r') n--;
        if (n > DYAD__MAX_LINE) {
            dyad__dict_diag(L->d, DYAD_DICT_ERROR, L->file, L->no,
                            "line of %zu bytes, over the limit of %d; line skipped", n,
                            DYAD__MAX_LINE);
            continue;
        }
        if (!L->clean) { /* a clean text's lines pass both checks */
            if (memchr(s, 0, n)) {
                dyad__dict_diag(L->d, DYAD_DICT_ERROR, L->file, L->no,
                                "NUL byte in the line; line skipped");
                continue;
            }
            size_t bad = dyad__utf8_check((const unsigned char *)s, n);
            if (bad < n) {
                dyad__dict_diag(L->d, DYAD_DICT_ERROR, L->file, L->no,
                                "invalid UTF-8 at column %zu; line skipped", bad + 1);
                continue;
            }
        }
        if (L->in_comment) {
            const char *e = S_find(s, n, "-->");
            if (!e) continue;
            L->in_comment = 0;
            size_t skip = (size_t)(e + 3 - s);
            s += skip;
            n -= skip;
        }
        if (DYAD__RESERVE(L->buf, L->buf_cap, n + 1)) {
            dyad__dict_diag(L->d, DYAD_DICT_ERROR, L->file, L->no,
                            "out of memory; line skipped");
            continue;
        }
        memcpy(L->buf, s, n);
        L->buf[n] = 0;
        char *b = L->buf;
        int indented = n && (b[0] == ' ' || b[0] == '\t');
        /* A line opening with "<!" is markup: skipped whole. */
        size_t lead = 0;
        while (lead < n && (b[lead] == ' ' || b[lead] == '\t')) lead++;
        if (lead + 1 < n && b[lead] == '<' && b[lead + 1] == '!') {
            const char *open = S_find(b + lead, n - lead, "<!--");
            if (open && !S_find(open + 4, n - (size_t)(open + 4 - b), "-->")) {
                L->in_comment = 1;
                L->comment_line = L->no;
            }
            continue;
        }
        /* Comments inside the line, dropped in one pass (the text after
         * each is copied down once, so many comments cost linear time).
         * The prefix before the first comment opener needs no copying:
         * it is skipped with strcspn, counting brackets on the way. */
        int depth = 0;
        size_t i = 0;
        for (;;) {
            i += strcspn(b + i, "<#;[]"); /* b[n] is 0 and b has no NUL */
            if (i >= n) break;
            char c = b[i];
            if (c == '[') depth++;
            else if (c == ']') depth -= depth > 0;
            else if (depth == 0 &&
                     (c != '<' || (i + 3 < n && memcmp(b + i, "<!--", 4) == 0)))
                break;
            i++;
        }
        size_t w = i;
        while (i < n) {
            char c = b[i];
            if (c == '<' && i + 3 < n && memcmp(b + i, "<!--", 4) == 0 && depth == 0) {
                const char *e = S_find(b + i + 4, n - i - 4, "-->");
                if (!e) {
                    L->in_comment = 1;
                    L->comment_line = L->no;
                    break;
                }
                i = (size_t)(e + 3 - b);
                continue;
            }
            if ((c == '#' || c == ';') && depth == 0) break;
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            b[w++] = c;
            i++;
        }
        n = w;
        b[n] = 0;
        const char *t = b;
        size_t tn = n;
        dyad__trim(&t, &tn);
        if (tn == 0) continue;
        /* keep the leading blanks out but remember them */
        out->s = t;
        out->n = tn;
        out->no = L->no;
        out->indented = indented;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ words */

size_t dyad__dict_canon(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (k + 1 > cap) return 0;
            out[k++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            i++;
            continue;
        }
        int32_t cp;
        size_t len = dyad__utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (len == 0) {
            if (k + 1 > cap) return 0;
            out[k++] = (char)c;
            i++;
            continue;
        }
        if (k + 4 > cap) return 0;
        k += dyad__utf8_encode(utf8proc_toupper(cp), out + k);
        i += len;
    }
    if (k > 1 && out[k - 1] == '.' && out[k - 2] != '.') k--;
    return k;
}

void dyad__lexer_init(dyad__lexer *lx)
{
    memset(lx, 0, sizeof *lx);
    dyad__norm_init(&lx->norm);
}

void dyad__lexer_free(dyad__lexer *lx)
{
    free(lx->toks.v);
    dyad__norm_free(&lx->norm);
    memset(lx, 0, sizeof *lx);
}

static int S_is_sep(char c) { return c == ' ' || c == '\t' || c == '_'; }

/* Where the words of a chunk go: interned into a phrase (loading) or
 * copied out as canonical strings (lookups on a compiled dictionary). */
typedef struct sink {
    dyad_dict *d;            /* intern mode */
    dyad__phrase *ph;
    char *buf;               /* split mode */
    size_t cap, used;
    dyad_dict_word *w;
    size_t max, n;
} sink;

/* Appends interned word id to the phrase of an intern-mode sink. */
static dyad_status S_push(sink *k, uint32_t id, int adj)
{
    if (!id) return DYAD_ENOMEM;
    dyad__phrase *ph = k->ph;
    if (ph->n >= DYAD__MAX_WORDS) {
        ph->overflow = 1;
        return DYAD_EDICT;
    }
    ph->w[ph->n] = id;
    ph->adj[ph->n] = (uint8_t)(adj != 0);
    ph->n++;
    return DYAD_OK;
}

/* DYAD_OK, DYAD_ENOMEM, DYAD_EDICT (too long / too many). */
static dyad_status S_emit(sink *k, dyad__lexer *lx, const char *s, size_t n, int adj)
{
    size_t cn = dyad__dict_canon(s, n, lx->buf, sizeof lx->buf);
    if (cn == 0) return DYAD_EDICT;
    if (k->d) return S_push(k, dyad__dict_intern(k->d, lx->buf, cn), adj);
    if (k->n >= k->max || k->used + cn + 1 > k->cap) return DYAD_EDICT;
    memcpy(k->buf + k->used, lx->buf, cn);
    k->buf[k->used + cn] = 0;
    k->w[k->n].s = k->buf + k->used;
    k->w[k->n].len = cn;
    k->n++;
    k->used += cn + 1;
    return DYAD_OK;
}

/* Per byte: an ASCII letter or digit -> its upper case; a separator
 * (blank, tab, underscore) -> 1; anything else -> 0. */
static const unsigned char S_up[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5',
    ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', ['A'] = 'A', ['B'] = 'B',
    ['C'] = 'C', ['D'] = 'D', ['E'] = 'E', ['F'] = 'F', ['G'] = 'G', ['H'] = 'H',
    ['I'] = 'I', ['J'] = 'J', ['K'] = 'K', ['L'] = 'L', ['M'] = 'M', ['N'] = 'N',
    ['O'] = 'O', ['P'] = 'P', ['Q'] = 'Q', ['R'] = 'R', ['S'] = 'S', ['T'] = 'T',
    ['U'] = 'U', ['V'] = 'V', ['W'] = 'W', ['X'] = 'X', ['Y'] = 'Y', ['Z'] = 'Z',
    ['a'] = 'A', ['b'] = 'B', ['c'] = 'C', ['d'] = 'D', ['e'] = 'E', ['f'] = 'F',
    ['g'] = 'G', ['h'] = 'H', ['i'] = 'I', ['j'] = 'J', ['k'] = 'K', ['l'] = 'L',
    ['m'] = 'M', ['n'] = 'N', ['o'] = 'O', ['p'] = 'P', ['q'] = 'Q', ['r'] = 'R',
    ['s'] = 'S', ['t'] = 'T', ['u'] = 'U', ['v'] = 'V', ['w'] = 'W', ['x'] = 'X',
    ['y'] = 'Y', ['z'] = 'Z', [' '] = 1, ['\t'] = 1, ['_'] = 1,
};

static dyad_status S_chunk(sink *k, dyad__lexer *lx, const char *s, size_t n, int adj)
{
    int simple = 1, ascii = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) ascii = simple = 0;
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            simple = 0;
    }
    if (simple) return S_emit(k, lx, s, n, adj);
    const char *text = s;
    size_t len = n;
    /* ASCII needs no normalising: its offsets map byte for byte */
    dyad__nseg same[2] = {{0, 0, UINT32_MAX}, {(uint32_t)n, (uint32_t)n, 0}};
    dyad__norm ident;
    memset(&ident, 0, sizeof ident);
    ident.segs = same;
    ident.nsegs = 2;
    const dyad__norm *map = &ident;
    if (!ascii) {
        if (dyad__normalize(&lx->norm, s, n) != DYAD_OK) return DYAD_ENOMEM;
        text = lx->norm.text.data ? lx->norm.text.data : "";
        len = lx->norm.text.len;
        map = &lx->norm;
    }
    lx->toks.n = 0;
    if (len && dyad__tokenize(&lx->toks, text, len, map) != DYAD_OK) return DYAD_ENOMEM;
    int first = 1;
    for (size_t i = 0; i < lx->toks.n; i++) {
        const dyad_token *t = &lx->toks.v[i];
        /* "MR." in a dictionary: the tokeniser only knows "Mr." as an
         * abbreviation, so it splits the period off; the canonical form
         * drops a final period anyway, so drop the lone period too. */
        if (i > 0 && t->kind == DYAD_TOK_PUNCT && t->norm_len == 1 && t->norm[0] == '.' &&
            lx->toks.v[i - 1].kind != DYAD_TOK_PUNCT &&
            lx->toks.v[i - 1].norm + lx->toks.v[i - 1].norm_len == t->norm)
            continue;
        dyad_status st = S_emit(k, lx, t->norm, t->norm_len, first ? adj : 1);
        if (st != DYAD_OK) return st;
        first = 0;
    }
    return DYAD_OK;
}

static dyad_status S_split(sink *k, dyad__lexer *lx, const char *s, size_t n, int first_adj,
                           int *open_end)
{
    size_t i = 0;
    int adj = first_adj;
    *open_end = 1;
    while (i < n) {
        if (S_is_sep(s[i])) {
            int blank = 0, us = 0;
            while (i < n && S_is_sep(s[i])) {
                if (s[i] == '_') us = 1;
                else blank = 1;
                i++;
            }
            if (i >= n) {
                if (us) *open_end = 0;
                break;
            }
            adj = blank ? 0 : 1;
        }
        /* A chunk of ASCII letters and digits only is one word: its
         * canonical form (upper case) and the hash of that form are made
         * in the pass that finds its end, the same bytes and hash as
         * dyad__dict_canon + dyad__hash_bytes.  Any other chunk goes
         * through the tokeniser (S_chunk). */
        size_t j = i;
        unsigned char u = 1;
        dyad_status st;
        if (k->d) {
            uint64_t h = DYAD__FNV_BASIS;
            size_t lim = n - i < sizeof lx->buf ? n : i + sizeof lx->buf;
            for (; j < lim; j++) {
                u = S_up[(unsigned char)s[j]];
                if (u <= 1) break;
                lx->buf[j - i] = (char)u;
                h = (h ^ u) * DYAD__FNV_PRIME;
            }
            if (u == 1 || j == n) {
                st = S_push(k, dyad__dict_intern_h(k->d, lx->buf, j - i,
                                                   (uint32_t)dyad__mix64(h)), adj);
                if (st != DYAD_OK) return st;
                i = j;
                continue;
            }
        }
        while (j < n && !S_is_sep(s[j])) j++;
        st = S_chunk(k, lx, s + i, j - i, adj);
        if (st != DYAD_OK) return st;
        i = j;
    }
    return DYAD_OK;
}

dyad_status dyad__phrase_add(dyad_dict *d, dyad__lexer *lx, dyad__phrase *ph, const char *s,
                             size_t n, int first_adj)
{
    sink k;
    memset(&k, 0, sizeof k);
    k.d = d;
    k.ph = ph;
    return S_split(&k, lx, s, n, first_adj, &ph->open_end);
}

size_t dyad__phrase_split(dyad__lexer *lx, const char *s, size_t n, char *buf, size_t cap,
                          dyad_dict_word *w, size_t max)
{
    sink k;
    memset(&k, 0, sizeof k);
    k.buf = buf;
    k.cap = cap;
    k.w = w;
    k.max = max;
    int open_end;
    if (S_split(&k, lx, s, n, 1, &open_end) != DYAD_OK) return 0;
    return k.n;
}

/* ------------------------------------------------------------------ dates */

static int S_ymd(long y, long m, long dd)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1]) return 0;
    if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

long dyad__dict_date(const char *s, size_t n)
{
    if (n != 6 && n != 8) return -1;
    long v[8];
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v[i] = s[i] - '0';
    }
    long y, m, dd;
    if (n == 6) {
        y = v[0] * 10 + v[1];
        y += y <= 30 ? 2000 : 1900;
        m = v[2] * 10 + v[3];
        dd = v[4] * 10 + v[5];
    } else {
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        m = v[4] * 10 + v[5];
        dd = v[6] * 10 + v[7];
    }
    if (!S_ymd(y, m, dd)) return -1;
    return y * 10000 + m * 100 + dd;
}

long dyad__dict_iso_date(const char *s)
{
    size_t n = strlen(s);
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        char t[8];
        memcpy(t, s, 4);
        memcpy(t + 4, s + 5, 2);
        memcpy(t + 6, s + 8, 2);
        return dyad__dict_date(t, 8);
    }
    if (n == 8) return dyad__dict_date(s, 8);
    return -1;
}

/* ----------------------------------------------------------------- sniff */

static int S_contains_ci(const char *s, const char *pat)
{
    size_t n = strlen(s), k = strlen(pat);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k) {
            char c = s[i + j];
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            if (c != pat[j]) break;
            j++;
        }
        if (j == k) return 1;
    }
    return 0;
}

int dyad__dict_sniff(const char *path, const char *text, size_t len)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (S_contains_ci(base, "verb")) return DYAD_DICT_VERBS;
    if (S_contains_ci(base, "actor")) return DYAD_DICT_ACTORS;
    if (S_contains_ci(base, "agent")) return DYAD_DICT_AGENTS;
    if (S_contains_ci(base, "discard")) return DYAD_DICT_DISCARDS;
    if (S_contains_ci(base, "issue")) return DYAD_DICT_ISSUES;
    /* Content: a few telling features in the first 3000 lines. */
    long score[DYAD_DICT_NKINDS] = {0};
    const char *p = text, *end = text + len;
    for (int lines = 0; p < end && lines < 3000; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        size_t n = (size_t)(e - p);
        if (n >= 4 && memcmp(p, "--- ", 4) == 0 && memchr(p, '[', n)) score[DYAD_DICT_VERBS] += 5;
        else if (n >= 3 && p[0] == '-' && p[1] == ' ' && memchr(p, '*', n) && memchr(p, '[', n))
            score[DYAD_DICT_VERBS] += 1;
        else if (n >= 2 && p[0] == '&' && p[1] >= 'A' && p[1] <= 'Z') score[DYAD_DICT_VERBS] += 1;
        if (n >= 6 && memcmp(p, "<ISSUE", 6) == 0) score[DYAD_DICT_ISSUES] += 5;
        if (n >= 3 && p[0] == '!' && memchr(p + 1, '!', n - 1) && memchr(p, '=', n))
            score[DYAD_DICT_AGENTS] += 5;
        const char *lb = memchr(p, '[', n);
        if (lb) {
            const char *rb = memchr(lb, ']', (size_t)(e - lb));
            if (rb && (memchr(lb, '~', (size_t)(rb - lb)))) score[DYAD_DICT_AGENTS] += 2;
            else if (rb && p[0] == '\t') score[DYAD_DICT_ACTORS] += 2;
            else if (rb && p[0] != '-' && p[0] != '<' && p[0] != '#') score[DYAD_DICT_ACTORS] += 1;
        }
        if (n > 1 && p[0] == '+' && !lb) score[DYAD_DICT_ACTORS] += 1;
        p = nl ? nl + 1 : end;
    }
    int best = 0;
    for (int k = 1; k < DYAD_DICT_NKINDS; k++)
        if (score[k] > score[best]) best = k;
    return score[best] >= 3 ? best : DYAD_DICT_AUTO;
}
