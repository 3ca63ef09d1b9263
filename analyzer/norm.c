/*
 * norm.c -- Dutch text normalisation: ICU word boundaries (UAX #29, nl),
 * utf8proc folding (NFC, case fold, diacritics stripped), Snowball Dutch
 * stemming.
 *
 * ICU walks the UTF-8 text through a UText, so break positions are byte
 * offsets into the source and no UTF-16 copy is made.  Folding takes a fast
 * path for ASCII words (most of the law text) and hands anything else to
 * utf8proc_map.  The stemmer is Snowball's "dutch" algorithm from
 * libstemmer, the one the Snowball project publishes for Dutch.
 */
#include "norm.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <utf8proc.h>

struct bg_norm {
	UBreakIterator *bi;
	struct sb_stemmer *stemmer;
	bg_buf word;   /* scratch: folded word */
};

bg_norm *bg_norm_new(void)
{
	UErrorCode err = U_ZERO_ERROR;
	bg_norm *nm = calloc(1, sizeof *nm);

	if (!nm)
		return NULL;
	nm->bi = ubrk_open(UBRK_WORD, "nl", NULL, 0, &err);
	nm->stemmer = sb_stemmer_new("dutch", "UTF_8");
	bg_buf_init(&nm->word);
	if (U_FAILURE(err) || !nm->bi || !nm->stemmer) {
		bg_norm_free(nm);
		return NULL;
	}
	return nm;
}

void bg_norm_free(bg_norm *nm)
{
	if (!nm)
		return;
	if (nm->bi)
		ubrk_close(nm->bi);
	if (nm->stemmer)
		sb_stemmer_delete(nm->stemmer);
	bg_buf_release(&nm->word);
	free(nm);
}

static bool is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

bg_status bg_norm_fold(const char *s, size_t n, unsigned flags, bg_buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r;
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				UTF8PROC_IGNORE;

	if (is_ascii(s, n)) {
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			bg_buf_addc(out, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
		}
		return bg_buf_ok(out) ? BG_OK : BG_ERR_NOMEM;
	}
	if (!(flags & BG_NORM_KEEP_MARKS))
		opt |= UTF8PROC_STRIPMARK;
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst, opt);
	if (r < 0) {
		/* invalid UTF-8 cannot come from the reader; keep the bytes */
		bg_buf_add(out, s, n);
		return BG_ERR_FORMAT;
	}
	bg_buf_add(out, (const char *)dst, (size_t)r);
	free(dst);
	return bg_buf_ok(out) ? BG_OK : BG_ERR_NOMEM;
}

static bool ends_with(const char *w, size_t n, const char *suf, size_t *cut)
{
	size_t k = strlen(suf);

	if (n < k || memcmp(w + n - k, suf, k))
		return false;
	*cut = k;
	return true;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/*
 * Snowball's Dutch stemmer leaves diminutives alone ("partnertje" ->
 * "partnertj"), so they are undone first: -etje(s) after a doubled
 * consonant, -tje(s), -pje(s) after m, -kje(s) after n, and -je(s) after
 * another consonant, keeping at least three letters.  Applied the same
 * way to terms and text, an occasional non-diminutive "-je" word is cut
 * consistently and still matches itself.
 */
#define NG_FLAG ((size_t)1 << (sizeof(size_t) * 8 - 1))

static size_t undo_diminutive(const char *w, size_t n)
{
	size_t cut = 0, m;

	if (n < 6)
		return n;
	m = n;
	if (w[m - 1] == 's')
		m--;
	if (m < 5 || w[m - 2] != 'j' || w[m - 1] != 'e')
		return n;
	if (ends_with(w, m, "etje", &cut) && m - cut >= 3 &&
	    w[m - cut - 1] == w[m - cut - 2] && !is_vowel(w[m - cut - 1]))
		return m - cut - 1; /* balletje -> bal */
	if (ends_with(w, m, "tje", &cut) && m - cut >= 3)
		return m - cut;
	if (ends_with(w, m, "pje", &cut) && w[m - cut - 1] == 'm')
		return m - cut;
	if (ends_with(w, m, "kje", &cut) && w[m - cut - 1] == 'n')
		return (m - cut) | NG_FLAG; /* woninkje -> woning */
	if (m - 2 >= 3 && !is_vowel(w[m - 3]) && w[m - 3] != 'i')
		return m - 2; /* huisje -> huis */
	return n;
}

void bg_norm_stem(bg_norm *nm, const char *w, size_t n, bg_buf *out)
{
	const sb_symbol *st;
	char tmp[256];

	n = undo_diminutive(w, n);
	if ((n & NG_FLAG) && (n & ~NG_FLAG) < sizeof tmp - 1) {
		/* "-inkje": the diminutive of "-ing" */
		n &= ~NG_FLAG;
		memcpy(tmp, w, n);
		tmp[n - 1] = 'n';
		tmp[n++] = 'g';
		w = tmp;
	}
	n &= ~NG_FLAG;
	/* Snowball removes either the plural -s or the -en ending, never
	 * both: "inkomens" -> "inkomen" but "inkomen" -> "inkom".  Dropping
	 * the -s of "-ens" first makes the plural meet its singular. */
	if (n > 5 && w[n - 1] == 's' && w[n - 2] == 'n' && w[n - 3] == 'e')
		n--;
	st = sb_stemmer_stem(nm->stemmer, (const sb_symbol *)w, (int)n);

	if (!st) {
		bg_buf_add(out, w, n);
		return;
	}
	bg_buf_add(out, (const char *)st, (size_t)sb_stemmer_length(nm->stemmer));
}

static bool push_tok(bg_toklist *l, size_t start, size_t len, size_t key_off)
{
	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 64;
		bg_tok *v = realloc(l->v, na * sizeof *v);
		if (!v)
			return false;
		l->v = v;
		l->alloc = na;
	}
	l->v[l->n].start = (uint32_t)start;
	l->v[l->n].len = (uint32_t)len;
	l->v[l->n].key_off = (uint32_t)key_off;
	l->v[l->n].key_len = (uint32_t)(l->keys.len - key_off);
	l->n++;
	bg_buf_addc(&l->keys, '\0');
	return true;
}

