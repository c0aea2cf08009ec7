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

/** The folder of the built-in data of the given kind: "dict" (the
 *  built-in dictionaries), "places" (the gazetteer) or "tagger" (the
 *  tagger model compiled from the Lingua files); NULL for another
 *  kind.  The first that holds the data of: the folder beside the running
 *  binary (a build tree), PREFIX/share/dyad/ above it (an installed or
 *  moved prefix), the build tree the library was built in, the prefix it
 *  was configured to install to (the build tree's path when none holds
 *  it).  Computed once; thread-safe. */
DYAD_API const char *dyad_data_dir(const char *kind);

/** The library's notes: what it did about a problem it could work around
 *  on its own (a compiled tagger model or gazetteer that was stale or
 *  damaged, so the source files were read instead).  The library never
 *  writes to stderr itself; it hands each note, one line without a
 *  newline, to the function set here (as SQLite's SQLITE_CONFIG_LOG
 *  does).  NULL (the default) drops them.  Set it once, before the first
 *  handle is made; fn may be called from any thread, one call at a time. */
typedef void (*dyad_log_fn)(void *ctx, const char *msg);
DYAD_API void dyad_set_log(dyad_log_fn fn, void *ctx);

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
    size_t max_doc_bytes; /* 0: the default (16 MiB) */
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
 * dateline and boilerplate.  Its buffers are reused from document to
 * document, so a long run allocates nothing per document once warm;
 * those of a megabyte or more are given back after the last window of
 * dyad_text_next().  dyad_text_analyze() holds the whole document's
 * tokens (32 bytes each, about 6 bytes per byte of text); the windows
 * of dyad_text_open()/dyad_text_next() hold a window's. */
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

/** Windowed analysis, for documents of any size, in memory that follows
 *  the window instead of the document.  dyad_text_open() checks and
 *  normalises doc (statuses as dyad_text_analyze()); each
 *  dyad_text_next() then makes the next window of sentences t's content:
 *  dyad_text_sentence_count(), dyad_text_sentence() and
 *  dyad_text_tokens() index the window's sentences and tokens from 0,
 *  and *first receives the number of the document's sentences before
 *  it.  DYAD_OK, DYAD_EOF after the last window, DYAD_ENOMEM.  The
 *  sentences, their flags and the dateline are exactly those
 *  dyad_text_analyze() gives the whole document; the first window holds
 *  the sentence that carries the dateline.  doc's text must stay valid
 *  and unchanged until the last window is read.
 *
 *      dyad_text_open(t, doc);
 *      while (dyad_text_next(t, &first) == DYAD_OK)
 *          for (size_t i = 0; i < dyad_text_sentence_count(t); i++)
 *              use(first + i, dyad_text_sentence(t, i));
 */
DYAD_API dyad_status dyad_text_open(dyad_text *t, const dyad_doc *doc);
DYAD_API dyad_status dyad_text_next(dyad_text *t, size_t *first);

DYAD_API size_t dyad_text_sentence_count(const dyad_text *t);
DYAD_API const dyad_sentence *dyad_text_sentence(const dyad_text *t,
                                                 size_t i);
/** All tokens of the document after dyad_text_analyze() (of the window,
 *  and perhaps a few after it, after dyad_text_next()); *n receives
 *  their number.  Sentences index them with first_token. */
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
    const char *intent;  /* the code of stating one will do it (03x, 13x;
                            "will meet": 036), or NULL */
    const char *refusal; /* the code of refusing to do it (12x; "will not
                            meet": 125), or NULL */
    const char *charge;  /* the code of accusing a party of doing it (112x:
                            another's report that it "shelled the port"
                            is an accusation of aggression, 1123), or
                            NULL when stating it is no charge */
    unsigned traits;     /* DYAD_CAMEO_* bits (the table's traits column) */
} dyad_cameo_info;

/* Traits of a CAMEO code that the coder's rules branch on
 * (data/cameo/cameo.tsv, column traits). */
#define DYAD_CAMEO_SYMMETRIC 1u  /* mutual with both parties in the subject */
#define DYAD_CAMEO_MUTUAL 2u     /* mutual whoever is named first */
#define DYAD_CAMEO_FORCE 4u      /* an act of force (roots 18-20) */
#define DYAD_CAMEO_JUDGEMENT 8u  /* its object is often a deed, not a party */
#define DYAD_CAMEO_ONE_SIDED 16u /* needs no second party (a protest, a
                                    strike, troops put on alert): coded
                                    with an empty target when none is
                                    named */
#define DYAD_CAMEO_VENUE 32u     /* a place named with it is where it
                                    happened, not a party acted on */
#define DYAD_CAMEO_INWARD 64u    /* an act on the actor's own polity as a
                                    whole (reform): its own country is no
                                    second party */
#define DYAD_CAMEO_TO_RULERS 128u /* addressed to those who rule the
                                    actor's country (a demand for
                                    reform) */
#define DYAD_CAMEO_BINDS 256u    /* imposed on a place, it binds the
                                    place's people: the target, even the
                                    actor's own country (a curfew) */
#define DYAD_CAMEO_NO_DOER 512u  /* its doer often goes unnamed (a
                                    bombing, an assassination): coded
                                    with an empty source when its target
                                    is named and no doer is */

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

/* ---- dictionaries ---- */

/* The event-coding knowledge: dictionaries in the TABARI/PETRARCH formats.
 * Five kinds: verbs (blocks of synonymous verbs, each with a code and
 * patterns; synsets; transformations), actors (phrases with codes that
 * may be restricted to dates), agents (role phrases whose code attaches
 * before or after an actor code), discards (phrases that stop a sentence
 * or story from being coded) and issues (phrases tagged with issue codes).
 *
 *     dyad_dict *d;
 *     dyad_dict_new(&d);
 *     dyad_dict_add_dir(d, "dictionaries");       // or dyad_dict_add_file()
 *     dyad_dict_compile(d);                        // read-only from here on
 *     for (size_t i = 0; i < dyad_dict_diag_count(d); i++) ...  // FILE:LINE
 *     dyad_dict_word w[] = {{"Vladimir", 8}, {"Putin", 5}};
 *     dyad_dict_match m[8];
 *     size_t n = dyad_dict_match_at(d, DYAD_DICT_MASK(DYAD_DICT_ACTORS),
 *                                   w, 2, 0, 0, m, 8);
 *     const dyad_dict_code *c = dyad_dict_actor_code(d, m[0].entry,
 *                                                    "2020-06-10");
 *     dyad_dict_free(d);
 *
 * Words.  Dictionary phrases are split the way the text layer tokenises
 * text ("U.S." and "AL-QAEDA" stay whole, "SAMOA_(AMERICAN)" becomes
 * SAMOA ( AMERICAN ), "DON'T" becomes DO N'T), and every word is compared
 * in a canonical form: upper case, without one final period ("Mr." and
 * "MR" are the same word).  Callers pass words as they appear in the
 * text, in any case.
 *
 * Lifetime and threads.  Loading (dyad_dict_add_*) and dyad_dict_compile()
 * need the handle to themselves.  After a successful compile the
 * dictionary never changes: every other function here only reads it, so
 * any number of threads may use one dictionary at once.  Strings and
 * arrays it returns live until dyad_dict_free().
 *
 * Diagnostics.  A malformed line never stops loading: it yields one
 * diagnostic naming its file and line, and loading goes on.  An error is
 * a line that breaks the format with no rule to read it; it (or the part
 * named) is left out.  A warning is a duplicate or conflicting entry; a
 * line used with a stated repair (a stray ')' ignored, "[~X}" read as
 * "[~X]"); or a line skipped or ignored by a rule of the format or of its
 * reference reader (a pattern with an undefined synset, an agent without
 * a code, an unreadable date restriction, an issue phrase without a
 * code).  Ids (entries, patterns, blocks, synsets, transformations) start
 * at 1; 0 means none. */
typedef struct dyad_dict dyad_dict;

typedef enum dyad_dict_kind {
    DYAD_DICT_AUTO = 0,   /* add_file/add_text: recognise the kind */
    DYAD_DICT_VERBS,      /* CAMEO.2.0.txt, *.verbs.txt */
    DYAD_DICT_ACTORS,     /* *.actors.txt */
    DYAD_DICT_AGENTS,     /* *agents*.txt */
    DYAD_DICT_DISCARDS,   /* *discards*.txt */
    DYAD_DICT_ISSUES      /* *Issue*.txt */
} dyad_dict_kind;
#define DYAD_DICT_NKINDS 6
#define DYAD_DICT_MASK(kind) (1u << (unsigned)(kind))

/** "verbs", "actors", "agents", "discards", "issues" ("auto" for 0). */
DYAD_API const char *dyad_dict_kind_name(dyad_dict_kind kind);

/** Parses a kind name (also the singular: "verb", "actor", ...);
 *  DYAD_EINVAL when unknown. */
DYAD_API dyad_status dyad_dict_kind_parse(const char *name,
                                          dyad_dict_kind *out);

/** An empty dictionary.  *out is NULL on failure (DYAD_ENOMEM). */
DYAD_API dyad_status dyad_dict_new(dyad_dict **out);

/** Frees d and everything it returned; accepts NULL. */
DYAD_API void dyad_dict_free(dyad_dict *d);

/** Loads one file.  kind DYAD_DICT_AUTO recognises it by its name
 *  (PETRARCH conventions: *.verbs.txt, *actors*, *agents*, *discards*,
 *  *issue*), then by its content (verb block headers "--- NAME [CODE] ---",
 *  "<ISSUE" sections, "!X! =" markers, date restrictions ...).
 *  DYAD_OK: loaded, no errors in it (warnings possible).  DYAD_EDICT:
 *  loaded, but some lines were left out (see the diagnostics).  DYAD_EIO:
 *  unreadable; DYAD_EFORMAT: kind not recognised; DYAD_ETOOBIG: over
 *  256 MiB; DYAD_EINVAL: after compile, or a NULL argument.  The message
 *  is in dyad_dict_errmsg(), and unless EINVAL or ENOMEM also recorded as
 *  an error diagnostic. */
DYAD_API dyad_status dyad_dict_add_file(dyad_dict *d, const char *path,
                                        dyad_dict_kind kind);

/** Loads every dictionary file of a directory (not recursive): regular
 *  files whose names end in ".txt", in name order, each recognised as in
 *  dyad_dict_add_file(); a .txt file of no recognisable kind gets a
 *  warning and is skipped, other regular files and directories are
 *  ignored.  A .txt name that is not a regular file (a FIFO, a directory,
 *  a link to nothing) and a FIFO, socket or device of any name are not
 *  read: each gets an error diagnostic about the whole file (line 0:
 *  "not a regular file (a FIFO); skipped"), and the status is at least
 *  DYAD_EDICT.  Returns the worst status of its files, DYAD_EIO when the
 *  directory cannot be read, or DYAD_ENOTFOUND when it holds no
 *  dictionary. */
DYAD_API dyad_status dyad_dict_add_dir(dyad_dict *d, const char *dir);

/** Loads dictionary text held in memory (a built-in dictionary, a test);
 *  name labels its diagnostics.  The text is copied as needed.  kind
 *  DYAD_DICT_AUTO recognises it by name, then content.  Statuses as for
 *  dyad_dict_add_file(). */
DYAD_API dyad_status dyad_dict_add_text(dyad_dict *d, const char *name,
                                        const char *text, size_t len,
                                        dyad_dict_kind kind);

