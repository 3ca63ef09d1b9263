/*
 * candidates_md.c -- `begrip candidates --format md`: a Markdown list for
 * a memo or an issue.  Law text is escaped: every ASCII punctuation
 * character Markdown (CommonMark) gives a meaning to gets a backslash,
 * '<' and '>' become entities (no raw HTML, no autolinks), and line breaks
 * become spaces, so a quote stays one paragraph of literal text.  Links
 * are written as <URL> autolinks only when they are wetten.overheid.nl
 * addresses without spaces or angle brackets.
 */
#include "candidates_report.h"

#include <string.h>

static void md(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c < 0x20 || c == 0x7f)
			fputc(' ', out);
		else if (strchr("\\`*_{}[]()#+-.!|~\"'=:", c))
			fprintf(out, "\\%c", c);
		else
			fputc(c, out);
	}
}

static void link(FILE *out, const char *url)
{
	static const char prefix[] = "https://wetten.overheid.nl/";
	if (!strncmp(url, prefix, sizeof prefix - 1) && !strpbrk(url, " <>\"\t\r\n")) {
		fprintf(out, "<%s>", url);
		return;
	}
	md(out, url);
}

void bg_candidates_write_md(FILE *out, const bg_cand_list *l)
{
	fprintf(out, "# Vereenvoudigingskandidaten\n\n%zu kandidaten; %zu regelingen gelezen, "
		     "%zu verwijzingen gecontroleerd (%zu naar regelingen buiten het corpus), "
		     "%zu eigen definities gecontroleerd.\n",
		l->n, l->stats.docs, l->stats.refs_checked, l->stats.refs_outside,
		l->stats.defs_checked);
	for (size_t i = 0; i < l->n; i++) {
		const bg_cand *c = &l->v[i];
		fprintf(out, "\n## %zu\\. %s (%.3f): ", i + 1, bg_cand_kind_name(c->kind), c->score);
		md(out, c->subject);
		fputs("\n\n", out);
		md(out, c->rationale);
		fputs("\n\n> ", out);
		md(out, c->evidence);
		fputs("\n\n", out);
		for (size_t j = 0; j < c->nprovs; j++) {
			const bg_cand_prov *p = &c->provs[j];
			fputs("- ", out);
			md(out, p->role);
			fputs(": ", out);
			md(out, p->law);
			fputc(' ', out);
			md(out, p->label);
			fputs(" ", out);
			link(out, p->link);
			fputc('\n', out);
		}
	}
}
