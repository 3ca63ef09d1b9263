/*
 * report_html.c -- index.html of the batch report: one self-contained
 * HTML5 page (no network: no external scripts, styles, fonts or images)
 * with a section per part, each with an anchor:
 *   #overview     the corpus and the concepts at a glance;
 *   #concepts     per lexicon concept: its variants with the wording of
 *                 each, the close pairs (harmonisation), and a link to the
 *                 concept's full compare page (concepts/ID.html);
 *   #candidates   the simplification candidates (candidates.h);
 *   #complexity   the regulations by composite rank, and the most stacked
 *                 provisions;
 *   #definitions  every definition record, law text quoted;
 *   #files        what else the report directory holds.
 * Tables are plain HTML, readable without JavaScript.  A small inline
 * script makes every table.sortable sort when a header is clicked (cells
 * may carry data-sort, the value sorted on) and adds a filter box above
 * each table.  Every piece of law text passes through bg_html_text.
 *
 * Self-test: with "#selftest-sort=TABLE,COLUMN" in the URL the script
 * clicks that header twice once the page has loaded and records the first
 * column's values after each click in <body data-selftest-...>, so that a
 * headless browser's --dump-dom shows what the click did
 * (tests/report-test.sh).
 */
#include "report_render.h"
#include "compare_report.h"
#include "emit.h"

#include <string.h>

