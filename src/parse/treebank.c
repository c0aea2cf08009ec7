/*
 * treebank.c -- reads Penn Treebank bracketings into the sentence tree
 * and finds each phrase's head token.  The reader is iterative (an explicit
 * stack with a depth limit), so no input can exhaust the C stack; any
 * malformed bracketing is refused with the byte offset of the problem
 * (DYAD_EFORMAT), and so is a parse over a limit of dyad.h (DYAD_ELIMIT:
 * DYAD_MAX_PARSE_DEPTH, DYAD_MAX_SENTENCE_TOKENS).
 * Head rules are a compact version of the classic Collins rules, tuned for
 * what the coder needs: the main verb of a clause, the main noun of a noun
 * phrase, the preposition of a prepositional phrase.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#define TREE_MAXDEPTH DYAD_MAX_PARSE_DEPTH

const char *const dyad__label_names[DYAD__L_COUNT] = {
    "", "ROOT", "S", "SBAR", "SINV", "SQ", "SBARQ", "NP", "VP", "PP", "ADJP",
    "ADVP", "WHNP", "WHADVP", "WHPP", "PRT", "QP", "NML", "UCP", "FRAG",
    "PRN", "CONJP", "NX", "X",
};

dyad__label dyad__label_parse(const char *s, size_t n)
{
    /* the base label stops at a function tag: NP-TMP, NP-SBJ=2 */
    size_t k = 0;
    while (k < n && s[k] != '-' && s[k] != '=') k++;
    if (k == 0) return DYAD__L_OTHER;
    for (int i = 1; i < DYAD__L_COUNT; i++)
        if (strlen(dyad__label_names[i]) == k && memcmp(dyad__label_names[i], s, k) == 0)
            return (dyad__label)i;
    return DYAD__L_OTHER;
}

int dyad__tag_is_noun(const char *tag)
{
    return tag[0] == 'N' && tag[1] == 'N';
}

int dyad__tag_is_verb(const char *tag)
{
    return tag[0] == 'V' && tag[1] == 'B';
}

/* Undoes the Treebank's bracket and quote escapes. */
static const char *S_unescape(const char *w, size_t n, dyad__arena *a)
{
    static const struct { const char *esc, *txt; } esc[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"},
        {"-LCB-", "{"}, {"-RCB-", "}"}, {"``", "\""}, {"''", "\""},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(esc); i++)
        if (strlen(esc[i].esc) == n && memcmp(w, esc[i].esc, n) == 0) return esc[i].txt;
    return dyad__arena_strndup(a, w, n);
}

static int S_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* ------------------------------------------------------------ head rules */

/* A child of a phrase: a token or a phrase, with the code of its tag or
 * label (dyad__tag_code) and its head token. */
typedef dyad__child child;

/* Walks the children of one node in order, tokens and phrases mixed,
 * without storing them (a node may have any number of children). */
typedef struct citer { uint32_t node, c, i; } citer;

static void S_iter(const dyad__tree *t, uint32_t node, citer *it)
{
    it->node = node;
    it->c = t->nodes[node].first_child;
    it->i = t->nodes[node].tok_a;
}

static int S_next(const dyad__tree *t, citer *it, child *out)
{
    const dyad__node *p = &t->nodes[it->node];
    while (it->i < p->tok_b) {
        /* skip empty child phrases sitting before token i */
        while (it->c != DYAD__NONE && t->nodes[it->c].tok_b <= it->i &&
               t->nodes[it->c].tok_a == t->nodes[it->c].tok_b)
            it->c = t->nodes[it->c].next_sibling;
        if (t->toks[it->i].parent == it->node) {
            out->tok = it->i++;
            out->node = DYAD__NONE;
            return 1;
        }
        if (it->c != DYAD__NONE) {
            out->tok = DYAD__NONE;
            out->node = it->c;
            it->i = t->nodes[it->c].tok_b > it->i ? t->nodes[it->c].tok_b : it->i + 1;
            it->c = t->nodes[it->c].next_sibling;
            return 1;
        }
        it->i++;
    }
    return 0;
}

