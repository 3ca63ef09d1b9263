/*
 * cli_compare.c -- `begrip compare`: one concept across the laws of the
 * corpus (variants, divergence matrix, concept index, explained pairs), or
 * one law in two versions (--versions).
 *
 * From records to definitions: the records of a concept (bg_defs_collect)
 * that sit in one article of one regulation form one definition (lid 1
 * own, lid 2 extending, lid 3 excluding are one meaning).  A definition made
 * only of references / inherited records with one root takes the root's
 * meaning and wording; one with a modifying clause starts from its root
 * but is a meaning of its own; anything else is the regulation's own
 * wording.  By default each BWB id counts once, in its latest version
 * (the corpus holds several versions of some laws); --all-versions keeps
 * every file.
 */
#include "cli.h"
#include "compare.h"
#include "concept_defs.h"
#include "defs.h"
#include "../reports/compare_report.h"
#include "../reports/emit.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"begrip compare CONCEPT [--laws ID,...] [--format text|json|csv|html] [--output FILE]\n"
	"                       [--pairs N] [--closest] [--all-versions] [--lexicon FILE] [--phrases FILE]\n"
	"                       [--jobs N] [--corpus DIR] [PATH...]\n"
	"       begrip compare --versions [--concept C] [--format text|json] FILE_A FILE_B";

static bool law_listed(const char *laws, const char *id)
{
	size_t n = strlen(id);

	if (!laws)
		return true;
	for (const char *p = laws; *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !memcmp(p, id, n))
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

static int load_tools(const char *lexpath, const char *phpath, bg_lexicon **lex,
		      bg_norm **nm, bg_cmp_phrases **ph)
{
	bg_diag d = { 0 };

	if (bg_lexicon_load(lexpath, lex, &d) != BG_OK) {
		bg_diag_print(&d, stderr);
		bg_diag_clear(&d);
		return BG_EXIT_INPUT;
	}
	if (!(*nm = bg_norm_new())) {
		fprintf(stderr, "begrip compare: error: cannot start the normaliser (ICU, libstemmer)\n");
		return BG_EXIT_INPUT;
	}
	if (bg_cmp_phrases_load(phpath, *nm, ph, &d) != BG_OK) {
		bg_diag_print(&d, stderr);
		bg_diag_clear(&d);
		return BG_EXIT_INPUT;
	}
	return BG_EXIT_OK;
}

static int run_concept(const bg_defset *set, const bg_lexicon *lex, const char *concept, const char *laws,
		       bool all_versions, bg_norm *nm, const bg_cmp_phrases *ph,
		       unsigned jobs, const char *format, const char *output, size_t max_pairs,
		       bool closest)
{
	struct bg_cdgroups g = { 0 };
	bool *latest = bg_cd_latest_versions(set, all_versions);
	struct bg_cdbuild b = { set, lex, latest, all_versions, bg_arena_new(), false };
	bg_cmp_def *defs = NULL;
	size_t nd = 0;
	bg_cmp cmp;
	bg_cmp_report rep = { concept, &cmp, max_pairs, closest };
	bg_out out;
	int rc = BG_EXIT_OK;

	memset(&cmp, 0, sizeof cmp);
	if (!b.arena || !latest)
		goto nomem;
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		const bg_def *d = bg_defset_get(set, i);
		struct bg_cdgroup *gr;
		if (strcmp(d->concept, concept) || !latest[d->doc_index] ||
		    !law_listed(laws, d->bwb_id))
			continue;
		if (!(gr = bg_cdgroup_get(&g, d->doc_index, d->article, NULL)) || !bg_cdgroup_add(gr, i))
			goto nomem;
	}
	defs = calloc(g.n + 1, sizeof *defs);
	if (!defs)
		goto nomem;
	for (size_t i = 0; i < g.n; i++)
		bg_cdbuild_def(&b, &g.v[i], &defs[nd++]);
	if (b.nomem || bg_cmp_run(nm, ph, defs, nd, jobs, &cmp) != BG_OK)
		goto nomem;
	if (bg_out_open(&out, output)) {
		rc = BG_EXIT_INPUT;
		goto done;
	}
	if (!strcmp(format, "json"))
		bg_compare_write_json(out.fp, &rep);
	else if (!strcmp(format, "csv"))
		bg_compare_write_csv(out.fp, &rep);
	else if (!strcmp(format, "html"))
		bg_compare_write_html(out.fp, &rep);
	else
		bg_compare_write_text(out.fp, &rep);
	if (bg_out_close(&out, !ferror(out.fp)))
		rc = BG_EXIT_INPUT;
	goto done;
nomem:
	fprintf(stderr, "begrip compare: error: out of memory\n");
	rc = BG_EXIT_INPUT;
done:
	if (cmp.defs)
		bg_cmp_release(&cmp);
	else
		for (size_t i = 0; i < nd; i++)
			bg_cmp_def_release(&defs[i]);
	free(defs);
	free(latest);
	bg_cdgroups_release(&g);
	bg_arena_free(b.arena);
	return rc;
}

