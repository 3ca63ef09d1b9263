/*
 * resolve.c -- where definitions point: the title table of the corpus,
 * the targets of textual references, inherited definitions and reference
 * chains.
 *
 * The title table is built from the regulations read (citeertitel, the
 * "(...)" short title of the intitule, alias titles) plus the lexicon's
 * abbreviations, so that "artikel 8 van de Algemene wet
 * inkomensafhankelijke regelingen" and "artikel 8 van de Awir" both reach
 * BWBR0018472.  "artikel 8 van deze wet" and a bare "artikel 8" stay in
 * the regulation itself.
 *
 * Chains: a reference's target is looked up among the records of the set
 * (same regulation, article and lid; the record naming the same term or
 * concept first; the version with the same date, else the newest).  The
 * chain is followed to a record that defines in its own words or changes
 * what it points to (a modified reference); a target
 * without a record is "dangling", a chain that comes back to itself is a
 * "cycle".  Nothing loops: a chain visits at most MAX_CHAIN records.
 */
#include "defs_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_CHAIN 32

/* ---------------------------------------------------------- title table */

static bg_status add_title(bg_defset *set, size_t *alloc, const char *title,
			   const char *bwb, bool short_ok)
{
	bg_buf low = BG_BUF_INIT;
	size_t n = strlen(title);
	struct bg_title *t;

	while (n && (title[n - 1] == '.' || title[n - 1] == ' ' || title[n - 1] == ','))
		n--;
	if (!n || !bwb[0])
		return BG_OK;
	if (short_ok) {
		/* an abbreviation is only trusted when it is written as one
		 * ("Awir", "Wet IB 2001"), not a lower-case word like "wet" */
		bool upper = false;
		for (size_t i = 0; i < n; i++)
			if (title[i] >= 'A' && title[i] <= 'Z')
				upper = true;
		if (!upper || n < 2)
			return BG_OK;
	} else if (n < 4) {
		return BG_OK;
	}
	if (set->ntitles == *alloc) {
		size_t na = *alloc ? *alloc * 2 : 256;
		struct bg_title *v = realloc(set->titles, na * sizeof *v);
		if (!v)
			return BG_ERR_NOMEM;
		set->titles = v;
		*alloc = na;
	}
	bg_lower_ascii(title, n, &low);
	t = &set->titles[set->ntitles];
	t->key = bg_arena_strndup(set->arena, low.s, low.len);
	t->len = low.len;
	t->bwb = bwb;
	t->title = title;
	bg_buf_release(&low);
	if (!t->key)
		return BG_ERR_NOMEM;
	set->ntitles++;
	return BG_OK;
}

static bg_status build_titles(bg_defset *set)
{
	size_t alloc = 0;
	bg_status st = BG_OK;

	free(set->titles);
	set->titles = NULL;
	set->ntitles = 0;
	for (size_t i = 0; i < set->nlaws && st == BG_OK; i++) {
		const bg_deflaw *l = &set->laws[i];
		st = add_title(set, &alloc, l->title, l->bwb_id, false);
		if (st == BG_OK && l->short_title[0])
			st = add_title(set, &alloc, l->short_title, l->bwb_id, false);
		for (size_t k = 0; st == BG_OK && k < l->n_aliases; k++)
			st = add_title(set, &alloc, l->aliases[k], l->bwb_id, true);
	}
	if (set->lex)
		for (size_t i = 0; st == BG_OK && i < bg_lexicon_abbrev_count(set->lex); i++)
			st = add_title(set, &alloc, bg_lexicon_abbrev_name(set->lex, i),
				       bg_lexicon_abbrev_bwb(set->lex, i), true);
	return st;
}

static bool is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (unsigned char)c >= 0x80;
}

/* The longest title that s[0..n) (lower-cased) starts with, ending at a
 * word boundary. */
static const struct bg_title *title_prefix(const bg_defset *set, const char *s, size_t n)
{
	const struct bg_title *best = NULL;

	for (size_t i = 0; i < set->ntitles; i++) {
		const struct bg_title *t = &set->titles[i];
		if (t->len > n || (best && t->len <= best->len))
			continue;
		if (memcmp(s, t->key, t->len))
			continue;
		if (t->len < n && is_word_byte(s[t->len]))
			continue;
		best = t;
	}
	return best;
}

