/*
 * engine.c -- the pipeline behind every front end: a document in, its
 * event records out.  Text layer -> tagger and chunker (or a supplied
 * Treebank parse) -> coder, sentence by sentence, then the document-level
 * resolver (resolve/) gives each event its date, modality and background
 * flag, the placer (resolve/place.c) its location, and this file turns
 * coder events into records.  Nothing here
 * prints: problems (a sentence or document given up on) are kept as
 * located messages for the caller.
 */
#include "engine.h"

#include "../code/code.h"
#include "../dict/dict.h"
#include "../resolve/resolve.h"
#include "../text/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct dyad_engine {
    const dyad_dict *dict;
    const dyad_tagger *tagger;
    dyad_engine_options opt;
    char *dict_root;            /* copies of the option strings */
    char *dict_label;
    dyad_coder *coder;
    dyad_text *text;
    dyad_chunker *chunker;      /* NULL without a tagger */
    dyad__arena arena;          /* the document's records and strings */
    dyad_record *recs;
    size_t nrecs, cap_recs;
    char **problems;
    size_t nproblems, cap_problems;
    dyad__buf trace;
    dyad__resolver *resolver;
    dyad__placer *placer;
    dyad_discard discard;       /* the last document's worst discard */
    struct { const char *file; char *name; } *names;
    size_t nnames, cap_names;   /* evidence names by dictionary file (a
                                   handful of files, named once) */
    size_t cut_rest;            /* the sentence id of a long sentence's rest */
    dyad__engine_sink sink;     /* records handed on per sentence, or NULL */
    void *sink_ctx;
};

void dyad__engine_set_sink(dyad_engine *e, dyad__engine_sink fn, void *ctx)
{
    e->sink = fn;
    e->sink_ctx = ctx;
}

dyad_engine_options dyad_engine_defaults(void)
{
    dyad_engine_options o;
    memset(&o, 0, sizeof o);
    o.mode = DYAD_MODE_NEWS;
    o.modalities = 1u << DYAD_ASSERTED;
    return o;
}

const char *dyad_date_precision_name(dyad_date_precision p)
{
    static const char *const names[] = {"unknown", "year", "month", "day"};
    return (unsigned)p < DYAD_ARRAY_LEN(names) ? names[p] : "";
}

