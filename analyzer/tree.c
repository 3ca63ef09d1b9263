/*
 * tree.c -- walking the document tree: kind names, pre-order traversal,
 * provisions, text and wetten.overheid.nl links.
 *
 * Links follow the Juriconnect standard (jci 1.3) that wetten.overheid.nl
 * resolves: https://wetten.overheid.nl/jci1.3:c:BWBR0018472&artikel=2&lid=1
 * with &g= (geldigheidsdatum) when the version date is known.
 */
#include "bg.h"

#include <string.h>

static const char *const kind_names[BG_N__COUNT] = {
	[BG_N_ROOT] = "regeling", [BG_N_BOEK] = "boek", [BG_N_DEEL] = "deel",
	[BG_N_HOOFDSTUK] = "hoofdstuk", [BG_N_TITELDEEL] = "titeldeel",
	[BG_N_AFDELING] = "afdeling", [BG_N_PARAGRAAF] = "paragraaf",
	[BG_N_SUBPARAGRAAF] = "sub-paragraaf", [BG_N_DIVISIE] = "divisie",
	[BG_N_BIJLAGE] = "bijlage", [BG_N_ARTIKEL] = "artikel",
	[BG_N_LID] = "lid", [BG_N_LIJST] = "lijst", [BG_N_LI] = "li",
	[BG_N_DEFLIST] = "definitielijst", [BG_N_DEFITEM] = "definitie-item",
	[BG_N_DEFINITIE] = "definitie", [BG_N_TERM] = "term", [BG_N_AL] = "al",
};

const char *bg_node_kind_name(bg_node_kind k)
{
	return k < BG_N__COUNT && kind_names[k] ? kind_names[k] : "?";
}

bool bg_node_kind_is_container(bg_node_kind k)
{
	return k >= BG_N_BOEK && k <= BG_N_BIJLAGE;
}

const char *bg_dialect_name(bg_dialect d)
{
	switch (d) {
	case BG_DIALECT_WETGEVING: return "wetgeving-2012";
	case BG_DIALECT_TOESTAND: return "toestand";
	case BG_DIALECT_OP: return "officiele-publicatie";
	case BG_DIALECT_DRAFT: return "draft";
	default: return "unknown";
	}
}

bg_node *bg_node_next(const bg_node *top, const bg_node *n)
{
	if (n->first_child)
		return n->first_child;
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

bg_node *bg_node_ancestor(const bg_node *n, bg_node_kind k)
{
	for (; n; n = n->parent)
		if (n->kind == k)
			return (bg_node *)n;
	return NULL;
}

bg_node *bg_node_provision(const bg_node *n)
{
	for (; n; n = n->parent)
		if (n->kind == BG_N_LI || n->kind == BG_N_LID ||
		    n->kind == BG_N_ARTIKEL || n->kind == BG_N_DEFITEM)
			return (bg_node *)n;
	return NULL;
}

void bg_node_text(const bg_node *n, bg_buf *b)
{
	for (const bg_node *c = n; c; c = bg_node_next(n, c)) {
		if ((c->kind == BG_N_AL || c->kind == BG_N_TERM) && c->text_len) {
			if (b->len && b->s[b->len - 1] != ' ')
				bg_buf_addc(b, ' ');
			bg_buf_add(b, c->text, c->text_len);
		}
	}
}

void bg_node_link(const bg_doc *doc, const bg_node *n, bg_buf *b)
{
	const char *id = bg_doc_bwb_id(doc);
	const bg_node *art = bg_node_ancestor(n, BG_N_ARTIKEL);
	const bg_node *lid = bg_node_ancestor(n, BG_N_LID);

	/* plain appends, no printf: this runs for every provision stored */
	bg_buf_adds(b, "https://wetten.overheid.nl/");
	if (!bg_is_bwb_id(id)) {
		return;
	}
	bg_buf_adds(b, "jci1.3:c:");
	bg_buf_adds(b, id);
	if (art && art->nr[0]) {
		bg_buf_adds(b, "&artikel=");
		bg_buf_adds(b, art->nr);
		if (lid && lid->nr[0] && bg_node_ancestor(lid, BG_N_ARTIKEL) == art) {
			bg_buf_adds(b, "&lid=");
			bg_buf_adds(b, lid->nr);
		}
	} else if (!art) {
		/* a container: its own key */
		for (const bg_node *c = n; c; c = c->parent) {
			if (bg_node_kind_is_container(c->kind) && c->nr[0]) {
				bg_buf_addc(b, '&');
				bg_buf_adds(b, bg_node_kind_name(c->kind));
				bg_buf_addc(b, '=');
				bg_buf_adds(b, c->nr);
				break;
			}
		}
	}
	if (bg_doc_date(doc)[0]) {
		bg_buf_adds(b, "&g=");
		bg_buf_adds(b, bg_doc_date(doc));
	}
}

size_t bg_count_words(const char *s, size_t n)
{
	size_t w = 0;
	unsigned prev_space = 1;

	/* branch-free: a word starts at a non-space after a space (or at 0);
	 * word boundaries are too frequent for the branch predictor */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned sp = (c == ' ') | (c == '\n') | (c == '\t') | (c == '\r');
		w += prev_space & (sp ^ 1u);
		prev_space = sp;
	}
	return w;
}
