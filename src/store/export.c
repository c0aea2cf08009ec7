/*
 * export.c -- consolidated events written out: JSON Lines (every field),
 * CSV and TSV (a header row, then one row per event; quoting as RFC 4180
 * for both, TSV with a tab for the comma), and the 61 columns of the
 * GDELT 2.0 event table (tab-separated, no quoting, no header).  The
 * column lists and the GDELT mapping are documented in docs/FORMATS.md.
 * Invariant: a line written depends on the event alone (no state carries
 * from one event to the next), so outputs concatenate.
 */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_FLUSH_AT 65536

struct dyad_event_writer {
    FILE *f;
    dyad_event_format fmt;
    dyad_json *j;                 /* JSONL */
    dyad__buf b;                  /* the other formats */
    int failed;
};

dyad_status dyad_event_format_parse(const char *name, dyad_event_format *out)
{
    static const char *const names[] = {"jsonl", "csv", "tsv", "gdelt"};
    DYAD_FAIL_IF(!name || !out, DYAD_EINVAL);
    for (size_t i = 0; i < DYAD_ARRAY_LEN(names); i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (dyad_event_format)i;
            return DYAD_OK;
        }
    return DYAD_EINVAL;
}

/* ------------------------------------------------------------- JSONL */

void dyad_cevent_write_json(const dyad_cevent *ev, dyad_json *j)
{
    dyad_json_obj_begin(j);
    DYAD__JSON_KEY(j, "event_id"); dyad_json_cstr(j, ev->event_id);
    DYAD__JSON_KEY(j, "date"); dyad_json_cstr(j, ev->date);
    DYAD__JSON_KEY(j, "date_precision");
    dyad_json_cstr(j, dyad_date_precision_name(ev->date_precision));
    DYAD__JSON_KEY(j, "modality"); dyad_json_cstr(j, dyad_modality_kind_name(ev->modality));
    DYAD__JSON_KEY(j, "source"); dyad_json_cstr(j, ev->source);
    DYAD__JSON_KEY(j, "target"); dyad_json_cstr(j, ev->target);
    DYAD__JSON_KEY(j, "source_text"); dyad_json_cstr(j, ev->source_text);
    DYAD__JSON_KEY(j, "target_text"); dyad_json_cstr(j, ev->target_text);
    DYAD__JSON_KEY(j, "code"); dyad_json_cstr(j, ev->code);
    DYAD__JSON_KEY(j, "root"); dyad_json_cstr(j, ev->root);
    DYAD__JSON_KEY(j, "quad_class");
    if (ev->quad_class) dyad_json_int(j, ev->quad_class); else dyad_json_null(j);
    DYAD__JSON_KEY(j, "goldstein"); dyad_json_double(j, ev->goldstein);
    DYAD__JSON_KEY(j, "plover"); dyad_json_cstr(j, ev->plover);
    DYAD__JSON_KEY(j, "location");
    dyad__json_location(j, ev->location);
    DYAD__JSON_KEY(j, "issues");
    dyad_json_arr_begin(j);
    for (size_t i = 0; i < ev->nissues; i++) dyad_json_cstr(j, ev->issues[i]);
    dyad_json_arr_end(j);
    DYAD__JSON_KEY(j, "num_mentions"); dyad_json_int(j, (long long)ev->num_mentions);
    DYAD__JSON_KEY(j, "num_articles"); dyad_json_int(j, (long long)ev->num_articles);
    DYAD__JSON_KEY(j, "num_sources"); dyad_json_int(j, (long long)ev->num_sources);
    DYAD__JSON_KEY(j, "doc_ids");
    dyad_json_arr_begin(j);
    for (size_t i = 0; i < ev->ndoc_ids; i++) dyad_json_cstr(j, ev->doc_ids[i]);
    dyad_json_arr_end(j);
    DYAD__JSON_KEY(j, "first_seen"); dyad_json_cstr(j, ev->first_seen);
    DYAD__JSON_KEY(j, "last_seen"); dyad_json_cstr(j, ev->last_seen);
    DYAD__JSON_KEY(j, "lead"); dyad_json_bool(j, ev->lead);
    DYAD__JSON_KEY(j, "key"); dyad_json_cstr(j, ev->key);
    dyad_json_obj_end(j);
}

/* ------------------------------------------------------- CSV and TSV */

