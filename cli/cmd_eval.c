/*
 * cmd_eval.c -- `dyad eval GOLD... EVENTS`: precision and recall of coded
 * events against a hand-annotated gold set, at three levels (PLOVER
 * category; category + countries; full codes), overall and per CAMEO
 * root, as a table or as one JSON object.  Several gold files are the
 * splits of one gold set (development, test): each is reported on its
 * own, then all together, then the gap between the first and each other.
 * The story texts (--corpus) place each system event's sentence; the
 * scoring, the splits and the gaps are dyad_eval_* in the library.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char S_usage[] =
    "usage: dyad eval [--corpus PATH]... [--json] GOLD.jsonl... EVENTS.jsonl\n"
    "\n"
    "Scores coded events (EVENTS: `dyad code` output, the last file) against\n"
    "a gold set (GOLD: the format of tests/gold/README.md): precision, recall\n"
    "and F1 at three levels, overall and per CAMEO root:\n"
    "  category    the PLOVER category of the code (roots 01 and 02: the root)\n"
    "  countries   the category and the source and target countries (the\n"
    "              first 3 letters of the actor codes; 6 for IGO, NGO, IMG,\n"
    "              MNC codes)\n"
    "  full        the full CAMEO code and the full actor codes\n"
    "Events match one to one within a story when their sentences overlap;\n"
    "only the stories of the gold set are scored.\n"
    "Several GOLD files are splits of one gold set (say a development and a\n"
    "test split; a story may be in one only): each split's figures come\n"
    "first, then those of all splits together, then the gap between the\n"
    "first split and each other one (its figures minus theirs, in points).\n"
    "  --corpus PATH   the stories (files or directories, read like `dyad\n"
    "                  code` input); needed to place events by their sentence\n"
    "                  text.  May be repeated.\n"
    "  --json          one JSON object instead of the tables\n"
    "\n"
    "Exit status: 0 ok; 1 a file could not be read or lines were skipped;\n"
    "2 usage error.\n";

static const char *const S_level_key[DYAD_EVAL_NLEVELS] = {"category", "countries", "full"};
static const char *const S_level_label[DYAD_EVAL_NLEVELS] = {"category", "category+countries",
                                                            "full codes"};

typedef struct eval_ctx {
    dyad_eval *ev;
    int failed;
} eval_ctx;

static int S_doc(const dyad_doc *doc, void *vctx)
{
    eval_ctx *x = vctx;
    if (dyad_eval_add_story(x->ev, doc->id, doc->text, doc->len) != DYAD_OK) {
        cli_error("%s", dyad_eval_errmsg(x->ev));
        x->failed = 1;
        return EXIT_SKIPPED;
    }
    return 0;
}

/* "45.3%", or "-" when the rate is undefined. */
static const char *S_pct(char buf[16], size_t num, size_t den)
{
    if (!den) return "-";
    snprintf(buf, 16, "%.1f%%", 100.0 * (double)num / (double)den);
    return buf;
}

static const char *S_root_name(const char *root)
{
    const dyad_cameo_info *info = NULL;
    if (dyad_cameo_lookup(root, &info) != DYAD_OK) return "codes outside the CAMEO table";
    return info->name;
}

static void S_json_score(dyad_json *j, const dyad_eval_score *s)
{
    dyad_json_obj_begin(j);
    dyad_json_key(j, "gold"); dyad_json_int(j, (long long)s->gold);
    dyad_json_key(j, "system"); dyad_json_int(j, (long long)s->system);
    dyad_json_key(j, "gold_matched"); dyad_json_int(j, (long long)s->gold_matched);
    dyad_json_key(j, "system_matched"); dyad_json_int(j, (long long)s->system_matched);
    dyad_json_key(j, "precision");
    if (s->system) dyad_json_double(j, s->precision); else dyad_json_null(j);
    dyad_json_key(j, "recall");
    if (s->gold) dyad_json_double(j, s->recall); else dyad_json_null(j);
    dyad_json_key(j, "f1");
    if (s->system && s->gold) dyad_json_double(j, s->f1); else dyad_json_null(j);
    dyad_json_obj_end(j);
}

