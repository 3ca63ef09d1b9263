/*
 * check_draft.c -- the bill readers of draft.c: format sniffing, every
 * line form of the plain-text / Markdown parser, metadata, definitions,
 * the error messages, the sample drafts of tests/drafts/ (the same tree
 * from BWB XML, Kamerstuk XML, Markdown and plain text), and the amendment
 * instructions of the real bills in ../shared/corpora/bills.
 *
 * Run from the repository root (the sample drafts are read from
 * tests/drafts/).  The real bills are read from $BEGRIP_BILLS, default
 * corpora/bills, and the real laws from corpora/bwb (corpora/ is
 * $BEGRIP_CORPUS when set); when a directory is absent its tests are left
 * out with a note on stderr.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "draft.h"

static char bills[4096], bwb[4096];

/* $BEGRIP_BILLS, else CORPUS/bills (CORPUS: $BEGRIP_CORPUS or corpora/,
 * which `make corpus` fills). */
static const char *bills_dir(void)
{
	const char *d = getenv("BEGRIP_BILLS");

	if (d && *d)
		return d;
	snprintf(bills, sizeof bills, "%s/bills", bg_default_corpus());
	return bills;
}

static const char *bwb_dir(void)
{
	snprintf(bwb, sizeof bwb, "%s/bwb", bg_default_corpus());
	return bwb;
}

/* ------------------------------------------------------------- helpers */

static bg_doc *parse_ok(const char *text)
{
	bg_doc *doc = NULL;
	bg_diag dg = {0};
	bg_status st = bg_bill_read_memory(text, strlen(text), "t.md", &doc, &dg);

	if (st)
		ck_abort_msg("parse failed: %s:%u:%u: %s", dg.file, dg.line, dg.column,
			     dg.message ? dg.message : "?");
	bg_diag_clear(&dg);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

/* The one-line diagnostic as bg_diag_print writes it, without "\n". */
static char *parse_err(const char *text, size_t len, bg_status want)
{
	bg_doc *doc = NULL;
	bg_diag dg = {0};
	char *s = NULL;
	size_t n = 0;
	FILE *f;
	bg_status st = bg_bill_read_memory(text, len, "t.md", &doc, &dg);

	ck_assert_int_eq(st, want);
	ck_assert_ptr_null(doc);
	f = open_memstream(&s, &n);
	ck_assert_ptr_nonnull(f);
	bg_diag_print(&dg, f);
	fclose(f);
	bg_diag_clear(&dg);
	if (n && s[n - 1] == '\n')
		s[n - 1] = '\0';
	return s;
}

#define ASSERT_ERR(text, st, want) do { \
	char *e_ = parse_err(text, strlen(text), st); \
	ck_assert_str_eq(e_, want); \
	free(e_); \
} while (0)

/*
 * A canonical dump of the tree: one line per node with its tree depth,
 * kind, address, nr, heading and text.  Element depth, source lines and
 * labels differ between formats by nature and are left out.
 */
static char *dump(const bg_doc *doc)
{
	bg_buf b = BG_BUF_INIT;
	const bg_node *root = bg_doc_root(doc);

	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		unsigned d = 0;
		for (const bg_node *u = n->parent; u; u = u->parent)
			d++;
		bg_buf_addf(&b, "%u %s @%s nr=%s kop=%s text=%s\n", d,
			    bg_node_kind_name(n->kind), n->address, n->nr, n->heading,
			    n->text);
	}
	ck_assert(bg_buf_ok(&b));
	return bg_buf_detach(&b);
}

static bg_doc *read_file_ok(const char *path)
{
	bg_doc *doc = NULL;
	bg_diag dg = {0};

	if (bg_bill_read(path, &doc, &dg))
		ck_abort_msg("%s:%u:%u: %s", dg.file, dg.line, dg.column,
			     dg.message ? dg.message : "?");
	bg_diag_clear(&dg);
	return doc;
}

static char *dump_file(const char *path)
{
	bg_doc *doc = read_file_ok(path);
	char *s = dump(doc);

	bg_doc_free(doc);
	return s;
}

/* The node at `address` of kind k, or NULL. */
static const bg_node *find(const bg_doc *doc, bg_node_kind k, const char *address)
{
	const bg_node *root = bg_doc_root(doc);

	for (const bg_node *n = root; n; n = bg_node_next(root, n))
		if (n->kind == k && !strcmp(n->address, address))
			return n;
	return NULL;
}

/* The text of the first AL directly below the node at address. */
static const char *al_of(const bg_doc *doc, bg_node_kind k, const char *address)
{
	const bg_node *n = find(doc, k, address);

	if (!n)
		ck_abort_msg("no %s at %s", bg_node_kind_name(k), address);
	for (const bg_node *c = n->first_child; c; c = c->next)
		if (c->kind == BG_N_AL)
			return c->text;
	ck_abort_msg("no text at %s", address);
	return NULL;
}

static size_t count_kind(const bg_doc *doc, bg_node_kind k)
{
	const bg_node *root = bg_doc_root(doc);
	size_t c = 0;

	for (const bg_node *n = root; n; n = bg_node_next(root, n))
		c += n->kind == k;
	return c;
}

/* ------------------------------------------------------------ sniffing */

START_TEST(sniff_formats)
{
	ck_assert_int_eq(bg_bill_sniff("<?xml version=\"1.0\"?>\n<toestand/>", 32), BG_BILL_BWB);
	ck_assert_int_eq(bg_bill_sniff("\xEF\xBB\xBF  <wetgeving soort=\"wet\">", 28), BG_BILL_BWB);
	ck_assert_int_eq(bg_bill_sniff("<!-- c --><!DOCTYPE x><officiele-publicatie>", 44), BG_BILL_OP);
	ck_assert_int_eq(bg_bill_sniff("<html><body>", 12), BG_BILL_XML);
	ck_assert_int_eq(bg_bill_sniff("# Wet\nArtikel 1\n", 16), BG_BILL_TEXT);
	ck_assert_int_eq(bg_bill_sniff("< 3 is kleiner", 14), BG_BILL_TEXT);
	ck_assert_int_eq(bg_bill_sniff("", 0), BG_BILL_TEXT);
}
END_TEST

