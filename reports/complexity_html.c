/*
 * complexity_html.c -- `begrip complexity --format html`: one
 * self-contained page.  No scripts, no fonts, no external resources: the
 * style sheet is inline and the charts are inline SVG drawn here
 * (histogram of the composite score across regulations, bars of the most
 * stacked provisions split into what they are made of, and one line chart
 * per regulation with several versions).  Every string from a law goes
 * through bg_html_text.
 */
#include "complexity_html.h"
#include "emit.h"

#include <math.h>
#include <string.h>

static const char *const palette[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f",
};

static void head(FILE *o)
{
	fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>begrip complexity</title>\n<style>\n"
	      "body{font-family:sans-serif;margin:2em;max-width:1150px;color:#222;line-height:1.4}\n"
	      "h1{font-size:1.6em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccc}\n"
	      "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}\n"
	      "th,td{border:1px solid #ddd;padding:2px 6px;text-align:right;vertical-align:top}\n"
	      "th{background:#f3f3f3}td.l,th.l{text-align:left}\n"
	      "blockquote{margin:.3em 0 1em 1em;padding:.3em .8em;border-left:3px solid #bbb;"
	      "background:#fafafa;font-size:.85em}\n"
	      "svg{background:#fff;border:1px solid #eee}\n"
	      "svg text{font-family:sans-serif;font-size:11px;fill:#333}\n"
	      ".note{color:#555;font-size:.85em}\n"
	      "</style>\n</head>\n<body>\n", o);
}

/* A histogram of values in [0,1], 20 bins. */
static void histogram(FILE *o, const bg_cx_report *rep)
{
	unsigned bins[20] = {0}, max = 1;
	const int W = 900, H = 260, L = 50, B = 40, T = 15;

	for (size_t i = 0; i < rep->nranked; i++) {
		int b = (int)(rep->laws[i]->composite * 20);
		bins[b < 0 ? 0 : b > 19 ? 19 : b]++;
	}
	for (int b = 0; b < 20; b++)
		if (bins[b] > max)
			max = bins[b];
	fprintf(o, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"distribution\">\n", W, H);
	for (int b = 0; b < 20; b++) {
		double bw = (W - L - 10) / 20.0, h = (H - B - T) * (double)bins[b] / max;
		fprintf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
			   "<title>%.2f-%.2f: %u</title></rect>\n", L + b * bw + 1, H - B - h,
			bw - 2, h, palette[0], b / 20.0, (b + 1) / 20.0, bins[b]);
		if (bins[b])
			fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%u</text>\n",
				L + b * bw + bw / 2, H - B - h - 3, bins[b]);
		if (b % 2 == 0)
			fprintf(o, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>\n",
				L + b * bw, H - B + 15, b / 20.0);
	}
	fprintf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">composite score "
		   "(mean percentile of the six measures)</text>\n", W / 2, H - 5);
	fprintf(o, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
		   "text-anchor=\"middle\">regulations</text>\n", H / 2, H / 2);
	fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
		L, H - B, W - 10, H - B);
	fputs("</svg>\n", o);
}

static void law_table(FILE *o, const bg_cx_report *rep, size_t top)
{
	size_t n = rep->nranked < top ? rep->nranked : top;

	fputs("<table>\n<tr><th>rank</th><th>composite</th><th>elements</th><th>depth</th>"
	      "<th>words</th><th>entropy</th><th>cit. in</th><th>cit. out</th>"
	      "<th>conditions</th><th>exceptions</th><th>delegations</th><th>stacking</th>"
	      "<th>Flesch-Douma</th><th>en/of</th><th>dup. n-grams</th>"
	      "<th class=\"l\">regulation</th></tr>\n", o);
	for (size_t i = 0; i < n; i++) {
		const bg_cx_doc *d = rep->laws[i];
		fprintf(o, "<tr><td>%zu</td><td>%.3f</td><td>%zu</td><td>%.2f</td><td>%u</td>"
			   "<td>%.3f</td><td>%zu</td><td>%zu</td><td>%u</td><td>%u</td><td>%u</td>"
			   "<td>%.1f</td><td>%.1f</td><td>%u</td><td>%.1f%%</td><td class=\"l\">",
			d->rank, d->composite, d->above + d->at + d->below, d->depth_mean,
			d->total.words, d->entropy, d->cit_in, d->cit_out, d->total.conditions,
			d->total.exceptions, d->total.delegations, d->stacking_total, d->flesch,
			d->total.and_or, 100 * d->dup_ratio);
		bg_html_text(o, d->title);
		fputs(" <span class=\"note\">", o);
		bg_html_text(o, d->bwb_id);
		fputc(' ', o);
		bg_html_text(o, d->date);
		fputs("</span></td></tr>\n", o);
	}
	fputs("</table>\n", o);
}

