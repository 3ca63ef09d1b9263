/*
 * defs_int.h -- what defs.c (extraction) and resolve.c (titles,
 * references, chains, inheritance) share.  Not a public interface.
 */
#ifndef BG_DEFS_INT_H
#define BG_DEFS_INT_H

#include "defs.h"

struct bg_title {
	const char *key;   /* lower-cased title, abbreviation or alias */
	size_t len;
	const char *bwb;
	const char *title; /* the title as written */
};

struct bg_defset {
	bg_arena *arena;        /* strings of this set */
	bg_arena **arenas;      /* arenas of merged sets, freed with this one */
	size_t narenas, aarenas;
	bg_def *v;
	size_t n, alloc;
	bg_deflaw *laws;
	size_t nlaws, alaws;
	const bg_lexicon *lex;
	struct bg_title *titles;
	size_t ntitles;
};

bg_defset *bg_defset_new(const bg_lexicon *lex);
/* Appends a zeroed record (strings set to ""); NULL on failure.  Pointers
 * to earlier records may move. */
bg_def *bg_defset_add(bg_defset *set);
/* Moves everything of `from` into `to` (records, laws, arenas) and frees
 * `from`; doc_index of the moved records is shifted. */
bg_status bg_defset_merge(bg_defset *to, bg_defset *from);
/* resolve.c: title table, targets, inherited records, chains. */
bg_status bg_defs_resolve(bg_defset *set);

#endif