START_TEST(xml_other_root_is_refused)
{
	char *e = parse_err("<html><body>Artikel 1</body></html>", 35, BG_ERR_NOT_BWB);

	/* the XML reader's message; its column is libxml2's */
	ck_assert_str_eq(e + 4, strstr(e, ":1:"));
	ck_assert_ptr_nonnull(strstr(e, ": error: not a BWB document: root element <html>"));
	free(e);
}
END_TEST

/* ---------------------------------------------------------- line forms */

START_TEST(title_markdown_and_plain)
{
	bg_doc *d = parse_ok("# Wet op de proef\n\nArtikel 1\nDeze wet geldt.\n");

	ck_assert_str_eq(bg_doc_title(d), "Wet op de proef");
	ck_assert_int_eq(bg_doc_dialect(d), BG_DIALECT_DRAFT);
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=1"), "Deze wet geldt.");
	bg_doc_free(d);

	/* plain text: the first paragraph, its lines joined */
	d = parse_ok("Wet van de proef\nop de som\n\nArtikel 1\nDeze wet geldt.\n");
	ck_assert_str_eq(bg_doc_title(d), "Wet van de proef op de som");
	bg_doc_free(d);

	/* no title at all: the draft starts with its first article */
	d = parse_ok("Artikel 1\nDeze wet geldt.\n");
	ck_assert_str_eq(bg_doc_title(d), "");
	bg_doc_free(d);
}
END_TEST

START_TEST(containers_nest_by_rank)
{
	bg_doc *d = parse_ok(
		"# Wet\n"
		"Hoofdstuk 1 Algemeen\n"
		"## Afdeling 1.1 Begrippen\n"
		"Artikel 1.1\nTekst een.\n"
		"\xC2\xA7 2. Toepassing\n"
		"Artikel 1.2\nTekst twee.\n"
		"HOOFDSTUK 2\n"
		"Artikel 2.1\nTekst drie.\n");
	const bg_node *p = find(d, BG_N_PARAGRAAF, "-/hoofdstuk=1/afdeling=1.1/paragraaf=2");

	ck_assert_ptr_nonnull(find(d, BG_N_HOOFDSTUK, "-/hoofdstuk=1"));
	ck_assert_str_eq(find(d, BG_N_HOOFDSTUK, "-/hoofdstuk=1")->heading, "Algemeen");
	ck_assert_str_eq(find(d, BG_N_AFDELING, "-/hoofdstuk=1/afdeling=1.1")->heading, "Begrippen");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->heading, "Toepassing");
	/* articles sit in the innermost open container */
	ck_assert_ptr_eq(find(d, BG_N_ARTIKEL, "-/artikel=1.2")->parent, p);
	/* a new hoofdstuk closes the afdeling and the paragraaf */
	ck_assert_ptr_eq(find(d, BG_N_ARTIKEL, "-/artikel=2.1")->parent,
			 find(d, BG_N_HOOFDSTUK, "-/hoofdstuk=2"));
	ck_assert_ptr_eq(find(d, BG_N_HOOFDSTUK, "-/hoofdstuk=2")->parent, bg_doc_root(d));
	bg_doc_free(d);
}
END_TEST

START_TEST(article_forms)
{
	bg_doc *d = parse_ok(
		"# Wet\n"
		"Artikel 1a Reikwijdte\nTekst 1a.\n\n"
		"**Artikel 2**\nTekst 2.\n\n"
		"### Artikel 3 - Uitvoering\nTekst 3.\n\n"
		"Artikel 4: Toezicht\nTekst 4.\n\n"
		"Artikel 5 van de Mediawet is van toepassing.\n\n"
		"Artikel 6 is van overeenkomstige toepassing\n\n"
		"Artikel 3:4\nTekst 3:4.\n\n"
		"Enig artikel\nTekst enig.\n\n"
		"Artikel 7. De aanvraag wordt ingediend bij het college van burgemeester en wethouders.\n"
		"Artikel 8: In deze wet wordt verstaan onder:\n"
		"a. college: het college van burgemeester en wethouders.\n");

	ck_assert_str_eq(find(d, BG_N_ARTIKEL, "-/artikel=1a")->heading, "Reikwijdte");
	ck_assert_str_eq(find(d, BG_N_ARTIKEL, "-/artikel=2")->heading, "");
	ck_assert_str_eq(find(d, BG_N_ARTIKEL, "-/artikel=3")->heading, "Uitvoering");
	ck_assert_str_eq(find(d, BG_N_ARTIKEL, "-/artikel=4")->heading, "Toezicht");
	/* sentences that start with "Artikel N" are text of article 4 */
	ck_assert_ptr_null(find(d, BG_N_ARTIKEL, "-/artikel=5"));
	ck_assert_ptr_null(find(d, BG_N_ARTIKEL, "-/artikel=6"));
	{
		const bg_node *a4 = find(d, BG_N_ARTIKEL, "-/artikel=4");
		ck_assert_str_eq(a4->first_child->next->text,
				 "Artikel 5 van de Mediawet is van toepassing.");
		ck_assert_str_eq(a4->first_child->next->next->text,
				 "Artikel 6 is van overeenkomstige toepassing");
	}
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=3:4"), "Tekst 3:4.");
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=~6"), "Tekst enig.");
	/* a sentence after "Artikel 7." is the article's text, not its title */
	ck_assert_str_eq(find(d, BG_N_ARTIKEL, "-/artikel=7")->heading, "");
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=7"),
			 "De aanvraag wordt ingediend bij het college van burgemeester en wethouders.");
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=8"), "In deze wet wordt verstaan onder:");
	ck_assert_ptr_nonnull(find(d, BG_N_LI, "-/artikel=8/li=a"));
	ck_assert_uint_eq(count_kind(d, BG_N_ARTIKEL), 8);
	bg_doc_free(d);
}
END_TEST

START_TEST(leden_with_and_without_dot)
{
	bg_doc *d = parse_ok(
		"Artikel 1\n"
		"1. Eerste lid.\n"
		"2 Tweede lid,\n"
		"   dat doorloopt.\n"
		"2a. Ingevoegd lid.\n"
		"3. Derde lid.\n"
		"Artikel 2\n"
		"1 Eerste.\n"
		"7 dagen is de termijn.\n");

	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=1/lid=1"), "Eerste lid.");
	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=1/lid=2"), "Tweede lid, dat doorloopt.");
	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=1/lid=2a"), "Ingevoegd lid.");
	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=1/lid=3"), "Derde lid.");
	/* a bare number that is not the next lid is text */
	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=2/lid=1"),
			 "Eerste. 7 dagen is de termijn.");
	ck_assert_uint_eq(count_kind(d, BG_N_LID), 5);
	bg_doc_free(d);
}
END_TEST

