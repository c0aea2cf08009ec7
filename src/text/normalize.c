/*
 * normalize.c -- makes the text the later stages read: NFC (through
 * utf8proc), typographic quotes/dashes/spaces folded to their ASCII
 * equivalents, invisible characters dropped, line ends made "\n".  Every
 * output byte remembers the original byte it came from, so tokens and
 * sentences report offsets into the document as the user has it.
 * ASCII is copied straight through; utf8proc is only called for clusters
 * that may change under NFC.
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define DYAD__NFC_MARKS 30  /* combining marks normalised with a code point */

void dyad__norm_init(dyad__norm *n)
{
    dyad__buf_init(&n->text);
    n->segs = NULL;
    n->nsegs = n->cap_segs = 0;
}

void dyad__norm_free(dyad__norm *n)
{
    dyad__buf_free(&n->text);
    free(n->segs);
    n->segs = NULL;
    n->nsegs = n->cap_segs = 0;
}

/* The fold table: code points replaced by an ASCII string ("" drops). */
static const char *S_fold(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x00B4:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2033:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
    case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2014: case 0x2015:
        return "--";
    case 0x2026:
        return "...";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008:
    case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
    case 0x0085:
        return " ";
    case 0x2028: case 0x2029:
        return "\n";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x00AD:
        return "";
    default:
        return NULL;
    }
}

static int S_seg_reserve(dyad__norm *n)
{
    if (n->nsegs < n->cap_segs) return 0;
    size_t cap = n->cap_segs ? n->cap_segs * 2 : 64;
    dyad__nseg *v = realloc(n->segs, cap * sizeof *v);
    if (!v) return -1;
    n->segs = v;
    n->cap_segs = cap;
    return 0;
}

/* Maps the next k norm bytes (from text.len on) to orig + min(i, span):
 * a new segment unless the last one already says so. */
static int S_map(dyad__norm *n, size_t k, size_t orig, size_t span)
{
    if (k == 0) return 0;
    size_t at = n->text.len;
    int linear = span >= k - 1;   /* byte for byte over these k */
    if (n->nsegs) {
        const dyad__nseg *l = &n->segs[n->nsegs - 1];
        if (linear && l->span == UINT32_MAX && (size_t)l->orig + (at - l->norm) == orig) return 0;
    }
    if (S_seg_reserve(n) != 0) return -1;
    n->segs[n->nsegs].norm = (uint32_t)at;
    n->segs[n->nsegs].orig = (uint32_t)orig;
    n->segs[n->nsegs].span = linear ? UINT32_MAX : (uint32_t)span;
    n->nsegs++;
    return 0;
}

size_t dyad__norm_orig(const dyad__norm *n, size_t i, size_t *cur)
{
    size_t c = *cur < n->nsegs ? *cur : 0;
    if (n->segs[c].norm > i) {
        /* the last segment starting at or before i */
        size_t lo = 0, hi = c;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (n->segs[mid].norm <= i) lo = mid; else hi = mid;
        }
        c = lo;
    }
    while (c + 1 < n->nsegs && n->segs[c + 1].norm <= i) c++;
    *cur = c;
    size_t k = i - n->segs[c].norm;
    return (size_t)n->segs[c].orig + (k < n->segs[c].span ? k : n->segs[c].span);
}

/* Appends the normalised form of a cluster of inlen original bytes at
 * orig.  Output byte k maps to orig + min(k, inlen - 1): identical when
 * nothing changed, and still increasing inside the cluster when it did,
 * so a token boundary inside a cluster keeps start < end. */
static int S_emit_cluster(dyad__norm *n, const char *p, size_t k, size_t orig,
                          size_t inlen)
{
    if (S_map(n, k, orig, inlen - 1) != 0) return -1;
    dyad__buf_append(&n->text, p, k);
    return n->text.oom ? -1 : 0;
}

/* Appends bytes that all map to original offset `orig`. */
static int S_emit(dyad__norm *n, const char *p, size_t k, size_t orig)
{
    return S_emit_cluster(n, p, k, orig, 1);
}

static int S_needs_nfc(int32_t cp)
{
    const utf8proc_property_t *pr = utf8proc_get_property(cp);
    return pr->decomp_seqindex != UINT16_MAX || pr->comp_exclusion ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF);
}

