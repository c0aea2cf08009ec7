/*
 * analyze.c -- dyad_text: runs the text stage over one document.
 *
 *   raw text --validate--> --normalise--> norm text + offset map
 *            --tokenise--> tokens --paragraphs--> --dateline-->
 *            --sentences--> --boilerplate flags--> dyad_sentence[]
 *
 * Paragraphs: a blank line always ends one.  A single line break ends one
 * too, unless the document is hard-wrapped (most lines 40-100 bytes and
 * none longer), where it is only wrapping.  A PETRARCH <Sentence> is one
 * sentence whatever its line breaks.
 * Invariant: every offset handed out points into the caller's raw text.
 */
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct para {
    size_t tok_a, tok_b;      /* token range */
    size_t norm_a, norm_b;    /* normalised byte range */
} para;

struct dyad_text {
    dyad__norm norm;
    dyad__toks toks;
    dyad_sentence *sents;
    size_t nsent, cap_sent;
    para *paras;
    size_t npara, cap_para;
    dyad_dateline dateline;
    char dl_place[128], dl_date[64], dl_iso[16], dl_agency[64];
    dyad__buf lower;          /* scratch for case-folded matching */
    dyad__err err;
};

dyad_status dyad_text_new(dyad_text **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return DYAD_ENOMEM;
    dyad__norm_init(&(*out)->norm);
    dyad__buf_init(&(*out)->lower);
    return DYAD_OK;
}

void dyad_text_free(dyad_text *t)
{
    if (!t) return;
    dyad__norm_free(&t->norm);
    free(t->toks.v);
    free(t->sents);
    free(t->paras);
    dyad__buf_free(&t->lower);
    free(t);
}

const char *dyad_text_errmsg(const dyad_text *t) { return t->err.msg; }
size_t dyad_text_sentence_count(const dyad_text *t) { return t->nsent; }

const dyad_sentence *dyad_text_sentence(const dyad_text *t, size_t i)
{
    return i < t->nsent ? &t->sents[i] : NULL;
}

const dyad_token *dyad_text_tokens(const dyad_text *t, size_t *n)
{
    *n = t->toks.n;
    return t->toks.v;
}

/* ------------------------------------------------------------ paragraphs */

static int S_add_para(dyad_text *t, size_t a, size_t b)
{
    if (t->npara == t->cap_para) {
        size_t cap = t->cap_para ? t->cap_para * 2 : 64;
        para *p = realloc(t->paras, cap * sizeof *p);
        if (!p) return -1;
        t->paras = p;
        t->cap_para = cap;
    }
    t->paras[t->npara].norm_a = a;
    t->paras[t->npara].norm_b = b;
    t->npara++;
    return 0;
}

static int S_blank(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] != ' ' && s[i] != '\t') return 0;
    return 1;
}

/* Hard-wrapped text: at least three lines, none over 100 bytes, and most
 * of them 40 bytes or more. */
static int S_wrapped(const char *s, size_t n)
{
    size_t lines = 0, mid = 0, a = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n') continue;
        size_t len = i - a;
        if (!S_blank(s, a, i)) {
            lines++;
            if (len > 100) return 0;
            if (len >= 40) mid++;
        }
        a = i + 1;
    }
    return lines >= 3 && mid * 5 >= lines * 3;
}

