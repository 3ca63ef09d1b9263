/*
 * defs.h -- definitions: every place a regulation says what a term means,
 * its scope, and where it points (the record of /tmp/prompts/defs_schema.md,
 * documented in README.md "Definitions").
 *
 * Pipeline: bg_defs_collect() reads the files in parallel, extracts the
 * definitions of each document (defs.c), merges them in file order, builds
 * the title table of the corpus and resolves references, chains and
 * inherited definitions (resolve.c).
 *
 * Ownership: a bg_defset owns its own arena.  Every record, every string
 * of a record and every fact reached from the set lives until
 * bg_defset_free(); documents may be (and are) freed after extraction.
 * A finished bg_defset is immutable and may be read from several threads.
 */
#ifndef BG_DEFS_H
#define BG_DEFS_H

#include "bg.h"
#include "cli.h"
#include "lexicon.h"
#include "norm.h"

typedef enum bg_def_kind {
	BG_DEF_OWN = 0,
	BG_DEF_REFERENCE,
	BG_DEF_MODIFIED_REFERENCE,
	BG_DEF_INHERITED,
	BG_DEF_NEGATIVE
} bg_def_kind;

/* "own", "reference", "modified_reference", "inherited", "negative". */
const char *bg_def_kind_name(bg_def_kind k);

/*
 * One definition record.  Strings are never NULL ("" when absent).
 *   term       the defined term as written
 *   term_key   its normalised stemmed key (bg_norm_key, BG_NORM_STEM)
 *   concept    lexicon concept id or ""
 *   target_*   where a reference / modified_reference / inherited record
 *              points ("" when not resolved; bwb_id "" = unknown law)
 *   root       end of the reference chain (a record of the set), or NULL
 *   chain_status "ok" | "dangling" | "cycle" | "" (own / negative)
 *   scope_kind "regulation" | "container" | "article" | "lid"
 *   scope_text the scope phrase as written, "" if none
 *   scope_address address of the scope node (bg_node.address)
 *   text       definition body; modification: the changing clause or ""
 *   link       wetten.overheid.nl jci link; address: stable address
 */
typedef struct bg_def {
	const char *file, *bwb_id, *law_title, *date;
	const char *article, *lid, *item;
	const char *term, *term_key, *concept;
	bg_def_kind kind;
	const char *target_bwb_id, *target_article, *target_lid;
	const struct bg_def *root;
	const char *chain_status;
	const char *scope_kind, *scope_text, *scope_address;
	const char *text, *modification;
	const char *link, *address;
	unsigned line;
	/* internal: the reference as found in the text ("artikel 8 van de
	 * Awir"), "" when none; and whether the target came from markup */
	const char *ref_text;
	bool ref_marked_up;
	size_t doc_index;   /* index of the regulation (bg_defset_law) */
} bg_def;

/* Facts about one regulation read by bg_defs_collect (one per parsed file). */
typedef struct bg_deflaw {
	const char *file, *bwb_id, *title, *short_title, *date;
	/* lexicon concept ids whose terms occur in the text (ordered as in
	 * the lexicon), with the number of occurrences of each */
	size_t n_uses;
	const char **uses;
	const size_t *use_counts;
	/* framework declarations found: lexicon framework index, and the
	 * provision that declares it */
	size_t n_frameworks;
	const size_t *frameworks;
	const char *const *framework_article, *const *framework_lid;
	/* the lexicon variant keys found in the text ("toetsingsinkom") */
	size_t n_used_keys;
	const char *const *used_keys;
	/* the paragraphs (<al> with text, k-th in document order: bit k % 64
	 * of word k / 64) where a word may have the first stem of a lexicon
	 * variant key (bg_stemstarts): only these were tokenised for the
	 * uses, and no other holds a variant key.  NULL: every paragraph
	 * may. */
	size_t n_al;
	const uint64_t *al_may_use;
	/* framework articles the regulation declares not to apply ("Artikel
	 * 4 van de Algemene wet inkomensafhankelijke regelingen is niet van
	 * toepassing"): framework BWB id and article number, pairwise; their
	 * definitions are not inherited */
	size_t n_excluded;
	const char *const *excluded_bwb, *const *excluded_article;
	/* alias titles (<alias-titels>) and the address of the root node */
	size_t n_aliases;
	const char *const *aliases;
	const char *root_address;
} bg_deflaw;

