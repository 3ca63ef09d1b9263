/*
 * check_norm.c -- normalisation: folding, word boundaries, stemming,
 * diminutives, offsets.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"

static bg_norm *nm;

static void setup(void)
{
	nm = bg_norm_new();
	ck_assert_ptr_nonnull(nm);
}

static void teardown(void)
{
	bg_norm_free(nm);
}

static char *key(const char *s, unsigned flags)
{
	bg_buf b = BG_BUF_INIT;

	ck_assert_int_eq(bg_norm_key(nm, s, strlen(s), flags, &b), BG_OK);
	return bg_buf_detach(&b);
}

#define ASSERT_KEY(in, flags, want) do { \
	char *k_ = key(in, flags); \
	ck_assert_str_eq(k_, want); \
	free(k_); \
} while (0)

START_TEST(fold_case_and_marks)
{
	ASSERT_KEY("FINANCIËLE Financiële financiele", 0, "financiele financiele financiele");
	ASSERT_KEY("Financiële", BG_NORM_KEEP_MARKS, "financiële");
	/* NFC: e + combining diaeresis is the same word */
	ASSERT_KEY("financie\xcc\x88le", 0, "financiele");
}
END_TEST

START_TEST(plural_diminutive_inflection)
{
	char *a = key("partner", BG_NORM_STEM);
	ASSERT_KEY("partners", BG_NORM_STEM, a);
	ASSERT_KEY("partnertje", BG_NORM_STEM, a);
	ASSERT_KEY("Partnertjes", BG_NORM_STEM, a);
	free(a);
	a = key("toetsingsinkomen", BG_NORM_STEM);
	ASSERT_KEY("toetsingsinkomens", BG_NORM_STEM, a);
	free(a);
	a = key("woning", BG_NORM_STEM);
	ASSERT_KEY("woningen", BG_NORM_STEM, a);
	ASSERT_KEY("woninkje", BG_NORM_STEM, "woning");
	free(a);
	a = key("kind", BG_NORM_STEM);
	ASSERT_KEY("kinderen", BG_NORM_STEM, "kinder");
	free(a);
	/* "-ije" is not a diminutive */
	ASSERT_KEY("partije", BG_NORM_STEM, "partij");
	ASSERT_KEY("huisje", BG_NORM_STEM, "huis");
	ASSERT_KEY("balletje", BG_NORM_STEM, "bal");
}
END_TEST

START_TEST(words_numbers_punct)
{
	ASSERT_KEY("artikel 3a, eerste lid, onder 1°", 0, "artikel 3a eerste lid onder");
	ASSERT_KEY("artikel 3a, eerste lid, onder 1°", BG_NORM_NUMBERS, "artikel 3a eerste lid onder 1");
	ASSERT_KEY("en/of", 0, "en of");
	ASSERT_KEY("", 0, "");
	ASSERT_KEY(" ;:. ", 0, "");
}
END_TEST

START_TEST(offsets_point_into_source)
{
	const char *s = "Onder partner wordt verstaan: de echtgenoot.";
	bg_toklist l = BG_TOKLIST_INIT;

	ck_assert_int_eq(bg_norm_tokens(nm, s, strlen(s), BG_NORM_PUNCT, &l), BG_OK);
	ck_assert_uint_eq(l.n, 8);
	ck_assert_int_eq(strncmp(s + l.v[1].start, "partner", l.v[1].len), 0);
	ck_assert_str_eq(bg_tok_key(&l, 0), "onder");
	ck_assert_str_eq(bg_tok_key(&l, 4), ":");
	ck_assert_str_eq(bg_tok_key(&l, 7), ".");
	/* reuse clears */
	ck_assert_int_eq(bg_norm_tokens(nm, "één", 5, 0, &l), BG_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(bg_tok_key(&l, 0), "een");
	bg_toklist_release(&l);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("norm");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fold_case_and_marks);
	tcase_add_test(tc, plural_diminutive_inflection);
	tcase_add_test(tc, words_numbers_punct);
	tcase_add_test(tc, offsets_point_into_source);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
