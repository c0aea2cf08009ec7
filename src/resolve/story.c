/*
 * story.c -- the story memory of news mode: what a document has
 * established so far, for the sentences after it.  The sentence coder
 * reports each sentence's facts here (the names it introduced, its
 * speaker and subject, the parties that acted, its events) and asks the
 * questions only a document can answer: who "Jaiswal", "he", "the
 * group", "they", "the two leaders", "the two countries" or "the
 * statement" is; which country "the insurgents" or "lawmakers" belong
 * to; whom a denial answers (an accusation, else a reported claim);
 * whose act "the seizure" or "the report" is; with whom "is
 * negotiating" goes on.  How far back a description may reach, and when it is
 * ambiguous, is decided here.  The interface is declared in
 * code/code.h (the coder's needs); codes are copied, since the coder's
 * arena is reset per sentence.
 */
#include "resolve.h"
#include "../code/code.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#define ST_CODE 32
#define ST_TEXT DYAD__STORY_TEXT
#define ST_NAMES 96
#define ST_ACCUSE 8
#define ST_RECENT 12
#define ST_SECTORS 16
#define ST_PAIRS 4
#define ST_COUNTRIES 32
#define ST_CLAIMS 8
#define ST_CONSULT 4
#define ST_OWNED 16

typedef struct st_name {
    char name[ST_TEXT];          /* a surname as written ("Jaiswal") */
    char code[ST_CODE];
    unsigned at;                 /* the sentence that introduced it */
} st_name;

typedef struct st_actor {
    char code[ST_CODE];
    char text[ST_TEXT];
    unsigned at;
} st_actor;

struct dyad__story {
    /* The lists' entries: only those below their counts (after the
     * entries) are ever read, so a reset leaves the entries as they are
     * and clears what follows them (dyad__story_reset). */
    st_name names[ST_NAMES];
    struct { char src[ST_CODE], tgt[ST_CODE]; unsigned at; } acc[ST_ACCUSE];
    struct { char who[ST_CODE], about[ST_CODE]; unsigned at; } claims[ST_CLAIMS];
    struct { char noun[ST_TEXT], code[ST_CODE]; unsigned at; } owned[ST_OWNED];
    struct { char a[ST_CODE], b[ST_CODE]; unsigned at; } cons[ST_CONSULT];
    struct { char sec[4], cc[4]; unsigned at; } secs[ST_SECTORS];
    st_actor recent[ST_RECENT];
    /* countries named, with their counts: n in all, prior in the
     * sentences before the current one */
    struct { char cc[4]; unsigned n, prior; } seen[ST_COUNTRIES];
    /* from here on cleared by a reset */
    int nnames;
    int nacc;                    /* the last accusations, newest last */
    int nclaims;                 /* the last reported claims about a party
                                    of another country, newest last */
    int nowned;                  /* act nouns whose phrase named the party
                                    ("a United Nations report": IGOUNO),
                                    newest last; code "" when two parties
                                    owned the noun in one sentence */
    int ncons;                   /* the last consultations (root 04)
                                    between two sides, newest last */
    int nsecs;                   /* per sector ("REB"), the country of the
                                    last actor of that sector named */
    int nrecent;                 /* the last parties that acted, newest
                                    last */
    int nseen;
    st_actor person;             /* the last person named as a subject */
    st_actor speaker;            /* the last speaker of a quotation */
    st_actor group;              /* the last armed group or organisation */
    st_actor other_group;        /* the one named before it, if another */
    char leaders[2][ST_CODE];    /* the last two state actors (sector GOV)
                                    of different countries who acted on
                                    each other */
    char pairs[ST_PAIRS][8];     /* the distinct pairs of such countries
                                    ("CHLPER", in order) */
    int npairs;
    char dyad[2][ST_CODE];       /* the last two parties of different
                                    countries who acted on each other */
    char hostile[2][ST_CODE];    /* the last two parties of different
                                    countries of whom one used force or
                                    coercion on the other (roots 17-20) */
    char act[2][ST_CODE];        /* the last two different parties one
                                    acted on the other, of any country */
    unsigned act_at;             /* its sentence */
    char act_code[8];            /* and its CAMEO code */
    unsigned sent;               /* sentences begun, from 1 */
    int open_quote;              /* the last sentence ended inside quotes */
};

