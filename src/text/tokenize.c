/*
 * tokenize.c -- splits normalised text into tokens the way news copy wants
 * it: "U.S.", "Oct.", "13,000", "18.6", "18:25", "COVID-19", "al-Sarraj"
 * and "O'Brien" stay whole; possessive 's and contractions (n't 're 've
 * 'll 'd 'm) become tokens of their own, as in the Penn Treebank; "--" and
 * "..." are single tokens.  A period stays on a word when the word is a
 * known abbreviation, an initial ("W.") or an initialism ("U.S."); the
 * sentence splitter decides later whether such a word also ends a
 * sentence.  Hand-written: no Debian library tokenises English this way,
 * and the offsets must map back to the original bytes.
 */
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

enum { C_SPACE, C_ALPHA, C_DIGIT, C_OTHER };
_Static_assert(C_ALPHA == 1 && C_DIGIT == 2, "a word's bytes: class - 1 < 2");

/* Class of the code point at p (n bytes left); *k gets its length. */
static int S_class_cp(const unsigned char *p, size_t n, size_t *k)
{
    if (n == 0) { *k = 0; return C_SPACE; }
    unsigned c = p[0];
    if (c < 0x80) {
        *k = 1;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return C_ALPHA;
        if (c >= '0' && c <= '9') return C_DIGIT;
        if (c == ' ' || c == '\n' || c == '\t') return C_SPACE;
        return C_OTHER;
    }
    int32_t cp;
    *k = dyad__utf8_decode(p, n, &cp);
    if (*k == 0) { *k = 1; return C_OTHER; }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return C_SPACE;
    default:
        return C_OTHER;
    }
}

/* S_ascii[c]: the class of ASCII byte c (as S_class_cp gives it);
 * C_NONASCII for the bytes of longer code points */
enum { C_NONASCII = 4 };
#define A1(c)                                                                                    \
    ((c) >= 0x80 ? C_NONASCII                                                                   \
     : (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z') ? C_ALPHA                                   \
     : ((c) >= '0' && (c) <= '9')                   ? C_DIGIT                                   \
     : ((c) == ' ' || (c) == '\n' || (c) == '\t')    ? C_SPACE                                   \
                                                    : C_OTHER)
#define A4(c) A1(c), A1((c) + 1), A1((c) + 2), A1((c) + 3)
#define A16(c) A4(c), A4((c) + 4), A4((c) + 8), A4((c) + 12)
#define A64(c) A16(c), A16((c) + 16), A16((c) + 32), A16((c) + 48)
static const unsigned char S_ascii[256] = {A64(0), A64(64), A64(128), A64(192)};
#undef A64
#undef A16
#undef A4
#undef A1

/* How many of the eight bytes at p, from the first, are ASCII letters or
 * digits (8: all).  Each byte's top bit answers for it: the sums are
 * taken with the top bits cleared, so no byte carries into the next. */
static inline size_t S_alnum_run8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t x = w & ~tops;                 /* each byte's low seven bits */
    uint64_t l = x | ones * 0x20;           /* letters folded to lower case */
    uint64_t alpha = (l + ones * (0x80 - 'a')) & ~(l + ones * (0x7F - 'z'));
    uint64_t digit = (x + ones * (0x80 - '0')) & ~(x + ones * (0x7F - '9'));
    uint64_t bad = (~(alpha | digit) | w) & tops;   /* not alnum, or not ASCII */
    if (!bad) return 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(bad) / 8;
#else
    size_t k = 0;
    while (k < 8 && (unsigned)(S_ascii[p[k]] - 1) < 2) k++;
    return k;
#endif
}

/* S_class_cp with ASCII, nearly every byte, answered inline */
static inline int S_class(const unsigned char *p, size_t n, size_t *k)
{
    if (n && p[0] < 0x80) {
        *k = 1;
        return S_ascii[p[0]];
    }
    return S_class_cp(p, n, k);
}

static int S_is_alnum_at(const unsigned char *s, size_t len, size_t i)
{
    size_t k;
    if (i >= len) return 0;
    int c = S_class(s + i, len - i, &k);
    return c == C_ALPHA || c == C_DIGIT;
}

static int S_is_alpha_at(const unsigned char *s, size_t len, size_t i)
{
    size_t k;
    return i < len && S_class(s + i, len - i, &k) == C_ALPHA;
}

/* Class of the code point ending just before byte i. */
static int S_prev_class(const unsigned char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && (s[j - 1] & 0xC0) == 0x80) j--;
    if (j == 0) return C_SPACE;
    j--;
    size_t k;
    return S_class(s + j, i - j, &k);
}

