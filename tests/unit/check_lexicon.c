/*
 * check_lexicon.c -- the concept lexicon: the committed lexicon/concepts.txt
 * loads and names the concepts the project tracks; terms meet their
 * concept through normalisation (case, plural, diminutive, inflection,
 * compounds ending in a variant); the file format's errors are reported
 * with file and line; triggers, abbreviations and framework declarations
 * are read as written; the `require:` prefilters never lose a match of
 * their pattern on the corpus.  Run from the repository root (make unit).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus_walk.h"
#include "lexicon.h"

#include <tre/tre.h>

static bg_lexicon *lex;
static bg_norm *nm;
static bg_diag diag;

static void setup(void)
{
	ck_assert_int_eq(bg_lexicon_load("lexicon/concepts.txt", &lex, &diag), BG_OK);
	nm = bg_norm_new();
	ck_assert_ptr_nonnull(nm);
}

static void teardown(void)
{
	bg_lexicon_free(lex);
	lex = NULL;
	bg_norm_free(nm);
	nm = NULL;
	bg_diag_clear(&diag);
}

static const char *concept(const char *term)
{
	return bg_lexicon_concept_for_term(lex, nm, term, strlen(term));
}

static bg_status parse(const char *text)
{
	bg_lexicon_free(lex);
	lex = NULL;
	bg_diag_clear(&diag);
	return bg_lexicon_parse(text, strlen(text), "test.lex", NULL, &lex, &diag);
}

START_TEST(committed_lexicon_has_the_concepts)
{
	static const char *const ids[] = {
		"inkomen", "vermogen", "partner", "huishouden", "kind", "ouder", "woning",
	};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		ck_assert_msg(bg_lexicon_find(lex, ids[i]) >= 0, "no concept %s", ids[i]);
	ck_assert_int_eq(bg_lexicon_find(lex, "no-such-concept"), -1);
	ck_assert_uint_ge(bg_lexicon_count(lex), 7);
	for (size_t i = 0; i < bg_lexicon_count(lex); i++) {
		ck_assert_uint_gt(bg_lexicon_variant_count(lex, i), 0);
		ck_assert_uint_gt(strlen(bg_lexicon_label(lex, i)), 0);
		for (size_t j = 0; j < bg_lexicon_variant_count(lex, i); j++)
			ck_assert_uint_gt(strlen(bg_lexicon_variant_key(lex, i, j)), 0);
	}
}
END_TEST

START_TEST(terms_meet_their_concept)
{
	ck_assert_str_eq(concept("partner"), "partner");
	ck_assert_str_eq(concept("Partners"), "partner");
	ck_assert_str_eq(concept("PARTNER"), "partner");
	ck_assert_str_eq(concept("echtgenoot"), "partner");
	ck_assert_str_eq(concept("echtgenoten"), "partner");
	ck_assert_str_eq(concept("fiscale partner"), "partner");
	ck_assert_str_eq(concept("partner van de belanghebbende"), "partner");
	ck_assert_str_eq(concept("toetsingsinkomen"), "inkomen");
	ck_assert_str_eq(concept("toetsingsinkomens"), "inkomen");
	ck_assert_str_eq(concept("het gezamenlijke toetsingsinkomen"), "inkomen");
	ck_assert_str_eq(concept("bijdrage-inkomen"), "inkomen");
	ck_assert_str_eq(concept("Rendementsgrondslag"), "vermogen");
	ck_assert_str_eq(concept("grondslag sparen en beleggen"), "vermogen");
	ck_assert_str_eq(concept("medebewoners"), "huishouden");
	ck_assert_str_eq(concept("kostendeler"), "huishouden");
	ck_assert_str_eq(concept("kinderen"), "kind");
	ck_assert_str_eq(concept("woonadres"), "woning");
	/* compound heads (`compound:` lines) */
	ck_assert_str_eq(concept("eenpersoonshuishouden"), "huishouden");
	ck_assert_str_eq(concept("ondernemingsvermogen"), "vermogen");
	ck_assert_str_eq(concept("jaarinkomen"), "inkomen");
	ck_assert_str_eq(concept("vervolgdagloon"), "inkomen");
	/* "loon" is no compound head: a minimumloon is a norm, not an income */
	ck_assert_ptr_null(concept("minimumloon"));
	ck_assert_ptr_null(concept("bevoegdheid"));
	ck_assert_ptr_null(concept("Onze Minister"));
	ck_assert_ptr_null(concept(""));
}
END_TEST

