/*
 * cli_defs.c -- `begrip defs`: every definition of the input regulations,
 * one record per line as text, JSON Lines or CSV (the record of README.md
 * "Definitions"), optionally filtered by concept and regulation.
 */
#include "defs.h"
#include "../reports/emit.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"begrip defs [--concept C] [--law ID] [--format text|json|csv] [--lexicon FILE] "
	"[--jobs N] [--corpus DIR] [PATH...]";

static bool has_target(const bg_def *d)
{
	return (d->kind == BG_DEF_REFERENCE || d->kind == BG_DEF_MODIFIED_REFERENCE ||
		d->kind == BG_DEF_INHERITED) &&
	       (d->target_bwb_id[0] || d->target_article[0]);
}

void bg_def_write_json(FILE *o, const bg_def *d)
{
	fputs("{\"file\": ", o);
	bg_json_str(o, d->file);
	fputs(", \"bwb_id\": ", o);
	bg_json_str(o, d->bwb_id);
	fputs(", \"law_title\": ", o);
	bg_json_str(o, d->law_title);
	fputs(", \"date\": ", o);
	bg_json_str(o, d->date);
	fputs(", \"article\": ", o);
	bg_json_str(o, d->article);
	fputs(", \"lid\": ", o);
	bg_json_str(o, d->lid);
	fputs(", \"item\": ", o);
	bg_json_str(o, d->item);
	fputs(", \"term\": ", o);
	bg_json_str(o, d->term);
	fputs(", \"concept\": ", o);
	bg_json_str(o, d->concept);
	fprintf(o, ", \"kind\": \"%s\", \"target\": ", bg_def_kind_name(d->kind));
	if (has_target(d)) {
		fputs("{\"bwb_id\": ", o);
		bg_json_str(o, d->target_bwb_id);
		fputs(", \"article\": ", o);
		bg_json_str(o, d->target_article);
		fputs(", \"lid\": ", o);
		bg_json_str(o, d->target_lid);
		fputs("}", o);
	} else {
		fputs("null", o);
	}
	fputs(", \"root\": ", o);
	if (d->root) {
		fputs("{\"bwb_id\": ", o);
		bg_json_str(o, d->root->bwb_id);
		fputs(", \"article\": ", o);
		bg_json_str(o, d->root->article);
		fputs(", \"lid\": ", o);
		bg_json_str(o, d->root->lid);
		fputs(", \"term\": ", o);
		bg_json_str(o, d->root->term);
		fputs("}", o);
	} else {
		fputs("null", o);
	}
	fputs(", \"chain_status\": ", o);
	bg_json_str(o, d->chain_status);
	fputs(", \"scope\": {\"kind\": ", o);
	bg_json_str(o, d->scope_kind);
	fputs(", \"text\": ", o);
	bg_json_str(o, d->scope_text);
	fputs(", \"address\": ", o);
	bg_json_str(o, d->scope_address);
	fputs("}, \"text\": ", o);
	bg_json_str(o, d->text);
	fputs(", \"modification\": ", o);
	bg_json_str(o, d->modification);
	fputs(", \"link\": ", o);
	bg_json_str(o, d->link);
	fputs(", \"address\": ", o);
	bg_json_str(o, d->address);
	fprintf(o, ", \"line\": %u}\n", d->line);
}

static const char *const csv_cols[] = {
	"file", "bwb_id", "law_title", "date", "article", "lid", "item", "term", "concept",
	"kind", "target_bwb_id", "target_article", "target_lid", "root_bwb_id",
	"root_article", "root_lid", "root_term", "chain_status", "scope_kind", "scope_text",
	"scope_address", "text", "modification", "link", "address", "line",
};

void bg_def_write_csv_header(FILE *o)
{
	for (size_t i = 0; i < sizeof csv_cols / sizeof *csv_cols; i++)
		fprintf(o, "%s%s", i ? "," : "", csv_cols[i]);
	fputs("\r\n", o);
}

void bg_def_write_csv(FILE *o, const bg_def *d)
{
	const char *cells[] = {
		d->file, d->bwb_id, d->law_title, d->date, d->article, d->lid, d->item,
		d->term, d->concept, bg_def_kind_name(d->kind),
		has_target(d) ? d->target_bwb_id : "", has_target(d) ? d->target_article : "",
		has_target(d) ? d->target_lid : "",
		d->root ? d->root->bwb_id : "", d->root ? d->root->article : "",
		d->root ? d->root->lid : "", d->root ? d->root->term : "",
		d->chain_status, d->scope_kind, d->scope_text, d->scope_address, d->text,
		d->modification, d->link, d->address,
	};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		if (i)
			fputc(',', o);
		bg_csv_cell(o, cells[i]);
	}
	fprintf(o, ",%u\r\n", d->line);
}

/* Text: one line per record, the fields a reader scans for first; the
 * body is cut at 160 bytes on a UTF-8 boundary.  Tabs and newlines in law
 * text are shown as spaces so that a record stays on one line. */
