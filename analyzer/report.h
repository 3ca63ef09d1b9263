/*
 * report.h -- the model of the batch report (`begrip report`, README "The
 * batch report"): everything the analyses find in one corpus, built once
 * by bg_report_build() and rendered by the writers in reports/ (HTML,
 * CSV, JSON, SKOS Turtle, Markdown summary).  The SQLite file of the
 * report is the store of store.h, filled while the model is built.
 *
 * One read of the corpus: bg_defs_collect_ex() reads the files in
 * parallel and, on the worker that has just extracted a document's
 * definitions, the same parsed document is measured (complexity.h), its
 * candidate facts are collected (candidates.h) and its regulation,
 * provisions and references go into the store (store.h) in file order.
 * The definitions are resolved across the corpus once all are in.
 *
 * Ownership: a bg_report owns everything it points at (the definition
 * set, the measures, the concept comparisons, its arena) until
 * bg_report_release(); the lexicon and the other tools are borrowed.
 */
#ifndef BG_REPORT_H
#define BG_REPORT_H

#include "bg.h"
#include "candidates.h"
#include "compare.h"
#include "complexity.h"
#include "defs.h"
#include "lexicon.h"
#include "store.h"

/* Two variants of a concept whose divergence is below this are "close":
 * skos:closeMatch in concepts.ttl, the harmonisation pairs of the report. */
#define BG_REPORT_CLOSE 0.35

/* One lexicon concept across the corpus. */
typedef struct bg_report_concept {
	const char *id, *label, *note, *broader;  /* borrowed from the lexicon */
	size_t lex_index;
	size_t nrecords;       /* definition records of the concept, every version */
	bg_cmp_def *defs;      /* definitions (records of one article of the
				* latest version of a regulation), as in
				* `begrip compare` */
	size_t ndefs;
	bg_cmp cmp;            /* variants, pairs, index; cmp.defs NULL when ndefs is 0 */
} bg_report_concept;

/* Tools the build borrows. */
typedef struct bg_report_tools {
	const bg_lexicon *lex;
	const char *lexicon_path;
	const bg_cx_rules *rules;
	const char *complexity_path;
	const bg_cmp_phrases *phrases;
	bg_norm *nm;            /* used in the calling thread only */
} bg_report_tools;

typedef struct bg_report {
	const char *corpus;     /* the paths as given */
	const char *created;    /* "2026-11-23T10:30:00Z" */
	const char *version;
	size_t files, parsed, failed;
	const bg_lexicon *lex;
	bg_defset *set;
	bool *latest;           /* per regulation of set: the version that counts */
	bg_cx_doc **cx;         /* per file, NULL when the file did not parse */
	size_t ncx;
	bg_cx_doc **ranked;     /* latest versions, rank 1 first */
	size_t nranked;
	bg_report_concept *concepts;  /* every lexicon concept, lexicon order */
	size_t nconcepts;
	/* simplification candidates (candidates.h), every kind, best first;
	 * their strings may live in the candidates context, kept until
	 * bg_report_release() */
	bg_cand_list cands;
	bg_cand_ctx *cand_ctx;
	bool candidates_done;
	bg_arena *arena;
	bg_diag *diags;         /* per file: read failures of the first pass */
	struct bg_report_closer *closer;   /* the store, still being written */
} bg_report;

/* Stage messages for a person watching ("definitions", ...). */
typedef void (*bg_report_stage_fn)(const char *msg, void *ctx);

/*
 * Reads the corpus fl on `jobs` threads, fills r and writes the store to
 * db_path (atomically, store.h) -- its last part still running when this
 * returns: see bg_report_store_wait().  `progress` turns on the per-file
 * progress line of bg_corpus_map; stage (may be NULL) is told when a new
 * stage begins.  Per-file read failures are kept in r->diags (r->failed
 * counts them); they do not fail the build.  `top` keeps the best `top`
 * candidates of each kind (0 = all).  Returns BG_OK, or an error
 * with a message in d.
 */
bg_status bg_report_build(bg_report *r, const bg_filelist *fl, unsigned jobs,
			  const bg_report_tools *t, size_t top, const char *corpus_label,
			  const char *db_path, bool progress,
			  bg_report_stage_fn stage, void *stage_ctx, bg_diag *d);
/* Waits for the store that bg_report_build left being completed (indexes,
 * commit, rename into place) on a thread of its own, so that the report
 * files can be written meanwhile; BG_OK, or the error with a message in
 * d (may be NULL).  bg_report_release() waits too. */
bg_status bg_report_store_wait(bg_report *r, bg_diag *d);
void bg_report_release(bg_report *r);

/* The regulation of record d counts (latest version of its BWB id). */
bool bg_report_def_latest(const bg_report *r, const bg_def *d);

/* "https://wetten.overheid.nl/BWBR0018472" for a BWB id ("" for none),
 * appended to out. */
void bg_report_law_link(const char *bwb_id, bg_buf *out);

#endif
