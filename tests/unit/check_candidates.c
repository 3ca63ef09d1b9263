/*
 * check_candidates.c -- simplification candidates on the hand-written laws
 * of tests/fixtures/candidates (Kaderwet K, Wet regeling L, M, N, treaty V): every kind
 * is found, with the score ordering its formula implies, and the renderers
 * escape law text.  Uses the real lexicon files (run from the repository
 * root, as `make unit` does).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../analyzer/candidates.h"
#include "../../analyzer/compare.h"
#include "../../reports/candidates_report.h"
#include "../../reports/emit.h"

#define FIX "tests/fixtures/candidates"

static bg_lexicon *lex;
static bg_norm *nm;
static bg_cmp_phrases *ph;
static bg_cx_rules *rules;
static bg_defset *set;
static bg_cand_ctx *ctx;

static void setup(void)
{
	bg_filelist fl = { 0 };
	char *paths[] = { (char *)FIX };
	bg_batch batch = { 0 };
	bg_diag d = { 0 };

	ck_assert_int_eq(bg_lexicon_load(bg_lexicon_default_path(), &lex, &d), BG_OK);
	ck_assert_ptr_nonnull(nm = bg_norm_new());
	ck_assert_int_eq(bg_cmp_phrases_load("lexicon/compare.txt", nm, &ph, &d), BG_OK);
	ck_assert_int_eq(bg_cx_rules_load("lexicon/complexity.txt", "lexicon/stopwords-nl.txt",
					  &rules, &d), BG_OK);
	ck_assert_uint_eq(bg_filelist_expand(&fl, paths, 1), 0);
	ck_assert_uint_eq(fl.count, 5);
	ck_assert_int_eq(bg_defs_collect(&fl, 1, lex, &set, &batch), BG_OK);
	ck_assert_uint_eq(batch.failed, 0);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	ck_assert_int_eq(bg_cand_new(set, lex, rules, ph, &ctx), BG_OK);
	ck_assert_uint_eq(bg_cand_doc_count(ctx), 5);
	for (size_t i = 0; i < bg_cand_doc_count(ctx); i++) {
		bg_doc *doc = NULL;
		ck_assert_int_eq(bg_doc_read_file(bg_cand_doc_path(ctx, i), NULL, &doc, &d), BG_OK);
		ck_assert_int_eq(bg_cand_add_doc(ctx, i, doc), BG_OK);
		bg_doc_free(doc);
	}
}

static void teardown(void)
{
	bg_cand_free(ctx);
	bg_defset_free(set);
	bg_cx_rules_free(rules);
	bg_cmp_phrases_free(ph);
	bg_norm_free(nm);
	bg_lexicon_free(lex);
}

static void run(bg_cand_list *l, size_t top, int kind)
{
	bg_cand_opts o = { top, kind, 1 };
	ck_assert_int_eq(bg_cand_run(ctx, nm, &o, l), BG_OK);
	for (size_t i = 0; i < l->n; i++) {
		ck_assert(l->v[i].score >= 0 && l->v[i].score <= 1);
		ck_assert(l->v[i].rationale[0] && l->v[i].evidence[0]);
		if (i)
			ck_assert(l->v[i - 1].score >= l->v[i].score);
	}
}

static const bg_cand *find(const bg_cand_list *l, bg_cand_kind k, const char *subject,
			   const char *law)
{
	for (size_t i = 0; i < l->n; i++) {
		const bg_cand *c = &l->v[i];
		if (c->kind != k || strcmp(c->subject, subject))
			continue;
		if (law && (!c->nlaws || strcmp(c->laws[0], law)))
			continue;
		return c;
	}
	return NULL;
}

static bool has_law(const bg_cand *c, const char *id)
{
	for (size_t i = 0; i < c->nlaws; i++)
		if (!strcmp(c->laws[i], id))
			return true;
	return false;
}

START_TEST(harmonise_partner)
{
	bg_cand_list l;
	const bg_cand *c;
	const bg_cand_prov *prop = NULL;

	run(&l, 0, BG_CAND_HARMONISE);
	c = find(&l, BG_CAND_HARMONISE, "partner", NULL);
	ck_assert_ptr_nonnull(c);
	ck_assert(has_law(c, "BWBR0099701") && has_law(c, "BWBR0099702") && has_law(c, "BWBR0099703"));
	ck_assert(!has_law(c, "BWBR0099704")); /* N neither defines partner nor points to K */
	for (size_t i = 0; i < c->nprovs; i++)
		if (!strcmp(c->provs[i].role, "voorstel"))
			prop = &c->provs[i];
	/* the root M already points to is the proposal */
	ck_assert_ptr_nonnull(prop);
	ck_assert_str_eq(prop->bwb_id, "BWBR0099701");
	/* the rationale names the proposal's term and where it stands */
	ck_assert_ptr_nonnull(strstr(c->rationale, "voorstel: de definitie van 'partner' in Kaderwet K artikel"));
	ck_assert(c->score > 0);
	ck_assert(strstr(c->evidence, "duurzame relatie") && strstr(c->evidence, "ongehuwde meerderjarige"));
	bg_cand_list_release(&l);
}
END_TEST

