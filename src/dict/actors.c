/*
 * actors.c -- the actor and agent dictionary loaders (dictionary stage).
 * Actors: a primary phrase, '+' synonyms, and codes in brackets on the
 * same line or on indented continuation lines, each code optionally
 * restricted to dates: [CODE], [CODE <YYMMDD], [CODE >YYMMDD],
 * [CODE YYMMDD-YYMMDD] (six- or eight-digit dates, limits inclusive,
 * YY <= 30 meaning 20YY as in TABARI).  Agents: "PHRASE {PLURAL} [~CODE]"
 * or "[CODE~]", substitution markers "!X! = A, B" used as "CONGRESS!X!",
 * regular plurals made here.  What must stay true: a synonym shares the
 * codes of its record; the order of codes in the file is kept, because
 * the first restriction that holds a date wins.
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

static int S_blank(char c) { return c == ' ' || c == '\t'; }

/* ----------------------------------------------------------------- actors */

typedef struct aload {
    dyad_dict *d;
    dyad__lexer *lx;
    uint32_t file;
    uint32_t actor;      /* current record, 0 none */
} aload;

static dyad_status S_new_actor(aload *A, unsigned long line)
{
    dyad_dict *d = A->d;
    if (d->nactors == 0) d->nactors = 1;
    if (DYAD__RESERVE(d->actors, d->actors_cap, d->nactors + 1)) return DYAD_ENOMEM;
    dyad__actor *a = &d->actors[d->nactors];
    memset(a, 0, sizeof *a);
    a->first_code = (uint32_t)d->ncodes;
    a->file = A->file;
    a->line = (uint32_t)line;
    A->actor = (uint32_t)d->nactors++;
    d->st.actors++;
    return DYAD_OK;
}

static void S_end_actor(aload *A)
{
    if (!A->actor) return;
    dyad__actor *a = &A->d->actors[A->actor];
    if (a->ncodes == 0)
        WARN(A->d, A->file, a->line, "actor has no code (it matches, with no code)");
    A->actor = 0;
}

