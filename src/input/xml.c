/*
 * xml.c -- the PETRARCH XML reader: every <Sentence date="" id=""
 * source=""> element, wherever it sits (<Sentences>, <Validation>), is one
 * document whose text is its <Text> (white space collapsed: the text is a
 * single sentence, hard-wrapped) and whose parse is its <Parse>.
 * libxml2's streaming xmlTextReader does the XML; memory stays bounded by
 * one <Sentence>.  XML cannot be resynchronised after a syntax error, so
 * an error ends the file, keeping every document read before it.
 */
#include "reader_impl.h"

#include <libxml/xmlreader.h>
#include <string.h>

typedef struct xml_state {
    char msg[400];
    int line;
    int failed;
} xml_state;

static int S_read(void *ctx, char *buf, int len)
{
    dyad_reader *r = ctx;
    long n = dyad__stream_read(&r->s, buf, (size_t)len);
    return n < 0 ? -1 : (int)n;
}

static int S_noclose(void *ctx) { (void)ctx; return 0; }

static void S_error(void *arg, xmlErrorPtr e)
{
    xml_state *x = arg;
    if (!e || e->level < XML_ERR_ERROR || x->failed) return;
    x->failed = 1;
    x->line = e->line;
    snprintf(x->msg, sizeof x->msg, "%s", e->message ? e->message : "error");
    size_t n = strlen(x->msg);
    while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' ')) x->msg[--n] = 0;
}

dyad_status dyad__xml_open(dyad_reader *r)
{
    xml_state *x = calloc(1, sizeof *x);
    if (!x) return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", r->path);
    xmlTextReaderPtr xr = xmlReaderForIO(S_read, S_noclose, r, r->path, NULL,
                                         XML_PARSE_NONET | XML_PARSE_COMPACT);
    if (!xr) {
        free(x);
        return dyad__err_set(&r->err, DYAD_EXML, "%s: cannot start XML parser",
                             r->path);
    }
    xmlTextReaderSetStructuredErrorHandler(xr, S_error, x);
    r->xml = xr;
    r->xmlctx = x;
    return DYAD_OK;
}

void dyad__xml_close(dyad_reader *r)
{
    if (r->xml) xmlFreeTextReader(r->xml);
    free(r->xmlctx);
    r->xml = NULL;
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

static const char *S_attr(dyad_reader *r, xmlTextReaderPtr xr, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(xr, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = dyad__arena_strndup(&r->arena, (const char *)v, strlen((char *)v));
    xmlFree(v);
    return s;
}

static dyad_status S_fail(dyad_reader *r, xml_state *x)
{
    r->done_file = 1;
    if (r->s.failed)
        return dyad__err_set(&r->err, r->s.status, "%s: %s; rest of file skipped",
                             r->path, r->s.err.msg);
    return dyad__err_set(&r->err, DYAD_EXML,
                         "%s:%d: malformed XML: %s; rest of file skipped",
                         r->path, x->line, x->failed ? x->msg : "parse error");
}

dyad_status dyad__xml_next(dyad_reader *r)
{
    xmlTextReaderPtr xr = r->xml;
    xml_state *x = r->xmlctx;
    if (r->done_file) return DYAD_EOF;
    for (;;) {
        int rc = xmlTextReaderRead(xr);
        if (rc == 0 && !x->failed && !r->s.failed) { r->done_file = 1; return DYAD_EOF; }
        if (rc != 1 || x->failed) return S_fail(r, x);
        if (xmlTextReaderNodeType(xr) != XML_READER_TYPE_ELEMENT ||
            !xmlStrEqual(xmlTextReaderConstLocalName(xr), (const xmlChar *)"Sentence"))
            continue;
        xmlNodePtr node = xmlTextReaderCurrentNode(xr);
        long nl = node ? xmlGetLineNo(node) : -1;
        unsigned long line = nl > 0 ? (unsigned long)nl
                                    : (unsigned long)xmlTextReaderGetParserLineNumber(xr);
        dyad__reader_doc_init(r, line);
        r->doc.one_sentence = 1;
        r->doc.id = S_attr(r, xr, "id");
        r->doc.source = S_attr(r, xr, "source");
        const char *date = S_attr(r, xr, "date");
        int have_text = 0;
        if (!xmlTextReaderIsEmptyElement(xr)) {
            int depth = xmlTextReaderDepth(xr);
            for (;;) {
                rc = xmlTextReaderRead(xr);
                if (rc != 1 || x->failed) return S_fail(r, x);
                int type = xmlTextReaderNodeType(xr);
                if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(xr) == depth)
                    break;
                if (type != XML_READER_TYPE_ELEMENT || xmlTextReaderDepth(xr) != depth + 1)
                    continue;
                const xmlChar *name = xmlTextReaderConstLocalName(xr);
                int is_text = xmlStrEqual(name, (const xmlChar *)"Text");
                if (!is_text && !xmlStrEqual(name, (const xmlChar *)"Parse")) continue;
                xmlChar *v = xmlTextReaderReadString(xr);
                if (x->failed) { xmlFree(v); return S_fail(r, x); }
                S_collapse(is_text ? &r->text : &r->parse, v ? (const char *)v : "");
                xmlFree(v);
                if (is_text) have_text = 1;
                else r->doc.parse = dyad__arena_strndup(&r->arena, dyad__buf_cstr(&r->parse),
                                                        r->parse.len);
            }
        }
        if (!r->doc.id) r->doc.id = dyad__reader_derived_id(r, line);
        if ((!have_text || r->text.len == 0) && r->doc.parse)
            S_text_from_parse(&r->text, r->doc.parse);
        if (r->text.len == 0)
            return dyad__err_set(&r->err, DYAD_EFORMAT,
                                 "%s:%lu: <Sentence id=\"%s\"> has no <Text>; skipped",
                                 r->path, line, r->doc.id);
        if (date) dyad__reader_set_date(r, date, strlen(date), "date");
        r->doc.text = dyad__buf_cstr(&r->text);
        r->doc.len = r->text.len;
        if (r->text.oom || r->arena.over_cap)
            return dyad__err_set(&r->err, DYAD_ENOMEM, "%s:%lu: out of memory",
                                 r->path, line);
        return dyad__reader_check_text(r, r->doc.text, r->doc.len);
    }
}