/* What a stacking score is made of, weighted as in the score. */
static void parts(const bg_cx_rules *r, const bg_cx_counts *c, double out[6])
{
	bg_cx_counts p;

	memset(&p, 0, sizeof p); p.conditions = c->conditions; out[0] = bg_cx_stacking(r, &p);
	memset(&p, 0, sizeof p); p.exceptions = c->exceptions; out[1] = bg_cx_stacking(r, &p);
	memset(&p, 0, sizeof p); p.items_and = c->items_and; p.items_or = c->items_or;
	out[2] = bg_cx_stacking(r, &p);
	memset(&p, 0, sizeof p); p.depth = c->depth; out[3] = bg_cx_stacking(r, &p);
	memset(&p, 0, sizeof p); p.delegations = c->delegations; out[4] = bg_cx_stacking(r, &p);
	memset(&p, 0, sizeof p); p.refs_internal = c->refs_internal;
	p.refs_external = c->refs_external; out[5] = bg_cx_stacking(r, &p);
}

static const char *const part_names[6] = {
	"conditions", "exceptions", "enumerated items (en/of)", "nesting depth",
	"delegations", "references",
};

static void stacked_bars(FILE *o, const bg_cx_report *rep, const bg_cx_item *it, size_t n)
{
	const int W = 1000, L = 330, row = 22, T = 30;
	double max = 0.01;
	int H = T + row * (int)n + 10;

	for (size_t i = 0; i < n; i++)
		if (it[i].prov->stacking > max)
			max = it[i].prov->stacking;
	fprintf(o, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"stacking\">\n", W, H);
	for (int k = 0; k < 6; k++)
		fprintf(o, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			   "<text x=\"%d\" y=\"16\">%s</text>\n", 10 + k * 160, palette[k],
			26 + k * 160, part_names[k]);
	for (size_t i = 0; i < n; i++) {
		double v[6], x = L;
		int y = T + row * (int)i;
		parts(rep->rules, &it[i].prov->c, v);
		fprintf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", L - 6, y + 15);
		bg_html_text(o, it[i].doc->bwb_id);
		fputc(' ', o);
		bg_html_text(o, it[i].prov->label);
		fputs("</text>\n", o);
		for (int k = 0; k < 6; k++) {
			double w = (W - L - 60) * v[k] / max;
			if (w <= 0)
				continue;
			fprintf(o, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
				   "<title>%s: %.2f</title></rect>\n", x, y + 3, w, row - 6,
				palette[k], part_names[k], v[k]);
			x += w;
		}
		fprintf(o, "<text x=\"%.1f\" y=\"%d\">%.2f</text>\n", x + 4, y + 15,
			it[i].prov->stacking);
	}
	fputs("</svg>\n", o);
}

