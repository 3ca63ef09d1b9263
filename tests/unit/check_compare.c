/*
 * check_compare.c -- components (items, exclusions, conditions and their
 * connective, time references, references), the word diff, variant
 * grouping, the divergence score and the concept index, on small
 * hand-written definitions.  Uses the real phrase file lexicon/compare.txt
 * (run from the repository root, as `make unit` does).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

static bg_norm *nm;
static bg_cmp_phrases *ph;

static void setup(void)
{
	bg_diag d = { 0 };

	nm = bg_norm_new();
	ck_assert_ptr_nonnull(nm);
	if (bg_cmp_phrases_load("lexicon/compare.txt", nm, &ph, &d) != BG_OK)
		bg_diag_print(&d, stderr);
	ck_assert_ptr_nonnull(ph);
}

static void teardown(void)
{
	bg_cmp_phrases_free(ph);
	bg_norm_free(nm);
}

static void split(const char *text, bg_components *c)
{
	ck_assert_int_eq(bg_components_split(nm, ph, text, strlen(text), c), BG_OK);
}

/* The text of component i. */
static char *ctext(const char *text, const bg_components *c, size_t i)
{
	return strndup(text + c->v[i].start, c->v[i].len);
}

static size_t count_kind(const bg_components *c, bg_comp_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->v[i].kind == k;
	return n;
}

static const bg_comp *find_kind(const bg_components *c, bg_comp_kind k, size_t nth)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].kind == k && nth-- == 0)
			return &c->v[i];
	return NULL;
}

START_TEST(list_items_and_connective)
{
	const char *t = "a. de echtgenoot; b. de geregistreerde partner; en c. de ongehuwde "
			"meerderjarige met wie een gezamenlijke huishouding wordt gevoerd.";
	bg_components c = BG_COMPONENTS_INIT;
	char *s;

	split(t, &c);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_ITEM), 3);
	ck_assert_int_eq(c.list_conj, BG_CONJ_EN);
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(find_kind(&c, BG_COMP_ITEM, i)->conj, BG_CONJ_EN);
	/* the marker and the connective are not part of the item */
	s = ctext(t, &c, 2);
	ck_assert_str_eq(s, "de ongehuwde meerderjarige met wie een gezamenlijke huishouding wordt gevoerd");
	free(s);
	s = ctext(t, &c, 1);
	ck_assert_str_eq(s, "de geregistreerde partner");
	free(s);
	/* stemmed key without function words */
	ck_assert_str_eq(c.v[1].key, "geregistreerd partner");
	bg_components_release(&c);
}
END_TEST

START_TEST(lead_in_makes_conditions_alternative)
{
	const char *t = "degene die op hetzelfde woonadres is ingeschreven als de belanghebbende en: "
			"a. uit wiens relatie een kind is geboren; b. die een kind heeft erkend; of "
			"c. die samen met de belanghebbende een woning heeft.";
	bg_components c = BG_COMPONENTS_INIT;

	split(t, &c);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_ITEM), 1);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_CONDITION), 3);
	ck_assert_int_eq(c.list_conj, BG_CONJ_OF);
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(find_kind(&c, BG_COMP_CONDITION, i)->conj, BG_CONJ_OF);
	/* the lead-in is an item without the list's connective */
	ck_assert_int_eq(find_kind(&c, BG_COMP_ITEM, 0)->conj, BG_CONJ_NONE);
	bg_components_release(&c);
}
END_TEST

