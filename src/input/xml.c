/*
 * xml.c -- the PETRARCH XML reader: every <Sentence date="" id=""
 * source=""> element, wherever it sits (<Sentences>, <Validation>), is one
 * document whose text is its <Text> (white space collapsed: the text is a
 * single sentence, hard-wrapped) and whose parse is its <Parse>; a record
 * with a parse but no text gets its text from the parse's words.
 *
 * Two layers, so that broken XML costs only the record it is in:
 *
 *  - a scanner walks the decoded bytes once and cuts the file into
 *    records, "<Sentence ...>" up to "</Sentence>".  It knows just enough
 *    XML to do that safely: comments, CDATA sections, processing
 *    instructions and declarations (a DOCTYPE with its internal subset)
 *    are stepped over whole, quotes are honoured inside tags, and a '<'
 *    that starts nothing it knows is ordinary text.  A new <Sentence>
 *    before the old one closed ends the old one as broken.  Nothing
 *    outside the records is parsed, so a DTD -- and its entities, such as
 *    a billion-laughs chain -- is never read at all.
 *  - libxml2's SAX2 parser reads each record alone (no recover mode, no
 *    network, no entity substitution: only the five predefined entities
 *    and character references exist inside a record).  Its first error
 *    skips that record with one message naming the file, the line and
 *    byte offset where the record starts, and the line of the fault.
 *
 * Invariant: memory is one stream buffer plus one record, and a record
 * over the document limit (max_doc_bytes) is measured, not stored.
 * Time is linear in the file: the scanner looks at every byte once, and
 * libxml2 never sees a tag of more than XML_MAX_ATTRS attributes (its
 * check for repeated ones is quadratic); its own caps on one text node
 * are lifted (XML_PARSE_HUGE) because the record limit bounds them.
 */
#include "reader_impl.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Attributes one tag of a record may have.  libxml2 2.9 compares each
 * attribute with every one before it, so a tag of 100,000 attributes
 * takes seconds; a PETRARCH record has a handful. */
#define XML_MAX_ATTRS 64

/* What the scanner is inside of. */
enum {
    M_TEXT,         /* character data (inside or outside a record) */
    M_COMMENT,      /* <!-- ... --> */
    M_CDATA,        /* <![CDATA[ ... ]]> */
    M_PI,           /* <? ... ?> */
    M_DECL,         /* <!DOCTYPE ... [ ... ]> and other <!...> */
    M_DECL_COMMENT, /* a comment inside a declaration's internal subset */
    M_OTAG,         /* the rest of any other tag */
    M_STAG,         /* the rest of a <Sentence start tag */
    M_ETAG          /* the rest of a </Sentence end tag */
};

/* What the scanner stopped for. */
enum { S_RECORD = 1, S_ERROR, S_END, S_STREAM };

typedef struct xml_state {
    dyad_reader *r;
    /* scanner */
    int mode;
    int in_tag;                 /* collecting the bytes after a '<' */
    int tn;                     /* bytes in tag[] */
    char tag[12];               /* those bytes, enough to tell a record */
    uint64_t off;               /* decoded offset of the next byte */
    unsigned long line;         /* line of the next byte (1-based) */
    uint64_t lt_off;            /* the '<' that began tag[] or mode */
    unsigned long lt_line;
    int run;                    /* '-' or ']' just seen (comment, CDATA),
                                   '?' just seen (PI) */
    char quote;                 /* open quote in a tag or declaration */
    unsigned long brackets;     /* '[' depth in a declaration */
    int dcm;                    /* bytes of "<!--" matched in a declaration */
    int slash;                  /* a start tag's last byte was '/' */
    int pi_head;                /* the PI is the XML declaration */
    dyad__buf head;             /* the XML declaration's bytes */
    char enc[48];               /* its encoding, when not UTF-8 */
    unsigned long nrecs;        /* records begun in this file */
    unsigned long junk_line;    /* first text outside markup and records */
    int ended;                  /* the end of the file has been handled */
    /* the record being collected */
    int in_rec;
    uint64_t rec_off;           /* offset and line of its '<' */
    unsigned long rec_line;
    dyad__buf rec;
    int rec_big;                /* over the limit: bytes no longer kept */
    unsigned nattr;             /* '=' seen in the current tag */
    unsigned long wide_line;    /* a tag of the record with too many
                                   attributes is on this line, or 0 */
    /* what libxml2 made of the last record */
    xmlSAXHandler sax;
    xmlParserCtxtPtr ctx;       /* libxml2's parser, reused */
    int depth;
    dyad__buf *field;           /* where character data goes, or NULL */
    dyad__buf text, parse;
    char *id, *date, *source;   /* malloc'd attributes, or NULL */
    int got_root;               /* the root element was <Sentence> */
    int err_line;               /* first error: line inside the record */
    char err[320];              /* its message, "" when none */
    int oom;
} xml_state;

