/*
 * defs.c -- finds the definitions of one document: definitielijst items,
 * "In deze wet wordt verstaan onder:" lists, inline definitions ("Onder X
 * wordt verstaan", "Als X wordt aangemerkt", "Met X wordt gelijkgesteld",
 * "X is degene die"), exclusions ("Niet als X wordt aangemerkt") and
 * "heeft dezelfde betekenis als" references; with each, its scope and,
 * when the body points elsewhere, the reference as written.
 *
 * Every phrase that recognises a definition comes from the lexicon
 * (lexicon/triggers.txt): the code below knows the FORMS (a list intro is
 * followed by items "term: body"; an inline trigger names its term group),
 * the lexicon knows the WORDS.  Patterns are TRE regexes matched against a
 * copy of the text with ASCII letters lower-cased and every other byte
 * kept, so that match offsets are offsets into the original text and the
 * term can be quoted as written.
 *
 * Cross-document work (titles, targets, chains, inheritance) is in
 * resolve.c; this file also holds the set itself and the parallel driver.
 */
#include "defs_int.h"
#include "litset.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <tre/tre.h>

#define MAX_TERM_WORDS 10
#define MAX_TERM_BYTES 160
#define MAX_HEAD_WORDS 6
#define MAX_REF_TEXT 400

/* ------------------------------------------------------------------ set */

const char *bg_def_kind_name(bg_def_kind k)
{
	switch (k) {
	case BG_DEF_OWN: return "own";
	case BG_DEF_REFERENCE: return "reference";
	case BG_DEF_MODIFIED_REFERENCE: return "modified_reference";
	case BG_DEF_INHERITED: return "inherited";
	case BG_DEF_NEGATIVE: return "negative";
	}
	return "?";
}

bg_defset *bg_defset_new(const bg_lexicon *lex)
{
	bg_defset *set = calloc(1, sizeof *set);

	if (!set)
		return NULL;
	set->arena = bg_arena_new();
	if (!set->arena) {
		free(set);
		return NULL;
	}
	set->lex = lex;
	return set;
}

bg_def *bg_defset_add(bg_defset *set)
{
	bg_def *d;

	if (set->n == set->alloc) {
		size_t na = set->alloc ? set->alloc * 2 : 16;
		bg_def *v = realloc(set->v, na * sizeof *v);
		if (!v)
			return NULL;
		set->v = v;
		set->alloc = na;
	}
	d = &set->v[set->n++];
	memset(d, 0, sizeof *d);
	d->file = d->bwb_id = d->law_title = d->date = "";
	d->article = d->lid = d->item = d->term = d->term_key = d->concept = "";
	d->target_bwb_id = d->target_article = d->target_lid = "";
	d->chain_status = "";
	d->scope_kind = "regulation";
	d->scope_text = d->scope_address = d->text = d->modification = "";
	d->link = d->address = d->ref_text = "";
	return d;
}

bg_status bg_defset_merge(bg_defset *to, bg_defset *from)
{
	size_t shift = to->nlaws;

	if (to->narenas + 1 >= to->aarenas) {
		size_t na = to->aarenas ? to->aarenas * 2 : 16;
		bg_arena **v = realloc(to->arenas, na * sizeof *v);
		if (!v)
			return BG_ERR_NOMEM;
		to->arenas = v;
		to->aarenas = na;
	}
	if (to->n + from->n > to->alloc) {
		size_t na = to->alloc ? to->alloc : 16;
		while (na < to->n + from->n)
			na *= 2;
		bg_def *v = realloc(to->v, na * sizeof *v);
		if (!v)
			return BG_ERR_NOMEM;
		to->v = v;
		to->alloc = na;
	}
	if (to->nlaws + from->nlaws > to->alaws) {
		size_t na = to->alaws ? to->alaws : 16;
		while (na < to->nlaws + from->nlaws)
			na *= 2;
		bg_deflaw *v = realloc(to->laws, na * sizeof *v);
		if (!v)
			return BG_ERR_NOMEM;
		to->laws = v;
		to->alaws = na;
	}
	for (size_t i = 0; i < from->n; i++) {
		to->v[to->n] = from->v[i];
		to->v[to->n].doc_index += shift;
		to->n++;
	}
	if (from->nlaws)
		memcpy(to->laws + to->nlaws, from->laws, from->nlaws * sizeof *from->laws);
	to->nlaws += from->nlaws;
	to->arenas[to->narenas++] = from->arena;
	for (size_t i = 0; i < from->narenas; i++) {
		if (to->narenas == to->aarenas) {
			bg_arena **v = realloc(to->arenas, to->aarenas * 2 * sizeof *v);
			if (!v)
				return BG_ERR_NOMEM;
			to->arenas = v;
			to->aarenas *= 2;
		}
		to->arenas[to->narenas++] = from->arenas[i];
	}
	free(from->arenas);
	free(from->v);
	free(from->laws);
	free(from->titles);
	free(from);
	return BG_OK;
}

void bg_defset_free(bg_defset *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->narenas; i++)
		bg_arena_free(set->arenas[i]);
	free(set->arenas);
	bg_arena_free(set->arena);
	free(set->v);
	free(set->laws);
	free(set->titles);
	free(set);
}

size_t bg_defset_count(const bg_defset *set) { return set ? set->n : 0; }

const bg_def *bg_defset_get(const bg_defset *set, size_t i)
{
	return set && i < set->n ? &set->v[i] : NULL;
}

size_t bg_defset_law_count(const bg_defset *set) { return set ? set->nlaws : 0; }

const bg_deflaw *bg_defset_law(const bg_defset *set, size_t i)
{
	return set && i < set->nlaws ? &set->laws[i] : NULL;
}

/* ----------------------------------------------------------- matching */

typedef struct tmatch {
	size_t so, eo;    /* whole match */
	size_t tso, teo;  /* term group, or so..so */
	const bg_trigger *trig;
} tmatch;

/*
 * The cheap pre-filter of a trigger, its `require:` condition ("A|B&&C",
 * anchors "^A" and "A$"; bg_require_ok in lexicon.c): a regular expression
 * costs TRE a pass over the whole paragraph per pattern, and most
 * paragraphs contain none of the words a definition needs.  Here the
 * prefilters of all triggers at once: every literal of every `require:`
 * goes into one bg_litset; a paragraph is scanned once and each trigger's
 * condition becomes a test of bits: groups joined by "&&", each a mask of
 * its "|" alternatives; a group with an empty alternative (or an empty
 * group) always holds, as in bg_require_ok.
 */
#define PRE_MAXW 8   /* presence words on the stack: up to 512 literals */

struct reqgroup {
	bool always;
	unsigned char lo, hi;   /* the words of mask that hold bits: [lo, hi) */
	uint64_t mask[PRE_MAXW];
};

struct req {
	size_t ngroups;
	struct reqgroup *g;
	/* the first group when its literals lie in one word of the bits:
	 * qm, that word's mask (0: no such group), qw, its index.  Most
	 * texts lack every literal of most triggers' first group, and a
	 * paragraph is tested against every trigger: one AND turns it away */
	uint64_t qm;
	unsigned char qw;
};

/* Lexicon concept uses: every token sequence of the text whose stemmed
 * key is a variant.  The keys, sorted, and two hash tables over them: the
 * keys themselves, and the first words of the keys of several words. */
struct usekey {
	const char *key;
	size_t len, nwords, concept;
};

struct usetab {
	struct usekey *keys;
	size_t nk;
	uint32_t *slot, *hslot;   /* index + 1 into keys; 0 = empty */
	size_t mask;
	/* the first words of the keys: a text block none of whose words can
	 * stem to one is not tokenised (NULL: every block is) */
	bg_stemstarts *starts;
};

/*
 * What the patterns said about texts seen before.  The corpus holds many
 * versions of the same laws and much boilerplate: of the texts that pass
 * a trigger's prefilter, four in ten were matched against that trigger
 * before, word for word.  A pattern's answer depends on the lowered text
 * alone, so it is kept per distinct text (compared in full, not only by
 * hash): one byte per trigger (unknown, no match, match) and the match
 * itself.  Shared by the threads of one collect, under a mutex (a lookup
 * is a hash and a memcmp; the match it saves, a TRE pass).
 */
struct tc_match {
	struct tc_match *next;
	unsigned g;             /* the trigger's index over all forms */
	tmatch m;
};

struct tc_text {
	uint64_t h;             /* 0: empty slot */
	size_t n;
	char *text;
	unsigned char *state;   /* per trigger: TC_UNKNOWN, TC_NO, TC_YES */
	struct tc_match *m;
};

enum { TC_UNKNOWN = 0, TC_NO, TC_YES };
#define TC_MAX_BYTES ((size_t)64 << 20)   /* texts kept, at most */

struct tcache {
	pthread_mutex_t lock;
	struct tc_text *tab;    /* open addressing, cap a power of two */
	size_t cap, used, bytes;
	bg_arena *a;
	unsigned ng, base[BG_TRIG__COUNT];
	atomic_uint *uses;      /* per trigger: texts it was tried on */
};

/* Tries of a trigger before its submatch-free copy is compiled and used. */
#define QUICK_AFTER 16u

/*
 * Where a trigger's match can begin.  TRE walks the whole text for every
 * pattern, also the part before any place a match could start, and most
 * patterns open with fixed words ("verstaan onder ", "(^|[.;] )onder ",
 * "(wordt|worden): ").  The literals every match must open with (a few,
 * each perhaps tied to the text's start) are read off the pattern once;
 * TRE then starts at the first place one of them stands (REG_NOTBOL past
 * the start), and is not run when none does.  A match that TRE finds from
 * there is the one it finds in the whole text, since none starts before;
 * offsets are shifted back.  Only what this reading is sure of: no "|"
 * at the top, no approximate matching (a cost lets a match open with an
 * error), ASCII literals and bracket lists, no escape or assertion before
 * the first literal.
 */
#define LEAD_MAX 16
#define LEAD_LEN 40

struct lead {
	unsigned char n;   /* 0: no opening known: TRE reads the whole text */
	struct leadlit {
		unsigned char len;
		bool bol;   /* only at the text's start (the pattern's "^") */
		char s[LEAD_LEN];
	} v[LEAD_MAX];
};

/*
 * Where a match of an anchored trigger can end.  A pattern that opens with
 * "^" (no "|" at the top) matches at the text's start or nowhere, yet TRE
 * reads the text to its end, trying the anchor at every place.  Such a
 * pattern reads a word or a few ("^([a-z][a-z-]{4,}(en|s)) zijn
 * ([a-z]+ende?)( |,)"): it consumes only some bytes (no digit here), the
 * marks that end words and clauses at most so many times (three spaces,
 * one comma), and no match, nor any path of TRE toward one, reaches past
 * the first byte of the text that would be one too many.  TRE reads the
 * text up to there, with REG_NOTEOL when that is before the end (a "$"
 * held there no more than in the whole text); up to there it reads both
 * texts alike.  The pattern is read generously (a byte an operator might
 * be counts as one; "." and "[^...]" count for every byte they may stand
 * for, all bytes from 0x80 for a bracket that names one); no stop for an
 * escape other than of a metacharacter (a word boundary looks past the
 * end), a class by name, an extension "(?", or approximate matching.
 * The same reading gives the fewest bytes and marks a match holds (none
 * for "^" and "$", fewer for "+?"): a prefix with fewer, where every match
 * would have to lie, has none, and TRE is not run.
 */
#define STOP_INF 0xffffu
#define STOP_DEPTH 16

/* The marks counted while a pattern is read (other bytes: whether a match
 * may hold them at all). */
static const char stop_marks[] = " ,.;:";
#define STOP_K (sizeof stop_marks - 1)

struct stop {
	uint16_t max[256];   /* the most of each byte a match holds; STOP_INF: no bound */
	uint16_t len;        /* the fewest bytes a match holds */
	uint16_t lo[STOP_K]; /* the fewest of each mark a match holds */
};

/* What a part of a pattern may consume: the bytes, the most of each mark;
 * what it must: the fewest bytes and the fewest of each mark. */
struct stopcnt {
	uint64_t in[4];
	uint16_t k[STOP_K];
	uint16_t len;
	uint16_t lo[STOP_K];
};

/* The state of reading a pattern for its counts. */
struct stopread {
	const char *p;
	int depth;
};

/* The openings found so far while reading a pattern. */
struct leadset {
	size_t n;
	struct leadlit v[LEAD_MAX];
};

static bool lead_plain(char c)
{
	return c >= ' ' && (unsigned char)c < 0x80 && !strchr("\\^$.[]()|*+?{}", c);
}

/* A byte that a bracket expression may list for lead_seq to read it. */
static bool lead_member(char c)
{
	return c >= ' ' && (unsigned char)c < 0x80 && !strchr("\\^-[]", c);
}

static bool lead_quant(char c)
{
	return c == '*' || c == '+' || c == '?' || c == '{';
}

/* The end of the bracket expression opening at p ('['), or NULL. */
static const char *lead_bracket_end(const char *p)
{
	const char *q = p + 1;

	if (*q == '^')
		q++;
	if (*q == ']')
		q++;
	while (*q && *q != ']' && *q != '\\' && *q != '[')
		q++;
	return *q == ']' ? q : NULL;   /* (an escape or class inside: not read) */
}

/* The end of the atom or escape at p that lead_top_bar and lead_group_end
 * step over ("[...]" whole, an escaped byte with its backslash), or NULL. */
static const char *lead_skip(const char *p)
{
	if (*p == '[')
		return lead_bracket_end(p);
	if (*p == '\\')
		return p[1] ? p + 1 : NULL;
	return p;
}

/* Whether the pattern has "|" outside every group and bracket. */
static bool lead_top_bar(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (!(p = lead_skip(p)))
			return true;
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == '|' && depth <= 0)
			return true;
	}
	return false;
}

/* The end of the group opening at p ('('), or NULL. */
static const char *lead_group_end(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (!(p = lead_skip(p)))
			return NULL;
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p;
	}
	return NULL;
}

/* Appends to every opening of *s each of the k strings a[i] (lengths
 * al[i], "^" when bol[i]); false when the product does not fit or cannot
 * be read (then *s is as before). */
static bool lead_cross(struct leadset *s, const char *const *a, const size_t *al,
		       const bool *bol, size_t k)
{
	struct leadset o;

	if (s->n * k > LEAD_MAX)
		return false;
	if (k == 1) {   /* one byte or "^" on each: in place, most atoms */
		for (size_t i = 0; i < s->n; i++)
			if ((bol[0] && s->v[i].len) || s->v[i].len + al[0] >= LEAD_LEN)
				return false;
		for (size_t i = 0; i < s->n; i++) {
			struct leadlit *l = &s->v[i];
			l->bol |= bol[0];
			memcpy(l->s + l->len, a[0], al[0]);
			l->len = (unsigned char)(l->len + al[0]);
		}
		return true;
	}
	o.n = 0;
	for (size_t i = 0; i < s->n; i++)
		for (size_t j = 0; j < k; j++) {
			struct leadlit *l = &o.v[o.n++];
			*l = s->v[i];
			if (bol[j]) {
				if (l->len)
					return false;   /* "^" after text: not read */
				l->bol = true;
			}
			if (l->len + al[j] >= LEAD_LEN)
				return false;
			memcpy(l->s + l->len, a[j], al[j]);
			l->len = (unsigned char)(l->len + al[j]);
		}
	*s = o;
	return true;
}

/* Reads the atoms of p[0..e) onto the openings *s; whether it read all of
 * them (false: *s holds the openings up to the first it could not). */
static bool lead_seq(const char *p, const char *e, struct leadset *s)
{
	while (p < e) {
		if (*p == '^') {
			static const char *const none[] = { "" };
			static const size_t nl[] = { 0 };
			static const bool yes[] = { true };
			if (!lead_cross(s, none, nl, yes, 1))
				return false;
			p++;
		} else if (lead_plain(*p)) {
			bool no[1] = { false };
			size_t one = 1;
			const char *c = p;
			if (p + 1 < e && lead_quant(p[1]))
				return false;
			if (!lead_cross(s, &c, &one, no, 1))
				return false;
			p++;
		} else if (*p == '[') {
			const char *q = lead_bracket_end(p), *a[LEAD_MAX];
			size_t al[LEAD_MAX], k = 0;
			bool no[LEAD_MAX] = { false };
			if (!q || q + 1 > e || (q + 1 < e && lead_quant(q[1])))
				return false;
			for (const char *c = p + 1; c < q; c++) {
				if (!lead_member(*c) || k == LEAD_MAX)
					return false;
				a[k] = c;
				al[k++] = 1;
			}
			if (!k || !lead_cross(s, a, al, no, k))
				return false;
			p = q + 1;
		} else if (*p == '(') {
			const char *q = lead_group_end(p);
			struct leadset out = { 0 };
			bool whole = true;
			if (!q || q + 1 > e || (q + 1 < e && lead_quant(q[1])) || p[1] == '?')
				return false;
			/* each alternative read onto a copy of *s */
			for (const char *a = p + 1; a <= q;) {
				const char *b = a;
				int depth = 0;
				struct leadset t = *s;
				while (b < q && !(depth == 0 && *b == '|')) {
					if (!(b = lead_skip(b)))
						return false;
					if (*b == '(')
						depth++;
					else if (*b == ')')
						depth--;
					b++;
				}
				if (b == a)
					return false;   /* an empty alternative */
				whole &= lead_seq(a, b, &t);
				if (out.n + t.n > LEAD_MAX)
					return false;
				memcpy(out.v + out.n, t.v, t.n * sizeof *t.v);
				out.n += t.n;
				a = b + 1;
			}
			*s = out;
			if (!whole)
				return false;
			p = q + 1;
		} else {
			return false;
		}
	}
	return true;
}

/* The openings of trigger t into *l (l->n 0: none known). */
static void lead_build(const bg_trigger *t, struct lead *l)
{
	struct leadset s = { 1, { { 0, false, "" } } };

	l->n = 0;
	if (t->max_cost > 0 || !t->pattern || strstr(t->pattern, "{~") ||
	    lead_top_bar(t->pattern))
		return;
	lead_seq(t->pattern, t->pattern + strlen(t->pattern), &s);
	for (size_t i = 0; i < s.n; i++)
		if (!s.v[i].len)
			return;   /* a match may open anywhere */
	memcpy(l->v, s.v, s.n * sizeof *s.v);
	l->n = (unsigned char)s.n;
}

/* The index of byte b in stop_marks, or -1. */
static int stop_mark(unsigned char b)
{
	switch (b) {
	case ' ': return 0;
	case ',': return 1;
	case '.': return 2;
	case ';': return 3;
	case ':': return 4;
	default: return -1;
	}
}

static void stop_range(uint64_t *in, unsigned a, unsigned b)
{
	for (unsigned x = a; x <= b; x++)
		in[x >> 6] |= (uint64_t)1 << (x & 63);
}

/* The marks of an atom: each once, if its bytes hold it. */
static void stop_atom_marks(struct stopcnt *c)
{
	for (size_t m = 0; m < STOP_K; m++) {
		unsigned x = (unsigned char)stop_marks[m];
		c->k[m] = (uint16_t)(c->in[x >> 6] >> (x & 63) & 1);
	}
}

/* The members of the bracket expression at r->p ('[') into c->in, r->p
 * past its ']'; false when it is not read. */
static bool stop_bracket(struct stopread *r, struct stopcnt *c)
{
	uint64_t in[4] = { 0 };
	bool neg = false;
	const char *q = r->p + 1;

	if (*q == '^') {
		neg = true;
		q++;
	}
	if (*q == ']') {
		stop_range(in, ']', ']');
		q++;
	}
	for (; *q && *q != ']'; q++) {
		unsigned char a = (unsigned char)*q, b = a;
		if (a == '\\' || (a == '[' && (q[1] == ':' || q[1] == '=' || q[1] == '.')))
			return false;
		if (q[1] == '-' && q[2] && q[2] != ']') {
			b = (unsigned char)q[2];
			q += 2;
		}
		stop_range(in, a, b);
	}
	if (*q != ']')
		return false;
	if (neg) {   /* every byte but the ASCII ones named */
		c->in[0] = ~in[0];
		c->in[1] = ~in[1];
		c->in[2] = c->in[3] = ~(uint64_t)0;
	} else {
		memcpy(c->in, in, sizeof in);
		if (in[2] || in[3])
			c->in[2] = c->in[3] = ~(uint64_t)0;
	}
	r->p = q + 1;
	return true;
}

static uint16_t stop_add(uint16_t a, uint16_t b)
{
	return a == STOP_INF || b == STOP_INF || a + b >= STOP_INF ? STOP_INF : (uint16_t)(a + b);
}

static bool stop_alt(struct stopread *r, struct stopcnt *max);

/* One atom at r->p and its repetitions into c; false when not read. */
static bool stop_piece(struct stopread *r, struct stopcnt *c)
{
	memset(c, 0, sizeof *c);
	switch (*r->p) {
	case '(':
		if (r->p[1] == '?' || ++r->depth > STOP_DEPTH)
			return false;
		r->p++;
		if (!stop_alt(r, c) || *r->p != ')')
			return false;
		r->p++;
		r->depth--;
		break;
	case '[':
		if (!stop_bracket(r, c))
			return false;
		stop_atom_marks(c);
		c->len = 1;
		break;
	case '.':
		memset(c->in, 0xff, sizeof c->in);
		stop_atom_marks(c);
		c->len = 1;
		r->p++;
		break;
	case '\\':
		if (!r->p[1] || !strchr(".[](){}|*+?^$\\", r->p[1]))
			return false;
		r->p++;
		stop_range(c->in, (unsigned char)*r->p, (unsigned char)*r->p);
		stop_atom_marks(c);
		memcpy(c->lo, c->k, sizeof c->lo);
		c->len = 1;
		r->p++;
		break;
	default:   /* a byte, or an operator standing alone */
		stop_range(c->in, (unsigned char)*r->p, (unsigned char)*r->p);
		stop_atom_marks(c);
		/* "^" and "$" consume nothing: counted in max only, generously */
		if (!strchr("^$*+?{}[]", *r->p)) {
			memcpy(c->lo, c->k, sizeof c->lo);
			c->len = 1;
		}
		r->p++;
		break;
	}
	while (*r->p == '*' || *r->p == '+' || *r->p == '?' || *r->p == '{') {
		unsigned long hi = 1, lo = 0;
		if (*r->p == '{') {
			char *end;
			if (r->p[1] < '0' || r->p[1] > '9')
				return false;   /* "{~": approximate */
			hi = lo = strtoul(r->p + 1, &end, 10);
			if (*end == ',') {
				if (end[1] == '}') {
					hi = STOP_INF;
					end++;
				} else if (end[1] >= '0' && end[1] <= '9') {
					hi = strtoul(end + 1, &end, 10);
				} else {
					return false;
				}
			}
			if (*end != '}')
				return false;
			r->p = end + 1;
		} else {
			hi = *r->p == '?' ? 1 : STOP_INF;
			lo = *r->p == '+';   /* (the "?" of "+?" makes it 0: fewer, generously) */
			r->p++;
		}
		for (size_t m = 0; m < STOP_K; m++) {
			if (c->k[m])
				c->k[m] = hi >= STOP_INF || c->k[m] * hi >= STOP_INF ? STOP_INF :
					  (uint16_t)(c->k[m] * hi);
			c->lo[m] = lo < STOP_INF && c->lo[m] * lo < STOP_INF ?
				   (uint16_t)(c->lo[m] * lo) : STOP_INF - 1;
		}
		c->len = lo < STOP_INF && c->len * lo < STOP_INF ? (uint16_t)(c->len * lo) :
			 STOP_INF - 1;
	}
	return true;
}

/* The alternatives at r->p, up to ')' or the end, into max. */
static bool stop_alt(struct stopread *r, struct stopcnt *max)
{
	struct stopcnt seq, c;
	bool first = true;

	memset(max, 0, sizeof *max);
	for (;;) {
		memset(&seq, 0, sizeof seq);
		while (*r->p && *r->p != '|' && *r->p != ')') {
			unsigned char b = (unsigned char)*r->p;
			int mk;
			if (((b >= 'a' && b <= 'z') || b == ' ') && !lead_quant(r->p[1])) {
				/* a letter or space that stands once, most of a pattern */
				seq.in[b >> 6] |= (uint64_t)1 << (b & 63);
				if ((mk = stop_mark(b)) >= 0) {
					seq.k[mk] = stop_add(seq.k[mk], 1);
					seq.lo[mk] = stop_add(seq.lo[mk], 1);
				}
				seq.len = stop_add(seq.len, 1);
				r->p++;
				continue;
			}
			if (!stop_piece(r, &c))
				return false;
			for (size_t w = 0; w < 4; w++)
				seq.in[w] |= c.in[w];
			for (size_t m = 0; m < STOP_K; m++) {
				seq.k[m] = stop_add(seq.k[m], c.k[m]);
				seq.lo[m] = stop_add(seq.lo[m], c.lo[m]);
			}
			seq.len = stop_add(seq.len, c.len);
		}
		for (size_t w = 0; w < 4; w++)
			max->in[w] |= seq.in[w];
		for (size_t m = 0; m < STOP_K; m++) {
			if (seq.k[m] > max->k[m])
				max->k[m] = seq.k[m];
			if (first || seq.lo[m] < max->lo[m])
				max->lo[m] = seq.lo[m];
		}
		if (first || seq.len < max->len)
			max->len = seq.len;
		first = false;
		if (*r->p != '|')
			return true;
		r->p++;
	}
}

/* The stop of a trigger without one. */
static struct stop stop_none;

/* The stop of trigger t (malloc'd), or &stop_none. */
static struct stop *stop_build(const bg_trigger *t)
{
	struct stopread r = { t->pattern, 0 };
	struct stopcnt c;
	struct stop *s;

	if (t->max_cost > 0 || !r.p || r.p[0] != '^' || lead_top_bar(r.p) || !stop_alt(&r, &c) ||
	    *r.p || !(s = malloc(sizeof *s)))
		return &stop_none;
	for (unsigned x = 0; x < 256; x++)
		s->max[x] = c.in[x >> 6] >> (x & 63) & 1 ? STOP_INF : 0;
	for (size_t m = 0; m < STOP_K; m++)
		s->max[(unsigned char)stop_marks[m]] = c.k[m];
	s->max[0] = STOP_INF;   /* TRE takes a NUL for the end: never stop there */
	s->len = c.len;
	memcpy(s->lo, c.lo, sizeof s->lo);
	return s;
}

/* The end of the longest prefix of low[0..n) that a match of s can read
 * into *e; false when that prefix is too short for one or lacks a mark
 * every match holds. */
static bool stop_at(const struct stop *s, const char *low, size_t n, size_t *e)
{
	uint16_t seen[256];
	size_t i = 0;

	memset(seen, 0, sizeof seen);
	for (; i < n; i++) {
		unsigned char c = (unsigned char)low[i];
		if (++seen[c] > s->max[c]) {
			seen[c]--;
			break;
		}
	}
	*e = i;
	if (i < s->len)
		return false;
	for (size_t m = 0; m < STOP_K; m++)
		if (seen[(unsigned char)stop_marks[m]] < s->lo[m])
			return false;
	return true;
}

