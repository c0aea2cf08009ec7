/*
 * verbs.c -- the verb dictionary loader (dictionary stage).  Reads both
 * the PETRARCH syntax (CAMEO.2.0.txt: "{NOUN PHRASE}", "(PREP NOUN)") and
 * the older TABARI syntax of the validation set ("- SUGGESTED_+ *
 * DEMAND_&GENINT_CONVENTIONS [111]"): block headers "--- NAME [CODE] ---",
 * verb lines with {irregular forms}, [own codes] and '+' marking the verb
 * of a multi-word verb, synsets (&NAME with '+' members, nested synsets),
 * pattern lines, and transformations ("~ a (a b ATTACK) SAY = a b 015").
 * Patterns keep their full structure: the ordered elements with their
 * connectors, synset references, and both codes of "[CODE:PASSIVE]".
 * Synset references are resolved at compile, so synsets may be defined
 * after their first use, in any verb file.  What must stay true: every
 * verb form, pattern, synset and transformation keeps its FILE:LINE, and
 * a malformed line never takes its neighbours down with it.
 */
#include "dict.h"

#include <stdlib.h>
#include <string.h>

typedef struct vload {
    dyad_dict *d;
    dyad__lexer *lx;
    uint32_t file;
    uint32_t block;      /* current block, 0 before the first header */
    uint32_t synset;     /* synset whose '+' members are being read;
                            DROPPED after a bad label (members skipped) */
} vload;

#define DROPPED ((uint32_t)-1)

#define ERR(V, ln, ...) dyad__dict_diag((V)->d, DYAD_DICT_ERROR, (V)->file, (ln), __VA_ARGS__)
#define WARN(V, ln, ...) dyad__dict_diag((V)->d, DYAD_DICT_WARNING, (V)->file, (ln), __VA_ARGS__)

static int S_blank(char c) { return c == ' ' || c == '\t'; }

/* Inside of "[...]": "042", "042:043", ":173", "---".  DYAD_EDICT when
 * malformed. */