/** Finishes loading: resolves synset references (in any verb file), checks
 *  transformations, and makes d read-only.  Problems found here are
 *  diagnostics too, located at the line that caused them.  DYAD_OK, or
 *  DYAD_EDICT when the load as a whole had errors (d is usable either
 *  way), DYAD_ENOMEM, DYAD_EINVAL when already compiled.  Lookups need a
 *  compiled dictionary. */
DYAD_API dyad_status dyad_dict_compile(dyad_dict *d);

/** Message of the last failed call on d ("" when none). */
DYAD_API const char *dyad_dict_errmsg(const dyad_dict *d);

typedef enum dyad_dict_severity {
    DYAD_DICT_WARNING = 1,
    DYAD_DICT_ERROR = 2
} dyad_dict_severity;

typedef struct dyad_dict_diag {
    dyad_dict_severity severity;
    const char *file;      /* the file (or add_text name); NULL if none */
    unsigned long line;    /* 1-based; 0 when about the whole file */
    const char *message;   /* one sentence, no FILE:LINE prefix */
} dyad_dict_diag;

/** Diagnostics in the order found (the first 100,000 are kept; the counts
 *  below count all). */
DYAD_API size_t dyad_dict_diag_count(const dyad_dict *d);
/** The i-th diagnostic, or NULL when i is out of range. */
DYAD_API const dyad_dict_diag *dyad_dict_diag_get(const dyad_dict *d,
                                                  size_t i);
DYAD_API size_t dyad_dict_error_count(const dyad_dict *d);
DYAD_API size_t dyad_dict_warning_count(const dyad_dict *d);

/** Bytes of a content hash written as text: 16 hex digits and a NUL. */
#define DYAD_HASH_HEX 17
/** The content hash of the dictionary set loaded into d: a 64-bit hash,
 *  in load order, of each file's base name, kind, length and bytes,
 *  written as 16 lowercase hex digits into out.  The same files loaded
 *  from any folder give the same hash; any changed byte, a file added,
 *  removed or renamed gives another.  The event store keeps it with each
 *  document it codes (`dyad recode`).  d NULL: the hash of nothing. */
DYAD_API void dyad_dict_hash(const dyad_dict *d, char out[DYAD_HASH_HEX]);

typedef struct dyad_dict_stats {
    size_t files, lines;         /* dictionary files and their lines */
    size_t entries;              /* all phrase entries below */
    size_t verb_blocks;          /* "--- NAME [CODE] ---" blocks */
    size_t verbs;                /* verb lines (base verbs) */
    size_t verb_forms;           /* forms indexed, listed or generated */
    size_t patterns;
    size_t synsets, synset_members;
    size_t transformations;
    size_t actors;               /* actor records (primary + synonyms) */
    size_t actor_phrases;        /* primary and synonym phrases */
    size_t actor_codes;          /* codes, with or without dates */
    size_t agents;               /* agent phrases incl. plurals and
                                    substitution-marker expansions */
    size_t discards;
    size_t issues;               /* issue phrases incl. expansions */
    size_t words;                /* distinct words */
    size_t trie_nodes;
    size_t bytes;                /* memory held by the dictionary */
} dyad_dict_stats;

DYAD_API void dyad_dict_stats_get(const dyad_dict *d, dyad_dict_stats *out);

/* A word of the text to match: as in the text, any case. */
typedef struct dyad_dict_word {
    const char *s;
    size_t len;
} dyad_dict_word;

/** Id of a word in the dictionaries' vocabulary (canonical form), or 0
 *  when no dictionary phrase uses it.  Pattern elements carry these ids,
 *  and the *_ids lookups take them. */
DYAD_API unsigned dyad_dict_word_id(const dyad_dict *d, const char *s,
                                    size_t len);
/** Canonical text of a word id; NULL for 0 or out of range. */
DYAD_API const char *dyad_dict_word_text(const dyad_dict *d, unsigned id);

/* Entry flags. */
#define DYAD_DICT_F_PRIMARY 1u    /* actors: the record's primary phrase;
                                     verbs: the form written first on the
                                     verb line (the base form) */
#define DYAD_DICT_F_GENERATED 2u  /* a plural, verb form, '!X!' or issue
                                     expansion made by dyad */
#define DYAD_DICT_F_OPEN_END 4u   /* written without a final '_' (in TABARI
                                     the last word was then a stem) */
#define DYAD_DICT_F_STORY 8u      /* discards: '+' (discard the story);
                                     issues: '~~' (exclude for the story) */
#define DYAD_DICT_F_EXCLUDE 16u   /* issues: '~' or '~~' exclusion phrase */
#define DYAD_DICT_F_PREFIX 32u    /* agents: written "CODE~": the code goes
                                     before the actor code (else after) */

/* One phrase entry of any kind. */
typedef struct dyad_dict_entry {
    unsigned id;
    dyad_dict_kind kind;
    unsigned flags;             /* DYAD_DICT_F_* */
    const char *file;
    unsigned long line;         /* the line that defined it */
    size_t nwords;
    const unsigned *words;      /* word ids, nwords of them */
    const unsigned char *adjacent; /* adjacent[i] (i >= 1): 1 when word i
                                   was joined to word i-1 by '_' (no words
                                   may come between), 0 for a blank (in
                                   actor, agent and pattern phrases other
                                   words may come between) */
    const char *code;           /* actors: the default code (NULL: none;
                                   see dyad_dict_actor_code()); agents: the
                                   code without '~'; verbs: the verb's code
                                   (its own or its block's); issues: the
                                   issue code (NULL for exclusions);
                                   discards: NULL */
    const char *passive_code;   /* verbs: the code after ':', or NULL */
    unsigned group;             /* actors: the actor record (shared by a
                                   primary phrase and its synonyms); verbs:
                                   the block id */
    const char *category;       /* issues: the <ISSUE CATEGORY>, or NULL */
    size_t verb_word;           /* verbs: index of the verb among words
                                   (multi-word verbs: the '+' word) */
} dyad_dict_entry;

/** Fills *out with entry id.  DYAD_ENOTFOUND when there is none. */
DYAD_API dyad_status dyad_dict_entry_get(const dyad_dict *d, unsigned id,
                                         dyad_dict_entry *out);
/** The phrase of entry id as text, words joined by ' ' or '_' as written
 *  (canonical words).  Writes at most cap bytes including the NUL and
 *  returns the full length (like snprintf). */
DYAD_API size_t dyad_dict_entry_text(const dyad_dict *d, unsigned id,
                                     char *buf, size_t cap);

typedef enum dyad_dict_when {
    DYAD_DICT_ALWAYS = 0,   /* [CODE]: the default */
    DYAD_DICT_BEFORE,       /* [CODE <date]: on or before `to` */
    DYAD_DICT_AFTER,        /* [CODE >date]: on or after `from` */
    DYAD_DICT_BETWEEN       /* [CODE date-date]: from..to inclusive */
} dyad_dict_when;

/* One code of an actor record. */
typedef struct dyad_dict_code {
    const char *code;       /* "RUSGOV"; "---" is the null code */
    dyad_dict_when when;
    long from, to;          /* YYYYMMDD, inclusive (0 / 99991231 when
                               open) */
    unsigned long line;     /* where it was written */
} dyad_dict_code;

/** All codes of the actor record of entry (in file order); *out points
 *  into d.  Returns their number (0 for a non-actor entry). */
DYAD_API size_t dyad_dict_actor_codes(const dyad_dict *d, unsigned entry,
                                      const dyad_dict_code **out);
/** The code of an actor entry on date ("YYYY-MM-DD", or NULL for
 *  undated): the first date-restricted code, in file order, whose range
 *  holds the date, else the default (the first unrestricted code).  NULL
 *  when none applies, or for a non-actor entry or a malformed date. */
DYAD_API const dyad_dict_code *dyad_dict_actor_code(const dyad_dict *d,
                                                    unsigned entry,
                                                    const char *date);

/* One match: entry matched words[start..end). */
typedef struct dyad_dict_match {
    unsigned entry;
    size_t start, end;
} dyad_dict_match;

/* Match flags. */
#define DYAD_MATCH_GAPS 1u   /* honour blank connectors: other words may
                                come between two words of a phrase (else
                                all words must be consecutive) */
#define DYAD_MATCH_STEMS 2u  /* an open-ended phrase's last word matches
                                any text word it begins (TABARI stems) */

/** Every entry of the kinds in `kinds` (DYAD_DICT_MASK(DYAD_DICT_ACTORS)
 *  | ...; verbs are matched with dyad_dict_match_verb()) whose phrase
 *  matches the text words from words[start] on, within words[0..n).
 *  Writes up to max matches to out -- longest first; among equals, entries
 *  written in the file before generated ones (plurals, verb forms), then
 *  load order -- and returns how many there are in all (which may exceed
 *  max; at most 512 are ranked).  out may be NULL when max is 0.  A call
 *  does a bounded amount of work whatever the input.  Reads d only:
 *  thread-safe. */
DYAD_API size_t dyad_dict_match_at(const dyad_dict *d, unsigned kinds,
                                   const dyad_dict_word *words, size_t n,
                                   size_t start, unsigned flags,
                                   dyad_dict_match *out, size_t max);

/** Verb entries (every listed or generated form) whose verb word is
 *  words[verb] and whose other words (particles of multi-word verbs such
 *  as "CORDON OFF" or "WIRE TAP") stand right before and after it.  Same
 *  output rules as dyad_dict_match_at(). */
DYAD_API size_t dyad_dict_match_verb(const dyad_dict *d,
                                     const dyad_dict_word *words, size_t n,
                                     size_t verb, dyad_dict_match *out,
                                     size_t max);

/** dyad_dict_match_at() on word ids, for callers that look up many
 *  positions of one sentence: canonicalise each word once with
 *  dyad_dict_word_id(), then pass ids[i] for text word i.  Id 0 (and any
 *  id the dictionary never returned) is a word no dictionary phrase uses:
 *  it never matches.  Same matches, order and total as
 *  dyad_dict_match_at() on the words, except that DYAD_MATCH_STEMS is
 *  ignored: stems need the text (use dyad_dict_match_at() for them).
 *  Allocates nothing; a position no phrase of the kinds can begin at
 *  costs one table read.  Reads d only: thread-safe. */
DYAD_API size_t dyad_dict_match_at_ids(const dyad_dict *d, unsigned kinds,
                                       const unsigned *ids, size_t n,
                                       size_t start, unsigned flags,
                                       dyad_dict_match *out, size_t max);

/** dyad_dict_match_verb() on word ids (see dyad_dict_match_at_ids()):
 *  same matches, order and total.  Thread-safe. */
DYAD_API size_t dyad_dict_match_verb_ids(const dyad_dict *d,
                                         const unsigned *ids, size_t n,
                                         size_t verb, dyad_dict_match *out,
                                         size_t max);

/* A verb block: "--- NAME [CODE] ---" with its verbs and patterns. */
typedef struct dyad_dict_block {
    unsigned id;
    const char *name;           /* "ACCELERATE" */
    const char *code;           /* the block's code ("---" when none) */
    const char *passive_code;   /* after ':' in the header, or NULL */
    const char *file;
    unsigned long line;
    unsigned first_pattern;     /* its patterns are first_pattern ..
                                   first_pattern + npatterns - 1 */
    size_t npatterns;
} dyad_dict_block;

DYAD_API size_t dyad_dict_block_count(const dyad_dict *d);
/** DYAD_ENOTFOUND when there is no block id. */
DYAD_API dyad_status dyad_dict_block_get(const dyad_dict *d, unsigned id,
                                         dyad_dict_block *out);