/* Where in low[0..n) a match of l can first begin; SIZE_MAX: nowhere. */
static size_t lead_at(const struct lead *l, const char *low, size_t n)
{
	size_t k = SIZE_MAX;

	for (size_t i = 0; i < l->n; i++) {
		const struct leadlit *v = &l->v[i];
		if (v->bol) {
			if (n >= v->len && !memcmp(low, v->s, v->len))
				return 0;
		} else {
			/* only an earlier place than the one known counts */
			size_t lim = k == SIZE_MAX ? n : k + v->len - 1;
			const char *p = memmem(low, lim < n ? lim : n, v->s, v->len);
			if (p)
				k = (size_t)(p - low);
		}
	}
	return k;
}

/* The forms a paragraph's running text is tried with, and the kind of
 * record each gives. */
static const struct { bg_trigger_form f; bg_def_kind kind; } inline_forms[] = {
	{ BG_TRIG_NEGATIVE, BG_DEF_NEGATIVE },
	{ BG_TRIG_SAME_MEANING, BG_DEF_REFERENCE },
	{ BG_TRIG_INLINE, BG_DEF_OWN },
};

/* The triggers marked `lexicon-only: defined`: index in inline_forms and
 * in that form. */
struct dtrig {
	size_t f, j;
	const bg_trigger *t;
};

struct defpre {
	bg_litset *ls;          /* NULL: more literals than PRE_MAXW words hold */
	struct tcache *tc;      /* NULL: no cache (out of memory) */
	bg_arena *a;
	struct req *req[BG_TRIG__COUNT];
	/* the triggers of each form, as bg_lexicon_trigger_info gives them:
	 * the loops over all triggers of a form take them from here */
	const bg_trigger **trig[BG_TRIG__COUNT];
	struct lead *lead[BG_TRIG__COUNT];
	/* per trigger: its stop, read off the pattern when TRE first reads
	 * a text for it (most triggers never get that far in one draft);
	 * NULL until then, &stop_none for none */
	_Atomic(struct stop *) *stop[BG_TRIG__COUNT];
	size_t ntrig[BG_TRIG__COUNT];
	struct req *fw;
	struct usetab use;
	/* the first words of the lexicon's variant and plural keys: a text
	 * none of whose words can stem to one names no lexicon concept, and
	 * a lexicon-only trigger is not tried on it (NULL: tried on all) */
	bg_stemstarts *terms;
	/* the triggers of defined_pass, found once per lexicon */
	struct dtrig *dt;
	size_t ndt;
};

/* Adds (pass 0) or looks up (pass 1) the literals of req into r. */
static bool req_compile(struct defpre *p, const char *req, int pass, struct req *r)
{
	size_t ng = 0;

	for (const char *q = req; *q;) {
		const char *gend = strstr(q, "&&");
		size_t glen = gend ? (size_t)(gend - q) : strlen(q);
		struct reqgroup *g = pass && r->g ? &r->g[ng] : NULL;

		if (g && !glen)
			g->always = true;
		for (size_t i = 0; i < glen;) {
			const char *bar = memchr(q + i, '|', glen - i);
			size_t alen = bar ? (size_t)(bar - (q + i)) : glen - i;
			const char *lit = q + i;
			size_t m = alen;
			bg_lit_anchor at = bg_require_anchor(&lit, &m);
			if (!alen) {
				if (g)
					g->always = true;
			} else if (!pass) {
				if (bg_litset_add_at(p->ls, lit, m, at) < 0)
					return false;
			} else if (g) {
				long k = bg_litset_find_at(p->ls, lit, m, at);
				if (k < 0)
					return false;
				g->mask[k / 64] |= (uint64_t)1 << (k % 64);
			}
			i += alen + 1;
		}
		ng++;
		q += glen + (gend ? 2 : 0);
	}
	if (pass && !r->g) {
		r->ngroups = ng;
		r->g = bg_arena_alloc(p->a, (ng ? ng : 1) * sizeof *r->g);
		if (!r->g)
			return false;
		memset(r->g, 0, (ng ? ng : 1) * sizeof *r->g);
		return req_compile(p, req, 1, r);
	}
	return true;
}

static int cmp_usekey(const void *a, const void *b)
{
	return strcmp(((const struct usekey *)a)->key, ((const struct usekey *)b)->key);
}

/* The key s[0..n), or NULL. */
static const struct usekey *use_find(const struct usetab *t, const char *s, size_t n)
{
	for (size_t i = bg_word_hash(s, n) & t->mask; t->slot[i]; i = (i + 1) & t->mask) {
		const struct usekey *k = &t->keys[t->slot[i] - 1];
		if (k->len == n && !memcmp(k->key, s, n))
			return k;
	}
	return NULL;
}

/* Whether s[0..n) is the first word of a key of several words. */
static bool use_head(const struct usetab *t, const char *s, size_t n)
{
	for (size_t i = bg_word_hash(s, n) & t->mask; t->hslot[i]; i = (i + 1) & t->mask) {
		const struct usekey *k = &t->keys[t->hslot[i] - 1];
		if (k->len > n && k->key[n] == ' ' && !memcmp(k->key, s, n))
			return true;
	}
	return false;
}

/* The variant keys of the lexicon, sorted as the uses list them.  Where
 * several concepts share a key, the one a binary search of the sorted
 * keys finds counts (as before the tables). */
static bool use_build(struct defpre *p, const bg_lexicon *lex)
{
	struct usetab *t = &p->use;
	size_t nc = bg_lexicon_count(lex), nk = 0, size = 16;

	for (size_t i = 0; i < nc; i++)
		nk += bg_lexicon_variant_count(lex, i);
	while (size < 2 * nk + 2)
		size *= 2;
	t->keys = bg_arena_alloc(p->a, (nk ? nk : 1) * sizeof *t->keys);
	t->slot = bg_arena_alloc(p->a, size * sizeof *t->slot);
	t->hslot = bg_arena_alloc(p->a, size * sizeof *t->hslot);
	if (!t->keys || !t->slot || !t->hslot)
		return false;
	t->mask = size - 1;
	for (size_t i = 0; i < nc; i++)
		for (size_t j = 0; j < bg_lexicon_variant_count(lex, i); j++) {
			struct usekey *k = &t->keys[t->nk++];
			k->key = bg_lexicon_variant_key(lex, i, j);
			k->len = strlen(k->key);
			k->nwords = 1;
			for (const char *q = k->key; *q; q++)
				k->nwords += *q == ' ';
			k->concept = i;
		}
	qsort(t->keys, t->nk, sizeof *t->keys, cmp_usekey);
	t->starts = bg_stemstarts_new();
	for (size_t i = 0; i < t->nk; i++) {
		const struct usekey *k = &t->keys[i], *rep;
		const char *sp;
		size_t h;
		if (i && !strcmp(k->key, t->keys[i - 1].key))
			continue;
		rep = bsearch(k, t->keys, t->nk, sizeof *t->keys, cmp_usekey);
		for (h = bg_word_hash(k->key, k->len) & t->mask; t->slot[h]; h = (h + 1) & t->mask)
			;
		t->slot[h] = (uint32_t)(rep - t->keys) + 1;
		sp = strchr(k->key, ' ');
		if (t->starts &&
		    !bg_stemstarts_add(t->starts, k->key, sp ? (size_t)(sp - k->key) : k->len)) {
			bg_stemstarts_free(t->starts);   /* out of memory: tokenise all */
			t->starts = NULL;
		}
		if (k->nwords > 1 && sp && !use_head(t, k->key, (size_t)(sp - k->key))) {
			for (h = bg_word_hash(k->key, (size_t)(sp - k->key)) & t->mask; t->hslot[h];
			     h = (h + 1) & t->mask)
				;
			t->hslot[h] = (uint32_t)i + 1;
		}
	}
	return true;
}

/* p->terms: bg_lexicon_concept_for_term finds a concept only for a term
 * whose key holds a variant or plural key as whole words, and so the key's
 * first word as one of the term's words. */
static void terms_build(struct defpre *p, const bg_lexicon *lex)
{
	if (!(p->terms = bg_stemstarts_new()))
		return;
	for (size_t i = 0; i < bg_lexicon_count(lex); i++) {
		size_t nv = bg_lexicon_variant_count(lex, i);
		for (size_t j = 0; j < 2 * nv; j++) {
			const char *k = j < nv ? bg_lexicon_variant_key(lex, i, j)
					       : bg_lexicon_plural_key(lex, i, j - nv);
			if (k && !bg_stemstarts_add(p->terms, k, strcspn(k, " "))) {
				bg_stemstarts_free(p->terms);
				p->terms = NULL;
				return;
			}
		}
	}
}

static void defpre_free(struct defpre *p)
{
	if (!p)
		return;
	bg_litset_free(p->ls);
	bg_stemstarts_free(p->use.starts);
	bg_stemstarts_free(p->terms);
	for (int f = 0; f < BG_TRIG__COUNT; f++)
		for (size_t j = 0; p->stop[f] && j < p->ntrig[f]; j++) {
			struct stop *s = atomic_load_explicit(&p->stop[f][j], memory_order_relaxed);
			if (s != &stop_none)
				free(s);
		}
	bg_arena_free(p->a);
	if (p->tc) {
		pthread_mutex_destroy(&p->tc->lock);
		free(p->tc->uses);
		free(p->tc->tab);
		bg_arena_free(p->tc->a);
		free(p->tc);
	}
	free(p);
}

/* The cache of p for lex's triggers, or NULL (extraction goes without). */
static struct tcache *tc_new(const bg_lexicon *lex)
{
	struct tcache *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	for (int f = 0; f < BG_TRIG__COUNT; f++) {
		c->base[f] = c->ng;
		c->ng += (unsigned)bg_lexicon_trigger_count(lex, (bg_trigger_form)f);
	}
	c->cap = 4096;
	c->tab = calloc(c->cap, sizeof *c->tab);
	c->a = bg_arena_new();
	c->uses = calloc(c->ng ? c->ng : 1, sizeof *c->uses);
	if (!c->tab || !c->a || !c->uses || pthread_mutex_init(&c->lock, NULL)) {
		free(c->uses);
		free(c->tab);
		bg_arena_free(c->a);
		free(c);
		return NULL;
	}
	return c;
}

/* The slot of text (h, s, n): its entry, or the empty slot for it.
 * Called with the lock held. */
static struct tc_text *tc_slot(struct tcache *c, uint64_t h, const char *s, size_t n)
{
	size_t i = (size_t)h & (c->cap - 1);

	while (c->tab[i].h && !(c->tab[i].h == h && c->tab[i].n == n &&
				!memcmp(c->tab[i].text, s, n)))
		i = (i + 1) & (c->cap - 1);
	return &c->tab[i];
}

/* What trigger g said about s[0..n) before: TC_UNKNOWN, or TC_NO, or
 * TC_YES with the match in *m. */
static int tc_get(struct tcache *c, unsigned g, uint64_t h, const char *s, size_t n, tmatch *m)
{
	const struct tc_text *e;
	int st = TC_UNKNOWN;

	pthread_mutex_lock(&c->lock);
	e = tc_slot(c, h, s, n);
	if (e->h) {
		st = e->state[g];
		if (st == TC_YES) {
			const struct tc_match *k = e->m;
			while (k && k->g != g)
				k = k->next;
			if (k)
				*m = k->m;
			else
				st = TC_UNKNOWN;
		}
	}
	pthread_mutex_unlock(&c->lock);
	return st;
}

/* Keeps what trigger g said about s[0..n) (m: the match, NULL for none);
 * quietly keeps nothing when full or out of memory. */
static void tc_put(struct tcache *c, unsigned g, uint64_t h, const char *s, size_t n,
		   const tmatch *m)
{
	struct tc_text *e;

	pthread_mutex_lock(&c->lock);
	if (c->used + 1 > c->cap / 2) {
		size_t ncap = c->cap * 2;
		size_t ocap = c->cap;
		struct tc_text *old = c->tab, *t = calloc(ncap, sizeof *t);
		if (!t)
			goto out;
		c->tab = t;
		c->cap = ncap;
		for (size_t k = 0; k < ocap; k++)
			if (old[k].h)
				*tc_slot(c, old[k].h, old[k].text, old[k].n) = old[k];
		free(old);
	}
	e = tc_slot(c, h, s, n);
	if (!e->h) {
		char *text;
		unsigned char *state;
		if (c->bytes + n > TC_MAX_BYTES)
			goto out;
		text = bg_arena_strndup(c->a, s, n);
		state = bg_arena_alloc(c->a, c->ng ? c->ng : 1);
		if (!text || !state)
			goto out;
		e->h = h;
		e->n = n;
		e->text = text;
		e->state = state;
		e->m = NULL;
		c->used++;
		c->bytes += n;
	}
	if (e->state[g] != TC_UNKNOWN)
		goto out;
	if (m) {
		struct tc_match *k = bg_arena_alloc_raw(c->a, sizeof *k);
		if (!k)
			goto out;
		k->g = g;
		k->m = *m;
		k->next = e->m;
		e->m = k;
	}
	e->state[g] = m ? TC_YES : TC_NO;
out:
	pthread_mutex_unlock(&c->lock);
}

/* NULL when out of memory.  When the literals do not fit PRE_MAXW words
 * p->ls is NULL and extraction falls back to bg_require_ok, with the same
 * results. */
/* Sets the word span of each group of r: req_ok looks at no other word. */
static void req_spans(struct req *r)
{
	for (size_t i = 0; i < r->ngroups; i++) {
		struct reqgroup *g = &r->g[i];
		g->lo = PRE_MAXW;
		g->hi = 0;
		for (unsigned char w = 0; w < PRE_MAXW; w++)
			if (g->mask[w]) {
				if (g->lo == PRE_MAXW)
					g->lo = w;
				g->hi = (unsigned char)(w + 1);
			}
		if (g->lo > g->hi)
			g->lo = g->hi;
	}
	r->qm = 0;
	r->qw = 0;
	if (r->ngroups && !r->g[0].always && r->g[0].hi == r->g[0].lo + 1) {
		r->qw = r->g[0].lo;
		r->qm = r->g[0].mask[r->g[0].lo];
	}
}

static struct defpre *defpre_new(const bg_lexicon *lex)
{
	struct defpre *p = calloc(1, sizeof *p);
	size_t nf = bg_lexicon_framework_count(lex);
	/* BEGRIP_NO_OPENINGS=1: TRE reads every text whole, so that a test
	 * can show the openings and stops change no answer
	 * (tests/defs-conformance.sh) */
	const char *no = getenv("BEGRIP_NO_OPENINGS");
	bool openings = !no || strcmp(no, "1");

	if (!p || !(p->ls = bg_litset_new()) || !(p->a = bg_arena_new()) || !use_build(p, lex))
		goto fail;
	p->tc = tc_new(lex);   /* NULL: every text goes to TRE */
	terms_build(p, lex);
	for (int f = 0; f < BG_TRIG__COUNT; f++) {
		size_t nt = bg_lexicon_trigger_count(lex, (bg_trigger_form)f);
		if (!(p->trig[f] = bg_arena_alloc(p->a, (nt ? nt : 1) * sizeof *p->trig[f])) ||
		    !(p->lead[f] = bg_arena_alloc(p->a, (nt ? nt : 1) * sizeof *p->lead[f])) ||
		    !(p->stop[f] = bg_arena_alloc_raw(p->a, (nt ? nt : 1) * sizeof *p->stop[f])))
			goto fail;
		for (size_t j = 0; j < nt; j++) {
			p->trig[f][j] = bg_lexicon_trigger_info(lex, (bg_trigger_form)f, j);
			p->lead[f][j].n = 0;
			atomic_init(&p->stop[f][j], openings ? NULL : &stop_none);
			if (openings)
				lead_build(p->trig[f][j], &p->lead[f][j]);
		}
		p->ntrig[f] = nt;
	}
	for (int pass = 0; pass < 2; pass++) {
		if (pass && !(p->dt = bg_arena_alloc(p->a, (p->ndt ? p->ndt : 1) * sizeof *p->dt)))
			goto fail;
		p->ndt = 0;
		for (size_t f = 0; f < sizeof inline_forms / sizeof *inline_forms; f++)
			for (size_t j = 0; j < bg_lexicon_trigger_count(lex, inline_forms[f].f); j++) {
				const bg_trigger *t = bg_lexicon_trigger_info(lex, inline_forms[f].f, j);
				if (!t->defined_only)
					continue;
				if (pass)
					p->dt[p->ndt] = (struct dtrig){ f, j, t };
				p->ndt++;
			}
	}
	for (int pass = 0; pass < 2; pass++) {
		if (pass) {
			if (bg_litset_build(p->ls) != BG_OK)
				goto fail;
			for (int f = 0; f < BG_TRIG__COUNT; f++) {
				size_t nt = bg_lexicon_trigger_count(lex, (bg_trigger_form)f);
				p->req[f] = bg_arena_alloc(p->a, (nt ? nt : 1) * sizeof **p->req);
				if (!p->req[f])
					goto fail;
				memset(p->req[f], 0, (nt ? nt : 1) * sizeof **p->req);
			}
			p->fw = bg_arena_alloc(p->a, (nf ? nf : 1) * sizeof *p->fw);
			if (!p->fw)
				goto fail;
			memset(p->fw, 0, (nf ? nf : 1) * sizeof *p->fw);
		}
		for (int f = 0; f < BG_TRIG__COUNT; f++)
			for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++)
				if (!req_compile(p, bg_lexicon_trigger_info(lex, (bg_trigger_form)f, j)->require,
						 pass, pass ? &p->req[f][j] : NULL))
					goto fail;
		for (size_t i = 0; i < nf; i++)
			if (!req_compile(p, bg_lexicon_framework_require(lex, i), pass,
					 pass ? &p->fw[i] : NULL))
				goto fail;
		if (!pass && bg_litset_words(p->ls) > PRE_MAXW) {
			bg_litset_free(p->ls);   /* too many: bg_require_ok instead */
			p->ls = NULL;
			return p;
		}
	}
	for (int f = 0; f < BG_TRIG__COUNT; f++)
		for (size_t j = 0; j < bg_lexicon_trigger_count(lex, (bg_trigger_form)f); j++)
			req_spans(&p->req[f][j]);
	for (size_t i = 0; i < nf; i++)
		req_spans(&p->fw[i]);
	return p;
fail:
	defpre_free(p);
	return NULL;
}

static inline bool req_ok(const struct req *r, const uint64_t *bits)
{
	if (r->qm && !(bits[r->qw] & r->qm))
		return false;
	for (size_t i = 0; i < r->ngroups; i++) {
		const struct reqgroup *g = &r->g[i];
		bool any = g->always;
		for (size_t w = g->lo; w < g->hi && !any; w++)
			any = (bits[w] & g->mask[w]) != 0;
		if (!any)
			return false;
	}
	return true;
}

/*
 * The text the triggers see: text[0..n) with its ASCII letters lower-cased
 * and every "." or ":" between two digits made '_'.  A pattern stops a
 * clause at [.;:], and a number such as "artikel 3.1" or "artikel 3:48"
 * (Wet IB 2001, Awb, Wajong) is no clause end: "Onder inkomen als bedoeld in
 * artikel 44 van de WAO en artikel 3:48 van de Wet Wajong worden mede
 * verstaan" defines inkomen.  Same length, so offsets stay those of the
 * text.
 */
