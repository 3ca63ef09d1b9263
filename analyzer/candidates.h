/*
 * candidates.h -- simplification candidates for the yearly
 * Vereenvoudigingswet and the VIM programme: a ranked list of concrete
 * proposals, each with the provisions involved, quoted law text a lawyer can
 * check in a minute, and a one-line rationale (in Dutch, for the Dutch civil
 * servants who use it).  README "Simplification candidates".
 *
 * Kinds:
 *   harmonise          one concept defined differently by laws that apply to
 *                      the same people (same framework, citing each other,
 *                      or pointing to the same root law); proposes the
 *                      common variant
 *   refer-instead      the same definition written out again (kind own) in
 *                      several regulations: refer to one of them
 *   stacking           provisions with the heaviest pile of conditions,
 *                      exceptions and delegations (complexity.h)
 *   broken-reference   a reference to an article of a regulation in the
 *                      corpus that the (latest version of the) target does
 *                      not have, or has repealed
 *   unused-definition  a term defined (scope regulation or container) but
 *                      never used elsewhere in its regulation
 *   undefined-use      a lexicon concept used by a regulation without any
 *                      definition in scope (own, reference or inherited)
 *
 * Inputs: the bg_defset of bg_defs_collect, and per regulation facts from
 * its document: references, articles, complexity (bg_cx_analyze) and the
 * words of its text.  The facts need only the document and its own
 * records, so they are collected in the same read as the definitions
 * (bg_cand_facts_collect from the hook of bg_defs_collect_each) and handed
 * over once the set exists (bg_cand_add_facts).  bg_cand_add_doc does the
 * same from a document read again after the set exists.
 *
 * Ownership: a bg_cand_ctx borrows the set, lexicon, rules and phrases
 * (they must outlive it) and owns everything it collects; a bg_cand_facts
 * owns its memory and refers to nothing (bg_cand_facts_free, or hand it to
 * bg_cand_add_facts); a bg_cand_list owns its candidates
 * (bg_cand_list_release).
 */
#ifndef BG_CANDIDATES_H
#define BG_CANDIDATES_H

#include "bg.h"
#include "complexity.h"
#include "components.h"
#include "defs.h"

typedef enum bg_cand_kind {
	BG_CAND_HARMONISE = 0,
	BG_CAND_REFER_INSTEAD,
	BG_CAND_STACKING,
	BG_CAND_BROKEN_REF,
	BG_CAND_UNUSED_DEF,
	BG_CAND_UNDEFINED_USE,
	BG_CAND__COUNT
} bg_cand_kind;

/* "harmonise", "refer-instead", "stacking", "broken-reference",
 * "unused-definition", "undefined-use". */
const char *bg_cand_kind_name(bg_cand_kind k);
/* The kind with this name, or -1. */
int bg_cand_kind_find(const char *name);

/* A provision involved in a candidate. */
typedef struct bg_cand_prov {
	const char *bwb_id;
	const char *law;      /* short title of the regulation */
	const char *label;    /* "artikel 1 onderdeel a", "artikel 3" */
	const char *address;  /* stable address (bg_node.address) */
	const char *link;     /* wetten.overheid.nl link */
	const char *role;     /* "definitie", "voorstel", "verwijzing", "doel", ... */
} bg_cand_prov;

typedef struct bg_cand {
	bg_cand_kind kind;
	double score;         /* 0..1, comparable across kinds (README) */
	double raw;           /* the kind's own measure before normalisation */
	const char *subject;  /* concept, term or provision label */
	const char **laws;    /* BWB ids involved */
	size_t nlaws;
	bg_cand_prov *provs;
	size_t nprovs;
	const char *evidence; /* quoted law text, short */
	const char *rationale;/* one line, Dutch */
} bg_cand;

typedef struct bg_cand_stats {
	size_t docs;             /* regulations read in the second pass */
	size_t refs_checked;     /* references to an article of a corpus regulation */
	size_t refs_outside;     /* references to regulations not in the corpus (skipped) */
	size_t defs_checked;     /* own definitions checked for use */
	double stacking_p95;     /* normaliser of the stacking score */
} bg_cand_stats;

typedef struct bg_cand_list {
	bg_cand *v;
	size_t n;
	bg_cand_stats stats;
	bg_arena *arena;
} bg_cand_list;

typedef struct bg_cand_opts {
	size_t top;              /* per kind; 0 = all */
	int kind;                /* -1 = all kinds, else a bg_cand_kind */
	unsigned jobs;           /* threads for bg_cmp_run */
} bg_cand_opts;

typedef struct bg_cand_ctx bg_cand_ctx;
typedef struct bg_cand_facts bg_cand_facts;

/*
 * What the candidates need from one document, without the resolved set:
 * docdefs is the document's own set (the docdefs of bg_defs_each_fn, or
 * bg_defs_extract_doc).  cx: the document's measures when the caller has
 * them (bg_cx_analyze with the rules given to bg_cand_new), else NULL and
 * they are made here from rules (rules NULL too: no stacking facts).  nm
 * is used during the call only (not thread-safe: one per thread).  Safe to
 * call for different documents concurrently; doc, docdefs and cx may be
 * freed afterwards.  BG_ERR_NOMEM, or BG_ERR_USAGE when docdefs is not one
 * document's set.
 */
bg_status bg_cand_facts_collect(const bg_doc *doc, const bg_defset *docdefs,
				const bg_lexicon *lex, const bg_cx_rules *rules,
				const bg_cx_doc *cx, bg_norm *nm, bg_cand_facts **out);
void bg_cand_facts_free(bg_cand_facts *f);

/* Prepares the context.  rules may be NULL (no stacking candidates);
 * ph is needed for harmonise and refer-instead. */
bg_status bg_cand_new(const bg_defset *set, const bg_lexicon *lex,
		      const bg_cx_rules *rules, const bg_cmp_phrases *ph,
		      bg_cand_ctx **out);
void bg_cand_free(bg_cand_ctx *c);

/* Gives the facts of one document to the context, which takes them over:
 * kept when the document's file is the latest version of its regulation in
 * the set, else freed at once.  f may be NULL.  Call from one thread. */
void bg_cand_add_facts(bg_cand_ctx *c, bg_cand_facts *f);

/* The files of a second read, as an alternative to the facts: the latest
 * version of each regulation. */
size_t bg_cand_doc_count(const bg_cand_ctx *c);
const char *bg_cand_doc_path(const bg_cand_ctx *c, size_t i);

/* Collects what the candidates need from document i of the second pass.
 * Calls for different i may run concurrently; the document may be freed
 * afterwards. */
bg_status bg_cand_add_doc(bg_cand_ctx *c, size_t i, const bg_doc *doc);

/* Finds, scores and ranks the candidates (highest score first). */
bg_status bg_cand_run(bg_cand_ctx *c, bg_norm *nm, const bg_cand_opts *o,
		      bg_cand_list *out);
void bg_cand_list_release(bg_cand_list *l);

#endif
