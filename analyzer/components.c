/*
 * components.c -- splits a definition text into components (items,
 * exclusions, conditions with their connective, time references,
 * references); see components.h.
 *
 * The text is tokenised once (folded words, numbers and punctuation, with
 * byte offsets).  Then:
 *   1. clauses: the text is cut at ";" and ":" and at sentence ends (a
 *      "." followed by a capital or the end); a leading list marker
 *      ("a.", "1°.", "2)") and a trailing connective ("en", "of",
 *      "dan wel") are taken off each clause, the connective remembered;
 *   2. lists: a clause ending in ":" is a lead-in, the clauses after it
 *      are its items up to the end of the sentence; clauses separated by
 *      ";" form a list too.  When the lead-in ends in a connective or a
 *      condition marker ("... als de belanghebbende en:"), its items are
 *      conditions, else items.  The connective found after the
 *      penultimate item ("; of f. ...") is the connective of every item;
 *   3. markers: inside a clause, an exclusion or condition phrase opens a
 *      component of that kind up to the next marker or the clause end;
 *      what precedes the first marker is the clause's item (or condition);
 *   4. time phrases and references are found anywhere in the text.
 * This follows how Dutch legislation is drafted (Aanwijzingen voor de
 * regelgeving 3.xx on enumerations: the connective stands after the
 * penultimate item and governs the whole list).
 */
#include "components.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum pkind {
	P_EXCL, P_COND, P_TIME, P_CONJ_EN, P_CONJ_OF, P_STOP, P_REF, P_REFEND, P_FRAME,
	P_COPULA, P__N
};

static const char *const pkind_names[P__N] = {
	"exclusion", "condition", "time", "conj-en", "conj-of", "stop", "ref", "refend",
	"frame", "copula"
};

struct phrase {
	const char **w;   /* folded tokens */
	uint32_t *id;     /* their ids among the phrase words */
	size_t n;
	const char *label;/* as written in the file */
};

/* Bit of struct bg_cmp_phrases.first for a word that is a phrase of
 * kind stop on its own. */
#define STOP_WORD (1u << P__N)

/*
 * The words of all phrases get ids (1..nwords), so that a text's tokens
 * are looked up once (splitter.tid) and a phrase then matches by integer
 * comparisons.  first[id] / last[id]: bit k set when a phrase of kind k
 * starts / ends with the word; a token without the bit starts (ends) no
 * phrase of that kind, which is most tokens.
 */
struct bg_cmp_phrases {
	bg_arena *arena;
	struct phrase *v[P__N];
	size_t n[P__N], alloc[P__N];
	struct pword { const char *w; uint32_t id; } *tab;   /* open addressing */
	size_t cap, nwords;
	uint16_t *first, *last;
};

const char *bg_comp_kind_name(bg_comp_kind k)
{
	static const char *const names[BG_COMP__COUNT] = {
		"item", "exclusion", "condition", "time", "reference"
	};
	return (unsigned)k < BG_COMP__COUNT ? names[k] : "?";
}

const char *bg_conj_name(bg_conj c)
{
	return c == BG_CONJ_EN ? "en" : c == BG_CONJ_OF ? "of" : "";
}

const char *bg_cmp_phrases_default_path(void)
{
	const char *e = getenv("BEGRIP_COMPARE_LEXICON");
	return e && *e ? e : "lexicon/compare.txt";
}

void bg_cmp_phrases_free(bg_cmp_phrases *p)
{
	if (!p)
		return;
	for (int k = 0; k < P__N; k++)
		free(p->v[k]);
	free(p->tab);
	free(p->first);
	free(p->last);
	bg_arena_free(p->arena);
	free(p);
}

/* The slot of word w[0..n): its own, or the empty one where it would go. */
static struct pword *word_slot(const bg_cmp_phrases *p, const char *w, size_t n)
{
	size_t i = bg_word_hash(w, n) & (p->cap - 1);

	while (p->tab[i].w && (strncmp(p->tab[i].w, w, n) || p->tab[i].w[n]))
		i = (i + 1) & (p->cap - 1);
	return &p->tab[i];
}

