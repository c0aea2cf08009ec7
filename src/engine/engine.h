/*
 * engine.h -- the engine stage: the pipeline that every front end calls
 * (dyad_engine_* and dyad_record_* in include/dyad.h).  It drives the
 * text layer, the tagger and chunker, the coder and the resolver for one
 * document at a time; it is the only stage that uses all the others.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H

#include "../common/common.h"

#endif
