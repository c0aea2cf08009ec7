/*
 * place.c -- where an event took place (resolve stage).  Per sentence, the
 * locative phrases ("in Idlib", "near Aleppo", "in the French capital
 * Paris", "on the outskirts of Kyiv", "30 km north of Mosul") are found
 * and the places they name looked up in the gazetteer (dict/places.c) and,
 * for country names, adjectives and short forms, in the dictionaries the
 * engine codes with.  Per event, the nearest phrase of its own clause
 * places it; else the story's dateline, when it fits the event.  Never the
 * parties' countries alone: they only choose between places of one name.
 *
 * A locative phrase: a preposition ("in", "at", "near", "outside",
 * "inside", "around", "across", "throughout", "within"; "on" before
 * "(the) outskirts / edge / fringes", "off" before "(the) coast", "of"
 * after a compass word) and the words after it up to a punctuation mark,
 * a verb, a conjunction or another preposition ("of" excepted), at most
 * WIN_MAX words.  In it, a capitalised word starts a name: the longest
 * gazetteer key or dictionary country phrase from there.  A name is the
 * phrase's place only as its head: at the phrase's end, or before a
 * territorial noun ("Idlib province", "the Syrian capital"), or, for a
 * city or region, before a facility noun ("a Kyiv hospital") or "'s"
 * ("Moscow's Red Square"); so "in Russian strikes" and "in the Minsk
 * agreements" place nothing.  The most specific head wins (a city over a
 * region over a country); the other country names of the phrase ("the
 * Lebanese city of Tripoli", "Ukraine's Donetsk region", "Paris, France")
 * and a first-level division after a comma ("Paris, Texas") choose among
 * places of one name.
 *
 * A verbal event (CAMEO roots 01-05, 09-13: statements, meetings,
 * appeals, accusations) takes a phrase only where it places the act, not
 * its topic: after the verb, an adverb, a name, a pronoun or a meeting
 * noun ("met Lavrov in Moscow", "held talks in Lima", "told reporters in
 * Ankara"), or at the clause's start; "discussed the situation in Libya"
 * and "condemned the attack in Kabul" place nothing.  A material event
 * takes any phrase of its clause.
 *
 * Everything here reads the gazetteer and the dictionary only; the
 * scratch memory is the placer's, reused from sentence to sentence.
 */
#include "resolve.h"

#include "../dict/dict.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_LOCS 32       /* locative phrases kept per sentence */
#define WIN_MAX 12        /* words of a phrase after its preposition */
#define MAX_MENTIONS 8    /* names per phrase */
#define MAX_CONS 4        /* countries a phrase names besides its place */

typedef struct S_loc {
    uint32_t trig;            /* the preposition */
    uint32_t start, end;      /* the words that placed it ("north of
                                 Kherson", "in the French capital Paris") */
    uint32_t clause;
    int verbal_ok;            /* a verbal event may take it */
    int kind;                 /* of the place; 0 when it names none */
    const dyad__place *senses;/* a city or region: its senses */
    size_t nsenses;
    char country[4];          /* a country: its code */
    char dict_country[4];     /* the dictionaries' country for the name */
    char cons[MAX_CONS][4];   /* other countries the phrase names */
    int ncons;
} S_loc;

struct dyad__placer {
    const dyad_dict *dict;
    const dyad_places *places;
    char date[11];            /* the document's date ("" none) */
    /* the dateline's place */
    int dl_kind;
    const dyad__place *dl_senses;
    size_t dl_nsenses;
    char dl_country[4];       /* a country, or the dictionaries' for it */
    char dl_default[4];       /* its country when no party chooses */
    char dl_text[128];
    /* the sentence */
    const dyad__tree *sent;   /* the current sentence */
    const dyad__timex *tx;    /* its time expressions */
    size_t ntx;
    const dyad__tree *tree;   /* sent, once its words are ready (S_ready) */
    dyad_dict_word *words;
    uint8_t *timex;           /* 1: the word starts a time expression */
    size_t cap_words;
    char *fold;               /* folded words, fold + foff[i], flen[i] */
    size_t cap_fold;
    uint32_t *foff, *flen;
    size_t cap_off;
    S_loc locs[MAX_LOCS];
    size_t nlocs;
    /* the last event's facts */
    char country[4];
    char text[256];
};

dyad_status dyad__placer_new(dyad__placer **out, const dyad_dict *d, const dyad_places *p)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return DYAD_ENOMEM;
    (*out)->dict = d;
    (*out)->places = p;
    return DYAD_OK;
}

void dyad__placer_free(dyad__placer *pl)
{
    if (!pl) return;
    free(pl->words);
    free(pl->timex);
    free(pl->fold);
    free(pl->foff);
    free(pl->flen);
    free(pl);
}

/* ------------------------------------------------------------ words */

/* ASCII case folding, as strcasecmp's (the C locale) */
static inline unsigned S_fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32u : c; }

