/*
 * draftcheck.h -- the drafter's check (`begrip check`): one bill or draft
 * against the index of the corpus (store.h), without reading the corpus.
 *
 * For a draft (BWB XML, Kamerstuk / Staatsblad XML, plain text or Markdown,
 * read by bg_bill_read) the check reports:
 *   - every term it defines, the nearest existing definitions of the same
 *     concept (or, for a term outside the lexicon, of the same normalised
 *     term) with their divergence score and what differs, and a suggestion
 *     to refer to an existing definition when one is close enough
 *     (BG_CHECK_REFER_SCORE, or the same wording after normalisation);
 *   - every lexicon concept it uses without defining it, with the
 *     definitions that could apply (the framework laws that define it for
 *     their subjects first, then the meanings most laws share);
 *   - per article: conditions, exceptions, delegations, references and the
 *     stacking score (complexity.h), with percentile ranks against the
 *     articles of the latest version of every indexed regulation;
 *   - when the draft is a version of an indexed regulation (its BWB id,
 *     from the file or from "bwb-id:" metadata), the delta against the
 *     indexed text: definitions added, removed, changed; conditions and
 *     exceptions added or removed per article; when it amends an act named
 *     in its instructions, the act, its id in the index and what each
 *     instruction does.
 *
 * Finding kinds (for `--fail-on`): see bg_check_kind.
 *
 * Ownership: a bg_check_env holds the loaded data files and the open
 * store; one thread at a time.  A bg_check_result owns an arena that holds
 * every string and array it points to; bg_check_result_free() frees it.
 */
/* (Not "check.h": the unit tests are compiled with -Ianalyzer, where that
 * name would hide the Check framework's <check.h>.) */
#ifndef BG_DRAFTCHECK_H
#define BG_DRAFTCHECK_H

#include "bg.h"
#include "store.h"

/* A divergence score (compare.h) at or below this makes the existing
 * definition close enough to refer to instead of writing a new one.  Two
 * definitions in one variant (same root provision, or the same wording
 * after folding and stemming) score 0, as in `begrip compare`.  Otherwise
 * two provisions that can be amended apart start at 0.2 (R = 1), so 0.25
 * leaves 0.05 for 0.5 C + 0.3 T: the same parts in nearly the same words
 * (a changed article number, "of" for "en" in one place).  See README. */
#define BG_CHECK_REFER_SCORE 0.25
/* Nearest existing definitions reported per defined term. */
#define BG_CHECK_NEAREST 3
/* Definitions that could apply, reported per undefined concept. */
#define BG_CHECK_CANDIDATES 3
/* An article whose stacking score lies above this share of the corpus's
 * articles is a stacking-above-p90 finding. */
#define BG_CHECK_STACKING_PCT 0.90

/* Kinds of finding, as bits for --fail-on. */
typedef enum bg_check_kind {
	BG_CHECK_DIVERGENT = 1u << 0,   /* divergent-definition: a lexicon
					 * concept defined in own words, no
					 * existing definition close enough */
	BG_CHECK_REFER = 1u << 1,       /* refer-instead */
	BG_CHECK_UNDEFINED = 1u << 2,   /* undefined-use */
	BG_CHECK_STACKING = 1u << 3,    /* stacking-above-p90 */
	BG_CHECK_CHANGED = 1u << 4,     /* changed-definition (delta) */
	BG_CHECK_DANGLING = 1u << 5     /* dangling-reference: a definition
					 * points at an article that a law of
					 * the index does not have */
} bg_check_kind;

/* "divergent-definition", ... for one bit. */
const char *bg_check_kind_name(unsigned kind);
/* Parses "refer-instead,undefined-use" into bits; 0 on an unknown name
 * (its start is stored in *bad). */
unsigned bg_check_kinds_parse(const char *s, const char **bad);

/* An existing definition a drafted one is compared with. */
typedef struct bg_check_match {
	const char *bwb_id, *title, *date, *article, *lid, *item;
	const char *term, *kind, *text, *link;
	const char *root;         /* "Awir artikel 3" when it points, else "" */
	double score, r, c, t;    /* divergence and its parts (compare.h) */
	bool same_wording;
	bool same_root;           /* both lead to the same provision */
	const char **diffs;       /* the differences in plain words */
	size_t ndiffs;
} bg_check_match;