static void trig_lower(const char *text, size_t n, bg_buf *out)
{
	static const char seps[] = { '.', ':' };
	char *end;

	bg_lower_ascii(text, n, out);
	if (!bg_buf_ok(out) || n < 3)
		return;
	end = out->s + n - 1;   /* a separator needs a byte after it */
	/* every paragraph passes here: memchr finds the few separators */
	for (size_t k = 0; k < sizeof seps; k++)
		for (char *p = out->s + 1; p < end && (p = memchr(p, seps[k], (size_t)(end - p)));
		     p++)
			if (p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' && p[1] <= '9')
				*p = '_';
}

/* The presence bits of low[0..n) into bits[PRE_MAXW], or NULL without a
 * prefilter. */
static const uint64_t *presence(const struct defpre *p, const char *low, size_t n,
				uint64_t *bits)
{
	if (!p->ls)
		return NULL;
	memset(bits, 0, PRE_MAXW * sizeof *bits);
	bg_litset_scan(p->ls, low, n, bits);
	return bits;
}

/* Whether low[0..n) meets the require of trigger t (j of form f); bits
 * as for trig_match. */
static bool trig_required(const struct defpre *pre, const bg_trigger *t, bg_trigger_form f,
			  size_t j, const char *low, size_t n, const uint64_t *bits)
{
	return bits ? req_ok(&pre->req[f][j], bits) : bg_require_ok(t->require, low, n, true);
}

/* The stop of trigger j of form f, or NULL: built by the first thread to
 * need it (another that built it too frees its copy). */
static const struct stop *stop_get(const struct defpre *pre, bg_trigger_form f, size_t j)
{
	_Atomic(struct stop *) *slot = &pre->stop[f][j];
	struct stop *s = atomic_load_explicit(slot, memory_order_acquire), *was = NULL;

	if (!s) {
		s = stop_build(pre->trig[f][j]);
		if (!atomic_compare_exchange_strong_explicit(slot, &was, s, memory_order_acq_rel,
							     memory_order_acquire)) {
			if (s != &stop_none)
				free(s);
			s = was;
		}
	}
	return s == &stop_none ? NULL : s;
}

/* Tries trigger j of form f on low[0..n); fills m on a match.  bits: the
 * presence bits of exactly low[0..n), or NULL; *hp: the text's hash for
 * the answer cache, 0 until a first trigger needs it (callers trying
 * several triggers on one text keep it between calls). */
static bool trig_match(const struct defpre *pre, bg_trigger_form f, size_t j, const char *low,
		       size_t n, const uint64_t *bits, uint64_t *hp, tmatch *m)
{
	const bg_trigger *t = pre->trig[f][j];
	const void *re, *quick;
	regmatch_t pm[10];
	regamatch_t am;
	regaparams_t p;
	int g = t->term_group, ef;
	const struct stop *st;
	uint64_t h = 0;
	size_t k = 0, e = n;

	if (!trig_required(pre, t, f, j, low, n, bits))
		return false;
	memset(&am, 0, sizeof am);
	memset(pm, 0, sizeof pm);
	am.nmatch = 10;
	am.pmatch = pm;
	tre_regaparams_default(&p);
	p.max_cost = t->max_cost;
	/* compiled now if the lexicon is lazy; NULL (reported) never matches */
	if (!(re = bg_trigger_regex(t)))
		return false;
	if (pre->tc) {
		if (!*hp)
			*hp = bg_hash_bytes(low, n);   /* never 0 */
		h = *hp;
		switch (tc_get(pre->tc, pre->tc->base[f] + (unsigned)j, h, low, n, m)) {
		case TC_YES: return true;
		case TC_NO: return false;
		default: break;
		}
	}
	/* from the first place a match can open (struct lead) */
	if (pre->lead[f][j].n && (k = lead_at(&pre->lead[f][j], low, n)) == SIZE_MAX)
		goto none;
	ef = k ? REG_NOTBOL : 0;
	/* an anchored pattern: up to where a match can reach (struct stop) */
	if (!k && (st = stop_get(pre, f, j))) {
		if (!stop_at(st, low, n, &e))
			goto none;
		if (e < n)
			ef |= REG_NOTEOL;
	}
	/* most texts the prefilter lets through do not match: say so without
	 * TRE's submatch bookkeeping, and find the groups only for a match */
	/* (a second compilation pays only for a trigger in frequent use) */
	if ((!pre->tc || atomic_fetch_add_explicit(&pre->tc->uses[pre->tc->base[f] + j], 1,
						   memory_order_relaxed) >= QUICK_AFTER) &&
	    (quick = bg_trigger_regex_quick(t)) != NULL) {
		regamatch_t qm;
		memset(&qm, 0, sizeof qm);
		if (tre_reganexec(quick, low + k, e - k, &qm, p, ef) != REG_OK)
			goto none;
	}
	if (tre_reganexec(re, low + k, e - k, &am, p, ef) != REG_OK ||
	    pm[0].rm_so < 0 || (size_t)pm[0].rm_eo > e - k)
		goto none;
	for (size_t i = 0; i < 10; i++)
		if (pm[i].rm_so >= 0) {
			pm[i].rm_so += (regoff_t)k;
			pm[i].rm_eo += (regoff_t)k;
		}
	m->so = (size_t)pm[0].rm_so;
	m->eo = (size_t)pm[0].rm_eo;
	if (g > 0 && g < 10 && pm[g].rm_so >= 0 && (size_t)pm[g].rm_eo <= n) {
		m->tso = (size_t)pm[g].rm_so;
		m->teo = (size_t)pm[g].rm_eo;
	} else {
		m->tso = m->teo = m->so;
	}
	m->trig = t;
	if (pre->tc)
		tc_put(pre->tc, pre->tc->base[f] + (unsigned)j, h, low, n, m);
	return true;
none:
	if (pre->tc)
		tc_put(pre->tc, pre->tc->base[f] + (unsigned)j, h, low, n, NULL);
	return false;
}

/* The earliest match of any trigger of form f; bits as for trig_match
 * (computed here when NULL and a prefilter exists). */
static bool form_match(const bg_lexicon *lex, const struct defpre *pre, bg_trigger_form f,
		       const char *low, size_t n, const uint64_t *bits, tmatch *best)
{
	uint64_t own[PRE_MAXW], h = 0;
	size_t nt = bg_lexicon_trigger_count(lex, f);
	const struct req *rq = pre->req[f];
	bool found = false;

	if (!nt)
		return false;
	if (!bits)
		bits = presence(pre, low, n, own);
	for (size_t j = 0; j < nt; j++) {
		tmatch m;
		/* the prefilter here, not only in trig_match: most triggers
		 * fail it, and a call per trigger costs more than the test */
		if (bits && !req_ok(&rq[j], bits))
			continue;
		if (trig_match(pre, f, j, low, n, bits, &h, &m) &&
		    (!found || m.so < best->so)) {
			*best = m;
			found = true;
		}
	}
	return found;
}

/* ------------------------------------------------------- one document */

struct ex {
	const bg_doc *doc;
	const bg_lexicon *lex;
	const struct defpre *pre;
	bg_norm *nm;
	bg_defset *set;
	bg_arena *a;
	const char *file, *bwb, *title, *date;
	bg_buf low, tmp, key;
	bg_buf doclow;   /* every al's text lower-cased, '\n' between (labels) */
	/* the scope stated earlier in the same article */
	const bg_node *scope_art;
	const char *scope_kind, *scope_text, *scope_addr;
	/* the presence bits paragraph() found, in document order, for
	 * find_frameworks to take instead of lowering and scanning again */
	struct seen_bits { const bg_node *al; uint64_t bits[PRE_MAXW]; } *sb;
	size_t nsb, asb;
	bg_status st;
};

/* Remembers the presence bits of paragraph al (quietly not, out of memory:
 * find_frameworks then scans it again). */
static void keep_bits(struct ex *x, const bg_node *al, const uint64_t *bits)
{
	if (x->nsb == x->asb) {
		size_t na = x->asb ? x->asb * 2 : 256;
		struct seen_bits *v = realloc(x->sb, na * sizeof *v);
		if (!v)
			return;
		x->sb = v;
		x->asb = na;
	}
	x->sb[x->nsb].al = al;
	memcpy(x->sb[x->nsb].bits, bits, sizeof x->sb[x->nsb].bits);
	x->nsb++;
}

static const char *dup(struct ex *x, const char *s, size_t n)
{
	char *p = bg_arena_strndup(x->a, s, n);

	if (!p) {
		x->st = BG_ERR_NOMEM;
		return "";
	}
	return p;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trims spaces, quotes and trailing punctuation from a term; strips a
 * leading article. */
/* Whether s starts with a letter (ASCII, or a non-ASCII character). */
static bool is_letter_at(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0xc0;
}

/* Whether s[0..n) is an article alone ("de ", "Het"): "de in deze regeling
 * bedoelde typegoedkeuring" is not cut at " in deze regeling". */
static bool only_article(const char *s, size_t n)
{
	while (n && is_space(s[n - 1]))
		n--;
	while (n && is_space(*s)) {
		s++;
		n--;
	}
	return (n == 2 && !strncasecmp(s, "de", 2)) || (n == 3 && (!strncasecmp(s, "het", 3) ||
								    !strncasecmp(s, "een", 3)));
}

/* The participles that close a pointer standing before its noun ("het in
 * het zevende lid bedoelde minimumloon"). */
static const char *const cite_participles[] = {
	" bedoelde ", " genoemde ", " vermelde ", " omschreven ", " eerstgenoemde ",
	" laatstgenoemde ", " aangeduide ", " vastgelegde ", " vastgestelde ",
};
#define N_CITE_PARTICIPLES (sizeof cite_participles / sizeof *cite_participles)

/* "in het zevende lid bedoelde ", "bij of krachtens artikel 3 genoemde
 * ": an opening pointer of s[*so..eo) that ends in a participle naming
 * it; moves *so past it.  Whether it did. */
static bool cited_before(const char *s, size_t *so, size_t eo)
{
	static const char *const opens[] = { "in ", "bij ", "krachtens ", "ingevolge ", "op grond van " };
	/* what such a pointer names (not "in het eigen bedrijf vervaardigde") */
	static const char *const cited[] = {
		"lid", "leden", "artikel", "onderdeel", "hoofdstuk", "paragraaf", "afdeling", "titel",
		"regeling", "wet", "besluit", "verordening", "volzin", "bijlage", "dat", "die",
		"deze", "dit", "daar",
	};

	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		size_t ol = strlen(opens[k]);
		if (eo - *so <= ol || strncasecmp(s + *so, opens[k], ol))
			continue;
		for (size_t p = 0; p < N_CITE_PARTICIPLES; p++) {
			const char *at = memmem(s + *so, eo - *so, cite_participles[p],
						strlen(cite_participles[p]));
			bool names = false;
			if (!at || memchr(s + *so, ',', (size_t)(at - (s + *so))))
				continue;
			for (size_t c = 0; c < sizeof cited / sizeof *cited && !names; c++) {
				size_t cl = strlen(cited[c]);
				for (const char *w = s + *so + ol; w + cl <= at && !names; w++)
					names = (w == s + *so + ol || w[-1] == ' ') &&
						!strncasecmp(w, cited[c], cl) &&
						(w + cl == at || w[cl] == ' ');
			}
			if (names) {
				*so = (size_t)(at - s) + strlen(cite_participles[p]);
				return true;
			}
		}
	}
	return false;
}

/* The quotes a term may stand between. */
static const char *const quotes[] = {
	"\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d",
	"\xe2\x80\x9e", "\xc2\xab", "\xc2\xbb", "\"", "'", "`",
};

/* The length of the quote s[0..n) opens with, or 0. */
static size_t quote_at(const char *s, size_t n)
{
	for (size_t q = 0; q < sizeof quotes / sizeof *quotes; q++) {
		size_t ql = strlen(quotes[q]);
		if (n >= ql && !memcmp(s, quotes[q], ql))
			return ql;
	}
	return 0;
}

/* A quoted term ends at its closing quote: '"aanzienlijke uitgaven"
 * overeenkomstig de bestaande bepalingen' names the quoted words; also
 * after a namer ("de uitdrukking „royalty’s”, zoals gebezigd in ..."). */
static void quote_end(const char *s, size_t so, size_t *eo)
{
	size_t b = so;

	while (b < *eo && is_space(s[b]))
		b++;
	for (size_t q = 0; q < sizeof quotes / sizeof *quotes; q++) {
		size_t ql = strlen(quotes[q]), best = 0;
		if (*eo - b <= ql || memcmp(s + b, quotes[q], ql))
			continue;
		for (size_t c = 0; c < sizeof quotes / sizeof *quotes; c++) {
			size_t cl = strlen(quotes[c]);
			const char *e = memmem(s + b + ql, *eo - b - ql, quotes[c], cl);
			/* a closing quote is followed by a space or punctuation,
			 * not a letter ("'s-Gravenhage", "royalty’s”") */
			while (e && (size_t)(e - s) + cl < *eo && is_letter_at(s + (e - s) + cl)) {
				const char *from = e + cl;
				e = memmem(from, *eo - (size_t)(from - s), quotes[c], cl);
			}
			if (e && e > s + b + ql && (!best || (size_t)(e - s) + cl < best))
				best = (size_t)(e - s) + cl;
		}
		if (best && best < *eo)
			*eo = best;
		break;
	}
}

/* Whether s[0..n) (its first 510 bytes), with a space added at each end,
 * holds one of w[0..nw) (words written with their spaces: " die "). */
static bool padded_has(const char *s, size_t n, const char *const *w, size_t nw)
{
	char pad[512];
	size_t pn = n < sizeof pad - 2 ? n : sizeof pad - 2;

	pad[0] = ' ';
	memcpy(pad + 1, s, pn);
	pad[pn + 1] = ' ';
	for (size_t k = 0; k < nw; k++)
		if (memmem(pad, pn + 2, w[k], strlen(w[k])))
			return true;
	return false;
}

/* Whether s[0..n), a pointer " in artikel 9 ...", ends in a participle
 * before a noun ("ter afsluiting van een in artikel 9 bedoelde
 * opleiding"): then it is inside the term, not after it. */
static bool pointer_before_noun(const char *s, size_t n)
{
	for (size_t k = 0; k < N_CITE_PARTICIPLES; k++)
		if (memmem(s, n, cite_participles[k], strlen(cite_participles[k])))
			return true;
	return false;
}

static void clean_term(const char *s, size_t *so, size_t *eo)
{
	/* a pointer to the term's source, or the scope phrase ("Onder
	 * werkloze werknemer in deze wet en de daarop berustende bepalingen
	 * wordt mede verstaan") */
	static const char *const cuts[] = {
		" als bedoeld in", ", bedoeld in", " bedoeld in", " als bedoeld bij", ", bedoeld bij",
		", genoemd in", " als genoemd in",
		" in de zin van ", " in artikel ", " in deze wet", " in dit besluit", " in deze regeling",
		" in deze verordening", " in dit artikel", " in dit hoofdstuk", " in deze afdeling",
		" in deze paragraaf", " in deze titel", " voor de toepassing van ",
		/* "belasting, ingeval artikel 27b van de wet van toepassing is:
		 * het gezamenlijke bedrag ...": a condition is no part of it */
		" dan wel, indien ", " of, indien ", ", ingeval ", ", indien ", ", voor zover ",
		", voorzover ", " voor zover ", " voorzover ",
		/* "Dienst Speciale Interventies, hierna te noemen: DSI": the
		 * short name is a term of its own (short_names) */
		", hierna ", ", verder te noemen", ", verder aan te duiden",
	};
	bool changed = true;

	quote_end(s, *so, eo);
	/* "– Onze Minister: ...": a dash or bullet that marks an item
	 * written into its paragraph */
	{
		static const char *const bullets[] = { "\xe2\x80\x93 ", "\xe2\x80\x94 ", "- ",
						       "\xe2\x80\xa2 " };
		for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
			size_t bl = strlen(bullets[k]);
			if (*eo - *so > bl && !memcmp(s + *so, bullets[k], bl)) {
				*so += bl;
				break;
			}
		}
	}

	/* "bloedverwant in de eerste graad als bedoeld in het tweede lid",
	 * "werknemer in de zin van de Ziektewet": the term ends where the
	 * pointer to its source begins */
	for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
		const char *p = memmem(s + *so, *eo - *so, cuts[k], strlen(cuts[k]));
		if (p && p > s + *so && !only_article(s + *so, (size_t)(p - (s + *so))) &&
		    !(!strcmp(cuts[k], " in artikel ") && pointer_before_noun(p, (size_t)(s + *eo - p))))
			*eo = (size_t)(p - s);
	}
	/* "werkgever van de in de artikelen 2 en 3 bedoelde werknemer": the
	 * term is the noun before a complement that is itself a pointer */
	{
		static const char *const vans[] = { " van de in ", " van het in ", " van een in ",
						    " van de bij ", " van het bij " };
		for (size_t k = 0; k < sizeof vans / sizeof *vans; k++) {
			const char *p = memmem(s + *so, *eo - *so, vans[k], strlen(vans[k]));
			/* a noun, or an adjective and its noun, before it (not
			 * "opleidingstitel ter afsluiting van een in artikel 9
			 * bedoelde opleiding") */
			static const char *const preps[] = { " ter ", " tot ", " voor ", " van ", " in ",
							     " op ", " met ", " aan ", " bij ", " uit ",
							     " door ", " om " };
			if (p && p > s + *so && pointer_before_noun(p, (size_t)(s + *eo - p)) &&
			    bg_count_words(s + *so, (size_t)(p - (s + *so))) <= 2 &&
			    !padded_has(s + *so, (size_t)(p - (s + *so)), preps,
					sizeof preps / sizeof *preps)) {
				*eo = (size_t)(p - s);
				break;
			}
		}
	}
	/* "een pensioen als daar bedoeld", "verandering in de toestand van de
	 * betrokkene als in het eerste lid bedoeld": the same pointer, with
	 * its participle last */
	if (*eo - *so > 12 && !strncasecmp(s + *eo - 8, " bedoeld", 8)) {
		for (size_t i = *eo - 8; i > *so; i--)
			if (!strncasecmp(s + i, " als ", 5)) {
				*eo = i;
				break;
			}
	}
	while (changed && *so < *eo) {
		changed = false;
		while (*so < *eo && is_space(s[*so])) {
			(*so)++;
			changed = true;
		}
		while (*eo > *so && (is_space(s[*eo - 1]) || s[*eo - 1] == ',' ||
				     s[*eo - 1] == ':' || s[*eo - 1] == ';')) {
			(*eo)--;
			changed = true;
		}
		for (size_t q = 0; q < sizeof quotes / sizeof *quotes; q++) {
			size_t ql = strlen(quotes[q]);
			if (*eo - *so >= ql && !memcmp(s + *so, quotes[q], ql)) {
				*so += ql;
				changed = true;
			}
			if (*eo - *so >= ql && !memcmp(s + *eo - ql, quotes[q], ql)) {
				*eo -= ql;
				changed = true;
			}
		}
		/* adverbs the term group of a trigger may swallow */
		static const char *const adverbs[] = {
			" mede", " ook", " eveneens", " tevens", " voorts", " uitsluitend",
			" slechts", " niet", " meer", " wel", " steeds", " in elk geval",
			" in ieder geval", " in het bijzonder",
		};
		for (size_t k = 0; k < sizeof adverbs / sizeof *adverbs; k++) {
			size_t al = strlen(adverbs[k]);
			if (*eo - *so > al + 1 && !strncasecmp(s + *eo - al, adverbs[k], al)) {
				*eo -= al;
				changed = true;
			}
		}
		/* "de uitdrukking „diploma”": the term is what is named */
		static const char *const namers[] = {
			"uitdrukking ", "uitdrukkingen ", "term ", "termen ", "begrip ", "begrippen ",
			"begripsbepaling van ", "begripsomschrijving van ", "definitie van ",
		};
		for (size_t k = 0; k < sizeof namers / sizeof *namers; k++) {
			size_t nl = strlen(namers[k]);
			if (*eo - *so > nl + 1 && !strncasecmp(s + *so, namers[k], nl)) {
				*so += nl;
				/* one name ends at its quote; several stay whole */
				if (namers[k][nl - 2] != 'n')
					quote_end(s, *so, eo);
				changed = true;
			}
		}
		/* (and English "the", for the English texts of treaties) */
		static const char *const arts[] = { "de ", "het ", "een ", "De ", "Het ", "Een ",
						    "the ", "The " };
		for (size_t k = 0; k < sizeof arts / sizeof *arts; k++) {
			size_t al = strlen(arts[k]);
			if (*eo - *so > al + 1 && !memcmp(s + *so, arts[k], al)) {
				*so += al;
				/* "de „Overeenkomstsluitende Staat” zijnde
				 * lidstaat van de Europese Unie is": the
				 * quoted name after the article */
				quote_end(s, *so, eo);
				changed = true;
			}
		}
		/* "het in het zevende lid bedoelde minimumloon", "de in dat
		 * artikel genoemde uitkeringen": the pointer before the noun
		 * is no part of the term */
		if (cited_before(s, so, *eo))
			changed = true;
	}
}

/* Whether the last word of s[0..n) follows a participle or inflected
 * adjective of five letters or more (ending in -e or -en), itself after a
 * word that is not an article, with at most further such adjectives
 * between it and the noun ("met de belastingplichtige verbonden persoon",
 * "door een inhoudingsplichtige aan een werknemer toegekende
 * vertrekvergoeding", "uit bijzondere omstandigheden voortvloeiende
 * noodzakelijke kosten", "tot personen herleidbare beleidsopvatting"; not
 * "op de eerste dag"). */
static bool participle_phrase(const char *s, size_t n)
{
	static const char *const dets[] = { "de", "het", "een", "die", "dat", "deze", "dit",
					    "zijn", "haar", "hun" };
	size_t e = n, b, pe, pb, qe, qb;

	while (e && is_space(s[e - 1]))
		e--;
	for (b = e; b && !is_space(s[b - 1]); b--)
		;
	for (pe = b;;) {
		bool adj;
		for (; pe && is_space(s[pe - 1]); pe--)
			;
		for (pb = pe; pb && !is_space(s[pb - 1]); pb--)
			;
		if (!pb || pe - pb < 5)
			return false;
		adj = (s[pe - 1] | 32) == 'e';
		if (!adj && strncasecmp(s + pe - 2, "en", 2))
			return false;
		/* the word before it (the preposition itself in "te
		 * conserveren inkomen"): no article */
		for (qe = pb; qe && is_space(s[qe - 1]); qe--)
			;
		for (qb = qe; qb && !is_space(s[qb - 1]); qb--)
			;
		{
			bool det = false;
			for (size_t k = 0; k < sizeof dets / sizeof *dets && !det; k++)
				det = qe - qb == strlen(dets[k]) &&
				      !strncasecmp(s + qb, dets[k], qe - qb);
			if (!det)
				return true;
		}
		if (!adj)
			return false;
		pe = pb;   /* an adjective: the participle may stand before it */
	}
}

/* "in Nederland te hebben gewoond", "in Nederland te zijn tewerkgesteld":
 * a residence or work deemed, whose term is the phrase as printed. */
static bool deemed_place(const char *s, size_t n)
{
	return n > 3 && !strncasecmp(s, "in ", 3) && memmem(s, n, " te ", 4) != NULL;
}

/* Whether the lower-cased word w[0..n) looks like a past participle
 * ("ingeschreven", "opgelegde", "gestelde"): "ge" inside, and "-en",
 * "-de" or "-te" at its end. */
static bool past_participle(const char *w, size_t n)
{
	return n > 5 && memmem(w, n, "ge", 2) &&
	       (!memcmp(w + n - 2, "en", 2) || !memcmp(w + n - 2, "de", 2) ||
		!memcmp(w + n - 2, "te", 2));
}

/*
 * "dagen waarover loon is ontvangen", "perioden waarin loon uit
 * dienstbetrekking wordt ontvangen": a noun, then a relative clause that
 * names which of them are meant, closed by its verbs (a participle and
 * "is", "wordt", "worden" or "zijn", in either order); four to eight words.
 * A term although it holds a verb.
 */
static bool relative_term(const char *s, size_t n)
{
	static const char *const rel[] = { "waarover", "waarin", "waarop", "waarvoor", "waarmee",
					   "waarbij", "waaruit" };
	static const char *const aux[] = { "is", "wordt", "worden", "zijn" };
	size_t wb[9], wl[9], k = 0, a, p;

	for (size_t i = 0; i < n;) {
		size_t j;
		while (i < n && is_space(s[i]))
			i++;
		for (j = i; j < n && !is_space(s[j]); j++)
			;
		if (j == i)
			break;
		if (k == 9)
			return false;
		for (size_t c = i; c < j; c++)
			if (!(((s[c] | 32) >= 'a' && (s[c] | 32) <= 'z') || s[c] == '-' ||
			      (unsigned char)s[c] >= 0x80))
				return false;
		wb[k] = i;
		wl[k++] = j - i;
		i = j;
	}
	if (k < 4 || wl[0] < 3)
		return false;
	{
		bool r = false;
		for (size_t q = 0; q < sizeof rel / sizeof *rel && !r; q++)
			r = wl[1] == strlen(rel[q]) && !strncasecmp(s + wb[1], rel[q], wl[1]);
		if (!r)
			return false;
	}
	for (int order = 0; order < 2; order++) {
		bool isaux = false;
		a = order ? k - 1 : k - 2;
		p = order ? k - 2 : k - 1;
		for (size_t q = 0; q < sizeof aux / sizeof *aux && !isaux; q++)
			isaux = wl[a] == strlen(aux[q]) && !strncasecmp(s + wb[a], aux[q], wl[a]);
		/* "ontvangen", "genoten", and "gewerkt", "gespaard" */
		if (isaux && (past_participle(s + wb[p], wl[p]) ||
			      (wl[p] > 4 && !strncmp(s + wb[p], "ge", 2) &&
			       (s[wb[p] + wl[p] - 1] == 't' || s[wb[p] + wl[p] - 1] == 'd'))))
			return true;
	}
	return false;
}

/* Words that cannot occur in a defined term: a capture that holds one
 * caught a clause, not a term. */
static bool plausible_term(const char *s, size_t n)
{
	static const char *const bad[] = {
		"wordt", "worden", "is", "zijn", "heeft", "hebben", "kan", "kunnen",
		"moet", "moeten", "die", "dat", "indien", "wanneer", "ingeval", "artikel",
		"hij", "zij", "zich", "er", "daaronder", "zodanig", "deze", "dit", "hem",
		"haar", "niet", "tenzij", "waarin", "waarbij", "welke", "bedoeld", "of", "mits",
		"voorzover", "wie", "wat", "gaat", "zal", "zullen", "bij", "ten",
		/* "met ingang van", "met inachtneming van", ...: not a term */
		"ingang", "inachtneming", "betrekking", "toepassing", "uitzondering",
		"behulp", "name", "ingangsdatum", "dien", "onverminderd",
		/* "als bijdrage-inkomen ten hoogste in aanmerking genomen": a cap */
		"hoogste", "minste",
		/* "Het uitgangspunt hierbij is ...": an adverb that points back;
		 * "De hoofdelementen van dergelijke overeenkomsten zijn: ...": so
		 * does "dergelijk(e)" */
		"hierbij", "daarbij", "hiervan", "daarvan", "hierin", "daarin", "dergelijk", "dergelijke",
		/* "Intussen is het van belang ...": an adverb opens a clause */
		"intussen", "bovendien", "daarnaast", "evenwel", "echter", "overigens",
	};
	static const char *const preps[] = {
		"tot", "in", "op", "van", "met", "voor", "aan", "om", "te", "naar", "door", "uit",
	};
	static const char *const who[] = {
		"degene, tot wie ", "degene tot wie ", "degene, bij wie ", "degene bij wie ",
		"degene, met wie ", "degene met wie ", "degene, voor wie ", "degene voor wie ",
	};
	size_t words = 0;
	bool letter = false, wie_ok = false;

	if (!n || n > MAX_TERM_BYTES)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c | 32) >= 'a' && (c | 32) <= 'z')
			letter = true;
		if (c == '(' || c == ')' || c == '[' || c == '.')
			return false;
	}
	if (!letter)
		return false;
	/* "Daaronder wordt hier onder meer verstaan ...": "onder meer" is
	 * "among other things", not "under the term meer" */
	if (n == 4 && !strncasecmp(s, "meer", 4))
		return false;
	/* "Geen belanghebbende in de zin van deze wet is de persoon die":
	 * an exclusion, whose term follows "geen" (negative forms) */
	if (n > 5 && !strncasecmp(s, "geen ", 5))
		return false;
	if (deemed_place(s, n))   /* its verbs are part of it */
		return bg_count_words(s, n) <= 8;
	if (relative_term(s, n))
		return true;
	/* "4°, 5° en 6°": sub-item numbers, caught after a second "onder" */
	if (n > 3 && s[0] >= '0' && s[0] <= '9' && memmem(s, n < 6 ? n : 6, "\xc2\xb0", 2))
		return false;
	/* "Als degene, tot wie de dienstbetrekking bestaat, wordt beschouwd"
	 * (Wet LB 1964 art. 7): a person named by a preposition and "wie" */
	for (size_t k = 0; k < sizeof who / sizeof *who; k++) {
		size_t wl = strlen(who[k]);
		if (n > wl && !strncasecmp(s, who[k], wl) &&
		    bg_count_words(s, n) <= 8 && !memchr(s + wl, ',', n - wl))
			wie_ok = true;
	}
	for (size_t i = 0; i < n;) {
		size_t j;
		while (i < n && is_space(s[i]))
			i++;
		for (j = i; j < n && !is_space(s[j]); j++)
			;
		if (j > i) {
			words++;
			/* "of" and "bij" may join alternatives in a term head
			 * ("gehuwd of als gehuwd aangemerkt"), "ten" a complement
			 * ("diensten ten behoeve van een huishouden"): only
			 * reject them at the start */
			for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
				size_t bl = strlen(bad[k]);
				if (j - i == bl && !strncasecmp(s + i, bad[k], bl)) {
					if ((!strcmp(bad[k], "of") || !strcmp(bad[k], "bij") ||
					     !strcmp(bad[k], "ten")) &&
					    words > 1)
						continue;
					if (wie_ok && words == 3 && !strcmp(bad[k], "wie"))
						continue;
					/* "de bij de onderneming behorende
					 * cultuurgrond": "bij" opening the
					 * phrase of a participle */
					if (!strcmp(bad[k], "bij") && participle_phrase(s, n))
						continue;
					return false;
				}
			}
			/* a preposition cannot start a term ("tot leden"),
			 * unless it opens the phrase of a participle before
			 * the noun ("met de belastingplichtige verbonden
			 * persoon") */
			for (size_t k = 0; words == 1 && k < sizeof preps / sizeof *preps; k++)
				if (j - i == strlen(preps[k]) && !strncasecmp(s + i, preps[k], j - i) &&
				    !participle_phrase(s, n))
					return false;
		}
		i = j;
	}
	return words >= 1 && words <= MAX_TERM_WORDS;
}

/* In a list introduced as definitions, "term: body" is reliable: the term
 * only has to look like a name (a letter, at most MAX_TERM_WORDS + 2
 * words), whatever words it contains ("ten laste komend kind",
 * "verordening (EG) 882/2004", "richtlijn nr. 97/78/EG"). */
