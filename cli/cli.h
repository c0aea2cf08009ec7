/*
 * cli.h -- shared pieces of the dyad command: the command table entry, a
 * tiny option parser, and the document loop every subcommand uses so that
 * input errors are reported and counted the same way everywhere.
 * The CLI uses only the public API in dyad.h.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

/* Exit codes. */
enum { EXIT_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2 };

typedef struct cli_command {
    const char *name;
    const char *summary;      /* one line for `dyad --help` */
    const char *usage;        /* full text for `dyad help NAME` */
    int (*run)(int argc, char **argv);  /* argv[0] is the command name */
} cli_command;

/* Prints "dyad: " + message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints a usage error, a hint, and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Common input options: --input-format FMT.  Scans argv for options known
 * to the command; everything else not starting with '-' (or "-" itself)
 * is an input.  Returns -1 after printing a usage error. */
typedef struct cli_inputs {
    dyad_reader_options ropts;
    char **paths;
    int npaths;
} cli_inputs;

/* One option of a command besides the inputs: with a value (value is
 * set) or a flag (flag is set to 1). */
typedef struct cli_opt {
    const char *name;        /* "--dict-dir" */
    const char **value;      /* receives the value, or NULL for a flag */
    int *flag;               /* set to 1 for a flag */
} cli_opt;

/* Parses argv[1..argc) into in: --input-format FMT, the command's own
 * options (NAME VALUE or NAME=VALUE, or flags), "--", and inputs.
 * in->paths must have room for argc entries.  Returns 0, or EXIT_USAGE
 * after printing the error.  opts ends with a {NULL} entry. */
int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *opts, cli_inputs *in);


/* Called for each document; returns 0 to go on, nonzero to stop with
 * that exit code. */
typedef int (*cli_doc_fn)(const dyad_doc *doc, void *ctx);

/* Reads every input, calling fn for each good document, reporting each
 * skipped part on stderr.  Returns EXIT_OK, EXIT_SKIPPED, or fn's code. */
int cli_each_doc(const cli_inputs *in, cli_doc_fn fn, void *ctx, int *skipped);

/* The dictionaries a coding command uses: --dict-dir, else
 * $DYAD_DICT_DIR, else the built-in ones (labelled "builtin" in
 * evidence).  Prints what went wrong; 0 on success. */
typedef struct cli_dicts {
    dyad_dict *dict;
    const char *root;    /* the folder loaded */
    const char *label;   /* "builtin" or NULL */
    size_t errors;       /* dictionary lines left out (each printed,
                            up to ten, with its FILE:LINE) */
} cli_dicts;
int cli_load_dicts(const char *dir, cli_dicts *out);
void cli_free_dicts(cli_dicts *d);

extern const cli_command cli_cmd_sentences;
extern const cli_command cli_cmd_validate;
extern const cli_command cli_cmd_code;
extern const cli_command cli_cmd_tag;
extern const cli_command cli_cmd_dict;
extern const cli_command cli_cmd_eval;
extern const cli_command cli_cmd_ingest;
extern const cli_command cli_cmd_recode;
extern const cli_command cli_cmd_stories;
extern const cli_command cli_cmd_events;
extern const cli_command cli_cmd_mentions;
extern const cli_command cli_cmd_consolidate;

#endif