/* The roots to report, in order: "01" .. "20", then "??". */
static int S_root_at(int i, char out[3])
{
    if (i >= 0 && i < 20) {
        out[0] = (char)('0' + (i + 1) / 10);
        out[1] = (char)('0' + (i + 1) % 10);
        out[2] = 0;
        return 1;
    }
    if (i == 20) {
        memcpy(out, "??", 3);
        return 1;
    }
    return 0;
}

/* The figures of one split, or of all (split < 0). */
static void S_score(const dyad_eval *ev, int split, dyad_eval_level level, const char *root,
                    dyad_eval_score *out)
{
    if (split < 0) dyad_eval_get(ev, level, root, out);
    else dyad_eval_get_split(ev, (size_t)split, level, root, out);
}

static void S_info(const dyad_eval *ev, int split, dyad_eval_info *out)
{
    if (split < 0) dyad_eval_get_info(ev, out);
    else dyad_eval_get_split_info(ev, (size_t)split, out);
}

/* The counts of info; whole: also those that belong to the whole run. */
static void S_json_info(dyad_json *j, const dyad_eval_info *info, int whole)
{
    dyad_json_key(j, "stories"); dyad_json_int(j, (long long)info->stories);
    dyad_json_key(j, "gold_events"); dyad_json_int(j, (long long)info->gold_events);
    dyad_json_key(j, "gold_duplicates"); dyad_json_int(j, (long long)info->gold_duplicates);
    dyad_json_key(j, "system_events"); dyad_json_int(j, (long long)info->system_events);
    if (whole) {
        dyad_json_key(j, "system_outside");
        dyad_json_int(j, (long long)info->system_outside);
    }
    dyad_json_key(j, "system_duplicates");
    dyad_json_int(j, (long long)info->system_duplicates);
    dyad_json_key(j, "system_unlocated"); dyad_json_int(j, (long long)info->system_unlocated);
    if (whole) {
        dyad_json_key(j, "skipped_lines"); dyad_json_int(j, (long long)info->skipped_lines);
    }
    dyad_json_key(j, "date_matched"); dyad_json_int(j, (long long)info->date_matched);
    dyad_json_key(j, "date_agree"); dyad_json_int(j, (long long)info->date_agree);
    dyad_json_key(j, "modality_gold"); dyad_json_int(j, (long long)info->modality_gold);
    dyad_json_key(j, "modality_found"); dyad_json_int(j, (long long)info->modality_found);
    dyad_json_key(j, "modality_system"); dyad_json_int(j, (long long)info->modality_system);
    dyad_json_key(j, "one_sided_gold"); dyad_json_int(j, (long long)info->one_sided_gold);
    dyad_json_key(j, "one_sided_found"); dyad_json_int(j, (long long)info->one_sided_found);
    dyad_json_key(j, "one_sided_system"); dyad_json_int(j, (long long)info->one_sided_system);
    dyad_json_key(j, "errors");
    dyad_json_obj_begin(j);
    dyad_json_key(j, "system_off_gold"); dyad_json_int(j, (long long)info->system_off_gold);
    dyad_json_key(j, "system_category_miss");
    dyad_json_int(j, (long long)info->system_category_miss);
    dyad_json_key(j, "system_country_miss");
    dyad_json_int(j, (long long)info->system_country_miss);
    dyad_json_key(j, "gold_off_system"); dyad_json_int(j, (long long)info->gold_off_system);
    dyad_json_key(j, "gold_category_miss"); dyad_json_int(j, (long long)info->gold_category_miss);
    dyad_json_key(j, "gold_country_miss"); dyad_json_int(j, (long long)info->gold_country_miss);
    dyad_json_obj_end(j);
}

static void S_json_overall(dyad_json *j, const dyad_eval *ev, int split)
{
    dyad_json_key(j, "overall");
    dyad_json_obj_begin(j);
    for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
        dyad_eval_score s;
        S_score(ev, split, (dyad_eval_level)l, NULL, &s);
        dyad_json_key(j, S_level_key[l]);
        S_json_score(j, &s);
    }
    dyad_json_obj_end(j);
}

static void S_json_rate(dyad_json *j, const char *key, int has, double v)
{
    dyad_json_key(j, key);
    if (has) dyad_json_double(j, v); else dyad_json_null(j);
}

/* One gold file: the object of old.  Several: "gold_files", the pooled
 * figures, then "splits" and "gaps" (the first split minus each other). */