static int S_is(const char *w, const char *const *list)
{
    /* the first bytes differ for most entries: no call for those */
    unsigned c0 = S_fold((unsigned char)w[0]);
    for (; *list; list++)
        if (S_fold((unsigned char)(*list)[0]) == c0 && !strcasecmp(w, *list)) return 1;
    return 0;
}

/* What w is as the start of a locative phrase: 1 a preposition of place
 * ("in", "at", "near", "outside", "inside", "around", "across",
 * "throughout", "within"), 2 "on", 3 "off", 4 "of", 0 none.  Called on
 * every word: no list walk. */
static int S_trigger(const char *w)
{
    /* every one begins with one of a i n o t w: most words stop here */
    switch (w[0] | 0x20) {
    case 'a': case 'i': case 'n': case 'o': case 't': case 'w': break;
    default: return 0;
    }
    char b[12];
    size_t n = 0;
    for (; w[n]; n++) {
        if (n == 10) return 0;
        b[n] = (char)(w[n] >= 'A' && w[n] <= 'Z' ? w[n] + 32 : w[n]);
    }
    b[n] = 0;
    switch (n) {
    case 2:
        if (!memcmp(b, "in", 2) || !memcmp(b, "at", 2)) return 1;
        if (!memcmp(b, "on", 2)) return 2;
        if (!memcmp(b, "of", 2)) return 4;
        return 0;
    case 3: return !memcmp(b, "off", 3) ? 3 : 0;
    case 4: return !memcmp(b, "near", 4);
    case 6: return !memcmp(b, "inside", 6) || !memcmp(b, "around", 6) || !memcmp(b, "across", 6) ||
                   !memcmp(b, "within", 6);
    case 7: return !memcmp(b, "outside", 7);
    case 10: return !memcmp(b, "throughout", 10);
    default: return 0;
    }
}
static const char *const S_edges[] = {"outskirts", "edge", "fringes", NULL};
static const char *const S_coasts[] = {"coast", "coasts", "shore", "shores", NULL};
static const char *const S_compass[] = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", NULL};

/* Nouns after a name that keep it the head: the name is their place. */
static const char *const S_territorial[] = {
    "city", "capital", "town", "village", "villages", "province", "provinces", "region",
    "regions", "governorate", "district", "districts", "oblast", "state", "county", "area",
    "areas", "countryside", "suburb", "suburbs", "outskirts", "neighborhood", "neighbourhood",
    "territory", "territories", "enclave", "border", "borders", "frontier", "coast",
    "coastline", "waters", "airspace", "soil", "mainland", "port", "desert", "valley",
    "mountains", "governorates", "municipality", "department", "prefecture", "peninsula",
    NULL};

/* Nouns after a city's or region's name that keep it the head. */
static const char *const S_facility[] = {
    "hospital", "court", "courthouse", "hotel", "prison", "jail", "airport", "square",
    "street", "market", "mosque", "church", "synagogue", "cathedral", "school", "university",
    "camp", "refugee", "base", "harbor", "harbour", "refinery", "stadium", "embassy",
    "consulate", "headquarters", "residence", "palace", "station", "bridge", "plant",
    "neighbourhoods", "neighborhoods", "checkpoint", "crossing", NULL};

/* Nouns before a preposition after which a verbal event is placed. */
static const char *const S_meeting[] = {
    "talks", "meeting", "meetings", "summit", "summits", "conference", "conferences",
    "negotiations", "consultations", "session", "sessions", "reporters", "journalists",
    "counterpart", "counterparts", "ceremony", "forum", "briefing", "interview", "speech",
    "visit", "rally", "trip", "tour", "gathering", "hours", "days", "minutes", "weeks",
    "today", "yesterday", "morning", "afternoon", "evening", "night", "weekend", "week",
    "month", "year", "sidelines", "event", "audience", "parliament", NULL};