/* The id of w[0..n) among the phrase words, 0 when none. */
static uint32_t word_id(const bg_cmp_phrases *p, const char *w, size_t n)
{
	return word_slot(p, w, n)->id;
}

/* Numbers the phrase words and marks first and last words per kind. */
static bool index_words(bg_cmp_phrases *p)
{
	size_t total = 0;

	for (int k = 0; k < P__N; k++)
		for (size_t j = 0; j < p->n[k]; j++)
			total += p->v[k][j].n;
	for (p->cap = 16; p->cap < 2 * total + 2; p->cap *= 2)
		;
	p->tab = calloc(p->cap, sizeof *p->tab);
	p->first = calloc(total + 1, sizeof *p->first);
	p->last = calloc(total + 1, sizeof *p->last);
	if (!p->tab || !p->first || !p->last)
		return false;
	for (int k = 0; k < P__N; k++)
		for (size_t j = 0; j < p->n[k]; j++) {
			struct phrase *ph = &p->v[k][j];
			if (!(ph->id = bg_arena_alloc(p->arena, ph->n * sizeof *ph->id)))
				return false;
			for (size_t m = 0; m < ph->n; m++) {
				struct pword *s = word_slot(p, ph->w[m], strlen(ph->w[m]));
				if (!s->w) {
					s->w = ph->w[m];
					s->id = (uint32_t)++p->nwords;
				}
				ph->id[m] = s->id;
			}
			p->first[ph->id[0]] |= (uint16_t)(1u << k);
			p->last[ph->id[ph->n - 1]] |= (uint16_t)(1u << k);
			if (k == P_STOP && ph->n == 1)
				p->first[ph->id[0]] |= STOP_WORD;
		}
	return true;
}

static bool add_phrase(bg_cmp_phrases *p, bg_norm *nm, enum pkind k,
		       const char *s, size_t n)
{
	bg_toklist tl = BG_TOKLIST_INIT;
	struct phrase *ph;

	if (p->n[k] == p->alloc[k]) {
		size_t na = p->alloc[k] ? 2 * p->alloc[k] : 16;
		struct phrase *nv = realloc(p->v[k], na * sizeof *nv);
		if (!nv)
			return false;
		p->v[k] = nv;
		p->alloc[k] = na;
	}
	if (bg_norm_tokens(nm, s, n, BG_NORM_NUMBERS | BG_NORM_PUNCT, &tl) != BG_OK || !tl.n) {
		bg_toklist_release(&tl);
		return false;
	}
	ph = &p->v[k][p->n[k]];
	ph->n = tl.n;
	ph->w = bg_arena_alloc(p->arena, tl.n * sizeof *ph->w);
	ph->label = bg_arena_strndup(p->arena, s, n);
	if (!ph->w || !ph->label) {
		bg_toklist_release(&tl);
		return false;
	}
	for (size_t i = 0; i < tl.n; i++)
		if (!(ph->w[i] = bg_arena_strdup(p->arena, bg_tok_key(&tl, i)))) {
			bg_toklist_release(&tl);
			return false;
		}
	bg_toklist_release(&tl);
	p->n[k]++;
	return true;
}

bg_status bg_cmp_phrases_parse(const char *text, size_t len, const char *name,
			       bg_norm *nm, bg_cmp_phrases **out, bg_diag *d)
{
	bg_cmp_phrases *p = calloc(1, sizeof *p);
	const char *s = text, *end = text + len;
	unsigned line = 0;

	*out = NULL;
	if (!p || !(p->arena = bg_arena_new())) {
		free(p);
		bg_diag_set(d, BG_ERR_NOMEM, name, 0, 0, "out of memory");
		return BG_ERR_NOMEM;
	}
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *k, *ke, *ph;
		int kind = -1;

		line++;
		while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			e--;
		k = s;
		while (k < e && (*k == ' ' || *k == '\t'))
			k++;
		s = nl ? nl + 1 : end;
		if (k == e || *k == '#')
			continue;
		ke = k;
		while (ke < e && *ke != ' ' && *ke != '\t')
			ke++;
		for (int i = 0; i < P__N; i++)
			if (strlen(pkind_names[i]) == (size_t)(ke - k) &&
			    !memcmp(pkind_names[i], k, (size_t)(ke - k)))
				kind = i;
		ph = ke;
		while (ph < e && (*ph == ' ' || *ph == '\t'))
			ph++;
		if (kind < 0 || ph == e) {
			bg_diag_set(d, BG_ERR_FORMAT, name, line, 1,
				    kind < 0 ? "unknown kind '%.*s'" : "no phrase after '%.*s'",
				    (int)(ke - k), k);
			bg_cmp_phrases_free(p);
			return BG_ERR_FORMAT;
		}
		if (!add_phrase(p, nm, (enum pkind)kind, ph, (size_t)(e - ph))) {
			bg_diag_set(d, BG_ERR_FORMAT, name, line, (unsigned)(ph - k + 1),
				    "phrase has no words, or out of memory");
			bg_cmp_phrases_free(p);
			return BG_ERR_FORMAT;
		}
	}
	if (!index_words(p)) {
		bg_diag_set(d, BG_ERR_NOMEM, name, 0, 0, "out of memory");
		bg_cmp_phrases_free(p);
		return BG_ERR_NOMEM;
	}
	*out = p;
	return BG_OK;
}