/* One "[...]" group: CODE with an optional date restriction. */
static dyad_status S_code_group(aload *A, const char *s, size_t n, unsigned long line)
{
    dyad_dict *d = A->d;
    char q[48], q2[48];
    const char *all = s;
    size_t alln = n;
    dyad__trim(&s, &n);
    size_t k = 0;
    while (k < n && !S_blank(s[k]) && s[k] != '<' && s[k] != '>') k++;
    if (k == 0) {
        ERR(d, A->file, line, "code [%s] without a code; left out", S_q(q, all, alln));
        return DYAD_OK;
    }
    dyad_dict_code c;
    memset(&c, 0, sizeof c);
    c.line = line;
    c.from = 0;
    c.to = 99991231;
    const char *r = s + k;
    size_t rn = n - k;
    dyad__trim(&r, &rn);
    const char *d1 = NULL, *d2 = NULL;
    size_t n1 = 0, n2 = 0;
    if (rn == 0) {
        c.when = DYAD_DICT_ALWAYS;
    } else if (r[0] == '<' || r[0] == '>') {
        c.when = r[0] == '<' ? DYAD_DICT_BEFORE : DYAD_DICT_AFTER;
        d1 = r + 1;
        n1 = rn - 1;
        dyad__trim(&d1, &n1);
    } else if (memchr(r, '-', rn)) {
        const char *dash = memchr(r, '-', rn);
        c.when = DYAD_DICT_BETWEEN;
        d1 = r;
        n1 = (size_t)(dash - r);
        d2 = dash + 1;
        n2 = rn - n1 - 1;
        dyad__trim(&d1, &n1);
        dyad__trim(&d2, &n2);
    } else {
        c.when = (dyad_dict_when)-1;
    }
    if (c.when != DYAD_DICT_ALWAYS) {
        /* A restriction that cannot be read is skipped with a warning and
         * the actor kept, the rule of the reference reader (PETRARCH:
         * "String in date restriction could not be interpreted; line
         * skipped"). */
        long v1 = (int)c.when < 0 ? -1 : dyad__dict_date(d1, n1);
        long v2 = d2 ? dyad__dict_date(d2, n2) : 0;
        if (v1 < 0 || v2 < 0) {
            WARN(d, A->file, line, "date restriction '%s' cannot be read (want <DATE, >DATE "
                                   "or DATE-DATE, dates YYMMDD or YYYYMMDD); restriction [%s] "
                                   "skipped",
                 S_q(q, r, rn), S_q(q2, all, alln));
            return DYAD_OK;
        }
        if (c.when == DYAD_DICT_BEFORE) c.to = v1;
        else if (c.when == DYAD_DICT_AFTER) c.from = v1;
        else {
            c.from = v1;
            c.to = v2;
            if (v2 < v1) {
                WARN(d, A->file, line, "date range '%s' ends before it starts; restriction "
                                       "[%s] ignored",
                     S_q(q, r, rn), S_q(q2, all, alln));
                return DYAD_OK;
            }
        }
    }
    uint32_t id = dyad__dict_intern(d, s, k);
    if (!id) return DYAD_ENOMEM;
    c.code = d->strs.str[id];
    dyad__actor *a = &d->actors[A->actor];
    if (c.when == DYAD_DICT_ALWAYS) {
        for (uint32_t i = 0; i < a->ncodes; i++) {
            const dyad_dict_code *o = &d->codes[a->first_code + i];
            if (o->when != DYAD_DICT_ALWAYS) continue;
            if (o->code == c.code)
                WARN(d, A->file, line, "default code [%s] repeated (first at line %lu)", c.code,
                     o->line);
            else
                WARN(d, A->file, line, "second default code [%s] conflicts with [%s] at line "
                                       "%lu, which stays the default",
                     c.code, o->code, o->line);
            break;
        }
    }
    if (DYAD__RESERVE(d->codes, d->codes_cap, d->ncodes + 1)) return DYAD_ENOMEM;
    d->codes[d->ncodes++] = c;
    a->ncodes++;
    d->st.actor_codes++;
    return DYAD_OK;
}

/* Every "[...]" on s[0..n); other text is reported and ignored. */
static dyad_status S_code_groups(aload *A, const char *s, size_t n, unsigned long line)
{
    char q[48];
    const char *end = s + n;
    while (s < end) {
        const char *lb = memchr(s, '[', (size_t)(end - s));
        const char *gap = s;
        size_t gn = (size_t)((lb ? lb : end) - s);
        dyad__trim(&gap, &gn);
        if (gn) WARN(A->d, A->file, line, "text '%s' among the codes ignored", S_q(q, gap, gn));
        if (!lb) break;
        const char *rb = memchr(lb, ']', (size_t)(end - lb));
        const char *lb2 = memchr(lb + 1, '[', (size_t)(end - lb - 1));
        if (!rb || (lb2 && lb2 < rb)) {
            ERR(A->d, A->file, line, "'[' without ']'; code left out");
            if (!rb) break;
            s = lb2;
            continue;
        }
        dyad_status st = S_code_group(A, lb + 1, (size_t)(rb - lb - 1), line);
        if (st != DYAD_OK) return st;
        s = rb + 1;
    }
    return DYAD_OK;
}

static dyad_status S_actor_phrase(aload *A, const char *s, size_t n, int primary,
                                  unsigned long line)
{
    dyad_dict *d = A->d;
    char q[48];
    dyad__phrase ph;
    memset(&ph, 0, sizeof ph);
    dyad_status st = dyad__phrase_add(d, A->lx, &ph, s, n, 1);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK) {
        ERR(d, A->file, line, "actor phrase '%s' too long; phrase left out", S_q(q, s, n));
        return DYAD_OK;
    }
    if (ph.n == 0) {
        ERR(d, A->file, line, "empty actor phrase; left out");
        return DYAD_OK;
    }
    uint32_t dup;
    uint32_t id = dyad__entry_add(d, d->roots[DYAD_DICT_ACTORS], &ph, DYAD_DICT_ACTORS,
                                  primary ? DYAD_DICT_F_PRIMARY : 0, A->file, line, &dup);
    if (!id) return DYAD_ENOMEM;
    d->ent[id].group = A->actor;
    if (primary) d->actors[A->actor].primary = id;
    d->st.actor_phrases++;
    if (dup) {
        const dyad__entry *o = &d->ent[dup];
        if (o->group == A->actor)
            WARN(d, A->file, line, "phrase '%s' repeated within the actor (line %lu)",
                 S_q(q, s, n), (unsigned long)o->line);
        else
            WARN(d, A->file, line, "duplicate actor phrase '%s' (also at %s:%lu)", S_q(q, s, n),
                 d->files[o->file].path, (unsigned long)o->line);
    }
    return DYAD_OK;
}