dyad_status dyad__normalize(dyad__norm *n, const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    dyad__buf_clear(&n->text);
    n->text.oom = 0;
    n->nsegs = 0;
    if (dyad__buf_reserve(&n->text, len + 16) != 0) return DYAD_ENOMEM;
    size_t i = 0;
    while (i < len) {
        /* ASCII run: copied directly (CR and other controls handled). */
        size_t j = i;
        /* eight bytes at a time while none is >= 0x80 or < 0x20 (a byte
         * below 0x20 borrows in w - 0x20.. and keeps its top bit clear
         * in w; a borrow reaches a higher byte only past such a byte) */
        while (j + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + j, 8);
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull))
                break;
            j += 8;
        }
        while (j < len && s[j] < 0x80 && s[j] >= 0x20) j++;
        /* an ASCII letter followed by a combining mark must go through
         * composition: leave it for the cluster path */
        if (j < len && s[j] >= 0x80 && j > i) j--;
        if (j > i) {
            if (S_map(n, j - i, i, UINT32_MAX) != 0) return DYAD_ENOMEM;
            dyad__buf_append(&n->text, src + i, j - i);
            if (n->text.oom) return DYAD_ENOMEM;
            i = j;
            if (i >= len) break;
        }
        unsigned c = s[i];
        if (c < 0x80) {
            int rc;
            if (c == '\n' || c == '\t') rc = S_emit(n, (const char *)s + i, 1, i);
            else if (c == '\r') {
                /* CR LF: one "\n" mapped to the CR, so a token before it
                 * ends before the CR */
                rc = S_emit(n, "\n", 1, i);
                if (i + 1 < len && s[i + 1] == '\n') i++;
            } else if (c < 0x20 || c == 0x7f) {
                rc = S_emit(n, " ", 1, i);      /* other control characters */
            } else {
                goto cluster;                  /* ASCII starter of a cluster */
            }
            if (rc) return DYAD_ENOMEM;
            i++;
            continue;
        }
    cluster:;
        int32_t cp;
        size_t k = dyad__utf8_decode(s + i, len - i, &cp);
        if (k == 0) {                   /* caller promised valid UTF-8 */
            if (S_emit(n, "\xEF\xBF\xBD", 3, i)) return DYAD_ENOMEM;
            i++;
            continue;
        }
        const char *f = S_fold(cp);
        if (f) {
            if (S_emit(n, f, strlen(f), i)) return DYAD_ENOMEM;
            i += k;
            continue;
        }
        /* The cluster: this code point and the combining marks after it,
         * at most DYAD__NFC_MARKS of them (the Stream-Safe Text Format of
         * UAX #15): utf8proc orders and composes marks in time quadratic
         * in their number, so a run of 100,000 marks would take minutes.
         * The marks beyond start the next cluster, as if a CGJ stood
         * between; real text never has that many. */
        size_t end = i + k;
        int complex = S_needs_nfc(cp);
        for (int marks = 0; end < len && marks < DYAD__NFC_MARKS; marks++) {
            int32_t cp2;
            size_t k2 = dyad__utf8_decode(s + end, len - end, &cp2);
            if (k2 == 0 || utf8proc_get_property(cp2)->combining_class == 0) break;
            complex = 1;
            end += k2;
        }
        if (!complex) {
            if (S_emit(n, (const char *)s + i, k, i)) return DYAD_ENOMEM;
            i = end;
            continue;
        }
        utf8proc_uint8_t *out = NULL;
        utf8proc_ssize_t m = utf8proc_map(s + i, (utf8proc_ssize_t)(end - i), &out,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        int rc = m >= 0 ? S_emit_cluster(n, (const char *)out, (size_t)m, i, end - i)
                        : S_emit_cluster(n, (const char *)s + i, end - i, i, end - i);
        free(out);
        if (rc) return DYAD_ENOMEM;
        i = end;
    }
    /* the end: norm byte text.len comes from original byte len */
    if (S_seg_reserve(n) != 0) return DYAD_ENOMEM;
    n->segs[n->nsegs].norm = (uint32_t)n->text.len;
    n->segs[n->nsegs].orig = (uint32_t)len;
    n->segs[n->nsegs].span = 0;
    n->nsegs++;
    dyad__buf_cstr(&n->text);
    return DYAD_OK;
}
