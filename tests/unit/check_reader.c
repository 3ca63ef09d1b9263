/*
 * check_reader.c -- the BWB reader on small in-memory documents, one per
 * dialect and per feature: the 2012 <wetgeving> dump with its remote
 * DOCTYPE, toestand files with <meta-data> inside titles and articles,
 * officiële publicaties (only with allow_op), numbers, headings, text
 * flattening and whitespace, references in both Juriconnect forms,
 * repealed provisions, addresses, links, dates, UTF-16 input and the
 * errors a bad document gets.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "bg.h"

static bg_doc *doc;
static bg_diag diag;

static bg_status rd(const char *xml, const char *name, bool allow_op)
{
	bg_read_opts o = { .allow_op = allow_op, .display_name = NULL };

	bg_doc_free(doc);
	doc = NULL;
	bg_diag_clear(&diag);
	return bg_doc_read_memory(xml, strlen(xml), name, &o, &doc, &diag);
}

static void teardown(void)
{
	bg_doc_free(doc);
	doc = NULL;
	bg_diag_clear(&diag);
}

/* The i-th node (pre-order, 0 = root) of kind k. */
static const bg_node *nth(bg_node_kind k, int i)
{
	const bg_node *root = bg_doc_root(doc);

	for (const bg_node *n = root; n; n = bg_node_next(root, n))
		if (n->kind == k && i-- == 0)
			return n;
	ck_abort_msg("no node %s #%d", bg_node_kind_name(k), i);
	return NULL;
}

static int count(bg_node_kind k)
{
	const bg_node *root = bg_doc_root(doc);
	int c = 0;

	for (const bg_node *n = root; n; n = bg_node_next(root, n))
		c += n->kind == k;
	return c;
}

static char *text_of(const bg_node *n)
{
	bg_buf b = BG_BUF_INIT;

	bg_node_text(n, &b);
	return bg_buf_detach(&b);
}

static char *link_of(const bg_node *n)
{
	bg_buf b = BG_BUF_INIT;

	bg_node_link(doc, n, &b);
	return bg_buf_detach(&b);
}

#define ASSERT_OWNED_STR(expr, want) do { \
	char *s_ = (expr); \
	ck_assert_str_eq(s_, want); \
	free(s_); \
} while (0)

static const char wet2012[] =
	"<?xml version=\"1.0\"?>\n"
	"<!DOCTYPE wetgeving SYSTEM \"http://wetten.overheid.nl/dtd/bwb-plus-meta-1_61w.dtd\">\n"
	"<wetgeving bwb-id=\"BWBR0015703\" soort=\"wet\">"
	"<intitule>Wet van 9 oktober 2003 tot vaststelling van een wet (Wet werk en bijstand)</intitule>"
	"<wet-besluit><wettekst>\n"
	"<hoofdstuk><kop><label>Hoofdstuk</label><nr>1.</nr><titel>Algemene\n   bepalingen</titel></kop>\n"
	"<artikel status=\"goed\"><kop><label>Artikel</label><nr>3</nr><titel>Partner</titel></kop>\n"
	"<lid><lidnr>1.</lidnr><al>Als gehuwde of als echtgenoot wordt mede aangemerkt de\n"
	"   ongehuwd <nadruk type=\"cur\">samenwonende</nadruk>&#xA0;partner.</al></lid>\n"
	"<lid><lidnr>2.</lidnr><al>Zie <extref doc=\"1.0:v:BWBR0018472&amp;artikel=3&amp;lid=1\">artikel 3,"
	" eerste lid, van de  Awir</extref> en <intref doc=\"1.0:v:BWBR0015703&amp;artikel=4\">artikel 4</intref>:</al>"
	"<lijst><li><li.nr>a.</li.nr><al>een;</al></li><li><li.nr>(b)</li.nr><al>twee.</al></li></lijst></lid>\n"
	"</artikel>\n"
	"<artikel status=\"vervallen\"><kop><label>Artikel</label><nr>4</nr></kop><al>Vervallen.</al></artikel>\n"
	"<artikel><kop><label>Artikel</label><nr>5</nr></kop><al>[Vervallen per 01-01-2012]</al></artikel>\n"
	"<artikel><kop><label>Artikel</label><nr>6</nr></kop><al>Vervallen is niet alles.</al></artikel>\n"
	"</hoofdstuk></wettekst></wet-besluit></wetgeving>\n";

