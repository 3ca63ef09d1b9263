/*
 * check_util.c -- the core utilities: the bg_buf string builder (growth,
 * limits, the sticky failure flag, detach), the arena (alignment, zeroing,
 * big objects, accounting) and diagnostics (one line, exact format).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bg.h"

START_TEST(buf_empty_is_valid_string)
{
	bg_buf b = BG_BUF_INIT;

	ck_assert_ptr_nonnull(b.s);
	ck_assert_str_eq(b.s, "");
	ck_assert_uint_eq(b.len, 0);
	ck_assert(bg_buf_ok(&b));
	bg_buf_release(&b); /* releasing an unused buffer is a no-op */
	ck_assert_str_eq(b.s, "");
}
END_TEST

START_TEST(buf_add_grows_and_terminates)
{
	bg_buf b = BG_BUF_INIT;

	bg_buf_adds(&b, "artikel");
	bg_buf_addc(&b, ' ');
	bg_buf_add(&b, "12abc", 2);
	bg_buf_addf(&b, "/lid=%d%s", 3, "a");
	ck_assert_str_eq(b.s, "artikel 12/lid=3a");
	ck_assert_uint_eq(b.len, strlen("artikel 12/lid=3a"));
	/* many small appends cross several reallocations */
	bg_buf_clear(&b);
	ck_assert_str_eq(b.s, "");
	for (int i = 0; i < 10000; i++)
		bg_buf_addc(&b, (char)('a' + i % 26));
	ck_assert_uint_eq(b.len, 10000);
	ck_assert_uint_eq(strlen(b.s), 10000);
	ck_assert_int_eq(b.s[9999], 'a' + 9999 % 26);
	ck_assert(bg_buf_ok(&b));
	bg_buf_release(&b);
}
END_TEST

START_TEST(buf_add_zero_bytes)
{
	bg_buf b = BG_BUF_INIT;

	bg_buf_add(&b, NULL, 0);
	bg_buf_adds(&b, "");
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.s, "");
	ck_assert(bg_buf_ok(&b));
}
END_TEST

START_TEST(buf_limit_is_sticky)
{
	bg_buf b = BG_BUF_INIT;

	b.cap_limit = 8;
	bg_buf_adds(&b, "12345678");
	ck_assert(bg_buf_ok(&b));
	ck_assert_str_eq(b.s, "12345678");
	bg_buf_addc(&b, '9');           /* past the limit */
	ck_assert(!bg_buf_ok(&b));
	ck_assert_str_eq(b.s, "12345678"); /* content unchanged */
	bg_buf_release(&b);
	ck_assert_uint_eq(b.cap_limit, 8); /* release keeps the limit */

	b.cap_limit = 4;
	bg_buf_addf(&b, "%s", "toolong");
	ck_assert(!bg_buf_ok(&b));
	bg_buf_adds(&b, "x");           /* ignored after failure */
	ck_assert_uint_eq(b.len, 0);
	ck_assert_ptr_null(bg_buf_detach(&b)); /* failed buffer detaches to NULL */
	ck_assert(bg_buf_ok(&b));       /* and is re-initialised */
	ck_assert_str_eq(b.s, "");
}
END_TEST

START_TEST(buf_detach_gives_ownership)
{
	bg_buf b = BG_BUF_INIT;
	char *s;

	s = bg_buf_detach(&b);          /* empty buffer: a fresh "" */
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	free(s);
	bg_buf_adds(&b, "Participatiewet");
	s = bg_buf_detach(&b);
	ck_assert_str_eq(s, "Participatiewet");
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.s, "");
	free(s);
}
END_TEST

START_TEST(arena_alignment_and_zeroing)
{
	bg_arena *a = bg_arena_new();
	unsigned char *p;

	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(bg_arena_used(a), 0);
	for (size_t n = 0; n < 200; n++) {
		p = bg_arena_alloc(a, n);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % 16, 0);
		for (size_t i = 0; i < n; i++)
			ck_assert_uint_eq(p[i], 0);
		memset(p, 0xAB, n); /* must not disturb other allocations */
	}
	ck_assert_uint_ge(bg_arena_used(a), 199 * 200 / 2);
	bg_arena_free(a);
	bg_arena_free(NULL);
}
END_TEST

START_TEST(arena_big_objects_and_strings)
{
	bg_arena *a = bg_arena_new();
	char *small1, *big, *small2;

	small1 = bg_arena_strdup(a, "eerste");
	big = bg_arena_alloc(a, 1u << 20);  /* bigger than a block */
	ck_assert_ptr_nonnull(big);
	memset(big, 'x', 1u << 20);
	small2 = bg_arena_strndup(a, "tweede lid", 6);
	ck_assert_str_eq(small1, "eerste");
	ck_assert_str_eq(small2, "tweede");
	/* the small allocations after the big one still share a block */
	ck_assert_uint_lt((uintptr_t)small2 - (uintptr_t)small1, 64u * 1024u);
	ck_assert_uint_ge(bg_arena_used(a), (1u << 20) + 32);
	/* many blocks */
	for (int i = 0; i < 5000; i++)
		ck_assert_ptr_nonnull(bg_arena_strdup(a, "lid lid lid lid lid lid lid lid lid"));
	ck_assert_str_eq(small1, "eerste");
	bg_arena_free(a);
}
END_TEST