static void text_field(FILE *o, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		fputc(c < 0x20 || c == 0x7f ? ' ' : c, o);
	}
	if (n < strlen(s))
		fputs("...", o);
}

void bg_def_write_text(FILE *o, const bg_def *d)
{
	fprintf(o, "%s", d->bwb_id[0] ? d->bwb_id : d->file);
	if (d->date[0])
		fprintf(o, "@%s", d->date);
	fputs(" art. ", o);
	text_field(o, d->article[0] ? d->article : "-", 32);
	if (d->lid[0]) {
		fputs(" lid ", o);
		text_field(o, d->lid, 16);
	}
	if (d->item[0]) {
		fputs(" onder ", o);
		text_field(o, d->item, 32);
	}
	fprintf(o, "  %s  ", bg_def_kind_name(d->kind));
	fputc('"', o);
	text_field(o, d->term, 80);
	fputc('"', o);
	if (d->concept[0])
		fprintf(o, " [%s]", d->concept);
	fprintf(o, "  scope=%s", d->scope_kind);
	if (has_target(d)) {
		fputs("  -> ", o);
		text_field(o, d->target_bwb_id[0] ? d->target_bwb_id : "?", 16);
		if (d->target_article[0]) {
			fputs(" art. ", o);
			text_field(o, d->target_article, 32);
		}
		if (d->target_lid[0]) {
			fputs(" lid ", o);
			text_field(o, d->target_lid, 16);
		}
	}
	if (d->chain_status[0])
		fprintf(o, "  chain=%s", d->chain_status);
	if (d->root) {
		fputs(" root=", o);
		text_field(o, d->root->bwb_id, 16);
		fputs(" art. ", o);
		text_field(o, d->root->article, 32);
	}
	fputs("\n    ", o);
	text_field(o, d->text, 160);
	if (d->modification[0]) {
		fputs("\n    modification: ", o);
		text_field(o, d->modification, 160);
	}
	fputc('\n', o);
}

int bg_cmd_defs(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "concept", required_argument, NULL, 'c' },
		{ "law", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "lexicon", required_argument, NULL, 'x' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *corpus = NULL, *concept = NULL, *law = NULL;
	const char *lexpath = NULL;
	unsigned jobs = bg_default_jobs();
	bg_filelist fl = {0};
	bg_batch batch;
	bg_lexicon *lex = NULL;
	bg_defset *set = NULL;
	bg_diag diag = {0};
	bg_status st;
	size_t bad, shown = 0;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "c:l:f:x:j:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c': concept = optarg; break;
		case 'l': law = optarg; break;
		case 'f': format = optarg; break;
		case 'x': lexpath = optarg; break;
		case 'j':
			if (!(jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("defs", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("defs", usage, "unknown option");
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
		return bg_cli_usage_error("defs", usage, "--format is text, json or csv");
	st = bg_lexicon_load(lexpath ? lexpath : bg_lexicon_default_path(), &lex, &diag);
	if (st != BG_OK) {
		bg_diag_print(&diag, stderr);
		bg_diag_clear(&diag);
		return BG_EXIT_INPUT;
	}
	if (concept && bg_lexicon_find(lex, concept) < 0) {
		fprintf(stderr, "begrip defs: unknown concept '%s'; the lexicon has:", concept);
		for (size_t i = 0; i < bg_lexicon_count(lex); i++)
			fprintf(stderr, " %s", bg_lexicon_id(lex, i));
		fputc('\n', stderr);
		bg_lexicon_free(lex);
		return BG_EXIT_USAGE;
	}

	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	st = bg_defs_collect(&fl, jobs, lex, &set, &batch);
	if (st != BG_OK) {
		fprintf(stderr, "begrip defs: error: %s\n", bg_status_name(st));
		bg_batch_release(&batch);
		bg_filelist_release(&fl);
		bg_lexicon_free(lex);
		return BG_EXIT_INPUT;
	}
	bg_batch_print_errors(&batch, stderr);

	if (!strcmp(format, "csv"))
		bg_def_write_csv_header(stdout);
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		const bg_def *d = bg_defset_get(set, i);
		if (concept && strcmp(d->concept, concept))
			continue;
		if (law && strcmp(d->bwb_id, law))
			continue;
		shown++;
		if (!strcmp(format, "json"))
			bg_def_write_json(stdout, d);
		else if (!strcmp(format, "csv"))
			bg_def_write_csv(stdout, d);
		else
			bg_def_write_text(stdout, d);
	}
	if (!strcmp(format, "text"))
		printf("%zu definitions\n", shown);

	rc = (batch.failed || bad) ? BG_EXIT_INPUT : BG_EXIT_OK;
	bg_defset_free(set);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	bg_lexicon_free(lex);
	if (fflush(stdout))
		rc = BG_EXIT_INPUT;
	return rc;
}