static const char style[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;"
	"color:#1c1c1c;background:#fafafa}\n"
	"header{background:#15325b;color:#fff;padding:14px 24px}header h1{margin:0;font-size:24px}\n"
	"nav{background:#e8edf5;padding:6px 24px;position:sticky;top:0}nav a{margin-right:16px;"
	"color:#15325b;font-weight:600;text-decoration:none}\n"
	"main{padding:0 24px 40px;max-width:1400px}\n"
	"h2{font-size:20px;margin:30px 0 8px;border-bottom:2px solid #15325b;padding-bottom:4px}\n"
	"h3{font-size:17px;margin:22px 0 6px}\n"
	".cards{display:flex;gap:12px;flex-wrap:wrap}.cards div{background:#fff;border:1px solid #ddd;"
	"border-radius:6px;padding:8px 14px}.cards b{display:block;font-size:22px;color:#15325b}\n"
	"table{border-collapse:collapse;background:#fff;margin:6px 0 12px}table.wide{width:100%}\n"
	"td,th{padding:3px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #e4e4e4}\n"
	"th{background:#e8edf5}td.n{text-align:right;white-space:nowrap}\n"
	"section{overflow-x:auto}td{overflow-wrap:break-word}\n"
	"table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:' \\25B2'}"
	"th[aria-sort=descending]::after{content:' \\25BC'}\n"
	"blockquote{margin:0;padding:0 0 0 8px;border-left:3px solid #c9d3e3;font-size:14px;"
	"max-width:70ch}\n"
	".filter{margin:4px 0;padding:3px 6px;width:24em}.note{color:#555}\n"
	".concept{background:#fff;border:1px solid #ddd;border-left:6px solid #15325b;border-radius:6px;"
	"padding:4px 14px 8px;margin:14px 0}\n";

/* Click-to-sort, filter boxes, and the self-test hook; nothing else. */
static const char script[] =
	"(function(){\n"
	"function key(td){return td.hasAttribute('data-sort')?td.getAttribute('data-sort'):td.textContent;}\n"
	"function sortBy(th){var table=th.closest('table'),tb=table.tBodies[0],i=th.cellIndex,\n"
	" num=th.getAttribute('data-sort')==='num',asc=th.getAttribute('aria-sort')!=='ascending';\n"
	" var rows=Array.prototype.slice.call(tb.rows);\n"
	" rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]),c;\n"
	"  if(num){c=(parseFloat(x)||0)-(parseFloat(y)||0);}else{c=x.localeCompare(y,'nl');}\n"
	"  return asc?c:-c;});\n"
	" Array.prototype.forEach.call(th.parentNode.cells,function(h){h.removeAttribute('aria-sort');});\n"
	" th.setAttribute('aria-sort',asc?'ascending':'descending');\n"
	" rows.forEach(function(r){tb.appendChild(r);});}\n"
	"document.querySelectorAll('table.sortable').forEach(function(t){\n"
	" t.tHead.addEventListener('click',function(e){var th=e.target.closest('th');if(th)sortBy(th);});\n"
	" var f=document.createElement('input');f.type='search';f.className='filter';\n"
	" f.placeholder='filter rows';f.setAttribute('aria-label','filter '+(t.id||'table'));\n"
	" f.addEventListener('input',function(){var q=f.value.toLowerCase();\n"
	"  Array.prototype.forEach.call(t.tBodies[0].rows,function(r){\n"
	"   r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});\n"
	" t.parentNode.insertBefore(f,t);});\n"
	"var m=/^#selftest-sort=([\\w-]+),(\\d+)$/.exec(location.hash);\n"
	"if(m){var t=document.getElementById(m[1]),th=t.tHead.rows[0].cells[+m[2]];\n"
	" function col(){return Array.prototype.map.call(t.tBodies[0].rows,function(r){\n"
	"  return key(r.cells[+m[2]]);}).join('\\u001f');}\n"
	" document.body.setAttribute('data-selftest-before',col());\n"
	" th.dispatchEvent(new MouseEvent('click',{bubbles:true}));\n"
	" document.body.setAttribute('data-selftest-first',col());\n"
	" th.dispatchEvent(new MouseEvent('click',{bubbles:true}));\n"
	" document.body.setAttribute('data-selftest-second',col());}\n"
	"})();\n";

static void h(FILE *o, const char *s)
{
	bg_html_text(o, s);
}

static void law_link(FILE *o, const char *bwb_id, const char *title)
{
	bg_buf b = BG_BUF_INIT;

	bg_report_law_link(bwb_id, &b);
	if (b.len) {
		fputs("<a href=\"", o);
		h(o, b.s);
		fputs("\">", o);
		h(o, title && title[0] ? title : bwb_id);
		fputs("</a>", o);
	} else {
		h(o, title);
	}
	bg_buf_release(&b);
}

static void link_to(FILE *o, const char *href, const char *text)
{
	if (!href[0]) {
		h(o, text);
		return;
	}
	fputs("<a href=\"", o);
	h(o, href);
	fputs("\">", o);
	h(o, text);
	fputs("</a>", o);
}

static void quote(FILE *o, const char *text, const char *cite)
{
	fputs("<blockquote", o);
	if (cite[0]) {
		fputs(" cite=\"", o);
		h(o, cite);
		fputc('"', o);
	}
	fputc('>', o);
	h(o, text);
	fputs("</blockquote>", o);
}

static void num(FILE *o, double v, int prec)
{
	fprintf(o, "<td class=\"n\" data-sort=\"%.6g\">%.*f</td>", v, prec, v);
}

static void count(FILE *o, size_t v)
{
	fprintf(o, "<td class=\"n\" data-sort=\"%zu\">%zu</td>", v, v);
}

static void th(FILE *o, const char *label, bool numeric)
{
	fprintf(o, "<th scope=\"col\"%s>%s</th>", numeric ? " data-sort=\"num\"" : "", label);
}

/* ------------------------------------------------------------ overview */

static size_t kind_count(const bg_report *r, bg_def_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < bg_defset_count(r->set); i++)
		n += bg_defset_get(r->set, i)->kind == k;
	return n;
}

