/*
 * forms.c -- English word forms (text stage), for the dictionaries and the
 * lexicon: noun plurals (agents, synset members, issue and lexicon "n:"
 * words) and verb forms (verb lines written without {...}, issue and
 * lexicon "v:" words).  Verbs in dyad's
 * own irregular-verb table get their listed past and participle forms;
 * the rest follow the spelling rules (SAY-S, PLAY-ED, CARRY-IED, STOP-PED,
 * AGREE-ING, MAKE-ING, DIE-YING, PANIC-KED).  What must stay true: the
 * output is upper case and a pure function of the input word; generating
 * an extra form is harmless, missing one loses matches.
 */
#include "text.h"

#include <string.h>

/* dyad's irregular verbs: base, past, past participle; '/' separates
 * variants.  Written for dyad from general English usage. */
static const char *const S_irregular[][3] = {
    {"ARISE", "AROSE", "ARISEN"},          {"AWAKE", "AWOKE", "AWOKEN"},
    {"BE", "WAS/WERE", "BEEN"},            {"BEAR", "BORE", "BORNE/BORN"},
    {"BEAT", "BEAT", "BEATEN"},            {"BECOME", "BECAME", "BECOME"},
    {"BEFALL", "BEFELL", "BEFALLEN"},      {"BEGIN", "BEGAN", "BEGUN"},
    {"BEHOLD", "BEHELD", "BEHELD"},        {"BEND", "BENT", "BENT"},
    {"BESET", "BESET", "BESET"},           {"BESEECH", "BESOUGHT", "BESOUGHT"},
    {"BET", "BET", "BET"},                 {"BID", "BID/BADE", "BID/BIDDEN"},
    {"BIND", "BOUND", "BOUND"},            {"BITE", "BIT", "BITTEN"},
    {"BLEED", "BLED", "BLED"},             {"BLOW", "BLEW", "BLOWN"},
    {"BREAK", "BROKE", "BROKEN"},          {"BREED", "BRED", "BRED"},
    {"BRING", "BROUGHT", "BROUGHT"},       {"BROADCAST", "BROADCAST", "BROADCAST"},
    {"BUILD", "BUILT", "BUILT"},           {"BURN", "BURNT/BURNED", "BURNT/BURNED"},
    {"BURST", "BURST", "BURST"},           {"BUY", "BOUGHT", "BOUGHT"},
    {"CAST", "CAST", "CAST"},              {"CATCH", "CAUGHT", "CAUGHT"},
    {"CHOOSE", "CHOSE", "CHOSEN"},         {"CLING", "CLUNG", "CLUNG"},
    {"COME", "CAME", "COME"},              {"COST", "COST", "COST"},
    {"CREEP", "CREPT", "CREPT"},           {"CUT", "CUT", "CUT"},
    {"DEAL", "DEALT", "DEALT"},            {"DIG", "DUG", "DUG"},
    {"DIVE", "DOVE/DIVED", "DIVED"},       {"DO", "DID", "DONE"},
    {"DRAW", "DREW", "DRAWN"},             {"DREAM", "DREAMT/DREAMED", "DREAMT/DREAMED"},
    {"DRINK", "DRANK", "DRUNK"},           {"DRIVE", "DROVE", "DRIVEN"},
    {"DWELL", "DWELT", "DWELT"},           {"EAT", "ATE", "EATEN"},
    {"FALL", "FELL", "FALLEN"},            {"FEED", "FED", "FED"},
    {"FEEL", "FELT", "FELT"},              {"FIGHT", "FOUGHT", "FOUGHT"},
    {"FIND", "FOUND", "FOUND"},            {"FLEE", "FLED", "FLED"},
    {"FLING", "FLUNG", "FLUNG"},           {"FLY", "FLEW", "FLOWN"},
    {"FORBID", "FORBADE/FORBID", "FORBIDDEN"}, {"FORECAST", "FORECAST", "FORECAST"},
    {"FORESEE", "FORESAW", "FORESEEN"},    {"FORETELL", "FORETOLD", "FORETOLD"},
    {"FORGET", "FORGOT", "FORGOTTEN"},     {"FORGIVE", "FORGAVE", "FORGIVEN"},
    {"FORGO", "FORWENT", "FORGONE"},       {"FORSAKE", "FORSOOK", "FORSAKEN"},
    {"FREEZE", "FROZE", "FROZEN"},         {"GAINSAY", "GAINSAID", "GAINSAID"},
    {"GET", "GOT", "GOTTEN/GOT"},          {"GIVE", "GAVE", "GIVEN"},
    {"GO", "WENT", "GONE"},                {"GRIND", "GROUND", "GROUND"},
    {"GROW", "GREW", "GROWN"},             {"HANG", "HUNG/HANGED", "HUNG/HANGED"},
    {"HAVE", "HAD", "HAD"},                {"HEAR", "HEARD", "HEARD"},
    {"HIDE", "HID", "HIDDEN"},             {"HIT", "HIT", "HIT"},
    {"HOLD", "HELD", "HELD"},              {"HURT", "HURT", "HURT"},
    {"INPUT", "INPUT", "INPUT"},           {"KEEP", "KEPT", "KEPT"},
    {"KNEEL", "KNELT/KNEELED", "KNELT/KNEELED"}, {"KNIT", "KNIT/KNITTED", "KNIT/KNITTED"},
    {"KNOW", "KNEW", "KNOWN"},             {"LAY", "LAID", "LAID"},
    {"LEAD", "LED", "LED"},                {"LEAN", "LEANT/LEANED", "LEANT/LEANED"},
    {"LEAP", "LEAPT/LEAPED", "LEAPT/LEAPED"}, {"LEARN", "LEARNT/LEARNED", "LEARNT/LEARNED"},
    {"LEAVE", "LEFT", "LEFT"},             {"LEND", "LENT", "LENT"},
    {"LET", "LET", "LET"},                 {"LIE", "LAY/LIED", "LAIN/LIED"},
    {"LIGHT", "LIT/LIGHTED", "LIT/LIGHTED"}, {"LOSE", "LOST", "LOST"},
    {"MAKE", "MADE", "MADE"},              {"MEAN", "MEANT", "MEANT"},
    {"MEET", "MET", "MET"},                {"MISHEAR", "MISHEARD", "MISHEARD"},
    {"MISLAY", "MISLAID", "MISLAID"},      {"MISLEAD", "MISLED", "MISLED"},
    {"MISTAKE", "MISTOOK", "MISTAKEN"},    {"MISUNDERSTAND", "MISUNDERSTOOD", "MISUNDERSTOOD"},
    {"MOW", "MOWED", "MOWN/MOWED"},        {"OFFSET", "OFFSET", "OFFSET"},
    {"OUTBID", "OUTBID", "OUTBID"},        {"OUTDO", "OUTDID", "OUTDONE"},
    {"OUTGROW", "OUTGREW", "OUTGROWN"},    {"OUTRUN", "OUTRAN", "OUTRUN"},
    {"OUTSELL", "OUTSOLD", "OUTSOLD"},     {"OVERCOME", "OVERCAME", "OVERCOME"},
    {"OVERDO", "OVERDID", "OVERDONE"},     {"OVERHEAR", "OVERHEARD", "OVERHEARD"},
    {"OVERPAY", "OVERPAID", "OVERPAID"},   {"OVERRIDE", "OVERRODE", "OVERRIDDEN"},
    {"OVERRUN", "OVERRAN", "OVERRUN"},     {"OVERSEE", "OVERSAW", "OVERSEEN"},
    {"OVERSHOOT", "OVERSHOT", "OVERSHOT"}, {"OVERSPEND", "OVERSPENT", "OVERSPENT"},
    {"OVERTAKE", "OVERTOOK", "OVERTAKEN"}, {"OVERTHROW", "OVERTHREW", "OVERTHROWN"},
    {"PARTAKE", "PARTOOK", "PARTAKEN"},    {"PAY", "PAID", "PAID"},
    {"PROVE", "PROVED", "PROVEN/PROVED"},  {"PUT", "PUT", "PUT"},
    {"QUIT", "QUIT/QUITTED", "QUIT/QUITTED"}, {"READ", "READ", "READ"},
    {"REBUILD", "REBUILT", "REBUILT"},     {"RECAST", "RECAST", "RECAST"},
    {"REDO", "REDID", "REDONE"},           {"REMAKE", "REMADE", "REMADE"},
    {"REPAY", "REPAID", "REPAID"},         {"RERUN", "RERAN", "RERUN"},
    {"RESELL", "RESOLD", "RESOLD"},        {"RESEND", "RESENT", "RESENT"},
    {"RESET", "RESET", "RESET"},           {"RETAKE", "RETOOK", "RETAKEN"},
    {"RETELL", "RETOLD", "RETOLD"},        {"RETHINK", "RETHOUGHT", "RETHOUGHT"},
    {"REWRITE", "REWROTE", "REWRITTEN"},   {"RID", "RID", "RID"},
    {"RIDE", "RODE", "RIDDEN"},            {"RING", "RANG", "RUNG"},
    {"RISE", "ROSE", "RISEN"},             {"RUN", "RAN", "RUN"},
    {"SAW", "SAWED", "SAWN/SAWED"},        {"SAY", "SAID", "SAID"},
    {"SEE", "SAW", "SEEN"},                {"SEEK", "SOUGHT", "SOUGHT"},
    {"SELL", "SOLD", "SOLD"},              {"SEND", "SENT", "SENT"},
    {"SET", "SET", "SET"},                 {"SEW", "SEWED", "SEWN/SEWED"},
    {"SHAKE", "SHOOK", "SHAKEN"},          {"SHED", "SHED", "SHED"},
    {"SHINE", "SHONE/SHINED", "SHONE/SHINED"}, {"SHOOT", "SHOT", "SHOT"},
    {"SHOW", "SHOWED", "SHOWN/SHOWED"},    {"SHRINK", "SHRANK/SHRUNK", "SHRUNK"},
    {"SHUT", "SHUT", "SHUT"},              {"SING", "SANG", "SUNG"},
    {"SINK", "SANK", "SUNK"},              {"SIT", "SAT", "SAT"},
    {"SLAY", "SLEW", "SLAIN"},             {"SLEEP", "SLEPT", "SLEPT"},
    {"SLIDE", "SLID", "SLID"},             {"SLING", "SLUNG", "SLUNG"},
    {"SLIT", "SLIT", "SLIT"},              {"SMELL", "SMELT/SMELLED", "SMELT/SMELLED"},
    {"SOW", "SOWED", "SOWN/SOWED"},        {"SPEAK", "SPOKE", "SPOKEN"},
    {"SPEED", "SPED/SPEEDED", "SPED/SPEEDED"}, {"SPELL", "SPELT/SPELLED", "SPELT/SPELLED"},
    {"SPEND", "SPENT", "SPENT"},           {"SPILL", "SPILT/SPILLED", "SPILT/SPILLED"},
    {"SPIN", "SPUN", "SPUN"},              {"SPIT", "SPAT/SPIT", "SPAT/SPIT"},
    {"SPLIT", "SPLIT", "SPLIT"},           {"SPOIL", "SPOILT/SPOILED", "SPOILT/SPOILED"},
    {"SPREAD", "SPREAD", "SPREAD"},        {"SPRING", "SPRANG", "SPRUNG"},
    {"STAND", "STOOD", "STOOD"},           {"STEAL", "STOLE", "STOLEN"},
    {"STICK", "STUCK", "STUCK"},           {"STING", "STUNG", "STUNG"},
    {"STINK", "STANK", "STUNK"},           {"STRIDE", "STRODE", "STRIDDEN"},
    {"STRIKE", "STRUCK", "STRUCK/STRICKEN"}, {"STRING", "STRUNG", "STRUNG"},
    {"STRIVE", "STROVE", "STRIVEN"},       {"SUBLET", "SUBLET", "SUBLET"},
    {"SWEAR", "SWORE", "SWORN"},           {"SWEEP", "SWEPT", "SWEPT"},
    {"SWELL", "SWELLED", "SWOLLEN/SWELLED"}, {"SWIM", "SWAM", "SWUM"},
    {"SWING", "SWUNG", "SWUNG"},           {"TAKE", "TOOK", "TAKEN"},
    {"TEACH", "TAUGHT", "TAUGHT"},         {"TEAR", "TORE", "TORN"},
    {"TELL", "TOLD", "TOLD"},              {"THINK", "THOUGHT", "THOUGHT"},
    {"THROW", "THREW", "THROWN"},          {"THRUST", "THRUST", "THRUST"},
    {"TREAD", "TROD", "TRODDEN"},          {"UNDERCUT", "UNDERCUT", "UNDERCUT"},
    {"UNDERGO", "UNDERWENT", "UNDERGONE"}, {"UNDERPAY", "UNDERPAID", "UNDERPAID"},
    {"UNDERSTAND", "UNDERSTOOD", "UNDERSTOOD"}, {"UNDERTAKE", "UNDERTOOK", "UNDERTAKEN"},
    {"UNDERWRITE", "UNDERWROTE", "UNDERWRITTEN"}, {"UNDO", "UNDID", "UNDONE"},
    {"UNWIND", "UNWOUND", "UNWOUND"},      {"UPHOLD", "UPHELD", "UPHELD"},
    {"UPSET", "UPSET", "UPSET"},           {"WAKE", "WOKE", "WOKEN"},
    {"WAYLAY", "WAYLAID", "WAYLAID"},      {"WEAR", "WORE", "WORN"},
    {"WEAVE", "WOVE", "WOVEN"},            {"WED", "WED/WEDDED", "WED/WEDDED"},
    {"WEEP", "WEPT", "WEPT"},              {"WET", "WET/WETTED", "WET/WETTED"},
    {"WIN", "WON", "WON"},                 {"WIND", "WOUND", "WOUND"},
    {"WITHDRAW", "WITHDREW", "WITHDRAWN"}, {"WITHHOLD", "WITHHELD", "WITHHELD"},
    {"WITHSTAND", "WITHSTOOD", "WITHSTOOD"}, {"WRING", "WRUNG", "WRUNG"},
    {"WRITE", "WROTE", "WRITTEN"},
};

