/*
 * cli_index.c -- `begrip index`: the corpus as one SQLite file (store.h),
 * so that `begrip check` answers from the index instead of re-reading the
 * corpus.
 *
 * One read of the corpus: bg_defs_collect_ex() reads every file on the
 * worker threads, extracts its definitions and hands us the document, which
 * we measure (complexity.h) and copy into rows (bg_store_doc_rows) on the
 * same thread.  The rows go into the store in file order, so ids are the
 * same whatever the number of threads: whichever worker finds the next
 * file's rows ready inserts them (and any that follow), the others just
 * leave theirs and go on reading, so no worker waits for another's turn;
 * a file that fails to parse passes its turn at once (the `failed` hook).
 * Definitions are resolved across the whole corpus when every file is in
 * (bg_defs_collect_ex) and stored after the documents.
 *
 * The index replaces FILE only when complete (store.c): an interrupted or
 * failed run leaves the previous index as it was.
 */
#include "cli.h"
#include "store.h"

#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>


static const char usage[] =
	"begrip index [--db FILE] [--jobs N] [--lexicon FILE] [--corpus DIR] [PATH...]";

struct ictx {
	bg_store_order *order;   /* store rows, inserted in file order */
	const bg_cx_rules *rules;
	bg_cx_doc **cx;          /* per file: measures, NULL = none */
	bool *oom;
};

/* A file that did not parse (or whose definitions could not be
 * extracted): no rows will come for it. */
static void index_failed(size_t i, void *arg)
{
	struct ictx *c = arg;

	bg_store_order_put(c->order, i, NULL);
}

static void index_one(size_t i, const bg_doc *doc, const bg_defset *docdefs,
		      bg_norm *nm, void *arg)
{
	struct ictx *c = arg;
	bg_cx_doc *cx = bg_cx_analyze(c->rules, doc);
	bg_store_docrows *r = bg_store_doc_rows(doc);

	(void)docdefs;
	(void)nm;
	if (!cx || !r)
		c->oom[i] = true;
	c->cx[i] = cx;
	bg_store_docrows_set_measures(r, cx);   /* the provisions' measures, with the rows */
	bg_store_order_put(c->order, i, r);
}

/* ------------------------------------------------------- interruption */

/* The temp file of the run, removed when the run is interrupted by a
 * signal (a killed run leaves it; the next run removes it). */
static const char *volatile temp_path;

