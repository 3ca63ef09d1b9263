/*
 * compare_text.c -- `begrip compare --format text`: variants with their
 * laws, the concept index, the pair matrix, and per pair the differences
 * in words and a word diff ("[-removed-]{+added+}", as git's
 * --word-diff=plain).  Also the text form of `--versions`.
 *
 * Law text goes out as written (UTF-8); control characters cannot occur
 * in it (the reader normalises whitespace).
 */
#include "compare_report.h"

#include <string.h>

void bg_compare_side_name(const bg_cmp *c, size_t v, bg_buf *out)
{
	const bg_cmp_def *d = &c->defs[c->var[v].rep];
	bool clash = false;

	for (size_t w = 0; w < c->nvar && !clash; w++)
		clash = w != v && !strcmp(c->defs[c->var[w].rep].title, d->title);
	bg_buf_adds(out, d->title[0] ? d->title : d->law);
	if (clash && d->where[0])
		bg_buf_addf(out, " %s", d->where);
	if (clash && d->date[0])
		bg_buf_addf(out, " (%s)", d->date);
}

size_t bg_compare_pairs_shown(const bg_cmp_report *r)
{
	size_t n = r->cmp->npairs;
	return r->max_pairs && r->max_pairs < n ? r->max_pairs : n;
}

const bg_cmp_pair *bg_compare_pair_at(const bg_cmp_report *r, size_t k)
{
	const bg_cmp *c = r->cmp;
	return &c->pairs[c->by_score[r->closest ? c->npairs - 1 - k : k]];
}

const char *bg_compare_order_name(const bg_cmp_report *r)
{
	return r->closest ? "closest first" : "most divergent first";
}

const char *bg_version_status(const bg_version_entry *e)
{
	if (!e->a)
		return "added";
	if (!e->b)
		return "removed";
	return e->score > 0.0 ? "changed" : "unchanged";
}

static void print_def(FILE *o, const bg_cmp_def *d)
{
	fprintf(o, "      %s  %s", d->law, d->title);
	if (d->date[0])
		fprintf(o, " (%s)", d->date);
	fprintf(o, "  %s  %s", d->where[0] ? d->where : "-", d->kind);
	if (d->root_label[0])
		fprintf(o, " -> %s", d->root_label);
	fputc('\n', o);
}

static void print_components(FILE *o, const bg_cmp_def *d, const char *ind)
{
	bg_buf q = BG_BUF_INIT;

	for (size_t i = 0; i < d->comp.n; i++) {
		const bg_comp *c = &d->comp.v[i];
		bg_buf_clear(&q);
		if (c->kind == BG_COMP_TIME)
			bg_buf_adds(&q, c->key);
		else
			bg_comp_quote(d, i, 200, &q);
		fprintf(o, "%s%-9s %-2s %s\n", ind, bg_comp_kind_name(c->kind),
			bg_conj_name(c->conj), q.s);
	}
	bg_buf_release(&q);
}

static void print_explain(FILE *o, const bg_cmp_def *a, const char *na,
			  const bg_cmp_def *b, const char *nb)
{
	bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;
	bg_buf line = BG_BUF_INIT;

	if (bg_cmp_explain_pair(a, b, &e) != BG_OK) {
		fprintf(o, "    (out of memory explaining this pair)\n");
		bg_cmp_explain_release(&e);
		return;
	}
	fprintf(o, "    differences:\n");
	if (!e.n)
		fprintf(o, "      (none in the components)\n");
	for (size_t k = 0; k < e.n; k++) {
		bg_buf_clear(&line);
		bg_note_write(&e.notes[k], a, na, b, nb, &line);
		fprintf(o, "      - %s\n", line.s);
	}
	bg_buf_clear(&line);
	bg_diff_write_plain(&e.diff, a->text, strlen(a->text), &a->words, b->text,
			    strlen(b->text), &b->words, &line);
	fprintf(o, "    word diff (%s -> %s)%s:\n      %s\n", na, nb,
		e.diff.exact ? "" : " (too long to align: shown as one replacement)", line.s);
	bg_buf_release(&line);
	bg_cmp_explain_release(&e);
}