/* Regular verbs of more than one syllable whose final consonant doubles
 * (stress on the last syllable). */
static const char *const S_doubling[] = {
    "ABET", "ABHOR", "ACQUIT", "ADMIT", "ALLOT", "ANNUL", "BEFIT", "COMMIT",
    "COMPEL", "CONCUR", "CONFER", "CONTROL", "DEBAR", "DEFER", "DEMUR", "DETER",
    "DISBAR", "DISPEL", "EMBED", "EMIT", "EQUIP", "EXCEL", "EXPEL", "EXTOL",
    "IMPEL", "INCUR", "INFER", "INTER", "OCCUR", "OMIT", "OUTFIT", "OUTSTRIP",
    "OUTWIT", "PATROL", "PERMIT", "PROPEL", "REBEL", "REBUT", "RECUR", "REFER",
    "REFIT", "REGRET", "REMIT", "REPEL", "RESUBMIT", "SUBMIT", "TRANSFER",
    "TRANSMIT", "UNDERPIN", "UNPLUG",
};

static int S_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
static int S_alpha(char c) { return c >= 'A' && c <= 'Z'; }

static int S_eq(const char *w, size_t n, const char *s)
{
    if (n && s[0] != w[0]) return 0; /* most table words differ there: no strlen */
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* Number of vowel groups (Y counts as a vowel except first; the U of QU
 * does not count). */
static int S_syllables(const char *w, size_t n)
{
    int groups = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int v = (S_vowel(w[i]) && !(w[i] == 'U' && i > 0 && w[i - 1] == 'Q')) ||
                (w[i] == 'Y' && i > 0);
        if (v && !in) groups++;
        in = v;
    }
    return groups;
}

