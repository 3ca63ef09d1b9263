/*
 * fuzz_reader.c -- libFuzzer target for the BWB reader.
 *
 * Feeds arbitrary bytes to bg_doc_read_memory twice (BWB only, then with
 * officiële publicaties allowed), and for every document that parses walks
 * the whole tree and renders each node's text and link: the parts of the
 * library every later stage relies on.  A failed read must leave a
 * well-formed diagnostic (file name and message set).
 */
#include "bg.h"

#include <stdlib.h>
#include <string.h>

static void walk(const bg_doc *doc)
{
	const bg_node *root = bg_doc_root(doc);
	const bg_ref *refs = bg_doc_refs(doc);
	bg_buf b = BG_BUF_INIT;

	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		bg_buf_clear(&b);
		bg_node_text(n, &b);
		bg_buf_clear(&b);
		bg_node_link(doc, n, &b);
		(void)bg_node_provision(n);
		if (n->ref_count && n->ref_first + n->ref_count > bg_doc_ref_count(doc))
			abort();
		if (!n->address || !n->nr || !n->heading || !n->text)
			abort();
	}
	for (size_t i = 0; i < bg_doc_ref_count(doc); i++)
		if (!refs[i].doc || !refs[i].bwb_id || !refs[i].text)
			abort();
	for (size_t i = 0; i < bg_doc_alias_count(doc); i++)
		(void)strlen(bg_doc_alias(doc, i));
	(void)strlen(bg_doc_title(doc));
	(void)strlen(bg_doc_short_title(doc));
	(void)strlen(bg_doc_date(doc));
	bg_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int op = 0; op < 2; op++) {
		bg_read_opts opts = { .allow_op = op == 1, .display_name = NULL };
		bg_doc *doc = NULL;
		bg_diag diag = {0};
		bg_status st = bg_doc_read_memory((const char *)data, size,
						  "BWBR0000001_2020-01-01.xml",
						  &opts, &doc, &diag);

		if (st == BG_OK) {
			if (!doc)
				abort();
			walk(doc);
			bg_doc_free(doc);
		} else if (doc || !diag.file || !diag.message) {
			abort();
		}
		bg_diag_clear(&diag);
	}
	return 0;
}
