/*
 * check_defs.c -- definition extraction, one test per form of the corpus:
 * definitielijst items, "verstaan onder:" lists, list items completed by
 * their intro, inline "Onder X wordt verstaan", "Als X wordt aangemerkt",
 * "Met X wordt gelijkgesteld", "X is degene die", "Van X is sprake
 * indien", exclusions, "dezelfde betekenis als"; scopes; sentences that
 * only look like definitions; references (marked up and textual, with the
 * title table and abbreviations), modified references, chains (ok,
 * dangling, cycle), inheritance through a framework declaration; and the
 * ownership rule (records outlive their document).
 * Run from the repository root (the committed lexicon is used).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "defs.h"
#include "defs_int.h"

static bg_lexicon *lex;
static bg_norm *nm;
static bg_defset *set;
static bg_diag diag;

static void setup(void)
{
	ck_assert_int_eq(bg_lexicon_load("lexicon/concepts.txt", &lex, &diag), BG_OK);
	nm = bg_norm_new();
	ck_assert_ptr_nonnull(nm);
}

static void teardown(void)
{
	bg_defset_free(set);
	set = NULL;
	bg_lexicon_free(lex);
	lex = NULL;
	bg_norm_free(nm);
	nm = NULL;
	bg_diag_clear(&diag);
}

#define HEAD2012(id) \
	"<?xml version=\"1.0\"?>\n<wetgeving bwb-id=\"" id "\" soort=\"wet\">" \
	"<intitule>Wet test</intitule><citeertitel>Wet test " id "</citeertitel>" \
	"<wet-besluit><wettekst>\n"
#define TAIL2012 "</wettekst></wet-besluit></wetgeving>\n"
#define ART(nr, body) "<artikel><kop><label>Artikel</label><nr>" nr "</nr></kop>" body "</artikel>\n"
#define LID(nr, body) "<lid><lidnr>" nr "</lidnr>" body "</lid>"
#define AL(t) "<al>" t "</al>"
#define LI(nr, body) "<li><li.nr>" nr "</li.nr>" body "</li>"

/* Extracts one in-memory document (no cross-document resolution). */
static void extract(const char *xml)
{
	bg_doc *doc = NULL;

	bg_defset_free(set);
	set = NULL;
	bg_diag_clear(&diag);
	ck_assert_int_eq(bg_doc_read_memory(xml, strlen(xml), "test.xml", NULL, &doc, &diag), BG_OK);
	ck_assert_int_eq(bg_defs_extract_doc(doc, lex, nm, &set), BG_OK);
	/* records own their strings: the document goes first */
	bg_doc_free(doc);
}

/* Collects several documents through files (with resolution). */
static void collect(const char *const *xml, size_t n)
{
	char dir[] = "/tmp/check_defs.XXXXXX";
	char path[64];
	char *paths[8];
	bg_filelist fl = {0};
	bg_batch b;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_uint_le(n, 8);
	for (size_t i = 0; i < n; i++) {
		FILE *f;
		snprintf(path, sizeof path, "%s/d%zu.xml", dir, i);
		f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs(xml[i], f);
		fclose(f);
	}
	paths[0] = dir;
	ck_assert_uint_eq(bg_filelist_expand(&fl, paths, 1), 0);
	ck_assert_uint_eq(fl.count, n);
	bg_defset_free(set);
	set = NULL;
	ck_assert_int_eq(bg_defs_collect(&fl, 2, lex, &set, &b), BG_OK);
	ck_assert_uint_eq(b.failed, 0);
	bg_batch_release(&b);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/d%zu.xml", dir, i);
		unlink(path);
	}
	rmdir(dir);
	bg_filelist_release(&fl);
}

/* The record with this term (case-insensitive) at article/lid/item; NULL
 * arguments match anything. */
static const bg_def *find(const char *bwb, const char *art, const char *lid, const char *item,
			  const char *term)
{
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		const bg_def *d = bg_defset_get(set, i);
		if ((!bwb || !strcmp(d->bwb_id, bwb)) && (!art || !strcmp(d->article, art)) &&
		    (!lid || !strcmp(d->lid, lid)) && (!item || !strcmp(d->item, item)) &&
		    !strcasecmp(d->term, term))
			return d;
	}
	return NULL;
}

static const bg_def *must(const char *bwb, const char *art, const char *lid, const char *item,
			  const char *term)
{
	const bg_def *d = find(bwb, art, lid, item, term);
	ck_assert_msg(d != NULL, "no record for '%s' at art. %s lid %s item %s", term,
		      art ? art : "*", lid ? lid : "*", item ? item : "*");
	return d;
}