static dyad_status S_code(dyad_dict *d, const char *s, size_t n, uint32_t *code,
                          uint32_t *passive)
{
    *code = *passive = 0;
    dyad__trim(&s, &n);
    if (n == 0) return DYAD_EDICT;
    for (size_t i = 0; i < n; i++)
        if (S_blank(s[i]) || s[i] == '[' || s[i] == ']') return DYAD_EDICT;
    const char *colon = memchr(s, ':', n);
    size_t a = colon ? (size_t)(colon - s) : n;
    if (colon && memchr(colon + 1, ':', n - a - 1)) return DYAD_EDICT;
    if (colon && a == 0 && n == 1) return DYAD_EDICT;
    if (a) {
        *code = dyad__dict_intern(d, s, a);
        if (!*code) return DYAD_ENOMEM;
    }
    if (colon && n - a - 1) {
        *passive = dyad__dict_intern(d, colon + 1, n - a - 1);
        if (!*passive) return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

/* Copies at most 40 bytes of s for a message. */
static const char *S_q(char *buf, const char *s, size_t n)
{
    size_t k = n < 40 ? n : 40;
    memcpy(buf, s, k);
    strcpy(buf + k, n > 40 ? "..." : "");
    return buf;
}

/* ----------------------------------------------------------- block header */

static dyad_status S_header(vload *V, const dyad__line *ln)
{
    dyad_dict *d = V->d;
    const char *s = ln->s, *end = ln->s + ln->n;
    while (s < end && *s == '-') s++;
    const char *lb = memchr(s, '[', (size_t)(end - s));
    const char *name = s;
    size_t nn = (size_t)((lb ? lb : end) - s);
    if (!lb)
        while (nn && (name[nn - 1] == '-' || S_blank(name[nn - 1]))) nn--;
    dyad__trim(&name, &nn);
    uint32_t code = 0, passive = 0;
    char q[48];
    if (lb) {
        const char *rb = memchr(lb, ']', (size_t)(end - lb));
        if (!rb) {
            ERR(V, ln->no, "'[' without ']' in the block header; the block gets the null "
                           "code ---");
        } else {
            dyad_status st = S_code(d, lb + 1, (size_t)(rb - lb - 1), &code, &passive);
            if (st == DYAD_ENOMEM) return st;
            if (st != DYAD_OK)
                ERR(V, ln->no, "malformed code [%s] in the block header; the block gets the "
                               "null code ---",
                    S_q(q, lb + 1, (size_t)(rb - lb - 1)));
            const char *r = rb + 1;
            size_t rn = (size_t)(end - r);
            dyad__trim(&r, &rn);
            while (rn && r[rn - 1] == '-') rn--;
            dyad__trim(&r, &rn);
            if (rn && memchr(r, '[', rn))
                WARN(V, ln->no, "second code '%s' in the block header ignored", S_q(q, r, rn));
            else if (rn)
                WARN(V, ln->no, "text '%s' after the block code ignored", S_q(q, r, rn));
        }
    }
    if (!code && !passive) {
        code = dyad__dict_intern(d, "---", 3);
        if (!code) return DYAD_ENOMEM;
    }
    if (nn == 0) ERR(V, ln->no, "verb block header without a name");
    if (d->nblocks == 0) d->nblocks = 1;
    if (DYAD__RESERVE(d->blocks, d->blocks_cap, d->nblocks + 1)) return DYAD_ENOMEM;
    dyad__block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    b->name = dyad__dict_intern(d, nn ? name : "", nn);
    if (!b->name) return DYAD_ENOMEM;
    b->code = code;
    b->passive = passive;
    b->file = V->file;
    b->line = (uint32_t)ln->no;
    b->first_pattern = d->npats ? (uint32_t)d->npats : 1;
    V->block = (uint32_t)d->nblocks++;
    return DYAD_OK;
}

/* ------------------------------------------------------------- verb lines */

/* A verb as written: "ACCELERATE", "+BEEF_UP", "WIRE_+TAP".  Fills ph
 * and *vi (index of the verb word); *plus when '+' marked it.  On
 * DYAD_EDICT why says what is wrong. */
static dyad_status S_verb_spec(vload *V, const char *s, size_t n, dyad__phrase *ph,
                               size_t *vi, int *plus, const char **why)
{
    ph->n = 0;
    ph->overflow = 0;
    *vi = (size_t)-1;
    *plus = 0;
    size_t i = 0;
    int adj = 1;
    while (i < n) {
        if (S_blank(s[i]) || s[i] == '_') {
            int blank = 0;
            while (i < n && (S_blank(s[i]) || s[i] == '_')) blank |= s[i++] != '_';
            adj = !blank;
            continue;
        }
        size_t j = i;
        while (j < n && !S_blank(s[j]) && s[j] != '_') j++;
        int is_verb = 0;
        if (s[i] == '+') {
            if (*plus) {
                *why = "more than one '+'";
                return DYAD_EDICT;
            }
            *plus = is_verb = 1;
            i++;
            if (i == j) {
                *why = "'+' without a word after it";
                return DYAD_EDICT;
            }
        }
        if (memchr(s + i, '+', j - i)) {
            *why = "'+' inside a word (it must start the verb word)";
            return DYAD_EDICT;
        }
        size_t before = ph->n;
        dyad_status st = dyad__phrase_add(V->d, V->lx, ph, s + i, j - i, adj);
        if (st == DYAD_ENOMEM) return st;
        if (st != DYAD_OK) {
            *why = "too many words";
            return DYAD_EDICT;
        }
        if (is_verb) {
            if (ph->n - before != 1) {
                *why = "the word marked with '+' is not a single word";
                return DYAD_EDICT;
            }
            *vi = before;
        }
        i = j;
    }
    if (ph->n == 0) {
        *why = "no verb";
        return DYAD_EDICT;
    }
    if (!*plus) *vi = 0;
    return DYAD_OK;
}

static int S_same_words(const dyad_dict *d, const dyad__entry *e, const dyad__phrase *ph,
                        size_t vi)
{
    if (e->nwords != ph->n || e->aux != vi) return 0;
    for (size_t i = 0; i < ph->n; i++)
        if (d->wid[e->words + i] != ph->w[i]) return 0;
    return 1;
}

/* Adds one verb form under the index of its verb word. */
static dyad_status S_add_form(vload *V, const dyad__phrase *ph, size_t vi, uint32_t code,
                              uint32_t passive, uint32_t flags, unsigned long line)
{
    dyad_dict *d = V->d;
    uint32_t node = dyad__trie_child(d, d->roots[DYAD_DICT_VERBS], ph->w[vi], 1, 1);
    if (!node) return DYAD_ENOMEM;
    int written = !(flags & DYAD_DICT_F_GENERATED);
    for (uint32_t e = d->nfirst[node]; e; e = d->ent[e].next) {
        const dyad__entry *x = &d->ent[e];
        if (!S_same_words(d, x, ph, vi)) continue;
        if (x->file == V->file && x->line == line) return DYAD_OK; /* same verb line */
        if (written && !(x->flags & DYAD_DICT_F_GENERATED)) {
            char buf[160];
            size_t k = 0;
            for (size_t i = 0; i < ph->n && k < 120; i++)
                k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? "_" : "",
                                      d->strs.str[ph->w[i]]);
            const dyad__block *b = &d->blocks[x->group];
            WARN(V, line, "duplicate verb '%s': already in block %s at %s:%lu", buf,
                 d->strs.str[b->name], d->files[x->file].path, (unsigned long)x->line);
        }
    }
    dyad__phrase one = *ph;
    one.open_end = 0;
    uint32_t id = dyad__entry_add(d, 0, &one, DYAD_DICT_VERBS, flags, V->file, line, NULL);
    if (!id) return DYAD_ENOMEM;
    dyad__entry *e = &d->ent[id];
    e->code = code;
    e->passive = passive;
    e->group = V->block;
    e->aux = (uint32_t)vi;
    dyad__entry_link(d, node, id);
    d->st.verb_forms++;
    return DYAD_OK;
}

static dyad_status S_verb_line(vload *V, const dyad__line *ln)
{
    dyad_dict *d = V->d;
    char q[48];
    if (!V->block) {
        ERR(V, ln->no, "verb '%s' outside a verb block (no '--- NAME [CODE] ---' before it)",
            S_q(q, ln->s, ln->n));
        return DYAD_OK;
    }
    const char *s = ln->s, *end = s + ln->n;
    const char *lc = memchr(s, '{', ln->n), *lb = memchr(s, '[', ln->n);
    const char *rc = NULL, *rb = NULL;
    if (lc && lb && lb < lc) lc = NULL; /* '{' after the code: stray text */
    if (lc) {
        rc = memchr(lc, '}', (size_t)(end - lc));
        if (!rc) {
            ERR(V, ln->no, "'{' without '}'; verb left out");
            return DYAD_OK;
        }
        if (lb && lb < rc) lb = memchr(rc, '[', (size_t)(end - rc));
    }
    uint32_t code = d->blocks[V->block].code, passive = d->blocks[V->block].passive;
    if (lb) {
        rb = memchr(lb, ']', (size_t)(end - lb));
        if (!rb) {
            ERR(V, ln->no, "'[' without ']'; verb left out");
            return DYAD_OK;
        }
        dyad_status st = S_code(d, lb + 1, (size_t)(rb - lb - 1), &code, &passive);
        if (st == DYAD_ENOMEM) return st;
        if (st != DYAD_OK) {
            ERR(V, ln->no, "malformed code [%s]; verb left out",
                S_q(q, lb + 1, (size_t)(rb - lb - 1)));
            return DYAD_OK;
        }
    }
    const char *spec_end = lc ? lc : lb ? lb : end;
    /* stray text after the forms or the code */
    const char *tail = rb ? rb + 1 : rc ? rc + 1 : end;
    size_t tn = (size_t)(end - tail);
    if (rc && lb && lb > rc) {
        const char *mid = rc + 1;
        size_t mn = (size_t)(lb - mid);
        dyad__trim(&mid, &mn);
        if (mn) WARN(V, ln->no, "text '%s' between the forms and the code ignored", S_q(q, mid, mn));
    }
    dyad__trim(&tail, &tn);
    if (tn) WARN(V, ln->no, "text '%s' after the verb ignored", S_q(q, tail, tn));

    dyad__phrase ph;
    size_t vi;
    int plus;
    const char *why = "";
    const char *spec = s;
    size_t sn = (size_t)(spec_end - s);
    dyad__trim(&spec, &sn);
    dyad_status st = S_verb_spec(V, spec, sn, &ph, &vi, &plus, &why);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK) {
        ERR(V, ln->no, "verb '%s': %s; verb left out", S_q(q, spec, sn), why);
        return DYAD_OK;
    }
    if (!plus && ph.n > 1)
        WARN(V, ln->no, "multi-word verb '%s' without '+' to mark the verb; taking '%s' "
                        "(the first word)",
             S_q(q, spec, sn), d->strs.str[ph.w[0]]);
    d->st.verbs++;
    st = S_add_form(V, &ph, vi, code, passive, DYAD_DICT_F_PRIMARY, ln->no);
    if (st != DYAD_OK) return st;
    if (lc) {
        /* listed forms, no generated ones */
        const char *f = lc + 1;
        while (f < rc) {
            while (f < rc && S_blank(*f)) f++;
            const char *g = f;
            while (g < rc && !S_blank(*g)) g++;
            if (g == f) break;
            dyad__phrase fp;
            size_t fvi;
            int fplus;
            st = S_verb_spec(V, f, (size_t)(g - f), &fp, &fvi, &fplus, &why);
            if (st == DYAD_ENOMEM) return st;
            if (st != DYAD_OK) {
                ERR(V, ln->no, "verb form '%s': %s; form left out", S_q(q, f, (size_t)(g - f)),
                    why);
            } else if (plus && !fplus && fp.n > 1) {
                WARN(V, ln->no, "form '%s' of a multi-word verb has no '+'; taking its first "
                                "word as the verb",
                     S_q(q, f, (size_t)(g - f)));
                st = S_add_form(V, &fp, fvi, code, passive, 0, ln->no);
            } else {
                st = S_add_form(V, &fp, fvi, code, passive, 0, ln->no);
            }
            if (st == DYAD_ENOMEM) return st;
            f = g;
        }
        return DYAD_OK;
    }
    /* regular or table forms of the verb word */
    char forms[24][64];
    const char *vw = d->strs.str[ph.w[vi]];
    size_t nf = dyad__verb_forms(vw, strlen(vw), forms, 24);
    for (size_t i = 0; i < nf; i++) {
        dyad__phrase fp = ph;
        fp.w[vi] = dyad__dict_intern(d, forms[i], strlen(forms[i]));
        if (!fp.w[vi]) return DYAD_ENOMEM;
        st = S_add_form(V, &fp, vi, code, passive, DYAD_DICT_F_GENERATED, ln->no);
        if (st != DYAD_OK) return st;
    }
    return DYAD_OK;
}