static const char *const S_calendar[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", NULL};

static const char *S_word(const dyad__tree *t, uint32_t i)
{
    return t->toks[i].word ? t->toks[i].word : "";
}

static const char *S_tag(const dyad__tree *t, uint32_t i)
{
    return t->toks[i].tag ? t->toks[i].tag : "";
}

static int S_upper_start(const char *w)
{
    dyad_token k;
    memset(&k, 0, sizeof k);
    k.norm = w;
    k.norm_len = (unsigned)strlen(w);
    k.kind = DYAD_TOK_WORD;
    return k.norm_len && dyad__tok_is_upper_start(&k);
}

static int S_lower_start(const char *w) { return *w >= 'a' && *w <= 'z'; }

/* Whether token i ends a phrase's words: punctuation, a verb, a
 * conjunction, a preposition -- "of" only after a place noun ("the city
 * of Aleppo", "the outskirts of Kyiv", "north of Mosul"), not in "in
 * support of", "in the hands of". */
static int S_stop(const dyad__tree *t, uint32_t i)
{
    const char *tag = S_tag(t, i), *w = S_word(t, i);
    if (!((tag[0] >= 'A' && tag[0] <= 'Z'))) return 1;         /* , . : `` -LRB- $ */
    if (!S_lower_start(w)) return 0;                             /* a name goes on */
    if (dyad__streq(tag, "IN") || dyad__ieq(w, "of")) {
        if (!dyad__ieq(w, "of") || i == 0) return 1;
        const char *p = S_word(t, i - 1);
        return !(S_is(p, S_territorial) || S_is(p, S_facility) || S_is(p, S_edges) ||
                 S_is(p, S_coasts) || S_is(p, S_compass));
    }
    return dyad__streq(tag, "TO") || dyad__streq(tag, "CC") || dyad__streq(tag, "MD") ||
           !strncmp(tag, "VB", 2) || !strncmp(tag, "W", 1);
}

/* ------------------------------------------------------------ clauses */

static int S_clause_label(int l)
{
    return l == DYAD__L_S || l == DYAD__L_SBAR || l == DYAD__L_SINV || l == DYAD__L_SQ ||
           l == DYAD__L_SBARQ;
}

/* The finite clause of token i (as in event.c: a clause starting with
 * "to" or an -ing form belongs to the clause around it). */
static uint32_t S_clause(const dyad__tree *t, uint32_t i)
{
    if (i >= t->ntoks) return DYAD__NONE;
    for (uint32_t q = t->toks[i].parent; q != DYAD__NONE; q = t->nodes[q].parent) {
        const dyad__node *n = &t->nodes[q];
        if (!S_clause_label(n->label)) continue;
        const char *tag = n->tok_a < t->ntoks ? S_tag(t, n->tok_a) : "";
        if (n->label == DYAD__L_S && (dyad__streq(tag, "TO") || dyad__streq(tag, "VBG")) &&
            n->parent != DYAD__NONE)
            continue;
        return q;
    }
    return DYAD__NONE;
}

/* ------------------------------------------------------------ lookups */

#define S_UNFOLDED UINT32_MAX

/* The folded words [a, a+k) joined by blanks into key; 0 when too long.
 * Words are folded when first needed. */
static int S_key(dyad__placer *pl, uint32_t a, uint32_t k, char *key, size_t cap)
{
    size_t o = 0;
    for (uint32_t i = a; i < a + k; i++) {
        if (pl->flen[i] == S_UNFOLDED)
            pl->flen[i] = (uint32_t)dyad__place_fold(pl->words[i].s, pl->words[i].len,
                                                     pl->fold + pl->foff[i],
                                                     3 * pl->words[i].len + 4);
        size_t n = pl->flen[i];
        if (n == 0 || o + n + 2 > cap) return 0;
        if (o) key[o++] = ' ';
        memcpy(key + o, pl->fold + pl->foff[i], n);
        o += n;
    }
    key[o] = 0;
    return o > 0;
}

/* The longest gazetteer name at token a within [a, b): its length in
 * words (0: none) and senses. */
static uint32_t S_gazetteer(dyad__placer *pl, uint32_t a, uint32_t b,
                            const dyad__place **senses, size_t *n)
{
    unsigned maxw = dyad__places_max_words(pl->places);
    uint32_t k = b - a < maxw ? b - a : maxw;
    char key[512];
    for (; k > 0; k--) {
        if (!S_key(pl, a, k, key, sizeof key)) continue;
        if (k == 1 && S_is(key, S_calendar)) continue;   /* "in March" */
        *n = dyad__places_find(pl->places, key, senses);
        if (*n) return k;
    }
    return 0;
}

/* The longest dictionary actor phrase at token a within [a, b) whose code
 * on the document's date is a country of the gazetteer: its length (0:
 * none), the code in cc. */
static uint32_t S_dict_country(const dyad__placer *pl, const dyad_dict_word *w, size_t n,
                               uint32_t a, uint32_t b, char cc[4])
{
    if (!pl->dict) return 0;
    dyad_dict_match m[8];
    size_t nm = dyad_dict_match_at(pl->dict, DYAD_DICT_MASK(DYAD_DICT_ACTORS), w, n, a, 0, m, 8);
    if (nm > 8) nm = 8;
    for (size_t i = 0; i < nm; i++) {
        if (m[i].end > b || m[i].end <= a) continue;
        /* "Palestinians", "Americans": people, not the country */
        if (dyad__streq(S_tag(pl->tree, (uint32_t)(m[i].end - 1)), "NNPS")) continue;
        const dyad_dict_code *c = dyad_dict_actor_code(pl->dict, m[i].entry,
                                                       pl->date[0] ? pl->date : NULL);
        if (!c || !c->code || !dyad__places_country_ok(pl->places, c->code)) continue;
        memcpy(cc, c->code, 4);
        return (uint32_t)(m[i].end - a);
    }
    return 0;
}

/* A name at a: a place (kind CITY or REGION, senses set), a country
 * (kind COUNTRY, cc set) or nothing (0).  *len gets its words. */
static int S_name(dyad__placer *pl, const dyad_dict_word *w, size_t n, uint32_t a,
                  uint32_t b, uint32_t *len, const dyad__place **senses, size_t *nsenses,
                  char cc[4], char dict_cc[4])
{
    const dyad__place *s = NULL;
    size_t ns = 0;
    char dc[4] = "";
    uint32_t g = S_gazetteer(pl, a, b, &s, &ns);
    uint32_t d = S_dict_country(pl, w, n, a, b, dc);
    dict_cc[0] = 0;
    if (!g && !d) return 0;
    if (d > g) {
        *len = d;
        memcpy(cc, dc, 4);
        return DYAD__PLACE_COUNTRY;
    }
    *len = g;
    /* a country's name: "Lebanon", "Armenia", "Djibouti" are the
     * countries, not the towns of that name */
    const dyad__place *country = NULL;
    int in_dc = 0;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].kind == DYAD__PLACE_COUNTRY && (!country || dyad__streq(s[i].country, dc)))
            country = &s[i];
        if (d == g && dyad__streq(s[i].country, dc)) in_dc = 1;
    }
    if (country) {
        memcpy(cc, country->country, 4);
        return DYAD__PLACE_COUNTRY;
    }
    if (d == g && !in_dc) {
        /* the dictionaries know the name as a country elsewhere */
        memcpy(cc, dc, 4);
        return DYAD__PLACE_COUNTRY;
    }
    if (d == g) memcpy(dict_cc, dc, 4);
    *senses = s;
    *nsenses = ns;
    int kind = 0;
    for (size_t i = 0; i < ns; i++)
        if (s[i].kind > kind) kind = s[i].kind;
    return kind;
}

