/*
 * compare_html.c -- `begrip compare --format html`: one self-contained
 * HTML5 page (no network: no external scripts, styles, fonts or images).
 *   - the concept index;
 *   - a heatmap of the variant divergence matrix as inline SVG (each cell
 *     has a <title> tooltip with its score);
 *   - the variant groups with their laws and components;
 *   - per pair, most divergent first: the differences in words and the two
 *     texts side by side, deleted words marked in the left text and added
 *     words in the right one.
 * Every piece of law text passes through bg_html_text (emit.h).
 */
#include "compare_report.h"
#include "emit.h"

#include <string.h>

static const char style[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;"
	"color:#1c1c1c;background:#fafafa;max-width:1200px}\n"
	"h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #d33;"
	"padding-bottom:4px}h3{font-size:16px;margin:18px 0 6px}\n"
	".index{display:flex;gap:12px;flex-wrap:wrap}.index div{background:#fff;border:1px solid #ddd;"
	"border-radius:6px;padding:8px 14px}.index b{display:block;font-size:22px;color:#b22}\n"
	".variant{background:#fff;border:1px solid #ddd;border-left:6px solid #d33;border-radius:6px;"
	"padding:8px 14px;margin:10px 0}\n"
	"table{border-collapse:collapse}td,th{padding:3px 8px;text-align:left;vertical-align:top}\n"
	"tr:nth-child(even) td{background:#f3f3f3}\n"
	".comp{font-size:13px;color:#333}.kind{display:inline-block;min-width:74px;font-weight:600;"
	"color:#555}\n"
	".pair{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;margin:14px 0}\n"
	".sbs{display:grid;grid-template-columns:1fr 1fr;gap:12px}.sbs div{background:#fcfcfc;"
	"border:1px solid #e4e4e4;padding:8px;font-size:14px;white-space:pre-wrap}\n"
	"del{background:#ffc9c9;text-decoration:line-through;color:#700}ins{background:#c6f1c6;"
	"text-decoration:none;color:#063}\n"
	"ul.notes li{margin:3px 0}.score{font-weight:700;color:#b22}\n";

static void h(FILE *o, const char *s)
{
	bg_html_text(o, s);
}

static void hn(FILE *o, const char *s, size_t n)
{
	bg_buf b = BG_BUF_INIT;
	bg_buf_add(&b, s, n);
	bg_html_text(o, b.s);
	bg_buf_release(&b);
}

/* White (0) to dark red (1). */
static void heat(double x, char *out, size_t cap)
{
	int g;
	if (x < 0)
		x = 0;
	if (x > 1)
		x = 1;
	g = (int)(245.0 - 205.0 * x + 0.5);
	snprintf(out, cap, "rgb(%d,%d,%d)", 255 - (int)(70.0 * x), g, g);
}

static void heatmap(FILE *o, const bg_cmp *c)
{
	size_t n = c->nvar, cell = n <= 10 ? 40 : n <= 30 ? 22 : n <= 80 ? 10 : 6;
	size_t margin = 48, size = margin + n * cell + 8, height = margin + 11 * 14 + 8;
	char col[40];

	if (height < size)
		height = size;

	fprintf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%zu\" height=\"%zu\" "
		   "role=\"img\" aria-label=\"divergence matrix\">\n", size + 150, height);
	for (size_t a = 0; a < n; a++) {
		if (cell >= 10) {
			/* row labels; column labels on every column when they fit,
			 * else on every fifth */
			unsigned fs = cell >= 18 ? 11 : 8;
			fprintf(o, "<text x=\"%zu\" y=\"%zu\" font-size=\"%u\" text-anchor=\"end\">V%zu</text>\n",
				margin - 4, margin + a * cell + cell / 2 + fs / 3, fs, a + 1);
			if (cell >= 18 || a % 5 == 0)
				fprintf(o, "<text x=\"%zu\" y=\"%zu\" font-size=\"%u\" text-anchor=\"middle\">V%zu</text>\n",
					margin + a * cell + cell / 2, margin - 6, fs, a + 1);
		}
		for (size_t b = 0; b < n; b++) {
			const bg_cmp_pair *p = bg_cmp_pair_of(c, a, b);
			double s = p ? p->score : 0.0;
			heat(s, col, sizeof col);
			fprintf(o, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%zu\" fill=\"%s\" "
				   "stroke=\"#fff\"><title>V%zu x V%zu: %.3f</title></rect>\n",
				margin + b * cell, margin + a * cell, cell, cell, col, a + 1, b + 1, s);
			if (cell >= 40 && p)
				fprintf(o, "<text x=\"%zu\" y=\"%zu\" font-size=\"11\" text-anchor=\"middle\" "
					   "fill=\"%s\">%.2f</text>\n", margin + b * cell + cell / 2,
					margin + a * cell + cell / 2 + 4, s > 0.55 ? "#fff" : "#222", s);
		}
	}
	/* legend */
	for (int k = 0; k <= 10; k++) {
		heat(k / 10.0, col, sizeof col);
		fprintf(o, "<rect x=\"%zu\" y=\"%zu\" width=\"18\" height=\"14\" fill=\"%s\"/>\n",
			size + 20, margin + (size_t)(10 - k) * 14, col);
	}
	fprintf(o, "<text x=\"%zu\" y=\"%zu\" font-size=\"11\">1 = nothing shared</text>\n",
		size + 44, margin + 11);
	fprintf(o, "<text x=\"%zu\" y=\"%zu\" font-size=\"11\">0 = same meaning</text>\n",
		size + 44, margin + 10 * 14 + 11);
	fprintf(o, "</svg>\n");
}

