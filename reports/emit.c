/*
 * emit.c -- escaping for JSON, CSV and HTML, and write-then-rename output.
 */
#include "emit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * The escapers write the runs of bytes that need no escaping with one
 * fwrite each: a putc per byte takes the stream's lock per byte, which was
 * most of the time spent writing a report of tens of megabytes.
 */

static bool json_plain(unsigned char c)
{
	return c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
}

void bg_json_strn(FILE *out, const char *s, size_t n)
{
	size_t i = 0;

	putc('"', out);
	while (i < n) {
		size_t j = i;
		unsigned char c;
		while (j < n && json_plain((unsigned char)s[j]))
			j++;
		if (j > i)
			fwrite(s + i, 1, j - i, out);
		if (j == n)
			break;
		c = (unsigned char)s[j];
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default: fprintf(out, "\\u%04x", c);
		}
		i = j + 1;
	}
	putc('"', out);
}

void bg_json_str(FILE *out, const char *s)
{
	bg_json_strn(out, s ? s : "", s ? strlen(s) : 0);
}

void bg_buf_json_str(bg_buf *b, const char *s)
{
	bg_buf_addc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': bg_buf_adds(b, "\\\""); break;
		case '\\': bg_buf_adds(b, "\\\\"); break;
		case '\n': bg_buf_adds(b, "\\n"); break;
		case '\t': bg_buf_adds(b, "\\t"); break;
		case '\r': bg_buf_adds(b, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				bg_buf_addf(b, "\\u%04x", c);
			else
				bg_buf_addc(b, (char)c);
		}
	}
	bg_buf_addc(b, '"');
}

void bg_csv_cell(FILE *out, const char *s)
{
	if (!s)
		s = "";
	putc('"', out);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r')
		putc('\'', out);
	/* a quote is doubled: each run up to and with a quote, then one more */
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		fwrite(s, 1, (size_t)(q - s) + 1, out);
		putc('"', out);
	}
	fputs(s, out);
	putc('"', out);
}

static const char *html_entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

void bg_html_text(FILE *out, const char *s)
{
	while (s && *s) {
		size_t n = strcspn(s, "&<>\"'");
		if (n)
			fwrite(s, 1, n, out);
		s += n;
		if (!*s)
			break;
		fputs(html_entity(*s), out);
		s++;
	}
}

void bg_buf_html_text(bg_buf *b, const char *s)
{
	for (; s && *s; s++) {
		const char *e = html_entity(*s);
		if (e)
			bg_buf_adds(b, e);
		else
			bg_buf_addc(b, *s);
	}
}

int bg_out_open(bg_out *o, const char *path)
{
	bg_buf b = BG_BUF_INIT;

	memset(o, 0, sizeof *o);
	if (!path || !strcmp(path, "-")) {
		o->fp = stdout;
		return 0;
	}
	bg_buf_addf(&b, "%s.tmp.%ld", path, (long)getpid());
	o->tmp = bg_buf_detach(&b);
	o->path = strdup(path);
	if (!o->tmp || !o->path) {
		free(o->tmp);
		free(o->path);
		fprintf(stderr, "%s: error: out of memory\n", path);
		return -1;
	}
	o->fp = fopen(o->tmp, "w");
	if (!o->fp) {
		fprintf(stderr, "%s: error: %s\n", o->tmp, strerror(errno));
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return -1;
	}
	return 0;
}

int bg_out_close(bg_out *o, int ok)
{
	int rc = 0;

	if (!o->fp)
		return -1;
	if (o->fp == stdout) {
		if (fflush(stdout))
			rc = -1;
		memset(o, 0, sizeof *o);
		return rc;
	}
	if (fflush(o->fp) || fsync(fileno(o->fp)))
		ok = 0, rc = -1;
	if (fclose(o->fp))
		ok = 0, rc = -1;
	if (ok && rename(o->tmp, o->path)) {
		fprintf(stderr, "%s: error: %s\n", o->path, strerror(errno));
		rc = -1;
		ok = 0;
	}
	if (!ok) {
		unlink(o->tmp);
		if (!rc)
			rc = -1;
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return rc;
}
