/*
 * cmd_sentences.c -- `dyad sentences`: the text layer made visible.  One
 * JSON object per sentence with its byte offsets into the document, its
 * boilerplate flag and, on the sentence a dateline was cut from, the
 * dateline.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct sent_ctx {
    dyad_text *t;
    dyad_json *j;
    int skipped;
} sent_ctx;

static void S_dateline(dyad_json *j, const dyad_dateline *d)
{
    dyad_json_key(j, "dateline");
    dyad_json_obj_begin(j);
    dyad_json_key(j, "place");
    dyad_json_cstr(j, d->place);
    dyad_json_key(j, "date");
    dyad_json_cstr(j, d->date);
    dyad_json_key(j, "iso_date");
    dyad_json_cstr(j, d->iso_date);
    dyad_json_key(j, "agency");
    dyad_json_cstr(j, d->agency);
    dyad_json_key(j, "start");
    dyad_json_int(j, (long long)d->start);
    dyad_json_key(j, "end");
    dyad_json_int(j, (long long)d->end);
    dyad_json_obj_end(j);
}

/* The document is read window by window (dyad_text_next), so a long
 * one never has all its tokens in memory. */
static int S_doc(const dyad_doc *doc, void *vctx)
{
    sent_ctx *c = vctx;
    size_t first = 0;
    dyad_status st = dyad_text_open(c->t, doc);
    while (st == DYAD_OK && (st = dyad_text_next(c->t, &first)) == DYAD_OK) {
        size_t n = dyad_text_sentence_count(c->t);
        for (size_t i = 0; i < n; i++) {
            const dyad_sentence *s = dyad_text_sentence(c->t, i);
            dyad_json *j = c->j;
            dyad_json_obj_begin(j);
            dyad_json_key(j, "doc_id");
            dyad_json_cstr(j, doc->id);
            dyad_json_key(j, "sentence_id");
            dyad_json_int(j, (long long)(first + i + 1));
            dyad_json_key(j, "text");
            dyad_json_str(j, doc->text + s->start, s->end - s->start);
            dyad_json_key(j, "start");
            dyad_json_int(j, (long long)s->start);
            dyad_json_key(j, "end");
            dyad_json_int(j, (long long)s->end);
            dyad_json_key(j, "paragraph");
            dyad_json_int(j, (long long)s->paragraph);
            dyad_json_key(j, "boilerplate");
            dyad_json_bool(j, s->boilerplate);
            if (s->dateline) S_dateline(j, s->dateline);
            dyad_json_obj_end(j);
            dyad_json_newline(j);
        }
    }
    if (st != DYAD_EOF) {
        cli_error("%s:%lu: document %s: %s; skipped", doc->path, doc->line, doc->id,
                  dyad_text_errmsg(c->t));
        c->skipped++;
    }
    return 0;
}

static int S_run(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    int rc0 = cli_parse("sentences", argc, argv, NULL, &in);
    if (rc0) return rc0;
    sent_ctx c = {0};
    if (dyad_text_new(&c.t) != DYAD_OK || !(c.j = dyad_json_new(stdout))) {
        cli_error("out of memory");
        dyad_text_free(c.t);
        return EXIT_SKIPPED;
    }
    int skipped;
    int rc = cli_each_doc(&in, S_doc, &c, &skipped);
    if (dyad_json_flush(c.j) != DYAD_OK) {
        cli_error("error writing output");
        rc = EXIT_SKIPPED;
    }
    dyad_json_free(c.j);
    dyad_text_free(c.t);
    if (rc == EXIT_OK && c.skipped) rc = EXIT_SKIPPED;
    return rc;
}

const cli_command cli_cmd_sentences = {
    "sentences",
    "split documents into sentences (JSON Lines, one object per sentence)",
    "usage: dyad sentences [--input-format FMT] [INPUT...]\n"
    "\n"
    "Reads documents and prints one JSON object per sentence:\n"
    "  doc_id, sentence_id (1-based), text, start, end (byte offsets into the\n"
    "  document text), paragraph (0-based), boilerplate (true for labels,\n"
    "  notices and metadata lines), and a dateline object (place, date,\n"
    "  iso_date, agency, start, end) on the sentence it was cut from.\n"
    "\n"
    "INPUT is a file, a directory (read recursively, sorted), or - for\n"
    "standard input (the default).  .gz and .zst are decompressed.\n"
    "  --input-format FMT   auto (default), text, jsonl or xml\n"
    "\n"
    "Formats: text (one document per file, id = file name), jsonl (one\n"
    "object per line with id, text and optional date, source, url, title),\n"
    "xml (PETRARCH <Sentence> records).\n"
    "\n"
    "Exit status: 0 all read; 1 something was skipped (each reported on\n"
    "stderr with file and line or byte offset); 2 usage error.\n",
    S_run,
};