static dyad_status S_paragraphs(dyad_text *t, int one_sentence)
{
    const char *s = t->norm.text.data;
    size_t n = t->norm.text.len;
    t->npara = 0;
    if (one_sentence) {
        if (S_add_para(t, 0, n)) return DYAD_ENOMEM;
    } else {
        int wrapped = S_wrapped(s, n);
        size_t a = 0, pa = 0;
        int open = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i < n && s[i] != '\n') continue;
            int blank = S_blank(s, a, i);
            if (blank) {
                if (open && S_add_para(t, pa, a)) return DYAD_ENOMEM;
                open = 0;
            } else if (!wrapped) {
                if (S_add_para(t, a, i)) return DYAD_ENOMEM;
            } else if (!open) {
                pa = a;
                open = 1;
            }
            a = i + 1;
        }
        if (open && S_add_para(t, pa, n)) return DYAD_ENOMEM;
    }
    /* assign token ranges */
    size_t k = 0;
    for (size_t p = 0; p < t->npara; p++) {
        para *pp = &t->paras[p];
        while (k < t->toks.n &&
               (size_t)(t->toks.v[k].norm - s) < pp->norm_a) k++;
        pp->tok_a = k;
        while (k < t->toks.n && (size_t)(t->toks.v[k].norm - s) < pp->norm_b) k++;
        pp->tok_b = k;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------- sentences */

static int S_add_sent(dyad_text *t, size_t a, size_t b, unsigned para_no)
{
    if (a >= b) return 0;
    if (t->nsent == t->cap_sent) {
        size_t cap = t->cap_sent ? t->cap_sent * 2 : 64;
        dyad_sentence *v = realloc(t->sents, cap * sizeof *v);
        if (!v) return -1;
        t->sents = v;
        t->cap_sent = cap;
    }
    dyad_sentence *x = &t->sents[t->nsent++];
    memset(x, 0, sizeof *x);
    x->first_token = a;
    x->ntokens = b - a;
    x->start = t->toks.v[a].start;
    x->end = t->toks.v[b - 1].end;
    x->paragraph = para_no;
    return 0;
}

dyad_status dyad__text_split_sentence(dyad_text *t, size_t i, size_t k)
{
    if (!t || i >= t->nsent || k == 0 || k >= t->sents[i].ntokens) return DYAD_EINVAL;
    if (t->nsent == t->cap_sent) {
        size_t cap = t->cap_sent * 2;
        dyad_sentence *v = realloc(t->sents, cap * sizeof *v);
        if (!v) return DYAD_ENOMEM;
        t->sents = v;
        t->cap_sent = cap;
    }
    memmove(&t->sents[i + 2], &t->sents[i + 1], (t->nsent - i - 1) * sizeof *t->sents);
    t->nsent++;
    dyad_sentence *a = &t->sents[i], *b = &t->sents[i + 1];
    const dyad_token *v = t->toks.v;
    *b = *a;
    b->first_token = a->first_token + k;
    b->ntokens = a->ntokens - k;
    b->start = v[b->first_token].start;
    b->boilerplate = 0;
    b->dateline = NULL;
    a->ntokens = k;
    a->end = v[a->first_token + k - 1].end;
    return DYAD_OK;
}

static int S_tok_char(const dyad_token *k, char c)
{
    return k->norm_len == 1 && k->norm[0] == c;
}

static int S_is_closer(const dyad_token *k)
{
    return S_tok_char(k, '"') || S_tok_char(k, '\'') || S_tok_char(k, ')') ||
           S_tok_char(k, ']') || S_tok_char(k, '}');
}

static int S_is_opener(const dyad_token *k)
{
    return S_tok_char(k, '"') || S_tok_char(k, '\'') || S_tok_char(k, '(') ||
           S_tok_char(k, '[') || dyad__tok_is(k, "``");
}

/* Words that commonly open a sentence: after an initialism such as
 * "U.S." a capitalised word is usually a name ("U.S. President"), but one
 * of these marks a new sentence. */
static int S_sentence_starter(const dyad_token *k)
{
    static const char *const w[] = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This",
        "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "In",
        "On", "At", "But", "And", "Yet", "So", "However", "Meanwhile",
        "According", "After", "Before", "Earlier", "Later", "Since", "When",
        "While", "Although", "There", "Some", "Many", "Most", "Both", "Last",
        "Separately", "Also", "Still", "Officials", "If", "As"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(w); i++)
        if (dyad__tok_is(k, w[i])) return 1;
    return 0;
}

/* Abbreviations that can close a sentence ("... and the U.S." / "etc.");
 * titles and months never do. */
static int S_abbrev_can_end(const dyad_token *k)
{
    static const char *const w[] = {"etc.", "Inc.", "Corp.", "Co.", "Ltd.",
                                    "Jr.", "Sr.", "Bros."};
    if (memchr(k->norm, '.', k->norm_len - 1)) return k->norm_len > 2; /* U.S. */
    for (size_t i = 0; i < DYAD_ARRAY_LEN(w); i++)
        if (dyad__tok_is(k, w[i])) return 1;
    return 0;
}