START_TEST(refer_instead_order)
{
	bg_cand_list l;
	const bg_cand *w, *m;

	run(&l, 0, BG_CAND_REFER_INSTEAD);
	w = find(&l, BG_CAND_REFER_INSTEAD, "werkdag", NULL);
	m = find(&l, BG_CAND_REFER_INSTEAD, "maand", NULL);
	ck_assert_ptr_nonnull(w);
	ck_assert_ptr_nonnull(m);
	/* L, M and N; not treaty V, whose werkdag is word for word the same */
	ck_assert_uint_eq(w->nlaws, 3);
	ck_assert(!has_law(w, "BWBV0099705"));
	ck_assert_uint_eq(m->nlaws, 2);
	/* three laws repeating 30 words outrank two repeating 9 */
	ck_assert(w->score > m->score);
	ck_assert_ptr_null(find(&l, BG_CAND_REFER_INSTEAD, "partner", NULL));
	bg_cand_list_release(&l);
}
END_TEST

START_TEST(stacking_order)
{
	bg_cand_list l;
	const bg_cand *a = NULL, *b = NULL;

	run(&l, 0, BG_CAND_STACKING);
	ck_assert_uint_gt(l.n, 0);
	for (size_t i = 0; i < l.n; i++) {
		if (!strcmp(l.v[i].subject, "artikel 2 lid 1") && has_law(&l.v[i], "BWBR0099704"))
			a = &l.v[i];
		if (!strcmp(l.v[i].subject, "artikel 2 lid 2") && has_law(&l.v[i], "BWBR0099704"))
			b = &l.v[i];
	}
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_eq(a, &l.v[0]);
	ck_assert(a->score > b->score);
	ck_assert(a->score < 1.0);
	ck_assert(l.stats.stacking_p95 > 0);
	bg_cand_list_release(&l);
	/* --top 1 keeps only the heaviest */
	run(&l, 1, BG_CAND_STACKING);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].subject, "artikel 2 lid 1");
	bg_cand_list_release(&l);
}
END_TEST

START_TEST(broken_references)
{
	bg_cand_list l;
	const bg_cand *absent, *repealed;

	run(&l, 0, BG_CAND_BROKEN_REF);
	absent = find(&l, BG_CAND_BROKEN_REF, "BWBR0099701 artikel 9", "BWBR0099702");
	repealed = find(&l, BG_CAND_BROKEN_REF, "BWBR0099701 artikel 3", "BWBR0099702");
	ck_assert_ptr_nonnull(absent);
	ck_assert_ptr_nonnull(repealed);
	ck_assert(absent->score > repealed->score);
	ck_assert_ptr_null(find(&l, BG_CAND_BROKEN_REF, "BWBR0099701 artikel 2", NULL));
	ck_assert_ptr_null(find(&l, BG_CAND_BROKEN_REF, "BWBR0099701 artikel 1", NULL));
	ck_assert(strstr(repealed->rationale, "vervallen"));
	ck_assert(strstr(absent->evidence, "artikel 9 van de Kaderwet K"));
	ck_assert_str_eq(absent->provs[absent->nprovs - 1].link,
			 "https://wetten.overheid.nl/jci1.3:c:BWBR0099701&artikel=9");
	ck_assert_uint_eq(l.stats.refs_checked, 4);
	ck_assert_uint_eq(l.stats.refs_outside, 0);
	bg_cand_list_release(&l);
}
END_TEST