static const char *const S_columns[] = {
    "event_id", "date", "date_precision", "modality", "source", "target",
    "source_text", "target_text", "code", "root", "quad_class", "goldstein",
    "plover", "country", "place", "lat", "lon", "issues", "num_mentions",
    "num_articles", "num_sources", "doc_ids", "first_seen", "last_seen",
    "lead", "key"};

/* One field: quoted when it holds the separator, a quote, CR or LF (and
 * then quotes doubled); NULL is an empty field. */
static void S_field(dyad__buf *b, char sep, const char *s, int first)
{
    if (!first) dyad__buf_putc(b, sep);
    if (!s) return;
    size_t n = strlen(s);
    if (strpbrk(s, "\"\r\n") == NULL && memchr(s, sep, n) == NULL) {
        dyad__buf_append(b, s, n);
        return;
    }
    dyad__buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') dyad__buf_putc(b, '"');
        dyad__buf_putc(b, s[i]);
    }
    dyad__buf_putc(b, '"');
}

static void S_field_size(dyad__buf *b, char sep, size_t v)
{
    dyad__buf_putc(b, sep);
    dyad__buf_printf(b, "%zu", v);
}

static void S_field_double(dyad__buf *b, char sep, double v, const char *fmt)
{
    dyad__buf_putc(b, sep);
    if (isfinite(v)) {
        if (v == 0) v = 0;        /* never "-0.0" */
        dyad__buf_printf(b, fmt, v);
    }
}

/* A list joined with ';' into tmp; NULL when empty. */
static const char *S_join(dyad__buf *tmp, const char *const *v, size_t n)
{
    dyad__buf_clear(tmp);
    for (size_t i = 0; i < n; i++) {
        if (i) dyad__buf_putc(tmp, ';');
        dyad__buf_append(tmp, v[i], strlen(v[i]));
    }
    return n ? dyad__buf_cstr(tmp) : NULL;
}

static void S_write_table(dyad__buf *b, char sep, const dyad_cevent *ev)
{
    dyad__buf tmp;
    dyad__buf_init(&tmp);
    const dyad_location *l = ev->location;
    S_field(b, sep, ev->event_id, 1);
    S_field(b, sep, ev->date, 0);
    S_field(b, sep, dyad_date_precision_name(ev->date_precision), 0);
    S_field(b, sep, dyad_modality_kind_name(ev->modality), 0);
    S_field(b, sep, ev->source, 0);
    S_field(b, sep, ev->target, 0);
    S_field(b, sep, ev->source_text, 0);
    S_field(b, sep, ev->target_text, 0);
    S_field(b, sep, ev->code, 0);
    S_field(b, sep, ev->root, 0);
    if (ev->quad_class) S_field_size(b, sep, (size_t)ev->quad_class);
    else dyad__buf_putc(b, sep);
    S_field_double(b, sep, ev->goldstein, "%.1f");
    S_field(b, sep, ev->plover, 0);
    S_field(b, sep, l ? l->country : NULL, 0);
    S_field(b, sep, l ? l->name : NULL, 0);
    S_field_double(b, sep, l && l->name ? l->lat : NAN, "%.4f");
    S_field_double(b, sep, l && l->name ? l->lon : NAN, "%.4f");
    S_field(b, sep, S_join(&tmp, ev->issues, ev->nissues), 0);
    S_field_size(b, sep, ev->num_mentions);
    S_field_size(b, sep, ev->num_articles);
    S_field_size(b, sep, ev->num_sources);
    S_field(b, sep, S_join(&tmp, ev->doc_ids, ev->ndoc_ids), 0);
    S_field(b, sep, ev->first_seen, 0);
    S_field(b, sep, ev->last_seen, 0);
    S_field_size(b, sep, ev->lead ? 1 : 0);
    S_field(b, sep, ev->key, 0);
    dyad__buf_putc(b, '\n');
    if (tmp.oom) b->oom = 1;
    dyad__buf_free(&tmp);
}

/* ------------------------------------------------------------- GDELT */

/* A GDELT value: tabs, CR and LF become spaces (the format has no
 * quoting); NULL is empty. */
static void S_gfield(dyad__buf *b, const char *s, size_t n)
{
    dyad__buf_putc(b, '\t');
    if (!s) return;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        dyad__buf_putc(b, ch == '\t' || ch == '\r' || ch == '\n' ? ' ' : ch);
    }
}

static void S_gstr(dyad__buf *b, const char *s)
{
    S_gfield(b, s, s ? strlen(s) : 0);
}

