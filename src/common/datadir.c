/*
 * datadir.c -- where the built-in data lives: the dictionaries, the
 * gazetteer and the compiled tagger model that the build writes into the
 * build tree (dict/, places/, tagger/) and `cmake --install` copies to PREFIX/share/dyad/.  A binary finds
 * them from its own location first, so a build tree and an installed
 * (or moved) prefix each use their own copy; programs elsewhere fall
 * back on the build tree they were built in, then on the install prefix
 * they were configured for.  Part of the common stage.
 */
#include "common.h"

#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static char S_dirs[3][PATH_MAX];
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

/* A folder of the kind: it holds the kind's marker file. */
static int S_has(const char *dir, const char *marker)
{
    char p[PATH_MAX + 64];
    struct stat sb;
    snprintf(p, sizeof p, "%s/%s", dir, marker);
    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

static void S_find(char out[PATH_MAX], const char *kind, const char *marker, const char *build,
                   const char *install)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            /* beside the binary (the build tree), then PREFIX/share/dyad */
            const char *fmt[] = {"%s/%s", "%s/../share/dyad/%s"};
            for (size_t i = 0; i < DYAD_ARRAY_LEN(fmt); i++) {
                int len = snprintf(out, PATH_MAX, fmt[i], exe, kind);
                if (len > 0 && len < PATH_MAX && S_has(out, marker)) return;
            }
        }
    }
    snprintf(out, PATH_MAX, "%s", S_has(build, marker) || !S_has(install, marker) ? build : install);
}

static void S_init(void)
{
    S_find(S_dirs[0], "dict", "verbs.txt", DYAD_BUILTIN_DICT_DIR, DYAD_INSTALL_DATA_DIR "/dict");
    S_find(S_dirs[1], "places", "countries.tsv", DYAD_BUILTIN_PLACES_DIR,
           DYAD_INSTALL_DATA_DIR "/places");
    S_find(S_dirs[2], "tagger", "model.bin", DYAD_BUILTIN_TAGGER_DIR,
           DYAD_INSTALL_DATA_DIR "/tagger");
}

const char *dyad_data_dir(const char *kind)
{
    if (!kind) return NULL;
    int k = strcmp(kind, "dict") == 0     ? 0
            : strcmp(kind, "places") == 0 ? 1
            : strcmp(kind, "tagger") == 0 ? 2
                                          : -1;
    if (k < 0) return NULL;
    pthread_once(&S_once, S_init);
    return S_dirs[k];
}