bg_status bg_norm_tokens(bg_norm *nm, const char *s, size_t n, unsigned flags,
			 bg_toklist *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut;
	int32_t start, end;

	out->n = 0;
	bg_buf_clear(&out->keys);
	if (n > UINT32_MAX / 2)
		return BG_ERR_LIMIT;
	ut = utext_openUTF8(NULL, s, (int64_t)n, &err);
	if (U_FAILURE(err))
		return BG_ERR_FORMAT;
	ubrk_setUText(nm->bi, ut, &err);
	if (U_FAILURE(err)) {
		utext_close(ut);
		return BG_ERR_FORMAT;
	}
	start = ubrk_first(nm->bi);
	for (end = ubrk_next(nm->bi); end != UBRK_DONE; start = end, end = ubrk_next(nm->bi)) {
		int32_t status = ubrk_getRuleStatus(nm->bi);
		size_t len = (size_t)(end - start), key_off = out->keys.len;
		const char *w = s + start;
		bool letter = status >= UBRK_WORD_LETTER;
		bool number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;

		if (!letter && !number) {
			/* spaces and punctuation */
			if ((flags & BG_NORM_PUNCT) && len && !(w[0] == ' ' || w[0] == '\n' ||
								 w[0] == '\t' || w[0] == '\r')) {
				bg_buf_add(&out->keys, w, len);
				if (!push_tok(out, (size_t)start, len, key_off))
					goto nomem;
			}
			continue;
		}
		if (number && !(flags & BG_NORM_NUMBERS))
			continue;
		if (letter && (flags & BG_NORM_STEM)) {
			bg_buf_clear(&nm->word);
			bg_norm_fold(w, len, flags, &nm->word);
			bg_norm_stem(nm, nm->word.s, nm->word.len, &out->keys);
		} else {
			bg_norm_fold(w, len, flags, &out->keys);
		}
		if (!push_tok(out, (size_t)start, len, key_off))
			goto nomem;
	}
	/* detach the iterator from the text before it goes away */
	ubrk_setText(nm->bi, NULL, 0, &err);
	utext_close(ut);
	return bg_buf_ok(&out->keys) ? BG_OK : BG_ERR_NOMEM;
nomem:
	err = U_ZERO_ERROR;
	ubrk_setText(nm->bi, NULL, 0, &err);
	utext_close(ut);
	return BG_ERR_NOMEM;
}

void bg_toklist_release(bg_toklist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
	bg_buf_release(&l->keys);
}

bg_status bg_norm_key(bg_norm *nm, const char *s, size_t n, unsigned flags,
		      bg_buf *out)
{
	bg_toklist l = BG_TOKLIST_INIT;
	bg_status st = bg_norm_tokens(nm, s, n, flags & ~(unsigned)BG_NORM_PUNCT, &l);

	for (size_t i = 0; st == BG_OK && i < l.n; i++) {
		if (i)
			bg_buf_addc(out, ' ');
		bg_buf_add(out, bg_tok_key(&l, i), l.v[i].key_len);
	}
	bg_toklist_release(&l);
	if (st == BG_OK && !bg_buf_ok(out))
		st = BG_ERR_NOMEM;
	return st;
}