START_TEST(exclusions_conditions_time_references)
{
	const char *t = "het inkomen, bedoeld in artikel 8, eerste lid, van de Algemene wet "
			"inkomensafhankelijke regelingen, met uitzondering van de inkomsten uit vermogen, "
			"indien de belanghebbende op de peildatum ingezetene is en meerderjarig is";
	bg_components c = BG_COMPONENTS_INIT;
	const bg_comp *x;
	char *s;

	split(t, &c);
	x = find_kind(&c, BG_COMP_EXCLUSION, 0);
	ck_assert_ptr_nonnull(x);
	s = strndup(t + x->start, x->len);
	ck_assert_str_eq(s, "met uitzondering van de inkomsten uit vermogen");
	free(s);
	/* the marker is not in the key: "tenzij X" matches "met uitzondering van X" */
	ck_assert_str_eq(x->key, "inkomst uit vermog");
	x = find_kind(&c, BG_COMP_CONDITION, 0);
	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(x->conj, BG_CONJ_EN);
	x = find_kind(&c, BG_COMP_TIME, 0);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->key, "peildatum");
	x = find_kind(&c, BG_COMP_REFERENCE, 0);
	ck_assert_ptr_nonnull(x);
	s = strndup(t + x->start, x->len);
	ck_assert_str_eq(s, "artikel 8, eerste lid, van de Algemene wet inkomensafhankelijke regelingen");
	free(s);
	bg_components_release(&c);
}
END_TEST

START_TEST(clause_starting_with_exception)
{
	const char *t = "de echtgenoot; tenzij het betreft een bloedverwant in de eerste graad.";
	bg_components c = BG_COMPONENTS_INIT;

	split(t, &c);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_EXCLUSION), 1);
	ck_assert_str_eq(find_kind(&c, BG_COMP_EXCLUSION, 0)->key, "betreft bloedverwant eerst grad");
	bg_components_release(&c);
}
END_TEST

/* Phrases match by their words' ids: a one-word stop phrase is a stop
 * word, a word only inside a phrase is not; the longest phrase wins ("met
 * uitzondering van" over "met uitzondering"), and a marker with nothing
 * after it makes no component. */
START_TEST(phrase_words)
{
	const char *t = "de inkomsten met uitzondering van de rente; het vermogen, "
			"voor zover het niet vrijgesteld; en de schulden met uitzondering";
	bg_components c = BG_COMPONENTS_INIT;
	const bg_comp *x;
	char *s;

	ck_assert(bg_cmp_phrases_is_stop(ph, "de"));
	ck_assert(bg_cmp_phrases_is_stop(ph, "van"));
	ck_assert(!bg_cmp_phrases_is_stop(ph, "uitzondering"));
	ck_assert(!bg_cmp_phrases_is_stop(ph, "partner"));
	ck_assert(!bg_cmp_phrases_is_stop(ph, ""));
	split(t, &c);
	ck_assert_uint_eq(c.n, 5);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_EXCLUSION), 1);
	x = find_kind(&c, BG_COMP_EXCLUSION, 0);
	s = ctext(t, &c, (size_t)(x - c.v));
	ck_assert_str_eq(s, "met uitzondering van de rente");
	free(s);
	ck_assert_str_eq(x->key, "rent");
	x = find_kind(&c, BG_COMP_CONDITION, 0);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->key, "niet");
	ck_assert_str_eq(find_kind(&c, BG_COMP_ITEM, 2)->key, "schuld");
	ck_assert_int_eq(c.list_conj, BG_CONJ_EN);
	bg_components_release(&c);
}
END_TEST

START_TEST(similarity)
{
	ck_assert(fabs(bg_comp_similarity("a b c", "a b c") - 1.0) < 1e-9);
	ck_assert(fabs(bg_comp_similarity("a b", "c d")) < 1e-9);
	/* Dice: 2*2/(3+3) */
	ck_assert(fabs(bg_comp_similarity("a b c", "a b d") - 2.0 / 3.0) < 1e-9);
	/* word sets: order and repetition do not matter */
	ck_assert(fabs(bg_comp_similarity("b a a", "a b") - 1.0) < 1e-9);
}
END_TEST

static void toks(const char *s, bg_toklist *l)
{
	ck_assert_int_eq(bg_norm_tokens(nm, s, strlen(s), BG_NORM_NUMBERS, l), BG_OK);
}