const char *bg_defset_title(const bg_defset *set, const char *bwb_id)
{
	for (size_t i = 0; set && i < set->nlaws; i++)
		if (!strcmp(set->laws[i].bwb_id, bwb_id))
			return set->laws[i].title;
	return NULL;
}

const char *bg_defset_lookup_title(const bg_defset *set, const char *name, size_t n)
{
	bg_buf low = BG_BUF_INIT;
	const struct bg_title *t;
	size_t off = 0;

	bg_lower_ascii(name, n, &low);
	if (!bg_buf_ok(&low))
		return NULL;
	if (low.len > 3 && !memcmp(low.s, "de ", 3))
		off = 3;
	else if (low.len > 4 && !memcmp(low.s, "het ", 4))
		off = 4;
	t = title_prefix(set, low.s + off, low.len - off);
	if (t && t->len != low.len - off)
		t = NULL;
	bg_buf_release(&low);
	return t ? t->bwb : NULL;
}

/* ------------------------------------------------- textual references */

static const char *const ordinals[] = {
	"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
	"negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende",
	"zestiende", "zeventiende", "achttiende", "negentiende", "twintigste",
};

static bool starts(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);
	return n >= l && !memcmp(s, w, l);
}

struct target {
	const char *bwb;   /* "" unknown */
	char article[64];
	char lid[16];
	bool resolved;
};

/* The length of the first of words[0..nw) that s[0..n) starts with, or 0. */
static size_t starts_any(const char *s, size_t n, const char *const *words, size_t nw)
{
	for (size_t k = 0; k < nw; k++)
		if (starts(s, n, words[k]))
			return strlen(words[k]);
	return 0;
}

/* The ordinal s[0..n) starts with: its number (1 for "eerste"), its
 * length in *len; 0 when none. */
static unsigned ordinal_at(const char *s, size_t n, size_t *len)
{
	for (unsigned o = 0; o < sizeof ordinals / sizeof *ordinals; o++)
		if (starts(s, n, ordinals[o])) {
			*len = strlen(ordinals[o]);
			return o + 1;
		}
	return 0;
}

/* Whether s[0..n), right after an ordinal, goes on to " lid" or
 * " leden", over more ordinals joined by ",", "en", "of" or "tot en met". */
static bool lid_follows(const char *s, size_t n)
{
	static const char *const joiners[] = { ", ", " en ", " of ", " tot en met " };
	size_t i = 0, l;

	for (int k = 0; k < 12; k++) {
		if (starts(s + i, n - i, " lid") || starts(s + i, n - i, " leden"))
			return true;
		if (!(l = starts_any(s + i, n - i, joiners, sizeof joiners / sizeof *joiners)))
			return false;
		i += l;
		if (!ordinal_at(s + i, n - i, &l))
			return false;
		i += l;
	}
	return false;
}

/* Whether a: as an article is numbered: with a digit ("8", "3.2a",
 * "1:1"), a roman numeral ("II", "xxiii") or one letter ("A"). */
static bool article_number(const char *a)
{
	size_t n = strlen(a);

	if (strpbrk(a, "0123456789") || n == 1)
		return true;
	return n <= 7 && strspn(a, "ivxlcIVXLC") == n;
}

/*
 * Parses a reference as written after "bedoeld in" / "in de zin van":
 *   artikel 8[, eerste lid][, onderdeel a][, van de TITLE | van deze wet]
 *   afdeling 3.3.1 van de Zorgverzekeringswet
 *   de Wet inkomstenbelasting 2001
 */
static void parse_ref(const bg_defset *set, const bg_def *d, const char *s, size_t n,
		      struct target *t)
{
	size_t i = 0, lim;
	bool have_loc = false;

