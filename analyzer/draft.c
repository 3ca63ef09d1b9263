/*
 * draft.c -- a bill in any of three formats into one document tree.
 *
 * A drafter checks a text before it is law, and that text is at hand as a
 * BWB XML file (a new version of an existing law), as an officiële
 * publicatie (a Kamerstuk or Staatsblad XML), or as the plain text or
 * Markdown of a word processor.  The first two are read by the XML reader;
 * this file sniffs which one a file is, parses the third into the same tree
 * with the builder API of bg.h, and lists the amendment instructions of
 * officiële publicaties.
 *
 * The text parser is line based, because that is how the structure of a
 * Dutch act is written (Aanwijzingen voor de regelgeving, ch. 3):
 *
 *   # Wet ...                          title (or the first paragraph)
 *   Hoofdstuk 1 Algemene bepalingen    containers, also "## ..." headings
 *   Artikel 1 Begripsbepalingen        article, also "**Artikel 1**"
 *   1. text                            lid ("1" without the dot as well)
 *   a. text / a) / 1°. / - text        list items, nested by kind
 *   In deze wet wordt verstaan onder:  then "a. term: text;" or "term: text;"
 *
 * and it builds exactly the nodes the XML reader builds for the same text
 * (lid/al, lijst/li/al, containers with nr and heading), so that everything
 * after the reader treats a draft like a published act.  Lines of one
 * paragraph are joined; white space is collapsed as the reader does.
 */
#include "draft.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------ sniffing */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static const char *skip_past(const char *p, const char *end, const char *tok)
{
	size_t n = strlen(tok);

	for (; p + n <= end; p++)
		if (!memcmp(p, tok, n))
			return p + n;
	return end;
}

bg_bill_format bg_bill_sniff(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	size_t n;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	for (;;) {
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p != '<')
			return BG_BILL_TEXT;
		if (end - p >= 2 && p[1] == '?')
			p = skip_past(p, end, "?>");
		else if (end - p >= 4 && !memcmp(p, "<!--", 4))
			p = skip_past(p + 4, end, "-->");
		else if (end - p >= 2 && p[1] == '!')
			p = skip_past(p, end, ">");
		else
			break;
	}
	p++;
	for (n = 0; p + n < end && !is_space(p[n]) && p[n] != '>' && p[n] != '/'; n++)
		;
	/* a namespace prefix does not change the element */
	for (size_t i = 0; i < n; i++)
		if (p[i] == ':') {
			p += i + 1;
			n -= i + 1;
			break;
		}
	if ((n == 9 && !memcmp(p, "wetgeving", 9)) || (n == 8 && !memcmp(p, "toestand", 8)))
		return BG_BILL_BWB;
	if (n == 20 && !memcmp(p, "officiele-publicatie", 20))
		return BG_BILL_OP;
	if (n == 0 || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_'))
		return BG_BILL_TEXT; /* "<" that does not open an element */
	return BG_BILL_XML;
}

/* ---------------------------------------------------------- the parser */

/* Kinds of list item; a list holds one kind, another kind nests. */
enum lstyle { LS_LETTER, LS_DEGREE, LS_BULLET, LS_NUMBER, LS_ORDINAL, LS_TERM };

#define MAX_LISTS 8
#define MAX_CONT 8

struct list {
	bg_node *lijst;
	bg_node *li;
	enum lstyle style;
	long next;          /* LS_NUMBER: the number expected next */
};

struct parser {
	const char *name;
	bg_diag *diag;
	bg_status err;
	bg_doc *doc;
	bg_node *cont[MAX_CONT];
	int rank[MAX_CONT];
	int ncont;
	bg_node *art, *lid;
	struct list lists[MAX_LISTS];
	int nlists;
	bg_buf al;           /* the text block being joined */
	bool al_open;
	bg_node *al_parent;
	unsigned al_line;
	bg_buf title;
	bool title_open, title_done;
	bool body;           /* a structural line was seen */
	bool blank;          /* the previous line was blank */
	bool defs;           /* after "wordt verstaan onder:" */
	char last;           /* last character of the last text line */
	bool in_comment;
	size_t narticles;
	const char *bwb_id, *datum, *soort, *meta_title; /* in the arena */
	unsigned line;
};

static void perr(struct parser *p, bg_status st, unsigned line, unsigned col,
		 const char *fmt, const char *arg)
{
	if (p->err)
		return;
	p->err = st;
	bg_diag_set(p->diag, st, p->name, line, col, fmt, arg);
}

/*
 * Checks that the whole input is text: valid UTF-8 without NUL bytes or
 * control characters (a binary file fails at its first such byte).
 * Columns count bytes from 1, as the XML reader's do.
 */
static bool validate(struct parser *p, const unsigned char *s, size_t n)
{
	unsigned line = 1, col = 1;
	char what[64];

	for (size_t i = 0; i < n; ) {
		unsigned char c = s[i];
		size_t k;
		unsigned long cp;

		if (c == '\n') {
			line++, col = 1, i++;
			continue;
		}
		if (c == '\r') {
			if (i + 1 >= n || s[i + 1] != '\n')
				line++, col = 0;
			col++, i++;
			continue;
		}
		if (c < 0x80) {
			if (c == 0) {
				perr(p, BG_ERR_FORMAT, line, col, "%s",
				     "NUL byte: not a text file");
				return false;
			}
			if (c < 0x20 && c != '\t' && c != '\f' && c != '\v') {
				snprintf(what, sizeof what, "control character 0x%02X: not a text file", c);
				perr(p, BG_ERR_FORMAT, line, col, "%s", what);
				return false;
			}
			col++, i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			k = 0, cp = 0;
		if (!k) {
			snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X)", c);
			perr(p, BG_ERR_FORMAT, line, col, "%s", what);
			return false;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xC0) != 0x80) {
				snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X)", c);
				perr(p, BG_ERR_FORMAT, line, col, "%s", what);
				return false;
			}
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X)", c);
			perr(p, BG_ERR_FORMAT, line, col, "%s", what);
			return false;
		}
		if (cp >= 0x80 && cp <= 0x9F) {
			snprintf(what, sizeof what, "control character U+%04lX: not a text file", cp);
			perr(p, BG_ERR_FORMAT, line, col, "%s", what);
			return false;
		}
		col++;
		i += k + 1;
	}
	return true;
}

/* Collapses white space (and no-break spaces) into single spaces, trims,
 * and drops Markdown bold markers "**", into b.  Runs of ordinary bytes
 * are copied at once: this is the parser's inner loop. */
static void normalise_line(bg_buf *b, const char *s, size_t n)
{
	bool space = false;
	size_t i = 0;

	bg_buf_clear(b);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t j;

		if (is_space((char)c)) {
			space = true;
			i++;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			space = true;
			i += 2;
			continue;
		}
		if (c == '*' && i + 1 < n && s[i + 1] == '*') {
			i += 2;
			continue;
		}
		for (j = i + 1; j < n; j++) {
			unsigned char d = (unsigned char)s[j];
			if (is_space((char)d) || d == 0xC2 || d == '*')
				break;
		}
		if (space && b->len)
			bg_buf_addc(b, ' ');
		space = false;
		bg_buf_add(b, s + i, j - i);
		i = j;
	}
}