START_TEST(word_diff)
{
	const char *a = "de echtgenoot of de ongehuwde meerderjarige";
	const char *b = "De echtgenoot, of de geregistreerde partner";
	bg_toklist ta = BG_TOKLIST_INIT, tb = BG_TOKLIST_INIT;
	bg_diff d = BG_DIFF_INIT;
	bg_buf out = BG_BUF_INIT;

	toks(a, &ta);
	toks(b, &tb);
	ck_assert_int_eq(bg_diff_tokens(&ta, &tb, &d), BG_OK);
	/* case and the comma are not differences */
	ck_assert_uint_eq(d.lcs, 4);
	ck_assert(fabs(bg_diff_distance(&d) - (1.0 - 8.0 / 12.0)) < 1e-9);
	bg_diff_write_plain(&d, a, strlen(a), &ta, b, strlen(b), &tb, &out);
	ck_assert_str_eq(out.s, "de echtgenoot of de [-ongehuwde meerderjarige-]{+geregistreerde partner+}");
	bg_buf_release(&out);
	bg_diff_release(&d);

	/* identical texts: one equal run, distance 0 */
	ck_assert_int_eq(bg_diff_tokens(&ta, &ta, &d), BG_OK);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].op, BG_DIFF_EQ);
	ck_assert(bg_diff_distance(&d) == 0.0);
	bg_diff_release(&d);
	bg_toklist_release(&ta);
	bg_toklist_release(&tb);
}
END_TEST

static bg_cmp_def mkdef(const char *law, const char *root, const char *text)
{
	bg_cmp_def d;

	memset(&d, 0, sizeof d);
	d.law = law;
	d.file = "";
	d.title = law;
	d.date = "";
	d.where = "artikel 1";
	d.kind = "own";
	d.root = root;
	d.origin = root;
	d.root_label = "";
	d.text = text;
	d.link = "";
	return d;
}

/* One definition against many: the LCS over ids equals bg_diff_tokens's,
 * T equals bg_cmp_score2's and the bound never lies above it. */
START_TEST(vocab_matches_diff)
{
	static const char *const words[] = { "de", "het", "partner", "echtgenoot", "of",
					     "en", "1", "inkomen", "niet" };
	bg_toklist ta = BG_TOKLIST_INIT, tb = BG_TOKLIST_INIT;
	bg_buf a = BG_BUF_INIT, b = BG_BUF_INIT;
	unsigned seed = 7;

	for (int round = 0; round < 300; round++) {
		bg_cmp_vocab v;
		bg_diff d = BG_DIFF_INIT;
		uint32_t *ids;
		size_t common, la, lb, lcs;
		double t, bound;

		bg_buf_clear(&a);
		bg_buf_clear(&b);
		seed = seed * 1103515245u + 12345u;
		la = (seed >> 16) % 25;
		seed = seed * 1103515245u + 12345u;
		lb = (seed >> 16) % 25;
		for (size_t i = 0; i < la; i++) {
			seed = seed * 1103515245u + 12345u;
			bg_buf_addf(&a, "%s ", words[(seed >> 16) % (round % 9 + 1)]);
		}
		for (size_t i = 0; i < lb; i++) {
			seed = seed * 1103515245u + 12345u;
			bg_buf_addf(&b, "%s ", words[(seed >> 16) % 9]);
		}
		toks(a.s, &ta);
		toks(b.s, &tb);
		ck_assert_int_eq(bg_diff_tokens(&ta, &tb, &d), BG_OK);
		ck_assert_int_eq(bg_cmp_vocab_init(&v, &ta), BG_OK);
		ids = malloc((tb.n + 1) * sizeof *ids);
		ck_assert_ptr_nonnull(ids);
		bg_cmp_vocab_ids(&v, &tb, ids, &common);
		t = bg_cmp_vocab_tok_distance(&v, ids, tb.n);
		bound = bg_cmp_vocab_tok_bound(&v, common, tb.n);
		lcs = d.lcs;
		ck_assert_uint_eq(bg_diff_lcs_ids(v.ida, v.na, ids, tb.n), lcs);
		ck_assert(t == bg_diff_distance(&d));
		ck_assert(bound <= t);
		ck_assert_uint_ge(common, lcs);
		free(ids);
		bg_cmp_vocab_release(&v);
		bg_diff_release(&d);
	}
	bg_toklist_release(&ta);
	bg_toklist_release(&tb);
	bg_buf_release(&a);
	bg_buf_release(&b);
}
END_TEST

