/*
 * util.c -- error reporting and the document loop shared by the commands.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd) fprintf(stderr, "\nTry 'dyad help %s'.\n", cmd);
    else fprintf(stderr, "\nTry 'dyad --help'.\n");
    return EXIT_USAGE;
}

int cli_each_doc(const cli_inputs *in, cli_doc_fn fn, void *ctx, int *skipped)
{
    dyad_reader *r;
    if (dyad_reader_new(&r, &in->ropts) != DYAD_OK) {
        cli_error("out of memory");
        return EXIT_SKIPPED;
    }
    int rc = EXIT_OK;
    *skipped = 0;
    if (in->npaths == 0) dyad_reader_add(r, "-");
    for (int i = 0; i < in->npaths; i++) {
        if (dyad_reader_add(r, in->paths[i]) != DYAD_OK) {
            cli_error("out of memory");
            dyad_reader_free(r);
            return EXIT_SKIPPED;
        }
    }
    const dyad_doc *doc;
    dyad_status st;
    while ((st = dyad_reader_next(r, &doc)) != DYAD_EOF) {
        if (st != DYAD_OK) {
            cli_error("%s", dyad_reader_errmsg(r));
            (*skipped)++;
            if (st == DYAD_ENOMEM) break;
            continue;
        }
        const char *w = dyad_reader_warning(r);
        if (w) cli_error("warning: %s", w);
        int k = fn(doc, ctx);
        if (k) { rc = k; break; }
    }
    dyad_reader_free(r);
    if (rc == EXIT_OK && *skipped) rc = EXIT_SKIPPED;
    return rc;
}