START_TEST(wetgeving_2012)
{
	const bg_node *art, *lid, *hs;

	ck_assert_int_eq(rd(wet2012, "corpora/bwb/BWBR0015703.xml", false), BG_OK);
	ck_assert_int_eq(bg_doc_dialect(doc), BG_DIALECT_WETGEVING);
	ck_assert_str_eq(bg_doc_bwb_id(doc), "BWBR0015703");
	ck_assert_str_eq(bg_doc_soort(doc), "wet");
	ck_assert_str_eq(bg_doc_short_title(doc), "Wet werk en bijstand");
	ck_assert_str_eq(bg_doc_date(doc), "");  /* the dump has no date */
	hs = nth(BG_N_HOOFDSTUK, 0);
	ck_assert_str_eq(hs->nr, "1");            /* "1." cleaned */
	ck_assert_str_eq(hs->label, "Hoofdstuk");
	ck_assert_str_eq(hs->heading, "Algemene bepalingen");
	ck_assert_str_eq(hs->address, "BWBR0015703/hoofdstuk=1");
	ck_assert_int_eq(count(BG_N_ARTIKEL), 4);
	ck_assert_int_eq(count(BG_N_LID), 2);
	ck_assert_int_eq(count(BG_N_LI), 2);
	art = nth(BG_N_ARTIKEL, 0);
	ck_assert_str_eq(art->nr, "3");
	ck_assert_str_eq(art->heading, "Partner");
	ck_assert_str_eq(art->address, "BWBR0015703/artikel=3");
	ck_assert(!art->repealed);
	lid = nth(BG_N_LID, 0);
	ck_assert_str_eq(lid->nr, "1");
	ck_assert_str_eq(lid->address, "BWBR0015703/artikel=3/lid=1");
	/* inline markup flattened, newlines/indent and NBSP collapsed */
	ASSERT_OWNED_STR(text_of(lid),
		"Als gehuwde of als echtgenoot wordt mede aangemerkt de ongehuwd samenwonende partner.");
	ASSERT_OWNED_STR(link_of(lid), "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=3&lid=1");
	ck_assert_str_eq(nth(BG_N_LI, 0)->nr, "a");
	ck_assert_str_eq(nth(BG_N_LI, 1)->nr, "b");  /* "(b)" cleaned */
	ck_assert_str_eq(nth(BG_N_LI, 1)->address, "BWBR0015703/artikel=3/lid=2/li=b");
	ck_assert_ptr_eq(bg_node_provision(nth(BG_N_AL, 3)), nth(BG_N_LI, 1));
	ASSERT_OWNED_STR(link_of(nth(BG_N_LI, 1)), "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=3&lid=2");
	ASSERT_OWNED_STR(link_of(hs), "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&hoofdstuk=1");
	/* repealed by status and by text; "Vervallen is ..." is not a repeal */
	ck_assert(nth(BG_N_ARTIKEL, 1)->repealed);
	ck_assert(nth(BG_N_ARTIKEL, 2)->repealed);
	ck_assert(!nth(BG_N_ARTIKEL, 3)->repealed);
}
END_TEST

/* A regulation without citeertitel is named as its intitule names it after
 * "vaststelling van de / het" (a "Wet ..." even over the final bracket,
 * which then names the operation), else by the final bracket. */
START_TEST(short_title_from_intitule)
{
	static const char ib[] =
		"<?xml version=\"1.0\"?>\n"
		"<wetgeving bwb-id=\"BWBR0011353\" soort=\"wet\">"
		"<intitule>Wet van 11 mei 2000 tot vaststelling van de Wet inkomstenbelasting 2001 "
		"(Belastingherziening 2001)</intitule>"
		"<wet-besluit><wettekst><artikel><kop><nr>1</nr></kop><al>Tekst.</al></artikel>"
		"</wettekst></wet-besluit></wetgeving>\n";
	static const char bk[] =
		"<?xml version=\"1.0\"?>\n"
		"<wetgeving bwb-id=\"BWBR0006404\" soort=\"AMvB\">"
		"<intitule>Besluit van 11 januari 1994, tot vaststelling van het Besluit rechtsbijstand- en "
		"toevoegcriteria</intitule>"
		"<wet-besluit><wettekst><artikel><kop><nr>1</nr></kop><al>Tekst.</al></artikel>"
		"</wettekst></wet-besluit></wetgeving>\n";

	static const char munt[] =
		"<?xml version=\"1.0\"?>\n"
		"<wetgeving bwb-id=\"BWBR0013064\" soort=\"wet\">"
		"<intitule>Wet van 26 april 2002, tot vaststelling van het Nederlandse muntstelsel in "
		"verband met de invoering van de chartale euro (Muntwet 2002)</intitule>"
		"<wet-besluit><wettekst><artikel><kop><nr>1</nr></kop><al>Tekst.</al></artikel>"
		"</wettekst></wet-besluit></wetgeving>\n";

	ck_assert_int_eq(rd(ib, "corpora/bwb/BWBR0011353.xml", false), BG_OK);
	ck_assert_str_eq(bg_doc_short_title(doc), "Wet inkomstenbelasting 2001");
	bg_doc_free(doc);
	doc = NULL;
	ck_assert_int_eq(rd(bk, "corpora/bwb/BWBR0006404.xml", false), BG_OK);
	ck_assert_str_eq(bg_doc_short_title(doc), "Besluit rechtsbijstand- en toevoegcriteria");
	/* the bracket names it when the words after "vaststelling van het" do not */
	ck_assert_int_eq(rd(munt, "corpora/bwb/BWBR0013064.xml", false), BG_OK);
	ck_assert_str_eq(bg_doc_short_title(doc), "Muntwet 2002");
}
END_TEST