START_TEST(unused_definitions)
{
	bg_cand_list l;
	const bg_cand *big, *small;

	run(&l, 0, BG_CAND_UNUSED_DEF);
	big = find(&l, BG_CAND_UNUSED_DEF, "woonkostenforfait", "BWBR0099702");
	small = find(&l, BG_CAND_UNUSED_DEF, "toeslagjaar", "BWBR0099702");
	ck_assert_ptr_nonnull(big);
	ck_assert_ptr_nonnull(small);
	ck_assert(big->score > small->score);
	/* used elsewhere: aanvraag (art. 2), werkdag (plural "werkdagen"),
	 * partner (art. 3), belanghebbende (K art. 2) */
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "aanvraag", NULL));
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "werkdag", "BWBR0099702"));
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "partner", NULL));
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "belanghebbende", NULL));
	/* N defines werkdag and uses "werkdagen"; maand is used in M and N */
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "maand", NULL));
	/* N art. 3 defines "rustdag" for an article of K, where it is used */
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "rustdag", NULL));
	/* N art. 4 uses its "financieel afhankelijk" split: "financieel van
	 * hem afhankelijk" */
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "financieel afhankelijk", NULL));
	/* N art. 5 "Als woonlasten gelden ...": what counts as X where the
	 * rule stands, not a term for later use */
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "woonlasten", NULL));
	/* N art. 6 defines "register kinderopvang" "voor de toepassing van het
	 * bepaalde bij en krachtens de Kaderwet K": for another act */
	ck_assert_ptr_null(find(&l, BG_CAND_UNUSED_DEF, "register kinderopvang", NULL));
	bg_cand_list_release(&l);
}
END_TEST

START_TEST(undefined_use)
{
	bg_cand_list l;
	const bg_cand *ink, *verm;

	run(&l, 0, BG_CAND_UNDEFINED_USE);
	ink = find(&l, BG_CAND_UNDEFINED_USE, "inkomen", "BWBR0099704");
	verm = find(&l, BG_CAND_UNDEFINED_USE, "vermogen", "BWBR0099703");
	ck_assert_ptr_nonnull(ink);
	ck_assert_ptr_nonnull(verm);
	ck_assert_double_eq(ink->raw, 5);
	ck_assert_double_eq(verm->raw, 2);
	ck_assert(ink->score > verm->score);
	/* M refers to K for partner: defined by reference */
	ck_assert_ptr_null(find(&l, BG_CAND_UNDEFINED_USE, "partner", "BWBR0099703"));
	ck_assert_ptr_null(find(&l, BG_CAND_UNDEFINED_USE, "partner", "BWBR0099702"));
	bg_cand_list_release(&l);
}
END_TEST

START_TEST(kinds_and_top)
{
	bg_cand_list l;
	size_t per[BG_CAND__COUNT] = { 0 };

	run(&l, 1, -1);
	for (size_t i = 0; i < l.n; i++)
		per[l.v[i].kind]++;
	for (int k = 0; k < BG_CAND__COUNT; k++)
		ck_assert_uint_eq(per[k], 1);
	bg_cand_list_release(&l);
	ck_assert_int_eq(bg_cand_kind_find("broken-reference"), BG_CAND_BROKEN_REF);
	ck_assert_int_eq(bg_cand_kind_find("nonsense"), -1);
	ck_assert_str_eq(bg_cand_kind_name(BG_CAND_REFER_INSTEAD), "refer-instead");
}
END_TEST

/* Renderers: law text with formula prefixes and markup stays data. */
START_TEST(renderers_escape)
{
	const char *laws[] = { "BWBR0099702" };
	bg_cand_prov p = { "BWBR0099702", "Wet <b>L</b>", "artikel 1", "BWBR0099702/artikel=1",
			   "https://wetten.overheid.nl/jci1.3:c:BWBR0099702&artikel=1", "definitie" };
	bg_cand c = { BG_CAND_UNUSED_DEF, 0.5, 3, "[x](javascript:alert(1))", laws, 1, &p, 1,
		      "=HYPERLINK(\"http://evil\")", "*vet* <script>\"q\"" };
	bg_cand_list l = { &c, 1, { 0 }, NULL };
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	f = open_memstream(&buf, &n);
	bg_candidates_write_csv(f, &l);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "\"'=HYPERLINK(\"\"http://evil\"\")\""));
	free(buf);

	f = open_memstream(&buf, &n);
	bg_candidates_write_md(f, &l);
	fclose(f);
	ck_assert_ptr_null(strstr(buf, "[x]("));
	ck_assert_ptr_nonnull(strstr(buf, "\\[x\\]\\(javascript"));
	ck_assert_ptr_null(strstr(buf, "<script>"));
	ck_assert_ptr_null(strstr(buf, "<b>"));
	ck_assert_ptr_nonnull(strstr(buf, "\\*vet\\*"));
	ck_assert_ptr_nonnull(strstr(buf, "<https://wetten.overheid.nl/jci1.3:c:BWBR0099702&artikel=1>"));
	free(buf);

	f = open_memstream(&buf, &n);
	bg_candidates_write_json(f, &l);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "\"=HYPERLINK(\\\"http://evil\\\")\""));
	ck_assert_ptr_nonnull(strstr(buf, "\"kind\": \"unused-definition\""));
	free(buf);
}
END_TEST

