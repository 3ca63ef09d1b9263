/*
 * cli.c -- helpers shared by the subcommands.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
		/* A corpus path laid out like the mirror (bwb/, bwb-extra/,
		 * bills/, bwb-schema/) means its regulations: bwb/ and
		 * bwb-extra/; any other directory is read as it is. */
		const char *root = corpus ? corpus : bg_default_corpus();
		bg_buf a = BG_BUF_INIT, b = BG_BUF_INIT;
		struct stat sb;
		char *def[2];
		size_t n = 0, bad;

		bg_buf_addf(&a, "%s/bwb", root);
		bg_buf_addf(&b, "%s/bwb-extra", root);
		if (bg_buf_ok(&a) && !stat(a.s, &sb) && S_ISDIR(sb.st_mode)) {
			def[n++] = a.s;
			if (bg_buf_ok(&b) && !stat(b.s, &sb) && S_ISDIR(sb.st_mode))
				def[n++] = b.s;
		} else {
			def[n++] = (char *)root;
		}
		bad = bg_filelist_expand(fl, def, n);
		bg_buf_release(&a);
		bg_buf_release(&b);
		return bad;
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