static bool ascii_prefix_ci(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	if (n < w)
		return false;
	for (size_t i = 0; i < w; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

static bool ends_with_ci(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	return n >= w && ascii_prefix_ci(s + n - w, w, word);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* True when a heading's title may start with s: not with a lower-case
 * letter, which marks a sentence that merely begins with "Artikel 3". */
static bool title_start_ok(const char *s, size_t n)
{
	unsigned char c = n ? (unsigned char)s[0] : 0;

	if (is_lower((char)c))
		return false;
	if (c == 0xC3 && n > 1 && (unsigned char)s[1] >= 0x9F)
		return false; /* ß, à .. ÿ */
	return true;
}

/* A number of a heading or article: "1", "12a", "1.2", "1:3a", "II",
 * "IV.3", "A".  Returns its length, trailing dots excluded. */
static size_t heading_nr(const char *s, size_t n)
{
	size_t i = 0;

	if (!n || !(is_digit(s[0]) || is_upper(s[0])))
		return 0;
	if (is_upper(s[0])) {
		/* Roman numerals, or one capital letter (Bijlage A) */
		while (i < n && strchr("IVXLCDM", s[i]) && s[i])
			i++;
		if (i == 0)
			i = 1;
		else if (i + 1 < n && (is_upper(s[i]) || is_lower(s[i])) &&
			 !is_upper(s[i + 1]) && !is_lower(s[i + 1]))
			i++; /* an inserted one: "VIIA", "IIIa" */
		else if (i + 1 == n && (is_upper(s[i]) || is_lower(s[i])))
			i++;
		/* "II", "A", "IV.3" -- not a word such as "Begrippen" */
		if (i < n && (is_upper(s[i]) || is_lower(s[i])))
			return 0;
	}
	while (i < n && (is_digit(s[i]) || is_lower(s[i]) ||
			 ((s[i] == '.' || s[i] == ':') && i + 1 < n &&
			  (is_digit(s[i + 1]) || is_lower(s[i + 1])))))
		i++;
	if (i < n && s[i] == '*')
		i++; /* "64a*": a number marked in older acts */
	if (i < n && (is_upper(s[i]) || (unsigned char)s[i] >= 0x80))
		return 0;
	return i > 20 ? 0 : i;
}

struct heading {
	bg_node_kind kind;
	int rank;            /* containers: nesting rank */
	const char *nr;
	size_t nrlen;
	const char *title;
	size_t titlelen;
	const char *body;    /* text after "Artikel 3." on the same line */
	size_t bodylen;
};

static const struct {
	const char *word;
	bg_node_kind kind;
	int rank;
} keywords[] = {
	{ "bijlage", BG_N_BIJLAGE, 0 },
	{ "boek", BG_N_BOEK, 1 },
	{ "deel", BG_N_DEEL, 2 },
	{ "hoofdstuk", BG_N_HOOFDSTUK, 3 },
	{ "titel", BG_N_TITELDEEL, 4 },
	{ "afdeling", BG_N_AFDELING, 5 },
	{ "paragraaf", BG_N_PARAGRAAF, 6 },
	{ "\xC2\xA7", BG_N_PARAGRAAF, 6 },
	{ "subparagraaf", BG_N_SUBPARAGRAAF, 7 },
	{ "sub-paragraaf", BG_N_SUBPARAGRAAF, 7 },
	{ "artikel", BG_N_ARTIKEL, 8 },
};

/*
 * Recognises "Hoofdstuk 2 Titel", "§ 3. Titel", "Artikel 12a - Titel",
 * "Enig artikel".  `forced` (a Markdown heading or bold line) accepts any
 * title; otherwise the title must be introduced by a separator or start
 * with a capital and not end like a sentence, so that a wrapped line
 * "Artikel 3 van de wet is van toepassing." stays text.
 */
static bool parse_heading(const char *s, size_t n, bool forced, struct heading *h)
{
	size_t i, k;
	bool sep = false;

	memset(h, 0, sizeof *h);
	if (!n || !(is_upper(s[0]) || s[0] == '\xC2'))
		return false;
	if (ascii_prefix_ci(s, n, "enig artikel")) {
		h->kind = BG_N_ARTIKEL;
		h->rank = 8;
		h->nr = s;
		i = 12;
		goto title;
	}
	for (k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
		if (ascii_prefix_ci(s, n, keywords[k].word))
			break;
	if (k == sizeof keywords / sizeof keywords[0])
		return false;
	/* the whole word: "Artikelen", "Titelblad" are not headings */
	i = strlen(keywords[k].word);
	if (s[0] != '\xC2' && (i >= n || s[i] != ' '))
		return false;
	while (i < n && s[i] == ' ')
		i++;
	h->kind = keywords[k].kind;
	h->rank = keywords[k].rank;
	h->nr = s + i;
	h->nrlen = heading_nr(s + i, n - i);
	if (!h->nrlen && h->kind != BG_N_BIJLAGE)
		return false;
	i += h->nrlen;
title:
	if (i < n && s[i] != ' ' && s[i] != '.' && s[i] != ':')
		return false;
	while (i < n && (s[i] == '.' || s[i] == ':'))
		i++, sep = true;
	while (i < n && s[i] == ' ')
		i++;
	if (i + 1 < n && (s[i] == '-' ) && s[i + 1] == ' ')
		i += 2, sep = true;
	else if (i + 3 < n && !memcmp(s + i, "\xE2\x80", 2) &&
		 ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94) &&
		 s[i + 3] == ' ')
		i += 4, sep = true;
	while (i < n && s[i] == ' ')
		i++;
	h->title = s + i;
	h->titlelen = n - i;
	if (!h->titlelen || forced)
		return true;
	if (!title_start_ok(h->title, h->titlelen))
		return false;
	{
		/* a short title may end in a full stop ("Wijziging Besluit
		 * W.V.O."); a sentence is longer or ends otherwise */
		char e = h->title[h->titlelen - 1];
		bool sentence = e == ';' || e == ',' || e == ':' ||
				(e == '.' && bg_count_words(h->title, h->titlelen) > 8);
		if (!sentence)
			return true;
		if (!sep)
			return false;
		/* "Artikel 3. De aanvraag wordt ...": the article's text
		 * follows its number on the same line */
		if (h->kind != BG_N_ARTIKEL)
			return false;
		h->body = h->title;
		h->bodylen = h->titlelen;
		h->title = "";
		h->titlelen = 0;
		return true;
	}
}

/* ----------------------------------------------------------- building */

static bg_node *add(struct parser *p, bg_node *parent, bg_node_kind k,
		    const char *nr, const char *heading, const char *text)
{
	bg_node *n;

	if (p->err)
		return NULL;
	n = bg_doc_add_node(p->doc, parent, k, nr, heading, text, p->line);
	if (!n) {
		if (bg_doc_node_count(p->doc) >= BG_MAX_NODES)
			perr(p, BG_ERR_LIMIT, p->line, 1, "more than %s nodes", "4000000");
		else
			perr(p, BG_ERR_NOMEM, p->line, 1, "%s", "out of memory");
	}
	return n;
}

static bg_node *text_parent(struct parser *p)
{
	if (p->nlists)
		return p->lists[p->nlists - 1].li;
	if (p->lid)
		return p->lid;
	if (p->art)
		return p->art;
	if (p->ncont)
		return p->cont[p->ncont - 1];
	return NULL; /* the root */
}

/*
 * The slotformulering that follows the last article of an act ("Lasten en
 * bevelen dat deze in het Staatsblad zal worden geplaatst ...", "Deze
 * regeling zal in de Staatscourant worden geplaatst.") belongs to the act,
 * not to its last article: the XML has it outside the wettekst.
 */
static bool is_slotformulering(const char *t, size_t n)
{
	if (ascii_prefix_ci(t, n, "lasten en bevelen"))
		return true;
	return memmem(t, n, " zal ", 5) && memmem(t, n, "geplaatst", 9) &&
	       (memmem(t, n, "Staatsblad", 10) || memmem(t, n, "Staatscourant", 13));
}

static void flush_al(struct parser *p)
{
	if (!p->al_open)
		return;
	p->al_open = false;
	if (!bg_buf_ok(&p->al)) {
		perr(p, BG_ERR_LIMIT, p->al_line, 1, "text block longer than %s bytes",
		     "1048576");
		return;
	}
	/* only after some text of the article: an article whose whole text
	 * is "Deze regeling zal ... worden geplaatst." keeps it */
	if (p->art && p->al_parent && p->al_parent->first_child &&
	    is_slotformulering(p->al.s, p->al.len)) {
		p->al_parent = NULL;
		p->art = p->lid = NULL;
		p->ncont = 0;
		p->nlists = 0;
		p->defs = false;
	}
	if (p->al.len) {
		unsigned save = p->line;
		p->line = p->al_line;
		add(p, p->al_parent, BG_N_AL, NULL, NULL, p->al.s);
		p->line = save;
	}
	bg_buf_clear(&p->al);
}

static void add_text(struct parser *p, const char *s, size_t n)
{
	if (!n)
		return;
	if (!p->al_open) {
		p->al_open = true;
		p->al_parent = text_parent(p);
		p->al_line = p->line;
		bg_buf_clear(&p->al);
	} else {
		bg_buf_addc(&p->al, ' ');
	}
	bg_buf_add(&p->al, s, n);
	p->last = s[n - 1];
	if (ends_with_ci(p->al.s, p->al.len, "verstaan onder:") ||
	    ends_with_ci(p->al.s, p->al.len, "wordt verstaan:"))
		p->defs = true;
}

/* A structural line ends the text block, the title and the definitions. */
static void structural(struct parser *p)
{
	flush_al(p);
	p->body = true;
	p->title_done = true;
	p->title_open = false;
	p->defs = false;
	p->last = 0;
}

static void close_lists(struct parser *p)
{
	p->nlists = 0;
}

static void do_container(struct parser *p, const struct heading *h)
{
	char nr[32];
	char *title = bg_arena_strndup(bg_doc_arena(p->doc), h->title, h->titlelen);
	bg_node *n;

	structural(p);
	close_lists(p);
	p->art = p->lid = NULL;
	snprintf(nr, sizeof nr, "%.*s", (int)h->nrlen, h->nr);
	/*
	 * Where it nests: next to an open container of the same kind; else
	 * below one whose number its own extends ("Afdeling 3.3.1" in
	 * "Paragraaf 3.3", as some acts invert the usual order); else by the
	 * usual order boek > deel > hoofdstuk > titel > afdeling > paragraaf.
	 */
	{
		int k, keep = -1;
		for (k = p->ncont - 1; k >= 0; k--)
			if (p->cont[k]->kind == h->kind) {
				keep = k;
				break;
			}
		for (k = p->ncont - 1; keep < 0 && k >= 0; k--) {
			size_t l = strlen(p->cont[k]->nr);
			if (l && l < h->nrlen && !memcmp(p->cont[k]->nr, h->nr, l) &&
			    (h->nr[l] == '.' || h->nr[l] == ':'))
				keep = k + 1;
		}
		if (keep >= 0)
			p->ncont = keep;
		else
			while (p->ncont && p->rank[p->ncont - 1] >= h->rank)
				p->ncont--;
	}
	n = add(p, p->ncont ? p->cont[p->ncont - 1] : NULL, h->kind, nr,
		title ? title : "", NULL);
	if (!n)
		return;
	if (p->ncont == MAX_CONT)
		p->ncont--; /* cannot happen: open containers differ in kind */
	p->cont[p->ncont] = n;
	p->rank[p->ncont++] = h->rank;
}

static void do_article(struct parser *p, const struct heading *h)
{
	char nr[32];
	char *title = bg_arena_strndup(bg_doc_arena(p->doc), h->title, h->titlelen);

	structural(p);
	close_lists(p);
	p->lid = NULL;
	snprintf(nr, sizeof nr, "%.*s", (int)h->nrlen, h->nr);
	p->art = add(p, p->ncont ? p->cont[p->ncont - 1] : NULL, BG_N_ARTIKEL,
		     nr, title ? title : "", NULL);
	p->narticles++;
	if (p->art && h->bodylen)
		add_text(p, h->body, h->bodylen);
}

static void do_lid(struct parser *p, const char *nr, const char *rest, size_t n)
{
	structural(p);
	close_lists(p);
	if (!p->art) {
		/* the text before closed the act (slotformulering): the
		 * numbered line is text of the act */
		char num[40];
		snprintf(num, sizeof num, "%s.", nr);
		add_text(p, num, strlen(num));
		add_text(p, rest, n);
		return;
	}
	p->lid = add(p, p->art, BG_N_LID, nr, NULL, NULL);
	if (p->lid)
		add_text(p, rest, n);
}

static void do_item(struct parser *p, enum lstyle style, const char *nr,
		    const char *rest, size_t n)
{
	int k;
	bg_node *li;

	structural(p);
	for (k = p->nlists - 1; k >= 0; k--)
		if (p->lists[k].style == style)
			break;
	if (k >= 0) {
		p->nlists = k + 1;
	} else {
		bg_node *parent = text_parent(p), *lijst;
		if (p->nlists == MAX_LISTS)
			p->nlists--; /* only six styles: cannot happen */
		lijst = add(p, parent, BG_N_LIJST, NULL, NULL, NULL);
		if (!lijst)
			return;
		k = p->nlists++;
		p->lists[k].lijst = lijst;
		p->lists[k].style = style;
		p->lists[k].next = 1;
	}
	li = add(p, p->lists[k].lijst, BG_N_LI, nr, NULL, NULL);
	if (!li)
		return;
	p->lists[k].li = li;
	if (style == LS_NUMBER)
		p->lists[k].next = strtol(nr, NULL, 10) + 1;
	add_text(p, rest, n);
	if (style == LS_TERM)
		p->defs = true; /* further "term: text;" lines are items too */
}

/* ------------------------------------------------------- line classes */

/* "1." "12a." "3" "2)" at the start of a line: the number and the rest. */
static bool parse_number(const char *s, size_t n, char *nr, size_t cap,
			 bool *dot, size_t *rest)
{
	size_t i = 0, j;

	while (i < n && is_digit(s[i]))
		i++;
	if (!i || i > 3)
		return false;
	j = i;
	while (j < n && j - i < 2 && is_lower(s[j]))
		j++;
	*dot = false;
	if (j < n && (s[j] == '.' || s[j] == ')')) {
		*dot = true;
		j++;
	}
	if (j < n && s[j] != ' ')
		return false;
	if (j >= n && !*dot)
		return false;
	snprintf(nr, cap, "%.*s", (int)(*dot ? j - 1 : j), s);
	while (j < n && s[j] == ' ')
		j++;
	*rest = j;
	return true;
}

/* List items: "a." "a)" "aa." "1°" "1°." "- " "* " "• " "– ". */
static bool parse_item(const char *s, size_t n, enum lstyle *style, char *nr,
		       size_t cap, size_t *rest)
{
	size_t i = 0;

	nr[0] = '\0';
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
		/* the mark is the item's number, as the XML reader keeps
		 * li.nr "-" or "\xE2\x80\x93"; Markdown's "*" and "+" are "-" */
		*style = LS_BULLET;
		snprintf(nr, cap, "-");
		i = 2;
	} else if (n >= 4 && (!memcmp(s, "\xE2\x80\xA2 ", 4) || !memcmp(s, "\xE2\x80\x93 ", 4))) {
		*style = LS_BULLET;
		snprintf(nr, cap, "%.3s", s);
		i = 4;
	} else if (is_lower(s[0]) && n >= 2) {
		i = 1;
		if (n >= 3 && s[1] == s[0])
			i = 2;
		if (i >= n || (s[i] != '.' && s[i] != ')'))
			return false;
		snprintf(nr, cap, "%.*s", (int)i, s);
		i++;
		if (i < n && s[i] != ' ')
			return false;
		*style = LS_LETTER;
	} else if (is_digit(s[0])) {
		while (i < n && i < 3 && is_digit(s[i]))
			i++;
		if (i + 1 >= n || s[i] != '\xC2' ||
		    ((unsigned char)s[i + 1] != 0xB0 && (unsigned char)s[i + 1] != 0xBA))
			return false;
		snprintf(nr, cap, "%.*s", (int)i + 2, s);
		i += 2;
		if (i < n && (s[i] == '.' || s[i] == ')'))
			i++;
		if (i < n && s[i] != ' ')
			return false;
		*style = LS_DEGREE;
	} else {
		return false;
	}
	while (i < n && s[i] == ' ')
		i++;
	*rest = i;
	return true;
}

/* "term: text" inside a definitions list: a short term without sentence
 * punctuation before the colon. */
static bool is_term_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n && i < 100; i++) {
		if (s[i] == ':')
			return i > 0 && i + 1 < n && s[i + 1] == ' ';
		if (s[i] == '.' || s[i] == ';' || s[i] == ',' || s[i] == '(')
			return false;
	}
	return false;
}

