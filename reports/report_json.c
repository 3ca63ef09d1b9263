/*
 * report_json.c -- report.json: the whole batch report as one JSON
 * document (RFC 8259, UTF-8; fields documented in README "The batch
 * report").  Law text passes through bg_json_str (emit.h).  Definition
 * records are written by bg_def_write_json, so they have exactly the
 * fields of `begrip defs --format json`.
 */
#include "report_render.h"
#include "emit.h"

#include <string.h>

static void key(FILE *o, const char *k)
{
	bg_json_str(o, k);
	fputs(": ", o);
}

static void str_field(FILE *o, const char *k, const char *v, bool comma)
{
	key(o, k);
	bg_json_str(o, v ? v : "");
	if (comma)
		fputs(", ", o);
}

static void cmp_def(FILE *o, const bg_cmp_def *d)
{
	fputs("{", o);
	str_field(o, "bwb_id", d->law, true);
	str_field(o, "title", d->title, true);
	str_field(o, "date", d->date, true);
	str_field(o, "file", d->file, true);
	str_field(o, "where", d->where, true);
	str_field(o, "kind", d->kind, true);
	str_field(o, "root", d->root, true);
	str_field(o, "root_label", d->root_label, true);
	str_field(o, "link", d->link, true);
	str_field(o, "text", d->text, false);
	fputs("}", o);
}

static void concept(FILE *o, const bg_report_concept *c)
{
	const bg_cmp *m = &c->cmp;
	bool first = true;

	fputs("    {", o);
	str_field(o, "id", c->id, true);
	str_field(o, "label", c->label, true);
	str_field(o, "note", c->note, true);
	str_field(o, "broader", c->broader, true);
	fprintf(o, "\"records\": %zu, \"definitions\": %zu, \"laws\": %zu, \"variant_count\": %zu,\n"
		   "     \"entropy\": %.4f, \"entropy_norm\": %.4f, \"mean_divergence\": %.4f, "
		   "\"max_divergence\": %.4f,\n     \"variants\": [",
		c->nrecords, c->ndefs, m->nlaws, m->nvar, m->entropy, m->entropy_norm,
		m->mean_divergence, m->max_divergence);
	for (size_t v = 0; v < m->nvar; v++) {
		fprintf(o, "%s\n      {\"variant\": %zu, \"laws\": %zu, \"definitions\": [",
			v ? "," : "", v + 1, m->var[v].nlaws);
		for (size_t k = 0; k < m->var[v].n; k++) {
			fputs(k ? ",\n        " : "\n        ", o);
			cmp_def(o, &m->defs[m->var[v].members[k]]);
		}
		fputs("]}", o);
	}
	fputs("],\n     \"close_pairs\": [", o);
	for (size_t p = 0; p < m->npairs; p++) {
		const bg_cmp_pair *pr = &m->pairs[p];
		if (pr->score >= BG_REPORT_CLOSE)
			continue;
		fprintf(o, "%s\n      {\"a\": %zu, \"b\": %zu, \"score\": %.4f, \"origin\": %.4f, "
			   "\"components\": %.4f, \"words\": %.4f}",
			first ? "" : ",", pr->va + 1, pr->vb + 1, pr->score, pr->root, pr->comp,
			pr->tok);
		first = false;
	}
	fputs("]}", o);
}

static void regulation(FILE *o, const bg_cx_doc *x)
{
	fputs("    {", o);
	str_field(o, "file", x->path, true);
	str_field(o, "bwb_id", x->bwb_id, true);
	str_field(o, "title", x->title, true);
	str_field(o, "date", x->date, true);
	str_field(o, "soort", x->soort, true);
	if (x->rank)
		fprintf(o, "\"rank\": %zu, ", x->rank);
	else
		fputs("\"rank\": null, ", o);
	fprintf(o, "\"composite\": %.4f, \"percentiles\": {", x->composite);
	for (size_t i = 0; i < 6; i++)
		fprintf(o, "%s\"%s\": %.4f", i ? ", " : "", bg_cx_rank_names[i], x->pct[i]);
	fprintf(o, "},\n     \"articles\": %zu, \"words\": %u, \"conditions\": %u, "
		   "\"exceptions\": %u, \"delegations\": %u, \"stacking_total\": %.2f, "
		   "\"stacking_max\": %.2f, \"flesch_douma\": %.2f, \"citations_in\": %zu, "
		   "\"citations_out\": %zu}",
		x->at, x->total.words, x->total.conditions, x->total.exceptions,
		x->total.delegations, x->stacking_total, x->stacking_max, x->flesch, x->cit_in,
		x->cit_out);
}

