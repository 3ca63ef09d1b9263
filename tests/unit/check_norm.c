/*
 * check_norm.c -- normalisation: folding, word boundaries, stemming,
 * diminutives, offsets.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_walk.h"
#include "norm.h"

#include <stdio.h>

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

/* ----------------------------------------- ASCII path against ICU */

/* Both paths over s; every token (offsets, key) must agree. */
static void same_tokens(const char *s, size_t n, unsigned flags)
{
	bg_toklist a = BG_TOKLIST_INIT, b = BG_TOKLIST_INIT;

	bg_norm_set_icu_only(nm, false);
	ck_assert_int_eq(bg_norm_tokens(nm, s, n, flags, &a), BG_OK);
	bg_norm_set_icu_only(nm, true);
	ck_assert_int_eq(bg_norm_tokens(nm, s, n, flags, &b), BG_OK);
	bg_norm_set_icu_only(nm, false);
	ck_assert_msg(a.n == b.n, "\"%.*s\" flags %u: %zu tokens, ICU %zu", (int)n, s, flags,
		      a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		ck_assert_msg(a.v[i].start == b.v[i].start && a.v[i].len == b.v[i].len &&
			      !strcmp(bg_tok_key(&a, i), bg_tok_key(&b, i)),
			      "\"%.*s\" flags %u token %zu: [%u+%u] '%s', ICU [%u+%u] '%s'",
			      (int)n, s, flags, i, a.v[i].start, a.v[i].len, bg_tok_key(&a, i),
			      b.v[i].start, b.v[i].len, bg_tok_key(&b, i));
	}
	bg_toklist_release(&a);
	bg_toklist_release(&b);
}

static const unsigned all_flags[] = {
	0, BG_NORM_STEM, BG_NORM_NUMBERS | BG_NORM_PUNCT,
	BG_NORM_STEM | BG_NORM_NUMBERS | BG_NORM_PUNCT,
};