/* --------------------------------------------------------- one record */

static char *S_dup(const xmlChar *a, const xmlChar *b)
{
    size_t n = b ? (size_t)(b - a) : strlen((const char *)a);
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, a, n);
    p[n] = 0;
    return p;
}

static void S_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
                    const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
                    int ndef, const xmlChar **attrs)
{
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndef;
    xml_state *x = ctx;
    x->depth++;
    if (x->depth == 2) {
        if (xmlStrEqual(local, (const xmlChar *)"Text")) x->field = &x->text;
        else if (xmlStrEqual(local, (const xmlChar *)"Parse")) x->field = &x->parse;
    }
    if (x->depth != 1 || !xmlStrEqual(local, (const xmlChar *)"Sentence")) return;
    x->got_root = 1;
    for (int i = 0; i < nattr; i++) {
        const xmlChar **a = attrs + 5 * i;  /* local, prefix, URI, value, end */
        char **dst = NULL;
        if (xmlStrEqual(a[0], (const xmlChar *)"id")) dst = &x->id;
        else if (xmlStrEqual(a[0], (const xmlChar *)"date")) dst = &x->date;
        else if (xmlStrEqual(a[0], (const xmlChar *)"source")) dst = &x->source;
        if (dst && !*dst && !(*dst = S_dup(a[3], a[4]))) x->oom = 1;
    }
}

static void S_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
                  const xmlChar *uri)
{
    (void)local; (void)prefix; (void)uri;
    xml_state *x = ctx;
    if (x->depth == 2) x->field = NULL;
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
    if (!e || e->level < XML_ERR_ERROR || x->err[0]) return;
    snprintf(x->err, sizeof x->err, "%s", e->message ? e->message : "error");
    size_t n = strlen(x->err);
    while (n && (x->err[n - 1] == '\n' || x->err[n - 1] == ' ')) x->err[--n] = 0;
    x->err_line = e->line;
}

static void S_forget(xml_state *x)
{
    free(x->id); free(x->date); free(x->source);
    x->id = x->date = x->source = NULL;
}

/* Parses rec[0..n) alone with libxml2.  Afterwards id, date, source,
 * text and parse hold what was read, err the first error ("" if none). */
static void S_parse_record(xml_state *x, const char *rec, size_t n)
{
    S_forget(x);
    dyad__buf_clear(&x->text);
    dyad__buf_clear(&x->parse);
    x->depth = 0;
    x->field = NULL;
    x->got_root = 0;
    x->err[0] = 0;
    x->err_line = 0;
    /* one parser for the file, reset per record; made afresh when its
     * dictionary of names has grown (a file of ever new element names) */
    if (x->ctx && xmlDictSize(x->ctx->dict) > 4096) {
        xmlFreeParserCtxt(x->ctx);
        x->ctx = NULL;
    }
    if (!x->ctx) x->ctx = xmlCreatePushParserCtxt(&x->sax, x, NULL, 0, NULL);
    xmlParserCtxtPtr ctx = x->ctx;
    if (!ctx) { x->oom = 1; return; }
    if (xmlCtxtResetPush(ctx, NULL, 0, NULL, x->enc[0] ? x->enc : NULL) != 0)
        snprintf(x->err, sizeof x->err, "cannot read the encoding \"%s\"", x->enc);
    /* no XML_PARSE_NOENT, no XML_PARSE_DTDLOAD: entities stay the
     * predefined ones; no XML_PARSE_RECOVER: the first error ends it */
    /* XML_PARSE_HUGE lifts libxml2's 10 MB cap on one text node: a
     * record is at most max_doc_bytes (16 MiB) anyway */
    xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_HUGE);
    if (!x->err[0]) {
        /* fed in slices: libxml2 takes an int length */
        size_t done = 0;
        do {
            size_t k = n - done > ((size_t)1 << 30) ? (size_t)1 << 30 : n - done;
            xmlParseChunk(ctx, rec + done, (int)k, done + k == n);
            done += k;
        } while (done < n && !x->err[0]);
    }
    if (!x->err[0] && !ctx->wellFormed) snprintf(x->err, sizeof x->err, "not well-formed");
    if (ctx->myDoc) xmlFreeDoc(ctx->myDoc);
    ctx->myDoc = NULL;
    if (x->text.oom || x->parse.oom) x->oom = 1;
}