/* Versions: the regulation of file A against that of file B, term by term. */
static int run_versions(const bg_defset *set, const bg_lexicon *lex, const char *fa, const char *fb,
			const char *concept, bg_norm *nm, const bg_cmp_phrases *ph,
			const char *format, const char *output)
{
	struct bg_cdgroups g[2] = { { 0 }, { 0 } };
	struct bg_cdbuild b = { set, lex, NULL, false, bg_arena_new(), false };
	size_t la = SIZE_MAX, lb = SIZE_MAX, nlaws = bg_defset_law_count(set);
	bg_cmp_def *defs[2] = { NULL, NULL };
	bg_version_entry *ent = NULL;
	size_t ne = 0;
	bool *used = NULL;
	bg_version_report rep;
	bg_out out;
	int rc = BG_EXIT_OK;

	for (size_t i = 0; i < nlaws; i++) {
		const bg_deflaw *l = bg_defset_law(set, i);
		if (!strcmp(l->file, fa) && la == SIZE_MAX)
			la = i;
		else if (!strcmp(l->file, fb) && lb == SIZE_MAX)
			lb = i;
	}
	if (la == SIZE_MAX || lb == SIZE_MAX) {
		fprintf(stderr, "begrip compare: error: --versions needs two readable regulations\n");
		bg_arena_free(b.arena);
		return BG_EXIT_INPUT;
	}
	if (!b.arena)
		goto nomem;
	for (size_t i = 0; i < bg_defset_count(set); i++) {
		const bg_def *d = bg_defset_get(set, i);
		int side = d->doc_index == la ? 0 : d->doc_index == lb ? 1 : -1;
		struct bg_cdgroup *gr;
		if (side < 0 || (concept && strcmp(d->concept, concept)) || !d->term_key[0])
			continue;
		if (!(gr = bg_cdgroup_get(&g[side], d->doc_index, d->article, d->term_key)) ||
		    !bg_cdgroup_add(gr, i))
			goto nomem;
	}
	for (int s = 0; s < 2; s++) {
		if (!(defs[s] = calloc(g[s].n + 1, sizeof *defs[s])))
			goto nomem;
		for (size_t i = 0; i < g[s].n; i++) {
			bg_cdbuild_def(&b, &g[s].v[i], &defs[s][i]);
			if (bg_cmp_prepare(nm, ph, &defs[s][i]) != BG_OK)
				goto nomem;
		}
	}
	ent = calloc(g[0].n + g[1].n + 1, sizeof *ent);
	used = calloc(g[1].n + 1, sizeof *used);
	if (!ent || !used || b.nomem)
		goto nomem;
	/* match the k-th group of a term in A with the k-th in B */
	for (size_t i = 0; i < g[0].n; i++) {
		size_t ord = 0, j, seen = 0;
		for (size_t p = 0; p < i; p++)
			ord += !strcmp(g[0].v[p].term_key, g[0].v[i].term_key);
		for (j = 0; j < g[1].n; j++)
			if (!strcmp(g[1].v[j].term_key, g[0].v[i].term_key) && seen++ == ord)
				break;
		ent[ne].term = bg_defset_get(set, g[0].v[i].recs[0])->term;
		ent[ne].a = &defs[0][i];
		if (j < g[1].n) {
			used[j] = true;
			ent[ne].b = &defs[1][j];
			ent[ne].score = bg_cmp_score2(ent[ne].a, ent[ne].b, &ent[ne].root,
						      &ent[ne].comp, &ent[ne].tok);
			if (!strcmp(ent[ne].a->norm, ent[ne].b->norm) &&
			    !strcmp(ent[ne].a->origin, ent[ne].b->origin))
				ent[ne].score = 0.0;
		}
		ne++;
	}
	for (size_t j = 0; j < g[1].n; j++)
		if (!used[j]) {
			ent[ne].term = bg_defset_get(set, g[1].v[j].recs[0])->term;
			ent[ne++].b = &defs[1][j];
		}
	{
		const bg_deflaw *A = bg_defset_law(set, la), *B = bg_defset_law(set, lb);
		rep = (bg_version_report){ fa, fb, A->bwb_id,
					   A->short_title[0] ? A->short_title : A->title, A->date,
					   B->date, concept ? concept : "", ent, ne };
	}
	if (bg_out_open(&out, output)) {
		rc = BG_EXIT_INPUT;
		goto done;
	}
	if (!strcmp(format, "json"))
		bg_versions_write_json(out.fp, &rep);
	else
		bg_versions_write_text(out.fp, &rep);
	if (bg_out_close(&out, !ferror(out.fp)))
		rc = BG_EXIT_INPUT;
	goto done;
nomem:
	fprintf(stderr, "begrip compare: error: out of memory\n");
	rc = BG_EXIT_INPUT;
done:
	for (int s = 0; s < 2; s++) {
		for (size_t i = 0; defs[s] && i < g[s].n; i++)
			bg_cmp_def_release(&defs[s][i]);
		free(defs[s]);
		bg_cdgroups_release(&g[s]);
	}
	free(ent);
	free(used);
	bg_arena_free(b.arena);
	return rc;
}