bg_status bg_cmp_phrases_load(const char *path, bg_norm *nm,
			      bg_cmp_phrases **out, bg_diag *d)
{
	FILE *f = fopen(path, "rb");
	bg_buf b = BG_BUF_INIT;
	char chunk[8192];
	size_t r;
	bg_status st;

	*out = NULL;
	if (!f) {
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "%s", strerror(errno));
		return BG_ERR_IO;
	}
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
		bg_buf_add(&b, chunk, r);
	if (ferror(f) || !bg_buf_ok(&b)) {
		fclose(f);
		bg_buf_release(&b);
		bg_diag_set(d, BG_ERR_IO, path, 0, 0, "read error");
		return BG_ERR_IO;
	}
	fclose(f);
	st = bg_cmp_phrases_parse(b.s, b.len, path, nm, out, d);
	bg_buf_release(&b);
	return st;
}

bool bg_cmp_phrases_is_stop(const bg_cmp_phrases *p, const char *w)
{
	return (p->first[word_id(p, w, strlen(w))] & STOP_WORD) != 0;
}

/* ------------------------------------------------------------ splitting */

struct splitter {
	bg_norm *nm;
	const bg_cmp_phrases *p;
	const char *text;
	size_t len;
	bg_toklist t;
	bg_components *out;
	bg_buf key, stem;
	bool *in_time;   /* token is part of a time phrase */
	uint32_t *tid;   /* per token: its id among the phrase words, 0 if none */
	bool *word;      /* per token: is_word of its key */
	bool nomem;
};

static const char *tk(const struct splitter *sp, size_t i)
{
	return bg_tok_key(&sp->t, i);
}

/* Words are tokens with a letter or digit; the rest is punctuation. */
static bool is_word(const char *k)
{
	for (const unsigned char *u = (const unsigned char *)k; *u; u++)
		if (isalnum(*u) || *u >= 0xc3)
			return true;
	return false;
}

static bool is_punct(const struct splitter *sp, size_t i, const char *which)
{
	const char *k = tk(sp, i);
	return !sp->word[i] && strstr(which, k) != NULL && k[0];
}

/* Length of the longest phrase of kind k matching tokens [i, end), with its
 * index in *which; 0 when none. */
static size_t match(const struct splitter *sp, enum pkind k, size_t i, size_t end,
		    size_t *which)
{
	size_t best = 0;

	if (i >= end || !(sp->p->first[sp->tid[i]] & (1u << k)))
		return 0;
	for (size_t j = 0; j < sp->p->n[k]; j++) {
		const struct phrase *ph = &sp->p->v[k][j];
		size_t m = 0;
		if (ph->n <= best || i + ph->n > end)
			continue;
		while (m < ph->n && ph->id[m] == sp->tid[i + m])
			m++;
		if (m == ph->n) {
			best = m;
			if (which)
				*which = j;
		}
	}
	return best;
}

