/*
 * complexity.h -- how complex a regulation is, and how conditions stack up
 * in its provisions (README "Complexity (`begrip complexity`)").
 *
 * Two levels, computed in one pass over each document tree:
 *   - per provision (artikel, lid, definition): conditions, exceptions,
 *     delegations (phrase lists of lexicon/complexity.txt), items of lists
 *     joined by cumulative "en" / alternative "of", references, list
 *     nesting depth, words, sentences and the stacking score;
 *   - per regulation: the measures of Katz & Bommarito (2014, "Measuring
 *     the complexity of the law: the United States Code"): element counts,
 *     depth, tokens per article, word entropy; the "law smells" of Coupette
 *     et al. (2021); Flesch-Douma readability; totals of the above.
 * Corpus-level parts (citations in, composite rankings, phrases duplicated
 * across regulations, history over versions) are computed afterwards from
 * the compact per-document results (bg_cx_corpus_finish).
 *
 * Ownership: a bg_cx_rules is immutable once loaded and may be shared by
 * threads.  A bg_cx_doc and everything it points at live in memory pools
 * of the rules object (one per worker thread) until bg_cx_rules_free(); it
 * does not refer to the bg_doc it came from, so the document can be freed
 * right after bg_cx_analyze().
 */
#ifndef BG_COMPLEXITY_H
#define BG_COMPLEXITY_H

#include "bg.h"

typedef struct bg_cx_rules bg_cx_rules;

/* Loads lexicon/complexity.txt (phrase lists, weights, settings) and the
 * stop word list; stopwords_path NULL means "stopwords-nl.txt" in the
 * directory of `path`.  BG_ERR_IO / BG_ERR_FORMAT with FILE:LINE in d. */
bg_status bg_cx_rules_load(const char *path, const char *stopwords_path,
			   bg_cx_rules **out, bg_diag *d);
/* Same from memory (tests). */
bg_status bg_cx_rules_parse(const char *text, size_t len, const char *stop,
			    size_t stop_len, bg_cx_rules **out, bg_diag *d);
/* $BEGRIP_COMPLEXITY_LEXICON, else "lexicon/complexity.txt"; stop words
 * beside it in "stopwords-nl.txt". */
const char *bg_cx_default_path(void);
void bg_cx_rules_free(bg_cx_rules *r);
/* The threshold and n-gram settings of the lexicon. */
unsigned bg_cx_long_words(const bg_cx_rules *r);

/* Counts that add up from text blocks to provisions to regulations. */
typedef struct bg_cx_counts {
	uint32_t conditions, exceptions, delegations;
	uint32_t items_and, items_or;     /* items of lists joined by en / of */
	uint32_t lists;                   /* lijst elements */
	uint32_t refs_internal, refs_external;
	uint32_t depth;                   /* deepest list nesting (max, not sum) */
	uint32_t words, sentences;
	uint32_t syllables, letter_words; /* for Flesch-Douma */
	uint32_t and_or;                  /* "en/of" (law smell) */
	uint32_t number_words;            /* numbers written as words (smell) */
} bg_cx_counts;

void bg_cx_counts_add(bg_cx_counts *a, const bg_cx_counts *b);
/* The stacking score with the lexicon's weights:
 *   w_c C + w_e E + w_and I_and + w_or I_or + w_depth D
 *   + w_del Del + w_ref (R_int + R_ext)                                  */
double bg_cx_stacking(const bg_cx_rules *r, const bg_cx_counts *c);
/* Flesch-Douma: 206.835 - 0.93 words/sentence - 77 syllables/word
 * (0 when there are no words). */
double bg_cx_flesch(const bg_cx_counts *c);

typedef enum bg_cx_kind {
	BG_CX_ARTIKEL = 0,
	BG_CX_LID,
	BG_CX_DEFINITION
} bg_cx_kind;
const char *bg_cx_kind_name(bg_cx_kind k);

/* One provision. */
typedef struct bg_cx_prov {
	bg_cx_kind kind;
	bool leaf;            /* lid, or artikel without leden: ranked */
	const char *address;  /* bg_node.address, stable across versions */
	const char *label;    /* "artikel 2 lid 1", "artikel 1 definitie partner" */
	const char *term;     /* definitions: the term, else "" */
	unsigned line;
	bg_cx_counts c;
	double stacking;
} bg_cx_prov;

/* A regulation this one cites, and how often. */
typedef struct bg_cx_cite {
	const char *bwb_id;
	uint32_t count;
} bg_cx_cite;

/* Measures of one document. */
typedef struct bg_cx_doc {
	const char *path, *bwb_id, *title, *date, *soort;
	/* structure (Katz & Bommarito) */
	size_t above, at, below;     /* containers / artikelen / leden+li+definitie-items */
	double depth_mean, depth_sd; /* tree depth of the text blocks */
	size_t blocks;
	double tokens_per_article;
	double entropy, entropy_stemmed; /* bits, stop words removed */
	size_t vocabulary, vocabulary_stemmed;
	size_t cit_out, cit_internal; /* references to other regulations / within */
	size_t cit_in;                /* filled by bg_cx_corpus_finish */
	bg_cx_cite *cites;
	size_t ncites;
	bg_cx_counts total;         /* every text block of the regulation */
	double stacking_total, stacking_max;
	double flesch;
	size_t long_elements;
	/* n-gram sample for duplicated phrases (occurrences, ordered by
	 * their top 16 bits) */
	uint64_t *grams;
	size_t ngrams;
	size_t dup_grams;            /* filled by bg_cx_corpus_finish */
	double dup_ratio;
	/* percentile ranks (0..1) and composite, by bg_cx_corpus_finish */
	double pct[6];
	double composite;
	size_t rank;                 /* 1 = most complex; 0 = not ranked */
	bg_cx_prov *provs;
	size_t nprov;
} bg_cx_doc;

/* Names of the six ranked measures (pct[]), in order. */
extern const char *const bg_cx_rank_names[6];

/*
 * Computes the measures of one document.  Thread-safe for one rules
 * object shared by many threads (each thread keeps its own scratch space
 * and result pool, released by bg_cx_rules_free, which also frees every
 * bg_cx_doc returned).  Returns NULL when out of memory.
 */
bg_cx_doc *bg_cx_analyze(const bg_cx_rules *r, const bg_doc *doc);
/* Releases what d holds outside the pool -- its n-gram sample, needed only
 * by bg_cx_corpus_finish(): grams becomes NULL, ngrams still counts it; the
 * rest of d goes with bg_cx_rules_free().  Call it once for every result
 * (again is harmless); NULL is fine. */
void bg_cx_doc_free(bg_cx_doc *d);

/*
 * Corpus-level parts over docs[0..n) (NULL entries skipped): citations in
 * (references from other regulations; each citing regulation counted in
 * one version only, its latest), percentile ranks against the latest
 * version of every regulation and their mean (composite) and rank, and
 * sampled n-grams shared with at least one other regulation.
 */
bg_status bg_cx_corpus_finish(bg_cx_doc **docs, size_t n);

/* True when a is a later version than b of the same regulation (dates
 * compared as text; an undated file counts as the earliest). */
int bg_cx_version_cmp(const bg_cx_doc *a, const bg_cx_doc *b);

#endif
