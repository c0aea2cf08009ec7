/*
 * testutil.h -- helpers shared by the cmocka tests: locating ../shared
 * (skipping with exit 77 when it is absent), reading files, and running
 * the dyad binary.
 */
#ifndef DYAD_TESTUTIL_H
#define DYAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "dyad.h"

/* Path of a file under ../shared; when the folder is missing the whole
 * test program skips (exit 77) after saying so. */
static inline const char *shared_path(const char *rel)
{
    static char buf[4096];
    struct stat sb;
    if (stat(DYAD_SHARED_DIR, &sb) != 0) {
        printf("SKIP: %s is absent; tests that read the shared corpora are skipped\n",
               DYAD_SHARED_DIR);
        exit(77);
    }
    snprintf(buf, sizeof buf, "%s/%s", DYAD_SHARED_DIR, rel);
    return buf;
}

/* A test that cannot run here (no ../shared, no tagger data) calls
 * test_skip(): cmocka marks it skipped, and main() returns
 * test_result(), which is 77 -- CTest's "skipped" -- when nothing failed
 * but something could not run, so a skip is never reported as a pass. */
static int g_test_skipped;
#define test_skip() do { g_test_skipped++; skip(); } while (0)
static inline int test_result(int failed)
{
    return failed ? failed : g_test_skipped ? 77 : 0;
}

static inline int shared_present(void)
{
    struct stat sb;
    return stat(DYAD_SHARED_DIR, &sb) == 0;
}

/* Writes data to a fresh temporary file and returns its path (static
 * storage, one per suffix call). */
static inline char *tmp_file(const char *suffix, const void *data, size_t n)
{
    static char paths[16][256];
    static int next;
    char *p = paths[next++ % 16];
    snprintf(p, 256, "/tmp/dyad-test-%d-%d%s", (int)getpid(), next, suffix);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return p;
}

/* The whole of path (malloc'd, 16 spare bytes) and its length; the
 * test fails when it cannot be read. */
static inline unsigned char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    unsigned char *b = malloc((size_t)n + 16);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Writes b[0..n) over path; the test fails when it cannot. */
static inline void write_whole(const char *path, const void *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

#endif
