/*
 * lists.c -- the discard and issue loaders (dictionary stage).  Discards:
 * one phrase a line, '+' for a story-level discard, a final '_' for an
 * exact last word (otherwise, as in TABARI, the last word is open: a
 * stem).  Issues: "<ISSUE CATEGORY="X">" sections holding "PHRASE [CODE]"
 * lines and '~' / '~~' exclusion phrases, with the expansions "n:WORD"
 * (singular and plural), "v:WORD" (verb forms) and "A+B" ("A B" and
 * "A-B").  Words of both kinds are consecutive: these lists are matched
 * as strings of words.  What must stay true: every expansion keeps the
 * line it came from, and the first variant of a line (no plural, no verb
 * form, '+' as a blank) is the one flagged as written.
 */
#include "dict.h"

#include <stdlib.h>
#include <string.h>

#define ERR(d, f, ln, ...) dyad__dict_diag((d), DYAD_DICT_ERROR, (f), (ln), __VA_ARGS__)
#define WARN(d, f, ln, ...) dyad__dict_diag((d), DYAD_DICT_WARNING, (f), (ln), __VA_ARGS__)

static const char *S_q(char *buf, const char *s, size_t n)
{
    size_t k = n < 40 ? n : 40;
    memcpy(buf, s, k);
    strcpy(buf + k, n > 40 ? "..." : "");
    return buf;
}

/* Adds a phrase of consecutive words under the kind's root. */
static dyad_status S_add(dyad_dict *d, dyad__lexer *lx, uint32_t file, unsigned long line,
                         const char *s, size_t n, int kind, uint32_t flags, uint32_t code,
                         uint32_t group, int keep_open, uint32_t *id_out, uint32_t *dup)
{
    char q[48];
    *id_out = 0;
    dyad__phrase ph;
    memset(&ph, 0, sizeof ph);
    dyad_status st = dyad__phrase_add(d, lx, &ph, s, n, 1);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK || ph.n == 0) {
        ERR(d, file, line, "phrase '%s' empty or too long; left out", S_q(q, s, n));
        return DYAD_OK;
    }
    for (size_t i = 1; i < ph.n; i++) ph.adj[i] = 1;
    if (!keep_open) ph.open_end = 0;
    uint32_t id = dyad__entry_add(d, d->roots[kind], &ph, kind, flags, file, line, dup);
    if (!id) return DYAD_ENOMEM;
    d->ent[id].code = code;
    d->ent[id].group = group;
    *id_out = id;
    return DYAD_OK;
}

/* --------------------------------------------------------------- discards */

dyad_status dyad__load_discards(dyad_dict *d, dyad__lines *L, dyad__lexer *lx)
{
    dyad__line ln;
    char q[48];
    while (dyad__lines_next(L, &ln)) {
        const char *s = ln.s;
        size_t n = ln.n;
        if (s[0] == '<') {
            WARN(d, L->file, ln.no, "markup line ignored");
            continue;
        }
        uint32_t flags = 0;
        if (s[0] == '+') {
            flags |= DYAD_DICT_F_STORY;
            s++;
            n--;
        }
        const char *lb = memchr(s, '[', n);
        if (lb) {
            const char *c = lb;
            size_t cn = (size_t)(s + n - lb);
            WARN(d, L->file, ln.no, "code '%s' on a discard ignored", S_q(q, c, cn));
            n = (size_t)(lb - s);
        }
        dyad__trim(&s, &n);
        if (n == 0) {
            ERR(d, L->file, ln.no, "empty discard phrase");
            continue;
        }
        uint32_t id, dup;
        dyad_status st =
            S_add(d, lx, L->file, ln.no, s, n, DYAD_DICT_DISCARDS, flags, 0, 0, 1, &id, &dup);
        if (st != DYAD_OK) return st;
        if (!id) continue;
        d->st.discards++;
        if (dup)
            WARN(d, L->file, ln.no, "duplicate discard '%s' (also at %s:%lu)", S_q(q, s, n),
                 d->files[d->ent[dup].file].path, (unsigned long)d->ent[dup].line);
    }
    return DYAD_OK;
}

/* ----------------------------------------------------------------- issues */

