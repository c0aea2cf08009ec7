/*
 * suite.c -- reads a PETRARCH validation file: its <Environment> (which
 * dictionary files to load, file-level <Config> options) and every
 * <Sentence> record with its text, parse, date, category and expected
 * codings (<EventCoding sourcecode= targetcode= eventcode=>, or
 * noevents="True", or error="..."). <Config option= value=> elements
 * between records stay in force for the records after them, so each
 * record carries the options in force when it was read.
 * The file is a test fixture, not a corpus: it is read whole with
 * libxml2's tree API (no network, no recover mode: a fault fails the
 * load with its line), and every string is copied into the suite's
 * arena.  Entities are never substituted: a file that declares any is
 * refused, so a chain of entities cannot blow up in memory or time.
 */
#include "code.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SUITE_MAXOPT 64

struct dyad_suite {
    dyad__arena arena;
    dyad_suite_record *recs;
    size_t nrecs, cap;
    const char *env_names[32], *env_values[32];
    size_t nenv;
    const char *opt_names[SUITE_MAXOPT], *opt_values[SUITE_MAXOPT];
    size_t nopt;                 /* options in force while reading */
    dyad__err err;
};

static char *S_dup(dyad_suite *s, const xmlChar *v)
{
    if (!v) return NULL;
    return dyad__arena_strndup(&s->arena, (const char *)v, strlen((const char *)v));
}

static char *S_attr(dyad_suite *s, xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *r = S_dup(s, v);
    xmlFree(v);
    return r;
}

/* Text content with runs of white space made single spaces, trimmed. */
static char *S_text(dyad_suite *s, xmlNodePtr n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (!v) return NULL;
    size_t len = strlen((const char *)v);
    char *out = dyad__arena_alloc(&s->arena, len + 1);
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; out && i < len; i++) {
        unsigned char c = v[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = k > 0; continue; }
        if (space) { out[k++] = ' '; space = 0; }
        out[k++] = (char)c;
    }
    if (out) out[k] = 0;
    xmlFree(v);
    return out;
}

static int S_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

static void S_set_option(dyad_suite *s, const char *name, const char *value)
{
    if (!name || !value) return;
    for (size_t i = 0; i < s->nopt; i++)
        if (strcmp(s->opt_names[i], name) == 0) { s->opt_values[i] = value; return; }
    if (s->nopt < SUITE_MAXOPT) {
        s->opt_names[s->nopt] = name;
        s->opt_values[s->nopt++] = value;
    }
}

static int S_record(dyad_suite *s, xmlNodePtr n)
{
    if (s->nrecs == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        dyad_suite_record *v = realloc(s->recs, cap * sizeof *v);
        if (!v) return -1;
        s->recs = v;
        s->cap = cap;
    }
    dyad_suite_record *r = &s->recs[s->nrecs];
    memset(r, 0, sizeof *r);
    r->line = (unsigned long)xmlGetLineNo(n);
    r->id = S_attr(s, n, "id");
    r->category = S_attr(s, n, "category");
    char *sent = S_attr(s, n, "sentence");
    r->is_sentence = !sent || strcasecmp(sent, "false") != 0;
    char *date = S_attr(s, n, "date");
    if (date) {
        char iso[11];
        if (dyad__date_normalize(date, strlen(date), iso) == 0)
            r->date = dyad__arena_strndup(&s->arena, iso, 10);
    }
    size_t ncod = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) ncod += S_is(c, "EventCoding");
    dyad_suite_coding *cod = ncod ? dyad__arena_zalloc(&s->arena, ncod * sizeof *cod) : NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (S_is(c, "Text")) r->text = S_text(s, c);
        else if (S_is(c, "Parse")) r->parse = S_text(s, c);
        else if (S_is(c, "EventCoding") && cod) {
            char *noev = S_attr(s, c, "noevents");
            char *err = S_attr(s, c, "error");
            if (noev && strcasecmp(noev, "true") == 0) { r->noevents = 1; continue; }
            if (err) { r->error = err; continue; }
            dyad_suite_coding *k = &cod[r->ncodings++];
            k->source = S_attr(s, c, "sourcecode");
            k->target = S_attr(s, c, "targetcode");
            k->code = S_attr(s, c, "eventcode");
        }
    }
    r->codings = cod;
    /* a record without any <EventCoding> (PATTERN-06 has its expected
     * coding commented out) expects nothing */
    if (ncod == 0) r->noevents = 1;
    r->noptions = s->nopt;
    if (s->nopt) {
        const char **nm = dyad__arena_alloc(&s->arena, s->nopt * sizeof *nm);
        const char **vl = dyad__arena_alloc(&s->arena, s->nopt * sizeof *vl);
        if (!nm || !vl) return -1;
        memcpy(nm, s->opt_names, s->nopt * sizeof *nm);
        memcpy(vl, s->opt_values, s->nopt * sizeof *vl);
        r->option_names = nm;
        r->option_values = vl;
    }
    if (!r->id) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "line-%lu", r->line);
        r->id = dyad__arena_strndup(&s->arena, tmp, strlen(tmp));
    }
    s->nrecs++;
    return s->arena.over_cap ? -1 : 0;
}