typedef enum dyad_pat_kind {
    DYAD_PAT_WORD = 1,   /* a literal word: id, text */
    DYAD_PAT_SYNSET,     /* &NAME: id is the synset, text "&NAME" */
    DYAD_PAT_VERB,       /* *  the verb of the block */
    DYAD_PAT_SOURCE,     /* $  the source actor */
    DYAD_PAT_TARGET,     /* +  the target actor */
    DYAD_PAT_COMPOUND,   /* %  a compound actor: source and target */
    DYAD_PAT_SKIP,       /* ^  skip a noun phrase */
    DYAD_PAT_NP_BEGIN,   /* {  noun phrase; its last word is the head */
    DYAD_PAT_NP_END,     /* }  */
    DYAD_PAT_PP_BEGIN,   /* (  prepositional phrase; first word is the
                               preposition */
    DYAD_PAT_PP_END      /* )  */
} dyad_pat_kind;

/* One element of a pattern, in written order. */
typedef struct dyad_pat_elem {
    unsigned char kind;      /* dyad_pat_kind */
    unsigned char adjacent;  /* 1: joined to the previous word-like element
                                by '_' (nothing may come between); 0: a
                                blank (words may come between).  Always 0
                                on brackets. */
    unsigned id;             /* WORD: word id; SYNSET: synset id */
    const char *text;        /* WORD: the word; SYNSET: "&NAME"; else the
                                symbol ("*", "$", "{" ...) */
} dyad_pat_elem;

typedef struct dyad_dict_pattern {
    unsigned id;
    unsigned block;
    const char *code;          /* before ':' ("---" null code); NULL when
                                  written "[:CODE]" */
    const char *passive_code;  /* after ':', or NULL */
    const char *file;
    unsigned long line;
    const char *text;          /* as written, without '-', code, comment */
    const dyad_pat_elem *elems;
    size_t nelems;
    size_t verb;               /* index of the DYAD_PAT_VERB element */
} dyad_dict_pattern;

DYAD_API size_t dyad_dict_pattern_count(const dyad_dict *d);
DYAD_API dyad_status dyad_dict_pattern_get(const dyad_dict *d, unsigned id,
                                           dyad_dict_pattern *out);

typedef struct dyad_dict_synset {
    unsigned id;
    const char *name;          /* without '&' and a final '_' */
    const char *file;
    unsigned long line;
    size_t nmembers;           /* phrases, plurals included */
    int plurals;               /* 0 when the label ended in '_' */
} dyad_dict_synset;

DYAD_API size_t dyad_dict_synset_count(const dyad_dict *d);
DYAD_API dyad_status dyad_dict_synset_get(const dyad_dict *d, unsigned id,
                                          dyad_dict_synset *out);
/** Synset id by name ("&CURRENCY" or "CURRENCY"), 0 when undefined. */
DYAD_API unsigned dyad_dict_synset_find(const dyad_dict *d,
                                        const char *name);
/** Members of synset id (nested synsets expanded) that match consecutive
 *  words from words[start]: writes their end indexes (exclusive) to
 *  ends[], longest first, without repeats, and returns how many there
 *  are.  Thread-safe. */
DYAD_API size_t dyad_dict_synset_match(const dyad_dict *d, unsigned id,
                                       const dyad_dict_word *words,
                                       size_t n, size_t start,
                                       size_t *ends, size_t max);
/** dyad_dict_synset_match() on word ids (see dyad_dict_match_at_ids()):
 *  the same ends in the same order.  Thread-safe. */
DYAD_API size_t dyad_dict_synset_match_ids(const dyad_dict *d, unsigned id,
                                           const unsigned *ids, size_t n,
                                           size_t start, size_t *ends,
                                           size_t max);

/* A verb transformation "~ a (a b ATTACK) SAY = a b 015": levels from the
 * outermost in; level i has a source variable and a verb; the innermost
 * level also has a target.  Variables are one letter, "." (any actor) or
 * "_" (no actor); verbs are verb words ("WILL_ATTACK" joins two) or "Q"
 * (any verb). */
typedef struct dyad_dict_transform {
    unsigned id;
    const char *file;
    unsigned long line;
    const char *text;
    size_t nlevels;
    const char *const *sources;  /* nlevels */
    const char *const *verbs;    /* nlevels */
    const char *target;          /* innermost target */
    const char *out_source, *out_target, *out_code;
} dyad_dict_transform;

DYAD_API size_t dyad_dict_transform_count(const dyad_dict *d);
DYAD_API dyad_status dyad_dict_transform_get(const dyad_dict *d,
                                             unsigned id,
                                             dyad_dict_transform *out);

/* A hit of dyad_dict_lookup(). */
typedef struct dyad_dict_hit {
    dyad_dict_kind kind;
    unsigned entry;       /* the matching entry */
    unsigned pattern;     /* verbs: a pattern of the verb's block whose
                             words all occur in the phrase, in order and
                             on the right side of the verb; 0 for the verb
                             entry itself */
    size_t start, end;    /* words of the phrase it covers */
} dyad_dict_hit;

/** A diagnostic lookup (what `dyad dict lookup` prints): splits phrase
 *  into words like a dictionary phrase, then reports every actor, agent,
 *  discard and issue entry matching the whole phrase (blank connectors
 *  may skip words), every verb entry whose form occurs in it, and, for
 *  each of those, every pattern of its block whose literal words and
 *  synsets occur around the verb in the written order (actor slots $ + %
 *  ^ match any words).  Writes up to max hits and returns the total.
 *  Thread-safe. */
DYAD_API size_t dyad_dict_lookup(const dyad_dict *d, const char *phrase,
                                 dyad_dict_hit *out, size_t max);

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

/* ---- places ---- */

/* The gazetteer: where events take place.  A folder of tables
 * (data/places/README.md): countries.tsv (ISO 3166-1, from Debian's
 * iso-codes), cities.tsv (GeoNames' cities of over 15,000 people, from
 * Debian's libgeonames0 at build time; empty when the build had no such
 * package) and overlay.tsv (our own regions and spellings).  The engine
 * reads it to give every record its location (dyad_record.location);
 * with no gazetteer in its options it uses the built-in one, loaded once
 * per process.
 *
 *     dyad_places *pl;
 *     if (dyad_places_new(&pl, NULL) != DYAD_OK)     // the built-in one
 *         fprintf(stderr, "%s\n", dyad_places_errmsg(pl));
 *     ...  o.places = pl;  dyad_engine_new(&e, d, tg, &o);  ...
 *     dyad_places_free(pl);                          // after the engines
 *
 * Threads.  A loaded gazetteer never changes: any number of engines and
 * threads may share it. */
typedef struct dyad_places dyad_places;

/** Loads the gazetteer of dir (NULL or "": the built-in one, the build's
 *  places/ folder).  countries.tsv must be there; cities.tsv and
 *  overlay.tsv are read when they are.  DYAD_OK: *out is ready.  DYAD_EIO
 *  (a file cannot be read) or DYAD_EDICT (a malformed line, or a place in
 *  an unknown country): *out is a handle that only reports the problem
 *  through dyad_places_errmsg() ("PATH:LINE: what") and must be freed.
 *  DYAD_ENOMEM: *out may be NULL.  When dir also holds places.bin made
 *  from these tables (the build writes one for the built-in folder), the
 *  places are read from it (about a tenth of the work); a damaged one is
 *  named on stderr and the tables are read.  Otherwise about 0.1 s. */
DYAD_API dyad_status dyad_places_new(dyad_places **out, const char *dir);

/** Why dyad_places_new() failed; "" after success; "out of memory" for
 *  NULL. */
DYAD_API const char *dyad_places_errmsg(const dyad_places *p);

/** How many places each table gave: GeoNames cities (0 when the build had
 *  no libgeonames0), overlay places, countries.  Any pointer may be
 *  NULL. */
DYAD_API void dyad_places_counts(const dyad_places *p, size_t *cities,
                                 size_t *overlay, size_t *countries);

/** Frees p; accepts NULL. */
DYAD_API void dyad_places_free(dyad_places *p);

/* ---- tagger ---- */

/* The built-in part-of-speech tagger and phrase chunker, for text that
 * comes without a parse.  The tagger is a bigram HMM whose parameters are
 * read from the data of Debian's liblingua-en-tagger-perl (words.yml,
 * tags.yml: Penn Treebank counts); tags are Penn Treebank tags.  The
 * chunker builds from the tags the same kind of tree a Treebank parse
 * gives (ROOT, S, NP, VP, PP, SBAR, ...), and describes each verb group.
 *
 *     dyad_tagger *tg;
 *     if (dyad_tagger_new(&tg, NULL) != DYAD_OK) {   // the default data
 *         fprintf(stderr, "%s\n", dyad_tagger_errmsg(tg));
 *         dyad_tagger_free(tg);  ...
 *     }
 *     dyad_chunker *c;
 *     dyad_chunker_new(&c, tg);                 // one per thread
 *     dyad_chunker_run(c, text, i);             // sentence i of a dyad_text
 *     for (size_t k = 0; k < dyad_chunker_token_count(c); k++)
 *         ... dyad_chunker_tag(c, k) ...        // "NNP"
 *     puts(dyad_chunker_tree(c));               // "(ROOT (S (NP ...) ...))"
 *     dyad_chunker_free(c);
 *     dyad_tagger_free(tg);
 *
 * Threads.  A loaded dyad_tagger never changes: any number of chunkers,
 * in any threads, may share it.  Each dyad_chunker is used by one thread
 * at a time and must be freed before its tagger. */
typedef struct dyad_tagger dyad_tagger;

/** Loads the tagger data from dir: words.yml and tags.yml of
 *  Lingua::EN::Tagger.  dir NULL or "": the environment variable
 *  DYAD_TAGGER_DIR, else /usr/share/perl5/Lingua/EN/Tagger.
 *  DYAD_OK: *out is ready.  DYAD_EIO (a file cannot be read) or
 *  DYAD_EDICT (a malformed line): *out is a handle that only reports the
 *  problem through dyad_tagger_errmsg() ("PATH:LINE: what") and must be
 *  freed.  DYAD_ENOMEM: *out may be NULL.  When those two files are the
 *  ones the build compiled the model from (dyad_data_dir("tagger")/
 *  model.bin), the model is read from that file (about a tenth of the
 *  work); a damaged one is named on stderr and the files are read.
 *  Otherwise about 0.1 s. */
DYAD_API dyad_status dyad_tagger_new(dyad_tagger **out, const char *dir);

/** Why dyad_tagger_new() failed; "" after success; "out of memory" for
 *  NULL. */
DYAD_API const char *dyad_tagger_errmsg(const dyad_tagger *tg);

/** Frees tg; accepts NULL. */
DYAD_API void dyad_tagger_free(dyad_tagger *tg);

#define DYAD_NO_TOKEN ((size_t)-1)

typedef enum dyad_tense {
    DYAD_TENSE_NONE = 0,      /* non-finite: "to attack", "attacking" */
    DYAD_TENSE_PRESENT,
    DYAD_TENSE_PAST,
    DYAD_TENSE_FUTURE         /* will, shall, 'll */
} dyad_tense;

typedef enum dyad_modality {
    DYAD_MODALITY_NONE = 0,
    DYAD_MODALITY_FUTURE,       /* will, shall */
    DYAD_MODALITY_CONDITIONAL,  /* would */
    DYAD_MODALITY_ABILITY,      /* can, could */
    DYAD_MODALITY_POSSIBILITY,  /* may, might */
    DYAD_MODALITY_OBLIGATION    /* must, should, ought, need */
} dyad_modality;

