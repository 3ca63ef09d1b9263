/*
 * corpus_walk.h -- the unit tests that hold a shortcut to the real law
 * text: every text block of every `stride`-th file of the corpus.
 */
#ifndef BG_TEST_CORPUS_WALK_H
#define BG_TEST_CORPUS_WALK_H

#include <stdio.h>
#include <stdlib.h>

#include "bg.h"

/*
 * Calls fn on every node with text of every `stride`-th file of
 * CORPUS/bwb (CORPUS: $BEGRIP_CORPUS, else corpora/; stride: $stride_env,
 * else def_stride).  Returns the files read; 0, with a note on stderr
 * naming `who`, when there is no corpus (the caller's test then checks
 * nothing and says so).
 */
typedef void (*corpus_text_fn)(const char *path, const bg_node *n, void *ctx);

static inline size_t corpus_walk(const char *who, const char *stride_env, size_t def_stride,
				 corpus_text_fn fn, void *ctx)
{
	const char *root = getenv("BEGRIP_CORPUS");
	const char *st = getenv(stride_env);
	char dir[4096];
	char *paths[1];
	bg_filelist fl = { 0 };
	size_t stride = st ? strtoul(st, NULL, 10) : def_stride, files = 0;

	snprintf(dir, sizeof dir, "%s/bwb", root ? root : "corpora");
	paths[0] = dir;
	if (!stride)
		stride = 1;
	bg_filelist_expand(&fl, paths, 1);
	if (!fl.count)
		fprintf(stderr, "%s: no corpus at %s, corpus comparison skipped\n", who, dir);
	for (size_t i = 0; i < fl.count; i += stride) {
		bg_doc *doc = NULL;
		bg_diag d = { 0 };
		if (bg_doc_read_file(fl.paths[i], NULL, &doc, &d) != BG_OK) {
			bg_diag_clear(&d);
			continue;
		}
		for (const bg_node *n = bg_doc_root(doc); n; n = bg_node_next(bg_doc_root(doc), n))
			if (n->text && n->text_len)
				fn(fl.paths[i], n, ctx);
		bg_doc_free(doc);
		files++;
	}
	bg_filelist_release(&fl);
	return files;
}

#endif
