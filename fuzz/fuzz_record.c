/*
 * fuzz_record.c -- fuzz target for the store's record scanner
 * (dyad__rec_scan, src/store/record.c), which reads stored mention
 * records back without building a JSON tree.  Its promise: a record it
 * accepts gives exactly the values jansson would, and whatever it does
 * not read plainly it declines (the caller then uses jansson).  The
 * target checks that promise differentially: when the scanner accepts
 * an input that jansson parses as an object, every field the scanner
 * reads must hold jansson's value.  (Text that is no JSON at all -- a
 * record damaged outside dyad -- may be accepted with its fields read
 * plainly; the target then checks only that the scanner stays within the
 * bytes, under the sanitizers.)
 */
#include "store/store.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The scanner's span against jansson's member k of o: a string is the
 * same bytes; null or absent is an empty span. */
static void S_same_str(json_t *o, const char *k, dyad__span sp)
{
    json_t *v = o ? json_object_get(o, k) : NULL;
    if (json_is_string(v)) {
        size_t n = json_string_length(v);
        if (sp.n != n || (n && memcmp(sp.p, json_string_value(v), n))) abort();
    } else if (!v || json_is_null(v)) {
        if (sp.n) abort();
    } else {
        abort();   /* accepted a value jansson reads as another type */
    }
}

static void S_same_int(json_t *o, const char *k, long long got)
{
    json_t *v = json_object_get(o, k);
    if (json_is_integer(v)) {
        if ((long long)json_integer_value(v) != got) abort();
    } else if (!v || json_is_null(v)) {
        if (got != -1) abort();
    } else {
        abort();
    }
}

static void S_same_real(json_t *o, const char *k, double got)
{
    json_t *v = json_object_get(o, k);
    if (json_is_number(v)) {
        double want = json_number_value(v);
        if (!(want == got)) abort();
    } else if (!v || json_is_null(v)) {
        if (!isnan(got)) abort();
    } else {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    dyad__rec r;
    if (dyad__rec_scan(s, size, &r) != 0) return 0;   /* declined: jansson's turn */
    json_error_t je;
    json_t *o = json_loadb(s, size, JSON_DECODE_ANY, &je);
    if (!o) return 0;
    if (!json_is_object(o)) abort();   /* accepted JSON that is no object */
    S_same_str(o, "doc_id", r.doc_id);
    S_same_str(o, "source", r.source);
    S_same_str(o, "target", r.target);
    S_same_str(o, "code", r.code);
    S_same_str(o, "root", r.root);
    S_same_str(o, "modality", r.modality);
    S_same_str(o, "date", r.date);
    S_same_str(o, "date_precision", r.date_precision);
    S_same_str(o, "doc_date", r.doc_date);
    S_same_str(o, "doc_source", r.doc_source);
    S_same_str(o, "source_text", r.source_text);
    S_same_str(o, "target_text", r.target_text);
    S_same_int(o, "sentence_id", r.sentence_id);
    S_same_int(o, "sentence_start", r.sentence_start);
    S_same_int(o, "sentence_end", r.sentence_end);
    json_t *loc = json_object_get(o, "location");
    if (json_is_object(loc) != (r.has_location != 0)) abort();
    if (json_is_object(loc)) {
        S_same_str(loc, "country", r.loc_country);
        S_same_str(loc, "name", r.loc_name);
        S_same_str(loc, "basis", r.loc_basis);
        S_same_str(loc, "text", r.loc_text);
        S_same_real(loc, "lat", r.loc_lat);
        S_same_real(loc, "lon", r.loc_lon);
    }
    json_t *iss = json_object_get(o, "issues");
    size_t ni = json_is_array(iss) ? json_array_size(iss) : 0;
    if (ni != r.nissues) abort();
    for (size_t i = 0; i < ni; i++) {
        json_t *v = json_array_get(iss, i);
        if (!json_is_string(v) || json_string_length(v) != r.issues[i].n ||
            memcmp(json_string_value(v), r.issues[i].p, r.issues[i].n))
            abort();
    }
    json_decref(o);
    return 0;
}