/* A verb group: auxiliaries, modal, negation and main verb ("will not be
 * attacked").  Token indexes count from the sentence's first token. */
typedef struct dyad_verb_group {
    size_t verb;              /* the main verb */
    size_t first, last;       /* first and last verbal token, inclusive */
    size_t modal;             /* the modal, or DYAD_NO_TOKEN */
    size_t negation;          /* "not" / "n't" / "never", or DYAD_NO_TOKEN */
    size_t subject_first, subject_end;   /* the subject noun phrase,
                                            [first, end); equal: none */
    size_t reported_first, reported_end; /* speech verbs ("said"): the
                                            reported clause; equal: none */
    dyad_tense tense;
    dyad_modality modality;
    int passive;              /* be/get + past participle */
    int negated;
    int perfect;              /* have + past participle */
    int progressive;          /* be + -ing */
    int infinitive;           /* "to" + verb */
} dyad_verb_group;

/* Limits on one sentence (docs/HARDENING.md).  A sentence over one is
 * refused whole with DYAD_ELIMIT and a message naming its byte offset
 * (dyad_chunker_errmsg(), dyad_coder_errmsg()); nothing is cut silently. */
#define DYAD_MAX_SENTENCE_TOKENS 10000 /* words of one sentence: chunker and
                                          Treebank parses */
#define DYAD_MAX_NESTING 32            /* brackets and quotation marks open
                                          at once in a chunked sentence */
#define DYAD_MAX_PARSE_DEPTH 512       /* nesting of a Treebank parse */

/* Tags and chunks one sentence at a time, keeping the result until the
 * next run.  It owns one arena, reset by each run. */
typedef struct dyad_chunker dyad_chunker;

/** A chunker using tg (not copied: tg must outlive it).  DYAD_EINVAL when
 *  tg is NULL or failed to load; DYAD_ENOMEM. */
DYAD_API dyad_status dyad_chunker_new(dyad_chunker **out,
                                      const dyad_tagger *tg);
/** Frees c; accepts NULL. */
DYAD_API void dyad_chunker_free(dyad_chunker *c);

/** Tags and chunks sentence i of t (after dyad_text_analyze).  Everything
 *  previously returned by c becomes invalid.  DYAD_EINVAL when i is out of
 *  range; DYAD_ELIMIT when the sentence has more than
 *  DYAD_MAX_SENTENCE_TOKENS words, brackets and quotation marks nested
 *  deeper than DYAD_MAX_NESTING, or needs more than the chunker's memory
 *  cap (64 MiB) -- dyad_chunker_errmsg() then says which, with the
 *  sentence's byte offset; DYAD_ENOMEM. */
DYAD_API dyad_status dyad_chunker_run(dyad_chunker *c, const dyad_text *t,
                                      size_t i);

/** Same on n words already split Treebank-style ("U.S.", "'s", "n't" are
 *  words of their own); each a NUL-terminated UTF-8 string. */
DYAD_API dyad_status dyad_chunker_run_words(dyad_chunker *c,
                                            const char *const *words,
                                            size_t n);

/** Why the last run failed ("byte 1042: sentence of 12000 words, over the
 *  limit of 10000"; run_words gives word positions instead of bytes);
 *  "" after success; "out of memory" for NULL. */
DYAD_API const char *dyad_chunker_errmsg(const dyad_chunker *c);

/** Number of tokens of the last sentence run. */
DYAD_API size_t dyad_chunker_token_count(const dyad_chunker *c);
/** Penn Treebank tag of token i ("NNP", "VBD", "PRP$", "``"); "" when i
 *  is out of range.  Static strings. */
DYAD_API const char *dyad_chunker_tag(const dyad_chunker *c, size_t i);
/** The chunk tree as a one-line Penn bracketing, e.g.
 *  "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))";
 *  words appear as in the text.  Valid until the next run; NULL on
 *  ENOMEM. */
DYAD_API const char *dyad_chunker_tree(dyad_chunker *c);
/** Verb groups of the last sentence, left to right. */
DYAD_API size_t dyad_chunker_verb_group_count(const dyad_chunker *c);
/** The i-th verb group, or NULL when out of range.  Valid until the next
 *  run. */
DYAD_API const dyad_verb_group *dyad_chunker_verb_group(const dyad_chunker *c,
                                                        size_t i);
/** "dyad_tense" names: "none", "present", "past", "future"; and for
 *  modality "none", "future", "conditional", "ability", "possibility",
 *  "obligation".  "" out of range. */
DYAD_API const char *dyad_tense_name(dyad_tense t);
DYAD_API const char *dyad_modality_name(dyad_modality m);

/* ------------------------------------------------------------- the coder */

/* The coder: turns sentences into events (who did what to whom) with a
 * compiled dictionary.  One coder per thread; the dictionary may be
 * shared.  Events and their strings live until the next coding call.
 *
 *     dyad_coder *c;
 *     dyad_coder_new(&c, dict);
 *     dyad_coder_code_parse(c, "(ROOT (S ...))", len, "2020-06-10");
 *     for (size_t i = 0; i < dyad_coder_event_count(c); i++) {
 *         const dyad_event *e = dyad_coder_event(c, i);
 *         printf("%s %s %s\n", e->source, e->target, e->code);
 *     }
 *     dyad_coder_free(c);
 */
typedef struct dyad_coder dyad_coder;

/* Whether an event happened, as its sentence tells it.  An expression of
 * intent is itself an asserted event (CAMEO 03x): "A and B plan to talk by
 * phone" is an asserted 036 and a planned 041. */
typedef enum dyad_modality_kind {
    DYAD_ASSERTED = 0,       /* reported as done or under way */
    DYAD_PLANNED,            /* scheduled, intended, expected, future */
    DYAD_NEGATED,            /* "did not attend", "denied meeting" */
    DYAD_HYPOTHETICAL        /* conditional; could/may/should/must */
} dyad_modality_kind;

/** "asserted", "planned", "negated", "hypothetical"; "" out of range. */
DYAD_API const char *dyad_modality_kind_name(dyad_modality_kind m);

/* One piece of evidence behind an event. */
typedef struct dyad_evidence {
    const char *kind;        /* "verb", "pattern", "source", "target",
                                "agent"; in records also "time" (the
                                time expression behind the date) */
    const char *file;        /* the dictionary file, or NULL */
    unsigned long line;      /* its line, 0 when none */
    size_t first, end;       /* tokens [first, end) of the sentence */
    const char *text;        /* the dictionary phrase or pattern */
} dyad_evidence;

typedef struct dyad_event {
    const char *source;      /* CAMEO actor code ("RUSGOV"); "---" when
                                unknown (only without require_dyad) */
    const char *target;
    const char *code;        /* CAMEO event code ("041") */
    const char *source_text; /* the words that named the source */
    const char *target_text;
    const char *verb_text;   /* the verb group */
    size_t verb;             /* token index of the main verb */
    int negated;             /* the verb group is negated */
    int passive;             /* coded from a passive clause */
    int modality;            /* a dyad_modality_kind (news mode; always
                                DYAD_ASSERTED in the PETRARCH mode) */
    size_t nevidence;
    const dyad_evidence *evidence;
} dyad_event;

/** A coder over d (not copied: d must be compiled and outlive c). */
DYAD_API dyad_status dyad_coder_new(dyad_coder **out, const dyad_dict *d);
/** Frees c; accepts NULL. */
DYAD_API void dyad_coder_free(dyad_coder *c);

/** Sets an option by its PETRARCH name: "require_dyad" (true/false,
 *  default true: an event needs a coded source and target);
 *  "agent_country" (default false, PETRARCH's behaviour), the news mode
 *  `dyad code` runs: an agent named without an actor ("the ministry")
 *  takes the country of the nearest actor named before it in the
 *  sentence (else of the story's last actor of its sector, else the
 *  story's most named country), and with require_dyad an agent with no
 *  country ("---GOV") is not a party; the coder reads the document
 *  sentence by sentence (call dyad_coder_new_document() between
 *  documents): names introduced with a role, "he"/"she", "I"/"we" in a
 *  quotation and the accuser a denial answers are resolved from the
 *  sentences before; negated and could/should acts are no events,
 *  will/would acts become intents (03x) or threats (13x); bare
 *  statements (010) are attribution; meetings, calls, talks and signed
 *  agreements are coded both ways; talks, visits, meetings and
 *  crackdowns named by nouns are coded.  docs/ACCURACY.md lists the
 *  rules.  Other names are accepted and ignored.  DYAD_EINVAL for a
 *  malformed value. */
DYAD_API dyad_status dyad_coder_set_option(dyad_coder *c, const char *name,
                                           const char *value);

/** Starts a new document.  In the agent_country (news) mode the coder
 *  keeps what a document has established (its people, its last speaker
 *  and subject, its accusations, its most named country); this forgets
 *  it. */
DYAD_API void dyad_coder_new_document(dyad_coder *c);

/** Collect a readable trace of each decision (see dyad_coder_trace());
 *  off by default. */
DYAD_API void dyad_coder_set_explain(dyad_coder *c, int on);

/** Codes one sentence given as a Penn Treebank parse; date is YYYY-MM-DD
 *  or NULL (actor codes with date restrictions then use their default).
 *  DYAD_EFORMAT for a malformed parse (message in dyad_coder_errmsg()). */
DYAD_API dyad_status dyad_coder_code_parse(dyad_coder *c, const char *parse,
                                           size_t len, const char *date);

typedef enum dyad_discard {
    DYAD_DISCARD_NONE = 0,
    DYAD_DISCARD_SENTENCE,   /* a discard phrase: the sentence is skipped */
    DYAD_DISCARD_STORY       /* a '+' discard phrase: the whole story */
} dyad_discard;

/** Whether the last sentence was discarded (then it has no events). */
DYAD_API dyad_discard dyad_coder_discarded(const dyad_coder *c);

/** Codes the sentence ck last tagged and chunked (dyad_chunker_run); the
 *  events refer to ck's tokens, so run ck again only after reading them. */
DYAD_API dyad_status dyad_coder_code_chunked(dyad_coder *c,
                                             dyad_chunker *ck,
                                             const char *date);

DYAD_API size_t dyad_coder_event_count(const dyad_coder *c);
DYAD_API const dyad_event *dyad_coder_event(const dyad_coder *c, size_t i);
/** Number of tokens of the last sentence and token i's word (for
 *  reports); NULL when out of range. */
DYAD_API size_t dyad_coder_token_count(const dyad_coder *c);
DYAD_API const char *dyad_coder_token(const dyad_coder *c, size_t i);
/** The trace of the last sentence when explaining is on ("" otherwise). */
DYAD_API const char *dyad_coder_trace(const dyad_coder *c);
DYAD_API const char *dyad_coder_errmsg(const dyad_coder *c);

/* ------------------------------------------------------------ the engine */

/* The pipeline, documents in, event records out: text layer, tagger,
 * chunker, coder and the document-level resolver (event dates, modality,
 * background).  Every front end (`dyad code`, `dyad validate`, the tests,
 * the benchmarks, future ingest and server code) codes through it.  One
 * engine per thread; the dictionary and the tagger are shared read-only.
 *
 *     dyad_engine_options o = dyad_engine_defaults();   // news mode
 *     dyad_engine *e;
 *     dyad_engine_new(&e, dict, tagger, &o);
 *     while (dyad_reader_next(r, &doc) == DYAD_OK) {
 *         dyad_engine_code(e, doc);                     // problems: below
 *         for (size_t i = 0; i < dyad_engine_problem_count(e); i++)
 *             fprintf(stderr, "%s\n", dyad_engine_problem(e, i));
 *         for (size_t i = 0; i < dyad_engine_record_count(e); i++)
 *             dyad_record_write_json(dyad_engine_record(e, i), j);
 *     }
 *     dyad_engine_free(e);
 */