static int S_starts_sentence(const dyad_token *v, size_t j, size_t b)
{
    const dyad_token *k = &v[j];
    if (dyad__tok_is_upper_start(k) || k->kind == DYAD_TOK_NUMBER) return 1;
    if (S_is_opener(k) && j + 1 < b)
        return dyad__tok_is_upper_start(&v[j + 1]) || v[j + 1].kind == DYAD_TOK_NUMBER;
    return 0;
}

/* A determiner or pronoun that opens a clause ("The", "They"): after a
 * few capitalised words at the start of a sentence, the words before it
 * are a heading whose line break was lost ("Ukraine The two leaders
 * ..." in text with its white space collapsed). */
static int S_clause_opener(const dyad_token *k)
{
    static const char *const w[] = {"The", "A", "An", "He", "She", "It", "They", "We", "This",
                                    "These", "Those", "His", "Her", "Its", "Their", "Our",
                                    "There"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(w); i++)
        if (dyad__tok_is(k, w[i])) return 1;
    return 0;
}

static int S_run_in_heading(const dyad_token *v, size_t s, size_t i)
{
    if (i <= s || i - s > 4 || !S_clause_opener(&v[i])) return 0;
    for (size_t j = s; j < i; j++)
        if (v[j].kind != DYAD_TOK_WORD || !dyad__tok_is_upper_start(&v[j]) ||
            S_clause_opener(&v[j]))
            return 0;
    return 1;
}

static dyad_status S_split(dyad_text *t, size_t a, size_t b, unsigned para_no)
{
    const dyad_token *v = t->toks.v;
    size_t s = a;
    for (size_t i = a; i < b; i++) {
        const dyad_token *k = &v[i];
        if (S_run_in_heading(v, s, i)) {
            if (S_add_sent(t, s, i, para_no)) return DYAD_ENOMEM;
            s = i;
        }
        int term = S_tok_char(k, '.') || S_tok_char(k, '!') || S_tok_char(k, '?') ||
                   (k->kind == DYAD_TOK_PUNCT && k->norm_len >= 3 && k->norm[0] == '.');
        int abbr = k->abbrev && S_abbrev_can_end(k);
        if (!term && !abbr) continue;
        size_t j = i + 1;
        while (j < b && S_is_closer(&v[j]) && v[j].start == v[j - 1].end) j++;
        if (j < b) {
            if (!S_starts_sentence(v, j, b)) continue;
            if (abbr && !S_sentence_starter(&v[j])) continue;
            if (term && k->norm_len >= 3 && !dyad__tok_is_upper_start(&v[j])) continue;
        }
        if (S_add_sent(t, s, j, para_no)) return DYAD_ENOMEM;
        s = j;
        i = j - 1;
    }
    if (S_add_sent(t, s, b, para_no)) return DYAD_ENOMEM;
    return DYAD_OK;
}

/* -------------------------------------------------------------- dateline
 * Recognised at the start of one of the first paragraphs:
 *   LIMA, June 10. /TASS/. The Peruvian president ...
 *   BEIRUT, Oct 5 (Reuters) - ...
 *   KYIV, Ukraine -- Russian forces ...
 *   MOSCOW                     (a line of its own)
 * The place is one to five all-capital words. */

static int S_caps_word(const dyad_token *k)
{
    if (k->kind != DYAD_TOK_WORD) return 0;
    int letters = 0;
    for (unsigned i = 0; i < k->norm_len; i++) {
        unsigned char c = (unsigned char)k->norm[i];
        if (c >= 'a' && c <= 'z') return 0;
        if (c >= 'A' && c <= 'Z') letters++;
        else if (c >= 0x80) {
            int32_t cp;
            size_t n = dyad__utf8_decode((const unsigned char *)k->norm + i,
                                         k->norm_len - i, &cp);
            if (!n) return 0;
            dyad_token one = *k;
            one.norm = k->norm + i;
            one.norm_len = (unsigned)n;
            if (!dyad__tok_is_upper_start(&one)) return 0;
            letters++;
            i += (unsigned)n - 1;
        }
    }
    return letters >= 2;
}

