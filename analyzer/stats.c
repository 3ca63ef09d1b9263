/*
 * stats.c -- structural counts over the document tree.  The same counts
 * are made independently from the XML by tests/crosscheck.py; the two must
 * agree on every file of the conformance sample.
 */
#include "stats.h"

#include <string.h>

void bg_counts_doc(const bg_doc *doc, bg_counts *c)
{
	const bg_node *root = bg_doc_root(doc);
	const bg_ref *refs = bg_doc_refs(doc);
	size_t nrefs = bg_doc_ref_count(doc);

	memset(c, 0, sizeof *c);
	c->regulations = 1;
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		switch (n->kind) {
		case BG_N_ARTIKEL:
			c->articles++;
			if (n->repealed)
				c->articles_repealed++;
			break;
		case BG_N_LID: c->leden++; break;
		case BG_N_LI: c->list_items++; break;
		case BG_N_DEFLIST: c->definition_lists++; break;
		case BG_N_DEFITEM: c->definition_items++; break;
		case BG_N_AL:
		case BG_N_TERM:
			c->text_blocks++;
			c->words += bg_count_words(n->text, n->text_len);
			break;
		default: break;
		}
	}
	for (size_t i = 0; i < nrefs; i++) {
		if (refs[i].external)
			c->references_external++;
		else
			c->references_internal++;
	}
}

void bg_counts_add(bg_counts *a, const bg_counts *b)
{
	a->regulations += b->regulations;
	a->articles += b->articles;
	a->articles_repealed += b->articles_repealed;
	a->leden += b->leden;
	a->list_items += b->list_items;
	a->definition_lists += b->definition_lists;
	a->definition_items += b->definition_items;
	a->references_internal += b->references_internal;
	a->references_external += b->references_external;
	a->words += b->words;
	a->text_blocks += b->text_blocks;
}
