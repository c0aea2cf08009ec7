/*
 * dyad.h -- the whole public interface of libdyad, a political event-data
 * engine: news text in, structured events (who did what to whom, when and
 * where) out.
 *
 * Usage, the shape of every front end:
 *
 *     dyad_reader *r;  dyad_text *t;  dyad_json *j;
 *     const dyad_doc *doc;  dyad_status st;
 *     dyad_reader_new(&r, NULL);
 *     dyad_reader_add(r, "stories.jsonl.gz");
 *     dyad_text_new(&t);
 *     j = dyad_json_new(stdout);
 *     while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
 *         if (st != DYAD_OK) {          // one document skipped, go on
 *             fprintf(stderr, "%s\n", dyad_reader_errmsg(r));
 *             continue;
 *         }
 *         dyad_text_analyze(t, doc);
 *         for (size_t i = 0; i < dyad_text_sentence_count(t); i++) ...
 *     }
 *     dyad_json_free(j); dyad_text_free(t); dyad_reader_free(r);
 *
 * Conventions.
 *  - Every call that can fail returns a dyad_status; DYAD_OK is 0, errors
 *    are negative, DYAD_EOF (1) ends an iteration.  Details of the last
 *    error (file, line or byte offset, what was wrong) are kept on the
 *    handle and read with the handle's *_errmsg() function.
 *  - Results come back through out-parameters (marked OUT:).
 *  - Handles are opaque; each has _new and _free, and _free accepts NULL.
 *  - Pointers returned by a handle stay valid until the next call that
 *    changes that handle (documented per call).
 *  - The library never prints and never exits.
 *  - A handle is used by one thread at a time; different handles may be
 *    used from different threads freely.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DYAD_BUILDING) && defined(__GNUC__)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- status */

/* X(NAME, value, message): the one list behind the enum, the names and the
 * messages. */
#define DYAD_STATUS_MAP(X)                                                   \
    X(OK, 0, "success")                                                      \
    X(EOF, 1, "end of input")                                                \
    X(ENOMEM, -1, "out of memory")                                           \
    X(EINVAL, -2, "invalid argument")                                        \
    X(EIO, -3, "cannot read input")                                          \
    X(EUTF8, -4, "invalid UTF-8")                                            \
    X(EJSON, -5, "malformed JSON")                                           \
    X(EXML, -6, "malformed XML")                                             \
    X(ETRUNC, -7, "truncated or corrupt compressed data")                    \
    X(EBINARY, -8, "binary data where text was expected")                    \
    X(ETOOBIG, -9, "input exceeds the size limit")                           \
    X(EFORMAT, -10, "malformed input record")                                \
    X(ELIMIT, -11, "document needs more memory than its limit")              \
    X(EDICT, -12, "malformed dictionary entry")                              \
    X(ENOTFOUND, -13, "not found")

typedef enum dyad_status {
#define DYAD__ENUM(name, value, msg) DYAD_##name = value,
    DYAD_STATUS_MAP(DYAD__ENUM)
#undef DYAD__ENUM
} dyad_status;

/** "DYAD_EUTF8" for DYAD_EUTF8; "DYAD_UNKNOWN" for a value not in the map. */
DYAD_API const char *dyad_status_name(dyad_status st);

/** A short English description of st ("invalid UTF-8"); never NULL. */
DYAD_API const char *dyad_strerror(dyad_status st);

/** The library's version string; equals DYAD_VERSION of the header it was
 *  built with. */
DYAD_API const char *dyad_version(void);

/* ------------------------------------------------------------- documents */

/* One input document.  All strings are NUL-terminated and valid UTF-8
 * (text is also guaranteed not to contain NUL).  Optional fields are NULL
 * when absent.  Owned by the reader that returned it. */