static int S_json(const dyad_eval *ev, const char *const *golds, int ngolds, const char *events)
{
    dyad_eval_info info;
    dyad_eval_get_info(ev, &info);
    dyad_json *j = dyad_json_new(stdout);
    if (!j) { cli_error("out of memory"); return EXIT_SKIPPED; }
    dyad_json_obj_begin(j);
    if (ngolds == 1) {
        dyad_json_key(j, "gold_file"); dyad_json_cstr(j, golds[0]);
    } else {
        dyad_json_key(j, "gold_files");
        dyad_json_arr_begin(j);
        for (int i = 0; i < ngolds; i++) dyad_json_cstr(j, golds[i]);
        dyad_json_arr_end(j);
    }
    dyad_json_key(j, "events_file"); dyad_json_cstr(j, events);
    S_json_info(j, &info, 1);
    S_json_overall(j, ev, -1);
    dyad_json_key(j, "roots");
    dyad_json_obj_begin(j);
    char root[3];
    for (int i = 0; S_root_at(i, root); i++) {
        dyad_eval_score s[DYAD_EVAL_NLEVELS];
        for (int l = 0; l < DYAD_EVAL_NLEVELS; l++)
            dyad_eval_get(ev, (dyad_eval_level)l, root, &s[l]);
        if (!s[0].gold && !s[0].system) continue;
        dyad_json_key(j, root);
        dyad_json_obj_begin(j);
        dyad_json_key(j, "name"); dyad_json_cstr(j, S_root_name(root));
        for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
            dyad_json_key(j, S_level_key[l]);
            S_json_score(j, &s[l]);
        }
        dyad_json_obj_end(j);
    }
    dyad_json_obj_end(j);
    if (ngolds > 1) {
        dyad_json_key(j, "splits");
        dyad_json_arr_begin(j);
        for (int i = 0; i < ngolds; i++) {
            dyad_json_obj_begin(j);
            dyad_json_key(j, "name"); dyad_json_cstr(j, dyad_eval_split_name(ev, (size_t)i));
            S_info(ev, i, &info);
            S_json_info(j, &info, 0);
            S_json_overall(j, ev, i);
            dyad_json_obj_end(j);
        }
        dyad_json_arr_end(j);
        dyad_json_key(j, "gaps");
        dyad_json_arr_begin(j);
        for (int i = 1; i < ngolds; i++) {
            dyad_json_obj_begin(j);
            dyad_json_key(j, "minuend"); dyad_json_cstr(j, dyad_eval_split_name(ev, 0));
            dyad_json_key(j, "subtrahend");
            dyad_json_cstr(j, dyad_eval_split_name(ev, (size_t)i));
            dyad_eval_gap g;
            for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
                dyad_eval_get_gap(ev, 0, (size_t)i, (dyad_eval_level)l, &g);
                dyad_json_key(j, S_level_key[l]);
                dyad_json_obj_begin(j);
                S_json_rate(j, "precision", g.has_precision, g.precision);
                S_json_rate(j, "recall", g.has_recall, g.recall);
                S_json_rate(j, "f1", g.has_f1, g.f1);
                dyad_json_obj_end(j);
            }
            S_json_rate(j, "date", g.has_date, g.date);
            dyad_json_obj_end(j);
        }
        dyad_json_arr_end(j);
    }
    dyad_json_obj_end(j);
    dyad_json_newline(j);
    dyad_status st = dyad_json_flush(j);
    dyad_json_free(j);
    if (st != DYAD_OK) { cli_error("error writing output"); return EXIT_SKIPPED; }
    return EXIT_OK;
}

/* The level table, the dates line and the not-done line of one split, or
 * of all (split < 0). */