/* The story's lists keep their newest entries last.  S_DROP takes entry
 * k out of list[0..n); S_ROOM makes room for one more, the oldest going
 * when the list is full. */
#define S_DROP(list, n, k)                                                                        \
    do {                                                                                          \
        memmove(&(list)[k], &(list)[(k) + 1], (size_t)((n) - (k) - 1) * sizeof(list)[0]);          \
        (n)--;                                                                                    \
    } while (0)
#define S_ROOM(list, n)                                                                           \
    do {                                                                                          \
        if ((size_t)(n) == DYAD_ARRAY_LEN(list)) S_DROP(list, n, 0);                              \
    } while (0)

static void S_copy(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, src, n);
    dst[n] = 0;
}

static void S_set(st_actor *a, const char *code, const char *text, unsigned at)
{
    S_copy(a->code, sizeof a->code, code);
    S_copy(a->text, sizeof a->text, text);
    a->at = at;
}

static int S_country(const char *k)
{
    return k && strlen(k) >= 3 && strncmp(k, "---", 3) && strncmp(k, "IGO", 3) &&
           strncmp(k, "NGO", 3) && strncmp(k, "IMG", 3) && strncmp(k, "MNC", 3);
}

dyad__story *dyad__story_new(void)
{
    return calloc(1, sizeof(dyad__story));
}

void dyad__story_free(dyad__story *st)
{
    free(st);
}

void dyad__story_reset(dyad__story *st)
{
    /* the counts and everything after them; the lists' entries (about
     * eleven of its twelve KiB) are not read past their counts */
    memset(&st->nnames, 0, sizeof *st - offsetof(dyad__story, nnames));
}

unsigned dyad__story_begin_sentence(dyad__story *st)
{
    for (int j = 0; j < st->nseen; j++) st->seen[j].prior = st->seen[j].n;
    return ++st->sent;
}

unsigned dyad__story_sentence(const dyad__story *st)
{
    return st->sent;
}

/* ------------------------------------------------------------- names */

int dyad__story_learn_name(dyad__story *st, const char *name, const char *code)
{
    int k = 0;
    while (k < st->nnames && strcmp(st->names[k].name, name)) k++;
    if (k == st->nnames) {
        if (st->nnames == ST_NAMES) return 0;
        st->nnames++;
    }
    S_copy(st->names[k].name, sizeof st->names[k].name, name);
    S_copy(st->names[k].code, sizeof st->names[k].code, code);
    st->names[k].at = st->sent;
    return 1;
}

int dyad__story_has_names(const dyad__story *st)
{
    return st->nnames > 0;
}

const char *dyad__story_name(const dyad__story *st, const char *name, unsigned *at)
{
    if (dyad__ablated("story_name")) return NULL;
    for (int k = 0; k < st->nnames; k++)
        if (dyad__streq(st->names[k].name, name)) {
            if (at) *at = st->names[k].at;
            return st->names[k].code;
        }
    return NULL;
}

/* ------------------------------------------ person, speaker and group */

void dyad__story_set_person(dyad__story *st, const char *code, const char *text)
{
    S_set(&st->person, code, text, st->sent);
}

void dyad__story_set_speaker(dyad__story *st, const char *code, const char *text)
{
    S_set(&st->speaker, code, text, st->sent);
}

void dyad__story_set_group(dyad__story *st, const char *code, const char *text)
{
    if (st->group.code[0] && strcmp(st->group.code, code)) st->other_group = st->group;
    S_set(&st->group, code, text, st->sent);
}

void dyad__story_touch_group(dyad__story *st)
{
    if (st->group.code[0] && strncmp(st->group.code, "NGO", 3)) st->group.at = st->sent;
}

/* The remembered actor a when named within the last `reach` sentences. */
static const char *S_within(const dyad__story *st, const st_actor *a, unsigned reach,
                            const char **text, unsigned *at)
{
    if (!a->code[0] || a->at + reach < st->sent) return NULL;
    if (text) *text = a->text;
    if (at) *at = a->at;
    return a->code;
}

const char *dyad__story_person(const dyad__story *st, unsigned reach, const char **text,
                               unsigned *at)
{
    if (dyad__ablated("story_person")) return NULL;
    return S_within(st, &st->person, reach, text, at);
}

