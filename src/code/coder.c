/*
 * coder.c -- event coding of one sentence tree: the public coder handle
 * (dyad_coder_*), its options, and the per-sentence sequence.
 *
 *   tree --actors--> each noun phrase's actor set (actors.c: dictionary
 *                    actors and agents combined: "Gondor's government" ->
 *                    GONGOV, compounds "A and B" -> {A, B})
 *        --verbs-->  each verb group's main verb looked up in the verb
 *                    dictionary; the patterns of its block tried around
 *                    it; the most specific match gives the code
 *                    (patterns.c, govern.c)
 *        --roles-->  source: a pattern's $, else the subject; target: a
 *                    pattern's +, else the first actor among the verb's
 *                    complements; passive clauses swap them (roles.c,
 *                    one verb group's steps in group.c, news mode's
 *                    in groupnews.c)
 *        --events--> one event per (source, target) pair, with evidence
 *                    (evidence.c)
 *   news mode (c->agent_country) adds the story's names, speakers and
 *   pronouns, and events without a verb of their own (news.c).
 *
 * Invariant: the coder never writes into the dictionary or the tree's
 * tokens; all its per-sentence memory is one arena, reset per sentence.
 */
#define DYAD__CODER
#include "code.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------- handles */

dyad_status dyad_coder_new(dyad_coder **out, const dyad_dict *d)
{
    *out = NULL;
    if (!d) return DYAD_EINVAL;
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) return DYAD_ENOMEM;
    c->d = d;
    c->date_day = DYAD__NO_DATE;
    c->lex = dyad__dict_lexicon(d);
    if (!c->lex) {
        free(c);
        return DYAD_ENOMEM;
    }
    c->syn_asked = dyad_dict_synset_find(d, "ASKED");
    c->syn_alleged = dyad_dict_synset_find(d, "ALLEGED");
    c->syn_aspectual = dyad_dict_synset_find(d, "ASPECTUAL");
    c->require_dyad = 1;
    c->skip_nested = 1;
    /* zeroed by calloc (its pages untouched until used), then aligned
     * to a cache line by hand */
    c->wcache_mem = calloc(WCACHE_SIZE + 2, sizeof *c->wcache);
    c->wcache = c->wcache_mem ? (wslot *)(((uintptr_t)c->wcache_mem + 63) & ~(uintptr_t)63) : NULL;
    c->syn = calloc(SYN_SLOTS, sizeof *c->syn);
    c->story = dyad__story_new();
    if (!c->wcache || !c->syn || !c->story) {
        free(c->wcache_mem);
        free(c->syn);
        dyad__story_free(c->story);
        free(c);
        return DYAD_ENOMEM;
    }
    dyad__arena_init(&c->arena, (size_t)256 << 20);
    dyad__buf_init(&c->trace);
    *out = c;
    return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c) return;
    dyad__arena_free(&c->arena);
    dyad__buf_free(&c->trace);
    free(c->events);
    free(c->xevents);
    free(c->wcache_mem);
    free(c->syn);
    free(c->wseen);
    free(c->wseen_ids);
    dyad__story_free(c->story);
    free(c);
}

static int S_bool(const char *v, int *out)
{
    if (dyad__ieq(v, "true") || dyad__streq(v, "1") || dyad__ieq(v, "yes")) { *out = 1; return 0; }
    if (dyad__ieq(v, "false") || dyad__streq(v, "0") || dyad__ieq(v, "no")) { *out = 0; return 0; }
    return -1;
}

dyad_status dyad_coder_set_option(dyad_coder *c, const char *name, const char *value)
{
    if (!name || !value) return DYAD_EINVAL;
    if (strcasecmp(name, "agent_country") == 0) {
        if (S_bool(value, &c->agent_country) != 0)
            return dyad__err_set(&c->err, DYAD_EINVAL, "agent_country: '%s' is not true or false",
                                 value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "skip_nested") == 0) {
        if (S_bool(value, &c->skip_nested) != 0)
            return dyad__err_set(&c->err, DYAD_EINVAL, "skip_nested: '%s' is not true or false",
                                 value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "modality") == 0) {
        if (dyad__ieq(value, "all")) c->all_modalities = 1;
        else if (dyad__ieq(value, "asserted")) c->all_modalities = 0;
        else return dyad__err_set(&c->err, DYAD_EINVAL, "modality: '%s' is not all or asserted", value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "require_dyad") == 0) {
        if (S_bool(value, &c->require_dyad) != 0)
            return dyad__err_set(&c->err, DYAD_EINVAL, "require_dyad: '%s' is not true or false",
                                 value);
    }
    return DYAD_OK;
}