START_TEST(definition_list_items)
{
	const bg_def *d;

	extract(HEAD2012("BWBR0099001")
		ART("1", LID("1.", AL("In deze wet en de daarop berustende bepalingen wordt verstaan onder:")
			"<lijst>" LI("a.", AL("<nadruk>partner</nadruk>: de echtgenoot;"))
			LI("b.", AL("‘toetsingsinkomen’: het verzamelinkomen;"))
			LI("c.", AL("inkomen:") "<lijst>" LI("1°.", AL("het loon;")) LI("2°.", AL("de winst."))
			   "</lijst>")
			LI("d.", AL("de gemeente die het aangaat"))
			"</lijst>"))
		TAIL2012);
	ck_assert_uint_eq(bg_defset_count(set), 3);
	d = must(NULL, "1", "1", "a", "partner");
	ck_assert_int_eq(d->kind, BG_DEF_OWN);
	ck_assert_str_eq(d->concept, "partner");
	ck_assert_str_eq(d->text, "de echtgenoot;");
	ck_assert_str_eq(d->scope_kind, "regulation");
	ck_assert_str_eq(d->scope_text, "In deze wet en de daarop berustende bepalingen");
	ck_assert_str_eq(d->scope_address, "BWBR0099001");
	ck_assert_str_eq(d->address, "BWBR0099001/artikel=1/lid=1/li=a");
	ck_assert_str_eq(d->bwb_id, "BWBR0099001");
	ck_assert_str_eq(d->file, "test.xml");
	ck_assert_ptr_nonnull(strstr(d->link, "jci1.3:c:BWBR0099001&artikel=1&lid=1"));
	d = must(NULL, "1", "1", "b", "toetsingsinkomen");
	ck_assert_str_eq(d->concept, "inkomen");
	ck_assert_str_eq(d->term_key, "toetsingsinkom");
	/* nested sub-items belong to their item */
	d = must(NULL, "1", "1", "c", "inkomen");
	ck_assert_str_eq(d->text, "het loon; de winst.");
	ck_assert_ptr_null(find(NULL, "1", "1", "c.1", "het loon"));
}
END_TEST

START_TEST(list_without_list_markup)
{
	extract(HEAD2012("BWBR0099009")
		ART("1", AL("In deze regeling wordt verstaan onder:")
			AL("Onze Minister: de Minister van Financiën;")
			AL("partner: de echtgenoot.")
			AL("Deze regeling geldt tot 2030."))
		ART("2", AL("In dit besluit wordt verstaan onder:")
			LID("1", AL("AIVD: de Algemene Inlichtingen- en Veiligheidsdienst;"))
			LID("2", AL("klager: degene die een klacht indient.")))
		TAIL2012);
	ck_assert_uint_eq(bg_defset_count(set), 4);
	ck_assert_str_eq(must(NULL, "1", "", "", "partner")->text, "de echtgenoot.");
	ck_assert_str_eq(must(NULL, "1", "", "", "Onze Minister")->scope_text, "In deze regeling");
	ck_assert_str_eq(must(NULL, "2", "2", "", "klager")->scope_text, "In dit besluit");
	ck_assert_ptr_nonnull(must(NULL, "2", "1", "", "AIVD"));
}
END_TEST

START_TEST(table_rows_flattened)
{
	extract(HEAD2012("BWBR0099010")
		ART("1", AL("In deze verordening wordt verstaan onder:")
			AL("a.") AL("productschap") AL(": het Productschap Vis;")
			AL("b.") AL("bestuur") AL(":") AL("het bestuur van het productschap;")
			AL("Dit artikel treedt in werking op 1 januari."))
		TAIL2012);
	ck_assert_uint_eq(bg_defset_count(set), 2);
	ck_assert_str_eq(must(NULL, "1", "", "a", "productschap")->text, "het Productschap Vis;");
	ck_assert_str_eq(must(NULL, "1", "", "b", "bestuur")->text, "het bestuur van het productschap;");
}
END_TEST

START_TEST(definitielijst_items)
{
	const bg_def *d;

	extract("<?xml version=\"1.0\"?><toestand bwb-id=\"BWBR0099003\" inwerkingtreding=\"2020-07-01\">"
		"<wetgeving soort=\"AMvB\"><intitule>Besluit definities</intitule><wet-besluit><wettekst>"
		"<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>In dit besluit wordt verstaan onder:</al>"
		"<definitielijst><definitie-item><li.nr>a.</li.nr><term>afval</term><definitie><al>stoffen;</al>"
		"</definitie></definitie-item><definitie-item><li.nr>b.</li.nr><term>woning</term><definitie>"
		"<al>een huis.</al></definitie></definitie-item></definitielijst></artikel>"
		"</wettekst></wet-besluit></wetgeving></toestand>");
	ck_assert_uint_eq(bg_defset_count(set), 2);
	d = must(NULL, "1", "", "a", "afval");
	ck_assert_str_eq(d->text, "stoffen;");
	ck_assert_str_eq(d->scope_text, "In dit besluit");
	ck_assert_str_eq(d->date, "2020-07-01");
	d = must(NULL, "1", "", "b", "woning");
	ck_assert_str_eq(d->concept, "woning");
}
END_TEST

