/*
 * candidates_report.h -- renderers of `begrip candidates`: plain text, JSON,
 * CSV (RFC 4180 through emit.h, formula prefixes neutralised) and Markdown
 * (law text escaped so that it cannot make links, emphasis or tables).
 */
#ifndef BG_CANDIDATES_REPORT_H
#define BG_CANDIDATES_REPORT_H

#include <stdio.h>

#include "../analyzer/candidates.h"

void bg_candidates_write_text(FILE *out, const bg_cand_list *l);
void bg_candidates_write_json(FILE *out, const bg_cand_list *l);
void bg_candidates_write_csv(FILE *out, const bg_cand_list *l);
void bg_candidates_write_md(FILE *out, const bg_cand_list *l);

#endif