static bool is_toelichting(const char *s, size_t n)
{
	static const char *const words[] = {
		"toelichting", "memorie van toelichting", "nota van toelichting",
		"artikelsgewijze toelichting", "algemene toelichting",
	};

	while (n && (s[n - 1] == '.' || s[n - 1] == ':'))
		n--;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (n == strlen(words[i]) && ascii_prefix_ci(s, n, words[i]))
			return true;
	return false;
}

/* ----------------------------------------------------------- metadata */

static bool valid_date(const char *v)
{
	int y, m, d;

	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(v[i]))
			return false;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[5] - '0') * 10 + (v[6] - '0');
	d = (v[8] - '0') * 10 + (v[9] - '0');
	return y >= 1800 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

enum meta_result { META_NO, META_YES, META_ERROR };

/* "bwb-id: BWBR0018472", "datum: 2026-01-01", "soort: wet",
 * "titel: ...".  In a "---" block unknown keys are errors; elsewhere a line
 * that is not one of these is simply not metadata. */
static enum meta_result parse_meta(struct parser *p, const char *s, size_t n,
				   bool block)
{
	static const char *const keys[] = { "bwb-id", "datum", "soort", "titel", "citeertitel" };
	const char *colon = memchr(s, ':', n);
	size_t klen, k, off;
	char *v;

	if (!colon) {
		if (block)
			perr(p, BG_ERR_FORMAT, p->line, 1, "%s",
			     "metadata line without \"key: value\"");
		return block ? META_ERROR : META_NO;
	}
	klen = (size_t)(colon - s);
	while (klen && s[klen - 1] == ' ')
		klen--;
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (klen == strlen(keys[k]) && ascii_prefix_ci(s, klen, keys[k]))
			break;
	if (k == sizeof keys / sizeof keys[0]) {
		if (block) {
			char key[64];
			snprintf(key, sizeof key, "%.*s", (int)(klen < 40 ? klen : 40), s);
			perr(p, BG_ERR_FORMAT, p->line, 1, "unknown metadata key \"%s\"", key);
			return META_ERROR;
		}
		return META_NO;
	}
	off = (size_t)(colon - s) + 1;
	while (off < n && s[off] == ' ')
		off++;
	/* metadata values live until the document is built */
	v = bg_arena_strndup(bg_doc_arena(p->doc), s + off, n - off);
	if (!v) {
		perr(p, BG_ERR_NOMEM, p->line, 1, "%s", "out of memory");
		return META_ERROR;
	}
	switch (k) {
	case 0:
		if (!bg_is_bwb_id(v)) {
			perr(p, BG_ERR_FORMAT, p->line, (unsigned)off + 1,
			     "invalid bwb-id \"%s\" (expected BWBR followed by 7 digits)", v);
			return META_ERROR;
		}
		p->bwb_id = v;
		break;
	case 1:
		if (!valid_date(v)) {
			perr(p, BG_ERR_FORMAT, p->line, (unsigned)off + 1,
			     "invalid datum \"%s\" (expected YYYY-MM-DD)", v);
			return META_ERROR;
		}
		p->datum = v;
		break;
	case 2:
		p->soort = v;
		break;
	default:
		p->meta_title = v;
		break;
	}
	return META_YES;
}

