/*
 * components.h -- a definition split into the parts that carry its meaning,
 * so that two definitions can be compared part by part instead of as one
 * string.
 *
 * Kinds of component:
 *   item       a list item or clause the definition includes ("de
 *              ongehuwde die met de belanghebbende een gezamenlijke
 *              huishouding voert");
 *   exclusion  what it leaves out: exceptions and exclusions ("tenzij het
 *              betreft een bloedverwant in de eerste graad");
 *   condition  a condition that must hold ("indien ..."), or the items of a
 *              list whose lead-in makes them conditions ("... als de
 *              belanghebbende en: a. ...; of b. ..."); with its connective:
 *              cumulative "en" or alternative "of";
 *   time       a time reference (peildatum, berekeningsjaar, t-2, ...);
 *   reference  a provision it leans on ("artikel 5a van de Algemene wet
 *              inzake rijksbelastingen").
 *
 * The phrases that mark exclusions, conditions, time references,
 * connectives and references are data (lexicon/compare.txt), loaded once
 * into a bg_cmp_phrases.  Each component carries a key: the stemmed words
 * of its text without the marker and without function words, so that the
 * same criterion in other words ("partners" / "partner", "met uitzondering
 * van" / "tenzij") still matches.
 *
 * Ownership: a bg_components owns its array and keys; release it with
 * bg_components_release().  A loaded bg_cmp_phrases is immutable and may be
 * shared by threads (a bg_norm may not: one per thread).
 */
#ifndef BG_COMPONENTS_H
#define BG_COMPONENTS_H

#include "bg.h"
#include "norm.h"

typedef enum bg_comp_kind {
	BG_COMP_ITEM = 0,
	BG_COMP_EXCLUSION,
	BG_COMP_CONDITION,
	BG_COMP_TIME,
	BG_COMP_REFERENCE,
	BG_COMP__COUNT
} bg_comp_kind;

/* "item", "exclusion", "condition", "time", "reference". */
const char *bg_comp_kind_name(bg_comp_kind k);

typedef enum bg_conj {
	BG_CONJ_NONE = 0,
	BG_CONJ_EN,   /* cumulative */
	BG_CONJ_OF    /* alternative */
} bg_conj;

/* "", "en", "of". */
const char *bg_conj_name(bg_conj c);

typedef struct bg_comp {
	bg_comp_kind kind;
	bg_conj conj;        /* the connective of its list / condition, or NONE */
	uint32_t start, len; /* span in the definition text */
	char *key;           /* comparison key (TIME: the lexicon phrase) */
} bg_comp;

typedef struct bg_components {
	bg_comp *v;
	size_t n, alloc;
	bg_conj list_conj;   /* connective of the definition's list, if any */
} bg_components;

#define BG_COMPONENTS_INIT { NULL, 0, 0, BG_CONJ_NONE }

typedef struct bg_cmp_phrases bg_cmp_phrases;

/* $BEGRIP_COMPARE_LEXICON, else "lexicon/compare.txt". */
const char *bg_cmp_phrases_default_path(void);
/* Loads the phrase file; BG_ERR_IO / BG_ERR_FORMAT (with FILE:LINE in d)
 * / BG_ERR_NOMEM.  nm is used to tokenise the phrases the way texts are
 * tokenised. */
bg_status bg_cmp_phrases_load(const char *path, bg_norm *nm,
			      bg_cmp_phrases **out, bg_diag *d);
bg_status bg_cmp_phrases_parse(const char *text, size_t len, const char *name,
			       bg_norm *nm, bg_cmp_phrases **out, bg_diag *d);
void bg_cmp_phrases_free(bg_cmp_phrases *p);
/* True when the folded word w is a function word of the phrase file. */
bool bg_cmp_phrases_is_stop(const bg_cmp_phrases *p, const char *w);

/* Splits text[0..n) into components (out is cleared first).  Components
 * come in text order; identical (kind, key) pairs are kept once. */
bg_status bg_components_split(bg_norm *nm, const bg_cmp_phrases *p,
			      const char *text, size_t n, bg_components *out);
void bg_components_release(bg_components *c);

/* Similarity of two component keys in [0,1]: the Dice coefficient of
 * their word sets (1 = same words). */
double bg_comp_similarity(const char *ka, const char *kb);

#endif