/* A phrase of kind k ending exactly at `end` (tokens [end-n, end)). */
static size_t match_ending(const struct splitter *sp, enum pkind k, size_t start,
			   size_t end)
{
	size_t best = 0;

	/* (end may lie before start: a reference's end walked back over
	 * punctuation; phrases ending there still count) */
	if (end == start || !end || !(sp->p->last[sp->tid[end - 1]] & (1u << k)))
		return 0;
	for (size_t j = 0; j < sp->p->n[k]; j++) {
		const struct phrase *ph = &sp->p->v[k][j];
		size_t m = 0;
		if (ph->n > end - start || ph->n <= best)
			continue;
		while (m < ph->n && ph->id[m] == sp->tid[end - ph->n + m])
			m++;
		if (m == ph->n)
			best = ph->n;
	}
	return best;
}

/* The comparison key of tokens [a, b): stems of the content words. */
static void make_key(struct splitter *sp, size_t a, size_t b)
{
	bg_buf_clear(&sp->key);
	for (size_t i = a; i < b; i++) {
		const char *w = tk(sp, i);
		/* time phrases are components of their own: leaving their
		 * words out lets "het inkomen in het kalenderjaar" and "het
		 * inkomen in het peiljaar" match as one item whose time differs */
		if (!sp->word[i] || (sp->p->first[sp->tid[i]] & STOP_WORD) || sp->in_time[i])
			continue;
		if (sp->key.len)
			bg_buf_addc(&sp->key, ' ');
		if (isdigit((unsigned char)w[0])) {
			bg_buf_adds(&sp->key, w);
		} else {
			bg_buf_clear(&sp->stem);
			bg_norm_stem(sp->nm, w, strlen(w), &sp->stem);
			bg_buf_add(&sp->key, sp->stem.s, sp->stem.len);
		}
	}
}

static void push(struct splitter *sp, bg_comp_kind kind, bg_conj conj, size_t a,
		 size_t b, const char *key)
{
	bg_components *o = sp->out;
	bg_comp *c;
	uint32_t start, end;

	while (b > a && !sp->word[b - 1])
		b--;
	if (a >= b || !key || !*key)
		return;
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].kind == kind && !strcmp(o->v[i].key, key))
			return;
	if (o->n == o->alloc) {
		size_t na = o->alloc ? 2 * o->alloc : 16;
		bg_comp *nv = realloc(o->v, na * sizeof *nv);
		if (!nv) {
			sp->nomem = true;
			return;
		}
		o->v = nv;
		o->alloc = na;
	}
	start = sp->t.v[a].start;
	end = sp->t.v[b - 1].start + sp->t.v[b - 1].len;
	c = &o->v[o->n];
	c->kind = kind;
	c->conj = conj;
	c->start = start;
	c->len = end - start;
	if (!(c->key = strdup(key))) {
		sp->nomem = true;
		return;
	}
	o->n++;
}

/* The first connective word inside tokens [a, b), for running-text
 * conditions ("indien A en B"). */
static bg_conj inner_conj(const struct splitter *sp, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (match(sp, P_CONJ_EN, i, b, NULL))
			return BG_CONJ_EN;
		if (match(sp, P_CONJ_OF, i, b, NULL))
			return BG_CONJ_OF;
	}
	return BG_CONJ_NONE;
}

/* Emits the components of one clause [a, b): the part before the first
 * exclusion/condition marker as `main`, then one component per marker. */
static void emit_clause(struct splitter *sp, size_t a, size_t b, bg_comp_kind main,
			bg_conj conj)
{
	size_t i = a, seg = a, mlen = 0;
	bg_comp_kind kind = main;
	bg_conj c = conj;

	while (i <= b) {
		size_t ml = 0;
		bg_comp_kind nk = main;

		if (i < b && i > a) {
			if ((ml = match(sp, P_EXCL, i, b, NULL)))
				nk = BG_COMP_EXCLUSION;
			else if ((ml = match(sp, P_COND, i, b, NULL)))
				nk = BG_COMP_CONDITION;
		}
		if (i == b || ml) {
			make_key(sp, seg + mlen, i);
			if (kind == BG_COMP_CONDITION && seg != a)
				c = inner_conj(sp, seg + mlen, i);
			push(sp, kind, kind == BG_COMP_EXCLUSION ? BG_CONJ_NONE : c, seg, i,
			     sp->key.s);
			if (i == b)
				break;
			seg = i;
			mlen = ml;
			kind = nk;
			i += ml;
			continue;
		}
		i++;
	}
}