static void list(FILE *o, const char *const *v, size_t n)
{
	fputc('[', o);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", o);
		bg_json_str(o, v[i]);
	}
	fputc(']', o);
}

void bg_report_write_json(FILE *o, const bg_report *r)
{
	bool first = true;
	size_t nd = bg_defset_count(r->set);

	fputs("{\n  ", o);
	str_field(o, "generator", "begrip", true);
	str_field(o, "version", r->version, true);
	str_field(o, "created", r->created, true);
	str_field(o, "corpus", r->corpus, false);
	fprintf(o, ",\n  \"files\": %zu, \"parsed\": %zu, \"failed\": %zu, "
		   "\"close_threshold\": %.2f,\n  \"errors\": [", r->files, r->parsed, r->failed,
		BG_REPORT_CLOSE);
	for (size_t i = 0; i < r->ncx; i++) {
		const bg_diag *d = &r->diags[i];
		if (!d->status)
			continue;
		fputs(first ? "\n    {" : ",\n    {", o);
		str_field(o, "file", d->file, true);
		fprintf(o, "\"line\": %u, ", d->line);
		str_field(o, "message", d->message, false);
		fputc('}', o);
		first = false;
	}
	fputs("],\n  \"concepts\": [\n", o);
	for (size_t i = 0; i < r->nconcepts; i++) {
		concept(o, &r->concepts[i]);
		fputs(i + 1 < r->nconcepts ? ",\n" : "\n", o);
	}
	fputs("  ],\n  \"definitions\": [\n", o);
	for (size_t i = 0; i < nd; i++) {
		fputs("    ", o);
		bg_def_write_json(o, bg_defset_get(r->set, i));
		fputs(i + 1 < nd ? ",\n" : "\n", o);
	}
	fputs("  ],\n  \"complexity\": [\n", o);
	first = true;
	for (size_t i = 0; i < r->nranked; i++, first = false) {
		fputs(first ? "" : ",\n", o);
		regulation(o, r->ranked[i]);
	}
	for (size_t i = 0; i < r->ncx; i++)
		if (r->cx[i] && !r->cx[i]->rank) {
			fputs(first ? "" : ",\n", o);
			regulation(o, r->cx[i]);
			first = false;
		}
	fputs("\n  ],\n  \"candidates\": ", o);
	if (!r->candidates_done) {
		fputs("null\n}\n", o);
		return;
	}
	fputs("[", o);
	for (size_t i = 0; i < r->cands.n; i++) {
		const bg_cand *c = &r->cands.v[i];
		fprintf(o, "%s\n    {\"rank\": %zu, \"kind\": \"%s\", \"score\": %.4f, ",
			i ? "," : "", i + 1, bg_cand_kind_name(c->kind), c->score);
		str_field(o, "subject", c->subject, false);
		fputs(", \"bwb_ids\": ", o);
		list(o, (const char *const *)c->laws, c->nlaws);
		fputs(",\n     \"provisions\": [", o);
		for (size_t j = 0; j < c->nprovs; j++) {
			const bg_cand_prov *p = &c->provs[j];
			fputs(j ? ", {" : "{", o);
			str_field(o, "bwb_id", p->bwb_id, true);
			str_field(o, "law", p->law, true);
			str_field(o, "label", p->label, true);
			str_field(o, "address", p->address, true);
			str_field(o, "link", p->link, true);
			str_field(o, "role", p->role, false);
			fputc('}', o);
		}
		fputs("],\n     ", o);
		str_field(o, "evidence", c->evidence, true);
		str_field(o, "rationale", c->rationale, false);
		fputc('}', o);
	}
	fputs("\n  ]\n}\n", o);
}