START_TEST(list_items_nest_by_kind)
{
	bg_doc *d = parse_ok(
		"Artikel 1\n"
		"1. Het college kan:\n"
		"a. een vergunning weigeren;\n"
		"b) een vergunning intrekken, indien:\n"
		"   1\xC2\xB0. de houder\n"
		"   failliet is;\n"
		"   2\xC2\xB0 de houder overlijdt;\n"
		"   3\xC2\xB0 de houder vertrekt,\n"
		"\n"
		"   een en ander na een waarschuwing;\n"
		"c. een last opleggen.\n"
		"\n"
		"Dit geldt niet voor een gemeente.\n"
		"2. Bij regeling worden gesteld:\n"
		"- regels over de aanvraag;\n"
		"* regels over de termijn.\n");
	const bg_node *b = find(d, BG_N_LI, "-/artikel=1/lid=1/li=b");
	const bg_node *lid1 = find(d, BG_N_LID, "-/artikel=1/lid=1");

	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/lid=1/li=a"), "een vergunning weigeren;");
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->first_child->next->kind, BG_N_LIJST);
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/lid=1/li=b/li=1\xC2\xB0"),
			 "de houder failliet is;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/lid=1/li=b/li=2\xC2\xB0"),
			 "de houder overlijdt;");
	/* a paragraph in lower case after the sublist ends item b */
	ck_assert_str_eq(b->last_child->text, "een en ander na een waarschuwing;");
	/* c. returns to the letter list */
	ck_assert_ptr_eq(find(d, BG_N_LI, "-/artikel=1/lid=1/li=c")->parent,
			 find(d, BG_N_LI, "-/artikel=1/lid=1/li=a")->parent);
	/* after a blank line, text closes the list: a slotzin of the lid */
	ck_assert_int_eq(lid1->last_child->kind, BG_N_AL);
	ck_assert_str_eq(lid1->last_child->text, "Dit geldt niet voor een gemeente.");
	/* bullets of either kind form one list; the mark is their number,
	 * as BWB's li.nr "-" */
	{
		const bg_node *l = find(d, BG_N_LID, "-/artikel=1/lid=2")->last_child;
		ck_assert_int_eq(l->kind, BG_N_LIJST);
		ck_assert_str_eq(l->first_child->nr, "-");
		ck_assert_str_eq(l->first_child->first_child->text, "regels over de aanvraag;");
		ck_assert_str_eq(l->last_child->nr, "-");
		ck_assert_str_eq(l->last_child->first_child->text, "regels over de termijn.");
		ck_assert_ptr_eq(l->first_child->next, l->last_child);
	}
	ck_assert_uint_eq(count_kind(d, BG_N_LIJST), 3);
	bg_doc_free(d);
}
END_TEST

START_TEST(numbered_items_after_colon)
{
	bg_doc *d = parse_ok(
		"Artikel 1\n"
		"1. Onder kosten worden verstaan:\n"
		"1. de huur;\n"
		"2. de servicekosten.\n"
		"2. Het tweede lid.\n");

	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/lid=1/li=1"), "de huur;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/lid=1/li=2"), "de servicekosten.");
	/* "2." after the list: item 3 was expected, so it is lid 2 */
	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=1/lid=2"), "Het tweede lid.");
	bg_doc_free(d);
}
END_TEST

START_TEST(ordinals_and_numbered_sublists)
{
	bg_doc *d = parse_ok(
		"Artikel 63b*\n"
		"Als kosten gelden:\n"
		"1e. de huur;\n"
		"2e. de lasten.\n"
		"Artikel 64\n"
		"Het college kan:\n"
		"a. regels stellen over:\n"
		"1. de aanvraag;\n"
		"2. de termijn;\n"
		"b. vrijstelling verlenen.\n");

	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=63b*/li=1e"), "de huur;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=63b*/li=2e"), "de lasten.");
	/* "1." after an item that ends in a colon: a sublist, not lid 1 */
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=64/li=a/li=1"), "de aanvraag;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=64/li=a/li=2"), "de termijn;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=64/li=b"), "vrijstelling verlenen.");
	ck_assert_uint_eq(count_kind(d, BG_N_LID), 0);
	bg_doc_free(d);
}
END_TEST

START_TEST(definitions_list)
{
	bg_doc *d = parse_ok(
		"Artikel 1\n"
		"In deze wet wordt verstaan onder:\n"
		"partner: de persoon bedoeld in artikel 3 van de Algemene wet\n"
		"inkomensafhankelijke regelingen;\n"
		"toetsingsinkomen: het op het berekeningsjaar betrekking hebbende inkomensgegeven;\n"
		"vermogen: de bezittingen min de schulden.\n"
		"Artikel 2\n"
		"In deze wet wordt verstaan onder:\n"
		"a. jaar: kalenderjaar;\n"
		"b. wet: deze wet.\n");
	const bg_node *art1 = find(d, BG_N_ARTIKEL, "-/artikel=1");

	ck_assert_str_eq(art1->first_child->text, "In deze wet wordt verstaan onder:");
	ck_assert_int_eq(art1->first_child->next->kind, BG_N_LIJST);
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/li=~1"),
			 "partner: de persoon bedoeld in artikel 3 van de Algemene wet "
			 "inkomensafhankelijke regelingen;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/li=~2"),
			 "toetsingsinkomen: het op het berekeningsjaar betrekking hebbende inkomensgegeven;");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/li=~3"),
			 "vermogen: de bezittingen min de schulden.");
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=2/li=b"), "wet: deze wet.");
	/* textual references are left to a later stage */
	ck_assert_uint_eq(bg_doc_ref_count(d), 0);
	bg_doc_free(d);
}
END_TEST

