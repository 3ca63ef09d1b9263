/*
 * cli_complexity.c -- `begrip complexity`: complexity of regulations and
 * the stacking of conditions in their provisions, per law, per article or
 * per definition, optionally over the versions of each regulation, as
 * text, JSON, CSV or a self-contained HTML page.
 *
 * Each document is measured in its worker thread (bg_cx_analyze) and
 * freed; only the compact bg_cx_doc stays.  Corpus-level parts follow
 * (bg_cx_corpus_finish).  The text of the few provisions shown in a top
 * list is read back afterwards from their files, so no text is kept for
 * the rest.
 */
#include "cli.h"
#include "complexity.h"
#include "../reports/complexity_html.h"
#include "../reports/emit.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"begrip complexity [--by law|article|definition] [--history] [--top N] "
	"[--format text|json|csv|html] [--output FILE] [--lexicon FILE] [--jobs N] "
	"[--corpus DIR] [PATH...]";

#define TEXT_MAX 1500  /* bytes of provision text kept for a top list */

struct run {
	const bg_cx_rules *rules;
	bg_cx_doc **docs;
	bool *oom;
};

static void analyze_one(size_t i, bg_doc *doc, void *ctx)
{
	struct run *r = ctx;

	if (!(r->docs[i] = bg_cx_analyze(r->rules, doc)))
		r->oom[i] = true;
}

/* ------------------------------------------------------------ model */

static bool is_latest(const bg_cx_doc *d)
{
	return d->rank > 0;
}

static int law_cmp(const void *a, const void *b)
{
	const bg_cx_doc *x = *(bg_cx_doc *const *)a, *y = *(bg_cx_doc *const *)b;

	if (is_latest(x) != is_latest(y))
		return is_latest(x) ? -1 : 1;
	if (is_latest(x))
		return x->rank < y->rank ? -1 : x->rank > y->rank;
	return strcmp(x->path, y->path);
}

static int item_cmp(const void *a, const void *b)
{
	const bg_cx_item *x = a, *y = b;
	double dx = x->prov->stacking - x->before, dy = y->prov->stacking - y->before;

	if (dx != dy)
		return dx > dy ? -1 : 1;
	if (x->prov->c.words != y->prov->c.words)
		return x->prov->c.words > y->prov->c.words ? -1 : 1;
	{
		int c = strcmp(x->doc->path, y->doc->path);
		return c ? c : strcmp(x->prov->address, y->prov->address);
	}
}

static bool wanted(const bg_cx_prov *p, const char *by)
{
	if (!strcmp(by, "definition"))
		return p->kind == BG_CX_DEFINITION;
	if (!strcmp(by, "article"))
		return p->kind != BG_CX_DEFINITION;
	return p->kind != BG_CX_DEFINITION && p->leaf;
}

/* Copies at most max bytes of s, cut at a UTF-8 boundary, with "…". */
static char *cut_text(const char *s, size_t n, size_t max)
{
	bg_buf b = BG_BUF_INIT;

	if (n > max) {
		while (max && ((unsigned char)s[max] & 0xC0) == 0x80)
			max--;
		bg_buf_add(&b, s, max);
		bg_buf_adds(&b, " \xe2\x80\xa6");
	} else {
		bg_buf_add(&b, s, n);
	}
	return bg_buf_detach(&b);
}