START_TEST(inline_forms)
{
	extract(HEAD2012("BWBR0099002")
		ART("1", LID("1", AL("Onder inkomen wordt verstaan: het loon."))
			LID("2", AL("Als partner wordt mede aangemerkt de ongehuwde die samenwoont."))
			LID("3", AL("Met een kind wordt gelijkgesteld een pleegkind."))
			LID("4", AL("Partner van de belanghebbende is degene met wie hij samenwoont."))
			LID("5", AL("Van een gezamenlijke huishouding is sprake indien twee personen samenwonen."))
			LID("6", AL("In deze wet wordt onder woning mede verstaan een woonwagen."))
			LID("7", AL("Onder vermogen wordt verstaen: de bezittingen.")))
		TAIL2012);
	ck_assert_int_eq(must(NULL, "1", "1", "", "inkomen")->kind, BG_DEF_OWN);
	ck_assert_int_eq(must(NULL, "1", "2", "", "partner")->kind, BG_DEF_OWN);
	ck_assert_str_eq(must(NULL, "1", "3", "", "kind")->concept, "kind");
	/* the complement names whose partner: the lexicon variant is the term */
	ck_assert_str_eq(must(NULL, "1", "4", "", "Partner")->concept, "partner");
	ck_assert_ptr_null(find(NULL, "1", "4", "", "Partner van de belanghebbende"));
	/* the shared household the partner tests ask about is a household */
	ck_assert_str_eq(must(NULL, "1", "5", "", "gezamenlijke huishouding")->concept, "huishouden");
	ck_assert_str_eq(must(NULL, "1", "6", "", "woning")->scope_text, "In deze wet");
	/* older spelling, through TRE's approximate matching */
	ck_assert_str_eq(must(NULL, "1", "7", "", "vermogen")->concept, "vermogen");
	ck_assert_uint_eq(bg_defset_count(set), 7);
}
END_TEST

START_TEST(negative_forms)
{
	extract(HEAD2012("BWBR0099004")
		ART("3", LID("1", AL("Niet als partner wordt aangemerkt een bloedverwant."))
			LID("2", AL("Onder medebewoner wordt niet verstaan de huurder."))
			LID("3", AL("In afwijking van het eerste lid wordt niet als partner aangemerkt:")
			"<lijst>" LI("a.", AL("een kind;")) LI("b.", AL("een ouder.")) "</lijst>")
			LID("4", AL("Als invoer wordt niet aangemerkt het brengen van goederen.")))
		TAIL2012);
	ck_assert_int_eq(must(NULL, "3", "1", "", "partner")->kind, BG_DEF_NEGATIVE);
	ck_assert_int_eq(must(NULL, "3", "2", "", "medebewoner")->kind, BG_DEF_NEGATIVE);
	ck_assert_int_eq(must(NULL, "3", "3", "", "partner")->kind, BG_DEF_NEGATIVE);
	ck_assert_int_eq(must(NULL, "3", "4", "", "invoer")->kind, BG_DEF_NEGATIVE);
	/* the excluded persons are the body of lid 3, not definitions */
	ck_assert_ptr_null(find(NULL, "3", "3", "a", "een kind"));
	ck_assert_ptr_nonnull(strstr(must(NULL, "3", "3", "", "partner")->text, "een ouder"));
	ck_assert_uint_eq(bg_defset_count(set), 4);
}
END_TEST

START_TEST(intro_completed_by_items)
{
	extract(HEAD2012("BWBR0099005")
		ART("3", LID("2", AL("In deze wet en de daarop berustende bepalingen wordt:")
			"<lijst>" LI("a.", AL("als gehuwd of als echtgenoot mede aangemerkt de ongehuwde die samenwoont;"))
			LI("b.", AL("als ongehuwd mede aangemerkt degene die gescheiden leeft;"))
			LI("c.", AL("als partner dan wel als medebelanghebbende aangemerkt de samenwonende.")) "</lijst>"))
		TAIL2012);
	/* "als gehuwd of als echtgenoot": the listed term stays whole, with
	 * the concept of its first alternative */
	ck_assert_str_eq(must(NULL, "3", "2", "a", "gehuwd of als echtgenoot")->concept, "partner");
	ck_assert_ptr_null(find(NULL, "3", "2", "a", "gehuwd"));
	ck_assert_str_eq(must(NULL, "3", "2", "c", "partner dan wel als medebelanghebbende")->concept,
			 "partner");
	ck_assert_str_eq(must(NULL, "3", "2", "b", "ongehuwd")->scope_text,
			 "In deze wet en de daarop berustende bepalingen");
}
END_TEST

START_TEST(scopes)
{
	extract(HEAD2012("BWBR0099006")
		"<hoofdstuk><kop><label>Hoofdstuk</label><nr>2</nr></kop>"
		ART("4", LID("1", AL("In dit hoofdstuk wordt verstaan onder kind: een minderjarige."))
			LID("2", AL("In dit artikel wordt onder ouder verstaan: de vader of moeder."))
			LID("3", AL("In dit lid wordt onder woning verstaan: een huis."))
			LID("4", AL("Onder inkomen wordt verstaan: het loon."))
			LID("5", AL("Voor de toepassing van het eerste lid wordt een gescheiden persoon aangemerkt als ongehuwd.")))
		"</hoofdstuk>"
		ART("5", AL("Onder vermogen wordt verstaan: de bezittingen."))
		TAIL2012);
	ck_assert_str_eq(must(NULL, "4", "1", "", "kind")->scope_kind, "container");
	ck_assert_str_eq(must(NULL, "4", "1", "", "kind")->scope_address, "BWBR0099006/hoofdstuk=2");
	ck_assert_str_eq(must(NULL, "4", "2", "", "ouder")->scope_kind, "article");
	ck_assert_str_eq(must(NULL, "4", "2", "", "ouder")->scope_address, "BWBR0099006/artikel=4");
	ck_assert_str_eq(must(NULL, "4", "3", "", "woning")->scope_kind, "lid");
	ck_assert_str_eq(must(NULL, "4", "3", "", "woning")->scope_address, "BWBR0099006/artikel=4/lid=3");
	/* no phrase: the scope stated earlier in the same article, but not a
	 * lid's own ("In dit lid" is lid 3's alone) */
	ck_assert_str_eq(must(NULL, "4", "4", "", "inkomen")->scope_kind, "article");
	/* another lid named by its ordinal: that lid */
	ck_assert_str_eq(must(NULL, "4", "5", "", "ongehuwd")->scope_kind, "lid");
	ck_assert_str_eq(must(NULL, "4", "5", "", "ongehuwd")->scope_address, "BWBR0099006/artikel=4/lid=1");
	/* no phrase anywhere in the article: the whole regulation */
	ck_assert_str_eq(must(NULL, "5", "", "", "vermogen")->scope_kind, "regulation");
	ck_assert_str_eq(must(NULL, "5", "", "", "vermogen")->scope_text, "");
}
END_TEST