static void emit_clause_start(struct splitter *sp, size_t a, size_t b,
			      bg_comp_kind main, bg_conj conj)
{
	size_t ml;

	if ((ml = match(sp, P_EXCL, a, b, NULL))) {
		make_key(sp, a + ml, b);
		push(sp, BG_COMP_EXCLUSION, BG_CONJ_NONE, a, b, sp->key.s);
		return;
	}
	if ((ml = match(sp, P_COND, a, b, NULL))) {
		emit_clause(sp, a + ml, b, BG_COMP_CONDITION,
			    conj ? conj : inner_conj(sp, a + ml, b));
		/* the span should include the marker for display */
		for (size_t i = sp->out->n; i-- > 0;) {
			bg_comp *c = &sp->out->v[i];
			if (c->start == sp->t.v[a + ml].start) {
				uint32_t s0 = sp->t.v[a].start;
				c->len += c->start - s0;
				c->start = s0;
				break;
			}
		}
		return;
	}
	emit_clause(sp, a, b, main, conj);
}

/* The end of the last framing phrase in [a, e), or a when none. */
static size_t frame_end(const struct splitter *sp, size_t a, size_t e)
{
	size_t end = a;

	for (size_t i = a; i < e; i++) {
		size_t ml = match(sp, P_FRAME, i, e, NULL);
		if (ml && i + ml > end)
			end = i + ml;
	}
	return end;
}

/* Is token i a list marker start ("a", "1", "ii", "5a" followed by ".",
 * ")" or "°")?  Returns the number of tokens of the marker, 0 if none. */
static size_t list_marker(const struct splitter *sp, size_t i, size_t end)
{
	const char *w;
	size_t n = 0;

	if (i < end && is_punct(sp, i, "(-\xe2\x80\xa2"))
		n++;
	if (i + n >= end)
		return 0;
	w = tk(sp, i + n);
	if (!sp->word[i + n] || strlen(w) > 4)
		return 0;
	n++;
	if (i + n >= end || !is_punct(sp, i + n, ".)°"))
		return 0;
	n++;
	while (i + n < end && is_punct(sp, i + n, ".)°"))
		n++;
	return n;
}

static bool sentence_end(const struct splitter *sp, size_t i)
{
	const char *k = tk(sp, i);
	unsigned char next;

	if (strcmp(k, "."))
		return false;
	if (i + 1 >= sp->t.n)
		return true;
	next = (unsigned char)sp->text[sp->t.v[i + 1].start];
	/* "a. uit wiens" after a marker is not a sentence end: list_marker
	 * skips those before this is asked */
	return isupper(next) != 0;
}

