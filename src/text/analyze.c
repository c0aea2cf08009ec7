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
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct para {
    size_t tok_a, tok_b;      /* token range */
    size_t norm_a, norm_b;    /* normalised byte range */
} para;

/* A document is read paragraph by paragraph, a long paragraph in pieces
 * of about S_PIECE bytes cut at blanks, and handed out in windows of
 * sentences (dyad_text_next); dyad_text_analyze reads it all as one
 * window.  A sentence is handed out once everything that decides it is
 * known: its paragraph's neighbours, the headline, the dateline of the
 * first paragraphs, and whether it belongs to the closing run of
 * notices (then every later sentence is one: such sentences wait for
 * the next that is not, or for the end).  Tokens and sentences of a
 * window are dropped when the next one is read, so memory follows the
 * window, not the document (dyad_text_open, dyad_text_next). */
#define S_PIECE ((size_t)64 << 10)
#define S_WINDOW ((size_t)64 << 10)
/* tokens a paragraph's start needs before its dateline and headline are
 * judged (a dateline reaches about 30 tokens in) */
#define S_HEAD_TOKENS 64

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
    /* the document being read */
    const char *raw;          /* its original text */
    const char *date;         /* its date when valid, else NULL */
    int one_sentence;
    size_t nvis;              /* sentences handed out: sents[0, nvis) */
    size_t base;              /* sentences of the document before sents[0] */
    size_t ready;             /* sents[0, ready) may be handed out */
    size_t win_bytes;         /* normalised bytes read since the last window */
    size_t headline;          /* the headline paragraph; npara until known */
    size_t dl_para;
    int have_dl, pending_dl, dl_over;
    int started;              /* a window was handed out */
    int done;                 /* every paragraph read */
    /* the open paragraph */
    size_t p;                 /* its number (npara when done) */
    size_t pos;               /* normalised bytes read up to */
    int p_open, p_head;       /* its tokens begun; its start judged */
    size_t p_sents;           /* sentences it has given */
    size_t split_s, split_i;  /* the splitter: sentence start, next token */
    size_t piece, window;     /* S_PIECE, S_WINDOW, or what a test set */
};

void dyad__text_set_piece(dyad_text *t, size_t bytes)
{
    t->piece = bytes ? bytes : S_PIECE;
    t->window = bytes ? bytes : S_WINDOW;
}