/* --------------------------------------------------------------- patterns */

static dyad_status S_elem(dyad_dict *d, int kind, int adjacent, uint32_t id, const char *text)
{
    if (DYAD__RESERVE(d->pelems, d->pelems_cap, d->npelems + 1)) return DYAD_ENOMEM;
    dyad_pat_elem *e = &d->pelems[d->npelems++];
    e->kind = (unsigned char)kind;
    e->adjacent = (unsigned char)(adjacent != 0);
    e->id = id;
    e->text = text;
    return DYAD_OK;
}

static int S_word_stop(char c)
{
    return S_blank(c) || c == '_' || c == '{' || c == '}' || c == '(' || c == ')' || c == '*';
}

/* Parses pattern text into raw elements appended to d->pelems (synset
 * references unresolved: id 0, text "&NAME_MAYBE_MORE").  On DYAD_EDICT
 * why says what is wrong and the elements are dropped. */
static dyad_status S_pattern_elems(vload *V, unsigned long line, const char *s, size_t n,
                                   size_t *nelems, size_t *verb, const char **why)
{
    dyad_dict *d = V->d;
    size_t start = d->npelems;
    int adj = 0, np = 0, pp = 0, verbs = 0;
    size_t i = 0;
    static const char sym_text[][2] = {"*", "$", "+", "%", "^", "{", "}", "(", ")"};
    dyad_status st = DYAD_OK;
    *why = NULL;
    while (i < n && !*why) {
        char c = s[i];
        if (S_blank(c) || c == '_') {
            int blank = 0;
            while (i < n && (S_blank(s[i]) || s[i] == '_')) blank |= s[i++] != '_';
            adj = !blank;
            continue;
        }
        int kind = 0;
        const char *text = NULL;
        switch (c) {
        case '*': kind = DYAD_PAT_VERB; text = sym_text[0]; break;
        case '$': kind = DYAD_PAT_SOURCE; text = sym_text[1]; break;
        case '+': kind = DYAD_PAT_TARGET; text = sym_text[2]; break;
        case '%': kind = DYAD_PAT_COMPOUND; text = sym_text[3]; break;
        case '^': kind = DYAD_PAT_SKIP; text = sym_text[4]; break;
        case '{': kind = DYAD_PAT_NP_BEGIN; text = sym_text[5]; break;
        case '}': kind = DYAD_PAT_NP_END; text = sym_text[6]; break;
        case '(': kind = DYAD_PAT_PP_BEGIN; text = sym_text[7]; break;
        case ')': kind = DYAD_PAT_PP_END; text = sym_text[8]; break;
        default: break;
        }
        if (kind) {
            switch (kind) {
            case DYAD_PAT_NP_BEGIN:
                if (np) *why = "'{' inside '{ }'";
                np = 1;
                break;
            case DYAD_PAT_NP_END:
                if (!np) {
                    WARN(V, line, "'}' without '{' ignored");
                    i++;
                    continue;
                }
                if (d->npelems > start && d->pelems[d->npelems - 1].kind == DYAD_PAT_NP_BEGIN)
                    *why = "empty '{ }'";
                np = 0;
                break;
            case DYAD_PAT_PP_BEGIN:
                if (pp) *why = "'(' inside '( )'";
                if (np) *why = "'(' inside '{ }'";
                pp = 1;
                break;
            case DYAD_PAT_PP_END:
                if (!pp) {
                    WARN(V, line, "')' without '(' ignored");
                    i++;
                    continue;
                }
                if (np) *why = "')' inside '{ }'";
                else if (d->npelems > start && d->pelems[d->npelems - 1].kind == DYAD_PAT_PP_BEGIN)
                    *why = "empty '( )'";
                pp = 0;
                break;
            case DYAD_PAT_VERB:
                if (np || pp) *why = "'*' inside brackets";
                *verb = d->npelems - start;
                verbs++;
                break;
            default:
                break;
            }
            int bracket = kind >= DYAD_PAT_NP_BEGIN;
            st = S_elem(d, kind, bracket ? 0 : adj, 0, text);
            if (st != DYAD_OK) break;
            if (!bracket) adj = 0;
            i++;
            continue;
        }
        size_t j = i + 1;
        if (c == '&') {
            while (j < n && !S_blank(s[j]) && s[j] != '{' && s[j] != '}' && s[j] != '(' &&
                   s[j] != ')' && s[j] != '*')
                j++;
            while (j > i + 1 && s[j - 1] == '_') j--; /* "&AUX_*": '_' joins */
            if (j == i + 1) {
                *why = "'&' without a synset name";
                break;
            }
            char *raw = dyad__arena_strndup(&d->arena, s + i, j - i);
            if (!raw) return DYAD_ENOMEM;
            st = S_elem(d, DYAD_PAT_SYNSET, adj, 0, raw);
            if (st != DYAD_OK) break;
        } else {
            while (j < n && !S_word_stop(s[j])) j++;
            dyad__phrase ph;
            memset(&ph, 0, sizeof ph);
            st = dyad__phrase_add(d, V->lx, &ph, s + i, j - i, adj);
            if (st == DYAD_EDICT) {
                *why = "word too long";
                st = DYAD_OK;
                break;
            }
            if (st != DYAD_OK) break;
            for (size_t k = 0; k < ph.n && st == DYAD_OK; k++)
                st = S_elem(d, DYAD_PAT_WORD, k ? 1 : adj, ph.w[k], d->strs.str[ph.w[k]]);
            if (st != DYAD_OK) break;
        }
        adj = 0;
        i = j;
    }
    if (st == DYAD_OK && !*why) {
        if (np) *why = "'{' without '}'";
        else if (pp) *why = "'(' without ')'";
        else if (verbs == 0) *why = "no '*' for the verb";
        else if (verbs > 1) *why = "more than one '*'";
        else if (d->npelems - start > DYAD__MAX_ELEMS) *why = "too many elements";
    }
    *nelems = d->npelems - start;
    if (st != DYAD_OK || *why) {
        d->npelems = start;
        return st != DYAD_OK ? st : DYAD_EDICT;
    }
    return DYAD_OK;
}

