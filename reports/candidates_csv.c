/*
 * candidates_csv.c -- `begrip candidates --format csv`: one row per
 * candidate; provisions joined as "law label <link>" by " | ".  Every cell
 * goes through bg_csv_cell (RFC 4180 quoting, formula prefixes neutralised).
 */
#include "candidates_report.h"
#include "emit.h"

void bg_candidates_write_csv(FILE *out, const bg_cand_list *l)
{
	bg_buf b = BG_BUF_INIT;

	fputs("rank,kind,score,raw,subject,laws,provisions,links,evidence,rationale\r\n", out);
	for (size_t i = 0; i < l->n; i++) {
		const bg_cand *c = &l->v[i];
		fprintf(out, "%zu,%s,%.4f,%.4f,", i + 1, bg_cand_kind_name(c->kind), c->score, c->raw);
		bg_csv_cell(out, c->subject);
		fputc(',', out);
		bg_buf_clear(&b);
		for (size_t j = 0; j < c->nlaws; j++)
			bg_buf_addf(&b, "%s%s", j ? " " : "", c->laws[j]);
		bg_csv_cell(out, b.s);
		fputc(',', out);
		bg_buf_clear(&b);
		for (size_t j = 0; j < c->nprovs; j++)
			bg_buf_addf(&b, "%s%s: %s %s", j ? " | " : "", c->provs[j].role, c->provs[j].law,
				    c->provs[j].label);
		bg_csv_cell(out, b.s);
		fputc(',', out);
		bg_buf_clear(&b);
		for (size_t j = 0; j < c->nprovs; j++)
			bg_buf_addf(&b, "%s%s", j ? " " : "", c->provs[j].link);
		bg_csv_cell(out, b.s);
		fputc(',', out);
		bg_csv_cell(out, c->evidence);
		fputc(',', out);
		bg_csv_cell(out, c->rationale);
		fputs("\r\n", out);
	}
	bg_buf_release(&b);
}