typedef struct bg_defset bg_defset;

/*
 * THE entry point: reads every file of fl on `jobs` threads (one bg_norm
 * per thread), extracts, merges in file order, resolves.  Per-file read
 * failures land in `b` (caller releases it with bg_batch_release, prints
 * with bg_batch_print_errors).  Returns BG_OK, or BG_ERR_NOMEM.
 */
bg_status bg_defs_collect(const bg_filelist *fl, unsigned jobs,
			  const bg_lexicon *lex, bg_defset **out, bg_batch *b);

/*
 * The same, in one read with other per-document work: `each` (may be NULL)
 * is called on the worker thread of every file that parsed, right after
 * its definitions were extracted and before the document is freed.  i is
 * the file's index in fl; docdefs holds that document's own records, not
 * yet resolved across the corpus (they are merged into *out afterwards, so
 * copy what you keep); nm is the worker's normaliser, free to use until
 * `each` returns.  Calls for different files run concurrently and in no
 * fixed order; a file that failed to parse gets no call.
 */
typedef void (*bg_defs_each_fn)(size_t i, const bg_doc *doc, const bg_defset *docdefs,
				bg_norm *nm, void *ctx);
bg_status bg_defs_collect_each(const bg_filelist *fl, unsigned jobs, const bg_lexicon *lex,
			       bg_defs_each_fn each, void *ctx, bg_defset **out, bg_batch *b);

/* The same with a second hook: `failed` (may be NULL) is called on the
 * worker thread, with the file's index, for every file that did not parse
 * (its diagnostic is in b once the collection returns), so that a caller
 * keeping per-file order knows that no `each` will come for it. */
typedef void (*bg_defs_failed_fn)(size_t i, void *ctx);
typedef struct bg_defs_hooks {
	bg_defs_each_fn each;
	bg_defs_failed_fn failed;
	void *ctx;
} bg_defs_hooks;
bg_status bg_defs_collect_ex(const bg_filelist *fl, unsigned jobs, const bg_lexicon *lex,
			     const bg_defs_hooks *hooks, bg_defset **out, bg_batch *b);

/* Extraction of one document into a new set (no cross-file resolution
 * beyond the document itself); for tests, the fuzzer and single files. */
bg_status bg_defs_extract_doc(const bg_doc *doc, const bg_lexicon *lex,
			      bg_norm *nm, bg_defset **out);

size_t bg_defset_count(const bg_defset *set);
const bg_def *bg_defset_get(const bg_defset *set, size_t i);
void bg_defset_free(bg_defset *set);

/* Regulations read (in file order). */
size_t bg_defset_law_count(const bg_defset *set);
const bg_deflaw *bg_defset_law(const bg_defset *set, size_t i);
/* Title table: the title of a BWB id (citeertitel / intitule), or NULL. */
const char *bg_defset_title(const bg_defset *set, const char *bwb_id);
/* Resolves a regulation name as written ("de Algemene wet
 * inkomensafhankelijke regelingen", "Awir", "Wet IB 2001") to a BWB id via
 * the title table and the lexicon's abbreviations; NULL when unknown. */
const char *bg_defset_lookup_title(const bg_defset *set, const char *name, size_t n);

/* Writers used by `begrip defs` (and reusable by reports). */
void bg_def_write_json(FILE *out, const bg_def *d);
void bg_def_write_csv_header(FILE *out);
void bg_def_write_csv(FILE *out, const bg_def *d);
void bg_def_write_text(FILE *out, const bg_def *d);

#endif
