/*
 * check_complexity.c -- the measures of analyzer/complexity.c on small
 * hand-written documents whose expected values were counted by hand (the
 * counts are worked out in the comments).  Most tests use a small inline
 * lexicon so that editing lexicon/complexity.txt does not move them; one
 * test loads the real file (run from the repository root, as `make unit`
 * does).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "complexity.h"

static const char lex[] =
	"# test lexicon\n"
	"[condition]\nindien\nmits\nvoor zover\n"
	"[exception]\ntenzij\nmet uitzondering van\n"
	"[delegation]\nbij of krachtens algemene maatregel van bestuur\n"
	"algemene maatregel van bestuur\nnadere regels\n"
	"[abbreviation]\nart\n"
	"[number]\ntwee\nvijf\ntien\ntwintig\n"
	"[weight]\ncondition 1\nexception 1\nitem_and 1\nitem_or 1\ndepth 1\n"
	"delegation 0.5\nreference 0.25\n"
	"[setting]\nlong_element_words 20\nngram 8\n";
static const char stop[] = "de\neen\nvan\nin\nen\n";

static bg_cx_rules *rules;

static void setup(void)
{
	bg_diag d = { 0 };

	ck_assert_int_eq(bg_cx_rules_parse(lex, strlen(lex), stop, strlen(stop), &rules, &d), BG_OK);
}

static void teardown(void)
{
	bg_cx_rules_free(rules);
	rules = NULL;
}

static bg_cx_doc *measure_with(const bg_cx_rules *r, const char *xml, const char *name)
{
	bg_doc *doc = NULL;
	bg_diag d = { 0 };
	bg_cx_doc *cx;

	ck_assert_msg(bg_doc_read_memory(xml, strlen(xml), name, NULL, &doc, &d) == BG_OK,
		      "read: %s", d.message ? d.message : "?");
	cx = bg_cx_analyze(r, doc);
	ck_assert_ptr_nonnull(cx);
	bg_doc_free(doc);
	return cx;
}

static bg_cx_doc *measure(const char *xml, const char *name)
{
	return measure_with(rules, xml, name);
}

static const bg_cx_prov *prov(const bg_cx_doc *d, const char *label)
{
	for (size_t i = 0; i < d->nprov; i++)
		if (!strcmp(d->provs[i].label, label))
			return &d->provs[i];
	ck_abort_msg("no provision %s", label);
	return NULL;
}

#define HEAD(id) "<?xml version=\"1.0\"?>\n<wetgeving bwb-id=\"" id "\" soort=\"wet\">" \
	"<intitule>Wet toets</intitule><citeertitel>Wet toets</citeertitel><wet-besluit><wettekst>"
#define TAIL "</wettekst></wet-besluit></wetgeving>\n"

static const char law[] =
	HEAD("BWBR0099002")
	"<hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr></kop>"
	"<artikel><kop><label>Artikel</label><nr>1</nr></kop>"
	"<lid><lidnr>1.</lidnr><al>In deze wet wordt verstaan onder:</al>"
	"<lijst><li><li.nr>a.</li.nr><al>partner: de echtgenoot, tenzij deze duurzaam gescheiden leeft;</al></li>"
	"<li><li.nr>b.</li.nr><al>kind: een kind.</al></li></lijst></lid>"
	"</artikel>"
	"<artikel><kop><label>Artikel</label><nr>2</nr></kop>"
	"<lid><lidnr>1.</lidnr><al>Indien de aanvrager vijfentwintig jaar is, wordt de toeslag verhoogd, mits:</al>"
	"<lijst><li><li.nr>a.</li.nr><al>hij in Nederland woont; en</al></li>"
	"<li><li.nr>b.</li.nr><al>hij voor zover nodig een verzoek doet, met uitzondering van art. 5 "
	"en/of <intref doc=\"1.0:v:BWBR0099002&amp;artikel=1\">artikel 1</intref>.</al></li></lijst></lid>"
	"<lid><lidnr>2.</lidnr><al>Bij of krachtens algemene maatregel van bestuur worden nadere regels "
	"gesteld. Zie <extref doc=\"1.0:v:BWBR0018472&amp;artikel=2\">artikel 2 Awir</extref>.</al></lid>"
	"</artikel></hoofdstuk>"
	TAIL;

/*
 * Artikel 1 lid 1: "In deze wet wordt verstaan onder:" 6 words, 1 sentence;
 * "partner: de echtgenoot, tenzij deze duurzaam gescheiden leeft;" 8 words,
 * 1 exception, 1 sentence; "kind: een kind." 3 words, 1 sentence.  The
 * list is a definition list (intro "verstaan onder"), so no items count;
 * its blocks sit one list deep.  Stacking 1 exception + depth 1 = 2.
 */