/* ---------------------------------------------------------- main loop */

/* Handles one normalised line.  Returns false to stop (error or the
 * explanatory memorandum begins). */
static bool handle_line(struct parser *p, const char *s, size_t n)
{
	struct heading h;
	char nr[32];
	size_t rest, hashes = 0;
	bool forced = false, dot;
	enum lstyle style;

	if (p->in_comment) {
		if (n >= 3 && strstr(s, "-->"))
			p->in_comment = false;
		return true;
	}
	if (n >= 4 && !memcmp(s, "<!--", 4)) {
		if (!strstr(s + 4, "-->"))
			p->in_comment = true;
		return true;
	}
	if (!n || (n >= 3 && strspn(s, "-") == n) || (n >= 3 && strspn(s, "=") == n)) {
		/* blank, or a Markdown rule / setext underline */
		flush_al(p);
		if (p->title_open) {
			p->title_open = false;
			p->title_done = true;
		}
		p->blank = true;
		return true;
	}
	/* Markdown heading "## ..." */
	while (hashes < n && hashes < 7 && s[hashes] == '#')
		hashes++;
	if (hashes && hashes <= 6 && (hashes == n || s[hashes] == ' ')) {
		s += hashes;
		n -= hashes;
		while (n && *s == ' ')
			s++, n--;
		while (n && (s[n - 1] == '#' || s[n - 1] == ' '))
			n--;
		forced = true;
	} else {
		hashes = 0;
	}

	if (p->narticles && is_toelichting(s, n))
		return false;

	if (parse_heading(s, n, forced, &h)) {
		if (h.kind == BG_N_ARTIKEL)
			do_article(p, &h);
		else
			do_container(p, &h);
		goto done;
	}
	if (forced) {
		/* a heading that is no structure: the title, else a
		 * tussenkop kept as its own text block */
		if (!p->title_done && !p->body) {
			bg_buf_clear(&p->title);
			bg_buf_add(&p->title, s, n);
			p->title_done = true;
			p->title_open = false;
			goto done;
		}
		structural(p);
		add_text(p, s, n);
		flush_al(p);
		goto done;
	}

	if (p->art) {
		if (parse_number(s, n, nr, sizeof nr, &dot, &rest)) {
			long num = strtol(nr, NULL, 10);
			bool plain = is_digit(nr[strlen(nr) - 1]);
			long expect = p->lid ? strtol(p->lid->nr, NULL, 10) + 1 : 1;

			bool ordinal = !strcmp(nr + strspn(nr, "0123456789"), "e");

			for (int k = p->nlists - 1; k >= 0; k--) {
				if (p->lists[k].style == LS_NUMBER && plain &&
				    p->lists[k].next == num) {
					do_item(p, LS_NUMBER, nr, s + rest, n - rest);
					goto done;
				}
				if (p->lists[k].style == LS_ORDINAL && ordinal) {
					do_item(p, LS_ORDINAL, nr, s + rest, n - rest);
					goto done;
				}
			}
			/* "1e.", "2e." (ten eerste, ten tweede) in older acts */
			if (ordinal && num == 1) {
				do_item(p, LS_ORDINAL, nr, s + rest, n - rest);
				goto done;
			}
			/* after "...:" a "1." opens a numbered list, unless it is
			 * the article's first lid */
			if (plain && p->last == ':' && (num != expect || p->nlists)) {
				do_item(p, LS_NUMBER, nr, s + rest, n - rest);
				goto done;
			}
			if (dot || (plain && num == expect)) {
				do_lid(p, nr, s + rest, n - rest);
				goto done;
			}
		}
		/* onderdelen of an amending article: "A. ...", as a lid "A" */
		if (n >= 3 && is_upper(s[0]) && (s[1] == '.' || (s[1] == s[0] && n >= 4 && s[2] == '.'))) {
			size_t l = s[1] == '.' ? 1 : 2;
			if (s[l + 1] == ' ') {
				snprintf(nr, sizeof nr, "%.*s", (int)l, s);
				do_lid(p, nr, s + l + 2, n - l - 2);
				goto done;
			}
		}
		if (parse_item(s, n, &style, nr, sizeof nr, &rest)) {
			do_item(p, style, nr, s + rest, n - rest);
			goto done;
		}
		if (p->defs && (p->last == ':' || p->last == ';') && is_term_line(s, n)) {
			do_item(p, LS_TERM, "", s, n);
			goto done;
		}
	} else if (p->title_done && (p->last == ':' || p->nlists) &&
		   parse_item(s, n, &style, nr, sizeof nr, &rest)) {
		/* a list outside the articles: "Gelet op: - artikel 3 ..." */
		do_item(p, style, nr, s + rest, n - rest);
		goto done;
	}

	/* text */
	if (!p->title_done && !p->body) {
		if (p->title.len)
			bg_buf_addc(&p->title, ' ');
		bg_buf_add(&p->title, s, n);
		p->title_open = true;
		goto done;
	}
	if (p->blank || !p->al_open) {
		flush_al(p);
		/* a paragraph after a list: one that goes on in lower case
		 * ("met dien verstande dat ...") ends the sentence of the
		 * item or lid that holds the innermost list; a new sentence
		 * belongs to the lid */
		if (p->blank && p->nlists) {
			if (title_start_ok(s, n))
				close_lists(p);
			else
				p->nlists--;
			p->defs = false;
		}
	}
	add_text(p, s, n);
done:
	p->blank = false;
	return !p->err;
}

