/*
 * candidates_json.c -- `begrip candidates --format json`: one JSON document
 * {"stats": {...}, "candidates": [...]}; every string through emit.h.
 */
#include "candidates_report.h"
#include "emit.h"

static void field(FILE *out, const char *name, const char *v, bool comma)
{
	fprintf(out, "%s\"%s\": ", comma ? ", " : "", name);
	bg_json_str(out, v);
}

void bg_candidates_write_json(FILE *out, const bg_cand_list *l)
{
	const bg_cand_stats *st = &l->stats;

	fprintf(out, "{\"stats\": {\"regulations\": %zu, \"refs_checked\": %zu, \"refs_outside_corpus\": %zu, "
		     "\"definitions_checked\": %zu, \"stacking_p95\": %.4f},\n \"candidates\": [",
		st->docs, st->refs_checked, st->refs_outside, st->defs_checked, st->stacking_p95);
	for (size_t i = 0; i < l->n; i++) {
		const bg_cand *c = &l->v[i];
		fprintf(out, "%s\n  {\"rank\": %zu, ", i ? "," : "", i + 1);
		field(out, "kind", bg_cand_kind_name(c->kind), false);
		fprintf(out, ", \"score\": %.4f, \"raw\": %.4f", c->score, c->raw);
		field(out, "subject", c->subject, true);
		fputs(", \"laws\": [", out);
		for (size_t j = 0; j < c->nlaws; j++) {
			if (j)
				fputs(", ", out);
			bg_json_str(out, c->laws[j]);
		}
		fputs("], \"provisions\": [", out);
		for (size_t j = 0; j < c->nprovs; j++) {
			const bg_cand_prov *p = &c->provs[j];
			fputs(j ? ", {" : "{", out);
			field(out, "bwb_id", p->bwb_id, false);
			field(out, "law", p->law, true);
			field(out, "label", p->label, true);
			field(out, "address", p->address, true);
			field(out, "link", p->link, true);
			field(out, "role", p->role, true);
			fputc('}', out);
		}
		fputc(']', out);
		field(out, "evidence", c->evidence, true);
		field(out, "rationale", c->rationale, true);
		fputc('}', out);
	}
	fputs("\n]}\n", out);
}