/* ------------------------------------------------------------ scanner */

static int S_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Nonzero when t[0..n) is a prefix of the literal lit (n >= 1). */
#define S_prefix(t, n, lit) \
    ((size_t)(n) < sizeof(lit) && (t)[(n) - 1] == (lit)[(n) - 1] && \
     memcmp((t), (lit), (size_t)(n) - 1) == 0)

/* Reads the encoding out of the XML declaration in x->head. */
static void S_head_encoding(xml_state *x)
{
    const char *h = dyad__buf_cstr(&x->head);
    const char *p = strstr(h, "encoding");
    x->enc[0] = 0;
    if (!p) return;
    p += 8;
    while (S_blank((unsigned char)*p)) p++;
    if (*p++ != '=') return;
    while (S_blank((unsigned char)*p)) p++;
    char q = *p++;
    if (q != '"' && q != '\'') return;
    const char *e = strchr(p, q);
    if (!e || e == p || (size_t)(e - p) >= sizeof x->enc) return;
    snprintf(x->enc, sizeof x->enc, "%.*s", (int)(e - p), p);
    /* a declaration read byte by byte is in an 8-bit encoding whatever
     * it says: "UTF-16" or "UCS-4" there is a mislabel, and ignored */
    if (strcasecmp(x->enc, "UTF-8") == 0 || strcasecmp(x->enc, "UTF8") == 0 ||
        strcasecmp(x->enc, "US-ASCII") == 0 || strcasecmp(x->enc, "ASCII") == 0 ||
        strncasecmp(x->enc, "UTF-16", 6) == 0 || strncasecmp(x->enc, "UTF-32", 6) == 0 ||
        strncasecmp(x->enc, "UCS", 3) == 0)
        x->enc[0] = 0;
}

/* The id to name a broken record by: its own when libxml2 got that far. */
static const char *S_name(xml_state *x, const char *rec, size_t n)
{
    S_parse_record(x, rec, n);
    return x->id ? x->id : NULL;
}

/* Reports the record being collected as broken: "why" says how. */
static void S_broken(xml_state *x, size_t keep, const char *why)
{
    dyad_reader *r = x->r;
    const char *id = x->rec_big || x->wide_line ? NULL
                     : S_name(x, x->rec.data ? x->rec.data : "", keep);
    dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML: %s (<Sentence%s%s%s> at "
                  "byte %llu); skipped", r->path, x->rec_line, why, id ? " id=\"" : "",
                  id ? id : "", id ? "\"" : "", (unsigned long long)x->rec_off);
    S_forget(x);
}

/* A <Sentence start tag has been recognised: tag[] holds what followed
 * its '<', up to and including the byte c after the name.  Returns
 * S_ERROR when it ended an unclosed record, else 0. */