/* Reads the text of the listed provisions back from their files. */
static void fetch_texts(bg_cx_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bg_doc *doc = NULL;
		bg_diag d = {0};
		const char *path = items[i].doc->path;
		bool done = true;

		if (items[i].text)
			continue;
		for (size_t j = i; j < n; j++)
			if (!items[j].text && !strcmp(items[j].doc->path, path))
				done = false;
		if (done)
			continue;
		if (bg_doc_read_file(path, &(bg_read_opts){ .allow_op = true }, &doc, &d) != BG_OK) {
			bg_diag_clear(&d);
			continue;
		}
		const bg_node *root = bg_doc_root(doc);
		for (const bg_node *nd = root; nd; nd = bg_node_next(root, nd)) {
			if (nd->kind != BG_N_ARTIKEL && nd->kind != BG_N_LID &&
			    nd->kind != BG_N_LI && nd->kind != BG_N_DEFITEM)
				continue;
			for (size_t j = i; j < n; j++) {
				if (items[j].text || strcmp(items[j].doc->path, path) ||
				    strcmp(items[j].prov->address, nd->address))
					continue;
				bg_buf b = BG_BUF_INIT;
				bg_node_text(nd, &b);
				if (bg_buf_ok(&b))
					items[j].text = cut_text(b.s, b.len, TEXT_MAX);
				bg_buf_release(&b);
			}
		}
		bg_doc_free(doc);
	}
}

/* Provisions of the latest versions (or all documents when
 * all_versions), sorted by stacking. */
static bg_cx_item *collect(bg_cx_doc **laws, size_t nlaws, const char *by,
			   size_t *count)
{
	size_t n = 0, k = 0;
	bg_cx_item *v;

	for (size_t i = 0; i < nlaws; i++)
		if (is_latest(laws[i]))
			for (size_t j = 0; j < laws[i]->nprov; j++)
				n += wanted(&laws[i]->provs[j], by);
	if (!(v = calloc(n ? n : 1, sizeof *v)))
		return NULL;
	for (size_t i = 0; i < nlaws; i++)
		if (is_latest(laws[i]))
			for (size_t j = 0; j < laws[i]->nprov; j++)
				if (wanted(&laws[i]->provs[j], by)) {
					v[k].doc = laws[i];
					v[k++].prov = &laws[i]->provs[j];
				}
	qsort(v, k, sizeof *v, item_cmp);
	*count = k;
	return v;
}

static int addr_cmp(const void *a, const void *b)
{
	return strcmp((*(const bg_cx_prov *const *)a)->address,
		      (*(const bg_cx_prov *const *)b)->address);
}

static int version_cmp(const void *a, const void *b)
{
	const bg_cx_doc *x = *(bg_cx_doc *const *)a, *y = *(bg_cx_doc *const *)b;
	int c = strcmp(x->bwb_id, y->bwb_id);
	return c ? c : bg_cx_version_cmp(x, y);
}

/* Groups of two or more versions; for each, the provisions (lid, or
 * artikel without leden) whose stacking grew most from the first to the
 * last version, matched by address. */
static bool build_history(bg_cx_report *rep, size_t top)
{
	bg_cx_doc **v = malloc((rep->nlaws ? rep->nlaws : 1) * sizeof *v);
	size_t n = 0;

	if (!v)
		return false;
	for (size_t i = 0; i < rep->nlaws; i++)
		if (rep->laws[i]->bwb_id[0])
			v[n++] = rep->laws[i];
	qsort(v, n, sizeof *v, version_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !strcmp(v[j]->bwb_id, v[i]->bwb_id))
			j++;
		if (j - i >= 2) {
			bg_cx_series *s, *ns = realloc(rep->hist, (rep->nhist + 1) * sizeof *ns);
			const bg_cx_doc *first = v[i], *last = v[j - 1];
			const bg_cx_prov **idx;
			size_t ng = 0, na = 0;
			if (!ns) {
				free(v);
				return false;
			}
			rep->hist = ns;
			s = &rep->hist[rep->nhist++];
			memset(s, 0, sizeof *s);
			s->bwb_id = last->bwb_id;
			s->title = last->title;
			s->n = j - i;
			if (!(s->v = malloc(s->n * sizeof *s->v)))
				return free(v), false;
			memcpy(s->v, v + i, s->n * sizeof *s->v);
			idx = malloc((first->nprov ? first->nprov : 1) * sizeof *idx);
			s->grown = calloc(last->nprov ? last->nprov : 1, sizeof *s->grown);
			s->added = calloc(last->nprov ? last->nprov : 1, sizeof *s->added);
			if (!idx || !s->grown || !s->added) {
				free(idx);
				free(v);
				return false;
			}
			for (size_t k = 0; k < first->nprov; k++)
				idx[k] = &first->provs[k];
			qsort(idx, first->nprov, sizeof *idx, addr_cmp);
			for (size_t k = 0; k < last->nprov; k++) {
				const bg_cx_prov *p = &last->provs[k], **hit;
				if (p->kind == BG_CX_DEFINITION || !p->leaf)
					continue;
				hit = first->nprov ? bsearch(&p, idx, first->nprov, sizeof *idx, addr_cmp) : NULL;
				double before = hit ? (*hit)->stacking : 0;
				if (!hit && p->stacking > 0) {
					s->added[na].doc = last;
					s->added[na].prov = p;
					s->added[na++].is_new = true;
				} else if (hit && p->stacking > before) {
					s->grown[ng].doc = last;
					s->grown[ng].prov = p;
					s->grown[ng++].before = before;
				}
			}
			free(idx);
			qsort(s->grown, ng, sizeof *s->grown, item_cmp);
			qsort(s->added, na, sizeof *s->added, item_cmp);
			s->ngrown = top && ng > top ? top : ng;
			s->nadded = top && na > top ? top : na;
		}
		i = j;
	}
	free(v);
	return true;
}

