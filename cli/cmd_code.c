/*
 * cmd_code.c -- `dyad code`: documents in, events out, as JSON Lines.
 * A document with a supplied parse (PETRARCH XML <Parse>) is coded from
 * that parse; any other text goes through the text layer and the
 * built-in tagger and chunker, sentence by sentence (boilerplate skipped).
 * Each event carries its CAMEO facts (root, QuadClass, Goldstein, PLOVER)
 * and its evidence.  --explain prints the coder's trace instead.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char S_usage[] =
    "usage: dyad code [--dict-dir DIR] [--explain] [--input-format FMT] [INPUT...]\n"
    "\n"
    "Codes documents into events, one JSON object per line:\n"
    "  doc_id, sentence_id, date, source, target, code, root, quad_class,\n"
    "  goldstein, plover, source_text, target_text, verb_text, negated,\n"
    "  sentence, evidence (dictionary entries as FILE:LINE, with the tokens\n"
    "  they matched).\n"
    "Documents with a parse (PETRARCH XML) are coded from it; raw text is\n"
    "split into sentences and parsed by the built-in tagger and chunker.\n"
    "  --dict-dir DIR   dictionaries to use (default: $DYAD_DICT_DIR, else\n"
    "                   the built-in dictionaries)\n"
    "  --explain        print, per sentence, why each event was or was not\n"
    "                   coded, instead of JSON\n"
    "  --input-format FMT   auto (default), text, jsonl or xml\n"
    "\n"
    "Exit status: 0 ok; 1 some input was skipped; 2 usage error.\n";

typedef struct code_ctx {
    dyad_coder *coder;
    dyad_text *text;
    dyad_tagger *tagger;
    dyad_chunker *chunker;
    dyad_json *j;
    int explain;
    int skipped;
    unsigned long events;
} code_ctx;

static void S_event(code_ctx *x, const dyad_doc *doc, size_t sid, const char *sentence,
                    size_t slen)
{
    dyad_coder *c = x->coder;
    for (size_t i = 0; i < dyad_coder_event_count(c); i++) {
        const dyad_event *e = dyad_coder_event(c, i);
        const dyad_cameo_info *info = NULL;
        dyad_cameo_lookup(e->code, &info);
        dyad_json *j = x->j;
        dyad_json_obj_begin(j);
        dyad_json_key(j, "doc_id"); dyad_json_cstr(j, doc->id);
        dyad_json_key(j, "sentence_id"); dyad_json_int(j, (long long)sid);
        dyad_json_key(j, "date"); dyad_json_cstr(j, doc->date);
        dyad_json_key(j, "source"); dyad_json_cstr(j, e->source);
        dyad_json_key(j, "target"); dyad_json_cstr(j, e->target);
        dyad_json_key(j, "code"); dyad_json_cstr(j, e->code);
        dyad_json_key(j, "root"); dyad_json_cstr(j, info ? info->root : NULL);
        dyad_json_key(j, "quad_class");
        if (info) dyad_json_int(j, info->quad_class); else dyad_json_null(j);
        dyad_json_key(j, "goldstein");
        if (info) dyad_json_double(j, info->goldstein); else dyad_json_null(j);
        dyad_json_key(j, "plover"); dyad_json_cstr(j, info ? info->plover : NULL);
        dyad_json_key(j, "source_text"); dyad_json_cstr(j, e->source_text);
        dyad_json_key(j, "target_text"); dyad_json_cstr(j, e->target_text);
        dyad_json_key(j, "verb_text"); dyad_json_cstr(j, e->verb_text);
        dyad_json_key(j, "negated"); dyad_json_bool(j, e->negated);
        dyad_json_key(j, "sentence"); dyad_json_str(j, sentence, slen);
        dyad_json_key(j, "evidence");
        dyad_json_arr_begin(j);
        for (size_t k = 0; k < e->nevidence; k++) {
            const dyad_evidence *v = &e->evidence[k];
            char ref[4200];
            snprintf(ref, sizeof ref, "%s:%lu", v->file ? v->file : "", v->line);
            dyad_json_obj_begin(j);
            dyad_json_key(j, "kind"); dyad_json_cstr(j, v->kind);
            dyad_json_key(j, "entry"); dyad_json_cstr(j, v->file ? ref : NULL);
            dyad_json_key(j, "text"); dyad_json_cstr(j, v->text);
            if (v->end > v->first) {
                dyad_json_key(j, "tokens");
                dyad_json_arr_begin(j);
                dyad_json_int(j, (long long)v->first);
                dyad_json_int(j, (long long)v->end);
                dyad_json_arr_end(j);
            }
            dyad_json_obj_end(j);
        }
        dyad_json_arr_end(j);
        dyad_json_obj_end(j);
        dyad_json_newline(j);
        x->events++;
    }
}

static void S_explain(code_ctx *x, const dyad_doc *doc, size_t sid, const char *s, size_t n)
{
    dyad_json_flush(x->j);
    printf("== %s sentence %zu: %.*s\n", doc->id, sid, (int)n, s);
    fputs(dyad_coder_trace(x->coder), stdout);
    if (dyad_coder_event_count(x->coder) == 0) printf("  (no event)\n");
}

static int S_doc(const dyad_doc *doc, void *vctx)
{
    code_ctx *x = vctx;
    dyad_coder_new_document(x->coder);
    if (doc->parse) {
        dyad_status st = dyad_coder_code_parse(x->coder, doc->parse, strlen(doc->parse), doc->date);
        if (st != DYAD_OK) {
            cli_error("%s:%lu: document %s: %s; skipped", doc->path, doc->line, doc->id,
                      dyad_coder_errmsg(x->coder));
            x->skipped++;
            return 0;
        }
        if (x->explain) S_explain(x, doc, 1, doc->text, doc->len);
        else S_event(x, doc, 1, doc->text, doc->len);
        return 0;
    }
    if (!x->chunker) {
        dyad_status st = dyad_tagger_new(&x->tagger, NULL);
        if (st != DYAD_OK || dyad_chunker_new(&x->chunker, x->tagger) != DYAD_OK) {
            cli_error("cannot load the tagger: %s", dyad_tagger_errmsg(x->tagger));
            return EXIT_SKIPPED;
        }
    }
    if (cli_analyze(x->text, doc, &x->skipped)) return 0;
    for (size_t i = 0; i < dyad_text_sentence_count(x->text); i++) {
        const dyad_sentence *s = dyad_text_sentence(x->text, i);
        if (s->boilerplate) continue;
        if (dyad_chunker_run(x->chunker, x->text, i) != DYAD_OK) continue;
        if (dyad_coder_code_chunked(x->coder, x->chunker, doc->date) != DYAD_OK) continue;
        if (x->explain) S_explain(x, doc, i + 1, doc->text + s->start, s->end - s->start);
        else S_event(x, doc, i + 1, doc->text + s->start, s->end - s->start);
    }
    return 0;
}

/* Loads the dictionaries: --dict-dir, else $DYAD_DICT_DIR, else the
 * built-in ones. */