/* The facts collected in the read of bg_defs_collect_each give the same
 * candidates as a second read with bg_cand_add_doc (the fixture's ctx). */
struct facts {
	const bg_cx_rules *rules;
	bg_cand_facts *v[8];
};

static void on_doc(size_t i, const bg_doc *doc, const bg_defset *docdefs, bg_norm *wnm, void *arg)
{
	struct facts *f = arg;
	ck_assert_uint_lt(i, 8);
	ck_assert_int_eq(bg_cand_facts_collect(doc, docdefs, lex, f->rules, NULL, wnm, &f->v[i]),
			 BG_OK);
}

static char *render(bg_cand_ctx *c)
{
	bg_cand_opts o = { 0, -1, 1 };
	bg_cand_list l;
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	ck_assert_int_eq(bg_cand_run(c, nm, &o, &l), BG_OK);
	f = open_memstream(&buf, &n);
	bg_candidates_write_json(f, &l);
	fclose(f);
	bg_cand_list_release(&l);
	return buf;
}

static bg_cand_ctx *one_read(char **paths, size_t npaths, size_t nfiles, bg_defset **setp)
{
	bg_filelist fl = { 0 };
	bg_batch batch = { 0 };
	struct facts f = { rules, { NULL } };
	bg_cand_ctx *c = NULL;

	ck_assert_uint_eq(bg_filelist_expand(&fl, paths, npaths), 0);
	ck_assert_uint_eq(fl.count, nfiles);
	ck_assert_int_eq(bg_defs_collect_each(&fl, 2, lex, on_doc, &f, setp, &batch), BG_OK);
	ck_assert_uint_eq(batch.failed, 0);
	ck_assert_int_eq(bg_cand_new(*setp, lex, rules, ph, &c), BG_OK);
	for (size_t i = 0; i < fl.count; i++)
		bg_cand_add_facts(c, f.v[i]);
	bg_cand_add_facts(c, NULL);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	return c;
}

START_TEST(facts_in_one_read)
{
	char *paths[] = { (char *)FIX, (char *)FIX "/BWBR0099702.xml" };
	bg_defset *set1 = NULL;
	bg_cand_ctx *c1 = one_read(paths, 1, 5, &set1);
	bg_cand_opts o = { 0, -1, 1 };
	bg_cand_list l;
	char *a = render(ctx), *b = render(c1);

	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	bg_cand_free(c1);
	bg_defset_free(set1);

	/* a file listed twice: one version counts, the other's facts go */
	c1 = one_read(paths, 2, 6, &set1);
	ck_assert_uint_eq(bg_cand_doc_count(c1), 5);
	ck_assert_int_eq(bg_cand_run(c1, nm, &o, &l), BG_OK);
	ck_assert_uint_eq(l.stats.docs, 5);
	bg_cand_list_release(&l);
	bg_cand_free(c1);
	bg_defset_free(set1);
}
END_TEST

/* The escapers write runs; every byte that needs escaping still is. */
START_TEST(emit_escapers)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	bg_json_strn(f, "a\"b\\c\nd\001" "e\177" "\0f", 12);
	putc('|', f);
	bg_csv_cell(f, "\"\"x\"y\"");
	putc('|', f);
	bg_csv_cell(f, "-1 \"q");
	putc('|', f);
	bg_html_text(f, "<a href='x'>&\"</a>z");
	fclose(f);
	ck_assert_str_eq(buf, "\"a\\\"b\\\\c\\nd\\u0001e\\u007f\\u0000f\"|"
			      "\"\"\"\"\"x\"\"y\"\"\"|\"'-1 \"\"q\"|"
			      "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;z");
	free(buf);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("candidates");
	TCase *t = tcase_create("fixtures");

	tcase_set_timeout(t, 60);
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, harmonise_partner);
	tcase_add_test(t, refer_instead_order);
	tcase_add_test(t, stacking_order);
	tcase_add_test(t, broken_references);
	tcase_add_test(t, unused_definitions);
	tcase_add_test(t, undefined_use);
	tcase_add_test(t, kinds_and_top);
	tcase_add_test(t, facts_in_one_read);
	suite_add_tcase(s, t);
	t = tcase_create("renderers");
	tcase_add_test(t, renderers_escape);
	tcase_add_test(t, emit_escapers);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