/* Words that keep their period.  Titles, months and the like never end a
 * sentence; the rest may (see segment.c). */
static const char *const S_abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt",
    "Sgt", "Cpl", "Adm", "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "Fr",
    "Sr", "Jr", "St", "Mt", "Ft", "Pres", "Amb", "Hon", "Messrs", "Gens",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Sun",
    "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave",
    "Blvd", "Rd", "Gov't", "No", "Nos", "Vol", "Art", "Fig", "approx",
    "etc", "vs", "cf", "al", "est", "ca", "Ph", "Op", "Ext",
};

/* S_ab_of[c]: the rows of S_abbrevs whose word begins with byte c,
 * S_ab_lens[c]: bit n set when one has n bytes.  Built once: the test
 * runs on every word before a full stop. */
static uint8_t S_ab_of[128][DYAD_ARRAY_LEN(S_abbrevs)];
static uint8_t S_ab_n[128];
static uint8_t S_ab_len[DYAD_ARRAY_LEN(S_abbrevs)];
static uint16_t S_ab_lens[128];
static pthread_once_t S_ab_once = PTHREAD_ONCE_INIT;

static void S_ab_init(void)
{
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_abbrevs); i++) {
        unsigned char c = (unsigned char)S_abbrevs[i][0];
        size_t n = strlen(S_abbrevs[i]);
        S_ab_len[i] = (uint8_t)n;
        S_ab_lens[c] |= (uint16_t)(1u << n);
        S_ab_of[c][S_ab_n[c]++] = (uint8_t)i;
    }
}

static int S_is_abbrev(const char *w, size_t n)
{
    unsigned char c = (unsigned char)w[0];
    if (n == 0 || n >= 16 || c >= 128) return 0;
    pthread_once(&S_ab_once, S_ab_init);
    if (!((S_ab_lens[c] >> n) & 1u)) return 0;
    for (unsigned k = 0; k < S_ab_n[c]; k++) {
        unsigned i = S_ab_of[c][k];
        if (S_ab_len[i] == n && memcmp(S_abbrevs[i], w, n) == 0) return 1;
    }
    return 0;
}

/* dyad__norm_orig's cursor while tokenising, with its segment's bounds
 * at hand: a byte in the same segment as the last (nearly always: tokens
 * come in order, most in unchanged text) costs two comparisons. */
typedef struct segc {
    const dyad__norm *map;
    size_t c;                 /* the cursor */
    size_t lo, hi;            /* segment c covers norm bytes [lo, hi) */
    size_t orig, span;        /* and its origin and span */
} segc;

static void S_segc_load(segc *sc)
{
    const dyad__norm *n = sc->map;
    size_t c = sc->c;
    if (c < n->nsegs) {
        sc->lo = n->segs[c].norm;
        sc->hi = c + 1 < n->nsegs ? n->segs[c + 1].norm : SIZE_MAX;
        sc->orig = n->segs[c].orig;
        sc->span = n->segs[c].span;
    } else {
        sc->lo = 1;               /* no segment: every byte asks */
        sc->hi = 0;
    }
}

static inline size_t S_orig(segc *sc, size_t i)
{
    if (i >= sc->lo && i < sc->hi) {
        size_t k = i - sc->lo;
        return sc->orig + (k < sc->span ? k : sc->span);
    }
    size_t r = dyad__norm_orig(sc->map, i, &sc->c);
    S_segc_load(sc);
    return r;
}

/* Inline at its four calls (forced: GCC keeps it out of line, and its
 * call cost a fifth of its work, once a token) */