	memset(t, 0, sizeof *t);
	t->bwb = "";
	for (;;) {
		static const char *const lead[] = {
			"in ", "bij ", "op grond van ", "krachtens ", "ingevolge ", "de ", "het ",
		};
		size_t l;
		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
		if (!(l = starts_any(s + i, n - i, lead, sizeof lead / sizeof *lead)))
			break;
		i += l;
	}
	if (starts(s + i, n - i, "artikel ") || starts(s + i, n - i, "artikelen ")) {
		size_t j, k = 0;
		i += s[i + 7] == ' ' ? 8 : 10;
		for (j = i; j < n && k + 1 < sizeof t->article &&
		     (is_word_byte(s[j]) || s[j] == '.' || s[j] == ':') && (unsigned char)s[j] < 0x80;
		     j++)
			t->article[k++] = s[j];
		while (k && (t->article[k - 1] == '.' || t->article[k - 1] == ':'))
			k--;
		t->article[k] = '\0';
		/* a number, a roman numeral or a letter; "dat artikel bedoelde
		 * personen" names none */
		if (k && !article_number(t->article))
			t->article[k = 0] = '\0';
		/* artikel numbers are printed as in the law: keep the case of
		 * the original ("3a", "5.13"); the text is lower-cased, so do
		 * letters */
		i = j;
		have_loc = k > 0;
		/* ", eerste lid" / " lid 2" */
		{
			size_t p = i;
			while (p < n && (s[p] == ',' || s[p] == ' '))
				p++;
			/* "eerste lid"; of several, the first: "tweede tot en met
			 * zesde lid", "eerste of tweede lid", "eerste, tweede en
			 * vierde lid" */
			size_t ol;
			unsigned o = ordinal_at(s + p, n - p, &ol);
			if (o && lid_follows(s + p + ol, n - p - ol))
				snprintf(t->lid, sizeof t->lid, "%u", o);
			if (!t->lid[0] && starts(s + p, n - p, "lid ")) {
				size_t q = p + 4, k2 = 0;
				while (q < n && k2 + 1 < sizeof t->lid && is_word_byte(s[q]) &&
				       (unsigned char)s[q] < 0x80)
					t->lid[k2++] = s[q++];
				t->lid[k2] = '\0';
			}
		}
	} else {
		static const char *const containers[] = {
			"afdeling ", "hoofdstuk ", "paragraaf ", "titel ", "titeldeel ", "bijlage ",
			"onderdeel ", "deel ", "boek ",
		};
		size_t l = starts_any(s + i, n - i, containers,
				      sizeof containers / sizeof *containers);
		if (l) {
			for (i += l; i < n && s[i] != ' ' && s[i] != ','; i++)
				;
			have_loc = true;
		}
	}
	if (!have_loc) {
		/* "de Wet inkomstenbelasting 2001" directly */
		const struct bg_title *tt = title_prefix(set, s + i, n - i);
		if (tt) {
			t->bwb = tt->bwb;
			t->resolved = true;
		}
		return;
	}
	/* find " van " naming the regulation, before the clause ends */
	lim = n;
	for (size_t p = i; p < n; p++) {
		if (s[p] == ';' || (s[p] == '.' && (p + 1 == n || s[p + 1] == ' ') &&
				    !(p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9'))) {
			lim = p;
			break;
		}
	}
	for (size_t p = i; p + 4 <= lim; p++) {
		size_t a;
		const struct bg_title *tt;

		if (!(s[p] == 'v' && starts(s + p, lim - p, "van ") && (p == 0 || s[p - 1] == ' ')))
			continue;
		a = p + 4;
		if (starts(s + a, lim - a, "deze ") || starts(s + a, lim - a, "dit ") ||
		    starts(s + a, lim - a, "onderhavige")) {
			t->bwb = d->bwb_id;
			t->resolved = true;
			return;
		}
		if (starts(s + a, lim - a, "die ") || starts(s + a, lim - a, "dat ") ||
		    starts(s + a, lim - a, "laatstgenoemde") || starts(s + a, lim - a, "eerstgenoemde"))
			return; /* a law named earlier: not resolved here */
		if (starts(s + a, lim - a, "de "))
			a += 3;
		else if (starts(s + a, lim - a, "het "))
			a += 4;
		tt = title_prefix(set, s + a, n - a);
		if (tt) {
			t->bwb = tt->bwb;
			t->resolved = true;
			return;
		}
		/* "onderdeel a van het eerste lid", "van hoofdstuk 3": go on */
		if (starts(s + a, lim - a, "eerste") || starts(s + a, lim - a, "tweede") ||
		    starts(s + a, lim - a, "derde") || starts(s + a, lim - a, "vierde") ||
		    starts(s + a, lim - a, "hoofdstuk") || starts(s + a, lim - a, "afdeling") ||
		    starts(s + a, lim - a, "paragraaf") || starts(s + a, lim - a, "titel") ||
		    starts(s + a, lim - a, "artikel") || starts(s + a, lim - a, "onderdeel") ||
		    starts(s + a, lim - a, "lid"))
			continue;
		/* an unknown regulation */
		return;
	}
	/* no regulation named: the same one */
	t->bwb = d->bwb_id;
	t->resolved = true;
}

/* Article numbers in BWB are case-sensitive ("3a" vs "3A"); references
 * are lower-cased here, so compare without case. */
static bool same_nr(const char *a, const char *b)
{
	return !strcasecmp(a, b);
}

static bg_status resolve_targets(bg_defset *set)
{
	bg_buf low = BG_BUF_INIT;

	for (size_t i = 0; i < set->n; i++) {
		bg_def *d = &set->v[i];
		struct target t;

		if (d->kind != BG_DEF_REFERENCE && d->kind != BG_DEF_MODIFIED_REFERENCE)
			continue;
		bg_lower_ascii(d->ref_text, strlen(d->ref_text), &low);
		if (!bg_buf_ok(&low)) {
			bg_buf_release(&low);
			return BG_ERR_NOMEM;
		}
		parse_ref(set, d, low.s, low.len, &t);
		if (d->ref_marked_up && d->target_bwb_id[0]) {
			/* markup often names the regulation only ("artikel 1 van
			 * de <link>Wet X</link>"): the text has the article when
			 * it names the same regulation (a title the corpus does
			 * not hold proves nothing: the link may sit on another
			 * name further on) */
			if (!d->target_article[0] && t.article[0] && t.resolved &&
			    !strcmp(t.bwb, d->target_bwb_id)) {
				d->target_article = bg_arena_strdup(set->arena, t.article);
				if (!d->target_article) {
					bg_buf_release(&low);
					return BG_ERR_NOMEM;
				}
			}
			/* and the article only: the text has the lid */
			if (!d->target_lid[0] && t.lid[0] && same_nr(t.article, d->target_article) &&
			    !(d->target_lid = bg_arena_strdup(set->arena, t.lid))) {
				bg_buf_release(&low);
				return BG_ERR_NOMEM;
			}
			continue;
		}
		if (!t.resolved)
			continue;
		d->target_bwb_id = t.bwb;
		d->target_article = bg_arena_strdup(set->arena, t.article);
		d->target_lid = bg_arena_strdup(set->arena, t.lid);
		if (!d->target_article || !d->target_lid) {
			bg_buf_release(&low);
			return BG_ERR_NOMEM;
		}
	}
	bg_buf_release(&low);
	return BG_OK;
}

/* ------------------------------------------------------------- chains */



struct ix {
	const bg_def *d;
};

static int cmp_ix(const void *a, const void *b)
{
	const bg_def *x = ((const struct ix *)a)->d, *y = ((const struct ix *)b)->d;
	int c = strcmp(x->bwb_id, y->bwb_id);


	if (c)
		return c;
	return x < y ? -1 : x > y;
}

/* First index in ix[0..n) whose bwb_id is >= bwb. */
static size_t lower_bound(const struct ix *ix, size_t n, const char *bwb)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix[mid].d->bwb_id, bwb) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The record a reference (or inherited record) points to, or NULL. */
static const bg_def *find_target(const struct ix *ix, size_t nix, const bg_def *d,
				 const bg_def *self)
{
	const bg_def *best = NULL;
	int best_score = -1;
	bool best_date = false;

	if (!d->target_bwb_id[0])
		return NULL;
	for (size_t i = lower_bound(ix, nix, d->target_bwb_id);
	     i < nix && !strcmp(ix[i].d->bwb_id, d->target_bwb_id); i++) {
		const bg_def *c = ix[i].d;
		int score = 0;
		bool date;

		if (c == self || c->kind == BG_DEF_INHERITED)
			continue;
		/* another version of the very provision that points */
		if (!strcmp(c->address, d->address))
			continue;
		/* "bedoeld in afdeling 3.3.1" of the law itself: no record can
		 * be the target */
		if (!d->target_article[0] && !strcmp(d->target_bwb_id, d->bwb_id))
			continue;
		if (d->target_article[0] && !same_nr(c->article, d->target_article))
			continue;
		if (d->target_lid[0] && c->lid[0] && !same_nr(c->lid, d->target_lid))
			continue;
		if (d->term_key[0] && !strcmp(c->term_key, d->term_key))
			score = 4;
		else if (d->concept[0] && !strcmp(c->concept, d->concept))
			score = 2;
		else if (d->target_article[0])
			score = 1;
		else
			continue;
		if (c->kind == BG_DEF_NEGATIVE)
			score--;
		date = !strcmp(c->date, d->date);
		if (score > best_score || (score == best_score && date && !best_date) ||
		    (score == best_score && date == best_date && best &&
		     strcmp(c->date, best->date) > 0)) {
			best = c;
			best_score = score;
			best_date = date;
		}
	}
	return best;
}

static void follow(const struct ix *ix, size_t nix, bg_def *d)
{
	const bg_def *seen[MAX_CHAIN];
	const bg_def *cur = d;
	size_t k = 0;

	seen[k++] = d;
	for (;;) {
		const bg_def *t = find_target(ix, nix, cur, cur);
		if (!t) {
			d->chain_status = "dangling";
			d->root = NULL;
			return;
		}
		for (size_t j = 0; j < k; j++)
			if (seen[j] == t) {
				d->chain_status = "cycle";
				d->root = NULL;
				return;
			}
		/* a modified reference is a meaning of its own: a chain that
		 * reaches one ends there, it does not run on to what that
		 * reference changes */
		if (t->kind == BG_DEF_OWN || t->kind == BG_DEF_NEGATIVE ||
		    t->kind == BG_DEF_MODIFIED_REFERENCE) {
			d->chain_status = "ok";
			d->root = t;
			return;
		}
		if (k == MAX_CHAIN) {
			d->chain_status = "cycle";
			d->root = NULL;
			return;
		}
		seen[k++] = t;
		cur = t;
	}
}

/* ---------------------------------------------------------- inheritance */

/* Does variant key v name term key k (the same, or k starts or ends with
 * v's words)? */
static bool key_names(const char *k, const char *v)
{
	size_t kl = strlen(k), vl = strlen(v);

	if (kl < vl)
		return false;
	if (kl == vl)
		return !memcmp(k, v, kl);
	return (!memcmp(k, v, vl) && k[vl] == ' ') ||
	       (!memcmp(k + kl - vl, v, vl) && k[kl - vl - 1] == ' ');
}

/* The used variant of the law that names framework term key `tk`: the
 * same words, or the head of the term ("partner" for "partner van de
 * belanghebbende"; not "loon" for "belastbaar loon"), or NULL. */
static const char *law_uses_term(const bg_deflaw *l, const char *tk)
{
	size_t kl = strlen(tk);

	for (size_t i = 0; i < l->n_used_keys; i++) {
		const char *v = l->used_keys[i];
		size_t vl = strlen(v);
		if (vl <= kl && !memcmp(tk, v, vl) && (tk[vl] == '\0' || tk[vl] == ' '))
			return v;
	}
	return NULL;
}

/* Does the law define something that variant v names, or the concept? */
static bool law_defines(const bg_defset *set, size_t from, size_t to, const char *v,
			const char *tk)
{
	for (size_t i = from; i < to; i++) {
		const bg_def *d = &set->v[i];
		if (d->kind == BG_DEF_NEGATIVE || d->kind == BG_DEF_INHERITED)
			continue;
		if (!strcmp(d->term_key, tk) || key_names(d->term_key, v))
			return true;
	}
	return false;
}

/* Has the law declared article `art` of framework `fbwb` not to apply? */
static bool excluded(const bg_deflaw *l, const char *fbwb, const char *art)
{
	for (size_t i = 0; i < l->n_excluded; i++)
		if (!strcmp(l->excluded_bwb[i], fbwb) && !strcasecmp(l->excluded_article[i], art))
			return true;
	return false;
}

/* The version of the framework law to inherit from: the same date as the
 * user, else the newest.  Returns its doc_index, or (size_t)-1. */
static size_t framework_version(const bg_defset *set, const char *bwb, const char *date)
{
	size_t best = (size_t)-1;

	for (size_t i = 0; i < set->nlaws; i++) {
		const bg_deflaw *l = &set->laws[i];
		if (strcmp(l->bwb_id, bwb))
			continue;
		if (!strcmp(l->date, date))
			return i;
		if (best == (size_t)-1 || strcmp(l->date, set->laws[best].date) > 0)
			best = i;
	}
	return best;
}

/* The lid that holds every definition of `concept` in article `art` among
 * the records [from, to) of one law (a definition list: "artikel 2, eerste
 * lid"), or "" when they are spread over several leden (Awir art. 3,
 * partner) or sit in the article itself. */
static const char *one_lid(const bg_defset *set, size_t from, size_t to, const char *art,
			   const char *concept)
{
	const char *lid = NULL;

	for (size_t r = from; r < to; r++) {
		const bg_def *c = &set->v[r];
		if (c->kind == BG_DEF_INHERITED || strcmp(c->article, art) ||
		    strcmp(c->concept, concept))
			continue;
		if (!c->lid[0] || (lid && strcmp(lid, c->lid)))
			return "";
		lid = c->lid;
	}
	return lid ? lid : "";
}

static bg_status add_inherited(bg_defset *set)
{
	size_t nrec = set->n, start = 0;
	size_t *first = calloc(set->nlaws + 1, sizeof *first);
	bg_buf b = BG_BUF_INIT;

	if (!first)
		return BG_ERR_NOMEM;
	/* records are in law order: first[li] .. first[li+1] */
	for (size_t i = 0, li = 0; li <= set->nlaws; li++) {
		while (i < nrec && set->v[i].doc_index < li)
			i++;
		first[li] = i;
	}
	for (size_t li = 0; li < set->nlaws; li++) {
		const bg_deflaw *l = &set->laws[li];

		start = first[li];
		for (size_t f = 0; f < l->n_frameworks; f++) {
			size_t fi = l->frameworks[f];
			const char *fbwb = bg_lexicon_framework_bwb(set->lex, fi);
			size_t fv = framework_version(set, fbwb, l->date);
			const char *done_art[64];
			size_t ndone = 0;

			if (fv == (size_t)-1)
				continue;
			for (size_t r = first[fv]; r < first[fv + 1]; r++) {
				const bg_def *src = &set->v[r];
				const char *v;
				bool wanted = false, dupe = false;
				bg_def *d;
				bg_def s;

				if (src->kind == BG_DEF_NEGATIVE || !src->concept[0])
					continue;
				/* a pointer inside the framework ("partner: de persoon
				 * bedoeld in artikel 3"): its target is inherited */
				if ((src->kind == BG_DEF_REFERENCE ||
				     src->kind == BG_DEF_MODIFIED_REFERENCE) &&
				    !strcmp(src->target_bwb_id, src->bwb_id))
					continue;
				for (size_t c = 0; c < bg_lexicon_framework_concept_count(set->lex, fi); c++)
					if (!strcmp(bg_lexicon_framework_concept(set->lex, fi, c), src->concept))
						wanted = true;
				if (!wanted || !(v = law_uses_term(l, src->term_key)) ||
				    law_defines(set, start, first[li + 1], v, src->term_key) ||
				    excluded(l, fbwb, src->article))
					continue;
				/* one record per definition article of the framework */
				for (size_t k = 0; k < ndone; k++)
					if (!strcmp(done_art[k], src->article))
						dupe = true;
				if (dupe || ndone == 64)
					continue;
				done_art[ndone++] = src->article;
				s = *src; /* the array may move */
				d = bg_defset_add(set);
				if (!d)
					goto nomem;
				d->term = s.term;
				d->term_key = s.term_key;
				d->concept = s.concept;
				d->text = s.text;
				d->target_bwb_id = s.bwb_id;
				d->target_article = s.article;
				d->target_lid = one_lid(set, first[fv], first[fv + 1], s.article, s.concept);
				d->file = l->file;
				d->bwb_id = l->bwb_id;
				d->law_title = l->title;
				d->date = l->date;
				d->article = l->framework_article[f];
				d->lid = l->framework_lid[f];
				d->kind = BG_DEF_INHERITED;
				d->scope_kind = "regulation";
				d->scope_address = l->root_address;
				d->doc_index = li;
				bg_buf_clear(&b);
				bg_buf_adds(&b, l->root_address);
				if (d->article[0])
					bg_buf_addf(&b, "/artikel=%s", d->article);
				if (d->lid[0])
					bg_buf_addf(&b, "/lid=%s", d->lid);
				d->address = bg_arena_strndup(set->arena, b.s, b.len);
				bg_buf_clear(&b);
				bg_buf_adds(&b, "https://wetten.overheid.nl/");
				if (bg_is_bwb_id(l->bwb_id)) {
					bg_buf_addf(&b, "jci1.3:c:%s", l->bwb_id);
					if (d->article[0])
						bg_buf_addf(&b, "&artikel=%s", d->article);
					if (d->lid[0])
						bg_buf_addf(&b, "&lid=%s", d->lid);
					if (l->date[0])
						bg_buf_addf(&b, "&g=%s", l->date);
				}
				d->link = bg_arena_strndup(set->arena, b.s, b.len);
				if (!d->address || !d->link || !bg_buf_ok(&b))
					goto nomem;
			}
		}
	}
	free(first);
	bg_buf_release(&b);
	/* keep file order: inherited records after the records of their law */
	if (set->n > nrec) {
		bg_def *v = malloc((set->n ? set->n : 1) * sizeof *v);
		size_t k = 0, r = 0, extra = nrec;
		if (!v)
			return BG_ERR_NOMEM;
		for (size_t li = 0; li < set->nlaws; li++) {
			while (r < nrec && set->v[r].doc_index == li)
				v[k++] = set->v[r++];
			while (extra < set->n && set->v[extra].doc_index == li)
				v[k++] = set->v[extra++];
		}
		while (r < nrec)
			v[k++] = set->v[r++];
		while (extra < set->n)
			v[k++] = set->v[extra++];
		memcpy(set->v, v, set->n * sizeof *v);
		free(v);
	}
	return BG_OK;
nomem:
	free(first);
	bg_buf_release(&b);
	return BG_ERR_NOMEM;
}

bg_status bg_defs_resolve(bg_defset *set)
{
	struct ix *ix;
	size_t nix = 0;
	bg_status st;

	if ((st = build_titles(set)) != BG_OK)
		return st;
	if ((st = resolve_targets(set)) != BG_OK)
		return st;
	if (set->lex && (st = add_inherited(set)) != BG_OK)
		return st;
	ix = malloc((set->n ? set->n : 1) * sizeof *ix);
	if (!ix)
		return BG_ERR_NOMEM;
	for (size_t i = 0; i < set->n; i++)
		ix[nix++].d = &set->v[i];
	qsort(ix, nix, sizeof *ix, cmp_ix);
	for (size_t i = 0; i < set->n; i++) {
		bg_def *d = &set->v[i];
		if (d->kind == BG_DEF_OWN || d->kind == BG_DEF_NEGATIVE) {
			d->chain_status = "";
			d->root = NULL;
			continue;
		}
		follow(ix, nix, d);
	}
	free(ix);
	return BG_OK;
}