typedef struct dyad_doc {
    const char *id;      /* document id; never NULL */
    const char *text;    /* the text, exactly as read (not normalised) */
    size_t len;          /* bytes in text */
    const char *date;    /* YYYY-MM-DD or NULL */
    const char *source;  /* news agency / publisher, or NULL */
    const char *url;     /* or NULL */
    const char *title;   /* headline, or NULL */
    const char *parse;   /* Penn Treebank parse (PETRARCH XML), or NULL */
    const char *path;    /* input file it came from ("-" for stdin) */
    unsigned long line;  /* line of that file where the document starts */
    int one_sentence;    /* nonzero: the text is one sentence (PETRARCH XML
                            <Sentence>); line breaks in it are wrapping */
} dyad_doc;

typedef enum dyad_format {
    DYAD_FORMAT_AUTO = 0, /* by extension, then by the first bytes */
    DYAD_FORMAT_TEXT,     /* one document per file */
    DYAD_FORMAT_JSONL,    /* one JSON object per line */
    DYAD_FORMAT_PETRXML   /* PETRARCH <Sentence> records */
} dyad_format;

/** Parses "auto", "text", "jsonl" or "xml" (also "petrxml").  Returns
 *  DYAD_EINVAL for anything else. */
DYAD_API dyad_status dyad_format_parse(const char *name, dyad_format *out);

typedef struct dyad_reader_options {
    dyad_format format;   /* DYAD_FORMAT_AUTO unless forced */
    size_t max_doc_bytes; /* 0: the default (64 MiB) */
} dyad_reader_options;

/* A streaming reader over any number of inputs: files, directories (read
 * recursively, entries sorted by name, hidden entries skipped) and "-" for
 * standard input.  .gz and .zst inputs are decompressed (recognised by
 * their magic bytes, so stdin works too).  Memory is bounded by the largest
 * single document, never by the corpus. */
typedef struct dyad_reader dyad_reader;

/** Creates a reader; opts may be NULL for the defaults.  *out is NULL on
 *  failure (DYAD_ENOMEM). */
DYAD_API dyad_status dyad_reader_new(dyad_reader **out,
                                     const dyad_reader_options *opts);

/** Queues an input path.  Nothing is opened yet: problems with the path
 *  are reported in order by dyad_reader_next().  The path is copied. */
DYAD_API dyad_status dyad_reader_add(dyad_reader *r, const char *path);

/** Queues a buffer in memory as an input named name (used in messages
 *  and for ids).  The data is not copied: it must stay valid and
 *  unchanged until the reader has moved past it or is freed. */
DYAD_API dyad_status dyad_reader_add_memory(dyad_reader *r, const char *name,
                                            const char *data, size_t len);

/** Reads the next document.
 *  DYAD_OK:  *out is the document, valid until the next call.
 *  DYAD_EOF: every input has been read; *out is NULL.
 *  negative: something was skipped (a document, a line, the rest of a
 *            file); dyad_reader_errmsg() says what, naming the file and the
 *            line or byte offset.  *out is NULL.  Call again to go on. */
DYAD_API dyad_status dyad_reader_next(dyad_reader *r, const dyad_doc **out);

/** Message for the last error of r, "FILE:LINE: what" or
 *  "FILE: byte N: what"; "" when there was none.  Valid until the next
 *  call on r. */
DYAD_API const char *dyad_reader_errmsg(const dyad_reader *r);

/** After DYAD_OK: a warning about the document just returned (it was kept
 *  but a field was dropped, e.g. a malformed date), or NULL.  Valid until
 *  the next call on r. */
DYAD_API const char *dyad_reader_warning(const dyad_reader *r);

DYAD_API void dyad_reader_free(dyad_reader *r);

/* ------------------------------------------------------------ text layer */

typedef enum dyad_token_kind {
    DYAD_TOK_WORD = 1,   /* letters, possibly with digits, - ' . inside */
    DYAD_TOK_NUMBER,     /* 13,000  18.6  2020  1990s */
    DYAD_TOK_PUNCT,      /* , ; : ( ) " ' -- ... */
    DYAD_TOK_SYMBOL      /* % $ & / other symbols */
} dyad_token_kind;

typedef struct dyad_token {
    const char *norm;    /* normalised form (NFC, quotes and dashes
                            folded); not NUL-terminated */
    unsigned norm_len;   /* bytes in norm */
    unsigned char kind;  /* a dyad_token_kind */
    unsigned char abbrev;/* 1: a word ending in its own period ("Oct.") */
    size_t start, end;   /* byte offsets in the original document text */
} dyad_token;