void bg_compare_write_text(FILE *o, const bg_cmp_report *r)
{
	const bg_cmp *c = r->cmp;
	size_t shown = bg_compare_pairs_shown(r);
	bg_buf na = BG_BUF_INIT, nb = BG_BUF_INIT;

	fprintf(o, "concept %s: %zu definitions in %zu laws, %zu variants\n", r->concept,
		c->ndefs, c->nlaws, c->nvar);
	fprintf(o, "index: entropy %.3f bits (normalised %.3f), mean divergence %.3f, max %.3f\n",
		c->entropy, c->entropy_norm, c->mean_divergence, c->max_divergence);

	fprintf(o, "\nvariants\n");
	for (size_t v = 0; v < c->nvar; v++) {
		const bg_cmp_variant *var = &c->var[v];
		const bg_cmp_def *rep = &c->defs[var->rep];
		fprintf(o, "  V%zu  %zu law%s, %zu definition%s, root %s\n", v + 1, var->nlaws,
			var->nlaws == 1 ? "" : "s", var->n, var->n == 1 ? "" : "s", rep->root);
		for (size_t k = 0; k < var->n; k++)
			print_def(o, &c->defs[var->members[k]]);
		fprintf(o, "    components of %s %s:\n", rep->law, rep->where);
		print_components(o, rep, "      ");
	}

	if (c->nvar > 1) {
		fprintf(o, "\nmatrix (divergence between variants, 0 = same meaning)\n     ");
		for (size_t v = 0; v < c->nvar; v++) {
			char h[24];
			snprintf(h, sizeof h, "V%zu", v + 1);
			fprintf(o, " %5s", h);
		}
		fputc('\n', o);
		for (size_t a = 0; a < c->nvar; a++) {
			char h[24];
			snprintf(h, sizeof h, "V%zu", a + 1);
			fprintf(o, "%5s", h);
			for (size_t b = 0; b < c->nvar; b++) {
				const bg_cmp_pair *p = bg_cmp_pair_of(c, a, b);
				if (p)
					fprintf(o, " %5.3f", p->score);
				else
					fprintf(o, " %5s", "-");
			}
			fputc('\n', o);
		}
	}

	if (shown)
		fprintf(o, "\npairs, %s (%zu of %zu)\n", bg_compare_order_name(r), shown, c->npairs);
	for (size_t k = 0; k < shown; k++) {
		const bg_cmp_pair *p = bg_compare_pair_at(r, k);
		const bg_cmp_def *a = &c->defs[c->var[p->va].rep], *b = &c->defs[c->var[p->vb].rep];
		bg_buf_clear(&na);
		bg_buf_clear(&nb);
		bg_compare_side_name(c, p->va, &na);
		bg_compare_side_name(c, p->vb, &nb);
		fprintf(o, "\n  V%zu x V%zu  divergence %.3f  (roots %.0f, components %.3f, tokens %.3f)\n",
			p->va + 1, p->vb + 1, p->score, p->root, p->comp, p->tok);
		fprintf(o, "    V%zu = %s (%s %s), V%zu = %s (%s %s)\n", p->va + 1, na.s, a->law,
			a->where, p->vb + 1, nb.s, b->law, b->where);
		print_explain(o, a, na.s, b, nb.s);
	}
	bg_buf_release(&na);
	bg_buf_release(&nb);
}

void bg_versions_write_text(FILE *o, const bg_version_report *r)
{
	size_t counts[4] = { 0 };
	static const char *const names[4] = { "unchanged", "changed", "added", "removed" };

	for (size_t i = 0; i < r->n; i++) {
		const char *st = bg_version_status(&r->v[i]);
		for (int k = 0; k < 4; k++)
			counts[k] += !strcmp(st, names[k]);
	}
	fprintf(o, "versions of %s %s%s%s: %s (%s) -> %s (%s)\n", r->law, r->title,
		r->concept[0] ? ", concept " : "", r->concept, r->file_a,
		r->date_a[0] ? r->date_a : "undated", r->file_b, r->date_b[0] ? r->date_b : "undated");
	fprintf(o, "terms: %zu unchanged, %zu changed, %zu added, %zu removed\n", counts[0],
		counts[1], counts[2], counts[3]);
	for (size_t i = 0; i < r->n; i++) {
		const bg_version_entry *e = &r->v[i];
		const char *st = bg_version_status(e);
		if (!strcmp(st, "unchanged"))
			continue;
		fprintf(o, "\n  %s: %s", e->term, st);
		if (e->a && e->b) {
			fprintf(o, "  divergence %.3f  (roots %.0f, components %.3f, tokens %.3f)\n",
				e->score, e->root, e->comp, e->tok);
			fprintf(o, "    old = %s, new = %s\n", e->a->where, e->b->where);
			print_explain(o, e->a, "the old version", e->b, "the new version");
		} else {
			const bg_cmp_def *d = e->a ? e->a : e->b;
			fprintf(o, "  (%s)\n      %s\n", d->where, d->text);
		}
	}
}
