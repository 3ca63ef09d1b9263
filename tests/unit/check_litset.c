/*
 * check_litset.c -- literal presence (litset.c) against a naive memmem
 * over overlapping literals, literals inside others, non-ASCII bytes and
 * random texts; anchored literals against prefix and suffix comparison.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "litset.h"

static void naive(const char *const *lits, size_t nl, const char *s, size_t n, uint64_t *bits,
		  size_t nw)
{
	memset(bits, 0, nw * sizeof *bits);
	for (size_t i = 0; i < nl; i++)
		if (memmem(s, n, lits[i], strlen(lits[i])))
			bits[i / 64] |= (uint64_t)1 << (i % 64);
}

START_TEST(classic_overlaps)
{
	static const char *const lits[] = { "he", "she", "his", "hers", "verst", "verstaan",
					    "onder:", "is:", ":", "\xc3\xab", "e" };
	const size_t nl = sizeof lits / sizeof *lits;
	bg_litset *ls = bg_litset_new();
	uint64_t got[4], want[4];
	static const char *const texts[] = {
		"ushers", "", "h", "wordt verstaan onder:", "verstan", "financi\xc3\xable",
		"his hers she", "x:y", "ververstaan",
	};

	ck_assert_ptr_nonnull(ls);
	for (size_t i = 0; i < nl; i++)
		ck_assert_int_eq(bg_litset_add(ls, lits[i], strlen(lits[i])), (long)i);
	ck_assert_int_eq(bg_litset_add(ls, "she", 3), 1);     /* the same index again */
	ck_assert_int_eq(bg_litset_add(ls, "", 0), -1);
	ck_assert_int_eq(bg_litset_build(ls), BG_OK);
	ck_assert_int_eq(bg_litset_add(ls, "late", 4), -1);   /* built: closed */
	ck_assert_int_eq(bg_litset_find(ls, "hers", 4), 3);
	ck_assert_int_eq(bg_litset_find(ls, "her", 3), -1);
	ck_assert_uint_eq(bg_litset_count(ls), nl);
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		size_t n = strlen(texts[t]);
		bg_litset_scan(ls, texts[t], n, got);
		naive(lits, nl, texts[t], n, want, bg_litset_words(ls));
		for (size_t w = 0; w < bg_litset_words(ls); w++)
			ck_assert_msg(got[w] == want[w], "text \"%s\" word %zu: %llx, naive %llx",
				      texts[t], w, (unsigned long long)got[w],
				      (unsigned long long)want[w]);
	}
	/* "ushers": she, he, hers; not his */
	bg_litset_scan(ls, "ushers", 6, got);
	ck_assert(bg_litset_has(got, 0) && bg_litset_has(got, 1) && bg_litset_has(got, 3));
	ck_assert(!bg_litset_has(got, 2));
	bg_litset_free(ls);
}
END_TEST

/* A random literal of min..max bytes over the alphabet abc (malloc'd). */
static char *random_lit(size_t min, size_t max, const char *abc, unsigned *seed)
{
	size_t len = min + (size_t)rand_r(seed) % (max - min + 1), nabc = strlen(abc);
	char *l = malloc(len + 1);

	ck_assert_ptr_nonnull(l);
	for (size_t k = 0; k < len; k++)
		l[k] = abc[(size_t)rand_r(seed) % nabc];
	l[len] = 0;
	return l;
}

/* Up to 130 distinct random literals over a 3-letter alphabet (more
 * than one word of bits) against random texts. */
START_TEST(random_against_memmem)
{
	enum { NL = 130 };
	char *lits[NL];
	bg_litset *ls = bg_litset_new();
	uint64_t got[3], want[3];
	unsigned seed = 12345;
	size_t nl = 0;

	for (size_t i = 0; i < NL; i++) {
		char *l = random_lit(1, 6, "abc", &seed);
		if (bg_litset_add(ls, l, strlen(l)) == (long)nl)
			lits[nl++] = l;
		else
			free(l);
	}
	ck_assert_int_eq(bg_litset_build(ls), BG_OK);
	ck_assert_uint_eq(bg_litset_words(ls), nl / 64 + 1);
	ck_assert_uint_gt(nl, 64);
	for (int t = 0; t < 2000; t++) {
		char text[40];
		size_t n = (size_t)(rand_r(&seed) % sizeof text);
		for (size_t k = 0; k < n; k++)
			text[k] = "abcx"[rand_r(&seed) % 4];
		bg_litset_scan(ls, text, n, got);
		naive((const char *const *)lits, nl, text, n, want, bg_litset_words(ls));
		ck_assert_int_eq(memcmp(got, want, bg_litset_words(ls) * sizeof *got), 0);
	}
	for (size_t i = 0; i < nl; i++)
		free(lits[i]);
	bg_litset_free(ls);
}
END_TEST