/* CAMEO actor-type codes that may open a code with no country. */
static int S_is_type(const char *s)
{
    static const char *const types[] = {
        "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV",
        "GOV", "HLH", "HRI", "IGO", "IMG", "INS", "JUD", "LAB", "LEG",
        "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "RAD", "REB",
        "REF", "SEP", "SET", "SPY", "UAF", "UIS"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(types); i++)
        if (strncmp(s, types[i], 3) == 0) return 1;
    return 0;
}

/* The ten actor columns: code, name, country, known group, ethnic,
 * religion 1 and 2, type 1 to 3. */
static void S_gactor(dyad__buf *b, const char *code, const char *text)
{
    size_t n = code ? strlen(code) : 0;
    const char *country = NULL, *group = NULL, *types = code;
    size_t ncountry = 0, ngroup = 0;
    if (n >= 3 && !S_is_type(code)) {
        country = code;
        ncountry = 3;
        types = code + 3;
    }
    if (n >= 6 && (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
                   strncmp(code, "IMG", 3) == 0 || strncmp(code, "MNC", 3) == 0)) {
        group = code + 3;
        ngroup = 3;
    }
    S_gstr(b, n ? code : NULL);
    S_gstr(b, text);
    S_gfield(b, country, ncountry);
    S_gfield(b, group, ngroup);
    S_gstr(b, NULL);              /* ethnic */
    S_gstr(b, NULL);              /* religion 1 */
    S_gstr(b, NULL);              /* religion 2 */
    /* types: the 3-letter pieces after the country (or from the start);
     * a known group's code is not a type, its IGO/NGO/... prefix is */
    const char *piece[3] = {NULL, NULL, NULL};
    size_t np = 0;
    const char *t = types ? types : "";
    if (group) {
        piece[np++] = code;
        t = code + 6;
    }
    while (np < 3 && strlen(t) >= 3) {
        piece[np++] = t;
        t += 3;
    }
    for (size_t k = 0; k < 3; k++) S_gfield(b, piece[k], piece[k] ? 3 : 0);
}

static void S_geo_empty(dyad__buf *b)
{
    for (int k = 0; k < 8; k++) S_gstr(b, NULL);
}

static void S_write_gdelt(dyad__buf *b, const dyad_cevent *ev)
{
    /* 1 GlobalEventID: the event_id's hex digits as a number */
    unsigned long long id = ev->event_id ? strtoull(ev->event_id, NULL, 16) : 0;
    dyad__buf_printf(b, "%llu", id);
    /* 2-5 Day, MonthYear, Year, FractionDate */
    const char *d = ev->date;
    size_t dl = d ? strlen(d) : 0;
    char day[9] = "", month[7] = "", year[5] = "";
    if (dl >= 4) { memcpy(year, d, 4); year[4] = 0; }
    if (dl >= 7) { memcpy(month, d, 4); memcpy(month + 4, d + 5, 2); month[6] = 0; }
    if (dl >= 10) { memcpy(day, month, 6); memcpy(day + 6, d + 8, 2); day[8] = 0; }
    S_gstr(b, dl >= 10 ? day : NULL);
    S_gstr(b, dl >= 7 ? month : NULL);
    S_gstr(b, dl >= 4 ? year : NULL);
    if (dl >= 10) {
        double frac = atoi(year) + (atoi(d + 5) * 30 + atoi(d + 8)) / 365.0;
        dyad__buf_printf(b, "\t%.4f", frac);
    } else {
        S_gstr(b, NULL);
    }
    /* 6-15, 16-25 the actors */
    S_gactor(b, ev->source, ev->source_text);
    S_gactor(b, ev->target, ev->target_text);
    /* 26 IsRootEvent */
    dyad__buf_printf(b, "\t%d", ev->lead ? 1 : 0);
    /* 27-29 EventCode, EventBaseCode, EventRootCode */
    const char *code = ev->code ? ev->code : "";
    S_gstr(b, code);
    S_gfield(b, code, strlen(code) > 3 ? 3 : strlen(code));
    S_gstr(b, ev->root);
    /* 30 QuadClass, 31 GoldsteinScale */
    if (ev->quad_class) dyad__buf_printf(b, "\t%d", ev->quad_class);
    else S_gstr(b, NULL);
    if (isfinite(ev->goldstein)) dyad__buf_printf(b, "\t%.1f", ev->goldstein == 0 ? 0.0 : ev->goldstein);
    else S_gstr(b, NULL);
    /* 32-34 NumMentions, NumSources, NumArticles; 35 AvgTone */
    dyad__buf_printf(b, "\t%zu\t%zu\t%zu", ev->num_mentions, ev->num_sources, ev->num_articles);
    S_gstr(b, NULL);
    /* 36-43, 44-51 the actors' places: dyad does not place actors */
    S_geo_empty(b);
    S_geo_empty(b);
    /* 52-59 ActionGeo: Type, FullName, CountryCode (FIPS: left empty),
     * ADM1, ADM2, Lat, Long, FeatureID */
    const dyad_location *l = ev->location;
    if (l) {
        int type = !l->name ? 1 : strcmp(l->country ? l->country : "", "USA") == 0 ? 3 : 4;
        dyad__buf_printf(b, "\t%d", type);
        S_gstr(b, l->name);
        S_gstr(b, NULL);
        S_gstr(b, NULL);
        S_gstr(b, NULL);
        if (l->name && isfinite(l->lat) && isfinite(l->lon))
            dyad__buf_printf(b, "\t%.4f\t%.4f", l->lat, l->lon);
        else {
            S_gstr(b, NULL);
            S_gstr(b, NULL);
        }
        S_gstr(b, NULL);
    } else {
        S_geo_empty(b);
    }
    /* 60 DATEADDED: the first report's date at midnight; 61 SOURCEURL */
    const char *fs = ev->first_seen;
    if (fs && strlen(fs) == 10)
        dyad__buf_printf(b, "\t%.4s%.2s%.2s000000", fs, fs + 5, fs + 8);
    else
        S_gstr(b, NULL);
    S_gstr(b, NULL);
    dyad__buf_putc(b, '\n');
}

