/*
 * complexity_html.h -- the model of a `begrip complexity` report (built by
 * analyzer/cli_complexity.c, rendered as text/JSON/CSV there and as a
 * self-contained HTML page by complexity_html.c).
 */
#ifndef BG_COMPLEXITY_HTML_H
#define BG_COMPLEXITY_HTML_H

#include <stdio.h>

#include "../analyzer/complexity.h"

/* A provision in a list: the top stacked ones, or the ones that grew. */
typedef struct bg_cx_item {
	const bg_cx_doc *doc;
	const bg_cx_prov *prov;
	char *text;           /* its text (owned, may be NULL), truncated */
	double before;        /* history: stacking in the first version */
	bool is_new;          /* history: not in the first version */
} bg_cx_item;

/* The versions of one regulation, oldest first. */
typedef struct bg_cx_series {
	const char *bwb_id, *title;
	bg_cx_doc **v;
	size_t n;
	bg_cx_item *grown;    /* provisions of the first version whose stacking grew most */
	size_t ngrown;
	bg_cx_item *added;    /* provisions new since the first version, most stacked */
	size_t nadded;
} bg_cx_series;

typedef struct bg_cx_report {
	const char *by;       /* "law", "article", "definition" */
	size_t files, parsed, failed;
	bg_cx_doc **laws;     /* every parsed document, ranked ones first */
	size_t nlaws;
	size_t nranked;       /* laws[0..nranked) are the latest versions by rank */
	bg_cx_item *top;      /* top stacked provisions (or definitions) */
	size_t ntop;
	bg_cx_series *hist;
	size_t nhist;
	const bg_cx_rules *rules;
} bg_cx_report;

/* Writes a self-contained HTML page (no scripts, no network, inline SVG). */
void bg_cx_render_html(FILE *out, const bg_cx_report *rep, size_t top);

#endif
