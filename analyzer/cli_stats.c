/*
 * cli_stats.c -- `begrip stats`: what the reader found, in totals and per
 * file, as text or JSON.
 */
#include "cli.h"
#include "stats.h"
#include "../reports/emit.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"begrip stats [--format text|json] [--per-file] [--jobs N] [--corpus DIR] [PATH...]";

struct slot {
	bool ok;
	char *bwb_id, *soort, *title, *date, *dialect;
	bg_counts c;
};

static void stats_one(size_t i, bg_doc *doc, void *ctx)
{
	struct slot *s = &((struct slot *)ctx)[i];

	s->ok = true;
	s->bwb_id = strdup(bg_doc_bwb_id(doc));
	s->soort = strdup(bg_doc_soort(doc));
	s->title = strdup(bg_doc_title(doc));
	s->date = strdup(bg_doc_date(doc));
	s->dialect = strdup(bg_dialect_name(bg_doc_dialect(doc)));
	bg_counts_doc(doc, &s->c);
}

static void json_counts(FILE *o, const bg_counts *c, const char *ind)
{
	fprintf(o, "%s\"regulations\": %zu,\n", ind, c->regulations);
	fprintf(o, "%s\"articles\": %zu,\n", ind, c->articles);
	fprintf(o, "%s\"articles_repealed\": %zu,\n", ind, c->articles_repealed);
	fprintf(o, "%s\"leden\": %zu,\n", ind, c->leden);
	fprintf(o, "%s\"list_items\": %zu,\n", ind, c->list_items);
	fprintf(o, "%s\"definition_lists\": %zu,\n", ind, c->definition_lists);
	fprintf(o, "%s\"definition_items\": %zu,\n", ind, c->definition_items);
	fprintf(o, "%s\"references_internal\": %zu,\n", ind, c->references_internal);
	fprintf(o, "%s\"references_external\": %zu,\n", ind, c->references_external);
	fprintf(o, "%s\"words\": %zu", ind, c->words);
}

static void text_counts(FILE *o, const bg_counts *c)
{
	fprintf(o, "regulations          %zu\n", c->regulations);
	fprintf(o, "articles             %zu (%zu repealed)\n", c->articles, c->articles_repealed);
	fprintf(o, "leden                %zu\n", c->leden);
	fprintf(o, "list items           %zu\n", c->list_items);
	fprintf(o, "definition lists     %zu (%zu items)\n", c->definition_lists, c->definition_items);
	fprintf(o, "references internal  %zu\n", c->references_internal);
	fprintf(o, "references external  %zu\n", c->references_external);
	fprintf(o, "words                %zu\n", c->words);
}

int bg_cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "per-file", no_argument, NULL, 'p' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *corpus = NULL;
	bool per_file = false, json;
	unsigned jobs = bg_default_jobs();
	bg_filelist fl = {0};
	bg_batch batch;
	bg_counts total = {0};
	struct slot *slots;
	size_t bad, parsed = 0;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "f:pj:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f': format = optarg; break;
		case 'p': per_file = true; break;
		case 'j':
			if (!(jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("stats", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("stats", usage, "unknown option");
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return bg_cli_usage_error("stats", usage, "--format is text or json");
	json = !strcmp(format, "json");

	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	slots = calloc(fl.count ? fl.count : 1, sizeof *slots);
	if (!slots || bg_batch_run(&batch, &fl, jobs, NULL, stats_one, slots)) {
		fprintf(stderr, "begrip stats: error: out of memory\n");
		free(slots);
		bg_filelist_release(&fl);
		return BG_EXIT_INPUT;
	}
	bg_batch_print_errors(&batch, stderr);
	for (size_t i = 0; i < fl.count; i++) {
		if (slots[i].ok) {
			parsed++;
			bg_counts_add(&total, &slots[i].c);
		}
	}

	if (json) {
		printf("{\n  \"files\": %zu,\n  \"parsed\": %zu,\n  \"failed\": %zu,\n",
		       fl.count + bad, parsed, batch.failed + bad);
		json_counts(stdout, &total, "  ");
		printf(",\n  \"errors\": [");
		for (size_t i = 0, k = 0; i < fl.count; i++) {
			const bg_diag *d = &batch.diags[i];
			if (!d->status)
				continue;
			printf("%s\n    {\"file\": ", k++ ? "," : "");
			bg_json_str(stdout, d->file);
			printf(", \"line\": %u, \"column\": %u, \"status\": \"%s\", \"message\": ",
			       d->line, d->column, bg_status_name(d->status));
			bg_json_str(stdout, d->message);
			printf("}");
		}
		printf("%s]", batch.failed ? "\n  " : "");
		if (per_file) {
			printf(",\n  \"documents\": [");
			for (size_t i = 0, k = 0; i < fl.count; i++) {
				struct slot *s = &slots[i];
				if (!s->ok)
					continue;
				printf("%s\n    {\n      \"file\": ", k++ ? "," : "");
				bg_json_str(stdout, fl.paths[i]);
				printf(",\n      \"bwb_id\": ");
				bg_json_str(stdout, s->bwb_id);
				printf(",\n      \"soort\": ");
				bg_json_str(stdout, s->soort);
				printf(",\n      \"title\": ");
				bg_json_str(stdout, s->title);
				printf(",\n      \"date\": ");
				bg_json_str(stdout, s->date);
				printf(",\n      \"dialect\": ");
				bg_json_str(stdout, s->dialect);
				printf(",\n");
				json_counts(stdout, &s->c, "      ");
				printf("\n    }");
			}
			printf("%s]", parsed ? "\n  " : "");
		}
		printf("\n}\n");
	} else {
		if (per_file) {
			printf("file\tbwb_id\tsoort\tdate\tarticles\tleden\tlist_items\tdefinition_lists\t"
			       "references_internal\treferences_external\twords\ttitle\n");
			for (size_t i = 0; i < fl.count; i++) {
				struct slot *s = &slots[i];
				if (!s->ok)
					continue;
				printf("%s\t%s\t%s\t%s\t%zu\t%zu\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\n",
				       fl.paths[i], s->bwb_id, s->soort, s->date[0] ? s->date : "-",
				       s->c.articles, s->c.leden, s->c.list_items,
				       s->c.definition_lists, s->c.references_internal,
				       s->c.references_external, s->c.words, s->title);
			}
			printf("\n");
		}
		printf("files                %zu\n", fl.count + bad);
		printf("parsed               %zu\n", parsed);
		printf("failed               %zu\n", batch.failed + bad);
		text_counts(stdout, &total);
	}
	rc = (batch.failed || bad) ? BG_EXIT_INPUT : BG_EXIT_OK;
	for (size_t i = 0; i < fl.count; i++) {
		free(slots[i].bwb_id);
		free(slots[i].soort);
		free(slots[i].title);
		free(slots[i].date);
		free(slots[i].dialect);
	}
	free(slots);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	if (fflush(stdout))
		rc = BG_EXIT_INPUT;
	return rc;
}