static dyad_dict *S_dict(const char *dir)
{
    if (!dir) dir = getenv("DYAD_DICT_DIR");
#ifdef DYAD_BUILTIN_DICT_DIR
    if (!dir || !*dir) dir = DYAD_BUILTIN_DICT_DIR;
#endif
    if (!dir) { cli_error("no dictionaries: use --dict-dir"); return NULL; }
    dyad_dict *d;
    if (dyad_dict_new(&d) != DYAD_OK) return NULL;
    dyad_status st = dyad_dict_add_dir(d, dir);
    if (st != DYAD_OK && st != DYAD_EDICT) {
        cli_error("%s", dyad_dict_errmsg(d));
        dyad_dict_free(d);
        return NULL;
    }
    if (dyad_dict_compile(d) == DYAD_ENOMEM) { dyad_dict_free(d); return NULL; }
    if (dyad_dict_error_count(d))
        cli_error("warning: %zu malformed dictionary line(s) in %s were left out "
                  "(see 'dyad dict check')", dyad_dict_error_count(d), dir);
    return d;
}

static int S_run(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *dir = NULL;
    code_ctx x;
    memset(&x, 0, sizeof x);
    const cli_opt opts[] = {{"--dict-dir", &dir, NULL}, {"--explain", NULL, &x.explain},
                            {NULL, NULL, NULL}};
    int rc0 = cli_parse("code", argc, argv, opts, &in);
    if (rc0) return rc0;
    dyad_dict *d = S_dict(dir);
    if (!d) return EXIT_SKIPPED;
    int rc = EXIT_SKIPPED, skipped = 0;
    if (dyad_coder_new(&x.coder, d) == DYAD_OK && dyad_text_new(&x.text) == DYAD_OK &&
        (x.j = dyad_json_new(stdout)) != NULL) {
        dyad_coder_set_explain(x.coder, x.explain);
        /* news, not the PETRARCH suite: roles take the country of the
         * actor named before them, and roles alone are not parties */
        dyad_coder_set_option(x.coder, "agent_country", "true");
        rc = cli_each_doc(&in, S_doc, &x, &skipped);
        if (dyad_json_flush(x.j) != DYAD_OK) { cli_error("error writing output"); rc = EXIT_SKIPPED; }
    } else {
        cli_error("out of memory");
    }
    if (rc == EXIT_OK && x.skipped) rc = EXIT_SKIPPED;
    dyad_json_free(x.j);
    dyad_chunker_free(x.chunker);
    dyad_tagger_free(x.tagger);
    dyad_text_free(x.text);
    dyad_coder_free(x.coder);
    dyad_dict_free(d);
    return rc;
}

const cli_command cli_cmd_code = {
    "code",
    "code documents into events (JSON Lines, one object per event)",
    S_usage,
    S_run,
};
