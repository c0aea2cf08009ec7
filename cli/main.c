/*
 * main.c -- the dyad command: dispatches to subcommands listed in one
 * table.  Exit status: 0 success, 1 something was skipped or failed,
 * 2 usage error.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const cli_command *const S_commands[] = {
    &cli_cmd_sentences,
    &cli_cmd_code,
    &cli_cmd_validate,
    &cli_cmd_tag,
    &cli_cmd_dict,
    &cli_cmd_eval,
    &cli_cmd_ingest,
    &cli_cmd_recode,
    &cli_cmd_stories,
    &cli_cmd_events,
    &cli_cmd_mentions,
    &cli_cmd_consolidate,
};

static const cli_command *S_find(const char *name)
{
    for (size_t i = 0; i < sizeof S_commands / sizeof *S_commands; i++)
        if (strcmp(S_commands[i]->name, name) == 0) return S_commands[i];
    return NULL;
}

static void S_help(FILE *f)
{
    fprintf(f,
            "dyad %s -- political event data from news text\n"
            "\n"
            "usage: dyad COMMAND [OPTIONS] [INPUT...]\n"
            "       dyad --help | --version | help COMMAND\n"
            "\n"
            "commands:\n",
            dyad_version());
    for (size_t i = 0; i < sizeof S_commands / sizeof *S_commands; i++)
        fprintf(f, "  %-12s %s\n", S_commands[i]->name, S_commands[i]->summary);
    fprintf(f,
            "\n"
            "Inputs are files, directories or - (stdin); .gz and .zst are read\n"
            "directly.  Exit status: 0 ok, 1 some input was skipped, 2 usage.\n");
}

/* The library's notes (a compiled data file it could not use, ...) go
 * where the CLI's other messages go. */
static void S_log(void *ctx, const char *msg)
{
    (void)ctx;
    cli_error("%s", msg);
}

int main(int argc, char **argv)
{
    dyad_set_log(S_log, NULL);
    if (argc < 2) return cli_usage_error(NULL, "no command given");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        S_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("dyad %s\ndictionaries %s\ngazetteer %s\ntagger %s\n", dyad_version(),
               dyad_data_dir("dict"), dyad_data_dir("places"), dyad_data_dir("tagger"));
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) { S_help(stdout); return EXIT_OK; }
        const cli_command *c = S_find(argv[2]);
        if (!c) return cli_usage_error(NULL, "no command '%s'", argv[2]);
        fputs(c->usage, stdout);
        return EXIT_OK;
    }
    const cli_command *c = S_find(cmd);
    if (!c) {
        return cli_usage_error(NULL, "unknown command '%s'", cmd);
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(c->usage, stdout);
            return EXIT_OK;
        }
    }
    return c->run(argc - 1, argv + 1);
}