void dyad_coder_set_explain(dyad_coder *c, int on) { c->explain = on; }
size_t dyad_coder_event_count(const dyad_coder *c) { return c->nevents + c->nxevents; }

const dyad_event *dyad_coder_event(const dyad_coder *c, size_t i)
{
    if (i < c->nevents) return &c->events[i];
    i -= c->nevents;
    return i < c->nxevents ? &c->xevents[i] : NULL;
}

const char *dyad_modality_kind_name(dyad_modality_kind m)
{
    static const char *const names[] = {"asserted", "planned", "negated", "hypothetical"};
    return (unsigned)m < DYAD_ARRAY_LEN(names) ? names[m] : "";
}

size_t dyad_coder_token_count(const dyad_coder *c) { return c->tree.ntoks; }

const dyad__tree *dyad__coder_tree(const dyad_coder *c) { return &c->tree; }

const unsigned *dyad__coder_word_ids(const dyad_coder *c, const dyad_dict **d)
{
    *d = c->d;
    return c->wid_ok ? c->wid : NULL;
}

const char *dyad_coder_token(const dyad_coder *c, size_t i)
{
    return i < c->tree.ntoks ? c->tree.toks[i].word : NULL;
}

const char *dyad_coder_trace(const dyad_coder *c) { return dyad__buf_cstr((dyad__buf *)&c->trace); }
const char *dyad_coder_errmsg(const dyad_coder *c) { return c->err.msg; }

/* --------------------------------------------------------------- helpers */

char *dyad__words_text(dyad_coder *c, uint32_t a, uint32_t b)
{
    size_t n = 0;
    for (uint32_t i = a; i < b; i++) n += c->tree.toks[i].len + 1;
    char *s = dyad__arena_alloc(&c->arena, n + 1);
    if (!s) return NULL;
    size_t k = 0;
    for (uint32_t i = a; i < b; i++) {
        size_t l = c->tree.toks[i].len;
        if (k) s[k++] = ' ';
        memcpy(s + k, c->tree.toks[i].word, l);
        k += l;
    }
    s[k] = 0;
    return s;
}

char *dyad__concat(dyad_coder *c, const char *x, const char *y)
{
    size_t a = strlen(x), b = strlen(y);
    char *s = dyad__arena_alloc(&c->arena, a + b + 1);
    if (!s) return NULL;
    memcpy(s, x, a);
    memcpy(s + a, y, b + 1);
    return s;
}

int dyad__ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && memcmp(s + a - b, suf, b) == 0;
}

/* ------------------------------------------------------------- mentions
 * Every position of the sentence is tried against the actor and agent
 * dictionaries; the longest phrase starting at a position wins, and
 * mentions do not overlap (leftmost first). */

/* Is w (any case) one of the n words of v? */
int dyad__in_words(const char *w, const char *const *v, size_t n)
{
    /* a first byte that differs even in ASCII case turns most entries
     * down before strcasecmp is called */
    unsigned c0 = (unsigned char)w[0] | 0x20u;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)v[i][0] | 0x20u) == c0 && !strcasecmp(w, v[i])) return 1;
    return 0;
}

/* Discards: a sentence holding a discard phrase is not coded; a phrase
 * marked '+' discards its whole story. */
static int S_discarded(dyad_coder *c)
{
    unsigned k = DYAD_DICT_MASK(DYAD_DICT_DISCARDS);
    for (uint32_t i = 0; i < c->tree.ntoks; i++) {
        dyad_dict_match m;
        if (!(c->wb[i] & k)) continue;   /* dyad__dict_may_start, kept per token */
        if (dyad_dict_match_at_ids(c->d, k, c->wid, c->tree.ntoks, i, 0, &m, 1)) {
            dyad_dict_entry e;
            memset(&e, 0, sizeof e);
            int story = dyad_dict_entry_get(c->d, m.entry, &e) == DYAD_OK &&
                        (e.flags & DYAD_DICT_F_STORY);
            c->discard = story ? DYAD_DISCARD_STORY : DYAD_DISCARD_SENTENCE;
            c->discard_entry = m.entry;
            TRACE("discard phrase '%s' at token %u (%s:%lu): %s not coded\n",
                  dyad__entry_text(c, m.entry), i, e.file ? e.file : "", e.line,
                  story ? "story" : "sentence");
            return 1;
        }
    }
    return 0;
}