static void overview(FILE *o, const bg_report *r)
{
	size_t ndefs = bg_defset_count(r->set), nlex = 0;

	for (size_t i = 0; i < ndefs; i++)
		nlex += bg_defset_get(r->set, i)->concept[0] != '\0';
	fputs("<section id=\"overview\"><h2>Overview</h2>\n<div class=\"cards\">", o);
	fprintf(o, "<div><b>%zu</b>files read</div>", r->parsed);
	fprintf(o, "<div><b>%zu</b>files that failed</div>", r->failed);
	fprintf(o, "<div><b>%zu</b>regulations ranked (latest versions)</div>", r->nranked);
	fprintf(o, "<div><b>%zu</b>definitions</div>", ndefs);
	fprintf(o, "<div><b>%zu</b>definitions of lexicon concepts</div>", nlex);
	if (r->candidates_done)
		fprintf(o, "<div><b>%zu</b>simplification candidates</div>", r->cands.n);
	fputs("</div>\n<p>Definitions by kind: ", o);
	for (int k = BG_DEF_OWN; k <= BG_DEF_NEGATIVE; k++)
		fprintf(o, "%s%s %zu", k ? ", " : "", bg_def_kind_name((bg_def_kind)k),
			kind_count(r, (bg_def_kind)k));
	fputs(".</p>\n<h3>Concepts at a glance</h3>\n"
	      "<p class=\"note\">A definition is what one article of the latest version of a "
	      "regulation says about the concept; definitions with the same origin or the same "
	      "normalised wording form one variant.  Divergence runs from 0 (same meaning) to 1 "
	      "(nothing shared).</p>\n"
	      "<table class=\"sortable\" id=\"t-concepts\"><thead><tr>", o);
	th(o, "concept", false);
	th(o, "records", true);
	th(o, "definitions", true);
	th(o, "laws", true);
	th(o, "variants", true);
	th(o, "entropy (normalised)", true);
	th(o, "mean divergence", true);
	th(o, "close pairs", true);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t i = 0; i < r->nconcepts; i++) {
		const bg_report_concept *c = &r->concepts[i];
		size_t close = 0;
		for (size_t p = 0; p < c->cmp.npairs; p++)
			close += c->cmp.pairs[p].score < BG_REPORT_CLOSE;
		fputs("<tr><td><a href=\"#concept-", o);
		h(o, c->id);
		fputs("\">", o);
		h(o, c->label);
		fputs("</a></td>", o);
		count(o, c->nrecords);
		count(o, c->ndefs);
		count(o, c->cmp.nlaws);
		count(o, c->cmp.nvar);
		num(o, c->cmp.entropy_norm, 3);
		num(o, c->cmp.mean_divergence, 3);
		count(o, close);
		fputs("</tr>\n", o);
	}
	fputs("</tbody></table></section>\n", o);
}

/* ------------------------------------------------------------ concepts */

static void concept_section(FILE *o, const bg_report *r, const bg_report_concept *c)
{
	const bg_cmp *m = &c->cmp;
	size_t shown = 0;

	fputs("<div class=\"concept\" id=\"concept-", o);
	h(o, c->id);
	fputs("\"><h3>", o);
	h(o, c->label);
	fputs("</h3>\n<p class=\"note\">", o);
	h(o, c->note);
	if (c->broader[0]) {
		fputs(" Broader concept: ", o);
		h(o, c->broader);
		fputc('.', o);
	}
	fprintf(o, "</p>\n<p>%zu definitions in %zu laws, %zu variants; mean divergence %.3f.",
		c->ndefs, m->nlaws, m->nvar, m->mean_divergence);
	if (c->ndefs) {
		fputs(" <a href=\"concepts/", o);
		h(o, c->id);
		fputs(".html\">Full comparison: divergence matrix, the most divergent pairs explained</a>.", o);
	}
	fputs("</p>\n", o);
	if (!c->ndefs) {
		fputs("</div>\n", o);
		return;
	}
	fputs("<table class=\"sortable wide\" id=\"t-variants-", o);
	h(o, c->id);
	fputs("\"><thead><tr>", o);
	th(o, "variant", true);
	th(o, "law", false);
	th(o, "provision", false);
	th(o, "kind", false);
	th(o, "meaning from", false);
	th(o, "text", false);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t v = 0; v < m->nvar; v++)
		for (size_t k = 0; k < m->var[v].n; k++) {
			const bg_cmp_def *d = &m->defs[m->var[v].members[k]];
			fprintf(o, "<tr><td class=\"n\" data-sort=\"%zu\">V%zu</td><td>", v + 1, v + 1);
			law_link(o, d->law, d->title);
			fputs("</td><td>", o);
			link_to(o, d->link, d->where);
			fputs("</td><td>", o);
			h(o, d->kind);
			fputs("</td><td>", o);
			h(o, d->root_label);
			fputs("</td><td>", o);
			quote(o, d->text, d->link);
			fputs("</td></tr>\n", o);
		}
	fputs("</tbody></table>\n", o);

	/* harmonisation: pairs of variants that differ a little */
	for (size_t p = 0; p < m->npairs; p++)
		shown += m->pairs[p].score < BG_REPORT_CLOSE;
	if (!shown) {
		fprintf(o, "<p>No two variants are closer than %.2f.</p></div>\n", BG_REPORT_CLOSE);
		return;
	}
	fprintf(o, "<p>Close variants (divergence below %.2f): candidates for one shared "
		   "definition.</p>\n<table class=\"sortable\" id=\"t-close-", BG_REPORT_CLOSE);
	h(o, c->id);
	fputs("\"><thead><tr>", o);
	th(o, "divergence", true);
	th(o, "variant A", false);
	th(o, "variant B", false);
	th(o, "origin", true);
	th(o, "components", true);
	th(o, "words", true);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t p = 0; p < m->npairs; p++) {
		const bg_cmp_pair *pr = &m->pairs[p];
		bg_buf a = BG_BUF_INIT, b = BG_BUF_INIT;
		if (pr->score >= BG_REPORT_CLOSE)
			continue;
		bg_compare_side_name(m, pr->va, &a);
		bg_compare_side_name(m, pr->vb, &b);
		fputs("<tr>", o);
		num(o, pr->score, 3);
		fprintf(o, "<td>V%zu ", pr->va + 1);
		h(o, a.s);
		fprintf(o, "</td><td>V%zu ", pr->vb + 1);
		h(o, b.s);
		fputs("</td>", o);
		num(o, pr->root, 2);
		num(o, pr->comp, 3);
		num(o, pr->tok, 3);
		fputs("</tr>\n", o);
		bg_buf_release(&a);
		bg_buf_release(&b);
	}
	fputs("</tbody></table></div>\n", o);
	(void)r;
}