dyad_status dyad__load_actors(dyad_dict *d, dyad__lines *L, dyad__lexer *lx)
{
    aload A = {d, lx, L->file, 0};
    dyad__line ln;
    dyad_status st = DYAD_OK;
    char q[48];
    while (st == DYAD_OK && dyad__lines_next(L, &ln)) {
        const char *s = ln.s;
        size_t n = ln.n;
        if (s[0] == '[') {
            if (!A.actor) {
                ERR(d, A.file, ln.no, "code '%s' without an actor before it; left out",
                    S_q(q, s, n));
                continue;
            }
            st = S_code_groups(&A, s, n, ln.no);
            continue;
        }
        if (s[0] == '<') {
            WARN(d, A.file, ln.no, "markup line ignored");
            continue;
        }
        int synonym = s[0] == '+';
        if (synonym) {
            s++;
            n--;
        } else if (ln.indented && A.actor) {
            WARN(d, A.file, ln.no, "indented phrase without '+'; read as a synonym of the actor "
                                   "at line %lu",
                 (unsigned long)d->actors[A.actor].line);
            synonym = 1;
        }
        if (synonym && !A.actor) {
            ERR(d, A.file, ln.no, "synonym '%s' without an actor before it; left out",
                S_q(q, s, n));
            continue;
        }
        if (!synonym) {
            S_end_actor(&A);
            st = S_new_actor(&A, ln.no);
            if (st != DYAD_OK) break;
        }
        const char *lb = memchr(s, '[', n);
        const char *ph = s;
        size_t pn = (size_t)((lb ? lb : s + n) - s);
        dyad__trim(&ph, &pn);
        st = S_actor_phrase(&A, ph, pn, !synonym, ln.no);
        if (st == DYAD_OK && lb) st = S_code_groups(&A, lb, (size_t)(s + n - lb), ln.no);
    }
    S_end_actor(&A);
    return st == DYAD_ENOMEM ? st : DYAD_OK;
}

/* ----------------------------------------------------------------- agents */

typedef struct marker {
    const char *name;    /* without the '!' */
    size_t nname;
    const char **items;
    size_t nitems;
} marker;

typedef struct gload {
    dyad_dict *d;
    dyad__lexer *lx;
    uint32_t file;
    marker *mk;
    size_t nmk, mk_cap;
} gload;

static const marker *S_marker(const gload *G, const char *name, size_t n)
{
    for (size_t i = G->nmk; i-- > 0;)
        if (G->mk[i].nname == n && memcmp(G->mk[i].name, name, n) == 0) return &G->mk[i];
    return NULL;
}