START_TEST(references_both_forms)
{
	const bg_ref *r;
	const bg_node *al;

	ck_assert_int_eq(rd(wet2012, "BWBR0015703.xml", false), BG_OK);
	ck_assert_uint_eq(bg_doc_ref_count(doc), 2);
	r = bg_doc_refs(doc);
	ck_assert(r[0].external);
	ck_assert_str_eq(r[0].doc, "1.0:v:BWBR0018472&artikel=3&lid=1");
	ck_assert_str_eq(r[0].bwb_id, "BWBR0018472");
	ck_assert_str_eq(r[0].artikel, "3");
	ck_assert_str_eq(r[0].lid, "1");
	ck_assert_str_eq(r[0].text, "artikel 3, eerste lid, van de Awir");
	ck_assert(!r[1].external);
	ck_assert_str_eq(r[1].bwb_id, "BWBR0015703");
	ck_assert_str_eq(r[1].artikel, "4");
	ck_assert_str_eq(r[1].lid, "");
	ck_assert_str_eq(r[1].text, "artikel 4");
	/* both belong to the text block they sit in */
	al = r[0].node;
	ck_assert_int_eq(al->kind, BG_N_AL);
	ck_assert_ptr_eq(r[1].node, al);
	ck_assert_uint_eq(al->ref_first, 0);
	ck_assert_uint_eq(al->ref_count, 2);
	ck_assert_str_eq(al->text, "Zie artikel 3, eerste lid, van de Awir en artikel 4:");
	ck_assert_str_eq(al->address, "BWBR0015703/artikel=3/lid=2");
}
END_TEST

