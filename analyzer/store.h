/*
 * store.h -- the SQLite store: the corpus as tables, written once by
 * `begrip index` (and the batch report), read by `begrip check` so that a
 * check never re-reads the corpus.  The schema is documented in README.md
 * "The SQLite store" and in the CREATE statements of store.c.
 *
 * Tables: meta, regulations, provisions (a view over provision_rows,
 * which keeps what only the row knows), refs, definitions, components,
 * provision_measures, regulation_measures, regulation_ranks,
 * measure_dist (the article distributions `begrip check` ranks in),
 * candidates.
 * ("refs", not "references": REFERENCES is an SQL keyword.)
 *
 * Writing is atomic.  bg_store_create() builds the new database in
 * "FILE.tmp.PID" inside one transaction; bg_store_finish() commits, fsyncs
 * and renames it onto FILE.  Until then FILE is untouched, so a failed,
 * aborted or killed run leaves the previous index as it was.  Every value
 * is bound with sqlite3_bind_*(), never formatted into SQL: law text with
 * quotes, semicolons or markup is stored byte for byte.
 *
 * Reading: bg_store_open() opens FILE read-only and refuses a file that is
 * not a begrip store (PRAGMA application_id) or has another schema version
 * (PRAGMA user_version, repeated in meta.schema_version).
 *
 * Ownership: a bg_store is used by one thread at a time.  Results of the
 * lookup functions live in their own arena, released by the matching
 * *_release(); `const char *` fields borrow from it.
 */
#ifndef BG_STORE_H
#define BG_STORE_H

#include "bg.h"
#include "complexity.h"
#include "components.h"
#include "defs.h"

/* Bump on every change of a CREATE statement; stores of another version
 * are refused by bg_store_open(). */
#define BG_STORE_SCHEMA_VERSION 3
/* PRAGMA application_id of a begrip store: "bgrp". */
#define BG_STORE_APPLICATION_ID 0x62677270

typedef struct bg_store bg_store;

/* ------------------------------------------------------------- writing */

/*
 * Starts a new store that will replace `path`: creates "path.tmp.PID"
 * (removing temp files of dead begrip processes beside it), creates the
 * schema and opens the transaction.  On failure returns BG_ERR_IO with a
 * message in d.
 */
bg_status bg_store_create(const char *path, bg_store **out, bg_diag *d);

/* Sets a meta row (key, value); later calls replace earlier ones. */
bg_status bg_store_set_meta(bg_store *s, const char *key, const char *value);

/*
 * Adds one parsed document: its regulations row, every artikel, lid and li
 * as a provisions row (own text, parent, effective repeal), every reference
 * as a refs row.  Rows get ids in call order; call in file order for
 * stable ids.  *reg_id (may be NULL) receives the regulation's id.
 */
bg_status bg_store_add_doc(bg_store *s, const bg_doc *doc, int64_t *reg_id);

/*
 * The same in two steps, so that the work that needs the document runs on
 * the caller's thread and only the inserts wait their turn for the store:
 * bg_store_doc_rows() copies a document's rows out of its tree (safe on
 * any thread, no store needed; NULL when out of memory); the document may
 * be freed afterwards.  bg_store_add_rows() inserts them as
 * bg_store_add_doc() would (rows get ids in call order).  The rows stay the
 * caller's: free them with bg_store_docrows_free() (NULL allowed).
 */
typedef struct bg_store_docrows bg_store_docrows;
bg_store_docrows *bg_store_doc_rows(const bg_doc *doc);
bg_status bg_store_add_rows(bg_store *s, const bg_store_docrows *r, int64_t *reg_id);
void bg_store_docrows_free(bg_store_docrows *r);
/* The document's complexity measures go in with its rows: its
 * provision_measures rows follow its provisions (they need nothing of the
 * corpus), so that only the regulation's own rows wait for the corpus
 * step (bg_store_add_regulation_measures).  cx is borrowed: it must live
 * until the rows are inserted. */
void bg_store_docrows_set_measures(bg_store_docrows *r, const bg_cx_doc *cx);

/*
 * Rows of a parallel read, inserted in file order: workers hand in each
 * file's rows (bg_store_order_put, thread-safe; rows NULL for a file that
 * gives none, e.g. it did not parse) and whichever worker finds the next
 * file's rows ready inserts them, while the other goes on with its own
 * work.  bg_store_order_finish (after the read, one thread) treats files
 * never handed in as giving none, inserts what still waits and returns
 * BG_ERR_IO when an insert failed (bg_store_error says why).  The order
 * takes over the rows it is given; it borrows the store.  reg_ids: per
 * file the regulation id it got, 0 when it was not stored.
 */
typedef struct bg_store_order bg_store_order;
bg_store_order *bg_store_order_new(bg_store *s, size_t count);
void bg_store_order_put(bg_store_order *o, size_t i, bg_store_docrows *rows);
bg_status bg_store_order_finish(bg_store_order *o);
const int64_t *bg_store_order_reg_ids(const bg_store_order *o);
void bg_store_order_free(bg_store_order *o);

/* The complexity measures of one document, in two parts: one
 * provision_measures row per provision (any time after the document's
 * rows; bg_store_docrows_set_measures does it with them), and the
 * regulation_measures row with its regulation_ranks rows (after
 * bg_cx_corpus_finish). */
bg_status bg_store_add_provision_measures(bg_store *s, int64_t reg_id,
					  const bg_cx_doc *cx);
bg_status bg_store_add_regulation_measures(bg_store *s, int64_t reg_id,
					   const bg_cx_doc *cx);

/*
 * Adds definition record `d` with the given id (1-based; the record's
 * position in its set plus one) and the id of its root record (0 = none).
 * reg_id is the regulation the record belongs to (0 = look it up by
 * d->file).  comps (may be NULL) are its components.
 */