static bool plausible_list_term(const char *s, size_t n)
{
	bool letter = false;

	if (!n || n > MAX_TERM_BYTES)
		return false;
	for (size_t i = 0; i < n; i++)
		if (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') || (unsigned char)s[i] >= 0x80)
			letter = true;
	return letter && bg_count_words(s, n) <= MAX_TERM_WORDS + 2;
}

/* A term between quotes at the start of an item: "„Organisatie”, de
 * Internationale Politie Organisatie".  Sets the term and where the body
 * starts. */
static bool quoted_term(const char *t, size_t n, size_t *so, size_t *eo, size_t *body)
{
	static const char *const open[] = { "\xe2\x80\x9e", "\xe2\x80\x9c", "\xe2\x80\x98", "\"", "'" };
	static const char *const close[] = { "\xe2\x80\x9d", "\xe2\x80\x99", "\"", "'" };

	for (size_t i = 0; i < sizeof open / sizeof *open; i++) {
		size_t ol = strlen(open[i]);
		if (n <= ol || memcmp(t, open[i], ol))
			continue;
		for (size_t j = ol; j < n && j < MAX_TERM_BYTES; j++)
			for (size_t k = 0; k < sizeof close / sizeof *close; k++) {
				size_t cl = strlen(close[k]);
				if (j + cl <= n && !memcmp(t + j, close[k], cl) && j > ol) {
					/* "’’" closes as well as "”" */
					size_t b = j + cl;
					for (;;) {
						if (b < n && (t[b] == '\'' || t[b] == ',' || t[b] == ':' ||
							      t[b] == ' '))
							b++;
						else if (b + 3 <= n && !memcmp(t + b, "\xe2\x80\x99", 3))
							b += 3;
						else
							break;
					}
					*so = ol;
					*eo = j;
					*body = b;
					return true;
				}
			}
		return false;
	}
	return false;
}

static const bg_node *ancestor_below(const bg_node *n, bg_node_kind k, const bg_node *stop)
{
	for (; n && n != stop; n = n->parent)
		if (n->kind == k)
			return n;
	return NULL;
}

/* Bullets ("–", "•") are not item numbers. */
static bool has_alnum(const char *s)
{
	for (; *s; s++)
		if ((*s >= '0' && *s <= '9') || ((*s | 32) >= 'a' && (*s | 32) <= 'z'))
			return true;
	return false;
}

/* "a", "f.1°": the list item numbers from the article (or lid) down to n. */
static void item_path(const bg_node *n, const bg_node *art, bg_buf *b)
{
	const bg_node *chain[16];
	size_t k = 0;

	bg_buf_clear(b);
	for (const bg_node *c = n; c && c != art && k < 16; c = c->parent)
		if ((c->kind == BG_N_LI || c->kind == BG_N_DEFITEM) && has_alnum(c->nr))
			chain[k++] = c;
	while (k-- > 0) {
		if (b->len)
			bg_buf_addc(b, '.');
		bg_buf_adds(b, chain[k]->nr);
	}
}

struct scope {
	const char *kind, *text, *addr;
};

static const bg_node *container_of(const bg_node *n)
{
	for (const bg_node *c = n->parent; c; c = c->parent)
		if (bg_node_kind_is_container(c->kind))
			return c;
	return NULL;
}

/* The scope stated in a paragraph (low/orig: its text; bits: the presence
 * bits of low, or NULL to compute them), else the one stated earlier in
 * the article, else the whole regulation. */
/* The lid of art that a scope phrase low[0..n) names by its ordinal ("het
 * eerste lid"; "het vorige lid": the one before cur), or NULL. */
static const bg_node *named_lid(const bg_node *art, const bg_node *cur, const char *low, size_t n)
{
	static const char *const ordinals[] = {
		"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
		"negende", "tiende", "elfde", "twaalfde",
	};
	char nr[4] = "";

	if (!art)
		return NULL;
	if (memmem(low, n, "vorige lid", 10)) {
		const bg_node *prev = NULL;
		for (const bg_node *k = art->first_child; k; k = k->next) {
			if (k == cur)
				return prev;
			if (k->kind == BG_N_LID)
				prev = k;
		}
		return NULL;
	}
	for (size_t i = 0; i < sizeof ordinals / sizeof *ordinals; i++) {
		size_t ol = strlen(ordinals[i]);
		const char *p = memmem(low, n, ordinals[i], ol);
		/* "<ordinal> lid": "de eerste graad als bedoeld in het derde
		 * lid" names the third */
		while (p && !((size_t)(p - low) + ol + 4 <= n && !memcmp(p + ol, " lid", 4)))
			p = memmem(p + 1, n - (size_t)(p + 1 - low), ordinals[i], ol);
		if (p) {
			snprintf(nr, sizeof nr, "%zu", i + 1);
			break;
		}
	}
	if (!nr[0])
		return NULL;
	for (const bg_node *k = art->first_child; k; k = k->next)
		if (k->kind == BG_N_LID && !strcmp(k->nr, nr))
			return k;
	return NULL;
}

/*
 * Whether a lid scope phrase low[0..n) has the verb of its sentence before
 * the lid it names: "Als invoer wordt niet aangemerkt het in Nederland
 * brengen van goederen als bedoeld in het eerste lid" names the lid in the
 * body, not in the term ("Onder X als bedoeld in het derde lid wordt").
 */
static bool verb_before_lid(const char *low, size_t n)
{
	const char *lid = NULL, *v;

	for (const char *p = low; (p = memmem(p, n - (size_t)(p - low), " lid", 4)) != NULL; p += 4)
		lid = p;
	if (!lid)
		return false;
	v = memmem(low, (size_t)(lid - low), " wordt ", 7);
	if (!v)
		v = memmem(low, (size_t)(lid - low), " worden ", 8);
	return v != NULL;
}

/*
 * A scope that names a provision by number ("Voor de toepassing van
 * artikel 2", "... van artikel 8, tweede lid, van de Wet"): its address is
 * that article or lid when this regulation has it and the citation names
 * no other regulation (the text after the match, rest[0..rn), does not go
 * on with "van de/het ..."), else the regulation's root.  Whether the
 * match (orig/low[0..n)) names one; sets sc->addr then.
 */
static bool cited_scope(struct ex *x, const char *orig, const char *low, size_t n,
			const char *rest, size_t rn, struct scope *sc)
{
	static const char *const others[] = { "van de ", "van het ", "van die ", "van dat " };
	const char *p = memmem(low, n, "artikel ", 8);
	const bg_node *root = bg_doc_root(x->doc), *cited = NULL;
	size_t a, b;
	bool other = false;

	if (!p || p[8] < '0' || p[8] > '9')
		return false;
	a = (size_t)(p - low) + 8;
	for (b = a; b < n && low[b] != ' ' && low[b] != ','; b++)
		;
	/* "artikel 8, tweede lid, van de Wet": the words after the match,
	 * or its own last words for "artikel 2 van de wet" */
	while (rn && (*rest == ',' || *rest == ' ')) {
		rest++;
		rn--;
	}
	for (size_t k = 0; k < sizeof others / sizeof *others; k++)
		other |= (rn >= strlen(others[k]) && !memcmp(rest, others[k], strlen(others[k]))) ||
			 memmem(low + b, n - b, " van ", 5) != NULL;
	/* a letter word right after the number abbreviates a law ("artikel
	 * 20 TW"), unless it is the verb ("artikel 2 wordt") */
	if (b < n && low[b] == ' ' && b + 1 < n && low[b + 1] != 'w')
		other = true;
	if (!other)
		for (const bg_node *k = root; k && !cited; k = bg_node_next(root, k))
			if (k->kind == BG_N_ARTIKEL && k->nr && strlen(k->nr) == b - a &&
			    !strncmp(k->nr, orig + a, b - a))
				cited = k;
	if (cited && !strcmp(sc->kind, "lid")) {
		const bg_node *l = named_lid(cited, NULL, low + b, n - b);
		cited = l ? l : cited;
	}
	sc->addr = cited ? cited->address : root->address;
	return true;
}

static void find_scope(struct ex *x, const bg_node *al, const char *orig, const char *low,
		       size_t n, const uint64_t *bits, struct scope *sc)
{
	static const struct { bg_trigger_form f; const char *kind; } forms[] = {
		{ BG_TRIG_SCOPE_LID, "lid" },
		{ BG_TRIG_SCOPE_ARTICLE, "article" },
		{ BG_TRIG_SCOPE_CONTAINER, "container" },
		{ BG_TRIG_SCOPE_REGULATION, "regulation" },
	};
	const bg_node *art = bg_node_ancestor(al, BG_N_ARTIKEL);
	const bg_node *root = bg_doc_root(x->doc);
	tmatch best = {0}, m;
	int which = -1;
	uint64_t own[PRE_MAXW];

	if (!bits)
		bits = presence(x->pre, low, n, own);
	for (int i = 0; i < 4; i++) {
		if (form_match(x->lex, x->pre, forms[i].f, low, n, bits, &m) &&
		    (forms[i].f != BG_TRIG_SCOPE_LID || !verb_before_lid(low + m.so, m.eo - m.so)) &&
		    (which < 0 || m.so < best.so)) {
			best = m;
			which = i;
		}
	}
	if (which < 0) {
		if (art && x->scope_art == art) {
			sc->kind = x->scope_kind;
			sc->text = x->scope_text;
			sc->addr = x->scope_addr;
		} else {
			sc->kind = "regulation";
			sc->text = "";
			sc->addr = root->address;
		}
		return;
	}
	sc->kind = forms[which].kind;
	sc->text = dup(x, orig + best.so, best.eo - best.so);
	if (cited_scope(x, orig + best.so, low + best.so, best.eo - best.so, low + best.eo,
			n - best.eo, sc))
		return;   /* no later lid takes it */
	if (forms[which].f == BG_TRIG_SCOPE_LID) {
		const bg_node *lid = bg_node_ancestor(al, BG_N_LID);
		const bg_node *named = named_lid(art, lid, low + best.so, best.eo - best.so);
		if (named)
			lid = named;
		sc->addr = lid ? lid->address : art ? art->address : root->address;
	} else if (forms[which].f == BG_TRIG_SCOPE_ARTICLE) {
		sc->addr = art ? art->address : root->address;
	} else if (forms[which].f == BG_TRIG_SCOPE_CONTAINER) {
		/* "in deze afdeling": the afdeling around the article, not the
		 * paragraaf inside it */
		static const struct { const char *word; bg_node_kind kind; } words[] = {
			{ "sub-paragraaf", BG_N_SUBPARAGRAAF }, { "subparagraaf", BG_N_SUBPARAGRAAF },
			{ "paragra", BG_N_PARAGRAAF }, { "afdeling", BG_N_AFDELING },
			{ "hoofdstuk", BG_N_HOOFDSTUK }, { "titel", BG_N_TITELDEEL },
			{ "boek", BG_N_BOEK }, { "deel", BG_N_DEEL }, { "bijlage", BG_N_BIJLAGE },
		};
		const bg_node *c = NULL;
		for (size_t k = 0; !c && k < sizeof words / sizeof *words; k++)
			if (memmem(low + best.so, best.eo - best.so, words[k].word, strlen(words[k].word)))
				c = bg_node_ancestor(art ? art : al, words[k].kind);
		if (!c)
			c = container_of(art ? art : al);
		sc->addr = c ? c->address : root->address;
	} else {
		sc->addr = root->address;
	}
	/* a later lid without a scope phrase takes this one, unless this one
	 * is a lid's own ("In dit lid", "Voor de toepassing van het eerste
	 * lid") */
	if (art && forms[which].f != BG_TRIG_SCOPE_LID) {
		x->scope_art = art;
		x->scope_kind = sc->kind;
		x->scope_text = sc->text;
		x->scope_addr = sc->addr;
	}
}

/*
 * The concept of a listed term by its first alternative: "gehuwd of als
 * echtgenoot", "werknemer dan wel als ambtenaar" (terms joined with "of
 * als", "dan wel als", "en als" repeat one assimilation); NULL when the
 * term lists none or its first alternative is no lexicon variant.
 */
static const char *first_alternative_concept(struct ex *x, const char *term, size_t tn)
{
	static const char *const ofs[] = { " of als ", " dan wel als ", " en als " };
	const char *cut = NULL;

	for (size_t k = 0; k < sizeof ofs / sizeof *ofs; k++) {
		const char *p = memmem(term, tn, ofs[k], strlen(ofs[k]));
		if (p && p > term && (!cut || p < cut))
			cut = p;
	}
	if (!cut)
		return NULL;
	bg_buf_clear(&x->key);
	if (bg_norm_key(x->nm, term, (size_t)(cut - term), BG_NORM_STEM, &x->key) != BG_OK) {
		x->st = BG_ERR_NOMEM;
		return NULL;
	}
	return bg_lexicon_concept_for_key(x->lex, x->key.s);
}

/* The provision a record sits on: LI, DEFITEM, LID or ARTIKEL. */
static bg_def *new_def(struct ex *x, const bg_node *prov, const bg_node *at_line,
		       const char *term, size_t tn, bg_def_kind kind, const struct scope *sc)
{
	const bg_node *art = bg_node_ancestor(prov, BG_N_ARTIKEL);
	const bg_node *lid = ancestor_below(prov, BG_N_LID, art);
	bg_def *d = bg_defset_add(x->set);
	const char *concept;

	if (!d) {
		x->st = BG_ERR_NOMEM;
		return NULL;
	}
	d->file = x->file;
	d->bwb_id = x->bwb;
	d->law_title = x->title;
	d->date = x->date;
	d->article = art ? art->nr : "";
	d->lid = lid ? lid->nr : "";
	item_path(prov, lid ? lid : art, &x->tmp);
	d->item = dup(x, x->tmp.s, x->tmp.len);
	d->term = dup(x, term, tn);
	bg_buf_clear(&x->key);
	if (bg_norm_key(x->nm, term, tn, BG_NORM_STEM, &x->key) != BG_OK)
		x->st = BG_ERR_NOMEM;
	d->term_key = dup(x, x->key.s, x->key.len);
	concept = bg_lexicon_concept_for_key(x->lex, d->term_key);
	if (!concept)
		concept = first_alternative_concept(x, term, tn);
	d->concept = concept ? concept : "";
	d->kind = kind;
	d->scope_kind = sc->kind;
	d->scope_text = sc->text;
	d->scope_address = sc->addr;
	d->address = prov->address;
	bg_buf_clear(&x->tmp);
	bg_node_link(x->doc, prov, &x->tmp);
	d->link = dup(x, x->tmp.s, x->tmp.len);
	d->line = at_line->line;
	d->doc_index = 0;
	/* strings of the document die with it: keep copies */
	d->article = dup(x, d->article, strlen(d->article));
	d->lid = dup(x, d->lid, strlen(d->lid));
	d->scope_address = dup(x, d->scope_address, strlen(d->scope_address));
	d->address = dup(x, d->address, strlen(d->address));
	return d;
}

static size_t words_in(const char *s, size_t n)
{
	return bg_count_words(s, n);
}

/* A head low[0..n) without its trailing spaces and commas (in *n) and
 * without its leading spaces and article: where its words start. */
static size_t head_words(const char *low, size_t *n)
{
	size_t i = 0;

	while (*n && (low[*n - 1] == ' ' || low[*n - 1] == ','))
		(*n)--;
	while (i < *n && low[i] == ' ')
		i++;
	if (*n - i > 4 && (!memcmp(low + i, "het ", 4) || !memcmp(low + i, "een ", 4)))
		i += 4;
	else if (*n - i > 3 && !memcmp(low + i, "de ", 3))
		i += 3;
	return i;
}

/* Whether low[at..) starts with term (ASCII capitals of term folded). */
static bool term_at(const char *low, size_t at, const char *term, size_t tl)
{
	for (size_t k = 0; k < tl; k++) {
		char c = term[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != low[at + k])
			return false;
	}
	return true;
}

/* "compensatie voor diensten van algemeen belang: compensatie voor
 * diensten van algemeen belang als bedoeld in ...": the head is the term
 * again (after an article), however long. */
static bool head_is_term(const char *low, size_t n, const char *term)
{
	size_t tl = strlen(term), i = head_words(low, &n);

	return n - i == tl && term_at(low, i, term, tl);
}

/* "college: het College van toezicht op de kansspelen als bedoeld in
 * artikel 33 van de wet", "raad: de raad van bestuur van de Nederlandse
 * Mededingingsautoriteit, bedoeld in artikel 2": the head is the term
 * with a complement that says whose or which one it is, and the pointer
 * names that one, however long the head. */
static bool head_term_complement(const char *low, size_t n, const char *term)
{
	size_t tl = strlen(term), i = head_words(low, &n);

	/* one phrase: no comma ("..., samengesteld uit de Commissarissen
	 * bedoeld in") and no clause ("van de gemeente waar ... woonplaats
	 * heeft in de zin van ...") */
	return tl && n > i + tl + 5 && term_at(low, i, term, tl) &&
	       !memcmp(low + i + tl, " van ", 5) && !memchr(low + i, ',', n - i) &&
	       !memmem(low + i, n - i, " waar ", 6);
}

/* "vrijheidsstraf: een bij onherroepelijk geworden vonnis opgelegde
 * vrijheidsstraf als bedoeld in het Wetboek van Strafrecht": the head is
 * the term after words that restrict it (past an article).  The length of
 * those words (from the head's start, article included), or 0.  Not a
 * single adjective ("de financiële bijdrage, bedoeld in artikel 2" names
 * what artikel 2 is about), not a name ("de Nederlandse Zorgautoriteit"),
 * not a phrase the term does not head ("een overeenkomst van
 * levensverzekering", "een gemeente, niet zijnde een gemeente"). */
static size_t premodified_head(const char *body, const char *low, size_t n, const char *term)
{
	static const char *const function_words[] = {
		"van", "op", "in", "voor", "bij", "met", "de", "het", "een", "en", "of", "te",
		"tot", "uit", "aan", "door", "om", "over", "naar", "zijnde", "dan", "wel",
	};
	size_t tl = strlen(term), i = head_words(low, &n), w0, words = 0;
	bool capital = false;

	if (!tl || n < i + tl + 2 || low[n - tl - 1] != ' ' || !term_at(low, n - tl, term, tl))
		return 0;
	/* the words between: two or more, no comma, no capital unless a
	 * participle ends them ("de in Nederland ingeschreven advocaat"),
	 * and the last one no function word */
	for (size_t k = i; k < n - tl - 1; k++) {
		if (body[k] == ',')
			return 0;
		capital |= body[k] >= 'A' && body[k] <= 'Z';
		words += (k == i || low[k - 1] == ' ') && low[k] != ' ';
	}
	if (words < 2)
		return 0;
	for (w0 = n - tl - 1; w0 > i && low[w0 - 1] != ' '; w0--)
		;
	if (capital && !past_participle(low + w0, n - tl - 1 - w0))
		return 0;
	for (size_t k = 0; k < sizeof function_words / sizeof *function_words; k++)
		if (strlen(function_words[k]) == n - tl - 1 - w0 &&
		    !memcmp(low + w0, function_words[k], n - tl - 1 - w0))
			return 0;
	return n - tl - 1;
}

/* "het opleidingsinstituut dat met een erkenning als bedoeld in": a head
 * with a relative clause describes in its own words and merely mentions a
 * provision; "degene die ingevolge artikel 5a" points. */
static bool relative_head(const char *low, size_t n)
{
	static const char *const rel[] = {
		" die ", " dat ", " welke ", " waarvan ", " waarin ", " waarop ", " waarbij ",
		" waarmee ", " wiens ", " wier ", " wie ", " waaraan ", " waartoe ", " waardoor ",
		" waarvoor ", " waaruit ", " waaronder ",
	};
	size_t e = n;

	while (e && low[e - 1] == ' ')
		e--;
	if (e >= 4 && (!memcmp(low + e - 4, " die", 4) || !memcmp(low + e - 4, " wie", 4)))
		return false;
	return padded_has(low, n, rel, sizeof rel / sizeof *rel);
}

/* Whether reference r sits in provision prov (or below it). */
static bool ref_within(const bg_ref *r, const bg_node *prov)
{
	for (const bg_node *p = r->node; p; p = p->parent)
		if (p == prov)
			return true;
	return false;
}

/* A head that opens with "voor" ("voor de persoon, bedoeld in ..."):
 * the body splits into cases, and a pointer in the head names a case.
 * Right at the start, before any article: "een voor de militair
 * aangewezen arbodienst" is a restricted arbodienst, no case. */
static bool case_head(const char *low, size_t n)
{
	size_t i = 0;

	while (i < n && low[i] == ' ')
		i++;
	return n - i > 4 && !memcmp(low + i, "voor ", 5);
}

/* "het orgaan van een publiekrechtelijk lichaam als bedoeld in ...",
 * "een diploma van een opleiding als bedoeld in ...", "houder van een
 * erkenning als bedoeld in ...": the pointer qualifies the indefinite
 * noun phrase that follows the head's noun (at most two words past an
 * article), not the head. */
static bool embedded_head(const char *low, size_t n)
{
	static const char *const preps[] = { "van ", "voor ", "met ", "op ", "in ", "aan " };
	size_t i = head_words(low, &n);

	for (int w = 0; w <= 2 && i < n; w++) {
		for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
			size_t pl = strlen(preps[k]);
			if (n - i > pl + 4 && !memcmp(low + i, preps[k], pl) &&
			    !memcmp(low + i + pl, "een ", 4))
				return true;
		}
		while (i < n && low[i] != ' ')
			i++;   /* the next word */
		while (i < n && low[i] == ' ')
			i++;
	}
	return false;
}

/*
 * Looks at a definition body: when it points to another provision (a
 * reference trigger near its start), the record becomes a reference,
 * with the reference text kept for resolve.c and a marked-up target taken
 * from the document's intref/extref elements; a modifier after the
 * reference makes it a modified reference.  `same_meaning` forces a
 * reference ("heeft dezelfde betekenis als in ...").
 */
/*
 * Whether low[0..n), the text between a pointer and a modifier, cites an
 * EU act with its title ("richtlijn nr. 73/239/EEG ... tot coördinatie van
 * ... betreffende de toegang tot het directe verzekeringsbedrijf, met
 * uitzondering van de levensverzekeringsbranche"): the modifier belongs to
 * the title, not to the definition.
 */
static bool in_act_title(const char *low, size_t n)
{
	static const char *const acts[] = { "richtlijn", "verordening (", "verordening nr", "besluit nr" };
	static const char *const titles[] = { " tot ", " betreffende ", " inzake ", " houdende " };

	for (size_t a = 0; a < sizeof acts / sizeof *acts; a++) {
		const char *p = memmem(low, n, acts[a], strlen(acts[a]));
		if (!p || memchr(p, ';', n - (size_t)(p - low)))
			continue;
		for (size_t t = 0; t < sizeof titles / sizeof *titles; t++)
			if (memmem(p, n - (size_t)(p - low), titles[t], strlen(titles[t])))
				return true;
	}
	return false;
}

/* Whether a reference trigger's match low[0..n) ends with the participle
 * that closes a citation ("het in artikel 8 van de Wet X bedoelde", "de
 * krachtens artikel 15 aangewezen"). */
static bool participle_end(const char *low, size_t n)
{
	static const char *const ends[] = { "de", "te", "en", "wezen" };
	size_t e = n, b;

	while (e && low[e - 1] == ' ')
		e--;
	for (b = e; b && low[b - 1] != ' '; b--)
		;
	if (e - b < 5 || !memmem(low, b, "artikel", 7))
		return false;
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t l = strlen(ends[k]);
		if (e - b > l && !memcmp(low + e - l, ends[k], l))
			return true;
	}
	return false;
}

/* Where the first of the k strings w[] occurs in s[0..n), or n. */
static size_t first_of(const char *s, size_t n, const char *const *w, size_t k)
{
	size_t first = n;

	for (size_t i = 0; i < k; i++) {
		const char *at = memmem(s, n, w[i], strlen(w[i]));
		if (at && (size_t)(at - s) < first)
			first = (size_t)(at - s);
	}
	return first;
}

/* Where a reference trigger's match low[0..n) names the provision it
 * points to (an article, chapter, section or paragraph), or n. */
static size_t cite_inside(const char *low, size_t n)
{
	static const char *const words[] = { "artikel", "hoofdstuk", "afdeling", "paragraaf" };

	return first_of(low, n, words, sizeof words / sizeof *words);
}

/*
 * "overheidswerknemer: de overheidswerknemer in de zin van artikel 2 van
 * de WPA ...; de beroepsmilitair ...; degene die door de Koning in dienst
 * is genomen ...": a body whose alternatives (low[from..to) cut at "; ")
 * include one without a pointer states the meaning in its own words.
 * Alternatives that all point ("pensioenfonds als bedoeld in ...;
 * beroepspensioenfonds als bedoeld in ...") stay a reference.
 */
static bool own_alternative(struct ex *x, const char *low, size_t from, size_t to)
{
	const char *p;

	while (from < to && (p = memmem(low + from, to - from, "; ", 2))) {
		size_t a = (size_t)(p - low) + 2, b;
		tmatch m;

		p = memmem(low + a, to - a, "; ", 2);
		b = p ? (size_t)(p - low) : to;
		from = b;
		while (b > a && (low[b - 1] == ' ' || low[b - 1] == '.' || low[b - 1] == ';'))
			b--;
		if (b - a < 4)
			continue;   /* "en", "of" */
		if (!form_match(x->lex, x->pre, BG_TRIG_REFERENCE, low + a, b - a, NULL, &m))
			return true;
	}
	return false;
}

/*
 * "minimumloon: het minimumloon per maand, bedoeld in artikel 8 van de
 * WML, of, indien het een persoon jonger dan 23 jaar betreft, het voor
 * zijn leeftijd geldende minimumloon, bedoeld in artikel 7": a body that
 * splits into cases, each with its own pointer, states the meaning itself,
 * as sub-items "1° voor de persoon ...; 2° ..." do.  Whether low[0..n)
 * opens a second case ("of, indien", "dan wel, indien", "en, indien").
 */
static bool case_split(const char *low, size_t n)
{
	static const char *const cases[] = { " of, indien ", ", of indien ", " dan wel, indien ",
					     ", dan wel indien ", ", en, indien " };

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (memmem(low, n, cases[i], strlen(cases[i])))
			return true;
	return false;
}

/*
 * "vervoerder: vervoerder als bedoeld in artikel 2, onderdeel x, van de
 * transportverordening of de verantwoordelijke voor de desbetreffende
 * vervoersonderneming": an alternative after the pointer, in words of its
 * own, extends what it points to.  Where in low[from..to) such an
 * alternative starts (" of de|het|een|degene ..."), or 0.  Not another
 * pointer ("..., of de toeslag, bedoeld in artikel 36": a composite of
 * pointers), not another regulation or provision ("... van de Wet X of de
 * Wet Y").
 */
static size_t extending_alternative(struct ex *x, const char *orig, const char *low, size_t from,
				    size_t to)
{
	static const char *const opens[] = { " of de ", " of het ", " of een ", " of degene ",
					     " of diegene ", ", of de ", ", of het ", ", of een ",
					     " dan wel de ", " dan wel het ", " dan wel een ",
					     " dan wel degene " };
	/* words that name an act or a provision, also as the end of a word
	 * ("Ziektewet", "Vreemdelingenbesluit") */
	static const char *const acts[] = { "wet", "besluit", "regeling", "verordening", "richtlijn",
					    "artikel", "artikelen", "verdrag", "hoofdstuk", "afdeling",
					    "paragraaf", "onderdeel", "lid", "bijlage", "code",
					    "reglement", "wetboek", "protocol", "overeenkomst" };
	size_t at = to;
	tmatch m;

	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		const char *p = memmem(low + from, to - from, opens[k], strlen(opens[k]));
		if (p && (size_t)(p - low) < at)
			at = (size_t)(p - low);
	}
	if (at >= to)
		return 0;
	{
		size_t a = at + 1, e;
		while (low[a] == ',' || low[a] == ' ')
			a++;
		a += low[a] == 'o' ? 3 : 8;   /* "of ", "dan wel " */
		e = a;
		while (e < to && low[e] != ';')
			e++;
		if (form_match(x->lex, x->pre, BG_TRIG_REFERENCE, low + a, e - a, NULL, &m))
			return 0;
		/* a name in its first words ("... in de zin van de Wet WIA of
		 * de WAO") */
		for (size_t i = a; i < e && i < a + 40;) {
			if (orig[i] >= 'A' && orig[i] <= 'Z')
				return 0;
			while (i < e && low[i] != ' ')
				i++;
			i++;
		}
		for (size_t i = a; i < e;) {
			size_t j = i;
			while (j < e && low[j] != ' ' && low[j] != ',' && low[j] != '.')
				j++;
			for (size_t k = 0; k < sizeof acts / sizeof *acts; k++) {
				size_t al = strlen(acts[k]);
				if (j - i >= al && !memcmp(low + j - al, acts[k], al))
					return 0;
			}
			i = j + 1;
		}
		return a;
	}
}

/* Where a restricting clause ([trigger restriction]: "die ...", "zonder
 * ...", "in de kosten van ...") opens at low[t..n), past spaces and
 * commas; (size_t)-1 when none does. */
static size_t restriction_at(struct ex *x, const char *low, size_t t, size_t n)
{
	tmatch m;

	while (t < n && (low[t] == ' ' || low[t] == ','))
		t++;
	if (t < n && form_match(x->lex, x->pre, BG_TRIG_RESTRICTION, low + t, n - t, NULL, &m) &&
	    m.so == 0)
		return t;
	return (size_t)-1;
}

/* A pointer without a usable link ("een SWI-centrum als bedoeld in het
 * Samenwerkingsbesluit SWI (Stb. 1997, 804), dat voldoet aan de bij of
 * krachtens dat besluit gestelde eisen"): where a restricting clause
 * opens after a comma outside brackets, within MAX_RESTRICT_GAP bytes of
 * the trigger's end at `from`, or 0. */