static const char toestand[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<toestand bwb-id=\"BWBR0018472\" inwerkingtreding=\"2025-01-01\">"
	"<bwb-inputbestand>BWBR0018472_2024-11-06_0</bwb-inputbestand><bwb-wijzigingen/>"
	"<wetgeving soort=\"wet\">"
	"<intitule>Wet van 23 juni 2005 (Algemene wet inkomensafhankelijke regelingen)"
	"<meta-data><brondata><al>Deze wet geldt voor berekeningsjaren</al></brondata></meta-data></intitule>"
	"<citeertitel status=\"officieel\">Algemene wet inkomensafhankelijke regelingen<meta-data>x</meta-data></citeertitel>"
	"<wet-besluit><wettekst>"
	"<artikel><kop><label>Artikel</label><nr>2</nr><titel>Begrippen<meta-data>niet</meta-data></titel></kop>"
	"<meta-data><jcis><jci verwijzing=\"jci1.3:c:BWBR0018472&amp;artikel=2\"/></jcis></meta-data>"
	"<lid><lidnr>1</lidnr><al>In deze wet wordt verstaan onder partner: de partner als bedoeld in "
	"<intref doc=\"jci1.3:c:BWBR0018472&amp;hoofdstuk=1&amp;paragraaf=2&amp;artikel=3&amp;lid=1&amp;z=2025-01-01&amp;g=2025-01-01\""
	" bwb-id=\"BWBR0018472\">artikel 3</intref>.<meta-data><al>toelichting</al></meta-data></al>"
	"<meta-data><terugwerkende-kracht-opmerkingen><lid><al>niet tellen</al></lid></terugwerkende-kracht-opmerkingen></meta-data></lid>"
	"<lid status=\"vervallen\"><lidnr>2</lidnr><al>Vervallen</al></lid>"
	"</artikel></wettekst></wet-besluit></wetgeving></toestand>";

START_TEST(toestand_meta_data_skipped)
{
	const bg_node *art, *lid;
	const bg_ref *r;

	ck_assert_int_eq(rd(toestand, "BWBR0018472_2020-01-01.xml", false), BG_OK);
	ck_assert_int_eq(bg_doc_dialect(doc), BG_DIALECT_TOESTAND);
	ck_assert_str_eq(bg_doc_date(doc), "2025-01-01"); /* the file's own date wins */
	ck_assert_str_eq(bg_doc_soort(doc), "wet");
	ck_assert_str_eq(bg_doc_title(doc), "Algemene wet inkomensafhankelijke regelingen");
	ck_assert_str_eq(bg_doc_intitule(doc), "Wet van 23 juni 2005 (Algemene wet inkomensafhankelijke regelingen)");
	art = nth(BG_N_ARTIKEL, 0);
	ck_assert_str_eq(art->heading, "Begrippen");
	ck_assert_int_eq(count(BG_N_LID), 2);   /* the <lid> in meta-data is not law text */
	ck_assert_int_eq(count(BG_N_AL), 2);
	lid = nth(BG_N_LID, 0);
	ASSERT_OWNED_STR(text_of(art),
		"In deze wet wordt verstaan onder partner: de partner als bedoeld in artikel 3. Vervallen");
	ck_assert_uint_eq(bg_doc_ref_count(doc), 1);
	r = bg_doc_refs(doc);
	ck_assert(!r[0].external);
	ck_assert_str_eq(r[0].bwb_id, "BWBR0018472");
	ck_assert_str_eq(r[0].artikel, "3");
	ck_assert_str_eq(r[0].lid, "1");
	ck_assert_ptr_eq(bg_node_provision(r[0].node), lid);
	ck_assert(nth(BG_N_LID, 1)->repealed);
	ck_assert(!art->repealed);
	ASSERT_OWNED_STR(link_of(lid),
		"https://wetten.overheid.nl/jci1.3:c:BWBR0018472&artikel=2&lid=1&g=2025-01-01");
}
END_TEST

START_TEST(date_from_file_name)
{
	static const char x[] = "<toestand bwb-id=\"BWBR0002629\"><wetgeving><wet-besluit><wettekst>"
		"<artikel><kop><nr>1</nr></kop><al>x</al></artikel></wettekst></wet-besluit></wetgeving></toestand>";

	ck_assert_int_eq(rd(x, "dir/BWBR0002629_2010-01-01_1.xml", false), BG_OK);
	ck_assert_str_eq(bg_doc_date(doc), "2010-01-01");
	ck_assert_int_eq(rd(x, "dir/BWBR0002629_2010-1-01.xml", false), BG_OK);
	ck_assert_str_eq(bg_doc_date(doc), "");
	/* no bwb-id attribute: the id comes from the file name */
	ck_assert_int_eq(rd("<wetgeving soort=\"wet\"><al>a</al></wetgeving>", "x/BWBR0000007.xml", false), BG_OK);
	ck_assert_str_eq(bg_doc_bwb_id(doc), "BWBR0000007");
	ck_assert_str_eq(bg_doc_root(doc)->address, "BWBR0000007");
}
END_TEST

static const char op[] =
	"<officiele-publicatie><metadata><meta name=\"DC.identifier\" content=\"stb-2025-263\"/>"
	"<meta name=\"OVERHEIDop.datumOndertekening\" content=\"2025-09-29\"/></metadata>"
	"<staatsblad><wet-besluit><wettekst>"
	"<wijzig-artikel><kop><label>ARTIKEL</label><nr>I</nr></kop><wat>Het Mediabesluit 2008 wordt gewijzigd:</wat>"
	"<wijzig-lid><lidnr>A</lidnr><wat>Artikel 1 vervalt.</wat></wijzig-lid>"
	"<wijzig-lid><lidnr>B</lidnr><wat>Na artikel 2 wordt ingevoegd:</wat>"
	"<wijziging><artikel><kop><label>Artikel</label><nr>2a</nr></kop><al>Nieuw.</al></artikel></wijziging></wijzig-lid>"
	"</wijzig-artikel></wettekst></wet-besluit></staatsblad>"
	"<nota-toelichting><al>Geen wettekst.</al></nota-toelichting></officiele-publicatie>";

START_TEST(officiele_publicatie)
{
	ck_assert_int_eq(rd(op, "stb-2025-263.xml", false), BG_ERR_NOT_BWB);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(diag.message, "not a BWB document: root element <officiele-publicatie>");
	ck_assert_int_eq(rd(op, "stb-2025-263.xml", true), BG_OK);
	ck_assert_int_eq(bg_doc_dialect(doc), BG_DIALECT_OP);
	ck_assert_str_eq(bg_doc_bwb_id(doc), "stb-2025-263");
	ck_assert_str_eq(bg_doc_date(doc), "2025-09-29");
	ck_assert_int_eq(count(BG_N_ARTIKEL), 2);
	ck_assert_int_eq(count(BG_N_LID), 2);
	ck_assert_str_eq(nth(BG_N_ARTIKEL, 0)->nr, "I");
	ck_assert_str_eq(nth(BG_N_LID, 1)->address, "stb-2025-263/artikel=I/lid=B");
	ck_assert_str_eq(nth(BG_N_ARTIKEL, 1)->nr, "2a");
	ASSERT_OWNED_STR(text_of(bg_doc_root(doc)),
		"Het Mediabesluit 2008 wordt gewijzigd: Artikel 1 vervalt. Na artikel 2 wordt ingevoegd: Nieuw.");
	/* not a BWB id: the link is the site only */
	ASSERT_OWNED_STR(link_of(nth(BG_N_LID, 0)), "https://wetten.overheid.nl/");
}
END_TEST

START_TEST(definitielijst_and_nested_blocks)
{
	static const char x[] = "<toestand bwb-id=\"BWBR0003245\"><wetgeving><wet-besluit><wettekst>"
		"<artikel><kop><nr>8.47</nr></kop><al>In deze titel wordt verstaan onder:</al>"
		"<definitielijst><definitie-item><term>stortplaats</term><definitie><al>een terrein;</al>"
		"</definitie></definitie-item></definitielijst>"
		"<al>Tabel:<table><row><entry>a</entry><entry>b</entry></row></table>c<lijst><li><al>d</al></li></lijst></al>"
		"</artikel></wettekst></wet-besluit></wetgeving></toestand>";
	const bg_node *al;

	ck_assert_int_eq(rd(x, "bwb_definitions_wm.xml", false), BG_OK);
	ck_assert_int_eq(count(BG_N_DEFLIST), 1);
	ck_assert_int_eq(count(BG_N_DEFITEM), 1);
	ck_assert_str_eq(nth(BG_N_TERM, 0)->text, "stortplaats");
	ck_assert_str_eq(nth(BG_N_DEFITEM, 0)->address, "BWBR0003245/artikel=8.47/li=~1");
	/* blocks nested in a block are part of its text, separated by spaces;
	 * a list inside a text block is not structure */
	ck_assert_int_eq(count(BG_N_LI), 0);
	al = nth(BG_N_AL, 2);
	ck_assert_str_eq(al->text, "Tabel: a b c d");
	ck_assert_uint_eq(al->text_len, strlen("Tabel: a b c d"));
}
END_TEST

/* UTF-16LE with BOM from an ASCII/Latin-1 range UTF-8 string */
static char *utf16(const char *s, size_t *len)
{
	size_t n = strlen(s);
	unsigned char *out = malloc(2 * n + 2), *o = out;

	*o++ = 0xFF;
	*o++ = 0xFE;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c >= 0xC0 && i + 1 < n) {
			c = ((c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
			i++;
		}
		*o++ = (unsigned char)(c & 0xFF);
		*o++ = (unsigned char)(c >> 8);
	}
	*len = (size_t)(o - out);
	return (char *)out;
}

START_TEST(utf16_document)
{
	size_t len;
	char *x = utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
		"<wetgeving bwb-id=\"BWBR0000002\" soort=\"wet\"><wet-besluit><wettekst>"
		"<artikel><kop><nr>1</nr></kop><al>Financi\xc3\xable  middelen</al></artikel>"
		"</wettekst></wet-besluit></wetgeving>", &len);

	bg_doc_free(doc);
	doc = NULL;
	ck_assert_int_eq(bg_doc_read_memory(x, len, "u16.xml", NULL, &doc, &diag), BG_OK);
	free(x);
	ck_assert_int_eq(count(BG_N_ARTIKEL), 1);
	ck_assert_str_eq(nth(BG_N_AL, 0)->text, "Financi\xc3\xable middelen"); /* UTF-8 inside */
}
END_TEST

