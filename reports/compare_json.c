/*
 * compare_json.c -- `begrip compare --format json`: one JSON document
 * (RFC 8259) with the concept index, the variants (laws, definitions,
 * components), the matrix of variant divergences and the explained pairs,
 * most divergent first (closest first with --closest).  Diffs are lists of runs {"op": "eq"|"del"|"ins",
 * "text": ...} quoting the original wording.  Also `--versions`.
 */
#include "compare_report.h"
#include "emit.h"

#include <string.h>

static void num(FILE *o, double x)
{
	fprintf(o, "%.4f", x);
}

static void json_def(FILE *o, const bg_cmp_def *d)
{
	fprintf(o, "{\"bwb_id\": ");
	bg_json_str(o, d->law);
	fprintf(o, ", \"file\": ");
	bg_json_str(o, d->file);
	fprintf(o, ", \"title\": ");
	bg_json_str(o, d->title);
	fprintf(o, ", \"date\": ");
	bg_json_str(o, d->date);
	fprintf(o, ", \"where\": ");
	bg_json_str(o, d->where);
	fprintf(o, ", \"kind\": ");
	bg_json_str(o, d->kind);
	fprintf(o, ", \"root\": ");
	bg_json_str(o, d->root);
	fprintf(o, ", \"origin\": ");
	bg_json_str(o, d->origin);
	fprintf(o, ", \"root_label\": ");
	bg_json_str(o, d->root_label);
	fprintf(o, ", \"link\": ");
	bg_json_str(o, d->link);
	fprintf(o, "}");
}

static void json_components(FILE *o, const bg_cmp_def *d, const char *ind)
{
	fprintf(o, "[");
	for (size_t i = 0; i < d->comp.n; i++) {
		const bg_comp *c = &d->comp.v[i];
		fprintf(o, "%s\n%s{\"kind\": \"%s\", \"conj\": \"%s\", \"text\": ", i ? "," : "", ind,
			bg_comp_kind_name(c->kind), bg_conj_name(c->conj));
		bg_json_strn(o, d->text + c->start, c->len);
		fprintf(o, ", \"key\": ");
		bg_json_str(o, c->key);
		fprintf(o, "}");
	}
	fprintf(o, "%s]", d->comp.n ? "\n     " : "");
	(void)ind;
}

/* "differences" and "diff" members of a pair object. */
static void json_explain(FILE *o, const bg_cmp_def *a, const char *na,
			 const bg_cmp_def *b, const char *nb, const char *ind)
{
	bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;
	bg_buf line = BG_BUF_INIT;
	size_t la = strlen(a->text);

	if (bg_cmp_explain_pair(a, b, &e) != BG_OK)
		e.n = 0, e.diff.n = 0;
	fprintf(o, ",\n%s\"differences\": [", ind);
	for (size_t k = 0; k < e.n; k++) {
		const bg_note *n = &e.notes[k];
		static const char *const kinds[] = { "root", "only_a", "only_b", "reworded", "connective", "time" };
		bg_buf_clear(&line);
		bg_note_write(n, a, na, b, nb, &line);
		fprintf(o, "%s\n%s  {\"kind\": \"%s\"", k ? "," : "", ind, kinds[n->kind]);
		if (n->ia != SIZE_MAX)
			fprintf(o, ", \"component\": \"%s\"", bg_comp_kind_name(a->comp.v[n->ia].kind));
		else if (n->ib != SIZE_MAX)
			fprintf(o, ", \"component\": \"%s\"", bg_comp_kind_name(b->comp.v[n->ib].kind));
		if (n->kind == BG_NOTE_REWORDED) {
			fprintf(o, ", \"similarity\": ");
			num(o, n->sim);
		}
		fprintf(o, ", \"text\": ");
		bg_json_str(o, line.s);
		fprintf(o, "}");
	}
	fprintf(o, "%s],\n%s\"exact_diff\": %s,\n%s\"diff\": [", e.n ? "\n  " : "", ind,
		e.diff.exact ? "true" : "false", ind);
	for (size_t k = 0; k < e.diff.n; k++) {
		const bg_diff_run *run = &e.diff.v[k];
		size_t s, t;
		fprintf(o, "%s{\"op\": \"%s\", \"text\": ", k ? ", " : "",
			run->op == BG_DIFF_EQ ? "eq" : run->op == BG_DIFF_DEL ? "del" : "ins");
		if (run->op == BG_DIFF_INS) {
			bg_diff_words(&b->words, b->text, run->b0, run->b1, &s, &t);
			bg_json_strn(o, b->text + s, t - s);
		} else {
			bg_diff_span(&a->words, la, run->a0, run->a1, &s, &t);
			bg_json_strn(o, a->text + s, t - s);
		}
		fprintf(o, "}");
	}
	fprintf(o, "]");
	bg_buf_release(&line);
	bg_cmp_explain_release(&e);
}