/* The bit-parallel LCS against one A equals the table's, for lists
 * longer than one mask word, with and without a common prefix and
 * suffix, and with ids of B that A lacks (0). */
START_TEST(lcsa_matches_lcs_ids)
{
	unsigned seed = 11;
	uint32_t a[300], b[300];

	for (int round = 0; round < 400; round++) {
		size_t na, nb, nid, pre, suf;
		bg_diff_lcsa l;

		seed = seed * 1103515245u + 12345u;
		na = (seed >> 16) % 300;
		seed = seed * 1103515245u + 12345u;
		nb = (seed >> 16) % 300;
		nid = 1 + (size_t)round % 40;
		for (size_t i = 0; i < na; i++) {
			seed = seed * 1103515245u + 12345u;
			a[i] = 1 + (uint32_t)((seed >> 16) % nid);
		}
		for (size_t j = 0; j < nb; j++) {
			seed = seed * 1103515245u + 12345u;
			b[j] = (uint32_t)((seed >> 16) % (nid + 1));
		}
		/* every third round: B shares a prefix and a suffix with A */
		pre = round % 3 ? 0 : (na < nb ? na : nb) / 3;
		suf = round % 3 ? 0 : (na < nb ? na : nb) / 4;
		for (size_t i = 0; i < pre; i++)
			b[i] = a[i];
		for (size_t i = 0; i < suf; i++)
			b[nb - 1 - i] = a[na - 1 - i];
		ck_assert_int_eq(bg_diff_lcsa_init(&l, a, na, nid), BG_OK);
		ck_assert_uint_eq(bg_diff_lcsa_len(&l, b, nb), bg_diff_lcs_ids(a, na, b, nb));
		bg_diff_lcsa_release(&l);
	}
	/* runs of one id across whole mask words: a word of A without the
	 * token's id passes the carry of the word below on */
	for (int round = 0; round < 60; round++) {
		static const size_t run[] = { 1, 7, 63, 64, 65, 128 };
		size_t len = run[round % 6], nid = 2 + (size_t)round % 3, na = 300, nb;
		bg_diff_lcsa l;

		seed = seed * 1103515245u + 12345u;
		nb = 1 + (seed >> 16) % 40;
		for (size_t i = 0; i < na; i++)
			a[i] = 1 + (uint32_t)((i / len) % nid);
		for (size_t j = 0; j < nb; j++) {
			seed = seed * 1103515245u + 12345u;
			b[j] = 1 + (uint32_t)((seed >> 16) % nid);
		}
		ck_assert_int_eq(bg_diff_lcsa_init(&l, a, na, nid), BG_OK);
		ck_assert_uint_eq(bg_diff_lcsa_len(&l, b, nb), bg_diff_lcs_ids(a, na, b, nb));
		bg_diff_lcsa_release(&l);
	}
}
END_TEST

/* The check tells two wordings apart by the norm's spaces before making
 * the norm (draftcheck.c same_norm): one stemmed key per word, joined by
 * single spaces. */