static void on_signal(int sig)
{
	if (temp_path)
		unlink(temp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ---------------------------------------------------------- meta data */

static bg_status meta_num(bg_store *s, const char *key, size_t v)
{
	char b[32];

	snprintf(b, sizeof b, "%zu", v);
	return bg_store_set_meta(s, key, b);
}

/* Stage messages, like the file progress, only for a person watching;
 * each with the seconds since the start. */
static void stage(bool tty, const char *msg)
{
	static struct timespec t0;
	struct timespec t;

	if (!t0.tv_sec)
		clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	fprintf(stderr, "\rbegrip index: %6.2fs %-40s\n",
		(double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9, msg);
}

int bg_cmd_index(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = "begrip-index.sqlite", *corpus = NULL;
	const char *lexpath = bg_lexicon_default_path();
	const char *cxpath = bg_cx_default_path();
	unsigned jobs = bg_default_jobs();
	bool tty = isatty(STDERR_FILENO);
	bg_filelist fl = {0};
	bg_diag diag = {0};
	bg_lexicon *lex = NULL;
	bg_cx_rules *rules = NULL;
	bg_cmp_phrases *phrases = NULL;
	bg_norm *nm = NULL;
	bg_defset *set = NULL;
	bg_batch dbatch = {0};
	bg_defs_hooks hooks;
	bg_status dstatus;
	bg_store *store = NULL;
	struct ictx c;
	char hash[17];
	size_t bad, parsed = 0, failed = 0;
	int opt, rc = BG_EXIT_INPUT;
	bool ok = true, store_failed;

	memset(&c, 0, sizeof c);
	optind = 1;
	while ((opt = getopt_long(argc, argv, "d:j:l:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd': db = optarg; break;
		case 'j':
			if (!(jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("index", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'l': lexpath = optarg; break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("index", usage, "unknown option");
		}
	}
	if (!db[0])
		return bg_cli_usage_error("index", usage, "--db wants a file name");

	/* every data file first: a bad lexicon must not cost a corpus read */
	if (bg_lexicon_load(lexpath, &lex, &diag) != BG_OK)
		goto diag_out;
	if (bg_cx_rules_load(cxpath, NULL, &rules, &diag) != BG_OK)
		goto diag_out;
	if (!(nm = bg_norm_new())) {
		fprintf(stderr, "begrip index: error: out of memory\n");
		goto done;
	}
	if (bg_cmp_phrases_load(bg_cmp_phrases_default_path(), nm, &phrases, &diag) != BG_OK)
		goto diag_out;

	stage(tty, "documents, definitions, measures (one read)");
	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	if (bg_store_create(db, &store, &diag) != BG_OK)
		goto diag_out;
	temp_path = bg_store_temp_path(store);

	c.order = bg_store_order_new(store, fl.count);
	c.rules = rules;
	c.cx = calloc(fl.count ? fl.count : 1, sizeof *c.cx);
	c.oom = calloc(fl.count ? fl.count : 1, sizeof *c.oom);
	if (!c.order || !c.cx || !c.oom) {
		fprintf(stderr, "begrip index: error: out of memory\n");
		goto done;
	}
	hooks = (bg_defs_hooks){ index_one, index_failed, &c };
	dstatus = bg_defs_collect_ex(&fl, jobs, lex, &hooks, &set, &dbatch);
	/* rows held back behind a file that got neither call (out of memory) */
	store_failed = bg_store_order_finish(c.order) != BG_OK;
	if (dstatus != BG_OK || !dbatch.diags) {
		fprintf(stderr, "begrip index: error: out of memory\n");
		goto done;
	}
	for (size_t i = 0; i < fl.count; i++) {
		if (dbatch.diags[i].status) {
			bg_diag_print(&dbatch.diags[i], stderr);
			failed++;
		} else {
			parsed++;
		}
		if (c.oom[i]) {
			fprintf(stderr, "%s: error: out of memory while measuring\n", fl.paths[i]);
			ok = false;
		}
	}
	if (store_failed) {
		fprintf(stderr, "%s: error: %s\n", db, bg_store_error(store));
		goto done;
	}

	stage(tty, "measures across the corpus");
	if (bg_cx_corpus_finish(c.cx, fl.count) != BG_OK) {
		fprintf(stderr, "begrip index: error: out of memory\n");
		goto done;
	}
	for (size_t i = 0; i < fl.count; i++)
		if (c.cx[i] && bg_store_order_reg_ids(c.order)[i] &&
		    bg_store_add_regulation_measures(store, bg_store_order_reg_ids(c.order)[i],
						     c.cx[i]) != BG_OK) {
			fprintf(stderr, "%s: error: %s\n", db, bg_store_error(store));
			goto done;
		}

	stage(tty, "definitions and components into the store");
	if (bg_store_add_defs(store, set, phrases, jobs) != BG_OK) {
		fprintf(stderr, "%s: error: %s\n", db,
			bg_store_error(store)[0] ? bg_store_error(store) : "out of memory");
		goto done;
	}

	{
		char when[32];
		time_t now = time(NULL);
		struct tm tm;
		bg_buf paths = BG_BUF_INIT;

		gmtime_r(&now, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (optind < argc)
			for (int i = optind; i < argc; i++) {
				if (i > optind)
					bg_buf_addc(&paths, ' ');
				bg_buf_adds(&paths, argv[i]);
			}
		else
			bg_buf_adds(&paths, corpus ? corpus : bg_default_corpus());
		if (!bg_store_file_hash(lexpath, hash))
			hash[0] = '\0';
		if (!bg_buf_ok(&paths) ||
		    bg_store_set_meta(store, "begrip_version", BG_VERSION) ||
		    bg_store_set_meta(store, "corpus", paths.s) ||
		    meta_num(store, "files", fl.count + bad) ||
		    meta_num(store, "parsed", parsed) ||
		    meta_num(store, "failed", failed + bad) ||
		    meta_num(store, "definitions", bg_defset_count(set)) ||
		    bg_store_set_meta(store, "created", when) ||
		    bg_store_set_meta(store, "lexicon", lexpath) ||
		    bg_store_set_meta(store, "lexicon_hash", hash) ||
		    bg_store_set_meta(store, "complexity_lexicon", cxpath) ||
		    bg_store_set_meta(store, "complexity_lexicon_hash",
				      bg_store_file_hash(cxpath, hash) ? hash : "")) {
			bg_buf_release(&paths);
			fprintf(stderr, "%s: error: %s\n", db, bg_store_error(store));
			goto done;
		}
		bg_buf_release(&paths);
	}

	stage(tty, "references, commit");
	temp_path = NULL;
	if (bg_store_finish(store, &diag) != BG_OK) {
		store = NULL;
		goto diag_out;
	}
	store = NULL;
	if (tty)
		fprintf(stderr, "begrip index: %s: %zu regulations, %zu definitions\n",
			db, parsed, bg_defset_count(set));
	rc = (failed || bad || !ok) ? BG_EXIT_INPUT : BG_EXIT_OK;
	goto done;

diag_out:
	bg_diag_print(&diag, stderr);
done:
	temp_path = NULL;
	bg_store_abort(store);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	bg_diag_clear(&diag);
	if (c.cx)
		for (size_t i = 0; i < fl.count; i++)
			bg_cx_doc_free(c.cx[i]);
	bg_store_order_free(c.order);
	free(c.cx);
	free(c.oom);
	if (dbatch.diags)
		bg_batch_release(&dbatch);
	bg_defset_free(set);
	bg_cmp_phrases_free(phrases);
	bg_norm_free(nm);
	bg_cx_rules_free(rules);
	bg_lexicon_free(lex);
	bg_filelist_release(&fl);
	return rc;
}