#define MAX_RESTRICT_GAP 120
static size_t restriction_after_comma(struct ex *x, const char *low, size_t from, size_t n)
{
	int depth = 0;

	for (size_t k = from; k < n && k < from + MAX_RESTRICT_GAP; k++) {
		size_t t;
		if (low[k] == '(')
			depth++;
		else if (low[k] == ')' && depth > 0)
			depth--;
		else if (low[k] == ';')
			return 0;
		else if (low[k] == ',' && !depth && (t = restriction_at(x, low, k + 1, n)) != (size_t)-1)
			return t;
	}
	return 0;
}

static void analyse_body(struct ex *x, bg_def *d, const bg_node *prov, const char *body,
			 size_t n, bool same_meaning)
{
	const bg_ref *refs = bg_doc_refs(x->doc);
	tmatch m, mod;
	size_t head_end, rest, ref_at, best_pos = (size_t)-1, premod, alt;
	bool have_mod;
	const bg_ref *best = NULL;
	bg_buf low = BG_BUF_INIT;

	trig_lower(body, n, &low);
	if (!bg_buf_ok(&low)) {
		x->st = BG_ERR_NOMEM;
		return;
	}
	if (!form_match(x->lex, x->pre, BG_TRIG_REFERENCE, low.s, low.len, NULL, &m)) {
		if (!same_meaning) {
			bg_buf_release(&low);
			return;
		}
		/* "dezelfde betekenis als" was the trigger: what follows names
		 * the source */
		memset(&m, 0, sizeof m);
	}
	head_end = m.so;
	/* a trigger that reads the whole body ("kinderbijslag op grond van de
	 * Algemene Kinderbijslagwet") reads no relative clause: "inkomen dat
	 * op grond van artikel 34 van de Werkloosheidswet in mindering is
	 * gebracht" describes in its own words */
	if (!same_meaning && m.so == 0 && m.eo + 1 >= low.len &&
	    relative_head(low.s, cite_inside(low.s, m.eo))) {
		bg_buf_release(&low);
		return;
	}
	/* "minimumloon: voor de persoon, bedoeld in artikel 2, het
	 * minimumloon per maand ...": the pointer names the case, and the
	 * body that follows is the definition */
	if (!same_meaning && (case_head(low.s, head_end) ||
			      (embedded_head(low.s, head_end) &&
			       !premodified_head(body, low.s, head_end, d->term)))) {
		bg_buf_release(&low);
		return;
	}
	/* a longer head without a relative clause still points when the
	 * pointer is then restricted ("de exclusieve economische zone van het
	 * Koninkrijk, bedoeld in artikel 1 van de Rijkswet ..., voor zover
	 * ..."): the definition is the other one, modified */
	premod = same_meaning || relative_head(low.s, head_end) ? 0 :
		 premodified_head(body, low.s, head_end, d->term);
	if (!same_meaning && !head_is_term(low.s, head_end, d->term) && !premod &&
	    (!head_term_complement(low.s, head_end, d->term) || relative_head(low.s, head_end)) &&
	    (relative_head(low.s, head_end) ||
	     (words_in(body, head_end) > MAX_HEAD_WORDS &&
	      (words_in(body, head_end) > 2 * MAX_HEAD_WORDS ||
	       !form_match(x->lex, x->pre, BG_TRIG_MODIFIER, low.s + m.eo, low.len - m.eo,
			   NULL, &mod))))) {
		bg_buf_release(&low);
		return;
	}
	/* alternatives up to a modifier ("loon in de zin van ..., verminderd
	 * met: a; b; c" is one) */
	have_mod = form_match(x->lex, x->pre, BG_TRIG_MODIFIER, low.s + m.eo, low.len - m.eo,
			      NULL, &mod);
	if (!same_meaning && (own_alternative(x, low.s, m.eo, have_mod ? m.eo + mod.so : low.len) ||
			      case_split(low.s, low.len))) {
		bg_buf_release(&low);
		return;
	}
	d->kind = BG_DEF_REFERENCE;
	/* the citation follows the trigger ("bedoeld in artikel 3"), or the
	 * trigger holds it ("het in artikel 8, eerste lid, van de Wet X
	 * bedoelde bedrag", "hetgeen daaronder in artikel 13 van de Wet X
	 * wordt verstaan"): then the target is read from the citation on */
	ref_at = m.so + cite_inside(low.s + m.so, m.eo - m.so);
	if (ref_at >= m.eo)
		ref_at = m.eo;
	rest = n - ref_at;
	/* a citation inside the trigger ends at its participle: "het met
	 * toepassing van de artikelen 2 of 3 berekende bedrag van de
	 * uitkering" names no regulation "uitkering" */
	if (ref_at < m.eo && m.eo < n && participle_end(low.s + m.so, m.eo - m.so))
		rest = m.eo - ref_at;
	if (rest > MAX_REF_TEXT)
		rest = MAX_REF_TEXT;
	d->ref_text = dup(x, body + ref_at, rest);

	/* a marked-up reference after the trigger */
	for (size_t i = 0; i < bg_doc_ref_count(x->doc); i++) {
		const bg_ref *r = &refs[i];
		const char *at;

		if (!r->text[0] || !ref_within(r, prov))
			continue;
		at = memmem(body + m.so, n - m.so, r->text, strlen(r->text));
		if (at && (size_t)(at - body) < best_pos) {
			best_pos = (size_t)(at - body);
			best = r;
		}
	}
	if (best && (best->bwb_id[0] || best->artikel[0]) && best_pos < m.eo + 120) {
		d->ref_marked_up = true;
		d->target_bwb_id = best->bwb_id[0] ? dup(x, best->bwb_id, strlen(best->bwb_id))
						  : x->bwb;
		d->target_article = dup(x, best->artikel, strlen(best->artikel));
		d->target_lid = dup(x, best->lid, strlen(best->lid));
	}

	if (have_mod && !in_act_title(low.s + m.eo, mod.so)) {
		size_t start = m.eo + mod.so, s;
		/* a modifier in a later sentence: the modification is that
		 * sentence ("nr. 73/239" is no sentence end) */
		for (s = start; s > m.eo; s--)
			if (body[s - 1] == ' ' && s >= 2 && body[s - 2] == '.' &&
			    body[s] >= 'A' && body[s] <= 'Z')
				break;
		if (s > m.eo)
			start = s;
		while (start < n && (body[start] == ',' || body[start] == ' '))
			start++;
		d->kind = BG_DEF_MODIFIED_REFERENCE;
		d->modification = dup(x, body + start, n - start);
	} else if ((alt = extending_alternative(x, body, low.s, m.eo, low.len)) != 0) {
		d->kind = BG_DEF_MODIFIED_REFERENCE;
		d->modification = dup(x, body + alt, n - alt);
	} else if (premod) {
		/* the words before the term restrict what the pointer names */
		size_t i = 0;
		while (i < premod && body[i] == ' ')
			i++;
		d->kind = BG_DEF_MODIFIED_REFERENCE;
		d->modification = dup(x, body + i, premod - i);
	} else if (!d->ref_marked_up && (alt = restriction_after_comma(x, low.s, m.eo, low.len))) {
		d->kind = BG_DEF_MODIFIED_REFERENCE;
		d->modification = dup(x, body + alt, n - alt);
	} else if (best && d->ref_marked_up) {
		/* words right after the linked citation that restrict what it
		 * points to: "een tegemoetkoming als bedoeld in <artikel 2 van
		 * de Awir> in de kosten van kinderopvang", "..., die ...",
		 * "..., zonder eigen aandrijving" (lexicon: [trigger
		 * restriction], patterns anchored at the citation's end) */
		size_t t0 = restriction_at(x, low.s, best_pos + strlen(best->text), low.len);
		if (t0 != (size_t)-1) {
			d->kind = BG_DEF_MODIFIED_REFERENCE;
			d->modification = dup(x, body + t0, n - t0);
		}
	}
	bg_buf_release(&low);
}

/* Whether t[0..at) is repeated, whole words, right after the separator
 * at t[at] (t: n bytes): "houder; houder als bedoeld in ...". */
static bool repeated_after(const char *t, size_t at, size_t n)
{
	size_t b = 0, e = at, r = at + 1;

	while (b < e && is_space(t[b]))
		b++;
	while (e > b && is_space(t[e - 1]))
		e--;
	while (r < n && is_space(t[r]))
		r++;
	return e > b && r + (e - b) <= n && !strncasecmp(t + b, t + r, e - b) &&
	       (r + (e - b) == n || !is_letter_at(t + r + (e - b)));
}

static void item_definitions(struct ex *x, const bg_node *list);

/* The first paragraph with text in the subtree of n, or NULL. */
static const bg_node *first_text(const bg_node *n)
{
	for (const bg_node *c = n; c; c = bg_node_next(n, c))
		if (c->kind == BG_N_AL && c->text_len)
			return c;
	return NULL;
}

/* Records a list item "term: body" (or a definitie-item). */
static void list_item(struct ex *x, const bg_node *li, const struct scope *sc)
{
	const bg_node *first = NULL;
	const char *t, *colon = NULL;
	size_t so, eo, tn, off = 0;
	bg_buf text = BG_BUF_INIT;
	bg_def *d;
	int depth = 0;

	/* an item without words of its own whose sub-items each define a
	 * term ("d. 1° Koninkrijk: ...; 2° Rijk: ..."): one record per sub-item */
	if (li->kind == BG_N_LI) {
		const bg_node *sub = NULL;
		bool own_text = false;
		for (const bg_node *c = li->first_child; c; c = c->next) {
			if (c->kind == BG_N_AL && c->text_len)
				own_text = true;
			else if (c->kind == BG_N_LIJST && !sub)
				sub = c;
		}
		if (!own_text && sub) {
			for (const bg_node *c = sub->first_child; c && x->st == BG_OK; c = c->next)
				if (c->kind == BG_N_LI)
					list_item(x, c, sc);
			return;
		}
	}
	if (!(first = first_text(li)))
		return;
	t = first->text;
	tn = first->text_len < MAX_TERM_BYTES + 4 ? first->text_len : MAX_TERM_BYTES + 4;
	for (size_t i = 0; i < tn; i++) {
		if (t[i] == '(')
			depth++;
		else if (t[i] == ')' && depth > 0)
			depth--;
		else if (t[i] == ':' && !depth) {
			colon = t + i;
			break;
		} else if (t[i] == ';' && !depth && repeated_after(t, i, first->text_len)) {
			/* "certificaat van goedkeuring; certificaat van
			 * goedkeuring van het wegvervoermiddel als bedoeld
			 * in ...": a semicolon for the colon */
			colon = t + i;
			break;
		}
	}
	if (!colon && quoted_term(t, first->text_len, &so, &eo, &off)) {
		clean_term(t, &so, &eo);
		if (eo <= so || !plausible_list_term(t + so, eo - so))
			return;
		d = new_def(x, li, first, t + so, eo - so, BG_DEF_OWN, sc);
		if (!d)
			return;
		bg_node_text(li, &text);
		{
			/* the body: this paragraph after the quoted term, and
			 * whatever follows it in the item */
			const char *at = memmem(text.s, text.len, t + off, first->text_len - off);
			size_t b = at ? (size_t)(at - text.s) : 0;
			d->text = dup(x, text.s + b, text.len - b);
			analyse_body(x, d, li, text.s + b, text.len - b, false);
		}
		bg_buf_release(&text);
		return;
	}
	if (!colon) {
		/* "2.1 Zorgaanbieder" with the meaning in the next paragraph */
		const bg_node *second = NULL;
		for (const bg_node *c = bg_node_next(li, first); c; c = bg_node_next(li, c))
			if (c->kind == BG_N_AL && c->text_len) {
				second = c;
				break;
			}
		if (!second || first->text_len > 80 || words_in(t, first->text_len) > 5 ||
		    t[first->text_len - 1] == ';' || t[first->text_len - 1] == '.' ||
		    t[first->text_len - 1] == ',')
			return;
		so = 0;
		eo = first->text_len;
		clean_term(t, &so, &eo);
		if (eo <= so || !plausible_term(t + so, eo - so))
			return;
		d = new_def(x, li, first, t + so, eo - so, BG_DEF_OWN, sc);
		if (!d)
			return;
		for (const bg_node *c = second; c; c = bg_node_next(li, c))
			if ((c->kind == BG_N_AL || c->kind == BG_N_TERM) && c->text_len) {
				if (text.len)
					bg_buf_addc(&text, ' ');
				bg_buf_add(&text, c->text, c->text_len);
			}
		d->text = dup(x, text.s, text.len);
		analyse_body(x, d, li, text.s, text.len, false);
		bg_buf_release(&text);
		return;
	}
	so = 0;
	eo = (size_t)(colon - t);
	clean_term(t, &so, &eo);
	if (eo <= so || !plausible_list_term(t + so, eo - so))
		return;
	bg_node_text(li, &text);
	if (!bg_buf_ok(&text)) {
		x->st = BG_ERR_NOMEM;
		return;
	}
	d = new_def(x, li, first, t + so, eo - so, BG_DEF_OWN, sc);
	if (d) {
		/* body: what follows the colon, sub-items included */
		const char *b = memchr(text.s, *colon, text.len);
		off = b ? (size_t)(b - text.s) + 1 : 0;
		while (off < text.len && text.s[off] == ' ')
			off++;
		d->text = dup(x, text.s + off, text.len - off);
		analyse_body(x, d, li, text.s + off, text.len - off, false);
	}
	bg_buf_release(&text);
	/* "b. woongelegenheid: ... 2°. woonwagen, zijnde een voor bewoning
	 * bestemd gebouw ...": a sub-item may define a word of its own */
	if (d && li->kind == BG_N_LI)
		for (const bg_node *c = li->first_child; c && x->st == BG_OK; c = c->next)
			if (c->kind == BG_N_LIJST)
				item_definitions(x, c);
}

/* "a.", "1°", "2)": an item number on its own. */
static bool item_number_text(const char *t, size_t len, char *nr, size_t cap)
{
	size_t k = 0, digits = 0, letters = 0, roman = 0;

	nr[0] = '\0';
	if (!len || len > 6)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == '.' || c == ')' || c == ' ')
			continue;
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80))
			return false;
		digits += c >= '0' && c <= '9';
		letters += c >= 'a' && c <= 'z';
		roman += c == 'i' || c == 'v' || c == 'x';
		if (k + 1 < cap)
			nr[k++] = (char)c;
	}
	nr[k] = '\0';
	/* "a.", "aa.", "1.", "12a", "1°", "iv.": not a short word ("melk",
	 * the term cell of a table without numbers) */
	if (k > 0 && (letters <= 2 || roman == letters) && (!digits || letters <= 1))
		return true;
	nr[0] = '\0';
	return false;
}

static bool item_number(const bg_node *n, char *nr, size_t cap)
{
	if (n->kind == BG_N_AL)
		return item_number_text(n->text, n->text_len, nr, cap);
	nr[0] = '\0';
	return false;
}

/*
 * The rows that continue a table row's body: "a." "bloembollen:" "1. bollen
 * of knollen ...;" and then rows whose number and term cells are empty, ""
 * "" "2. afgebroeide bloembollen;" (BWBR0026188).  From n on, every run of
 * empty cells followed by a cell that is neither an item number nor a term
 * ("factuurbedrag:") adds that cell to body; *last becomes the last cell
 * taken.  Returns where the next row starts (past empty cells).
 */
static const bg_node *continuation_rows(const bg_node *n, bg_buf *body, const bg_node **last)
{
	char nr[16];

	for (;;) {
		const bg_node *p = n;
		size_t empty = 0;

		while (p && p->kind == BG_N_AL && !p->text_len) {
			p = p->next;
			empty++;
		}
		if (!empty)
			return n;
		if (!p || p->kind != BG_N_AL || item_number(p, nr, sizeof nr) ||
		    p->text[p->text_len - 1] == ':')
			return p;
		bg_buf_addc(body, ' ');
		bg_buf_add(body, p->text, p->text_len);
		*last = p;
		n = p->next;
	}
}

/*
 * Definitions laid out as a table, which the reader flattens into
 * paragraphs: ["a."] "term" ": body" per row.  Returns the last paragraph
 * used, or NULL when the paragraphs after `al` are not such rows.
 */
static const bg_node *table_rows(struct ex *x, const bg_node *al, const struct scope *sc)
{
	const bg_node *n = al->next, *last = NULL;
	bg_buf body = BG_BUF_INIT;

	while (n && x->st == BG_OK) {
		const bg_node *term = n, *def;
		char nr[16] = "";
		size_t so = 0, eo, off = 0;
		bg_def *d;

		if (item_number(n, nr, sizeof nr))
			term = n->next;
		if (!term || term->kind != BG_N_AL || !term->text_len || term->text_len > 120)
			break;
		def = term->next;
		eo = term->text_len;
		if (memchr(term->text, ':', eo) && term->text[eo - 1] != ':')
			break; /* "term: body" in one paragraph: not a table row */
		if (!def || def->kind != BG_N_AL || !def->text_len ||
		    (def->text[0] != ':' && term->text[eo - 1] != ':'))
			break;
		/* the term cell may repeat the number cell: "i." "i. visproducten" */
		if (term != n && n->text_len < eo && !memcmp(term->text, n->text, n->text_len) &&
		    term->text[n->text_len] == ' ')
			so = n->text_len;
		/* "a. de voorzitter", "b) wateronderzoek": the number and the
		 * term in one cell */
		if (!nr[0]) {
			size_t sp = so;
			while (sp < eo && sp < so + 7 && term->text[sp] != ' ')
				sp++;
			if (sp < eo && sp > so + 1 &&
			    (term->text[sp - 1] == '.' || term->text[sp - 1] == ')') &&
			    item_number_text(term->text + so, sp - so, nr, sizeof nr))
				so = sp;
			/* "a.bloemkwekerijproducten:": no space after the
			 * number (BWBR0025141) */
			for (sp = so + 1; !nr[0] && sp < eo && sp < so + 4; sp++)
				if ((term->text[sp] == '.' || term->text[sp] == ')') && sp + 1 < eo &&
				    is_letter_at(term->text + sp + 1) &&
				    item_number_text(term->text + so, sp + 1 - so, nr, sizeof nr))
					so = sp + 1;
		}
		clean_term(term->text, &so, &eo);
		if (eo > so + 1 && term->text[eo - 1] == '.' &&
		    !memchr(term->text + so, '.', eo - 1 - so))
			eo--;   /* "e) analyse hygiënogram." (not "N.A.K.") */
		/* after "verstaan onder:" a term cell need only look like a
		 * name ("ontvanger van (geiten)melk") */
		if (eo <= so || !plausible_list_term(term->text + so, eo - so))
			break;
		d = new_def(x, bg_node_provision(term), term, term->text + so, eo - so, BG_DEF_OWN, sc);
		if (!d)
			break;
		if (nr[0])
			d->item = dup(x, nr, strlen(nr));
		while (off < def->text_len && (def->text[off] == ':' || def->text[off] == ' '))
			off++;
		/* a column of its own for the colon: the body is the next one */
		if (off == def->text_len && def->next && def->next->kind == BG_N_AL &&
		    def->next->text_len) {
			def = def->next;
			off = 0;
		}
		bg_buf_clear(&body);
		bg_buf_add(&body, def->text + off, def->text_len - off);
		last = def;
		n = continuation_rows(def->next, &body, &last);
		d->text = dup(x, body.s, body.len);
		analyse_body(x, d, bg_node_provision(def), body.s, body.len, false);
	}
	bg_buf_release(&body);
	return last;
}

static void deflist(struct ex *x, const bg_node *dl)
{
	struct scope sc;
	const bg_node *intro = NULL;

	/* a preceding paragraph may state the scope */
	for (const bg_node *c = dl->parent ? dl->parent->first_child : NULL; c && c != dl; c = c->next)
		if (c->kind == BG_N_AL)
			intro = c;
	if (intro) {
		bg_lower_ascii(intro->text, intro->text_len, &x->low);
		find_scope(x, intro, intro->text, x->low.s, x->low.len, NULL, &sc);
	} else {
		sc.kind = "regulation";
		sc.text = "";
		sc.addr = bg_doc_root(x->doc)->address;
	}
	for (const bg_node *it = dl->first_child; it; it = it->next) {
		const bg_node *term = NULL, *def = NULL;
		bg_buf text = BG_BUF_INIT;
		size_t so = 0, eo;
		bg_def *d;

		if (it->kind != BG_N_DEFITEM)
			continue;
		for (const bg_node *c = it; c; c = bg_node_next(it, c)) {
			if (c->kind == BG_N_TERM && !term)
				term = c;
			if (c->kind == BG_N_DEFINITIE && !def)
				def = c;
		}
		if (!term || !term->text_len)
			continue;
		eo = term->text_len;
		clean_term(term->text, &so, &eo);
		/* definitielijst markup also lists appointments ("tot leden:") */
		if (eo <= so || !plausible_term(term->text + so, eo - so))
			continue;
		d = new_def(x, it, it, term->text + so, eo - so, BG_DEF_OWN, &sc);
		if (!d)
			return;
		if (def)
			bg_node_text(def, &text);
		d->text = dup(x, text.s, text.len);
		analyse_body(x, d, it, text.s, text.len, false);
		bg_buf_release(&text);
	}
}

/* Has the document already a record with this term at this provision? */
static bool seen(struct ex *x, const bg_node *prov, const char *term, size_t tn)
{
	for (size_t i = x->set->n; i-- > 0;) {
		const bg_def *d = &x->set->v[i];
		if (strcmp(d->address, prov->address))
			return false;
		/* the same term, or one inside the other ("medebewoner,
		 * onderscheidenlijk partner" and "partner") */
		if (strlen(d->term) == tn && !strncasecmp(d->term, term, tn))
			return true;
		if (strlen(d->term) > tn ? memmem(d->term, strlen(d->term), term, tn) != NULL
					 : memmem(term, tn, d->term, strlen(d->term)) != NULL)
			return true;
	}
	return false;
}

/*
 * The defined term within what a trigger's term group caught:
 * "partner van de belanghebbende" defines "partner" when the words before
 * "van" are themselves a lexicon variant: the complement only names whose
 * partner it is.  Listed terms stay whole ("als gehuwd of als echtgenoot
 * (wordt aangemerkt)": one statement, term "gehuwd of als echtgenoot";
 * new_def takes the concept from the first alternative).
 */
static void term_head(struct ex *x, const char *text, size_t so, size_t *eo)
{
	static const char *const vans[] = { " van de ", " van het ", " van een ", " van zijn ",
					    " van haar ", " van diens ", " van hun " };

	for (size_t k = 0; k < sizeof vans / sizeof *vans; k++) {
		const char *p = memmem(text + so, *eo - so, vans[k], strlen(vans[k]));
		const char *c;
		size_t n;

		if (!p || p == text + so)
			continue;
		n = (size_t)(p - (text + so));
		bg_buf_clear(&x->key);
		if (bg_norm_key(x->nm, text + so, n, BG_NORM_STEM, &x->key) != BG_OK)
			continue;
		c = bg_lexicon_concept_for_key(x->lex, x->key.s);
		if (!c)
			continue;
		/* the head must be a variant itself, not merely end in one */
		for (size_t i = 0; i < bg_lexicon_count(x->lex); i++)
			for (size_t j = 0; j < bg_lexicon_variant_count(x->lex, i); j++)
				if (!strcmp(bg_lexicon_variant_key(x->lex, i, j), x->key.s)) {
					*eo = so + n;
					return;
				}
	}
}

struct cand {
	size_t so, eo;   /* the term in the text */
	size_t end;      /* end of the trigger match: the body follows */
	size_t form;     /* index in inline_forms */
};

/* The term of inline match m in text (cleaned, cut to its head) into
 * [*so, *eo); whether it is plausible as a term. */
static bool match_term(struct ex *x, const char *text, const tmatch *m, size_t *so, size_t *eo)
{
	size_t q = m->tso, qe;

	*so = m->tso;
	*eo = m->teo;
	while (q < *eo && is_space(text[q]))
		q++;
	clean_term(text, so, eo);
	/* a term in quotes is what the quotes hold, whatever its words
	 * ("onder «verzekeringen op grond van deze wet»:"): it need only be
	 * short and hold a letter */
	qe = *eo;
	while (qe < m->teo && is_space(text[qe]))
		qe++;
	if (q < *so && *eo > *so && qe < m->teo && quote_at(text + q, *so - q) &&
	    quote_at(text + qe, m->teo - qe))
		return *eo - *so <= MAX_TERM_BYTES && words_in(text + *so, *eo - *so) <= 12 &&
		       !memchr(text + *so, ':', *eo - *so);
	term_head(x, text, *so, eo);
	return *eo > *so && plausible_term(text + *so, *eo - *so);
}

/*
 * A pattern's match can run on to a later occurrence of its last word
 * ("Onder zittingscapaciteit wordt verstaan hetgeen daaronder wordt
 * verstaan in ...": the term caught "zittingscapaciteit wordt verstaan
 * hetgeen daaronder"), and the term is then no term.  Tried once more on
 * the text cut right after the first occurrence of that word past the
 * term's start; on a plausible term, m, *so and *eo are the shorter
 * match's.
 */
static bool shorter_match(struct ex *x, bg_trigger_form f, size_t j, const char *text,
			  const char *low, tmatch *m, size_t *so, size_t *eo)
{
	size_t ws = m->eo, cut;
	const char *at;
	uint64_t h = 0;
	tmatch m2;

	while (ws > m->teo && low[ws - 1] != ' ')
		ws--;
	if (ws <= m->teo || ws >= m->eo)
		return false;
	at = memmem(low + m->tso, ws - m->tso, low + ws, m->eo - ws);
	if (!at)
		return false;
	cut = (size_t)(at - low) + (m->eo - ws);
	/* the prefilter on the shorter text itself (the paragraph's presence
	 * bits are those of the whole) */
	if (cut >= m->eo || !trig_match(x->pre, f, j, low, cut, NULL, &h, &m2) ||
	    m2.teo <= m2.tso || !match_term(x, text, &m2, so, eo))
		return false;
	*m = m2;
	return true;
}

/*
 * "Een persoon ... kan kiezen voor ... indien hij daardoor wordt
 * aangemerkt als partner van een belastingplichtige": a match inside a
 * subordinate clause states a condition, not a definition.  Whether the
 * sentence up to low[at] opens such a clause that no comma or colon has
 * closed ("Indien ..., wordt onder X verstaan" closes it).
 */
static bool in_subclause(const char *low, size_t at)
{
	static const char *const conj[] = { "indien ", "wanneer ", "ingeval ", "zodra ", "nadat ",
					     "voordat ", "omdat ", "doordat " };
	size_t from = at;

	if (low[at] == '.' || low[at] == ';' || low[at] == ',')
		return false;   /* the match opens its sentence ("...; onder X wordt") or
				 * the main clause after one ("Indien ..., wordt als X
				 * aangemerkt de ...") */
	while (from > 0 && !(from >= 2 && (low[from - 2] == '.' || low[from - 2] == ';') &&
			     low[from - 1] == ' '))
		from--;
	for (size_t k = 0; k < sizeof conj / sizeof *conj; k++) {
		size_t cl = strlen(conj[k]);
		const char *p = low + from, *hit = NULL;

		while ((p = memmem(p, at - (size_t)(p - low), conj[k], cl)) != NULL) {
			if (p == low + from || p[-1] == ' ' || p[-1] == ',')
				hit = p;
			p += cl;
			if ((size_t)(p - low) >= at)
				break;
		}
		if (hit && !memchr(hit, ',', at - (size_t)(hit - low)) &&
		    !memchr(hit, ':', at - (size_t)(hit - low)))
			return true;
	}
	return false;
}