/* ------------------------------------------------------------- JSON */

static void json_counts(FILE *o, const bg_cx_counts *c)
{
	fprintf(o, "\"words\": %u, \"sentences\": %u, \"words_per_sentence\": %.2f, "
		   "\"conditions\": %u, \"exceptions\": %u, \"delegations\": %u, "
		   "\"items_and\": %u, \"items_or\": %u, \"lists\": %u, \"depth\": %u, "
		   "\"refs_internal\": %u, \"refs_external\": %u, \"and_or\": %u, "
		   "\"number_words\": %u, \"syllables\": %u",
		c->words, c->sentences, c->sentences ? (double)c->words / c->sentences : 0,
		c->conditions, c->exceptions, c->delegations, c->items_and, c->items_or,
		c->lists, c->depth, c->refs_internal, c->refs_external, c->and_or,
		c->number_words, c->syllables);
}

static void json_doc(FILE *o, const bg_cx_doc *d, const char *ind)
{
	fprintf(o, "{\n%s  \"file\": ", ind);
	bg_json_str(o, d->path);
	fprintf(o, ", \"bwb_id\": ");
	bg_json_str(o, d->bwb_id);
	fprintf(o, ", \"date\": ");
	bg_json_str(o, d->date);
	fprintf(o, ", \"soort\": ");
	bg_json_str(o, d->soort);
	fprintf(o, ",\n%s  \"title\": ", ind);
	bg_json_str(o, d->title);
	fprintf(o, ",\n%s  \"rank\": %zu, \"composite\": %.4f, \"percentiles\": {", ind,
		d->rank, d->composite);
	for (int m = 0; m < 6; m++)
		fprintf(o, "%s\"%s\": %.4f", m ? ", " : "", bg_cx_rank_names[m], d->pct[m]);
	fprintf(o, "},\n%s  \"elements\": {\"above_article\": %zu, \"article\": %zu, "
		   "\"below_article\": %zu, \"total\": %zu},\n", ind, d->above, d->at,
		d->below, d->above + d->at + d->below);
	fprintf(o, "%s  \"depth_mean\": %.4f, \"depth_sd\": %.4f, \"text_blocks\": %zu, "
		   "\"tokens_per_article\": %.2f,\n", ind, d->depth_mean, d->depth_sd,
		d->blocks, d->tokens_per_article);
	fprintf(o, "%s  \"entropy\": %.4f, \"entropy_stemmed\": %.4f, \"vocabulary\": %zu, "
		   "\"vocabulary_stemmed\": %zu,\n", ind, d->entropy, d->entropy_stemmed,
		d->vocabulary, d->vocabulary_stemmed);
	fprintf(o, "%s  \"citations\": {\"in\": %zu, \"out\": %zu, \"internal\": %zu, "
		   "\"net_flow\": %lld, \"regulations_cited\": %zu},\n", ind, d->cit_in,
		d->cit_out, d->cit_internal, (long long)d->cit_in - (long long)d->cit_out,
		d->ncites);
	fprintf(o, "%s  \"smells\": {\"and_or\": %u, \"number_words\": %u, "
		   "\"long_elements\": %zu, \"ngrams_sampled\": %zu, \"ngrams_duplicated\": %zu, "
		   "\"duplicated_ratio\": %.4f},\n", ind, d->total.and_or, d->total.number_words,
		d->long_elements, d->ngrams, d->dup_grams, d->dup_ratio);
	fprintf(o, "%s  \"flesch_douma\": %.2f,\n%s  \"stacking\": {\"total\": %.2f, \"max\": %.2f},\n",
		ind, d->flesch, ind, d->stacking_total, d->stacking_max);
	fprintf(o, "%s  \"totals\": {", ind);
	json_counts(o, &d->total);
	fprintf(o, "}\n%s}", ind);
}