START_TEST(norm_has_a_key_per_word)
{
	static const char *const texts[] = {
		"de echtgenoot, of de ongehuwde meerderjarige",
		"Toetsingsinkomen is: het op het berekeningsjaar betrekking hebbende inkomensgegeven.",
		"artikel 3.111, eerste lid, onderdeel a° van de Wet IB 2001 (Stb. 2000, 215)",
		"één café-eigenaar, coöperatie en reëel vermogen van € 1.000,-- per 1 januari",
		"partnertje's huisjes; woninkje: 12a en 2de",
		"",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		bg_cmp_def d = mkdef("L", "L/artikel=1", texts[i]);
		size_t spaces = 0;

		ck_assert_int_eq(bg_cmp_prepare_tokens(nm, &d), BG_OK);
		ck_assert_ptr_null(d.norm);
		ck_assert_int_eq(bg_cmp_prepare_norm(nm, &d), BG_OK);
		for (const char *c = d.norm; *c; c++)
			spaces += *c == ' ';
		ck_assert(!d.words.keys.len || !memchr(d.words.keys.s, ' ', d.words.keys.len));
		ck_assert_uint_eq(spaces, d.words.n ? d.words.n - 1 : 0);
		bg_cmp_def_release(&d);
	}
}
END_TEST

START_TEST(grouping_score_index)
{
	bg_cmp_def defs[5];
	bg_cmp c;
	const char *awir = "de echtgenoot of de ongehuwde meerderjarige met wie de belanghebbende "
			   "een gezamenlijke huishouding voert";
	const bg_cmp_pair *p;

	/* A: own; B: reference to A (same root); C: A's wording in other case
	 * and punctuation (own root); D: a different test; E: D again */
	defs[0] = mkdef("L1", "L1/artikel=1", awir);
	defs[1] = mkdef("L2", "L1/artikel=1", "partner als bedoeld in artikel 1 van L1");
	defs[1].kind = "reference";
	defs[2] = mkdef("L3", "L3/artikel=2", "De Echtgenoot, of de ongehuwde meerderjarige met "
			"wie de belanghebbende een gezamenlijke huishouding voert.");
	defs[3] = mkdef("L4", "L4/artikel=3", "degene die op hetzelfde woonadres staat ingeschreven "
			"en: a. met wie een kind is geboren; of b. die een woning in eigendom heeft.");
	defs[4] = mkdef("L5", "L5/artikel=1", "degene die op hetzelfde woonadres staat ingeschreven "
			"en: a. met wie een kind is geboren; of b. die een woning in eigendom heeft.");
	ck_assert_int_eq(bg_cmp_run(nm, ph, defs, 5, 2, &c), BG_OK);

	ck_assert_uint_eq(c.nvar, 2);
	ck_assert_uint_eq(c.nlaws, 5);
	/* the larger variant first */
	ck_assert_uint_eq(c.var[0].nlaws, 3);
	ck_assert_uint_eq(defs[0].variant, 0);
	ck_assert_uint_eq(defs[1].variant, 0);  /* same root */
	ck_assert_uint_eq(defs[2].variant, 0);  /* same wording after normalisation */
	ck_assert_uint_eq(defs[3].variant, 1);
	ck_assert_uint_eq(defs[4].variant, 1);
	/* the representative of variant 0 is an own definition */
	ck_assert_str_eq(defs[c.var[0].rep].kind, "own");

	ck_assert(bg_cmp_def_score(&c, 0, 1) == 0.0);
	ck_assert(bg_cmp_def_score(&c, 0, 2) == 0.0);
	p = bg_cmp_pair_of(&c, 0, 1);
	ck_assert_ptr_nonnull(p);
	ck_assert(p == bg_cmp_pair_of(&c, 1, 0));
	ck_assert(p->root == 1.0);
	ck_assert(p->score > 0.6 && p->score <= 1.0);
	ck_assert(fabs(p->score - (BG_CMP_W_ROOT * p->root + BG_CMP_W_COMP * p->comp +
				   BG_CMP_W_TOK * p->tok)) < 1e-12);

	/* index: memberships 3 and 2 over 5 laws */
	{
		double h = -(0.6 * log2(0.6) + 0.4 * log2(0.4));
		ck_assert(fabs(c.entropy - h) < 1e-9);
		ck_assert(fabs(c.entropy_norm - h / log2(5.0)) < 1e-9);
		/* 6 of the 10 definition pairs cross variants */
		ck_assert(fabs(c.mean_divergence - p->score * 6.0 / 10.0) < 1e-9);
	}
	bg_cmp_release(&c);

	/* a variant without an own definition: a plain reference to an
	 * article that modifies another law's definition is represented by
	 * that modified reference, which carries the wording */
	defs[0] = mkdef("L1", "L1/artikel=4", "het vermogen, bedoeld in artikel 4");
	defs[0].kind = "reference";
	defs[1] = mkdef("L1", "L1/artikel=4", "de rendementsgrondslag, bedoeld in artikel 5.2 van de "
			"Wet X, met dien verstande dat de vrijstelling buiten beschouwing blijft");
	defs[1].kind = "modified_reference";
	defs[1].where = "artikel 4";
	ck_assert_int_eq(bg_cmp_run(nm, ph, defs, 2, 1, &c), BG_OK);
	ck_assert_uint_eq(c.nvar, 1);
	ck_assert_str_eq(defs[c.var[0].rep].kind, "modified_reference");
	bg_cmp_release(&c);
}
END_TEST

