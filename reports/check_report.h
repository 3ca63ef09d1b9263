/*
 * check_report.h -- renderers of `begrip check` results (draftcheck.h):
 * text for a terminal, JSON (one object per bill) for pipelines, Markdown
 * for a review comment, HTML as one self-contained page.  Law text is data:
 * every renderer escapes it for its format (emit.h).
 */
#ifndef BG_CHECK_REPORT_H
#define BG_CHECK_REPORT_H

#include <stdio.h>

#include "../analyzer/draftcheck.h"

void bg_check_write_text(FILE *out, const bg_check_result *r);
void bg_check_write_json(FILE *out, const bg_check_result *r);
void bg_check_write_md(FILE *out, const bg_check_result *r);
/* A whole page for the bills of r[0..n). */
void bg_check_write_html(FILE *out, const bg_check_result *const *r, size_t n);

/* Short helpers shared by the renderers: "artikel 1 lid 2 onderdeel b". */
void bg_check_where(char *buf, size_t cap, const char *art, const char *lid,
		    const char *item);

#endif
