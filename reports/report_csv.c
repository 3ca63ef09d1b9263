/*
 * report_csv.c -- the CSV files of the batch report: RFC 4180 (quoted
 * when needed, CRLF line ends), UTF-8, a header row; every text cell
 * passes through bg_csv_cell (emit.h), which also neutralises cells
 * starting with = + - @ so that a spreadsheet does not run law text as a
 * formula.
 *   definitions.csv  the columns of `begrip defs --format csv`, one row per record;
 *   complexity.csv   one row per regulation file read (every version):
 *                    the ranked latest versions by rank, then the others
 *                    in file order with an empty rank;
 *   candidates.csv   one row per simplification candidate, best first.
 */
#include "report_render.h"
#include "emit.h"

#include <string.h>

void bg_report_write_definitions_csv(FILE *o, const bg_report *r)
{
	bg_def_write_csv_header(o);
	for (size_t i = 0; i < bg_defset_count(r->set); i++)
		bg_def_write_csv(o, bg_defset_get(r->set, i));
}

static const char cx_header[] =
	"file,bwb_id,title,date,soort,rank,composite,"
	"pct_elements,pct_depth_mean,pct_words,pct_entropy,pct_citations_in,pct_citations_out,"
	"containers,articles,below_article,depth_mean,depth_sd,tokens_per_article,"
	"entropy,vocabulary,citations_in,citations_out,citations_internal,"
	"words,sentences,conditions,exceptions,delegations,items_and,items_or,lists,"
	"refs_internal,refs_external,stacking_total,stacking_max,flesch_douma,"
	"long_elements,duplicated_ratio\r\n";

static void cx_row(FILE *o, const bg_cx_doc *x)
{
	const char *text[] = { x->path, x->bwb_id, x->title, x->date, x->soort };

	for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
		if (i)
			fputc(',', o);
		bg_csv_cell(o, text[i] ? text[i] : "");
	}
	if (x->rank)
		fprintf(o, ",%zu", x->rank);
	else
		fputc(',', o);
	fprintf(o, ",%.4f", x->composite);
	for (size_t i = 0; i < 6; i++)
		fprintf(o, ",%.4f", x->pct[i]);
	fprintf(o, ",%zu,%zu,%zu,%.4f,%.4f,%.2f,%.4f,%zu,%zu,%zu,%zu",
		x->above, x->at, x->below, x->depth_mean, x->depth_sd, x->tokens_per_article,
		x->entropy, x->vocabulary, x->cit_in, x->cit_out, x->cit_internal);
	fprintf(o, ",%u,%u,%u,%u,%u,%u,%u,%u,%u,%u",
		x->total.words, x->total.sentences, x->total.conditions, x->total.exceptions,
		x->total.delegations, x->total.items_and, x->total.items_or, x->total.lists,
		x->total.refs_internal, x->total.refs_external);
	fprintf(o, ",%.2f,%.2f,%.2f,%zu,%.4f\r\n", x->stacking_total, x->stacking_max,
		x->flesch, x->long_elements, x->dup_ratio);
}

void bg_report_write_complexity_csv(FILE *o, const bg_report *r)
{
	fputs(cx_header, o);
	for (size_t i = 0; i < r->nranked; i++)
		cx_row(o, r->ranked[i]);
	for (size_t i = 0; i < r->ncx; i++)
		if (r->cx[i] && !r->cx[i]->rank)
			cx_row(o, r->cx[i]);
}

/* A list in one cell, separated by `sep`: easier in a spreadsheet than
 * JSON.  Ids, addresses and links hold no spaces; labels are joined by
 * "; ". */
static void list_cell(FILE *o, const bg_cand *c, int what, const char *sep)
{
	bg_buf b = BG_BUF_INIT;
	size_t n = what ? c->nprovs : c->nlaws;

	for (size_t i = 0; i < n; i++) {
		if (i)
			bg_buf_adds(&b, sep);
		bg_buf_adds(&b, what == 0 ? c->laws[i] : what == 1 ? c->provs[i].label :
				what == 2 ? c->provs[i].address : c->provs[i].link);
	}
	bg_csv_cell(o, b.s);
	bg_buf_release(&b);
}

void bg_report_write_candidates_csv(FILE *o, const bg_report *r)
{
	fputs("rank,kind,score,subject,bwb_ids,provisions,addresses,links,evidence,rationale\r\n", o);
	for (size_t i = 0; i < r->cands.n; i++) {
		const bg_cand *c = &r->cands.v[i];
		fprintf(o, "%zu,%s,%.4f,", i + 1, bg_cand_kind_name(c->kind), c->score);
		bg_csv_cell(o, c->subject ? c->subject : "");
		fputc(',', o);
		list_cell(o, c, 0, " ");
		fputc(',', o);
		list_cell(o, c, 1, "; ");
		fputc(',', o);
		list_cell(o, c, 2, " ");
		fputc(',', o);
		list_cell(o, c, 3, " ");
		fputc(',', o);
		bg_csv_cell(o, c->evidence ? c->evidence : "");
		fputc(',', o);
		bg_csv_cell(o, c->rationale ? c->rationale : "");
		fputs("\r\n", o);
	}
}