bg_status bg_components_split(bg_norm *nm, const bg_cmp_phrases *p,
			      const char *text, size_t n, bg_components *out)
{
	struct splitter sp = { nm, p, text, n, BG_TOKLIST_INIT, out, BG_BUF_INIT,
			       BG_BUF_INIT, NULL, NULL, NULL, false };
	bg_status st;
	size_t i = 0;
	bool in_list = false, list_cond = false, list_excl = false;
	size_t list_first = 0;
	char prev_end = 0;
	bg_conj list_conj = BG_CONJ_NONE;

	bg_components_release(out);
	st = bg_norm_tokens(nm, text, n, BG_NORM_NUMBERS | BG_NORM_PUNCT, &sp.t);
	if (st != BG_OK)
		goto done;
	sp.in_time = calloc(sp.t.n + 1, sizeof *sp.in_time);
	sp.tid = malloc((sp.t.n + 1) * sizeof *sp.tid);
	sp.word = malloc((sp.t.n + 1) * sizeof *sp.word);
	if (!sp.in_time || !sp.tid || !sp.word) {
		st = BG_ERR_NOMEM;
		goto done;
	}
	for (i = 0; i < sp.t.n; i++) {
		sp.tid[i] = word_id(p, tk(&sp, i), sp.t.v[i].key_len);
		sp.word[i] = is_word(tk(&sp, i));
	}
	for (i = 0; i < sp.t.n;) {
		size_t ml = match(&sp, P_TIME, i, sp.t.n, NULL);
		for (size_t j = 0; j < ml; j++)
			sp.in_time[i + j] = true;
		i += ml ? ml : 1;
	}
	i = 0;

	while (i < sp.t.n) {
		size_t a = i, b, m, tail, e;
		char endch = 0;
		bg_conj trail = BG_CONJ_NONE, lead = BG_CONJ_NONE;

		/* "...; of f. ...": the connective of a list is written after
		 * the penultimate item, so it opens the next clause */
		if ((m = match(&sp, P_CONJ_EN, a, sp.t.n, NULL)) &&
		    (prev_end == ';' || list_marker(&sp, a + m, sp.t.n))) {
			lead = BG_CONJ_EN;
			a += m;
		} else if ((m = match(&sp, P_CONJ_OF, a, sp.t.n, NULL)) &&
			   (prev_end == ';' || list_marker(&sp, a + m, sp.t.n))) {
			lead = BG_CONJ_OF;
			a += m;
		}
		/* a list marker at the start of a clause */
		while ((m = list_marker(&sp, a, sp.t.n)))
			a += m;
		for (b = a; b < sp.t.n; b++) {
			const char *k = tk(&sp, b);
			if (!strcmp(k, ";") || !strcmp(k, ":") || sentence_end(&sp, b)) {
				endch = k[0];
				break;
			}
		}
		i = b < sp.t.n ? b + 1 : b;
		e = b;
		while (e > a && !sp.word[e - 1])
			e--;
		if ((tail = match_ending(&sp, P_CONJ_EN, a, e)) && e - tail > a) {
			trail = BG_CONJ_EN;
			e -= tail;
		} else if ((tail = match_ending(&sp, P_CONJ_OF, a, e)) && e - tail > a) {
			trail = BG_CONJ_OF;
			e -= tail;
		}
		while (e > a && !sp.word[e - 1])
			e--;
		prev_end = endch;
		/* "In deze wet wordt verstaan onder partner:", "... wordt onder
		 * partner mede verstaan degene die ...": the framing of the
		 * definition is no criterion; a lead-in that is only framing and
		 * the term is dropped */
		{
			size_t f = frame_end(&sp, a, e);
			if (f > a) {
				size_t words = 0;
				for (size_t j = f; j < e; j++)
					words += sp.word[j];
				a = f;
				if (endch == ':' && words <= 3)
					a = e;
			}
			/* "Toetsingsinkomen is:", "Inkomen omvat:" -- the term and
			 * a copula before a list are framing too */
			if (endch == ':' && match_ending(&sp, P_COPULA, a, e)) {
				size_t words = 0;
				for (size_t j = a; j < e; j++)
					words += sp.word[j];
				if (words <= 4)
					a = e;
			}
		}

		if (endch == ':') {
			/* "... wordt niet als partner aangemerkt:" -- the items
			 * of a list whose lead-in excludes are exclusions, and
			 * the lead-in itself is framing */
			list_excl = false;
			for (size_t j = a; j < e && !list_excl; j++)
				list_excl = match(&sp, P_EXCL, j, e, NULL) != 0;
			if (!list_excl)
				emit_clause_start(&sp, a, e, BG_COMP_ITEM, BG_CONJ_NONE);
			in_list = true;
			list_cond = trail != BG_CONJ_NONE ||
				    match_ending(&sp, P_COND, a, e) != 0;
			list_first = out->n;
			list_conj = BG_CONJ_NONE;
			continue;
		}
		if (!in_list && endch == ';') {
			in_list = true;
			list_cond = false;
			list_excl = false;
			list_first = out->n;
			list_conj = BG_CONJ_NONE;
		}
		emit_clause_start(&sp, a, e, in_list && list_excl ? BG_COMP_EXCLUSION :
					in_list && list_cond ? BG_COMP_CONDITION : BG_COMP_ITEM,
				  BG_CONJ_NONE);
		if (in_list && (trail || lead))
			list_conj = trail ? trail : lead;
		if (in_list && endch != ';') {
			/* the list ends with the sentence: its connective
			 * governs all its items */
			for (size_t j = list_first; j < out->n; j++)
				if (out->v[j].kind == BG_COMP_ITEM ||
				    (out->v[j].kind == BG_COMP_CONDITION && list_cond))
					out->v[j].conj = list_conj;
			if (!out->list_conj)
				out->list_conj = list_conj;
			in_list = false;
		}
	}
	if (in_list) {
		for (size_t j = list_first; j < out->n; j++)
			if (out->v[j].kind == BG_COMP_ITEM ||
			    (out->v[j].kind == BG_COMP_CONDITION && list_cond))
				out->v[j].conj = list_conj;
		if (!out->list_conj)
			out->list_conj = list_conj;
	}

	/* time references, anywhere */
	for (i = 0; i < sp.t.n;) {
		size_t which = 0, ml = match(&sp, P_TIME, i, sp.t.n, &which);
		if (ml) {
			push(&sp, BG_COMP_TIME, BG_CONJ_NONE, i, i + ml, p->v[P_TIME][which].label);
			i += ml;
		} else {
			i++;
		}
	}
	/* references: "artikel 8, eerste lid, van de Awir" */
	for (i = 0; i < sp.t.n; i++) {
		size_t ml = match(&sp, P_REF, i, sp.t.n, NULL), j;
		const char *nx;

		if (!ml || i + ml >= sp.t.n)
			continue;
		nx = tk(&sp, i + ml);
		if (!isdigit((unsigned char)nx[0]))
			continue;
		for (j = i + ml + 1; j < sp.t.n && j < i + 40; j++) {
			if (match(&sp, P_REFEND, j, sp.t.n, NULL) || sentence_end(&sp, j))
				break;
		}
		while (j > i && !sp.word[j - 1])
			j--;
		for (;;) {
			size_t c = match_ending(&sp, P_CONJ_EN, i + ml + 1, j);
			if (!c)
				c = match_ending(&sp, P_CONJ_OF, i + ml + 1, j);
			if (!c)
				break;
			j -= c;
			while (j > i && !sp.word[j - 1])
				j--;
		}
		make_key(&sp, i, j);
		push(&sp, BG_COMP_REFERENCE, BG_CONJ_NONE, i, j, sp.key.s);
		i = j ? j - 1 : i;
	}
	if (sp.nomem || !bg_buf_ok(&sp.key) || !bg_buf_ok(&sp.stem))
		st = BG_ERR_NOMEM;
done:
	free(sp.in_time);
	free(sp.tid);
	free(sp.word);
	bg_toklist_release(&sp.t);
	bg_buf_release(&sp.key);
	bg_buf_release(&sp.stem);
	return st;
}

