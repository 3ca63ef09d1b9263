/*
 * corpus.c -- expanding PATH arguments into a sorted file list and running
 * a function over the files on several threads.
 *
 * Work is handed out one file at a time from an atomic counter, so a few
 * large laws do not leave a core idle.  Each call writes only to its own
 * result slot, so the order of the output never depends on the schedule.
 * libxml2 is initialised once in the main thread (xmlInitParser) before any
 * worker starts, which its thread-safety rules require.
 */
#include "bg.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

const char *bg_default_corpus(void)
{
	const char *e = getenv("BEGRIP_CORPUS");

	return e && e[0] ? e : "corpora";
}

unsigned bg_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > BG_MAX_JOBS ? BG_MAX_JOBS : (unsigned)n;
}

static bool fl_push(bg_filelist *fl, const char *path)
{
	char *p;

	if (fl->count == fl->alloc) {
		size_t n = fl->alloc ? fl->alloc * 2 : 256;
		char **a = realloc(fl->paths, n * sizeof *a);
		if (!a)
			return false;
		fl->paths = a;
		fl->alloc = n;
	}
	p = strdup(path);
	if (!p)
		return false;
	fl->paths[fl->count++] = p;
	return true;
}

static bool has_xml_ext(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".xml");
}

static size_t walk(bg_filelist *fl, const char *dir, int depth)
{
	DIR *d;
	struct dirent *e;
	size_t bad = 0;

	if (depth > 32)
		return 0;
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: error: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		bg_buf p = BG_BUF_INIT;
		struct stat sb;

		if (e->d_name[0] == '.')
			continue;
#ifdef DT_REG
		/* the type from the directory itself saves a stat per file;
		 * links and filesystems that do not say are stat()ed */
		if (e->d_type == DT_REG && !has_xml_ext(e->d_name))
			continue;
#endif
		bg_buf_adds(&p, dir);
		bg_buf_addc(&p, '/');
		bg_buf_adds(&p, e->d_name);
		if (!bg_buf_ok(&p)) {
			bg_buf_release(&p);
			continue;
		}
#ifdef DT_REG
		if (e->d_type == DT_REG) {
			fl_push(fl, p.s);
			bg_buf_release(&p);
			continue;
		}
#endif
		if (stat(p.s, &sb)) {
			bg_buf_release(&p);
			continue;
		}
		if (S_ISDIR(sb.st_mode))
			bad += walk(fl, p.s, depth + 1);
		else if (S_ISREG(sb.st_mode) && has_xml_ext(e->d_name))
			fl_push(fl, p.s);
		bg_buf_release(&p);
	}
	closedir(d);
	return bad;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t bg_filelist_expand(bg_filelist *fl, char *const *paths, size_t n)
{
	size_t bad = 0;

	for (size_t i = 0; i < n; i++) {
		struct stat sb;
		size_t start = fl->count;

		if (stat(paths[i], &sb)) {
			fprintf(stderr, "%s: error: %s\n", paths[i], strerror(errno));
			bad++;
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			char *dir = strdup(paths[i]);
			size_t len = dir ? strlen(dir) : 0;
			while (len > 1 && dir[len - 1] == '/')
				dir[--len] = '\0';
			if (dir)
				bad += walk(fl, dir, 0);
			free(dir);
			qsort(fl->paths + start, fl->count - start, sizeof *fl->paths, cmp_path);
		} else {
			fl_push(fl, paths[i]);
		}
	}
	return bad;
}

void bg_filelist_release(bg_filelist *fl)
{
	for (size_t i = 0; i < fl->count; i++)
		free(fl->paths[i]);
	free(fl->paths);
	memset(fl, 0, sizeof *fl);
}

struct mapper {
	const bg_filelist *fl;
	bg_map_fn fn;
	void *ctx;
	atomic_size_t next;
	atomic_size_t done;
	bool progress;
};

static void progress_line(struct mapper *m, size_t done)
{
	/* at most every 1 % and at the end */
	size_t step = m->fl->count / 100 + 1;

	if (m->progress && (done % step == 0 || done == m->fl->count))
		fprintf(stderr, "\rbegrip: %zu/%zu files", done, m->fl->count);
}

static void *worker(void *arg)
{
	struct mapper *m = arg;

	for (;;) {
		size_t i = atomic_fetch_add(&m->next, 1);
		if (i >= m->fl->count)
			break;
		m->fn(i, m->fl->paths[i], m->ctx);
		bg_heap_advise();
		progress_line(m, atomic_fetch_add(&m->done, 1) + 1);
	}
	return NULL;
}

void bg_corpus_map(const bg_filelist *fl, unsigned jobs, bool progress,
		   bg_map_fn fn, void *ctx)
{
	struct mapper m;
	pthread_t tid[BG_MAX_JOBS];
	unsigned started = 0;

	xmlInitParser();
	bg_heap_prepare();   /* the heap of a long run (util.c) */
	m.fl = fl;
	m.fn = fn;
	m.ctx = ctx;
	atomic_init(&m.next, 0);
	atomic_init(&m.done, 0);
	m.progress = progress && isatty(STDERR_FILENO);
	if (jobs < 1)
		jobs = 1;
	if (jobs > BG_MAX_JOBS)
		jobs = BG_MAX_JOBS;
	if (jobs > fl->count)
		jobs = fl->count ? (unsigned)fl->count : 1;
	for (unsigned j = 1; j < jobs; j++)
		if (!pthread_create(&tid[started], NULL, worker, &m))
			started++;
	worker(&m);
	for (unsigned j = 0; j < started; j++)
		pthread_join(tid[j], NULL);
	if (m.progress && fl->count)
		fputc('\n', stderr);
}
