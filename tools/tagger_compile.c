/*
 * tagger_compile.c -- a build step: builds the tagger model from the
 * Lingua files (words.yml, tags.yml) in DIR once and writes it as the
 * compiled model OUT (src/parse/tagger.c, "the compiled model"), which
 * every dyad process then reads instead of the YAML.
 *     tagger_compile DIR OUT
 */
#include "parse/parse.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: tagger_compile LINGUA_DIR OUT\n");
        return 2;
    }
    dyad__err err;
    dyad__err_clear(&err);
    if (dyad__tagger_compile(argv[1], argv[2], &err) != DYAD_OK) {
        fprintf(stderr, "tagger_compile: %s\n", err.msg);
        return 1;
    }
    return 0;
}