START_TEST(triggers_are_compiled)
{
	const bg_trigger *t;

	ck_assert_uint_gt(bg_lexicon_trigger_count(lex, BG_TRIG_LIST), 0);
	ck_assert_uint_gt(bg_lexicon_trigger_count(lex, BG_TRIG_INLINE), 0);
	ck_assert_uint_gt(bg_lexicon_trigger_count(lex, BG_TRIG_NEGATIVE), 0);
	ck_assert_uint_gt(bg_lexicon_trigger_count(lex, BG_TRIG_REFERENCE), 0);
	ck_assert_uint_gt(bg_lexicon_trigger_count(lex, BG_TRIG_MODIFIER), 0);
	ck_assert_uint_gt(bg_lexicon_trigger_count(lex, BG_TRIG_SCOPE_REGULATION), 0);
	t = bg_lexicon_trigger(lex, BG_TRIG_INLINE, 0);
	ck_assert_ptr_nonnull(t->regex);
	ck_assert_ptr_nonnull(t->pattern);
	ck_assert_ptr_nonnull(t->require);
	ck_assert_str_eq(bg_trigger_form_name(BG_TRIG_SAME_MEANING), "same-meaning");
}
END_TEST

/* The submatch-free copy of each pattern (the quick "does it match")
 * says yes exactly where the pattern itself matches, approximate
 * patterns included, on texts that do and do not define. */
START_TEST(quick_regex_agrees)
{
	static const char *const texts[] = {
		"in deze wet wordt verstaan onder:",
		"in deze wet wordt verstaen onder:",
		"in deze wet wordt vrstaan onder:",
		"onder partner wordt mede verstaan de ongehuwd samenwonende.",
		"als gehuwde wordt mede aangemerkt de ongehuwd samenwonende partner.",
		"ingezetene in de zin van deze wet is degene die in nederland woont.",
		"werknemer is de natuurlijke persoon die arbeid verricht.",
		"het begrip inkomen heeft dezelfde betekenis als in artikel 3 van de awir.",
		"tot de middelen worden alle vermogensbestanddelen gerekend.",
		"als partner wordt niet aangemerkt de bloedverwant in de eerste graad.",
		"de minister stelt nadere regels.",
		"",
	};
	size_t ntested = 0, nmatched = 0;

	for (int f = 0; f < BG_TRIG__COUNT; f++) {
		for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++) {
			const bg_trigger *t = bg_lexicon_trigger(lex, (bg_trigger_form)f, j);
			const void *q = bg_trigger_regex_quick(t);
			regaparams_t p;

			ck_assert_ptr_nonnull(q);
			tre_regaparams_default(&p);
			p.max_cost = t->max_cost;
			for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
				regmatch_t pm[10];
				regamatch_t full = { .nmatch = 10, .pmatch = pm }, quick = { 0 };
				bool a = tre_reganexec(t->regex, texts[k], strlen(texts[k]), &full, p, 0) == REG_OK;
				bool b = tre_reganexec(q, texts[k], strlen(texts[k]), &quick, p, 0) == REG_OK;

				ck_assert_msg(a == b, "%s trigger %zu on \"%s\": full %d, quick %d",
					      bg_trigger_form_name((bg_trigger_form)f), j, texts[k], a, b);
				ntested++;
				nmatched += a;
			}
		}
	}
	/* the texts reach the patterns: some match, most do not */
	ck_assert_uint_gt(nmatched, 10);
	ck_assert_uint_lt(nmatched, ntested / 2);
}
END_TEST

/* The `require:` language: "|" any, "&&" all, "^A" opens the text, "A$"
 * closes it; read without anchors, the marks are mere presence. */