/* ------------------------------------------------------------ phrases */

typedef struct S_mention {
    uint32_t a, b;
    int kind, head;
    const dyad__place *senses;
    size_t nsenses;
    char cc[4], dict_cc[4];
} S_mention;

/* Keeps only the senses whose first-level division (or its name without
 * a final "Region", "Oblast" ...) is the words [a, a+k) for some k. */
static int S_admin1_pick(dyad__placer *pl, const dyad__tree *t, uint32_t a,
                         const dyad__place *s, size_t n, const dyad__place **out)
{
    static const char *const generic[] = {"region", "oblast", "governorate", "province",
                                          "state", "district", "county", "municipality", NULL};
    char want[3][256];
    int nwant = 0;
    for (uint32_t k = 1; k <= 3 && a + k <= t->ntoks; k++)
        if (S_key(pl, a, k, want[nwant], sizeof want[nwant])) nwant++;
    for (size_t i = 0; i < n; i++) {
        if (!s[i].admin1[0]) continue;
        char adm[256];
        size_t m = dyad__place_fold(s[i].admin1, strlen(s[i].admin1), adm, sizeof adm - 1);
        if (!m) continue;
        adm[m] = 0;
        char *sp = strrchr(adm, ' ');
        for (int j = 0; j < nwant; j++) {
            if (dyad__streq(adm, want[j])) { *out = &s[i]; return 1; }
            if (sp && S_is(sp + 1, generic) && (size_t)(sp - adm) == strlen(want[j]) &&
                !strncmp(adm, want[j], (size_t)(sp - adm))) {
                *out = &s[i];
                return 1;
            }
        }
    }
    return 0;
}

/* Reads the place that the words [a, b) name into l (its kind, senses or
 * country, the other countries named, and end); 0 when they name none.
 * no_country: a country's name alone is not enough ("at Israel"). */