START_TEST(test_definitions_lid)
{
	bg_cx_doc *d = measure(law, "wet.xml");
	const bg_cx_prov *p = prov(d, "artikel 1 lid 1");

	ck_assert_uint_eq(p->c.words, 17);
	ck_assert_uint_eq(p->c.sentences, 3);
	ck_assert_uint_eq(p->c.exceptions, 1);
	ck_assert_uint_eq(p->c.conditions, 0);
	ck_assert_uint_eq(p->c.items_and + p->c.items_or, 0);
	ck_assert_uint_eq(p->c.depth, 1);
	ck_assert(p->leaf);
	ck_assert(fabs(p->stacking - 2.0) < 1e-9);
	ck_assert(!prov(d, "artikel 1")->leaf);

	p = prov(d, "artikel 1 lid 1 definitie partner");
	ck_assert_int_eq(p->kind, BG_CX_DEFINITION);
	ck_assert_str_eq(p->term, "partner");
	ck_assert_uint_eq(p->c.words, 8);
	ck_assert_uint_eq(p->c.depth, 0);
	ck_assert(fabs(p->stacking - 1.0) < 1e-9);
	p = prov(d, "artikel 1 lid 1 definitie kind");
	ck_assert_uint_eq(p->c.words, 3);
	ck_assert(fabs(p->stacking) < 1e-9);
	bg_cx_doc_free(d);
}
END_TEST

/*
 * Artikel 2 lid 1: intro 11 words (indien, mits: 2 conditions; the number
 * "vijfentwintig" = vijf+en+twintig), 1 sentence.  Item a "hij in
 * Nederland woont; en" 5 words; item b 16 words (hij voor zover nodig een
 * verzoek doet met uitzondering van art 5 en of artikel 1): "voor zover"
 * 1 condition, "met uitzondering van" 1 exception, "art." does not end the
 * sentence, "1." does; 1 internal reference, 1 "en/of".  The last but one
 * item ends in "en": 2 cumulative items.  32 words, 3 sentences;
 * stacking 3 + 1 + 2 + depth 1 + 0.25 * 1 = 7.25.
 * Lid 2: 15 words, 2 sentences; the longest phrase wins, so "bij of
 * krachtens algemene maatregel van bestuur" is one delegation, "nadere
 * regels" another; 1 external reference: 0.5 * 2 + 0.25 = 1.25.
 */
START_TEST(test_conditions_lid)
{
	bg_cx_doc *d = measure(law, "wet.xml");
	const bg_cx_prov *p = prov(d, "artikel 2 lid 1");

	ck_assert_uint_eq(p->c.words, 32);
	ck_assert_uint_eq(p->c.sentences, 3);
	ck_assert_uint_eq(p->c.conditions, 3);
	ck_assert_uint_eq(p->c.exceptions, 1);
	ck_assert_uint_eq(p->c.items_and, 2);
	ck_assert_uint_eq(p->c.items_or, 0);
	ck_assert_uint_eq(p->c.depth, 1);
	ck_assert_uint_eq(p->c.refs_internal, 1);
	ck_assert_uint_eq(p->c.refs_external, 0);
	ck_assert_uint_eq(p->c.and_or, 1);
	ck_assert_uint_eq(p->c.number_words, 1);
	ck_assert(fabs(p->stacking - 7.25) < 1e-9);

	p = prov(d, "artikel 2 lid 2");
	ck_assert_uint_eq(p->c.words, 15);
	ck_assert_uint_eq(p->c.sentences, 2);
	ck_assert_uint_eq(p->c.delegations, 2);
	ck_assert_uint_eq(p->c.refs_external, 1);
	ck_assert(fabs(p->stacking - 1.25) < 1e-9);

	p = prov(d, "artikel 2");
	ck_assert_uint_eq(p->c.words, 47);
	ck_assert(fabs(p->stacking - 8.5) < 1e-9);
	bg_cx_doc_free(d);
}
END_TEST

/*
 * The regulation: 1 container (hoofdstuk), 2 articles, 3 leden + 4 list
 * items below; 64 words, 8 sentences; one regulation cited once; leden
 * over 20 words (the test lexicon's threshold): artikel 2 lid 1 (32).
 */