START_TEST(look_alikes_are_not_definitions)
{
	extract(HEAD2012("BWBR0099007")
		ART("1", AL("Onze Minister is bevoegd een toeslag toe te kennen."))
		ART("2", AL("In artikel 5 wordt \"onder partner wordt verstaan\" vervangen door \"als partner wordt aangemerkt\"."))
		ART("3", AL("Het college is verplicht de gegevens te verstrekken."))
		ART("4", AL("Met ingang van 1 januari 2010 wordt als Rijkshavenmeester bedoeld de heer X."))
		ART("5", AL("De partner is bevoegd bezwaar te maken."))
		TAIL2012);
	ck_assert_uint_eq(bg_defset_count(set), 0);
}
END_TEST

START_TEST(references_and_modifications)
{
	const bg_def *d;

	extract(HEAD2012("BWBR0099008")
		ART("1", AL("In deze wet wordt verstaan onder:") "<lijst>"
			LI("a.", AL("partner: partner als bedoeld in <extref doc=\"1.0:v:BWBR0018472&amp;artikel=3&amp;lid=1\">artikel 3, eerste lid, van de Algemene wet inkomensafhankelijke regelingen</extref>;"))
			LI("b.", AL("kind: een kind als bedoeld in artikel 4 van de Awir, met dien verstande dat het kind jonger is dan 18 jaar;"))
			LI("c.", AL("woning: de woning, bedoeld in artikel 2;"))
			LI("d.", AL("uitkering: een periodieke betaling van geld aan een persoon die werkloos is geworden, bedoeld in artikel 9;"))
			"</lijst>")
		ART("2", AL("Als woning wordt aangemerkt een huis."))
		TAIL2012);
	d = must(NULL, "1", "", "a", "partner");
	ck_assert_int_eq(d->kind, BG_DEF_REFERENCE);
	ck_assert(d->ref_marked_up);
	ck_assert_str_eq(d->target_bwb_id, "BWBR0018472");
	ck_assert_str_eq(d->target_article, "3");
	ck_assert_str_eq(d->target_lid, "1");
	d = must(NULL, "1", "", "b", "kind");
	ck_assert_int_eq(d->kind, BG_DEF_MODIFIED_REFERENCE);
	ck_assert_str_eq(d->modification, "met dien verstande dat het kind jonger is dan 18 jaar;");
	ck_assert_int_eq(must(NULL, "1", "", "c", "woning")->kind, BG_DEF_REFERENCE);
	/* a long own description that merely mentions a provision */
	ck_assert_int_eq(must(NULL, "1", "", "d", "uitkering")->kind, BG_DEF_OWN);
}
END_TEST

/* Where the pointer sits decides the kind: before the term, inside the
 * head, in one of several alternatives, or after words that restrict. */
