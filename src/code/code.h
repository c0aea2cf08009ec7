/*
 * code.h -- the code stage: from a sentence tree (parse stage), a compiled
 * dictionary and a date, the events -- source actor, target actor, CAMEO
 * event code -- each with the evidence that produced it (dictionary
 * entries as FILE:LINE and token spans).  The coder reads only the tree
 * and the dictionary, so Treebank parses and the built-in chunker are
 * coded by the same rules.
 * Invariant: every string an event holds lives in the coder's arena until
 * the next sentence is coded.
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include "../common/common.h"
#include "../parse/parse.h"

/* Codes one tree (heads and verb groups computed) into c's event list.
 * Used by the public entry points for parses and for raw text. */
dyad_status dyad__code_tree(dyad_coder *c, dyad__tree *t, const char *date);

/* The tree of the sentence last coded (for the resolver: tokens, nodes,
 * verb groups); valid until the next coding call. */
const dyad__tree *dyad__coder_tree(const dyad_coder *c);
/* dyad_suite_load() on a buffer (the fuzz target reads validation files
 * from memory); name labels the messages.  Same statuses. */
dyad_status dyad__suite_load_memory(dyad_suite **out, const char *name, const char *data,
                                    size_t len);

/* ---------------------------------------------------- story memory
 * News mode reads a story, not loose sentences.  What the document has
 * established for the sentences after it -- the names it introduced with
 * their roles, the last person named as a subject, the last speaker, the
 * last armed group, the parties that acted lately, the pairs of states
 * that acted on each other, the last accusations, per sector the country
 * of its last actor, the country named most, an open quotation -- is kept
 * by the resolve stage (resolve/story.c), which also decides how far back
 * each may reach and when a description is ambiguous.  The coder reports
 * each sentence's facts and asks through these calls; the memory copies
 * what it keeps.  "reach": how many sentences back the fact may lie. */
typedef struct dyad__story dyad__story;

#define DYAD__STORY_TEXT 32   /* names and texts kept: shorter than this */

dyad__story *dyad__story_new(void);
void dyad__story_free(dyad__story *st);
void dyad__story_reset(dyad__story *st);
unsigned dyad__story_begin_sentence(dyad__story *st);   /* its number, from 1 */
unsigned dyad__story_sentence(const dyad__story *st);

int dyad__story_learn_name(dyad__story *st, const char *name, const char *code);   /* 0: full */
int dyad__story_has_names(const dyad__story *st);
const char *dyad__story_name(const dyad__story *st, const char *name, unsigned *at);

void dyad__story_set_person(dyad__story *st, const char *code, const char *text);
void dyad__story_set_speaker(dyad__story *st, const char *code, const char *text);
void dyad__story_set_group(dyad__story *st, const char *code, const char *text);
void dyad__story_touch_group(dyad__story *st);   /* "the militants" keep it */
const char *dyad__story_person(const dyad__story *st, unsigned reach, const char **text,
                               unsigned *at);
const char *dyad__story_speaker(const dyad__story *st, unsigned reach, const char **text,
                                unsigned *at);
/* armed: not an NGO */
const char *dyad__story_group(const dyad__story *st, unsigned reach, int armed, const char **text,
                              unsigned *at);

void dyad__story_note_party(dyad__story *st, const char *code, const char *text);
/* The parties that acted within reach, newest first: up to cap. */
size_t dyad__story_recent(const dyad__story *st, unsigned reach, const char **codes,
                          const char **texts, unsigned *ats, size_t cap);
void dyad__story_note_sector(dyad__story *st, const char *code);
const char *dyad__story_sector_country(const dyad__story *st, const char *sec, unsigned reach);
void dyad__story_note_event(dyad__story *st, const char *source, const char *target,
                            const char *code);
/* The last two states that acted on each other (a, b) and how many
 * different pairs the story has had (0: none; 2 or more: ambiguous). */
int dyad__story_leaders(const dyad__story *st, const char **a, const char **b);
size_t dyad__story_accusations(const dyad__story *st);
void dyad__story_accusation(const dyad__story *st, size_t i, const char **src, const char **tgt,
                            unsigned *at);

void dyad__story_count_country(dyad__story *st, const char *code);
const char *dyad__story_home(const dyad__story *st);   /* NULL: none yet */
int dyad__story_open_quote(const dyad__story *st);
void dyad__story_set_open_quote(dyad__story *st, int open);

#endif