static inline __attribute__((always_inline)) int S_push(dyad__toks *t, const char *norm, size_t a, size_t b,
                  segc *map, int kind, int abbrev)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        dyad_token *v = realloc(t->v, cap * sizeof *v);
        if (!v) return -1;
        t->v = v;
        t->cap = cap;
    }
    dyad_token *k = &t->v[t->n++];
    k->norm = norm + a;
    k->norm_len = (unsigned)(b - a);
    k->kind = (unsigned char)kind;
    k->abbrev = (unsigned char)abbrev;
    k->start = S_orig(map, a);
    /* b's origin is where the next normalised byte came from, i.e. one
     * past the original bytes of this token (folded characters included). */
    k->end = S_orig(map, b);
    return 0;
}

/* "'s" "'re" "'ve" "'ll" "'d" "'m" at i (the apostrophe), followed by a
 * non-letter: returns the clitic's length, else 0. */
static size_t S_clitic(const unsigned char *s, size_t len, size_t i)
{
    static const char *const cl[] = {"'s", "'S", "'re", "'ve", "'ll", "'d", "'m",
                                     "'RE", "'VE", "'LL", "'D", "'M"};
    for (size_t k = 0; k < DYAD_ARRAY_LEN(cl); k++) {
        size_t n = strlen(cl[k]);
        if (i + n <= len && memcmp(s + i, cl[k], n) == 0 && !S_is_alnum_at(s, len, i + n))
            return n;
    }
    return 0;
}

/* "n't" at i followed by a non-letter. */
static inline int S_nt(const unsigned char *s, size_t len, size_t i)
{
    return i + 3 <= len && (s[i] == 'n' || s[i] == 'N') && s[i + 1] == '\'' &&
           (s[i + 2] == 't' || s[i + 2] == 'T') && !S_is_alnum_at(s, len, i + 3);
}

dyad_status dyad__tokenize(dyad__toks *t, const char *norm, size_t len,
                           const dyad__norm *map)
{
    t->map_cursor = 0;
    return dyad__tokenize_range(t, norm, len, 0, len, map);
}

