/*
 * compare.h -- one concept across laws: variants, divergence scores, and
 * what exactly differs.
 *
 * Input: the definitions of one concept, one bg_cmp_def each (a law's
 * definition of the concept, possibly made of several records: the
 * caller joins them), with the key of the provision its meaning comes from
 * (`root`: the definition itself for an own definition, the end of the
 * reference chain for a reference or an inherited one) and the wording of
 * that meaning (`text`).
 *
 * Variants: definitions with the same root, or whose wording is identical
 * after normalisation (folded, stemmed), are one variant: they mean the
 * same thing.
 *
 * Divergence of two definitions A and B (0 = same meaning, 1 = nothing
 * shared):
 *     d(A,B) = 0                                   same variant
 *     d(A,B) = 0.2 R + 0.5 C + 0.3 T               otherwise
 *   R = 1 when the origins differ (two provisions that can be amended
 *       apart), 0 when both start from one provision (a modified reference
 *       and its root);
 *   C = component distance: 1 - 2 S / (|A| + |B|), S the sum of the
 *       similarities of the matched components (greedy best-first matching
 *       of components of the same kind whose key similarity is at least
 *       BG_CMP_MATCH), a different list connective counting as one
 *       unmatched component on each side;
 *   T = token distance of the normalised texts: 1 - 2 LCS / (|A| + |B|).
 * The README ("Comparing a concept") says why these weights.
 *
 * Concept index: number of variants and of laws, the entropy of laws over
 * variants (bits, and normalised to [0,1] by log2 of the number of
 * law-variant memberships), and the mean divergence of two definitions
 * drawn at random (pairs within one variant count 0).
 *
 * Ownership: bg_cmp borrows the caller's bg_cmp_def array (whose strings
 * the caller owns) and owns what it computes; bg_cmp_release() frees it.
 */
#ifndef BG_COMPARE_H
#define BG_COMPARE_H

#include "bg.h"
#include "components.h"
#include "diff.h"
#include "norm.h"

#define BG_CMP_MATCH 0.5   /* least key similarity for two components to match */
#define BG_CMP_W_ROOT 0.2
#define BG_CMP_W_COMP 0.5
#define BG_CMP_W_TOK 0.3

typedef struct bg_cmp_def {
	/* filled by the caller; borrowed, never NULL */
	const char *law;      /* BWB id */
	const char *file;     /* source file */
	const char *title;    /* law title (short) */
	const char *date;     /* version date or "" */
	const char *where;    /* provision(s): "artikel 3 lid 1-2" */
	const char *kind;     /* own, reference, modified_reference, inherited, ... */
	const char *root;     /* variant key: the root provision ("BWBR0018472/artikel=3"),
			       * or the definition's own key when it states or
			       * modifies the meaning itself */
	const char *origin;   /* the provision the meaning starts from: the root
			       * for references and modified references */
	const char *root_label; /* where the meaning comes from, "" for own */
	const char *text;     /* the wording of the meaning */
	const char *link;     /* wetten.overheid.nl link or "" */
	/* computed by bg_cmp_run */
	bg_components comp;
	bg_toklist words;     /* folded words and numbers of text */
	char *norm;           /* stemmed normalised wording */
	size_t variant;
} bg_cmp_def;

typedef struct bg_cmp_variant {
	size_t rep;           /* representative definition */
	size_t *members;      /* definitions, input order */
	size_t n;
	size_t nlaws;         /* distinct BWB ids among members */
} bg_cmp_variant;

typedef struct bg_cmp_pair {
	size_t va, vb;        /* variants, va < vb */
	double score, root, comp, tok;
} bg_cmp_pair;

typedef struct bg_cmp {
	bg_cmp_def *defs;
	size_t ndefs;
	bg_cmp_variant *var;  /* largest first (by laws, then definitions) */
	size_t nvar;
	bg_cmp_pair *pairs;   /* every variant pair, by va then vb */
	size_t npairs;
	size_t *by_score;     /* pair indices, most divergent first */
	size_t nlaws;
	double entropy, entropy_norm, mean_divergence, max_divergence;
} bg_cmp;

/* Splits, normalises, groups and scores.  Pair scoring runs on `jobs`
 * threads.  `nm` is used in the calling thread only. */
bg_status bg_cmp_run(bg_norm *nm, const bg_cmp_phrases *ph, bg_cmp_def *defs,
		     size_t ndefs, unsigned jobs, bg_cmp *out);
void bg_cmp_release(bg_cmp *c);

/* Score of two definitions (0 when in one variant). */
double bg_cmp_def_score(const bg_cmp *c, size_t da, size_t db);
/* The pair record of two different variants. */
const bg_cmp_pair *bg_cmp_pair_of(const bg_cmp *c, size_t va, size_t vb);

/* Scores two prepared definitions directly (used for versions and tests);
 * r/cd/td receive the three parts when not NULL. */
