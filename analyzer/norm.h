/*
 * norm.h -- Dutch text normalisation for matching.
 *
 *   - utf8proc: NFC, case folding, and (for keys) removal of diacritics, so
 *     "Financiële", "financiele" and "FINANCIËLE" meet;
 *   - ICU word break iterator (nl locale): word boundaries, so that
 *     punctuation, "1°", "t-2" and abbreviations split the way Unicode says;
 *   - Snowball's Dutch stemmer (libstemmer): "partners", "partnertje" and
 *     "partner" share a stem.
 *
 * A bg_norm holds an ICU break iterator and a stemmer, neither of which
 * is thread-safe: make one per thread.  Tokens carry byte offsets into the
 * source text so that callers (diffs, highlighting) can quote the original.
 */
#ifndef BG_NORM_H
#define BG_NORM_H

#include "bg.h"

typedef struct bg_norm bg_norm;

enum {
	BG_NORM_STEM = 1u << 0,      /* stem each word (Snowball Dutch) */
	BG_NORM_KEEP_MARKS = 1u << 1,/* keep diacritics (default: strip) */
	BG_NORM_NUMBERS = 1u << 2,   /* keep number tokens (default: keep letters only... see below) */
	BG_NORM_PUNCT = 1u << 3      /* also emit punctuation tokens (";", ":", ",") */
};
/* Without BG_NORM_NUMBERS, tokens that contain no letter are dropped;
 * with it they are kept as written (folded). */

/* NULL on failure (ICU or stemmer not available). */
bg_norm *bg_norm_new(void);
void bg_norm_free(bg_norm *nm);

/* One token: [start, start+len) in the source, its key in the list's
 * `keys` buffer at [key_off, key_off+key_len) (NUL-terminated there). */
typedef struct bg_tok {
	uint32_t start, len;
	uint32_t key_off, key_len;
} bg_tok;

typedef struct bg_toklist {
	bg_tok *v;
	size_t n, alloc;
	bg_buf keys;
} bg_toklist;

#define BG_TOKLIST_INIT { NULL, 0, 0, BG_BUF_INIT }

/* Tokenises s[0..n) (valid UTF-8) into `out` (cleared first). */
bg_status bg_norm_tokens(bg_norm *nm, const char *s, size_t n, unsigned flags,
			 bg_toklist *out);
static inline const char *bg_tok_key(const bg_toklist *l, size_t i)
{
	return l->keys.s + l->v[i].key_off;
}
void bg_toklist_release(bg_toklist *l);

/* The keys of s joined by single spaces, appended to out: the canonical
 * form for comparing wordings ("Partners, in de zin van" -> "partner in
 * de zin van" with BG_NORM_STEM). */
bg_status bg_norm_key(bg_norm *nm, const char *s, size_t n, unsigned flags,
		      bg_buf *out);

/* Folds s (NFC, case fold, diacritics stripped unless KEEP_MARKS) into
 * out without tokenising. */
bg_status bg_norm_fold(const char *s, size_t n, unsigned flags, bg_buf *out);

/*
 * The memo: while on, bg_norm_tokens (and so bg_norm_key) remembers the
 * token list of each text it has made (found by content and flags) and
 * hands a copy back when asked again, so that the stages that read one
 * parsed document (definitions, candidates) tokenise each text block
 * once, and the versions of a law that follow each other share the
 * blocks they have in common.  It holds up to 8 MB and then starts
 * again; turning it on again keeps what it holds, off frees it.  Off by
 * default.
 */
void bg_norm_memo(bg_norm *nm, bool on);

/* Tests: true makes nm segment everything with ICU, bypassing the ASCII
 * path (the two must agree; check_norm.c compares them). */
void bg_norm_set_icu_only(bg_norm *nm, bool on);

/* Stems one folded word into out (appends). */
void bg_norm_stem(bg_norm *nm, const char *w, size_t n, bg_buf *out);
/* The same without the stem cache, for callers that stem each distinct
 * word once anyway (their own word table): a cache lookup there only
 * ever misses.  Same result. */
void bg_norm_stem_fresh(bg_norm *nm, const char *w, size_t n, bg_buf *out);


/*
 * Stem starts: whether a text can hold a word whose stem is one of a set,
 * answered from the text's bytes alone, without tokenising or stemming.
 * Every word that Snowball's Dutch stemmer (with this file's diminutive
 * and "-ens" steps) takes to the stem K starts, once folded, with K less
 * its last letter: the stemmer deletes endings, undoubles a final
 * consonant, and undoubles the vowel before the last letter ("maan" ->
 * "man").  The one replacement it makes, "-heden" -> "-heid", differs
 * from the word in its last two letters, so a stem ending in "heid"
 * keeps two fewer.  bg_norm_stem_prefix gives that length;
 * tests/unit/check_norm.c holds it against every word of the corpus.
 *
 * bg_stemstarts_maybe looks at each place where a word can start (the
 * text's start, or after a byte that is no ASCII letter, digit, '_' or
 * '@': those join the bytes around them into one word) for one of the
 * prefixes, compared without case.  It answers true whenever the bytes
 * cannot tell: a non-ASCII byte inside a prefix's reach, or a word that
 * starts with a character that folds to ASCII or to nothing.  False means
 * no word of the text, as bg_norm_tokens(BG_NORM_STEM) makes them, has
 * one of the stems.
 */
typedef struct bg_stemstarts bg_stemstarts;

size_t bg_norm_stem_prefix(const char *stem, size_t n);
bg_stemstarts *bg_stemstarts_new(void);
void bg_stemstarts_free(bg_stemstarts *s);
/* Adds one stem (a word's key, as bg_norm_tokens makes it with
 * BG_NORM_STEM).  False when out of memory. */
bool bg_stemstarts_add(bg_stemstarts *s, const char *stem, size_t n);
bool bg_stemstarts_maybe(const bg_stemstarts *s, const char *text, size_t n);

#endif