const char *dyad__story_speaker(const dyad__story *st, unsigned reach, const char **text,
                                unsigned *at)
{
    if (dyad__ablated("story_speaker")) return NULL;
    return S_within(st, &st->speaker, reach, text, at);
}

const char *dyad__story_group(const dyad__story *st, unsigned reach, int armed, const char **text,
                              unsigned *at)
{
    if (dyad__ablated("story_group")) return NULL;
    if (armed && !strncmp(st->group.code, "NGO", 3)) return NULL;
    /* two groups named within reach: "the group" could be either */
    if (S_within(st, &st->other_group, reach, NULL, NULL)) return NULL;
    return S_within(st, &st->group, reach, text, at);
}

/* ---------------------------------------------------- parties and events */

void dyad__story_note_party(dyad__story *st, const char *code, const char *text)
{
    /* countries, organisations and their organs; not roles alone */
    if (!code || (!S_country(code) && strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3))) return;
    for (int i = 0; i < st->nrecent; i++)        /* once, at its newest place */
        if (dyad__streq(st->recent[i].code, code)) {
            S_DROP(st->recent, st->nrecent, i);
            break;
        }
    S_ROOM(st->recent, st->nrecent);
    S_set(&st->recent[st->nrecent++], code, text, st->sent);
}

size_t dyad__story_recent(const dyad__story *st, unsigned reach, const char **codes,
                          const char **texts, unsigned *ats, size_t cap)
{
    if (dyad__ablated("story_recent")) return 0;
    size_t n = 0;
    for (int k = st->nrecent; k-- > 0 && n < cap;) {
        if (st->recent[k].at + reach < st->sent) break;
        codes[n] = st->recent[k].code;
        if (texts) texts[n] = st->recent[k].text;
        if (ats) ats[n] = st->recent[k].at;
        n++;
    }
    return n;
}

void dyad__story_note_sector(dyad__story *st, const char *code)
{
    if (!S_country(code) || strlen(code) < 6) return;
    int j = 0;
    while (j < st->nsecs && strncmp(st->secs[j].sec, code + 3, 3)) j++;
    if (j == st->nsecs) {
        if (st->nsecs == ST_SECTORS) return;
        st->nsecs++;
    }
    memcpy(st->secs[j].sec, code + 3, 3);
    st->secs[j].sec[3] = 0;
    memcpy(st->secs[j].cc, code, 3);
    st->secs[j].cc[3] = 0;
    st->secs[j].at = st->sent;
}

const char *dyad__story_sector_country(const dyad__story *st, const char *sec, unsigned reach)
{
    if (dyad__ablated("story_sector_country")) return NULL;
    for (int k = st->nsecs; k-- > 0;)
        if (!strncmp(st->secs[k].sec, sec, 3) && st->sent - st->secs[k].at <= reach)
            return st->secs[k].cc;
    return NULL;
}