bg_status bg_store_add_def(bg_store *s, int64_t id, const bg_def *d,
			   int64_t root_id, int64_t reg_id,
			   const bg_components *comps);

/*
 * Every record of `set` with its components (split on `jobs` threads,
 * each with its own normaliser, while the caller's thread inserts the
 * records in order): id = position + 1, root_id the position + 1 of the
 * record's root.  BG_ERR_NOMEM, or an error of bg_store_add_def.
 */
bg_status bg_store_add_defs(bg_store *s, const bg_defset *set, const bg_cmp_phrases *ph,
			    unsigned jobs);

/* A candidate of the candidates stage.  bwb_ids/addresses are stored as
 * JSON arrays of strings. */
typedef struct bg_store_candidate {
	const char *kind;
	double score;
	const char *const *bwb_ids;
	size_t n_bwb_ids;
	const char *const *addresses;
	size_t n_addresses;
	const char *evidence;
	const char *rationale;
} bg_store_candidate;

bg_status bg_store_add_candidate(bg_store *s, const bg_store_candidate *c);

/*
 * Completes the tables once every document, measure and definition is in:
 * builds the indexes, marks the latest versions, resolves references
 * against the regulations and provisions stored (refs.resolved,
 * refs.target_repealed) and fills measure_dist.  Afterwards only
 * candidates and meta rows may be added (documents, measures and
 * definitions fail with BG_ERR_IO).  bg_store_finish() calls it when the
 * caller has not; calling it earlier lets this work run on another thread
 * while the caller does other work (the store is still used by one thread
 * at a time).  BG_ERR_IO with bg_store_error() on failure; a second call
 * returns the first one's result.
 */
bg_status bg_store_complete(bg_store *s);

/*
 * Completes the store (bg_store_complete, unless done), commits, closes,
 * fsyncs and renames the temp file onto the final path.  Frees s in every
 * case; on failure the temp file is removed and the old file kept.
 */
bg_status bg_store_finish(bg_store *s, bg_diag *d);

/* Abandons a store being written: the temp file is removed, the old file
 * kept.  Frees s; NULL is allowed.  Also closes a store opened for reading. */
void bg_store_abort(bg_store *s);

/* The temp file a store is being written to (for a signal handler that
 * removes it), or NULL for a store opened for reading. */
const char *bg_store_temp_path(const bg_store *s);

/* FNV-1a 64 of a file's bytes as 16 hex digits and a NUL: what meta
 * "lexicon_hash" holds, so that a reader can tell whether the index was
 * built with the lexicon it has now.  False when the file cannot be read. */
bool bg_store_file_hash(const char *path, char out[17]);

/* The first error of a store being written ("" when none). */
const char *bg_store_error(const bg_store *s);

/* ------------------------------------------------------------- reading */

/* Opens a store read-only.  BG_ERR_IO when it cannot be opened,
 * BG_ERR_FORMAT when it is not a begrip store or has another schema
 * version (the message says which). */
bg_status bg_store_open(const char *path, bg_store **out, bg_diag *d);
void bg_store_close(bg_store *s);

/* A meta value as a new string (caller frees), or NULL when absent. */
char *bg_store_meta(bg_store *s, const char *key);

typedef struct bg_store_reg {
	int64_t id;
	const char *bwb_id, *file, *title, *short_title, *soort, *date, *dialect;
} bg_store_reg;

typedef struct bg_store_prov {
	int64_t id, parent_id;   /* parent_id 0: directly under a container */
	const char *bwb_id, *address, *kind, *nr, *artikel, *parent_address;
	const char *heading, *text, *link;
	unsigned line;
	bool repealed;
} bg_store_prov;

/* Rows of one lookup; everything lives in `arena`. */
typedef struct bg_store_rows {
	bg_arena *arena;
	size_t n;
	bg_store_reg *regs;     /* bg_store_regulation */
	bg_store_prov *provs;   /* bg_store_provisions */
	bg_def *defs;           /* bg_store_defs_*: root points into the arena */
	int64_t *ids;           /* definition ids of defs[] */
} bg_store_rows;

void bg_store_rows_release(bg_store_rows *r);

/* The regulation with this BWB id, latest version first (an undated file
 * counts as the earliest); out->n is 0 when there is none. */
bg_status bg_store_regulation(bg_store *s, const char *bwb_id,
			      bg_store_rows *out);

/* Provisions of regulation reg_id whose address is `address` or lies
 * below it (NULL or "": all), in document order. */
bg_status bg_store_provisions(bg_store *s, int64_t reg_id,
			      const char *address, bg_store_rows *out);

/* Definition records by concept id, or by normalised term key, in store
 * order.  Each record's root (when it has one) is loaded too. */
bg_status bg_store_defs_by_concept(bg_store *s, const char *concept,
				   bg_store_rows *out);
bg_status bg_store_defs_by_term_key(bg_store *s, const char *key,
				    bg_store_rows *out);

/*
 * The corpus distribution of a per-provision measure: every value of
 * column `measure` of provision_measures ("stacking", "conditions",
 * "words", ...) for provisions of `kind` ("artikel", "lid", "definition";
 * NULL = all) of the latest version of each regulation, sorted ascending.
 * *values is the caller's (free()).  BG_ERR_USAGE for an unknown measure.
 */
bg_status bg_store_measure_values(bg_store *s, const char *measure,
				  const char *kind, double **values, size_t *n);

/* Percentile rank of x in sorted v[0..n): the share of values <= x, in
 * [0,1]; 0 when n is 0. */
double bg_store_percentile(const double *v, size_t n, double x);

/* The underlying connection, for ad hoc read queries (tests, reports). */
struct sqlite3 *bg_store_db(bg_store *s);

#endif