START_TEST(require_language)
{
	static const struct {
		const char *req, *text;
		bool anchored, plain;
	} cases[] = {
		{ "", "wat dan ook", true, true },
		{ "verst", "wordt verstaan onder:", true, true },
		{ "verst&&onder", "wordt verstaan door", false, false },
		{ "aangemerkt|beschouwd&&als", "als kind wordt beschouwd", true, true },
		{ "^als |. als |; als &&aangemerkt", "als partner wordt aangemerkt", true, true },
		{ "^als |. als |; als &&aangemerkt", "iets. als partner wordt aangemerkt", true, true },
		{ "^als |. als |; als &&aangemerkt", "zo; als partner wordt aangemerkt", true, true },
		{ "^als |. als |; als &&aangemerkt", "wordt als partner aangemerkt", false, true },
		{ "^als |. als |; als &&aangemerkt", "dat als partner wordt aangemerkt", false, true },
		{ "onder$|onder:$", "wordt verstaan onder:", true, true },
		{ "onder$|onder:$", "wordt verstaan onder", true, true },
		{ "onder$|onder:$", "onder partner wordt verstaan", false, true },
		{ "onder$", "onder", true, true },
		{ "onder$", "nder", false, false },
		{ "^onder", "ond", false, false },
		{ ":$&&^begrippen", "begrippen:", true, true },
		{ ":$&&^begrippen", "de begrippen:", false, true },
		{ "^", "^ is a literal when alone", true, true },
		{ "$", "costs $5", true, true },
		{ "$", "no dollar", false, false },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = strlen(cases[i].text);
		ck_assert_msg(bg_require_ok(cases[i].req, cases[i].text, n, true) == cases[i].anchored,
			      "\"%s\" on \"%s\"", cases[i].req, cases[i].text);
		ck_assert_msg(bg_require_ok(cases[i].req, cases[i].text, n, false) == cases[i].plain,
			      "\"%s\" on \"%s\" without anchors", cases[i].req, cases[i].text);
	}
}
END_TEST

/* Whether req has a literal with an anchor. */
static bool has_anchor(const char *req)
{
	for (const char *p = req; *p; p++)
		if ((*p == '^' && p[1] && p[1] != '|' && p[1] != '&') ||
		    (*p == '$' && p > req && p[-1] != '|' && p[-1] != '&' &&
		     (!p[1] || p[1] == '|' || p[1] == '&')))
			return true;
	return false;
}

/* A prefilter must never exclude a text its pattern matches (lexicon
 * README).  A literal anywhere in a match is easy to check by eye; an
 * anchor ("^A", "A$") is a claim about where the match lies, and one too
 * bold would silently lose definitions.  So: on every text block of the
 * corpus ($BEGRIP_REQUIRE_STRIDE, default 1: every file; corpus_walk.h),
 * lowered as extraction lowers it, every pattern whose `require:` has an
 * anchor runs wherever the require read without anchors lets it (the old,
 * weaker prefilter), and each match must meet the anchored require. */
struct req_walk {
	bg_buf low;
	size_t matches;
};

/* The text of n into low, lowered as extraction lowers it. */
static void lower_block(const bg_node *n, bg_buf *low)
{
	bg_buf_clear(low);
	bg_lower_ascii(n->text, n->text_len, low);
	ck_assert(bg_buf_ok(low));
}

/* Whether trigger t's pattern matches low (with its approximate cost). */
static bool trigger_matches(const bg_trigger *t, const bg_buf *low)
{
	regamatch_t am = { 0 };
	regaparams_t p;

	tre_regaparams_default(&p);
	p.max_cost = t->max_cost;
	return tre_reganexec(t->regex, low->s, low->len, &am, p, 0) == REG_OK;
}

static void anchored_on_block(const char *path, const bg_node *n, void *ctx)
{
	struct req_walk *w = ctx;

	lower_block(n, &w->low);
	for (int f = 0; f < BG_TRIG__COUNT; f++)
		for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++) {
			const bg_trigger *t = bg_lexicon_trigger(lex, (bg_trigger_form)f, j);
			if (!has_anchor(t->require) ||
			    !bg_require_ok(t->require, w->low.s, w->low.len, false) ||
			    !trigger_matches(t, &w->low))
				continue;
			w->matches++;
			ck_assert_msg(bg_require_ok(t->require, w->low.s, w->low.len, true),
				      "%s: \"%s\" excludes a match of %s on \"%s\"",
				      path, t->require, t->pattern, w->low.s);
		}
}

START_TEST(anchored_requires_keep_corpus_matches)
{
	struct req_walk w = { BG_BUF_INIT, 0 };
	size_t anchored = 0, files;

	for (int f = 0; f < BG_TRIG__COUNT; f++)
		for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++)
			anchored += has_anchor(bg_lexicon_trigger(lex, (bg_trigger_form)f, j)->require);
	ck_assert_uint_gt(anchored, 10);   /* the committed lexicon uses anchors */
	files = corpus_walk("check_lexicon", "BEGRIP_REQUIRE_STRIDE", 1, anchored_on_block, &w);
	bg_buf_release(&w.low);
	if (!files)
		return;
	fprintf(stderr, "check_lexicon: %zu matches of %zu anchored prefilters kept, %zu files\n",
		w.matches, anchored, files);
	ck_assert_uint_gt(w.matches, 200);
}
END_TEST