START_TEST(term_lines_only_after_the_phrase)
{
	bg_doc *d = parse_ok(
		"Artikel 1\n"
		"De aanvraag bevat:\n"
		"naam: de naam van de aanvrager;\n");

	/* no "verstaan onder:": the line is a continuation */
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=1"),
			 "De aanvraag bevat: naam: de naam van de aanvrager;");
	ck_assert_uint_eq(count_kind(d, BG_N_LI), 0);
	bg_doc_free(d);
}
END_TEST

START_TEST(continuation_and_whitespace)
{
	bg_doc *d = parse_ok(
		"Artikel 1\r\n"
		"De   aanvraag\twordt\r\n"
		"   ingediend\xC2\xA0" "bij **Onze Minister**.\r\n"
		"\r\n"
		"Een tweede alinea.\r\n");
	const bg_node *a = find(d, BG_N_ARTIKEL, "-/artikel=1");

	ck_assert_str_eq(a->first_child->text, "De aanvraag wordt ingediend bij Onze Minister.");
	ck_assert_str_eq(a->first_child->next->text, "Een tweede alinea.");
	ck_assert_uint_eq(a->first_child->line, 2);
	ck_assert_uint_eq(a->first_child->next->line, 5);
	bg_doc_free(d);

	/* old Mac line ends, a byte-order mark and an HTML comment */
	d = parse_ok("\xEF\xBB\xBF<!-- concept\nversie 2 -->\rArtikel 1\rTekst\rloopt door.\r");
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=1"), "Tekst loopt door.");
	bg_doc_free(d);
}
END_TEST

START_TEST(uppercase_onderdelen_and_toelichting)
{
	bg_doc *d = parse_ok(
		"Artikel I\n"
		"De Wet op de proef wordt als volgt gewijzigd:\n"
		"A. Artikel 3 vervalt.\n"
		"B. In artikel 4 wordt \"vijf\" vervangen door \"zes\".\n"
		"Artikel II\n"
		"Deze wet treedt in werking met ingang van 1 januari 2027.\n"
		"\n"
		"## Memorie van toelichting\n"
		"Artikel 9 Dit is geen artikel van de wet.\n");
	const bg_amendment *am;
	size_t n;

	ck_assert_str_eq(al_of(d, BG_N_LID, "-/artikel=I/lid=A"), "Artikel 3 vervalt.");
	ck_assert_ptr_null(find(d, BG_N_ARTIKEL, "-/artikel=9"));
	ck_assert_uint_eq(count_kind(d, BG_N_ARTIKEL), 2);
	/* the same amendment reader works on a text draft */
	ck_assert_int_eq(bg_bill_amendments(d, &am, &n), BG_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(am[0].act, "Wet op de proef");
	ck_assert_str_eq(am[0].onderdeel, "A");
	ck_assert_int_eq(am[0].action, BG_AMEND_VERVALLEN);
	ck_assert_str_eq(am[0].target, "artikel 3");
	ck_assert_int_eq(am[1].action, BG_AMEND_VERVANGEN);
	ck_assert_str_eq(am[1].target, "artikel 4");
	bg_doc_free(d);
}
END_TEST

START_TEST(roman_numbers_and_short_titles)
{
	bg_doc *d = parse_ok(
		"Hoofdstuk IVA Basisregistratie inkomen\n"
		"Artikel VIIA\nTekst.\n"
		"Artikel IIIa Wijziging Besluit W.V.O.\nTekst.\n"
		"Artikel 4 Onze Minister stelt de regels vast bij ministeri\xC3\xABle regeling.\n"
		"Paragraaf Begrippen\n");

	ck_assert_str_eq(find(d, BG_N_HOOFDSTUK, "-/hoofdstuk=IVA")->heading,
			 "Basisregistratie inkomen");
	ck_assert_ptr_nonnull(find(d, BG_N_ARTIKEL, "-/artikel=VIIA"));
	ck_assert_str_eq(find(d, BG_N_ARTIKEL, "-/artikel=IIIa")->heading,
			 "Wijziging Besluit W.V.O.");
	/* a long sentence after "Artikel 4" is text, and so is a heading
	 * without a number */
	ck_assert_ptr_null(find(d, BG_N_ARTIKEL, "-/artikel=4"));
	ck_assert_uint_eq(count_kind(d, BG_N_PARAGRAAF), 0);
	bg_doc_free(d);
}
END_TEST

START_TEST(containers_nest_by_number)
{
	bg_doc *d = parse_ok(
		"Hoofdstuk 3\n"
		"Paragraaf 3.3\n"
		"Afdeling 3.3.1 De premie\n"
		"Artikel 40\nTekst.\n"
		"Paragraaf 3.4\n"
		"Artikel 41\nTekst.\n");

	/* an afdeling inside a paragraaf, as its number says */
	ck_assert_ptr_nonnull(find(d, BG_N_AFDELING, "-/hoofdstuk=3/paragraaf=3.3/afdeling=3.3.1"));
	/* the next paragraaf closes the afdeling */
	ck_assert_ptr_eq(find(d, BG_N_ARTIKEL, "-/artikel=41")->parent,
			 find(d, BG_N_PARAGRAAF, "-/hoofdstuk=3/paragraaf=3.4"));
	bg_doc_free(d);
}
END_TEST

START_TEST(slotformulering_and_preamble_lists)
{
	bg_doc *d = parse_ok(
		"# Besluit\n\n"
		"Gelet op:\n"
		"- artikel 3 van de Wet op de proef;\n"
		"- artikel 4 van die wet;\n\n"
		"Artikel 1\nDit besluit treedt in werking op 1 januari 2027.\n\n"
		"Lasten en bevelen dat dit besluit in het Staatsblad zal worden geplaatst.\n\n"
		"De Minister van Financi\xC3\xABn,\n");
	const bg_node *root = bg_doc_root(d), *a1 = find(d, BG_N_ARTIKEL, "-/artikel=1");

	ck_assert_str_eq(root->first_child->text, "Gelet op:");
	ck_assert_int_eq(root->first_child->next->kind, BG_N_LIJST);
	ck_assert_str_eq(root->first_child->next->last_child->first_child->text,
			 "artikel 4 van die wet;");
	ck_assert_ptr_eq(a1->first_child, a1->last_child);
	/* the slotformulering and what follows it belong to the act */
	ck_assert_str_eq(root->last_child->text, "De Minister van Financi\xC3\xABn,");
	ck_assert_int_eq(root->last_child->kind, BG_N_AL);
	ck_assert_ptr_eq(a1->next->next, root->last_child);
	ck_assert_str_eq(a1->next->text,
			 "Lasten en bevelen dat dit besluit in het Staatsblad zal worden geplaatst.");
	bg_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------ metadata */

START_TEST(metadata_lines)
{
	bg_doc *d = parse_ok(
		"bwb-id: BWBR0018472\n"
		"datum: 2027-01-01\n"
		"soort: wet\n"
		"# Algemene wet inkomensafhankelijke regelingen\n"
		"Artikel 2\nTekst.\n");

	ck_assert_str_eq(bg_doc_bwb_id(d), "BWBR0018472");
	ck_assert_str_eq(bg_doc_date(d), "2027-01-01");
	ck_assert_str_eq(bg_doc_soort(d), "wet");
	ck_assert_str_eq(bg_doc_title(d), "Algemene wet inkomensafhankelijke regelingen");
	/* addresses are those of the regulation the draft is a version of */
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "BWBR0018472/artikel=2"), "Tekst.");
	bg_doc_free(d);

	d = parse_ok("---\ntitel: Wet proef\nbwb-id: BWBR0001234\n---\nArtikel 1\nTekst.\n");
	ck_assert_str_eq(bg_doc_title(d), "Wet proef");
	ck_assert_str_eq(bg_doc_bwb_id(d), "BWBR0001234");
	bg_doc_free(d);
}
END_TEST