/* ------------------------------------------------------------ writer */

static void S_drain(dyad_event_writer *w)
{
    if (w->b.oom) w->failed = 1;
    if (w->b.len && fwrite(w->b.data, 1, w->b.len, w->f) != w->b.len) w->failed = 1;
    dyad__buf_clear(&w->b);
    w->b.oom = 0;
}

dyad_status dyad_event_writer_new(dyad_event_writer **out, FILE *f,
                                  dyad_event_format fmt)
{
    DYAD_FAIL_IF(!out, DYAD_EINVAL);
    *out = NULL;
    DYAD_FAIL_IF(!f || fmt < DYAD_EVENTS_JSONL || fmt > DYAD_EVENTS_GDELT, DYAD_EINVAL);
    dyad_event_writer *w = calloc(1, sizeof *w);
    DYAD_FAIL_IF(!w, DYAD_ENOMEM);
    w->f = f;
    w->fmt = fmt;
    dyad__buf_init(&w->b);
    if (fmt == DYAD_EVENTS_JSONL) {
        w->j = dyad_json_new(f);
        if (!w->j) { free(w); return DYAD_ENOMEM; }
    } else if (fmt == DYAD_EVENTS_CSV || fmt == DYAD_EVENTS_TSV) {
        char sep = fmt == DYAD_EVENTS_CSV ? ',' : '\t';
        for (size_t i = 0; i < DYAD_ARRAY_LEN(S_columns); i++)
            S_field(&w->b, sep, S_columns[i], i == 0);
        dyad__buf_putc(&w->b, '\n');
    }
    *out = w;
    return DYAD_OK;
}

void dyad_event_writer_write(dyad_event_writer *w, const dyad_cevent *ev)
{
    if (!w || !ev) return;
    switch (w->fmt) {
    case DYAD_EVENTS_JSONL:
        dyad_cevent_write_json(ev, w->j);
        dyad_json_newline(w->j);
        return;
    case DYAD_EVENTS_CSV: S_write_table(&w->b, ',', ev); break;
    case DYAD_EVENTS_TSV: S_write_table(&w->b, '\t', ev); break;
    case DYAD_EVENTS_GDELT: S_write_gdelt(&w->b, ev); break;
    }
    if (w->b.len >= S_FLUSH_AT || w->b.oom) S_drain(w);
}

dyad_status dyad_event_writer_flush(dyad_event_writer *w)
{
    DYAD_FAIL_IF(!w, DYAD_EINVAL);
    if (w->j) {
        if (dyad_json_flush(w->j) != DYAD_OK) w->failed = 1;
    } else {
        S_drain(w);
        if (fflush(w->f) != 0) w->failed = 1;
    }
    return w->failed ? DYAD_EIO : DYAD_OK;
}

void dyad_event_writer_free(dyad_event_writer *w)
{
    if (!w) return;
    dyad_event_writer_flush(w);
    dyad_json_free(w->j);
    dyad__buf_free(&w->b);
    free(w);
}
