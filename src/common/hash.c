/*
 * hash.c -- content hashes: a 64-bit hash of bytes for telling texts and
 * dictionary sets apart (the event store's text and dictionary hashes).
 * Not cryptographic.  Invariant: the same bytes give the same hash on
 * every machine (words are assembled little-endian, whatever the CPU).
 */
#include "common.h"

#include <string.h>

#define S_PRIME 0x100000001b3ull
#define S_BASIS 0xcbf29ce484222325ull

/* The eight bytes at s as a little-endian word. */
static inline uint64_t S_word(const unsigned char *s)
{
    uint64_t w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&w, s, 8); /* one load */
#else
    w = 0;
    for (int k = 7; k >= 0; k--) w = (w << 8) | s[k];
#endif
    return w;
}

static inline uint64_t S_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * S_PRIME;
    return h ^ (h >> 29);
}

uint64_t dyad__hash64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    h ^= S_BASIS;
    size_t i = 0;
    /* four words per turn (fewer loop tests), the same steps as one */
    for (; i + 32 <= n; i += 32) {
        h = S_step(h, S_word(s + i));
        h = S_step(h, S_word(s + i + 8));
        h = S_step(h, S_word(s + i + 16));
        h = S_step(h, S_word(s + i + 24));
    }
    for (; i + 8 <= n; i += 8) h = S_step(h, S_word(s + i));
    uint64_t w = 0;
    for (size_t k = n; k > i; k--) w = (w << 8) | s[k - 1];
    h = (h ^ w ^ ((uint64_t)(n - i) << 56)) * S_PRIME;
    h ^= (uint64_t)n;
    return dyad__mix64(h);
}

void dyad__hash_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 15];
        h >>= 4;
    }
    out[16] = 0;
}