void bg_components_release(bg_components *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].key);
	free(c->v);
	c->v = NULL;
	c->n = c->alloc = 0;
	c->list_conj = BG_CONJ_NONE;
}

/* ----------------------------------------------------------- similarity */

/* Splits a key into at most `cap` distinct words (pointers into copy). */
static size_t words_of(char *copy, const char **w, size_t cap)
{
	size_t n = 0;
	char *s = copy;

	while (*s && n < cap) {
		char *e = strchr(s, ' ');
		bool dup = false;
		if (e)
			*e = '\0';
		for (size_t i = 0; i < n && !dup; i++)
			dup = !strcmp(w[i], s);
		if (*s && !dup)
			w[n++] = s;
		if (!e)
			break;
		s = e + 1;
	}
	return n;
}

double bg_comp_similarity(const char *ka, const char *kb)
{
	enum { CAP = 512 };
	const char *wa[CAP], *wb[CAP];
	char *ca, *cb;
	size_t na, nb, common = 0;
	double r;

	if (!strcmp(ka, kb))
		return 1.0;
	ca = strdup(ka);
	cb = strdup(kb);
	if (!ca || !cb) {
		free(ca);
		free(cb);
		return 0.0;
	}
	na = words_of(ca, wa, CAP);
	nb = words_of(cb, wb, CAP);
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!strcmp(wa[i], wb[j])) {
				common++;
				break;
			}
	r = na + nb ? 2.0 * (double)common / (double)(na + nb) : 1.0;
	free(ca);
	free(cb);
	return r;
}