START_TEST(errors_are_located)
{
	ck_assert_int_eq(rd("<wetgeving><al>open</wetgeving>", "bad.xml", false), BG_ERR_XML);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(diag.file, "bad.xml");
	ck_assert_uint_eq(diag.line, 1);
	ck_assert_uint_gt(diag.column, 0);
	ck_assert_int_eq(rd("<html><body/></html>", "page.xml", false), BG_ERR_NOT_BWB);
	ck_assert_str_eq(diag.message, "not a BWB document: root element <html>");
	ck_assert_int_eq(rd("<!DOCTYPE wetgeving [<!ENTITY x \"y\">]><wetgeving>&x;</wetgeving>",
			    "ent.xml", false), BG_ERR_HOSTILE);
	ck_assert_int_eq(rd("   ", "blank.xml", false), BG_ERR_XML);
	bg_doc_free(doc);
	doc = NULL;
	bg_diag_clear(&diag);
	ck_assert_int_eq(bg_doc_read_memory("", 0, "empty.xml", NULL, &doc, &diag), BG_ERR_XML);
	ck_assert_str_eq(diag.message, "empty file");
	ck_assert_int_eq(bg_doc_read_file("/nonexistent/x.xml", NULL, &doc, &diag), BG_ERR_IO);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(diag.file, "/nonexistent/x.xml");
}
END_TEST