static void finish_meta(struct parser *p)
{
	const char *title = p->meta_title;

	if (!bg_buf_ok(&p->title)) {
		perr(p, BG_ERR_LIMIT, 1, 1, "title longer than %s bytes", "1048576");
		return;
	}
	if (!title && p->title.len)
		title = p->title.s;
	if (bg_doc_set_meta(p->doc, p->bwb_id, p->soort, title, p->datum))
		perr(p, BG_ERR_NOMEM, 1, 1, "%s", "out of memory");
}

static bg_status parse_text(struct parser *p, const char *data, size_t len)
{
	const char *s = data, *end = data + len;
	bg_buf line = BG_BUF_INIT;
	bool any = false, front = false, meta_ok = true;

	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	line.cap_limit = BG_MAX_DRAFT;
	while (s < end && !p->err) {
		const char *e = s;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		p->line++;
		normalise_line(&line, s, (size_t)(e - s));
		s = e;
		if (s < end && *s == '\r')
			s++;
		if (e < end && *e == '\n')
			s = e + 1;
		else if (s < end && *s == '\n' && s == e + 1)
			s++;
		if (line.len)
			any = true;
		/* metadata: a "---" block first, or known keys before the title */
		if (p->line == 1 && !strcmp(line.s, "---")) {
			front = true;
			continue;
		}
		if (front) {
			if (!strcmp(line.s, "---"))
				front = false;
			else if (line.len && parse_meta(p, line.s, line.len, true) == META_ERROR)
				break;
			continue;
		}
		if (meta_ok && line.len) {
			enum meta_result r = parse_meta(p, line.s, line.len, false);
			if (r == META_ERROR)
				break;
			if (r == META_YES)
				continue;
			meta_ok = false;
		}
		if (!handle_line(p, line.s, line.len))
			break;
	}
	bg_buf_release(&line);
	if (p->err)
		return p->err;
	if (front) {
		perr(p, BG_ERR_FORMAT, p->line, 1, "%s",
		     "metadata block \"---\" is not closed");
		return p->err;
	}
	flush_al(p);
	if (p->err)
		return p->err;
	if (!any) {
		perr(p, BG_ERR_FORMAT, 1, 1, "%s", "empty file");
		return p->err;
	}
	if (!p->narticles) {
		perr(p, BG_ERR_FORMAT, 1, 1, "%s",
		     "no article found (a draft needs a line \"Artikel 1\")");
		return p->err;
	}
	finish_meta(p);
	if (!p->err && bg_doc_finish(p->doc))
		perr(p, BG_ERR_NOMEM, 1, 1, "%s", "out of memory");
	return p->err;
}

bg_status bg_draft_read_memory(const char *data, size_t len, const char *name,
			       bg_doc **out, bg_diag *diag)
{
	struct parser p;
	bg_diag local = {0};
	bg_status st;

	*out = NULL;
	memset(&p, 0, sizeof p);
	p.name = name ? name : "-";
	p.diag = diag ? diag : &local;
	if (len > BG_MAX_DRAFT) {
		perr(&p, BG_ERR_LIMIT, 0, 0, "draft larger than %s bytes", "16777216");
		bg_diag_clear(&local);
		return BG_ERR_LIMIT;
	}
	if (len == 0) {
		perr(&p, BG_ERR_FORMAT, 1, 1, "%s", "empty file");
		bg_diag_clear(&local);
		return BG_ERR_FORMAT;
	}
	if (!validate(&p, (const unsigned char *)data, len)) {
		bg_diag_clear(&local);
		return p.err;
	}
	p.doc = bg_doc_new(p.name, BG_DIALECT_DRAFT);
	if (!p.doc) {
		perr(&p, BG_ERR_NOMEM, 0, 0, "%s", "out of memory");
		bg_diag_clear(&local);
		return BG_ERR_NOMEM;
	}
	bg_buf_init(&p.al);
	bg_buf_init(&p.title);
	p.al.cap_limit = BG_MAX_TEXT;
	p.title.cap_limit = BG_MAX_TEXT;
	st = parse_text(&p, data, len);
	bg_buf_release(&p.al);
	bg_buf_release(&p.title);
	if (st) {
		bg_doc_free(p.doc);
		bg_diag_clear(&local);
		return st;
	}
	*out = p.doc;
	bg_diag_clear(&local);
	return BG_OK;
}