static char *S_strdup(const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

/* The chunker's names (dyad__chunker_set_names): the end of the longest
 * multi-word actor name of the dictionaries at word i, or 0. */
static uint32_t S_name_end(void *ctx, const dyad__word *w, uint32_t n, uint32_t i)
{
    const dyad_engine *e = ctx;
    unsigned ids[16];
    uint32_t m = n - i < 16 ? n - i : 16;
    for (uint32_t k = 0; k < m; k++) ids[k] = dyad_dict_word_id(e->dict, w[i + k].s, w[i + k].len);
    dyad_dict_match mt[1];
    size_t c = dyad_dict_match_at_ids(e->dict, DYAD_DICT_MASK(DYAD_DICT_ACTORS), ids, m, 0, 0, mt, 1);
    return c && mt[0].end >= 2 ? i + (uint32_t)mt[0].end : 0;
}

dyad_status dyad_engine_new(dyad_engine **out, const dyad_dict *d, const dyad_tagger *tg,
                            const dyad_engine_options *o)
{
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    if (!d) return DYAD_EINVAL;
    dyad_engine *e = calloc(1, sizeof *e);
    if (!e) return DYAD_ENOMEM;
    e->dict = d;
    e->tagger = tg;
    e->opt = o ? *o : dyad_engine_defaults();
    dyad__arena_init(&e->arena, (size_t)64 << 20);
    dyad__buf_init(&e->trace);
    dyad_status st = DYAD_ENOMEM;
    if ((e->opt.dict_root && !(e->dict_root = S_strdup(e->opt.dict_root))) ||
        (e->opt.dict_label && !(e->dict_label = S_strdup(e->opt.dict_label))))
        goto fail;
    e->opt.dict_root = e->dict_root;
    e->opt.dict_label = e->dict_label;
    if ((st = dyad_coder_new(&e->coder, d)) != DYAD_OK) goto fail;
    if ((st = dyad_text_new(&e->text)) != DYAD_OK) goto fail;
    if (tg && (st = dyad_chunker_new(&e->chunker, tg)) != DYAD_OK) goto fail;
    /* one lexicon for the chunker and the coder: the dictionary's */
    if (e->chunker) dyad__chunker_set_lexicon(e->chunker, dyad__dict_lexicon(d));
    /* and the dictionaries' names, kept whole by the chunker */
    if (e->chunker) dyad__chunker_set_names(e->chunker, S_name_end, e);
    if ((st = dyad__resolver_new(&e->resolver)) != DYAD_OK) goto fail;
    if ((st = dyad__placer_new(&e->placer, d,
                               e->opt.places ? e->opt.places : dyad__places_builtin())) != DYAD_OK)
        goto fail;
    dyad_coder_set_explain(e->coder, e->opt.explain);
    if (e->opt.mode == DYAD_MODE_NEWS) {
        dyad_coder_set_option(e->coder, "agent_country", "true");
        dyad_coder_set_option(e->coder, "modality", "all");
    }
    *out = e;
    return DYAD_OK;
fail:
    dyad_engine_free(e);
    return st;
}

void dyad_engine_free(dyad_engine *e)
{
    if (!e) return;
    dyad__resolver_free(e->resolver);
    dyad__placer_free(e->placer);
    dyad_chunker_free(e->chunker);
    dyad_text_free(e->text);
    dyad_coder_free(e->coder);
    for (size_t i = 0; i < e->nproblems; i++) free(e->problems[i]);
    free(e->problems);
    free(e->recs);
    dyad__buf_free(&e->trace);
    dyad__arena_free(&e->arena);
    for (size_t i = 0; i < e->nnames; i++) free(e->names[i].name);
    free(e->names);
    free(e->dict_root);
    free(e->dict_label);
    free(e);
}

dyad_status dyad_engine_set_option(dyad_engine *e, const char *name, const char *value)
{
    if (!e) return DYAD_EINVAL;
    return dyad_coder_set_option(e->coder, name, value);
}

dyad_discard dyad_engine_discarded(const dyad_engine *e) { return e ? e->discard : DYAD_DISCARD_NONE; }

size_t dyad_engine_record_count(const dyad_engine *e) { return e ? e->nrecs : 0; }

const dyad_record *dyad_engine_record(const dyad_engine *e, size_t i)
{
    return e && i < e->nrecs ? &e->recs[i] : NULL;
}

size_t dyad_engine_problem_count(const dyad_engine *e) { return e ? e->nproblems : 0; }

const char *dyad_engine_problem(const dyad_engine *e, size_t i)
{
    return e && i < e->nproblems ? e->problems[i] : NULL;
}

const char *dyad_engine_trace(const dyad_engine *e) { return e ? dyad__buf_cstr(&((dyad_engine *)e)->trace) : ""; }

/* Adds m's message to the document's problems (dropped when memory runs
 * out) and frees m. */
static void S_keep_problem(dyad_engine *e, dyad__buf *m)
{
    char *s = m->oom ? NULL : S_strdup(dyad__buf_cstr(m));
    dyad__buf_free(m);
    if (s && DYAD__RESERVE(e->problems, e->cap_problems, e->nproblems + 1) == 0)
        e->problems[e->nproblems++] = s;
    else
        free(s);
}

/* Records a problem with the document's place: "PATH:LINE: document ID,
 * bytes A-B: WHAT; skipped".  Returns st. */
static dyad_status S_problem(dyad_engine *e, const dyad_doc *doc, dyad_status st, size_t a, size_t b,
                             const char *what)
{
    dyad__buf m;
    dyad__buf_init(&m);
    dyad__buf_printf(&m, "%s:%lu: document %s", doc->path ? doc->path : "-", doc->line, doc->id);
    if (b > a) dyad__buf_printf(&m, ", bytes %zu-%zu", a, b);
    const char *why = what && *what ? what : dyad_strerror(st);
    size_t wl = strlen(why);
    /* the stages' own messages may already say so */
    int said = wl >= 7 && strcmp(why + wl - 7, "skipped") == 0;
    dyad__buf_printf(&m, ": %s%s", why, said ? "" : "; skipped");
    S_keep_problem(e, &m);
    return st;
}

/* Records a note about the document that loses nothing (the document is
 * still coded): "PATH:LINE: document ID, bytes A-B: WHAT". */
static void S_note(dyad_engine *e, const dyad_doc *doc, size_t a, size_t b, const char *what)
{
    dyad__buf m;
    dyad__buf_init(&m);
    dyad__buf_printf(&m, "%s:%lu: document %s, bytes %zu-%zu: %s", doc->path ? doc->path : "-",
                     doc->line, doc->id, a, b, what);
    S_keep_problem(e, &m);
}

/* Where a sentence over the parser's limit (DYAD_MAX_SENTENCE_TOKENS) is
 * cut: after the last clause mark (, ; : --) in the second half of the
 * first DYAD_MAX_SENTENCE_TOKENS tokens.  Returns the number of tokens
 * before the cut (n when there is no need), 0 when there is no such
 * mark. */
static size_t S_long_cut(const dyad_token *v, size_t n)
{
    size_t lim = DYAD_MAX_SENTENCE_TOKENS;
    if (n <= lim) return n;
    for (size_t k = lim; k > lim / 2; k--) {
        const dyad_token *t = &v[k - 1];
        if (t->kind == DYAD_TOK_PUNCT && ((t->norm_len == 1 && strchr(",;:", t->norm[0])) ||
                                          (t->norm_len == 2 && !memcmp(t->norm, "--", 2))))
            return k;
    }
    return 0;
}

/* A sentence over the parser's limit is coded in parts cut at clause
 * marks, each a sentence of its own, rather than lost: sentence i of the
 * window becomes its first part, the rest the next sentence (cut again
 * when it comes).  A note names the sentence and the number of parts.
 * A sentence that cannot be cut so (a stretch of half the limit without
 * a clause mark: no prose) is left whole, and the parser refuses it. */
static dyad_status S_cut_long(dyad_engine *e, const dyad_doc *doc, size_t i, size_t sid)
{
    const dyad_sentence *s = dyad_text_sentence(e->text, i);
    size_t ntok;
    const dyad_token *v = dyad_text_tokens(e->text, &ntok) + s->first_token;
    size_t n = s->ntokens, parts = 0;
    if (n <= DYAD_MAX_SENTENCE_TOKENS) return DYAD_OK;
    for (size_t a = 0, k; a < n; parts++, a += k)
        if (!(k = S_long_cut(v + a, n - a))) return DYAD_OK;
    if (sid != e->cut_rest) {
        char what[160];
        snprintf(what, sizeof what, "sentence of %zu words, over the limit of %d: coded as %zu "
                 "sentences cut at clause marks", n, DYAD_MAX_SENTENCE_TOKENS, parts);
        S_note(e, doc, s->start, s->end, what);
    }
    dyad_status st = dyad__text_split_sentence(e->text, i, S_long_cut(v, n));
    e->cut_rest = sid + 1;      /* the rest: no second note */
    return st;
}

/* The evidence's dictionary file as the options name it: relative to
 * dict_root, after "LABEL:" when there is a label; other paths as given.
 * The dictionary's file strings live as long as it does, so each file is
 * named once per engine. */
static const char *S_entry_name(dyad_engine *e, const char *file)
{
    if (!file) return NULL;
    for (size_t i = 0; i < e->nnames; i++)
        if (e->names[i].file == file) return e->names[i].name;
    const char *root = e->opt.dict_root;
    size_t rl = root ? strlen(root) : 0;
    while (rl > 1 && root[rl - 1] == '/') rl--;
    const char *rel = file;
    if (rl && !strncmp(file, root, rl) && file[rl] == '/') rel = file + rl + 1;
    else if (!e->opt.dict_label) return file;
    const char *label = e->opt.dict_label ? e->opt.dict_label : "";
    size_t ll = strlen(label), n = strlen(rel);
    char *name = malloc(ll + 1 + n + 1);
    if (!name || DYAD__RESERVE(e->names, e->cap_names, e->nnames + 1)) {
        free(name);
        return rel;
    }
    memcpy(name, label, ll);
    if (ll) name[ll++] = ':';
    memcpy(name + ll, rel, n + 1);
    e->names[e->nnames].file = file;
    e->names[e->nnames].name = name;
    e->nnames++;
    return name;
}

static const char *S_dup(dyad_engine *e, const char *s)
{
    return s ? dyad__arena_strndup(&e->arena, s, strlen(s)) : NULL;
}

/* Starts the placer on the sentence just coded and resolved. */
static void S_place_sentence(dyad_engine *e)
{
    size_t ntx;
    const dyad__timex *tx = dyad__resolver_timexes(e->resolver, &ntx);
    dyad__place_sentence(e->placer, dyad__coder_tree(e->coder), tx, ntx);
}

/* The record's location from the placer's facts (NULL: unknown). */
static const dyad_location *S_location(dyad_engine *e, const dyad__place_facts *pf)
{
    if (!pf->country) return NULL;
    dyad_location *l = dyad__arena_alloc(&e->arena, sizeof *l);
    if (!l) return NULL;
    l->country = S_dup(e, pf->country);
    l->name = S_dup(e, pf->name);
    l->lat = pf->name ? pf->lat / 10000.0 : NAN;
    l->lon = pf->name ? pf->lon / 10000.0 : NAN;
    l->basis = pf->basis;
    l->text = S_dup(e, pf->text);
    return l->country ? l : NULL;
}

/* Copies the coder's events of the sentence just coded into records. */
static dyad_status S_collect(dyad_engine *e, const dyad_doc *doc, size_t sid, size_t a, size_t b,
                             const dyad__resolved *res)
{
    dyad_coder *c = e->coder;
    size_t n = dyad_coder_event_count(c);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *ev = dyad_coder_event(c, i);
        dyad__event_facts f;
        dyad__resolve_event(e->resolver, res, ev, &f);
        if (!(e->opt.modalities & (1u << f.modality))) continue;
        if (DYAD__RESERVE(e->recs, e->cap_recs, e->nrecs + 1)) return DYAD_ENOMEM;
        dyad_record *r = &e->recs[e->nrecs];
        memset(r, 0, sizeof *r);
        r->doc_id = doc->id;
        r->sentence_id = sid;
        r->sentence_start = a;
        r->sentence_end = b;
        r->sentence = doc->text + a;
        r->sentence_len = b - a;
        r->date = S_dup(e, f.date);
        r->date_precision = f.precision;
        r->date_basis = f.basis;
        r->date_text = S_dup(e, f.date_text);
        r->doc_date = res->doc_date;
        r->doc_source = doc->source;
        r->background = f.background;
        r->modality = f.modality;
        dyad__place_facts pf;
        dyad__place_event(e->placer, ev, &pf);
        r->location = S_location(e, &pf);
        r->source = S_dup(e, ev->source);
        r->target = S_dup(e, ev->target);
        r->code = S_dup(e, ev->code);
        const dyad_cameo_info *info = NULL;
        if (dyad_cameo_lookup(ev->code, &info) == DYAD_OK && info) {
            r->root = info->root;
            r->quad_class = info->quad_class;
            r->goldstein = info->goldstein;
            r->plover = info->plover;
        } else {
            r->goldstein = NAN;
        }
        const char *topics[16];
        size_t nt = dyad__resolve_issues(e->resolver, res, e->dict, doc->date, ev, topics, 16);
        if (nt) {
            const char **iv = dyad__arena_alloc(&e->arena, nt * sizeof *iv);
            if (!iv) return DYAD_ENOMEM;
            for (size_t k = 0; k < nt; k++)
                if (!(iv[k] = S_dup(e, topics[k]))) return DYAD_ENOMEM;
            r->issues = iv;
            r->nissues = nt;
        }
        r->source_text = S_dup(e, ev->source_text);
        r->target_text = S_dup(e, ev->target_text);
        r->verb_text = S_dup(e, ev->verb_text);
        r->negated = ev->negated;
        dyad_evidence *v = dyad__arena_alloc(&e->arena, (ev->nevidence + 2) * sizeof *v);
        if (!v) return DYAD_ENOMEM;
        for (size_t k = 0; k < ev->nevidence; k++) {
            v[k] = ev->evidence[k];
            v[k].kind = S_dup(e, v[k].kind);
            v[k].file = S_entry_name(e, v[k].file);
            v[k].text = S_dup(e, v[k].text);
        }
        r->evidence = v;
        r->nevidence = ev->nevidence;
        if (r->date_text) {
            /* the time expression that set (or failed to set) the date */
            dyad_evidence *tv = &v[r->nevidence++];
            memset(tv, 0, sizeof *tv);
            tv->kind = "time";
            tv->first = f.time_first;
            tv->end = f.time_end;
            tv->text = r->date_text;
        }
        if (!r->source || !r->target || !r->code) return DYAD_ENOMEM;
        e->nrecs++;
    }
    return DYAD_OK;
}