/* The children of node in order into out[0..max), with their codes and
 * heads; returns how many there are in all (more than max: only the
 * first max were written). */
static size_t S_children(const dyad__tree *t, uint32_t node, child *out, size_t max)
{
    /* S_next's walk, inline: this runs for every node of every tree */
    const dyad__node *nodes = t->nodes;
    const dyad__ptok *toks = t->toks;
    uint32_t c = nodes[node].first_child, i = nodes[node].tok_a, end = nodes[node].tok_b;
    size_t n = 0;
    while (i < end) {
        while (c != DYAD__NONE && nodes[c].tok_b <= i && nodes[c].tok_a == nodes[c].tok_b)
            c = nodes[c].next_sibling;
        if (toks[i].parent == node) {
            if (n < max) {
                out[n].tok = out[n].head = i;
                out[n].node = DYAD__NONE;
                out[n].code = toks[i].code;
            }
            n++;
            i++;
        } else if (c != DYAD__NONE) {
            if (n < max) {
                out[n].tok = DYAD__NONE;
                out[n].node = c;
                out[n].head = nodes[c].head;
                out[n].code = (uint8_t)dyad__label_code(nodes[c].label);
            }
            n++;
            i = nodes[c].tok_b > i ? nodes[c].tok_b : i + 1;
            c = nodes[c].next_sibling;
        } else {
            i++;
        }
    }
    return n;
}

/* Head-rule lists: codes of tags and labels, in order of preference. */
#define HL_END 0xFFu
#define T(x) DYAD__T_##x
#define L(x) (DYAD__TC_LABEL + DYAD__L_##x)

/* Searches children for the first entry of list (list order first, then
 * children in the given direction). */
static uint32_t S_search(const child *ch, size_t n, const uint8_t *list, int left_to_right)
{
    for (size_t l = 0; list[l] != HL_END; l++) {
        for (size_t k = 0; k < n; k++) {
            size_t i = left_to_right ? k : n - 1 - k;
            if (ch[i].code == list[l] && ch[i].head != DYAD__NONE) return ch[i].head;
        }
    }
    return DYAD__NONE;
}