typedef struct dyad_engine dyad_engine;

typedef enum dyad_engine_mode {
    DYAD_MODE_NEWS = 0,      /* `dyad code`: news text.  Roles take the
                                country of the actor named before them;
                                the document's people, speakers and armed
                                groups carry from sentence to sentence;
                                planned, negated and hypothetical acts are
                                marked, not coded as done; mutual acts are
                                coded both ways (docs/ACCURACY.md) */
    DYAD_MODE_PETRARCH       /* `dyad validate`: PETRARCH2's behaviour,
                                sentence by sentence, every act asserted */
} dyad_engine_mode;

typedef enum dyad_date_precision {
    DYAD_DATE_UNKNOWN = 0,
    DYAD_DATE_YEAR,
    DYAD_DATE_MONTH,
    DYAD_DATE_DAY
} dyad_date_precision;

/** "unknown", "year", "month", "day"; "" out of range. */
DYAD_API const char *dyad_date_precision_name(dyad_date_precision p);

typedef struct dyad_engine_options {
    dyad_engine_mode mode;
    unsigned modalities;     /* which events to return: a mask of
                                1u << dyad_modality_kind; the default is
                                asserted only */
    int explain;             /* keep a trace (dyad_engine_trace()) */
    const char *dict_root;   /* evidence names: dictionary files under this
                                folder are named relative to it ... */
    const char *dict_label;  /* ... after "LABEL:" when not NULL
                                ("builtin:verbs.txt:3217") */
    const dyad_places *places; /* the gazetteer for locations (not copied:
                                it must outlive the engine); NULL: the
                                built-in one, loaded once per process */
} dyad_engine_options;

/** The defaults: news mode, asserted events only, no trace. */
DYAD_API dyad_engine_options dyad_engine_defaults(void);

/* Where an event took place: the country and, when the text names it,
 * the place.  Read from the locative phrases of the event's clause ("in
 * Idlib", "near Aleppo", "in the French capital Paris", "talks in
 * Geneva", "on the outskirts of Kyiv"); for an act of force (roots
 * 18-20), else from the place its target names ("shelled Kharkiv"); else
 * from the story's dateline ("MOSCOW, June 10 (TASS) -") when it fits:
 * its country is the source's for a statement (verbal roots 01-05,
 * 09-13), either party's for an act, or neither party has a country, or
 * the event is a meeting or consultation (root 04) or an agreement signed
 * (057); never from a party's country alone.  A name
 * shared by places in several countries (Tripoli) takes the country the
 * phrase names ("the Lebanese city of Tripoli", "Paris, Texas"), else
 * one of the parties' (when that place is a large one), else the
 * dateline's, else the most populous (data/places/README.md). */
typedef struct dyad_location {
    const char *country;      /* ISO 3166-1 alpha-3 ("SYR"); never NULL */
    const char *name;         /* the place as the gazetteer writes it
                                 ("Idlib", "Gaza Strip"), or NULL when the
                                 text names only the country */
    double lat, lon;          /* the place's point, decimal degrees to four
                                 decimals (WGS 84); NaN without a name */
    const char *basis;        /* "text" (a locative phrase of the event's
                                 clause) or "dateline" */
    const char *text;         /* the words that placed it ("in the French
                                 capital Paris"; the dateline's place) */
} dyad_location;

/* One event record: who did what to whom, when, whether, and why.  Every
 * field is written on every JSON record (null when unknown), in this
 * order, so loaders and CSV columns stay stable.  Strings live until the
 * next dyad_engine_code() on the same engine. */
typedef struct dyad_record {
    const char *doc_id;       /* the document's id */
    size_t sentence_id;       /* 1-based number of the sentence */
    size_t sentence_start;    /* byte offsets of the sentence in the */
    size_t sentence_end;      /*   document's original text */
    const char *date;         /* when the event happened, as precise as the
                                 text says: "YYYY-MM-DD", "YYYY-MM", "YYYY";
                                 NULL when unknown */
    dyad_date_precision date_precision;
    const char *date_basis;   /* "text" (a time expression of the event's
                                 clause), "document" (the publication
                                 date), "dateline"; NULL when unknown */
    const char *date_text;    /* the time expression of the event's clause;
                                 set also when it could not be placed
                                 ("on Tuesday" with no document date):
                                 then date and date_basis are NULL */
    const char *doc_date;     /* the document's date (metadata, else its
                                 dateline), YYYY-MM-DD, or NULL */
    const char *doc_source;   /* the document's source (news agency,
                                 publisher) from its metadata, or NULL;
                                 consolidation counts sources with it */
    int background;           /* the date is over 30 days before doc_date */
    dyad_modality_kind modality;
    const dyad_location *location; /* where it happened; NULL when
                                 unknown */
    const char *source;       /* CAMEO actor codes */
    const char *target;
    const char *code;         /* CAMEO event code */
    const char *root;         /* its two-digit root */
    int quad_class;           /* 1-4; 0 when the code is not in CAMEO */
    double goldstein;         /* Goldstein score (NaN: not in CAMEO) */
    const char *plover;       /* PLOVER category, or NULL */
    size_t nissues;           /* topics of the event, sorted: issue codes */
    const char *const *issues; /*   of the issue dictionaries ("PANDEMIC")
                                 and the countries a consultation or an
                                 intent was about ("LBY"), never its
                                 parties; JSON: an array, [] when none */
    const char *source_text;  /* the words that named the parties */
    const char *target_text;
    const char *verb_text;    /* the verb group */
    int negated;              /* the verb group is negated */
    const char *sentence;     /* the sentence, not NUL-terminated */
    size_t sentence_len;
    size_t nevidence;         /* dictionary entries behind the event */
    const dyad_evidence *evidence; /* file names as in the options */
} dyad_record;

/** An engine over d (compiled) and tg (may be NULL: then only documents
 *  with a parse can be coded); neither is copied, both must outlive e.
 *  o NULL: the defaults.  DYAD_EINVAL, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_engine_new(dyad_engine **out, const dyad_dict *d,
                                     const dyad_tagger *tg,
                                     const dyad_engine_options *o);
/** Frees e; accepts NULL. */
DYAD_API void dyad_engine_free(dyad_engine *e);

/** Codes one document: a parse when it has one (PETRARCH XML), else its
 *  text, sentence by sentence.  Returns DYAD_OK when every sentence was
 *  coded; otherwise the status of the first problem, and each sentence
 *  or document given up on is listed by dyad_engine_problem() (the
 *  records of the other sentences are still there).  Everything
 *  previously returned by e becomes invalid. */
DYAD_API dyad_status dyad_engine_code(dyad_engine *e, const dyad_doc *doc);

/** Passes a coder option (dyad_coder_set_option()) to e's coder, e.g.
 *  a validation file's <Config> options; holds for later documents. */
DYAD_API dyad_status dyad_engine_set_option(dyad_engine *e, const char *name,
                                            const char *value);

/** Whether the last document had a discarded sentence, or was discarded
 *  whole by a story discard phrase (then it has no records). */
DYAD_API dyad_discard dyad_engine_discarded(const dyad_engine *e);

DYAD_API size_t dyad_engine_record_count(const dyad_engine *e);
DYAD_API const dyad_record *dyad_engine_record(const dyad_engine *e,
                                               size_t i);
/** Problems of the last document, each one line naming the file, line,
 *  document and byte offset ("in.jsonl:3: document d7, bytes 120-9000:
 *  sentence of 12000 tokens exceeds the limit of 10000; skipped"). */
DYAD_API size_t dyad_engine_problem_count(const dyad_engine *e);
DYAD_API const char *dyad_engine_problem(const dyad_engine *e, size_t i);
/** With explain on: why each event was or was not coded, sentence by
 *  sentence ("" otherwise). */
DYAD_API const char *dyad_engine_trace(const dyad_engine *e);

/* ----------------------------------------------------------------- pool
 * Documents coded in parallel: one engine per worker thread over the same
 * read-only dictionaries and tagger.  Results come back in the order the
 * documents were submitted, each document coded alone by one engine, so
 * the output is byte for byte that of one engine coding them in turn.  At
 * most dyad_pool_window() documents are in flight (submitted, result not
 * yet taken): memory stays bounded whatever the input.  The caller never
 * blocks in submit -- when the window is full it takes a result first:
 *
 *     while (dyad_reader_next(r, &doc) == DYAD_OK) {
 *         if (dyad_pool_pending(p) == dyad_pool_window(p) &&
 *             dyad_pool_next(p, &res) == DYAD_OK)
 *             fwrite(res.json, 1, res.json_len, stdout);
 *         dyad_pool_submit(p, doc);
 *     }
 *     while (dyad_pool_next(p, &res) == DYAD_OK)
 *         fwrite(res.json, 1, res.json_len, stdout);
 *
 * One pool is used from one thread.  With one worker thread no thread is
 * started: the caller codes each document as it submits it. */
typedef struct dyad_pool dyad_pool;

typedef struct dyad_pool_result {
    const char *doc_id;
    const dyad_doc *doc;       /* the document as submitted (the pool's
                                  copy: text and metadata) */
    dyad_status status;        /* dyad_engine_code()'s */
    const char *json;          /* the records, written by
                                  dyad_record_write_json(); NULL when
                                  they went to json_spill */
    size_t json_len;           /* their size in bytes */
    FILE *json_spill;          /* with dyad_pool_set_spill(): the records,
                                  when they outgrew memory, in a temporary
                                  file the pool owns; else NULL.
                                  dyad_pool_result_write() writes either */
    size_t nrecords;
    const char *const *problems; /* dyad_engine_problem()'s */
    size_t nproblems;
    const char *trace;         /* with the explain option, else "" */
    dyad_discard discarded;
} dyad_pool_result;

/** The number of processors online (at least 1). */
DYAD_API unsigned dyad_cpu_count(void);
/** A pool of `threads` engines (0: one per processor) with options o.
 *  d and tg are shared, read-only, and must outlive the pool. */
DYAD_API dyad_status dyad_pool_new(dyad_pool **out, const dyad_dict *d,
                                   const dyad_tagger *tg,
                                   const dyad_engine_options *o,
                                   unsigned threads);
/** Stops the workers and frees p; accepts NULL. */
DYAD_API void dyad_pool_free(dyad_pool *p);
DYAD_API unsigned dyad_pool_threads(const dyad_pool *p);
DYAD_API size_t dyad_pool_window(const dyad_pool *p);
/** Sets the window to n documents (at least one per thread; default four
 *  per thread, one with one thread, which this leaves alone), before the
 *  first submit.  A caller whose own work between results comes in bursts
 *  (a store committing a batch) keeps the workers busy with a wider one;
 *  dyad_pool_room() still bounds the text in flight.  DYAD_EINVAL after a
 *  submit, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_pool_set_window(dyad_pool *p, size_t n);
/** When the oldest result is not ready, dyad_pool_next() waits until the
 *  oldest n are (or every submitted one, when fewer), so that a caller
 *  whose work on each result is short (a store) wakes once for n of them
 *  rather than once each, and the workers' cores are left to them
 *  meanwhile.  The order of results is unchanged.  At most the window
 *  (set it first); 0 or 1: no burst (the default).  DYAD_EINVAL. */