typedef struct variants {
    char *v[DYAD__MAX_VARIANTS];
    size_t n;
    int overflow;
} variants;

static void S_vfree(variants *V)
{
    for (size_t i = 0; i < V->n; i++) free(V->v[i]);
    V->n = 0;
}

/* Inserts s[0..n) at position at (shifting the rest); -1 on ENOMEM. */
static int S_vinsert(variants *V, size_t at, const char *s, size_t n)
{
    if (V->n >= DYAD__MAX_VARIANTS) {
        V->overflow = 1;
        return 0;
    }
    char *c = malloc(n + 1);
    if (!c) return -1;
    memcpy(c, s, n);
    c[n] = 0;
    memmove(V->v + at + 1, V->v + at, (V->n - at) * sizeof *V->v);
    V->v[at] = c;
    V->n++;
    return 0;
}

/* A prefix "N:" or "V:" at a word start (start, after ' ' or '-'). */
static char *S_prefix(char *s)
{
    for (char *p = s; *p; p++) {
        if ((p[0] == 'N' || p[0] == 'V') && p[1] == ':' &&
            (p == s || p[-1] == ' ' || p[-1] == '-'))
            return p;
    }
    return NULL;
}

/* Expands variant i once; returns 1 when it changed, 0 if final, -1 on
 * ENOMEM. */
static int S_expand_one(variants *V, size_t i)
{
    char *s = V->v[i];
    size_t n = strlen(s);
    char *plus = strchr(s, '+');
    if (plus) {
        size_t at = (size_t)(plus - s);
        s[at] = '-';
        if (S_vinsert(V, i + 1, s, n)) return -1;
        V->v[i][at] = ' ';
        return 1;
    }
    char *p = S_prefix(s);
    if (!p) return 0;
    int noun = p[0] == 'N';
    size_t at = (size_t)(p - s);
    memmove(p, p + 2, n - at - 1); /* drop the prefix, keep the NUL */
    n -= 2;
    size_t we = at;
    while (s[we] && s[we] != ' ') we++;
    char forms[24][64];
    size_t nf = noun ? dyad__noun_plural(s + at, we - at, forms, 24)
                     : dyad__verb_forms(s + at, we - at, forms, 24);
    for (size_t k = nf; k-- > 0;) {
        size_t fl = strlen(forms[k]);
        char *buf = malloc(n - (we - at) + fl + 1);
        if (!buf) return -1;
        memcpy(buf, s, at);
        memcpy(buf + at, forms[k], fl);
        memcpy(buf + at + fl, s + we, n - we + 1);
        int r = S_vinsert(V, i + 1, buf, strlen(buf));
        free(buf);
        if (r) return -1;
    }
    return 1;
}