/* One side of the side-by-side diff: the whole text of x, its deleted
 * (left) or inserted (right) words highlighted.  `pos` walks the text so
 * that every byte is printed once, escaped. */
static void side(FILE *o, const bg_diff *d, const bg_cmp_def *x, bool left)
{
	const bg_toklist *w = &x->words;
	size_t len = strlen(x->text), pos = 0, ws, we;

	for (size_t r = 0; r < d->n; r++) {
		const bg_diff_run *run = &d->v[r];
		size_t t0 = left ? run->a0 : run->b0, t1 = left ? run->a1 : run->b1;
		if (run->op == (left ? BG_DIFF_INS : BG_DIFF_DEL) || t0 == t1)
			continue;
		bg_diff_words(w, x->text, t0, t1, &ws, &we);
		if (ws < pos)
			ws = pos;
		hn(o, x->text + pos, ws - pos);
		if (run->op != BG_DIFF_EQ)
			fputs(left ? "<del>" : "<ins>", o);
		hn(o, x->text + ws, we - ws);
		if (run->op != BG_DIFF_EQ)
			fputs(left ? "</del>" : "</ins>", o);
		pos = we;
	}
	hn(o, x->text + pos, len - pos);
}

static void pair_block(FILE *o, const bg_cmp *c, const bg_cmp_pair *p)
{
	const bg_cmp_def *a = &c->defs[c->var[p->va].rep], *b = &c->defs[c->var[p->vb].rep];
	bg_buf na = BG_BUF_INIT, nb = BG_BUF_INIT, line = BG_BUF_INIT;
	bg_cmp_explain e = BG_CMP_EXPLAIN_INIT;

	bg_compare_side_name(c, p->va, &na);
	bg_compare_side_name(c, p->vb, &nb);
	fprintf(o, "<div class=\"pair\" id=\"p%zu-%zu\"><h3>V%zu ", p->va + 1, p->vb + 1, p->va + 1);
	h(o, na.s);
	fprintf(o, " &times; V%zu ", p->vb + 1);
	h(o, nb.s);
	fprintf(o, " &mdash; <span class=\"score\">%.3f</span></h3>\n<p>roots %.0f, components %.3f, "
		   "tokens %.3f</p>\n", p->score, p->root, p->comp, p->tok);
	if (bg_cmp_explain_pair(a, b, &e) == BG_OK) {
		fprintf(o, "<ul class=\"notes\">\n");
		for (size_t k = 0; k < e.n; k++) {
			bg_buf_clear(&line);
			bg_note_write(&e.notes[k], a, na.s, b, nb.s, &line);
			fprintf(o, "<li>");
			h(o, line.s);
			fprintf(o, "</li>\n");
		}
		fprintf(o, "</ul>\n<div class=\"sbs\"><div><b>");
		h(o, na.s);
		fprintf(o, "</b> (");
		h(o, a->where);
		fprintf(o, ")\n");
		side(o, &e.diff, a, true);
		fprintf(o, "</div><div><b>");
		h(o, nb.s);
		fprintf(o, "</b> (");
		h(o, b->where);
		fprintf(o, ")\n");
		side(o, &e.diff, b, false);
		fprintf(o, "</div></div>\n");
	}
	fprintf(o, "</div>\n");
	bg_cmp_explain_release(&e);
	bg_buf_release(&na);
	bg_buf_release(&nb);
	bg_buf_release(&line);
}

