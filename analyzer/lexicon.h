/*
 * lexicon.h -- the concept lexicon: which concepts begrip tracks (inkomen,
 * vermogen, partner, ...), the Dutch terms that name each of them, the
 * trigger phrases that recognise a definition, the abbreviations of
 * regulation titles and the framework declarations ("inkomensafhankelijke
 * regeling" -> Awir).
 *
 * The lexicon is a text file that analysts edit (format: lexicon/README.md);
 * nothing about concepts is compiled into C.  A loaded lexicon is immutable
 * (but for patterns compiled on first use, under a lock) and may be shared
 * by threads.  Every string returned borrows from the
 * lexicon and lives until bg_lexicon_free().
 */
#ifndef BG_LEXICON_H
#define BG_LEXICON_H

#include "bg.h"
#include "litset.h"
#include "norm.h"

typedef struct bg_lexicon bg_lexicon;

/* The forms of definition the extractor knows; each trigger of the
 * lexicon names one (see lexicon/README.md). */
typedef enum bg_trigger_form {
	BG_TRIG_LIST = 0,     /* "... wordt verstaan onder:" introduces a list */
	BG_TRIG_INLINE,       /* a sentence defining a term; group 1 = term */
	BG_TRIG_NEGATIVE,     /* same, but excluding; group 1 = term */
	BG_TRIG_SAME_MEANING, /* "heeft dezelfde betekenis als in"  */
	BG_TRIG_MODIFIER,     /* "met dien verstande dat": a reference is changed */
	BG_TRIG_SCOPE_REGULATION, /* "in deze wet", "voor de toepassing van dit besluit" */
	BG_TRIG_SCOPE_CONTAINER,  /* "in dit hoofdstuk", "deze paragraaf" */
	BG_TRIG_SCOPE_ARTICLE,    /* "in dit artikel" */
	BG_TRIG_SCOPE_LID,        /* "in dit lid" */
	BG_TRIG_NOT_DEFINITION,   /* sentences that look like definitions but are not */
	BG_TRIG_REFERENCE,        /* "als bedoeld in": the body points elsewhere */
	BG_TRIG_RESTRICTION,      /* right after a linked citation: "die ...", "zonder ..." */
	BG_TRIG__COUNT
} bg_trigger_form;

/* Loads a lexicon file (and the files it includes).  On failure returns
 * BG_ERR_IO / BG_ERR_FORMAT / BG_ERR_NOMEM with FILE:LINE in `d`. */
bg_status bg_lexicon_load(const char *path, bg_lexicon **out, bg_diag *d);
/*
 * The same, but trigger and framework patterns are compiled when they are
 * first used (bg_trigger_regex, bg_lexicon_trigger,
 * bg_lexicon_framework_regex) instead of all at once: a draft's check
 * reaches a tenth of them, and compiling all of them costs more than the
 * rest of loading.  A pattern that does not compile is then reported on
 * stderr (FILE:LINE: error: ...) at its first use and never matches; every
 * other error is reported here as by bg_lexicon_load.  The variants are
 * normalised with nm when it is not NULL (the caller's, used only during
 * the call: a normaliser's caches are worth sharing in a short process).
 */
bg_status bg_lexicon_load_lazy(const char *path, bg_norm *nm, bg_lexicon **out,
			       bg_diag *d);
/* Same from memory; `name` is used in diagnostics, `dir` (may be NULL)
 * is where "include" lines are looked up. */
bg_status bg_lexicon_parse(const char *text, size_t len, const char *name,
			   const char *dir, bg_lexicon **out, bg_diag *d);
/* $BEGRIP_LEXICON, else "lexicon/concepts.txt". */
const char *bg_lexicon_default_path(void);
void bg_lexicon_free(bg_lexicon *lex);

/* Concepts: 0 .. count-1. */
size_t bg_lexicon_count(const bg_lexicon *lex);
const char *bg_lexicon_id(const bg_lexicon *lex, size_t i);      /* "partner" */
const char *bg_lexicon_label(const bg_lexicon *lex, size_t i);   /* "partner" (preferred label) */
const char *bg_lexicon_note(const bg_lexicon *lex, size_t i);    /* scope note, "" if none */
const char *bg_lexicon_broader(const bg_lexicon *lex, size_t i); /* broader concept id or "" */
size_t bg_lexicon_variant_count(const bg_lexicon *lex, size_t i);
const char *bg_lexicon_variant(const bg_lexicon *lex, size_t i, size_t j); /* as written */
/* The normalised stemmed key of a variant ("fiscal partner"). */
const char *bg_lexicon_variant_key(const bg_lexicon *lex, size_t i, size_t j);
/* The key of the variant with "s" added ("gezamenlijke huishoudings"),
 * which bg_lexicon_concept_for_key also accepts; NULL where it is the
 * variant's own key. */