START_TEST(metadata_errors)
{
	ASSERT_ERR("bwb-id: BWBX12\nArtikel 1\nTekst.\n", BG_ERR_FORMAT,
		   "t.md:1:9: error: invalid bwb-id \"BWBX12\" (expected BWBR followed by 7 digits)");
	ASSERT_ERR("datum: 2027-13-01\nArtikel 1\nTekst.\n", BG_ERR_FORMAT,
		   "t.md:1:8: error: invalid datum \"2027-13-01\" (expected YYYY-MM-DD)");
	ASSERT_ERR("---\nauteur: X\n---\nArtikel 1\n", BG_ERR_FORMAT,
		   "t.md:2:1: error: unknown metadata key \"auteur\"");
	ASSERT_ERR("---\nsoort: wet\nArtikel 1\n", BG_ERR_FORMAT,
		   "t.md:3:1: error: metadata line without \"key: value\"");
	ASSERT_ERR("---\nsoort: wet\n", BG_ERR_FORMAT,
		   "t.md:2:1: error: metadata block \"---\" is not closed");
}
END_TEST

/* -------------------------------------------------------------- errors */

START_TEST(error_messages)
{
	char *e;

	e = parse_err("", 0, BG_ERR_FORMAT);
	ck_assert_str_eq(e, "t.md:1:1: error: empty file");
	free(e);
	ASSERT_ERR(" \n\t\n\n", BG_ERR_FORMAT, "t.md:1:1: error: empty file");
	ASSERT_ERR("# Wet\n\nDeze wet heeft geen artikelen.\n", BG_ERR_FORMAT,
		   "t.md:1:1: error: no article found (a draft needs a line \"Artikel 1\")");
	e = parse_err("Artikel 1\nTe\0kst\n", 16, BG_ERR_FORMAT);
	ck_assert_str_eq(e, "t.md:2:3: error: NUL byte: not a text file");
	free(e);
	ASSERT_ERR("Artikel 1\nCaf\xE9 au lait\n", BG_ERR_FORMAT,
		   "t.md:2:4: error: invalid UTF-8 (byte 0xE9)");
	ASSERT_ERR("Artikel 1\n\xC0\xAF\n", BG_ERR_FORMAT,
		   "t.md:2:1: error: invalid UTF-8 (byte 0xC0)");
	ASSERT_ERR("Artikel 1\n\xED\xA0\x80\n", BG_ERR_FORMAT,
		   "t.md:2:1: error: invalid UTF-8 (byte 0xED)");
	ASSERT_ERR("Artikel 1\nab\xE2\x82", BG_ERR_FORMAT,
		   "t.md:2:3: error: invalid UTF-8 (byte 0xE2)");
	ASSERT_ERR("\x7F" "ELF\x02\x01\x01", BG_ERR_FORMAT,
		   "t.md:1:5: error: control character 0x02: not a text file");
	ASSERT_ERR("Artikel 1\nx\xC2\x85y\n", BG_ERR_FORMAT,
		   "t.md:2:2: error: control character U+0085: not a text file");
}
END_TEST

START_TEST(limit_errors)
{
	size_t n = BG_MAX_DRAFT + 1;
	char *big = malloc(n), *e;

	ck_assert_ptr_nonnull(big);
	memset(big, 'a', n);
	e = parse_err(big, n, BG_ERR_LIMIT);
	ck_assert_str_eq(e, "t.md:0:0: error: draft larger than 16777216 bytes");
	free(e);
	/* one text block of more than BG_MAX_TEXT bytes, within the file limit */
	memcpy(big, "Artikel 1\n", 10);
	for (size_t i = 10; i + 8 <= BG_MAX_TEXT + 100; i += 8)
		memcpy(big + i, "woorden ", 8);
	e = parse_err(big, BG_MAX_TEXT + 100, BG_ERR_LIMIT);
	ck_assert_str_eq(e, "t.md:2:1: error: text block longer than 1048576 bytes");
	free(e);
	free(big);
}
END_TEST

START_TEST(read_file_errors)
{
	bg_doc *doc = (bg_doc *)1;
	bg_diag dg = {0};

	ck_assert_int_eq(bg_bill_read("tests/drafts/no-such-draft.md", &doc, &dg), BG_ERR_IO);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(dg.message, "cannot open: No such file or directory");
	ck_assert_int_eq(bg_bill_read("tests/drafts", &doc, &dg), BG_ERR_IO);
	ck_assert_str_eq(dg.message, "not a regular file");
	bg_diag_clear(&dg);
}
END_TEST

/* ------------------------------------------------------ sample drafts */