static dyad_status S_marker_def(gload *G, const dyad__line *ln)
{
    dyad_dict *d = G->d;
    const char *s = ln->s, *end = s + ln->n;
    const char *bang = memchr(s + 1, '!', ln->n - 1);
    const char *eq = memchr(s, '=', ln->n);
    if (!bang || !eq || bang > eq || bang == s + 1) {
        ERR(d, G->file, ln->no, "malformed substitution marker definition (want '!NAME! = "
                                "A, B, ...'); left out");
        return DYAD_OK;
    }
    const char *mid = bang + 1;
    size_t mn = (size_t)(eq - mid);
    dyad__trim(&mid, &mn);
    if (mn) {
        ERR(d, G->file, ln->no, "text between the marker and '='; definition left out");
        return DYAD_OK;
    }
    const char **items = NULL;
    size_t ni = 0, cap = 0;
    const char *p = eq + 1;
    while (p <= end) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        const char *e = c ? c : end;
        const char *it = p;
        size_t in = (size_t)(e - p);
        dyad__trim(&it, &in);
        if (in) {
            if (DYAD__RESERVE(items, cap, ni + 1)) {
                free(items);
                return DYAD_ENOMEM;
            }
            items[ni] = dyad__arena_strndup(&d->arena, it, in);
            if (!items[ni]) {
                free(items);
                return DYAD_ENOMEM;
            }
            ni++;
        }
        if (!c) break;
        p = c + 1;
    }
    if (ni == 0) {
        free(items);
        ERR(d, G->file, ln->no, "substitution marker with an empty list; left out");
        return DYAD_OK;
    }
    const char **arena_items = dyad__arena_alloc(&d->arena, ni * sizeof *arena_items);
    if (!arena_items) {
        free(items);
        return DYAD_ENOMEM;
    }
    memcpy(arena_items, items, ni * sizeof *items);
    free(items);
    if (DYAD__RESERVE(G->mk, G->mk_cap, G->nmk + 1)) return DYAD_ENOMEM;
    marker *m = &G->mk[G->nmk++];
    m->name = dyad__arena_strndup(&d->arena, s + 1, (size_t)(bang - s - 1));
    if (!m->name) return DYAD_ENOMEM;
    m->nname = (size_t)(bang - s - 1);
    m->items = arena_items;
    m->nitems = ni;
    return DYAD_OK;
}

static dyad_status S_agent_add(gload *G, const char *s, size_t n, uint32_t code, uint32_t flags,
                               unsigned long line)
{
    dyad_dict *d = G->d;
    char q[48];
    dyad__phrase ph;
    memset(&ph, 0, sizeof ph);
    dyad_status st = dyad__phrase_add(d, G->lx, &ph, s, n, 1);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK || ph.n == 0) {
        ERR(d, G->file, line, "agent phrase '%s' empty or too long; left out", S_q(q, s, n));
        return DYAD_OK;
    }
    uint32_t dup;
    uint32_t id = dyad__entry_add(d, d->roots[DYAD_DICT_AGENTS], &ph, DYAD_DICT_AGENTS, flags,
                                  G->file, line, &dup);
    if (!id) return DYAD_ENOMEM;
    d->ent[id].code = code;
    d->st.agents++;
    if (dup && !(flags & DYAD_DICT_F_GENERATED)) {
        for (uint32_t e = dup; e; e = d->ent[e].next) {
            const dyad__entry *o = &d->ent[e];
            if (e == id || (o->flags & DYAD_DICT_F_GENERATED) || o->line == line) continue;
            int same = o->code == code &&
                       (o->flags & DYAD_DICT_F_PREFIX) == (flags & DYAD_DICT_F_PREFIX);
            WARN(d, G->file, line, "%s agent phrase '%s' (also at %s:%lu%s)",
                 same ? "duplicate" : "conflicting", S_q(q, s, n), d->files[o->file].path,
                 (unsigned long)o->line, same ? "" : " with another code");
            break;
        }
    }
    return DYAD_OK;
}

/* Expands the markers of s (recursively) and adds every variant.  The
 * walk is bounded twice: at most DYAD__MAX_VARIANTS variants are added
 * (b->variants), and at most AGENT_MAX_STEPS expansion steps are taken,
 * none deeper than DYAD__MAX_WORDS markers (b->steps): a marker that holds
 * itself ("!M! = A !M!") would otherwise never end. */
#define AGENT_MAX_STEPS (64 * DYAD__MAX_VARIANTS)
typedef struct xbudget { int variants, steps; } xbudget;

