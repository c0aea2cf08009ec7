/*
 * test_common.c -- the common base: arena, buffers, UTF-8 checks, dates,
 * status names, and the JSON writer (validity of everything it emits).
 */
#include "testutil.h"

#include "common/common.h"

#include <errno.h>
#include <limits.h>
#include <math.h>

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(dyad_status_name(DYAD_OK), "DYAD_OK");
    assert_string_equal(dyad_status_name(DYAD_EUTF8), "DYAD_EUTF8");
    assert_string_equal(dyad_strerror(DYAD_EUTF8), "invalid UTF-8");
    assert_string_equal(dyad_status_name((dyad_status)-999), "DYAD_UNKNOWN");
    assert_string_equal(dyad_version(), DYAD_VERSION);
}

static void test_arena(void **state)
{
    (void)state;
    dyad__arena a;
    dyad__arena_init(&a, 0);
    char *p = dyad__arena_alloc(&a, 10);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    /* many allocations across blocks stay distinct and writable */
    char *ptrs[1000];
    for (int i = 0; i < 1000; i++) {
        ptrs[i] = dyad__arena_alloc(&a, 100);
        assert_non_null(ptrs[i]);
        memset(ptrs[i], i & 0xff, 100);
    }
    for (int i = 0; i < 1000; i++) assert_int_equal((unsigned char)ptrs[i][99], i & 0xff);
    char *big = dyad__arena_alloc(&a, 5 << 20);  /* larger than a block */
    assert_non_null(big);
    big[(5 << 20) - 1] = 1;
    dyad__arena_reset(&a);
    assert_non_null(dyad__arena_strndup(&a, "abc", 2));
    assert_string_equal(dyad__arena_strndup(&a, "abc", 2), "ab");
    dyad__arena_free(&a);
}

static void test_arena_cap(void **state)
{
    (void)state;
    dyad__arena a;
    dyad__arena_init(&a, 10000);
    int refused = 0;
    for (int i = 0; i < 100; i++)
        if (!dyad__arena_alloc(&a, 1000)) { refused = 1; break; }
    assert_true(refused);
    assert_true(a.over_cap);
    assert_true(a.total <= 10000);
    dyad__arena_reset(&a);
    assert_false(a.over_cap);
    dyad__arena_free(&a);
}

static void test_buf(void **state)
{
    (void)state;
    dyad__buf b;
    dyad__buf_init(&b);
    assert_string_equal(dyad__buf_cstr(&b), "");
    for (int i = 0; i < 1000; i++) dyad__buf_putc(&b, 'x');
    dyad__buf_printf(&b, "%d-%s", 42, "y");
    assert_int_equal(b.len, 1004);
    assert_string_equal(b.data + 1000, "42-y");
    dyad__buf_clear(&b);
    assert_string_equal(dyad__buf_cstr(&b), "");
    dyad__buf_free(&b);
}

