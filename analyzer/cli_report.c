/*
 * cli_report.c -- `begrip report [--out DIR] PATH...`: the batch report of
 * a corpus in one directory (README "The batch report"): index.html (with
 * concepts/ID.html), definitions.csv, complexity.csv, candidates.csv,
 * report.json, begrip.sqlite, concepts.ttl, summary.md.
 *
 * The directory is replaced atomically.  Everything is written into
 * "DIR.tmp.PID" beside DIR (same file system), each file fsynced, then the
 * directory fsynced.  Then:
 *   1. renameat2(DIR.tmp.PID, DIR, RENAME_EXCHANGE) swaps the two names in
 *      one step: DIR is the new report, DIR.tmp.PID the old one;
 *   2. the old one is removed.
 * When DIR does not exist yet, step 1 is a plain rename().  When the file
 * system cannot exchange (EINVAL, ENOSYS), the fallback is rename(DIR,
 * DIR.old.PID), rename(DIR.tmp.PID, DIR), remove DIR.old.PID; a kill
 * between those two renames leaves no DIR but a complete DIR.old.PID,
 * which the next run puts back before it starts.  A run killed at any
 * other moment leaves DIR as it was (the old report) or as the new one,
 * never a mix; the next run removes DIR.tmp.* and DIR.old.* directories of
 * processes that are gone.
 */
#include "cli.h"
#include "report.h"
#include "../reports/emit.h"
#include "../reports/report_render.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"begrip report [--out DIR] [--top N] [--jobs N] [--lexicon FILE] [--corpus DIR] [PATH...]\n"
	"  --out DIR: the report directory (default report), replaced when complete\n"
	"  --top N: the N best simplification candidates of each kind (default 100, 0 = all)";