static dyad_status S_agent_expand(gload *G, const char *s, size_t n, uint32_t code,
                                  uint32_t flags, unsigned long line, xbudget *b, int depth)
{
    dyad_dict *d = G->d;
    char q[48];
    if (b->variants < 0 || b->steps < 0 || --b->steps < 0) return DYAD_OK;
    const char *b1 = memchr(s, '!', n);
    if (b1 && depth >= DYAD__MAX_WORDS) {
        b->steps = -1;
        return DYAD_OK;
    }
    if (!b1) {
        if (--b->variants < 0) return DYAD_OK;
        return S_agent_add(G, s, n, code, flags, line);
    }
    const char *b2 = memchr(b1 + 1, '!', (size_t)(s + n - b1 - 1));
    if (!b2) {
        ERR(d, G->file, line, "unmatched '!' in '%s'; left out", S_q(q, s, n));
        return DYAD_OK;
    }
    const marker *m = S_marker(G, b1 + 1, (size_t)(b2 - b1 - 1));
    if (!m) {
        ERR(d, G->file, line, "undefined substitution marker '%s'; left out",
            S_q(q, b1, (size_t)(b2 - b1 + 1)));
        return DYAD_OK;
    }
    size_t pre = (size_t)(b1 - s), post = (size_t)(s + n - b2 - 1);
    for (size_t i = 0; i < m->nitems && b->variants >= 0 && b->steps >= 0; i++) {
        size_t il = strlen(m->items[i]);
        char *buf = malloc(pre + il + post + 1);
        if (!buf) return DYAD_ENOMEM;
        memcpy(buf, s, pre);
        memcpy(buf + pre, m->items[i], il);
        memcpy(buf + pre + il, b2 + 1, post);
        dyad_status st = S_agent_expand(G, buf, pre + il + post, code,
                                        flags | DYAD_DICT_F_GENERATED, line, b, depth + 1);
        free(buf);
        if (st != DYAD_OK) return st;
    }
    return DYAD_OK;
}