/* --------------------------------------------------------- definitions */

static void definitions(FILE *o, const bg_report *r)
{
	size_t n = bg_defset_count(r->set);

	fprintf(o, "<section id=\"definitions\"><h2>Definitions</h2>\n"
		   "<p>Every definition found (%zu records, all versions in the corpus), as in "
		   "<code>begrip defs</code> and definitions.csv.  The link of each provision opens "
		   "it on wetten.overheid.nl.</p>\n"
		   "<table class=\"sortable wide\" id=\"t-definitions\"><thead><tr>", n);
	th(o, "law", false);
	th(o, "version", false);
	th(o, "provision", false);
	th(o, "term", false);
	th(o, "concept", false);
	th(o, "kind", false);
	th(o, "scope", false);
	th(o, "points to", false);
	th(o, "text", false);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t i = 0; i < n; i++) {
		const bg_def *d = bg_defset_get(r->set, i);
		bg_buf w = BG_BUF_INIT;

		if (d->article[0])
			bg_buf_addf(&w, "artikel %s", d->article);
		if (d->lid[0])
			bg_buf_addf(&w, " lid %s", d->lid);
		if (d->item[0])
			bg_buf_addf(&w, " onder %s", d->item);
		fputs("<tr><td>", o);
		law_link(o, d->bwb_id, d->law_title);
		fputs("</td><td>", o);
		h(o, d->date);
		fputs("</td><td>", o);
		link_to(o, d->link, w.len ? w.s : d->address);
		fputs("</td><td>", o);
		h(o, d->term);
		fputs("</td><td>", o);
		h(o, d->concept);
		fputs("</td><td>", o);
		h(o, bg_def_kind_name(d->kind));
		fputs("</td><td>", o);
		h(o, d->scope_kind);
		fputs("</td><td>", o);
		if (d->root) {
			h(o, d->root->bwb_id);
			fputs(" artikel ", o);
			h(o, d->root->article);
		} else if (d->target_bwb_id[0]) {
			h(o, d->target_bwb_id);
			fputs(" artikel ", o);
			h(o, d->target_article);
		}
		fputs("</td><td>", o);
		quote(o, d->text, d->link);
		if (d->modification[0]) {
			fputs("<p class=\"note\">Modification: ", o);
			h(o, d->modification);
			fputs("</p>", o);
		}
		fputs("</td></tr>\n", o);
		bg_buf_release(&w);
	}
	fputs("</tbody></table></section>\n", o);
}

/* ---------------------------------------------------------- complexity */

enum { TOP_PROVISIONS = 100 };