int bg_cmd_compare(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "laws", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "pairs", required_argument, NULL, 'p' },
		{ "all-versions", no_argument, NULL, 'a' },
		{ "closest", no_argument, NULL, 'n' },
		{ "versions", no_argument, NULL, 'V' },
		{ "concept", required_argument, NULL, 'c' },
		{ "lexicon", required_argument, NULL, 'L' },
		{ "phrases", required_argument, NULL, 'P' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *corpus = NULL, *laws = NULL, *output = NULL;
	const char *concept = NULL, *lexpath = bg_lexicon_default_path();
	const char *phpath = bg_cmp_phrases_default_path();
	bool all_versions = false, versions = false, closest = false;
	long max_pairs = -1;
	unsigned jobs = bg_default_jobs();
	bg_filelist fl = { 0 };
	bg_batch batch = { 0 };
	bg_lexicon *lex = NULL;
	bg_norm *nm = NULL;
	bg_cmp_phrases *ph = NULL;
	bg_defset *set = NULL;
	size_t bad;
	int opt, rc;
	char *end;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "l:f:o:p:anVc:L:P:j:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'l': laws = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'p':
			max_pairs = strtol(optarg, &end, 10);
			if (*end || max_pairs < 0)
				return bg_cli_usage_error("compare", usage, "--pairs wants a number (0 = all)");
			break;
		case 'a': all_versions = true; break;
		case 'n': closest = true; break;
		case 'V': versions = true; break;
		case 'c': concept = optarg; break;
		case 'L': lexpath = optarg; break;
		case 'P': phpath = optarg; break;
		case 'j':
			if (!(jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("compare", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("compare", usage, "unknown option");
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv") &&
	    strcmp(format, "html"))
		return bg_cli_usage_error("compare", usage, "--format is text, json, csv or html");
	if (versions) {
		if (argc - optind != 2)
			return bg_cli_usage_error("compare", usage, "--versions wants two files");
		if (strcmp(format, "text") && strcmp(format, "json"))
			return bg_cli_usage_error("compare", usage, "--versions writes text or json");
	} else {
		if (optind >= argc)
			return bg_cli_usage_error("compare", usage, "which concept?");
		concept = argv[optind++];
	}
	if (max_pairs < 0)
		max_pairs = !strcmp(format, "json") || !strcmp(format, "csv") ? 0 :
			    !strcmp(format, "html") ? 30 : 10;

	if ((rc = load_tools(lexpath, phpath, &lex, &nm, &ph)) != BG_EXIT_OK)
		goto out;
	if (concept && bg_lexicon_find(lex, concept) < 0) {
		rc = bg_cli_usage_error("compare", usage, "unknown concept (see the lexicon)");
		goto out;
	}
	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	if (bg_defs_collect(&fl, jobs, lex, &set, &batch) != BG_OK) {
		fprintf(stderr, "begrip compare: error: out of memory\n");
		rc = BG_EXIT_INPUT;
		goto out;
	}
	bg_batch_print_errors(&batch, stderr);
	if (versions)
		rc = run_versions(set, lex, argv[optind], argv[optind + 1], concept, nm, ph, format,
				  output);
	else
		rc = run_concept(set, lex, concept, laws, all_versions, nm, ph, jobs, format, output,
				 (size_t)max_pairs, closest);
	if (rc == BG_EXIT_OK && (batch.failed || bad))
		rc = BG_EXIT_INPUT;
out:
	bg_defset_free(set);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	bg_cmp_phrases_free(ph);
	bg_norm_free(nm);
	bg_lexicon_free(lex);
	return rc;
}
