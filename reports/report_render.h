/*
 * report_render.h -- the writers of the batch report (`begrip report`),
 * one per file of the report directory (README "The batch report"):
 *   index.html        report_html.c   (and concepts/ID.html: compare pages)
 *   *.csv             report_csv.c
 *   report.json       report_json.c
 *   concepts.ttl      skos.c
 *   summary.md        summary_md.c
 * Each writes to a stream and escapes law text for its format (emit.h);
 * the caller checks ferror() and makes the file appear atomically.
 */
#ifndef BG_REPORT_RENDER_H
#define BG_REPORT_RENDER_H

#include <stdio.h>

#include "../analyzer/report.h"

void bg_report_write_html(FILE *out, const bg_report *r);
/* concepts/ID.html: the page `begrip compare ID --format html` prints. */
void bg_report_write_concept_html(FILE *out, const bg_report *r, size_t concept);

void bg_report_write_definitions_csv(FILE *out, const bg_report *r);
void bg_report_write_complexity_csv(FILE *out, const bg_report *r);
void bg_report_write_candidates_csv(FILE *out, const bg_report *r);

void bg_report_write_json(FILE *out, const bg_report *r);

/* IRIs minted for concepts.ttl live under this base. */
#define BG_SKOS_BASE "https://begrip.invalid/id/"
void bg_report_write_skos(FILE *out, const bg_report *r);

void bg_report_write_summary(FILE *out, const bg_report *r);

#endif