static void complexity(FILE *o, const bg_report *r)
{
	const bg_cx_prov *top[TOP_PROVISIONS];
	const bg_cx_doc *topdoc[TOP_PROVISIONS];
	size_t ntop = 0;

	fputs("<section id=\"complexity\"><h2>Complexity</h2>\n"
	      "<p>Regulations by composite rank: the mean of six percentile ranks (elements, "
	      "depth, words, entropy, citations in and out) against the latest version of every "
	      "regulation, as in <code>begrip complexity</code> and complexity.csv.  Stacking is "
	      "the weighted count of conditions, exceptions, list items, nesting, delegations and "
	      "references of a provision.</p>\n"
	      "<table class=\"sortable wide\" id=\"t-complexity\"><thead><tr>", o);
	th(o, "rank", true);
	th(o, "law", false);
	th(o, "kind", false);
	th(o, "composite", true);
	th(o, "articles", true);
	th(o, "words", true);
	th(o, "conditions", true);
	th(o, "exceptions", true);
	th(o, "delegations", true);
	th(o, "stacking total", true);
	th(o, "stacking max", true);
	th(o, "Flesch-Douma", true);
	th(o, "cited by", true);
	th(o, "cites", true);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t i = 0; i < r->nranked; i++) {
		const bg_cx_doc *x = r->ranked[i];
		count(o, x->rank);
		fputs("<td>", o);
		law_link(o, x->bwb_id, x->title);
		fputs("</td><td>", o);
		h(o, x->soort);
		fputs("</td>", o);
		num(o, x->composite, 4);
		count(o, x->at);
		count(o, x->total.words);
		count(o, x->total.conditions);
		count(o, x->total.exceptions);
		count(o, x->total.delegations);
		num(o, x->stacking_total, 2);
		num(o, x->stacking_max, 2);
		num(o, x->flesch, 1);
		count(o, x->cit_in);
		count(o, x->cit_out);
		fputs("</tr>\n", o);
		/* the most stacked leaf provisions of the latest versions */
		for (size_t k = 0; k < x->nprov; k++) {
			const bg_cx_prov *p = &x->provs[k];
			size_t j;
			if (!p->leaf || p->kind == BG_CX_DEFINITION)
				continue;
			if (ntop == TOP_PROVISIONS && p->stacking <= top[ntop - 1]->stacking)
				continue;
			j = ntop < TOP_PROVISIONS ? ntop++ : ntop - 1;
			for (; j > 0 && top[j - 1]->stacking < p->stacking; j--) {
				top[j] = top[j - 1];
				topdoc[j] = topdoc[j - 1];
			}
			top[j] = p;
			topdoc[j] = x;
		}
	}
	fputs("</tbody></table>\n", o);
	fprintf(o, "<h3>The %zu most stacked provisions</h3>\n"
		   "<table class=\"sortable\" id=\"t-stacking\"><thead><tr>", ntop);
	th(o, "stacking", true);
	th(o, "law", false);
	th(o, "provision", false);
	th(o, "conditions", true);
	th(o, "exceptions", true);
	th(o, "items (en)", true);
	th(o, "items (of)", true);
	th(o, "depth", true);
	th(o, "references", true);
	th(o, "words", true);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t i = 0; i < ntop; i++) {
		const bg_cx_prov *p = top[i];
		fputs("<tr>", o);
		num(o, p->stacking, 2);
		fputs("<td>", o);
		law_link(o, topdoc[i]->bwb_id, topdoc[i]->title);
		fputs("</td><td>", o);
		h(o, p->label);
		fputs("</td>", o);
		count(o, p->c.conditions);
		count(o, p->c.exceptions);
		count(o, p->c.items_and);
		count(o, p->c.items_or);
		count(o, p->c.depth);
		count(o, (size_t)p->c.refs_internal + p->c.refs_external);
		count(o, p->c.words);
		fputs("</tr>\n", o);
	}
	fputs("</tbody></table></section>\n", o);
}

/* ---------------------------------------------------------- candidates */