/* The same promise for every literal, anchored or not: on every text
 * block of every `stride`-th corpus file ($BEGRIP_REQUIRE_ALL_STRIDE,
 * default 11; all files pass too), every pattern runs where its
 * `require:` says no, and must not match there.  (A require naming a word
 * every match holds passes by construction; this catches one that a
 * pattern's alternatives outgrew, such as "ingevolge" for "...
 * (ingevolge|overeenkomstig|volgens)".) */
struct excl_walk {
	bg_buf low;
	size_t runs, blocks;
};

static void excluded_on_block(const char *path, const bg_node *n, void *ctx)
{
	struct excl_walk *w = ctx;

	lower_block(n, &w->low);
	w->blocks++;
	for (int f = 0; f < BG_TRIG__COUNT; f++)
		for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++) {
			const bg_trigger *t = bg_lexicon_trigger(lex, (bg_trigger_form)f, j);
			if (!t->require[0] || bg_require_ok(t->require, w->low.s, w->low.len, true))
				continue;
			w->runs++;
			ck_assert_msg(!trigger_matches(t, &w->low),
				      "%s: \"%s\" excludes a match of %s on \"%s\"",
				      path, t->require, t->pattern, w->low.s);
		}
}

START_TEST(requires_keep_corpus_matches)
{
	struct excl_walk w = { BG_BUF_INIT, 0, 0 };
	size_t files = corpus_walk("check_lexicon", "BEGRIP_REQUIRE_ALL_STRIDE", 11,
				   excluded_on_block, &w);

	bg_buf_release(&w.low);
	if (!files)
		return;
	fprintf(stderr, "check_lexicon: no match in %zu pattern runs the prefilters spare, "
		"%zu text blocks of %zu files\n", w.runs, w.blocks, files);
	ck_assert_uint_gt(w.runs, 100000);
}
END_TEST

/* A lazy lexicon compiles a pattern at its first use: the same triggers;
 * a bad pattern loads, is reported once on stderr and never matches. */
START_TEST(lazy_compiles_on_first_use)
{
	bg_lexicon *lz = NULL;
	const bg_trigger *t;
	FILE *fp;
	char path[] = "/tmp/begrip-lexicon-XXXXXX";
	int fd;

	ck_assert_int_eq(bg_lexicon_load_lazy("lexicon/concepts.txt", nm, &lz, &diag), BG_OK);
	for (int f = 0; f < BG_TRIG__COUNT; f++)
		ck_assert_uint_eq(bg_lexicon_trigger_count(lz, (bg_trigger_form)f),
				  bg_lexicon_trigger_count(lex, (bg_trigger_form)f));
	t = bg_lexicon_trigger_info(lz, BG_TRIG_INLINE, 1);
	ck_assert_ptr_null(t->regex);
	ck_assert_str_eq(t->pattern, bg_lexicon_trigger(lex, BG_TRIG_INLINE, 1)->pattern);
	ck_assert_ptr_nonnull(bg_trigger_regex(t));
	ck_assert_ptr_eq(bg_trigger_regex(t), t->regex);
	ck_assert_ptr_nonnull(bg_lexicon_trigger(lz, BG_TRIG_LIST, 0)->regex);
	ck_assert_ptr_nonnull(bg_lexicon_framework_regex(lz, 0));
	bg_lexicon_free(lz);

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs("[concept a]\nvariant: a\n[trigger inline]\npattern: (a)\npattern: (unclosed\n"
	      "term: 3\npattern: (b)\n", fp);
	fclose(fp);
	ck_assert_int_eq(bg_lexicon_load(path, &lz, &diag), BG_ERR_FORMAT);
	bg_diag_clear(&diag);
	ck_assert_int_eq(bg_lexicon_load_lazy(path, NULL, &lz, &diag), BG_OK);
	ck_assert_uint_eq(bg_lexicon_trigger_count(lz, BG_TRIG_INLINE), 3);
	ck_assert_ptr_nonnull(bg_trigger_regex(bg_lexicon_trigger_info(lz, BG_TRIG_INLINE, 0)));
	ck_assert_ptr_null(bg_trigger_regex(bg_lexicon_trigger_info(lz, BG_TRIG_INLINE, 1)));
	ck_assert_ptr_null(bg_trigger_regex(bg_lexicon_trigger_info(lz, BG_TRIG_INLINE, 1)));
	ck_assert_ptr_null(bg_lexicon_trigger(lz, BG_TRIG_INLINE, 2)->regex);
	bg_lexicon_free(lz);
	unlink(path);
}
END_TEST

