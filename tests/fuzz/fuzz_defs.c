/*
 * fuzz_defs.c -- libFuzzer target for definition extraction.
 *
 * Reads arbitrary bytes as a BWB document (bg_doc_read_memory) and, when
 * it parses, extracts its definitions with the committed lexicon
 * (lexicon/concepts.txt, or $BEGRIP_LEXICON), frees the document and then
 * reads every string of every record: records must own their text
 * (ASan catches a use after free), every field must be set, and the
 * resolution steps (title table, chains, inheritance) run on the result
 * through a merged set.  Run from the repository root.
 */
#include "defs.h"
#include "defs_int.h"

#include <stdlib.h>
#include <string.h>

static bg_lexicon *lex;
static bg_norm *nm;

static void init(void)
{
	bg_diag d = {0};

	if (lex)
		return;
	if (bg_lexicon_load(bg_lexicon_default_path(), &lex, &d) != BG_OK) {
		bg_diag_print(&d, stderr);
		abort();
	}
	nm = bg_norm_new();
	if (!nm)
		abort();
}

static void touch(const char *s)
{
	if (!s)
		abort();
	(void)strlen(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bg_doc *doc = NULL;
	bg_diag diag = {0};
	bg_defset *one = NULL, *set;

	init();
	if (bg_doc_read_memory((const char *)data, size, "BWBR0000001_2020-01-01.xml", NULL,
			       &doc, &diag) != BG_OK) {
		bg_diag_clear(&diag);
		return 0;
	}
	if (bg_defs_extract_doc(doc, lex, nm, &one) != BG_OK) {
		bg_doc_free(doc);
		return 0;
	}
	bg_doc_free(doc);
	set = bg_defset_new(lex);
	if (!set || bg_defset_merge(set, one) != BG_OK || bg_defs_resolve(set) != BG_OK)
		abort();
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		const bg_def *d = bg_defset_get(set, i);
		const char *const f[] = {
			d->file, d->bwb_id, d->law_title, d->date, d->article, d->lid, d->item,
			d->term, d->term_key, d->concept, d->target_bwb_id, d->target_article,
			d->target_lid, d->chain_status, d->scope_kind, d->scope_text,
			d->scope_address, d->text, d->modification, d->link, d->address,
			d->ref_text,
		};
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			touch(f[k]);
		if (!d->term[0] || (unsigned)d->kind > BG_DEF_NEGATIVE)
			abort();
		if (d->root)
			touch(d->root->term);
	}
	for (size_t i = 0; i < bg_defset_law_count(set); i++) {
		const bg_deflaw *l = bg_defset_law(set, i);
		for (size_t k = 0; k < l->n_uses; k++)
			touch(l->uses[k]);
	}
	bg_defset_free(set);
	return 0;
}
