/*
 * chunk.c -- the phrase chunker of the parse stage: from tagged words it
 * builds the same sentence tree the Treebank reader builds (ROOT over S
 * clauses; NP with possessives, coordination, appositions, "of" phrases
 * and relative clauses; VP chains with one VP per auxiliary, as the
 * Treebank nests them; PP; ADJP/ADVP; SBAR for subordinate, relative and
 * reported clauses, including "Y, X said" and "Y, said X"), so the coder
 * reads one structure whatever produced it.  It also finds the verb
 * groups of any tree (dyad__tree_vgroups) with tense, voice, negation and
 * modality.  It is a deterministic left-to-right recursive descent with
 * bounded lookahead, not a parser: it never backtracks, so time is linear
 * in the words.  What must stay true: every word ends up in the tree;
 * recursion is bounded (CK_MAXDEPTH), so no input can exhaust the stack;
 * the tree satisfies the invariants of parse.h (children numbered after
 * parents, spans nest, each token's parent is the innermost node).
 */
#include "parse.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CK_MAXDEPTH 40      /* nesting of recursive constituents */
#define CK_MAXKIDS 120      /* children of one phrase before it stops */
#define CK_MAXBASE 48       /* words of one base noun phrase */
#define CK_LOOK 16          /* lookahead for "is a clause coming?" */

/* A node under construction; ids are temporary, renumbered at the end. */
typedef struct cnode {
    uint8_t label;
    uint32_t a, b;                 /* token span [a, b) */
    uint32_t first, last, next;    /* children, in order */
} cnode;

typedef struct ck {
    const dyad__word *w;
    uint8_t *tag;         /* the tagger's tags; the chunker corrects a few */
    uint32_t n;
    uint32_t i;           /* the cursor */
    cnode *nodes;
    uint32_t nn, cap;
    int depth;
    int oom;
    int wh_subject;       /* the next clause's subject is a wh-word */
    int in_subject;       /* parsing a clause's subject (its own phrases too) */
    uint8_t rep_tag;      /* the tag of the speech verb whose reported clause
                             is about to be parsed (0: none); S_clause hands
                             it to that clause's own verb phrase only */
    const uint64_t *lx;   /* per word: its lexicon lists (text/text.h) */
    struct npend { uint32_t end, gen; } *npe;   /* per word: S_np_base_end
                             there, valid while gen is npe_gen */
    uint32_t npe_gen;     /* moves on when a tag changes (S_retag) */
    dyad__arena *a;
} ck;

#define NONE DYAD__NONE

/* -------------------------------------------------------- words, tags */

static int S_tag(const ck *k, uint32_t i) { return i < k->n ? k->tag[i] : DYAD__T_COUNT; }

static int S_noun(int t)
{
    return t == DYAD__T_NN || t == DYAD__T_NNS || t == DYAD__T_NNP || t == DYAD__T_NNPS;
}

static int S_adj(int t) { return t == DYAD__T_JJ || t == DYAD__T_JJR || t == DYAD__T_JJS; }

static int S_verb(int t)
{
    return t == DYAD__T_VB || t == DYAD__T_VBD || t == DYAD__T_VBG || t == DYAD__T_VBN ||
           t == DYAD__T_VBP || t == DYAD__T_VBZ;
}

static int S_finite(int t)
{
    return t == DYAD__T_VBD || t == DYAD__T_VBZ || t == DYAD__T_VBP || t == DYAD__T_MD;
}

static int S_adverb(int t) { return t == DYAD__T_RB || t == DYAD__T_RBR || t == DYAD__T_RBS; }

/* Case-insensitive comparison of a word with a lower-case string. */
static int S_eq(const char *s, size_t n, const char *lit)
{
    /* the first letter rejects almost every candidate cheaply; the
     * literal's end is its NUL, so no strlen */
    if (n == 0 || ((unsigned char)s[0] | 0x20) != ((unsigned char)lit[0] | 0x20)) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (!lit[i] || c != (unsigned char)lit[i]) return 0;
    }
    return lit[n] == 0;
}

static int S_in(const char *s, size_t n, const char *const *list)
{
    if (n == 0) return 0;
    unsigned char c0 = (unsigned char)s[0];
    if (c0 >= 'A' && c0 <= 'Z') c0 = (unsigned char)(c0 + 32);
    for (; *list; list++)      /* first letters differ for most entries */
        if ((unsigned char)(*list)[0] == c0 && S_eq(s, n, *list)) return 1;
    return 0;
}

/* Is word i in the lexicon's list (text/text.h)? */
static int S_lx(const ck *k, uint32_t i, int list)
{
    return i < k->n && ((k->lx[i] >> list) & 1u);
}

/* Is word i the literal lit (ignoring ASCII case)?  The length, known at
 * compile time, rejects most words before any byte is read. */
static inline int S_is_n(const ck *k, uint32_t i, const char *lit, size_t n)
{
    if (i >= k->n || k->w[i].len != n) return 0;
    const char *s = k->w[i].s;
    for (size_t j = 0; j < n; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[j]) return 0;
    }
    return 1;
}
#define S_is(k, i, lit) S_is_n((k), (i), "" lit "", sizeof(lit) - 1)

static const char *const S_be[] = {"be", "is", "are", "was", "were", "been", "being", "am",
                                   "'s", "'re", "'m", NULL};
static const char *const S_have[] = {"have", "has", "had", "having", "'ve", "'d", NULL};
static const char *const S_do[] = {"do", "does", "did", NULL};
static const char *const S_get[] = {"get", "gets", "got", "gotten", "getting", NULL};

/* Which of the four lists above word s[0..n) is in (AC_* bits).  Their
 * words have 2 to 7 bytes and begin with one of "abdghiw'": any other
 * word is in none, at once. */
enum { AC_BE = 1, AC_HAVE = 2, AC_DO = 4, AC_GET = 8 };

/* The four lists by first byte: S_ac_of[c][0..S_ac_n[c]) are the
 * entries whose word begins with c, with their length and AC_* bit.
 * Built once. */
typedef struct ac_word { const char *w; uint8_t n, bit; } ac_word;
#define S_AC_MAX \
    (DYAD_ARRAY_LEN(S_be) + DYAD_ARRAY_LEN(S_have) + DYAD_ARRAY_LEN(S_do) + DYAD_ARRAY_LEN(S_get))
static ac_word S_ac_of[256][S_AC_MAX];
static uint8_t S_ac_n[256];
static pthread_once_t S_ac_once = PTHREAD_ONCE_INIT;

static void S_ac_init(void)
{
    const char *const *lists[] = {S_be, S_have, S_do, S_get};
    static const uint8_t bits[] = {AC_BE, AC_HAVE, AC_DO, AC_GET};
    for (int l = 0; l < 4; l++)
        for (const char *const *w = lists[l]; *w; w++) {
            unsigned char c = (unsigned char)(*w)[0];
            S_ac_of[c][S_ac_n[c]++] = (ac_word){*w, (uint8_t)strlen(*w), bits[l]};
        }
}