/*
 * "wordt als tegenprestatie aangemerkt de waarde die ten tijde van de
 * vervreemding in het economische verkeer ... kan worden toegekend",
 * "wordt als genoten bedrag aangemerkt, de waarde in het economische
 * verkeer van ...": a deeming (the match low[so..eo) says "aangemerkt" or
 * "beschouwd") whose body, right after the trigger's end (the body's
 * article perhaps inside the match), is a value fixes what an amount is
 * taken to be, not what the term means.
 */
static bool valuation(const char *low, size_t n, size_t so, size_t eo)
{
	static const char *const values[] = { "de waarde in het economische verkeer", "de waarde die ",
					      "de waarde welke " };
	size_t at = eo;

	/* deemings only: "wordt verstaan de waarde ..." defines; "wordt als
	 * tegenprestatie aangemerkt het bedrag dat ..." names an amount of its
	 * own and stays */
	if (!memmem(low + so, eo - so, "aangemerkt", 10) && !memmem(low + so, eo - so, "beschouwd", 9))
		return false;

	/* back over the body's article when the trigger took it */
	while (at > 0 && low[at - 1] == ' ')
		at--;
	if (at >= 3 && !memcmp(low + at - 3, " de", 3))
		at -= 2;
	else if (at >= 4 && !memcmp(low + at - 4, " het", 4))
		at -= 3;
	else
		while (at < n && (low[at] == ' ' || low[at] == ','))
			at++;
	for (size_t k = 0; k < sizeof values / sizeof *values; k++) {
		size_t l = strlen(values[k]);
		if (n - at >= l && !memcmp(low + at, values[k], l))
			return true;
	}
	return false;
}

/* The inline candidate of text[0..n) (low: its lowered copy) whose term
 * comes first; on a tie the earlier form (exclusions before definitions).
 * bits: presence bits of low[0..n), or NULL to compute them. */
static bool best_candidate(struct ex *x, const char *text, const char *low, size_t n,
			   const uint64_t *bits, struct cand *best)
{
	bool have = false;
	int terms = -1;   /* whether the text may name a lexicon concept; -1 not known */
	uint64_t own[PRE_MAXW], h = 0;

	if (!bits)
		bits = presence(x->pre, low, n, own);
	for (size_t f = 0; f < sizeof inline_forms / sizeof *inline_forms; f++) {
		bg_trigger_form ff = inline_forms[f].f;
		const struct req *rq = x->pre->req[ff];
		const bg_trigger *const *tv = x->pre->trig[ff];
		size_t nt = x->pre->ntrig[ff];

		for (size_t j = 0; j < nt; j++) {
			const bg_trigger *t = tv[j];
			tmatch m;
			size_t so, eo;

			/* a text the trigger's require turns away comes no
			 * further (trig_match would say no match): most do,
			 * and here it costs a test of bits, not a call */
			if (bits && !req_ok(&rq[j], bits))
				continue;

			/* the scan for a concept's word only where the
			 * trigger's require lets the text through */
			if (t->lexicon_only && terms < 0 &&
			    trig_required(x->pre, t, inline_forms[f].f, j, low, n, bits))
				terms = !x->pre->terms || bg_stemstarts_maybe(x->pre->terms, low, n);
			if ((t->lexicon_only && !terms) || t->defined_only)
				continue;   /* defined_only: defined_pass */
			if (!trig_match(x->pre, inline_forms[f].f, j, low, n, bits, &h, &m) ||
			    m.teo <= m.tso)
				continue;
			if (!match_term(x, text, &m, &so, &eo) &&
			    !shorter_match(x, inline_forms[f].f, j, text, low, &m, &so, &eo))
				continue;
			if (in_subclause(low, m.so) || valuation(low, n, m.so, m.eo))
				continue;
			if (t->lexicon_only &&
			    !bg_lexicon_concept_for_term(x->lex, x->nm, text + so, eo - so))
				continue;
			if (have && so >= best->so)
				continue;
			have = true;
			best->so = so;
			best->eo = eo;
			best->end = m.eo > eo ? m.eo : eo;
			best->form = f;
		}
	}
	return have;
}

/* A marked-up reference of provision prov to another regulation whose
 * citation text stands in text[at..to): right at `at` when `here`, else
 * anywhere in it.  The first such reference, or NULL. */
static const bg_ref *other_ref(struct ex *x, const bg_node *prov, const char *text, size_t at,
			       size_t to, bool here)
{
	const bg_ref *refs = bg_doc_refs(x->doc);

	for (size_t i = 0; i < bg_doc_ref_count(x->doc); i++) {
		const bg_ref *r = &refs[i];
		size_t rl = strlen(r->text);

		if (!rl || !r->bwb_id[0] || !strcmp(r->bwb_id, x->bwb) || at + rl > to)
			continue;
		if (here ? memcmp(text + at, r->text, rl) != 0
			 : memmem(text + at, to - at, r->text, rl) == NULL)
			continue;
		if (ref_within(r, prov))
			return r;
	}
	return NULL;
}

/*
 * "In aanvulling op artikel 5a van de Algemene wet inzake
 * rijksbelastingen wordt ... onder partner mede verstaan ...", "In
 * afwijking van artikel 3 van de Awir wordt ... als partner aangemerkt":
 * the provision adds to or departs from another regulation's definition,
 * named by a marked-up reference at the opening of the sentence before
 * the term (low[0..so)).  That reference, or NULL.  An addition to the
 * regulation's own provisions ("In aanvulling op het eerste lid") is no
 * such pointer.
 */
static const bg_ref *amends_other(struct ex *x, const bg_node *prov, const char *text,
				  const char *low, size_t so)
{
	static const char *const opens[] = { "in aanvulling op ", "in afwijking van " };
	const bg_ref *r;

	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		size_t ol = strlen(opens[k]), at;
		const char *p = memmem(low, so, opens[k], ol);

		if (!p)
			continue;
		at = (size_t)(p - low);
		if (at && !(at >= 2 && (low[at - 2] == '.' || low[at - 2] == ';') && low[at - 1] == ' '))
			continue;
		at += ol;
		if (so - at > 15 && !memcmp(low + at, "het bepaalde in ", 16))
			at += 16;
		if ((r = other_ref(x, prov, text, at, so, true)) != NULL)
			return r;
	}
	return NULL;
}

/* Whether candidate c's trigger extends its term: "mede", "ook",
 * "tevens", "eveneens" or "voorts" between the term and the trigger's end
 * (low: the lowered text). */
static bool extends_word(const char *low, const struct cand *c)
{
	static const char *const more[] = { " mede ", " ook ", " tevens ", " eveneens ", " voorts " };

	return c->end > c->eo &&
	       first_of(low + c->eo, c->end - c->eo, more, sizeof more / sizeof *more) < c->end - c->eo;
}

/*
 * "Onder inkomen als bedoeld in artikel 44, eerste lid, van de WAO ...
 * worden mede verstaan de volgende uitkeringen": the term is another
 * regulation's, named by a marked-up reference between the term and the
 * trigger's end, and the trigger extends it (mede, ook, tevens, eveneens,
 * voorts).  That reference, or NULL.  Giving the meaning of the other
 * regulation's term ("Onder natuurterreinen als bedoeld in artikel 5.7 van
 * de wet worden verstaan heidevelden, ...") is the regulation's own
 * definition; so is extending a term of its own ("Onder bloedverwant in de
 * eerste graad als bedoeld in het derde lid wordt mede verstaan").
 */
static const bg_ref *extends_other(struct ex *x, const bg_node *prov, const char *text,
				   const char *low, const struct cand *c)
{
	const char *b;

	if (!extends_word(low, c) || !(b = memmem(low + c->so, c->end - c->so, "bedoeld ", 8)))
		return NULL;
	return other_ref(x, prov, text, (size_t)(b - low), c->end, false);
}

/* Where in s[0..n) a pointer back to an article the sentence named
 * before opens ("in dat artikel", "in die artikelen"), or n. */
static size_t back_pointer(const char *s, size_t n)
{
	static const char *const backs[] = { "in dat artikel ", "in die artikelen ", "bij dat artikel ",
					     "in datzelfde artikel ", "in hetzelfde artikel " };

	return first_of(s, n, backs, sizeof backs / sizeof *backs);
}

/* The last marked-up reference of provision prov to an article in the
 * sentence before text[so] (of another regulation only when `other`), or
 * NULL: what "dat artikel" points back to. */
static const bg_ref *ref_before(struct ex *x, const bg_node *prov, const char *text, size_t so,
				bool other)
{
	const bg_ref *refs = bg_doc_refs(x->doc), *best = NULL;
	size_t from = so, best_at = 0;

	while (from && !(from >= 2 && text[from - 2] == '.' && text[from - 1] == ' '))
		from--;
	for (size_t i = 0; i < bg_doc_ref_count(x->doc); i++) {
		const bg_ref *r = &refs[i];
		size_t rl = strlen(r->text);
		const char *at, *p;

		if (!rl || !r->artikel[0] || !ref_within(r, prov) || so - from < rl ||
		    (other && (!r->bwb_id[0] || !strcmp(r->bwb_id, x->bwb))))
			continue;
		for (at = NULL, p = text + from;
		     (p = memmem(p, so - (size_t)(p - text), r->text, rl)) != NULL; p++)
			at = p;
		if (at && (!best || (size_t)(at - text) >= best_at)) {
			best = r;
			best_at = (size_t)(at - text);
		}
	}
	/* "de artikelen 100 en 104 van de Wet X ... die artikelen": of a
	 * group of citations, the first */
	for (bool moved = best != NULL; moved;) {
		moved = false;
		for (size_t i = 0; i < bg_doc_ref_count(x->doc) && !moved; i++) {
			const bg_ref *r = &refs[i];
			size_t rl = strlen(r->text), g;

			if (r == best || !rl || !r->artikel[0] || !ref_within(r, prov) ||
			    strcmp(r->bwb_id, best->bwb_id) != 0)
				continue;
			for (g = 1; g <= 5 && best_at >= from + g + rl; g++)
				if (!memcmp(text + best_at - g - rl, r->text, rl) &&
				    strspn(text + best_at - g, " ,enof") == g) {
					best = r;
					best_at -= g + rl;
					moved = true;
					break;
				}
		}
	}
	return best;
}

/*
 * "Indien de uitkering met inachtneming van artikel 3 is verleend, worden
 * ... als belanghebbenden aangemerkt de in dat artikel bedoelde personen":
 * a body that points back ("in dat artikel", "in die artikelen") names no
 * provision itself; its target is the last marked-up reference of the
 * provision in the sentence before the term (text[0..so)), or NULL.
 */
static const bg_ref *anaphora_ref(struct ex *x, const bg_node *prov, const char *text, size_t so,
				  const char *body, size_t bn)
{
	if (back_pointer(body, bn < 24 ? bn : 24) > 12)
		return NULL;
	return ref_before(x, prov, text, so, false);
}

/*
 * "Voor de toepassing van artikel 36 WW wordt onder de in dat artikel
 * bedoelde uitkeringen, voor zover ..., mede verstaan de
 * overhevelingstoeslag ...": the term is the cited article's, named by
 * pointing back to it, and the trigger extends it (mede, ook, tevens,
 * eveneens, voorts): another regulation's definition, modified.  That
 * regulation's reference, or NULL.
 */
static const bg_ref *extends_back(struct ex *x, const bg_node *prov, const char *text,
				  const char *low, const struct cand *c)
{
	size_t from = c->so > 40 ? c->so - 40 : 0, e = c->so;

	if (!extends_word(low, c))
		return NULL;
	while (e > from && low[e - 1] == ' ')
		e--;
	if (back_pointer(low + from, e - from) == e - from ||
	    !(e - from > 8 && (!memcmp(low + e - 8, "bedoelde", 8) || !memcmp(low + e - 8, "genoemde", 8))))
		return NULL;
	return ref_before(x, prov, text, c->so, true);
}

/* Whether the trigger that ends at low[end] closes with the conjunction of
 * a condition ("Van X is sprake indien ...", "is sprake van benadeling ...
 * indien de werknemer tijdens het verlengde tijdvak, bedoeld in artikel
 * 25, ..."): the body is the condition, in its own words, and a pointer in
 * it is about a part of the condition, not what the term means. */
static bool condition_body(const char *low, size_t end)
{
	static const char *const conj[] = { " indien", " wanneer", " zodra", " ingeval", " zolang" };

	while (end && low[end - 1] == ' ')
		end--;
	for (size_t k = 0; k < sizeof conj / sizeof *conj; k++) {
		size_t l = strlen(conj[k]);
		if (end >= l && !memcmp(low + end - l, conj[k], l))
			return true;
	}
	return false;
}

/* Records the candidate c of text[0..n) (low: its lowered copy) at
 * provision prov. */
static void inline_def(struct ex *x, const bg_node *prov, const bg_node *al, const char *text,
		       const char *low, size_t n, const struct cand *c, const struct scope *sc)
{
	bg_buf body = BG_BUF_INIT;
	bg_def *d;

	d = new_def(x, prov, al, text + c->so, c->eo - c->so, inline_forms[c->form].kind, sc);
	if (!d)
		return;
	bg_node_text(prov, &body);
	d->text = dup(x, body.s, body.len);
	bg_buf_release(&body);
	if (inline_forms[c->form].kind != BG_DEF_NEGATIVE && !condition_body(low, c->end))
		analyse_body(x, d, prov, text + c->end, n - c->end,
			     inline_forms[c->form].f == BG_TRIG_SAME_MEANING);
	if (d->kind == BG_DEF_REFERENCE && !d->target_article[0] && x->st == BG_OK) {
		const bg_ref *r = anaphora_ref(x, prov, text, c->so, low + c->end, n - c->end);
		if (r) {
			d->ref_marked_up = true;
			d->target_bwb_id = r->bwb_id[0] ? dup(x, r->bwb_id, strlen(r->bwb_id)) : x->bwb;
			d->target_article = dup(x, r->artikel, strlen(r->artikel));
			d->target_lid = dup(x, r->lid, strlen(r->lid));
		}
	}
	if (d->kind == BG_DEF_OWN && x->st == BG_OK) {
		const bg_ref *r = amends_other(x, prov, text, low, c->so);
		if (!r)
			r = extends_other(x, prov, text, low, c);
		if (!r)
			r = extends_back(x, prov, text, low, c);
		if (r) {
			d->kind = BG_DEF_MODIFIED_REFERENCE;
			d->ref_marked_up = true;
			d->ref_text = dup(x, r->text, strlen(r->text));
			d->target_bwb_id = dup(x, r->bwb_id, strlen(r->bwb_id));
			d->target_article = dup(x, r->artikel, strlen(r->artikel));
			d->target_lid = dup(x, r->lid, strlen(r->lid));
			d->modification = dup(x, text + c->end, n - c->end);
		}
	}
}

/*
 * A paragraph ending in ":" whose list items complete its sentence ("In
 * deze wet wordt: a. als gehuwd mede aangemerkt ...; b. ..."): each item
 * read together with the intro may define a term, recorded at the item.
 */
static void later_definitions(struct ex *x, const bg_node *prov, const bg_node *al,
			      const char *text, const char *low, size_t n, size_t from);

/*
 * An item of a list whose intro defines nothing that is a definition by
 * itself: "Tenzij het zinsverband anders vereist, hebben in deze
 * Overeenkomst ... de volgende termen de daaraan hierbij toegekende
 * betekenis:" + "a. onder „het Verdrag" wordt verstaan: ..." (the Dutch
 * text of a treaty), "d. onder t-2 wordt verstaan het tweede jaar ...".
 * Read alone, the item opens its own sentence; only an item that says
 * "verstaan" is tried (the intro's lists are many).  low: the item's text
 * lowered (split_list's, after the intro and its space: trig_lower gives
 * the same bytes there as for the item alone).
 */
static void item_alone(struct ex *x, const bg_node *li, const bg_node *first, const char *low)
{
	struct cand c;
	struct scope sc;
	size_t n = first->text_len;

	if (n < 12 || !memmem(first->text, n, "verstaan", 8))
		return;
	if (!best_candidate(x, first->text, low, n, NULL, &c) ||
	    seen(x, li, first->text + c.so, c.eo - c.so))
		return;
	find_scope(x, first, first->text, low, n, NULL, &sc);
	inline_def(x, li, first, first->text, low, n, &c, &sc);
}

static void split_list(struct ex *x, const bg_node *al, const bg_node *list)
{
	bg_buf joined = BG_BUF_INIT, low = BG_BUF_INIT;
	struct scope sc;
	bool have_scope = false;
	int no_colon = -1;   /* whether the intro cannot be read without its colon; -1 not known */

	for (const bg_node *li = list->first_child; li && x->st == BG_OK; li = li->next) {
		const bg_node *first;
		struct cand c;

		if (li->kind != BG_N_LI || !(first = first_text(li)))
			continue;
		bg_buf_clear(&joined);
		bg_buf_add(&joined, al->text, al->text_len);
		bg_buf_addc(&joined, ' ');
		bg_buf_add(&joined, first->text, first->text_len);
		trig_lower(joined.s, joined.len, &low);
		if (!bg_buf_ok(&joined) || !bg_buf_ok(&low)) {
			x->st = BG_ERR_NOMEM;
			break;
		}
		/* the term must lie in the item, not in the intro; failing
		 * that, "Voor de toepassing van dit hoofdstuk wordt:" + "a.
		 * onder loon verstaan: ..." read as one sentence, without the
		 * intro's colon (the lengths stay) */
		if (!best_candidate(x, joined.s, low.s, low.len, NULL, &c) ||
		    c.so <= al->text_len) {
			/* not an intro that delegates or subordinates: "Bij
			 * algemene maatregel van bestuur kan ... worden
			 * bepaald, dat:" (the intro is the same for every
			 * item: tested once) */
			if (no_colon < 0)
				no_colon = !al->text_len || al->text[al->text_len - 1] != ':' ||
					   (al->text_len >= 4 &&
					    !memcmp(low.s + al->text_len - 4, "dat:", 4)) ||
					   memmem(low.s, al->text_len, " kan ", 5) ||
					   memmem(low.s, al->text_len, " kunnen ", 8);
			if (no_colon) {
				item_alone(x, li, first, low.s + al->text_len + 1);
				continue;
			}
			joined.s[al->text_len - 1] = ' ';
			low.s[al->text_len - 1] = ' ';
			if (!best_candidate(x, joined.s, low.s, low.len, NULL, &c) ||
			    c.so <= al->text_len) {
				item_alone(x, li, first, low.s + al->text_len + 1);
				continue;
			}
		}
		if (seen(x, li, joined.s + c.so, c.eo - c.so))
			continue;
		if (!have_scope) {
			bg_lower_ascii(al->text, al->text_len, &x->low);
			find_scope(x, al, al->text, x->low.s, x->low.len, NULL, &sc);
			have_scope = true;
		}
		inline_def(x, li, first, joined.s, low.s, joined.len, &c, &sc);
		later_definitions(x, li, first, joined.s, low.s, joined.len, c.end);
	}
	bg_buf_release(&joined);
	bg_buf_release(&low);
}

/*
 * A paragraph gives one record, its first definition; a later sentence
 * ("... mede aangemerkt als eigen woning indien .... Voor de toepassing van
 * dit lid wordt onder de gewezen partner mede verstaan ...") may give one
 * more, but only in the "verstaan" forms, which define wherever they stand
 * (a second "aangemerkt" or "is" in the same paragraph deems or states a
 * rule as often as it defines).  from: where the last definition's trigger
 * ended.
 */
static void later_definitions(struct ex *x, const bg_node *prov, const bg_node *al,
			      const char *text, const char *low, size_t n, size_t from)
{
	while (x->st == BG_OK && from < n) {
		const char *dot = memmem(low + from, n - from, ". ", 2);
		const char *rel = memmem(low + from, n - from, ", waarbij onder ", 16);
		struct cand c;
		struct scope sc;
		size_t off;

		if (!dot && !rel)
			return;
		/* "..., waarbij onder Noordzeewinningsgebied wordt verstaan de
		 * territoriale zee ...": a relative clause defines too */
		off = rel && (!dot || rel < dot) ? (size_t)(rel - low) : (size_t)(dot - low) + 2;
		if (!memmem(low + off, n - off, "verstaan", 8))
			return;
		if (!best_candidate(x, text + off, low + off, n - off, NULL, &c) ||
		    !memmem(low + off, c.end, "verstaan", 8) ||
		    inline_forms[c.form].kind == BG_DEF_NEGATIVE) {
			from = off;
			continue;
		}
		if (!seen(x, prov, text + off + c.so, c.eo - c.so)) {
			find_scope(x, al, text + off, low + off, n - off, NULL, &sc);
			inline_def(x, prov, al, text + off, low + off, n - off, &c, &sc);
		}
		from = off + c.end;
	}
}

/* Whether low[0..n) is "De|Het|Een X is|zijn:", the copula with an
 * article whose list value_list tests. */
static bool copula_colon(const char *low, size_t n)
{
	static const char *const arts[] = { "de ", "het ", "een " };
	static const char *const ends[] = { " is:", " is :", " zijn:", " zijn :" };
	bool art = false, end = false;

	for (size_t k = 0; k < sizeof arts / sizeof *arts; k++)
		art = art || (n > strlen(arts[k]) && !memcmp(low, arts[k], strlen(arts[k])));
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
		end = end || (n > strlen(ends[k]) &&
			      !memcmp(low + n - strlen(ends[k]), ends[k], strlen(ends[k])));
	return art && end;
}

/*
 * "De vermogensgrens is: a. voor een alleenstaande: € 8.000; ...", "Het
 * ouderdomspensioen is: a. onvervreemdbaar; b. ...", "De taal waarin de
 * examens worden afgenomen is: a. voor ATPL ...: Engels; ...": a list
 * whose first item is an amount, a number, one word, or a case that ends
 * in a value of two words at most gives values or properties, so the
 * copula with an article before it (copula_colon) sets a parameter or a
 * rule rather than a meaning.
 */
static bool value_list(const bg_node *list)
{
	const bg_node *li = list->first_child, *al;
	const char *t, *colon = NULL;
	size_t n, e;

	while (li && li->kind != BG_N_LI)
		li = li->next;
	if (!li || !(al = first_text(li)))
		return false;
	t = al->text;
	n = al->text_len;
	e = n;
	while (e && (t[e - 1] == ';' || t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ' '))
		e--;
	if (!e || memmem(t, e, "\xe2\x82\xac", 3) || memchr(t, '%', e) || (t[0] >= '0' && t[0] <= '9') ||
	    !memchr(t, ' ', e))
		return true;
	for (const char *p = t; (p = memmem(p, e - (size_t)(p - t), ": ", 2)) != NULL; p += 2)
		colon = p;
	if (colon) {
		const char *v = colon + 2;
		size_t vn = e - (size_t)(v - t);
		return (vn && v[0] >= '0' && v[0] <= '9') || bg_count_words(v, vn) <= 2;
	}
	return false;
}

/*
 * The items of a list that is the body of a definition ("Onder inlener
 * wordt mede verstaan: a. de doorlener, zijnde degene aan wie ...", "wordt
 * als een vaste inrichting in ieder geval aangemerkt: a. het verrichten
 * van werkzaamheden ... boven het Noordzeewinningsgebied, waarbij onder
 * Noordzeewinningsgebied wordt verstaan ..."): an item may define a word
 * of its own, by an apposition that opens it (", zijnde de|een|degene")
 * or in the "verstaan" forms after a sentence or ", waarbij".  Nothing
 * else in an item is read as a definition: the item is a part of the
 * body.
 */
static void item_definitions(struct ex *x, const bg_node *list)
{
	bg_buf low = BG_BUF_INIT;

	for (const bg_node *li = list->first_child; li && x->st == BG_OK; li = li->next) {
		const bg_node *first;
		struct cand c;
		bool zijnde;

		if (li->kind != BG_N_LI || !(first = first_text(li)))
			continue;
		/* most items hold neither form: no lowering, no trigger run */
		zijnde = memmem(first->text, first->text_len, ", zijnde ", 9) != NULL;
		if (!zijnde && !memmem(first->text, first->text_len, "verstaan", 8))
			continue;
		trig_lower(first->text, first->text_len, &low);
		if (!bg_buf_ok(&low)) {
			x->st = BG_ERR_NOMEM;
			break;
		}
		if (zijnde && best_candidate(x, first->text, low.s, first->text_len, NULL, &c) && c.so <= 4 &&
		    c.end > c.eo && memmem(low.s + c.eo, c.end - c.eo, ", zijnde ", 9) &&
		    !seen(x, li, first->text + c.so, c.eo - c.so)) {
			struct scope sc;
			find_scope(x, first, first->text, low.s, first->text_len, NULL, &sc);
			inline_def(x, li, first, first->text, low.s, first->text_len, &c, &sc);
		}
		later_definitions(x, li, first, first->text, low.s, first->text_len, 0);
	}
	bg_buf_release(&low);
}

/* One paragraph: a list intro, an inline definition, an exclusion, or
 * nothing.  Returns the list it consumed (its items are done), or NULL. */
