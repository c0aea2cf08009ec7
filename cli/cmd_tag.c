/*
 * cmd_tag.c -- `dyad tag`: the built-in tagger and chunker made visible.
 * One JSON object per sentence with its words, their Penn Treebank tags,
 * the chunk tree as a bracketed string, and the verb groups with tense,
 * voice, negation and modality.  Token indexes count from the sentence's
 * first word.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct tag_ctx {
    dyad_text *t;
    dyad_chunker *c;
    dyad_json *j;
    int skipped;
} tag_ctx;

static void S_span(dyad_json *j, const char *key, size_t a, size_t b)
{
    dyad_json_key(j, key);
    if (a == b) {
        dyad_json_null(j);
        return;
    }
    dyad_json_arr_begin(j);
    dyad_json_int(j, (long long)a);
    dyad_json_int(j, (long long)b);
    dyad_json_arr_end(j);
}

static void S_groups(dyad_json *j, dyad_chunker *c, const dyad_token *tok)
{
    dyad_json_key(j, "verb_groups");
    dyad_json_arr_begin(j);
    for (size_t g = 0; g < dyad_chunker_verb_group_count(c); g++) {
        const dyad_verb_group *v = dyad_chunker_verb_group(c, g);
        dyad_json_obj_begin(j);
        dyad_json_key(j, "verb");
        dyad_json_int(j, (long long)v->verb);
        dyad_json_key(j, "text");
        /* the group's words, joined by spaces */
        char buf[512];
        size_t n = 0;
        for (size_t k = v->first; k <= v->last && n < sizeof buf - 1; k++) {
            size_t len = tok[k].norm_len;
            if (n && n < sizeof buf - 1) buf[n++] = ' ';
            if (len > sizeof buf - 1 - n) len = sizeof buf - 1 - n;
            memcpy(buf + n, tok[k].norm, len);
            n += len;
        }
        dyad_json_str(j, buf, n);
        dyad_json_key(j, "first");
        dyad_json_int(j, (long long)v->first);
        dyad_json_key(j, "last");
        dyad_json_int(j, (long long)v->last);
        dyad_json_key(j, "tense");
        dyad_json_cstr(j, dyad_tense_name(v->tense));
        dyad_json_key(j, "voice");
        dyad_json_cstr(j, v->passive ? "passive" : "active");
        dyad_json_key(j, "negated");
        dyad_json_bool(j, v->negated);
        dyad_json_key(j, "modal");
        if (v->modal == DYAD_NO_TOKEN) dyad_json_null(j);
        else dyad_json_str(j, tok[v->modal].norm, tok[v->modal].norm_len);
        dyad_json_key(j, "modality");
        dyad_json_cstr(j, dyad_modality_name(v->modality));
        dyad_json_key(j, "perfect");
        dyad_json_bool(j, v->perfect);
        dyad_json_key(j, "progressive");
        dyad_json_bool(j, v->progressive);
        dyad_json_key(j, "infinitive");
        dyad_json_bool(j, v->infinitive);
        S_span(j, "subject", v->subject_first, v->subject_end);
        S_span(j, "reported", v->reported_first, v->reported_end);
        dyad_json_obj_end(j);
    }
    dyad_json_arr_end(j);
}

/* The sentences of the text layer's current window (first: the
 * document's sentences before it). */
static void S_window(tag_ctx *c, const dyad_doc *doc, size_t first)
{
    size_t ntok;
    const dyad_token *all = dyad_text_tokens(c->t, &ntok);
    size_t n = dyad_text_sentence_count(c->t);
    for (size_t i = 0; i < n; i++) {
        const dyad_sentence *s = dyad_text_sentence(c->t, i);
        dyad_status st = dyad_chunker_run(c->c, c->t, i);
        if (st != DYAD_OK) {
            cli_error("%s:%lu: document %s, sentence %zu: %s; skipped", doc->path, doc->line,
                      doc->id, first + i + 1, dyad_strerror(st));
            c->skipped++;
            continue;
        }
        const dyad_token *tok = all + s->first_token;
        dyad_json *j = c->j;
        dyad_json_obj_begin(j);
        dyad_json_key(j, "doc_id");
        dyad_json_cstr(j, doc->id);
        dyad_json_key(j, "sentence_id");
        dyad_json_int(j, (long long)(first + i + 1));
        dyad_json_key(j, "words");
        dyad_json_arr_begin(j);
        for (size_t k = 0; k < s->ntokens; k++) dyad_json_str(j, tok[k].norm, tok[k].norm_len);
        dyad_json_arr_end(j);
        dyad_json_key(j, "tags");
        dyad_json_arr_begin(j);
        for (size_t k = 0; k < s->ntokens; k++) dyad_json_cstr(j, dyad_chunker_tag(c->c, k));
        dyad_json_arr_end(j);
        dyad_json_key(j, "tree");
        dyad_json_cstr(j, dyad_chunker_tree(c->c));
        S_groups(j, c->c, tok);
        dyad_json_obj_end(j);
        dyad_json_newline(j);
    }
}