static dyad_status S_agent_line(gload *G, const dyad__line *ln)
{
    dyad_dict *d = G->d;
    char q[48];
    const char *s = ln->s, *end = s + ln->n;
    const char *lb = memchr(s, '[', ln->n);
    if (!lb) {
        /* PETRARCH's rule: "Codes are required for agents", line skipped
         * with a warning. */
        WARN(d, G->file, ln->no, "agent '%s' has no [code]; skipped (codes are required for "
                                 "agents)",
             S_q(q, s, ln->n));
        return DYAD_OK;
    }
    const char *rb = lb + 1;
    while (rb < end && *rb != ']' && *rb != '}') rb++;
    if (rb >= end) {
        ERR(d, G->file, ln->no, "'[' without ']'; agent left out");
        return DYAD_OK;
    }
    if (*rb == '}')
        WARN(d, G->file, ln->no, "code closed with '}' instead of ']'; read as ']'");
    const char *tail = rb + 1;
    size_t tn = (size_t)(end - tail);
    dyad__trim(&tail, &tn);
    if (tn) WARN(d, G->file, ln->no, "text '%s' after the code ignored", S_q(q, tail, tn));
    const char *c = lb + 1;
    size_t cn = (size_t)(rb - c);
    dyad__trim(&c, &cn);
    uint32_t flags = 0;
    const char *tilde = cn ? memchr(c, '~', cn) : NULL;
    if (tilde && tilde == c && !memchr(c + 1, '~', cn - 1)) {
        c++;
        cn--;
    } else if (tilde && tilde == c + cn - 1 && cn > 1) {
        cn--;
        flags |= DYAD_DICT_F_PREFIX;
    } else if (tilde) {
        ERR(d, G->file, ln->no, "agent code [%s]: '~' must come first or last; left out",
            S_q(q, lb + 1, (size_t)(rb - lb - 1)));
        return DYAD_OK;
    } else if (cn) {
        WARN(d, G->file, ln->no, "agent code [%s] without '~'; taken as '~%s' (after the actor "
                                 "code)",
             S_q(q, c, cn), S_q(q, c, cn));
    }
    dyad__trim(&c, &cn);
    for (size_t i = 0; i < cn; i++)
        if (S_blank(c[i])) cn = 0;
    if (cn == 0) {
        ERR(d, G->file, ln->no, "agent code [%s] empty or with blanks; left out",
            S_q(q, lb + 1, (size_t)(rb - lb - 1)));
        return DYAD_OK;
    }
    uint32_t code = dyad__dict_intern(d, c, cn);
    if (!code) return DYAD_ENOMEM;
    const char *ph = s;
    size_t pn = (size_t)(lb - s);
    const char *lc = memchr(s, '{', pn), *rc = NULL;
    const char *plural = NULL;
    size_t pln = 0;
    if (lc) {
        rc = memchr(lc, '}', (size_t)(lb - lc));
        if (!rc) {
            ERR(d, G->file, ln->no, "'{' without '}'; agent left out");
            return DYAD_OK;
        }
        plural = lc + 1;
        pln = (size_t)(rc - lc - 1);
        dyad__trim(&plural, &pln);
        const char *mid = rc + 1;
        size_t mn = (size_t)(lb - mid);
        dyad__trim(&mid, &mn);
        if (mn) WARN(d, G->file, ln->no, "text '%s' after the plural ignored", S_q(q, mid, mn));
        pn = (size_t)(lc - s);
    }
    dyad__trim(&ph, &pn);
    if (pn == 0) {
        ERR(d, G->file, ln->no, "agent without a phrase; left out");
        return DYAD_OK;
    }
    if (memchr(ph, '!', pn)) {
        xbudget b = {DYAD__MAX_VARIANTS, AGENT_MAX_STEPS};
        dyad_status st = S_agent_expand(G, ph, pn, code, flags, ln->no, &b, 0);
        if (st == DYAD_OK && b.steps < 0)
            ERR(d, G->file, ln->no, "substitution markers expand without end (a marker that "
                "holds itself?); the rest left out");
        else if (st == DYAD_OK && b.variants < 0)
            ERR(d, G->file, ln->no, "more than %d expansions; the rest left out",
                DYAD__MAX_VARIANTS);
        return st;
    }
    dyad_status st = S_agent_add(G, ph, pn, code, flags, ln->no);
    if (st != DYAD_OK) return st;
    if (lc) {
        if (pln) st = S_agent_add(G, plural, pln, code, flags, ln->no);
        return st;
    }
    /* regular plural of the last word */
    size_t e = pn;
    while (e && (ph[e - 1] == '_' || S_blank(ph[e - 1]))) e--;
    size_t b = e;
    while (b && ph[b - 1] != '_' && !S_blank(ph[b - 1])) b--;
    char up[64];
    size_t wl = e - b;
    if (wl == 0 || wl >= sizeof up) return DYAD_OK;
    for (size_t i = 0; i < wl; i++) {
        char ch = ph[b + i];
        up[i] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    char forms[2][64];
    size_t nf = dyad__noun_plural(up, wl, forms, 2);
    for (size_t i = 0; i < nf; i++) {
        size_t fl = strlen(forms[i]);
        char buf[1024];
        if (b + fl + (pn - e) >= sizeof buf) break;
        memcpy(buf, ph, b);
        memcpy(buf + b, forms[i], fl);
        memcpy(buf + b + fl, ph + e, pn - e);
        st = S_agent_add(G, buf, b + fl + (pn - e), code, flags | DYAD_DICT_F_GENERATED, ln->no);
        if (st != DYAD_OK) return st;
    }
    return DYAD_OK;
}

dyad_status dyad__load_agents(dyad_dict *d, dyad__lines *L, dyad__lexer *lx)
{
    gload G = {d, lx, L->file, NULL, 0, 0};
    dyad__line ln;
    dyad_status st = DYAD_OK;
    while (st == DYAD_OK && dyad__lines_next(L, &ln)) {
        if (ln.s[0] == '!' && memchr(ln.s, '=', ln.n) && !memchr(ln.s, '[', ln.n))
            st = S_marker_def(&G, &ln);
        else if (ln.s[0] == '<')
            WARN(d, G.file, ln.no, "markup line ignored");
        else
            st = S_agent_line(&G, &ln);
    }
    free(G.mk);
    return st == DYAD_ENOMEM ? st : DYAD_OK;
}
