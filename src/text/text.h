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
 * map[i] is the original byte offset of norm byte i; map[len] is the
 * original length. */
typedef struct dyad__norm {
    dyad__buf text;
    uint32_t *map;
    size_t map_cap;
} dyad__norm;

void dyad__norm_init(dyad__norm *n);
void dyad__norm_free(dyad__norm *n);
/* src must be valid UTF-8.  Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__normalize(dyad__norm *n, const char *src, size_t len);

/* A growable token array. */
typedef struct dyad__toks {
    dyad_token *v;
    size_t n, cap;
} dyad__toks;

/* Tokenises norm[0..len) (normalised text), appending to t; offsets come
 * from map.  Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__tokenize(dyad__toks *t, const char *norm, size_t len,
                           const uint32_t *map);

/* Character classes used by the tokeniser and the segmenter. */
int dyad__tok_is_upper_start(const dyad_token *t);

/* Splits sentence i of t before its k-th token (0 < k < ntokens): the
 * tokens from k on become sentence i + 1 (same paragraph, not
 * boilerplate) and later sentences move up by one.  For a boundary only
 * a later stage can see (a headline run into the lede once its line
 * break is gone).  DYAD_EINVAL when i or k is out of range; DYAD_ENOMEM. */
dyad_status dyad__text_split_sentence(dyad_text *t, size_t i, size_t k);
int dyad__tok_is(const dyad_token *t, const char *s);
int dyad__tok_is_month(const dyad_token *t);   /* 1..12, or 0 */

#endif