static void json_item(FILE *o, const bg_cx_item *it, bool hist)
{
	const bg_cx_prov *p = it->prov;

	fprintf(o, "{\"file\": ");
	bg_json_str(o, it->doc->path);
	fprintf(o, ", \"bwb_id\": ");
	bg_json_str(o, it->doc->bwb_id);
	fprintf(o, ", \"kind\": \"%s\", \"label\": ", bg_cx_kind_name(p->kind));
	bg_json_str(o, p->label);
	fprintf(o, ", \"address\": ");
	bg_json_str(o, p->address);
	if (p->kind == BG_CX_DEFINITION) {
		fprintf(o, ", \"term\": ");
		bg_json_str(o, p->term);
	}
	fprintf(o, ", \"line\": %u, \"stacking\": %.2f, ", p->line, p->stacking);
	if (hist)
		fprintf(o, "\"stacking_before\": %.2f, \"new\": %s, ", it->before,
			it->is_new ? "true" : "false");
	json_counts(o, &p->c);
	if (it->text) {
		fprintf(o, ", \"text\": ");
		bg_json_str(o, it->text);
	}
	fprintf(o, "}");
}

static void json_report(FILE *o, const bg_cx_report *rep, bg_batch *batch,
			size_t nitems)
{
	fprintf(o, "{\n  \"files\": %zu,\n  \"parsed\": %zu,\n  \"failed\": %zu,\n  \"by\": \"%s\",\n",
		rep->files, rep->parsed, rep->failed, rep->by);
	fprintf(o, "  \"errors\": [");
	for (size_t i = 0, k = 0; i < batch->count; i++) {
		const bg_diag *d = &batch->diags[i];
		if (!d->status)
			continue;
		fprintf(o, "%s\n    {\"file\": ", k++ ? "," : "");
		bg_json_str(o, d->file);
		fprintf(o, ", \"line\": %u, \"status\": \"%s\", \"message\": ", d->line,
			bg_status_name(d->status));
		bg_json_str(o, d->message);
		fprintf(o, "}");
	}
	fprintf(o, "%s],\n  \"regulations\": [", batch->failed ? "\n  " : "");
	for (size_t i = 0; i < rep->nlaws; i++) {
		fprintf(o, "%s\n    ", i ? "," : "");
		json_doc(o, rep->laws[i], "    ");
	}
	fprintf(o, "%s],\n  \"%s\": [", rep->nlaws ? "\n  " : "",
		!strcmp(rep->by, "definition") ? "definitions" : "provisions");
	for (size_t i = 0; i < nitems; i++) {
		fprintf(o, "%s\n    ", i ? "," : "");
		json_item(o, &rep->top[i], false);
	}
	fprintf(o, "%s]", nitems ? "\n  " : "");
	if (rep->hist) {
		fprintf(o, ",\n  \"history\": [");
		for (size_t h = 0; h < rep->nhist; h++) {
			const bg_cx_series *s = &rep->hist[h];
			fprintf(o, "%s\n    {\"bwb_id\": ", h ? "," : "");
			bg_json_str(o, s->bwb_id);
			fprintf(o, ", \"title\": ");
			bg_json_str(o, s->title);
			fprintf(o, ",\n     \"versions\": [");
			for (size_t i = 0; i < s->n; i++) {
				const bg_cx_doc *d = s->v[i];
				fprintf(o, "%s\n       {\"date\": ", i ? "," : "");
				bg_json_str(o, d->date);
				fprintf(o, ", \"file\": ");
				bg_json_str(o, d->path);
				fprintf(o, ", \"articles\": %zu, \"elements\": %zu, \"depth_mean\": %.4f, "
					   "\"entropy\": %.4f, \"citations_out\": %zu, \"flesch_douma\": %.2f, "
					   "\"stacking_total\": %.2f, \"stacking_max\": %.2f, \"composite\": %.4f, ",
					d->at, d->above + d->at + d->below, d->depth_mean, d->entropy,
					d->cit_out, d->flesch, d->stacking_total, d->stacking_max,
					d->composite);
				json_counts(o, &d->total);
				fprintf(o, "}");
			}
			fprintf(o, "],\n     \"grown\": [");
			for (size_t i = 0; i < s->ngrown; i++) {
				fprintf(o, "%s\n       ", i ? "," : "");
				json_item(o, &s->grown[i], true);
			}
			fprintf(o, "%s],\n     \"added\": [", s->ngrown ? "\n     " : "");
			for (size_t i = 0; i < s->nadded; i++) {
				fprintf(o, "%s\n       ", i ? "," : "");
				json_item(o, &s->added[i], true);
			}
			fprintf(o, "%s]}", s->nadded ? "\n     " : "");
		}
		fprintf(o, "%s]", rep->nhist ? "\n  " : "");
	}
	fprintf(o, "\n}\n");
}

