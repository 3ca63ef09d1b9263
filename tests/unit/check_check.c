/*
 * check_check.c -- the drafter's check (draftcheck.h) against a small
 * index built from the fixture laws of tests/fixtures/check: the refer-
 * instead suggestion for a copied definition, references resolved through
 * the index's titles (and dangling ones), divergent definitions, concepts
 * used without a definition, article percentiles, the delta of a new
 * version, an amending bill, the sample drafts in four formats giving the
 * same findings, unreadable drafts, --fail-on kinds, escaping in HTML.
 * Run from the repository root (lexicon/, tests/drafts/).
 */
#include <check.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cli.h"
#include "draftcheck.h"
#include "../reports/check_report.h"

static char dir[64];
static char db[128];
static bg_check_env *env;

static void write_file(const char *name, const char *text, char *path, size_t cap)
{
	FILE *f;

	snprintf(path, cap, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static bg_check_result *run_text(const char *name, const char *text)
{
	char path[256];
	bg_check_result *r = NULL;
	bg_diag d = {0};

	write_file(name, text, path, sizeof path);
	ck_assert_int_eq(bg_check_run(env, path, &r, &d), BG_OK);
	ck_assert_ptr_nonnull(r);
	bg_diag_clear(&d);
	return r;
}

static const bg_check_def *def_of(const bg_check_result *r, const char *term)
{
	for (size_t i = 0; i < r->ndefs; i++)
		if (!strcmp(r->defs[i].term, term))
			return &r->defs[i];
	ck_abort_msg("no definition of %s", term);
	return NULL;
}

static const char draft1[] =
	"Wet fixture gamma\n\n"
	"Artikel 1\n\n"
	"In deze wet wordt verstaan onder:\n"
	"a. berekeningsjaar: het kalenderjaar waarop de toeslag betrekking heeft;\n"
	"b. partner: de partner, bedoeld in artikel 1 van de Wet fixture alfa;\n"
	"c. vermogen: alle bezittingen van de belanghebbende en zijn kinderen zonder aftrek van schulden;\n"
	"d. gezinslid: het gezinslid, bedoeld in artikel 99 van de Wet fixture alfa.\n\n"
	"Artikel 2\n\n"
	"De belanghebbende heeft recht op een bijdrage indien zijn toetsingsinkomen niet meer "
	"bedraagt dan € 20.000 en hij in Nederland woont, tenzij hij gedetineerd is.\n";

START_TEST(test_refer_instead)
{
	bg_check_result *r = run_text("d1.txt", draft1);
	const bg_check_def *d = def_of(r, "berekeningsjaar");

	ck_assert(d->refer);
	ck_assert_uint_ge(d->nnear, 1);
	ck_assert_str_eq(d->near[0].bwb_id, "BWBR0099801");
	ck_assert(d->near[0].same_wording);
	ck_assert(d->near[0].score == 0);
	ck_assert_ptr_nonnull(strstr(d->suggestion, "Wet fixture alfa artikel 1 onderdeel a"));
	ck_assert(r->kinds & BG_CHECK_REFER);
	/* a definition of its own meaning is not sent elsewhere */
	ck_assert(!def_of(r, "vermogen")->refer);
	bg_check_result_free(r);
}
END_TEST

START_TEST(test_reference_resolved)
{
	bg_check_result *r = run_text("d1.txt", draft1);
	const bg_check_def *p = def_of(r, "partner"), *g = def_of(r, "gezinslid");

	/* "artikel 1 van de Wet fixture alfa": the law found by its title */
	ck_assert_str_eq(p->target, "BWBR0099801 artikel 1");
	ck_assert_str_eq(p->target_title, "Wet fixture alfa");
	ck_assert(!p->target_missing);
	/* Wet fixture beta points to the same provision: same meaning */
	ck_assert_uint_ge(p->nnear, 1);
	ck_assert(p->near[0].score == 0);
	ck_assert(p->near[0].same_root || p->near[0].same_wording);
	/* artikel 99 does not exist */
	ck_assert_str_eq(g->target, "BWBR0099801 artikel 99");
	ck_assert(g->target_missing);
	ck_assert(r->kinds & BG_CHECK_DANGLING);
	bg_check_result_free(r);
}
END_TEST

START_TEST(test_divergent)
{
	bg_check_result *r = run_text("d1.txt", draft1);
	const bg_check_def *v = def_of(r, "vermogen");

	ck_assert_str_eq(v->concept, "vermogen");
	ck_assert_uint_eq(v->compared, 2);     /* alfa and beta */
	ck_assert(v->divergent);
	ck_assert(v->near[0].score > BG_CHECK_REFER_SCORE);
	ck_assert(v->near[0].score <= v->near[1].score);
	ck_assert_uint_ge(v->near[0].ndiffs, 1);
	ck_assert(r->kinds & BG_CHECK_DIVERGENT);
	bg_check_result_free(r);
}
END_TEST

START_TEST(test_undefined_use)
{
	bg_check_result *r = run_text("d1.txt", draft1);
	bool found = false;

	for (size_t i = 0; i < r->nuses; i++) {
		ck_assert_str_ne(r->uses[i].concept, "partner");   /* defined */
		ck_assert_str_ne(r->uses[i].concept, "vermogen");
		if (!strcmp(r->uses[i].concept, "inkomen"))
			found = true;
	}
	ck_assert_msg(found, "toetsingsinkomen used without a definition");
	ck_assert(r->kinds & BG_CHECK_UNDEFINED);
	bg_check_result_free(r);
}
END_TEST

START_TEST(test_articles)
{
	bg_check_result *r = run_text("d1.txt", draft1);

	ck_assert_uint_eq(r->narts, 2);
	ck_assert_uint_eq(r->corpus_articles, 5);   /* 3 + 2 fixture articles */
	ck_assert_str_eq(r->arts[1].label, "artikel 2");
	ck_assert_uint_ge(r->arts[1].conditions, 1);
	ck_assert_uint_ge(r->arts[1].exceptions, 1);
	for (size_t i = 0; i < r->narts; i++) {
		ck_assert(r->arts[i].pct_stacking >= 0 && r->arts[i].pct_stacking <= 1);
		ck_assert(r->arts[i].pct_conditions >= 0 && r->arts[i].pct_conditions <= 1);
	}
	/* the percentile is the share of the index's articles at or below */
	for (size_t i = 0; i < r->narts; i++) {
		sqlite3 *h;
		sqlite3_stmt *st;
		double share;
		ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT avg(stacking <= ?) FROM provision_measures "
						    "WHERE kind = 'artikel'", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_double(st, 1, r->arts[i].stacking);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		share = sqlite3_column_double(st, 0);
		sqlite3_finalize(st);
		sqlite3_close(h);
		ck_assert_msg(share == r->arts[i].pct_stacking, "%s: %f vs %f", r->arts[i].label,
			      r->arts[i].pct_stacking, share);
		if (r->arts[i].above_p90)
			ck_assert(share > 0.9);
	}
	/* artikel 1 refers to artikel 1 and 99 of another law */
	ck_assert_uint_eq(r->arts[0].refs_external, 2);
	ck_assert_str_eq(r->basis, "");
	bg_check_result_free(r);
}
END_TEST

START_TEST(test_version_delta)
{
	bg_check_result *r = run_text("v2.md",
		"---\nbwb-id: BWBR0099801\ndatum: 2027-01-01\n---\n"
		"# Wet fixture alfa\n\n"
		"### Artikel 1 Begripsbepalingen\n\n"
		"In deze wet wordt verstaan onder:\n\n"
		"a. berekeningsjaar: het kalenderjaar waarop de toeslag betrekking heeft;\n"
		"b. partner: de echtgenoot van de belanghebbende;\n"
		"c. vermogen: de waarde van de bezittingen verminderd met de schulden op 1 januari van het berekeningsjaar;\n"
		"d. toeslagjaar: het jaar waarover de toeslag wordt berekend.\n\n"
		"### Artikel 2 Recht op toeslag\n\n"
		"De belanghebbende heeft recht op een toeslag indien hij de leeftijd van achttien jaar "
		"heeft bereikt en zijn vermogen niet meer bedraagt dan € 10.000, tenzij hij gedetineerd is.\n");
	int seen = 0;

	ck_assert_str_eq(r->basis, "version");
	ck_assert_str_eq(r->base_bwb_id, "BWBR0099801");
	for (size_t i = 0; i < r->nddelta; i++) {
		const bg_check_defdelta *d = &r->ddelta[i];
		if (!strcmp(d->term, "partner")) {
			ck_assert_str_eq(d->change, "changed");
			ck_assert(d->score > 0);
			seen |= 1;
		} else if (!strcmp(d->term, "toeslagjaar")) {
			ck_assert_str_eq(d->change, "added");
			seen |= 2;
		} else if (!strcmp(d->term, "woonland")) {
			ck_assert_str_eq(d->change, "removed");
			seen |= 4;
		} else {
			ck_abort_msg("unchanged definition reported: %s %s", d->term, d->change);
		}
	}
	ck_assert_int_eq(seen, 7);
	ck_assert(r->kinds & BG_CHECK_CHANGED);
	/* articles: 2 gained an exception, 3 was removed */
	ck_assert_uint_eq(r->nadelta, 2);
	ck_assert_str_eq(r->adelta[0].label, "artikel 2");
	ck_assert_int_eq(r->adelta[0].exceptions, 1);
	ck_assert_str_eq(r->adelta[1].label, "artikel 3");
	ck_assert_str_eq(r->adelta[1].change, "removed");
	/* the law's own earlier version is the delta, not a neighbour */
	for (size_t i = 0; i < r->ndefs; i++)
		for (size_t j = 0; j < r->defs[i].nnear; j++)
			ck_assert_str_ne(r->defs[i].near[j].bwb_id, "BWBR0099801");
	bg_check_result_free(r);
}
END_TEST

START_TEST(test_amending_bill)
{
	bg_check_result *r = run_text("bill.txt",
		"Wijziging van de Wet fixture alfa\n\n"
		"Artikel I\n\n"
		"De Wet fixture alfa wordt als volgt gewijzigd:\n\n"
		"A. Na artikel 2 wordt een artikel ingevoegd, luidende:\n\n"
		"Artikel 2a\n\n"
		"De toeslag wordt jaarlijks geïndexeerd.\n\n"
		"Artikel II\n\n"
		"Deze wet treedt in werking met ingang van 1 januari 2027.\n");
	ck_assert_str_eq(r->basis, "amends");
	ck_assert_str_eq(r->act, "Wet fixture alfa");
	ck_assert_str_eq(r->base_bwb_id, "BWBR0099801");
	ck_assert_uint_ge(r->namends, 1);
	ck_assert_str_eq(r->amends[0].onderdeel, "A");
	ck_assert_str_eq(r->amends[0].action, "invoegen");
	ck_assert_str_eq(r->amends[0].target, "artikel 2");
	ck_assert(r->amends[0].target_found);
	/* (the articles a bill inserts are listed for XML bills; the
	 * Staatsblad decree of tests/check-corpus.sh checks 17a and 17b) */
	bg_check_result_free(r);
}
END_TEST

static char *json_of(const char *path)
{
	bg_check_result *r = NULL;
	bg_diag d = {0};
	char *buf = NULL, *p;
	size_t len = 0;
	FILE *f;

	ck_assert_int_eq(bg_check_run(env, path, &r, &d), BG_OK);
	f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	bg_check_write_json(f, r);
	fclose(f);
	bg_check_result_free(r);
	/* drop the "file" member, the first one */
	ck_assert(!strncmp(buf, "{\"file\":\"", 9));
	p = strstr(buf, "\",\"bwb_id\"");
	ck_assert_ptr_nonnull(p);
	memmove(buf + 1, p + 2, strlen(p + 2) + 1);
	return buf;
}

START_TEST(test_formats_agree)
{
	static const char *const files[] = {
		"tests/drafts/draft-kst.xml", "tests/drafts/draft.md", "tests/drafts/draft.txt"
	};
	char *base = json_of("tests/drafts/draft.xml");

	ck_assert_ptr_nonnull(strstr(base, "\"term\":\"berekeningsjaar\""));
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *j = json_of(files[i]);
		ck_assert_msg(!strcmp(j, base), "%s differs from draft.xml", files[i]);
		free(j);
	}
	free(base);
}
END_TEST

START_TEST(test_bad_drafts)
{
	static const char *const bad[][2] = {
		{ "empty.txt", "" },
		{ "latin1.txt", "Artikel 1\n\nBe\xefnvloeding.\n" },
		{ "noart.md", "# Titel\n\nGeen artikelen hier.\n" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char path[256];
		bg_check_result *r = (bg_check_result *)1;
		bg_diag d = {0};

		write_file(bad[i][0], bad[i][1], path, sizeof path);
		ck_assert_int_ne(bg_check_run(env, path, &r, &d), BG_OK);
		ck_assert_ptr_null(r);
		ck_assert_ptr_nonnull(d.message);
		ck_assert_ptr_nonnull(strstr(d.file, bad[i][0]));
		bg_diag_clear(&d);
	}
}
END_TEST

START_TEST(test_kinds)
{
	const char *bad = NULL;

	ck_assert_uint_eq(bg_check_kinds_parse("refer-instead", &bad), BG_CHECK_REFER);
	ck_assert_uint_eq(bg_check_kinds_parse("undefined-use,stacking-above-p90", &bad),
			  BG_CHECK_UNDEFINED | BG_CHECK_STACKING);
	ck_assert_uint_eq(bg_check_kinds_parse("refer-instead,bogus", &bad), 0);
	ck_assert_str_eq(bad, "bogus");
	ck_assert_str_eq(bg_check_kind_name(BG_CHECK_DIVERGENT), "divergent-definition");
	ck_assert_str_eq(bg_check_kind_name(BG_CHECK_CHANGED), "changed-definition");
}
END_TEST

START_TEST(test_html_escapes)
{
	bg_check_result *r = run_text("x.txt",
		"Artikel 1\n\nIn deze wet wordt verstaan onder:\n"
		"a. merkteken: het teken <script>alert(1)</script> & \"zo\";\n"
		"b. vermogen: <b>alles</b>.\n");
	const bg_check_result *rs[1] = { r };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	bg_check_write_html(f, rs, 1);
	fclose(f);
	ck_assert_ptr_null(strstr(buf, "<script"));
	ck_assert_ptr_null(strstr(buf, "<b>alles"));
	ck_assert_ptr_nonnull(strstr(buf, "&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
	free(buf);
	bg_check_result_free(r);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("check");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_refer_instead);
	tcase_add_test(tc, test_reference_resolved);
	tcase_add_test(tc, test_divergent);
	tcase_add_test(tc, test_undefined_use);
	tcase_add_test(tc, test_articles);
	tcase_add_test(tc, test_version_delta);
	tcase_add_test(tc, test_amending_bill);
	tcase_add_test(tc, test_formats_agree);
	tcase_add_test(tc, test_bad_drafts);
	tcase_add_test(tc, test_kinds);
	tcase_add_test(tc, test_html_escapes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	char *argv[] = { "index", "--db", db, "--jobs", "1",
			 "tests/fixtures/check/BWBR0099801.xml",
			 "tests/fixtures/check/BWBR0099802.xml", NULL };
	bg_diag d = {0};
	SRunner *sr;
	int failed;
	char cmd[128];

	snprintf(dir, sizeof dir, "/tmp/check_check.XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(db, sizeof db, "%s/index.sqlite", dir);
	if (bg_cmd_index(7, argv) != BG_EXIT_OK) {
		fprintf(stderr, "check_check: the fixture index could not be built\n");
		return 1;
	}
	optind = 1;
	if (bg_check_env_open(db, NULL, &env, &d) != BG_OK) {
		bg_diag_print(&d, stderr);
		return 1;
	}
	sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	bg_check_env_free(env);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failed++;
	return failed ? 1 : 0;
}