void dyad_coder_new_document(dyad_coder *c)
{
    dyad__story_reset(c->story);
}

/* The sentence's tables in the arena: its words, their ids and lexicon
 * lists, the ids as a set of bits (the coder's own, not the arena's), per node its actor set's memo, per token
 * the widest noun phrases starting and ending there. */
static dyad_status S_sentence_tables(dyad_coder *c, dyad__tree *t)
{
    uint32_t n = t->ntoks;
    /* a new generation empties the synset table (its lengths were in the
     * arena, now reset); at the wrap, zero it */
    if (++c->syn_gen == 0) {
        memset(c->syn, 0, SYN_SLOTS * sizeof *c->syn);
        c->syn_gen = 1;
    }
    c->wid_ok = 0;
    c->words = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->words);
    c->wid = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->wid);
    c->lexb = dyad__arena_zalloc(&c->arena, (n + 1) * sizeof *c->lexb);
    c->wb = dyad__arena_alloc(&c->arena, n + 1);
    c->ments = dyad__arena_zalloc(&c->arena, (n + 1) * sizeof *c->ments);
    c->covered = dyad__arena_zalloc(&c->arena, n + 1);
    c->mstart = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->mstart);
    if (!c->words || !c->wid || !c->lexb || !c->wb || !c->ments || !c->covered || !c->mstart)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    c->mstart[0] = 0;
    c->nmstart = n > 0;   /* no mention yet: the empty one at token 0 */
    /* the words seen: the last sentence's bits cleared, room for every
     * dictionary word id and for this sentence's ids */
    for (size_t k = 0; k < c->nwseen_ids; k++)
        c->wseen[c->wseen_ids[k] >> 6] &= ~((uint64_t)1 << (c->wseen_ids[k] & 63));
    c->nwseen_ids = 0;
    size_t need = (dyad__dict_word_count(c->d) >> 6) + 1;
    if (need > c->wseen_words) {
        uint64_t *v = realloc(c->wseen, need * sizeof *v);
        if (!v) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
        memset(v + c->wseen_words, 0, (need - c->wseen_words) * sizeof *v);
        c->wseen = v;
        c->wseen_words = need;
    }
    if (n > c->cap_wseen_ids) {
        unsigned *v = realloc(c->wseen_ids, (size_t)n * sizeof *v);
        if (!v) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
        c->wseen_ids = v;
        c->cap_wseen_ids = n;
    }
    c->np_memo = dyad__arena_alloc(&c->arena, (t->nnodes + 1) * sizeof *c->np_memo);
    c->np_done = dyad__arena_zalloc(&c->arena, t->nnodes + 1);
    if (!c->np_memo || !c->np_done)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    c->np_from = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->np_from);
    c->np_to = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *c->np_to);
    if (!c->np_from || !c->np_to)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    for (uint32_t i = 0; i <= n; i++) c->np_from[i] = c->np_to[i] = NONE;
    for (uint32_t q = 0; q < t->nnodes; q++) {
        const dyad__node *nd = &t->nodes[q];
        if (nd->label != DYAD__L_NP || nd->tok_b <= nd->tok_a) continue;
        uint32_t f = c->np_from[nd->tok_a], e = c->np_to[nd->tok_b - 1];
        if (f == NONE || nd->tok_b > t->nodes[f].tok_b) c->np_from[nd->tok_a] = q;
        if (e == NONE || nd->tok_a < t->nodes[e].tok_a) c->np_to[nd->tok_b - 1] = q;
    }
    /* the words' cache slots first, fetched ahead so that their misses
     * overlap (the cache is larger than the processor's L2) */
    wslot **sls = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *sls);
    wkey *keys = dyad__arena_alloc(&c->arena, (n + 1) * sizeof *keys);
    if (!sls || !keys)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    for (uint32_t i = 0; i < n; i++) {
        c->words[i].s = t->toks[i].word;
        c->words[i].len = t->toks[i].len;
        sls[i] = dyad__word_slot(c, c->words[i].s, c->words[i].len, t->words_padded, &keys[i]);
        if (sls[i]) __builtin_prefetch(sls[i]);
    }
    for (uint32_t i = 0; i < n; i++) {
        c->wid[i] = dyad__word_id(c, sls[i], &keys[i], c->words[i].s, c->words[i].len, &c->lexb[i],
                                  &c->wb[i]);
        unsigned id = c->wid[i];
        if (!id || (size_t)(id >> 6) >= c->wseen_words) continue;
        uint64_t bit = (uint64_t)1 << (id & 63);
        if (c->wseen[id >> 6] & bit) continue;
        c->wseen[id >> 6] |= bit;
        c->wseen_ids[c->nwseen_ids++] = id;
    }
    c->wid_ok = 1;
    c->inquote = dyad__arena_zalloc(&c->arena, n + 1);
    c->quoted = 0;
    if (!c->inquote) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    return DYAD_OK;
}

