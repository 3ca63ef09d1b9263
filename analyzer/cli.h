/*
 * cli.h -- what the subcommands share: their entry points, input expansion
 * with the corpus path default, and reading many documents in parallel.
 *
 * Exit codes of every subcommand: 0 all inputs read, 1 some input failed
 * (the rest is still reported), 2 usage error.
 */
#ifndef BG_CLI_H
#define BG_CLI_H

#include "bg.h"

#define BG_EXIT_OK 0
#define BG_EXIT_INPUT 1
#define BG_EXIT_USAGE 2

int bg_cmd_stats(int argc, char **argv);
int bg_cmd_tree(int argc, char **argv);
int bg_cmd_defs(int argc, char **argv);
int bg_cmd_complexity(int argc, char **argv);
int bg_cmd_compare(int argc, char **argv);
int bg_cmd_index(int argc, char **argv);
int bg_cmd_check(int argc, char **argv);
int bg_cmd_candidates(int argc, char **argv);
int bg_cmd_report(int argc, char **argv);

/* Prints "begrip CMD: MESSAGE" and the usage hint; returns BG_EXIT_USAGE. */
int bg_cli_usage_error(const char *cmd, const char *usage, const char *msg);

/* Parses a --jobs value (1..BG_MAX_JOBS); returns 0 when invalid. */
unsigned bg_cli_jobs(const char *s);

/* Expands argv[first..argc) into fl; with no PATH, the corpus path
 * (--corpus, else $BEGRIP_CORPUS, else "corpora"): its bwb/ and
 * bwb-extra/ folders when it has a bwb/ folder, else the directory.  Returns the number of
 * arguments that could not be read. */
size_t bg_cli_inputs(int argc, char **argv, int first, const char *corpus,
		     bg_filelist *fl);

/*
 * Reads every file of fl on `jobs` threads and calls `fn` on each
 * document that parsed (in its worker thread; the document is freed after
 * fn returns).  Failures are stored; after the run they are printed to
 * stderr in file order as "FILE:LINE:COL: error: MESSAGE".
 */
typedef void (*bg_doc_fn)(size_t index, bg_doc *doc, void *ctx);
typedef struct bg_batch {
	bg_diag *diags;    /* one per file; status != 0 for failures */
	size_t count;
	size_t failed;
} bg_batch;

int bg_batch_run(bg_batch *b, const bg_filelist *fl, unsigned jobs,
		 const bg_read_opts *opts, bg_doc_fn fn, void *ctx);
void bg_batch_print_errors(const bg_batch *b, FILE *out);
void bg_batch_release(bg_batch *b);

#endif