/* Walks the document in order: Environment, Config, Sentence anywhere. */
static int S_walk(dyad_suite *s, xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (S_is(n, "Sentence")) {
            if (S_record(s, n) != 0) return -1;
        } else if (S_is(n, "Config")) {
            S_set_option(s, S_attr(s, n, "option"), S_attr(s, n, "value"));
        } else if (S_is(n, "Environment")) {
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                if (S_is(c, "Config")) {
                    S_set_option(s, S_attr(s, c, "option"), S_attr(s, c, "value"));
                } else if (s->nenv < DYAD_ARRAY_LEN(s->env_names)) {
                    s->env_names[s->nenv] = S_dup(s, c->name);
                    s->env_values[s->nenv++] = S_text(s, c);
                }
            }
        } else if (depth < 8 && S_walk(s, n->children, depth + 1) != 0) {
            return -1;
        }
    }
    return 0;
}

static void S_quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/* The first entity declaration met, so the load can refuse the file. */
typedef struct suite_ent {
    long line;
    char name[64];
} suite_ent;

/* Stands in for libxml2's entity declaration handler: the entity is
 * noted, never defined, so no reference to it can expand (a billion-laughs
 * chain of entities costs nothing) and the load then fails with a
 * message naming the line. */
static void S_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
                          const xmlChar *sys, xmlChar *content)
{
    (void)type; (void)pub; (void)sys; (void)content;
    xmlParserCtxtPtr c = ctx;
    suite_ent *e = c->_private;
    if (!e || e->line) return;
    e->line = xmlSAX2GetLineNumber(ctx);
    if (e->line <= 0) e->line = 1;
    snprintf(e->name, sizeof e->name, "%s", name ? (const char *)name : "");
}

/* Reads the validation file from a file (data NULL) or from memory;
 * name labels the messages.  The file must be well-formed: no recover
 * mode, which would quietly drop every record after a fault. */
static dyad_status S_load(dyad_suite **out, const char *name, const char *data, size_t len)
{
    *out = calloc(1, sizeof **out);
    dyad_suite *s = *out;
    if (!s) return DYAD_ENOMEM;
    dyad__arena_init(&s->arena, (size_t)1 << 30);
    if (data && len > INT_MAX)
        return dyad__err_set(&s->err, DYAD_ETOOBIG, "%s: validation file over 2 GB", name);
    /* no XML_PARSE_NOENT and no DTD loading: entities are never substituted */
    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    FILE *f = NULL;
    if (!data) {
        const char *why = NULL;
        f = dyad__fopen_regular(name, &why);   /* a FIFO must not block */
        if (!f) return dyad__err_set(&s->err, DYAD_EXML, "%s: cannot open: %s", name, why);
    }
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx) {
        if (f) fclose(f);
        return dyad__err_set(&s->err, DYAD_ENOMEM, "%s: out of memory", name);
    }
    suite_ent ent;
    memset(&ent, 0, sizeof ent);
    ctx->_private = &ent;
    ctx->sax->entityDecl = S_entity_decl;
    xmlSetGenericErrorFunc(NULL, S_quiet);
    xmlDocPtr doc = data ? xmlCtxtReadMemory(ctx, data, (int)len, name, NULL, opts)
                         : xmlCtxtReadFd(ctx, fileno(f), name, NULL, opts);
    xmlSetGenericErrorFunc(NULL, NULL);
    if (f) fclose(f);
    if (ent.line) {
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctx);
        return dyad__err_set(&s->err, DYAD_EXML, "%s:%ld: cannot read the validation file: "
                             "it declares the entity '%s', and entities are not expanded",
                             name, ent.line, ent.name);
    }
    if (!doc || !ctx->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        char why[300];
        snprintf(why, sizeof why, "%s", e && e->message ? e->message : "not XML");
        size_t n = strlen(why);      /* libxml2's messages end in a newline */
        while (n && (why[n - 1] == '\n' || why[n - 1] == ' ')) why[--n] = 0;
        dyad__err_set(&s->err, DYAD_EXML, "%s:%d: cannot read the validation file: %s",
                      name, e ? e->line : 0, why);
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctx);
        return DYAD_EXML;
    }
    xmlFreeParserCtxt(ctx);
    int rc = S_walk(s, xmlDocGetRootElement(doc), 0);
    xmlFreeDoc(doc);
    if (rc != 0) return dyad__err_set(&s->err, DYAD_ENOMEM, "%s: out of memory", name);
    if (s->nrecs == 0)
        return dyad__err_set(&s->err, DYAD_EFORMAT, "%s: no <Sentence> records", name);
    return DYAD_OK;
}

dyad_status dyad_suite_load(dyad_suite **out, const char *path)
{
    return S_load(out, path, NULL, 0);
}

dyad_status dyad__suite_load_memory(dyad_suite **out, const char *name, const char *data,
                                    size_t len)
{
    return S_load(out, name, data ? data : "", len);
}

void dyad_suite_free(dyad_suite *s)
{
    if (!s) return;
    dyad__arena_free(&s->arena);
    free(s->recs);
    free(s);
}

const char *dyad_suite_errmsg(const dyad_suite *s) { return s ? s->err.msg : "out of memory"; }
size_t dyad_suite_count(const dyad_suite *s) { return s->nrecs; }

const dyad_suite_record *dyad_suite_get(const dyad_suite *s, size_t i)
{
    return i < s->nrecs ? &s->recs[i] : NULL;
}

const char *dyad_suite_env(const dyad_suite *s, const char *name)
{
    for (size_t i = 0; i < s->nenv; i++)
        if (strcmp(s->env_names[i], name) == 0) return s->env_values[i];
    return NULL;
}

const char *dyad_suite_option(const dyad_suite_record *r, const char *name)
{
    for (size_t i = 0; i < r->noptions; i++)
        if (strcmp(r->option_names[i], name) == 0) return r->option_values[i];
    return NULL;
}