START_TEST(test_regulation)
{
	bg_cx_doc *d = measure(law, "wet.xml");

	ck_assert_uint_eq(d->above, 1);
	ck_assert_uint_eq(d->at, 2);
	ck_assert_uint_eq(d->below, 7);
	ck_assert_uint_eq(d->total.words, 64);
	ck_assert_uint_eq(d->total.sentences, 8);
	ck_assert_uint_eq(d->total.conditions, 3);
	ck_assert_uint_eq(d->total.exceptions, 2);
	ck_assert_uint_eq(d->total.delegations, 2);
	ck_assert_uint_eq(d->total.lists, 2);
	ck_assert_uint_eq(d->total.depth, 1);
	ck_assert_uint_eq(d->cit_out, 1);
	ck_assert_uint_eq(d->cit_internal, 1);
	ck_assert_uint_eq(d->ncites, 1);
	ck_assert_str_eq(d->cites[0].bwb_id, "BWBR0018472");
	ck_assert_uint_eq(d->long_elements, 1);
	ck_assert(fabs(d->tokens_per_article - 32.0) < 1e-9);
	/* leaf stacking: 2 + 7.25 + 1.25 */
	ck_assert(fabs(d->stacking_total - 10.5) < 1e-9);
	ck_assert(fabs(d->stacking_max - 7.25) < 1e-9);
	bg_cx_doc_free(d);
}
END_TEST

/*
 * Entropy: "Partners partner de kind kind." -> stop word "de" dropped;
 * partners 1, partner 1, kind 2: H = 3 * 0.5 = 1.5 bits.  Stemmed
 * (Snowball Dutch: partners -> partner): partner 2, kind 2: 1 bit.
 * Flesch-Douma: 5 words, 1 sentence, syllables par-tners 2, par-tner 2,
 * de 1, kind 1, kind 1 = 7: 206.835 - 0.93 * 5 - 77 * 7 / 5 = 94.385.
 */
START_TEST(test_entropy_flesch)
{
	static const char x[] = HEAD("BWBR0099003")
		"<artikel><kop><nr>1</nr></kop><al>Partners partner de kind kind.</al></artikel>" TAIL;
	bg_cx_doc *d = measure(x, "x.xml");

	ck_assert(fabs(d->entropy - 1.5) < 1e-9);
	ck_assert_uint_eq(d->vocabulary, 3);
	ck_assert(fabs(d->entropy_stemmed - 1.0) < 1e-9);
	ck_assert_uint_eq(d->vocabulary_stemmed, 2);
	ck_assert_uint_eq(d->total.syllables, 7);
	ck_assert(fabs(d->flesch - 94.385) < 1e-9);
	bg_cx_doc_free(d);
}
END_TEST

/*
 * Syllables are vowel groups; "ij" is one vowel, a diaeresis starts a new
 * group: be-ëin-di-gen 4, ijs 1, ge-ïnd 2, nieuw 1.  Sentences: "o.a."
 * is a dotted abbreviation, so "Dit o.a. werkt. Ja" is 2 sentences.
 * Words: "indienen" is not the condition "indien"; "en/of" counts once.
 */
START_TEST(test_tokens)
{
	static const char x[] = HEAD("BWBR0099004")
		"<artikel><kop><nr>1</nr></kop><al>beëindigen ijs geïnd nieuw</al>"
		"<al>Dit o.a. werkt. Ja</al><al>Wij indienen EN/OF zenden.</al></artikel>" TAIL;
	bg_cx_doc *d = measure(x, "x.xml");
	const bg_cx_prov *p = prov(d, "artikel 1");

	ck_assert_uint_eq(p->c.syllables, 4 + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 3 + 1 + 1 + 2);
	ck_assert_uint_eq(p->c.words, 4 + 5 + 5);
	ck_assert_uint_eq(p->c.sentences, 1 + 2 + 1);
	ck_assert_uint_eq(p->c.conditions, 0);
	ck_assert_uint_eq(p->c.and_or, 1);
	bg_cx_doc_free(d);
}
END_TEST

/*
 * Alternative items: the last but one item ends in "of"; a nested list
 * adds a level of depth.  Items a, b, c (3 alternative), b holds a list
 * 1°, 2° joined by "en" (2 cumulative) two lists deep.
 */