START_TEST(pointers_in_context)
{
	const bg_def *d;

	extract(HEAD2012("BWBR0099012")
		ART("1", AL("In deze wet wordt verstaan onder:") "<lijst>"
			LI("a.", AL("straf: een bij onherroepelijk geworden vonnis opgelegde straf als bedoeld in het Wetboek van Strafrecht;"))
			LI("b.", AL("bijdrage: de financiële bijdrage, bedoeld in artikel 2;"))
			LI("c.", AL("minimumloon: voor de persoon, bedoeld in artikel 2, het minimumloon per maand, gedeeld door 21,75;"))
			LI("d.", AL("houder: degene aan wie een onderneming als bedoeld in de Handelsregisterwet 2007 toebehoort;"))
			LI("e.", AL("werkgever: het orgaan van een publiekrechtelijk lichaam als bedoeld in artikel 2 van de Wet X;"))
			LI("f.", AL("werknemer: de werknemer in de zin van artikel 2 van de Wet X; de militair die in dienst is;"))
			LI("g.", AL("fonds: pensioenfonds als bedoeld in artikel 1 van de Pensioenwet; beroepspensioenfonds als bedoeld in artikel 1 van de Wet Y;"))
			LI("h.", AL("arbodienst: een voor de militair aangewezen arbodienst als bedoeld in de Arbeidsomstandighedenwet;"))
			LI("i.", AL("verzekeraar: een financiële onderneming die ingevolge de Wet op het financieel toezicht het bedrijf van verzekeraar mag uitoefenen;"))
			LI("j.", AL("verzekerde: degene die ingevolge de Zorgverzekeringswet verzekerd is;"))
			LI("k.", AL("gevaarlijke stoffen: stoffen die ingevolge artikel 2, eerste lid, zijn aangewezen;"))
			"</lijst>")
		ART("2", LID("1", AL("In aanvulling op <extref doc=\"1.0:v:BWBR0002320&amp;artikel=5a\">artikel 5a van de Algemene wet inzake rijksbelastingen</extref> wordt in deze wet onder partner mede verstaan degene die op hetzelfde woonadres staat ingeschreven."))
			LID("2", AL("In aanvulling op het eerste lid wordt onder partner mede verstaan de ouder van een kind van de belanghebbende."))
			LID("3", AL("In afwijking van <extref doc=\"1.0:v:BWBR0018472&amp;artikel=3\">artikel 3 van de Algemene wet inkomensafhankelijke regelingen</extref> wordt in deze wet de echtgenoot uitsluitend als partner aangemerkt indien hij op hetzelfde adres woont.")))
		TAIL2012);
	/* "bij onherroepelijk geworden vonnis opgelegde" restricts "straf" */
	d = must(NULL, "1", "", "a", "straf");
	ck_assert_int_eq(d->kind, BG_DEF_MODIFIED_REFERENCE);
	ck_assert_str_eq(d->modification, "een bij onherroepelijk geworden vonnis opgelegde");
	/* one adjective names what artikel 2 is about */
	ck_assert_int_eq(must(NULL, "1", "", "b", "bijdrage")->kind, BG_DEF_REFERENCE);
	/* the pointer names a case; a relative clause ("aan wie"); the
	 * pointer qualifies the noun phrase inside the head; an alternative
	 * in own words */
	ck_assert_int_eq(must(NULL, "1", "", "c", "minimumloon")->kind, BG_DEF_OWN);
	ck_assert_int_eq(must(NULL, "1", "", "d", "houder")->kind, BG_DEF_OWN);
	ck_assert_int_eq(must(NULL, "1", "", "e", "werkgever")->kind, BG_DEF_OWN);
	ck_assert_int_eq(must(NULL, "1", "", "f", "werknemer")->kind, BG_DEF_OWN);
	/* alternatives that all point stay a reference (the first pointer) */
	ck_assert_int_eq(must(NULL, "1", "", "g", "fonds")->kind, BG_DEF_REFERENCE);
	/* "voor" after the article opens a restriction, not a case */
	ck_assert_int_eq(must(NULL, "1", "", "h", "arbodienst")->kind, BG_DEF_MODIFIED_REFERENCE);
	/* a noun whose relative clause says what it is under a whole
	 * regulation is described; a pronoun head, or a clause citing an
	 * article, points */
	ck_assert_int_eq(must(NULL, "1", "", "i", "verzekeraar")->kind, BG_DEF_OWN);
	ck_assert_int_eq(must(NULL, "1", "", "j", "verzekerde")->kind, BG_DEF_REFERENCE);
	ck_assert_int_eq(must(NULL, "1", "", "k", "gevaarlijke stoffen")->kind, BG_DEF_REFERENCE);
	/* an addition to another regulation's definition */
	d = must(NULL, "2", "1", "", "partner");
	ck_assert_int_eq(d->kind, BG_DEF_MODIFIED_REFERENCE);
	ck_assert_str_eq(d->target_bwb_id, "BWBR0002320");
	ck_assert_str_eq(d->target_article, "5a");
	/* an addition to the law's own lid is the law's own */
	ck_assert_int_eq(must(NULL, "2", "2", "", "partner")->kind, BG_DEF_OWN);
	/* "uitsluitend als partner aangemerkt", departing from the Awir */
	d = must(NULL, "2", "3", "", "partner");
	ck_assert_int_eq(d->kind, BG_DEF_MODIFIED_REFERENCE);
	ck_assert_str_eq(d->target_bwb_id, "BWBR0018472");
	ck_assert_str_eq(d->target_article, "3");
}
END_TEST

/* Terms that a pointer or a participle phrase opens, and a paragraph that
 * introduces a list and holds its one definition itself. */