static int S_number_between(const dyad_token *k, int lo, int hi)
{
    if (k->kind != DYAD_TOK_NUMBER || k->norm_len > 4) return 0;
    int v = 0;
    for (unsigned i = 0; i < k->norm_len; i++) {
        if (k->norm[i] < '0' || k->norm[i] > '9') return 0;
        v = v * 10 + (k->norm[i] - '0');
    }
    return v >= lo && v <= hi ? v : 0;
}

static void S_copy(char *dst, size_t cap, const char *raw, size_t a, size_t b)
{
    size_t n = b - a;
    if (n >= cap) n = cap - 1;
    memcpy(dst, raw + a, n);
    dst[n] = 0;
}

/* Tries a dateline at tokens [a,b); returns the number of tokens it
 * covers, 0 when there is none. */
static size_t S_dateline(dyad_text *t, const char *raw, size_t a, size_t b,
                         const char *doc_date)
{
    const dyad_token *v = t->toks.v;
    size_t i = a;
    while (i < b && i - a < 5 && S_caps_word(&v[i])) i++;
    size_t place_end = i;
    if (place_end == a) return 0;
    int month = 0, day = 0, year = 0;
    size_t date_a = 0, date_b = 0, ag_a = 0, ag_b = 0;
    int sep = 0;
    if (i == b) {
        if (place_end - a > 3) return 0;
        goto matched;
    }
    /* region: ", Ukraine" */
    size_t k = i;
    if (S_tok_char(&v[k], ',') && k + 1 < b && dyad__tok_is_upper_start(&v[k + 1]) &&
        !dyad__tok_is_month(&v[k + 1])) {
        size_t j = k + 1;
        while (j < b && j - k <= 3 && dyad__tok_is_upper_start(&v[j]) &&
               !dyad__tok_is_month(&v[j]))
            j++;
        k = j;
    }
    /* date: ", June 10" ", Oct. 5, 2020" ", 10 June" */
    size_t d = k;
    if (d < b && S_tok_char(&v[d], ',')) d++;
    if (d + 1 < b && (month = dyad__tok_is_month(&v[d])) && (day = S_number_between(&v[d + 1], 1, 31))) {
        date_a = d; date_b = d + 2;
    } else if (d + 1 < b && (day = S_number_between(&v[d], 1, 31)) &&
               (month = dyad__tok_is_month(&v[d + 1]))) {
        date_a = d; date_b = d + 2;
    } else {
        month = day = 0;
    }
    if (date_b) {
        k = date_b;
        if (k + 1 < b && S_tok_char(&v[k], ',') && (year = S_number_between(&v[k + 1], 1900, 2100)))
            k += 2, date_b = k;
        if (k + 1 < b && S_tok_char(&v[k], '.') && (S_tok_char(&v[k + 1], '/') || S_tok_char(&v[k + 1], '(')))
            k++;
    }
    /* agency: "(Reuters)" or "/TASS/" */
    if (k < b && (S_tok_char(&v[k], '(') || S_tok_char(&v[k], '/'))) {
        char close = S_tok_char(&v[k], '(') ? ')' : '/';
        size_t j = k + 1;
        while (j < b && j - k <= 4 && !S_tok_char(&v[j], close) &&
               (v[j].kind == DYAD_TOK_WORD) && dyad__tok_is_upper_start(&v[j]))
            j++;
        if (j < b && j > k + 1 && S_tok_char(&v[j], close)) {
            ag_a = k + 1; ag_b = j;
            k = j + 1;
        }
    }
    if (k < b && (S_tok_char(&v[k], '-') || dyad__tok_is(&v[k], "--") ||
                  S_tok_char(&v[k], ':') || S_tok_char(&v[k], '.'))) {
        sep = v[k].norm[0] == '-' ? 2 : 1;
        k++;
    }
    if (date_b || ag_b) {
        if (!sep && k < b && !dyad__tok_is_upper_start(&v[k])) return 0;
    } else if (sep != 2) {
        return 0;
    }
    i = k;
matched:
    memset(&t->dateline, 0, sizeof t->dateline);
    S_copy(t->dl_place, sizeof t->dl_place, raw, v[a].start, v[place_end - 1].end);
    t->dateline.place = t->dl_place;
    t->dateline.start = v[a].start;
    t->dateline.end = v[i - 1].end;
    if (date_b) {
        S_copy(t->dl_date, sizeof t->dl_date, raw, v[date_a].start, v[date_b - 1].end);
        t->dateline.date = t->dl_date;
        int y = year;
        if (!y && doc_date) {
            int dy = atoi(doc_date), dm = atoi(doc_date + 5);
            y = dy;
            if (month > dm + 6) y--;        /* "December 30" in a January story */
            else if (month + 6 < dm) y++;   /* rarely: "January 2" in December */
        }
        if (y) {
            snprintf(t->dl_iso, sizeof t->dl_iso, "%04d-%02d-%02d", (y % 10000 + 10000) % 10000, month % 100, day % 100);
            if (dyad__date_valid(t->dl_iso, 10)) t->dateline.iso_date = t->dl_iso;
        }
    }
    if (ag_b) {
        S_copy(t->dl_agency, sizeof t->dl_agency, raw, v[ag_a].start, v[ag_b - 1].end);
        t->dateline.agency = t->dl_agency;
    }
    return i - a;
}