static void candidates(FILE *o, const bg_report *r)
{
	fputs("<section id=\"candidates\"><h2>Simplification candidates</h2>\n", o);
	if (!r->candidates_done) {
		fputs("<p>Not part of this report.</p></section>\n", o);
		return;
	}
	fprintf(o, "<p>%zu proposals, best first (scores 0..1, comparable across kinds): "
		   "concepts to harmonise, definitions to replace by a reference, heavily "
		   "stacked provisions, broken references, unused definitions and concepts used "
		   "without a definition; as in candidates.csv.</p>\n"
		   "<table class=\"sortable wide\" id=\"t-candidates\"><thead><tr>", r->cands.n);
	th(o, "rank", true);
	th(o, "score", true);
	th(o, "kind", false);
	th(o, "subject", false);
	th(o, "provisions", false);
	th(o, "evidence", false);
	th(o, "rationale", false);
	fputs("</tr></thead><tbody>\n", o);
	for (size_t i = 0; i < r->cands.n; i++) {
		const bg_cand *c = &r->cands.v[i];
		fputs("<tr>", o);
		count(o, i + 1);
		num(o, c->score, 3);
		fprintf(o, "<td>%s</td><td>", bg_cand_kind_name(c->kind));
		h(o, c->subject ? c->subject : "");
		fputs("</td><td>", o);
		for (size_t j = 0; j < c->nprovs; j++) {
			const bg_cand_prov *p = &c->provs[j];
			bg_buf l = BG_BUF_INIT;
			bg_buf_addf(&l, "%s %s", p->law ? p->law : p->bwb_id, p->label ? p->label : "");
			if (j)
				fputs("<br>", o);
			link_to(o, p->link ? p->link : "", l.s);
			bg_buf_release(&l);
		}
		fputs("</td><td>", o);
		quote(o, c->evidence ? c->evidence : "", "");
		fputs("</td><td>", o);
		h(o, c->rationale ? c->rationale : "");
		fputs("</td></tr>\n", o);
	}
	fputs("</tbody></table></section>\n", o);
}

/* --------------------------------------------------------------- files */

static void files(FILE *o, const bg_report *r)
{
	static const char *const f[][2] = {
		{ "summary.md", "a short summary to paste into a memo" },
		{ "definitions.csv", "every definition record (the columns of begrip defs --format csv)" },
		{ "complexity.csv", "every regulation with its measures and rank" },
		{ "candidates.csv", "the simplification candidates" },
		{ "report.json", "everything above in one JSON document (fields: README)" },
		{ "begrip.sqlite", "the SQLite store: regulations, provisions, refs, definitions, "
				   "measures, candidates (schema and queries: README)" },
		{ "concepts.ttl", "the concepts and definitions in SKOS (NL-SBB), Turtle" },
	};
	size_t shown = 0;

	fputs("<section id=\"files\"><h2>Files of this report</h2><ul>\n", o);
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		fprintf(o, "<li><a href=\"%s\">%s</a>: %s</li>\n", f[i][0], f[i][0], f[i][1]);
	fputs("</ul>\n", o);
	for (size_t i = 0; i < r->ncx; i++) {
		if (!r->diags[i].status)
			continue;
		if (!shown++)
			fputs("<h3>Files that could not be read</h3><ul>\n", o);
		fputs("<li>", o);
		h(o, r->diags[i].file ? r->diags[i].file : "");
		fprintf(o, ":%u: ", r->diags[i].line);
		h(o, r->diags[i].message ? r->diags[i].message : "");
		fputs("</li>\n", o);
	}
	if (shown)
		fputs("</ul>\n", o);
	fputs("</section>\n", o);
}

void bg_report_write_html(FILE *o, const bg_report *r)
{
	fputs("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>begrip report</title>\n<style>", o);
	fputs(style, o);
	fputs("</style></head><body>\n<header><h1>begrip: definitions and complexity of the corpus"
	      "</h1><div>", o);
	h(o, r->corpus);
	fputs(" &middot; ", o);
	h(o, r->created);
	fputs(" &middot; begrip ", o);
	h(o, r->version);
	fputs("</div></header>\n<nav><a href=\"#overview\">Overview</a><a href=\"#concepts\">Concepts"
	      "</a><a href=\"#candidates\">Candidates</a><a href=\"#complexity\">Complexity</a>"
	      "<a href=\"#definitions\">Definitions</a><a href=\"#files\">Files</a></nav>\n<main>\n", o);
	overview(o, r);
	fputs("<section id=\"concepts\"><h2>Concepts</h2>\n", o);
	for (size_t i = 0; i < r->nconcepts; i++)
		concept_section(o, r, &r->concepts[i]);
	fputs("</section>\n", o);
	candidates(o, r);
	complexity(o, r);
	definitions(o, r);
	files(o, r);
	fputs("</main>\n<script>", o);
	fputs(script, o);
	fputs("</script>\n</body></html>\n", o);
}

void bg_report_write_concept_html(FILE *o, const bg_report *r, size_t i)
{
	const bg_report_concept *c = &r->concepts[i];
	bg_cmp_report rep = { c->id, &c->cmp, 30, false };  /* as `compare --format html` */

	bg_compare_write_html(o, &rep);
}