/* The head of node from its n children ch (all of them). */
static uint32_t S_head(const dyad__tree *t, uint32_t node, const child *ch, size_t n)
{
    /* an inner VP first: auxiliaries, modals and "to" head nothing */
    static const uint8_t vp[] = {L(VP), T(VBD), T(VBN), T(VBZ), T(VB), T(VBG), T(VBP), T(MD),
                                 DYAD__TC_AUX, DYAD__TC_AUXP, T(TO), L(ADJP), T(NN), T(NNS),
                                 L(NP), HL_END};
    static const uint8_t s[] = {L(VP), L(S), L(SBAR), L(ADJP), L(UCP), L(NP), T(TO), T(IN), HL_END};
    static const uint8_t sbar[] = {L(S), L(SQ), L(SINV), L(SBAR), L(FRAG), L(WHNP), T(IN), T(DT),
                                   HL_END};
    static const uint8_t pp[] = {T(IN), T(TO), T(VBG), T(VBN), T(RP), HL_END};
    static const uint8_t np_right[] = {T(NN), T(NNP), T(NNPS), T(NNS), L(NML), L(NX), T(JJR), HL_END};
    static const uint8_t np_left[] = {L(NP), HL_END};
    static const uint8_t np_last[] = {T(CD), T(PRP), T(JJ), T(JJS), T(RB), L(QP), T(DT), T(WDT),
                                      L(ADJP), HL_END};
    static const uint8_t adjp[] = {T(JJ), T(JJR), T(JJS), T(VBN), T(VBG), L(ADJP), T(NNS), T(NN),
                                   L(QP), HL_END};
    static const uint8_t advp[] = {T(RB), T(RBR), T(RBS), L(ADVP), T(IN), L(NP), HL_END};
    if (n == 0) return DYAD__NONE;
    uint32_t h = DYAD__NONE;
    switch (t->nodes[node].label) {
    case DYAD__L_VP: h = S_search(ch, n, vp, 1); break;
    case DYAD__L_S: case DYAD__L_SINV: case DYAD__L_SQ: case DYAD__L_ROOT:
        h = S_search(ch, n, s, 1); break;
    case DYAD__L_SBAR: case DYAD__L_SBARQ: h = S_search(ch, n, sbar, 1); break;
    case DYAD__L_PP: case DYAD__L_WHPP: h = S_search(ch, n, pp, 1); break;
    case DYAD__L_NP: case DYAD__L_NML: case DYAD__L_NX: case DYAD__L_WHNP: {
        /* a noun before any post-modifier (PP, SBAR, VP, ",") */
        size_t stop = n;
        for (size_t i = 1; i < n; i++)
            if (ch[i].node != DYAD__NONE &&
                (ch[i].code == L(PP) || ch[i].code == L(SBAR) || ch[i].code == L(VP))) {
                stop = i;
                break;
            }
        if (ch[n - 1].tok != DYAD__NONE && ch[n - 1].code == T(POS) && n > 1)
            stop = n - 1;   /* "the PKK 's": head of what owns */
        for (size_t k = stop; h == DYAD__NONE && k-- > 0;)   /* rightmost noun */
            for (size_t l = 0; np_right[l] != HL_END && h == DYAD__NONE; l++)
                if (ch[k].code == np_right[l]) h = ch[k].head;
        if (h == DYAD__NONE) h = S_search(ch, stop, np_left, 1);
        if (h == DYAD__NONE) h = S_search(ch, stop, np_last, 0);
        break;
    }
    case DYAD__L_ADJP: h = S_search(ch, n, adjp, 1); break;
    case DYAD__L_ADVP: h = S_search(ch, n, advp, 0); break;
    default: break;
    }
    for (size_t i = 0; h == DYAD__NONE && i < n; i++) h = ch[i].head;
    return h;
}

#undef T
#undef L

/* --------------------------------------------------------------- reader */

/* Phrases of no words -- "(NP )", or a phrase that held only traces,
 * "(NP (-NONE- *T*-1))" -- leave their parents' child lists: every phrase
 * a stage walks to then has a first and a last word to read, as the
 * chunker's phrases always have (the coder read the word at an empty
 * phrase's start, one past the sentence when it ended it).  The nodes
 * stay in the array, unreachable, so indices do not move. */
static void S_unlink_empty(dyad__tree *t)
{
    for (uint32_t p = 0; p < t->nnodes; p++) {
        uint32_t *link = &t->nodes[p].first_child;
        while (*link != DYAD__NONE) {
            dyad__node *ch = &t->nodes[*link];
            if (ch->tok_a >= ch->tok_b) *link = ch->next_sibling;
            else link = &ch->next_sibling;
        }
    }
}