static dyad_status S_pattern(vload *V, const dyad__line *ln)
{
    dyad_dict *d = V->d;
    char q[48];
    if (!V->block) {
        ERR(V, ln->no, "pattern outside a verb block (no '--- NAME [CODE] ---' before it)");
        return DYAD_OK;
    }
    const char *s = ln->s + 1, *end = ln->s + ln->n;
    const char *lb = NULL;
    for (const char *p = end; p > s; p--)
        if (p[-1] == '[') {
            lb = p - 1;
            break;
        }
    if (!lb) {
        ERR(V, ln->no, "pattern without a [code]; pattern left out");
        return DYAD_OK;
    }
    const char *rb = memchr(lb, ']', (size_t)(end - lb));
    if (!rb) {
        ERR(V, ln->no, "'[' without ']' in the pattern's code; pattern left out");
        return DYAD_OK;
    }
    uint32_t code, passive;
    dyad_status st = S_code(d, lb + 1, (size_t)(rb - lb - 1), &code, &passive);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK) {
        ERR(V, ln->no, "malformed code [%s]; pattern left out",
            S_q(q, lb + 1, (size_t)(rb - lb - 1)));
        return DYAD_OK;
    }
    const char *tail = rb + 1;
    size_t tn = (size_t)(end - tail);
    dyad__trim(&tail, &tn);
    if (tn) WARN(V, ln->no, "text '%s' after the pattern's code ignored", S_q(q, tail, tn));
    const char *text = s;
    size_t n = (size_t)(lb - s);
    dyad__trim(&text, &n);
    while (n && text[n - 1] == '_') n--; /* "* OFF_": the TABARI no-stem mark */
    if (memchr(text, '[', n) || memchr(text, ']', n)) {
        ERR(V, ln->no, "stray '[' or ']' in the pattern; pattern left out");
        return DYAD_OK;
    }
    size_t first = d->npelems, nelems = 0, verb = 0;
    const char *why;
    st = S_pattern_elems(V, ln->no, text, n, &nelems, &verb, &why);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK) {
        ERR(V, ln->no, "pattern '%s': %s; pattern left out", S_q(q, text, n), why);
        return DYAD_OK;
    }
    /* duplicates within the block */
    uint64_t key = DYAD__NS_PATTEXT |
                   (uint64_t)(dyad__hash_bytes(text, n) ^ (V->block * 0x9E3779B1u));
    uint32_t prev = dyad__map_get(&d->map, key);
    if (prev && d->pats[prev].block == V->block && strlen(d->pats[prev].text) == n &&
        memcmp(d->pats[prev].text, text, n) == 0) {
        const dyad__pattern *p = &d->pats[prev];
        if (p->code == code && p->passive == passive)
            WARN(V, ln->no, "duplicate pattern (same as %s:%lu)", d->files[p->file].path,
                 (unsigned long)p->line);
        else
            WARN(V, ln->no, "conflicting pattern: same words as %s:%lu, other code",
                 d->files[p->file].path, (unsigned long)p->line);
    }
    if (d->npats == 0) d->npats = 1;
    if (DYAD__RESERVE(d->pats, d->pats_cap, d->npats + 1)) return DYAD_ENOMEM;
    dyad__pattern *p = &d->pats[d->npats];
    p->block = V->block;
    p->file = V->file;
    p->line = (uint32_t)ln->no;
    p->code = code;
    p->passive = passive;
    p->text = dyad__arena_strndup(&d->arena, text, n);
    if (!p->text) return DYAD_ENOMEM;
    p->elems = (uint32_t)first;
    p->nelems = (uint32_t)nelems;
    p->verb = (uint32_t)verb;
    if (!prev && dyad__map_put(&d->map, key, (uint32_t)d->npats) != 0) return DYAD_ENOMEM;
    d->npats++;
    d->blocks[V->block].npatterns++;
    return DYAD_OK;
}