static void item_list(FILE *o, const bg_cx_item *it, size_t n, bool hist)
{
	for (size_t i = 0; i < n; i++) {
		const bg_cx_counts *c = &it[i].prov->c;
		fprintf(o, "<h3>%zu. ", i + 1);
		bg_html_text(o, it[i].prov->label);
		fputs(" &mdash; ", o);
		bg_html_text(o, it[i].doc->title);
		fputs(" <span class=\"note\">", o);
		bg_html_text(o, it[i].doc->bwb_id);
		fputc(' ', o);
		bg_html_text(o, it[i].doc->date);
		fputs("</span></h3>\n<p class=\"note\">", o);
		if (hist)
			fprintf(o, "stacking %.2f &rarr; %.2f%s; ", it[i].before, it[i].prov->stacking,
				it[i].is_new ? " (new provision)" : "");
		else
			fprintf(o, "stacking %.2f; ", it[i].prov->stacking);
		fprintf(o, "%u conditions, %u exceptions, %u cumulative and %u alternative items, "
			   "nesting %u, %u delegations, %u references, %u words, %u sentences; ",
			c->conditions, c->exceptions, c->items_and, c->items_or, c->depth,
			c->delegations, c->refs_internal + c->refs_external, c->words, c->sentences);
		bg_html_text(o, it[i].prov->address);
		fputs("</p>\n", o);
		if (it[i].text) {
			fputs("<blockquote>", o);
			bg_html_text(o, it[i].text);
			fputs("</blockquote>\n", o);
		}
	}
}

/* One line chart per regulation: each measure as an index, first
 * version = 100, so that growth of different measures can be compared. */