START_TEST(sample_draft_same_tree_in_all_formats)
{
	static const char *const files[] = {
		"tests/drafts/draft-kst.xml", "tests/drafts/draft.md", "tests/drafts/draft.txt",
	};
	char *want = dump_file("tests/drafts/draft.xml");
	bg_doc *d = read_file_ok("tests/drafts/draft.xml");

	ck_assert_int_eq(bg_doc_dialect(d), BG_DIALECT_TOESTAND);
	ck_assert_uint_eq(count_kind(d, BG_N_ARTIKEL), 9);
	ck_assert_uint_eq(count_kind(d, BG_N_HOOFDSTUK), 3);
	ck_assert_str_eq(al_of(d, BG_N_LI, "-/artikel=1/li=e"),
			 "toetsingsinkomen: het op het berekeningsjaar betrekking hebbende inkomensgegeven;");
	ck_assert_ptr_nonnull(find(d, BG_N_LI, "-/artikel=1/li=f/li=2\xC2\xB0"));
	ck_assert_ptr_nonnull(find(d, BG_N_LI, "-/artikel=2/lid=1/li=c"));
	bg_doc_free(d);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *got = dump_file(files[i]);
		if (strcmp(got, want))
			ck_abort_msg("%s: tree differs from draft.xml:\n%s\n---- want:\n%s",
				     files[i], got, want);
		free(got);
	}
	free(want);

	/* the text formats also agree on the title */
	d = read_file_ok("tests/drafts/draft.txt");
	{
		bg_doc *m = read_file_ok("tests/drafts/draft.md");
		ck_assert_str_eq(bg_doc_title(d), bg_doc_title(m));
		ck_assert_str_eq(bg_doc_title(m),
				 "Regels over een tegemoetkoming in de kosten van mantelzorg "
				 "(Wet tegemoetkoming mantelzorg)");
		bg_doc_free(m);
	}
	bg_doc_free(d);
	d = read_file_ok("tests/drafts/draft-kst.xml");
	ck_assert_int_eq(bg_doc_dialect(d), BG_DIALECT_OP);
	bg_doc_free(d);
}
END_TEST

START_TEST(benchmark_draft_same_tree)
{
	char *want = dump_file("tests/drafts/draft50.xml");
	char *got = dump_file("tests/drafts/draft50.md");
	bg_doc *d = read_file_ok("tests/drafts/draft50.md");

	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(count_kind(d, BG_N_ARTIKEL), 50);
	ck_assert_uint_eq(count_kind(d, BG_N_HOOFDSTUK), 10);
	bg_doc_free(d);
	free(got);
	free(want);
}
END_TEST

/* ---------------------------------------------------------- real bills */

static char *bill_path(const char *name)
{
	bg_buf b = BG_BUF_INIT;

	bg_buf_addf(&b, "%s/%s", bills_dir(), name);
	return bg_buf_detach(&b);
}