static void S_table_levels(const dyad_eval *ev, int split)
{
    dyad_eval_info info;
    S_info(ev, split, &info);
    char a[16], b[16], c[16];
    printf("\n%-20s %9s %7s %7s %8s %5s %6s\n", "level", "precision", "recall", "F1",
           "matched", "gold", "system");
    for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
        dyad_eval_score s;
        S_score(ev, split, (dyad_eval_level)l, NULL, &s);
        printf("%-20s %9s %7s %7s %8zu %5zu %6zu\n", S_level_label[l],
               S_pct(a, s.system_matched, s.system), S_pct(b, s.gold_matched, s.gold),
               s.system && s.gold ? (snprintf(c, sizeof c, "%.1f%%", 100.0 * s.f1), c) : "-",
               s.gold_matched, s.gold, s.system);
    }
    printf("\ndates: %zu of %zu gold events matched at category + countries have the gold "
           "date at its precision (%s)\n",
           info.date_agree, info.date_matched, S_pct(a, info.date_agree, info.date_matched));
    size_t su = info.system_off_gold + info.system_category_miss + info.system_country_miss;
    size_t gu = info.gold_off_system + info.gold_category_miss + info.gold_country_miss;
    printf("errors at category + countries: %zu system events unmatched: %zu in sentences with "
           "no gold event, %zu matched at no level, %zu at the category only\n",
           su, info.system_off_gold, info.system_category_miss, info.system_country_miss);
    printf("errors at category + countries: %zu gold events unmatched: %zu in sentences with "
           "no system event, %zu matched at no level, %zu at the category only\n",
           gu, info.gold_off_system, info.gold_category_miss, info.gold_country_miss);
    printf("not done (planned, negated, hypothetical): %zu gold, %zu found with their modality; "
           "%zu system\n",
           info.modality_gold, info.modality_found, info.modality_system);
    if (info.one_sided_gold || info.one_sided_system) {
        if (info.one_sided_gold)
            printf("one-sided (no second party): %zu gold, %zu found; %zu system\n",
                   info.one_sided_gold, info.one_sided_found, info.one_sided_system);
        else
            printf("one-sided (no second party): %zu system, not scored: this gold annotates "
                   "events between two parties only\n", info.one_sided_system);
    }
}

/* "+3.2", "-0.5" (points), or "-" when undefined. */
static const char *S_points(char buf[16], int has, double v)
{
    if (!has) return "-";
    snprintf(buf, 16, "%+.1f", 100.0 * v);
    return buf;
}

static int S_table(const dyad_eval *ev, const char *const *golds, int ngolds,
                   const char *events)
{
    dyad_eval_info info;
    char a[16], b[16], c[16];
    for (int i = 0; i < ngolds; i++) {
        S_info(ev, ngolds == 1 ? -1 : i, &info);
        printf("gold %s: %zu stories, %zu events\n", golds[i], info.stories, info.gold_events);
    }
    dyad_eval_get_info(ev, &info);
    printf("events %s: %zu in the gold stories", events, info.system_events);
    printf(" (%zu of other stories ignored, %zu repeats dropped)\n", info.system_outside,
           info.system_duplicates);
    if (ngolds > 1) {
        for (int i = 0; i < ngolds; i++) {
            S_info(ev, i, &info);
            printf("\nsplit %s: %zu stories, %zu gold events, %zu system events\n",
                   dyad_eval_split_name(ev, (size_t)i), info.stories, info.gold_events,
                   info.system_events);
            S_table_levels(ev, i);
        }
        dyad_eval_get_info(ev, &info);
        printf("\nall splits: %zu stories, %zu gold events, %zu system events\n", info.stories,
               info.gold_events, info.system_events);
    }
    S_table_levels(ev, -1);
    for (int i = 1; i < ngolds; i++) {
        dyad_eval_gap g;
        printf("\ngap: %s minus %s, in points\n", dyad_eval_split_name(ev, 0),
               dyad_eval_split_name(ev, (size_t)i));
        printf("%-20s %9s %7s %7s\n", "level", "precision", "recall", "F1");
        for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
            dyad_eval_get_gap(ev, 0, (size_t)i, (dyad_eval_level)l, &g);
            printf("%-20s %9s %7s %7s\n", S_level_label[l],
                   S_points(a, g.has_precision, g.precision),
                   S_points(b, g.has_recall, g.recall), S_points(c, g.has_f1, g.f1));
        }
        printf("dates agreeing: %s\n", S_points(a, g.has_date, g.date));
    }
    printf("\nper CAMEO root%s: precision / recall at each level\n",
           ngolds > 1 ? " (all splits)" : "");
    printf("%-4s %-32s %5s %6s  %-15s  %-15s  %s\n", "root", "name", "gold", "system",
           "category", "countries", "full codes");
    char root[3];
    for (int i = 0; S_root_at(i, root); i++) {
        dyad_eval_score s[DYAD_EVAL_NLEVELS];
        for (int l = 0; l < DYAD_EVAL_NLEVELS; l++)
            dyad_eval_get(ev, (dyad_eval_level)l, root, &s[l]);
        if (!s[0].gold && !s[0].system) continue;
        printf("%-4s %-32.32s %5zu %6zu", root, S_root_name(root), s[0].gold, s[0].system);
        for (int l = 0; l < DYAD_EVAL_NLEVELS; l++) {
            char cell[40];
            snprintf(cell, sizeof cell, "%s / %s", S_pct(a, s[l].system_matched, s[l].system),
                     S_pct(b, s[l].gold_matched, s[l].gold));
            printf(l + 1 < DYAD_EVAL_NLEVELS ? "  %-15s" : "  %s", cell);
        }
        printf("\n");
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("error writing output");
        return EXIT_SKIPPED;
    }
    return EXIT_OK;
}