static void history_chart(FILE *o, const bg_cx_series *s)
{
	static const char *const names[5] = {
		"words", "conditions", "exceptions", "delegations", "stacking (total)",
	};
	const int W = 1000, H = 320, L = 55, R = 170, T = 15, B = 45;
	double val[5], base[5], max = 100, min = 100;

	for (size_t i = 0; i < s->n; i++) {
		const bg_cx_doc *d = s->v[i];
		val[0] = d->total.words;
		val[1] = d->total.conditions;
		val[2] = d->total.exceptions;
		val[3] = d->total.delegations;
		val[4] = d->stacking_total;
		for (int k = 0; k < 5; k++) {
			if (i == 0)
				base[k] = val[k] > 0 ? val[k] : 1;
			double x = 100 * val[k] / base[k];
			if (x > max) max = x;
			if (x < min) min = x;
		}
	}
	min = floor(min / 10) * 10;
	max = ceil(max / 10) * 10;
	if (max <= min)
		max = min + 10;
	fprintf(o, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"history\">\n", W, H);
	for (int g = 0; g <= 4; g++) {
		double v = min + (max - min) * g / 4, y = H - B - (H - B - T) * g / 4.0;
		fprintf(o, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
			   "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n",
			L, y, W - R, y, L - 4, y + 4, v);
	}
	for (int k = 0; k < 5; k++) {
		fprintf(o, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", palette[k]);
		for (size_t i = 0; i < s->n; i++) {
			const bg_cx_doc *d = s->v[i];
			double v = k == 0 ? d->total.words : k == 1 ? d->total.conditions :
				   k == 2 ? d->total.exceptions : k == 3 ? d->total.delegations :
				   d->stacking_total;
			double b0 = k == 0 ? s->v[0]->total.words : k == 1 ? s->v[0]->total.conditions :
				    k == 2 ? s->v[0]->total.exceptions : k == 3 ? s->v[0]->total.delegations :
				    s->v[0]->stacking_total;
			double x = L + (W - L - R) * (s->n > 1 ? (double)i / (s->n - 1) : 0.5);
			double y = H - B - (H - B - T) * (100 * v / (b0 > 0 ? b0 : 1) - min) / (max - min);
			fprintf(o, "%.1f,%.1f ", x, y);
		}
		fprintf(o, "\"/>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
			   "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>\n", W - R + 8,
			T + 10 + 16 * k, W - R + 26, T + 10 + 16 * k, palette[k], W - R + 30,
			T + 14 + 16 * k, names[k]);
	}
	/* dates: first, last and a few between */
	size_t step = s->n > 8 ? (s->n + 7) / 8 : 1;
	for (size_t i = 0; i < s->n; i += step) {
		double x = L + (W - L - R) * (s->n > 1 ? (double)i / (s->n - 1) : 0.5);
		fprintf(o, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, H - B + 16);
		bg_html_text(o, s->v[i]->date[0] ? s->v[i]->date : "undated");
		fputs("</text>\n", o);
	}
	if ((s->n - 1) % step) {
		fprintf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", W - R, H - B + 30);
		bg_html_text(o, s->v[s->n - 1]->date);
		fputs("</text>\n", o);
	}
	fprintf(o, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">"
		   "index, first version = 100</text>\n", H / 2, H / 2);
	fputs("</svg>\n", o);
}

void bg_cx_render_html(FILE *o, const bg_cx_report *rep, size_t top)
{
	size_t n = rep->ntop < top ? rep->ntop : top;
	const char *what = !strcmp(rep->by, "definition") ? "definitions" :
			   !strcmp(rep->by, "article") ? "articles and leden" : "provisions";

	head(o);
	fputs("<h1>Complexity and the stacking of conditions</h1>\n", o);
	fprintf(o, "<p>%zu files, %zu parsed, %zu failed; %zu regulations ranked "
		   "(latest version of each). Made by <code>begrip complexity</code>; the "
		   "measures are explained in the README, section &ldquo;Complexity&rdquo;.</p>\n",
		rep->files, rep->parsed, rep->failed, rep->nranked);
	if (rep->nranked) {
		fputs("<h2>Distribution across regulations</h2>\n", o);
		histogram(o, rep);
		fprintf(o, "<h2>The %zu most complex regulations</h2>\n",
			rep->nranked < top ? rep->nranked : top);
		law_table(o, rep, top);
	}
	fprintf(o, "<h2>The %zu most stacked %s</h2>\n", n, what);
	fputs("<p class=\"note\">Stacking = conditions + exceptions + enumerated items joined by "
	      "&ldquo;en&rdquo;/&ldquo;of&rdquo; + nesting depth + &frac12; delegations + "
	      "&frac14; references (weights from lexicon/complexity.txt).</p>\n", o);
	if (n) {
		stacked_bars(o, rep, rep->top, n);
		item_list(o, rep->top, n, false);
	}
	for (size_t h = 0; h < rep->nhist; h++) {
		const bg_cx_series *s = &rep->hist[h];
		fputs("<h2>History: ", o);
		bg_html_text(o, s->title);
		fputs(" (", o);
		bg_html_text(o, s->bwb_id);
		fprintf(o, "), %zu versions</h2>\n", s->n);
		history_chart(o, s);
		fputs("<table>\n<tr><th class=\"l\">version</th><th>articles</th><th>words</th>"
		      "<th>conditions</th><th>exceptions</th><th>delegations</th>"
		      "<th>stacking total</th><th>stacking max</th><th>entropy</th>"
		      "<th>Flesch-Douma</th></tr>\n", o);
		for (size_t i = 0; i < s->n; i++) {
			const bg_cx_doc *d = s->v[i];
			fputs("<tr><td class=\"l\">", o);
			bg_html_text(o, d->date[0] ? d->date : "undated");
			fprintf(o, "</td><td>%zu</td><td>%u</td><td>%u</td><td>%u</td><td>%u</td>"
				   "<td>%.1f</td><td>%.1f</td><td>%.3f</td><td>%.1f</td></tr>\n",
				d->at, d->total.words, d->total.conditions, d->total.exceptions,
				d->total.delegations, d->stacking_total, d->stacking_max,
				d->entropy, d->flesch);
		}
		fputs("</table>\n", o);
		if (s->ngrown) {
			fputs("<h3>Provisions whose stacking grew most, first to last version</h3>\n", o);
			stacked_bars(o, rep, s->grown, s->ngrown);
			item_list(o, s->grown, s->ngrown, true);
		}
		if (s->nadded) {
			fputs("<h3>Most stacked provisions added since the first version</h3>\n", o);
			stacked_bars(o, rep, s->added, s->nadded);
			item_list(o, s->added, s->nadded, true);
		}
	}
	fputs("</body>\n</html>\n", o);
}