/* An arena holding little costs little: the corpus run keeps one or two
 * per document, most of them with a few hundred bytes. */
START_TEST(arena_small_until_used)
{
	bg_arena *a = bg_arena_new();
	size_t held, used;

	ck_assert_ptr_nonnull(bg_arena_strdup(a, "inkomen"));
	ck_assert_uint_le(bg_arena_held(a), 2048);
	for (int i = 0; i < 20; i++)
		ck_assert_ptr_nonnull(bg_arena_alloc(a, 100));
	ck_assert_uint_le(bg_arena_held(a), 8192);
	/* blocks grow to their full size: a big arena is not thousands of
	 * small blocks, nor much more than it hands out */
	for (int i = 0; i < 100000; i++)
		ck_assert_ptr_nonnull(bg_arena_alloc(a, 40));
	held = bg_arena_held(a);
	used = bg_arena_used(a);
	ck_assert_uint_ge(held, used);
	ck_assert_uint_le(held, used + 128u * 1024u);
	/* a big object has a block of its own, counted once */
	ck_assert_ptr_nonnull(bg_arena_alloc(a, 1u << 20));
	ck_assert_uint_le(bg_arena_held(a), held + (1u << 20) + 16);
	bg_arena_free(a);
}
END_TEST

START_TEST(diag_format)
{
	bg_diag d = {0};
	char *out = NULL;
	size_t n = 0;
	FILE *f;

	bg_diag_set(&d, BG_ERR_XML, "wet.xml", 3, 14, "bad %s\nsecond line\t%d\n", "thing", 7);
	ck_assert_int_eq(d.status, BG_ERR_XML);
	ck_assert_str_eq(d.file, "wet.xml");
	ck_assert_str_eq(d.message, "bad thing second line 7"); /* one line, trailing space cut */
	f = open_memstream(&out, &n);
	bg_diag_print(&d, f);
	fclose(f);
	ck_assert_str_eq(out, "wet.xml:3:14: error: bad thing second line 7\n");
	free(out);
	/* setting again replaces; clearing zeroes */
	bg_diag_set(&d, BG_ERR_IO, NULL, 0, 0, "%s", "gone");
	ck_assert_str_eq(d.file, "-");
	ck_assert_int_eq(d.status, BG_ERR_IO);
	bg_diag_clear(&d);
	ck_assert_ptr_null(d.file);
	ck_assert_ptr_null(d.message);
	ck_assert_int_eq(d.status, BG_OK);
	bg_diag_clear(&d);
	bg_diag_set(NULL, BG_ERR_IO, "x", 0, 0, "%s", "ignored");
}
END_TEST

START_TEST(status_names)
{
	ck_assert_str_eq(bg_status_name(BG_OK), "ok");
	ck_assert_str_eq(bg_status_name(BG_ERR_XML), "not-well-formed");
	ck_assert_str_eq(bg_status_name(BG_ERR_NOT_BWB), "not-bwb");
	ck_assert_str_eq(bg_status_name(BG_ERR_HOSTILE), "refused");
	ck_assert_str_eq(bg_status_name(BG_ERR_LIMIT), "limit");
	ck_assert_str_eq(bg_status_name((bg_status)999), "unknown");
}
END_TEST

START_TEST(count_words)
{
	ck_assert_uint_eq(bg_count_words("", 0), 0);
	ck_assert_uint_eq(bg_count_words("   ", 3), 0);
	ck_assert_uint_eq(bg_count_words("een", 3), 1);
	ck_assert_uint_eq(bg_count_words(" In deze  wet\twordt\nverstaan ", 27), 5);
	ck_assert_uint_eq(bg_count_words("a b c", 3), 2); /* only n bytes */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, buf_empty_is_valid_string);
	tcase_add_test(tc, buf_add_grows_and_terminates);
	tcase_add_test(tc, buf_add_zero_bytes);
	tcase_add_test(tc, buf_limit_is_sticky);
	tcase_add_test(tc, buf_detach_gives_ownership);
	tcase_add_test(tc, arena_alignment_and_zeroing);
	tcase_add_test(tc, arena_big_objects_and_strings);
	tcase_add_test(tc, arena_small_until_used);
	tcase_add_test(tc, diag_format);
	tcase_add_test(tc, status_names);
	tcase_add_test(tc, count_words);
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
