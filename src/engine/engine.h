/*
 * engine.h -- the engine stage: the pipeline that every front end calls
 * (dyad_engine_* and dyad_record_* in include/dyad.h).  It drives the
 * text layer, the tagger and chunker, the coder and the resolver for one
 * document at a time; it is the only stage that uses all the others.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H

#include "../common/common.h"

/* Records handed on as they are made, so that a long document's records
 * are never held whole (the pool's use).  Before a sentence's records are
 * made, fn receives e with the records made so far
 * (dyad_engine_record_count(), dyad_engine_record()); they are dropped
 * when fn returns.  drop_all set (no records then): a story discard
 * phrase came, and every record already handed on for this document is
 * to be forgotten.  fn returns DYAD_OK, or a status that stops the
 * document (reported as a problem).  What the document's last sentences
 * made stays in e, as without a sink.  fn NULL: no sink. */
typedef dyad_status (*dyad__engine_sink)(void *ctx, dyad_engine *e, int drop_all);
void dyad__engine_set_sink(dyad_engine *e, dyad__engine_sink fn, void *ctx);

#endif
