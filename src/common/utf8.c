/*
 * utf8.c -- strict UTF-8 decoding and validation (RFC 3629: no overlong
 * forms, no surrogates, nothing past U+10FFFF), date helpers, the escaping
 * and middle-shortening behind error messages, and opening a file only
 * when it is a regular one (a FIFO must never hang a command).
 * Hand-written because the hot path (validating whole documents) wants an
 * ASCII fast path that utf8proc's per-code-point iterator does not have.
 */
#include "common.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

size_t dyad__utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    size_t len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

size_t dyad__utf8_check(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path, eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        if (s[i] < 0x80) { i++; continue; }
        int32_t cp;
        size_t k = dyad__utf8_decode(s + i, n - i, &cp);
        if (k == 0) return i;
        i += k;
    }
    return n;
}

size_t dyad__utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static int S_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int S_ymd_valid(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29) {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (!leap) return 0;
    }
    return 1;
}

int dyad__date_valid(const char *s, size_t n)
{
    if (n < 10 || !S_digits(s, 4) || s[4] != '-' || !S_digits(s + 5, 2) ||
        s[7] != '-' || !S_digits(s + 8, 2))
        return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    return S_ymd_valid(y, m, d);
}

int dyad__date_normalize(const char *s, size_t n, char out[11])
{
    char tmp[11];
    if (n == 8 && S_digits(s, 8)) {
        memcpy(tmp, s, 4);
        tmp[4] = '-';
        memcpy(tmp + 5, s + 4, 2);
        tmp[7] = '-';
        memcpy(tmp + 8, s + 6, 2);
    } else if (n == 10 || (n > 10 && (s[10] == 'T' || s[10] == ' '))) {
        memcpy(tmp, s, 10);
    } else {
        return -1;
    }
    tmp[10] = 0;
    if (!dyad__date_valid(tmp, 10)) return -1;
    memcpy(out, tmp, 11);
    return 0;
}

/* ------------------------------------------------ messages and files */

void dyad__escape(dyad__buf *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t a = i;
        while (i < n && u[i] >= 0x20 && u[i] < 0x7f) i++;   /* printable ASCII */
        dyad__buf_append(out, s + a, i - a);
        if (i >= n) break;
        unsigned char c = u[i];
        if (c < 0x80) {
            if (c == '\n') dyad__buf_append(out, "\\n", 2);
            else if (c == '\t') dyad__buf_append(out, "\\t", 2);
            else if (c == '\r') dyad__buf_append(out, "\\r", 2);
            else dyad__buf_printf(out, "\\x%02x", c);
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dyad__utf8_decode(u + i, n - i, &cp);
        if (k == 0) {
            dyad__buf_printf(out, "\\x%02x", c);
            i++;
        } else if (cp < 0xA0) {
            dyad__buf_printf(out, "\\u%04x", (unsigned)cp);   /* C1 control */
            i += k;
        } else {
            dyad__buf_append(out, s + i, k);
            i += k;
        }
    }
}

void dyad__shorten_middle(char *out, size_t cap, const char *s, size_t n)
{
    static const char mark[] = "[...]";
    if (cap == 0) return;
    if (n < cap) {
        memcpy(out, s, n);
        out[n] = 0;
        return;
    }
    size_t room = cap - 1;
    if (room < sizeof mark + 8) {           /* too small to shorten well */
        size_t k = room;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        memcpy(out, s, k);
        out[k] = 0;
        return;
    }
    room -= sizeof mark - 1;
    size_t head = room / 4, tail = room - head;
    while (head > 0 && ((unsigned char)s[head] & 0xC0) == 0x80) head--;
    size_t from = n - tail;
    while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80) from++;
    memcpy(out, s, head);
    memcpy(out + head, mark, sizeof mark - 1);
    memcpy(out + head + sizeof mark - 1, s + from, n - from);
    out[head + sizeof mark - 1 + (n - from)] = 0;
}

FILE *dyad__fopen_regular(const char *path, const char **why)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (why) *why = strerror(errno);
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        if (why) *why = strerror(e);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        if (why) {
            *why = S_ISDIR(sb.st_mode)    ? "not a regular file (a directory)"
                   : S_ISFIFO(sb.st_mode) ? "not a regular file (a FIFO)"
                   : S_ISSOCK(sb.st_mode) ? "not a regular file (a socket)"
                   : S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode)
                       ? "not a regular file (a device)"
                       : "not a regular file";
        }
        errno = S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
        return NULL;
    }
    /* regular files ignore O_NONBLOCK, but clear it for good measure */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        close(fd);
        errno = e;
        if (why) *why = strerror(e);
    }
    return f;
}

int dyad__read_file(const char *path, size_t max, unsigned char **out, size_t *len,
                    const char **why)
{
    *out = NULL;
    *len = 0;
    FILE *f = dyad__fopen_regular(path, why);
    if (!f) return errno == ENOENT ? 1 : -1;
    struct stat sb;
    int rc = -1;
    if (fstat(fileno(f), &sb) != 0 || sb.st_size < 0)
        *why = "cannot stat";
    else if ((uint64_t)sb.st_size > max)
        *why = "larger than this file may be";
    else if (!(*out = malloc((size_t)sb.st_size + 1)))
        *why = "out of memory";
    else if (fread(*out, 1, (size_t)sb.st_size, f) != (size_t)sb.st_size)
        *why = "read error";
    else {
        *len = (size_t)sb.st_size;
        rc = 0;
    }
    fclose(f);
    if (rc) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

dyad_status dyad__write_file(const char *path, const void *b, size_t len, dyad__err *err)
{
    size_t n = strlen(path) + sizeof ".tmp";
    char *tmp = malloc(n);
    if (!tmp) return dyad__err_set(err, DYAD_ENOMEM, "out of memory");
    snprintf(tmp, n, "%s.tmp", path);
    dyad_status st = DYAD_OK;
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        st = dyad__err_set(err, DYAD_EIO, "%s: cannot create: %s", tmp, strerror(errno));
    } else {
        int bad = fwrite(b, 1, len, fp) != len;
        bad |= fclose(fp) != 0;
        if (bad) st = dyad__err_set(err, DYAD_EIO, "%s: write error", tmp);
        else if (rename(tmp, path) != 0)
            st = dyad__err_set(err, DYAD_EIO, "%s: cannot rename to %s: %s", tmp, path,
                               strerror(errno));
        if (st != DYAD_OK) remove(tmp);
    }
    free(tmp);
    return st;
}