static unsigned S_aux_class(const char *s, size_t n)
{
    if (n < 2 || n > 7) return 0;
    switch (s[0] | 0x20) {
    case 'a': case 'b': case 'd': case 'g': case 'h': case 'i': case 'w': case '\'' | 0x20:
        break;
    default:
        return 0;
    }
    /* the word folded once (the lists are lower case), then the entries
     * of its first byte */
    char b[8];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        b[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    pthread_once(&S_ac_once, S_ac_init);
    unsigned char c0 = (unsigned char)b[0], bits = 0;
    for (unsigned k = 0; k < S_ac_n[c0]; k++)
        if (S_ac_of[c0][k].n == n && memcmp(S_ac_of[c0][k].w, b, n) == 0) bits |= S_ac_of[c0][k].bit;
    return bits;
}

/* Verbs that report speech or thought and take a clause ("X said Y"):
 * the lexicon's list "speech". */
static int S_speech_word(const ck *k, uint32_t i) { return S_lx(k, i, DYAD__LX_SPEECH); }


/* ------------------------------------------------------------- nodes */

/* Room for one more node (out of line: rare); 0 when out of memory. */
static int S_node_grow(ck *k)
{
    uint32_t cap = k->cap * 2 + 64;
    cnode *nv = dyad__arena_alloc(k->a, (size_t)cap * sizeof *nv);
    if (!nv) { k->oom = 1; return 0; }
    if (k->nn) memcpy(nv, k->nodes, (size_t)k->nn * sizeof *nv);
    k->nodes = nv;
    k->cap = cap;
    return 1;
}

/* Inline (forced) where phrases are made, as S_add and S_end: each runs
 * once per phrase or word, and its call cost as much as its work. */
static inline __attribute__((always_inline)) uint32_t S_node(ck *k, dyad__label label, uint32_t a)
{
    if (k->nn == k->cap && !S_node_grow(k)) return NONE;
    cnode *c = &k->nodes[k->nn];
    c->label = (uint8_t)label;
    c->a = c->b = a;
    c->first = c->last = c->next = NONE;
    return k->nn++;
}

/* Appends child to parent (child must come after the previous child). */
static inline __attribute__((always_inline)) void S_add(ck *k, uint32_t parent, uint32_t child)
{
    if (parent == NONE || child == NONE) return;
    cnode *p = &k->nodes[parent];
    k->nodes[child].next = NONE;
    if (p->first == NONE) p->first = child;
    else k->nodes[p->last].next = child;
    p->last = child;
}

static inline __attribute__((always_inline)) void S_end(ck *k, uint32_t id, uint32_t b)
{
    if (id != NONE) k->nodes[id].b = b;
}

/* ---------------------------------------------------------- lookahead */

/* Length of a quantifier phrase at i: "at least 20", "more than 100",
 * "about 50", "nearly 300"; 0 when there is none. */
static uint32_t S_qp_len_at(const ck *k, uint32_t i);

/* The number's tag first, inline: it rules out almost every position */
static inline uint32_t S_qp_len(const ck *k, uint32_t i)
{
    if (S_tag(k, i + 1) != DYAD__T_CD && S_tag(k, i + 2) != DYAD__T_CD) return 0;
    return S_qp_len_at(k, i);
}

static uint32_t S_qp_len_at(const ck *k, uint32_t i)
{
    static const char *const approx[] = {"about", "around", "nearly", "almost", "approximately",
                                         "over", "some", "roughly", "only", "just", "up", NULL};
    /* the number's tag first: it rules out almost every position */
    if (i + 2 < k->n && S_tag(k, i + 2) == DYAD__T_CD && (S_is(k, i, "at") || S_is(k, i, "up")) &&
        (S_is(k, i + 1, "least") || S_is(k, i + 1, "most") || S_is(k, i + 1, "to")))
        return 2;
    if (i + 2 < k->n && S_tag(k, i + 2) == DYAD__T_CD &&
        (S_tag(k, i) == DYAD__T_JJR || S_tag(k, i) == DYAD__T_RBR) && S_is(k, i + 1, "than"))
        return 2;
    if (i + 1 < k->n && S_tag(k, i + 1) == DYAD__T_CD && S_in(k->w[i].s, k->w[i].len, approx) &&
        !S_is(k, i, "up"))
        return 1;
    return 0;
}

/* After a noun for what people say, agree or propose (the lexicon's list
 * "said-nouns": "a charge Lima rejected") at i - 1, does a clause with a name for subject start
 * at i (a name, then adverbs, then a finite verb)? */
static int S_contact_relative_at(const ck *k, uint32_t i);

/* The said-noun test first, inline: it rules out almost every position */
static inline int S_contact_relative(const ck *k, uint32_t i)
{
    if (i == 0 || !S_lx(k, i - 1, DYAD__LX_SAID_NOUNS)) return 0;
    return S_contact_relative_at(k, i);
}

static int S_contact_relative_at(const ck *k, uint32_t i)
{
    if ((S_tag(k, i - 1) != DYAD__T_NN && S_tag(k, i - 1) != DYAD__T_NNS) ||
        (S_tag(k, i) != DYAD__T_NNP && S_tag(k, i) != DYAD__T_JJ && S_tag(k, i) != DYAD__T_NN))
        return 0;
    uint32_t j = i;
    while (j < k->n && j - i < 8 && (S_tag(k, j) == DYAD__T_NNP || S_tag(k, j) == DYAD__T_JJ ||
                                     S_tag(k, j) == DYAD__T_NN))
        j++;
    if (j == i || S_tag(k, j - 1) != DYAD__T_NNP) return 0;
    while (j < k->n && S_adverb(S_tag(k, j))) j++;
    /* a past form the tagger took for a participle counts, unless a
     * "by" phrase makes it a passive */
    return j < k->n && (S_tag(k, j) == DYAD__T_VBD || S_tag(k, j) == DYAD__T_VBZ ||
                        S_tag(k, j) == DYAD__T_VBP ||
                        (S_tag(k, j) == DYAD__T_VBN && !S_is(k, j + 1, "by")));
}

static uint32_t S_np_base_end_at(const ck *k, uint32_t i);

/* Where a base noun phrase starting at i ends (i: none there).  The
 * descent asks this of the same word many times (lookahead, then the
 * phrase itself); the answer depends on the words and tags only, so it is
 * kept until a tag changes (S_retag). */
static uint32_t S_np_base_end(const ck *k, uint32_t i)
{
    if (!k->npe || i >= k->n) return S_np_base_end_at(k, i);
    if (k->npe[i].gen != k->npe_gen) {
        k->npe[i].end = S_np_base_end_at(k, i);
        k->npe[i].gen = k->npe_gen;
    }
    return k->npe[i].end;
}

/* Changes the tag of word i, forgetting what was computed from the old
 * (in O(1): a sentence may have thousands of corrections). */
static void S_retag(ck *k, uint32_t i, int tag)
{
    k->tag[i] = (uint8_t)tag;
    k->npe_gen++;
}

/* Where a base noun phrase starting at i ends (i when there is none).
 * Base: [PDT] [DT|PRP$|WP$|$] [QP] (JJ|CD|NN*|FW|VBN/VBG before a noun|RB
 * before JJ/CD)* [POS]. */
static uint32_t S_np_base_end_at(const ck *k, uint32_t i)
{
    uint32_t j = i;
    int t = S_tag(k, j);
    if (t == DYAD__T_PRP || t == DYAD__T_EX) return i + 1;
    if (t == DYAD__T_PDT) t = S_tag(k, ++j);
    int det = 0;
    if (t == DYAD__T_DT || t == DYAD__T_PRPS || t == DYAD__T_WPS || t == DYAD__T_DOLLAR) {
        j++;
        det = 1;
    }
    j += S_qp_len(k, j);
    while (j < k->n && j - i < CK_MAXBASE) {
        t = S_tag(k, j);
        int nx = S_tag(k, j + 1);
        if ((S_noun(t) || S_adj(t)) && j > i && S_contact_relative(k, j)) {
            break;   /* "a charge | New Delhi rejected" */
        } else if (S_noun(t) || S_adj(t) || t == DYAD__T_CD || t == DYAD__T_FW || t == DYAD__T_DOLLAR) {
            j++;
        } else if ((t == DYAD__T_VBN || t == DYAD__T_VBG) && j > i && (S_noun(nx) || S_adj(nx)) &&
                   !S_noun(S_tag(k, j - 1))) {
            /* "the wounded soldiers", not "Protesters burned tires" */
            j++;
        } else if (t == DYAD__T_VBN && j == i && i > 0 && S_noun(nx) &&
                   (S_tag(k, i - 1) == DYAD__T_VBG || S_tag(k, i - 1) == DYAD__T_VB ||
                    S_tag(k, i - 1) == DYAD__T_IN) &&
                   !S_is(k, i - 1, "being") && !S_is(k, i - 1, "having") && !S_is(k, i - 1, "be") &&
                   !S_is(k, i - 1, "have") && !S_is(k, i - 1, "get") && !S_is(k, i - 1, "getting")) {
            /* the object of a verb or preposition: "announcing increased
             * tariffs", "by armed men"; not "having imposed tariffs" */
            j++;
        } else if (S_adverb(t) && (j == i || det) && !S_is(k, j, "not") && !S_is(k, j, "n't") &&
                   (S_adj(nx) || nx == DYAD__T_CD ||
                    (det && (nx == DYAD__T_VBN || nx == DYAD__T_VBG) && S_noun(S_tag(k, j + 2))))) {
            /* "very large", "about 50", "the internationally recognized
             * government" */
            j++;
        } else if (t == DYAD__T_POS && j > i) {
            j++;
            break;
        } else {
            break;
        }
    }
    if (j == i + (uint32_t)det && det && (S_tag(k, i) == DYAD__T_DT || S_tag(k, i) == DYAD__T_DOLLAR))
        return i + 1;   /* "this", "all" alone */
    if (j == i + (uint32_t)det && det) return i;   /* a lone PRP$: not a noun phrase */
    return j;
}

static int S_np_start(const ck *k, uint32_t i)
{
    return S_np_base_end(k, i) > i;
}

/* Where a clause's subject starting at i would end: a noun phrase with
 * possessives, "of" phrases and coordination, looking at most to lim;
 * i when no noun phrase starts there. */
static uint32_t S_subject_end(const ck *k, uint32_t i, uint32_t lim)
{
    uint32_t j = i;
    if (S_tag(k, j) == DYAD__T_LQUOTE) j++;
    /* a gerund subject: "(that) expanding military cooperation ... is" */
    if (S_tag(k, j) == DYAD__T_VBG && S_np_start(k, j + 1)) j++;
    uint32_t e = S_np_base_end(k, j);
    if (e == j) return i;
    j = e;
    /* possessives, "of" phrases, one more noun phrase layer */
    for (int hop = 0; hop < 3 && j < lim; hop++) {
        if (k->tag[j - 1] == DYAD__T_POS && S_np_start(k, j)) { j = S_np_base_end(k, j); continue; }
        if ((S_is(k, j, "of") || S_is(k, j, "in") || S_is(k, j, "for") || S_is(k, j, "from") ||
             S_is(k, j, "with") || S_is(k, j, "between") || S_is(k, j, "among") ||
             S_is(k, j, "against") || S_is(k, j, "by")) &&
            S_np_start(k, j + 1)) {
            j = S_np_base_end(k, j + 1);
            continue;
        }
        /* an apposition between dashes: "a warship -- the INS Imphal, a
         * destroyer -- paid a visit" */
        if (S_is(k, j, "--") && S_np_start(k, j + 1)) {
            uint32_t e2 = S_np_base_end(k, j + 1);
            while (e2 < lim && (S_tag(k, e2) == DYAD__T_COMMA || S_is(k, e2, "and") ||
                                S_is(k, e2, "of")) && S_np_start(k, e2 + 1))
                e2 = S_np_base_end(k, e2 + 1);
            if (S_is(k, e2, "--") && e2 + 1 < lim) {
                j = e2 + 1;
                hop--;
                continue;
            }
        }
        /* an inserted example: "31 people, including 23 soldiers, died" */
        if (S_tag(k, j) == DYAD__T_COMMA && S_is(k, j + 1, "including") && S_np_start(k, j + 2)) {
            uint32_t e2 = S_np_base_end(k, j + 2);
            while (e2 < lim && (S_tag(k, e2) == DYAD__T_COMMA || S_is(k, e2, "and")) &&
                   S_np_start(k, e2 + 1) && !S_is(k, e2 + 1, "including"))
                e2 = S_np_base_end(k, e2 + 1);
            if (S_tag(k, e2) == DYAD__T_COMMA && e2 + 1 < lim) {
                j = e2 + 1;
                hop--;
                continue;
            }
        }
        /* coordinated subjects: "Duterte and Suga", "A, B and C" */
        if ((S_is(k, j, "and") || S_is(k, j, "or") || S_tag(k, j) == DYAD__T_COMMA) &&
            S_np_start(k, j + 1)) {
            uint32_t e2 = S_np_base_end(k, j + 1);
            int more = S_tag(k, e2) == DYAD__T_COMMA || S_is(k, e2, "and") || S_is(k, e2, "or");
            /* after a comma the list must go on ("A, B and C"): a comma
             * and a clause is a new clause ("after a rift, the agency
             * said") */
            if (more || (S_tag(k, j) != DYAD__T_COMMA &&
                         (S_adverb(S_tag(k, e2)) || S_finite(S_tag(k, e2)) ||
                          S_tag(k, e2) == DYAD__T_MD))) {
                j = e2;
                hop--;
                continue;
            }
        }
        break;
    }
    return j;
}

/* Is a clause (a noun phrase, then a finite verb) coming at i?  Looks at
 * most CK_LOOK words ahead. */
static int S_clause_ahead(const ck *k, uint32_t i)
{
    uint32_t lim = i + CK_LOOK < k->n ? i + CK_LOOK : k->n;
    uint32_t j = S_subject_end(k, i, lim);
    if (j == i) return 0;
    /* adverbs and floating quantifiers: "A and B all offered" */
    int quant = 0;
    while (j < lim && (S_adverb(S_tag(k, j)) || S_is(k, j, "all") || S_is(k, j, "both") ||
                       S_is(k, j, "each"))) {
        quant |= !S_adverb(S_tag(k, j)) || S_is(k, j, "all");
        j++;
    }
    /* after a floating quantifier a past form is the verb, not a
     * participle the tagger took it for */
    return j < lim && (S_finite(S_tag(k, j)) || (quant && S_tag(k, j) == DYAD__T_VBN));
}

/* A noun phrase at i, then at most 2 adverbs, then a past participle:
 * the participle's position, else k->n. */
static uint32_t S_past_after_subject(const ck *k, uint32_t i)
{
    uint32_t e = S_subject_end(k, i, i + CK_LOOK < k->n ? i + CK_LOOK : k->n);
    if (e == i) return k->n;
    uint32_t j = e;
    while (j < k->n && j - e < 3 && S_adverb(S_tag(k, j))) j++;
    return j < k->n && S_tag(k, j) == DYAD__T_VBN ? j : k->n;
}

/* After a subordinating word, is a clause coming at i?  There a past
 * form right after the noun phrase (and its adverbs) is the verb, not a
 * participle the tagger took it for: "after the two envoys openly
 * disagreed" -- unless "by" follows, as in a reduced passive ("after
 * the man arrested by police"). */
static int S_sub_clause_ahead(const ck *k, uint32_t i)
{
    if (S_clause_ahead(k, i)) return 1;
    uint32_t j = S_past_after_subject(k, i);
    return j < k->n && !S_is(k, j + 1, "by");
}

/* After a speech verb's "that", is a clause with a past form the tagger
 * took for a participle coming at i?  Only when an object follows it:
 * "announced that the service successfully eliminated X" is a clause,
 * "warns that countries seen as stable could ..." is not. */
static int S_past_clause_ahead(const ck *k, uint32_t i)
{
    uint32_t j = S_past_after_subject(k, i);
    return j < k->n && S_np_start(k, j + 1);
}

/* Is word i a subordinating word (not "that") opening a clause?  (The
 * words that begin a subordinate clause when a clause follows are the
 * lexicon's list "subordinators".) */
static int S_subord_at(const ck *k, uint32_t i)
{
    return S_lx(k, i, DYAD__LX_SUBORDINATORS) && !S_is(k, i, "that") &&
           S_sub_clause_ahead(k, i + 1);
}

/* Is word i an auxiliary here: a modal or "to", or a form of be, have,
 * do or get followed (after adverbs) by the verb form it governs? */
static int S_aux(const ck *k, uint32_t i)
{
    int t = S_tag(k, i);
    uint32_t j = i + 1;
    while (j < k->n && S_adverb(S_tag(k, j)) && j - i < 4) j++;
    int nt = S_tag(k, j);
    if (t == DYAD__T_MD) return S_verb(nt);
    if (t == DYAD__T_TO) return nt == DYAD__T_VB || nt == DYAD__T_VBP;
    if (!S_verb(t)) return 0;
    unsigned ac = S_aux_class(k->w[i].s, k->w[i].len);
    if (ac & AC_BE) return nt == DYAD__T_VBG || nt == DYAD__T_VBN;
    if (ac & AC_HAVE) return nt == DYAD__T_VBN;
    if (ac & AC_DO) return nt == DYAD__T_VB || nt == DYAD__T_VBP;
    if (ac & AC_GET) return nt == DYAD__T_VBN;
    return 0;
}

/* Is word i a past form that is also the past participle (regular -ed
 * verbs and the common irregulars whose two forms are one: the lexicon's
 * list "past-participles")? */
static int S_participle(const ck *k, uint32_t i)
{
    const char *s = k->w[i].s;
    size_t n = k->w[i].len;
    return (n > 3 && s[n - 2] == 'e' && s[n - 1] == 'd') || S_lx(k, i, DYAD__LX_PARTICIPLES);
}

/* Does a verb group start at i (after adverbs)? */
static int S_vp_start(const ck *k, uint32_t i)
{
    int t = S_tag(k, i);
    if (t == DYAD__T_TO) return S_aux(k, i);
    return S_verb(t) || t == DYAD__T_MD;
}

/* Days and other words that make a bare noun phrase a time, not an
 * object ("said Tuesday"): the lexicon's list "time-nouns". */
static int S_time_word(const ck *k, uint32_t i) { return S_lx(k, i, DYAD__LX_TIME_NOUNS); }

/* ----------------------------------------------------------- phrases */

enum { NP_SUBJ = 1, NP_NOCOORD = 2 };

static uint32_t S_np(ck *k, int mode);
static uint32_t S_vp(ck *k);
static uint32_t S_pp(ck *k);
static uint32_t S_clause(ck *k);
static uint32_t S_sbar(ck *k);

/* A base noun phrase with its possessive layers and quantifier phrase:
 * (NP (NP (NNP Gondor) (POS 's)) (JJ new) (NNS troops)). */
static uint32_t S_np_base(ck *k)
{
    uint32_t a = k->i;
    uint32_t e = S_np_base_end(k, a);
    if (e == a) return NONE;
    uint32_t np = S_node(k, DYAD__L_NP, a);
    if (np == NONE) return NONE;
    /* a quantifier phrase after the determiner */
    uint32_t q = a;
    int t = S_tag(k, q);
    if (t == DYAD__T_PDT) t = S_tag(k, ++q);
    if (t == DYAD__T_DT || t == DYAD__T_PRPS || t == DYAD__T_WPS || t == DYAD__T_DOLLAR) q++;
    uint32_t ql = S_qp_len(k, q);
    if (ql && q + ql < e) {
        uint32_t qe = q + ql;
        while (qe < e && qe - q < 8 && S_tag(k, qe) == DYAD__T_CD) qe++;
        uint32_t qp = S_node(k, DYAD__L_QP, q);
        S_end(k, qp, qe);
        S_add(k, np, qp);
    }
    S_end(k, np, e);
    k->i = e;
    /* possessives: the phrase so far owns what follows */
    while (k->tag[k->i - 1] == DYAD__T_POS && k->i < k->n) {
        uint32_t j = k->i;
        uint32_t e2 = j;
        while (e2 < k->n && e2 - j < CK_MAXBASE) {
            int t2 = S_tag(k, e2), nx = S_tag(k, e2 + 1);
            if (S_noun(t2) || S_adj(t2) || t2 == DYAD__T_CD ||
                ((t2 == DYAD__T_VBN || t2 == DYAD__T_VBG) && (S_noun(nx) || S_adj(nx))) ||
                (S_adverb(t2) && S_adj(nx)))
                e2++;
            else if (t2 == DYAD__T_POS && e2 > j) { e2++; break; }
            else break;
        }
        if (e2 == j) break;
        uint32_t outer = S_node(k, DYAD__L_NP, a);
        if (outer == NONE) break;
        S_add(k, outer, np);
        S_end(k, outer, e2);
        np = outer;
        k->i = e2;
    }
    return np;
}

/* Skips a list ", B and C" / ", B, and C" of base noun phrases starting
 * at the comma at i (after the first item); returns where it ends, or i
 * when it is not such a list. */
static uint32_t S_list_end(const ck *k, uint32_t i)
{
    uint32_t j = i;
    int items = 0;
    while (items < 20) {
        int cc = 0;
        if (S_tag(k, j) == DYAD__T_COMMA) {
            j++;
            if (S_tag(k, j) == DYAD__T_CC && (S_is(k, j, "and") || S_is(k, j, "or"))) { j++; cc = 1; }
        } else if (S_tag(k, j) == DYAD__T_CC && (S_is(k, j, "and") || S_is(k, j, "or"))) {
            j++;
            cc = 1;
        } else {
            return i;
        }
        uint32_t e = S_np_base_end(k, j);
        if (e == j || S_tag(k, e - 1) == DYAD__T_POS) return i;
        j = e;
        items++;
        if (cc) return items >= 2 ? j : i;
    }
    return i;
}

/* Is the separator at i (a comma or "--") followed by an apposition?
 * Before the verb (NP_SUBJ) it must be closed by the same separator and
 * followed by the verb; after it, the apposition must end the sentence. */
static int S_apposition(const ck *k, uint32_t i, int mode)
{
    int dash = S_is(k, i, "--");
    uint32_t e = S_np_base_end(k, i + 1);
    for (int hop = 0; hop < 6 && e < k->n; hop++) {
        if ((S_tag(k, e) == DYAD__T_IN || S_tag(k, e) == DYAD__T_TO) && !S_is(k, e, "that") &&
            S_np_start(k, e + 1))
            e = S_np_base_end(k, e + 1);
        else if (S_tag(k, e - 1) == DYAD__T_POS && S_np_start(k, e))
            e = S_np_base_end(k, e);
        else if ((mode & NP_SUBJ) && S_tag(k, e) == DYAD__T_CC && S_np_start(k, e + 1))
            e = S_np_base_end(k, e + 1);    /* "X, president of A and an ally of B, said" */
        else if (dash && (mode & NP_SUBJ) && S_tag(k, e) == DYAD__T_COMMA && S_np_start(k, e + 1))
            e = S_np_base_end(k, e + 1);    /* "three senators -- A, B and C -- led" */
        else
            break;
    }
    if (mode & NP_SUBJ) {
        if (dash ? !S_is(k, e, "--") : S_tag(k, e) != DYAD__T_COMMA) return 0;
        uint32_t v = e + 1;
        /* "X, the minister, Monday said", "..., on Monday said" */
        if (v < k->n && S_time_word(k, v)) v++;
        else if (S_tag(k, v) == DYAD__T_IN && S_np_start(k, v + 1)) {
            uint32_t x = S_np_base_end(k, v + 1);
            if (x > v + 1 && S_time_word(k, x - 1)) v = x;
        }
        return S_vp_start(k, v) || S_adverb(S_tag(k, v)) || S_is(k, v, "who");
    }
    if (dash) return 0;
    int t = S_tag(k, e);
    if (e >= k->n || t == DYAD__T_PERIOD) return 1;
    /* "..., a province in northern Chile that borders Peru." */
    return (t == DYAD__T_WDT || t == DYAD__T_WP || S_is(k, e, "that")) && !S_vp_start(k, e);
}

/* Does a finite verb follow token i before the clause ends? */
static int S_finite_later(const ck *k, uint32_t i)
{
    for (uint32_t j = i + 1; j < k->n && j < i + CK_LOOK; j++) {
        int tj = S_tag(k, j);
        if (S_finite(tj)) return 1;
        if (tj == DYAD__T_COMMA || tj == DYAD__T_PERIOD || tj == DYAD__T_COLON) return 0;
    }
    return 0;
}

/* A noun phrase: a base with its post-modifiers (of-phrases, relative
 * clauses, reduced relatives, appositions, lists, coordination). */
static uint32_t S_np(ck *k, int mode)
{
    uint32_t a = k->i;
    uint32_t np = S_np_base(k);
    if (np == NONE) return NONE;
    if (k->depth >= CK_MAXDEPTH) return np;
    k->depth++;
    for (int guard = 0; guard < CK_MAXKIDS && k->i < k->n && !k->oom; guard++) {
        uint32_t i = k->i;
        int t = S_tag(k, i);
        uint32_t add = NONE;
        if (S_is(k, i, "of") && (S_np_start(k, i + 1) || S_tag(k, i + 1) == DYAD__T_VBG)) {
            add = S_pp(k);
        } else if ((t == DYAD__T_IN || t == DYAD__T_TO) && i >= a + 2 && S_adj(S_tag(k, i - 1)) &&
                   S_noun(S_tag(k, i - 2)) && S_np_start(k, i + 1) && !S_subord_at(k, i)) {
            /* an adjective after its noun takes the phrase after it:
             * "forces loyal to Haftar", "militants present in Gondor" */
            add = S_pp(k);
        } else if (S_contact_relative(k, i)) {
            /* "a charge Lima promptly dismissed": a relative clause
             * with no "that" */
            uint32_t sb = S_node(k, DYAD__L_SBAR, i);
            S_add(k, sb, S_clause(k));
            S_end(k, sb, k->i);
            add = sb;
        } else if ((t == DYAD__T_IN || t == DYAD__T_TO) && (mode & NP_SUBJ) &&
                   !S_is(k, i, "that") && S_np_start(k, i + 1) && !S_subord_at(k, i)) {
            /* before the verb a prepositional phrase modifies the subject */
            add = S_pp(k);
        } else if (t == DYAD__T_WDT || t == DYAD__T_WP || t == DYAD__T_WPS ||
                   (t == DYAD__T_WRB && (S_is(k, i, "where") || S_is(k, i, "when")))) {
            add = S_sbar(k);
        } else if (S_is(k, i, "that") && !(mode & NP_SUBJ) && i + 1 < k->n &&
                   (S_tag(k, i + 1) == DYAD__T_MD || S_verb(S_tag(k, i + 1))) &&
                   /* "warned Friday that ...": a time takes no relative */
                   !S_time_word(k, i - 1)) {
            add = S_sbar(k);   /* "the plan that angered Gondor" */
        } else if ((t == DYAD__T_VBN || t == DYAD__T_VBG || (t == DYAD__T_VBD && S_participle(k, i))) &&
                   (S_tag(k, i + 1) == DYAD__T_IN || S_tag(k, i + 1) == DYAD__T_TO ||
                    S_is(k, i + 1, "by")) && !(mode & NP_SUBJ) &&
                   (!k->in_subject || S_finite_later(k, i))) {
            /* reduced relative: "memos sent by Bree"; a finite verb
             * cannot follow an object, so a past tense here is the
             * participle */
            if (t == DYAD__T_VBD) S_retag(k, i, DYAD__T_VBN);
            uint32_t vp = S_vp(k);
            add = vp;
        } else if ((t == DYAD__T_VBN || t == DYAD__T_VBG) && (mode & NP_SUBJ) &&
                   S_tag(k, i + 1) != DYAD__T_COMMA) {
            /* before the main verb: a reduced relative only when a finite
             * verb follows before the clause ends */
            if (S_finite_later(k, i)) add = S_vp(k);
        } else if (t == DYAD__T_COMMA && S_tag(k, i - 1) == DYAD__T_CD && i >= 2 &&
                   S_tag(k, i - 2) == DYAD__T_NNP && S_tag(k, i + 1) == DYAD__T_CD &&
                   k->w[i + 1].len == 4) {
            /* "March 5, 2020" */
            k->i = i + 2;
            S_end(k, np, k->i);
            continue;
        } else if (t == DYAD__T_COMMA) {
            int nx = S_tag(k, i + 1);
            uint32_t le;
            if ((mode & NP_SUBJ) && S_is(k, i + 1, "including") && S_np_start(k, i + 2)) {
                /* "31 people, including 23 soldiers, lost": the example
                 * goes with the subject, the closing comma too */
                uint32_t outer = S_node(k, DYAD__L_NP, a);
                S_add(k, outer, np);
                k->i++;
                S_add(k, outer, S_vp(k));
                if (S_tag(k, k->i) == DYAD__T_COMMA) k->i++;
                S_end(k, outer, k->i);
                np = outer;
                continue;
            }
            if (nx == DYAD__T_WDT || nx == DYAD__T_WP || nx == DYAD__T_WPS) {
                /* ", which ...," / ", who ...," */
                uint32_t outer = S_node(k, DYAD__L_NP, a);
                S_add(k, outer, np);
                k->i++;
                S_add(k, outer, S_sbar(k));
                /* the closing comma, when the verb follows (else an
                 * apposition may: "X, who ..., a rights group, said") */
                if (S_tag(k, k->i) == DYAD__T_COMMA && (mode & NP_SUBJ) &&
                    (S_vp_start(k, k->i + 1) || S_adverb(S_tag(k, k->i + 1))))
                    k->i++;
                S_end(k, outer, k->i);
                np = outer;
                continue;
            } else if (!(mode & NP_NOCOORD) && (le = S_list_end(k, i)) > i &&
                       ((mode & NP_SUBJ) || !S_vp_start(k, le) || S_tag(k, le) == DYAD__T_VBG)) {
                /* "A, B and C": one noun phrase per item */
                uint32_t outer = S_node(k, DYAD__L_NP, a);
                S_add(k, outer, np);
                while (k->i < le && !k->oom) {
                    int tj = S_tag(k, k->i);
                    if (tj == DYAD__T_COMMA || tj == DYAD__T_CC) { k->i++; continue; }
                    uint32_t item = S_np_base(k);
                    if (item == NONE) { k->i++; continue; }
                    S_add(k, outer, item);
                }
                S_end(k, outer, k->i);
                np = outer;
                continue;
            } else if (S_np_start(k, i + 1) && S_apposition(k, i, mode)) {
                /* "Kupfer, the deputy secretary, said" */
                uint32_t outer = S_node(k, DYAD__L_NP, a);
                S_add(k, outer, np);
                k->i++;
                S_add(k, outer, S_np(k, NP_NOCOORD));
                if (S_tag(k, k->i) == DYAD__T_COMMA && (mode & NP_SUBJ)) k->i++;
                S_end(k, outer, k->i);
                np = outer;
                continue;
            } else {
                break;
            }
        } else if (S_is(k, i, "--") && S_np_start(k, i + 1) && S_apposition(k, i, mode | NP_SUBJ)) {
            /* "Haftar -- the leader of eastern forces -- launched", "three
             * senators -- A, B and C -- led" */
            uint32_t outer = S_node(k, DYAD__L_NP, a);
            S_add(k, outer, np);
            k->i++;
            S_add(k, outer, S_np(k, 0));
            /* "-- the INS Imphal, a destroyer --" */
            while (S_tag(k, k->i) == DYAD__T_COMMA && S_np_start(k, k->i + 1) && !k->oom) {
                k->i++;
                S_add(k, outer, S_np(k, NP_NOCOORD));
            }
            if (S_is(k, k->i, "--")) k->i++;
            S_end(k, outer, k->i);
            np = outer;
            continue;
        } else if (t == DYAD__T_CC && !(mode & NP_NOCOORD) && !S_is(k, i, "but") &&
                   !S_is(k, i, "yet") && !S_is(k, i, "so") && S_np_start(k, i + 1)) {
            /* "A and B"; in object position not when B starts a clause */
            if (!(mode & NP_SUBJ) && S_clause_ahead(k, i + 1)) break;
            uint32_t outer = S_node(k, DYAD__L_NP, a);
            S_add(k, outer, np);
            k->i++;
            S_add(k, outer, S_np(k, (mode & NP_SUBJ) | NP_NOCOORD));
            S_end(k, outer, k->i);
            np = outer;
            continue;
        } else if (t == DYAD__T_LRB && S_np_start(k, i + 1)) {
            /* "the Islamic State (IS)" */
            uint32_t e = S_np_base_end(k, i + 1);
            if (S_tag(k, e) != DYAD__T_RRB) break;
            uint32_t outer = S_node(k, DYAD__L_NP, a);
            S_add(k, outer, np);
            uint32_t prn = S_node(k, DYAD__L_PRN, i);
            k->i = i + 1;
            S_add(k, prn, S_np_base(k));
            if (S_tag(k, k->i) == DYAD__T_RRB) k->i++;
            S_end(k, prn, k->i);
            S_add(k, outer, prn);
            S_end(k, outer, k->i);
            np = outer;
            continue;
        } else {
            break;
        }
        if (add == NONE || k->i == i) break;
        uint32_t outer = S_node(k, DYAD__L_NP, a);
        S_add(k, outer, np);
        S_add(k, outer, add);
        S_end(k, outer, k->i);
        np = outer;
    }
    k->depth--;
    return np;
}

/* A prepositional phrase at a preposition: (PP (IN in) (NP ...)),
 * (PP (IN out) (PP (IN of) ...)), (PP (IN by) (S (VP (VBG promoting) ...))),
 * (PP (VBG according) (PP (TO to) ...)). */
static uint32_t S_pp(ck *k)
{
    uint32_t a = k->i;
    uint32_t pp = S_node(k, DYAD__L_PP, a);
    if (pp == NONE) return NONE;
    k->i++;
    int t = S_tag(k, k->i);
    if (k->depth < CK_MAXDEPTH) {
        k->depth++;
        if (t == DYAD__T_IN && S_subord_at(k, k->i)) {
            /* "as to whether the summit is appropriate" */
            S_add(k, pp, S_sbar(k));
        } else if ((t == DYAD__T_IN || t == DYAD__T_TO) && !S_is(k, k->i, "that") &&
            (S_np_start(k, k->i + 1) || S_tag(k, k->i + 1) == DYAD__T_IN)) {
            S_add(k, pp, S_pp(k));
        } else if (t == DYAD__T_VBG) {
            uint32_t s = S_node(k, DYAD__L_S, k->i);
            S_add(k, s, S_vp(k));
            S_end(k, s, k->i);
            S_add(k, pp, s);
        } else if (S_np_start(k, k->i)) {
            uint32_t np = S_np(k, 0);
            int pair = S_is(k, a, "between") || S_is(k, a, "among");
            int list = pair || S_is(k, a, "by") || S_is(k, a, "with") || S_is(k, a, "against");
            uint32_t le = np != NONE && list && S_tag(k, k->i) == DYAD__T_COMMA ? S_list_end(k, k->i) : k->i;
            if (list && np != NONE &&
                ((pair && S_is(k, k->i, "and")) ||
                 (le > k->i && (pair || (!S_finite(S_tag(k, le)) && S_tag(k, le) != DYAD__T_MD)))) &&
                S_np_start(k, k->i + 1)) {
                /* "between Sudan and Chad": the pair stays in the phrase;
                 * so does a list after "by", "with", "against" ("sought
                 * by Chile, Peru and Bolivia"), unless a
                 * verb follows it: then it is a clause's subject */
                uint32_t co = S_node(k, DYAD__L_NP, k->nodes[np].a);
                S_add(k, co, np);
                for (int g = 0; g < 20 && k->i < k->n && !k->oom; g++) {
                    if (S_is(k, k->i, "and") && S_np_start(k, k->i + 1)) {
                        k->i++;
                        S_add(k, co, S_np(k, 0));
                        break;
                    }
                    if (S_tag(k, k->i) != DYAD__T_COMMA) break;
                    k->i++;
                    if (S_is(k, k->i, "and")) continue;
                    if (!S_np_start(k, k->i)) break;
                    S_add(k, co, S_np(k, 0));
                }
                S_end(k, co, k->i);
                np = co;
            }
            S_add(k, pp, np);
        } else if (t == DYAD__T_WDT || t == DYAD__T_WP) {
            S_add(k, pp, S_sbar(k));
        }
        k->depth--;
    } else if (S_np_start(k, k->i)) {
        S_add(k, pp, S_np_base(k));
    }
    S_end(k, pp, k->i);
    return pp;
}

/* A subordinate clause at a complementiser or wh-word:
 * (SBAR (IN that) (S ...)), (SBAR (WHNP (WDT which)) (S ...)). */
static uint32_t S_sbar(ck *k)
{
    uint32_t a = k->i;
    uint32_t sb = S_node(k, DYAD__L_SBAR, a);
    if (sb == NONE) return NONE;
    int t = S_tag(k, a);
    int wh_subject = 0;
    if (t == DYAD__T_WDT || t == DYAD__T_WP || t == DYAD__T_WPS || t == DYAD__T_WRB) {
        wh_subject = t != DYAD__T_WRB;
        uint32_t wh = S_node(k, t == DYAD__T_WRB ? DYAD__L_WHADVP : DYAD__L_WHNP, a);
        k->i++;
        if (t == DYAD__T_WPS)   /* "whose forces" */
            while (k->i < k->n && k->i - a < 8 && (S_noun(S_tag(k, k->i)) || S_adj(S_tag(k, k->i))))
                k->i++;
        S_end(k, wh, k->i);
        S_add(k, sb, wh);
    } else {
        k->i++;
    }
    if (k->depth < CK_MAXDEPTH) {
        k->depth++;
        k->wh_subject = wh_subject;
        S_add(k, sb, S_clause(k));
        k->wh_subject = 0;
        k->depth--;
    }
    S_end(k, sb, k->i);
    return sb;
}

/* An adjective phrase: (ADJP (RB very) (JJ senior)). */
static uint32_t S_adjp(ck *k)
{
    uint32_t a = k->i;
    uint32_t j = a;
    while (j < k->n && S_adverb(S_tag(k, j)) && j - a < 4) j++;
    if (!S_adj(S_tag(k, j))) return NONE;
    while (j < k->n && j - a < 12 &&
           (S_adj(S_tag(k, j)) || (S_tag(k, j) == DYAD__T_CC && S_adj(S_tag(k, j + 1)))))
        j++;
    uint32_t id = S_node(k, DYAD__L_ADJP, a);
    S_end(k, id, j);
    k->i = j;
    return id;
}

/* An adverb phrase of consecutive adverbs. */
static uint32_t S_advp(ck *k)
{
    uint32_t a = k->i;
    uint32_t j = a;
    while (j < k->n && S_adverb(S_tag(k, j)) && j - a < 6) j++;
    if (j == a) return NONE;
    uint32_t id = S_node(k, DYAD__L_ADVP, a);
    S_end(k, id, j);
    k->i = j;
    return id;
}

/* Adverbs inside a verb group: "not", "n't", "never" stay bare (as in the
 * Treebank); others become ADVP. */
static void S_vp_adverbs(ck *k, uint32_t vp)
{
    for (int guard = 0; guard < 8 && k->i < k->n && S_adverb(S_tag(k, k->i)); guard++) {
        if (S_is(k, k->i, "not") || S_is(k, k->i, "n't")) { k->i++; continue; }
        uint32_t a = k->i;
        while (k->i < k->n && S_adverb(S_tag(k, k->i)) && !S_is(k, k->i, "not") &&
               !S_is(k, k->i, "n't") && k->i - a < 6)
            k->i++;
        uint32_t adv = S_node(k, DYAD__L_ADVP, a);
        S_end(k, adv, k->i);
        S_add(k, vp, adv);
    }
}

/* Complements of the main verb at verb, into vp. */
static void S_complements(ck *k, uint32_t vp, uint32_t verb)
{
    int speech = S_speech_word(k, verb);
    int objects = 0, last_np = 0;
    for (int guard = 0; guard < CK_MAXKIDS && k->i < k->n && !k->oom; guard++) {
        uint32_t i = k->i;
        int t = S_tag(k, i);
        uint32_t add = NONE;
        if (t == DYAD__T_RP) {
            add = S_node(k, DYAD__L_PRT, i);
            k->i++;
            S_end(k, add, k->i);
        } else if (speech && !S_is(k, i, "that") && S_clause_ahead(k, i) &&
                   !(objects == 0 && S_time_word(k, i))) {
            /* "said (that) ...": the reported clause */
            uint32_t sb = S_node(k, DYAD__L_SBAR, i);
            k->rep_tag = k->tag[verb];
            S_add(k, sb, S_clause(k));
            k->rep_tag = 0;
            S_end(k, sb, k->i);
            add = sb;
        } else if (S_is(k, i, "that") && (speech || S_clause_ahead(k, i + 1)) &&
                   (S_clause_ahead(k, i + 1) || S_tag(k, i + 1) == DYAD__T_LQUOTE ||
                    (speech && S_past_clause_ahead(k, i + 1)))) {
            k->rep_tag = speech ? k->tag[verb] : 0;
            add = S_sbar(k);
            k->rep_tag = 0;
        } else if (S_is(k, i, "that") &&
                   (S_tag(k, i + 1) == DYAD__T_IN || S_tag(k, i + 1) == DYAD__T_WRB) &&
                   S_subord_at(k, i + 1)) {
            /* "said that since A and B met, ...": a clause that opens
             * with a subordinate one */
            add = S_sbar(k);
        } else if (S_adj(t) && !S_noun(S_tag(k, S_np_base_end(k, i) - 1)) &&
                   S_tag(k, S_np_base_end(k, i) - 1) != DYAD__T_CD) {
            add = S_adjp(k);   /* "is responsible", "became violent" */
        } else if (S_np_start(k, i) && (objects == 0 || (objects == 1 && last_np)) &&
                   (t != DYAD__T_RB || S_qp_len(k, i))) {
            add = S_np(k, 0);
            objects++;
        } else if (t == DYAD__T_TO && S_aux(k, i)) {
            uint32_t s = S_node(k, DYAD__L_S, i);
            S_add(k, s, S_vp(k));
            S_end(k, s, k->i);
            add = s;
        } else if (S_is(k, i, "according") && S_is(k, i + 1, "to")) {
            add = S_pp(k);
        } else if (t == DYAD__T_IN && S_tag(k, i + 1) == DYAD__T_TO && S_aux(k, i + 1)) {
            k->i++;   /* "about to": the preposition stays on the verb phrase */
            continue;
        } else if ((t == DYAD__T_IN || t == DYAD__T_TO) && S_subord_at(k, i)) {
            add = S_sbar(k);
        } else if (t == DYAD__T_IN || t == DYAD__T_TO) {
            if (S_qp_len(k, i) && S_np_start(k, i)) {
                add = S_np(k, 0);
            } else if (S_np_start(k, i + 1) || S_tag(k, i + 1) == DYAD__T_VBG ||
                       ((S_tag(k, i + 1) == DYAD__T_IN || S_tag(k, i + 1) == DYAD__T_TO) &&
                        S_np_start(k, i + 2))) {
                add = S_pp(k);
            } else {
                break;
            }
        } else if (t == DYAD__T_WDT || t == DYAD__T_WP || t == DYAD__T_WRB) {
            add = S_sbar(k);
        } else if (S_adverb(t)) {
            if (S_adj(S_tag(k, i + 1))) add = S_adjp(k);
            else if (S_is(k, i, "not") || S_is(k, i, "n't")) { k->i++; continue; }
            else add = S_advp(k);
        } else if (S_adj(t)) {
            add = S_adjp(k);
        } else if (t == DYAD__T_VBG || (t == DYAD__T_VB && objects)) {
            /* "began fighting", "helped them build" */
            uint32_t s = S_node(k, DYAD__L_S, i);
            S_add(k, s, S_vp(k));
            S_end(k, s, k->i);
            add = s;
        } else if (t == DYAD__T_COMMA && S_is(k, i + 1, "according") && S_is(k, i + 2, "to")) {
            k->i++;
            add = S_pp(k);
        } else if (t == DYAD__T_COMMA && (S_tag(k, i + 1) == DYAD__T_WRB ||
                                          (S_tag(k, i + 1) == DYAD__T_IN && !S_is(k, i + 1, "that") &&
                                           S_lx(k, i + 1, DYAD__LX_SUBORDINATORS))) &&
                   S_clause_ahead(k, i + 2)) {
            /* ", when Russia annexed Crimea" */
            k->i++;
            add = S_sbar(k);
        } else if (t == DYAD__T_COMMA && S_tag(k, i + 1) == DYAD__T_VBG) {
            /* ", saying ...", ", killing ..." */
            k->i++;
            uint32_t s = S_node(k, DYAD__L_S, k->i);
            S_add(k, s, S_vp(k));
            S_end(k, s, k->i);
            add = s;
        } else {
            break;
        }
        if (add == NONE || k->i == i) break;
        last_np = k->nodes[add].label == DYAD__L_NP;
        S_add(k, vp, add);
    }
}

/* In a reported clause whose verb phrase starts at a (nchain verbs in
 * its chain), after the speech verb tagged rep_tag: is the verb at v,
 * joined by "and" or "but", the reporter's own second act rather than
 * the clause's?  It must be in the speech verb's tense (a past
 * participle counts as the past: the tagger often gives "called" VBN
 * there), and the clause's verb phrase must be unable to go on with it:
 * a modal's chain (a modal takes a bare verb), or a lone "be" with an
 * act done in words after it (the lexicon's "speech-acts"). */
static int S_reporter_conjunct(const ck *k, uint8_t rep_tag, uint32_t a, int nchain, uint32_t v)
{
    int tv = S_tag(k, v);
    if (rep_tag != DYAD__T_VBD && rep_tag != DYAD__T_VBZ && rep_tag != DYAD__T_VBP) return 0;
    if (!(tv == rep_tag || (rep_tag == DYAD__T_VBD && tv == DYAD__T_VBN))) return 0;
    if (S_tag(k, a) == DYAD__T_MD) return 1;
    return nchain == 1 && (S_aux_class(k->w[a].s, k->w[a].len) & AC_BE) &&
           S_lx(k, v, DYAD__LX_SPEECH_ACTS);
}

/* A verb group and its complements: one VP per auxiliary, the Treebank
 * way: (VP (MD will) (RB not) (VP (VB be) (VP (VBN attacked) (PP ...)))).
 * Coordinated verb phrases ("attacked X and killed Y") are wrapped in one
 * VP.  The cursor must be at a verb, modal or infinitival "to". */
static uint32_t S_vp(ck *k)
{
    uint32_t a = k->i;
    uint8_t rep_tag = k->rep_tag;   /* a reported clause's own verb phrase */
    k->rep_tag = 0;
    if (!S_vp_start(k, a)) return NONE;
    uint32_t chain[CK_MAXDEPTH];
    int nchain = 0;
    uint32_t outer = NONE, cur = NONE;
    uint32_t verb = a;
    for (;;) {
        uint32_t v = S_node(k, DYAD__L_VP, k->i);
        if (v == NONE) break;
        if (cur != NONE) S_add(k, cur, v);
        else outer = v;
        cur = v;
        chain[nchain++] = v;
        verb = k->i;
        int aux = S_aux(k, k->i) && nchain < CK_MAXDEPTH - 1 && k->depth + nchain < CK_MAXDEPTH;
        k->i++;
        if (!aux) break;
        S_vp_adverbs(k, cur);
        if (!S_vp_start(k, k->i)) break;
    }
    if (outer == NONE) return NONE;
    if (k->depth + nchain < CK_MAXDEPTH) {
        k->depth += nchain;
        S_complements(k, cur, verb);
        k->depth -= nchain;
    }
    for (int c = 0; c < nchain; c++) S_end(k, chain[c], k->i);
    /* coordination: "attacked X and killed Y", "attacked X, and killed Y" */
    for (int guard = 0; guard < CK_MAXKIDS && !k->oom; guard++) {
        uint32_t j = k->i;
        if (S_tag(k, j) == DYAD__T_COMMA && S_tag(k, j + 1) == DYAD__T_CC) j++;
        if (S_tag(k, j) != DYAD__T_CC || S_is(k, j, "&")) break;
        uint32_t v = j + 1;
        while (v < k->n && S_adverb(S_tag(k, v)) && v - j < 3) v++;
        int tv = S_tag(k, v);
        if (!(S_verb(tv) || tv == DYAD__T_MD) || tv == DYAD__T_VBG) break;
        /* an infinitive coordinates with infinitives: "forced X to flee
         * and destroyed Y" joins "destroyed" to "forced", above */
        if (k->tag[a] == DYAD__T_TO && (tv == DYAD__T_VBD || tv == DYAD__T_VBZ)) break;
        /* nor does a finite verb with a gerund or participle: in
         * "condemned the shelling of X and called on Y", "called" joins
         * "condemned", above */
        if (k->tag[a] == DYAD__T_VBG && (S_finite(tv) || tv == DYAD__T_VBN)) break;
        /* a reported clause's verb phrase that cannot go on with this
         * verb leaves it to the reporting verb, above (docs/CODING.md
         * §6.1): "said the talks would fail and called on Y" (a modal
         * does not take a past form), "said the claims were false and
         * accused Y" (a lone "be", then an act done in words) */
        if (rep_tag && S_reporter_conjunct(k, rep_tag, a, nchain, v)) break;
        if (k->depth >= CK_MAXDEPTH) break;
        /* "attacked X and killed(VBN) Y": the same tense as the first */
        if (nchain == 1 && k->tag[a] == DYAD__T_VBD && tv == DYAD__T_VBN && !S_aux(k, v))
            S_retag(k, v, DYAD__T_VBD);
        k->i = j + 1;
        uint32_t co = S_node(k, DYAD__L_VP, a);
        S_add(k, co, outer);
        k->depth++;
        uint32_t adv = NONE;
        if (v > j + 1) adv = S_advp(k);
        S_add(k, co, adv);
        S_add(k, co, S_vp(k));
        k->depth--;
        S_end(k, co, k->i);
        outer = co;
    }
    return outer;
}

/* One clause: fronted modifiers, subject, adverbs, verb phrase:
 * (S (PP In Gondor) (, ,) (NP officials) (VP (VBD said) ...)).  Returns
 * NONE, consuming nothing, when no clause starts here. */
static uint32_t S_clause(ck *k)
{
    uint32_t a = k->i;
    if (a >= k->n) return NONE;
    uint32_t s = S_node(k, DYAD__L_S, a);
    if (s == NONE) return NONE;
    int subject = 0, vp = 0;
    int wh = k->wh_subject;
    k->wh_subject = 0;
    uint8_t rep_tag = k->rep_tag;   /* for this clause's own verb phrase */
    k->rep_tag = 0;
    for (int guard = 0; guard < CK_MAXKIDS && k->i < k->n && !k->oom && !vp; guard++) {
        uint32_t i = k->i;
        int t = S_tag(k, i);
        uint32_t add = NONE;
        if (!subject && (t == DYAD__T_IN || t == DYAD__T_TO || t == DYAD__T_WRB) &&
            S_subord_at(k, i)) {
            add = S_sbar(k);
        } else if (!subject && S_is(k, i, "according") && S_is(k, i + 1, "to")) {
            add = S_pp(k);
        } else if (!subject && (t == DYAD__T_IN || t == DYAD__T_TO) && !S_is(k, i, "that") &&
                   !S_qp_len(k, i) && (S_np_start(k, i + 1) || S_tag(k, i + 1) == DYAD__T_VBG)) {
            add = S_pp(k);
        } else if (!subject && S_adverb(t) && !S_is(k, i, "not")) {
            add = S_advp(k);
        } else if (!subject && (t == DYAD__T_VBG || t == DYAD__T_VBN) && i == a &&
                   !S_aux(k, i)) {
            /* "Speaking to reporters, ..." */
            uint32_t j = i + 1;
            while (j < k->n && j < i + CK_LOOK && S_tag(k, j) != DYAD__T_COMMA &&
                   S_tag(k, j) != DYAD__T_PERIOD)
                j++;
            if (S_tag(k, j) != DYAD__T_COMMA) { vp = 1; add = S_vp(k); }
            else {
                add = S_node(k, DYAD__L_S, i);
                S_add(k, add, S_vp(k));
                S_end(k, add, k->i);
            }
        } else if (t == DYAD__T_COMMA && !subject && k->i > a) {
            k->i++;   /* after a fronted modifier */
            continue;
        } else if (t == DYAD__T_LQUOTE && k->i == a) {
            k->i++;
            continue;
        } else if (!subject && S_np_start(k, i) && (t != DYAD__T_RB || S_qp_len(k, i))) {
            /* inside the subject a participle is a reduced relative only
             * when the clause's own verb still follows ("Thousands of
             * students demonstrated in Belgrade" has no other) */
            k->in_subject++;
            add = S_np(k, NP_SUBJ);
            k->in_subject--;
            subject = 1;
            /* "Last week, Gondor said": a fronted noun phrase */
            if (S_tag(k, k->i) == DYAD__T_COMMA && S_np_start(k, k->i + 1) &&
                S_clause_ahead(k, k->i + 1) && !S_vp_start(k, k->i + 1)) {
                S_add(k, s, add);
                k->i++;
                add = NONE;
                subject = 0;
                continue;
            }
        } else if (subject && S_adverb(t)) {
            add = S_advp(k);
        } else if (subject && S_time_word(k, i) && S_vp_start(k, i + 1)) {
            /* "Altun, Monday tweeted": a time, not the subject */
            add = S_node(k, DYAD__L_ADVP, i);
            k->i++;
            S_end(k, add, k->i);
        } else if (S_vp_start(k, i)) {
            /* a clause's own verb right after its subject is finite: a
             * lone past participle there is the tagger mistaking the
             * past tense ("Protesters burned tires") */
            if ((subject || wh) && t == DYAD__T_VBN && !S_aux(k, i)) S_retag(k, i, DYAD__T_VBD);
            k->rep_tag = subject ? rep_tag : 0;
            add = S_vp(k);
            vp = 1;
        } else if (subject && t == DYAD__T_COMMA &&
                   (S_is(k, i + 1, "including") || S_is(k, i + 1, "among") ||
                    S_is(k, i + 1, "like") || S_is(k, i + 1, "such"))) {
            /* "Several senators, including two from the south, have
             * protested": a parenthesis between subject and verb */
            uint32_t j = i + 1;
            while (j < k->n && j < i + CK_LOOK && S_tag(k, j) != DYAD__T_COMMA &&
                   S_tag(k, j) != DYAD__T_PERIOD)
                j++;
            if (S_tag(k, j) != DYAD__T_COMMA || !S_vp_start(k, j + 1)) break;
            k->i++;
            add = S_node(k, DYAD__L_PP, k->i);
            if (add == NONE) break;
            k->i++;
            if (S_is(k, k->i - 1, "such") && S_is(k, k->i, "as")) k->i++;
            for (int g2 = 0; g2 < CK_MAXKIDS && k->i < j && !k->oom; g2++) {
                uint32_t at = k->i, kid = NONE;
                if (S_np_start(k, at) && k->depth < CK_MAXDEPTH) {
                    k->depth++;
                    kid = S_np(k, 0);
                    k->depth--;
                }
                if (kid != NONE && k->i <= j) S_add(k, add, kid);
                if (k->i == at) k->i++;     /* a bare word ("those") */
            }
            if (k->i > j) k->i = j;
            S_end(k, add, k->i);
        } else if (subject && t == DYAD__T_COMMA && S_vp_start(k, i + 1)) {
            k->i++;
            continue;
        } else if (subject && t == DYAD__T_COMMA && S_adverb(S_tag(k, i + 1)) &&
                   S_tag(k, i + 2) == DYAD__T_COMMA && S_vp_start(k, i + 3)) {
            /* "Ankara, too, is warning": an adverb set off by commas */
            add = S_node(k, DYAD__L_ADVP, i + 1);
            if (add == NONE) break;
            S_end(k, add, i + 2);
            k->i = i + 3;
        } else {
            break;
        }
        if (add == NONE || k->i == i) break;
        S_add(k, s, add);
    }
    if (k->i == a) {
        /* nothing here: drop the node (it has no children) */
        if (s == k->nn - 1) k->nn--;
        return NONE;
    }
    S_end(k, s, k->i);
    return s;
}

/* ------------------------------------------------------- the sentence */

/* The first child of node s with the given label, or NONE. */
static uint32_t S_child(const ck *k, uint32_t s, dyad__label label)
{
    for (uint32_t c = k->nodes[s].first; c != NONE; c = k->nodes[c].next)
        if (k->nodes[c].label == label) return c;
    return NONE;
}

/* The innermost VP of a verb chain starting at vp, and its main verb. */
static uint32_t S_inner_vp(const ck *k, uint32_t vp)
{
    for (int guard = 0; guard < CK_MAXDEPTH; guard++) {
        uint32_t c = S_child(k, vp, DYAD__L_VP);
        if (c == NONE) return vp;
        /* a chain child starts right after the auxiliaries */
        vp = c;
    }
    return vp;
}

/* Is the clause s "X said" with nothing reported after the verb (only
 * times and places)?  Sets *no_subject when it has no subject before the
 * verb ("said X"). */
static int S_bare_speech(const ck *k, uint32_t s, int *no_subject)
{
    uint32_t vp = S_child(k, s, DYAD__L_VP);
    if (vp == NONE) return 0;
    uint32_t np = S_child(k, s, DYAD__L_NP);
    *no_subject = np == NONE || k->nodes[np].a > k->nodes[vp].a;
    uint32_t in = S_inner_vp(k, vp);
    uint32_t verb = k->nodes[in].a;
    if (!S_speech_word(k, verb)) return 0;
    static const char *const tell[] = {"tell", "tells", "told", "telling", NULL};
    int addressee = S_in(k->w[verb].s, k->w[verb].len, tell);   /* "told Reuters" */
    for (uint32_t c = k->nodes[in].first; c != NONE; c = k->nodes[c].next) {
        int l = k->nodes[c].label;
        if (l == DYAD__L_S && S_tag(k, k->nodes[c].a) == DYAD__T_VBG && k->nodes[c].a > 0 &&
            S_tag(k, k->nodes[c].a - 1) == DYAD__T_COMMA)
            continue;   /* ", citing the Kremlin" */
        if (l == DYAD__L_SBAR || l == DYAD__L_S) return 0;
        if (l == DYAD__L_NP && !*no_subject && !addressee) {
            uint32_t last = k->nodes[c].b - 1;
            if (!S_time_word(k, last)) return 0;
        }
    }
    return 1;
}

/* Keeps a long run of top-level phrases and tokens (a table or a list
 * taken for one sentence) under the Treebank's limit of children per node:
 * groups them into FRAG nodes of at most CK_GROUP children, repeatedly.
 * kids are consecutive siblings over [0, n); tokens between them count. */
#define CK_GROUP 100
static uint32_t S_units(const ck *k, const uint32_t *kids, uint32_t nkids)
{
    uint32_t units = 0, j = 0;
    for (uint32_t x = 0; x < nkids; x++) {
        const cnode *c = &k->nodes[kids[x]];
        units += (c->a > j ? c->a - j : 0) + 1;
        if (c->b > j) j = c->b;
    }
    return units + (k->n > j ? k->n - j : 0);
}

/* One pass writes its groups to a fresh array: a run of bare tokens makes
 * groups without consuming any child, so writing over kids in place would
 * overtake the children not yet read.  kids must have room for nkids +
 * k->n + 1 entries (the caller's allocation); a pass never yields more
 * groups than that. */
static void S_group(ck *k, uint32_t *kids, uint32_t *nkids)
{
    for (int pass = 0; pass < 8 && !k->oom; pass++) {
        uint32_t units = S_units(k, kids, *nkids);
        if (units <= CK_GROUP) return;
        uint32_t room = units / CK_GROUP + 2;
        uint32_t *out = dyad__arena_alloc(k->a, (size_t)room * sizeof *out);
        if (!out) { k->oom = 1; return; }
        uint32_t nout = 0, x = 0, count = 0, j = 0;
        uint32_t g = NONE;
        while (j < k->n || x < *nkids) {
            if (g == NONE) {
                g = S_node(k, DYAD__L_FRAG, j);
                count = 0;
                if (g == NONE) return;
            }
            /* the next child when it starts here (or, defensively, when
             * it starts before here or past the end): every step either
             * takes a child or moves past a token, so the loop ends */
            if (x < *nkids && (k->nodes[kids[x]].a <= j || j >= k->n)) {
                uint32_t c = kids[x++];
                S_add(k, g, c);
                if (k->nodes[c].b > j) j = k->nodes[c].b;
            } else {
                j++;
            }
            if (++count == CK_GROUP || (j >= k->n && x >= *nkids)) {
                S_end(k, g, j);
                if (nout == room) { k->oom = 1; return; }   /* cannot happen: units bound it */
                out[nout++] = g;
                g = NONE;
            }
        }
        memcpy(kids, out, (size_t)nout * sizeof *kids);
        *nkids = nout;
    }
}

static uint32_t S_sentence(ck *k)
{
    uint32_t root = S_node(k, DYAD__L_ROOT, 0);
    if (root == NONE) return NONE;
    uint32_t nitems = 0, cap = 64;
    uint32_t *items = dyad__arena_alloc(k->a, cap * sizeof *items);
    if (!items) { k->oom = 1; return NONE; }
    while (k->i < k->n && !k->oom) {
        uint32_t i = k->i;
        uint32_t c = S_clause(k);
        if (c == NONE) {
            int t = S_tag(k, i);
            /* a stray phrase: keep its structure if it has one */
            if (S_np_start(k, i)) c = S_np(k, 0);
            else if ((t == DYAD__T_IN || t == DYAD__T_TO) && S_np_start(k, i + 1)) c = S_pp(k);
            if (c == NONE || k->i == i) { k->i = i + 1; continue; }
        }
        if (nitems == cap) {
            uint32_t *nv = dyad__arena_alloc(k->a, cap * 2 * sizeof *nv);
            if (!nv) { k->oom = 1; return NONE; }
            memcpy(nv, items, cap * sizeof *nv);
            items = nv;
            cap *= 2;
        }
        items[nitems++] = c;
    }
    if (k->oom) return NONE;
    /* "Y, X said." -> (S (S Y) (, ,) (NP X) (VP said) (. .)) and
     * "Y, said X." -> (SINV (S Y) (, ,) (VP said) (NP X) (. .)) */
    dyad__label top = DYAD__L_S;
    uint32_t nsplice = 0;
    if (nitems >= 2 && k->nodes[items[nitems - 1]].label == DYAD__L_S &&
        k->nodes[items[nitems - 2]].label == DYAD__L_S) {
        uint32_t last = items[nitems - 1];
        int no_subject = 0;
        uint32_t gap_a = k->nodes[items[nitems - 2]].b, gap_b = k->nodes[last].a;
        int comma = 0;
        for (uint32_t x = gap_a; x < gap_b; x++) comma |= S_tag(k, x) == DYAD__T_COMMA;
        if (comma && S_bare_speech(k, last, &no_subject)) {
            nsplice = 1;
            if (no_subject) {
                /* "said X, citing Y": the verb alone is the VP; what
                 * followed it becomes the inverted clause's */
                uint32_t vp = S_child(k, last, DYAD__L_VP);
                uint32_t in = S_inner_vp(k, vp);
                uint32_t np = S_child(k, in, DYAD__L_NP);
                if (vp == in && np != NONE && k->nodes[vp].first == np && k->nodes[vp].next == NONE) {
                    k->nodes[last].last = k->nodes[vp].last;
                    k->nodes[vp].next = np;
                    k->nodes[vp].first = k->nodes[vp].last = NONE;
                    k->nodes[vp].b = k->nodes[np].a;
                    top = DYAD__L_SINV;
                }
            }
        }
    }
    /* the top clause's children, in order */
    uint32_t nkids = 0;
    uint32_t *kids = dyad__arena_alloc(k->a, ((size_t)nitems + k->n + 1) * sizeof *kids);
    if (!kids) { k->oom = 1; return NONE; }
    int any_s = 0;
    for (uint32_t x = 0; x < nitems; x++) {
        if (x == nitems - 1 && nsplice) {
            for (uint32_t c = k->nodes[items[x]].first; c != NONE; c = k->nodes[c].next)
                kids[nkids++] = c;
        } else {
            kids[nkids++] = items[x];
        }
        any_s |= k->nodes[items[x]].label == DYAD__L_S;
    }
    uint32_t s;
    if (nitems == 1 && !nsplice && k->nodes[items[0]].label == DYAD__L_S &&
        S_units(k, kids, nkids) <= CK_GROUP) {
        s = items[0];
        k->nodes[s].a = 0;
        k->nodes[s].b = k->n;
    } else {
        S_group(k, kids, &nkids);
        s = S_node(k, top == DYAD__L_SINV || any_s ? top : DYAD__L_FRAG, 0);
        if (s == NONE) return NONE;
        for (uint32_t x = 0; x < nkids; x++) S_add(k, s, kids[x]);
        S_end(k, s, k->n);
    }
    S_add(k, root, s);
    S_end(k, root, k->n);
    return root;
}

/* ------------------------------------------------------------ output */

/* Renumbers the nodes under root in preorder into t (so children come
 * after parents) and sets every token's parent.  Nodes with an empty span
 * are dropped. */
static dyad_status S_finish(ck *k, uint32_t root, dyad__tree *t)
{
    uint32_t nn = k->nn;
    uint32_t *map = dyad__arena_alloc(k->a, ((size_t)nn + 1) * sizeof *map);
    uint32_t *stack = dyad__arena_alloc(k->a, ((size_t)nn + 1) * sizeof *stack);
    uint32_t *order = dyad__arena_alloc(k->a, ((size_t)nn + 1) * sizeof *order);
    t->nodes = dyad__arena_alloc(k->a, ((size_t)nn + 1) * sizeof *t->nodes);
    if (!map || !stack || !order || !t->nodes) return k->a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    for (uint32_t x = 0; x < nn; x++) map[x] = NONE;
    /* preorder: push children in reverse */
    uint32_t sp = 0, no = 0;
    stack[sp++] = root;
    while (sp) {
        uint32_t x = stack[--sp];
        cnode *c = &k->nodes[x];
        if (c->b <= c->a && x != root) continue;
        map[x] = no;
        order[no++] = x;
        /* push the children, then reverse them in place so the first
         * child is popped first (no fixed-size buffer: a node may have
         * any number of children) */
        uint32_t base = sp;
        for (uint32_t ch = c->first; ch != NONE && sp <= nn; ch = k->nodes[ch].next)
            stack[sp++] = ch;
        for (uint32_t lo = base, hi = sp; lo + 1 < hi; lo++, hi--) {
            uint32_t tmp = stack[lo];
            stack[lo] = stack[hi - 1];
            stack[hi - 1] = tmp;
        }
    }
    t->nnodes = no;
    t->root = 0;
    for (uint32_t y = 0; y < no; y++) {
        cnode *c = &k->nodes[order[y]];
        dyad__node *d = &t->nodes[y];
        d->label = c->label;
        d->label_str = dyad__label_name((dyad__label)c->label);
        d->tok_a = c->a;
        d->tok_b = c->b;
        d->head = NONE;
        d->parent = NONE;
        d->first_child = d->next_sibling = NONE;
    }
    /* bottom-up (every child has a larger number than its parent): each
     * phrase's children are linked, its direct tokens found, and its head
     * chosen from the children as they are met (dyad__tree_heads' rules,
     * without walking the phrases again) */
    dyad__child *kids = dyad__arena_alloc(k->a, ((size_t)k->n + no + 1) * sizeof *kids);
    if (!kids) return k->a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    for (uint32_t y = no; y-- > 0;) {
        cnode *c = &k->nodes[order[y]];
        uint32_t prev = NONE;
        for (uint32_t ch = c->first; ch != NONE; ch = k->nodes[ch].next) {
            uint32_t m = map[ch];
            if (m == NONE) continue;
            t->nodes[m].parent = y;
            if (prev == NONE) t->nodes[y].first_child = m;
            else t->nodes[prev].next_sibling = m;
            prev = m;
        }
        /* direct tokens: the span minus the children's spans */
        size_t nk = 0;
        uint32_t j = c->a, ch = t->nodes[y].first_child;
        while (j < c->b) {
            if (ch != NONE && t->nodes[ch].tok_a <= j) {
                kids[nk].tok = NONE;
                kids[nk].node = ch;
                kids[nk].head = t->nodes[ch].head;
                kids[nk].code = (uint8_t)dyad__label_code(t->nodes[ch].label);
                nk++;
                if (t->nodes[ch].tok_b > j) j = t->nodes[ch].tok_b;
                ch = t->nodes[ch].next_sibling;
                continue;
            }
            t->toks[j].parent = y;
            kids[nk].tok = kids[nk].head = j;
            kids[nk].node = NONE;
            kids[nk].code = t->toks[j].code;
            nk++;
            j++;
        }
        t->nodes[y].head = dyad__tree_head_of(t, y, kids, nk);
    }
    return DYAD_OK;
}

/* Quotation marks inside a clause -- around a few words of the reporter's
 * sentence, not around speech: 'the rebels "will be defeated" by', 'had
 * "captured or wounded 300" militiamen', 'the police "fully
 * dismantled" the cell'.  A pair counts when it holds at most 8 words,
 * with no punctuation inside, the opening mark follows a word (not the
 * sentence start, a comma or a colon, where speech begins) and both are
 * tagged as quotes.  Such marks would cut the clause in two, so the
 * chunker reads the sentence without them: k's words and tags become a
 * copy without the marks, *orig maps its positions back.  Returns the
 * new count (n when nothing is dropped, *orig then NULL). */
static uint32_t S_inline_quotes(const dyad__word *w, uint8_t *tags, uint32_t n, uint32_t **orig,
                                ck *k)
{
    *orig = NULL;
    uint8_t *drop = NULL;
    uint32_t ndrop = 0;
    for (uint32_t i = 1; i < n; i++) {
        if (tags[i] != DYAD__T_LQUOTE) continue;
        int pt = tags[i - 1];
        if (pt == DYAD__T_COMMA || pt == DYAD__T_COLON || pt == DYAD__T_LQUOTE ||
            pt == DYAD__T_LRB || pt == DYAD__T_PERIOD)
            continue;
        uint32_t j = i + 1;
        int ok = 1;
        while (j < n && j <= i + 9 && tags[j] != DYAD__T_RQUOTE && tags[j] != DYAD__T_LQUOTE) {
            int tj = tags[j];
            if (tj == DYAD__T_COMMA || tj == DYAD__T_PERIOD || tj == DYAD__T_COLON ||
                tj == DYAD__T_LRB || tj == DYAD__T_RRB)
                ok = 0;
            j++;
        }
        if (!ok || j >= n || tags[j] != DYAD__T_RQUOTE || j == i + 1) continue;
        if (!drop) {
            drop = dyad__arena_zalloc(k->a, n);
            if (!drop) { k->oom = 1; return n; }
        }
        drop[i] = drop[j] = 1;
        ndrop += 2;
        i = j;
    }
    if (!ndrop) return n;
    uint32_t m = n - ndrop;
    dyad__word *w2 = dyad__arena_alloc(k->a, ((size_t)m + 1) * sizeof *w2);
    uint8_t *t2 = dyad__arena_alloc(k->a, (size_t)m + 1);
    uint32_t *map = dyad__arena_alloc(k->a, ((size_t)m + 1) * sizeof *map);
    if (!w2 || !t2 || !map) { k->oom = 1; return n; }
    for (uint32_t i = 0, x = 0; i < n; i++) {
        if (drop[i]) continue;
        w2[x] = w[i];
        t2[x] = tags[i];
        map[x++] = i;
    }
    k->w = w2;
    k->tag = t2;
    k->n = m;
    *orig = map;
    return m;
}

static dyad_status S_vgroups(dyad__tree *t, const dyad__lexicon *lex, const uint64_t *lxin,
                             dyad__arena *a);

dyad_status dyad__chunk(dyad__tree *t, const dyad__word *w, uint8_t *tags, uint32_t n,
                        const dyad__lexicon *lex, dyad__arena *a)
{
    return dyad__chunk_lx(t, w, tags, n, lex, NULL, a);
}

dyad_status dyad__chunk_lx(dyad__tree *t, const dyad__word *w, uint8_t *tags, uint32_t n,
                           const dyad__lexicon *lex, const uint64_t *lxin, dyad__arena *a)
{
    if (!lex) lex = dyad__lexicon_builtin();
    memset(t, 0, sizeof *t);
    t->root = NONE;
    t->toks = dyad__arena_alloc(a, ((size_t)n + 1) * sizeof *t->toks);
    if (!t->toks) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    t->ntoks = n;
    /* the words as C strings (the coder reads them so), in one block */
    size_t bytes = 0;
    for (uint32_t i = 0; i < n; i++) bytes += (size_t)w[i].len + 1;
    char *s = dyad__arena_alloc(a, bytes + DYAD__WORD_PAD);
    if (!s) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    memset(s + bytes, 0, DYAD__WORD_PAD);   /* readable room after the last word */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len = w[i].len;
        memcpy(s, w[i].s, len);
        s[len] = 0;
        t->toks[i].word = s;
        t->toks[i].len = (uint32_t)strlen(s);   /* a NUL inside ends the C string */
        t->toks[i].parent = 0;
        s += len + 1;
    }
    ck k;
    memset(&k, 0, sizeof k);
    k.w = w;
    k.tag = tags;
    k.n = n;
    k.a = a;
    /* a slash between two names joins them like "or" ("FARC/ELN
     * fighters", "US/UK talks") */
    for (uint32_t i = 1; i + 1 < n; i++)
        if (tags[i] == DYAD__T_SYM && w[i].len == 1 && w[i].s[0] == '/' &&
            (tags[i - 1] == DYAD__T_NNP || tags[i - 1] == DYAD__T_NNPS) &&
            (tags[i + 1] == DYAD__T_NNP || tags[i + 1] == DYAD__T_NNPS))
            tags[i] = DYAD__T_CC;
    /* inline quotation marks are not there for the chunker: it reads the
     * words between them */
    uint32_t *orig = NULL;
    uint32_t m = S_inline_quotes(w, tags, n, &orig, &k);
    if (k.oom) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    /* each word's lists, once: the tagger's as they are when no mark
     * was dropped */
    if (lxin && !orig) {
        k.lx = lxin;
    } else {
        uint64_t *lx = dyad__arena_alloc(a, ((size_t)m + 1) * sizeof *lx);
        if (!lx) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
        for (uint32_t i = 0; i < m; i++)
            lx[i] = !lxin ? dyad__lex_bits(lex, k.w[i].s, k.w[i].len) : lxin[orig[i]];
        k.lx = lx;
    }
    k.npe = dyad__arena_zalloc(a, ((size_t)m + 1) * sizeof *k.npe);   /* gen 0: unknown */
    if (!k.npe) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    k.npe_gen = 1;
    uint32_t root = S_sentence(&k);
    if (k.oom || root == NONE) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    if (orig) {
        /* back to the sentence's token numbers; each dropped mark becomes
         * a direct token of the smallest phrase around it */
        for (uint32_t i = 0; i < m; i++) tags[orig[i]] = k.tag[i];
        for (uint32_t x = 0; x < k.nn; x++) {
            cnode *c = &k.nodes[x];
            uint32_t a0 = c->a, b0 = c->b;
            c->a = a0 == 0 ? 0 : a0 < m ? orig[a0] : n;
            c->b = b0 >= m ? n : b0 <= a0 ? c->a : orig[b0 - 1] + 1;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        t->toks[i].tag = dyad__ptag_name(tags[i]);
        t->toks[i].code = tags[i] < DYAD__T_COUNT ? tags[i] : DYAD__TC_OTHER;
    }
    t->words_padded = 1;
    DYAD_TRY(S_finish(&k, root, t));
    return S_vgroups(t, lex, lxin, a);   /* lxin: by the sentence's token numbers */
}

/* -------------------------------------------------------- verb groups */

/* A verb, modal or "to" tag (PETRARCH's AUX tags count as verbs). */
static int S_verbal(const dyad__ptok *tk)
{
    const char *tag = tk->tag;
    return (tag[0] == 'V' && tag[1] == 'B') || (tag[0] == 'A' && tag[1] == 'U' && tag[2] == 'X') ||
           tk->code == DYAD__T_MD || tk->code == DYAD__T_TO;
}


static int S_neg_word(const char *w, size_t n)
{
    return S_eq(w, n, "not") || S_eq(w, n, "n't") || S_eq(w, n, "never");
}

/* Is token i the "longer" of "no longer" ("will no longer recognize"), a
 * negation like "not"?  The negation token is then the "no". */
static int S_no_longer(const dyad__tree *t, uint32_t i)
{
    return i > 0 && S_eq(t->toks[i].word, t->toks[i].len, "longer") &&
           S_eq(t->toks[i - 1].word, t->toks[i - 1].len, "no");
}

/* State carried down a verb chain. */
typedef struct vstate {
    uint32_t toks[16];   /* verbal tokens so far */
    int n;
    uint32_t neg;
} vstate;

/* Iterates the direct children of node in order: calls back for tokens
 * and phrases.  Returns via out arrays (bounded). */
typedef struct vkid { uint32_t tok, node; } vkid;

static size_t S_kids(const dyad__tree *t, uint32_t node, vkid *out, size_t max)
{
    const dyad__node *p = &t->nodes[node];
    size_t n = 0;
    uint32_t c = p->first_child;
    uint32_t j = p->tok_a;
    while (j < p->tok_b && n < max) {
        while (c != NONE && t->nodes[c].tok_b <= j && t->nodes[c].tok_a == t->nodes[c].tok_b)
            c = t->nodes[c].next_sibling;
        if (t->toks[j].parent == node) {
            out[n].tok = j; out[n].node = NONE; n++;
            j++;
        } else if (c != NONE) {
            out[n].tok = NONE; out[n].node = c; n++;
            j = t->nodes[c].tok_b > j ? t->nodes[c].tok_b : j + 1;
            c = t->nodes[c].next_sibling;
        } else {
            j++;
        }
    }
    return n;
}

static int S_modality(const char *w, size_t n)
{
    static const char *const fut[] = {"will", "shall", "'ll", "wo", NULL};
    static const char *const cond[] = {"would", "'d", NULL};
    static const char *const abil[] = {"can", "could", "ca", NULL};
    static const char *const poss[] = {"may", "might", NULL};
    if (S_in(w, n, fut)) return DYAD__MOD_FUTURE;
    if (S_in(w, n, cond)) return DYAD__MOD_CONDITIONAL;
    if (S_in(w, n, abil)) return DYAD__MOD_ABILITY;
    if (S_in(w, n, poss)) return DYAD__MOD_POSSIBILITY;
    return DYAD__MOD_OBLIGATION;
}

/* Fills the features of a group from its verbal tokens. */
static void S_features(const dyad__tree *t, const vstate *st, dyad__vgroup *g)
{
    g->first = st->toks[0];
    g->verb = g->last = st->toks[st->n - 1];
    g->modal = NONE;
    g->neg = st->neg;
    /* "Chile no longer recognizes ...": the negation stands before the
     * verb phrase */
    if (g->neg == NONE && g->first > 0 && S_no_longer(t, g->first - 1)) g->neg = g->first - 2;
    g->negated = g->neg != NONE;
    for (int x = 0; x < st->n; x++) {
        uint32_t tok = st->toks[x];
        unsigned tag = t->toks[tok].code;
        const char *w = t->toks[tok].word;
        size_t wn = t->toks[tok].len;
        if ((tag == DYAD__T_MD) && g->modal == NONE) {
            g->modal = tok;
            g->modality = (uint8_t)S_modality(w, wn);
        }
        if (x + 1 < st->n) {
            unsigned nt = t->toks[st->toks[x + 1]].code;
            int vbn = (nt == DYAD__T_VBN) || (nt == DYAD__TC_AUXN);
            int vbg = (nt == DYAD__T_VBG) || (nt == DYAD__TC_AUXG);
            unsigned ac = S_aux_class(w, wn);
            if ((ac & AC_HAVE) && vbn) g->perfect = 1;
            if ((ac & AC_BE) && vbg) g->progressive = 1;
            if ((ac & (AC_BE | AC_GET)) && vbn && x + 1 == st->n - 1) g->passive = 1;
        }
    }
    unsigned ft = t->toks[st->toks[0]].code;
    if (ft == DYAD__T_TO) {
        g->infinitive = 1;
        g->tense = DYAD__TENSE_NONE;
    } else if (g->modal != NONE) {
        const char *m = t->toks[g->modal].word;
        size_t mn = t->toks[g->modal].len;
        static const char *const past[] = {"would", "could", "might", "should", "'d", NULL};
        g->tense = g->modality == DYAD__MOD_FUTURE ? DYAD__TENSE_FUTURE
                   : S_in(m, mn, past)             ? DYAD__TENSE_PAST
                                                   : DYAD__TENSE_PRESENT;
    } else if ((ft == DYAD__T_VBD) || (ft == DYAD__TC_AUXD)) {
        g->tense = DYAD__TENSE_PAST;
    } else if ((ft == DYAD__T_VBZ) || (ft == DYAD__T_VBP) || (ft == DYAD__T_VB) ||
               (ft == DYAD__TC_AUXZ) || (ft == DYAD__TC_AUXP) || (ft == DYAD__TC_AUX) ||
               (ft == DYAD__TC_AUXB)) {
        g->tense = DYAD__TENSE_PRESENT;
    } else {
        g->tense = DYAD__TENSE_NONE;
    }
}

/* The clause a VP belongs to: up through VP containers. */
static uint32_t S_clause_of(const dyad__tree *t, uint32_t vp, uint32_t *below)
{
    uint32_t x = vp;
    for (int guard = 0; guard < 64; guard++) {
        uint32_t p = t->nodes[x].parent;
        if (p == NONE) return NONE;
        int l = t->nodes[p].label;
        if (l != DYAD__L_VP) {
            *below = x;
            return p;
        }
        x = p;
    }
    return NONE;
}


/* The word lists of the tree's tokens: known per token (lx, the
 * chunker's), or looked up in lex by the word. */
typedef struct vlex { const dyad__lexicon *lex; const uint64_t *lx; } vlex;

static int S_vlex_has(const dyad__tree *t, const vlex *vl, uint32_t tok, int list)
{
    if (vl->lx) return (int)((vl->lx[tok] >> list) & 1u);
    const char *w = t->toks[tok].word;
    return dyad__lex_has(vl->lex, w, t->toks[tok].len, list);
}

/* An infinitive clause cl right after the object of an object-control
 * verb heading vp (the lexicon's list "object-control": "urged Kenya to
 * act", "paid the relatives to invite her"): that object (skipping prepositional phrases between:
 * "paid X in Iran to invite her"); else NONE. */
static uint32_t S_controller(const dyad__tree *t, const vlex *vl, uint32_t vp, uint32_t cl)
{
    uint32_t v = t->nodes[vp].tok_a;
    if (!S_verbal(&t->toks[v]) || !S_vlex_has(t, vl, v, DYAD__LX_OBJECT_CONTROL)) return NONE;
    uint32_t first = t->nodes[cl].first_child;
    if (first == NONE || t->nodes[first].label != DYAD__L_VP ||
        t->toks[t->nodes[first].tok_a].code != DYAD__T_TO)
        return NONE;
    uint32_t obj = NONE;
    for (uint32_t c = t->nodes[vp].first_child; c != NONE && c != cl; c = t->nodes[c].next_sibling) {
        if (t->nodes[c].label == DYAD__L_NP) obj = c;
        else if (t->nodes[c].label != DYAD__L_PP) obj = NONE;
    }
    return obj;
}

/* The subject of the clause holding vp: the NP child of its clause before
 * it (after it in SINV); for a relative clause, the noun phrase it
 * modifies; for an infinitive or participle complement, the subject of
 * the governing verb. */
static uint32_t S_subject(const dyad__tree *t, const vlex *vl, uint32_t vp)
{
    for (int guard = 0; guard < 16 && vp != NONE; guard++) {
        uint32_t below = vp;
        uint32_t cl = S_clause_of(t, vp, &below);
        if (cl == NONE) return NONE;
        int l = t->nodes[cl].label;
        if (l == DYAD__L_S || l == DYAD__L_SINV || l == DYAD__L_SQ || l == DYAD__L_ROOT) {
            uint32_t best = NONE;
            for (uint32_t c = t->nodes[cl].first_child; c != NONE; c = t->nodes[c].next_sibling) {
                if (t->nodes[c].label != DYAD__L_NP) continue;
                if (l == DYAD__L_SINV ? t->nodes[c].tok_a >= t->nodes[below].tok_b
                                      : t->nodes[c].tok_b <= t->nodes[below].tok_a) {
                    best = c;
                    if (l == DYAD__L_SINV) break;
                }
            }
            if (best != NONE) return best;
            /* "with both sides accusing the other": the noun phrase of a
             * "with" phrase right before a participle is its subject */
            for (uint32_t c = t->nodes[cl].first_child; c != NONE; c = t->nodes[c].next_sibling) {
                if (t->nodes[c].next_sibling != below || t->nodes[c].label != DYAD__L_PP) continue;
                uint32_t np = t->nodes[c].first_child, h = t->nodes[below].tok_a;
                const char *w = t->toks[t->nodes[c].tok_a].word;
                if (np == NONE || t->nodes[np].label != DYAD__L_NP || t->nodes[np].next_sibling != NONE ||
                    t->nodes[np].tok_a != t->nodes[c].tok_a + 1 ||
                    (strcmp(w, "with") && strcmp(w, "With")) || t->toks[h].code != DYAD__T_VBG)
                    continue;
                return np;
            }
            /* no subject in this clause: look above it */
            uint32_t p = t->nodes[cl].parent;
            if (p == NONE) return NONE;
            int pl = t->nodes[p].label;
            if (pl == DYAD__L_SBAR) {
                uint32_t pp = t->nodes[p].parent;
                if (pp != NONE && t->nodes[pp].label == DYAD__L_NP) {
                    /* relative clause: the noun phrase before it */
                    uint32_t c = t->nodes[pp].first_child;
                    if (c != NONE && c != p && t->nodes[c].label == DYAD__L_NP) return c;
                    return pp;
                }
                return NONE;
            }
            if (pl == DYAD__L_VP) {
                uint32_t obj = S_controller(t, vl, p, cl);
                if (obj != NONE) return obj;
                vp = p;
                continue;
            }
            if (pl == DYAD__L_S || pl == DYAD__L_SINV) {
                /* a fronted participle ("Speaking to reporters, the
                 * minister said"): the subject of the clause around it */
                for (uint32_t c = t->nodes[p].first_child; c != NONE; c = t->nodes[c].next_sibling)
                    if (t->nodes[c].label == DYAD__L_NP && t->nodes[c].tok_a >= t->nodes[cl].tok_b)
                        return c;
                return NONE;
            }
            if (pl == DYAD__L_PP) {
                /* "by promoting": the clause around the PP */
                uint32_t q = t->nodes[p].parent;
                while (q != NONE && t->nodes[q].label != DYAD__L_VP && t->nodes[q].label != DYAD__L_S)
                    q = t->nodes[q].parent;
                if (q == NONE) return NONE;
                if (t->nodes[q].label == DYAD__L_VP) { vp = q; continue; }
                return NONE;
            }
            return NONE;
        }
        if (l == DYAD__L_NP) {
            /* a reduced relative: the noun phrase it modifies */
            uint32_t c = t->nodes[cl].first_child;
            return c != NONE && c != below && t->nodes[c].label == DYAD__L_NP ? c : cl;
        }
        return NONE;
    }
    return NONE;
}

/* For a speech verb: the clause it reports (a complement SBAR/S, else the
 * S fronted before "X said" in the same clause). */
static uint32_t S_reported(const dyad__tree *t, const vlex *vl, uint32_t vp, uint32_t inner,
                           uint32_t verb)
{
    if (!S_vlex_has(t, vl, verb, DYAD__LX_SPEECH)) return NONE;
    for (uint32_t c = t->nodes[inner].first_child; c != NONE; c = t->nodes[c].next_sibling) {
        int l = t->nodes[c].label;
        if ((l == DYAD__L_SBAR || l == DYAD__L_S) && t->nodes[c].tok_a > verb) return c;
    }
    uint32_t below = vp;
    uint32_t cl = S_clause_of(t, vp, &below);
    if (cl == NONE) return NONE;
    uint32_t best = NONE;
    for (uint32_t c = t->nodes[cl].first_child; c != NONE; c = t->nodes[c].next_sibling) {
        int l = t->nodes[c].label;
        if (t->nodes[c].tok_b > t->nodes[below].tok_a) break;
        if (l == DYAD__L_S || l == DYAD__L_SBAR) best = c;
    }
    return best;
}

/* lxin: each token's lists (the chunker's, from the tagger), or NULL to
 * look the words up */
static dyad_status S_vgroups(dyad__tree *t, const dyad__lexicon *lex, const uint64_t *lxin,
                             dyad__arena *a)
{
    if (!lex) lex = dyad__lexicon_builtin();
    vlex vl = {lex, lxin};
    t->vgroups = NULL;
    t->nvgroups = 0;
    if (t->nnodes == 0) return DYAD_OK;
    uint8_t *seen = dyad__arena_zalloc(a, t->nnodes);
    uint32_t cap = 8;
    dyad__vgroup *out = dyad__arena_alloc(a, cap * sizeof *out);
    /* pending chains: (VP, state inherited from auxiliaries above) */
    typedef struct pend { uint32_t vp; vstate st; } pend;
    pend *stack = dyad__arena_alloc(a, 64 * sizeof *stack);
    if (!seen || !out || !stack) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    for (uint32_t v = 0; v < t->nnodes; v++) {
        if (t->nodes[v].label != DYAD__L_VP || seen[v]) continue;
        int sp = 0;
        stack[sp].vp = v;
        stack[sp].st.n = 0;
        stack[sp].st.neg = NONE;
        sp++;
        uint32_t root_vp = v;
        while (sp) {
            pend p = stack[--sp];
            uint32_t cur = p.vp;
            vstate st = p.st;
            for (int guard = 0; guard < 64; guard++) {
                seen[cur] = 1;
                vkid kids[256];
                size_t nk = S_kids(t, cur, kids, DYAD_ARRAY_LEN(kids));
                int own = 0;
                size_t last_verbal = 0;
                for (size_t x = 0; x < nk; x++) {
                    if (kids[x].tok != NONE) {
                        const dyad__ptok *tk = &t->toks[kids[x].tok];
                        if (S_verbal(tk)) {
                            if (st.n < (int)DYAD_ARRAY_LEN(st.toks)) st.toks[st.n++] = kids[x].tok;
                            own = 1;
                            last_verbal = x;
                        } else if (tk->tag[0] == 'R' && tk->tag[1] == 'B' && S_neg_word(tk->word, tk->len) &&
                                   st.neg == NONE) {
                            st.neg = kids[x].tok;
                        } else if (st.neg == NONE && S_no_longer(t, kids[x].tok)) {
                            st.neg = kids[x].tok - 1;
                        }
                    } else if (t->nodes[kids[x].node].label == DYAD__L_ADVP && st.neg == NONE) {
                        const dyad__node *ad = &t->nodes[kids[x].node];
                        for (uint32_t j = ad->tok_a; j < ad->tok_b; j++) {
                            if (S_neg_word(t->toks[j].word, t->toks[j].len)) { st.neg = j; break; }
                            if (S_no_longer(t, j)) { st.neg = j - 1; break; }
                        }
                    }
                }
                if (!own) {
                    /* a container (coordinated VPs): each VP child is a
                     * group with what came above */
                    for (size_t x = nk; x-- > 0;)
                        if (kids[x].node != NONE && t->nodes[kids[x].node].label == DYAD__L_VP && sp < 64) {
                            stack[sp].vp = kids[x].node;
                            stack[sp].st = st;
                            sp++;
                        }
                    break;
                }
                uint32_t lv = kids[last_verbal].tok;
                const char *lw = t->toks[lv].word, *lt = t->toks[lv].tag;
                unsigned lc = t->toks[lv].code;
                int auxlike = lc == DYAD__T_MD || lc == DYAD__T_TO || (lt[0] == 'A') ||
                              S_aux_class(lw, t->toks[lv].len) != 0;
                uint32_t next = NONE;
                for (size_t x = last_verbal + 1; x < nk; x++)
                    if (kids[x].node != NONE && t->nodes[kids[x].node].label == DYAD__L_VP) {
                        next = kids[x].node;
                        break;
                    }
                if (auxlike && next != NONE) {
                    cur = next;
                    continue;
                }
                /* cur holds the main verb */
                if (t->nvgroups == cap) {
                    dyad__vgroup *nv = dyad__arena_alloc(a, cap * 2 * sizeof *nv);
                    if (!nv) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
                    memcpy(nv, out, cap * sizeof *nv);
                    out = nv;
                    cap *= 2;
                }
                dyad__vgroup *g = &out[t->nvgroups++];
                memset(g, 0, sizeof *g);
                g->vp = root_vp;
                g->inner = cur;
                S_features(t, &st, g);
                /* a lone participle modifying a noun ("memos sent by
                 * Bree") is passive */
                if (st.n == 1 && ((t->toks[g->verb].code == DYAD__T_VBN)) &&
                    t->nodes[root_vp].parent != NONE &&
                    t->nodes[t->nodes[root_vp].parent].label == DYAD__L_NP)
                    g->passive = 1;
                /* so is a lone past form with a "by" phrase right after
                 * it, wherever the chunker hung it and whatever the
                 * tagger took it for ("the rebels, backed by Bree,"; "a
                 * camp supported mainly by Bree") -- but not "responded
                 * by imposing", "rose by 5 percent" */
                if (st.n == 1 && ((t->toks[g->verb].code == DYAD__T_VBN) ||
                                  (t->toks[g->verb].code == DYAD__T_VBD))) {
                    uint32_t k = g->last + 1;
                    while (k < t->ntoks && t->toks[k].tag[0] == 'R' && t->toks[k].tag[1] == 'B') k++;
                    if (k + 1 < t->ntoks && S_eq(t->toks[k].word, t->toks[k].len, "by") &&
                        !(t->toks[k + 1].code == DYAD__T_VBG) && !(t->toks[k + 1].code == DYAD__T_CD))
                        g->passive = 1;
                }
                g->subject = S_subject(t, &vl, root_vp);
                g->reported = S_reported(t, &vl, root_vp, cur, g->verb);
                break;
            }
        }
    }
    t->vgroups = out;
    return DYAD_OK;
}

dyad_status dyad__tree_vgroups(dyad__tree *t, const dyad__lexicon *lex, dyad__arena *a)
{
    return S_vgroups(t, lex, NULL, a);
}

/* ------------------------------------------------------ the public handle */

struct dyad_chunker {
    const dyad_tagger *tg;
    dyad__wcache *wc;           /* per spelling: lists, tag candidates */
    const dyad__lexicon *lex;   /* the word lists: the built-in ones, or a
                                   dictionary's (dyad__chunker_set_lexicon) */
    dyad__arena arena;          /* reset by each run */
    dyad__tree tree;
    uint8_t *tags;
    dyad_verb_group *groups;
    size_t ngroups;
    dyad__buf bracket;          /* the tree as text, made on demand */
    int bracket_done;
    dyad__err err;              /* why the last run failed */
    dyad__names_fn names;       /* the caller's names, or NULL */
    void *names_ctx;
};

#define CK_ARENA_CAP ((size_t)64 << 20)

dyad_status dyad_chunker_new(dyad_chunker **out, const dyad_tagger *tg)
{
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    if (!tg || dyad_tagger_errmsg(tg)[0]) return DYAD_EINVAL;
    dyad_chunker *c = calloc(1, sizeof *c);
    if (!c) return DYAD_ENOMEM;
    c->tg = tg;
    c->lex = dyad__lexicon_builtin();
    c->wc = dyad__wcache_new();
    if (!c->lex || !c->wc) {
        dyad__wcache_free(c->wc);
        free(c);
        return DYAD_ENOMEM;
    }
    dyad__arena_init(&c->arena, CK_ARENA_CAP);
    dyad__buf_init(&c->bracket);
    *out = c;
    return DYAD_OK;
}

void dyad_chunker_free(dyad_chunker *c)
{
    if (!c) return;
    dyad__arena_free(&c->arena);
    dyad__buf_free(&c->bracket);
    dyad__wcache_free(c->wc);
    free(c);
}

static size_t S_span_first(const dyad__tree *t, uint32_t node)
{
    return node == NONE ? 0 : t->nodes[node].tok_a;
}

static size_t S_span_end(const dyad__tree *t, uint32_t node)
{
    return node == NONE ? 0 : t->nodes[node].tok_b;
}

/* Where word x of the sentence is, for messages: "byte N" when the words
 * come from a dyad_text (tok: the sentence's tokens), else "word N". */
static void S_where(const dyad_token *tok, size_t x, char *buf, size_t size)
{
    if (tok) snprintf(buf, size, "byte %zu", tok[x].start);
    else snprintf(buf, size, "word %zu", x + 1);
}

/* The limits of dyad.h that the tags show: brackets (-LRB-) and
 * quotation marks (``) open at once.  A closing mark closes the last
 * open one whatever its kind; one without an opener is ignored. */
static dyad_status S_check_nesting(dyad_chunker *c, const dyad_token *tok, uint32_t n)
{
    /* S_nest[t]: 1 opens, 2 closes, 0 neither (one test a word) */
    static const uint8_t S_nest[256] = {[DYAD__T_LRB] = 1, [DYAD__T_LQUOTE] = 1,
                                        [DYAD__T_RRB] = 2, [DYAD__T_RQUOTE] = 2};
    uint32_t depth = 0;
    for (uint32_t x = 0; x < n; x++) {
        int t = S_nest[c->tags[x]];
        if (!t) continue;
        if (t == 1) {
            if (++depth > DYAD_MAX_NESTING) {
                char at[48];
                S_where(tok, x, at, sizeof at);
                return dyad__err_set(&c->err, DYAD_ELIMIT,
                                     "%s: brackets and quotation marks nested deeper than %d, "
                                     "the limit; sentence skipped", at, DYAD_MAX_NESTING);
            }
        } else if (depth) {
            depth--;
        }
    }
    return DYAD_OK;
}

/* The sentence length limit, checked before anything is allocated. */
static dyad_status S_check_length(dyad_chunker *c, size_t n, const dyad_token *tok)
{
    if (n <= DYAD_MAX_SENTENCE_TOKENS) return DYAD_OK;
    char at[48];
    S_where(tok, 0, at, sizeof at);
    return dyad__err_set(&c->err, DYAD_ELIMIT, "%s: sentence of %zu words, over the limit of %d; "
                         "skipped", at, n, DYAD_MAX_SENTENCE_TOKENS);
}

/* Tags and chunks words[0..n) (already in c's arena or the caller's);
 * tok: their tokens in the text, or NULL (for messages). */
static int S_cap(const dyad__word *w) { return w->len && w->s[0] >= 'A' && w->s[0] <= 'Z'; }

/* A word tagged so that it would break a name's noun phrase: a verb, a
 * particle, "to", a foreign word. */
static int S_name_breaker(int t)
{
    return S_verb(t) || t == DYAD__T_RP || t == DYAD__T_TO || t == DYAD__T_FW;
}

/* The caller's multi-word names (dyad__chunker_set_names) in the tagged
 * sentence: a name that starts and ends with a capital and holds a
 * capitalised word tagged as a verb, particle or foreign word is
 * retagged as proper nouns, one noun phrase ("the Move Forward Party",
 * "the Committee to Protect Journalists").  A past participle right
 * after such a name at the head of its sentence is the finite verb
 * whose subject it is ("Medecins Sans Frontieres criticized ..."). */
static void S_mark_names(dyad_chunker *c, const dyad__word *w, uint32_t n)
{
    uint32_t done = 0;   /* words before this are settled */
    for (uint32_t j = 0; j < n; j++) {
        if (j < done || !S_cap(&w[j]) || !S_name_breaker(c->tags[j])) continue;
        /* the longest name around word j, from up to 5 words before it */
        uint32_t best_a = 0, best_e = 0;
        for (uint32_t i = j > 5 && j - 5 > done ? j - 5 : done; i <= j; i++) {
            if (!S_cap(&w[i])) continue;
            uint32_t e = c->names(c->names_ctx, w, n, i);
            if (e > j && e >= i + 2 && e <= n && S_cap(&w[e - 1]) && e - i > best_e - best_a) {
                best_a = i;
                best_e = e;
            }
        }
        if (!best_e) continue;
        for (uint32_t x = best_a; x < best_e; x++) c->tags[x] = DYAD__T_NNP;
        int head = best_a == 0 || (best_a == 1 && c->tags[0] == DYAD__T_DT);
        if (head && best_e < n && c->tags[best_e] == DYAD__T_VBN) c->tags[best_e] = DYAD__T_VBD;
        done = best_e;
        j = best_e - 1;
    }
}

/* Mistakes the tagger makes, mended before chunking: a past participle
 * read as an adjective after "have" ("had tortured two prisoners": JJ),
 * a present participle read as a noun after "be" ("was arming rebels":
 * NN) -- only where the word has the participle's ending and an object
 * follows it, as the verb's would ("had armed guards" is read as the
 * past perfect too: in news copy the rarer reading) -- and a verb's
 * base form right after a preposition, which is a noun. */
static void S_mend_tags(dyad_chunker *c, const dyad__word *w, uint32_t n)
{
    for (uint32_t i = 0; i + 2 < n; i++) {
        /* a base form right after a preposition is a noun ("allegations
         * of torture by police"): no verb follows "of", "for", "in"
         * ("rather than fight" excepted) */
        if (c->tags[i] == DYAD__T_IN && c->tags[i + 1] == DYAD__T_VB &&
            !(w[i].len == 4 && !memcmp(w[i].s, "than", 4)))
            c->tags[i + 1] = DYAD__T_NN;
        if (!S_verb(c->tags[i])) continue;
        unsigned ac = S_aux_class(w[i].s, w[i].len);
        if (!(ac & (AC_BE | AC_HAVE))) continue;
        uint32_t j = i + 1;
        while (j + 1 < n && j - i < 3 && S_adverb(c->tags[j])) j++;
        int t = c->tags[j], nx = c->tags[j + 1];
        int object = nx == DYAD__T_DT || nx == DYAD__T_PRPS || nx == DYAD__T_PRP ||
                     nx == DYAD__T_CD || S_noun(nx) || S_adj(nx);
        if (!object) continue;
        const char *s = w[j].s;
        uint32_t len = w[j].len;
        if ((ac & AC_HAVE) && (t == DYAD__T_JJ || t == DYAD__T_VBD) && len > 4 &&
            !strncmp(s + len - 2, "ed", 2))
            c->tags[j] = DYAD__T_VBN;
        else if ((ac & AC_BE) && t == DYAD__T_NN && len > 5 && !strncmp(s + len - 3, "ing", 3))
            c->tags[j] = DYAD__T_VBG;
    }
}

static dyad_status S_run(dyad_chunker *c, const dyad__word *w, uint32_t n, const dyad_token *tok)
{
    dyad__arena *a = &c->arena;
    char at[48];
    dyad_status st = DYAD_OK;
    c->tags = dyad__arena_alloc(a, (size_t)n + 1);
    uint64_t *lx = dyad__arena_alloc(a, ((size_t)n + 1) * sizeof *lx);   /* the words' lists */
    if (!c->tags || !lx) st = a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    if (st == DYAD_OK) {
        DYAD__STAGE_BEGIN(t0);
        st = dyad__tagger_tag_cached(c->tg, c->wc, c->lex, w, n, c->tags, lx, a);
        DYAD__STAGE_END(t0, DYAD__STAGE_TAG);
    }
    if (st == DYAD_OK && c->names) S_mark_names(c, w, n);
    if (st == DYAD_OK) S_mend_tags(c, w, n);
    if (st == DYAD_OK) DYAD_TRY(S_check_nesting(c, tok, n));
    if (st == DYAD_OK) st = dyad__chunk_lx(&c->tree, w, c->tags, n, c->lex, lx, a);
    if (st != DYAD_OK) S_where(tok, 0, at, sizeof at);   /* only a message needs it */
    if (st == DYAD_ELIMIT)
        return dyad__err_set(&c->err, st, "%s: sentence of %u words needs more than the "
                             "chunker's %zu MiB; skipped", at, n, a->cap >> 20);
    if (st != DYAD_OK) return dyad__err_set(&c->err, st, "%s: out of memory", at);
    const dyad__tree *t = &c->tree;
    c->groups = dyad__arena_alloc(a, ((size_t)t->nvgroups + 1) * sizeof *c->groups);
    if (!c->groups) return a->over_cap ? DYAD_ELIMIT : DYAD_ENOMEM;
    for (uint32_t x = 0; x < t->nvgroups; x++) {
        const dyad__vgroup *g = &t->vgroups[x];
        dyad_verb_group *o = &c->groups[x];
        o->verb = g->verb;
        o->first = g->first;
        o->last = g->last;
        o->modal = g->modal == NONE ? DYAD_NO_TOKEN : g->modal;
        o->negation = g->neg == NONE ? DYAD_NO_TOKEN : g->neg;
        o->subject_first = S_span_first(t, g->subject);
        o->subject_end = S_span_end(t, g->subject);
        o->reported_first = S_span_first(t, g->reported);
        o->reported_end = S_span_end(t, g->reported);
        o->tense = (dyad_tense)g->tense;
        o->modality = (dyad_modality)g->modality;
        o->passive = g->passive;
        o->negated = g->negated;
        o->perfect = g->perfect;
        o->progressive = g->progressive;
        o->infinitive = g->infinitive;
    }
    c->ngroups = t->nvgroups;
    return DYAD_OK;
}

static void S_reset(dyad_chunker *c)
{
    dyad__arena_reset(&c->arena);
    memset(&c->tree, 0, sizeof c->tree);
    c->tags = NULL;
    c->groups = NULL;
    c->ngroups = 0;
    c->bracket_done = 0;
    dyad__buf_clear(&c->bracket);
    dyad__err_clear(&c->err);
}

/* After a failed run: nothing of it stays readable but the message. */
static void S_reset_keep_err(dyad_chunker *c)
{
    dyad__err keep = c->err;
    S_reset(c);
    c->err = keep;
}

dyad_status dyad_chunker_run(dyad_chunker *c, const dyad_text *t, size_t i)
{
    if (!c || !t) return DYAD_EINVAL;
    S_reset(c);
    if (i >= dyad_text_sentence_count(t)) return DYAD_EINVAL;
    const dyad_sentence *s = dyad_text_sentence(t, i);
    size_t ntok;
    const dyad_token *tok = dyad_text_tokens(t, &ntok);
    if (s->first_token + s->ntokens > ntok) return DYAD_EINVAL;
    DYAD_TRY(S_check_length(c, s->ntokens, tok + s->first_token));
    uint32_t n = (uint32_t)s->ntokens;
    dyad__word *w = dyad__arena_alloc(&c->arena, ((size_t)n + 1) * sizeof *w);
    if (!w) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    for (uint32_t x = 0; x < n; x++) {
        w[x].s = tok[s->first_token + x].norm;
        w[x].len = tok[s->first_token + x].norm_len;
    }
    dyad_status st = S_run(c, w, n, tok + s->first_token);
    if (st != DYAD_OK) S_reset_keep_err(c);
    return st;
}

dyad__tree *dyad__chunker_tree(dyad_chunker *c) { return &c->tree; }

void dyad__chunker_set_names(dyad_chunker *c, dyad__names_fn fn, void *ctx)
{
    if (!c) return;
    c->names = fn;
    c->names_ctx = ctx;
}

void dyad__chunker_set_lexicon(dyad_chunker *c, const dyad__lexicon *lex)
{
    if (c && lex) {
        c->lex = lex;
        dyad__wcache_forget_lists(c->wc);
    }
}

dyad_status dyad_chunker_run_words(dyad_chunker *c, const char *const *words, size_t n)
{
    if (!c || (!words && n)) return DYAD_EINVAL;
    S_reset(c);
    DYAD_TRY(S_check_length(c, n, NULL));
    dyad__word *w = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *w);
    if (!w) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    for (size_t x = 0; x < n; x++) {
        size_t len = words[x] ? strlen(words[x]) : 0;
        if (len >= UINT32_MAX)
            return dyad__err_set(&c->err, DYAD_EINVAL, "word %zu: over 4 GB", x + 1);
        w[x].s = words[x] ? words[x] : "";
        w[x].len = (uint32_t)len;
    }
    dyad_status st = S_run(c, w, (uint32_t)n, NULL);
    if (st != DYAD_OK) S_reset_keep_err(c);
    return st;
}

