/*
 * diff.h -- word-level difference of two texts.
 *
 * The texts are tokenised with bg_norm (folded words and numbers, no
 * punctuation), so "Partner" and "partner" or a changed comma are not
 * differences; the result is a list of runs over the two token lists, and
 * each token keeps its byte offsets so that renderers quote the original
 * wording (and highlight it).
 *
 * Algorithm: common prefix and suffix are taken off, then the longest
 * common subsequence of the middle is found by dynamic programming
 * (Hunt-McIlroy's measure; definitions are short, a few hundred words).
 * A middle larger than BG_DIFF_MAX_CELLS cells is reported as one
 * replacement rather than costing quadratic memory; `exact` says so.
 */
#ifndef BG_DIFF_H
#define BG_DIFF_H

#include "bg.h"
#include "norm.h"

#define BG_DIFF_MAX_CELLS (16u * 1024u * 1024u)

typedef enum bg_diff_op {
	BG_DIFF_EQ = 0,  /* tokens a0..a1 of A equal b0..b1 of B */
	BG_DIFF_DEL,     /* tokens a0..a1 only in A */
	BG_DIFF_INS      /* tokens b0..b1 only in B */
} bg_diff_op;

typedef struct bg_diff_run {
	bg_diff_op op;
	size_t a0, a1, b0, b1;   /* half-open token ranges */
} bg_diff_run;

typedef struct bg_diff {
	bg_diff_run *v;
	size_t n, alloc;
	size_t lcs;      /* tokens in common */
	size_t na, nb;   /* tokens of A and B */
	bool exact;      /* false when the middle was too large to align */
} bg_diff;

#define BG_DIFF_INIT { NULL, 0, 0, 0, 0, 0, true }

/* Diffs two token lists by key; out is cleared first. */
bg_status bg_diff_tokens(const bg_toklist *a, const bg_toklist *b, bg_diff *out);
void bg_diff_release(bg_diff *d);

/* Distance in [0,1]: 1 - 2*lcs/(na+nb); 0 for two empty texts. */
double bg_diff_distance(const bg_diff *d);
/* The same from the three numbers. */
double bg_diff_distance_of(size_t lcs, size_t na, size_t nb);

/*
 * The `lcs` that bg_diff_tokens reports, for token lists given as ids
 * (equal ids for equal keys), without the runs: the same common prefix
 * and suffix, the same BG_DIFF_MAX_CELLS limit on the middle, and the LCS
 * of the middle by dynamic programming over two rows.  (size_t)-1 when
 * out of memory.
 */
size_t bg_diff_lcs_ids(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/*
 * The same number for one A against many B, bit-parallel (Allison and
 * Dix; Hyyro): A's positions of each id as bit masks, made once, then one
 * pass over B of ceil(na / 64) word operations per token instead of a row
 * of the table.  A's ids lie in 1..nid, B's in 0..nid (0 matches
 * nothing).  The LCS of the whole lists is the common prefix and suffix
 * plus the LCS of the middle, so the count is bg_diff_lcs_ids's, with the
 * same BG_DIFF_MAX_CELLS rule.  Borrows a; (size_t)-1 when out of memory.
 */
typedef struct bg_diff_lcsa {
	const uint32_t *a;
	size_t na, nid, w;   /* w: 64-bit words per mask */
	uint64_t *mask;      /* (nid + 1) masks of w words; mask 0 is empty */
} bg_diff_lcsa;

bg_status bg_diff_lcsa_init(bg_diff_lcsa *l, const uint32_t *a, size_t na, size_t nid);
size_t bg_diff_lcsa_len(const bg_diff_lcsa *l, const uint32_t *b, size_t nb);
void bg_diff_lcsa_release(bg_diff_lcsa *l);

/*
 * Byte range of the original text that tokens [t0, t1) cover, stretched
 * to the start of the next token (or the end of the text) so that runs
 * printed one after another reproduce the text.  t0 == t1 gives an empty
 * range at that point.
 */
void bg_diff_span(const bg_toklist *l, size_t text_len, size_t t0, size_t t1,
		  size_t *start, size_t *end);

/*
 * Byte range of the words of tokens [t0, t1) (t0 < t1) as they are to be
 * highlighted: from just after the whitespace and separators (, ; : .)
 * that follow the previous token -- so that an opening "<", "(" or quote
 * is kept -- to the end of the last token.
 */
void bg_diff_words(const bg_toklist *l, const char *text, size_t t0, size_t t1,
		   size_t *start, size_t *end);

/* Writes "[-deleted-]{+inserted+}" word-diff of the two texts (as in
 * git diff --word-diff=plain) to out. */
void bg_diff_write_plain(const bg_diff *d, const char *ta, size_t la,
			 const bg_toklist *a, const char *tb, size_t lb,
			 const bg_toklist *b, bg_buf *out);

#endif
