/*
 * cli_check.c -- `begrip check`: the drafter's check of one or more bills
 * against the index (draftcheck.h), printed as text, JSON, Markdown or HTML.
 *
 * Exit codes: 0 the check ran on every bill (findings do not change it);
 * 1 a bill (or the index) could not be read -- one error line each, the
 * other bills are still checked; 2 usage error; 3 the check ran and found
 * a kind of finding named by --fail-on.
 *
 * --against PATH builds a temporary index of PATH (files or directories)
 * with `begrip index` itself (bg_cmd_index) instead of opening --db.
 */
#include "draftcheck.h"
#include "cli.h"
#include "../reports/check_report.h"
#include "../reports/emit.h"

#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define EXIT_FINDINGS 3

static const char usage[] =
	"begrip check [--db FILE | --against PATH...] [--format text|json|md|html]\n"
	"             [--fail-on KIND[,KIND]] [--lexicon FILE] [--output FILE] BILL...\n"
	"  KIND: divergent-definition, refer-instead, undefined-use, stacking-above-p90,\n"
	"        changed-definition, dangling-reference, any";

enum fmt { F_TEXT, F_JSON, F_MD, F_HTML };

/* The temporary index of --against, removed when a signal ends the run
 * (`begrip check ... | head` ends it with SIGPIPE). */
static const char *volatile temp_db;

static void on_signal(int sig)
{
	if (temp_db)
		unlink(temp_db);
	signal(sig, SIG_DFL);
	raise(sig);
}

#define HUGE_PAGE ((uintptr_t)2 << 20)
#define HEAP_PAD ((size_t)16 << 20)

/*
 * A check is a short process that touches a few MiB of fresh heap, and a
 * page fault costs about 10 us on the virtual machines here (1,200 faults
 * were a third of a draft50 check's CPU time; a 2 MiB huge page costs
 * about as much as ten).  So the heap is grown once by HEAP_PAD, its
 * 2 MiB-aligned part is offered to transparent huge pages, and a spacer
 * that is never touched moves the next allocations up to that part.
 * Where malloc does not take the heap from brk (valgrind, sanitizers),
 * or huge pages are off, nothing changes.  Returns the spacer (free it
 * at the end) or NULL.
 */