const char *dyad_chunker_errmsg(const dyad_chunker *c)
{
    return c ? c->err.msg : "out of memory";
}

size_t dyad_chunker_token_count(const dyad_chunker *c)
{
    return c ? c->tree.ntoks : 0;
}

const char *dyad_chunker_tag(const dyad_chunker *c, size_t i)
{
    if (!c || i >= c->tree.ntoks) return "";
    return c->tree.toks[i].tag;
}

const char *dyad_chunker_tree(dyad_chunker *c)
{
    if (!c) return NULL;
    if (!c->bracket_done) {
        dyad__buf_clear(&c->bracket);
        if (c->tree.nnodes) dyad__tree_write(&c->tree, c->tree.root, &c->bracket);
        else dyad__buf_append(&c->bracket, "(ROOT)", 6);
        c->bracket_done = 1;
    }
    if (c->bracket.oom) return NULL;
    return dyad__buf_cstr(&c->bracket);
}

size_t dyad_chunker_verb_group_count(const dyad_chunker *c)
{
    return c ? c->ngroups : 0;
}

const dyad_verb_group *dyad_chunker_verb_group(const dyad_chunker *c, size_t i)
{
    if (!c || i >= c->ngroups) return NULL;
    return &c->groups[i];
}

const char *dyad_tense_name(dyad_tense t)
{
    static const char *const names[] = {"none", "present", "past", "future"};
    return (unsigned)t < DYAD_ARRAY_LEN(names) ? names[t] : "";
}

const char *dyad_modality_name(dyad_modality m)
{
    static const char *const names[] = {"none", "future", "conditional", "ability", "possibility",
                                        "obligation"};
    return (unsigned)m < DYAD_ARRAY_LEN(names) ? names[m] : "";
}