typedef struct dyad_dateline {
    const char *place;   /* "MOSCOW" */
    const char *date;    /* as written ("June 10"), or NULL */
    const char *iso_date;/* YYYY-MM-DD when the document date fixes the
                            year, or NULL */
    const char *agency;  /* "TASS", or NULL */
    size_t start, end;   /* byte offsets of the dateline in the document */
} dyad_dateline;

typedef struct dyad_sentence {
    size_t start, end;      /* byte offsets in the original document */
    size_t first_token;     /* index into dyad_text_tokens() */
    size_t ntokens;
    unsigned paragraph;     /* 0-based paragraph number */
    int boilerplate;        /* nonzero: label, notice, metadata line */
    const dyad_dateline *dateline; /* the dateline cut off the front of this
                                      sentence, or NULL */
} dyad_sentence;

/* The text analyser: UTF-8 checks, normalisation, tokens, sentences,
 * dateline and boilerplate.  It owns one arena, reset by each analyse
 * call, so a long run allocates nothing per document once warm. */
typedef struct dyad_text dyad_text;

DYAD_API dyad_status dyad_text_new(dyad_text **out);
DYAD_API void dyad_text_free(dyad_text *t);

/** Analyses one document.  Everything previously returned by t becomes
 *  invalid.  DYAD_EUTF8 when the text is not valid UTF-8 (the message
 *  gives the byte offset), DYAD_ELIMIT when the document needs more
 *  memory than its cap. */
DYAD_API dyad_status dyad_text_analyze(dyad_text *t, const dyad_doc *doc);

/** Same on a bare string; date (YYYY-MM-DD) may be NULL. */
DYAD_API dyad_status dyad_text_analyze_str(dyad_text *t, const char *text,
                                           size_t len, const char *date,
                                           int one_sentence);

DYAD_API size_t dyad_text_sentence_count(const dyad_text *t);
DYAD_API const dyad_sentence *dyad_text_sentence(const dyad_text *t,
                                                 size_t i);
/** All tokens of the document; *n receives their number. */
DYAD_API const dyad_token *dyad_text_tokens(const dyad_text *t, size_t *n);
DYAD_API const char *dyad_text_errmsg(const dyad_text *t);

/* ---------------------------------------------------- CAMEO event codes */

/* One CAMEO event code from the built-in table: every code of the CAMEO
 * 1.1b3 codebook, from the 20 roots down to 4-digit codes, plus 1213 and
 * 1214, which the PETRARCH2 and PLOVER tables use (data/cameo/cameo.tsv
 * says where each value comes from).  Static data: never freed, safe to
 * share between threads. */
typedef struct dyad_cameo_info {
    const char *code;    /* "041" */
    const char *name;    /* short English name ("Discuss by telephone") */
    const char *root;    /* two-digit root ("04") */
    const char *plover;  /* PLOVER category ("CONSULT"), or NULL when
                            there is none (roots 01 and 02) */
    int quad_class;      /* 1 verbal cooperation (roots 01-05), 2 material
                            cooperation (06-08), 3 verbal conflict (09-13),
                            4 material conflict (14-20) */
    double goldstein;    /* Goldstein scale, -10.0 to +10.0 */
} dyad_cameo_info;

/** Looks up a CAMEO code ("041", "0256", "19"), digits only, exactly as
 *  written in the codebook (leading zeros matter).  DYAD_OK: *out is the
 *  row; DYAD_ENOTFOUND when unknown; DYAD_EINVAL when code or out is
 *  NULL.  *out is NULL on failure.  Thread-safe. */
DYAD_API dyad_status dyad_cameo_lookup(const char *code,
                                       const dyad_cameo_info **out);

/** Number of codes in the built-in table. */
DYAD_API size_t dyad_cameo_count(void);

/** The i-th code, in codebook order (01, 010, ..., 02, 020, 021, 0211,
 *  ...); NULL when i >= dyad_cameo_count(). */
DYAD_API const dyad_cameo_info *dyad_cameo_at(size_t i);