/* --explain: the dictionary actors and agents the sentence mentions. */
static void S_trace_mentions(dyad_coder *c, uint32_t n, const char *date)
{
    for (uint32_t i = 0; i < n; i++) {
        const mention *m = &c->ments[i];
        if (!m->entry || m->a != i) continue;
        const dyad_dict_code *code = m->agent ? NULL : dyad_dict_actor_code(c->d, m->entry, date);
        dyad_dict_entry e;
        if (dyad_dict_entry_get(c->d, m->entry, &e) != DYAD_OK) continue;
        dyad__buf_printf(&c->trace, "%s '%s' = %s (%s:%lu)\n", m->agent ? "agent" : "actor",
                         dyad__words_text(c, m->a, m->b),
                         m->agent ? (e.code ? e.code : "?") : (code ? code->code : "(no code)"),
                         e.file ? e.file : "", e.line);
    }
}

/* Each verb group in order (group.c), a coded one covering the verbs
 * nested in its phrase. */
static dyad_status S_code_groups(dyad_coder *c, dyad__tree *t)
{
    uint32_t n = t->ntoks;
    c->barrier = dyad__arena_zalloc(&c->arena, n + 1);
    if (!c->barrier) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    /* infinitives only going left: "urged X to resume negotiations" is
     * one phrase, but the parties of "A and B ..., to strengthen ties
     * after meeting C" are not the ones meeting C */
    for (uint32_t k = 0; k < t->nvgroups; k++)
        c->barrier[t->vgroups[k].verb] = t->vgroups[k].infinitive ? 2 : 1;
    /* the index pays from a few dozen verb groups or a few hundred
     * phrases on; below, asking every group or phrase costs less */
    c->gov = NULL;
    if ((t->nvgroups > GOV_MIN_GROUPS || t->nnodes > GOV_MIN_NODES) && dyad__gov_index(c) != DYAD_OK)
        return dyad__err_set(&c->err, c->arena.over_cap ? DYAD_ELIMIT : DYAD_ENOMEM,
                             "sentence too large");
    c->absorbed = dyad__arena_zalloc(&c->arena, t->nvgroups + 1);
    c->gcoded = dyad__arena_zalloc(&c->arena, t->nvgroups + 1);
    if (!c->absorbed || !c->gcoded) return dyad__err_set(&c->err, DYAD_ENOMEM, "out of memory");
    for (uint32_t k = 0; k < t->nvgroups; k++) {
        if (c->absorbed[k]) continue;
        /* news mode: the verb of "what the army called rebel camps" only
         * names the object of the act around it */
        if (t->vgroups[k].subject != NONE && !dyad__ablated("what_naming") &&
            dyad__what_naming(c, t->nodes[t->vgroups[k].subject].parent) != NONE) {
            TRACE("verb '%s' (token %u): names what 'what' stands for: not coded\n",
                  t->toks[t->vgroups[k].verb].word, t->vgroups[k].verb);
            continue;
        }
        if (!dyad__ablated("failed_talks") && dyad__failed_talks(c, k)) {
            TRACE("verb '%s' (token %u): of talks that came to nothing: not coded\n",
                  t->toks[t->vgroups[k].verb].word, t->vgroups[k].verb);
            continue;
        }
        c->coded = 0;
        size_t before = c->nevents;
        DYAD_TRY(dyad__code_group(c, &t->vgroups[k]));
        c->gcoded[k] = (uint8_t)c->coded;
        if (!c->coded || !c->skip_nested) continue;
        /* news mode: a code that made no event covers nothing ("retaliated
         * by announcing tariffs on X": the announcement is the act) */
        if (c->agent_country && c->nevents == before) continue;
        /* A verb that obtained a code covers its phrase: "urged Serbia to
         * release the prisoners" is an appeal, not also a release; "said
         * (that) ..." does not code the verb it reports. */
        dyad__absorb_inside(c, k);
    }
    return DYAD_OK;
}