static void test_utf8(void **state)
{
    (void)state;
    const char *ok = "plain ascii, caf\xc3\xa9, \xe2\x80\x9cquoted\xe2\x80\x9d, \xf0\x9f\x98\x80";
    assert_int_equal(dyad__utf8_check((const unsigned char *)ok, strlen(ok)), strlen(ok));
    struct { const char *s; size_t bad; } cases[] = {
        {"abc\xff", 3},                 /* never valid */
        {"ab\xc0\xafz", 2},             /* overlong '/' */
        {"a\xed\xa0\x80", 1},           /* surrogate */
        {"\xf4\x90\x80\x80", 0},        /* past U+10FFFF */
        {"0123456789\xe2\x80", 10},     /* truncated sequence after fast path */
        {"x\x80", 1},                   /* stray continuation byte */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(dyad__utf8_check((const unsigned char *)cases[i].s,
                                          strlen(cases[i].s)), cases[i].bad);
    char out[4];
    int32_t cp;
    assert_int_equal(dyad__utf8_encode(0x20AC, out), 3);
    assert_int_equal(dyad__utf8_decode((unsigned char *)out, 3, &cp), 3);
    assert_int_equal(cp, 0x20AC);
}

static void test_dates(void **state)
{
    (void)state;
    char iso[11];
    assert_int_equal(dyad__date_normalize("2020-06-10", 10, iso), 0);
    assert_string_equal(iso, "2020-06-10");
    assert_int_equal(dyad__date_normalize("19950101", 8, iso), 0);
    assert_string_equal(iso, "1995-01-01");
    assert_int_equal(dyad__date_normalize("2025-03-14 20:30:26Z", 20, iso), 0);
    assert_string_equal(iso, "2025-03-14");
    assert_int_equal(dyad__date_normalize("2025-03-14T20:30:26Z", 20, iso), 0);
    assert_int_equal(dyad__date_normalize("2021-02-29", 10, iso), -1);  /* not leap */
    assert_int_equal(dyad__date_normalize("2020-02-29", 10, iso), 0);   /* leap */
    assert_int_equal(dyad__date_normalize("2020-13-01", 10, iso), -1);
    assert_int_equal(dyad__date_normalize("June 10", 7, iso), -1);
    assert_int_equal(dyad__date_normalize("2020-06-10x", 11, iso), -1);
}

/* Runs the writer into a memory file and returns what it wrote. */
static char *S_json(void (*fn)(dyad_json *))
{
    static char out[8192];
    FILE *f = fmemopen(out, sizeof out, "w");
    assert_non_null(f);
    dyad_json *j = dyad_json_new(f);
    fn(j);
    assert_int_equal(dyad_json_flush(j), DYAD_OK);
    dyad_json_free(j);
    fclose(f);
    return out;
}

static void S_obj(dyad_json *j)
{
    dyad_json_obj_begin(j);
    dyad_json_key(j, "a");
    dyad_json_int(j, -3);
    dyad_json_key(j, "b");
    dyad_json_arr_begin(j);
    dyad_json_bool(j, 1);
    dyad_json_null(j);
    dyad_json_double(j, 1.5);
    dyad_json_cstr(j, NULL);
    dyad_json_arr_end(j);
    dyad_json_key(j, "c");
    dyad_json_obj_begin(j);
    dyad_json_obj_end(j);
    dyad_json_obj_end(j);
    dyad_json_newline(j);
    dyad_json_arr_begin(j);
    dyad_json_arr_end(j);
    dyad_json_newline(j);
}

/* The number writer agrees with snprintf at the edges and between. */
static void test_fmt_numbers(void **state)
{
    (void)state;
    const long long v[] = {0, 1, -1, 9, 10, -10, 99, 100, 123456789, -987654321,
                           LLONG_MAX, LLONG_MIN, LLONG_MIN + 1, LLONG_MAX - 1};
    char a[32], b[32];
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        size_t n = dyad__fmt_ll(a, v[i]);
        int m = snprintf(b, sizeof b, "%lld", v[i]);
        assert_string_equal(a, b);
        assert_int_equal(n, (size_t)m);
        unsigned long long u = (unsigned long long)v[i];
        n = dyad__fmt_ull(a, u);
        m = snprintf(b, sizeof b, "%llu", u);
        assert_string_equal(a, b);
        assert_int_equal(n, (size_t)m);
    }
    for (long long x = -100000; x <= 100000; x += 7) {
        dyad__fmt_ll(a, x * 1000003);
        snprintf(b, sizeof b, "%lld", x * 1000003);
        assert_string_equal(a, b);
    }
}

static void test_json_structure(void **state)
{
    (void)state;
    assert_string_equal(S_json(S_obj),
                        "{\"a\":-3,\"b\":[true,null,1.5,null],\"c\":{}}\n[]\n");
}

static void S_escapes(dyad_json *j)
{
    static const char s[] = "q\"b\\n\n\t\x01\x1f" "caf\xc3\xa9" "\xff" "x\xe2\x80\xa8" "\xe2\x82";
    dyad_json_str(j, s, sizeof s - 1);
    dyad_json_newline(j);
    dyad_json_double(j, 1.0 / 0.0);
    dyad_json_newline(j);
}

