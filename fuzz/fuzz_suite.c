/*
 * fuzz_suite.c -- fuzz target for the PETRARCH validation-file reader
 * (src/code/suite.c), reading the input from memory: the reader must
 * refuse what is not a validation file with a message, and every record
 * it returns must be complete (an id, its codings, its options).
 */
#include "code/code.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_suite *s;
    dyad_status st = dyad__suite_load_memory(&s, "fuzz.xml", (const char *)data, size);
    if (!s) return 0;
    if (st != DYAD_OK) {
        if (!dyad_suite_errmsg(s)[0]) abort();
    } else {
        dyad_suite_env(s, "Verbfile");
        for (size_t i = 0; i < dyad_suite_count(s); i++) {
            const dyad_suite_record *r = dyad_suite_get(s, i);
            if (!r || !r->id) abort();
            for (size_t k = 0; k < r->ncodings; k++)
                (void)(r->codings[k].code ? strlen(r->codings[k].code) : 0);
            for (size_t k = 0; k < r->noptions; k++)
                if (!r->option_names[k] || !r->option_values[k]) abort();
            dyad_suite_option(r, "require_dyad");
        }
    }
    dyad_suite_free(s);
    return 0;
}