static int S_scan(dyad__placer *pl, uint32_t a, uint32_t b, int no_country, S_loc *l)
{
    const dyad__tree *t = pl->tree;
    S_mention m[MAX_MENTIONS];
    int nm = 0;
    for (uint32_t j = a; j < b && nm < MAX_MENTIONS;) {
        if (!S_upper_start(S_word(t, j))) { j++; continue; }
        S_mention *x = &m[nm];
        memset(x, 0, sizeof *x);
        uint32_t len = 0;
        x->kind = S_name(pl, pl->words, t->ntoks, j, b, &len, &x->senses, &x->nsenses, x->cc,
                         x->dict_cc);
        if (!x->kind) { j++; continue; }
        x->a = j;
        x->b = j + len;
        const char *next = x->b < t->ntoks ? S_word(t, x->b) : "";
        const char *ntag = x->b < t->ntoks ? S_tag(t, x->b) : "";
        /* it ends its noun phrase, or the noun after it is a place */
        int modifier = !strncmp(ntag, "NN", 2) || !strncmp(ntag, "JJ", 2) ||
                       dyad__streq(ntag, "CD") || dyad__streq(ntag, "VBG") || dyad__streq(ntag, "VBN") ||
                       dyad__streq(ntag, "POS");
        x->head = x->b == b || !modifier || S_is(next, S_territorial) ||
                  (x->kind != DYAD__PLACE_COUNTRY &&
                   (S_is(next, S_facility) || dyad__streq(next, "'s")));
        nm++;
        j = x->b;
    }
    /* the place: the most specific head, the last among equals */
    int best = -1;
    for (int i = 0; i < nm; i++)
        if (m[i].head && !(no_country && m[i].kind == DYAD__PLACE_COUNTRY) &&
            (best < 0 || m[i].kind >= m[best].kind))
            best = i;
    if (best < 0) return 0;
    l->end = m[best].b;
    if (l->end < b && (S_is(S_word(t, l->end), S_territorial) || S_is(S_word(t, l->end), S_facility)))
        l->end++;    /* "Idlib province", "a Kyiv hospital" */
    l->kind = m[best].kind;
    for (int i = 0; i < nm; i++)
        if (i != best && m[i].kind == DYAD__PLACE_COUNTRY && l->ncons < MAX_CONS)
            memcpy(l->cons[l->ncons++], m[i].cc, 4);
    if (l->kind == DYAD__PLACE_COUNTRY) {
        memcpy(l->country, m[best].cc, 4);
        return 1;
    }
    l->senses = m[best].senses;
    l->nsenses = m[best].nsenses;
    memcpy(l->dict_country, m[best].dict_cc, 4);
    /* ", Texas", ", France" after the name */
    uint32_t c = m[best].b;
    if (c == b && c + 1 < t->ntoks && dyad__streq(S_word(t, c), ",") &&
        S_upper_start(S_word(t, c + 1))) {
        const dyad__place *one = NULL;
        uint32_t len = 0;
        const dyad__place *s2 = NULL;
        size_t n2 = 0;
        char cc[4] = "", dcc[4];
        uint32_t e = c + 1;
        while (e < t->ntoks && e - (c + 1) < 4 && !S_stop(t, e)) e++;
        if (S_admin1_pick(pl, t, c + 1, l->senses, l->nsenses, &one)) {
            l->senses = one;
            l->nsenses = 1;
            l->end = c + 2;
        } else if (e > c + 1 &&
                   S_name(pl, pl->words, t->ntoks, c + 1, e, &len, &s2, &n2, cc, dcc) ==
                       DYAD__PLACE_COUNTRY &&
                   l->ncons < MAX_CONS) {
            memcpy(l->cons[l->ncons++], cc, 4);
            l->end = c + 1 + len;
        }
    }
    return 1;
}

/* Reads the phrase of the preposition at trig whose words start at a. */
static void S_phrase(dyad__placer *pl, uint32_t trig, uint32_t a)
{
    const dyad__tree *t = pl->tree;
    if (pl->nlocs >= MAX_LOCS) return;
    uint32_t b = a;
    while (b < t->ntoks && b - a < WIN_MAX && !S_stop(t, b) && !pl->timex[b]) b++;
    if (b == a) return;
    S_loc *l = &pl->locs[pl->nlocs];
    memset(l, 0, sizeof *l);
    /* after "at", a city or region only ("fired rockets at Israel") */
    if (!S_scan(pl, a, b, dyad__ieq(S_word(t, trig), "at"), l)) return;
    l->trig = trig;
    l->start = trig;
    if (trig > 0 && dyad__ieq(S_word(t, trig), "of") && S_is(S_word(t, trig - 1), S_compass))
        l->start = trig - 1;
    /* a verbal event takes it only where it places the act */
    uint32_t p = l->start;
    if (p == 0) {
        l->verbal_ok = 1;
    } else {
        const char *pw = S_word(t, p - 1), *pt = S_tag(t, p - 1);
        l->verbal_ok = !(pt[0] >= 'A' && pt[0] <= 'Z') || !strncmp(pt, "VB", 2) ||
                       dyad__streq(pt, "MD") || !strncmp(pt, "RB", 2) || dyad__streq(pt, "RP") ||
                       dyad__streq(pt, "PRP") || dyad__streq(pt, "CC") || dyad__streq(pt, "CD") ||
                       !strncmp(pt, "NNP", 3) || S_is(pw, S_meeting);
    }
    l->clause = S_clause(t, trig);
    pl->nlocs++;
}

/* The place an act of force is aimed at, when its target's noun phrase
 * names one ("shelled Kharkiv", "annexed Ukraine's Crimea peninsula",
 * "captured the town of Bakhmut"): the target's words widened to the
 * noun phrase around them.  0 when it names none. */
static int S_object(dyad__placer *pl, const dyad_event *ev, S_loc *l)
{
    const dyad__tree *t = pl->tree;
    size_t first = SIZE_MAX, end = 0;
    for (size_t k = 0; k < ev->nevidence; k++) {
        const dyad_evidence *v = &ev->evidence[k];
        if (v->kind && dyad__streq(v->kind, "target") && v->end > v->first) {
            first = v->first;
            end = v->end;
            break;
        }
    }
    if (first >= t->ntoks || end > t->ntoks) return 0;
    uint32_t a = (uint32_t)first, b = (uint32_t)end;
    /* the noun phrase around the target's words */
    uint32_t q = t->toks[a].parent;
    while (q != DYAD__NONE && t->nodes[q].label == DYAD__L_NP && t->nodes[q].parent != DYAD__NONE &&
           t->nodes[t->nodes[q].parent].label == DYAD__L_NP)
        q = t->nodes[q].parent;
    if (q != DYAD__NONE && t->nodes[q].label == DYAD__L_NP && t->nodes[q].tok_a <= a &&
        t->nodes[q].tok_b >= b) {
        a = t->nodes[q].tok_a;
        b = t->nodes[q].tok_b;
        /* aimed at it: the object, or "on", "at", "against", "into" it --
         * not "from China", "with Turkey" */
        uint32_t pp = t->nodes[q].parent;
        static const char *const aims[] = {"on", "at", "against", "into", "upon", "toward",
                                           "towards", NULL};
        if (pp != DYAD__NONE && t->nodes[pp].label == DYAD__L_PP &&
            !S_is(S_word(t, t->nodes[pp].tok_a), aims))
            return 0;
    }
    uint32_t e = a;
    while (e < b && e - a < WIN_MAX && (e == a || !S_stop(t, e)) && !pl->timex[e]) e++;
    memset(l, 0, sizeof *l);
    if (!S_scan(pl, a, e, 0, l)) return 0;
    l->start = a;
    return 1;
}
/* Lists the sentence's words for dictionary lookups, makes room to fold
 * each (for gazetteer keys, when first needed) and marks where time
 * expressions start.  0 when out of memory. */