START_TEST(terms_opened_by_pointers_and_participles)
{
	extract(HEAD2012("BWBR0099013")
		ART("1", LID("1", AL("Onder het in het zevende lid bedoelde minimumloon wordt verstaan het minimumloon per maand, bedoeld in artikel 8 van de Wet minimumloon en minimumvakantiebijslag."))
			LID("2", AL("Onder de in het eerste lid bedoelde arbeidsuren per kalenderweek wordt verstaan het aantal uren waarin de werknemer arbeid heeft verricht."))
			LID("3", AL("Voor de toepassing van dit artikel wordt onder een met de belastingplichtige verbonden persoon verstaan: de partner van de belastingplichtige."))
			LID("4", AL("Met in het eigen bedrijf vervaardigde goederen worden gelijkgesteld goederen welke in opdracht zijn vervaardigd."))
			LID("5", AL("In dit besluit wordt verstaan onder: opsporingsambtenaar: de ambtenaar, bedoeld in artikel 2."))
			LID("6", AL("In dit besluit wordt verstaan onder toezichthouder, de door het college aangewezen ambtenaar."))
			LID("7", AL("Onder tot leden wordt verstaan de leden van de raad."))
			LID("8", AL("Voor de toepassing van deze wet wordt met inkomen uit werk gelijkgesteld een daarmee overeenkomend inkomen."))
			LID("9", AL("Onder werkloze werknemer in deze wet wordt mede verstaan: de persoon die een uitkering ontvangt."))
			LID("10", AL("Onder de uitdrukking „royalty\xe2\x80\x99s\xe2\x80\x9d, zoals gebezigd in dit artikel, worden verstaan vergoedingen voor het gebruik van een auteursrecht."))
			LID("11", AL("In deze wet wordt verstaan onder werkloze werknemer de persoon die werkloos is.")))
		TAIL2012);
	/* the pointer before the noun is no part of the term */
	ck_assert_int_eq(must(NULL, "1", "1", "", "minimumloon")->kind, BG_DEF_REFERENCE);
	ck_assert_int_eq(must(NULL, "1", "2", "", "arbeidsuren per kalenderweek")->kind, BG_DEF_OWN);
	/* a participle phrase may open with a preposition ... */
	must(NULL, "1", "3", "", "met de belastingplichtige verbonden persoon");
	/* ... and keeps it when it names no provision */
	must(NULL, "1", "4", "", "in het eigen bedrijf vervaardigde goederen");
	/* the list intro without a list defines its one term */
	ck_assert_int_eq(must(NULL, "1", "5", "", "opsporingsambtenaar")->kind, BG_DEF_REFERENCE);
	must(NULL, "1", "6", "", "toezichthouder");
	/* a preposition before a plain noun is no term */
	ck_assert_ptr_null(find(NULL, "1", "7", "", "tot leden"));
	/* "wordt met X gelijkgesteld Y" */
	must(NULL, "1", "8", "", "inkomen uit werk");
	/* the scope phrase is no part of the term */
	ck_assert_str_eq(must(NULL, "1", "9", "", "werkloze werknemer")->scope_text, "in deze wet");
	/* a quote inside the name is not its closing quote */
	must(NULL, "1", "10", "", "royalty\xe2\x80\x99s");
	/* no colon, no comma: the body names a person */
	must(NULL, "1", "11", "", "werkloze werknemer");
	ck_assert_uint_eq(bg_defset_count(set), 10);
}
END_TEST

/* Forms of the AWR and the Awir: an item that opens with "van", an
 * extension after a long clause, a deeming with the term at the end. */
START_TEST(spoken_of_and_extended_terms)
{
	extract(HEAD2012("BWBR0099014")
		ART("2", LID("2", AL("Waar in de belastingwet wordt gesproken:")
			"<lijst>" LI("a.", AL("van regeling ter voorkoming van dubbele belasting, wordt daaronder mede begrepen een verdrag met een bestuurlijke eenheid."))
			"</lijst>"))
		ART("3", LID("3", AL("Degene die ingevolge het eerste lid voor een deel van het jaar als partner wordt aangemerkt, wordt vanaf de dag waarop het partnerschap is ontstaan, ook als partner aangemerkt in de daaropvolgende perioden.")))
		TAIL2012);
	must(NULL, "2", "2", "a", "regeling ter voorkoming van dubbele belasting");
	ck_assert_ptr_null(find(NULL, "2", "2", "a", "dubbele belasting"));
	ck_assert_str_eq(must(NULL, "3", "3", "", "partner")->concept, "partner");
}
END_TEST

START_TEST(resolution_chains_and_titles)
{
	static const char *const docs[] = {
		HEAD2012("BWBR0099011")
		ART("1", AL("In deze wet wordt verstaan onder:") "<lijst>"
			LI("a.", AL("zaak: zaak als bedoeld in artikel 1 van de Wet test BWBR0099012;"))
			LI("b.", AL("inkomen: het inkomen, bedoeld in artikel 2 van de Wet test BWBR0099012;"))
			LI("c.", AL("dag: dag als bedoeld in artikel 9;"))
			LI("d.", AL("woning: de woning als bedoeld in artikel 3 van deze wet;"))
			LI("e.", AL("toetsingsinkomen: het toetsingsinkomen, bedoeld in artikel 8 van de Awir;"))
			"</lijst>")
		ART("3", AL("Als woning wordt aangemerkt een huis."))
		TAIL2012,
		HEAD2012("BWBR0099012")
		ART("1", AL("In deze wet wordt verstaan onder zaak: zaak als bedoeld in artikel 1 van de Wet test BWBR0099011."))
		ART("2", AL("Onder inkomen wordt verstaan: het loon."))
		TAIL2012,
	};
	const bg_def *d;

	collect(docs, 2);
	d = must("BWBR0099011", "1", "", "a", "zaak");
	ck_assert_str_eq(d->target_bwb_id, "BWBR0099012");
	ck_assert_str_eq(d->chain_status, "cycle");
	ck_assert_ptr_null(d->root);
	d = must("BWBR0099011", "1", "", "b", "inkomen");
	ck_assert_str_eq(d->target_article, "2");
	ck_assert_str_eq(d->chain_status, "ok");
	ck_assert_ptr_nonnull(d->root);
	ck_assert_str_eq(d->root->bwb_id, "BWBR0099012");
	ck_assert_int_eq(d->root->kind, BG_DEF_OWN);
	d = must("BWBR0099011", "1", "", "c", "dag");
	ck_assert_str_eq(d->target_bwb_id, "BWBR0099011");
	ck_assert_str_eq(d->chain_status, "dangling");
	d = must("BWBR0099011", "1", "", "d", "woning");
	ck_assert_str_eq(d->target_bwb_id, "BWBR0099011");
	ck_assert_str_eq(d->target_article, "3");
	ck_assert_str_eq(d->root->article, "3");
	/* an abbreviation of the lexicon; the Awir itself is not in the set */
	d = must("BWBR0099011", "1", "", "e", "toetsingsinkomen");
	ck_assert_str_eq(d->target_bwb_id, "BWBR0018472");
	ck_assert_str_eq(d->target_article, "8");
	ck_assert_str_eq(d->chain_status, "dangling");
	/* the title table */
	ck_assert_str_eq(bg_defset_lookup_title(set, "de Wet test BWBR0099012", 23), "BWBR0099012");
	ck_assert_str_eq(bg_defset_lookup_title(set, "Awir", 4), "BWBR0018472");
	ck_assert_ptr_null(bg_defset_lookup_title(set, "Wet onbekend", 12));
	ck_assert_str_eq(bg_defset_title(set, "BWBR0099012"), "Wet test BWBR0099012");
	ck_assert_uint_eq(bg_defset_law_count(set), 2);
}
END_TEST