START_TEST(abbreviations_and_frameworks)
{
	bool awir = false, wetib = false, partner = false;

	for (size_t i = 0; i < bg_lexicon_abbrev_count(lex); i++) {
		if (!strcmp(bg_lexicon_abbrev_name(lex, i), "Awir"))
			awir = !strcmp(bg_lexicon_abbrev_bwb(lex, i), "BWBR0018472");
		if (!strcmp(bg_lexicon_abbrev_name(lex, i), "Wet IB 2001"))
			wetib = !strcmp(bg_lexicon_abbrev_bwb(lex, i), "BWBR0011353");
	}
	ck_assert(awir);
	ck_assert(wetib);
	ck_assert_uint_gt(bg_lexicon_framework_count(lex), 0);
	ck_assert_str_eq(bg_lexicon_framework_bwb(lex, 0), "BWBR0018472");
	for (size_t j = 0; j < bg_lexicon_framework_concept_count(lex, 0); j++)
		if (!strcmp(bg_lexicon_framework_concept(lex, 0, j), "partner"))
			partner = true;
	ck_assert(partner);
	ck_assert_ptr_nonnull(bg_lexicon_framework_regex(lex, 0));
}
END_TEST

static const char minimal[] =
	"# a comment\n"
	"[concept huisdier]\n"
	"label: huisdier\n"
	"note: a pet\n"
	"variant: huisdier\n"
	"variant: gezelschapsdier\n"
	"\n"
	"[trigger inline]\n"
	"require: verstaan\n"
	"term: 2\n"
	"approx: 1\n"
	"lexicon-only: yes\n"
	"pattern: (^|[.;] )onder ([^.;:]+?) wordt verstaan\n"
	"[abbreviation BWBR0000001]\n"
	"name: Whd\n"
	"[framework BWBR0000001]\n"
	"concepts: huisdier\n"
	"pattern: dierenwet\n";

START_TEST(minimal_lexicon)
{
	const bg_trigger *t;

	ck_assert_int_eq(parse(minimal), BG_OK);
	ck_assert_uint_eq(bg_lexicon_count(lex), 1);
	ck_assert_str_eq(bg_lexicon_id(lex, 0), "huisdier");
	ck_assert_str_eq(bg_lexicon_note(lex, 0), "a pet");
	ck_assert_str_eq(bg_lexicon_broader(lex, 0), "");
	ck_assert_uint_eq(bg_lexicon_variant_count(lex, 0), 2);
	ck_assert_str_eq(bg_lexicon_variant(lex, 0, 1), "gezelschapsdier");
	ck_assert_str_eq(concept("huisdieren"), "huisdier");
	ck_assert_uint_eq(bg_lexicon_trigger_count(lex, BG_TRIG_INLINE), 1);
	ck_assert_uint_eq(bg_lexicon_trigger_count(lex, BG_TRIG_NEGATIVE), 0);
	t = bg_lexicon_trigger(lex, BG_TRIG_INLINE, 0);
	ck_assert_int_eq(t->term_group, 2);
	ck_assert_int_eq(t->max_cost, 1);
	ck_assert(t->lexicon_only);
	ck_assert(!t->defined_only);
	ck_assert_str_eq(t->require, "verstaan");
	ck_assert_uint_eq(bg_lexicon_abbrev_count(lex), 1);
	ck_assert_uint_eq(bg_lexicon_framework_count(lex), 1);
	ck_assert_uint_eq(bg_lexicon_framework_concept_count(lex, 0), 1);
}
END_TEST

/* "lexicon-only: defined" marks the triggers of the later pass over a
 * regulation (defs.c: defined_pass), and not as lexicon-only; the next
 * block starts without it. */
START_TEST(defined_only_trigger)
{
	static const char text[] =
		"[concept a]\nvariant: a\n"
		"[trigger inline]\nlexicon-only: defined\nterm: 2\n"
		"pattern: (^|[.;] )([a-z]+) wordt als a beschouwd\n"
		"[trigger inline]\npattern: onder ([a-z]+) wordt verstaan\n";
	const bg_trigger *t;

	ck_assert_int_eq(parse(text), BG_OK);
	ck_assert_uint_eq(bg_lexicon_trigger_count(lex, BG_TRIG_INLINE), 2);
	t = bg_lexicon_trigger(lex, BG_TRIG_INLINE, 0);
	ck_assert(t->defined_only);
	ck_assert(!t->lexicon_only);
	t = bg_lexicon_trigger(lex, BG_TRIG_INLINE, 1);
	ck_assert(!t->defined_only);
}
END_TEST