/* Reads one file into ev; 0 ok, 1 lines skipped (reported), -1 failed
 * (reported). */
static int S_load(dyad_eval *ev, dyad_eval_side side, const char *path)
{
    dyad_status st = dyad_eval_load(ev, side, path);
    if (st == DYAD_OK) return 0;
    cli_error("%s", dyad_eval_errmsg(ev));
    return st == DYAD_EFORMAT ? 1 : -1;
}

static int S_run(int argc, char **argv)
{
    cli_inputs in;
    memset(&in, 0, sizeof in);
    char *paths[argc > 0 ? argc : 1];
    in.paths = paths;
    const char *files[argc > 0 ? argc : 1];
    int nfiles = 0, json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--corpus")) {
            if (i + 1 >= argc) return cli_usage_error("eval", "--corpus needs a value");
            paths[in.npaths++] = argv[++i];
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("eval", "unknown option '%s'", a);
        } else {
            files[nfiles++] = a;
        }
    }
    if (nfiles < 2) return cli_usage_error("eval", "needs a gold file and an events file");
    int ngolds = nfiles - 1;
    const char *events = files[ngolds];

    eval_ctx x = {NULL, 0};
    if (dyad_eval_new(&x.ev) != DYAD_OK) { cli_error("out of memory"); return EXIT_SKIPPED; }
    int rc = EXIT_OK;
    /* All gold first, so that only the gold stories' texts and events are
     * kept; each gold file is a split named by its path. */
    for (int k = 0; k < ngolds; k++) {
        int r = -1;
        if (dyad_eval_begin_split(x.ev, files[k]) == DYAD_OK)
            r = S_load(x.ev, DYAD_EVAL_GOLD, files[k]);
        else
            cli_error("%s", dyad_eval_errmsg(x.ev));
        if (r < 0) { dyad_eval_free(x.ev); return EXIT_SKIPPED; }
        if (r) rc = EXIT_SKIPPED;
    }
    if (in.npaths) {
        int skipped = 0;
        int r = cli_each_doc(&in, S_doc, &x, &skipped);
        if (x.failed) { dyad_eval_free(x.ev); return EXIT_SKIPPED; }
        if (r != EXIT_OK) rc = EXIT_SKIPPED;
    }
    int r = S_load(x.ev, DYAD_EVAL_SYSTEM, events);
    if (r < 0) { dyad_eval_free(x.ev); return EXIT_SKIPPED; }
    if (r) rc = EXIT_SKIPPED;
    if (dyad_eval_run(x.ev) != DYAD_OK) {
        cli_error("%s", dyad_eval_errmsg(x.ev));
        dyad_eval_free(x.ev);
        return EXIT_SKIPPED;
    }
    dyad_eval_info info;
    dyad_eval_get_info(x.ev, &info);
    if (info.skipped_lines > 1)
        cli_error("%zu malformed lines were skipped in all", info.skipped_lines);
    if (info.system_unlocated)
        cli_error("warning: %zu events could not be placed in their story%s",
                  info.system_unlocated,
                  in.npaths ? " (their sentence is not in the corpus text)"
                            : " (give the stories with --corpus)");
    if (info.gold_out_of_range)
        cli_error("warning: %zu gold events point past the end of their story",
                  info.gold_out_of_range);
    int out = json ? S_json(x.ev, files, ngolds, events) : S_table(x.ev, files, ngolds, events);
    dyad_eval_free(x.ev);
    return out != EXIT_OK ? out : rc;
}

const cli_command cli_cmd_eval = {
    "eval",
    "score coded events against a gold set (precision, recall)",
    S_usage,
    S_run,
};