/* ----------------------------------------------------------- boilerplate */

static const char *S_lower(dyad_text *t, const dyad_token *v, size_t a, size_t b)
{
    dyad__buf_clear(&t->lower);
    for (size_t i = a; i < b; i++) {
        if (i > a) dyad__buf_putc(&t->lower, ' ');
        for (unsigned j = 0; j < v[i].norm_len; j++)
            dyad__buf_putc(&t->lower, (char)tolower((unsigned char)v[i].norm[j]));
    }
    return dyad__buf_cstr(&t->lower);
}

static int S_contains_any(const char *s, const char *const *cues, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, cues[i])) return 1;
    return 0;
}

/* Notices that do not belong to the story anywhere they appear, as word
 * sequences matched on tokens, ASCII case-insensitively.  len0 is the
 * length of the first word (a cheap first test). */
static const struct cue { unsigned char len0; const char *w[4]; } S_strong_cues[] = {
    {7, {"contact", "us"}},           {3, {"all", "rights", "reserved"}},
    {5, {"click", "here"}},           {4, {"read", "more"}},
    {4, {"sign", "up", "for"}},       {6, {"follow", "us", "on"}},
    {9, {"reporting", "by"}},         {7, {"editing", "by"}},
    {7, {"writing", "by"}},           {5, {"terms", "of", "use"}},
    {7, {"privacy", "policy"}},       {3, {"\xe2\x86\x92"}},
    {2, {"\xc2\xa9"}},                {8, {"download", "our", "app"}},
    {3, {"for", "subscription"}},
};
/* Substrings that mark a notice only in the closing run of sentences
 * (a story may mention subscribers; "offered to subscribers" at the end
 * is the publisher speaking). */
static const char *const S_weak_cues[] = {
    "subscribe to", "subscribe now", "subscription", "to subscribers",
    "for subscribers",
    "website contains", "newsletter", "our website", "this article",
    "this story", "this site", "our coverage",
};
/* Section labels and page furniture, matched against a whole paragraph. */
static const char *const S_labels[] = {
    "all news", "latest news", "top stories", "breaking news", "advertisement",
    "share", "share this", "related", "related articles", "related news",
    "related stories", "more", "see also", "video", "photo", "photos",
    "watch", "listen", "print", "comments", "tags", "read also",
    "also read", "news", "world", "politics", "opinion", "home", "menu",
    "skip to content", "most read", "most popular", "trending", "live",
    "editor's picks", "recommended", "more news", "world news",
};

static size_t S_words(const dyad_token *v, size_t a, size_t b);

static int S_word_eq(const dyad_token *k, const char *w)
{
    size_t n = strlen(w);
    if (k->norm_len != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)k->norm[i]) != (unsigned char)w[i]) return 0;
    return 1;
}

/* A strong cue in tokens [a, b): anywhere in a short sentence, only at
 * its start in a long one (a story's sentence may say "the reporting by
 * state media" or "read more into it"; a notice is short or begins with
 * its cue). */