/* A term the draft defines. */
typedef struct bg_check_def {
	const char *term, *concept, *kind, *article, *lid, *item, *text;
	unsigned line;
	const char *target;       /* resolved reference "BWBR0018472 artikel 3"
				   * or "" */
	const char *target_title;
	bool target_missing;      /* points at a law / article not in the index */
	bool target_law_known;    /* the law is in the index (then a missing
				   * article is a dangling-reference) */
	bg_check_match *near;     /* nearest first */
	size_t nnear;
	size_t compared;          /* existing definitions compared */
	bool refer, divergent;
	const char *suggestion;   /* "refer instead to ..." or "" */
} bg_check_def;

/* A definition that could apply to an undefined concept. */
typedef struct bg_check_cand {
	const char *bwb_id, *title, *article, *why;
	size_t laws;              /* laws whose meaning starts there */
} bg_check_cand;

typedef struct bg_check_use {
	const char *concept;
	size_t count;             /* occurrences in the draft */
	bg_check_cand *cand;
	size_t ncand;
} bg_check_use;

/* One article of the draft. */
typedef struct bg_check_art {
	const char *label;        /* "artikel 2" */
	unsigned line;
	unsigned conditions, exceptions, delegations, refs_internal, refs_external;
	unsigned words;
	double stacking;
	double pct_stacking, pct_conditions, pct_exceptions, pct_delegations;
	bool above_p90;
} bg_check_art;

/* Delta against the indexed version. */
typedef struct bg_check_defdelta {
	const char *term;
	const char *change;       /* "changed", "added", "removed" */
	const char *where_old, *where_new;  /* "artikel 1 lid 1 onderdeel b" */
	const char *old_text, *new_text;
	double score;             /* for changed: divergence old -> new */
} bg_check_defdelta;

typedef struct bg_check_artdelta {
	const char *label;
	const char *change;       /* "changed", "added", "removed" */
	int conditions, exceptions, delegations;  /* new - old */
} bg_check_artdelta;

typedef struct bg_check_amend {
	const char *onderdeel, *action, *target;
	const char **articles;    /* numbers of articles inserted / replaced */
	size_t narticles;
	bool target_found;        /* the target article is in the indexed act */
} bg_check_amend;

typedef struct bg_check_result {
	bg_arena *arena;
	const char *file, *format, *bwb_id, *title;
	/* definitions and uses */
	bg_check_def *defs;
	size_t ndefs;
	bg_check_use *uses;
	size_t nuses;
	bg_check_art *arts;
	size_t narts;
	size_t corpus_articles;   /* size of the distribution ranked against */
	/* delta: basis "" (none), "version" or "amends" */
	const char *basis;
	const char *base_bwb_id, *base_title, *base_date, *base_file;
	const char *act;          /* amending bill: the act as named */
	bg_check_defdelta *ddelta;
	size_t nddelta;
	bg_check_artdelta *adelta;
	size_t nadelta;
	bg_check_amend *amends;
	size_t namends;
	unsigned kinds;           /* bits of every finding kind present */
} bg_check_result;

typedef struct bg_check_env bg_check_env;

/*
 * Opens the store at db (read-only) and loads the lexicon (lexpath, NULL =
 * bg_lexicon_default_path()), the complexity rules and the compare phrase
 * list.  BG_ERR_IO / BG_ERR_FORMAT with a message in d.
 */
bg_status bg_check_env_open(const char *db, const char *lexpath,
			    bg_check_env **out, bg_diag *d);
void bg_check_env_free(bg_check_env *e);

/*
 * Checks the bill at path.  When it cannot be read, returns the reader's
 * status with "FILE:LINE:COL: MESSAGE" in d and *out = NULL.  BG_ERR_NOMEM
 * or BG_ERR_IO (store) otherwise on failure.
 */
bg_status bg_check_run(bg_check_env *e, const char *path,
		       bg_check_result **out, bg_diag *d);
void bg_check_result_free(bg_check_result *r);

#endif
