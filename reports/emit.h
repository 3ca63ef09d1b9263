/*
 * emit.h -- escaping law text for each output format, and atomic output.
 *
 * Law text is data: every renderer passes it through one of these.
 *   JSON: RFC 8259 string escaping (control characters as \uXXXX).
 *   CSV:  RFC 4180 quoting; a cell starting with = + - @ (or tab/CR) gets a
 *         leading apostrophe so that spreadsheets do not run it as a formula
 *         (OWASP "CSV injection").
 *   HTML: & < > " ' escaped.
 */
#ifndef BG_EMIT_H
#define BG_EMIT_H

#include <stdio.h>

#include "../analyzer/bg.h"

void bg_json_str(FILE *out, const char *s);
void bg_json_strn(FILE *out, const char *s, size_t n);
void bg_csv_cell(FILE *out, const char *s);
void bg_html_text(FILE *out, const char *s);
void bg_buf_json_str(bg_buf *b, const char *s);
void bg_buf_html_text(bg_buf *b, const char *s);

/*
 * Atomic output: bg_out_open() opens "PATH.tmp.PID" (or returns stdout when
 * path is NULL or "-"); bg_out_close() flushes, fsyncs and renames it onto
 * PATH when `ok`, else removes it.  Returns 0 on success, -1 with a message
 * on stderr otherwise.
 */
typedef struct bg_out {
	FILE *fp;
	char *path;
	char *tmp;
} bg_out;

int bg_out_open(bg_out *o, const char *path);
int bg_out_close(bg_out *o, int ok);

#endif