DYAD_API dyad_status dyad_pool_set_burst(dyad_pool *p, size_t n);
/** With one thread, codes on a worker thread rather than inside
 *  dyad_pool_submit(), so that the caller's thread does its own work on
 *  the results (a store writing them) while the next document is coded;
 *  then dyad_pool_set_window() applies as with several threads.  A no-op
 *  with several threads.  Before the first submit: DYAD_EINVAL after it,
 *  DYAD_ENOMEM when the thread cannot start. */
DYAD_API dyad_status dyad_pool_set_background(dyad_pool *p);
/** Documents submitted whose results have not been taken. */
DYAD_API size_t dyad_pool_pending(const dyad_pool *p);
/** Whether a document of len bytes of text may be submitted now: the
 *  window has room and the documents in flight (submitted, result not
 *  yet moved past) hold at most dyad_pool_set_max_bytes() of text with
 *  it -- or none is in flight, whatever its size.  A caller that takes
 *  results while this is 0 keeps memory bounded by bytes as well as by
 *  documents; dyad_pool_submit() itself only checks the window. */
DYAD_API int dyad_pool_room(const dyad_pool *p, size_t len);
/** The bytes of text dyad_pool_room() allows in flight; 0: the default,
 *  DYAD_POOL_MAX_BYTES. */
#define DYAD_POOL_MAX_BYTES ((size_t)64 << 20)
DYAD_API void dyad_pool_set_max_bytes(dyad_pool *p, size_t bytes);
/** Records of one document past `bytes` of JSON go to an unlinked
 *  temporary file instead of memory (res.json_spill), so a document of
 *  any length is coded in bounded memory and its records still come out
 *  whole or, after a story discard, not at all.  0, the default: always
 *  in memory (res.json).  Set it before the first submit. */
DYAD_API void dyad_pool_set_spill(dyad_pool *p, size_t bytes);
/** Writes r's records to out, from memory or from the spill file.
 *  DYAD_EIO when reading or writing fails, DYAD_EINVAL. */
DYAD_API dyad_status dyad_pool_result_write(const dyad_pool_result *r, FILE *out);
/** Copies doc and queues it.  DYAD_EINVAL when the window is full (take
 *  a result first), DYAD_ENOMEM. */
DYAD_API dyad_status dyad_pool_submit(dyad_pool *p, const dyad_doc *doc);
/** The result of the oldest document not yet taken, waiting for it if
 *  need be; valid until the next call on p.  DYAD_ENOTFOUND when every
 *  submitted document has been taken. */
DYAD_API dyad_status dyad_pool_next(dyad_pool *p, dyad_pool_result *out);

typedef struct dyad_json dyad_json;
/** Writes r as one JSON Lines record (ending in a newline). */
DYAD_API void dyad_record_write_json(const dyad_record *r, dyad_json *j);

/* ---------------------------------------------------------------- store
 * The event store: documents, the sentences and mentions dyad coded in
 * them, stories of near-duplicate documents, and the events consolidated
 * from the mentions, kept in one SQLite database (docs/STORE.md).
 *
 *     dyad_store *s;
 *     if (dyad_store_open(&s, "events.db", NULL) != DYAD_OK) {
 *         fprintf(stderr, "%s\n", dyad_store_errmsg(s));  ...
 *     }
 *     dyad_ingest *g;
 *     dyad_ingest_options o = dyad_ingest_defaults();
 *     dyad_ingest_new(&g, s, dict, tagger, &o);
 *     while (dyad_reader_next(r, &doc) == DYAD_OK)
 *         if (dyad_ingest_add(g, doc) < 0) break;   // a database error
 *     dyad_ingest_finish(g);      // last batch, events, stories
 *     dyad_ingest_free(g);
 *     dyad_store_close(s);
 *
 * Every write happens in transactions of whole documents: a process
 * killed at any moment leaves a store that opens and holds only whole
 * documents, and the next ingest completes it.  One store handle is used
 * by one thread at a time; several processes may open the same file
 * (writers wait for each other up to the busy timeout). */
typedef struct dyad_store dyad_store;

/** The version of the store's schema this library reads and writes. */
#define DYAD_STORE_SCHEMA 2

typedef struct dyad_store_options {
    int readonly;             /* open for reading only (queries) */
    int no_create;            /* fail when the file does not exist */
    unsigned busy_timeout_ms; /* how long to wait for another process's
                                 lock; 0: 5000 */
} dyad_store_options;

/** Opens (creating it when missing, unless no_create or readonly) the
 *  store at path.  o NULL: read-write, create, 5 s busy timeout.
 *  DYAD_OK: *out is ready.  Otherwise *out (unless DYAD_ENOMEM) is a
 *  handle that only reports the problem through dyad_store_errmsg() and
 *  must be closed: DYAD_EFORMAT (not a dyad store: another SQLite
 *  database, not SQLite at all, or a schema newer than
 *  DYAD_STORE_SCHEMA), DYAD_EIO (cannot open or create it; locked by
 *  another process past the timeout; read-only when writing was asked
 *  for), DYAD_ENOTFOUND (no_create and no file). */
DYAD_API dyad_status dyad_store_open(dyad_store **out, const char *path,
                                     const dyad_store_options *o);
/** Closes s; accepts NULL. */
DYAD_API void dyad_store_close(dyad_store *s);
/** The last problem, "PATH: what" ("" when none); never NULL. */
DYAD_API const char *dyad_store_errmsg(const dyad_store *s);

typedef struct dyad_store_counts {
    size_t documents, sentences, mentions, events, stories;
    size_t dirty;             /* consolidation keys waiting to be redone
                                 (left by an interrupted ingest) */
} dyad_store_counts;
/** Row counts (each a count of a whole table: on a big store it reads
 *  the store).  DYAD_EIO on a database error. */
DYAD_API dyad_status dyad_store_counts_get(dyad_store *s, dyad_store_counts *out);
/** *out = the consolidation keys waiting to be redone (left by an
 *  interrupted ingest): cheap, the `dirty` table only.  DYAD_EIO on a
 *  database error. */
DYAD_API dyad_status dyad_store_dirty_count(dyad_store *s, size_t *out);

/* ---- ingest: coding documents into the store */
typedef struct dyad_ingest dyad_ingest;

typedef struct dyad_ingest_options {
    unsigned threads;         /* coding threads (0: one per processor) */
    size_t batch;             /* documents per transaction (0: 1024;
                                 a batch also ends at 16 MiB of text) */
    const char *dict_root;    /* as in dyad_engine_options: evidence */
    const char *dict_label;   /*   names of the dictionary files */
    const dyad_places *places;/* the gazetteer (NULL: the built-in one) */
    void (*on_problem)(void *ctx, const char *msg); /* each problem of a
                                 document ("FILE:LINE: document ID: ..."),
                                 or NULL */
    void *ctx;
} dyad_ingest_options;

/** The defaults: one thread per processor, 64 documents a batch. */
DYAD_API dyad_ingest_options dyad_ingest_defaults(void);

typedef struct dyad_ingest_stats {
    size_t docs;              /* documents given (add and recode) */
    size_t coded;             /* coded and stored */
    size_t unchanged;         /* already stored with the same content and
                                 dictionary hash: left as they were */
    size_t problems;          /* documents with a problem reported */
    size_t mentions;          /* mentions stored */
    size_t keys;              /* consolidation keys redone */
    size_t events;            /* events written while doing them */
    unsigned long long bytes; /* bytes of text given */
} dyad_ingest_stats;

/** Prepares to code documents into s with d and tg (shared, read-only;
 *  they and s must outlive g).  Mentions of every modality are stored
 *  (planned, negated and hypothetical too).  DYAD_EIO (the store's
 *  message in dyad_ingest_errmsg()), DYAD_ENOMEM, DYAD_EINVAL. */
DYAD_API dyad_status dyad_ingest_new(dyad_ingest **out, dyad_store *s,
                                     const dyad_dict *d,
                                     const dyad_tagger *tg,
                                     const dyad_ingest_options *o);
/** Frees g; accepts NULL.  An unfinished batch is rolled back. */
DYAD_API void dyad_ingest_free(dyad_ingest *g);
/** Adds one document (copied).  A document already stored under its id
 *  with the same text and metadata, coded with the same dictionary set,
 *  is left alone; any other replaces the stored one and its mentions.
 *  Stored in batches: a document is in the store once its batch is
 *  committed.  DYAD_OK; DYAD_EIO on a database error (nothing of the
 *  failed batch is stored; earlier batches stay); DYAD_ENOMEM. */
DYAD_API dyad_status dyad_ingest_add(dyad_ingest *g, const dyad_doc *doc);
/** Re-codes every stored document coded with another dictionary set
 *  than d (`dyad recode`).  Statuses as dyad_ingest_add(). */
DYAD_API dyad_status dyad_ingest_recode(dyad_ingest *g);
/** Stores the last batch, then consolidates again every key whose
 *  mentions changed (this run's or an interrupted run's) and recomputes
 *  the stories.  DYAD_OK, DYAD_EIO, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_ingest_finish(dyad_ingest *g);
DYAD_API void dyad_ingest_stats_get(const dyad_ingest *g, dyad_ingest_stats *out);
/** The last failure, "" when none; never NULL. */
DYAD_API const char *dyad_ingest_errmsg(const dyad_ingest *g);

/* ---- stories: near-duplicate documents (docs/STORE.md) */
typedef struct dyad_story {
    const char *story_id;     /* the smallest document id of the story */
    size_t ndocs;
    const char *const *doc_ids; /* sorted */
} dyad_story;
/** Calls fn for each story of at least min_docs documents, in story id
 *  order; fn returns nonzero to stop.  The story is valid during the
 *  call.  DYAD_OK, DYAD_EIO, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_store_stories(dyad_store *s, size_t min_docs,
                                        int (*fn)(void *ctx, const dyad_story *st),
                                        void *ctx);

/* ---- evaluation ---- */

