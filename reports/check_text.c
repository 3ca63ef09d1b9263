/*
 * check_text.c -- `begrip check` for a person at a terminal: what the
 * draft defines and how that compares, what it uses without defining, how
 * its articles rank, and the delta against the indexed version.  Lines
 * that point at the draft start with FILE:LINE so that editors jump there.
 */
#include "check_report.h"

#include <string.h>

void bg_check_where(char *buf, size_t cap, const char *art, const char *lid,
		    const char *item)
{
	int n = 0;

	buf[0] = '\0';
	if (art[0])
		n = snprintf(buf, cap, "artikel %s", art);
	if (lid[0] && n >= 0 && (size_t)n < cap)
		n += snprintf(buf + n, cap - (size_t)n, "%slid %s", n ? " " : "", lid);
	if (item[0] && n >= 0 && (size_t)n < cap)
		snprintf(buf + n, cap - (size_t)n, "%sonderdeel %s", n ? " " : "", item);
}

/* Text from the law on one line, shortened. */
static void quote(FILE *out, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max) {
		fprintf(out, "\"%s\"", s);
		return;
	}
	while (max && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	fprintf(out, "\"%.*s...\"", (int)max, s);
}

static int pct(double p)
{
	return (int)(p * 100 + 0.5);
}

void bg_check_write_text(FILE *out, const bg_check_result *r)
{
	char w[160];

	fprintf(out, "%s: %s (%s%s%s)\n", r->file, r->title[0] ? r->title : "(no title)",
		r->format, r->bwb_id[0] ? ", " : "", r->bwb_id);

	fprintf(out, "\nDefinitions (%zu)\n", r->ndefs);
	for (size_t i = 0; i < r->ndefs; i++) {
		const bg_check_def *d = &r->defs[i];
		bg_check_where(w, sizeof w, d->article, d->lid, d->item);
		fprintf(out, "%s:%u: %s: \"%s\" (%s%s%s)\n", r->file, d->line, w, d->term, d->kind,
			d->concept[0] ? ", concept " : "", d->concept);
		if (d->target[0]) {
			fprintf(out, "    points to %s", d->target);
			if (d->target_title[0])
				fprintf(out, " (%s)", d->target_title);
			if (d->target_missing)
				fputs(d->target_law_known ? " -- NO SUCH ARTICLE IN THE INDEX"
							  : " -- law not in the index", out);
			fputc('\n', out);
		}
		if (!d->nnear)
			fprintf(out, "    no existing definition of this %s in the index\n",
				d->concept[0] ? "concept" : "term");
		for (size_t j = 0; j < d->nnear; j++) {
			const bg_check_match *m = &d->near[j];
			bg_check_where(w, sizeof w, m->article, m->lid, m->item);
			fprintf(out, "    %s %.2f  %s %s%s%s \"%s\" (%s%s%s)\n",
				j ? "       " : "nearest", m->score, m->title, w,
				m->date[0] ? " @" : "", m->date, m->term, m->kind,
				m->root[0] ? " -> " : "", m->root);
			if (m->same_wording)
				fprintf(out, "                 same wording\n");
			else if (m->same_root)
				fprintf(out, "                 same meaning: both lead to %s\n",
					m->root[0] ? m->root : "the same provision");
			for (size_t k = 0; k < m->ndiffs && k < 4; k++)
				fprintf(out, "                 - %s\n", m->diffs[k]);
		}
		if (d->compared > d->nnear)
			fprintf(out, "            (%zu existing definitions compared)\n", d->compared);
		if (d->refer)
			fprintf(out, "    suggestion: %s\n", d->suggestion);
		if (d->divergent)
			fprintf(out, "    divergent: a new meaning of \"%s\"; no existing definition "
				     "within %.2f\n", d->concept, BG_CHECK_REFER_SCORE);
	}

	fprintf(out, "\nConcepts used without a definition (%zu)\n", r->nuses);
	for (size_t i = 0; i < r->nuses; i++) {
		const bg_check_use *u = &r->uses[i];
		fprintf(out, "  %s (%zu times)\n", u->concept, u->count);
		for (size_t j = 0; j < u->ncand; j++)
			fprintf(out, "    could apply: %s%s%s (%s) -- %s\n", u->cand[j].title,
				u->cand[j].article[0] ? " artikel " : "", u->cand[j].article,
				u->cand[j].bwb_id, u->cand[j].why);
	}

	fprintf(out, "\nArticles (%zu; percentiles against %zu articles of the index)\n",
		r->narts, r->corpus_articles);
	fprintf(out, "  %-14s %11s %11s %11s %9s %14s\n", "article", "conditions", "exceptions",
		"delegations", "refs", "stacking");
	for (size_t i = 0; i < r->narts; i++) {
		const bg_check_art *a = &r->arts[i];
		char c[24], e[24], d[24], s[32];
		snprintf(c, sizeof c, "%u p%d", a->conditions, pct(a->pct_conditions));
		snprintf(e, sizeof e, "%u p%d", a->exceptions, pct(a->pct_exceptions));
		snprintf(d, sizeof d, "%u p%d", a->delegations, pct(a->pct_delegations));
		snprintf(s, sizeof s, "%.1f p%d%s", a->stacking, pct(a->pct_stacking),
			 a->above_p90 ? " !" : "");
		fprintf(out, "  %-14s %11s %11s %11s %4u+%-4u %14s\n", a->label, c, e, d,
			a->refs_internal, a->refs_external, s);
	}

	if (r->basis[0]) {
		if (!strcmp(r->basis, "version"))
			fprintf(out, "\nDelta against the indexed version: %s %s (%s%s%s)\n",
				r->base_title, r->base_bwb_id, r->base_date[0] ? r->base_date : "undated",
				r->base_file[0] ? ", " : "", r->base_file);
		else if (r->base_file[0])
			fprintf(out, "\nAmends: %s -> %s %s (%s)\n", r->act, r->base_bwb_id,
				r->base_title, r->base_date[0] ? r->base_date : "undated");
		else
			fprintf(out, "\nAmends: %s%s%s (not in the index)\n",
				r->act[0] ? r->act : "(act not named)",
				r->base_bwb_id[0] ? " " : "", r->base_bwb_id);
		for (size_t i = 0; i < r->nddelta; i++) {
			const bg_check_defdelta *d = &r->ddelta[i];
			fprintf(out, "  definition %s: \"%s\" (%s)", d->change, d->term,
				d->where_new[0] ? d->where_new : d->where_old);
			if (!strcmp(d->change, "changed"))
				fprintf(out, " divergence %.2f", d->score);
			fputc('\n', out);
			if (d->old_text[0]) {
				fputs("      was: ", out);
				quote(out, d->old_text, 200);
				fputc('\n', out);
			}
			if (d->new_text[0]) {
				fputs("      now: ", out);
				quote(out, d->new_text, 200);
				fputc('\n', out);
			}
		}
		for (size_t i = 0; i < r->nadelta; i++) {
			const bg_check_artdelta *a = &r->adelta[i];
			fprintf(out, "  %s %s: conditions %+d, exceptions %+d, delegations %+d\n",
				a->label, a->change, a->conditions, a->exceptions, a->delegations);
		}
		for (size_t i = 0; i < r->namends; i++) {
			const bg_check_amend *a = &r->amends[i];
			fprintf(out, "  %s%s%s: %s", a->onderdeel[0] ? "onderdeel " : "", a->onderdeel,
				a->onderdeel[0] ? "" : "instruction", a->action);
			if (a->target[0])
				fprintf(out, " %s%s", a->target,
					r->base_file[0] ? (a->target_found ? " (in the index)" :
							   " (not in the indexed text)") : "");
			for (size_t j = 0; j < a->narticles; j++)
				fprintf(out, "%s%s", j ? ", " : "; articles ", a->articles[j]);
			fputc('\n', out);
		}
	}

	fputs("\nFindings:", out);
	if (!r->kinds)
		fputs(" none", out);
	for (unsigned bit = 1; bit <= BG_CHECK_DANGLING; bit <<= 1)
		if (r->kinds & bit)
			fprintf(out, " %s", bg_check_kind_name(bit));
	fputc('\n', out);
}
