/*
 * fuzz_lexicon.c -- libFuzzer target for the two lexicon parsers: the
 * concept lexicon (concepts, variants, [trigger FORM] blocks with their
 * `require:` language, abbreviations, frameworks; bg_lexicon_parse) and
 * the complexity rules (phrase lists and settings; bg_cx_rules_parse).
 *
 * The input is read as both.  A concept lexicon that parses is then used:
 * every trigger's `require:` is evaluated on a few fixed texts, anchored
 * and not (an anchored condition may only be stricter), and a small fixed
 * regulation is extracted with it, so that its patterns run on real text
 * and the prefilter (litset with anchored literals) is built from
 * arbitrary literals.  Complexity rules that parse measure the same
 * regulation.  Inputs are capped at 8 KB: a lexicon is a file people
 * edit, and TRE compiles each pattern of it.
 */
#include "complexity.h"
#include "defs.h"
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

static const char doc_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<toestand bwb-id=\"BWBR0000001\" inwerkingtreding=\"2020-01-01\"><wetgeving>"
	"<intitule>Wet proef</intitule><citeertitel>Wet proef</citeertitel>"
	"<wet-besluit><wettekst><artikel><kop><label>Artikel</label><nr>1</nr></kop>"
	"<lid><lidnr>1</lidnr><al>In deze wet wordt verstaan onder:</al>"
	"<lijst><li><li.nr>a.</li.nr><al>partner: de echtgenoot van de belanghebbende;</al></li>"
	"<li><li.nr>b.</li.nr><al>inkomen: het inkomen, bedoeld in <extref doc=\"1.0:v:BWBR0018472&amp;artikel=8\">"
	"artikel 8 van de Algemene wet inkomensafhankelijke regelingen</extref>, die in aanmerking worden genomen;</al></li>"
	"</lijst></lid><lid><lidnr>2</lidnr><al>Als partner wordt mede aangemerkt de ongehuwd samenwonende, "
	"tenzij sprake is van een bloedverwant. Onder kind wordt verstaan hetgeen daaronder in artikel 4 wordt verstaan.</al></lid>"
	"</artikel></wettekst></wet-besluit></wetgeving></toestand>";

static const char *const texts[] = {
	"", "in deze wet wordt verstaan onder:", "als partner wordt aangemerkt de echtgenoot.",
	"onder inkomen wordt verstaan het verzamelinkomen; en", "^$&&|", "begrippen:",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bg_lexicon *lex = NULL;
	bg_cx_rules *rules = NULL;
	bg_diag d = {0};
	bg_doc *doc = NULL;
	bg_norm *nm;
	bg_defset *set = NULL;

	if (size > 8192)
		return 0;
	if (bg_doc_read_memory(doc_xml, sizeof doc_xml - 1, "BWBR0000001.xml", NULL, &doc, &d) !=
	    BG_OK)
		abort();   /* the fixed document always parses */
	if (bg_lexicon_parse((const char *)data, size, "fuzz.lex", NULL, &lex, &d) == BG_OK) {
		for (int f = 0; f < BG_TRIG__COUNT; f++)
			for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++) {
				const bg_trigger *t = bg_lexicon_trigger_info(lex, (bg_trigger_form)f, j);
				for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
					size_t n = strlen(texts[k]);
					/* anchors only narrow a condition */
					if (bg_require_ok(t->require, texts[k], n, true) &&
					    !bg_require_ok(t->require, texts[k], n, false))
						abort();
				}
			}
		if ((nm = bg_norm_new()) != NULL) {
			if (bg_defs_extract_doc(doc, lex, nm, &set) == BG_OK)
				for (size_t i = 0; i < bg_defset_count(set); i++)
					if (!bg_defset_get(set, i)->term[0])
						abort();
			bg_defset_free(set);
			bg_norm_free(nm);
		}
		bg_lexicon_free(lex);
	}
	bg_diag_clear(&d);
	if (bg_cx_rules_parse((const char *)data, size, "de\nhet\n", 7, &rules, &d) == BG_OK) {
		bg_cx_doc_free(bg_cx_analyze(rules, doc));   /* the rest goes with the rules */
		bg_cx_rules_free(rules);
	}
	bg_diag_clear(&d);
	bg_doc_free(doc);
	return 0;
}
