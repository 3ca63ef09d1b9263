/*
 * litset.h -- which of a fixed set of literal strings occur in a text, in
 * one pass over its bytes (Aho-Corasick, as a full byte automaton).
 *
 * Definition extraction tests each paragraph against ~150 trigger
 * patterns, each guarded by a cheap prefilter of literals ("verstaan",
 * "bedoeld&&in", ...).  A memmem per literal per pattern per paragraph was
 * a quarter of the extraction time; one scan per paragraph that answers
 * all literals at once costs a table lookup per byte.
 *
 * Life cycle: bg_litset_new, bg_litset_add each literal, bg_litset_build
 * once, then bg_litset_scan from any number of threads (a built set is
 * read-only), bg_litset_free.
 */
#ifndef BG_LITSET_H
#define BG_LITSET_H

#include "bg.h"

typedef struct bg_litset bg_litset;

bg_litset *bg_litset_new(void);
void bg_litset_free(bg_litset *ls);

/* Where a literal must occur: anywhere, at the start of the text, at its
 * end.  The anchored ones are not in the automaton: a scan compares them
 * with the text's first and last bytes. */
typedef enum { BG_LIT_ANY, BG_LIT_START, BG_LIT_END } bg_lit_anchor;

/* Adds lit[0..n) (n > 0, bytes as they are: no case folding) before
 * bg_litset_build; returns its index (the same index for the same
 * literal added twice), or -1 when out of memory or already built. */
long bg_litset_add(bg_litset *ls, const char *lit, size_t n);
long bg_litset_add_at(bg_litset *ls, const char *lit, size_t n, bg_lit_anchor at);

/* The index of lit[0..n), or -1 when it was not added. */
long bg_litset_find(const bg_litset *ls, const char *lit, size_t n);
long bg_litset_find_at(const bg_litset *ls, const char *lit, size_t n, bg_lit_anchor at);

/* Builds the automaton.  BG_OK or BG_ERR_NOMEM. */
bg_status bg_litset_build(bg_litset *ls);

/* Number of literals, and of 64-bit words in a presence set. */
size_t bg_litset_count(const bg_litset *ls);
size_t bg_litset_words(const bg_litset *ls);

/* Sets bit i of bits[0..bg_litset_words) for every literal i that occurs
 * in s[0..n), where its anchor says (bits are cleared first). */
void bg_litset_scan(const bg_litset *ls, const char *s, size_t n, uint64_t *bits);

static inline bool bg_litset_has(const uint64_t *bits, size_t i)
{
	return (bits[i / 64] >> (i % 64)) & 1;
}

#endif