START_TEST(test_lists)
{
	static const char x[] = HEAD("BWBR0099005")
		"<artikel><kop><nr>4</nr></kop><al>Recht heeft degene die:</al><lijst>"
		"<li><li.nr>a.</li.nr><al>werkt;</al></li>"
		"<li><li.nr>b.</li.nr><al>studeert, indien:</al><lijst>"
		"<li><li.nr>1°.</li.nr><al>voltijds; en</al></li>"
		"<li><li.nr>2°.</li.nr><al>jong;</al></li></lijst><al>of</al></li>"
		"<li><li.nr>c.</li.nr><al>zorgt.</al></li></lijst></artikel>" TAIL;
	bg_cx_doc *d = measure(x, "x.xml");
	const bg_cx_prov *p = prov(d, "artikel 4");

	ck_assert(p->leaf);
	ck_assert_uint_eq(p->c.items_or, 3);
	ck_assert_uint_eq(p->c.items_and, 2);
	ck_assert_uint_eq(p->c.lists, 2);
	ck_assert_uint_eq(p->c.depth, 2);
	ck_assert_uint_eq(p->c.conditions, 1);
	/* 1 + 3 + 2 + depth 2 */
	ck_assert(fabs(p->stacking - 8.0) < 1e-9);
	bg_cx_doc_free(d);
}
END_TEST

/*
 * Corpus level: A (two versions) cites B; only A's latest version counts
 * for B's citations in (2, not 5 + 2).  A and B share a long passage, C
 * does not: every sampled n-gram of A's latest version and of B is
 * duplicated, none of C's.
 */
#define PASSAGE "Het college stelt vast dat de aanvrager die in het bezit is van een geldige " \
	"verblijfsvergunning en die gedurende ten minste drie jaren onafgebroken in Nederland " \
	"heeft gewoond en niet over voldoende middelen beschikt om in de noodzakelijke kosten " \
	"van het bestaan te voorzien aanspraak heeft op bijstand ter hoogte van de norm die " \
	"geldt voor een alleenstaande ouder met kinderen die de leeftijd van achttien jaren " \
	"nog niet hebben bereikt en die bij hem wonen en door hem worden onderhouden."
#define CITE "<extref doc=\"1.0:v:BWBR0099011&amp;artikel=1\">artikel 1</extref> "

START_TEST(test_corpus)
{
	static const char a1[] = HEAD("BWBR0099010")
		"<artikel><kop><nr>1</nr></kop><al>" CITE CITE CITE CITE CITE "</al></artikel>" TAIL;
	static const char a2[] = HEAD("BWBR0099010")
		"<artikel><kop><nr>1</nr></kop><al>" CITE CITE "</al><al>" PASSAGE "</al></artikel>" TAIL;
	static const char b[] = HEAD("BWBR0099011")
		"<artikel><kop><nr>1</nr></kop><al>" PASSAGE "</al></artikel>"
		"<artikel><kop><nr>2</nr></kop><al>Nog een.</al></artikel>" TAIL;
	static const char c[] = HEAD("BWBR0099012")
		"<artikel><kop><nr>1</nr></kop><al>Geheel andere woorden staan hier zodat geen enkele "
		"reeks van acht woorden gelijk is aan iets uit de andere regelingen van deze proef "
		"want dat zou de uitkomst bederven en daarom schrijven wij deze zin.</al></artikel>" TAIL;
	bg_cx_doc *v[4];

	v[0] = measure(a1, "BWBR0099010_2019-01-01.xml");
	v[1] = measure(a2, "BWBR0099010_2020-01-01.xml");
	v[2] = measure(b, "BWBR0099011.xml");
	v[3] = measure(c, "BWBR0099012.xml");
	ck_assert_int_lt(bg_cx_version_cmp(v[0], v[1]), 0);
	ck_assert_int_lt(bg_cx_version_cmp(v[2], v[1]), 0); /* undated first */
	ck_assert_int_eq(bg_cx_corpus_finish(v, 4), BG_OK);
	ck_assert_uint_eq(v[0]->cit_out, 5);
	ck_assert_uint_eq(v[2]->cit_in, 2);
	ck_assert_uint_eq(v[1]->cit_in, 0);
	/* ranks: only the latest versions */
	ck_assert_uint_eq(v[0]->rank, 0);
	ck_assert(v[1]->rank >= 1 && v[2]->rank >= 1 && v[3]->rank >= 1);
	/* elements: A 1, B 2, C 1 -> percentiles (0 + 1)/3 for A and C, (2 + .5)/3 for B */
	ck_assert(fabs(v[2]->pct[0] - 2.5 / 3) < 1e-9);
	ck_assert(fabs(v[3]->pct[0] - 1.0 / 3) < 1e-9);
	ck_assert_uint_gt(v[2]->ngrams, 0);
	ck_assert_uint_eq(v[2]->dup_grams, v[2]->ngrams);
	ck_assert(fabs(v[2]->dup_ratio - 1.0) < 1e-9);
	ck_assert_uint_eq(v[3]->dup_grams, 0);
	bg_cx_doc_free(v[2]);
	ck_assert_ptr_null(v[2]->grams);
	ck_assert_uint_gt(v[2]->ngrams, 0);
	for (int i = 0; i < 4; i++)
		bg_cx_doc_free(v[i]);
}
END_TEST

