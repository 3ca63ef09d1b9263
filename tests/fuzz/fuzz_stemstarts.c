/*
 * fuzz_stemstarts.c -- libFuzzer target for the stem-start prefilter
 * (bg_stemstarts, norm.h), which decides from a text's bytes alone that
 * none of its words can have one of a set of stems, so that the text is
 * not tokenised.  A wrong "no" would lose a use silently, so the target
 * checks the promise itself:
 *
 *   the input's first line holds words; their stems (bg_norm_tokens with
 *   BG_NORM_STEM) make the set; the rest is the text.  When
 *   bg_stemstarts_maybe says no, no token of the text may have a stem of
 *   the set -- else abort.
 *
 * Inputs that are not valid UTF-8 are skipped (the reader never hands
 * such text to the tokeniser).  Inputs are capped at 4 KB.
 */
#include "norm.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool valid_utf8(const uint8_t *s, size_t n)
{
	utf8proc_int32_t cp;

	for (size_t i = 0; i < n;) {
		utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp == 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bg_norm *nm;
	const uint8_t *nl;
	const char *words, *text;
	size_t nwords, ntext;
	bg_toklist tl = BG_TOKLIST_INIT, stems = BG_TOKLIST_INIT;
	bg_stemstarts *ss;

	if (size > 4096 || !valid_utf8(data, size))
		return 0;
	if (!nm && !(nm = bg_norm_new()))
		abort();
	nl = memchr(data, '\n', size);
	words = (const char *)data;
	nwords = nl ? (size_t)(nl - data) : size;
	text = nl ? (const char *)nl + 1 : "";
	ntext = nl ? size - nwords - 1 : 0;
	if (!(ss = bg_stemstarts_new()))
		abort();
	if (bg_norm_tokens(nm, words, nwords, BG_NORM_STEM, &stems) != BG_OK)
		goto done;
	for (size_t i = 0; i < stems.n; i++)
		if (!bg_stemstarts_add(ss, bg_tok_key(&stems, i), stems.v[i].key_len))
			abort();
	if (bg_stemstarts_maybe(ss, text, ntext) ||
	    bg_norm_tokens(nm, text, ntext, BG_NORM_STEM, &tl) != BG_OK)
		goto done;
	for (size_t i = 0; i < tl.n; i++)
		for (size_t j = 0; j < stems.n; j++)
			if (tl.v[i].key_len == stems.v[j].key_len &&
			    !memcmp(bg_tok_key(&tl, i), bg_tok_key(&stems, j), tl.v[i].key_len))
				abort();   /* a word with a stem of the set, passed by */
done:
	bg_toklist_release(&tl);
	bg_toklist_release(&stems);
	bg_stemstarts_free(ss);
	return 0;
}