/* The reader's white-space collapsing (16-byte blocks where it can, byte
 * by byte elsewhere) against a plain reference: the words of the text --
 * runs of anything but space, tab, newline, carriage return and U+00A0 --
 * joined by one space.  Random texts over an alphabet that puts white
 * space, U+00A0, other two-byte characters and block boundaries
 * everywhere; long ones too, which libxml2 hands over in several pieces. */
static void collapse_ref(const char *s, bg_buf *out)
{
	bool pending = false;

	bg_buf_clear(out);
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			pending = true;
		} else if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			pending = true;
			i++;
		} else {
			if (pending && out->len)
				bg_buf_addc(out, ' ');
			pending = false;
			bg_buf_addc(out, s[i]);
		}
	}
}

START_TEST(whitespace_blocks)
{
	static const char *const pieces[] = {
		"a", "b", "woord", "inkomen", "abcdefghijklmnop", " ", " ", " ", "  ", "\n",
		"\t", "\r\n", "\xC2\xA0", "\xC2\xA7", "\xC3\xAB", ",", "."
	};
	const size_t np = sizeof pieces / sizeof *pieces;
	bg_buf xml = BG_BUF_INIT, text = BG_BUF_INIT, want = BG_BUF_INIT;
	unsigned seed = 12345;

	for (int round = 0; round < 400; round++) {
		size_t len = round < 300 ? (size_t)(round % 60) : 2000 + (size_t)round * 40;

		bg_buf_clear(&text);
		while (text.len < len) {
			seed = seed * 1103515245u + 12345u;
			bg_buf_adds(&text, pieces[(seed >> 16) % np]);
		}
		bg_buf_clear(&xml);
		bg_buf_adds(&xml, "<wetgeving bwb-id=\"BWBR0000001\" soort=\"wet\"><wet-besluit>"
				  "<wettekst><artikel><kop><label>Artikel</label><nr>1</nr></kop>"
				  "<al>");
		bg_buf_add(&xml, text.s, text.len);
		bg_buf_adds(&xml, "</al></artikel></wettekst></wet-besluit></wetgeving>");
		ck_assert(bg_buf_ok(&xml));
		ck_assert_int_eq(rd(xml.s, "ws.xml", false), BG_OK);
		/* XML reads "\r\n" as "\n": the reference sees the same */
		collapse_ref(text.s, &want);
		ck_assert_msg(!strcmp(nth(BG_N_AL, 0)->text, want.s), "round %d: got \"%s\" want \"%s\"",
			      round, nth(BG_N_AL, 0)->text, want.s);
	}
	bg_buf_release(&xml);
	bg_buf_release(&text);
	bg_buf_release(&want);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("dialects");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, wetgeving_2012);
	tcase_add_test(tc, short_title_from_intitule);
	tcase_add_test(tc, references_both_forms);
	tcase_add_test(tc, toestand_meta_data_skipped);
	tcase_add_test(tc, date_from_file_name);
	tcase_add_test(tc, officiele_publicatie);
	tcase_add_test(tc, definitielijst_and_nested_blocks);
	tcase_add_test(tc, utf16_document);
	tcase_add_test(tc, errors_are_located);
	tcase_add_test(tc, whitespace_blocks);
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
