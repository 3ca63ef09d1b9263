/*
 * main.c -- the `begrip` command: dispatches to a subcommand.  Every
 * subcommand parses its own options (cli_*.c) and calls the library.
 */
#include "cli.h"

#include <string.h>

#include <libxml/parser.h>

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "stats", bg_cmd_stats, "what the reader finds: regulations, articles, references, words" },
	{ "tree", bg_cmd_tree, "the document tree of one file, one line per node" },
	{ "defs", bg_cmd_defs, "every definition: term, concept, kind, scope, where it points" },
	{ "complexity", bg_cmd_complexity, "complexity per law, article, definition; stacking of conditions; history" },
	{ "compare", bg_cmd_compare, "one concept across laws: variants, divergence, what differs" },
	{ "index", bg_cmd_index, "build the SQLite index of the corpus (begrip-index.sqlite) for begrip check" },
	{ "check", bg_cmd_check, "check a bill or draft against the index: definitions, undefined concepts, stacking, delta" },
	{ "candidates", bg_cmd_candidates, "ranked simplification candidates (harmonise, refer-instead, stacking, broken references, ...)" },
	{ "report", bg_cmd_report, "the batch report of a corpus in one directory: HTML, CSV, JSON, SQLite, SKOS, summary" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: begrip COMMAND [OPTIONS] [PATH...]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nPATH is a BWB XML file or a directory (read recursively, *.xml);\n"
		     "without PATH the corpus path is used: --corpus DIR, else $BEGRIP_CORPUS, else corpora/\n"
		     "(a corpus root with bwb/ means bwb/ and bwb-extra/).\n"
		     "Exit codes: 0 all inputs read, 1 an input failed, 2 usage error.\n");
}

int main(int argc, char **argv)
{
	int rc;

	if (argc < 2) {
		usage(stderr);
		return BG_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return BG_EXIT_OK;
	}
	xmlInitParser();
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (!strcmp(argv[1], commands[i].name)) {
			rc = commands[i].run(argc - 1, argv + 1);
			xmlCleanupParser();
			return rc;
		}
	}
	fprintf(stderr, "begrip: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return BG_EXIT_USAGE;
}
