/*
 * compare_csv.c -- `begrip compare --format csv`: one row per pair of
 * variants (RFC 4180, cells guarded against spreadsheet formulas by
 * bg_csv_cell), most divergent first (closest first with --closest), with
 * both sides' laws, the score and its three parts, and the differences in
 * words joined by " | ".  Pairs of
 * definitions inside one variant score 0 and are not repeated: the
 * variant columns say which laws share a meaning.
 */
#include "compare_report.h"
#include "emit.h"

#include <string.h>

static void laws_of(const bg_cmp *c, size_t v, bg_buf *out)
{
	const bg_cmp_variant *var = &c->var[v];

	bg_buf_clear(out);
	for (size_t k = 0; k < var->n; k++) {
		const bg_cmp_def *d = &c->defs[var->members[k]];
		bg_buf_addf(out, "%s%s %s", k ? "; " : "", d->law, d->where);
	}
}

void bg_compare_write_csv(FILE *o, const bg_cmp_report *r)
{
	const bg_cmp *c = r->cmp;
	size_t shown = bg_compare_pairs_shown(r);
	bg_buf na = BG_BUF_INIT, nb = BG_BUF_INIT, la = BG_BUF_INIT, lb = BG_BUF_INIT;
	bg_buf notes = BG_BUF_INIT;

	fprintf(o, "concept,variant_a,variant_b,name_a,name_b,laws_a,laws_b,score,root,"
		   "components,tokens,differences\r\n");
	for (size_t k = 0; k < shown; k++) {
		const bg_cmp_pair *p = bg_compare_pair_at(r, k);
		const bg_cmp_def *a = &c->defs[c->var[p->va].rep], *b = &c->defs[c->var[p->vb].rep];
		bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;
		char cell[32];

		bg_buf_clear(&na);
		bg_buf_clear(&nb);
		bg_compare_side_name(c, p->va, &na);
		bg_compare_side_name(c, p->vb, &nb);
		laws_of(c, p->va, &la);
		laws_of(c, p->vb, &lb);
		bg_buf_clear(&notes);
		if (bg_cmp_explain_pair(a, b, &e) == BG_OK)
			for (size_t i = 0; i < e.n; i++) {
				if (i)
					bg_buf_adds(&notes, " | ");
				bg_note_write(&e.notes[i], a, na.s, b, nb.s, &notes);
			}
		bg_cmp_explain_release(&e);
		bg_csv_cell(o, r->concept);
		snprintf(cell, sizeof cell, ",V%zu,V%zu,", p->va + 1, p->vb + 1);
		fputs(cell, o);
		bg_csv_cell(o, na.s);
		putc(',', o);
		bg_csv_cell(o, nb.s);
		putc(',', o);
		bg_csv_cell(o, la.s);
		putc(',', o);
		bg_csv_cell(o, lb.s);
		fprintf(o, ",%.4f,%.0f,%.4f,%.4f,", p->score, p->root, p->comp, p->tok);
		bg_csv_cell(o, notes.s);
		fputs("\r\n", o);
	}
	bg_buf_release(&na);
	bg_buf_release(&nb);
	bg_buf_release(&la);
	bg_buf_release(&lb);
	bg_buf_release(&notes);
}