bg_status bg_bill_read_memory(const char *data, size_t len, const char *name,
			      bg_doc **out, bg_diag *diag)
{
	bg_read_opts opts = {0};

	*out = NULL;
	switch (bg_bill_sniff(data, len)) {
	case BG_BILL_TEXT:
		return bg_draft_read_memory(data, len, name, out, diag);
	case BG_BILL_OP:
		opts.allow_op = true;
		break;
	default:
		break;
	}
	opts.display_name = name;
	return bg_doc_read_memory(data, len, name, &opts, out, diag);
}

bg_status bg_bill_read(const char *path, bg_doc **out, bg_diag *diag)
{
	FILE *fp;
	struct stat sb;
	char *data;
	size_t n;
	bg_status st;

	*out = NULL;
	fp = fopen(path, "rb");
	if (!fp) {
		bg_diag_set(diag, BG_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
		return BG_ERR_IO;
	}
	if (fstat(fileno(fp), &sb) || !S_ISREG(sb.st_mode)) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_IO, path, 0, 0, "not a regular file");
		return BG_ERR_IO;
	}
	if ((unsigned long long)sb.st_size > BG_MAX_FILE) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_LIMIT, path, 0, 0, "file larger than %u bytes",
			    (unsigned)BG_MAX_FILE);
		return BG_ERR_LIMIT;
	}
	data = malloc((size_t)sb.st_size + 1);
	if (!data) {
		fclose(fp);
		bg_diag_set(diag, BG_ERR_NOMEM, path, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	n = fread(data, 1, (size_t)sb.st_size, fp);
	if (ferror(fp)) {
		fclose(fp);
		free(data);
		bg_diag_set(diag, BG_ERR_IO, path, 0, 0, "read error");
		return BG_ERR_IO;
	}
	fclose(fp);
	data[n] = '\0';
	st = bg_bill_read_memory(data, n, path, out, diag);
	free(data);
	return st;
}

/* ---------------------------------------------------------- amendments */

const char *bg_amend_action_name(bg_amend_action a)
{
	switch (a) {
	case BG_AMEND_WIJZIGEN: return "wijzigen";
	case BG_AMEND_INVOEGEN: return "invoegen";
	case BG_AMEND_TOEVOEGEN: return "toevoegen";
	case BG_AMEND_VERVANGEN: return "vervangen";
	case BG_AMEND_LUIDEN: return "komt te luiden";
	case BG_AMEND_VERVALLEN: return "vervallen";
	case BG_AMEND_VERNUMMEREN: return "vernummeren";
	case BG_AMEND_INTREKKEN: return "intrekken";
	default: return "other";
	}
}

/* Case-insensitive (ASCII) search for a whole word or phrase in s[0..n). */
static const char *find_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);

	for (size_t i = 0; i + wl <= n; i++) {
		if (i && (is_lower(s[i - 1]) || is_upper(s[i - 1]) || is_digit(s[i - 1]) ||
			  (unsigned char)s[i - 1] >= 0x80))
			continue;
		if (!ascii_prefix_ci(s + i, wl, w))
			continue;
		if (i + wl < n && (is_lower(s[i + wl]) || is_upper(s[i + wl]) ||
				   (unsigned char)s[i + wl] >= 0x80))
			continue;
		return s + i;
	}
	return NULL;
}

/*
 * The instruction proper, as a new string (free it): the text up to the
 * colon that introduces new wording, with quoted wording («...», “...”,
 * "...") blanked out, so that only the instruction's own words count:
 * "In artikel 4 wordt «vervalt» vervangen door «eindigt»" is a vervanging.
 */
static char *instruction(const char *t)
{
	static const struct { const char *open, *close; } quotes[] = {
		{ "\xC2\xAB", "\xC2\xBB" }, { "\xE2\x80\x9C", "\xE2\x80\x9D" },
		{ "\xE2\x80\x9E", "\xE2\x80\x9D" }, { "\xE2\x80\x98", "\xE2\x80\x99" },
		{ "\"", "\"" },
	};
	bg_buf b = BG_BUF_INIT;

	while (*t && *t != ':') {
		size_t q;
		for (q = 0; q < sizeof quotes / sizeof quotes[0]; q++)
			if (!strncmp(t, quotes[q].open, strlen(quotes[q].open)))
				break;
		if (q < sizeof quotes / sizeof quotes[0]) {
			const char *e = strstr(t + strlen(quotes[q].open), quotes[q].close);
			t = e ? e + strlen(quotes[q].close) : t + strlen(t);
			bg_buf_adds(&b, " \"\" ");
			continue;
		}
		bg_buf_addc(&b, *t++);
	}
	if (!b.len)
		bg_buf_addc(&b, ' '); /* detach an owned string, never the static "" */
	return bg_buf_detach(&b);
}

static bg_amend_action amend_action(const char *t)
{
	static const struct { const char *w; bg_amend_action a; } verbs[] = {
		{ "ingevoegd", BG_AMEND_INVOEGEN }, { "toegevoegd", BG_AMEND_TOEVOEGEN },
		{ "te luiden", BG_AMEND_LUIDEN }, { "vervangen", BG_AMEND_VERVANGEN },
		{ "vernummerd", BG_AMEND_VERNUMMEREN }, { "ingetrokken", BG_AMEND_INTREKKEN },
		{ "vervalt", BG_AMEND_VERVALLEN }, { "vervallen", BG_AMEND_VERVALLEN },
		{ "gewijzigd", BG_AMEND_WIJZIGEN },
	};
	char *ins = instruction(t);
	size_t n = ins ? strlen(ins) : 0;
	const char *best = NULL;
	bg_amend_action a = BG_AMEND_OTHER;

	if (!ins)
		return a;
	t = ins;

	/* the verb that comes first governs: "vervalt, onder vervanging" */
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		const char *f = find_word(t, n, verbs[i].w);
		if (f && (!best || f < best)) {
			best = f;
			a = verbs[i].a;
		}
	}
	free(ins);
	return a;
}

static const char *const provision_words[] = {
	"artikelen", "artikel", "hoofdstuk", "afdeling", "paragraaf", "titel",
	"bijlage", "onderdeel", "boek", "deel", "\xC2\xA7",
};

/* The first provision named: "artikel 17", "hoofdstuk 3", in arena. */
static const char *amend_target(bg_arena *a, const char *text)
{
	char *t = instruction(text);
	size_t n = t ? strlen(t) : 0;
	const char *best = NULL, *bw = NULL, *r = "";

	for (size_t i = 0; t && i < sizeof provision_words / sizeof provision_words[0]; i++) {
		const char *w = provision_words[i];
		size_t wl = strlen(w);
		for (const char *f = t; (f = find_word(f, n - (size_t)(f - t), w)); f += wl) {
			const char *nr = f + wl;
			if (best && f >= best)
				break;
			while (*nr == ' ')
				nr++;
			if (heading_nr(nr, strlen(nr))) {
				best = f;
				bw = w;
				break;
			}
		}
	}
	if (best) {
		const char *nr = best + strlen(bw);
		bg_buf b = BG_BUF_INIT;
		char *v;

		while (*nr == ' ')
			nr++;
		/* "artikelen 3 en 4" names artikel 3 first */
		bg_buf_adds(&b, !strcmp(bw, "artikelen") ? "artikel" : bw);
		bg_buf_addc(&b, ' ');
		bg_buf_add(&b, nr, heading_nr(nr, strlen(nr)));
		v = bg_buf_ok(&b) ? bg_arena_strndup(a, b.s, b.len) : NULL;
		bg_buf_release(&b);
		r = v ? v : "";
	}
	free(t);
	return r;
}