/* Each malformed lexicon fails with BG_ERR_FORMAT (or IO) at its line. */
START_TEST(format_errors_name_the_line)
{
	static const struct { const char *text; unsigned line; const char *msg; } bad[] = {
		{ "[concept a]\nvariant: a\n[trigger inline]\npattern: (unclosed\n", 4, "bad trigger pattern" },
		{ "[concept a]\nvariant: a\n[widget x]\n", 3, "unknown block kind" },
		{ "variant: a\n", 1, "line outside a block" },
		{ "[concept a]\nvariant a\n", 2, "expected 'key: value'" },
		{ "[concept a]\ncolour: red\n", 2, "unknown concept key" },
		{ "[concept a]\nvariant: a\n[concept a]\n", 3, "duplicate concept" },
		{ "[concept a]\nvariant: a\n[trigger guess]\n", 3, "unknown trigger form" },
		{ "[concept a]\nvariant: a\n[trigger inline]\nterm: 3\npattern: (a)\n", 5, "term group beyond" },
		{ "[concept a]\nvariant: a\n[abbreviation X]\n", 3, "needs a BWB id" },
		{ "[concept a\n", 1, "must end with ']'" },
		{ "[concept a]\nvariant: a\n[trigger inline]\nlexicon-only: maybe\n", 4,
		  "lexicon-only wants yes, no or defined" },
		{ "[concept a]\nvariant: ...\n", 2, "variant has no words" },
		{ "[concept a]\nvariant: a\ncompound: twee woorden\n", 3, "compound wants one word" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_int_eq(parse(bad[i].text), BG_ERR_FORMAT);
		ck_assert_ptr_null(lex);
		ck_assert_uint_eq(diag.line, bad[i].line);
		ck_assert_msg(strstr(diag.message, bad[i].msg), "case %zu: message '%s'", i,
			      diag.message);
		ck_assert_str_eq(diag.file, "test.lex");
	}
	/* file-level checks */
	ck_assert_int_eq(parse("[concept a]\n[trigger inline]\npattern: (x)\n"), BG_ERR_FORMAT);
	ck_assert_msg(strstr(diag.message, "no variant") != NULL, "got %s", diag.message);
	ck_assert_int_eq(parse("[concept a]\nvariant: a\n"), BG_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(diag.message, "no list or inline triggers"));
	ck_assert_int_eq(parse("[concept a]\nvariant: a\n[trigger inline]\npattern: (x)\n"
			       "[framework BWBR0000001]\nconcepts: b\npattern: y\n"), BG_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(diag.message, "unknown concept"));
	ck_assert_int_eq(parse("include no-such-file.txt\n"), BG_ERR_IO);
	ck_assert_int_eq(bg_lexicon_load("no/such/lexicon.txt", &lex, &diag), BG_ERR_IO);
}
END_TEST

START_TEST(default_path_follows_environment)
{
	unsetenv("BEGRIP_LEXICON");
	ck_assert_str_eq(bg_lexicon_default_path(), "lexicon/concepts.txt");
	setenv("BEGRIP_LEXICON", "/tmp/other.txt", 1);
	ck_assert_str_eq(bg_lexicon_default_path(), "/tmp/other.txt");
	unsetenv("BEGRIP_LEXICON");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("lexicon");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, committed_lexicon_has_the_concepts);
	tcase_add_test(tc, terms_meet_their_concept);
	tcase_add_test(tc, triggers_are_compiled);
	tcase_add_test(tc, quick_regex_agrees);
	tcase_add_test(tc, lazy_compiles_on_first_use);
	tcase_add_test(tc, abbreviations_and_frameworks);
	tcase_add_test(tc, minimal_lexicon);
	tcase_add_test(tc, defined_only_trigger);
	tcase_add_test(tc, format_errors_name_the_line);
	tcase_add_test(tc, default_path_follows_environment);
	tcase_add_test(tc, require_language);
	suite_add_tcase(s, tc);
	tc = tcase_create("corpus");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, anchored_requires_keep_corpus_matches);
	tcase_add_test(tc, requires_keep_corpus_matches);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
