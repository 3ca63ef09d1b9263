/*
 * fuzz_draft.c -- libFuzzer target for the bill readers of draft.c.
 *
 * Feeds arbitrary bytes to bg_bill_read_memory (which sniffs: BWB XML,
 * officiële publicatie or text) and to bg_draft_read_memory (the text
 * parser whatever the bytes look like).  For every document it checks the
 * shape the parser promises -- list items only in lists, text only in text
 * blocks, every node addressed -- and lists the amendment instructions.
 * A failed read must leave a well-formed diagnostic.
 */
#include "draft.h"

#include <stdlib.h>
#include <string.h>

static void check_doc(bg_doc *doc, bool draft)
{
	const bg_node *root = bg_doc_root(doc);
	const bg_amendment *am;
	size_t n;

	for (const bg_node *nd = root; nd; nd = bg_node_next(root, nd)) {
		if (!nd->address || !nd->nr || !nd->heading || !nd->text)
			abort();
		if (strlen(nd->text) != nd->text_len)
			abort();
		if (draft) {
			if (nd != root && !nd->address[0])
				abort();
			if (nd->kind == BG_N_LI && nd->parent->kind != BG_N_LIJST)
				abort();
			if (nd->kind == BG_N_AL && (nd->first_child || !nd->text[0]))
				abort();
			if (nd->kind == BG_N_LID && nd->parent->kind != BG_N_ARTIKEL)
				abort();
		}
	}
	if (bg_bill_amendments(doc, &am, &n) != BG_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		if (!am[i].act || !am[i].onderdeel || !am[i].text || !am[i].target ||
		    am[i].article->kind != BG_N_ARTIKEL)
			abort();
		for (size_t j = 0; j < am[i].narticles; j++)
			if (am[i].articles[j]->kind != BG_N_ARTIKEL)
				abort();
		(void)strlen(bg_amend_action_name(am[i].action));
	}
	(void)strlen(bg_doc_title(doc));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int pass = 0; pass < 2; pass++) {
		bg_doc *doc = NULL;
		bg_diag diag = {0};
		bg_status st = pass == 0
			? bg_bill_read_memory((const char *)data, size, "draft.md", &doc, &diag)
			: bg_draft_read_memory((const char *)data, size, "draft.md", &doc, &diag);

		if (st == BG_OK) {
			if (!doc)
				abort();
			check_doc(doc, pass == 1 || bg_doc_dialect(doc) == BG_DIALECT_DRAFT);
			bg_doc_free(doc);
		} else if (doc || !diag.file || !diag.message) {
			abort();
		}
		bg_diag_clear(&diag);
	}
	return 0;
}