START_TEST(test_lexicon_errors)
{
	static const char bad1[] = "[condition]\nindien\n[nonsense]\nx\n";
	static const char bad2[] = "[condition]\nindien\n[weight]\ncondition abc\n";
	static const char bad3[] = "indien\n";
	bg_cx_rules *r = NULL;
	bg_diag d = { 0 };

	ck_assert_int_eq(bg_cx_rules_parse(bad1, strlen(bad1), NULL, 0, &r, &d), BG_ERR_FORMAT);
	ck_assert_uint_eq(d.line, 3);
	ck_assert_ptr_null(r);
	bg_diag_clear(&d);
	ck_assert_int_eq(bg_cx_rules_parse(bad2, strlen(bad2), NULL, 0, &r, &d), BG_ERR_FORMAT);
	ck_assert_uint_eq(d.line, 4);
	bg_diag_clear(&d);
	ck_assert_int_eq(bg_cx_rules_parse(bad3, strlen(bad3), NULL, 0, &r, &d), BG_ERR_FORMAT);
	ck_assert_uint_eq(d.line, 1);
	bg_diag_clear(&d);
}
END_TEST

/* A phrase with a full stop after a word and a space ("met ingang van
 * 1 jan. 2020"): the rules' own words are read before any word table
 * exists, and the sentence test must not look one up (found by
 * fuzz_lexicon: a NULL table read). */
START_TEST(test_phrase_with_full_stop)
{
	static const char rules_txt[] = "[condition]\nmet ingang van 1 jan. 2020\nindien\n";
	static const char x[] = HEAD("BWBR0099007")
		"<artikel><kop><nr>1</nr></kop><al>Met ingang van 1 jan. 2020 vervalt dit, "
		"indien nodig.</al></artikel>" TAIL;
	bg_cx_rules *r = NULL;
	bg_diag d = { 0 };
	bg_cx_doc *cx;

	ck_assert_int_eq(bg_cx_rules_parse(rules_txt, strlen(rules_txt), NULL, 0, &r, &d), BG_OK);
	cx = measure_with(r, x, "x.xml");
	ck_assert_uint_eq(cx->total.conditions, 2);
	bg_cx_doc_free(cx);
	bg_cx_rules_free(r);
}
END_TEST

/* The real lexicon parses and reads as documented. */
START_TEST(test_real_lexicon)
{
	static const char x[] = HEAD("BWBR0099006")
		"<artikel><kop><nr>1</nr></kop><al>Bij of krachtens algemene maatregel van bestuur "
		"worden regels gesteld, tenzij Onze Minister anders bepaalt, indien nodig. "
		"Wij indienen niets.</al></artikel>" TAIL;
	bg_cx_rules *r = NULL;
	bg_diag d = { 0 };
	bg_cx_doc *cx;

	ck_assert_int_eq(bg_cx_rules_load("lexicon/complexity.txt", "lexicon/stopwords-nl.txt",
					  &r, &d), BG_OK);
	cx = measure_with(r, x, "x.xml");
	ck_assert_uint_eq(cx->total.delegations, 1);
	ck_assert_uint_eq(cx->total.exceptions, 1);
	ck_assert_uint_eq(cx->total.conditions, 1);
	ck_assert_uint_eq(cx->total.sentences, 2);
	bg_cx_doc_free(cx);
	bg_cx_rules_free(r);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("complexity");
	TCase *tc = tcase_create("measures");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_definitions_lid);
	tcase_add_test(tc, test_conditions_lid);
	tcase_add_test(tc, test_regulation);
	tcase_add_test(tc, test_entropy_flesch);
	tcase_add_test(tc, test_tokens);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_corpus);
	tcase_add_test(tc, test_lexicon_errors);
	tcase_add_test(tc, test_phrase_with_full_stop);
	tcase_add_test(tc, test_real_lexicon);
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
