/*
 * concept_defs.h -- from definition records to the definitions of one
 * concept that `begrip compare` and `begrip report` compare.
 *
 * The records of a concept (bg_defs_collect) that sit in one article of one
 * regulation form one definition (lid 1 own, lid 2 extending, lid 3
 * excluding are one meaning).  A definition made only of references /
 * inherited records with one root takes the root's meaning and wording;
 * one with a modifying clause starts from its root but is a meaning of its
 * own; anything else is the regulation's own wording.  Strings of the
 * built bg_cmp_defs live in the bg_cdbuild's arena.
 */
#ifndef BG_CONCEPT_DEFS_H
#define BG_CONCEPT_DEFS_H

#include "compare.h"
#include "defs.h"

struct bg_cdgroup {
	size_t doc;
	const char *article;   /* "" allowed */
	const char *term_key;  /* versions mode: groups are per term */
	size_t *recs;
	size_t n, alloc;
};

struct bg_cdgroups {
	struct bg_cdgroup *v;
	size_t n, alloc;
};

struct bg_cdbuild {
	const bg_defset *set;
	const bg_lexicon *lex;
	const bool *latest;    /* per regulation: the version that counts */
	bool dated;            /* --all-versions: keys carry the version date */
	bg_arena *arena;       /* strings of the bg_cmp_defs */
	bool nomem;
};

/* The group of (doc, article[, term_key]), made when absent; NULL on OOM. */
struct bg_cdgroup *bg_cdgroup_get(struct bg_cdgroups *g, size_t doc, const char *article,
				  const char *term_key);
/* Adds record index rec; false on OOM. */
bool bg_cdgroup_add(struct bg_cdgroup *gr, size_t rec);
void bg_cdgroups_release(struct bg_cdgroups *g);
/* Builds the definition of one group into *out (sets b->nomem on OOM). */
void bg_cdbuild_def(struct bg_cdbuild *b, const struct bg_cdgroup *g, bg_cmp_def *out);
/* keep[i]: regulation i is the latest version of its BWB id (all: every
 * one).  The caller frees the array; NULL on OOM. */
bool *bg_cd_latest_versions(const bg_defset *set, bool all);

#endif