/* Final consonant doubles before -ED / -ING. */
static int S_doubles(const char *w, size_t n)
{
    if (n < 3) return 0;
    char a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (!S_alpha(a) || !S_alpha(b) || !S_alpha(c)) return 0;
    if (S_vowel(c) || c == 'W' || c == 'X' || c == 'Y') return 0;
    /* the U of QU is a consonant: QUIT-TING, EQUIP-PED */
    int a_vowel = S_vowel(a) && !(a == 'U' && n >= 4 && w[n - 4] == 'Q');
    if (!S_vowel(b) || a_vowel) return 0;
    if (S_syllables(w, n) == 1) return 1;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_doubling); i++)
        if (S_eq(w, n, S_doubling[i])) return 1;
    return 0;
}

static size_t S_put(char out[][64], size_t k, size_t max, const char *a, size_t an,
                    const char *b)
{
    if (k >= max) return k;
    size_t bn = strlen(b);
    if (an + bn >= 64) return k;
    memcpy(out[k], a, an);
    memcpy(out[k] + an, b, bn + 1);
    for (size_t i = 0; i < k; i++)
        if (strcmp(out[i], out[k]) == 0) return k;
    return k + 1;
}

/* Adds the '/'-separated variants of s. */
static size_t S_put_variants(char out[][64], size_t k, size_t max, const char *s)
{
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        k = S_put(out, k, max, s, n, "");
        s += n;
        if (*s == '/') s++;
    }
    return k;
}