/* 400 literals of 8 bytes over 40 letters: some 2,800 states of 40
 * classes, more row offsets than 16 bits hold (the scan's 32-bit table);
 * texts made of pieces of the literals and random letters, against
 * memmem. */
START_TEST(wide_automaton_against_memmem)
{
	enum { NL = 400, LEN = 8, NW = NL / 64 + 1 };
	static const char abc[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
	char *lits[NL];
	bg_litset *ls = bg_litset_new();
	uint64_t got[NW], want[NW];
	unsigned seed = 777;
	size_t nl = 0, hits = 0;

	for (size_t i = 0; i < NL; i++) {
		char *l = random_lit(LEN, LEN, abc, &seed);
		if (bg_litset_add(ls, l, LEN) == (long)nl)
			lits[nl++] = l;
		else
			free(l);
	}
	ck_assert_int_eq(bg_litset_build(ls), BG_OK);
	ck_assert_uint_eq(bg_litset_words(ls), NW);
	for (int t = 0; t < 2000; t++) {
		char text[200];
		size_t n = 0;
		while (n + LEN < sizeof text && rand_r(&seed) % 8) {
			if (rand_r(&seed) % 2) {
				const char *l = lits[rand_r(&seed) % nl];
				size_t from = (size_t)(rand_r(&seed) % 3), k = LEN - from;
				memcpy(text + n, l + from, k);   /* whole or a tail */
				n += k;
			} else {
				text[n++] = abc[rand_r(&seed) % 40];
			}
		}
		bg_litset_scan(ls, text, n, got);
		naive((const char *const *)lits, nl, text, n, want, NW);
		ck_assert_int_eq(memcmp(got, want, sizeof got), 0);
		for (size_t w = 0; w < NW; w++)
			hits += (size_t)__builtin_popcountll(want[w]);
	}
	ck_assert_uint_gt(hits, 1000);
	for (size_t i = 0; i < nl; i++)
		free(lits[i]);
	bg_litset_free(ls);
}
END_TEST

/* Literals anchored at the start or end of the text, mixed with free
 * ones (the same bytes in each of the three roles), against prefix,
 * suffix and memmem on random texts. */
START_TEST(anchored_against_naive)
{
	enum { NL = 60 };
	char *lits[NL + 1];
	bg_lit_anchor at[NL + 1];
	bg_litset *ls = bg_litset_new();
	uint64_t got[2];
	unsigned seed = 777;
	size_t nl = 0, starts = 0, ends = 0;

	for (size_t i = 0; i < NL; i++) {
		bg_lit_anchor a = (bg_lit_anchor)(rand_r(&seed) % 3);
		char *l = random_lit(1, 4, "ab:", &seed);
		if (bg_litset_add_at(ls, l, strlen(l), a) == (long)nl) {
			at[nl] = a;
			lits[nl++] = l;
		} else {
			free(l);
		}
	}
	/* the same bytes anchored differently are different literals */
	ck_assert_int_ge(bg_litset_add_at(ls, "ab", 2, BG_LIT_START), 0);
	ck_assert_int_ne(bg_litset_find_at(ls, "ab", 2, BG_LIT_START),
			 bg_litset_find_at(ls, "ab", 2, BG_LIT_END));
	lits[nl] = strdup("ab");
	at[nl++] = BG_LIT_START;
	ck_assert_int_eq(bg_litset_build(ls), BG_OK);
	for (int t = 0; t < 3000; t++) {
		char text[12];
		size_t n = (size_t)(rand_r(&seed) % sizeof text);
		for (size_t k = 0; k < n; k++)
			text[k] = "ab:x"[rand_r(&seed) % 4];
		bg_litset_scan(ls, text, n, got);
		for (size_t i = 0; i < nl; i++) {
			size_t m = strlen(lits[i]);
			bool want = at[i] == BG_LIT_START ? m <= n && !memcmp(text, lits[i], m)
				  : at[i] == BG_LIT_END ? m <= n && !memcmp(text + n - m, lits[i], m)
				  : memmem(text, n, lits[i], m) != NULL;
			if (bg_litset_find_at(ls, lits[i], m, at[i]) != (long)i)
				continue;   /* the extra "ab" may repeat an earlier one */
			ck_assert_msg(bg_litset_has(got, i) == want, "\"%.*s\" literal %zu \"%s\" (%d)",
				      (int)n, text, i, lits[i], (int)at[i]);
			starts += want && at[i] == BG_LIT_START;
			ends += want && at[i] == BG_LIT_END;
		}
	}
	ck_assert_uint_gt(starts, 100);
	ck_assert_uint_gt(ends, 100);
	for (size_t i = 0; i < nl; i++)
		free(lits[i]);
	bg_litset_free(ls);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("litset");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, classic_overlaps);
	tcase_add_test(tc, random_against_memmem);
	tcase_add_test(tc, anchored_against_naive);
	tcase_add_test(tc, wide_automaton_against_memmem);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