#define S_NOTICE_WORDS 30
static int S_has_strong_cue(const dyad_token *v, size_t a, size_t b)
{
    size_t end = S_words(v, a, b) > S_NOTICE_WORDS && b > a ? a + 1 : b;
    for (size_t i = a; i < end; i++) {
        if (v[i].norm_len > 9) continue;
        /* only these first bytes begin a cue: c a r s f e w t p d, the
         * arrow and the copyright sign */
        unsigned char f = (unsigned char)v[i].norm[0];
        if (f >= 'A' && f <= 'Z') f = (unsigned char)(f + 32);
        if (!memchr("carsfewtpd\xe2\xc2", f, 12)) continue;
        for (size_t k = 0; k < DYAD_ARRAY_LEN(S_strong_cues); k++) {
            const struct cue *c = &S_strong_cues[k];
            if (c->len0 != v[i].norm_len) continue;
            size_t j = 0;
            while (j < 4 && c->w[j] && i + j < b && S_word_eq(&v[i + j], c->w[j])) j++;
            if (j == 4 || !c->w[j]) return 1;
        }
    }
    return 0;
}

static int S_has_time(const dyad_token *v, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (v[i].kind == DYAD_TOK_NUMBER && v[i].norm_len <= 5 &&
            memchr(v[i].norm, ':', v[i].norm_len))
            return 1;
    return 0;
}

static int S_ends_terminal(const dyad_token *v, size_t a, size_t b)
{
    while (b > a && S_is_closer(&v[b - 1])) b--;
    if (b == a) return 0;
    const dyad_token *k = &v[b - 1];
    return S_tok_char(k, '.') || S_tok_char(k, '!') || S_tok_char(k, '?') ||
           (k->norm_len >= 3 && k->norm[0] == '.') || k->abbrev;
}

static size_t S_words(const dyad_token *v, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) n += v[i].kind == DYAD_TOK_WORD || v[i].kind == DYAD_TOK_NUMBER;
    return n;
}

/* A unit that is only a label ("All news"). */
static int S_label(dyad_text *t, size_t a, size_t b)
{
    if (b - a > 4) return 0;
    const char *low = S_lower(t, t->toks.v, a, b);
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_labels); i++)
        if (strcmp(low, S_labels[i]) == 0) return 1;
    return 0;
}

/* The tokens judged for sentence s: its whole line when the line holds
 * only this sentence (a dateline included), else the sentence alone. */
static void S_unit(const dyad_text *t, size_t s, size_t *a, size_t *b)
{
    const dyad_sentence *x = &t->sents[s];
    int alone = (s == 0 || t->sents[s - 1].paragraph != x->paragraph) &&
                (s + 1 == t->nsent || t->sents[s + 1].paragraph != x->paragraph);
    if (alone) {
        *a = t->paras[x->paragraph].tok_a;
        *b = t->paras[x->paragraph].tok_b;
    } else {
        *a = x->first_token;
        *b = x->first_token + x->ntokens;
    }
}

/* Flags boilerplate sentence by sentence.  Each sentence is judged on
 * its own tokens, or on its line when the line is that one sentence;
 * never on a paragraph that holds other sentences, so a document whose
 * text is one long line (white space collapsed) is judged like the same
 * text with its line breaks.  headline: index of the headline paragraph
 * (the first that is not a label).
 *   - labels ("All news"), subheads (three words or fewer, no full stop,
 *     not the headline), metadata lines (a time, no full stop) and
 *     bylines ("By ..." in six words, no full stop);
 *   - a notice (a strong cue: "contact us", "all rights reserved";
 *     anywhere in a sentence of 30 words or fewer, at the start of a
 *     longer one);
 *   - the closing run: from the last sentence backwards, while each
 *     sentence is boilerplate or a short sentence with a weak cue
 *     ("offered to subscribers", "this article"), whatever the lines. */
