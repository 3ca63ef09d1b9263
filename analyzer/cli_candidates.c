/*
 * cli_candidates.c -- `begrip candidates`: ranked simplification
 * candidates for the Vereenvoudigingswet / VIM (candidates.h, README
 * "Simplification candidates").
 *
 * The corpus is read once: bg_defs_collect_each extracts the definitions
 * and, on the same worker thread, collects what the candidates need from
 * the text itself (references, articles, stacking, term use) into one
 * bg_cand_facts per file; they go to the context once the set exists.
 */
#include "candidates.h"
#include "cli.h"
#include "compare.h"
#include "../reports/candidates_report.h"
#include "../reports/emit.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"begrip candidates [--top N] [--kind K] [--format text|json|csv|md] [--output FILE]\n"
	"                  [--lexicon FILE] [--phrases FILE] [--complexity-lexicon FILE]\n"
	"                  [--jobs N] [--corpus DIR] [PATH...]\n"
	"  K: harmonise, refer-instead, stacking, broken-reference, unused-definition, undefined-use\n"
	"  --top N: the N best of each kind (default 10, 0 = all)";

struct facts {
	const bg_lexicon *lex;
	const bg_cx_rules *rules;
	bg_cand_facts **v;    /* per file */
	bool *nomem;          /* per file */
};

static void on_doc(size_t i, const bg_doc *doc, const bg_defset *docdefs, bg_norm *nm, void *arg)
{
	struct facts *f = arg;
	if (bg_cand_facts_collect(doc, docdefs, f->lex, f->rules, NULL, nm, &f->v[i]) != BG_OK)
		f->nomem[i] = true;
}

int bg_cmd_candidates(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "top", required_argument, NULL, 't' },
		{ "kind", required_argument, NULL, 'k' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "phrases", required_argument, NULL, 'P' },
		{ "complexity-lexicon", required_argument, NULL, 'X' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *output = NULL, *corpus = NULL;
	const char *lexpath = bg_lexicon_default_path();
	const char *phpath = bg_cmp_phrases_default_path();
	const char *cxpath = bg_cx_default_path();
	bg_cand_opts o = { 10, -1, bg_default_jobs() };
	bg_filelist fl = { 0 };
	bg_batch batch = { 0 };
	bg_lexicon *lex = NULL;
	bg_norm *nm = NULL;
	bg_cmp_phrases *ph = NULL;
	bg_cx_rules *rules = NULL;
	bg_defset *set = NULL;
	bg_cand_ctx *ctx = NULL;
	bg_cand_list list = { 0 };
	struct facts facts = { NULL, NULL, NULL, NULL };
	bg_diag diag = { 0 };
	bg_out out;
	char *end;
	size_t bad;
	int opt, rc = BG_EXIT_OK;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "t:k:f:o:l:P:X:j:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 't': {
			long v = strtol(optarg, &end, 10);
			if (!*optarg || *end || v < 0 || v > 1000000)
				return bg_cli_usage_error("candidates", usage, "--top wants a number (0 = all)");
			o.top = (size_t)v;
			break;
		}
		case 'k':
			if ((o.kind = bg_cand_kind_find(optarg)) < 0)
				return bg_cli_usage_error("candidates", usage, "unknown --kind");
			break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'l': lexpath = optarg; break;
		case 'P': phpath = optarg; break;
		case 'X': cxpath = optarg; break;
		case 'j':
			if (!(o.jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("candidates", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("candidates", usage, "unknown option");
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv") &&
	    strcmp(format, "md"))
		return bg_cli_usage_error("candidates", usage, "--format is text, json, csv or md");

	if (bg_lexicon_load(lexpath, &lex, &diag) != BG_OK)
		goto diag_fail;
	if (!(nm = bg_norm_new())) {
		fprintf(stderr, "begrip candidates: error: cannot start the normaliser (ICU, libstemmer)\n");
		rc = BG_EXIT_INPUT;
		goto done;
	}
	if (bg_cmp_phrases_load(phpath, nm, &ph, &diag) != BG_OK)
		goto diag_fail;
	if (bg_cx_rules_load(cxpath, NULL, &rules, &diag) != BG_OK)
		goto diag_fail;

	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	facts.lex = lex;
	/* the measures only feed the stacking kind */
	facts.rules = o.kind < 0 || o.kind == BG_CAND_STACKING ? rules : NULL;
	facts.v = calloc(fl.count + 1, sizeof *facts.v);
	facts.nomem = calloc(fl.count + 1, sizeof *facts.nomem);
	if (!facts.v || !facts.nomem ||
	    bg_defs_collect_each(&fl, o.jobs, lex, on_doc, &facts, &set, &batch) != BG_OK)
		goto nomem;
	bg_batch_print_errors(&batch, stderr);
	if (batch.failed || bad)
		rc = BG_EXIT_INPUT;
	for (size_t i = 0; i < fl.count; i++)
		if (facts.nomem[i])
			goto nomem;

	/* the facts of the latest version of each regulation */
	if (bg_cand_new(set, lex, rules, ph, &ctx) != BG_OK)
		goto nomem;
	for (size_t i = 0; i < fl.count; i++) {
		bg_cand_add_facts(ctx, facts.v[i]);
		facts.v[i] = NULL;
	}

	if (bg_cand_run(ctx, nm, &o, &list) != BG_OK)
		goto nomem;
	if (bg_out_open(&out, output)) {
		rc = BG_EXIT_INPUT;
		goto done;
	}
	if (!strcmp(format, "json"))
		bg_candidates_write_json(out.fp, &list);
	else if (!strcmp(format, "csv"))
		bg_candidates_write_csv(out.fp, &list);
	else if (!strcmp(format, "md"))
		bg_candidates_write_md(out.fp, &list);
	else
		bg_candidates_write_text(out.fp, &list);
	if (bg_out_close(&out, !ferror(out.fp)))
		rc = BG_EXIT_INPUT;
	goto done;

diag_fail:
	bg_diag_print(&diag, stderr);
	bg_diag_clear(&diag);
	rc = BG_EXIT_INPUT;
	goto done;
nomem:
	fprintf(stderr, "begrip candidates: error: out of memory\n");
	rc = BG_EXIT_INPUT;
done:
	bg_cand_list_release(&list);
	bg_cand_free(ctx);
	if (facts.v)
		for (size_t i = 0; i < fl.count; i++)
			bg_cand_facts_free(facts.v[i]);
	free(facts.v);
	free(facts.nomem);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	bg_defset_free(set);
	bg_cx_rules_free(rules);
	bg_cmp_phrases_free(ph);
	bg_norm_free(nm);
	bg_lexicon_free(lex);
	return rc;
}