double bg_cmp_score2(const bg_cmp_def *a, const bg_cmp_def *b, double *r,
		     double *cd, double *td);
/* Prepares one definition (components, words, norm) as bg_cmp_run does. */
bg_status bg_cmp_prepare(bg_norm *nm, const bg_cmp_phrases *ph, bg_cmp_def *d);
void bg_cmp_def_release(bg_cmp_def *d);
/* The parts of bg_cmp_prepare on their own: words and norm (enough to
 * tell the same wording and to bound the score), then the components.
 * bg_cmp_prepare_words is bg_cmp_prepare_tokens (words) and then
 * bg_cmp_prepare_norm (norm, unless already there).  The norm has one
 * stemmed key per word, joined by single spaces, so two norms with
 * different numbers of spaces differ (when no key holds a space). */
bg_status bg_cmp_prepare_words(bg_norm *nm, bg_cmp_def *d);
bg_status bg_cmp_prepare_tokens(bg_norm *nm, bg_cmp_def *d);
bg_status bg_cmp_prepare_norm(bg_norm *nm, bg_cmp_def *d);
bg_status bg_cmp_prepare_components(bg_norm *nm, const bg_cmp_phrases *ph, bg_cmp_def *d);
/* C of the score: the component distance of two prepared definitions. */
double bg_cmp_comp_distance(const bg_cmp_def *a, const bg_cmp_def *b);

/*
 * One definition scored against many (the drafter's check): the words of
 * A are numbered once, each other wording's words are looked up in those
 * numbers, and then
 *   - bg_cmp_vocab_tok_bound() is a lower bound of T known from word
 *     counts alone (the words two texts share bound their LCS), before B's
 *     components are split or a diff is run;
 *   - bg_cmp_vocab_tok_distance() is T exactly as bg_cmp_score2 computes
 *     it (bg_diff_distance of bg_diff_tokens), as an LCS over integers.
 * The vocabulary borrows nothing; ids are the caller's.
 */
typedef struct bg_cmp_vocab {
	uint32_t *ida;        /* A's words numbered 1..nid */
	size_t na, nid;
	uint32_t *count;      /* occurrences in A per id (nid + 1) */
	uint32_t *seen;       /* scratch for bg_cmp_vocab_ids (nid + 1) */
	struct bg_cmp_slot { const char *key; uint32_t len, id; } *slot;
	size_t nslot;         /* power of two */
	const bg_toklist *a;
} bg_cmp_vocab;

bg_status bg_cmp_vocab_init(bg_cmp_vocab *v, const bg_toklist *a);
void bg_cmp_vocab_release(bg_cmp_vocab *v);
/* B's words as ids (0: not a word of A); *common receives the number of
 * words both have (as a multiset).  ids has room for b->n. */
void bg_cmp_vocab_ids(bg_cmp_vocab *v, const bg_toklist *b, uint32_t *ids, size_t *common);
double bg_cmp_vocab_tok_bound(const bg_cmp_vocab *v, size_t common, size_t nb);
/* -1 when out of memory. */
double bg_cmp_vocab_tok_distance(const bg_cmp_vocab *v, const uint32_t *idb, size_t nb);

/* ---------------------------------------------------------- explanations */

typedef enum bg_note_kind {
	BG_NOTE_ROOT = 0,   /* the meanings come from different provisions */
	BG_NOTE_ONLY_A,     /* component ia of A has no match in B */
	BG_NOTE_ONLY_B,     /* component ib of B has no match in A */
	BG_NOTE_REWORDED,   /* ia and ib match, but not word for word */
	BG_NOTE_CONJ,       /* the list connectives differ */
	BG_NOTE_TIME        /* both have time references, not the same ones */
} bg_note_kind;

typedef struct bg_note {
	bg_note_kind kind;
	size_t ia, ib;      /* component indices (SIZE_MAX when n/a) */
	double sim;
} bg_note;

typedef struct bg_cmp_explain {
	bg_diff diff;       /* over a->words, b->words */
	bg_note *notes;
	size_t n, alloc;
} bg_cmp_explain;

#define BG_CMP_EXPLAIN_INIT { BG_DIFF_INIT, NULL, 0, 0 }

bg_status bg_cmp_explain_pair(const bg_cmp_def *a, const bg_cmp_def *b,
			      bg_cmp_explain *out);
void bg_cmp_explain_release(bg_cmp_explain *e);

/* One note in plain words, naming the sides `na` and `nb`, appended to
 * out: 'Awir counts "de ongehuwde ..."; Participatiewet does not.' */
void bg_note_write(const bg_note *n, const bg_cmp_def *a, const char *na,
		   const bg_cmp_def *b, const char *nb, bg_buf *out);

/* The text of component i of d, shortened to at most `max` bytes (cut at
 * a UTF-8 boundary, "..." added). */
void bg_comp_quote(const bg_cmp_def *d, size_t i, size_t max, bg_buf *out);

#endif
