/*
 * xml.c -- the PETRARCH XML reader: every <Sentence date="" id=""
 * source=""> element, wherever it sits (<Sentences>, <Validation>), is one
 * document whose text is its <Text> (white space collapsed: the text is a
 * single sentence, hard-wrapped) and whose parse is its <Parse>; a record
 * with a parse but no text gets its text from the parse's words.
 * libxml2's SAX2 push parser does the XML, in recover mode, fed 4 KiB at a
 * time: memory stays bounded by one <Sentence>, and after a syntax error
 * parsing goes on, so only the <Sentence> holding the error is lost.
 * (xmlTextReader would stop the whole file at the first error.)
 */
#include "reader_impl.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>

#define XML_CHUNK 4096

/* One finished record, or one error outside every record. */
typedef struct xml_item {
    int is_error;
    unsigned long line;
    char *id, *date, *source;   /* malloc'd, may be NULL */
    char *text, *parse;         /* raw character data */
    char *err;                  /* first error inside the record, or the
                                   error itself when is_error */
    struct xml_item *next;
} xml_item;

typedef struct xml_state {
    xmlParserCtxtPtr ctx;
    dyad_reader *r;
    xml_item *head, *tail;      /* finished items, oldest first */
    xml_item *cur;              /* the <Sentence> being read */
    int cur_depth, depth;
    dyad__buf *field;           /* where character data goes, or NULL */
    dyad__buf text, parse;
    int fed_all;
    int oom;
    int cascade;                /* after a broken record, errors outside
                                   records are its echo: not reported */
    char chunk[XML_CHUNK];
} xml_state;

static void S_item_free(xml_item *it)
{
    if (!it) return;
    free(it->id); free(it->date); free(it->source);
    free(it->text); free(it->parse); free(it->err);
    free(it);
}

static void S_push(xml_state *x, xml_item *it)
{
    it->next = NULL;
    if (x->tail) x->tail->next = it; else x->head = it;
    x->tail = it;
}

static char *S_dup(const xmlChar *a, const xmlChar *b)
{
    size_t n = b ? (size_t)(b - a) : strlen((const char *)a);
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, a, n);
    p[n] = 0;
    return p;
}

static unsigned long S_lineno(xml_state *x)
{
    long l = xmlSAX2GetLineNumber(x->ctx);
    return l > 0 ? (unsigned long)l : 0;
}

static void S_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
                    const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
                    int ndef, const xmlChar **attrs)
{
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndef;
    xml_state *x = ctx;
    x->depth++;
    if (x->cur && xmlStrEqual(local, (const xmlChar *)"Sentence")) {
        /* a record inside a record: the previous one was never closed
         * (broken markup); drop it with an error and start afresh */
        xml_item *bad = x->cur;
        if (!bad->err) bad->err = S_dup((const xmlChar *)"unclosed <Sentence>", NULL);
        S_push(x, bad);
        x->cur = NULL;
        x->field = NULL;
    }
    if (x->cur) {
        if (x->depth == x->cur_depth + 1) {
            if (xmlStrEqual(local, (const xmlChar *)"Text")) x->field = &x->text;
            else if (xmlStrEqual(local, (const xmlChar *)"Parse")) x->field = &x->parse;
        }
        return;
    }
    if (!xmlStrEqual(local, (const xmlChar *)"Sentence")) return;
    xml_item *it = calloc(1, sizeof *it);
    if (!it) { x->oom = 1; return; }
    it->line = S_lineno(x);
    for (int i = 0; i < nattr; i++) {
        const xmlChar **a = attrs + 5 * i;  /* local, prefix, URI, value, end */
        char **dst = NULL;
        if (xmlStrEqual(a[0], (const xmlChar *)"id")) dst = &it->id;
        else if (xmlStrEqual(a[0], (const xmlChar *)"date")) dst = &it->date;
        else if (xmlStrEqual(a[0], (const xmlChar *)"source")) dst = &it->source;
        if (dst && !*dst) *dst = S_dup(a[3], a[4]);
    }
    x->cur = it;
    x->cur_depth = x->depth;
    dyad__buf_clear(&x->text);
    dyad__buf_clear(&x->parse);
}