/* The document is read window by window (dyad_text_next), so a long
 * one never has all its tokens in memory. */
static int S_doc(const dyad_doc *doc, void *vctx)
{
    tag_ctx *c = vctx;
    size_t first = 0;
    dyad_status st = dyad_text_open(c->t, doc);
    while (st == DYAD_OK && (st = dyad_text_next(c->t, &first)) == DYAD_OK) S_window(c, doc, first);
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
    const char *dir = NULL;
    const cli_opt opts[] = {{"--tagger-dir", &dir, NULL}, {NULL, NULL, NULL}};
    int rc0 = cli_parse("tag", argc, argv, opts, &in);
    if (rc0) return rc0;
    dyad_tagger *tg = NULL;
    dyad_status st = dyad_tagger_new(&tg, dir);
    if (st != DYAD_OK) {
        cli_error("cannot load the tagger: %s", dyad_tagger_errmsg(tg));
        dyad_tagger_free(tg);
        return EXIT_SKIPPED;
    }
    tag_ctx c = {0};
    if (dyad_text_new(&c.t) != DYAD_OK || dyad_chunker_new(&c.c, tg) != DYAD_OK ||
        !(c.j = dyad_json_new(stdout))) {
        cli_error("out of memory");
        dyad_chunker_free(c.c);
        dyad_text_free(c.t);
        dyad_tagger_free(tg);
        return EXIT_SKIPPED;
    }
    int skipped;
    int rc = cli_each_doc(&in, S_doc, &c, &skipped);
    if (dyad_json_flush(c.j) != DYAD_OK) {
        cli_error("error writing output");
        rc = EXIT_SKIPPED;
    }
    dyad_json_free(c.j);
    dyad_chunker_free(c.c);
    dyad_text_free(c.t);
    dyad_tagger_free(tg);
    if (rc == EXIT_OK && c.skipped) rc = EXIT_SKIPPED;
    return rc;
}

const cli_command cli_cmd_tag = {
    "tag",
    "tag and chunk sentences with the built-in tagger (JSON Lines)",
    "usage: dyad tag [--input-format FMT] [--tagger-dir DIR] [INPUT...]\n"
    "\n"
    "Reads documents, splits them into sentences, and tags and chunks each\n"
    "with the built-in part-of-speech tagger and phrase chunker.  Prints one\n"
    "JSON object per sentence:\n"
    "  doc_id, sentence_id (1-based), words, tags (Penn Treebank), tree (the\n"
    "  chunk tree as a one-line bracketing), and verb_groups: for each verb\n"
    "  group its main verb (index), text, first and last word, tense (none,\n"
    "  present, past, future), voice (active, passive), negated, modal,\n"
    "  modality, perfect, progressive, infinitive, and the word spans\n"
    "  [first, end) of its subject and, for speech verbs, of the reported\n"
    "  clause (null when none).  Word indexes count from 0 in the sentence.\n"
    "\n"
    "  --input-format FMT   auto (default), text, jsonl or xml\n"
    "  --tagger-dir DIR     the Lingua::EN::Tagger data (words.yml, tags.yml);\n"
    "                       default $DYAD_TAGGER_DIR, else\n"
    "                       /usr/share/perl5/Lingua/EN/Tagger (Debian package\n"
    "                       liblingua-en-tagger-perl)\n"
    "\n"
    "INPUT is a file, a directory (read recursively, sorted), or - for\n"
    "standard input (the default).  .gz and .zst are decompressed.\n"
    "\n"
    "Exit status: 0 all read; 1 something was skipped or the tagger data could\n"
    "not be loaded (reported on stderr with file and line); 2 usage error.\n",
    S_run,
};
