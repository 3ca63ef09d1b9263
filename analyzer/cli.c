/*
 * cli.c -- helpers shared by the subcommands.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int bg_cli_usage_error(const char *cmd, const char *usage, const char *msg)
{
	fprintf(stderr, "begrip %s: %s\nusage: %s\n", cmd, msg, usage);
	return BG_EXIT_USAGE;
}

unsigned bg_cli_jobs(const char *s)
{
	char *end;
	long v;

	if (!s || !*s)
		return 0;
	v = strtol(s, &end, 10);
	if (*end || v < 1 || v > BG_MAX_JOBS)
		return 0;
	return (unsigned)v;
}

size_t bg_cli_inputs(int argc, char **argv, int first, const char *corpus,
		     bg_filelist *fl)
{
	if (first >= argc) {
		char *def[1];
		def[0] = (char *)(corpus ? corpus : bg_default_corpus());
		return bg_filelist_expand(fl, def, 1);
	}
	return bg_filelist_expand(fl, argv + first, (size_t)(argc - first));
}

struct batch_ctx {
	bg_batch *b;
	const bg_read_opts *opts;
	bg_doc_fn fn;
	void *ctx;
};

static void batch_one(size_t i, const char *path, void *arg)
{
	struct batch_ctx *c = arg;
	bg_doc *doc = NULL;

	if (bg_doc_read_file(path, c->opts, &doc, &c->b->diags[i]) != BG_OK)
		return;
	if (c->fn)
		c->fn(i, doc, c->ctx);
	bg_doc_free(doc);
}

int bg_batch_run(bg_batch *b, const bg_filelist *fl, unsigned jobs,
		 const bg_read_opts *opts, bg_doc_fn fn, void *ctx)
{
	struct batch_ctx c = { b, opts, fn, ctx };

	memset(b, 0, sizeof *b);
	b->count = fl->count;
	b->diags = calloc(fl->count ? fl->count : 1, sizeof *b->diags);
	if (!b->diags)
		return -1;
	bg_corpus_map(fl, jobs, true, batch_one, &c);
	for (size_t i = 0; i < fl->count; i++)
		if (b->diags[i].status)
			b->failed++;
	return 0;
}

void bg_batch_print_errors(const bg_batch *b, FILE *out)
{
	for (size_t i = 0; i < b->count; i++)
		if (b->diags[i].status)
			bg_diag_print(&b->diags[i], out);
}

void bg_batch_release(bg_batch *b)
{
	for (size_t i = 0; i < b->count; i++)
		bg_diag_clear(&b->diags[i]);
	free(b->diags);
	memset(b, 0, sizeof *b);
}