static size_t S_third(const char *w, size_t n, char out[][64], size_t k, size_t max)
{
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    if (last == 'Y' && n > 1 && !S_vowel(prev)) return S_put(out, k, max, w, n - 1, "IES");
    if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')) ||
        (last == 'O' && n > 1 && !S_vowel(prev)))
        return S_put(out, k, max, w, n, "ES");
    return S_put(out, k, max, w, n, "S");
}

static size_t S_past(const char *w, size_t n, char out[][64], size_t k, size_t max)
{
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    char dbl[66];
    if (last == 'E') return S_put(out, k, max, w, n, "D");
    if (last == 'Y' && n > 1 && !S_vowel(prev)) return S_put(out, k, max, w, n - 1, "IED");
    if (last == 'C' && prev == 'I' && n > 3) return S_put(out, k, max, w, n, "KED");
    if (S_doubles(w, n) && n < 62) {
        memcpy(dbl, w, n);
        dbl[n] = last;
        return S_put(out, k, max, dbl, n + 1, "ED");
    }
    k = S_put(out, k, max, w, n, "ED");
    /* British doubling of a final L (CANCELLED, TRAVELLED) as a variant. */
    if (last == 'L' && n > 2 && S_vowel(prev) && !S_vowel(w[n - 3]) && S_syllables(w, n) > 1 &&
        n < 62) {
        memcpy(dbl, w, n);
        dbl[n] = 'L';
        k = S_put(out, k, max, dbl, n + 1, "ED");
    }
    return k;
}