dyad_status dyad__tree_read(dyad__tree *t, const char *text, size_t len,
                            dyad__arena *a, dyad__err *err)
{
    memset(t, 0, sizeof *t);
    t->root = DYAD__NONE;
    size_t opens = 0;
    for (size_t i = 0; i < len; i++) opens += text[i] == '(';
    if (opens == 0)
        return dyad__err_set(err, DYAD_EFORMAT, "byte 0: not a bracketed parse");
    t->nodes = dyad__arena_alloc(a, opens * sizeof *t->nodes);
    t->toks = dyad__arena_alloc(a, opens * sizeof *t->toks);
    if (!t->nodes || !t->toks)
        return dyad__err_set(err, a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "parse too large for the document's memory");
    uint32_t stack[TREE_MAXDEPTH];
    uint32_t last_child[TREE_MAXDEPTH];
    int depth = 0;
    size_t i = 0;
    while (i < len) {
        char c = text[i];
        if (S_space(c)) { i++; continue; }
        if (c == ')') {
            if (depth == 0)
                return dyad__err_set(err, DYAD_EFORMAT, "byte %zu: unbalanced ')'", i);
            dyad__node *nd = &t->nodes[stack[--depth]];
            nd->tok_b = t->ntoks;
            i++;
            if (depth == 0) {
                /* ignore trailing blanks; anything else is an error */
                while (i < len && S_space(text[i])) i++;
                if (i < len)
                    return dyad__err_set(err, DYAD_EFORMAT, text[i] == ')'
                                         ? "byte %zu: unbalanced ')'"
                                         : "byte %zu: text after the end of the tree", i);
            }
            continue;
        }
        if (c != '(')
            return dyad__err_set(err, DYAD_EFORMAT, "byte %zu: expected '(' or ')'", i);
        size_t at = i++;
        while (i < len && S_space(text[i])) i++;
        size_t ls = i;
        while (i < len && !S_space(text[i]) && text[i] != '(' && text[i] != ')') i++;
        size_t ll = i - ls;
        while (i < len && S_space(text[i])) i++;
        if (i >= len)
            return dyad__err_set(err, DYAD_EFORMAT, "byte %zu: parse ends inside a bracket", at);
        if (text[i] != '(' && text[i] != ')') {
            /* (TAG word): a token */
            size_t ws = i;
            while (i < len && !S_space(text[i]) && text[i] != '(' && text[i] != ')') i++;
            size_t wl = i - ws;
            while (i < len && S_space(text[i])) i++;
            if (i >= len || text[i] != ')')
                return dyad__err_set(err, DYAD_EFORMAT,
                                     "byte %zu: a word must be followed by ')'", i < len ? i : len);
            if (depth == 0 || ll == 0)
                return dyad__err_set(err, DYAD_EFORMAT, "byte %zu: word without a tag or phrase", at);
            i++;
            if (strncmp(text + ls, "-NONE-", ll) == 0 && ll == 6) continue;  /* traces */
            if (t->ntoks == DYAD_MAX_SENTENCE_TOKENS)
                return dyad__err_set(err, DYAD_ELIMIT,
                                     "byte %zu: more than %d words in one parse, the limit", ws,
                                     DYAD_MAX_SENTENCE_TOKENS);
            dyad__ptok *k = &t->toks[t->ntoks++];
            k->tag = dyad__arena_strndup(a, text + ls, ll);
            k->word = S_unescape(text + ws, wl, a);
            k->parent = stack[depth - 1];
            if (!k->tag || !k->word)
                return dyad__err_set(err, a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM, "out of memory");
            k->code = (uint8_t)dyad__tag_code(k->tag);
            k->len = (uint32_t)strlen(k->word);
            continue;
        }
        if (depth == TREE_MAXDEPTH)
            return dyad__err_set(err, DYAD_ELIMIT,
                                 "byte %zu: brackets nested deeper than %d, the limit", at,
                                 TREE_MAXDEPTH);
        if (depth == 0 && t->root != DYAD__NONE)
            return dyad__err_set(err, DYAD_EFORMAT, "byte %zu: a second tree", at);
        uint32_t id = t->nnodes++;
        dyad__node *nd = &t->nodes[id];
        nd->label_str = ll ? dyad__arena_strndup(a, text + ls, ll) : "ROOT";
        nd->label = ll ? (uint8_t)dyad__label_parse(text + ls, ll) : DYAD__L_ROOT;
        nd->parent = depth ? stack[depth - 1] : DYAD__NONE;
        nd->first_child = nd->next_sibling = DYAD__NONE;
        nd->tok_a = nd->tok_b = t->ntoks;
        nd->head = DYAD__NONE;
        if (!nd->label_str)
            return dyad__err_set(err, a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM, "out of memory");
        if (depth) {
            uint32_t p = stack[depth - 1];
            if (t->nodes[p].first_child == DYAD__NONE) t->nodes[p].first_child = id;
            else t->nodes[last_child[depth - 1]].next_sibling = id;
            last_child[depth - 1] = id;
        } else {
            t->root = id;
        }
        stack[depth++] = id;
    }
    if (depth != 0)
        return dyad__err_set(err, DYAD_EFORMAT, "byte %zu: %d bracket%s left open", len,
                             depth, depth == 1 ? "" : "s");
    S_unlink_empty(t);
    if (dyad__tree_heads(t) != DYAD_OK) return dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    return DYAD_OK;
}

