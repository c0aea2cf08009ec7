/*
 * fuzz_pipeline.c -- fuzz target for the whole pipeline on raw text, as
 * `dyad code` and `dyad validate` run it: the engine (text layer ->
 * tagger -> chunker -> coder -> resolver -> records) with the built-in
 * dictionaries.  The first byte: bit 0 news mode (else PETRARCH mode),
 * bit 1 one-sentence document, bit 2 a document date, bit 3 every
 * modality returned, bit 4 require_dyad off.  Every record must be
 * complete, lie inside the document, carry a well-formed date, and its
 * JSON line must be valid UTF-8 with no raw control bytes.  The tagger
 * and dictionaries are loaded once; without the tagger data the target
 * does nothing.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF) and
 * no byte below 0x20 except the final newline. */
static int S_json_line_ok(const unsigned char *s, size_t n)
{
    if (n == 0 || s[n - 1] != '\n') return 0;
    n--;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x20) return 0;
        if (c < 0x80) { i++; continue; }
        size_t k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
        if (k == 0 || c > 0xf4 || i + k >= n) return 0;
        unsigned cp = c & (0x3f >> k);
        for (size_t x = 1; x <= k; x++) {
            if ((s[i + x] & 0xc0) != 0x80) return 0;
            cp = cp << 6 | (s[i + x] & 0x3f);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += k + 1;
    }
    return 1;
}

static int S_date_ok(const char *d)
{
    size_t n = strlen(d);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_tagger *tg;
    static dyad_dict *d;
    static dyad_engine *eng[4];
    static int tried;
    if (!tried) {
        tried = 1;
        if (dyad_dict_new(&d) != DYAD_OK || dyad_dict_add_dir(d, DYAD_BUILTIN_DICT_DIR) != DYAD_OK ||
            dyad_dict_compile(d) != DYAD_OK)
            abort();   /* the built-in dictionaries are part of the build */
        if (dyad_tagger_new(&tg, NULL) != DYAD_OK) tg = NULL;
        for (int k = 0; tg && k < 4; k++) {
            dyad_engine_options o = dyad_engine_defaults();
            o.mode = (k & 1) ? DYAD_MODE_NEWS : DYAD_MODE_PETRARCH;
            if (k & 2) o.modalities = 0xf;
            o.explain = 1;
            if (dyad_engine_new(&eng[k], d, tg, &o) != DYAD_OK) abort();
        }
    }
    if (!tg || size == 0) return 0;
    int flags = data[0];
    dyad_engine *e = eng[(flags & 1) | ((flags >> 2) & 2)];
    dyad_engine_set_option(e, "require_dyad", (flags & 16) ? "false" : "true");
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "fuzz";
    doc.text = (const char *)data + 1;
    doc.len = size - 1;
    doc.date = (flags & 4) ? "2020-06-10" : NULL;
    doc.path = "fuzz";
    doc.one_sentence = (flags & 2) != 0;
    dyad_status st = dyad_engine_code(e, &doc);
    if (st != DYAD_OK && dyad_engine_problem_count(e) == 0) abort();   /* no silent loss */
    char *buf = NULL;
    size_t blen = 0;
    FILE *f = open_memstream(&buf, &blen);
    if (!f) return 0;
    dyad_json *j = dyad_json_new(f);
    for (size_t i = 0; j && i < dyad_engine_record_count(e); i++) {
        const dyad_record *r = dyad_engine_record(e, i);
        if (!r || !r->source || !r->target || !r->code || !r->doc_id) abort();
        if (r->sentence_start > r->sentence_end || r->sentence_end > doc.len) abort();
        if (r->date && !S_date_ok(r->date)) abort();
        if (r->doc_date && !S_date_ok(r->doc_date)) abort();
        if ((r->date_basis != NULL) != (r->date != NULL)) abort();
        if ((r->date_precision == DYAD_DATE_UNKNOWN) != (r->date == NULL)) abort();
        for (size_t v = 0; v < r->nevidence; v++)
            if (!r->evidence[v].kind) abort();
        size_t at = blen;   /* everything before is flushed */
        dyad_record_write_json(r, j);
        dyad_json_flush(j);
        if (!S_json_line_ok((const unsigned char *)buf + at, blen - at)) abort();
    }
    dyad_json_free(j);
    fclose(f);
    free(buf);
    return 0;
}