static const bg_node *paragraph(struct ex *x, const bg_node *al)
{
	const bg_node *list = al->next && al->next->kind == BG_N_LIJST ? al->next : NULL;
	const bg_node *prov;
	const char *low;
	size_t n = al->text_len;
	struct scope sc;
	struct cand c;
	tmatch m;
	uint64_t own[PRE_MAXW];
	const uint64_t *bits;

	if (!n)
		return NULL;
	trig_lower(al->text, n, &x->low);
	if (!bg_buf_ok(&x->low)) {
		x->st = BG_ERR_NOMEM;
		return NULL;
	}
	low = x->low.s;
	bits = presence(x->pre, low, n, own);
	if (bits)
		keep_bits(x, al, bits);
	if (form_match(x->lex, x->pre, BG_TRIG_NOT_DEFINITION, low, n, bits, &m))
		return NULL;

	if (form_match(x->lex, x->pre, BG_TRIG_LIST, low, n, bits, &m)) {
		const bg_node *last = NULL;

		find_scope(x, al, al->text, low, n, bits, &sc);
		if (list) {
			for (const bg_node *li = list->first_child; li && x->st == BG_OK; li = li->next)
				if (li->kind == BG_N_LI)
					list_item(x, li, &sc);
			return list;
		}
		/* a table flattened to paragraphs: "a." "term" ": body" */
		if ((last = table_rows(x, al, &sc)) != NULL)
			return last;
		/* no list markup: the items are the paragraphs (or leden)
		 * that follow, "term: body" each, up to the first that is not */
		for (const bg_node *sib = al->next, *prev = al; sib && x->st == BG_OK;
		     prev = sib, sib = sib->next) {
			size_t before = x->set->n;
			/* "– leidinggevende: 1°. ...; 2°. ...": the sub-items of
			 * the item before belong to it */
			if (sib->kind == BG_N_LIJST && last && last == prev) {
				/* an item that ends in its colon: the sub-items
				 * are its body */
				bg_def *d = x->set->n ? &x->set->v[x->set->n - 1] : NULL;
				if (d && (!d->text || !d->text[0])) {
					bg_buf body = BG_BUF_INIT;
					bg_node_text(sib, &body);
					if (!bg_buf_ok(&body))
						x->st = BG_ERR_NOMEM;
					else
						d->text = dup(x, body.s, body.len);
					bg_buf_release(&body);
				}
				continue;
			}
			if (sib->kind != BG_N_AL && sib->kind != BG_N_LID)
				break;
			list_item(x, sib, &sc);
			if (x->set->n == before)
				break;
			last = sib;
		}
		if (last || x->st != BG_OK)
			return last;
		/* nothing follows to list: the paragraph may hold its one
		 * definition itself ("In dit besluit wordt verstaan onder:
		 * buitengewoon opsporingsambtenaar: de ...") */
	}

	prov = bg_node_provision(al);
	if (!prov)
		return NULL;
	if (!best_candidate(x, al->text, low, n, bits, &c)) {
		if (list && al->text[n - 1] == ':') {
			split_list(x, al, list);
			return list;
		}
		return NULL;
	}
	if (seen(x, prov, al->text + c.so, c.eo - c.so) ||
	    (list && copula_colon(low, n) && value_list(list)))
		return NULL;
	find_scope(x, al, al->text, low, n, bits, &sc);
	inline_def(x, prov, al, al->text, low, n, &c, &sc);
	later_definitions(x, prov, al, al->text, low, n, c.end);
	/* a definition that continues in a list owns it */
	if (list && al->text[n - 1] == ':') {
		item_definitions(x, list);
		return list;
	}
	return NULL;
}

static const bg_node *skip(const bg_node *top, const bg_node *n)
{
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* ------------------------------------------ deemings of defined terms */

/* Whether the regulation has a record (not an exclusion) whose term key is
 * key. */
static bool defined_key(const struct ex *x, const char *key)
{
	for (size_t i = 0; i < x->set->n; i++) {
		const bg_def *d = &x->set->v[i];
		if (d->kind != BG_DEF_NEGATIVE && d->term_key[0] && !strcmp(d->term_key, key))
			return true;
	}
	return false;
}

/* Whether b[0..bn) occurs in a[0..an), ASCII case ignored. */
static bool case_within(const char *a, size_t an, const char *b, size_t bn)
{
	for (size_t i = 0; bn && i + bn <= an; i++)
		if (!strncasecmp(a + i, b, bn))
			return true;
	return false;
}

/* Whether provision prov has a record whose term holds term[0..tn) or is
 * held by it. */
static bool record_at(const struct ex *x, const bg_node *prov, const char *term, size_t tn)
{
	for (size_t i = 0; i < x->set->n; i++) {
		const bg_def *d = &x->set->v[i];
		size_t dl = strlen(d->term);
		if (strcmp(d->address, prov->address))
			continue;
		if (dl > tn ? case_within(d->term, dl, term, tn) : case_within(term, tn, d->term, dl))
			return true;
	}
	return false;
}

/*
 * Whether the words before the verb of a subject-first deeming (low[so..)
 * up to " wordt " / " worden ", before the term at tso) are the subject
 * of a main clause: not a subordinate clause ("Ingeval ... een aanspraak
 * wordt aangemerkt als loon ..., wordt de inhoudingsplichtige"), not a
 * relative one ("het werk dat wordt aangemerkt als"), no modal verb ("kan
 * verzoeken tevens te worden aangemerkt", "kunnen regels worden gesteld
 * volgens welke ... worden beschouwd"), and not the rest of a sentence a
 * list's intro began (an item that opens in lower case).
 */
static bool main_clause_subject(const bg_node *al, const char *text, const char *low, size_t so,
				size_t tso)
{
	static const char *const subs[] = {
		"indien ", "ingeval ", "in geval ", "wanneer ", "zodra ", "voor zover ",
		"voorzover ", "nu ", "als ", "of ", "dat ", "opdat ", "omdat ", "zolang ",
		"tenzij ", "mits ", "nadat ", "terwijl ", "doordat ", "waarbij ", "welke ",
	};
	static const char *const rel[] = { "die", "dat", "welke", "wie", "waarvan", "waarop",
					   "waarin", "waarbij", "waardoor", "waarmee" };
	static const char *const inner[] = {
		" dat ", " indien ", " ingeval ", " wanneer ", " zodra ", " voor zover ",
		" voorzover ", " omdat ", " doordat ", " nadat ", " zolang ", " vraag of ",
	};
	const char *v = NULL;
	size_t b = so, e, w;

	/* the verb of the deeming: the last "wordt" / "worden" before the
	 * term */
	for (const char *p = low + so; p < low + tso; p++) {
		if (!memcmp(p, " wordt ", 7) || (p + 8 <= low + tso && !memcmp(p, " worden ", 8)))
			v = p;
	}
	if (!v)
		return false;
	if (low[b] == '.' || low[b] == ';')
		b += 2;
	e = (size_t)(v - low);
	if (b >= e)
		return false;
	if (b == 0 && al->parent && al->parent->kind == BG_N_LI && text[0] >= 'a' && text[0] <= 'z')
		return false;
	/* "niet" or "geen" with the verb: an exclusion, left to its own forms */
	if (memmem(low + e, tso - e, " niet ", 6) || memmem(low + e, tso - e, " geen ", 6))
		return false;
	/* a clause that opens with a conjunction is subordinate, unless a
	 * comma closes it right before the verb ("Voor zover bij of krachtens
	 * deze wet niet anders is bepaald, wordt een voorschot ... beschouwd
	 * als een toeslag") */
	for (size_t k = 0; low[e - 1] != ',' && k < sizeof subs / sizeof *subs; k++)
		if (e - b > strlen(subs[k]) && !memcmp(low + b, subs[k], strlen(subs[k])))
			return false;
	if (e - b >= 3 && !memcmp(low + e - 3, " te", 3))
		return false;
	/* a subordinate clause that runs on to the verb, with no comma to
	 * close it ("... zekerheid wenst omtrent de vraag of de voordelen ...
	 * worden aangemerkt als winst") */
	for (size_t k = 0; k < sizeof inner / sizeof *inner; k++) {
		const char *p = memmem(low + b, e - b, inner[k], strlen(inner[k]));
		if (p && (k + 1 == sizeof inner / sizeof *inner ||
			  !memchr(p, ',', (size_t)(low + e - p))))
			return false;   /* "de vraag of": a comma ends no question */
	}
	for (w = e; w > b && low[w - 1] != ' '; w--)
		;
	for (size_t k = 0; k < sizeof rel / sizeof *rel; k++)
		if (strlen(rel[k]) == e - w && !memcmp(low + w, rel[k], e - w))
			return false;
	return !memmem(low + b, e - b, " kan ", 5) && !memmem(low + b, e - b, " kunnen ", 8) &&
	       memcmp(low + b, "kan ", 4) && memcmp(low + b, "kunnen ", 7);
}

/* Whether raw text[0..n) may hold a literal of the first group of require
 * req ("aangemerkt|beschouwd&&..."): the literal as written or with its
 * first letter in upper case; an anchored literal, or no require, says
 * yes. */
static bool first_group_in(const char *req, const char *text, size_t n)
{
	const char *end = strstr(req, "&&");
	size_t rn = end ? (size_t)(end - req) : strlen(req);

	if (!rn)
		return true;
	for (size_t a = 0; a < rn;) {
		size_t b = a, ln;
		const char *lit = req + a;
		char up[64];

		while (b < rn && req[b] != '|')
			b++;
		ln = b - a;
		if (!ln || bg_require_anchor(&lit, &ln) != BG_LIT_ANY || ln >= sizeof up)
			return true;
		if (memmem(text, n, lit, ln))
			return true;
		memcpy(up, lit, ln);
		if (up[0] >= 'a' && up[0] <= 'z')
			up[0] = (char)(up[0] - 'a' + 'A');
		if (memmem(text, n, up, ln))
			return true;
		a = b + 1;
	}
	return false;
}

/*
 * Paragraph al under the triggers marked `lexicon-only: defined`: "Het UWV
 * wordt als werkgever beschouwd in de gevallen waarin", "De persoon die is
 * toegelaten tot de vrijwillige verzekering wordt ... als werknemer
 * beschouwd", "een voorschot ... wordt beschouwd als een uitkering op grond
 * van deze wet".  With the subject first such a sentence deems a fact as
 * often as it defines ("wordt als een vol uur aangemerkt"); it extends a
 * term when the term is one the regulation defines elsewhere, or a lexicon
 * concept.  The term is the longest run of the words after "als" that is
 * one; not after "niet" or "geen" (an exclusion, left to its own forms),
 * not in a subordinate clause, one record per paragraph, kind own.
 */
static void defined_in(struct ex *x, const bg_node *al, const uint64_t *kept,
		       const struct dtrig *dt, size_t ndt)
{
	const bg_node *prov = bg_node_provision(al);
	const char *text = al->text, *low;
	size_t n = al->text_len;
	uint64_t h = 0;
	const uint64_t *bits = kept;
	tmatch m;
	bool may = false, checked = false;

	if (!prov || !n)
		return;
	/* whether any of these triggers can match: from the presence bits the
	 * first pass kept, else from the requires on the lowered text (no
	 * scan for every literal of the lexicon), after a look at the raw
	 * text for a literal of each require's first group */
	if (!kept) {
		bool any = false;
		for (size_t k = 0; !any && k < ndt; k++)
			any = first_group_in(dt[k].t->require, text, n);
		if (!any)
			return;
		trig_lower(text, n, &x->low);
		if (!bg_buf_ok(&x->low)) {
			x->st = BG_ERR_NOMEM;
			return;
		}
	}
	for (size_t k = 0; !may && k < ndt; k++)
		may = trig_required(x->pre, dt[k].t, inline_forms[dt[k].f].f, dt[k].j, x->low.s, n,
				    kept);
	if (!may)
		return;
	if (kept) {
		trig_lower(text, n, &x->low);
		if (!bg_buf_ok(&x->low)) {
			x->st = BG_ERR_NOMEM;
			return;
		}
	}
	low = x->low.s;
	for (size_t k = 0; k < ndt; k++) {
		size_t f = dt[k].f, j = dt[k].j;
		size_t so, eo, e;
		struct scope sc;
		bg_def *d;
		bg_buf body = BG_BUF_INIT;

		/* (an exclusion's pattern opens its paragraph: "Niet verzekerd
		 * is ...", no deeming verb to find the subject of) */
		if (!trig_match(x->pre, inline_forms[f].f, j, low, n, bits, &h, &m) ||
		    m.teo <= m.tso || in_subclause(low, m.so) ||
		    (inline_forms[f].kind != BG_DEF_NEGATIVE &&
		     !main_clause_subject(al, text, low, m.so, m.tso)))
			continue;
		if (!checked) {
			tmatch nd;
			checked = true;
			if (form_match(x->lex, x->pre, BG_TRIG_NOT_DEFINITION, low, n, bits, &nd))
				return;
		}
		so = m.tso;
		eo = m.teo;
		clean_term(text, &so, &eo);
		for (e = eo; e > so;) {
			bg_buf_clear(&x->key);
			if (bg_norm_key(x->nm, text + so, e - so, BG_NORM_STEM, &x->key) != BG_OK) {
				x->st = BG_ERR_NOMEM;
				return;
			}
			if (defined_key(x, x->key.s) ||
			    bg_lexicon_concept_for_key(x->lex, x->key.s))
				break;
			while (e > so && text[e - 1] != ' ')
				e--;
			while (e > so && text[e - 1] == ' ')
				e--;
		}
		if (e <= so || !plausible_term(text + so, e - so) ||
		    record_at(x, prov, text + so, e - so))
			continue;
		find_scope(x, al, text, low, n, bits, &sc);
		if (!(d = new_def(x, prov, al, text + so, e - so, inline_forms[f].kind, &sc)))
			return;
		bg_node_text(prov, &body);
		d->text = dup(x, body.s, body.len);
		bg_buf_release(&body);
		return;
	}
}

/* The triggers marked `lexicon-only: defined` over the whole regulation,
 * once its other definitions are known; their records follow the others. */
static void defined_pass(struct ex *x)
{
	const bg_node *root = bg_doc_root(x->doc);
	size_t sb = 0;

	if (!x->pre->ndt || !x->set->n)
		return;
	x->scope_art = NULL;   /* no scope carries over from the first pass */
	for (const bg_node *n = root; n && x->st == BG_OK;) {
		if (n->repealed && n != root) {
			n = skip(root, n);
			continue;
		}
		if (n->kind == BG_N_AL) {
			/* paragraph() kept the bits of a subset, in this order */
			const uint64_t *kept = NULL;
			if (sb < x->nsb && x->sb[sb].al == n)
				kept = x->sb[sb++].bits;
			defined_in(x, n, kept, x->pre->dt, x->pre->ndt);
		}
		n = bg_node_next(root, n);
	}
}

/* ------------------------------------------------- labels in brackets */

#define LABEL_MIN 8     /* bytes: "peildatum", not "datum" or "post" */
#define LABEL_MAX 60
#define LABEL_WORDS 4   /* words of description before the bracket */
#define LABEL_MULTI 3   /* spaces in a label: four words at most */

static bool label_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

static bool letter_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Whether the lower-case label lab[0..ln) starts a word in the text of
 * the document's paragraphs twice: at its own place and elsewhere; with
 * `free`, once outside brackets too ("openbare orde (ordre public)" in
 * every article that says it translates, not names). */
static bool label_used(struct ex *x, const char *lab, size_t ln, bool free)
{
	const char *low, *p, *end;
	int seen_n = 0;
	bool out = !free;

	if (!x->doclow.len) {
		const bg_node *root = bg_doc_root(x->doc);
		for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
			if (n->kind != BG_N_AL || !n->text_len)
				continue;
			bg_lower_ascii(n->text, n->text_len, &x->tmp);
			bg_buf_add(&x->doclow, x->tmp.s, n->text_len);
			bg_buf_addc(&x->doclow, '\n');
		}
		if (!bg_buf_ok(&x->doclow) || !bg_buf_ok(&x->tmp)) {
			x->st = BG_ERR_NOMEM;
			return false;
		}
	}
	low = x->doclow.s;
	end = low + x->doclow.len;
	for (p = low; (p = memmem(p, (size_t)(end - p), lab, ln)) != NULL; p++)
		if (p == low || !letter_byte((unsigned char)p[-1])) {
			out |= p == low || p[-1] != '(';
			if (++seen_n >= 2 && out)
				return true;
		}
	return false;
}

/* Whether lab[0..n) may be a noun: not an adjective ("klinische
 * (intramurale) zorg", "de (vermoedelijke) persoon", "(tijdelijk)"). */
static bool label_noun(const char *lab, size_t n)
{
	static const char *const adj[] = { "lijk", "lijke", "isch", "ische", "ieke", "ale", "ele",
					   "ige", "ieve", "ief" };

	for (size_t k = 0; k < sizeof adj / sizeof *adj; k++) {
		size_t al = strlen(adj[k]);
		if (n > al && !memcmp(lab + n - al, adj[k], al))
			return false;
	}
	return true;
}

/* Whether the word that ends at t[e-1] (the bracket opens at t[e+1]) ends a
 * description a label can follow: no article, preposition or conjunction
 * ("het (voortgezet) speciaal onderwijs", "van (kandidaat)"), no number or
 * amount ("f 8,2 mln (investering)", "30 m3/s"), no citation ("artikel 14,
 * eerste lid (norminkomen)", "onderdelen c en d van dat artikellid
 * (minimum-inkomensijkpunten)": the bracket recalls what the cited
 * provision is about) and no lower-case letter ("onderdeel a"). */
static bool label_follows(const char *t, size_t e)
{
	static const char *const no[] = { "de", "het", "een", "van", "voor", "en", "of", "in", "op",
					   "bij", "met", "aan", "te", "mln", "mld", "miljoen",
					   "miljard", "euro", "gulden", "procent", "lid", "leden",
					   "artikellid", "artikel", "onderdeel", "onderdelen" };
	size_t b = e;

	while (b > 0 && t[b - 1] != ' ')
		b--;
	if (e - b == 1 && t[b] >= 'a' && t[b] <= 'z')
		return false;
	for (size_t i = b; i < e; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return false;
	for (size_t k = 0; k < sizeof no / sizeof *no; k++)
		if (strlen(no[k]) == e - b && !strncasecmp(t + b, no[k], e - b))
			return false;
	return true;
}

/* Whether w[0..n) is one of the k words list[]. */
static bool word_in(const char *w, size_t n, const char *const *list, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (strlen(list[i]) == n && !memcmp(w, list[i], n))
			return true;
	return false;
}

/* Whether the label of several words lab[0..n) names a thing: "gebouw ter
 * belegging", "extraterritoriale kosten", "collectieve uitspraak"; not
 * a phrase that opens or ends with a word of function ("de verpachting
 * daaronder begrepen", "of zijn opvolger", "met de toelichting") or that
 * holds a verb's participle or an aside ("verder zorgautoriteit genoemd"). */
static bool label_phrase(const char *lab, size_t n)
{
	/* a preposition may join two words ("gebouw ter belegging") */
	static const char *const joins[] = { "voor", "in", "op", "bij", "met", "aan", "te", "ter",
					      "ten", "tot" };
	static const char *const never[] = {
		"de", "het", "een", "van", "en", "of", "als", "zijn", "daaronder", "waaronder",
		"begrepen", "genoemd", "inclusief", "exclusief", "anders", "dan", "niet", "geen",
		"alle", "tevens", "verder", "hierna", "onder", "per", "die", "dat", "zoals", "zie",
		"indien", "lid", "artikel", "onderdeel", "hoofdstuk", "bijlage", "paragraaf",
		"maximaal", "minimaal", "stijl",
	};
	size_t b = 0, e, w = 0;

	for (size_t i = 0; i < n; i++)
		if (lab[i] >= '0' && lab[i] <= '9')
			return false;
	while (b < n) {
		e = b;
		while (e < n && lab[e] != ' ')
			e++;
		if (e - b < 2)
			return false;   /* "specialisme x" */
		if (word_in(lab + b, e - b, never, sizeof never / sizeof *never) ||
		    ((b == 0 || e == n) && word_in(lab + b, e - b, joins, sizeof joins / sizeof *joins)))
			return false;
		w++;
		b = e + 1;
	}
	return w >= 2;
}

/* Whether s[0..n) is English (the other language of a treaty):
 * "the dividend withholding tax (dividendbelasting)". */
static bool english(const char *s, size_t n)
{
	static const char *const w[] = { " the ", " and ", " shall ", " which ", " with " };

	return padded_has(s, n, w, sizeof w / sizeof *w);
}

/* Whether s[0..n) dates something: a day, a month, a year ("wet van 18
 * maart 2004 tot wijziging van ...", "Regeling ... van 26 mei 1994, nr.
 * ..."): the text cites an act, and a bracket in it belongs to its title. */
static bool dated(const char *s, size_t n)
{
	static const char *const months[] = { " januari ", " februari ", " maart ", " april ",
					      " mei ", " juni ", " juli ", " augustus ",
					      " september ", " oktober ", " november ", " december " };

	for (size_t k = 0; k < sizeof months / sizeof *months; k++) {
		size_t ml = strlen(months[k]);
		for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), months[k], ml)) != NULL;
		     p++)
			if (p > s && p[-1] >= '0' && p[-1] <= '9' && (size_t)(p - s) + ml + 4 <= n &&
			    p[ml] >= '1' && p[ml] <= '2')
				return true;
	}
	return false;
}

/* Whether one of the last six words of s[0..n) opens the name of a
 * regulation ("het Besluit niet in betekenende mate bijdragen
 * (luchtkwaliteitseisen)": the bracket belongs to the name). */
static bool named_regulation(const char *s, size_t n)
{
	static const char *const kinds[] = { "besluit", "wet", "regeling", "verordening",
					     "beschikking", "reglement" };
	size_t e = n, words = 0;

	while (e > 0 && words < 6) {
		size_t b = e;
		while (b > 0 && s[b - 1] != ' ')
			b--;
		if (e > b && s[b] >= 'A' && s[b] <= 'Z')
			for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
				size_t kl = strlen(kinds[k]);
				if (e - b >= kl && !strncasecmp(s + e - kl, kinds[k], kl))
					return true;
			}
		words += e > b;
		e = b ? b - 1 : 0;
	}
	return false;
}

/*
 * "een levenslange inkomensvoorziening bij ouderdom voor werknemers en
 * gewezen werknemers (ouderdomspensioen);", "een geblokkeerde rekening
 * (stamrechtspaarrekening) bij een bank": a description of four words or
 * more in an article's text, then one lower-case word in brackets that
 * the regulation uses elsewhere, names what was described (Wet LB 1964
 * art. 11a, 18), also with its article ("verklaring die is afgegeven door
 * de openbaar-vervoersonderneming (de openbaar-vervoerverklaring)", Wet IB
 * 2001 art. 3.87).  The label is a compound or a longer word (LABEL_MIN
 * bytes), not after a number or an amount ("f 8,0 mln (investering)"),
 * and not a word of its own description.  Capitalised words in brackets
 * are names, abbreviations or translations and are left alone.
 */
static void bracket_labels(struct ex *x, const bg_node *al)
{
	const char *t = al->text, *p;
	size_t n = al->text_len;
	const bg_node *prov;
	bool lowered = false;

	if (n < 2 * LABEL_MIN || !memchr(t, '(', n) || !bg_node_ancestor(al, BG_N_ARTIKEL) ||
	    !(prov = bg_node_provision(al)))
		return;
	for (p = t; x->st == BG_OK && (p = memchr(p, '(', n - (size_t)(p - t))) != NULL; p++) {
		size_t open = (size_t)(p - t) + 1, at = open, ln = 0, cs, words = 0;
		char lab[LABEL_MAX + 1];
		struct scope sc;
		bg_def *d;
		bg_buf body = BG_BUF_INIT;

		if (open < 3 || t[open - 2] != ' ' || !letter_byte((unsigned char)t[open - 3]))
			continue;
		/* "verklaring die is afgegeven door de openbaar-vervoersonderneming
		 * (de openbaar-vervoerverklaring)": the label may carry its article */
		if (n - at > 3 && !memcmp(t + at, "de ", 3))
			at += 3;
		else if (n - at > 4 && !memcmp(t + at, "het ", 4))
			at += 4;
		if (!(t[at] >= 'a' && t[at] <= 'z'))
			continue;
		while (at + ln < n && ln <= LABEL_MAX &&
		       (label_byte((unsigned char)t[at + ln]) ||
			(t[at + ln] == ' ' && ln && t[at + ln - 1] != ' ' && words++ < LABEL_MULTI)))
			ln++;
		if (at + ln >= n || t[at + ln] != ')' || ln < LABEL_MIN || ln > LABEL_MAX ||
		    (at + ln + 1 < n && !strchr(" ;,.:)", t[at + ln + 1])) ||
		    !label_noun(t + at, ln) || !label_follows(t, open - 2) ||
		    (words && !label_phrase(t + at, ln)))
			continue;
		/* the description: back to the clause's start */
		for (cs = open - 1; cs > 0; cs--)
			if ((t[cs - 1] == ';' || t[cs - 1] == ':' || t[cs - 1] == '.') &&
			    (cs == open - 1 || t[cs] == ' '))
				break;
		if (bg_count_words(t + cs, open - 1 - cs) < LABEL_WORDS ||
		    english(t + cs, open - 1 - cs) || named_regulation(t + cs, open - 1 - cs) ||
		    (words && (english(t + at, ln) || dated(t, open - 1))))
			continue;
		memcpy(lab, t + at, ln);
		lab[ln] = '\0';
		if (!lowered) {
			trig_lower(t, n, &x->low);
			if (!bg_buf_ok(&x->low)) {
				x->st = BG_ERR_NOMEM;
				return;
			}
			lowered = true;
		}
		/* a word of the description names it only with its article:
		 * "beslissing op eenzelfde rechtsvraag, al dan niet met ...
		 * (de rechtsvraag)" */
		if ((at == open && memmem(x->low.s + cs, open - 1 - cs, lab, ln)) ||
		    seen(x, prov, lab, ln) ||
		    !label_used(x, lab, ln, words > 0))
			continue;
		find_scope(x, al, t, x->low.s, n, NULL, &sc);
		if (!(d = new_def(x, prov, al, t + at, ln, BG_DEF_OWN, &sc)))
			return;
		bg_node_text(prov, &body);
		d->text = dup(x, body.s, body.len);
		bg_buf_release(&body);
	}
}

/* ------------------------------------------------- short names */

/* The end of a short name that starts at t[b]: the first comma, full
 * stop, semicolon, colon, bracket, spaced dash or closing quote. */