/* ---------------------------------------------------------------- synsets */

/* Upper-cases an ASCII synset name into buf; strips final '_'. */
static size_t S_syn_name(const char *s, size_t n, char *buf, size_t cap, int *noplural)
{
    if (noplural) *noplural = 0;
    while (n && s[n - 1] == '_') {
        n--;
        if (noplural) *noplural = 1;
    }
    if (n >= cap) return 0;
    for (size_t i = 0; i < n; i++) buf[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    return n;
}

static dyad_status S_label(vload *V, const dyad__line *ln)
{
    dyad_dict *d = V->d;
    char q[48];
    const char *s = ln->s + 1, *end = ln->s + ln->n;
    const char *e = s;
    while (e < end && !S_blank(*e)) e++;
    V->synset = 0;
    char name[128];
    int noplural;
    size_t nn = S_syn_name(s, (size_t)(e - s), name, sizeof name, &noplural);
    if (nn == 0) {
        ERR(V, ln->no, "synset label '&%s' without a name (or too long); synset and its "
                       "members left out",
            S_q(q, s, (size_t)(e - s)));
        V->synset = DROPPED;
        return DYAD_OK;
    }
    for (size_t i = 0; i < nn; i++)
        if (name[i] == '&' || name[i] == '{' || name[i] == '}' || name[i] == '(' ||
            name[i] == ')' || name[i] == '*' || name[i] == '[' || name[i] == ']') {
            ERR(V, ln->no, "synset name '&%s' contains '%c'; synset and its members left out",
                S_q(q, name, nn), name[i]);
            V->synset = DROPPED;
            return DYAD_OK;
        }
    const char *rest = e;
    size_t rn = (size_t)(end - e);
    dyad__trim(&rest, &rn);
    if (rn) WARN(V, ln->no, "text '%s' after the synset label ignored", S_q(q, rest, rn));
    uint32_t nid = dyad__dict_intern(d, name, nn);
    if (!nid) return DYAD_ENOMEM;
    uint32_t sid = dyad__map_get(&d->map, DYAD__NS_SYNSET | nid);
    if (sid) {
        const dyad__synset *o = &d->syns[sid];
        WARN(V, ln->no, "synset &%s defined again (first at %s:%lu); the members are added "
                        "to it",
             name, d->files[o->file].path, (unsigned long)o->line);
        V->synset = sid;
        return DYAD_OK;
    }
    if (d->nsyns == 0) d->nsyns = 1;
    if (DYAD__RESERVE(d->syns, d->syns_cap, d->nsyns + 1)) return DYAD_ENOMEM;
    sid = (uint32_t)d->nsyns;
    dyad__synset *y = &d->syns[sid];
    memset(y, 0, sizeof *y);
    y->name = nid;
    y->file = V->file;
    y->line = (uint32_t)ln->no;
    y->noplural = (uint8_t)noplural;
    y->root = dyad__trie_node(d);
    if (!y->root) return DYAD_ENOMEM;
    if (dyad__map_put(&d->map, DYAD__NS_SYNSET | nid, sid) != 0) return DYAD_ENOMEM;
    d->nsyns++;
    V->synset = sid;
    return DYAD_OK;
}

static dyad_status S_member(vload *V, const dyad__line *ln)
{
    dyad_dict *d = V->d;
    char q[48];
    const char *s = ln->s + 1;
    size_t n = ln->n - 1;
    if (V->synset == DROPPED) return DYAD_OK; /* its label was reported */
    dyad__trim(&s, &n);
    if (n == 0) {
        ERR(V, ln->no, "empty synset member");
        return DYAD_OK;
    }
    for (size_t i = 0; i < n; i++)
        if (strchr("*$+%^{}()[]", s[i])) {
            ERR(V, ln->no, "synset member '%s' contains '%c' (members are plain words or "
                           "synsets); member left out",
                S_q(q, s, n), s[i]);
            return DYAD_OK;
        }
    if (memchr(s, '&', n)) {
        /* refers to another synset: kept as text until compile */
        if (DYAD__RESERVE(d->raws, d->raws_cap, d->nraws + 1)) return DYAD_ENOMEM;
        dyad__rawmember *r = &d->raws[d->nraws];
        r->synset = V->synset;
        r->file = V->file;
        r->line = (uint32_t)ln->no;
        r->text = dyad__arena_strndup(&d->arena, s, n);
        if (!r->text) return DYAD_ENOMEM;
        d->nraws++;
        return DYAD_OK;
    }
    dyad__phrase ph;
    memset(&ph, 0, sizeof ph);
    dyad_status st = dyad__phrase_add(d, V->lx, &ph, s, n, 1);
    if (st == DYAD_ENOMEM) return st;
    if (st != DYAD_OK || ph.n == 0) {
        ERR(V, ln->no, "synset member '%s' too long; member left out", S_q(q, s, n));
        return DYAD_OK;
    }
    for (size_t i = 1; i < ph.n; i++) ph.adj[i] = 1; /* members are consecutive words */
    dyad__synset *y = &d->syns[V->synset];
    int plural = !y->noplural && ph.open_end;
    ph.open_end = 0;
    uint32_t dup;
    uint32_t id = dyad__entry_add(d, y->root, &ph, DYAD__KIND_SYNSET, 0, V->file, ln->no, &dup);
    if (!id) return DYAD_ENOMEM;
    d->ent[id].group = V->synset;
    y->nmembers++;
    if (dup && d->ent[dup].file == V->file && !(d->ent[dup].flags & DYAD_DICT_F_GENERATED))
        WARN(V, ln->no, "duplicate member of &%s (same as line %lu)", d->strs.str[y->name],
             (unsigned long)d->ent[dup].line);
    if (plural) {
        char forms[4][64];
        const char *last = d->strs.str[ph.w[ph.n - 1]];
        size_t nf = dyad__noun_plural(last, strlen(last), forms, 4);
        for (size_t i = 0; i < nf; i++) {
            dyad__phrase pl = ph;
            pl.w[ph.n - 1] = dyad__dict_intern(d, forms[i], strlen(forms[i]));
            if (!pl.w[ph.n - 1]) return DYAD_ENOMEM;
            id = dyad__entry_add(d, d->syns[V->synset].root, &pl, DYAD__KIND_SYNSET,
                                 DYAD_DICT_F_GENERATED, V->file, ln->no, NULL);
            if (!id) return DYAD_ENOMEM;
            d->ent[id].group = V->synset;
            d->syns[V->synset].nmembers++;
        }
    }
    return DYAD_OK;
}

/* ---------------------------------------------------------- transformations */

static int S_var_ok(const char *t)
{
    return t[1] == 0 && ((t[0] >= 'a' && t[0] <= 'z') || t[0] == '.' || t[0] == '_');
}

static int S_verb_ok(const char *t)
{
    if (!*t) return 0;
    for (const char *p = t; *p; p++)
        if (strchr("()=", *p)) return 0;
    return 1;
}

static dyad_status S_transform(vload *V, const dyad__line *ln)
{
    dyad_dict *d = V->d;
    char q[48];
    /* tokens: blanks separate, '(' ')' '=' stand alone */
    char *tok[64];
    size_t nt = 0;
    const char *s = ln->s + 1, *end = ln->s + ln->n;
    while (s < end) {
        while (s < end && S_blank(*s)) s++;
        if (s >= end) break;
        const char *e = s + 1;
        if (*s != '(' && *s != ')' && *s != '=')
            while (e < end && !S_blank(*e) && *e != '(' && *e != ')' && *e != '=') e++;
        if (nt == 64) {
            ERR(V, ln->no, "transformation too long; left out");
            return DYAD_OK;
        }
        tok[nt] = dyad__arena_strndup(&d->arena, s, (size_t)(e - s));
        if (!tok[nt]) return DYAD_ENOMEM;
        nt++;
        s = e;
    }
    /* SOURCE ( SOURCE ( ... SOURCE TARGET VERB ) VERB ) VERB = S T CODE */
    const char *src[32], *verb[32], *target = NULL;
    size_t lv = 0, i = 0, opens = 0;
    const char *why = NULL;
    for (;;) {
        if (i >= nt || !S_var_ok(tok[i])) {
            why = "expected a source (a letter, '.' or '_')";
            break;
        }
        if (lv == 32) {
            why = "nested too deep";
            break;
        }
        src[lv] = tok[i++];
        if (i < nt && tok[i][0] == '(' && !tok[i][1]) {
            i++;
            opens++;
            lv++;
            continue;
        }
        if (i >= nt || !S_var_ok(tok[i])) {
            why = "expected a target (a letter, '.' or '_')";
            break;
        }
        target = tok[i++];
        if (i >= nt || !S_verb_ok(tok[i])) {
            why = "expected a verb";
            break;
        }
        verb[lv++] = tok[i++];
        break;
    }
    /* close the levels: ") VERB" each, innermost out */
    for (size_t k = lv - 1; !why && opens; opens--, k--) {
        if (i >= nt || strcmp(tok[i], ")") != 0) {
            why = "expected ')'";
            break;
        }
        i++;
        if (i >= nt || !S_verb_ok(tok[i])) {
            why = "expected a verb after ')'";
            break;
        }
        verb[k - 1] = tok[i++];
    }
    if (!why && (i >= nt || strcmp(tok[i], "=") != 0)) why = "expected '='";
    if (!why) i++;
    if (!why && (nt - i != 3 || !S_var_ok(tok[i]) || !S_var_ok(tok[i + 1]) ||
                 strchr("()=", tok[i + 2][0])))
        why = "expected 'SOURCE TARGET CODE' after '='";
    if (why) {
        ERR(V, ln->no, "transformation '%s': %s; left out", S_q(q, ln->s, ln->n), why);
        return DYAD_OK;
    }
    if (d->ntfs == 0) d->ntfs = 1;
    if (DYAD__RESERVE(d->tfs, d->tfs_cap, d->ntfs + 1)) return DYAD_ENOMEM;
    dyad__transform *t = &d->tfs[d->ntfs];
    memset(t, 0, sizeof *t);
    t->file = V->file;
    t->line = (uint32_t)ln->no;
    t->text = dyad__arena_strndup(&d->arena, ln->s, ln->n);
    t->sources = dyad__arena_alloc(&d->arena, lv * sizeof *t->sources);
    t->verbs = dyad__arena_alloc(&d->arena, lv * sizeof *t->verbs);
    if (!t->text || !t->sources || !t->verbs) return DYAD_ENOMEM;
    for (size_t k = 0; k < lv; k++) {
        t->sources[k] = src[k];
        t->verbs[k] = verb[k];
    }
    t->nlevels = (uint32_t)lv;
    t->target = target;
    t->out_source = tok[i];
    t->out_target = tok[i + 1];
    t->out_code = tok[i + 2];
    d->ntfs++;
    return DYAD_OK;
}

/* ------------------------------------------------------------------ loader */

dyad_status dyad__load_verbs(dyad_dict *d, dyad__lines *L, dyad__lexer *lx)
{
    vload V = {d, lx, L->file, 0, 0};
    dyad__line ln;
    dyad_status st = DYAD_OK;
    while (st != DYAD_ENOMEM && dyad__lines_next(L, &ln)) {
        char c = ln.s[0];
        if (ln.n >= 3 && memcmp(ln.s, "---", 3) == 0) {
            V.synset = 0;
            st = S_header(&V, &ln);
        } else if (c == '-') {
            V.synset = 0;
            st = S_pattern(&V, &ln);
        } else if (c == '&') {
            st = S_label(&V, &ln);
        } else if (c == '+' && V.synset) {
            st = S_member(&V, &ln);
        } else if (c == '~') {
            V.synset = 0;
            st = S_transform(&V, &ln);
        } else if (c == '<') {
            V.synset = 0;
            WARN(&V, ln.no, "markup line ignored");
        } else {
            V.synset = 0;
            st = S_verb_line(&V, &ln);
        }
    }
    return st == DYAD_ENOMEM ? st : DYAD_OK;
}

/* ------------------------------------------------------------------ compile */

/* Longest synset name that raw (without '&') starts with, cutting at '_'.
 * Returns the synset id and sets *used to the bytes of raw it took. */
static uint32_t S_resolve(const dyad_dict *d, const char *raw, size_t n, size_t *used)
{
    char name[128];
    size_t cut = n;
    for (;;) {
        size_t nn = S_syn_name(raw, cut, name, sizeof name, NULL);
        if (nn) {
            uint32_t nid = dyad__dict_find(d, name, nn);
            uint32_t sid = nid ? dyad__map_get(&d->map, DYAD__NS_SYNSET | nid) : 0;
            if (sid) {
                *used = cut;
                return sid;
            }
        }
        while (cut && raw[cut - 1] != '_') cut--;
        if (cut == 0) return 0;
        cut--; /* drop the '_' */
    }
}

/* Words following a synset reference in a raw chunk ("_RELATIONS"). */
static dyad_status S_tail_words(dyad_dict *d, dyad__lexer *lx, const char *s, size_t n,
                                dyad__phrase *ph)
{
    memset(ph, 0, sizeof *ph);
    while (n && *s == '_') {
        s++;
        n--;
    }
    if (!n) return DYAD_OK;
    return dyad__phrase_add(d, lx, ph, s, n, 1);
}

/* Depth of synset nesting (1 for plain members); 0 when a member is
 * broken (cycle, too deep) -- those get their error and are unlinked. */
static int S_syn_depth(dyad_dict *d, uint32_t sid, int level);

static int S_member_refs_depth(dyad_dict *d, uint32_t e, int level)
{
    int depth = 0;
    const dyad__entry *x = &d->ent[e];
    for (uint32_t i = 0; i < x->nwords; i++) {
        if (!(d->wadj[x->words + i] & 2)) continue;
        int k = S_syn_depth(d, d->wid[x->words + i], level + 1);
        if (k <= 0) return k;
        if (k > depth) depth = k;
    }
    return depth + 1;
}

static int S_syn_depth(dyad_dict *d, uint32_t sid, int level)
{
    dyad__synset *y = &d->syns[sid];
    if (y->state == 1) return -1;             /* cycle */
    if (y->state >= 2) return y->state - 1;   /* state 2+k: depth k+1 */
    if (level > 16) return -2;
    y->state = 1;
    int depth = 1;
    uint32_t prev = 0;
    for (uint32_t e = y->first_complex; e;) {
        uint32_t next = d->ent[e].next;
        int k = S_member_refs_depth(d, e, level);
        if (k <= 0) {
            dyad__dict_diag(d, DYAD_DICT_ERROR, d->ent[e].file, d->ent[e].line,
                            k == -1 ? "synset &%s refers to itself through its members; "
                                      "member left out"
                                    : "synsets nested more than 16 deep under &%s; member "
                                      "left out",
                            d->strs.str[y->name]);
            if (prev) d->ent[prev].next = next;
            else y->first_complex = next;
            y->nmembers--;
        } else {
            if (k > depth) depth = k;
            prev = e;
        }
        e = next;
    }
    y->state = (uint8_t)(2 + depth - 1);
    return depth;
}

static dyad_status S_compile_members(dyad_dict *d, dyad__lexer *lx)
{
    for (size_t r = 0; r < d->nraws; r++) {
        const dyad__rawmember *m = &d->raws[r];
        dyad__phrase ph;
        memset(&ph, 0, sizeof ph);
        uint8_t isref[DYAD__MAX_WORDS] = {0};
        const char *s = m->text;
        size_t n = strlen(s), i = 0;
        const char *why = NULL;
        char q[48];
        while (i < n && !why) {
            if (S_blank(s[i])) {
                i++;
                continue;
            }
            size_t j = i;
            if (s[i] == '&') {
                while (j < n && !S_blank(s[j])) j++;
                size_t used = 0;
                uint32_t sid = S_resolve(d, s + i + 1, j - i - 1, &used);
                if (!sid) {
                    dyad__dict_diag(d, DYAD_DICT_WARNING, m->file, m->line,
                                    "undefined synset '%s' in a member of &%s; member ignored",
                                    S_q(q, s + i, j - i), d->strs.str[d->syns[m->synset].name]);
                    why = "";
                    break;
                }
                if (ph.n >= DYAD__MAX_WORDS) {
                    why = "too long";
                    break;
                }
                isref[ph.n] = 1;
                ph.w[ph.n] = sid;
                ph.adj[ph.n++] = 1;
                dyad__phrase tail;
                dyad_status st = S_tail_words(d, lx, s + i + 1 + used, j - i - 1 - used, &tail);
                if (st == DYAD_ENOMEM) return st;
                for (size_t k = 0; k < tail.n && ph.n < DYAD__MAX_WORDS; k++) {
                    ph.w[ph.n] = tail.w[k];
                    ph.adj[ph.n++] = 1;
                }
            } else {
                while (j < n && !S_blank(s[j]) && s[j] != '&') j++;
                size_t before = ph.n;
                dyad_status st = dyad__phrase_add(d, lx, &ph, s + i, j - i, 1);
                if (st == DYAD_ENOMEM) return st;
                if (st != DYAD_OK) why = "too long";
                for (size_t k = before; k < ph.n; k++) ph.adj[k] = 1;
            }
            i = j;
        }
        if (why) {
            if (*why)
                dyad__dict_diag(d, DYAD_DICT_ERROR, m->file, m->line,
                                "synset member too long; member left out");
            continue;
        }
        uint32_t id = dyad__entry_add(d, 0, &ph, DYAD__KIND_SYNSET, 0, m->file, m->line, NULL);
        if (!id) return DYAD_ENOMEM;
        for (size_t k = 0; k < ph.n; k++) d->wadj[d->ent[id].words + k] = (uint8_t)(1 | (isref[k] << 1));
        d->ent[id].group = m->synset;
        d->ent[id].aux = 1;
        dyad__synset *y = &d->syns[m->synset];
        if (y->last_complex) d->ent[y->last_complex].next = id;
        else y->first_complex = id;
        y->last_complex = id;
        y->nmembers++;
    }
    free(d->raws);
    d->raws = NULL;
    d->nraws = d->raws_cap = 0;
    for (size_t s = 1; s < d->nsyns; s++) S_syn_depth(d, (uint32_t)s, 0);
    for (size_t s = 1; s < d->nsyns; s++) {
        if (d->syns[s].nmembers == 0)
            dyad__dict_diag(d, DYAD_DICT_WARNING, d->syns[s].file, d->syns[s].line,
                            "synset &%s has no members", d->strs.str[d->syns[s].name]);
        d->st.synset_members += d->syns[s].nmembers;
    }
    return DYAD_OK;
}

static dyad_status S_compile_patterns(dyad_dict *d, dyad__lexer *lx)
{
    dyad_pat_elem *out = NULL;
    size_t nout = 0, cap = 0;
    size_t keep = 1;
    for (size_t b = 1; b < d->nblocks; b++) d->blocks[b].npatterns = 0;
    for (size_t p = 1; p < d->npats; p++) {
        dyad__pattern pat = d->pats[p];
        size_t start = nout, verb = 0;
        const char *bad = NULL;
        for (size_t k = 0; k < pat.nelems && !bad; k++) {
            const dyad_pat_elem *e = &d->pelems[pat.elems + k];
            if (e->kind == DYAD_PAT_VERB) verb = nout - start;
            if (e->kind != DYAD_PAT_SYNSET) {
                if (DYAD__RESERVE(out, cap, nout + 1)) goto oom;
                out[nout++] = *e;
                continue;
            }
            size_t rn = strlen(e->text + 1), used = 0;
            uint32_t sid = S_resolve(d, e->text + 1, rn, &used);
            if (!sid) {
                bad = e->text;
                break;
            }
            if (DYAD__RESERVE(out, cap, nout + 1)) goto oom;
            dyad_pat_elem *x = &out[nout++];
            *x = *e;
            x->id = sid;
            char name[130];
            snprintf(name, sizeof name, "&%s", d->strs.str[d->syns[sid].name]);
            x->text = dyad__arena_strndup(&d->arena, name, strlen(name));
            if (!x->text) goto oom;
            dyad__phrase tail;
            dyad_status st = S_tail_words(d, lx, e->text + 1 + used, rn - used, &tail);
            if (st == DYAD_ENOMEM) goto oom;
            for (size_t w = 0; w < tail.n; w++) {
                if (DYAD__RESERVE(out, cap, nout + 1)) goto oom;
                dyad_pat_elem *y = &out[nout++];
                y->kind = DYAD_PAT_WORD;
                y->adjacent = 1;
                y->id = tail.w[w];
                y->text = d->strs.str[tail.w[w]];
            }
        }
        if (bad) {
            char q[48];
            /* the format's own rule: "a pattern containing an undefined
             * synset will be ignored" */
            dyad__dict_diag(d, DYAD_DICT_WARNING, pat.file, pat.line,
                            "undefined synset '%s'; pattern ignored",
                            S_q(q, bad, strlen(bad)));
            nout = start;
            continue;
        }
        pat.elems = (uint32_t)start;
        pat.nelems = (uint32_t)(nout - start);
        pat.verb = (uint32_t)verb;
        dyad__block *b = &d->blocks[pat.block];
        if (b->npatterns == 0) b->first_pattern = (uint32_t)keep;
        b->npatterns++;
        d->pats[keep++] = pat;
    }
    free(d->pelems);
    d->pelems = out;
    d->npelems = nout;
    d->pelems_cap = cap;
    if (d->npats) d->npats = keep;
    for (size_t b = 1; b < d->nblocks; b++)
        if (d->blocks[b].npatterns == 0) d->blocks[b].first_pattern = 0;
    return DYAD_OK;
oom:
    free(out);
    return DYAD_ENOMEM;
}

static void S_compile_transforms(dyad_dict *d)
{
    size_t keep = 1;
    for (size_t t = 1; t < d->ntfs; t++) {
        dyad__transform *x = &d->tfs[t];
        const char *bad = NULL;
        for (uint32_t l = 0; l < x->nlevels && !bad; l++) {
            const char *v = x->verbs[l];
            if (strcmp(v, "Q") == 0) continue;
            const char *p = v;
            while (*p && !bad) {
                const char *e = strchr(p, '_');
                size_t n = e ? (size_t)(e - p) : strlen(p);
                uint32_t w = dyad__dict_word(d, p, n);
                uint32_t node =
                    w ? dyad__map_get(&d->map, dyad__edge_key(d->roots[DYAD_DICT_VERBS], w, 1)) : 0;
                if (!node || !d->nfirst[node]) bad = v;
                p += n;
                if (*p == '_') p++;
            }
        }
        if (bad) {
            dyad__dict_diag(d, DYAD_DICT_ERROR, x->file, x->line,
                            "transformation names '%s', which is not a verb of the "
                            "dictionaries; left out",
                            bad);
            continue;
        }
        d->tfs[keep++] = *x;
    }
    if (d->ntfs) d->ntfs = keep;
}

dyad_status dyad__verbs_compile(dyad_dict *d)
{
    dyad__lexer lx;
    dyad__lexer_init(&lx);
    dyad_status st = S_compile_members(d, &lx);
    if (st == DYAD_OK) st = S_compile_patterns(d, &lx);
    dyad__lexer_free(&lx);
    if (st != DYAD_OK) return st;
    S_compile_transforms(d);
    d->st.verb_blocks = dyad_dict_block_count(d);
    d->st.patterns = dyad_dict_pattern_count(d);
    d->st.synsets = dyad_dict_synset_count(d);
    d->st.transformations = dyad_dict_transform_count(d);
    return DYAD_OK;
}