/* A headline run into its lede.  Where a story's line breaks were
 * collapsed (scraper output, JSON corpora), a headline without a full stop
 * joins the first sentence: "Chile and Peru sign fishing pact in Lima
 * talks Peruvian President ... signed on Monday ...".  Edited prose never
 * runs two clauses together without a conjunction or punctuation, so in
 * the first sentence of a story, a boundary is placed before token k when
 *   - the words before k are a headline: 3 to 16 words without
 *     punctuation other than commas, opening with a capital that is not
 *     an article, with a verb (not an auxiliary: "has lifted" is prose;
 *     a present plural after a name may be tagged as a noun, and counts
 *     when the verb dictionary knows the word)
 *     of headline tense (present: VBZ/VBP, or VB not after "to" or a
 *     modal) and no past tense;
 *   - word k-1 is a lower-case common noun (NN/NNS) that is not a title
 *     or role of the agents dictionary ("its foreign minister Ana ..."
 *     continues a noun phrase with a name);
 *   - word k is capitalised (NNP/NNPS/JJ: a name or a demonym);
 *   - the words from k on are a sentence of at least 6 words with a
 *     finite verb (or a past participle: the tagger, reading the run-on
 *     whole, often takes the lede's past tense for one), ending in a full
 *     stop.
 * Returns k, or 0 when there is no such boundary. */