/* Scores coded events against a hand-annotated gold set (the format is in
 * tests/gold/README.md) at three levels, overall and per CAMEO root.
 *
 *     dyad_eval *ev;
 *     dyad_eval_new(&ev);
 *     dyad_eval_load(ev, DYAD_EVAL_GOLD, "tests/gold/voa.jsonl");
 *     while (... each story ...)     // the texts the gold offsets point into
 *         dyad_eval_add_story(ev, doc->id, doc->text, doc->len);
 *     dyad_eval_load(ev, DYAD_EVAL_SYSTEM, "events.jsonl");   // dyad code
 *     dyad_eval_run(ev);
 *     dyad_eval_score s;
 *     dyad_eval_get(ev, DYAD_EVAL_COUNTRIES, NULL, &s);       // overall
 *     dyad_eval_get(ev, DYAD_EVAL_FULL, "19", &s);            // one root
 *     dyad_eval_free(ev);
 *
 * Gold lines: {"story", "start", "end", "source", "target", "code", ...},
 * start and end the byte offsets of the event's sentence in the story
 * text; a line with a story and no code marks a story as part of the gold
 * set (a story may have no events).  System lines: `dyad code` output,
 * {"doc_id" (or "story"), "source", "target", "code", "sentence", ...};
 * a system event is placed at the first occurrence of its sentence text
 * in the story text, or at its "start" and "end" when it has them.  Only
 * system events of gold stories are scored; the others are counted and
 * ignored.  An event repeating another of its sentence (same source,
 * target and code) is dropped, on either side.
 *
 * Matching.  A gold and a system event of one story are candidates when
 * their sentence spans overlap.  At each level, gold events in the order
 * loaded take the agreeing unmatched candidate with the largest overlap
 * (the earliest loaded on a tie; one to one, greedy).  The levels:
 *  - DYAD_EVAL_CATEGORY: the PLOVER category of the code (for roots 01
 *    and 02, which have none, the root itself);
 *  - DYAD_EVAL_COUNTRIES: the category, and the source's and the target's
 *    country: the first three letters of the actor code, or six for codes
 *    that start with IGO, NGO, IMG or MNC (IGOUNO, IGOEUR, IMGMUS);
 *  - DYAD_EVAL_FULL: the same CAMEO code and the same full actor codes.
 * Precision is matched system events over system events, recall matched
 * gold events over gold events.  Per root, gold events count under their
 * own code's root and system events under theirs.
 *
 * Splits.  The gold set may come in named splits (a development split
 * whose errors are read, a test split that is only measured):
 *
 *     dyad_eval_begin_split(ev, "dev");
 *     dyad_eval_load(ev, DYAD_EVAL_GOLD, "tests/gold/voa.jsonl");
 *     dyad_eval_begin_split(ev, "test");
 *     dyad_eval_load(ev, DYAD_EVAL_GOLD, "tests/gold/voa_test.jsonl");
 *     ... stories, system events, dyad_eval_run() as above ...
 *     dyad_eval_get_split(ev, 1, DYAD_EVAL_COUNTRIES, NULL, &s);  // test
 *     dyad_eval_get_gap(ev, 0, 1, DYAD_EVAL_COUNTRIES, &gap);     // dev - test
 *
 * Gold lines join the split begun last (without a call, the one split
 * "gold").  A story belongs to one split: a gold line naming a story of
 * another split is malformed.  Each split is scored on its own stories
 * (the matching does not change: it is done story by story); the pooled
 * figures of dyad_eval_get() are those of all splits together.
 *
 * One thread at a time per handle.  Strings passed in are copied. */
typedef struct dyad_eval dyad_eval;

typedef enum dyad_eval_side {
    DYAD_EVAL_GOLD = 0,
    DYAD_EVAL_SYSTEM = 1
} dyad_eval_side;

typedef enum dyad_eval_level {
    DYAD_EVAL_CATEGORY = 0,   /* PLOVER category */
    DYAD_EVAL_COUNTRIES,      /* category + source and target country */
    DYAD_EVAL_FULL,           /* CAMEO code + full actor codes */
    DYAD_EVAL_NLEVELS
} dyad_eval_level;

typedef struct dyad_eval_score {
    size_t gold;              /* gold events */
    size_t system;            /* system events */
    size_t gold_matched;      /* gold events matched (recall's numerator) */
    size_t system_matched;    /* system events matched (precision's) */
    double precision;         /* 0 when system is 0 */
    double recall;            /* 0 when gold is 0 */
    double f1;                /* 0 when both are 0 */
} dyad_eval_score;

typedef struct dyad_eval_info {
    size_t stories;           /* stories in the gold set */
    size_t gold_events;       /* scored (duplicates dropped) */
    size_t gold_duplicates;
    size_t gold_out_of_range; /* gold spans past the end of their story */
    size_t system_events;     /* scored: events of gold stories */
    size_t system_outside;    /* events of other stories, ignored */
    size_t system_duplicates;
    size_t system_unlocated;  /* scored, but their sentence was not found
                                 in the story text (or the story is
                                 missing): they cannot match */
    size_t skipped_lines;     /* malformed lines, in both files */
    size_t date_matched;      /* gold events with a date matched at the
                                 category + countries level */
    size_t date_agree;        /* ... whose system date equals the gold
                                 date at the gold's precision (a gold
                                 "2020-06" agrees with "2020-06-09") */
    size_t modality_gold;     /* gold events not reported as done
                                 (planned, negated, hypothetical): scored
                                 apart from the levels */
    size_t modality_found;    /* ... found with the same modality */
    size_t modality_system;   /* such system events of gold stories */
    size_t one_sided_gold;    /* asserted gold events with one party
                                 (source or target "" or "-": a protest,
                                 a strike): scored apart from the levels */
    size_t one_sided_found;   /* ... found: a one-sided system event of the
                                 same sentence, category and countries */
    size_t one_sided_system;  /* asserted one-sided system events of gold
                                 stories */
    /* Where the errors of the category + countries level lie, counted
     * without listing them (so a held-out split can be measured this
     * way too).  Among the scored system events that were placed in
     * their story: */
    size_t system_off_gold;   /* in a sentence where the gold has no
                                 event (of any modality or side) */
    size_t system_category_miss; /* in a sentence with gold events,
                                 matched at no level */
    size_t system_country_miss; /* matched at the category level only */
    /* Among the scored gold events: */
    size_t gold_off_system;   /* in a sentence where the system has no
                                 event (of any modality or side) */
    size_t gold_category_miss; /* the system has events there, none
                                 matched at any level */
    size_t gold_country_miss; /* matched at the category level only */
} dyad_eval_info;

/** Creates an evaluator.  DYAD_ENOMEM, DYAD_EINVAL when out is NULL. */
DYAD_API dyad_status dyad_eval_new(dyad_eval **out);
/** Frees ev; accepts NULL. */
DYAD_API void dyad_eval_free(dyad_eval *ev);

/** Gives the text of story id (copied).  Once a gold file is loaded,
 *  stories outside the gold set are ignored, so a large corpus costs
 *  nothing beyond the gold stories.  DYAD_EINVAL, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_eval_add_story(dyad_eval *ev, const char *id,
                                         const char *text, size_t len);

/** Reads JSON Lines of gold or system events from a file.  Malformed lines
 *  are skipped: DYAD_EFORMAT then says so, with the first one in
 *  dyad_eval_errmsg() ("FILE:LINE: what"), and the rest is kept.
 *  DYAD_EIO when the file cannot be read; DYAD_ENOMEM. */
DYAD_API dyad_status dyad_eval_load(dyad_eval *ev, dyad_eval_side side,
                                    const char *path);
/** Same from memory; name labels the messages (NULL: "gold"/"events"). */
DYAD_API dyad_status dyad_eval_add_jsonl(dyad_eval *ev, dyad_eval_side side,
                                         const char *name, const char *data,
                                         size_t len);

/** Matches and scores everything loaded so far (may be called again after
 *  more is loaded).  Time n log n in the events and linear in the story
 *  texts, however many events one story has.  DYAD_OK; DYAD_EINVAL when
 *  ev is NULL; DYAD_ENOMEM (then nothing is scored: dyad_eval_get()
 *  answers DYAD_EINVAL until a run succeeds). */
DYAD_API dyad_status dyad_eval_run(dyad_eval *ev);

/** The score at level, overall (root NULL) or for a two-digit CAMEO root
 *  ("01" .. "20"; "??" collects codes outside the table).  DYAD_EINVAL
 *  before dyad_eval_run() or for a bad level; DYAD_ENOTFOUND for another
 *  root.  *out is zeroed on failure. */
DYAD_API dyad_status dyad_eval_get(const dyad_eval *ev, dyad_eval_level level,
                                   const char *root, dyad_eval_score *out);
/** Counts of the last run.  DYAD_EINVAL before dyad_eval_run(). */
DYAD_API dyad_status dyad_eval_get_info(const dyad_eval *ev,
                                        dyad_eval_info *out);
/** Message of the last failure ("" when none). */
DYAD_API const char *dyad_eval_errmsg(const dyad_eval *ev);

/** The difference of two splits' figures at one level, a's minus b's, as
 *  fractions (0.05 is five points).  A has_ flag is 0, and its value 0,
 *  when the rate is undefined for either split (no system events for
 *  precision, no gold events for recall, no dated match for dates). */
typedef struct dyad_eval_gap {
    double precision;
    double recall;
    double f1;
    double date;              /* share of matched dated events whose date
                                 agrees (see dyad_eval_info) */
    int has_precision, has_recall, has_f1, has_date;
} dyad_eval_gap;

/** Starts a new split of the gold set named name (copied): gold lines
 *  loaded from now on join it.  A first call made before any gold line
 *  names the default split 0 instead of adding one; every other call
 *  adds a split, empty ones included.  Load all gold splits before
 *  adding story texts.  DYAD_EINVAL, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_eval_begin_split(dyad_eval *ev, const char *name);
/** The number of splits (at least 1); 0 when ev is NULL. */
DYAD_API size_t dyad_eval_nsplits(const dyad_eval *ev);
/** The name of split i ("gold" unless named), or NULL out of range. */
DYAD_API const char *dyad_eval_split_name(const dyad_eval *ev, size_t split);
/** As dyad_eval_get(), for the stories of one split.  DYAD_EINVAL also
 *  for a split out of range. */
DYAD_API dyad_status dyad_eval_get_split(const dyad_eval *ev, size_t split,
                                         dyad_eval_level level, const char *root,
                                         dyad_eval_score *out);
/** As dyad_eval_get_info(), for the stories of one split; system_outside
 *  and skipped_lines are those of the whole run. */
DYAD_API dyad_status dyad_eval_get_split_info(const dyad_eval *ev, size_t split,
                                              dyad_eval_info *out);
/** The gap between splits a and b at level (overall, all roots), a's
 *  figures minus b's.  DYAD_EINVAL before dyad_eval_run(), for a bad
 *  level or a split out of range. */
DYAD_API dyad_status dyad_eval_get_gap(const dyad_eval *ev, size_t a, size_t b,
                                       dyad_eval_level level, dyad_eval_gap *out);

/* --------------------------------------------------------- consolidation
 * Mentions into events.  A mention is one coded event of one sentence (a
 * `dyad code` record); many articles, and many sentences of one article,
 * report the same real-world event.  The consolidator takes a set of
 * mentions and merges those that report the same event (the rule, with
 * worked examples, is in docs/CONSOLIDATION.md):
 *  - same dyad: the unordered pair of the two actors' countries
 *    (dyad_consolidation_key()), so A->B and B->A are one dyad;
 *  - compatible codes: the same code, or parent and child (040 and 041,
 *    041 and 0411; a root's "not specified" code x0 is the parent of the
 *    root's other codes); the event keeps the most specific;
 *  - compatible dates: a day within one day of the event's day; a month
 *    or a year holding the event's date;
 *  - the same modality: asserted with asserted, planned with planned, and
 *    so on; never a planned, negated or hypothetical mention with an
 *    asserted one.
 * The result is a function of the SET of mentions: any order of adding
 * gives the same events, the same event_ids and the same output bytes.
 *
 *     dyad_consolidator *c;
 *     dyad_consolidator_new(&c);
 *     while (... each line of `dyad code` output ...)
 *         if (dyad_consolidator_add_json(c, line, len) != DYAD_OK)
 *             fprintf(stderr, "%s:%lu: %s\n", path, lineno,
 *                     dyad_consolidator_errmsg(c));   // and go on
 *     dyad_consolidator_run(c);
 *     dyad_event_writer *w;
 *     dyad_event_writer_new(&w, stdout, DYAD_EVENTS_CSV);  // header row
 *     for (size_t i = 0; i < dyad_consolidator_event_count(c); i++)
 *         dyad_event_writer_write(w, dyad_consolidator_event(c, i));
 *     dyad_event_writer_free(w);
 *     dyad_consolidator_free(c);
 *
 * One thread at a time per handle; strings passed in are copied. */
typedef struct dyad_consolidator dyad_consolidator;

