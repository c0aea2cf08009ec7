/*
 * bench_minhash.c -- how well the store's story signature estimates the
 * resemblance of two texts, against classic MinHash with 64 hash
 * functions (what the store used before one-permutation hashing).
 * Random texts of N words from a 20,000-word vocabulary; the copy has
 * each word replaced with probability p; the true resemblance of their
 * word 3-shingle sets is computed exactly.  Prints, per (N, p), the mean
 * true resemblance, each estimator's bias and standard deviation, and
 * how many of the pairs each calls near (estimate >= 0.5).
 * usage: bench_minhash [PAIRS]   (default 300; deterministic)
 */
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXW 1000

/* Classic MinHash over the same shingles: 64 multiply-shift functions. */
static uint32_t S_perm(uint64_t h, size_t k)
{
    uint64_t x = h ^ (0x9e3779b97f4a7c15ull * (k + 1));
    uint64_t m = (0xbf58476d1ce4e5b9ull * (2 * k + 1)) | 1;
    return (uint32_t)((x * m) >> 32);
}

static void S_classic(const int *w, size_t n, uint32_t sig[DYAD__STORY_SIG])
{
    for (size_t k = 0; k < DYAD__STORY_SIG; k++) sig[k] = UINT32_MAX;
    for (size_t i = 2; i < n; i++) {
        uint64_t sh = dyad__mix64(dyad__mix64(dyad__mix64((uint64_t)w[i - 2]) ^ (uint64_t)w[i - 1]) ^
                                  (uint64_t)w[i]);
        for (size_t k = 0; k < DYAD__STORY_SIG; k++) {
            uint32_t v = S_perm(sh, k);
            if (v < sig[k]) sig[k] = v;
        }
    }
}

static uint64_t S_state = 88172645463325252ull;
static uint64_t S_rand(void)
{
    S_state ^= S_state << 13;
    S_state ^= S_state >> 7;
    S_state ^= S_state << 17;
    return S_state;
}

static int S_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The distinct shingles of w, sorted; returns their number. */
static size_t S_shingles(const int *w, size_t n, uint64_t *out)
{
    size_t m = 0, u = 0;
    for (size_t i = 2; i < n; i++)
        out[m++] = ((uint64_t)w[i - 2] * 1000003u + (uint64_t)w[i - 1]) * 1000003u + (uint64_t)w[i];
    qsort(out, m, sizeof *out, S_cmp);
    for (size_t i = 0; i < m; i++)
        if (!u || out[u - 1] != out[i]) out[u++] = out[i];
    return u;
}

static double S_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) { both++; i++; j++; }
        else if (a[i] < b[j]) i++;
        else j++;
    }
    return na + nb ? (double)both / (double)(na + nb - both) : 1.0;
}

static size_t S_text(const int *w, size_t n, char *buf)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += (size_t)sprintf(buf + len, "w%d ", w[i]);
    return len;
}

int main(int argc, char **argv)
{
    int pairs = argc > 1 ? atoi(argv[1]) : 300;
    if (pairs <= 0) pairs = 300;
    static const size_t sizes[] = {20, 40, 80, 300, 1000};
    static const double ps[] = {0.02, 0.05, 0.1, 0.2, 0.4};
    static int a[MAXW], b[MAXW];
    static uint64_t sa[MAXW], sb[MAXW];
    static char ta[MAXW * 8], tb[MAXW * 8];
    printf("| words | p | true resemblance | classic bias | classic sd | classic near | "
           "one-permutation bias | one-permutation sd | one-permutation near |\n");
    printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++)
        for (size_t pi = 0; pi < sizeof ps / sizeof *ps; pi++) {
            double sum_j = 0, bias[2] = {0, 0}, sq[2] = {0, 0};
            int near[2] = {0, 0};
            size_t n = sizes[si];
            for (int t = 0; t < pairs; t++) {
                for (size_t i = 0; i < n; i++) {
                    a[i] = (int)(S_rand() % 20000);
                    b[i] = (double)(S_rand() % 10000) < ps[pi] * 10000 ? (int)(S_rand() % 20000) : a[i];
                }
                size_t na = S_shingles(a, n, sa), nb = S_shingles(b, n, sb);
                double j = S_jaccard(sa, na, sb, nb);
                uint32_t x[DYAD__STORY_SIG], y[DYAD__STORY_SIG];
                double est[2];
                S_classic(a, n, x);
                S_classic(b, n, y);
                est[0] = dyad__story_similarity(x, y);
                dyad__story_signature(ta, S_text(a, n, ta), x);
                dyad__story_signature(tb, S_text(b, n, tb), y);
                est[1] = dyad__story_similarity(x, y);
                sum_j += j;
                for (int e = 0; e < 2; e++) {
                    bias[e] += est[e] - j;
                    sq[e] += (est[e] - j) * (est[e] - j);
                    near[e] += est[e] >= 0.5;
                }
            }
            printf("| %zu | %.2f | %.3f | %+.3f | %.3f | %d | %+.3f | %.3f | %d |\n", n, ps[pi],
                   sum_j / pairs, bias[0] / pairs, sqrt(sq[0] / pairs), near[0], bias[1] / pairs,
                   sqrt(sq[1] / pairs), near[1]);
        }
    return 0;
}