void bg_compare_write_html(FILE *o, const bg_cmp_report *r)
{
	const bg_cmp *c = r->cmp;
	size_t shown = bg_compare_pairs_shown(r);
	bg_buf q = BG_BUF_INIT;

	fprintf(o, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">\n"
		   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		   "style-src 'unsafe-inline'; img-src data:\">\n<title>begrip compare: ");
	h(o, r->concept);
	fprintf(o, "</title>\n<style>\n%s</style></head><body>\n<h1>Concept &ldquo;", style);
	h(o, r->concept);
	fprintf(o, "&rdquo; across %zu laws</h1>\n<div class=\"index\">"
		   "<div><b>%zu</b>variants</div><div><b>%zu</b>definitions</div>"
		   "<div><b>%zu</b>laws</div><div><b>%.2f</b>entropy (bits)</div>"
		   "<div><b>%.2f</b>normalised entropy</div><div><b>%.3f</b>mean divergence</div>"
		   "<div><b>%.3f</b>max divergence</div></div>\n",
		c->nlaws, c->nvar, c->ndefs, c->nlaws, c->entropy, c->entropy_norm,
		c->mean_divergence, c->max_divergence);
	fprintf(o, "<p>Divergence 0 = same meaning, 1 = nothing shared: d = %.1f&middot;roots + "
		   "%.1f&middot;components + %.1f&middot;tokens (0 within a variant).</p>\n",
		BG_CMP_W_ROOT, BG_CMP_W_COMP, BG_CMP_W_TOK);
	if (c->nvar > 1) {
		fprintf(o, "<h2>Divergence between variants</h2>\n");
		heatmap(o, c);
	}
	fprintf(o, "<h2>Variants</h2>\n");
	for (size_t v = 0; v < c->nvar; v++) {
		const bg_cmp_variant *var = &c->var[v];
		const bg_cmp_def *rep = &c->defs[var->rep];
		fprintf(o, "<div class=\"variant\" id=\"v%zu\"><h3>V%zu &mdash; %zu law%s</h3>\n"
			   "<table><tr><th>law</th><th>title</th><th>provision</th><th>kind</th></tr>\n",
			v + 1, v + 1, var->nlaws, var->nlaws == 1 ? "" : "s");
		for (size_t k = 0; k < var->n; k++) {
			const bg_cmp_def *d = &c->defs[var->members[k]];
			fprintf(o, "<tr><td>");
			h(o, d->law);
			fprintf(o, "</td><td>");
			h(o, d->title);
			if (d->date[0]) {
				fprintf(o, " (");
				h(o, d->date);
				fprintf(o, ")");
			}
			fprintf(o, "</td><td>");
			h(o, d->where);
			fprintf(o, "</td><td>");
			h(o, d->kind);
			if (d->root_label[0]) {
				fprintf(o, " &rarr; ");
				h(o, d->root_label);
			}
			fprintf(o, "</td></tr>\n");
		}
		fprintf(o, "</table>\n<div class=\"comp\">\n");
		for (size_t i = 0; i < rep->comp.n; i++) {
			const bg_comp *cp = &rep->comp.v[i];
			bg_buf_clear(&q);
			if (cp->kind == BG_COMP_TIME)
				bg_buf_adds(&q, cp->key);
			else
				bg_comp_quote(rep, i, 240, &q);
			fprintf(o, "<div><span class=\"kind\">%s</span> %s%s%s", bg_comp_kind_name(cp->kind),
				cp->conj ? "[" : "", bg_conj_name(cp->conj), cp->conj ? "] " : "");
			h(o, q.s);
			fprintf(o, "</div>\n");
		}
		fprintf(o, "</div></div>\n");
	}
	if (shown) {
		fprintf(o, "<h2>Pairs, %s (%zu of %zu)</h2>\n", bg_compare_order_name(r), shown,
			c->npairs);
		for (size_t k = 0; k < shown; k++)
			pair_block(o, c, bg_compare_pair_at(r, k));
	}
	fprintf(o, "<p style=\"color:#777;font-size:12px\">Generated by begrip compare.</p>\n"
		   "</body></html>\n");
	bg_buf_release(&q);
}
