/*
 * reader_impl.h -- the dyad_reader structure, shared by reader.c and the
 * format readers (xml.c).  Not part of the stage's interface.
 */
#ifndef DYAD_READER_IMPL_H
#define DYAD_READER_IMPL_H

#include "input.h"

/* A queued input: a path, or a named buffer in memory. */
typedef struct dyad__input {
    char *path;             /* owned; "-" is stdin */
    const char *mem;        /* not owned; NULL for paths */
    size_t memlen;
} dyad__input;

/* A file or directory already visited, by device and inode. */
typedef struct dyad__file_id {
    unsigned long long dev, ino;
    int used;
} dyad__file_id;

struct dyad_reader {
    dyad_reader_options opts;
    dyad__input *paths;     /* queued inputs; directories expand in place */
    size_t npaths, cap_paths, cursor;
    dyad__file_id *seen;    /* hash set of visited files and directories */
    size_t nseen, cap_seen; /* cap_seen: 0 or a power of two */
    /* the open input */
    int open;
    int done_file;          /* the current file yields nothing more */
    const char *path;       /* points into paths[] */
    char stem[256];         /* file name without extensions */
    dyad_format fmt;
    dyad__stream s;
    unsigned long lineno;   /* lines consumed (JSON Lines) */
    void *xmlctx;           /* xml.c's state */
    /* the current document */
    dyad_doc doc;
    dyad__arena arena;      /* strings of the current document */
    dyad__buf line, text, parse;
    dyad__err err, warn;
};

void dyad__reader_doc_init(dyad_reader *r, unsigned long line);
const char *dyad__reader_derived_id(dyad_reader *r, unsigned long line);
void dyad__reader_set_date(dyad_reader *r, const char *s, size_t n,
                           const char *field);
dyad_status dyad__reader_check_text(dyad_reader *r, const char *text, size_t n);

/* PETRARCH XML (xml.c). */
dyad_status dyad__xml_open(dyad_reader *r);
dyad_status dyad__xml_next(dyad_reader *r);
void dyad__xml_close(dyad_reader *r);

#endif