dyad_status dyad_text_new(dyad_text **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return DYAD_ENOMEM;
    dyad__norm_init(&(*out)->norm);
    dyad__buf_init(&(*out)->lower);
    (*out)->piece = S_PIECE;
    (*out)->window = S_WINDOW;
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
size_t dyad_text_sentence_count(const dyad_text *t) { return t->nvis; }

const dyad_sentence *dyad_text_sentence(const dyad_text *t, size_t i)
{
    return i < t->nvis ? &t->sents[i] : NULL;
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

/* The first line end at or after i: the next '\n', else n. */
static size_t S_next_line_end(const char *s, size_t i, size_t n)
{
    if (i >= n) return n;
    const char *p = memchr(s + i, '\n', n - i);
    return p ? (size_t)(p - s) : n;
}

/* Hard-wrapped text: at least three lines, none over 100 bytes, and most
 * of them 40 bytes or more. */
static int S_wrapped(const char *s, size_t n)
{
    size_t lines = 0, mid = 0, a = 0;
    for (size_t i = 0; i <= n; i++) {
        i = S_next_line_end(s, i, n);
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
            i = S_next_line_end(s, i, n);
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
    return DYAD_OK;
}

/* ------------------------------------------------------------- sentences */

static void S_judge(dyad_text *t, size_t s, int first, int last);

/* Adds the sentence of tokens [a, b) of the open paragraph; first and
 * last: whether it is the paragraph's first and last sentence.  A
 * sentence is judged (boilerplate) as it is added. */
static int S_add_sent(dyad_text *t, size_t a, size_t b, int last)
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
    x->paragraph = (unsigned)t->p;
    if (t->pending_dl) {
        x->dateline = &t->dateline;
        t->pending_dl = 0;
    }
    S_judge(t, t->nsent - 1, t->p_sents == 0, last);
    t->p_sents++;
    return 0;
}

dyad_status dyad__text_split_sentence(dyad_text *t, size_t i, size_t k)
{
    if (!t || i >= t->nvis || k == 0 || k >= t->sents[i].ntokens) return DYAD_EINVAL;
    if (t->nsent == t->cap_sent) {
        size_t cap = t->cap_sent * 2;
        dyad_sentence *v = realloc(t->sents, cap * sizeof *v);
        if (!v) return DYAD_ENOMEM;
        t->sents = v;
        t->cap_sent = cap;
    }
    memmove(&t->sents[i + 2], &t->sents[i + 1], (t->nsent - i - 1) * sizeof *t->sents);
    t->nsent++;
    t->nvis++;
    t->ready++;
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
    /* every one begins with an ASCII capital */
    if (!k->norm_len || (unsigned)(k->norm[0] - 'A') > 'Z' - 'A') return 0;
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
    /* every one has one to five bytes and begins with A H I O S T W */
    if (!k->norm_len || k->norm_len > 5) return 0;
    switch (k->norm[0]) {
    case 'A': case 'H': case 'I': case 'O': case 'S': case 'T': case 'W': break;
    default: return 0;
    }
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

/* Splits the open paragraph's tokens into sentences, from the splitter's
 * state on up to token b (its end when complete, else the tokens read so
 * far).  An incomplete paragraph stops before a boundary it cannot judge
 * yet (one needing a token after b) and resumes there once more is read;
 * the sentences come out as if the paragraph had been split whole. */
static dyad_status S_split(dyad_text *t, size_t b, int complete)
{
    const dyad_token *v = t->toks.v;
    size_t s = t->split_s, i;
    for (i = t->split_i; i < b; i++) {
        const dyad_token *k = &v[i];
        if (S_run_in_heading(v, s, i)) {
            if (S_add_sent(t, s, i, 0)) return DYAD_ENOMEM;
            s = i;
        }
        int term = S_tok_char(k, '.') || S_tok_char(k, '!') || S_tok_char(k, '?') ||
                   (k->kind == DYAD_TOK_PUNCT && k->norm_len >= 3 && k->norm[0] == '.');
        int abbr = k->abbrev && S_abbrev_can_end(k);
        if (!term && !abbr) continue;
        size_t j = i + 1;
        while (j < b && S_is_closer(&v[j]) && v[j].start == v[j - 1].end) j++;
        if (!complete && j + 1 >= b) break;     /* judged once more is read */
        if (j < b) {
            if (!S_starts_sentence(v, j, b)) continue;
            if (abbr && !S_sentence_starter(&v[j])) continue;
            if (term && k->norm_len >= 3 && !dyad__tok_is_upper_start(&v[j])) continue;
        }
        if (S_add_sent(t, s, j, j == b)) return DYAD_ENOMEM;
        s = j;
        i = j - 1;
    }
    t->split_s = s;
    t->split_i = i;
    if (complete && S_add_sent(t, s, b, 1)) return DYAD_ENOMEM;
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
/* S_cue_first[f]: bit k set when strong cue k's first word begins with
 * byte f (either case of a letter); S_cue_lens[f]: bit n set when one
 * of those first words has n bytes.  Built once. */
static uint32_t S_cue_first[256];
static uint16_t S_cue_lens[256];
static pthread_once_t S_cue_once = PTHREAD_ONCE_INIT;

static void S_cue_init(void)
{
    for (size_t k = 0; k < DYAD_ARRAY_LEN(S_strong_cues); k++) {
        unsigned char f = (unsigned char)S_strong_cues[k].w[0][0];
        unsigned char g = f >= 'a' && f <= 'z' ? (unsigned char)(f - 32) : f;
        S_cue_first[f] |= (uint32_t)1 << k;
        S_cue_first[g] |= (uint32_t)1 << k;
        S_cue_lens[f] |= (uint16_t)(1u << S_strong_cues[k].len0);
        S_cue_lens[g] |= (uint16_t)(1u << S_strong_cues[k].len0);
    }
}

/* words: the number of words of [a, b) (S_words) */
static int S_has_strong_cue(const dyad_token *v, size_t a, size_t b, size_t words)
{
    size_t end = words > S_NOTICE_WORDS && b > a ? a + 1 : b;
    pthread_once(&S_cue_once, S_cue_init);
    for (size_t i = a; i < end; i++) {
        /* the first byte and the length of a cue's first word */
        unsigned char f0 = (unsigned char)v[i].norm[0];
        if (v[i].norm_len > 9 || !((S_cue_lens[f0] >> v[i].norm_len) & 1u)) continue;
        for (uint32_t m = S_cue_first[f0]; m; m &= m - 1) {
            const struct cue *c = &S_strong_cues[__builtin_ctz(m)];
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

/* Judges sentence s of the open paragraph as it is added (first, last:
 * its place in the paragraph).  Each sentence is judged on its own
 * tokens, or on its line when the line holds only this sentence (a
 * dateline included); never on a paragraph that holds other sentences,
 * so a document whose text is one long line (white space collapsed) is
 * judged like the same text with its line breaks.
 *   - labels ("All news"), subheads (three words or fewer, no full stop,
 *     not the headline: the first paragraph that is not a label),
 *     metadata lines (a time, no full stop, 30 words or fewer: a long
 *     run of clauses without a full stop is text) and bylines ("By ..." in six
 *     words, no full stop);
 *   - a notice (a strong cue: "contact us", "all rights reserved";
 *     anywhere in a sentence of 30 words or fewer, at the start of a
 *     longer one);
 *   - the closing run: from the last sentence backwards, while each
 *     sentence is boilerplate or a short sentence with a weak cue
 *     ("offered to subscribers", "this article"), whatever the lines.
 *     A sentence that is neither ends any run before it: the sentences
 *     up to it are ready to be handed out; those after it wait. */
/* Whether tokens [a, b) may hold a weak cue: every cue has one of these
 * within a word (keep them in step with S_weak_cues), so a unit without
 * one is not lowered and searched.  Every sentence is asked (the closing
 * run is found going forward), and most have none. */
static int S_may_weak(const dyad_token *v, size_t a, size_t b)
{
    /* each key's first four bytes as one 32-bit word, compared with four
     * bytes of the word folded the same way (| 0x20 each): six compares a
     * byte that all fail alike, where testing its letters one by one
     * branched on letters as common as s, n, a and c */
    static const struct { const char *s; size_t n; } keys[] = {
        {"subscri", 7}, {"site", 4}, {"newsletter", 10}, {"article", 7}, {"story", 5},
        {"coverage", 8}};
    /* and first a filter of one bit test: each key's four bytes hashed
     * (multiplied, the top six bits) to one of 64 bits, distinct for the
     * six; a window whose hash's bit is clear is none of them */
#define S_WEAK_HASH(x) (((uint32_t)(x) * 0x9E3779B1u) >> 26)
    uint32_t k0, k1, k2, k3, k4, k5;
    memcpy(&k0, keys[0].s, 4);
    memcpy(&k1, keys[1].s, 4);
    memcpy(&k2, keys[2].s, 4);
    memcpy(&k3, keys[3].s, 4);
    memcpy(&k4, keys[4].s, 4);
    memcpy(&k5, keys[5].s, 4);
    const uint64_t bits = 1ull << S_WEAK_HASH(k0) | 1ull << S_WEAK_HASH(k1) |
                          1ull << S_WEAK_HASH(k2) | 1ull << S_WEAK_HASH(k3) |
                          1ull << S_WEAK_HASH(k4) | 1ull << S_WEAK_HASH(k5);
    for (size_t i = a; i < b; i++) {
        const char *w = v[i].norm;
        size_t n = v[i].norm_len;
        if (n < 4) continue;
        for (size_t k = 0; k + 4 <= n; k++) {
            uint32_t x;
            memcpy(&x, w + k, 4);
            x |= 0x20202020u;
            if (!((bits >> S_WEAK_HASH(x)) & 1u)) continue;
            if (x != k0 && x != k1 && x != k2 && x != k3 && x != k4 && x != k5) continue;
            for (size_t q = 0; q < DYAD_ARRAY_LEN(keys); q++) {
                size_t kl = keys[q].n, j = 0;
                if (k + kl > n) continue;
                while (j < kl && (char)(w[k + j] | 0x20) == keys[q].s[j]) j++;
                if (j == kl) return 1;
            }
        }
    }
    return 0;
#undef S_WEAK_HASH
}

static void S_judge(dyad_text *t, size_t s, int first, int last)
{
    dyad_sentence *x = &t->sents[s];
    if (t->one_sentence) {
        t->ready = t->nsent;
        return;
    }
    const dyad_token *v = t->toks.v;
    size_t a = x->first_token, b = x->first_token + x->ntokens;
    if (first && last) {
        a = t->paras[t->p].tok_a;
        b = t->paras[t->p].tok_b;
    }
    int flag = 0;
    size_t words = 0;
    if (a != b) {
        int terminal = S_ends_terminal(v, a, b);
        words = S_words(v, a, b);
        int head = t->p == t->headline && first;
        flag = S_label(t, a, b);
        if (!terminal && words <= 3 && !head) flag = 1;              /* subhead */
        if (!terminal && words <= S_NOTICE_WORDS && S_has_time(v, a, b)) flag = 1; /* metadata */
        if (!terminal && words <= 6 && dyad__tok_is(&v[a], "By")) flag = 1;
        size_t xa = x->first_token, xb = x->first_token + x->ntokens;
        if (S_has_strong_cue(v, xa, xb, xa == a && xb == b ? words : S_words(v, xa, xb))) flag = 1;
    }
    x->boilerplate = flag;
    int closing = flag || (a != b && words <= 80 && S_may_weak(v, a, b) &&
                           S_contains_any(S_lower(t, v, a, b), S_weak_cues,
                                          DYAD_ARRAY_LEN(S_weak_cues)));
    if (!closing) t->ready = t->nsent;
}

/* ---------------------------------------------------------------- driver */

/* Checks and normalises the document and finds its paragraphs; nothing
 * is tokenised yet. */
static dyad_status S_open(dyad_text *t, const char *text, size_t len, const char *date,
                          int one_sentence)
{
    dyad__err_clear(&t->err);
    t->nsent = t->nvis = t->ready = t->base = 0;
    t->toks.n = 0;
    t->npara = 0;
    t->p = 0;
    t->p_open = t->p_head = 0;
    t->have_dl = t->pending_dl = t->started = 0;
    t->dl_over = one_sentence;
    t->done = 0;
    t->win_bytes = 0;
    t->raw = text;
    t->one_sentence = one_sentence;
    if (len > UINT32_MAX - 1)
        return dyad__err_set(&t->err, DYAD_ETOOBIG, "document of %zu bytes is too large", len);
    size_t bad = dyad__utf8_check((const unsigned char *)text, len);
    if (bad < len)
        return dyad__err_set(&t->err, DYAD_EUTF8, "byte %zu: invalid UTF-8 (0x%02X)",
                             bad, (unsigned char)text[bad]);
    if (dyad__normalize(&t->norm, text, len) != DYAD_OK || S_paragraphs(t, one_sentence) != DYAD_OK)
        return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    t->toks.map_cursor = 0;
    t->date = date && dyad__date_valid(date, strlen(date)) ? date : NULL;
    t->headline = t->npara;
    return DYAD_OK;
}

/* The start of the open paragraph, once it has enough tokens: is it the
 * headline, does it open with the dateline.  b: its tokens so far. */
static void S_head(dyad_text *t, size_t b, int complete)
{
    para *pp = &t->paras[t->p];
    size_t a = pp->tok_a;
    if (t->headline == t->npara && a < b && !(complete && S_label(t, a, b))) t->headline = t->p;
    if (!t->one_sentence && !t->have_dl && t->p < 6 && a < b) {
        size_t m = S_dateline(t, t->raw, a, b, t->date);
        /* a dateline on a line of its own needs a body after it */
        if (m && complete && a + m == b && t->p + 1 == t->npara) m = 0;
        if (m) {
            t->have_dl = t->pending_dl = 1;
            t->dl_para = t->p;
            a += m;
            /* above the dateline, a short line without a full stop is a
             * section label ("Middle East") even in the headline's place */
            for (size_t i = 0; i < t->nsent; i++) {
                const para *q = &t->paras[t->sents[i].paragraph];
                if (!S_ends_terminal(t->toks.v, q->tok_a, q->tok_b) &&
                    S_words(t->toks.v, q->tok_a, q->tok_b) <= 3)
                    t->sents[i].boilerplate = 1;
            }
        }
    }
    if (t->have_dl || t->p >= 5) t->dl_over = 1;
    t->split_s = t->split_i = a;
    t->p_head = 1;
}

/* Reads on: the next piece of the open paragraph (or of the next one),
 * its sentences added.  Sets t->done after the last paragraph. */
static dyad_status S_advance(dyad_text *t)
{
    if (t->p >= t->npara) {
        if (!t->done) {
            /* the closing run: every sentence still waiting */
            for (size_t i = t->ready; i < t->nsent; i++) t->sents[i].boilerplate = 1;
            t->ready = t->nsent;
            t->done = t->dl_over = 1;
            t->pending_dl = 0;
        }
        return DYAD_OK;
    }
    para *pp = &t->paras[t->p];
    const char *s = t->norm.text.data;
    size_t len = t->norm.text.len;
    if (!t->p_open) {
        t->p_open = 1;
        t->p_head = 0;
        t->p_sents = 0;
        t->pos = pp->norm_a;
        pp->tok_a = t->toks.n;
    }
    size_t to = pp->norm_b;
    if (!t->one_sentence && to - t->pos > t->piece) {
        to = t->pos + t->piece;
        while (to < pp->norm_b && s[to] != ' ' && s[to] != '\n' && s[to] != '\t') to++;
    }
    if (dyad__tokenize_range(&t->toks, s, len, t->pos, to, &t->norm) != DYAD_OK)
        return DYAD_ENOMEM;
    t->win_bytes += to - t->pos;
    t->pos = to;
    int complete = to >= pp->norm_b;
    size_t b = t->toks.n;
    if (complete) pp->tok_b = b;
    if (!t->p_head) {
        if (!complete && b - pp->tok_a < S_HEAD_TOKENS) return DYAD_OK;
        S_head(t, b, complete);
    }
    if (t->one_sentence) {
        if (S_add_sent(t, t->split_s, b, 1)) return DYAD_ENOMEM;
    } else {
        DYAD_TRY(S_split(t, b, complete));
    }
    if (complete) {
        t->p++;
        t->p_open = 0;
    }
    return DYAD_OK;
}

/* Sentences that may be handed out now. */
static size_t S_ready(const dyad_text *t)
{
    if (!t->started && !t->done && (!t->dl_over || t->pending_dl)) return 0;
    return t->ready;
}

/* Drops the window handed out: its sentences, and the tokens nothing
 * still needs (those before the first waiting sentence and before the
 * open paragraph's unsplit part). */
static void S_drop(dyad_text *t)
{
    size_t nv = t->nvis;
    if (!nv) return;
    memmove(t->sents, t->sents + nv, (t->nsent - nv) * sizeof *t->sents);
    t->nsent -= nv;
    t->ready = t->ready > nv ? t->ready - nv : 0;
    t->base += nv;
    t->nvis = 0;
    size_t k = t->toks.n;
    if (t->nsent) k = t->sents[0].first_token;
    if (t->p_open) {
        size_t need = t->p_head && t->p_sents ? t->split_s : t->paras[t->p].tok_a;
        if (need < k) k = need;
    }
    if (!k) return;
    memmove(t->toks.v, t->toks.v + k, (t->toks.n - k) * sizeof *t->toks.v);
    t->toks.n -= k;
    for (size_t i = 0; i < t->nsent; i++) t->sents[i].first_token -= k;
    if (t->p_open) {
        para *pp = &t->paras[t->p];
        pp->tok_a = pp->tok_a >= k ? pp->tok_a - k : 0;
        if (t->p_head) {
            t->split_s -= k;
            t->split_i -= k;
        }
    }
}

/* After the last window of a long document: buffers of a megabyte or
 * more are given back (the normalised text is as long as the document),
 * so that what comes next (the pool's copy of the document, the next
 * document) does not sit on top of them. */
#define S_BIG ((size_t)1 << 20)
static void S_release_big(dyad_text *t)
{
    if (t->norm.text.cap >= S_BIG || t->norm.cap_segs * sizeof *t->norm.segs >= S_BIG)
        dyad__norm_free(&t->norm);
    if (t->cap_para * sizeof *t->paras >= S_BIG) {
        free(t->paras);
        t->paras = NULL;
        t->npara = t->cap_para = 0;
    }
    if (t->toks.cap * sizeof *t->toks.v >= S_BIG) {
        free(t->toks.v);
        t->toks.v = NULL;
        t->toks.n = t->toks.cap = 0;
    }
    if (t->cap_sent * sizeof *t->sents >= S_BIG) {
        free(t->sents);
        t->sents = NULL;
        t->nsent = t->cap_sent = 0;
    }
}

dyad_status dyad_text_open(dyad_text *t, const dyad_doc *doc)
{
    return S_open(t, doc->text, doc->len, doc->date, doc->one_sentence);
}

dyad_status dyad_text_next(dyad_text *t, size_t *base)
{
    S_drop(t);
    t->win_bytes = 0;
    for (;;) {
        size_t r = S_ready(t);
        if (t->done || (r && t->win_bytes >= t->window)) break;
        if (S_advance(t) != DYAD_OK) return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    }
    t->started = 1;
    t->nvis = S_ready(t);
    *base = t->base;
    if (t->lower.oom) return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    if (!t->nvis) S_release_big(t);
    return t->nvis ? DYAD_OK : DYAD_EOF;
}

dyad_status dyad_text_analyze_str(dyad_text *t, const char *text, size_t len,
                                  const char *date, int one_sentence)
{
    DYAD_TRY(S_open(t, text, len, date, one_sentence));
    while (!t->done)
        if (S_advance(t) != DYAD_OK) return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    t->started = 1;
    t->nvis = t->nsent;
    if (t->lower.oom) return dyad__err_set(&t->err, DYAD_ENOMEM, "out of memory");
    return DYAD_OK;
}

dyad_status dyad_text_analyze(dyad_text *t, const dyad_doc *doc)
{
    return dyad_text_analyze_str(t, doc->text, doc->len, doc->date, doc->one_sentence);
}