static size_t S_ing(const char *w, size_t n, char out[][64], size_t k, size_t max)
{
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    char dbl[66];
    if (last == 'E' && prev == 'I') {
        if (n < 62) {
            memcpy(dbl, w, n - 2);
            return S_put(out, k, max, dbl, n - 2, "YING");
        }
        return k;
    }
    if (last == 'E' && (prev == 'E' || prev == 'O' || prev == 'Y' || n <= 2))
        return S_put(out, k, max, w, n, "ING");
    if (last == 'E') return S_put(out, k, max, w, n - 1, "ING");
    if (last == 'C' && prev == 'I' && n > 3) return S_put(out, k, max, w, n, "KING");
    if (S_doubles(w, n) && n < 62) {
        memcpy(dbl, w, n);
        dbl[n] = last;
        return S_put(out, k, max, dbl, n + 1, "ING");
    }
    k = S_put(out, k, max, w, n, "ING");
    if (last == 'L' && n > 2 && S_vowel(prev) && !S_vowel(w[n - 3]) && S_syllables(w, n) > 1 &&
        n < 62) {
        memcpy(dbl, w, n);
        dbl[n] = 'L';
        k = S_put(out, k, max, dbl, n + 1, "ING");
    }
    return k;
}

size_t dyad__verb_forms(const char *w, size_t n, char out[][64], size_t max)
{
    size_t k = 0;
    if (n == 0 || n >= 60) return 0;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(S_irregular); i++) {
        if (!S_eq(w, n, S_irregular[i][0])) continue;
        if (S_eq(w, n, "BE")) {
            k = S_put_variants(out, k, max, "AM/IS/ARE/WAS/WERE/BEEN/BEING");
            return k;
        }
        if (S_eq(w, n, "HAVE")) k = S_put(out, k, max, "HAS", 3, "");
        else k = S_third(w, n, out, k, max);
        k = S_put_variants(out, k, max, S_irregular[i][1]);
        k = S_put_variants(out, k, max, S_irregular[i][2]);
        if (S_eq(w, n, "LIE")) return S_put(out, k, max, "LYING", 5, "");
        return S_ing(w, n, out, k, max);
    }
    k = S_third(w, n, out, k, max);
    k = S_past(w, n, out, k, max);
    return S_ing(w, n, out, k, max);
}

size_t dyad__noun_plural(const char *w, size_t n, char out[][64], size_t max)
{
    size_t k = 0;
    if (n == 0 || n >= 60 || max == 0) return 0;
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    if (!S_alpha(last)) return 0;
    static const char *const man_exceptions[] = {"HUMAN", "GERMAN", "ROMAN", "SHAMAN",
                                                 "OTTOMAN", "TALISMAN", "CAYMAN", "OMAN"};
    if (n >= 3 && memcmp(w + n - 3, "MAN", 3) == 0) {
        int exc = 0;
        for (size_t i = 0; i < DYAD_ARRAY_LEN(man_exceptions); i++)
            if (S_eq(w, n, man_exceptions[i])) exc = 1;
        if (!exc) return S_put(out, k, max, w, n - 3, "MEN");
    }
    if (S_eq(w, n, "CHILD")) return S_put(out, k, max, w, n, "REN");
    if (last == 'Y' && n > 1 && !S_vowel(prev)) return S_put(out, k, max, w, n - 1, "IES");
    if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')))
        return S_put(out, k, max, w, n, "ES");
    return S_put(out, k, max, w, n, "S");
}