static int S_word_kind(dyad_engine *e, const dyad_token *k, dyad_dict_kind kind)
{
    char word[64];
    if (k->norm_len >= sizeof word) return 0;
    memcpy(word, k->norm, k->norm_len);
    word[k->norm_len] = 0;
    dyad_dict_hit h[16];
    size_t nh = dyad_dict_lookup(e->dict, word, h, 16);
    for (size_t x = 0; x < nh && x < 16; x++)
        if (h[x].kind == kind) return 1;
    return 0;
}

static size_t S_run_in_headline(dyad_engine *e, const dyad_sentence *s)
{
    size_t ntok;
    const dyad_token *tok = dyad_text_tokens(e->text, &ntok) + s->first_token;
    size_t n = s->ntokens;
    if (dyad_chunker_token_count(e->chunker) != n || n < 10) return 0;
    const dyad_token *last = &tok[n - 1];
    if (!(last->norm_len == 1 && last->norm[0] == '.')) return 0;
    if (!dyad__tok_is_upper_start(&tok[0])) return 0;
    if (!strcmp(dyad_chunker_tag(e->chunker, 0), "DT")) return 0;  /* headlines drop articles */
    int present = 0;
    size_t lim = n - 6 < 17 ? n - 6 : 17;
    for (size_t k = 1; k < lim; k++) {
        const char *t = dyad_chunker_tag(e->chunker, k - 1);
        if (!strcmp(t, "VBD")) return 0;
        if ((!strcmp(t, "VBZ") || !strcmp(t, "VBP")) &&    /* not an auxiliary */
            strcmp(dyad_chunker_tag(e->chunker, k), "VBN") && strcmp(dyad_chunker_tag(e->chunker, k), "VBG"))
            present = 1;
        if (!strcmp(t, "VB") && k >= 2) {   /* a plural subject's verb read as VB */
            const char *tb = dyad_chunker_tag(e->chunker, k - 2);
            if (strcmp(tb, "TO") && strcmp(tb, "MD")) present = 1;
        }
        /* ... or as a noun ("Chile and Peru sign ..."): a word the verb
         * dictionary knows, right after the subject's name */
        if (!present && k >= 2 && (!strcmp(t, "NN") || !strcmp(t, "NNS")) &&
            !strncmp(dyad_chunker_tag(e->chunker, k - 2), "NNP", 3) &&
            S_word_kind(e, &tok[k - 1], DYAD_DICT_VERBS))
            present = 1;
        if (tok[k - 1].kind == DYAD_TOK_PUNCT && !(tok[k - 1].norm_len == 1 && tok[k - 1].norm[0] == ','))
            return 0;
        if (k < 3 || !present) continue;
        const char *tp = dyad_chunker_tag(e->chunker, k - 1), *tk = dyad_chunker_tag(e->chunker, k);
        if (strcmp(tp, "NN") && strcmp(tp, "NNS")) continue;
        if (dyad__tok_is_upper_start(&tok[k - 1]) || !dyad__tok_is_upper_start(&tok[k])) continue;
        if (strcmp(tk, "NNP") && strcmp(tk, "NNPS") && strcmp(tk, "JJ")) continue;
        int finite = 0;
        for (size_t j = k + 1; j < n && !finite; j++) {
            const char *tj = dyad_chunker_tag(e->chunker, j);
            finite = !strcmp(tj, "VBD") || !strcmp(tj, "VBZ") || !strcmp(tj, "VBP") ||
                     !strcmp(tj, "MD") || !strcmp(tj, "VBN");   /* a past form read as VBN */
        }
        if (!finite) continue;
        if (S_word_kind(e, &tok[k - 1], DYAD_DICT_AGENTS)) continue;
        return k;
    }
    return 0;
}