void dyad__story_note_event(dyad__story *st, const char *source, const char *target,
                            const char *code)
{
    /* any two parties of different countries (or organisations) */
    if (source[0] && target[0] && strncmp(source, target, 3) && strncmp(source, "---", 3) &&
        strncmp(target, "---", 3)) {
        S_copy(st->dyad[0], ST_CODE, source);
        S_copy(st->dyad[1], ST_CODE, target);
        if (code && (code[0] == '2' || (code[0] == '1' && code[1] >= '7'))) {
            S_copy(st->hostile[0], ST_CODE, source);
            S_copy(st->hostile[1], ST_CODE, target);
        }
    }
    /* the last act between two parties, of one country or two: what a
     * later "the seizure", "the violence" judged by a third party was */
    size_t ns = strlen(source), nt = strlen(target);
    if (ns >= 3 && nt >= 3 && strcmp(source, target) && strncmp(source, "---", 3) &&
        strncmp(target, "---", 3) && !(ns == 3 && !strncmp(source, target, 3)) &&
        !(nt == 3 && !strncmp(source, target, 3))) {
        S_copy(st->act[0], ST_CODE, source);
        S_copy(st->act[1], ST_CODE, target);
        st->act_at = st->sent;
        S_copy(st->act_code, sizeof st->act_code, code ? code : "");
    }
    /* the state actors who acted on each other: "the two leaders" later
     * are they -- when the story has had one such pair */
    if (strlen(source) >= 6 && strlen(target) >= 6 && !strncmp(source + 3, "GOV", 3) &&
        !strncmp(target + 3, "GOV", 3) && strncmp(source, target, 3) && S_country(source) &&
        S_country(target)) {
        S_copy(st->leaders[0], ST_CODE, source);
        S_copy(st->leaders[1], ST_CODE, target);
        char pair[8];
        int lo = strncmp(source, target, 3) < 0;
        memcpy(pair, lo ? source : target, 3);
        memcpy(pair + 3, lo ? target : source, 3);
        pair[6] = 0;
        int known = 0;
        for (int k = 0; k < st->npairs; k++) known |= dyad__streq(st->pairs[k], pair);
        if (!known && st->npairs < ST_PAIRS) memcpy(st->pairs[st->npairs++], pair, 7);
    }
    /* consultations between two sides, for a later "is negotiating"
     * that names no other party */
    if (code && !strncmp(code, "04", 2) && source[0] && target[0] && strncmp(source, target, 3) &&
        strncmp(source, "---", 3) && strncmp(target, "---", 3)) {
        int k = st->ncons - 1;
        int same = k >= 0 && ((dyad__streq(st->cons[k].a, source) && dyad__streq(st->cons[k].b, target)) ||
                              (dyad__streq(st->cons[k].a, target) && dyad__streq(st->cons[k].b, source)));
        if (!same) {
            S_ROOM(st->cons, st->ncons);
            k = st->ncons++;
            S_copy(st->cons[k].a, ST_CODE, source);
            S_copy(st->cons[k].b, ST_CODE, target);
        }
        st->cons[k].at = st->sent;
    }
    /* accusations and other disapproval, for a later denial */
    if (code && !strncmp(code, "11", 2)) {
        S_ROOM(st->acc, st->nacc);
        S_copy(st->acc[st->nacc].src, ST_CODE, source);
        S_copy(st->acc[st->nacc].tgt, ST_CODE, target);
        st->acc[st->nacc].at = st->sent;
        st->nacc++;
    }
}

int dyad__story_last_dyad(const dyad__story *st, const char **a, const char **b)
{
    if (dyad__ablated("story_last_dyad")) return 0;
    if (!st->dyad[0][0]) return 0;
    *a = st->dyad[0];
    *b = st->dyad[1];
    return 1;
}

int dyad__story_hostile_dyad(const dyad__story *st, const char **a, const char **b)
{
    if (dyad__ablated("story_hostile_dyad")) return 0;
    if (!st->hostile[0][0]) return 0;
    *a = st->hostile[0];
    *b = st->hostile[1];
    return 1;
}

int dyad__story_last_act(const dyad__story *st, const char **a, const char **b, unsigned *at,
                         const char **code)
{
    if (dyad__ablated("story_last_act")) return 0;
    if (!st->act[0][0]) return 0;
    *a = st->act[0];
    *b = st->act[1];
    *at = st->act_at;
    *code = st->act_code;
    return 1;
}

int dyad__story_leaders(const dyad__story *st, const char **a, const char **b)
{
    if (dyad__ablated("story_leaders")) return 0;
    if (!st->leaders[0][0]) return 0;
    *a = st->leaders[0];
    *b = st->leaders[1];
    return st->npairs;
}

size_t dyad__story_accusations(const dyad__story *st)
{
    if (dyad__ablated("story_accusations")) return 0;
    return (size_t)st->nacc;
}

void dyad__story_accusation(const dyad__story *st, size_t i, const char **src, const char **tgt,
                            unsigned *at)
{
    *src = st->acc[i].src;
    *tgt = st->acc[i].tgt;
    if (at) *at = st->acc[i].at;
}

/* ------------------------------------------- claims and judged acts */

void dyad__story_note_claim(dyad__story *st, const char *who, const char *about)
{
    if (!S_country(who) && strncmp(who ? who : "", "IGO", 3)) return;
    if (!S_country(about) || !strncmp(who, about, 3)) return;
    S_ROOM(st->claims, st->nclaims);
    S_copy(st->claims[st->nclaims].who, ST_CODE, who);
    S_copy(st->claims[st->nclaims].about, ST_CODE, about);
    st->claims[st->nclaims].at = st->sent;
    st->nclaims++;
}