void bg_compare_write_json(FILE *o, const bg_cmp_report *r)
{
	const bg_cmp *c = r->cmp;
	size_t shown = bg_compare_pairs_shown(r);
	bg_buf na = BG_BUF_INIT, nb = BG_BUF_INIT;

	fprintf(o, "{\n  \"concept\": ");
	bg_json_str(o, r->concept);
	fprintf(o, ",\n  \"index\": {\"definitions\": %zu, \"laws\": %zu, \"variants\": %zu, "
		   "\"entropy\": ", c->ndefs, c->nlaws, c->nvar);
	num(o, c->entropy);
	fprintf(o, ", \"entropy_normalised\": ");
	num(o, c->entropy_norm);
	fprintf(o, ", \"mean_divergence\": ");
	num(o, c->mean_divergence);
	fprintf(o, ", \"max_divergence\": ");
	num(o, c->max_divergence);
	fprintf(o, "},\n  \"weights\": {\"root\": %.2f, \"components\": %.2f, \"tokens\": %.2f, "
		   "\"match\": %.2f},\n  \"variants\": [", BG_CMP_W_ROOT, BG_CMP_W_COMP,
		BG_CMP_W_TOK, BG_CMP_MATCH);
	for (size_t v = 0; v < c->nvar; v++) {
		const bg_cmp_variant *var = &c->var[v];
		const bg_cmp_def *rep = &c->defs[var->rep];
		fprintf(o, "%s\n    {\"id\": \"V%zu\", \"laws\": %zu, \"root\": ", v ? "," : "", v + 1,
			var->nlaws);
		bg_json_str(o, rep->root);
		fprintf(o, ",\n     \"definitions\": [");
		for (size_t k = 0; k < var->n; k++) {
			fprintf(o, "%s\n       ", k ? "," : "");
			json_def(o, &c->defs[var->members[k]]);
		}
		fprintf(o, "],\n     \"text\": ");
		bg_json_str(o, rep->text);
		fprintf(o, ",\n     \"connective\": \"%s\",\n     \"components\": ",
			bg_conj_name(rep->comp.list_conj));
		json_components(o, rep, "       ");
		fprintf(o, "}");
	}
	fprintf(o, "%s],\n  \"matrix\": [", c->nvar ? "\n  " : "");
	for (size_t a = 0; a < c->nvar; a++) {
		fprintf(o, "%s\n    [", a ? "," : "");
		for (size_t b = 0; b < c->nvar; b++) {
			const bg_cmp_pair *p = bg_cmp_pair_of(c, a, b);
			if (b)
				fprintf(o, ", ");
			num(o, p ? p->score : 0.0);
		}
		fprintf(o, "]");
	}
	fprintf(o, "%s],\n  \"pairs\": [", c->nvar ? "\n  " : "");
	for (size_t k = 0; k < shown; k++) {
		const bg_cmp_pair *p = bg_compare_pair_at(r, k);
		const bg_cmp_def *a = &c->defs[c->var[p->va].rep], *b = &c->defs[c->var[p->vb].rep];
		bg_buf_clear(&na);
		bg_buf_clear(&nb);
		bg_compare_side_name(c, p->va, &na);
		bg_compare_side_name(c, p->vb, &nb);
		fprintf(o, "%s\n    {\"a\": \"V%zu\", \"b\": \"V%zu\", \"name_a\": ", k ? "," : "",
			p->va + 1, p->vb + 1);
		bg_json_str(o, na.s);
		fprintf(o, ", \"name_b\": ");
		bg_json_str(o, nb.s);
		fprintf(o, ",\n     \"score\": ");
		num(o, p->score);
		fprintf(o, ", \"root\": ");
		num(o, p->root);
		fprintf(o, ", \"components\": ");
		num(o, p->comp);
		fprintf(o, ", \"tokens\": ");
		num(o, p->tok);
		json_explain(o, a, na.s, b, nb.s, "     ");
		fprintf(o, "}");
	}
	fprintf(o, "%s]\n}\n", shown ? "\n  " : "");
	bg_buf_release(&na);
	bg_buf_release(&nb);
}

void bg_versions_write_json(FILE *o, const bg_version_report *r)
{
	fprintf(o, "{\n  \"bwb_id\": ");
	bg_json_str(o, r->law);
	fprintf(o, ", \"title\": ");
	bg_json_str(o, r->title);
	fprintf(o, ", \"concept\": ");
	bg_json_str(o, r->concept);
	fprintf(o, ",\n  \"a\": {\"file\": ");
	bg_json_str(o, r->file_a);
	fprintf(o, ", \"date\": ");
	bg_json_str(o, r->date_a);
	fprintf(o, "},\n  \"b\": {\"file\": ");
	bg_json_str(o, r->file_b);
	fprintf(o, ", \"date\": ");
	bg_json_str(o, r->date_b);
	fprintf(o, "},\n  \"terms\": [");
	for (size_t i = 0; i < r->n; i++) {
		const bg_version_entry *e = &r->v[i];
		fprintf(o, "%s\n    {\"term\": ", i ? "," : "");
		bg_json_str(o, e->term);
		fprintf(o, ", \"status\": \"%s\"", bg_version_status(e));
		if (e->a) {
			fprintf(o, ", \"where_a\": ");
			bg_json_str(o, e->a->where);
		}
		if (e->b) {
			fprintf(o, ", \"where_b\": ");
			bg_json_str(o, e->b->where);
		}
		if (e->a && e->b) {
			fprintf(o, ",\n     \"score\": ");
			num(o, e->score);
			fprintf(o, ", \"root\": ");
			num(o, e->root);
			fprintf(o, ", \"components\": ");
			num(o, e->comp);
			fprintf(o, ", \"tokens\": ");
			num(o, e->tok);
			json_explain(o, e->a, "the old version", e->b, "the new version", "     ");
		} else {
			fprintf(o, ", \"text\": ");
			bg_json_str(o, (e->a ? e->a : e->b)->text);
		}
		fprintf(o, "}");
	}
	fprintf(o, "%s]\n}\n", r->n ? "\n  " : "");
}