/* bg_cmp_run scores the pairs from ids; every pair must carry exactly
 * the numbers bg_cmp_score2 gives its two representatives.  Random
 * wordings built from words and phrases that make components (lists,
 * exclusions, conditions, time references, references) and long ones
 * (more than 64 words). */
START_TEST(run_scores_equal_score2)
{
	static const char *const parts[] = {
		"de echtgenoot", "de ongehuwde meerderjarige", "met wie", "een gezamenlijke huishouding",
		"voert", "tenzij het betreft", "een bloedverwant in de eerste graad", "indien",
		"de belanghebbende", "op de peildatum", "in het berekeningsjaar", "ingezetene is",
		"met uitzondering van", "de inkomsten uit vermogen", "bedoeld in artikel 8, eerste lid,",
		"van de Algemene wet inkomensafhankelijke regelingen", "en", "of", "het kind",
		"een woning", "partner", "partners", "inkomen", "1", "2"
	};
	enum { N = 12 };
	bg_cmp_def defs[N];
	bg_buf text[N];
	char root[N][32];
	unsigned seed = 3;
	bg_cmp c;

	for (size_t i = 0; i < N; i++) {
		size_t items;
		bg_buf_init(&text[i]);
		seed = seed * 1103515245u + 12345u;
		items = 1 + (seed >> 16) % 4;
		if (items > 1)
			bg_buf_adds(&text[i], "degene die: ");
		for (size_t k = 0; k < items; k++) {
			size_t words;
			seed = seed * 1103515245u + 12345u;
			words = 2 + (seed >> 16) % (i % 4 == 3 ? 40 : 8);
			if (items > 1)
				bg_buf_addf(&text[i], "%c. ", (char)('a' + k));
			for (size_t w = 0; w < words; w++) {
				seed = seed * 1103515245u + 12345u;
				bg_buf_addf(&text[i], "%s ", parts[(seed >> 16) % (sizeof parts / sizeof *parts)]);
			}
			if (items > 1)
				bg_buf_adds(&text[i], k + 2 < items ? "; " : k + 2 == items ? "; of " : ".");
		}
		snprintf(root[i], sizeof root[i], "L%zu/artikel=%zu", i % 5, i);
		defs[i] = mkdef(root[i], root[i], text[i].s);
	}
	ck_assert_int_eq(bg_cmp_run(nm, ph, defs, N, 2, &c), BG_OK);
	ck_assert_uint_gt(c.npairs, 16);
	for (size_t k = 0; k < c.npairs; k++) {
		const bg_cmp_pair *p = &c.pairs[k];
		double r, cd, td, sc;
		sc = bg_cmp_score2(&defs[c.var[p->va].rep], &defs[c.var[p->vb].rep], &r, &cd, &td);
		ck_assert(p->score == sc);
		ck_assert(p->root == r);
		ck_assert(p->comp == cd);
		ck_assert(p->tok == td);
	}
	bg_cmp_release(&c);
	for (size_t i = 0; i < N; i++)
		bg_buf_release(&text[i]);
}
END_TEST