/* -------------------------------------------------------------- CSV */

static const char csv_counts_head[] =
	"words,sentences,conditions,exceptions,delegations,items_and,items_or,lists,depth,"
	"refs_internal,refs_external,and_or,number_words";

static void csv_counts(FILE *o, const bg_cx_counts *c)
{
	fprintf(o, "%u,%u,%u,%u,%u,%u,%u,%u,%u,%u,%u,%u,%u", c->words, c->sentences,
		c->conditions, c->exceptions, c->delegations, c->items_and, c->items_or,
		c->lists, c->depth, c->refs_internal, c->refs_external, c->and_or,
		c->number_words);
}

static void csv_law(FILE *o, const bg_cx_doc *d)
{
	bg_csv_cell(o, d->path);
	fputc(',', o);
	bg_csv_cell(o, d->bwb_id);
	fputc(',', o);
	bg_csv_cell(o, d->date);
	fputc(',', o);
	bg_csv_cell(o, d->title);
	fprintf(o, ",%zu,%.4f,%zu,%zu,%zu,%.4f,%.4f,%.2f,%.4f,%.4f,%zu,%zu,%zu,%lld,"
		   "%zu,%zu,%.4f,%.2f,%.2f,%.2f,", d->rank, d->composite, d->above, d->at,
		d->below, d->depth_mean, d->depth_sd, d->tokens_per_article, d->entropy,
		d->entropy_stemmed, d->cit_in, d->cit_out, d->cit_internal,
		(long long)d->cit_in - (long long)d->cit_out, d->long_elements,
		d->dup_grams, d->dup_ratio, d->flesch, d->stacking_total, d->stacking_max);
	csv_counts(o, &d->total);
	fputc('\n', o);
}

static const char csv_law_head[] =
	"file,bwb_id,date,title,rank,composite,elements_above,elements_article,"
	"elements_below,depth_mean,depth_sd,tokens_per_article,entropy,entropy_stemmed,"
	"citations_in,citations_out,citations_internal,net_flow,long_elements,"
	"ngrams_duplicated,duplicated_ratio,flesch_douma,stacking_total,stacking_max,";