START_TEST(staatsblad_amendments)
{
	char *path = bill_path("stb-2025-263.xml");
	bg_doc *d = read_file_ok(path);
	const bg_amendment *am;
	size_t n;

	ck_assert_int_eq(bg_doc_dialect(d), BG_DIALECT_OP);
	ck_assert_int_eq(bg_bill_amendments(d, &am, &n), BG_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(am[0].article->nr, "I");
	ck_assert_str_eq(am[0].act, "Mediabesluit 2008");
	ck_assert_str_eq(am[0].onderdeel, "A");
	ck_assert_int_eq(am[0].action, BG_AMEND_LUIDEN);
	ck_assert_str_eq(bg_amend_action_name(am[0].action), "komt te luiden");
	ck_assert_str_eq(am[0].target, "hoofdstuk 3");
	ck_assert_str_eq(am[0].text,
			 "Het opschrift van hoofdstuk 3 komt te luiden: \xC2\xAB" "Commerci\xC3\xAB"
			 "le mediadiensten\xC2\xBB");
	ck_assert_uint_eq(am[0].narticles, 0);

	ck_assert_str_eq(am[1].act, "Mediabesluit 2008");
	ck_assert_str_eq(am[1].onderdeel, "B");
	ck_assert_int_eq(am[1].action, BG_AMEND_INVOEGEN);
	ck_assert_str_eq(am[1].target, "artikel 17");
	ck_assert_str_eq(am[1].text, "Na artikel 17 worden twee artikelen ingevoegd, die luiden:");
	ck_assert_uint_eq(am[1].narticles, 2);
	ck_assert_str_eq(am[1].articles[0]->nr, "17a");
	ck_assert_str_eq(am[1].articles[1]->nr, "17b");
	ck_assert_uint_eq(am[1].ncontent, 2);
	ck_assert_ptr_eq(am[1].item->parent, am[1].article);
	/* ARTIKEL II (inwerkingtreding) is no amendment */
	ck_assert_ptr_nonnull(find(d, BG_N_ARTIKEL, "stb-2025-263/artikel=II"));
	bg_doc_free(d);
	free(path);
}
END_TEST

START_TEST(kamerstuk_articles)
{
	char *path = bill_path("kst-37020-X-1.xml");
	bg_doc *d = read_file_ok(path);
	const bg_amendment *am;
	size_t n = 99;

	ck_assert_int_eq(bg_doc_dialect(d), BG_DIALECT_OP);
	/* no intitule: the dossier's title names the bill */
	ck_assert_str_eq(bg_doc_title(d),
			 "Vaststelling van de begrotingsstaten van het ministerie van Defensie (X) voor het jaar 2027");
	ck_assert_uint_eq(count_kind(d, BG_N_ARTIKEL), 4);
	ck_assert_str_eq(al_of(d, BG_N_ARTIKEL, "-/artikel=3"),
			 "De vaststelling van de begrotingsstaten geschiedt in duizenden euro\xE2\x80\x99s.");
	ck_assert_int_eq(bg_bill_amendments(d, &am, &n), BG_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(am);
	bg_doc_free(d);
	free(path);
}
END_TEST

/* An amending bill in Kamerstuk form, written after the Staatsblad file:
 * onderdelen with sub-instructions, a single-instruction article, and an
 * inwerkingtreding article that is not an amendment. */
static const char op_bill[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<officiele-publicatie><kamerstuk><stuk><voorstel-wet><wettekst>\n"
	"<wijzig-artikel><kop><label>ARTIKEL</label><nr>I</nr></kop>\n"
	"<wat>De Wet op de zorgtoeslag wordt als volgt gewijzigd:</wat>\n"
	"<wijzig-lid><lidnr>A</lidnr><wat>Artikel 2 wordt als volgt gewijzigd:</wat>\n"
	"<wijzig-lid><lidnr>1</lidnr><wat>In het eerste lid wordt \xE2\x80\x9C" "18 jaar\xE2\x80\x9D vervangen door \xE2\x80\x9C" "21 jaar\xE2\x80\x9D.</wat></wijzig-lid>\n"
	"<wijzig-lid><lidnr>2</lidnr><wat>Het derde lid vervalt.</wat></wijzig-lid>\n"
	"</wijzig-lid>\n"
	"<wijzig-lid><lidnr>B</lidnr><wat>Artikel 3 komt te luiden:</wat>\n"
	"<wijziging><artikel><kop><label>Artikel</label><nr>3</nr></kop><al>Nieuwe tekst.</al></artikel></wijziging>\n"
	"</wijzig-lid></wijzig-artikel>\n"
	"<wijzig-artikel><kop><label>ARTIKEL</label><nr>II</nr></kop>\n"
	"<wat>In artikel 5, eerste lid, van de Algemene wet inkomensafhankelijke regelingen wordt na \xE2\x80\x9C" "partner\xE2\x80\x9D ingevoegd: \xE2\x80\x9C" "of medebewoner\xE2\x80\x9D.</wat>\n"
	"</wijzig-artikel>\n"
	"<artikel><kop><label>ARTIKEL</label><nr>III</nr></kop><al>Deze wet treedt in werking met ingang van 1 januari 2027.</al></artikel>\n"
	"</wettekst></voorstel-wet></stuk></kamerstuk></officiele-publicatie>\n";

START_TEST(op_amendment_forms)
{
	bg_doc *d = NULL;
	bg_diag dg = {0};
	const bg_amendment *am;
	size_t n;

	ck_assert_int_eq(bg_bill_read_memory(op_bill, sizeof op_bill - 1, "kst.xml", &d, &dg), BG_OK);
	ck_assert_int_eq(bg_bill_amendments(d, &am, &n), BG_OK);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(am[0].onderdeel, "A");
	ck_assert_int_eq(am[0].action, BG_AMEND_WIJZIGEN);
	ck_assert_str_eq(am[0].target, "artikel 2");
	ck_assert_str_eq(am[0].act, "Wet op de zorgtoeslag");
	ck_assert_str_eq(am[1].onderdeel, "A.1");
	ck_assert_int_eq(am[1].action, BG_AMEND_VERVANGEN);
	ck_assert_str_eq(am[1].act, "Wet op de zorgtoeslag");
	ck_assert_str_eq(am[2].onderdeel, "A.2");
	ck_assert_int_eq(am[2].action, BG_AMEND_VERVALLEN);
	ck_assert_str_eq(am[3].onderdeel, "B");
	ck_assert_int_eq(am[3].action, BG_AMEND_LUIDEN);
	ck_assert_uint_eq(am[3].narticles, 1);
	ck_assert_str_eq(am[3].articles[0]->nr, "3");
	/* a whole article as one instruction, naming its act itself */
	ck_assert_str_eq(am[4].article->nr, "II");
	ck_assert_ptr_null(am[4].item);
	ck_assert_str_eq(am[4].onderdeel, "");
	ck_assert_int_eq(am[4].action, BG_AMEND_INVOEGEN);
	ck_assert_str_eq(am[4].act, "Algemene wet inkomensafhankelijke regelingen");
	ck_assert_str_eq(am[4].target, "artikel 5");
	bg_doc_free(d);
	bg_diag_clear(&dg);
}
END_TEST

/* ---------------------------------------------------- real laws as text */

/*
 * Renders a law read from BWB XML as the plain text a drafter would paste
 * ("Artikel 3 Titel", "1. text", "a. text", "1\xC2\xB0 text", "- text",
 * "## Hoofdstuk 2 Titel", paragraphs between blank lines).  Returns false
 * for what plain text cannot say: definitielijsten, tables kept as text
 * blocks of their own, unnumbered articles, containers or list items.
 */
static bool render(const bg_node *n, bg_buf *b)
{
	static const char *const labels[BG_N__COUNT] = {
		[BG_N_BOEK] = "Boek", [BG_N_DEEL] = "Deel", [BG_N_HOOFDSTUK] = "Hoofdstuk",
		[BG_N_TITELDEEL] = "Titel", [BG_N_AFDELING] = "Afdeling",
		[BG_N_PARAGRAAF] = "Paragraaf", [BG_N_SUBPARAGRAAF] = "Subparagraaf",
		[BG_N_BIJLAGE] = "Bijlage",
	};

	for (const bg_node *c = n->first_child; c; c = c->next) {
		const bg_node *f = c->first_child;

		switch (c->kind) {
		case BG_N_AL:
			if (c->text[0])
				bg_buf_addf(b, "\n%s\n", c->text);
			continue;
		case BG_N_ARTIKEL:
			if (!c->nr[0])
				return false;
			bg_buf_addf(b, "\nArtikel %s%s%s\n", c->nr, c->heading[0] ? " " : "",
				    c->heading);
			break;
		case BG_N_LIJST:
			bg_buf_addc(b, '\n');
			break;
		case BG_N_LID:
		case BG_N_LI:
			if (!c->nr[0])
				return false;
			if (c->kind == BG_N_LID || (!strstr(c->nr, "\xC2\xB0") &&
						    strcmp(c->nr, "-") && strcmp(c->nr, "\xE2\x80\x93")))
				bg_buf_addf(b, "\n%s. ", c->nr);
			else
				bg_buf_addf(b, "\n%s ", c->nr);
			/* the first text block goes on the numbered line */
			if (f && f->kind == BG_N_AL) {
				bg_buf_addf(b, "%s\n", f->text);
				f = f->next;
			} else {
				bg_buf_addc(b, '\n');
			}
			for (; f; f = f->next) {
				bg_node one = *f;
				bg_node holder = { .first_child = &one };
				one.next = NULL;
				if (!render(&holder, b))
					return false;
			}
			continue;
		default:
			if (!labels[c->kind] || !c->nr[0])
				return false;
			bg_buf_addf(b, "\n## %s %s %s\n", labels[c->kind], c->nr, c->heading);
			break;
		}
		if (!render(c, b))
			return false;
	}
	return true;
}

/* The dump without empty text blocks, which plain text cannot hold. */
static char *dump_nonempty(const bg_doc *doc)
{
	bg_buf b = BG_BUF_INIT;
	char *all = dump(doc), *p = all;

	while (*p) {
		char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p + 1) : strlen(p);
		if (!(n >= 7 && !memcmp(p + n - 7, " text=\n", 7) && strstr(p, " al @") &&
		      strstr(p, " al @") < p + n))
			bg_buf_add(&b, p, n);
		p += n;
	}
	free(all);
	return bg_buf_detach(&b);
}

/*
 * Real laws, rendered as plain text, must read back into the tree the XML
 * gave.  Plain text is ambiguous where the XML is not (a paragraph after a
 * list may belong to the last item or to the lid; a text block may itself
 * begin with "a."), so the test asks for most, not all: it measured 61.5%
 * identical trees over the 2,178 renderable files of the corpus (62.7%
 * over every fourth file), and fails below 55%.  Every fourth file is read, to keep the test short.
 */
START_TEST(real_laws_as_text_read_back)
{
	const char *dir = bwb_dir();
	char *arg = (char *)dir;
	bg_filelist fl = {0};
	size_t same = 0, tried = 0;

	ck_assert_uint_eq(bg_filelist_expand(&fl, &arg, 1), 0);
	for (size_t i = 0; i < fl.count; i += 4) {
		bg_doc *x = NULL, *t = NULL;
		bg_diag dg = {0};
		bg_buf b = BG_BUF_INIT;

		if (bg_doc_read_file(fl.paths[i], NULL, &x, &dg)) {
			bg_diag_clear(&dg);
			continue;
		}
		bg_buf_addf(&b, "# %s\n", bg_doc_title(x)[0] ? bg_doc_title(x) : "Regeling");
		if (render(bg_doc_root(x), &b)) {
			tried++;
			/* the XML's addresses start from its regulation id */
			bg_buf c = BG_BUF_INIT;
			bg_buf_addf(&c, "bwb-id: %s\n%s", bg_is_bwb_id(bg_doc_bwb_id(x)) ?
				    bg_doc_bwb_id(x) : "BWBR0000000", b.s);
			if (bg_draft_read_memory(c.s, c.len, fl.paths[i], &t, &dg) == BG_OK) {
				char *dx = dump_nonempty(x), *dt = dump_nonempty(t);
				same += !strcmp(dx, dt);
				free(dx);
				free(dt);
				bg_doc_free(t);
			}
			bg_diag_clear(&dg);
			bg_buf_release(&c);
		}
		bg_buf_release(&b);
		bg_doc_free(x);
	}
	bg_filelist_release(&fl);
	fprintf(stderr, "check_draft: %zu of %zu real laws read back as the same tree from text\n",
		same, tried);
	ck_assert_uint_gt(tried, 100);
	ck_assert_uint_ge(same * 100, tried * 55);
}
END_TEST

/* Articles of ordinary laws that only mention changes are no amendments;
 * an intrekking in an invoeringswet is one. */
START_TEST(rules_are_not_amendments)
{
	bg_doc *d = parse_ok(
		"Artikel 3a\nBij ministeri\xC3\xABle regeling kan de bijlage worden gewijzigd.\n"
		"Artikel I\nIn afwijking van artikel 25 van de Huurwet vervangt Onze Minister de tabel.\n"
		"Artikel II\nDe bepalingen die ingevolge artikel I vervallen, blijven van toepassing.\n"
		"Artikel III\nA. De bijdrage wordt vastgesteld op \xE2\x82\xAC 50.\nB. Zij wordt jaarlijks betaald.\n"
		"Artikel IV\nDe Huurwet wordt ingetrokken.\n");
	const bg_amendment *am;
	size_t n;

	ck_assert_int_eq(bg_bill_amendments(d, &am, &n), BG_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(am[0].article->nr, "IV");
	ck_assert_int_eq(am[0].action, BG_AMEND_INTREKKEN);
	ck_assert_str_eq(am[0].act, "Huurwet");
	ck_assert_str_eq(am[0].target, "");
	bg_doc_free(d);
}
END_TEST

static Suite *draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");
	struct stat sb;

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, sniff_formats);
	tcase_add_test(tc, xml_other_root_is_refused);
	tcase_add_test(tc, title_markdown_and_plain);
	tcase_add_test(tc, containers_nest_by_rank);
	tcase_add_test(tc, article_forms);
	tcase_add_test(tc, leden_with_and_without_dot);
	tcase_add_test(tc, list_items_nest_by_kind);
	tcase_add_test(tc, numbered_items_after_colon);
	tcase_add_test(tc, ordinals_and_numbered_sublists);
	tcase_add_test(tc, definitions_list);
	tcase_add_test(tc, term_lines_only_after_the_phrase);
	tcase_add_test(tc, continuation_and_whitespace);
	tcase_add_test(tc, uppercase_onderdelen_and_toelichting);
	tcase_add_test(tc, roman_numbers_and_short_titles);
	tcase_add_test(tc, containers_nest_by_number);
	tcase_add_test(tc, slotformulering_and_preamble_lists);
	tcase_add_test(tc, metadata_lines);
	tcase_add_test(tc, metadata_errors);
	tcase_add_test(tc, error_messages);
	tcase_add_test(tc, limit_errors);
	tcase_add_test(tc, read_file_errors);
	tcase_add_test(tc, sample_draft_same_tree_in_all_formats);
	tcase_add_test(tc, benchmark_draft_same_tree);
	tcase_add_test(tc, op_amendment_forms);
	tcase_add_test(tc, rules_are_not_amendments);
	if (stat(bwb_dir(), &sb) == 0 && S_ISDIR(sb.st_mode))
		tcase_add_test(tc, real_laws_as_text_read_back);
	else
		fprintf(stderr, "check_draft: %s not found: real-law test left out\n",
			bwb_dir());
	if (stat(bills_dir(), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		tcase_add_test(tc, staatsblad_amendments);
		tcase_add_test(tc, kamerstuk_articles);
	} else {
		fprintf(stderr, "check_draft: %s not found: real-bill tests left out\n",
			bills_dir());
	}
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(draft_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