START_TEST(score_bounds_and_explanations)
{
	bg_cmp_def a = mkdef("L1", "L1/artikel=1", "de echtgenoot, tenzij het betreft een "
			     "bloedverwant in de eerste graad");
	bg_cmp_def b = mkdef("L2", "L1/artikel=1", "de echtgenoot");
	bg_cmp_def z = mkdef("L3", "L3/artikel=9", "woonwagen of woonschip");
	bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;
	bg_buf line = BG_BUF_INIT;
	double r, cd, td, s;

	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &a), BG_OK);
	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &b), BG_OK);
	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &z), BG_OK);
	/* a modified reference and its root share the origin: R = 0 */
	s = bg_cmp_score2(&a, &b, &r, &cd, &td);
	ck_assert(r == 0.0);
	ck_assert(s > 0.0 && s < 0.5);
	/* a text against itself scores 0 */
	ck_assert(bg_cmp_score2(&a, &a, NULL, NULL, NULL) == 0.0);
	/* nothing shared: 1 */
	s = bg_cmp_score2(&a, &z, &r, &cd, &td);
	ck_assert(fabs(s - 1.0) < 1e-9);

	ck_assert_int_eq(bg_cmp_explain_pair(&a, &b, &e), BG_OK);
	ck_assert_uint_eq(e.n, 1);
	ck_assert_int_eq(e.notes[0].kind, BG_NOTE_ONLY_A);
	bg_note_write(&e.notes[0], &a, "A", &b, "B", &line);
	ck_assert_str_eq(line.s, "A excludes \"tenzij het betreft een bloedverwant in de eerste "
			 "graad\"; B does not.");
	bg_buf_release(&line);
	bg_cmp_explain_release(&e);
	bg_cmp_def_release(&a);
	bg_cmp_def_release(&b);
	bg_cmp_def_release(&z);
}
END_TEST

START_TEST(connective_difference)
{
	bg_cmp_def a = mkdef("L1", "L1/artikel=1", "degene die: a. een kind heeft; of b. een woning heeft.");
	bg_cmp_def b = mkdef("L2", "L2/artikel=1", "degene die: a. een kind heeft; en b. een woning heeft.");
	bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;
	bg_buf line = BG_BUF_INIT;
	bool seen = false;

	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &a), BG_OK);
	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &b), BG_OK);
	ck_assert_int_eq(bg_cmp_explain_pair(&a, &b, &e), BG_OK);
	for (size_t i = 0; i < e.n; i++)
		if (e.notes[i].kind == BG_NOTE_CONJ) {
			bg_note_write(&e.notes[i], &a, "A", &b, "B", &line);
			seen = true;
		}
	ck_assert(seen);
	ck_assert_str_eq(line.s, "A joins its list as alternatives (\"of\"); B cumulatively (\"en\").");
	/* same words, different connective: the components differ */
	ck_assert(bg_cmp_score2(&a, &b, NULL, NULL, NULL) > BG_CMP_W_ROOT);
	bg_buf_release(&line);
	bg_cmp_explain_release(&e);
	bg_cmp_def_release(&a);
	bg_cmp_def_release(&b);
}
END_TEST

START_TEST(phrase_file_errors)
{
	bg_cmp_phrases *p = NULL;
	bg_diag d = { 0 };
	const char *bad = "# comment\nexclusion\ttenzij\nbogus\tword\n";

	ck_assert_int_eq(bg_cmp_phrases_parse(bad, strlen(bad), "x.txt", nm, &p, &d), BG_ERR_FORMAT);
	ck_assert_ptr_null(p);
	ck_assert_uint_eq(d.line, 3);
	bg_diag_clear(&d);
}
END_TEST