static void test_json_escapes(void **state)
{
    (void)state;
    const char *out = S_json(S_escapes);
    assert_string_equal(out,
        "\"q\\\"b\\\\n\\n\\t\\u0001\\u001fcaf\xc3\xa9\xef\xbf\xbdx\\u2028"
        "\xef\xbf\xbd\xef\xbf\xbd\"\nnull\n");
    assert_int_equal(dyad__utf8_check((const unsigned char *)out, strlen(out)), strlen(out));
}

static double S_val;

static void S_one_double(dyad_json *j) { dyad_json_double(j, S_val); }

/* Doubles come out as snprintf's "%.10g" writes them: the writer's own
 * path for whole tenths (Goldstein scores, counts) and snprintf for the
 * rest agree on every value tried, at the edges of the own path and in
 * between. */
static void test_json_doubles(void **state)
{
    (void)state;
    const double edge[] = {0.0, -0.0, 0.1, -0.1, 0.5, 1.0, -1.0, 10.0, -10.0, 2.675, 0.1 + 0.2,
                           1e-5, -1e-5, 1e-4, 999999999.9, -999999999.9, 1e9, -1e9, 1e9 - 0.5,
                           123456789.1, 4294967296.0, 1e15, 1e16, 1e300, -1e-300, 5e-324,
                           0.05, 0.15, 0.25, 9.95, -7.2, 3.4, 1.0 / 3.0, 2.0 / 3.0};
    char want[64];
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        S_val = edge[i];
        snprintf(want, sizeof want, "%.10g", S_val);
        assert_string_equal(S_json(S_one_double), want);
    }
    for (long k = -20000; k <= 20000; k++) {   /* every tenth from -2000 to 2000 */
        S_val = (double)k / 10.0;
        snprintf(want, sizeof want, "%.10g", S_val);
        assert_string_equal(S_json(S_one_double), want);
    }
    unsigned long long x = 88172645463325252ull;   /* xorshift: any double */
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (!isfinite(d)) continue;
        S_val = i % 2 ? d : (double)(long long)(x % 2000000001ull - 1000000000ll) / 10.0;
        snprintf(want, sizeof want, "%.10g", S_val);
        assert_string_equal(S_json(S_one_double), want);
    }
}

static void S_large(dyad_json *j)
{
    /* bigger than the writer's buffer: must arrive whole */
    static char big[200000];
    memset(big, 'a', sizeof big);
    dyad_json_str(j, big, sizeof big);
}

static void test_json_large(void **state)
{
    (void)state;
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    dyad_json *j = dyad_json_new(f);
    for (int i = 0; i < 3; i++) S_large(j);
    dyad_json_free(j);
    fclose(f);
    assert_int_equal(len, 3 * (200000 + 2));
    free(mem);
}

/* Error messages: control characters and invalid UTF-8 from file names,
 * ids and text are escaped; a message too long for the slot loses its
 * middle, never its reason. */
static void test_err_messages(void **state)
{
    (void)state;
    dyad__err e;
    dyad__err_set(&e, DYAD_EIO, "%s:%d: %s", "a\x1b[31mb\nc", 3, "cannot open");
    assert_string_equal(e.msg, "a\\x1b[31mb\\nc:3: cannot open");
    /* C1 control (U+009B, a terminal CSI), a stray byte, a valid e-acute */
    dyad__err_set(&e, DYAD_EIO, "id \xc2\x9b \xff \xc3\xa9");
    assert_string_equal(e.msg, "id \\u009b \\xff \xc3\xa9");
    /* a path of 3000 bytes: the start of the path and the whole reason */
    char path[3001];
    memset(path, 'p', 3000);
    path[0] = '/';
    path[3000] = 0;
    dyad__err_set(&e, DYAD_EJSON, "%s:%lu: malformed JSON: %s; line skipped", path,
                  12ul, "end of file expected");
    size_t n = strlen(e.msg);
    assert_true(n < sizeof e.msg);
    assert_true(n > sizeof e.msg / 2);
    assert_int_equal(e.msg[0], '/');
    assert_non_null(strstr(e.msg, "[...]"));
    const char *tail = ":12: malformed JSON: end of file expected; line skipped";
    assert_string_equal(e.msg + n - strlen(tail), tail);
    /* a long multibyte id is cut on character boundaries */
    char *id = malloc(3000 * 2 + 1);
    for (int i = 0; i < 3000; i++) memcpy(id + 2 * i, "\xc3\xa9", 2);
    id[6000] = 0;
    dyad__err_set(&e, DYAD_EFORMAT, "document %s: no text", id);
    n = strlen(e.msg);
    assert_int_equal(dyad__utf8_check((const unsigned char *)e.msg, n), n);
    assert_string_equal(e.msg + n - 9, ": no text");
    free(id);
    /* an argument pointing into the slot itself */
    dyad__err_set(&e, DYAD_EIO, "first");
    dyad__err_set(&e, DYAD_EIO, "%s, then second", e.msg);
    assert_string_equal(e.msg, "first, then second");
}