static int S_prepare(dyad__placer *pl, const dyad__tree *t, const dyad__timex *tx, size_t ntx)
{
    size_t n = t->ntoks;
    if (n > pl->cap_words) {
        dyad_dict_word *w = realloc(pl->words, n * sizeof *w);
        if (!w) return 0;
        pl->words = w;
        uint8_t *tx = realloc(pl->timex, n);
        if (!tx) return 0;
        pl->timex = tx;
        pl->cap_words = n;
    }
    if (n > pl->cap_off) {
        uint32_t *o = realloc(pl->foff, n * sizeof *o);
        if (!o) return 0;
        pl->foff = o;
        uint32_t *l = realloc(pl->flen, n * sizeof *l);
        if (!l) return 0;
        pl->flen = l;
        pl->cap_off = n;
    }
    size_t need = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = S_word(t, (uint32_t)i);
        pl->words[i].s = w;
        pl->words[i].len = t->toks[i].word ? t->toks[i].len : 0;   /* the word's strlen */
        need += 3 * pl->words[i].len + 4;
    }
    if (need > UINT32_MAX) return 0;
    if (need > pl->cap_fold) {
        char *f = realloc(pl->fold, need);
        if (!f) return 0;
        pl->fold = f;
        pl->cap_fold = need;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        pl->timex[i] = 0;
        pl->foff[i] = (uint32_t)o;
        pl->flen[i] = S_UNFOLDED;
        o += 3 * pl->words[i].len + 4;
    }
    /* "in Paris next week": a time expression ends a phrase's words */
    for (size_t k = 0; k < ntx; k++)
        if (tx[k].first < n) pl->timex[tx[k].first] = 1;
    return 1;
}

/* Makes the current sentence's words ready for lookups (once); 0 when
 * there is no sentence or no memory. */
static int S_ready(dyad__placer *pl)
{
    if (!pl->tree && pl->sent && S_prepare(pl, pl->sent, pl->tx, pl->ntx)) pl->tree = pl->sent;
    return pl->tree != NULL;
}

void dyad__place_sentence(dyad__placer *pl, const dyad__tree *t, const dyad__timex *tx,
                          size_t ntx)
{
    pl->sent = NULL;
    pl->tree = NULL;
    pl->nlocs = 0;
    if (!t || !t->ntoks || !pl->places) return;
    pl->sent = t;
    pl->tx = tx;
    pl->ntx = ntx;
    uint32_t trig[MAX_LOCS];
    size_t ntrig = 0;
    for (uint32_t i = 0; i < t->ntoks && ntrig < MAX_LOCS; i++) {
        int k = S_trigger(S_word(t, i));
        if (!k) continue;
        uint32_t a = i + 1;      /* "on (the) outskirts", "off (the) coast" */
        if (k != 1 && a < t->ntoks && dyad__ieq(S_word(t, a), "the")) a++;
        if (k == 1 || (k == 2 && a < t->ntoks && S_is(S_word(t, a), S_edges)) ||
            (k == 3 && a < t->ntoks && S_is(S_word(t, a), S_coasts)) ||
            (k == 4 && i > 0 && S_is(S_word(t, i - 1), S_compass)))
            trig[ntrig++] = i;
    }
    if (!ntrig || !S_ready(pl)) return;
    for (size_t k = 0; k < ntrig; k++) S_phrase(pl, trig[k], trig[k] + 1);
}

/* ------------------------------------------------------------ events */

static int S_in(const char cc[4], const char (*list)[4], int n)
{
    for (int i = 0; i < n; i++)
        if (dyad__streq(cc, list[i])) return 1;
    return 0;
}

/* A sense large enough to be taken for the parties' or the dateline's
 * country over the most populous one: ours, or 100,000 people and an
 * eighth of the largest ("Tripoli" in a story of Lebanese parties is the
 * Lebanese city; "Geneva" stays the Swiss one for American parties). */
static int S_eligible(const dyad__place *s, uint32_t maxpop)
{
    return s->overlay || (s->pop >= 100000 && (uint64_t)s->pop * 8 >= maxpop);
}