static const char *const finite_verbs[] = {
	"wordt", "worden", "vervalt", "vervallen", "komt", "komen",
	"blijft", "blijven", "geldt", "gelden", "is", "zijn",
};

/* The first finite verb of s[0..n): its position, or NULL. */
static const char *first_verb(const char *s, size_t n, size_t *which)
{
	const char *best = NULL;

	for (size_t i = 0; i < sizeof finite_verbs / sizeof finite_verbs[0]; i++) {
		const char *f = find_word(s, n, finite_verbs[i]);
		if (f && (!best || f < best)) {
			best = f;
			*which = i;
		}
	}
	return best;
}

/* The first provision named with a number in s[0..n), or NULL. */
static const char *first_provision(const char *s, size_t n)
{
	const char *best = NULL;

	for (size_t i = 0; i < sizeof provision_words / sizeof provision_words[0]; i++) {
		const char *w = provision_words[i];
		for (const char *f = s; (f = find_word(f, n - (size_t)(f - s), w)); f += strlen(w)) {
			const char *nr = f + strlen(w);
			if (best && f >= best)
				break;
			while (*nr == ' ')
				nr++;
			if (heading_nr(nr, strlen(nr))) {
				best = f;
				break;
			}
		}
	}
	return best;
}

/*
 * The act an instruction changes: "Het Mediabesluit 2008 wordt als volgt
 * gewijzigd" gives "Mediabesluit 2008"; "In artikel 3, eerste lid, van de
 * Wet X wordt ..." gives "Wet X" (up to a comma, a verb or quoted text).
 * "" when the text names none.
 */
static const char *amend_act(bg_arena *a, const char *text)
{
	char *t = instruction(text);
	size_t n = t ? strlen(t) : 0, which = 0, start = 0, end;
	const char *verb, *prov, *r = "";
	char *v;

	if (!t)
		return "";
	verb = first_verb(t, n, &which);
	prov = first_provision(t, n);
	if (prov) {
		/* the act follows the provision: "... van de Wet X" */
		const char *de = find_word(prov, n - (size_t)(prov - t), "van de");
		const char *het = find_word(prov, n - (size_t)(prov - t), "van het");
		if (!de || (het && het < de))
			de = het;
		if (!de)
			goto out;
		start = (size_t)(de - t) + (de == het ? 8 : 7);
		for (end = start; end < n && t[end] != ',' && t[end] != '"' &&
				  !(t[end] == '.' && end + 1 < n && t[end + 1] == ' '); end++)
			;
		verb = first_verb(t + start, end - start, &which);
		if (verb)
			end = (size_t)(verb - t);
	} else if (verb) {
		/* "Het Besluit X wordt ...", "In de Wet X wordt ..." */
		end = (size_t)(verb - t);
		static const char *const lead[] = { "in ", "aan ", "na ", "voor " };
		for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
			if (ascii_prefix_ci(t, end, lead[i]))
				start = strlen(lead[i]);
		if (ascii_prefix_ci(t + start, end - start, "het "))
			start += 4;
		else if (ascii_prefix_ci(t + start, end - start, "de "))
			start += 3;
		else
			goto out; /* no article: no name ("Voor het jaar 2027 ...") */
	} else {
		goto out;
	}
	while (end > start && (t[end - 1] == ' ' || t[end - 1] == ','))
		end--;
	if (end > start) {
		v = bg_arena_strndup(a, t + start, end - start);
		r = v ? v : "";
	}
out:
	free(t);
	return r;
}

static bool is_roman(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr("IVXLCDM", *s))
			return false;
	return true;
}

static bool is_letter_nr(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_upper(*s))
			return false;
	return true;
}

static const bg_node *first_al(const bg_node *n)
{
	return n->first_child && n->first_child->kind == BG_N_AL ? n->first_child : NULL;
}

static bool has_kind_below(const bg_node *n, bg_node_kind k)
{
	for (const bg_node *c = n->first_child; c; c = bg_node_next(n, c))
		if (c->kind == k)
			return true;
	return false;
}

/* "... wordt als volgt gewijzigd:": an instruction whose onderdelen
 * follow. */
static bool wijzig_intro(const char *t)
{
	char *ins = instruction(t);
	bool r = ins && (find_word(ins, strlen(ins), "als volgt gewijzigd") ||
			 find_word(ins, strlen(ins), "gewijzigd als volgt"));

	free(ins);
	return r;
}

/*
 * One instruction in the form the Aanwijzingen voor de regelgeving give
 * it: it opens with the place ("In artikel 3 ...", "Aan artikel 4 ...",
 * "Na artikel 17 ...", "Artikel 5 ...", "Het opschrift van ...", "De Wet X
 * wordt ingetrokken"), names a provision (or withdraws an act), and says
 * what happens to it.  "In afwijking van artikel 3 ..." is a rule, not an
 * instruction.
 */
static bool is_instruction(const char *t)
{
	static const char *const starts[] = {
		"in ", "aan ", "na ", "voor ", "onder ", "artikel", "hoofdstuk",
		"afdeling", "paragraaf", "\xC2\xA7", "titel", "bijlage", "het ", "de ",
		"onderdeel",
	};
	bg_amend_action a = amend_action(t);
	size_t n = strlen(t), i;
	bool target;
	char *ins;

	if (a == BG_AMEND_OTHER || ascii_prefix_ci(t, n, "in afwijking"))
		return false;
	ins = instruction(t);
	if (ins) {
		/* "... blijft van toepassing", "... geldt": a rule, even
		 * when "vervallen" comes first in a relative clause */
		size_t which = 0;
		const char *v = first_verb(ins, strlen(ins), &which);
		bool rule = v && which >= 10; /* "is", "zijn" first */
		for (size_t k = 6; k < 10; k++)
			if (find_word(ins, strlen(ins), finite_verbs[k]))
				rule = true;
		free(ins);
		if (rule)
			return false;
	}
	for (i = 0; i < sizeof starts / sizeof starts[0]; i++)
		if (ascii_prefix_ci(t, n, starts[i]))
			break;
	if (i == sizeof starts / sizeof starts[0])
		return false;
	if (a == BG_AMEND_INTREKKEN)
		return true;
	if (a == BG_AMEND_WIJZIGEN)
		return wijzig_intro(t);
	ins = instruction(t);
	target = false;
	for (i = 0; ins && i < sizeof provision_words / sizeof provision_words[0] && !target; i++) {
		const char *w = provision_words[i], *f = ins;
		while (!target && (f = find_word(f, strlen(f), w))) {
			const char *nr = f + strlen(w);
			while (*nr == ' ')
				nr++;
			target = heading_nr(nr, strlen(nr)) > 0;
			f += strlen(w);
		}
	}
	/* "het eerste lid", "de aanhef" inside an onderdeel name no number */
	if (!target && ins)
		target = find_word(ins, strlen(ins), "lid") || find_word(ins, strlen(ins), "aanhef") ||
			 find_word(ins, strlen(ins), "onderdeel") || find_word(ins, strlen(ins), "opschrift");
	free(ins);
	return target;
}