START_TEST(inheritance_through_a_framework)
{
	static const char *const docs[] = {
		"<?xml version=\"1.0\"?><wetgeving bwb-id=\"BWBR0018472\" soort=\"wet\"><intitule>Awir</intitule>"
		"<citeertitel>Algemene wet inkomensafhankelijke regelingen</citeertitel><wet-besluit><wettekst>"
		ART("3", LID("1", AL("Partner van de belanghebbende is zijn echtgenoot.")))
		ART("8", LID("1", AL("Toetsingsinkomen is: het verzamelinkomen.")))
		TAIL2012,
		HEAD2012("BWBR0099021")
		ART("2", LID("1", AL("Op deze wet is de Algemene wet inkomensafhankelijke regelingen van toepassing."))
			LID("2", AL("De toeslag hangt af van het toetsingsinkomen van de belanghebbende en zijn partner.")))
		TAIL2012,
		/* uses the concepts, declares nothing */
		HEAD2012("BWBR0099022")
		ART("1", AL("De partner en het toetsingsinkomen doen er niet toe."))
		TAIL2012,
		/* declares, but defines partner itself */
		HEAD2012("BWBR0099023")
		ART("1", AL("Op deze wet is de Algemene wet inkomensafhankelijke regelingen van toepassing."))
		ART("2", AL("Onder partner wordt verstaan: de echtgenoot."))
		ART("3", AL("Het toetsingsinkomen telt mee."))
		TAIL2012,
	};
	const bg_def *d;
	const bg_deflaw *l = NULL;

	collect(docs, 4);
	d = must("BWBR0099021", "2", "1", "", "Partner");
	ck_assert_int_eq(d->kind, BG_DEF_INHERITED);
	ck_assert_str_eq(d->target_bwb_id, "BWBR0018472");
	ck_assert_str_eq(d->target_article, "3");
	ck_assert_str_eq(d->chain_status, "ok");
	d = must("BWBR0099021", "2", "1", "", "Toetsingsinkomen");
	ck_assert_str_eq(d->target_article, "8");
	ck_assert_str_eq(d->concept, "inkomen");
	ck_assert_ptr_null(find("BWBR0099022", NULL, NULL, NULL, "Partner"));
	d = find("BWBR0099023", NULL, NULL, NULL, "Partner");
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(d->kind, BG_DEF_OWN);
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		d = bg_defset_get(set, i);
		ck_assert(strcmp(d->bwb_id, "BWBR0099023") || d->kind != BG_DEF_INHERITED ||
			  strcmp(d->concept, "partner"));
	}
	ck_assert_ptr_nonnull(find("BWBR0099023", NULL, NULL, NULL, "Toetsingsinkomen"));
	for (size_t i = 0; i < bg_defset_law_count(set); i++)
		if (!strcmp(bg_defset_law(set, i)->bwb_id, "BWBR0099022"))
			l = bg_defset_law(set, i);
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(l->n_frameworks, 0);
	ck_assert_uint_ge(l->n_uses, 2);
}
END_TEST

/* The same paragraphs in several laws (versions, boilerplate): the second
 * and later laws take the patterns' answers from the cache of the
 * collect, and must get exactly the definitions the first got -- the same
 * terms, kinds, places and bodies -- and what a fresh extraction of the
 * text alone gets; a law that differs in one word gets its own answer. */
#define SAME_BODY(id, word) HEAD2012(id) \
	ART("1", AL("In deze wet wordt verstaan onder:") \
		"<lijst>" LI("a.", AL("inkomen: het loon;")) LI("b.", AL("vermogen: de bezittingen.")) "</lijst>") \
	ART("2", LID("1", AL("Onder " word " wordt verstaan: de woonwagen.")) \
		LID("2", AL("Als partner wordt mede aangemerkt de ongehuwde die samenwoont.")) \
		LID("3", AL("Niet als partner wordt aangemerkt een bloedverwant.")) \
		LID("4", AL("Partner van de belanghebbende is degene met wie hij samenwoont."))) \
	TAIL2012

