/*
 * summary_md.c -- summary.md: a short text an analyst can paste into a
 * memo.  The corpus in one sentence, each concept in one line (how many
 * laws define it, in how many variants, how far they diverge, the closest
 * pair), the five most complex regulations and the strongest candidates.
 * Titles come from the laws: the characters that make inline Markdown
 * (\ ` * _ [ ] < > |) are escaped with a backslash so that nothing in a
 * title turns into emphasis, a link, HTML or a table; the rest is left
 * alone so that the text still reads well when pasted as plain text.
 */
#include "report_render.h"
#include "compare_report.h"

#include <string.h>

static void md(FILE *o, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|", *s))
			fputc('\\', o);
		fputc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, o);
	}
}

static void concept_line(FILE *o, const bg_report_concept *c)
{
	const bg_cmp *m = &c->cmp;
	const bg_cmp_pair *best = NULL;

	fputs("- **", o);
	md(o, c->label);
	fputs("**: ", o);
	if (!c->ndefs) {
		fprintf(o, "no definition in the latest versions (%zu records in all versions).\n",
			c->nrecords);
		return;
	}
	fprintf(o, "%zu definition%s in %zu law%s, %zu variant%s; mean divergence %.2f",
		c->ndefs, c->ndefs == 1 ? "" : "s", m->nlaws, m->nlaws == 1 ? "" : "s", m->nvar,
		m->nvar == 1 ? "" : "s", m->mean_divergence);
	for (size_t p = 0; p < m->npairs; p++)
		if (!best || m->pairs[p].score < best->score)
			best = &m->pairs[p];
	if (best) {
		bg_buf a = BG_BUF_INIT, b = BG_BUF_INIT;
		bg_compare_side_name(m, best->va, &a);
		bg_compare_side_name(m, best->vb, &b);
		fputs("; closest variants: ", o);
		md(o, a.s);
		fputs(" and ", o);
		md(o, b.s);
		fprintf(o, " (%.2f)", best->score);
		bg_buf_release(&a);
		bg_buf_release(&b);
	}
	fputs(".\n", o);
}

void bg_report_write_summary(FILE *o, const bg_report *r)
{
	size_t nd = bg_defset_count(r->set), own = 0, ref = 0;

	for (size_t i = 0; i < nd; i++) {
		bg_def_kind k = bg_defset_get(r->set, i)->kind;
		own += k == BG_DEF_OWN;
		ref += k == BG_DEF_REFERENCE || k == BG_DEF_MODIFIED_REFERENCE ||
		       k == BG_DEF_INHERITED;
	}
	fputs("# Definitions and complexity: summary\n\n", o);
	fprintf(o, "begrip read %zu of %zu files (", r->parsed, r->files);
	md(o, r->corpus);
	fprintf(o, ", %s) and found %zu definitions: %zu in the law's own words, %zu "
		   "pointing to another provision.\n\n", r->created, nd, own, ref);
	fputs("## Concepts\n\n", o);
	for (size_t i = 0; i < r->nconcepts; i++)
		concept_line(o, &r->concepts[i]);
	fprintf(o, "\nDivergence runs from 0 (same meaning) to 1 (nothing shared); variants closer "
		   "than %.2f are listed as harmonisation pairs in index.html and concepts.ttl.\n\n",
		BG_REPORT_CLOSE);
	fputs("## Most complex regulations\n\n", o);
	for (size_t i = 0; i < r->nranked && i < 5; i++) {
		const bg_cx_doc *x = r->ranked[i];
		fprintf(o, "%zu. ", x->rank);
		md(o, x->title && x->title[0] ? x->title : x->bwb_id);
		fprintf(o, " (%s): composite %.3f, %u words, %u conditions, highest stacking %.1f\n",
			x->bwb_id, x->composite, x->total.words, x->total.conditions, x->stacking_max);
	}
	fputs("\n## Simplification candidates\n\n", o);
	if (!r->candidates_done) {
		fputs("Not part of this report: this build of begrip has no candidates stage.\n", o);
	} else if (!r->cands.n) {
		fputs("None found.\n", o);
	} else {
		for (size_t i = 0; i < r->cands.n && i < 5; i++) {
			const bg_cand *c = &r->cands.v[i];
			fprintf(o, "- %.2f %s", c->score, bg_cand_kind_name(c->kind));
			if (c->subject && c->subject[0]) {
				fputs(" (", o);
				md(o, c->subject);
				fputc(')', o);
			}
			fputs(": ", o);
			md(o, c->rationale ? c->rationale : "");
			fputc('\n', o);
		}
		fprintf(o, "\n%zu candidates in all: candidates.csv.\n", r->cands.n);
	}
	fputs("\nDetails: index.html (open it in a browser), the CSV files, report.json, "
	      "begrip.sqlite and concepts.ttl beside this file.\n", o);
}