static size_t short_name_end(const char *t, size_t n, size_t b, bool *letter)
{
	size_t e;

	*letter = false;
	for (e = b; e < n; e++) {
		unsigned char c = (unsigned char)t[e];
		if (c == ',' || c == ';' || c == ')' || c == '(' || c == ':' ||
		    (c == '.' && (e + 1 == n || t[e + 1] == ' ')) ||
		    (c == '-' && e > b && t[e - 1] == ' ') ||
		    (c == 0xe2 && e + 2 < n && (unsigned char)t[e + 1] == 0x80 &&
		     ((unsigned char)t[e + 2] == 0x93 || (unsigned char)t[e + 2] == 0x9d ||
		      ((unsigned char)t[e + 2] == 0x99 &&
		       (e + 3 >= n || !letter_byte((unsigned char)t[e + 3]))))) ||
		    (c == 0xc2 && e + 1 < n && (unsigned char)t[e + 1] == 0xbb) || c == '"')
			break;
		if (((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80)
			*letter = true;
	}
	return e;
}

/* The length of the article ("de ", "het ", "een ", "the ") s opens with. */
static size_t short_name_article(const char *s, size_t n)
{
	static const char *const arts[] = { "de ", "het ", "een ", "the " };

	for (size_t k = 0; k < sizeof arts / sizeof *arts; k++) {
		size_t l = strlen(arts[k]);
		if (n > l && !memcmp(s, arts[k], l))
			return l;
	}
	return 0;
}

/*
 * "de Nederlandse Zorgautoriteit, verder te noemen de zorgautoriteit,",
 * "Dienst Speciale Interventies, hierna te noemen DSI, ...", "een
 * toeslag, verder te noemen algemene toeslag.", "een verklaring van de
 * exporteur (hierna „factuurverklaring” genoemd)", "(verder
 * zorgautoriteit genoemd)", "(hierna: de Verordening)", "(hierna „de
 * overeenkomst")", "(hereinafter referred to as the “Convention”)", "een
 * - hierna als prorata arbeidsongeschiktheidsuitkering aan te duiden -": the
 * text names what it has just described.  A record (kind own) for the
 * short name at the paragraph, unless one is there: after a comma,
 * bracket or dash, "hierna / verder / hereinafter", then (1) "(ook) te
 * noemen / aan te duiden als / aangeduid als / genoemd / referred to as /
 * called" (after "in dit Verdrag"), an optional colon, article and
 * quotes, and the name; or (2) the name (after "als"), then "genoemd / te
 * noemen / aan te duiden"; or (3) in brackets, a colon or a quote, and
 * the name up to the closing bracket.  The name runs up to a comma, full
 * stop, semicolon, bracket, dash or closing quote: four words at most,
 * eight when quoted.
 */
static void short_names(struct ex *x, const bg_node *al)
{
	static const char *const verbs[] = { "te noemen", "aan te duiden als", "aangeduid als",
					     "genoemd", "referred to as", "called" };
	static const char *const keys[] = { "hierna", "verder", "hereinafter" };
	static const char *const tails[] = { " genoemd", " te noemen", " aan te duiden" };
	const char *t = al->text;
	size_t n = al->text_len;
	const bg_node *prov;

	if (n < 20 ||
	    !(memmem(t, n, "hierna", 6) || memmem(t, n, "verder", 6) ||
	      memmem(t, n, "hereinafter ", 12)) ||
	    !bg_node_ancestor(al, BG_N_ARTIKEL) || !(prov = bg_node_provision(al)))
		return;
	for (size_t at = 0; at + 7 < n && x->st == BG_OK; at++) {
		size_t i, b, e, ds, de, kl = 0, words = 0, q;
		bool letter = false, verb = false, colon, bracket, quoted = false;
		struct scope sc;
		bg_def *d;
		bg_buf body = BG_BUF_INIT;

		if (t[at] != 'h' && t[at] != 'v')
			continue;
		for (size_t k = 0; k < sizeof keys / sizeof *keys && !kl; k++) {
			size_t l = strlen(keys[k]);
			if (at + l < n && !memcmp(t + at, keys[k], l) &&
			    (t[at + l] == ' ' || (t[at + l] == ':' && k < 2)))
				kl = l;
		}
		if (!kl)
			continue;
		/* after ", ", "(", "- " or "– " */
		i = at;
		while (i > 0 && t[i - 1] == ' ')
			i--;
		if (!i || !(t[i - 1] == ',' || t[i - 1] == '(' || t[i - 1] == '-' ||
			    (i >= 3 && !memcmp(t + i - 3, "\xe2\x80\x93", 3))))
			continue;
		bracket = t[i - 1] == '(';
		/* what it names: back from that mark to the clause's start
		 * ("door het College voor zorgverzekeringen") */
		de = i - (t[i - 1] == ',' || t[i - 1] == '(' || t[i - 1] == '-' ? 1 : 3);
		for (ds = de; ds > 0 && !strchr(",;:.(", t[ds - 1]); ds--)
			;
		while (ds < de && t[ds] == ' ')
			ds++;
		while (de > ds && t[de - 1] == ' ')
			de--;
		i = at + kl;
		colon = t[i] == ':';
		i++;
		if (!colon) {
			if (!strncmp(t + i, "verder ", 7))
				i += 7;
			if (!strncmp(t + i, "ook ", 4))
				i += 4;
			/* "hierna in dit Verdrag te noemen" */
			if (!strncmp(t + i, "in dit ", 7) || !strncmp(t + i, "in deze ", 8)) {
				size_t j = i + (t[i + 4] == 't' ? 7 : 8);
				while (j < n && letter_byte((unsigned char)t[j]))
					j++;
				if (j < n && t[j] == ' ')
					i = j + 1;
			}
			for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !verb; k++) {
				size_t vl = strlen(verbs[k]);
				if (i + vl < n && !memcmp(t + i, verbs[k], vl) &&
				    (t[i + vl] == ' ' || t[i + vl] == ':')) {
					i += vl;
					verb = true;
				}
			}
		}
		if (verb && !strncmp(t + i, " als", 4) && (t[i + 4] == ' ' || t[i + 4] == ':'))
			i += 4;   /* "te noemen als" */
		else if (!verb && !colon && !strncmp(t + i, "als ", 4))
			i += 4;   /* "hierna als X aan te duiden" */
		while (i < n && (t[i] == ' ' || t[i] == ':'))
			i++;
		i += short_name_article(t + i, n - i);
		if ((q = quote_at(t + i, n - i)) != 0) {
			quoted = true;
			i += q;
			i += short_name_article(t + i, n - i);   /* „de overeenkomst” */
		}
		/* the name: up to the first stop */
		b = i;
		e = short_name_end(t, n, b, &letter);
		while (e > b && t[e - 1] == ' ')
			e--;
		if (!verb) {
			size_t k = e, tl = 0;
			/* (2) "(verder zorgautoriteit genoemd)" */
			for (size_t v = 0; v < sizeof tails / sizeof *tails && !tl && !quoted; v++) {
				size_t l = strlen(tails[v]);
				if (e - b > l && !memcmp(t + e - l, tails[v], l))
					tl = l;
			}
			if (tl) {
				e -= tl;
			} else {
				/* (2) "(hierna „factuurverklaring” genoemd)" */
				while (k < n && (q = quote_at(t + k, n - k)) != 0)
					k += q;
				while (k < n && t[k] == ' ')
					k++;
				for (size_t v = 0; v < sizeof tails / sizeof *tails && !tl; v++) {
					size_t l = strlen(tails[v]) - 1;
					if (k + l <= n && !memcmp(t + k, tails[v] + 1, l) &&
					    (k + l == n || strchr(" ),;.", t[k + l])))
						tl = l;
				}
				/* (3) "(hierna: de Verordening)", "(hierna „de
				 * overeenkomst")" */
				if (!tl && !(bracket && (colon || quoted) && k < n && t[k] == ')'))
					continue;
			}
		}
		if (!letter || e <= b || e - b > MAX_TERM_BYTES)
			continue;
		for (size_t k = b; k < e; k++)
			words += k == b || (t[k - 1] == ' ' && t[k] != ' ');
		if (words > (quoted ? 8u : 4u))
			continue;
		clean_term(t, &b, &e);   /* "„het pensioenreglement”" */
		if (e <= b || seen(x, prov, t + b, e - b))
			continue;
		trig_lower(t, n, &x->low);
		if (!bg_buf_ok(&x->low)) {
			x->st = BG_ERR_NOMEM;
			return;
		}
		find_scope(x, al, t, x->low.s, n, NULL, &sc);
		if (!(d = new_def(x, prov, al, t + b, e - b, BG_DEF_OWN, &sc)))
			return;
		/* the body is what the short name stands for */
		if (de > ds) {
			d->text = dup(x, t + ds, de - ds);
		} else {
			bg_node_text(prov, &body);
			d->text = dup(x, body.s, body.len);
			bg_buf_release(&body);
		}
		at = e;
	}
}

/* The terms a paragraph names in passing, whatever else it defines: labels
 * in brackets and short names. */
static void named_in_passing(struct ex *x, const bg_node *al)
{
	bracket_labels(x, al);
	short_names(x, al);
}

static void count_uses(struct ex *x, bg_deflaw *law)
{
	const bg_lexicon *lex = x->lex;
	const struct usetab *ut = &x->pre->use;
	size_t nc = bg_lexicon_count(lex), nk = ut->nk, used = 0;
	bool *hits = calloc(nk ? nk : 1, sizeof *hits);
	size_t *counts = bg_arena_alloc(x->a, (nc ? nc : 1) * sizeof *counts);
	const char **uses;
	size_t *ucounts;
	bg_toklist tl = BG_TOKLIST_INIT;
	const bg_node *root = bg_doc_root(x->doc);
	uint64_t *may = NULL;
	size_t nal = 0, amay = 0;

	if (!hits || !counts) {
		free(hits);
		x->st = BG_ERR_NOMEM;
		return;
	}
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		if (n->kind != BG_N_AL || !n->text_len)
			continue;
		if (ut->starts && nal / 64 >= amay) {
			size_t na = amay ? 2 * amay : 16;
			uint64_t *v = realloc(may, na * sizeof *v);
			if (!v) {
				free(may);
				free(hits);
				bg_toklist_release(&tl);
				x->st = BG_ERR_NOMEM;
				return;
			}
			memset(v + amay, 0, (na - amay) * sizeof *v);
			may = v;
			amay = na;
		}
		nal++;
		if (ut->starts) {
			if (!bg_stemstarts_maybe(ut->starts, n->text, n->text_len))
				continue;
			may[(nal - 1) / 64] |= (uint64_t)1 << ((nal - 1) % 64);
		}
		if (bg_norm_tokens(x->nm, n->text, n->text_len, BG_NORM_STEM, &tl) != BG_OK)
			continue;
		for (size_t i = 0; i < tl.n; i++) {
			const char *w1 = bg_tok_key(&tl, i);
			size_t l1 = tl.v[i].key_len;
			/* a longer key can only start at a word that begins one */
			size_t maxw = use_head(ut, w1, l1) ? 4 : 1;

			for (size_t w = 1; w <= maxw && i + w <= tl.n; w++) {
				const struct usekey *hit;
				if (w == 1) {
					hit = use_find(ut, w1, l1);
				} else {
					bg_buf_addc(&x->tmp, ' ');
					bg_buf_add(&x->tmp, bg_tok_key(&tl, i + w - 1),
						   tl.v[i + w - 1].key_len);
					hit = use_find(ut, x->tmp.s, x->tmp.len);
				}
				if (w == 1 && maxw > 1) {
					bg_buf_clear(&x->tmp);
					bg_buf_add(&x->tmp, w1, l1);
				}
				if (hit) {
					counts[hit->concept]++;
					hits[hit - ut->keys] = true;
				}
			}
		}
	}
	bg_toklist_release(&tl);
	if (may) {
		uint64_t *m = bg_arena_alloc(x->a, amay * sizeof *m);
		if (m) {
			memcpy(m, may, amay * sizeof *m);
			law->al_may_use = m;
			law->n_al = nal;
		}
		free(may);   /* (out of memory: NULL, every paragraph may) */
	}
	{
		size_t nh = 0;
		const char **uk;
		for (size_t i = 0; i < nk; i++)
			nh += hits[i];
		uk = bg_arena_alloc(x->a, (nh ? nh : 1) * sizeof *uk);
		if (!uk) {
			free(hits);
			x->st = BG_ERR_NOMEM;
			return;
		}
		nh = 0;
		for (size_t i = 0; i < nk; i++)
			if (hits[i])
				uk[nh++] = ut->keys[i].key; /* the lexicon outlives the set */
		law->used_keys = uk;
		law->n_used_keys = nh;
	}
	free(hits);

	for (size_t i = 0; i < nc; i++)
		if (counts[i])
			used++;
	uses = bg_arena_alloc(x->a, (used ? used : 1) * sizeof *uses);
	ucounts = bg_arena_alloc(x->a, (used ? used : 1) * sizeof *ucounts);
	if (!uses || !ucounts) {
		x->st = BG_ERR_NOMEM;
		return;
	}
	used = 0;
	for (size_t i = 0; i < nc; i++)
		if (counts[i]) {
			uses[used] = bg_lexicon_id(lex, i);
			ucounts[used] = counts[i];
			used++;
		}
	law->uses = uses;
	law->use_counts = ucounts;
	law->n_uses = used;
}

/* Framework declarations: the first paragraph matching each framework of
 * the lexicon (the framework law itself declares nothing). */
/*
 * The articles a framework pattern names as not applying: a pattern whose
 * text ends in "niet van toepassing" is an exclusion, and the article
 * numbers its match lists ("artikel 4", "artikelen 3, 4 en 8") are added
 * to ex->excl.  A number followed by a part of it ("artikel 2, eerste
 * lid, ...") excludes only that part, which inheritance (by article)
 * cannot express, so it is left out; so is a range.
 */
struct excl {
	const char **bwb, **art;
	size_t n, alloc;
};

static void add_exclusions(struct ex *x, struct excl *e, const char *bwb, const char *m,
			   size_t n)
{
	const char *end = m + n, *p = memmem(m, n, "artikel", 7);

	if (!p)
		return;
	p += 7;
	if (end - p >= 3 && !memcmp(p, "en ", 3))
		p += 3;
	for (;;) {
		const char *t;
		while (p < end && *p == ' ')
			p++;
		if (p >= end || *p < '0' || *p > '9')
			return;
		t = p;
		while (p < end && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
				   *p == ':' || (*p == '.' && p + 1 < end && p[1] >= '0' &&
						 p[1] <= '9')))
			p++;
		if ((end - p >= 2 && p[0] == ',' && p[1] == ' ' && p + 2 < end &&
		     (p[2] < '0' || p[2] > '9')) ||
		    (end - p >= 12 && !memcmp(p, " tot en met ", 12)))
			return;   /* a part of the article, or a range */
		if (e->n == e->alloc) {
			size_t na = e->alloc ? e->alloc * 2 : 8;
			const char **b = bg_arena_alloc(x->a, na * sizeof *b);
			const char **a = bg_arena_alloc(x->a, na * sizeof *a);
			if (!a || !b) {
				x->st = BG_ERR_NOMEM;
				return;
			}
			if (e->n) {
				memcpy(b, e->bwb, e->n * sizeof *b);
				memcpy(a, e->art, e->n * sizeof *a);
			}
			e->bwb = b;
			e->art = a;
			e->alloc = na;
		}
		e->bwb[e->n] = bwb;
		e->art[e->n++] = dup(x, t, (size_t)(p - t));
		if (end - p >= 2 && p[0] == ',' && p[1] == ' ')
			p += 2;
		else if (end - p >= 4 && !memcmp(p, " en ", 4))
			p += 4;
		else
			return;
	}
}

static void find_frameworks(struct ex *x, bg_deflaw *law)
{
	size_t nf = bg_lexicon_framework_count(x->lex), found = 0;
	size_t *fw = bg_arena_alloc(x->a, (nf ? nf : 1) * sizeof *fw);
	const char **fart = bg_arena_alloc(x->a, (nf ? nf : 1) * sizeof *fart);
	const char **flid = bg_arena_alloc(x->a, (nf ? nf : 1) * sizeof *flid);
	const bg_node **first = bg_arena_alloc(x->a, (nf ? nf : 1) * sizeof *first);
	bool *excl = bg_arena_alloc(x->a, (nf ? nf : 1) * sizeof *excl);
	const bg_node *root = bg_doc_root(x->doc);
	struct excl ex = { 0 };
	size_t sb = 0;

	if (!fw || !fart || !flid || !first || !excl) {
		x->st = BG_ERR_NOMEM;
		return;
	}
	/* one pass over the paragraphs, each lowered once, finds the first
	 * declaration of every framework pattern; then the patterns are
	 * taken in lexicon order, one declaration per framework law */
	for (size_t i = 0; i < nf; i++) {
		const char *ph = bg_lexicon_framework_phrase(x->lex, i);
		size_t pl = strlen(ph);
		first[i] = NULL;
		/* exclusions are looked for in every paragraph */
		excl[i] = pl >= 19 && !memcmp(ph + pl - 19, "niet van toepassing", 19);
	}
	for (const bg_node *n = root; n; n = bg_node_next(root, n)) {
		bool lowered = false, pending = false, scanned = false;
		uint64_t own[PRE_MAXW];
		const uint64_t *bits = NULL;

		if (n->kind != BG_N_AL || !n->text_len)
			continue;
		/* paragraph() saw a subset of these paragraphs, in this order */
		if (sb < x->nsb && x->sb[sb].al == n) {
			bits = x->sb[sb++].bits;
			scanned = true;
		}
		for (size_t i = 0; i < nf; i++) {
			regmatch_t pm[1];
			const void *re;

			if ((first[i] && !excl[i]) ||
			    !strcmp(bg_lexicon_framework_bwb(x->lex, i), x->bwb))
				continue;
			pending = true;
			if (!scanned) {
				bg_lower_ascii(n->text, n->text_len, &x->low);
				bits = presence(x->pre, x->low.s, x->low.len, own);
				lowered = scanned = true;
			}
			if (bits ? !req_ok(&x->pre->fw[i], bits)
				 : !bg_require_ok(bg_lexicon_framework_require(x->lex, i), x->low.s,
						  x->low.len, true))
				continue;
			if (!lowered) {
				bg_lower_ascii(n->text, n->text_len, &x->low);
				lowered = true;
			}
			re = bg_lexicon_framework_regex(x->lex, i);
			if (!re || tre_regnexec(re, x->low.s, x->low.len, 1, pm, 0) != REG_OK)
				continue;
			if (!first[i])
				first[i] = n;
			if (excl[i] && pm[0].rm_so >= 0)
				add_exclusions(x, &ex, bg_lexicon_framework_bwb(x->lex, i),
					       x->low.s + pm[0].rm_so,
					       (size_t)(pm[0].rm_eo - pm[0].rm_so));
		}
		if (!pending)
			break;
	}
	for (size_t i = 0; i < nf; i++) {
		const bg_node *n = first[i], *art, *lid;
		bool dupe = false;

		if (!n)
			continue;
		for (size_t k = 0; k < found; k++)
			if (!strcmp(bg_lexicon_framework_bwb(x->lex, fw[k]),
				    bg_lexicon_framework_bwb(x->lex, i)))
				dupe = true;
		if (dupe)
			continue;
		art = bg_node_ancestor(n, BG_N_ARTIKEL);
		lid = ancestor_below(n, BG_N_LID, art);
		fw[found] = i;
		fart[found] = art ? dup(x, art->nr, strlen(art->nr)) : "";
		flid[found] = lid ? dup(x, lid->nr, strlen(lid->nr)) : "";
		found++;
	}
	law->frameworks = fw;
	law->framework_article = fart;
	law->framework_lid = flid;
	law->n_frameworks = found;
	law->excluded_bwb = ex.bwb;
	law->excluded_article = ex.art;
	law->n_excluded = ex.n;
}

static bg_status extract_doc(const bg_doc *doc, const bg_lexicon *lex, bg_norm *nm,
			     const struct defpre *pre, bg_defset **out);

bg_status bg_defs_extract_doc(const bg_doc *doc, const bg_lexicon *lex, bg_norm *nm,
			      bg_defset **out)
{
	struct defpre *pre = defpre_new(lex);
	bg_status st = extract_doc(doc, lex, nm, pre, out);

	defpre_free(pre);
	return st;
}

static bg_status extract_doc(const bg_doc *doc, const bg_lexicon *lex, bg_norm *nm,
			     const struct defpre *pre, bg_defset **out)
{
	struct ex x;
	const bg_node *root = bg_doc_root(doc);
	bg_deflaw *law;

	*out = NULL;
	if (!pre)
		return BG_ERR_NOMEM;
	memset(&x, 0, sizeof x);
	x.doc = doc;
	x.lex = lex;
	x.pre = pre;
	x.nm = nm;
	x.set = bg_defset_new(lex);
	if (!x.set)
		return BG_ERR_NOMEM;
	x.a = x.set->arena;
	bg_buf_init(&x.low);
	bg_buf_init(&x.tmp);
	bg_buf_init(&x.key);
	bg_buf_init(&x.doclow);
	x.file = dup(&x, bg_doc_path(doc), strlen(bg_doc_path(doc)));
	x.bwb = dup(&x, bg_doc_bwb_id(doc), strlen(bg_doc_bwb_id(doc)));
	x.title = dup(&x, bg_doc_title(doc), strlen(bg_doc_title(doc)));
	x.date = dup(&x, bg_doc_date(doc), strlen(bg_doc_date(doc)));

	x.set->laws = calloc(1, sizeof *x.set->laws);
	if (!x.set->laws) {
		bg_defset_free(x.set);
		return BG_ERR_NOMEM;
	}
	x.set->nlaws = x.set->alaws = 1;
	law = &x.set->laws[0];
	law->file = x.file;
	law->bwb_id = x.bwb;
	law->title = x.title;
	law->short_title = dup(&x, bg_doc_short_title(doc), strlen(bg_doc_short_title(doc)));
	law->date = x.date;
	law->uses = NULL;
	law->use_counts = NULL;
	law->root_address = dup(&x, root->address, strlen(root->address));
	{
		size_t na = bg_doc_alias_count(doc);
		const char **al = bg_arena_alloc(x.a, (na ? na : 1) * sizeof *al);
		if (!al)
			x.st = BG_ERR_NOMEM;
		for (size_t i = 0; al && i < na; i++)
			al[i] = dup(&x, bg_doc_alias(doc, i), strlen(bg_doc_alias(doc, i)));
		law->aliases = al;
		law->n_aliases = al ? na : 0;
	}

	for (const bg_node *n = root; n && x.st == BG_OK;) {
		if (n->repealed && n != root) {
			n = skip(root, n);
			continue;
		}
		if (n->kind == BG_N_DEFLIST) {
			deflist(&x, n);
			n = skip(root, n);
			continue;
		}
		if (n->kind == BG_N_AL) {
			const bg_node *used = paragraph(&x, n);
			named_in_passing(&x, n);
			if (used) {
				/* the paragraphs it consumed may hold labels too */
				const bg_node *after = skip(root, used);
				for (const bg_node *m = bg_node_next(root, n); m && m != after;
				     m = bg_node_next(root, m))
					if (m->kind == BG_N_AL && !m->repealed)
						named_in_passing(&x, m);
				n = after;
				continue;
			}
		}
		n = bg_node_next(root, n);
	}
	if (x.st == BG_OK)
		defined_pass(&x);
	if (x.st == BG_OK)
		count_uses(&x, law);
	if (x.st == BG_OK)
		find_frameworks(&x, law);
	bg_buf_release(&x.low);
	bg_buf_release(&x.tmp);
	bg_buf_release(&x.key);
	bg_buf_release(&x.doclow);
	free(x.sb);
	if (x.st != BG_OK) {
		bg_defset_free(x.set);
		return x.st;
	}
	*out = x.set;
	return BG_OK;
}

/* ------------------------------------------------------ parallel driver */

struct collect {
	const bg_lexicon *lex;
	const struct defpre *pre;
	bg_defs_each_fn each;
	bg_defs_failed_fn failed;
	void *each_ctx;
	bg_batch *b;
	bg_defset **slots;
	bg_status *st;
	pthread_mutex_t lock;
	bg_norm **pool;     /* idle normalisers */
	size_t npool, apool;
};

static bg_norm *norm_take(struct collect *c)
{
	bg_norm *nm = NULL;

	pthread_mutex_lock(&c->lock);
	if (c->npool)
		nm = c->pool[--c->npool];
	pthread_mutex_unlock(&c->lock);
	return nm ? nm : bg_norm_new();
}

static void norm_give(struct collect *c, bg_norm *nm)
{
	pthread_mutex_lock(&c->lock);
	if (c->npool == c->apool) {
		size_t na = c->apool ? c->apool * 2 : 8;
		bg_norm **v = realloc(c->pool, na * sizeof *v);
		if (!v) {
			pthread_mutex_unlock(&c->lock);
			bg_norm_free(nm);
			return;
		}
		c->pool = v;
		c->apool = na;
	}
	c->pool[c->npool++] = nm;
	pthread_mutex_unlock(&c->lock);
}

static void collect_one(size_t i, bg_doc *doc, void *arg)
{
	struct collect *c = arg;
	bg_norm *nm = norm_take(c);

	if (!nm) {
		c->st[i] = BG_ERR_NOMEM;
		return;
	}
	/* kept across documents: versions of a law share their blocks */
	bg_norm_memo(nm, true);
	c->st[i] = extract_doc(doc, c->lex, nm, c->pre, &c->slots[i]);
	if (c->each && c->st[i] == BG_OK)
		c->each(i, doc, c->slots[i], nm, c->each_ctx);
	norm_give(c, nm);
}

bg_status bg_defs_collect(const bg_filelist *fl, unsigned jobs, const bg_lexicon *lex,
			  bg_defset **out, bg_batch *b)
{
	return bg_defs_collect_each(fl, jobs, lex, NULL, NULL, out, b);
}

bg_status bg_defs_collect_each(const bg_filelist *fl, unsigned jobs, const bg_lexicon *lex,
			       bg_defs_each_fn each, void *ctx, bg_defset **out, bg_batch *b)
{
	bg_defs_hooks h = { each, NULL, ctx };

	return bg_defs_collect_ex(fl, jobs, lex, &h, out, b);
}

/* As bg_batch_run's worker, with the `failed` hook. */
static void read_one(size_t i, const char *path, void *arg)
{
	struct collect *c = arg;
	bg_doc *doc = NULL;

	if (bg_doc_read_file(path, NULL, &doc, &c->b->diags[i]) != BG_OK) {
		if (c->failed)
			c->failed(i, c->each_ctx);
		return;
	}
	collect_one(i, doc, c);
	bg_doc_free(doc);
}

bg_status bg_defs_collect_ex(const bg_filelist *fl, unsigned jobs, const bg_lexicon *lex,
			     const bg_defs_hooks *hooks, bg_defset **out, bg_batch *b)
{
	struct collect c;
	struct defpre *pre;
	bg_defset *set;
	bg_status st = BG_OK;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.lex = lex;
	c.each = hooks ? hooks->each : NULL;
	c.failed = hooks ? hooks->failed : NULL;
	c.each_ctx = hooks ? hooks->ctx : NULL;
	c.b = b;
	c.pre = pre = defpre_new(lex);
	c.slots = calloc(fl->count ? fl->count : 1, sizeof *c.slots);
	c.st = calloc(fl->count ? fl->count : 1, sizeof *c.st);
	set = bg_defset_new(lex);
	if (!pre || !c.slots || !c.st || !set || pthread_mutex_init(&c.lock, NULL)) {
		free(c.slots);
		free(c.st);
		bg_defset_free(set);
		defpre_free(pre);
		return BG_ERR_NOMEM;
	}
	memset(b, 0, sizeof *b);
	b->count = fl->count;
	if (!(b->diags = calloc(fl->count ? fl->count : 1, sizeof *b->diags))) {
		st = BG_ERR_NOMEM;
		b->count = 0;
	} else {
		bg_corpus_map(fl, jobs ? jobs : 1, true, read_one, &c);
		for (size_t i = 0; i < fl->count; i++)
			b->failed += b->diags[i].status != BG_OK;
	}
	for (size_t i = 0; i < fl->count; i++) {
		if (c.st[i] != BG_OK && st == BG_OK)
			st = c.st[i];
		if (c.slots[i] && st == BG_OK)
			st = bg_defset_merge(set, c.slots[i]);
		else
			bg_defset_free(c.slots[i]);
	}
	for (size_t i = 0; i < c.npool; i++)
		bg_norm_free(c.pool[i]);
	free(c.pool);
	pthread_mutex_destroy(&c.lock);
	free(c.slots);
	free(c.st);
	defpre_free(pre);
	if (st == BG_OK)
		st = bg_defs_resolve(set);
	if (st != BG_OK) {
		bg_defset_free(set);
		return st;
	}
	*out = set;
	return BG_OK;
}