static const dyad__place *S_pick(const dyad__place *s, size_t n, const char (*cons)[4], int ncons,
                                 const char (*actors)[4], int nact, const char *dl,
                                 const char *dict_cc)
{
    uint32_t maxpop = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i].pop > maxpop) maxpop = s[i].pop;
    for (size_t i = 0; i < n; i++)
        if (S_in(s[i].country, cons, ncons)) return &s[i];
    for (size_t i = 0; i < n; i++)
        if (S_eligible(&s[i], maxpop) && S_in(s[i].country, actors, nact)) return &s[i];
    if (dl && dl[0])
        for (size_t i = 0; i < n; i++)
            if (S_eligible(&s[i], maxpop) && dyad__streq(s[i].country, dl)) return &s[i];
    if (dict_cc && dict_cc[0])
        for (size_t i = 0; i < n; i++)
            if (dyad__streq(s[i].country, dict_cc)) return &s[i];
    return n ? &s[0] : NULL;
}

/* ------------------------------------------------------------ dateline */

void dyad__place_doc(dyad__placer *pl, const dyad_text *t, const char *doc_date)
{
    pl->date[0] = 0;
    if (doc_date && strlen(doc_date) == 10) memcpy(pl->date, doc_date, 11);
    pl->dl_kind = 0;
    pl->dl_senses = NULL;
    pl->dl_nsenses = 0;
    pl->dl_country[0] = 0;
    pl->dl_default[0] = 0;
    pl->dl_text[0] = 0;
    if (!t || !pl->places) return;
    const dyad_dateline *dl = NULL;
    for (size_t i = 0; i < dyad_text_sentence_count(t) && !dl; i++)
        dl = dyad_text_sentence(t, i)->dateline;
    if (!dl || !dl->place) return;
    /* its words, split at blanks: "GAZA CITY" */
    char buf[128];
    size_t pn = strlen(dl->place);
    if (pn >= sizeof buf) return;
    memcpy(buf, dl->place, pn + 1);
    dyad_dict_word w[8];
    char key[256];
    size_t nw = 0, kl = 0;
    for (char *s = buf; *s && nw < 8;) {
        while (*s == ' ') s++;
        if (!*s) break;
        char *e = s;
        while (*e && *e != ' ') e++;
        w[nw].s = s;
        w[nw].len = (size_t)(e - s);
        if (kl + 2 + 3 * w[nw].len + 4 > sizeof key) return;
        if (kl) key[kl++] = ' ';
        size_t m = dyad__place_fold(s, w[nw].len, key + kl, sizeof key - kl - 1);
        if (!m) return;
        kl += m;
        nw++;
        s = e;
    }
    if (!nw) return;
    key[kl] = 0;
    const dyad__place *s = NULL;
    size_t ns = dyad__places_find(pl->places, key, &s);
    char dc[4] = "";
    if (pl->dict) {
        dyad_dict_match m[8];
        size_t nm = dyad_dict_match_at(pl->dict, DYAD_DICT_MASK(DYAD_DICT_ACTORS), w, nw, 0, 0, m, 8);
        for (size_t i = 0; i < nm && i < 8; i++) {
            if (m[i].end != nw) continue;
            const dyad_dict_code *c = dyad_dict_actor_code(pl->dict, m[i].entry,
                                                           pl->date[0] ? pl->date : NULL);
            if (c && c->code && dyad__places_country_ok(pl->places, c->code)) {
                memcpy(dc, c->code, 4);
                break;
            }
        }
    }
    for (size_t i = 0; i < ns; i++)
        if (s[i].kind == DYAD__PLACE_COUNTRY) {
            pl->dl_kind = DYAD__PLACE_COUNTRY;
            memcpy(pl->dl_country, s[i].country, 4);
            break;
        }
    if (!pl->dl_kind && ns) {
        pl->dl_kind = DYAD__PLACE_CITY;
        pl->dl_senses = s;
        pl->dl_nsenses = ns;
        memcpy(pl->dl_country, dc, 4);
    } else if (!pl->dl_kind && dc[0]) {
        pl->dl_kind = DYAD__PLACE_COUNTRY;
        memcpy(pl->dl_country, dc, 4);
    }
    if (!pl->dl_kind) return;
    memcpy(pl->dl_text, dl->place, pn + 1);
    const dyad__place *d0 = pl->dl_kind == DYAD__PLACE_COUNTRY
                                ? NULL
                                : S_pick(s, ns, NULL, 0, NULL, 0, NULL, pl->dl_country);
    memcpy(pl->dl_default, d0 ? d0->country : pl->dl_country, 4);
}

/* The CAMEO root of code as a number, 0 when there is none. */
static int S_root(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return 0;
    return (code[0] - '0') * 10 + (code[1] - '0');
}