/* The newest sentence within reach that carried a claim about cc's
 * country by a party of another country decides; two claimants of
 * different countries there: no answer. */
const char *dyad__story_claimant(const dyad__story *st, const char *cc, unsigned reach,
                                 unsigned *at)
{
    if (dyad__ablated("story_claimant")) return NULL;
    if (!S_country(cc)) return NULL;
    const char *found = NULL;
    unsigned when = 0;
    for (int k = st->nclaims; k-- > 0;) {
        if (st->claims[k].at + reach < st->sent) break;
        if (found && st->claims[k].at != when) break;
        if (strncmp(st->claims[k].about, cc, 3) || !strncmp(st->claims[k].who, cc, 3)) continue;
        if (found && strncmp(found, st->claims[k].who, 3)) return NULL;   /* ambiguous */
        if (!found) {
            found = st->claims[k].who;
            when = st->claims[k].at;
        }
    }
    if (found && at) *at = when;
    return found;
}

/* How much of a party's code names its side: a country's three letters,
 * else up to six (an organisation: "IGOUNO"). */
static size_t S_side_len(const char *code)
{
    size_t n = strlen(code);
    return S_country(code) ? 3 : n < 6 ? n : 6;
}

/* Whose the act is that a judgement by `judge` names only by a
 * description ("called the seizure theft", "said the shooting was a
 * provocation"): the story's last act between two parties, within
 * reach; judged by one of its sides, the other side; by a third party,
 * its doer.  kind (or NULL): the CAMEO code of the noun that describes
 * the act, whose root the act's must share.  NULL when none, too old,
 * of another kind, or the judge is on both sides. */
static int S_force_root(const char *code)
{
    return code[0] == '1' && code[1] >= '8';
}

const char *dyad__story_act_judged(const dyad__story *st, const char *judge, const char *kind,
                                   unsigned reach, unsigned *at)
{
    if (dyad__ablated("story_act_judged")) return NULL;
    if (!st->act[0][0] || st->act_at + reach < st->sent || !judge || strlen(judge) < 3)
        return NULL;
    /* the description names a kind of act ("the talks": 040): the last
     * act must be of its root (acts of force, 18-20, are one kind) */
    if (kind && strlen(kind) >= 2 && strlen(st->act_code) >= 2 &&
        strncmp(kind, st->act_code, 2) && !(S_force_root(kind) && S_force_root(st->act_code)) &&
        !(kind[0] == '2' && S_force_root(st->act_code)) && !(S_force_root(kind) && st->act_code[0] == '2'))
        return NULL;
    size_t n = S_side_len(judge);
    int in_a = !strncmp(st->act[0], judge, n), in_b = !strncmp(st->act[1], judge, n);
    if (in_a && in_b) return NULL;
    if (at) *at = st->act_at;
    return in_a ? st->act[1] : st->act[0];
}

/* The other side of the story's last consultation that the side of
 * `who` (its country; an organisation by its six letters) took part in,
 * within reach: what a later "Peru is negotiating a loan" continues.
 * The consultation before it, within reach too, with another party:
 * no answer. */
const char *dyad__story_consulted(const dyad__story *st, const char *who, unsigned reach,
                                  unsigned *at)
{
    if (dyad__ablated("story_consulted")) return NULL;
    if (!who || strlen(who) < 3 || !strncmp(who, "---", 3)) return NULL;
    size_t n = S_side_len(who);
    const char *found = NULL;
    for (int k = st->ncons; k-- > 0;) {
        if (st->cons[k].at + reach < st->sent) break;
        int in_a = !strncmp(st->cons[k].a, who, n), in_b = !strncmp(st->cons[k].b, who, n);
        if (in_a == in_b) continue;
        const char *other = in_a ? st->cons[k].b : st->cons[k].a;
        if (found) {
            size_t m = S_country(found) ? 3 : strlen(found);
            if (strncmp(found, other, m)) return NULL;   /* two others: ambiguous */
            continue;
        }
        found = other;
        if (at) *at = st->cons[k].at;
    }
    return found;
}

/* ------------------------------------------------------- owned acts */

/* The noun as kept: folded to lower case, a plural's "s" dropped
 * ("reports" and "report" are one). */