static dyad_status S_tokenize_range(dyad__toks *t, const char *norm, size_t len, size_t from,
                                    size_t to, segc *map)
{
    const unsigned char *s = (const unsigned char *)norm;
    size_t i = from;
    while (i < to) {
        size_t k;
        int c = S_class(s + i, len - i, &k);
        if (c == C_SPACE) { i += k; continue; }
        size_t start = i;
        if (c == C_ALPHA || c == C_DIGIT) {
            if (S_nt(s, len, i)) {
                if (S_push(t, norm, i, i + 3, map, DYAD_TOK_WORD, 0)) return DYAD_ENOMEM;
                i += 3;
                continue;
            }
            int internal_dot = 0;
            size_t p = i;
            for (;;) {
                for (;;) {
                    /* ASCII letters and digits, most of a word: eight
                     * bytes at a time while eight are left, then by the
                     * table (C_ALPHA and C_DIGIT are 1 and 2) */
                    while (p + 8 <= len) {
                        size_t r = S_alnum_run8(s + p);
                        p += r;
                        if (r < 8) break;
                    }
                    while (p < len && (unsigned)(S_ascii[s[p]] - 1) < 2) p++;
                    if (p >= len || s[p] < 0x80) break;
                    int c2 = S_class(s + p, len - p, &k);
                    if (c2 != C_ALPHA && c2 != C_DIGIT) break;
                    p += k;
                }
                if (p >= len) break;
                unsigned ch = s[p];
                /* only these join a word (a space, nearly always, ends it
                 * before the class of the byte before is looked at) */
                if (ch != '-' && ch != '.' && ch != ',' && ch != ':' && ch != '\'') break;
                int prev = S_prev_class(s, p);
                if (ch == '-' && S_is_alnum_at(s, len, p + 1)) { p++; continue; }
                if (ch == '.' && prev == C_ALPHA && S_is_alpha_at(s, len, p + 1)) {
                    internal_dot = 1; p++; continue;
                }
                if ((ch == '.' || ch == ',' || ch == ':') && prev == C_DIGIT && p + 1 < len &&
                    S_class(s + p + 1, len - p - 1, &k) == C_DIGIT) {
                    /* "13,000" "18.6" "18:25" but not "5,2020" runs: a
                     * thousands comma needs exactly three digits after */
                    if (ch == ',') {
                        size_t q = p + 1, nd = 0;
                        while (q < len && s[q] >= '0' && s[q] <= '9') { q++; nd++; }
                        if (nd != 3) break;
                    }
                    p++;
                    continue;
                }
                if (ch == '\'' && prev == C_ALPHA && S_is_alpha_at(s, len, p + 1)) {
                    if (S_clitic(s, len, p)) break;
                    if (p >= 1 && S_nt(s, len, p - 1) && p - 1 > start) { p--; break; }
                    p++;
                    continue;
                }
                break;
            }
            int abbrev = 0;
            if (p < len && s[p] == '.' && !(p + 1 < len && s[p + 1] == '.') &&
                !S_is_alnum_at(s, len, p + 1) && c == C_ALPHA) {
                size_t wl = p - start;
                int single_cap = wl == 1 && s[start] >= 'A' && s[start] <= 'Z';
                if (internal_dot || single_cap || S_is_abbrev(norm + start, wl)) {
                    p++;
                    abbrev = 1;
                }
            }
            if (S_push(t, norm, start, p, map, c == C_DIGIT ? DYAD_TOK_NUMBER : DYAD_TOK_WORD,
                       abbrev))
                return DYAD_ENOMEM;
            i = p;
            continue;
        }
        /* punctuation and symbols */
        unsigned ch = s[i];
        size_t p = i + k;
        int kind = DYAD_TOK_PUNCT;
        if (ch == '\'') {
            size_t n = (i > 0 && S_prev_class(s, i) != C_SPACE) ? S_clitic(s, len, i) : 0;
            if (n) { p = i + n; kind = DYAD_TOK_WORD; }
        } else if (ch == '-' || ch == '.') {
            while (p < len && s[p] == ch) p++;
        } else if (ch == '`') {
            while (p < len && s[p] == '`') p++;
        } else if (ch >= 0x80) {
            int32_t cp;
            if (dyad__utf8_decode(s + i, len - i, &cp)) {
                utf8proc_category_t cat = utf8proc_category(cp);
                if (cat >= UTF8PROC_CATEGORY_SM && cat <= UTF8PROC_CATEGORY_SO)
                    kind = DYAD_TOK_SYMBOL;
            }
        } else if (strchr("$%&+<=>@#^|~*/\\", (int)ch)) {
            kind = DYAD_TOK_SYMBOL;
        }
        if (S_push(t, norm, i, p, map, kind, 0)) return DYAD_ENOMEM;
        i = p;
    }
    return DYAD_OK;
}

dyad_status dyad__tokenize_range(dyad__toks *t, const char *norm, size_t len, size_t from,
                                 size_t to, const dyad__norm *map)
{
    segc sc = {.map = map, .c = t->map_cursor};
    S_segc_load(&sc);
    dyad_status st = S_tokenize_range(t, norm, len, from, to, &sc);
    t->map_cursor = sc.c;
    return st;
}

int dyad__tok_is_upper_start(const dyad_token *t)
{
    const unsigned char *s = (const unsigned char *)t->norm;
    if (t->norm_len == 0) return 0;
    if (s[0] < 0x80) return s[0] >= 'A' && s[0] <= 'Z';
    int32_t cp;
    if (!dyad__utf8_decode(s, t->norm_len, &cp)) return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

int dyad__tok_is(const dyad_token *t, const char *s)
{
    /* most calls fail on the first byte: no strlen for them */
    if (!s[0]) return t->norm_len == 0;
    if (t->norm_len == 0 || t->norm[0] != s[0]) return 0;
    size_t n = strlen(s);
    return t->norm_len == n && memcmp(t->norm, s, n) == 0;
}

int dyad__tok_is_month(const dyad_token *t)
{
    static const char *const full[] = {"January", "February", "March", "April",
                                       "May", "June", "July", "August",
                                       "September", "October", "November",
                                       "December"};
    size_t n = t->norm_len;
    if (n && t->norm[n - 1] == '.') n--;
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t fl = strlen(full[m]);
        if (n == fl && memcmp(t->norm, full[m], n) == 0) return m + 1;
        if (n == 3 && memcmp(t->norm, full[m], 3) == 0) return m + 1;
        if (m == 8 && n == 4 && memcmp(t->norm, "Sept", 4) == 0) return 9;
    }
    return 0;
}