static void S_trace(dyad_engine *e, const dyad_doc *doc, size_t sid, const char *s, size_t n)
{
    if (!e->opt.explain) return;
    dyad__buf_printf(&e->trace, "== %s sentence %zu: %.*s\n", doc->id, sid, (int)n, s);
    dyad__buf_printf(&e->trace, "%s", dyad_coder_trace(e->coder));
    if (dyad_coder_event_count(e->coder) == 0) dyad__buf_printf(&e->trace, "  (no event)\n");
}

dyad_status dyad_engine_code(dyad_engine *e, const dyad_doc *doc)
{
    if (!e || !doc) return DYAD_EINVAL;
    for (size_t i = 0; i < e->nproblems; i++) free(e->problems[i]);
    e->nproblems = 0;
    e->nrecs = 0;
    dyad__arena_reset(&e->arena);
    dyad__buf_clear(&e->trace);
    dyad_coder_new_document(e->coder);
    e->discard = DYAD_DISCARD_NONE;
    e->cut_rest = 0;
    dyad_status first = DYAD_OK;
    dyad__resolved res;
    if (doc->parse) {
        dyad_status st = dyad_coder_code_parse(e->coder, doc->parse, strlen(doc->parse), doc->date);
        if (st != DYAD_OK) return S_problem(e, doc, st, 0, 0, dyad_coder_errmsg(e->coder));
        e->discard = dyad_coder_discarded(e->coder);
        dyad__resolve_doc(e->resolver, doc, NULL, &res);
        dyad__resolve_sentence(e->resolver, &res, dyad__coder_tree(e->coder));
        res.ids = dyad__coder_word_ids(e->coder, &res.ids_dict);
        dyad__place_doc(e->placer, NULL, res.doc_date);
        S_place_sentence(e);
        S_trace(e, doc, 1, doc->text, doc->len);
        st = S_collect(e, doc, 1, 0, doc->len, &res);
        return st != DYAD_OK ? S_problem(e, doc, st, 0, doc->len, NULL) : DYAD_OK;
    }
    if (!e->chunker)
        return S_problem(e, doc, DYAD_EINVAL, 0, 0, "raw text needs the tagger, which is not loaded");
    /* the text layer hands the document out in windows of sentences, so
     * its tokens never have to be held whole; the first window holds the
     * dateline that the resolver and the placer need */
    DYAD__STAGE_BEGIN(t_text);
    dyad_status st = dyad_text_open(e->text, doc);
    size_t base = 0;
    if (st == DYAD_OK) st = dyad_text_next(e->text, &base);
    DYAD__STAGE_END(t_text, DYAD__STAGE_TEXT);
    if (st != DYAD_OK && st != DYAD_EOF) return S_problem(e, doc, st, 0, 0, dyad_text_errmsg(e->text));
    DYAD__STAGE_BEGIN(t_doc);
    dyad__resolve_doc(e->resolver, doc, e->text, &res);
    dyad__place_doc(e->placer, e->text, res.doc_date);
    DYAD__STAGE_END(t_doc, DYAD__STAGE_RESOLVE);
    int lede = 1;   /* no sentence of content yet */
    unsigned prev_para = 0;     /* the paragraph of the sentence before */
    for (; st == DYAD_OK; ) {
        for (size_t i = 0; i < dyad_text_sentence_count(e->text); i++) {
            const dyad_sentence *s = dyad_text_sentence(e->text, i);
            size_t sid = base + i + 1;
            int para_start = sid == 1 || prev_para != s->paragraph;
            prev_para = s->paragraph;
            if (s->boilerplate) continue;
            if (s->ntokens > DYAD_MAX_SENTENCE_TOKENS) {
                if (S_cut_long(e, doc, i, sid) != DYAD_OK)
                    return S_problem(e, doc, DYAD_ENOMEM, s->start, s->end, NULL);
                s = dyad_text_sentence(e->text, i);
            }
            DYAD__STAGE_BEGIN(t_chunk);
            st = dyad_chunker_run(e->chunker, e->text, i);
            DYAD__STAGE_END(t_chunk, DYAD__STAGE_CHUNK);
            if (st == DYAD_OK && lede && para_start) {
                size_t k = S_run_in_headline(e, s);
                if (k) {
                    st = dyad__text_split_sentence(e->text, i, k);
                    if (st == DYAD_ENOMEM) return S_problem(e, doc, st, s->start, s->end, NULL);
                    s = dyad_text_sentence(e->text, i);
                    st = dyad_chunker_run(e->chunker, e->text, i);
                }
            }
            lede = 0;
            if (st == DYAD_OK) {
                const char *date = res.doc_date;
                DYAD__STAGE_BEGIN(t_code);
                st = dyad_coder_code_chunked(e->coder, e->chunker, date);
                DYAD__STAGE_END(t_code, DYAD__STAGE_CODE);
                if (st != DYAD_OK) S_problem(e, doc, st, s->start, s->end, dyad_coder_errmsg(e->coder));
            } else {
                S_problem(e, doc, st, s->start, s->end, dyad_chunker_errmsg(e->chunker));
            }
            if (st != DYAD_OK) {
                if (first == DYAD_OK) first = st;
                if (st == DYAD_ENOMEM) return st;
                continue;
            }
            dyad_discard dc = dyad_coder_discarded(e->coder);
            if (dc > e->discard) e->discard = dc;
            if (dc == DYAD_DISCARD_STORY) {
                /* a story discard phrase: the whole document goes */
                S_trace(e, doc, sid, doc->text + s->start, s->end - s->start);
                e->nrecs = 0;
                if (e->sink && (st = e->sink(e->sink_ctx, e, 1)) != DYAD_OK)
                    return S_problem(e, doc, st, s->start, s->end, NULL);
                return first;
            }
            DYAD__STAGE_BEGIN(t_res);
            /* the records of the sentences before, handed on */
            if (e->sink && e->nrecs) {
                st = e->sink(e->sink_ctx, e, 0);
                e->nrecs = 0;
                dyad__arena_reset(&e->arena);
                if (st != DYAD_OK) return S_problem(e, doc, st, s->start, s->end, NULL);
            }
            dyad__resolve_sentence(e->resolver, &res, dyad__coder_tree(e->coder));
            res.ids = dyad__coder_word_ids(e->coder, &res.ids_dict);
            S_place_sentence(e);
            S_trace(e, doc, sid, doc->text + s->start, s->end - s->start);
            st = S_collect(e, doc, sid, s->start, s->end, &res);
            DYAD__STAGE_END(t_res, DYAD__STAGE_RESOLVE);
            if (st != DYAD_OK) return S_problem(e, doc, st, s->start, s->end, NULL);
        }
        DYAD__STAGE_BEGIN(t_next);
        st = dyad_text_next(e->text, &base);
        DYAD__STAGE_END(t_next, DYAD__STAGE_TEXT);
        if (st != DYAD_OK && st != DYAD_EOF) {
            S_problem(e, doc, st, 0, 0, dyad_text_errmsg(e->text));
            return first == DYAD_OK ? st : first;
        }
    }
    return first;
}