static bool is_amending(const bg_node *art)
{
	const bg_node *wat = first_al(art);
	const bg_node *c;
	bool lettered = true, any_lid = false, instr = false;

	if (wat && wijzig_intro(wat->text))
		return true;
	for (c = art->first_child; c; c = c->next) {
		if (c->kind == BG_N_ARTIKEL)
			return true;
		if (c->kind != BG_N_LID)
			continue;
		if (has_kind_below(c, BG_N_ARTIKEL))
			return true;
		/* onderdelen A, B, C ... each an instruction */
		if (!any_lid && strcmp(c->nr, "A"))
			lettered = false;
		any_lid = true;
		if (!is_letter_nr(c->nr))
			lettered = false;
		/* (once the leden are not lettered, or one instruction is
		 * found, the answer no longer depends on the others) */
		if (lettered && !instr && first_al(c) && is_instruction(first_al(c)->text))
			instr = true;
	}
	if (any_lid && lettered && instr)
		return true;
	/* a Roman-numbered article that is one instruction itself */
	return !any_lid && is_roman(art->nr) && wat && is_instruction(wat->text);
}

struct amend_list {
	bg_doc *doc;
	bg_amendment *v;
	size_t n, alloc;
	bool oom;
};

static bg_amendment *amend_push(struct amend_list *l)
{
	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 16;
		bg_amendment *p = realloc(l->v, na * sizeof *p);
		if (!p) {
			l->oom = true;
			return NULL;
		}
		l->v = p;
		l->alloc = na;
	}
	memset(&l->v[l->n], 0, sizeof l->v[0]);
	return &l->v[l->n++];
}

/* Fills content (children after the wat) and the articles among them. */
/* True when d, below c, is an article not nested in another article
 * below c: "artikel 17a" in a wijziging, not the articles it quotes. */
static bool top_article_below(const bg_node *c, const bg_node *d)
{
	if (d->kind != BG_N_ARTIKEL)
		return false;
	for (const bg_node *u = d->parent; u && u != c; u = u->parent)
		if (u->kind == BG_N_ARTIKEL)
			return false;
	return true;
}

static void amend_content(struct amend_list *l, bg_amendment *am,
			  const bg_node *owner, const bg_node *wat)
{
	bg_arena *a = bg_doc_arena(l->doc);
	size_t nc = 0, na = 0;
	const bg_node **content, **arts;
	const bg_node *c0 = wat ? wat->next : owner->first_child;

	for (const bg_node *c = c0; c; c = c->next) {
		nc++;
		if (c->kind == BG_N_ARTIKEL)
			na++;
		else
			for (const bg_node *d = c->first_child; d; d = bg_node_next(c, d))
				if (top_article_below(c, d))
					na++;
	}
	if (!nc)
		return;
	content = bg_arena_alloc(a, nc * sizeof *content);
	arts = na ? bg_arena_alloc(a, na * sizeof *arts) : NULL;
	if (!content || (na && !arts)) {
		l->oom = true;
		return;
	}
	nc = na = 0;
	for (const bg_node *c = c0; c; c = c->next) {
		content[nc++] = c;
		if (c->kind == BG_N_ARTIKEL)
			arts[na++] = c;
		else
			for (const bg_node *d = c->first_child; d; d = bg_node_next(c, d))
				if (top_article_below(c, d))
					arts[na++] = d;
	}
	am->content = content;
	am->ncontent = nc;
	am->articles = arts;
	am->narticles = na;
}

static void amend_item(struct amend_list *l, const bg_node *art, const char *act,
		       const bg_node *item, const char *prefix, int depth)
{
	bg_arena *a = bg_doc_arena(l->doc);
	const bg_node *wat = first_al(item);
	bg_amendment *am;
	bg_buf b = BG_BUF_INIT;
	char *ond;
	size_t idx;

	if (l->oom)
		return;
	bg_buf_adds(&b, prefix);
	if (prefix[0])
		bg_buf_addc(&b, '.');
	bg_buf_adds(&b, item->nr);
	ond = bg_buf_ok(&b) ? bg_arena_strndup(a, b.s, b.len) : NULL;
	bg_buf_release(&b);
	am = amend_push(l);
	if (!am || !ond) {
		l->oom = true;
		return;
	}
	idx = l->n - 1;
	am->article = art;
	am->item = item;
	am->onderdeel = ond;
	am->text = wat ? wat->text : "";
	am->action = amend_action(am->text);
	am->target = amend_target(a, am->text);
	am->act = act;
	{
		const char *own = amend_act(a, am->text);
		/* "In artikel 3 van de Wet X" inside an onderdeel names its act */
		if (own[0] && !act[0])
			am->act = own;
	}
	amend_content(l, am, item, wat);
	/* "Artikel 3 wordt als volgt gewijzigd: 1. ... 2. ...": the leden or
	 * items below are sub-instructions, not new text */
	if (am->action == BG_AMEND_WIJZIGEN && wijzig_intro(am->text) && depth < 3) {
		const bg_amendment *self = &l->v[idx];
		const bg_node *const *cont = self->content;
		size_t ncont = self->ncontent;
		for (size_t i = 0; i < ncont && !l->oom; i++) {
			const bg_node *c = cont[i];
			if (c->kind == BG_N_LID || c->kind == BG_N_LI)
				amend_item(l, art, act, c, ond, depth + 1);
			else if (c->kind == BG_N_LIJST)
				for (const bg_node *li = c->first_child; li; li = li->next)
					if (li->kind == BG_N_LI)
						amend_item(l, art, act, li, ond, depth + 1);
		}
	}
}

bg_status bg_bill_amendments(bg_doc *doc, const bg_amendment **out, size_t *count)
{
	struct amend_list l = { .doc = doc };
	bg_node *root = bg_doc_root(doc);
	bg_arena *a = bg_doc_arena(doc);

	*out = NULL;
	*count = 0;
	for (bg_node *n = root; n; n = bg_node_next(root, n)) {
		const bg_node *wat;
		const char *act;
		bool items = false;

		if (n->kind != BG_N_ARTIKEL || !n->parent ||
		    bg_node_ancestor(n->parent, BG_N_ARTIKEL) ||
		    bg_node_ancestor(n->parent, BG_N_LID) || !is_amending(n))
			continue;
		wat = first_al(n);
		act = wat ? amend_act(a, wat->text) : "";
		for (const bg_node *c = n->first_child; c && !l.oom; c = c->next)
			if (c->kind == BG_N_LID) {
				items = true;
				amend_item(&l, n, act, c, "", 0);
			}
		if (!items && !l.oom) {
			/* the article is itself the one instruction */
			bg_amendment *am = amend_push(&l);
			if (!am)
				break;
			am->article = n;
			am->onderdeel = "";
			am->text = wat ? wat->text : "";
			am->action = amend_action(am->text);
			am->target = amend_target(a, am->text);
			am->act = act;
			amend_content(&l, am, n, wat);
		}
	}
	if (l.oom) {
		free(l.v);
		return BG_ERR_NOMEM;
	}
	if (l.n) {
		bg_amendment *v = bg_arena_alloc(a, l.n * sizeof *v);
		if (!v) {
			free(l.v);
			return BG_ERR_NOMEM;
		}
		memcpy(v, l.v, l.n * sizeof *v);
		*out = v;
		*count = l.n;
	}
	free(l.v);
	return BG_OK;
}