#ifdef DYAD_ABLATION
int dyad__ablated(const char *family)
{
    const char *v = getenv("DYAD_ABLATE");
    size_t n = strlen(family);
    while (v && *v) {
        const char *comma = strchr(v, ',');
        size_t len = comma ? (size_t)(comma - v) : strlen(v);
        if (len == n && !strncmp(v, family, n)) return 1;
        v = comma ? comma + 1 : NULL;
    }
    return 0;
}
#endif

dyad_status dyad__code_tree(dyad_coder *c, dyad__tree *t, const char *date)
{
    c->date = date;
    c->date_day = date ? dyad__dict_iso_date(date) : DYAD__NO_DATE;
    DYAD_TRY(S_sentence_tables(c, t));
    c->speaker = (actorset){NULL, 0};
    c->commentators = -1;
    if (c->agent_country) dyad__story_begin_sentence(c->story);
    if (S_discarded(c)) return DYAD_OK;
    dyad__find_mentions(c);      /* and the index of their starts */
    if (c->agent_country) {
        dyad__quotes(c);
        if (!dyad__ablated("learn_names")) dyad__learn_names(c);
        if (!dyad__ablated("name_mentions") && dyad__name_mentions(c)) dyad__index_mentions(c);
        memset(c->np_done, 0, t->nnodes + 1);     /* phrases may name more now */
        dyad__count_countries(c);
        if (!dyad__ablated("find_speaker")) dyad__find_speaker(c);
    }
    if (c->explain) S_trace_mentions(c, t->ntoks, date);
    DYAD_TRY(S_code_groups(c, t));
    if (c->agent_country) {
        if (!dyad__ablated("code_nominals")) DYAD_TRY(dyad__code_nominals(c));
        if (!dyad__ablated("code_judgements")) DYAD_TRY(dyad__code_judgements(c));
        if (!dyad__ablated("code_appeals")) DYAD_TRY(dyad__code_appeals(c));
        if (!dyad__ablated("code_allegations")) DYAD_TRY(dyad__code_allegations(c));
        dyad__doc_update(c);
    }
    return DYAD_OK;
}

dyad_discard dyad_coder_discarded(const dyad_coder *c) { return c->discard; }

dyad_status dyad_coder_code_parse(dyad_coder *c, const char *parse, size_t len, const char *date)
{
    c->nevents = c->nxevents = 0;
    c->wid_ok = 0;
    c->discard = DYAD_DISCARD_NONE;
    dyad__buf_clear(&c->trace);
    dyad__err_clear(&c->err);
    dyad__arena_reset(&c->arena);
    memset(&c->tree, 0, sizeof c->tree);
    dyad_status st = dyad__tree_read(&c->tree, parse, len, &c->arena, &c->err);
    if (st != DYAD_OK) return st;
    st = dyad__tree_vgroups(&c->tree, c->lex, &c->arena);
    if (st != DYAD_OK) return dyad__err_set(&c->err, st, "sentence too large");
    return dyad__code_tree(c, &c->tree, date);
}

dyad_status dyad_coder_code_chunked(dyad_coder *c, dyad_chunker *ck, const char *date)
{
    c->nevents = c->nxevents = 0;
    c->wid_ok = 0;
    c->discard = DYAD_DISCARD_NONE;
    dyad__buf_clear(&c->trace);
    dyad__err_clear(&c->err);
    dyad__arena_reset(&c->arena);
    if (!ck) return dyad__err_set(&c->err, DYAD_EINVAL, "no chunker");
    /* the tree stays in the chunker's arena; copy the header only */
    c->tree = *dyad__chunker_tree(ck);
    return dyad__code_tree(c, &c->tree, date);
}