static void csv_report(FILE *o, const bg_cx_report *rep, size_t nitems)
{
	if (rep->hist) {
		fprintf(o, "series,%s%s\n", csv_law_head, csv_counts_head);
		for (size_t h = 0; h < rep->nhist; h++)
			for (size_t i = 0; i < rep->hist[h].n; i++) {
				bg_csv_cell(o, rep->hist[h].bwb_id);
				fputc(',', o);
				csv_law(o, rep->hist[h].v[i]);
			}
		return;
	}
	if (!strcmp(rep->by, "law")) {
		fprintf(o, "%s%s\n", csv_law_head, csv_counts_head);
		for (size_t i = 0; i < rep->nlaws; i++)
			csv_law(o, rep->laws[i]);
		return;
	}
	fprintf(o, "file,bwb_id,kind,label,term,address,line,stacking,%s\n", csv_counts_head);
	for (size_t i = 0; i < nitems; i++) {
		const bg_cx_item *it = &rep->top[i];
		bg_csv_cell(o, it->doc->path);
		fputc(',', o);
		bg_csv_cell(o, it->doc->bwb_id);
		fprintf(o, ",%s,", bg_cx_kind_name(it->prov->kind));
		bg_csv_cell(o, it->prov->label);
		fputc(',', o);
		bg_csv_cell(o, it->prov->term);
		fputc(',', o);
		bg_csv_cell(o, it->prov->address);
		fprintf(o, ",%u,%.2f,", it->prov->line, it->prov->stacking);
		csv_counts(o, &it->prov->c);
		fputc('\n', o);
	}
}

/* ------------------------------------------------------------- text */

static void text_item(FILE *o, const bg_cx_item *it, bool hist)
{
	const bg_cx_counts *c = &it->prov->c;

	if (hist)
		fprintf(o, "  %6.2f -> %6.2f%s ", it->before, it->prov->stacking,
			it->is_new ? " (new)" : "      ");
	else
		fprintf(o, "  %7.2f ", it->prov->stacking);
	fprintf(o, " C%-3u E%-3u and%-3u or%-3u D%-2u del%-2u ref%-3u w%-5u  %s %s (%s)\n",
		c->conditions, c->exceptions, c->items_and, c->items_or, c->depth,
		c->delegations, c->refs_internal + c->refs_external, c->words,
		it->doc->bwb_id[0] ? it->doc->bwb_id : "-", it->prov->label,
		it->doc->title);
}

static void text_report(FILE *o, const bg_cx_report *rep, size_t top, size_t nitems)
{
	size_t nl = rep->nranked < top || !top ? rep->nranked : top;

	fprintf(o, "files %zu, parsed %zu, failed %zu, regulations ranked %zu\n\n",
		rep->files, rep->parsed, rep->failed, rep->nranked);
	if (!strcmp(rep->by, "law")) {
		fprintf(o, "Most complex regulations (composite of percentile ranks: elements, "
			   "depth, words, entropy, citations in, citations out)\n");
		fprintf(o, "rank composite elements depth  words   entropy cit_in cit_out "
			   "cond  exc   deleg stack   flesch  regulation\n");
		for (size_t i = 0; i < nl; i++) {
			const bg_cx_doc *d = rep->laws[i];
			fprintf(o, "%4zu %9.3f %8zu %5.2f %7u %7.3f %6zu %7zu %5u %5u %5u %7.1f %6.1f  %s %s (%s)\n",
				d->rank, d->composite, d->above + d->at + d->below, d->depth_mean,
				d->total.words, d->entropy, d->cit_in, d->cit_out,
				d->total.conditions, d->total.exceptions, d->total.delegations,
				d->stacking_total, d->flesch, d->bwb_id, d->date[0] ? d->date : "-",
				d->title);
		}
		fprintf(o, "\n");
	}
	fprintf(o, "Most stacked %s (stacking; C conditions, E exceptions, and/or list items, "
		   "D nesting depth, del delegations, ref references, w words)\n",
		!strcmp(rep->by, "definition") ? "definitions" :
		!strcmp(rep->by, "article") ? "articles and leden" : "provisions");
	for (size_t i = 0; i < nitems; i++)
		text_item(o, &rep->top[i], false);
	for (size_t h = 0; h < rep->nhist; h++) {
		const bg_cx_series *s = &rep->hist[h];
		fprintf(o, "\nHistory of %s %s: %zu versions\n", s->bwb_id, s->title, s->n);
		fprintf(o, "  date        articles  words  cond   exc deleg  stack_total  stack_max  entropy  flesch\n");
		for (size_t i = 0; i < s->n; i++) {
			const bg_cx_doc *d = s->v[i];
			fprintf(o, "  %-10s %9zu %6u %5u %5u %5u %12.1f %10.1f %8.3f %7.1f\n",
				d->date[0] ? d->date : "undated", d->at, d->total.words,
				d->total.conditions, d->total.exceptions, d->total.delegations,
				d->stacking_total, d->stacking_max, d->entropy, d->flesch);
		}
		fprintf(o, "  provisions whose stacking grew most (first -> last version):\n");
		for (size_t i = 0; i < s->ngrown; i++)
			text_item(o, &s->grown[i], true);
		fprintf(o, "  most stacked provisions added since the first version:\n");
		for (size_t i = 0; i < s->nadded; i++)
			text_item(o, &s->added[i], true);
	}
}