/* ------------------------------------------------------------ output */

void dyad_record_write_json(const dyad_record *r, dyad_json *j)
{
    dyad_json_obj_begin(j);
    DYAD__JSON_KEY(j, "doc_id"); dyad_json_cstr(j, r->doc_id);
    DYAD__JSON_KEY(j, "sentence_id"); dyad_json_int(j, (long long)r->sentence_id);
    DYAD__JSON_KEY(j, "date"); dyad_json_cstr(j, r->date);
    DYAD__JSON_KEY(j, "date_precision"); dyad_json_cstr(j, dyad_date_precision_name(r->date_precision));
    DYAD__JSON_KEY(j, "date_basis"); dyad_json_cstr(j, r->date_basis);
    DYAD__JSON_KEY(j, "date_text"); dyad_json_cstr(j, r->date_text);
    DYAD__JSON_KEY(j, "doc_date"); dyad_json_cstr(j, r->doc_date);
    DYAD__JSON_KEY(j, "doc_source"); dyad_json_cstr(j, r->doc_source);
    DYAD__JSON_KEY(j, "background"); dyad_json_bool(j, r->background);
    DYAD__JSON_KEY(j, "modality"); dyad_json_cstr(j, dyad_modality_kind_name(r->modality));
    DYAD__JSON_KEY(j, "location");
    dyad__json_location(j, r->location);
    DYAD__JSON_KEY(j, "source"); dyad_json_cstr(j, r->source);
    DYAD__JSON_KEY(j, "target"); dyad_json_cstr(j, r->target);
    DYAD__JSON_KEY(j, "code"); dyad_json_cstr(j, r->code);
    DYAD__JSON_KEY(j, "root"); dyad_json_cstr(j, r->root);
    DYAD__JSON_KEY(j, "quad_class");
    if (r->quad_class) dyad_json_int(j, r->quad_class); else dyad_json_null(j);
    DYAD__JSON_KEY(j, "goldstein"); dyad_json_double(j, r->goldstein);
    DYAD__JSON_KEY(j, "plover"); dyad_json_cstr(j, r->plover);
    DYAD__JSON_KEY(j, "issues");
    dyad_json_arr_begin(j);
    for (size_t k = 0; k < r->nissues; k++) dyad_json_cstr(j, r->issues[k]);
    dyad_json_arr_end(j);
    DYAD__JSON_KEY(j, "source_text"); dyad_json_cstr(j, r->source_text);
    DYAD__JSON_KEY(j, "target_text"); dyad_json_cstr(j, r->target_text);
    DYAD__JSON_KEY(j, "verb_text"); dyad_json_cstr(j, r->verb_text);
    DYAD__JSON_KEY(j, "negated"); dyad_json_bool(j, r->negated);
    DYAD__JSON_KEY(j, "sentence_start"); dyad_json_int(j, (long long)r->sentence_start);
    DYAD__JSON_KEY(j, "sentence_end"); dyad_json_int(j, (long long)r->sentence_end);
    DYAD__JSON_KEY(j, "sentence"); dyad_json_str(j, r->sentence, r->sentence_len);
    DYAD__JSON_KEY(j, "evidence");
    dyad_json_arr_begin(j);
    for (size_t k = 0; k < r->nevidence; k++) {
        const dyad_evidence *v = &r->evidence[k];
        dyad_json_obj_begin(j);
        DYAD__JSON_KEY(j, "kind"); dyad_json_cstr(j, v->kind);
        DYAD__JSON_KEY(j, "entry");
        if (v->file) {
            char num[32];
            num[0] = ':';
            size_t fl = strlen(v->file), nl = 1 + dyad__fmt_ull(num + 1, v->line);
            char small[512];
            char *ref = fl + nl + 1 <= sizeof small ? small : malloc(fl + nl + 1);
            if (ref) {
                memcpy(ref, v->file, fl);
                memcpy(ref + fl, num, nl + 1);
                dyad_json_cstr(j, ref);
                if (ref != small) free(ref);
            } else {
                dyad_json_null(j);
            }
        } else {
            dyad_json_null(j);
        }
        DYAD__JSON_KEY(j, "text"); dyad_json_cstr(j, v->text);
        DYAD__JSON_KEY(j, "tokens");
        if (v->end > v->first) {
            dyad_json_arr_begin(j);
            dyad_json_int(j, (long long)v->first);
            dyad_json_int(j, (long long)v->end);
            dyad_json_arr_end(j);
        } else {
            dyad_json_null(j);
        }
        dyad_json_obj_end(j);
    }
    dyad_json_arr_end(j);
    dyad_json_obj_end(j);
    dyad_json_newline(j);
}