static int S_record_start(xml_state *x, unsigned char c)
{
    int ret = 0;
    size_t tail = (size_t)x->tn;   /* "<Sentence" is in rec, c is not yet */
    if (x->in_rec) {
        /* the record before never closed: it ends where this one starts */
        size_t keep = x->rec.len >= tail ? x->rec.len - tail : 0;
        S_broken(x, keep, "no </Sentence> before the next <Sentence>");
        ret = S_ERROR;
    }
    x->in_rec = 1;
    x->nrecs++;
    x->rec_big = 0;
    x->wide_line = 0;
    x->nattr = 0;
    x->rec_off = x->lt_off;
    x->rec_line = x->lt_line;
    dyad__buf_clear(&x->rec);
    dyad__buf_putc(&x->rec, '<');
    dyad__buf_append(&x->rec, x->tag, (size_t)x->tn);
    x->quote = 0;
    x->slash = c == '/';
    x->mode = c == '>' ? M_TEXT : M_STAG;
    return ret;
}

/* A '<' and the bytes after it in tag[]: decides what they start.
 * Returns S_ERROR (an unclosed record ended, or a stray end tag),
 * S_RECORD (the record is complete), or 0. */
static int S_tag(xml_state *x, unsigned char c)
{
    const char *t = x->tag;
    int n = x->tn;
    if (n == 1 && c == '?') {
        x->in_tag = 0;
        x->mode = M_PI;
        x->run = 0;
        /* the XML declaration: at the very start (after a byte-order mark) */
        x->pi_head = !x->in_rec && x->nrecs == 0 && x->lt_off <= 3 && x->lt_line == 1;
        if (x->pi_head) dyad__buf_clear(&x->head);
        return 0;
    }
    if (t[0] == '!') {
        if (n == 1) return 0;
        if (n == 2 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            x->in_tag = 0;
            x->mode = M_DECL;
            x->quote = 0;
            x->brackets = 0;
            x->dcm = 0;
        } else if (S_prefix(t, n, "!--")) {
            if (n == 3) { x->in_tag = 0; x->mode = M_COMMENT; x->run = 0; }
        } else if (S_prefix(t, n, "![CDATA[")) {
            if (n == 8) { x->in_tag = 0; x->mode = M_CDATA; x->run = 0; }
        } else {
            x->in_tag = 0;
        }
        return 0;
    }
    if (n <= 8 && S_prefix(t, n, "Sentence")) return 0;
    if (n == 9 && memcmp(t, "Sentence", 8) == 0 && (S_blank(c) || c == '>' || c == '/')) {
        x->in_tag = 0;
        return S_record_start(x, c);
    }
    if (n <= 9 && S_prefix(t, n, "/Sentence")) return 0;
    if (n == 10 && memcmp(t, "/Sentence", 9) == 0 && (S_blank(c) || c == '>')) {
        x->in_tag = 0;
        if (!x->in_rec) {
            dyad_reader *r = x->r;
            dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML: </Sentence> at byte "
                          "%llu closes no <Sentence> (a damaged start tag?); what came "
                          "before it is not read", r->path, x->lt_line,
                          (unsigned long long)x->lt_off);
            if (c != '>') { x->mode = M_ETAG; x->quote = 1; }   /* step over it */
            return S_ERROR;
        }
        if (c == '>') return S_RECORD;
        x->mode = M_ETAG;
        x->quote = 0;
        return 0;
    }
    /* another tag, stepped over to its '>'; a '<' followed by what
     * cannot start a name ("3 < 4") is text */
    x->in_tag = 0;
    if (c != '>' && (n > 1 || c == '/' || c == '_' || c == ':' || c >= 0x80 ||
                     (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        x->mode = M_OTAG;
        x->quote = 0;
        x->nattr = 0;
    } else if (!x->in_rec && !x->junk_line && !S_blank(c)) {
        x->junk_line = x->line;
    }
    return 0;
}

/* An attribute's '=' in a tag: a record with a tag of too many is
 * refused whole, before libxml2 sees it. */
static void S_attr_seen(xml_state *x)
{
    if (++x->nattr > XML_MAX_ATTRS && x->in_rec && !x->wide_line) x->wide_line = x->line;
}

/* One byte c.  *reuse is set when c must be looked at again (it ended a
 * broken tag and may start the next one). */
static int S_byte(xml_state *x, unsigned char c, int *reuse)
{
    switch (x->mode) {
    case M_TEXT:
        if (c == '<') {
            x->in_tag = 1;
            x->tn = 0;
            x->lt_off = x->off;
            x->lt_line = x->line;
            return 0;
        }
        if (x->in_tag) {
            x->tag[x->tn++] = (char)c;
            return S_tag(x, c);
        }
        if (!x->in_rec && !x->junk_line && !S_blank(c)) x->junk_line = x->line;
        return 0;
    case M_COMMENT:
    case M_DECL_COMMENT:
        if (c == '>' && x->run >= 2) x->mode = x->mode == M_COMMENT ? M_TEXT : M_DECL;
        x->run = c == '-' ? x->run + 1 : 0;
        return 0;
    case M_CDATA:
        if (c == '>' && x->run >= 2) x->mode = M_TEXT;
        x->run = c == ']' ? x->run + 1 : 0;
        return 0;
    case M_PI:
        if (x->pi_head && x->head.len < 256) dyad__buf_putc(&x->head, (char)c);
        if (c == '>' && x->run) {
            x->mode = M_TEXT;
            if (x->pi_head) S_head_encoding(x);
        }
        x->run = c == '?';
        return 0;
    case M_DECL:
        if (x->quote) {
            if (c == (unsigned char)x->quote) x->quote = 0;
            return 0;
        }
        x->dcm = c == (unsigned char)"<!--"[x->dcm] ? x->dcm + 1 : c == '<';
        if (x->dcm == 4) { x->mode = M_DECL_COMMENT; x->run = 0; x->dcm = 0; }
        else if (c == '"' || c == '\'') x->quote = (char)c;
        else if (c == '[') x->brackets++;
        else if (c == ']' && x->brackets) x->brackets--;
        else if (c == '>' && !x->brackets) x->mode = M_TEXT;
        return 0;
    case M_OTAG:
        if (c == '<') {             /* a broken tag: look again */
            x->mode = M_TEXT;
            *reuse = 1;
        } else if (x->quote) {
            if (c == (unsigned char)x->quote) x->quote = 0;
        } else if (c == '"' || c == '\'') {
            x->quote = (char)c;
        } else if (c == '>') {
            x->mode = M_TEXT;
        } else if (c == '=') {
            S_attr_seen(x);
        }
        return 0;
    case M_STAG:
        if (c == '<') {             /* a broken start tag; libxml2 will say */
            x->mode = M_TEXT;
            *reuse = 1;
            return 0;
        }
        if (x->quote) {
            if (c == (unsigned char)x->quote) x->quote = 0;
        } else if (c == '"' || c == '\'') {
            x->quote = (char)c;
        } else if (c == '>') {
            x->mode = M_TEXT;
            if (x->slash) return S_RECORD;      /* <Sentence .../> */
        } else if (c == '=') {
            S_attr_seen(x);
            x->slash = 0;
        } else if (!S_blank(c)) {
            x->slash = c == '/';
        }
        return 0;
    case M_ETAG:
        /* quote set: a stray end tag being stepped over, no record open */
        if (c == '<') {
            x->mode = M_TEXT;
            *reuse = 1;
            return x->quote ? 0 : S_RECORD;
        }
        if (c == '>') {
            x->mode = M_TEXT;
            return x->quote ? 0 : S_RECORD;
        }
        return 0;
    }
    return 0;
}

/* What is left when the input ends.  Returns S_ERROR or S_END. */
static int S_at_end(xml_state *x)
{
    dyad_reader *r = x->r;
    x->ended = 1;
    if (x->in_rec) {
        x->in_rec = 0;
        S_broken(x, x->rec.len, "the file ends inside this record");
        return S_ERROR;
    }
    static const char *const what[] = {
        [M_COMMENT] = "a comment", [M_CDATA] = "a CDATA section",
        [M_PI] = "a processing instruction", [M_DECL] = "a declaration",
        [M_DECL_COMMENT] = "a declaration", [M_ETAG] = "an end tag", [M_OTAG] = NULL,
    };
    if (x->mode < (int)DYAD_ARRAY_LEN(what) && what[x->mode])
        return dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML: the file ends "
                             "inside %s begun at byte %llu; nothing after it was read",
                             r->path, x->lt_line, what[x->mode],
                             (unsigned long long)x->lt_off), S_ERROR;
    if (x->nrecs == 0 && x->junk_line)
        return dyad__err_set(&r->err, DYAD_EFORMAT, "%s:%lu: not PETRARCH XML: text "
                             "outside markup and no <Sentence> record in the file",
                             r->path, x->junk_line), S_ERROR;
    return S_END;
}