static void *heap_in_huge_pages(void)
{
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
	char *volatile big = malloc(HEAP_PAD);   /* volatile: not optimised away */
	uintptr_t at = (uintptr_t)big, hi = (uintptr_t)sbrk(0), a, b;

	free(big);   /* back to the top of the heap (M_TRIM_THRESHOLD keeps it) */
	a = (at + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	b = hi & ~(HUGE_PAGE - 1);
	/* big came from the top of a brk heap: it ends at hi */
	if (!big || hi < at + HEAP_PAD || hi - at > HEAP_PAD + HUGE_PAGE || b <= a ||
	    madvise((void *)a, b - a, MADV_HUGEPAGE) != 0)
		return NULL;
	/* the next allocation would start where big did */
	return a - at > 4096 ? malloc(a - at - 64) : NULL;
#else
	return NULL;
#endif
}

/* Builds the temporary index of the --against paths with `begrip index`;
 * returns its path (caller unlinks and frees) or NULL. */
static char *build_index(char **paths, size_t n, const char *lexpath)
{
	char tmpl[] = "/tmp/begrip-check-XXXXXX";
	char **av = calloc(n + 8, sizeof *av);
	int fd, ac = 0, rc;
	char *db;

	if (!av)
		return NULL;
	if ((fd = mkstemp(tmpl)) < 0) {
		perror("begrip check: temporary index");
		free(av);
		return NULL;
	}
	close(fd);
	unlink(tmpl);
	db = strdup(tmpl);
	av[ac++] = "index";
	av[ac++] = "--db";
	av[ac++] = db;
	if (lexpath) {
		av[ac++] = "--lexicon";
		av[ac++] = (char *)lexpath;
	}
	for (size_t i = 0; i < n; i++)
		av[ac++] = paths[i];
	rc = db ? bg_cmd_index(ac, av) : BG_EXIT_INPUT;
	free(av);
	optind = 1;
	if (!db || access(db, R_OK) != 0) {
		fprintf(stderr, "begrip check: error: the index of --against could not be built\n");
		free(db);
		return NULL;
	}
	(void)rc;   /* files that failed were reported; the index holds the rest */
	return db;
}

int bg_cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "against", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *lexpath = NULL, *output = NULL, *bad = NULL;
	char **against = NULL, *tmpdb = NULL;
	void *spacer = NULL;
	size_t nagainst = 0;
	unsigned fail_on = 0;
	enum fmt fmt = F_TEXT;
	bg_check_env *env = NULL;
	bg_check_result **res = NULL;
	bg_diag diag = {0};
	bg_out out = {0};
	int opt, rc = BG_EXIT_OK;
	size_t nbills = 0;
	unsigned found = 0;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "d:a:f:F:l:o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd': db = optarg; break;
		case 'a': {
			char **na = realloc(against, (nagainst + 1) * sizeof *na);
			if (!na) {
				free(against);
				fprintf(stderr, "begrip check: error: out of memory\n");
				return BG_EXIT_INPUT;
			}
			against = na;
			against[nagainst++] = optarg;
			break;
		}
		case 'f':
			if (!strcmp(optarg, "text")) fmt = F_TEXT;
			else if (!strcmp(optarg, "json")) fmt = F_JSON;
			else if (!strcmp(optarg, "md")) fmt = F_MD;
			else if (!strcmp(optarg, "html")) fmt = F_HTML;
			else {
				free(against);
				return bg_cli_usage_error("check", usage, "--format is text, json, md or html");
			}
			break;
		case 'F':
			if (!(fail_on = bg_check_kinds_parse(optarg, &bad))) {
				free(against);
				fprintf(stderr, "begrip check: unknown kind of finding '%.*s'\n",
					(int)strcspn(bad ? bad : "", ","), bad ? bad : "");
				return bg_cli_usage_error("check", usage, "--fail-on wants kinds from the list");
			}
			break;
		case 'l': lexpath = optarg; break;
		case 'o': output = optarg; break;
		case 'h': printf("usage: %s\n", usage); free(against); return BG_EXIT_OK;
		default: free(against); return bg_cli_usage_error("check", usage, "unknown option");
		}
	}
	if (optind >= argc) {
		free(against);
		return bg_cli_usage_error("check", usage, "no BILL given");
	}
	if (db && nagainst) {
		free(against);
		return bg_cli_usage_error("check", usage, "--db and --against exclude each other");
	}
	nbills = (size_t)(argc - optind);
	{
		/* the bill list: argv is reused by getopt of the index run */
		char **bills = malloc(nbills * sizeof *bills);
		if (!bills) {
			free(against);
			fprintf(stderr, "begrip check: error: out of memory\n");
			return BG_EXIT_INPUT;
		}
		memcpy(bills, argv + optind, nbills * sizeof *bills);
		if (nagainst && !(db = tmpdb = build_index(against, nagainst, lexpath))) {
			free(bills);
			free(against);
			return BG_EXIT_INPUT;
		}
		if (tmpdb) {
			temp_db = tmpdb;
			signal(SIGINT, on_signal);
			signal(SIGTERM, on_signal);
			signal(SIGHUP, on_signal);
			signal(SIGPIPE, on_signal);
		}
		if (!db)
			db = "begrip-index.sqlite";
#ifdef M_MMAP_THRESHOLD
		/* scoring a draft's definition against a hundred existing ones
		 * allocates and frees a diff matrix of a few hundred KiB per
		 * pair: served by mmap/munmap each time, every page faults in
		 * afresh; kept in the heap, the pages are reused */
		mallopt(M_MMAP_THRESHOLD, 64 << 20);
		mallopt(M_TRIM_THRESHOLD, 128 << 20);
		spacer = heap_in_huge_pages();
#endif
		if (bg_check_env_open(db, lexpath, &env, &diag) != BG_OK) {
			bg_diag_print(&diag, stderr);
			bg_diag_clear(&diag);
			rc = BG_EXIT_INPUT;
			free(bills);
			goto done;
		}
		res = calloc(nbills, sizeof *res);
		if (!res || bg_out_open(&out, output) != 0) {
			free(bills);
			rc = BG_EXIT_INPUT;
			goto done;
		}
		for (size_t i = 0; i < nbills; i++) {
			if (bg_check_run(env, bills[i], &res[i], &diag) != BG_OK) {
				if (diag.status)
					bg_diag_print(&diag, stderr);
				else
					fprintf(stderr, "%s: error: out of memory\n", bills[i]);
				bg_diag_clear(&diag);
				rc = BG_EXIT_INPUT;
				continue;
			}
			found |= res[i]->kinds;
			switch (fmt) {
			case F_TEXT:
				if (i)
					fputc('\n', out.fp);
				bg_check_write_text(out.fp, res[i]);
				break;
			case F_JSON: bg_check_write_json(out.fp, res[i]); break;
			case F_MD: bg_check_write_md(out.fp, res[i]); break;
			case F_HTML: break;
			}
		}
		if (fmt == F_HTML) {
			const bg_check_result **ok = calloc(nbills + 1, sizeof *ok);
			size_t n = 0;
			for (size_t i = 0; i < nbills && ok; i++)
				if (res[i])
					ok[n++] = res[i];
			if (ok)
				bg_check_write_html(out.fp, ok, n);
			free(ok);
		}
		free(bills);
		if (bg_out_close(&out, 1) != 0)
			rc = BG_EXIT_INPUT;
	}
	if (rc == BG_EXIT_OK && (found & fail_on))
		rc = EXIT_FINDINGS;
done:
	if (res)
		for (size_t i = 0; i < nbills; i++)
			bg_check_result_free(res[i]);
	free(res);
	bg_check_env_free(env);
	if (tmpdb) {
		temp_db = NULL;
		unlink(tmpdb);
		free(tmpdb);
	}
	free(against);
	free(spacer);
	return rc;
}
