/*
 * check_json.c -- `begrip check --format json`: one JSON object per bill,
 * on one line, so that a pipeline can read a stream of them.  The fields
 * are documented in README "Checking a draft"; source line numbers and the
 * input format are left out on purpose: the same draft in another format
 * gives the same object except "file".
 */
#include "check_report.h"
#include "emit.h"

static void key(FILE *out, const char *k, bool *first)
{
	if (!*first)
		fputc(',', out);
	*first = false;
	bg_json_str(out, k);
	fputc(':', out);
}

static void kstr(FILE *out, const char *k, const char *v, bool *first)
{
	key(out, k, first);
	bg_json_str(out, v ? v : "");
}

static void knum(FILE *out, const char *k, double v, bool *first)
{
	key(out, k, first);
	fprintf(out, "%.4f", v);
}

static void kint(FILE *out, const char *k, long v, bool *first)
{
	key(out, k, first);
	fprintf(out, "%ld", v);
}

static void kbool(FILE *out, const char *k, bool v, bool *first)
{
	key(out, k, first);
	fputs(v ? "true" : "false", out);
}

static void match(FILE *out, const bg_check_match *m)
{
	bool f = true;

	fputc('{', out);
	kstr(out, "bwb_id", m->bwb_id, &f);
	kstr(out, "law_title", m->title, &f);
	kstr(out, "date", m->date, &f);
	kstr(out, "article", m->article, &f);
	kstr(out, "lid", m->lid, &f);
	kstr(out, "item", m->item, &f);
	kstr(out, "term", m->term, &f);
	kstr(out, "kind", m->kind, &f);
	kstr(out, "root", m->root, &f);
	knum(out, "score", m->score, &f);
	key(out, "parts", &f);
	fprintf(out, "{\"root\":%.0f,\"components\":%.4f,\"tokens\":%.4f}", m->r, m->c, m->t);
	kbool(out, "same_wording", m->same_wording, &f);
	kbool(out, "same_root", m->same_root, &f);
	kstr(out, "text", m->text, &f);
	kstr(out, "link", m->link, &f);
	key(out, "differences", &f);
	fputc('[', out);
	for (size_t i = 0; i < m->ndiffs; i++) {
		if (i)
			fputc(',', out);
		bg_json_str(out, m->diffs[i]);
	}
	fputs("]}", out);
}

static void def(FILE *out, const bg_check_def *d)
{
	bool f = true;

	fputc('{', out);
	kstr(out, "term", d->term, &f);
	kstr(out, "concept", d->concept, &f);
	kstr(out, "kind", d->kind, &f);
	kstr(out, "article", d->article, &f);
	kstr(out, "lid", d->lid, &f);
	kstr(out, "item", d->item, &f);
	kstr(out, "text", d->text, &f);
	kstr(out, "target", d->target, &f);
	kstr(out, "target_title", d->target_title, &f);
	kbool(out, "target_missing", d->target_missing, &f);
	kbool(out, "target_law_known", d->target_law_known, &f);
	kint(out, "compared", (long)d->compared, &f);
	kbool(out, "refer_instead", d->refer, &f);
	kbool(out, "divergent", d->divergent, &f);
	kstr(out, "suggestion", d->suggestion, &f);
	key(out, "nearest", &f);
	fputc('[', out);
	for (size_t i = 0; i < d->nnear; i++) {
		if (i)
			fputc(',', out);
		match(out, &d->near[i]);
	}
	fputs("]}", out);
}

static void use(FILE *out, const bg_check_use *u)
{
	bool f = true;

	fputc('{', out);
	kstr(out, "concept", u->concept, &f);
	kint(out, "count", (long)u->count, &f);
	key(out, "could_apply", &f);
	fputc('[', out);
	for (size_t i = 0; i < u->ncand; i++) {
		bool g = true;
		if (i)
			fputc(',', out);
		fputc('{', out);
		kstr(out, "bwb_id", u->cand[i].bwb_id, &g);
		kstr(out, "law_title", u->cand[i].title, &g);
		kstr(out, "article", u->cand[i].article, &g);
		kint(out, "laws", (long)u->cand[i].laws, &g);
		kstr(out, "why", u->cand[i].why, &g);
		fputc('}', out);
	}
	fputs("]}", out);
}