/* Scans until a record is complete (S_RECORD, in x->rec), something is
 * reported (S_ERROR, message in r->err), the input ends (S_END) or the
 * stream fails (S_STREAM). */
static int S_scan(xml_state *x)
{
    dyad_reader *r = x->r;
    dyad__stream *s = &r->s;
    size_t max = r->opts.max_doc_bytes;
    for (;;) {
        if (s->pos >= s->len) {
            int rc = dyad__stream_fill(s);
            if (rc < 0) return S_STREAM;
            if (rc == 0) return S_at_end(x);
        }
        while (s->pos < s->len) {
            unsigned char c = s->buf[s->pos];
            int reuse = 0;
            int was_in = x->in_rec;
            int got = S_byte(x, c, &reuse);
            if (reuse) {
                /* c ended a broken tag: look at it again, unconsumed */
                if (got) return got;
                continue;
            }
            s->pos++;
            x->off++;
            if (c == '\n') x->line++;
            /* bytes of a record, from its '<' (written by S_record_start)
             * on; the record's last byte ends it */
            if (was_in && x->in_rec && got != S_ERROR && !x->rec_big) {
                if (x->rec.len >= max) {
                    x->rec_big = 1;
                    dyad__buf_free(&x->rec);
                } else if (x->rec.len + 1 < x->rec.cap) {
                    x->rec.data[x->rec.len++] = (char)c;     /* fast path */
                    x->rec.data[x->rec.len] = 0;
                } else {
                    dyad__buf_putc(&x->rec, (char)c);
                }
            }
            if (x->rec.oom) { x->oom = 1; return S_END; }
            if (got) return got;
        }
    }
}

