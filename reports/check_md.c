/*
 * check_md.c -- `begrip check --format md`: the check as Markdown, for a
 * review comment on a drafting branch.  Law text goes into table cells and
 * list items, so the characters Markdown reads as markup (| * _ ` [ ] < >
 * and a backslash) are escaped with a backslash or an entity.
 */
#include "check_report.h"

#include <string.h>

static void md(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '|': case '*': case '_': case '`': case '[': case ']': case '\\':
		case '#':
			fputc('\\', out);
			fputc(*s, out);
			break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '\n': case '\r': fputc(' ', out); break;
		default: fputc(*s, out);
		}
	}
}

static int pct(double p)
{
	return (int)(p * 100 + 0.5);
}

void bg_check_write_md(FILE *out, const bg_check_result *r)
{
	char w[160];

	fputs("# Check of ", out);
	md(out, r->title[0] ? r->title : r->file);
	fputs("\n\nFile: `", out);
	md(out, r->file);
	fprintf(out, "` (%s%s", r->format, r->bwb_id[0] ? ", " : "");
	md(out, r->bwb_id);
	fputs(")\n\nFindings:", out);
	if (!r->kinds)
		fputs(" none", out);
	for (unsigned bit = 1; bit <= BG_CHECK_DANGLING; bit <<= 1)
		if (r->kinds & bit)
			fprintf(out, " **%s**", bg_check_kind_name(bit));
	fprintf(out, "\n\n## Definitions (%zu)\n\n", r->ndefs);
	for (size_t i = 0; i < r->ndefs; i++) {
		const bg_check_def *d = &r->defs[i];
		bg_check_where(w, sizeof w, d->article, d->lid, d->item);
		fprintf(out, "### %s: ", w);
		md(out, d->term);
		fprintf(out, " (%s%s", d->kind, d->concept[0] ? ", concept " : "");
		md(out, d->concept);
		fputs(")\n\n> ", out);
		md(out, d->text);
		fputs("\n\n", out);
		if (d->target[0]) {
			fputs("Points to ", out);
			md(out, d->target);
			if (d->target_title[0]) {
				fputs(" (", out);
				md(out, d->target_title);
				fputc(')', out);
			}
			fputs(!d->target_missing ? "\n\n" : d->target_law_known ?
			      " — **no such article in the index**\n\n" : " — law not in the index\n\n", out);
		}
		if (d->refer) {
			fputs("**Suggestion:** ", out);
			md(out, d->suggestion);
			fputs("\n\n", out);
		}
		if (d->divergent)
			fputs("**Divergent:** a new meaning of a lexicon concept; no existing definition "
			      "is close enough to refer to.\n\n", out);
		if (!d->nnear) {
			fputs("No existing definition in the index.\n\n", out);
			continue;
		}
		fputs("| score | law | provision | term | kind | differences |\n"
		      "|---:|---|---|---|---|---|\n", out);
		for (size_t j = 0; j < d->nnear; j++) {
			const bg_check_match *m = &d->near[j];
			bg_check_where(w, sizeof w, m->article, m->lid, m->item);
			fprintf(out, "| %.2f | ", m->score);
			md(out, m->title);
			fputs(" | ", out);
			if (m->link[0]) {
				fprintf(out, "[%s](", w);
				md(out, m->link);
				fputc(')', out);
			} else {
				fputs(w, out);
			}
			fputs(" | ", out);
			md(out, m->term);
			fprintf(out, " | %s | ", m->kind);
			if (m->same_wording)
				fputs("same wording", out);
			else if (m->same_root)
				fputs("same meaning: both lead to the same provision", out);
			for (size_t k = 0; k < m->ndiffs && k < 4; k++) {
				if (k)
					fputs("<br>", out);
				md(out, m->diffs[k]);
			}
			fputs(" |\n", out);
		}
		fputc('\n', out);
	}
	fprintf(out, "## Concepts used without a definition (%zu)\n\n", r->nuses);
	for (size_t i = 0; i < r->nuses; i++) {
		const bg_check_use *u = &r->uses[i];
		fputs("- **", out);
		md(out, u->concept);
		fprintf(out, "** (%zu times)", u->count);
		for (size_t j = 0; j < u->ncand; j++) {
			fputs(j ? "; " : ": could apply: ", out);
			md(out, u->cand[j].title);
			if (u->cand[j].article[0])
				fprintf(out, " artikel %s", u->cand[j].article);
			fputs(" (", out);
			md(out, u->cand[j].why);
			fputc(')', out);
		}
		fputc('\n', out);
	}
	fprintf(out, "\n## Articles\n\nPercentiles against %zu articles of the index.\n\n"
		     "| article | conditions | exceptions | delegations | references | stacking |\n"
		     "|---|---:|---:|---:|---:|---:|\n", r->corpus_articles);
	for (size_t i = 0; i < r->narts; i++) {
		const bg_check_art *a = &r->arts[i];
		fprintf(out, "| %s | %u (p%d) | %u (p%d) | %u (p%d) | %u + %u | %.1f (p%d)%s |\n",
			a->label, a->conditions, pct(a->pct_conditions), a->exceptions,
			pct(a->pct_exceptions), a->delegations, pct(a->pct_delegations),
			a->refs_internal, a->refs_external, a->stacking, pct(a->pct_stacking),
			a->above_p90 ? " **above p90**" : "");
	}
	if (r->basis[0]) {
		fputs(!strcmp(r->basis, "version") ? "\n## Delta against the indexed version\n\n"
						   : "\n## Amended act\n\n", out);
		if (r->act[0]) {
			fputs("Act named: ", out);
			md(out, r->act);
			fputs("  \n", out);
		}
		if (r->base_bwb_id[0]) {
			md(out, r->base_title);
			fprintf(out, " %s", r->base_bwb_id);
			if (r->base_file[0])
				fprintf(out, " (%s)", r->base_date[0] ? r->base_date : "undated");
			else
				fputs(" (not in the index)", out);
			fputs("\n\n", out);
		}
		for (size_t i = 0; i < r->nddelta; i++) {
			const bg_check_defdelta *d = &r->ddelta[i];
			fprintf(out, "- definition %s: **", d->change);
			md(out, d->term);
			fprintf(out, "** (%s)", d->where_new[0] ? d->where_new : d->where_old);
			if (!strcmp(d->change, "changed"))
				fprintf(out, ", divergence %.2f", d->score);
			fputc('\n', out);
		}
		for (size_t i = 0; i < r->nadelta; i++) {
			const bg_check_artdelta *a = &r->adelta[i];
			fprintf(out, "- %s %s: conditions %+d, exceptions %+d, delegations %+d\n",
				a->label, a->change, a->conditions, a->exceptions, a->delegations);
		}
		for (size_t i = 0; i < r->namends; i++) {
			const bg_check_amend *a = &r->amends[i];
			fputs("- ", out);
			if (a->onderdeel[0]) {
				fputs("onderdeel ", out);
				md(out, a->onderdeel);
				fputs(": ", out);
			}
			md(out, a->action);
			if (a->target[0]) {
				fputc(' ', out);
				md(out, a->target);
			}
			for (size_t j = 0; j < a->narticles; j++) {
				fputs(j ? ", " : "; articles ", out);
				md(out, a->articles[j]);
			}
			fputc('\n', out);
		}
	}
	fputc('\n', out);
}