/* One consolidated event.  Strings are NUL-terminated; optional ones are
 * NULL when unknown.  Owned by the consolidator: valid until the next
 * add, run, reset or free.  A caller may also fill one itself (e.g. from
 * a database row) to hand it to a writer; then `mentions` may be NULL. */
typedef struct dyad_cevent {
    const char *event_id;     /* 16 hex digits, derived from the content
                                 (docs/CONSOLIDATION.md), never from the
                                 order of input */
    const char *key;          /* dyad_consolidation_key() of its mentions */
    const char *date;         /* best-evidenced date: "YYYY-MM-DD",
                                 "YYYY-MM", "YYYY", or NULL */
    dyad_date_precision date_precision;
    dyad_modality_kind modality;
    const char *source;       /* best-evidenced actor codes ("" when the */
    const char *target;       /*   mentions had none) */
    const char *source_text;  /* the words that named them, from the */
    const char *target_text;  /*   first mention with those codes */
    const char *code;         /* the most specific code of the event */
    const char *root;         /* its two-digit root */
    int quad_class;           /* 1-4; 0 when the code is not in CAMEO */
    double goldstein;         /* NaN when the code is not in CAMEO */
    const char *plover;       /* PLOVER category, or NULL */
    const dyad_location *location; /* best-evidenced place, or NULL */
    size_t nissues;           /* union of the mentions' issues, sorted */
    const char *const *issues;
    size_t num_mentions;      /* mentions merged */
    size_t num_articles;      /* distinct documents (doc_id) */
    size_t num_sources;       /* distinct doc_source values (documents
                                 without a source do not count) */
    size_t ndoc_ids;          /* == num_articles */
    const char *const *doc_ids; /* sorted (byte order) */
    const char *first_seen;   /* earliest and latest doc_date of its */
    const char *last_seen;    /*   reports (YYYY-MM-DD), or NULL */
    int lead;                 /* some mention is the first sentence of its
                                 document (GDELT's IsRootEvent) */
    const size_t *mentions;   /* num_mentions indices of its mentions, in
                                 the order they were added (0 = the first
                                 mention accepted), ascending */
} dyad_cevent;

/** The partition key of a mention: mentions with different keys never
 *  merge, and the key depends on this one mention's actor codes only.
 *  Each actor's country is the first three characters of its code, six
 *  for codes starting IGO, NGO, IMG or MNC (IGOUNO); the key is the two
 *  sorted and joined by '|' ("RUS|TUR" for RUSGOV->TURGOV and for
 *  TUR->RUSMIL).  With one actor missing (NULL or ""): "RUS|" when only
 *  the source is known, "|RUS" when only the target is, "|" for neither.
 *  Writes at most 14 bytes including the NUL into out[16]. */
DYAD_API void dyad_consolidation_key(const char *source, const char *target,
                                     char out[16]);

/** Creates a consolidator.  DYAD_EINVAL when out is NULL, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_consolidator_new(dyad_consolidator **out);
/** Frees c; accepts NULL. */
DYAD_API void dyad_consolidator_free(dyad_consolidator *c);
/** Forgets every mention and event; c is as new (memory is kept). */
DYAD_API void dyad_consolidator_reset(dyad_consolidator *c);

/** Adds one mention given as a JSON object, a line of `dyad code` output
 *  (len bytes, no NUL needed; a trailing newline is fine).  Needs
 *  doc_id, sentence_id (an integer) and code (1-7 bytes); reads source, target
 *  (absent or null: ""), date (its form, YYYY, YYYY-MM or YYYY-MM-DD,
 *  gives the precision), doc_date, doc_source, modality (absent:
 *  asserted), location, issues, source_text, target_text and
 *  sentence_start when present; ignores every other field.  DYAD_EJSON
 *  (not JSON) or DYAD_EFORMAT (a required field missing or of the wrong
 *  type): the mention is not added and dyad_consolidator_errmsg() says
 *  why (without file or line: the caller adds them).  A blank line:
 *  DYAD_EOF, nothing added.  DYAD_ENOMEM. */
DYAD_API dyad_status dyad_consolidator_add_json(dyad_consolidator *c,
                                                const char *line, size_t len);

/** Adds every line of a file of mentions (`dyad code` output; "-" is
 *  standard input).  A malformed line is skipped with a problem
 *  "PATH:LINE: what" and the rest is read.  DYAD_OK; DYAD_EFORMAT when
 *  some line was skipped; DYAD_EIO when the file cannot be opened or
 *  read (the problem says why); DYAD_ENOMEM.  Compressed files are not
 *  read here (pipe them through zcat). */
DYAD_API dyad_status dyad_consolidator_add_file(dyad_consolidator *c,
                                                const char *path);
/** Problems of the last dyad_consolidator_add_file() call, one line
 *  each; at most 1000 are kept, then one line counts the rest. */
DYAD_API size_t dyad_consolidator_problem_count(const dyad_consolidator *c);
DYAD_API const char *dyad_consolidator_problem(const dyad_consolidator *c,
                                               size_t i);

/** Adds one mention from an engine record (copied).  DYAD_EINVAL when
 *  a required field (doc_id, code) is NULL, the code is longer than 7
 *  bytes or the modality is unknown; DYAD_ENOMEM. */
DYAD_API dyad_status dyad_consolidator_add_record(dyad_consolidator *c,
                                                  const dyad_record *r);

/** Mentions accepted so far. */
DYAD_API size_t dyad_consolidator_mention_count(const dyad_consolidator *c);

/** Consolidates every mention added so far (may be called again after
 *  more are added).  Time n log n in the mentions.  DYAD_ENOMEM (then
 *  there are no events). */
DYAD_API dyad_status dyad_consolidator_run(dyad_consolidator *c);

/** Events of the last run, in canonical order: by date (undated last),
 *  key, code, source, target, then event_id. */
DYAD_API size_t dyad_consolidator_event_count(const dyad_consolidator *c);
/** The i-th event; NULL when i is out of range. */
DYAD_API const dyad_cevent *dyad_consolidator_event(const dyad_consolidator *c,
                                                    size_t i);
/** Message of the last failure ("" when none). */
DYAD_API const char *dyad_consolidator_errmsg(const dyad_consolidator *c);

/* ---- event output ---- */

/* Output formats for consolidated events (docs/FORMATS.md):
 *  - JSONL: one object per event with every field of dyad_cevent;
 *  - CSV: a header row, then one row per event; RFC 4180 quoting (a
 *    field holding a comma, a quote, CR or LF is quoted, its quotes
 *    doubled); rows end in "\n"; lists (issues, doc_ids) are joined
 *    with ';'; NULL is an empty field;
 *  - TSV: the same columns and quoting with a tab for the comma (what
 *    pandas' read_csv(sep="\t") and R's read.delim read);
 *  - GDELT: the 61 columns of the GDELT 2.0 event table, in its order,
 *    tab-separated, no header, no quoting (tabs and line breaks inside a
 *    value become spaces), empty where dyad has no value. */
typedef enum dyad_event_format {
    DYAD_EVENTS_JSONL = 0,
    DYAD_EVENTS_CSV,
    DYAD_EVENTS_TSV,
    DYAD_EVENTS_GDELT
} dyad_event_format;

/** Parses "jsonl", "csv", "tsv" or "gdelt".  DYAD_EINVAL otherwise. */
DYAD_API dyad_status dyad_event_format_parse(const char *name,
                                             dyad_event_format *out);

/* A buffered writer of events onto a stream (not closed by free). */
typedef struct dyad_event_writer dyad_event_writer;

/** A writer in format fmt onto f; for CSV and TSV it writes the header
 *  row at once (so even no events give a loadable file).  DYAD_EINVAL,
 *  DYAD_ENOMEM. */
DYAD_API dyad_status dyad_event_writer_new(dyad_event_writer **out, FILE *f,
                                           dyad_event_format fmt);
/** Writes one event as one line. */
DYAD_API void dyad_event_writer_write(dyad_event_writer *w,
                                      const dyad_cevent *ev);
/** Writes out the buffer; DYAD_EIO if the stream failed at any point. */
DYAD_API dyad_status dyad_event_writer_flush(dyad_event_writer *w);
/** Flushes and frees; accepts NULL. */
DYAD_API void dyad_event_writer_free(dyad_event_writer *w);

/** Writes ev as one JSON object onto j (no newline): the JSONL format's
 *  record, for callers that embed events in their own JSON. */
DYAD_API void dyad_cevent_write_json(const dyad_cevent *ev, dyad_json *j);

/* ---- store queries (the store section above) */

/* Which events to return; NULL fields do not filter.  Each filter is
 * answered from an index of the events table (docs/STORE.md shows the
 * query plans). */
typedef struct dyad_event_filter {
    const char *actor;        /* source or target code starts with it
                                 ("RUS" matches RUSGOV) */
    const char *dyad_a;       /* with dyad_b: one side starts with a, the */
    const char *dyad_b;       /*   other with b, in either direction */
    const char *code_prefix;  /* CAMEO code starts with it ("04") */
    const char *from;         /* date >= from (YYYY, YYYY-MM, YYYY-MM-DD;
                                 a month or year event is in when its
                                 period begins on or after it) */
    const char *to;           /* date <= to; "2020-06" takes the whole
                                 month */
    const char *country;      /* location country (ISO alpha-3) */
    const char *modality;     /* asserted, planned, negated, hypothetical */
} dyad_event_filter;

/** Calls fn with each event passing f (NULL: all), as its stored JSON
 *  object (one line, no newline), in the consolidator's canonical order
 *  (by date, undated last, key, code, source, target, event id); fn
 *  returns nonzero to stop.  DYAD_OK, DYAD_EIO (message in
 *  dyad_store_errmsg()), DYAD_ENOMEM. */
DYAD_API dyad_status dyad_store_events(dyad_store *s, const dyad_event_filter *f,
                                       int (*fn)(void *ctx, const char *json,
                                                 size_t len),
                                       void *ctx);
/** Calls fn with each mention behind event_id -- the record as `dyad
 *  code` writes it, with its sentence and evidence -- in document and
 *  record order.  DYAD_ENOTFOUND when there is no such event; DYAD_OK,
 *  DYAD_EIO, DYAD_ENOMEM. */
DYAD_API dyad_status dyad_store_mentions(dyad_store *s, const char *event_id,
                                         int (*fn)(void *ctx, const char *json,
                                                   size_t len),
                                         void *ctx);
/** Writes the events passing f (NULL: all) onto out in fmt, in the
 *  order of dyad_store_events(): JSONL as stored (the bytes `dyad
 *  consolidate` writes for the same mentions), CSV, TSV and GDELT
 *  through the event writers (dyad_event_writer_*).  *count (may be
 *  NULL) gets the number written.  DYAD_OK, DYAD_EIO (a database or
 *  write error: dyad_store_errmsg()), DYAD_ENOMEM. */
DYAD_API dyad_status dyad_store_events_write(dyad_store *s, const dyad_event_filter *f,
                                             FILE *out, dyad_event_format fmt,
                                             size_t *count);
/** The query plan SQLite chooses for the events query of f, one step
 *  per line ("SEARCH events USING INDEX events_source ..."), into out
 *  (cap bytes, NUL-terminated).  For the docs and tests. */
DYAD_API dyad_status dyad_store_events_plan(dyad_store *s, const dyad_event_filter *f,
                                            char *out, size_t cap);

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
/** v with exactly decimals (0-9) digits after the point ("48.0230");
 *  never "-0.0"; non-finite or huge values write null. */
DYAD_API void dyad_json_fixed(dyad_json *j, double v, int decimals);
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