uint32_t dyad__tree_head_of(const dyad__tree *t, uint32_t node, const dyad__child *ch, size_t n)
{
    return S_head(t, node, ch, n);
}

dyad_status dyad__tree_heads(dyad__tree *t)
{
    /* bottom-up: every child node has a larger index than its parent.
     * Children go to a stack buffer, or to the heap for a node with more
     * (a flat list of hundreds of words): none is ever left out. */
    child local[256];
    child *ch = local;
    size_t cap = DYAD_ARRAY_LEN(local);
    dyad_status st = DYAD_OK;
    for (uint32_t k = t->nnodes; k-- > 0;) {
        size_t n = S_children(t, k, ch, cap);
        if (n > cap) {
            child *nv = malloc(n * sizeof *nv);
            if (!nv) { st = DYAD_ENOMEM; break; }
            if (ch != local) free(ch);
            ch = nv;
            cap = n;
            S_children(t, k, ch, cap);
        }
        t->nodes[k].head = S_head(t, k, ch, n);
    }
    if (ch != local) free(ch);
    return st;
}

/* Writes a word so that it cannot break the bracketing: a bracket alone
 * takes its Treebank escape (-LRB-, -RSB- ...); inside a longer word '('
 * and ')' become -LRB- and -RRB-, and white space (possible in words given
 * to dyad_chunker_run_words()) becomes '_'. */
static void S_put_word(dyad__buf *out, const char *w)
{
    static const struct { const char *txt, *esc; } esc[] = {
        {"(", "-LRB-"}, {")", "-RRB-"}, {"[", "-LSB-"}, {"]", "-RSB-"},
        {"{", "-LCB-"}, {"}", "-RCB-"},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(esc); i++)
        if (strcmp(w, esc[i].txt) == 0) { dyad__buf_append(out, esc[i].esc, 5); return; }
    for (const char *p = w; *p; p++) {
        if (*p == '(') dyad__buf_append(out, "-LRB-", 5);
        else if (*p == ')') dyad__buf_append(out, "-RRB-", 5);
        else if (S_space(*p)) dyad__buf_putc(out, '_');
        else dyad__buf_putc(out, *p);
    }
}

void dyad__tree_write(const dyad__tree *t, uint32_t node, dyad__buf *out)
{
    /* iterative (an explicit stack of child walks), so a deep tree cannot
     * exhaust the C stack */
    citer local[64];
    citer *stack = local;
    size_t cap = DYAD_ARRAY_LEN(local), sp = 0;
    dyad__buf_printf(out, "(%s", t->nodes[node].label_str);
    S_iter(t, node, &stack[sp++]);
    while (sp) {
        child ch;
        if (!S_next(t, &stack[sp - 1], &ch)) {
            dyad__buf_putc(out, ')');
            sp--;
            continue;
        }
        if (ch.tok != DYAD__NONE) {
            dyad__buf_printf(out, " (%s ", t->toks[ch.tok].tag);
            S_put_word(out, t->toks[ch.tok].word);
            dyad__buf_putc(out, ')');
            continue;
        }
        if (sp == cap) {
            citer *nv = malloc(cap * 2 * sizeof *nv);
            if (!nv) { out->oom = 1; break; }
            memcpy(nv, stack, sp * sizeof *nv);
            if (stack != local) free(stack);
            stack = nv;
            cap *= 2;
        }
        dyad__buf_printf(out, " (%s", t->nodes[ch.node].label_str);
        S_iter(t, ch.node, &stack[sp++]);
    }
    if (stack != local) free(stack);
}