static void S_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
                  const xmlChar *uri)
{
    (void)local; (void)prefix; (void)uri;
    xml_state *x = ctx;
    if (x->cur && x->depth == x->cur_depth + 1) x->field = NULL;
    if (x->cur && x->depth == x->cur_depth) {
        xml_item *it = x->cur;
        it->text = S_dup((const xmlChar *)dyad__buf_cstr(&x->text), NULL);
        if (x->parse.len) it->parse = S_dup((const xmlChar *)dyad__buf_cstr(&x->parse), NULL);
        if (!it->text || x->text.oom || x->parse.oom) x->oom = 1;
        S_push(x, it);
        x->cur = NULL;
        x->field = NULL;
    }
    x->depth--;
}

static void S_chars(void *ctx, const xmlChar *ch, int len)
{
    xml_state *x = ctx;
    if (x->field) dyad__buf_append(x->field, ch, (size_t)len);
}

static void S_error(void *ctx, xmlErrorPtr e)
{
    xml_state *x = ctx;
    if (!e || e->level < XML_ERR_ERROR) return;
    char msg[300];
    snprintf(msg, sizeof msg, "line %d: %s", e->line, e->message ? e->message : "error");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = 0;
    if (x->cur) {
        if (!x->cur->err) x->cur->err = S_dup((const xmlChar *)msg, NULL);
        x->cascade = 1;
        return;
    }
    if (x->cascade) return;
    /* outside any record: report it once per line */
    if (x->tail && x->tail->is_error && x->tail->line == (unsigned long)e->line) return;
    xml_item *it = calloc(1, sizeof *it);
    if (!it) { x->oom = 1; return; }
    it->is_error = 1;
    it->line = e->line > 0 ? (unsigned long)e->line : S_lineno(x);
    it->err = S_dup((const xmlChar *)msg, NULL);
    S_push(x, it);
}

dyad_status dyad__xml_open(dyad_reader *r)
{
    xml_state *x = calloc(1, sizeof *x);
    if (!x) return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", r->path);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = S_start;
    sax.endElementNs = S_end;
    sax.characters = S_chars;
    sax.cdataBlock = S_chars;
    sax.serror = S_error;
    x->r = r;
    dyad__buf_init(&x->text);
    dyad__buf_init(&x->parse);
    x->ctx = xmlCreatePushParserCtxt(&sax, x, NULL, 0, r->path);
    if (!x->ctx) {
        free(x);
        return dyad__err_set(&r->err, DYAD_EXML, "%s: cannot start XML parser", r->path);
    }
    xmlCtxtUseOptions(x->ctx, XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOENT * 0);
    r->xmlctx = x;
    return DYAD_OK;
}

void dyad__xml_close(dyad_reader *r)
{
    xml_state *x = r->xmlctx;
    if (!x) return;
    while (x->head) {
        xml_item *n = x->head->next;
        S_item_free(x->head);
        x->head = n;
    }
    S_item_free(x->cur);
    if (x->ctx) {
        if (x->ctx->myDoc) xmlFreeDoc(x->ctx->myDoc);
        xmlFreeParserCtxt(x->ctx);
    }
    dyad__buf_free(&x->text);
    dyad__buf_free(&x->parse);
    free(x);
    r->xmlctx = NULL;
}

/* Copies s into b with runs of white space made one space, trimmed. */
static void S_collapse(dyad__buf *b, const char *s)
{
    dyad__buf_clear(b);
    int space = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = b->len > 0;
            continue;
        }
        if (space) { dyad__buf_putc(b, ' '); space = 0; }
        dyad__buf_putc(b, (char)c);
    }
}

/* The words of a Penn Treebank parse, "(NP (DT The) (NN stopover))" ->
 * "The stopover", for records that carry a parse but no text.  A leaf is
 * a word right before ')' that follows a label; bracket escapes such as
 * -LRB- are undone. */