/* -------------------------------------------------------------- main */

int bg_cmd_complexity(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "history", no_argument, NULL, 'H' },
		{ "top", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *by = "law", *format = "text", *corpus = NULL, *output = NULL;
	const char *lexicon = bg_cx_default_path();
	bool history = false, top_given = false;
	size_t top = 10, nitems, bad;
	unsigned jobs = bg_default_jobs();
	bg_filelist fl = {0};
	bg_batch batch = {0};
	bg_cx_rules *rules = NULL;
	bg_cx_report rep = {0};
	bg_diag diag = {0};
	struct run run = {0};
	bg_out out = {0};
	char *end;
	int opt, rc = BG_EXIT_OK;
	bool ok = true;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "b:Ht:f:o:l:j:C:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'b': by = optarg; break;
		case 'H': history = true; break;
		case 't': {
			long v = strtol(optarg, &end, 10);
			if (!*optarg || *end || v < 0 || v > 1000000)
				return bg_cli_usage_error("complexity", usage, "--top wants a number (0 = all)");
			top = (size_t)v;
			top_given = true;
			break;
		}
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'l': lexicon = optarg; break;
		case 'j':
			if (!(jobs = bg_cli_jobs(optarg)))
				return bg_cli_usage_error("complexity", usage, "--jobs wants a number from 1 to 64");
			break;
		case 'C': corpus = optarg; break;
		case 'h': printf("usage: %s\n", usage); return BG_EXIT_OK;
		default: return bg_cli_usage_error("complexity", usage, "unknown option");
		}
	}
	if (strcmp(by, "law") && strcmp(by, "article") && strcmp(by, "definition"))
		return bg_cli_usage_error("complexity", usage, "--by is law, article or definition");
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv") &&
	    strcmp(format, "html"))
		return bg_cli_usage_error("complexity", usage, "--format is text, json, csv or html");
	/* CSV of provisions lists them all unless --top is given */
	if (!top_given && !strcmp(format, "csv"))
		top = 0;

	if (bg_cx_rules_load(lexicon, NULL, &rules, &diag) != BG_OK) {
		bg_diag_print(&diag, stderr);
		bg_diag_clear(&diag);
		return BG_EXIT_INPUT;
	}

	bad = bg_cli_inputs(argc, argv, optind, corpus, &fl);
	run.rules = rules;
	run.docs = calloc(fl.count ? fl.count : 1, sizeof *run.docs);
	run.oom = calloc(fl.count ? fl.count : 1, sizeof *run.oom);
	if (!run.docs || !run.oom ||
	    bg_batch_run(&batch, &fl, jobs, &(bg_read_opts){ .allow_op = true }, analyze_one, &run)) {
		fprintf(stderr, "begrip complexity: error: out of memory\n");
		rc = BG_EXIT_INPUT;
		goto done;
	}
	bg_batch_print_errors(&batch, stderr);
	for (size_t i = 0; i < fl.count; i++)
		if (run.oom[i]) {
			fprintf(stderr, "%s: error: out of memory while measuring\n", fl.paths[i]);
			ok = false;
		}
	if (bg_cx_corpus_finish(run.docs, fl.count) != BG_OK) {
		fprintf(stderr, "begrip complexity: error: out of memory\n");
		rc = BG_EXIT_INPUT;
		goto done;
	}

	for (size_t i = 0; i < fl.count; i++)
		bg_cx_doc_free(run.docs[i]);   /* n-gram samples are done with */
	rep.by = by;
	rep.rules = rules;
	rep.files = fl.count + bad;
	rep.failed = batch.failed + bad;
	rep.laws = malloc((fl.count ? fl.count : 1) * sizeof *rep.laws);
	if (!rep.laws) {
		rc = BG_EXIT_INPUT;
		goto done;
	}
	for (size_t i = 0; i < fl.count; i++)
		if (run.docs[i]) {
			rep.laws[rep.nlaws++] = run.docs[i];
			rep.nranked += is_latest(run.docs[i]);
		}
	rep.parsed = rep.nlaws;
	qsort(rep.laws, rep.nlaws, sizeof *rep.laws, law_cmp);
	/* CSV by law lists regulations (or their versions) only: sorting
	 * every provision of the corpus for it would be wasted */
	if (!strcmp(format, "csv") && !strcmp(by, "law"))
		rep.top = calloc(1, sizeof *rep.top);
	else
		rep.top = collect(rep.laws, rep.nlaws, by, &rep.ntop);
	if (!rep.top ||
	    (history && !build_history(&rep, top))) {
		fprintf(stderr, "begrip complexity: error: out of memory\n");
		rc = BG_EXIT_INPUT;
		goto done;
	}
	nitems = top && rep.ntop > top ? top : rep.ntop;
	if (top) {
		fetch_texts(rep.top, nitems);
		for (size_t h = 0; h < rep.nhist; h++) {
			fetch_texts(rep.hist[h].grown, rep.hist[h].ngrown);
			fetch_texts(rep.hist[h].added, rep.hist[h].nadded);
		}
	}

	if (bg_out_open(&out, output)) {
		rc = BG_EXIT_INPUT;
		goto done;
	}
	if (!strcmp(format, "json"))
		json_report(out.fp, &rep, &batch, nitems);
	else if (!strcmp(format, "csv"))
		csv_report(out.fp, &rep, nitems);
	else if (!strcmp(format, "html"))
		bg_cx_render_html(out.fp, &rep, top ? top : 10);
	else
		text_report(out.fp, &rep, top, nitems);
	if (bg_out_close(&out, !ferror(out.fp)))
		rc = BG_EXIT_INPUT;
	if (rc == BG_EXIT_OK && (batch.failed || bad || !ok))
		rc = BG_EXIT_INPUT;

done:
	if (rep.top)
		for (size_t i = 0; i < rep.ntop; i++)
			free(rep.top[i].text);
	free(rep.top);
	for (size_t h = 0; h < rep.nhist; h++) {
		for (size_t i = 0; i < rep.hist[h].ngrown; i++)
			free(rep.hist[h].grown[i].text);
		for (size_t i = 0; i < rep.hist[h].nadded; i++)
			free(rep.hist[h].added[i].text);
		free(rep.hist[h].grown);
		free(rep.hist[h].added);
		free(rep.hist[h].v);
	}
	free(rep.hist);
	free(rep.laws);
	if (run.docs)
		for (size_t i = 0; i < fl.count; i++)
			bg_cx_doc_free(run.docs[i]);
	free(run.docs);
	free(run.oom);
	bg_batch_release(&batch);
	bg_filelist_release(&fl);
	bg_cx_rules_free(rules);   /* and every bg_cx_doc with it */
	return rc;
}