static void S_words(const dyad__tree *t, uint32_t a, uint32_t b, char *out, size_t cap)
{
    size_t o = 0;
    for (uint32_t i = a; i < b && i < t->ntoks; i++) {
        const char *w = S_word(t, i);
        size_t n = strlen(w);
        if (o + n + 2 >= cap) break;
        if (o) out[o++] = ' ';
        memcpy(out + o, w, n);
        o += n;
    }
    out[o] = 0;
}

static void S_set(dyad__placer *pl, const dyad__place *s, const char *country,
                  dyad__place_facts *out)
{
    if (s) {
        out->country = s->country;
        out->name = s->name;
        out->lat = s->lat;
        out->lon = s->lon;
    } else {
        memcpy(pl->country, country, 4);
        out->country = pl->country;
    }
}

void dyad__place_event(dyad__placer *pl, const dyad_event *ev, dyad__place_facts *out)
{
    memset(out, 0, sizeof *out);
    if (!pl->places) return;
    /* the parties' countries */
    char actors[2][4], src[4] = "";
    int nact = 0;
    const char *codes[2] = {ev->source, ev->target};
    for (int i = 0; i < 2; i++) {
        if (!codes[i] || strlen(codes[i]) < 3) continue;
        char cc[4] = {codes[i][0], codes[i][1], codes[i][2], 0};
        if (!dyad__places_country_ok(pl->places, cc)) continue;
        if (i == 0) memcpy(src, cc, 4);
        if (!S_in(cc, (const char (*)[4])actors, nact)) memcpy(actors[nact++], cc, 4);
    }
    int root = S_root(ev->code);
    int verbal = root == 0 || root <= 5 || (root >= 9 && root <= 13);
    /* an intent or threat is placed where it is made: a place of its
     * clause belongs to the act it announces ("will hold talks in Paris":
     * the 036 is not in Paris), as its date does (event.c) */
    int intent = 0;
    if ((root == 3 || root == 13) && ev->modality == DYAD_ASSERTED && pl->sent)
        for (uint32_t k = 0; k < pl->sent->nvgroups; k++) {
            const dyad__vgroup *g = &pl->sent->vgroups[k];
            if (g->verb == ev->verb)
                intent = g->tense == DYAD__TENSE_FUTURE || g->infinitive ||
                         g->modality != DYAD__MOD_NONE;
        }
    /* the nearest phrase of the event's clause; for an act of force, the
     * place it is aimed at */
    const dyad__tree *t = pl->tree;
    const S_loc *best = NULL;
    S_loc object;
    if (t && ev->verb < t->ntoks && !intent) {
        uint32_t v = (uint32_t)ev->verb, cl = S_clause(t, v);
        uint32_t best_d = UINT32_MAX;
        for (size_t i = 0; i < pl->nlocs; i++) {
            const S_loc *l = &pl->locs[i];
            if (l->clause != cl || (verbal && !l->verbal_ok)) continue;
            uint32_t d = l->trig > v ? 2 * (l->trig - v) : 2 * (v - l->trig) + 1;
            if (d < best_d) { best = l; best_d = d; }
        }
    }
    if (!best && root >= 18 && root <= 20 && S_ready(pl) && S_object(pl, ev, &object)) {
        best = &object;
        t = pl->tree;
    }
    if (best) {
        if (best->kind == DYAD__PLACE_COUNTRY) {
            S_set(pl, NULL, best->country, out);
        } else {
            const dyad__place *s = S_pick(best->senses, best->nsenses, best->cons, best->ncons,
                                          (const char (*)[4])actors, nact, pl->dl_default,
                                          best->dict_country);
            if (!s) return;
            S_set(pl, s, NULL, out);
        }
        out->basis = "text";
        S_words(t, best->start, best->end, pl->text, sizeof pl->text);
        out->text = pl->text;
        return;
    }
    /* the dateline, where it fits the event */
    if (!pl->dl_kind) return;
    const dyad__place *s = NULL;
    const char *cc = pl->dl_country;
    /* a telephone call (041) joins two places: the dateline can only be
     * the caller's or the called's, so it places the side that is there */
    int phone = ev->code && dyad__streq(ev->code, "041");
    int meeting = (root == 4 && !phone) || (ev->code && dyad__streq(ev->code, "057"));
    int by_source = (verbal || phone) && !meeting;   /* a statement is made where its speaker is */
    if (pl->dl_kind != DYAD__PLACE_COUNTRY) {
        s = by_source ? S_pick(pl->dl_senses, pl->dl_nsenses, NULL, 0, (const char (*)[4])src,
                               src[0] ? 1 : 0, NULL, pl->dl_country)
                      : S_pick(pl->dl_senses, pl->dl_nsenses, NULL, 0, (const char (*)[4])actors,
                               nact, NULL, pl->dl_country);
        if (!s) return;
        cc = s->country;
    }
    /* a statement is made where its speaker is: the source's country; an
     * act may be on either party's ground; meetings where reported */
    int fits = nact == 0 || meeting ||
               (by_source ? dyad__streq(cc, src) : S_in(cc, (const char (*)[4])actors, nact));
    if (!fits) return;
    S_set(pl, s, cc, out);
    out->basis = "dateline";
    out->text = pl->dl_text;
}
