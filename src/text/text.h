/*
 * text.h -- the text stage: UTF-8 normalisation with an offset map back to
 * the original bytes, tokenisation, paragraphs, sentence splitting,
 * datelines and boilerplate.  Input is a document's raw text; output is
 * dyad_token and dyad_sentence arrays whose offsets point into that raw
 * text.  Invariant: any valid UTF-8 input is accepted; nothing here fails
 * except for memory.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "../common/common.h"

#include <stdint.h>

/* Normalised text: NFC, typographic quotes and dashes folded to ASCII,
 * odd spaces made ' ', zero-width characters dropped, CR LF made LF.
 * Every norm byte has an original byte offset, and norm byte len (one
 * past the end) has the original length.  The offsets are kept as runs,
 * not one per byte: a segment says that norm bytes from `norm` on come
 * from orig + min(k, span), k bytes into the segment, up to the next
 * segment.  Unchanged text is one segment per stretch between changed
 * characters, so the map costs a few bytes per changed character instead
 * of four per byte. */
typedef struct dyad__nseg {
    uint32_t norm, orig, span;   /* span UINT32_MAX: byte for byte */
} dyad__nseg;

typedef struct dyad__norm {
    dyad__buf text;
    dyad__nseg *segs;    /* by increasing norm; the last is the end */
    size_t nsegs, cap_segs;
} dyad__norm;

void dyad__norm_init(dyad__norm *n);
void dyad__norm_free(dyad__norm *n);
/* src must be valid UTF-8.  Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__normalize(dyad__norm *n, const char *src, size_t len);
/* The original byte offset of norm byte i (0 <= i <= text.len).  *cur is
 * the caller's cursor (0 at first): lookups at increasing i cost O(1)
 * each, others a binary search. */
size_t dyad__norm_orig(const dyad__norm *n, size_t i, size_t *cur);

/* A growable token array. */
typedef struct dyad__toks {
    dyad_token *v;
    size_t n, cap;
    size_t map_cursor;   /* dyad__norm_orig's cursor while tokenising */
} dyad__toks;

/* Tokenises norm[0..len) (normalised text), appending to t; original
 * offsets come from nm.  Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__tokenize(dyad__toks *t, const char *norm, size_t len,
                           const dyad__norm *nm);

/* Character classes used by the tokeniser and the segmenter. */
int dyad__tok_is_upper_start(const dyad_token *t);
int dyad__tok_is(const dyad_token *t, const char *s);
int dyad__tok_is_month(const dyad_token *t);   /* 1..12, or 0 */

#endif