static void S_flag_all(dyad_text *t, size_t headline)
{
    const dyad_token *v = t->toks.v;
    for (size_t s = 0; s < t->nsent; s++) {
        dyad_sentence *x = &t->sents[s];
        size_t a, b;
        S_unit(t, s, &a, &b);
        if (a == b) continue;
        int terminal = S_ends_terminal(v, a, b);
        size_t words = S_words(v, a, b);
        int head = x->paragraph == headline &&
                   (s == 0 || t->sents[s - 1].paragraph != x->paragraph);
        int flag = S_label(t, a, b);
        if (!terminal && words <= 3 && !head) flag = 1;              /* subhead */
        if (!terminal && S_has_time(v, a, b)) flag = 1;               /* metadata */
        if (!terminal && words <= 6 && dyad__tok_is(&v[a], "By")) flag = 1;
        if (S_has_strong_cue(v, x->first_token, x->first_token + x->ntokens)) flag = 1;
        x->boilerplate = flag;
    }
    for (size_t s = t->nsent; s-- > 0;) {
        dyad_sentence *x = &t->sents[s];
        if (x->boilerplate) continue;
        size_t a, b;
        S_unit(t, s, &a, &b);
        if (S_words(v, a, b) > 80 ||
            !S_contains_any(S_lower(t, v, a, b), S_weak_cues, DYAD_ARRAY_LEN(S_weak_cues)))
            break;
        x->boilerplate = 1;
    }
}

/* ---------------------------------------------------------------- driver */

dyad_status dyad_text_analyze_str(dyad_text *t, const char *text, size_t len,
                                  const char *date, int one_sentence)
{
    dyad__err_clear(&t->err);
    t->nsent = 0;
    t->toks.n = 0;
    t->npara = 0;
    if (len > UINT32_MAX - 1)
        return dyad__err_set(&t->err, DYAD_ETOOBIG, "document of %zu bytes is too large", len);
    size_t bad = dyad__utf8_check((const unsigned char *)text, len);
    if (bad < len)
        return dyad__err_set(&t->err, DYAD_EUTF8, "byte %zu: invalid UTF-8 (0x%02X)",
                             bad, (unsigned char)text[bad]);
    if (dyad__normalize(&t->norm, text, len) != DYAD_OK ||
        dyad__tokenize(&t->toks, t->norm.text.data, t->norm.text.len, &t->norm) != DYAD_OK ||
        S_paragraphs(t, one_sentence) != DYAD_OK)
        return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    if (date && !dyad__date_valid(date, strlen(date))) date = NULL;

    size_t headline = t->npara;
    for (size_t p = 0; p < t->npara && headline == t->npara; p++)
        if (t->paras[p].tok_a < t->paras[p].tok_b &&
            !S_label(t, t->paras[p].tok_a, t->paras[p].tok_b))
            headline = p;

    int have_dl = 0, pending_dl = 0;
    size_t dl_para = 0;
    for (size_t p = 0; p < t->npara; p++) {
        para *pp = &t->paras[p];
        size_t a = pp->tok_a;
        if (!one_sentence && !have_dl && p < 6 && a < pp->tok_b) {
            size_t m = S_dateline(t, text, a, pp->tok_b, date);
            /* a dateline on a line of its own needs a body after it */
            if (m && a + m == pp->tok_b && p + 1 == t->npara) m = 0;
            if (m) { have_dl = pending_dl = 1; a += m; dl_para = p; }
        }
        size_t s0 = t->nsent;
        if (one_sentence) {
            if (S_add_sent(t, a, pp->tok_b, (unsigned)p))
                return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
        } else if (S_split(t, a, pp->tok_b, (unsigned)p) != DYAD_OK) {
            return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
        }
        if (pending_dl && t->nsent > s0) {
            t->sents[s0].dateline = &t->dateline;
            pending_dl = 0;
        }
    }
    if (!one_sentence) S_flag_all(t, headline);
    /* Above the dateline, a short line without a full stop is a section
     * label ("Middle East") even in the headline's place. */
    for (size_t i = 0; have_dl && i < t->nsent && t->sents[i].paragraph < dl_para; i++) {
        const para *pp = &t->paras[t->sents[i].paragraph];
        if (!S_ends_terminal(t->toks.v, pp->tok_a, pp->tok_b) &&
            S_words(t->toks.v, pp->tok_a, pp->tok_b) <= 3)
            t->sents[i].boilerplate = 1;
    }
    if (t->lower.oom) return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    return DYAD_OK;
}

dyad_status dyad_text_analyze(dyad_text *t, const dyad_doc *doc)
{
    return dyad_text_analyze_str(t, doc->text, doc->len, doc->date, doc->one_sentence);
}
