/*
 * check_html.c -- `begrip check --format html`: one self-contained page
 * (inline style, no script, nothing fetched) for the bills checked.  Every
 * string from a law or a draft is escaped (emit.h); links are the
 * wetten.overheid.nl links of the index, escaped as attribute values.
 */
#include "check_report.h"
#include "emit.h"

#include <string.h>

static const char style[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}"
	"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}"
	"table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .5em;"
	"vertical-align:top;text-align:left}th{background:#f3f3f3}td.n{text-align:right}"
	".def{margin:1em 0;padding:.5em 1em;border-left:4px solid #bbb}"
	".refer{border-color:#2a7}.divergent{border-color:#d80}.sug{color:#175;font-weight:600}"
	".bad{color:#b00;font-weight:600}blockquote{margin:.3em 0;color:#444}"
	".hot{background:#fde2e2}.tag{display:inline-block;padding:0 .4em;margin-right:.3em;"
	"border-radius:3px;background:#eee}";

static int pct(double p)
{
	return (int)(p * 100 + 0.5);
}

static void bill(FILE *out, const bg_check_result *r)
{
	char w[160];

	fputs("<section><h1>", out);
	bg_html_text(out, r->title[0] ? r->title : r->file);
	fputs("</h1><p>", out);
	bg_html_text(out, r->file);
	fprintf(out, " &middot; %s", r->format);
	if (r->bwb_id[0]) {
		fputs(" &middot; ", out);
		bg_html_text(out, r->bwb_id);
	}
	fputs("</p><p>Findings: ", out);
	if (!r->kinds)
		fputs("none", out);
	for (unsigned bit = 1; bit <= BG_CHECK_DANGLING; bit <<= 1)
		if (r->kinds & bit)
			fprintf(out, "<span class=\"tag\">%s</span>", bg_check_kind_name(bit));
	fprintf(out, "</p><h2>Definitions (%zu)</h2>", r->ndefs);
	for (size_t i = 0; i < r->ndefs; i++) {
		const bg_check_def *d = &r->defs[i];
		bg_check_where(w, sizeof w, d->article, d->lid, d->item);
		fprintf(out, "<div class=\"def%s\"><b>", d->refer ? " refer" : d->divergent ? " divergent" : "");
		bg_html_text(out, w);
		fputs(": ", out);
		bg_html_text(out, d->term);
		fputs("</b> (", out);
		bg_html_text(out, d->kind);
		if (d->concept[0]) {
			fputs(", concept ", out);
			bg_html_text(out, d->concept);
		}
		fputs(")<blockquote>", out);
		bg_html_text(out, d->text);
		fputs("</blockquote>", out);
		if (d->target[0]) {
			fputs("<p>Points to ", out);
			bg_html_text(out, d->target);
			if (d->target_title[0]) {
				fputs(" (", out);
				bg_html_text(out, d->target_title);
				fputc(')', out);
			}
			if (d->target_missing)
				fputs(d->target_law_known ? " <span class=\"bad\">no such article in the index</span>"
							  : " (law not in the index)", out);
			fputs("</p>", out);
		}
		if (d->refer) {
			fputs("<p class=\"sug\">Suggestion: ", out);
			bg_html_text(out, d->suggestion);
			fputs("</p>", out);
		}
		if (d->divergent)
			fputs("<p class=\"bad\">Divergent: a new meaning of a lexicon concept; no existing "
			      "definition is close enough to refer to.</p>", out);
		if (d->nnear) {
			fputs("<table><tr><th>score</th><th>law</th><th>provision</th><th>term</th>"
			      "<th>kind</th><th>differences</th></tr>", out);
			for (size_t j = 0; j < d->nnear; j++) {
				const bg_check_match *m = &d->near[j];
				bg_check_where(w, sizeof w, m->article, m->lid, m->item);
				fprintf(out, "<tr><td class=\"n\">%.2f</td><td>", m->score);
				bg_html_text(out, m->title);
				fputs("</td><td>", out);
				if (m->link[0]) {
					fputs("<a href=\"", out);
					bg_html_text(out, m->link);
					fputs("\">", out);
					bg_html_text(out, w);
					fputs("</a>", out);
				} else {
					bg_html_text(out, w);
				}
				fputs("</td><td>", out);
				bg_html_text(out, m->term);
				fputs("</td><td>", out);
				bg_html_text(out, m->kind);
				fputs("</td><td>", out);
				if (m->same_wording)
					fputs("same wording", out);
				else if (m->same_root)
					fputs("same meaning: both lead to the same provision", out);
				for (size_t k = 0; k < m->ndiffs; k++) {
					if (k)
						fputs("<br>", out);
					bg_html_text(out, m->diffs[k]);
				}
				fputs("</td></tr>", out);
			}
			fputs("</table>", out);
		} else {
			fputs("<p>No existing definition in the index.</p>", out);
		}
		fputs("</div>", out);
	}
	fprintf(out, "<h2>Concepts used without a definition (%zu)</h2><ul>", r->nuses);
	for (size_t i = 0; i < r->nuses; i++) {
		const bg_check_use *u = &r->uses[i];
		fputs("<li><b>", out);
		bg_html_text(out, u->concept);
		fprintf(out, "</b> (%zu times)", u->count);
		for (size_t j = 0; j < u->ncand; j++) {
			fputs(j ? "; " : ": could apply: ", out);
			bg_html_text(out, u->cand[j].title);
			if (u->cand[j].article[0]) {
				fputs(" artikel ", out);
				bg_html_text(out, u->cand[j].article);
			}
			fputs(" <i>(", out);
			bg_html_text(out, u->cand[j].why);
			fputs(")</i>", out);
		}
		fputs("</li>", out);
	}
	fprintf(out, "</ul><h2>Articles</h2><p>Percentiles against %zu articles of the index.</p>"
		     "<table><tr><th>article</th><th>conditions</th><th>exceptions</th>"
		     "<th>delegations</th><th>references</th><th>stacking</th></tr>",
		r->corpus_articles);
	for (size_t i = 0; i < r->narts; i++) {
		const bg_check_art *a = &r->arts[i];
		fprintf(out, "<tr%s><td>", a->above_p90 ? " class=\"hot\"" : "");
		bg_html_text(out, a->label);
		fprintf(out, "</td><td class=\"n\">%u (p%d)</td><td class=\"n\">%u (p%d)</td>"
			     "<td class=\"n\">%u (p%d)</td><td class=\"n\">%u + %u</td>"
			     "<td class=\"n\">%.1f (p%d)</td></tr>",
			a->conditions, pct(a->pct_conditions), a->exceptions, pct(a->pct_exceptions),
			a->delegations, pct(a->pct_delegations), a->refs_internal, a->refs_external,
			a->stacking, pct(a->pct_stacking));
	}
	fputs("</table>", out);
	if (r->basis[0]) {
		fputs(!strcmp(r->basis, "version") ? "<h2>Delta against the indexed version</h2><p>"
						   : "<h2>Amended act</h2><p>", out);
		if (r->act[0]) {
			fputs("Act named: ", out);
			bg_html_text(out, r->act);
			fputs("<br>", out);
		}
		bg_html_text(out, r->base_title);
		fputc(' ', out);
		bg_html_text(out, r->base_bwb_id);
		if (r->base_bwb_id[0] && !r->base_file[0])
			fputs(" (not in the index)", out);
		else if (r->base_file[0]) {
			fputs(" (", out);
			bg_html_text(out, r->base_date[0] ? r->base_date : "undated");
			fputc(')', out);
		}
		fputs("</p>", out);
		if (r->nddelta) {
			fputs("<table><tr><th>definition</th><th>change</th><th>where</th><th>was</th>"
			      "<th>now</th><th>divergence</th></tr>", out);
			for (size_t i = 0; i < r->nddelta; i++) {
				const bg_check_defdelta *d = &r->ddelta[i];
				fputs("<tr><td>", out);
				bg_html_text(out, d->term);
				fputs("</td><td>", out);
				bg_html_text(out, d->change);
				fputs("</td><td>", out);
				bg_html_text(out, d->where_new[0] ? d->where_new : d->where_old);
				fputs("</td><td>", out);
				bg_html_text(out, d->old_text);
				fputs("</td><td>", out);
				bg_html_text(out, d->new_text);
				fprintf(out, "</td><td class=\"n\">%.2f</td></tr>", d->score);
			}
			fputs("</table>", out);
		}
		if (r->nadelta) {
			fputs("<table><tr><th>article</th><th>change</th><th>conditions</th>"
			      "<th>exceptions</th><th>delegations</th></tr>", out);
			for (size_t i = 0; i < r->nadelta; i++) {
				const bg_check_artdelta *a = &r->adelta[i];
				fputs("<tr><td>", out);
				bg_html_text(out, a->label);
				fprintf(out, "</td><td>%s</td><td class=\"n\">%+d</td><td class=\"n\">%+d</td>"
					     "<td class=\"n\">%+d</td></tr>", a->change, a->conditions,
					a->exceptions, a->delegations);
			}
			fputs("</table>", out);
		}
		if (r->namends) {
			fputs("<ul>", out);
			for (size_t i = 0; i < r->namends; i++) {
				const bg_check_amend *a = &r->amends[i];
				fputs("<li>", out);
				if (a->onderdeel[0]) {
					fputs("onderdeel ", out);
					bg_html_text(out, a->onderdeel);
					fputs(": ", out);
				}
				bg_html_text(out, a->action);
				fputc(' ', out);
				bg_html_text(out, a->target);
				for (size_t j = 0; j < a->narticles; j++) {
					fputs(j ? ", " : "; articles ", out);
					bg_html_text(out, a->articles[j]);
				}
				fputs("</li>", out);
			}
			fputs("</ul>", out);
		}
	}
	fputs("</section>\n", out);
}

void bg_check_write_html(FILE *out, const bg_check_result *const *r, size_t n)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
		     "<title>begrip check</title><style>%s</style></head><body>\n", style);
	for (size_t i = 0; i < n; i++)
		bill(out, r[i]);
	fputs("</body></html>\n", out);
}
