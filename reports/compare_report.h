/*
 * compare_report.h -- the renderers of `begrip compare`: text, JSON, CSV
 * and a self-contained HTML page (compare_text.c, compare_json.c,
 * compare_csv.c, compare_html.c).  Every renderer escapes law text for its
 * format (emit.h).
 */
#ifndef BG_COMPARE_REPORT_H
#define BG_COMPARE_REPORT_H

#include <stdio.h>

#include "../analyzer/compare.h"

typedef struct bg_cmp_report {
	const char *concept;
	const bg_cmp *cmp;
	size_t max_pairs;      /* explain the first N pairs; 0 = all */
	bool closest;          /* pairs closest first (harmonisation candidates:
				* meanings that differ a little), else most
				* divergent first */
} bg_cmp_report;

void bg_compare_write_text(FILE *out, const bg_cmp_report *r);
void bg_compare_write_json(FILE *out, const bg_cmp_report *r);
void bg_compare_write_csv(FILE *out, const bg_cmp_report *r);
void bg_compare_write_html(FILE *out, const bg_cmp_report *r);

/* How a variant is named in explanations: the short title of its
 * representative law, with the provision when two variants share it. */
void bg_compare_side_name(const bg_cmp *c, size_t v, bg_buf *out);

/* Number of pairs to explain under r->max_pairs. */
size_t bg_compare_pairs_shown(const bg_cmp_report *r);
/* The k-th pair in the report's order. */
const bg_cmp_pair *bg_compare_pair_at(const bg_cmp_report *r, size_t k);
/* "most divergent first" or "closest first". */
const char *bg_compare_order_name(const bg_cmp_report *r);

/*
 * Versions: the definitions of one regulation in two versions, matched by
 * term.  Each entry is "changed" / "unchanged" (both present), "added"
 * (only in B) or "removed" (only in A); a and b point at prepared
 * definitions (NULL when absent).
 */
typedef struct bg_version_entry {
	const char *term;
	bg_cmp_def *a, *b;
	double score, root, comp, tok;
} bg_version_entry;

typedef struct bg_version_report {
	const char *file_a, *file_b, *law, *title, *date_a, *date_b, *concept;
	bg_version_entry *v;
	size_t n;
} bg_version_report;

void bg_versions_write_text(FILE *out, const bg_version_report *r);
void bg_versions_write_json(FILE *out, const bg_version_report *r);
/* "unchanged", "changed", "added", "removed" */
const char *bg_version_status(const bg_version_entry *e);

#endif
