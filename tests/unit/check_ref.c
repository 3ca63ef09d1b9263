/*
 * check_ref.c -- reference targets in both Juriconnect forms found in BWB
 * (jci 1.3 of the toestand files, 1.0:v: of the 2012 dump), and BWB ids.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "bg.h"

#define CAP 64

struct target {
	bool ok;
	char id[CAP], art[CAP], lid[CAP];
};

static struct target parse(const char *doc)
{
	struct target t;

	t.ok = bg_ref_parse_target(doc, t.id, t.art, t.lid, CAP);
	return t;
}

START_TEST(jci13_full)
{
	struct target t = parse("jci1.3:c:BWBR0018472&hoofdstuk=1&paragraaf=2&artikel=8&lid=1&z=2025-01-01&g=2025-01-01");

	ck_assert(t.ok);
	ck_assert_str_eq(t.id, "BWBR0018472");
	ck_assert_str_eq(t.art, "8");
	ck_assert_str_eq(t.lid, "1");
}
END_TEST

START_TEST(jci10_forms)
{
	struct target t = parse("1.0:v:BWBR0015703&artikel=40");

	ck_assert(t.ok);
	ck_assert_str_eq(t.id, "BWBR0015703");
	ck_assert_str_eq(t.art, "40");
	ck_assert_str_eq(t.lid, "");

	t = parse("1.0:c:BWBR0002458&artikel=4&lid=5a&g=2013-01-01");
	ck_assert(t.ok);
	ck_assert_str_eq(t.art, "4");
	ck_assert_str_eq(t.lid, "5a");

	/* regulation only, treaty and collection ids */
	t = parse("1.0:v:BWBV0001109");
	ck_assert(t.ok);
	ck_assert_str_eq(t.id, "BWBV0001109");
	ck_assert_str_eq(t.art, "");
	t = parse("BWBW0000001&artikel=1:2");
	ck_assert(t.ok);
	ck_assert_str_eq(t.art, "1:2");
}
END_TEST

START_TEST(article_numbers_with_dots_and_empty_values)
{
	struct target t = parse("jci1.3:c:BWBR0011353&artikel=3.111&lid=&g=2012-01-01");

	ck_assert(t.ok);
	ck_assert_str_eq(t.art, "3.111");
	ck_assert_str_eq(t.lid, "");
	t = parse("1.0:v:BWBR0018283&bijlage=");
	ck_assert(t.ok);
	ck_assert_str_eq(t.art, "");
	/* "hoofdartikel=" must not be read as "artikel=" */
	t = parse("1.0:v:BWBR0018283&hoofdartikel=9&artikel=2");
	ck_assert_str_eq(t.art, "2");
}
END_TEST

START_TEST(not_bwb_targets)
{
	struct target t = parse("onbekend");

	ck_assert(!t.ok);
	ck_assert_str_eq(t.id, "");
	t = parse("http://example.org/BWBR0018472");
	ck_assert(!t.ok);
	t = parse("");
	ck_assert(!t.ok);
	t = parse("1.0:v:BWBR001847&artikel=2");   /* 6 digits */
	ck_assert(!t.ok);
	ck_assert_str_eq(t.art, "2");             /* the article is still read */
	t = parse("1.0:v:BWBX0018472");
	ck_assert(!t.ok);
	ck_assert(!bg_ref_parse_target(NULL, t.id, t.art, t.lid, CAP));
}
END_TEST

START_TEST(values_are_truncated_to_capacity)
{
	char id[12], art[12], lid[12];
	char doc[200];

	/* 11-char id fits cap 12; a long article number is cut, not overflowed */
	snprintf(doc, sizeof doc, "1.0:v:BWBR0000001&artikel=%s&lid=2", "123456789012345678901234567890");
	ck_assert(bg_ref_parse_target(doc, id, art, lid, sizeof id));
	ck_assert_str_eq(id, "BWBR0000001");
	ck_assert_str_eq(art, "12345678901");
	ck_assert_str_eq(lid, "2");
	/* too small a buffer for an id: refused, outputs empty */
	ck_assert(!bg_ref_parse_target(doc, id, art, lid, 11));
	ck_assert_str_eq(id, "");
}
END_TEST

START_TEST(bwb_ids)
{
	ck_assert(bg_is_bwb_id("BWBR0018472"));
	ck_assert(bg_is_bwb_id("BWBV0001109"));
	ck_assert(bg_is_bwb_id("BWBW0000001"));
	ck_assert(bg_is_bwb_id("BWBR0018472_2025-01-01.xml"));
	ck_assert(bg_is_bwb_id("BWBR0018472&artikel=1"));
	ck_assert(bg_is_bwb_id("BWBR0018472.xml"));
	ck_assert(!bg_is_bwb_id("BWBR00184721"));
	ck_assert(!bg_is_bwb_id("BWBR001847"));
	ck_assert(!bg_is_bwb_id("bwbr0018472"));
	ck_assert(!bg_is_bwb_id("BWBR00a8472"));
	ck_assert(!bg_is_bwb_id(""));
	ck_assert(!bg_is_bwb_id("BWB"));
}
END_TEST

START_TEST(encoded_numbers_are_decoded)
{
	/* as found in the corpus: artikel=4%3A2, D_2, G+5 */
	struct target t = parse("jci1.3:c:BWBR0005537&artikel=4%3A2&lid=1");

	ck_assert_str_eq(t.art, "4:2");
	t = parse("1.0:v:BWBR0002629&artikel=D_2");
	ck_assert_str_eq(t.art, "D 2");
	t = parse("1.0:v:BWBR0002629&artikel=G+5&lid=2%");
	ck_assert_str_eq(t.art, "G 5");
	ck_assert_str_eq(t.lid, "2%"); /* a stray '%' is kept */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("ref");
	TCase *tc = tcase_create("targets");

	tcase_add_test(tc, jci13_full);
	tcase_add_test(tc, jci10_forms);
	tcase_add_test(tc, article_numbers_with_dots_and_empty_values);
	tcase_add_test(tc, not_bwb_targets);
	tcase_add_test(tc, values_are_truncated_to_capacity);
	tcase_add_test(tc, bwb_ids);
	tcase_add_test(tc, encoded_numbers_are_decoded);
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
