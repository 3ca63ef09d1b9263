/*
 * cli_tree.c -- `begrip tree FILE`: the document tree exactly as the
 * reader built it, one line per node.  It is how a user sees what begrip
 * made of a file, and the spec tests (tests/spec/reader/) compare it with
 * hand-written expectations, so the format is stable:
 *
 *   <2 spaces per level><kind> [nr=NR] @ADDRESS [repealed] [label="..."]
 *     [kop="..."] [text="..."] [ref{...}]...
 *
 * Strings are JSON-escaped (law text is data); a reference shows its kind,
 * its raw target, the parsed regulation/artikel/lid, and its anchor text.
 * The first line describes the document: id, dialect, soort, date, titles.
 */
#include "cli.h"
#include "../reports/emit.h"

#include <getopt.h>
#include <string.h>

static const char usage[] = "begrip tree [--op] FILE";

static void print_ref(FILE *o, const bg_ref *r)
{
	fprintf(o, " ref{%s doc=", r->external ? "ext" : "int");
	bg_json_str(o, r->doc);
	fprintf(o, " => %s", r->bwb_id[0] ? r->bwb_id : "-");
	if (r->artikel[0]) {
		fputs(" artikel=", o);
		bg_json_str(o, r->artikel);
	}
	if (r->lid[0]) {
		fputs(" lid=", o);
		bg_json_str(o, r->lid);
	}
	fputs(" text=", o);
	bg_json_str(o, r->text);
	fputc('}', o);
}

static void print_node(FILE *o, const bg_doc *doc, const bg_node *n, unsigned level)
{
	const bg_ref *refs = bg_doc_refs(doc);

	for (unsigned i = 0; i < level; i++)
		fputs("  ", o);
	fputs(bg_node_kind_name(n->kind), o);
	if (n->nr[0]) {
		fputs(" nr=", o);
		bg_json_str(o, n->nr);
	}
	fputs(" @", o);
	bg_json_str(o, n->address);
	if (n->repealed)
		fputs(" repealed", o);
	if (n->label[0]) {
		fputs(" label=", o);
		bg_json_str(o, n->label);
	}
	if (n->heading[0]) {
		fputs(" kop=", o);
		bg_json_str(o, n->heading);
	}
	if (n->kind == BG_N_AL || n->kind == BG_N_TERM) {
		fputs(" text=", o);
		bg_json_strn(o, n->text, n->text_len);
		for (unsigned i = 0; i < n->ref_count; i++)
			print_ref(o, &refs[n->ref_first + i]);
	}
	fputc('\n', o);
}

static void print_doc(FILE *o, const bg_doc *doc)
{
	const bg_node *root = bg_doc_root(doc);

	fputs("document id=", o);
	bg_json_str(o, bg_doc_bwb_id(doc));
	fprintf(o, " dialect=%s soort=", bg_dialect_name(bg_doc_dialect(doc)));
	bg_json_str(o, bg_doc_soort(doc));
	fputs(" date=", o);
	bg_json_str(o, bg_doc_date(doc));
	fputs(" title=", o);
	bg_json_str(o, bg_doc_title(doc));
	fputs(" short=", o);
	bg_json_str(o, bg_doc_short_title(doc));
	fputc('\n', o);
	for (size_t i = 0; i < bg_doc_alias_count(doc); i++) {
		fputs("alias ", o);
		bg_json_str(o, bg_doc_alias(doc, i));
		fputc('\n', o);
	}
	/* depth = number of ancestors below the root */
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		unsigned level = 0;
		for (const bg_node *p = n->parent; p; p = p->parent)
			level++;
		print_node(o, doc, n, level);
	}
	/* references outside text blocks (in headings) are listed last */
	for (size_t i = 0; i < bg_doc_ref_count(doc); i++) {
		const bg_ref *r = &bg_doc_refs(doc)[i];
		if (r->node && (r->node->kind == BG_N_AL || r->node->kind == BG_N_TERM))
			continue;
		fputs("outside-text", o);
		print_ref(o, r);
		fputc('\n', o);
	}
}

int bg_cmd_tree(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "op", no_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bg_read_opts opts = {0};
	bg_doc *doc = NULL;
	bg_diag diag = {0};
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "oh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': opts.allow_op = true; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("tree", usage, "unknown option");
		}
	}
	if (argc - optind != 1)
		return bg_cli_usage_error("tree", usage, "exactly one FILE expected");
	if (bg_doc_read_file(argv[optind], &opts, &doc, &diag) != BG_OK) {
		bg_diag_print(&diag, stderr);
		bg_diag_clear(&diag);
		return BG_EXIT_INPUT;
	}
	print_doc(stdout, doc);
	bg_doc_free(doc);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "begrip tree: error: cannot write output\n");
		return BG_EXIT_INPUT;
	}
	return BG_EXIT_OK;
}