START_TEST(repeated_texts_same_definitions)
{
	static const char *const docs[] = {
		SAME_BODY("BWBR0099101", "woning"), SAME_BODY("BWBR0099102", "woning"),
		SAME_BODY("BWBR0099103", "woning"), SAME_BODY("BWBR0099104", "kamer"),
	};
	bg_defset *alone;
	size_t per[4] = { 0 }, nalone;

	extract(docs[0]);
	alone = set;
	set = NULL;
	nalone = bg_defset_count(alone);
	ck_assert_uint_eq(nalone, 6);
	collect(docs, 4);
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		const bg_def *d = bg_defset_get(set, i);
		size_t k = (size_t)(d->bwb_id[10] - '1'), nth = per[k]++;
		const bg_def *a;

		ck_assert_uint_lt(k, 4);
		ck_assert_uint_lt(nth, nalone);
		a = bg_defset_get(alone, nth);
		ck_assert_str_eq(d->term, k == 3 && nth == 2 ? "kamer" : a->term);
		ck_assert_int_eq(d->kind, a->kind);
		ck_assert_str_eq(d->article, a->article);
		ck_assert_str_eq(d->lid, a->lid);
		ck_assert_str_eq(d->item, a->item);
		if (!(k == 3 && nth == 2))
			ck_assert_str_eq(d->text, a->text);
	}
	for (size_t k = 0; k < 4; k++)
		ck_assert_uint_eq(per[k], nalone);
	bg_defset_free(alone);
}
END_TEST

/* The uses: paragraphs where no word can have a lexicon variant's first
 * stem are marked in al_may_use and hold no use; the others are counted
 * ("partners" and "Partner" are uses of partner, "het college" none). */
START_TEST(uses_and_paragraphs_that_may_hold_them)
{
	const bg_deflaw *law;
	size_t partner = SIZE_MAX;

	extract(HEAD2012("BWBR0099201")
		ART("1", LID("1.", AL("Het college beslist binnen acht weken."))
			 LID("2.", AL("De partners van de aanvrager tekenen mee.")))
		ART("2", AL("Een besluit wordt bekendgemaakt.") AL("Partner: zie artikel 1."))
		TAIL2012);
	ck_assert_uint_eq(bg_defset_law_count(set), 1);
	law = bg_defset_law(set, 0);
	ck_assert_ptr_nonnull(law->al_may_use);
	ck_assert_uint_eq(law->n_al, 4);
	ck_assert_uint_eq(law->al_may_use[0] & 0xf, 0xa);   /* the second and the fourth */
	for (size_t i = 0; i < law->n_uses; i++)
		if (!strcmp(law->uses[i], "partner"))
			partner = i;
	ck_assert_uint_ne(partner, SIZE_MAX);
	ck_assert_uint_eq(law->use_counts[partner], 2);
}
END_TEST

/* Lowering for the patterns: ASCII capitals only, every other byte (UTF-8
 * included) as it was; on every length around the 16-byte steps. */
START_TEST(lower_ascii_capitals_only)
{
	bg_buf out = BG_BUF_INIT;
	char in[80] = { 0 }, want[80] = { 0 };
	unsigned seed = 7;

	for (size_t n = 0; n < sizeof in; n++) {
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (char)(seed >> 16);   /* any byte, 0x80-0xFF and NUL too */
			want[i] = in[i] >= 'A' && in[i] <= 'Z' ? (char)(in[i] + 32) : in[i];
		}
		bg_lower_ascii(in, n, &out);
		ck_assert_uint_eq(out.len, n);
		ck_assert(!memcmp(out.s, want, n));
	}
	bg_lower_ascii("Artikel 1 ÉÉN Onder", strlen("Artikel 1 ÉÉN Onder"), &out);
	ck_assert_str_eq(out.s, "artikel 1 ÉÉn onder");   /* É is not ASCII */
	bg_buf_release(&out);
}
END_TEST

START_TEST(kind_names)
{
	ck_assert_str_eq(bg_def_kind_name(BG_DEF_OWN), "own");
	ck_assert_str_eq(bg_def_kind_name(BG_DEF_REFERENCE), "reference");
	ck_assert_str_eq(bg_def_kind_name(BG_DEF_MODIFIED_REFERENCE), "modified_reference");
	ck_assert_str_eq(bg_def_kind_name(BG_DEF_INHERITED), "inherited");
	ck_assert_str_eq(bg_def_kind_name(BG_DEF_NEGATIVE), "negative");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("defs");
	TCase *tc = tcase_create("defs");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, definition_list_items);
	tcase_add_test(tc, list_without_list_markup);
	tcase_add_test(tc, table_rows_flattened);
	tcase_add_test(tc, definitielijst_items);
	tcase_add_test(tc, inline_forms);
	tcase_add_test(tc, negative_forms);
	tcase_add_test(tc, intro_completed_by_items);
	tcase_add_test(tc, scopes);
	tcase_add_test(tc, look_alikes_are_not_definitions);
	tcase_add_test(tc, references_and_modifications);
	tcase_add_test(tc, pointers_in_context);
	tcase_add_test(tc, terms_opened_by_pointers_and_participles);
	tcase_add_test(tc, spoken_of_and_extended_terms);
	tcase_add_test(tc, resolution_chains_and_titles);
	tcase_add_test(tc, inheritance_through_a_framework);
	tcase_add_test(tc, repeated_texts_same_definitions);
	tcase_add_test(tc, uses_and_paragraphs_that_may_hold_them);
	tcase_add_test(tc, lower_ascii_capitals_only);
	tcase_add_test(tc, kind_names);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