/* Only regular files open; a FIFO is refused at once instead of hanging
 * until a writer comes. */
/* dyad__hash64 as its comment in hash.c states it, one word at a time
 * with the bytes assembled little-endian: the stored hashes of texts and
 * dictionaries must not change when the function is made faster. */
static uint64_t S_hash_ref(uint64_t h, const unsigned char *s, size_t n)
{
    const uint64_t prime = 0x100000001b3ull;
    h ^= 0xcbf29ce484222325ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--) w = (w << 8) | s[i + (size_t)k];
        h = (h ^ w) * prime;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    for (size_t k = n; k > i; k--) w = (w << 8) | s[k - 1];
    h = (h ^ w ^ ((uint64_t)(n - i) << 56)) * prime;
    h ^= (uint64_t)n;
    return dyad__mix64(h);
}

static void test_hash64(void **state)
{
    (void)state;
    unsigned char b[200];
    for (size_t i = 0; i < sizeof b; i++) b[i] = (unsigned char)(i * 37u + 11u);
    for (size_t n = 0; n <= sizeof b; n++)
        for (size_t off = 0; off < 3 && off + n <= sizeof b; off++) {
            uint64_t seed = n * 0x9E3779B97F4A7C15ull;
            assert_true(dyad__hash64(seed, b + off, n) == S_hash_ref(seed, b + off, n));
        }
    /* different texts, different hashes (the lengths count too) */
    assert_true(dyad__hash64(0, b, 64) != dyad__hash64(0, b, 65));
    assert_true(dyad__hash64(0, "Lima", 4) != dyad__hash64(0, "Lime", 4));
}

static void test_fopen_regular(void **state)
{
    (void)state;
    char dir[] = "/tmp/dyad-common-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char fifo[256], reg[256];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(reg, sizeof reg, "%s/file", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    FILE *f = fopen(reg, "wb");
    assert_non_null(f);
    fputs("x", f);
    fclose(f);
    const char *why = NULL;
    assert_null(dyad__fopen_regular(fifo, &why));
    assert_string_equal(why, "not a regular file (a FIFO)");
    assert_null(dyad__fopen_regular(dir, &why));
    assert_string_equal(why, "not a regular file (a directory)");
    char missing[300];
    snprintf(missing, sizeof missing, "%s/none", dir);
    assert_null(dyad__fopen_regular(missing, &why));
    assert_string_equal(why, strerror(ENOENT));
    f = dyad__fopen_regular(reg, &why);
    assert_non_null(f);
    assert_int_equal(fgetc(f), 'x');
    fclose(f);
    unlink(fifo);
    unlink(reg);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_names), cmocka_unit_test(test_arena),
        cmocka_unit_test(test_arena_cap),    cmocka_unit_test(test_buf),
        cmocka_unit_test(test_utf8),         cmocka_unit_test(test_dates),
        cmocka_unit_test(test_json_structure), cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_fmt_numbers), cmocka_unit_test(test_json_doubles),
        cmocka_unit_test(test_json_large),
        cmocka_unit_test(test_err_messages), cmocka_unit_test(test_fopen_regular),
        cmocka_unit_test(test_hash64),
    };
    return test_result(cmocka_run_group_tests(tests, NULL, NULL));
}