/* ---------------------------------------------------------- interface */

dyad_status dyad__xml_open(dyad_reader *r)
{
    xml_state *x = calloc(1, sizeof *x);
    if (!x) return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", r->path);
    x->sax.initialized = XML_SAX2_MAGIC;
    x->sax.startElementNs = S_start;
    x->sax.endElementNs = S_end;
    x->sax.characters = S_chars;
    x->sax.cdataBlock = S_chars;
    x->sax.serror = S_error;
    x->r = r;
    x->line = 1;
    dyad__buf_init(&x->text);
    dyad__buf_init(&x->parse);
    dyad__buf_init(&x->rec);
    dyad__buf_init(&x->head);
    r->xmlctx = x;
    /* a byte-order mark: UTF-8 is skipped, UTF-16 is not read */
    dyad__stream *s = &r->s;
    if (dyad__stream_fill(s) > 0) {
        const unsigned char *p = s->buf + s->pos;
        size_t n = s->len - s->pos;
        if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
            return dyad__err_set(&r->err, DYAD_EFORMAT, "%s: byte 0: UTF-16 XML is not "
                                 "read (convert it to UTF-8); file skipped", r->path);
        if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
            s->pos += 3;
            x->off = 3;
        }
    }
    return DYAD_OK;
}

void dyad__xml_close(dyad_reader *r)
{
    xml_state *x = r->xmlctx;
    if (!x) return;
    S_forget(x);
    if (x->ctx) xmlFreeParserCtxt(x->ctx);
    dyad__buf_free(&x->text);
    dyad__buf_free(&x->parse);
    dyad__buf_free(&x->rec);
    dyad__buf_free(&x->head);
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

static char *S_adopt(dyad_reader *r, const char *s)
{
    return s ? dyad__arena_strndup(&r->arena, s, strlen(s)) : NULL;
}

/* Turns the record just scanned into r->doc, or reports why not. */
static dyad_status S_record(xml_state *x)
{
    dyad_reader *r = x->r;
    unsigned long line = x->rec_line;
    unsigned long long off = (unsigned long long)x->rec_off;
    x->in_rec = 0;
    dyad__reader_doc_init(r, line);
    r->doc.one_sentence = 1;
    if (x->rec_big) {
        x->rec_big = 0;
        return dyad__err_set(&r->err, DYAD_ETOOBIG, "%s:%lu: <Sentence> record at byte "
                             "%llu is larger than the limit of %zu bytes; skipped",
                             r->path, line, off, r->opts.max_doc_bytes);
    }
    if (x->wide_line) {
        unsigned long at = x->wide_line;
        x->wide_line = 0;
        return dyad__err_set(&r->err, DYAD_ELIMIT, "%s:%lu: <Sentence> record at byte %llu "
                             "skipped: a tag at line %lu has more than %d attributes, the "
                             "limit", r->path, line, off, at, XML_MAX_ATTRS);
    }
    S_parse_record(x, x->rec.data ? x->rec.data : "", x->rec.len);
    dyad__buf_clear(&x->rec);
    if (x->oom) return dyad__err_set(&r->err, DYAD_ENOMEM, "%s:%lu: out of memory",
                                     r->path, line);
    r->doc.id = x->id ? S_adopt(r, x->id) : dyad__reader_derived_id(r, line);
    dyad_status st;
    if (x->err[0]) {
        unsigned long at = x->err_line > 0 ? line + (unsigned long)x->err_line - 1 : line;
        st = dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML (line %lu: %s); "
                           "<Sentence id=\"%s\"> at byte %llu skipped", r->path, line, at,
                           x->err, r->doc.id, off);
    } else if (!x->got_root) {
        st = dyad__err_set(&r->err, DYAD_EXML, "%s:%lu: malformed XML: no <Sentence> "
                           "element at byte %llu; skipped", r->path, line, off);
    } else {
        r->doc.source = S_adopt(r, x->source);
        dyad__buf_clear(&r->parse);
        if (x->parse.len) S_collapse(&r->parse, dyad__buf_cstr(&x->parse));
        r->doc.parse = r->parse.len ? dyad__buf_cstr(&r->parse) : NULL;
        S_collapse(&r->text, dyad__buf_cstr(&x->text));
        if (r->text.len == 0 && r->doc.parse) S_text_from_parse(&r->text, r->doc.parse);
        if (r->text.len == 0) {
            st = dyad__err_set(&r->err, DYAD_EFORMAT,
                               "%s:%lu: <Sentence id=\"%s\"> has no <Text>; skipped",
                               r->path, line, r->doc.id);
        } else {
            if (x->date) dyad__reader_set_date(r, x->date, strlen(x->date), "date");
            r->doc.text = dyad__buf_cstr(&r->text);
            r->doc.len = r->text.len;
            if (r->text.oom || r->parse.oom || r->arena.over_cap)
                st = dyad__err_set(&r->err, DYAD_ENOMEM, "%s:%lu: out of memory",
                                   r->path, line);
            else
                st = dyad__reader_check_text(r, r->doc.text, r->doc.len);
        }
    }
    S_forget(x);
    return st;
}

dyad_status dyad__xml_next(dyad_reader *r)
{
    xml_state *x = r->xmlctx;
    if (x->ended) {
        r->done_file = 1;
        return DYAD_EOF;
    }
    switch (S_scan(x)) {
    case S_RECORD:
        return S_record(x);
    case S_ERROR:
        return DYAD_EXML;
    case S_STREAM:
        x->ended = 1;
        r->done_file = 1;
        if (x->in_rec)
            return dyad__err_set(&r->err, r->s.status, "%s: %s; the <Sentence> begun at "
                                 "line %lu and the rest of the file skipped", r->path,
                                 r->s.err.msg, x->rec_line);
        return dyad__err_set(&r->err, r->s.status, "%s: %s; rest of file skipped",
                             r->path, r->s.err.msg);
    default:
        r->done_file = 1;
        if (x->oom) return dyad__err_set(&r->err, DYAD_ENOMEM, "%s: out of memory", r->path);
        return DYAD_EOF;
    }
}