static void S_noun_key(char *dst, size_t cap, const char *w)
{
    size_t n = 0;
    for (; w[n] && n + 1 < cap; n++) dst[n] = (char)(w[n] >= 'A' && w[n] <= 'Z' ? w[n] + 32 : w[n]);
    dst[n] = 0;
    if (n > 3 && dst[n - 1] == 's' && dst[n - 2] != 's') dst[n - 1] = 0;
}

void dyad__story_note_owned(dyad__story *st, const char *noun, const char *code)
{
    if (!noun || !code || strlen(code) < 3 || !strncmp(code, "---", 3)) return;
    char key[ST_TEXT];
    S_noun_key(key, sizeof key, noun);
    for (int k = 0; k < st->nowned; k++)
        if (dyad__streq(st->owned[k].noun, key)) {
            size_t n = S_country(code) ? 3 : strlen(code);
            /* two owners in one sentence: "the report" could be either */
            if (st->owned[k].at == st->sent && strncmp(st->owned[k].code, code, n))
                code = "";
            S_DROP(st->owned, st->nowned, k);
            break;
        }
    S_ROOM(st->owned, st->nowned);
    S_copy(st->owned[st->nowned].noun, ST_TEXT, key);
    S_copy(st->owned[st->nowned].code, ST_CODE, code);
    st->owned[st->nowned].at = st->sent;
    st->nowned++;
}

const char *dyad__story_owner(const dyad__story *st, const char *noun, unsigned reach, unsigned *at)
{
    if (dyad__ablated("story_owner")) return NULL;
    char key[ST_TEXT];
    S_noun_key(key, sizeof key, noun);
    for (int k = st->nowned; k-- > 0;)
        if (dyad__streq(st->owned[k].noun, key)) {
            if (st->owned[k].at + reach < st->sent || !st->owned[k].code[0]) return NULL;
            if (at) *at = st->owned[k].at;
            return st->owned[k].code;
        }
    return NULL;
}

/* ----------------------------------------------------- home, quotation */

void dyad__story_count_country(dyad__story *st, const char *code)
{
    if (!S_country(code)) return;
    int j = 0;
    while (j < st->nseen && memcmp(st->seen[j].cc, code, 3)) j++;
    if (j == st->nseen) {
        if (st->nseen == ST_COUNTRIES) return;
        memcpy(st->seen[j].cc, code, 3);
        st->seen[j].cc[3] = 0;
        st->seen[j].n = st->seen[j].prior = 0;
        st->nseen++;
    }
    st->seen[j].n++;
}

const char *dyad__story_home_before(const dyad__story *st, const char *const *now, size_t nnow)
{
    if (dyad__ablated("story_home")) return NULL;
    int best = -1;
    unsigned bestn = 0;
    for (int j = 0; j < st->nseen; j++) {
        unsigned n = st->seen[j].prior;
        for (size_t k = 0; k < nnow; k++)
            if (now[k] && !memcmp(now[k], st->seen[j].cc, 3)) n++;
        if (n > 0 && (best < 0 || n > bestn)) best = j, bestn = n;
    }
    return best >= 0 ? st->seen[best].cc : NULL;
}

int dyad__story_main_pair(const dyad__story *st, const char **a, const char **b)
{
    if (dyad__ablated("story_main_pair")) return 0;
    int i1 = -1, i2 = -1;
    unsigned n3 = 0;
    for (int j = 0; j < st->nseen; j++) {
        unsigned n = st->seen[j].prior;
        if (i1 < 0 || n > st->seen[i1].prior) {
            if (i2 >= 0 && st->seen[i2].prior > n3) n3 = st->seen[i2].prior;
            i2 = i1;
            i1 = j;
        } else if (i2 < 0 || n > st->seen[i2].prior) {
            if (i2 >= 0 && st->seen[i2].prior > n3) n3 = st->seen[i2].prior;
            i2 = j;
        } else if (n > n3) {
            n3 = n;
        }
    }
    if (i1 < 0 || i2 < 0 || st->seen[i2].prior < 2 || st->seen[i2].prior <= n3) return 0;
    *a = st->seen[i1].cc;
    *b = st->seen[i2].cc;
    return 1;
}

int dyad__story_open_quote(const dyad__story *st)
{
    return st->open_quote;
}

void dyad__story_set_open_quote(dyad__story *st, int open)
{
    st->open_quote = open;
}