static void art(FILE *out, const bg_check_art *a)
{
	bool f = true;

	fputc('{', out);
	kstr(out, "article", a->label, &f);
	kint(out, "conditions", a->conditions, &f);
	kint(out, "exceptions", a->exceptions, &f);
	kint(out, "delegations", a->delegations, &f);
	kint(out, "refs_internal", a->refs_internal, &f);
	kint(out, "refs_external", a->refs_external, &f);
	kint(out, "words", a->words, &f);
	knum(out, "stacking", a->stacking, &f);
	key(out, "percentile", &f);
	fprintf(out, "{\"stacking\":%.4f,\"conditions\":%.4f,\"exceptions\":%.4f,"
		     "\"delegations\":%.4f}", a->pct_stacking, a->pct_conditions,
		a->pct_exceptions, a->pct_delegations);
	kbool(out, "stacking_above_p90", a->above_p90, &f);
	fputc('}', out);
}

static void delta(FILE *out, const bg_check_result *r)
{
	bool f = true;

	if (!r->basis[0]) {
		fputs("null", out);
		return;
	}
	fputc('{', out);
	kstr(out, "basis", r->basis, &f);
	kstr(out, "act", r->act, &f);
	kstr(out, "bwb_id", r->base_bwb_id, &f);
	kstr(out, "law_title", r->base_title, &f);
	kstr(out, "date", r->base_date, &f);
	kstr(out, "file", r->base_file, &f);
	key(out, "definitions", &f);
	fputc('[', out);
	for (size_t i = 0; i < r->nddelta; i++) {
		const bg_check_defdelta *d = &r->ddelta[i];
		bool g = true;
		if (i)
			fputc(',', out);
		fputc('{', out);
		kstr(out, "term", d->term, &g);
		kstr(out, "change", d->change, &g);
		kstr(out, "where_old", d->where_old, &g);
		kstr(out, "where_new", d->where_new, &g);
		kstr(out, "old_text", d->old_text, &g);
		kstr(out, "new_text", d->new_text, &g);
		knum(out, "score", d->score, &g);
		fputc('}', out);
	}
	fputs("]", out);
	key(out, "articles", &f);
	fputc('[', out);
	for (size_t i = 0; i < r->nadelta; i++) {
		const bg_check_artdelta *a = &r->adelta[i];
		bool g = true;
		if (i)
			fputc(',', out);
		fputc('{', out);
		kstr(out, "article", a->label, &g);
		kstr(out, "change", a->change, &g);
		kint(out, "conditions", a->conditions, &g);
		kint(out, "exceptions", a->exceptions, &g);
		kint(out, "delegations", a->delegations, &g);
		fputc('}', out);
	}
	fputs("]", out);
	key(out, "amendments", &f);
	fputc('[', out);
	for (size_t i = 0; i < r->namends; i++) {
		const bg_check_amend *a = &r->amends[i];
		bool g = true;
		if (i)
			fputc(',', out);
		fputc('{', out);
		kstr(out, "onderdeel", a->onderdeel, &g);
		kstr(out, "action", a->action, &g);
		kstr(out, "target", a->target, &g);
		kbool(out, "target_found", a->target_found, &g);
		key(out, "articles", &g);
		fputc('[', out);
		for (size_t j = 0; j < a->narticles; j++) {
			if (j)
				fputc(',', out);
			bg_json_str(out, a->articles[j]);
		}
		fputs("]}", out);
	}
	fputs("]}", out);
}

void bg_check_write_json(FILE *out, const bg_check_result *r)
{
	bool f = true, g = true;

	fputc('{', out);
	kstr(out, "file", r->file, &f);
	kstr(out, "bwb_id", r->bwb_id, &f);
	kstr(out, "title", r->title, &f);
	key(out, "findings", &f);
	fputc('[', out);
	for (unsigned bit = 1; bit && bit <= BG_CHECK_DANGLING; bit <<= 1)
		if (r->kinds & bit) {
			if (!g)
				fputc(',', out);
			g = false;
			bg_json_str(out, bg_check_kind_name(bit));
		}
	fputc(']', out);
	key(out, "definitions", &f);
	fputc('[', out);
	for (size_t i = 0; i < r->ndefs; i++) {
		if (i)
			fputc(',', out);
		def(out, &r->defs[i]);
	}
	fputc(']', out);
	key(out, "undefined_uses", &f);
	fputc('[', out);
	for (size_t i = 0; i < r->nuses; i++) {
		if (i)
			fputc(',', out);
		use(out, &r->uses[i]);
	}
	fputc(']', out);
	kint(out, "corpus_articles", (long)r->corpus_articles, &f);
	key(out, "articles", &f);
	fputc('[', out);
	for (size_t i = 0; i < r->narts; i++) {
		if (i)
			fputc(',', out);
		art(out, &r->arts[i]);
	}
	fputc(']', out);
	key(out, "delta", &f);
	delta(out, r);
	fputs("}\n", out);
}