START_TEST(ascii_path_edge_cases)
{
	static const char *const cases[] = {
		"a_1", "1_a", "_", "__", "_a_", "a__b", "1__2", "a_", "_1", "1_", "a_1_b",
		"a.b", "a..b", "a.b.c.d", "A.B", "ab.", ".ab", "e.d.", "n.v.t.", "1.5", "1,5",
		"1;5", "1'5", "1.a", "a.1", "a,b", "a;b", "a:b", "12:30", "3a", "a3", "a'b",
		"auto's", "x.'y", "a'.b", "art.3", "3.4.5", "1.,2", "t-2", "a-b", "e-mail",
		"\r\n", "\r\r\n", "\n\r", "a\tb", "a\t\tb", "x  y", "  ", " a ", "a\vb\fc",
		"1 ° x", "financiële", "één of 2", "FINANCIËLE  .a", "a \xcc\x81", "\xc2\xa0" "a b",
		"artikel 2:1, eerste lid, onder a, van de Wet IB 2001", "5%", "$5", "a/b", "(a)",
		"\"quoted\" 'single'", "a' b", "'a", "a'", "1'", "'1", "x.", "1.", ".1", "-1",
		"ASCII then é", "é then ASCII words", "a\xe2\x80\x99" "s", "50,-", "€ 2.269,00",
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		for (size_t f = 0; f < sizeof all_flags / sizeof *all_flags; f++)
			same_tokens(cases[i], strlen(cases[i]), all_flags[f]);
}
END_TEST

/* The memo hands back what it made, and never a list of another text
 * that once sat at the same address. */
START_TEST(memo_same_text_only)
{
	char scratch[64];
	bg_toklist a = BG_TOKLIST_INIT;

	bg_norm_memo(nm, true);
	snprintf(scratch, sizeof scratch, "de partners van het huishouden");
	ck_assert_int_eq(bg_norm_tokens(nm, scratch, strlen(scratch), BG_NORM_STEM, &a), BG_OK);
	ck_assert_uint_eq(a.n, 5);
	ck_assert_str_eq(bg_tok_key(&a, 1), "partner");
	ck_assert_int_eq(bg_norm_tokens(nm, scratch, strlen(scratch), BG_NORM_STEM, &a), BG_OK);
	ck_assert_uint_eq(a.n, 5);
	ck_assert_str_eq(bg_tok_key(&a, 4), "huishoud");
	/* same address, same length, other words */
	snprintf(scratch, sizeof scratch, "het vermogen van de echtgenoten");
	ck_assert_int_eq(bg_norm_tokens(nm, scratch, strlen(scratch), BG_NORM_STEM, &a), BG_OK);
	ck_assert_uint_eq(a.n, 5);
	ck_assert_str_eq(bg_tok_key(&a, 1), "vermog");
	bg_norm_memo(nm, false);
	ck_assert_int_eq(bg_norm_tokens(nm, scratch, 3, BG_NORM_STEM, &a), BG_OK);
	ck_assert_uint_eq(a.n, 1);
	bg_toklist_release(&a);
}
END_TEST

/* Every string of four characters drawn from one or two members of each
 * ASCII word-break class (letters, '@', digits, '_', MidNumLet, MidNum,
 * ':', spaces, newlines, others): every rule pair and triple. */
START_TEST(ascii_path_exhaustive)
{
	static const char set[] = "aA0_.',;:@ \t\r\n-/x9";
	const size_t ns = sizeof set - 1;
	char s[5] = { 0 };

	for (size_t a = 0; a < ns; a++)
		for (size_t b = 0; b < ns; b++)
			for (size_t c = 0; c < ns; c++)
				for (size_t d = 0; d < ns; d++) {
					s[0] = set[a], s[1] = set[b], s[2] = set[c], s[3] = set[d];
					same_tokens(s, 4, BG_NORM_NUMBERS | BG_NORM_PUNCT);
				}
}
END_TEST

/* Whether a word of text[0..n) has the key `stem` (BG_NORM_STEM tokens). */
static bool has_stem(const char *text, size_t n, const char *stem)
{
	bg_toklist tl = BG_TOKLIST_INIT;
	bool found = false;

	ck_assert_int_eq(bg_norm_tokens(nm, text, n, BG_NORM_STEM, &tl), BG_OK);
	for (size_t i = 0; i < tl.n && !found; i++)
		found = !strcmp(bg_tok_key(&tl, i), stem);
	bg_toklist_release(&tl);
	return found;
}

/* bg_stemstarts_maybe for the stem of `word` on text; it must never say
 * false where a word of text has that stem. */
static bool starts_maybe(const char *word, const char *text)
{
	char *stem = key(word, BG_NORM_STEM);
	bg_stemstarts *ss = bg_stemstarts_new();
	bool maybe;

	ck_assert_ptr_nonnull(ss);
	ck_assert(bg_stemstarts_add(ss, stem, strlen(stem)));
	maybe = bg_stemstarts_maybe(ss, text, strlen(text));
	ck_assert(maybe || !has_stem(text, strlen(text), stem));
	bg_stemstarts_free(ss);
	free(stem);
	return maybe;
}

START_TEST(stem_starts_cases)
{
	ck_assert_uint_eq(bg_norm_stem_prefix("partner", 7), 6);
	ck_assert_uint_eq(bg_norm_stem_prefix("mogelijkheid", 12), 10);
	ck_assert_uint_eq(bg_norm_stem_prefix("", 0), 0);
	/* words that stem to the stem, however written */
	ck_assert(starts_maybe("partner", "De PARTNERS van de aanvrager"));
	ck_assert(starts_maybe("partner", "(partnertje)"));
	ck_assert(starts_maybe("woning", "een woninkje"));
	ck_assert(starts_maybe("maan", "de maan"));         /* "man": a vowel undoubled */
	ck_assert(starts_maybe("heden", "tot heden"));      /* "heid" */
	ck_assert(starts_maybe("inkomen", "het Inkomens-"));
	/* bytes that cannot tell: accents, a folded first letter, an ignorable */
	ck_assert(starts_maybe("financiele", "de financi\xc3\xable gevolgen"));
	ck_assert(starts_maybe("een", "\xc3\x89\xc3\xa9n jaar"));
	ck_assert(starts_maybe("partner", "de par\xc2\xadtner"));
	/* no word can have the stem */
	ck_assert(!starts_maybe("partner", "\xe2\x82\xac 100 voor de aanvrager"));
	ck_assert(!starts_maybe("partner", "de partij en de part_ners"));
	ck_assert(!starts_maybe("partner", "a1partner, x_partner of e@partner"));
	ck_assert(!starts_maybe("partner", "part ner"));
	ck_assert(!starts_maybe("partner", ""));
	/* a stem of one letter keeps no prefix: every text may hold it */
	{
		bg_stemstarts *ss = bg_stemstarts_new();
		ck_assert(bg_stemstarts_add(ss, "a", 1));
		ck_assert(bg_stemstarts_maybe(ss, "xyz", 3));
		bg_stemstarts_free(ss);
	}
}
END_TEST

/* The stemmer keeps bg_norm_stem_prefix of every word's stem, and
 * bg_stemstarts never says false where a word has one of its stems: on
 * every text block of every `stride`-th corpus file
 * ($BEGRIP_NORM_STRIDE, default 7), with about one stem in 128 of the
 * corpus (by hash) as the set, and the lexicon's. */
#define SAMPLED(k, n) (bg_word_hash(k, n) % 128 == 0)

struct starts_walk {
	bg_stemstarts *ss;
	bg_toklist tl;
	bg_buf fold;
	size_t words, blocks, skipped, stems;
	bool collect;
};

static void starts_on_block(const char *path, const bg_node *n, void *ctx)
{
	struct starts_walk *w = ctx;
	bool maybe;

	(void)path;
	ck_assert_int_eq(bg_norm_tokens(nm, n->text, n->text_len, BG_NORM_STEM, &w->tl), BG_OK);
	if (w->collect) {
		for (size_t i = 0; i < w->tl.n; i++) {
			const char *k = bg_tok_key(&w->tl, i);
			size_t kl = w->tl.v[i].key_len, p = bg_norm_stem_prefix(k, kl);
			bg_buf_clear(&w->fold);
			bg_norm_fold(n->text + w->tl.v[i].start, w->tl.v[i].len, 0, &w->fold);
			if (w->fold.len < p || memcmp(w->fold.s, k, p))
				ck_abort_msg("%s: \"%.*s\" has the stem \"%s\" but not its prefix", path,
					     (int)w->tl.v[i].len, n->text + w->tl.v[i].start, k);
			w->words++;
			if (SAMPLED(k, kl)) {
				ck_assert(bg_stemstarts_add(w->ss, k, kl));
				w->stems++;
			}
		}
		return;
	}
	maybe = bg_stemstarts_maybe(w->ss, n->text, n->text_len);
	for (size_t i = 0; !maybe && i < w->tl.n; i++)
		if (SAMPLED(bg_tok_key(&w->tl, i), w->tl.v[i].key_len))
			ck_abort_msg("%s: \"%.*s\" has a stem of the set, but the block was passed by",
				     path, (int)w->tl.v[i].len, n->text + w->tl.v[i].start);
	w->blocks++;
	w->skipped += !maybe;
}

START_TEST(stem_starts_on_corpus)
{
	struct starts_walk w = { bg_stemstarts_new(), BG_TOKLIST_INIT, BG_BUF_INIT, 0, 0, 0, 0, true };
	size_t files;

	ck_assert_ptr_nonnull(w.ss);
	files = corpus_walk("check_norm", "BEGRIP_NORM_STRIDE", 7, starts_on_block, &w);
	if (files) {
		w.collect = false;
		corpus_walk("check_norm", "BEGRIP_NORM_STRIDE", 7, starts_on_block, &w);
		fprintf(stderr, "check_norm: %zu words keep their stem's prefix; %zu of %zu text "
			"blocks hold no word with a sampled stem (%zu words have one) and are "
			"passed by\n", w.words, w.skipped, w.blocks, w.stems);
		ck_assert_uint_gt(w.words, 100000);
		/* the set is not so large that nothing is ever passed by */
		ck_assert_uint_gt(w.skipped, w.blocks / 20);
	}
	bg_toklist_release(&w.tl);
	bg_buf_release(&w.fold);
	bg_stemstarts_free(w.ss);
}
END_TEST

/* Every text block of (every `stride`-th) corpus file, both paths: the
 * shortcut must be invisible on the real law text ($BEGRIP_NORM_STRIDE,
 * default 7; corpus_walk.h); without a corpus the test says so and
 * checks nothing. */
static void same_on_block(const char *path, const bg_node *n, void *ctx)
{
	(void)path;
	same_tokens(n->text, n->text_len, BG_NORM_STEM | BG_NORM_NUMBERS | BG_NORM_PUNCT);
	(*(size_t *)ctx)++;
}

START_TEST(ascii_path_on_corpus)
{
	size_t blocks = 0;
	size_t files = corpus_walk("check_norm", "BEGRIP_NORM_STRIDE", 7, same_on_block, &blocks);

	if (!files)
		return;
	fprintf(stderr, "check_norm: ASCII path equals ICU on %zu text blocks of %zu files\n",
		blocks, files);
	ck_assert_uint_gt(blocks, 1000);
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
	tcase_add_test(tc, ascii_path_edge_cases);
	tcase_add_test(tc, memo_same_text_only);
	tcase_add_test(tc, ascii_path_exhaustive);
	tcase_add_test(tc, stem_starts_cases);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	tc = tcase_create("corpus");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, ascii_path_on_corpus);
	tcase_add_test(tc, stem_starts_on_corpus);
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