static void S_text_from_parse(dyad__buf *b, const char *p)
{
    static const struct { const char *esc, *txt; } esc[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"},
        {"-LCB-", "{"}, {"-RCB-", "}"}, {"``", "\""}, {"''", "\""},
    };
    dyad__buf_clear(b);
    while (*p) {
        if (*p != '(') { p++; continue; }
        const char *label = ++p;
        while (*p && *p != ' ' && *p != '(' && *p != ')') p++;
        if (p == label || *p != ' ') continue;
        while (*p == ' ') p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '(' && *p != ')') p++;
        if (*p != ')' || p == w) continue;
        size_t n = (size_t)(p - w);
        const char *txt = NULL;
        for (size_t i = 0; i < DYAD_ARRAY_LEN(esc); i++)
            if (strlen(esc[i].esc) == n && memcmp(w, esc[i].esc, n) == 0) txt = esc[i].txt;
        if (b->len) dyad__buf_putc(b, ' ');
        if (txt) dyad__buf_append(b, txt, strlen(txt));
        else dyad__buf_append(b, w, n);
    }
}

/* Feeds the parser until an item is ready or the input ends.
 * Returns 0, or -1 on a stream error (reported by the caller). */
static int S_feed(xml_state *x)
{
    dyad_reader *r = x->r;
    while (!x->head && !x->fed_all && !x->oom) {
        long n = dyad__stream_read(&r->s, x->chunk, sizeof x->chunk);
        if (n < 0) {
            x->fed_all = 1;
            /* close the parse so a record cut by the error is dropped */
            S_item_free(x->cur);
            x->cur = NULL;
            return -1;
        }
        xmlParseChunk(x->ctx, x->chunk, (int)n, n == 0);
        if (n == 0) x->fed_all = 1;
    }
    return 0;
}

static char *S_adopt(dyad_reader *r, const char *s)
{
    return s ? dyad__arena_strndup(&r->arena, s, strlen(s)) : NULL;
}

dyad_status dyad__xml_next(dyad_reader *r)
{
    xml_state *x = r->xmlctx;
    if (S_feed(x) != 0) {
        r->done_file = 1;
        return dyad__err_set(&r->err, r->s.status, "%s: %s; rest of file skipped",
                             r->path, r->s.err.msg);
    }
    if (x->oom) {
        r->done_file = 1;
        return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", r->path);
    }
    xml_item *it = x->head;
    if (!it) {
        r->done_file = 1;
        if (x->cur) {   /* the file ended inside a record */
            unsigned long line = x->cur->line;
            S_item_free(x->cur);
            x->cur = NULL;
            return dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML: file ends "
                                 "inside a <Sentence>; skipped", r->path, line);
        }
        return DYAD_EOF;
    }
    x->head = it->next;
    if (!x->head) x->tail = NULL;
    dyad_status st = DYAD_OK;
    dyad__reader_doc_init(r, it->line);
    r->doc.one_sentence = 1;
    r->doc.id = it->id ? S_adopt(r, it->id) : dyad__reader_derived_id(r, it->line);
    if (it->is_error) {
        st = dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML: %s", r->path,
                           it->line, it->err);
    } else if (it->err) {
        st = dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML (%s); "
                           "<Sentence id=\"%s\"> skipped", r->path, it->line, it->err,
                           r->doc.id);
    } else {
        r->doc.source = S_adopt(r, it->source);
        r->doc.parse = S_adopt(r, it->parse);
        dyad__buf_clear(&r->parse);
        if (it->parse) S_collapse(&r->parse, it->parse);
        r->doc.parse = r->parse.len ? dyad__buf_cstr(&r->parse) : NULL;
        S_collapse(&r->text, it->text ? it->text : "");
        if (r->text.len == 0 && r->doc.parse) S_text_from_parse(&r->text, r->doc.parse);
        if (r->text.len == 0) {
            st = dyad__err_set(&r->err, DYAD_EFORMAT,
                               "%s:%lu: <Sentence id=\"%s\"> has no <Text>; skipped",
                               r->path, it->line, r->doc.id);
        } else {
            if (it->date) dyad__reader_set_date(r, it->date, strlen(it->date), "date");
            r->doc.text = dyad__buf_cstr(&r->text);
            r->doc.len = r->text.len;
            if (r->text.oom || r->parse.oom || r->arena.over_cap)
                st = dyad__err_set(&r->err, DYAD_ENOMEM, "%s:%lu: out of memory",
                                   r->path, it->line);
            else
                st = dyad__reader_check_text(r, r->doc.text, r->doc.len);
        }
    }
    S_item_free(it);
    return st;
}