dyad_status dyad__load_issues(dyad_dict *d, dyad__lines *L, dyad__lexer *lx)
{
    dyad__line ln;
    char q[48];
    uint32_t category = 0;
    unsigned long category_line = 0;
    variants V;
    memset(&V, 0, sizeof V);
    dyad_status st = DYAD_OK;
    while (st == DYAD_OK && dyad__lines_next(L, &ln)) {
        const char *s = ln.s;
        size_t n = ln.n;
        if (n >= 7 && memcmp(s, "</ISSUE", 7) == 0) {
            if (!category && !category_line)
                WARN(d, L->file, ln.no, "</ISSUE> without an open <ISSUE>");
            category = 0;
            category_line = 0;
            continue;
        }
        if (n >= 6 && memcmp(s, "<ISSUE", 6) == 0) {
            if (category_line)
                WARN(d, L->file, ln.no, "<ISSUE> inside the <ISSUE> of line %lu (no </ISSUE>)",
                     category_line);
            category = 0;
            category_line = ln.no;
            const char *a = NULL;
            for (size_t i = 0; i + 10 <= n; i++)
                if (memcmp(s + i, "CATEGORY=\"", 10) == 0) {
                    a = s + i + 10;
                    break;
                }
            const char *e = a ? memchr(a, '"', (size_t)(s + n - a)) : NULL;
            if (!a || !e || e == a) {
                WARN(d, L->file, ln.no, "<ISSUE> without CATEGORY=\"...\"");
            } else {
                category = dyad__dict_intern(d, a, (size_t)(e - a));
                if (!category) st = DYAD_ENOMEM;
            }
            continue;
        }
        if (s[0] == '<') {
            WARN(d, L->file, ln.no, "markup line ignored");
            continue;
        }
        uint32_t flags = 0, code = 0;
        if (s[0] == '~') {
            flags |= DYAD_DICT_F_EXCLUDE;
            s++;
            n--;
            if (n && s[0] == '~') {
                flags |= DYAD_DICT_F_STORY;
                s++;
                n--;
            }
            const char *lb = memchr(s, '[', n);
            if (lb) {
                WARN(d, L->file, ln.no, "code on an exclusion phrase ignored");
                n = (size_t)(lb - s);
            }
        } else {
            const char *lb = memchr(s, '[', n);
            if (!lb) {
                WARN(d, L->file, ln.no, "issue phrase '%s' without a [CODE]; skipped (as "
                                        "PETRARCH does)",
                     S_q(q, s, n));
                continue;
            }
            const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
            if (!rb) {
                ERR(d, L->file, ln.no, "'[' without ']'; issue left out");
                continue;
            }
            const char *c = lb + 1;
            size_t cn = (size_t)(rb - c);
            dyad__trim(&c, &cn);
            int blank = cn == 0;
            for (size_t i = 0; i < cn; i++) blank |= c[i] == ' ' || c[i] == '\t';
            if (blank) {
                ERR(d, L->file, ln.no, "issue code [%s] empty or with blanks; left out",
                    S_q(q, lb + 1, (size_t)(rb - lb - 1)));
                continue;
            }
            const char *tail = rb + 1;
            size_t tn = (size_t)(s + n - tail);
            dyad__trim(&tail, &tn);
            if (tn) WARN(d, L->file, ln.no, "text '%s' after the code ignored", S_q(q, tail, tn));
            code = dyad__dict_intern(d, c, cn);
            if (!code) {
                st = DYAD_ENOMEM;
                break;
            }
            n = (size_t)(lb - s);
        }
        dyad__trim(&s, &n);
        if (n == 0) {
            ERR(d, L->file, ln.no, "issue line without a phrase; left out");
            continue;
        }
        /* expansions, on an upper-case copy */
        S_vfree(&V);
        V.overflow = 0;
        char *up = malloc(n + 1);
        if (!up) {
            st = DYAD_ENOMEM;
            break;
        }
        for (size_t i = 0; i < n; i++) up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
        up[n] = 0;
        V.v[0] = up;
        V.n = 1;
        for (size_t i = 0; i < V.n;) {
            int r = S_expand_one(&V, i);
            if (r < 0) {
                st = DYAD_ENOMEM;
                break;
            }
            if (r == 0) i++;
        }
        if (st != DYAD_OK) break;
        if (V.overflow) {
            ERR(d, L->file, ln.no, "more than %d expansions; line left out", DYAD__MAX_VARIANTS);
            continue;
        }
        for (size_t i = 0; i < V.n && st == DYAD_OK; i++) {
            uint32_t id, dup;
            uint32_t f = flags | (i ? DYAD_DICT_F_GENERATED : 0);
            st = S_add(d, lx, L->file, ln.no, V.v[i], strlen(V.v[i]), DYAD_DICT_ISSUES, f, code,
                       category, 0, &id, &dup);
            if (!id) continue;
            d->st.issues++;
            if (dup && !(f & DYAD_DICT_F_GENERATED)) {
                const dyad__entry *o = &d->ent[dup];
                if (!(o->flags & DYAD_DICT_F_GENERATED))
                    WARN(d, L->file, ln.no, "%s issue phrase '%s' (also at %s:%lu)",
                         o->code == code && o->flags == flags ? "duplicate" : "conflicting",
                         S_q(q, V.v[i], strlen(V.v[i])), d->files[o->file].path,
                         (unsigned long)o->line);
            }
        }
    }
    S_vfree(&V);
    if (category_line && st == DYAD_OK)
        WARN(d, L->file, category_line, "<ISSUE> never closed with </ISSUE>");
    return st == DYAD_ENOMEM ? st : DYAD_OK;
}