/* ---------------------------------------------- PETRARCH validation files */

/* A PETRARCH validation file (e.g. PETR.UnitTest.records.xml): the
 * dictionary files its <Environment> names, and its records, each a
 * sentence with a parse and the codings it should produce.  Read whole
 * (it is a test fixture); everything lives until dyad_suite_free(). */
typedef struct dyad_suite dyad_suite;

typedef struct dyad_suite_coding {
    const char *source, *target, *code;   /* as written; any may be NULL */
} dyad_suite_coding;

typedef struct dyad_suite_record {
    const char *id;          /* the id attribute ("line-N" when absent) */
    const char *category;    /* DEMO, ACTOR ... or NULL */
    const char *date;        /* YYYY-MM-DD, or NULL */
    const char *text;        /* white space collapsed, or NULL */
    const char *parse;       /* Penn Treebank bracketing, or NULL */
    int is_sentence;         /* 0 when marked sentence="false" */
    int noevents;            /* expects no event */
    const char *error;       /* expects this error (e.g. bad_input_parse) */
    size_t ncodings;
    const dyad_suite_coding *codings;
    size_t noptions;         /* <Config> options in force for the record */
    const char *const *option_names, *const *option_values;
    unsigned long line;      /* line of <Sentence> in the file */
} dyad_suite_record;

/** Reads path.  On failure *out is still a handle (free it) whose
 *  dyad_suite_errmsg() says why (DYAD_EXML unreadable, DYAD_EFORMAT no
 *  records), or NULL on DYAD_ENOMEM. */
DYAD_API dyad_status dyad_suite_load(dyad_suite **out, const char *path);
DYAD_API void dyad_suite_free(dyad_suite *s);
DYAD_API const char *dyad_suite_errmsg(const dyad_suite *s);
DYAD_API size_t dyad_suite_count(const dyad_suite *s);
DYAD_API const dyad_suite_record *dyad_suite_get(const dyad_suite *s,
                                                 size_t i);
/** Text of an <Environment> child ("Verbfile", "Actorfile", "Agentfile",
 *  "Discardfile", "Issuefile" ...), or NULL. */
DYAD_API const char *dyad_suite_env(const dyad_suite *s, const char *name);
/** Value of a <Config> option in force for r ("require_dyad"), or NULL. */
DYAD_API const char *dyad_suite_option(const dyad_suite_record *r,
                                       const char *name);

/* ----------------------------------------------------------- JSON output */

/* The one JSON writer of the project: buffered, always valid UTF-8 JSON
 * (control characters escaped; invalid bytes become U+FFFD, never passed
 * through).  Commas and colons are placed by the writer. */
typedef struct dyad_json dyad_json;

/** A writer onto f (not closed by dyad_json_free).  NULL on ENOMEM. */
DYAD_API dyad_json *dyad_json_new(FILE *f);
/** Flushes and frees; accepts NULL. */
DYAD_API void dyad_json_free(dyad_json *j);
DYAD_API void dyad_json_obj_begin(dyad_json *j);
DYAD_API void dyad_json_obj_end(dyad_json *j);
DYAD_API void dyad_json_arr_begin(dyad_json *j);
DYAD_API void dyad_json_arr_end(dyad_json *j);
DYAD_API void dyad_json_key(dyad_json *j, const char *key);
DYAD_API void dyad_json_str(dyad_json *j, const char *s, size_t len);
/** NULL writes null. */
DYAD_API void dyad_json_cstr(dyad_json *j, const char *s);
DYAD_API void dyad_json_int(dyad_json *j, long long v);
/** Non-finite values write null. */
DYAD_API void dyad_json_double(dyad_json *j, double v);
DYAD_API void dyad_json_bool(dyad_json *j, int v);
DYAD_API void dyad_json_null(dyad_json *j);
/** Ends one JSON Lines record with "\n". */
DYAD_API void dyad_json_newline(dyad_json *j);
/** Writes out the buffer; DYAD_EIO if the stream failed at any point. */
DYAD_API dyad_status dyad_json_flush(dyad_json *j);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