/* ---------------------------------------------------------- directories */

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static int rm_tree(const char *path)
{
	return nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Splits DIR into its parent and base name (in b, "." when none). */
static void split(const char *dir, bg_buf *parent, bg_buf *base)
{
	const char *slash = strrchr(dir, '/');

	if (slash && slash == dir) {
		bg_buf_adds(parent, "/");
		bg_buf_adds(base, slash + 1);
	} else if (slash) {
		bg_buf_add(parent, dir, (size_t)(slash - dir));
		bg_buf_adds(base, slash + 1);
	} else {
		bg_buf_adds(parent, ".");
		bg_buf_adds(base, dir);
	}
}

/*
 * Leftovers of earlier runs beside DIR: "BASE.tmp.PID" and "BASE.old.PID"
 * of processes that no longer run are removed; an "BASE.old.PID" is first
 * renamed back to DIR when DIR is missing (a run killed between the two
 * renames of the fallback).
 */
static void clean_leftovers(const char *dir)
{
	bg_buf parent = BG_BUF_INIT, base = BG_BUF_INIT, p = BG_BUF_INIT;
	DIR *d;
	struct dirent *e;

	split(dir, &parent, &base);
	if (!bg_buf_ok(&parent) || !bg_buf_ok(&base) || !(d = opendir(parent.s)))
		goto out;
	while ((e = readdir(d))) {
		const char *rest;
		char *end;
		long pid;
		bool old;

		if (strncmp(e->d_name, base.s, base.len) || e->d_name[base.len] != '.')
			continue;
		rest = e->d_name + base.len + 1;
		if (!strncmp(rest, "tmp.", 4))
			old = false;
		else if (!strncmp(rest, "old.", 4))
			old = true;
		else
			continue;
		pid = strtol(rest + 4, &end, 10);
		if (*end || pid <= 0 || (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			continue;   /* not ours, or its process still runs */
		bg_buf_clear(&p);
		bg_buf_addf(&p, "%s/%s", parent.s, e->d_name);
		if (!bg_buf_ok(&p))
			break;
		if (old && !is_dir(dir) && rename(p.s, dir) == 0)
			continue;
		rm_tree(p.s);
	}
	closedir(d);
out:
	bg_buf_release(&parent);
	bg_buf_release(&base);
	bg_buf_release(&p);
}

static int fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Step 1 and 2 of the header comment. */
static int replace_dir(const char *tmp, const char *dir)
{
	bg_buf old = BG_BUF_INIT, parent = BG_BUF_INIT, base = BG_BUF_INIT;
	int rc = -1;

	split(dir, &parent, &base);
	if (!is_dir(dir)) {
		if (rename(tmp, dir) == 0)
			rc = 0;
		goto out;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		/* tmp now holds the old report */
		fsync_path(parent.s);
		rc = rm_tree(tmp) == 0 ? 0 : 1;
		goto out;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
		goto out;
	bg_buf_addf(&old, "%s.old.%ld", dir, (long)getpid());
	if (!bg_buf_ok(&old) || rename(dir, old.s))
		goto out;
	if (rename(tmp, dir)) {
		int e = errno;
		rename(old.s, dir);
		errno = e;
		goto out;
	}
	fsync_path(parent.s);
	rc = rm_tree(old.s) == 0 ? 0 : 1;
out:
	if (rc >= 0)
		fsync_path(parent.s);
	bg_buf_release(&old);
	bg_buf_release(&parent);
	bg_buf_release(&base);
	return rc;
}

/* -------------------------------------------------------------- writing */

typedef void (*writer_fn)(FILE *, const bg_report *);

/* Writes DIR/name with fn; false (message printed) on failure. */
static bool write_file(const char *dir, const char *name, writer_fn fn, const bg_report *r)
{
	bg_buf path = BG_BUF_INIT;
	bg_out out;
	bool ok = false;

	bg_buf_addf(&path, "%s/%s", dir, name);
	if (bg_buf_ok(&path) && !bg_out_open(&out, path.s)) {
		fn(out.fp, r);
		ok = !bg_out_close(&out, !ferror(out.fp));
	}
	if (!bg_buf_ok(&path))
		fprintf(stderr, "begrip report: error: out of memory\n");
	bg_buf_release(&path);
	return ok;
}

static bool write_concepts(const char *dir, const bg_report *r)
{
	bg_buf path = BG_BUF_INIT;
	bool ok = true;

	bg_buf_addf(&path, "%s/concepts", dir);
	if (!bg_buf_ok(&path) || mkdir(path.s, 0777)) {
		fprintf(stderr, "%s: error: %s\n", path.s, strerror(errno));
		bg_buf_release(&path);
		return false;
	}
	for (size_t i = 0; i < r->nconcepts && ok; i++) {
		bg_out out;
		if (!r->concepts[i].ndefs)
			continue;
		bg_buf_clear(&path);
		bg_buf_addf(&path, "%s/concepts/%s.html", dir, r->concepts[i].id);
		ok = bg_buf_ok(&path) && !bg_out_open(&out, path.s);
		if (ok) {
			bg_report_write_concept_html(out.fp, r, i);
			ok = !bg_out_close(&out, !ferror(out.fp));
		}
	}
	bg_buf_release(&path);
	return ok;
}

/* The files of the report directory, largest first (NULL: the concept
 * pages).  The writers only read the report, so `jobs` threads write them
 * at once; each file is fsynced on its own (bg_out_close), and that wait
 * overlaps the others' writing too. */
static const struct { const char *name; writer_fn fn; } files[] = {
	{ "index.html", bg_report_write_html },
	{ "report.json", bg_report_write_json },
	{ "definitions.csv", bg_report_write_definitions_csv },
	{ NULL, NULL },
	{ "complexity.csv", bg_report_write_complexity_csv },
	{ "candidates.csv", bg_report_write_candidates_csv },
	{ "concepts.ttl", bg_report_write_skos },
	{ "summary.md", bg_report_write_summary },
};

struct writing {
	const char *dir;
	const bg_report *r;
	pthread_mutex_t mu;
	size_t next;
	bool ok;
};

static void *write_some(void *arg)
{
	struct writing *w = arg;

	for (;;) {
		size_t i;
		bool ok;
		pthread_mutex_lock(&w->mu);
		i = w->next++;
		pthread_mutex_unlock(&w->mu);
		if (i >= sizeof files / sizeof *files)
			break;
		ok = files[i].fn ? write_file(w->dir, files[i].name, files[i].fn, w->r) :
				   write_concepts(w->dir, w->r);
		if (!ok) {
			pthread_mutex_lock(&w->mu);
			w->ok = false;
			pthread_mutex_unlock(&w->mu);
		}
	}
	return NULL;
}

/* Writes every file into dir; false (messages printed) when one failed. */
static bool write_all(const char *dir, const bg_report *r, unsigned jobs)
{
	struct writing w = { dir, r, PTHREAD_MUTEX_INITIALIZER, 0, true };
	pthread_t th[sizeof files / sizeof *files];
	size_t nth = 0;

	while (nth + 1 < jobs && nth + 1 < sizeof files / sizeof *files &&
	       !pthread_create(&th[nth], NULL, write_some, &w))
		nth++;
	write_some(&w);
	for (size_t i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	pthread_mutex_destroy(&w.mu);
	return w.ok;
}

/* ------------------------------------------------------------- progress */

struct progress {
	bool tty;
	struct timespec t0;
};

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void stage(const char *msg, void *ctx)
{
	struct progress *p = ctx;
	if (p->tty)
		fprintf(stderr, "\rbegrip report: %6.2fs %-50s\n", since(&p->t0), msg);
}

/* Concept ids name files: refuse ids that could leave concepts/. */
static bool safe_ids(const bg_lexicon *lex)
{
	for (size_t i = 0; i < bg_lexicon_count(lex); i++) {
		const char *id = bg_lexicon_id(lex, i);
		if (!id[0] || id[0] == '.' || strchr(id, '/'))
			return false;
	}
	return true;
}

int bg_cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "top", required_argument, NULL, 't' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = "report", *corpus = NULL;
	const char *lexpath = bg_lexicon_default_path();
	const char *cxpath = bg_cx_default_path();
	unsigned jobs = bg_default_jobs();
	size_t top = 100;
	struct progress pr = { isatty(STDERR_FILENO), { 0, 0 } };
	bg_filelist fl = { 0 };
	bg_diag diag = { 0 };
	bg_lexicon *lex = NULL;
	bg_cx_rules *rules = NULL;
	bg_cmp_phrases *phrases = NULL;
	bg_norm *nm = NULL;
	bg_report rep;
	bg_report_tools tools;
	bg_buf tmp = BG_BUF_INIT, label = BG_BUF_INIT, db = BG_BUF_INIT;
	size_t bad;
	int opt, rc = BG_EXIT_INPUT;
	char *dirbuf = NULL;
	bool tmp_made = false;

	memset(&rep, 0, sizeof rep);
	clock_gettime(CLOCK_MONOTONIC, &pr.t0);
	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:t:j:l:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': dir = optarg; break;
		case 't': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || !optarg[0] || v < 0)
				return bg_cli_usage_error("report", usage, "--top wants a number (0 = all)");
			top = (size_t)v;
			break;
		}
		case 'j':
			if (!(jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("report", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'l': lexpath = optarg; break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("report", usage, "unknown option");
		}
	}
	/* "report/" is "report": the name is renamed, not its contents */
	{
		size_t n = strlen(dir);
		while (n > 1 && dir[n - 1] == '/')
			n--;
		bg_buf_add(&label, dir, n);
		if (!n || !strcmp(label.s, ".") || !strcmp(label.s, "..") || !strcmp(label.s, "/")) {
			bg_buf_release(&label);
			return bg_cli_usage_error("report", usage, "--out wants a directory name");
		}
		if (!(dirbuf = bg_buf_detach(&label))) {
			fprintf(stderr, "begrip report: error: out of memory\n");
			return BG_EXIT_INPUT;
		}
		dir = dirbuf;
	}

	/* every data file first: a bad lexicon must not cost a corpus read */
	if (bg_lexicon_load(lexpath, &lex, &diag) != BG_OK ||
	    bg_cx_rules_load(cxpath, NULL, &rules, &diag) != BG_OK)
		goto diag_out;
	if (!safe_ids(lex)) {
		fprintf(stderr, "%s: error: a concept id is empty, starts with '.' or holds '/'\n",
			lexpath);
		goto done;
	}
	if (!(nm = bg_norm_new())) {
		fprintf(stderr, "begrip report: error: cannot start the normaliser (ICU, libstemmer)\n");
		goto done;
	}
	if (bg_cmp_phrases_load(bg_cmp_phrases_default_path(), nm, &phrases, &diag) != BG_OK)
		goto diag_out;

	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	if (optind < argc)
		for (int i = optind; i < argc; i++)
			bg_buf_addf(&label, "%s%s", i > optind ? " " : "", argv[i]);
	else
		bg_buf_adds(&label, corpus ? corpus : bg_default_corpus());

	clean_leftovers(dir);
	bg_buf_addf(&tmp, "%s.tmp.%ld", dir, (long)getpid());
	bg_buf_addf(&db, "%s/begrip.sqlite", tmp.s);
	if (!bg_buf_ok(&tmp) || !bg_buf_ok(&db) || !bg_buf_ok(&label)) {
		fprintf(stderr, "begrip report: error: out of memory\n");
		goto done;
	}
	if (mkdir(tmp.s, 0777)) {
		fprintf(stderr, "%s: error: %s\n", tmp.s, strerror(errno));
		goto done;
	}
	tmp_made = true;

	tools = (bg_report_tools){ lex, lexpath, rules, cxpath, phrases, nm };
	if (bg_report_build(&rep, &fl, jobs, &tools, top, label.s, db.s, pr.tty, stage, &pr,
			    &diag) != BG_OK)
		goto diag_out;
	for (size_t i = 0; i < rep.ncx; i++)
		if (rep.diags[i].status)
			bg_diag_print(&rep.diags[i], stderr);

	stage("writing the report", &pr);
	if (!write_all(tmp.s, &rep, jobs))
		goto done;
	if (bg_report_store_wait(&rep, &diag) != BG_OK)
		goto diag_out;
	if (fsync_path(tmp.s)) {
		fprintf(stderr, "%s: error: %s\n", tmp.s, strerror(errno));
		goto done;
	}
	switch (replace_dir(tmp.s, dir)) {
	case -1:
		fprintf(stderr, "%s: error: cannot move the new report into place: %s\n", dir,
			strerror(errno));
		goto done;
	case 1:
		fprintf(stderr, "%s: warning: the previous report could not be removed\n", dir);
		break;
	}
	tmp_made = false;
	if (pr.tty)
		fprintf(stderr, "begrip report: %6.2fs done\n", since(&pr.t0));
	printf("%s/index.html: %zu regulations read, %zu failed, %zu definitions, %zu candidates\n",
	       dir, rep.parsed, rep.failed + bad, bg_defset_count(rep.set), rep.cands.n);
	rc = (rep.failed || bad) ? BG_EXIT_INPUT : BG_EXIT_OK;
	goto done;

diag_out:
	bg_diag_print(&diag, stderr);
done:
	if (tmp_made)
		rm_tree(tmp.s);
	bg_report_release(&rep);
	bg_diag_clear(&diag);
	bg_cmp_phrases_free(phrases);
	bg_norm_free(nm);
	bg_cx_rules_free(rules);
	bg_lexicon_free(lex);
	bg_filelist_release(&fl);
	bg_buf_release(&tmp);
	bg_buf_release(&db);
	bg_buf_release(&label);
	free(dirbuf);
	return rc;
}
