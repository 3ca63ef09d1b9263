/*
 * candidates_text.c -- `begrip candidates` as plain text: one block per
 * candidate, rank, kind, score, rationale, quoted evidence and the
 * provisions with their links.  Law text is printed as is (plain text has
 * nothing to escape) except control characters, which are replaced so that
 * a hostile file cannot drive the terminal.
 */
#include "candidates_report.h"

static void clean(FILE *out, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, out);
}

void bg_candidates_write_text(FILE *out, const bg_cand_list *l)
{
	const bg_cand_stats *st = &l->stats;

	fprintf(out, "%zu candidates (regulations read: %zu; references checked: %zu, "
		     "to regulations outside the corpus: %zu; own definitions checked: %zu)\n",
		l->n, st->docs, st->refs_checked, st->refs_outside, st->defs_checked);
	for (size_t i = 0; i < l->n; i++) {
		const bg_cand *c = &l->v[i];
		fprintf(out, "\n%zu. [%s] %.3f  ", i + 1, bg_cand_kind_name(c->kind), c->score);
		clean(out, c->subject);
		fputs("\n   ", out);
		clean(out, c->rationale);
		fputs("\n   \"", out);
		clean(out, c->evidence);
		fputs("\"\n", out);
		for (size_t j = 0; j < c->nprovs; j++) {
			const bg_cand_prov *p = &c->provs[j];
			fprintf(out, "   - %s: ", p->role);
			clean(out, p->law);
			fputs(" ", out);
			clean(out, p->label);
			fputs("  ", out);
			clean(out, p->link);
			fputc('\n', out);
		}
	}
}
