/*
 * places_compile.c -- a build step: reads the gazetteer's tables in DIR
 * once (splitting and folding every name) and writes the result as OUT
 * (src/dict/places.c, "the compiled tables"), which dyad_places_new then
 * reads instead.
 *     places_compile DIR OUT
 */
#include "dict/dict.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: places_compile DIR OUT\n");
        return 2;
    }
    dyad__err err;
    dyad__err_clear(&err);
    if (dyad__places_compile(argv[1], argv[2], &err) != DYAD_OK) {
        fprintf(stderr, "places_compile: %s\n", err.msg);
        return 1;
    }
    return 0;
}