const char *bg_lexicon_plural_key(const bg_lexicon *lex, size_t i, size_t j);
/* Index of the concept with this id, or -1. */
long bg_lexicon_find(const bg_lexicon *lex, const char *id);

/*
 * The concept a term names, or NULL.  `key` is the term's normalised,
 * stemmed key (bg_norm_key with BG_NORM_STEM, e.g. "partner",
 * "toetsingsinkom").  A term matches a variant when its key equals the
 * variant's key, or when the variant's key is the term's head: the last
 * words of the term ("het gezamenlijke toetsingsinkomen", "partner van
 * de belanghebbende" -> first words).  See lexicon/README.md.
 */
const char *bg_lexicon_concept_for_key(const bg_lexicon *lex, const char *key);
/* The same for text as written (normalised with nm). */
const char *bg_lexicon_concept_for_term(const bg_lexicon *lex, bg_norm *nm,
					const char *term, size_t n);

/* Triggers of one form, in file order.  `regex` is a compiled TRE
 * regex_t (opaque here so that callers need no TRE header; see
 * bg_lexicon_trigger_info for when it is); `term_group`
 * the parenthesised group holding the term (0: none); `lexicon_only`
 * restricts the trigger to terms that name a lexicon concept,
 * `defined_only` to terms that name one or that the regulation defines
 * elsewhere (tried after the rest of the regulation); `max_cost`
 * the edit distance allowed by approximate matching. */
typedef struct bg_trigger {
	const void *regex;
	const char *pattern;
	int max_cost;
	int term_group;
	bool lexicon_only;
	bool defined_only;
	const char *require;  /* literal the folded text must contain, "" = none */
} bg_trigger;
/* The `require:` language (lexicon/README.md): literals joined by "|"
 * (any of them) and "&&" (all groups); a literal "^A" must open the text,
 * "A$" must close it, any other may stand anywhere.
 * bg_require_anchor takes the mark off literal *p[0..*n) and says which it
 * was.  bg_require_ok says whether low[0..n) meets req; with `anchored`
 * false the marks are read as mere presence, a weaker condition (tests
 * use it to find the texts a stricter prefilter must not lose). */
bg_lit_anchor bg_require_anchor(const char **p, size_t *n);
bool bg_require_ok(const char *req, const char *low, size_t n, bool anchored);
size_t bg_lexicon_trigger_count(const bg_lexicon *lex, bg_trigger_form f);
/* Trigger j of form f with its pattern compiled (`regex` set; NULL only
 * for a lazy lexicon's pattern that does not compile). */
const bg_trigger *bg_lexicon_trigger(const bg_lexicon *lex, bg_trigger_form f, size_t j);
/* The same without compiling the pattern: read everything but `regex`,
 * and get the regex with bg_trigger_regex() once the `require` prefilter
 * has let a text through.  With a lazy lexicon, only the patterns some
 * text reaches are ever compiled. */
const bg_trigger *bg_lexicon_trigger_info(const bg_lexicon *lex, bg_trigger_form f, size_t j);
/* t's compiled pattern (a TRE regex_t *), compiled now if it was not;
 * NULL when it does not compile.  Thread-safe. */
const void *bg_trigger_regex(const bg_trigger *t);
/* The same pattern compiled without submatches (REG_NOSUB), for a quick
 * "does it match at all"; compiled at the first call (thread-safe); NULL
 * when there is none (then use the regex). */
const void *bg_trigger_regex_quick(const bg_trigger *t);
/* The name of a form as written in the lexicon ("inline", "list", ...). */
const char *bg_trigger_form_name(bg_trigger_form f);

/* Abbreviations and common titles of regulations: "Awir" -> BWBR0018472. */
size_t bg_lexicon_abbrev_count(const bg_lexicon *lex);
const char *bg_lexicon_abbrev_name(const bg_lexicon *lex, size_t i);
const char *bg_lexicon_abbrev_bwb(const bg_lexicon *lex, size_t i);

/* Framework declarations: a phrase by which a regulation declares itself
 * subject to a framework law, that law, and the concept ids it defines
 * for its subjects. */
size_t bg_lexicon_framework_count(const bg_lexicon *lex);
const char *bg_lexicon_framework_phrase(const bg_lexicon *lex, size_t i);
/* The compiled pattern of a framework declaration (a TRE regex_t *;
 * compiled now in a lazy lexicon, NULL when it does not compile). */
const void *bg_lexicon_framework_regex(const bg_lexicon *lex, size_t i);
const char *bg_lexicon_framework_bwb(const bg_lexicon *lex, size_t i);
/* Literal a paragraph must contain before the pattern is tried, "" = none. */
const char *bg_lexicon_framework_require(const bg_lexicon *lex, size_t i);
size_t bg_lexicon_framework_concept_count(const bg_lexicon *lex, size_t i);
const char *bg_lexicon_framework_concept(const bg_lexicon *lex, size_t i, size_t j);

#endif