START_TEST(time_reference_differs)
{
	/* the same item with another reference year: the items match (time
	 * words are not in the key), one note names both time references */
	bg_cmp_def a = mkdef("L1", "L1/artikel=1", "het verzamelinkomen in het kalenderjaar");
	bg_cmp_def b = mkdef("L1", "L1/artikel=1", "het verzamelinkomen in het tweede jaar "
			     "voorafgaande aan het berekeningsjaar");
	bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;
	bg_buf line = BG_BUF_INIT;

	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &a), BG_OK);
	ck_assert_int_eq(bg_cmp_prepare(nm, ph, &b), BG_OK);
	ck_assert_str_eq(find_kind(&a.comp, BG_COMP_ITEM, 0)->key, "verzamelinkom");
	ck_assert_str_eq(find_kind(&b.comp, BG_COMP_ITEM, 0)->key, "verzamelinkom");
	ck_assert_uint_eq(count_kind(&b.comp, BG_COMP_TIME), 2);
	ck_assert_int_eq(bg_cmp_explain_pair(&a, &b, &e), BG_OK);
	ck_assert_uint_eq(e.n, 1);
	ck_assert_int_eq(e.notes[0].kind, BG_NOTE_TIME);
	bg_note_write(&e.notes[0], &a, "A", &b, "B", &line);
	ck_assert_str_eq(line.s, "A uses the time reference \"kalenderjaar\"; B \"tweede jaar "
			 "voorafgaande\", \"berekeningsjaar\".");
	bg_buf_release(&line);
	bg_cmp_explain_release(&e);
	bg_cmp_def_release(&a);
	bg_cmp_def_release(&b);
}
END_TEST

START_TEST(framing_is_not_a_component)
{
	const char *t = "In deze wet wordt verstaan onder partner: de echtgenoot; en de geregistreerde partner.";
	bg_components c = BG_COMPONENTS_INIT;

	split(t, &c);
	ck_assert_uint_eq(c.n, 2);
	ck_assert_str_eq(c.v[0].key, "echtgenot");
	ck_assert_int_eq(c.list_conj, BG_CONJ_EN);
	bg_components_release(&c);
	/* a term and a copula before a list */
	split("Toetsingsinkomen is: het op het berekeningsjaar betrekking hebbende inkomensgegeven.", &c);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_ITEM), 1);
	ck_assert_str_eq(find_kind(&c, BG_COMP_ITEM, 0)->key, "betrek hebbend inkomensgegev");
	bg_components_release(&c);
}
END_TEST

START_TEST(excluding_lead_in)
{
	const char *t = "Als partner wordt niet aangemerkt: a. een bloedverwant in de eerste graad; "
			"of b. een pleegkind.";
	bg_components c = BG_COMPONENTS_INIT;

	split(t, &c);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_EXCLUSION), 2);
	ck_assert_uint_eq(count_kind(&c, BG_COMP_ITEM), 0);
	ck_assert_str_eq(find_kind(&c, BG_COMP_EXCLUSION, 1)->key, "pleegkind");
	bg_components_release(&c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, list_items_and_connective);
	tcase_add_test(tc, lead_in_makes_conditions_alternative);
	tcase_add_test(tc, exclusions_conditions_time_references);
	tcase_add_test(tc, clause_starting_with_exception);
	tcase_add_test(tc, phrase_words);
	tcase_add_test(tc, similarity);
	tcase_add_test(tc, word_diff);
	tcase_add_test(tc, vocab_matches_diff);
	tcase_add_test(tc, lcsa_matches_lcs_ids);
	tcase_add_test(tc, run_scores_equal_score2);
	tcase_add_test(tc, norm_has_a_key_per_word);
	tcase_add_test(tc, grouping_score_index);
	tcase_add_test(tc, score_bounds_and_explanations);
	tcase_add_test(tc, connective_difference);
	tcase_add_test(tc, phrase_file_errors);
	tcase_add_test(tc, time_reference_differs);
	tcase_add_test(tc, framing_is_not_a_component);
	tcase_add_test(tc, excluding_lead_in);
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
